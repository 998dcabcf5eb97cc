"""A crawl killed mid-way and started again fetches nothing twice and ends with the same
warehouse as a crawl that was never interrupted."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from etl.fetch.frontier import Frontier
from tests.fetch.conftest import REPO_ROOT, rows, run_crawl
from tests.sites.server import ARCHIVE, WAYBACK, Sites, World, running_sites

# What a rebuilt warehouse must reproduce; run ids, fetch times and WARC places differ.
SNAPSHOT = {
    "articles": "select * exclude (first_run_id, last_run_id) from articles",
    "paragraphs": "select * from paragraphs",
    "authors": "select * from authors",
    "article_authors": "select * from article_authors",
    "related_links": "select * from related_links",
    "captions": "select * from captions",
    "documents": "select * exclude (raw_location, raw_offset, fetched_at, first_run_id) "
    "from documents",
    "rejects": "select * exclude (run_id) from rejects",
}


LEDGER = "select trigger, status, n_seen, n_new from ingest_runs order by started_at"


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {name: sorted(rows(db, query), key=repr) for name, query in SNAPSHOT.items()}


class Killed(BaseException):
    """Stands for SIGKILL inside the process: nothing catches it."""


def test_resume_after_a_kill_between_writing_and_noting(
    sana_sites: Sites, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed just after the 4th article's record reached the WARC file, before the frontier
    noted it, with batches of 2: the first batch was published and its pages marked loaded;
    the second is lost to the warehouse, not to the landing zone. The restart adopts the 4th
    record from the file's tail, loads the 3rd and 4th from the landing zone and fetches
    the other two, each once; the killed run is recorded as failed."""
    calls = {"n": 0}
    original = Frontier.mark_fetched

    def dying(self: Frontier, url: str, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise Killed
        original(self, url, **kwargs)

    monkeypatch.setattr(Frontier, "mark_fetched", dying)
    with pytest.raises(Killed):
        run_crawl(sana_sites, home, "sana-archive", categories=("world",), batch_size=2)
    monkeypatch.setattr(Frontier, "mark_fetched", original)
    assert rows(home / "warehouse.duckdb", "select count(*) from articles") == [(2,)]

    stats, summary = run_crawl(sana_sites, home, "sana-archive", categories=("world",))
    assert (stats.resumed, stats.adopted, stats.reloaded) == (True, 1, 2)
    assert (stats.listing_pages, stats.fetched_origin) == (0, 2)
    assert (summary.n_seen, summary.n_new) == (4, 4)
    assert rows(home / "warehouse.duckdb", LEDGER) == [
        ("crawl", "failed", 2, 2),
        ("crawl", "succeeded", 4, 4),
    ]
    served = sana_sites.world.served(ARCHIVE)
    assert served["sana-archive:/en/?cat=106"] == 1
    assert sorted(n for key, n in served.items() if "?p=" in key) == [1] * 6

    reference = tmp_path / "reference"
    run_crawl(sana_sites, reference, "sana-archive", categories=("world",))
    assert snapshot(home / "warehouse.duckdb") == snapshot(reference / "warehouse.duckdb")


@pytest.fixture
def quiet_sites() -> Iterator[Sites]:
    """The hosts without a Crawl-delay: a crawl in a subprocess waits for real."""
    with running_sites(World(crawl_delay={"sana": None, "sana-archive": None, WAYBACK: None})) as s:
        yield s


def _crawl_process(sites: Sites, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, **sites.env(), "BULLETINS_HOME": str(home)}
    env.pop("BULLETINS_DB", None)
    command = [
        sys.executable, "-m", "etl", "crawl", "sana-archive", "--categories", "politics",
        "--delay", "0", "--timeout", "5", "--retries", "1",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_resume_after_sigkill(quiet_sites: Sites, home: Path, tmp_path: Path) -> None:
    """`bulletins crawl` in a subprocess, SIGKILLed while it waits for its 8th article (7
    stored); run again to the end. No page was served twice, and the
    warehouse is the one an uninterrupted crawl makes."""
    world = quiet_sites.world
    world.hold_articles_after = 7
    first = _crawl_process(quiet_sites, home)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(first.stderr.readline, "")))  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + 60
    while sum("INFO etl.fetch.crawl: fetched " in line for line in lines) < 7:
        assert first.poll() is None, "".join(lines)
        assert time.monotonic() < deadline, "".join(lines)
        time.sleep(0.05)
    first.kill()
    first.wait(timeout=10)
    reader.join(timeout=10)
    world.hold_articles_after = None
    world.release.set()
    assert sum(world.articles_served().values()) == 7

    second = _crawl_process(quiet_sites, home)
    out, err = second.communicate(timeout=180)
    assert second.returncode == 0, err
    assert "(resumed) complete" in out
    assert "loaded from raw 7;" in out
    assert "seen 25, new 25" in out
    served = world.served()
    assert sorted(set(world.articles_served().values())) == [1]
    assert len(world.articles_served()) == 25
    assert {key: n for key, n in served.items() if "cat=" in key or "robots" in key} == {
        "sana-archive:/robots.txt": 1,
        "sana-archive:/en/?cat=2": 1,
        "sana-archive:/en/?cat=2&paged=2": 1,
        "sana-archive:/en/?cat=2&paged=3": 1,
        "wayback:/robots.txt": 1,
    }

    reference = tmp_path / "reference"
    run_crawl(quiet_sites, reference, "sana-archive", categories=("politics",))
    assert snapshot(home / "warehouse.duckdb") == snapshot(reference / "warehouse.duckdb")
