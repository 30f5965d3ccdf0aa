"""Turning paths, globs, folders and stdin into articles.

``iter_inputs`` yields, for each input, either an :class:`Article` (with
``raw_text`` for text, ``html`` for markup) or a :class:`Failure` that names the
file and says why, so one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprism import settings
from newsprism.article import Article, DateRange, Failure
from newsprism.errors import Errors, InputError
from newsprism.ingest.text import content_id, decode, decode_character_references, maybe_gunzip, normalize_newlines

LOGGER = logging.getLogger(__name__)

__all__ = ["expand", "from_record", "iter_inputs", "read_path"]


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | Failure]:
    """Expand folders (recursively, sorted) and globs; ``-`` stands for stdin."""
    for p in paths:
        s = os.fspath(p)
        if s == "-":
            yield s
            continue
        path = Path(s)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if child.is_file() and _wanted(child):
                    found = True
                    yield str(child)
            if not found:
                yield Failure(s, "E014", Errors.E014.format(pattern=s))
        elif path.exists():
            yield s
        elif any(ch in s for ch in "*?["):
            matches = sorted(m for m in glob.glob(s, recursive=True) if Path(m).is_file())
            if not matches:
                yield Failure(s, "E014", Errors.E014.format(pattern=s))
            yield from matches
        else:
            yield Failure(s, "E001", Errors.E001.format(path=s))


def _wanted(path: Path) -> bool:
    if any(part.startswith(".") for part in path.parts[-1:]):
        return False
    name = path.name.lower()
    if name.endswith(settings.COMPRESSED_EXTENSIONS):
        name = name.rsplit(".", 1)[0]
    stem, _, ext = name.rpartition(".")
    if stem.split(".")[0] in settings.SKIP_STEMS:
        LOGGER.info("skipping %s: documentation, not an article", path)
        return False
    exts = settings.TEXT_EXTENSIONS + settings.HTML_EXTENSIONS + settings.JSONL_EXTENSIONS
    return "." + ext in exts


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Failure]:
    """Every article in ``paths``, or a failure naming the input that could not be read."""
    seen: dict[str, int] = {}
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            for art in read_path(item):
                if isinstance(art, Failure):
                    yield art
                    continue
                # Two identical files are two inputs: keep both, with distinct ids.
                n = seen.get(art.id, 0)
                seen[art.id] = n + 1
                if n:
                    art.id = f"{art.id}-{n + 1}"
                yield art
        except InputError as exc:
            yield Failure(item, exc.code, str(exc))


def _read_bytes(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(settings.MAX_BYTES + 1)
        if len(data) > settings.MAX_BYTES:
            raise InputError(Errors.E006.format(path="<stdin>", size=f">{settings.MAX_BYTES}", limit=settings.MAX_BYTES))
        return data
    try:
        size = os.path.getsize(path)
        if size > settings.MAX_BYTES:
            raise InputError(Errors.E006.format(path=path, size=size, limit=settings.MAX_BYTES))
        with open(path, "rb") as fh:
            return fh.read()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(Errors.E002.format(path=path, reason=exc.strerror or exc)) from exc


def sniff_format(path: str, text: str) -> str:
    name = path.lower()
    if name.endswith(settings.COMPRESSED_EXTENSIONS):
        name = name.rsplit(".", 1)[0]
    if name.endswith(settings.HTML_EXTENSIONS):
        return "html"
    if name.endswith(settings.JSONL_EXTENSIONS):
        return "jsonl"
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            return "text"
        if isinstance(obj, dict) and ("text" in obj or "html" in obj):
            return "jsonl"
    return "text"


def read_path(path: str) -> list[Article | Failure]:
    """The article(s) in one file (a JSONL file holds many); raises ``InputError``."""
    data = maybe_gunzip(_read_bytes(path), path)
    text = decode(data, path)
    source = "<stdin>" if path == "-" else path
    fmt = sniff_format(path, text)
    if fmt == "jsonl":
        return list(_read_jsonl(source, text))
    if fmt == "html":
        return [Article(id=content_id(data), source=source, raw_text="", format="html", html=text)]
    if _is_markdown(path):
        text = decode_character_references(text)  # Markdown decodes them (CommonMark 0.31, 2.5)
    return [Article(id=content_id(data), source=source, raw_text=text, format="text")]


def _is_markdown(path: str) -> bool:
    name = path.lower()
    if name.endswith(settings.COMPRESSED_EXTENSIONS):
        name = name.rsplit(".", 1)[0]
    return name.endswith(settings.MARKDOWN_EXTENSIONS)


def _read_jsonl(source: str, text: str) -> Iterator[Article | Failure]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failure(where, "E007", Errors.E007.format(path=source, line=n, reason=exc))
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "E007", Errors.E007.format(path=source, line=n, reason="not an object"))
            continue
        try:
            yield from_record(obj, source=where)
        except InputError as exc:
            yield Failure(where, exc.code, str(exc))


def from_record(obj: dict[str, Any], source: str = "<record>") -> Article:
    """An article from a JSON record with ``text`` or ``html`` (CONTRACT.md, Input)."""
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(Errors.E007.format(path=source, line="?", reason="needs a 'text' or 'html' string"))
    if isinstance(text, str):
        text = normalize_newlines(text)
    body = text if isinstance(text, str) else html
    assert isinstance(body, str)
    if not body.strip():
        raise InputError(Errors.E003.format(path=source))
    given: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "published"):
        if obj.get(key):
            given[key] = obj[key]
    published = DateRange()
    if isinstance(given.get("published"), str):
        day = given["published"][:10]
        try:
            import datetime as _dt

            _dt.date.fromisoformat(day)
        except ValueError as exc:
            raise InputError(
                Errors.E007.format(path=source, line="?", reason=f"bad published {given['published']!r}")
            ) from exc
        published = DateRange(day, day, 1.0, f"given in the input: published {day}")
    art_id = str(obj["id"]) if obj.get("id") is not None else content_id(body)
    return Article(
        id=art_id,
        source=source,
        raw_text=text if isinstance(text, str) else "",
        format="text" if isinstance(text, str) else "html",
        html=html if not isinstance(text, str) else None,
        url=given.get("url"),
        published=published,
        given=given,
    )
