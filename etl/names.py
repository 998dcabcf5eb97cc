"""Name keys that fold the transliteration variants of Arabic and Persian names.

`fold("Fayssal al-Mikdad") == fold("Faisal Miqdad")`: lower case, no diacritics, no
honorifics (Dr., Mr., H.E.), no al-/el- particles, and the usual English spellings of the
same sounds brought together (ou/oo/u, ee/ea/i, e/i, o/u, q/k, y/i between letters,
doubled letters, hyphens and apostrophes).
"""

from __future__ import annotations

import re
import unicodedata

_HONORIFICS = re.compile(
    r"\b(?:dr|mr|mrs|ms|prof|sheikh|sayyed|h\.?\s?e|his excellency|her excellency)\b\.?\s*",
    re.IGNORECASE,
)
_PARTICLE = re.compile(r"\b(?:al|el|ul|an|ad|ar|as|at|az|ash)[-‐‑‒–]", re.IGNORECASE)
_NOT_LETTER = re.compile(r"[^a-z ]+")
_SOUNDS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ea", "i"),
    ("ei", "i"),
    ("ai", "i"),
    ("ay", "i"),
    ("q", "k"),
    ("ph", "f"),
    ("dh", "d"),
    ("gh", "g"),
    ("kh", "k"),
    ("e", "i"),
    ("o", "u"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"([a-z])\1+")


def strip_diacritics(text: str) -> str:
    """`Türkiye` -> `Turkiye`: drop combining marks after decomposition."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(name: str) -> str:
    """The key under which spelling variants of one name meet."""
    text = strip_diacritics(name).replace("’", "'")
    text = _HONORIFICS.sub(" ", text)
    text = _PARTICLE.sub("", text)
    text = _NOT_LETTER.sub(" ", text.lower().replace("'", ""))
    words = []
    for word in text.split():
        for old, new in _SOUNDS:
            word = word.replace(old, new)
        words.append(_DOUBLED.sub(r"\1", word))
    return " ".join(words)
