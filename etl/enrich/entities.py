"""People, places and organizations in a bulletin's body, folded onto the gazetteer.

Mentions are found by scanning name-like spans (longest first) and looking their folded key
up in the gazetteer, then fuzzily (rapidfuzz). People who are not in the gazetteer are found
through the formulas of diplomatic bulletins (`received X`, `met X`, `discussed with X`,
`attended by A, B and C`, `A, B and C attended`) and become new entities; a later surname
alone then resolves to the full name given earlier in the same bulletin.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from etl.enrich.gazetteer import Entity, Gazetteer, Role, default_gazetteer
from etl.enrich.names import TOKEN, fold, fold_token

# Words of titles, never of names: a person's name is the capitalised run after them.
TITLE_WORDS = frozenset(
    [
        "president",
        "presidential",
        "prime",
        "deputy",
        "minister",
        "ministry",
        "foreign",
        "expatriates",
        "affairs",
        "director",
        "department",
        "advisor",
        "adviser",
        "ambassador",
        "head",
        "chairman",
        "speaker",
        "secretary",
        "general",
        "senior",
        "assistant",
        "aide",
        "special",
        "state",
        "national",
        "reconciliation",
        "political",
        "media",
        "asia",
        "asian",
        "administration",
        "private",
        "office",
        "envoy",
        "representative",
        "member",
        "members",
        "delegation",
        "council",
        "strategic",
        "relations",
        "supreme",
        "leader",
        "commander",
        "chief",
        "spokesman",
        "spokeswoman",
        "undersecretary",
        "official",
        "governor",
        "mayor",
        "mufti",
        "patriarch",
        "grand",
        "imam",
        "of",
        "the",
        "to",
        "for",
        "at",
        "in",
        "and",
        "on",
        "with",
        "his",
        "her",
        "dr",
        "mr",
        "mrs",
        "h.e.",
        "excellency",
    ]
)
# Capitalised words that are never part of a name.
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_NOT_NAME = TITLE_WORDS | _CALENDAR
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# A list runs to the end of its sentence; honorifics such as "Dr." do not end it.
_LIST = r"(?:[^.;\n]|\b(?:Dr|Mr|Mrs|Ms|Prof|H|E)\.)+"
_ATTENDED_BY = re.compile(rf"\battended by\b(?P<list>{_LIST})")
_ATTENDED = re.compile(r"\s+attended the (?:meeting|talks)")
_SENTENCE_BREAK = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\b[A-Z])[.!?]\s+")
_INTRODUCERS = re.compile(
    r"\b(?:received|receives|met|meets|met with|discussed with|discussed\b[^.]{0,40}?\bwith|"
    r"meeting with|phone call with|phone call from)\s+"
)


@dataclass(frozen=True)
class Mention:
    """A span of the body that names an entity."""

    entity: Entity
    surface: str
    start: int
    end: int
    confidence: float


@dataclass
class Analysis:
    """What one bulletin says about entities: mentions, new entities, titles."""

    mentions: list[Mention] = field(default_factory=list)
    discovered: list[Entity] = field(default_factory=list)
    titles: list[tuple[Entity, str]] = field(default_factory=list)  # (person, title as written)


def _is_capitalised(token: str) -> bool:
    bare = re.sub(r"^(?:al|el)-", "", token, flags=re.IGNORECASE)
    return bare[:1].isupper()


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
                if entry is not None:
                    found = Mention(entry.entity, surface, start, end, 1.0)
                    i += n
                    break
        if found is None:
            i += 1
        else:
            mentions.append(found)
    return mentions


def _trailing_name(item: str, gazetteer: Gazetteer, day: dt.date | None) -> tuple[str, str] | None:
    """Split `Director of the Asia Department Shafiq Dayyoub` into (title, name)."""
    words = item.strip().split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;")
        if not _is_capitalised(bare) or bare.lower() in _NOT_NAME:
            break
        if (
            name
            and gazetteer.lookup(bare, day) is not None
            and (
                gazetteer.lookup(bare, day).entity.kind != "person"  # type: ignore[union-attr]
            )
        ):
            break
        name.insert(0, bare)
    known = len(name) == 1 and gazetteer.lookup(name[0], day) is not None
    if not (2 <= len(name) <= 4 or known):
        return None
    title = " ".join(words[: len(words) - len(name)]).strip(" ,")
    return title, " ".join(name)


def _leading_name(rest: str) -> str | None:
    """The name that opens `rest`: `Ali Asghar Khaji, Senior Aide ...` -> `Ali Asghar Khaji`."""
    words: list[str] = []
    for word in rest.split():
        bare = word.rstrip(",.;")
        if not _is_capitalised(bare) or bare.lower() in _NOT_NAME:
            if words:
                break
            continue
        words.append(bare)
        if bare != word:
            break
    return " ".join(words) if 2 <= len(words) <= 4 else None


def _is_title(text: str) -> bool:
    return any(w.lower() in TITLE_WORDS and w[:1].isupper() for w in text.split())


def _list_items(text: str, gazetteer: Gazetteer, day: dt.date | None) -> list[str]:
    """Split `A, B, and C` on commas, and on `and` only between two named items (titles
    such as `Foreign and Expatriates Minister` hold an `and` of their own)."""
    items: list[str] = []
    for piece in re.split(r",\s*", text):
        parts = re.split(r"\s+and\s+", piece)
        current = parts[0]
        for part in parts[1:]:
            if _trailing_name(current, gazetteer, day):
                items.append(current)
                current = part
            else:
                current = f"{current} and {part}"
        items.append(re.sub(r"^and\s+", "", current))
    return [item for item in items if item.strip()]


def _candidates(text: str, gazetteer: Gazetteer, day: dt.date | None) -> list[tuple[str, str]]:
    """(title as written, name) pairs that the formulas of diplomatic bulletins introduce."""
    found: list[tuple[str, str]] = []
    lists = [match.group("list") for match in _ATTENDED_BY.finditer(text)]
    for paragraph in text.split("\n"):
        for match in _ATTENDED.finditer(paragraph):
            # `A, B and C attended the meeting`: the list is the sentence before the verb.
            head = paragraph[: match.start()]
            breaks = [b.end() for b in _SENTENCE_BREAK.finditer(head)]
            lists.append(head[breaks[-1] if breaks else 0 :])
    for listed in lists:
        for item in _list_items(listed, gazetteer, day):
            split = _trailing_name(item, gazetteer, day)
            if split:
                found.append((split[0] if _is_title(split[0]) else "", split[1]))
    for match in _INTRODUCERS.finditer(text):
        rest = text[match.end() : match.end() + 300].split("\n")[0]
        head = re.split(r"[,.;]| and ", rest, maxsplit=1)[0]
        split = _trailing_name(head, gazetteer, day)
        if split and _is_title(split[0]):
            found.append(split)
            continue
        name = split[1] if split else _leading_name(rest)
        if name:
            after = rest[rest.find(name) + len(name) :]
            title = ""
            if after.startswith(","):
                title = re.split(r",|\.(?:\s|$)| and (?:the|his) accompanying", after[1:])[0]
                title = title.strip()
            found.append((title if _is_title(title) else "", name))
    return found


def analyze(
    text: str, day: dt.date | None, authors: list[str], gazetteer: Gazetteer | None = None
) -> Analysis:
    """Mentions, new people and the titles given to people in a bulletin's body."""
    local = (gazetteer or default_gazetteer()).copy()
    analysis = Analysis()
    author_keys = {fold(a) for a in authors}
    for title, name in _candidates(text, local, day):
        if fold(name) in author_keys:
            continue
        entry = local.lookup(name, day)
        if entry is None:
            fuzzy = local.fuzzy(name)
            if fuzzy is None:
                entity = Entity(name=name, kind="person", aliases=[name.split()[-1]])
                local.add(entity)
                analysis.discovered.append(entity)
            else:
                entity = fuzzy[0]
        else:
            entity = entry.entity
        if title and entity.kind == "person":
            analysis.titles.append((entity, title))
    analysis.mentions = [
        m for m in find_mentions(text, local, day) if fold(m.entity.name) not in author_keys
    ]
    return analysis


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
