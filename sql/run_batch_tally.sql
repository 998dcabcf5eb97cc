-- The counters a batch of an orchestrated run recorded when it was published, if it was.
select tally
from run_batches
where run_id = $run_id
    and batch_no = $batch_no;
