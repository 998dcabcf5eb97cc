-- Mentions per month of the entities mentioned most (near-duplicates and undated bulletins
-- left out, as in the view mentions_per_entity_month). The few bulletins left out are
-- subtracted rather than every mention joined to its bulletin: a million bulletins have
-- twelve million mentions.
with left_out as (
    select article_id
    from articles
    where duplicate_of is not null
        or published_date is null
),

counted as (
    select
        mentions.entity_id,
        mentions.article_id
    from mentions
    where mentions.article_id not in (
        select left_out.article_id
        from left_out
    )
),

top_entities as (
    select
        entity_id,
        count(*) as n_total
    from counted
    group by entity_id
    order by n_total desc, entity_id
    limit $n_entities
)

select
    entities.name,
    date_trunc('month', articles.published_date)::date as month,
    count(*) as n_mentions,
    any_value(top_entities.n_total) as n_total
from counted
inner join top_entities
    on top_entities.entity_id = counted.entity_id
inner join articles
    on articles.article_id = counted.article_id
inner join entities
    on entities.entity_id = counted.entity_id
group by entities.name, top_entities.entity_id, month
order by n_total desc, entities.name, month;
