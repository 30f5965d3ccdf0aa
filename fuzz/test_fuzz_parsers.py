"""Fuzzing the parsers that read what users point newsprism at (#19): ``make fuzz``.

Each parser gets ``FUZZ_EXAMPLES`` (default 50,000) generated inputs and must either return
its result or raise the coded ``InputError`` it documents: never another exception, never a
hang. Not part of ``make test`` (minutes, not seconds).
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.article import Article, Failure
from newsprism.errors import InputError
from newsprism.ingest import from_record, read_path
from newsprism.ingest.feed import read_feed
from newsprism.ingest.html import read_page, text_blocks
from newsprism.ingest.text import decode, maybe_gunzip
from newsprism.timex import find_timexes

N = int(os.environ.get("FUZZ_EXAMPLES", "50000"))
FUZZ = settings(max_examples=N, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Pieces that make generated input look like what parsers meet, mixed with anything at all.
TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<b>", "<a href='x'>", "</a>", "<script>", "</script>", "<!--", "-->",
                        "<br/>", "&amp;", "&#x27;", "&nosuch;", "<h1>", "</h1>", "<figcaption>", "<", ">", "\x00", "\ufffd"])  # fmt: skip
HTMLISH = st.lists(st.one_of(TAGS, st.text(max_size=20)), max_size=60).map("".join)
DATE_WORDS = st.sampled_from(["Monday", "last week", "March 3", "2024", "the 1990s", "next year", "Dec. 28", "in 12 years",
                              "since 2009", "yesterday", "this month", "2016-02-03", "Q3", "summer", "noon", "ago", " ", ",", "."])  # fmt: skip
TIMEXISH = st.lists(st.one_of(DATE_WORDS, st.text(max_size=12)), max_size=30).map(" ".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12,
)
RECORD_KEYS = st.sampled_from(["text", "html", "id", "url", "title", "outlet", "published", "retrieved", "author", "other"])
RECORDS = st.dictionaries(RECORD_KEYS, JSON_VALUES | st.text(max_size=80), max_size=8)


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except InputError as exc:
        assert exc.code in ("E003", "E004", "E005"), exc
        return
    assert isinstance(text, str) and "\r" not in text


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_gunzip(data: bytes) -> None:
    try:
        maybe_gunzip(b"\x1f\x8b" + data, "fuzz.gz", limit=10_000)
    except InputError as exc:
        assert exc.code in ("E002", "E006"), exc


@FUZZ
@given(HTMLISH)
def test_fuzz_html(html: str) -> None:
    blocks, note = read_page(html)
    assert all(b.text.strip() for b in blocks) and isinstance(note, str)
    assert all(b.text.strip() for b in text_blocks(html))


@FUZZ
@given(RECORDS)
def test_fuzz_record(obj: dict[str, object]) -> None:
    try:
        art = from_record(obj, "fuzz")
    except InputError as exc:
        assert exc.code in ("E003", "E007", "E025"), exc
        return
    assert isinstance(art, Article) and isinstance(art.id, str)


@FUZZ
@given(st.lists(st.one_of(RECORDS.map(json.dumps), st.text(max_size=40)), max_size=5))
def test_fuzz_jsonl_file(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        try:
            got = read_path(str(path))
        except InputError:
            return
    assert all(isinstance(x, Article | Failure) for x in got)


@FUZZ
@given(st.one_of(st.binary(max_size=1500), HTMLISH.map(lambda s: f"<rss version='2.0'><channel><item>{s}</item></channel></rss>".encode("utf-8", "replace"))))
def test_fuzz_feed(data: bytes) -> None:
    try:
        got = list(read_feed("fuzz.rss", data))
    except InputError:
        return
    assert all(isinstance(x, Article | Failure) for x in got)


@FUZZ
@given(TIMEXISH)
def test_fuzz_timex(text: str) -> None:
    for t in find_timexes(text, date(2024, 3, 7)):
        assert 0 <= t.start <= t.end <= len(text)
