-- Meetings per counterpart country and year ("how often did the president receive Iranian
-- officials per year"): the counterpart is the guest, or the host when the guest is Syrian.
-- A guest the bulletin does not name (an Iranian delegation) counts by the country it gives.
create or replace view meetings_per_country_year as
with counterparts as (
    select
        meetings.meeting_id,
        year(meetings.meeting_date) as year,
        meetings.kind,
        meetings.host_id,
        case
            when coalesce(guests.country, meetings.guest_country) = 'SY' then hosts.country
            else coalesce(guests.country, meetings.guest_country)
        end as country
    from meetings
    inner join articles
        on articles.article_id = meetings.article_id
    inner join entities as hosts
        on hosts.entity_id = meetings.host_id
    left join entities as guests
        on guests.entity_id = meetings.guest_id
    where articles.duplicate_of is null
)

select
    counterparts.year,
    counterparts.country,
    hosts.name as host,
    counterparts.kind,
    count(*) as n_meetings
from counterparts
inner join entities as hosts
    on hosts.entity_id = counterparts.host_id
group by all
order by counterparts.year, counterparts.country, n_meetings desc, host;
