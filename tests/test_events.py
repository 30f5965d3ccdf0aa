"""The events stage (cues, actors, dates, speech acts), the cross-article merge, and the seeds' floors."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsprism
from conftest import article_from_lines
from newsprism.article import Actor, ActorMention, Article, DateMention, DateRange, Event, Mention, Span
from newsprism.registry import get_stage
from newsprism.stages.events import (
    REF_MARK,
    MergeConfig,
    candidate_pairs,
    extract_events,
    find_cues,
    merge_events,
    node_of,
    tokens,
)


def _cues(text: str) -> list[tuple[str, str]]:
    toks = tokens(text)
    return [(t.cue.type, " ".join(x.text for x in toks[t.i : t.j])) for t in find_cues(toks)]


def test_events_cues_inflect_and_take_the_longest_phrase() -> None:
    assert _cues("They signed a treaty") == [("AGREE", "signed"), ("AGREE", "treaty")]
    assert ("CONSULT", "held summit talks") in _cues("as he held summit talks with Putin")
    assert _cues("Russia supplies arms and sent troops") == [("AID", "supplies"), ("MOBILIZE", "sent troops")]
    assert _cues("in order to") == []


def _article(
    sentence: str, names: dict[str, tuple[str, str]], dates: dict[str, tuple[str, str]] | None = None
) -> Article:
    art = article_from_lines([("title", "Headline"), ("body", sentence)])
    text = art.raw_text
    line = art.lines[1]
    art.sentences = [Span.of(text, line.start, line.end)]
    art.published = DateRange("2024-06-25", "2024-06-25", 1.0, "given")
    for surface, (aid, typ) in names.items():
        i = text.index(surface)
        art.mentions.append(ActorMention(Span.of(text, i, i + len(surface)), aid))
        if all(a.id != aid for a in art.actors):
            art.actors.append(Actor(aid, surface, typ))
    art.mentions.sort(key=lambda m: m.span.start)
    for surface, (lo, hi) in (dates or {}).items():
        i = text.index(surface)
        art.dates.append(DateMention(Span.of(text, i, i + len(surface)), DateRange(lo, hi, 0.9, surface), lo, "DATE"))
    return art


def test_events_actor_target_and_date_of_a_cue() -> None:
    art = _article(
        "North Korea on Monday criticized the United States and supported Russia.",
        {"North Korea": ("north-korea", "GPE"), "United States": ("united-states", "GPE"), "Russia": ("russia", "GPE")},
        {"Monday": ("2024-06-24", "2024-06-24")},
    )
    evs = {e.plover: e for e in extract_events(art)}
    assert evs["ACCUSE"].actors == ["north-korea"] and evs["ACCUSE"].targets == ["united-states"]
    assert evs["ACCUSE"].date.earliest == "2024-06-24"
    # A coordinated verb shares the subject and the date.
    assert evs["SUPPORT"].actors == ["north-korea"] and evs["SUPPORT"].date.earliest == "2024-06-24"
    assert evs["ACCUSE"].mentions[0].span.text.startswith("North Korea on Monday")


def test_events_speech_reporting_another_actors_act_is_an_accusation() -> None:
    art = _article(
        "Seoul said Pyongyang has sent shells to Moscow.",
        {"Seoul": ("south-korea", "GPE"), "Pyongyang": ("north-korea", "GPE"), "Moscow": ("russia", "GPE")},
    )
    evs = {e.plover: e for e in extract_events(art)}
    assert evs["ACCUSE"].actors == ["south-korea"] and "north-korea" in evs["ACCUSE"].targets
    assert evs["AID"].actors == ["north-korea"] and evs["AID"].targets == ["russia"]
    assert evs["AID"].mode == "military"


def test_events_negated_and_passive() -> None:
    art = _article("The Kremlin has not commented on the attack.", {"Kremlin": ("russia", "GPE")})
    assert all(e.plover != "ACCUSE" for e in extract_events(art))
    art = _article(
        "Russia was accused by Ukraine of shelling.", {"Russia": ("russia", "GPE"), "Ukraine": ("ukraine", "GPE")}
    )
    acc = next(e for e in extract_events(art) if e.plover == "ACCUSE")
    assert acc.actors == ["ukraine"] and acc.targets == ["russia"]


def test_events_stage_is_registered_and_its_output_pickles() -> None:
    fn = get_stage("newsprism.events.v1").factory()
    art = fn(_article("Kim met Putin.", {"Kim": ("kim", "PERSON"), "Putin": ("putin", "PERSON")}))
    assert [e.plover for e in art.events] == ["CONSULT"]
    assert set(art.events[0].actors) == {"kim", "putin"}  # a meeting's participants all act
    assert pickle.loads(pickle.dumps(art)).events == art.events
    assert get_stage("newsprism.events.corpus.v1").kind == "corpus"


def _ev(article: str, typ: str, lo: str | None, hi: str | None, actors: list[str], text: str) -> Event:
    return Event(
        f"{article}:0:{typ}",
        typ,
        text,
        date=DateRange(lo, hi, 0.8, ""),
        actors=actors,
        mentions=[Mention(article, Span(0, len(text), text))],
    )


def test_events_merge_same_happening_across_articles() -> None:
    a = _ev(
        "a",
        "CONSULT",
        "2024-06-17",
        "2024-06-23",
        ["kim", "putin"],
        "Last week Kim held summit talks with Putin in Pyongyang.",
    )
    b = _ev(
        "b", "CONSULT", "2024-06-19", "2024-06-19", ["kim", "putin"], "Hosting Putin in Pyongyang today, Kim talks."
    )
    c = _ev("c", "CONSULT", "2019-04-25", "2019-04-25", ["kim", "putin"], "Kim meets with Putin.")
    out = merge_events([a, b, c])
    assert len(out) == 2
    merged = next(e for e in out if len(e.mentions) == 2)
    assert {m.article for m in merged.mentions} == {"a", "b"}
    assert merged.date.earliest == merged.date.latest == "2024-06-19"  # the intersection
    assert [e.date.earliest for e in out] == ["2019-04-25", "2024-06-19"]  # the timeline is sorted


def test_events_merge_never_joins_other_types_or_disjoint_dates() -> None:
    a = _ev("a", "SUPPORT", "2024-01-01", "2024-01-01", ["x"], "X backs Y.")
    b = _ev("b", "ACCUSE", "2024-01-01", "2024-01-01", ["x"], "X backs Y.")
    c = _ev("c", "SUPPORT", "2025-01-01", "2025-01-01", ["x"], "X backs Y.")
    assert len(merge_events([a, b, c])) == 3


def test_events_merge_blocking_grows_near_linearly() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_events import synthetic

    def pairs(n: int) -> int:
        evs = synthetic(n)
        return len(candidate_pairs([node_of(i, e) for i, e in enumerate(evs)], MergeConfig()))

    small, big = pairs(200), pairs(2000)
    assert big < 20 * small  # all pairs would be 100x
    t0 = time.perf_counter()
    merge_events(synthetic(500))
    assert time.perf_counter() - t0 < 20


# -- the seeds -----------------------------------------------------------------------------

FLOORS = {
    "events.found": 0.8,
    "events.type": 0.7,
    "events.date": 0.8,
    "events.actors": 0.7,
    "events.merged_across_articles": 1.0,
}


@pytest.fixture(scope="module")
def seed_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    dossier = newsprism.analyze(shared / "seeds")
    path = tmp_path_factory.mktemp("events") / "dossier.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), str(path), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report, _ = json.JSONDecoder().raw_decode(res.stdout)
    return dict(report["measures"])


@pytest.mark.issue(6)
@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_events_seed_floor(seed_scores: dict[str, float], measure: str, floor: float) -> None:
    assert seed_scores.get(measure, 0.0) >= floor, f"{measure} = {seed_scores.get(measure)} < {floor}"


def _happening(
    eid: str, plover: str, art: str, text: str, actors: list[str], day: str | None, summary: str = ""
) -> Event:
    date = DateRange(day, day, 0.9, "given") if day else DateRange()
    return Event(
        id=eid,
        plover=plover,
        summary=summary or f"{', '.join(actors)} — {plover.lower()}",
        date=date,
        actors=actors,
        mentions=[Mention(art, Span(0, len(text), text))],
    )


def test_events_treaty_named_in_passing_is_a_reference_not_an_event() -> None:
    art = _article(
        "Kim pledged support in keeping with the spirit of the treaty on the comprehensive strategic "
        "partnership between North Korea and Russia.",
        {"Kim": ("kim", "PERSON"), "North Korea": ("north-korea", "GPE"), "Russia": ("russia", "GPE")},
    )
    evs = extract_events(art)
    refs = [e for e in evs if e.id.endswith(REF_MARK)]
    assert [e.plover for e in refs] == ["AGREE"]
    assert set(refs[0].actors) == {"north-korea", "russia"}  # the parties its name gives
    assert "comprehensive strategic partnership" in refs[0].summary
    assert all(e.plover != "COOPERATE" for e in evs)  # "partnership" is a word of the treaty's name


def test_events_treaty_reference_joins_the_summit_it_was_signed_at() -> None:
    summit = _happening(
        "a:1:CONSULT", "CONSULT", "a", "Kim held summit talks with Putin in Pyongyang.", ["kim", "putin"], "2024-06-19"
    )
    signing = _happening(
        "a:2:AGREE",
        "AGREE",
        "a",
        "Kim and Putin after signing the Treaty on Comprehensive Strategic Partnership.",
        ["kim", "putin"],
        "2024-06-19",
    )
    visit = _happening(
        "b:1:CONSULT",
        "CONSULT",
        "b",
        "Hosting Putin in Pyongyang today, Kim held talks.",
        ["kim", "putin"],
        "2024-06-19",
    )
    ref = _happening(
        "c:1:AGREE" + REF_MARK,
        "AGREE",
        "c",
        "Kim cited the spirit of the treaty on the comprehensive strategic partnership.",
        ["kim", "putin"],
        None,
        "kim, putin — treaty on the comprehensive strategic partnership",
    )
    out = merge_events([summit, signing, visit, ref])
    meeting = next(e for e in out if e.plover == "CONSULT")
    assert {m.article for m in meeting.mentions} == {"a", "b", "c"}  # reported by two, referenced by a third
    assert not any(e.mentions and {m.article for m in e.mentions} == {"c"} for e in out)  # no event of its own
    agree = next(e for e in out if e.plover == "AGREE")
    assert {m.article for m in agree.mentions} == {"a", "c"}


def test_events_undated_mention_does_not_join_a_later_happening() -> None:
    early = _happening("a:1:SUPPORT", "SUPPORT", "a", "Kim vowed full support for Russia.", ["kim", "russia"], None)
    later = _happening(
        "b:1:SUPPORT",
        "SUPPORT",
        "b",
        "Kim on 8 February vowed full support for Russia.",
        ["kim", "russia"],
        "2025-02-08",
    )
    assert len(merge_events([early, later])) == 1  # nothing tells them apart
    assert len(merge_events([early, later], None, {"a": "2024-06-19", "b": "2025-02-08"})) == 2


def test_events_battle_tank_is_no_battle_and_an_announcement_of_ones_own_act_no_accusation() -> None:
    art = _article(
        "The United States made public that it would supply its main battle tanks to Ukraine.",
        {"United States": ("united-states", "GPE"), "Ukraine": ("ukraine", "GPE")},
    )
    assert [e.plover for e in extract_events(art)] == ["AID"]


def test_events_target_is_not_the_actors_own_side_or_organisation() -> None:
    art = _article(
        "Kim criticized Russia and the Workers' Party of Korea.",
        {"Kim": ("kim", "PERSON"), "Workers' Party of Korea": ("wpk", "ORG"), "Russia": ("russia", "GPE")},
    )
    kim = next(a for a in art.actors if a.id == "kim")
    kim.roles = ["director of the Workers' Party of Korea"]
    acc = next(e for e in extract_events(art) if e.plover == "ACCUSE")
    assert acc.actors == ["kim"] and acc.targets == ["russia"]
