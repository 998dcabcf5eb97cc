"""The `bulletins` command: parse one document, ingest many, query the warehouse."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import duckdb

from etl import config, sqlfiles
from etl.config import DEFAULT_BATCH_SIZE, DEFAULT_MAX_REJECT_SHARE
from etl.errors import Rejected
from etl.extract.parse import parse_document
from etl.load.warehouse import WarehouseBusy, connect_read_only
from etl.runs.engine import RunSummary
from etl.runs.ingest import Progress, ingest
from etl.sources.files import read_file

log = logging.getLogger("etl")
_DB_HELP = "Warehouse file (default: $BULLETINS_DB, else $BULLETINS_HOME/warehouse.duckdb)."
T = TypeVar("T")
_MAX_CELL = 60


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _writing(
    run: Callable[[Progress], T], refusals: tuple[type[Exception], ...] = (WarehouseBusy,)
) -> T:
    """Run a command that writes the warehouse, with its progress shown; a refusal (the
    warehouse is busy, parameters that do not go together) or a database error ends it with
    one line and exit status 1."""
    progress, bar = _progress_reporter()
    try:
        return run(progress)
    except refusals as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(f"warehouse: {str(exc).splitlines()[0]}")
    finally:
        if bar is not None:
            bar.render_finish()


def _print_rejects(summary: RunSummary) -> None:
    for uri, stage, reason in summary.rejects:
        click.echo(f"rejected {uri} ({stage}): {reason}", err=True)


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
    except Exception as exc:  # a parser bug still gets one line, not a traceback
        log.debug("parse failed", exc_info=True)
        _fail(f"{path}: internal error: {type(exc).__name__}: {exc}")
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
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1), help="Parsing processes."
)
@click.option(
    "--wait",
    default=0.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds to wait for another run writing the warehouse before giving up.",
)
def ingest_command(
    paths: Sequence[Path],
    db: Path | None,
    batch_size: int,
    max_reject_share: float,
    workers: int,
    wait: float,
) -> None:
    """Ingest files and directories (recursively) into the warehouse, then print a summary.

    Each batch is validated before it is published; exits 2 when a batch was held back.
    """
    summary = _writing(
        lambda progress: ingest(
            paths,
            config.db_path(db),
            batch_size=batch_size,
            progress=progress,
            max_reject_share=max_reject_share,
            workers=workers,
            wait=wait,
        )
    )
    _print_rejects(summary)
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


# -- fetching the sites ---------------------------------------------------------------------
# The fetch modules are imported when these commands run, so that the other commands start
# without loading the HTTP and WARC stacks.

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _categories(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@main.command()
@click.argument("site", type=click.Choice(["sana", "sana-archive"]))
@click.option("--since", type=_DATE, help="Oldest publication date wanted (YYYY-MM-DD).")
@click.option("--until", type=_DATE, help="Newest publication date wanted (YYYY-MM-DD).")
@click.option(
    "--categories",
    multiple=True,
    help="Categories to walk, comma-separated or repeated: slugs on sana (politics, "
    "presidency), ids or names on sana-archive (2 = politics, 106 = world).",
)
@click.option("--max-articles", type=click.IntRange(min=1), help="Stop after this many.")
@click.option(
    "--base-url",
    help="Fetch the site from here (a mirror); default $BULLETINS_SANA_BASE_URL or "
    "$BULLETINS_SANA_ARCHIVE_BASE_URL, else the real site.",
)
@click.option(
    "--wayback-base-url", help="The Wayback Machine (default $BULLETINS_WAYBACK_BASE_URL)."
)
@click.option(
    "--wayback",
    type=click.Choice(["fallback", "only", "off"]),
    default="fallback",
    show_default=True,
    help="Use the Wayback Machine when the origin fails, instead of the origin, or never.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=config.DEFAULT_CRAWL_DELAY,
    show_default=True,
    help="Seconds from the end of one answer to the next request to the same host; never "
    "shorter than the host's robots.txt Crawl-delay (decimals honoured), whatever is given here.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Requests in flight per host.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=90.0,
    show_default=True,
    help="Seconds to wait for a response to start or continue.",
)
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True)
@click.option("--refetch", is_flag=True, help="Fetch again articles already stored.")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True, type=int)
def crawl(
    site: str,
    since: dt.datetime | None,
    until: dt.datetime | None,
    categories: Sequence[str],
    max_articles: int | None,
    base_url: str | None,
    wayback_base_url: str | None,
    wayback: str,
    delay: float,
    concurrency: int,
    timeout: float,
    retries: int,
    refetch: bool,
    db: Path | None,
    batch_size: int,
) -> None:
    """Crawl SITE (sana or sana-archive): discover, fetch, land in WARC files, parse, load.

    Resumable: after a kill, run the same command again. Exits 2 when a batch was held back
    by the data-quality checks, 3 when a listing could not be walked to its end (run again
    later to resume).
    """
    from etl.fetch.crawl import CrawlOptions
    from etl.fetch.http import split_credentials
    from etl.runs.crawl import crawl as run_crawl

    for name, url in (("--base-url", base_url), ("--wayback-base-url", wayback_base_url)):
        if url and split_credentials(url)[1] is not None:
            # Other users see a command line (ps, shell history); the environment they do not.
            _fail(
                f"{name}: credentials do not go on the command line; put the URL in "
                "BULLETINS_SANA_BASE_URL, BULLETINS_SANA_ARCHIVE_BASE_URL or "
                "BULLETINS_WAYBACK_BASE_URL instead"
            )
    options = CrawlOptions(
        site=site,
        since=since.date() if since else None,
        until=until.date() if until else None,
        categories=_categories(categories),
        max_articles=max_articles,
        base_url=base_url,
        wayback_base_url=wayback_base_url,
        wayback=wayback,
        delay=delay,
        concurrency=concurrency,
        read_timeout=timeout,
        retries=retries,
        refetch=refetch,
    )
    stats, summary = _writing(
        lambda progress: run_crawl(
            options, config.db_path(db), batch_size=batch_size, progress=progress
        ),
        refusals=(ValueError, WarehouseBusy),
    )
    _print_rejects(summary)
    for warning in stats.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(stats.line())
    click.echo(summary.line())
    if summary.status == "blocked":
        sys.exit(2)
    if not stats.complete:
        sys.exit(3)


@main.command()
@click.option("--since", type=_DATE, help="Only pages fetched on or after this day (UTC).")
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The landing zone (default $BULLETINS_HOME/raw).",
)
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True, type=int)
def reprocess(
    since: dt.datetime | None, raw_dir: Path | None, db: Path | None, batch_size: int
) -> None:
    """Re-parse the stored pages with the current parser, without network, and update the
    warehouse (articles an older parser wrote get the current parser_version)."""
    from etl.runs.reprocess import reprocess as run_reprocess

    summary = _writing(
        lambda progress: run_reprocess(
            config.db_path(db),
            raw_dir=raw_dir,
            since=since.date() if since else None,
            batch_size=batch_size,
            progress=progress,
        )
    )
    _print_rejects(summary)
    click.echo(summary.line())
    if summary.status == "blocked":
        sys.exit(2)
