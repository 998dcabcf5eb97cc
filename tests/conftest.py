"""Paths shared by the tests: the repo's samples and the read-only `../shared` material."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
TEXT_SAMPLES = SAMPLES / "text"
PAGES = REPO / "tests" / "data" / "pages"
SHARED = Path(os.environ.get("BULLETINS_SHARED", REPO.parent / "shared"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A fresh warehouse path in a temporary directory."""
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(autouse=True)
def bulletins_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory (Data Docs and default warehouse go there)."""
    home = tmp_path / "home"
    monkeypatch.setenv("BULLETINS_HOME", str(home))
    monkeypatch.delenv("BULLETINS_DB", raising=False)
    return home
