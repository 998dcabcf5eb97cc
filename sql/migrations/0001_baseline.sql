-- Migration 1: the warehouse as the first round left it (before migrations were recorded).
-- A warehouse without a schema_migrations table is at this version.


create table if not exists ingest_runs (
    run_id varchar not null,
    trigger varchar not null,
    started_at timestamp not null,
    finished_at timestamp,
    status varchar not null,
    parser_version varchar not null,
    n_seen integer not null default 0,
    n_new integer not null default 0,
    n_updated integer not null default 0,
    n_unchanged integer not null default 0,
    n_rejected integer not null default 0,
    n_quarantined integer not null default 0,
    n_checks integer not null default 0,
    n_checks_failed integer not null default 0,
    n_warnings integer not null default 0,
    failed_checks varchar
);

create table if not exists documents (
    document_id varchar not null,
    uri varchar not null,
    media_type varchar not null,
    size_bytes bigint not null,
    content_hash varchar not null,
    raw_location varchar not null,
    raw_offset bigint,
    url varchar,
    fetched_at timestamp,
    fetched_from varchar,
    http_status integer,
    first_run_id varchar not null
);

create table if not exists articles (
    article_id varchar not null,
    url varchar,
    source varchar not null,
    headline varchar not null,
    published_date date,
    dateline varchar,
    weekday varchar,
    desk varchar,
    body varchar not null,
    word_count integer not null,
    content_hash varchar not null,
    parser_version varchar not null,
    document_id varchar not null,
    simhash bigint not null,
    duplicate_of varchar,
    first_run_id varchar not null,
    last_run_id varchar not null
);

create table if not exists paragraphs (
    article_id varchar not null,
    position integer not null,
    text varchar not null,
    is_truncated boolean not null
);

create table if not exists authors (
    author_id varchar not null,
    name varchar not null
);

create table if not exists article_authors (
    article_id varchar not null,
    author_id varchar not null,
    position integer not null
);

create table if not exists related_links (
    article_id varchar not null,
    position integer not null,
    kind varchar not null,
    title varchar not null,
    teaser varchar,
    url varchar
);

create table if not exists captions (
    article_id varchar not null,
    position integer not null,
    text varchar not null
);

-- People, places, countries and organizations (the gazetteer's and those found in bulletins),
-- with every spelling seen; mentions, titles and meetings point at them.
create table if not exists entities (
    entity_id varchar not null,
    name varchar not null,
    kind varchar not null,
    country varchar
);

create table if not exists entity_aliases (
    entity_id varchar not null,
    alias varchar not null
);

create table if not exists mentions (
    article_id varchar not null,
    entity_id varchar not null,
    surface varchar not null,
    start_char integer not null,
    end_char integer not null,
    confidence double not null
);

create table if not exists person_roles (
    entity_id varchar not null,
    article_id varchar not null,
    title varchar not null,
    normalized_title varchar not null,
    organization varchar
);

create table if not exists meetings (
    meeting_id varchar not null,
    article_id varchar not null,
    meeting_date date,
    place varchar,
    host_id varchar not null,
    guest_id varchar not null,
    kind varchar not null
);

create table if not exists meeting_participants (
    meeting_id varchar not null,
    entity_id varchar not null,
    role varchar not null
);

create table if not exists rejects (
    run_id varchar not null,
    uri varchar not null,
    stage varchar not null,
    reason varchar not null,
    document_id varchar
);

-- Data-quality results: one row per expectation evaluated on a batch (GX suites and the
-- cross-table checks in sql/checks/ alike).
create table if not exists dq_results (
    run_id varchar not null,
    batch_no integer not null,
    suite varchar not null,
    expectation varchar not null,
    column_name varchar,
    severity varchar not null,
    success boolean not null,
    observed_value varchar,
    unexpected_count bigint,
    unexpected_sample varchar,
    notes varchar
);

-- Batches of an orchestrated run (Airflow) as they were published: the counters each one
-- added to its run, written in the same transaction as the batch's rows, so that a publish
-- task retried after a crash finds the batch either wholly published or not at all.
create table if not exists run_batches (
    run_id varchar not null,
    batch_no integer not null,
    tally varchar not null,  -- JSON: the batch's counters (etl.steps.publish_batch)
    published_at timestamp not null,
    primary key (run_id, batch_no)
);
