"""The two SANA sites: where their listings and articles are, and how to read a listing page.

A site has a canonical base (the real host, which names articles in the warehouse) and a base
URL to fetch from (the same by default; a mirror or a test server when overridden). Article
URLs are always stored in their canonical form, so that an article fetched from a mirror, from
the origin or from the Wayback Machine is one article.

A listing page's cards are read with the rules of the site's theme, and when those find none,
with WordPress's own post markup (`post_class()`: `.type-post`, `.hentry`), which nearly every
theme prints: a Wayback capture from another era, or a relaunch, is still read. Its next page
is read by `etl.fetch.pagination`, whatever form the theme writes it in.
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
from etl.fetch.pagination import next_page_link
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
from etl.sources.warc import wayback_original

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
    """A listing page read: its cards in page order (newest first), and the canonical address
    of the next page when the page links one (`next_form`: how it was written)."""

    cards: list[Card] = field(default_factory=list)
    next_url: str | None = None
    next_form: str = ""

    @property
    def has_next(self) -> bool:
        """Whether the page links a next page."""
        return self.next_url is not None


def _tree(page: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _outside_content() -> str:
    # Menus, headers, footers and sidebars list other stories than the listing's.
    return (
        "ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside or "
        f"ancestor::*[{_has_class('widget')} or {_has_class('sidebar')} or @id='sidebar']"
    )


def _iso_date(stamps: list[str]) -> dt.date | None:
    for stamp in stamps:
        try:
            return dt.date.fromisoformat(str(stamp).strip()[:10])
        except ValueError:
            continue
    return None


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
        """A listing page fetched from `page_url` (a Wayback capture's address included):
        its cards in page order, with canonical article URLs, and its next page."""
        tree = _tree(page)
        if tree is None:
            return Listing()
        original = wayback_original(page_url)
        address = original[1] if original else page_url
        cards = self._theme_cards(tree, address) or self._wordpress_cards(tree, address)
        found = next_page_link(
            tree, address, canonical=self.to_canonical, is_article=self.is_article
        )
        if found is None:
            return Listing(cards=cards)
        return Listing(cards=cards, next_url=found.url, next_form=found.form)

    def _theme_cards(self, tree: lxml_html.HtmlElement, address: str) -> list[Card]:
        """The cards that the site's theme prints, read by its own markup."""
        raise NotImplementedError

    def _article_url(self, hrefs: list[str], address: str) -> str | None:
        urls = (self.to_canonical(urljoin(address, str(href))) for href in hrefs)
        return next((url for url in urls if self.is_article(url)), None)

    def _wordpress_cards(self, tree: lxml_html.HtmlElement, address: str) -> list[Card]:
        """Cards as WordPress's `post_class()` marks them (`.type-post`, `.hentry`), outside
        menus and sidebars: the title's link (else the first link to an article), dated by
        `<time datetime>`, else by a month and day in the card's date."""
        cards: list[Card] = []
        seen: set[str] = set()
        post = f"{_has_class('type-post')} or {_has_class('hentry')}"
        posts = f"//*[({post}) and not({_outside_content()})]"
        for item in tree.xpath(posts):
            titled = item.xpath(
                f".//*[{_has_class('entry-title')} or {_has_class('post-title')} or self::h2 "
                "or self::h3]//a/@href"
            )
            url = self._article_url(titled, address) or self._article_url(
                item.xpath(".//a/@href"), address
            )
            if url is None or url in seen:
                continue
            seen.add(url)
            date = _iso_date(item.xpath(".//time/@datetime"))
            month_day = None
            if date is None:
                stamp = item.xpath(
                    f".//*[self::time or {_has_class('entry-date')} or {_has_class('tie-date')}]"
                )
                text = " ".join(" ".join(s.text_content() for s in stamp).split())
                month_day, date = _card_month_day(text)
            cards.append(Card(url=url, date=date, month_day=month_day))
        return cards

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

    def _theme_cards(self, tree: lxml_html.HtmlElement, address: str) -> list[Card]:
        """Cards of the main listing block only (`.blog-content .p-wrap`): the header's mega
        menus and the sidebar carry cards of other stories. Dated by `<time datetime>`."""
        main = tree.xpath(f"//div[{_has_class('blog-content')}]") or [tree]
        cards: list[Card] = []
        seen: set[str] = set()
        for wrap in main[0].xpath(f".//div[{_has_class('p-wrap')}]"):
            links = wrap.xpath(f".//a[{_has_class('p-url')}]/@href") or wrap.xpath(".//a/@href")
            url = self._article_url(links, address)
            if url is None or url in seen:
                continue
            seen.add(url)
            cards.append(Card(url=url, date=_iso_date(wrap.xpath(".//time/@datetime"))))
        return cards


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

    def _theme_cards(self, tree: lxml_html.HtmlElement, address: str) -> list[Card]:
        """Cards of the archive box (`article.item-list`, titled `h2.post-box-title a`, or
        `h2.post-title a` in Sahifa's wide-thumbnail layout, else by their first link to an
        article); the sidebar's lists are left out. Dates come from the card's `tie-date`
        (month and day)."""
        cards: list[Card] = []
        seen: set[str] = set()
        titles = f"{_has_class('post-box-title')} or {_has_class('post-title')}"
        for item in tree.xpath(f"//article[{_has_class('item-list')}]"):
            links = item.xpath(f".//h2[{titles}]/a/@href") or item.xpath(".//a/@href")
            url = self._article_url(links, address)
            if url is None or url in seen:
                continue
            seen.add(url)
            stamp = " ".join(
                " ".join(item.xpath(f".//span[{_has_class('tie-date')}]//text()")).split()
            )
            month_day, date = _card_month_day(stamp)
            cards.append(Card(url=url, date=date, month_day=month_day))
        return cards


def make_site(name: str, base_url: str | None = None) -> Site:
    """The profile of site `name` (`sana` or `sana-archive`), fetching from `base_url`, else
    from the base URL configured in the environment (see `etl.config`)."""
    if name == SANA:
        return CurrentSite(base_url or config.sana_base_url())
    if name == SANA_ARCHIVE:
        return ArchiveSite(base_url or config.sana_archive_base_url())
    raise ValueError(f"unknown site {name!r} (expected one of {', '.join(SITE_NAMES)})")
