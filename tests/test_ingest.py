"""Reading inputs: encodings, compression, stdin, folders, globs, JSONL, and bad input by name."""

from __future__ import annotations

import builtins
import codecs
import gzip
import io
import json
import os
import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsprism
from newsprism import settings
from newsprism.article import Article, Failure
from newsprism.errors import InputError
from newsprism.ingest import expand, iter_inputs, read_path
from newsprism.ingest.text import decode, decode_character_references

PAGE = (
    "Dockworkers walk out at the Port of Calderra\n"
    "By Lena Hartwig\n"
    "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, "
    "halting container traffic after talks over pay broke down late on Monday night.\n"
    "The union said the walkout would last at least 72 hours, and the port authority said its offer stood.\n"
)
ACCENTED = (
    "Café crème in São Tomé: the naïve façade of the señora’s “résumé”.\n"
    "Les dockers du port de Calderra ont voté la grève mardi; l’élève a goûté la spécialité.\n"
)


def _one(path: Path | str) -> Article:
    [art] = read_path(str(path))
    assert isinstance(art, Article)
    return art


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ------------------------------------------------------------------ encodings


def test_ingest_utf8_keeps_no_break_spaces(tmp_path: Path) -> None:
    text = "Strike\u00a0at Calderra\nPickets gathered at 6\u00a0a.m. on Tuesday.\n"
    art = _one(_write(tmp_path / "a.txt", text.encode("utf-8")))
    assert art.raw_text == text
    assert "\u00a0" in art.raw_text


def test_ingest_utf8_bom_is_dropped(tmp_path: Path) -> None:
    art = _one(_write(tmp_path / "a.txt", codecs.BOM_UTF8 + ACCENTED.encode("utf-8")))
    assert art.raw_text == ACCENTED


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_ingest_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    data = ACCENTED.encode(encoding)
    if encoding != "utf-16":  # utf-16 writes its own BOM; the others need one by hand
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    art = _one(_write(tmp_path / "a.txt", data))
    assert art.raw_text == ACCENTED


def test_ingest_cp1252_accents_decoded_right(tmp_path: Path) -> None:
    # cp1250 decodes these bytes too ("crčme"); the cp1252 reading is the right one.
    art = _one(_write(tmp_path / "a.txt", ACCENTED.encode("cp1252")))
    assert art.raw_text == ACCENTED


def test_ingest_latin1_accents_decoded_right(tmp_path: Path) -> None:
    text = "Die Hafenarbeiter in Calderra streikten am Dienstag für höhere Löhne; die Straßenbahn fuhr nicht.\n"
    art = _one(_write(tmp_path / "a.txt", text.encode("latin-1")))
    assert art.raw_text == text


def test_ingest_crlf_and_cr_become_newlines(tmp_path: Path) -> None:
    art = _one(_write(tmp_path / "a.txt", b"Headline here\r\nFirst line\rSecond line\r\n"))
    assert art.raw_text == "Headline here\nFirst line\nSecond line\n"


@given(st.binary(max_size=300))
def test_ingest_decode_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except InputError as exc:
        assert exc.code.startswith("E")
        assert "fuzz.txt" in str(exc)
    else:
        assert isinstance(text, str)
        assert "\r" not in text


@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and "\x00" not in t))
def test_ingest_decode_reads_back_utf8_text(text: str) -> None:
    try:
        got = decode(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except InputError:
        return  # control characters or no text: refused by name, which is allowed
    assert got == text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------ gzip, stdin, ids


def test_ingest_gzip_is_decompressed(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.txt.gz", gzip.compress(PAGE.encode("utf-8")))
    art = _one(path)
    assert art.raw_text == PAGE
    assert art.source == str(path)
    assert art.format == "text"


def test_ingest_broken_gzip_fails_by_name(tmp_path: Path) -> None:
    bad = _write(tmp_path / "broken.txt.gz", gzip.compress(PAGE.encode("utf-8"))[:20])
    [f] = list(iter_inputs([bad]))
    assert isinstance(f, Failure)
    assert f.code == "E002"
    assert str(bad) in f.message


def test_ingest_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(PAGE.encode("utf-8"))))
    [art] = list(iter_inputs(["-"]))
    assert isinstance(art, Article)
    assert art.source == "<stdin>"
    assert art.raw_text == PAGE


def test_ingest_id_is_stable_and_identical_files_stay_distinct(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", PAGE)
    b = _write(tmp_path / "b.txt", PAGE)
    first = [x.id for x in iter_inputs([a, b])]
    assert first == [x.id for x in iter_inputs([a, b])]
    assert first[1] == first[0] + "-2"
    assert _one(a).id == first[0]


def test_ingest_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    art = _one(_write(tmp_path / "page.txt", "<!DOCTYPE html><html><body><p>Hello there</p></body></html>"))
    assert art.format == "html"
    assert art.html is not None


# ------------------------------------------------------------------ folders and globs


def test_ingest_folder_is_read_recursively_and_skips_docs(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", PAGE)
    _write(tmp_path / "sub" / "deeper" / "b.html", "<html><body><p>Hello</p></body></html>")
    _write(tmp_path / "sub" / "c.jsonl", json.dumps({"text": PAGE}) + "\n")
    _write(tmp_path / "sub" / "d.txt.gz", gzip.compress(PAGE.encode()))
    _write(tmp_path / "README.md", "# Not an article\n")
    _write(tmp_path / "sub" / "LICENSE.txt", "MIT\n")
    _write(tmp_path / "notes.pdf", b"%PDF-1.4")
    _write(tmp_path / ".hidden.txt", PAGE)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand([tmp_path])]
    assert found == ["a.txt", "sub/c.jsonl", "sub/d.txt.gz", "sub/deeper/b.html"]


def test_ingest_examples_readme_is_skipped(examples: Path) -> None:
    found = [Path(p).name for p in expand([examples])]
    assert "README.md" not in found
    assert len(found) == 7


def test_ingest_empty_folder_fails_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [f] = list(expand([tmp_path / "empty"]))
    assert isinstance(f, Failure)
    assert f.code == "E014"
    assert str(tmp_path / "empty") in f.message


def test_ingest_glob(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", PAGE)
    _write(tmp_path / "b.txt", PAGE.replace("Tuesday", "Wednesday"))
    _write(tmp_path / "c.html", "<html><body><p>Hello</p></body></html>")
    got = list(expand([str(tmp_path / "*.txt")]))
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    recursive = list(expand([str(tmp_path / "**" / "*.html")]))
    assert recursive == [str(tmp_path / "c.html")]


def test_ingest_glob_without_match_fails_by_name(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.nothing")
    [f] = list(expand([pattern]))
    assert isinstance(f, Failure)
    assert f.code == "E014"
    assert pattern in f.message


# ------------------------------------------------------------------ JSONL


def test_ingest_jsonl_given_fields_win(tmp_path: Path) -> None:
    rec = {
        "id": "given-id",
        "url": "https://bulletin.example.org/strike",
        "title": "Ships queue off Calderra",
        "outlet": "Coastline Bulletin",
        "published": "2025-03-05",
        "text": "A different headline the cleaner might pick\nShips queue off Calderra\n"
        "At least fourteen cargo ships were waiting at anchor off the port on Wednesday, pilots said.\n",
    }
    path = _write(tmp_path / "r.jsonl", json.dumps(rec) + "\n")
    d = newsprism.analyze(path)
    [a] = d.articles
    assert a.id == "given-id"
    assert a.title == "Ships queue off Calderra"
    assert a.outlet == "Coastline Bulletin"
    assert a.url == rec["url"]
    assert (a.published.earliest, a.published.latest) == ("2025-03-05", "2025-03-05")
    assert a.source == f"{path}:1"


def test_ingest_jsonl_bad_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    good = {"id": "one", "text": PAGE}
    lines = [
        json.dumps(good),
        '{"id": "two", "text": "unterminated',
        "",
        json.dumps({"id": "three", "text": PAGE}),
        "[1, 2]",
    ]
    path = _write(tmp_path / "r.jsonl", "\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    assert [x.id for x in items if isinstance(x, Article)] == ["one", "three"]
    failures = [x for x in items if isinstance(x, Failure)]
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:5"]
    assert all(f.code == "E007" for f in failures)
    assert f"{path}:2" in failures[0].message


def test_ingest_jsonl_record_without_text_fails(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "r.jsonl", json.dumps({"id": "x", "title": "No text"}) + "\n" + json.dumps({"text": PAGE}) + "\n"
    )
    items = list(iter_inputs([path]))
    assert isinstance(items[0], Failure) and items[0].source == f"{path}:1"
    assert isinstance(items[1], Article)


def test_ingest_jsonl_bad_published_fails(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.jsonl", json.dumps({"text": PAGE, "published": "last Tuesday"}) + "\n")
    [f] = list(iter_inputs([path]))
    assert isinstance(f, Failure)
    assert "last Tuesday" in f.message


def test_ingest_jsonl_html_record(tmp_path: Path) -> None:
    html = "<html><body><h1>Cranes move again</h1><p>" + PAGE.split("\n")[2] + "</p></body></html>"
    path = _write(tmp_path / "r.jsonl", json.dumps({"id": "h", "html": html}) + "\n")
    d = newsprism.analyze(path)
    [a] = d.articles
    assert a.format == "html"
    assert "Thousands of dockworkers" in a.body


# ------------------------------------------------------------------ bad input, by name


def _fails_by_name(tmp_path: Path, bad: Path | str, code: str) -> Failure:
    """``bad`` fails with ``code``, names itself, and a good file beside it is still analysed."""
    good = _write(tmp_path / "good.txt", PAGE)
    d = newsprism.analyze([good, bad])
    assert [a.source for a in d.articles] == [str(good)]
    [f] = d.failures
    assert f.code == code, f.message
    assert f.source == str(bad)
    assert str(bad) in f.message
    assert f.message.startswith(f"[{code}]")
    return f


def test_ingest_empty_file(tmp_path: Path) -> None:
    _fails_by_name(tmp_path, _write(tmp_path / "empty.txt", b""), "E003")


def test_ingest_whitespace_only_file(tmp_path: Path) -> None:
    _fails_by_name(tmp_path, _write(tmp_path / "blank.txt", b" \n\t\r\n  \n"), "E003")


def test_ingest_binary_png(tmp_path: Path) -> None:
    f = _fails_by_name(tmp_path, _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "E004")
    assert "PNG" in f.message


def test_ingest_binary_nul_bytes(tmp_path: Path) -> None:
    f = _fails_by_name(tmp_path, _write(tmp_path / "dump.txt", b"some text\x00\x01\x02 more\x00" * 50), "E004")
    assert "NUL" in f.message


def test_ingest_undecodable_garbage(tmp_path: Path) -> None:
    import random

    rng = random.Random(20250304)
    garbage = bytes(rng.randrange(1, 256) for _ in range(4000))
    _fails_by_name(tmp_path, _write(tmp_path / "garbage.txt", garbage), "E005")


def test_ingest_truncated_html_without_text(tmp_path: Path) -> None:
    _fails_by_name(tmp_path, _write(tmp_path / "cut.html", "<html><head><title>x"), "E016")


def test_ingest_truncated_html_with_text_still_works(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Dockworkers walk out</title></head><body><h1>Dockworkers walk out</h1>"
        "<p>Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, "
        "halting container traffic after talks over pay broke down.</p><p>The union said the walk"
    )
    path = _write(tmp_path / "cut.html", html)
    d = newsprism.analyze(path)
    assert d.failures == []
    [a] = d.articles
    assert a.title == "Dockworkers walk out"
    assert "Thousands of dockworkers" in a.body


def test_ingest_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    if "NEWSPRISM_MAX_BYTES" in os.environ:  # a deployment's own limit: test the default
        monkeypatch.setattr(settings, "MAX_BYTES", 20 * 1024 * 1024)
    assert settings.MAX_BYTES == 20 * 1024 * 1024
    f = _fails_by_name(tmp_path, big, "E006")
    assert str(50 * 1024 * 1024) in f.message


def test_ingest_size_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_BYTES", len(PAGE.encode()) + 10)
    _fails_by_name(tmp_path, _write(tmp_path / "long.txt", PAGE * 3), "E006")


def test_ingest_missing_path(tmp_path: Path) -> None:
    _fails_by_name(tmp_path, tmp_path / "no-such-file.txt", "E001")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_unreadable_file_chmod(tmp_path: Path) -> None:
    bad = _write(tmp_path / "locked.txt", PAGE)
    bad.chmod(0)
    try:
        _fails_by_name(tmp_path, bad, "E002")
    finally:
        bad.chmod(0o644)


def test_ingest_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file modes, so the refusal is simulated where the file is opened.
    import newsprism.ingest as ingest

    bad = _write(tmp_path / "locked.txt", PAGE)

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(bad):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", fake_open, raising=False)
    f = _fails_by_name(tmp_path, bad, "E002")
    assert "Permission denied" in f.message


def test_ingest_markdown_character_references_are_decoded(tmp_path: Path) -> None:
    # A scraped Markdown dump kept &quot; and &#x27;: quotes went unseen, "Korea&#x27;s" became an actor.
    p = tmp_path / "dump.md"
    p.write_text("# Minister&#x27;s visit\n\nThe minister said &quot;we will talk&quot; on Monday. AT&T and R&D stay.\n", encoding="utf-8")
    (art,) = read_path(str(p))
    assert isinstance(art, Article)
    assert art.raw_text == "# Minister's visit\n\nThe minister said \"we will talk\" on Monday. AT&T and R&D stay.\n"


def test_ingest_plain_text_and_jsonl_keep_character_references_literally(tmp_path: Path) -> None:
    # Only Markdown decodes them; a record's "text" is text, and offsets must index the user's string.
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "He said &ldquo;yes&rdquo; &amp; left."}) + "\n", encoding="utf-8")
    (art,) = read_path(str(p))
    assert isinstance(art, Article)
    assert art.raw_text == "He said &ldquo;yes&rdquo; &amp; left."
    t = tmp_path / "a.txt"
    t.write_text("Fish &amp; chips.\n", encoding="utf-8")
    (art2,) = read_path(str(t))
    assert isinstance(art2, Article) and art2.raw_text == "Fish &amp; chips.\n"


@given(st.text(alphabet=st.sampled_from(list("ab &;#x27quotmp\n")), max_size=60))
def test_ingest_character_references_decoding_never_grows_text(text: str) -> None:
    out = decode_character_references(text)
    assert len(out) <= len(text)
    assert decode_character_references(text.replace("&", "")) == text.replace("&", "")


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("field", "value", "code"),
    [("url", 42, "E007"), ("title", ["a", "b"], "E007"), ("published", 20250305, "E007"), ("text", 7, "E007"),
     ("author", [1], "E007"), ("outlet", True, "E007"), ("id", "../x", "E025"), ("id", "x" * 200, "E025")],
)  # fmt: skip
def test_jsonl_record_with_a_wrong_type_is_named_with_its_field(tmp_path: Path, field: str, value: object, code: str) -> None:
    """Regression: ``"url": 42`` was stored and crashed the report; ``"published": 20250305`` was ignored."""
    import json

    src = tmp_path / "in.jsonl"
    good = {"text": "A headline\nThe council met on Monday, the mayor said.\n"}
    src.write_text(json.dumps(good) + "\n" + json.dumps(good | {field: value}) + "\n", encoding="utf-8")
    got = list(iter_inputs([src]))
    assert isinstance(got[0], Article)
    assert isinstance(got[1], Failure) and got[1].code == code and got[1].source.endswith(":2")
    assert (field in got[1].message) or code == "E025"


@pytest.mark.issue(19)
def test_binary_that_looks_like_utf16_is_refused_and_deep_json_is_a_bad_record(tmp_path: Path) -> None:
    """Review findings: UTF-16-looking control bytes passed as text; a JSONL line nested past
    Python's recursion limit stopped the whole run."""
    with pytest.raises(InputError, match=r"\[E004\]"):
        decode(b"\x01\x00\x02\x00" * 100, "x.txt")
    src = tmp_path / "deep.jsonl"
    src.write_text("[" * 100_000 + "\n" + json.dumps({"text": "A headline\nThe council met on Monday, the mayor said.\n"}) + "\n", encoding="utf-8")
    got = list(iter_inputs([src]))
    assert isinstance(got[0], Failure) and got[0].code == "E007" and isinstance(got[1], Article)


def test_record_source_names_where_it_came_from() -> None:
    """The web app names where a record came from ("web form: x.txt"; it stored its server's
    temporary file before, #25) under its own key: a news API's "source" (an object, or an outlet
    name) is no error and no source, as before."""
    from newsprism.ingest import SOURCE_FIELD, check_record, from_record

    a = from_record({"text": "Harbour reopens\nThe harbour reopened on Friday, officials said.", SOURCE_FIELD: "web form: x.txt"}, source="f.jsonl:1")
    assert a.source == "web form: x.txt"
    assert from_record({"text": "Harbour reopens on Friday.", SOURCE_FIELD: "  \t "}, source="f.jsonl:2").source == "f.jsonl:2"
    assert from_record({"text": "Harbour reopens on Friday.", SOURCE_FIELD: "a\u202eb\x00c"}, source="f.jsonl:2").source == "a b c"
    newsapi = {"text": "Harbour reopens on Friday.", "source": {"id": "bbc-news", "name": "BBC News"}}
    check_record(newsapi)
    assert from_record(newsapi, source="n.jsonl:1").source == "n.jsonl:1"
    assert from_record({"text": "Harbour reopens on Friday.", "source": "Reuters"}, source="n.jsonl:2").source == "n.jsonl:2"
