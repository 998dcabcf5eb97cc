"""Near-duplicate bulletins: a 64-bit SimHash of the body's word trigrams.

Two bodies whose hashes differ in at most 3 bits are near-duplicates (a bulletin republished
with small edits, or the same bulletin on both sites); the warehouse links the later one to
the earlier by `duplicate_of` (sql/link_duplicates.sql, with 4 bands of 16 bits so that
candidates are found by equality joins).
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")
MAX_DISTANCE = 3


def simhash(text: str) -> int:
    """The SimHash of a text's lower-cased word trigrams, as a signed 64-bit integer."""
    words = _WORD.findall(text.lower())
    shingles = [" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))]
    weights = [0] * 64
    for shingle in shingles:
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def distance(a: int, b: int) -> int:
    """The number of bits in which two hashes differ."""
    return ((a ^ b) & (2**64 - 1)).bit_count()
