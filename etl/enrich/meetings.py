"""Meetings in a bulletin: who received, met, discussed with or phoned whom, and who attended.

One verb a sentence, read in the forms SANA writes:
- `A received [on <weekday>] B[, <title>,] [and the accompanying delegation]` (host A), also
  `received (a copy of) the credentials of B`;
- `A met [with] B`, `A held (a meeting | talks) with B`, `A ... during a meeting with B`,
  `A meeting was held between A and B` (met);
- `A discussed [on <weekday>] with B ...`, `A and B discussed ...`, `talks held between A and
  B` (discussed);
- `A received a (tele)phone call from B`, `A had a phone conversation with B` (phone call).
For met, discussed and phone calls the Syrian side hosts (`<foreigner> discussed with
<Syrian>` is hosted by the Syrian); otherwise the subject does. B may be a group (`a
delegation of ...`): its head when one is named (`headed by`), else no guest. `attended by
C, D and E` / `C, D and E attended the meeting` add attendees to the last meeting. The date
is the publication date moved back to the weekday that the sentence (or else the lead) names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.enrich.clauses import (
    WEEKDAYS,
    clause_start,
    object_span,
    split_parties,
    subject_span,
)
from etl.enrich.gazetteer import Entity
from etl.enrich.mentions import Mention
from etl.enrich.phrases import OFFICES, Lexicon, Party, parse_party, title_start, tokens

HOME_COUNTRY = "SY"
KINDS = ("received", "met", "discussed", "phone call")

_PHONE = re.compile(
    r"\b(?:received|receives|made|makes|had|has|held|holds|conducted|in)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:tele)?phone\s+(?:call|conversation|talk)s?\s+(?:from|with|to)\b"
    r"|\b(?:phoned|telephoned)\b"
)
_NOT_A_VISIT = re.compile(
    r"\s+(?:on\s+\w+\s+)?(?:a|an|the|more|several|two|three|many|his|its)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:cables?|telegrams?|messages?|letters?|congratulations?|condolences?|invitations?|calls?|"
    r"support|aid|assistance|shipments?|reports?|requests?|news|invitation)\b"
)
_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "during",
        re.compile(r"\b(?:during|in|at)\s+(?:a|the|his|her)\s+(?:[\w-]+\s+)?meeting\s+with\b"),
    ),
    (
        "between",
        re.compile(
            r"\b(?P<noun>meeting|talks)\s+(?:was\s+|were\s+)?held\s+(?:[\w-]+\s+){0,4}?between\b"
        ),
    ),
    (
        "held",
        re.compile(
            r"\bheld\s+(?:[\w-]+\s+){0,5}?(?:meeting|meetings|talks|consultations)\s+with\b"
        ),
    ),
    ("received", re.compile(r"\b(?:received|receives)\b")),
    ("met", re.compile(r"\b(?:met|meets)\b(?:\s+with\b)?")),
    ("discussed", re.compile(r"\b(?:discussed|discusses)\b")),
)
_WITH = re.compile(
    r"^(?:[\s,]*(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r"|today|yesterday|also|morning|afternoon|"
    r"evening|night|in\s+[A-Z][\w’'-]*)\b)*"
    r"[\s,]*with\b"
)
_CREDENTIALS = re.compile(
    r"^\s*(?:a\s+)?(?:copy\s+of\s+)?(?:the\s+)?credentials\s+of\s+(?:the\s+)?", re.IGNORECASE
)
_ATTENDED_BY = re.compile(r"\battended by\b")
_ATTENDED = re.compile(r"\battended the (?:meeting|talks)\b")
_GOVERNMENT_TITLES = frozenset(
    [
        "minister",
        "president",
        "premier",
        "governor",
        "speaker",
        "ambassador",
        "deputy",
        "assistant",
        "envoy",
        "advisor",
    ]
)


@dataclass
class Meeting:
    """One meeting: its kind, host and guest (None: an unnamed group), date, place and
    attendees; `sentence` is where the bulletin says so."""

    kind: str
    host: Party
    guest: Party | None
    meeting_date: dt.date | None
    place: str | None
    sentence: tuple[int, int] = (0, 0)
    attendees: list[Party] = field(default_factory=list)
    host_entity: Entity | None = None
    guest_entity: Entity | None = None
    attendee_entities: list[Entity] = field(default_factory=list)
    guest_country: str | None = None  # the guest side's country, named or not


def meeting_date(published: dt.date | None, weekday: str | None) -> dt.date | None:
    """The day of a meeting: the last `weekday` on or before publication (or publication)."""
    if published is None or weekday is None:
        return published
    return published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(weekday)) % 7)


def is_syrian(party: Party) -> bool:
    """The party is the Syrian side: by its country, or a government title with no foreign or
    international cue (SANA names Syrian officials without their nationality)."""
    if party.country is not None:
        return party.country == HOME_COUNTRY
    if party.international:
        return False
    words = {t.lower for t in tokens(party.title or party.text)}
    return bool(words & _GOVERNMENT_TITLES)


def _order(kind: str, subject: Party, other: Party | None) -> tuple[Party, Party | None]:
    if kind == "received" or other is None:
        return subject, other
    if not is_syrian(subject) and is_syrian(other) and (other.is_named or not subject.is_named):
        return other, subject
    return subject, other


def is_unnamed(party: Party | None) -> bool:
    """A guest the bulletin does not name: none, or a group without a head."""
    return party is None or (party.group and party.name is None)


def sentence_meetings(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> list[tuple[str, Party, Party | None]]:
    """(kind, host, guest) of the meetings one sentence reports (usually none or one); the
    guest may be an unnamed group (`is_unnamed`), kept for the country it gives."""
    begin = clause_start(text, start, end)
    phone = _PHONE.search(text, begin, end)
    found: list[tuple[int, str, re.Match[str]]] = []
    if phone is not None:
        found.append((phone.start(), "phone", phone))
    for name, verb in _VERBS:
        for match in verb.finditer(text, begin, end):
            if name == "received" and (
                _NOT_A_VISIT.match(text, match.end(), end) or phone is not None
            ):
                continue
            found.append((match.start(), name, match))
            break
    if not found:
        return []
    _, name, match = min(found, key=lambda f: f[0])
    if name == "between":
        kind = "met" if match.group("noun") == "meeting" else "discussed"
        span = object_span(text, match.end(), end, whole=True)
        parties = split_parties(text, *span, lexicon, mentions, groups=True)
        if len(parties) != 2 or (not parties[0].is_named and not parties[0].group):
            return []
        host, guest = _order(kind, parties[0], parties[1])
        return [(kind, host, guest)]
    if name == "during":
        subject = _speaker(text, begin, match.start(), lexicon, mentions)
        guests = split_parties(text, *object_span(text, match.end(), end), lexicon, mentions)
        if subject is None or not guests:
            return []
        return [("met", *_order("met", subject, guests[0]))]
    kind = {"phone": "phone call", "held": "met"}.get(name, name)
    subjects = split_parties(text, *subject_span(text, begin, match.start()), lexicon, mentions)
    if not subjects:
        return []
    after = match.end()
    if name == "discussed":
        with_ = _WITH.match(text[after:end])
        if with_ is None:
            if len(subjects) == 2:  # "A and B discussed ..."
                host, guest = _order(kind, subjects[0], subjects[1])
                return [(kind, host, guest)]
            return []
        after += with_.end()
    elif name == "received":
        credentials = _CREDENTIALS.match(text[after:end])
        if credentials is not None:
            after += credentials.end()
    if len(subjects) != 1:
        return []
    subject = subjects[0]
    if not subject.is_named and not subject.group and not _has_title(subject):
        return []
    objects = split_parties(text, *object_span(text, after, end), lexicon, mentions)
    if not objects:
        return [(kind, subject, None)] if kind == "phone call" else []
    meetings = []
    for other in objects:
        host, guest = _order(kind, subject, other)
        meetings.append((kind, host, guest))
    return meetings


def _has_title(party: Party) -> bool:
    return any(t.lower in OFFICES for t in tokens(party.text))


def _speaker(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> Party | None:
    """Who speaks before `during a meeting with`: the last person named before it (`...,
    Lattakia Governor X said`, `..., added the President`)."""
    toks = tokens(text, start, end)
    spans = [(toks[i].start, toks[j - 1].end) for i, j in lexicon.name_runs(text, toks)]
    spans += [
        (m.start, m.end)
        for m in mentions
        if start <= m.start and m.end <= end and m.entity.kind == "person"
    ]
    if not spans:
        return None
    name_start, name_end = max(spans)
    return parse_party(text, title_start(text, start, name_start), name_end, lexicon, mentions)


def attendees_of(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> list[Party] | None:
    """The people a sentence says attended (`attended by A, B and C`, `A, B and C attended the
    meeting`), or None when it says nothing of the kind."""
    by = _ATTENDED_BY.search(text, start, end)
    if by is not None:
        span = (by.end(), end)
    else:
        verb = _ATTENDED.search(text, start, end)
        if verb is None:
            return None
        span = (clause_start(text, start, verb.start()), verb.start())
    toks = tokens(text, *span)
    names = [(toks[i].start, toks[j - 1].end) for i, j in lexicon.name_runs(text, toks)]
    for mention in mentions:
        inside = span[0] <= mention.start and mention.end <= span[1]
        if (
            inside
            and mention.entity.kind == "person"
            and not any(s < mention.end and mention.start < e for s, e in names)
        ):
            names.append((mention.start, mention.end))
    people: list[Party] = []
    item_start = span[0]
    for _, name_end in sorted(names):
        # Each item of the list is the title before a name: "Director of the Department of
        # Asia ... Ayman Raad and Ambassador of Iran to Syria Javad Turkabadi".
        party = parse_party(text, item_start, name_end, lexicon, mentions)
        if party is not None and party.name is not None:
            people.append(party)
        item_start = name_end
        after = re.match(r"[\s,]*(?:and\s+)?", text[name_end : span[1]])
        if after is not None:
            item_start += after.end()
    return sorted(people, key=lambda p: p.start)
