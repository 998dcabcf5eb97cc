-- Link near-duplicate bulletins (inside the publishing transaction, after the merge): two
-- articles whose SimHashes differ in at most 3 bits share at least one of four 16-bit bands,
-- so candidates come from band equality. Only the neighbourhood of the batch is looked at:
-- the hashes near the batch's articles (whose links may change), and the hashes near those
-- (among which each finds its original). A batch thus costs one scan of the `simhash` column
-- plus what it touches, not a comparison of the whole archive. The earliest article
-- (published, then ingested, then id) of a group is the original; every other one points at
-- it by duplicate_of. Reads staging.articles (the batch just merged).

create or replace temp macro simhash_band(hash, band_no) as (hash >> (16 * band_no)) & 65535;

-- The stored hashes within 3 bits of a seed hash (seeds: a table with a `simhash` column).
create or replace temp macro near_hashes(seeds) as table
with seed_bands as (
    select
        seed.simhash,
        bands.band_no,
        simhash_band(seed.simhash, bands.band_no) as band
    from query_table(seeds) as seed
    cross join range(4) as bands(band_no)
),

candidates as (
    select distinct simhash
    from articles
    where simhash_band(simhash, 0) in (select band from seed_bands where band_no = 0)
        or simhash_band(simhash, 1) in (select band from seed_bands where band_no = 1)
        or simhash_band(simhash, 2) in (select band from seed_bands where band_no = 2)
        or simhash_band(simhash, 3) in (select band from seed_bands where band_no = 3)
),

candidate_bands as (
    select
        candidates.simhash,
        bands.band_no,
        simhash_band(candidates.simhash, bands.band_no) as band
    from candidates
    cross join range(4) as bands(band_no)
)

select distinct candidate_bands.simhash
from candidate_bands
inner join seed_bands
    on seed_bands.band_no = candidate_bands.band_no
    and seed_bands.band = candidate_bands.band
where bit_count(xor(candidate_bands.simhash, seed_bands.simhash)) <= 3;

create or replace temp table duplicate_seeds as
select distinct simhash
from staging.articles;

create or replace temp table duplicate_affected as
select simhash
from near_hashes(duplicate_seeds);

create or replace temp table duplicate_neighbourhood as
select simhash
from near_hashes(duplicate_affected);

create or replace temp table duplicate_ranked as
select
    article_id,
    simhash,
    coalesce(published_date::varchar, '9999-12-31') || '|' || first_run_id || '|'
    || article_id as rank_key
from articles
where simhash in (select simhash from duplicate_neighbourhood);

create or replace temp table duplicate_originals as
with representatives as (
    select
        simhash,
        min(rank_key) as rank_key
    from duplicate_ranked
    group by simhash
)

select
    affected.simhash,
    min(representatives.rank_key) as original_key
from duplicate_affected as affected
inner join representatives
    on bit_count(xor(affected.simhash, representatives.simhash)) <= 3
group by affected.simhash;

update articles
set duplicate_of = case
    when originals.original_key < ranked.rank_key
        then split_part(originals.original_key, '|', 3)
end
from duplicate_originals as originals
inner join duplicate_ranked as ranked
    on ranked.simhash = originals.simhash
where articles.article_id = ranked.article_id;
