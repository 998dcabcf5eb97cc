insert into dq_results (
    run_id, batch_no, suite, expectation, column_name, severity, success, observed_value,
    unexpected_count, unexpected_sample, notes
)
select
    run_id, batch_no, suite, expectation, column_name, severity, success, observed_value,
    unexpected_count, unexpected_sample, notes
from batch_dq_results;
