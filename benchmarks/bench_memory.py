"""Memory and output size as the corpus grows: ``newsprism analyze`` on N and 4N articles (#24).

On PolNeAR's news texts (``<shared>/datasets/polnear/*/text/*.txt``, spread over the
outlets), each size runs in a process of its own, the way a user runs it:
``newsprism analyze FILES --json dossier.json --db store.db --out dir -q``, one thread. It
reports, for each size, the peak resident memory of that process and the bytes of the
dossier JSON, and between the sizes:

* **MB per added article**: (peak at 4N - peak at N) / 3N, what each article keeps in memory;
* **peak ratio** 4N / N (1.0 would be memory bounded by the batch; #24 asks 100,000 articles in
  at most 1.2x the peak at 10,000);
* **JSON bytes per article ratio** 4N / N: 1.0 when the dossier grows in proportion to the
  corpus, more when some record grows with the square of it (each article once carried a copy
  of its outlet's profile listing every article of the outlet).

The baseline in the same run is the loaded models alone: the same command on one article.

    python benchmarks/bench_memory.py --shared ../shared [--n 60] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Run in a child: the command's own peak resident memory (kB), measured when it has exited.
PEAK = "import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)"


def texts(shared: Path, n: int) -> list[Path]:
    files = sorted((shared / "datasets" / "polnear").glob("*/text/*.txt"))
    step = max(1, len(files) // n)
    return files[::step][:n]


def measure(files: list[Path], tmp: Path) -> dict[str, float]:
    """Peak RSS (MB), seconds and dossier JSON bytes of one ``analyze`` run over ``files``."""
    out = tmp / f"run{len(files)}"
    cli = [sys.executable, "-c", "from newsprism.cli import app; app()"]
    cmd = [*cli, "analyze", *map(str, files), "--json", str(out / "dossier.json"), "--db", str(out / "store.db"), "--out", str(out / "dir"), "-q"]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(HERE.parent / "src")}
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *cmd], env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench_memory: analyze failed ({done.returncode}): {done.stderr[-2000:]}")
    seconds = time.perf_counter() - t
    peak_kb = int(done.stdout.strip().splitlines()[-1])
    return {"articles": len(files), "peak_mb": round(peak_kb / 1024, 1), "seconds": round(seconds, 1), "json_bytes": (out / "dossier.json").stat().st_size}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    files = texts(Path(args.shared), 4 * args.n)
    if len(files) < 4 * args.n:
        print(f"bench_memory: PolNeAR texts are missing under {args.shared}/datasets/polnear; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = measure(files[:1], Path(tmp))
        small = measure(files[: args.n], Path(tmp))
        large = measure(files, Path(tmp))
    added = large["articles"] - small["articles"]
    res = {
        "one_article": base,
        "n": small,
        "4n": large,
        "mb_per_added_article": round((large["peak_mb"] - small["peak_mb"]) / added, 3),
        "peak_ratio_4n_vs_n": round(large["peak_mb"] / small["peak_mb"], 2),
        "peak_above_models_ratio_4n_vs_n": round((large["peak_mb"] - base["peak_mb"]) / max(1.0, small["peak_mb"] - base["peak_mb"]), 2),
        "json_bytes_per_article_ratio_4n_vs_n": round((large["json_bytes"] / large["articles"]) / (small["json_bytes"] / small["articles"]), 2),
    }
    print("memory as the corpus grows (PolNeAR, analyze --json --db --out, one process per size, one thread)")
    print(f"{'articles':>8s} {'peak MB':>8s} {'seconds':>8s} {'JSON kB/article':>16s}")
    for r in (base, small, large):
        print(f"{r['articles']:8d} {r['peak_mb']:8.1f} {r['seconds']:8.1f} {r['json_bytes'] / 1024 / r['articles']:16.1f}")
    print(f"MB per added article {res['mb_per_added_article']:.3f}; peak 4N/N {res['peak_ratio_4n_vs_n']:.2f} "
          f"(above the models alone {res['peak_above_models_ratio_4n_vs_n']:.2f}; 4.0 is linear); "
          f"JSON bytes per article 4N/N {res['json_bytes_per_article_ratio_4n_vs_n']:.2f} (1.0 is linear)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
