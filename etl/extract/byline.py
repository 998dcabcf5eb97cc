"""Bylines: the short last line of names, split on "/"; desk markers are not people."""

from __future__ import annotations

import re

DESK_MARKERS = frozenset({"english bulletin"})

# One name: one to four words, each capitalised ("Hazem", "H.", "Abdulkareem", "O'Neil",
# "Al-Miqdad") or a lowercase particle inside it ("al-", "bin", "de").
_WORD = r"(?:[A-Z][\w'’]*\.?(?:-[A-Za-z][\w'’]*)*|(?:al|el|bin|ibn|de|van|von)-?[A-Z]?[\w'’]*)"
_NAME = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,3}}$")
_MAX_LINE = 80


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Split a byline into (authors in order, desk); None when the line is not a byline."""
    text = " ".join(line.split())
    if not text or len(text) > _MAX_LINE or text.endswith((".", ":", ",", ";", "!", "?")):
        return None
    parts = [part.strip() for part in text.split("/")]
    authors: list[str] = []
    desk: str | None = None
    for part in parts:
        if part.casefold() in DESK_MARKERS:
            desk = part
        elif _NAME.match(part) and part[0].isupper():
            authors.append(part)
        else:
            return None
    return authors, desk


def is_desk_marker(name: str) -> bool:
    """True for a line such as `English Bulletin` that names a desk, not a person."""
    return " ".join(name.split()).casefold() in DESK_MARKERS
