"""Benchmark the whole pipeline against bare trafilatura, on a generated corpus of bulletins.

    uv run python -m benchmarks.pipeline [--docs 2000] [--small 1000] [--articles 1000000]
        [--nightly 100] [--repeat 2] [--batch-size N] [--out DIR] [--json PATH] [--profile]

Generates `--docs` bulletins (seeded, by recombining the five catalog entries of
`samples/catalog.json`), half as archive.sana.sy pages (Sahifa), half as sana.sy pages
(Foxiz), each padded or trimmed to a size drawn between 100 and 170 KB, written as `.html`
files, as one `.warc.gz` and as the text of one `.warc.wet.gz` (Common Crawl's WET shape).
Then measures, each in a fresh process with its own `BULLETINS_HOME` (so that peak RSS is
per run):

1. bare `trafilatura.extract` over all pages in one process (the baseline);
2. the full `ingest` (parse, normalize, validate, publish) on one process, total and per stage;
3. the same with two worker processes (1 to 3 are repeated `--repeat` times, interleaved,
   and the fastest of each kind is kept: the machine is shared);
4. a second ingest of the unchanged corpus into the warehouse of 2;
5. peak RSS of a full ingest at `--small` and at `--docs` documents (per batch too), and of
   one batch published into a synthetic warehouse of 99,000 articles;
6. the ingest of the WARC file, when `etl.sources.files` reads WARC files, and of the WET
   file, when it reads WET files;
7. a synthetic warehouse of `--articles` articles built in bulk with DuckDB SQL, the typical
   analyst queries on it (read-only connection), and a nightly run (`--nightly` new pages
   ingested into it).

Prints one table with the issue's targets (PASS/MISS) and writes the figures as JSON
(`--json`, by default in the system's temporary directory). With `--profile`, the
throughput runs are run once more under cProfile, and the top functions by cumulative time
are printed and stored in the JSON. Generated files go to a temporary directory that is
removed at the end, unless `--out` keeps them.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import hashlib
import io
import json
import math
import os
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CATALOG = REPO / "samples" / "catalog.json"
SEED = 20_251_124
KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB

# The targets.
MIN_SHARE_OF_TRAFILATURA = 0.8  # full ingest on one process vs bare trafilatura
MIN_TWO_WORKER_SPEEDUP = 1.7
MAX_REINGEST_SHARE = 0.05  # second ingest of an unchanged corpus vs the first
MEMORY_CLAIM_DOCS = 100_000
MAX_PEAK_RSS = GIB  # at MEMORY_CLAIM_DOCS documents
MAX_QUERY_SECONDS = 1.0
MAX_NIGHTLY_SECONDS = 60.0  # "a nightly run in a minute"

MIN_PAGE_BYTES = 100_000
MAX_PAGE_BYTES = 170_000
FIRST_DAY = dt.date(2012, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)

# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------

# Counterparts of the received delegations: (country, adjective). The seeds are all Iranian
# visits; the generated bulletins send the same paragraphs to other capitals.
COUNTRIES = [
    ("Iran", "Iranian"),
    ("Russia", "Russian"),
    ("China", "Chinese"),
    ("Belarus", "Belarusian"),
    ("Iraq", "Iraqi"),
    ("Lebanon", "Lebanese"),
    ("Oman", "Omani"),
    ("Algeria", "Algerian"),
    ("Venezuela", "Venezuelan"),
    ("Cuba", "Cuban"),
    ("Armenia", "Armenian"),
    ("India", "Indian"),
    ("Egypt", "Egyptian"),
    ("Jordan", "Jordanian"),
    ("Tunisia", "Tunisian"),
    ("Kazakhstan", "Kazakh"),
]
# Made-up names, combined at random: guests, bylines, authors and synthetic people.
GIVEN_NAMES = [
    "Ali", "Hassan", "Sergei", "Wang", "Mikhail", "Ahmad", "Yuri", "Karim", "Omar", "Javad",
    "Samir", "Fuad", "Nikolai", "Li", "Raul", "Armen", "Rajesh", "Tarek", "Nabil", "Amir",
    "Hazem", "Manal", "Rasha", "Mazen", "Lina", "Baraa", "Dana", "Ghossoun", "Ruaa", "Fedaa",
]  # fmt: skip
FAMILY_NAMES = [
    "Nasseri", "Petrov", "Haddad", "Zhang", "Orlov", "Rahimi", "Volkov", "Mansour", "Salehi",
    "Kuznetsov", "Hamdan", "Qureshi", "Moreno", "Sargsyan", "Sharma", "Khalil", "Bakr",
    "Jaber", "Sabbagh", "Abdulkareem", "Milhem", "Eyon", "Said", "Ismael", "Ibrahim",
    "Darwish", "Hijazi", "Shammas", "Younes", "Ghanem",
]  # fmt: skip
DATELINE_CITIES = ["Aleppo", "Homs", "Latakia", "Tartous", "Hama"]
HEADLINE_FORMS = [
    "President al-Assad receives {full}",
    "President al-Assad to {family}: {phrase}",
    "President al-Assad receives {full}, {phrase_lower}",
    "President al-Assad, {family} discuss {topic}",
]
HEADLINE_PHRASES = [
    "Importance of continuing constructive coordination among Syria and {country} and Russia",
    "The battle of Idlib aims at eliminating terrorism that threatens Syrian citizens",
    "Victory of Syrian people and allies would help establish a more balanced world",
    "Deepening cooperation between Syria and {country} to confront blockade imposed by the US",
    "Syria will go forward in the political track despite attempts to divert it",
    "Strategic relations between Syria and {country} serve the interests of both peoples",
]
HEADLINE_TOPICS = [
    "bilateral relations and the political track",
    "the situation in Idlib and the Jazeera region",
    "preparations for the upcoming Astana meeting",
    "economic cooperation in the face of the siege",
    "the work of the Committee of Discussing the Constitution",
]
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Inline assets a page may carry or not (a caching plugin moves them to files): what a page
# larger than its drawn size sheds first.
_INLINE_ASSET = re.compile(
    r"<style\b[^>]*>.*?</style>|<script\b(?![^>]*ld\+json)[^>]*>.*?</script>|<svg\b.*?</svg>",
    re.DOTALL,
)


@dataclass(frozen=True)
class Corpus:
    """The generated pages: `html` holds the `.html` files, `warc` the same pages, `wet`
    their text."""

    root: Path
    html: Path
    warc: Path
    wet: Path
    n_docs: int
    page_bytes: list[int]
    seconds: float

    def summary(self) -> dict[str, Any]:
        """Sizes and counts, for the report."""
        sizes = sorted(self.page_bytes)
        return {
            "n_docs": self.n_docs,
            "html_bytes": sum(sizes),
            "warc_bytes": self.warc.stat().st_size,
            "wet_bytes": self.wet.stat().st_size,
            "page_kb_min": sizes[0] / 1000,
            "page_kb_median": statistics.median(sizes) / 1000,
            "page_kb_max": sizes[-1] / 1000,
            "seconds": self.seconds,
        }


def corpus_files(html: Path, limit: int | None = None) -> list[Path]:
    """The corpus pages in generation order (both themes interleaved), the first `limit`."""
    files = sorted(html.rglob("*.html"))
    return files[:limit] if limit is not None else files


@dataclass(frozen=True)
class _Pools:
    """What generated bulletins are recombined from, per kind (the catalog's category)."""

    leads: dict[str, list[str]]
    paragraphs: dict[str, list[str]]
    related: list[dict[str, Any]]
    check_also: list[dict[str, Any]]
    accounts: list[str]


def _pools(catalog: dict[str, dict[str, Any]]) -> _Pools:
    leads: dict[str, list[str]] = {}
    paragraphs: dict[str, list[str]] = {}
    related: list[dict[str, Any]] = []
    check_also: list[dict[str, Any]] = []
    for entry in catalog.values():
        kind = entry["category"]
        leads.setdefault(kind, []).append(entry["paragraphs"][0])
        paragraphs.setdefault(kind, []).extend(entry["paragraphs"][1:])
        related.extend(entry.get("related", []))
        related.extend(entry.get("inline_related", []))
        if entry.get("check_also"):
            check_also.append(entry["check_also"])
    accounts = sorted({entry["account"] for entry in catalog.values()})
    return _Pools(leads, paragraphs, related, check_also, accounts)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _byline(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.2:
        return None
    if roll < 0.35:
        return "English Bulletin"
    if roll < 0.8:
        return _person(rng)
    # The desk's own form for several hands: "H. Said/Manal / Hazem Sabbagh".
    first = f"{rng.choice(GIVEN_NAMES)[0]}. {rng.choice(FAMILY_NAMES)}"
    return f"{first}/{rng.choice(GIVEN_NAMES)} / {_person(rng)}"


def _moment(rng: random.Random, latest: dt.date) -> dt.datetime:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((latest - FIRST_DAY).days + 1))
    return dt.datetime.combine(day, dt.time(rng.randrange(7, 23), rng.randrange(60)))


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+03:00")


def _retarget(item: dict[str, Any], rng: random.Random, before: dt.datetime) -> dict[str, Any]:
    """A related or check-also item of the pools, pointing at a new post before `before`."""
    post = rng.randrange(40_000, 200_000)
    copy = dict(item)
    copy["archive_url"] = f"https://archive.sana.sy/en/?p={post}"
    copy["current_url"] = f"https://sana.sy/en/politics/{2_000_000 + post}/"
    if "published" in copy:
        copy["published"] = _iso(before - dt.timedelta(days=rng.randrange(1, 400)))
    return copy


def vary_bulletin(pools: _Pools, index: int, rng: random.Random) -> dict[str, Any]:
    """A catalog-shaped bulletin for `render_archive` / `render_current`: a seed's lead and
    paragraphs drawn from every seed of the same kind, sent to another guest and country,
    dated anywhere in 2012-2025 (weekdays follow the date), with its own ids, byline,
    captions, Check Also and related items."""
    kind = rng.choice(sorted(pools.leads))
    country, adjective = rng.choice(COUNTRIES)
    given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
    full = f"{given} {family}"
    published = _moment(rng, LAST_DAY)
    weekday = published.strftime("%A")
    pool = pools.paragraphs[kind]
    body = [rng.choice(pools.leads[kind])]
    body += rng.sample(pool, rng.randint(3, min(15, len(pool))))
    city = "Damascus" if rng.random() < 0.85 else rng.choice(DATELINE_CITIES)

    def localize(text: str) -> str:
        # Longest names first, so that "Ali Asghar Khaji" is not left as "Ali Asghar <family>".
        for old, new in (
            ("Ali Asghar Khaji", full),
            ("Asghar Khaji", full),
            ("Kamal Kharrazi", full),
            ("Khaji", family),
            ("Kharrazi", family),
            ("Iranian", adjective),
            ("Iran", country),
            ("Damascus, SANA", f"{city}, SANA"),
        ):
            text = text.replace(old, new)
        return _WEEKDAY.sub(weekday, text)

    paragraphs = [localize(text) for text in body]
    phrase = rng.choice(HEADLINE_PHRASES).format(country=country)
    headline = rng.choice(HEADLINE_FORMS).format(
        full=full,
        family=family,
        phrase=phrase,
        phrase_lower=phrase[0].lower() + phrase[1:],
        topic=rng.choice(HEADLINE_TOPICS),
    )
    archive_id = 300_000 + index
    current_id = 3_000_000 + index
    slug = f"President-al-Assad-{given}-{family}"
    captions = [
        {
            "text": f"President al-Assad-{full}-{country} {number}",
            "before_paragraph": position,
            "image": f"{published:%Y/%m}/{slug}-{number}.jpg",
            "attachment_id": 10 * archive_id + number,
        }
        for number, position in enumerate(
            sorted(rng.sample(range(1, len(paragraphs)), rng.randint(1, 3)))
            if rng.random() < 0.3
            else [],
            start=1,
        )
    ]
    related = [_retarget(item, rng, published) for item in rng.sample(pools.related, 4)]
    return {
        "headline": headline,
        "paragraphs": paragraphs,
        "published": _iso(published),
        "modified": _iso(published + dt.timedelta(minutes=rng.randrange(5, 240))),
        "archive_id": archive_id,
        "archive_url": f"https://archive.sana.sy/en/?p={archive_id}",
        "current_id": current_id,
        "current_url": f"https://sana.sy/en/presidency/{current_id}/",
        "category": kind,
        "categories": [kind, "Politics"],
        "account": rng.choice(pools.accounts),
        "tags": sorted({full, country, "President al-Assad"}),
        "featured_image": f"{published:%Y/%m}/{slug}.jpg",
        "byline": _byline(rng),
        "captions": captions,
        "empty_paragraph_before": [rng.randrange(1, len(paragraphs))] if rng.random() < 0.1 else [],
        "check_also": _retarget(rng.choice(pools.check_also), rng, published)
        if rng.random() < 0.75
        else None,
        "related": related[: rng.randint(0, 4)],
        "inline_related": related[:2],
    }


def _padding(n_bytes: int, titles: Sequence[str], rng: random.Random) -> str:
    """Markup of about `n_bytes`: a "Latest News" widget of links, then an inline script of
    translation strings (WordPress inlines those on real pages)."""
    items = []
    size = 0
    for _ in range(rng.randint(8, 30)):
        post = rng.randrange(40_000, 200_000)
        item = (
            f'<li><a href="https://archive.sana.sy/en/?p={post}">{rng.choice(titles)}</a> '
            f'<span class="tie-date">{rng.randrange(1, 28)} hours ago</span></li>\n'
        )
        if size + len(item) > n_bytes:
            break
        items.append(item)
        size += len(item)
    widget = (
        '<div class="widget latest-news"><div class="widget-top"><h4>Latest News</h4></div>'
        '<div class="widget-container"><ul>\n' + "".join(items) + "</ul></div></div>\n"
    )
    rest = n_bytes - len(widget.encode("utf-8"))
    if rest < 200:
        return widget
    messages: dict[str, list[str]] = {}
    while len(json.dumps(messages)) < rest - 120:
        words = rng.choice(titles).split()
        key = " ".join(words[: rng.randint(2, len(words))]) + f" {len(messages)}"
        messages[key] = [key]
    data = json.dumps({"locale_data": {"messages": messages}})
    return (
        f'<script id="wp-i18n-js-translations">\n( function( domain, translations ) {{ '
        f"wp.i18n.setLocaleData( translations.locale_data.messages, domain ); }} )"
        f'( "default", {data} );\n</script>\n'
    )


def fit_size(page: str, target: int, titles: Sequence[str], rng: random.Random) -> str:
    """The page brought to about `target` bytes: inline CSS, scripts and icons are dropped
    (largest first) while it is larger, a link widget and inline data are added before the
    footer while it is smaller. The article markup is never touched."""
    while len(page.encode("utf-8")) > target:
        blocks = list(_INLINE_ASSET.finditer(page))
        if not blocks:
            break
        largest = max(blocks, key=lambda match: match.end() - match.start())
        page = page[: largest.start()] + page[largest.end() :]
    missing = target - len(page.encode("utf-8"))
    if missing > 0:
        at = page.find("<footer")
        at = at if at >= 0 else page.rfind("</body>")
        page = page[:at] + _padding(missing, titles, rng) + page[at:]
    return page


@dataclass(frozen=True)
class Page:
    """One generated page: where it would be served from, and its bytes."""

    index: int
    theme: str  # "sana-archive" (Sahifa) or "sana" (Foxiz)
    url: str
    data: bytes


def generate_pages(n_docs: int, seed: int = SEED, start: int = 0) -> Iterator[Page]:
    """Pages `start` to `n_docs - 1` of the seeded corpus, one at a time (deterministic)."""
    from samples.render import load_catalog, render_archive, render_current

    pools = _pools(load_catalog(CATALOG))
    titles = [item["title"] for item in pools.related + pools.check_also]
    for index in range(start, n_docs):
        rng = random.Random(seed * 1_000_003 + index)
        bulletin = vary_bulletin(pools, index, rng)
        archive = index % 2 == 0
        page = render_archive(bulletin) if archive else render_current(bulletin)
        page = fit_size(page, rng.randint(MIN_PAGE_BYTES, MAX_PAGE_BYTES), titles, rng)
        yield Page(
            index=index,
            theme="sana-archive" if archive else "sana",
            url=bulletin["archive_url"] if archive else bulletin["current_url"],
            data=page.encode("utf-8"),
        )


def write_corpus(root: Path, n_docs: int, seed: int = SEED) -> Corpus:
    """Generate `n_docs` pages under `root/html/`, the same pages in `root/corpus.warc.gz`
    (WARC/1.1 response records) and their text in `root/corpus.warc.wet.gz`; deterministic
    for a given seed."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from benchmarks.wet import WetWriter

    started = time.perf_counter()
    html = root / "html"
    warc = root / "corpus.warc.gz"
    wet = root / "corpus.warc.wet.gz"
    sizes = []
    fetched = dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
    root.mkdir(parents=True, exist_ok=True)
    with warc.open("wb") as handle, wet.open("wb") as wet_handle:
        texts = WetWriter(wet_handle, wet.name)
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        writer.write_record(
            writer.create_warcinfo_record(warc.name, {"software": "benchmarks.pipeline"})
        )
        for page in generate_pages(n_docs, seed):
            # Shards of 1,000 files: a directory per 100,000 pages would be slow to walk.
            path = html / f"{page.index // 1000:04d}" / f"{page.index:07d}-{page.theme}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(page.data)
            sizes.append(len(page.data))
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=UTF-8"),
                    ("Content-Length", str(len(page.data))),
                ],
                protocol="HTTP/1.1",
            )
            moment = fetched + dt.timedelta(seconds=5 * page.index)
            writer.write_record(
                writer.create_warc_record(
                    page.url,
                    "response",
                    payload=io.BytesIO(page.data),
                    length=len(page.data),
                    http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": moment.strftime("%Y-%m-%dT%H:%M:%SZ")},
                )
            )
            texts.write(page.url, moment, page.data)
    return Corpus(root, html, warc, wet, n_docs, sizes, time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------
# The synthetic warehouse: built in bulk, one `insert ... select` per table
# ---------------------------------------------------------------------------------------------

# The entities bulletins name most, most named first: mentions are drawn log-uniformly over
# the ranks (rank 0 about 8% of mentions, Idlib about 2%), the rest of the gazetteer and the
# synthetic entities after them.
POPULAR_ENTITIES = [
    "Syria", "Bashar al-Assad", "Damascus", "Iran", "Russia", "Idlib", "Syrian Arab Army",
    "United States", "Turkey", "Israel", "Fayssal Mikdad", "Walid al-Moallem", "Geneva",
    "Astana", "Palestine",
]  # fmt: skip
HEADLINE_SUBJECTS = [
    "President al-Assad", "Foreign Minister Mikdad", "Prime Minister", "Syrian Arab Army units",
    "Health Ministry", "Governor", "Syrian-Iranian talks", "Parliament Speaker",
    "Economy Ministry", "Syrian delegation", "Interior Ministry", "Culture Ministry",
]  # fmt: skip
HEADLINE_ACTIONS = [
    "receives delegation", "discusses cooperation", "stresses support for people",
    "inaugurates projects", "meets officials", "restores security", "condemns attacks",
    "launches campaign", "reviews services", "affirms coordination",
]  # fmt: skip
PLACES = [
    "Damascus", "Aleppo", "Homs", "Hama", "Latakia", "Tartous", "Idlib", "Deir Ezzor",
    "Raqqa", "Daraa", "Sweida", "Quneitra", "Hasaka", "Geneva", "Astana", "Sochi",
]  # fmt: skip
PLACE_ROOTS = [
    "Tal", "Ain", "Kafr", "Deir", "Khan", "Jisr", "Maarat", "Beit", "Ras", "Bab", "Tell",
    "Qasr",
]  # fmt: skip
PLACE_STEMS = [
    "Hamra", "Sultan", "Nabl", "Hafer", "Sheikhoun", "Shughour", "Numan", "Jinn", "Ayn",
    "Salam", "Abyad", "Halab", "Qaddam", "Zaytun", "Rumman", "Tawil",
]  # fmt: skip
ORGANIZATIONS = [
    "Ministry of Health", "Ministry of Economy", "Chamber of Commerce", "Red Crescent",
    "Union of Journalists", "Investment Authority", "Ministry of Education", "Water Authority",
]  # fmt: skip
N_AUTHORS = 300
N_SYNTHETIC_ENTITIES = 5000

# Each statement is one bulk `insert ... select` (or a temporary helper table); `$name`
# values are bound. They read the temporary tables `synthetic_lists` (the word lists),
# `synthetic_articles` (one row per article: number, ids, URL, date) and `entity_ranks`.
SYNTHETIC_SQL: list[tuple[str, str]] = [
    (
        "lists",
        """
create or replace temp table synthetic_lists as
select
    $paragraphs::varchar[] as paragraphs,
    $subjects::varchar[] as subjects,
    $actions::varchar[] as actions,
    $places::varchar[] as places,
    $given_names::varchar[] as given_names,
    $family_names::varchar[] as family_names,
    $titles::varchar[] as titles,
    $countries::varchar[] as countries,
    $place_roots::varchar[] as place_roots,
    $place_stems::varchar[] as place_stems,
    $organizations::varchar[] as organizations
""",
    ),
    (
        "article numbers",
        """
create or replace temp table synthetic_articles as
select
    i,
    lpad(to_hex(hash(i, 'article')), 16, '0') as article_id,
    lpad(to_hex(hash(i, 'document')), 16, '0') as document_id,
    case when i % 10 < 7 then 'sana-archive' else 'sana' end as source,
    case
        when i % 10 < 7 then 'https://archive.sana.sy/en/?p=' || (100000 + i)
        else 'https://sana.sy/en/politics/' || (3000000 + i) || '/'
    end as url,
    date '2012-01-01' + (hash(i, 'day') % 5114)::integer as published_date,
    (4 + hash(i, 'paragraphs') % 9)::bigint as n_paragraphs,
    'synthetic-' || lpad((i // 1000)::varchar, 6, '0') as run_id
from range($n) as numbers(i)
""",
    ),
    (
        "ingest_runs",
        """
insert into ingest_runs (
    run_id, trigger, started_at, finished_at, status, parser_version, n_seen, n_new
)
select
    'synthetic-' || lpad(r::varchar, 6, '0'),
    'backfill',
    timestamp '2026-01-01 00:00:00' + to_minutes(10 * r),
    timestamp '2026-01-01 00:09:00' + to_minutes(10 * r),
    'succeeded',
    $parser_version,
    1000,
    1000
from range(($n + 999) // 1000) as runs(r)
""",
    ),
    (
        "documents",
        """
insert into documents (
    document_id, uri, media_type, size_bytes, content_hash, raw_location, raw_offset, url,
    fetched_at, fetched_from, http_status, first_run_id
)
select
    document_id,
    url,
    'text/html',
    100000 + hash(i, 'size') % 70000,
    lpad(to_hex(hash(i, 'raw', 1)), 16, '0') || lpad(to_hex(hash(i, 'raw', 2)), 16, '0')
    || lpad(to_hex(hash(i, 'raw', 3)), 16, '0') || lpad(to_hex(hash(i, 'raw', 4)), 16, '0'),
    '/data/raw/bulletins-' || lpad((i // 5000)::varchar, 5, '0') || '.warc.gz',
    (i % 5000) * 28000,
    url,
    timestamp '2026-01-01 00:00:00' + to_seconds(i * 5),
    'origin',
    200,
    run_id
from synthetic_articles
""",
    ),
    (
        "articles",
        """
insert into articles (
    article_id, url, source, headline, published_date, dateline, weekday, desk, body,
    word_count, content_hash, parser_version, document_id, simhash, duplicate_of,
    first_run_id, last_run_id
)
with bodies as (
    select
        numbered.*,
        -- about 1.7 million combinations: headlines nearly all distinct, as real ones are
        -- (a column of few distinct values would be dictionary-compressed and scanned faster)
        lists.subjects[(1 + hash(i, 'subject') % len(lists.subjects))::bigint]
        || ' ' || lists.actions[(1 + hash(i, 'action') % len(lists.actions))::bigint]
        || ' with ' || lists.given_names[(1 + hash(i, 'given') % len(lists.given_names))::bigint]
        || ' ' || lists.family_names[(1 + hash(i, 'family') % len(lists.family_names))::bigint]
        || ' in ' || lists.places[(1 + hash(i, 'place') % len(lists.places))::bigint]
            as headline,
        case
            when hash(i, 'dateline') % 10 < 8 then 'Damascus'
            else lists.places[(1 + hash(i, 'dateline') % len(lists.places))::bigint]
        end as dateline,
        array_to_string(
            list_transform(
                range(n_paragraphs),
                p -> lists.paragraphs[(1 + hash(i, p) % len(lists.paragraphs))::bigint]
            ),
            chr(10)
        ) as body
    from synthetic_articles as numbered
    cross join synthetic_lists as lists
)

select
    article_id,
    url,
    source,
    headline,
    published_date,
    dateline,
    dayname(published_date),
    case when hash(i, 'desk') % 10 = 0 then 'English Bulletin' end,
    body,
    length(body) - length(replace(body, ' ', '')) + 1,
    lpad(to_hex(hash(i, 'content', 1)), 16, '0') || lpad(to_hex(hash(i, 'content', 2)), 16, '0')
    || lpad(to_hex(hash(i, 'content', 3)), 16, '0') || lpad(to_hex(hash(i, 'content', 4)), 16, '0'),
    $parser_version,
    document_id,
    (hash(i, 'simhash') >> 1)::bigint * (case when hash(i, 'sign') % 2 = 0 then 1 else -1 end),
    -- one article in a hundred is a near-duplicate of the one before it
    case
        when i > 0 and hash(i, 'duplicate') % 100 = 0
            then lpad(to_hex(hash(i - 1, 'article')), 16, '0')
    end,
    run_id,
    run_id
from bodies
""",
    ),
    (
        "paragraphs",
        """
insert into paragraphs (article_id, position, text, is_truncated)
select
    numbered.article_id,
    p + 1,
    lists.paragraphs[(1 + hash(numbered.i, p) % len(lists.paragraphs))::bigint],
    false
from synthetic_articles as numbered
cross join range(12) as positions(p)
cross join synthetic_lists as lists
where p < numbered.n_paragraphs
""",
    ),
    (
        "authors",
        """
insert into authors (author_id, name)
select
    lpad(to_hex(hash(a, 'author')), 16, '0'),
    lists.given_names[(1 + hash(a, 'given') % len(lists.given_names))::bigint]
    || ' ' || lists.family_names[(1 + hash(a, 'family') % len(lists.family_names))::bigint]
from range($n_authors) as numbers(a)
cross join synthetic_lists as lists
""",
    ),
    (
        "article_authors",
        """
insert into article_authors (article_id, author_id, position)
select
    article_id,
    -- log-uniform over the authors: a few sign most bulletins
    lpad(to_hex(hash(
        least(
            $n_authors - 1,
            floor(exp((hash(i, q, 'author') % 1000000) / 1000000.0 * ln($n_authors + 1))) - 1
        )::bigint,
        'author'
    )), 16, '0'),
    q + 1
from synthetic_articles
cross join range(2) as positions(q)
where q < case hash(i, 'n_authors') % 10 when 0 then 0 when 9 then 2 else 1 end
""",
    ),
    (
        "entity ranks",
        """
create or replace temp table entity_ranks as
select rank, entity_id, name, kind, country
from gazetteer_entities
union all
select
    $n_gazetteer + e as rank,
    lpad(to_hex(hash(e, 'entity')), 16, '0') as entity_id,
    case
        when e % 20 < 12 then
            lists.given_names[(1 + hash(e, 'given') % len(lists.given_names))::bigint]
            || ' ' || lists.family_names[(1 + hash(e, 'family') % len(lists.family_names))::bigint]
        when e % 20 < 17 then
            lists.place_roots[(1 + hash(e, 'root') % len(lists.place_roots))::bigint]
            || ' ' || lists.place_stems[(1 + hash(e, 'stem') % len(lists.place_stems))::bigint]
        else
            lists.organizations[(1 + hash(e, 'organization') % len(lists.organizations))::bigint]
            || ' of ' || lists.places[(1 + hash(e, 'place') % len(lists.places))::bigint]
    end as name,
    case when e % 20 < 12 then 'person' when e % 20 < 17 then 'place' else 'organization' end
        as kind,
    case
        when e % 20 < 12 and hash(e, 'syrian') % 5 > 0
            then lists.countries[(1 + hash(e, 'country') % len(lists.countries))::bigint]
        else 'SY'
    end as country
from range($n_synthetic) as numbers(e)
cross join synthetic_lists as lists
""",
    ),
    (
        "entities",
        """
insert into entities (entity_id, name, kind, country)
select entity_id, name, kind, country
from entity_ranks
""",
    ),
    (
        "entity_aliases",
        """
insert into entity_aliases (entity_id, alias)
select entity_id, alias
from gazetteer_aliases
union all
select entity_id, name
from entity_ranks
where rank >= $n_gazetteer
""",
    ),
    (
        "mentions",
        """
insert into mentions (article_id, entity_id, surface, start_char, end_char, confidence)
with drawn as (
    select
        article_id,
        hash(i, m, 'start') % 2000 as start_char,
        least(
            $n_entities - 1,
            floor(exp((hash(i, m, 'entity') % 1000000) / 1000000.0 * ln($n_entities + 1))) - 1
        )::bigint as rank,
        case when hash(i, m, 'fuzzy') % 10 = 0 then 0.9 else 1.0 end as confidence
    from synthetic_articles
    cross join range(18) as positions(m)
    where m < 6 + hash(i, 'n_mentions') % 13
)

select
    drawn.article_id,
    ranks.entity_id,
    ranks.name,
    drawn.start_char,
    drawn.start_char + length(ranks.name),
    drawn.confidence
from drawn
inner join entity_ranks as ranks
    on ranks.rank = drawn.rank
""",
    ),
    (
        "hosts and guests",
        """
create or replace temp table synthetic_people as
select
    row_number() over (partition by country = 'SY' order by rank) - 1 as no,
    country = 'SY' as is_syrian,
    entity_id
from entity_ranks
where kind = 'person'
""",
    ),
    (
        "meetings",
        """
insert into meetings (meeting_id, article_id, meeting_date, place, host_id, guest_id, kind)
with drawn as (
    select
        i,
        article_id,
        published_date,
        -- half the meetings are the president's (rank 0 of the Syrian people)
        case when hash(i, 'host') % 2 = 0 then 0 else 1 + hash(i, 'host_no') % 40 end
            as host_no,
        hash(i, 'guest') % 3000 as guest_no
    from synthetic_articles
    where hash(i, 'meeting') % 10 < 3
)

select
    lpad(to_hex(hash(drawn.i, 'meeting')), 16, '0'),
    drawn.article_id,
    drawn.published_date - (hash(drawn.i, 'back') % 3)::integer,
    'Damascus',
    hosts.entity_id,
    guests.entity_id,
    ['received', 'met', 'discussed', 'phone call'][(1 + hash(drawn.i, 'kind') % 4)::bigint]
from drawn
inner join synthetic_people as hosts
    on hosts.is_syrian
    and hosts.no = drawn.host_no
inner join synthetic_people as guests
    on not guests.is_syrian
    and guests.no = drawn.guest_no
""",
    ),
    (
        "meeting_participants",
        """
insert into meeting_participants (meeting_id, entity_id, role)
select meeting_id, host_id, 'host'
from meetings
union all
select meeting_id, guest_id, 'guest'
from meetings
union all
select meetings.meeting_id, people.entity_id, 'attendee'
from meetings
cross join range(3) as positions(a)
inner join synthetic_people as people
    on people.is_syrian
    and people.no = 1 + hash(meetings.meeting_id, a) % 40
where a < hash(meetings.meeting_id, 'n_attendees') % 4
""",
    ),
    (
        "person_roles",
        """
insert into person_roles (entity_id, article_id, title, normalized_title, organization)
select guest_id, article_id, 'Foreign Minister', 'Foreign Minister', 'Ministry of Foreign Affairs'
from meetings
""",
    ),
    (
        "related_links",
        """
insert into related_links (article_id, position, kind, title, teaser, url)
select
    numbered.article_id,
    q + 1,
    case when q = 0 then 'check_also' else 'related' end,
    lists.titles[(1 + hash(numbered.i, q, 'title') % len(lists.titles))::bigint],
    case when q = 0 then 'Damascus, SANA- ' || lists.titles[1] end,
    'https://archive.sana.sy/en/?p=' || (100000 + hash(numbered.i, q, 'target') % $n)
from synthetic_articles as numbered
cross join range(4) as positions(q)
cross join synthetic_lists as lists
where q < hash(numbered.i, 'n_related') % 5
""",
    ),
    (
        "captions",
        """
insert into captions (article_id, position, text)
select article_id, 1, 'President al-Assad ' || published_date::varchar
from synthetic_articles
where hash(i, 'caption') % 10 < 3
""",
    ),
]


def build_warehouse(db: Path, n_articles: int) -> dict[str, Any]:
    """Create the warehouse schema at `db` (through `Warehouse`) and fill it with
    `n_articles` synthetic articles and their child rows, one bulk statement per table."""
    import pyarrow as pa

    from etl.enrich.gazetteer import default_entities
    from etl.extract import PARSER_VERSION
    from etl.load.warehouse import Warehouse

    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    paragraphs = [text for entry in catalog.values() for text in entry["paragraphs"]]
    titles = [
        item["title"]
        for entry in catalog.values()
        for item in [*entry.get("related", []), *entry.get("inline_related", [])]
    ]
    entities = default_entities()
    order = {name: rank for rank, name in enumerate(POPULAR_ENTITIES)}
    entities.sort(key=lambda entity: order.get(entity.name, len(order)))
    gazetteer = pa.table(
        {
            "rank": list(range(len(entities))),
            "entity_id": [entity.entity_id for entity in entities],
            "name": [entity.name for entity in entities],
            "kind": [entity.kind for entity in entities],
            "country": [entity.country for entity in entities],
        }
    )
    spellings = [(e.entity_id, alias) for e in entities for alias in sorted({e.name, *e.aliases})]
    aliases = pa.table(
        {"entity_id": [pair[0] for pair in spellings], "alias": [pair[1] for pair in spellings]}
    )
    params: dict[str, Any] = {
        "n": n_articles,
        "n_authors": N_AUTHORS,
        "n_gazetteer": len(entities),
        "n_synthetic": N_SYNTHETIC_ENTITIES,
        "n_entities": len(entities) + N_SYNTHETIC_ENTITIES,
        "parser_version": PARSER_VERSION,
        "paragraphs": paragraphs,
        "subjects": HEADLINE_SUBJECTS,
        "actions": HEADLINE_ACTIONS,
        "places": PLACES,
        "given_names": GIVEN_NAMES,
        "family_names": FAMILY_NAMES,
        "titles": titles,
        "countries": sorted({"IR", "RU", "CN", "BY", "IQ", "LB", "OM", "DZ", "VE", "CU", "IN"}),
        "place_roots": PLACE_ROOTS,
        "place_stems": PLACE_STEMS,
        "organizations": ORGANIZATIONS,
    }
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    with Warehouse(db) as warehouse:
        con = warehouse.con
        con.register("gazetteer_entities", gazetteer)
        con.register("gazetteer_aliases", aliases)
        for label, statement in SYNTHETIC_SQL:
            began = time.perf_counter()
            wanted = set(re.findall(r"\$(\w+)", statement))
            con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)
            seconds[label] = time.perf_counter() - began
        began = time.perf_counter()
        con.execute("checkpoint")
        seconds["checkpoint"] = time.perf_counter() - began
        counts = {
            table: _count(con, table)
            for table in (
                "articles",
                "paragraphs",
                "article_authors",
                "entities",
                "mentions",
                "meetings",
                "meeting_participants",
                "related_links",
            )
        }
    return {
        "n_articles": n_articles,
        "seconds": time.perf_counter() - started,
        "seconds_per_statement": seconds,
        "rows": counts,
        "file_bytes": db.stat().st_size,
    }


def _count(con: Any, table: str) -> int:
    # Table names come from the fixed tuple above, never from input.
    row = con.execute(f"select count(*) from {table}").fetchone()
    return int(row[0]) if row else 0


# The typical analyst queries: (label, SQL, parameters).
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bulletins_per_month (all)",
        "select month, source, n_articles, n_words from bulletins_per_month",
        {},
    ),
    (
        "output_per_author (all)",
        "select name, n_articles, n_alone, first_date, last_date from output_per_author",
        {},
    ),
    (
        "mentions_per_entity_month, one entity",
        "select month, n_mentions, n_articles from mentions_per_entity_month where name = $name",
        {"name": "Idlib"},
    ),
    (
        "meetings_per_country_year, one host",
        "select year, country, kind, n_meetings from meetings_per_country_year where host = $host",
        {"host": "Bashar al-Assad"},
    ),
    (
        "meeting_attendance, one month",
        "select meeting_date, host, guest, role, participant from meeting_attendance "
        "where meeting_date between $first and $last",
        {"first": dt.date(2019, 9, 1), "last": dt.date(2019, 9, 30)},
    ),
    (
        "headline ilike '%Idlib%' (count)",
        "select count(*) from articles where headline ilike $pattern",
        {"pattern": "%Idlib%"},
    ),
    (
        "articles mentioning an entity, per year",
        "select year(articles.published_date) as year, "
        "count(distinct articles.article_id) as n_articles "
        "from mentions "
        "inner join articles on articles.article_id = mentions.article_id "
        "inner join entities on entities.entity_id = mentions.entity_id "
        "where entities.name = $name and articles.duplicate_of is null "
        "group by year order by year",
        {"name": "Idlib"},
    ),
]


def time_queries(db: Path, repeats: int = 3) -> list[dict[str, Any]]:
    """Each analyst query on a fresh read-only connection: the first run (cold) and the
    median of `repeats` more (warm), with the number of rows it returned."""
    from etl.load.warehouse import connect_read_only

    results = []
    for label, sql, params in QUERIES:
        con = connect_read_only(db)
        try:
            timings = []
            n_rows = 0
            for _ in range(1 + repeats):
                began = time.perf_counter()
                n_rows = len(con.execute(sql, params or None).fetchall())
                timings.append(time.perf_counter() - began)
        finally:
            con.close()
        results.append(
            {
                "query": label,
                "cold_seconds": timings[0],
                "warm_seconds": statistics.median(timings[1:]),
                "n_rows": n_rows,
            }
        )
    return results


# ---------------------------------------------------------------------------------------------
# Measurements, each in a child process
# ---------------------------------------------------------------------------------------------


def _status_kib(field: str) -> int:
    """A `/proc/self/status` figure in KiB (VmHWM: peak RSS, VmRSS: current RSS)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    # Not Linux: the peak is all getrusage knows.
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _reset_peak() -> None:
    """Start a new peak-RSS interval: on Linux, writing 5 to clear_refs resets VmHWM."""
    # Elsewhere (no /proc) the intervals all report the peak since the start.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")


def _profiled(call: Callable[[], Any], top: int = 30) -> tuple[Any, list[dict[str, Any]]]:
    """Run `call` under cProfile; returns its result and the top functions by cumulative
    time."""
    profiler = cProfile.Profile()
    result = profiler.runcall(call)
    stats = pstats.Stats(profiler)
    rows = []
    # pstats keeps (primitive calls, calls, own time, cumulative time, callers) per function.
    entries: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    entries = stats.stats  # type: ignore[attr-defined]
    total = max((entry[3] for entry in entries.values()), default=0.0) or 1.0
    for (filename, line, name), (_, calls, own, cumulative, _) in sorted(
        entries.items(), key=lambda item: item[1][3], reverse=True
    )[:top]:
        where = filename.replace(str(REPO) + "/", "")
        where = re.sub(r".*/site-packages/", "", where)
        rows.append(
            {
                "function": f"{where}:{line}({name})",
                "calls": calls,
                "own_seconds": round(own, 3),
                "cumulative_seconds": round(cumulative, 3),
                "share": round(cumulative / total, 3),
            }
        )
    return result, rows


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_busy_seconds() -> float:
    """CPU time spent by every process of the machine since boot (`/proc/stat`), 0 elsewhere."""
    stat = Path("/proc/stat")
    if not stat.is_file():
        return 0.0
    fields = [int(value) for value in stat.read_text(encoding="ascii").split()[1:9]]
    # user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
    busy = sum(fields) - fields[3] - fields[4]
    return busy / os.sysconf("SC_CLK_TCK")


def _measure(call: Callable[[], Any], profile: bool) -> tuple[Any, dict[str, Any]]:
    """Run `call` (under cProfile if asked); returns its result and the figures: wall and CPU
    seconds, and the share of the machine other processes used meanwhile (this machine is
    shared: other work makes the wall-clock figures slower, not the CPU time)."""
    wall, cpu, busy = time.perf_counter(), _cpu_seconds(), _machine_busy_seconds()
    top: list[dict[str, Any]] = []
    if profile:
        result, top = _profiled(call)
    else:
        result = call()
    wall = time.perf_counter() - wall
    cpu = _cpu_seconds() - cpu
    busy = _machine_busy_seconds() - busy
    capacity = wall * (os.cpu_count() or 1)
    return result, {
        "seconds": wall,
        "cpu_seconds": cpu,
        "others_cpu_share": max(0.0, busy - cpu) / capacity if capacity else 0.0,
        "profile": top,
    }


def _child_baseline(spec: dict[str, Any]) -> dict[str, Any]:
    import trafilatura

    files = corpus_files(Path(spec["html"]), spec.get("limit"))
    n_empty = 0
    n_chars = 0

    def run() -> None:
        nonlocal n_empty, n_chars
        for path in files:
            text = trafilatura.extract(path.read_bytes().decode("utf-8"))
            n_empty += not text
            n_chars += len(text or "")

    _, figures = _measure(run, bool(spec.get("profile")))
    return {
        "n_docs": len(files),
        **figures,
        "n_empty": n_empty,
        "n_chars": n_chars,
        "peak_rss": _status_kib("VmHWM") * KIB,
    }


def _child_ingest(spec: dict[str, Any]) -> dict[str, Any]:
    from etl.load.warehouse import connect_read_only
    from etl.runs.ingest import ingest

    db = Path(spec["db"])
    source = Path(spec["input"])
    paths: list[Path] = [source]
    if spec.get("limit") is not None:
        offset = spec.get("offset", 0)
        paths = corpus_files(source)[offset : offset + spec["limit"]]
    # Peak RSS between progress calls (each call comes after a batch is parsed, before it is
    # staged, validated and published): whether memory creeps up from batch to batch.
    peaks: list[tuple[int, int]] = []
    done_so_far = 0

    def progress(done: int, total: int | None) -> None:
        nonlocal done_so_far
        done_so_far = done
        peaks.append((done, _status_kib("VmHWM") * KIB))
        _reset_peak()

    def run() -> Any:
        return ingest(
            paths,
            db,
            workers=spec["workers"],
            batch_size=spec["batch_size"],
            progress=progress,
        )

    summary, figures = _measure(run, bool(spec.get("profile")))
    peaks.append((done_so_far, _status_kib("VmHWM") * KIB))
    peak = max(value for _, value in peaks)
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * KIB
    census: dict[str, int] = {}
    if spec.get("census", True):
        con = connect_read_only(db)
        try:
            row = con.execute(
                "select count(*), count(duplicate_of), count(distinct body) from articles"
            ).fetchone()
        finally:
            con.close()
        names = ("n_articles", "n_duplicate_of", "n_distinct_bodies")
        census = dict(zip(names, row or (0, 0, 0), strict=True))
    return {
        "workers": spec["workers"],
        "n_inputs": len(paths),
        **figures,
        "stages": summary.seconds,
        "status": summary.status,
        "n_seen": summary.n_seen,
        "n_new": summary.n_new,
        "n_updated": summary.n_updated,
        "n_unchanged": summary.n_unchanged,
        "n_rejected": summary.n_rejected,
        "n_warnings": summary.n_warnings,
        "rejects": summary.rejects[:5],
        **census,
        "peak_rss": peak,
        "workers_peak_rss": workers_peak,
        "peak_rss_per_interval": peaks,
        "warehouse_bytes": db.stat().st_size,
    }


def _child_build(spec: dict[str, Any]) -> dict[str, Any]:
    result = build_warehouse(Path(spec["db"]), spec["articles"])
    result["peak_rss"] = _status_kib("VmHWM") * KIB
    return result


def _child_queries(spec: dict[str, Any]) -> dict[str, Any]:
    return {"queries": time_queries(Path(spec["db"]))}


CHILDREN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "baseline": _child_baseline,
    "ingest": _child_ingest,
    "build": _child_build,
    "queries": _child_queries,
}


def run_child(kind: str, home: Path, **spec: Any) -> dict[str, Any]:
    """Run one measurement in a fresh Python process with `BULLETINS_HOME=home`; returns what
    it measured (and the process's own wall time, interpreter start and imports included)."""
    home.mkdir(parents=True, exist_ok=True)
    result_path = home / f"result-{kind}-{time.monotonic_ns()}.json"
    env = {**os.environ, "BULLETINS_HOME": str(home), "GX_ANALYTICS_ENABLED": "false"}
    env.pop("BULLETINS_DB", None)
    payload = json.dumps({"kind": kind, "result": str(result_path), **spec}, default=str)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.pipeline", "--child", payload],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join(done.stderr.splitlines()[-30:])
        raise RuntimeError(f"{kind} run failed (exit {done.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
    result["process_seconds"] = time.perf_counter() - started
    return result


def child_main(payload: str) -> None:
    """Entry point of a child process: run the measurement `payload` names, write its JSON."""
    import logging

    logging.basicConfig(level=logging.WARNING)
    spec = json.loads(payload)
    result = CHILDREN[spec["kind"]](spec)
    Path(spec["result"]).write_text(json.dumps(result, default=str), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Bulk loads: a static audit of the code that writes the warehouse
# ---------------------------------------------------------------------------------------------

_VALUES_INSERT = re.compile(r"insert\s+(?:or\s+\w+\s+)?into\b[^;]*?\bvalues\s*\(", re.I | re.S)
_EXECUTEMANY = re.compile(r"\.executemany\(")
# `values` inserts that write one row per run, per batch or per schema migration, not per
# document: the run ledger, a batch's counters (written in the batch's transaction), and
# the record of a migration applied.
LEDGER_STATEMENTS = {"sql/run_start.sql", "sql/run_batch_record.sql", "sql/migrate/record.sql"}


def per_row_writes() -> dict[str, list[str]]:
    """Statements that write rows one at a time: `insert ... values` in `sql/` and in Python
    sources of `etl/`, and `executemany` calls. Split into the warehouse's (DuckDB) and
    others (the crawl frontier is SQLite), with the ledger's one row per run or batch apart."""
    found: dict[str, list[str]] = {"warehouse": [], "ledger": [], "other databases": []}
    for path in sorted((REPO / "sql").rglob("*.sql")) + sorted((REPO / "etl").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        relative = str(path.relative_to(REPO))
        hits = [m.start() for m in _VALUES_INSERT.finditer(text)]
        hits += [m.start() for m in _EXECUTEMANY.finditer(text)]
        for at in hits:
            where = f"{relative}:{text.count(chr(10), 0, at) + 1}"
            if relative in LEDGER_STATEMENTS:
                found["ledger"].append(where)
            elif "import sqlite3" in text:
                found["other databases"].append(where)
            else:
                found["warehouse"].append(where)
    return found


# ---------------------------------------------------------------------------------------------
# The run and the report
# ---------------------------------------------------------------------------------------------


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else math.inf


def _projected_peak(small: dict[str, Any], large: dict[str, Any]) -> float:
    """Peak RSS at MEMORY_CLAIM_DOCS, extrapolated linearly from the two measured sizes
    (never below the larger measurement)."""
    n_small, n_large = small["n_seen"], large["n_seen"]
    if n_large <= n_small:
        return float(large["peak_rss"])
    slope = max(0.0, (large["peak_rss"] - small["peak_rss"]) / (n_large - n_small))
    return float(large["peak_rss"] + slope * (MEMORY_CLAIM_DOCS - n_large))


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


@dataclass
class Row:
    """One line of the report: what was measured, its figure, the target and the verdict."""

    measure: str
    figure: str
    target: str = ""
    verdict: str = ""


def _timing_row(label: str, figures: dict[str, Any], n: int) -> Row:
    rounds = figures.get("all_seconds", [figures["seconds"]])
    best = f"best of {len(rounds)}: " if len(rounds) > 1 else ""
    return Row(
        label,
        f"{figures['seconds']:.1f} s, {_rate(n, figures['seconds']):.1f} docs/s ({best}"
        + ", ".join(f"{seconds:.1f}" for seconds in rounds)
        + f" s; CPU {figures['cpu_seconds']:.1f} s; others used "
        f"{figures['others_cpu_share']:.0%} of the machine)",
    )


def report_rows(results: dict[str, Any]) -> list[Row]:
    """The report's table from the figures of a run."""
    n = results["corpus"]["n_docs"]
    base = results["baseline"]
    one = results["ingest_1"]
    two = results["ingest_2"]
    again = results["reingest"]
    small = results["ingest_small"]
    rows = [
        Row(
            "corpus",
            f"{n:,} pages, {results['corpus']['page_kb_min']:.0f}-"
            f"{results['corpus']['page_kb_max']:.0f} KB "
            f"(median {results['corpus']['page_kb_median']:.0f}), "
            f"{results['corpus']['html_bytes'] / MIB:,.0f} MiB",
        ),
        _timing_row("bare trafilatura.extract, 1 process", base, n),
        _timing_row("full ingest, 1 process", one, n),
    ]
    share = base["seconds"] / one["seconds"]
    rows.append(
        Row(
            "  ingest vs trafilatura (throughput)",
            f"{share:.2f} x (CPU time: {base['cpu_seconds'] / one['cpu_seconds']:.2f} x)",
            f">= {MIN_SHARE_OF_TRAFILATURA} x",
            _verdict(share >= MIN_SHARE_OF_TRAFILATURA),
        )
    )
    for stage, seconds in sorted(one["stages"].items(), key=lambda item: -item[1]):
        rows.append(Row(f"  stage {stage}", f"{seconds:.1f} s ({seconds / one['seconds']:.0%})"))
    other = one["seconds"] - sum(one["stages"].values())
    rows.append(Row("  outside stages", f"{other:.1f} s ({other / one['seconds']:.0%})"))
    rows.append(_timing_row("full ingest, 2 worker processes", two, n))
    speedup = one["seconds"] / two["seconds"]
    rows.append(
        Row(
            "  2 workers vs 1",
            f"{speedup:.2f} x",
            f">= {MIN_TWO_WORKER_SPEEDUP} x",
            _verdict(speedup >= MIN_TWO_WORKER_SPEEDUP),
        )
    )
    share_again = again["seconds"] / one["seconds"]
    rows.append(
        Row(
            "second ingest, unchanged corpus",
            f"{again['seconds']:.2f} s = {share_again:.1%} of the first",
            f"<= {MAX_REINGEST_SHARE:.0%}",
            _verdict(share_again <= MAX_REINGEST_SHARE),
        )
    )
    for key, name in (("ingest_warc", "WARC"), ("ingest_wet", "WET")):
        archive = results.get(key)
        if archive is None:
            rows.append(
                Row(f"{name} ingest, 1 process", f"not measured: etl.sources reads no {name}")
            )
            continue
        rate = _rate(archive["n_seen"], archive["seconds"])
        figures = f"{archive['seconds']:.1f} s, {rate:.1f} docs/s"
        loaded = f", {archive['n_new']:,} new, {archive['n_rejected']:,} rejected"
        rows.append(Row(f"{name} ingest, 1 process", figures + loaded))
    for run in (small, one):
        intervals = ", ".join(f"{peak / MIB:,.0f}" for _, peak in run["peak_rss_per_interval"])
        rows.append(
            Row(
                f"peak RSS, ingest of {run['n_seen']:,}",
                f"{run['peak_rss'] / MIB:,.0f} MiB (per batch: {intervals})",
            )
        )
    # "Independent of corpus size": the straight line through the two sizes must stay under
    # the bound at MEMORY_CLAIM_DOCS.
    projected = results["projected_peak_rss"]
    soak = results.get("soak")
    rows.append(
        Row(
            f"  at {MEMORY_CLAIM_DOCS:,}, straight line through both",
            f"{projected / MIB:,.0f} MiB" + (" (an overstatement: the soak measures it)" if soak
                                             else ""),
            "" if soak else f"<= {MAX_PEAK_RSS / MIB:,.0f} MiB",
            "" if soak else _verdict(projected <= MAX_PEAK_RSS),
        )
    )  # fmt: skip
    if soak:
        first = soak["first_batch_peak_rss"] / MIB
        slope = soak["slope_second_half_mib_per_10k_docs"]
        rows.append(
            Row(
                f"  at {soak['docs']:,}, one process, measured (benchmarks.soak)",
                f"{soak['peak_rss'] / MIB:,.0f} MiB (first batch {first:,.0f}; {slope:+.1f} MiB "
                f"per 10,000 pages over the second half; batches of {soak['batch_size']:,})",
                f"<= {MAX_PEAK_RSS / MIB:,.0f} MiB",
                _verdict(soak["docs"] >= MEMORY_CLAIM_DOCS and soak["peak_rss"] <= MAX_PEAK_RSS),
            )
        )  # fmt: skip
    late = results["ingest_late"]
    rows.append(
        Row(
            f"peak RSS, batch {MEMORY_CLAIM_DOCS // late['n_seen']} of a {MEMORY_CLAIM_DOCS:,} "
            "backfill",
            f"{late['peak_rss'] / MIB:,.0f} MiB (a fresh process: {late['n_seen']:,} pages into "
            f"a warehouse of {MEMORY_CLAIM_DOCS - late['n_seen']:,})",
        )
    )
    bulk = results["per_row_writes"]
    rows.append(
        Row(
            "per-row inserts into the warehouse",
            ", ".join(bulk["warehouse"]) or "none",
            "none",
            _verdict(not bulk["warehouse"]),
        )
    )
    built = results["warehouse"]
    rows.append(
        Row(
            f"synthetic warehouse, {built['n_articles']:,} articles",
            f"built in {built['seconds']:.0f} s, {built['file_bytes'] / GIB:.2f} GiB, "
            f"{built['rows']['mentions']:,} mentions",
        )
    )
    for query in results["queries"]:
        rows.append(
            Row(
                f"  {query['query']}",
                f"{query['cold_seconds']:.3f} s cold, {query['warm_seconds']:.3f} s warm",
                f"< {MAX_QUERY_SECONDS:.0f} s",
                _verdict(query["cold_seconds"] < MAX_QUERY_SECONDS),
            )
        )
    nightly = results.get("nightly")
    if nightly is not None:
        rows.append(
            Row(
                f"nightly: {nightly['n_seen']} new pages into {built['n_articles']:,}",
                f"{nightly['seconds']:.1f} s ("
                + ", ".join(f"{k} {v:.1f}" for k, v in sorted(nightly["stages"].items()))
                + f", outside stages {nightly['seconds'] - sum(nightly['stages'].values()):.1f}"
                f"), peak RSS {nightly['peak_rss'] / MIB:,.0f} MiB",
                f"<= {MAX_NIGHTLY_SECONDS:.0f} s",
                _verdict(nightly["seconds"] <= MAX_NIGHTLY_SECONDS),
            )
        )
    return rows


def print_table(rows: Sequence[Row]) -> None:
    """The report as an aligned text table."""
    width = max(len(row.measure) for row in rows)
    fig = max(len(row.figure) for row in rows)
    print(f"{'measure':<{width}}  {'figure':<{fig}}  {'target':<10}  verdict")
    for row in rows:
        print(f"{row.measure:<{width}}  {row.figure:<{fig}}  {row.target:<10}  {row.verdict}")


def _machine() -> dict[str, Any]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    import duckdb
    import trafilatura

    # The tree is shared and changes under a run: the figures belong to this state of it.
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "etl", "sql"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    # What the figures depend on: the committed etl/ and sql/ trees and any uncommitted change.
    trees = subprocess.run(
        ["git", "rev-parse", "HEAD:etl", "HEAD:sql"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    trees = [tree[:12] for tree in trees]
    diff = subprocess.run(
        ["git", "diff", "HEAD", "--", "etl", "sql"], cwd=REPO, capture_output=True, check=False
    ).stdout
    return {
        "git_head": head,
        "etl_sql_trees": trees,
        "uncommitted_in_etl_sql": [line[3:] for line in changed],
        "uncommitted_diff_sha256": hashlib.sha256(diff).hexdigest()[:16],
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(memory / GIB, 1),
        "python": sys.version.split()[0],
        "duckdb": duckdb.__version__,
        "trafilatura": trafilatura.__version__,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    """Generate the corpus and run every measurement; returns all figures."""
    from etl.config import DEFAULT_BATCH_SIZE

    batch = args.batch_size or DEFAULT_BATCH_SIZE
    results: dict[str, Any] = {"machine": _machine(), "batch_size": batch, "profiles": {}}
    if args.soak_json:
        # The 100,000-page figure, measured by a run of benchmarks.soak (40 minutes here).
        soak = json.loads(args.soak_json.read_text(encoding="utf-8"))
        results["soak"] = {k: v for k, v in soak.items() if k != "batches"}
    _log(f"generating {args.docs:,} pages under {out / 'corpus'} ...")
    corpus = write_corpus(out / "corpus", args.docs)
    results["corpus"] = corpus.summary()
    runs = out / "runs"
    html = str(corpus.html)

    def ingest(name: str, home: Path, **extra: Any) -> dict[str, Any]:
        spec = {"input": html, "workers": 1, "batch_size": batch, "limit": None}
        spec.update(db=str(home / "warehouse.duckdb"), **extra)
        _log(f"{name} ...")
        return run_child("ingest", home, **spec)

    # Every run is a fresh process: with PYTHONDONTWRITEBYTECODE set (as on these machines)
    # each would compile great_expectations from source again (about 2.5 s). Bytecode goes
    # to a cache of this benchmark's own, filled by a small warm-up ingest, as an installed
    # environment would have it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
    warm = runs / "warm-up"
    ingest("warm-up (bytecode cache)", warm, limit=5)
    shutil.rmtree(warm)
    # The machine is shared: each throughput run is repeated, interleaved, and the fastest of
    # each kind is the one reported (the least disturbed by other work).
    repeats: dict[str, list[dict[str, Any]]] = {"baseline": [], "ingest_1": [], "ingest_2": []}
    for round_no in range(1, args.repeat + 1):
        _log(f"round {round_no} of {args.repeat}: bare trafilatura.extract ...")
        repeats["baseline"].append(run_child("baseline", runs / "baseline", html=html))
        first = runs / "ingest-1"
        repeats["ingest_1"].append(ingest(f"round {round_no}: full ingest, 1 process", first))
        if round_no == args.repeat:
            results["reingest"] = ingest("second ingest of the unchanged corpus", first)
        shutil.rmtree(first)
        two = runs / "ingest-2"
        repeats["ingest_2"].append(
            ingest(f"round {round_no}: full ingest, 2 worker processes", two, workers=2)
        )
        shutil.rmtree(two)
    for name, rounds in repeats.items():
        results[name] = min(rounds, key=lambda figures: float(figures["seconds"]))
        results[name]["all_seconds"] = [figures["seconds"] for figures in rounds]
    small = runs / "ingest-small"
    results["ingest_small"] = ingest(f"full ingest of {args.small:,}", small, limit=args.small)
    shutil.rmtree(small)
    results["projected_peak_rss"] = _projected_peak(results["ingest_small"], results["ingest_1"])
    # The last batch of a backfill of MEMORY_CLAIM_DOCS bulletins: one batch published into a
    # warehouse that already holds the others (synthetic, built in bulk).
    late = runs / "ingest-late"
    _log(f"synthetic warehouse of {MEMORY_CLAIM_DOCS - batch:,} articles ...")
    run_child("build", late, db=str(late / "warehouse.duckdb"), articles=MEMORY_CLAIM_DOCS - batch)
    results["ingest_late"] = ingest(
        f"one batch into {MEMORY_CLAIM_DOCS - batch:,} articles", late, limit=batch, census=False
    )
    shutil.rmtree(late)
    warc = runs / "ingest-warc"
    measured = ingest("WARC ingest, 1 process", warc, input=str(corpus.warc))
    shutil.rmtree(warc)
    # Without WARC support the file is one input, rejected as an unsupported type.
    results["ingest_warc"] = measured if measured["n_seen"] == corpus.n_docs else None
    wet = runs / "ingest-wet"
    measured = ingest("WET ingest, 1 process", wet, input=str(corpus.wet))
    shutil.rmtree(wet)
    results["ingest_wet"] = measured if measured["n_seen"] == corpus.n_docs else None
    results["per_row_writes"] = per_row_writes()
    big = runs / "synthetic"
    _log(f"synthetic warehouse of {args.articles:,} articles ...")
    results["warehouse"] = run_child(
        "build", big, db=str(big / "warehouse.duckdb"), articles=args.articles
    )
    _log("analyst queries ...")
    results["queries"] = run_child("queries", big, db=str(big / "warehouse.duckdb"))["queries"]
    if args.nightly:
        results["nightly"] = ingest(
            f"nightly run: {args.nightly} new pages into {args.articles:,} articles",
            big,
            limit=args.nightly,
            census=False,
        )
    if args.profile:
        profile_runs(results, runs, big, html, ingest, args.nightly)
    shutil.rmtree(big, ignore_errors=True)
    return results


def profile_runs(
    results: dict[str, Any],
    runs: Path,
    big: Path,
    html: str,
    ingest: Callable[..., dict[str, Any]],
    nightly: int,
) -> None:
    """Run the throughput measurements again under cProfile (slower: read the shares, not the
    seconds); stores the top functions by cumulative time in `results["profiles"]`."""
    profiles = results["profiles"]
    profiles["baseline"] = run_child(
        "baseline", runs / "profile-baseline", html=html, profile=True
    )["profile"]
    home = runs / "profile-1"
    profiles["ingest_1"] = ingest("profiling ingest, 1 process", home, profile=True)["profile"]
    profiles["reingest"] = ingest("profiling second ingest", home, profile=True)["profile"]
    shutil.rmtree(home)
    home = runs / "profile-2"
    profiles["ingest_2"] = ingest(
        "profiling ingest, 2 workers (main process)", home, workers=2, profile=True
    )["profile"]
    shutil.rmtree(home)
    if nightly:
        # Pages the nightly run did not load, so that they are parsed and published.
        profiles["nightly"] = ingest(
            "profiling nightly run",
            big,
            limit=nightly,
            offset=nightly,
            census=False,
            profile=True,
        )["profile"]


def main(argv: Sequence[str] | None = None) -> None:
    """The command line: run the benchmark and report, or (`--child`) one measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument(
        "--small", type=int, default=1000, help="the smaller corpus for peak RSS (default 1000)"
    )
    parser.add_argument("--articles", type=int, default=1_000_000, help="synthetic warehouse")
    parser.add_argument(
        "--nightly", type=int, default=100, help="new pages of the nightly run (0: skip it)"
    )
    parser.add_argument("--batch-size", type=int, default=0, help="default: the pipeline's")
    parser.add_argument("--out", type=Path, help="keep the corpus and runs here")
    parser.add_argument(
        "--json",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bulletins-pipeline-benchmark.json",
        help="where to write the figures",
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="rounds of the throughput runs (default 2)"
    )
    parser.add_argument("--profile", action="store_true", help="profile the throughput runs")
    parser.add_argument(
        "--soak-json",
        type=Path,
        help="figures of `python -m benchmarks.soak --json`, for the 100,000-page memory row",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(args.child)
        return
    if not 0 < args.small < args.docs:
        parser.error("--small must be between 0 and --docs")
    started = time.perf_counter()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        results = run(args, args.out.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="bulletins-benchmark-") as tmp:
            results = run(args, Path(tmp))
    results["total_seconds"] = time.perf_counter() - started
    at_end = _machine()
    results["tree_at_end"] = {
        k: at_end[k] for k in ("etl_sql_trees", "uncommitted_in_etl_sql", "uncommitted_diff_sha256")
    }
    tree_at_start = {
        k: results["machine"][k]
        for k in ("etl_sql_trees", "uncommitted_in_etl_sql", "uncommitted_diff_sha256")
    }
    if results["tree_at_end"] != tree_at_start:
        _log("warning: etl/ or sql/ changed during the run; the figures mix two states")
    rows = report_rows(results)
    results["table"] = [row.__dict__ for row in rows]
    print_table(rows)
    for name, profile in results["profiles"].items():
        print(f"\nprofile of {name} (top by cumulative time):")
        for entry in profile[:25]:
            print(
                f"  {entry['cumulative_seconds']:>8.2f} s {entry['share']:>6.1%}  "
                f"{entry['own_seconds']:>7.2f} s own  {entry['calls']:>8}  {entry['function']}"
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json} (whole benchmark {results['total_seconds']:.0f} s)")


if __name__ == "__main__":
    main()
