"""SemEval-2020 Task 11 scoring, reimplemented (Da San Martino et al. 2020, Section 3).

* **SI** (span identification), partial overlap: overlapping spans are merged per
  article (the task's SI labels carry no technique); precision is the sum over
  predicted spans of ``|overlap with gold| / |predicted span|`` over the number of
  predicted spans, recall the sum over gold spans of ``|overlap| / |gold span|`` over
  the number of gold spans, F1 their harmonic mean.
* **TC** (technique classification): gold spans are given, a label is predicted for
  each; micro-F1 equals accuracy. A span labelled with k techniques is matched
  against the system's k labels for it in any order (the task's template repeats
  such spans).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged into one (the task's SI view)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def si_score(gold: Mapping[str, Sequence[tuple[int, int]]], pred: Mapping[str, Sequence[tuple[int, int]]]) -> PRF:
    """SI precision, recall and F1 with partial-overlap credit, over the articles of ``gold``."""
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for aid, gspans in gold.items():
        g = merge_spans(gspans)
        p = merge_spans(pred.get(aid, ()))
        n_pred += len(p)
        n_gold += len(g)
        for s, e in p:
            for a, b in g:
                ov = min(e, b) - max(s, a)
                if ov > 0:
                    p_num += ov / (e - s)
                    r_num += ov / (b - a)
    prec = p_num / n_pred if n_pred else 0.0
    rec = r_num / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return PRF(prec, rec, f1)


def tc_score(gold: Mapping[tuple[str, int, int], Sequence[str]], pred: Mapping[tuple[str, int, int], Sequence[str]]) -> float:
    """TC micro-F1: gold ``(article, start, end) -> labels`` against the predicted labels of each span."""
    hit = total = 0
    for key, labels in gold.items():
        want = Counter(labels)
        got = Counter(list(pred.get(key, ()))[: len(labels)])
        hit += sum((want & got).values())
        total += len(labels)
    return hit / total if total else 0.0
