"""The stage registry: registration, prerequisites, and a snapshot of the built-in stages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism import registry, settings
from newsprism.article import Article
from newsprism.errors import RegistryError
from newsprism.pipeline import Pipeline
from newsprism.registry import check_pipeline, get_stage, registered, set_extension, stage

SNAPSHOT = Path(__file__).with_name("stages_snapshot.json")

pytestmark = pytest.mark.usefixtures("clean_registry")


def test_registry_snapshot_of_builtin_stages() -> None:
    want = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["stages"]
    have = registered()
    missing = [name for name in want if name not in have]
    assert not missing, f"built-in stage(s) disappeared: {missing}; if on purpose, update {SNAPSHOT.name}"


def test_registry_builtin_stages_are_documented_and_buildable() -> None:
    for name in json.loads(SNAPSHOT.read_text(encoding="utf-8"))["stages"]:
        meta = get_stage(name)
        assert meta.doc, f"{name} has no docstring"
        assert meta.kind in ("article", "corpus")
        fn = meta.factory(**meta.defaults)
        assert callable(fn)


def test_registry_default_pipeline_is_consistent() -> None:
    metas = Pipeline().metas()
    assert metas[0].name == "newsprism.clean.v1"
    assert {"newsprism.metadata.v1", "newsprism.language.v1"} <= {m.name for m in metas}


def _words_factory():  # type: ignore[no-untyped-def]
    def words(article: Article) -> Article:
        return article

    return words


def test_registry_same_function_twice_is_fine() -> None:
    stage("tests.words.v1", requires=["article.body"])(_words_factory)
    stage("tests.words.v1", requires=["article.body"])(_words_factory)
    assert get_stage("tests.words.v1").factory is _words_factory


def test_registry_duplicate_name_with_different_function_fails() -> None:
    stage("tests.words.v1")(_words_factory)

    def other_factory():  # type: ignore[no-untyped-def]
        return lambda article: article

    with pytest.raises(RegistryError, match=r"\[E008\].*tests\.words\.v1"):
        stage("tests.words.v1")(other_factory)
    assert get_stage("tests.words.v1").factory is _words_factory


def test_registry_builtin_name_cannot_be_taken_over() -> None:
    with pytest.raises(RegistryError, match=r"\[E008\]"):
        stage("newsprism.clean.v1")(_words_factory)


def test_registry_missing_prerequisite_fails() -> None:
    stage("tests.needs-quotes.v1", requires=["article.quotes"], assigns=["article.ext.n_quotes"])(_words_factory)
    with pytest.raises(RegistryError, match=r"\[E009\].*tests\.needs-quotes\.v1.*article\.quotes"):
        Pipeline(names=["newsprism.clean.v1", "tests.needs-quotes.v1"]).build()


def test_registry_order_follows_the_declarations_not_the_list() -> None:
    # metadata requires lines, which clean assigns: listed first, it still runs second.
    assert [m.name for m in check_pipeline(["newsprism.metadata.v1", "newsprism.clean.v1"])] == [
        "newsprism.clean.v1",
        "newsprism.metadata.v1",
    ]


def test_registry_article_stage_cannot_rely_on_a_corpus_stage() -> None:
    # Per-article stages all run before any corpus stage: a story id is never there yet.
    stage("tests.needs-story.v1", requires=["article.story"], assigns=["article.ext.story_words"])(_words_factory)
    names = [*settings.DEFAULT_PIPELINE, "tests.needs-story.v1"]
    with pytest.raises(RegistryError, match=r"\[E009\].*tests\.needs-story\.v1.*article\.story"):
        check_pipeline(names)
    stage("tests.corpus-story.v1", kind="corpus", requires=["article.story"], assigns=["article.ext.story_words"])(_words_factory)
    order = [m.name for m in check_pipeline([*settings.DEFAULT_PIPELINE, "tests.corpus-story.v1"])]
    assert order.index("tests.corpus-story.v1") > order.index("newsprism.stories.v1")


def test_registry_contradicting_declarations_are_refused() -> None:
    stage("tests.a.v1", requires=["article.ext.b"], assigns=["article.ext.a"])(_words_factory)
    stage("tests.b.v1", requires=["article.ext.a"], assigns=["article.ext.b"])(_words_factory)
    with pytest.raises(RegistryError, match=r"\[E022\].*tests\.a\.v1.*tests\.b\.v1"):
        check_pipeline(["tests.a.v1", "tests.b.v1"])


def test_registry_unknown_stage_fails() -> None:
    with pytest.raises(RegistryError, match=r"\[E011\].*tests\.nope\.v1.*newsprism\.clean\.v1"):
        Pipeline(names=["tests.nope.v1"]).build()


def test_registry_bad_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        stage("tests.bad-kind.v1", kind="batch")


def test_registry_stages_registered_in_a_test_are_forgotten() -> None:
    # The clean_registry fixture restores the registry; nothing from the tests above leaks.
    assert not [n for n in registry._REGISTRY if n.startswith("tests.")]


def test_registry_set_extension_refuses_to_overwrite() -> None:
    art = Article(id="x", source="x.txt", raw_text="Hello")
    set_extension(art, "words", 1)
    with pytest.raises(RegistryError, match=r"\[E015\]"):
        set_extension(art, "words", 2)
    set_extension(art, "words", 2, force=True)
    assert art.ext == {"words": 2}


def test_registry_snapshot_lists_every_builtin_stage() -> None:
    """Regression: four stages landed without being recorded, so their removal would go unnoticed."""
    want = set(json.loads(SNAPSHOT.read_text(encoding="utf-8"))["stages"])
    builtin = {name for name, meta in registered().items() if meta.factory.__module__.startswith("newsprism.")}
    assert builtin <= want, f"record new built-in stages in {SNAPSHOT.name}: {sorted(builtin - want)}"


def test_registry_two_refiners_of_a_layer_are_no_cycle() -> None:
    """Review finding: a plugin that reads and rewrites raw_text (as clean does) made a false cycle (E022)."""
    stage("tests.refine.v1", requires=["article.raw_text"], assigns=["article.raw_text"])(_words_factory)
    metas = check_pipeline([*settings.DEFAULT_PIPELINE, "tests.refine.v1"])
    order = [m.name for m in metas]
    # It follows clean, and every other stage that reads raw_text follows it.
    readers = [m.name for m in metas if "article.raw_text" in m.requires and m.name not in ("newsprism.clean.v1", "tests.refine.v1")]
    assert readers and all(order.index("newsprism.clean.v1") < order.index("tests.refine.v1") < order.index(r) for r in readers)
    # A stage that requires only what it assigns itself has nothing to read.
    stage("tests.self.v1", requires=["article.ext.only_mine"], assigns=["article.ext.only_mine"])(_words_factory)
    with pytest.raises(RegistryError, match=r"\[E009\].*tests\.self\.v1"):
        check_pipeline(["newsprism.clean.v1", "tests.self.v1"])
