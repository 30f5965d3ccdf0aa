"""Cross-outlet comparison: reprints, story clusters, the coverage matrix, and ECB+ B-cubed (issue 8)."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.article import Article, DateRange, Dossier
from newsprism.compare import (
    StoryClusterer,
    StoryFeatures,
    assign_stories,
    background_share,
    cluster_stories,
    coverage,
    find_reprints,
    make_reprints,
    make_stories,
    provenance,
    quote_groups,
    report_status,
    story_features,
    story_id,
)
from newsprism.pipeline import Pipeline
from newsprism.settings import DEFAULT_PIPELINE
from test_report_data import hand_dossier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))

import ecb_stories  # noqa: E402  (the eval script is not a package)

pytestmark = pytest.mark.issue(8)

WIRE = (
    "The port authority of Calderra closed the northern terminal on Tuesday after a crane collapsed onto a "
    "container ship during a storm, injuring three workers and halting traffic for the rest of the week. "
    "Engineers from the harbour board said the crane had been inspected in March and passed every test. "
    "The union called for an independent inquiry and said its members would not return until the other "
    "cranes were checked. Shipping lines diverted eleven vessels to the southern terminal, where queues "
    "already stretched for two days."
)
OTHER = (
    "A new ferry route between the islands of Vell and Ostra opened on Saturday with two daily crossings. "
    "The operator said tickets sold out within an hour and that a third crossing would be added in summer. "
    "Residents of Ostra had campaigned for the route for a decade, saying the old boat was slow and unreliable."
)


def art(aid: str, text: str, published: str | None = None, **kw: object) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        raw_text=text,
        body=text,
        published=DateRange(published, published, 1.0, "given") if published else DateRange(),
        **kw,  # type: ignore[arg-type]
    )


def test_compare_reprints_finds_copies_and_partial_reprints() -> None:
    local = "Readers in Vell said the storm also flooded the fish market. " * 2
    arts = [
        art("orig", WIRE, "2024-03-05", outlet="Calderra Wire"),
        art("copy", WIRE.replace("Tuesday", "Tuesday morning"), "2024-03-06", outlet="Daily Echo"),
        art("partial", WIRE[: len(WIRE) * 2 // 3] + " " + local, "2024-03-07", outlet="Vell Gazette"),
        art("other", OTHER, "2024-03-05", outlet="Island Post"),
    ]
    found = {r.article: r for r in find_reprints(arts)}
    assert set(found) == {"copy", "partial"}
    assert found["copy"].source == "orig" and found["copy"].kind == "copy"
    assert found["partial"].source == "orig" and found["partial"].kind == "partial"
    assert found["partial"].containment > 0.6


def test_compare_reprint_direction_follows_declared_notice_then_date() -> None:
    # The copy is dated earlier but says it reprints the wire: the notice wins.
    arts = [art("a", WIRE, "2024-03-06", outlet="Calderra Wire"), art("b", WIRE, "2024-03-05", reprint_of="Calderra Wire")]
    (r,) = find_reprints(arts)
    assert (r.article, r.source) == ("b", "a")
    arts = [art("late", WIRE, "2024-03-09"), art("early", WIRE, "2024-03-05"), art("undated", WIRE)]
    found = {r.article: r.source for r in find_reprints(arts)}
    assert found == {"late": "early", "undated": "early"}


def test_compare_reprints_stage_sets_duplicate_of_and_provenance() -> None:
    d = Dossier(articles=[art("a", WIRE, "2024-03-05", outlet="Calderra Wire"),
                          art("b", WIRE, "2024-03-06", reprint_of="Calderra Wire"),
                          art("c", OTHER, "2024-03-06", reprint_of="Reuters")])
    make_reprints()(d)
    assert [a.duplicate_of for a in d.articles] == [None, "a", None]
    assert "shingles" in d.articles[1].evidence["duplicate_of"]
    edges = {(e.article, e.source): e for e in provenance(d.articles)}
    assert edges[("b", "a")].declared and edges[("b", "a")].found
    assert edges[("c", "Reuters")].source_is_outlet and not edges[("c", "Reuters")].found


def test_compare_stories_split_two_happenings_of_one_kind() -> None:
    # Each report retells its happening in a few of the same sentences, as outlets do.
    ws, os_ = WIRE.split(". "), OTHER.split(". ")
    crane = [art(f"crane{i}", ". ".join(ws[i : i + 3]), "2024-03-05") for i in range(3)]
    ferry = [art(f"ferry{i}", ". ".join(os_[i : i + 2]), "2024-03-06") for i in range(2)]
    clusters = cluster_stories([story_features(a) for a in crane + ferry])
    as_sets = sorted(sorted(c) for c in clusters)
    assert as_sets == [sorted(a.id for a in crane), sorted(a.id for a in ferry)]


def test_compare_stories_dates_far_apart_raise_the_bar() -> None:
    a = StoryFeatures("a", {"crane": 1.0, "calderra": 1.0, "storm": 1.0}, day=700000)
    b = StoryFeatures("b", {"crane": 1.0, "calderra": 1.0, "union": 1.0}, day=700002)
    c = StoryFeatures("c", {"crane": 1.0, "calderra": 1.0, "union": 1.0}, day=700900)
    sims = {}
    for other in (b, c):
        cl = StoryClusterer(df=Counter({"crane": 1, "calderra": 1, "storm": 1, "union": 2}), n_docs=10)
        cl.add(a)
        s = cl.stories[0]
        sims[other.id] = cl.similarity(cl.vector(other), other.day, s)
    assert sims["c"] < sims["b"]


def test_compare_stories_shared_events_join_reports_of_one_happening() -> None:
    a = StoryFeatures("a", {"summit": 1.0, "treaty": 1.0}, events=frozenset({"e1", "e2"}))
    b = StoryFeatures("b", {"statement": 1.0, "criticised": 1.0}, events=frozenset({"e1", "e2", "e3"}))
    assert len(cluster_stories([a, b])) == 1
    assert len(cluster_stories([replace(a, events=frozenset()), replace(b, events=frozenset())])) == 2


def test_compare_stories_incremental_add_and_stable_ids() -> None:
    c = StoryClusterer()
    first = c.add(StoryFeatures("x", {"crane": 1.0, "calderra": 1.0}))
    assert c.add(StoryFeatures("x", {"crane": 1.0})) == first  # an article is placed once
    assert c.add(StoryFeatures("y", {"crane": 1.0, "calderra": 1.0})) == first
    assert c.add(StoryFeatures("z", {"ferry": 1.0, "ostra": 1.0})) != first
    assert story_id(["b", "a"]) == story_id(["a", "b"]) and story_id(["a"]).startswith("story-")


def test_compare_stories_stage_on_hand_dossier() -> None:
    d = hand_dossier()
    make_stories()(d)
    story = {a.id: a.story for a in d.articles}
    # The summit reports (and the reprint) are one story. (The editorial on the march seven weeks
    # later names the summit's plan and both leaders: in a pile of four, with the background of
    # general news, it joins them; ECB+ small piles measure that trade in evals/ecb_stories.py.)
    assert story["a1"] == story["a2"] == story["a4"]


def test_compare_stages_in_the_default_pipeline_after_the_events() -> None:
    names = [m.name for m in Pipeline().metas()]
    assert names.index("newsprism.reprints.v1") < names.index("newsprism.stories.v1")
    # Stories read the merged events, so they come after the events' corpus stage.
    if "newsprism.events.corpus.v1" in DEFAULT_PIPELINE:
        assert names.index("newsprism.events.corpus.v1") < names.index("newsprism.stories.v1")


def test_compare_report_status_reported_or_referenced() -> None:
    d = hand_dossier()
    summit = next(e for e in d.events if e.id == "ev-summit")
    by_id = {a.id: a for a in d.articles}
    assert report_status(by_id["a2"], summit) == "reported"
    assert report_status(by_id["a3"], summit) == "referenced"
    undated = replace(by_id["a3"], published=DateRange())
    assert report_status(undated, summit) == "reported"


def test_compare_quote_groups_join_cut_quotes_of_one_speaker() -> None:
    d = hand_dossier()
    groups = [g for g in quote_groups(d) if len(g) > 1]
    assert groups == [[0, 1, 3]]


def test_compare_coverage_statuses_and_blindspots() -> None:
    d = hand_dossier()
    # The stories as given (the clustering has tests of its own): the march is a story of its own.
    for a in d.articles:
        a.story = "story-march" if a.id == "a3" else "story-summit"
    cov = coverage(d)
    rows = {r.key: r for r in cov.rows}
    summit = rows["ev-summit"]
    assert {o: c.status for o, c in summit.cells.items()} == {
        "Harbor Daily": "reported",
        "Coast Wire": "reported",
        "Metro Reprints": "reported",
        "Evening Ledger": "referenced",
    }
    voss = next(r for r in cov.rows if r.kind == "quote" and "build the bridge" in r.label)
    assert {o: c.status for o, c in voss.cells.items()} == {
        "Harbor Daily": "quoted",
        "Coast Wire": "quoted",
        "Metro Reprints": "quoted",
    }
    kirov = next(r for r in cov.rows if r.kind == "quote" and "strait" in r.label)
    assert kirov.cells["Coast Wire"].status == "paraphrased"
    assert kirov.cells["Harbor Daily"].status == "omitted"
    # The march is a story of its own: outlets not covering it have no cell, not a blindspot.
    assert set(rows["ev-march"].cells) == {"Evening Ledger"}
    blind = {b.who: b for b in cov.blindspots}
    assert "q2" in blind["Harbor Daily"].missing
    # Rows run in date order, undated last.
    dates = [r.date for r in cov.rows if r.date]
    assert cov.rows[0].key == "ev-earlier" and len(dates) == len(cov.rows)


def test_compare_coverage_camps_from_stance() -> None:
    d = hand_dossier()
    cov = coverage(d)
    assert cov.camps == {"critical of Dana Kirov": ["Evening Ledger"], "supportive of Dana Kirov": ["Harbor Daily"]}
    empty = coverage(Dossier())
    assert empty.rows == [] and empty.outlets == [] and empty.blindspots == []


def test_compare_bcubed_by_hand() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert ecb_stories.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = ecb_stories.bcubed({"a": "1", "b": "1", "c": "1", "d": "1"}, gold)
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    p, r, _ = ecb_stories.bcubed({"a": "1", "b": "2", "c": "3", "d": "4"}, gold)
    assert (p, r) == (1.0, 0.5)


def test_compare_ecb_detokenize() -> None:
    assert ecb_stories.detokenize(["He", "said", "``", "no", "''", ",", "it", "'s", "over", "."]) == 'He said "no", it\'s over.'


# Measured on every shared ECB+ document, read bare (no cleaning, entities or dates, which
# `make eval` adds): newsprism 0.923 (0.909 without the lead embeddings that join small stories),
# TF-IDF 0.875 at its best threshold (0.15). The floor leaves room for library updates; the gain
# must stay real.
ECB_FLOOR = 0.91
ECB_MIN_GAIN = 0.015


def test_compare_ecb_story_clustering_bcubed(shared: Path) -> None:
    if not (shared / ecb_stories.DATASET).is_dir():
        pytest.skip("ECB+ is missing from ../shared")
    docs = ecb_stories.load(shared)
    gold = {d.name: d.gold for d in docs}
    dossier = ecb_stories.analyse(docs, stages=())
    ours = ecb_stories.bcubed(ecb_stories._as_map(assign_stories(dossier)), gold)[2]
    text_only = [story_features(a, text_only=True) for a in dossier.articles]
    base = ecb_stories.bcubed(ecb_stories._as_map(cluster_stories(text_only, threshold=0.15, idf_power=1.0, background_docs=0.0)), gold)[2]
    assert len(docs) == 731
    assert ours >= ECB_FLOOR, f"B-cubed F1 {ours:.3f} < {ECB_FLOOR}"
    assert ours >= base + ECB_MIN_GAIN, f"newsprism {ours:.3f} vs TF-IDF {base:.3f}"


def test_dossier_carries_outlet_profiles_and_coverage_matrix(examples: Path) -> None:
    import newsprism
    from newsprism.stages.profiles import UNKNOWN_OUTLET

    d = newsprism.analyze(examples)
    assert {o["outlet"] for o in d.outlets} == {a.outlet or UNKNOWN_OUTLET for a in d.articles}
    for o in d.outlets:
        assert set(o["articles"]) <= {a.id for a in d.articles}
        assert o["own_density_per_1000_words"] >= 0
    assert d.coverage is not None
    assert d.coverage["outlets"] and d.coverage["rows"]
    statuses = {c["status"] for r in d.coverage["rows"] for c in r["cells"].values()}
    assert statuses <= {"reported", "referenced", "quoted", "paraphrased", "asserted", "omitted"}
    again = Dossier.from_json(d.to_json())
    assert again.outlets == d.outlets and again.coverage == d.coverage


def test_unnamed_outlet_is_its_domain_or_unknown_outlet_not_a_file_name() -> None:
    """Unnamed outlets were shown by file name ("unnamed (x.txt)"): the page's domain names the
    site; with no address the label says the outlet is unknown (#25)."""
    from newsprism.article import Article
    from newsprism.compare import outlet_label

    assert outlet_label(Article(id="a", source="x.txt", raw_text="", url="https://www.harbour-news.example/a/1")) == "harbour-news.example"
    assert outlet_label(Article(id="b", source="pages/x.txt", raw_text="")) == "unknown outlet (x.txt)"
    assert outlet_label(Article(id="c", source="x.txt", raw_text="", url="javascript:alert(1)")) == "unknown outlet (x.txt)"
    assert outlet_label(Article(id="d", source="x.txt", raw_text="", outlet="Vesnia Wire")) == "Vesnia Wire"


def test_examples_strike_is_one_story(examples: Path) -> None:
    """The invented four-day strike in examples/ came out as four, then seven stories: nine reports
    cannot tell alone that "Calderra" is rare and "said" is not; the background of general news
    does (#25)."""
    import newsprism

    d = newsprism.analyze(examples)
    assert len({a.story for a in d.articles}) == 1, sorted((a.story, a.title) for a in d.articles)


def test_small_pile_of_two_happenings_stays_two_stories() -> None:
    """A small pile (a strike, a ferry route) with the background prior: two stories, not one."""
    ws, os_ = WIRE.split(". "), OTHER.split(". ")
    crane = [art(f"crane{i}", ". ".join(ws[i : i + 3]), "2024-03-05") for i in range(3)]
    ferry = [art(f"ferry{i}", ". ".join(os_[i : i + 2]), "2024-03-06") for i in range(2)]
    feats = [story_features(a) for a in crane + ferry]
    assert sorted(sorted(c) for c in cluster_stories(feats)) == [sorted(a.id for a in crane), sorted(a.id for a in ferry)]
    # What the background knows: "said" is common in general English, an invented place is not.
    assert background_share("said") > 0.2 > background_share("Ccalderra") == 0.0
    assert background_share("@person-mara-telling") < background_share("@united-states")


def test_coverage_figure_label_is_the_figure_in_its_words() -> None:
    """Figure rows read "600,000 crowns (raised crowns)": a unit and a guessed topic. The label is
    the figure with the words around it, as the article writes them (#22, #25)."""
    d = hand_dossier()
    assign_stories(d)
    rows = [r for r in coverage(d).rows if r.kind == "claim"]
    assert rows
    for r in rows:
        assert r.label.startswith("“") and r.label.endswith("”")
        assert "ships" in r.label and "(" not in r.label
