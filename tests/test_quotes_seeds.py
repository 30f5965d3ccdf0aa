"""The quotes of the seed pages against their hand-made answers (issue 5's acceptance floors)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsprism.article import Dossier

pytestmark = pytest.mark.issue(5)

# Issue 5's floors, and the earlier issues' measures that must stay at 1.0.
FLOORS = {
    "quotes.found": 0.9,
    "quotes.attributed": 0.85,
    "quotes.direct_attributed": 1.0,
    # Every quote the seed gold does not list counts against this one, right or not (the gold lists
    # what must be found); since reported acts and titles are read (2026-12-07) most extras are right
    # attributions, judged in evals/labels/seeds_extra_quotes.json: the judged precision below is the floor that matters.
    "quotes.precision": 0.7,
    "lines.role": 1.0,
    "title": 1.0,
    "outlet": 1.0,
    "reprint_of": 1.0,
    "published": 1.0,
}






@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_quotes_seeds_score_floor(seed_report: dict[str, Any], measure: str, floor: float) -> None:
    got = seed_report["measures"][measure]
    misses = [m for m in seed_report["misses"] if "quote" in m]
    assert got >= floor, f"{measure} = {got:.3f}, below {floor}; {misses}"


def _words(text: str) -> list[str]:
    """Lower-case words, with editorial insertions in [brackets] left out."""
    return re.findall(r"\w+", re.sub(r"\[[^\]]*\]", " ", text).replace("’", "'").lower())


def _quote(d: Dossier, gold: dict[str, Any]) -> Any:
    """The dossier's quote that shares the most 4-word runs with a gold quote's text (read at run time)."""
    want = _words(gold.get("text") or gold["starts"])
    grams = {tuple(want[i : i + 4]) for i in range(max(1, len(want) - 3))}
    best, hits = None, 0
    for q in d.quotes:
        got = _words(q.span.text)
        n = sum(tuple(got[i : i + 4]) in grams for i in range(max(1, len(got) - 3)))
        if n > hits:
            best, hits = q, n
    assert best is not None, gold
    return best


@pytest.fixture(scope="module")
def gold_quotes(shared: Path) -> list[dict[str, Any]]:
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    return [q for doc in gold["documents"].values() for q in doc.get("quotes", [])]


def test_quotes_seeds_medium_date_via_and_statement(seed_dossier: Dossier, gold_quotes: list[dict[str, Any]]) -> None:
    with_medium = [g for g in gold_quotes if g.get("medium")]
    with_via = [g for g in gold_quotes if g.get("via")]
    assert len(with_medium) >= 2 and with_via
    for g in with_medium:
        q = _quote(seed_dossier, g)
        assert q.medium is not None and g["medium"] in q.medium, (g, q.medium)
    for g in with_via:
        assert _quote(seed_dossier, g).via == g["via"]
    dated = [g for g in gold_quotes if g.get("medium") or g.get("kind") == "indirect"]
    dated = [g for g in dated if isinstance(g.get("date"), str)]
    assert len(dated) >= 2
    for g in dated:
        q = _quote(seed_dossier, g)
        assert (q.date.earliest, q.date.latest) == (g["date"], g["date"]), g
    gold_st = [g for g in gold_quotes if g["kind"] == "statement"]
    st = [q for q in seed_dossier.quotes if q.kind == "statement"]
    assert len(st) == len(gold_st) == 1
    assert st[0].span.text.startswith(gold_st[0]["starts"])
    assert st[0].span.text.rstrip().endswith(gold_st[0]["ends"])
    assert (st[0].date.earliest, st[0].date.latest) == (gold_st[0]["date"], gold_st[0]["date"])


def test_quotes_seeds_every_span_is_raw_text_and_speakers_are_dossier_actors(seed_dossier: Dossier) -> None:
    arts = {a.id: a for a in seed_dossier.articles}
    actor_ids = {a.id for a in seed_dossier.actors}
    assert seed_dossier.quotes
    for q in seed_dossier.quotes:
        assert arts[q.article].raw_text[q.span.start : q.span.end] == q.span.text
        assert q.speaker is None or q.speaker in actor_ids
        assert q.group is not None


@pytest.mark.issue(22)
def test_quotes_seeds_precision_with_extras_judged(seed_report: dict[str, Any], seed_dossier: Dossier, shared: Path) -> None:
    """#22 asks seeds quote precision >= 0.95: with the quotes the gold does not list judged by
    hand (an unjudged one counts as wrong), it is."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evals"))
    from seeds import extra_quotes_judged

    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    judged = extra_quotes_judged(seed_dossier.as_dict(), seed_report, gold)
    assert judged["precision"] >= 0.95, judged["wrong"]

