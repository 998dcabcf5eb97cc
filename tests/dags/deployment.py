"""docker-compose.yml read as the native distributed test needs it: the Airflow services'
commands and settings, `${VARIABLE}`s filled in from `.env.example`, and those settings
moved from the containers' network and paths to this machine's.

The distributed test takes its commands and settings from here, so what it runs is the
compose file's deployment; `test_compose.py` checks that the move changes nothing but
addresses, ports and paths.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import REPO

COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
DOCKERFILE = REPO / "Dockerfile"
# Where the image puts the project and the data (Dockerfile, volumes of docker-compose.yml).
IMAGE_PROJECT = "/opt/bulletins"
IMAGE_DATA = "/data"
# The services the distributed test starts as processes, as the issue lists them.
NATIVE_SERVICES = ("scheduler", "dag-processor", "api-server", "celery-worker",
                   "warehouse-worker")  # fmt: skip
AIRFLOW_SERVICES = ("airflow-init", "api-server", "scheduler", "dag-processor", "triggerer",
                    "celery-worker", "warehouse-worker")  # fmt: skip
# Settings that name another container, a port of this one or a path in the image: the
# only ones the native run sets differently.
MOVED = (
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW__CELERY__RESULT_BACKEND",
    "AIRFLOW__CELERY__BROKER_URL",
    "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
    "AIRFLOW__API__PORT",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT",
    "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT",
    "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT",
    "AIRFLOW__CORE__DAGS_FOLDER",
    "BULLETINS_HOME",
    "BULLETINS_DB",
)
# What the native run adds: a home for Airflow's files, Celery queues of its own (other
# runs may share the Redis database), and no task retries (a broken run fails at once).
NATIVE_ONLY = (
    "AIRFLOW_HOME",
    "AIRFLOW__OPERATORS__DEFAULT_QUEUE",
    "BULLETINS_WAREHOUSE_QUEUE",
    "BULLETINS_TASK_RETRIES",
)

_VARIABLE = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}")


def load_compose() -> dict[str, Any]:
    """docker-compose.yml as YAML (anchors and `<<` merges resolved)."""
    data: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return data


def dotenv(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    """The `NAME=value` lines of an env file (comments and blank lines skipped)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            found[name.strip()] = value.strip()
    return found


def interpolate(value: str, variables: Mapping[str, str]) -> str:
    """Compose's interpolation: `${X}`, `${X:-default}`, `${X-default}`, `${X:?error}`,
    `${X?error}` and `$$` (a literal `$`). A required variable that is missing raises."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name, colon, kind, argument = match.groups()
        value = variables.get(name)
        missing = value is None or (colon == ":" and value == "")
        if kind == "?" and missing:
            raise KeyError(f"{name}: {argument}")
        if kind == "-" and missing:
            return str(argument)
        return value or ""

    return _VARIABLE.sub(replace, value)


def variables_used(value: Any) -> set[str]:
    """The `${NAME}`s anywhere in a YAML value."""
    if isinstance(value, str):
        return {m.group(1) for m in _VARIABLE.finditer(value) if m.group(1)}
    if isinstance(value, Mapping):
        return set().union(*(variables_used(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(variables_used(v) for v in value)) if value else set()
    return set()


def airflow_environment(
    compose: Mapping[str, Any], variables: Mapping[str, str], service: str = "scheduler"
) -> dict[str, str]:
    """An Airflow service's environment, interpolated."""
    environment = compose["services"][service]["environment"]
    return {name: interpolate(str(value), variables) for name, value in environment.items()}


def command(
    compose: Mapping[str, Any], service: str, variables: Mapping[str, str] | None = None
) -> list[str]:
    """A service's command, as the list that docker-compose.yml gives, interpolated with
    `variables` when given."""
    parts = [str(part) for part in compose["services"][service]["command"]]
    return parts if variables is None else [interpolate(part, variables) for part in parts]


def native_environment(
    compose_environment: Mapping[str, str],
    *,
    database_url: str,
    redis_url: str,
    ports: Mapping[str, int],
    data_dir: Path,
    airflow_home: Path,
    queue: str,
) -> dict[str, str]:
    """The compose services' settings moved to this machine: the PostgreSQL database and
    Redis database given, the api-server and log servers on `ports`, the project where it
    is checked out and the data under `data_dir`."""

    def moved_path(value: str) -> str:
        if value.startswith(IMAGE_PROJECT):
            return str(REPO) + value[len(IMAGE_PROJECT) :]
        if value.startswith(IMAGE_DATA):
            return str(data_dir) + value[len(IMAGE_DATA) :]
        raise ValueError(f"not a path of the image: {value}")

    env = dict(compose_environment)
    env.update(
        {
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"postgresql+psycopg2://{database_url}",
            "AIRFLOW__CELERY__RESULT_BACKEND": f"db+postgresql://{database_url}",
            "AIRFLOW__CELERY__BROKER_URL": redis_url,
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{ports['api']}/execution/",
            "AIRFLOW__API__PORT": str(ports["api"]),
            "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": str(ports["scheduler"]),
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(ports["worker_logs"]),
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(ports["trigger_logs"]),
            "AIRFLOW__CORE__DAGS_FOLDER": moved_path(env["AIRFLOW__CORE__DAGS_FOLDER"]),
            "BULLETINS_HOME": moved_path(env["BULLETINS_HOME"]),
            "BULLETINS_DB": moved_path(env["BULLETINS_DB"]),
            "AIRFLOW_HOME": str(airflow_home),
            "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
            "BULLETINS_WAREHOUSE_QUEUE": f"{queue}_warehouse",
            "BULLETINS_TASK_RETRIES": "0",
        }
    )
    return env
