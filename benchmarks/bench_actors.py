"""Speed of the nlp and actors stages against bare spaCy NER, in one process, single thread.

The texts are the title and body lines of the seed pages (cleaned by newsprism) and
the CoNLL-2003 test documents (``<shared>/datasets/conll2003-test``; one sentence a
line), so both news prose and wire copy are measured:

* ``spacy``: ``nlp.pipe`` over the same lines with the same model and components
  (``load_model()``: ``ner`` and ``senter``), nothing else;
* ``newsprism``: the ``nlp`` stage (normalisation, the model, the entity rules and the
  knowledge-base gazetteer), the ``actors`` stage on every article and the corpus merge.

The two alternate, ``--repeat`` times, after one warm-up run each; the best time of
each is kept. The ratio is newsprism's words per second over spaCy's (target >= 0.7).

    python benchmarks/bench_actors.py --shared ../shared [--limit N] [--repeat R] [--json OUT]
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
sys.path.insert(0, str(HERE.parent / "evals"))


def corpus(shared: Path, limit: int | None) -> list[Any]:
    """Seed articles cleaned up to the language stage, plus CoNLL documents as articles."""
    from conll import DATASET, articles_of, read_conll
    from newsprism.pipeline import Pipeline, run

    seeds = run([shared / "seeds"], Pipeline(names=("newsprism.clean.v1", "newsprism.metadata.v1"))).articles
    return seeds + articles_of(read_conll(shared / DATASET, limit))


def lines_of(articles: list[Any]) -> list[str]:
    return [a.raw_text[ln.start : ln.end] for a in articles for ln in a.lines if ln.role in ("title", "body") and a.raw_text[ln.start : ln.end].strip()]


def run_spacy(lines: list[str]) -> int:
    from newsprism.stages.nlp import load_model

    nlp = load_model()
    return sum(len(d.ents) for d in nlp.pipe(lines, batch_size=64))


def run_newsprism(articles: list[Any]) -> int:
    from newsprism.actor_merge import merge_actors
    from newsprism.article import Dossier
    from newsprism.stages.actors import link_actors
    from newsprism.stages.nlp import analyse

    analyse(articles)
    for a in articles:
        link_actors(a)
    return len(merge_actors(Dossier(articles=articles).articles))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N CoNLL documents")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    from newsprism.stages.nlp import gazetteer, load_model

    arts = corpus(Path(args.shared), args.limit)
    lines = lines_of(arts)
    words = sum(len(x.split()) for x in lines)
    load_model()
    gazetteer()
    run_spacy(lines)  # warm-up: both pay their one-off costs before timing
    run_newsprism(arts)
    best = {"spacy": float("inf"), "newsprism": float("inf")}
    for r in range(args.repeat):
        order = ("spacy", "newsprism") if r % 2 == 0 else ("newsprism", "spacy")
        for name in order:
            t = time.perf_counter()
            if name == "spacy":
                run_spacy(lines)
            else:
                run_newsprism(arts)
            best[name] = min(best[name], time.perf_counter() - t)
    wps = {k: words / v for k, v in best.items()}
    ratio = wps["newsprism"] / wps["spacy"]
    print(f"{len(arts)} articles, {len(lines)} lines, {words} words; best of {args.repeat}, single thread ({platform.processor() or platform.machine()})")
    print(f"{'system':10s} {'seconds':>8s} {'words/s':>9s}")
    for k in ("spacy", "newsprism"):
        print(f"{k:10s} {best[k]:8.2f} {wps[k]:9.0f}")
    print(f"ratio newsprism/spacy (words/s): {ratio:.2f} (target >= 0.7)")
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"articles": len(arts), "words": words, "seconds": best, "words_per_second": wps, "ratio": ratio}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
