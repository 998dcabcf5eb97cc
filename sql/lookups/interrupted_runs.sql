-- Runs of the given triggers still `running` (their process was killed), but the current
-- one, with the tallies of the batches they published. Parameters: $triggers, $current.
select
    ingest_runs.run_id,
    coalesce(list(run_batches.tally order by run_batches.batch_no)
        filter (where run_batches.tally is not null), []) as tallies
from ingest_runs
left join run_batches
    on run_batches.run_id = ingest_runs.run_id
where ingest_runs.status = 'running'
    and ingest_runs.trigger in (select unnest($triggers))
    and ingest_runs.run_id <> $current
group by ingest_runs.run_id
order by ingest_runs.run_id;
