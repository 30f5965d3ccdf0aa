"""The per-article stages on a Dask cluster give the dossier an in-process run gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")

import newsprism  # noqa: E402
from newsprism.cli import app  # noqa: E402
from newsprism.pipeline import dask_client  # noqa: E402


def test_dask_cluster_gives_the_same_dossier(examples: Path) -> None:
    here = json.loads(newsprism.analyze(examples).to_json())
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        there = json.loads(newsprism.analyze(examples, dask=client).to_json())
    assert there == here


def test_dask_failures_are_named_and_the_rest_completes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Dock strike spreads\n\nDock workers walked out on Tuesday, the union said.\n", encoding="utf-8")
    (tmp_path / "bad.html").write_text("<html><head><title>x", encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        d = newsprism.analyze(tmp_path, dask=client)
    assert [Path(a.source).name for a in d.articles] == ["good.txt"]
    assert [f.code for f in d.failures] == ["E016"]


def test_dask_local_processes_from_the_cli(examples: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["analyze", str(examples), "--dask", "local", "--workers", "2", "--json", str(tmp_path / "d.json"), "-q"])
    assert res.exit_code == 0, res.output
    assert len(json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["articles"]) == 9


def test_dask_client_for_a_scheduler_that_is_not_there() -> None:
    with pytest.raises(OSError), dask_client("tcp://127.0.0.1:9", 1, timeout=2):
        pass


@pytest.mark.issue(25)
def test_dask_local_prints_no_info_lines_among_the_results(examples: Path, tmp_path: Path) -> None:
    """`analyze --dask local` printed 24 INFO lines of Dask's scheduler and workers among the
    results; only warnings are shown unless -v asks newsprism to talk (#25)."""
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "newsprism"
    got = subprocess.run([str(exe), "analyze", str(examples / "01_calderra_courier.txt"), "--dask", "local", "--json", str(tmp_path / "d.json")],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert got.returncode == 0, got.stderr[-500:]
    assert "INFO" not in got.stderr and "INFO" not in got.stdout
    assert (tmp_path / "d.json").is_file()
