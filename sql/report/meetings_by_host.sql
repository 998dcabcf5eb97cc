-- Meetings per counterpart country and year, for the hosts with the most meetings.
with per_year as materialized (
    select
        year,
        coalesce(country, '?') as country,
        host,
        n_meetings
    from meetings_per_country_year
    where year is not null
),

top_hosts as (
    select
        host,
        sum(n_meetings) as n_total
    from per_year
    group by host
    order by n_total desc, host
    limit $n_hosts
)

select
    per_year.host,
    per_year.year,
    per_year.country,
    sum(per_year.n_meetings) as n_meetings
from per_year
inner join top_hosts
    on top_hosts.host = per_year.host
group by per_year.host, per_year.year, per_year.country, top_hosts.n_total
order by top_hosts.n_total desc, per_year.host, per_year.year, per_year.country;
