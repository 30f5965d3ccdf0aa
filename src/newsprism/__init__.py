"""newsprism: a pile of news coverage of one story in, a sourced dossier out.

Example:
    >>> import newsprism
    >>> dossier = newsprism.analyze(["examples/"])
    >>> [a.title for a in dossier.articles]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import Any

from newsprism.about import __version__
from newsprism.article import (
    Actor,
    Article,
    Claim,
    DateRange,
    Dossier,
    Event,
    Failure,
    Line,
    Quote,
    Span,
    TechniqueSpan,
)
from newsprism.pipeline import Pipeline, Progress, run
from newsprism.registry import stage
from newsprism.storage.base import ArticleStore

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "DateRange",
    "Dossier",
    "Event",
    "Failure",
    "Line",
    "Pipeline",
    "Quote",
    "Span",
    "TechniqueSpan",
    "__version__",
    "analyze",
    "stage",
    "update",
]


def analyze(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int = 1,
    pipeline: Pipeline | None = None,
    dask: Any = None,
) -> Dossier:
    """Analyse files, folders, globs (or ``"-"`` for stdin) into a :class:`Dossier`.

    Args:
        paths: one path or many; folders are read recursively.
        workers: processes for the per-article stages (1 runs in process).
        pipeline: stages and settings; the default runs every built-in stage.
        dask: a ``distributed.Client``: the per-article stages run on its cluster.

    Returns:
        The dossier; inputs that could not be read are in ``dossier.failures``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run(paths, pipeline=pipeline, workers=workers, dask=dask)


def update(
    store: ArticleStore,
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int = 1,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
    dask: Any = None,
    keep: Collection[str] = (),
) -> Dossier:
    """Analyse ``paths`` into ``store``, joined to the articles it already holds.

    ``keep``: ids of articles this batch must not replace ([E027] and nothing written if the
    store holds one of them when the batch is written, whoever wrote it meanwhile).

    The stored articles are not analysed again (their state after the per-article stages
    is kept with them), unless an older version or another pipeline analysed them; the
    corpus stages then run over old and new together, so one actor, one event, one story
    spans every batch, and the whole corpus is written back in one transaction.

    Returns:
        The dossier of the whole corpus (``dossier.analyses`` names the articles of this
        batch); inputs that could not be read are in ``dossier.failures``.

    Concurrent writers (other processes, the web app) never lose each other's batches: the
    write succeeds only if nobody wrote since this batch read the store; otherwise the batch,
    analysed once, is joined to what is stored now (the corpus stages run again) and written
    again, up to :data:`WRITE_TRIES` times.

    Raises:
        NewsprismError: a stored article could not be analysed again ([E021]), or the store
            kept changing under this batch ([E024]); nothing of the batch is written.
    """
    from newsprism.errors import Errors, NewsprismError, StoreChanged

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    pipeline = pipeline or Pipeline()
    signature = pipeline.signature()
    stamp = store.stamp()
    stored = store.prior(signature)
    dossier = run(paths, pipeline=pipeline, workers=workers, progress=progress, stored=stored, keep_analyses=True, dask=dask)
    batch = dossier
    for _ in range(WRITE_TRIES):
        taken = sorted(set(keep) & {a.id for a, _ in stored} & set(dossier.fresh))
        if taken:
            raise NewsprismError(Errors.E027.format(ids=", ".join(taken)))
        lost = {a.id for a, _ in stored} - {a.id for a in dossier.articles}
        if lost:
            reasons = "; ".join(f.message for f in dossier.failures if any(f.source == a.source for a, _ in stored if a.id in lost))
            raise NewsprismError(Errors.E021.format(ids=", ".join(sorted(lost)), reason=reasons or "unknown"))
        try:
            store.put_dossier(dossier, replace=True, signature=signature, expect=stamp)
            return dossier
        except StoreChanged:
            stamp = store.stamp()
            stored = store.prior(signature)
            dossier = _rejoin(batch, stored, pipeline)
    raise NewsprismError(Errors.E024.format(store=type(store).__name__, tries=WRITE_TRIES))


# How often update() joins its batch to a store that other writers changed meanwhile.
WRITE_TRIES = 20


def _rejoin(batch: Dossier, stored: list[tuple[Article, bool]], pipeline: Pipeline) -> Dossier:
    """The articles ``batch`` read from its inputs (analysed by ``run(keep_analyses=True)``)
    joined to the articles stored now, in the order one run would give (stored first, then the
    batch's): the corpus stages run again over both. A stored article the batch only analysed
    again (another pipeline had made it) is taken as stored now, so a newer version written
    meanwhile is never replaced by this batch's stale copy."""
    fresh = set(batch.fresh)
    joined = [(a, analysed) for a, analysed in stored if a.id not in fresh]
    joined += [(Article.from_analysis(batch.analyses[aid]), True) for aid in batch.fresh]
    dossier = run([], pipeline=pipeline, stored=joined, keep_analyses=True)
    dossier.inputs = {**dossier.inputs, **{k: v for k, v in batch.inputs.items() if k in fresh}}
    dossier.analyses = {**dossier.analyses, **{k: v for k, v in batch.analyses.items() if k in fresh}}
    dossier.fresh = list(batch.fresh)
    dossier.failures = [*batch.failures, *dossier.failures]  # the batch's own, once
    return dossier
