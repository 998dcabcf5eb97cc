-- Mentions per month of the entities mentioned most (near-duplicates counted once).
with per_month as materialized (
    select
        entity_id,
        name,
        month,
        n_mentions
    from mentions_per_entity_month
),

top_entities as (
    select
        entity_id,
        sum(n_mentions) as n_total
    from per_month
    group by entity_id
    order by n_total desc, entity_id
    limit $n_entities
)

select
    per_month.name,
    per_month.month,
    per_month.n_mentions,
    top_entities.n_total
from per_month
inner join top_entities
    on top_entities.entity_id = per_month.entity_id
order by top_entities.n_total desc, per_month.name, per_month.month;
