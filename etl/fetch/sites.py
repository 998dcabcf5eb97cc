"""The two SANA sites: where their listings and articles are, and how to read a listing page.

A site has a canonical base (the real host, which names articles in the warehouse) and a base
URL to fetch from (the same by default; a mirror or a test server when overridden). Article
URLs are always stored in their canonical form, so that an article fetched from a mirror, from
the origin or from the Wayback Machine is one article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from etl import config

SANA = "sana"
SANA_ARCHIVE = "sana-archive"
SITE_NAMES = (SANA, SANA_ARCHIVE)

CURRENT_CANONICAL = "https://sana.sy/en/"
ARCHIVE_CANONICAL = "https://archive.sana.sy/en/"

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_CARD_DATE = re.compile(r"([A-Za-z]+)\s+(\d{1,2})(?:\s*,\s*(\d{4}))?")
_CURRENT_ARTICLE_PATH = re.compile(r"^/en/([a-z0-9-]+)/(\d+)/?$")
_PAGE_PATH = re.compile(r"/page/\d+/?$")
_LISTING_QUERY_KEYS = frozenset({"cat", "paged", "s", "tag", "author", "feed", "m", "page_id"})
_LISTING_PATH_PARTS = ("/feed", "/wp-json", "/category/", "/tag/", "/author/", "/search/")
_PUBLISHED = (
    re.compile(r"article:published_time\"\s+content=\"(\d{4}-\d{2}-\d{2})"),
    re.compile(r"\"datePublished\"\s*:\s*\"(\d{4}-\d{2}-\d{2})"),
)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def archive_post_id(url: str) -> int | None:
    """The WordPress post id of an address of the form `…/en/?p=<id>`, else None."""
    values = _query(url).get("p")
    if values and values[0].isdigit():
        return int(values[0])
    return None


def canonical_article_url(url: str) -> str:
    """The address that names an article of the real sites: https, no `www.`, and the old
    `sana.sy/en/?p=<id>` addresses moved to the archive host (where they redirect).
    Addresses of other hosts come back unchanged."""
    host = _host(url)
    if host == "sana.sy":
        post_id = archive_post_id(url)
        if post_id is not None:
            return f"{ARCHIVE_CANONICAL}?p={post_id}"
        match = _CURRENT_ARTICLE_PATH.match(urlsplit(url).path)
        if match:
            return f"{CURRENT_CANONICAL}{match.group(1)}/{match.group(2)}/"
    if host == "archive.sana.sy":
        post_id = archive_post_id(url)
        if post_id is not None:
            return f"{ARCHIVE_CANONICAL}?p={post_id}"
    return url


def looks_like_listing(url: str) -> bool:
    """Whether an address is a listing, feed, search or API page of a WordPress site rather
    than an article: category and tag pages, `paged=`, `/page/N/`, feeds, the front page."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if "p" in query:
        return False
    if _LISTING_QUERY_KEYS & query.keys():
        return True
    path = parts.path.lower()
    if _PAGE_PATH.search(path) or any(part in path for part in _LISTING_PATH_PARTS):
        return True
    return path.rstrip("/") in ("", "/en")


def published_date_of(page: str) -> dt.date | None:
    """The publication date an article page states in its metadata (the archive theme's
    `article:published_time`, the current theme's JSON-LD `datePublished`), else None."""
    for pattern in _PUBLISHED:
        match = pattern.search(page)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class Card:
    """One article on a listing page: its canonical URL and what the card says of its date.

    The archive's cards give a month and a day but no year (`month_day`); the current site's
    give a full date (`date`).
    """

    url: str
    date: dt.date | None = None
    month_day: tuple[int, int] | None = None


@dataclass(frozen=True)
class Listing:
    """A listing page read: its cards in page order (newest first) and whether a next page
    is linked."""

    cards: list[Card] = field(default_factory=list)
    has_next: bool = False


def _tree(page: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _card_month_day(text: str) -> tuple[tuple[int, int] | None, dt.date | None]:
    match = _CARD_DATE.search(text)
    if not match or match.group(1).lower() not in _MONTHS:
        return None, None
    month, day = _MONTHS[match.group(1).lower()], int(match.group(2))
    if match.group(3):
        try:
            return (month, day), dt.date(int(match.group(3)), month, day)
        except ValueError:
            return None, None
    return (month, day), None


class Site:
    """A site profile: canonical base, base URL to fetch from, categories and listings."""

    name: str = ""
    canonical_base: str = ""
    categories: Mapping[str, str] = MappingProxyType({})
    default_categories: tuple[str, ...] = ()
    # Whether a 404 from the origin sends the article to the Wayback Machine: archive pages
    # that the origin lost are often captured there under their pre-relaunch address.
    wayback_on_404: bool = False

    def __init__(self, base_url: str | None = None) -> None:
        base = base_url or self.canonical_base
        self.base_url = base if base.endswith("/") else base + "/"

    def category_key(self, category: str) -> str:
        """The listing key of a category given by name or key; raises ValueError."""
        raise NotImplementedError

    def listing_url(self, key: str, page: int) -> str:
        """The address of page `page` (from 1) of a category's listing, at the base URL."""
        raise NotImplementedError

    def parse_listing(self, page: str, page_url: str) -> Listing:
        """The cards of a listing page, in page order, with canonical article URLs."""
        raise NotImplementedError

    def is_article(self, canonical: str) -> bool:
        """Whether a canonical URL is an article of this site."""
        raise NotImplementedError

    def to_canonical(self, url: str) -> str:
        """The canonical form of an address at the base URL (or already canonical)."""
        if self.base_url != self.canonical_base and url.startswith(self.base_url):
            url = self.canonical_base + url[len(self.base_url) :]
        return canonical_article_url(url)

    def to_fetch(self, canonical: str) -> str:
        """Where to fetch a canonical article URL from: the same path at the base URL."""
        if canonical.startswith(self.canonical_base):
            return self.base_url + canonical[len(self.canonical_base) :]
        return canonical

    def wayback_lookups(self, canonical: str) -> list[str]:
        """The addresses under which the Wayback Machine may hold captures of an article."""
        return [canonical]


class CurrentSite(Site):
    """sana.sy/en/ since the August 2025 relaunch (Foxiz theme): `/<category>/page/N/`
    listings whose cards carry `<time datetime>`; articles at `/<category>/<id>/`."""

    name = SANA
    canonical_base = CURRENT_CANONICAL
    default_categories = ("politics", "presidency")

    def category_key(self, category: str) -> str:
        """The category's slug (`politics`, `presidency`, …); raises ValueError."""
        slug = category.strip().lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            raise ValueError(f"not a category slug of {self.name}: {category!r}")
        return slug

    def listing_url(self, key: str, page: int) -> str:
        """`<base>/<slug>/`, then `<base>/<slug>/page/N/`."""
        return f"{self.base_url}{key}/" if page <= 1 else f"{self.base_url}{key}/page/{page}/"

    def is_article(self, canonical: str) -> bool:
        """`https://sana.sy/en/<category>/<numeric id>/`."""
        return _host(canonical) == "sana.sy" and bool(
            _CURRENT_ARTICLE_PATH.match(urlsplit(canonical).path)
        )

    def parse_listing(self, page: str, page_url: str) -> Listing:
        """Cards of the main listing block only (`.blog-content .p-wrap`): the header's mega
        menus and the sidebar carry cards of other stories."""
        tree = _tree(page)
        if tree is None:
            return Listing()
        main = tree.xpath(f"//div[{_has_class('blog-content')}]") or [tree]
        cards: list[Card] = []
        seen: set[str] = set()
        for wrap in main[0].xpath(f".//div[{_has_class('p-wrap')}]"):
            links = wrap.xpath(f".//a[{_has_class('p-url')}]/@href") or wrap.xpath(".//a/@href")
            urls = [self.to_canonical(urljoin(page_url, str(href))) for href in links]
            url = next((u for u in urls if self.is_article(u)), None)
            if url is None or url in seen:
                continue
            seen.add(url)
            stamps = wrap.xpath(".//time/@datetime")
            date = None
            if stamps:
                try:
                    date = dt.date.fromisoformat(str(stamps[0]).strip()[:10])
                except ValueError:
                    date = None
            cards.append(Card(url=url, date=date))
        has_next = bool(
            tree.xpath("//link[@rel='next']")
            or tree.xpath(f"//a[{_has_class('next')} and {_has_class('page-numbers')}]")
        )
        return Listing(cards=cards, has_next=has_next)


class ArchiveSite(Site):
    """archive.sana.sy/en/ (Sahifa theme), everything before the relaunch: `?cat=N&paged=P`
    listings, 10 cards a page, newest first, dated by month and day only; articles at `?p=<id>`
    (the old `sana.sy/en/?p=<id>` addresses redirect there)."""

    name = SANA_ARCHIVE
    canonical_base = ARCHIVE_CANONICAL
    categories: Mapping[str, str] = MappingProxyType(
        {"politics": "2", "world": "106", "syria-and-the-world": "106"}
    )
    default_categories = ("politics", "world")
    wayback_on_404 = True

    def category_key(self, category: str) -> str:
        """The category's numeric id: `politics` is 2, `world` 106, or any id as digits."""
        value = category.strip().lower()
        if value.isdigit():
            return value
        if value in self.categories:
            return self.categories[value]
        known = ", ".join(sorted(self.categories))
        raise ValueError(f"unknown category of {self.name}: {category!r} (use an id or {known})")

    def listing_url(self, key: str, page: int) -> str:
        """`<base>?cat=N`, then `<base>?cat=N&paged=P`."""
        return (
            f"{self.base_url}?cat={key}" if page <= 1 else f"{self.base_url}?cat={key}&paged={page}"
        )

    def is_article(self, canonical: str) -> bool:
        """`https://archive.sana.sy/en/?p=<id>`."""
        return _host(canonical) == "archive.sana.sy" and archive_post_id(canonical) is not None

    def wayback_lookups(self, canonical: str) -> list[str]:
        """The archive address, then the pre-relaunch one (`sana.sy/en/?p=<id>`), under which
        most captures of archive articles sit."""
        post_id = archive_post_id(canonical)
        if post_id is None:
            return [canonical]
        return [canonical, f"{CURRENT_CANONICAL}?p={post_id}"]

    def parse_listing(self, page: str, page_url: str) -> Listing:
        """Cards of the archive box (`article.item-list` with `h2.post-box-title a`); the
        sidebar's lists are left out. Dates come from the card's `tie-date` (month and day)."""
        tree = _tree(page)
        if tree is None:
            return Listing()
        cards: list[Card] = []
        seen: set[str] = set()
        for item in tree.xpath(f"//article[{_has_class('item-list')}]"):
            links = item.xpath(f".//h2[{_has_class('post-box-title')}]/a/@href")
            if not links:
                continue
            url = self.to_canonical(urljoin(page_url, str(links[0])))
            if not self.is_article(url) or url in seen:
                continue
            seen.add(url)
            stamp = " ".join(
                " ".join(item.xpath(f".//span[{_has_class('tie-date')}]//text()")).split()
            )
            month_day, date = _card_month_day(stamp)
            cards.append(Card(url=url, date=date, month_day=month_day))
        has_next = bool(
            tree.xpath("//link[@rel='next']") or tree.xpath("//span[@id='tie-next-page']//a")
        )
        return Listing(cards=cards, has_next=has_next)


def make_site(name: str, base_url: str | None = None) -> Site:
    """The profile of site `name` (`sana` or `sana-archive`), fetching from `base_url`, else
    from the base URL configured in the environment (see `etl.config`)."""
    if name == SANA:
        return CurrentSite(base_url or config.sana_base_url())
    if name == SANA_ARCHIVE:
        return ArchiveSite(base_url or config.sana_archive_base_url())
    raise ValueError(f"unknown site {name!r} (expected one of {', '.join(SITE_NAMES)})")
