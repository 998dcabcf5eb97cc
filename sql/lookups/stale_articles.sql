-- The next `$limit` articles after `$after` (by id) that the current parser wrote but older
-- enrichment rules enriched, with every field the bulletin was parsed into and its document's
-- row, so that they can be enriched again without reading the document.
-- Parameters: $parser_version, $enrichment_version, $after, $limit.
with chunk as (
    select
        article_id, url, source, headline, published_date, dateline, weekday, desk,
        content_hash, document_id
    from articles
    where parser_version = $parser_version
        and enrichment_version is distinct from $enrichment_version
        and article_id > $after
    order by article_id
    limit $limit
),

article_paragraphs as (
    select
        article_id,
        list(text order by position) as paragraphs,
        list(is_truncated order by position) as truncated
    from paragraphs
    where article_id in (select article_id from chunk)
    group by article_id
),

article_bylines as (
    select
        article_authors.article_id,
        list(authors.name order by article_authors.position) as authors
    from article_authors
    inner join authors
        on authors.author_id = article_authors.author_id
    where article_authors.article_id in (select article_id from chunk)
    group by article_authors.article_id
),

article_captions as (
    select
        article_id,
        list(text order by position) as captions
    from captions
    where article_id in (select article_id from chunk)
    group by article_id
),

article_links as (
    select
        article_id,
        list({'title': title, 'teaser': teaser, 'url': url, 'kind': kind} order by position)
            as related
    from related_links
    where article_id in (select article_id from chunk)
    group by article_id
)

select
    chunk.article_id,
    chunk.url,
    chunk.source,
    chunk.headline,
    chunk.published_date,
    chunk.dateline,
    chunk.weekday,
    chunk.desk,
    chunk.content_hash,
    coalesce(article_paragraphs.paragraphs, []) as paragraphs,
    coalesce(article_paragraphs.truncated, []) as truncated,
    coalesce(article_bylines.authors, []) as authors,
    coalesce(article_captions.captions, []) as captions,
    coalesce(article_links.related, []) as related,
    documents.document_id,
    documents.uri,
    documents.media_type,
    documents.size_bytes,
    documents.content_hash as document_hash,
    documents.raw_location,
    documents.raw_offset,
    documents.url as document_url,
    documents.fetched_at,
    documents.fetched_from,
    documents.http_status
from chunk
inner join documents
    on documents.document_id = chunk.document_id
left join article_paragraphs
    on article_paragraphs.article_id = chunk.article_id
left join article_bylines
    on article_bylines.article_id = chunk.article_id
left join article_captions
    on article_captions.article_id = chunk.article_id
left join article_links
    on article_links.article_id = chunk.article_id
order by chunk.article_id;
