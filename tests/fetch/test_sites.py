"""Site profiles, listing pages and the pure rules of discovery and politeness."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from etl.fetch.discovery import Bounds, date_cards, latest_on_or_before, page_is_past
from etl.fetch.http import backoff_delay, parse_retry_after
from etl.fetch.listings import ArchiveSite, Card, CurrentSite, make_site
from etl.fetch.robots import RobotsRules, robots_url
from etl.fetch.wayback import Capture, best_capture, parse_cdx
from etl.sites import (
    canonical_article_url,
    is_article_address,
    looks_like_listing,
    published_date_of,
)
from etl.sources.warc import wayback_original
from samples.render import (
    load_catalog,
    render_archive,
    render_archive_listing,
    render_current,
    render_current_listing,
)

D = dt.date


def test_archive_listing_of_the_theme() -> None:
    """The Sahifa listing page of samples/render.py: its 10 cards, not the sidebar's."""
    page = render_archive_listing(load_catalog())
    listing = ArchiveSite().parse_listing(page, "https://archive.sana.sy/en/?cat=2")
    assert listing.has_next is True
    assert [(c.url.rsplit("=", 1)[1], c.month_day, c.date) for c in listing.cards] == [
        ("205117", (11, 3), None),
        ("199835", (8, 17), None),
        ("193402", (5, 26), None),
        ("185127", (2, 18), None),
        ("176908", (11, 11), None),
        ("171254", (9, 24), None),
        ("168377", (8, 20), None),
        ("166342", (7, 30), None),
        ("106733", (6, 14), None),
        ("75412", (4, 9), None),
    ]


def test_current_listing_of_the_theme() -> None:
    """The Foxiz listing page: cards of the listing block only, dated by `<time>`."""
    page = render_current_listing(load_catalog())
    listing = CurrentSite().parse_listing(page, "https://sana.sy/en/politics/")
    assert listing.has_next is True
    assert [(c.url, c.date) for c in listing.cards] == [
        ("https://sana.sy/en/politics/2210504/", D(2020, 11, 3)),
        ("https://sana.sy/en/presidency/2210498/", D(2020, 8, 17)),
        ("https://sana.sy/en/politics/2210491/", D(2020, 5, 26)),
        ("https://sana.sy/en/presidency/2210482/", D(2020, 2, 18)),
        ("https://sana.sy/en/politics/2210474/", D(2019, 11, 11)),
        ("https://sana.sy/en/presidency/2210471/", D(2019, 9, 24)),
        ("https://sana.sy/en/politics/2210460/", D(2019, 8, 20)),
        ("https://sana.sy/en/presidency/2210455/", D(2019, 7, 30)),
        ("https://sana.sy/en/politics/2210425/", D(2017, 6, 14)),
        ("https://sana.sy/en/presidency/2210413/", D(2016, 4, 9)),
    ]


@pytest.mark.parametrize(
    ("render", "expected"),
    [(render_archive, D(2020, 2, 18)), (render_current, D(2020, 2, 18))],
)
def test_published_date_of_article_pages(render: object, expected: dt.date) -> None:
    bulletin = load_catalog()["003_4067e3c957b2e664"]
    assert callable(render)
    assert published_date_of(render(bulletin)) == expected


def test_broken_listing_page_has_no_cards() -> None:
    assert ArchiveSite().parse_listing("", "https://archive.sana.sy/en/?cat=2").cards == []
    assert CurrentSite().parse_listing("<p>503</p>", "https://sana.sy/en/x/").cards == []


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://sana.sy/en/?p=171254", "https://archive.sana.sy/en/?p=171254"),
        ("http://www.sana.sy/en/?p=171254&utm_source=x", "https://archive.sana.sy/en/?p=171254"),
        ("http://archive.sana.sy/en/?p=75412", "https://archive.sana.sy/en/?p=75412"),
        ("http://sana.sy/en/presidency/2210471", "https://sana.sy/en/presidency/2210471/"),
        ("https://example.org/en/?p=5", "https://example.org/en/?p=5"),
    ],
)
def test_canonical_article_url(url: str, canonical: str) -> None:
    assert canonical_article_url(url) == canonical


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("https://archive.sana.sy/en/?cat=2&paged=3", True),
        ("https://sana.sy/en/politics/page/2/", True),
        ("https://sana.sy/en/", True),
        ("https://archive.sana.sy/en/?feed=rss2", True),
        ("https://sana.sy/en/wp-json/wp/v2/posts", True),
        ("https://archive.sana.sy/en/?p=75412", False),
        ("https://sana.sy/en/politics/2210504/", False),
        ("https://example.org/2020/05/news-item.html", False),
    ],
)
def test_looks_like_listing(url: str, listing: bool) -> None:
    assert looks_like_listing(url) is listing


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://archive.sana.sy/en/?p=171254", True),
        ("http://www.sana.sy/en/?p=171254", True),  # the old address of an archive article
        ("https://sana.sy/en/presidency/2210471/", True),
        ("https://sana.sy/en/presidency/2210471", True),
        ("https://archive.sana.sy/en/?cat=2&paged=3", False),
        ("https://sana.sy/en/politics/", False),
        ("https://sana.sy/en/about-us/", False),
        ("https://sana.sy/en/", False),
        ("https://sana.sy/?p=171254", False),  # the Arabic site
        ("https://archive.sana.sy/en/politics/2210471/", False),
        ("https://example.com/en/?p=171254", False),
    ],
)
def test_is_article_address(url: str, article: bool) -> None:
    assert is_article_address(url) is article


def test_mirror_addresses_map_to_canonical_ones() -> None:
    archive = make_site("sana-archive", "http://127.0.0.1:8001/en/")
    current = make_site("sana", "http://127.0.0.1:8002/en")
    assert archive.to_canonical("http://127.0.0.1:8001/en/?p=42") == (
        "https://archive.sana.sy/en/?p=42"
    )
    assert archive.to_fetch("https://archive.sana.sy/en/?p=42") == "http://127.0.0.1:8001/en/?p=42"
    assert current.to_canonical("http://127.0.0.1:8002/en/?p=42") == (
        "https://archive.sana.sy/en/?p=42"
    )
    assert current.to_fetch("https://sana.sy/en/politics/7/") == (
        "http://127.0.0.1:8002/en/politics/7/"
    )
    assert archive.listing_url("2", 1) == "http://127.0.0.1:8001/en/?cat=2"
    assert archive.listing_url("106", 3) == "http://127.0.0.1:8001/en/?cat=106&paged=3"
    assert current.listing_url("politics", 2) == "http://127.0.0.1:8002/en/politics/page/2/"
    assert archive.wayback_lookups("https://archive.sana.sy/en/?p=42") == [
        "https://archive.sana.sy/en/?p=42",
        "https://sana.sy/en/?p=42",
    ]


def test_categories() -> None:
    archive, current = ArchiveSite(), CurrentSite()
    assert [archive.category_key(c) for c in ("politics", "World", "11")] == ["2", "106", "11"]
    assert current.category_key("Presidency") == "presidency"
    with pytest.raises(ValueError, match="unknown category of sana-archive: 'sport'"):
        archive.category_key("sport")
    with pytest.raises(ValueError, match="not a category slug"):
        current.category_key("a/b")
    with pytest.raises(ValueError, match="unknown site 'sana-ar'"):
        make_site("sana-ar")


@pytest.mark.parametrize(
    ("month_day", "anchor", "expected"),
    [
        ((1, 7), D(2020, 1, 28), D(2020, 1, 7)),
        ((12, 30), D(2020, 1, 7), D(2019, 12, 30)),
        ((3, 1), D(2020, 3, 1), D(2020, 3, 1)),
        ((2, 29), D(2023, 5, 1), D(2020, 2, 29)),
    ],
)
def test_latest_on_or_before(
    month_day: tuple[int, int], anchor: dt.date, expected: dt.date
) -> None:
    assert latest_on_or_before(month_day, anchor) == expected


def test_date_cards_across_new_year() -> None:
    cards = [
        Card("a", month_day=(1, 28)),
        Card("b", month_day=(1, 7)),
        Card("c", month_day=(12, 30)),
        Card("d", month_day=(12, 12)),
        Card("e", month_day=(11, 19)),
    ]
    dates, anchor = date_cards(cards, D(2020, 2, 18), {})
    assert dates == [D(2020, 1, 28), D(2020, 1, 7), D(2019, 12, 30), D(2019, 12, 12),
                     D(2019, 11, 19)]  # fmt: skip
    assert anchor == D(2019, 11, 19)
    # Without an anchor, a date known for one card dates the cards below it.
    dates, anchor = date_cards(cards, None, {"b": D(2020, 1, 7)})
    assert dates == [None, D(2020, 1, 7), D(2019, 12, 30), D(2019, 12, 12), D(2019, 11, 19)]


def test_bounds_and_stop() -> None:
    bounds = Bounds(since=D(2020, 2, 1), until=D(2020, 7, 31))
    assert [bounds.wants(d) for d in (D(2020, 1, 31), D(2020, 2, 1), D(2020, 8, 1), None)] == [
        False,
        True,
        False,
        True,
    ]
    assert page_is_past([D(2020, 1, 28), D(2019, 12, 30)], bounds) is True
    assert page_is_past([D(2020, 1, 28), None], bounds) is False
    assert page_is_past([D(2020, 3, 1), D(2020, 1, 1)], bounds) is False
    assert page_is_past([], bounds) is False
    assert page_is_past([D(2001, 1, 1)], Bounds()) is False


def test_robots_rules() -> None:
    text = "User-agent: *\nCrawl-delay: 5\nDisallow: /en/wp-admin/\n"
    rules = RobotsRules(200, text)
    assert rules.crawl_delay() == 5.0
    assert rules.allowed("https://sana.sy/en/politics/") is True
    assert rules.allowed("https://sana.sy/en/wp-admin/x") is False
    assert RobotsRules(404).allowed("https://sana.sy/en/wp-admin/x") is True
    assert RobotsRules(404).crawl_delay() is None
    assert RobotsRules(503).allowed("https://sana.sy/en/") is False
    assert RobotsRules(None).allowed("https://sana.sy/en/") is False
    assert robots_url("http://127.0.0.1:8001/en/?p=4") == "http://127.0.0.1:8001/robots.txt"


class _Half(random.Random):
    def random(self) -> float:
        return 0.5


def test_backoff_is_exponential_capped_and_jittered() -> None:
    assert [backoff_delay(n, 2.0, 10.0, _Half()) for n in (1, 2, 3, 4, 5)] == [
        1.0,
        2.0,
        4.0,
        5.0,
        5.0,
    ]


def test_retry_after() -> None:
    now = dt.datetime(2025, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 01 Jan 2025 12:01:30 GMT", now) == 90.0
    assert parse_retry_after("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_cdx_answers() -> None:
    body = (
        b'[["timestamp","original","statuscode","mimetype"],'
        b'["20160410081500","http://sana.sy/en/?p=75412","200","text/html"],'
        b'["20190101000000","http://sana.sy/en/?p=75412","301","text/html"],'
        b'["20180101000000","http://sana.sy/en/?p=75412","200","text/html"]]'
    )
    captures = parse_cdx(body)
    assert len(captures) == 3
    assert best_capture(captures) == Capture(
        "20180101000000", "http://sana.sy/en/?p=75412", "200", "text/html"
    )
    assert parse_cdx(b"[]") == []
    assert parse_cdx(b"<html>") == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://web.archive.org/web/20160410081500id_/http://sana.sy/en/?p=75412",
            ("20160410081500", "http://sana.sy/en/?p=75412"),
        ),
        (
            "http://127.0.0.1:9/web/20190101000000/https:/archive.sana.sy/en/?p=1",
            ("20190101000000", "https://archive.sana.sy/en/?p=1"),
        ),
        ("https://sana.sy/en/?p=1", None),
    ],
)
def test_wayback_original(url: str, expected: tuple[str, str] | None) -> None:
    assert wayback_original(url) == expected
