-- The expectations that failed in the given runs: in how many batches, with how many
-- unexpected values, and a sample of them.
select
    run_id,
    suite,
    expectation,
    column_name,
    severity,
    count(*) as n_batches,
    sum(unexpected_count) as n_unexpected,
    any_value(unexpected_sample) as sample
from dq_results
where not success
    and run_id in (select unnest($run_ids::varchar[]))
group by run_id, suite, expectation, column_name, severity
order by run_id desc, severity, suite, expectation, column_name;
