-- The share of the batch's inputs that were rejected stays below $max_share.
with inputs as (
    select
        (select count(*) from staging.documents)
        + (select count(*) from staging.rejects where document_id is null) as n_inputs,
        (select count(*) from staging.rejects) as n_rejected
)

select
    n_inputs = 0 or n_rejected / n_inputs <= $max_share as success,
    printf('%d of %d rejected (%.1f%%, limit %.1f%%)', n_rejected, n_inputs,
        100.0 * n_rejected / greatest(n_inputs, 1), 100.0 * $max_share) as observed_value,
    n_rejected as unexpected_count,
    (select to_json(list(reason)[1:10])::varchar from staging.rejects) as unexpected_sample
from inputs;
