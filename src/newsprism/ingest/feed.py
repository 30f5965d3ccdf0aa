"""News feeds (RSS 0.9x-2.0, RSS 1.0/RDF, Atom): every entry becomes an article.

A saved feed is how a story is monitored over time: each entry names its link, title,
date and author, and carries the story's text in full (``content:encoded``, Atom
``content``) or as a summary (``description``, ``summary``). The entry's markup goes
through the HTML path like any page, under its own title; its link and date are
given values, so they win over anything the text suggests. An entry whose feed gives
only a summary says so in ``given["feed_text"]`` ("summary"): a short text, not the
whole article.

The feed is parsed from bytes by feedparser (which sanitises the markup) and is never
fetched: a feed's own links are not followed.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import io
import re
from collections.abc import Iterator
from typing import Any

from newsprism.article import Article, DateRange, Failure
from newsprism.errors import Errors
from newsprism.ingest.text import content_id

# The root element of a feed, after any XML declaration, comments and processing instructions.
FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF)\b[^>]*>", re.I)


def looks_like_feed(text: str) -> bool:
    """Whether ``text`` is an RSS, RDF or Atom document (its root element, within the first 2,000 characters)."""
    head = text.lstrip()[:2000]
    if not head.startswith("<"):
        return False
    stripped = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", head, flags=re.S).lstrip()
    m = FEED_ROOT.match(stripped)
    if not m:
        return False
    root = m.group(1).lower()
    return root != "rdf" or "rss" in m.group(0).lower() or "purl.org/rss" in head


def _entry_markup(entry: Any) -> tuple[str, str]:
    """The entry's text as markup, and which it is ("content" or "summary")."""
    best = ""
    for c in entry.get("content") or []:
        value = str(c.get("value") or "")
        if len(value) > len(best):
            best = value if "html" in str(c.get("type", "html")) else f"<p>{html_lib.escape(value)}</p>"
    if best.strip():
        return best, "content"
    summary = str(entry.get("summary") or "")
    detail = entry.get("summary_detail") or {}
    if summary and "html" not in str(detail.get("type", "text/html")):
        summary = "".join(f"<p>{html_lib.escape(p.strip())}</p>" for p in summary.split("\n") if p.strip())
    return summary, "summary"


def _entry_day(entry: Any) -> tuple[str | None, str]:
    for key, what in (("published_parsed", "published"), ("updated_parsed", "updated"), ("created_parsed", "created")):
        t = entry.get(key)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat(), what
            except (ValueError, AttributeError):
                continue
    return None, ""


def read_feed(source: str, data: bytes) -> Iterator[Article | Failure]:
    """Every entry of the feed ``data`` (read from ``source``) as an HTML article, or a failure naming the entry."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never opens a URL or a path for it
    entries = list(parsed.get("entries") or [])
    if not entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield Failure(source, "E018", Errors.E018.format(path=source, reason=reason))
        return
    feed_title = str((parsed.get("feed") or {}).get("title") or "")
    for n, entry in enumerate(entries, 1):
        link = str(entry.get("link") or "")
        where = f"{source}#{link or f'entry{n}'}"
        markup, kind = _entry_markup(entry)
        title = str(entry.get("title") or "").strip()
        if not re.sub(r"<[^>]+>", "", markup).strip():
            yield Failure(where, "E003", Errors.E003.format(path=where))
            continue
        heading = f"<h1>{html_lib.escape(title)}</h1>\n" if title else ""
        page = f"<html><head><title>{html_lib.escape(title)}</title></head><body><article>{heading}{markup}</article></body></html>"
        given: dict[str, Any] = {"feed_text": kind}
        if feed_title:
            given["feed"] = feed_title
        if title:
            given["title"] = title
        if link:
            given["url"] = link
        author = str(entry.get("author") or "").strip()
        if author:
            given["author"] = author
        day, what = _entry_day(entry)
        published = DateRange()
        if day:
            given["published"] = day
            published = DateRange(day, day, 1.0, f"the feed entry's {what} date: {day}")
        yield Article(
            id=content_id(page),
            source=where,
            raw_text="",
            format="html",
            html=page,
            url=link or None,
            published=published,
            given=given,
        )
