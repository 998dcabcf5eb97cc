"""The seeds as other tools dump them: one paragraph per line, or the whole page's text with
the site's chrome around the bulletin (either SANA theme, or a generic news site), in UTF-8,
CRLF or Windows-1252. Each shape holds the seed's own blocks unchanged, so every shape of a
seed must parse to the seed's golden fields.

The chrome is written after the text of the two themes' real pages (their menus, ticker,
breadcrumb, post meta, share bar, tags, author box, Related Articles, comment form,
sidebars and footer) and of a common WordPress news site.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.conftest import TEXT_SAMPLES
from tests.golden import GOLDEN

SEEDS = sorted(GOLDEN)
PAGE_THEMES = ("sahifa", "foxiz", "generic")
SHAPES = ("single-lines", *(f"page-{theme}" for theme in PAGE_THEMES))
ENCODINGS = ("utf-8", "crlf", "cp1252")

# What the archive theme (Sahifa) prints before the headline: the date of the day in the
# header, the language menu, the site's name, the main menu, the breaking-news ticker, the
# breadcrumb; and after it, the post meta (date, categories, views).
_SAHIFA_TOP = """\
Thursday , 5 March 2020
العربية
Français
Español
SANA Syrian Arab News Agency
Home
Politics
Mikdad, Russian Ambassador discuss bilateral cooperation and preparations for upcoming meetings
September 28
Syria and the World
Local
Economy
Culture
Sports
Presidency
Features
Photo Gallery
Breaking News
Hama Governorate completes rehabilitation of 12 schools in the countryside
Damascus Securities Exchange trading volume exceeds SYP 300 million
Home » Presidency » {headline}
{headline}
{date:%B} {date.day}, {date:%Y} Presidency, Politics 1,836"""

_SAHIFA_AFTER_BODY = """\
Share
Tweet
Tags Ali Asghar Khaji Iran President al-Assad
{date:%Y-%m-%d}
m.mohammed
About m.mohammed
Editor at SANA English news desk.
Previous China calls for lifting unilateral measures imposed on Syria
Next National Museum in Aleppo reopens halls after restoration
Related Articles
Syrian-Iranian talks in Damascus on the constitution committee and the situation in Idleb
September 23
Foreign Minister al-Moallem receives Iranian Senior Aide Khaji
September 24"""

_SAHIFA_END = """\
Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Save my name, email, and website in this browser for the next time I comment.
Stay Connected
1,261,430Fans
38,270Followers
Most Read
Recent
Comments
Syria participates in the virtual meeting of the Non-Aligned Movement
September 27
Copyright © 2020, All Rights Reserved for SANA"""

# The current site's theme (Foxiz): ticker, menus with their "Show More", the footer's
# copyright before the article (a mobile menu), breadcrumb, category, headline, post meta
# with the author glued to "By"; a "Read More" box of two titles inside the body.
_FOXIZ_TOP = """\
Breaking News
Foreign Minister al-Shaibani receives European Union delegation in Damascus
Damascus Governorate launches road maintenance campaign in Mazzeh
Home
Politics
PoliticsShow More
Syria participates in Arab League ministerial meeting in Cairo
November 19, 2025
Search for:
Follow US
© 2025 SANA. All Rights Reserved.
Home » Presidency » {headline}
Presidency
{headline}
Last updated: {date:%B} {date.day}, {date:%Y} 09:18 PM
Bysana.english
{date:%B} {date.day}, {date:%Y}
2 Min Read
SHARE"""

_FOXIZ_INLINE = """\
Read More
Iranian Parliament Speaker: Iran will stand by Syria until terrorism is defeated
Al-Moallem receives Iranian Deputy Foreign Minister for Arab and African Affairs"""

_FOXIZ_END = """\
Follow SANA English on Telegram for the latest news.
TAGGED:Ali HaidarIranPresident al-Assad
Share This Article
FacebookXTelegramWhatsAppLinkedInEmailCopy LinkPrint
sana.english
SANA English
Editor and translator at SANA English news desk.
Leave a Comment
Most Read
1
Syrian Symphony Orchestra performs at Damascus Opera House
November 16, 2025
Latest News
Syria participates in Arab League ministerial meeting in Cairo"""

# A news site of the common WordPress kind that republished the bulletin.
_GENERIC_TOP = """\
Skip to content
Monday, March 9, 2020
Middle East Monitor Daily
Menu
World
Middle East
Subscribe
Sign in
Home > World > Middle East
{headline}
Posted on {date:%B} {date.day}, {date:%Y} by admin
3 min read
Share on Facebook
Share on Twitter"""

_GENERIC_AFTER_BODY = """\
Share this:
Twitter
Facebook
Like this:
Related
Most Popular
Iran, Syria sign new trade agreement
Sport roundup: weekend results"""

_GENERIC_END = """\
We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.
Ok
Privacy policy
© 2020 Middle East Monitor Daily. All rights reserved.
Powered by WordPress | Theme by Example"""

# WET files and browsers give the page title first: the headline and the site's name.
_TITLES = {
    "sahifa": "{headline} | SANA Syrian Arab News Agency",
    "foxiz": "{headline} - Syrian Arab News Agency",
    "generic": "{headline} – Middle East Monitor Daily",
}


def seed_text(seed: str) -> str:
    """The seed as the samples hold it (the shape of `../shared/seeds`)."""
    return (TEXT_SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def single_lines(seed: str) -> str:
    """One block per line, no blank lines (copy-paste, scrapers, exports)."""
    return "\n".join(_blocks(seed_text(seed))) + "\n"


def page_lines(seed: str, theme: str, *, title: bool = True) -> list[str]:
    """The lines of the whole page's text around the seed's blocks, in a theme's chrome;
    with `title`, the page title first (as WET files have it)."""
    blocks = _blocks(seed_text(seed))
    headline, rest = blocks[0], blocks[1:]
    footer_at = rest.index("Check Also") if "Check Also" in rest else len(rest)
    body, footer = rest[:footer_at], rest[footer_at:]
    date = dt.date.fromisoformat(GOLDEN[seed]["published_date"])

    def fill(template: str) -> list[str]:
        return template.format(headline=headline, date=date).splitlines()

    if theme == "sahifa":
        lines = fill(_SAHIFA_TOP) + body + fill(_SAHIFA_AFTER_BODY) + footer + fill(_SAHIFA_END)
    elif theme == "foxiz":
        lines = fill(_FOXIZ_TOP) + body[:4] + fill(_FOXIZ_INLINE) + body[4:] + footer
        lines += fill(_FOXIZ_END)
    elif theme == "generic":
        lines = fill(_GENERIC_TOP) + body + fill(_GENERIC_AFTER_BODY) + footer + fill(_GENERIC_END)
    else:
        raise ValueError(theme)
    return ([_TITLES[theme].format(headline=headline)] if title else []) + lines


def shape_text(seed: str, shape: str) -> str:
    """The seed in a shape of `SHAPES`, as text."""
    if shape == "single-lines":
        return single_lines(seed)
    return "\n".join(page_lines(seed, shape.removeprefix("page-"))) + "\n"


def encode(text: str, encoding: str) -> bytes:
    """Text as a file holds it: UTF-8, UTF-8 with CRLF, or Windows-1252 with CRLF (what
    Windows-1252 cannot hold, such as the Arabic of a language menu, becomes `?`)."""
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if encoding == "cp1252":
        return text.replace("\n", "\r\n").encode("cp1252", errors="replace")
    raise ValueError(encoding)
