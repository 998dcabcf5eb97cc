-- Load a staged batch (Parquet files, one per table) into an in-memory `staging` catalog of
-- the connection, for the cross-table checks and for publication. Parameters: the files.

attach if not exists ':memory:' as staging;

create or replace table staging.articles as
select * from read_parquet($articles);

create or replace table staging.paragraphs as
select * from read_parquet($paragraphs);

create or replace table staging.authors as
select * from read_parquet($authors);

create or replace table staging.article_authors as
select * from read_parquet($article_authors);

create or replace table staging.related_links as
select * from read_parquet($related_links);

create or replace table staging.captions as
select * from read_parquet($captions);

create or replace table staging.entities as
select * from read_parquet($entities);

create or replace table staging.entity_aliases as
select * from read_parquet($entity_aliases);

create or replace table staging.mentions as
select * from read_parquet($mentions);

create or replace table staging.person_roles as
select * from read_parquet($person_roles);

create or replace table staging.meetings as
select * from read_parquet($meetings);

create or replace table staging.meeting_participants as
select * from read_parquet($meeting_participants);

create or replace table staging.events as
select * from read_parquet($events);

create or replace table staging.documents as
select * from read_parquet($documents);

create or replace table staging.rejects as
select * from read_parquet($rejects);
