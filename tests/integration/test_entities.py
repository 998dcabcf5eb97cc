"""People, places and meetings: the five seeds exactly, variants folded, new people found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from etl.enrich.derive import Enrichment, enrich
from etl.enrich.meetings import meeting_date
from etl.extract.parse import parse_document
from etl.model import Bulletin
from etl.runs.ingest import ingest
from etl.sources.files import read_file
from tests.conftest import SAMPLES, TEXT_SAMPLES
from tests.golden import GOLDEN_MEETINGS, GOLDEN_PEOPLE


def bulletin(seed: str) -> Bulletin:
    return parse_document(read_file(TEXT_SAMPLES / f"{seed}.txt"))


def analyze(text: str, day: dt.date | None, authors: list[str]) -> Enrichment:
    """The enrichment of a bulletin whose body is `text`."""
    return enrich(
        Bulletin(None, "local", "Headline", day, None, None, authors, None, [], [], [text])
    )


@pytest.mark.parametrize("seed", sorted(GOLDEN_MEETINGS))
def test_people_and_meetings_of_each_seed(seed: str) -> None:
    found = enrich(bulletin(seed))
    people = {m.entity.name for m in found.mentions if m.entity.kind == "person"}
    assert people == GOLDEN_PEOPLE[seed]
    assert found.discovered == []  # everyone in the samples is in the gazetteer
    assert [
        (
            m.kind,
            m.host_entity.name if m.host_entity else None,
            m.guest_entity.name if m.guest_entity else None,
            str(m.meeting_date),
            [a.name for a in m.attendee_entities],
        )
        for m in found.meetings
    ] == GOLDEN_MEETINGS[seed]


def surfaces_of(seed: str, name: str) -> set[str]:
    return {m.surface for m in enrich(bulletin(seed)).mentions if m.entity.name == name}


def test_spelling_variants_are_one_entity() -> None:
    assert surfaces_of("000_91593a2357d0ac3e", "Idlib") == {"Idleb"}
    assert surfaces_of("003_4067e3c957b2e664", "Idlib") == {"Idlib"}
    assert surfaces_of("002_22b12b3928bf7f46", "Fayssal Mikdad") == {"Fayssal Mikdad"}
    assert surfaces_of("003_4067e3c957b2e664", "Fayssal Mikdad") == {
        "Faisal al-Miqdad",
        "Al-Miqdad",
    }
    assert surfaces_of("003_4067e3c957b2e664", "Bouthaina Shaaban") == {"Buthaina Shaaban"}
    assert surfaces_of("003_4067e3c957b2e664", "Walid al-Moallem") == {"Walid al-Muallem"}
    assert surfaces_of("003_4067e3c957b2e664", "Jazeera region") == {"Syrian Jazeera region"}
    assert surfaces_of("000_91593a2357d0ac3e", "Jazeera region") == {"Syrian al-Jazeera area"}
    assert surfaces_of("001_613fc00259ccce1c", "Ali Asghar Khaji") == {
        "Ali Asghar Khaji",
        "Asghar Khaji",
    }


def test_titles_are_kept_as_written_and_normalized() -> None:
    from etl.enrich.entities import normalize_title

    roles = enrich(bulletin("003_4067e3c957b2e664")).roles
    titles = {(r.person.name, r.title) for r in roles}
    assert ("Javad Turkabadi", "Ambassador of the Islamic Republic of Iran to Syria") in titles
    khaji = next(r.person for r in roles if r.person.name == "Ali Asghar Khaji")
    for written in (
        "Senior Aide of the Iranian Foreign Minister for Special Political Affairs",
        "Senior Assistant to Iranian Foreign Minister for Special Political Affairs",
        "the Iranian Foreign Minister’s Senior Assistant for Special Political Affairs",
    ):
        assert normalize_title(written, khaji, dt.date(2019, 9, 24)) == (
            "Senior Assistant to the Foreign Minister for Special Political Affairs",
            "Ministry of Foreign Affairs of Iran",
        )


NEW_PEOPLE = (
    "Damascus, SANA – Foreign and Expatriates Minister Walid al-Moallem received on Sunday "
    "Jorge Arreaza, Foreign Minister of Venezuela, and the accompanying delegation.\n\n"
    "Arreaza said his country stands by Syria. Later, al-Moallem met Delcy Arreaza, "
    "Vice President of Venezuela.\n\n"
    "The meeting was attended by Deputy Foreign Minister Ayman Sousan and Hazem Sabbagh."
)


def test_new_people_are_found_through_the_formulas() -> None:
    analysis = analyze(NEW_PEOPLE, dt.date(2019, 1, 13), ["Hazem Sabbagh"])
    assert [e.name for e in analysis.discovered] == ["Jorge Arreaza", "Delcy Arreaza"]
    jorge = next(e for e in analysis.discovered if e.name == "Jorge Arreaza")
    delcy = next(e for e in analysis.discovered if e.name == "Delcy Arreaza")
    by_surface = [
        (m.surface, m.entity.name) for m in analysis.mentions if m.entity.kind == "person"
    ]
    assert by_surface == [
        ("Walid al-Moallem", "Walid al-Moallem"),
        ("Jorge Arreaza", "Jorge Arreaza"),
        ("Arreaza", "Jorge Arreaza"),  # the later short mention: the full name given earlier
        ("al-Moallem", "Walid al-Moallem"),
        ("Delcy Arreaza", "Delcy Arreaza"),  # sharing a surname, still a person of her own
        ("Ayman Sousan", "Ayman Sousan"),
    ]
    assert jorge is not delcy
    assert ("Jorge Arreaza", "Foreign Minister of Venezuela") in {
        (r.person.name, r.title) for r in analysis.roles
    }
    assert (jorge.country, delcy.country) == ("VE", "VE")  # from their titles
    assert [
        (
            m.kind,
            m.host_entity.name if m.host_entity else None,
            m.guest_entity.name if m.guest_entity else None,
            [a.name for a in m.attendee_entities],
        )
        for m in analysis.meetings
    ] == [
        ("received", "Walid al-Moallem", "Jorge Arreaza", []),
        ("met", "Walid al-Moallem", "Delcy Arreaza", ["Ayman Sousan"]),
    ]


def test_the_author_is_never_a_mention() -> None:
    analysis = analyze(NEW_PEOPLE, dt.date(2019, 1, 13), ["Hazem Sabbagh"])
    assert "Hazem Sabbagh" not in {m.entity.name for m in analysis.mentions}
    assert "Hazem Sabbagh" not in {e.name for e in analysis.discovered}


def test_two_people_sharing_a_surname_stay_two() -> None:
    text = "President Bashar al-Assad laid a wreath at the shrine of late President Hafez al-Assad."
    names = [m.entity.name for m in analyze(text, dt.date(2019, 6, 10), []).mentions]
    assert names == ["Bashar al-Assad", "Hafez al-Assad"]


def test_a_title_alias_names_its_holder_only_while_the_role_is_theirs() -> None:
    text = "The talks were attended by the President and the Foreign Minister."
    named = [
        {m.entity.name for m in analyze(text, day, []).mentions}
        for day in (dt.date(2019, 6, 10), dt.date(2025, 1, 15), dt.date(2025, 6, 10))
    ]
    assert named == [{"Bashar al-Assad"}, set(), {"Ahmad al-Sharaa"}]


@pytest.mark.parametrize(
    ("published", "weekday", "expected"),
    [
        ("2019-09-24", "Tuesday", "2019-09-24"),
        ("2019-09-24", "Sunday", "2019-09-22"),
        ("2019-09-24", "Wednesday", "2019-09-18"),
        ("2019-09-24", None, "2019-09-24"),
    ],
)
def test_meeting_date_from_publication_and_weekday(
    published: str, weekday: str | None, expected: str
) -> None:
    assert str(meeting_date(dt.date.fromisoformat(published), weekday)) == expected


def test_warehouse_views_on_the_samples(db: Path) -> None:
    ingest([SAMPLES], db)
    with duckdb.connect(str(db), read_only=True) as con:
        # The current site's renderings are near-duplicates of the archive's bulletins.
        assert con.execute("select count(*), count(duplicate_of) from articles").fetchall() == [
            (10, 5)
        ]
        assert con.execute(
            "select year, country, host, kind, n_meetings from meetings_per_country_year"
        ).fetchall() == [
            (2016, "IR", "Ali Haidar", "met", 1),
            (2016, "IR", "Bashar al-Assad", "met", 1),
            (2016, "IR", "Walid al-Moallem", "met", 1),
            (2019, "IR", "Bashar al-Assad", "received", 2),
            (2019, "IR", "Walid al-Moallem", "met", 1),
            (2020, "IR", "Bashar al-Assad", "received", 2),
            (2020, "IR", "Walid al-Moallem", "discussed", 2),
        ]
        assert con.execute(
            "select month, n_mentions from mentions_per_entity_month where name = 'Idlib'"
        ).fetchall() == [
            (dt.date(2019, 7, 1), 1),
            (dt.date(2019, 9, 1), 1),
            (dt.date(2020, 2, 1), 2),
            (dt.date(2020, 8, 1), 1),
        ]
        assert con.execute(
            "select participant from meeting_attendance where role = 'attendee' "
            "and meeting_date = date '2019-07-30' order by participant"
        ).fetchall() == [("Bouthaina Shaaban",), ("Fayssal Mikdad",), ("Shafiq Dayyoub",)]
        assert con.execute(
            "select alias from entity_aliases join entities using (entity_id) "
            "where name = 'Fayssal Mikdad' order by alias"
        ).fetchall() == [
            ("Faisal Mekdad",),
            ("Faisal al-Miqdad",),
            ("Fayssal Mikdad",),
            ("Mekdad",),
            ("Mikdad",),
            ("al-Mikdad",),
            ("al-Miqdad",),
        ]


def _write(directory: Path, name: str, text: str, url: str, published: str) -> None:
    directory.mkdir(exist_ok=True)
    (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    (directory / f"{name}.json").write_text(
        f'{{"url": "{url}", "published": "{published}"}}', encoding="utf-8"
    )


def test_near_duplicates_point_at_the_earliest_copy(tmp_path: Path, db: Path) -> None:
    text = (TEXT_SAMPLES / "002_22b12b3928bf7f46.txt").read_text(encoding="utf-8")
    edited = text.replace("the upcoming round of Astana talks", "the coming round of Astana talks")
    _write(tmp_path / "a", "first", text, "https://archive.sana.sy/en/?p=1", "2019-07-30")
    _write(tmp_path / "b", "republished", edited, "https://archive.sana.sy/en/?p=2", "2019-08-02")
    _write(tmp_path / "c", "older", edited, "https://archive.sana.sy/en/?p=3", "2019-07-29")
    query = "select url, duplicate_of is null, (select url from articles o where o.article_id = a.duplicate_of) from articles a order by url"
    ingest([tmp_path / "a"], db)
    ingest([tmp_path / "b"], db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(query).fetchall() == [
            ("https://archive.sana.sy/en/?p=1", True, None),
            ("https://archive.sana.sy/en/?p=2", False, "https://archive.sana.sy/en/?p=1"),
        ]
    ingest([tmp_path / "c"], db)  # an earlier copy arrives later (a backfill)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(query).fetchall() == [
            ("https://archive.sana.sy/en/?p=1", False, "https://archive.sana.sy/en/?p=3"),
            ("https://archive.sana.sy/en/?p=2", False, "https://archive.sana.sy/en/?p=3"),
            ("https://archive.sana.sy/en/?p=3", True, None),
        ]


def _derived(found: Enrichment) -> tuple[object, ...]:
    return (
        [(m.entity.entity_id, m.start, m.end) for m in found.mentions],
        [(r.person.entity_id, r.title) for r in found.roles],
        [
            (m.kind, m.host.text, m.guest.text if m.guest else None, m.meeting_date)
            for m in found.meetings
        ],
        [(e.kind, e.cameo_code, e.actor.text if e.actor else None) for e in found.events],
    )


def test_enrich_reads_only_what_the_warehouse_stores(db: Path) -> None:
    """A bulletin rebuilt from the warehouse's rows (no HTML, no captions or links) derives
    the same mentions, roles, meetings and events as the parsed one."""
    ingest([TEXT_SAMPLES], db)
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute(
            "select url, source, headline, published_date, dateline, weekday, desk, "
            "(select list(text order by position) from paragraphs p "
            " where p.article_id = a.article_id), "
            "(select list(name order by position) from article_authors join authors "
            " using (author_id) where article_authors.article_id = a.article_id) "
            "from articles a order by url"
        ).fetchall()
    assert len(stored) == 5
    for url, source, headline, day, dateline, weekday, desk, paragraphs, authors in stored:
        rebuilt = Bulletin(
            url, source, headline, day, dateline, weekday, authors or [], desk, [], [], paragraphs
        )
        seed = next(s for s in GOLDEN_MEETINGS if bulletin(s).url == url)
        assert _derived(enrich(rebuilt)) == _derived(enrich(bulletin(seed)))
