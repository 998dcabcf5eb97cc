-- Record what a batch added to its run's counters (see run_batches), in the batch's
-- transaction.
insert into run_batches (run_id, batch_key, batch_no, tally, published_at)
values ($run_id, $batch_key, $batch_no, $tally, $published_at);
