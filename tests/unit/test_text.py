"""The text reader's rules: lines of page chrome, and finding the bulletin in a text."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from etl.errors import Rejected
from etl.extract.chrome import is_chrome, is_inline_heading, meta_date
from etl.extract.text import parse_text

LEAD = (
    "Damascus, SANA – President Bashar al-Assad on Tuesday received Ali Asghar Khaji, Senior "
    "Aide of the Iranian Foreign Minister for Special Political Affairs."
)
SECOND = (
    "He stressed that Iran continues to support Syria and its leaderships in all upcoming "
    "political stages."
)
CUT = (
    "The two sides agreed to continue coordination and consultation regarding all developments and"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Menus, sidebars, share bars, comment forms, footers of both themes and of others.
        ("Most Read", True),
        ("Related Articles", True),
        ("RELATED NEWS:", True),
        ("Syria and the World", True),
        ("* Home", True),
        ("[12]Politics", True),
        ("Home » Presidency » President al-Assad receives Ali Asghar Khaji", True),
        ("Home > World > Middle East", True),
        ("Share", True),
        ("Share on Facebook", True),
        ("FacebookXTelegramWhatsAppLinkedInEmailCopy LinkPrint", True),
        ("1,261,430Fans", True),
        ("Tags Ali Asghar Khaji Iran President al-Assad", True),
        ("TAGGED:Ali HaidarIranPresident al-Assad", True),
        ("About m.mohammed", True),
        ("Previous China calls for lifting unilateral measures imposed on Syria", True),
        ("Copyright © 2020, All Rights Reserved for SANA", True),
        ("© 2025 SANA. All Rights Reserved.", True),
        ("Your email address will not be published. Required fields are marked *", True),
        ("Follow SANA English on Telegram for the latest news.", True),
        (
            "We use cookies to ensure that we give you the best experience on our website. "
            "If you continue to use this site we will assume that you are happy with it.",
            True,
        ),
        # Site header dates and post meta.
        ("Tuesday , 24 September 2019", True),
        ("September 24, 2019 Presidency, Politics 1,836", True),
        ("September 23", True),
        ("2019-09-24", True),
        ("Last updated: April 9, 2016 09:18 PM", True),
        ("Posted on March 9, 2020 by admin", True),
        ("By Hazem Sabbagh", True),
        ("ByManal", True),
        ("Bysana.english", True),
        ("2 Min Read", True),
        ("Syria, Iran discuss preparations for the 13th round of Astana talks 11 hours ago", True),
        # Lines of bulletins: headlines, leads, bylines, captions, Check Also.
        ("President al-Assad receives Ali Asghar Khaji", False),
        ("Syria, Iran discuss ties", False),
        (LEAD, False),
        ("Previous reports said the delegation would arrive on Monday.", False),
        ("Topics of the meeting included the political track.", False),
        ("Hazem Sabbagh", False),
        ("H. Said/Manal / Hazem Sabbagh", False),
        ("English Bulletin", False),
        ("President al-Assad-Kamal Kharrazi-Iran 1", False),
        ("Check Also", False),
        ("Byzantine churches in Maaloula restored", False),
    ],
)
def test_is_chrome(line: str, expected: bool) -> None:
    assert is_chrome(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Read More", True), ("Read also:", True), ("See also", True), ("Read more about", False)],
)
def test_is_inline_heading(line: str, expected: bool) -> None:
    assert is_inline_heading(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 24, 2019 Presidency, Politics 1,836", (2019, 9, 24)),
        ("April 9, 2016", (2016, 4, 9)),
        ("Posted on March 9, 2020 by admin", (2020, 3, 9)),
        ("Published: 2020-08-17 14:20", (2020, 8, 17)),
        ("Tuesday , 24 September 2019", (2019, 9, 24)),
        ("Last updated: April 9, 2016 09:18 PM", None),  # an update, not the publication
        ("September 23", None),  # no year
        ("2 Min Read", None),
    ],
)
def test_meta_date(line: str, expected: tuple[int, int, int] | None) -> None:
    assert meta_date(line) == expected


def parse(text: str) -> dict[str, object]:
    data = parse_text(text, url=None, published=None).to_dict()
    del data["body"], data["url"], data["source"]
    return data


def test_one_paragraph_per_line_keeps_the_byline_and_the_check_also_box() -> None:
    text = "\n".join(
        [
            "President al-Assad receives Ali Asghar Khaji",
            LEAD,
            "President al-Assad-Kamal Kharrazi-Iran 1",
            SECOND,
            "Hazem Sabbagh",
            "Check Also",
            "Syria condemns Israeli occupation massacre in Jenin",
            "Damascus, SANA- Syria condemned the Israeli occupation forces’ storming …",
        ]
    )
    assert parse(text) == {
        "headline": "President al-Assad receives Ali Asghar Khaji",
        "published_date": None,
        "dateline": "Damascus",
        "weekday": "Tuesday",
        "authors": ["Hazem Sabbagh"],
        "desk": None,
        "captions": ["President al-Assad-Kamal Kharrazi-Iran 1"],
        "related": [
            {
                "title": "Syria condemns Israeli occupation massacre in Jenin",
                "teaser": "Damascus, SANA- Syria condemned the Israeli occupation forces’ storming …",
                "url": None,
                "kind": "check_also",
            }
        ],
        "paragraphs": [LEAD.removeprefix("Damascus, SANA – "), SECOND],
        "warnings": [],
    }


@pytest.mark.parametrize("blank_lines", [True, False])
def test_lines_wrapped_by_a_tool_are_joined_back(blank_lines: bool) -> None:
    """`fmt -w 60` of the headline, two paragraphs and the byline: the headline and the
    paragraphs are whole again (a hyphenated name broken after its hyphen too)."""
    headline = "President al-Assad receives Ali Asghar Khaji, discusses the political track"
    second = SECOND.replace("Syria", "the Syrian al-Jazeera region")
    blocks = [headline, LEAD, second, "Hazem Sabbagh"]
    wrapped = ("\n\n" if blank_lines else "\n").join(textwrap.fill(block, 60) for block in blocks)
    assert "al-\nJazeera" in wrapped
    data = parse(wrapped)
    assert (data["headline"], data["paragraphs"], data["authors"]) == (
        headline,
        [LEAD.removeprefix("Damascus, SANA – "), second],
        ["Hazem Sabbagh"],
    )


def test_a_stray_blank_line_joins_no_paragraphs_of_one_per_line() -> None:
    text = f"President al-Assad receives Ali Asghar Khaji\n{LEAD}\n{SECOND}\n\n{SECOND}\nHazem Sabbagh\n"
    assert parse(text)["paragraphs"] == [LEAD.removeprefix("Damascus, SANA – "), SECOND, SECOND]


def test_a_box_of_titles_inside_the_body_is_left_out_and_a_cut_paragraph_after_it_kept() -> None:
    text = "\n".join(
        [
            "President al-Assad receives Ali Asghar Khaji",
            LEAD,
            "Read More",
            "Iranian Parliament Speaker: Iran will stand by Syria until terrorism is defeated",
            "Al-Moallem receives Iranian Deputy Foreign Minister for Arab and African Affairs",
            CUT,
            SECOND,
        ]
    )
    data = parse(text)
    assert data["paragraphs"] == [LEAD.removeprefix("Damascus, SANA – "), CUT, SECOND]
    assert data["warnings"] == [
        'paragraph 2 ends mid-sentence: "…and consultation regarding all developments and"'
    ]


def test_what_follows_the_byline_is_not_body_even_when_it_is_no_known_chrome() -> None:
    text = "\n".join(
        [
            "President al-Assad receives Ali Asghar Khaji",
            LEAD,
            SECOND,
            "Hazem Sabbagh",
            "Sponsored Links",
            "Ten places to visit this winter",
        ]
    )
    data = parse(text)
    assert (data["paragraphs"], data["authors"]) == (
        [LEAD.removeprefix("Damascus, SANA – "), SECOND],
        ["Hazem Sabbagh"],
    )


def test_a_last_paragraph_cut_off_at_the_source_keeps_the_byline_after_it() -> None:
    text = "\n".join(
        ["President al-Assad receives Ali Asghar Khaji", LEAD, SECOND, CUT, "Ali Ibrahim", "Share"]
    )
    data = parse(text)
    assert data["paragraphs"] == [LEAD.removeprefix("Damascus, SANA – "), SECOND, CUT]
    assert data["authors"] == ["Ali Ibrahim"]


def test_a_bulletin_without_dateline_is_the_longest_run_of_sentences() -> None:
    """Seed 003 has no dateline: its first paragraph is found as running text, after the
    site's menus and a standfirst above the post meta."""
    text = "\n".join(
        [
            "Home",
            "We report the news of the region, every day, from every capital it concerns.",
            "Politics",
            "President al-Assad receives Ali Asghar Khaji",
            "A standfirst: the talks dealt with the political track and the constitution.",
            "By Inas Abdulkareem",
            "February 18, 2020",
            "President Bashar al-Assad received today Ali Asghar Khaji and his delegation.",
            SECOND,
            "Inas Abdulkareem",
            "Most Read",
        ]
    )
    data = parse(text)
    assert (data["headline"], data["dateline"], data["published_date"]) == (
        "President al-Assad receives Ali Asghar Khaji",
        None,
        dt.date(2020, 2, 18).isoformat(),
    )
    assert data["paragraphs"] == [
        "President Bashar al-Assad received today Ali Asghar Khaji and his delegation.",
        SECOND,
    ]
    assert data["authors"] == ["Inas Abdulkareem"]


def test_a_check_also_box_with_its_own_buttons() -> None:
    """A TieLabs (Jannah) box as text: the heading, a Close button, the category, the title
    and the time since."""
    text = "\n".join(
        [
            "President al-Assad receives Ali Asghar Khaji",
            LEAD,
            "Check Also",
            "Close",
            "Business",
            "Bahamas summer bookings trending very positively",
            "2 days ago",
        ]
    )
    assert parse(text)["related"] == [
        {
            "title": "Bahamas summer bookings trending very positively",
            "teaser": None,
            "url": None,
            "kind": "check_also",
        }
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Home\nPolitics\nMost Read\nSyria and the World\n",
            "not a bulletin: no sentence, only short lines",
        ),
        (
            "Check Also\n\nSyria condemns Israeli occupation massacre in Jenin\n\n"
            "Damascus, SANA- Syria condemned the Israeli occupation forces’ storming …\n",
            "no body text: only a headline, byline or Check Also footer",
        ),
        ("   \n", "no text"),
    ],
)
def test_texts_that_hold_no_bulletin_are_rejected(text: str, reason: str) -> None:
    with pytest.raises(Rejected) as rejected:
        parse_text(text, url=None, published=None)
    assert rejected.value.reason == reason
