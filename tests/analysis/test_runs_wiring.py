"""The Airflow steps keep search current after each published batch, and summarize writes
the report."""

from __future__ import annotations

import datetime as dt
from contextlib import closing
from pathlib import Path

from etl.analysis.search import search
from etl.load.warehouse import connect_read_only
from etl.runs import steps
from tests.conftest import TEXT_SAMPLES


def _urls(db: Path, query: str) -> list[str]:
    with closing(connect_read_only(db)) as con:
        return [str(hit.url) for hit in search(con, query).hits]


def test_each_published_batch_is_searchable_and_summarize_writes_the_report(
    db: Path, bulletins_home: Path
) -> None:
    run_id = steps.ledger_run_id("d", "r1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    found_after_each = []
    tallies = []
    for batch in batches:
        validated = steps.validate_batch(steps.parse_batch(steps.fetch_batch(batch)))
        tallies.append(steps.publish_batch(validated, db=db))
        found_after_each.append(len(_urls(db, "Asghar")))
    # "Asghar" is in four of the five samples: 000, 001 and 002 make the first batch, 003
    # the second.
    assert found_after_each == [3, 4]
    assert _urls(db, "Kharrazi") == ["https://archive.sana.sy/en/?p=75412"]

    summary = steps.summarize_run(run_id, trigger="airflow:test", results=tallies, db=db)
    report = bulletins_home.resolve() / "report" / "index.html"
    assert summary["report"] == str(report)
    page = report.read_text(encoding="utf-8")
    assert "5 bulletins from 2016-04-09 to 2020-08-17" in page
    assert run_id in page
