"""Where a sentence's subject and object are: the spans around a verb that meetings and events
read their parties from.

SANA's leads put the subject first (`<title> <name>[, <apposition>,] <verb>`), then time
and place (`on Tuesday`, `in Moscow`), then the object; a dateline the parser could not take
off (`Damascus, (SANA)`) or an opening adverbial (`Upon directives of ...,`) comes before the
subject and is not part of it.
"""

from __future__ import annotations

import re

from etl.enrich.mentions import Mention
from etl.enrich.phrases import (
    ACCOMPANYING,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    PARTICLES,
    TITLE_WORDS,
    Lexicon,
    Party,
    is_capitalised,
    parse_party,
    strip_phrase,
    tokens,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS = "|".join(WEEKDAYS)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s+(?=[A-Z“\"])")
# Abbreviations whose full stop ends no sentence: "Maj. Gen. Murhaf Abu Qasra", "Dec. 6".
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "eng",
        "prof",
        "maj",
        "gen",
        "lt",
        "col",
        "brig",
        "capt",
        "st",
        "no",
        "jr",
        "sr",
        "mt",
        "h",
        "e",
        "u",
        "s",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# A dateline left in the text: "Damascus, (SANA)", "Damascus, Dec.6 (SANA)", "Damascus SANA-".
_DATELINE = re.compile(
    r"^\s*[A-Z][\w’'.]*(?:[\s/-]+[A-Za-z][\w’'.]*){0,4}?\s*,?\s*(?:[A-Z][a-z]{2}\.?\s*\d{1,2}\s*)?"
    r"\(?SANA\)?\s*[-–—_,.:]*\s*"
)
_OPENING = re.compile(
    r"^(?:Upon|On|In|Within|During|After|Following|Under|Amid|As part of|Based on|"
    r"On behalf of|In the framework of|Update)\b[^,]{0,120},\s*"
)
_TIME = (
    rf"(?:on\s+)?(?:{_DAYS})(?:\s+(?:morning|evening|afternoon|night))?|today|yesterday|tonight|"
    r"recently|also|later|earlier|again"
)
_PLACE = r"(?:in|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?:-based)?"
_LEADING_TIME = re.compile(rf"^(?:[\s,]*(?:{_TIME}|{_PLACE})\b)+[\s,]*")
_TRAILING_TIME = re.compile(
    rf"(?:[\s,]*\b(?:{_TIME}|has|have|had|was|were|is|are|will|[a-z]+ly)\b)+[\s,]*$"
)
_CLAUSE_END = re.compile(
    r"[;:]|,\s*(?:discussing|stressing|affirming|asserting|where|with whom|during which|"
    r"in which|and discussed|and reviewed|and stressed|expressing|offering|claiming|leaving|"
    r"in a|to discuss)\b|"
    r"\s+to\s+(?:discuss|review|inspect|follow|check|brief|deliver|convey|present|sign|exchange|"
    r"consult|talk|look|hear|express|receive|hold|attend|participate|bolster|boost|enhance|develop)\b|"
    r"\s+(?:who|which|whom|where)\b"
)
# Lower-case words an object's phrase may hold besides titles and function words.
_PHRASE_WORDS = frozenset(
    [
        "counterpart",
        "counterparts",
        "headed",
        "chaired",
        "led",
        "accompanying",
        "governmental",
        "parliamentary",
        "official",
        "high-level",
        "economic",
        "civil",
        "technical",
        "ministerial",
        "business",
        "ruling",
        "visiting",
        "new",
        "newly",
        "copy",
        "credentials",
        "d’affaires",
        "including",
        "respective",
        "syrian",
    ]
)


# Function words that open a clause, not continue a phrase ("met Kharrazi that Syria ...").
_CLAUSE_WORDS = frozenset({"that", "this", "as", "our"})


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a text, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for end_match in _SENTENCE_END.finditer(text, paragraph.start(), paragraph.end()):
            word = re.search(r"(\w+)$", text[start : end_match.start()])
            if word is not None and word.group(1).lower() in _ABBREVIATIONS:
                continue
            spans.append((start, end_match.start() + 1))
            start = end_match.end()
        spans.append((start, paragraph.end()))
    return spans


def clause_start(text: str, start: int, end: int) -> int:
    """Where the sentence's subject begins: after a left-over dateline and an opening
    adverbial."""
    match = _DATELINE.match(text[start:end])
    if match is not None and "SANA" in match.group():
        start += match.end()
    opening = _OPENING.match(text[start:end])
    if opening is not None:
        start += opening.end()
    return start


def subject_span(text: str, start: int, verb: int) -> tuple[int, int]:
    """The subject between `start` and a verb, without the time and place before the verb
    (`... al-Moallem, on Sunday received`) or an auxiliary (`has discussed`)."""
    trailing = _TRAILING_TIME.search(text, start, verb)
    end = trailing.start() if trailing is not None else verb
    return strip_phrase(text, start, end)


def subject_phrase(text: str, start: int, verb: int) -> tuple[int, int]:
    """The noun phrase that opens a clause, up to its first word that is neither a title, a
    name nor a function word (`Members of the delegation praised ... and congratulated`:
    `Members of the delegation`), and at most up to `verb`."""
    start, end = subject_span(text, start, verb)
    previous = ""
    for token in tokens(text, start, end):
        low, after_particle = token.lower, previous.rstrip("-") in PARTICLES
        previous = low
        if not token.text[:1].isalpha() or is_capitalised(token.text) or after_particle:
            continue
        if (
            low in FUNCTION_WORDS
            or low in TITLE_WORDS
            or low in GROUP_NOUNS
            or low in _PHRASE_WORDS
        ):
            continue
        if low in PARTICLES:
            continue
        return subject_span(text, start, token.start)
    return start, end


def object_span(text: str, start: int, end: int, *, whole: bool = False) -> tuple[int, int]:
    """The object after a verb: past the time and place (`on Tuesday`, `in Damascus`), up to
    where the clause ends or the words stop being a phrase of titles and names (`whole`: to
    the end of the sentence, for `between A, which ..., and B`)."""
    lead = _LEADING_TIME.match(text[start:end])
    if lead is not None:
        start += lead.end()
    if whole:
        return strip_phrase(text, start, end)
    clause = _CLAUSE_END.search(text, start, end)
    limit = clause.start() if clause is not None else end
    accompanying = ACCOMPANYING.search(text, start, limit)
    if accompanying is not None:
        limit = accompanying.start()
    phrase_end = limit
    group = False
    previous = ""
    for token in tokens(text, start, limit):
        low, after_particle = token.lower, previous.rstrip("-") in PARTICLES
        previous = low
        group = group or low in GROUP_NOUNS
        if not token.text[:1].isalpha() or is_capitalised(token.text) or after_particle:
            continue
        if low in _CLAUSE_WORDS:
            phrase_end = token.start
            break
        if low in FUNCTION_WORDS or low in TITLE_WORDS or low in GROUP_NOUNS:
            continue
        if low in PARTICLES or low in _PHRASE_WORDS or low.rstrip("-") in PARTICLES:
            continue
        phrase_end = token.start
        break
    if group and phrase_end < limit:
        # "a French delegation of parliamentarians, journalists ... headed by X": a group
        # phrase runs on to its head.
        headed = re.search(r"\b(?:headed|chaired|led)\s+by\b", text[phrase_end:limit])
        if headed is not None and headed.start() < 120:
            phrase_end = limit
    return strip_phrase(text, start, phrase_end)


def split_parties(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    mentions: list[Mention],
    *,
    groups: bool = False,
) -> list[Party]:
    """The parties of `A and B` (`Syria and Cuba`, `Minister X and Ambassador Y`): split at
    the first `and` whose left side is a complete named party; one party when there is none."""
    for match in re.finditer(r",?\s+and\s+", text[start:end]):
        left_end = start + match.start()
        left = parse_party(text, start, left_end, lexicon, mentions)
        if left is None or not left.is_named or (left.group and left.name is None):
            continue
        if left.name is not None and text[left.name_end : left_end].strip(" ,") not in ("",):
            continue  # "Minister X of Economy and Industry": the name is not at the end
        right = parse_party(text, start + match.end(), end, lexicon, mentions)
        if right is not None and (
            groups or (right.is_named and not (right.group and right.name is None))
        ):
            return [left, right]
        if right is not None:
            break  # "Minister X and representatives of ...": one party and its company
    party = parse_party(text, start, end, lexicon, mentions)
    if party is not None and party.name is not None and left_of_and(text, party, end):
        # keep only the named party; what follows its "and" is an unnamed company
        party.end = party.name_end
    return [party] if party is not None else []


def left_of_and(text: str, party: Party, end: int) -> bool:
    """True when an `and` right after the party's name starts something it is not part of."""
    return bool(
        re.match(
            r",?\s+and\s+(?:representatives|members|officials|a number)\b",
            text[party.name_end : end],
        )
    )


def weekday_in(text: str, start: int, end: int) -> str | None:
    """The weekday a sentence names (`on Tuesday`, `Tuesday`), if any."""
    match = re.search(rf"\b({_DAYS})\b", text[start:end])
    return match.group(1) if match else None
