"""Export: one consistent snapshot of every table and view, as Parquet or CSV files with a
manifest, for the analysts' own tools.

Everything is read in one read-only transaction, so the files agree with each other however
the warehouse changes meanwhile. The connection can write files only into the export's own
directory (DuckDB's `allowed_directories`, external access otherwise off). The export is
written beside its destination and renamed into place when complete: a directory that
exists is always a whole export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from etl import sqlfiles
from etl.extract import PARSER_VERSION
from etl.load.warehouse import READ_ONLY_CONFIG

FORMATS = ("parquet", "csv")
MANIFEST = "manifest.json"
_COPY_OPTIONS = {
    "parquet": "format parquet, compression zstd",
    "csv": "format csv, header true",
}


class ExportRefused(RuntimeError):
    """The destination is not empty, or the format is unknown."""


@dataclass(frozen=True)
class ExportedRelation:
    """One table or view as exported."""

    name: str
    kind: str  # "table" or "view"
    file: str
    rows: int
    columns: list[dict[str, str]]
    sha256: str
    bytes: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _connect(db: Path, directory: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that may write files into `directory` and reach nothing else."""
    if not db.is_file():
        raise FileNotFoundError(f"no warehouse at {db}: run `bulletins ingest` first")
    settings = {
        name: value
        for name, value in READ_ONLY_CONFIG.items()
        if name not in ("enable_external_access", "lock_configuration")
    }
    con = duckdb.connect(str(db), read_only=True, config=settings)
    try:
        con.execute(f"set allowed_directories = [{_literal(str(directory) + os.sep)}]")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def export_warehouse(
    db: Path,
    out: Path,
    *,
    fmt: str = "parquet",
    on_table: Callable[[ExportedRelation], None] | None = None,
) -> dict[str, Any]:
    """Write every table and view of the warehouse `db` to `out` (a new or empty directory)
    as `<name>.parquet` or `<name>.csv`, and `manifest.json`: each file's table, kind, row
    count, columns and types, sha256 and size; the last run's id and parser version.

    All files come from one read-only transaction: a run writing meanwhile changes nothing
    in them. `on_table` is told of each file as it is written. Returns the manifest.
    """
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    out = out.resolve()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportRefused(f"{out} exists and is not an empty directory")
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        manifest = _write(db, partial, fmt, on_table)
        (partial / MANIFEST).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if out.exists():
            out.rmdir()
        partial.rename(out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


def _write(
    db: Path,
    directory: Path,
    fmt: str,
    on_table: Callable[[ExportedRelation], None] | None,
) -> dict[str, Any]:
    relations: list[ExportedRelation] = []
    con = _connect(db, directory)
    try:
        con.execute("begin transaction")
        last_run = con.execute(sqlfiles.load("export/last_run")).fetchone()
        for name, kind in con.execute(sqlfiles.load("export/relations")).fetchall():
            columns = [
                {"name": column, "type": type_}
                for column, type_ in con.execute(
                    sqlfiles.load("export/columns"), {"name": name}
                ).fetchall()
            ]
            path = directory / f"{name}.{fmt}"
            # Names come from the warehouse's own catalog, the path from this function.
            copied = con.execute(
                f"copy (select * from {_quoted(name)}) to {_literal(str(path))} "
                f"({_COPY_OPTIONS[fmt]})"
            ).fetchone()
            relation = ExportedRelation(
                name=name,
                kind=kind,
                file=path.name,
                rows=int(copied[0]) if copied else 0,
                columns=columns,
                sha256=_sha256(path),
                bytes=path.stat().st_size,
            )
            relations.append(relation)
            if on_table is not None:
                on_table(relation)
        con.execute("commit")
    finally:
        con.close()
    return {
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "warehouse": str(db.resolve()),
        "format": fmt,
        "duckdb_version": duckdb.__version__,
        "last_run_id": last_run[0] if last_run else None,
        "parser_version": last_run[1] if last_run else PARSER_VERSION,
        "tables": [relation.__dict__ for relation in relations],
    }
