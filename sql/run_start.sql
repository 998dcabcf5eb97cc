insert into ingest_runs (run_id, trigger, started_at, status, parser_version)
values ($run_id, $trigger, $started_at, 'running', $parser_version);
