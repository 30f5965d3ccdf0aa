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


def open_store(url: str | Path) -> ArticleStore:
    """A store from a path (``news.db``), ``memory:`` or ``postgresql://user@host/db``."""
    s = str(url)
    if s in ("memory:", ":memory:"):
        return MemoryStore()
    if s.startswith(("postgresql://", "postgres://")):
        from newsprism.storage.postgres import PostgresStore

        return PostgresStore(s)
    return SQLiteStore(s.removeprefix("sqlite:///").removeprefix("sqlite:"))
