"""The report of the seed corpus: what the layers found, the report shows, in order (issue 8).

How many gold events and quotes the layers find is measured by ``score_seeds.py``; these
tests check the report's part: nothing the dossier holds is dropped, the timeline runs in
date order, each quote sits under its speaker, and the summit of 2024-06-19 appears as one
event with both reporting articles, the summit reports forming one story.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import newsprism
from newsprism.article import Dossier
from newsprism.report.build import UNATTRIBUTED, View, build_view, vague_speaker

pytestmark = pytest.mark.issue(8)


@pytest.fixture(scope="module")
def seeds(shared: Path) -> tuple[Dossier, View, dict[str, Any], Any]:
    sys.path.insert(0, str(shared / "eval"))
    import score_seeds

    d = newsprism.analyze(shared / "seeds")
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    return d, build_view(d), gold, score_seeds


def _idx(d: Dossier, fname: str) -> int:
    return next(i for i, a in enumerate(d.articles) if Path(a.source).name == fname)


def test_report_seeds_timeline_holds_every_event_in_date_order(seeds: tuple[Dossier, View, dict[str, Any], Any]) -> None:
    d, view, gold, sc = seeds
    assert sorted(e.id for e in view.events) == sorted(e.id for e in d.events)
    keys = [e.sort for e in view.events]
    assert keys == sorted(keys)
    # Every gold event the events layer found is on the timeline, with the article that reports it.
    for fname, g in gold["documents"].items():
        i = _idx(d, fname)
        aid = d.articles[i].id
        for ge in g["events"]:
            in_dossier = any(
                m.article == aid and sc.coverage(ge["evidence"], m.span.text) >= 0.6 for e in d.events for m in e.mentions
            )
            shown = any(
                r.art == i and sc.coverage(ge["evidence"], r.text) >= 0.6
                for e in view.events
                for r in e.reported + e.referenced
            )
            assert shown or not in_dossier, f"{fname}: {ge['evidence']!r} is in the dossier but not on the timeline"


def test_report_seeds_quotes_under_their_speaker(seeds: tuple[Dossier, View, dict[str, Any], Any]) -> None:
    d, view, gold, sc = seeds
    names = {a.id: a.name for a in d.actors}
    shown = {q.ref: s.name for s in view.speakers for q in s.quotes}
    assert len(shown) == len(d.quotes)
    for k, q in enumerate(d.quotes):
        vague = vague_speaker((q.speaker_text or "").strip())
        assert shown[f"q{k}"] == names.get(q.speaker or "", UNATTRIBUTED if vague else (q.speaker_text or "").strip())
    # Each gold quote the quotes layer found is shown under the speaker it was given.
    for fname, g in gold["documents"].items():
        aid = d.articles[_idx(d, fname)].id
        lines = sc.fold((Path(d.articles[_idx(d, fname)].source)).read_text(encoding="utf-8")).split("\n")
        for gq in g["quotes"]:
            text = gq.get("text") or "\n".join(lines[gq["first_line"] - 1 : gq["last_line"]])
            for k, q in enumerate(d.quotes):
                if q.article == aid and sc.same_span(text, q.span.text):
                    assert f"q{k}" in shown


def test_report_seeds_summit_is_one_event_reported_by_two_articles(seeds: tuple[Dossier, View, dict[str, Any], Any]) -> None:
    d, view, gold, _ = seeds
    (same,) = gold["cross_document"]["same_event"]
    reporters = {_idx(d, f) for f in same["documents"]}
    summit = [e for e in view.events if e.date == "2024-06-19" and reporters <= {r.art for r in e.reported}]
    if not summit:
        pytest.xfail("the events layer has not merged the 2024-06-19 summit across the two reports")
    # Reported (not merely referred to) by both; a later article may refer back to it.
    later = _idx(d, same["also_referenced_by"][0])
    for e in summit:
        assert later not in {r.art for r in e.reported}
    # Whether the two reports are one story is not the seeds' gold: the report of the summit and a
    # follow-up a week later share the summit (one event, above) but little else. The story clusters
    # used to join them through events merged wrongly across stories (#21).
    assert None not in {d.articles[i].story for i in reporters}


@pytest.mark.issue(25)
def test_report_seeds_story_shows_camps_first_reporter_and_blindspots(seeds: tuple[Dossier, View, dict[str, Any], Any]) -> None:
    """The report's story list says what the story page says: outlets by camp, who reported
    first, and the blindspots (#25)."""
    _, view, _, _ = seeds
    [story] = view.stories
    assert len([b for b in story.bar if b["camp"] != "no stance found"]) >= 2
    assert story.first_reporter and story.first_reporter["day"]
    assert story.blindspots and all(b["carried_by"] and b["left_out_by"] for b in story.blindspots)
    from newsprism.report import render_view

    html = render_view(view)
    assert 'class="camp-bar"' in html and "First reported by" in html and 'class="blind-flag"' in html
