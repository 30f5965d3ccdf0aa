#!/usr/bin/env python3
"""Events as an analyst reads them, on real US news (#21): the share of event records judged right.

    python evals/polnear_events.py [--shared ../shared] [--json OUT]

The 32 PolNeAR texts named in ``labels/polnear_events.json`` run through the default pipeline,
16 at a time (each set one corpus, as the judged output was made). Every event record of the
dossier is looked up among the hand judgments by its mentions' triggers, type, parties and date;
a record judged is right only when it is a real happening, rightly typed, with no wrong party,
no wrong date and no wrong merge (see the labels' ``_about``). Reported per set: records, judged,
right among judged, and the right records per article (what the dossier gets right, beside how
much it says). Beside it, ``before``: the output of main before the events-parties rules of
2026-12-06 (commit 024e039), every record of which was judged (the labels' ``seen_in``). The
``tune`` set's judgments were read while writing those rules; the ``held_out`` set was judged
afterwards, on both outputs. The ``fresh`` set (12 more texts) was judged on 2026-12-07 on the
output of that day (commit d3cacb1), by a reviewer who saw no rule; no rule was written from it. A record of today's output that no one judged is counted apart
(records minus judged), never as right or wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
LABELS = HERE / "labels" / "polnear_events.json"
TEXTS = Path("datasets") / "polnear" / "train" / "text"


def _key(triggers: list[list[Any]], plover: str, actors: list[str], targets: list[str], date: list[str | None]) -> str:
    from newsprism.train.event_confidence import record_key

    return record_key(triggers, plover, actors, targets, date)


def analyse(shared: Path, files: list[str]) -> list[dict[str, Any]]:
    """Today's event records for ``files`` (one corpus), keyed as the labels are."""
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline, apply_stages

    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    dossier = Dossier()
    for name in files:
        art = apply_stages(Article(id=name, source=str(shared / TEXTS / name), raw_text=(shared / TEXTS / name).read_text(encoding="utf-8")), per_article)
        if isinstance(art, Article):
            dossier.articles.append(art)
    for _, fn in corpus:
        fn(dossier)
    src = {a.id: Path(a.source).name for a in dossier.articles}
    out = []
    for e in dossier.events:
        triggers = [[src[m.article], m.trigger.start, m.trigger.end] for m in e.mentions if m.trigger is not None]
        out.append({"key": _key(triggers, e.plover, e.actors, e.targets, [e.date.earliest, e.date.latest]), "plover": e.plover, "confidence": e.confidence})
    return out


def score(records: list[dict[str, Any]], judged: dict[str, dict[str, Any]], n_files: int) -> dict[str, float]:
    hits = [judged[r["key"]] for r in records if r["key"] in judged]
    right = sum(1 for j in hits if j["verdict"] == "right")
    return {
        "records": len(records),
        "judged": len(hits),
        "right": right,
        "precision": right / len(hits) if hits else 0.0,
        "right_per_article": right / n_files if n_files else 0.0,
        "real": sum(1 for j in hits if j["real"]) / len(hits) if hits else 0.0,
        "parties_ok": sum(1 for j in hits if j["parties"] in ("right", "none")) / len(hits) if hits else 0.0,
    }


# Bands of stated confidence, and the split the report and the web timeline make (records below
# ``newsprism.views.LESS_CERTAIN_BELOW`` are set apart as less certain).
BANDS = ((0.0, 0.2), (0.2, 0.3), (0.3, 0.5), (0.5, 1.01))


def _bands(records: list[dict[str, Any]], judged: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from newsprism.views import LESS_CERTAIN_BELOW

    cuts = [(f"confidence {lo:.1f}-{min(hi, 1.0):.1f}", lo, hi) for lo, hi in BANDS]
    cuts += [(f"shown (>= {LESS_CERTAIN_BELOW})", LESS_CERTAIN_BELOW, 1.01), (f"set apart (< {LESS_CERTAIN_BELOW})", 0.0, LESS_CERTAIN_BELOW)]
    out: dict[str, Any] = {}
    for label, lo, hi in cuts:
        got = [(r["confidence"], judged[r["key"]]["verdict"] == "right") for r in records if r["key"] in judged and lo <= r["confidence"] < hi]
        if got:
            out[label] = {"records": len(got), "right": sum(t for _, t in got), "share": sum(t for _, t in got) / len(got), "stated": sum(c for c, _ in got) / len(got)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    res: dict[str, Any] = {}
    print("PolNeAR events judged by hand (evals/labels/polnear_events.json): records judged right")
    print(f"{'set':9s} {'system':10s} {'records':>7s} {'judged':>6s} {'right':>5s} {'precision':>9s} {'real':>5s} {'parties ok':>10s} {'right/article':>13s}")
    for name, files in labels["files"].items():
        if not all((args.shared / TEXTS / f).exists() for f in files):
            print(f"{name}: texts not under {args.shared / TEXTS}", file=sys.stderr)
            continue
        judged = {_key(x["triggers"], x["plover"], x["actors"], x["targets"], x["date"]): x for x in labels["events"] if x["set"] == name}
        base = score([{"key": k} for k, x in judged.items() if "before" in x.get("seen_in", ())], judged, len(files))
        records = analyse(args.shared, files)
        ours = score(records, judged, len(files))
        calib = _bands(records, judged)
        ours["calibration"] = calib  # type: ignore[assignment]
        calibration_lines = [f"    {k}: {v['right']}/{v['records']} judged right ({v['share']:.2f}), stated {v['stated']:.2f} on average" for k, v in calib.items()]
        res[name] = {"newsprism": ours, "before": base}
        for system, s in (("newsprism", ours), ("before", base))[: 2 if base["records"] else 1]:
            print(
                f"{name:9s} {system:10s} {s['records']:7d} {s['judged']:6d} {s['right']:5d} {s['precision']:9.3f} {s['real']:5.2f} "
                f"{s['parties_ok']:10.2f} {s['right_per_article']:13.2f}"
            )
        print("\n".join(calibration_lines))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
