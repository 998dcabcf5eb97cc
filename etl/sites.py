"""Every rule about SANA's addresses and dates, in one place.

Which site an address belongs to, the canonical address that names an article whichever
host, mirror or Wayback capture it was fetched from, the key that identifies a bulletin by
its URL, and the publication date a page states. The crawler, the parser, the WARC reader
and the warehouse rows all ask here.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit, urlunsplit

SANA = "sana"
SANA_ARCHIVE = "sana-archive"
SITE_NAMES = (SANA, SANA_ARCHIVE)

CURRENT_CANONICAL = "https://sana.sy/en/"
ARCHIVE_CANONICAL = "https://archive.sana.sy/en/"

CURRENT_ARTICLE_PATH = re.compile(r"^/en/([a-z0-9-]+)/(\d+)/?$")
_PAGE_PATH = re.compile(r"/page/\d+/?$")
_LISTING_QUERY_KEYS = frozenset({"cat", "paged", "s", "tag", "author", "feed", "m", "page_id"})
_LISTING_PATH_PARTS = ("/feed", "/wp-json", "/category/", "/tag/", "/author/", "/search/")
_PUBLISHED = (
    re.compile(r"article:published_time\"\s+content=\"(\d{4}-\d{2}-\d{2})"),
    re.compile(r"\"datePublished\"\s*:\s*\"(\d{4}-\d{2}-\d{2})"),
)
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid")


def host_of(url: str) -> str:
    """The address's host, lowercase, without `www.`."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def archive_post_id(url: str) -> int | None:
    """The WordPress post id of an address of the form `…/en/?p=<id>`, else None."""
    values = parse_qs(urlsplit(url).query).get("p")
    if values and values[0].isdigit():
        return int(values[0])
    return None


def canonical_article_url(url: str) -> str:
    """The address that names an article of the real sites: https, no `www.`, and the old
    `sana.sy/en/?p=<id>` addresses moved to the archive host (where they redirect).
    Addresses of other hosts come back unchanged."""
    host = host_of(url)
    if host == "sana.sy":
        post_id = archive_post_id(url)
        if post_id is not None:
            return f"{ARCHIVE_CANONICAL}?p={post_id}"
        match = CURRENT_ARTICLE_PATH.match(urlsplit(url).path)
        if match:
            return f"{CURRENT_CANONICAL}{match.group(1)}/{match.group(2)}/"
    if host == "archive.sana.sy":
        post_id = archive_post_id(url)
        if post_id is not None:
            return f"{ARCHIVE_CANONICAL}?p={post_id}"
    return url


def is_article_address(url: str) -> bool:
    """Whether an address names an article of SANA's English sites: `…/en/?p=<id>` on
    either host (the old `sana.sy/en/?p=<id>` too) or `sana.sy/en/<category>/<id>/`; not
    listings, other pages, or the Arabic site."""
    host = host_of(url)
    path = urlsplit(url).path
    if host not in ("sana.sy", "archive.sana.sy") or not (path == "/en" or path.startswith("/en/")):
        return False
    return archive_post_id(url) is not None or (
        host == "sana.sy" and CURRENT_ARTICLE_PATH.match(path) is not None
    )


def source_of(url: str | None) -> str:
    """Which site a bulletin came from: `sana`, `sana-archive`, `web` or `local` (no URL)."""
    if not url:
        return "local"
    host = host_of(url)
    if host == "archive.sana.sy" or (host == "sana.sy" and archive_post_id(url) is not None):
        return SANA_ARCHIVE
    if host == "sana.sy":
        return SANA
    return "web"


def url_key(url: str) -> str:
    """The form of a URL that identifies a bulletin: scheme, `www.`, fragment, tracking
    parameters, query order and the trailing slash do not matter."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING_PARAMS)
    )
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", urlencode(query), ""))


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


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date of an ISO date or datetime as written (its local date); else None."""
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


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
