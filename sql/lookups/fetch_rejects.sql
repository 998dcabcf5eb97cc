-- Fetch failures the warehouse recorded (a crawl reconciles its frontier with them).
select uri, reason
from rejects
where stage = 'fetch';
