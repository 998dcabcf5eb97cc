"""Mentions of gazetteer entities in a text: every span whose folded key names one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.enrich.gazetteer import Entity, Gazetteer
from etl.enrich.names import TOKEN, fold_token

_OF = re.compile(r"\s+of\b")


@dataclass(frozen=True)
class Mention:
    """A span of the body that names an entity (`adjective`: by a nationality adjective)."""

    entity: Entity
    surface: str
    start: int
    end: int
    confidence: float
    adjective: bool = False


def find_mentions(text: str, gazetteer: Gazetteer, day: dt.date | None) -> list[Mention]:
    """Every span of `text` naming a gazetteer entity, longest match first, left to right.

    Keys of spans are built from the keys of their tokens (each folded once); a position
    whose token starts no key in the gazetteer is passed over at once.
    """
    tokens = [(m.group().rstrip("."), m.start()) for m in TOKEN.finditer(text)]
    keys = [fold_token(token) for token, _ in tokens]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = None
        if keys[i] and keys[i].split()[0] in gazetteer.first_words:
            for n in range(min(gazetteer.longest + 2, len(tokens) - i), 0, -1):
                start = tokens[i][1]
                end = tokens[i + n - 1][1] + len(tokens[i + n - 1][0])
                surface = text[start:end]
                if "\n" in surface:
                    continue
                key = " ".join(k for k in keys[i : i + n] if k)
                entry = gazetteer.lookup_key(key, surface, day)
                if entry is not None and entry.role is not None and _OF.match(text, end):
                    entry = None  # "the President of the ICRC" is not the President
                if entry is not None:
                    found = Mention(entry.entity, surface, start, end, 1.0, entry.is_adjective)
                    i += n
                    break
        if found is None:
            i += 1
        else:
            mentions.append(found)
    return mentions
