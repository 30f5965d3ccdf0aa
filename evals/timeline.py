"""SemEval-2015 Task 4 (TimeLine, Track A): per-entity timelines from raw text, scored with the task's metric.

For each shared corpus (``corpus_1`` Airbus/Boeing, ``corpus_2`` the car industry; see
``<shared>/datasets/semeval2015-task4-timeline/SOURCE.md``), each ``corpus_trackA_TimeML``
document becomes an :class:`~newsprism.article.Article` (one line per sentence, published on
its DCT) and runs through newsprism's ``nlp``, ``actors``, ``timex`` and ``events`` code:

* an **event** is a cue of the events stage (a PLOVER cue or a reporting verb) in a sentence
  that names the target entity (its name, or an actor whose name or alias it is), written
  ``docid-sentence-word`` as the task wants (a verb's first word, a noun phrase's last);
* its **date** is the events stage's date, at the granularity the interval has (a day,
  a month ``YYYY-MM-XX``, a year ``YYYY-XX-XX``); an undated event is anchored on its
  document's DCT (news reports what just happened);
* mentions of one event across documents share a line: :func:`newsprism.stages.events.cluster`;
* lines are ranked by date.

The metric is the task's (alt.qcri.org/semeval2015/task4, "Evaluation tool"): each timeline
becomes a graph (events SIMULTANEOUS with their time anchor, events of one line
SIMULTANEOUS, events of consecutive ranks BEFORE; rank 0 is unordered), scored with
TempEval-3's temporal awareness (UzZaman & Allen 2011): precision is the share of system
relations the gold graph's closure entails, recall the share of gold relations the system
graph's closure entails, micro-averaged over all timelines. Written here for points and
two relations, whose closure is an equivalence (SIMULTANEOUS) plus reachability (BEFORE).

    python evals/timeline.py --shared ../shared [--corpus corpus_1] [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATASET = Path("datasets") / "semeval2015-task4-timeline" / "SemEval_Task4_data"
CORPORA = ("corpus_1", "corpus_2")
# SemEval-2015 Task 4, Track A, best run (WHUNLP_1), micro F1 over its three corpora
# (Minard et al. 2015, "SemEval-2015 Task 4: TimeLine: Cross-Document Event Ordering").
PUBLISHED_BEST_TRACK_A = 7.85

Line = tuple[int, str, list[str]]  # rank, date, events


# ----------------------------------------------------------------------------- timelines and the metric


def parse_timeline(text: str) -> tuple[str, list[Line]]:
    """The entity (first line) and the ``rank<TAB>date<TAB>event...`` lines of a timeline file."""
    rows = text.splitlines()
    entity = rows[0].strip() if rows else ""
    out: list[Line] = []
    for row in rows[1:]:
        parts = row.strip().split("\t")
        if len(parts) >= 3 and parts[0].isdigit():
            out.append((int(parts[0]), parts[1], [p for p in parts[2:] if p]))
    return entity, out


def relations(lines: Sequence[Line]) -> set[tuple[str, str, str]]:
    """The task's graph of a timeline: (a, relation, b) with relation SIMULTANEOUS or BEFORE."""
    rels: set[tuple[str, str, str]] = set()
    by_rank: dict[int, list[str]] = defaultdict(list)
    for rank, when, events in lines:
        for i, e in enumerate(events):
            if not when.startswith("XXXX"):
                rels.add((e, "SIMULTANEOUS", f"T:{when}"))
            if i:
                rels.add((events[0], "SIMULTANEOUS", e))
        if rank > 0:
            by_rank[rank].extend(events)
    ranks = sorted(by_rank)
    for r1, r2 in itertools.pairwise(ranks):
        for a in by_rank[r1]:
            for b in by_rank[r2]:
                rels.add((a, "BEFORE", b))
    for r in ranks:
        evs = by_rank[r]
        for b in evs[1:]:
            rels.add((evs[0], "SIMULTANEOUS", b))
    return rels


class Closure:
    """What a set of SIMULTANEOUS/BEFORE relations between points entails."""

    def __init__(self, rels: Iterable[tuple[str, str, str]]) -> None:
        rels = list(rels)
        self.parent: dict[str, str] = {}
        for a, r, b in rels:
            self._add(a)
            self._add(b)
            if r == "SIMULTANEOUS":
                self.parent[self.find(a)] = self.find(b)
        self.after: dict[str, set[str]] = defaultdict(set)
        for a, r, b in rels:
            if r == "BEFORE":
                self.after[self.find(a)].add(self.find(b))
        self._reach: dict[str, set[str]] = {}

    def _add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self._add(x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def reach(self, x: str) -> set[str]:
        got = self._reach.get(x)
        if got is None:
            got, stack = set(), [x]
            while stack:
                for y in self.after.get(stack.pop(), ()):
                    if y not in got:
                        got.add(y)
                        stack.append(y)
            self._reach[x] = got
        return got

    def entails(self, rel: tuple[str, str, str]) -> bool:
        a, r, b = rel
        if a not in self.parent or b not in self.parent:
            return False
        fa, fb = self.find(a), self.find(b)
        if r == "SIMULTANEOUS":
            return fa == fb
        return fb in self.reach(fa)


@dataclass(slots=True)
class Awareness:
    """Numerators and denominators of temporal awareness, summed over timelines (micro average)."""

    p_hit: int = 0
    p_all: int = 0
    r_hit: int = 0
    r_all: int = 0

    def add(self, gold: Sequence[Line], system: Sequence[Line]) -> None:
        g, s = relations(gold), relations(system)
        gc, sc = Closure(g), Closure(s)
        self.p_hit += sum(1 for x in s if gc.entails(x))
        self.p_all += len(s)
        self.r_hit += sum(1 for x in g if sc.entails(x))
        self.r_all += len(g)

    def scores(self) -> tuple[float, float, float]:
        p = self.p_hit / self.p_all if self.p_all else 0.0
        r = self.r_hit / self.r_all if self.r_all else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ----------------------------------------------------------------------------- the system


@dataclass(slots=True)
class TDoc:
    id: str
    dct: str
    sentences: list[tuple[int, str]] = field(default_factory=list)


def load_docs(corpus_dir: Path) -> list[TDoc]:
    out = []
    for path in sorted((corpus_dir / "corpus_trackA_TimeML").glob("*.tml")):
        root = ET.parse(path).getroot()
        docid = (root.findtext("DOCID") or path.stem.split("_")[0]).strip()
        dct_el = root.find("DCT/TIMEX3")
        dct = (dct_el.get("value") if dct_el is not None else "") or ""
        m = re.match(r"(\d\d)-(\d\d)-(\d{4})$", dct)
        if m:  # one file writes its DCT as DD-MM-YYYY
            dct = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
        doc = TDoc(docid, dct[:10])
        text_el = root.find("TEXT")
        for s in text_el.iter("s") if text_el is not None else []:
            doc.sentences.append((int(s.get("id", "0")), "".join(s.itertext())))
        out.append(doc)
    return out


def _granular(lo: str | None, hi: str | None) -> str | None:
    """A DateRange as the task writes dates: a day, YYYY-MM-XX, YYYY-XX-XX; None if wider."""
    if not lo or not hi:
        return None
    if lo == hi:
        return lo
    if lo[:7] == hi[:7] and lo.endswith("-01"):
        return lo[:7] + "-XX"
    if lo[:4] == hi[:4] and lo.endswith("-01-01") and hi.endswith("-12-31"):
        return lo[:4] + "-XX-XX"
    return None


def build(docs: Sequence[TDoc]) -> tuple[list[Any], dict[str, list[tuple[str, Any, Any, str, Any]]]]:
    """Articles of the documents and, per article, its candidate events (id, unit, candidate, date, article)."""
    from newsprism.article import Article, DateRange
    from newsprism.article import Line as ALine
    from newsprism.clauses import Unit
    from newsprism.plover import Token, tokens
    from newsprism.stages.actors import link_actors
    from newsprism.stages.events import EventReader
    from newsprism.stages.nlp import analyse
    from newsprism.stages.timex import article_dates

    arts = []
    for d in docs:
        parts, lines, pos = [], [], 0
        for n, (_, text) in enumerate(d.sentences):
            lines.append(ALine(n + 1, pos, pos + len(text), "title" if n == 0 else "body"))
            parts.append(text)
            pos += len(text) + 1
        a = Article(id=d.id, source=d.id, raw_text="\n".join(parts), lines=lines)
        if d.dct:
            a.published = DateRange(d.dct, d.dct, 1.0, "the document creation time")
        arts.append(a)
    analyse(arts)
    out: dict[str, list[tuple[str, Any, Any, str, Any]]] = {}
    for d, a in zip(docs, arts, strict=True):
        link_actors(a)
        a.dates = article_dates(a)
        reader = EventReader(a)
        found = []
        for (sid, _), ln in zip(d.sentences, a.lines, strict=True):
            text = a.raw_text[ln.start : ln.end]
            toks = [Token(ln.start + t.start, ln.start + t.end, t.text, t.low) for t in tokens(text)]
            u = Unit(ln.start, ln.end, ln.role, text, toks)
            for c in reader.read_unit(u, keep_all=True):
                words = u.toks[c.trigger.i : c.trigger.j]
                word = (words[0] if c.trigger.cue.pos != "noun" else words[-1]).text
                when = _granular(c.date.earliest, c.date.latest) or d.dct
                found.append((f"{d.id}-{sid}-{word}", u, c, when, a))
        out[d.id] = found
    return arts, out


def _mentions_entity(entity: str, text: str, actor_names: Iterable[str]) -> bool:
    low = text.lower()
    if re.search(r"(?<!\w)" + re.escape(entity.lower()) + r"(?!\w)", low):
        return True
    return any(n.lower() == entity.lower() for n in actor_names)


def system_timeline(entity: str, cands: dict[str, list[tuple[str, Any, Any, str, Any]]]) -> list[Line]:
    from newsprism.article import DateRange, Event, Mention, Span
    from newsprism.event_merge import cluster, node_of

    picked: list[tuple[str, str, Any]] = []
    for found in cands.values():
        for eid, u, c, when, a in found:
            names = {x.name for x in a.actors if x.id in set(c.agents) | set(c.targets)}
            if _mentions_entity(entity, u.text, names):
                picked.append((eid, when, (u, c, a)))
    if not picked:
        return []
    events = []
    for eid, when, (u, c, a) in picked:
        lo = hi = None
        if not when.startswith("XXXX"):
            lo = when.replace("-XX", "-01") if "XX" in when else when
            hi = when if "XX" not in when else None
        events.append(
            Event(
                id=eid,
                plover=c.type,
                summary="",
                date=DateRange(lo, hi or lo, 0.5, ""),
                actors=list(c.agents),
                targets=list(c.targets),
                mentions=[Mention(a.id, Span.of(a.raw_text, u.start, u.end))],
            )
        )
    nodes = [node_of(i, e) for i, e in enumerate(events)]
    lines: list[tuple[str, list[str]]] = []
    for group in cluster(nodes):
        ids = sorted({picked[i][0] for i in group})
        when = min(picked[i][1] for i in group)
        lines.append((when, ids))
    dates = sorted({w for w, _ in lines})
    rank = {w: n + 1 for n, w in enumerate(dates)}
    return sorted(((rank[w], w, ids) for w, ids in lines), key=lambda x: (x[0], x[2]))


def evaluate(shared: Path, corpora: Sequence[str]) -> dict[str, Any]:
    total = Awareness()
    per: dict[str, Any] = {}
    for name in corpora:
        cdir = shared / DATASET / name
        docs = load_docs(cdir)
        _, cands = build(docs)
        aw = Awareness()
        for path in sorted((cdir / "TimeLines_Gold_Standard").glob("*.txt")):
            if "&" in path.name:
                continue  # s&p_500.txt duplicates s_and_p_500.txt (SOURCE.md)
            entity, gold = parse_timeline(path.read_text(encoding="utf-8"))
            system = system_timeline(entity, cands)
            aw.add(gold, system)
            total.add(gold, system)
        p, r, f = aw.scores()
        per[name] = {"precision": p, "recall": r, "f1": f, "documents": len(docs)}
    p, r, f = total.scores()
    return {
        "corpora": per,
        "micro": {"precision": p, "recall": r, "f1": f},
        "published_best_track_a_f1": PUBLISHED_BEST_TRACK_A,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only these corpora")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not (args.shared / DATASET).is_dir():
        print(f"no data under {args.shared / DATASET}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    res = evaluate(args.shared, args.corpus or CORPORA)
    print(
        f"SemEval-2015 Task 4 TimeLine, Track A (temporal awareness, micro-averaged; {time.perf_counter() - t0:.0f} s)"
    )
    for name, s in res["corpora"].items():
        print(
            f"  {name:10s} P {100 * s['precision']:5.2f}  R {100 * s['recall']:5.2f}  F1 {100 * s['f1']:5.2f}  ({s['documents']} documents)"
        )
    m = res["micro"]
    print(
        f"  {'all':10s} P {100 * m['precision']:5.2f}  R {100 * m['recall']:5.2f}  F1 {100 * m['f1']:5.2f}   published best Track A (WHUNLP_1, corpora 1-3): F1 {PUBLISHED_BEST_TRACK_A:.2f}"
    )
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
