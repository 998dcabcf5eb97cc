-- How the staged batch relates to the warehouse, read after changed_articles is built.
select
    count(*) filter (where previous_first_run_id is null) as n_new,
    count(*) filter (where previous_first_run_id is not null) as n_updated
from changed_articles;
