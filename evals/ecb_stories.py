#!/usr/bin/env python3
"""Story clustering on ECB+ (shared topics): newsprism's stories beside a TF-IDF-only baseline.

    python evals/ecb_stories.py [--shared ../shared] [--topics 1,3,4] [--sweep] [--json OUT]

Gold (see the dataset's SOURCE.md): each ECB+ topic holds two "seminal events" of one
kind (two celebrities entering rehab, two earthquakes); documents with the same
(topic, ecb|ecbplus) report the same happening and form one story. The whole shared
part is clustered at once (731 documents, 62 stories), so a system must both keep
topics apart and split each topic's two happenings.

Both systems read the same articles, built from the pre-tokenised XML (tokens joined,
one sentence a line; an ``ecbplus`` document's sentence 0 is its URL, passed as the
article's URL) and run through newsprism's cleaning, entity, actor and date stages:

* **newsprism**: :func:`newsprism.compare.assign_stories` (TF-IDF of the body, actors,
  dates; events when that layer is in the pipeline; then small stories joined by lead
  embeddings, :mod:`newsprism.embeddings`), default settings. Each half is also scored
  without the lead embeddings.
* **TF-IDF**: the same clusterer on plain TF-IDF (words of title and body, IDF to the
  power one, no names, numbers, actors, events or dates), at its own best threshold on
  this data (an optimistic baseline: it is tuned on the test).

Topics are split in two: settings were tuned on the odd-numbered topics; the even-numbered ones
are held out. Each half is also clustered on its own and scored.

The score is B-cubed (Bagga & Baldwin 1998): for each document, the share of its
predicted cluster that shares its gold story (precision) and the share of its gold story
inside its predicted cluster (recall), averaged over documents; F1 is their harmonic mean.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

DATASET = Path("datasets") / "ecbplus" / "ECB+"
# The stages whose layers the clusterer reads: lines and body, actors, publication dates.
STAGES = (
    "newsprism.clean.v1",
    "newsprism.metadata.v1",
    "newsprism.language.v1",
    "newsprism.nlp.v1",
    "newsprism.actors.v1",
    "newsprism.actors.corpus.v1",
    "newsprism.pubdate.v1",
    "newsprism.leads.v1",
)
# Without entities and actors (they add 0.002 F1 here): the fast test runs every shared
# document through these in seconds instead of a minute and a half.
LIGHT_STAGES = ("newsprism.clean.v1", "newsprism.metadata.v1", "newsprism.pubdate.v1")
BASELINE_THRESHOLDS = (0.05, 0.08, 0.1, 0.13, 0.15, 0.2, 0.25, 0.3)


@dataclass(frozen=True, slots=True)
class EcbDoc:
    name: str
    topic: str
    half: str  # "ecb" or "ecbplus": which of the topic's two seminal events
    text: str
    url: str | None

    @property
    def gold(self) -> str:
        return f"{self.topic}/{self.half}"


_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenize(tokens: Sequence[str]) -> str:
    """Tokens joined back into readable text (PTB quotes to plain ones, no space before punctuation)."""
    # PTB quotes: an opening `` sticks to the next token, a closing '' to the one before.
    text = " ".join("\x01" if t == "``" else "\x02" if t == "''" else t for t in tokens)
    text = text.replace("\x01 ", "\"").replace(" \x02", "\"").replace("\x01", "\"").replace("\x02", "\"")
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def read_doc(path: Path) -> EcbDoc:
    """One ECB+ document: its sentences, one per line, and the URL of an ``ecbplus`` page."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
    half = "ecbplus" if path.name.endswith("ecbplus.xml") else "ecb"
    url = None
    if half == "ecbplus" and sentences.get(0):
        first = "".join(sentences[0])
        if first.startswith("http"):
            url = first
            del sentences[0]
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    return EcbDoc(path.stem, path.parent.name, half, "\n\n".join(x for x in lines if x.strip()), url)


def load(shared: Path, topics: Iterable[str] | None = None) -> list[EcbDoc]:
    """The shared ECB+ documents (all topics, or those named), in a fixed order."""
    root = shared / DATASET
    want = {str(t) for t in topics} if topics else None
    docs = []
    for d in sorted(root.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 10**6):
        if d.is_dir() and (want is None or d.name in want):
            docs.extend(read_doc(p) for p in sorted(d.glob("*.xml")))
    return docs


def analyse(docs: Sequence[EcbDoc], stages: Sequence[str] = STAGES) -> Any:
    """The documents as a dossier, through the stages the story clusterer reads."""
    from newsprism.article import Article, Dossier
    from newsprism.ingest import from_record
    from newsprism.pipeline import Pipeline, apply_stages

    per_article, corpus = Pipeline(stages).build()
    dossier = Dossier()
    for doc in docs:
        rec: dict[str, Any] = {"id": doc.name, "text": doc.text}
        if doc.url:
            rec["url"] = doc.url
        r = apply_stages(from_record(rec, source=f"{doc.name}.xml"), per_article)
        if isinstance(r, Article):
            dossier.articles.append(r)
        else:
            dossier.failures.append(r)
    for _, fn in corpus:
        fn(dossier)
    return dossier


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold (item -> class)."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        cp, cg = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(cp & cg)
        p += both / len(cp)
        r += both / len(cg)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# A small pile: the first documents of one seminal event alone (one story), or of two events of
# different topics together (two stories), as a user's pile of a few reports would be.
PILE_DOCS = 8
PILE_MIN_DOCS = 4


def small_piles(articles: Sequence[Any], gold: dict[str, str]) -> dict[str, Any]:
    """Mean B-cubed F1 over small piles, with the background of general news (the default) and
    without it (the pile's own document frequencies alone), at the default threshold; small
    stories join by lead embeddings when they are available, as in ``assign_stories``."""
    from newsprism import embeddings
    from newsprism.compare import cluster_stories, lead_vectors_of, story_features

    leads = lead_vectors_of({a.id: a for a in articles}) if embeddings.available() else None

    by_gold: dict[str, list[Any]] = defaultdict(list)
    for a in articles:
        by_gold[gold[a.id]].append(a)
    keys = sorted(k for k, v in by_gold.items() if len(v) >= PILE_MIN_DOCS)
    piles = [[k] for k in keys]
    piles += [[k, keys[(i + 3) % len(keys)]] for i, k in enumerate(keys) if keys[(i + 3) % len(keys)].split("/")[0] != k.split("/")[0]]
    # The hard case: the topic's two happenings of one kind together (two rehab stays of one actress).
    by_topic: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_topic[k.split("/")[0]].append(k)
    same = [v for v in by_topic.values() if len(v) == 2]
    out: dict[str, Any] = {"piles": len(piles), "same_topic_piles": len(same)}
    for name, n0 in (("with_background", None), ("pile_only", 0.0)):
        for kind, group in (("", piles), ("same_topic_", same)):
            scores = []
            for pile in group:
                arts = [a for k in pile for a in by_gold[k][:PILE_DOCS]]
                feats = [story_features(a) for a in arts]
                clusters = cluster_stories(feats, lead_vectors=leads) if n0 is None else cluster_stories(feats, background_docs=n0, lead_vectors=leads)
                scores.append(bcubed(_as_map(clusters), {a.id: gold[a.id] for a in arts})[2])
            out[kind + name] = sum(scores) / len(scores) if scores else 0.0
    return out


def _as_map(clusters: Sequence[Sequence[str]]) -> dict[str, str]:
    return {m: str(k) for k, members in enumerate(clusters) for m in members}


def run(
    shared: Path, topics: Iterable[str] | None = None, sweep: bool = False, stages: Sequence[str] = STAGES
) -> dict[str, Any]:
    """Load, analyse, cluster with both systems and score; returns the figures."""
    from newsprism.article import Dossier
    from newsprism.compare import assign_stories, cluster_stories, story_features

    docs = load(shared, topics)
    gold = {d.name: d.gold for d in docs}
    topic_of = {d.name: d.topic for d in docs}
    t0 = time.perf_counter()
    dossier = analyse(docs, stages)
    t_analyse = time.perf_counter() - t0

    t0 = time.perf_counter()
    clusters = assign_stories(dossier)
    t_ours = time.perf_counter() - t0
    ours = bcubed(_as_map(clusters), gold)
    # Each half clustered on its own, as a pile of its own: the odd topics are where the
    # settings were tuned, the even ones are held out.
    halves = {}
    for half, parity in (("tune", 1), ("held_out", 0)):
        sub = Dossier(articles=[a for a in dossier.articles if int(topic_of[a.id]) % 2 == parity])
        half_gold = {k: v for k, v in gold.items() if int(topic_of[k]) % 2 == parity}
        got = bcubed(_as_map(assign_stories(sub)), half_gold)
        words_only = bcubed(_as_map(assign_stories(sub, lead_vectors=None)), half_gold)
        feats = [story_features(a, text_only=True) for a in sub.articles]
        base = {th: bcubed(_as_map(cluster_stories(feats, threshold=th, idf_power=1.0, background_docs=0.0)), gold)[2] for th in BASELINE_THRESHOLDS}
        halves[half] = {"documents": len(sub.articles), "f1": got[2], "precision": got[0], "recall": got[1], "tfidf_best_f1": max(base.values()), "words_only_f1": words_only[2]}
        halves[half]["small_piles"] = small_piles(sub.articles, gold)

    text_only = [story_features(a, text_only=True) for a in dossier.articles]
    base_scores = {}
    for th in BASELINE_THRESHOLDS:
        base_scores[th] = bcubed(_as_map(cluster_stories(text_only, threshold=th, idf_power=1.0, background_docs=0.0)), gold)
    best_th = max(base_scores, key=lambda t: base_scores[t][2])
    result: dict[str, Any] = {
        "documents": len(docs),
        "gold_stories": len(set(gold.values())),
        "analysed": len(dossier.articles),
        "newsprism": {"precision": ours[0], "recall": ours[1], "f1": ours[2], "stories": len(clusters)},
        "tfidf": {
            "precision": base_scores[best_th][0],
            "recall": base_scores[best_th][1],
            "f1": base_scores[best_th][2],
            "threshold": best_th,
        },
        "seconds": {"analyse": round(t_analyse, 1), "cluster": round(t_ours, 2)},
        "halves": halves,
    }
    if sweep:
        feats = [story_features(a) for a in dossier.articles]
        result["sweep"] = {
            str(th): bcubed(_as_map(cluster_stories(feats, threshold=th)), gold)[2] for th in BASELINE_THRESHOLDS
        }
        result["baseline_sweep"] = {str(k): v[2] for k, v in base_scores.items()}
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--topics", help="comma-separated topic numbers (default: every shared topic)")
    ap.add_argument("--sweep", action="store_true", help="also score newsprism at other thresholds")
    ap.add_argument("--light", action="store_true", help="skip entities and actors (fast; what the test runs)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    if not (args.shared / DATASET).is_dir():
        print(f"ECB+ is missing at {args.shared / DATASET}", file=sys.stderr)
        return 2
    topics = args.topics.split(",") if args.topics else None
    res = run(args.shared, topics, args.sweep, LIGHT_STAGES if args.light else STAGES)
    print(f"ECB+ story clustering: {res['documents']} documents, {res['gold_stories']} gold stories (B-cubed)")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>7}")
    for name in ("newsprism", "tfidf"):
        r = res[name]
        extra = f"  (threshold {r['threshold']}, tuned on this data)" if name == "tfidf" else f"  ({r['stories']} stories)"
        print(f"{name:<12} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>7.3f}{extra}")
    for half, h in res["halves"].items():
        print(f"  {half:<9} ({h['documents']} documents, clustered on their own): newsprism F1 {h['f1']:.3f} (P {h['precision']:.3f}, R {h['recall']:.3f})   TF-IDF at its best threshold {h['tfidf_best_f1']:.3f}; without lead embeddings {h['words_only_f1']:.3f}")
        sp = h["small_piles"]
        print(f"  {'':<9} {sp['piles']} small piles (one event, or two of different topics; {PILE_DOCS} documents each at most): F1 {sp['with_background']:.3f} with the background of general news, {sp['pile_only']:.3f} on the pile's own frequencies")
        print(f"  {'':<9} {sp['same_topic_piles']} small piles of a topic's two happenings of one kind: F1 {sp['same_topic_with_background']:.3f} with the background, {sp['same_topic_pile_only']:.3f} without")
    print(f"analysis {res['seconds']['analyse']} s, clustering {res['seconds']['cluster']} s")
    if args.sweep:
        print("newsprism F1 by threshold:", {k: round(v, 3) for k, v in res["sweep"].items()})
        print("TF-IDF F1 by threshold:  ", {k: round(v, 3) for k, v in res["baseline_sweep"].items()})
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
