#!/usr/bin/env python3
"""Line roles on PolNeAR (#23): how often the cleaner sets aside a line of the article.

    python evals/line_roles.py [--shared ../shared] [--json OUT]

Every shared PolNeAR text is an article's title and paragraphs, nothing else, so every line but
blanks should come out ``title`` or ``body``. Two measures, per article:

* **annotated lines lost**: a line holding a gold attribution span (a Source, Cue or Content of
  PolNeAR's ``.ann`` files) given another role: a paragraph the dossier loses with a quote in it;
* **worded line lost**: a line with a letter in it given another role (a rule of underscores or
  asterisks between live-blog entries is no line of the article);
* **any line lost**: any non-blank line given a role other than title or body.

The share of articles with one such line is reported (#23 asks at most 0.5%), with the roles and
the reasons given. The first 60 texts of each split (by name) were read while writing the
cleaner's rules (as in ``evals/wire_copy.py``); the rest of train is held out. The baseline keeps
every line (a cleaner that removes nothing loses nothing here but keeps every page's furniture
elsewhere: see ``evals/zyte_bodies.py`` for that side).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

POLNEAR = Path("datasets") / "polnear"
TUNE_PER_SPLIT = 60
ROLES = ("Source", "Cue", "Content")


def _annotated(ann_dir: Path, stem: str) -> list[tuple[int, int]]:
    spans = []
    for ann in sorted(ann_dir.glob(f"{stem}_*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            # only the parts of an attribution: "Discard" and "Discuss" mark lines the
            # annotators set aside (the "___." between live-blog entries)
            if len(parts) >= 2 and parts[0].startswith("T") and parts[1].split(" ", 1)[0] in ROLES:
                # "Content 209 236;91 186": each fragment is a span of its own (fragments may
                # come in any order); the range from the first number to the last would hold
                # every line between two fragments, annotated or not
                for frag in parts[1].split(" ", 1)[-1].split(";"):
                    nums = [int(b) for b in frag.split() if b.isdigit()]
                    if len(nums) == 2 and nums[0] < nums[1]:
                        spans.append((nums[0], nums[1]))
    return spans


def evaluate(shared: Path) -> dict[str, dict[str, float]]:
    from newsprism.clean import classify_text

    rows: dict[str, list[tuple[bool, bool, bool]]] = {"tune": [], "held_out": []}
    why: Counter[str] = Counter()
    for split in ("dev", "test", "train"):
        root = shared / POLNEAR / split
        for k, path in enumerate(sorted((root / "text").glob("*.txt"))):
            text = path.read_text(encoding="utf-8")
            spans = _annotated(root / "attributions", path.stem)
            lost_any = lost_ann = lost_worded = False
            for ln in classify_text(text):
                if ln.role in ("title", "body", "blank") or not text[ln.start : ln.end].strip():
                    continue
                lost_any = True
                lost_worded = lost_worded or any(c.isalpha() for c in text[ln.start : ln.end])
                why[f"{ln.role}: {ln.why}"] += 1
                if any(s < ln.end and ln.start < e for s, e in spans):
                    lost_ann = True
            rows["tune" if k < TUNE_PER_SPLIT else "held_out"].append((lost_ann, lost_any, lost_worded))
    out: dict[str, dict[str, float]] = {}
    for name, rs in (("all", rows["tune"] + rows["held_out"]), *rows.items()):
        n = len(rs)
        out[name] = {"n": n, "annotated_lost": sum(r[0] for r in rs) / n if n else 0.0, "any_lost": sum(r[1] for r in rs) / n if n else 0.0, "worded_lost": sum(r[2] for r in rs) / n if n else 0.0}
    out["reasons"] = dict(why.most_common(12))  # type: ignore[assignment]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    res = evaluate(args.shared)
    print("PolNeAR line roles: share of articles with a line set aside (every line is title or body)")
    print(f"{'split':9s} {'n':>5s} {'annotated line lost':>20s} {'worded line lost':>17s} {'any line lost':>14s}   baseline (keep all)")
    for name in ("all", "tune", "held_out"):
        r = res[name]
        print(f"{name:9s} {int(r['n']):5d} {r['annotated_lost']:20.3f} {r['worded_lost']:17.3f} {r['any_lost']:14.3f}   0.000 / 0.000 / 0.000")
    print("roles given to lines set aside:", json.dumps(res["reasons"], ensure_ascii=False))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
