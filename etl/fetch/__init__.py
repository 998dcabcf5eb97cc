"""Fetching the SANA sites from the web: politely, resumably, and with every response kept.

- `listings`: the two site profiles (URLs, listing pages, categories);
- `pagination`: where a listing page says its next page is, in every common WordPress form;
- `robots`: robots.txt rules and Crawl-delay per host;
- `http`: the HTTP client (politeness gate, retries with backoff, redirects, size cap) that
  hands every response to the WARC landing zone;
- `wayback`: lookups in the Wayback Machine's CDX API and raw captures;
- `frontier`: the crawl's state per URL in SQLite, so that a killed crawl resumes;
- `stored`: what the warehouse already holds (URLs, dates, document places), as plain data;
- `discovery`: walking category listings newest first within `--since` / `--until`;
- `crawl`: the crawler that ties them together and yields the article pages as documents.

The package never touches the warehouse (`etl.runs.crawl` feeds a crawl to a run), and
SANA's URL rules live in `etl.sites`.
"""
