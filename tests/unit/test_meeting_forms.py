"""Meetings in the sentence forms SANA writes, one sentence each (sentences written for these
tests, not taken from any benchmark)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.enrich.derive import enrich
from etl.model import Bulletin


def bulletin(text: str, published: dt.date | None = None, weekday: str | None = None) -> Bulletin:
    """A one-paragraph bulletin as the warehouse stores it."""
    return Bulletin(
        url=None,
        source="local",
        headline="Headline",
        published_date=published,
        dateline="Damascus",
        weekday=weekday,
        authors=[],
        desk=None,
        captions=[],
        related=[],
        paragraphs=[text],
        truncated=[False],
    )


def meetings(text: str, published: dt.date | None = None) -> list[tuple[str, str, str | None]]:
    """(kind, host, guest) of the meetings found, by entity name (None: an unnamed group)."""
    found = enrich(bulletin(text, published)).meetings
    return [
        (m.kind, m.host_entity.name, m.guest_entity.name if m.guest_entity else None)
        for m in found
        if m.host_entity is not None
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # <host> received on <weekday> <nationality> <title>, <name>, and an accompanying delegation
        (
            "President Bashar al-Assad received on Wednesday Belarusian Deputy Prime Minister, "
            "Igor Petrishenko, and an accompanying delegation.",
            dt.date(2019, 5, 15),
            [("received", "Bashar al-Assad", "Igor Petrishenko")],
        ),
        # <title>, Dr. <name>, met on <weekday> <title> <name>
        (
            "Minister of Health, Dr. Hassan al-Ghabash, met on Thursday Armenian Ambassador in "
            "Damascus Tigran Gevorgyan to discuss cooperation in the field of medicines.",
            None,
            [("met", "Hassan al-Ghabash", "Tigran Gevorgyan")],
        ),
        # <host> on <weekday> met <guest> on the sidelines of ...
        (
            "Foreign and Expatriates Minister Fayssal Mikdad on Tuesday met Chinese Foreign "
            "Minister Wang Yi on the sidelines of the UN General Assembly in New York.",
            dt.date(2021, 9, 28),
            [("met", "Fayssal Mikdad", "Wang Yi")],
        ),
        # <host> met with <guest>
        (
            "Prime Minister Hussein Arnous met with Turkmen Minister of Textile Industry "
            "Nurmuhammet Amannepesov to discuss means of boosting trade.",
            None,
            [("met", "Hussein Arnous", "Nurmuhammet Amannepesov")],
        ),
        # <host>, accompanied by ..., met ...
        (
            "Speaker of the People's Assembly Hammouda Sabbagh, accompanied by a number of "
            "members of the Assembly, met Vice Chairman of the Iranian Shura Council Ali Nikzad.",
            None,
            [("met", "Hammouda Sabbagh", "Ali Nikzad")],
        ),
        # <host> discussed with <guest> ...
        (
            "Minister of Economy Samer al-Khalil discussed with Kazakh Ambassador to Syria Berik "
            "Aryn ways to increase trade exchange.",
            None,
            [("discussed", "Samer al-Khalil", "Berik Aryn")],
        ),
        # <foreigner> discussed with <Syrian>: the Syrian side hosts
        (
            "Lebanese Energy Minister Walid Fayad discussed with Syria's Ambassador in Beirut Ali "
            "Abdul Karim the gas supply project.",
            None,
            [("discussed", "Ali Abdul Karim", "Walid Fayad")],
        ),
        # <A> and <B> discussed ...
        (
            "Minister of Industry Ziad Sabbagh and Belarusian Ambassador Ruslan Yesin discussed "
            "joint projects in the field of tractor manufacturing.",
            None,
            [("discussed", "Ziad Sabbagh", "Ruslan Yesin")],
        ),
        # received a phone call from
        (
            "Foreign Minister Asaad al-Shaibani received a phone call from his Jordanian "
            "counterpart Ayman Safadi, during which they discussed border security.",
            dt.date(2025, 3, 2),
            [("phone call", "Asaad al-Shaibani", "Ayman Safadi")],
        ),
        # received a telephone call from; the president since 2025
        (
            "President Ahmad al-Sharaa received a telephone call from French President Emmanuel "
            "Macron.",
            dt.date(2025, 2, 4),
            [("phone call", "Ahmad al-Sharaa", "Emmanuel Macron")],
        ),
        # a delegation "headed by" a minister, in 2025
        (
            "President Ahmad al-Sharaa received on Monday a Saudi delegation headed by Foreign "
            "Minister Prince Faisal bin Farhan.",
            dt.date(2025, 2, 3),
            [("received", "Ahmad al-Sharaa", "Faisal bin Farhan")],
        ),
        # an ambassador abroad hosts
        (
            "Syria's Ambassador to Russia Bashar al-Jaafari met Russian Deputy Foreign Minister "
            "Sergei Vershinin in Moscow.",
            None,
            [("met", "Bashar al-Jaafari", "Sergei Vershinin")],
        ),
        # the vice president hosts; a comma between title and name
        (
            "Vice President Najah al-Attar received the Cuban Ambassador in Damascus, Ivan "
            "Ignacio Mora Godoy.",
            None,
            [("received", "Najah al-Attar", "Ivan Ignacio Mora Godoy")],
        ),
        # a governor hosts an unnamed delegation
        (
            "Aleppo Governor Hussein Diab met a delegation of the International Committee of the "
            "Red Cross.",
            None,
            [("met", "Hussein Diab", None)],
        ),
        # credentials
        (
            "Foreign and Expatriates Minister Fayssal Mikdad received a copy of the credentials of "
            "the new Ambassador of Venezuela, Jose Biomorgi.",
            dt.date(2022, 3, 1),
            [("received", "Fayssal Mikdad", "Jose Biomorgi")],
        ),
        # the title after the name
        (
            "President Bashar al-Assad received Ali Larijani, Speaker of the Iranian Shura "
            "Council, and the accompanying delegation.",
            dt.date(2016, 1, 10),
            [("received", "Bashar al-Assad", "Ali Larijani")],
        ),
        # the host speaks "during a meeting with"
        (
            "Hama Governor Mohammad Tarek Krishati said during a meeting with a delegation of the "
            "World Food Programme that the province needs more flour.",
            None,
            [("met", "Mohammad Tarek Krishati", None)],
        ),
        # held talks with
        (
            "Deputy Foreign Minister Bassam Sabbagh held talks with Iraqi Deputy Foreign "
            "Minister Hisham al-Alawi in Baghdad.",
            None,
            [("met", "Bassam Sabbagh", "Hisham al-Alawi")],
        ),
        # talks held between A and B
        (
            "Bilateral relations were the focus of talks held between Prime Minister Imad Khamis "
            "and Lebanese Prime Minister Saad Hariri.",
            dt.date(2018, 4, 2),
            [("discussed", "Imad Khamis", "Saad Hariri")],
        ),
        # a delegation headed by a Syrian ambassador is the Syrian side
        (
            "The Syrian delegation headed by Ambassador Koussay al-Dahhak met UN "
            "Under-Secretary-General Martin Griffiths in New York.",
            None,
            [("met", "Koussay al-Dahhak", "Martin Griffiths")],
        ),
        # two named guests
        (
            "Minister of Education Darem Tabbaa discussed with UNICEF Representative in Syria Bo "
            "Viktor Nylund and WFP Country Director Kenn Crossley the school feeding programme.",
            None,
            [
                ("discussed", "Darem Tabbaa", "Bo Viktor Nylund"),
                ("discussed", "Darem Tabbaa", "Kenn Crossley"),
            ],
        ),
    ],
)
def test_meeting_forms(
    text: str, published: dt.date | None, expected: list[tuple[str, str, str | None]]
) -> None:
    assert meetings(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Bashar al-Assad received a cable of congratulations from Russian President "
        "Vladimir Putin on the occasion of the New Year.",
        "The two sides discussed means of enhancing cooperation in the economic field.",
        "Participants in the forum discussed the economic situation in the region.",
        "The hospital received new equipment on Sunday as part of the health plan.",
        "Units of the army met fierce resistance in the eastern countryside.",
        "Minister of Finance Kenan Yaghi stressed the need to support productive projects.",
    ],
)
def test_no_meeting(text: str) -> None:
    assert meetings(text) == []


def test_meeting_date_is_the_weekday_before_publication() -> None:
    text = "Prime Minister Imad Khamis on Sunday received Iranian Ambassador Javad Turkabadi."
    found = enrich(bulletin(text, dt.date(2019, 3, 20))).meetings
    assert [(m.meeting_date, m.place) for m in found] == [(dt.date(2019, 3, 17), "Damascus")]


def test_guest_country_from_title() -> None:
    text = "Minister of Tourism Rami Martini met Omani Minister of Heritage Salim al-Mahruqi."
    found = enrich(bulletin(text)).meetings
    assert [(m.guest_entity.name, m.guest_entity.country) for m in found if m.guest_entity] == [
        ("Salim al-Mahruqi", "OM")
    ]


def test_a_person_named_after_a_title_is_a_mention() -> None:
    text = (
        "Syria's Permanent Representative to the UN Hassan Khaddour stressed that the "
        "sanctions harm the Syrian people."
    )
    found = enrich(bulletin(text))
    people = [(m.surface, m.entity.country) for m in found.mentions if m.entity.kind == "person"]
    assert people == [("Hassan Khaddour", "SY")]
    assert [(r.person.name, r.title) for r in found.roles] == [
        ("Hassan Khaddour", "Syria's Permanent Representative to the UN")
    ]
