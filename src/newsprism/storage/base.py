"""The storage interface. Stages never import storage; the CLI and API do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

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
