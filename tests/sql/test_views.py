"""The analyst views of sql/views/ and the checks of sql/checks/ on given rows: exact rows
expected. (events_per_country_year has its own file.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.load import staging
from etl.load.warehouse import Warehouse

D = dt.date


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new warehouse's connection (tables and views created), filled by each test."""
    with Warehouse(tmp_path / "w.duckdb") as warehouse:
        yield warehouse.con


def article(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    *,
    day: str | None,
    source: str = "sana-archive",
    words: int = 100,
    url: str | None = None,
    headline: str = "h",
    duplicate_of: str | None = None,
) -> None:
    con.execute(
        "insert into articles (article_id, url, source, headline, published_date, body, "
        "word_count, content_hash, parser_version, document_id, simhash, duplicate_of, "
        "first_run_id, last_run_id) values ($id, $url, $source, $headline, $day::date, 'b', "
        "$words, 'x', '2', 'd', 0, $dup, 'r', 'r')",
        {
            "id": article_id,
            "url": url,
            "source": source,
            "headline": headline,
            "day": day,
            "words": words,
            "dup": duplicate_of,
        },
    )


def entity(
    con: duckdb.DuckDBPyConnection, entity_id: str, name: str, kind: str, country: str | None
) -> None:
    con.execute("insert into entities values (?, ?, ?, ?)", [entity_id, name, kind, country])


def rows(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[Any, ...]]:
    return con.execute(query).fetchall()


def test_bulletins_per_month(con: duckdb.DuckDBPyConnection) -> None:
    article(con, "a1", day="2019-09-24", words=300)
    article(con, "a2", day="2019-09-02", words=120)
    article(con, "a3", day="2019-10-01", source="sana", words=50)
    article(con, "a4", day=None, words=999)  # undated: left out
    assert rows(con, "select * from bulletins_per_month") == [
        (D(2019, 9, 1), "sana-archive", 2, 420),
        (D(2019, 10, 1), "sana", 1, 50),
    ]


def test_output_per_author(con: duckdb.DuckDBPyConnection) -> None:
    article(con, "a1", day="2019-09-24", words=300)
    article(con, "a2", day="2020-08-17", words=200)
    article(con, "a3", day="2016-04-09", words=100)
    con.execute("insert into authors values ('h', 'Hazem Sabbagh'), ('m', 'Manal')")
    con.execute(
        "insert into article_authors values ('a1', 'h', 1), ('a2', 'h', 1), ('a2', 'm', 2), "
        "('a3', 'm', 1)"
    )
    assert rows(con, "select * from output_per_author") == [
        ("h", "Hazem Sabbagh", 2, 1, 500, D(2019, 9, 24), D(2020, 8, 17)),
        ("m", "Manal", 2, 1, 300, D(2016, 4, 9), D(2020, 8, 17)),
    ]


def test_related_link_graph(con: duckdb.DuckDBPyConnection) -> None:
    article(con, "a1", day="2019-09-24", url="https://archive.sana.sy/en/?p=1", headline="One")
    article(con, "a2", day="2019-09-25", url="https://archive.sana.sy/en/?p=2", headline="Two")
    con.execute(
        "insert into related_links values "
        "('a1', 1, 'check_also', 'Two', 'teaser …', 'https://archive.sana.sy/en/?p=2'), "
        "('a1', 2, 'related', 'Elsewhere', null, 'https://archive.sana.sy/en/?p=9'), "
        "('a2', 1, 'inline', 'No address', null, null)"
    )
    assert rows(con, "select * from related_link_graph order by from_article_id, position") == [
        ("a1", "One", "check_also", 1, "Two", "https://archive.sana.sy/en/?p=2", "a2"),
        ("a1", "One", "related", 2, "Elsewhere", "https://archive.sana.sy/en/?p=9", None),
        ("a2", "Two", "inline", 1, "No address", None, None),
    ]


def meetings_fixture(con: duckdb.DuckDBPyConnection) -> None:
    for args in (
        ("assad", "Bashar al-Assad", "person", "SY"),
        ("khaji", "Ali Asghar Khaji", "person", "IR"),
        ("mikdad", "Faisal al-Miqdad", "person", "SY"),
        ("lavrov", "Sergey Lavrov", "person", "RU"),
        ("sabbagh", "Hazem Sabbagh", "person", "SY"),
    ):
        entity(con, *args)
    article(con, "a1", day="2019-09-24", url="u1", headline="Khaji received")
    article(con, "a2", day="2020-08-17", url="u2", headline="Khaji again")
    article(con, "a3", day="2020-08-18", url="u3", headline="copy", duplicate_of="a2")
    article(con, "a4", day="2021-03-01", url="u4", headline="Lavrov and al-Miqdad")
    article(con, "a5", day="2021-05-05", url="u5", headline="A delegation")
    con.execute(
        "insert into meetings (meeting_id, article_id, meeting_date, place, host_id, guest_id, "
        "kind, guest_country) values "
        "('m1', 'a1', '2019-09-24', 'Damascus', 'assad', 'khaji', 'received', null), "
        "('m2', 'a2', '2020-08-17', 'Damascus', 'assad', 'khaji', 'received', null), "
        "('m3', 'a3', '2020-08-17', 'Damascus', 'assad', 'khaji', 'received', null), "
        "('m4', 'a4', '2021-03-01', 'Moscow', 'lavrov', 'mikdad', 'met', null), "
        "('m5', 'a5', '2021-05-05', 'Damascus', 'assad', null, 'received', 'IR')"
    )
    con.execute(
        "insert into meeting_participants values "
        "('m1', 'assad', 'host'), ('m1', 'khaji', 'guest'), ('m1', 'sabbagh', 'attendee'), "
        "('m2', 'assad', 'host'), ('m2', 'khaji', 'guest'), "
        "('m3', 'assad', 'host'), ('m3', 'khaji', 'guest'), "
        "('m4', 'lavrov', 'host'), ('m4', 'mikdad', 'guest'), ('m5', 'assad', 'host')"
    )


def test_meetings_per_country_year(con: duckdb.DuckDBPyConnection) -> None:
    meetings_fixture(con)
    assert rows(con, "select * from meetings_per_country_year") == [
        (2019, "IR", "Bashar al-Assad", "received", 1),
        (2020, "IR", "Bashar al-Assad", "received", 1),  # the copy counted once
        (2021, "IR", "Bashar al-Assad", "received", 1),  # an unnamed guest, by its country
        (2021, "RU", "Sergey Lavrov", "met", 1),  # the guest is Syrian: the host's country
    ]


def test_meeting_attendance(con: duckdb.DuckDBPyConnection) -> None:
    meetings_fixture(con)
    assert rows(con, "select * exclude (url) from meeting_attendance") == [
        ("m1", D(2019, 9, 24), "received", "Bashar al-Assad", "Ali Asghar Khaji", "attendee",
         "Hazem Sabbagh", "Khaji received"),
        ("m1", D(2019, 9, 24), "received", "Bashar al-Assad", "Ali Asghar Khaji", "guest",
         "Ali Asghar Khaji", "Khaji received"),
        ("m1", D(2019, 9, 24), "received", "Bashar al-Assad", "Ali Asghar Khaji", "host",
         "Bashar al-Assad", "Khaji received"),
        ("m2", D(2020, 8, 17), "received", "Bashar al-Assad", "Ali Asghar Khaji", "guest",
         "Ali Asghar Khaji", "Khaji again"),
        ("m2", D(2020, 8, 17), "received", "Bashar al-Assad", "Ali Asghar Khaji", "host",
         "Bashar al-Assad", "Khaji again"),
        ("m4", D(2021, 3, 1), "met", "Sergey Lavrov", "Faisal al-Miqdad", "guest",
         "Faisal al-Miqdad", "Lavrov and al-Miqdad"),
        ("m4", D(2021, 3, 1), "met", "Sergey Lavrov", "Faisal al-Miqdad", "host",
         "Sergey Lavrov", "Lavrov and al-Miqdad"),
        ("m5", D(2021, 5, 5), "received", "Bashar al-Assad", None, "host",
         "Bashar al-Assad", "A delegation"),
    ]  # fmt: skip


def test_mentions_per_entity_month(con: duckdb.DuckDBPyConnection) -> None:
    entity(con, "idlib", "Idlib", "place", "SY")
    entity(con, "aleppo", "Aleppo", "place", "SY")
    article(con, "a1", day="2019-09-24")
    article(con, "a2", day="2019-09-30")
    article(con, "a3", day="2019-09-30", duplicate_of="a2")
    article(con, "a4", day=None)
    con.execute(
        "insert into mentions values "
        "('a1', 'idlib', 'Idlib', 0, 5, 1.0), ('a1', 'idlib', 'Idleb', 20, 25, 0.97), "
        "('a2', 'idlib', 'Idlib', 0, 5, 1.0), ('a2', 'aleppo', 'Aleppo', 9, 15, 1.0), "
        "('a3', 'idlib', 'Idlib', 0, 5, 1.0), ('a4', 'idlib', 'Idlib', 0, 5, 1.0)"
    )
    assert rows(con, "select * from mentions_per_entity_month") == [
        ("idlib", "Idlib", "place", D(2019, 9, 1), 3, 2),
        ("aleppo", "Aleppo", "place", D(2019, 9, 1), 1, 1),
    ]


# -- the checks of sql/checks/, on a staged batch ------------------------------------------


@pytest.fixture
def staged(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """An empty staging catalog beside the warehouse, shaped as a staged batch."""
    con.execute("attach ':memory:' as staging")
    for table in staging.STAGED_TABLES:
        con.execute(f"create table staging.{table} as select * from main.{table} limit 0")
    con.execute("alter table staging.articles drop column duplicate_of")
    return con


def check(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> tuple[Any, ...]:
    result = staging.check(con, name, **params)
    return (
        result.success,
        result.observed_value,
        result.unexpected_count,
        result.unexpected_sample,
    )


def stage_article(con: duckdb.DuckDBPyConnection, article_id: str, content_hash: str = "x") -> None:
    con.execute(
        "insert into staging.articles (article_id, source, headline, body, word_count, "
        "content_hash, parser_version, document_id, simhash, first_run_id, last_run_id) "
        "values (?, 'local', 'h', 'b', 1, ?, '2', 'd', 0, 'r', 'r')",
        [article_id, content_hash],
    )


def test_no_orphans(staged: duckdb.DuckDBPyConnection) -> None:
    stage_article(staged, "a1")
    staged.execute("insert into staging.paragraphs values ('a1', 1, 'p', false)")
    assert check(staged, "no_orphans") == (True, "0 orphan rows", 0, None)
    staged.execute("insert into staging.paragraphs values ('zz', 1, 'p', false)")
    staged.execute("insert into staging.article_authors values ('a1', 'nobody', 1)")
    assert check(staged, "no_orphans") == (
        False,
        "2 orphan rows",
        2,
        '["article_authors.author_id: nobody","paragraphs: zz"]',
    )


def test_rejected_share(staged: duckdb.DuckDBPyConnection) -> None:
    for i in range(3):
        staged.execute(
            "insert into staging.documents (document_id, uri, media_type, size_bytes, "
            "content_hash, raw_location) values (?, ?, 'text/plain', 1, 'h', 'f')",
            [f"d{i}", f"file:///{i}"],
        )
    staged.execute(
        "insert into staging.rejects (uri, stage, reason, document_id) values "
        "('file:///0', 'parse', 'no text', 'd0'), ('file:///x', 'read', 'empty file', null)"
    )
    # 2 rejected of 4 inputs (3 documents and 1 unreadable input)
    assert check(staged, "rejected_share", max_share=0.5) == (
        True, "2 of 4 rejected (50.0%, limit 50.0%)", 2, '["no text","empty file"]',
    )  # fmt: skip
    assert check(staged, "rejected_share", max_share=0.4)[:2] == (
        False, "2 of 4 rejected (50.0%, limit 40.0%)",
    )  # fmt: skip


def test_published_matches_parsed(staged: duckdb.DuckDBPyConnection) -> None:
    stage_article(staged, "a1", "h1")
    stage_article(staged, "a2", "h2")
    article(staged, "a1", day=None)
    staged.execute("update main.articles set content_hash = 'h1' where article_id = 'a1'")
    assert check(staged, "published_matches_parsed") == (False, "1 published of 2 parsed", 1, None)
    article(staged, "a2", day=None)
    staged.execute("update main.articles set content_hash = 'h2' where article_id = 'a2'")
    assert check(staged, "published_matches_parsed") == (True, "2 published of 2 parsed", 0, None)
