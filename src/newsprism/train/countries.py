"""Build ``data/countries.json``: the English names of the world's countries and territories.

The source is the Unicode CLDR's English territory names (Unicode License v3,
https://cldr.unicode.org/), as shipped in the ``babel`` package: every territory with a
two-letter code (ISO 3166-1 and CLDR's "XK" for Kosovo), with "&" also spelt "and". To these the
four countries of the United Kingdom are added, which have no code of their own and field
national teams under their names (England, Scotland, Wales, Northern Ireland). Read where a name
is a country whatever the knowledge base holds: a national team in a results table.

    python -m newsprism.train.countries [--out PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "countries.json"
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})  # unions, "Outlying Oceania", pseudo-locales
UK_COUNTRIES = ("England", "Scotland", "Wales", "Northern Ireland")


def build() -> dict[str, object]:
    from babel import Locale, __version__

    names: set[str] = set(UK_COUNTRIES)
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
            names.add(name)
            if "&" in name:
                names.add(name.replace("&", "and"))
    return {
        "_source": f"Unicode CLDR English territory names (Unicode License v3), from babel {__version__}; plus England, Scotland, Wales, Northern Ireland (newsprism.train.countries)",
        "names": sorted(names),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build()
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['names'])} names -> {args.out}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
