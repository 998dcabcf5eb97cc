-- Migration 3: an article held back by a row-level expectation is a reject of stage
-- `validate`; the expectation and the value it observed get their own columns.

alter table rejects add column expectation varchar;

alter table rejects add column observed_value varchar;
