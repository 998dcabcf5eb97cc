"""Meetings in a bulletin: who received, met, or discussed with whom, and who attended.

Rules over the sentences of the body and the person mentions in them:
`A received B` (host A), `A met B` / `A discussed ... with B` / `during a meeting with B`
(the Syrian side hosts, else the subject), `received a phone call from B`; `attended by
C, D and E` / `C, D and E attended the meeting` add attendees to the last meeting. The date
is the publication date moved back to the weekday that the sentence (or else the lead) names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.enrich.entities import Mention
from etl.enrich.gazetteer import Entity

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\b[A-Z])[.!?][”\"]?\s+(?=[A-Z“\"])")
_WEEKDAY = re.compile(rf"\bon\s+({'|'.join(WEEKDAYS)})\b")
_ATTENDED_BY = re.compile(r"\battended by\b")
_ATTENDED = re.compile(r"\battended the (?:meeting|talks)\b")
# Order matters: a phone call "received" is not a visit.
_VERBS = (
    ("phone call", re.compile(r"\b(?:tele)?phone call\b")),
    ("received", re.compile(r"\breceive[sd]?\b")),
    ("met", re.compile(r"\bmeeting with\b")),
    ("discussed", re.compile(r"\bdiscussed\b[^.]{0,40}?\bwith\b")),
    ("met", re.compile(r"\bme(?:t|ets)(?:\s+with)?\b")),
)
HOME_COUNTRY = "SY"


@dataclass
class Meeting:
    """One meeting: its host, guest, kind, date, place and attendees."""

    kind: str
    host: Entity
    guest: Entity
    meeting_date: dt.date | None
    place: str | None
    attendees: list[Entity] = field(default_factory=list)


def meeting_date(published: dt.date | None, weekday: str | None) -> dt.date | None:
    """The day of a meeting: the last `weekday` on or before publication (or publication)."""
    if published is None or weekday is None:
        return published
    return published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(weekday)) % 7)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a text, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for end_match in _SENTENCE_END.finditer(paragraph.group()):
            spans.append((start, paragraph.start() + end_match.start() + 1))
            start = paragraph.start() + end_match.end()
        spans.append((start, paragraph.end()))
    return spans


def _host_and_guest(kind: str, before: list[Entity], after: list[Entity]) -> tuple[Entity, Entity]:
    if kind in ("received", "phone call"):
        return before[-1], after[0]
    subject, other = before[0] if kind == "met" else before[-1], after[0]
    if other.country == HOME_COUNTRY and subject.country != HOME_COUNTRY:
        return other, subject
    return subject, other


def extract_meetings(
    text: str,
    mentions: list[Mention],
    *,
    published: dt.date | None,
    lead_weekday: str | None,
    place: str | None,
) -> list[Meeting]:
    """The meetings a bulletin's body reports, in order."""
    meetings: list[Meeting] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        people = [
            m for m in mentions if start <= m.start and m.end <= end and m.entity.kind == "person"
        ]
        attended = _ATTENDED_BY.search(sentence) or _ATTENDED.search(sentence)
        if attended and meetings:
            if attended.re is _ATTENDED_BY:
                names = [m.entity for m in people if m.start >= start + attended.end()]
            else:
                names = [m.entity for m in people if m.end <= start + attended.start()]
            last = meetings[-1]
            for entity in names:
                if entity not in (last.host, last.guest, *last.attendees):
                    last.attendees.append(entity)
            continue
        for kind, verb in _VERBS:
            match = verb.search(sentence)
            if match is None:
                continue
            before = [m.entity for m in people if m.end <= start + match.start()]
            after = [m.entity for m in people if m.start >= start + match.end()]
            if before and after:
                host, guest = _host_and_guest(kind, before, after)
                if host is not guest and not any(
                    {m.host.name, m.guest.name} == {host.name, guest.name} for m in meetings
                ):
                    weekday = _WEEKDAY.search(sentence)
                    meetings.append(
                        Meeting(
                            kind=kind,
                            host=host,
                            guest=guest,
                            meeting_date=meeting_date(
                                published, weekday.group(1) if weekday else lead_weekday
                            ),
                            place=place,
                        )
                    )
            break
    return meetings
