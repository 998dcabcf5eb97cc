"""Near-duplicate bulletins: a 64-bit SimHash of the body's word trigrams.

Two bodies whose hashes differ in at most 3 bits are near-duplicates (a bulletin republished
with small edits, or the same bulletin on both sites); the warehouse links the later one to
the earlier by `duplicate_of` (sql/link_duplicates.sql, with 4 bands of 16 bits so that
candidates are found by equality joins).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")
MAX_DISTANCE = 3


def simhash(text: str) -> int:
    """The SimHash of a text's lower-cased word trigrams, as a signed 64-bit integer."""
    words = _WORD.findall(text.lower())
    shingles = [" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))]
    hashes = np.frombuffer(
        b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles),
        dtype=">u8",
    )
    # One row of 64 bits per shingle (most significant first); a bit of the SimHash is set
    # when more shingles have it set than not.
    bits = np.unpackbits(hashes.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)
    unsigned = int("".join("1" if v > 0 else "0" for v in votes), 2)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def distance(a: int, b: int) -> int:
    """The number of bits in which two hashes differ."""
    return ((a ^ b) & (2**64 - 1)).bit_count()
