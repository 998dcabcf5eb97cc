# Settings of the embedded Airflow (sourced by the other scripts). Every value is a default:
# a variable already set (by docker-compose, CI or you) is left as it is.
#   BULLETINS_HOME   the data directory (default ./data): warehouse, raw landing zone, ...
#   AIRFLOW_HOME     Airflow's own files (default $BULLETINS_HOME/airflow): airflow.cfg,
#                    the SQLite metadata database, logs, the generated admin password
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BULLETINS_HOME="${BULLETINS_HOME:-$repo/data}"
mkdir -p "$BULLETINS_HOME"
BULLETINS_HOME="$(cd "$BULLETINS_HOME" && pwd)"  # absolute: tasks run in other directories
export AIRFLOW_HOME="${AIRFLOW_HOME:-$BULLETINS_HOME/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="${AIRFLOW__CORE__DAGS_FOLDER:-$repo/dags}"
export AIRFLOW__CORE__LOAD_EXAMPLES="${AIRFLOW__CORE__LOAD_EXAMPLES:-False}"
# SQLite, one machine: the LocalExecutor runs the tasks in processes of the scheduler.
export AIRFLOW__CORE__EXECUTOR="${AIRFLOW__CORE__EXECUTOR:-LocalExecutor}"
export GX_ANALYTICS_ENABLED="${GX_ANALYTICS_ENABLED:-false}"
mkdir -p "$AIRFLOW_HOME"
