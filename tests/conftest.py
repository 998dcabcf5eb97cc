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
