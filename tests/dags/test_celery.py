"""The distributed setup, natively: the services of docker-compose.yml (their commands and
settings, see `deployment.py`) as separate processes on this machine, against the
PostgreSQL and Redis of 127.0.0.1, with a metadata database, a Redis database and a Celery
queue of the test's own. The backfill DAG is triggered over the samples, runs on the Celery
worker, and the rows it published are checked.

PostgreSQL (trust authentication for `postgres`) and Redis run on every machine of this
project, CI's included: without them this test fails, it does not skip.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest
import redis
from psycopg import sql

from tests.conftest import SAMPLES
from tests.dags import deployment
from tests.dags.conftest import LEDGER, base_environment, rows, run_logged, tail

T = TypeVar("T")
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
RUN_ID = "celery_test"
# Bounds of the waits: generous for a loaded 2-core machine, short enough to fail clearly.
START_TIMEOUT = 180.0
RUN_TIMEOUT = 420.0


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def connect(dbname: str) -> psycopg.Connection[tuple[Any, ...]]:
    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=dbname, connect_timeout=10,
        autocommit=True,
    )  # fmt: skip


@contextmanager
def metadata_database() -> Iterator[str]:
    """A fresh PostgreSQL database for Airflow's metadata, dropped afterwards."""
    name = f"bulletins_airflow_test_{secrets.token_hex(4)}"
    try:
        admin = connect("postgres")
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {PG_HOST}:{PG_PORT} as {PG_USER}: {exc}")
    with admin:
        admin.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
        try:
            yield name
        finally:
            admin.execute(sql.SQL("drop database if exists {} with (force)").format(
                sql.Identifier(name)))  # fmt: skip


@contextmanager
def redis_database(queue: str) -> Iterator[int]:
    """A Redis database number for the broker; the test's own queue keys are removed after."""
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_timeout=10)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}: {exc}")
    number = 1 + secrets.randbelow(15)  # not 0, the default of everything else
    try:
        yield number
    finally:
        own = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=number, socket_timeout=10)
        for key in own.scan_iter(match=f"*{queue}*"):
            own.delete(key)
        # Kombu's bookkeeping of all Celery apps on this database: removed when no other
        # app uses the database.
        if set(own.scan_iter()) <= {b"_kombu.binding_deadlines"}:
            own.delete("_kombu.binding_deadlines")
        own.close()
        client.close()


class Services:
    """The Airflow processes, each in its own process group, with its log."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env = env
        self.logs = logs
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, command: list[str], **settings: str) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.processes[name] = subprocess.Popen(
                command,
                cwd=deployment.REPO,
                env={**self.env, **settings},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: stopping it stops its children
            )

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def report(self) -> str:
        """Each process's state and the end of its log."""
        parts = []
        for name, process in self.processes.items():
            state = "running" if process.poll() is None else f"exited {process.returncode}"
            parts.append(f"--- {name} ({state}) ---\n{tail(self.logs / f'{name}.log', 25)}")
        return "\n".join(parts)

    def wait_for(self, what: str, check: Callable[[], T | None], timeout: float) -> T:
        """Poll `check` until it gives a value; fail if a process dies or time runs out."""
        deadline = time.monotonic() + timeout
        while True:
            found = check()
            if found is not None:
                return found
            dead = [name for name, p in self.processes.items() if p.poll() is not None]
            if dead:
                pytest.fail(f"waiting for {what}: {', '.join(dead)} exited\n{self.report()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{what} not within {timeout:.0f} s\n{self.report()}")
            time.sleep(1.0)


def api_healthy(port: int) -> bool | None:
    url = f"http://127.0.0.1:{port}/api/v2/monitor/health"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return True if response.status == 200 else None
    except (urllib.error.URLError, OSError):
        return None


def query_one(database: str, query: str, *params: Any) -> tuple[Any, ...] | None:
    with connect(database) as con:
        return con.execute(query, params).fetchone()


def test_the_backfill_dag_runs_on_celery_workers(tmp_path: Path) -> None:
    queue = f"bulletins_test_{secrets.token_hex(4)}"
    compose = deployment.load_compose()
    settings = deployment.airflow_environment(compose, deployment.dotenv())
    ports = {name: free_port() for name in ("api", "scheduler", "worker_logs", "trigger_logs")}
    with metadata_database() as database, redis_database(queue) as redis_db:
        env = base_environment()
        env.update(
            deployment.native_environment(
                settings,
                database_url=f"{PG_USER}@{PG_HOST}:{PG_PORT}/{database}",
                redis_url=f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db}",
                ports=ports,
                data_dir=tmp_path / "data",
                airflow_home=tmp_path / "airflow",
                queue=queue,
            )
        )
        logs = tmp_path / "logs"
        logs.mkdir()
        init = run_logged(
            deployment.command(compose, "airflow-init"), env, logs / "init.log", timeout=300
        )
        assert init.returncode == 0, tail(logs / "init.log")
        services = Services(env, logs)
        try:
            for name in deployment.NATIVE_SERVICES:
                command = deployment.command(compose, name, env)
                settings = {}
                if name == "warehouse-worker":
                    # Two workers on one machine: the second needs its own Celery node name
                    # and log server port (each container has its own in the compose file).
                    command += ["--celery-hostname", f"warehouse-{queue}@%h"]
                    settings["AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT"] = str(free_port())
                services.start(name, command, **settings)
            services.wait_for("the api-server", lambda: api_healthy(ports["api"]), START_TIMEOUT)
            services.wait_for(
                "the backfill DAG parsed by the dag-processor",
                lambda: query_one(
                    database,
                    "select dag_id from serialized_dag where dag_id = %s",
                    "bulletins_backfill",
                ),
                START_TIMEOUT,
            )
            conf = json.dumps({"source": "path", "path": str(SAMPLES)})
            for command in (
                ["airflow", "dags", "unpause", "bulletins_backfill"],
                ["airflow", "dags", "trigger", "bulletins_backfill", "-r", RUN_ID, "-c", conf],
            ):
                log = logs / f"cli-{command[2]}.log"
                done = run_logged(command, env, log, timeout=120)
                assert done.returncode == 0, tail(log)
            (state,) = services.wait_for(
                "the DAG run to finish",
                lambda: query_one(
                    database,
                    "select state from dag_run where dag_id = %s and run_id = %s "
                    "and state in ('success', 'failed')",
                    "bulletins_backfill",
                    RUN_ID,
                ),
                RUN_TIMEOUT,
            )
            with connect(database) as con:
                tasks = con.execute(
                    "select task_id, map_index, state, queue, hostname from task_instance "
                    "where dag_id = %s and run_id = %s order by start_date",
                    ("bulletins_backfill", RUN_ID),
                ).fetchall()
            assert state == "success", f"{tasks}\n{services.report()}"
        finally:
            services.stop()
    # The tasks that use the warehouse or the frontier ran on the warehouse worker's queue,
    # parse and validate on the other worker's.
    warehouse = env["BULLETINS_WAREHOUSE_QUEUE"]
    assert [(task, index, state, q) for task, index, state, q, _ in tasks] == [
        ("discover", -1, "success", warehouse),
        ("fetch", 0, "success", warehouse),
        ("parse", 0, "success", queue),
        ("validate", 0, "success", queue),
        ("publish", 0, "success", warehouse),
        ("summarize", -1, "success", warehouse),
    ]
    db = Path(env["BULLETINS_DB"])
    assert rows(db, LEDGER) == [
        ("airflow:bulletins_backfill", "succeeded", 15, 10, 0, 5, 0, 0, 1, None)
    ]
    assert rows(db, "select source, count(*) from articles group by source order by source") == [
        ("sana", 5),
        ("sana-archive", 5),
    ]
