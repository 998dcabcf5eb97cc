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
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from etl import config
from etl.sites import (
    ARCHIVE_CANONICAL,
    CURRENT_ARTICLE_PATH,
    CURRENT_CANONICAL,
    SANA,
    SANA_ARCHIVE,
    SITE_NAMES,
    archive_post_id,
    canonical_article_url,
    host_of,
)

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
        return host_of(canonical) == "sana.sy" and bool(
            CURRENT_ARTICLE_PATH.match(urlsplit(canonical).path)
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
        return host_of(canonical) == "archive.sana.sy" and archive_post_id(canonical) is not None

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
