"""The same dossier every run (#18): identical inputs give a byte-identical dossier JSON
whatever ``PYTHONHASHSEED`` and worker count, and a store grown in two batches gives the
bytes of one run over both.

Regression: story clusters and the coverage matrix followed the iteration order of sets of
strings (word features, a story's outlets), which Python varies with the hash seed: 300
articles gave different story ids for two articles and cells in another order.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _files(shared: Path, examples: Path) -> list[str]:
    polnear = sorted((shared / "datasets" / "polnear" / "train" / "text").glob("*.txt"))
    # Seeds and examples (named outlets, stories across outlets) and unnamed pages of several stories.
    picked = [str(p) for p in (*sorted((shared / "seeds").glob("0*")), *sorted(examples.glob("0*")), *polnear[:8])]
    return picked


def test_same_dossier_whatever_the_hash_seed_workers_and_batches(shared: Path, examples: Path, tmp_path: Path) -> None:
    files = _files(shared, examples)
    runs = []
    for seed, workers in (("0", 1), ("1", 2)):
        env = {**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
        out = tmp_path / f"seed{seed}"
        cmd = [sys.executable, str(HERE / "same_dossier_run.py"), str(out), str(workers), *files]
        runs.append((out, subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    texts = {}
    for out, proc in runs:
        log, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, log[-3000:]
        for name in ("one", "grown", "stored"):
            texts[(out.name, name)] = (out / f"{name}.json").read_bytes()
    first = texts[("seed0", "one")]
    assert b'"articles"' in first and len(first) > 100_000
    differing = [key for key, text in texts.items() if text != first]
    assert not differing, f"dossiers differ from one run at hash seed 0: {differing}"


def test_story_features_come_in_a_canonical_order(examples: Path) -> None:
    """In process, the part that broke: an article's story features are in key order, not in the
    order of the set of words they were counted from (float sums follow a dict's order)."""
    import newsprism
    from newsprism.compare import story_features

    for a in newsprism.analyze([examples / "01_calderra_courier.txt", examples / "02_national_standard.txt"]).articles:
        terms = list(story_features(a).terms)
        assert terms == sorted(terms)
