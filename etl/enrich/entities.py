"""People, places and organizations in a bulletin's body, folded onto the gazetteer.

Mentions are found by scanning name-like spans (longest first) and looking their folded key
up in the gazetteer. People who are not in the gazetteer are found where news text names a
person: after a title (`Syria's Permanent Representative to the UN <name>`), before an
apposition (`<name>, the National Security Advisor`), and as a party of a meeting or event;
they become new entities (their country from their title), matched fuzzily (rapidfuzz) to a
known spelling first. A later surname alone then resolves to the full name given earlier in
the same bulletin; the bulletin's own author is never a mention.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from etl.enrich.gazetteer import Entity, Gazetteer, Role, default_gazetteer
from etl.enrich.mentions import Mention, find_mentions
from etl.enrich.names import fold
from etl.enrich.phrases import HONORIFICS, TITLE_WORDS, Lexicon, Party, parse_party, tokens


@cache
def lexicon_of(gazetteer: Gazetteer) -> Lexicon:
    """The word lists of a gazetteer, built once per gazetteer object."""
    return Lexicon(gazetteer)


@dataclass
class People:
    """The people of one bulletin: the gazetteer plus those the bulletin introduces, and the
    titles it gives them."""

    gazetteer: Gazetteer
    day: dt.date | None
    authors: list[str]
    local: Gazetteer = field(init=False)
    discovered: list[Entity] = field(default_factory=list)
    titles: list[tuple[Entity, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.local = self.gazetteer.copy()
        self._author_keys = {fold(a) for a in self.authors}

    def is_author(self, name: str) -> bool:
        """The bulletin's author is never a person it mentions."""
        return fold(name) in self._author_keys

    def resolve(self, party: Party) -> Entity | None:
        """The entity a party names: a known person (exactly, then fuzzily), a new person, or
        the country or body the party is; records the title the bulletin gives a person."""
        if party.name is None:
            return party.entity
        if self.is_author(party.name):
            return None
        entity = party.entity
        if entity is None:
            entry = self.local.lookup(party.name, self.day)
            if entry is not None and entry.entity.kind == "person":
                entity = entry.entity
            else:
                fuzzy = self.local.fuzzy(party.name)
                if fuzzy is not None:
                    entity = fuzzy[0]
                else:
                    entity = Entity(
                        name=_clean_name(party.name),
                        kind="person",
                        country=party.country,
                        aliases=[_clean_name(party.name).split()[-1]],
                    )
                    self.local.add(entity)
                    self.discovered.append(entity)
        party.entity = entity
        if party.title and entity.kind == "person":
            self.titles.append((entity, party.title))
        return entity

    def mentions(self, text: str) -> list[Mention]:
        """Every mention in the text of a gazetteer entity or a person the bulletin named."""
        return [
            m
            for m in find_mentions(text, self.local, self.day)
            if not (m.entity.kind == "person" and self.is_author(m.entity.name))
        ]


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s+", "-", name)).strip()


def titled_people(
    text: str, start: int, end: int, lexicon: Lexicon, mentions: list[Mention]
) -> list[Party]:
    """People a sentence names with a title: a name right after title words or an
    honorific, or right before `, <title>`."""
    toks = tokens(text, start, end)
    people = []
    for i, j in lexicon.name_runs(text, toks):
        before = toks[i - 1].lower if i > 0 else ""
        before2 = toks[i - 2].lower if i > 1 else ""
        after = [t.lower for t in toks[j : j + 3]]
        titled_before = (
            before in TITLE_WORDS
            or before.rstrip(".") in HONORIFICS
            or (before == "," and before2 in TITLE_WORDS)
        )
        titled_after = (
            len(after) >= 2
            and after[0] == ","
            and (
                after[1] in TITLE_WORDS
                or (after[1] == "the" and len(after) > 2 and after[2] in TITLE_WORDS)
            )
        )
        if not (titled_before or titled_after):
            continue
        phrase_start = toks[i].start
        k = i - 1
        while k >= 0 and (
            toks[k].lower in TITLE_WORDS
            or toks[k].lower.rstrip(".") in HONORIFICS
            or toks[k].lower in {"of", "the", "to", "for", "and", ","}
            or (lexicon.is_name_word(toks[k]) is False and toks[k].text[:1].isupper())
        ):
            phrase_start = toks[k].start
            k -= 1
        party = parse_party(
            text,
            phrase_start,
            toks[j - 1].end if not titled_after else min(end, toks[j - 1].end + 80),
            lexicon,
            mentions,
        )
        if party is not None and party.name is not None:
            people.append(party)
    return people


def normalize_title(title: str, person: Entity, day: dt.date | None) -> tuple[str, str | None]:
    """The person's gazetteer role that a written title names (title, organization); for
    titles the gazetteer does not know, the written title in a plain lower-case form."""
    best: tuple[float, Role] | None = None
    for role in person.roles:
        if not role.holds_on(day):
            continue
        score = fuzz.token_set_ratio(_plain(title), _plain(role.title))
        if score >= 70 and (best is None or score > best[0]):
            best = (score, role)
    if best is not None:
        return best[1].title, best[1].organization
    return _plain(title), None


def _plain(title: str) -> str:
    words = re.sub(r"[’']s\b", "", title).replace("Adviser", "Advisor").replace("Aide", "Assistant")
    return " ".join(w for w in re.findall(r"[A-Za-z]+", words.lower()) if w not in {"the", "dr"})


def default_lexicon() -> Lexicon:
    """The lexicon of the default gazetteer."""
    return lexicon_of(default_gazetteer())
