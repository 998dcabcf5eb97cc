"""The HTTP client against the imitated hosts: robots.txt, Crawl-delay, retries with
Retry-After, timeouts, redirects, size cap, gzip; every response recorded."""

from __future__ import annotations

from etl.fetch.http import HttpClient
from etl.fetch.wayback import Wayback
from tests.fetch.conftest import UA, FakeTime, Recorded
from tests.sites import corpus
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites


def retry_waits(client: HttpClient) -> list[float]:
    return [seconds for why, seconds in client.waits if why == "retry"]


def test_crawl_delay_from_robots_spaces_requests(
    sana_sites: Sites, client_factory: object, fake_time: FakeTime, recorded: Recorded
) -> None:
    """robots.txt asks for 5 s (our own delay is 0): each host's requests start 5 s apart,
    counting from its robots.txt (3 waits on the archive host, 1 on the current one);
    robots.txt is fetched once per host; the User-Agent names the project and a contact URL."""
    assert callable(client_factory)
    client = client_factory()
    for post_id in (201400, 200900, 199835):
        assert client.get(f"{sana_sites.archive}?p={post_id}").ok
    assert client.get(f"{sana_sites.sana}politics/", role="listing").ok
    assert client.waits == [("politeness", 5.0)] * 4
    assert fake_time.slept == [5.0] * 4
    assert sana_sites.world.requested(ARCHIVE) == {
        "sana-archive:/robots.txt": 1,
        "sana-archive:/en/?p=201400": 1,
        "sana-archive:/en/?p=200900": 1,
        "sana-archive:/en/?p=199835": 1,
    }
    assert {hit.agent for hit in sana_sites.world.hits} == {UA}
    assert [r[0] for r in recorded.summary()] == [
        "robots", "article", "article", "article", "robots", "listing"
    ]  # fmt: skip


def test_robots_disallow_is_obeyed(sana_sites: Sites, client_factory: object) -> None:
    sana_sites.world.disallow[ARCHIVE] = ["/en/?p=171254"]
    assert callable(client_factory)
    result = client_factory().get(f"{sana_sites.archive}?p=171254")
    assert (result.ok, result.blocked, result.error) == (False, True, "disallowed by robots.txt")
    assert sana_sites.world.requested(ARCHIVE) == {"sana-archive:/robots.txt": 1}


def test_retries_wait_what_retry_after_asks(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    """Two 503s with Retry-After: 7 and 11, then the page: three requests, waits of 7 and
    11 s exactly, and all three responses recorded."""
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=185127", "503:7", "429:11")
    assert callable(client_factory)
    client = client_factory()
    result = client.get(f"{sana_sites.archive}?p=185127", article_url="A")
    assert (result.ok, result.attempts, result.error) == (True, 3, None)
    assert retry_waits(client) == [7.0, 11.0]
    assert sana_sites.world.requested(ARCHIVE)["sana-archive:/en/?p=185127"] == 3
    assert recorded.summary()[1:] == [
        ("article", "en/?p=185127", 503),
        ("article", "en/?p=185127", 429),
        ("article", "en/?p=185127", 200),
    ]
    assert result.response is not None
    assert result.response.body.decode() == corpus.page_html(ARCHIVE, 185127)


def test_retry_after_is_capped(sana_sites: Sites, client_factory: object) -> None:
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=185127", "503:86400")
    assert callable(client_factory)
    client = client_factory(max_retry_after=60.0)
    assert client.get(f"{sana_sites.archive}?p=185127").ok
    assert retry_waits(client) == [60.0]


def test_timeouts_and_dropped_connections_are_retried(
    sana_sites: Sites, client_factory: object
) -> None:
    """A slow answer (2 s against a 0.5 s read timeout) and a dropped connection, then the
    page."""
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=185127", "slow:2", "reset")
    assert callable(client_factory)
    client = client_factory(retries=3)
    result = client.get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.attempts) == (True, 3)
    assert client.n_retries == 2


def test_failure_after_retries_is_transient_with_a_reason(
    sana_sites: Sites, client_factory: object
) -> None:
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=185127", "503", forever=True)
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=171254", "stall", forever=True)
    assert callable(client_factory)
    client = client_factory()
    failed = client.get(f"{sana_sites.archive}?p=185127")
    assert (failed.ok, failed.transient, failed.status, failed.attempts) == (False, True, 503, 3)
    assert failed.error == "HTTP 503 Service Unavailable after 3 attempts"
    stalled = client.get(f"{sana_sites.archive}?p=171254")
    assert (stalled.transient, stalled.response) == (True, None)
    assert stalled.error == "timed out (ReadTimeout) after 3 attempts"


def test_a_404_is_not_retried(sana_sites: Sites, client_factory: object) -> None:
    assert callable(client_factory)
    result = client_factory().get(f"{sana_sites.archive}?p=75412")
    assert (result.status, result.transient, result.attempts) == (404, False, 1)
    assert result.error == "HTTP 404 Not Found"


def test_old_addresses_redirect_to_the_archive(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    """`sana.sy/en/?p=<id>` answers 301 to the archive host; both hops are recorded, and each
    host's robots.txt is read."""
    assert callable(client_factory)
    result = client_factory().get(f"{sana_sites.sana}?p=171254")
    assert result.ok
    assert result.response is not None
    assert result.response.url == f"{sana_sites.archive}?p=171254"
    assert result.hops == [f"{sana_sites.sana}?p=171254"]
    assert recorded.summary() == [
        ("robots", "robots.txt", 200),
        ("article", "en/?p=171254", 301),
        ("robots", "robots.txt", 200),
        ("article", "en/?p=171254", 200),
    ]
    assert [r.url.split("/")[2] for r in recorded.responses[1::2]] == [
        sana_sites.sana.split("/")[2],
        sana_sites.archive.split("/")[2],
    ]


def test_redirects_are_capped(sana_sites: Sites, client_factory: object) -> None:
    assert callable(client_factory)
    result = client_factory(max_redirects=0).get(f"{sana_sites.sana}?p=171254")
    assert (result.ok, result.status, result.error) == (False, 301, "more than 0 redirects")


def test_responses_are_cut_at_the_size_limit(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    sana_sites.world.gzip = False
    sana_sites.world.add_fault(ARCHIVE, "/en/?p=185127", "huge:5000")
    assert callable(client_factory)
    result = client_factory(max_bytes=1000).get(f"{sana_sites.archive}?p=185127")
    assert (result.ok, result.transient, result.error) == (
        False,
        False,
        "response larger than 1000 bytes",
    )
    last = recorded.responses[-1]
    assert (len(last.body), last.truncated) == (1000, True)


def test_gzip_is_asked_for_and_undone(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    assert callable(client_factory)
    result = client_factory().get(f"{sana_sites.sana}presidency/2210482/")
    assert result.response is not None
    headers = dict(result.response.headers)
    assert headers["Content-Encoding"] == "gzip"
    assert result.response.body.decode() == corpus.page_html(SANA, 2210482)


def test_wayback_lookup_and_raw_capture(
    sana_sites: Sites, client_factory: object, recorded: Recorded
) -> None:
    """The lost archive article is found under its pre-relaunch address."""
    assert callable(client_factory)
    wayback = Wayback(client_factory(), sana_sites.wayback)
    outcome = wayback.fetch(
        ["https://archive.sana.sy/en/?p=75412", "https://sana.sy/en/?p=75412"],
        article_url="https://archive.sana.sy/en/?p=75412",
    )
    assert outcome.ok
    assert outcome.result is not None and outcome.result.response is not None
    assert outcome.result.response.url == (
        f"{sana_sites.wayback}web/20160410081500id_/http://sana.sy/en/?p=75412"
    )
    assert outcome.result.response.body.decode() == corpus.page_html(ARCHIVE, 75412)
    assert [(r.role, r.fetched_from) for r in recorded.responses] == [
        ("robots", "origin"),
        ("cdx", "wayback"),
        ("cdx", "wayback"),
        ("article", "wayback"),
    ]
    missing = wayback.fetch(["https://sana.sy/en/?p=1"], article_url="x")
    assert (missing.ok, missing.reason) == (False, "sana.sy/en/?p=1: no capture")
    assert set(sana_sites.world.requested(WAYBACK)) == {
        "wayback:/robots.txt",
        "wayback:/cdx/search/cdx?url=archive.sana.sy%2Fen%2F%3Fp%3D75412&output=json"
        "&fl=timestamp%2Coriginal%2Cstatuscode%2Cmimetype&filter=statuscode%3A200",
        "wayback:/cdx/search/cdx?url=sana.sy%2Fen%2F%3Fp%3D75412&output=json"
        "&fl=timestamp%2Coriginal%2Cstatuscode%2Cmimetype&filter=statuscode%3A200",
        "wayback:/cdx/search/cdx?url=sana.sy%2Fen%2F%3Fp%3D1&output=json"
        "&fl=timestamp%2Coriginal%2Cstatuscode%2Cmimetype&filter=statuscode%3A200",
        "wayback:/web/20160410081500id_/http://sana.sy/en/?p=75412",
    }
