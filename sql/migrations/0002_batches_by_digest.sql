-- Migration 2: a batch is known by a digest of its inputs (batch_key), not by its number in
-- the plan: an Airflow run cleared and planned again may cut its batches differently, and a
-- new batch must never be taken for a published one. Batches recorded before keep their
-- number as their key.

create table run_batches_keyed (
    run_id varchar not null,
    batch_key varchar not null,
    batch_no integer not null,
    tally varchar not null,
    published_at timestamp not null,
    primary key (run_id, batch_key)
);

insert into run_batches_keyed (run_id, batch_key, batch_no, tally, published_at)
select run_id, 'batch-' || batch_no, batch_no, tally, published_at
from run_batches;

drop table run_batches;

alter table run_batches_keyed rename to run_batches;
