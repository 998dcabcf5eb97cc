update ingest_runs
set
    finished_at = $finished_at,
    status = $status,
    n_seen = $n_seen,
    n_new = $n_new,
    n_updated = $n_updated,
    n_unchanged = $n_unchanged,
    n_rejected = $n_rejected
where run_id = $run_id;
