"""The parties of a sentence as SANA writes them: a title, a name, or a group.

`Deputy Prime Minister, Foreign and Expatriates Minister Walid al-Moallem`, `Faleh al-Fayyad,
the National Security Advisor`, `his Egyptian counterpart Sameh Shoukry`, `a Russian delegation
headed by Deputy Minister of Energy, Kirill Molodtsov`, `a delegation of Syrian expatriates`:
each is one party. A party's name is the run of name-like words that the words of titles,
organizations and places leave; its country is the nationality its title, or the group it
heads, gives ("Iranian", "of the Sultanate of Oman", "Syria's"), never a destination ("to
Syria", "in Damascus").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from etl.enrich.gazetteer import Entity, Gazetteer
from etl.enrich.mentions import Mention

WORD = re.compile(r"[^\W\d_](?:[\w’'‐-]*[^\W_])?-?|\d[\w.,]*\d|\d|[^\w\s]")

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon.toml"


def _word_lists() -> dict[str, frozenset[str]]:
    with LEXICON.open("rb") as f:
        return {name: frozenset(words) for name, words in tomllib.load(f).items()}


_WORDS = _word_lists()
# Words of titles and of the offices, bodies and fields that titles name: never in a name.
TITLE_WORDS = _WORDS["title_words"]
# The words that make a phrase a person's title (an office), not merely a body or a field.
OFFICES = _WORDS["offices"]
HONORIFICS = _WORDS["honorifics"]
CALENDAR = _WORDS["calendar"]
FUNCTION_WORDS = _WORDS["function_words"]
# Inside a name, these may be lower case; they never open or close one.
PARTICLES = _WORDS["particles"]
# A group is a party without a name, unless someone heads it.
GROUP_NOUNS = _WORDS["group_nouns"]
_HEADED_BY = re.compile(
    r"\b(?:headed|chaired|led|presided(?:\s+over)?)\s+by\b|\bunder the chairmanship of\b|"
    r"\bwho (?:is )?(?:heads|heading|chairs|leads)\b",
    re.IGNORECASE,
)
ACCOMPANYING = re.compile(
    r",?\s*(?:and|with)\s+(?:the|his|her|their|an|a)?\s*(?:accompanying\s+delegation|"
    r"delegation\s+accompanying\s+(?:him|her|them))\b"
    r"|,?\s*(?:accompanied by|in the presence of)\b[^,]*,?",
    re.IGNORECASE,
)
_DESTINATION = frozenset({"to", "in", "for", "at", "on", "with", "into", "from"})


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of a sentence, with its offsets in the text."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'").removesuffix("'s")


@dataclass
class Party:
    """One side of a meeting or event, as the sentence writes it."""

    text: str  # the phrase as written
    start: int
    end: int
    name: str | None = None  # the person's name as written
    name_start: int = -1
    name_end: int = -1
    title: str = ""  # the person's title as written, before or after the name
    country: str | None = None  # ISO code of the nationality the phrase gives
    international: bool = False  # the title names an international body (UN, ICRC...)
    group: bool = False  # a delegation or group, with or without a head
    entity: Entity | None = None  # the person, or the country or body the party is

    @property
    def is_named(self) -> bool:
        """A person is named, or the party is a known country or body."""
        return self.name is not None or self.entity is not None


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and punctuation of `text[start:end]`, with offsets in `text`."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, stop)]


def is_capitalised(word: str) -> bool:
    """`Assad`, `al-Assad`, `Al-Rifae` are capitalised; `al hannat`, `minister` are not."""
    bare = re.sub(r"^(?:al|el|ul|ad|ar|as|ash|at|az)[-‐]", "", word, flags=re.IGNORECASE)
    return bare[:1].isupper()


class Lexicon:
    """What each word can be: a title word, a place, or a name. Built from a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        geo: set[str] = set()
        for entity in gazetteer.entities:
            if entity.kind in ("country", "place"):
                for alias in [entity.name, *entity.aliases, *entity.adjectives]:
                    geo.update(
                        t.lower for t in tokens(alias) if t.text[:1].isupper() and len(t.text) > 1
                    )
        self.geo = frozenset(geo - PARTICLES)

    def is_name_word(self, token: Token) -> bool:
        """A capitalised word that no title, place, calendar or function word list holds."""
        text = token.text
        if not text[:1].isalpha() or not is_capitalised(text):
            return False
        if text.isupper() and len(text) > 1 and "-" not in text:
            return text in {"II", "III", "IV"}  # acronyms name bodies, not people
        low = token.lower.rstrip(".")
        parts = [p for p in re.split(r"[-‐]", low) if p]
        if any(p in TITLE_WORDS or p in CALENDAR for p in parts):
            return False
        return low not in FUNCTION_WORDS and low not in HONORIFICS and low not in self.geo

    def name_runs(self, text: str, toks: list[Token]) -> list[tuple[int, int]]:
        """(first, last+1) token indexes of the names among `toks`: runs of two to six name
        words (particles inside), not followed by a capitalised title word (`Aga Khan
        Development Network` is a body), not broken by punctuation."""
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            if not self.is_name_word(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and "\n" not in text[toks[j - 1].end : toks[j].start]:
                previous, word = toks[j - 1], toks[j]
                after_particle = previous.lower.rstrip("-") in PARTICLES
                if (
                    self.is_name_word(word)
                    or (after_particle and word.text[:1].isalpha())
                    or (
                        word.lower.rstrip("-") in PARTICLES
                        and j + 1 < len(toks)
                        and toks[j + 1].text[:1].isalpha()
                    )
                ):
                    j += 1
                else:
                    break
            while j - 1 > i and toks[j - 1].lower.rstrip("-") in PARTICLES:
                j -= 1
            nxt = toks[j] if j < len(toks) else None
            org_name = (
                nxt is not None
                and nxt.text[:1].isupper()
                and (nxt.lower in TITLE_WORDS or nxt.lower in GROUP_NOUNS)
            )
            known = self.gazetteer.lookup(text[toks[i].start : toks[j - 1].end], None)
            is_person = known is not None and known.entity.kind == "person"
            if not org_name and (2 <= j - i <= 6 or is_person):
                runs.append((i, j))
            i = j
        return runs


_TRAILING = re.compile(r"(?:[\s,;:.]+|\s+(?:the|a|an|and|of|to|with|on|in|for|at|by)\b)+$", re.I)


def strip_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, commas, a closing full stop and dangling function words (`... Razzaq
    to`) from the ends of `text[start:end]`."""
    while start < end and text[start] in " ,;:–-—_\n":
        start += 1
    trailing = _TRAILING.search(text, start, end)
    if trailing is not None:
        end = trailing.start()
    return start, end


def title_start(text: str, start: int, name_start: int) -> int:
    """Where the title before a name begins: back over title, place and function words and
    capitalised words, to the first other word or comma (`..., added the President`: `the
    President`)."""
    begin = name_start
    for token in reversed(tokens(text, start, name_start)):
        low = token.lower
        if token.text in {",", ";", ":", "(", ")"} or not token.text[:1].isalpha():
            break
        if not (is_capitalised(token.text) or low in TITLE_WORDS or low in FUNCTION_WORDS):
            break
        begin = token.start
    return begin


def parse_party(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    mentions: list[Mention],
    *,
    head_only: bool = False,
) -> Party | None:
    """The party that `text[start:end]` names, or None when it names nothing.

    The first name in the phrase is the party (a title's complement such as "Envoy of Iraqi
    Prime Minister Haider al-Abadi" comes after it); a group names its head ("headed by");
    a phrase without a name is a known country or body, a group, or a title ("the Director of
    the Museum"). `mentions` are the gazetteer's mentions in the text.
    """
    start, end = strip_phrase(text, start, end)
    cut = ACCOMPANYING.search(text, start, end)
    if cut is not None and cut.start() > start:
        end = strip_phrase(text, start, cut.start())[1]
    if start >= end:
        return None
    headed = _HEADED_BY.search(text, start, end)
    if headed is not None and not head_only:
        head = parse_party(text, headed.end(), end, lexicon, mentions, head_only=True)
        group = _group_head(text, start, headed.start(), lexicon)
        if head is not None and head.name is not None:
            head.group = True
            head.text, head.start = text[start:end], start
            if head.country is None:
                head.country, head.international = country_cue(
                    text, start, headed.start(), mentions
                )
            return head
        if group:
            return _group_party(text, start, end, mentions)
    party = _named_party(text, start, end, lexicon, mentions)
    if party is not None and _group_head(text, start, party.name_start, lexicon):
        # "the investors and bankers from Wadi al-Nadara": the name is not the group's
        return _group_party(text, start, end, mentions)
    if party is not None:
        return party
    whole = [
        m
        for m in mentions
        if m.start <= start + 4
        and m.end >= end - 6
        and m.entity.kind != "person"
        and (not m.adjective or (m.start, m.end) == (start, end))
    ]
    if whole:
        entity = whole[0].entity
        country = entity.country
        return Party(
            text[start:end],
            start,
            end,
            entity=entity,
            country=country,
            international=entity.kind == "organization" and entity.country is None,
        )
    if _group_head(text, start, end, lexicon):
        return _group_party(text, start, end, mentions)
    words = [t.lower for t in tokens(text, start, end)]
    content = [w for w in words if w not in FUNCTION_WORDS]
    if any(w in OFFICES for w in content[:3]):
        phrase_start = start
        first = tokens(text, start, end)[0]
        if first.lower in {"the", "a", "an"}:
            phrase_start = strip_phrase(text, first.end, end)[0]
        country, international = country_cue(text, start, end, mentions)
        return Party(
            text[phrase_start:end],
            phrase_start,
            end,
            title=text[phrase_start:end],
            country=country,
            international=international,
        )
    return None


def _group_head(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """True when the phrase's head noun (before any "of"/"from") is a group noun."""
    for token in tokens(text, start, end):
        low = token.lower
        if low in GROUP_NOUNS:
            return True
        if low in {"of", "from", "participating", "living", "who", "which", ","}:
            return False
    return False


def _group_party(text: str, start: int, end: int, mentions: list[Mention]) -> Party:
    country, international = country_cue(text, start, end, mentions)
    return Party(
        text[start:end], start, end, group=True, country=country, international=international
    )


def _named_party(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> Party | None:
    toks = tokens(text, start, end)
    runs = lexicon.name_runs(text, toks)
    people = [
        m for m in mentions if start <= m.start and m.end <= end and m.entity.kind == "person"
    ]
    spans = [(toks[i].start, toks[j - 1].end) for i, j in runs]
    spans += [(m.start, m.end) for m in people]
    if not spans:
        return None
    name_start, name_end = min(spans)
    # A gazetteer mention that covers the name wins: it carries the resolved entity. One
    # inside a longer name ("Sabbagh" in "Ziad Sabbagh") is another person of that surname.
    known = next((m for m in people if m.start <= name_start and name_end <= m.end), None)
    entity = None
    if known is not None:
        name_start, name_end = known.start, known.end
        entity = known.entity
    name = text[name_start:name_end]
    before = text[start:name_start]
    after_start, _ = strip_phrase(text, name_end, end)
    title = before.strip(" ,")
    title = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", title, flags=re.IGNORECASE)
    title = re.sub(r"\s*(?:Dr|Eng|Mr|Mrs|Ms|Prof)\.?\s*$", "", title).strip(" ,")
    appositive = ""
    if text[name_end:after_start].strip().startswith(",") or text[name_end:end].lstrip().startswith(
        ","
    ):
        appositive = re.split(r",|\s+(?:and|who|which)\s", text[after_start:end])[0].strip()
        appositive = re.sub(r"^(?:the|a|an)\s+", "", appositive, flags=re.IGNORECASE)
    elif text[name_end:end].lstrip().startswith("as "):
        appositive = text[name_end:end].strip()[3:]
    country, international = country_cue(text, start, name_start, mentions)
    if country is None and not international and appositive:
        country, international = country_cue(text, name_end, end, mentions)
    if entity is not None and entity.country is not None:
        country = entity.country
    return Party(
        text=text[start:end],
        start=start,
        end=end,
        name=name,
        name_start=name_start,
        name_end=name_end,
        title=title if any(t.lower in OFFICES for t in tokens(title)) else appositive,
        country=country,
        international=international,
        entity=entity,
    )


def country_cue(
    text: str, start: int, end: int, mentions: list[Mention]
) -> tuple[str | None, bool]:
    """(ISO code, names an international body) that `text[start:end]` gives as a nationality.

    An adjective counts anywhere (`Iranian`, `at Syrian Embassy`); a country's name counts
    unless it is a destination (`to Syria`, `in Syria`); a place is always a destination; a
    body without a state (`UN`, `ICRC`) makes the phrase international.
    """
    for mention in mentions:
        if not (start <= mention.start and mention.end <= end):
            continue
        entity = mention.entity
        if entity.kind == "organization":
            if entity.country is None:
                return None, True
            return entity.country, False
        if entity.kind != "country":
            continue
        previous = re.findall(r"[\w’']+", text[max(start, mention.start - 12) : mention.start])
        if mention.adjective or not previous or previous[-1].lower() not in _DESTINATION:
            return entity.country, False
    return None, False
