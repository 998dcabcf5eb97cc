"""Listing pages of the two themes, as the test server serves them page by page.

The markup follows the real themes where discovery reads it (see `samples/render.py` for the
full pages): Sahifa's `article.item-list` cards with `h2.post-box-title a` and a year-less
`span.tie-date`, `#tie-next-page`; Foxiz's `.blog-content .p-wrap` cards with `a.p-url` and
`<time datetime>`, `a.next.page-numbers`. Both carry decoys that discovery must pass over: a
sidebar and a menu listing other stories, and links to categories and tags.
"""

from __future__ import annotations

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


def page_count(items: list[Article]) -> int:
    """How many listing pages `items` fill."""
    return max(1, -(-len(items) // PER_PAGE))


def _decoys(site: str) -> list[Article]:
    # The newest stories of the whole site, as menus and sidebars show them on every page.
    return by_site(site)[:4]


def archive_listing(category: str, page: int, items: list[Article]) -> str:
    """Page `page` of an archive category (`?cat=N&paged=P`) in the Sahifa theme."""
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    pages = page_count(items)
    next_link = (
        f'<link rel="next" href="{ARCHIVE}?cat={category}&#038;paged={page + 1}" />\n'
        if page < pages
        else ""
    )
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
    pagination = f'<span class="pages">Page {page} of {pages}</span>'
    if page < pages:
        pagination += (
            f'<span id="tie-next-page"><a href="{ARCHIVE}?cat={category}&#038;paged={page + 1}"'
            " >&raquo;</a></span>"
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
        f"{cards}</div>\n"
        f'<div class="pagination">{pagination}</div>\n'
        "</div><!-- .content -->\n"
        '<aside id="sidebar"><div class="theiaStickySidebar"><div id="posts-list-widget-2" '
        'class="widget posts-list"><div class="widget-top"><h4>Most Read</h4></div>'
        f'<div class="widget-container"><ul>{sidebar}</ul></div></div></div></aside>\n'
        "</div></div></div>\n</body>\n</html>\n"
    )


def current_listing(category: str, page: int, items: list[Article]) -> str:
    """Page `page` of a current-site category (`/<slug>/page/N/`) in the Foxiz theme."""
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    pages = page_count(items)
    base = f"{CURRENT}{category}/"

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
    numbers = "".join(
        f'<a class="page-numbers" href="{base}page/{n}/">{n}</a>'
        if n != page
        else f'<span aria-current="page" class="page-numbers current">{n}</span>'
        for n in range(1, pages + 1)
    )
    next_link = f'<link rel="next" href="{base}page/{page + 1}/" />\n' if page < pages else ""
    next_button = (
        f'<a class="next page-numbers" href="{base}page/{page + 1}/">›</a>' if page < pages else ""
    )
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
        f'<nav class="pagination-wrap pagination-number">{numbers}{next_button}</nav>\n'
        "</div>\n"
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


def robots(crawl_delay: int | None) -> str:
    """robots.txt as SANA serves it, with the Crawl-delay given (none when None)."""
    delay = f"Crawl-delay: {crawl_delay}\n" if crawl_delay is not None else ""
    return f"User-agent: *\n{delay}Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
