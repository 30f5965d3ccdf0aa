"""Knowledge kept as data, and the one loader every stage reads it with.

Packaged files live in ``newsprism/data``; a file of the same name (the same relative
path: ``persuasion/lexicon.json``) in ``$NEWSPRISM_DATA`` (default ``~/.newsprism``) is
merged over them, so a user adds an outlet, a cue word or an actor without touching code.
:func:`load_data` is the only reader of these files. Its merge rule, the same for every
file:

- keys that start with ``_`` (``_about``, ``_source``) keep the packaged text;
- mappings merge key by key, recursively;
- lists are extended: the user's items are appended unless already there, and a record (a
  mapping) with an ``id`` replaces the packaged record of that ``id`` in place;
- any other value of the user's replaces the packaged one.

A file that is not a JSON object fails with [E023], naming the file and the JSON problem.
Files are read once per process; what is compiled from them is cached by :func:`derived`,
and :func:`reload` forgets both (after a user file changes, or in tests).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, overload

from newsprism import settings
from newsprism.errors import Errors, KnowledgeError

F = TypeVar("F", bound=Callable[..., Any])

_DERIVED: list[Any] = []


def load_data(name: str) -> dict[str, Any]:
    """The packaged data file ``name`` with the user's file of that name merged over it.

    Either may be missing (a user-only file such as ``persuasion/affect.json``); neither: ``{}``.
    The result is shared between callers: read it, never change it.
    """
    return _load(name, str(settings.USER_DATA_DIR))


@lru_cache(maxsize=64)
def _load(name: str, user_dir: str) -> dict[str, Any]:
    docs = [read_json_file(p) for p in (settings.DATA_DIR / name, Path(user_dir) / name) if p.is_file()]
    return merge_documents(docs)


def read_json_file(path: Path) -> dict[str, Any]:
    """One knowledge file as a JSON object, or [E023] naming the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise KnowledgeError(Errors.E023.format(path=path, reason=f"{exc.msg} at line {exc.lineno}, column {exc.colno}")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(Errors.E023.format(path=path, reason=exc)) from None
    if not isinstance(data, dict):
        raise KnowledgeError(Errors.E023.format(path=path, reason=f"the top level is a JSON {type(data).__name__}, not an object"))
    return data


def merge_documents(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Documents merged in order by the rule of this module's docstring."""
    out: dict[str, Any] = {}
    for i, doc in enumerate(docs):
        out = doc if i == 0 else _merge_mapping(out, doc)
    return out


def _merge_mapping(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        old = out.get(k)
        if k.startswith("_") and k in out:
            continue
        if isinstance(v, dict) and isinstance(old, dict):
            out[k] = _merge_mapping(old, v)
        elif isinstance(v, list) and isinstance(old, list):
            out[k] = _merge_list(old, v)
        else:
            out[k] = v
    return out


def _merge_list(base: list[Any], over: list[Any]) -> list[Any]:
    out = list(base)
    at = {x["id"]: i for i, x in enumerate(out) if isinstance(x, dict) and "id" in x}
    seen = {json.dumps(x, sort_keys=True, default=str) for x in out}
    for x in over:
        key = json.dumps(x, sort_keys=True, default=str)
        if isinstance(x, dict) and "id" in x and x["id"] in at:
            out[at[x["id"]]] = x
        elif key not in seen:
            out.append(x)
            seen.add(key)
    return out


def data_files() -> list[str]:
    """The names of every knowledge file: the packaged ones and any of the user's beside them."""
    names: set[str] = set()
    for root in (settings.DATA_DIR, Path(settings.USER_DATA_DIR)):
        if root.is_dir():
            names.update(p.relative_to(root).as_posix() for p in root.glob("**/*.json") if p.is_file())
    return sorted(names)


def check_data_files() -> None:
    """Read every knowledge file once, so a malformed one fails a run before any article ([E023])."""
    for name in data_files():
        load_data(name)


@overload
def derived(fn: F) -> F: ...


@overload
def derived(*, maxsize: int | None = None) -> Callable[[F], F]: ...


def derived(fn: F | None = None, *, maxsize: int | None = None) -> F | Callable[[F], F]:
    """Cache what a function compiles from knowledge files, forgotten by :func:`reload`
    (``@derived``, or ``@derived(maxsize=N)`` for a cache per argument that must stay bounded)."""

    def wrap(f: F) -> F:
        cached = lru_cache(maxsize=maxsize)(f)
        _DERIVED.append(cached)
        return cached  # type: ignore[return-value]

    return wrap(fn) if fn is not None else wrap


def reload() -> None:
    """Forget every file read and everything compiled from them: the next use reads them again."""
    _load.cache_clear()
    for fn in _DERIVED:
        fn.cache_clear()


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
    # How only the outlet's own staff write its name (case kept): "POLITICO", "USA TODAY".
    house_style: tuple[str, ...] = ()
    # "state" (a government controls it) or "public" (public money, an editorial charter), as
    # outlets.json declares; None: neither, or not declared.
    affiliation: str | None = None


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


@derived
def outlets() -> Outlets:
    table = Outlets()
    for row in load_data("outlets.json").get("outlets", []):
        table.add(
            Outlet(
                name=row["name"],
                aliases=tuple(row.get("aliases", ())),
                domains=tuple(row.get("domains", ())),
                wire=bool(row.get("wire", False)),
                country=row.get("country"),
                house_style=tuple(row.get("house_style", ())),
                affiliation=row.get("affiliation"),
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


@derived
def furniture() -> Furniture:
    doc = load_data("furniture.json")
    lists: dict[str, list[str]] = {k: list(doc.get(k, [])) for k in ("exact", "strong", "tail", "caption", "metadata", "reprint", "slugs", "inline")}
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
