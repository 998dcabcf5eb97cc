-- Publication dates of stored articles: anchors for dating the archive's year-less cards.
select url, published_date
from articles
where url is not null
    and published_date is not null;
