"""The steps the DAGs run as tasks: a run's plan, then per batch the batch engine's steps.

    plan_nightly / plan_backfill   what to take in, cut into batches (`etl.runs.plan`)
    fetch_batch                    fetch a batch's pages into the raw landing zone (WARC)
    parse_batch                    read and parse a batch's documents into Parquet (no warehouse)
    validate_batch                 the data-quality gate on the staged files (no warehouse)
    publish_batch                  publish or quarantine the batch: the only warehouse writer
    summarize_run                  close the run in the ledger

The last three are `etl.runs.engine`'s stage, audit and publish, the same code a command-line
run calls in one process. Steps pass small JSON values (a batch is a dict of ids, paths and
counts); what a batch carries between steps lives in its staging directory as Parquet and
JSON, `$BULLETINS_HOME/staging/<run_id>/batch-NNNNN/`, which is shared by all workers. Only
`publish_batch` and `summarize_run` open the warehouse for writing, so an orchestrator
serializes those two (on the `warehouse` queue of the host that holds the file) and runs the
others anywhere.

A run whose batch failed a critical check about the whole batch ends `blocked` (after the
other batches were published); one that could not finish ends `failed`.

This module is imported when a DAG file is parsed, so it imports its heavy dependencies
(DuckDB, Arrow, the parser, the crawler, great_expectations) inside the functions.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl import config
from etl.runs.plan import (
    BACKFILL_SOURCES,
    DEFAULT_LOOK_BACK_DAYS,
    DEFAULT_TASK_RETRIES,
    FETCHED,
    INPUTS,
    PLAN,
    WAREHOUSE_LOCK_WAIT,
    DiscoveryIncomplete,
    crawl_options,
    crawler_session,
    fetched_item,
    ledger_run_id,
    nightly_window,
    plan_backfill,
    plan_nightly,
    read_json,
    run_dir,
    task_retries,
    trigger_for,
)

if TYPE_CHECKING:
    from etl.model import RawDocument, Unreadable

__all__ = [
    "BACKFILL_SOURCES",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_LOOK_BACK_DAYS",
    "DEFAULT_TASK_RETRIES",
    "WAREHOUSE_TABLES",
    "DiscoveryIncomplete",
    "fetch_batch",
    "ledger_run_id",
    "nightly_window",
    "parse_batch",
    "plan_backfill",
    "plan_nightly",
    "publish_batch",
    "summarize_run",
    "task_retries",
    "trigger_for",
    "validate_batch",
]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = config.DEFAULT_BATCH_SIZE
# The tables that publication writes: one Airflow Asset each (`duckdb://warehouse/<table>`).
WAREHOUSE_TABLES = (
    "articles",
    "paragraphs",
    "authors",
    "article_authors",
    "related_links",
    "captions",
    "documents",
    "rejects",
    "entities",
    "entity_aliases",
    "mentions",
    "person_roles",
    "meetings",
    "meeting_participants",
    "dq_results",
    "run_batches",
    "ingest_runs",
)


def fetch_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """Fetch the batch's articles that are not in the landing zone yet (the origin, else the
    Wayback Machine), each response landing in WARC files under `$BULLETINS_HOME/raw`. An
    article that cannot be had becomes a reject with the reason. Local inputs pass through."""
    from etl.runs.plan import write_json

    directory = Path(batch["dir"])
    items: list[dict[str, Any]] = read_json(directory / INPUTS)
    wanted = [i for i, item in enumerate(items) if set(item) == {"url"}]
    n_origin = n_wayback = n_failed = 0
    if wanted:
        from etl.fetch.stored import StoredIndex

        options = crawl_options(batch["crawl"])
        with crawler_session(options, StoredIndex()) as crawler:
            for index in wanted:
                url = items[index]["url"]
                row = crawler.frontier.get(url)
                if row is None:
                    raise RuntimeError(f"{url} is not in the crawl frontier; plan the run again")
                # One page at a time, each noted in the frontier as soon as it is on disk.
                items[index] = fetched_item(url, crawler.fetch_article(row))
            n_origin = crawler.stats.fetched_origin
            n_wayback = crawler.stats.fetched_wayback
            n_failed = crawler.stats.failed
    write_json(directory / FETCHED, items)
    log.info(
        "batch %s: fetched %d from origin, %d from Wayback, %d failed",
        batch["batch_no"],
        n_origin,
        n_wayback,
        n_failed,
    )
    return {**batch, "n_fetched": n_origin + n_wayback, "n_fetch_failed": n_failed}


def _read_item(item: Mapping[str, Any]) -> RawDocument | Unreadable:
    from etl.errors import Rejected
    from etl.model import Unreadable
    from etl.sources.files import read_file
    from etl.sources.warc import read_record

    if "warc" in item:
        return read_record(Path(item["warc"]), int(item["offset"]))
    if "file" in item:
        path = Path(item["file"])
        try:
            return read_file(path)
        except Rejected as rejected:
            return Unreadable(path.as_uri(), rejected.stage, rejected.reason)
    return Unreadable(str(item["uri"]), str(item["stage"]), str(item["reason"]))


def parse_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """Read and parse the batch's documents (extraction, bulletin rules, entities and
    meetings): each becomes its rows or a reject, staged as Parquet files in the batch's
    directory (the engine's `stage`)."""
    from etl.model import Unreadable
    from etl.runs.engine import Parsed, parse_one, stage

    directory = Path(batch["dir"])
    source = directory / FETCHED
    items = read_json(source if source.is_file() else directory / INPUTS)
    parsed: list[Parsed | Unreadable] = []
    for item in items:
        document = _read_item(item)
        parsed.append(document if isinstance(document, Unreadable) else parse_one(document))
    manifest = stage(
        parsed, directory, run_id=str(batch["run_id"]), batch_no=int(batch["batch_no"])
    )
    n_rejected = sum(1 for p in parsed if isinstance(p, Unreadable) or p.reject is not None)
    return {
        **batch,
        "batch_key": manifest["batch_key"],
        "n_seen": len(items),
        "n_parse_rejected": n_rejected,
    }


def validate_batch(
    batch: Mapping[str, Any], *, max_reject_share: float | None = None
) -> dict[str, Any]:
    """The data-quality gate on the staged files: the great_expectations suites and the
    cross-table checks (the engine's `audit`), results kept in the batch's directory and
    Data Docs built under `$BULLETINS_HOME/dq/<run_id>/batch-NNNNN/`. Articles failing an
    expectation about single rows are held back; the verdict is `pass` or `block`."""
    from etl.load.quality import Validator
    from etl.runs.engine import audit

    directory = Path(batch["dir"])
    run_id = str(batch["run_id"])
    docs_dir = (config.home() / "dq" / run_id / directory.name).resolve()
    validator = Validator(docs_dir)
    verdict = audit(
        directory,
        validator,
        max_reject_share=config.DEFAULT_MAX_REJECT_SHARE
        if max_reject_share is None
        else max_reject_share,
    )
    docs = validator.build_docs()
    return {
        **batch,
        "verdict": "block" if verdict["blocking"] else "pass",
        "failed_checks": verdict["blocking"],
        "n_held": verdict["n_held"],
        "n_warnings": sum(
            1 for r in verdict["results"] if r["severity"] == "warning" and not r["success"]
        ),
        "docs": str(docs) if docs else None,
    }


def _started_at(run_id: str) -> dt.datetime:
    plan = run_dir(run_id) / PLAN
    if plan.is_file():
        return dt.datetime.fromisoformat(read_json(plan)["started_at"])
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def publish_batch(batch: Mapping[str, Any], *, db: Path | None = None) -> dict[str, Any]:
    """Publish the audited batch in one transaction, or quarantine it when a check about
    the whole batch failed (its files go to `$BULLETINS_HOME/quarantine/<run_id>/`); record
    its checks in `dq_results` and its counters in `run_batches` (the engine's `publish`).
    The only step that writes the warehouse, with `summarize_run`.

    Returns the batch's share of the run's counters. Running it again for a batch its run
    already published, as a retry after a crash at any point does, returns the same
    counters and changes nothing; so does a batch of the same inputs planned again after
    the DAG run was cleared. The pages of a published batch are marked loaded in the crawl
    frontier; those of a blocked batch are taken again by the next run."""
    from etl.runs.engine import publish, recorded_tally

    run_id = str(batch["run_id"])
    directory = Path(batch["dir"])
    db = db or config.db_path()
    if not directory.is_dir():
        # A retry after the batch was published and its files cleared away.
        recorded = recorded_tally(db, run_id, str(batch["batch_key"]), wait=WAREHOUSE_LOCK_WAIT)
        if recorded is None:
            raise FileNotFoundError(f"batch {directory} is gone and was never published")
        return recorded.to_json()
    published = publish(
        directory,
        db,
        trigger=str(batch["trigger"]),
        started_at=_started_at(run_id),
        wait=WAREHOUSE_LOCK_WAIT,
    )
    if published.loaded and batch.get("crawl"):
        from etl.fetch.crawl import frontier_path
        from etl.fetch.frontier import Frontier

        with Frontier(frontier_path()) as frontier:
            frontier.mark_loaded(published.loaded)
    return published.tally.to_json()


def summarize_run(
    run_id: str,
    *,
    trigger: str,
    results: Sequence[Mapping[str, Any] | None] | Mapping[str, Any] | None,
    db: Path | None = None,
) -> dict[str, Any]:
    """Close the run in the ledger with the sums of its batches' counters (documents the
    plan skipped as already loaded count as seen and unchanged), and say how it went.

    The status is `succeeded`; `blocked` when a batch failed a check about the whole batch
    (the others were published); `failed` when the plan or a batch did not finish. A crawl
    whose run succeeded is marked finished in the frontier, so the next run with the same
    parameters walks the listings afresh.

    `results` are the batches' `publish_batch` values, those that finished (an orchestrator
    may hand over a lone value as itself rather than in a list)."""
    from etl.load.warehouse import Warehouse
    from etl.runs.engine import RunSummary, Tally

    plan_path = run_dir(run_id) / PLAN
    plan: dict[str, Any] | None = read_json(plan_path) if plan_path.is_file() else None
    if results is None:
        results = []
    elif isinstance(results, Mapping):
        results = [results]
    tallies = [Tally.from_json(r) for r in results if r]
    summary = RunSummary(run_id=run_id)
    for tally in tallies:
        summary.add(tally)
    n_batches = int(plan["n_batches"]) if plan else 0
    if plan:
        summary.add(Tally(n_seen=int(plan["n_skipped"]), n_unchanged=int(plan["n_skipped"])))
    if plan is None or len(tallies) < n_batches:
        summary.status = "failed"
    elif summary.failed_checks:
        summary.status = "blocked"
    else:
        summary.status = "succeeded"
    with (
        Warehouse(db or config.db_path(), wait=WAREHOUSE_LOCK_WAIT) as warehouse,
        warehouse.transaction(),
    ):
        warehouse.start_run(trigger, run_id, started_at=_started_at(run_id))
        warehouse.finish_run(run_id, summary.status, summary.ledger())
    if plan and plan.get("job_id") and summary.status == "succeeded":
        from etl.fetch.crawl import frontier_path
        from etl.fetch.frontier import Frontier

        with Frontier(frontier_path()) as frontier:
            frontier.finish_job(str(plan["job_id"]))
    line = summary.line()
    if plan is None:
        line += "; no plan: discovery did not finish"
    elif len(tallies) < n_batches:
        line += f"; {n_batches - len(tallies)} of {n_batches} batches did not finish"
    if summary.status != "failed":
        from etl.runs.engine import discard_run_dir

        plan_path.unlink(missing_ok=True)
        discard_run_dir(run_dir(run_id))
    log.info("%s", line)
    return {
        "run_id": run_id,
        "status": summary.status,
        "line": line,
        "n_batches": n_batches,
        **summary.ledger(),
        "failed_checks": list(summary.failed_checks),
        "dq_dir": str((config.home() / "dq" / run_id).resolve()),
    }
