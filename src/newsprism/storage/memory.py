"""An in-memory store, for tests and for the Python API without a file."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.article import Article, Dossier
from newsprism.errors import StoreChanged
from newsprism.storage.base import LAYER_TABLES, check_prefix, dossier_from_rows, layer_rows, stored_prior


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._kept: dict[str, tuple[dict[str, Any] | None, dict[str, Any], str | None]] = {}  # input, analysis, signature
        self._layers: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in LAYER_TABLES}
        self._corpus: dict[str, Any] = {}
        self._writes = 0
        self._lock = threading.Lock()  # writers from several threads (the web app) take turns

    def put_dossier(self, dossier: Dossier, replace: bool = False, signature: str | None = None, expect: str | None = None) -> None:
        with self._lock:
            if expect is not None and self.stamp() != expect:
                raise StoreChanged(f"memory store changed since stamp {expect!r}")
            self._put(dossier, replace, signature)

    def _put(self, dossier: Dossier, replace: bool, signature: str | None) -> None:
        staged = {} if replace else dict(self._articles)
        kept = {k: v for k, v in self._kept.items() if k in {a.id for a in dossier.articles}} if replace else dict(self._kept)
        layers = {t: ({} if replace else dict(rows)) for t, rows in self._layers.items()}
        for a in dossier.articles:
            staged[a.id] = copy.deepcopy(a)
            if a.id in dossier.analyses:
                kept[a.id] = (copy.deepcopy(dossier.inputs.get(a.id)), copy.deepcopy(dossier.analyses[a.id]), signature)
        if not replace:
            ids = {a.id for a in dossier.articles}
            for t in ("quotes", "claims", "persuasion"):
                layers[t] = {k: v for k, v in layers[t].items() if v.get("article") not in ids}
        for table, rows in layer_rows(dossier).items():
            for key, _, data in rows:
                layers[table][key] = copy.deepcopy(data)
        # Swapped in whole: a failure above leaves the store as it was.
        self._articles, self._kept, self._layers = staged, kept, layers
        self._writes += 1
        if replace:
            self._corpus = {"outlets": copy.deepcopy(dossier.outlets), "coverage": copy.deepcopy(dossier.coverage)}

    def prior(self, signature: str) -> list[tuple[Article, bool]]:
        rows = []
        for k, a in self._articles.items():
            inp, analysis, sig = self._kept.get(k, (None, None, None))
            rows.append((copy.deepcopy(analysis), sig, copy.deepcopy(inp), a.as_dict()))
        return stored_prior(rows, signature)  # type: ignore[arg-type]

    def stamp(self) -> str:
        return str(self._writes)

    def load_dossier(self) -> Dossier:
        return dossier_from_rows(
            [a.as_dict() for a in self._articles.values()],
            {t: [copy.deepcopy(v) for v in rows.values()] for t, rows in self._layers.items()},
            copy.deepcopy(self._corpus),
        )

    def get(self, article_id: str) -> Article:
        if article_id not in self._articles:
            check_prefix(article_id, sorted(k for k in self._articles if k.startswith(article_id))[:11], "memory")
            article_id = next(k for k in sorted(self._articles) if k.startswith(article_id))
        return copy.deepcopy(self._articles[article_id])

    def iter(self) -> Iterator[Article]:
        for k in sorted(self._articles):
            yield copy.deepcopy(self._articles[k])

    def query(self, text: str, limit: int = 20, any_of: Sequence[str] = ()) -> list[tuple[str, str]]:
        """The articles whose title or body holds every word of ``text``, or of a name of ``any_of``."""
        import re

        from newsprism.search import words_of

        words = {w.lower() for w in words_of(text)}
        phrases = [" " + " ".join(w.lower() for w in words_of(n)) + " " for n in any_of]
        hits = []
        for a in self._articles.values():
            toks = [w.lower() for w in re.findall(r"\w+", f"{a.title or ''} {a.body}")]
            joined = " " + " ".join(toks) + " "
            if (words and words <= set(toks)) or any(p.strip() and p in joined for p in phrases):
                hits.append((a.id, a.title or ""))
        return hits[:limit]

    def count(self) -> int:
        return len(self._articles)

    def close(self) -> None:
        pass
