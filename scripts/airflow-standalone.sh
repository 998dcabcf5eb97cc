#!/usr/bin/env bash
# The embedded setup on one machine: the metadata database in SQLite under
# $BULLETINS_HOME/airflow, the LocalExecutor, and the scheduler, dag-processor, triggerer
# and api-server (http://localhost:8080) in one command. Stop it with Ctrl-C.
# Log in as `admin`; the password is in $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/airflow-env.sh"
"$here/airflow-init.sh"
exec airflow standalone
