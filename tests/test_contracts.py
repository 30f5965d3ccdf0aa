"""Stage contracts the runner can rely on (#18).

Every registered stage declares each layer it reads (``requires``) and writes (``assigns``):

- run alone after the smallest pipeline its declared ``requires`` allow, a per-article stage
  gives exactly the layers it gives in the full default pipeline (on the seeds and the
  invented examples);
- traced on the same articles, no stage, per-article or corpus, reads a layer it does not
  declare or writes one it does not assign;
- the order of the default pipeline follows from the declarations.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest

from contract_trace import changed_layers, layer_value, run_traced
from newsprism import settings
from newsprism.article import Article, Dossier
from newsprism.ingest import iter_inputs
from newsprism.pipeline import Pipeline
from newsprism.registry import GIVEN, StageMeta, check_pipeline, get_stage, providers_of, registered

ARTICLE_STAGES = [n for n in settings.DEFAULT_PIPELINE if get_stage(n).kind == "article"]
CORPUS_STAGES = [n for n in settings.DEFAULT_PIPELINE if get_stage(n).kind == "corpus"]


@pytest.fixture(scope="module")
def inputs(shared: Path, examples: Path) -> list[Article]:
    """The seed pages and the invented examples, as ingested."""
    return [a for a in iter_inputs([shared / "seeds", examples]) if isinstance(a, Article)]


class _Runs:
    """Per-article stage runs over the inputs, each pipeline prefix computed once."""

    def __init__(self, inputs: list[Article]) -> None:
        self.done: dict[tuple[str, ...], list[Article]] = {(): inputs}
        self.built = dict(Pipeline().build()[0])

    def after(self, names: Sequence[str]) -> list[Article]:
        key = tuple(names)
        if key not in self.done:
            before = self.after(key[:-1])
            fn = self.built[key[-1]]
            self.done[key] = [fn(copy.deepcopy(a)) for a in before]
        return self.done[key]


@pytest.fixture(scope="module")
def runs(inputs: list[Article]) -> _Runs:
    return _Runs(inputs)


def _assigned_article_layers(meta: StageMeta) -> list[str]:
    return [x for x in meta.assigns if x.startswith("article.")]


@pytest.mark.parametrize("name", ARTICLE_STAGES)
def test_contract_minimal_pipeline_gives_the_same_layers(name: str, runs: _Runs) -> None:
    """A stage after only the providers of what it declares it requires gives what it gives in
    the full pipeline: a stage that reads an undeclared layer differs here."""
    meta = get_stage(name)
    minimal = [*[n for n in providers_of(settings.DEFAULT_PIPELINE, meta.requires) if n != name], name]
    full = runs.after(ARTICLE_STAGES)
    alone = runs.after(minimal)
    for a, b in zip(full, alone, strict=True):
        for layer in _assigned_article_layers(meta):
            assert layer_value(a, layer) == layer_value(b, layer), (
                f"{name} gives a different {layer} for {a.source} after only {minimal[:-1]}: it reads a layer it does not declare"
            )


@pytest.mark.parametrize("name", ARTICLE_STAGES)
def test_contract_article_stage_reads_and_writes_only_what_it_declares(name: str, runs: _Runs) -> None:
    meta = get_stage(name)
    before = runs.after(ARTICLE_STAGES[: ARTICLE_STAGES.index(name)])
    fn = runs.built[name]
    allowed_reads = GIVEN | set(meta.requires) | set(meta.assigns)
    for a in before:
        out, reads, writes = run_traced(fn, copy.deepcopy(a))
        wrote = writes | changed_layers(a, out)
        assert not _undeclared(reads, allowed_reads), f"{name} reads undeclared {sorted(_undeclared(reads, allowed_reads))} on {a.source}"
        assert not _undeclared(wrote, meta.assigns), f"{name} writes undeclared {sorted(_undeclared(wrote, meta.assigns))} on {a.source}"


@pytest.fixture(scope="module")
def corpus_input(runs: _Runs) -> Dossier:
    return Dossier(articles=runs.after(ARTICLE_STAGES))


@pytest.mark.parametrize("name", CORPUS_STAGES)
def test_contract_corpus_stage_reads_and_writes_only_what_it_declares(name: str, corpus_input: Dossier) -> None:
    built = dict(Pipeline().build()[1])
    dossier = copy.deepcopy(corpus_input)
    for other in CORPUS_STAGES[: CORPUS_STAGES.index(name)]:
        built[other](dossier)
    meta = get_stage(name)
    out, reads, writes = run_traced(built[name], copy.deepcopy(dossier))
    wrote = writes | changed_layers(dossier, out)
    allowed_reads = GIVEN | set(meta.requires) | set(meta.assigns) | {"dossier.articles"}
    assert not _undeclared(reads, allowed_reads), f"{name} reads undeclared {sorted(_undeclared(reads, allowed_reads))}"
    assert not _undeclared(wrote, meta.assigns), f"{name} writes undeclared {sorted(_undeclared(wrote, meta.assigns))}"


def _undeclared(layers: set[str], declared: Collection[str]) -> set[str]:
    """The layers not covered by a declaration (``article.given`` covers ``article.given.title``).
    The dicts ``evidence`` and ``ext`` are shared: only their keys are anyone's layers."""
    shared = ("article.evidence", "article.ext")
    return {x for x in layers if x not in shared and not any(x == d or x.startswith(d + ".") for d in declared)}


def test_contract_default_order_follows_from_declarations() -> None:
    """The runner's order is the declarations' topological order: listing the stages backwards
    gives an order in which every stage still comes after the providers of what it requires."""
    for names in (settings.DEFAULT_PIPELINE, tuple(reversed(settings.DEFAULT_PIPELINE))):
        order = check_pipeline(names)
        seen: set[str] = set()
        for i, meta in enumerate(order):
            if meta.kind == "corpus":
                assert all(m.kind == "corpus" for m in order[i:]), "a per-article stage after a corpus stage"
            for layer in meta.requires:
                providers = [m.name for m in order if layer in m.assigns and m.name != meta.name]
                usable = [p for p in providers if meta.kind == "corpus" or get_stage(p).kind == "article"]
                assert all(p in seen for p in usable), f"{meta.name} runs before a provider of {layer}"
            seen.add(meta.name)
    assert [m.name for m in check_pipeline(settings.DEFAULT_PIPELINE)] == list(settings.DEFAULT_PIPELINE)


def test_contract_every_builtin_stage_declares_its_layers() -> None:
    for name, meta in registered().items():
        if meta.factory.__module__.startswith("newsprism."):
            assert meta.assigns, f"{name} assigns nothing"
            assert all(x.split(".")[0] in ("article", "dossier") for x in (*meta.requires, *meta.assigns)), name
