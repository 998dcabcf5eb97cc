#!/usr/bin/env bash
# The `airflow` command with the project's settings (scripts/airflow-env.sh), e.g.
#   uv run scripts/airflow.sh dags test bulletins_backfill --conf '{"source": "path", "path": "samples"}'
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/airflow-env.sh"
exec airflow "$@"
