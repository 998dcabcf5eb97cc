"""One document in, one bulletin out: text files and HTML pages through the same rules."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from etl.bulletin import build_bulletin
from etl.encoding import decode
from etl.errors import Rejected
from etl.extract import extract_html
from etl.model import Bulletin, RawDocument
from etl.sources import document_bytes

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def source_of(url: str | None) -> str:
    """Which site a bulletin came from: `sana`, `sana-archive`, `web` or `local` (no URL)."""
    if not url:
        return "local"
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host == "archive.sana.sy" or (host == "sana.sy" and "p" in parse_qs(parts.query)):
        return "sana-archive"
    if host == "sana.sy":
        return "sana"
    return "web"


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date of an ISO date or datetime as written (its local date); else None."""
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def parse_text(text: str, *, url: str | None, published: str | None) -> Bulletin:
    """Parse a text bulletin: headline on the first line, blocks separated by blank lines."""
    headline, _, rest = text.strip().partition("\n")
    if not headline.strip():
        raise Rejected("parse", "no text")
    paragraphs = [
        " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        for chunk in re.split(r"\n\s*\n", rest)
    ]
    return build_bulletin(
        headline,
        paragraphs,
        url=url,
        source=source_of(url),
        published_date=parse_date(published),
    )


def parse_html(text: str, *, url: str | None, published: str | None) -> Bulletin:
    """Parse an HTML page: extraction first, then the same bulletin rules as text."""
    page = extract_html(text, url)
    final_url = url or page.url
    return build_bulletin(
        page.headline,
        page.blocks,
        url=final_url,
        source=source_of(final_url),
        published_date=parse_date(published) or parse_date(page.published),
        related=page.related,
        captions=page.captions,
    )


def parse_document(document: RawDocument, url: str | None = None) -> Bulletin:
    """Parse a raw document into a bulletin; raises `Rejected` with a one-line reason.

    `url` overrides the URL from a sidecar or the page's canonical link.
    """
    data = document_bytes(document)
    html = document.media_type == "text/html"
    text = decode(data, html=html)
    parse = parse_html if html else parse_text
    return parse(text, url=url or document.url, published=document.published)
