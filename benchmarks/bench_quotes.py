#!/usr/bin/env python3
"""Speed of the quotes stage: sentences per second, beside textacy's direct_quotations, one thread.

    python benchmarks/bench_quotes.py [--shared ../shared] [--limit N] [--repeat K] [--json OUT]

Both read the same texts (PolNeAR's dev and test articles) in one process. Two
comparisons, each timed alternately so neither profits from a warmer machine:

* **stage alone**: newsprism's ``newsprism.quotes.v1`` on articles already through
  the stages it needs (nlp, actors, timex), against ``direct_quotations`` on docs
  already parsed by spaCy ``en_core_web_sm`` (which it needs);
* **end to end**: newsprism's per-article pipeline up to quotes (clean, metadata,
  language, nlp, actors, pubdate, timex, quotes) against spaCy's full small pipeline
  plus ``direct_quotations``; and the quotes stage's share of newsprism's time, which
  must stay small (the stage must not dominate the run).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "evals"))



def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="articles per split")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()

    from textacy.extract.triples import direct_quotations

    import polnear
    from newsprism.ingest import from_record
    from newsprism.pipeline import Pipeline, apply_stages
    from newsprism.registry import get_stage

    docs = [d for split in ("dev", "test") for d in polnear.load(Path(args.shared), split, args.limit)]
    texts = [d.text for d in docs]
    # The stages polnear's scoring runs, up to (not including) the quotes stage timed here.
    before, _ = Pipeline([n for n in polnear.STAGES if n != "newsprism.quotes.v1"]).build()
    quotes_fn = get_stage("newsprism.quotes.v1").factory()
    nlp = polnear.load_textacy_model()

    def prepare() -> list[Any]:
        return [apply_stages(from_record({"text": t, "id": f"b{i}"}, f"b{i}.txt"), before) for i, t in enumerate(texts)]

    # Warm both (model loads, compiled patterns), and count sentences as newsprism splits them.
    ready = prepare()
    n_sent = sum(len(a.sentences) for a in ready)
    parsed = list(nlp.pipe(texts))

    def textacy_quotes(doc: Any) -> int:
        try:
            return len(list(direct_quotations(doc)))
        except ValueError:
            return 0  # an odd number of quotation marks: textacy refuses the document

    t = {"quotes_stage": 0.0, "textacy_alone": 0.0, "newsprism_e2e": 0.0, "textacy_e2e": 0.0}
    found = {"newsprism": 0, "textacy": 0}
    for _ in range(args.repeat):
        fresh = [copy.deepcopy(a) for a in ready]
        t0 = time.perf_counter()
        found["newsprism"] = sum(len(quotes_fn(a).quotes) for a in fresh)
        t["quotes_stage"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        found["textacy"] = sum(textacy_quotes(d) for d in parsed)
        t["textacy_alone"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for a in prepare():
            quotes_fn(a)
        t["newsprism_e2e"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for d in nlp.pipe(texts):
            textacy_quotes(d)
        t["textacy_e2e"] += time.perf_counter() - t0
    rate = {k: n_sent * args.repeat / v for k, v in t.items()}
    share = t["quotes_stage"] / t["newsprism_e2e"]
    print(f"{len(texts)} PolNeAR articles, {n_sent} sentences x {args.repeat}, single thread")
    print(f"{'what':34s} {'sentences/s':>12s}")
    print(f"{'newsprism quotes stage alone':34s} {rate['quotes_stage']:12.0f}")
    print(f"{'textacy direct_quotations alone':34s} {rate['textacy_alone']:12.0f}")
    print(f"{'newsprism pipeline up to quotes':34s} {rate['newsprism_e2e']:12.0f}")
    print(f"{'spaCy sm full parse + textacy':34s} {rate['textacy_e2e']:12.0f}")
    print(f"quotes found: newsprism {found['newsprism']} (all kinds), textacy {found['textacy']} (direct only)")
    print(f"speed ratio, stage alone, newsprism / textacy: {rate['quotes_stage'] / rate['textacy_alone']:.2f}")
    print(f"speed ratio, end to end, newsprism / textacy: {rate['newsprism_e2e'] / rate['textacy_e2e']:.2f}")
    print(f"quotes stage share of newsprism's time: {share:.1%}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"sentences": n_sent, "rate": rate, "found": found, "share": share}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
