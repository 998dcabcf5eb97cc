"""Fetching the SANA sites from the web: politely, resumably, and with every response kept.

- `sites`: the two site profiles (URLs, listing pages, categories) and URL recognition;
- `robots`: robots.txt rules and Crawl-delay per host;
- `http`: the HTTP client (politeness gate, retries with backoff, redirects, size cap) that
  hands every response to the WARC landing zone;
- `wayback`: lookups in the Wayback Machine's CDX API and raw captures;
- `frontier`: the crawl's state per URL in SQLite, so that a killed crawl resumes;
- `stored`: what the warehouse already holds (URLs, dates, document places), read once;
- `discovery`: walking category listings newest first within `--since` / `--until`;
- `crawl`: the orchestration that ties them together and feeds `etl.ingest`.
"""
