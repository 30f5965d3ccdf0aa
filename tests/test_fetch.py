"""The polite fetcher, against a real HTTP server on loopback: robots.txt, pacing, retries, redirects, limits.

Time is a fake clock that only the fetcher's own waits move, so the pacing is checked
exactly and the tests never sleep.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from newsprism.fetch import Fetcher, FetchSettings, fetch_to_warc, read_url_list, retry_after

PAGE = (
    "<html><head><title>Dock strike spreads</title></head><body><article><h1>Dock strike spreads</h1>"
    "<p>Dock workers at the port of Harlow walked out on Tuesday, the union said, after talks on pay broke down.</p>"
    "<p>\u201cWe have waited long enough,\u201d said Mara Quill, who leads the union.</p></article></body></html>"
)


class Site(BaseHTTPRequestHandler):
    """Routes of an invented news site; ``log`` keeps (path, user agent) of every request."""

    log: ClassVar[list[tuple[str, str]]] = []
    counts: ClassVar[dict[str, int]] = {}
    robots: ClassVar[str] = "User-agent: *\nDisallow: /private/\n"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Site.log.append((path, self.headers.get("User-Agent", "")))
        n = Site.counts[path] = Site.counts.get(path, 0) + 1
        if path == "/robots.txt":
            if Site.robots == "503":
                self._send(503)
            elif Site.robots == "404":
                self._send(404)
            else:
                self._send(200, Site.robots.encode(), ctype="text/plain")
        elif path in ("/news/a", "/private/secret", "/news/b"):
            self._send(200, PAGE.encode())
        elif path == "/news/flaky":  # fails twice, then serves
            if n <= 2:
                self._send(503, b"busy", {"Retry-After": "7"})
            else:
                self._send(200, PAGE.replace("Dock strike", "Ferry strike").encode())
        elif path == "/news/slow-down":
            self._send(429, b"", {"Retry-After": "600"})
        elif path == "/news/moved":
            self._send(301, b"", {"Location": "/news/a"})
        elif path == "/news/to-private":
            self._send(302, b"", {"Location": "/private/secret"})
        elif path == "/news/loop":
            self._send(302, b"", {"Location": "/news/loop"})
        elif path == "/feed.rss":
            items = "".join(
                f"<item><title>{t}</title><link>/news/{slug}</link><pubDate>{day}</pubDate></item>"
                for t, slug, day in (("A", "a", "Fri, 08 Mar 2024 09:00:00 GMT"), ("B", "b", "Mon, 04 Mar 2024 09:00:00 GMT"))
            )
            self._send(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>{items}</channel></rss>'.encode(), ctype="application/rss+xml")
        elif path == "/sitemap-index.xml":
            self._send(200, b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>', ctype="application/xml")
        elif path == "/sitemap-news.xml":
            self._send(
                200,
                b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                b"<url><loc>/news/a</loc><lastmod>2024-03-08</lastmod></url><url><loc>/news/b</loc><lastmod>2024-03-01</lastmod></url>"
                b"<url><loc>/feed.rss</loc><lastmod>2024-03-09</lastmod></url></urlset>",
                ctype="application/xml",
            )
        elif path == "/news/big":
            self._send(200, b"<html><body><p>" + b"x" * 5000 + b"</p></body></html>")
        else:
            self._send(404, b"<html><body>Not found</body></html>")


@pytest.fixture
def site() -> Iterator[str]:
    Site.log, Site.counts, Site.robots = [], {}, "User-agent: *\nDisallow: /private/\n"
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def sleep(self, s: float) -> None:
        self.slept.append(round(s, 3))
        self.now += s

    def clock(self) -> float:
        return self.now


def _fetcher(t: FakeTime, **kw: object) -> Fetcher:
    cfg = FetchSettings(**{"delay": 2.0, "retries": 3, "timeout": 5.0, "backoff": 1.0, **kw})  # type: ignore[arg-type]
    return Fetcher(cfg, sleep=t.sleep, clock=t.clock)


def test_fetch_reads_robots_once_and_obeys_it(site: str) -> None:
    f = _fetcher(FakeTime())
    a, secret, b = f.fetch(site + "/news/a"), f.fetch(site + "/private/secret"), f.fetch(site + "/news/b")
    assert a.status == 200 and a.error is None and b"Dock strike spreads" in a.body
    assert secret.error == "disallowed by robots.txt" and secret.status is None
    assert b.status == 200
    paths = [p for p, _ in Site.log]
    assert paths == ["/robots.txt", "/news/a", "/news/b"]  # the private page was never requested
    assert all(ua.startswith("newsprism/") for _, ua in Site.log)


def test_fetch_waits_between_requests_to_one_host(site: str) -> None:
    t = FakeTime()
    f = _fetcher(t, delay=2.0)
    for p in ("/news/a", "/news/b", "/news/a"):
        f.fetch(site + p)
    # robots.txt, then three pages: each request at least 2 s (fake time) after the one before.
    assert t.slept == [2.0, 2.0, 2.0]


def test_fetch_honours_a_longer_crawl_delay(site: str) -> None:
    Site.robots = "User-agent: *\nCrawl-delay: 5\n"
    t = FakeTime()
    f = _fetcher(t, delay=2.0)
    f.fetch(site + "/news/a")
    f.fetch(site + "/news/b")
    assert t.slept == [5.0, 5.0]


def test_fetch_retries_with_retry_after_then_succeeds(site: str) -> None:
    t = FakeTime()
    got = _fetcher(t).fetch(site + "/news/flaky")
    assert got.status == 200 and got.error is None and got.attempts == 3
    assert b"Ferry strike" in got.body
    # After robots.txt: the page, 7 s (Retry-After, longer than the back-off), the page, 7 s, the page.
    assert t.slept == [2.0, 7.0, 7.0]


def test_fetch_gives_up_when_the_server_asks_too_long_a_wait(site: str) -> None:
    t = FakeTime()
    got = _fetcher(t, max_wait=60.0).fetch(site + "/news/slow-down")
    assert got.status == 429 and got.attempts == 1 and "600" in str(got.error)
    assert max(t.slept, default=0) < 60


def test_fetch_follows_redirects_and_checks_each_hop(site: str) -> None:
    f = _fetcher(FakeTime())
    moved = f.fetch(site + "/news/moved")
    assert moved.status == 200 and moved.final_url == site + "/news/a" and moved.url == site + "/news/moved"
    assert f.fetch(site + "/news/to-private").error == "disallowed by robots.txt"
    assert "redirect loop" in str(f.fetch(site + "/news/loop").error)
    assert "/private/secret" not in [p for p, _ in Site.log]


def test_fetch_refuses_a_page_over_the_size_limit(site: str) -> None:
    got = _fetcher(FakeTime(), max_bytes=1000).fetch(site + "/news/big")
    assert got.body == b"" and "larger than 1000 bytes" in str(got.error)


def test_fetch_robots_unreachable_means_disallow_and_missing_means_allow(site: str) -> None:
    Site.robots = "503"
    f = _fetcher(FakeTime(), retries=0)
    assert f.fetch(site + "/news/a").error == "disallowed by robots.txt"
    Site.robots = "404"
    g = _fetcher(FakeTime())
    assert g.fetch(site + "/news/a").status == 200


def test_fetch_unreachable_host_is_retried_then_reported() -> None:
    t = FakeTime()
    f = _fetcher(t, retries=2, robots=False, timeout=1.0)
    got = f.fetch("http://127.0.0.1:9/nothing-listens-here")  # the discard port: refused at once
    assert got.status is None and got.attempts == 3 and got.error
    assert t.slept == [2.0, 4.0]  # back-off doubling from max(backoff, delay)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_fetch_to_warc_then_analyze_offline(site: str, tmp_path: Path) -> None:
    out = tmp_path / "story.warc.gz"
    urls = [site + "/news/a", site + "/news/moved", site + "/news/missing", site + "/private/secret", site + "/news/a"]
    results = fetch_to_warc(urls, out, _fetcher(FakeTime()))
    assert [r.error is None for r in results] == [True, True, False, False]  # the repeated address is fetched once
    assert out.exists() and not (tmp_path / "story.warc.gz.part").exists()
    d = newsprism.analyze(out)
    assert d.failures == []  # the 404 is archived, and skipped by analyze
    assert [a.url for a in d.articles] == [site + "/news/a", site + "/news/a"]
    assert all(a.title == "Dock strike spreads" and a.given.get("retrieved") for a in d.articles)


def test_fetch_to_warc_leaves_no_half_archive_when_interrupted(site: str, tmp_path: Path) -> None:
    out = tmp_path / "story.warc.gz"

    def urls() -> Iterator[str]:
        yield site + "/news/a"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_to_warc(urls(), out, _fetcher(FakeTime()))
    assert list(tmp_path.iterdir()) == []


def test_read_url_list_takes_addresses_and_files(tmp_path: Path) -> None:
    lst = tmp_path / "urls.txt"
    lst.write_text("# the story\nhttps://example.org/a#section\n\n  https://example.org/b  \n", encoding="utf-8")
    assert list(read_url_list(["https://example.org/c", str(lst)])) == [
        "https://example.org/c",
        "https://example.org/a#section",
        "https://example.org/b",
    ]


def test_cli_fetch_writes_the_archive_and_reports_failures(site: str, tmp_path: Path) -> None:
    out = tmp_path / "pages.warc"
    res = CliRunner().invoke(app, ["fetch", site + "/news/a", site + "/news/missing", "--warc", str(out), "--delay", "0"])
    assert res.exit_code == 1, res.output
    assert "1 of 2 address(es) fetched" in res.output and "HTTP 404" in res.output
    assert [a.url for a in newsprism.analyze(out).articles] == [site + "/news/a"]
    missing = CliRunner().invoke(app, ["fetch", str(tmp_path / "no-list.txt"), "--warc", str(out)])
    assert missing.exit_code != 0 and "no-list.txt" in missing.output


def test_fetch_follows_a_feed_to_its_pages_from_a_day_on(site: str, tmp_path: Path) -> None:
    out = tmp_path / "feed.warc.gz"
    results = fetch_to_warc([site + "/feed.rss"], out, _fetcher(FakeTime()), follow=True, since="2024-03-05")
    assert [r.url for r in results] == [site + "/feed.rss", site + "/news/a"]  # /news/b is dated 2024-03-04
    assert [a.url for a in newsprism.analyze(out).articles] == [site + "/news/a"]  # the feed is archived, not analysed
    plain = fetch_to_warc([site + "/feed.rss"], tmp_path / "only.warc", _fetcher(FakeTime()))
    assert [r.url for r in plain] == [site + "/feed.rss"]  # without --follow, only what was asked


def test_fetch_follows_a_sitemap_index_but_never_crawls_pages(site: str, tmp_path: Path) -> None:
    results = fetch_to_warc([site + "/sitemap-index.xml"], tmp_path / "s.warc", _fetcher(FakeTime()), follow=True)
    paths = [r.url.removeprefix(site) for r in results]
    # The index, its sitemap, the sitemap's pages; the feed the sitemap lists is fetched but not followed.
    assert paths == ["/sitemap-index.xml", "/sitemap-news.xml", "/news/a", "/news/b", "/feed.rss"]


def test_links_in_reads_feeds_and_sitemaps_and_refuses_entities() -> None:
    from newsprism.fetch import links_in

    sm = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/a</loc></url></urlset>'
    assert links_in(sm) == ("sitemap", ["https://x.example/a"])
    bomb = b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    assert links_in(bomb) is None
    assert links_in(b"<html><body>page</body></html>") is None


def test_read_url_list_takes_a_saved_feed(tmp_path: Path) -> None:
    feed = tmp_path / "saved.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>x</title><item><link>https://x.example/new</link><pubDate>Fri, 08 Mar 2024 09:00:00 GMT</pubDate></item>'
        "<item><link>https://x.example/old</link><pubDate>Fri, 01 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    assert list(read_url_list([str(feed)], since="2024-03-05")) == ["https://x.example/new"]
