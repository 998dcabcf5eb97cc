"""Listing pages of the two themes, as the test server serves them page by page.

The markup follows the real themes where discovery reads it (see `samples/render.py` for the
full pages): Sahifa's `article.item-list` cards with `h2.post-box-title a` and a year-less
`span.tie-date`, `#tie-next-page`; Foxiz's `.blog-content .p-wrap` cards with `a.p-url` and
`<time datetime>`, `a.next.page-numbers`. Both carry decoys that discovery must pass over: a
sidebar and a menu listing other stories, and links to categories and tags.

Sites paginate their listings in several ways (SITES.md): each listing can be served with any
of the forms in `PAGINATIONS`, written as WordPress, its plugins and the two themes write them.
A site's own form (`"default"`) is the one it uses today: Sahifa's page navigation with
`<link rel="next">` in the head on the archive, `paginate_links()` with the head link on the
current site; the other forms come without the head link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from tests.sites.corpus import ARCHIVE, CURRENT, Article, by_site

PER_PAGE = 10
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _month_day(article: Article) -> str:
    return f"{_MONTHS[article.date.month - 1]} {article.date.day}"


def _long(article: Article) -> str:
    return f"{_month_day(article)}, {article.date.year}"


# The pagination forms of WordPress listings, each alone (besides each site's "default").
PAGINATIONS = (
    "head-link",  # only `<link rel="next">` in the head (an SEO plugin; the theme shows none)
    "sahifa",  # Sahifa's own page navigation: `<span id="tie-next-page"><a>`, numbered links
    "wp-pagenavi",  # the WP-PageNavi plugin: `a.nextpostslink[rel=next]`, numbered links
    "paginate-links",  # WordPress core `the_posts_pagination()`: `a.next.page-numbers`
    "numbers",  # numbered links only: the current page, then the others; no arrow
    "posts-navigation",  # WordPress core `the_posts_navigation()`: "Older posts"
    "load-more",  # a script loads the next page: no link a reader can follow
)


def page_count(items: list[Article]) -> int:
    """How many listing pages `items` fill."""
    return max(1, -(-len(items) // PER_PAGE))


def _numbers(page: int, pages: int, url: Callable[[int], str], current: str, link: str) -> str:
    return "".join(
        current.format(n=n) if n == page else link.format(n=n, url=url(n))
        for n in range(1, pages + 1)
    )


def pagination(style: str, page: int, pages: int, url: Callable[[int], str]) -> tuple[str, str]:
    """The head link and the page navigation of page `page` of `pages` in form `style` (see
    `PAGINATIONS`; `url(n)` is the address of page n). The last page links no next page."""
    more = page < pages
    head = f'<link rel="next" href="{url(page + 1)}" />\n' if more else ""
    if style == "head-link":
        return head, ""
    if style == "sahifa":  # as archive.sana.sy and other Sahifa sites print it
        block = f'<span class="pages">Page {page} of {pages}</span>'
        if page > 1:
            block += f'<span id="tie-prev-page"><a href="{url(page - 1)}" >&laquo;</a></span>'
        block += _numbers(page, pages, url, '<span class="current">{n}</span>',
                          '<a href="{url}" class="page" title="{n}">{n}</a>')  # fmt: skip
        if more:
            block += f'<span id="tie-next-page">\n\t<a href="{url(page + 1)}" >&raquo;</a></span>'
            block += f'<a href="{url(pages)}" class="last" title="Last &raquo;">Last &raquo;</a>'
        return "", f'<div class="pagination">\n{block}\n</div>\n'
    if style == "wp-pagenavi":
        block = f"<span class='pages'>Page {page} of {pages}</span>"
        if page > 1:
            block += (
                f'<a class="previouspostslink" rel="prev" aria-label="Previous Page" '
                f'href="{url(page - 1)}">&laquo;</a>'
            )
        block += _numbers(
            page, pages, url, "<span aria-current='page' class='current'>{n}</span>",
            '<a class="page larger" title="Page {n}" href="{url}">{n}</a>',
        )  # fmt: skip
        if more:
            block += (
                f'<a class="nextpostslink" rel="next" aria-label="Next Page" '
                f'href="{url(page + 1)}">&raquo;</a>'
                f'<a class="last" aria-label="Last Page" href="{url(pages)}">Last &raquo;</a>'
            )
        return "", f"<div class='wp-pagenavi' role='navigation'>\n{block}\n</div>\n"
    if style == "paginate-links":
        block = (
            f'<a class="prev page-numbers" href="{url(page - 1)}">Previous</a>\n'
            if page > 1
            else ""
        )
        block += _numbers(
            page, pages, url, '<span aria-current="page" class="page-numbers current">{n}</span>\n',
            '<a class="page-numbers" href="{url}">{n}</a>\n',
        )  # fmt: skip
        if more:
            block += f'<a class="next page-numbers" href="{url(page + 1)}">Next</a>'
        return "", (
            '<nav class="navigation pagination" aria-label="Posts">\n'
            '<h2 class="screen-reader-text">Posts navigation</h2>\n'
            f'<div class="nav-links">{block}</div>\n</nav>\n'
        )
    if style == "numbers":
        block = _numbers(page, pages, url, '<span class="current">{n}</span>',
                         '<a href="{url}" class="page">{n}</a>')  # fmt: skip
        return "", f'<div class="pagination">{block}</div>\n'
    if style == "posts-navigation":
        older = f'<div class="nav-previous"><a href="{url(page + 1)}">Older posts</a></div>'
        newer = f'<div class="nav-next"><a href="{url(page - 1)}">Newer posts</a></div>'
        return "", (
            '<nav class="navigation posts-navigation" aria-label="Posts">\n'
            '<h2 class="screen-reader-text">Posts navigation</h2>\n'
            f'<div class="nav-links">{older if more else ""}{newer if page > 1 else ""}</div>\n'
            "</nav>\n"
        )
    if style == "load-more":
        trigger = f'<a href="#" class="loadmore-trigger" data-page="{page + 1}">Show More</a>'
        return (
            "",
            f'<div class="pagination-wrap pagination-loadmore">{trigger if more else ""}</div>\n',
        )
    raise ValueError(f"unknown pagination {style!r}")


def _decoys(site: str) -> list[Article]:
    # The newest stories of the whole site, as menus and sidebars show them on every page.
    return by_site(site)[:4]


def archive_listing(category: str, page: int, items: list[Article], style: str = "default") -> str:
    """Page `page` of an archive category (`?cat=N&paged=P`) in the Sahifa theme, paginated
    in form `style` (`default`: Sahifa's own, with the head link)."""
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    pages = page_count(items)

    def url(n: int) -> str:
        return f"{ARCHIVE}?cat={category}" + (f"&#038;paged={n}" if n > 1 else "")

    if style == "default":
        next_link = pagination("head-link", page, pages, url)[0]
        navigation = pagination("sahifa", page, pages, url)[1]
    else:
        next_link, navigation = pagination(style, page, pages, url)
    cards = "".join(
        f'\t<article class="item-list tie-cat-{category}">\n'
        f'\t\t<h2 class="post-box-title"><a href="{a.url}">{escape(a.title)}</a></h2>\n'
        '\t\t<p class="post-meta">\n'
        f'\t<span class="tie-date"><i class="fa fa-clock-o"></i>{_month_day(a)}</span>\n'
        f'\t<span class="post-comments"><a href="{a.url}#respond">0</a></span>\n'
        "</p>\n"
        '\t\t<div class="entry">\n'
        f"\t\t\t<p>{escape(a.lead[:140])} &hellip;</p>\n"
        f'\t\t\t<a class="more-link" href="{a.url}">Read More &raquo;</a>\n\t\t</div>\n'
        "\t</article><!-- .item-list -->\n"
        for a in shown
    )
    sidebar = "".join(
        f'<li><div class="post-thumbnail"><a href="{a.url}"></a></div>'
        f'<h3><a href="{a.url}">{escape(a.title)}</a></h3>'
        f'<span class="tie-date"><i class="fa fa-clock-o"></i>{_month_day(a)}</span></li>\n'
        for a in _decoys("sana-archive")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8" />\n'
        f"<title>Archives | SANA Syrian Arab News Agency</title>\n{next_link}"
        '<link rel="stylesheet" id="tie-style-css" href="https://archive.sana.sy/en/'
        'wp-content/themes/sahifa/style.css" type="text/css" media="all" />\n'
        "</head>\n"
        f'<body id="top" class="archive category category-{category} lazy-enabled">\n'
        '<div class="wrapper-outer"><div id="wrapper" class="wide-layout">\n'
        '<header id="theme-header" class="theme-header"><nav id="main-nav"><ul>'
        f'<li><a href="{ARCHIVE}?cat=2">Politics</a></li>'
        f'<li><a href="{ARCHIVE}?cat=106">Syria and the World</a></li>'
        f'<li><a href="{ARCHIVE}?tag=iran">Iran</a></li></ul></nav></header>\n'
        '<div id="main-content" class="container"><div class="content">\n'
        '<div class="page-head"><h1 class="page-title">Category</h1></div>\n'
        '<div class="post-listing archive-box">\n'
        f"{cards}</div>\n{navigation}"
        "</div><!-- .content -->\n"
        '<aside id="sidebar"><div class="theiaStickySidebar"><div id="posts-list-widget-2" '
        'class="widget posts-list"><div class="widget-top"><h4>Most Read</h4></div>'
        f'<div class="widget-container"><ul>{sidebar}</ul></div></div></div></aside>\n'
        "</div></div></div>\n</body>\n</html>\n"
    )


def current_listing(category: str, page: int, items: list[Article], style: str = "default") -> str:
    """Page `page` of a current-site category (`/<slug>/page/N/`) in the Foxiz theme, paginated
    in form `style` (`default`: Foxiz's numbers from `paginate_links()`, with the head link)."""
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    pages = page_count(items)
    base = f"{CURRENT}{category}/"

    def url(n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"

    def card(a: Article, layout: str) -> str:
        return (
            f'<div class="p-wrap {layout}" data-pid="{a.post_id}">'
            f'<div class="feat-holder"><a class="p-flink" href="{a.url}" '
            f'title="{escape(a.title)}"></a></div>'
            f'<div class="p-content"><div class="p-categories p-top"><a class="p-category" '
            f'href="{base}" rel="category">{category.title()}</a></div>'
            f'<h3 class="entry-title"><a class="p-url" href="{a.url}" rel="bookmark">'
            f"{escape(a.title)}</a></h3>"
            f'<p class="entry-summary">{escape(a.lead[:160])} …</p>'
            '<div class="p-meta"><div class="meta-inner is-meta"><span class="meta-el meta-update">'
            f'<time class="date" datetime="{a.published}">{_long(a)}</time></span></div></div>'
            "</div></div>\n"
        )

    cards = "".join(card(a, "p-list p-list-1") for a in shown)
    decoys = "".join(card(a, "p-grid p-box") for a in _decoys("sana"))
    if style == "default":
        numbers = "".join(
            f'<a class="page-numbers" href="{url(n)}">{n}</a>'
            if n != page
            else f'<span aria-current="page" class="page-numbers current">{n}</span>'
            for n in range(1, pages + 1)
        )
        next_button = (
            f'<a class="next page-numbers" href="{url(page + 1)}">›</a>' if page < pages else ""
        )
        next_link = pagination("head-link", page, pages, url)[0]
        navigation = (
            f'<nav class="pagination-wrap pagination-number">{numbers}{next_button}</nav>\n'
        )
    else:
        next_link, navigation = pagination(style, page, pages, url)
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n'
        f"<title>{category.title()} - Syrian Arab News Agency</title>\n{next_link}"
        f'<link rel="canonical" href="{base}" />\n</head>\n'
        f'<body class="archive category category-{category} wp-embed-responsive">\n'
        '<div class="site-outer"><header id="site-header" class="header-wrap">'
        '<div class="mega-dropdown"><div class="mega-col">'
        f"{decoys}</div></div></header>\n"
        '<div class="site-wrap"><div class="blog-wrap is-sidebar-right">\n'
        '<div class="rb-container edge-padding"><div class="grid-container">\n'
        '<div class="blog-content"><div class="block-wrap block-small block-list block-list-1">'
        f'<div class="block-inner">\n{cards}</div></div>\n'
        f"{navigation}</div>\n"
        f'<div class="sidebar-wrap archive-sidebar"><div class="sidebar-inner">{decoys}</div>'
        "</div>\n</div></div></div></div></div>\n</body>\n</html>\n"
    )


def not_found(site: str) -> str:
    """The theme's "not found" page."""
    name = "SANA Syrian Arab News Agency" if site == "sana-archive" else "Syrian Arab News Agency"
    return (
        f"<!DOCTYPE html>\n<html><head><title>Page not found | {name}</title></head>"
        '<body class="error404"><div class="content"><h1 class="post-title">Not Found</h1>'
        "<p>Apologies, but the page you requested could not be found.</p></div></body></html>\n"
    )


def unavailable(status: int) -> str:
    """nginx's error page for a 5xx or 429."""
    return (
        f"<html><head><title>{status} Service Temporarily Unavailable</title></head>"
        f"<body><center><h1>{status}</h1></center><hr><center>nginx</center></body></html>\n"
    )


def robots(crawl_delay: float | None, disallow: Sequence[str] = ()) -> str:
    """robots.txt as WordPress sites write it: the Crawl-delay given (none when None; decimals
    as written, `0.3`), the usual admin rules, wildcard rules for search, comment replies,
    trackbacks and feeds (`$` ends a pattern), then `disallow`'s patterns."""
    delay = f"Crawl-delay: {crawl_delay:g}\n" if crawl_delay is not None else ""
    extra = "".join(f"Disallow: {pattern}\n" for pattern in disallow)
    return (
        f"User-agent: *\n{delay}Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        "Disallow: /*?s=\nDisallow: /*&s=\nDisallow: /*?replytocom=\n"
        f"Disallow: /*/trackback/\nDisallow: /*/feed/$\n{extra}"
    )
