"""The HTML report: one self-contained file a person reads instead of the articles.

``render_report(dossier)`` returns the page: inline CSS, inline JavaScript, inline SVG
charts, no fonts, images or scripts from anywhere else. Article text is untrusted, so

* Jinja's autoescaping escapes every string the template prints (text and attributes);
* nothing is handed to the script as markup: it only shows, hides and clones elements
  the server already escaped (``<template>`` holds each article, inert until opened);
* a Content-Security-Policy allows no network at all and only the report's own script
  (by its SHA-256), so even a string that slipped through could not run or call out.

Example:
    >>> from newsprism.article import Dossier
    >>> html = render_report(Dossier())
    >>> html.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import base64
import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from newsprism.article import Dossier
from newsprism.report.build import View, build_view

__all__ = ["build_view", "render_report", "write_report"]

TEMPLATES = Path(__file__).with_name("templates")
# Rows a list shows per page: enough to read, few enough for a 1,000-article dossier.
PAGE_SIZE = 25


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every {{ }} is escaped, in text and in attributes alike
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return css, js, f"'sha256-{digest}'"


def _context(view: View) -> dict[str, Any]:
    from markupsafe import Markup

    css, js, script_hash = _assets()
    return {"v": view, "css": Markup(css), "js": Markup(js), "script_hash": script_hash, "page": PAGE_SIZE}


def render_view(view: View) -> str:
    """The page for an already built :class:`View`."""
    return _environment().get_template("report.html.j2").render(**_context(view))


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """The view and the page are millions of short-lived strings and small records that
    form no cycles; the cyclic collector's full passes over them made time grow faster
    than the dossier (10k articles took 15x as long as 1k with it on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def render_report(dossier: Dossier) -> str:
    """The report of ``dossier`` as one self-contained HTML page."""
    with _without_cyclic_gc():
        return render_view(build_view(dossier))


def write_report(dossier: Dossier, path: str | Path) -> Path:
    """Write the report to ``path`` (through a temporary file, so no half-written page remains).

    The page is streamed to the file as the template renders it: a 10,000-article page is
    some 180 MB, and joining it into one string first made time grow faster than the dossier.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with _without_cyclic_gc():
            view = build_view(dossier)
            stream = _environment().get_template("report.html.j2").stream(**_context(view))
            stream.enable_buffering(1024)
            with tmp.open("wb") as fh:
                stream.dump(fh, encoding="utf-8")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return path
