-- Every child row's article is in the batch, and every byline's author is in the batch.
with orphans as (
    select 'paragraphs' as child_table, article_id as missing_id
    from staging.paragraphs
    where article_id not in (select article_id from staging.articles)
    union all
    select 'article_authors', article_id
    from staging.article_authors
    where article_id not in (select article_id from staging.articles)
    union all
    select 'related_links', article_id
    from staging.related_links
    where article_id not in (select article_id from staging.articles)
    union all
    select 'captions', article_id
    from staging.captions
    where article_id not in (select article_id from staging.articles)
    union all
    select 'article_authors.author_id', author_id
    from staging.article_authors
    where author_id not in (select author_id from staging.authors)
)

select
    count(*) = 0 as success,
    count(*)::varchar || ' orphan rows' as observed_value,
    count(*) as unexpected_count,
    to_json(list(distinct child_table || ': ' || missing_id)[1:10])::varchar as unexpected_sample
from orphans;
