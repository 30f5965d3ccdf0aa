#!/usr/bin/env python3
"""Outlet and publication date from text alone (#23), beside a baseline, in one command.

    python evals/wire_copy.py [--shared ../shared] [--polnear N] [--json OUT]

Two sets, each given as plain text with its truth hidden:

* **wire copy**: the Yonhap / Korea Herald / KBS articles of
  ``datasets/nk-russia-news-baram`` with their front matter cut off (the publisher and the
  publication time it states are the truth); the text keeps what a saved page shows: a
  publisher and date line, a dateline ("SEOUL, Dec. 29 (Yonhap) --");
* **PolNeAR**: the first ``N`` PolNeAR texts of every split by name (outlet and date in the file
  name), under opaque ids;
* **TempEval-3**: the TimeML texts with their document creation time hidden (no outlet is scored
  there: the truth names none); Platinum is held out.

newsprism runs its whole default pipeline over each set (the corpus stages refine dates across
articles). Measures: outlet right,
outlet wrong (a named outlet that is not the truth: the worst answer), publication interval
containing the true day, interval excluding it (confidently wrong), and the exact day. The
baseline is the first date ``dateparser.search.search_dates`` finds in the first 600 characters
(a reader skimming the top of the page) and no outlet.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

WIRE = Path("datasets") / "nk-russia-news-baram"
POLNEAR = Path("datasets") / "polnear"
# PolNeAR's outlet slugs as the outlet list names them.
POLNEAR_OUTLETS = {
    "breitbart": "Breitbart News", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
    "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "The Western Journal",
    "fox": "Fox News", "cnn": "CNN", "ap": "Associated Press", "reuters": "Reuters",
}  # fmt: skip


def wire_items(shared: Path) -> list[tuple[str, str, str, str]]:
    """(id, text without front matter, true outlet, true day) for each shared wire text."""
    from newsprism.knowledge import outlets

    table = outlets()
    out = []
    for p in sorted((shared / WIRE).glob("*.md")):
        raw = p.read_text(encoding="utf-8")
        m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
        if m is None:
            continue
        fm = dict(re.findall(r"^(publisher|published_at):[ \t]*(.+)$", m.group(1), re.M))
        if not fm.get("publisher") or not fm.get("published_at"):
            continue
        known = table.lookup(fm["publisher"].strip())
        out.append((p.stem, raw[m.end() :], known.name if known else fm["publisher"].strip(), fm["published_at"].strip()[:10]))
    return out


TEMPEVAL = Path("datasets") / "tempeval3"


def tempeval_items(shared: Path) -> list[tuple[str, str, str, str]]:
    """(id, text, "", the document creation day) of each shared TempEval-3 text: TBAQ-cleaned
    (1989-98 newswire; read while writing the maturity rule) as ``te3-train-*``, Platinum (2013,
    never read) as ``te3-plat-*``. The text is TimeML's TEXT with its tags removed."""
    out = []
    for split, folder in (("train", "Training/TBAQ-cleaned"), ("plat", "Evaluation/te3-platinum")):
        for k, p in enumerate(sorted((shared / TEMPEVAL / folder).rglob("*.tml"))):
            x = p.read_text(encoding="utf-8")
            dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", x, re.S)
            body = re.search(r"<TEXT>(.*?)</TEXT>", x, re.S)
            if dct and body:
                out.append((f"te3-{split}-{k:03d}", re.sub(r"<[^>]+>", "", body.group(1)).strip(), "", dct.group(1)))
    return out


def polnear_items(shared: Path, n: int) -> list[tuple[str, str, str, str]]:
    out = []
    for split in ("dev", "test", "train"):
        for k, p in enumerate(sorted((shared / POLNEAR / split / "text").glob("*.txt"))[:n]):
            m = re.match(r"([a-z-]+)_(\d{4}-\d{2}-\d{2})_", p.name)
            if m:
                out.append((f"pn-{split}-{k:03d}", p.read_text(encoding="utf-8"), POLNEAR_OUTLETS.get(m[1], m[1]), m[2]))
    return out


# Texts read while writing the rules: the first 60 of each split by name, and train's 60-159
# (added when the first 60 gave no wrong date left to read); the rest of train is held out.
TUNE_TRAIN = 160


def _held_out(item_id: str) -> bool:
    kind, split, k = item_id.split("-")
    if kind == "te3":
        return split == "plat"
    return split == "train" and int(k) >= TUNE_TRAIN


def analyse(items: list[tuple[str, str, str, str]]) -> list[tuple[str | None, Any]]:
    from newsprism import settings
    from newsprism.article import Article, Dossier
    from newsprism.pipeline import Pipeline, apply_stages

    per_article, corpus = Pipeline(settings.DEFAULT_PIPELINE).build()
    dossier = Dossier()
    for aid, text, _, _ in items:
        art = apply_stages(Article(id=aid, source=f"{aid}.txt", raw_text=text), per_article)
        if isinstance(art, Article):
            dossier.articles.append(art)
    for _, fn in corpus:
        fn(dossier)  # the corpus stages refine dates across articles
    by_id = {a.id: a for a in dossier.articles}
    return [(by_id[aid].outlet, by_id[aid].published) if aid in by_id else (None, None) for aid, _, _, _ in items]


def baseline(items: list[tuple[str, str, str, str]]) -> list[tuple[str | None, Any]]:
    from dateparser.search import search_dates

    from newsprism.article import DateRange

    out = []
    for _, text, _, _ in items:
        found = search_dates(text[:600], languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}) or []
        day = found[0][1].date().isoformat() if found else None
        out.append((None, DateRange(day, day, 0.5, "first date") if day else DateRange()))
    return out


def score(items: list[tuple[str, str, str, str]], got: list[tuple[str | None, Any]]) -> dict[str, float]:
    n = len(items)
    right = wrong = inside = outside = exact = 0
    for (_, _, outlet, day), (o, pub) in zip(items, got, strict=True):
        if o and outlet:  # TempEval-3 names no outlet: not scored there
            right += o == outlet
            wrong += o != outlet
        lo, hi = (pub.earliest, pub.latest) if pub is not None else (None, None)
        if (lo and lo > day) or (hi and hi < day):
            outside += 1
        else:
            inside += 1
            exact += lo == hi == day
    return {
        "n": n, "outlet_right": right / n, "outlet_wrong": wrong / n, "date_contains": inside / n,
        "date_excludes": outside / n, "day_exact": exact / n,
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--polnear", type=int, default=40, help="texts per PolNeAR split")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    res: dict[str, Any] = {}
    print(f"{'set':10s} {'system':10s} {'n':>4s} {'outlet ok':>9s} {'wrong':>6s} {'date ok':>8s} {'excl.':>6s} {'day':>6s}")
    sets = (("wire copy", wire_items(args.shared)), ("PolNeAR", polnear_items(args.shared, args.polnear)), ("TempEval-3", tempeval_items(args.shared)))
    for name, items in sets:
        if not items:
            continue
        for system, fn in (("newsprism", analyse), ("baseline", baseline)):
            got = fn(items)
            parts = [(name, items, got)]
            if name in ("PolNeAR", "TempEval-3"):
                held = [i for i, it in enumerate(items) if _held_out(it[0])]
                parts.append(("  held out", [items[i] for i in held], [got[i] for i in held]))
            for label, its, gs in parts:
                if not its:
                    continue
                s = score(its, gs)
                res[f"{label.strip()}/{system}"] = s
                print(
                    f"{label:10s} {system:10s} {s['n']:4d} {s['outlet_right']:9.3f} {s['outlet_wrong']:6.3f} "
                    f"{s['date_contains']:8.3f} {s['date_excludes']:6.3f} {s['day_exact']:6.3f}"
                )
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
