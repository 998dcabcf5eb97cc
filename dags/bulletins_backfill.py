"""Backfill the warehouse on demand: the archive site, the Wayback Machine, or local files.

Trigger it with its parameters (in the UI's form, or `--conf` as JSON):

- `source`: `archive-site` (archive.sana.sy, the Wayback Machine when the origin fails),
  `wayback` (the Wayback Machine alone) or `path` (a directory or a WARC file);
- `from_date`, `to_date`: the publication dates wanted (both included, either open) and
  `categories` (`politics`, `world` or category ids; empty: both) for the sites;
- `path`: the directory or WARC file of the `path` source (relative to the worker's
  working directory);
- `batch_size`: inputs per batch; every batch is fetched, parsed, staged, validated and
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

from airflow.sdk import Asset, Param, TriggerRule, dag, get_current_context, task, task_group
from airflow.sdk.exceptions import AirflowFailException

from etl import steps

DEFAULT_ARGS: dict[str, Any] = {
    "owner": "bulletins",
    "retries": steps.task_retries(),
    "retry_delay": dt.timedelta(minutes=1),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": dt.timedelta(minutes=30),
}
WAREHOUSE = [
    Asset(name=f"warehouse.{table}", uri=f"duckdb://warehouse/{table}")
    for table in steps.WAREHOUSE_TABLES
]
# Requests to the archive host (and to Wayback) go out one task at a time, whatever the
# number of workers, so that the crawler's delay between requests holds.
FETCH_POOL = "sana_archive_fetch"
WAREHOUSE_POOL = "duckdb_writer"

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
    @task(pool=FETCH_POOL)
    def discover() -> list[dict[str, Any]]:
        context = get_current_context()
        run, params = context["dag_run"], context["params"]
        try:
            return steps.plan_backfill(
                steps.ledger_run_id(run.dag_id, run.run_id, run.run_after),
                steps.trigger_for(run.dag_id),
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

    @task(pool=FETCH_POOL)
    def fetch(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.fetch_batch(batch)

    @task
    def parse(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.parse_batch(batch)

    @task
    def stage(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.stage_batch(batch)

    @task
    def validate(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.validate_batch(batch)

    @task(pool=WAREHOUSE_POOL, outlets=WAREHOUSE)
    def publish(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.publish_batch(batch)

    @task_group(group_id="batch", prefix_group_id=False)
    def one_batch(batch: dict[str, Any]) -> Any:
        return publish(validate(stage(parse(fetch(batch)))))

    @task(pool=WAREHOUSE_POOL, trigger_rule=TriggerRule.ALL_DONE)
    def summarize(results: Any) -> dict[str, Any]:
        run = get_current_context()["dag_run"]
        summary = steps.summarize_run(
            steps.ledger_run_id(run.dag_id, run.run_id, run.run_after),
            trigger=steps.trigger_for(run.dag_id),
            results=results,
        )
        if summary["status"] != "succeeded":  # blocked or failed: the run must show it
            raise AirflowFailException(summary["line"])
        return summary

    summarize(one_batch.expand(batch=discover()))


bulletins_backfill()
