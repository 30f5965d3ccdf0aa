"""Body extraction on the Zyte article-extraction benchmark, side by side with trafilatura.

For every page under ``<shared>/datasets/article-extraction-benchmark/html`` with a
gold ``articleBody`` in ``ground-truth.json``, three systems are scored:

* ``trafilatura``: ``trafilatura.extract`` alone (the baseline);
* ``newsprism-html``: ``clean_article`` on the HTML page, ``article.body``;
* ``newsprism-text``: ``clean_article(..., use_html_structure=False)``, the page's text
  blocks classified by the text classifier with no HTML structure.

Scoring follows the benchmark's description (written here, not copied): texts become
``\\w+`` tokens, tokens become 4-token shingles, and each page's shingle counts give
TP/FP/FN, normalised by their sum. Corpus precision and recall are means of per-page
values; F1 is the harmonic mean of the two means.

    python evals/zyte_bodies.py --shared ../shared [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATASET = Path("datasets") / "article-extraction-benchmark"
TOKEN = re.compile(r"\w+")
SHINGLE_N = 4
SYSTEMS = ("trafilatura", "newsprism-html", "newsprism-text")
DIFF_F1 = 0.05  # pages where newsprism and trafilatura differ by more than this are listed

# ------------------------------------------------------------------------- scoring


def shingles(text: str, n: int = SHINGLE_N) -> Counter[str]:
    """Counts of the n-token shingles of ``text`` (one shorter shingle for a short text)."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([" ".join(tokens)])
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true: str, pred: str, n: int = SHINGLE_N) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page over shingle counts, normalised to sum to 1 (or all 0)."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        ct, cp = t.get(key, 0), p.get(key, 0)
        tp += min(ct, cp)
        fp += max(0, cp - ct)
        fn += max(0, ct - cp)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(tp: float, fp: float, fn: float) -> float:
    p, r = page_precision(tp, fp, fn), page_recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "pages": self.pages}


def corpus_score(counts: Iterable[tuple[float, float, float]]) -> Score:
    """Mean per-page precision (pages with tp+fp>0) and recall (tp+fn>0); F1 of the means."""
    counts = list(counts)
    precisions = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f1, len(counts))


# ------------------------------------------------------------------------- systems


@dataclass(slots=True)
class Page:
    id: str
    path: Path
    url: str | None
    gold: str


def load_pages(shared: Path, limit: int | None = None) -> list[Page]:
    """The benchmark pages that have a gold body, sorted by id (first ``limit`` of them)."""
    root = shared / DATASET
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((root / "html").glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        entry = gold.get(pid)
        if not entry or not isinstance(entry.get("articleBody"), str):
            continue
        pages.append(Page(pid, path, entry.get("url"), entry["articleBody"]))
    return pages[:limit] if limit else pages


def read_html(page: Page) -> str:
    """The page's markup as newsprism reads it (gunzip and decode)."""
    from newsprism.ingest import read_path

    arts = read_path(str(page.path))
    html = getattr(arts[0], "html", None)
    if not isinstance(html, str):
        raise ValueError(f"{page.id}: not read as HTML")
    return html


def run_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True, output_format="txt")
    return text or ""


def run_newsprism(html: str, url: str | None, source: str, use_html_structure: bool = True) -> str:
    from newsprism.article import Article
    from newsprism.clean import clean_article

    art = Article(id=Path(source).name, source=source, raw_text="", format="html", html=html, url=url)
    return clean_article(art, use_html_structure=use_html_structure).body or ""


def system_runners(page: Page) -> dict[str, Callable[[str], str]]:
    src = str(page.path)
    return {
        "trafilatura": lambda html: run_trafilatura(html, page.url),
        "newsprism-html": lambda html: run_newsprism(html, page.url, src, True),
        "newsprism-text": lambda html: run_newsprism(html, page.url, src, False),
    }


@dataclass(slots=True)
class Result:
    scores: dict[str, Score]
    per_page: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)
    errors: dict[str, dict[str, str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def page_f1(self, system: str) -> dict[str, float]:
        return {pid: page_f1(*c[system]) for pid, c in self.per_page.items()}


def evaluate(pages: Sequence[Page], systems: Sequence[str] = SYSTEMS) -> Result:
    """Score ``systems`` on ``pages``; a system that raises scores an empty body."""
    per_page: dict[str, dict[str, tuple[float, float, float]]] = {}
    errors: dict[str, dict[str, str]] = {}
    seconds = dict.fromkeys(systems, 0.0)
    for page in pages:
        html = read_html(page)
        runners = system_runners(page)
        per_page[page.id] = {}
        for name in systems:
            t0 = time.perf_counter()
            try:
                pred = runners[name](html)
            except Exception as exc:  # noqa: BLE001 — one failing page must not stop the evaluation
                errors.setdefault(page.id, {})[name] = f"{type(exc).__name__}: {exc}"
                pred = ""
            seconds[name] += time.perf_counter() - t0
            per_page[page.id][name] = page_counts(page.gold, pred)
    scores = {name: corpus_score(c[name] for c in per_page.values()) for name in systems}
    return Result(scores, per_page, errors, seconds)


# ------------------------------------------------------------------------- report


def differing(
    result: Result, a: str = "newsprism-html", b: str = "trafilatura", margin: float = DIFF_F1
) -> list[tuple[str, float]]:
    """Pages where ``a`` and ``b`` differ by more than ``margin`` page F1, largest loss of ``a`` first."""
    fa, fb = result.page_f1(a), result.page_f1(b)
    diffs = [(pid, fa[pid] - fb[pid]) for pid in fa if abs(fa[pid] - fb[pid]) > margin]
    return sorted(diffs, key=lambda x: x[1])


def report(result: Result, out: Any = sys.stdout) -> None:
    print(f"{'system':<16} {'precision':>9} {'recall':>7} {'F1':>7} {'pages':>6} {'s/page':>7}", file=out)
    for name, s in result.scores.items():
        per = result.seconds.get(name, 0.0) / max(1, s.pages)
        print(f"{name:<16} {s.precision:9.4f} {s.recall:7.4f} {s.f1:7.4f} {s.pages:6d} {per:7.3f}", file=out)
    if "newsprism-html" in result.scores and "trafilatura" in result.scores:
        diffs = differing(result)
        worse = [d for d in diffs if d[1] < 0]
        print(
            f"\npages where newsprism-html differs from trafilatura by > {DIFF_F1} F1: {len(diffs)} "
            f"({len(worse)} worse, {len(diffs) - len(worse)} better)",
            file=out,
        )
        for pid, d in diffs[:8]:
            print(f"  {pid[:16]}  {d:+.3f}", file=out)
    if result.errors:
        print(f"\nerrors on {len(result.errors)} page(s):", file=out)
        for pid, errs in list(result.errors.items())[:5]:
            for name, msg in errs.items():
                print(f"  {pid[:16]} {name}: {msg[:100]}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder (default ../shared)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    ap.add_argument("--json", type=Path, default=None, help="write scores and per-page F1 here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    root = args.shared / DATASET
    if not (root / "ground-truth.json").exists():
        print(f"no benchmark at {root}", file=sys.stderr)
        return 2
    pages = load_pages(args.shared, args.limit)
    result = evaluate(pages)
    report(result)
    if args.json:
        data = {
            "dataset": "article-extraction-benchmark",
            "scoring": f"{SHINGLE_N}-token shingles; corpus P/R = mean of per-page values; F1 of the means",
            "scores": {k: v.as_dict() for k, v in result.scores.items()},
            "pages": {
                pid: {name: round(page_f1(*c), 4) for name, c in sys_c.items()}
                for pid, sys_c in result.per_page.items()
            },
            "errors": result.errors,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
