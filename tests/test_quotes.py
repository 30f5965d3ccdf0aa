"""The quotes stage: marks, attribution frames, speakers, dates, statements, and the corpus link."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import article_from_lines
from newsprism import settings as np_settings
from newsprism.article import Actor, ActorMention, Article, DateMention, DateRange, Dossier, Quote, Span
from newsprism.pipeline import Pipeline
from newsprism.registry import get_stage
from newsprism.stages import quotes as Q
from newsprism.stages.quotes import extract_quotes, link_quotes, quote_pairs

pytestmark = pytest.mark.issue(5)

PEOPLE = {
    "Pak Jong Chon": ("pak-jong-chon", "PERSON"),
    "Kim Jong Un": ("kim-jong-un", "PERSON"),
    "Shin Won-sik": ("shin-won-sik", "PERSON"),
    "Jane Calloway": ("person-jane-calloway", "PERSON"),
    "Russian Embassy in Pyongyang": ("org-russian-embassy", "ORG"),
    "Korean Central News Agency": ("kcna", "ORG"),
    "Radio Free Europe/Radio Liberty": ("rfe-rl", "ORG"),
    "North Korea": ("north-korea", "GPE"),
    "Seoul": ("south-korea", "GPE"),
    "Russia": ("russia", "GPE"),
}
SHORT = {"Pak": "pak-jong-chon", "Kim": "kim-jong-un", "Shin": "shin-won-sik", "Calloway": "person-jane-calloway"}


def make(*body: str, title: str = "A headline", published: str | None = "2024-03-01", dates: dict[str, str] | None = None, art_id: str = "a1") -> Article:
    """A hand-made article: body lines, actor mentions found by name, dates given by text."""
    rows = [("title", title), ("blank", "")]
    for b in body:
        rows += [("body", b), ("blank", "")]
    art = article_from_lines(rows)
    art.id = art_id
    if published:
        art.published = DateRange(published, published, 1.0, "given")
    raw = art.raw_text
    taken: list[tuple[int, int]] = []
    mentions = []
    for name, (aid, _) in sorted(PEOPLE.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(name), raw):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            kind = "metonym" if name == "Seoul" else "name"
            mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), aid, kind))
    for name, aid in SHORT.items():
        for m in re.finditer(rf"\b{name}\b", raw):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), aid, "short"))
    for m in re.finditer(r"\bthe embassy\b", raw):
        mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), "org-russian-embassy", "description"))
    art.mentions = sorted(mentions, key=lambda m: m.span.start)
    used = {m.actor for m in art.mentions}
    art.actors = [Actor(aid, name, typ) for name, (aid, typ) in PEOPLE.items() if aid in used]
    for text, day in (dates or {}).items():
        i = raw.index(text)
        art.dates.append(DateMention(Span.of(raw, i, i + len(text)), DateRange(day, day, 0.9, f"'{text}'"), type="DATE"))
    return art


def one(quotes: list[Quote], text: str) -> Quote:
    hits = [q for q in quotes if text in q.span.text]
    assert len(hits) == 1, [q.span.text for q in quotes]
    return hits[0]


# ----------------------------------------------------------------------------- marks


def test_quotes_marks_pair_straight_curly_and_keep_nested_inside() -> None:
    text = 'He said "yes" and “no ‘maybe’ here” and \'single\'.'
    pairs, left = quote_pairs(text)
    assert left is None
    assert [text[p.open + 1 : p.close] for p in pairs] == ["yes", "no ‘maybe’ here", "single"]


def test_quotes_marks_apostrophes_are_not_marks() -> None:
    text = "The country’s leader said the soldiers’ pay and the ’90s don't matter."
    pairs, left = quote_pairs(text)
    assert pairs == [] and left is None


def test_quotes_marks_closing_mark_typed_as_opening_still_pairs() -> None:
    text = "Russia fights for ”just cause” now"
    pairs, _ = quote_pairs(text)
    assert [text[p.open + 1 : p.close] for p in pairs] == ["just cause"]


def test_quotes_marks_unclosed_quote_is_refused() -> None:
    pairs, left = quote_pairs("Kim said “this never closes and the page goes on.")
    assert pairs == [] and left is not None
    art = make("Kim Jong Un said “this never closes and the page goes on for a long while.", "Another paragraph follows here.")
    assert extract_quotes(art) == []


# ----------------------------------------------------------------------------- direct quotes


def test_quotes_direct_after_quote_with_apposition_medium_and_date() -> None:
    art = make(
        "“If the rulers persist, it will provoke a stronger response,” Pak Jong Chon, vice chairman of the "
        "Central Military Commission, said in a statement carried by the Korean Central News Agency on Monday.",
        dates={"Monday": "2024-02-26"},
    )
    q = one(extract_quotes(art), "rulers persist")
    assert q.kind == "direct"
    assert q.span.text == "If the rulers persist, it will provoke a stronger response"
    assert art.raw_text[q.span.start : q.span.end] == q.span.text
    assert (q.speaker, q.speaker_text, q.cue) == ("pak-jong-chon", "Pak Jong Chon", "said")
    assert q.medium == "statement carried by the Korean Central News Agency"
    assert (q.date.earliest, q.date.latest) == ("2024-02-26", "2024-02-26")
    assert q.date_span is not None and q.date_span.text == "Monday"


def test_quotes_split_around_attribution_are_two_quotes_by_one_speaker() -> None:
    art = make("“The situation is changing rapidly,” Kim said. “In this situation, we intend to act.”")
    qs = extract_quotes(art)
    assert [q.span.text for q in qs] == ["The situation is changing rapidly", "In this situation, we intend to act."]
    assert {q.speaker for q in qs} == {"kim-jong-un"}
    assert all(q.kind == "direct" for q in qs)


def test_quotes_cue_before_quote_and_cue_first_after_quote() -> None:
    art = make(
        "Pak further said, “It is our right to defend our security from hostile forces.”",
        "“We will not stand aside while this goes on,” said Jane Calloway, a senior analyst.",
    )
    qs = extract_quotes(art)
    assert one(qs, "our right").speaker == "pak-jong-chon"
    q = one(qs, "stand aside")
    assert (q.speaker, q.speaker_text) == ("person-jane-calloway", "Jane Calloway")


def test_quotes_pronoun_speaker_skips_names_inside_quotes() -> None:
    art = make(
        "Jane Calloway spoke to the crowd for an hour on the campaign trail.",
        "“Kim Jong Un and Pak Jong Chon will never win this argument,” she said.",
    )
    q = one(extract_quotes(art), "never win")
    assert q.speaker_text == "she"
    assert q.speaker == "person-jane-calloway"
    assert q.speaker_ref is not None and q.speaker_ref.text == "Jane Calloway"


def test_quotes_continuation_paragraph_keeps_the_speaker() -> None:
    art = make(
        "“We are pleased with the support we have received,” the Russian Embassy in Pyongyang said.",
        "“Russia will win and this will be a shared victory for all of us.”",
    )
    qs = extract_quotes(art)
    assert one(qs, "Russia will win").speaker == "org-russian-embassy"


def test_quotes_multi_paragraph_quote_runs_on() -> None:
    art = make(
        "“We will stand together with the army and people of Russia,” Kim said. “And this is only the start",
        "“of a long struggle that we will win together with our friends.”",
    )
    qs = extract_quotes(art)
    assert {q.speaker for q in qs} == {"kim-jong-un"}
    assert any(q.span.text.startswith("And this is only the start") for q in qs)


# ----------------------------------------------------------------------------- partial and names


def test_quotes_partial_quote_takes_the_clause_subject() -> None:
    art = make("Last week, North Korean leader Kim Jong Un expressed “full support” for the war and pledged more.")
    q = one(extract_quotes(art), "full support")
    assert (q.kind, q.speaker, q.cue) == ("partial", "kim-jong-un", "expressed")


def test_quotes_partial_inside_a_participle_frame() -> None:
    art = make("North Korea has supported the invasion, calling it a “righteous struggle to defend its security.”")
    q = one(extract_quotes(art), "righteous struggle")
    assert (q.kind, q.speaker, q.cue) == ("partial", "north-korea", "calling")


def test_quotes_titles_terms_and_scare_quotes_are_not_quotes() -> None:
    art = make(
        "The leaders signed the “Treaty on Comprehensive Strategic Partnership” in Pyongyang.",
        "The so-called “special military operation” began in 2022.",
        "The plan was “bold” by any standard.",
    )
    assert extract_quotes(art) == []


def test_quotes_quote_inside_a_statement_is_not_a_new_quote() -> None:
    art = make(
        "The following press statement was issued by Kim Jong Un on 27 January 2023.",
        "The USA has made a ‘special contribution’ to instigating the crisis by providing weapons.",
        "I express serious concern over the escalation and strongly denounce it.",
        "We will always stand in the same trench with the people of Russia.",
        dates={"27 January 2023": "2023-01-27"},
    )
    qs = extract_quotes(art)
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "statement"
    assert q.speaker == "kim-jong-un"
    assert q.span.text.startswith("The USA has made") and q.span.text.endswith("people of Russia.")
    assert (q.date.earliest, q.date.latest) == ("2023-01-27", "2023-01-27")
    assert q.medium == "press statement"


# ----------------------------------------------------------------------------- indirect speech


def test_quotes_indirect_zero_that_and_metonym_speaker() -> None:
    art = make("The message came a few days after Seoul said North Korea has sent some 6,700 containers to Russia.")
    q = one(extract_quotes(art), "6,700")
    assert (q.kind, q.speaker, q.speaker_text, q.cue) == ("indirect", "south-korea", "Seoul", "said")
    assert q.span.text == "North Korea has sent some 6,700 containers to Russia"


def test_quotes_indirect_told_journalists_with_date_and_nested_same_speaker() -> None:
    art = make(
        "South Korea’s defense minister Shin Won-sik told journalists on Tuesday that judging by the number "
        "of containers; he estimates that millions of rounds have been delivered to Russia.",
        dates={"Tuesday": "2024-02-27"},
    )
    qs = extract_quotes(art)
    assert len(qs) == 1, [q.span.text for q in qs]
    q = qs[0]
    assert q.span.text == "millions of rounds have been delivered to Russia"
    assert q.speaker == "shin-won-sik"
    assert (q.date.earliest, q.date.latest) == ("2024-02-27", "2024-02-27")


def test_quotes_indirect_noted_that_and_accused_of() -> None:
    art = make(
        "Shin Won-sik noted that only about 30% of the factories are operational.",
        "Jane Calloway has publicly accused Russia of trying to cover up evidence of the deployments.",
        "Jane Calloway criticized Russia for its policy.",
    )
    qs = extract_quotes(art)
    assert one(qs, "30%").speaker == "shin-won-sik"
    acc = one(qs, "cover up")
    assert (acc.kind, acc.cue, acc.speaker) == ("indirect", "accused", "person-jane-calloway")
    assert not [q for q in qs if "its policy" in q.span.text]  # "for NP" is no proposition


def test_quotes_inverted_and_according_to() -> None:
    art = make(
        "The campaign decided to change course to avoid treatment by doctors, a source said.",
        "According to the Korean Central News Agency, the launch was a success for the country.",
    )
    qs = extract_quotes(art)
    q = one(qs, "change course")
    assert (q.speaker_text, q.cue, q.speaker) == ("a source", "said", None)
    q = one(qs, "launch was")
    assert q.speaker == "kcna" and q.cue == "according to"


def test_quotes_via_relay_and_partial_after_that() -> None:
    art = make(
        "As reported by Radio Free Europe/Radio Liberty, Kim Jong Un announced that “the army and people "
        "will invariably support the just cause of the Russian Army.”"
    )
    q = one(extract_quotes(art), "invariably")
    assert q.via == "Radio Free Europe/Radio Liberty"
    assert q.speaker == "kim-jong-un"
    assert q.kind == "partial"


def test_quotes_only_body_lines_are_read() -> None:
    art = make("Nothing quoted in the body of this article.", title="Kim: “We will win this war for sure”")
    rows = [("body", "x")]
    assert rows
    assert extract_quotes(art) == []


def test_quotes_without_a_publication_date_the_date_is_unknown() -> None:
    art = make("“We will always stand together with you,” Kim said.", published=None)
    q = one(extract_quotes(art), "stand together")
    assert q.date.earliest is None and q.date.latest is None


def test_quotes_publication_date_is_the_fallback_with_less_confidence() -> None:
    art = make("“We will always stand together with you,” Kim said.")
    q = one(extract_quotes(art), "stand together")
    assert (q.date.earliest, q.date.latest) == ("2024-03-01", "2024-03-01")
    assert q.date.confidence <= 0.5


# ----------------------------------------------------------------------------- records, stage, corpus


def test_quotes_record_round_trips_through_json() -> None:
    art = make("“The situation is changing rapidly,” Kim said on Monday.", dates={"Monday": "2024-02-26"})
    q = extract_quotes(art)[0]
    back = Quote.from_dict(json.loads(json.dumps(q.as_dict())))
    assert back == q


def test_quotes_stage_is_registered_and_picklable() -> None:
    meta = get_stage("newsprism.quotes.v1")
    assert meta.kind == "article" and "article.quotes" in meta.assigns
    assert get_stage("newsprism.quotes.corpus.v1").kind == "corpus"
    fn = meta.factory(**meta.defaults)
    art = fn(make("“The situation is changing rapidly,” Kim said."))
    assert pickle.loads(pickle.dumps(art)).quotes == art.quotes
    names = list(Pipeline().names)
    assert names.index("newsprism.quotes.v1") > names.index("newsprism.actors.v1")
    assert names.index("newsprism.quotes.v1") > names.index("newsprism.timex.v1")
    assert names.index("newsprism.quotes.corpus.v1") > names.index("newsprism.actors.corpus.v1")


def test_quotes_corpus_links_the_same_quote_across_articles_and_fills_the_dossier() -> None:
    a = make("“We will always stand together with the Russian army and people,” Pak said.", art_id="a")
    b = make("Pak Jong Chon said: “We will always stand together with the Russian army and people.”", art_id="b")
    c = make("“Something else entirely was said here by someone,” Kim said.", art_id="c")
    for art in (a, b, c):
        art.quotes = extract_quotes(art)
    dossier = Dossier(articles=[a, b, c])
    get_stage("newsprism.quotes.corpus.v1").factory()(dossier)
    assert len(dossier.quotes) == 3
    groups = {q.article: q.group for q in dossier.quotes}
    assert groups["a"] == groups["b"] != groups["c"]


def test_quotes_link_blocks_by_shingles_not_all_pairs() -> None:
    qs = [Quote(f"a{i}", Span(0, 10, f"unique words number {i} here and there"), "direct") for i in range(300)]
    groups = link_quotes(qs)
    assert len(set(groups.values())) == 300


def test_quotes_corpus_rereads_the_speaker_after_actors_merge() -> None:
    art = make("“We will always stand together with the Russian army and people,” Pak said.", art_id="a")
    art.quotes = extract_quotes(art)
    assert art.quotes[0].speaker == "pak-jong-chon"
    # The actors corpus stage rewrote the mention ids to a merged actor.
    art.mentions = [ActorMention(m.span, "merged-pak" if m.actor == "pak-jong-chon" else m.actor, m.kind) for m in art.mentions]
    art.actors = [Actor("merged-pak", "Pak Jong Chon", "PERSON")]
    q = Q.refresh(art, art.quotes[0])
    assert q.speaker == "merged-pak" and q.speaker_name == "Pak Jong Chon"


def test_quotes_user_data_file_extends_the_verbs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reporting_verbs.json").write_text(json.dumps({"verbs": {"speech": ["harrumph"]}}), encoding="utf-8")
    monkeypatch.setattr(np_settings, "USER_DATA_DIR", tmp_path)
    Q.lexicon.cache_clear()
    try:
        art = make("“That is not how we do things here,” Jane Calloway harrumphed.")
        q = one(extract_quotes(art), "not how")
        assert (q.speaker, q.cue) == ("person-jane-calloway", "harrumphed")
    finally:
        Q.lexicon.cache_clear()


# ----------------------------------------------------------------------------- properties

MARKY = st.lists(
    st.sampled_from([*"ab C.,;:!?-—'\"“”‘’«» ", " said ", " Kim ", " he ", " that ", " told ", "Pak Jong Chon", " according to "]),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKY, st.text(max_size=120)), min_size=1, max_size=6))
def test_quotes_never_crash_and_spans_lie_inside_raw_text(lines: list[str]) -> None:
    body = [ln.replace("\n", " ").replace("\r", " ") or "x" for ln in lines]
    art = make(*body)
    for q in extract_quotes(art):
        assert 0 <= q.span.start <= q.span.end <= len(art.raw_text)
        assert art.raw_text[q.span.start : q.span.end] == q.span.text
        for sp in (q.speaker_span, q.speaker_ref, q.date_span):
            if sp is not None:
                assert art.raw_text[sp.start : sp.end] == sp.text
        assert q.kind in ("direct", "partial", "indirect", "statement")


def test_quotes_quoted_statement_after_an_intro_is_a_direct_quote_of_its_author() -> None:
    art = make(
        "When the war began, Kim Jong Un released the following statement:",
        "“We will always stand together with the people of Russia until the very end of this struggle.”",
    )
    qs = extract_quotes(art)
    q = one(qs, "stand together")
    assert (q.kind, q.speaker) == ("direct", "kim-jong-un")
