"""The gazetteer: known entities, their aliases and roles, indexed by folded name keys.

Loaded from every `etl/data/gazetteer*.toml` (in name order) plus any files in
`$BULLETINS_GAZETTEER` (separated by `:`), merged by (kind, name). A country's `country` is
its own ISO code; its adjectives ("Iranian") are aliases that also mark the alias entry as an
adjective, so that a title's nationality can be told from a country named as a destination.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from etl.enrich.names import fold
from etl.ids import digest

DATA = Path(__file__).resolve().parents[1] / "data"
KINDS = ("person", "country", "place", "organization")
FUZZY_CUTOFF = 90.0
# Aliases this short match only as written (case aside): folding makes too many words alike.
_SHORT = 4


@dataclass(frozen=True)
class Role:
    """A title a person held, with the organization and the dates where known."""

    title: str
    organization: str | None
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def holds_on(self, day: dt.date | None) -> bool:
        """True when the role was held on `day` (always, when the day is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(eq=False)  # one object per entity: compared and hashed by identity
class Entity:
    """A person, country, place or organization."""

    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        return entity_id(self.kind, self.name)


def entity_id(kind: str, name: str) -> str:
    """Stable id of an entity: its kind and canonical name."""
    return digest("entity", kind, name)


@dataclass(frozen=True)
class AliasEntry:
    """One surface form of an entity, valid on some dates (role aliases) or always."""

    entity: Entity
    alias: str
    role: Role | None = None
    is_adjective: bool = False

    @property
    def case_sensitive(self) -> bool:
        # "US" must not match "us"; "President al-Assad" not "president al-assad" in prose.
        return self.alias[:1].isupper()


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _merge(entities: dict[tuple[str, str], Entity], kind: str, item: dict[str, Any]) -> None:
    key = (kind, item["name"])
    entity = entities.setdefault(key, Entity(name=item["name"], kind=kind))
    entity.country = item.get("code", item.get("country", entity.country))
    for alias in item.get("aliases", []):
        if alias not in entity.aliases:
            entity.aliases.append(alias)
    for adjective in item.get("adjectives", []):
        if adjective not in entity.adjectives:
            entity.adjectives.append(adjective)
    for role in item.get("roles", []):
        entity.roles.append(
            Role(
                title=role["title"],
                organization=role.get("organization"),
                start=_date(role.get("from")),
                end=_date(role.get("to")),
                aliases=tuple(role.get("aliases", [])),
            )
        )


def load_entities(paths: Sequence[Path]) -> list[Entity]:
    """Read gazetteer files in order and merge them."""
    entities: dict[tuple[str, str], Entity] = {}
    for path in paths:
        with path.open("rb") as f:
            data = tomllib.load(f)
        for kind in KINDS:
            for item in data.get(kind, []):
                _merge(entities, kind, item)
    return list(entities.values())


class Gazetteer:
    """Entities indexed by the folded keys of their names and aliases."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.entities: list[Entity] = []
        self.by_key: dict[str, list[AliasEntry]] = {}
        # The first word of every key: a span whose first word is not here names nothing.
        self.first_words: set[str] = set()
        self.longest = 1
        self._person_keys: list[str] | None = None
        for entity in entities:
            self.add(entity)

    def copy(self) -> Gazetteer:
        """A gazetteer with the same entries, to which a bulletin's new people can be added."""
        other = Gazetteer()
        other.entities = list(self.entities)
        other.by_key = {key: list(entries) for key, entries in self.by_key.items()}
        other.first_words = set(self.first_words)
        other.longest = self.longest
        other._person_keys = self._person_keys
        return other

    def add(self, entity: Entity) -> None:
        """Index an entity (a gazetteer entry, or one discovered in a bulletin)."""
        self.entities.append(entity)
        for alias in [entity.name, *entity.aliases]:
            self._index(AliasEntry(entity, alias))
        for adjective in entity.adjectives:
            self._index(AliasEntry(entity, adjective, is_adjective=True))
        for role in entity.roles:
            for alias in role.aliases:
                self._index(AliasEntry(entity, alias, role))

    def _index(self, entry: AliasEntry) -> None:
        if entry.entity.kind == "person":
            self._person_keys = None
        key = fold(entry.alias)
        if key:
            words = key.split()
            self.first_words.add(words[0])
            self.longest = max(self.longest, len(words))
            entries = self.by_key.setdefault(key, [])
            if all(e.entity is not entry.entity or e.alias != entry.alias for e in entries):
                entries.append(entry)

    def lookup(self, surface: str, day: dt.date | None) -> AliasEntry | None:
        """The entity a surface form names exactly (after folding), on a given day."""
        return self.lookup_key(fold(surface), surface, day)

    def lookup_key(self, key: str, surface: str, day: dt.date | None) -> AliasEntry | None:
        """Like `lookup`, with the surface's key already folded."""
        for entry in self.by_key.get(key, []):
            if entry.case_sensitive and not surface[:1].isupper():
                continue
            if entry.alias.isupper() and surface != entry.alias:
                continue
            if len(entry.alias) <= _SHORT and surface.lower() != entry.alias.lower():
                continue  # folded, "Thai" would be "The" and "Lao" "Lau"
            if entry.role is None or entry.role.holds_on(day):
                return entry
        return None

    def fuzzy(
        self, surface: str, kinds: tuple[str, ...] = ("person",)
    ) -> tuple[Entity, float] | None:
        """The closest entity of the given kinds by folded-name similarity, with a confidence."""
        if kinds == ("person",):
            if self._person_keys is None:
                self._person_keys = [
                    k for k, entries in self.by_key.items() if entries[0].entity.kind == "person"
                ]
            keys = self._person_keys
        else:
            keys = [k for k, entries in self.by_key.items() if entries[0].entity.kind in kinds]
        match = process.extractOne(
            fold(surface), keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None:
            return None
        key, score, _ = match
        return self.by_key[key][0].entity, round(score / 100, 3)


def gazetteer_paths() -> list[Path]:
    """The built-in gazetteer files, then the user's files from `$BULLETINS_GAZETTEER`."""
    extra = [Path(p) for p in os.environ.get("BULLETINS_GAZETTEER", "").split(":") if p]
    return [*sorted(DATA.glob("gazetteer*.toml")), *extra]


@cache
def _cached(paths: tuple[Path, ...]) -> list[Entity]:
    return load_entities(paths)


def default_entities() -> list[Entity]:
    """The gazetteer's entities (read once per process and set of files)."""
    return _cached(tuple(gazetteer_paths()))


@cache
def _cached_gazetteer(paths: tuple[Path, ...]) -> Gazetteer:
    return Gazetteer(_cached(paths))


def default_gazetteer() -> Gazetteer:
    """The gazetteer of `default_entities()`, indexed once per process (do not modify it:
    `copy()` it first)."""
    return _cached_gazetteer(tuple(gazetteer_paths()))
