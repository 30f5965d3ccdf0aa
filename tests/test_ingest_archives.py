"""Web archives (WARC/ARC) and news feeds (RSS, RDF, Atom) as inputs, and addresses given as paths.

Every archive and feed here is written by the tests (warcio's own writer for the WARCs);
the pages are invented.
"""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import newsprism
from newsprism import settings
from newsprism.article import Article, Failure
from newsprism.ingest import expand, read_path
from newsprism.ingest.feed import looks_like_feed, read_feed
from newsprism.ingest.warc import is_warc

PAGE = (
    "<html><head><title>Dock strike spreads</title></head><body><nav>Home | World | Sport</nav>"
    "<article><h1>Dock strike spreads</h1>"
    "<p>Dock workers at the port of Harlow walked out on Tuesday, the union said, after talks on pay broke down "
    "for a third week running.</p>"
    "<p>\u201cWe have waited long enough,\u201d said Mara Quill, who leads the dockers\u2019 union.</p>"
    "</article></body></html>"
)


def _warc(path: Path, records: list[tuple[str, str, str, bytes, str]], gz: bool = True) -> Path:
    """A WARC of ``(type, uri, status, payload, content_type)`` records, fetched on 2024-03-07."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for kind, uri, status, payload, ctype in records:
            warc_headers = {"WARC-Date": "2024-03-07T10:00:00Z"}
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=warc_headers)
            else:
                warc_headers["Content-Type"] = ctype
                rec = w.create_warc_record(uri, kind, payload=io.BytesIO(payload), warc_headers_dict=warc_headers)
            w.write_record(rec)
    return path


CRAWL = [
    ("response", "https://www.reuters.com/world/dock-strike", "200 OK", PAGE.encode("cp1252"), "text/html; charset=windows-1252"),
    ("response", "https://example.org/gone", "404 Not Found", b"<html><body>Not found</body></html>", "text/html"),
    ("response", "https://example.org/old", "301 Moved Permanently", b"", "text/html"),
    ("response", "https://example.org/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png"),
    ("request", "https://www.reuters.com/world/dock-strike", "", b"GET /world/dock-strike HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
    ("resource", "https://news.example.org/ferries", "", PAGE.replace("Dock strike spreads", "Ferries cut").encode(), "text/html"),
]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_pages_become_articles(tmp_path: Path, gz: bool) -> None:
    path = _warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), CRAWL, gz=gz)
    got = read_path(str(path))
    assert all(isinstance(a, Article) for a in got), got
    arts = [a for a in got if isinstance(a, Article)]
    # The 200 HTML response and the HTML resource; not the 404, the redirect, the image or the request.
    assert [a.url for a in arts] == ["https://www.reuters.com/world/dock-strike", "https://news.example.org/ferries"]
    assert arts[0].source == f"{path}#https://www.reuters.com/world/dock-strike"
    assert arts[0].given["retrieved"] == "2024-03-07"
    assert arts[0].html is not None and "\u201cWe have waited long enough,\u201d" in arts[0].html  # the declared charset


def test_warc_end_to_end_outlet_from_the_address_and_published_not_after_the_fetch(tmp_path: Path) -> None:
    d = newsprism.analyze(_warc(tmp_path / "crawl.warc.gz", CRAWL))
    assert d.failures == []
    a = next(x for x in d.articles if x.url and "reuters" in x.url)
    assert a.title == "Dock strike spreads"
    assert a.outlet == "Reuters"
    assert "Dock workers at the port of Harlow" in a.body and "Home | World" not in a.body
    assert a.published.latest == "2024-03-07" and "fetched" in a.published.evidence
    assert any(q.speaker_text and "Quill" in q.speaker_text for q in d.quotes)


def test_sitename_that_is_a_domain_names_the_known_outlet(tmp_path: Path) -> None:
    # trafilatura gives the host name ("reuters.com") as the site name of a page that declares none.
    d = newsprism.analyze(_warc(tmp_path / "one.warc.gz", CRAWL[:1]))
    [a] = d.articles
    assert a.page_meta.get("sitename") == "reuters.com"
    assert a.outlet == "Reuters"


def test_warc_in_a_folder_is_picked_up(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    _warc(tmp_path / "crawl" / "a.warc.gz", CRAWL[:1])
    assert [Path(str(p)).name for p in expand([tmp_path])] == ["a.warc.gz"]
    assert is_warc("x.WARC.GZ") and is_warc("x.arc") and not is_warc("x.html.gz")


def _cut(path: Path, keep: int) -> Path:
    data = path.read_bytes()
    out = path.with_name("cut-" + path.name)
    out.write_bytes(data[:keep])
    return out


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_cut_short_keeps_the_pages_before_the_break_and_fails_by_name(tmp_path: Path, gz: bool) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    whole = _warc(tmp_path / name, [CRAWL[0], CRAWL[0], CRAWL[5]], gz=gz)
    size = whole.stat().st_size
    cut = _cut(whole, size - 60)  # inside the last record
    d = newsprism.analyze(cut)
    assert len(d.articles) == 2
    [f] = d.failures
    assert f.code == "E017" and f.source == str(cut) and "after 2 page(s)" in f.message


def test_warc_that_is_no_archive_fails_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "notes.warc"
    bad.write_text("these are my notes, not a web archive\n" * 5, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Dock strike spreads\n\nDock workers walked out on Tuesday, the union said.\n", encoding="utf-8")
    d = newsprism.analyze([good, bad])
    assert [a.source for a in d.articles] == [str(good)]
    [f] = d.failures
    assert f.code == "E017" and str(bad) in f.message


def test_warc_page_over_the_size_limit_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = ("<html><body><p>" + "word " * 400 + "</p></body></html>").encode()
    path = _warc(tmp_path / "crawl.warc.gz", [("response", "https://example.org/big", "200 OK", big, "text/html"), CRAWL[0]])
    monkeypatch.setattr(settings, "MAX_BYTES", 1500)  # the archive is bigger than this; only the page counts
    got = read_path(str(path))
    assert [type(x).__name__ for x in got] == ["Failure", "Article"]
    f = got[0]
    assert isinstance(f, Failure) and f.code == "E006" and f.source.endswith("#https://example.org/big")


def test_warc_page_that_is_binary_despite_its_header_fails_alone(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc", [("response", "https://example.org/x", "200 OK", b"\x00\x01\x02" * 300, "text/html"), CRAWL[0]], gz=False)
    got = read_path(str(path))
    assert [type(x).__name__ for x in got] == ["Failure", "Article"]
    assert isinstance(got[0], Failure) and got[0].code == "E004"


# ------------------------------------------------------------------ feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>The Harlow Courier: World</title>
<link>https://www.reuters.com/world/</link>
<item>
 <title>Dock strike spreads to a second port</title>
 <link>https://www.reuters.com/world/dock-strike-spreads/</link>
 <pubDate>Fri, 08 Mar 2024 09:30:00 GMT</pubDate>
 <dc:creator>Ines Varga</dc:creator>
 <description>Workers at a second port joined the strike.</description>
 <content:encoded><![CDATA[<p>HARLOW (Reuters) - Workers at a second port joined the strike on Friday, the union said.</p>
 <p>&ldquo;We stand together,&rdquo; said Mara Quill, who leads the union.</p>]]></content:encoded>
</item>
<item>
 <title>Ferry services cut</title>
 <link>https://www.reuters.com/world/ferry-services-cut/</link>
 <pubDate>Thu, 07 Mar 2024 18:00:00 GMT</pubDate>
 <description>Ferry operators cut services on Thursday as the strike entered its third day.</description>
</item>
<item><title>Nothing here</title><link>https://www.reuters.com/world/empty/</link><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City desk</title>
<entry><title>Council approves the budget</title><link href="https://news.example.org/budget"/>
<updated>2024-02-01T12:00:00Z</updated><author><name>Jo Park</name></author>
<content type="html">&lt;p&gt;The city council approved the budget on Thursday, officials said.&lt;/p&gt;</content></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example.org/"><title>Wire</title><link>https://news.example.org/</link></channel>
<item rdf:about="https://news.example.org/a"><title>Port reopens</title><link>https://news.example.org/a</link>
<description>The port reopened on Monday after a week-long strike, its operator said.</description></item>
</rdf:RDF>
"""


def test_rss_entries_become_articles_with_their_link_date_and_author(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    d = newsprism.analyze(path)
    by_title = {a.title: a for a in d.articles}
    assert set(by_title) == {"Dock strike spreads to a second port", "Ferry services cut"}
    full = by_title["Dock strike spreads to a second port"]
    assert full.url == "https://www.reuters.com/world/dock-strike-spreads/"
    assert full.source == f"{path}#https://www.reuters.com/world/dock-strike-spreads/"
    assert full.published.earliest == full.published.latest == "2024-03-08"
    assert "feed entry" in full.published.evidence
    assert full.authors == ["Ines Varga"]
    assert full.outlet == "Reuters"  # from the entry's address
    assert full.given["feed_text"] == "content" and "second port joined the strike on Friday" in full.body
    assert "“We stand together,”" in full.body
    assert by_title["Ferry services cut"].given["feed_text"] == "summary"
    # The empty entry is a failure named by the feed and the entry's link; the rest are kept.
    [f] = d.failures
    assert f.code == "E003" and f.source == f"{path}#https://www.reuters.com/world/empty/"


def test_atom_and_rdf_feeds_are_sniffed_without_a_feed_extension(tmp_path: Path) -> None:
    (tmp_path / "city.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(RDF, encoding="utf-8")
    d = newsprism.analyze([tmp_path / "city.xml", tmp_path / "wire.txt"])
    assert d.failures == []
    assert [(a.title, a.authors, a.published.earliest) for a in d.articles] == [
        ("Council approves the budget", ["Jo Park"], "2024-02-01"),
        ("Port reopens", [], None),
    ]


def test_feed_without_entries_fails_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "empty.rss"
    bad.write_text('<rss version="2.0"><channel><title>Nothing</title></channel></rss>', encoding="utf-8")
    [f] = read_path(str(bad))
    assert isinstance(f, Failure) and f.code == "E018" and str(bad) in f.message


def test_xml_that_is_neither_page_nor_feed_fails_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "sitemap-config.xml"
    bad.write_text('<?xml version="1.0"?><config><item>x</item></config>', encoding="utf-8")
    d = newsprism.analyze(bad)
    assert d.articles == []
    [f] = d.failures
    assert f.code == "E020" and str(bad) in f.message
    xhtml = tmp_path / "page.xml"
    xhtml.write_text('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Dock workers walked out on Tuesday.</p></body></html>', encoding="utf-8")
    assert [a.format for a in read_path(str(xhtml)) if isinstance(a, Article)] == ["html"]


def test_feed_links_are_never_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    got = list(read_feed("feed.rss", RSS.encode()))
    assert len([a for a in got if isinstance(a, Article)]) == 2


def test_feed_text_that_looks_like_an_address_is_not_opened() -> None:
    # feedparser opens a string that looks like a URL or a path; the reader hands it bytes only.
    got = list(read_feed("x.rss", b"https://example.org/feed.xml"))
    assert [x.code for x in got if isinstance(x, Failure)] == ["E018"]


@hsettings(max_examples=60, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_feed_reader_returns_articles_or_failures_on_any_bytes(data: bytes) -> None:
    for x in read_feed("fuzz.rss", data):
        assert isinstance(x, Article | Failure)


@given(st.text(max_size=300))
def test_looks_like_feed_never_raises(text: str) -> None:
    assert looks_like_feed(text) in (True, False)


# ------------------------------------------------------------------ addresses and links


@pytest.mark.parametrize("address", ["https://example.org/news/1", "http://example.org", "www.example.org/story"])
def test_address_given_as_a_path_says_it_is_not_fetched(address: str) -> None:
    [f] = list(expand([address]))
    assert isinstance(f, Failure) and f.code == "E019" and address in f.message and "network" in f.message


def test_broken_symlink_in_a_folder_fails_by_name(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Dock strike spreads\n\nDock workers walked out on Tuesday, the union said.\n", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    d = newsprism.analyze(tmp_path)
    assert [Path(a.source).name for a in d.articles] == ["good.txt"]
    [f] = d.failures
    assert f.code == "E002" and f.source == str(tmp_path / "gone.txt")


# ------------------------------------------------------------------ the fetch date as a bound


def test_jsonl_retrieved_bounds_an_inferred_publication_date(tmp_path: Path) -> None:
    import json

    text = "Dock strike spreads\nDock workers at the port of Harlow walked out on Tuesday, the union said.\n"
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        json.dumps({"text": text, "retrieved": "2024-03-07", "author": "Ines Varga and Jo Park"}) + "\n"
        + json.dumps({"text": text.replace("Harlow", "Lisk")}) + "\n",
        encoding="utf-8",
    )
    d = newsprism.analyze(path)
    fetched, unbounded = d.articles
    assert fetched.published.latest == "2024-03-07" and "the day the page was fetched" in fetched.published.evidence
    assert fetched.authors == ["Ines Varga", "Jo Park"] and fetched.evidence["authors"] == "given in the input"
    assert unbounded.published.latest is None  # no fetch date: today bounds it, and says nothing


def test_jsonl_bad_retrieved_fails_by_name(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    path.write_text('{"text": "Dock strike spreads", "retrieved": "last week"}\n', encoding="utf-8")
    [f] = newsprism.analyze(path).failures
    assert f.code == "E007" and "retrieved" in f.message
