"""Bytes to text: encodings, byte-order marks, line endings, gzip and binary input."""

from __future__ import annotations

import gzip

import pytest

from etl.errors import Rejected
from etl.sources.encoding import decode, gunzip, maybe_gunzip

LINE = "Damascus, SANA – Syria’s “support”"


@pytest.mark.parametrize(
    "data",
    [
        LINE.encode("utf-8"),
        b"\xef\xbb\xbf" + LINE.encode("utf-8"),
        LINE.encode("cp1252"),
        LINE.encode("utf-16-le").join([b"\xff\xfe", b""]),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252", "utf-16-bom"],
)
def test_decode_encodings(data: bytes) -> None:
    assert decode(data) == LINE


def test_decode_line_endings() -> None:
    assert decode(b"Headline\r\n\r\nBody.\rMore.\n") == "Headline\n\nBody.\nMore.\n"


def test_decode_html_uses_declared_charset() -> None:
    page = '<meta charset="iso-8859-7"><p>Αθήνα</p>'.encode("iso-8859-7")
    assert decode(page, html=True) == '<meta charset="iso-8859-7"><p>Αθήνα</p>'


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\r\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text (control bytes found)"),
        (b"\x81\x8d\x8f\x90", "undecodable text: not valid cp1252 (character maps to <undefined>)"),
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        decode(data)
    assert (caught.value.stage, caught.value.reason) == ("read", reason)


def test_gunzip_round_trip_and_passthrough() -> None:
    assert maybe_gunzip(gzip.compress(b"<html></html>")) == b"<html></html>"
    assert maybe_gunzip(b"<html></html>") == b"<html></html>"


def test_gunzip_refuses_a_bomb() -> None:
    bomb = gzip.compress(b"\0" * (2 * 1024 * 1024))
    with pytest.raises(Rejected) as caught:
        gunzip(bomb, limit=1024 * 1024)
    assert caught.value.reason == "gzip data inflates beyond 1 MiB"


def test_gunzip_rejects_corrupt_data() -> None:
    with pytest.raises(Rejected) as caught:
        gunzip(b"\x1f\x8b\x08\x00garbage")
    assert caught.value.reason.startswith("corrupt gzip data")
