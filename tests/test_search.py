"""Search that finds what a person means (#25): spelling variants, aliases, snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.article import Article, Dossier
from newsprism.search import aliases, fts_query, matching_actors, plain, snippet
from newsprism.storage import MemoryStore, SQLiteStore

BODIES = {
    "a": "Kim Jong-un inspected a missile factory on Monday, state media said.",
    "b": "Kim Jong Un told visitors that the factory would double its output.",
    "c": "The DPRK said the test was routine; officials in Seoul disagreed.",
    "d": "Officials in Pyongyang held a parade on Friday.",
    "e": "Kim's rival, Jong Park, said the union's offer stood.",
}


def _articles() -> list[Article]:
    return [Article(id=k, source=f"{k}.txt", raw_text=v, body=v, title=f"Story {k}") for k, v in BODIES.items()]


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    s = SQLiteStore(tmp_path / "s.db") if request.param == "sqlite" else MemoryStore()
    s.put_dossier(Dossier(articles=_articles()))
    return s


def _ids(store: object, q: str, any_of: tuple[str, ...] = ()) -> set[str]:
    return {i for i, _ in store.query(q, 20, any_of=any_of)}  # type: ignore[attr-defined]


def test_search_hyphen_space_and_case_variants_find_the_same_articles(store: object) -> None:
    """"Kim Jong Un" found 3 articles where "Kim Jong-un" found 1 (#25): one query, however joined."""
    want = _ids(store, "Kim Jong Un")
    assert want >= {"a", "b"}
    for q in ("Kim Jong-un", "kim jong un", "Kim  Jong-Un", "KIM JONG UN"):
        assert _ids(store, q) == want, q


def test_search_apostrophe_is_no_substring_fallback(store: object) -> None:
    """An apostrophe or a hyphen never turns the query into a substring match of everything."""
    assert _ids(store, "union's") == {"e"}
    assert _ids(store, "%") == set() and _ids(store, "'") == set()


def test_search_aliases_of_a_known_actor_expand_the_query(store: object) -> None:
    """"DPRK" is North Korea: an article that writes either is found for both."""
    names = aliases("DPRK")
    assert "North Korea" in names and names[0] == "DPRK"
    assert _ids(store, "DPRK", tuple(names[1:])) == {"c"}
    body = "North Korea and the DPRK"
    assert "North Korea" in snippet(body, aliases("DPRK"))
    # A capital is no alias of its country for articles: "Pyongyang" finds Pyongyang only.
    assert "North Korea" not in aliases("Pyongyang")


def test_search_names_the_actors_a_query_means() -> None:
    """"Pyongyang" finds North Korea's actor (the country its capital stands for) and its own."""
    actors = [{"id": "north-korea", "name": "North Korea", "aliases": ["DPRK"]}, {"id": "pyongyang", "name": "Pyongyang", "aliases": []}, {"id": "x", "name": "Lisk", "aliases": []}]
    assert {a["id"] for a in matching_actors("Pyongyang", actors)} == {"north-korea", "pyongyang"}
    assert {a["id"] for a in matching_actors("D.P.R.K.", actors)} == {"north-korea"}
    # A store actor's own aliases count too (an unknown organisation seen as "N.R.A." and "NRA").
    assert "National Rifle Association" in aliases("NRA", [{"name": "National Rifle Association", "aliases": ["N.R.A.", "NRA"]}])


def test_search_snippet_shows_the_passage_that_matched() -> None:
    body = "Intro words here. " * 20 + "Then Kim Jong-un spoke to the crowd at length about the plan. " + "More words after. " * 20
    got = snippet(body, ["Kim Jong Un"])
    assert "Kim Jong-un spoke" in got and got.startswith("…") and got.endswith("…")
    assert len(got) < 260
    assert snippet("Short body.", ["absent"]) == "Short body."


def test_search_plain_or_full_text_syntax() -> None:
    assert plain("Kim Jong-un") and plain("union's offer")
    assert not plain('"joint statement"') and not plain("Kim NEAR Putin") and not plain("miss*")
    assert fts_query(["Kim Jong-un", "DPRK", "North Korea"]) == '("kim" AND "jong" AND "un") OR "dprk" OR "north korea"'
    assert fts_query(["'", "%"]) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_search_any_text_is_a_query_sqlite_accepts(text: str) -> None:
    """Whatever a person types, the store answers (possibly nothing) and never raises."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.execute("INSERT INTO t VALUES ('Kim Jong-un said')")
    q = fts_query([text])
    if q:
        db.execute("SELECT * FROM t WHERE t MATCH ?", (q,)).fetchall()
