"""The web app over a store: pages, search, the JSON API, adding articles, docs served without a CDN."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

import newsprism  # noqa: E402
from newsprism.storage import open_store  # noqa: E402
from newsprism.web import create_app, marked_lines  # noqa: E402


@pytest.fixture(scope="module")
def db(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, sorted(str(p) for p in examples.glob("0*")))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def test_web_index_lists_the_articles_and_counts(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "Dockworkers walk out at Port of Calderra" in r.text
    assert re.search(r"<b>9</b> articles", r.text)
    only = client.get("/", params={"outlet": "Vesnia Wire"}).text
    assert "Calderra talks resume" in only and "Dockworkers walk out" not in only


def test_web_search_page_and_api(client: TestClient) -> None:
    page = client.get("/search", params={"q": "crane"})
    assert page.status_code == 200 and "article(s) for" in page.text
    hits = client.get("/api/search", params={"q": "container"}).json()["hits"]
    assert hits and all("id" in h and "title" in h for h in hits)
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_web_article_page_marks_quotes_and_escapes_the_text(client: TestClient) -> None:
    arts = client.get("/api/articles", params={"outlet": "The Calderra Courier"}).json()["articles"]
    [a] = arts
    r = client.get(f"/articles/{a['id'][:8]}")  # a unique prefix is enough
    assert r.status_code == 200
    assert 'class="quote"' in r.text and "Mara Telling" in r.text
    assert client.get("/articles/nope").status_code == 404


def test_web_marked_lines_cover_each_line_exactly() -> None:
    raw = "Title\nShe said \u201cno\u201d <b>twice</b>."
    art = {"raw_text": raw, "lines": [{"n": 1, "start": 0, "end": 5, "role": "title"}, {"n": 2, "start": 6, "end": len(raw), "role": "body"}]}
    q = [{"start": raw.index("\u201c") + 1, "end": raw.index("\u201d"), "kind": "direct", "speaker_text": "she"}]
    p = [{"start": raw.index("no"), "end": raw.index("twice") + 5, "technique": "loaded_language", "confidence": 0.5}]
    lines = marked_lines(art, q, p)
    assert ["".join(s["text"] for s in ln["segments"]) for ln in lines] == ["Title", raw[6:]]
    both = [s for s in lines[1]["segments"] if s["classes"] == "quote technique"]
    assert [s["text"] for s in both] == ["no"]


def test_web_api_layers_filter(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 9 and "Vesnia Wire" in stats["outlets"]
    actors = client.get("/api/actors", params={"q": "krell"}).json()["actors"]
    [krell] = actors
    one = client.get(f"/api/actors/{krell['id']}").json()
    assert one["actor"]["name"] == "Anton Krell" and one["quotes"] and all(q["speaker"] == krell["id"] for q in one["quotes"])
    evs = client.get("/api/events", params={"since": "2025-03-06", "until": "2025-03-06"}).json()["events"]
    assert evs and all((e["date"]["earliest"] or "") <= "2025-03-06" <= (e["date"]["latest"] or "9999") for e in evs)
    assert client.get("/api/quotes", params={"speaker": krell["id"]}).json()["total"] == len(one["quotes"])
    assert client.get("/api/outlets").json()["outlets"]
    assert "rows" in client.get("/api/coverage").json()
    assert client.get("/api/dossier").json()["schema"] == "newsprism.dossier/1"


def test_web_docs_are_served_without_a_cdn(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert "cdn" not in r.text.lower() and "/static/swagger/swagger-ui-bundle.js" in r.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert "/api/articles" in client.get("/openapi.json").json()["paths"]


def test_web_report_is_the_whole_store(client: TestClient) -> None:
    r = client.get("/report")
    assert r.status_code == 200 and r.text.startswith("<!DOCTYPE html>") and "Vesnia Wire" in r.text


def test_web_post_adds_articles_and_the_next_read_sees_them(tmp_path: Path, examples: Path) -> None:
    path = tmp_path / "news.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, str(examples / "01_calderra_courier.txt"))
    client = TestClient(create_app(str(path), allow_writes=True), base_url="http://localhost")
    assert client.get("/api/stats").json()["articles"] == 1
    record: dict[str, Any] = {
        "id": "posted-1",
        "title": "Harlow pilots join the strike",
        "text": "Harlow pilots join the strike\nHarbour pilots at Harlow joined the dockworkers' strike on Friday, "
        "said Mara Telling, the federation's general secretary.\n",
        "published": "2025-03-07",
        "outlet": "Harbour Watch",
    }
    r = client.post("/api/articles", json=[record, {"text": ""}])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == ["posted-1"] and body["articles_in_store"] == 2
    assert [f["code"] for f in body["failures"]] == ["E003"]
    assert client.get("/api/stats").json()["articles"] == 2
    telling = client.get("/api/actors", params={"q": "telling"}).json()["actors"][0]
    assert telling["articles"] == 2  # merged across the stored article and the posted one
    assert client.post("/api/articles", json=[{"text": ""}]).status_code == 422


def test_web_sees_a_batch_written_by_another_process(tmp_path: Path, examples: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    client = TestClient(create_app(str(path)))
    assert client.get("/api/stats").json()["articles"] == 0
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, str(examples / "05_maritime_ledger.html"))
    assert client.get("/api/stats").json()["articles"] == 1


def test_web_refuses_a_store_that_lives_for_one_request() -> None:
    with pytest.raises(ValueError, match="outlives"):
        create_app("memory:")


def test_web_pages_escape_untrusted_text(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    evil = tmp_path / "evil.jsonl"
    evil.write_text(json.dumps({"id": "x1", "text": "<script>alert(1)</script> headline\nThe mayor said the <img src=x onerror=alert(2)> plan failed.\n"}) + "\n", encoding="utf-8")
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, evil)
    client = TestClient(create_app(str(path)))
    for url in ("/", "/articles/x1", "/search?q=mayor"):
        text = client.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text, url


# -- writes are guarded (#19) -----------------------------------------------------------------

RECORD = {"id": "posted-2", "text": "Ferry service to Lisk resumes\nThe ferry to Lisk island resumed on Monday, the operator said.\n"}


@pytest.fixture
def small_db(tmp_path: Path, examples: Path) -> Path:
    path = tmp_path / "news.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, str(examples / "01_calderra_courier.txt"))
    return path


def test_web_forged_post_is_refused_by_a_read_only_server(small_db: Path) -> None:
    client = TestClient(create_app(str(small_db)))
    r = client.post("/api/articles", json=RECORD)
    assert r.status_code == 403 and "read-only" in r.text
    assert client.get("/api/stats").json()["articles"] == 1


def test_web_post_needs_the_servers_token(small_db: Path) -> None:
    client = TestClient(create_app(str(small_db), token="s3cret-token"))
    assert client.post("/api/articles", json=RECORD).status_code == 401
    assert client.post("/api/articles", json=RECORD, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/articles", json=RECORD, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 201 and r.json()["added"] == ["posted-2"]


def test_web_post_never_overwrites_an_article_unless_asked(small_db: Path) -> None:
    client = TestClient(create_app(str(small_db), allow_writes=True), base_url="http://localhost")
    assert client.post("/api/articles", json=RECORD).status_code == 201
    forged = {**RECORD, "text": "FORGED\nThis article now reads FORGED.\n"}
    r = client.post("/api/articles", json=forged)
    assert r.status_code == 409 and "posted-2" in r.text
    assert "FORGED" not in client.get("/api/articles/posted-2").json()["article"]["raw_text"]
    assert client.post("/api/articles", params={"replace": "true"}, json=forged).status_code == 201
    assert "FORGED" in client.get("/api/articles/posted-2").json()["article"]["raw_text"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", 42), ("title", ["a", "b"]), ("published", 20250305), ("id", "../../../outside"), ("author", [1, 2]), ("text", {"a": 1})],
)
def test_web_post_with_a_malformed_field_is_refused_whole(small_db: Path, field: str, value: Any) -> None:
    client = TestClient(create_app(str(small_db), allow_writes=True), base_url="http://localhost")
    r = client.post("/api/articles", json=[RECORD | {"id": "fine-1"}, RECORD | {field: value}])
    assert r.status_code == 422, r.text
    assert "record 2" in r.text and ("E007" in r.text or "E025" in r.text)
    assert client.get("/api/stats").json()["articles"] == 1  # nothing of the batch was written
    assert client.get("/report").status_code == 200


def test_web_post_errors_do_not_show_server_paths(small_db: Path) -> None:
    client = TestClient(create_app(str(small_db), allow_writes=True), base_url="http://localhost")
    r = client.post("/api/articles", json=[RECORD, {"text": "   "}])
    assert r.status_code == 201
    assert "/tmp" not in r.text and "posted.jsonl" not in r.text


def test_web_oversized_post_is_refused_while_it_is_read(small_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web as web

    monkeypatch.setattr(web, "MAX_POST_BYTES", 1000)
    client = TestClient(create_app(str(small_db), allow_writes=True), base_url="http://localhost")
    r = client.post("/api/articles", json={"text": "x" * 5000})
    assert r.status_code == 413

    def pieces():  # no Content-Length: the limit holds while the body streams in
        for _ in range(10):
            yield b"x" * 500

    r = client.post("/api/articles", content=pieces(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_web_allow_writes_is_for_loopback_only() -> None:
    from newsprism.web import serve

    with pytest.raises(ValueError, match="loopback"):
        serve("unused.db", host="0.0.0.0", allow_writes=True)


def test_web_prints_only_http_links(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    rows = [
        {"id": "js-1", "url": "javascript:alert(1)", "text": "Harbour news\nThe harbour reopened on Monday, officials said.\n"},
        {"id": "data-1", "url": "data:text/html,<b>x</b>", "text": "Port news\nThe port reopened on Tuesday, officials said.\n"},
        {"id": "ok-1", "url": "https://example.org/ok", "text": "Dock news\nThe dock reopened on Friday, officials said.\n"},
    ]
    src = tmp_path / "links.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, src)
    client = TestClient(create_app(str(path)))
    for aid in ("js-1", "data-1"):
        text = client.get(f"/articles/{aid}").text
        assert 'href="javascript:' not in text and 'href="data:' not in text
    assert 'href="https://example.org/ok"' in client.get("/articles/ok-1").text


def test_web_100mb_post_is_refused_within_25mb_of_memory(small_db: Path) -> None:
    """A real server on loopback, a 100 MB chunked body: refused at the limit (20 MB), the
    server's memory growth (traced allocations) under 25 MB."""
    import contextlib
    import http.client
    import socket
    import threading
    import time
    import tracemalloc

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(small_db), allow_writes=True), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    status = None
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def body():  # 100 MB in 1 MB pieces, never held whole on this side either
            piece = b" " * (1 << 20)
            for _ in range(100):
                yield piece

        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the server stopped reading at the limit
            conn.request("POST", "/api/articles", body=body(), headers={"Content-Type": "application/json"}, encode_chunked=True)
        status = conn.getresponse().status
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
        srv.should_exit = True
        thread.join(10)
    assert status == 413
    assert peak < 25 * 1024 * 1024, f"server memory grew {peak / 1e6:.1f} MB"


@pytest.mark.issue(19)
def test_web_search_with_fts_syntax_never_matches_everything(client: TestClient) -> None:
    """Regression: an FTS syntax error fell back to a LIKE search, and ``q=%`` returned every article."""
    assert client.get("/api/search", params={"q": "%"}).json()["hits"] == []
    assert client.get("/api/search", params={"q": "_"}).json()["hits"] == []
    r = client.get("/api/search", params={"q": 'dockworkers" AND ('})  # unbalanced: searched as its words
    assert r.status_code == 200 and r.json()["hits"]


@pytest.mark.issue(19)
def test_web_report_is_rendered_once_per_change_of_the_store(small_db: Path, monkeypatch: pytest.MonkeyPatch, examples: Path) -> None:
    import newsprism.report as report

    calls = []
    real = report.render_report

    def counting(d: Any, *a: Any, **k: Any) -> str:
        calls.append(1)
        return real(d, *a, **k)

    monkeypatch.setattr(report, "render_report", counting)
    client = TestClient(create_app(str(small_db)))
    first = client.get("/report").text
    assert client.get("/report").text == first and len(calls) == 1
    with open_store(small_db) as s:  # type: ignore[attr-defined]
        newsprism.update(s, str(examples / "02_national_standard.txt"))
    assert client.get("/report").text != first and len(calls) == 2


@pytest.mark.issue(19)
def test_web_cross_site_post_is_refused(small_db: Path) -> None:
    """Review finding: a page elsewhere could make a browser POST text/plain to a server started
    with --allow-writes (no preflight), and it was parsed as JSON."""
    client = TestClient(create_app(str(small_db), allow_writes=True), base_url="http://localhost")
    body = json.dumps(RECORD)
    assert client.post("/api/articles", content=body, headers={"Content-Type": "text/plain"}).status_code == 415
    r = client.post("/api/articles", content=body, headers={"Content-Type": "application/json", "Origin": "https://evil.example"})
    assert r.status_code == 403
    assert client.post("/api/articles", content="[" * 100_000, headers={"Content-Type": "application/json"}).status_code == 422
    assert client.get("/api/stats").json()["articles"] == 1


def test_web_api_index_lists_the_endpoints(client: TestClient) -> None:
    """`GET /api` was a 404: it lists the endpoints, /api/stats and /api/articles/{id} among them (#25)."""
    r = client.get("/api")
    assert r.status_code == 200
    paths = {e["path"] for e in r.json()["endpoints"]}
    assert {"/api/stats", "/api/articles/{article_id}", "/api/events", "/api/search"} <= paths
    assert all(e["summary"] for e in r.json()["endpoints"])


@pytest.mark.parametrize("path", ["/api/articles", "/api/events"])
def test_web_since_that_is_no_date_is_a_422(client: TestClient, path: str) -> None:
    """`since=notadate` answered 200 with everything; a bad date is refused (#25)."""
    assert client.get(path, params={"since": "notadate"}).status_code == 422
    assert client.get(path, params={"until": "2025-13"}).status_code == 422
    assert client.get(path, params={"until": "2025-02"}).status_code == 200
    assert client.get(path, params={"since": "2020-01-01"}).status_code == 200


def test_web_plover_filter_ignores_case(client: TestClient) -> None:
    """`plover=consult` found nothing where `plover=CONSULT` found events (#25)."""
    types = {e["plover"] for e in client.get("/api/events").json()["events"] if e.get("plover")}
    assert types
    t = sorted(types)[0]
    assert client.get("/api/events", params={"plover": t.lower()}).json() == client.get("/api/events", params={"plover": t}).json()


def test_web_missing_article_page_is_an_html_404(client: TestClient) -> None:
    """`/articles/nope` answered JSON on an HTML page; it is a page saying what is missing (#25)."""
    r = client.get("/articles/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no article" in r.text and 'href="/"' in r.text


def test_web_favicon_is_served(client: TestClient) -> None:
    """The browser's favicon request was a 404 on every page (#25)."""
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert 'rel="icon"' in client.get("/").text


def test_web_read_only_server_refuses_a_missing_store(tmp_path: Path) -> None:
    """`serve --db nosuch.db` served an empty, new store; a read-only server refuses it ([E028]),
    a server that may take articles creates it (#25)."""
    from newsprism.errors import NotFoundError

    with pytest.raises(NotFoundError, match="E028"):
        create_app(str(tmp_path / "nosuch.db"))
    assert not (tmp_path / "nosuch.db").exists()
    create_app(str(tmp_path / "new.db"), token="t0ken")
    assert (tmp_path / "new.db").exists()


def test_web_search_shows_the_snippet_outlet_and_date(client: TestClient) -> None:
    """Search results showed a title only; each hit shows the passage that matched, the outlet and
    the date (#25). Hyphenated and spaced spellings give the same hits."""
    got = client.get("/api/search", params={"q": "port authority"}).json()
    assert got["hits"] and all("port authority" in h["snippet"].lower() for h in got["hits"])
    page = client.get("/search", params={"q": "port authority"}).text
    assert 'class="muted snippet"' in page and "Calderra Courier" in page
    spaced = client.get("/api/search", params={"q": "port-authority"}).json()["hits"]
    assert [h["id"] for h in spaced] == [h["id"] for h in got["hits"]]
