-- Bulletins published per month and source (articles without a date are left out).
create or replace view bulletins_per_month as
select
    date_trunc('month', published_date)::date as month,
    source,
    count(*) as n_articles,
    sum(word_count) as n_words
from articles
where published_date is not null
group by all
order by month, source;
