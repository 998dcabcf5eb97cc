-- The documents an older parser made something of: those whose article it wrote, and those
-- it refused at extraction or parsing (the current parser may read them). Where each is kept
-- (its file, or its WARC record's file and offset) and its hash, to read it again.
-- Parameter: $parser_version.
with parsed_before as (
    select articles.document_id
    from articles
    where articles.parser_version <> $parser_version
    union
    select documents.document_id
    from documents
    inner join ingest_runs
        on ingest_runs.run_id = documents.first_run_id
    inner join rejects
        on rejects.document_id = documents.document_id
        and rejects.stage in ('extract', 'parse')
    anti join articles
        on articles.document_id = documents.document_id
    where ingest_runs.parser_version <> $parser_version
)

select
    documents.document_id,
    documents.uri,
    documents.raw_location,
    documents.raw_offset,
    documents.content_hash
from documents
where documents.document_id in (select document_id from parsed_before)
order by documents.raw_location, documents.raw_offset, documents.uri;
