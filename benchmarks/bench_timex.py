#!/usr/bin/env python3
"""Speed of the timex stage: sentences per second, beside dateparser's search_dates, one thread.

    python benchmarks/bench_timex.py [--shared ../shared] [--limit N] [--repeat K] [--json OUT]

Both systems see the same sentences (TempEval-3's shared TimeBank, AQUAINT and
Platinum texts, split into sentences) with the same anchor (the document's DCT),
in one process, alternating so that neither profits from a warmer machine.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

TAG = re.compile(r"<[^>]+>")
DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)')
SENT = re.compile(r"[^.!?]+[.!?]+")


def load(shared: Path, limit: int | None) -> list[tuple[str, date]]:
    root = shared / "datasets" / "tempeval3"
    out: list[tuple[str, date]] = []
    for f in sorted(root.rglob("*.tml"))[:limit]:
        raw = f.read_text(encoding="utf-8")
        m = DCT.search(raw) or re.search(r'value="(\d{4}-\d\d-\d\d)', raw)
        if not m:
            continue
        anchor = date.fromisoformat(m.group(1))
        text = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        text = TAG.sub("", text)
        out.extend((s.strip(), anchor) for s in SENT.findall(text) if s.strip())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="documents")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    from dateparser.search import search_dates

    from newsprism.timex import find_timexes

    sents = load(Path(args.shared), args.limit)
    totals = {"newsprism": 0.0, "dateparser": 0.0}
    found = {"newsprism": 0, "dateparser": 0}
    for _ in range(args.repeat):
        for name in ("newsprism", "dateparser"):
            t0 = time.perf_counter()
            n = 0
            for s, anchor in sents:
                if name == "newsprism":
                    n += len(find_timexes(s, anchor))
                else:
                    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"}
                    n += len(search_dates(s, languages=["en"], settings=settings) or [])  # type: ignore[arg-type]
            totals[name] += time.perf_counter() - t0
            found[name] = n
    rate = {k: len(sents) * args.repeat / v for k, v in totals.items()}
    print(f"{len(sents)} sentences x {args.repeat}, single thread")
    print(f"{'system':12s} {'sentences/s':>12s} {'expressions':>12s}")
    for k in rate:
        print(f"{k:12s} {rate[k]:12.0f} {found[k]:12d}")
    print(f"speed ratio newsprism / dateparser: {rate['newsprism'] / rate['dateparser']:.2f}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"sentences": len(sents), "rate": rate, "found": found}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
