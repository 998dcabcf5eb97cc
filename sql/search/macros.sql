-- The search as SQL, stored in the warehouse with its index, so that it works wherever the
-- file is opened with the fts extension loaded (`bulletins sql`, a notebook):
--     select * from search_bulletins('Idlib')
--     select * from search_bulletins('Mekdad Tehran', since_date := date '2019-01-01', max_hits := 50)
--     select * from search_query('Idlib')   -- how the query was read

-- The query as searched: one row per group of words a bulletin must contain. A spelling of a
-- known entity (its name or an alias, in full) becomes a group of every spelling of that
-- entity, any one of which will do; every other word is a group of its own.
create or replace macro search_query(query_text) as table
with query_words as (
    select
        stem(tokens.word, 'porter') as term,
        tokens.position
    from unnest(fts_main_articles.tokenize(query_text)) with ordinality as tokens(word, position)
    where tokens.word <> ''
        and tokens.word not in (
            select stopwords.sw
            from fts_main_articles.stopwords as stopwords
        )
),

query_line as (
    select ' ' || string_agg(term, ' ' order by position) || ' ' as line
    from query_words
),

named as (
    select
        spellings.entity_id,
        spellings.terms
    from search_spellings as spellings
    cross join query_line
    where contains(query_line.line, ' ' || array_to_string(spellings.terms, ' ') || ' ')
),

entity_groups as (
    select
        entities.entity_id,
        entities.name,
        list(distinct spellings.spelling order by spellings.spelling) as spellings,
        list(distinct spellings.terms) as alternatives
    from entities
    inner join search_spellings as spellings
        on spellings.entity_id = entities.entity_id
    where entities.entity_id in (
        select named.entity_id
        from named
    )
    group by entities.entity_id, entities.name
),

word_groups as (
    select distinct query_words.term
    from query_words
    where query_words.term not in (
        select unnest(named.terms)
        from named
    )
)

select
    'entity' as kind,
    name as label,
    entity_id,
    spellings,
    alternatives
from entity_groups
union all
select
    'word' as kind,
    term as label,
    null as entity_id,
    [term] as spellings,
    [[term]] as alternatives
from word_groups;

-- Ranked bulletins containing every group of the query (BM25 over headline and body, k1 1.2,
-- b 0.75, a word in the headline counting twice), near-duplicates left out, newest first among
-- equal scores; with a snippet of the body around the first hit, the hits marked «so» (the
-- headline, marked, when only the headline has them).
create or replace macro search_bulletins(
    query_text, since_date := null, until_date := null, only_source := null, max_hits := 20
) as table
with groups as (
    select
        kind,
        alternatives
    from search_query(query_text)
),

wanted as (
    select
        term,
        bool_or(is_word) as is_word
    from (
        select
            unnest(flatten(alternatives)) as term,
            kind = 'word' as is_word
        from groups
    )
    group by term
),

base_terms as (
    select
        dict.termid,
        dict.term,
        dict.df
    from fts_main_articles.dict as dict
    where dict.term in (
        select wanted.term
        from wanted
    )
),

recent_terms as (
    select
        dict.termid,
        dict.term,
        dict.df
    from fts_main_search_recent.dict as dict
    where dict.term in (
        select wanted.term
        from wanted
    )
),

frequencies as (
    select
        term,
        sum(df) as df
    from (
        select
            term,
            df
        from base_terms
        union all
        select
            term,
            df
        from recent_terms
    )
    group by term
),

collection as (
    select
        base.num_docs + recent.num_docs as n_docs,
        (coalesce(base.avgdl * base.num_docs, 0) + coalesce(recent.avgdl * recent.num_docs, 0))
        / greatest(base.num_docs + recent.num_docs, 1) as avgdl
    from fts_main_articles.stats as base
    cross join fts_main_search_recent.stats as recent
),

occurrences as (
    select
        'base' as part,
        terms.docid,
        base_terms.term,
        sum(case when fields.field = 'headline' then 2 else 1 end) as tf
    from fts_main_articles.terms as terms
    inner join base_terms
        on base_terms.termid = terms.termid
    inner join fts_main_articles.fields as fields
        on fields.fieldid = terms.fieldid
    group by all
    union all
    select
        'recent' as part,
        terms.docid,
        recent_terms.term,
        sum(case when fields.field = 'headline' then 2 else 1 end) as tf
    from fts_main_search_recent.terms as terms
    inner join recent_terms
        on recent_terms.termid = terms.termid
    inner join fts_main_search_recent.fields as fields
        on fields.fieldid = terms.fieldid
    group by all
),

documents as (
    select
        'base' as part,
        docs.docid,
        docs.name as article_id,
        docs.len
    from fts_main_articles.docs as docs
    where docs.name not in (
        select search_recent.article_id
        from search_recent
    )
    union all
    select
        'recent' as part,
        docs.docid,
        docs.name as article_id,
        docs.len
    from fts_main_search_recent.docs as docs
),

matches as (
    select
        documents.article_id,
        list(occurrences.term) as terms,
        sum(
            ln(1 + (collection.n_docs - frequencies.df + 0.5) / (frequencies.df + 0.5))
            * occurrences.tf * 2.2
            / (occurrences.tf + 1.2 * (0.25 + 0.75 * documents.len / collection.avgdl))
        ) as score
    from occurrences
    inner join documents
        on documents.part = occurrences.part
        and documents.docid = occurrences.docid
    inner join frequencies
        on frequencies.term = occurrences.term
    cross join collection
    group by documents.article_id
),

complete as (
    select
        matches.article_id,
        matches.score
    from matches
    cross join groups
    where len(list_filter(groups.alternatives, lambda terms: list_has_all(matches.terms, terms))) > 0
    group by matches.article_id, matches.score
    having count(*) = (
        select count(*)
        from groups
    )
),

ranked as (
    select
        articles.article_id,
        articles.published_date,
        articles.source,
        articles.headline,
        articles.url,
        articles.body,
        complete.score
    from complete
    inner join articles
        on articles.article_id = complete.article_id
    where articles.duplicate_of is null
        and (since_date is null or articles.published_date >= since_date)
        and (until_date is null or articles.published_date <= until_date)
        and (only_source is null or articles.source = only_source)
    order by complete.score desc, articles.published_date desc nulls last, articles.article_id
    limit max_hits
),

pieces as (
    select
        ranked.*,
        regexp_extract_all(ranked.body, '[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+') as parts,
        (
            -- the words to mark, rarest first: the snippet is centred on the first place where
            -- the rarest of them is found. The particles of names (the al- of al-Miqdad) are
            -- marked only when the query asks for them alone.
            select coalesce(
                list(wanted.term order by frequencies.df, wanted.term) filter (
                    where wanted.is_word or wanted.term not in ('al', 'el')
                ),
                list(wanted.term order by frequencies.df, wanted.term)
            )
            from wanted
            inner join frequencies
                on frequencies.term = wanted.term
        ) as wanted_terms
    from ranked
),

flagged as (
    select
        pieces.*,
        list_transform(
            pieces.parts, lambda part: stem(lower(strip_accents(part)), 'porter')
        ) as stems
    from pieces
),

placed as (
    select
        flagged.*,
        list_transform(flagged.stems, lambda term: list_contains(flagged.wanted_terms, term))
            as is_hit,
        list_filter(
            list_transform(flagged.wanted_terms, lambda term: list_position(flagged.stems, term)),
            lambda position: position > 0
        )[1] as first_hit
    from flagged
)

select
    row_number() over (
        order by placed.score desc, placed.published_date desc nulls last, placed.article_id
    ) as rank,
    placed.article_id,
    placed.published_date,
    placed.source,
    placed.headline,
    placed.url,
    round(placed.score, 4) as score,
    case
        when placed.first_hit is null then array_to_string(
            list_transform(
                regexp_extract_all(placed.headline, '[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+'),
                lambda part: case
                    when list_contains(
                        placed.wanted_terms, stem(lower(strip_accents(part)), 'porter')
                    ) then '«' || part || '»'
                    else part
                end
            ),
            ''
        )
        else
            (case when placed.first_hit > 20 then '…' else '' end)
            || trim(regexp_replace(
                array_to_string(
                    list_transform(
                        placed.parts[greatest(placed.first_hit - 20, 1):placed.first_hit + 20],
                        lambda part, i: case
                            when placed.is_hit[greatest(placed.first_hit - 20, 1) + i - 1]
                                then '«' || part || '»'
                            else part
                        end
                    ),
                    ''
                ),
                '\s+', ' ', 'g'
            ))
            || (case when placed.first_hit + 20 < len(placed.parts) then '…' else '' end)
    end as snippet
from placed
order by rank;
