"""Fit the event-confidence model on hand-judged event records, and check it on the untuned ones.

    python -m newsprism.train.event_confidence --shared ../shared [--labels evals/labels/polnear_events.json] [--out PATH]

The labels are verdicts on the event records newsprism gave for shared PolNeAR texts (see their
``_about``): right, or wrong with why. Each set's texts run through the default pipeline as one
corpus; every record today's output gives that was judged becomes a sample: its facts
(:func:`newsprism.event_confidence.facts`) and whether it was judged right. The model is fitted on
the ``tune`` set alone; the ``held_out`` and ``fresh`` sets score it (AUC, Brier score and the
share right by confidence band) beside the fallback of two shares by agent, and the figures are
written into the model file with the weights.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsprism.event_confidence import FEATURES, MODEL_PATH, facts

TEXTS = Path("datasets") / "polnear" / "train" / "text"
DEFAULT_LABELS = Path(__file__).resolve().parents[3] / "evals" / "labels" / "polnear_events.json"
C = 1.0  # inverse regularisation (sklearn's default): 114 samples, eight binary facts


def record_key(triggers: Sequence[Sequence[Any]], plover: str, actors: Sequence[str], targets: Sequence[str], date: Sequence[str | None]) -> str:
    """How a judged record is found again: its mentions' triggers (file, start, end), type,
    actor and target ids and date interval; a record that differs in any of them is unjudged."""
    return json.dumps([sorted(tuple(t) for t in triggers), plover, sorted(actors), sorted(targets), list(date)])


def samples(shared: Path, files: Sequence[str], judged: dict[str, dict[str, Any]]) -> list[tuple[dict[str, bool], bool, float]]:
    """(facts, judged right, today's confidence) of every judged record the pipeline gives for ``files``."""
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline, apply_stages

    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    dossier = Dossier()
    for name in files:
        path = shared / TEXTS / name
        art = apply_stages(Article(id=name, source=str(path), raw_text=path.read_text(encoding="utf-8")), per_article)
        if isinstance(art, Article):
            dossier.articles.append(art)
    for _, fn in corpus:
        fn(dossier)
    arts = {a.id: a for a in dossier.articles}
    people = {a.id for a in dossier.actors if a.type == "PERSON"}
    out = []
    for e in dossier.events:
        triggers = [[Path(arts[m.article].source).name, m.trigger.start, m.trigger.end] for m in e.mentions if m.trigger is not None]
        verdict = judged.get(record_key(triggers, e.plover, e.actors, e.targets, [e.date.earliest, e.date.latest]))
        if verdict is None:
            continue
        quoted = any(
            m.trigger is not None and any(q.span.start <= m.trigger.start < q.span.end for q in arts[m.article].quotes) for m in e.mentions
        )
        out.append((facts(e, quoted, people), verdict["verdict"] == "right", e.confidence))
    return out


def _scores(probs: Sequence[float], truth: Sequence[bool]) -> dict[str, Any]:
    from sklearn.metrics import brier_score_loss, roc_auc_score

    bands = []
    for lo, hi in ((0.0, 0.2), (0.2, 0.35), (0.35, 0.5), (0.5, 1.01)):
        got = [t for p, t in zip(probs, truth, strict=True) if lo <= p < hi]
        if got:
            mean = sum(p for p in probs if lo <= p < hi) / len(got)
            bands.append({"band": [lo, min(hi, 1.0)], "records": len(got), "stated": round(mean, 2), "right": round(sum(got) / len(got), 2)})
    return {
        "records": len(truth),
        "right": sum(truth),
        "auc": round(float(roc_auc_score(truth, probs)), 3) if 0 < sum(truth) < len(truth) else None,
        "brier": round(float(brier_score_loss(truth, probs)), 4),
        "bands": bands,
    }


def train(shared: Path, labels_path: Path, out: Path) -> dict[str, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsprism.event_confidence import FALLBACK, Model

    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    sets: dict[str, list[tuple[dict[str, bool], bool, float]]] = {}
    for name, files in labels["files"].items():
        judged = {record_key(x["triggers"], x["plover"], x["actors"], x["targets"], x["date"]): x for x in labels["events"] if x["set"] == name}
        sets[name] = samples(shared, files, judged)
    tune = sets["tune"]
    X = np.array([[float(f[k]) for k in FEATURES] for f, _, _ in tune])
    y = np.array([t for _, t, _ in tune])
    lr = LogisticRegression(C=C).fit(X, y)
    model = Model({k: round(float(w), 3) for k, w in zip(FEATURES, lr.coef_[0], strict=True)}, round(float(lr.intercept_[0]), 3))
    data: dict[str, Any] = {
        "features": list(FEATURES),
        "weights": model.weights,
        "bias": model.bias,
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    # The checks score what the pipeline ships with these weights (a merged record takes its best
    # member's confidence less the merge's cost), so the texts run once more.
    from newsprism import event_confidence

    event_confidence.model.cache_clear()
    checks: dict[str, Any] = {}
    for name, files in labels["files"].items():
        judged = {record_key(x["triggers"], x["plover"], x["actors"], x["targets"], x["date"]): x for x in labels["events"] if x["set"] == name}
        rows = samples(shared, files, judged) if out == MODEL_PATH else [(f, t, model.probability(f)) for f, t, _ in sets[name]]
        truth = [t for _, t, _ in rows]
        checks[name] = {
            "model": _scores([c for _, _, c in rows], truth),
            "fallback": _scores([FALLBACK["agent" if f["agent"] else "no_agent"] for f, _, _ in rows], truth),
        }
    data = {
        "_about": (
            "Logistic model of whether an event record is right (newsprism.event_confidence), fitted by "
            "python -m newsprism.train.event_confidence on the 'tune' texts' judged records of "
            f"{labels_path.name}; 'checks' scores the confidences the pipeline gives with these weights on every "
            "set, the untuned ones included, beside the fallback."
        ),
        "features": list(FEATURES),
        "weights": model.weights,
        "bias": model.bias,
        "trained_on": {"set": "tune", "records": len(tune), "right": int(sum(y))},
        "checks": checks,
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--labels", default=str(DEFAULT_LABELS))
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    data = train(Path(args.shared), Path(args.labels), Path(args.out))
    print(json.dumps({"weights": data["weights"], "bias": data["bias"], "checks": data["checks"]}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
