"""DuckDB's `fts` extension, loaded from the installed package: every connection to the
warehouse can search.

The extension comes from the PyPI package `duckdb-extension-fts` (pinned to the DuckDB version
in use), which ships the binary as `duckdb_extension_fts/extensions/v<version>/fts.duckdb_extension`
and nothing else. It is loaded from that file, so no connection ever downloads an extension.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb


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


def is_locked(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's configuration is locked (a read-only one already set up)."""
    row = con.execute("select current_setting('lock_configuration')").fetchone()
    return bool(row and row[0])


def require_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Raise `SearchUnavailable` unless the fts extension is loaded on the connection."""
    try:
        con.execute("select stem('searching', 'porter')").fetchone()
    except duckdb.Error as exc:
        raise SearchUnavailable(
            "this process already holds a locked read-only connection to the warehouse "
            "without the fts extension; close it, then connect again"
        ) from exc


def sql_literal(value: object) -> str:
    """A setting's value written as SQL (for `set name = value`)."""
    if isinstance(value, list):
        return "[" + ", ".join(sql_literal(item) for item in value) + "]"
    # The settings are the constants of READ_ONLY_CONFIG, never user input.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"
