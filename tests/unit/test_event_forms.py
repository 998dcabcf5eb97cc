"""Events in the sentence forms SANA writes, one sentence each (sentences written for these
tests, not taken from any benchmark)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.enrich.derive import enrich
from tests.unit.test_meeting_forms import bulletin


def events(text: str, published: dt.date | None = None) -> list[tuple[str, str | None, str | None]]:
    """(kind, actor, target) of the events found: the entity's name where the party names
    one, else the party as written."""
    found = enrich(bulletin(text, published)).events
    return [
        (
            e.kind,
            e.actor_entity.name if e.actor_entity else (e.actor.text if e.actor else None),
            e.target_entity.name if e.target_entity else (e.target.text if e.target else None),
        )
        for e in found
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "President Ahmad al-Sharaa sent a cable of condolence to Turkish President Recep "
            "Tayyip Erdogan over the victims of the mine explosion.",
            dt.date(2025, 5, 1),
            [("condoled", "Ahmad al-Sharaa", "Recep Tayyip Erdogan")],
        ),
        (
            "The Foreign and Expatriates Ministry expressed its deep condolences to the government "
            "and people of Morocco over the victims of the earthquake.",
            None,
            [("condoled", "Ministry of Foreign Affairs and Expatriates", "Morocco")],
        ),
        (
            "President Bashar al-Assad received a cable from Cuban President Miguel Diaz-Canel "
            "congratulating him on Independence Day.",
            dt.date(2021, 4, 18),
            [("congratulated", "Miguel Diaz-Canel", "Bashar al-Assad")],
        ),
        (
            "President Bashar al-Assad congratulated Iranian President Ebrahim Raisi on his "
            "election.",
            dt.date(2021, 6, 20),
            [("congratulated", "Bashar al-Assad", "Ebrahim Raisi")],
        ),
        (
            "President Ahmad al-Sharaa and Emir Tamim bin Hamad of Qatar exchanged cables of "
            "congratulation on Eid al-Fitr.",
            dt.date(2025, 3, 30),
            [
                ("congratulated", "Ahmad al-Sharaa", "Tamim bin Hamad"),
                ("congratulated", "Tamim bin Hamad", "Ahmad al-Sharaa"),
            ],
        ),
        (
            "Syria strongly condemned the Israeli strikes on the vicinity of Damascus.",
            None,
            [("condemned", "Syria", "Israel")],
        ),
        (
            "The Syrian Arab Republic condemned the massacre committed by the Turkish occupation "
            "forces in a village in Hasaka countryside.",
            None,
            [("condemned", "Syria", "Turkey")],
        ),
        (
            "Syria condemned the terrorist bombing that targeted a church in Istanbul, which "
            "claimed several lives.",
            None,
            [("condemned", "Syria", "the terrorist bombing that targeted a church in Istanbul")],
        ),
        (
            "Iranian Foreign Minister Abbas Araghchi arrived in Damascus on an official visit to "
            "Syria.",
            dt.date(2024, 12, 1),
            [("visited", "Abbas Araghchi", "Damascus")],
        ),
        (
            "A Russian parliamentary delegation headed by Dmitry Sablin started on Monday a "
            "three-day visit to Syria.",
            None,
            [("visited", "Dmitry Sablin", "Syria")],
        ),
        (
            "Prime Minister Hussein Arnous visited the Aleppo thermal power plant, where he "
            "inspected the repair works.",
            dt.date(2021, 5, 5),
            [("visited", "Hussein Arnous", "the Aleppo thermal power plant")],
        ),
        (
            "Syria and Iraq signed a memorandum of understanding on cooperation in the field of "
            "water resources.",
            None,
            [("signed", "Syria", "Iraq")],
        ),
        (
            "The new governor of Hama, Mohammad Tarek Krishati, was sworn in before President "
            "Bashar al-Assad.",
            dt.date(2019, 1, 5),
            [("sworn_in", "Mohammad Tarek Krishati", "Bashar al-Assad")],
        ),
        (
            "Before President Ahmad al-Sharaa, the members of the new government were sworn in "
            "at the People's Palace.",
            dt.date(2025, 3, 29),
            [("sworn_in", "the members of the new government", "Ahmad al-Sharaa")],
        ),
    ],
)
def test_event_forms(
    text: str, published: dt.date | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert events(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The participants discussed the visits of experts to the region and the planned works.",
        "Eight planes carrying relief aid arrived at Damascus International Airport.",
        "The minister stressed that the agreements must be implemented.",
        "SANA broadcasts a panorama of the meetings, cables and visits by the President in 2022.",
    ],
)
def test_no_event(text: str) -> None:
    assert events(text) == []


def test_cameo_codes() -> None:
    text = "Syria and Cuba signed an agreement on media cooperation."
    assert [(e.kind, e.cameo_code) for e in enrich(bulletin(text)).events] == [("signed", "057")]
