#!/usr/bin/env python3
"""Actors end to end on ECB+ (shared topics): named participants found, kept whole, kept apart.

Each document of ``<shared>/datasets/ecbplus/ECB+`` becomes plain text (a sentence a line; an
ecbplus file's sentence 0, its URL, dropped) and runs through the pipeline's stages up to the
actors; the documents of a topic then go through the actors corpus stage together, as a pile
of coverage of one story would. The gold are the ``HUMAN_PART_*`` and ``LOC_*`` markables of
the sentences whose annotation is complete (``ECBplus_coreference_sentences.csv``), with their
coreference chains across documents. A markable is **named** when a word of it after the
markable's head (its last word before a comma or a preposition that opens a modifier: "the
Betty Ford Center in Rancho Mirage, Calif." -> "Center") is capitalised and is not the
sentence's first word (pronouns and descriptions, "a Huntsville prison", are not names). A gold
mention is **matched** when an actor mention covers its head token (a possessive glued to
the token, "Newton's", left out). Scores:

* **recall**: matched named markables / named markables;
* **purity**: matched mentions that lie in their actor's majority gold chain;
* **split rate**: gold chains with two or more matched mentions that are spread over two or
  more actors;
* **CoNLL F1** (MUC, B³, CEAF-e) over the matched mentions, actors against gold chains, beside
  the baseline that clusters them by exact lower-cased text (the gold markable's).

Topics are split in two: the rules were written looking at the odd-numbered topics (tune);
the even-numbered ones are reported as held out.

    python evals/ecb_actors.py --shared ../shared [--topics 1,3] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from ecbplus import chains, conll, documents  # noqa: E402

POSSESSIVE = re.compile(r"['’]s?$")
PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their who whom whose this that these those".split())  # noqa: SIM905


@dataclass(slots=True)
class Part:
    id: str
    doc: str
    tokens: list[int]
    text: str
    chain: str
    named: bool
    head: int  # t_id of the head token


@dataclass(slots=True)
class Doc:
    name: str
    topic: str
    sentences: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    parts: list[Part] = field(default_factory=list)


def load(shared: Path, topics: Iterable[str] | None = None) -> list[Doc]:
    docs: list[Doc] = []
    for path, sents in documents(shared, topics):
        doc = _read(path, sents)
        if doc.parts:
            docs.append(doc)
    return docs


def _read(path: Path, sents: set[int]) -> Doc:
    tree = ET.parse(path)
    doc = Doc(path.name, path.parent.name)
    tok_sent: dict[int, int] = {}
    text_of: dict[int, str] = {}
    first: dict[int, int] = {}
    for t in tree.getroot().iter("token"):
        tid, s = int(t.get("t_id", "0")), int(t.get("sentence", "0"))
        if path.name.endswith("ecbplus.xml") and s == 0:
            continue  # the source URL
        doc.sentences.setdefault(s, []).append((tid, t.text or ""))
        tok_sent[tid], text_of[tid] = s, t.text or ""
        first.setdefault(s, tid)
    chain = chains(tree, path.name)
    markables = tree.getroot().find("Markables")
    for mk in markables if markables is not None else []:
        if not (mk.tag.startswith("HUMAN_PART") or mk.tag.startswith("LOC_")):
            continue
        tids = sorted(int(a.get("t_id", "0")) for a in mk.findall("token_anchor"))
        if not tids or tids[0] not in tok_sent or tok_sent[tids[0]] not in sents:
            continue
        head = _head(tids, text_of)
        named = text_of[head][:1].isupper() and head != first[tok_sent[head]] and text_of[head].lower() not in PRONOUNS
        mid = mk.get("m_id", "")
        doc.parts.append(Part(f"{path.name}:{mid}", path.name, tids, " ".join(text_of[t] for t in tids), chain.get(mid, f"{path.name}:{mid}"), named, head))
    return doc


# Words after which a markable goes on about something else ("X in Newport Beach , Calif").
HEAD_ENDS = frozenset({",", "in", "at", "near", "from", "outside", "inside", "on", "(", "-", "--", "who", "which", "that"})


def _head(tids: list[int], text_of: dict[int, str]) -> int:
    """The markable's head token: the last word before a preposition or comma that opens a
    modifier, a possessive ending dropped ("Betty Ford Center in Rancho Mirage" -> "Center")."""
    core = []
    for t in tids:
        if core and text_of[t].lower() in HEAD_ENDS:
            break
        core.append(t)
    while len(core) > 1 and text_of[core[-1]] in ("'s", "'", "’s", "."):
        core.pop()
    return core[-1]


def analyse(docs: Sequence[Doc]) -> dict[str, dict[int, str]]:
    """doc name -> {t_id: actor id} for every token an actor mention covers (topics merged as corpora)."""
    from newsprism import settings
    from newsprism.actor_merge import merge_actors
    from newsprism.article import Article
    from newsprism.pipeline import Pipeline, apply_stages
    from newsprism.registry import providers_of

    stages = Pipeline(providers_of(settings.DEFAULT_PIPELINE, ["article.mentions", "article.actors"])).build()[0]
    by_topic: dict[str, list[tuple[Doc, Any, dict[int, tuple[int, int]]]]] = defaultdict(list)
    for d in docs:
        lines, offsets, pos = [], {}, 0
        for s in sorted(d.sentences):
            words = []
            for tid, tok in d.sentences[s]:
                start = pos + sum(len(w) + 1 for w in words)
                # A possessive glued to the token ("Newton's") is no part of the name it matches.
                offsets[tid] = (start, start + len(POSSESSIVE.sub("", tok) or tok))
                words.append(tok)
            line = " ".join(words)
            lines.append(line)
            pos += len(line) + 1
        art = apply_stages(Article(id=d.name, source=d.name + ".txt", raw_text="\n".join(lines)), stages)
        assert isinstance(art, Article), art
        by_topic[d.topic].append((d, art, offsets))
    out: dict[str, dict[int, str]] = {}
    for group in by_topic.values():
        merge_actors([a for _, a, _ in group])
        for d, art, offsets in group:
            covered: dict[int, str] = {}
            for m in art.mentions:
                for tid, (s, e) in offsets.items():
                    if m.span.start <= s and e <= m.span.end:
                        covered[tid] = m.actor
            out[d.name] = covered
    return out


def score(docs: Sequence[Doc], covered: dict[str, dict[int, str]]) -> dict[str, float]:
    named = [p for d in docs for p in d.parts if p.named]
    matched = [(p, covered[p.doc][p.head]) for p in named if p.head in covered.get(p.doc, {})]
    by_actor: dict[str, Counter[str]] = defaultdict(Counter)
    by_chain: dict[str, set[str]] = defaultdict(set)
    for p, actor in matched:
        by_actor[actor][p.chain] += 1
        by_chain[p.chain].add(actor)
    counts = Counter(p.chain for p, _ in matched)
    multi = [c for c, n in counts.items() if n >= 2]
    key = _clusters((p.id, p.chain) for p, _ in matched)
    ours = _clusters((p.id, actor) for p, actor in matched)
    base = _clusters((p.id, p.text.lower()) for p, _ in matched)
    return {
        "named": len(named),
        "matched": len(matched),
        "recall": len(matched) / len(named) if named else 0.0,
        "purity": sum(c.most_common(1)[0][1] for c in by_actor.values()) / len(matched) if matched else 0.0,
        "split_rate": sum(1 for c in multi if len(by_chain[c]) > 1) / len(multi) if multi else 0.0,
        "conll": conll(key, ours)["conll"],
        "baseline_conll": conll(key, base)["conll"],
    }


def _clusters(pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    by: dict[str, set[str]] = defaultdict(set)
    for mid, label in pairs:
        by[label].add(mid)
    return list(by.values())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--topics", default=None)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = load(Path(args.shared), args.topics.split(",") if args.topics else None)
    covered = analyse(docs)
    res = {
        "all": score(docs, covered),
        "tune": score([d for d in docs if int(d.topic) % 2 == 1], covered),
        "held_out": score([d for d in docs if int(d.topic) % 2 == 0], covered),
    }
    print(f"ECB+ named participants (HUMAN_PART_*, LOC_*), shared topics: {len(docs)} documents ({time.perf_counter() - t0:.0f} s)")
    print(f"{'split':9s} {'named':>6s} {'recall':>7s} {'purity':>7s} {'split':>6s} {'CoNLL':>6s}  {'exact-text baseline':>19s}")
    for name, r in res.items():
        print(f"{name:9s} {r['named']:6d} {r['recall']:7.3f} {r['purity']:7.3f} {r['split_rate']:6.3f} {100 * r['conll']:6.1f}  {100 * r['baseline_conll']:19.1f}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
