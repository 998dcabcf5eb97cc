"""Name keys that fold the transliteration variants of Arabic and Persian names.

`fold("Fayssal al-Mikdad") == fold("Faisal Miqdad")`: lower case, no diacritics, no
honorifics (Dr., Mr., Sheikh), no al-/el- particles, and the usual English spellings of the
same sounds brought together (ou/oo/u, ee/ea/i, e/i, o/u, q/k, y/i, kh/k, doubled letters,
hyphens and apostrophes). A name's key is the keys of its words joined by spaces, so that
the key of a span of text can be built from the keys of its tokens.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_HONORIFICS = frozenset({"dr", "eng", "mr", "mrs", "ms", "prof", "sheikh", "sayyed", "he"})
_PARTICLE = re.compile(r"^(?:al|el|ul|an|ad|ar|as|at|az|ash)[-‐‑‒–]")
_NOT_LETTER = re.compile(r"[^a-z]+")
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
# "Syria's Ambassador", "China’s Special Envoy": the possessive is not part of the name.
_POSSESSIVE = re.compile(r"'s$")


def strip_diacritics(text: str) -> str:
    """`Türkiye` -> `Turkiye`: drop combining marks after decomposition."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """The key of one token (`al-Miqdad` -> `mikdad`; `Dr.` -> ``)."""
    text = _POSSESSIVE.sub("", strip_diacritics(token).replace("’", "'").lower()).replace("'", "")
    if text.replace(".", "") in _HONORIFICS:
        return ""
    text = _PARTICLE.sub("", text)
    words = []
    for word in _NOT_LETTER.sub(" ", text).split():
        for old, new in _SOUNDS:
            word = word.replace(old, new)
        words.append(_DOUBLED.sub(r"\1", word))
    if len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]  # "Dr.Tammam" written without a space
    return " ".join(words)


def fold(name: str) -> str:
    """The key under which spelling variants of one name meet."""
    return " ".join(key for key in (fold_token(t) for t in TOKEN.findall(name)) if key)
