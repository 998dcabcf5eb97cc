"""Names, titles and nationalities in the phrases SANA writes (phrases written for these
tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.enrich.entities import default_lexicon
from etl.enrich.gazetteer import default_gazetteer
from etl.enrich.mentions import find_mentions
from etl.enrich.phrases import parse_party, tokens


def party(text: str) -> tuple[str | None, str, str | None, bool]:
    """(name, title, country, international) of the party a phrase names."""
    mentions = find_mentions(text, default_gazetteer(), dt.date(2020, 1, 1))
    found = parse_party(text, 0, len(text), default_lexicon(), mentions)
    assert found is not None
    return found.name, found.title, found.country, found.international


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian Ambassador to Syria Mahdi Sobhani",
            ("Mahdi Sobhani", "Iranian Ambassador to Syria", "IR", False),
        ),
        (
            "the Ambassador of India to Syria, Inder Pal Singh",
            ("Inder Pal Singh", "Ambassador of India to Syria", "IN", False),
        ),
        (
            "UN Special Envoy to Syria Geir Pedersen",
            ("Geir Pedersen", "UN Special Envoy to Syria", None, True),
        ),
        (
            "Syria's Ambassador to Iraq Safwan Raslan",
            ("Safwan Raslan", "Syria's Ambassador to Iraq", "SY", False),
        ),
        (
            "charge d'affaires at the Syrian Embassy in Amman Ayman Alloush",
            ("Ayman Alloush", "charge d'affaires at the Syrian Embassy in Amman", "SY", False),
        ),
        (
            "Mohammad Reza Raouf Sheibani, the Iranian President's special envoy",
            ("Mohammad Reza Raouf Sheibani", "Iranian President's special envoy", "IR", False),
        ),
        (
            "Minister of Culture and Heritage of the Sultanate of Oman, Sayyid Haitham bin Tarik",
            (
                "Sayyid Haitham bin Tarik",
                "Minister of Culture and Heritage of the Sultanate of Oman",
                "OM",
                False,
            ),
        ),
        (
            "Defense Minister, Major General Engineer Hassan Turkmani",
            ("Hassan Turkmani", "Defense Minister, Major General Engineer", None, False),
        ),
        (
            "the Patriarchal Vicar, Bishop Elias al dabbagh",
            ("Elias al dabbagh", "Patriarchal Vicar, Bishop", None, False),
        ),
        (
            "Head of the Iraqi side to the joint committee Fadel al-Ahmad",
            ("Fadel al-Ahmad", "Head of the Iraqi side to the joint committee", "IQ", False),
        ),
    ],
)
def test_parties(text: str, expected: tuple[str | None, str, str | None, bool]) -> None:
    assert party(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("a delegation of the Aga Khan Development Network", []),
        ("the Syrian Embassy in Sanaa Ahmad Ali Nasser", ["Ahmad Ali Nasser"]),
        (
            "Speaker Hammouda Sabbagh and Vice Speaker Najdat Anzour",
            ["Hammouda Sabbagh", "Najdat Anzour"],
        ),
        (
            "Suhail al- Mazrouei and Khalid bin Mohammed Al Attiyah",
            ["Suhail al- Mazrouei", "Khalid bin Mohammed Al Attiyah"],
        ),
        ("on Tuesday in Damascus", []),
    ],
)
def test_name_runs(text: str, names: list[str]) -> None:
    toks = tokens(text)
    runs = default_lexicon().name_runs(text, toks)
    assert [text[toks[i].start : toks[j - 1].end] for i, j in runs] == names


@pytest.mark.parametrize(
    ("text", "day", "person"),
    [
        ("President al-Sharaa", dt.date(2025, 6, 1), "Ahmad al-Sharaa"),
        ("Vice President al-Sharaa", dt.date(2013, 6, 1), "Farouk al-Sharaa"),
        ("Foreign Minister al-Shaibani", dt.date(2025, 1, 5), "Asaad al-Shaibani"),
        ("Prime Minister Mohammed al-Bashir", dt.date(2024, 12, 12), "Mohammed al-Bashir"),
    ],
)
def test_the_government_since_december_2024_and_before(
    text: str, day: dt.date, person: str
) -> None:
    found = [
        m.entity.name
        for m in find_mentions(text, default_gazetteer(), day)
        if m.entity.kind == "person"
    ]
    assert found == [person]


def test_a_short_alias_matches_only_as_written() -> None:
    text = "The Thai Foreign Minister"
    assert [(m.surface, m.entity.name) for m in find_mentions(text, default_gazetteer(), None)] == [
        ("Thai", "Thailand")
    ]
