"""One document in, one bulletin out: text files and HTML pages through the same rules."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from etl.errors import Rejected
from etl.extract.bulletin import build_bulletin
from etl.extract.html import extract_html
from etl.extract.text import parse_text
from etl.model import Bulletin, RawDocument
from etl.sites import parse_date, source_of
from etl.sources.encoding import decode
from etl.sources.files import document_bytes

# Real bulletin pages are 100-170 KB; a page 100 times that is not a bulletin, and parsing
# it would cost seconds of CPU and hundreds of MB.
MAX_DOCUMENT_BYTES = 16 * 2**20
MAX_SECONDS = 30.0


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
    if len(data) > MAX_DOCUMENT_BYTES:
        raise Rejected(
            "read",
            f"too large to be a bulletin ({len(data) / 2**20:.0f} MiB > "
            f"{MAX_DOCUMENT_BYTES // 2**20} MiB)",
        )
    html = document.media_type == "text/html"
    text = decode(data, html=html)
    parse = parse_html if html else parse_text
    with time_limit(MAX_SECONDS):
        return parse(text, url=url or document.url, published=document.published)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Reject a document whose parsing takes longer than `seconds` (a hostile page must not
    hang a run). Uses a timer signal, so it applies in a process's main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Rejected("parse", f"parsing took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
