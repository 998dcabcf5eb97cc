"""Crawls of the imitated sites into a temporary warehouse: discovery bounds, skipping what
is stored, Wayback fallback, WARC records behind every document, concurrency."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest

from etl.fetch.crawl import CrawlStats
from etl.load import staging
from etl.model import RawDocument
from etl.sources.warc import iter_records, read_record
from tests.fetch.conftest import FakeTime, rows, run_crawl
from tests.sites import corpus, pages
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites

D = dt.date


def served_articles(sites: Sites, host: str) -> dict[str, int]:
    """Article pages served whole with 200 on `host`, by post id."""
    found = {}
    for key, n in sites.world.articles_served().items():
        name, path = key.split(":", 1)
        if name == host:
            post = path.split("=")[-1] if "?p=" in path else path.rstrip("/").split("/")[-1]
            found[post] = n
    return found


def listing_pages(sites: Sites, host: str) -> dict[str, int]:
    return {
        key.split(":", 1)[1]: n
        for key, n in sites.world.requested(host).items()
        if "cat=" in key or "/page/" in key or key.endswith(("/politics/", "/presidency/"))
    }


def counts(stats: CrawlStats) -> tuple[int, ...]:
    return (
        stats.listing_pages,
        stats.cards,
        stats.already_stored,
        stats.out_of_range,
        stats.fetched_origin,
        stats.fetched_wayback,
        stats.failed,
    )


def test_archive_walk_stops_after_a_page_older_than_since(sana_sites: Sites, home: Path) -> None:
    """Politics from 2020-02-01 to 2020-07-31. Page 1 runs from 2020-09-03 to 2020-01-07; page
    2 is all 2019, so the walk stops after it and page 3 is never asked for. The first card is
    fetched to learn the year of the year-less cards (and kept: nothing fetched is lost)."""
    time = FakeTime()
    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", time,
        since=D(2020, 2, 1), until=D(2020, 7, 31), categories=("politics",),
    )  # fmt: skip
    assert listing_pages(sana_sites, ARCHIVE) == {"/en/?cat=2": 1, "/en/?cat=2&paged=2": 1}
    assert served_articles(sana_sites, ARCHIVE) == {
        "201400": 1, "197800": 1, "194100": 1, "190500": 1, "187600": 1, "185127": 1,
    }  # fmt: skip
    assert counts(stats) == (2, 20, 0, 15, 6, 0, 0)
    assert (summary.status, summary.n_seen, summary.n_new, summary.n_rejected) == (
        "succeeded", 6, 6, 0,
    )  # fmt: skip
    db = home / "warehouse.duckdb"
    assert rows(db, "select url, published_date, source from articles order by 2 desc") == [
        ("https://archive.sana.sy/en/?p=201400", D(2020, 9, 3), "sana-archive"),
        ("https://archive.sana.sy/en/?p=197800", D(2020, 7, 15), "sana-archive"),
        ("https://archive.sana.sy/en/?p=194100", D(2020, 6, 2), "sana-archive"),
        ("https://archive.sana.sy/en/?p=190500", D(2020, 4, 21), "sana-archive"),
        ("https://archive.sana.sy/en/?p=187600", D(2020, 3, 10), "sana-archive"),
        ("https://archive.sana.sy/en/?p=185127", D(2020, 2, 18), "sana-archive"),
    ]
    # robots.txt asked for 5 s between requests: 1 robots + 2 listings + 6 articles.
    assert time.slept == [5.0] * 8


def test_archive_years_are_counted_across_the_new_year(sana_sites: Sites, home: Path) -> None:
    """December 2019 to January 2020: "December 30" on page 2 comes after "January 7" on page
    1, so it is 2019. Page 3 (all before December) ends the walk."""
    stats, _ = run_crawl(
        sana_sites, home, "sana-archive",
        since=D(2019, 12, 1), until=D(2020, 1, 31), categories=("2",),
    )  # fmt: skip
    assert listing_pages(sana_sites, ARCHIVE) == {
        "/en/?cat=2": 1, "/en/?cat=2&paged=2": 1, "/en/?cat=2&paged=3": 1,
    }  # fmt: skip
    assert served_articles(sana_sites, ARCHIVE) == {
        "201400": 1, "183900": 1, "182300": 1, "181500": 1, "180100": 1,
    }  # fmt: skip
    assert rows(home / "warehouse.duckdb", "select published_date from articles order by 1") == [
        (D(2019, 12, 12),), (D(2019, 12, 30),), (D(2020, 1, 7),), (D(2020, 1, 28),),
        (D(2020, 9, 3),),
    ]  # fmt: skip
    assert counts(stats) == (3, 25, 0, 21, 5, 0, 0)


def test_current_site_walk_reads_card_dates(sana_sites: Sites, home: Path) -> None:
    """Presidency, September 2025: no article is fetched to date the cards."""
    stats, _ = run_crawl(
        sana_sites, home, "sana",
        since=D(2025, 9, 1), until=D(2025, 9, 30), categories=("presidency",),
    )  # fmt: skip
    assert listing_pages(sana_sites, SANA) == {"/en/presidency/": 1, "/en/presidency/page/2/": 1}
    assert served_articles(sana_sites, SANA) == {"2217700": 1, "2216900": 1, "2216100": 1}
    assert counts(stats) == (2, 12, 0, 9, 3, 0, 0)
    assert rows(home / "warehouse.duckdb", "select url, source from articles order by 1") == [
        ("https://sana.sy/en/presidency/2216100/", "sana"),
        ("https://sana.sy/en/presidency/2216900/", "sana"),
        ("https://sana.sy/en/presidency/2217700/", "sana"),
    ]


def test_stored_articles_are_skipped_unless_refetched(sana_sites: Sites, home: Path) -> None:
    """ "Syria and the World" first (6 articles, 2 of them also in Politics); then Politics
    from 2020: its two shared articles are not fetched again. Run again: nothing is fetched.
    With --refetch, page 1 is fetched again."""
    run_crawl(sana_sites, home, "sana-archive", categories=("world",))
    assert served_articles(sana_sites, ARCHIVE) == {
        "200900": 1, "199000": 1, "186000": 1, "182300": 1, "179000": 1, "172000": 1,
    }  # fmt: skip
    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", since=D(2020, 1, 1), categories=("politics",)
    )
    assert counts(stats) == (2, 20, 2, 10, 8, 0, 0)
    assert (summary.n_seen, summary.n_new) == (8, 8)
    assert served_articles(sana_sites, ARCHIVE)["200900"] == 1
    assert served_articles(sana_sites, ARCHIVE)["182300"] == 1
    assert rows(home / "warehouse.duckdb", "select count(*) from articles") == [(14,)]
    before = served_articles(sana_sites, ARCHIVE)

    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", since=D(2020, 1, 1), categories=("politics",)
    )
    assert counts(stats) == (2, 20, 10, 10, 0, 0, 0)
    assert (summary.n_seen, stats.resumed) == (0, False)
    assert served_articles(sana_sites, ARCHIVE) == before

    stats, summary = run_crawl(
        sana_sites, home, "sana-archive",
        since=D(2020, 1, 1), categories=("politics",), refetch=True,
    )  # fmt: skip
    assert counts(stats) == (2, 20, 0, 10, 10, 0, 0)
    assert (summary.n_seen, summary.n_new, summary.n_unchanged) == (10, 0, 10)
    assert set(served_articles(sana_sites, ARCHIVE).values()) == {1, 2}
    assert rows(home / "warehouse.duckdb", "select count(*) from articles") == [(14,)]


def test_wayback_fallback_and_failures(sana_sites: Sites, home: Path) -> None:
    """The whole Politics listing, with three troubled articles: 75412 is lost (404) and
    captured under its pre-relaunch address; 197800 answers 503 whatever the retries and is
    captured under its archive address; 194100 stalls and has no capture, so it becomes a
    reject with a one-line reason, and the other 24 load. Every response that was delivered
    is a WARC record, and every document points at the record holding its bytes."""
    world = sana_sites.world
    world.add_fault(ARCHIVE, "/en/?p=197800", "503:3", forever=True)
    world.add_fault(ARCHIVE, "/en/?p=194100", "stall", forever=True)
    world.add_capture("https://archive.sana.sy/en/?p=197800", "20200716101500", ARCHIVE, 197800)
    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", categories=("politics",), retries=1
    )
    assert counts(stats) == (3, 25, 0, 0, 22, 2, 1)
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (25, 24, 1)
    db = home / "warehouse.duckdb"
    assert rows(db, "select uri, stage, reason from rejects") == [
        (
            "https://archive.sana.sy/en/?p=194100",
            "fetch",
            "origin: timed out (ReadTimeout) after 2 attempts; wayback: "
            "archive.sana.sy/en/?p=194100: no capture; sana.sy/en/?p=194100: no capture",
        )
    ]
    assert rows(
        db, "select uri, url, fetched_from from documents where fetched_from = 'wayback' order by 1"
    ) == [
        (
            f"{sana_sites.wayback}web/20160410081500id_/http://sana.sy/en/?p=75412",
            "https://archive.sana.sy/en/?p=75412",
            "wayback",
        ),
        (
            f"{sana_sites.wayback}web/20200716101500id_/https://archive.sana.sy/en/?p=197800",
            "https://archive.sana.sy/en/?p=197800",
            "wayback",
        ),
    ]
    assert rows(db, "select count(*) from articles where source = 'sana-archive'") == [(24,)]
    assert world.requested(ARCHIVE)["sana-archive:/en/?p=197800"] == 2
    assert (
        world.requested(WAYBACK)[
            "wayback:/web/20200716101500id_/https://archive.sana.sy/en/?p=197800"
        ]
        == 1
    )

    # Every response delivered by the three hosts is one WARC response record, the 404 of
    # page 4 included (tried although page 3 links no next page: its cards are all in range).
    records = [r for path in sorted((home / "raw").glob("*.warc.gz")) for r in iter_records(path)]
    assert len(records) == sum(world.served(status=None).values()) == 38
    assert world.served(ARCHIVE, status=404)["sana-archive:/en/?cat=2&paged=4"] == 1
    assert sum(r.status == 503 for r in records) == 2
    # Each document reads back, from its file and offset, to the bytes that were hashed.
    documents = rows(db, "select uri, url, raw_location, raw_offset, content_hash from documents")
    assert len(documents) == 24
    for uri, url, location, offset, content_hash in documents:
        document = read_record(Path(location), offset)
        assert isinstance(document, RawDocument)
        assert (document.uri, document.url) == (uri, url)
        assert hashlib.sha256(document.data).hexdigest() == content_hash


def test_wayback_alone(sana_sites: Sites, home: Path) -> None:
    """A backfill from the Wayback Machine only: the origin hosts are never asked."""
    world = sana_sites.world
    items = corpus.listing(ARCHIVE, "106")
    world.add_capture(
        "http://archive.sana.sy/en/?cat=106", "20210101000000", ARCHIVE, 0,
        html=pages.archive_listing("106", 1, items),
    )  # fmt: skip
    for n, article in enumerate(items):
        world.add_capture(f"http://sana.sy/en/?p={article.post_id}", f"2021010200000{n}",
                          ARCHIVE, article.post_id)  # fmt: skip
    stats, summary = run_crawl(
        sana_sites, home, "sana-archive", categories=("world",), wayback="only"
    )
    assert world.requested(ARCHIVE) == {} and world.requested(SANA) == {}
    assert counts(stats) == (1, 6, 0, 0, 0, 6, 0)
    assert (summary.n_new, summary.n_rejected) == (6, 0)
    assert rows(home / "warehouse.duckdb", "select distinct fetched_from from documents") == [
        ("wayback",)
    ]
    # Page 1 links no next page: page 2 is looked up too, and no capture of it ends the walk.
    asked = [k for k in world.requested(WAYBACK) if "cat%3D106" in k]
    assert asked == [
        "wayback:/cdx/search/cdx?url=archive.sana.sy%2Fen%2F%3Fcat%3D106&output=json"
        "&fl=timestamp%2Coriginal%2Cstatuscode%2Cmimetype&filter=statuscode%3A200",
        "wayback:/cdx/search/cdx?url=archive.sana.sy%2Fen%2F%3Fcat%3D106%26paged%3D2&output=json"
        "&fl=timestamp%2Coriginal%2Cstatuscode%2Cmimetype&filter=statuscode%3A200",
    ]
    assert (stats.complete, stats.warnings) == (True, [])


def test_concurrent_fetches_give_the_same_warehouse(sana_sites: Sites, home: Path) -> None:
    stats, summary = run_crawl(sana_sites, home, "sana", concurrency=3)
    assert served_articles(sana_sites, SANA) == {str(a.post_id): 1 for a in corpus.by_site(SANA)}
    assert counts(stats) == (3, 20, 0, 0, 20, 0, 0)
    assert (summary.n_new, summary.n_rejected) == (20, 0)


def test_max_articles_bounds_a_crawl(sana_sites: Sites, home: Path) -> None:
    stats, summary = run_crawl(sana_sites, home, "sana", categories=("politics",), max_articles=3)
    assert served_articles(sana_sites, SANA) == {"2219300": 1, "2219100": 1, "2218800": 1}
    assert (stats.complete, summary.n_new) == (True, 3)


def test_a_blocked_batch_is_taken_again_from_the_landing_zone(
    sana_sites: Sites, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quality gate holds back the crawl's batch: its pages stay unloaded in the
    frontier, and the next crawl loads them from the landing zone without fetching them
    again. (Before, the crawl marked every page it yielded as loaded, and they were lost.)"""
    real_audit = staging.audit

    def blocking(*args: Any, **kwargs: Any) -> staging.Audit:
        found = real_audit(*args, **kwargs)
        found.blocking.append("cross_table.rejected_share")
        return found

    monkeypatch.setattr(staging, "audit", blocking)
    stats, summary = run_crawl(sana_sites, home, "sana-archive", categories=("world",))
    assert (summary.status, summary.n_quarantined, summary.n_new) == ("blocked", 6, 0)
    assert rows(home / "warehouse.duckdb", "select count(*) from articles") == [(0,)]
    fetched = served_articles(sana_sites, ARCHIVE)
    assert sorted(fetched.values()) == [1] * 6

    monkeypatch.setattr(staging, "audit", real_audit)
    stats, summary = run_crawl(sana_sites, home, "sana-archive", categories=("world",))
    assert (stats.reloaded, stats.fetched_origin) == (6, 0)
    assert (summary.status, summary.n_new) == ("succeeded", 6)
    assert served_articles(sana_sites, ARCHIVE) == fetched  # nothing fetched again
    assert rows(home / "warehouse.duckdb", "select count(*) from articles") == [(6,)]
