"""Speed of the whole pipeline against bare spaCy NER, in one process, single thread (#24).

The texts are shared PolNeAR articles (real US political news, title and paragraphs; by default
100 of train's texts, from the 200th by name):

* ``spacy``: ``nlp.pipe`` over the texts' lines with ``en_core_web_sm``'s ``ner`` alone (the
  model ``load_model()`` loads, its sentence segmenter disabled): bare NER;
* ``newsprism``: every per-article stage of the default pipeline on every text, then every
  corpus stage over the lot (what ``newsprism analyze`` does, without the store and the report).

Words are whitespace-separated tokens of the texts. The two alternate ``--repeat`` times after a
warm-up; the best time of each is kept. The ratio is newsprism's words per second over spaCy's
(#24 asks >= 0.5). Each stage's share of newsprism's time is printed, to show where it goes.

    python benchmarks/bench_pipeline.py --shared ../shared [--limit N] [--start K] [--repeat R] [--json OUT]
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


def texts_of(shared: Path, start: int, limit: int) -> list[str]:
    paths = sorted((shared / "datasets" / "polnear" / "train" / "text").glob("*.txt"))[start : start + limit]
    return [p.read_text(encoding="utf-8") for p in paths]


def run_spacy(texts: list[str]) -> int:
    from newsprism.stages.nlp import load_model

    nlp = load_model()
    lines = [ln for t in texts for ln in t.splitlines() if ln.strip()]
    with nlp.select_pipes(enable=["ner"]):
        return sum(len(d.ents) for d in nlp.pipe(lines, batch_size=64))


def run_newsprism(texts: list[str], per_stage: dict[str, float]) -> int:
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline

    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    dossier = Dossier()
    for i, text in enumerate(texts):
        art: Any = Article(id=f"b{i}", source=f"b{i}.txt", raw_text=text)
        for name, fn in per_article:
            t0 = time.perf_counter()
            art = fn(art)
            per_stage[name] = per_stage.get(name, 0.0) + time.perf_counter() - t0
        dossier.articles.append(art)
    for name, fn in corpus:
        t0 = time.perf_counter()
        fn(dossier)
        per_stage[name] = per_stage.get(name, 0.0) + time.perf_counter() - t0
    return len(dossier.events)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--start", type=int, default=200)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    texts = texts_of(args.shared, args.start, args.limit)
    if not texts:
        print(f"no PolNeAR texts under {args.shared}", file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t in texts)
    run_spacy(texts[:3])
    run_newsprism(texts[:3], {})
    best = {"spacy": float("inf"), "newsprism": float("inf")}
    stages: dict[str, float] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        run_spacy(texts)
        best["spacy"] = min(best["spacy"], time.perf_counter() - t0)
        per: dict[str, float] = {}
        t0 = time.perf_counter()
        run_newsprism(texts, per)
        took = time.perf_counter() - t0
        if took < best["newsprism"]:
            best["newsprism"], stages = took, per
    wps = {k: words / v for k, v in best.items()}
    ratio = wps["newsprism"] / wps["spacy"]
    print(f"{len(texts)} PolNeAR texts, {words} words, {platform.python_implementation()} {platform.python_version()}, one thread")
    print(f"  bare spaCy NER      {wps['spacy']:8.0f} words/s")
    print(f"  newsprism pipeline  {wps['newsprism']:8.0f} words/s  ratio {ratio:.2f} (#24 asks >= 0.5)")
    total = sum(stages.values()) or 1.0
    for name, t in sorted(stages.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {name:32s} {t:6.2f} s  {100 * t / total:4.1f}%")
    if args.json:
        args.json.write_text(json.dumps({"words": words, "words_per_s": wps, "ratio": ratio, "stages": stages}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
