"""Crash safety and concurrency: a killed run leaves the warehouse as before it or as after
it, never between; a second writer is refused with a clear message; readers keep reading."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl.load.warehouse import Warehouse
from etl.runs.ingest import ingest
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
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_run_killed_at_random_points_leaves_the_warehouse_before_or_after(tmp_path: Path) -> None:
    reference = tmp_path / "reference.duckdb"
    ingest([TEXT_SAMPLES], reference)
    before = state(reference)
    ingest([SAMPLES], reference)
    after = state(reference)
    assert before != after

    db = tmp_path / "w.duckdb"
    ingest([TEXT_SAMPLES], db)
    rng = random.Random(20261124)
    outcomes = []
    for _ in range(5):
        process = start_ingest(db, SAMPLES)
        time.sleep(rng.uniform(0.5, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        observed = state(db)
        assert observed in (before, after), f"between before and after, kills so far: {outcomes}"
        outcomes.append("after" if observed == after else "before")
        if observed == after:
            break
    # The next run completes, and nothing is lost or doubled.
    finished = start_ingest(db, SAMPLES)
    assert finished.wait(timeout=300) == 0, "the run after the kills did not complete"
    assert state(db) == after
    assert not db.with_name(db.name + ".next").exists()
    assert "before" in outcomes  # at least one kill landed mid-run


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse(db):
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


def test_readers_keep_reading_while_a_run_writes(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    ingest([TEXT_SAMPLES], db)
    with Warehouse(db, shadow=True) as writer:
        writer.con.execute("delete from articles")  # uncommitted work of a run in progress
        result = subprocess.run(
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
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stdout) == (0, "count_star()\n5\n")
    # Closed without commit: the run's writes are thrown away.
    assert state(db) is not None and len(state(db)["articles"]) == 5  # type: ignore[index]
