"""Golden tests: every field of the five seeds, from the text and from both themes' pages."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from etl.extract.parse import parse_document
from etl.model import RawDocument
from etl.sources.files import read_file
from tests.conftest import SAMPLES, TEXT_SAMPLES
from tests.golden import ARCHIVE_IDS, CURRENT_IDS, GOLDEN, observed

SEEDS = sorted(GOLDEN)


def parse(path: Path) -> dict[str, object]:
    return parse_document(read_file(path)).to_dict()


@pytest.mark.parametrize("seed", SEEDS)
def test_text(seed: str) -> None:
    data = parse(TEXT_SAMPLES / f"{seed}.txt")
    assert observed(data) == GOLDEN[seed]
    assert (data["url"], data["source"]) == (
        f"https://archive.sana.sy/en/?p={ARCHIVE_IDS[seed]}",
        "sana-archive",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_archive_page(seed: str) -> None:
    data = parse(SAMPLES / "html" / "sana-archive" / f"{seed}.html")
    assert observed(data) == GOLDEN[seed]
    assert (data["url"], data["source"]) == (
        f"https://archive.sana.sy/en/?p={ARCHIVE_IDS[seed]}",
        "sana-archive",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_current_page(seed: str) -> None:
    data = parse(SAMPLES / "html" / "sana" / f"{seed}.html")
    assert observed(data) == GOLDEN[seed]
    assert (data["url"], data["source"]) == (
        f"https://sana.sy/en/presidency/{CURRENT_IDS[seed]}/",
        "sana",
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_text_and_pages_have_the_same_body(seed: str) -> None:
    text = parse(TEXT_SAMPLES / f"{seed}.txt")
    for theme in ("sana-archive", "sana"):
        page = parse(SAMPLES / "html" / theme / f"{seed}.html")
        assert page["paragraphs"] == text["paragraphs"], theme


def test_archive_page_related_links() -> None:
    data = parse(SAMPLES / "html" / "sana-archive" / "004_500d9f80e342b74a.html")
    assert [(r["kind"], r["title"], r["url"]) for r in data["related"]] == [  # type: ignore[index]
        (
            "check_also",
            "Director Kulthum wins the best award at Al Noor International Film Festival in Morocco",
            "https://archive.sana.sy/en/?p=268113",
        ),
        (
            "related",
            "Al-Moallem, Kharrazi: Syria continues to achieve field and political victories",
            "https://archive.sana.sy/en/?p=75431",
        ),
        (
            "related",
            "Haidar briefs Kharrazi on national reconciliation efforts",
            "https://archive.sana.sy/en/?p=75440",
        ),
        (
            "related",
            "President al-Assad receives Iranian Foreign Minister’s Advisor, discusses developments of the situation in Syria",
            "https://archive.sana.sy/en/?p=74609",
        ),
    ]


def test_current_page_related_links() -> None:
    data = parse(SAMPLES / "html" / "sana" / "000_91593a2357d0ac3e.html")
    assert [(r["kind"], r["url"]) for r in data["related"]] == [  # type: ignore[index]
        ("check_also", "https://sana.sy/en/politics/2210533/"),
        ("related", "https://sana.sy/en/presidency/2210431/"),
        ("related", "https://sana.sy/en/politics/2210467/"),
        ("related", "https://sana.sy/en/politics/2210472/"),
        ("inline", "https://sana.sy/en/politics/2210458/"),
        ("inline", "https://sana.sy/en/presidency/2210463/"),
    ]


def _variant(data: bytes, kind: str) -> bytes:
    text = data.decode("utf-8")
    if kind == "cp1252-crlf":
        # Characters outside Windows-1252 (icons, Arabic) become character references, as a
        # page saved in that encoding carries them.
        return text.replace("\n", "\r\n").encode("cp1252", errors="xmlcharrefreplace")
    if kind == "utf8-bom-crlf":
        return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    if kind == "gzip":
        return gzip.compress(data, mtime=0)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["cp1252-crlf", "utf8-bom-crlf", "gzip"])
@pytest.mark.parametrize("seed", ["001_613fc00259ccce1c", "004_500d9f80e342b74a"])
def test_encodings_and_line_endings(seed: str, kind: str, tmp_path: Path) -> None:
    for media_type, source in (
        ("text/plain", TEXT_SAMPLES / f"{seed}.txt"),
        ("text/html", SAMPLES / "html" / "sana-archive" / f"{seed}.html"),
    ):
        document = RawDocument(
            uri=f"file:///{seed}",
            data=_variant(source.read_bytes(), kind),
            media_type=media_type,
            raw_location=str(source),
            url=f"https://archive.sana.sy/en/?p={ARCHIVE_IDS[seed]}",
            published=GOLDEN[seed]["published_date"],
        )
        assert observed(parse_document(document).to_dict()) == GOLDEN[seed], media_type


def test_gzipped_page_file(tmp_path: Path) -> None:
    page = SAMPLES / "html" / "sana" / "002_22b12b3928bf7f46.html"
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(page.read_bytes()))
    assert parse(packed) == parse(page)
