-- Article URLs the warehouse holds, as documents or articles (a crawl skips them).
select url
from documents
where url is not null
union
select url
from articles
where url is not null;
