-- Of the given document ids, those already in the warehouse, first seen by a run of the
-- current parser: their documents need not be parsed again. Parameters: $ids, $parser_version.
select documents.document_id
from documents
inner join ingest_runs
    on ingest_runs.run_id = documents.first_run_id
where documents.document_id in (select unnest($ids))
    and ingest_runs.parser_version = $parser_version;
