-- The latest runs of the ledger, newest first.
select
    run_id,
    trigger,
    started_at,
    status,
    n_seen,
    n_new,
    n_updated,
    n_rejected,
    n_warnings,
    n_checks_failed,
    failed_checks
from ingest_runs
order by started_at desc, run_id desc
limit $n_runs;
