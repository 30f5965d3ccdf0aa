"""How the whole pipeline grows with the length of one page (a page that lost its line breaks).

    python benchmarks/bench_long.py [--sizes 40000,160000] [--json OUT]

A synthetic article whose body is one paragraph of news sentences (a date, a speaker, a
figure, a quote in each few) is analysed by the default pipeline (``newsprism.analyze``)
at two lengths. The ratio time(large) / time(small) is what grows: 4 for a 4x longer page
when every stage is linear, 16 if one is quadratic. Before the stages were made linear a
150,000-character line took 330 s (spaCy's ``doc.sents`` and ``doc.text`` re-read per
sentence, publication-date constraints repeated per mention, per-word quote lookups).
The model load is kept out of the timing (a warm-up run first).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

SENTENCES = [
    "The council of Karsk met on Tuesday to discuss the harbour budget.",
    'Mayor Lena Marr said the port would reopen "as soon as the cranes are safe."',
    "About 1,200 dockers have been idle since the storm in March, the union said.",
    "The ferry line to Vesnia will resume next week, according to the harbour office.",
    "Critics called the plan a reckless gamble with public money.",
]


def page(chars: int) -> str:
    body: list[str] = []
    n = 0
    while n < chars:
        s = SENTENCES[len(body) % len(SENTENCES)]
        body.append(s)
        n += len(s) + 1
    return "Harbour talks resume in Karsk\n\n" + " ".join(body) + "\n"


def timed(text: str) -> float:
    import newsprism

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        newsprism.analyze([str(path)])
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sizes", default="40000,160000")
    ap.add_argument("--shared", default=None, help="unused; accepted like the other benchmarks")
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args(argv)
    small, large = (int(x) for x in args.sizes.split(","))
    timed(page(2000))  # warm-up: models and lexicons load
    ts, tl = timed(page(small)), timed(page(large))
    res: dict[str, Any] = {
        "sizes": [small, large],
        "seconds": [round(ts, 2), round(tl, 2)],
        "ratio": round(tl / ts, 2),
        "size_ratio": round(large / small, 2),
        "chars_per_second": round(large / tl),
    }
    print(f"one-paragraph page, whole pipeline: {small:,} chars {ts:.2f} s, {large:,} chars {tl:.2f} s; "
          f"time ratio {res['ratio']} for {res['size_ratio']}x the length (linear: {res['size_ratio']}); "
          f"{res['chars_per_second']:,} chars/s")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
