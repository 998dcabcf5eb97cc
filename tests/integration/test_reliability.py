"""Crash safety and concurrency: a killed run leaves the warehouse with whole batches, never
part of one; a second run is refused with a clear message; readers wait out a publication."""

from __future__ import annotations

import math
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl.load.warehouse import Warehouse, writer_lock
from etl.runs.ingest import ingest, ingest_documents
from etl.sources.files import iter_documents
from tests.conftest import SAMPLES, TEXT_SAMPLES

# Columns that differ between two runs that load the same data.
_RUN_COLUMNS = {
    "articles": "* exclude (first_run_id, last_run_id)",
    "documents": "* exclude (first_run_id)",
}
TABLES = [
    "articles",
    "paragraphs",
    "authors",
    "article_authors",
    "related_links",
    "captions",
    "documents",
    "entities",
    "entity_aliases",
    "mentions",
    "person_roles",
    "meetings",
    "meeting_participants",
]


def state(db: Path) -> dict[str, list[tuple[object, ...]]] | None:
    """The warehouse's data, run ids aside; None when there is no warehouse yet."""
    if not db.exists():
        return None
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: sorted(
                con.execute(f"select {_RUN_COLUMNS.get(t, '*')} from {t}").fetchall(), key=repr
            )
            for t in TABLES
        }


def start_ingest(db: Path, *paths: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "ingest",
            *map(str, paths),
            "--db",
            str(db),
            "--batch-size",
            str(BATCH),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


BATCH = 4


def test_a_run_killed_at_random_points_leaves_whole_batches(tmp_path: Path) -> None:
    """SIGKILL a run at seeded random points: the warehouse is always as it was before the
    run or after one of its batches, never inside one; the next run completes it, and the
    killed run is recorded as failed."""
    before_db = tmp_path / "before.duckdb"
    ingest([TEXT_SAMPLES], before_db)
    documents = list(iter_documents([SAMPLES]))
    # The states a run may leave: the warehouse after each of its batches (cut alike).
    allowed = []
    for n_batches in range(math.ceil(len(documents) / BATCH) + 1):
        reference = tmp_path / f"reference-{n_batches}.duckdb"
        shutil.copyfile(before_db, reference)
        ingest_documents(documents[: n_batches * BATCH], reference, batch_size=BATCH)
        allowed.append(state(reference))
    after = allowed[-1]
    assert allowed[0] != after

    # An uninterrupted run in a process, for the range of the kills.
    timed = tmp_path / "timed.duckdb"
    shutil.copyfile(before_db, timed)
    started = time.perf_counter()
    assert start_ingest(timed, SAMPLES).wait(timeout=300) == 0
    duration = time.perf_counter() - started
    assert state(timed) == after

    db = tmp_path / "w.duckdb"
    shutil.copyfile(before_db, db)
    rng = random.Random(20261124)
    outcomes = []
    for _ in range(5):
        process = start_ingest(db, SAMPLES)
        time.sleep(rng.uniform(0.4, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        observed = state(db)
        assert observed in allowed, f"inside a batch; kills so far left {outcomes}"
        outcomes.append(allowed.index(observed))
        if observed == after:
            break
    # The next run completes, and nothing is lost or doubled.
    finished = start_ingest(db, SAMPLES)
    assert finished.wait(timeout=300) == 0, "the run after the kills did not complete"
    assert state(db) == after
    assert any(0 < n < len(allowed) - 1 for n in outcomes), outcomes  # killed between batches
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = [s for (s,) in con.execute("select status from ingest_runs").fetchall()]
    assert "running" not in statuses and statuses.count("succeeded") == 2


def test_a_second_run_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with writer_lock(db, name="run"):  # what a running ingest holds
        result = subprocess.run(
            [sys.executable, "-m", "etl", "ingest", str(TEXT_SAMPLES), "--db", str(db)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith(f"error: {db} is being written by pid {os.getpid()} since ")
    assert line.endswith("; try again when it finishes")
    assert not db.exists()


def test_readers_wait_while_a_batch_publishes_then_read(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    ingest([TEXT_SAMPLES], db)
    with Warehouse(db) as writer:
        writer.con.begin()
        writer.con.execute("delete from articles")  # a batch being published, not committed
        reader = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "etl",
                "sql",
                "select count(*) from articles",
                "--db",
                str(db),
                "--format",
                "csv",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)
        assert reader.poll() is None  # waiting for the file, not failing
        writer.con.rollback()
    out, err = reader.communicate(timeout=60)
    assert (reader.returncode, out) == (0, "count_star()\n5\n"), err
