-- Merge one staged batch into the warehouse, inside the caller's transaction.
-- Reads the staging schema (staging.articles, .paragraphs, .authors, .article_authors,
-- .related_links, .captions, .mentions, .person_roles, .meetings, .meeting_participants,
-- .events, .entities, .entity_aliases, .documents, .rejects). Parameter: $run_id.
-- An article is rewritten (with all its child rows) only when its content hash changed, or
-- an older parser or older enrichment rules wrote it (so that a reprocess stamps the
-- current parser_version and enrichment_version).

create or replace temp table changed_articles as
select
    staged.article_id,
    current.first_run_id as previous_first_run_id
from staging.articles as staged
left join articles as current
    on current.article_id = staged.article_id
where current.article_id is null
    or current.content_hash <> staged.content_hash
    or current.parser_version <> staged.parser_version
    or current.enrichment_version is distinct from staged.enrichment_version;

delete from paragraphs
where article_id in (select article_id from changed_articles);

delete from article_authors
where article_id in (select article_id from changed_articles);

delete from related_links
where article_id in (select article_id from changed_articles);

delete from captions
where article_id in (select article_id from changed_articles);

delete from mentions
where article_id in (select article_id from changed_articles);

delete from person_roles
where article_id in (select article_id from changed_articles);

delete from meeting_participants
where meeting_id in (
    select meeting_id
    from meetings
    where article_id in (select article_id from changed_articles)
);

delete from meetings
where article_id in (select article_id from changed_articles);

delete from events
where article_id in (select article_id from changed_articles);

delete from articles
where article_id in (select article_id from changed_articles);

insert into articles (
    article_id, url, source, headline, published_date, dateline, weekday, desk, body,
    word_count, content_hash, parser_version, document_id, simhash, first_run_id, last_run_id,
    enrichment_version
)
select
    staged.article_id,
    staged.url,
    staged.source,
    staged.headline,
    staged.published_date,
    staged.dateline,
    staged.weekday,
    staged.desk,
    staged.body,
    staged.word_count,
    staged.content_hash,
    staged.parser_version,
    staged.document_id,
    staged.simhash,
    coalesce(changed.previous_first_run_id, $run_id),
    $run_id,
    staged.enrichment_version
from staging.articles as staged
inner join changed_articles as changed
    on changed.article_id = staged.article_id;

insert into paragraphs (article_id, position, text, is_truncated)
select article_id, position, text, is_truncated
from staging.paragraphs
where article_id in (select article_id from changed_articles);

insert into article_authors (article_id, author_id, position)
select article_id, author_id, position
from staging.article_authors
where article_id in (select article_id from changed_articles);

insert into related_links (article_id, position, kind, title, teaser, url)
select article_id, position, kind, title, teaser, url
from staging.related_links
where article_id in (select article_id from changed_articles);

insert into captions (article_id, position, text)
select article_id, position, text
from staging.captions
where article_id in (select article_id from changed_articles);

insert into mentions (article_id, entity_id, surface, start_char, end_char, confidence)
select article_id, entity_id, surface, start_char, end_char, confidence
from staging.mentions
where article_id in (select article_id from changed_articles);

insert into person_roles (entity_id, article_id, title, normalized_title, organization)
select entity_id, article_id, title, normalized_title, organization
from staging.person_roles
where article_id in (select article_id from changed_articles);

insert into meetings (
    meeting_id, article_id, meeting_date, place, host_id, guest_id, kind, guest_country
)
select meeting_id, article_id, meeting_date, place, host_id, guest_id, kind, guest_country
from staging.meetings
where article_id in (select article_id from changed_articles);

insert into meeting_participants (meeting_id, entity_id, role)
select meeting_id, entity_id, role
from staging.meeting_participants
where meeting_id in (
    select meeting_id
    from staging.meetings
    where article_id in (select article_id from changed_articles)
);

insert into events (
    event_id, article_id, event_date, kind, actor_id, target_id, actor, target, place,
    sentence, cameo_code
)
select
    event_id, article_id, event_date, kind, actor_id, target_id, actor, target, place,
    sentence, cameo_code
from staging.events
where article_id in (select article_id from changed_articles);

insert into entities (entity_id, name, kind, country)
select distinct entity_id, name, kind, country
from staging.entities
where entity_id not in (select entity_id from entities);

insert into entity_aliases (entity_id, alias)
select distinct staged.entity_id, staged.alias
from staging.entity_aliases as staged
anti join entity_aliases as current
    on current.entity_id = staged.entity_id
    and current.alias = staged.alias;

insert into authors (author_id, name)
select distinct author_id, name
from staging.authors
where author_id not in (select author_id from authors);

insert into documents (
    document_id, uri, media_type, size_bytes, content_hash, raw_location, raw_offset, url,
    fetched_at, fetched_from, http_status, first_run_id
)
select distinct on (document_id)
    document_id, uri, media_type, size_bytes, content_hash, raw_location, raw_offset, url,
    fetched_at, fetched_from, http_status, $run_id
from staging.documents
where document_id not in (select document_id from documents);

insert into rejects (run_id, uri, stage, reason, document_id, expectation, observed_value)
select $run_id, uri, stage, reason, document_id, expectation, observed_value
from staging.rejects;
