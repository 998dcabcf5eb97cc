-- Record what a batch of an orchestrated run added to the run's counters (see run_batches).
insert into run_batches (run_id, batch_no, tally, published_at)
values ($run_id, $batch_no, $tally, $published_at);
