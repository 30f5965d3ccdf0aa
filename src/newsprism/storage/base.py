"""The storage interface. Stages never import storage; the CLI and API do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from newsprism.article import Article, Dossier


@runtime_checkable
class ArticleStore(Protocol):
    """Where dossiers are kept. ``put_dossier`` is one transaction: all or nothing.

    A store grows batch by batch: ``prior`` gives back every stored article as it stood
    after the per-article stages (or as ingested, when an older pipeline analysed it), the
    runner joins them to the new batch for the corpus stages, and ``put_dossier(...,
    replace=True)`` writes the whole corpus back, so actors, events and stories merge
    across batches. ``load_dossier`` reads the whole dossier, profiles and coverage too.

    Writers never lose each other's work: ``put_dossier(..., expect=stamp)`` writes only if
    the store's :meth:`stamp` is still ``stamp`` (checked inside the write transaction, which
    one writer holds at a time), and raises :class:`~newsprism.errors.StoreChanged`, writing
    nothing, when another writer came first; :func:`newsprism.update` then joins its batch to
    what is stored now and tries again.
    """

    def put_dossier(
        self, dossier: Dossier, replace: bool = False, signature: str | None = None, expect: str | None = None
    ) -> None: ...

    def prior(self, signature: str) -> list[tuple[Article, bool]]: ...

    def load_dossier(self) -> Dossier: ...

    def stamp(self) -> str: ...

    def get(self, article_id: str) -> Article: ...

    def iter(self) -> Iterator[Article]: ...

    def query(self, text: str, limit: int = 20, any_of: Sequence[str] = ()) -> list[tuple[str, str]]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


# Tables holding the corpus-level layers, each row keyed so re-runs update it in place.
LAYER_TABLES = ("actors", "quotes", "claims", "events", "persuasion")
# Per-article layers whose rows are replaced whenever their article is written again.
ARTICLE_LAYERS = ("quotes", "claims", "persuasion")


def check_prefix(prefix: str, ids: list[str], where: str) -> None:
    """Raise when ``ids`` (the stored ids that start with ``prefix``, up to 11) are not exactly one:
    none is ``[E013]`` not found, two or more ``[E029]`` ambiguous, listing them."""
    from newsprism.errors import Errors, NotFoundError

    if not ids:
        raise NotFoundError(Errors.E013.format(id=prefix, where=where))
    if len(ids) > 1:
        shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        raise NotFoundError(Errors.E029.format(id=prefix, where=where, count="more than 10" if len(ids) > 10 else len(ids), ids=shown))


def layer_rows(dossier: Dossier) -> dict[str, Iterator[tuple[str, str | None, dict[str, Any]]]]:
    """``(key, article id or None, record)`` rows of every layer, as the stores write them: each
    table's rows made one at a time as they are written, never all of them at once (#24)."""
    return {
        "quotes": ((f"{q.article}:{q.span.start}:{q.span.end}", q.article, q.as_dict()) for q in dossier.quotes),
        "claims": ((f"{c.article}:{c.span.start}:{c.span.end}", c.article, c.as_dict()) for c in dossier.claims),
        "persuasion": (
            (f"{p.article}:{p.span.start}:{p.span.end}:{p.technique}", p.article, p.as_dict()) for p in dossier.persuasion
        ),
        "actors": ((a.id, None, a.as_dict()) for a in dossier.actors),
        "events": ((e.id, None, e.as_dict()) for e in dossier.events),
    }


def article_row(a: Article) -> tuple[Any, ...]:
    """The indexed columns of an article, then its whole JSON."""
    import json

    return (
        a.id, a.source, a.title, a.outlet, a.reprint_of, a.language,
        a.published.earliest, a.published.latest, json.dumps(a.as_dict(), ensure_ascii=False),
    )  # fmt: skip


def stored_prior(rows: Iterable[tuple[Any, str | None, Any, Any]], signature: str) -> list[tuple[Article, bool]]:
    """``(analysis, pipeline, input, data)`` rows, in stored order, as the runner's ``stored``:
    ``(article, analysed)``.

    An analysis the same pipeline made is reused; otherwise the article is analysed again from
    its stored input, or, for a row an older version wrote without one, from its text.
    """
    out: list[tuple[Article, bool]] = []
    for analysis, pipeline, inp, data in rows:
        if analysis and pipeline == signature:
            out.append((Article.from_analysis(_obj(analysis)), True))
        elif inp:
            out.append((Article.from_input(_obj(inp)), False))
        else:
            old = Article.from_dict(_obj(data))
            out.append((Article(id=old.id, source=old.source, raw_text=old.raw_text, format="text", url=old.url), False))
    return out


def _obj(value: Any) -> dict[str, Any]:
    import json

    return value if isinstance(value, dict) else dict(json.loads(value))


CORPUS_KEYS = ("outlets", "coverage")


def dossier_from_rows(
    articles: Iterable[Any], layers: Mapping[str, Iterable[Any]], corpus: Mapping[str, Any]
) -> Dossier:
    """A :class:`Dossier` from stored JSON records (``articles``, each layer's, the corpus table's)."""
    from newsprism.article import Actor, Claim, Event, Quote, TechniqueSpan

    return Dossier(
        articles=[Article.from_dict(_obj(a)) for a in articles],
        actors=[Actor.from_dict(_obj(x)) for x in layers.get("actors", ())],
        quotes=[Quote.from_dict(_obj(x)) for x in layers.get("quotes", ())],
        claims=[Claim.from_dict(_obj(x)) for x in layers.get("claims", ())],
        events=[Event.from_dict(_obj(x)) for x in layers.get("events", ())],
        persuasion=[TechniqueSpan.from_dict(_obj(x)) for x in layers.get("persuasion", ())],
        outlets=list(corpus.get("outlets") or []),
        coverage=corpus.get("coverage") or None,
    )
