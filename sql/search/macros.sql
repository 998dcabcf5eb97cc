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
        -- the particles of names match nearly every bulletin (al-Assad): not searched
        and tokens.word not in ('al', 'el')
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
        row_number() over () as group_no,
        kind,
        alternatives
    from search_query(query_text)
),

-- each way a group can be satisfied (a word; a spelling of an entity) and its words
alternative_terms as (
    select distinct
        groups.group_no,
        spelled.alternative_no,
        len(spelled.terms) as n_terms,
        unnest(spelled.terms) as term
    from groups
    cross join unnest(groups.alternatives) with ordinality as spelled(terms, alternative_no)
),

wanted as (
    select distinct term
    from alternative_terms
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
        indexed.docid,
        indexed.article_id,
        indexed.len,
        indexed.published_date
    from search_indexed as indexed
    where indexed.docid in (
        select occurrences.docid
        from occurrences
        where occurrences.part = 'base'
    )
        and indexed.article_id not in (
            select search_recent.article_id
            from search_recent
        )
        and (since_date is null or indexed.published_date >= since_date)
        and (until_date is null or indexed.published_date <= until_date)
        and (only_source is null or indexed.source = only_source)
    union all
    select
        'recent' as part,
        docs.docid,
        docs.name as article_id,
        docs.len,
        recent.published_date
    from fts_main_search_recent.docs as docs
    inner join search_recent as recent
        on recent.article_id = docs.name
    where (since_date is null or recent.published_date >= since_date)
        and (until_date is null or recent.published_date <= until_date)
        and (only_source is null or recent.source = only_source)
),

-- near-duplicates are left out (a bulletin can become one without changing)
duplicates as (
    select articles.article_id
    from articles
    where articles.duplicate_of is not null
),

-- the words of each alternative a document has, and its BM25 score
present as (
    select
        documents.article_id,
        documents.published_date,
        occurrences.term,
        ln(1 + (collection.n_docs - frequencies.df + 0.5) / (frequencies.df + 0.5))
        * occurrences.tf * 2.2
        / (occurrences.tf + 1.2 * (0.25 + 0.75 * documents.len / collection.avgdl)) as weight
    from occurrences
    inner join documents
        on documents.part = occurrences.part
        and documents.docid = occurrences.docid
    inner join frequencies
        on frequencies.term = occurrences.term
    cross join collection
    where documents.article_id not in (
        select duplicates.article_id
        from duplicates
    )
),

satisfied as (
    select
        present.article_id,
        alternative_terms.group_no
    from present
    inner join alternative_terms
        on alternative_terms.term = present.term
    group by
        present.article_id,
        alternative_terms.group_no,
        alternative_terms.alternative_no,
        alternative_terms.n_terms
    having count(*) = alternative_terms.n_terms
),

complete as (
    select article_id
    from satisfied
    group by article_id
    having count(distinct group_no) = (
        select count(*)
        from groups
    )
),

scored as (
    select
        present.article_id,
        any_value(present.published_date) as published_date,
        sum(present.weight) as score
    from present
    where present.article_id in (
        select complete.article_id
        from complete
    )
    group by present.article_id
    order by score desc, published_date desc nulls last, present.article_id
    limit max_hits
),

-- the rows of the hits shown, found by the articles' row ids (a direct fetch, where a join on
-- article_id would read every bulletin's body)
top_hits as (
    select
        articles.rowid as row_id,
        scored.score
    from articles
    inner join scored
        on scored.article_id = articles.article_id
),

ranked as (
    select
        articles.article_id,
        articles.published_date,
        articles.source,
        articles.headline,
        articles.url,
        articles.body,
        top_hits.score
    from articles
    inner join top_hits
        on top_hits.row_id = articles.rowid
),

pieces as (
    select
        ranked.*,
        regexp_extract_all(ranked.body, '[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+') as parts,
        (
            -- the words to mark, rarest first: the snippet is centred on the first place
            -- where the rarest of them is found
            select list(wanted.term order by frequencies.df, wanted.term)
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
