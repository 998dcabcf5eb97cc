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

create or replace table staging.documents as
select * from read_parquet($documents);

create or replace table staging.rejects as
select * from read_parquet($rejects);
