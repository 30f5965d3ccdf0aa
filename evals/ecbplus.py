"""Cross-document event coreference on ECB+ (shared topics), beside the same-lemma baseline.

For every document of ``<shared>/datasets/ecbplus/ECB+`` (see its ``SOURCE.md``), the event
mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` markables of the sentences that
``ECBplus_coreference_sentences.csv`` lists (the sentences whose annotation is complete);
the gold chains are the ``CROSS_DOC_COREF``/``INTRA_DOC_COREF`` instances, every mention
not in one a singleton. Both systems cluster these gold mentions:

* ``newsprism``: each document becomes an :class:`~newsprism.article.Article` (one line per
  sentence; an ecbplus file's sentence 0, its URL, as metadata), runs through the ``nlp``
  and ``actors`` stages, and each mention becomes the compact summary the events corpus
  stage compares (:class:`newsprism.stages.events.Node`: PLOVER type from the cue lexicon,
  else the trigger's stem; the actors and date the events stage reads around the cue; the
  sentence's words); :func:`newsprism.stages.events.cluster` merges them, with its
  blocking, exactly as the corpus stage does;
* ``lemma``: the standard same-lemma baseline (Cybulska & Vossen 2015; Upadhyay et al.
  2016): mentions whose head lemma is the same (spaCy ``en_core_web_sm``'s lemmatiser;
  the head is the first verb of the mention, else its last noun, else its last token)
  form one cluster.

Two settings: **corpus** (all shared topics at once, as newsprism meets a pile of
coverage) and **topic** (mentions pre-split by gold topic, the usual setting of the
baseline). Scores: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998), CEAF-e (Luo
2005, φ4 with an optimal matching) and their CoNLL average, written here.

    python evals/ecbplus.py --shared ../shared [--topics 1,2] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATASET = Path("datasets") / "ecbplus"

# ----------------------------------------------------------------------------- scorers

Clusters = list[set[str]]


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """MUC (Vilain et al. 1995): links kept, counted through the partitions of each chain."""

    def score(a: Clusters, b: Clusters) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("solo", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return p, r, _f(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """B³ (Bagga & Baldwin 1998): per-mention overlap of its key and response clusters."""
    kc = {m: c for c in key for m in c}
    rc = {m: c for c in response for m in c}
    mentions = set(kc) | set(rc)
    if not mentions:
        return 0.0, 0.0, 0.0
    p = sum(len(kc.get(m, {m}) & rc.get(m, {m})) / len(rc.get(m, {m})) for m in rc) / max(1, len(rc))
    r = sum(len(kc.get(m, {m}) & rc.get(m, {m})) / len(kc.get(m, {m})) for m in kc) / max(1, len(kc))
    return p, r, _f(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005) with φ4 = 2|K∩R|/(|K|+|R|) and an optimal one-to-one matching."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    where = defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    # Sparse similarities: only pairs that share a mention are non-zero.
    sims: dict[tuple[int, int], float] = {}
    for i, k in enumerate(key):
        for j in {j for m in k for j in where.get(m, ())}:
            sims[(i, j)] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    total = 0.0
    # Solve per connected component of the bipartite graph (the full matrix would be huge).
    adj: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for i, j in sims:
        adj[("k", i)].add(("r", j))
        adj[("r", j)].add(("k", i))
    seen: set[tuple[str, int]] = set()
    for start in list(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        ks = sorted(i for t, i in comp if t == "k")
        rs = sorted(j for t, j in comp if t == "r")
        mat = np.zeros((len(ks), len(rs)))
        for a, i in enumerate(ks):
            for b, j in enumerate(rs):
                mat[a, b] = sims.get((i, j), 0.0)
        rows, cols = linear_sum_assignment(mat, maximize=True)
        total += float(mat[rows, cols].sum())
    p, r = total / len(response), total / len(key)
    return p, r, _f(p, r)


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def conll(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B³ and CEAF-e precision/recall/F1 and the CoNLL average of their F1."""
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = fn(key, response)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f"] = p, r, f
    out["conll"] = (out["muc_f"] + out["b3_f"] + out["ceafe_f"]) / 3
    return out


# ----------------------------------------------------------------------------- data


@dataclass(slots=True)
class GoldMention:
    id: str  # "<doc>:<m_id>"
    doc: str
    sentence: int
    tokens: list[int]  # t_ids
    chain: str
    kind: str = ""  # the markable's class (ACTION_OCCURRENCE, NEG_ACTION_STATE, ...)


@dataclass(slots=True)
class Doc:
    name: str
    topic: str
    sentences: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # sentence -> [(t_id, text)]
    mentions: list[GoldMention] = field(default_factory=list)


def listed_sentences(root: Path) -> dict[str, set[int]]:
    """``<topic>_<file>.xml`` -> the sentence numbers whose annotation is complete."""
    out: dict[str, set[int]] = defaultdict(set)
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[f"{row['Topic']}_{row['File']}.xml"].add(int(row["Sentence Number"]))
    return out


def chains(tree: Any, name: str) -> dict[str, str]:
    """Markable id -> the id of its coreference chain (a cross-document instance, or the
    in-document relation), from a document's ``<Relations>``."""
    chain: dict[str, str] = {}
    for rel in tree.getroot().iter():
        if rel.tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            note = rel.get("note") or f"{name}:{rel.get('r_id')}"
            for src in rel.findall("source"):
                chain[src.get("m_id", "")] = note
    return chain


def documents(shared: Path, topics: Iterable[str] | None = None) -> Iterator[tuple[Path, set[int]]]:
    """Each document of the shared topics (``topics`` only, when given) in topic order, with the
    sentences whose annotation is complete; documents with none are left out."""
    root = shared / DATASET
    listed = listed_sentences(root)
    want = set(topics) if topics else None
    for path in sorted((root / "ECB+").glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        if (want is None or path.parent.name in want) and listed.get(path.name):
            yield path, listed[path.name]


def load(shared: Path, topics: Iterable[str] | None = None) -> list[Doc]:
    docs: list[Doc] = []
    for path, sents in documents(shared, topics):
        topic = path.parent.name
        tree = ET.parse(path)
        doc = Doc(path.name, topic)
        tok_sent: dict[int, int] = {}
        for t in tree.getroot().iter("token"):
            tid, s = int(t.get("t_id", "0")), int(t.get("sentence", "0"))
            doc.sentences.setdefault(s, []).append((tid, t.text or ""))
            tok_sent[tid] = s
        chain = chains(tree, path.name)
        markables = tree.getroot().find("Markables")
        for mk in markables if markables is not None else []:
            if not (mk.tag.startswith("ACTION") or mk.tag.startswith("NEG_ACTION")):
                continue
            tids = [int(a.get("t_id", "0")) for a in mk.findall("token_anchor")]
            if not tids:
                continue
            s = tok_sent[tids[0]]
            if s not in sents:
                continue
            mid = mk.get("m_id", "")
            doc.mentions.append(
                GoldMention(f"{path.name}:{mid}", path.name, s, sorted(tids), chain.get(mid, f"{path.name}:{mid}"), mk.tag)
            )
        if doc.mentions:
            docs.append(doc)
    return docs


def gold_clusters(docs: Sequence[Doc]) -> Clusters:
    by: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            by[m.chain].add(m.id)
    return list(by.values())


# ----------------------------------------------------------------------------- systems


def _head_tokens(doc: Any, idx: Sequence[int]) -> Any:
    toks = [doc[i] for i in idx]
    for t in toks:
        if t.pos_ in ("VERB", "AUX"):
            return t
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else toks[-1]


def lemmas(docs: Sequence[Doc]) -> dict[str, str]:
    """Mention id -> the lemma of its head (spaCy's tagger and lemmatiser on the gold tokens)."""
    import spacy
    from spacy.tokens import Doc as SpacyDoc

    from newsprism.stages.nlp import MODELS

    nlp = None
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=["ner", "parser"])
            break
        except OSError:
            continue
    if nlp is None:
        raise RuntimeError("no spaCy English model")
    out: dict[str, str] = {}
    jobs: list[tuple[Doc, int]] = []
    words: list[list[str]] = []
    for d in docs:
        for s in sorted({m.sentence for m in d.mentions}):
            jobs.append((d, s))
            words.append([w or "_" for _, w in d.sentences[s]])
    sdocs = [SpacyDoc(nlp.vocab, words=w) for w in words]
    for (d, s), sdoc in zip(jobs, nlp.pipe(sdocs, batch_size=256), strict=True):
        pos = {tid: i for i, (tid, _) in enumerate(d.sentences[s])}
        for m in d.mentions:
            if m.sentence == s:
                out[m.id] = _head_tokens(sdoc, [pos[t] for t in m.tokens]).lemma_.lower()
    return out


def lemma_baseline(docs: Sequence[Doc], lemma: dict[str, str], by_topic: bool) -> Clusters:
    by: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            by[(d.topic if by_topic else "", lemma[m.id])].add(m.id)
    return list(by.values())


@dataclass(slots=True)
class Prepared:
    """The newsprism summaries of every gold mention (built once, clustered per setting)."""

    ids: list[str]
    topics: list[str]
    events: list[Any]
    texts: list[str]
    stories: list[str] = field(default_factory=list)  # each mention's first story (as the corpus stage clusters)


def prepare(docs: Sequence[Doc], lemma: dict[str, str]) -> Prepared:
    """Articles from the documents, the nlp and actors stages, then one event summary per mention."""
    from newsprism.article import Article, DateRange, Event, Line, Mention, Span
    from newsprism.clauses import Unit
    from newsprism.event_merge import stem
    from newsprism.plover import SPEECH, tokens
    from newsprism.stages.actors import link_actors
    from newsprism.stages.events import EventReader, first_stories
    from newsprism.stages.nlp import analyse

    arts: list[Article] = []
    offsets: list[dict[int, tuple[int, int]]] = []
    for d in docs:
        parts: list[str] = []
        lines: list[Line] = []
        off: dict[int, tuple[int, int]] = {}
        pos = 0
        for n, s in enumerate(sorted(d.sentences)):
            toks = d.sentences[s]
            start = pos
            words = []
            for tid, w in toks:
                off[tid] = (pos, pos + len(w))
                words.append(w)
                pos += len(w) + 1
            text = " ".join(words)
            pos = start + len(text) + 1
            role = "metadata" if (s == 0 and d.name.endswith("ecbplus.xml")) else "body"
            lines.append(Line(n + 1, start, start + len(text), role))
            parts.append(text)
        raw = "\n".join(parts)
        body = "\n".join(p for p, ln in zip(parts, lines, strict=True) if ln.role == "body")
        arts.append(Article(id=d.name, source=d.name, raw_text=raw, lines=lines, body=body))
        offsets.append(off)
    analyse(arts)
    for a in arts:
        link_actors(a)
    # Undated mentions of two documents merge only inside one first story, as in the corpus stage.
    story_of = first_stories(arts)
    out = Prepared([], [], [], [])
    for d, a, off in zip(docs, arts, offsets, strict=True):
        reader = EventReader(a)
        sent_line = {s: a.lines[n] for n, s in enumerate(sorted(d.sentences))}
        cache: dict[int, tuple[Unit, list[Any]]] = {}
        for m in d.mentions:
            ln = sent_line[m.sentence]
            if m.sentence not in cache:
                text = a.raw_text[ln.start : ln.end]
                from newsprism.plover import Token

                toks = [Token(ln.start + t.start, ln.start + t.end, t.text, t.low) for t in tokens(text)]
                u = Unit(ln.start, ln.end, "body", text, toks)
                cache[m.sentence] = (u, reader.read_unit(u, keep_all=True))
            u, cands = cache[m.sentence]
            s, e = off[m.tokens[0]][0], off[m.tokens[-1]][1]
            hit = None
            for c in cands:
                ts, te = u.toks[c.trigger.i].start, u.toks[c.trigger.j - 1].end
                if ts < e and s < te:
                    hit = c
                    break
            stemmed = stem(lemma[m.id])
            if hit is not None and hit.type != SPEECH:
                typ, agents, targets, date = hit.type, hit.agents, hit.targets, hit.date
            else:
                # No PLOVER cue here: the trigger's own word types it, as the lemma baseline does.
                typ = "SPEECH" if hit is not None else f"w:{stemmed}"
                parties = reader.party_at(u, 0, len(u.toks))
                agents, targets, date = [p for _, p in parties], [], hit.date if hit is not None else DateRange()
            ev = Event(
                id=m.id,
                plover=typ,
                summary=lemma[m.id],
                date=date,
                actors=list(agents),
                targets=list(targets),
                mentions=[Mention(a.id, Span.of(a.raw_text, u.start, u.end))],
            )
            out.ids.append(m.id)
            out.topics.append(d.topic)
            out.events.append(ev)
            out.texts.append(u.text + " " + lemma[m.id])
            out.stories.append(story_of.get(d.name, ""))
    return out


def newsprism_clusters(prep: Prepared, by_topic: bool) -> Clusters:
    from newsprism.event_merge import cluster, node_of

    groups: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(prep.topics):
        groups[t if by_topic else ""].append(i)
    out: Clusters = []
    for idx in groups.values():
        nodes = [node_of(k, prep.events[i], prep.texts[i]) for k, i in enumerate(idx)]
        for n, i in zip(nodes, idx, strict=True):
            n.cues = n.cues | {_stem_of(prep.events[i].summary)}
            n.story = prep.stories[i] if prep.stories else ""
        for g in cluster(nodes):
            out.append({prep.ids[idx[k]] for k in g})
    return out


def _stem_of(word: str) -> str:
    from newsprism.event_merge import stem

    return stem(word)


# ----------------------------------------------------------------------------- main


def evaluate(docs: Sequence[Doc]) -> dict[str, dict[str, dict[str, float]]]:
    key = gold_clusters(docs)
    lemma = lemmas(docs)
    prep = prepare(docs, lemma)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for setting, by_topic in (("corpus", False), ("topic", True)):
        out[setting] = {
            "newsprism": conll(key, newsprism_clusters(prep, by_topic)),
            "lemma": conll(key, lemma_baseline(docs, lemma, by_topic)),
        }
    return out


def table(scores: dict[str, dict[str, dict[str, float]]], docs: int, mentions: int, chains: int, secs: float) -> str:
    lines = [
        f"ECB+ cross-document event coreference, shared topics: {docs} documents, {mentions} gold event mentions, {chains} gold chains ({secs:.0f} s)"
    ]
    lines.append(
        f"{'setting':8s} {'system':10s} {'MUC F1':>7s} {'B3 F1':>7s} {'CEAF-e F1':>9s} {'CoNLL':>7s}   (P/R: MUC, B3, CEAF-e)"
    )
    for setting, systems in scores.items():
        for name, s in systems.items():
            lines.append(
                f"{setting:8s} {name:10s} {100 * s['muc_f']:7.1f} {100 * s['b3_f']:7.1f} {100 * s['ceafe_f']:9.1f} {100 * s['conll']:7.1f}   "
                f"({100 * s['muc_p']:.0f}/{100 * s['muc_r']:.0f}, {100 * s['b3_p']:.0f}/{100 * s['b3_r']:.0f}, {100 * s['ceafe_p']:.0f}/{100 * s['ceafe_r']:.0f})"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--topics", default="", help="comma-separated topic numbers (default: all shared topics)")
    ap.add_argument("--json", type=Path, default=None, help="write the scores here")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    topics = [t for t in re.split(r"[,\s]+", args.topics) if t] or None
    docs = load(args.shared, topics)
    if not docs:
        print(f"no documents under {args.shared / DATASET}", file=sys.stderr)
        return 1
    scores = evaluate(docs)
    mentions = sum(len(d.mentions) for d in docs)
    print(table(scores, len(docs), mentions, len(gold_clusters(docs)), time.perf_counter() - t0))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
