-- The full rebuild of the search index: DuckDB's fts index over every bulletin's headline and
-- body (schema fts_main_articles), then what the searches need beside it. Minutes at a million
-- bulletins (docs/benchmarks.md): run off the publish path (`bulletins search --rebuild`).
-- Digits and letters of any script are words (the extension's default `ignore` drops digits);
-- accents are folded (Ḥamā finds Hama and Hamā), in the index and in queries alike.
pragma create_fts_index(
    'articles', 'article_id', 'headline', 'body',
    stemmer = 'porter',
    stopwords = 'english',
    ignore = '[^\p{L}\p{N}]+',
    strip_accents = 1,
    lower = 1,
    overwrite = 1
);

-- The extension writes one row per word in document order; sorted by word instead, a
-- search reads only the row groups of its words (DuckDB skips the others by their min/max).
create or replace table fts_main_articles.terms as
select
    docid,
    fieldid,
    termid
from fts_main_articles.terms
order by termid, docid;

-- Which version of each bulletin the index holds (a bulletin published or changed since is
-- searched in the small index of recent bulletins instead, refresh.sql), with what a search
-- filters on, so that a search reads the articles only for the hits it shows.
create or replace table search_indexed as
select
    docs.docid,
    docs.len,
    articles.article_id,
    articles.content_hash,
    articles.published_date,
    articles.source
from fts_main_articles.docs as docs
inner join articles
    on articles.article_id = docs.name
order by docs.docid;
