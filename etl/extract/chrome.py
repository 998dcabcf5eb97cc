"""Lines of page chrome: what a site prints around a bulletin, as its text dumps show it.

A page saved as text (a browser's "save as text", a text-mode dump, Common Crawl's WET
extraction) keeps the site's menus, tickers, share bars, sidebars and footer as lines of
their own around the bulletin. These rules recognise such lines one at a time, so that the
text reader can find where the bulletin starts and ends and never keeps them as paragraphs.
Both SANA themes (Sahifa on archive.sana.sy, Foxiz on sana.sy) and the usual WordPress and
news-site furniture are covered.
"""

from __future__ import annotations

import re

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Full names and their three-letter forms ("Sep" and "Sept" alike), to their numbers.
_MONTH_NUMBERS = {
    form: number
    for number, name in enumerate(_MONTH_NAMES, start=1)
    for form in (name.casefold(), name[:3].casefold())
} | {"sept": 9}
_MONTHS = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# A date as site headers, post meta and sidebars print it: "Tuesday , 24 September 2019",
# "September 24, 2019", "Sep 24, 2019 09:18 PM", "2019-09-24", "24/09/2019", "September 23".
_DATE = re.compile(
    rf"""^(?:{_WEEKDAY}\s*,?\s*)?
    (?:
        (?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTHS})\.?
        (?:\s*,?\s*(?P<year1>\d{{4}}))?
      | (?P<month2>{_MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?
        (?:\s*,?\s*(?P<year2>\d{{4}}))?
      | (?P<year3>\d{{4}})-(?P<month3>\d{{2}})-(?P<day3>\d{{2}})
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}
    )
    (?:\s*[T,]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[AaPp]\.?[Mm]\.?)?)?""",
    re.VERBOSE | re.IGNORECASE,
)
# Post meta around a headline: "Last updated: …", "Posted on … by admin", "By Manal",
# "ByManal" (Foxiz glues the word to the name), "2 Min Read", "1,836 views", "3 hours ago".
_META = re.compile(
    r"""^(?:
        (?i:(?:last\s+)?(?:updated|modified|published|posted|written)\b.{0,80})
      | [Bb]y\s+\S+(?:\s+\S+){0,3}
      | By[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}      # Foxiz glues "By" to the name
      | By[a-z0-9]+[._][\w.-]+                      # or to the account
      | (?i:\d+\s+min(?:ute)?s?\s+read)
      | (?i:[\d,.]+[KM]?\s+(?:views?|comments?|reads?|shares?))
      | (?i:\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago)
    )$""",
    re.VERBOSE,
)
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"^(?:published|posted)(?:\s+on)?\s*:?\s*", re.IGNORECASE)


def _choices(text: str) -> frozenset[str]:
    return frozenset(item.strip() for item in text.split("|") if item.strip())


# Whole lines that are menus, section headings of sidebars and footers, share bars and
# buttons (compared case-insensitively, without a trailing colon, `»` or `›`).
_CHROME_LINES = (
    _choices(
        """home|menu|main menu|search|search for|sections|categories|archives|skip to content
        |breaking news|breaking|latest|latest news|latest posts|recent|recent posts|recent news
        |most read|most popular|most viewed|popular|popular posts|trending|top stories
        |editor's picks|related|related articles|related news|related posts|related stories
        |you may also like|more news|more stories|more from|don't miss|read next|previous|next
        |previous post|next post|previous article|next article|older posts|newer posts
        |load more|show more|back to top|scroll to top|go to top|close"""
    )
    | _choices(
        """share|share this|share this article|share this post|share on|tweet|email|print
        |whatsapp|facebook|twitter|telegram|linkedin|instagram|youtube|x|copy link|pinterest
        |reddit|like this|tags|tagged|topics|follow us|follow|stay connected|subscribe
        |newsletter|sign up|sign in|log in|login|logout|register|join"""
    )
    | _choices(
        """comments|no comments|leave a reply|leave a comment|leave a reply cancel reply
        |post a comment|add comment|cancel reply|reply|comment|name|email address|website
        |contact|contact us|about|about us|privacy|privacy policy|terms of use|terms
        |cookie policy|advertise|accept|ok"""
    )
    # The SANA sites' sections, as both themes list them in their menus, and the language
    # menu of the archive theme.
    | _choices(
        """politics|presidency|syria and the world|local|economy|culture|sports|health
        |science and technology|science & technology|reports|interviews|opinion|features
        |tourism|occupied golan|palestine|miscellaneous|society|world|news|photo gallery
        |photos|videos|multimedia|infographics
        |العربية|français|español|deutsch|русский|türkçe|中文|فارسی|עברית|english"""
    )
)
# Labels: a word or a few that head a line of links or counts; never a sentence.
_CHROME_LABELS = re.compile(
    r"""^(?:
        (?:home|الرئيسية)\s*[»>›/|:].*                       # breadcrumbs
      | (?:tags|tagged|topics|filed\s+under|posted\s+in)\s*:?.*
      | (?:previous|next)(?:\s+(?:post|article|story))?\s*[:»›]?\s+\S.*
      | about\s+\S+                                        # the theme's author box
      | share\s+(?:on|via|this|to)\b.*
      | [\d,.]+[KM]?\s*(?:fans|followers|subscribers|members|likes|shares)(?:\s*\w+)?
      | .*\bshow\s+more
      | .*\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago  # a list of titles, timed
      | (?:facebook|x|twitter|telegram|whatsapp|linkedin|email|copy\s+link|print|pinterest
         |reddit|messenger|\s)+                        # a share bar's buttons run together
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# Notices: the sentences of footers, cookie banners, comment forms and channel promotions.
_CHROME_NOTICES = re.compile(
    r"""^(?:
        (?:©|\(c\)\s|copyright\b).*
      | .*\ball\s+rights\s+reserved\b.*
      | powered\s+by\b.*
      | .*\b(?:uses?|using)\s+cookies\b.*
      | your\s+email\s+address\s+will\s+not\s+be\s+published\b.*
      | .*\b(?:required\s+fields\s+are\s+marked|save\s+my\s+name,\s+email)\b.*
      | (?:follow|like|join)\s+(?:us|sana)\b.*
      | editor(?:\s+and\s+translator)?\s+at\s+sana\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# Headings after which a theme lists other bulletins' titles inside the article body
# (Foxiz's inline "Read More" box); the body goes on after the titles.
_INLINE_HEADINGS = re.compile(
    r"^(?:read\s+(?:more|also)|also\s+read|see\s+also)\s*[:»›]?$", re.IGNORECASE
)
_BULLETS = re.compile(r"^(?:[*•·▪►‣◦+-]\s+|\[\d+\]\s*)+")
_MAX_CHROME_WORDS = 40
_MAX_NOTICE_WORDS = 80


def strip_bullet(line: str) -> str:
    """A line without the list bullet or link number a text dump puts before it (`* Home`,
    `[12]Home`)."""
    return _BULLETS.sub("", line)


def _key(line: str) -> str:
    return strip_bullet(line).strip(" :»›|").casefold()


def _is_date_line(line: str) -> bool:
    """A line that is a date and what post meta puts after it (categories, a view count),
    with no sentence: `September 24, 2019 Presidency, Politics 1,836`, `Tuesday , 24
    September 2019`, `September 23`."""
    text = strip_bullet(line)
    match = _DATE.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return len(rest.split()) <= 6 and not rest.rstrip().endswith((".", "!", "?"))


def _is_meta(line: str) -> bool:
    """Post meta around a headline: a date line, `Last updated: …`, `By Manal`, `2 Min
    Read`, `1,836 views`."""
    text = strip_bullet(line)
    return _is_date_line(text) or bool(_META.match(text))


def is_chrome(line: str) -> bool:
    """True for a line of page chrome: a menu item, a sidebar or footer heading, a share
    button, a breadcrumb, a copyright or cookie notice, the comment form, post meta, a
    site header's date."""
    key = _key(line)
    if not key:
        return False
    if key in _CHROME_LINES:
        return True
    words = len(key.split())
    if words <= _MAX_NOTICE_WORDS and _CHROME_NOTICES.match(key):
        return True
    if words > _MAX_CHROME_WORDS:
        return False
    if key.endswith((".", "!", "?")):
        return False
    return bool(_CHROME_LABELS.match(key)) or _is_meta(line)


def is_inline_heading(line: str) -> bool:
    """True for the heading of a box of other bulletins' titles set inside an article's
    body (`Read More`, `Read also:`)."""
    return bool(_INLINE_HEADINGS.match(strip_bullet(line).strip()))


def meta_date(line: str) -> tuple[int, int, int] | None:
    """The (year, month, day) a post meta line gives as the publication date, e.g.
    `September 24, 2019 Presidency, Politics 1,836` or `Posted on March 9, 2020 by
    admin`; None when it gives no full date or gives the time of an update."""
    text = strip_bullet(line).strip()
    if _UPDATED.match(text):
        return None
    text = _PUBLISHED.sub("", text)
    match = _DATE.match(text)
    if match is None or not _is_date_line(text):
        return None
    found = match.groupdict()
    if found["year3"]:
        return int(found["year3"]), int(found["month3"]), int(found["day3"])
    for n in ("1", "2"):
        if found[f"year{n}"]:
            month = _MONTH_NUMBERS[found[f"month{n}"].casefold()]
            return int(found[f"year{n}"]), month, int(found[f"day{n}"])
    return None
