-- Mentions of each entity per month ("mentions of Idlib by month"); a near-duplicate
-- bulletin is counted once, through its original.
create or replace view mentions_per_entity_month as
select
    entities.entity_id,
    entities.name,
    entities.kind,
    date_trunc('month', articles.published_date)::date as month,
    count(*) as n_mentions,
    count(distinct articles.article_id) as n_articles
from mentions
inner join articles
    on articles.article_id = mentions.article_id
inner join entities
    on entities.entity_id = mentions.entity_id
where articles.duplicate_of is null
    and articles.published_date is not null
group by all
order by month, n_mentions desc, entities.name;
