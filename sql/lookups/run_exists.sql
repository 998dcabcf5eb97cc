-- Whether the ledger already has a run (the first batch of an Airflow run to publish opens it).
select count(*)
from ingest_runs
where run_id = $run_id;
