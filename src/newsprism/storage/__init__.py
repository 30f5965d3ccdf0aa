"""Stores for dossiers: SQLite by default, in-memory for tests."""

from __future__ import annotations

from pathlib import Path

from newsprism.storage.base import ArticleStore
from newsprism.storage.memory import MemoryStore
from newsprism.storage.sqlite import SQLiteStore

__all__ = ["ArticleStore", "MemoryStore", "PostgresStore", "SQLiteStore", "open_store"]


def __getattr__(name: str) -> object:
    # psycopg is optional: import the PostgreSQL store only when asked for.
    if name == "PostgresStore":
        from newsprism.storage.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(name)


def open_store(url: str | Path, create: bool = True) -> ArticleStore:
    """A store from a path (``news.db``), ``memory:`` or ``postgresql://user@host/db``.

    With ``create=False`` (reading commands: ``show``, ``report``, a read-only ``serve``) a SQLite
    path that does not exist raises :class:`~newsprism.errors.NotFoundError` ``[E028]`` instead of
    creating an empty store: a mistyped path must not read as an empty corpus."""
    s = str(url)
    if s in ("memory:", ":memory:"):
        return MemoryStore()
    if s.startswith(("postgresql://", "postgres://")):
        from newsprism.storage.postgres import PostgresStore

        return PostgresStore(s)
    path = s.removeprefix("sqlite:///").removeprefix("sqlite:")
    if not create and not Path(path).is_file():
        from newsprism.errors import Errors, NotFoundError

        raise NotFoundError(Errors.E028.format(path=path))
    return SQLiteStore(path)
