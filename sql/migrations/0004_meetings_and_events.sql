-- Migration 4 (issue 14): a meeting's guest may be unnamed (guest_id null, guest_country
-- kept), and events, meetings among them, get their own table.

alter table meetings alter column guest_id drop not null;

alter table meetings add column guest_country varchar;

create table events (
    event_id varchar not null,
    article_id varchar not null,
    event_date date,
    kind varchar not null,
    actor_id varchar,
    target_id varchar,
    actor varchar not null,
    target varchar,
    place varchar,
    sentence varchar not null,
    cameo_code varchar not null
);
