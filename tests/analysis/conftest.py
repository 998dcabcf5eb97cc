"""Warehouses the analysts' tests share: the five samples ingested once per module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.runs.ingest import ingest
from tests.conftest import TEXT_SAMPLES


def write_bulletin(directory: Path, name: str, text: str, url: str, published: str) -> Path:
    """A text bulletin with its sidecar (URL and publication time), as `ingest` reads them."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    sidecar = {"url": url, "published": published}
    (directory / f"{name}.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def samples_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory whose warehouse holds the five text samples (one ingest run)."""
    home = tmp_path_factory.mktemp("samples-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BULLETINS_HOME", str(home))
        summary = ingest([TEXT_SAMPLES], home / "warehouse.duckdb")
        assert (summary.status, summary.n_new) == ("succeeded", 5)
        yield home
