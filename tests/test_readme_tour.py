"""The README's CLI tour runs as written (#25): every command of it that needs nothing this
machine lacks (the lines marked "(needs ...)" or "(runs until Ctrl-C)" are skipped, and said so),
in a scratch folder where ``examples/`` and ``../shared`` are where the README says."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP = re.compile(r"#\s*\((?:needs|runs until)")

pytestmark = pytest.mark.issue(25)


def tour_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## A tour of the CLI", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [ln for ln in block.splitlines() if ln.strip().startswith("newsprism ")]


def test_readme_tour_names_every_command_and_marks_what_it_cannot_run() -> None:
    cmds = tour_commands()
    used = {c.split()[1] if not c.split()[1].startswith("-") else c.split()[2] for c in cmds}
    assert {"analyze", "report", "export", "show", "stages", "fetch", "serve"} <= used
    assert sum(1 for c in cmds if not SKIP.search(c)) >= 8


def test_readme_tour_runs_as_written(shared: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "shared").symlink_to(shared)
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    for line in tour_commands():
        if SKIP.search(line):
            continue
        cmd = shlex.split(line, comments=True)
        got = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)
        assert got.returncode == 0, (line, got.stdout[-800:], got.stderr[-800:])
    for made in ("dossier.json", "news.db", "out/dossier.json", "dossier.html", "store.html", "tables/articles.csv", "network.graphml"):
        assert (work / made).exists(), made


def test_make_run_prints_no_warnings(tmp_path: Path) -> None:
    """`make run` printed setuptools' deprecation of a TOML-table licence, and pip's warnings about
    this machine's package indexes: the licence is an SPDX string, the set-up installs with pip's
    warnings off (errors still print), and the main job itself warns about nothing (#25)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str)
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [ln for ln in make.splitlines() if "pip install" in ln]
    assert installs and all(" -qq " in ln for ln in installs)
    run = next(ln for ln in make.split("\nrun:", 1)[1].splitlines() if "analyze" in ln)
    cmd = shlex.split(run.replace("$(BIN)/", "").replace("out/", str(tmp_path / "out") + "/").replace(" out ", f" {tmp_path / 'out'} "))
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONWARNINGS": "default"}
    got = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert got.returncode == 0, got.stderr[-800:]
    said = (got.stdout + got.stderr).lower()
    assert "warning" not in said and "deprecat" not in said, said[-1500:]
