-- Every child row's parent (article, meeting) is in the batch (events included), and so is every author and
-- entity that a row points at.
with orphans as (
    select 'paragraphs' as child_table, article_id as missing_id
    from staging.paragraphs
    where article_id not in (select article_id from staging.articles)
    union all
    select 'article_authors', article_id
    from staging.article_authors
    where article_id not in (select article_id from staging.articles)
    union all
    select 'related_links', article_id
    from staging.related_links
    where article_id not in (select article_id from staging.articles)
    union all
    select 'captions', article_id
    from staging.captions
    where article_id not in (select article_id from staging.articles)
    union all
    select 'mentions', article_id
    from staging.mentions
    where article_id not in (select article_id from staging.articles)
    union all
    select 'meetings', article_id
    from staging.meetings
    where article_id not in (select article_id from staging.articles)
    union all
    select 'meeting_participants', meeting_id
    from staging.meeting_participants
    where meeting_id not in (select meeting_id from staging.meetings)
    union all
    select 'events', article_id
    from staging.events
    where article_id not in (select article_id from staging.articles)
    union all
    select 'events.actor_id', actor_id
    from staging.events
    where actor_id not in (select entity_id from staging.entities)
    union all
    select 'events.target_id', target_id
    from staging.events
    where target_id not in (select entity_id from staging.entities)    union all
    select 'mentions.entity_id', entity_id
    from staging.mentions
    where entity_id not in (select entity_id from staging.entities)
    union all
    select 'meeting_participants.entity_id', entity_id
    from staging.meeting_participants
    where entity_id not in (select entity_id from staging.entities)
    union all
    select 'article_authors.author_id', author_id
    from staging.article_authors
    where author_id not in (select author_id from staging.authors)
)

select
    count(*) = 0 as success,
    count(*)::varchar || ' orphan rows' as observed_value,
    count(*) as unexpected_count,
    to_json(
        list(distinct child_table || ': ' || missing_id
            order by child_table || ': ' || missing_id)[1:10]
    )::varchar as unexpected_sample
from orphans;
