-- Link near-duplicate bulletins (inside the publishing transaction, after the merge): two
-- articles whose SimHashes differ in at most 3 bits share at least one of four 16-bit bands,
-- so candidates come from equality joins; the earliest (published, then ingested, then id)
-- of a group is the original, and every other one points at it by duplicate_of.
-- Parameter: $run_id (the articles it wrote, and their candidates, are relinked).

create or replace temp table duplicate_pairs as
with banded as (
    select
        article_id,
        simhash,
        band_no,
        (simhash >> (16 * band_no)) & 65535 as band
    from articles
    cross join range(4) as bands(band_no)
),

touched as (
    select article_id
    from articles
    where last_run_id = $run_id
)

select distinct
    one.article_id,
    other.article_id as other_id
from banded as one
inner join banded as other
    on other.band_no = one.band_no
    and other.band = one.band
    and other.article_id <> one.article_id
where (
    one.article_id in (select article_id from touched)
    or other.article_id in (select article_id from touched)
)
and bit_count(xor(one.simhash, other.simhash)) <= 3;

update articles
set duplicate_of = null
where last_run_id = $run_id
    or article_id in (select article_id from duplicate_pairs);

update articles
set duplicate_of = originals.original_id
from (
    with ranked as (
        select
            article_id,
            coalesce(published_date::varchar, '9999-12-31') || '|' || first_run_id || '|'
            || article_id as rank_key
        from articles
    )

    select
        pairs.article_id,
        split_part(min(other.rank_key), '|', 3) as original_id,
        min(other.rank_key) as original_key,
        min(own.rank_key) as own_key
    from duplicate_pairs as pairs
    inner join ranked as other
        on other.article_id = pairs.other_id
    inner join ranked as own
        on own.article_id = pairs.article_id
    group by pairs.article_id
) as originals
where articles.article_id = originals.article_id
    and originals.original_key < originals.own_key;
