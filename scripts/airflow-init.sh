#!/usr/bin/env bash
# Prepare Airflow's metadata database: migrate it to this Airflow's schema, and create the
# pools the DAGs use (scripts/pools.json). Idempotent. The same script serves the embedded
# setup (SQLite), the distributed test and docker-compose's airflow-init service.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/airflow-env.sh"
airflow db migrate
airflow pools import "$here/pools.json"
