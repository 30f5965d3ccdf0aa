"""What a stage really reads and writes: articles and dossiers that record every layer touched.

A stage runs on a :func:`traced` copy of an article (or dossier); the copy notes each field
read before the stage wrote it, and each key read or written in the dict layers
(``evidence``, ``ext``, ``page_meta``, ``given``), as layer names of the registry
(``article.quotes``, ``article.evidence.published``, ``dossier.actors``). Reading a
field that the stage then only passes through (``a.mentions`` to a helper) counts as a
read: the declaration must cover every path the stage can take on the test articles.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from newsprism.article import Article, Dossier

DICT_LAYERS = ("evidence", "ext", "page_meta", "given")


class _Log:
    """The layers read (before the stage wrote them) and written, by name."""

    def __init__(self) -> None:
        self.reads: set[str] = set()
        self.writes: set[str] = set()

    def read(self, layer: str) -> None:
        if layer not in self.writes:
            self.reads.add(layer)


class TracedDict(dict[str, Any]):
    """A dict layer that logs the keys read and written as ``prefix.key``."""

    def __init__(self, data: dict[str, Any], prefix: str, log: _Log) -> None:
        super().__init__(data)
        self.prefix = prefix
        self.log = log

    def __getitem__(self, key: str) -> Any:
        self.log.read(f"{self.prefix}.{key}")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.log.read(f"{self.prefix}.{key}")
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.log.read(f"{self.prefix}.{key}")
        return super().__contains__(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.log.writes.add(f"{self.prefix}.{key}")
        super().__setitem__(key, value)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self.log.read(f"{self.prefix}.{key}")
        self.log.writes.add(f"{self.prefix}.{key}")
        return super().setdefault(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        self.log.writes.add(f"{self.prefix}.{key}")
        return super().pop(key, *default)


def _traced_class(base: type, prefix: str) -> type:
    names = {f.name for f in dataclasses.fields(base)}

    def getattribute(self: Any, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name in names and name not in DICT_LAYERS:
            object.__getattribute__(self, "_log").read(f"{prefix}.{name}")
        return value

    def setattr_(self: Any, name: str, value: Any) -> None:
        if name in names:
            object.__getattribute__(self, "_log").writes.add(f"{prefix}.{name}")
        object.__setattr__(self, name, value)

    return type(f"Traced{base.__name__}", (base,), {"__slots__": ("_log",), "__getattribute__": getattribute, "__setattr__": setattr_})


TracedArticle = _traced_class(Article, "article")
TracedDossier = _traced_class(Dossier, "dossier")


def traced(obj: Any, log: _Log) -> Any:
    """A copy of an article or dossier that logs into ``log`` (a dossier's articles too)."""
    cls = TracedArticle if isinstance(obj, Article) else TracedDossier
    prefix = "article" if isinstance(obj, Article) else "dossier"
    t = cls.__new__(cls)
    object.__setattr__(t, "_log", log)
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if prefix == "article" and f.name in DICT_LAYERS:
            value = TracedDict(value, f"article.{f.name}", log)
        elif prefix == "dossier" and f.name == "articles":
            value = [traced(a, log) for a in value]
        object.__setattr__(t, f.name, value)
    return t


def untraced(obj: Any) -> Any:
    """The plain article or dossier behind a traced one."""
    base = Article if isinstance(obj, Article) else Dossier
    values = {}
    for f in dataclasses.fields(base):
        value = object.__getattribute__(obj, f.name)
        if isinstance(value, TracedDict):
            value = dict(value)
        elif f.name == "articles":
            value = [untraced(a) for a in value]
        values[f.name] = value
    return base(**values)


def run_traced(fn: Any, obj: Any) -> tuple[Any, set[str], set[str]]:
    """Run one stage function on a traced copy of ``obj``: (its result, layers read, layers written)."""
    log = _Log()
    out = fn(traced(obj, log))
    # Changes made in place (a list extended, a record's field set) show as reads only; the
    # declared assigns are checked against the fields that differ afterwards as well.
    return untraced(out), log.reads, log.writes


def changed_layers(before: Any, after: Any) -> set[str]:
    """The layers whose value differs between two states of an article or dossier."""
    prefix = "article" if isinstance(before, Article) else "dossier"
    out: set[str] = set()
    for f in dataclasses.fields(before):
        if f.name == "articles":
            for a, b in zip(before.articles, after.articles, strict=True):
                out |= changed_layers(a, b)
            continue
        x, y = getattr(before, f.name), getattr(after, f.name)
        if f.name in DICT_LAYERS and isinstance(x, dict):
            out |= {f"article.{f.name}.{k}" for k in set(x) | set(y) if repr(x.get(k)) != repr(y.get(k))}
        elif repr(x) != repr(y):
            out.add(f"{prefix}.{f.name}")
    return out


def layer_value(article: Article, layer: str) -> Any:
    """The value of an article layer (``article.quotes``, ``article.ext.stance_anchors``) as plain data."""
    parts = layer.split(".")
    assert parts[0] == "article", layer
    value = getattr(article, parts[1])
    if len(parts) == 3:
        value = value.get(parts[2])
    return _plain(value)


def _plain(value: Any) -> Any:
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
