"""robots.txt as written: fractional Crawl-delay, wildcards and `$` read as search engines read
them, and a host's Crawl-delay held between requests, as the host measures it, whatever
`--delay` says."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.fetch.robots import RobotsRules
from etl.model import Unreadable
from tests.fetch.conftest import walk_site
from tests.sites.pages import robots
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites, World, running_sites

# A robots.txt as WordPress news sites write theirs: decimals, wildcards, `$`, a group of our
# own, and rules whose order differs from their precedence (the longest match wins).
ROBOTS = """\
User-agent: *
Crawl-delay: 5
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php
Disallow: /*?s=
Disallow: /*/feed/$
Disallow: /*.pdf$

User-agent: sana-bulletins
Crawl-delay: 0.3
Disallow: /en/?p=*&preview=
Disallow: /*/trackback/
Disallow: /en/wp-content/
Allow: /en/wp-content/uploads/*.jpg$
Disallow: /en/?s=
Disallow: /en/*print=1$
Disallow: /en/?cat=
Allow: /en/?cat=2
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/en/?p=171254", True),
        ("/en/?p=171254&preview=true", False),
        ("/en/politics/2210504/trackback/", False),
        ("/en/politics/2210504/", True),
        ("/en/wp-content/themes/sahifa/style.css", False),
        ("/en/wp-content/uploads/2020/02/photo.jpg", True),
        ("/en/wp-content/uploads/2020/02/photo.jpg?w=300", False),
        ("/en/wp-content/uploads/2020/02/photo.png", False),
        ("/en/?s=assad", False),
        ("/en/?p=5&print=1", False),
        ("/en/?p=5&print=10", True),
        ("/en/?cat=106", False),
        ("/en/?cat=2", True),
        ("/en/?cat=2&paged=3", True),
        # Our group replaces the `*` group: its rules do not apply to us.
        ("/wp-admin/", True),
        ("/en/politics/feed/", True),
        ("/en/report.pdf", True),
    ],
)
def test_wildcards_and_dollar_as_search_engines_read_them(path: str, allowed: bool) -> None:
    assert RobotsRules(200, ROBOTS).allowed(f"https://archive.sana.sy{path}") is allowed


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/wp-admin/", False),
        ("/wp-admin/admin-ajax.php", True),
        ("/wp-admin/admin-ajax.php?action=x", True),
        ("/en/?s=assad", False),
        ("/en/?cat=2&s=x", True),
        ("/en/politics/feed/", False),
        ("/en/politics/feed/atom/", True),
        ("/en/report.pdf", False),
        ("/en/report.pdf?download=1", True),
        ("/en/?p=171254&preview=true", True),
    ],
)
def test_the_star_group_for_other_agents(path: str, allowed: bool) -> None:
    assert RobotsRules(200, ROBOTS).allowed(f"https://archive.sana.sy{path}", "otherbot") is allowed


@pytest.mark.parametrize(
    ("text", "delay"),
    [
        (ROBOTS, 0.3),
        ("User-agent: *\nCrawl-delay: 0.5\n", 0.5),
        ("User-agent: *\nCrawl-delay: 2.75\nDisallow:\n", 2.75),
        ("User-agent: *\nCrawl-delay: 10\n", 10.0),
        ("User-agent: *\nCrawl-delay: soon\n", None),
        ("User-agent: *\nCrawl-delay: -1\n", None),
        ("User-agent: otherbot\nCrawl-delay: 9\n", None),
    ],
)
def test_crawl_delay_with_decimals(text: str, delay: float | None) -> None:
    assert RobotsRules(200, text).crawl_delay() == delay


def test_the_imitated_robots_txt_is_read_as_written() -> None:
    rules = RobotsRules(200, robots(0.3, ["/*?p=197800$"]))
    assert rules.crawl_delay() == 0.3
    checks = {
        "/en/?p=197800": False,
        "/en/?p=1978001": True,
        "/en/?p=197800&x=1": True,
        "/en/?p=201400": True,
        "/en/?s=assad": False,
        "/en/politics/feed/": False,
        "/en/politics/feed/atom/": True,
        "/wp-admin/admin-ajax.php": True,
        "/wp-admin/options.php": False,
    }
    assert {p: rules.allowed(f"https://archive.sana.sy{p}") for p in checks} == checks


@pytest.fixture
def slow_sites() -> Iterator[Sites]:
    """The hosts asking for `Crawl-delay: 0.3`, as real robots.txt files write it."""
    with running_sites(World(crawl_delay={SANA: 0.3, ARCHIVE: 0.3, WAYBACK: None})) as sites:
        yield sites


def gaps(sites: Sites, host: str) -> list[float]:
    """Seconds between the arrivals of consecutive requests at `host`, as it measured them."""
    return [later - earlier for earlier, later in pairwise(sites.world.arrivals(host))]


def test_a_fractional_crawl_delay_holds_between_requests(slow_sites: Sites, home: Path) -> None:
    """A crawl with `--delay 0` in real time: the archive host sees its robots.txt, the
    listing, six articles and the tried page 2, each at least 0.3 s after the one before."""
    _, documents = walk_site(
        slow_sites, home, "sana-archive", categories=("world",), real_time=True
    )
    assert len(documents) == 6
    measured = gaps(slow_sites, ARCHIVE)
    assert min(measured) >= 0.3, measured
    assert len(measured) == 8


def test_delay_zero_cannot_go_below_the_crawl_delay(slow_sites: Sites, home: Path) -> None:
    help_text = CliRunner().invoke(main, ["crawl", "--help"]).output
    assert "never shorter than the host's robots.txt Crawl-delay" in " ".join(help_text.split())
    result = CliRunner().invoke(
        main,
        ["crawl", "sana-archive", "--categories", "world", "--delay", "0"],
        env=slow_sites.env(),
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    measured = gaps(slow_sites, ARCHIVE)
    assert min(measured) >= 0.3, measured
    assert len(measured) == 8


def test_wildcard_disallow_is_obeyed_in_a_crawl(sana_sites: Sites, home: Path) -> None:
    """`Disallow: /*?p=199000$` keeps the crawler from 199000 (refused with a reason) and
    from nothing else of "Syria and the World"."""
    sana_sites.world.disallow[ARCHIVE] = ["/*?p=199000$"]
    _, documents = walk_site(sana_sites, home, "sana-archive", categories=("world",), wayback="off")
    refused = [(d.uri, d.reason) for d in documents if isinstance(d, Unreadable)]
    assert refused == [("https://archive.sana.sy/en/?p=199000", "origin: disallowed by robots.txt")]
    assert "sana-archive:/en/?p=199000" not in sana_sites.world.requested(ARCHIVE)
    assert len(sana_sites.world.articles_served()) == 5
