-- A run's data-quality results for `bulletins dq`: the given run, else the latest one
-- that has results; failures first.
with chosen_run as (
    select coalesce(
        $run_id,
        (select run_id from dq_results order by run_id desc limit 1)
    ) as run_id
)

select
    dq_results.run_id,
    dq_results.batch_no as batch,
    dq_results.suite,
    dq_results.expectation,
    dq_results.column_name as column,
    dq_results.severity,
    dq_results.success,
    dq_results.observed_value as observed,
    dq_results.unexpected_count as unexpected,
    dq_results.unexpected_sample as sample
from dq_results
inner join chosen_run
    on chosen_run.run_id = dq_results.run_id
where not $only_failed or not dq_results.success
order by dq_results.batch_no, dq_results.success, dq_results.severity, dq_results.suite,
    dq_results.expectation, dq_results.column_name;
