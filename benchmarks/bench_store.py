"""A growing store: adding one article to a stored corpus against analysing the corpus again.

On PolNeAR's news texts (``<shared>/datasets/polnear/*/text/*.txt``), single-threaded:

* ``full N+1``: ``newsprism.analyze`` of N+1 articles from scratch, what a store that kept
  no analyses would have to do for each new article;
* ``update +1``: ``newsprism.update`` of one new article into a SQLite store holding N
  (their analyses reused; only the corpus stages see all N+1), then the write;
* the same update into stores of N and 2N articles, to show how it grows with the store.

The ratio ``update / full`` is what the kept analyses save; ``update(2N) / update(N)``
is near 1 when the per-article work dominates, and 2 when the corpus stages do.

    python benchmarks/bench_store.py --shared ../shared [--n 40] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def texts(shared: Path, n: int) -> list[Path]:
    files = sorted((shared / "datasets" / "polnear").glob("*/text/*.txt"))
    step = max(1, len(files) // n)
    return files[::step][:n]


def timed_update(db: Path, seed: list[Path], new: Path) -> tuple[float, float]:
    """Seconds to fill the store with ``seed`` (once), and to add ``new`` to it."""
    import newsprism
    from newsprism.storage import open_store

    store = open_store(db)
    t = time.perf_counter()
    newsprism.update(store, [str(p) for p in seed])
    fill = time.perf_counter() - t
    t = time.perf_counter()
    newsprism.update(store, str(new))
    add = time.perf_counter() - t
    store.close()
    return fill, add


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    shared = Path(args.shared)
    files = texts(shared, 2 * args.n + 1)
    if len(files) < 2 * args.n + 1:
        print(f"bench_store: PolNeAR texts are missing under {shared}/datasets/polnear; skipped")
        return 0
    import newsprism

    newsprism.analyze(str(files[0]))  # warm up: models and lexicons load once
    n, new = files[: args.n], files[-1]
    t = time.perf_counter()
    newsprism.analyze([str(p) for p in [*n, new]])
    full = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        fill_n, add_n = timed_update(Path(tmp) / "n.db", n, new)
        _, add_2n = timed_update(Path(tmp) / "2n.db", files[: 2 * args.n], new)
    res = {
        "articles": args.n,
        "full_analysis_n_plus_1_s": round(full, 2),
        "fill_store_n_s": round(fill_n, 2),
        "update_plus_1_into_n_s": round(add_n, 2),
        "update_plus_1_into_2n_s": round(add_2n, 2),
        "ratio_update_vs_full": round(add_n / full, 3),
        "ratio_update_2n_vs_n": round(add_2n / add_n, 2),
    }
    print(f"PolNeAR texts, one thread: a store of {args.n} articles, one more added")
    print(f"  analyse all {args.n + 1} from scratch     {full:7.2f} s")
    print(f"  fill the store with {args.n} (once)       {fill_n:7.2f} s  (analysis + the write)")
    print(f"  add 1 to the store of {args.n}            {add_n:7.2f} s   ratio to from-scratch {res['ratio_update_vs_full']:.3f}")
    print(f"  add 1 to a store of {2 * args.n}           {add_2n:7.2f} s   {res['ratio_update_2n_vs_n']:.2f}x the store of {args.n}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
