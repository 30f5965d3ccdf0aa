"""The seed pages in ../shared/seeds against their hand-made answers (issue 2's acceptance floors)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app

# Acceptance thresholds of issue 2 (line roles, title, outlet, reprint source).
# Acceptance floors of the issues: 2 (lines, title, outlet, reprint), 3 (published).
FLOORS = {"lines.role": 0.95, "title": 1.0, "outlet": 0.8, "reprint_of": 0.8, "published": 1.0}


@pytest.fixture(scope="module")
def scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    dossier = newsprism.analyze(shared / "seeds")
    assert dossier.failures == []
    assert len(dossier.articles) == 5
    path = tmp_path_factory.mktemp("seeds") / "dossier.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_seeds.py"), str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    # The JSON object comes first; the scorer adds a one-line summary after it.
    report, _ = json.JSONDecoder().raw_decode(res.stdout)
    return report["measures"]


@pytest.mark.issue(2)
@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_seeds_score_floor(scores: dict[str, float], measure: str, floor: float) -> None:
    assert scores[measure] >= floor, f"{measure} = {scores[measure]:.3f}, below the floor {floor}"


def test_seeds_cli_exits_0(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    res = CliRunner().invoke(app, ["analyze", str(shared / "seeds"), "--json", str(out), "-q"])
    assert res.exit_code == 0, res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    assert len(d["articles"]) == 5
    assert d["failures"] == []
