"""The web app's pages for stories, actors, events, outlets and the timeline (#25): what a reader
of Ground News or AllSides looks for first, every id shown as a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

import newsprism  # noqa: E402
from newsprism.article import TECHNIQUES  # noqa: E402
from newsprism.storage import open_store  # noqa: E402
from newsprism.web import create_app  # noqa: E402

pytestmark = pytest.mark.issue(25)

RAW_ID = re.compile(r"\b(?:person|entity)-[a-z0-9-]+|\bev-[0-9a-f]{6,}|\bstory-[0-9a-f]{6,}|\b(?:" + "|".join(t for t in TECHNIQUES if "_" in t) + r")\b")


def visible(html: str) -> str:
    """The text a reader sees: no tags, no attribute values, no styles."""
    body = html[html.index("<main>") :]
    return re.sub(r"<[^>]+>", " ", body)


@pytest.fixture(scope="module")
def ex(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("pages") / "news.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, [str(examples)])
    return TestClient(create_app(str(path)))


@pytest.fixture(scope="module")
def seeds(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("seedpages") / "news.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, [str(shared / "seeds")])
    return TestClient(create_app(str(path)))


def test_web_story_page_on_the_seeds_shows_camps_headlines_first_reporter_and_a_blindspot(seeds: TestClient) -> None:
    """The acceptance on the seeds: the camp bar with each outlet in its camp, the headlines side by
    side, the first reporter, and a blindspot where one camp carries an item the other leaves out."""
    [story] = seeds.get("/api/stories").json()["stories"]
    view = seeds.get(f"/api/stories/{story['id']}").json()
    camps = {g["camp"]: [o["name"] for o in g["outlets"]] for g in view["groups"]}
    assert len([c for c in camps if c != "no stance found"]) >= 2, camps
    assert sum(b["outlets"] for b in view["bar"]) == sum(len(v) for v in camps.values()) == 5
    assert view["first"] and view["first"]["day"] and view["first"]["outlets"]
    assert view["blindspots"] and all(b["carried_by"] and b["left_out_by"] for b in view["blindspots"])
    page = seeds.get(f"/stories/{story['id']}").text
    assert 'class="bar"' in page and 'id="first-reporter"' in page and "blindspot" in page
    for titles in (o["articles"] for g in view["groups"] for o in g["outlets"]):
        assert all(a["title"] in page.replace("&#34;", '"').replace("&#39;", "'") for a in titles)
    assert not RAW_ID.search(visible(page)), RAW_ID.search(visible(page))


def test_web_examples_strike_is_one_story_whose_first_reporter_is_named(ex: TestClient) -> None:
    stories = ex.get("/api/stories").json()["stories"]
    assert len(stories) == 1 and stories[0]["articles"] == 9
    view = ex.get(f"/api/stories/{stories[0]['id']}").json()
    assert view["first"]["outlets"] == ["The Calderra Courier"] and view["first"]["day"] == "2025-03-04"
    # No camps here (no article takes a side): the page says so, and flags no blindspot.
    page = ex.get(f"/stories/{stories[0]['id']}").text
    assert "No camps" in page and view["blindspots"] == []


@pytest.mark.parametrize("kind", ["actors", "events", "outlets"])
def test_web_pages_of_every_kind_show_names_not_ids(ex: TestClient, kind: str) -> None:
    """Article pages showed raw ids ("entity-russian-embassy-in-pyongyang neutral", "name_calling");
    every page shows names and links by id (#25)."""
    if kind == "actors":
        ids = [a["id"] for a in ex.get("/api/actors").json()["actors"][:5]]
    elif kind == "events":
        ids = [e["id"] for e in ex.get("/api/events").json()["events"][:5]]
    else:
        ids = ["Vesnia Wire", "The Calderra Courier"]
    assert ids
    for i in ids:
        r = ex.get(f"/{kind}/{i}")
        assert r.status_code == 200, (kind, i)
        assert not RAW_ID.search(visible(r.text)), (kind, i, RAW_ID.search(visible(r.text)))
    assert ex.get(f"/{kind}/nope").status_code == 404


def test_web_article_page_names_stance_actors_and_techniques(ex: TestClient) -> None:
    for a in ex.get("/api/articles").json()["articles"]:
        r = ex.get(f"/articles/{a['id']}")
        assert r.status_code == 200
        text = visible(r.text)
        assert not RAW_ID.search(text), (a["id"], RAW_ID.search(text))
        assert "?" not in re.findall(r"published (\S+)", text)


def test_web_timeline_filters(ex: TestClient) -> None:
    """The timeline filters by actor, PLOVER type (any case), outlet, camp and dates."""
    from newsprism.views import LESS_CERTAIN_BELOW

    events = ex.get("/api/events").json()["events"]
    allp = ex.get("/timeline", params={"less_certain": "true"}).text
    assert f"{len(events)} event(s)" in allp
    # By default the less certain records (no named agent) are left out, and the page says how many.
    sure = [e for e in events if not 0 < e["confidence"] < LESS_CERTAIN_BELOW]
    default = ex.get("/timeline").text
    assert f"{len(sure)} event(s)" in default
    if len(sure) < len(events):
        assert f"{len(events) - len(sure)} less certain event(s) left out" in default
    plover = events[0]["plover"]
    one = ex.get("/timeline", params={"plover": plover.lower(), "less_certain": "true"}).text
    n = sum(1 for e in events if e["plover"] == plover)
    assert f"{n} event(s)" in one
    assert "0 event(s)" in ex.get("/timeline", params={"outlet": "No Such Outlet"}).text
    assert ex.get("/timeline", params={"since": "notadate"}).status_code == 422
    dated = ex.get("/timeline", params={"since": "2025-03-06"}).text
    assert "date unknown" not in visible(dated)


def test_web_outlets_declare_country_and_affiliation() -> None:
    """An outlet's country and affiliation are what outlets.json declares, nothing guessed."""
    from newsprism.views import outlet_facts

    assert outlet_facts("KCNA")["affiliation"] == "state outlet" and outlet_facts("KCNA")["country"] == "KP"
    assert outlet_facts("BBC")["affiliation"] == "public broadcaster or agency"
    assert outlet_facts("Reuters")["affiliation"] is None and outlet_facts("Reuters")["country"] == "GB"
    assert outlet_facts("The Calderra Courier") == {"known": False, "country": None, "affiliation": None, "wire": False}


def test_web_stats_count_outlets_and_days_as_the_report_does(ex: TestClient) -> None:
    """The report said "5 outlets … to 2025-02-08" where the web app said "3 outlets … to
    2025-02-09": both count outlet labels and the days of articles dated to the day (#25)."""
    stats = ex.get("/api/stats").json()
    html = ex.get("/report").text
    m = re.search(r"(\d+) articles? from (\d+) outlets?, published ([0-9-]+(?: – [0-9-]+)?)", html)
    assert m, "no counts line in the report"
    assert int(m.group(1)) == stats["articles"] and int(m.group(2)) == len(stats["outlets"])
    assert m.group(3) == stats["published_span"]


ARTICLE = "Lisk ferry strike ends\nFerry crews in Lisk returned to work on Tuesday after a two-day strike over pay, their union said.\n"


def _writable(tmp_path: Path, **kw: object) -> TestClient:
    db = tmp_path / "w.db"
    return TestClient(create_app(str(db), **kw), base_url="http://localhost")  # type: ignore[arg-type]


def test_web_add_form_takes_pasted_text_and_files(tmp_path: Path) -> None:
    """Articles could be added only by POSTing JSON: the add page takes a pasted text and uploaded
    files, names their source, and never replaces what the store holds (#25)."""
    c = _writable(tmp_path, allow_writes=True)
    here = {"origin": "http://localhost"}
    r = c.post("/add", data={"text": ARTICLE, "outlet": "Lisk Gazette", "published": "2031-05-06"}, headers=here)
    assert r.status_code == 200 and 'id="add-result"' in r.text and "Added 1 article" in r.text
    [a] = c.get("/api/articles").json()["articles"]
    assert a["outlet"] == "Lisk Gazette" and a["source"].startswith("web form: pasted text (") and a["published"]["earliest"] == "2031-05-06"
    files = [("files", ("harbour.txt", b"Harbour reopens\nThe harbour of Osk reopened on Friday after the storm, officials said.\n", "text/plain")),
             ("files", ("page.html", b"<html><head><title>Dock vote</title></head><body><article><h1>Dock vote</h1><p>Dockers in Vell voted on Monday to accept the offer, the union said.</p></article></body></html>", "text/html"))]  # fmt: skip
    r = c.post("/add", files=files, headers=here)
    assert r.status_code == 200 and "Added 2 article" in r.text, r.text[-600:]
    sources = {x["source"] for x in c.get("/api/articles").json()["articles"]}
    assert {"web form: harbour.txt", "web form: page.html"} <= sources
    again = c.post("/add", data={"text": ARTICLE}, headers=here)
    assert again.status_code == 409 and 'id="add-error"' in again.text and "never replaces" in again.text


def test_review_add_form_reads_files_as_analyze_does(tmp_path: Path) -> None:
    """Review of the add form: one bad JSONL line refused the whole form, a cp1252 file was stored
    garbled, a CRLF file got another id than `analyze` gives it, every unnamed paste shared one
    outlet, a client's folders went into the source, 51 files gave a bare error page."""
    from newsprism.ingest import read_path

    c = _writable(tmp_path, allow_writes=True)
    here = {"origin": "http://localhost"}
    jsonl = (b'{"text": "Osk harbour reopens on Friday after the storm, officials said."}\n{bad\n'
             b'{"text": "Vell ferry crews return to work on Monday, their union said."}\n')  # fmt: skip
    crlf = "Caf\u00e9 strike ends\r\nWaiters at the Caf\u00e9 Lisk went back to work on Tuesday, the owner said.\r\n".encode("cp1252")
    files = [("files", ("a.jsonl", jsonl, "application/json")), ("files", ("C:\\Users\\bob\\caf\u00e9.txt", crlf, "text/plain"))]
    r = c.post("/add", files=files, headers=here)
    assert r.status_code == 200 and "Added 3 article" in r.text and "a.jsonl:2" in r.text
    arts = c.get("/api/articles").json()["articles"]
    assert not any("Users" in a["source"] for a in arts)
    p = tmp_path / "caf\u00e9.txt"
    p.write_bytes(crlf)
    [want] = read_path(str(p))
    assert want.id in {a["id"] for a in arts}  # the id analyze gives the same bytes
    one = c.post("/add", data={"text": "Osk council meets\nThe council of Osk met on Monday, officials said."}, headers=here)
    two = c.post("/add", data={"text": "Vell market opens\nThe market of Vell opened on Friday, traders said."}, headers=here)
    assert one.status_code == two.status_code == 200
    outlets = c.get("/api/stats").json()["outlets"]
    assert len([o for o in outlets if "pasted text" in o]) == 2
    many = [("files", (f"f{i}.txt", b"Line one.\nThe port reopened on Friday, officials said.", "text/plain")) for i in range(51)]
    r = c.post("/add", files=many, headers=here)
    assert r.status_code == 400 and 'id="add-error"' in r.text


def test_web_add_form_is_behind_the_write_protection(tmp_path: Path) -> None:
    """The form writes only where the API would: the token, a page of this server."""
    from newsprism.storage import SQLiteStore

    SQLiteStore(tmp_path / "ro.db").close()
    ro = TestClient(create_app(str(tmp_path / "ro.db")), base_url="http://localhost")
    assert "read-only" in ro.get("/add").text
    assert ro.post("/add", data={"text": ARTICLE}, headers={"origin": "http://localhost"}).status_code == 403
    tok = TestClient(create_app(str(tmp_path / "t.db"), token="s3cret"), base_url="http://localhost")
    here = {"origin": "http://localhost"}
    assert 'name="token"' in tok.get("/add").text
    assert tok.post("/add", data={"text": ARTICLE, "token": "wrong"}, headers=here).status_code == 401
    assert tok.post("/add", data={"text": ARTICLE, "token": "s3cret"}, headers={"origin": "https://elsewhere.example"}).status_code == 403
    assert tok.post("/add", data={"text": ARTICLE, "token": "s3cret"}).status_code == 403  # no origin: no page sent it
    assert tok.post("/add", data={"text": ARTICLE, "token": "s3cret"}, headers=here).status_code == 200
    assert tok.get("/api/stats").json()["articles"] == 1


def test_web_month_precision_dates_are_shown_as_months_and_unknown_in_words() -> None:
    """Month-precision dates were shown as a day ("2022-02-01") and unknown dates as "?" (#25)."""
    from newsprism.web import date_text

    assert date_text({"earliest": "2022-02-01", "latest": "2022-02-28"}) == "2022-02"
    assert date_text({"earliest": None, "latest": None}) == "date unknown" and date_text(None) == "date unknown"
    assert date_text({"earliest": "2022-02-03", "latest": "2022-02-03"}) == "2022-02-03"


def test_report_legend_outlet_voice_mark_sits_under_the_text() -> None:
    """The legend's "outlet's voice" underline read as a strikethrough: the legend's marks are
    boxes with room under the text for the line (#25)."""
    from newsprism.report import TEMPLATES

    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    rule = css.split(".legend .hl {", 1)[1].split("}", 1)[0]
    assert "display: inline-block" in rule and "padding: 1px 5px 3px" in rule


def test_report_coverage_marks_are_large_and_dark_enough_to_read() -> None:
    """The matrix's ●◐○ were tiny and pale (16 px, light blue): larger, darker now (#25)."""
    from newsprism.report import TEMPLATES

    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    cell = css.split("td.cell {", 1)[1].split("}", 1)[0]
    assert int(cell.split("font-size:", 1)[1].split("px", 1)[0]) >= 20
    referenced = css.split(".st-referenced a, .st-paraphrased a, .cell-demo.st-referenced {", 1)[1].split("}", 1)[0]
    assert "#6b8fc4" not in referenced


def test_review_dns_rebinding_page_cannot_write_to_a_loopback_server(tmp_path: Path) -> None:
    """Review: a loopback server started with --allow-writes compared Origin with Host only; a page
    of another site whose name was made to resolve to 127.0.0.1 is same-origin with itself and
    could post. Writes without a token need a loopback name in Host; a token server is unchanged."""
    open_ = TestClient(create_app(str(tmp_path / "o.db"), allow_writes=True), base_url="http://rebound.example:8000")
    here = {"origin": "http://rebound.example:8000"}
    assert open_.post("/add", data={"text": ARTICLE}, headers=here).status_code == 403
    r = open_.post("/api/articles", json={"text": ARTICLE})
    assert r.status_code == 403 and "loopback" in r.text
    for k, name in enumerate(("http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000")):
        c = TestClient(create_app(str(tmp_path / "o.db"), allow_writes=True), base_url=name)
        assert c.post("/api/articles", json={"text": ARTICLE, "id": f"loop-{k}"}).status_code in (200, 201), name
    tok = TestClient(create_app(str(tmp_path / "t.db"), token="s3cret"), base_url="http://news.example")
    assert tok.post("/api/articles", json={"text": ARTICLE}, headers={"Authorization": "Bearer s3cret"}).status_code in (200, 201)


def test_review_loopback_host_names_in_every_spelling() -> None:
    """Review: "localhost." and a written-out IPv6 loopback were refused; a Host naming another
    site, or none, still is."""
    from fastapi import HTTPException

    from newsprism.web import _loopback_host

    for host in ("localhost", "LOCALHOST:8000", "localhost.:8000", "127.0.0.1", "127.0.0.2:80", "[::1]:8000", "[0:0:0:0:0:0:0:1]:8000"):
        _loopback_host(host)
    for host in ("", "rebound.example", "rebound.example:8000", "127.0.0.1.nip.io", "[::2]:80", "10.0.0.1"):
        with pytest.raises(HTTPException):
            _loopback_host(host)
