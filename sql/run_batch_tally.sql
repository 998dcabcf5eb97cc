-- The counters a batch of a run recorded when it was published or held back, if it was.
select tally
from run_batches
where run_id = $run_id
    and batch_key = $batch_key;
