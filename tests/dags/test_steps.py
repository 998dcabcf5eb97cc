"""The DAGs' steps without Airflow: the functions each task calls, run in order here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from etl.runs import steps
from etl.runs.engine import StagedByOtherCode, stage_format
from tests.conftest import TEXT_SAMPLES
from tests.dags.conftest import LEDGER, rows
from tests.integration.test_wet import URLS, write_wet

UTC = dt.UTC


@pytest.mark.parametrize(
    ("start", "end", "look_back", "expected"),
    [
        # A daily run covers its day (the interval's end is exclusive), plus the look-back.
        (dt.datetime(2025, 10, 27, tzinfo=UTC), dt.datetime(2025, 10, 28, tzinfo=UTC), 0,
         ("2025-10-27", "2025-10-27")),
        (dt.datetime(2025, 10, 27, tzinfo=UTC), dt.datetime(2025, 10, 28, tzinfo=UTC), 2,
         ("2025-10-25", "2025-10-27")),
        # An interval across midnight takes both days.
        (dt.datetime(2025, 10, 27, 2, tzinfo=UTC), dt.datetime(2025, 10, 28, 2, tzinfo=UTC), 0,
         ("2025-10-27", "2025-10-28")),
        # A manual run's empty interval is its day.
        (dt.datetime(2025, 10, 27, 9, tzinfo=UTC), dt.datetime(2025, 10, 27, 9, tzinfo=UTC), 1,
         ("2025-10-26", "2025-10-27")),
    ],
)  # fmt: skip
def test_nightly_window(
    start: dt.datetime, end: dt.datetime, look_back: int, expected: tuple[str, str]
) -> None:
    since, until = steps.nightly_window(start, end, look_back)
    assert (since.isoformat(), until.isoformat()) == expected


def test_the_ledger_run_id_is_the_same_for_every_task_of_a_dag_run() -> None:
    after = dt.datetime(2026, 11, 24, 11, 25, 1, tzinfo=UTC)
    one = steps.ledger_run_id("bulletins_backfill", "manual__2026-11-24T11:25:01", after)
    assert one == steps.ledger_run_id("bulletins_backfill", "manual__2026-11-24T11:25:01", after)
    assert one.startswith("20261124T112501Z-") and len(one) == len("20261124T112501Z-") + 6
    assert one != steps.ledger_run_id("bulletins_backfill", "manual__other", after)
    assert one != steps.ledger_run_id("bulletins_nightly", "manual__2026-11-24T11:25:01", after)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"source": "ftp"}, "source must be one of archive-site, wayback, path"),
        ({"source": "path"}, "source 'path' needs a path"),
        ({"source": "path", "path": "samples", "from_date": "2020-01-01"}, "apply to the sites"),
        ({"source": "archive-site", "path": "samples"}, "path applies to source 'path'"),
        ({"source": "archive-site", "from_date": "2020-02-01", "to_date": "2020-01-01"},
         "from_date 2020-02-01 is after to_date 2020-01-01"),
        ({"source": "wayback", "from_date": "01/02/2020"}, "not a date"),
        ({"source": "path", "path": "no/such/dir"}, "does not exist"),
    ],
)  # fmt: skip
def test_backfill_parameters_that_do_not_go_together(
    params: dict[str, Any], message: str, db: Path
) -> None:
    with pytest.raises(ValueError, match=message):
        steps.plan_backfill("r", "airflow:test", db=db, **params)


def run_batches(
    batches: list[dict[str, Any]], db: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the mapped task group does, batch by batch: what each publish task received,
    and what it returned."""
    validated = [steps.validate_batch(steps.parse_batch(steps.fetch_batch(b))) for b in batches]
    return validated, [steps.publish_batch(batch, db=db) for batch in validated]


def test_the_steps_in_order_publish_the_batches_once(db: Path, bulletins_home: Path) -> None:
    run_id = steps.ledger_run_id("d", "r1", dt.datetime(2026, 1, 1, tzinfo=UTC))
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    assert [(b["batch_no"], b["n_items"]) for b in batches] == [(1, 3), (2, 2)]
    validated, tallies = run_batches(batches, db)
    assert [(t["n_seen"], t["n_new"], t["n_warnings"]) for t in tallies] == [(3, 3, 1), (2, 2, 0)]
    # A publish task retried after it finished changes nothing and says the same.
    assert steps.publish_batch(validated[1], db=db) == tallies[1]
    assert rows(db, "select count(*) from documents") == [(5,)]
    summary = steps.summarize_run(run_id, trigger="airflow:test", results=tallies, db=db)
    assert summary["status"] == "succeeded"
    assert rows(db, LEDGER) == [("airflow:test", "succeeded", 5, 5, 0, 0, 0, 0, 1, None)]
    assert not (bulletins_home / "staging" / run_id).exists()


def test_the_steps_take_a_wet_file(db: Path, tmp_path: Path) -> None:
    """A backfill over a Common Crawl WET file: its SANA articles are planned as records at
    their offsets, parsed from there and published; its other records are not items."""
    wet = write_wet(tmp_path / "CC-MAIN-20240220-00000.warc.wet.gz")
    run_id = steps.ledger_run_id("d", "wet", dt.datetime(2026, 1, 3, tzinfo=UTC))
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(wet), batch_size=4, db=db
    )
    assert [(b["batch_no"], b["n_items"]) for b in batches] == [(1, 4), (2, 2)]
    _, tallies = run_batches(batches, db)
    assert [(t["n_seen"], t["n_new"], t["n_rejected"]) for t in tallies] == [(4, 4, 0), (2, 1, 1)]
    assert rows(db, "select url from articles order by url") == sorted(
        (url,) for url in URLS.values()
    )


def test_a_batch_that_did_not_finish_fails_the_run(db: Path) -> None:
    run_id = steps.ledger_run_id("d", "r2", dt.datetime(2026, 1, 2, tzinfo=UTC))
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    _, first = run_batches(batches[:1], db)
    # The orchestrator hands over what finished: one of two batches.
    summary = steps.summarize_run(run_id, trigger="airflow:test", results=first[0], db=db)
    assert summary["status"] == "failed"
    assert summary["line"].endswith("1 of 2 batches did not finish")
    assert rows(db, LEDGER) == [("airflow:test", "failed", 3, 3, 0, 0, 0, 0, 1, None)]


def test_a_run_whose_discovery_failed_is_recorded_as_failed(db: Path) -> None:
    summary = steps.summarize_run(
        "20260101T000000Z-abcdef", trigger="airflow:t", results=None, db=db
    )
    assert (summary["status"], summary["n_batches"]) == ("failed", 0)
    assert rows(db, "select run_id, status, n_seen from ingest_runs") == [
        ("20260101T000000Z-abcdef", "failed", 0)
    ]


def test_a_cleared_run_planned_again_publishes_its_new_batches(db: Path) -> None:
    """An Airflow run cleared after its first batch was published plans again: the loaded
    documents are skipped and the rest are cut into batches numbered from 1 again. The new
    batch 1 holds other inputs than the published batch 1, so it is published, not taken
    for it (a batch is known by the digest of its inputs, not by its number)."""
    run_id = steps.ledger_run_id("d", "cleared", dt.datetime(2026, 1, 3, tzinfo=UTC))
    first_plan = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    _, published = run_batches(first_plan[:1], db)
    assert published[0]["n_new"] == 3
    # Cleared: discover runs again, and finds the first batch's documents loaded.
    second_plan = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    assert [(b["batch_no"], b["n_items"]) for b in second_plan] == [(1, 2)]
    _, again = run_batches(second_plan, db)
    assert (again[0]["n_seen"], again[0]["n_new"]) == (2, 2)
    assert rows(db, "select count(*) from articles") == [(5,)]
    assert rows(db, "select batch_no, count(*) from run_batches group by batch_no") == [(1, 2)]


def test_a_batch_staged_by_other_code_is_refused(db: Path) -> None:
    """A worker running another version of the code must not misread a staged batch."""
    run_id = steps.ledger_run_id("d", "versions", dt.datetime(2026, 1, 4, tzinfo=UTC))
    (batch,) = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=5, db=db
    )
    parsed = steps.parse_batch(steps.fetch_batch(batch))
    manifest = Path(parsed["dir"]) / "manifest.json"
    staged = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**staged, "format": "0/0/000000000000"}))
    with pytest.raises(StagedByOtherCode) as refused:
        steps.validate_batch(parsed)
    assert str(refused.value) == (
        f"batch {parsed['dir']} was staged by other code (staging format '0/0/000000000000', "
        f"this worker's {stage_format()!r}: parser, enrichment rules and staged columns): run "
        "the same version of etl on every worker"
    )
