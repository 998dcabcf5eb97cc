"""The articles of the imitated sites: the five catalog bulletins plus made-up ones, with the
ids, dates and categories the test server lists them under.

The archive's Politics listing (`?cat=2`) has 25 articles (three pages of 10, 10 and 5), its
dates crossing the 2019/2020 new year between pages 1 and 2, so that year-less cards must be
dated by counting back from an anchor; the oldest is catalog bulletin 004 (2016), which the
archive host has lost (404) and the Wayback Machine holds under its pre-relaunch address.
"Syria and the World" (`?cat=106`) has 6, two of them also in Politics. The current site's
Presidency listing has 12 (two pages), Politics 8.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from samples.render import load_catalog, render_archive, render_current

ARCHIVE = "https://archive.sana.sy/en/"
CURRENT = "https://sana.sy/en/"
OLD = "https://sana.sy/en/"

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TOPICS = [
    ("Foreign and Expatriates Minister", "the Ambassador of Belarus", "bilateral relations"),
    ("Deputy Foreign Minister", "a Chinese delegation", "economic cooperation"),
    ("Prime Minister", "the Governor of Homs", "reconstruction projects"),
    ("Speaker of the People's Assembly", "an Armenian parliamentary delegation", "trade"),
    ("Minister of Economy", "a Russian business delegation", "joint investments"),
    ("Minister of Health", "the WHO representative", "vaccination campaigns"),
    ("Minister of Education", "UNICEF officials", "rehabilitating schools"),
    ("Minister of Agriculture", "farmers of Hama", "the wheat harvest"),
]


@dataclass(frozen=True)
class Article:
    """One article of the imitated sites, with what the server needs to list and render it."""

    site: str  # "sana-archive" or "sana"
    post_id: int
    published: str  # ISO 8601 with offset
    categories: tuple[str, ...]  # archive: category ids; current: slugs (first = in the URL)
    bulletin: dict[str, Any]

    @property
    def date(self) -> dt.date:
        """The publication date as written (local)."""
        return dt.date.fromisoformat(self.published[:10])

    @property
    def url(self) -> str:
        """The canonical URL."""
        if self.site == "sana-archive":
            return f"{ARCHIVE}?p={self.post_id}"
        return f"{CURRENT}{self.categories[0]}/{self.post_id}/"

    @property
    def title(self) -> str:
        """The headline."""
        return str(self.bulletin["headline"])

    @property
    def lead(self) -> str:
        """The first paragraph."""
        return str(self.bulletin["paragraphs"][0])


def made_up_bulletin(number: int, published: str) -> dict[str, Any]:
    """A plausible bulletin for `published` (dateline, weekday of that date, byline)."""
    day = dt.date.fromisoformat(published[:10])
    weekday = _WEEKDAYS[day.weekday()]
    who, whom, what = _TOPICS[number % len(_TOPICS)]
    headline = f"{who} discusses {what} with {whom} (meeting {number})"
    paragraphs = [
        f"Damascus, SANA – The {who} discussed on {weekday} with {whom} the means of "
        f"enhancing {what} between the two sides in meeting number {number} of this year.",
        f"Talks during meeting {number} dealt with the latest developments in the region and the "
        "importance of continuing coordination and consultation on issues of common concern.",
        f"For their part, members of the delegation affirmed their readiness to work on "
        f"expanding {what} and to follow up on the outcomes of meeting {number} in the coming "
        "period.",
        "H. Said",
    ]
    return {"headline": headline, "paragraphs": paragraphs, "published": published}


def _at(date: str, hour: int = 12) -> str:
    return f"{date}T{hour:02d}:{(hour * 7) % 60:02d}:00+03:00"


# Made-up archive articles: (post id, date, categories).
_ARCHIVE_MADE_UP = [
    (201400, "2020-09-03", ("2",)),
    (200900, "2020-08-27", ("2", "106")),
    (197800, "2020-07-15", ("2",)),
    (194100, "2020-06-02", ("2",)),
    (190500, "2020-04-21", ("2",)),
    (187600, "2020-03-10", ("2",)),
    (183900, "2020-01-28", ("2",)),
    (182300, "2020-01-07", ("2", "106")),
    (181500, "2019-12-30", ("2",)),
    (180100, "2019-12-12", ("2",)),
    (178300, "2019-11-19", ("2",)),
    (176400, "2019-10-29", ("2",)),
    (174700, "2019-10-08", ("2",)),
    (170000, "2019-09-03", ("2",)),
    (168300, "2019-08-13", ("2",)),
    (165000, "2019-07-09", ("2",)),
    (163600, "2019-06-18", ("2",)),
    (162000, "2019-05-28", ("2",)),
    (160100, "2019-04-30", ("2",)),
    (157900, "2019-03-26", ("2",)),
    (199000, "2020-08-05", ("106",)),
    (186000, "2020-02-25", ("106",)),
    (179000, "2019-11-28", ("106",)),
    (172000, "2019-09-15", ("106",)),
]

# Made-up current-site articles: (post id, date, category slug).
_CURRENT_MADE_UP = [
    (2219010, "2025-10-20", "presidency"),
    (2218400, "2025-10-02", "presidency"),
    (2217700, "2025-09-18", "presidency"),
    (2216900, "2025-09-09", "presidency"),
    (2216100, "2025-09-01", "presidency"),
    (2215800, "2025-08-31", "presidency"),
    (2215500, "2025-08-30", "presidency"),
    (2219300, "2025-11-04", "politics"),
    (2219100, "2025-10-27", "politics"),
    (2218800, "2025-10-14", "politics"),
    (2218200, "2025-09-29", "politics"),
    (2217500, "2025-09-15", "politics"),
    (2217000, "2025-09-10", "politics"),
    (2216500, "2025-09-05", "politics"),
    (2216000, "2025-08-31", "politics"),
]


@cache
def articles() -> tuple[Article, ...]:
    """Every article of both sites."""
    catalog = load_catalog()
    found: list[Article] = []
    for number, (post_id, date, cats) in enumerate(_ARCHIVE_MADE_UP, start=1):
        published = _at(date, 9 + number % 9)
        bulletin = made_up_bulletin(number, published)
        bulletin |= {"archive_id": post_id, "archive_url": f"{ARCHIVE}?p={post_id}"}
        found.append(Article("sana-archive", post_id, published, cats, bulletin))
    for bulletin in catalog.values():
        found.append(
            Article("sana-archive", bulletin["archive_id"], bulletin["published"], ("2",), bulletin)
        )
        slug = bulletin["current_url"].rstrip("/").split("/")[-2]
        found.append(
            Article("sana", bulletin["current_id"], bulletin["published"], (slug,), bulletin)
        )
    for number, (post_id, date, slug) in enumerate(_CURRENT_MADE_UP, start=101):
        published = _at(date, 8 + number % 10)
        bulletin = made_up_bulletin(number, published)
        bulletin |= {
            "current_id": post_id,
            "current_url": f"{CURRENT}{slug}/{post_id}/",
            "category": slug.title(),
            "categories": [slug.title()],
        }
        found.append(Article("sana", post_id, published, (slug,), bulletin))
    return tuple(found)


def by_site(site: str) -> list[Article]:
    """One site's articles, newest first."""
    return sorted(
        (a for a in articles() if a.site == site), key=lambda a: a.published, reverse=True
    )


def listing(site: str, category: str) -> list[Article]:
    """A category's articles, newest first, as its listing shows them."""
    return [a for a in by_site(site) if category in a.categories]


def find(site: str, post_id: int) -> Article | None:
    """The article with this id, if any."""
    return next((a for a in articles() if a.site == site and a.post_id == post_id), None)


@cache
def page_html(site: str, post_id: int) -> str:
    """The article page in its site's theme (rendered by `samples/render.py`)."""
    article = find(site, post_id)
    assert article is not None
    render = render_archive if site == "sana-archive" else render_current
    return render(article.bulletin)
