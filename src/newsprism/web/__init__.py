"""The web app over a store: browse, search, read, add articles, and a JSON API (``newsprism serve``).

``create_app("news.db")`` returns a FastAPI application (``pip install newsprism[web]``):

* pages, rendered on the server with autoescaping: ``/`` (the corpus at a glance, search,
  the articles), ``/search?q=`` (full-text search: FTS5 or PostgreSQL), ``/articles/{id}``
  (one article, every line with its role, its quotes and technique spans marked in place),
  ``/report`` (the whole HTML report of the store);
* the JSON API under ``/api`` (``/api/articles``, ``/api/articles/{id}``, ``/api/search``,
  ``/api/actors``, ``/api/actors/{id}``, ``/api/events``, ``/api/quotes``, ``/api/claims``,
  ``/api/outlets``, ``/api/coverage``, ``/api/dossier``, ``/api/stats``), records as in
  the dossier JSON (CONTRACT.md), lists filtered by query parameters;
* ``POST /api/articles``: JSONL-style records (``text`` or ``html``, with ``url``,
  ``title``, ``outlet``, ``published``...) analysed and joined to the store
  (``newsprism.update``), one writer at a time. Writing is off unless the server was
  started with a token (``--token`` / ``NEWSPRISM_TOKEN``: a POST sends ``Authorization:
  Bearer TOKEN``) or, on a loopback address only, with ``--allow-writes``. A record whose
  id the store holds is refused (409) unless the POST asks ``?replace=true``; the body is
  read in pieces and refused (413) past :data:`MAX_POST_BYTES`, before any parsing; a
  record with a field of the wrong type is refused whole (422, the record and field named);
* ``/docs``: the API's Swagger UI, its script and styles served from a package
  (fastapi-offline's copy of Swagger UI 5, which reads OpenAPI 3.1), never from a CDN.

The server reads the store once per change (``store.stamp()``), so a batch written by
``newsprism analyze --db`` meanwhile shows at the next request.
"""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.article import Dossier
from newsprism.links import safe_url
from newsprism.storage import ArticleStore, open_store

try:  # FastAPI resolves the annotations of an endpoint by name in this module's globals
    from fastapi import Request
except ImportError:  # the web extra is not installed: create_app says so when called
    Request = Any  # type: ignore[misc,assignment]

TEMPLATES = Path(__file__).with_name("templates")
PAGE = 50


@dataclass
class Corpus:
    """The store's dossier as JSON records, read again when the store changes."""

    db: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _stamp: str | None = None
    _dossier: Dossier | None = None
    _data: dict[str, Any] = field(default_factory=dict)
    _report: str | None = None  # the rendered report of _dossier (0.5 s of work), until the store changes
    _pages: Any = None  # newsprism.views.Pages of _dossier, until the store changes

    @contextmanager
    def store(self, create: bool = True) -> Iterator[ArticleStore]:
        s = open_store(self.db, create=create)
        try:
            yield s
        finally:
            s.close()

    def current(self) -> tuple[Dossier, dict[str, Any]]:
        with self.lock, self.store() as s:
            stamp = s.stamp()
            if self._dossier is None or stamp != self._stamp:
                self._dossier = s.load_dossier()
                self._data = self._dossier.as_dict()
                self._stamp = stamp
                self._report = None
                self._pages = None
            return self._dossier, self._data

    def pages(self) -> Any:
        """The page models of the store's dossier (:class:`newsprism.views.Pages`), built once per change."""
        from newsprism.views import Pages

        dossier, _ = self.current()
        with self.lock:
            if self._pages is None or self._pages.d is not dossier:
                self._pages = Pages(dossier)
            return self._pages

    def report(self) -> str:
        """The HTML report of the store, rendered once per change of the store."""
        from newsprism.report import render_report

        self.current()
        with self.lock:  # current() forgets the report when it reads a changed store, under the same lock
            if self._report is None:
                assert self._dossier is not None
                self._report = render_report(self._dossier)
            return self._report


# An ISO day (a month or a year alone is accepted too: "2025-02", "2025").
ISO_DAY = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
# The app's icon: a prism splitting one ray into three (inline SVG, no file to serve).
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#16213e"/>'
    '<path d="M16 5 L27 26 H5 Z" fill="none" stroke="#fff" stroke-width="2"/><path d="M2 15 L13 17" stroke="#fff" stroke-width="2"/>'
    '<path d="M20 17 L31 12 M20 18 L31 18 M20 19 L31 24" stroke="#e8762d" stroke-width="2"/></svg>'
)


def date_text(d: dict[str, Any] | None) -> str:
    """A date record in words, as the report writes it: a day, a month ("2022-02"), a range, an
    open bound, or "date unknown" (never "?", never a month's first day shown as a day)."""
    from newsprism.article import DateRange
    from newsprism.compare import date_label

    return date_label(DateRange.from_dict(d))


def _article_summary(a: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "title", "outlet", "reprint_of", "authors", "published", "language", "genre", "stance", "story", "url", "source")
    out = {k: a.get(k) for k in keys}
    out["body_words"] = len((a.get("body") or "").split())
    return out


def _in_range(d: dict[str, Any] | None, since: str | None, until: str | None) -> bool:
    """Whether a DATE record can fall between ``since`` and ``until`` (ISO days, months or years;
    open ends): ``until=2025-03`` takes in all of March."""
    d = d or {}
    lo, hi = d.get("earliest"), d.get("latest")
    if since and hi and hi < since:
        return False
    return not (until and lo and lo[: len(until)] > until)


def marked_lines(article: dict[str, Any], quotes: list[dict[str, Any]], spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each line of the article as segments marked by the quotes and technique spans over them."""
    raw = article.get("raw_text") or ""
    marks: list[tuple[int, int, str, str]] = []
    for q in quotes:
        who = q.get("speaker_name") or q.get("speaker_text") or "unattributed"
        marks.append((int(q["start"]), int(q["end"]), "quote", f"{q.get('kind')} quote: {who}"))
    for p in spans:
        marks.append((int(p["start"]), int(p["end"]), "technique", f"{p.get('technique')} ({p.get('confidence')})" + (f", voice {p['voice']}" if p.get("voice") else ", the outlet's own voice")))
    lines = []
    for ln in article.get("lines") or []:
        s, e = int(ln["start"]), int(ln["end"])
        cuts = sorted({s, e, *(max(s, min(e, m[0])) for m in marks), *(max(s, min(e, m[1])) for m in marks)})
        segs = []
        for a, b in itertools.pairwise(cuts):
            if b <= a:
                continue
            over = [m for m in marks if m[0] < b and a < m[1]]
            segs.append({"text": raw[a:b], "classes": " ".join(sorted({m[2] for m in over})), "title": "; ".join(m[3] for m in over)})
        lines.append({"n": ln["n"], "role": ln["role"], "why": ln.get("why", ""), "segments": segs})
    return lines


# A POST body past this many bytes is refused while it is read (413); nothing is parsed.
MAX_POST_BYTES = int(os.environ.get("NEWSPRISM_MAX_POST_BYTES", str(20 * 1024 * 1024)))
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def create_app(db: str, *, token: str | None = None, allow_writes: bool = False) -> Any:
    """The FastAPI application over the store ``db`` (a path, ``memory:`` is refused, or ``postgresql://...``).

    ``token``: POSTs that send it (``Authorization: Bearer TOKEN``) may add articles;
    ``allow_writes``: anyone who reaches the server may (for a server on loopback only: see
    :func:`serve`). Neither: the app only reads.
    """
    import jinja2
    from fastapi import FastAPI, HTTPException, Query
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    import newsprism
    from newsprism.errors import NewsprismError, NotFoundError

    if str(db) in ("memory:", ":memory:"):
        raise ValueError("the web app needs a store that outlives a request: a SQLite file or postgresql://...")
    corpus = Corpus(str(db))
    # Create the file and run the migrations now, not at the first request; a server that cannot
    # write refuses a store that does not exist ([E028]: a mistyped path is no empty corpus).
    with corpus.store(create=bool(token or allow_writes)):
        pass
    app = FastAPI(title="newsprism", version=newsprism.__version__, docs_url=None, redoc_url=None,
                  description="A sourced dossier from a pile of news coverage: the store's articles, actors, quotes, figures, events and coverage.")  # fmt: skip
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["safe_url"] = safe_url
    env.filters["date_text"] = date_text

    def page(name: str, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx))

    try:
        import fastapi_offline  # Swagger UI's script and styles, packaged (no CDN)

        app.mount("/static/swagger", StaticFiles(directory=str(Path(fastapi_offline.__file__).with_name("static"))), name="swagger")
        have_docs = True
    except ImportError:
        have_docs = False

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not have_docs:
            raise HTTPException(404, "the API docs need the fastapi-offline package; the schema is at /openapi.json")
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsprism API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon.png",
        )

    def _article(data: dict[str, Any], article_id: str) -> dict[str, Any]:
        arts = data["articles"]
        hit = [a for a in arts if a["id"] == article_id] or [a for a in arts if a["id"].startswith(article_id)]
        if len(hit) != 1:
            raise HTTPException(404, f"no article {article_id!r}" if not hit else f"{article_id!r} names {len(hit)} articles")
        return dict(hit[0])

    # -- the JSON API -------------------------------------------------------------------

    @app.get("/api/stats", tags=["corpus"])
    def stats() -> dict[str, Any]:
        """How much the store holds, and over which days."""
        from newsprism.views import day_of, published_span

        dossier, d = corpus.current()
        # As the report counts them: every outlet label (an unnamed page's domain or file too), and
        # the days of the articles dated to the day.
        days = sorted(x for x in (day_of(a.published) for a in dossier.articles) if x)
        return {
            "articles": len(d["articles"]),
            "outlets": sorted(set(corpus.pages().outlet.values())),
            "published": {"earliest": days[0] if days else None, "latest": days[-1] if days else None},
            "published_span": published_span(dossier.articles),
            **{k: len(d[k]) for k in ("actors", "quotes", "claims", "events", "persuasion")},
            "stories": len({a["story"] for a in d["articles"] if a.get("story")}),
        }

    @app.get("/api/articles", tags=["articles"])
    def articles(
        outlet: str | None = None,
        genre: str | None = None,
        story: str | None = None,
        since: str | None = Query(None, description="published on or after this day (YYYY-MM-DD)", pattern=ISO_DAY),
        until: str | None = Query(None, description="published on or before this day (YYYY-MM-DD)", pattern=ISO_DAY),
        limit: int = Query(PAGE, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        """Articles (summaries), filtered."""
        _, d = corpus.current()
        label = corpus.pages().outlet  # the outlet as /api/stats lists it (a domain, "unknown outlet (file)")
        rows = [
            a for a in d["articles"]
            if (outlet is None or label.get(a["id"]) == outlet) and (genre is None or a.get("genre") == genre)
            and (story is None or a.get("story") == story) and _in_range(a.get("published"), since, until)
        ]  # fmt: skip
        return {"total": len(rows), "articles": [_article_summary(a) for a in rows[offset : offset + limit]]}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str) -> dict[str, Any]:
        """One article (a unique id prefix is enough), with its own quotes, claims, events and technique spans."""
        _, d = corpus.current()
        a = _article(d, article_id)
        aid = a["id"]
        return {
            "article": a,
            "quotes": [q for q in d["quotes"] if q["article"] == aid],
            "claims": [c for c in d["claims"] if c["article"] == aid],
            "persuasion": [p for p in d["persuasion"] if p["article"] == aid],
            "events": [e for e in d["events"] if any(m["article"] == aid for m in e.get("mentions") or [])],
        }

    @app.get("/api/search", tags=["articles"])
    def search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
        """Full-text search over titles and bodies: plain words all required however joined ("Kim
        Jong-un" = "Kim Jong Un"), a name's other names searched too; each hit with its outlet,
        date and the passage that matched, and the actors the query names."""
        from newsprism import search as find

        _, d = corpus.current()
        names = find.aliases(q, d["actors"]) if find.plain(q) else [q]
        with corpus.store() as s:
            try:
                hits = s.query(q, limit, any_of=names[1:])
            except Exception as exc:
                raise HTTPException(400, f"cannot search for {q!r}: {exc}") from exc
        by_id = {a["id"]: a for a in d["articles"]}
        words = names if find.plain(q) else find.words_of(q)
        return {
            "query": q,
            "names": names,
            "actors": [{k: a.get(k) for k in ("id", "name", "type", "aliases")} for a in find.matching_actors(q, d["actors"])],
            "hits": [{**_article_summary(by_id[i]), "snippet": find.snippet(by_id[i].get("body") or "", words)} for i, _ in hits if i in by_id],
        }

    @app.get("/api/actors", tags=["actors"])
    def actors(q: str | None = Query(None, description="part of a name or alias"), type: str | None = None) -> dict[str, Any]:
        """Actors, most mentioned first."""
        _, d = corpus.current()
        needle = (q or "").lower()
        rows = [
            {**{k: x.get(k) for k in ("id", "name", "type", "aliases", "roles", "wikidata")}, "mentions": len(x.get("mentions") or []),
             "articles": len({m["article"] for m in x.get("mentions") or []})}
            for x in d["actors"]
            if (not needle or any(needle in n.lower() for n in [x.get("name") or "", *(x.get("aliases") or [])])) and (type is None or x.get("type") == type)
        ]  # fmt: skip
        rows.sort(key=lambda r: -int(r["mentions"]))
        return {"total": len(rows), "actors": rows}

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def actor(actor_id: str) -> dict[str, Any]:
        """One actor: every mention, what they said, the figures they assert, the events they take part in."""
        _, d = corpus.current()
        x = next((a for a in d["actors"] if a["id"] == actor_id), None)
        if x is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        return {
            "actor": x,
            "quotes": [q for q in d["quotes"] if q.get("speaker") == actor_id],
            "claims": [c for c in d["claims"] if c.get("asserted_by") == actor_id],
            "events": [e for e in d["events"] if actor_id in (e.get("actors") or []) or actor_id in (e.get("targets") or [])],
        }

    @app.get("/api/events", tags=["events"])
    def events(
        actor: str | None = None,
        plover: str | None = Query(None, description="a PLOVER type: AID, ACCUSE, ... (any case)"),
        since: str | None = Query(None, description="dated on or after this day (YYYY-MM-DD)", pattern=ISO_DAY),
        until: str | None = Query(None, description="dated on or before this day (YYYY-MM-DD)", pattern=ISO_DAY),
    ) -> dict[str, Any]:
        """The merged timeline, earliest first (undated events last)."""
        _, d = corpus.current()
        rows = [
            e for e in d["events"]
            if (actor is None or actor in (e.get("actors") or []) or actor in (e.get("targets") or []))
            and (plover is None or (e.get("plover") or "").upper() == plover.strip().upper()) and _in_range(e.get("date"), since, until)
        ]  # fmt: skip
        rows.sort(key=lambda e: ((e.get("date") or {}).get("earliest") or "9999", e["id"]))
        return {"total": len(rows), "events": rows}

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(speaker: str | None = None, article: str | None = None, kind: str | None = None) -> dict[str, Any]:
        """Who said what, filtered by speaker (actor id), article or kind."""
        _, d = corpus.current()
        rows = [q for q in d["quotes"] if (speaker is None or q.get("speaker") == speaker) and (article is None or q["article"] == article) and (kind is None or q.get("kind") == kind)]
        return {"total": len(rows), "quotes": rows}

    @app.get("/api/claims", tags=["claims"])
    def claims(asserted_by: str | None = None, group: str | None = None) -> dict[str, Any]:
        """Figures and who asserts them; ``group`` gathers the same quantity across outlets."""
        _, d = corpus.current()
        rows = [c for c in d["claims"] if (asserted_by is None or c.get("asserted_by") == asserted_by) and (group is None or c.get("group") == group)]
        return {"total": len(rows), "claims": rows}

    @app.get("/api/outlets", tags=["corpus"])
    def outlets() -> dict[str, Any]:
        """Per outlet: its articles, technique density in its own voice, genre mix, stance per actor."""
        _, d = corpus.current()
        return {"outlets": d["outlets"]}

    @app.get("/api/coverage", tags=["corpus"])
    def coverage() -> dict[str, Any]:
        """Who reports which event, quote and figure, and who leaves it out."""
        _, d = corpus.current()
        return d["coverage"] or {"outlets": [], "rows": [], "camps": {}, "blindspots": []}

    @app.get("/api/dossier", tags=["corpus"])
    def dossier() -> dict[str, Any]:
        """The whole dossier JSON (CONTRACT.md)."""
        _, d = corpus.current()
        return d

    @app.post("/api/articles", tags=["articles"], status_code=201, openapi_extra=POST_SCHEMA)
    async def add(request: Request, replace: bool = False) -> dict[str, Any]:
        """Analyse new articles (JSONL records: ``text`` or ``html``, and ``id``, ``url``, ``title``, ``outlet``,
        ``published``...) and join them to the store. Returns their ids, and what could not be read.
        Needs the server's token (``Authorization: Bearer ...``) unless it was started with writes allowed;
        an article the store holds is replaced only with ``?replace=true``."""
        _may_write(request, token, allow_writes)
        _same_origin_json(request)
        rows = _records(await _read_body(request))
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_add, rows, replace)

    def _add(rows: list[dict[str, Any]], replace: bool) -> dict[str, Any]:
        from newsprism.errors import InputError
        from newsprism.ingest import SOURCE_FIELD, check_record, from_record

        ids = []
        for n, r in enumerate(rows, 1):
            try:
                check_record(r, source=f"record {n}")  # a wrong type refuses the whole batch
            except InputError as exc:
                raise HTTPException(422, {"message": str(exc), "record": n}) from exc
            with contextlib.suppress(InputError):  # an empty record is listed among the failures
                art_id = from_record(r, source=f"record {n}").id
                ids.append(art_id)
                # The stored source names the record, never the server's temporary file, and one
                # record's own (its outlet unnamed, it is an outlet of its own, not "posted record 1").
                if not str(r.get(SOURCE_FIELD) or "").strip():
                    r[SOURCE_FIELD] = f"posted record {n} ({art_id[:12]})"
        with corpus.write_lock, tempfile.TemporaryDirectory() as tmp:
            _, held = corpus.current()
            taken = sorted(set(ids) & {a["id"] for a in held["articles"]})
            if taken and not replace:
                raise HTTPException(409, {"message": "the store holds these articles; POST with ?replace=true to replace them", "ids": taken})
            path = Path(tmp) / "posted.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            try:
                with corpus.store() as s:
                    # Checked again when the batch is written: a writer in between may add one of them.
                    d = newsprism.update(s, path, keep=() if replace else ids)
            except NewsprismError as exc:
                raise HTTPException(409, str(exc).replace(str(path), "posted records")) from exc
        wanted = set(ids)
        added = [a.id for a in d.articles if a.id in d.analyses and a.id in wanted]
        # Sources name the record, never the server's temporary file.
        failures = [{**f.as_dict(), "source": f.source.replace(str(path), "record"), "message": f.message.replace(str(path), "record")} for f in d.failures]
        if not added:
            raise HTTPException(422, {"message": "no record could be read", "failures": failures})
        return {"added": added, "failures": failures, "articles_in_store": len(d.articles)}

    @app.get("/api", tags=["corpus"])
    def api_index() -> dict[str, Any]:
        """The API's endpoints, each with its methods and what it returns (the schema is at /openapi.json)."""
        rows = []
        for r in app.routes:
            path = getattr(r, "path", "")
            if path.startswith("/api") and getattr(r, "include_in_schema", False):
                doc = (getattr(r, "endpoint", None).__doc__ or "").strip().splitlines()  # type: ignore[union-attr]
                rows.append({"path": path, "methods": sorted(getattr(r, "methods", ()) or ()), "summary": doc[0] if doc else ""})
        return {"endpoints": sorted(rows, key=lambda x: x["path"]), "schema": "/openapi.json", "docs": "/docs"}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Any:
        from fastapi.responses import Response

        return Response(FAVICON_SVG, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    # -- pages ----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(outlet: str | None = None, offset: int = 0) -> HTMLResponse:
        _, d = corpus.current()
        info = stats()
        rows = [a for a in d["articles"] if outlet is None or corpus.pages().outlet.get(a["id"]) == outlet]
        rows.sort(key=lambda a: (a["published"].get("earliest") or "", a["id"]), reverse=True)
        return page("index.html.j2", stats=info, articles=[_article_summary(a) for a in rows[offset : offset + PAGE]],
                    total=len(rows), outlet=outlet, offset=offset, page_size=PAGE, outlets=info["outlets"], q="")  # fmt: skip

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "") -> HTMLResponse:
        got = search(q, 50) if q.strip() else {"hits": [], "actors": [], "names": []}
        return page("search.html.j2", q=q, hits=got["hits"], actors=got["actors"], names=got["names"])

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        try:
            got = article(article_id)
        except HTTPException as exc:
            # A page answers with a page, not JSON: what was asked, why it is missing, a way on.
            resp = page("error.html.j2", status=exc.status_code, message=str(exc.detail), q="")
            resp.status_code = exc.status_code
            return resp
        a = got["article"]
        from newsprism.article import TECHNIQUE_NAMES

        names = corpus.pages().names
        return page("article.html.j2", a=a, lines=marked_lines(a, got["quotes"], got["persuasion"]), quotes=got["quotes"],
                    claims=got["claims"], spans=got["persuasion"], events=got["events"], q="", names=names,
                    techniques=TECHNIQUE_NAMES, outlet=corpus.pages().outlet.get(a["id"], a.get("outlet") or ""))  # fmt: skip

    def missing(what: str, key: str) -> HTMLResponse:
        resp = page("error.html.j2", status=404, message=f"no {what} {key!r} in this store", q="")
        resp.status_code = 404
        return resp

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page() -> HTMLResponse:
        return page("stories.html.j2", stories=corpus.pages().stories(), q="")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        got = corpus.pages().story(story_id)
        return page("story.html.j2", s=got, q="") if got else missing("story", story_id)

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(q: str = "") -> HTMLResponse:
        rows = actors(q or None)["actors"][:300]
        return page("actors.html.j2", actors=rows, q=q)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(actor_id: str) -> HTMLResponse:
        got = corpus.pages().actor(actor_id)
        return page("actor.html.j2", x=got, q="") if got else missing("actor", actor_id)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        got = corpus.pages().event(event_id)
        return page("event.html.j2", e=got, q="") if got else missing("event", event_id)

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_page() -> HTMLResponse:
        return page("outlets.html.j2", outlets=corpus.pages().outlets(), q="")

    @app.get("/outlets/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def outlet_page(name: str) -> HTMLResponse:
        got = corpus.pages().outlet_page(name)
        return page("outlet.html.j2", o=got, q="") if got else missing("outlet", name)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        actor: str = "", plover: str = "", outlet: str = "", camp: str = "",
        since: str = Query("", pattern=ISO_DAY + "|^$"), until: str = Query("", pattern=ISO_DAY + "|^$"),
        less_certain: bool = False,
    ) -> HTMLResponse:  # fmt: skip
        got = corpus.pages().timeline(actor or None, plover or None, outlet or None, camp or None, since or None, until or None, less_certain)
        return page("timeline.html.j2", t=got, q="")

    writes = "token" if token else "open" if allow_writes else "off"

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page() -> HTMLResponse:
        return page("add.html.j2", writes=writes, result=None, error=None, q="")

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_form(request: Request) -> HTMLResponse:
        """Articles from the browser: pasted text and uploaded files (text, Markdown, HTML, JSONL),
        behind the same protection as ``POST /api/articles`` (the server's token, typed in the form,
        or writes allowed on loopback; a form from another site is refused)."""
        from starlette.concurrency import run_in_threadpool
        from starlette.exceptions import HTTPException as StarletteHTTPException

        def refused(status: int, message: str) -> HTMLResponse:
            resp = page("add.html.j2", writes=writes, result=None, error=message, q="")
            resp.status_code = status
            return resp

        try:
            _same_origin_form(request)
            declared = request.headers.get("content-length")
            if declared is None or not declared.isdigit() or int(declared) > MAX_POST_BYTES:
                raise HTTPException(413, f"send at most {MAX_POST_BYTES // 1_000_000} MB at once (and say how much: Content-Length)")
            form = await request.form(max_files=MAX_FORM_FILES, max_fields=20, max_part_size=MAX_POST_BYTES)
            _may_write_form(str(form.get("token") or ""), token, allow_writes, request.headers.get("host", ""))
            rows, failures = await _form_records(form)
            if not rows:
                raise HTTPException(422, {"message": "nothing to add: paste a text or choose files", "failures": failures})
            result = await run_in_threadpool(_add, rows, False)
        except StarletteHTTPException as exc:
            return refused(exc.status_code, _form_error(exc.status_code, exc.detail))
        result["failures"] = [*failures, *result.get("failures", [])]
        return page("add.html.j2", writes=writes, result=result, error=None, q="")

    @app.get("/api/stories", tags=["stories"])
    def api_stories() -> dict[str, Any]:
        """Stories, most covered first: headline, articles, outlets, the camps covering them, dates."""
        rows = corpus.pages().stories()
        return {"total": len(rows), "stories": rows}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        """One story: outlets by camp with their headlines, the camp bar, who reported first, which
        camp carries each event, quote and figure, and the blindspots."""
        got = corpus.pages().story(story_id)
        if got is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return dict(got)

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def report() -> HTMLResponse:
        return HTMLResponse(corpus.report())

    @app.exception_handler(NotFoundError)
    def not_found(request: Request, exc: NotFoundError) -> Any:
        from fastapi.responses import JSONResponse

        return JSONResponse({"detail": str(exc)}, status_code=404)

    from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    def wants_page(request: Any) -> bool:
        path = request.url.path
        return not (path == "/api" or path.startswith(("/api/", "/docs", "/openapi", "/static/")))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        """A page answers with a page (an unknown address, a missing record); the API with JSON."""
        if not wants_page(request):
            return await http_exception_handler(request, exc)
        message = str(exc.detail) if exc.status_code != 404 or exc.detail != "Not Found" else f"no page at {request.url.path}"
        resp = page("error.html.j2", status=exc.status_code, message=message, q="")
        resp.status_code = exc.status_code
        return resp

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Any:
        """A bad filter on a page ("since=2025-13") is said on a page; the API answers 422 JSON."""
        if not wants_page(request):
            return await request_validation_exception_handler(request, exc)
        fields = ", ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors())
        resp = page("error.html.j2", status=422, message=f"cannot read this request ({fields}); dates are YYYY-MM-DD, YYYY-MM or YYYY", q="")
        resp.status_code = 422
        return resp

    return app


def _may_write(request: Any, token: str | None, allow_writes: bool) -> None:
    """Refuse a write the server was not started to take: 403 without a token or writes allowed,
    401 with a missing or wrong token."""
    import hmac

    from fastapi import HTTPException

    if token:
        got = request.headers.get("authorization", "")
        sent = got[7:] if got.lower().startswith("bearer ") else request.headers.get("x-newsprism-token", "")
        if not hmac.compare_digest(sent.encode("utf-8"), token.encode("utf-8")):
            raise HTTPException(401, "this server takes articles only with its token: send Authorization: Bearer TOKEN")
        return
    if not allow_writes:
        raise HTTPException(403, "this server is read-only: start it with --token (or NEWSPRISM_TOKEN), or --allow-writes on loopback")
    _loopback_host(request.headers.get("host", ""))


def _loopback_host(host: str) -> None:
    """Writes without a token are for a loopback server, asked for by a loopback name: a page of
    another site whose name was made to point at 127.0.0.1 (DNS rebinding) is same-origin with
    itself, so Origin cannot tell it apart, but its requests name that site in Host (403)."""
    from urllib.parse import urlsplit

    from fastapi import HTTPException

    try:
        name = (urlsplit("//" + host).hostname or "").rstrip(".").lower()
    except ValueError:
        name = ""
    try:
        loopback = name in LOOPBACK or ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise HTTPException(403, f"writes without a token are taken only at a loopback address (localhost, 127.0.0.1, [::1]), not {host or 'an unnamed host'}")


MAX_FORM_FILES = 50
FORM_TEXT_FIELDS = ("title", "outlet", "url", "published")


def _same_origin_form(request: Any) -> None:
    """A form POST must come from this server's own page: a browser names the page's origin
    (Origin, else Referer); a form posted from another site, or with neither, is refused (403)."""
    from urllib.parse import urlsplit

    from fastapi import HTTPException

    host = request.headers.get("host", "")
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    if not origin or origin == "null" or urlsplit(origin).netloc != host:
        raise HTTPException(403, "this form takes articles only from this server's own page")


def _may_write_form(sent: str, token: str | None, allow_writes: bool, host: str = "") -> None:
    """The form's token field against the server's token (constant time), as ``_may_write`` does
    for the API's Authorization header."""
    import hmac

    from fastapi import HTTPException

    if token:
        if not hmac.compare_digest(sent.encode("utf-8"), token.encode("utf-8")):
            raise HTTPException(401, "this server takes articles only with its token: type it in the form")
        return
    if not allow_writes:
        raise HTTPException(403, "this server is read-only: start it with --token (or NEWSPRISM_TOKEN), or --allow-writes on loopback")
    _loopback_host(host)


def _form_error(status: int, detail: Any) -> str:
    """What the add form says of a refusal: the message, the records that could not be read, and
    for a 409 what the form can do (it replaces nothing)."""
    if status == 409 and isinstance(detail, dict):
        return "the store already holds " + ", ".join(str(i) for i in detail.get("ids", [])) + ": nothing was added (the form never replaces an article)"
    if isinstance(detail, dict):
        reasons = "; ".join(f"{f.get('source')}: {f.get('message')}" for f in detail.get("failures", []))
        return str(detail.get("message", "")) + (f" ({reasons})" if reasons else "")
    return str(detail)


async def _form_records(form: Any) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Input records from the add form, and what could not be read: the pasted text with its
    title, outlet, address and day, and each uploaded file read as ``analyze`` reads it (its
    encoding detected; JSONL: a record a line, a bad line a failure of its own; HTML: the page;
    anything else: text), with the file's bytes' id, as ``analyze`` gives it."""
    from newsprism.errors import NewsprismError
    from newsprism.ingest import SOURCE_FIELD
    from newsprism.ingest.text import content_id, decode

    rows: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    pasted = str(form.get("text") or "")
    if pasted.strip():
        rec: dict[str, Any] = {"text": pasted, SOURCE_FIELD: f"web form: pasted text ({content_id(pasted)[:12]})"}
        rec.update({k: str(form.get(k)).strip() for k in FORM_TEXT_FIELDS if str(form.get(k) or "").strip()})
        rows.append(rec)
    for f in form.getlist("files"):
        name = re.split(r"[\\/]", str(getattr(f, "filename", "") or ""))[-1]  # never the client's folders
        if not name:
            continue
        data = await f.read()
        label = f"web form: {name}"
        try:
            text = decode(data, name)
        except NewsprismError as exc:
            failures.append({"source": label, "message": str(exc)})
            continue
        if name.lower().endswith(".jsonl"):
            for n, line in enumerate(text.split("\n"), 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    failures.append({"source": f"{label}:{n}", "message": f"not a JSON record: {exc}"})
                    continue
                if not isinstance(obj, dict):
                    failures.append({"source": f"{label}:{n}", "message": "not a JSON object"})
                    continue
                rows.append({**obj, SOURCE_FIELD: obj.get(SOURCE_FIELD) or f"{label}:{n}"})
            continue
        key = "html" if name.lower().endswith((".html", ".htm")) else "text"
        rows.append({key: text, "id": content_id(data), SOURCE_FIELD: label})
    return rows, failures


def _same_origin_json(request: Any) -> None:
    """Refuse what a web page elsewhere could make the user's browser send: a body that is not
    declared JSON (415: a "simple" cross-site POST is text/plain or a form, and needs no
    preflight) or an Origin that is not this server's (403)."""
    from urllib.parse import urlsplit

    from fastapi import HTTPException

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "send the records as application/json")
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, f"a POST from {origin} is refused: only this server's own pages and non-browser clients may write")
    if origin == "null":
        raise HTTPException(403, "a POST from an opaque origin is refused")


async def _read_body(request: Any, limit: int | None = None) -> bytes:
    """The request body, read in pieces and refused (413) once it passes ``limit`` bytes."""
    from fastapi import HTTPException

    limit = MAX_POST_BYTES if limit is None else limit
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is {declared} bytes; the limit is {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body passes the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _records(body: bytes) -> list[dict[str, Any]]:
    """The records of a POST body: one JSON object or a list of them (422 otherwise)."""
    from fastapi import HTTPException

    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise HTTPException(422, f"the body is not JSON: {exc}") from exc
    rows = [data] if isinstance(data, dict) else data
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise HTTPException(422, "send a JSON object (one record) or a non-empty list of objects")
    return rows


POST_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]},
                "example": {"text": "Title\n\nBody ...", "url": "https://example.org/a", "published": "2024-03-07"},
            }
        },
    }
}


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, allow_writes: bool = False) -> None:
    """Run the web app on ``host:port`` (uvicorn) until interrupted. ``allow_writes`` without a
    token is refused on any address but loopback: anyone who can reach the server could write."""
    import uvicorn

    if allow_writes and not token and host not in LOOPBACK:
        raise ValueError(f"--allow-writes is for a loopback address only (not {host}); give a --token instead")
    uvicorn.run(create_app(db, token=token, allow_writes=allow_writes), host=host, port=port, log_level="info")
