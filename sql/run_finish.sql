update ingest_runs
set
    finished_at = $finished_at,
    status = $status,
    n_seen = $n_seen,
    n_new = $n_new,
    n_updated = $n_updated,
    n_unchanged = $n_unchanged,
    n_rejected = $n_rejected,
    n_quarantined = $n_quarantined,
    n_checks = $n_checks,
    n_checks_failed = $n_checks_failed,
    n_warnings = $n_warnings,
    failed_checks = $failed_checks
where run_id = $run_id;
