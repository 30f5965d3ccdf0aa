#!/usr/bin/env python3
"""Figures as an analyst cites them, on real US news (#22): found, valued, counted, attributed, grouped.

    python evals/polnear_claims.py [--shared ../shared] [--show N] [--json OUT]

The gold is ours: ``labels/polnear_claims.json`` holds, for 40 PolNeAR articles, every number of
each text as a **figure** (a quantity someone asserts: value, unit, qualifier, the span of one
mention of its asserter or none for the outlet's own voice, and a quantity id shared by figures
of the same quantity) or a **not-figure** with its kind (date, year, time, ordinal, rank, name,
age, code, idiom, vague, other; a bare vague plural, "thousands", is counted neither right
nor wrong). Labels are offsets only; the texts are read from ``../shared``. The
annotation guide is the labels' ``_guide``; the labels were made by annotators who saw neither
the code nor its output (see ``_about``). Twenty training articles are the **tune** set, twenty
test articles the **held_out** set; each set runs through the default pipeline as one corpus, so
grouping across unrelated articles is tested too.

A claim matches the gold figure its span overlaps (one to one, the largest overlap first).
Scores: precision and recall of figures; over matched pairs, the value (within 1%), the unit
(the same head noun, plural or singular, "%" and "per cent" as "percent", a currency sign as
its currency, "share of voters" as "share"), the qualifier, the asserter (none for none; else a mention of the claim's actor,
or its asserter text, shares the gold mention's span or one of its capitalised words other than
"poll", "survey", "university" and the like; a gold mention in lower case, its last word); grouping B³ F1 of the
matched claims (claim ``group`` against gold ``quantity``); and the claims that lie on a gold
not-figure of a forbidden kind (ordinal, rank, year, date, time, age, name, code).

Beside it, in the same run, the **naive** peer: every number in digits or words is a figure, its
unit the next word, exact, asserted by the outlet, grouped by unit across articles (what #22
reports the first version's charts did).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
LABELS = HERE / "labels" / "polnear_claims.json"
POLNEAR = Path("datasets") / "polnear"
FORBIDDEN = ("ordinal", "rank", "year", "date", "time", "age", "name", "code")


@dataclass(slots=True)
class Pred:
    """A predicted figure: where, what value, unit, qualifier, who asserts it, its group."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    asserter_texts: list[str] = field(default_factory=list)
    asserter_spans: list[tuple[int, int]] = field(default_factory=list)
    asserted: bool = False
    group: str = ""


def load_labels(path: Path = LABELS) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# -- newsprism -------------------------------------------------------------------------------


def predict_newsprism(shared: Path, files: Sequence[str]) -> dict[str, list[Pred]]:
    """Every claim of the dossier made from ``files`` (one corpus), by file."""
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline, apply_stages

    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    dossier = Dossier()
    for name in files:
        path = shared / POLNEAR / name
        art = apply_stages(Article(id=name, source=str(path), raw_text=path.read_text(encoding="utf-8")), per_article)
        if isinstance(art, Article):
            dossier.articles.append(art)
    for _, fn in corpus:
        fn(dossier)
    actors = {a.id: a for a in dossier.actors}
    out: dict[str, list[Pred]] = {}
    for art in dossier.articles:
        preds = []
        for c in art.claims:
            texts = [c.asserted_by_text] if c.asserted_by_text else []
            # The characters that name the asserter (a group's words, a poll, a pronoun), then the
            # asserting actor's mentions in the article.
            spans: list[tuple[int, int]] = [(c.asserted_by_span.start, c.asserted_by_span.end)] if c.asserted_by_span else []
            if c.asserted_by:
                a = actors.get(c.asserted_by)
                if a is not None:
                    texts += [a.name, *a.aliases]
                    spans += [(m.span.start, m.span.end) for m in a.mentions if m.article == art.id]
                spans += [(m.span.start, m.span.end) for m in art.mentions if m.actor == c.asserted_by]
            asserted = bool(c.asserted_by or c.asserted_by_text)
            preds.append(Pred(c.span.start, c.span.end, c.value, c.unit, c.qualifier, texts, spans, asserted, c.group or f"{art.id}:{c.span.start}"))
        out[art.id] = preds
    return out


# -- the naive peer --------------------------------------------------------------------------

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5}
NAIVE = re.compile(r"(?P<cur>\$)?(?P<num>\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_WORDS) + r")\b)(?P<scale>\s+(?:million|billion|thousand))?(?P<pct>\s?%|\s+percent\b)?(?:\s+(?P<next>[A-Za-z][\w-]*))?", re.I)


def predict_naive(shared: Path, files: Sequence[str]) -> dict[str, list[Pred]]:
    out: dict[str, list[Pred]] = {}
    for name in files:
        text = (shared / POLNEAR / name).read_text(encoding="utf-8")
        preds = []
        for m in NAIVE.finditer(text):
            num = m.group("num")
            try:
                value = float(num.replace(",", "")) if num[0].isdigit() else float(_WORDS[num.lower()])
            except ValueError:
                continue
            if m.group("scale"):
                value *= _WORDS[m.group("scale").strip().lower()]
            unit = "percent" if m.group("pct") else "dollars" if m.group("cur") else (m.group("next") or "").lower()
            end = m.end("pct") if m.group("pct") else m.end("scale") if m.group("scale") else m.end("num")
            preds.append(Pred(m.start(), end, value, unit, "exact", group=unit))
        out[name] = preds
    return out


# -- scoring ---------------------------------------------------------------------------------

_CURRENCY = {"$": "dollars", "usd": "dollars", "us dollars": "dollars", "dollar": "dollars", "€": "euros", "eur": "euros", "£": "pounds", "gbp": "pounds"}


def unit_head(unit: str) -> str:
    """The head noun of a unit, folded: "152mm artillery shells" -> "shell", "%" -> "percent"."""
    u = unit.lower().strip()
    u = _CURRENCY.get(u, u)
    if u in ("%", "per cent", "pct") or u.endswith(" percent"):
        return "percent"
    if u == "share" or u.startswith("share of "):
        return "share"  # "share of registered voters": a share, whatever of
    words = re.findall(r"[a-z]+", u)
    if not words:
        return ""
    w = words[-1]
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 2 and not w.endswith("ss"):
            return w[: -len(suf)] + rep
    return {"percentage": "percent", "dollar": "dollar", "cent": "percent"}.get(w, w)


def _last_word(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return re.sub(r"['’]s?$", "", words[-1]).lower() if words else ""


# Words that name no one in particular: the kind of source, not which.
GENERIC = frozenset({"the", "a", "new", "latest", "national", "poll", "polls", "survey", "surveys", "university", "college", "institute", "center"})


def asserter_right(text: str, p: Pred, g: dict[str, Any]) -> bool:
    span = g.get("asserter_span")
    if not span:
        return not p.asserted
    if not p.asserted:
        return False
    gs, ge = span
    if any(a < ge and gs < b for a, b in p.asserter_spans):
        return True
    # A distinctive name word of the gold mention in the claim's asserter ("Associated Press-GfK
    # poll" and "the AP-GfK Poll (Associated Press)"; "CLINTON" and "Hillary Clinton").
    names = {w.lower() for w in re.findall(r"[A-Z][\w'’-]*", text[gs:ge])} - GENERIC
    if names:
        ours = {w.lower().strip("'’") for t in p.asserter_texts for w in re.findall(r"[A-Za-z][\w'’-]*", t)}
        return bool(names & ours)
    want = _last_word(text[gs:ge])
    return bool(want) and any(want in {w.lower().strip("'’") for w in re.findall(r"[A-Za-z][\w'’-]*", t)} or want == _last_word(t) for t in p.asserter_texts)


def match(preds: Sequence[Pred], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs by span overlap, the largest first."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(gold):
            ov = min(p.end, g["end"]) - max(p.start, g["start"])
            if ov > 0:
                cands.append((-ov, abs(p.value - g["value"]) > 0.01 * max(1.0, abs(g["value"])), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def b_cubed(items: Iterable[tuple[str, str]]) -> float:
    """B³ F1 of (ours, gold) cluster labels, one pair per item."""
    items = list(items)
    if not items:
        return 0.0
    ours: dict[str, set[int]] = defaultdict(set)
    gold: dict[str, set[int]] = defaultdict(set)
    for k, (o, g) in enumerate(items):
        ours[o].add(k)
        gold[g].add(k)
    p = sum(len(ours[o] & gold[g]) / len(ours[o]) for o, g in items) / len(items)
    r = sum(len(ours[o] & gold[g]) / len(gold[g]) for o, g in items) / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


def score(shared: Path, articles: dict[str, Any], preds: dict[str, list[Pred]], show: list[str] | None = None) -> dict[str, Any]:
    n_pred = n_gold = n_match = 0
    right = {"value": 0, "unit": 0, "qualifier": 0, "asserter": 0}
    forbidden: dict[str, int] = defaultdict(int)
    groups = []
    for name, lab in articles.items():
        text = (shared / POLNEAR / name).read_text(encoding="utf-8")
        gold = lab["figures"]
        ps = preds.get(name, [])
        pairs = match(ps, gold)
        n_pred += len(ps)
        n_gold += len(gold)
        n_match += len(pairs)
        matched_p = {i for i, _ in pairs}
        for i, p in enumerate(ps):
            if i in matched_p:
                continue
            kinds = [x["kind"] for x in lab["not_figures"] if x["start"] < p.end and p.start < x["end"]]
            if kinds[:1] == ["vague"]:
                n_pred -= 1  # a bare vague plural ("thousands"): counted neither right nor wrong
                continue
            for k in kinds[:1]:
                if k in FORBIDDEN:
                    forbidden[k] += 1
            if show is not None:
                show.append(f"spurious ({(kinds or ['unlabelled'])[0]}): {text[p.start : p.end]!r} in {name}")
        for i, j in pairs:
            p, g = ps[i], gold[j]
            checks = {
                "value": abs(p.value - g["value"]) <= 0.01 * max(1.0, abs(g["value"])),
                "unit": unit_head(p.unit) == unit_head(g["unit"]),
                "qualifier": p.qualifier == g["qualifier"],
                "asserter": asserter_right(text, p, g),
            }
            for k, ok in checks.items():
                right[k] += ok
                if not ok and show is not None:
                    want = {"value": g["value"], "unit": g["unit"], "qualifier": g["qualifier"], "asserter": text[g["asserter_span"][0] : g["asserter_span"][1]] if g.get("asserter_span") else None}[k]
                    got = {"value": p.value, "unit": p.unit, "qualifier": p.qualifier, "asserter": p.asserter_texts[:1] if p.asserted else None}[k]
                    show.append(f"{k}: {got!r} (want {want!r}) at {text[g['start'] : g['end']]!r} in {name}")
            groups.append((p.group, g["quantity"]))
        if show is not None:
            matched_g = {j for _, j in pairs}
            show += [f"missed: {text[g['start'] : g['end']]!r} ({g['unit']}) in {name}" for j, g in enumerate(gold) if j not in matched_g]
    prec = n_match / n_pred if n_pred else 0.0
    rec = n_match / n_gold if n_gold else 0.0
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        **{f"{k}_acc": round(v / n_match, 3) if n_match else 0.0 for k, v in right.items()},
        "group_b3": round(b_cubed(groups), 3),
        "forbidden": dict(sorted(forbidden.items())),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--show", type=int, default=0, help="print N errors per set")
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    labels = load_labels()
    results: dict[str, Any] = {}
    print("PolNeAR figures against our gold (labels/polnear_claims.json): each set one corpus")
    print(f"{'system':10s} {'set':9s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'value':>6s} {'unit':>6s} {'qual.':>6s} {'asserter':>8s} {'group B3':>8s}  forbidden")
    for set_name, files in labels["sets"].items():
        arts = {f: labels["articles"][f] for f in files}
        for system, fn in (("newsprism", predict_newsprism), ("naive", predict_naive)):
            show: list[str] | None = [] if args.show and system == "newsprism" else None
            r = score(shared, arts, fn(shared, files), show)
            results[f"{system}/{set_name}"] = r
            forb = ", ".join(f"{k} {v}" for k, v in r["forbidden"].items()) or "none"
            print(
                f"{system:10s} {set_name:9s} {r['gold']:5d} {r['predicted']:5d} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                f"{r['value_acc']:6.3f} {r['unit_acc']:6.3f} {r['qualifier_acc']:6.3f} {r['asserter_acc']:8.3f} {r['group_b3']:8.3f}  {forb}"
            )
            if show:
                for line in show[: args.show]:
                    print("   ", line)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
