"""A PostgreSQL store, for teams sharing one store (``postgresql://...``).

The same tables and named migrations as the SQLite store, with ``jsonb`` records
and a ``tsvector`` column for full-text search. Every ``put_dossier`` is one
transaction; re-running on the same inputs updates rows in place.
Requires the optional dependency ``psycopg`` (``pip install newsprism[postgres]``).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

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


def _m001_articles(cur: Any) -> None:
    cur.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, source TEXT, title TEXT, outlet TEXT, reprint_of TEXT,
            language TEXT, published_earliest TEXT, published_latest TEXT,
            data JSONB NOT NULL, updated TIMESTAMPTZ DEFAULT now())"""
    )
    cur.execute("CREATE INDEX articles_outlet ON articles(outlet)")


def _m002_layers(cur: Any) -> None:
    for table in LAYER_TABLES:
        cur.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, article TEXT, data JSONB NOT NULL)")
        cur.execute(f"CREATE INDEX {table}_article ON {table}(article)")


def _m003_fts(cur: Any) -> None:
    cur.execute(
        """CREATE TABLE articles_fts (id TEXT PRIMARY KEY, title TEXT, body TEXT,
           tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title,'') || ' ' || coalesce(body,''))) STORED)"""
    )
    cur.execute("CREATE INDEX articles_fts_tsv ON articles_fts USING gin(tsv)")


def _m004_growing(cur: Any) -> None:
    # As in the SQLite store: input, analysis and pipeline per article, the corpus-level records,
    # and the order articles were first stored in.
    for col in ("input", "analysis"):
        cur.execute(f"ALTER TABLE articles ADD COLUMN {col} JSONB")
    cur.execute("ALTER TABLE articles ADD COLUMN pipeline TEXT")
    cur.execute("ALTER TABLE articles ADD COLUMN seq BIGSERIAL")
    for table in LAYER_TABLES:
        cur.execute(f"ALTER TABLE {table} ADD COLUMN seq BIGSERIAL")
    cur.execute("CREATE TABLE corpus (key TEXT PRIMARY KEY, data JSONB)")


MIGRATIONS: list[tuple[str, Callable[[Any], None]]] = [
    ("001_articles", _m001_articles),
    ("002_layers", _m002_layers),
    ("003_fts", _m003_fts),
    ("004_growing", _m004_growing),
]


class PostgresStore:
    def __init__(self, dsn: str) -> None:
        import psycopg

        self.dsn = dsn
        self.db = psycopg.connect(dsn, autocommit=False)
        self.migrate()

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet recorded, each in its own transaction."""
        with self.db.transaction(), self.db.cursor() as cur:
            # One migrator at a time, even when several processes open the store at once.
            cur.execute("SELECT pg_advisory_xact_lock(7419)")
            cur.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TIMESTAMPTZ DEFAULT now())")
            cur.execute("SELECT name FROM _migrations")
            done = {r[0] for r in cur.fetchall()}
            applied = []
            for name, fn in MIGRATIONS:
                if name in done:
                    continue
                fn(cur)
                cur.execute("INSERT INTO _migrations(name) VALUES (%s)", (name,))
                applied.append(name)
        self.db.commit()
        return applied

    def put_dossier(self, dossier: Dossier, replace: bool = False, signature: str | None = None, expect: str | None = None) -> None:
        """Write every article and layer in one transaction: all of it or none of it (``replace``:
        the dossier is the whole corpus; ``expect``: see ``SQLiteStore.put_dossier``)."""
        with self.db.transaction(), self.db.cursor() as cur:
            # One writer at a time: the stamp read here stays true until this transaction ends.
            cur.execute("SELECT pg_advisory_xact_lock(7420)")
            if expect is not None:
                cur.execute("SELECT data FROM corpus WHERE key = 'stamp'")
                row = cur.fetchone()
                if (str(row[0]) if row else "") != expect:
                    raise StoreChanged(f"postgresql store changed since stamp {expect!r}")
            if replace:
                keep = [a.id for a in dossier.articles]
                cur.execute("DELETE FROM articles WHERE NOT (id = ANY(%s))", (keep,))
                cur.execute("DELETE FROM articles_fts WHERE NOT (id = ANY(%s))", (keep,))
                for table in LAYER_TABLES:
                    cur.execute(f"DELETE FROM {table}")
                for key in CORPUS_KEYS:
                    value = dossier.outlets if key == "outlets" else dossier.coverage
                    cur.execute(
                        "INSERT INTO corpus (key, data) VALUES (%s, %s::jsonb) ON CONFLICT(key) DO UPDATE SET data=excluded.data",
                        (key, json.dumps(value, ensure_ascii=False)),
                    )
            for a in dossier.articles:
                cur.execute(
                    """INSERT INTO articles (id, source, title, outlet, reprint_of, language,
                           published_earliest, published_latest, data)
                       VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s::jsonb)
                       ON CONFLICT(id) DO UPDATE SET source=excluded.source, title=excluded.title,
                           outlet=excluded.outlet, reprint_of=excluded.reprint_of, language=excluded.language,
                           published_earliest=excluded.published_earliest,
                           published_latest=excluded.published_latest, data=excluded.data, updated=now()""",
                    article_row(a),
                )
                if a.id in dossier.analyses:
                    cur.execute(
                        "UPDATE articles SET input = %s::jsonb, analysis = %s::jsonb, pipeline = %s WHERE id = %s",
                        (
                            json.dumps(dossier.inputs.get(a.id), ensure_ascii=False) if a.id in dossier.inputs else None,
                            json.dumps(dossier.analyses[a.id], ensure_ascii=False),
                            signature,
                            a.id,
                        ),
                    )
                cur.execute(
                    """INSERT INTO articles_fts (id, title, body) VALUES (%s,%s,%s)
                       ON CONFLICT(id) DO UPDATE SET title=excluded.title, body=excluded.body""",
                    (a.id, a.title or "", a.body),
                )
                for table in ARTICLE_LAYERS:
                    cur.execute(f"DELETE FROM {table} WHERE article = %s", (a.id,))
            cur.execute(
                "INSERT INTO corpus (key, data) VALUES ('stamp', %s::jsonb) ON CONFLICT(key) DO UPDATE SET data=excluded.data",
                (json.dumps(uuid.uuid4().hex),),
            )
            for table, rows in layer_rows(dossier).items():
                for key, art, data in rows:
                    cur.execute(
                        f"INSERT INTO {table} (key, article, data) VALUES (%s,%s,%s::jsonb) "
                        "ON CONFLICT(key) DO UPDATE SET article=excluded.article, data=excluded.data",
                        (key, art, json.dumps(data, ensure_ascii=False)),
                    )
        self.db.commit()

    def prior(self, signature: str) -> list[tuple[Article, bool]]:
        with self.db.cursor() as cur:
            cur.execute("SELECT analysis, pipeline, input, data FROM articles ORDER BY seq")
            rows = cur.fetchall()
        self.db.commit()
        return stored_prior(rows, signature)

    def stamp(self) -> str:
        with self.db.cursor() as cur:
            cur.execute("SELECT data FROM corpus WHERE key = 'stamp'")
            row = cur.fetchone()
        self.db.commit()
        return str(row[0]) if row else ""

    def load_dossier(self) -> Dossier:
        with self.db.cursor() as cur:
            cur.execute("SELECT data FROM articles ORDER BY seq")
            arts = [r[0] for r in cur.fetchall()]
            layers: dict[str, list[Any]] = {}
            for t in LAYER_TABLES:
                cur.execute(f"SELECT data FROM {t} ORDER BY seq")
                layers[t] = [r[0] for r in cur.fetchall()]
            cur.execute("SELECT key, data FROM corpus WHERE key != 'stamp'")
            corpus = {str(k): v for k, v in cur.fetchall()}
        self.db.commit()
        return dossier_from_rows(arts, layers, corpus)

    def get(self, article_id: str) -> Article:
        with self.db.cursor() as cur:
            cur.execute("SELECT data FROM articles WHERE id = %s", (article_id,))
            rows = cur.fetchall()
            if not rows:
                # A unique prefix, as git does for commits (LIKE's wildcards escaped).
                pattern = re.sub(r"([\\%_])", r"\\\1", article_id) + "%"
                cur.execute("SELECT id FROM articles WHERE id LIKE %s ORDER BY id LIMIT 11", (pattern,))
                ids = [r[0] for r in cur.fetchall()]
                try:
                    check_prefix(article_id, ids, "postgresql")
                finally:
                    self.db.commit()
                cur.execute("SELECT data FROM articles WHERE id = %s", (ids[0],))
                rows = cur.fetchall()
        self.db.commit()
        return Article.from_dict(_json(rows[0][0]))

    def iter(self) -> Iterator[Article]:
        with self.db.cursor() as cur:
            cur.execute("SELECT data FROM articles ORDER BY id")
            rows = cur.fetchall()
        self.db.commit()
        for (data,) in rows:
            yield Article.from_dict(_json(data))

    def query(self, text: str, limit: int = 20, any_of: Sequence[str] = ()) -> list[tuple[str, str]]:
        """Full-text search: the words of ``text`` all required, or those of any name of ``any_of``."""
        names = list(dict.fromkeys([text, *any_of]))
        tsq = " || ".join(["plainto_tsquery('english', %s)"] * len(names))
        with self.db.cursor() as cur:
            cur.execute(
                f"""SELECT id, title FROM articles_fts, (SELECT {tsq} AS q) w
                   WHERE tsv @@ w.q ORDER BY ts_rank(tsv, w.q) DESC LIMIT %s""",  # only placeholders are formatted in
                (*names, limit),
            )
            rows = cur.fetchall()
        self.db.commit()
        return [(str(r[0]), str(r[1])) for r in rows]

    def count(self) -> int:
        with self.db.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM articles")
            row = cur.fetchone()
        self.db.commit()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.db.close()


def _json(value: Any) -> dict[str, Any]:
    """psycopg decodes jsonb to Python already; a text column would need parsing."""
    return value if isinstance(value, dict) else dict(json.loads(value))
