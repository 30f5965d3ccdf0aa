"""The command line, through typer's CliRunner (no subprocess, no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import __version__
from newsprism.article import Dossier
from newsprism.cli import app
from newsprism.storage import SQLiteStore

PAGE = (
    "Dockworkers walk out at Port of Calderra\n"
    "By Lena Hartwig\n"
    "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning, halting container traffic.\n"
    "The union said the walkout would last at least 72 hours, and the port authority said its offer stood.\n"
    "Most Read\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def test_cli_version(runner: CliRunner) -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0
    assert __version__ in res.stdout


def test_cli_analyze_json(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "dossier.json"
    res = runner.invoke(app, ["analyze", str(good), "--json", str(out)])
    assert res.exit_code == 0, res.output
    d = Dossier.from_json(out.read_text(encoding="utf-8"))
    [a] = d.articles
    assert a.title == "Dockworkers walk out at Port of Calderra"
    assert "1 article(s)" in res.stdout
    assert not (out.parent / "dossier.json.tmp").exists()


def test_cli_analyze_out_dir(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["analyze", str(good), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    d = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    [art] = d["articles"]
    assert json.loads((out / f"{art['id']}.json").read_text(encoding="utf-8")) == art
    assert "article(s)" not in res.stdout  # --quiet: no summary table


def test_cli_analyze_db_then_show(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    res = runner.invoke(app, ["analyze", str(good), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    with SQLiteStore(db) as s:
        [art] = list(s.iter())
    # Running again updates the store rather than adding a copy.
    assert runner.invoke(app, ["analyze", str(good), "--db", str(db), "-q"]).exit_code == 0
    with SQLiteStore(db) as s:
        assert s.count() == 1

    res = runner.invoke(app, ["show", art.id[:8], "--db", str(db)])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("Dockworkers walk out at Port of Calderra")
    assert any(line.split()[:2] == ["1", "title"] for line in lines)
    assert any(line.split()[:2] == ["2", "metadata"] and "By Lena Hartwig" in line for line in lines)
    assert any(line.split()[:2] == ["3", "body"] and "Thousands of dockworkers" in line for line in lines)
    assert any(line.split()[:2] == ["5", "boilerplate"] and "Most Read" in line for line in lines)

    body_only = runner.invoke(app, ["show", art.id, "--db", str(db), "--role", "body"])
    assert body_only.exit_code == 0
    assert "Most Read" not in body_only.stdout and "Thousands of dockworkers" in body_only.stdout


def test_cli_show_from_json(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    runner.invoke(app, ["analyze", str(good), "--json", str(out), "-q"])
    art_id = json.loads(out.read_text(encoding="utf-8"))["articles"][0]["id"]
    res = runner.invoke(app, ["show", art_id, "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "By Lena Hartwig" in res.stdout


def test_cli_show_unknown_id_fails(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    runner.invoke(app, ["analyze", str(good), "--db", str(db), "-q"])
    res = runner.invoke(app, ["show", "nosuchid", "--db", str(db)])
    assert res.exit_code != 0
    assert "[E013]" in res.output
    assert "nosuchid" in res.output


def test_cli_show_unknown_id_in_json_fails(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    runner.invoke(app, ["analyze", str(good), "--json", str(out), "-q"])
    res = runner.invoke(app, ["show", "nosuchid", "--json", str(out)])
    assert res.exit_code != 0
    assert "[E013]" in res.output


def test_cli_bad_input_names_the_file_and_keeps_the_good_one(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.json"
    res = runner.invoke(app, ["analyze", str(good), str(empty), "--json", str(out)])
    assert res.exit_code == 1
    naming = [line for line in res.stderr.splitlines() if "empty.txt" in line]
    assert len(naming) == 1, res.stderr
    assert "[E003]" in naming[0]
    d = Dossier.from_json(out.read_text(encoding="utf-8"))
    assert [a.source for a in d.articles] == [str(good)]
    assert [f.source for f in d.failures] == [str(empty)]


def test_cli_only_bad_inputs_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2
    assert "[E001]" in res.stderr and "missing.txt" in res.stderr


def test_cli_stages(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import cli

    monkeypatch.setattr(cli.out, "width", 300)  # wide enough that no name is folded across lines
    res = runner.invoke(app, ["stages"])
    assert res.exit_code == 0
    for name in ("newsprism.clean.v1", "newsprism.metadata.v1", "newsprism.language.v1"):
        assert name in res.stdout


def test_cli_no_args_shows_help(runner: CliRunner) -> None:
    res = runner.invoke(app, [])
    assert "analyze" in res.output and "show" in res.output


@pytest.mark.issue(19)
def test_cli_out_dir_never_writes_outside_it_whatever_the_id(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: ``analyze --out DIR`` wrote ``DIR/{id}.json``, so a record's id "../../x"
    wrote outside DIR. Ids are checked on input ([E025]) and file names made safe anyway."""
    import json

    from newsprism.article import file_stem

    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "../../outside", "text": "Bad id\nA record whose id climbs out of the folder.\n"},
        {"id": "/etc/abs", "text": "Bad id\nA record whose id is an absolute path.\n"},
        {"id": "fine-1", "text": "Good id\nA record with a plain id, said the clerk.\n"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    res = runner.invoke(app, ["analyze", str(src), "--out", str(out), "-q"])
    assert res.exit_code == 1, res.output
    assert res.output.count("E025") == 2
    assert not (tmp_path / "outside.json").exists() and not Path("/etc/abs.json").exists()
    written = sorted(p.name for p in out.glob("*.json"))
    assert "fine-1.json" in written and all((out / name).resolve().parent == out.resolve() for name in written)
    for bad in ("../../outside", "/etc/abs", "a/b", ".hidden", "x" * 300, "née"):
        stem = file_stem(bad)
        assert "/" not in stem and not stem.startswith(".") and len(stem) <= 100
    assert file_stem("../x") != file_stem("..-x") and file_stem("fine-1") == "fine-1"


@pytest.mark.issue(19)
def test_cli_title_with_a_right_to_left_override_is_shown_without_it(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: U+202E in a title reached the dossier and reordered the terminal table."""
    src = tmp_path / "rtl.txt"
    src.write_text("Harbour \u202eevil\u202c news\nThe harbour reopened on Monday, officials said.\n", encoding="utf-8")
    json_out = tmp_path / "d.json"
    res = runner.invoke(app, ["analyze", str(src), "--json", str(json_out)])
    assert res.exit_code == 0, res.output
    assert "\u202e" not in res.output
    import json

    assert json.loads(json_out.read_text(encoding="utf-8"))["articles"][0]["title"] == "Harbour evil news"


@pytest.mark.issue(19)
def test_cli_killed_write_leaves_no_temporary_file(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    """Regression: a kill left a 0-byte ``dossier.json.tmp`` beside the output."""
    import os
    import time

    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".dossier.json.abc123.tmp"
    stale.write_text("")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert runner.invoke(app, ["analyze", str(good), "--json", str(out / "dossier.json"), "-q"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["dossier.json"]


def _store_with(db: Path, *ids: str) -> None:
    from newsprism.article import Article

    with SQLiteStore(db) as s:
        s.put_dossier(Dossier(articles=[Article(id=i, source=f"{i}.txt", raw_text=f"Text of {i}.") for i in ids]))


@pytest.mark.parametrize("command", [["show", "abc"], ["report"], ["serve"]])
def test_cli_reading_command_refuses_a_missing_store(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    """A mistyped store path is refused with [E028]; it never becomes a new, empty store (#25)."""
    db = tmp_path / "nosuch.db"
    res = runner.invoke(app, [*command, "--db", str(db)])
    assert res.exit_code != 0
    assert "[E028]" in res.output
    assert not db.exists()


def test_cli_show_ambiguous_prefix_lists_the_matches(runner: CliRunner, tmp_path: Path) -> None:
    """`show PREFIX` with two matches says it is ambiguous and lists them, not "not found" (#25);
    a LIKE wildcard in the prefix matches itself only."""
    db = tmp_path / "news.db"
    _store_with(db, "abc1", "abc2", "xyz")
    res = runner.invoke(app, ["show", "abc", "--db", str(db)])
    assert res.exit_code != 0
    assert "[E029]" in res.output and "abc1" in res.output and "abc2" in res.output
    assert runner.invoke(app, ["show", "xy", "--db", str(db)]).exit_code == 0
    assert "[E013]" in runner.invoke(app, ["show", "%", "--db", str(db)]).output
    assert "[E013]" in runner.invoke(app, ["show", "_", "--db", str(db)]).output


def test_cli_show_prints_the_publication_date_and_its_evidence(runner: CliRunner, good: Path, tmp_path: Path) -> None:
    """`show` printed "published: inferred" without the date; it prints the date or "unknown" (#25)."""
    out = tmp_path / "d.json"
    runner.invoke(app, ["analyze", str(good), "--json", str(out), "-q"])
    art = json.loads(out.read_text(encoding="utf-8"))["articles"][0]
    res = runner.invoke(app, ["show", art["id"], "--json", str(out)])
    line = next(x for x in res.stdout.splitlines() if x.startswith("published="))
    pub = art["published"]
    assert (pub["earliest"] or "unknown") in line


def test_cli_verbose_logs_each_stages_decisions_per_article(runner: CliRunner, good: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`-v` logged one line for the whole run; it logs what each stage decided for each article:
    the lines' roles, the outlet and why, the date, the quotes with a speaker (#25)."""
    import logging

    caplog.set_level(logging.INFO, logger="newsprism.pipeline")
    res = runner.invoke(app, ["-v", "analyze", str(good), "--json", str(tmp_path / "d.json"), "-q"])
    assert res.exit_code == 0, res.output
    logged = [r.getMessage() for r in caplog.records if r.name == "newsprism.pipeline"]
    by_stage = {m.split()[1].rstrip(":"): m for m in logged}
    assert "1 title" in by_stage["newsprism.clean.v1"] and "boilerplate" in by_stage["newsprism.clean.v1"]
    assert "outlet" in by_stage["newsprism.metadata.v1"] and "authors 1" in by_stage["newsprism.metadata.v1"]
    assert "published" in by_stage["newsprism.pubdate.v1"]
    assert "with a speaker" in by_stage["newsprism.quotes.v1"]


def test_cli_nothing_readable_prints_no_empty_table(runner: CliRunner, tmp_path: Path) -> None:
    """A run with nothing readable printed an empty table; it prints the errors alone (#25)."""
    res = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2 and "0 article(s)" not in res.stdout and "┏" not in res.stdout


def test_cli_web_address_points_to_fetch(runner: CliRunner) -> None:
    """A web address as input says how to fetch it (#25)."""
    res = runner.invoke(app, ["analyze", "https://example.org/a"])
    assert res.exit_code == 2 and "[E019]" in res.stderr and "newsprism fetch https://example.org/a --warc" in res.stderr
