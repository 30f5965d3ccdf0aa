"""Knowledge kept as data: outlets and page furniture, loaded once, extendable by users.

Packaged files live in ``newsprism/data``; a file of the same name in
``$NEWSPRISM_DATA`` (default ``~/.newsprism``) is merged over them, so a user adds
an outlet or a furniture phrase without touching code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsprism import settings


def _load(name: str) -> list[dict[str, Any]]:
    """The packaged data file ``name`` plus the user's file of that name, if any."""
    out = [json.loads((settings.DATA_DIR / name).read_text(encoding="utf-8"))]
    user = Path(settings.USER_DATA_DIR) / name
    if user.is_file():
        out.append(json.loads(user.read_text(encoding="utf-8")))
    return out


def fold(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive key for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\u00a0]+", " ", text).strip().lower()


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    wire: bool = False
    country: str | None = None


@dataclass(slots=True)
class Outlets:
    """Lookup of outlets by any of their names or domains."""

    items: list[Outlet] = field(default_factory=list)
    by_name: dict[str, Outlet] = field(default_factory=dict)
    by_domain: dict[str, Outlet] = field(default_factory=dict)

    def add(self, o: Outlet) -> None:
        self.items.append(o)
        for n in (o.name, *o.aliases):
            self.by_name[fold(n)] = o
        for d in o.domains:
            self.by_domain[d.lower().removeprefix("www.")] = o

    def lookup(self, name: str) -> Outlet | None:
        key = fold(name).strip(" .,:;!?\"'()[]")
        if key.startswith("the ") and key not in self.by_name:
            key = key[4:]
        return self.by_name.get(key) or self.by_name.get("the " + key)

    def by_url(self, url: str) -> Outlet | None:
        from urllib.parse import urlsplit

        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            if "." not in host:
                break
            host = host.split(".", 1)[1]
        return None

    def wires(self) -> list[Outlet]:
        return [o for o in self.items if o.wire]


@lru_cache(maxsize=1)
def outlets() -> Outlets:
    table = Outlets()
    for doc in _load("outlets.json"):
        for row in doc.get("outlets", []):
            table.add(
                Outlet(
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                    domains=tuple(row.get("domains", ())),
                    wire=bool(row.get("wire", False)),
                    country=row.get("country"),
                )
            )
    return table


# Letters of scripts other than Latin (Cyrillic, Hebrew, Arabic, Thai, kana, CJK, Hangul), as a
# regular-expression character range: text the English model and rules do not read.
OTHER_SCRIPTS = "\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"


@dataclass(frozen=True, slots=True)
class Furniture:
    exact: frozenset[str]
    strong: re.Pattern[str]
    tail: re.Pattern[str]
    caption: re.Pattern[str]
    metadata: re.Pattern[str]
    reprint: re.Pattern[str]
    slugs: frozenset[str] = frozenset()
    # Notes inside a paragraph that are not the story's words ("(ATTN: ADDS ...)", phone numbers).
    inline: re.Pattern[str] = re.compile(r"(?!x)x")


def _union(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def furniture() -> Furniture:
    lists: dict[str, list[str]] = {k: [] for k in ("exact", "strong", "tail", "caption", "metadata", "reprint", "slugs", "inline")}
    for doc in _load("furniture.json"):
        for k in lists:
            lists[k].extend(doc.get(k, []))
    # Byline names are capitalised: that one pattern must stay case-sensitive.
    meta = [p for p in lists["metadata"] if not p.startswith("^by")]
    byline = [p for p in lists["metadata"] if p.startswith("^by")]
    return Furniture(
        exact=frozenset(fold(x) for x in lists["exact"]),
        strong=_union(lists["strong"]),
        tail=_union(lists["tail"]),
        caption=_union(lists["caption"]),
        metadata=re.compile("|".join([f"(?i:{p})" for p in meta] + [f"(?:^[Bb][Yy]{p[3:]})" for p in byline])),
        reprint=_union(lists["reprint"]),
        slugs=frozenset(fold(x) for x in lists["slugs"]),
        inline=_union(lists["inline"]),
    )
