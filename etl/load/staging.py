"""The staging area: each batch as Parquet files, audited before anything is published.

A batch is written to `$BULLETINS_HOME/staging/<run_id>/batch-NNNNN/<table>.parquet`. The
audit reads those files (GX on DataFrames, the cross-table SQL checks on an in-memory DuckDB)
and never touches the warehouse, so that only publication writes it.

An expectation about single rows that fails holds back only the articles owning the failing
rows: their rows move to `$BULLETINS_HOME/quarantine/<run_id>/batch-NNNNN/held/`, each
becomes a reject of stage `validate`, and the rest of the batch goes on. A check about the
batch as a whole that fails holds the whole batch back: its directory is moved to
`$BULLETINS_HOME/quarantine/<run_id>/` for inspection.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from etl import config, sqlfiles
from etl.load.quality import CheckResult
from etl.load.rows import SCHEMAS, Batch

if TYPE_CHECKING:
    import pandas as pd

    from etl.load.quality import Validator

STAGED_TABLES = tuple(SCHEMAS)
# The cross-table checks of sql/checks/ that run on a staged batch, with their severity.
# (`published_matches_parsed` runs inside the publishing transaction: see warehouse.py.)
SQL_CHECKS = {
    "no_orphans": "critical",
    "rejected_share": "critical",
    "published_matches_parsed": "critical",
}


# The key column of each staged table: the rows that fail an expectation about single rows
# are reported by it, and held back with the articles that own them.
ROW_KEYS = {
    "articles": "article_id",
    "paragraphs": "article_id",
    "article_authors": "article_id",
    "related_links": "article_id",
    "captions": "article_id",
    "mentions": "article_id",
    "person_roles": "article_id",
    "meetings": "article_id",
    "meeting_participants": "meeting_id",
    "authors": "author_id",
    "entities": "entity_id",
    "entity_aliases": "entity_id",
}
# Rows of the shared tables are kept while a kept row points at them: (table, column) pairs.
SHARED_REFERENCES = {
    "authors": (("article_authors", "author_id"),),
    "entities": (
        ("mentions", "entity_id"),
        ("person_roles", "entity_id"),
        ("meeting_participants", "entity_id"),
    ),
}
SHARED_KEYS = {"authors": "author_id", "entities": "entity_id", "entity_aliases": "entity_id"}


def batch_dir(run_id: str, batch_no: int) -> Path:
    """Where a run's batch is staged."""
    return (config.home() / "staging" / run_id / f"batch-{batch_no:05d}").resolve()


def write_batch(batch: Batch, directory: Path) -> Path:
    """Write a batch's tables as Parquet files into `directory`; returns it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, table in batch.tables().items():
        pq.write_table(table, directory / f"{name}.parquet")
    return directory


def load(con: duckdb.DuckDBPyConnection, directory: Path) -> None:
    """Load a staged batch into the connection's in-memory `staging` catalog."""
    params = {name: str(directory / f"{name}.parquet") for name in STAGED_TABLES}
    for statement in sqlfiles.statements("stage_load"):
        wanted = sqlfiles.parameters(statement)
        con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)


def open_staged(directory: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the staged batch loaded (the warehouse untouched)."""
    con = duckdb.connect(config={"allocator_flush_threshold": "32MB"})
    load(con, directory)
    return con


def check(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> CheckResult:
    """Run the SQL check `sql/checks/<name>.sql` on the connection's staged batch."""
    (statement,) = sqlfiles.statements(f"checks/{name}")
    wanted = sqlfiles.parameters(statement)
    cursor = con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)
    success, observed, unexpected_count, sample = cursor.fetchone() or (False, None, None, None)
    return CheckResult(
        suite="cross_table",
        expectation=name,
        column_name=None,
        severity=SQL_CHECKS[name],
        success=bool(success),
        observed_value=observed,
        unexpected_count=unexpected_count,
        unexpected_sample=sample,
    )


def frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The staged tables as pandas DataFrames, for great_expectations."""
    return {name: con.table(f"staging.{name}").df() for name in STAGED_TABLES}


@dataclass(frozen=True)
class Held:
    """An article held back by an expectation about single rows."""

    article_id: str
    check: CheckResult
    observed: str  # the failing row's value


@dataclass
class Audit:
    """What the audit of a staged batch found: every result, the articles held back (already
    taken out of the staged files), and the checks that hold the whole batch back."""

    results: list[CheckResult] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        """True when the batch as a whole may not be published."""
        return bool(self.blocking)


def _held_articles(
    con: duckdb.DuckDBPyConnection, results: list[CheckResult]
) -> tuple[list[Held], list[str]]:
    """The articles owning the rows that failed critical expectations about single rows,
    and the labels of the failures that no article owns (they hold the batch back)."""
    held: dict[str, Held] = {}
    unowned: list[str] = []
    for result in results:
        if not result.blocks or result.failed_rows is None:
            continue
        keys = [key for key, _ in result.failed_rows if key is not None]
        owners: dict[str, list[str]] = {}
        if keys:
            found = con.execute(
                sqlfiles.load("quarantine/owners"),
                {"key_column": ROW_KEYS[result.suite], "keys": keys},
            ).fetchall()
            for key, article_id in found:
                owners.setdefault(str(key), []).append(str(article_id))
        for key, observed in result.failed_rows:
            if key is None or key not in owners:
                if result.label not in unowned:
                    unowned.append(result.label)
                continue
            for article_id in owners[key]:
                held.setdefault(article_id, Held(article_id, result, observed))
    return list(held.values()), unowned


def _reason(item: Held) -> str:
    """A held article's one-line reason: what the expectation wants, and what it saw."""
    check = item.check
    wanted = check.notes or check.label
    column = check.column_name or "row"
    return f"{wanted}: {column} {item.observed!r} ({check.label})"


def _split(
    directory: Path, run_id: str, held: list[Held], documents: dict[str, tuple[str, str]]
) -> None:
    """Move the held articles' rows out of the staged files into the batch's `held/` files
    in the quarantine, and add their rejects to the staged ones."""
    ids = pa.array(sorted({h.article_id for h in held}), pa.string())
    tables = {name: pq.read_table(directory / f"{name}.parquet") for name in STAGED_TABLES}
    kept: dict[str, pa.Table] = {}
    out: dict[str, pa.Table] = {}
    for name, table in tables.items():
        if "article_id" in table.column_names:
            mask = pc.is_in(table["article_id"], value_set=ids)
            out[name], kept[name] = table.filter(mask), table.filter(pc.invert(mask))
    meeting_ids = out["meetings"]["meeting_id"]
    mask = pc.is_in(tables["meeting_participants"]["meeting_id"], value_set=meeting_ids)
    out["meeting_participants"] = tables["meeting_participants"].filter(mask)
    kept["meeting_participants"] = tables["meeting_participants"].filter(pc.invert(mask))
    for name, references in SHARED_REFERENCES.items():
        column = SHARED_KEYS[name]
        still = pa.concat_arrays([kept[t][c].combine_chunks() for t, c in references])
        gone = pa.concat_arrays([out[t][c].combine_chunks() for t, c in references])
        for table_name in [n for n, k in SHARED_KEYS.items() if k == column]:
            table = tables[table_name]
            kept[table_name] = table.filter(pc.is_in(table[column], value_set=still))
            out[table_name] = table.filter(pc.is_in(table[column], value_set=gone))
    rejects = [
        {
            "uri": documents[h.article_id][0],
            "stage": "validate",
            "reason": _reason(h),
            "document_id": documents[h.article_id][1],
            "expectation": h.check.label,
            "observed_value": h.observed,
        }
        for h in held
    ]
    kept["rejects"] = pa.concat_tables(
        [tables["rejects"], pa.Table.from_pylist(rejects, schema=SCHEMAS["rejects"])]
    )
    kept["documents"] = tables["documents"]
    target = held_dir(directory, run_id)
    target.mkdir(parents=True, exist_ok=True)
    for name, table in out.items():
        pq.write_table(table, target / f"{name}.parquet")
    for name, table in kept.items():
        pq.write_table(table, directory / f"{name}.parquet")


def held_dir(directory: Path, run_id: str) -> Path:
    """Where the rows of a batch's held articles are kept:
    `$BULLETINS_HOME/quarantine/<run_id>/<batch directory>/held/`."""
    return (config.home() / "quarantine" / run_id / directory.name / "held").resolve()


def audit(
    directory: Path,
    validator: Validator,
    *,
    run_id: str,
    run_name: str,
    max_reject_share: float,
    today: dt.date | None = None,
) -> Audit:
    """Every pre-publication check on the batch staged in `directory`: the GX suites, then
    the SQL checks. Articles failing a critical expectation about single rows are taken out
    of the staged files (see `Held`); a failure about the batch as a whole blocks it."""
    with open_staged(directory) as con:
        results = validator.validate(frames(con), run_name=run_name, keys=ROW_KEYS, today=today)
        held, blocking = _held_articles(con, results)
        blocking += [r.label for r in results if r.blocks and r.failed_rows is None]
        if blocking:
            held = []  # the whole batch is held back, these articles with it
        if held:
            found = con.execute(
                sqlfiles.load("quarantine/held_documents"),
                {"article_ids": [h.article_id for h in held]},
            ).fetchall()
            documents = {str(a): (str(uri), str(doc)) for a, uri, doc in found}
        else:
            checks = _batch_checks(con, max_reject_share)
    if held:
        _split(directory, run_id, held, documents)
        with open_staged(directory) as con:
            checks = _batch_checks(con, max_reject_share)
    blocking += [c.label for c in checks if c.blocks]
    return Audit(results=[*results, *checks], held=held, blocking=blocking)


def _batch_checks(con: duckdb.DuckDBPyConnection, max_reject_share: float) -> list[CheckResult]:
    """The SQL checks about the batch as a whole (after its held articles left it)."""
    return [check(con, "no_orphans"), check(con, "rejected_share", max_share=max_reject_share)]


def quarantine(directory: Path, run_id: str) -> Path:
    """Move a blocked batch's files to `$BULLETINS_HOME/quarantine/<run_id>/`; returns where."""
    target = (config.home() / "quarantine" / run_id / directory.name).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(directory), target)
    return target


def discard(directory: Path) -> None:
    """Remove a published batch's files (and its run's directory once empty)."""
    shutil.rmtree(directory, ignore_errors=True)
    if directory.parent.is_dir() and not any(directory.parent.iterdir()):
        directory.parent.rmdir()
