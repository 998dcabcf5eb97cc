"""What the two SANA WordPress themes' markup says better than generic extraction.

`sahifa` is the archive site's TieLabs theme, `foxiz` the current site's. For each: how to
recognise it, where the headline and date are, which blocks are boilerplate (given to
trafilatura as `prune_xpath`), the related links (Check Also, Related Articles, inline
related posts) and the image captions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from etl.model import RelatedKind, RelatedLink


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _text(node: HtmlElement | None) -> str:
    return " ".join(node.text_content().split()) if node is not None else ""


def _first(tree: HtmlElement, xpath: str) -> HtmlElement | None:
    found = tree.xpath(xpath)
    return found[0] if found else None


@dataclass
class ThemeReading:
    """What a recognised theme's markup gave for one page."""

    theme: str
    headline: str | None
    published: str | None
    related: list[RelatedLink] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    prune_xpath: list[str] = field(default_factory=list)


_SAHIFA_PRUNE = [
    "//div[@class='share-post' or contains(@class, 'share-post')]",
    "//p[contains(@class, 'post-tag')]",
    "//section[@id='author-box']",
    "//section[@id='related_posts']",
    "//section[@id='check-also-box']",
    "//div[@id='comments']",
    "//aside[@id='sidebar']",
    "//div[contains(@class, 'gallery')]",
    "//div[contains(@class, 'wp-caption')]",
    "//figure",
    "//div[contains(@class, 'breaking-news')]",
    "//div[@id='crumbs']",
    "//p[contains(@class, 'post-meta')]",
]

_FOXIZ_PRUNE = [
    "//div[contains(@class, 'inline-post')]",
    "//div[contains(@class, 'block-wrap')]",
    f"//div[{_has_class('efoot')}]",
    f"//div[{_has_class('entry-bottom')}]",
    "//div[contains(@class, 'tag-bar')]",
    "//div[contains(@class, 'e-shared')]",
    "//div[contains(@class, 'usr-holder')]",
    "//div[contains(@class, 'single-related')]",
    "//div[contains(@class, 'comment-box')]",
    "//div[contains(@class, 'sidebar-wrap')]",
    "//figure",
    "//nav[contains(@class, 'breadcrumb')]",
    "//div[contains(@class, 'single-meta')]",
]


_LISTING_CLASSES = frozenset({"archive", "category", "home", "blog", "search", "tag"})


def _body_classes(tree: HtmlElement) -> set[str]:
    body = _first(tree, "//body")
    return set((body.get("class") or "").split()) if body is not None else set()


def _listing_or_404(tree: HtmlElement) -> str | None:
    classes = _body_classes(tree)
    if "error404" in classes:
        return "not an article: a 404 page"
    if "single" not in classes and classes & _LISTING_CLASSES:
        return "not an article: a listing page"
    return None


def _link(
    node: HtmlElement | None, teaser: HtmlElement | None, kind: RelatedKind
) -> RelatedLink | None:
    title = _text(node)
    if not title or node is None:
        return None
    return RelatedLink(title=title, teaser=_text(teaser) or None, url=node.get("href"), kind=kind)


def read_sahifa(tree: HtmlElement) -> ThemeReading:
    """Read a Sahifa (TieLabs) page of archive.sana.sy."""
    headline = _text(_first(tree, f"//h1[{_has_class('post-title')}]")) or None
    meta = _first(tree, "//meta[@property='article:published_time']")
    related: list[RelatedLink] = []
    # Sahifa puts one `.check-also-post` in the box; its successor Jannah, a list item.
    for box in tree.xpath(
        "//*[@id='check-also-box']//*[contains(@class, 'check-also-post')]"
        " | //*[@id='check-also-box']//li"
    ):
        anchor = _first(box, f".//*[{_has_class('post-title')}]//a")
        link = _link(anchor, _first(box, ".//p"), "check_also")
        if link:
            related.append(link)
    for anchor in tree.xpath(
        "//section[@id='related_posts']//div[contains(@class, 'related-item')]//h3/a"
    ):
        link = _link(anchor, None, "related")
        if link:
            related.append(link)
    captions = [
        _text(node)
        for node in tree.xpath(
            "//div[@class='entry' or contains(@class, 'entry ')]"
            "//*[self::figcaption or contains(@class, 'wp-caption-text')]"
        )
    ]
    return ThemeReading(
        theme="sahifa",
        headline=headline,
        published=meta.get("content") if meta is not None else None,
        related=related,
        captions=[c for c in dict.fromkeys(captions) if c],
        prune_xpath=_SAHIFA_PRUNE,
    )


def _json_ld_date(tree: HtmlElement) -> str | None:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    return str(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None


def read_foxiz(tree: HtmlElement) -> ThemeReading:
    """Read a Foxiz (themeruby) page of sana.sy."""
    headline = _text(_first(tree, f"//h1[{_has_class('s-title')}]")) or None
    related: list[RelatedLink] = []
    for box in tree.xpath("//div[contains(@class, 'check-also-block')]"):
        link = _link(
            _first(box, ".//a[contains(@class, 'p-url')]"),
            _first(box, ".//p[contains(@class, 'entry-summary')]"),
            "check_also",
        )
        if link:
            related.append(link)
    for anchor in tree.xpath(
        "//div[contains(@class, 'single-related')]//a[contains(@class, 'p-url')]"
    ):
        link = _link(anchor, None, "related")
        if link:
            related.append(link)
    for anchor in tree.xpath(
        "//div[contains(@class, 'inline-post')]//a[contains(@class, 'p-url')]"
    ):
        link = _link(anchor, None, "inline")
        if link:
            related.append(link)
    captions = [
        _text(node)
        for node in tree.xpath(
            "//div[contains(@class, 'entry-content')]//figcaption"
            " | //div[contains(@class, 's-feat')]//figcaption"
        )
    ]
    return ThemeReading(
        theme="foxiz",
        headline=headline,
        published=_json_ld_date(tree),
        related=related,
        captions=[c for c in dict.fromkeys(captions) if c],
        prune_xpath=_FOXIZ_PRUNE,
    )


def not_an_article(tree: HtmlElement) -> str | None:
    """Why a page is not a single article (a 404 or a listing), from WordPress's standard
    body classes; None when it may be one. Applies to any WordPress site, not only SANA's."""
    return _listing_or_404(tree)


def read_theme(tree: HtmlElement) -> ThemeReading | None:
    """Recognise the page's theme and read it; None for any other site (generic extraction)."""
    if tree.xpath(
        f"//h1[{_has_class('s-title')}] | //div[{_has_class('rbct')}]"
        " | //link[starts-with(@id, 'foxiz-')]"
    ):
        return read_foxiz(tree)
    if tree.xpath(
        "//*[@id='theme-header'] | //section[@id='check-also-box']"
        f" | //h1[{_has_class('post-title')} and {_has_class('entry-title')}]"
    ):
        return read_sahifa(tree)
    return None
