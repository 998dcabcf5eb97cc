"""Stable ids: short hex digests of what identifies a row."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def digest(*parts: str) -> str:
    """A short, stable hex id from its parts (sha256, first 16 hex digits)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:ID_LENGTH]
