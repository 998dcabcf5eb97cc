"""What the enrichment stage derives from one parsed bulletin: its mentions of people,
places, countries and organizations, the titles given to people, and its meetings.

The one entry point of the stage: `etl.load.rows` turns an `Enrichment` into table rows. A
pure function of the bulletin, so that worker processes can compute it, and a bulletin
rebuilt from the warehouse's stored fields can be enriched again with newer rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.enrich.entities import Mention, analyze, normalize_title
from etl.enrich.gazetteer import Entity
from etl.enrich.meetings import Meeting, extract_meetings
from etl.model import Bulletin


@dataclass(frozen=True)
class Role:
    """A title a bulletin gives a person, as written and as the gazetteer names it."""

    person: Entity
    title: str
    normalized_title: str
    organization: str | None


@dataclass
class Enrichment:
    """Everything derived from one bulletin's text."""

    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)


def enrich(bulletin: Bulletin) -> Enrichment:
    """The mentions, roles and meetings of a bulletin (dated by its publication date, placed
    by its dateline)."""
    day = bulletin.published_date
    analysis = analyze(bulletin.body, day, bulletin.authors)
    roles = []
    for person, title in dict.fromkeys(analysis.titles):
        normalized, organization = normalize_title(title, person, day)
        roles.append(Role(person, title, normalized, organization))
    meetings = extract_meetings(
        bulletin.body,
        analysis.mentions,
        published=day,
        lead_weekday=bulletin.weekday,
        place=bulletin.dateline,
    )
    return Enrichment(mentions=analysis.mentions, roles=roles, meetings=meetings)
