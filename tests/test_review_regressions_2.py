"""Regressions a review of the 2026-12-07 changes found (#22, #23, #25: search, story pages,
dates, labels), each named after what broke; every name and sentence is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.article import Article, DateRange, Dossier, Span
from newsprism.storage import MemoryStore, SQLiteStore

pytestmark = pytest.mark.issue(25)


def _store(tmp_path: Path, kind: str, bodies: dict[str, str]) -> object:
    s = SQLiteStore(tmp_path / "s.db") if kind == "sqlite" else MemoryStore()
    s.put_dossier(Dossier(articles=[Article(id=k, source=f"{k}.txt", raw_text=v, body=v, title=k) for k, v in bodies.items()]))
    return s


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_review_short_common_word_aliases_match_no_unrelated_article(tmp_path: Path, kind: str) -> None:
    """"WHO" (an alias of the World Health Organization) matched "Elias Brun, who has worked";
    multi-word aliases matched their words anywhere."""
    from newsprism.search import aliases, searchable_alias

    s = _store(tmp_path, kind, {"a": "Elias Brun, who has worked there for years, said it runs on us.",
                                "b": "The World Health Organization said the outbreak slowed.",
                                "c": "People of the Republic of Lisk, democratic at last, voted in Korea town."})  # fmt: skip
    names = aliases("World Health Organization", [{"name": "World Health Organization", "aliases": ["WHO", "the organization"]}])
    assert "WHO" not in names and "the organization" not in names
    assert {i for i, _ in s.query("World Health Organization", 20, any_of=names[1:])} == {"b"}  # type: ignore[attr-defined]
    assert not searchable_alias("US") and not searchable_alias("WHO") and searchable_alias("NRA") and searchable_alias("DPRK")
    got = {i for i, _ in s.query("nosuchword", 20, any_of=["Democratic People's Republic of Korea"])}  # type: ignore[attr-defined]
    assert got == set()


def test_review_fts_fallback_keeps_or_and_not(tmp_path: Path) -> None:
    """"Lisk OR Krell's" gave nothing: the apostrophe made the fallback require "or" and "s"."""
    s = _store(tmp_path, "sqlite", {"a": "Lisk reopened its port.", "b": "Krell's plan was approved.", "c": "Nothing here."})
    assert {i for i, _ in s.query("Lisk OR Krell's")} == {"a", "b"}  # type: ignore[attr-defined]
    assert {i for i, _ in s.query("Lisk OR twenty-two")} == {"a"}  # type: ignore[attr-defined]


def test_review_until_a_month_takes_in_the_whole_month() -> None:
    """`until=2025-03` dropped every article of March."""
    from newsprism.web import _in_range

    d = {"earliest": "2025-03-04", "latest": "2025-03-04"}
    assert _in_range(d, None, "2025-03") and _in_range(d, None, "2025") and not _in_range(d, None, "2025-02")


def test_review_headlines_with_numbers_stay_headlines() -> None:
    """"Apollo 11 at 50" was read as a table row and lost the title to a navigation line."""
    from newsprism.clean import classify_text

    text = "Lisk Herald\nApollo 11 at 50\nThe three astronauts met in Lisk on Monday to mark the anniversary of the landing, organisers said."
    assert [ln.role for ln in classify_text(text)][1] == "title"


def test_review_open_before_date_is_no_known_day_in_coverage() -> None:
    """A date "before 2025-03-01" was exported as the known day 2025-03-01."""
    from newsprism.compare import CoverageRow

    r = CoverageRow("event", "e", "x", "before 2025-03-01", [], earliest=None, latest="2025-03-01")
    assert r.as_dict()["date_earliest"] is None and r.as_dict()["date_latest"] == "2025-03-01"


def test_review_bare_quote_keeps_inner_marks_and_apostrophes() -> None:
    """`…of "the bosses"` lost its closing mark; "'Tis" lost its apostrophe."""
    from newsprism.compare import bare_quote

    assert bare_quote('at the request of "the bosses"') == 'at the request of "the bosses"'
    assert bare_quote("'Tis the season") == "'Tis the season" and bare_quote("the workers'") == "the workers'"
    assert bare_quote('"We will stay"') == "We will stay" and bare_quote('"We will stay') == "We will stay"


def test_review_figure_context_keeps_punctuation_where_it_stands() -> None:
    """Labels read "…nine hours ." and "…5,000 workers , said…"."""
    from newsprism.compare import figure_context

    raw = "The union, which represents 4,200 of the port's 5,000 workers, said the strike would last nine hours."
    a = Article(id="a", source="a.txt", raw_text=raw, sentences=[Span.of(raw, 0, len(raw))])
    i = raw.index("5,000")
    got = figure_context(a, i, i + len("5,000"))
    assert " ," not in got and "5,000 workers, said the strike" in got
    j = raw.index("nine hours")
    assert figure_context(a, j, j + len("nine hours")).endswith("nine hours.")


def test_review_due_mainly_to_is_no_maturity() -> None:
    """"due mainly to higher sales in 2009" lost a true lower bound (read as a maturity)."""
    from newsprism.stages.pubdate import SCHEDULED_BEFORE

    assert not SCHEDULED_BEFORE.search("Earnings rose, due mainly to higher sales in ")
    assert SCHEDULED_BEFORE.search("notes due ")


def test_review_initials_of_a_name_in_capitals() -> None:
    from newsprism.actor_names import initials

    assert initials("NEW YORK TIMES") == "NYT" and initials("US Geological Survey") == "USGS"


def test_review_first_reporter_is_unknown_when_a_ranged_article_is_wholly_earlier() -> None:
    """A story named the Courier first (2025-03-04) though another report was dated 03-01..03-02."""
    from newsprism.views import Pages

    arts = [
        Article(id="a", source="a.txt", raw_text="x", title="A", outlet="Courier", story="s", published=DateRange("2025-03-04", "2025-03-04", 0.9, "dateline")),
        Article(id="b", source="b.txt", raw_text="x", title="B", outlet="Watch", story="s", published=DateRange("2025-03-01", "2025-03-02", 0.6, "inferred")),
    ]
    assert Pages(Dossier(articles=arts)).story("s")["first"] is None  # type: ignore[index]


def test_review_story_blindspots_count_only_outlets_of_the_story() -> None:
    """An item of two stories flagged a camp that does not cover this story as leaving it out."""
    from newsprism.views import Pages

    arts = [
        Article(id="a", source="a.txt", raw_text="x", title="A", outlet="Courier", story="s1"),
        Article(id="b", source="b.txt", raw_text="x", title="B", outlet="Watch", story="s2"),
        Article(id="c", source="c.txt", raw_text="x", title="C", outlet="Ledger", story="s1"),
    ]
    cov = {"camps": {"pro": ["Courier"], "contra": ["Watch"]}, "rows": [
        {"kind": "claim", "key": "c0", "label": "x", "date": None, "stories": ["s1", "s2"],
         "cells": {"Courier": {"status": "asserted"}, "Watch": {"status": "omitted"}, "Ledger": {"status": "asserted"}}},
    ]}  # fmt: skip
    d = Dossier(articles=arts, coverage=cov)
    view = Pages(d).story("s1")
    assert view is not None and view["blindspots"] == []


def test_review_page_errors_are_pages(tmp_path: Path) -> None:
    """`/timeline?since=2025-13` and unknown addresses answered JSON on the pages."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    SQLiteStore(tmp_path / "n.db").close()
    c = TestClient(create_app(str(tmp_path / "n.db")))
    r = c.get("/timeline", params={"since": "2025-13"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    r = c.get("/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert c.get("/api/nope").headers["content-type"].startswith("application/json")
    assert c.get("/api/events", params={"since": "2025-13"}).headers["content-type"].startswith("application/json")
