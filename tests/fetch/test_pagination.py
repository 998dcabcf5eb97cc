"""Listings as the web writes them: every common WordPress form of next-page link is read, and
a walk goes to the end of a listing whatever form it uses; where no next link can be read, the
next page is tried anyway, and a 404, an empty page, a page past the range or a page that
repeats the one before ends the walk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.fetch.listings import ArchiveSite, CurrentSite, Site
from etl.model import RawDocument
from tests.fetch.conftest import rows, run_crawl, walk_site
from tests.sites import corpus, pages
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites

D = dt.date
STYLES = ("default", *pages.PAGINATIONS)
ARCHIVE_POLITICS = "https://archive.sana.sy/en/?cat=2"
PRESIDENCY = "https://sana.sy/en/presidency/"


def archive_page(n: int) -> str:
    return ARCHIVE_POLITICS if n == 1 else f"{ARCHIVE_POLITICS}&paged={n}"


def presidency_page(n: int) -> str:
    return PRESIDENCY if n == 1 else f"{PRESIDENCY}page/{n}/"


def listing_requests(sites: Sites, host: str) -> dict[str, int]:
    """Listing pages asked of `host` (answered or not), by path."""
    return {
        key.split(":", 1)[1]: n
        for key, n in sites.world.requested(host).items()
        if "cat=" in key or "/page/" in key or key.endswith(("/politics/", "/presidency/"))
    }


# -- reading one page ---------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_every_form_links_the_next_page_of_the_archive(style: str) -> None:
    """Politics (3 pages) in each form: pages 1 and 2 link the next page, page 3 none; a
    listing loaded by script links none that can be read."""
    items = corpus.listing(ARCHIVE, "2")
    site = ArchiveSite()
    found = [
        site.parse_listing(pages.archive_listing("2", n, items, style), archive_page(n))
        for n in (1, 2, 3)
    ]
    assert [len(listing.cards) for listing in found] == [10, 10, 5]
    expected = [None] * 3 if style == "load-more" else [archive_page(2), archive_page(3), None]
    assert [listing.next_url for listing in found] == expected
    assert [listing.has_next for listing in found] == [url is not None for url in expected]


@pytest.mark.parametrize("style", STYLES)
def test_every_form_links_the_next_page_of_the_current_site(style: str) -> None:
    """Presidency (2 pages, `/page/N/` addresses) in each form."""
    items = corpus.listing(SANA, "presidency")
    site = CurrentSite()
    found = [
        site.parse_listing(pages.current_listing("presidency", n, items, style), presidency_page(n))
        for n in (1, 2)
    ]
    assert [len(listing.cards) for listing in found] == [10, 2]
    expected = [None, None] if style == "load-more" else [presidency_page(2), None]
    assert [listing.next_url for listing in found] == expected


def _archive_page(navigation: str, cards: str = "") -> str:
    cards = cards or (
        '<article class="item-list"><h2 class="post-box-title">'
        '<a href="https://archive.sana.sy/en/?p=201400">A</a></h2>'
        '<p class="post-meta"><span class="tie-date">September 3</span>'
        '<span class="post-comments"><a href="https://archive.sana.sy/en/?p=201400#respond">'
        "2</a></span></p></article>"
    )
    return f"<html><head></head><body><div class='post-listing'>{cards}</div>{navigation}</body></html>"


@pytest.mark.parametrize(
    ("page_url", "navigation", "expected"),
    [
        pytest.param(
            archive_page(1),
            "<div class='wp-pagenavi'><span class='pages'>Page 1 of 3</span>"
            "<span class='current'>1</span><a href='?cat=2&amp;paged=2' class='page larger'>2</a>"
            "<a href='?cat=2&amp;paged=2' class='nextpostslink'>&raquo;</a></div>",
            archive_page(2),
            id="wp-pagenavi without rel, relative links",
        ),
        pytest.param(
            archive_page(1233),
            "<div class='wp-pagenavi'><span class='pages'>Page 1,233 of 2,418</span>"
            "<a class='page smaller' href='https://archive.sana.sy/en/?cat=2&#038;paged=1232'>"
            "1,232</a><span aria-current='page' class='current'>1,233</span>"
            "<a class='page larger' href='https://archive.sana.sy/en/?cat=2&#038;paged=1234'>"
            "1,234</a></div>",
            archive_page(1234),
            id="numbers with thousands separators",
        ),
        pytest.param(
            archive_page(2),
            "<ul class='pagination'><li><a href='https://archive.sana.sy/en/category/politics/'>"
            "1</a></li><li class='active'><span>2</span></li><li>"
            "<a href='https://archive.sana.sy/en/category/politics/page/3/'>3</a></li></ul>",
            "https://archive.sana.sy/en/category/politics/page/3/",
            id="numbers in list items, pretty addresses",
        ),
        pytest.param(
            archive_page(2),
            "<div class='navigation'><div class='alignleft'>"
            "<a href='https://archive.sana.sy/en/?cat=2&#038;paged=3'>&laquo; Older Entries</a>"
            "</div><div class='alignright'><a href='https://archive.sana.sy/en/?cat=2'>"
            "Newer Entries &raquo;</a></div></div>",
            archive_page(3),
            id="next_posts_link, ?paged=N",
        ),
        pytest.param(
            archive_page(1),
            "<div class='post-navigation'><a rel='next' href='https://archive.sana.sy/en/?p=1'>"
            "Next story</a></div><a class='next' href='#'>&rsaquo;</a>",
            None,
            id="next article and a script's arrow are not pages",
        ),
        pytest.param(archive_page(1), "", None, id="a comment count is not a page number"),
    ],
)
def test_next_link_variants(page_url: str, navigation: str, expected: str | None) -> None:
    listing = ArchiveSite().parse_listing(_archive_page(navigation), page_url)
    assert [card.url for card in listing.cards] == ["https://archive.sana.sy/en/?p=201400"]
    assert listing.next_url == expected


def test_sahifa_wide_thumbnail_cards() -> None:
    """Sahifa's wide-thumbnail archive layout titles its cards `h2.post-title` (as seen on
    Sahifa sites in the wild), with the thumbnail's link first."""
    card = (
        '<article class="item-list"><div class="post-thumbnail single-post-thumb '
        'archive-wide-thumb"><a href="https://archive.sana.sy/en/?p={pid}" rel="bookmark">'
        '<img src="x.jpg"></a></div><h2 class="post-title"><a href="https://archive.sana.sy/'
        'en/?p={pid}" rel="bookmark">Title</a></h2><p class="post-meta"><span class="tie-date">'
        "{day}</span></p></article>"
    )
    cards = card.format(pid=201400, day="September 3") + card.format(pid=200900, day="August 27")
    listing = ArchiveSite().parse_listing(_archive_page("", cards), archive_page(1))
    assert [(c.url, c.month_day) for c in listing.cards] == [
        ("https://archive.sana.sy/en/?p=201400", (9, 3)),
        ("https://archive.sana.sy/en/?p=200900", (8, 27)),
    ]


@pytest.mark.parametrize(
    ("page_url", "navigation", "expected"),
    [
        pytest.param(
            presidency_page(2),
            "<a href='https://sana.sy/en/presidency/page/3/'>Older posts</a>",
            presidency_page(3),
            id="/page/N/",
        ),
        pytest.param(
            presidency_page(2),
            "<a href='https://sana.sy/en/presidency/?paged=3'>Older posts</a>",
            "https://sana.sy/en/presidency/?paged=3",
            id="?paged=N on the same listing",
        ),
        pytest.param(
            presidency_page(2),
            "<a href='https://sana.sy/en/politics/page/3/'>Politics, older</a>",
            None,
            id="another listing's page",
        ),
    ],
)
def test_next_page_by_address(page_url: str, navigation: str, expected: str | None) -> None:
    page = (
        "<html><body><div class='blog-content'><div class='p-wrap'>"
        "<a class='p-url' href='https://sana.sy/en/presidency/2219010/'>A</a>"
        f"<time datetime='2025-10-20'></time></div></div>{navigation}</body></html>"
    )
    listing = CurrentSite().parse_listing(page, page_url)
    assert [(c.url, c.date) for c in listing.cards] == [
        ("https://sana.sy/en/presidency/2219010/", D(2025, 10, 20))
    ]
    assert listing.next_url == expected


# A listing in a generic WordPress theme (the markup of WordPress's default themes: post_class()
# cards, `the_posts_pagination()`), which neither SANA profile was written for: the theme of a
# Wayback capture from another era, or a relaunch.
GENERIC_CARD = """
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard hentry
 category-politics entry">
<header class="entry-header"><h2 class="entry-title default-max-width">
<a href="{url}">{title}</a></h2></header>
<div class="entry-content"><p>{lead}&hellip; <a class="more-link" href="{url}">Continue reading
<span class="screen-reader-text">{title}</span></a></p></div>
<footer class="entry-footer default-max-width"><span class="posted-on">Published
<time class="entry-date published updated" datetime="{published}">{long}</time></span>
<span class="cat-links">Categorized as <a href="{base}category/politics/" rel="category tag">
Politics</a></span></footer></article>
"""
GENERIC_PAGE = """<!doctype html><html lang="en-US"><head><meta charset="UTF-8">
<title>Politics &#8211; Page {page} &#8211; News</title></head>
<body class="archive paged category category-politics paged-{page} wp-embed-responsive">
<div id="page" class="site"><header id="masthead" class="site-header">
<nav id="site-navigation" class="primary-navigation"><ul id="primary-menu-list" class="menu-wrapper">
<li class="menu-item current-menu-item"><a href="{base}category/politics/" aria-current="page">
Politics</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main"><header class="page-header alignwide">
<h1 class="page-title">Category: <span>Politics</span></h1></header>
{cards}
<nav class="navigation pagination" aria-label="Posts">
<h2 class="screen-reader-text">Posts navigation</h2><div class="nav-links">
<a class="prev page-numbers" href="{base}category/politics/"><svg class="svg-icon" width="24"
height="24" aria-hidden="true" role="img" focusable="false"></svg>
<span class="nav-prev-text">Newer <span class="nav-short">posts</span></span></a>
<a class="page-numbers" href="{base}category/politics/">1</a>
<span aria-current="page" class="page-numbers current">2</span>
<a class="page-numbers" href="{base}category/politics/page/3/">3</a>
<a class="next page-numbers" href="{base}category/politics/page/3/">
<span class="nav-next-text">Older <span class="nav-short">posts</span></span>
<svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false">
</svg></a></div></nav></main></div>
<aside class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries">
<h2 class="widget-title">Recent Posts</h2><nav aria-label="Recent Posts"><ul>{recent}</ul></nav>
</section></aside></div></div></body></html>"""


@pytest.mark.parametrize("site_name", [ARCHIVE, SANA])
def test_a_generic_theme_listing(site_name: str) -> None:
    """Page 2 of a listing in a generic WordPress theme: its 10 cards dated by `<time>`, the
    sidebar's recent posts left out, and its `a.next.page-numbers` read."""
    site: Site = ArchiveSite() if site_name == ARCHIVE else CurrentSite()
    items = corpus.listing(site_name, "2" if site_name == ARCHIVE else "presidency")
    shown = items[10:20] if site_name == ARCHIVE else items[:10]
    cards = "".join(
        GENERIC_CARD.format(
            pid=a.post_id, url=a.url, title=a.title, lead=a.lead[:120], published=a.published,
            long=f"{a.date:%B} {a.date.day}, {a.date.year}", base=site.canonical_base,
        )
        for a in shown
    )  # fmt: skip
    recent = "".join(f'<li><a href="{a.url}">{a.title}</a></li>' for a in items[:5])
    page = GENERIC_PAGE.format(page=2, cards=cards, recent=recent, base=site.canonical_base)
    address = f"{site.canonical_base}category/politics/page/2/"
    listing = site.parse_listing(page, address)
    assert [(c.url, c.date) for c in listing.cards] == [(a.url, a.date) for a in shown]
    assert listing.next_url == f"{site.canonical_base}category/politics/page/3/"


# -- walking ------------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_every_form_is_walked_to_the_end_on_the_archive(
    sana_sites: Sites, home: Path, style: str
) -> None:
    """The whole Politics listing: its 3 pages, then page 4 (404) ends the walk; all 25
    articles are fetched once (the lost one from the Wayback Machine)."""
    sana_sites.world.pagination[ARCHIVE] = style
    crawler, documents = walk_site(sana_sites, home, "sana-archive", categories=("politics",))
    assert listing_requests(sana_sites, ARCHIVE) == {
        "/en/?cat=2": 1, "/en/?cat=2&paged=2": 1, "/en/?cat=2&paged=3": 1, "/en/?cat=2&paged=4": 1,
    }  # fmt: skip
    assert sorted(d.url or "" for d in documents) == sorted(
        a.url for a in corpus.listing(ARCHIVE, "2")
    )
    assert all(isinstance(d, RawDocument) for d in documents)
    stats = crawler.stats
    assert (stats.listing_pages, stats.cards, stats.fetched_origin, stats.fetched_wayback) == (
        3, 25, 24, 1,
    )  # fmt: skip
    assert (stats.complete, crawler.finished) == (True, True)


@pytest.mark.parametrize("style", STYLES)
def test_every_form_is_walked_to_the_end_on_the_current_site(
    sana_sites: Sites, home: Path, style: str
) -> None:
    sana_sites.world.pagination[SANA] = style
    crawler, documents = walk_site(sana_sites, home, "sana", categories=("presidency",))
    assert listing_requests(sana_sites, SANA) == {
        "/en/presidency/": 1, "/en/presidency/page/2/": 1, "/en/presidency/page/3/": 1,
    }  # fmt: skip
    expected = sorted(a.url for a in corpus.listing(SANA, "presidency"))
    assert sorted(d.url or "" for d in documents) == expected
    assert (crawler.stats.listing_pages, crawler.stats.cards, crawler.stats.complete) == (
        2,
        12,
        True,
    )


def test_wp_pagenavi_archive_reaches_the_article_only_the_wayback_machine_has(
    sana_sites: Sites, home: Path
) -> None:
    """The issue's case: the archive paginated with WP-PageNavi (no head link). The walk reads
    all three pages, and the article on page 3 that the archive host lost (404) is loaded from
    its Wayback capture."""
    sana_sites.world.pagination[ARCHIVE] = "wp-pagenavi"
    stats, summary = run_crawl(sana_sites, home, "sana-archive", categories=("politics",))
    assert stats.listing_pages == 3
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (25, 25, 0)
    db = home / "warehouse.duckdb"
    assert rows(db, "select count(*) from articles") == [(25,)]
    assert rows(
        db, "select a.url, d.fetched_from, a.published_date from articles a "
        "join documents d using (document_id) where d.fetched_from = 'wayback'",
    ) == [("https://archive.sana.sy/en/?p=75412", "wayback", D(2016, 4, 9))]  # fmt: skip
    assert (
        sana_sites.world.requested(WAYBACK)[
            "wayback:/web/20160410081500id_/http://sana.sy/en/?p=75412"
        ]
        == 1
    )


def test_without_a_next_link_a_page_past_the_range_ends_the_walk(
    sana_sites: Sites, home: Path
) -> None:
    """A listing loaded by script, from 2020-02-01: page 1 reaches back to January 2020 (past
    the range), so page 2 is not tried; page 1's articles in range are fetched."""
    sana_sites.world.pagination[ARCHIVE] = "load-more"
    crawler, documents = walk_site(
        sana_sites, home, "sana-archive", categories=("politics",), since=D(2020, 2, 1)
    )
    assert listing_requests(sana_sites, ARCHIVE) == {"/en/?cat=2": 1}
    assert sorted(d.url or "" for d in documents) == [
        f"https://archive.sana.sy/en/?p={pid}"
        for pid in (185127, 187600, 190500, 194100, 197800, 199835, 200900, 201400)
    ]
    assert (crawler.stats.out_of_range, crawler.stats.complete) == (2, True)


@pytest.mark.parametrize(
    "fault", ["301:/en/?cat=106", "as:/en/?cat=106"], ids=["redirected", "repeated"]
)
def test_a_tried_page_that_leads_back_ends_the_walk(
    sana_sites: Sites, home: Path, fault: str
) -> None:
    """ "Syria and the World" has one page; the page after it, tried anyway, is redirected to
    page 1 or answers with page 1's cards (a site that sends unknown pages home): the walk
    ends there, each article fetched once."""
    sana_sites.world.add_fault(ARCHIVE, "/en/?cat=106&paged=2", fault, forever=True)
    crawler, documents = walk_site(sana_sites, home, "sana-archive", categories=("world",))
    pages_asked = listing_requests(sana_sites, ARCHIVE)
    assert pages_asked == {"/en/?cat=106": 1 + fault.startswith("301"), "/en/?cat=106&paged=2": 1}
    assert len(documents) == 6
    assert set(sana_sites.world.articles_served().values()) == {1}
    assert (crawler.stats.listing_pages, crawler.stats.complete) == (1, True)
