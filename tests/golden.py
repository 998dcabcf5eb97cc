"""What the five seeds say, field by field, read by a person from the text (not by the parser).

Every rendering of a seed (the text file, the archive page, the current-site page) must
parse to these values.
"""

from __future__ import annotations

from typing import Any

GOLDEN: dict[str, dict[str, Any]] = {
    "000_91593a2357d0ac3e": {
        "headline": "President al-Assad to Khaji: Importance of continuing constructive coordination among Syria and Iran and Russia",
        "published_date": "2019-09-24",
        "dateline": "Damascus",
        "weekday": "Tuesday",
        "authors": ["Hazem Sabbagh"],
        "desk": None,
        "captions": [],
        "check_also": (
            "Syria discusses enhancing health cooperation with Bahrain, Sultanate of Oman",
            "Geneva, SANA- Syria, Bahrain and Sultanate of Oman discussed on Sunday ways to boost health …",
        ),
        "n_paragraphs": 8,
        "first": "President Bashar al-Assad on Tuesday received Ali Asghar Khaji, Senior Aide of the Iranian Foreign Minister for Special Political Affairs, and the accompanying delegation.",
        "last": "He stressed that Iran continues to support Syria and its leaderships in all upcoming political stages, in order to ensure the safety, stability, sovereignty, and territorial integrity of Syria.",
        "warnings": [],
    },
    "001_613fc00259ccce1c": {
        "headline": "President al-Assad receives Asghar Khaji, deepening cooperation between Syria and Iran to confront blockade imposed by the US",
        "published_date": "2020-08-17",
        "dateline": "Damascus",
        "weekday": "Monday",
        "authors": [],
        "desk": "English Bulletin",
        "captions": [],
        "check_also": (
            "Syria condemns Israeli occupation massacre in Jenin",
            "Damascus, SANA- Syria condemned the Israeli occupation forces’ storming the city and camp of Jenin …",
        ),
        "n_paragraphs": 14,
        "first": "President Bashar al-Assad on Monday received Senior Assistant to Iranian Foreign Minister for Special Political Affairs Ali Asghar Khaji and the accompanying delegation.",
        "last": "He stressed Iran rejection of any illegal presence on the Syrian territory.",
        "warnings": [
            'paragraph 8 ends mid-sentence: "…and consultation regarding all developments and"'
        ],
    },
    "002_22b12b3928bf7f46": {
        "headline": "President al-Assad receives Ali Asghar Khaji",
        "published_date": "2019-07-30",
        "dateline": "Damascus",
        "weekday": "Tuesday",
        "authors": ["Hazem Sabbagh"],
        "desk": None,
        "captions": [],
        "check_also": (
            "Five Palestinians injured, others arrested as occupation forces storm areas in the West Bank",
            "Occupied Jerusalem, SANA- Five Palestinians were injured and others were arrested on Thursday as Israeli …",
        ),
        "n_paragraphs": 8,
        "first": "President Bashar al-Assad on Tuesday received Ali Asghar Khaji, Senior Aide of the Iranian Foreign Minister for Special Political Affairs, and the accompanying delegation.",
        "last": "They also discussed the situation in the region and recent developments after the recent US escalation in the Gulf against Iran, and the US economic terrorism against Syria and Iran, with the two sides expressing matching viewpoints and positions regarding all issues.",
        "warnings": [],
    },
    "003_4067e3c957b2e664": {
        "headline": "President al-Assad to Khaji: The battle of Idlib aims at eliminating terrorism that threatens the security and safety of Syrian citizens",
        "published_date": "2020-02-18",
        "dateline": None,
        "weekday": None,
        "authors": ["Inas Abdulkareem"],
        "desk": None,
        "captions": [],
        "check_also": None,
        "n_paragraphs": 11,
        "first": "President Bashar al-Assad received today Ali Asghar Khaji, the Iranian Foreign Minister’s Senior Assistant for Special Political Affairs and his accompanying delegation.",
        "last": "Deputy Minister Al-Miqdad, Director of the Department of Asia at the Ministry of Foreign Affairs and Expatriates Ayman Raad and Director of the Administration of the Private Office in the Ministry of Foreign Affairs and Expatriates Mohammad al-Omrani , and Ambassador of the Islamic Republic of Iran to Syria Javad Turkabadi attended the meeting.",
        "warnings": [],
    },
    "004_500d9f80e342b74a": {
        "headline": "President al-Assad: Victory of Syrian people and allies would help establish a more balanced world",
        "published_date": "2016-04-09",
        "dateline": "Damascus",
        "weekday": "Saturday",
        "authors": ["H. Said", "Manal", "Hazem Sabbagh"],
        "desk": None,
        "captions": [
            "President al-Assad-Kamal Kharrazi-Iran 1",
            "President al-Assad-Kamal Kharrazi-Iran 2",
        ],
        "check_also": (
            "Director Kulthum wins the best award at Al Noor International Film Festival in Morocco",
            "Damascus, SANA-Syrian film director, al-Mohanad Kulthum won the Best Award for his short narrative film …",
        ),
        "n_paragraphs": 12,
        "first": "President Bashar al-Assad said on Saturday the victory of the Syrian people and their allies in the war against terrorism would contribute to establishing a more balanced and just world.",
        "last": "For his part, Kharrazi affirmed the important of the national reconciliation project in achieving a political solution that preserves the integrity and sovereignty of the Syrian state, asserting that Iran will continue to support Syria in fighting terrorism and carrying out dialogue and reconciliation.",
        "warnings": [],
    },
}

# The URLs the samples carry (samples/catalog.json, assigned by hand).
ARCHIVE_IDS = {
    "000_91593a2357d0ac3e": 171254,
    "001_613fc00259ccce1c": 199835,
    "002_22b12b3928bf7f46": 166342,
    "003_4067e3c957b2e664": 185127,
    "004_500d9f80e342b74a": 75412,
}
CURRENT_IDS = {
    "000_91593a2357d0ac3e": 2210471,
    "001_613fc00259ccce1c": 2210498,
    "002_22b12b3928bf7f46": 2210455,
    "003_4067e3c957b2e664": 2210482,
    "004_500d9f80e342b74a": 2210413,
}


def observed(data: dict[str, Any]) -> dict[str, Any]:
    """The golden fields of a `bulletins parse --json` object."""
    check_also = [r for r in data["related"] if r["kind"] == "check_also"]
    return {
        "headline": data["headline"],
        "published_date": data["published_date"],
        "dateline": data["dateline"],
        "weekday": data["weekday"],
        "authors": data["authors"],
        "desk": data["desk"],
        "captions": data["captions"],
        "check_also": (check_also[0]["title"], check_also[0]["teaser"]) if check_also else None,
        "n_paragraphs": len(data["paragraphs"]),
        "first": data["paragraphs"][0],
        "last": data["paragraphs"][-1],
        "warnings": data["warnings"],
    }


# The meetings each seed reports, read by a person: (kind, host, guest, date, attendees).
GOLDEN_MEETINGS: dict[str, list[tuple[str, str, str, str, list[str]]]] = {
    "000_91593a2357d0ac3e": [
        ("received", "Bashar al-Assad", "Ali Asghar Khaji", "2019-09-24", []),
    ],
    "001_613fc00259ccce1c": [
        ("received", "Bashar al-Assad", "Ali Asghar Khaji", "2020-08-17", []),
        ("discussed", "Walid al-Moallem", "Ali Asghar Khaji", "2020-08-17", []),
    ],
    "002_22b12b3928bf7f46": [
        (
            "received",
            "Bashar al-Assad",
            "Ali Asghar Khaji",
            "2019-07-30",
            ["Bouthaina Shaaban", "Fayssal Mikdad", "Shafiq Dayyoub"],
        ),
        ("met", "Walid al-Moallem", "Ali Asghar Khaji", "2019-07-30", []),
    ],
    "003_4067e3c957b2e664": [
        (
            "received",
            "Bashar al-Assad",
            "Ali Asghar Khaji",
            "2020-02-18",
            ["Bouthaina Shaaban", "Fayssal Mikdad", "Ayman Raad"],
        ),
        (
            "discussed",
            "Walid al-Moallem",
            "Ali Asghar Khaji",
            "2020-02-18",
            ["Fayssal Mikdad", "Ayman Raad", "Mohammad al-Omrani", "Javad Turkabadi"],
        ),
    ],
    "004_500d9f80e342b74a": [
        ("met", "Bashar al-Assad", "Kamal Kharrazi", "2016-04-09", []),
        ("met", "Walid al-Moallem", "Kamal Kharrazi", "2016-04-09", []),
        ("met", "Ali Haidar", "Kamal Kharrazi", "2016-04-09", []),
    ],
}

# The people each seed names in its body (by canonical name), read by a person.
GOLDEN_PEOPLE: dict[str, set[str]] = {
    "000_91593a2357d0ac3e": {"Bashar al-Assad", "Ali Asghar Khaji"},
    "001_613fc00259ccce1c": {"Bashar al-Assad", "Ali Asghar Khaji", "Walid al-Moallem"},
    "002_22b12b3928bf7f46": {
        "Bashar al-Assad",
        "Ali Asghar Khaji",
        "Walid al-Moallem",
        "Bouthaina Shaaban",
        "Fayssal Mikdad",
        "Shafiq Dayyoub",
    },
    "003_4067e3c957b2e664": {
        "Bashar al-Assad",
        "Ali Asghar Khaji",
        "Walid al-Moallem",
        "Bouthaina Shaaban",
        "Fayssal Mikdad",
        "Ayman Raad",
        "Mohammad al-Omrani",
        "Javad Turkabadi",
    },
    "004_500d9f80e342b74a": {"Bashar al-Assad", "Kamal Kharrazi", "Walid al-Moallem", "Ali Haidar"},
}
