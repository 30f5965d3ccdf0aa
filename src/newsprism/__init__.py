"""newsprism: a pile of news coverage of one story in, a sourced dossier out.

Example:
    >>> import newsprism
    >>> dossier = newsprism.analyze(["examples/"])
    >>> [a.title for a in dossier.articles]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable

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
from newsprism.pipeline import Pipeline, run
from newsprism.registry import stage

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
]


def analyze(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    workers: int = 1,
    pipeline: Pipeline | None = None,
) -> Dossier:
    """Analyse files, folders, globs (or ``"-"`` for stdin) into a :class:`Dossier`.

    Args:
        paths: one path or many; folders are read recursively.
        workers: processes for the per-article stages (1 runs in process).
        pipeline: stages and settings; the default runs every built-in stage.

    Returns:
        The dossier; inputs that could not be read are in ``dossier.failures``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run(paths, pipeline=pipeline, workers=workers)
