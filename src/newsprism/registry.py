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
GIVEN = frozenset({"article.raw_text", "article.html", "article.source", "article.id", "article.given"})


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
    """The stages in order, after checking each one's prerequisites are assigned earlier ([E009])."""
    have = set(GIVEN)
    metas = []
    for n in names:
        meta = get_stage(n)
        missing = [r for r in meta.requires if r not in have]
        if missing:
            raise RegistryError(Errors.E009.format(name=n, missing=", ".join(missing)))
        have.update(meta.assigns)
        metas.append(meta)
    return metas


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
