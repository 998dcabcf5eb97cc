"""Where a WordPress listing page says its next page is, in every common form the web writes.

A theme may use any of these forms, several at once, or none that a reader can see (a page
loaded by script); the first that yields a link wins:

1. an explicit next link: `<link rel="next">` in the head (SEO plugins; not always there),
   an anchor with `rel="next"` (WP-PageNavi's `a.nextpostslink`, many themes), Sahifa's
   `<span id="tie-next-page"><a>`, `a.nextpostslink` without `rel` (older WP-PageNavi),
   `a.next` (`paginate_links()`: `a.next.page-numbers`), the anchor of a `.next` item
   (Bootstrap's pager) or of `.nav-previous` (`the_posts_navigation()`: "Older posts", the
   listing running newest first);
2. numbered links only: a current-page marker (`span.current`, `aria-current="page"`, a list
   item `.active`) followed by a link whose number is one more (`1,234` read as 1234);
3. any link to the same listing one page on, whether written `?paged=N` or `/page/N/`.

A candidate is refused when it leads to an article (a single post's "next story" link), back
to the page itself (`#`, a script's arrow) or to an earlier page of the same listing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from lxml import html as lxml_html

_PAGE_PATH = re.compile(r"/page/(\d+)/?$")
_NUMBER = re.compile(r"^\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})*$|^\d+$")


def _class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _rel_next() -> str:
    return "contains(concat(' ', normalize-space(translate(@rel, 'NEXT', 'next')), ' '), ' next ')"


# Explicit next links, most specific first.
_EXPLICIT = (
    ("link[rel=next]", f"//link[{_rel_next()}]"),
    ("a[rel=next]", f"//a[{_rel_next()}]"),
    ("#tie-next-page a", "//*[@id='tie-next-page']//a"),
    ("a.nextpostslink", f"//a[{_class('nextpostslink')}]"),
    ("a.next", f"//a[{_class('next')}]"),
    (".next > a", f"//*[{_class('next')}]/a"),
    (".nav-previous a", f"//*[{_class('nav-previous')}]//a"),
)
_CURRENT_MARKERS = f"//*[@aria-current='page' or {_class('current')} or {_class('active')}]"


class NextLink(NamedTuple):
    """A listing page's next page: its address and the form it was read from."""

    url: str
    form: str


def listing_page_number(url: str) -> int:
    """The page of a listing that an address names: `paged=N` in its query or `/page/N/` at
    the end of its path; 1 when it names neither."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key == "paged" and value.isdigit():
            return int(value)
    match = _PAGE_PATH.search(parts.path)
    return int(match.group(1)) if match else 1


def _listing_key(url: str) -> tuple[str, str]:
    """An address with its page number taken out (and its scheme, host and fragment): the
    listing it is a page of."""
    parts = urlsplit(url)
    path = _PAGE_PATH.sub("/", parts.path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if k != "paged")
    return path.rstrip("/") or "/", urlencode(query)


def _number(text: str) -> int | None:
    text = " ".join(text.split())
    if not _NUMBER.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def _anchors(element: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    if element.tag == "a":
        return [element]
    return list(element.iter("a"))


def _numbered_next(tree: lxml_html.HtmlElement) -> Iterator[str]:
    """Links numbered one more than a current-page marker that comes right before them."""
    for marker in tree.xpath(_CURRENT_MARKERS):
        current = _number(marker.text_content())
        if current is None:
            continue
        # The number that follows is a sibling of the marker, or of the list item holding it.
        for node in (marker, marker.getparent()):
            if node is None:
                break
            following = next(
                (
                    sibling
                    for sibling in node.itersiblings()
                    if isinstance(sibling.tag, str) and _number(sibling.text_content()) is not None
                ),
                None,
            )
            if following is None:
                continue
            if _number(following.text_content()) == current + 1:
                for anchor in _anchors(following):
                    href = anchor.get("href")
                    if href:
                        yield href
            break


def next_page_link(
    tree: lxml_html.HtmlElement,
    page_url: str,
    *,
    canonical: Callable[[str], str] = lambda url: url,
    is_article: Callable[[str], bool] = lambda url: False,
) -> NextLink | None:
    """The next page linked by a listing page (parsed as `tree`, fetched from `page_url`),
    as a canonical address (`canonical` maps a fetched address to it), or None.

    `is_article` tells an article of the site from a listing page, so that a single post's
    "next story" link is never taken for the next page.
    """
    here = canonical(page_url)
    here_key, here_page = _listing_key(here), listing_page_number(here)

    def usable(href: str) -> str | None:
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            return None
        url = canonical(urljoin(page_url, href))
        if urlsplit(url).scheme not in ("http", "https") or is_article(url):
            return None
        if url.split("#", 1)[0] == here.split("#", 1)[0]:
            return None
        if _listing_key(url) == here_key and listing_page_number(url) <= here_page:
            return None
        return url

    for form, xpath in _EXPLICIT:
        for element in tree.xpath(xpath):
            url = usable(element.get("href") or "")
            if url:
                return NextLink(url, form)
    for href in _numbered_next(tree):
        url = usable(href)
        if url:
            return NextLink(url, "numbered links")
    for anchor in tree.iter("a"):
        href = anchor.get("href") or ""
        url = usable(href)
        if url and _listing_key(url) == here_key and listing_page_number(url) == here_page + 1:
            return NextLink(url, "address of the next page")
    return None
