"""The default store: one SQLite file, schema by named migrations, writes in one transaction.

Re-running on the same inputs updates rows (articles are keyed by their stable
id) rather than duplicating them. Article bodies are indexed with FTS5 for
full-text search.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newsprism.article import Article, Dossier
from newsprism.errors import StoreChanged
from newsprism.storage.base import (
    ARTICLE_LAYERS,
    CORPUS_KEYS,
    LAYER_TABLES,
    article_row,
    check_prefix,
    dossier_from_rows,
    layer_rows,
    stored_prior,
)


def _m001_articles(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, source TEXT, title TEXT, outlet TEXT, reprint_of TEXT,
            language TEXT, published_earliest TEXT, published_latest TEXT,
            data TEXT NOT NULL, updated TEXT DEFAULT CURRENT_TIMESTAMP)"""
    )
    db.execute("CREATE INDEX articles_outlet ON articles(outlet)")


def _m002_layers(db: sqlite3.Connection) -> None:
    for table in LAYER_TABLES:
        db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, article TEXT, data TEXT NOT NULL)")
        db.execute(f"CREATE INDEX {table}_article ON {table}(article)")


def _m003_fts(db: sqlite3.Connection) -> None:
    try:
        db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, body)")
    except sqlite3.OperationalError:
        # SQLite built without FTS5: a plain table keeps search working (LIKE).
        db.execute("CREATE TABLE articles_fts (id TEXT, title TEXT, body TEXT)")


def _m004_growing(db: sqlite3.Connection) -> None:
    # What a later batch needs to join this one: the input, the article after the per-article
    # stages and which pipeline made it; and the corpus-level records beyond the layers.
    for col in ("input", "analysis", "pipeline"):
        db.execute(f"ALTER TABLE articles ADD COLUMN {col} TEXT")
    db.execute("CREATE TABLE corpus (key TEXT PRIMARY KEY, data TEXT NOT NULL)")


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_articles", _m001_articles),
    ("002_layers", _m002_layers),
    ("003_fts", _m003_fts),
    ("004_growing", _m004_growing),
]


# Seconds a writer waits for another's transaction before it fails loudly ("database is locked").
LOCK_WAIT = 120.0


def _wal(db: sqlite3.Connection) -> None:
    """Switch to write-ahead logging. Two processes creating one file at once can both try;
    SQLite answers the loser "locked" at once, without waiting, so wait here."""
    import time

    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)  # "--db out/news.db" before out/ exists
        # Writers take turns: a second one waits for the first's transaction (up to LOCK_WAIT s).
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT)
        _wal(self.db)
        self.db.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet recorded; returns those applied."""
        if self._migrated():
            return []  # a reader never waits for a writer's lock just to open the store
        applied = []
        for name, fn in MIGRATIONS:
            # Checked inside the write lock: two processes creating one store at once must not
            # both apply a migration (the second saw it missing before the first committed it).
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT DEFAULT CURRENT_TIMESTAMP)")
                if self.db.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                    self.db.execute("COMMIT")
                    continue
                fn(self.db)
                self.db.execute("INSERT INTO _migrations(name) VALUES (?)", (name,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            applied.append(name)
        return applied

    def _migrated(self) -> bool:
        """Every migration recorded (read without a lock)."""
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone():
            return False
        done = {r[0] for r in self.db.execute("SELECT name FROM _migrations")}
        return all(name in done for name, _ in MIGRATIONS)

    def put_dossier(self, dossier: Dossier, replace: bool = False, signature: str | None = None, expect: str | None = None) -> None:
        """Write every article and layer in one transaction: all of it or none of it.

        ``replace``: the dossier is the whole corpus (a batch joined to what was stored):
        articles it lacks and layer records it no longer holds are deleted, and its outlet
        profiles and coverage matrix are kept. The inputs and analyses the dossier carries
        (``run(keep_analyses=True)``) are kept with their articles, under ``signature``.
        ``expect``: the stamp the dossier was built on; if another writer changed the store
        since, nothing is written and :class:`StoreChanged` is raised.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if expect is not None and self._stamp() != expect:
                raise StoreChanged(f"{self.path} changed since stamp {expect!r}")
            if replace:
                keep = [a.id for a in dossier.articles]
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _keep (id TEXT PRIMARY KEY)")
                self.db.execute("DELETE FROM _keep")
                self.db.executemany("INSERT OR IGNORE INTO _keep (id) VALUES (?)", [(k,) for k in keep])
                self.db.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM _keep)")
                self.db.execute("DELETE FROM articles_fts WHERE id NOT IN (SELECT id FROM _keep)")
                for table in LAYER_TABLES:
                    self.db.execute(f"DELETE FROM {table}")
                for key in CORPUS_KEYS:
                    value = dossier.outlets if key == "outlets" else dossier.coverage
                    self.db.execute(
                        "INSERT INTO corpus (key, data) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET data=excluded.data",
                        (key, json.dumps(value, ensure_ascii=False)),
                    )
            for a in dossier.articles:
                self.db.execute(
                    """INSERT INTO articles (id, source, title, outlet, reprint_of, language,
                           published_earliest, published_latest, data)
                       VALUES (?,?,?,?,?,?,?,?,?)
                       ON CONFLICT(id) DO UPDATE SET source=excluded.source, title=excluded.title,
                           outlet=excluded.outlet, reprint_of=excluded.reprint_of, language=excluded.language,
                           published_earliest=excluded.published_earliest,
                           published_latest=excluded.published_latest, data=excluded.data,
                           updated=CURRENT_TIMESTAMP""",
                    article_row(a),
                )
                if a.id in dossier.analyses:
                    self.db.execute(
                        "UPDATE articles SET input = ?, analysis = ?, pipeline = ? WHERE id = ?",
                        (
                            json.dumps(dossier.inputs.get(a.id), ensure_ascii=False) if a.id in dossier.inputs else None,
                            json.dumps(dossier.analyses[a.id], ensure_ascii=False),
                            signature,
                            a.id,
                        ),
                    )
                self.db.execute("DELETE FROM articles_fts WHERE id = ?", (a.id,))
                self.db.execute("INSERT INTO articles_fts (id, title, body) VALUES (?,?,?)", (a.id, a.title or "", a.body))
                for table in ARTICLE_LAYERS:
                    self.db.execute(f"DELETE FROM {table} WHERE article = ?", (a.id,))
            self.db.execute(
                "INSERT INTO corpus (key, data) VALUES ('stamp', ?) ON CONFLICT(key) DO UPDATE SET data=excluded.data",
                (json.dumps(uuid.uuid4().hex),),
            )
            layers = layer_rows(dossier)
            for table, rows in layers.items():
                for key, art, data in rows:
                    self.db.execute(
                        f"INSERT INTO {table} (key, article, data) VALUES (?,?,?) "
                        "ON CONFLICT(key) DO UPDATE SET article=excluded.article, data=excluded.data",
                        (key, art, json.dumps(data, ensure_ascii=False)),
                    )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def prior(self, signature: str) -> list[tuple[Article, bool]]:
        """Stored articles for the runner: analyses ``signature`` made, and inputs to analyse again."""
        rows = self.db.execute("SELECT analysis, pipeline, input, data FROM articles ORDER BY rowid").fetchall()
        return stored_prior(rows, signature)

    def stamp(self) -> str:
        """Changes with every write, whoever made it (a server caches what it read by it)."""
        return self._stamp()

    def _stamp(self) -> str:
        row = self.db.execute("SELECT data FROM corpus WHERE key = 'stamp'").fetchone()
        return str(json.loads(row[0])) if row else ""

    def load_dossier(self) -> Dossier:
        """The stored corpus as one dossier: articles, layers, outlet profiles and coverage."""
        arts = [r[0] for r in self.db.execute("SELECT data FROM articles ORDER BY rowid")]
        layers = {t: [r[0] for r in self.db.execute(f"SELECT data FROM {t} ORDER BY rowid")] for t in LAYER_TABLES}
        corpus = {k: json.loads(v) for k, v in self.db.execute("SELECT key, data FROM corpus WHERE key != 'stamp'")}
        return dossier_from_rows(arts, layers, corpus)

    def get(self, article_id: str) -> Article:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            # Accept a unique prefix, as git does for commits (LIKE's wildcards escaped).
            pattern = re.sub(r"([\\%_])", r"\\\1", article_id) + "%"
            ids = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 11", (pattern,))]
            check_prefix(article_id, ids, str(self.path))
            row = self.db.execute("SELECT data FROM articles WHERE id = ?", (ids[0],)).fetchone()
        return Article.from_dict(json.loads(row[0]))

    def iter(self) -> Iterator[Article]:
        for (data,) in self.db.execute("SELECT data FROM articles ORDER BY id"):
            yield Article.from_dict(json.loads(data))

    def query(self, text: str, limit: int = 20, any_of: Sequence[str] = ()) -> list[tuple[str, str]]:
        """Full-text search. Plain words ("Kim Jong-un") are all required, however joined
        (:mod:`newsprism.search`); ``any_of``: other names that match as well (an actor's aliases).
        A query in FTS5 syntax is passed on; one FTS5 cannot parse ("a(") is searched as its words,
        each quoted; it never becomes a substring match with the user's wildcards (``q=%``)."""
        from newsprism.search import fts_fallback, fts_query, plain

        sql = "SELECT id, title FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        if plain(text) or any_of:
            text = fts_query([text, *any_of])
            if not text:
                return []
        try:
            rows = self.db.execute(sql, (text, limit)).fetchall()
        except sqlite3.OperationalError:
            words = re.findall(r"\w+", text)
            if not words:
                return []
            try:
                rows = self.db.execute(sql, (fts_fallback(text) or '""', limit)).fetchall()
            except sqlite3.OperationalError:  # SQLite without FTS5: words as literal substrings
                where = " AND ".join(["body LIKE ? ESCAPE '\\'"] * len(words))
                like = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words]
                rows = self.db.execute(f"SELECT id, title FROM articles_fts WHERE {where} LIMIT ?", (*like, limit)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
