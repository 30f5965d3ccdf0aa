"""Stores for dossiers: SQLite by default, in-memory for tests."""

from __future__ import annotations

from pathlib import Path

from newsprism.storage.base import ArticleStore
from newsprism.storage.memory import MemoryStore
from newsprism.storage.sqlite import SQLiteStore

__all__ = ["ArticleStore", "MemoryStore", "SQLiteStore", "open_store"]


def open_store(url: str | Path) -> ArticleStore:
    """A store from a path (``news.db``) or ``memory:``."""
    s = str(url)
    if s in ("memory:", ":memory:"):
        return MemoryStore()
    return SQLiteStore(s.removeprefix("sqlite:///").removeprefix("sqlite:"))
