"""The ECB+ and TimeLine evaluations of the events layer, and the scorers they use.

The corpus checks run on small subsets with real floors (ECB+ topics 1 and 3; TimeLine
corpus_1); ``make eval`` runs all shared topics and corpora.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "evals"))

import ecbplus as ecb  # noqa: E402
import timeline as tl  # noqa: E402

# ------------------------------------------------------------------------- coreference scorers


def test_eval_ecbplus_muc_b3_ceaf_on_a_worked_example() -> None:
    key = [{"a", "b", "c"}, {"d", "e"}]
    response = [{"a", "b"}, {"c", "d", "e"}]
    p, r, _ = ecb.muc(key, response)
    assert (round(p, 3), round(r, 3)) == (0.667, 0.667)
    p, r, _ = ecb.b_cubed(key, response)
    # precision: a,b 2/2; c 1/3; d,e 2/3 -> (1+1+1/3+2/3+2/3)/5
    assert round(p, 4) == round((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 4)
    assert round(r, 4) == round((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 4)
    p, r, _ = ecb.ceaf_e(key, response)
    # best matching: {a,b,c}~{a,b} (2*2/5) and {d,e}~{c,d,e} (2*2/5)
    assert round(p, 4) == round(0.8 * 2 / 2, 4) and round(r, 4) == round(0.8 * 2 / 2, 4)
    perfect = ecb.conll(key, key)
    assert perfect["conll"] == pytest.approx(1.0)


def test_eval_ecbplus_singletons_and_empty() -> None:
    assert ecb.muc([{"a"}], [{"a"}])[2] == 0.0  # MUC ignores singletons
    assert ecb.b_cubed([{"a"}], [{"a"}])[2] == 1.0
    assert ecb.ceaf_e([], [{"a"}]) == (0.0, 0.0, 0.0)


# Measured on topics 1 and 3 (corpus setting): newsprism CoNLL 0.72, lemma 0.70; all 31 shared
# topics: newsprism 0.715, lemma 0.530 (corpus), 0.720 / 0.713 (within gold topics).
# The whole shared part (67.1 against the lemma baseline's 53.0 on 2026-12-06). On a few topics
# alone the corpus-wide lemma baseline meets few other topics' words and ties or wins (topics 1-6:
# 0.665 each), since #21 keeps more mentions apart (two sentences of one article need the same
# word and side; undated mentions of two documents one first story; places are no parties).
ECB_FLOOR = 0.66


@pytest.mark.issue(6)
def test_eval_ecbplus_subset_beats_the_lemma_baseline() -> None:
    if not (SHARED / ecb.DATASET).is_dir():
        pytest.skip("ECB+ is missing")
    docs = ecb.load(SHARED)
    key = ecb.gold_clusters(docs)
    lemma = ecb.lemmas(docs)
    prep = ecb.prepare(docs, lemma)
    ours = ecb.conll(key, ecb.newsprism_clusters(prep, by_topic=False))
    base = ecb.conll(key, ecb.lemma_baseline(docs, lemma, by_topic=False))
    assert ours["conll"] >= ECB_FLOOR
    assert ours["conll"] >= base["conll"] + 0.05  # #21: beat the same-lemma baseline by five points


# ------------------------------------------------------------------------- timeline metric

GOLD = [
    (0, "XXXX-XX-XX", ["1-1-said"]),
    (1, "2005-01-18", ["1-2-launched", "2-4-unveiled"]),
    (2, "2005-06-13", ["2-5-won"]),
]


def test_eval_timeline_graph_and_closure() -> None:
    rels = tl.relations(GOLD)
    assert ("1-2-launched", "BEFORE", "2-5-won") in rels
    assert ("1-2-launched", "SIMULTANEOUS", "2-4-unveiled") in rels
    assert ("2-5-won", "SIMULTANEOUS", "T:2005-06-13") in rels
    c = tl.Closure(rels)
    assert c.entails(("2-4-unveiled", "BEFORE", "2-5-won"))  # through the SIMULTANEOUS link
    assert not c.entails(("2-5-won", "BEFORE", "1-2-launched"))


def test_eval_timeline_awareness_perfect_and_partial() -> None:
    aw = tl.Awareness()
    aw.add(GOLD, GOLD)
    assert aw.scores() == (1.0, 1.0, 1.0)
    aw = tl.Awareness()
    aw.add(GOLD, [(1, "2005-06-13", ["2-5-won"]), (2, "2006-01-01", ["1-2-launched"])])
    p, r, _ = aw.scores()
    assert 0 < p < 1 and 0 < r < 1


def test_eval_timeline_parse_and_granularity() -> None:
    entity, lines = tl.parse_timeline("Airbus\n0\tXXXX-XX-XX\t1-2-x\n1\t2005-XX-XX\t3-4-y\t5-6-z\n")
    assert entity == "Airbus" and lines[1] == (1, "2005-XX-XX", ["3-4-y", "5-6-z"])
    assert tl._granular("2024-06-01", "2024-06-30") == "2024-06-XX"
    assert tl._granular("2024-01-01", "2024-12-31") == "2024-XX-XX"
    assert tl._granular("2024-06-19", "2024-06-19") == "2024-06-19"


# Measured on corpus_1: F1 7.08 (both shared corpora 6.67; published best Track A 7.85).
TIMELINE_FLOOR = 0.05


@pytest.mark.issue(6)
def test_eval_timeline_corpus_1_floor() -> None:
    if not (SHARED / tl.DATASET).is_dir():
        pytest.skip("the TimeLine data is missing")
    res = tl.evaluate(SHARED, ["corpus_1"])
    assert res["micro"]["f1"] >= TIMELINE_FLOOR
