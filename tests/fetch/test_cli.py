"""`bulletins crawl` and `bulletins reprocess` from the command line; reprocessing rebuilds
the warehouse from the landing zone with no network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

import etl.load.rows
import etl.load.warehouse
from etl.cli import main
from etl.runs.reprocess import reprocess
from tests.fetch.conftest import rows
from tests.fetch.test_resume import snapshot
from tests.sites.server import ARCHIVE, WAYBACK, Sites, World, running_sites


@pytest.fixture
def quiet_sites() -> Iterator[Sites]:
    """The hosts without a Crawl-delay (the command line waits for real)."""
    with running_sites(World(crawl_delay={"sana": None, "sana-archive": None, WAYBACK: None})) as s:
        yield s


def invoke(sites: Sites, *args: str) -> Any:
    return CliRunner().invoke(main, list(args), env=sites.env(), catch_exceptions=False)


def test_crawl_command(quiet_sites: Sites, home: Path) -> None:
    result = invoke(
        quiet_sites, "crawl", "sana", "--categories", "politics,presidency",
        "--since", "2025-10-01", "--delay", "0",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("crawl sana job sana-")
    assert lines[0].endswith(
        " complete: listing pages 3, articles listed 20, already stored 0, out of range 15, "
        "fetched 5 from origin and 0 from Wayback, failed 0, loaded from raw 0; "
        "9 requests, 0 retries"
    )
    assert "seen 5, new 5, updated 0, unchanged 0, rejected 0" in lines[1]
    assert rows(home / "warehouse.duckdb", "select url from articles order by 1") == [
        ("https://sana.sy/en/politics/2218800/",),
        ("https://sana.sy/en/politics/2219100/",),
        ("https://sana.sy/en/politics/2219300/",),
        ("https://sana.sy/en/presidency/2218400/",),
        ("https://sana.sy/en/presidency/2219010/",),
    ]


def test_crawl_command_refuses_unknown_categories(quiet_sites: Sites) -> None:
    result = CliRunner().invoke(main, ["crawl", "sana-archive", "--categories", "sport"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: unknown category of sana-archive: 'sport' "
        "(use an id or politics, syria-and-the-world, world)\n"
    )
    assert quiet_sites.world.hits == []


def test_crawl_command_exits_3_when_a_listing_cannot_be_walked(quiet_sites: Sites) -> None:
    quiet_sites.world.add_fault(ARCHIVE, "/en/?cat=106", "503", forever=True)
    result = invoke(
        quiet_sites, "crawl", "sana-archive", "--categories", "world", "--delay", "0",
        "--retries", "0",
    )  # fmt: skip
    assert result.exit_code == 3
    assert "incomplete (run again to resume)" in result.stdout
    assert "warning: listing " in result.stderr
    assert "?cat=106: HTTP 503 Service Unavailable" in result.stderr


def test_reprocess_rebuilds_the_warehouse_without_network(
    quiet_sites: Sites, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crawl, then drop the warehouse and stop the hosts: `bulletins reprocess` rebuilds the
    same warehouse from the WARC files. A newer parser version rewrites every article."""
    result = invoke(quiet_sites, "crawl", "sana-archive", "--categories", "world", "--delay", "0")
    assert result.exit_code == 0, result.output
    db = home / "warehouse.duckdb"
    crawled = snapshot(db)
    db.unlink()

    def no_network(*args: object, **kwargs: object) -> httpx.Response:
        raise AssertionError("reprocess used the network")

    monkeypatch.setattr(httpx.Client, "send", no_network)
    quiet_sites.world.stop.set()
    result = CliRunner().invoke(main, ["reprocess"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "seen 6, new 6, updated 0, unchanged 0, rejected 0" in result.stdout
    assert snapshot(db) == crawled
    result = CliRunner().invoke(main, ["reprocess"], catch_exceptions=False)
    assert "seen 6, new 0, updated 0, unchanged 6, rejected 0" in result.stdout

    monkeypatch.setattr(etl.load.rows, "PARSER_VERSION", "999")
    monkeypatch.setattr(etl.load.warehouse, "PARSER_VERSION", "999")
    summary = reprocess(db)
    assert (summary.n_seen, summary.n_updated) == (6, 6)
    assert rows(db, "select distinct parser_version from articles") == [("999",)]
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    assert reprocess(db, since=tomorrow).n_seen == 0
