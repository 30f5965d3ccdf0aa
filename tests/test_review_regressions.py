"""Regressions a review of the 2026-12-06 evening changes found (issues #20-#23), each named after
what broke; every name and sentence is invented."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import article_from_lines
from newsprism.actor_spans import resegment
from newsprism.actorkb import actor_kb
from newsprism.article import Article, Entity, Span
from newsprism.clean import classify_text
from newsprism.stages.events import extract_events
from newsprism.stages.metadata import make_metadata


def _events(sentence: str, names: dict[str, tuple[str, str]]) -> list[Any]:
    from test_events import _article

    return extract_events(_article(sentence, {k: v for k, v in names.items() if k in sentence}))


NAMES = {"Vesnia": ("vesnia", "GPE"), "Dorland": ("dorland", "GPE"), "Ada Smith": ("ada-smith", "PERSON"), "Jon Jones": ("jon-jones", "PERSON")}


@pytest.mark.issue(21)
def test_review_plural_noun_after_a_verb_is_no_habitual_present() -> None:
    assert _events("Vesnia launched attacks on Dorland.", NAMES)
    assert [e.plover for e in _events("Vesnia returned to talks with Dorland.", NAMES)] == ["CONSULT"]


@pytest.mark.issue(21)
def test_review_no_inside_another_phrase_negates_nothing() -> None:
    assert [e.plover for e in _events("Vesnia attacked no fewer than five Dorland towns.", NAMES)] == ["ASSAULT"]
    assert [e.plover for e in _events("A suspect with no known ties to Vesnia attacked Dorland.", NAMES)] == ["ASSAULT"]


@pytest.mark.issue(21)
def test_review_a_name_in_a_fronted_phrase_is_no_agent() -> None:
    got = _events("Unlike Ada Smith, the mayor, a Democrat, criticized Jon Jones.", NAMES)
    assert all("ada-smith" not in e.actors for e in got)


@pytest.mark.issue(21)
def test_review_a_victim_before_a_verb_is_no_modifier_of_the_attack() -> None:
    assert all("dorland" not in e.actors for e in _events("Dorland survived the attack.", NAMES))


@pytest.mark.issue(22)
def test_review_a_participle_opening_a_title_keeps_the_speaker() -> None:
    from newsprism.stages.quotes import extract_quotes
    from test_quotes import make, one

    q = one(extract_quotes(make("“We will not leave the harbour,” outgoing President Orin Valde said on Monday.")), "not leave")
    assert q.speaker == "orin-valde"


@pytest.mark.issue(20)
def test_review_after_in_a_persons_surname_stays_the_person() -> None:
    from newsprism.stages.nlp import load_model
    from test_actors import actor_of, make

    art = make(load_model(), "Senator Jane Velk won the primary on Tuesday.", "Many voters have lost faith in Velk since then.")
    assert actor_of(art, "Velk", 1) == actor_of(art, "Jane Velk")


@pytest.mark.issue(23)
def test_review_a_short_tagline_does_not_end_the_title_search() -> None:
    text = "Local news that matters.\nCouncil closes harbour bridge\nThe council closed the harbour bridge on Monday after engineers found cracks in two of its supports."
    roles = [ln.role for ln in classify_text(text)]
    assert roles[1] == "title"


@pytest.mark.issue(23)
def test_review_us_in_capitals_is_no_reader_and_a_short_last_sentence_stays() -> None:
    head = "Harbour farmers get relief"
    para = "The harbour authority said on Monday that it would pay farmers for the losses of the spring floods."
    us_line = "US farmers who signed up for the federal crop insurance programme last year will receive their first payments in May, the agency said on Tuesday."
    last = "The mayor declined to comment on the cost."
    lines = classify_text("\n".join([head, "", para, "", us_line, "", last]))
    text = "\n".join([head, "", para, "", us_line, "", last])
    roles = {text[ln.start : ln.end]: ln.role for ln in lines}
    assert roles[us_line] == "body" and roles[last] == "body"


@pytest.mark.issue(20)
def test_review_a_known_place_opening_a_title_name_and_a_legal_form() -> None:
    rows = [("title", "Jordan Velk Wins Primary"), ("blank", ""), ("body", "Velk thanked voters. The firm adidas AG said nothing.")]
    art = article_from_lines(rows)
    for text, label in (("Jordan Velk Wins", "PERSON"), ("Velk", "PERSON"), ("adidas AG", "ORG")):
        s = art.raw_text.index(text)
        art.entities.append(Entity(Span.of(art.raw_text, s, s + len(text)), label))
    got = [(e.span.text, e.label) for e in resegment(art, actor_kb())]
    assert ("Jordan", "GPE") not in got
    assert ("adidas AG", "ORG") in got


@pytest.mark.issue(23)
def test_review_a_headline_in_capitals_names_no_outlet_by_house_style() -> None:
    art: Article = article_from_lines([("title", "SOCCER - USA TODAY FACE HONDURAS IN QUALIFIER ."), ("body", "The match starts at noon, the federation said on Friday.")])
    assert make_metadata()(art).outlet is None
