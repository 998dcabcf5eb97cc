-- Keep search current after a publish, in about a second: bulletins new or changed since the
-- full rebuild go to a small fts index of their own (schema fts_main_search_recent), searched
-- beside the big one; the spellings of every entity are tokenized as the index tokenizes.
create or replace table search_recent as
select
    articles.article_id,
    articles.published_date,
    articles.source,
    articles.headline,
    articles.body
from articles
anti join search_indexed
    on search_indexed.article_id = articles.article_id
    and search_indexed.content_hash = articles.content_hash;

pragma create_fts_index(
    'search_recent', 'article_id', 'headline', 'body',
    stemmer = 'porter',
    stopwords = 'english',
    ignore = '[^\p{L}\p{N}]+',
    strip_accents = 1,
    lower = 1,
    overwrite = 1
);

-- Every spelling of every entity (its name and its aliases) as the stemmed words the index
-- holds, stopwords and the particles al- and el- left out: a query naming one of them
-- searches them all.
create or replace table search_spellings as
with spellings as (
    select
        entity_id,
        name as spelling
    from entities
    union
    select
        entity_id,
        alias as spelling
    from entity_aliases
),

words as (
    select
        spellings.entity_id,
        spellings.spelling,
        list(stem(word, 'porter') order by position) filter (
            where word <> ''
            -- the particles of names are not searched: al-Miqdad is Miqdad
            and word not in ('al', 'el')
            and word not in (
                select stopwords.sw
                from fts_main_articles.stopwords as stopwords
            )
        ) as terms
    from spellings
    cross join unnest(fts_main_articles.tokenize(spellings.spelling)) with ordinality as tokens(word, position)
    group by spellings.entity_id, spellings.spelling
)

select
    entity_id,
    spelling,
    terms
from words
where len(terms) > 0;
