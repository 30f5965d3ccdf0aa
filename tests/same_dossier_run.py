"""One process's dossiers of the same inputs, for test_same_dossier.py: run with a given
``PYTHONHASHSEED`` and worker count, it writes the dossier JSON of one run and of a store
grown in two batches, as bytes.

    python tests/same_dossier_run.py OUT_DIR WORKERS FILE...
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsprism
from newsprism.storage import open_store


def main(out: Path, workers: int, files: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "one.json").write_text(newsprism.analyze(files, workers=workers).to_json(), encoding="utf-8")
    store = open_store(out / "grown.db")
    try:
        half = len(files) // 2
        newsprism.update(store, files[:half], workers=workers)
        grown = newsprism.update(store, files[half:], workers=workers)
        (out / "grown.json").write_text(grown.to_json(), encoding="utf-8")
        (out / "stored.json").write_text(store.load_dossier().to_json(), encoding="utf-8")
    finally:
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:])
