"""Events beyond meetings: cables of congratulation and condolence, condemnations, visits,
signed agreements and oaths, each with its CAMEO code.

The forms read, with the actor first:
- congratulated / condoled: `A received a cable (cables, telegrams) from B congratulating ...`
  (actor B), `A sent a cable (of condolence) to B ...`, `A congratulated B`, `A and B
  exchanged cables of congratulation` (both ways), `A expressed (its) condolences to B`;
- condemned: `A condemned [in the strongest terms] X` (target the perpetrator when named,
  `committed by B` or an adjective such as "Israeli aggression", else the act as written),
  `A expressed its condemnation of X`;
- visited: `A paid (started, made) a visit to B`, `A ... on a visit to B`, `A arrived in B on
  a visit`, `A visited B`, `<delegation> visiting B`, `a visit by A to B`;
- signed: `A and B signed <an agreement>`, `A signed <an agreement> with B`;
- sworn_in: `A was sworn in before B`, `Before B, A was sworn in`.
A party is kept as written (`the terrorist attack on Charlie Hebdo magazine in Paris`) and
resolved to a person, country or body where it names one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.enrich.clauses import (
    clause_start,
    object_span,
    split_parties,
    subject_phrase,
    subject_span,
)
from etl.enrich.gazetteer import Entity
from etl.enrich.mentions import Mention
from etl.enrich.phrases import (
    GROUP_NOUNS,
    Lexicon,
    Party,
    country_cue,
    parse_party,
    strip_phrase,
    tokens,
)

# CAMEO 1.1b3 event codes. An oath of office has no CAMEO code of its own: it is coded as a
# symbolic act (017).
CAMEO = {
    "received": "043",
    "met": "040",
    "discussed": "040",
    "phone_call": "041",
    "visited": "042",
    "congratulated": "051",
    "condoled": "018",
    "condemned": "111",
    "signed": "057",
    "sworn_in": "017",
}
KINDS = tuple(CAMEO)

_CABLE = r"(?:cables?|telegrams?|messages?|letters?)"
_RECEIVED_CABLE = re.compile(
    rf"\breceived\s+(?:on\s+\w+\s+|\w+day\s+)?(?:a|an|more|several|the|many)?\s*(?:[\w-]+\s+){{0,2}}?{_CABLE}\s+from\b"
)
_SENT_CABLE = re.compile(
    rf"\bsent\s+(?:on\s+\w+\s+)?(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_CABLE}(?:\s+of\s+\w+)?\s+to\b"
)
_EXCHANGED = re.compile(rf"\bexchanged\s+(?:on\s+\w+\s+)?(?:[\w-]+\s+){{0,2}}?{_CABLE}\b")
_CONGRATULATED = re.compile(r"\bcongratulated\b|\bcongratulates\b")
_CONDOLENCES_TO = re.compile(
    r"\b(?:offered|offers|offering|expressed|expresses|expressing|extended|extends|extending|"
    r"conveyed|conveys)\s+(?:\w+\s+){0,3}?condolences?\s+to\b"
)
_CONDEMNED = re.compile(
    r"\b(?:condemned|condemns|denounced|denounces)\b(?:\s+in the strongest terms)?"
)
_CONDEMNATION = re.compile(
    r"\b(?:expressed|expresses|voiced)\s+(?:on\s+\w+\s+)?(?:its|his|their|her)?\s*(?:\w+\s+)?condemnation\s+of\b"
)
_VISIT_TO = re.compile(
    r"\b(?:paid|pays|paying|started|starts|began|begins|made|makes|conducted|conducts|on)\s+"
    r"(?:on\s+\w+\s+|\w+day\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,3}?visit\s+to\b"
)
_ARRIVED = re.compile(r"\barrived\s+(?:on\s+\w+\s+)?(?:in|at)\b")
# "visits" is as often a noun ("meetings and visits by the President") as a verb.
_VISITED = re.compile(r"(?<!\band )(?<!, )\b(?:visited|visits(?=\s+(?:the\b|[A-Z])))")
_VISITING = re.compile(r"\bvisiting\b")
_VISIT_BY = re.compile(r"\bvisit\s+by\b")
_SIGNED = re.compile(r"\b(?:signed|signs|inked|inks)\b")
_AGREEMENT = re.compile(
    r"\b(?:agreements?|memo|memos|memorandums?|memoranda|MoUs?|protocols?|accords?|deals?|"
    r"contracts?|programs?|programmes?|conventions?|treaty|treaties|documents?)\b"
)
_SWORN = re.compile(
    r"\b(?:was|were)\s+sworn\s+in\b|\b(?:took|take|takes)\s+the\s+(?:constitutional\s+)?oath\b"
)
_BEFORE = re.compile(r"^Before\s+([^,]+),\s*")
_KIND_WORDS = (("condoled", re.compile(r"condol")), ("congratulated", re.compile(r"congratulat")))
_TARGET_END = re.compile(
    r"[;:]|,|\s+(?:over|for|on|upon|after|following|as a result|in which|which|who|where|"
    r"to (?:inspect|check|review|follow|meet|discuss|attend|participate|hold|offer|express)|"
    r"expressing|offering|affirming|within|during|in order)\b"
)
_CONGRATULATED_END = re.compile(
    r"[;:]|\s+(?:on|upon|for|over|in)\s|,\s+(?:wishing|affirming|stressing)\b"
)
_SENDERS_END = re.compile(r",\s+with\b|\s+(?:congratulat\w*|offering|expressing|on|in which|for)\b")
_CONDOLED_END = re.compile(
    r"\s+(?:over|for|on|upon|after|following|in which)\b|,\s+(?:the\s+)?[A-Z][\w\s’']*?\s+said\b|"
    r",\s+(?:affirming|stressing|expressing|wishing|praying)\b"
)
_ACT_END = re.compile(r",|\s+(?:which|who)\b|\s+and\s+(?:expresse|extende|offere|calle)")
_AGGRESSOR = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+)\s+(?:occupation\s+)?(?:aggression|attacks?|occupation|forces|strikes|"
    r"bombardment|shelling|raids?|warplanes|army|regime|entity)\b"
)
_WHERE = re.compile(r"\s+(?:in|at|on|near|against|during)\s")
_BY = re.compile(r"\b(?:committed|perpetrated|carried out|launched)\s+by\s+")


@dataclass
class Event:
    """One event: kind, actor and target as written (and the entities they name), the
    sentence, date and place."""

    kind: str
    actor: Party | None
    target: Party | None
    sentence: tuple[int, int]
    actor_entity: Entity | None = None
    target_entity: Entity | None = None
    event_date: dt.date | None = None
    place: str | None = None

    @property
    def cameo_code(self) -> str:
        """The CAMEO code of the event's kind."""
        return CAMEO[self.kind]


def _phrase(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> Party | None:
    """The party a phrase names, or the phrase itself when it names none."""
    start, end = strip_phrase(text, start, end)
    if start >= end or text[start:end].lower() in {"the", "a", "an"}:
        return None
    if re.match(r"as\b|[“\"]", text[start:end]):
        return None  # "condemned as “a futile attempt": no target
    party = parse_party(text, start, end, lexicon, mentions)
    if party is None:
        country, international = country_cue(text, start, end, mentions)
        return Party(text[start:end], start, end, country=country, international=international)
    party.text, party.start, party.end = text[start:end], start, end
    return party


def _until(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    match = pattern.search(text, start, end)
    return match.start() if match is not None else end


def sentence_events(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> list[Event]:
    """The events one sentence reports, in the order written."""
    begin = clause_start(text, start, end)
    events: list[Event] = []
    span = (start, end)

    def subject(verb: int) -> Party | None:
        return _phrase(text, *subject_phrase(text, begin, verb), lexicon, mentions)

    first_verb = end
    for pattern in (
        _RECEIVED_CABLE,
        _SENT_CABLE,
        _EXCHANGED,
        _CONGRATULATED,
        _CONDOLENCES_TO,
        _CONDEMNED,
        _CONDEMNATION,
        _VISIT_TO,
        _ARRIVED,
        _VISITED,
        _SIGNED,
        _SWORN,
    ):
        match = pattern.search(text, begin, end)
        if match is not None:
            first_verb = min(first_verb, match.start())
    main = subject(first_verb) if first_verb < end else None
    sentence_kind = next((k for k, word in _KIND_WORDS if word.search(text, start, end)), None)

    if (m := _RECEIVED_CABLE.search(text, begin, end)) and sentence_kind:
        actor_end = _until(_SENDERS_END, text, m.end(), end)
        actor = _phrase(text, m.end(), actor_end, lexicon, mentions)
        events.append(Event(sentence_kind, actor, subject(m.start()), span))
    elif (m := _SENT_CABLE.search(text, begin, end)) and sentence_kind:
        target = _phrase(text, *object_span(text, m.end(), end), lexicon, mentions)
        events.append(Event(sentence_kind, main, target, span))
    elif (m := _EXCHANGED.search(text, begin, end)) and sentence_kind:
        both = split_parties(text, *subject_span(text, begin, m.start()), lexicon, mentions)
        if len(both) == 2:
            events += [
                Event(sentence_kind, both[0], both[1], span),
                Event(sentence_kind, both[1], both[0], span),
            ]
    elif m := _CONGRATULATED.search(text, begin, end):
        target = _phrase(
            text, m.end(), _until(_CONGRATULATED_END, text, m.end(), end), lexicon, mentions
        )
        events.append(Event("congratulated", main, target, span))

    if (m := _CONDEMNED.search(text, begin, end)) or (m := _CONDEMNATION.search(text, begin, end)):
        events.append(
            Event("condemned", main, _condemned(text, m.end(), end, lexicon, mentions), span)
        )
    if m := _CONDOLENCES_TO.search(text, begin, end):
        target = _phrase(
            text, m.end(), _until(_CONDOLED_END, text, m.end(), end), lexicon, mentions
        )
        events.append(Event("condoled", main, target, span))

    events += _visits(text, begin, end, lexicon, mentions, main, span)

    if (m := _SIGNED.search(text, begin, end)) and _AGREEMENT.search(
        text, m.end(), min(end, m.end() + 80)
    ):
        both = split_parties(
            text, *subject_span(text, begin, m.start()), lexicon, mentions, groups=True
        )
        if len(both) == 2:
            events.append(Event("signed", both[0], both[1], span))
        elif with_ := re.search(r"\bwith\b", text[m.end() : end]):
            target = _phrase(
                text, *object_span(text, m.end() + with_.end(), end), lexicon, mentions
            )
            events.append(Event("signed", main, target, span))

    if m := _SWORN.search(text, begin, end):
        before = _BEFORE.match(text[begin:end])
        if before is not None:
            actor = _phrase(text, begin + before.end(), m.start(), lexicon, mentions)
            target = _phrase(
                text, begin + before.start(1), begin + before.end(1), lexicon, mentions
            )
        else:
            actor = subject(m.start())
            after = re.match(r"\s+before\s+", text[m.end() : end])
            target = None
            if after is not None:
                target_start = m.end() + after.end()
                target = _phrase(text, *object_span(text, target_start, end), lexicon, mentions)
        events.append(Event("sworn_in", actor, target, span))
    return [e for e in events if e.actor is not None]


def _condemned(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> Party | None:
    """The target of a condemnation: the perpetrator when the sentence names one, else the
    act as written."""
    act_end = _until(_ACT_END, text, start, end)
    act = _phrase(text, start, act_end, lexicon, mentions)
    if act is None:
        return None
    by = _BY.search(text, act.start, act.end)
    if by is not None:
        return _phrase(text, by.end(), _until(_WHERE, text, by.end(), act.end), lexicon, mentions)
    aggressor = _AGGRESSOR.search(text, act.start, act.end)
    if aggressor is not None:
        adjective = [
            m for m in mentions if m.start == aggressor.start("adj") and m.entity.kind == "country"
        ]
        if adjective:
            return Party(
                adjective[0].surface,
                adjective[0].start,
                adjective[0].end,
                entity=adjective[0].entity,
                country=adjective[0].entity.country,
            )
    return act


def _visits(
    text: str,
    begin: int,
    end: int,
    lexicon: Lexicon,
    mentions: list[Mention],
    main: Party | None,
    span: tuple[int, int],
) -> list[Event]:
    found: list[tuple[int, Party | None, Party | None]] = []
    if (m := _ARRIVED.search(text, begin, end)) and "visit" in text[begin:end]:
        target = _phrase(text, m.end(), _until(_TARGET_END, text, m.end(), end), lexicon, mentions)
        found.append((m.start(), main, target))
    if m := _VISIT_TO.search(text, begin, end):
        target = _phrase(text, m.end(), _until(_TARGET_END, text, m.end(), end), lexicon, mentions)
        found.append((m.start(), _visitor(text, begin, m.start(), lexicon, mentions, main), target))
    if m := _VISITED.search(text, begin, end):
        target_start, target_end = object_span(text, m.end(), end, whole=True)
        target_end = _until(
            re.compile(r",|\s+(?:to (?:inspect|check|review)|on (?:the )?occasion)\b"),
            text,
            target_start,
            target_end,
        )
        found.append((m.start(), main, _phrase(text, target_start, target_end, lexicon, mentions)))
    if m := _VISITING.search(text, begin, end):
        group = _group_before(text, begin, m.start(), lexicon, mentions)
        target = _phrase(text, m.end(), _until(_TARGET_END, text, m.end(), end), lexicon, mentions)
        if group is not None:
            found.append((m.start(), group, target))
    if m := _VISIT_BY.search(text, begin, end):
        to = re.search(r"\s+to\s+", text[m.end() : end])
        if to is not None:
            actor = _phrase(text, m.end(), m.end() + to.start(), lexicon, mentions)
            target = _phrase(
                text,
                m.end() + to.end(),
                _until(_TARGET_END, text, m.end() + to.end(), end),
                lexicon,
                mentions,
            )
            found.append((m.start(), actor, target))
    events: list[Event] = []
    for _, actor, target in sorted(found, key=lambda f: f[0]):
        if actor is None or any(_same(actor, e.actor) for e in events):
            continue
        events.append(Event("visited", actor, target, span))
    return events


def _same(one: Party, other: Party | None) -> bool:
    return (other is not None and (one.start, one.end) == (other.start, other.end)) or (
        other is not None and one.name is not None and one.name == other.name
    )


def _visitor(
    text: str, begin: int, verb: int, lexicon: Lexicon, mentions: list[Mention], main: Party | None
) -> Party | None:
    """Who is on a visit: the person a `who`/`which` clause hangs on, else the subject."""
    relatives = list(re.finditer(r"\b(?:who|which)\b", text[begin:verb]))
    if not relatives:
        return main
    at = begin + relatives[-1].start()
    toks = tokens(text, begin, at)
    runs = lexicon.name_runs(text, toks)
    if runs and toks[runs[-1][1] - 1].end >= at - 3:
        i, j = runs[-1]
        return parse_party(text, toks[i].start, toks[j - 1].end, lexicon, mentions)
    return _group_before(text, begin, at, lexicon, mentions) or main


def _group_before(
    text: str, begin: int, at: int, lexicon: Lexicon, mentions: list[Mention]
) -> Party | None:
    """The group phrase ending right before `at`: `a French civil society delegation`."""
    toks = tokens(text, begin, at)
    if not toks or toks[-1].lower not in GROUP_NOUNS:
        return None
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].lower in {"a", "an", "the"}:
            return _phrase(text, toks[k].start, at, lexicon, mentions)
        if toks[k].text in {",", ";"}:
            break
    return None
