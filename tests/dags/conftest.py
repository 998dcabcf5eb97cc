"""Running Airflow from the tests: the project's scripts, in subprocesses, with temporary homes.

Airflow reads its configuration once per process, when it is first imported; every Airflow
command therefore runs in a subprocess with an environment of its own (a temporary
`AIRFLOW_HOME`, `BULLETINS_HOME` and warehouse), never in the pytest process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import REPO

SCRIPTS = REPO / "scripts"
DAGS = REPO / "dags"
# The environment of Airflow commands: everything but Airflow's and the project's settings,
# which each test gives itself.
_OWN_PREFIXES = ("AIRFLOW", "BULLETINS_", "GX_", "_AIRFLOW")
# The run ledger, as the DAG tests compare it.
LEDGER = (
    "select trigger, status, n_seen, n_new, n_updated, n_unchanged, n_rejected, "
    "n_quarantined, n_warnings, failed_checks from ingest_runs order by started_at"
)


def base_environment() -> dict[str, str]:
    """This process's environment without Airflow's or the project's settings, with the
    project's virtualenv first on PATH (where `airflow` and `bulletins` live)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OWN_PREFIXES)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def airflow_environment(
    airflow_home: Path, bulletins_home: Path, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of the embedded setup's commands (scripts/airflow-env.sh fills in the
    rest), in temporary homes; failed tasks are not retried, so a broken run fails at once."""
    env = base_environment()
    env.update(
        {
            "AIRFLOW_HOME": str(airflow_home),
            "BULLETINS_HOME": str(bulletins_home),
            "BULLETINS_TASK_RETRIES": "0",
        }
    )
    env.update(extra or {})
    return env


def run_logged(
    command: list[str], env: Mapping[str, str], log: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run a command from the repository's root with its output in `log`; a command still
    running after `timeout` seconds is killed and fails the test with the log's end."""
    with log.open("w") as out:
        try:
            return subprocess.run(
                command,
                cwd=REPO,
                env=dict(env),
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{' '.join(command)} still running after {timeout:.0f} s:\n{tail(log)}")


def tail(log: Path, lines: int = 60) -> str:
    """The last lines of a log, for a failure message."""
    if not log.is_file():
        return "(no log)"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def rows(db: Path, query: str, params: Any = None) -> list[tuple[Any, ...]]:
    """A query's rows on the warehouse, opened read-only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, params).fetchall()


@pytest.fixture(scope="module")
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Airflow home with a migrated SQLite metadata database and the pools, made by
    scripts/airflow-init.sh as the README's commands make it; shared by a module's tests."""
    home = tmp_path_factory.mktemp("airflow")
    scratch = tmp_path_factory.mktemp("bulletins")
    log = home / "init.log"
    done = run_logged(
        ["bash", str(SCRIPTS / "airflow-init.sh")],
        airflow_environment(home, scratch),
        log,
        timeout=180,
    )
    assert done.returncode == 0, tail(log)
    return home
