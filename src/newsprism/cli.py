"""The command line: thin commands over the library (sqlite-utils' habit).

Example:
    newsprism analyze examples/ --json dossier.json --db news.db
    newsprism show 3f2a9c --db news.db
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsprism import __version__
from newsprism.article import Article, Dossier, Failure, file_stem
from newsprism.errors import NewsprismError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="newsprism: a sourced dossier from a pile of news coverage.")
err = Console(stderr=True)
# Piped output has no terminal width to read: give tables room rather than 80 columns.
out = Console() if Console().is_terminal else Console(width=160)

ROLE_STYLE = {
    "title": "bold magenta",
    "metadata": "cyan",
    "body": "",
    "caption": "yellow",
    "boilerplate": "dim",
    "blank": "dim",
}


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage decides.")] = False,
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")  # noqa: UP045 — typer reads Optional
    ] = None,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command("analyze")
def analyze_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the dossier JSON here.")] = None,  # noqa: UP045
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Write dossier.json, dossier.html and one JSON per article here.")] = None,  # noqa: UP045
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite file to store the dossier in.")] = None,  # noqa: UP045
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for per-article stages.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table.")] = False,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Run the per-article stages on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for one on this machine with --workers processes.")] = None,  # noqa: UP045
) -> None:
    """Analyse news pages into a dossier.

    Example: newsprism analyze ../shared/seeds --json dossier.json --db news.db
    """
    from newsprism import settings
    from newsprism.pipeline import run

    progress_cb = None
    bar = None
    n_inputs = _estimate(paths)
    if n_inputs >= settings.PROGRESS_MIN and sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(console=err, transient=True)
        task = bar.add_task("analysing", total=n_inputs)

        def progress_cb(_: Article | Failure) -> None:
            assert bar is not None
            bar.advance(task)

        bar.start()
    import contextlib

    cluster = contextlib.ExitStack()
    client = None
    if dask:
        from newsprism.pipeline import dask_client

        try:
            client = cluster.enter_context(dask_client(dask, workers))
        except ImportError as exc:
            raise typer.BadParameter(f"--dask needs its extra: pip install 'newsprism[dask]' ({exc})") from exc
        except OSError as exc:
            raise typer.BadParameter(f"cannot reach the Dask scheduler at {dask}: {exc}") from exc
    store = None
    if db:
        from newsprism.storage import open_store

        store = open_store(db)
    try:
        if store is not None:
            import newsprism

            # The store grows: this batch joins what it holds, and the whole corpus is written back.
            dossier = newsprism.update(store, paths, workers=workers, progress=progress_cb, dask=client)
        else:
            dossier = run(paths, workers=workers, progress=progress_cb, dask=client)
    except NewsprismError as exc:
        if store is not None:
            store.close()
        raise typer.BadParameter(str(exc)) from exc
    finally:
        if bar is not None:
            bar.stop()
        cluster.close()
    for f in dossier.failures:
        err.print(f"[red]error[/red] {f.source}: {f.message}", highlight=False, soft_wrap=True)
    if json_out:
        _write_atomic(json_out, dossier.write_json)
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(out_dir / "dossier.json", dossier.write_json)
        for a in dossier.articles:
            import json

            # Never outside out_dir, whatever the id ("../../x", "/etc/x"): see article.file_stem.
            target = out_dir / f"{file_stem(a.id)}.json"
            assert target.resolve().parent == out_dir.resolve(), target
            _write_atomic(target, json.dumps(a.as_dict(), ensure_ascii=False, indent=1))
        from newsprism.report import write_report

        write_report(dossier, out_dir / "dossier.html")
    if store is not None:
        store.close()
    if not quiet:
        _summary(dossier, only=set(dossier.analyses) if store is not None else None)
        if store is not None:
            out.print(f"the store {db} holds {len(dossier.articles)} article(s), {len(dossier.events)} event(s), {len(dossier.actors)} actor(s)")
    if dossier.failures:
        err.print(f"{len(dossier.failures)} input(s) failed; {len(dossier.articles)} article(s) analysed.")
        raise typer.Exit(code=1 if dossier.articles else 2)


def _estimate(paths: list[str]) -> int:
    n = 0
    for p in paths:
        pp = Path(p)
        n += sum(1 for _ in pp.rglob("*") if _.is_file()) if pp.is_dir() else 1
    return n


def _write_atomic(path: Path, text: str | Callable[[TextIO], None]) -> None:
    """Write ``text`` (or what ``text(fh)`` writes, streamed: a dossier's JSON is never one
    string in memory) via a temporary file (flushed to disk) and rename, so a crash never leaves
    half a file; a temporary file that a killed run left behind is removed by the next."""
    import os
    import tempfile
    import time

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        if time.time() - stale.stat().st_mtime > 600:  # a writer that has not finished in ten minutes is dead
            stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if callable(text):
                text(fh)
            else:
                fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _summary(dossier: Dossier, only: set[str] | None = None) -> None:
    """The summary table: every article, or those of ``only`` (this batch of a growing store)."""
    shown = [a for a in dossier.articles if only is None or a.id in only]
    if not shown:
        return  # nothing readable: the errors say why, an empty table says nothing
    table = Table(title=f"{len(shown)} article(s)", show_lines=False)
    for col in ("id", "title", "outlet", "reprint of", "lang", "published", "body words"):
        table.add_column(col, overflow="fold")
    for a in shown:
        p = a.published
        if p.earliest and p.latest:
            pub = p.earliest if p.earliest == p.latest else f"{p.earliest}..{p.latest}"
        elif p.earliest or p.latest:
            pub = f"≥ {p.earliest}" if p.earliest else f"≤ {p.latest}"
        else:
            pub = "?"
        if a.evidence.get("published", "").startswith("inferred"):
            pub += " (inferred)"
        from newsprism.ingest.text import strip_controls

        cells = (a.id if len(a.id) <= 16 else a.id[:12], a.title or "", a.outlet or "—", a.reprint_of or "—", a.language or "?", pub)
        # Markup-free and control-free: a title is page text, never terminal control or rich markup.
        table.add_row(*(Text(strip_controls(c)) for c in cells), str(len(a.body.split())))
    out.print(table)


@app.command("fetch")
def fetch_cmd(
    urls: Annotated[list[str], typer.Argument(help="Web addresses, or files listing them (one a line, # comments).")],
    warc: Annotated[Path, typer.Option("--warc", help="The WARC file to write (gzipped when it ends in .gz).")] = Path("pages.warc.gz"),
    delay: Annotated[float, typer.Option("--delay", min=0.0, help="Seconds between requests to one host (robots.txt's Crawl-delay wins when longer).")] = 2.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries on timeouts, 429 and 5xx, with back-off.")] = 3,
    timeout: Annotated[float, typer.Option("--timeout", min=1.0, help="Seconds to wait for a server.")] = 20.0,
    contact: Annotated[Optional[str], typer.Option("--contact", help="An e-mail or URL added to the user agent, so a site can reach you.")] = None,  # noqa: UP045
    follow: Annotated[bool, typer.Option("--follow", help="Also fetch the pages that fetched feeds and sitemaps list (not a crawl: pages' own links are not followed).")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="With feeds and sitemaps: only pages dated on or after this day (YYYY-MM-DD).")] = None,  # noqa: UP045
) -> None:
    """Fetch web addresses politely into a WARC file, for `analyze` to read offline.

    The only command that reaches the network. It obeys robots.txt, waits between requests
    to a host, retries with back-off and keeps every answer as it came.

    Example: newsprism fetch urls.txt --warc story.warc.gz && newsprism analyze story.warc.gz --out out/
    """
    from newsprism.fetch import Fetcher, FetchSettings, fetch_to_warc, read_url_list

    if since is not None:
        import datetime as _dt

        try:
            _dt.date.fromisoformat(since)
        except ValueError as exc:
            raise typer.BadParameter(f"--since wants a day as YYYY-MM-DD, not {since!r}") from exc
    try:
        addresses = list(read_url_list(urls, since=since))
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read the address list {getattr(exc, 'filename', '')}: {getattr(exc, 'strerror', exc)}") from exc
    fetcher = Fetcher(FetchSettings(delay=delay, retries=retries, timeout=timeout, contact=contact))

    def report(got: object) -> None:
        from newsprism.fetch import Fetched

        assert isinstance(got, Fetched)
        if got.error:
            err.print(f"[red]error[/red] {got.url}: {got.error}", highlight=False, soft_wrap=True)
        elif got.final_url and got.final_url != got.url:
            err.print(f"fetched {got.url} (redirected to {got.final_url})", highlight=False, soft_wrap=True)

    results = fetch_to_warc(addresses, warc, fetcher, progress=report, follow=follow, since=since)
    ok = sum(1 for r in results if not r.error)
    err.print(f"{ok} of {len(results)} address(es) fetched into {warc}; next: newsprism analyze {warc}")
    if ok < len(results):
        raise typer.Exit(code=1 if ok else 2)


@app.command("show")
def show_cmd(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite file written by analyze --db.")] = None,  # noqa: UP045
    json_in: Annotated[Optional[Path], typer.Option("--json", help="A dossier JSON written by analyze --json.")] = None,  # noqa: UP045
    role: Annotated[Optional[str], typer.Option("--role", help="Only lines with this role.")] = None,  # noqa: UP045
) -> None:
    """Show one article's lines and their roles.

    Example: newsprism show 3f2a9c --db news.db
    """
    article = _find_article(article_id, db, json_in)
    out.print(f"[bold]{article.title or '(no title)'}[/bold]  id={article.id}", highlight=False)
    out.print(
        f"outlet={article.outlet or '—'}  reprint_of={article.reprint_of or '—'}  language={article.language or '?'}"
        f"  source={article.source}",
        highlight=False,
    )
    out.print(f"published={_published(article)}", highlight=False, soft_wrap=True)
    for key, why in sorted(article.evidence.items()):
        out.print(f"  [dim]{key}: {why}[/dim]", highlight=False, soft_wrap=True)
    for ln in article.lines:
        if role and ln.role != role:
            continue
        text = article.line_text(ln)
        style = ROLE_STYLE.get(ln.role, "")
        label = f"{ln.n:4d} {ln.role:<11}"
        shown = text if len(text) <= 160 else text[:157] + "..."
        out.print(f"[dim]{label}[/dim] [{style}]{_esc(shown)}[/{style}]" if style else f"[dim]{label}[/dim] {_esc(shown)}",
                  highlight=False, soft_wrap=True)


def _published(article: Article) -> str:
    """The publication date as the store holds it: the day or the interval, its confidence and
    evidence ("unknown" when no evidence bounds it)."""
    p = article.published
    if not p.known:
        return "unknown" + (f" ({p.evidence})" if p.evidence else "")
    when = p.earliest if p.earliest == p.latest else f"{p.earliest or '…'}..{p.latest or '…'}"
    return f"{when} (confidence {p.confidence:.2f}; {p.evidence or 'no evidence recorded'})"


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _find_article(article_id: str, db: str | None, json_in: Path | None) -> Article:
    from newsprism.errors import NotFoundError

    if json_in:
        dossier = Dossier.from_json(Path(json_in).read_text(encoding="utf-8"))
        matches = [a for a in dossier.articles if a.id == article_id] or [
            a for a in dossier.articles if a.id.startswith(article_id)
        ]
        if len(matches) != 1:
            from newsprism.storage.base import check_prefix

            try:
                check_prefix(article_id, sorted(a.id for a in matches)[:11], str(json_in))
            except NotFoundError as exc:
                raise typer.BadParameter(str(exc.args[0])) from exc
        return matches[0]
    from newsprism.storage import open_store

    try:
        store = open_store(db or "newsprism.db", create=False)
    except NotFoundError as exc:
        raise typer.BadParameter(str(exc.args[0])) from exc
    try:
        return store.get(article_id)
    except NotFoundError as exc:
        raise typer.BadParameter(str(exc.args[0])) from exc
    finally:
        store.close()


@app.command("report")
def report_cmd(
    dossier_json: Annotated[Optional[Path], typer.Argument(help="A dossier JSON written by analyze --json or --out.")] = None,  # noqa: UP045
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("dossier.html"),
    db: Annotated[Optional[str], typer.Option("--db", help="Read the whole corpus of this store instead of a JSON file.")] = None,  # noqa: UP045
) -> None:
    """Write the dossier as one self-contained HTML page (no network needed to read it).

    Example: newsprism report dossier.json -o dossier.html   (or: newsprism report --db news.db)
    """
    from newsprism.report import write_report

    if (dossier_json is None) == (db is None):
        raise typer.BadParameter("give a dossier JSON file or --db STORE (one of them)")
    try:
        if db is not None:
            from newsprism.storage import open_store

            store = open_store(db, create=False)
            try:
                dossier = store.load_dossier()
            finally:
                store.close()
        else:
            assert dossier_json is not None
            dossier = Dossier.from_json(Path(dossier_json).read_text(encoding="utf-8"))
    except (OSError, ValueError, NewsprismError) as exc:
        raise typer.BadParameter(f"cannot read {dossier_json or db}: {exc}") from exc
    path = write_report(dossier, output)
    out.print(f"report: {path} ({len(dossier.articles)} articles)", highlight=False)


@app.command("export")
def export_cmd(
    dossier: Annotated[Path, typer.Argument(help="A dossier JSON written by analyze --json (or --out DIR/dossier.json).")],
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Write one CSV file a layer into this folder.")] = None,  # noqa: UP045
    graphml_out: Annotated[Optional[Path], typer.Option("--graphml", help="Write the actor and outlet network here (GraphML).")] = None,  # noqa: UP045
) -> None:
    """Export a dossier as spreadsheets (CSV, one file a layer) and a network (GraphML: Gephi, Cytoscape).

    Example: newsprism export dossier.json --csv tables/ --graphml network.graphml
    """
    from newsprism.export import load, to_csv, to_graphml

    if csv_dir is None and graphml_out is None:
        raise typer.BadParameter("say what to write: --csv DIR and/or --graphml FILE")
    try:
        d = load(dossier)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(f"cannot read the dossier {dossier}: {exc}") from exc
    if csv_dir is not None:
        written = to_csv(d, csv_dir)
        err.print(f"{len(written)} CSV files in {csv_dir}")
    if graphml_out is not None:
        to_graphml(d, graphml_out)
        err.print(f"network in {graphml_out}")


@app.command("serve")
def serve_cmd(
    db: Annotated[str, typer.Option("--db", help="The store to serve: a SQLite file or postgresql://...")] = "news.db",
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", envvar="NEWSPRISM_TOKEN", help="Let POSTs that send this token (Authorization: Bearer ...) add articles.")] = None,  # noqa: UP045
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help="Let anyone who reaches the server add articles (loopback addresses only).")] = False,
) -> None:
    """Serve the store as a web app: browse, search, read articles, add them, and a JSON API at /api (docs at /docs).

    Example: newsprism serve --db news.db   (then open http://127.0.0.1:8000/)
    """
    try:
        from newsprism.web import serve
    except ImportError as exc:
        raise typer.BadParameter(f"the web app needs its extra: pip install 'newsprism[web]' ({exc})") from exc
    writes = "with the token" if token else "by anyone on this machine" if allow_writes else "off (read-only)"
    err.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs; adding articles: {writes}; Ctrl-C stops)")
    try:
        serve(db, host=host, port=port, token=token, allow_writes=allow_writes)
    except (ValueError, NewsprismError) as exc:
        raise typer.BadParameter(str(exc.args[0])) from exc


@app.command("stages")
def stages_cmd() -> None:
    """List the registered stages, what they require and what they assign."""
    from newsprism.registry import registered

    table = Table()
    for col in ("stage", "kind", "requires", "assigns", "what"):
        table.add_column(col, overflow="fold")
    for name, meta in sorted(registered().items()):
        table.add_row(name, meta.kind, ", ".join(meta.requires), ", ".join(meta.assigns), meta.doc)
    out.print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
