"""Backfill the warehouse on demand: the archive site, the Wayback Machine, or local files.

Trigger it with its parameters (in the UI's form, or `--conf` as JSON):

- `source`: `archive-site` (archive.sana.sy, the Wayback Machine when the origin fails),
  `wayback` (the Wayback Machine alone) or `path` (a directory or a WARC file);
- `from_date`, `to_date`: the publication dates wanted (both included, either open) and
  `categories` (`politics`, `world` or category ids; empty: both) for the sites;
- `path`: the directory or WARC file of the `path` source (relative to the worker's
  working directory);
- `batch_size`: inputs per batch; every batch is fetched, parsed, validated and
  published by its own tasks, so a long backfill spreads over the workers and shows its
  progress batch by batch;
- `reprocess`: take again what the warehouse already holds (files are parsed again, pages
  fetched again); by default a re-trigger skips it;
- `delay`: seconds between two requests to a host (a longer robots.txt Crawl-delay wins).

Each batch passes the data-quality gate before it is published; a batch that fails a
critical check is quarantined, the others are published, and the run fails at `summarize`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from airflow.sdk import Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException
from bulletins_tasks import DEFAULT_ARGS, WAREHOUSE_QUEUE, ledger_run_id, process_batches, trigger

from etl.runs import steps

# Requests to the archive host (and to Wayback) go out one task at a time, whatever the
# number of workers, so that the crawler's delay between requests holds.
FETCH_POOL = "sana_archive_fetch"

PARAMS = {
    "source": Param(
        "archive-site",
        type="string",
        enum=list(steps.BACKFILL_SOURCES),
        description="archive-site, wayback, or path (a directory or a WARC file).",
    ),
    "from_date": Param(
        None, type=["null", "string"], format="date", description="Oldest date (YYYY-MM-DD)."
    ),
    "to_date": Param(
        None, type=["null", "string"], format="date", description="Newest date (YYYY-MM-DD)."
    ),
    "categories": Param(
        [],
        type="array",
        items={"type": "string", "pattern": "^[a-z0-9-]+$"},
        description="Archive categories (politics, world, or ids); empty for both.",
    ),
    "path": Param(
        None, type=["null", "string"], description="Directory or WARC file (source path)."
    ),
    "batch_size": Param(steps.DEFAULT_BATCH_SIZE, type="integer", minimum=1, maximum=10_000),
    "reprocess": Param(False, type="boolean", description="Take again what is loaded."),
    "delay": Param(5.0, type="number", minimum=0, description="Seconds between requests."),
}


@dag(
    dag_id="bulletins_backfill",
    schedule=None,
    start_date=dt.datetime(2025, 8, 31, tzinfo=dt.UTC),
    catchup=False,
    default_args=DEFAULT_ARGS,
    params=PARAMS,
    tags=["bulletins"],
    doc_md=__doc__,
)
def bulletins_backfill() -> None:
    @task(pool=FETCH_POOL, queue=WAREHOUSE_QUEUE)
    def discover() -> list[dict[str, Any]]:
        context = get_current_context()
        params = context["params"]
        try:
            return steps.plan_backfill(
                ledger_run_id(),
                trigger(),
                source=params["source"],
                from_date=params["from_date"],
                to_date=params["to_date"],
                categories=params["categories"],
                path=params["path"],
                batch_size=params["batch_size"],
                reprocess=params["reprocess"],
                delay=params["delay"],
            )
        except ValueError as exc:  # parameters that do not go together: no retry helps
            raise AirflowFailException(str(exc)) from exc

    process_batches(discover(), fetch_pool=FETCH_POOL)


bulletins_backfill()
