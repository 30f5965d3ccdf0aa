"""A corpus of bad inputs, generated here, in one batch with good files (#19).

Every bad input is named with its coded error; every good article comes out exactly as in a
run over the good files alone; the inputs that are odd but readable (nested past the parser's
limit, UTF-8 with a stray byte, UTF-16 without a byte-order mark) are read, not refused.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

import newsprism
from newsprism import settings
from test_ingest_archives import CRAWL, _cut, _warc

LIMIT = 300_000  # bytes: NEWSPRISM_MAX_BYTES for this batch, so "huge" stays small on disk
STORY = "Karsk council passes a budget\nThe Karsk city council passed its budget on Thursday, the mayor said — by 21 votes to 9.\n"


def _gzip_bomb(path: Path, size: int) -> Path:
    """A small gzip file that expands to ``size`` bytes of spaces (no whole buffer in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    with open(path, "wb") as fh:
        left = size
        while left > 0:
            fh.write(comp.compress(chunk[: min(left, len(chunk))]))
            left -= len(chunk)
        fh.write(comp.flush())
    return path


def _bad_corpus(folder: Path) -> dict[str, str]:
    """Bad inputs by path, each with the code it must fail with."""
    folder.mkdir()
    bad: dict[str, str] = {}

    def put(name: str, data: bytes, code: str) -> Path:
        p = folder / name
        p.write_bytes(data)
        bad[str(p)] = code
        return p

    put("empty.txt", b"", "E003")
    put("blank.txt", b" \n\t\n", "E003")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E004")
    put("nul.txt", b"Some text\x00\x01\x02 and binary\x00" * 50, "E004")
    put("truncated.html", b"<html><head><title></title></head><body><div class=", "E016")
    put("huge.txt", (STORY * (LIMIT // len(STORY) + 10)).encode(), "E006")
    _gzip_bomb(folder / "bomb.txt.gz", 50 * LIMIT)
    bad[str(folder / "bomb.txt.gz")] = "E006"
    put("cut.txt.gz", gzip.compress(STORY.encode() * 50)[:-30], "E002")
    put("bad.jsonl", b'{"text": "A headline\\nA body line, the clerk said."}\n{"text": \n[1, 2]\n{"text": "T\\nB", "url": 42}\n{"id": "../../x", "text": "T\\nBody, said he."}\n', "E007")
    put("empty.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>', "E018")
    whole = _warc(folder / "crawl.warc.gz", [CRAWL[0], CRAWL[5]])
    cut = _cut(whole, whole.stat().st_size - 60)
    whole.unlink()
    bad[str(cut)] = "E017"
    os.mkfifo(folder / "pipe.txt")
    bad[str(folder / "pipe.txt")] = "E026"
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    bad[str(folder / "gone.txt")] = "E002"
    return bad


def cut_warc(tmp_path: Path) -> Path:
    return tmp_path / "bad" / "cut-crawl.warc.gz"


@pytest.mark.issue(19)
def test_bad_input_corpus_in_one_batch_with_good_files(tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_BYTES", LIMIT)
    bad = _bad_corpus(tmp_path / "bad")
    good = sorted(str(p) for p in examples.glob("0*"))
    sitemap = tmp_path / "sitemap.xml"  # named on the command line: a folder walk skips .xml
    sitemap.write_bytes(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/a</loc></url></urlset>')
    bad[str(sitemap)] = "E020"
    extra = ["/dev/zero", "https://example.org/story", str(tmp_path / "missing.txt"), str(sitemap), good[0]]  # good[0] twice: read once
    d = newsprism.analyze([*good, tmp_path / "bad", *extra])
    codes: dict[str, set[str]] = {}
    for f in d.failures:
        path = f.source.rsplit(":", 1)[0] if ".jsonl:" in f.source else f.source
        codes.setdefault(path, set()).add(f.code)
        assert f.message.startswith(f"[{f.code}]"), f
    for path, code in bad.items():
        assert code in codes.get(path, set()), f"{Path(path).name}: want {code}, got {codes.get(path)}"
    assert codes["/dev/zero"] == {"E026"} and codes["https://example.org/story"] == {"E019"}
    assert codes[str(tmp_path / "missing.txt")] == {"E001"}
    assert {"E007", "E025"} <= codes[str(tmp_path / "bad" / "bad.jsonl")]
    # The one good record of bad.jsonl and the page before the archive's break are articles;
    # nothing else of the bad corpus is.
    from_bad = sorted(a.source for a in d.articles if a.source.startswith(str(tmp_path)))
    assert from_bad == sorted([str(cut_warc(tmp_path)) + "#https://www.reuters.com/world/dock-strike", f"{tmp_path / 'bad' / 'bad.jsonl'}:1"])
    clean = newsprism.analyze(good)
    mine = {a.id: a.as_dict() for a in d.articles if not a.source.startswith(str(tmp_path))}
    assert mine.keys() == {a.id for a in clean.articles}  # the file named twice is one article
    # Corpus-wide layers (stories, actor ids) may take in the one good record; the articles'
    # own layers must be exactly those of a clean run.
    for a in clean.articles:
        want, got = a.as_dict(), mine[a.id]
        for key in ("raw_text", "lines", "title", "outlet", "published", "dates", "sentences", "entities", "genre", "evidence"):
            assert got[key] == want[key], (a.source, key)


@pytest.mark.issue(19)
def test_odd_but_readable_inputs_are_read(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><body><h1>Karsk budget vote</h1>" + "<div>" * 3000 + "<p>The council passed the budget on Thursday, the mayor said.</p>"
        + "</div>" * 3000 + "<p>After the nest: the vote was 21 to 9.</p></body></html>",
        encoding="utf-8",
    )
    stray = tmp_path / "stray.txt"
    stray.write_bytes(STORY.encode("utf-8").replace(b"Thursday", b"Thurs\xffday"))
    wide = tmp_path / "wide.txt"
    wide.write_bytes(STORY.encode("utf-16-le"))
    d = newsprism.analyze([deep, stray, wide])
    assert d.failures == []
    by = {Path(a.source).name: a for a in d.articles}
    assert "passed the budget" in by["deep.html"].raw_text and "After the nest" in by["deep.html"].raw_text
    assert "read as text" in by["deep.html"].evidence["html"]
    assert "mayor said — by 21" in by["stray.txt"].raw_text and "Thurs\ufffdday" in by["stray.txt"].raw_text
    assert by["wide.txt"].raw_text == STORY


@pytest.mark.issue(19)
def test_nesting_past_pythons_recursion_limit_keeps_every_word() -> None:
    """Regression: a page nested below 254 levels lost the rest of its text with exit 0."""
    from newsprism.ingest.html import read_page

    for depth in (300, 1500, 100_000):
        html = "<html><body>" + "<b>" * depth + "deep words here" + "</b>" * depth + "<p>closing paragraph</p></body></html>"
        blocks, _ = read_page(html)
        text = " ".join(b.text for b in blocks)
        assert "deep words here" in text and "closing paragraph" in text, depth


def test_gzip_limit_is_on_what_is_decompressed(tmp_path: Path) -> None:
    from newsprism.errors import InputError
    from newsprism.ingest.text import maybe_gunzip

    data = gzip.compress(b"x" * 5000) + gzip.compress(b"y" * 5000)  # two members
    assert maybe_gunzip(data, "two.gz", limit=10_000) == b"x" * 5000 + b"y" * 5000
    with pytest.raises(InputError, match=r"\[E006\].*decompressed"):
        maybe_gunzip(data, "two.gz", limit=9_999)
    assert json.loads(maybe_gunzip(gzip.compress(b'{"a": 1}'), "a.gz")) == {"a": 1}
