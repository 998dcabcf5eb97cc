-- The warehouse's tables as they are now: a new warehouse is created from this file. An
-- older warehouse is brought here by the numbered files of sql/migrations/, applied in order
-- when it is opened for writing and recorded in schema_migrations; a test holds that a
-- warehouse migrated from the first version has exactly the tables and columns of this file.
-- Ids are short hex digests (see etl/load/rows.py): the same bulletin is always the same row.

create table ingest_runs (
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

create table documents (
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

create table articles (
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
    last_run_id varchar not null,
    -- the rules that derived the article's mentions, roles, meetings and events
    -- (etl.enrich.derive.enrichment_version): extractor version + gazetteer digest
    enrichment_version varchar
);

create table paragraphs (
    article_id varchar not null,
    position integer not null,
    text varchar not null,
    is_truncated boolean not null
);

create table authors (
    author_id varchar not null,
    name varchar not null
);

create table article_authors (
    article_id varchar not null,
    author_id varchar not null,
    position integer not null
);

create table related_links (
    article_id varchar not null,
    position integer not null,
    kind varchar not null,
    title varchar not null,
    teaser varchar,
    url varchar
);

create table captions (
    article_id varchar not null,
    position integer not null,
    text varchar not null
);

-- People, places, countries and organizations (the gazetteer's and those found in bulletins),
-- with every spelling seen; mentions, titles and meetings point at them.
create table entities (
    entity_id varchar not null,
    name varchar not null,
    kind varchar not null,
    country varchar
);

create table entity_aliases (
    entity_id varchar not null,
    alias varchar not null
);

create table mentions (
    article_id varchar not null,
    entity_id varchar not null,
    surface varchar not null,
    start_char integer not null,
    end_char integer not null,
    confidence double not null
);

create table person_roles (
    entity_id varchar not null,
    article_id varchar not null,
    title varchar not null,
    normalized_title varchar not null,
    organization varchar
);

-- guest_id is null for a guest the bulletin does not name (`a delegation of ...`); the
-- guest side's country is kept all the same, from the guest's title or the group's adjective.
create table meetings (
    meeting_id varchar not null,
    article_id varchar not null,
    meeting_date date,
    place varchar,
    host_id varchar not null,
    guest_id varchar,
    kind varchar not null,
    guest_country varchar
);

create table meeting_participants (
    meeting_id varchar not null,
    entity_id varchar not null,
    role varchar not null
);

-- Events, meetings among them: actor and target as the bulletin writes them, and the
-- person, country or organization each names (null when it names none, as for "the terrorist
-- attack on ..."); cameo_code is the CAMEO 1.1b3 code of the kind.
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

create table rejects (
    run_id varchar not null,
    uri varchar not null,
    stage varchar not null,
    reason varchar not null,
    document_id varchar,
    expectation varchar,  -- the expectation that held the article back (stage validate)
    observed_value varchar
);

-- Data-quality results: one row per expectation evaluated on a batch (GX suites and the
-- cross-table checks in sql/checks/ alike).
create table dq_results (
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

-- Batches of a run as they were published (or held back): the counters each one added to its
-- run, written in the same transaction as the batch's rows, so that a publish retried after a
-- crash finds the batch either wholly published or not at all. A batch is known by a digest
-- of its inputs (batch_key), so that a run planned again can never take a new batch for one
-- it published; batch_no is its place in the run, for people.
create table run_batches (
    run_id varchar not null,
    batch_key varchar not null,
    batch_no integer not null,
    tally varchar not null,  -- JSON: the batch's counters (etl.runs.engine)
    published_at timestamp not null,
    primary key (run_id, batch_key)
);
