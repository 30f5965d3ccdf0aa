"""A store that grows batch by batch is one corpus: actors, events and stories merge across batches.

Regression: a second ``analyze --db`` had overwritten each actor's record with the second
batch's alone (the first batch's mentions were lost), and events and stories never merged
across batches.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from newsprism.errors import NewsprismError
from newsprism.pipeline import Pipeline
from newsprism.storage import ArticleStore, open_store


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ArticleStore]:
    s = open_store(tmp_path / "news.db") if request.param == "sqlite" else open_store("memory:")
    yield s
    s.close()


@pytest.fixture(scope="module")
def files(examples: Path) -> list[str]:
    return sorted(str(p) for p in examples.glob("0*"))


@pytest.fixture(scope="module")
def whole(files: list[str]) -> dict[str, Any]:
    return json.loads(newsprism.analyze(files).to_json())


def test_store_grown_in_two_batches_equals_one_run(store: ArticleStore, files: list[str], whole: dict[str, Any]) -> None:
    first = newsprism.update(store, files[:3])
    assert set(first.analyses) == {a.id for a in first.articles}
    grown = newsprism.update(store, files[3:])
    assert json.loads(grown.to_json()) == whole
    assert len(grown.analyses) == len(whole["articles"]) - len(first.articles)  # the first batch was not analysed again
    assert json.loads(store.load_dossier().to_json()) | {"failures": []} == whole | {"failures": []}


def test_actor_keeps_the_mentions_of_every_batch(store: ArticleStore, files: list[str]) -> None:
    newsprism.update(store, files[0])
    newsprism.update(store, [f for f in files if f.endswith(".html")])
    telling = next(a for a in store.load_dossier().actors if a.name == "Mara Telling")
    assert len({m.article for m in telling.mentions}) == 2


def test_same_inputs_again_update_rather_than_duplicate(store: ArticleStore, files: list[str], whole: dict[str, Any]) -> None:
    newsprism.update(store, files)
    again = newsprism.update(store, files)
    assert store.count() == len(whole["articles"])
    assert json.loads(again.to_json()) == whole


def test_an_analysis_by_another_pipeline_is_redone_from_the_stored_input(store: ArticleStore, files: list[str], whole: dict[str, Any]) -> None:
    newsprism.update(store, files[:5])  # the HTML page among them: its markup is kept as input
    renamed = Pipeline(config={"newsprism.genre.v1": {"languages": ["en"]}})  # same stages, other settings
    assert renamed.signature() != Pipeline().signature()
    d = newsprism.update(store, files[5:], pipeline=renamed)
    assert len(d.analyses) == len(whole["articles"])  # every stored article analysed again
    html = next(a for a in d.articles if a.source.endswith(".html"))
    assert html.outlet == "Maritime Ledger" and html.format == "html"  # the HTML path, not its text
    assert json.loads(d.to_json())["actors"] == whole["actors"]


def test_rows_an_older_version_wrote_are_analysed_again_from_their_text(tmp_path: Path, files: list[str]) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as s:  # type: ignore[attr-defined]
        newsprism.update(s, files[:2])
    db = sqlite3.connect(path)
    db.execute("UPDATE articles SET input = NULL, analysis = NULL, pipeline = NULL")  # as version 0.1 left them
    db.commit()
    db.close()
    with open_store(path) as s:  # type: ignore[attr-defined]
        d = newsprism.update(s, files[2:3])
        assert s.count() == 3
    assert len(d.analyses) == 3
    assert {a.title for a in d.articles} >= {"Dockworkers walk out at Port of Calderra as pay talks collapse"}


def test_a_stored_article_that_cannot_be_analysed_again_writes_nothing(
    store: ArticleStore, files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    newsprism.update(store, files[:2])
    before = json.loads(store.load_dossier().to_json())
    from newsprism.stages import genre

    def broken(*args: object, **kwargs: object) -> tuple[str, str]:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(genre, "classify_genre", broken)
    with pytest.raises(NewsprismError, match="E021"):
        newsprism.update(store, files[2:3], pipeline=Pipeline(config={"newsprism.genre.v1": {"languages": ["en"]}}))
    assert json.loads(store.load_dossier().to_json()) == before


def test_cli_analyze_db_grows_the_store(tmp_path: Path, files: list[str], whole: dict[str, Any]) -> None:
    db = tmp_path / "news.db"
    runner = CliRunner()
    one = runner.invoke(app, ["analyze", *files[:4], "--db", str(db)], env={"COLUMNS": "200"})
    assert one.exit_code == 0, one.output
    two = runner.invoke(app, ["analyze", *files[4:], "--db", str(db), "--json", str(tmp_path / "d.json")], env={"COLUMNS": "200"})
    assert two.exit_code == 0, two.output
    assert f"holds {len(whole['articles'])} article(s)" in two.output
    assert "Dockworkers walk out" not in two.output  # the table lists this batch only
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["actors"] == whole["actors"]


def test_cli_report_reads_the_whole_store(tmp_path: Path, files: list[str]) -> None:
    db = tmp_path / "news.db"
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", files[0], "--db", str(db), "-q"]).exit_code == 0
    assert runner.invoke(app, ["analyze", files[1], "--db", str(db), "-q"]).exit_code == 0
    res = runner.invoke(app, ["report", "--db", str(db), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    assert "(2 articles)" in res.output and (tmp_path / "r.html").stat().st_size > 10_000
    assert runner.invoke(app, ["report"]).exit_code != 0  # neither a file nor a store


def test_cli_analyze_db_in_a_folder_that_does_not_exist_yet(tmp_path: Path, files: list[str]) -> None:
    # `make run` writes out/newsprism.db beside out/dossier.json; the store is opened before out/ exists.
    res = CliRunner().invoke(app, ["analyze", files[0], "--out", str(tmp_path / "out"), "--db", str(tmp_path / "out" / "news.db"), "-q"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "news.db").is_file() and (tmp_path / "out" / "dossier.json").is_file()
