-- Link near-duplicate bulletins (inside the publishing transaction, after the merge): two
-- articles whose SimHashes differ in at most 3 bits share at least one of four 16-bit bands,
-- so candidates come from equality joins. Articles with the same hash are first folded into
-- one representative (its earliest article), so that a thousand copies of one bulletin cost
-- one comparison, not a million. The earliest article (published, then ingested, then id) of
-- a group is the original; every other one points at it by duplicate_of.
-- Parameter: $run_id (the hashes near the articles it wrote are relinked).

create or replace temp table duplicate_originals as
with ranked as (
    select
        article_id,
        simhash,
        coalesce(published_date::varchar, '9999-12-31') || '|' || first_run_id || '|'
        || article_id as rank_key,
        last_run_id
    from articles
),

representatives as (
    select
        simhash,
        min(rank_key) as rank_key,
        bool_or(last_run_id = $run_id) as is_touched
    from ranked
    group by simhash
),

banded as (
    select
        representatives.*,
        bands.band_no,
        (representatives.simhash >> (16 * bands.band_no)) & 65535 as band
    from representatives
    cross join range(4) as bands(band_no)
),

affected as (
    select distinct near.simhash
    from banded as touched
    inner join banded as near
        on near.band_no = touched.band_no
        and near.band = touched.band
    where touched.is_touched
        and bit_count(xor(touched.simhash, near.simhash)) <= 3
)

select
    one.simhash,
    min(other.rank_key) as original_key
from banded as one
inner join banded as other
    on other.band_no = one.band_no
    and other.band = one.band
where one.simhash in (select simhash from affected)
    and bit_count(xor(one.simhash, other.simhash)) <= 3
group by one.simhash;

update articles
set duplicate_of = case
    when originals.original_key < ranked.rank_key
        then split_part(originals.original_key, '|', 3)
end
from duplicate_originals as originals
inner join (
    select
        article_id,
        simhash,
        coalesce(published_date::varchar, '9999-12-31') || '|' || first_run_id || '|'
        || article_id as rank_key
    from articles
) as ranked
    on ranked.simhash = originals.simhash
where articles.article_id = ranked.article_id;
