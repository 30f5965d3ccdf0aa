#!/usr/bin/env python3
"""Events end to end on ECB+ (shared topics): triggers, realis, merges across stories, coreference.

Every document of ``<shared>/datasets/ecbplus/ECB+`` becomes plain text (a sentence a line,
tokens joined by spaces; an ecbplus file's sentence 0, its URL, dropped) and the whole shared
part runs through newsprism's default pipeline as one pile of coverage, per-article stages
then corpus stages, the way a user would run it: the events are newsprism's own, from raw
text, not gold mentions. Each event mention's ``trigger`` is mapped to the ECB+ tokens it
covers. The gold are the ``ACTION_*`` and ``NEG_ACTION_*`` markables of the sentences whose
annotation is complete (``ECBplus_coreference_sentences.csv``), with their chains.

* **trigger precision**: triggers in complete sentences that cover a token of a non-negated
  ``ACTION_*`` markable; **on negated**: the share that cover a ``NEG_ACTION_*`` markable (a
  happening the text says did not happen); **recall**: ``ACTION_OCCURRENCE`` markables covered
  by a trigger.
* **cross-story events**: of the events whose mentions come from two or more documents, the
  share whose documents belong to different gold stories (topic, ecb|ecbplus).
* **calibration**: for each event confidence, the share of its triggers on a real action
  (held-out topics), beside the confidence said.
* **coreference** over the triggers that match a gold mention (the first markable they cover):
  MUC, B³, CEAF-e and CoNLL F1 of newsprism's events against the gold chains, beside the
  same-lemma baseline (Cybulska & Vossen 2015) on the same mentions, over the whole pile and
  (an oracle newsprism does not have) within each gold topic.

Topics are split in two as in ``ecb_actors.py``: odd-numbered topics were looked at while
tuning; even-numbered ones are reported as held out.

    python evals/ecb_triggers.py --shared ../shared [--topics 1,2] [--json OUT] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from ecbplus import DATASET, Doc, GoldMention, conll, lemmas, listed_sentences, load  # noqa: E402


@dataclass(slots=True)
class Found:
    """One event mention of the dossier, on the ECB+ tokens of its trigger."""

    event: str
    doc: str
    tokens: list[int]
    sentence: int
    plover: str
    text: str
    confidence: float = 0.0
    gold: GoldMention | None = None


@dataclass(slots=True)
class Run:
    found: list[Found] = field(default_factory=list)
    events: dict[str, list[str]] = field(default_factory=dict)  # event id -> documents of its mentions
    summaries: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def story(doc: str) -> str:
    """The gold story of a document: its topic and whether it is an ecb or ecbplus file."""
    m = re.fullmatch(r"(\d+)_\d+(ecbplus|ecb)\.xml", doc)
    return f"{m[1]}/{m[2]}" if m else doc


def topic_of(doc: str) -> int:
    return int(doc.split("_", 1)[0])


def analyse(docs: Sequence[Doc]) -> Run:
    """The default pipeline over every document at once; triggers mapped back to tokens."""
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline, apply_stages

    t0 = time.perf_counter()
    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    offsets: dict[str, dict[int, tuple[int, int, int]]] = {}  # doc -> t_id -> (start, end, sentence)
    dossier = Dossier()
    for d in docs:
        lines, pos, where = [], 0, {}
        for s in sorted(d.sentences):
            if d.name.endswith("ecbplus.xml") and s == 0:
                continue  # the source URL
            words: list[str] = []
            for tid, tok in d.sentences[s]:
                start = pos + sum(len(w) + 1 for w in words)
                where[tid] = (start, start + len(tok), s)
                words.append(tok)
            line = " ".join(words)
            lines.append(line)
            pos += len(line) + 1
        offsets[d.name] = where
        art = apply_stages(Article(id=d.name, source=d.name[:-4] + ".txt", raw_text="\n".join(lines)), per_article)
        if isinstance(art, Article):
            dossier.articles.append(art)
    for _, fn in corpus:
        fn(dossier)
    run = Run(seconds=time.perf_counter() - t0)
    gold_at: dict[tuple[str, int], GoldMention] = {}
    for d in docs:
        for g in d.mentions:
            for t in g.tokens:
                gold_at.setdefault((d.name, t), g)
    for ev in dossier.events:
        run.events[ev.id] = sorted({m.article for m in ev.mentions})
        run.summaries[ev.id] = f"{ev.plover} {ev.summary}"
        for m in ev.mentions:
            if m.trigger is None:
                continue
            where = offsets[m.article]
            toks = [tid for tid, (s, e, _) in where.items() if s < m.trigger.end and m.trigger.start < e]
            if not toks:
                continue
            f = Found(ev.id, m.article, toks, where[toks[0]][2], ev.plover, m.trigger.text, ev.confidence)
            f.gold = next((gold_at[(m.article, t)] for t in toks if (m.article, t) in gold_at), None)
            run.found.append(f)
    return run


def score(docs: Sequence[Doc], run: Run, lemma: dict[str, str], topics: set[int], listed: dict[str, set[int]]) -> dict[str, Any]:
    """Every measure over the documents of ``topics``; ``listed``: each document's completely
    annotated sentences (``ECBplus_coreference_sentences.csv``), with or without a markable."""
    names = {d.name for d in docs if topic_of(d.name) in topics}
    complete = {(name, s) for name in names for s in listed.get(name, ())}
    listed = [f for f in run.found if f.doc in names and (f.doc, f.sentence) in complete]
    on_action = [f for f in listed if f.gold is not None and not f.gold.kind.startswith("NEG_")]
    on_neg = [f for f in listed if f.gold is not None and f.gold.kind.startswith("NEG_")]
    occurrences = [g for d in docs if d.name in names for g in d.mentions if g.kind == "ACTION_OCCURRENCE"]
    covered = {f.gold.id for f in run.found if f.gold is not None}
    multi = [e for e, ds in run.events.items() if len(ds) >= 2 and topic_of(ds[0]) in topics]
    cross = [e for e in multi if len({story(x) for x in run.events[e]}) >= 2]
    # Coreference over the matched triggers (one response mention per gold mention).
    response: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for f in on_action:
        if f.gold is not None and f.gold.id not in seen:
            seen.add(f.gold.id)
            response[f.event].add(f.gold.id)
    key: dict[str, set[str]] = defaultdict(set)
    base: dict[str, set[str]] = defaultdict(set)
    by_topic: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_id = {g.id: g for d in docs for g in d.mentions}
    for gid in seen:
        key[by_id[gid].chain].add(gid)
        base[lemma.get(gid, gid)].add(gid)
        by_topic[(str(topic_of(by_id[gid].doc)), lemma.get(gid, gid))].add(gid)
    ours = conll(list(key.values()), list(response.values())) if seen else {}
    lem = conll(list(key.values()), list(base.values())) if seen else {}
    lem_topic = conll(list(key.values()), list(by_topic.values())) if seen else {}
    calibration: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # confidence -> [n, said, right]
    for f in listed:
        c = calibration[f"{f.confidence:.2f}"]
        c[0] += 1
        c[1] += f.confidence
        c[2] += f in on_action
    return {
        "calibration": {k: {"n": int(v[0]), "confidence": round(v[1] / v[0], 3), "precision": round(v[2] / v[0], 3)} for k, v in sorted(calibration.items())},
        "documents": len(names),
        "triggers": len(listed),
        "trigger_precision": len(on_action) / len(listed) if listed else 0.0,
        "on_negated": len(on_neg) / len(listed) if listed else 0.0,
        "occurrence_recall": len([g for g in occurrences if g.id in covered]) / len(occurrences) if occurrences else 0.0,
        "multi_document_events": len(multi),
        "cross_story_events": len(cross),
        "cross_story_rate": len(cross) / len(multi) if multi else 0.0,
        "matched_mentions": len(seen),
        "newsprism": ours,
        "lemma": lem,
        "lemma_by_topic": lem_topic,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--topics", default="", help="comma-separated topic numbers (default: all shared topics)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--show", type=int, default=0, help="list this many wrong triggers and cross-story events")
    args = ap.parse_args(argv)
    topics = [t for t in re.split(r"[,\s]+", args.topics) if t] or None
    docs = load(args.shared, topics)
    if not docs:
        print(f"no ECB+ documents under {args.shared}", file=sys.stderr)
        return 1
    run = analyse(docs)
    lemma = lemmas(docs)
    listed = listed_sentences(args.shared / DATASET)
    every = {topic_of(d.name) for d in docs}
    res = {
        "seconds": round(run.seconds, 1),
        "tune": score(docs, run, lemma, {t for t in every if t % 2}, listed),
        "held_out": score(docs, run, lemma, {t for t in every if not t % 2}, listed),
        "all": score(docs, run, lemma, every, listed),
    }
    print(f"ECB+ events end to end: {len(docs)} documents, one pile, default pipeline ({res['seconds']:.0f} s)")
    print(
        f"{'part':9s} {'triggers':>8s} {'P':>6s} {'neg':>6s} {'R occ':>6s} {'cross-story':>12s} {'matched':>7s} {'CoNLL':>6s} {'lemma':>6s} {'lemma/topic':>11s}"
    )
    for part in ("tune", "held_out", "all"):
        s = res[part]
        cs = f"{s['cross_story_events']}/{s['multi_document_events']} {s['cross_story_rate']:.2f}"
        print(
            f"{part:9s} {s['triggers']:8d} {s['trigger_precision']:6.3f} {s['on_negated']:6.3f} {s['occurrence_recall']:6.3f} {cs:>12s} "
            f"{s['matched_mentions']:7d} {100 * s['newsprism'].get('conll', 0):6.1f} {100 * s['lemma'].get('conll', 0):6.1f} "
            f"{100 * s['lemma_by_topic'].get('conll', 0):11.1f}"
        )
    print("lemma: same head lemma over the whole pile (as newsprism meets it); lemma/topic: also split by gold topic (an oracle)")
    print("calibration on the held-out topics (event confidence -> share of its triggers on a real action):")
    for k, c in res["held_out"]["calibration"].items():
        print(f"  confidence {k}: {c['n']:4d} triggers, precision {c['precision']:.3f}")
    if args.show:
        complete = {(d.name, s) for d in docs for s in listed.get(d.name, ())}
        wrong = [f for f in run.found if (f.doc, f.sentence) in complete and (f.gold is None or f.gold.kind.startswith("NEG_"))]
        print(f"-- triggers on no action markable ({len(wrong)}):")
        for f in wrong[: args.show]:
            print(f"   {f.doc} s{f.sentence} {f.plover:10s} {f.text!r}  [{run.summaries[f.event][:90]}]")
        print("-- events across stories:")
        for e, ds in run.events.items():
            if len({story(x) for x in ds}) >= 2:
                print(f"   {run.summaries[e][:100]}  <- {sorted({story(x) for x in ds})}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
