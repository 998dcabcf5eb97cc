-- Bulletins per month and source (the view counts every bulletin with a date).
select
    month,
    source,
    n_articles
from bulletins_per_month
order by month, source;
