"""Temporal expressions on TempEval-3 (TimeBank, AQUAINT, TE3-Platinum), side by side with dateparser.

For every ``.tml`` file under ``<shared>/datasets/tempeval3`` (see its ``SOURCE.md``), the
TimeML tags inside ``<TEXT>`` are stripped to get the raw text, keeping the character offsets
of the gold ``TIMEX3`` spans in it; the document creation time (the ``CREATION_TIME`` TIMEX3
in ``<DCT>``) is the anchor. Two systems are scored:

* ``newsprism``: :func:`newsprism.timex.find_timexes` with the DCT as anchor;
* ``dateparser``: ``dateparser.search.search_dates`` per paragraph, ``RELATIVE_BASE`` = DCT,
  its substrings mapped back to offsets in order; the value is the returned datetime as
  ``YYYY-MM-DD`` (``YYYY-MM-DDTHH:MM`` when it has a time), which is the point of a baseline.

Scores (TempEval-3 style, written here): detection precision/recall/F1 **strict** (same
offsets) and **relaxed** (any overlap, one-to-one), **value accuracy** and **type accuracy**
over the relaxed pairs, and value F1 = value accuracy x relaxed F1 (TempEval-3's attribute F1).

    python evals/tempeval3.py --shared ../shared [--limit N] [--json OUT] [--show] [--baseline-limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

DATASET = Path("datasets") / "tempeval3"
SUBSETS = {
    "TimeBank": Path("Training/TBAQ-cleaned/TimeBank"),
    "AQUAINT": Path("Training/TBAQ-cleaned/AQUAINT"),
    "Platinum": Path("Evaluation/te3-platinum"),
}
BASELINE_BUDGET_S = 180.0  # past this, dateparser runs on Platinum plus a fixed sample
BASELINE_SAMPLE = 40
SEED = 13
SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[`]*[A-Z0-9]|\s*$)")
ABBREV_WORDS = (
    "mr mrs ms dr st jr sr gen col lt sgt rep sen gov inc co corp ltd no vs jan feb mar apr jun jul aug sept sep "
    "oct nov dec a.m p.m u.s u.n u.k calif conn fla ill mass mich n.j n.y pa tex va wash wis ariz colo del ga "
    "ind kan ky la md minn miss mo neb nev okla ore tenn vt"
)
ABBREV = set(ABBREV_WORDS.split())  # words whose period does not end a sentence


def count_sentences(text: str) -> int:
    """Sentences in text: ends of . ! ? before a capital, not after an abbreviation or initial."""
    n = 0
    for m in SENT_END.finditer(text):
        word = re.search(r"([A-Za-z.]+)\.?$", text[: m.start() + 1])
        w = word.group(1).lower().rstrip(".") if word else ""
        if text[m.start()] == "." and (w in ABBREV or len(w) == 1):
            continue
        n += 1
    return max(n, 1)


# ------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Doc:
    name: str
    subset: str
    text: str
    dct: date
    gold: list[Span] = field(default_factory=list)


def read_tml(path: Path, subset: str) -> Doc:
    """Raw TEXT of a TimeML file with its gold TIMEX3 spans as offsets into that text."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path}: no DCT")
    dct = date.fromisoformat(dct_el.get("value", "")[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT")
    parts: list[str] = []
    gold: list[Span] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
                gold.append(Span(start, pos, child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(text_el)
    gold.sort(key=lambda s: (s.start, s.end))
    return Doc(path.stem, subset, "".join(parts), dct, gold)


def load(shared: Path, limit: int | None = None) -> list[Doc]:
    docs: list[Doc] = []
    for subset, rel in SUBSETS.items():
        files = sorted((shared / DATASET / rel).glob("*.tml"))
        if limit:
            files = files[:limit]
        docs.extend(read_tml(f, subset) for f in files)
    return docs


# ------------------------------------------------------------------------- systems


def run_newsprism(doc: Doc) -> list[Span]:
    from newsprism.timex import find_timexes

    return [Span(t.start, t.end, t.type, t.value) for t in find_timexes(doc.text, doc.dct)]


def run_dateparser(doc: Doc) -> list[Span]:
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": datetime(doc.dct.year, doc.dct.month, doc.dct.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    out: list[Span] = []
    for para in re.finditer(r"[^\n]+", doc.text):
        try:
            found = search_dates(para.group(), languages=["en"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a baseline crash on one paragraph must not stop the run
            found = []
        cursor = 0
        for sub, dt in found:
            i = para.group().find(sub, cursor)
            if i < 0:
                continue
            cursor = i + len(sub)
            value = dt.strftime("%Y-%m-%d") if (dt.hour, dt.minute) == (0, 0) else dt.strftime("%Y-%m-%dT%H:%M")
            out.append(Span(para.start() + i, para.start() + i + len(sub), "TIME" if "T" in value else "DATE", value))
    return out


# ------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for k in ("gold", "pred", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict[str, float]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.pred if self.pred else 0.0
            r = tp / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        vacc = self.value / self.relaxed if self.relaxed else 0.0
        tacc = self.type / self.relaxed if self.relaxed else 0.0
        return {
            "gold": self.gold, "pred": self.pred, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "value_acc": vacc, "type_acc": tacc,
            "value_f1": vacc * rf, "type_f1": tacc * rf,
        }  # fmt: skip


def match(gold: Sequence[Span], pred: Sequence[Span]) -> tuple[Counts, list[tuple[Span, Span]], list[Span], list[Span]]:
    """One-to-one relaxed matching (greedy by overlap length), strict hits, and the leftovers."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[Span, Span]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gold[gi], pred[pi]))
    c = Counts(gold=len(gold), pred=len(pred))
    gset = {(g.start, g.end) for g in gold}
    c.strict = sum(1 for p in pred if (p.start, p.end) in gset)
    c.relaxed = len(matched)
    c.value = sum(1 for g, p in matched if g.value == p.value)
    c.type = sum(1 for g, p in matched if g.type == p.type)
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    spurious = [p for i, p in enumerate(pred) if i not in used_p]
    return c, matched, missed, spurious


@dataclass(slots=True)
class SystemResult:
    name: str
    by_subset: dict[str, Counts] = field(default_factory=dict)
    seconds: float = 0.0
    docs: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    wrong_value: list[str] = field(default_factory=list)

    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_subset.values():
            total.add(c)
        return total


def evaluate(docs: Iterable[Doc], system: Callable[[Doc], list[Span]], name: str) -> SystemResult:
    res = SystemResult(name)
    for doc in docs:
        t0 = time.perf_counter()
        pred = system(doc)
        res.seconds += time.perf_counter() - t0
        res.docs += 1
        c, matched, missed, spurious = match(doc.gold, pred)
        res.by_subset.setdefault(doc.subset, Counts()).add(c)
        res.missed.update(doc.text[g.start : g.end] for g in missed)
        res.spurious.update(doc.text[p.start : p.end] for p in spurious)
        for g, p in matched:
            if g.value != p.value:
                ctx = doc.text[max(0, g.start - 50) : g.end + 20].replace("\n", " ")
                res.wrong_value.append(
                    f"{doc.dct} {doc.text[p.start : p.end]!r} gold={g.value} pred={p.value}   …{ctx}…"
                )
    return res


# ------------------------------------------------------------------------- report

COLUMNS = [("strict_p", "sP"), ("strict_r", "sR"), ("strict_f1", "sF1"), ("relaxed_p", "rP"), ("relaxed_r", "rR"),
           ("relaxed_f1", "rF1"), ("value_acc", "val.acc"), ("type_acc", "type.acc"), ("value_f1", "val.F1")]  # fmt: skip


def table(results: Sequence[SystemResult]) -> str:
    head = f"{'system':<11} {'subset':<9} {'docs':>4} {'gold':>5} {'pred':>5} " + " ".join(
        f"{h:>8}" for _, h in COLUMNS
    )
    lines = [head, "-" * len(head)]
    for r in results:
        subsets = [*SUBSETS, "ALL"]
        for sub in subsets:
            c = r.overall() if sub == "ALL" else r.by_subset.get(sub)
            if c is None:
                continue
            s = c.scores()
            ndocs = "" if sub != "ALL" else str(r.docs)
            lines.append(
                f"{r.name:<11} {sub:<9} {ndocs:>4} {c.gold:>5} {c.pred:>5} "
                + " ".join(f"{s[k]:>8.3f}" for k, _ in COLUMNS)
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--json", type=Path, default=None, help="write the scores here")
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents per subset")
    ap.add_argument("--subset", choices=[*SUBSETS], action="append", help="only these subsets")
    ap.add_argument("--show", action="store_true", help="list missed gold strings, false positives and wrong values")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument(
        "--baseline-limit", type=int, default=None, help="dateparser on at most this many documents (Platinum first)"
    )
    args = ap.parse_args(argv)

    docs = load(args.shared, args.limit)
    if args.subset:
        docs = [d for d in docs if d.subset in args.subset]
    if not docs:
        print(f"no documents under {args.shared / DATASET}", file=sys.stderr)
        return 1
    sentences = sum(count_sentences(d.text) for d in docs)

    ours = evaluate(docs, run_newsprism, "newsprism")
    results = [ours]
    note = ""
    if not args.no_baseline:
        base_docs = sorted(docs, key=lambda d: d.subset != "Platinum")
        if args.baseline_limit is not None:
            base_docs = base_docs[: args.baseline_limit]
        base = SystemResult("dateparser")
        t_start = time.perf_counter()
        sampled = False
        rest = [d for d in base_docs if d.subset != "Platinum"]
        random.Random(SEED).shuffle(rest)
        order = [d for d in base_docs if d.subset == "Platinum"] + rest
        for i, doc in enumerate(order):
            if time.perf_counter() - t_start > BASELINE_BUDGET_S and doc.subset != "Platinum" and i >= BASELINE_SAMPLE:
                sampled = True
                break
            one = evaluate([doc], run_dateparser, "dateparser")
            for sub, c in one.by_subset.items():
                base.by_subset.setdefault(sub, Counts()).add(c)
            base.seconds += one.seconds
            base.docs += 1
            base.missed.update(one.missed)
            base.spurious.update(one.spurious)
        if sampled or base.docs < len(docs):
            note = f"dateparser ran on {base.docs} of {len(docs)} documents (all of Platinum, then a fixed random sample; budget {BASELINE_BUDGET_S:.0f} s)."
        results.append(base)

    print(table(results))
    if note:
        print(note)
    print(
        f"\nnewsprism: {ours.docs} docs, {sentences} sentences in {ours.seconds:.2f} s ({sentences / max(ours.seconds, 1e-9):.0f} sentences/s)"
    )
    for r in results[1:]:
        print(f"{r.name}: {r.docs} docs in {r.seconds:.1f} s")
    if args.show:
        print("\ntop missed gold strings:", ours.missed.most_common(60))
        print("\ntop false positives:", ours.spurious.most_common(60))
        print(f"\nwrong values ({len(ours.wrong_value)}):")
        for w in ours.wrong_value:
            print("  ", w)
    if args.json:
        payload: dict[str, Any] = {
            r.name: {sub: (r.overall() if sub == "ALL" else r.by_subset[sub]).scores() for sub in [*r.by_subset, "ALL"]}
            for r in results
        }
        payload["newsprism"]["seconds"] = ours.seconds
        payload["newsprism"]["sentences_per_s"] = sentences / max(ours.seconds, 1e-9)
        if note:
            payload["note"] = note
        args.json.write_text(json.dumps(payload, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
