"""The web app in a real browser: uvicorn on loopback, headless Chromium loads the pages and the API docs.

The docs page must draw the operations from the packaged Swagger UI with the network
closed to everything but the app itself (no CDN); the article page must render with no
console errors (its Content-Security-Policy allows no script at all).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
import uvicorn

import newsprism
from newsprism.storage import open_store
from newsprism.web import create_app
from test_report_browser import chromium, console_problems, run_chromium  # noqa: F401

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def server(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("webb") / "news.db"
    with open_store(db) as s:  # type: ignore[attr-defined]
        newsprism.update(s, sorted(str(p) for p in examples.glob("0*")))
    yield from _serve(db)


@pytest.fixture(scope="module")
def links_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of articles whose addresses are scripts, data and one plain https address."""
    import json

    folder = tmp_path_factory.mktemp("webl")
    rows = [
        {"id": "js-1", "url": "javascript:document.title='pwned'", "text": "Harbour news\nThe harbour reopened on Monday, officials said.\n"},
        {"id": "data-1", "url": "data:text/html,<b>x</b>", "text": "Port news\nThe port reopened on Tuesday, officials said.\n"},
        {"id": "ok-1", "url": "https://example.org/ok", "text": "Dock news\nThe dock reopened on Friday, officials said.\n"},
    ]
    (folder / "links.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open_store(folder / "news.db") as s:  # type: ignore[attr-defined]
        newsprism.update(s, folder / "links.jsonl")
    yield from _serve(folder / "news.db")


def _serve(db: Path) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


def test_web_browser_docs_render_from_packaged_assets(chromium: str, server: str, tmp_path: Path) -> None:  # noqa: F811
    dom, err = run_chromium(chromium, tmp_path / "p1", "--dump-dom", f"{server}/docs")
    assert "/api/articles" in dom and "opblock" in dom, "Swagger UI drew no operations"
    assert "Unable to render" not in dom
    assert not [ln for ln in err.splitlines() if "net::ERR" in ln], err[-500:]


def test_web_browser_article_page_renders_without_console_errors(chromium: str, server: str, tmp_path: Path) -> None:  # noqa: F811
    dom, err = run_chromium(chromium, tmp_path / "p2", "--dump-dom", f"{server}/")
    assert "Dockworkers walk out at Port of Calderra" in dom
    href = dom.split('href="/articles/', 1)[1].split('"', 1)[0]
    dom2, err2 = run_chromium(chromium, tmp_path / "p3", "--dump-dom", f"{server}/articles/{href}")
    assert 'class="line role-body"' in dom2
    assert not console_problems(err + err2)


def test_web_browser_only_http_addresses_become_links(chromium: str, links_server: str, tmp_path: Path) -> None:  # noqa: F811
    """Regression: article pages printed ``javascript:`` and ``data:`` addresses as links."""
    for n, aid in enumerate(("js-1", "data-1")):
        dom, _ = run_chromium(chromium, tmp_path / f"l{n}", "--dump-dom", f"{links_server}/articles/{aid}")
        assert "reopened" in dom, dom[:300]
        assert 'href="javascript:' not in dom and 'href="data:' not in dom
    dom, _ = run_chromium(chromium, tmp_path / "l3", "--dump-dom", f"{links_server}/articles/ok-1")
    assert 'href="https://example.org/ok"' in dom


def _page_paths(server: str) -> dict[str, str]:
    import json
    import urllib.request

    def get(path: str) -> dict[str, object]:
        with urllib.request.urlopen(server + path, timeout=30) as r:  # the loopback test server
            return dict(json.loads(r.read()))

    story = get("/api/stories")["stories"][0]["id"]  # type: ignore[index]
    actor = next(q["speaker"] for q in get("/api/quotes")["quotes"] if q.get("speaker"))  # type: ignore[attr-defined]
    event = get("/api/events")["events"][0]["id"]  # type: ignore[index]
    return {"story": f"/stories/{story}", "actor": f"/actors/{actor}", "event": f"/events/{event}",
            "outlet": "/outlets/Vesnia%20Wire", "timeline": "/timeline", "stories": "/stories"}  # fmt: skip


EXPECTED = {
    "story": ['class="bar"', 'id="first-reporter"', 'id="blindspots"'],
    "actor": ["What they said", "Articles"],
    "event": ['class="trigger"', "Every report, by outlet"],
    "outlet": ["per 1,000 words of its own voice", "Articles"],
    "timeline": ['class="filters"', "event(s)"],
    "stories": ["stor"],
}


@pytest.mark.issue(25)
def test_web_browser_story_actor_event_outlet_and_timeline_pages(chromium: str, server: str, tmp_path: Path) -> None:  # noqa: F811
    """Each page renders in Chromium with no console message, shows what it is for, and no label
    breaks inside a word (measured in a copy of the page, since the app's pages allow no script);
    screenshots are saved under the test's folder."""
    import re
    import urllib.request

    from test_report_browser import MEASURE

    for name, path in _page_paths(server).items():
        dom, err = run_chromium(chromium, tmp_path / f"profile-{name}", "--dump-dom", server + path)
        assert not console_problems(err), (name, console_problems(err))
        for want in EXPECTED[name]:
            assert want in dom, (name, want)
        shot = tmp_path / f"{name}.png"
        run_chromium(chromium, tmp_path / f"shot-{name}", "--window-size=1280,1600", f"--screenshot={shot}", server + path)
        assert shot.is_file() and shot.stat().st_size > 5_000, name
        print(f"screenshot: {shot}")
        with urllib.request.urlopen(server + path, timeout=30) as r:  # the loopback test server
            html = r.read().decode("utf-8")
        probe = tmp_path / f"{name}-probe.html"
        probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        got, _ = run_chromium(chromium, tmp_path / f"measure-{name}", "--window-size=900,1400", "--dump-dom", probe.resolve().as_uri())
        m = re.search(r'data-broken-labels="([^"]*)"', got)
        assert m and m.group(1) == "none", (name, m and m.group(1))
