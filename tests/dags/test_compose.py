"""docker-compose.yml, checked without a Docker engine: its structure against the parts of the
Compose specification it uses (a schema written here: the file may use nothing else), its
`${VARIABLE}`s against `.env.example`, and its services' commands and settings against
what the native distributed test runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.dags import deployment
from tests.dags.conftest import SCRIPTS

_STRINGS = {"type": "array", "items": {"type": "string"}}
WAREHOUSE_HOST_VOLUMES = ["bulletins-warehouse:/data/warehouse", "bulletins-crawl:/data/crawl"]
_DURATION = {"type": "string", "pattern": r"^(\d+(\.\d+)?(ms|s|m|h))+$"}
_EXTENSIONS = {"^x-": {}}
# The subset of the Compose specification (compose-spec.io) that the deployment uses, with
# its value types; a misspelt or misplaced key fails here as it would in `docker compose`.
SERVICE = {
    "type": "object",
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
    "properties": {
        "image": {"type": "string"},
        "build": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"context": {"type": "string"}, "dockerfile": {"type": "string"}},
            "required": ["context"],
        },
        "command": _STRINGS,
        "user": {"type": "string"},
        "init": {"type": "boolean"},
        "environment": {
            "type": "object",
            "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
        },
        "volumes": {"type": "array", "items": {"type": "string", "pattern": r"^[\w.-]+:/\S*$"}},
        "ports": {"type": "array", "items": {"type": "string"}},
        "expose": {"type": "array", "items": {"type": "string"}},
        "depends_on": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "condition": {
                        "enum": [
                            "service_started",
                            "service_healthy",
                            "service_completed_successfully",
                        ]
                    }
                },
                "required": ["condition"],
            },
        },
        "healthcheck": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "test": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 2,
                    "prefixItems": [{"enum": ["CMD", "CMD-SHELL", "NONE"]}],
                },
                "interval": _DURATION,
                "timeout": _DURATION,
                "retries": {"type": "integer", "minimum": 0},
                "start_period": _DURATION,
            },
            "required": ["test"],
        },
        "restart": {"enum": ["no", "always", "on-failure", "unless-stopped"]},
    },
    "anyOf": [{"required": ["image"]}, {"required": ["build"]}],
}
COMPOSE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
        "services": {
            "type": "object",
            "patternProperties": {"^[a-zA-Z0-9._-]+$": SERVICE},
            "additionalProperties": False,
        },
        "volumes": {
            "type": "object",
            "additionalProperties": {"type": ["null", "object"]},
        },
    },
    "required": ["services"],
}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return deployment.load_compose()


@pytest.fixture(scope="module")
def variables() -> dict[str, str]:
    return deployment.dotenv()


def test_the_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    jsonschema.validate(compose, COMPOSE_SCHEMA, cls=jsonschema.Draft202012Validator)


def test_a_misplaced_key_is_caught(compose: dict[str, Any]) -> None:
    broken = {**compose, "services": {**compose["services"], "redis": {"image": "r", "cmd": []}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, COMPOSE_SCHEMA, cls=jsonschema.Draft202012Validator)


def test_airflow_3_production_layout(compose: dict[str, Any]) -> None:
    assert sorted(compose["services"]) == sorted(
        ("postgres", "redis", *deployment.AIRFLOW_SERVICES)
    )
    services = compose["services"]
    for name in deployment.AIRFLOW_SERVICES:
        service = services[name]
        assert service["image"] == "${BULLETINS_IMAGE:-sana-bulletins:latest}", name
        assert service["build"] == {"context": ".", "dockerfile": "Dockerfile"}, name
        assert service["environment"] == services["scheduler"]["environment"], name
        extra = WAREHOUSE_HOST_VOLUMES if name == "warehouse-worker" else []
        assert service["volumes"] == services["scheduler"]["volumes"] + extra, name
        after = service["depends_on"]
        assert after["postgres"] == after["redis"] == {"condition": "service_healthy"}, name
        if name != "airflow-init":
            assert after["airflow-init"] == {"condition": "service_completed_successfully"}
    assert deployment.command(compose, "airflow-init") == ["bash", "scripts/airflow-init.sh"]
    assert {
        name: deployment.command(compose, name) for name in deployment.AIRFLOW_SERVICES[1:]
    } == {
        "api-server": ["airflow", "api-server"],
        "scheduler": ["airflow", "scheduler"],
        "dag-processor": ["airflow", "dag-processor"],
        "triggerer": ["airflow", "triggerer"],
        "celery-worker": ["airflow", "celery", "worker"],
        "warehouse-worker": [
            "airflow", "celery", "worker", "--queues", "${BULLETINS_WAREHOUSE_QUEUE:-warehouse}",
        ],
    }  # fmt: skip
    assert all(name in services for name in deployment.NATIVE_SERVICES)


def test_the_settings_come_from_env_example(
    compose: dict[str, Any], variables: dict[str, str]
) -> None:
    used = deployment.variables_used(compose)
    assert used <= set(variables), used - set(variables)
    assert set(variables) - used == set()  # .env.example documents nothing unused
    env = deployment.airflow_environment(compose, variables)
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] == (
        f"postgresql+psycopg2://airflow:{variables['POSTGRES_PASSWORD']}@postgres:5432/airflow"
    )
    assert env["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://api-server:8080/execution/"
    assert env["AIRFLOW__API_AUTH__JWT_SECRET"] == variables["AIRFLOW_JWT_SECRET"]
    # The secrets have no default: a deployment without its own `.env` does not start.
    for secret in ("AIRFLOW_JWT_SECRET", "AIRFLOW_API_SECRET_KEY", "POSTGRES_PASSWORD"):
        without = {k: v for k, v in variables.items() if k != secret}
        with pytest.raises(KeyError, match=secret):
            deployment.airflow_environment(compose, without)


def test_the_volumes_hold_the_warehouse_and_the_landing_zone(
    compose: dict[str, Any], variables: dict[str, str]
) -> None:
    """Every worker shares the landing zone and the staging area; the warehouse and the
    crawl frontier are mounted by the warehouse-worker alone, which serves their queue."""
    env = deployment.airflow_environment(compose, variables)
    home = env["BULLETINS_HOME"]
    shared = dict(v.split(":", 1)[::-1] for v in compose["x-airflow-common"]["volumes"])
    assert shared[home + "/raw"] == "bulletins-raw"
    assert shared[home] == "bulletins-data"
    services = compose["services"]
    own = dict(v.split(":", 1)[::-1] for v in services["warehouse-worker"]["volumes"])
    assert own[str(Path(env["BULLETINS_DB"]).parent)] == "bulletins-warehouse"
    assert own[home + "/crawl"] == "bulletins-crawl"  # the frontier's directory
    for name, service in services.items():
        if name != "warehouse-worker":
            assert not {"bulletins-warehouse", "bulletins-crawl"} & {
                v.split(":", 1)[0] for v in service.get("volumes", [])
            }, name
    assert set(shared.values()) | set(own.values()) | {"postgres-db"} == set(compose["volumes"])
    queue = deployment.command(compose, "warehouse-worker", variables)[-1]
    assert queue == env["BULLETINS_WAREHOUSE_QUEUE"] == "warehouse"


def test_the_native_test_runs_the_same_commands_and_settings(
    compose: dict[str, Any], variables: dict[str, str], tmp_path: Path
) -> None:
    """The distributed test's processes: the compose services' commands, and their settings
    with only the addresses, ports and paths moved to this machine."""
    env = deployment.airflow_environment(compose, variables)
    native = deployment.native_environment(
        env,
        database_url="postgres@127.0.0.1:5432/test",
        redis_url="redis://127.0.0.1:6379/9",
        ports={"api": 18080, "scheduler": 18974, "worker_logs": 18793, "trigger_logs": 18794},
        data_dir=tmp_path,
        airflow_home=tmp_path / "airflow",
        queue="test",
    )
    changed = {k for k in env if native[k] != env[k]}
    assert changed <= set(deployment.MOVED) | set(deployment.NATIVE_ONLY)
    assert set(native) - set(env) == {"AIRFLOW_HOME", "AIRFLOW__OPERATORS__DEFAULT_QUEUE"}
    assert native["BULLETINS_WAREHOUSE_QUEUE"] == "test_warehouse"
    assert native["AIRFLOW__CORE__DAGS_FOLDER"] == str(deployment.REPO / "dags")
    assert native["BULLETINS_DB"] == str(tmp_path / "warehouse" / "warehouse.duckdb")
    # Every script a service runs is in the repository, as the image copies it.
    for name in deployment.AIRFLOW_SERVICES:
        for part in deployment.command(compose, name):
            if part.startswith("scripts/"):
                assert (deployment.REPO / part).is_file()


def test_the_image_installs_this_project_from_the_lock_file() -> None:
    text = deployment.DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11\S*", text, re.MULTILINE)
    assert f"WORKDIR {deployment.IMAGE_PROJECT}" in text
    assert "uv sync --locked --no-dev --no-install-project" in text
    copied = set(re.findall(r"^COPY (\S+) \./\S*$", text, re.MULTILINE))
    assert {"etl", "sql", "expectations", "dags", "scripts"} <= copied
    lines = (deployment.REPO / ".dockerignore").read_text().splitlines()
    ignored = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert not {"etl", "sql", "expectations", "dags", "scripts"} & set(ignored)
    assert (SCRIPTS / "airflow-init.sh").read_text().count("airflow pools import") == 1
