"""What the nightly and backfill DAGs share: their default arguments, the warehouse's Assets,
and the tasks that follow discovery: per batch fetch, parse, validate and publish (a mapped
task group), then summarize.

Not a DAG file (`.airflowignore` lists it); the DAG files import it from the DAGs folder.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from airflow.sdk import Asset, TriggerRule, get_current_context, task, task_group
from airflow.sdk.exceptions import AirflowFailException

from etl import config
from etl.runs import steps

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
# Only `publish` and `summarize` write the warehouse, one task at a time.
WAREHOUSE_POOL = "duckdb_writer"
# The tasks that use the DuckDB file or the crawl frontier (SQLite), both on one host's local
# disk, run on the Celery queue that the worker of that host alone serves: `discover`
# (reads the warehouse, walks listings into the frontier), `fetch` (the frontier), `publish`
# and `summarize`. `parse` and `validate` run on any worker. Other executors ignore queues.
WAREHOUSE_QUEUE = config.warehouse_queue()


def ledger_run_id() -> str:
    """The ledger's run id of the running DAG run (the same for all its tasks and retries)."""
    run = get_current_context()["dag_run"]
    return steps.ledger_run_id(run.dag_id, run.run_id, run.run_after)


def trigger() -> str:
    """The ledger's trigger of the running DAG run (`airflow:<dag_id>`)."""
    return steps.trigger_for(get_current_context()["dag_run"].dag_id)


def process_batches(batches: Any, *, fetch_pool: str) -> None:
    """Within a DAG: each planned batch (the output of a `discover` task) is fetched in
    `fetch_pool`, parsed (into staged Parquet files), validated and published; then the run
    is summarized, and fails when a batch was blocked or did not finish."""

    @task(pool=fetch_pool, queue=WAREHOUSE_QUEUE)
    def fetch(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.fetch_batch(batch)

    @task
    def parse(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.parse_batch(batch)

    @task
    def validate(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.validate_batch(batch)

    @task(pool=WAREHOUSE_POOL, queue=WAREHOUSE_QUEUE, outlets=WAREHOUSE)
    def publish(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.publish_batch(batch)

    @task_group(group_id="batch", prefix_group_id=False)
    def one_batch(batch: dict[str, Any]) -> Any:
        return publish(validate(parse(fetch(batch))))

    @task(pool=WAREHOUSE_POOL, queue=WAREHOUSE_QUEUE, trigger_rule=TriggerRule.ALL_DONE)
    def summarize(results: Any) -> dict[str, Any]:
        summary = steps.summarize_run(ledger_run_id(), trigger=trigger(), results=results)
        if summary["status"] != "succeeded":  # blocked or failed: the run must show it
            raise AirflowFailException(summary["line"])
        return summary

    summarize(one_batch.expand(batch=batches))
