"""The Airflow publish step crashed at every kind of point, then retried as Airflow retries
it: the batch ends published exactly once, with its checks and counters recorded once."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from etl.load import staging
from etl.load.warehouse import Warehouse
from etl.runs import steps
from tests.conftest import TEXT_SAMPLES
from tests.dags.conftest import rows
from tests.integration.test_reliability import state

UTC = dt.UTC
# What one batch leaves in the warehouse besides its articles: the ledger's bookkeeping.
BOOKKEEPING = {
    "dq_results": "select count(*) from dq_results",
    "run_batches": "select batch_no, tally from run_batches order by batch_no",
    "rejects": "select count(*) from rejects",
    "runs": "select count(*) from ingest_runs",
}


def full_state(db: Path) -> dict[str, Any] | None:
    found = state(db)
    if found is None:
        return None
    return {**found, **{name: rows(db, query) for name, query in BOOKKEEPING.items()}}


def validated_batch(db: Path, airflow_run: str) -> dict[str, Any]:
    """The first batch of a backfill of the text samples, fetched, parsed, staged and
    validated: what the publish task receives."""
    run_id = steps.ledger_run_id("d", airflow_run, dt.datetime(2026, 1, 1, tzinfo=UTC))
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(TEXT_SAMPLES), batch_size=3, db=db
    )
    return steps.validate_batch(steps.parse_batch(steps.fetch_batch(batches[0])))


def test_a_crash_inside_the_transaction_publishes_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = validated_batch(db, "inside")
    real = Warehouse.record_batch

    def crash(self: Warehouse, *args: Any) -> None:
        raise RuntimeError("worker lost")

    monkeypatch.setattr(Warehouse, "record_batch", crash)
    with pytest.raises(RuntimeError, match="worker lost"):
        steps.publish_batch(batch, db=db)
    # The batch's rows and checks were rolled back with it; only the ledger's run is open.
    assert rows(db, "select count(*) from articles") == [(0,)]
    assert rows(db, "select count(*) from dq_results") == [(0,)]
    assert rows(db, "select count(*) from run_batches") == [(0,)]
    assert Path(batch["dir"]).is_dir()

    monkeypatch.setattr(Warehouse, "record_batch", real)
    tally = steps.publish_batch(batch, db=db)
    counts = (tally["n_seen"], tally["n_new"], tally["n_unchanged"], tally["n_checks"])
    assert counts == (3, 3, 0, 41)
    assert rows(db, "select count(*) from articles") == [(3,)]
    assert rows(db, "select count(*) from dq_results") == [(41,)]


def test_a_crash_after_the_commit_is_not_published_twice(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = validated_batch(db, "after")
    real = staging.discard

    def crash(directory: Path) -> None:
        raise KeyboardInterrupt  # the task is killed between the commit and the clean-up

    monkeypatch.setattr(staging, "discard", crash)
    with pytest.raises(KeyboardInterrupt):
        steps.publish_batch(batch, db=db)
    published = full_state(db)
    monkeypatch.setattr(staging, "discard", real)
    tally = steps.publish_batch(batch, db=db)
    # The retry says what the first attempt did (3 new, not 3 unchanged) and writes nothing.
    assert (tally["n_new"], tally["n_unchanged"], tally["n_checks"]) == (3, 0, 41)
    assert full_state(db) == published
    assert rows(db, "select count(*) from dq_results") == [(41,)]
    assert not Path(batch["dir"]).exists()  # the retry finished the clean-up


PUBLISH = """
import json, sys
from pathlib import Path
from etl.runs import steps
steps.publish_batch(json.loads(Path(sys.argv[1]).read_text()), db=Path(sys.argv[2]))
"""


def publish_in_a_process(batch: dict[str, Any], db: Path, where: Path) -> subprocess.Popen[bytes]:
    """Start a publish task for a copy of the staged batch at `where` (publishing it
    removes the staged files)."""
    shutil.copytree(batch["dir"], where)
    spec = where.with_suffix(".json")
    spec.write_text(json.dumps({**batch, "dir": str(where)}), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-c", PUBLISH, str(spec), str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_publish_killed_at_random_points_then_retried(tmp_path: Path, db: Path) -> None:
    """Trials on copies of one warehouse: SIGKILL the publish task at a seeded random point,
    check that the warehouse is as before the batch or as after it, then retry the task as
    Airflow does and check that it ends as an uninterrupted publish does."""
    batch = validated_batch(db, "killed")
    Warehouse(db).close()  # the warehouse exists, empty, before the batch
    before = full_state(db)
    reference = tmp_path / "reference.duckdb"
    shutil.copyfile(db, reference)
    started = time.perf_counter()
    assert publish_in_a_process(batch, reference, tmp_path / "reference").wait() == 0
    duration = time.perf_counter() - started  # the range of the kills
    after = full_state(reference)
    assert before != after

    rng = random.Random(20261124)
    outcomes = []
    for trial in range(6):
        trial_db = tmp_path / f"trial-{trial}.duckdb"
        shutil.copyfile(db, trial_db)
        process = publish_in_a_process(batch, trial_db, tmp_path / f"killed-{trial}")
        time.sleep(rng.uniform(0.5, 1.2) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        observed = full_state(trial_db)
        assert observed in (before, after), f"between before and after; so far {outcomes}"
        outcomes.append("after" if observed == after else "before")
        retry = publish_in_a_process(batch, trial_db, tmp_path / f"retry-{trial}")
        assert retry.wait(timeout=120) == 0
        assert full_state(trial_db) == after, f"trial {trial} after a kill {outcomes[-1]}"
    assert "before" in outcomes, outcomes  # some kills landed before the commit
