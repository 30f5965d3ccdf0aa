"""Stores: SQLite and in-memory behave alike; writes are all or nothing; articles round-trip."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.article import Article, DateRange, Dossier, Line, Quote, Span
from newsprism.clean import split_lines
from newsprism.errors import NotFoundError
from newsprism.storage import ArticleStore, MemoryStore, SQLiteStore, open_store

BODY_A = "Thousands of dockworkers at the Port of Calderra walked off the job on Tuesday morning."
BODY_B = "Transport Minister Anton Krell said he would meet union leaders on Thursday."


def _article(aid: str, title: str, body: str) -> Article:
    raw = f"{title}\n{body}"
    return Article(
        id=aid,
        source=f"{aid}.txt",
        raw_text=raw,
        title=title,
        outlet="The Calderra Courier",
        language="en",
        published=DateRange("2025-03-04", "2025-03-04", 0.9, "dateline"),
        lines=[Line(1, 0, len(title), "title"), Line(2, len(title) + 1, len(raw), "body")],
        body=body,
    )


def _dossier(*articles: Article) -> Dossier:
    quotes = [Quote(a.id, Span.of(a.raw_text, 0, 5), "direct") for a in articles]
    return Dossier(articles=list(articles), quotes=quotes)


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ArticleStore]:
    s = open_store(tmp_path / "news.db") if request.param == "sqlite" else open_store("memory:")
    yield s
    s.close()


def test_storage_open_store_kinds(tmp_path: Path) -> None:
    assert isinstance(open_store("memory:"), MemoryStore)
    assert isinstance(open_store(":memory:"), MemoryStore)
    s = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    assert isinstance(s, SQLiteStore)
    assert isinstance(s, ArticleStore)
    s.close()
    assert (tmp_path / "x.db").exists()


def test_storage_put_get_iter(store: ArticleStore) -> None:
    a, b = _article("bbb", "Strike", BODY_A), _article("aaa", "Meeting", BODY_B)
    store.put_dossier(_dossier(a, b))
    assert store.count() == 2
    assert store.get("bbb").as_dict() == a.as_dict()
    assert [x.id for x in store.iter()] == ["aaa", "bbb"]


def test_storage_rerun_updates_rather_than_duplicates(store: ArticleStore) -> None:
    a, b = _article("a1", "Strike", BODY_A), _article("b1", "Meeting", BODY_B)
    store.put_dossier(_dossier(a, b))
    a.title = "Strike at Calderra"
    store.put_dossier(_dossier(a, b))
    assert store.count() == 2
    assert store.get("a1").title == "Strike at Calderra"
    assert [hit[0] for hit in store.query("dockworkers")] == ["a1"]  # the old text is not indexed twice


def test_storage_get_unknown_id(store: ArticleStore) -> None:
    store.put_dossier(_dossier(_article("a1", "Strike", BODY_A)))
    with pytest.raises(NotFoundError, match=r"\[E013\].*zzz"):
        store.get("zzz")


def test_storage_query_full_text(store: ArticleStore) -> None:
    store.put_dossier(_dossier(_article("a1", "Strike", BODY_A), _article("b1", "Meeting", BODY_B)))
    assert store.query("dockworkers") == [("a1", "Strike")]
    assert store.query("Krell") == [("b1", "Meeting")]
    assert store.query("zeppelin") == []


def test_storage_sqlite_get_accepts_a_unique_prefix(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as s:
        s.put_dossier(_dossier(_article("3f2a9c01", "Strike", BODY_A), _article("3f77aa02", "Meeting", BODY_B)))
        assert s.get("3f2a").id == "3f2a9c01"
        with pytest.raises(NotFoundError):
            s.get("3f")  # two articles start with it


def test_storage_sqlite_persists_and_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with SQLiteStore(path) as s:
        s.put_dossier(_dossier(_article("a1", "Strike", BODY_A)))
    with SQLiteStore(path) as s:
        assert s.migrate() == []
        assert s.get("a1").title == "Strike"
        assert s.count() == 1
    db = sqlite3.connect(path)
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == [
        "001_articles",
        "002_layers",
        "003_fts",
        "004_growing",
    ]
    assert db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 1
    db.close()


class _Exploding(Article):
    """An article that fails as the store reads it, half-way through a write."""

    def as_dict(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire")

    def __deepcopy__(self, memo):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire")


def test_storage_write_is_all_or_nothing(store: ArticleStore) -> None:
    a, b = _article("a1", "Strike", BODY_A), _article("b1", "Meeting", BODY_B)
    store.put_dossier(_dossier(a, b))
    before = [x.as_dict() for x in store.iter()]

    changed = _article("a1", "Strike ends", BODY_A.replace("walked off", "returned to"))
    new = _article("c1", "Backlog", "Port managers said the backlog would take about ten days to clear.")
    boom = _Exploding(id="d1", source="d1.txt", raw_text="exploding")
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.put_dossier(_dossier(changed, new, boom))

    assert store.count() == 2
    assert [x.as_dict() for x in store.iter()] == before
    assert store.query("returned") == []
    with pytest.raises(NotFoundError):
        store.get("c1")
    # The store still works after the failed write.
    store.put_dossier(_dossier(new))
    assert store.count() == 3


def test_storage_sqlite_write_is_all_or_nothing_on_a_database_error(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as s:
        s.put_dossier(_dossier(_article("a1", "Strike", BODY_A)))
        s.db.execute("DROP TABLE persuasion")  # the layer writes fail after the articles are written
        with pytest.raises(sqlite3.OperationalError):
            s.put_dossier(_dossier(_article("a1", "Changed", BODY_B), _article("b1", "Meeting", BODY_B)))
        assert s.count() == 1
        assert s.get("a1").title == "Strike"


# ------------------------------------------------------------------ hypothesis round trip

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
DAY = st.dates().map(lambda d: d.isoformat())


@st.composite
def articles(draw: st.DrawFn) -> Article:
    raw = draw(TEXT)
    spans = split_lines(raw)
    roles = draw(
        st.lists(
            st.sampled_from(["title", "metadata", "body", "caption", "boilerplate", "blank"]),
            min_size=len(spans),
            max_size=len(spans),
        )
    )
    lines = [Line(n, s, e, r) for n, ((s, e), r) in enumerate(zip(spans, roles, strict=True), 1)]
    days = sorted(draw(st.lists(DAY, min_size=2, max_size=2)))
    published = draw(st.sampled_from([DateRange(), DateRange(days[0], days[1], 0.5, "range")]))
    return Article(
        id=draw(st.text(alphabet="0123456789abcdef-", min_size=1, max_size=20)),
        source=draw(TEXT),
        raw_text=raw,
        title=draw(st.none() | TEXT),
        outlet=draw(st.none() | TEXT),
        reprint_of=draw(st.none() | TEXT),
        authors=draw(st.lists(TEXT, max_size=3)),
        language=draw(st.none() | st.sampled_from(["en", "fr", "de", "ko"])),
        published=published,
        lines=lines,
        body=draw(TEXT),
        genre=draw(st.none() | st.sampled_from(["report", "opinion"])),
        stance=draw(
            st.dictionaries(st.text(min_size=1, max_size=5), st.sampled_from(["neutral", "critical"]), max_size=2)
        ),
        evidence=draw(st.dictionaries(st.sampled_from(["outlet", "authors"]), TEXT, max_size=2)),
        ext=draw(st.dictionaries(st.text(max_size=5), st.integers() | TEXT, max_size=2)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(articles(), min_size=1, max_size=4, unique_by=lambda a: a.id))
def test_storage_sqlite_round_trip_property(tmp_path: Path, batch: list[Article]) -> None:
    with SQLiteStore(":memory:") as s:
        s.put_dossier(Dossier(articles=batch))
        s.put_dossier(Dossier(articles=batch))
        assert s.count() == len(batch)
        for a in batch:
            assert s.get(a.id).as_dict() == a.as_dict()
        assert sorted(a.id for a in s.iter()) == sorted(a.id for a in batch)


@settings(max_examples=30, deadline=None)
@given(batch=st.lists(articles(), min_size=1, max_size=4, unique_by=lambda a: a.id))
def test_storage_memory_round_trip_property(batch: list[Article]) -> None:
    s = MemoryStore()
    s.put_dossier(Dossier(articles=batch))
    for a in batch:
        assert s.get(a.id).as_dict() == a.as_dict()
