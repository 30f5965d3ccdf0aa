"""An in-memory store, for tests and for the Python API without a file."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from newsprism.article import Article, Dossier
from newsprism.errors import Errors, NotFoundError


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}

    def put_dossier(self, dossier: Dossier) -> None:
        staged = dict(self._articles)
        for a in dossier.articles:
            staged[a.id] = copy.deepcopy(a)
        self._articles = staged  # swapped in whole: a failure above leaves the store as it was

    def get(self, article_id: str) -> Article:
        try:
            return copy.deepcopy(self._articles[article_id])
        except KeyError:
            raise NotFoundError(Errors.E013.format(id=article_id, where="memory")) from None

    def iter(self) -> Iterator[Article]:
        for k in sorted(self._articles):
            yield copy.deepcopy(self._articles[k])

    def query(self, text: str, limit: int = 20) -> list[tuple[str, str]]:
        needle = text.lower()
        hits = [(a.id, a.title or "") for a in self._articles.values() if needle in a.body.lower()]
        return hits[:limit]

    def count(self) -> int:
        return len(self._articles)

    def close(self) -> None:
        pass
