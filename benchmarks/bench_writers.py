"""Two concurrent writers onto one store: every article of both batches stored, every trial.

On PolNeAR's news texts: a SQLite store of N articles, then two processes each add their
own N articles at the same moment (``newsprism.update``, as two ``analyze --db`` runs
would). Before #19 the later write replaced the corpus the earlier one had written, and one
batch disappeared with exit 0 for both. Now a write built on a stale read writes nothing, and
the batch is joined to what the other wrote and written again.

    python benchmarks/bench_writers.py --shared ../shared [--n 150] [--trials 10] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def _writer(db: str, files: list[str], barrier: Any, result: Any) -> None:
    import newsprism
    from newsprism.storage import open_store

    store = open_store(db)
    try:
        barrier.wait(timeout=120)
        t = time.perf_counter()
        newsprism.update(store, files)
        result.put(("ok", time.perf_counter() - t))
    except Exception as exc:  # noqa: BLE001 — reported in the table
        result.put(("error", repr(exc)))
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    files = [str(p) for p in sorted(Path(args.shared, "datasets", "polnear").glob("*/text/*.txt"))]
    if len(files) < 3 * args.n:
        print(f"bench_writers: fewer than {3 * args.n} PolNeAR texts under {args.shared}; skipped")
        return 0
    import newsprism
    from newsprism.stages.nlp import load_model
    from newsprism.storage import open_store

    load_model()  # once here: the forked writers share it
    base, a, b = files[: args.n], files[args.n : 2 * args.n], files[2 * args.n : 3 * args.n]
    ctx = mp.get_context("fork")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seed.db"
        store = open_store(seed)
        newsprism.update(store, base)
        store.close()
        for trial in range(args.trials):
            db = Path(tmp) / f"trial{trial}.db"
            shutil.copyfile(seed, db)
            barrier, result = ctx.Barrier(2), ctx.Queue()
            procs = [ctx.Process(target=_writer, args=(str(db), batch, barrier, result)) for batch in (a, b)]
            t = time.perf_counter()
            for p in procs:
                p.start()
            for p in procs:
                p.join()
            wall = time.perf_counter() - t
            got = [result.get(timeout=10) for _ in procs]
            store = open_store(db)
            stored = store.count()
            store.close()
            ok = stored == 3 * args.n and all(s == "ok" for s, _ in got)
            rows.append({"trial": trial, "stored": stored, "writers": [s for s, _ in got], "wall_s": round(wall, 1), "all_stored": ok})
            print(f"  trial {trial}: {stored} of {3 * args.n} stored, writers {[s for s, _ in got]}, {wall:.1f} s", flush=True)
    good = sum(r["all_stored"] for r in rows)
    print(f"two concurrent writers of {args.n} articles onto a store of {args.n}: all {3 * args.n} stored in {good} of {args.trials} trials")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"n": args.n, "trials": rows, "all_stored": good}, indent=1), encoding="utf-8")
    return 0 if good == args.trials else 1


if __name__ == "__main__":
    sys.exit(main())
