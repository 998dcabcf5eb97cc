-- Keep a blocked batch's staged rows for inspection, tagged with the run and batch number.

create schema if not exists quarantine;

create table if not exists quarantine.articles as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.articles limit 0;

insert into quarantine.articles
select $run_id, $batch_no, * from staging.articles;

create table if not exists quarantine.paragraphs as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.paragraphs limit 0;

insert into quarantine.paragraphs
select $run_id, $batch_no, * from staging.paragraphs;

create table if not exists quarantine.authors as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.authors limit 0;

insert into quarantine.authors
select $run_id, $batch_no, * from staging.authors;

create table if not exists quarantine.article_authors as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.article_authors limit 0;

insert into quarantine.article_authors
select $run_id, $batch_no, * from staging.article_authors;

create table if not exists quarantine.related_links as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.related_links limit 0;

insert into quarantine.related_links
select $run_id, $batch_no, * from staging.related_links;

create table if not exists quarantine.captions as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.captions limit 0;

insert into quarantine.captions
select $run_id, $batch_no, * from staging.captions;

create table if not exists quarantine.documents as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.documents limit 0;

insert into quarantine.documents
select $run_id, $batch_no, * from staging.documents;

create table if not exists quarantine.rejects as
select ''::varchar as run_id, 0::integer as batch_no, * from staging.rejects limit 0;

insert into quarantine.rejects
select $run_id, $batch_no, * from staging.rejects;
