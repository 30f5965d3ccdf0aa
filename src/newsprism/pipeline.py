"""The runner: per-article stages for every article, then corpus stages once.

Per-article stages are pure functions of an ``Article``, so the same code runs in
process or in a local process pool (``workers > 1``); a pool worker rebuilds the
stage functions from their registered names and settings, so nothing but
articles crosses the process boundary. One article that fails is recorded as a
:class:`Failure` naming its source; the batch goes on.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from newsprism import settings
from newsprism.article import Article, Dossier, Failure
from newsprism.errors import Errors, InputError
from newsprism.ingest import iter_inputs
from newsprism.knowledge import check_data_files
from newsprism.registry import StageMeta, check_pipeline

LOGGER = logging.getLogger(__name__)

Progress = Callable[[Article | Failure], None]


@dataclass(slots=True)
class Pipeline:
    """Stages by registered name, in order, each with its settings."""

    names: Sequence[str] = settings.DEFAULT_PIPELINE
    config: dict[str, dict[str, Any]] = field(default_factory=dict)

    def metas(self) -> list[StageMeta]:
        return check_pipeline(self.names)

    def signature(self) -> str:
        """What makes one article's per-article analysis reusable: this version and analysis revision
        (:data:`newsprism.about.ANALYSIS_REVISION`), the stages and their settings, and with the
        leads stage the embedding model and centre in use (:func:`newsprism.embeddings.fingerprint`)."""
        import hashlib
        import json

        from newsprism import __version__
        from newsprism.about import ANALYSIS_REVISION

        parts: list[Any] = [__version__, ANALYSIS_REVISION, list(self.names), self.config]
        if "newsprism.leads.v1" in self.names:
            from newsprism import embeddings

            parts.append(embeddings.fingerprint())
        key = json.dumps(parts, sort_keys=True, default=str)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def build(self) -> tuple[list[tuple[str, Callable[[Article], Article]]], list[tuple[str, Callable[..., Any]]]]:
        per_article: list[tuple[str, Callable[[Article], Article]]] = []
        corpus: list[tuple[str, Callable[..., Any]]] = []
        for meta in self.metas():
            kwargs = {**meta.defaults, **self.config.get(meta.name, {})}
            fn = meta.factory(**kwargs)
            (per_article if meta.kind == "article" else corpus).append((meta.name, fn))
        return per_article, corpus


def apply_stages(article: Article, stages: list[tuple[str, Callable[[Article], Article]]]) -> Article | Failure:
    """Run the per-article stages on one article; a failure names the article and stage."""
    verbose = LOGGER.isEnabledFor(logging.INFO)
    for name, fn in stages:
        try:
            article = fn(article)
            if verbose:
                LOGGER.info("%s %s: %s", article.id[:12], name, decisions(article, name))
        except InputError as exc:
            return Failure(article.source, exc.code, str(exc))
        except Exception as exc:
            LOGGER.exception("stage %s failed on %s", name, article.source)
            return Failure(article.source, "E012", Errors.E012.format(name=name, source=article.source, reason=exc))
    return article


def decisions(article: Article, stage_name: str) -> str:
    """What a stage decided for an article, in one line (``-v`` logs it after each stage): for each
    layer the stage assigns, its value, or its count (with the lines' roles, the quotes with a
    speaker), and the evidence the stage recorded."""
    from collections import Counter

    from newsprism.article import DateRange
    from newsprism.registry import registered

    meta = registered().get(stage_name)
    parts = []
    keys = dict.fromkeys(layer.removeprefix("article.").split(".")[0] for layer in (meta.assigns if meta else ()))
    for key in keys:
        if key in ("raw_text", "body", "evidence", "ext", "html"):
            continue  # the text itself; the evidence is shown after; extension slots
        value = getattr(article, key, None)
        if key == "lines":
            roles = Counter(ln.role for ln in article.lines if ln.role != "blank")
            parts.append("lines " + ", ".join(f"{n} {r}" for r, n in roles.most_common()))
        elif key == "quotes":
            parts.append(f"quotes {len(value or [])} ({sum(1 for q in value or [] if getattr(q, 'speaker', None))} with a speaker)")
        elif isinstance(value, DateRange):
            when = "unknown" if not value.known else value.earliest if value.earliest == value.latest else f"{value.earliest}..{value.latest}"
            parts.append(f"{key} {when} ({value.confidence:.2f})")
        elif isinstance(value, list | dict):
            parts.append(f"{key} {len(value)}")
        else:
            parts.append(f"{key} {str(value)[:60]!r}" if value is not None else f"{key} none")
    why = "; ".join(f"{k}: {v}" for k, v in article.evidence.items() if k.split(".")[0] in {p.split()[0] for p in parts})
    return ", ".join(parts) + (f" [{why[:300]}]" if why else "") if parts else "(nothing assigned)"


# Set in each pool worker by _init_worker.
_WORKER_STAGES: list[tuple[str, Callable[[Article], Article]]] = []


def _init_worker(names: Sequence[str], config: dict[str, dict[str, Any]]) -> None:
    global _WORKER_STAGES
    # One thread per process: workers must not fight over the cores (numpy, spaCy).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _WORKER_STAGES = Pipeline(names, config).build()[0]


def _work(article: Article) -> Article | Failure:
    return apply_stages(article, _WORKER_STAGES)


# Built stages per pipeline, in each Dask worker process (a worker may serve several pipelines).
_DASK_STAGES: dict[str, list[tuple[str, Callable[[Article], Article]]]] = {}


def _dask_work(article: Article, names: Sequence[str], config: dict[str, dict[str, Any]]) -> Article | Failure:
    """One article's per-article stages on a Dask worker; the stages are built once per worker and pipeline."""
    import json

    key = json.dumps([list(names), config], sort_keys=True, default=str)
    stages = _DASK_STAGES.get(key)
    if stages is None:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        stages = _DASK_STAGES[key] = Pipeline(names, config).build()[0]
    return apply_stages(article, stages)


@contextmanager
def dask_client(address: str, workers: int = 1, timeout: float = 30) -> Iterator[Any]:
    """A ``distributed.Client`` for ``run(dask=...)``: the scheduler at ``address`` (tcp://host:8786),
    or for ``"local"`` a cluster of ``workers`` one-thread processes on this machine, closed after."""
    from distributed import Client, LocalCluster

    cluster = None
    if not LOGGER.isEnabledFor(logging.INFO):
        # Dask's scheduler, nanny and workers log their start and stop at INFO (24 lines among the
        # results): only warnings unless newsprism itself is asked to talk (-v).
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if address == "local":
        quiet = logging.INFO if LOGGER.isEnabledFor(logging.INFO) else logging.WARNING
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=quiet)  # type: ignore[no-untyped-call]
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        client = Client(address, timeout=timeout)  # type: ignore[no-untyped-call]
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]


def _on_dask(client: Any, articles: Sequence[Article], pipeline: Pipeline, progress: Progress | None) -> list[Article | Failure]:
    """The per-article stages mapped over a Dask cluster (``distributed.Client``), results in input order."""
    from distributed import as_completed

    futures = client.map(_dask_work, list(articles), names=list(pipeline.names), config=pipeline.config, pure=False)
    index = {f.key: i for i, f in enumerate(futures)}
    out: list[Article | Failure | None] = [None] * len(futures)
    for fut in as_completed(futures):  # type: ignore[no-untyped-call]
        try:
            got = fut.result()
        except Exception as exc:  # noqa: BLE001 — a lost worker or an unpicklable result fails one article, not the run
            art = articles[index[fut.key]]
            got = Failure(art.source, "E012", Errors.E012.format(name="dask", source=art.source, reason=exc))
        out[index[fut.key]] = got
        if progress:
            progress(got)
    return [x for x in out if x is not None]


def run(
    paths: Iterable[str | os.PathLike[str]],
    pipeline: Pipeline | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    stored: Sequence[tuple[Article, bool]] = (),
    keep_analyses: bool = False,
    dask: Any = None,
) -> Dossier:
    """Analyse every input in ``paths`` into a :class:`Dossier`.

    ``stored``: articles analysed before (a store's, in the order it holds them), each with
    whether it stands as the per-article stages left it (``Article.from_analysis``) or as
    ingested (``Article.from_input``: an older version analysed it, so it is analysed
    again here). They join the corpus stages before this batch, so actors, quotes, events
    and stories merge across both; an article of this batch with the same id replaces its
    older self. ``keep_analyses``: keep the input of every article analysed here and its
    state after the per-article stages in ``dossier.inputs`` and ``dossier.analyses``.
    ``dask``: a ``distributed.Client``; the per-article stages then run on its cluster's
    workers (``workers`` is ignored), the corpus stages here. Its workers must be able to
    import the stages (the built-in ones, or plugins installed there by entry point).
    """
    pipeline = pipeline or Pipeline()
    check_data_files()
    per_article, corpus = pipeline.build()
    dossier = Dossier()
    unread: list[Failure] = []  # inputs that could not be read, in input order
    fresh: set[str] = set()
    articles = _articles(paths, stored, fresh, unread, dossier.inputs if keep_analyses else None, progress)
    # A pool only for two articles or more: peek at the first two.
    head = list(itertools.islice(articles, 2)) if dask is None and workers > 1 else []
    articles = itertools.chain(head, articles)
    results: Iterable[Article | Failure]
    if dask is not None:
        results = _on_dask(dask, list(articles), pipeline, progress)
    elif len(head) > 1:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(list(pipeline.names), pipeline.config))
        with pool:
            results = list(_tick(_pooled(pool, articles, workers), progress))
    else:
        results = list(_tick((apply_stages(a, per_article) for a in articles), progress))
    if stored:
        # The batch was read first, the stored articles analysed again after it; their results
        # (and failures) come first, as when the whole batch was read before any analysis.
        n = len(fresh)
        results = [*list(results)[n:], *list(results)[:n]]
    dossier.failures = unread + [r for r in results if isinstance(r, Failure)]
    done = [r for r in results if isinstance(r, Article)]
    if keep_analyses:
        dossier.analyses = {a.id: a.analysis_dict() for a in done}
    # Earlier articles first, in the order they were stored, then this batch: a corpus grown
    # batch by batch reads as one analysed in that order.
    redone = {a.id: a for a in done if a.id not in fresh}  # the stored articles analysed again
    replaced = {a.id for a in done if a.id in fresh}  # a stored article read again in this batch (if that worked)
    earlier = [(a if analysed else redone.get(a.id)) for a, analysed in stored if a.id not in replaced]
    dossier.articles = [a for a in earlier if a is not None] + [a for a in done if a.id in fresh]
    dossier.fresh = [a.id for a in done if a.id in fresh]
    for name, fn in corpus:
        try:
            fn(dossier)
        except Exception as exc:
            LOGGER.exception("corpus stage %s failed", name)
            dossier.failures.append(Failure("<corpus>", "E012", Errors.E012.format(name=name, source="the corpus", reason=exc)))
    return dossier


def _articles(
    paths: Iterable[str | os.PathLike[str]],
    stored: Sequence[tuple[Article, bool]],
    fresh: set[str],
    unread: list[Failure],
    inputs: dict[str, dict[str, Any]] | None,
    progress: Progress | None,
) -> Iterator[Article]:
    """The articles to analyse, read one at a time as the stages ask for them (#24: a batch's
    pages are never all in memory before the first is analysed): this batch's inputs, then the
    stored articles an older pipeline analysed that the batch does not replace. Adds each batch
    id to ``fresh``, each unreadable input to ``unread`` (reported to ``progress`` at once), and
    with ``inputs`` each article's input (taken before the stages drop its markup)."""
    for x in iter_inputs(paths):
        if isinstance(x, Failure):
            unread.append(x)
            if progress:
                progress(x)
            continue
        fresh.add(x.id)
        if inputs is not None:
            inputs[x.id] = x.input_dict()
        yield x
    for a, analysed in stored:
        if not analysed and a.id not in fresh:
            if inputs is not None:
                inputs[a.id] = a.input_dict()
            yield a


# Articles handed to a process pool at once: enough to keep every worker busy, few enough that
# a large batch's inputs are not all read (and held) before the first results come back.
POOL_WINDOW = 64


def _pooled(pool: ProcessPoolExecutor, articles: Iterable[Article], workers: int) -> Iterator[Article | Failure]:
    """``articles`` through the pool's per-article stages, in order, ``POOL_WINDOW`` per worker at a time."""
    it = iter(articles)
    while window := list(itertools.islice(it, POOL_WINDOW * workers)):
        chunk = max(1, min(32, len(window) // (workers * 4)))
        yield from pool.map(_work, window, chunksize=chunk)


def _tick(items: Iterable[Article | Failure], progress: Progress | None) -> Iterable[Article | Failure]:
    for it in items:
        if progress:
            progress(it)
        yield it
