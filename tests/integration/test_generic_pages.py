"""Pages from other sites: generic extraction, and the TieLabs themes that SANA's derives from."""

from __future__ import annotations

from etl.extract.parse import parse_document
from etl.model import RawDocument
from tests.conftest import SHARED

TIELABS = SHARED / "benchmarks" / "tielabs"


def parse_page(name: str) -> dict[str, object]:
    path = TIELABS / name
    document = RawDocument(
        uri=path.as_uri(), data=path.read_bytes(), media_type="text/html", raw_location=str(path)
    )
    return parse_document(document).to_dict()


def test_jannah_check_also_box_becomes_an_absolute_link() -> None:
    data = parse_page("thenassauguardian.com-hikes.html")
    assert (data["url"], data["source"], data["headline"], data["published_date"]) == (
        "https://thenassauguardian.com/super-value-stumped-on-when-price-hikes-will-end/",
        "web",
        "Super Value ‘stumped’ on when price hikes will end",
        "2022-04-21",
    )
    assert data["related"] == [
        {
            "title": "Bahamas summer bookings trending very positively",
            "teaser": None,
            "url": "https://thenassauguardian.com/bahamas-summer-bookings-trending-very-positively/",
            "kind": "check_also",
        }
    ]
    assert data["authors"] == []
    assert len(data["paragraphs"]) == 11  # type: ignore[arg-type]


def test_sahifa_page_of_another_site() -> None:
    data = parse_page("SW1.News-Heimat.html")
    assert (data["source"], data["published_date"], data["dateline"]) == ("web", "2023-10-15", None)
    assert data["headline"] == (
        "Wenn man in der Heimat verliert, dann tut´s in Abwesendheit vielleicht ein bisschen "
        "weniger weh"
    )
    assert [link["kind"] for link in data["related"]] == ["related", "related"]  # type: ignore[index, union-attr]
