"""The bulletin rules, one function at a time, on real lines from the seeds."""

from __future__ import annotations

import pytest

from etl.extract.bulletin import ends_mid_sentence, is_caption, normalize_space
from etl.extract.byline import parse_byline
from etl.extract.dateline import lead_weekday, split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        (
            "Damascus, SANA – President Bashar al-Assad on Tuesday",
            "Damascus",
            "President Bashar al-Assad on Tuesday",
        ),
        (
            "Damascus, SANA- President Bashar al-Assad on Monday",
            "Damascus",
            "President Bashar al-Assad on Monday",
        ),
        ("Damascus, SANA-Syrian film director", "Damascus", "Syrian film director"),
        ("Geneva, SANA- Syria, Bahrain and Sultanate", "Geneva", "Syria, Bahrain and Sultanate"),
        ("Occupied Jerusalem, SANA- Five Palestinians", "Occupied Jerusalem", "Five Palestinians"),
        ("New York, SANA — The UN", "New York", "The UN"),
        ("Damascus ,SANA–Syria", "Damascus", "Syria"),
        # The forms seen in the wild (../shared/SITES.md).
        ("Damascus, SANA_ The army", "Damascus", "The army"),
        ("Damascus, (SANA) The army", "Damascus", "The army"),
        ("Damascus. SANA- The army", "Damascus", "The army"),
        ("Tehran, SANA, – Iran affirmed", "Tehran", "Iran affirmed"),
        ("Damascus/Hasaka, SANA – The", "Damascus/Hasaka", "The"),
        ("Homs, SANA  The governor", "Homs", "The governor"),
        # ... and in real leads: a dash or a slash between the place and the agency.
        ("Damascus-SANA- Within the framework", "Damascus", "Within the framework"),
        ("Damascus / SANA- The first Arab", "Damascus", "The first Arab"),
        ("Aleppo – SANA – The governor", "Aleppo", "The governor"),
        ("Deir Ezzor-SANA- Units of", "Deir Ezzor", "Units of"),
        ("Damascus, SANA reported that", None, "Damascus, SANA reported that"),
        (
            "President Bashar al-Assad received today Ali",
            None,
            "President Bashar al-Assad received today Ali",
        ),
        ("Syria, Iran discuss ties", None, "Syria, Iran discuss ties"),
    ],
)
def test_split_dateline(paragraph: str, place: str | None, rest: str) -> None:
    assert split_dateline(paragraph) == (place, rest)


@pytest.mark.parametrize(
    ("lead", "weekday"),
    [
        ("President Bashar al-Assad on Tuesday received Ali Asghar Khaji", "Tuesday"),
        ("President Bashar al-Assad said on Saturday the victory", "Saturday"),
        ("discussed on Monday afternoon with Asghar Khaji", "Monday"),
        ("President Bashar al-Assad received today Ali Asghar Khaji", None),
        ("The meeting touched on some ideas", None),
    ],
)
def test_lead_weekday(lead: str, weekday: str | None) -> None:
    assert lead_weekday(lead) == weekday


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hazem Sabbagh", (["Hazem Sabbagh"], None)),
        ("Inas Abdulkareem", (["Inas Abdulkareem"], None)),
        ("H. Said/Manal / Hazem Sabbagh", (["H. Said", "Manal", "Hazem Sabbagh"], None)),
        ("English Bulletin", ([], "English Bulletin")),
        ("Manal/English Bulletin", (["Manal"], "English Bulletin")),
        ("He stressed Iran rejection of any illegal presence on the Syrian territory.", None),
        ("The meeting was attended by Presidential Political and Media Advisor", None),
        ("Reporting by Hazem Sabbagh", None),
    ],
)
def test_parse_byline(line: str, expected: tuple[list[str], str | None] | None) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("President al-Assad-Kamal Kharrazi-Iran 1", True),
        ("President al-Assad-Kamal Kharrazi-Iran 2", True),
        ("He stressed Iran rejection of any illegal presence on the Syrian territory.", False),
        ("Hazem Sabbagh", False),
        ("The death toll rose to 12. Rescue teams were still searching for 3", False),
    ],
)
def test_is_caption(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The two sides agreed to continue coordination and consultation regarding all developments and",
            True,
        ),
        ("He stressed Iran rejection of any illegal presence on the Syrian territory.", False),
        (
            "describing the current talks and agreements on topics of those meetings as “valuable.”",
            False,
        ),
        ("The Iranian official said:", False),
    ],
)
def test_ends_mid_sentence(paragraph: str, expected: bool) -> None:
    assert ends_mid_sentence(paragraph) is expected


def test_normalize_space_folds_no_break_spaces() -> None:
    assert (
        normalize_space(" they can’t \u00a0 \u00a0impose\u00a0 on Syria ")
        == "they can’t impose on Syria"
    )
