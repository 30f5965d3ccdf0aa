"""The quotes of the seed pages against their hand-made answers (issue 5's acceptance floors)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.article import Dossier

pytestmark = pytest.mark.issue(5)

# Issue 5's floors, and the earlier issues' measures that must stay at 1.0.
FLOORS = {
    "quotes.found": 0.9,
    "quotes.attributed": 0.85,
    "quotes.direct_attributed": 1.0,
    "quotes.precision": 0.85,
    "lines.role": 1.0,
    "title": 1.0,
    "outlet": 1.0,
    "reprint_of": 1.0,
    "published": 1.0,
}


@pytest.fixture(scope="module")
def dossier(shared: Path) -> Dossier:
    d = newsprism.analyze(shared / "seeds")
    assert d.failures == []
    return d


@pytest.fixture(scope="module")
def scores(shared: Path, dossier: Dossier, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("quotes") / "dossier.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    report, _ = json.JSONDecoder().raw_decode(res.stdout)
    return dict(report)


@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_quotes_seeds_score_floor(scores: dict[str, Any], measure: str, floor: float) -> None:
    got = scores["measures"][measure]
    misses = [m for m in scores["misses"] if "quote" in m]
    assert got >= floor, f"{measure} = {got:.3f}, below {floor}; {misses}"


def _quote(d: Dossier, text: str) -> Any:
    hits = [q for q in d.quotes if text in q.span.text]
    assert hits, text
    return hits[0]


def test_quotes_seeds_medium_date_via_and_statement(dossier: Dossier) -> None:
    fb = _quote(dossier, "We are pleased that the Democratic")
    assert fb.medium == "Facebook post"
    assert (fb.date.earliest, fb.date.latest) == ("2024-02-29", "2024-02-29")
    kcna = _quote(dossier, "If the rulers of the US persist")
    assert kcna.medium is not None and "Korean Central News Agency" in kcna.medium
    rfe = _quote(dossier, "invariably support and encourage")
    assert rfe.via == "Radio Free Europe/Radio Liberty"
    st = [q for q in dossier.quotes if q.kind == "statement"]
    assert len(st) == 1
    assert st[0].span.text.startswith("The USA, which has exposed")
    assert st[0].span.text.rstrip().endswith("the sovereignty and security of their country.")
    assert (st[0].date.earliest, st[0].date.latest) == ("2023-01-27", "2023-01-27")
    shin = _quote(dossier, "millions of rounds have been delivered")
    assert (shin.date.earliest, shin.date.latest) == ("2024-02-27", "2024-02-27")


def test_quotes_seeds_every_span_is_raw_text_and_speakers_are_dossier_actors(dossier: Dossier) -> None:
    arts = {a.id: a for a in dossier.articles}
    actor_ids = {a.id for a in dossier.actors}
    assert dossier.quotes
    for q in dossier.quotes:
        assert arts[q.article].raw_text[q.span.start : q.span.end] == q.span.text
        assert q.speaker is None or q.speaker in actor_ids
        assert q.group is not None
