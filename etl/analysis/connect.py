"""Connections that can search: DuckDB's `fts` extension loaded from the installed package.

The extension comes from the PyPI package `duckdb-extension-fts` (pinned to the DuckDB version
in use), which ships the binary as `duckdb_extension_fts/extensions/v<version>/fts.duckdb_extension`
and nothing else. It is loaded from that file, so no connection ever downloads an extension.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

from etl.load.warehouse import READ_ONLY_CONFIG


class SearchUnavailable(RuntimeError):
    """The fts extension is not installed for this DuckDB version."""


def fts_extension_path() -> Path:
    """The fts extension's file for the DuckDB version in use.

    Raises `SearchUnavailable` when the package is missing or built for another DuckDB.
    """
    spec = importlib.util.find_spec("duckdb_extension_fts")
    if spec is None or not spec.submodule_search_locations:
        raise SearchUnavailable(
            "the fts extension is not installed: install the package "
            f"duckdb-extension-fts=={duckdb.__version__}"
        )
    package = Path(next(iter(spec.submodule_search_locations)))
    path = package / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.is_file():
        found = sorted(p.parent.name for p in package.glob("extensions/*/fts.duckdb_extension"))
        raise SearchUnavailable(
            f"the installed fts extension is for DuckDB {', '.join(found) or 'no version'}, "
            f"not v{duckdb.__version__}: install duckdb-extension-fts=={duckdb.__version__}"
        )
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the fts extension into `con` from the installed package (no network).

    Works on any connection whose configuration still allows loading a file: a notebook's
    `duckdb.connect(path, read_only=True)`, the writer's connection. Loading it twice is
    harmless.
    """
    con.execute(f"load '{fts_extension_path()}'")


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse that can search and reach nothing else.

    The same settings as `etl.load.warehouse.connect_read_only` (no files, URLs, ATTACH or
    extension installs, configuration locked), applied right after the fts extension is
    loaded: DuckDB refuses to load an extension file once external access is off, and
    lets nobody turn it back on once the configuration is locked.
    """
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}: run `bulletins ingest` first")
    unlocked = {
        name: value
        for name, value in READ_ONLY_CONFIG.items()
        if name not in ("enable_external_access", "lock_configuration")
    }
    con = duckdb.connect(str(path), read_only=True, config=unlocked)
    try:
        if _is_locked(con):
            # DuckDB shares one database instance between the connections of a process to
            # the same file: this one joins a connection already opened and locked.
            _require_fts(con)
            return con
        load_fts(con)
        for name, value in READ_ONLY_CONFIG.items():
            if name != "lock_configuration":
                con.execute(f"set {name} = {_literal(value)}")
        if READ_ONLY_CONFIG.get("lock_configuration"):
            con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def _is_locked(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("select current_setting('lock_configuration')").fetchone()
    return bool(row and row[0])


def _require_fts(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("select stem('searching', 'porter')").fetchone()
    except duckdb.Error as exc:
        raise SearchUnavailable(
            "this process already holds a locked read-only connection to the warehouse "
            "without the fts extension; close it, then connect again"
        ) from exc


def _literal(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    # The settings are the constants of READ_ONLY_CONFIG, never user input.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"
