"""Web archives (WARC, and the older ARC): every archived HTML page becomes an article.

A crawl (Common Crawl's CC-NEWS, a ``wget --warc-file`` run, a Browsertrix or Heritrix
job) stores each fetched page as a ``response`` record: the HTTP headers, then the
payload. A page archived without its headers (a ``resource`` record) is read too.

* Read: records whose status is 200 and whose payload is HTML (the ``Content-Type``
  header, else the payload's first bytes). Redirects, errors, robots.txt, images,
  scripts, ``request``/``metadata``/``revisit`` records are skipped, and counted in the log.
* Each article keeps the archived address (``url``, which the outlet and publication
  date stages read) and the day it was fetched (``given["retrieved"]``: no page was
  published after it was fetched, so it bounds an inferred publication date).
* The archive is streamed, record by record: a WARC file is not held to the per-file
  size limit (CC-NEWS files are about 1 GB), but every payload is
  (``NEWSPRISM_MAX_BYTES``).
* A record that cannot be read is a failure named ``FILE#URL``; a file that breaks
  off (truncated gzip, not an archive at all) is a failure named by the file, and
  every page read before the break is kept.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from newsprism import settings
from newsprism.article import Article, Failure
from newsprism.errors import Errors, InputError
from newsprism.ingest.text import content_id, decode

LOGGER = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
BUFFER = 1 << 16
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
HTML_HEAD = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def is_warc(path: str) -> bool:
    """Whether ``path`` names a web archive (``.warc``, ``.arc``, either gzipped)."""
    name = path.lower()
    if name.endswith(settings.COMPRESSED_EXTENSIONS):
        name = name.rsplit(".", 1)[0]
    return name.endswith(settings.WARC_EXTENSIONS)


def _header(headers: Any, name: str) -> str:
    if headers is None:
        return ""
    return str(headers.get_header(name) or "")


def _is_html(content_type: str, payload_head: bytes) -> bool:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype:
        return ctype in HTML_TYPES
    return HTML_HEAD.match(payload_head) is not None


def decode_payload(data: bytes, where: str, content_type: str) -> str:
    """The payload as text: the charset the server declared when it decodes cleanly, else detected."""
    m = CHARSET.search(content_type)
    if m and data.strip():
        try:
            text = data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if "\x00" not in text[:8192]:
                return decode(text.encode("utf-8"), where)  # the same checks and newlines as any input
    return decode(data, where)


def _drain(rec: Any) -> bool:
    """Read what is left of a record; whether it held all the bytes its header promised."""
    raw = rec.raw_stream
    while raw.read(BUFFER):
        pass
    return int(getattr(raw, "limit", 0) or 0) <= 0


def read_warc(path: str) -> Iterator[Article | Failure]:
    """Every HTML page archived in the WARC or ARC file ``path``, or a failure naming what broke."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    pages = records = 0
    try:
        fh = open(path, "rb")  # noqa: SIM115 — closed below, once the generator is done with it
    except OSError as exc:
        yield Failure(path, "E002", Errors.E002.format(path=path, reason=exc.strerror or exc))
        return
    try:
        archive = ArchiveIterator(fh, arc2warc=True)
        it = iter(archive)
        member = None  # the gzip member being read: a truncated last member never reaches its end
        while True:
            # warcio writes what it finds wrong to stderr and goes on; it is caught here and
            # becomes this file's failure.
            with contextlib.redirect_stderr(io.StringIO()) as complaints:
                rec = next(it, None)
            if complaints.getvalue().strip():
                raise ValueError(" ".join(complaints.getvalue().split())[:200])
            if rec is None:
                break
            records += 1
            if rec.rec_type is None:
                raise ValueError(f"record {records} is no WARC or ARC record (the file is cut short or corrupt)")
            member = getattr(archive.reader, "decompressor", None) or member
            article = _page(path, records, rec, skipped)
            if not _drain(rec):
                raise ValueError(f"record {records} ends before its stated length")
            if article is not None:
                if isinstance(article, Article):
                    pages += 1
                yield article
        if not records:
            raise ValueError("no WARC or ARC record in it")
        # The last record's gzip member ended early, or more data followed it that held no record.
        if member is not None and (not getattr(member, "eof", True) or len(getattr(member, "unused_data", b""))):
            raise ValueError(f"the gzip data after record {records} is cut short or corrupt")
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield Failure(path, "E017", Errors.E017.format(path=path, pages=pages, reason=exc))
    finally:
        fh.close()
    if skipped:
        LOGGER.info("%s: %d HTML page(s) read; skipped %s", path, pages, ", ".join(f"{v} {k}" for k, v in skipped.most_common()))


def _page(path: str, n: int, rec: Any, skipped: Counter[str]) -> Article | Failure | None:
    """The article in one archive record, a failure naming it, or None for a record that holds no page."""
    kind = rec.rec_type
    if kind not in ("response", "resource"):
        skipped[kind] += 1
        return None
    uri = _header(rec.rec_headers, "WARC-Target-URI")
    where = f"{path}#{uri or f'record{n}'}"
    if kind == "response":
        if rec.http_headers is None:
            skipped["response without HTTP headers"] += 1
            return None
        status = rec.http_headers.get_statuscode()
        if status != "200":
            skipped[f"status {status}"] += 1
            return None
        ctype = _header(rec.http_headers, "Content-Type")
    else:
        ctype = _header(rec.rec_headers, "Content-Type")
    data = rec.content_stream().read(settings.MAX_BYTES + 1)
    if not _is_html(ctype, data[:1024]):
        skipped[ctype.split(";", 1)[0].strip() or "not HTML"] += 1
        return None
    if len(data) > settings.MAX_BYTES:
        return Failure(where, "E006", Errors.E006.format(path=where, size=f">{settings.MAX_BYTES}", limit=settings.MAX_BYTES))
    try:
        html = decode_payload(data, where, ctype)
    except InputError as exc:
        return Failure(where, exc.code, str(exc))
    given: dict[str, Any] = {}
    if uri:
        given["url"] = uri
    fetched = _header(rec.rec_headers, "WARC-Date")[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", fetched):
        given["retrieved"] = fetched
    return Article(id=content_id(data), source=where, raw_text="", format="html", html=html, url=uri or None, given=given)
