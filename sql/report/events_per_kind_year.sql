-- Events per kind and year (near-duplicate bulletins counted once); run only when the
-- warehouse has an events table.
select
    year(events.event_date) as year,
    events.kind,
    count(*) as n_events
from events
inner join articles
    on articles.article_id = events.article_id
where events.event_date is not null
    and articles.duplicate_of is null
group by all
order by year, events.kind;
