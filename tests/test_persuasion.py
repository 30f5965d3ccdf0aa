"""The persuasion stage: the shipped model, technique spans, voices, scoring, and a PTC dev floor."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import article_from_lines, article_with_mentions
from newsprism.article import TECHNIQUES, Article, Quote, Span
from newsprism.registry import get_stage
from newsprism.stages import persuasion as P
from newsprism.train.scoring import merge_spans, si_score, tc_score

pytestmark = pytest.mark.issue(7)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ACTORS = {"Russia": ("russia", "GPE"), "Ukraine": ("ukraine", "GPE"), "Jane Calloway": ("person-jane-calloway", "PERSON"), "the ministry": ("org-ministry", "ORG")}


def make(*body: str, title: str = "A headline") -> Article:
    """A hand-made article with actor mentions found by name."""
    return article_with_mentions(body, ACTORS, title)


def test_persuasion_model_ships_small_and_loads() -> None:
    assert P.MODEL_FILE.is_file(), "run `make train`"
    assert P.MODEL_FILE.stat().st_size <= 30 * 1024 * 1024
    model = P.load_model()
    assert set(model.classes) <= set(TECHNIQUES)
    assert len(model.classes) == 14
    assert 0 < model.tok_threshold < 1
    assert P.load_model() is model  # once per process


def test_persuasion_lexicon_matches_cues_on_tokens() -> None:
    found = P.lexicon().find("They are puppets and thugs; what about the so-called experts? Enough is enough.")
    techs = {t for _, _, t in found}
    assert {"name_calling", "whataboutism", "doubt", "thought_terminating_cliche"} <= techs
    # A hyphenated word is not its second half.
    assert all(t != "name_calling" for _, _, t in P.lexicon().find("a neo-conservative"))


def test_persuasion_lexicon_hyphenated_intensifier_labels() -> None:
    # "arch-" makes a label of its head: the whole hyphenated word is the cue, the head alone is not.
    text = "They call him the arch-criminal of the age and an arch-enemy of peace."
    found = [(text[s:e], t) for s, e, t in P.lexicon().find(text)]
    assert ("arch-criminal", "name_calling") in found
    assert ("arch-enemy", "name_calling") in found
    assert not any(t == "name_calling" for _, _, t in P.lexicon().find("the archbishop and the arch of the bridge"))


def test_persuasion_detects_loaded_and_labels() -> None:
    art = make(
        "These treacherous thugs and their globalist puppets are destroying our great nation with disgusting lies!",
        "The corrupt elites will never stop until every patriot is silenced.",
    )
    P.persuade(art)
    assert art.persuasion
    for p in art.persuasion:
        assert art.raw_text[p.span.start : p.span.end] == p.span.text
        assert p.technique in TECHNIQUES
        assert 0 < p.confidence <= 1
    techs = {p.technique for p in art.persuasion}
    assert techs & {"loaded_language", "name_calling"}


def test_persuasion_precise_keeps_cue_corroborated_run_below_model_threshold() -> None:
    """Regression: a retrained model's higher token threshold dropped runs a lexicon cue vouches for."""
    from dataclasses import replace

    shipped = P.load_model()
    strict = replace(shipped, meta={**shipped.meta, "tok_threshold": 0.95, "sent_threshold": 2.0})
    text = "Their sinister scheme is a monstrous, shameless fraud, nothing more."
    sents = [(0, len(text))]
    assert not P.find_spans(text, sents, strict)  # nothing reaches the strict model's own threshold
    found = P.detect(text, sents, strict, precise=True)
    words = {text[d.start : d.end] for d in found}
    assert any("sinister" in w for w in words) and any("shameless" in w for w in words), words
    # Without a cue, a run below the model's threshold stays out.
    plain = "Their scheme is a plan, nothing more."
    assert not P.detect(plain, [(0, len(plain))], strict, precise=True)


def test_persuasion_prepare_marks_only_the_first_sentence_first() -> None:
    """Regression: the cue loop reused the sentence counter, so a sentence whose first word was a cue passed for the title."""
    text = "A quiet headline\nThugs and puppets ran the port.\nEvil men did this."
    sents = [(0, 16), (17, 48), (49, len(text))]
    prepared, _ = P.prepare(text, sents)
    assert [x.first for x in prepared] == [True, False, False]


def test_persuasion_token_vectors_align_with_tokens() -> None:
    text = "The ministry’s thugs lied.\nSecond line here."
    sents = [P.tokenize(text, 0, 26), P.tokenize(text, 27, len(text))]
    vecs = P.token_vectors(text, sents)
    assert len(vecs) == 2
    for toks, v in zip(sents, vecs, strict=True):
        assert v is not None and v.shape == (len(toks), P.VECTOR_WIDTH)
        assert np.isfinite(v).all()
    assert P.token_vectors(text, []) == []
    prepared, _ = P.prepare(text, [(0, 26)], vectors=True)
    assert prepared[0].vectors is not None and prepared[0].vectors.shape[0] == len(prepared[0].tokens)


def test_persuasion_model_without_vectors_still_loads(tmp_path: Path) -> None:
    from dataclasses import replace

    shipped = P.load_model()
    assert shipped.uses_vectors and shipped.tok_dense.shape == (P.VECTOR_WIDTH,)
    assert shipped.tc_dense.shape == (2 * P.VECTOR_WIDTH, len(shipped.classes))
    old = replace(shipped, tok_dense=np.zeros(0, dtype=np.float32), tc_dense=np.zeros((0, 0), dtype=np.float32))
    P.save_model(old, tmp_path / "m.npz")
    again = P.load_model(str(tmp_path / "m.npz"))
    assert not again.uses_vectors
    text = "These thugs lied again."
    assert len(P.score_sentences(text, [(0, len(text))], again)[0].token_scores) == len(P.tokenize(text))
    (p,) = P.classify(text, [(6, 11)], [(0, len(text))], again)
    assert p.shape == (len(again.classes),) and abs(float(p.sum()) - 1) < 1e-6


def test_persuasion_span_vectors_reuse_prepared_sentences() -> None:
    text = "A plain title\nThese treacherous thugs lied to everyone again."
    sents = [(0, 13), (14, len(text))]
    spans = [(20, 31), (32, 37)]
    prepared, _ = P.prepare(text, sents, vectors=True)
    inputs = P.span_inputs(text, spans, sents)
    fresh = P.span_vectors(text, inputs)
    reused = P.span_vectors(text, inputs, prepared)
    for a, b in zip(fresh, reused, strict=True):
        assert a.shape == (2 * P.VECTOR_WIDTH,)
        assert np.allclose(a, b, atol=1e-5)
    # The two spans share a sentence: same second half, different first half.
    assert np.allclose(fresh[0][P.VECTOR_WIDTH :], fresh[1][P.VECTOR_WIDTH :])
    assert not np.allclose(fresh[0][: P.VECTOR_WIDTH], fresh[1][: P.VECTOR_WIDTH])
    assert [p.argmax() for p in P.classify(text, spans, sents)] == [p.argmax() for p in P.classify(text, spans, sents, prepared=prepared)]


def test_persuasion_plain_report_is_quiet() -> None:
    art = make(
        "The ministry said on Tuesday that the talks would resume in Geneva next week.",
        "Officials from both countries are expected to attend, according to a statement.",
    )
    P.persuade(art)
    assert len(art.persuasion) <= 1


def test_persuasion_voice_from_quote_record() -> None:
    art = make('Jane Calloway said: "These criminal thugs are traitors to the nation," adding nothing more.')
    raw = art.raw_text
    qs = raw.index("These")
    qe = raw.index(',"')
    art.quotes = [Quote(art.id, Span.of(raw, qs, qe), "direct", speaker="person-jane-calloway")]
    assert P.voice_of(art, qs + 6, qs + 14) == ("person-jane-calloway", True)
    assert P.voice_of(art, 0, 5) == (None, False)
    P.persuade(art)
    inside = [p for p in art.persuasion if qs <= p.span.start and p.span.end <= qe]
    assert inside and all(p.voice == "person-jane-calloway" for p in inside)


def test_persuasion_voice_of_statement_and_unknown_speaker() -> None:
    art = make("The regime of thugs will fall.", "We will crush the invaders.")
    raw = art.raw_text
    s = raw.index("The regime")
    art.quotes = [Quote(art.id, Span.of(raw, s, len(raw)), "statement", speaker="russia")]
    assert P.voice_of(art, raw.index("thugs"), raw.index("thugs") + 5)[0] == "russia"
    art.quotes = [Quote(art.id, Span.of(raw, s, len(raw)), "statement", speaker=None)]
    assert P.voice_of(art, raw.index("thugs"), raw.index("thugs") + 5) == (None, True)


def test_persuasion_voice_fallback_named_beside_quotation() -> None:
    art = make('"The invaders are butchers and they must be stopped," Jane Calloway said.')
    start = art.raw_text.index("butchers")
    assert P.voice_of(art, start, start + 8) == ("person-jane-calloway", True)
    # Scare quotes (under four words) stay the outlet's voice.
    art2 = make('Russia calls it a "special operation" while Ukraine disagrees, Jane Calloway said.')
    s2 = art2.raw_text.index("special")
    assert P.voice_of(art2, s2, s2 + 7) == (None, False)


def test_persuasion_stage_rebuilds_by_name_and_pickles() -> None:
    meta = get_stage("newsprism.persuasion.v1")
    fn = meta.factory(**meta.defaults)
    art = fn(make("The brutal invasion was a disgusting crime."))
    again = pickle.loads(pickle.dumps(art))
    assert [p.as_dict() for p in again.persuasion] == [p.as_dict() for p in art.persuasion]


def test_persuasion_second_label_and_min_confidence() -> None:
    text = "The treacherous thugs lie and lie and lie!"
    art1 = P.persuade(make(text), second_label=0.0)
    art2 = P.persuade(make(text))
    assert len(art1.persuasion) >= len(art2.persuasion)
    art3 = P.persuade(make(text), min_confidence=1.01)
    assert art3.persuasion == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=0, max_size=120), min_size=1, max_size=5))
def test_persuasion_never_crashes_and_stays_inside(lines: list[str]) -> None:
    lines = [x.replace("\n", " ").replace("\r", " ") for x in lines]
    rows = [("title", lines[0])] + [("body", x) for x in lines[1:]]
    art = article_from_lines(rows)
    P.persuade(art)
    for p in art.persuasion:
        assert 0 <= p.span.start < p.span.end <= len(art.raw_text)
        assert art.raw_text[p.span.start : p.span.end] == p.span.text


def test_scoring_si_partial_overlap() -> None:
    gold = {"a": [(0, 10), (5, 15), (30, 40)]}
    assert merge_spans(gold["a"]) == [(0, 15), (30, 40)]
    res = si_score(gold, {"a": [(0, 15), (30, 35), (50, 60)]})
    assert res.precision == pytest.approx((1 + 1 + 0) / 3)
    assert res.recall == pytest.approx((1 + 0.5) / 2)
    assert si_score(gold, {}).f1 == 0.0


def test_scoring_tc_matches_repeated_spans_in_any_order() -> None:
    gold = {("a", 0, 5): ["repetition", "loaded_language"], ("a", 9, 12): ["doubt"]}
    pred = {("a", 0, 5): ["loaded_language", "repetition", "doubt"], ("a", 9, 12): ["slogans", "doubt"]}
    assert tc_score(gold, pred) == pytest.approx(2 / 3)


@pytest.mark.skipif(not (SHARED / "datasets" / "ptc-semeval2020").is_dir(), reason="../shared datasets missing")
def test_persuasion_ptc_dev_subset_floor() -> None:
    from newsprism.train.datasets import read_ptc
    from newsprism.train.persuasion import evaluate

    dev = read_ptc(SHARED, "dev")[:12]
    si, tc = evaluate(P.load_model(), dev)
    # Floors a little under the shipped model's scores on these 12 articles (0.448 and 0.44;
    # make eval scores all 53): a retrained model must not fall below them.
    assert si.f1 >= 0.42, si
    assert tc >= 0.41, tc


@pytest.mark.skipif(
    not (SHARED / "datasets" / "ptc-semeval2020").is_dir() or not (SHARED / "datasets" / "polnear").is_dir(),
    reason="../shared datasets missing",
)
def test_persuasion_precise_mode_flags_propaganda_more_than_news() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evals"))
    from newsprism.train.datasets import read_ptc
    from ptc import flag_rates

    rates = flag_rates(SHARED, read_ptc(SHARED, "dev")[:15], P.load_model(), news_docs=25)
    ptc, news = rates["ptc_dev"]["precise"], rates["polnear_news"]["precise"]
    # make eval (53 PTC articles, 80 news reports): 0.14 vs 0.07 of sentences flagged.
    assert news["sentences_flagged"] <= 0.1, rates
    assert ptc["sentences_flagged"] >= 1.4 * news["sentences_flagged"], rates


def test_persuasion_token_run_is_snapped_to_whole_words() -> None:
    # Spans came out as "-called neo" and "“great success" on real pages.
    from newsprism.stages.persuasion import _snap

    text = "These so-called neo-liberal plans were a “great success” for them."
    s = text.index("-called")
    a, b = _snap(text, s, s + len("-called neo"))
    assert text[a:b] == "so-called neo-liberal"
    s = text.index("“great")
    a, b = _snap(text, s, s + len("“great success"))
    assert text[a:b] == "great success"
    s = text.index("“great")
    a, b = _snap(text, s, text.index("”") + 1)
    assert text[a:b] == "“great success”"


def test_persuasion_function_words_alone_are_not_flagged() -> None:
    from newsprism.stages.persuasion import _function_words_only, tokenize

    assert _function_words_only(tokenize("that's how"))
    assert not _function_words_only(tokenize("how absurd"))


def test_label_span_was_its_head_noun_alone() -> None:
    # A labelling cue stood as a span of its head noun ("stooges"); the label is the phrase
    # with its modifiers ("second-rate stooges"), and stops at a determiner or function word.
    from newsprism.stages.persuasion import detect, label_start

    for text, cue, want in (
        ("Karsk paid its second-rate stooges in Vesnia.", "stooges", "second-rate stooges"),
        ("Vesnia called them treacherous puppets of the west.", "puppets", "treacherous puppets"),
        ("These so-called experts were wrong.", "experts", "so-called experts"),
        ("He said extremists did it.", "extremists", "extremists"),
        ("A crowd of 15 extremists gathered.", "extremists", "extremists"),
    ):
        i = text.index(cue)
        assert text[label_start(text, i) : i + len(cue)] == want, text
    text = "The ministry says Karsk pays second-rate stooges in Vesnia."
    found = {text[d.start : d.end] for d in detect(text, [(0, len(text))], precise=True) if d.technique == "name_calling"}
    assert "second-rate stooges" in found, found


def test_label_predicated_of_a_named_target_takes_in_the_target() -> None:
    # "Karsk is the arch-criminal" had been flagged as "arch-criminal" alone: the span now says
    # who is labelled. A pronoun, or a label not predicated, keeps the label alone.
    from newsprism.stages.persuasion import detect, label_target_start

    for text, label, want in (
        ("The world would be calmer. The Karsk Council is the arch-criminal of the region.", "arch-criminal", "The Karsk Council is the arch-criminal"),
        ("Everyone knows Vell is a traitor.", "traitor", "Vell is a traitor"),
        ("He is a traitor.", "traitor", "traitor"),
        ("They paid a traitor.", "traitor", "traitor"),
    ):
        i = text.index(label)
        floor = text.rfind(". ", 0, i) + 2 if ". " in text[:i] else 0
        assert text[label_target_start(text, i, floor) : i + len(label)] == want, text
    text = "The ministry said so. Karsk is the arch-criminal of the region."
    found = {text[d.start : d.end] for d in detect(text, [(0, 21), (22, len(text))], precise=True) if d.technique == "name_calling"}
    assert "Karsk is the arch-criminal" in found, found
