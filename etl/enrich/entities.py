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
from etl.enrich.phrases import (
    HONORIFICS,
    OFFICES,
    Lexicon,
    Party,
    parse_party,
    title_start,
    tokens,
)


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
    """People a sentence names with a title: a name right after a title word or an honorific
    (`Syria's Permanent Representative to the UN Ibrahim Olabi stressed`), or right before
    `, [the] <title>` (`Faleh al-Fayyad, the National Security Advisor`)."""
    toks = tokens(text, start, end)
    people = []
    for i, j in lexicon.name_runs(text, toks):
        phrase_start = title_start(text, start, toks[i].start)
        before = {t.lower.rstrip(".") for t in tokens(text, phrase_start, toks[i].start)}
        after = [t.lower for t in toks[j : j + 3] if t.lower != "the"]
        titled_before = bool(before & (OFFICES | HONORIFICS))
        titled_after = after[:1] == [","] and len(after) > 1 and after[1] in OFFICES
        if not (titled_before or titled_after):
            continue
        name_end = toks[j - 1].end
        # The apposition after the name runs to the next comma: its title.
        phrase_end = text.find(",", name_end + 1, end) if titled_after else name_end
        phrase_end = end if phrase_end < 0 else phrase_end
        party = parse_party(text, phrase_start, phrase_end, lexicon, mentions)
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
