"""Discovery: dating the cards of a listing page and deciding where a walk stops.

Listings are walked newest first. The current site's cards carry full dates. The archive's
cards carry a month and a day but no year: the year is inferred walking down from an anchor,
a date known exactly (an article already stored, or the first article of the walk fetched
for the purpose). Going down the listing, each card is the latest date with its month and day
that is not after the card above it; the exact dates of the articles fetched from each page
re-anchor the walk, so that an inference never drifts for more than one page.

A walk stops after a page whose dated cards are all older than `--since`, after a page that
links no next page and reaches past `--since`, at a page that is not there (404, no capture),
has no cards or leads back to an earlier one, or when the crawl has taken on `--max-articles`.
A page that links no next page but whose cards are all in range (or newer) does not end the
walk: the next page is tried anyway, since themes paginate in forms no reader sees (a page
loaded by script, markup never met).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from etl.fetch.listings import Card


@dataclass(frozen=True)
class Bounds:
    """The range of publication dates a crawl wants (both ends included, either open)."""

    since: dt.date | None = None
    until: dt.date | None = None

    def wants(self, date: dt.date | None) -> bool:
        """Whether an article of this date is in range; an undated one always is."""
        if date is None:
            return True
        if self.since is not None and date < self.since:
            return False
        return not (self.until is not None and date > self.until)

    def is_past(self, date: dt.date | None) -> bool:
        """Whether a date is older than the range (the walk can end there)."""
        return date is not None and self.since is not None and date < self.since


def latest_on_or_before(month_day: tuple[int, int], anchor: dt.date) -> dt.date | None:
    """The latest date with this month and day that is not after `anchor` (29 February
    goes back to the last leap year)."""
    month, day = month_day
    for year in range(anchor.year, anchor.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return None


def date_cards(
    cards: list[Card],
    anchor: dt.date | None,
    known: dict[str, dt.date],
) -> tuple[list[dt.date | None], dt.date | None]:
    """The date of each card in page order, and the anchor after the last card.

    A card's date is, in order of trust: the exact date known for its URL (`known`: stored
    or fetched articles), the full date on the card, or its month and day placed before the
    running anchor. Without an anchor, month-and-day cards stay undated until a known date
    comes.
    """
    dates: list[dt.date | None] = []
    running = anchor
    for card in cards:
        date = known.get(card.url) or card.date
        if date is None and card.month_day is not None and running is not None:
            date = latest_on_or_before(card.month_day, running)
        if date is not None:
            running = date
        dates.append(date)
    return dates, running


def page_is_past(dates: list[dt.date | None], bounds: Bounds) -> bool:
    """Whether every card of a page is older than the range (so the walk stops after it);
    a page with an undated card is not."""
    return bool(dates) and all(bounds.is_past(date) for date in dates)


def walk_ends_after(dates: list[dt.date | None], bounds: Bounds, *, has_next: bool) -> bool:
    """Whether a listing walk ends after a page whose cards have these dates: when every one
    is older than the range; or, when the page links no next page, when any one is (the
    listing has gone past the range). Otherwise the next page is asked for, linked or not."""
    if page_is_past(dates, bounds):
        return True
    return not has_next and any(bounds.is_past(date) for date in dates)
