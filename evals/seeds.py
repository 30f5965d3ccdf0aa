#!/usr/bin/env python3
"""Score newsprism on the seed corpus, beside a naive baseline, in one command.

    python evals/seeds.py [--shared ../shared] [--json OUT]

The baseline is what a reader gets from the raw page dump with no cleaning: the
first non-blank line as title, every other non-blank line as body, no outlet,
no reprint source, no date. Both dossiers are scored by the shared
``eval/score_seeds.py``. Then the dated events of newsprism's dossier are checked against
hand judgments (``labels/seeds_dated_events.json``): the share that are real happenings of
the right type, with every false one listed (#21).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def baseline_dossier(seeds: Path) -> dict[str, object]:
    from newsprism.article import Article, Dossier, Line
    from newsprism.clean import split_lines
    from newsprism.ingest import iter_inputs

    d = Dossier()
    for art in iter_inputs([seeds]):
        if not isinstance(art, Article):
            continue
        lines = []
        title_seen = False
        for n, (s, e) in enumerate(split_lines(art.raw_text), 1):
            text = art.raw_text[s:e].strip()
            if not text:
                role = "blank"
            elif not title_seen:
                role, title_seen = "title", True
                art.title = text
            else:
                role = "body"
            lines.append(Line(n, s, e, role))
        art.lines = lines
        d.articles.append(art)
    return d.as_dict()


def score(dossier: dict[str, object], shared: Path) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(dossier, fh)
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), fh.name, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    Path(fh.name).unlink()
    out = res.stdout[: res.stdout.rfind("}") + 1]
    return dict(json.loads(out)["measures"])


LABELS = HERE / "labels" / "seeds_dated_events.json"


def dated_events_judged(dossier: dict[str, Any]) -> dict[str, Any]:
    """The dossier's dated events against the hand judgments: how many are real and rightly typed
    (an event is judged by its first mention's trigger); unjudged ones count as not right."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["events"]
    by_key = {(x["file"], tuple(x["trigger"]), x["plover"]): x for x in labels}
    files = {a["id"]: Path(str(a["source"])).name for a in dossier["articles"]}
    out: dict[str, Any] = {"dated": 0, "right": 0, "unjudged": 0, "wrong": []}
    for e in dossier["events"]:
        if not (e["date"].get("earliest") or e["date"].get("latest")) or not e["mentions"]:
            continue
        out["dated"] += 1
        m = e["mentions"][0]
        t = m.get("trigger") or {}
        label = by_key.get((files.get(m["article"]), (t.get("start"), t.get("end")), e["plover"]))
        if label is None:
            out["unjudged"] += 1
            out["wrong"].append(f"unjudged {e['plover']} {e['summary']!r}")
        elif label["real"] and label["typed"]:
            out["right"] += 1
        else:
            out["wrong"].append(f"{e['plover']} {e['summary']!r}: {label['note']}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    shared = Path(args.shared)
    import newsprism

    dossier = newsprism.analyze(shared / "seeds").as_dict()
    ours = score(dossier, shared)
    base = score(baseline_dossier(shared / "seeds"), shared)
    print(f"{'measure':34s} {'newsprism':>10s} {'baseline':>10s}")
    for k in ours:
        print(f"{k:34s} {ours[k]:10.3f} {base.get(k, 0.0):10.3f}")
    judged = dated_events_judged(dossier)
    ours["events.dated_right"] = judged["right"] / judged["dated"] if judged["dated"] else 0.0
    print(
        f"dated events judged real and rightly typed (evals/labels/seeds_dated_events.json): "
        f"{judged['right']}/{judged['dated']} ({judged['unjudged']} unjudged)"
    )
    for line in judged["wrong"]:
        print(f"  false: {line}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"newsprism": ours, "baseline": base}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
