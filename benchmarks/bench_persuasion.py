"""Speed of the persuasion stage on one CPU core: sentences per second, beside the lexicon alone.

The texts are the PTC dev articles (one sentence a line; ``<shared>/datasets/ptc-semeval2020``)
and the seed pages cleaned by newsprism. Each is an ``Article`` with title and body
lines and no nlp sentences, so the stage reads one sentence a line, as in the dataset.

* ``newsprism``: the whole stage (``persuade``: token and sentence models, technique
  classifier, voices), model loaded once beforehand;
* ``lexicon``: the cue lists alone matched over the same sentences (the floor any
  cue-based system pays).

Best of ``--repeat`` runs after a warm-up. Target: >= 200 sentences/s for the stage.

    python benchmarks/bench_persuasion.py --shared ../shared [--repeat R] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def corpus(shared: Path) -> list[Any]:
    from newsprism.article import Article, Line
    from newsprism.pipeline import Pipeline, run
    from newsprism.train.datasets import read_ptc

    arts: list[Any] = []
    if (shared / "seeds").is_dir():
        arts += run([shared / "seeds"], Pipeline(names=("newsprism.clean.v1", "newsprism.metadata.v1"))).articles
    for d in read_ptc(shared, "dev"):
        lines = [Line(n, s, e, "title" if n == 1 else "body") for n, (s, e) in enumerate(d.lines(), 1)]
        arts.append(Article(id=d.id, source=f"ptc/{d.id}", raw_text=d.text, lines=lines))
    return arts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    from newsprism.stages.persuasion import article_sentences, lexicon, load_model, persuade

    arts = corpus(Path(args.shared))
    sents = sum(len(article_sentences(a)) for a in arts)
    model = load_model()
    lex = lexicon()

    def run_stage() -> int:
        return sum(len(persuade(a, model).persuasion) for a in arts)

    def run_lexicon() -> int:
        return sum(len(lex.find(a.raw_text, s, e)) for a in arts for s, e in article_sentences(a))

    best = {"newsprism": float("inf"), "lexicon": float("inf")}
    spans = {"newsprism": run_stage(), "lexicon": run_lexicon()}  # warm-up
    for _ in range(args.repeat):
        for name, fn in (("newsprism", run_stage), ("lexicon", run_lexicon)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    res = {
        "machine": f"{platform.processor() or platform.machine()}, python {platform.python_version()}, one thread",
        "articles": len(arts),
        "sentences": sents,
        "spans": spans,
        "seconds": {k: round(v, 3) for k, v in best.items()},
        "sentences_per_second": {k: round(sents / v, 1) for k, v in best.items()},
        "target_sentences_per_second": 200,
    }
    print(f"persuasion: {len(arts)} articles, {sents} sentences")
    for name in ("newsprism", "lexicon"):
        print(f"  {name:10s} {res['sentences_per_second'][name]:9.1f} sentences/s  ({best[name]:.2f}s, {spans[name]} spans)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
