"""HTML pages: trafilatura for the main text and metadata, the theme's markup for the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from etl.errors import Rejected
from etl.extract.themes import not_an_article, read_theme
from etl.model import RelatedLink

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
MIN_WORDS = 15


@dataclass
class Extracted:
    """What an HTML page gave: headline, date, URL, text blocks, links and captions."""

    headline: str
    published: str | None
    url: str | None
    blocks: list[str]
    theme: str | None
    related: list[RelatedLink] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def _parse_tree(text: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError) as exc:
        raise Rejected("extract", f"unparseable HTML ({exc})") from None
    return tree


def _meta(tree: lxml_html.HtmlElement, xpath: str, attribute: str) -> str | None:
    found = tree.xpath(xpath)
    value = found[0].get(attribute) if found else None
    return value.strip() if value and value.strip() else None


def extract_html(text: str, url: str | None = None) -> Extracted:
    """Extract a page's article; raises `Rejected` for pages that are not articles."""
    tree = _parse_tree(text)
    not_article = not_an_article(tree)
    if not_article:
        raise Rejected("extract", not_article)
    reading = read_theme(tree)
    canonical = _meta(tree, "//link[@rel='canonical']", "href") or _meta(
        tree, "//meta[@property='og:url']", "content"
    )
    # On a known theme's page the markup gives the headline and date, and the pruned tree
    # holds little but the article: trafilatura's metadata and its fallback extractors
    # (readability, jusText) would only cost time, a quarter of the parse (docs/benchmarks.md).
    themed = reading is not None and bool(reading.headline) and bool(reading.published)
    document = trafilatura.bare_extraction(
        tree,
        url=url or canonical,
        fast=themed,
        with_metadata=not themed,
        include_comments=False,
        include_tables=False,
        include_images=False,
        prune_xpath=reading.prune_xpath if reading else None,
    )
    body = getattr(document, "text", None) or ""
    if len(body.split()) < MIN_WORDS:
        raise Rejected("extract", "not an article: no main text found")
    headline = (
        (reading.headline if reading else None)
        or getattr(document, "title", None)
        or _meta(tree, "//meta[@property='og:title']", "content")
    )
    if not headline:
        raise Rejected("extract", "not an article: no headline")
    final_url = url or canonical or getattr(document, "url", None)
    related = reading.related if reading else []
    if final_url:
        # Themes may link relatively ("/some-post/"): links are stored absolute.
        related = [
            replace(link, url=urljoin(final_url, link.url)) if link.url else link
            for link in related
        ]
    return Extracted(
        headline=headline,
        published=(reading.published if reading else None) or getattr(document, "date", None),
        url=final_url,
        blocks=body.split("\n"),
        theme=reading.theme if reading else None,
        related=related,
        captions=reading.captions if reading else [],
    )
