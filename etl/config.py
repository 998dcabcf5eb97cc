"""Configuration in one place: environment variables with local defaults.

- `BULLETINS_HOME`: the data directory (default `./data`): the warehouse and, later, the raw
  landing zone and data-quality reports live under it.
- `BULLETINS_DB`: the warehouse file (default `$BULLETINS_HOME/warehouse.duckdb`).
A `--db` option on the command line overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """The data directory."""
    return Path(os.environ.get("BULLETINS_HOME") or "data").expanduser()


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: `override`, else `$BULLETINS_DB`, else under `home()`."""
    if override:
        return Path(override).expanduser()
    if os.environ.get("BULLETINS_DB"):
        return Path(os.environ["BULLETINS_DB"]).expanduser()
    return home() / "warehouse.duckdb"
