"""Turn input bytes into text: gzip, byte-order marks, UTF-8 or Windows-1252, line endings."""

from __future__ import annotations

import codecs
import re
import zlib

from etl.errors import Rejected

MAX_DECODED_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Control characters other than tab, LF, CR and form feed never occur in text bulletins.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def gunzip(data: bytes, limit: int = MAX_DECODED_BYTES) -> bytes:
    """Decompress gzip data, refusing anything that inflates beyond `limit` bytes."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise Rejected("read", f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise Rejected("read", f"gzip data inflates beyond {limit // (1024 * 1024)} MiB")
    if not inflater.eof:
        raise Rejected("read", "corrupt gzip data (truncated stream)")
    return out


def maybe_gunzip(data: bytes) -> bytes:
    """Decompress when the bytes carry the gzip magic number, else return them unchanged."""
    return gunzip(data) if data.startswith(_GZIP_MAGIC) else data


def decode(data: bytes, *, html: bool = False) -> str:
    """Decode a document's bytes into text with LF line endings.

    Order: a byte-order mark; strict UTF-8; for HTML, the charset its meta tag declares;
    then Windows-1252. Binary data (NUL bytes or other control characters) is rejected.
    """
    if not data.strip():
        raise Rejected("read", "empty file")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _finish(_strict(data[len(bom) :], name))
    if len(_CONTROL.findall(data[:65536])) > 0:
        raise Rejected("read", "binary data, not text (control bytes found)")
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                return _finish(data.decode(name))
            except (LookupError, UnicodeDecodeError):
                pass
    return _finish(_strict(data, "cp1252"))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Rejected("read", f"undecodable text: not valid {encoding} ({exc.reason})") from None


def _finish(text: str) -> str:
    if "\x00" in text:
        raise Rejected("read", "binary data, not text (NUL characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
