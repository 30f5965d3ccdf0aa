"""The seed pages in ../shared/seeds against their hand-made answers (issue 2's acceptance floors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

# Acceptance floors of the issues: 2 (lines, title, outlet, reprint), 3 (published).
FLOORS = {"lines.role": 0.95, "title": 1.0, "outlet": 0.8, "reprint_of": 0.8, "published": 1.0}


@pytest.mark.issue(2)
@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_seeds_score_floor(seed_scores: dict[str, float], measure: str, floor: float) -> None:
    assert seed_scores[measure] >= floor, f"{measure} = {seed_scores[measure]:.3f}, below the floor {floor}"


def test_seeds_cli_exits_0(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    res = CliRunner().invoke(app, ["analyze", str(shared / "seeds"), "--json", str(out), "-q"])
    assert res.exit_code == 0, res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    assert len(d["articles"]) == 5
    assert d["failures"] == []
