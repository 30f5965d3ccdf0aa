"""A polite fetcher: web addresses into a WARC file that ``analyze`` reads offline.

``newsprism analyze`` never reaches the network. To work from addresses, fetch them
first (``newsprism fetch URLS... --warc pages.warc.gz``), then analyse the archive: the
pages are kept as they were served, with the address, the HTTP headers and the day, so
the analysis can be re-run, shared and checked later (the habit of web archivists).

Politeness, as crawlers owe the sites they read:

* **robots.txt** is read once per host and obeyed for our user agent (RFC 9309:
  a robots.txt that is missing, 4xx, allows everything; one that cannot be read, 5xx
  or unreachable, disallows everything for that host). Its ``Crawl-delay`` is honoured
  when longer than ours.
* **One request at a time per host**, at least ``delay`` seconds apart (2 s by default).
* **Retries** with exponential back-off on timeouts, connection errors, 429 and 5xx,
  honouring ``Retry-After`` (seconds or an HTTP date), up to ``retries`` times; a
  ``Retry-After`` beyond ``max_wait`` gives up rather than stall the batch.
* A user agent that names the tool (and the user's contact, ``--contact``), timeouts,
  and a size limit per page (``NEWSPRISM_MAX_BYTES``).

The WARC gets a ``request`` and a ``response`` record per fetch (errors such as a 404
are archived too: they are what the server said; ``analyze`` skips them). It is
written to a temporary file and renamed when the batch is done, so a crash never leaves
half an archive under the final name.
"""

from __future__ import annotations

import email.utils
import io
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism import __version__, settings

LOGGER = logging.getLogger(__name__)

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(slots=True)
class FetchSettings:
    """How politely to fetch: seconds between requests to one host, retries, limits, who we are."""

    delay: float = 2.0
    retries: int = 3
    timeout: float = 20.0
    backoff: float = 2.0  # the first retry waits this long (or ``delay``, if longer), then doubles
    max_wait: float = 120.0  # a Retry-After longer than this gives up on the page
    max_bytes: int = field(default_factory=lambda: settings.MAX_BYTES)
    contact: str | None = None
    robots: bool = True

    @property
    def user_agent(self) -> str:
        extra = f"; {self.contact}" if self.contact else ""
        return f"newsprism/{__version__} (news analysis; polite fetcher{extra})"


@dataclass(slots=True)
class Fetched:
    """One address's outcome: the response (status, headers, body) or why there is none."""

    url: str
    final_url: str | None = None
    status: int | None = None
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    error: str | None = None  # None when the server answered 200
    attempts: int = 0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by the fetcher itself, so each hop is checked against robots.txt and paced."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


Opener = Callable[[urllib.request.Request, float], Any]


def _default_opener() -> Opener:
    opener = urllib.request.build_opener(_NoRedirect)

    def open_(req: urllib.request.Request, timeout: float) -> Any:
        return opener.open(req, timeout=timeout)

    return open_


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Fetcher:
    """Fetches addresses politely (see the module's docstring); ``sleep`` and ``clock`` can be replaced in tests."""

    def __init__(
        self,
        config: FetchSettings | None = None,
        opener: Opener | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config or FetchSettings()
        self._open = opener or _default_opener()
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, urllib.robotparser.RobotFileParser | bool] = {}
        self._next: dict[str, float] = {}  # host -> earliest time of its next request

    # -- pacing -----------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        now = self._clock()
        due = self._next.get(host, now)
        if due > now:
            self._sleep(due - now)

    def _done(self, host: str, extra: float = 0.0) -> None:
        gap = max(self.config.delay, self._crawl_delay(host), extra)
        self._next[host] = self._clock() + gap

    def _crawl_delay(self, host: str) -> float:
        rp = self._robots.get(host)
        if isinstance(rp, urllib.robotparser.RobotFileParser):
            d = rp.crawl_delay(self.config.user_agent)
            if d:
                return float(d)
        return 0.0

    # -- robots.txt -------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (read once per host)."""
        if not self.config.robots:
            return True
        parts = urllib.parse.urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
            self._done(host)  # pace the next request by the Crawl-delay just read
        rp = self._robots[host]
        if isinstance(rp, bool):
            return rp
        return rp.can_fetch(self.config.user_agent, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | bool:
        got = self._get(host + "/robots.txt", host, check_robots=False)
        if got.status is not None and 400 <= got.status < 500:
            return True  # RFC 9309 2.3.1.3: unavailable, so no restrictions
        if got.status != 200:
            LOGGER.warning("robots.txt of %s could not be read (%s): not fetching from it", host, got.error)
            return False  # 2.3.1.4: unreachable, so assume complete disallow
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(got.body.decode("utf-8", errors="replace").splitlines())
        return rp

    # -- fetching ---------------------------------------------------------------------

    def fetch(self, url: str, max_redirects: int = 5) -> Fetched:
        """``url``'s page, following redirects (each hop checked and paced), or why not."""
        seen = [url]
        current = url
        for _ in range(max_redirects + 1):
            got = self._get(current, self._host(current))
            if got.status in (301, 302, 303, 307, 308):
                target = dict((k.lower(), v) for k, v in got.headers).get("location")
                if not target:
                    return got
                current = urllib.parse.urljoin(current, target)
                if current in seen:
                    got.error = f"redirect loop at {current}"
                    return got
                seen.append(current)
                continue
            got.url = url
            got.final_url = current
            return got
        return Fetched(url, current, error=f"more than {max_redirects} redirects")

    @staticmethod
    def _host(url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def _get(self, url: str, host: str, check_robots: bool = True) -> Fetched:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            return Fetched(url, error="not an http(s) address")
        if check_robots and not self.allowed(url):
            return Fetched(url, error="disallowed by robots.txt")
        out = Fetched(url, final_url=url)
        for attempt in range(self.config.retries + 1):
            self._wait_turn(host)
            out.attempts = attempt + 1
            wait: float | None = None
            try:
                req = urllib.request.Request(url, headers={"User-Agent": self.config.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"})
                resp = self._open(req, self.config.timeout)
                with resp:
                    out.status = int(resp.status)
                    out.reason = str(getattr(resp, "reason", "") or "")
                    out.headers = list(resp.headers.items())
                    body = resp.read(self.config.max_bytes + 1)
                if len(body) > self.config.max_bytes:
                    out.error, out.body = f"larger than {self.config.max_bytes} bytes", b""
                else:
                    out.body, out.error = body, None
                self._done(host)
                return out
            except urllib.error.HTTPError as exc:
                out.status, out.reason = exc.code, str(exc.reason or "")
                out.headers = list(exc.headers.items()) if exc.headers else []
                out.body = exc.read(self.config.max_bytes) if exc.fp else b""
                out.error = f"HTTP {exc.code} {out.reason}".strip()
                if exc.code in (301, 302, 303, 307, 308):
                    self._done(host)
                    return out
                if exc.code not in RETRY_STATUS:
                    self._done(host)
                    return out
                wait = retry_after(exc.headers.get("Retry-After") if exc.headers else None)
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                out.error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
            if attempt == self.config.retries:
                break
            if wait is not None and wait > self.config.max_wait:
                out.error = f"{out.error}; the server asks to wait {wait:.0f} s (over {self.config.max_wait:.0f}): not retried"
                break
            backoff = max(self.config.backoff, self.config.delay) * (2**attempt)
            self._done(host, extra=max(wait or 0.0, backoff))
        self._done(host)
        return out


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def links_in(body: bytes, base: str = "", since: str | None = None) -> tuple[str, list[str]] | None:
    """The pages a feed or a sitemap lists, as ``(kind, links)`` ("feed", "sitemap", or "sitemapindex"
    for a sitemap of sitemaps), those dated before ``since`` (YYYY-MM-DD) left out; None for
    anything else. A document that declares entities is refused (no entity expansion)."""
    head = body[:4096].decode("utf-8", "replace")
    from newsprism.ingest.feed import looks_like_feed

    if looks_like_feed(head):
        import feedparser

        parsed = feedparser.parse(io.BytesIO(body))
        out = []
        for e in parsed.get("entries") or []:
            link = str(e.get("link") or "")
            t = e.get("published_parsed") or e.get("updated_parsed")
            day = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}" if t else None
            if link and not (since and day and day < since):
                out.append(urllib.parse.urljoin(base, link))
        return "feed", out
    if "<urlset" not in head and "<sitemapindex" not in head:
        return None
    if "<!ENTITY" in head or "<!DOCTYPE" in head:
        return None
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    kind = "sitemapindex" if root.tag.endswith("sitemapindex") else "sitemap"
    out = []
    for item in root:
        loc = item.findtext(f"{SITEMAP_NS}loc") or item.findtext("loc")
        day = item.findtext(f"{SITEMAP_NS}lastmod") or item.findtext("lastmod") or item.findtext(f"{NEWS_NS}news/{NEWS_NS}publication_date")
        if loc and not (since and day and day.strip()[:10] < since):
            out.append(urllib.parse.urljoin(base, loc.strip()))
    return kind, out


def read_url_list(paths: Iterable[str], since: str | None = None) -> Iterator[str]:
    """Addresses from the arguments: each is an address, a file of addresses (one a line, ``#``
    comments), or a saved feed or sitemap (the pages it lists, from ``since`` on)."""
    for p in paths:
        if "://" in p:
            yield p.strip()
            continue
        data = Path(p).read_bytes()
        listed = links_in(data, since=since)
        if listed is not None:
            yield from listed[1]
            continue
        for line in data.decode("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def fetch_to_warc(
    urls: Iterable[str],
    out: Path,
    fetcher: Fetcher | None = None,
    progress: Callable[[Fetched], None] | None = None,
    follow: bool = False,
    since: str | None = None,
) -> list[Fetched]:
    """Fetch every address into the WARC file ``out`` (gzipped when it ends in ``.gz``); the outcomes, in order.

    ``follow``: a fetched feed or sitemap is archived, and the pages it lists (dated from
    ``since`` on, when it dates them) are fetched too; a sitemap of sitemaps, its sitemaps.
    Pages are never crawled for links: this reads what a site publishes as its news.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    fetcher = fetcher or Fetcher()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    results: list[Fetched] = []
    seen: set[str] = set()
    try:
        with open(tmp, "wb") as fh:
            writer = WARCWriter(fh, gzip=out.name.endswith(".gz"))
            writer.write_record(writer.create_warcinfo_record(out.name, {"software": f"newsprism/{__version__}", "format": "WARC File Format 1.1"}))
            queue: deque[tuple[str, int]] = deque((u, 0) for u in urls)
            while queue:
                url, depth = queue.popleft()
                if url in seen:
                    continue
                seen.add(url)
                got = fetcher.fetch(url)
                if follow and got.error is None and depth < 2:
                    listed = links_in(got.body, got.final_url or url, since)
                    if listed is not None:
                        kind, links = listed
                        if kind != "sitemapindex":
                            depth = 1  # pages of a feed or sitemap: their own links are not followed
                        queue.extendleft((link, depth + 1) for link in reversed(links))
                results.append(got)
                if progress:
                    progress(got)
                if got.status is None:
                    continue
                target = got.final_url or url
                req_headers = StatusAndHeaders(f"GET {urllib.parse.urlsplit(target).path or '/'} HTTP/1.1", [("User-Agent", fetcher.config.user_agent), ("Host", urllib.parse.urlsplit(target).netloc)], is_http_request=True)
                writer.write_record(writer.create_warc_record(target, "request", http_headers=req_headers))
                # The body is stored as it came, less the chunking urllib undid (warcio decodes a Content-Encoding).
                headers = [(k, v) for k, v in got.headers if k.lower() not in ("transfer-encoding", "content-length")]
                http = StatusAndHeaders(f"{got.status} {got.reason}".strip(), headers, protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(got.body), http_headers=http))
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return results
