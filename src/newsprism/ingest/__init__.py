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
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsprism import settings
from newsprism.article import Article, DateRange, Failure
from newsprism.errors import Errors, InputError
from newsprism.ingest.feed import looks_like_feed, read_feed
from newsprism.ingest.text import content_id, decode, decode_character_references, maybe_gunzip, normalize_newlines
from newsprism.ingest.warc import is_warc, read_warc

LOGGER = logging.getLogger(__name__)

__all__ = ["expand", "from_record", "iter_inputs", "read_path"]


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | Failure]:
    """Expand folders (recursively, sorted) and globs; ``-`` stands for stdin. A file named
    twice (directly, through a folder or a glob) is read once."""
    seen: set[str] = set()
    for item in _expand(paths):
        if isinstance(item, str) and item != "-":
            key = os.path.realpath(item)
            if key in seen:
                continue
            seen.add(key)
        yield item


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | Failure]:
    for p in paths:
        s = os.fspath(p)
        if s == "-":
            yield s
            continue
        path = Path(s)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if not _wanted(child):
                    continue
                if child.is_file():
                    found = True
                    yield str(child)
                elif child.is_symlink() and not child.exists():
                    found = True  # a link to nothing is an input that cannot be read, not nothing
                    yield Failure(str(child), "E002", Errors.E002.format(path=child, reason="a broken symbolic link"))
                elif child.exists() and not child.is_dir():
                    found = True  # a pipe or a device named like an article: said, never opened
                    try:
                        check_regular(str(child))
                    except InputError as exc:
                        yield Failure(str(child), exc.code, str(exc))
            if not found:
                yield Failure(s, "E014", Errors.E014.format(pattern=s))
        elif path.exists():
            yield s
        elif ADDRESS.match(s):
            yield Failure(s, "E019", Errors.E019.format(path=s))
        elif any(ch in s for ch in "*?["):
            matches = sorted(m for m in glob.glob(s, recursive=True) if Path(m).is_file())
            if not matches:
                yield Failure(s, "E014", Errors.E014.format(pattern=s))
            yield from matches
        else:
            yield Failure(s, "E001", Errors.E001.format(path=s))


# A web address given where a path is expected ("https://...", "www.example.com/..."): not fetched.
ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.[^/\s]+\.[a-z]{2,}(?:/|$))", re.I)


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
    exts = settings.TEXT_EXTENSIONS + settings.HTML_EXTENSIONS + settings.JSONL_EXTENSIONS + settings.WARC_EXTENSIONS + settings.FEED_EXTENSIONS
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
        check_regular(path)
        size = os.path.getsize(path)
        if size > settings.MAX_BYTES:
            raise InputError(Errors.E006.format(path=path, size=size, limit=settings.MAX_BYTES))
        with open(path, "rb") as fh:
            data = fh.read(settings.MAX_BYTES + 1)  # bounded, whatever the size said (a file still growing)
        if len(data) > settings.MAX_BYTES:
            raise InputError(Errors.E006.format(path=path, size=f">{settings.MAX_BYTES}", limit=settings.MAX_BYTES))
        return data
    except InputError:
        raise
    except OSError as exc:
        raise InputError(Errors.E002.format(path=path, reason=exc.strerror or exc)) from exc


def check_regular(path: str) -> None:
    """Refuse what is not a regular file by its type ([E026]): a FIFO would block forever,
    ``/dev/zero`` never ends, a socket cannot be read."""
    import stat

    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        return
    kind = (
        "a directory" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
        else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
        else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    )  # fmt: skip
    raise InputError(Errors.E026.format(path=path, kind=kind))


def sniff_format(path: str, text: str) -> str:
    name = path.lower()
    if name.endswith(settings.COMPRESSED_EXTENSIONS):
        name = name.rsplit(".", 1)[0]
    if name.endswith(settings.HTML_EXTENSIONS):
        return "html"
    if name.endswith(settings.JSONL_EXTENSIONS):
        return "jsonl"
    if name.endswith(settings.FEED_EXTENSIONS) or looks_like_feed(text):
        return "feed"
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith("<?xml"):
        # XHTML is a page; any other XML document (a sitemap, a config file) is no article.
        return "html" if re.search(r"<(?:!doctype\s+)?html\b", text[:4096], re.I) else "xml"
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
    """The article(s) in one file (a JSONL file, a feed or a web archive holds many); raises ``InputError``."""
    if path != "-":
        try:
            check_regular(path)
        except OSError as exc:
            raise InputError(Errors.E002.format(path=path, reason=exc.strerror or exc)) from exc
    if path != "-" and is_warc(path):
        return list(read_warc(path))  # streamed: no whole-file size limit, a limit per page
    data = maybe_gunzip(_read_bytes(path), path)
    text = decode(data, path)
    source = "<stdin>" if path == "-" else path
    fmt = sniff_format(path, text)
    if fmt == "jsonl":
        return list(_read_jsonl(source, text))
    if fmt == "feed":
        return list(read_feed(source, data))
    if fmt == "xml":
        raise InputError(Errors.E020.format(path=source))
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
        except (ValueError, RecursionError) as exc:  # nested past Python's limit: a bad record, not a crash
            yield Failure(where, "E007", Errors.E007.format(path=source, line=n, reason=exc))
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "E007", Errors.E007.format(path=source, line=n, reason="not an object"))
            continue
        try:
            yield from_record(obj, source=where)
        except InputError as exc:
            yield Failure(where, exc.code, str(exc))


def _given_day(value: object, key: str, source: str) -> str:
    """The ``YYYY-MM-DD`` day a record's ``key`` gives, or a coded error naming the record."""
    import datetime as _dt

    day = str(value)[:10]
    try:
        _dt.date.fromisoformat(day)
    except ValueError as exc:
        raise InputError(Errors.E007.format(path=source, line="?", reason=f"bad {key} {value!r}")) from exc
    return day


# The fields an input record may give and the JSON types each takes (CONTRACT.md, Input);
# other fields are ignored. Nothing of a malformed record reaches a stage or a store.
RECORD_FIELDS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "html": (str,),
    "id": (str, int),
    "url": (str,),
    "title": (str,),
    "outlet": (str,),
    "published": (str,),
    "retrieved": (str,),
    "author": (str, list),
}
# Where a record came from, as the dossier should name it ("web form: notes.txt"): set by the web
# app for what it is given; a text that is not a non-blank string is ignored (the file and line
# that held the record name it then). Not "source": feeds and news APIs use that key otherwise.
SOURCE_FIELD = "newsprism_source"
SOURCE_CHARS = re.compile(r"[^\S ]|[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# An article id: what a file name, an address and a store key can all hold.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def check_record(obj: dict[str, Any], source: str = "<record>") -> None:
    """Refuse a record whose fields have the wrong JSON type or whose id is unusable ([E007], [E025])."""
    for key, types in RECORD_FIELDS.items():
        value = obj.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            want = " or ".join({"str": "a string", "int": "a whole number", "list": "a list of strings"}[t.__name__] for t in types)
            raise InputError(Errors.E007.format(path=source, line="?", reason=f"field {key!r} must be {want}, not {type(value).__name__} {_short(value)}"))
        if isinstance(value, list) and not all(isinstance(x, str) for x in value):
            raise InputError(Errors.E007.format(path=source, line="?", reason=f"field {key!r} must be a list of strings"))
    if obj.get("id") is not None:
        check_id(str(obj["id"]), source)


def check_id(art_id: str, source: str = "<record>") -> str:
    """``art_id`` if it is a usable article id, else [E025] naming the record."""
    if not ID_PATTERN.fullmatch(art_id):
        reason = "at most 128 letters, digits and . _ : - , starting with a letter or digit"
        raise InputError(Errors.E025.format(id=art_id[:80], path=source, reason=reason))
    return art_id


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def from_record(obj: dict[str, Any], source: str = "<record>") -> Article:
    """An article from a JSON record with ``text`` or ``html`` (CONTRACT.md, Input)."""
    check_record(obj, source)
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
    for key in ("title", "outlet", "url", "published", "retrieved", "author"):
        if obj.get(key):
            given[key] = obj[key]
    if "retrieved" in given:
        _given_day(given["retrieved"], "retrieved", source)
    published = DateRange()
    if isinstance(given.get("published"), str):
        day = _given_day(given["published"], "published", source)
        published = DateRange(day, day, 1.0, f"given in the input: published {day}")
    art_id = str(obj["id"]) if obj.get("id") is not None else content_id(body)
    named = obj.get(SOURCE_FIELD)
    named = " ".join(SOURCE_CHARS.sub(" ", named).split())[:200] if isinstance(named, str) else ""
    return Article(
        id=art_id,
        source=named or source,
        raw_text=text if isinstance(text, str) else "",
        format="text" if isinstance(text, str) else "html",
        html=html if not isinstance(text, str) else None,
        url=given.get("url"),
        published=published,
        given=given,
    )
