"""The DAG files: they import without errors, cheaply (the scheduler parses them every few
seconds), and wire what the issue asks: tasks, mapping, pools, params, retries, assets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from etl.runs import steps
from tests.dags.conftest import DAGS, SCRIPTS, airflow_environment

# Parsing a DAG file must load none of these: great_expectations takes seconds to import,
# the others mean a database, the network or the parser at parse time.
HEAVY = (
    "great_expectations",
    "duckdb",
    "pyarrow",
    "pandas",
    "trafilatura",
    "etl.fetch",
    "etl.runs.ingest",
    "etl.load.warehouse",
    "etl.load.quality",
    "etl.extract.parse",
)

# Run in a fresh interpreter: sockets and database drivers refuse to connect, then the
# DagBag parses the DAG folder, and what it loaded is reported as JSON.
_PARSE = """
import json, socket, sqlite3, sys

attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args)[:200])
    raise OSError("no connections while parsing DAG files")

from pathlib import Path
from airflow.dag_processing.dagbag import BundleDagBag

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sqlite3.connect = refuse
before = set(sys.modules)
# As the dag-processor, the task runner and the CLI parse a bundle: its folder on sys.path,
# where the DAG files find the module they share (bulletins_tasks).
bag = BundleDagBag(dag_folder=sys.argv[1], bundle_path=Path(sys.argv[1]))
loaded = sorted(set(sys.modules) - before)
dags = {}
for dag_id, dag in bag.dags.items():
    dags[dag_id] = {
        "tasks": {
            task.task_id: {
                "upstream": sorted(task.upstream_task_ids),
                "pool": task.pool,
                "queue": task.queue,
                "retries": task.retries,
                "backoff": task.retry_exponential_backoff,
                "mapped": type(task).__name__ == "MappedOperator"
                or any(g.__class__.__name__ == "MappedTaskGroup" for g in [task.task_group]),
                "trigger_rule": getattr(task.trigger_rule, "value", task.trigger_rule),
                "outlets": sorted(a.uri for a in task.outlets),
            }
            for task in dag.tasks
        },
        "params": {k: dag.params.get_param(k).schema for k in dag.params},
        "defaults": {k: dag.params[k] for k in dag.params},
        "schedule": type(dag.timetable).__name__,
        "catchup": dag.catchup,
        "max_active_runs": dag.max_active_runs,
    }
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "loaded": loaded,
    "attempts": attempts,
    "dags": dags,
}, default=str))
"""


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What parsing the DAG folder loaded and found, in a fresh interpreter."""
    home = tmp_path_factory.mktemp("parse")
    env = airflow_environment(home / "airflow", home / "bulletins")
    env["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    done = subprocess.run(
        [sys.executable, "-c", _PARSE, str(DAGS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_dagbag_imports_both_dags_without_errors(parsed: dict[str, Any]) -> None:
    assert parsed["errors"] == {}
    assert sorted(parsed["dags"]) == ["bulletins_backfill", "bulletins_nightly"]
    dag_files = sorted(p.stem for p in DAGS.glob("*.py") if p.name != "bulletins_tasks.py")
    assert dag_files == sorted(parsed["dags"])  # id = file; bulletins_tasks is shared code


def test_parsing_loads_nothing_heavy_and_connects_nowhere(parsed: dict[str, Any]) -> None:
    heavy = [m for m in parsed["loaded"] if m.split(".")[0] in HEAVY or m in HEAVY]
    heavy += [m for m in parsed["loaded"] if any(m.startswith(f"{h}.") for h in HEAVY)]
    assert heavy == []
    assert parsed["attempts"] == []


@pytest.mark.parametrize("dag_id", ["bulletins_nightly", "bulletins_backfill"])
def test_tasks_in_order_with_pools_and_retries(parsed: dict[str, Any], dag_id: str) -> None:
    tasks = parsed["dags"][dag_id]["tasks"]
    fetch_pool = "sana_fetch" if dag_id == "bulletins_nightly" else "sana_archive_fetch"
    # The tasks that use the warehouse or the crawl frontier go to the warehouse host's queue.
    assert {name: (t["upstream"], t["pool"], t["queue"]) for name, t in tasks.items()} == {
        "discover": ([], fetch_pool, "warehouse"),
        "fetch": (["discover"], fetch_pool, "warehouse"),
        "parse": (["fetch"], "default_pool", "default"),
        "validate": (["parse"], "default_pool", "default"),
        "publish": (["validate"], "duckdb_writer", "warehouse"),
        "summarize": (["publish"], "duckdb_writer", "warehouse"),
    }
    assert {name for name, t in tasks.items() if t["mapped"]} == {
        "fetch",
        "parse",
        "validate",
        "publish",
    }
    assert tasks["summarize"]["trigger_rule"] == "all_done"
    # The subprocess runs with BULLETINS_TASK_RETRIES=0; the backoff is what counts here.
    assert {t["retries"] for t in tasks.values()} == {0}
    assert {t["backoff"] for t in tasks.values()} == {2.0}
    assert tasks["publish"]["outlets"] == sorted(
        f"duckdb://warehouse/{table}" for table in steps.WAREHOUSE_TABLES
    )
    assert [name for name, t in tasks.items() if t["outlets"]] == ["publish"]


def test_nightly_runs_on_data_intervals_one_at_a_time(parsed: dict[str, Any]) -> None:
    nightly = parsed["dags"]["bulletins_nightly"]
    assert nightly["schedule"] == "CronDataIntervalTimetable"
    assert (nightly["catchup"], nightly["max_active_runs"]) == (False, 1)
    assert nightly["defaults"] == {
        "look_back_days": 2,
        "categories": ["politics", "presidency"],
        "batch_size": steps.DEFAULT_BATCH_SIZE,
        "delay": 5.0,
    }


def test_backfill_takes_typed_validated_params(parsed: dict[str, Any]) -> None:
    backfill = parsed["dags"]["bulletins_backfill"]
    assert backfill["schedule"] == "NullTimetable"
    params = backfill["params"]
    assert sorted(params) == [
        "batch_size",
        "categories",
        "delay",
        "from_date",
        "path",
        "reprocess",
        "source",
        "to_date",
    ]
    assert params["source"]["enum"] == ["archive-site", "wayback", "path"]
    assert (params["from_date"]["format"], params["to_date"]["format"]) == ("date", "date")
    assert params["batch_size"]["minimum"] == 1
    assert params["reprocess"]["type"] == "boolean"


def test_the_dags_pools_are_those_the_init_script_creates(parsed: dict[str, Any]) -> None:
    used = {t["pool"] for dag in parsed["dags"].values() for t in dag["tasks"].values()}
    created = json.loads((SCRIPTS / "pools.json").read_text())
    assert used - {"default_pool"} == set(created)
    assert {name: pool["slots"] for name, pool in created.items()} == {
        "duckdb_writer": 1,
        "sana_fetch": 1,
        "sana_archive_fetch": 1,
    }


def test_the_warehouse_assets_are_its_tables(tmp_path: Path) -> None:
    """Every table of data the warehouse has is announced as an Asset, and no other (the
    record of its schema's migrations aside)."""
    from etl.load.warehouse import Warehouse

    with Warehouse(tmp_path / "w.duckdb") as warehouse:
        tables = {
            row[0]
            for row in warehouse.con.execute(
                "select table_name from information_schema.tables where table_type = 'BASE TABLE'"
            ).fetchall()
        }
    assert set(steps.WAREHOUSE_TABLES) == tables - {"schema_migrations"}
