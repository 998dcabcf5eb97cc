-- The hits of `bulletins search`: the search_bulletins macro with the command's options.
select
    rank,
    article_id,
    published_date,
    source,
    headline,
    url,
    score,
    snippet
from search_bulletins(
    $query,
    since_date := $since::date,
    until_date := $until::date,
    only_source := $source::varchar,
    max_hits := $limit::bigint
)
order by rank;
