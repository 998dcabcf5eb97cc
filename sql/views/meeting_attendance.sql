-- Who attended meetings with whom: one row per participant of each meeting (guest null
-- when the bulletin names none).
create or replace view meeting_attendance as
select
    meetings.meeting_id,
    meetings.meeting_date,
    meetings.kind,
    hosts.name as host,
    guests.name as guest,
    participants.role,
    people.name as participant,
    articles.headline,
    articles.url
from meetings
inner join articles
    on articles.article_id = meetings.article_id
inner join entities as hosts
    on hosts.entity_id = meetings.host_id
left join entities as guests
    on guests.entity_id = meetings.guest_id
inner join meeting_participants as participants
    on participants.meeting_id = meetings.meeting_id
inner join entities as people
    on people.entity_id = participants.entity_id
where articles.duplicate_of is null
order by meetings.meeting_date, meetings.meeting_id, participants.role, people.name;
