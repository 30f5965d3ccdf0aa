#!/usr/bin/env python3
"""Score newsprism on the seed corpus, beside a naive baseline, in one command.

    python evals/seeds.py [--shared ../shared] [--json OUT]

The baseline is what a reader gets from the raw page dump with no cleaning: the
first non-blank line as title, every other non-blank line as body, no outlet,
no reprint source, no date. Both dossiers are scored by the shared
``eval/score_seeds.py``. Then the dated events of newsprism's dossier are checked against
hand judgments (``labels/seeds_dated_events.json``): the share that are real happenings of
the right type, with every false one listed (#21); and the quotes the seed gold does not list
against ``labels/seeds_extra_quotes.json`` (quote precision with them judged, #22).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
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
    return dict(score_report(dossier, shared)["measures"])


def score_report(dossier: dict[str, object], shared: Path) -> dict[str, Any]:
    """``score_seeds.py --json`` on a dossier: ``{"measures": {...}, "misses": [...]}``."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(dossier, fh)
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), fh.name, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    Path(fh.name).unlink()
    report, _ = json.JSONDecoder().raw_decode(res.stdout)
    return dict(report)


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


QUOTE_LABELS = HERE / "labels" / "seeds_extra_quotes.json"
EXTRA = re.compile(r"^(\S+) extra quote: (.*)$")


def extra_quotes_judged(dossier: dict[str, Any], report: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Quote precision with the extra quotes (those the seed gold does not list) judged by hand
    (``labels/seeds_extra_quotes.json``): an extra judged right is no error; one judged wrong or
    not judged is. ``score_seeds.py`` counts every extra as an error, since its gold lists the
    quotes that must be found, not every attribution a page makes."""
    labels = {(x["file"], x["start"], x["end"]): x for x in json.loads(QUOTE_LABELS.read_text(encoding="utf-8"))["quotes"]}
    extras: set[tuple[str, str]] = set()
    for miss in report.get("misses", []):
        m = EXTRA.match(miss)
        if m:
            extras.add((m.group(1), ast.literal_eval(m.group(2))))
    files = {a["id"]: Path(str(a["source"])).name for a in dossier["articles"]}
    out: dict[str, Any] = {"extra": 0, "right": 0, "wrong": []}
    for q in dossier["quotes"]:
        f = files.get(q["article"], "")
        if (f, " ".join(str(q["text"]).split())[:70]) not in extras:
            continue
        out["extra"] += 1
        label = labels.get((f, q["start"], q["end"]))
        if label is not None and label["right"]:
            out["right"] += 1
        else:
            out["wrong"].append(f"{f} {q['text'][:70]!r}: {label['note'] if label else 'unjudged'}")
    n_gold = sum(len(doc["quotes"]) for doc in gold["documents"].values())
    used = round(report["measures"]["quotes.found"] * n_gold)
    out["precision"] = (used + out["right"]) / (used + out["extra"]) if used + out["extra"] else 1.0
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    shared = Path(args.shared)
    import newsprism

    dossier = newsprism.analyze(shared / "seeds").as_dict()
    report = score_report(dossier, shared)
    ours = dict(report["measures"])
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
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    extra = extra_quotes_judged(dossier, report, gold)
    ours["quotes.precision_judged"] = extra["precision"]
    print(
        f"quote precision with the extra quotes judged (evals/labels/seeds_extra_quotes.json): "
        f"{extra['precision']:.3f} ({extra['right']} of {extra['extra']} extra quotes judged right)"
    )
    for line in extra["wrong"]:
        print(f"  not right: {line}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"newsprism": ours, "baseline": base}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
