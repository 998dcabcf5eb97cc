-- The articles that own the staged rows with the given keys: the rows that failed an
-- expectation about single rows, found by their table's key column ($key_column: article_id,
-- meeting_id, author_id or entity_id; $keys: the keys' values). An author or an entity is
-- owned by every article that points at it.
with keys as (
    select unnest($keys) as key
)

select articles.article_id as key, articles.article_id
from staging.articles as articles
where $key_column = 'article_id'
    and articles.article_id in (select key from keys)
union
select meetings.meeting_id, meetings.article_id
from staging.meetings as meetings
where $key_column = 'meeting_id'
    and meetings.meeting_id in (select key from keys)
union
select article_authors.author_id, article_authors.article_id
from staging.article_authors as article_authors
where $key_column = 'author_id'
    and article_authors.author_id in (select key from keys)
union
select mentions.entity_id, mentions.article_id
from staging.mentions as mentions
where $key_column = 'entity_id'
    and mentions.entity_id in (select key from keys)
union
select person_roles.entity_id, person_roles.article_id
from staging.person_roles as person_roles
where $key_column = 'entity_id'
    and person_roles.entity_id in (select key from keys)
union
select participants.entity_id, meetings.article_id
from staging.meeting_participants as participants
inner join staging.meetings as meetings
    on meetings.meeting_id = participants.meeting_id
where $key_column = 'entity_id'
    and participants.entity_id in (select key from keys);
