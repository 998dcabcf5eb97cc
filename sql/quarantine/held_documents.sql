-- The input document of each held article: its reject names the document's URI.
-- Parameter: $article_ids.
select articles.article_id, documents.uri, documents.document_id
from staging.articles as articles
inner join staging.documents as documents
    on documents.document_id = articles.document_id
where articles.article_id in (select unnest($article_ids));
