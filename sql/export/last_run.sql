-- The latest run of the ledger and the parser it ran (none in an empty warehouse).
select
    run_id,
    parser_version
from ingest_runs
order by started_at desc, run_id desc
limit 1;
