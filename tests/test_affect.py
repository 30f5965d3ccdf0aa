"""Word affect from the VADER and pattern lexicons, and the user's additions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism import affect, settings

pytestmark = pytest.mark.issue(7)


def test_affect_lexicons_are_installed_and_read() -> None:
    lex = affect.lexicon()
    assert len(lex) > 7000  # VADER alone rates ~7,500 entries
    evil = affect.affect_of("evil")
    assert evil is not None and evil.valence is not None and evil.valence < -2
    assert any(a.subjectivity is not None for a in lex.values())


def test_affect_features_buckets_and_inflections() -> None:
    assert affect.affect_features("the") == ()
    f = affect.affect_features("horrible")
    assert "aneg" in f and any(x.startswith("av-") for x in f)
    # Not in VADER itself; its stem is.
    assert "smears" not in affect.lexicon() and "smear" in affect.lexicon()
    smears = affect.affect_of("smears")
    assert smears is not None and smears.valence == affect.lexicon()["smear"].valence
    assert "apos" in affect.affect_features("wonderful")


def test_affect_readers_parse_their_formats(tmp_path: Path) -> None:
    v = tmp_path / "vader.txt"
    v.write_text("grim\t-2.1\t0.7\t[-2, -2]\nbad line\n:)\t2.0\t0.5\t[2]\n", encoding="utf-8")
    assert affect.read_vader(v) == {"grim": -2.1, ":)": 2.0}
    x = tmp_path / "s.xml"
    x.write_text(
        '<sentiment><word form="Vile" pos="JJ" polarity="-1.0" subjectivity="1.0" intensity="1.0" />'
        '<word form="vile" pos="JJ" polarity="-0.6" subjectivity="0.8" intensity="1.0" /></sentiment>',
        encoding="utf-8",
    )
    pol, subj = affect.read_pattern(x)["vile"]
    assert pol == pytest.approx(-0.8) and subj == pytest.approx(0.9)


def test_affect_user_file_adds_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "persuasion").mkdir()
    (tmp_path / "persuasion" / "affect.json").write_text(
        json.dumps({"words": {"thuggish": {"valence": -2.6, "subjectivity": 0.9, "polarity": -0.8}}}), encoding="utf-8"
    )
    monkeypatch.setattr(settings, "USER_DATA_DIR", tmp_path)
    affect.lexicon.cache_clear()
    affect.affect_features.cache_clear()
    try:
        assert set(affect.affect_features("thuggish")) >= {"av-3", "aneg", "sj3", "sp-2"}
    finally:
        monkeypatch.undo()
        affect.lexicon.cache_clear()
        affect.affect_features.cache_clear()


def test_affect_missing_package_is_logged_not_fatal(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(affect, "_package_file", lambda *a: None)
    affect.lexicon.cache_clear()
    try:
        assert affect.lexicon() == {} or all(a.valence is None for a in affect.lexicon().values())
        assert "not installed" in caplog.text
    finally:
        monkeypatch.undo()
        affect.lexicon.cache_clear()
