"""The PostgreSQL store against a real server, started on loopback for this test session.

The server comes from Debian's packages (installed here when missing, if we may), runs as
the ``postgres`` system user in a temporary cluster with trust authentication on 127.0.0.1,
and is stopped at the end. Without a server to start, the tests skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.article import Article, DateRange, Dossier, Quote, Span
from newsprism.errors import NotFoundError

psycopg = pytest.importorskip("psycopg")


def _pg_bin() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _install() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True, timeout=300)
    subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=False, env=env, capture_output=True, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        _install()
        bindir = _pg_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries, and they could not be installed")
    as_user: list[str] = []
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: run it as the packaged system user.
        if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        as_user = ["runuser", "-u", "postgres", "--"]
    tmp = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
    os.chmod(tmp, 0o777)
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    os.chmod(sock, 0o777)
    port = _free_port()
    run = subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        pytest.skip(f"initdb failed: {run.stderr.strip()[-300:]}")
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off"
    run = subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        pytest.skip(f"the server did not start: {run.stderr.strip()[-300:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def store(pg_dsn: str) -> Iterator[object]:
    from newsprism.storage import open_store

    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for t in ("articles", "articles_fts", "actors", "quotes", "claims", "events", "persuasion", "corpus", "_migrations"):
            conn.execute(f"DROP TABLE IF EXISTS {t}")
    s = open_store(pg_dsn)
    yield s
    s.close()


def _dossier(body: str = "Dockworkers at Calderra walked out over pay.") -> Dossier:
    raw = "Strike at Calderra\n\n" + body
    a = Article(id="a1", source="a1.txt", raw_text=raw, title="Strike at Calderra", outlet="Harbour Watch", body=body)
    a.published = DateRange("2030-03-04", "2030-03-04", 0.95, "stated")
    q = Quote(article="a1", span=Span.of(raw, 20, 31), kind="direct", speaker=None, speaker_text="the union")
    return Dossier(articles=[a], quotes=[q])


def test_storage_postgres_round_trip_and_search(store: object) -> None:
    from newsprism.storage import PostgresStore

    assert isinstance(store, PostgresStore)
    store.put_dossier(_dossier())
    got = store.get("a1")
    assert got.title == "Strike at Calderra" and got.published.earliest == "2030-03-04"
    assert store.get("a").id == "a1"  # a unique prefix is enough
    assert [a.id for a in store.iter()] == ["a1"]
    assert store.query("dockworkers walked") == [("a1", "Strike at Calderra")]
    # Another name of the same actor finds it too (#25 search); a LIKE wildcard is no prefix.
    assert store.query("nosuchword", any_of=["dockworkers"]) == [("a1", "Strike at Calderra")]
    with pytest.raises(NotFoundError):
        store.get("zz")
    with pytest.raises(NotFoundError):
        store.get("%")


def test_storage_postgres_rerun_updates_not_duplicates(store: object) -> None:
    from newsprism.storage import PostgresStore

    assert isinstance(store, PostgresStore)
    store.put_dossier(_dossier())
    store.put_dossier(_dossier("Dockworkers at Calderra returned to work."))
    assert store.count() == 1
    assert store.get("a1").body.endswith("returned to work.")
    with store.db.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM quotes")
        assert cur.fetchone()[0] == 1
    store.db.commit()


def test_storage_postgres_failed_write_leaves_store_unchanged(store: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.storage import PostgresStore, base

    assert isinstance(store, PostgresStore)
    store.put_dossier(_dossier())

    def boom(_: Dossier) -> dict[str, Iterator[tuple[str, str | None, dict[str, object]]]]:
        raise RuntimeError("disk full")

    monkeypatch.setattr("newsprism.storage.postgres.layer_rows", boom)
    with pytest.raises(RuntimeError):
        store.put_dossier(_dossier("A second version that must not land."))
    assert store.get("a1").body == "Dockworkers at Calderra walked out over pay."
    assert base.LAYER_TABLES  # the shared helpers are still there for the other stores


def test_storage_postgres_grows_batch_by_batch_as_one_corpus(store: object, examples: Path) -> None:
    import json

    import newsprism
    from newsprism.storage import PostgresStore

    assert isinstance(store, PostgresStore)
    files = sorted(str(p) for p in examples.glob("0*"))
    whole = json.loads(newsprism.analyze(files).to_json())
    newsprism.update(store, files[:3])
    grown = json.loads(newsprism.update(store, files[3:]).to_json())
    assert grown == whole
    loaded = json.loads(store.load_dossier().to_json())
    assert {k: loaded[k] for k in ("articles", "actors", "events", "quotes", "outlets", "coverage")} == {
        k: whole[k] for k in ("articles", "actors", "events", "quotes", "outlets", "coverage")
    }


@pytest.mark.issue(19)
def test_storage_postgres_write_on_a_stale_stamp_writes_nothing_and_update_rejoins(store: object, pg_dsn: str) -> None:
    """Two writers on one PostgreSQL store: the one whose read is stale writes nothing, and
    ``newsprism.update`` joins its batch to the other's and writes again."""
    from newsprism.errors import StoreChanged
    from newsprism.storage import open_store

    store.put_dossier(_dossier())  # type: ignore[attr-defined]
    stamp = store.stamp()  # type: ignore[attr-defined]
    other = open_store(pg_dsn)
    b = Article(id="b1", source="b1.txt", raw_text="Ferry\n\nThe ferry ran.", title="Ferry", body="The ferry ran.")
    other.put_dossier(Dossier(articles=[b]))
    with pytest.raises(StoreChanged):
        store.put_dossier(_dossier(), replace=True, expect=stamp)  # type: ignore[attr-defined]
    assert store.count() == 2  # type: ignore[attr-defined]
    other.close()
