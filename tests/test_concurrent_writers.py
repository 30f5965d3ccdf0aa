"""Concurrent writers never lose data (#19).

Regression: two ``analyze --db`` runs on one store each read it, analysed for seconds and wrote
the whole corpus back; the later write dropped the earlier batch, and both exited 0. Two
processes creating one store at once could crash in ``migrate()`` ("duplicate column name").
Now a write succeeds only if nobody wrote since the batch read the store; otherwise the batch
is joined to what is stored now and written again.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.errors import StoreChanged
from newsprism.storage import open_store

# Invented one-paragraph articles; each writer has its own.
TOPICS = [
    ("Harbour cranes idle in Calderra", "Crane operators at the Port of Calderra stopped work on Monday, the union said."),
    ("Vesnia opens a rail link", "Vesnia opened a freight rail link to the coast on Tuesday, the transport ministry said."),
    ("Flood warning for the Orl valley", "Forecasters issued a flood warning for the Orl valley on Wednesday after heavy rain."),
    ("Karsk council passes a budget", "The Karsk city council passed its budget on Thursday by 21 votes to 9."),
    ("Fishing quota talks resume", "Negotiators from Vesnia and Calderra resumed fishing quota talks on Friday in Harlow."),
    ("New ferry for Lisk island", "A new ferry began service to Lisk island on Saturday, carrying 300 passengers."),
]


def _write_articles(folder: Path, which: list[int], tag: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in which:
        title, body = TOPICS[i]
        p = folder / f"{tag}-{i}.txt"
        p.write_text(f"{title}\n\n{body} ({tag})\n", encoding="utf-8")
        out.append(str(p))
    return out


def _writer(db: str, files: list[str], barrier: Any, result: Any) -> None:
    store = open_store(db)
    try:
        barrier.wait(timeout=60)
        newsprism.update(store, files)
        result.put(("ok", len(files)))
    except Exception as exc:  # noqa: BLE001 — reported to the test
        result.put(("error", repr(exc)))
    finally:
        store.close()


@pytest.fixture(scope="module")
def warm() -> None:
    """Models loaded once in this process; the forked writers share them."""
    newsprism.analyze([])
    from newsprism.stages.nlp import load_model

    load_model()


def test_two_concurrent_writers_store_every_article(tmp_path: Path, warm: None) -> None:
    ctx = mp.get_context("fork")
    for trial in range(10):
        db = str(tmp_path / f"news{trial}.db")
        base = open_store(db)
        newsprism.update(base, _write_articles(tmp_path / f"t{trial}", [0], "base"))
        base.close()
        batches = [_write_articles(tmp_path / f"t{trial}", [1, 2, 3], "a"), _write_articles(tmp_path / f"t{trial}", [3, 4, 5], "b")]
        barrier, result = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_writer, args=(db, files, barrier, result)) for files in batches]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        got = [result.get(timeout=5) for _ in procs]
        assert all(status == "ok" for status, _ in got), got
        store = open_store(db)
        try:
            assert store.count() == 7, f"trial {trial}: {store.count()} of 7 articles stored"
            d = store.load_dossier()
            assert {Path(a.source).name for a in d.articles} >= {Path(f).name for files in batches for f in files}
            assert d.coverage is not None and len(d.coverage["outlets"]) == 7
        finally:
            store.close()


def _creator(db: str, barrier: Any, result: Any) -> None:
    try:
        barrier.wait(timeout=60)
        open_store(db).close()
        result.put("ok")
    except Exception as exc:  # noqa: BLE001 — reported to the test
        result.put(repr(exc))


def test_two_processes_creating_one_store_at_once(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for trial in range(10):
        db = str(tmp_path / f"new{trial}.db")
        barrier, result = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_creator, args=(db, barrier, result)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
        assert [result.get(timeout=5) for _ in procs] == ["ok", "ok"]
        store = open_store(db)
        assert store.count() == 0
        store.close()


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_a_write_built_on_an_old_stamp_writes_nothing(kind: str, tmp_path: Path, warm: None) -> None:
    store = open_store(tmp_path / "s.db" if kind == "sqlite" else "memory:")
    first = newsprism.update(store, _write_articles(tmp_path, [0], "x"))
    stamp = store.stamp()
    newsprism.update(store, _write_articles(tmp_path, [1], "y"))
    with pytest.raises(StoreChanged):
        store.put_dossier(first, replace=True, expect=stamp)
    assert store.count() == 2  # the stale whole-corpus write did not drop the second article
    store.close()


def test_a_batch_that_lost_the_race_is_joined_to_the_winner(tmp_path: Path, warm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process: another writer lands between this batch's read and its write."""
    store = open_store(tmp_path / "s.db")
    other = open_store(tmp_path / "s.db")
    real = store.put_dossier
    raced = []

    def put(*args: Any, **kwargs: Any) -> None:
        if not raced:
            raced.append(True)
            newsprism.update(other, _write_articles(tmp_path, [4], "other"))
        real(*args, **kwargs)

    monkeypatch.setattr(store, "put_dossier", put)
    got = newsprism.update(store, _write_articles(tmp_path, [0, 1], "mine"))
    assert raced and store.count() == 3
    assert len(got.articles) == 3 and len(got.analyses) == 2  # the winner's article was not analysed again
    store.close()
    other.close()


@pytest.mark.issue(19)
def test_a_retry_never_replaces_a_newer_article_with_its_stale_copy(tmp_path: Path, warm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review finding: a batch that re-analysed a stored article (another pipeline had made it)
    wrote its stale copy back on retry over the version another writer had just stored."""
    import json

    store = open_store("memory:")
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps({"id": "story-1", "text": "Old headline\nThe council voted on Monday, the clerk said.\n"}) + "\n", encoding="utf-8")
    first = newsprism.analyze(old)
    first.inputs = {a.id: a.input_dict() for a in first.articles}
    first.analyses = {a.id: {} for a in first.articles}  # an analysis another pipeline made
    store.put_dossier(first, replace=True, signature="another-pipeline")
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "story-1", "text": "Corrected headline\nThe council voted on Tuesday, the clerk said.\n"}) + "\n", encoding="utf-8")
    real = store.put_dossier
    raced: list[bool] = []

    def put(*args: Any, **kwargs: Any) -> None:
        if not raced:
            raced.append(True)
            newsprism.update(store, new)  # the other writer replaces story-1 meanwhile
        real(*args, **kwargs)

    monkeypatch.setattr(store, "put_dossier", put)
    newsprism.update(store, _write_articles(tmp_path / "z", [2], "z"))
    assert raced and store.count() == 2
    assert store.get("story-1").raw_text.startswith("Corrected headline")


@pytest.mark.issue(19)
def test_keep_refuses_to_replace_an_article_another_writer_stored_meanwhile(tmp_path: Path, warm: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from newsprism.errors import NewsprismError

    store = open_store("memory:")
    rec = tmp_path / "r.jsonl"
    rec.write_text(json.dumps({"id": "posted-9", "text": "Mine\nThe ferry ran on time on Monday, the operator said.\n"}) + "\n", encoding="utf-8")
    other = tmp_path / "o.jsonl"
    other.write_text(json.dumps({"id": "posted-9", "text": "Theirs\nThe ferry was late on Monday, the operator said.\n"}) + "\n", encoding="utf-8")
    real = store.put_dossier
    raced: list[bool] = []

    def put(*args: Any, **kwargs: Any) -> None:
        if not raced:
            raced.append(True)
            newsprism.update(store, other)
        real(*args, **kwargs)

    monkeypatch.setattr(store, "put_dossier", put)
    with pytest.raises(NewsprismError, match=r"\[E027\].*posted-9"):
        newsprism.update(store, rec, keep={"posted-9"})
    assert store.get("posted-9").raw_text.startswith("Theirs")
