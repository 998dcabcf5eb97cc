-- Write a batch's rows to the staging schema, from the Arrow tables registered as batch_*.
-- Validation reads these tables; publication copies from them; a blocked batch is moved
-- from them to the quarantine schema.

create schema if not exists staging;

create or replace table staging.articles as select * from batch_articles;

create or replace table staging.paragraphs as select * from batch_paragraphs;

create or replace table staging.authors as select * from batch_authors;

create or replace table staging.article_authors as select * from batch_article_authors;

create or replace table staging.related_links as select * from batch_related_links;

create or replace table staging.captions as select * from batch_captions;

create or replace table staging.documents as select * from batch_documents;

create or replace table staging.rejects as select * from batch_rejects;
