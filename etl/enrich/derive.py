"""What the enrichment stage derives from one parsed bulletin: its mentions of people,
places, countries and organizations, the titles given to people, its meetings and events.

The one entry point of the stage: `etl.load.rows` turns an `Enrichment` into table rows. A
pure function of the bulletin's body, published_date, weekday, dateline and authors (and of
the gazetteer), so that worker processes can compute it, and a bulletin rebuilt from the
warehouse's stored fields can be enriched again with newer rules, without its HTML.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from etl.enrich import EXTRACTOR_VERSION
from etl.enrich.clauses import sentences, weekday_in
from etl.enrich.entities import People, lexicon_of, normalize_title, titled_people
from etl.enrich.events import Event, sentence_events
from etl.enrich.gazetteer import Entity, Gazetteer, default_gazetteer, gazetteer_paths
from etl.enrich.meetings import (
    Meeting,
    attendees_of,
    is_unnamed,
    meeting_date,
    sentence_meetings,
)
from etl.enrich.mentions import Mention, find_mentions
from etl.enrich.phrases import LEXICON, Party
from etl.model import Bulletin

# A sentence without one of these words holds no meeting, event or titled person: it is not
# read closely (most of a bulletin's sentences are quotes and background).
_HINT = re.compile(
    r"receiv|\bmet\b|\bmeets\b|meeting|discuss|talks|phone|attended|condol|congratul|condemn|"
    r"visit|arriv|sign|sworn|oath|cable|Minister|Ambassador|President|Envoy|Representative|"
    r"Governor|Speaker|Chairman|Director|Secretary|Advis|Head|Deputy|Dr\.",
)


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
    events: list[Event] = field(default_factory=list)
    discovered: list[Entity] = field(default_factory=list)


@cache
def _enrichment_version(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:10]}"


def enrichment_version() -> str:
    """The version of the rules in use: `EXTRACTOR_VERSION` and a digest of the gazetteer
    files (the built-in ones and `$BULLETINS_GAZETTEER`'s) and the lexicon. Any change to
    either changes it, and marks what older rules derived as stale."""
    return _enrichment_version((*gazetteer_paths(), LEXICON))


def enrich(bulletin: Bulletin, gazetteer: Gazetteer | None = None) -> Enrichment:
    """The mentions, roles, meetings and events of a bulletin (dated by its publication date
    and the weekday a sentence or the lead names, placed by its dateline)."""
    base = gazetteer or default_gazetteer()
    lexicon = lexicon_of(base)
    text = bulletin.body
    day = bulletin.published_date
    people = People(base, day, bulletin.authors)
    result = Enrichment()
    for start, end in sentences(text):
        if not _HINT.search(text, start, end):
            continue
        mentions = [
            Mention(m.entity, m.surface, m.start + start, m.end + start, m.confidence, m.adjective)
            for m in find_mentions(text[start:end], people.local, day)
        ]
        when = meeting_date(day, weekday_in(text, start, end) or bulletin.weekday)
        attendees = attendees_of(text, start, end, lexicon, mentions)
        if attendees is not None:
            if result.meetings:
                _add_attendees(result.meetings[-1], attendees, people)
            continue
        for kind, host, other in sentence_meetings(text, start, end, lexicon, mentions):
            guest = None if is_unnamed(other) else other
            host_entity = people.resolve(host) or _country(base, host.country)
            guest_entity = people.resolve(guest) if guest is not None else None
            if (
                host_entity is None
                or host_entity is guest_entity
                or any(
                    m.host_entity is host_entity and m.guest_entity is guest_entity
                    for m in result.meetings
                    if guest_entity is not None
                )
            ):
                continue
            result.meetings.append(
                Meeting(
                    kind,
                    host,
                    guest,
                    when,
                    bulletin.dateline,
                    (start, end),
                    host_entity=host_entity,
                    guest_entity=guest_entity,
                    guest_country=other.country if other is not None else None,
                )
            )
        for event in sentence_events(text, start, end, lexicon, mentions):
            event.actor_entity = _party_entity(people, base, event.actor)
            event.target_entity = _party_entity(people, base, event.target)
            event.event_date = when
            event.place = bulletin.dateline
            result.events.append(event)
        for party in titled_people(text, start, end, lexicon, mentions):
            people.resolve(party)
    result.mentions = people.mentions(text)
    result.discovered = people.discovered
    for person, title in dict.fromkeys(people.titles):
        normalized, organization = normalize_title(title, person, day)
        result.roles.append(Role(person, title, normalized, organization))
    return result


def _add_attendees(meeting: Meeting, attendees: list[Party], people: People) -> None:
    for party in attendees:
        entity = people.resolve(party)
        known = (meeting.host_entity, meeting.guest_entity, *meeting.attendee_entities)
        if entity is not None and entity not in known:
            meeting.attendees.append(party)
            meeting.attendee_entities.append(entity)


def _party_entity(people: People, base: Gazetteer, party: Party | None) -> Entity | None:
    """A party's person, country or body; for a group or a phrase, the country it gives."""
    if party is None:
        return None
    return people.resolve(party) or _country(base, party.country)


def _country(gazetteer: Gazetteer, code: str | None) -> Entity | None:
    if code is None:
        return None
    return next((e for e in gazetteer.entities if e.kind == "country" and e.country == code), None)
