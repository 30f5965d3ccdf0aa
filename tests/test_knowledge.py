"""The one knowledge loader (#18): packaged data files, the user's merged over them by one rule."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism import knowledge, settings
from newsprism.errors import KnowledgeError
from newsprism.knowledge import load_data, merge_documents

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty ``$NEWSPRISM_DATA``; every cache is forgotten before and after."""
    monkeypatch.setattr(settings, "USER_DATA_DIR", tmp_path)
    knowledge.reload()
    yield tmp_path
    monkeypatch.undo()
    knowledge.reload()


def test_knowledge_merge_rule() -> None:
    packaged = {
        "_about": "packaged",
        "words": ["a", "b"],
        "records": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
        "nested": {"list": ["p"], "scalar": 1},
        "scalar": "old",
    }
    user = {
        "_about": "the user's",
        "words": ["b", "c"],
        "records": [{"id": "y", "name": "Y2"}, {"id": "z", "name": "Z"}, {"name": "no id"}],
        "nested": {"list": ["q"], "new": True},
        "scalar": "new",
    }
    got = merge_documents([packaged, user])
    assert got["_about"] == "packaged"
    assert got["words"] == ["a", "b", "c"]
    assert got["records"] == [{"id": "x", "name": "X"}, {"id": "y", "name": "Y2"}, {"id": "z", "name": "Z"}, {"name": "no id"}]
    assert got["nested"] == {"list": ["p", "q"], "scalar": 1, "new": True}
    assert got["scalar"] == "new"
    assert packaged["words"] == ["a", "b"]  # the inputs are left as they were


def test_knowledge_user_file_extends_a_packaged_one(user_dir: Path) -> None:
    (user_dir / "furniture.json").write_text(json.dumps({"exact": ["Invented footer phrase"]}), encoding="utf-8")
    assert "Invented footer phrase" in load_data("furniture.json")["exact"]
    assert knowledge.fold("Invented footer phrase") in knowledge.furniture().exact


def test_knowledge_user_only_file_in_a_subfolder(user_dir: Path) -> None:
    (user_dir / "persuasion").mkdir()
    (user_dir / "persuasion" / "affect.json").write_text(json.dumps({"words": {"glumly": {"valence": -1.5}}}), encoding="utf-8")
    assert load_data("persuasion/affect.json") == {"words": {"glumly": {"valence": -1.5}}}
    assert load_data("no-such-file.json") == {}


def test_knowledge_anchor_event_of_the_user_replaces_the_packaged_one_by_id(user_dir: Path) -> None:
    from newsprism.stages.pubdate import anchor_events

    first = anchor_events()[0]
    row = {"id": first.id, "name": "Renamed", "earliest": "2001-02-03", "match": {"any": ["an invented phrase"]}}
    (user_dir / "anchor_events.json").write_text(json.dumps({"events": [row]}), encoding="utf-8")
    knowledge.reload()
    got = [a for a in anchor_events() if a.id == first.id]
    assert len(got) == 1 and got[0].name == "Renamed"


def test_knowledge_malformed_user_file_names_the_file_and_the_problem(user_dir: Path) -> None:
    bad = user_dir / "outlets.json"
    bad.write_text('{"outlets": [{"name": "X",}]}', encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"\[E023\].*outlets\.json.*line 1, column") as got:
        knowledge.outlets()
    assert str(bad) in str(got.value)
    bad.write_text('["not", "an", "object"]', encoding="utf-8")
    knowledge.reload()
    with pytest.raises(KnowledgeError, match=r"\[E023\].*not an object"):
        knowledge.check_data_files()


def test_knowledge_malformed_user_file_fails_the_run_before_any_article(user_dir: Path, examples: Path) -> None:
    from newsprism.pipeline import run

    (user_dir / "plover.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"\[E023\].*plover\.json"):
        run([examples / "01_calderra_courier.txt"])


def test_knowledge_malformed_user_file_is_a_coded_cli_error(user_dir: Path, examples: Path) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    (user_dir / "actors.json").write_text("{", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(examples / "01_calderra_courier.txt"), "-q"])
    assert res.exit_code == 2
    assert "E023" in res.output and "actors.json" in res.output


def _src_files() -> list[Path]:
    return sorted((REPO / "src" / "newsprism").rglob("*.py"))


def test_knowledge_files_are_read_by_the_one_loader_only() -> None:
    """No module but knowledge.py opens the data folders (settings.DATA_DIR / USER_DATA_DIR)."""
    offenders = []
    for path in _src_files():
        if path.name in ("knowledge.py", "settings.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if "USER_DATA_DIR" in text or "json.loads((settings.DATA_DIR" in text:
            offenders.append(path.relative_to(REPO).as_posix())
    assert not offenders, f"read knowledge files through newsprism.knowledge.load_data: {offenders}"


def test_no_module_imports_another_modules_private_names() -> None:
    """What two modules share is public: ``from newsprism.x import _y`` is refused in src,
    evals and benchmarks (tests may reach into privates of what they test)."""
    offenders = []
    for root in ("src", "evals", "benchmarks"):
        for path in sorted((REPO / root).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsprism"):
                    private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                    if private:
                        offenders.append(f"{path.relative_to(REPO)}:{node.lineno} {node.module} {private}")
    assert not offenders, "\n".join(offenders)
