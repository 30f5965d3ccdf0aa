"""Build ``data/given_names.json``: given names borne by many people in the US.

The source is the US Social Security Administration's baby-name counts (births 1880 onwards by
first name and sex; public domain, https://www.ssa.gov/oact/babynames/limits.html), read from
SSA's ``names.zip`` (files ``yobYYYY.txt``: ``name,sex,count``) or from a CSV of
``first_name,sex,count,year_of_birth`` rows made from it. A name is kept when at least
``MIN_BIRTHS`` people bore it. The list says whether a word can be a given name ("Juan",
"Tommy"; not "Comedian", "Kicker"), never a person's sex: US counts call "Andrea" a woman's name,
and Andrea Orlando is an Italian man.

    python -m newsprism.train.given_names SSA_NAMES.zip|COUNTS.csv[.gz] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

MIN_BIRTHS = 500
OUT = Path(__file__).resolve().parent.parent / "data" / "given_names.json"


def _rows(path: Path) -> Iterator[tuple[str, str, int]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("yob") and name.endswith(".txt"):
                    for line in io.TextIOWrapper(z.open(name), encoding="utf-8"):
                        first, sex, count = line.strip().split(",")
                        yield first.lower(), sex.lower(), int(count)
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        for row in csv.DictReader(f):
            yield row["first_name"].lower(), row["sex"].lower(), int(row["count"])


def build(path: Path) -> dict[str, object]:
    counts: dict[str, int] = defaultdict(int)
    for first, _sex, n in _rows(path):
        counts[first] += n
    names = sorted(n for n, c in counts.items() if c >= MIN_BIRTHS and len(n) >= 2)
    return {
        "_source": "US Social Security Administration baby names, births 1880-2015 (public domain), "
        f"https://www.ssa.gov/oact/babynames/limits.html; names borne by at least {MIN_BIRTHS} people "
        "(newsprism.train.given_names)",
        "names": names,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("source", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build(args.source)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['names'])} given names")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
