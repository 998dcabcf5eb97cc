"""Pages as Common Crawl's WET files hold them: the page title, then the text of each block
of the page on a line of its own (menus, sidebars and footer included), in WARC/1.0
`conversion` records of `text/plain`, one gzip member each.

Used by the pipeline benchmark to ingest its corpus as a WET file beside the WARC file.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, BinaryIO

from lxml import html as lxml_html

# Elements whose text is not shown, and elements that start a line of their own.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select"})
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt"}
    | {"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"}
    | {"hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
)


def page_text(page: bytes) -> str:
    """The text of an HTML page as a WET record holds it: the title on the first line,
    then one line per block of text, no blank lines."""
    tree = lxml_html.fromstring(page)
    lines: list[str] = []
    words: list[str] = []

    def close_line() -> None:
        line = " ".join("".join(words).split())
        if line:
            lines.append(line)
        words.clear()

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag not in _HIDDEN:
            if tag in _BLOCKS:
                close_line()
            words.append(element.text or "")
            for child in element:
                walk(child)
            if tag in _BLOCKS:
                close_line()
        words.append(element.tail or "")

    title = tree.findtext(".//title")
    if title and title.strip():
        lines.append(" ".join(title.split()))
    body = tree.find(".//body")
    walk(body if body is not None else tree)
    close_line()
    return "\n".join(lines)


class WetWriter:
    """Writes `conversion` records of `text/plain` to a `.warc.wet.gz` file, a gzip member
    each, after a `warcinfo` record."""

    def __init__(self, handle: BinaryIO, name: str) -> None:
        from warcio.warcwriter import WARCWriter

        self._writer = WARCWriter(handle, gzip=True, warc_version="1.0")
        info = {"software": "benchmarks.wet", "format": "WARC File Format 1.0"}
        self._writer.write_record(self._writer.create_warcinfo_record(name, info))

    def write(self, url: str, fetched_at: dt.datetime, page: bytes) -> None:
        """One page's text as a `conversion` record."""
        text = page_text(page).encode("utf-8")
        record = self._writer.create_warc_record(
            url,
            "conversion",
            payload=io.BytesIO(text),
            length=len(text),
            warc_content_type="text/plain",
            warc_headers_dict={"WARC-Date": fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        self._writer.write_record(record)
