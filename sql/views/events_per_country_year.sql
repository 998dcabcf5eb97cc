-- Events per counterpart country and year ("how often did Syria condemn Israel", "cables to
-- Russia"): the counterpart is the target's country, or the actor's when the target is
-- Syrian or names no country. Meetings are events too (received, met, discussed,
-- phone_call); a near-duplicate bulletin is counted once, through its original.
create or replace view events_per_country_year as
with counterparts as (
    select
        year(events.event_date) as year,
        events.kind,
        events.cameo_code,
        actors.country as actor_country,
        targets.country as target_country
    from events
    inner join articles
        on articles.article_id = events.article_id
    left join entities as actors
        on actors.entity_id = events.actor_id
    left join entities as targets
        on targets.entity_id = events.target_id
    where articles.duplicate_of is null
)

select
    counterparts.year,
    case
        when counterparts.target_country is null or counterparts.target_country = 'SY'
            then counterparts.actor_country
        else counterparts.target_country
    end as country,
    counterparts.kind,
    counterparts.cameo_code,
    count(*) as n_events
from counterparts
group by all
order by counterparts.year, country, counterparts.kind;
