"""Configuration in one place: environment variables with local defaults.

- `BULLETINS_HOME`: the data directory (default `./data`): the warehouse, the raw landing zone
  (`raw/`, WARC files), the crawl frontier (`crawl/`) and data-quality reports live under it.
- `BULLETINS_DB`: the warehouse file (default `$BULLETINS_HOME/warehouse.duckdb`).
  A `--db` option on the command line overrides both.
- `BULLETINS_SANA_BASE_URL`, `BULLETINS_SANA_ARCHIVE_BASE_URL`, `BULLETINS_WAYBACK_BASE_URL`:
  where the crawler fetches the current site, the archive site and the Wayback Machine from
  (a mirror or a test server); `--base-url` / `--wayback-base-url` override them.
- `BULLETINS_CONTACT_URL`: the page named in the crawler's User-Agent, where site operators
  learn who crawls them and how to reach us.
- `BULLETINS_WAREHOUSE_QUEUE`: the Celery queue of the DAG tasks that need the warehouse
  file or the crawl frontier (default `warehouse`), served only by the worker on the host
  that holds them.
- `BULLETINS_DUCKDB_MEMORY`: DuckDB's `memory_limit` for the writer (default `256MB`); what
  does not fit spills to a temporary directory next to the warehouse.
"""

from __future__ import annotations

import os
from pathlib import Path

from etl import __version__

DEFAULT_SANA_BASE_URL = "https://sana.sy/en/"
DEFAULT_SANA_ARCHIVE_BASE_URL = "https://archive.sana.sy/en/"
DEFAULT_WAYBACK_BASE_URL = "https://web.archive.org/"
DEFAULT_CONTACT_URL = "https://example.org/sana-bulletins/crawler"
# sana.sy's robots.txt asks for 5 s between requests; the archive host and Wayback get the same.
DEFAULT_CRAWL_DELAY = 5.0
# Inputs per batch, for every run (command line and DAGs alike). A batch of 500 pages is
# about 70 MB of raw HTML and as much again of rows and DataFrames while it is audited; the
# fixed cost of validating and publishing it (about half a second) comes to 1 ms a bulletin
# (docs/benchmarks.md).
DEFAULT_BATCH_SIZE = 500
# A batch in which more than this share of the inputs was rejected is held back whole: most
# likely a site changed its theme, or the wrong directory was given.
DEFAULT_MAX_REJECT_SHARE = 0.5
# DuckDB's memory for the writer: with the rest of a run (a batch of 500 pages, its rows,
# great_expectations), a run stays under 1 GiB. Near-duplicate linking on a big warehouse is
# the largest query; it spills beyond this (docs/benchmarks.md).
DEFAULT_DUCKDB_MEMORY = "256MB"


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


def duckdb_memory() -> str:
    """DuckDB's `memory_limit` for the writer (`$BULLETINS_DUCKDB_MEMORY`, e.g. `1GB`)."""
    return os.environ.get("BULLETINS_DUCKDB_MEMORY") or DEFAULT_DUCKDB_MEMORY


def raw_dir() -> Path:
    """The raw landing zone: every fetched response, in WARC files (`$BULLETINS_HOME/raw`)."""
    return home() / "raw"


def crawl_dir() -> Path:
    """Where the crawl frontier keeps its state (`$BULLETINS_HOME/crawl`)."""
    return home() / "crawl"


def _env_url(name: str, default: str) -> str:
    return os.environ.get(name) or default


def sana_base_url() -> str:
    """The current site's base URL (`$BULLETINS_SANA_BASE_URL`, default sana.sy/en/)."""
    return _env_url("BULLETINS_SANA_BASE_URL", DEFAULT_SANA_BASE_URL)


def sana_archive_base_url() -> str:
    """The archive site's base URL (`$BULLETINS_SANA_ARCHIVE_BASE_URL`)."""
    return _env_url("BULLETINS_SANA_ARCHIVE_BASE_URL", DEFAULT_SANA_ARCHIVE_BASE_URL)


def wayback_base_url() -> str:
    """The Wayback Machine's base URL (`$BULLETINS_WAYBACK_BASE_URL`)."""
    return _env_url("BULLETINS_WAYBACK_BASE_URL", DEFAULT_WAYBACK_BASE_URL)


def contact_url() -> str:
    """The contact page named in the User-Agent (`$BULLETINS_CONTACT_URL`)."""
    return os.environ.get("BULLETINS_CONTACT_URL") or DEFAULT_CONTACT_URL


def user_agent() -> str:
    """The crawler's User-Agent: the project, its version and a contact URL."""
    return f"sana-bulletins/{__version__} (+{contact_url()})"


def warehouse_queue() -> str:
    """The Celery queue of the tasks that use the warehouse or the crawl frontier:
    `$BULLETINS_WAREHOUSE_QUEUE`, default `warehouse`."""
    return os.environ.get("BULLETINS_WAREHOUSE_QUEUE") or "warehouse"
