"""The `bulletins` command: parse one document, ingest many, query the warehouse."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import duckdb

from etl import config, sqlfiles
from etl.errors import Rejected
from etl.ingest import DEFAULT_BATCH_SIZE, DEFAULT_MAX_REJECT_SHARE, Progress, ingest
from etl.parse import parse_document
from etl.sources import read_file
from etl.warehouse import connect_read_only

log = logging.getLogger("etl")
_DB_HELP = "Warehouse file (default: $BULLETINS_DB, else $BULLETINS_HOME/warehouse.duckdb)."
_MAX_CELL = 60


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail to stderr.")
@click.version_option(package_name="sana-bulletins")
def main(verbose: bool) -> None:
    """Turn SANA English bulletins (text files, HTML pages) into a DuckDB warehouse."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("trafilatura", "htmldate", "great_expectations"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--url", help="The bulletin's URL, when the file does not give it.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def parse(path: Path, url: str | None, as_json: bool) -> None:
    """Parse one bulletin (.txt, .html, .htm, maybe gzipped) and print its parts."""
    try:
        bulletin = parse_document(read_file(path), url=url)
    except Rejected as rejected:
        _fail(f"{path}: {rejected.reason}")
        return
    data = bulletin.to_dict()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        if key in ("body", "paragraphs"):
            continue
        click.echo(f"{key:>15}: {json.dumps(value, ensure_ascii=False)}")
    click.echo(f"{'paragraphs':>15}: {len(bulletin.paragraphs)}")
    click.echo()
    click.echo(bulletin.body)


def _progress_reporter() -> tuple[Progress, Any]:
    """A progress bar on a terminal; elsewhere a log line every 10 seconds."""
    if sys.stderr.isatty():
        bar = click.progressbar(length=0, label="ingesting", file=sys.stderr)

        def update(done: int, total: int | None) -> None:
            bar.length = total or done
            bar.update(done - bar.pos)

        return update, bar
    last = [time.monotonic()]

    def log_line(done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            log.info("%d/%s documents", done, total or "?")

    return log_line, None


@main.command(name="ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True, type=int)
@click.option(
    "--max-reject-share",
    default=DEFAULT_MAX_REJECT_SHARE,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="Hold back a batch in which a larger share of the inputs was rejected.",
)
def ingest_command(
    paths: Sequence[Path], db: Path | None, batch_size: int, max_reject_share: float
) -> None:
    """Ingest files and directories (recursively) into the warehouse, then print a summary.

    Each batch is validated before it is published; exits 2 when a batch was held back.
    """
    progress, bar = _progress_reporter()
    try:
        summary = ingest(
            paths,
            config.db_path(db),
            batch_size=batch_size,
            progress=progress,
            max_reject_share=max_reject_share,
        )
    except duckdb.Error as exc:
        _fail(f"warehouse: {str(exc).splitlines()[0]}")
        return
    finally:
        if bar is not None:
            bar.render_finish()
    for uri, stage, reason in summary.rejects:
        click.echo(f"rejected {uri} ({stage}): {reason}", err=True)
    if summary.docs_path:
        click.echo(f"data docs: {summary.docs_path}", err=True)
    click.echo(summary.line())
    if summary.status == "blocked":
        sys.exit(2)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time, decimal.Decimal)):
        return str(value)
    return value


def _print_table(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _query(db: Path | None, query: str, params: dict[str, Any] | None = None) -> Any:
    try:
        con = connect_read_only(config.db_path(db))
        cursor = con.execute(query, params)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall() if columns else []
    except (duckdb.Error, FileNotFoundError) as exc:
        _fail(str(exc).splitlines()[0])
    return columns, rows


def _print(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        records = [{c: _json_value(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        _print_table(columns, rows)


_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)


@main.command()
@click.argument("query")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@_FORMAT
def sql(query: str, db: Path | None, fmt: str) -> None:
    """Run a query on the warehouse, opened read-only (writes and file access fail)."""
    columns, rows = _query(db, query)
    _print(columns, rows, fmt)


@main.command()
@click.option("--run", "run_id", help="The run (default: the latest run that was validated).")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--failed", is_flag=True, help="Only the expectations that failed.")
@_FORMAT
def dq(run_id: str | None, db: Path | None, failed: bool, fmt: str) -> None:
    """Print a run's data-quality results, one row per batch and expectation."""
    columns, rows = _query(
        db, sqlfiles.load("dq_report"), {"run_id": run_id, "only_failed": failed}
    )
    _print(columns, rows, fmt)
