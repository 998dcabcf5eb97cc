-- After publication (inside its transaction): every parsed article of the batch is in the
-- warehouse with the content that was parsed.
with published as (
    select count(*) as n_published
    from staging.articles as staged
    inner join main.articles as current
        on current.article_id = staged.article_id
        and current.content_hash = staged.content_hash
)

select
    n_published = (select count(*) from staging.articles) as success,
    printf('%d published of %d parsed', n_published,
        (select count(*) from staging.articles)) as observed_value,
    (select count(*) from staging.articles) - n_published as unexpected_count,
    null::varchar as unexpected_sample
from published;
