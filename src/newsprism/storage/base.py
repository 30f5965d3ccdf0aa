"""The storage interface. Stages never import storage; the CLI and API do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

from newsprism.article import Article, Dossier


@runtime_checkable
class ArticleStore(Protocol):
    """Where dossiers are kept. ``put_dossier`` is one transaction: all or nothing."""

    def put_dossier(self, dossier: Dossier) -> None: ...

    def get(self, article_id: str) -> Article: ...

    def iter(self) -> Iterator[Article]: ...

    def query(self, text: str, limit: int = 20) -> list[tuple[str, str]]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


# Tables holding the corpus-level layers, each row keyed so re-runs update it in place.
LAYER_TABLES = ("actors", "quotes", "claims", "events", "persuasion")
# Per-article layers whose rows are replaced whenever their article is written again.
ARTICLE_LAYERS = ("quotes", "claims", "persuasion")


def layer_rows(dossier: Dossier) -> dict[str, list[tuple[str, str | None, dict[str, Any]]]]:
    """``(key, article id or None, record)`` rows of every layer, as the stores write them."""
    return {
        "quotes": [(f"{q.article}:{q.span.start}:{q.span.end}", q.article, q.as_dict()) for q in dossier.quotes],
        "claims": [(f"{c.article}:{c.span.start}:{c.span.end}", c.article, c.as_dict()) for c in dossier.claims],
        "persuasion": [
            (f"{p.article}:{p.span.start}:{p.span.end}:{p.technique}", p.article, p.as_dict()) for p in dossier.persuasion
        ],
        "actors": [(a.id, None, a.as_dict()) for a in dossier.actors],
        "events": [(e.id, None, e.as_dict()) for e in dossier.events],
    }


def article_row(a: Article) -> tuple[Any, ...]:
    """The indexed columns of an article, then its whole JSON."""
    import json

    return (
        a.id, a.source, a.title, a.outlet, a.reprint_of, a.language,
        a.published.earliest, a.published.latest, json.dumps(a.as_dict(), ensure_ascii=False),
    )  # fmt: skip
