"""A registry of stages that declare what they require and assign (after spaCy's factories).

A stage is registered under a versioned name with a factory ``make_x(config)`` that
returns a pure, picklable-by-name function. Per-article stages map an ``Article``
to an ``Article``; corpus stages map the list of all articles (and the dossier
being built) once per run. Built-in stages register exactly as plugins do.

Example:
    >>> @stage("my.stage.v1", requires=["article.body"], assigns=["article.ext.words"])
    ... def make_words(config):
    ...     def words(article):
    ...         article.ext["words"] = len(article.body.split())
    ...         return article
    ...     return words
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsprism.errors import Errors, RegistryError

# What exists before any stage runs: the ingest step fills these.
GIVEN = frozenset(
    {
        "article.id",
        "article.source",
        "article.raw_text",
        "article.html",
        "article.format",
        "article.url",
        "article.given",
    }
)


@dataclass(frozen=True, slots=True)
class StageMeta:
    name: str
    factory: Callable[..., Callable[..., Any]]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    kind: str = "article"  # "article" (pure, per article) or "corpus" (sees every article)
    defaults: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


_REGISTRY: dict[str, StageMeta] = {}


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    kind: str = "article",
    defaults: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a stage factory under ``name``; a second, different factory fails ([E008])."""
    if kind not in ("article", "corpus"):
        raise ValueError(f"kind must be 'article' or 'corpus', not {kind!r}")

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        meta = StageMeta(
            name=name,
            factory=factory,
            requires=tuple(requires),
            assigns=tuple(assigns),
            kind=kind,
            defaults=dict(defaults or {}),
            doc=(factory.__doc__ or "").strip().split("\n")[0],
        )
        old = _REGISTRY.get(name)
        if old is not None and (old.factory.__module__, old.factory.__qualname__) != (
            factory.__module__,
            factory.__qualname__,
        ):
            raise RegistryError(Errors.E008.format(name=name))
        _REGISTRY[name] = meta
        return factory

    return deco


def get_stage(name: str) -> StageMeta:
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise RegistryError(Errors.E011.format(name=name, known=", ".join(sorted(_REGISTRY)))) from None


def registered() -> dict[str, StageMeta]:
    _load_builtins()
    return dict(_REGISTRY)


def check_pipeline(names: Iterable[str]) -> list[StageMeta]:
    """The stages of ``names`` in the order their declarations imply, after checking them.

    The order (what the runner follows, not the order of ``names``):

    - every per-article stage runs before every corpus stage (the runner maps the per-article
      stages over each article first);
    - a stage runs after every stage that assigns a layer it requires, except that a
      per-article stage can only rely on per-article stages, and a stage that requires a layer
      it assigns itself refines it (no edge to itself);
    - where the declarations leave a choice, the order of ``names`` decides.

    A required layer that nothing before the stage can assign fails with [E009]; declarations
    that contradict each other (a cycle) with [E022].
    """
    metas = [get_stage(n) for n in dict.fromkeys(names)]
    providers: dict[str, list[int]] = {}
    for i, meta in enumerate(metas):
        for layer in meta.assigns:
            providers.setdefault(layer, []).append(i)
    after: list[set[int]] = [set() for _ in metas]  # after[i]: the stages i must follow
    for i, meta in enumerate(metas):
        if meta.kind == "corpus":
            after[i].update(j for j, m in enumerate(metas) if m.kind == "article")
        for layer in meta.requires:
            usable = [j for j in providers.get(layer, ()) if j != i and (meta.kind == "corpus" or metas[j].kind == "article")]
            if not usable and layer not in GIVEN:
                raise RegistryError(Errors.E009.format(name=meta.name, missing=layer))
            if layer in meta.assigns:
                # A refiner (it reads and writes the layer) follows the stages that make it and the
                # refiners listed before it; two refiners never wait for each other both ways.
                usable = [j for j in usable if layer not in metas[j].requires or j < i]
            after[i].update(usable)
    return [metas[i] for i in _topological(after, [m.name for m in metas])]


def _topological(after: list[set[int]], names: list[str]) -> list[int]:
    """Kahn's algorithm, always taking the earliest listed stage that is free to run."""
    import heapq

    waiting = [set(a) for a in after]
    followers: list[list[int]] = [[] for _ in after]
    for i, deps in enumerate(after):
        for j in deps:
            followers[j].append(i)
    ready = [i for i, deps in enumerate(waiting) if not deps]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        i = heapq.heappop(ready)
        order.append(i)
        for k in followers[i]:
            waiting[k].discard(i)
            if not waiting[k]:
                heapq.heappush(ready, k)
    if len(order) < len(after):
        stuck = [names[i] for i in range(len(after)) if i not in set(order)]
        raise RegistryError(Errors.E022.format(names=", ".join(stuck)))
    return order


def providers_of(names: Iterable[str], layers: Iterable[str], kind: str = "article") -> list[str]:
    """The smallest set of stages of ``names`` that assign ``layers``, with what they require in
    turn (transitively), in pipeline order: the pipeline a stage's declared ``requires`` allow.

    ``kind="article"`` takes per-article providers only (what a per-article stage can rely on).
    """
    metas = [get_stage(n) for n in names]
    need = list(layers)
    take: set[str] = set()
    seen: set[str] = set()
    while need:
        layer = need.pop()
        if layer in seen:
            continue
        seen.add(layer)
        for m in metas:
            if layer in m.assigns and (kind == "corpus" or m.kind == "article") and m.name not in take:
                take.add(m.name)
                need.extend(m.requires)
    return [m.name for m in check_pipeline(n for n in names if n in take)]


_BUILTINS_LOADED = False


def _load_builtins() -> None:
    """Import the built-in stage modules, which register themselves (datasette's DEFAULT_PLUGINS)."""
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    import importlib

    for mod in (
        "newsprism.clean",
        "newsprism.stages.metadata",
        "newsprism.stages.nlp",
        "newsprism.stages.actors",
        "newsprism.stages.pubdate",
        "newsprism.stages.timex",
        "newsprism.stages.quotes",
        "newsprism.stages.claims",
        "newsprism.stages.events",
        "newsprism.stages.leads",
        "newsprism.compare",
        "newsprism.stages.persuasion",
        "newsprism.stages.genre",
        "newsprism.stages.stance",
        "newsprism.stages.profiles",
    ):
        importlib.import_module(mod)
    from newsprism.hooks import load_plugins

    load_plugins()


def set_extension(article: Any, name: str, value: Any, *, force: bool = False) -> None:
    """Set a plugin field in ``article.ext``; refuses to overwrite unless ``force`` ([E015])."""
    if name in article.ext and not force:
        raise RegistryError(Errors.E015.format(name=name))
    article.ext[name] = value
