"""Hosts that misbehave in the body or the robots.txt: endless and trickling bodies, bodies
cut mid-way, the wrong content type, robots.txt that is garbage or a server error. Each is
bounded, recorded, and ends as a one-line reason."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from etl.fetch.robots import MAX_ROBOTS_BYTES, RobotsRules
from etl.sources.warc import iter_records
from tests.fetch.conftest import Recorded, rows, run_crawl
from tests.sites.server import ARCHIVE, Sites

ARTICLE = "/en/?p=185127"


def test_an_endless_body_is_cut_at_the_size_limit(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    sana_sites.world.add_fault(ARCHIVE, ARTICLE, "endless")
    assert callable(client_factory)
    result = client_factory(max_bytes=200_000).get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.transient, result.attempts, result.error) == (
        False,
        False,
        1,
        "response larger than 200000 bytes",
    )
    last = recorded.responses[-1]
    assert (len(last.body), last.truncated, last.status) == (200_000, True, 200)


def test_a_trickling_endless_body_ends_at_the_total_timeout(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    # Each chunk comes well within the read timeout; only the whole response's bound ends it.
    sana_sites.world.add_fault(ARCHIVE, ARTICLE, "trickle", forever=True)
    assert callable(client_factory)
    client = client_factory(total_timeout=1.0, read_timeout=0.5, retries=1)
    result = client.get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.transient, result.attempts, result.error) == (
        False,
        True,
        2,
        "timed out (ReadTimeout) after 2 attempts",
    )
    assert all(r.role == "robots" for r in recorded.responses)  # nothing half-read recorded


def test_a_body_cut_mid_way_is_retried(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    sana_sites.world.gzip = False
    sana_sites.world.add_fault(ARCHIVE, ARTICLE, "cut:5000", "cut:5000", "cut:5000")
    assert callable(client_factory)
    failed = client_factory(retries=2).get(f"{sana_sites.archive}?p=185127")
    assert (failed.ok, failed.transient, failed.attempts) == (False, True, 3)
    assert failed.error == (
        "connection failed (RemoteProtocolError: peer closed connection without sending "
        "complete message body (received 5000 bytes, expected 141778)) after 3 attempts"
    )
    # The fault is spent: the next request gets the whole page.
    whole = client_factory(retries=2).get(f"{sana_sites.archive}?p=185127")
    assert (whole.ok, whole.attempts, len(whole.response.body if whole.response else b"")) == (
        True,
        1,
        141_778,
    )


def test_a_garbage_robots_txt_forbids_nothing_and_is_reported(
    sana_sites: Sites, client_factory: object, caplog: pytest.LogCaptureFixture
) -> None:
    sana_sites.world.add_fault(ARCHIVE, "/robots.txt", "garbage", forever=True)
    assert callable(client_factory)
    with caplog.at_level(logging.WARNING, logger="etl.fetch.http"):
        result = client_factory().get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.status) == (True, 200)
    host = sana_sites.archive.rstrip("/").rsplit("/", 1)[0]
    assert [r.getMessage() for r in caplog.records] == [
        f"robots.txt of {host} is not text: read as allowing everything"
    ]


def test_a_robots_txt_server_error_closes_the_host(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    sana_sites.world.add_fault(ARCHIVE, "/robots.txt", "503", forever=True)
    assert callable(client_factory)
    result = client_factory(retries=1).get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.blocked, result.error) == (
        False,
        True,
        "host closed for now: robots.txt answered HTTP 503",
    )
    # Both 503s are recorded; the article itself is never asked for.
    assert recorded.summary() == [("robots", "robots.txt", 503), ("robots", "robots.txt", 503)]
    assert sana_sites.world.requested(ARCHIVE) == {"sana-archive:/robots.txt": 2}


def test_an_enormous_robots_txt_is_read_up_to_its_limit() -> None:
    rules = "User-agent: *\nCrawl-delay: 7\n" + "# padding\n" * (MAX_ROBOTS_BYTES // 10)
    late = "User-agent: *\nDisallow: /\n"
    parsed = RobotsRules(status=200, text=rules + late)
    assert (parsed.allowed("https://archive.sana.sy/en/?p=1"), parsed.crawl_delay()) == (True, 7.0)


def test_a_page_of_the_wrong_content_type_is_a_reject(sana_sites: Sites, home: Path) -> None:
    """Two articles answered as a PDF and a JPEG: recorded in the landing zone, refused with
    their reason, and the rest of the listing loads (75412, lost, comes from Wayback)."""
    world = sana_sites.world
    world.add_fault(ARCHIVE, "/en/?p=197800", "type:application/pdf", forever=True)
    world.add_fault(ARCHIVE, "/en/?p=194100", "type:image/jpeg", forever=True)
    stats, summary = run_crawl(sana_sites, home, "sana-archive", categories=("politics",))
    assert (stats.fetched_origin, stats.fetched_wayback, stats.failed) == (22, 1, 2)
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (25, 23, 2)
    db = home / "warehouse.duckdb"
    assert rows(db, "select uri, stage, reason from rejects order by uri") == [
        (
            "https://archive.sana.sy/en/?p=194100",
            "fetch",
            "origin: not an HTML page (image/jpeg)",
        ),
        (
            "https://archive.sana.sy/en/?p=197800",
            "fetch",
            "origin: not an HTML page (application/pdf)",
        ),
    ]
    records = [r for path in sorted((home / "raw").glob("*.warc.gz")) for r in iter_records(path)]
    wrong = sorted(r.content_type for r in records if r.target_uri.endswith(("197800", "194100")))
    assert wrong == ["application/pdf", "image/jpeg"]


def test_a_crawl_of_a_host_whose_robots_txt_fails_fetches_nothing(
    sana_sites: Sites, home: Path
) -> None:
    sana_sites.world.add_fault(ARCHIVE, "/robots.txt", "500", forever=True)
    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", categories=("politics",), retries=0
    )
    assert (stats.listing_pages, stats.fetched_origin, stats.complete) == (0, 0, False)
    assert stats.warnings == [
        f"listing {sana_sites.archive}?cat=2: host closed for now: robots.txt answered HTTP 500"
    ]
    assert summary.n_seen == 0
    assert set(sana_sites.world.requested(ARCHIVE)) == {"sana-archive:/robots.txt"}
