"""sql/views/events_per_country_year.sql on given rows: exact rows expected."""

from __future__ import annotations

from pathlib import Path

from etl.load.warehouse import Warehouse

ARTICLES = [
    # article_id, duplicate_of
    ("a1", None),
    ("a2", None),
    ("a3", "a1"),  # a near-duplicate of a1: its events are not counted again
]
ENTITIES = [
    ("sy", "Syria", "country", "SY"),
    ("il", "Israel", "country", "IL"),
    ("ru", "Russia", "country", "RU"),
    ("assad", "Bashar al-Assad", "person", "SY"),
    ("putin", "Vladimir Putin", "person", "RU"),
    ("lavrov", "Sergey Lavrov", "person", "RU"),
]
EVENTS = [
    # event_id, article_id, event_date, kind, actor_id, target_id, cameo_code
    ("e1", "a1", "2019-03-01", "condemned", "sy", "il", "111"),
    ("e2", "a1", "2019-07-09", "condemned", "sy", "il", "111"),
    ("e3", "a2", "2019-12-31", "condoled", "assad", "putin", "018"),
    ("e4", "a2", "2020-01-01", "congratulated", "putin", "assad", "051"),  # target Syrian
    ("e5", "a2", "2020-02-02", "visited", "lavrov", None, "042"),  # no target entity
    ("e6", "a2", "2020-02-03", "condemned", "sy", None, "111"),  # an act, no country
    ("e7", "a3", "2019-03-01", "condemned", "sy", "il", "111"),  # in the near-duplicate
]


def test_events_per_country_year(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as warehouse:
        con = warehouse.con
        for article_id, duplicate_of in ARTICLES:
            con.execute(
                "insert into articles (article_id, source, headline, body, word_count, "
                "content_hash, parser_version, document_id, simhash, duplicate_of, "
                "first_run_id, last_run_id) "
                "values ($id, 'local', 'h', 'b', 1, 'x', '1', 'd', 0, $dup, 'r', 'r')",
                {"id": article_id, "dup": duplicate_of},
            )
        con.executemany("insert into entities values (?, ?, ?, ?)", ENTITIES)
        for event_id, article_id, day, kind, actor, target, cameo in EVENTS:
            con.execute(
                "insert into events (event_id, article_id, event_date, kind, actor_id, "
                "target_id, actor, target, place, sentence, cameo_code) "
                "values ($e, $a, $d::date, $k, $actor, $target, 'as written', null, "
                "'Damascus', 'the sentence', $c)",
                {
                    "e": event_id,
                    "a": article_id,
                    "d": day,
                    "k": kind,
                    "actor": actor,
                    "target": target,
                    "c": cameo,
                },
            )
        rows = con.execute(
            "select year, country, kind, cameo_code, n_events from events_per_country_year"
        ).fetchall()
    assert rows == [
        (2019, "IL", "condemned", "111", 2),
        (2019, "RU", "condoled", "018", 1),
        (2020, "RU", "congratulated", "051", 1),
        (2020, "RU", "visited", "042", 1),
        (2020, "SY", "condemned", "111", 1),
    ]
