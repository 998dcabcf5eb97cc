-- Of the given document ids, those already in the warehouse that need not be parsed again:
-- a document whose article the current parser and enrichment rules wrote, or a document
-- without an article (refused, or an older copy of one) first seen by a run of the current
-- parser. Parameters: $ids, $parser_version, $enrichment_version.
select documents.document_id
from documents
inner join ingest_runs
    on ingest_runs.run_id = documents.first_run_id
left join articles
    on articles.document_id = documents.document_id
where documents.document_id in (select unnest($ids))
    and (
        (
            articles.article_id is not null
            and articles.parser_version = $parser_version
            and articles.enrichment_version = $enrichment_version
        )
        or (articles.article_id is null and ingest_runs.parser_version = $parser_version)
    );
