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
from newsprism.stages.nlp import analyse
from newsprism.stages.quotes import extract_quotes, link_quotes, quote_pairs

pytestmark = pytest.mark.issue(5)

PEOPLE = {
    "Orin Valde": ("orin-valde", "PERSON"),
    "Ada Rusk": ("ada-rusk", "PERSON"),
    "Halvard Oske": ("halvard-oske", "PERSON"),
    "Jane Calloway": ("person-jane-calloway", "PERSON"),
    "Vesnian Embassy in Korvath": ("org-vesnian-embassy", "ORG"),
    "Vesnian Central News Service": ("vcns", "ORG"),
    "Radio Meridian/Radio Coast": ("radio-meridian", "ORG"),
    "Vesnia": ("vesnia", "GPE"),
    "Karsk": ("dralmont", "GPE"),
    "Morvane": ("morvane", "GPE"),
}
SHORT = {"Valde": "orin-valde", "Rusk": "ada-rusk", "Oske": "halvard-oske", "Calloway": "person-jane-calloway"}


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
            kind = "metonym" if name == "Karsk" else "name"
            mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), aid, kind))
    for name, aid in SHORT.items():
        for m in re.finditer(rf"\b{name}\b", raw):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), aid, "short"))
    for m in re.finditer(r"\bthe embassy\b", raw):
        mentions.append(ActorMention(Span.of(raw, m.start(), m.end()), "org-vesnian-embassy", "description"))
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
    text = "The town’s mayor said the workers’ wages and the ’80s don't count."
    pairs, left = quote_pairs(text)
    assert pairs == [] and left is None


def test_quotes_marks_closing_mark_typed_as_opening_still_pairs() -> None:
    text = "Morvane argues for ”fair terms” today"
    pairs, _ = quote_pairs(text)
    assert [text[p.open + 1 : p.close] for p in pairs] == ["fair terms"]


def test_quotes_marks_unclosed_quote_is_refused() -> None:
    pairs, left = quote_pairs("Rusk said “this mark stays open and the line runs on.")
    assert pairs == [] and left is not None
    art = make("Ada Rusk said “this mark stays open and the line runs on for quite some time.", "A further paragraph comes next.")
    assert extract_quotes(art) == []


# ----------------------------------------------------------------------------- direct quotes


def test_quotes_direct_after_quote_with_apposition_medium_and_date() -> None:
    art = make(
        "“If the ministers delay again, it will invite a sharper reply,” Orin Valde, deputy head of the "
        "Northern Harbour Council, said in a written statement carried by the Vesnian Central News Service on Monday.",
        dates={"Monday": "2024-02-26"},
    )
    q = one(extract_quotes(art), "ministers delay")
    assert q.kind == "direct"
    assert q.span.text == "If the ministers delay again, it will invite a sharper reply"
    assert art.raw_text[q.span.start : q.span.end] == q.span.text
    assert (q.speaker, q.speaker_text, q.cue) == ("orin-valde", "Orin Valde", "said")
    assert q.medium == "written statement carried by the Vesnian Central News Service"
    assert (q.date.earliest, q.date.latest) == ("2024-02-26", "2024-02-26")
    assert q.date_span is not None and q.date_span.text == "Monday"


def test_quotes_split_around_attribution_are_two_quotes_by_one_speaker() -> None:
    art = make("“The weather is turning quickly,” Rusk said. “Given the weather, we plan to wait.”")
    qs = extract_quotes(art)
    assert [q.span.text for q in qs] == ["The weather is turning quickly", "Given the weather, we plan to wait."]
    assert {q.speaker for q in qs} == {"ada-rusk"}
    assert all(q.kind == "direct" for q in qs)


def test_quotes_cue_before_quote_and_cue_first_after_quote() -> None:
    art = make(
        "Valde further said, “It is our duty to guard the harbour from careless ships.”",
        "“We will not stay silent while this continues,” said Jane Calloway, a senior analyst.",
    )
    qs = extract_quotes(art)
    assert one(qs, "our duty").speaker == "orin-valde"
    q = one(qs, "stay silent")
    assert (q.speaker, q.speaker_text) == ("person-jane-calloway", "Jane Calloway")


def test_quotes_pronoun_speaker_skips_names_inside_quotes() -> None:
    art = make(
        "Jane Calloway spoke to the crowd for an hour on the campaign trail.",
        "“Ada Rusk and Orin Valde will never win this argument,” she said.",
    )
    q = one(extract_quotes(art), "never win")
    assert q.speaker_text == "she"
    assert q.speaker == "person-jane-calloway"
    assert q.speaker_ref is not None and q.speaker_ref.text == "Jane Calloway"


def test_quotes_continuation_paragraph_keeps_the_speaker() -> None:
    art = make(
        "“We are grateful for the welcome we have found here,” the Vesnian Embassy in Korvath said.",
        "“Morvane will prosper and this will be a shared harvest for every one of us.”",
    )
    qs = extract_quotes(art)
    assert one(qs, "Morvane will prosper").speaker == "org-vesnian-embassy"


def test_quotes_multi_paragraph_quote_runs_on() -> None:
    art = make(
        "“We will work side by side with the farmers and towns of Morvane,” Rusk said. “And this is only the start",
        "“of a long season that we will finish together with our neighbours.”",
    )
    qs = extract_quotes(art)
    assert {q.speaker for q in qs} == {"ada-rusk"}
    assert any(q.span.text.startswith("And this is only the start") for q in qs)


# ----------------------------------------------------------------------------- partial and names


def test_quotes_partial_quote_takes_the_clause_subject() -> None:
    art = make("Last week, Vesnian leader Ada Rusk expressed “firm backing” for the canal project and promised more.")
    q = one(extract_quotes(art), "firm backing")
    assert (q.kind, q.speaker, q.cue) == ("partial", "ada-rusk", "expressed")


def test_quotes_partial_inside_a_participle_frame() -> None:
    art = make("Vesnia has backed the canal project, calling it a “worthy effort to secure its water supply.”")
    q = one(extract_quotes(art), "worthy effort")
    assert (q.kind, q.speaker, q.cue) == ("partial", "vesnia", "calling")


def test_quotes_titles_terms_and_scare_quotes_are_not_quotes() -> None:
    art = make(
        "The ministers signed the “Accord on Shared River Management” in Korvath.",
        "The so-called “quiet harbour plan” started in 2019.",
        "The design was “daring” by any measure.",
    )
    assert extract_quotes(art) == []


def test_quotes_quote_inside_a_statement_is_not_a_new_quote() -> None:
    art = make(
        "The following press statement was released by Ada Rusk on 14 March 2021.",
        "Dralmont has made a ‘generous contribution’ to prolonging the dispute by closing the locks.",
        "I voice deep unease over the delay and firmly reject it.",
        "We will always keep to the same riverbank as the people of Morvane.",
        dates={"14 March 2021": "2021-03-14"},
    )
    qs = extract_quotes(art)
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "statement"
    assert q.speaker == "ada-rusk"
    assert q.span.text.startswith("Dralmont has made") and q.span.text.endswith("people of Morvane.")
    assert (q.date.earliest, q.date.latest) == ("2021-03-14", "2021-03-14")
    assert q.medium == "press statement"


# ----------------------------------------------------------------------------- indirect speech


def test_quotes_indirect_zero_that_and_metonym_speaker() -> None:
    art = make("The letter arrived a few weeks after Karsk said Vesnia has shipped some 4,250 crates to Morvane.")
    q = one(extract_quotes(art), "4,250")
    assert (q.kind, q.speaker, q.speaker_text, q.cue) == ("indirect", "dralmont", "Karsk", "said")
    assert q.span.text == "Vesnia has shipped some 4,250 crates to Morvane"


def test_quotes_indirect_content_ends_at_a_wires_note() -> None:
    # A Yonhap lead ran "... on Korean Peninsula(ATTN: ADDS comment, figures in final 3 paras)".
    art = make("Karsk said Vesnia would hold drills near Morvane (ATTN: ADDS comment, figures in final 3 paras).")
    q = one(extract_quotes(art), "drills")
    assert q.kind == "indirect" and q.span.text == "Vesnia would hold drills near Morvane"


def test_quotes_a_demonym_inside_the_speakers_modifiers_does_not_speak() -> None:
    # "The head of allied forces based in the South said ..." was quoted as the United States.
    art = make('The commander of Vesnian forces based in the region said Monday that Morvane "does more than answer provocations" along the coast.')
    i = art.raw_text.index("Vesnian")
    art.mentions = sorted([*art.mentions, ActorMention(Span.of(art.raw_text, i, i + 7), "vesnia", "demonym")], key=lambda m: m.span.start)
    art.actors.append(Actor("vesnia", "Vesnia", "GPE"))
    assert all(q.speaker != "vesnia" for q in extract_quotes(art))


def test_quotes_indirect_told_journalists_with_date_and_nested_same_speaker() -> None:
    art = make(
        "Dralmont’s transport minister Halvard Oske told reporters on Tuesday that judging by the count "
        "of barges; he estimates that thousands of tonnes have been shipped to Morvane.",
        dates={"Tuesday": "2024-02-20"},
    )
    qs = extract_quotes(art)
    assert len(qs) == 1, [q.span.text for q in qs]
    q = qs[0]
    assert q.span.text == "thousands of tonnes have been shipped to Morvane"
    assert q.speaker == "halvard-oske"
    assert (q.date.earliest, q.date.latest) == ("2024-02-20", "2024-02-20")


def test_quotes_indirect_noted_that_and_accused_of() -> None:
    art = make(
        "Halvard Oske noted that only about 40% of the mills are running.",
        "Jane Calloway has openly accused Morvane of trying to hide records of the shipments.",
        "Jane Calloway criticized Morvane for its policy.",
    )
    qs = extract_quotes(art)
    assert one(qs, "40%").speaker == "halvard-oske"
    acc = one(qs, "hide records")
    assert (acc.kind, acc.cue, acc.speaker) == ("indirect", "accused", "person-jane-calloway")
    assert not [q for q in qs if "its policy" in q.span.text]  # "for NP" is no proposition


def test_quotes_inverted_and_according_to() -> None:
    art = make(
        "The committee chose to change direction to avoid review by auditors, a source said.",
        "According to the Vesnian Central News Service, the harvest was a record for the region.",
    )
    qs = extract_quotes(art)
    q = one(qs, "change direction")
    assert (q.speaker_text, q.cue, q.speaker) == ("a source", "said", None)
    q = one(qs, "harvest was")
    assert q.speaker == "vcns" and q.cue == "according to"


def test_quotes_via_relay_and_partial_after_that() -> None:
    art = make(
        "As reported by Radio Meridian/Radio Coast, Ada Rusk announced that “the farmers and towns "
        "will steadfastly back the fair claim of the Morvanian fleet.”"
    )
    q = one(extract_quotes(art), "steadfastly")
    assert q.via == "Radio Meridian/Radio Coast"
    assert q.speaker == "ada-rusk"
    assert q.kind == "partial"


@pytest.mark.issue(22)
def test_quotes_title_and_body_lines_are_read_not_furniture() -> None:
    """The title is read since 2026-12-07's sixth session (PolNeAR annotates "Kasich: ‘We Are
    Going To ...’" and "Trump Says He Never Pledged ..."); captions and boilerplate are not."""
    art = make("Nothing quoted in the body of this article.", title="Rusk: “We will finish this canal for sure”")
    (q,) = extract_quotes(art)
    assert q.speaker == "ada-rusk" and q.span.text.startswith("We will finish")
    rows = [
        ("title", "Canal works resume"),
        ("blank", ""),
        ("caption", "Rusk: “We will finish this canal for sure,” the poster reads in a photo."),
        ("blank", ""),
        ("boilerplate", "Rusk says “subscribe to our newsletter for more canal news today”"),
        ("blank", ""),
        ("body", "Nothing quoted in the body of this article."),
    ]
    assert extract_quotes(article_from_lines(rows)) == []


def test_quotes_without_a_publication_date_the_date_is_unknown() -> None:
    art = make("“We will always keep faith with you,” Rusk said.", published=None)
    q = one(extract_quotes(art), "keep faith")
    assert q.date.earliest is None and q.date.latest is None


def test_quotes_publication_date_is_the_fallback_with_less_confidence() -> None:
    art = make("“We will always keep faith with you,” Rusk said.")
    q = one(extract_quotes(art), "keep faith")
    assert (q.date.earliest, q.date.latest) == ("2024-03-01", "2024-03-01")
    assert q.date.confidence <= 0.5


# ----------------------------------------------------------------------------- records, stage, corpus


def test_quotes_record_round_trips_through_json() -> None:
    art = make("“The weather is turning quickly,” Rusk said on Monday.", dates={"Monday": "2024-02-26"})
    q = extract_quotes(art)[0]
    back = Quote.from_dict(json.loads(json.dumps(q.as_dict())))
    assert back == q


def test_quotes_stage_is_registered_and_picklable() -> None:
    meta = get_stage("newsprism.quotes.v1")
    assert meta.kind == "article" and "article.quotes" in meta.assigns
    assert get_stage("newsprism.quotes.corpus.v1").kind == "corpus"
    fn = meta.factory(**meta.defaults)
    art = fn(make("“The weather is turning quickly,” Rusk said."))
    assert pickle.loads(pickle.dumps(art)).quotes == art.quotes
    names = list(Pipeline().names)
    assert names.index("newsprism.quotes.v1") > names.index("newsprism.actors.v1")
    assert names.index("newsprism.quotes.v1") > names.index("newsprism.timex.v1")
    assert names.index("newsprism.quotes.corpus.v1") > names.index("newsprism.actors.corpus.v1")


def test_quotes_corpus_links_the_same_quote_across_articles_and_fills_the_dossier() -> None:
    a = make("“We will always remain beside the Morvanian farmers and towns,” Valde said.", art_id="a")
    b = make("Orin Valde said: “We will always remain beside the Morvanian farmers and towns.”", art_id="b")
    c = make("“Something quite different was said here by somebody,” Rusk said.", art_id="c")
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
    art = make("“We will always remain beside the Morvanian farmers and towns,” Valde said.", art_id="a")
    art.quotes = extract_quotes(art)
    assert art.quotes[0].speaker == "orin-valde"
    # The actors corpus stage rewrote the mention ids to a merged actor.
    art.mentions = [ActorMention(m.span, "merged-valde" if m.actor == "orin-valde" else m.actor, m.kind) for m in art.mentions]
    art.actors = [Actor("merged-valde", "Orin Valde", "PERSON")]
    q = Q.refresh(art, art.quotes[0])
    assert q.speaker == "merged-valde" and q.speaker_name == "Orin Valde"


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
    st.sampled_from([*"ab C.,;:!?-—'\"“”‘’«» ", " said ", " Rusk ", " he ", " that ", " told ", "Orin Valde", " according to "]),
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
        "When the flood began, Ada Rusk released the following statement:",
        "“We will keep working beside the people of Morvane until the last field along the river is dry.”",
    )
    qs = extract_quotes(art)
    q = one(qs, "keep working")
    assert (q.kind, q.speaker) == ("direct", "ada-rusk")


def test_quotes_state_media_is_a_speaker_not_a_cue() -> None:
    # "state" is a reporting verb too: ", state media reported Monday" made "state" the cue and
    # "media reported Monday" the speaker of an inverted attribution.
    art = make(
        "The leader toured a new paper mill in the western province, state media reported Monday.",
        "Two factories opened on the coast, state television said.",
        dates={"Monday": "2024-02-26"},
    )
    qs = extract_quotes(art)
    mill = one(qs, "paper mill")
    assert (mill.speaker_text, mill.cue) == ("state media", "reported")
    coast = one(qs, "factories opened")
    assert (coast.speaker_text, coast.cue) == ("state television", "said")
    assert not any(q.cue == "state" for q in qs)


def test_quotes_bare_verb_as_a_cue_still_works() -> None:
    qs = extract_quotes(make("Analysts state that the plan will fail.", "The talks will resume next week, said the foreign minister."))
    assert one(qs, "plan will fail").cue == "state"
    assert one(qs, "talks will resume").speaker_text == "the foreign minister"


def test_quotes_speaker_stops_at_a_dateline_dash() -> None:
    # A round-up glues items: "... Pyongyang SEOUL -- North Korean leader ..." made the city
    # names part of the speaker.
    art = make("Dec. 28 -- Crowds gathered in the square. Velgrad HARBOUR CITY -- Anton Krell told the troops that they would be honored.")
    q = one(extract_quotes(art), "would be honored")
    assert q.speaker_text == "Anton Krell"


def test_quotes_headline_glued_to_a_dateline_is_not_reported_speech() -> None:
    # A round-up runs each item's headline into its dateline and lead on one line; the model
    # read "headline CITY -- lead ..., state media reported" as one sentence, so the headline
    # and the dateline became the content of the report.
    art = make(
        "Dec. 4 -- Leader opens new paper mill in west HARBOUR CITY -- The leader of Vesnia opened a paper mill on Tuesday, state media reported."
    )
    analyse([art])  # the sentences: the nlp stage splits at the dateline inside the line
    assert any(s.text.startswith("HARBOUR CITY --") for s in art.sentences)
    q = one(extract_quotes(art), "opened a paper mill")
    assert q.span.text.startswith("The leader of Vesnia opened")
    assert "HARBOUR CITY" not in q.span.text


def test_quotes_a_quoted_code_is_not_speech() -> None:
    art = make("The leader was seen beside a truck marked “7•27 0001” at the parade, officials said.")
    assert not any("0001" in q.span.text and q.kind in ("direct", "partial") for q in extract_quotes(art))


def test_quotes_broadcast_caption_glued_to_its_sound_bite_is_a_direct_quote() -> None:
    # A broadcaster's transcript prints a sound bite under an on-screen caption ("Name / role"),
    # without quotation marks; the page lost its line breaks, so caption and words ran together
    # ("leaderOur forces") and the speaker's words were read as the outlet's own.
    art = make(
        "[LEAD]Vesnia held a parade on Tuesday.[REPORT]The leader of Vesnia watched the parade."
        "Orin Valde / Vesnian leaderOur forces grow stronger every year. Every unit trained hard."
        "Families of soldiers attended the event.Prof. Ada Rusk / Professor, Karsk UniversityIt looks like a show of strength."
    )
    analyse([art])
    texts = [s.text for s in art.sentences]
    assert "Orin Valde / Vesnian leader" in texts and "Prof. Ada Rusk / Professor, Karsk University" in texts
    assert not any("[LEAD]" in t or "[REPORT]" in t for t in texts)
    quotes = extract_quotes(art)
    q = one(quotes, "Our forces")
    assert (q.kind, q.speaker, q.cue, q.medium) == ("direct", "orin-valde", "caption", "broadcast")
    assert q.span.text == "Our forces grow stronger every year. Every unit trained hard."
    assert one(quotes, "show of strength").speaker == "ada-rusk"
    assert not any("Families" in q.span.text for q in quotes)


def test_quotes_broadcast_caption_on_its_own_line_takes_the_next_paragraph() -> None:
    art = make("The leader spoke at the parade.", "Orin Valde / Vesnian leader", "Our forces grow stronger every year.", "The parade ended at noon.")
    analyse([art])
    quotes = extract_quotes(art)
    assert [(q.span.text, q.speaker) for q in quotes] == [("Our forces grow stronger every year.", "orin-valde")]


def test_quotes_slash_inside_a_sentence_is_no_caption() -> None:
    art = make("Orin Valde / Ada Rusk signed the accord in Karsk on Tuesday.", "The accord takes effect next year.")
    analyse([art])
    assert not any(q.cue == "caption" for q in extract_quotes(art))


def test_quotes_opening_mark_glued_after_a_full_stop_starts_the_next_sentence() -> None:
    # 'Valde said, adding that the deal was done.“Although I ...,” Valde wrote.' — the sentence
    # split after the mark, so the quote lost its opening and came out a partial of "adding".
    art = make("The deal was signed, Orin Valde said, adding that both sides agreed.“Although I had doubts, I think this deal is good,” Valde wrote.")
    analyse([art])
    assert any(s.text.startswith("“Although") for s in art.sentences)
    q = one(extract_quotes(art), "Although I had doubts")
    assert (q.kind, q.cue, q.speaker) == ("direct", "wrote", "orin-valde")


def test_quotes_a_mediums_apposition_is_not_the_content() -> None:
    art = make("Orin Valde said in a post on his website, a news portal, that Ada Rusk had written to him.")
    q = one(extract_quotes(art), "had written")
    assert q.span.text == "Ada Rusk had written to him" and q.medium == "post on his website"


def test_quotes_a_spokesperson_for_an_organisation_speaks_for_it() -> None:
    # "A spokesperson for the ... ministry said" had no speaker: an organisation after "for"
    # modifies the head noun, but a spokesperson's words are the organisation's.
    art = make(
        "A spokesperson for the Vesnian Embassy in Korvath said the visit would go ahead.",
        "The wife of Orin Valde said the family was well.",
    )
    quotes = extract_quotes(art)
    q = one(quotes, "the visit would go ahead")
    assert q.speaker == "org-vesnian-embassy" and q.speaker_text == "A spokesperson for the Vesnian Embassy in Korvath"
    assert one(quotes, "the family was well").speaker is None  # a wife does not speak for her husband


def test_quotes_zero_that_content_opening_on_any_word_before_an_auxiliary() -> None:
    # "The minister said local officials should call ..." was no quote: the content
    # of a cue without "that" had to open on a determiner or a pronoun.
    quotes = extract_quotes(make("Orin Valde said local election officials should call the ministry.", "Ada Rusk says too much is made of the dispute."))
    assert one(quotes, "local election officials").span.text == "local election officials should call the ministry"
    assert one(quotes, "too much").speaker == "ada-rusk"
    # An object is still no content: "said goodbye to his staff" has no auxiliary.
    assert extract_quotes(make("Orin Valde said goodbye to his staff on Friday.")) == []


def test_quotes_prepositional_adjunct_between_cue_and_that_is_skipped() -> None:
    # "X said during a rally in Karsk that ...", "says at a stop in Karsk, Vesnia, that ..."
    quotes = extract_quotes(make(
        "Orin Valde said during a rally in Karsk that the border would stay open.",
        "Ada Rusk says at a campaign stop in Karsk, Vesnia, that the plan will work.",
    ))
    assert one(quotes, "border").span.text == "the border would stay open"
    assert one(quotes, "plan").span.text == "the plan will work"


def test_quotes_relative_that_or_participle_after_an_adjunct_is_not_content() -> None:
    # '"...," Rusk told reporters after the meeting that was held on a boat': a relative clause;
    # '"...," she said at a news conference announcing that ...': the participle's own content.
    quotes = extract_quotes(make(
        "“We are in a critical situation,” Ada Rusk told reporters after the meeting that was held on a boat.",
        "“We will get there together,” Orin Valde said at a news conference announcing that the ministry would sue.",
    ))
    assert one(quotes, "critical situation").speaker == "ada-rusk"
    assert not any(q.span.text.startswith("was held") for q in quotes)
    assert one(quotes, "get there together").speaker == "orin-valde"


def test_quotes_concessive_clause_with_its_own_cue_keeps_both_reports() -> None:
    # "Rusk said the ministry planned ..., though she admitted it might not happen":
    # the inner frame of the same speaker replaced the outer one, and the plan was lost.
    quotes = extract_quotes(make("Ada Rusk said the ministry planned to reopen the border crossing, though she admitted it might not happen soon."))
    assert one(quotes, "planned").span.text == "the ministry planned to reopen the border crossing"
    assert one(quotes, "might not").span.text == "it might not happen soon"
    assert {q.speaker for q in quotes} == {"ada-rusk"}


def test_quotes_according_to_a_possessive_medium_is_the_possessors() -> None:
    # "..., according to her Telegram post" had no speaker: "her Telegram post" names no actor.
    q = one(extract_quotes(make("Ada Rusk visited the plant on Monday.", "The vase was a gift from the mayor of Karsk, according to her Telegram post.")), "vase")
    assert (q.speaker, q.medium, q.cue) == ("ada-rusk", "Telegram post", "according to")


def test_quotes_signed_with_a_dash_are_the_signers() -> None:
    # A vox pop printed each reader's words as "“...” ― Name": all twenty were unattributed, and
    # the one after a name the model did not type a person took the previous reader's name.
    art = make(
        "Readers told us what they thought of the debate on Monday night.",
        "“The debate showed who he really is, and I did not like what I saw.” ― Ada Rusk",
        "“I cannot believe the party chose him after all of this time.” -- Halvard Oske, 45, Tucson.",
        "“Nobody in my family will vote for him in November, not one of us.” ― the neighbours next door",
        "“The debate was a long night for all of us who watched it.” ― Pella Quist",
        "“The debate was a long night for those of us who watched it.” — Jane Calloway, a teacher",
    )
    quotes = extract_quotes(art)
    got = [(q.speaker, q.speaker_text, q.cue) for q in quotes]
    assert got[0] == ("ada-rusk", "Ada Rusk", "sign-off")
    assert got[1] == ("halvard-oske", "Halvard Oske", "sign-off")
    assert got[2][0] is None  # no name: unattributed, never the previous reader
    assert got[3][0] is None  # a name that is no person of the article: unattributed too
    assert got[4] == ("person-jane-calloway", "Jane Calloway", "sign-off")


def test_quotes_parenthetical_attribution_and_contracted_clauses_are_indirect_speech() -> None:
    # PolNeAR's training articles: "Many of the closures, he said, have involved ..." and "He said
    # he'd build a border wall" gave no record (the clause after a contraction had no finite verb).
    art = make(
        "Orin Valde spoke to workers in Karsk on Monday.",
        "Many of the port closures, Valde said, have involved the older docks.",
        "Valde said he'd reopen the docks within a year.",
        "In Karsk, Valde said, the talks would resume.",
    )
    got = [(q.speaker, q.kind, q.span.text) for q in extract_quotes(art)]
    assert ("orin-valde", "indirect", "Many of the port closures") in got
    assert ("orin-valde", "indirect", "have involved the older docks") in got
    assert ("orin-valde", "indirect", "he'd reopen the docks within a year") in got
    assert ("orin-valde", "indirect", "the talks would resume") in got
    assert not any(t == "In Karsk" for *_, t in got)  # two words before the attribution: a place, no words of his


def test_quotes_according_to_a_source_no_actor_names_and_in_mid_sentence() -> None:
    # PolNeAR's training articles: "..., according to a CNN tally" and "..., according to FEC
    # filings" gave nothing (no actor), nor "X, according to Valde, was Y".
    art = make(
        "The mayor has won 758 pledged delegates, according to a regional party tally.",
        "At the heart of the trouble, according to Orin Valde, was a decision to close the docks.",
    )
    got = [(q.speaker, q.speaker_text, q.span.text) for q in extract_quotes(art)]
    assert (None, "a regional party tally", "The mayor has won 758 pledged delegates") in got
    assert ("orin-valde", "Orin Valde", "At the heart of the trouble") in got
    assert ("orin-valde", "Orin Valde", "was a decision to close the docks") in got


def test_quotes_transcript_turns_are_the_labelled_persons_and_staff_turns_no_ones() -> None:
    # Broadcast transcripts print each turn after its speaker's name in capitals; the words had no
    # speaker, and the host's questions would have been anyone's.
    art = make(
        "Orin Valde joined the program on Tuesday to talk about the accord.",
        "STEVE ROE, HOST: Minister, is the accord good for the country?",
        "ORIN VALDE: I think it is a good accord, and we will sign it next week.",
        "VALDE: The votes are there, and the council knows it.",
        "UNIDENTIFIED MAN: We want answers now, not next week.",
        "KARSK: The accord was signed on Monday in the capital.",
    )
    quotes = extract_quotes(art)
    assert [(q.speaker, q.cue, q.kind) for q in quotes] == [("orin-valde", "transcript", "direct")] * 2
    assert quotes[0].span.text == "I think it is a good accord, and we will sign it next week."
    assert not any("Minister" in q.span.text or "answers" in q.span.text for q in quotes)


def test_quotes_reports_inside_a_staff_turn_or_a_labelled_note_are_still_read() -> None:
    art = make(
        "ANCHOR: Orin Valde said on Monday that the accord would be signed next week.",
        "UPDATE: Ada Rusk said the border would stay open through the winter.",
    )
    quotes = extract_quotes(art)
    assert one(quotes, "accord would be signed").speaker == "orin-valde"
    assert one(quotes, "border would stay open").speaker == "ada-rusk"


def test_quotes_a_photo_credit_is_no_caption() -> None:
    # "Jane Roe / Reuters" under a photo is a credit: the paragraph after it is not her sound bite.
    for credit in ("Orin Valde / Reuters", "Orin Valde / Getty Images", "Orin Valde / AFP"):
        art = make(credit, "The ministry said the border would reopen in the spring after repairs.")
        analyse([art])
        assert not any(q.cue == "caption" for q in extract_quotes(art)), credit


def test_quotes_an_editors_note_gives_no_quote() -> None:
    art = make("EDITOR'S NOTE: An earlier version of this report misstated that Ada Rusk had given to the fund.")
    assert extract_quotes(art) == []


@pytest.mark.issue(20)
def test_quotes_she_said_between_two_people_of_unknown_gender_is_unattributed() -> None:
    """Regression: "she said" went to the nearest person whatever the gender. With two people who
    fit and nothing saying which is a woman, the speaker is null, its text kept."""
    art = make("Ada Rusk met Halvard Oske in Harlow on Monday.", "“We will not sign this week,” she said.")
    q = one(extract_quotes(art), "not sign")
    assert q.speaker is None and (q.speaker_text or "").lower() == "she"
    # The text says who is a man ("the union's chairman"): "she" is the one woman it can be.
    art = make("Ms. Ada Rusk met the union's chairman, Halvard Oske, in Harlow on Monday.", "“We will not sign this week,” she said.")
    q = one(extract_quotes(art), "not sign")
    assert q.speaker == "ada-rusk"


@pytest.mark.issue(20)
def test_quotes_speaker_is_never_an_honorific_alone() -> None:
    """Regression (an analyst's reading of untuned output): "Mr. Oske, noting that ..., added:
    “...”" gave the speaker text "Mr", cut at the honorific's full stop."""
    art = make("Mr. Halvard Oske, noting that the vote was close, added: “We are concerned about the turnout in Karsk.”")
    q = one(extract_quotes(art), "concerned about")
    assert q.speaker == "halvard-oske" and (q.speaker_text or "").startswith("Mr. Halvard Oske")


@pytest.mark.issue(20)
def test_quotes_pronoun_speaker_says_why_it_names_someone_or_no_one() -> None:
    """#20: a pronoun speaker is resolved only with agreement, and the dossier says where and why."""
    art = make(
        "Jane Calloway spoke to the crowd for an hour on the campaign trail.",
        "“We will not sign this deal,” she said.",
    )
    q = one(extract_quotes(art), "sign this deal")
    assert q.speaker == "person-jane-calloway"
    assert q.speaker_evidence and "Jane Calloway" in q.speaker_evidence and "nearest" in q.speaker_evidence
    assert q.as_dict()["speaker_evidence"] == q.speaker_evidence
    assert Quote.from_dict(q.as_dict()).speaker_evidence == q.speaker_evidence
    two = make("Orin Valde met Halvard Oske on Monday.", "“The talks went well,” he said.")
    q = one(extract_quotes(two), "talks went well")
    assert q.speaker is None
    assert q.speaker_evidence and "unresolved" in q.speaker_evidence and "Orin Valde" in q.speaker_evidence


@pytest.mark.issue(22)
def test_quotes_clause_where_the_speaker_stands_names_no_actor() -> None:
    """Read on PolNeAR (tune split): "White America embracing Obama" became the speaker Barack
    Obama. A clause with its object where the speaker stands keeps the quote, names no actor."""
    art = make("“This was a surprise to everyone in town,” White Harbour embracing Orin Valde said on Monday.")
    q = one(extract_quotes(art), "surprise to everyone")
    assert q.speaker is None


@pytest.mark.issue(22)
def test_quotes_manner_of_speaking_cues_name_the_speaker() -> None:
    """Read on PolNeAR's training articles: quotes framed by "mocks", "answers", "echoed:" were left
    without a speaker though the frame names one (tune split; test's speaker accuracy 0.947 ->
    0.952 with these verbs). Verbs of action as much as speech ("retaliated", "hit back", "shot
    back") are left out: "Rebels shelled the port, the army retaliated" reports no words (review)."""
    art = make(
        "“They are all here for the free ferry tickets,” Valde mocked with a laugh.",
        "“Vesnia will always be Vesnia,” an angry Rusk answered.",
        "Oske echoed:",
        "“The harbour has to stay open for every ship, whatever flag it flies.”",
    )
    qs = extract_quotes(art)
    assert one(qs, "free ferry").speaker == "orin-valde"
    assert one(qs, "always be").speaker == "ada-rusk"
    assert one(qs, "stay open").speaker == "halvard-oske"


@pytest.mark.issue(22)
def test_quotes_sloppy_attributions_keep_their_speaker() -> None:
    """Read on PolNeAR's training articles: a closing mark glued to the next word (',”Valde said')
    paired as an opening one and the quote was lost; a bare attribution after a quote closed by a
    full stop (“... ship.” Valde said.) was a sentence of its own; "said Ada Rusk when asked" read
    "asked" as the later cue and gave no speaker."""
    for body, who in (
        ("“I hope the harbour stays open for every ship,”Valde said.", "orin-valde"),
        ("“I hope the harbour stays open for every ship.” Valde said on Monday.", "orin-valde"),
        ("“I hope the harbour stays open for every ship,” said harbour worker Ada Rusk when asked about it.", "ada-rusk"),
    ):
        qs = extract_quotes(make(body))
        assert [q.speaker for q in qs if "harbour stays open" in q.span.text] == [who], body
    # A new report after a quote closed by a full stop stays a sentence of its own.
    qs = extract_quotes(make("“The harbour is closed.” Valde said the talks would resume on Friday with the union."))
    assert any(q.kind == "indirect" and "talks would resume" in q.span.text for q in qs), [(q.kind, q.span.text) for q in qs]


@pytest.mark.issue(22)
def test_review_sloppy_attribution_rules_keep_what_was_right() -> None:
    """Review: a closing glyph after a colon opened nothing (said:”...” was lost); "Valde said later
    the ferries would run" after a quote was taken for a bare attribution; a bare attribution took
    a quote its own sentence already attributed; an action verb made a quote."""
    qs = extract_quotes(make("Valde said:”The harbour will stay open for every ship, whatever flag it flies.”"))
    assert [q.speaker for q in qs if "stay open" in q.span.text] == ["orin-valde"]
    qs = extract_quotes(make("“The harbour is closed.” Valde said later the ferries would run again by June."))
    assert any(q.kind == "indirect" and "ferries would run" in q.span.text for q in qs), [(q.kind, q.span.text) for q in qs]
    qs = extract_quotes(make("Rusk said: “The harbour is closed to every ship.” Valde said on Monday."))
    assert [q.speaker for q in qs if "closed to every ship" in q.span.text] == ["ada-rusk"]
    assert not extract_quotes(make("Rebels shelled the port of Vesnia overnight, the army retaliated."))


@pytest.mark.issue(22)
def test_review_speaker_ends_where_a_clause_of_its_own_begins() -> None:
    """Review: "said a docker while Rusk looked on" gave the quote to Rusk, named in the later clause."""
    qs = extract_quotes(make("“We will not go back until the cranes are safe,” said a docker while Rusk looked on."))
    q = one(qs, "cranes are safe")
    assert q.speaker != "ada-rusk" and "Rusk" not in (q.speaker_text or "")


@pytest.mark.issue(22)
def test_review_a_state_or_party_tag_after_a_name_is_no_speaker(tmp_path: Path) -> None:
    """An analyst's review of untuned PolNeAR (dev): "Mitch McConnell, R-Ky., said" gave the
    speaker "R-Ky", "Johnnie Wilson, of Springfield, Va., said" the speaker "Va", and "Donna
    Sampson Rawlings, 59, of Ashton, Md., who watched ..., said" the speaker "Md"."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Senate overrides the veto\n"
        "\u201cOur assumption is that the veto will be overridden,\u201d Senate Majority Leader Tomas Velk, R-Ky., said Tuesday.\n"
        "Jonah Wilmer, of Springfield, Va., said he had fought in the war \u201cfor the nation's rights.\u201d\n"
        "Dana Sampson Rawl, 59, of Ashton, Md., who watched the ceremony on a screen, said the event brought back memories.\n"
        "\u201cThis is wrong,\u201d said Rep. Elia Cummer, D-Md., on Tuesday.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    got = {q.speaker_text or "" for q in d.quotes}
    assert got == {"Dana Sampson Rawl", "Jonah Wilmer", "Rep. Elia Cummer", "Senate Majority Leader Tomas Velk"}


@pytest.mark.issue(22)
def test_review_pronoun_speakers_an_analyst_found_wrong(tmp_path: Path) -> None:
    """An analyst's review of untuned PolNeAR (dev): "African-Americans, he said, can ''rock like
    Jimi''" gave the quote to African-Americans; after "House Speaker Paul Ryan, ..., (a sentence
    of 300 characters) ... believes McConnell is correct", "“...,” he said" went to McConnell;
    after "the lighted figure of Abraham Lincoln", "he said" went to Lincoln. The speaker set
    between commas says it; two people of two sentences however long leave "he" unresolved; a
    person inside another thing's phrase is no speaker's antecedent."""
    from newsprism.pipeline import run

    long = "despite admitting that he did have his concerns about lawyers trying to get rich and general legal matters that could be worrisome, said the victims need their day in court, and " * 2
    (tmp_path / "a.txt").write_text(
        "The museum opens\n"
        "Tomas Varga opened the museum on Saturday.\n"
        "Members of the choir, he said, can \u201crock like nobody else\u201d in the city.\n"
        "\u201cOur assumption is that the veto will be overridden,\u201d Senate leader Dario Kell said Tuesday.\n"
        f"House Speaker Paul Renn, {long}he does believe Kell is correct about the override.\n"
        "\u201cI do think the votes are there for the override,\u201d he said.\n"
        "Behind Varga stood the lighted figure of Abraham Lincoln.\n"
        "\u201cWe will walk away more in love with this country,\u201d he said.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    by_words = {q.span.text[:12]: q for q in d.quotes}
    assert by_words["rock like no"].speaker_text == "he"
    assert by_words["I do think t"].speaker is None and "Paul Renn" in (by_words["I do think t"].speaker_evidence or "")
    assert by_words["We will walk"].speaker is None


@pytest.mark.issue(22)
def test_review_interposed_speakers_and_pronoun_rivals_do_not_misfire(tmp_path: Path) -> None:
    """A review of the rules above on made-up sentences: the speaker set between commas took a
    partial quote of another clause ("The bill, he said, was “a disgrace,” but McConnell called it
    “our best shot”") and a quote of the person named before it ("Trump, Schumer said, had called
    the deal “a total disaster”"); after "Mark Delvecchio, who owns four pizzerias, said ...",
    "“...,” he said" lost him to a rival named earlier in his own sentence; "R-South Carolina"
    was still a speaker."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Senate health bill\n"
        "Sen. Jon Merrick spoke on Tuesday. The health bill, he said, was \u201ca disgrace,\u201d but Majority Leader Dario Kell called it \u201cour best shot.\u201d\n"
        "Sen. Chuck Sorel spoke too. Trump, Sorel said, had called the deal \u201ca total disaster.\u201d\n"
        "Less than a week after Gov. Andrew Coyne signed a bill raising the minimum wage, Mark Delvecchio, who owns four pizzerias in the Bronx, said he had already cut hours.\n"
        "\u201cI don't have a choice,\u201d he said, adding that the bill would cost him dearly this year.\n"
        "Sen. Lindsey Gray, R-South Carolina, said the deal was bad for the farmers of her state and for the country.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    names = {a.id: a.name for a in d.actors}
    by = {q.span.text[:12]: names.get(q.speaker or "") for q in d.quotes}
    assert by.get("our best sho") != "Jon Merrick"
    assert by["a total disa"] == "Donald Trump"
    assert by["I don't have"] == "Mark Delvecchio"
    assert {q.speaker_text for q in d.quotes if q.span.text.startswith("the deal was bad")} == {"Sen. Lindsey Gray"}


@pytest.mark.issue(22)
def test_indirect_speech_polnear_tune_misses_are_read(tmp_path: Path) -> None:
    """Reported speech PolNeAR's tune articles annotate and the stage missed (2026-12-07, sixth
    session): a clause whose subject holds a name or runs past four words ("said much of his talk
    with Varga was ..."), a bare plural subject ("says millions lost ..."), "Later he said", a
    weekday after the addressee ("told reporters Thursday that"), an addressee of several words
    ("told a TV interviewer that"), a speaker after the cue with a chain of appositions, "A and
    says B" (both kept), and a speaker phrase whose head noun has three modifiers."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Port talks resume\n"
        "Tomas Varga met the dockers' union in Karsk on Monday, and Lena Marr of the harbour board joined them.\n"
        "Marr said much of her discussion with Varga was about wages.\n"
        "Varga says thousands lost their jobs because of the closures. He says the obvious answer was to reopen the yards and says he sent a plan to do that.\n"
        "Later he said members of the Harbour Board shouldn\u2019t weigh in on the union vote.\n"
        "Board spokesman Piet Ankar told reporters Thursday that the board has no plans to meet the union.\n"
        "Ankar told a local radio host that the talks would go on.\n"
        "The union also posts the same notice at every gate, said Rosa Venn, the director of the Dockers Trust, which tracks port jobs.\n"
        "The veteran harbour union organiser says a strike that used to last days now lasts hours.\n"
        "Marr wrote a plan to do that.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    got = {q.span.text: q.speaker_text for q in d.quotes if q.kind == "indirect"}
    assert got["much of her discussion with Varga was about wages"] == "Marr"
    assert got["thousands lost their jobs because of the closures"] == "Varga"
    assert got["the obvious answer was to reopen the yards"] == "He"
    assert got["he sent a plan to do that"] == "He"
    assert got["members of the Harbour Board shouldn\u2019t weigh in on the union vote"] == "he"
    assert got["the board has no plans to meet the union"] == "Board spokesman Piet Ankar"
    assert got["the talks would go on"] == "Ankar"
    assert got["The union also posts the same notice at every gate"] == "Rosa Venn"
    assert got["a strike that used to last days now lasts hours"] == "The veteran harbour union organiser"
    assert "a plan to do that" not in got  # "to do" is no finite verb: a plan is written, nothing said


@pytest.mark.issue(22)
def test_naming_verbs_report_what_the_speaker_called_something(tmp_path: Path) -> None:
    """"X called Y “Z”", "calling them Z", "described Y as Z" are what X said of Y (PolNeAR
    annotates them); a naming verb that names nothing is none: "called for", "called a news
    conference", "called him back", "described how", "likely to describe her as", a group
    "called" something."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour row deepens\n"
        "The harbour dispute went on for a third week in Karsk.\n"
        "Tomas Varga called the board\u2019s statement \u201coffensive and outlandish.\u201d\n"
        "Lena Marr answered the critics of the plan, calling them cowards and vowing to go on.\n"
        "Rosa Venn called him a kind, loving and admirable man.\n"
        "Piet Ankar described the deal as a \u201cwork in progress\u201d and referred to Varga as a stubborn negotiator.\n"
        "Marr called for the resignation of the board. Ankar called a news conference on Monday. Venn called him back later.\n"
        "Varga described how the vote went. Dockers appeared more likely to describe her as honest.\n"
        "A group called Friends of the Harbour said the yards must stay open.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    named = {q.span.text: q.speaker_text for q in d.quotes if q.cue and q.cue.startswith(("call", "describ", "referr"))}
    assert named.get("them cowards") == "Lena Marr"
    assert named.get("him a kind, loving and admirable man") == "Rosa Venn"
    assert named.get("the deal as a \u201cwork in progress\u201d") == "Piet Ankar"
    assert named.get("Varga as a stubborn negotiator") == "Piet Ankar"
    assert any(q.span.text.startswith("offensive and outlandish") and q.speaker_text == "Tomas Varga" for q in d.quotes)
    texts = " | ".join(q.span.text for q in d.quotes)
    for wrong in ("the resignation", "a news conference", "him back", "how the vote", "her as honest"):
        assert wrong not in texts, texts
    assert any(q.span.text == "the yards must stay open" and q.speaker_text == "A group called Friends of the Harbour" for q in d.quotes)


@pytest.mark.issue(22)
def test_a_bare_verb_form_after_a_singular_noun_is_no_cue(tmp_path: Path) -> None:
    """"..., even with a court order." read "a court" as a speaker of "order" once "court" was a
    speaker noun: a bare form cannot follow a singular subject ("a court orders"), though it can
    follow "officials", "police", "I", "critics of X", "nine in 10 voters" and an auxiliary ("he
    did say")."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour data\n"
        "A trickier issue is the encryption used by the port, which blocks access even with a court order.\n"
        "Critics of Varga say the port was badly run. The police say the gates were open.\n"
        "Nine in 10 dockers say the yards should stay open. Tomas Varga did say the talks had failed.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    spoken = {q.span.text: q.speaker_text for q in d.quotes}
    assert not any("encryption" in t for t in spoken), spoken
    assert spoken.get("the port was badly run") == "Critics of Varga"
    assert spoken.get("the gates were open") == "The police"
    assert spoken.get("the talks had failed") == "Tomas Varga"


@pytest.mark.issue(22)
def test_writers_gloss_is_not_the_speakers_words(tmp_path: Path) -> None:
    """On a seed page a group's allegation ran on into the writer's gloss after a dash ("... – a
    claim that both capitals have denied"): the gloss is the writer's, not the group's."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour jobs\nThe dispute went on for a third week in Karsk.\n"
        "Lena Marr said the yards employ 2,000 people, a figure the board disputes.\n"
        "Tomas Varga said the gates were shut on Monday \u2013 a claim that the union has denied.\n",
        encoding="utf-8",
    )
    got = {q.speaker_text: q.span.text for q in run([tmp_path]).quotes}
    assert got["Lena Marr"] == "the yards employ 2,000 people"
    assert got["Tomas Varga"] == "the gates were shut on Monday"


@pytest.mark.issue(22)
def test_headline_attributions_in_title_case(tmp_path: Path) -> None:
    """Titles in title case, read since 2026-12-07's sixth session: a capitalised verb of saying
    is a cue there ("Varga Says He Never ..."), not before a preposition ("Things Dockers Said In
    2015"); a speaker read back from a colon ends before "On" or a capitalised verb ("Rosa Venn On
    The Strike:", "Lena Marr Calls ..."), and a phrase too long for a name is none."""
    from newsprism.pipeline import run

    body = "\n\nThe harbour dispute went on for a third week in Karsk, where Tomas Varga, Rosa Venn and Lena Marr met.\n"
    for i, title in enumerate(
        (
            "Tomas Varga Says He Never Pledged To Close The Yards",
            "Rosa Venn On The Strike: \u2018We Will Win This Fight\u2019",
            "Lena Marr Calls The Board\u2019s Plan \u2018Troubling\u2019",
            "The Twelve Most Striking Things Dockers Said In 2015 About The Port",
            "Karsk Elects A Harbour Master Who Once Mocked Dockers: \u2018Lazy Crews\u2019",
        )
    ):
        (tmp_path / f"{i}.txt").write_text(title + body, encoding="utf-8")
    got = {q.span.text: q.speaker_text for q in run([tmp_path]).quotes}
    assert got.get("He Never Pledged To Close The Yards") == "Tomas Varga"
    assert got.get("We Will Win This Fight") == "Rosa Venn"
    assert got.get("Troubling") == "Lena Marr"
    assert not any(t.startswith("In 2015") for t in got), got
    assert got.get("Lazy Crews") is None, got


@pytest.mark.issue(22)
def test_an_act_committed_to_or_asked_for_is_what_was_said(tmp_path: Path) -> None:
    """"vowed to ban night shifts", "urged the board to resign", "asked Congress to approve ..."
    (PolNeAR annotates them; the stage refused every infinitive): the act, with its addressee; not
    in the passive ("was ordered to leave"), not a plea in court ("pleaded guilty to", "pleaded to
    witness tampering"), not "in order to", not "asked for X because ...", and the act ends where
    the sentence's main clause begins."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour row\n\nThe dispute went on for a third week in Karsk.\n\n"
        "Tomas Varga vowed to ban night shifts at the yards.\n\n"
        "Lena Marr urged the board to resign over the closures.\n\n"
        "The minister asked Congress to approve the funds for the port.\n\n"
        "He pleaded with the judge to give him a fair sentence.\n\n"
        "Varga was ordered to leave the meeting. Rosa Venn pleaded guilty to taking bribes and pleaded to witness tampering.\n\n"
        "Marr told viewers about her job in order to show there was no conflict. Venn asked for the meeting because she wanted to settle.\n\n"
        "Although the workers vowed to keep the yards open all winter, the board has closed two of them.\n",
        encoding="utf-8",
    )
    got = {q.span.text: q.speaker_text for q in run([tmp_path]).quotes}
    assert got.get("to ban night shifts at the yards") == "Tomas Varga"
    assert got.get("the board to resign over the closures") == "Lena Marr"
    assert got.get("Congress to approve the funds for the port") == "The minister"
    assert got.get("with the judge to give him a fair sentence") == "He"
    assert got.get("to keep the yards open all winter") == "the workers"
    texts = " | ".join(got)
    for wrong in ("to leave the meeting", "taking bribes", "witness tampering", "to show there", "because she wanted"):
        assert wrong not in texts, texts


@pytest.mark.issue(22)
def test_review_naming_and_headline_rules_do_not_misfire(tmp_path: Path) -> None:
    """A review of the naming, title and zero-"that" rules on made-up sentences (2026-12-07, sixth
    session) found false quotes: "called him after the vote" (phoned), "called the police an hour
    after", "called it a day", "dismissed his chief of staff as the scandal grew", "was referred to
    hospital as a precaution", "referred to the plan as early as 2019", "said nothing about",
    "said a prayer for the man who lost ...", "told the story of ...", headlines with an object
    ("Company Announces Layoffs As Sales Drop") or a label before a colon ("Karsk Floods: ‘...’",
    "Analysis: ‘...’"), a second speaker's clause inside the first's ("Marr says A and Varga says
    B"), a supposed saying ("If Varga says it, it is true"); and lost "told his aides the workers
    ... would be paid" and "heard Varga say he had ...". Each now as a reader would have it."""
    from newsprism.pipeline import run

    intro = "Tomas Varga, the mayor of Karsk, and Lena Marr, the head of the dockworkers' union, met in Karsk on Monday."
    body = [
        "Varga called him after the vote to offer his support.",
        "Neighbours called the police an hour after the shots were heard.",
        "After 30 years in the job, Varga called it a day.",
        "Varga dismissed his chief of staff as the scandal grew.",
        "Marr was referred to hospital as a precaution.",
        "Varga first referred to the plan as early as 2019.",
        "Varga said nothing about the cuts.",
        "Marr said a prayer for the man who lost his life in the fire.",
        "Varga told the story of the night the mine fell silent.",
        "Marr says the talks failed and Varga says they never began.",
        "If Varga says it, it is true for the whole town.",
        "Varga told his aides the workers at the port would be paid.",
        "The court heard Varga say he had never seen the money.",
        "The union dismissed the offer as an insult.",
    ]
    (tmp_path / "body.txt").write_text("Harbour talks\n\n" + intro + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    for i, title in enumerate(("Company Announces Layoffs As Sales Drop", "Karsk Floods: \u2018We Lost Everything\u2019", "Analysis: \u2018Nobody Wins This Strike\u2019")):
        (tmp_path / f"t{i}.txt").write_text(f"{title}\n\n{intro}\n\nThe dispute went on for a third week.\n", encoding="utf-8")
    got = {q.span.text: q.speaker_text for q in run([tmp_path]).quotes}
    texts = " | ".join(got)
    for wrong in ("him after", "the police an hour", "it a day", "chief of staff", "hospital", "as early as", "nothing about",
                  "a prayer", "the story of", "Layoffs", "it is true", "Varga says they never"):
        assert wrong not in texts, (wrong, texts)
    assert got.get("We Lost Everything") is None and got.get("Nobody Wins This Strike") is None, got
    assert got.get("the talks failed") == "Marr" and got.get("they never began") == "Varga"
    assert got.get("the workers at the port would be paid") == "Varga"
    assert got.get("he had never seen the money") == "Varga"
    assert got.get("the offer as an insult") == "The union"


@pytest.mark.issue(22)
def test_quote_mode_says_what_a_record_reports_and_claims_respect_it(tmp_path: Path) -> None:
    """``Quote.mode``: an act committed to or asked for, a question, a naming, or (None) a claim.
    A figure inside an act ordered or pledged is asserted by no speaker (a review of the figures
    gold: "a federal judge ordered the State Department to release an additional 15,000 emails"
    became the judge's figure); "the Saudis state" is plural (a plural in -is was read singular)."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour row\n\nThe dispute went on for a third week in Karsk.\n\n"
        "Tomas Varga vowed to ban night shifts at the yards.\n\n"
        "Lena Marr asked whether the yards would reopen before winter.\n\n"
        "Rosa Venn called the plan a disgrace.\n\n"
        "Varga said the yards had lost money for years.\n\n"
        "A federal judge ordered the port authority to release an additional 15,000 documents.\n\n"
        "\u201cThe port is one of the busiest in the region,\u201d the Saudis state in the paper.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    modes = {q.span.text: q.mode for q in d.quotes}
    assert modes["to ban night shifts at the yards"] == "act"
    assert modes["whether the yards would reopen before winter"] == "question"
    assert modes["the plan a disgrace"] == "naming"
    assert modes["the yards had lost money for years"] is None
    assert d.quotes[0].as_dict()["mode"] == "act"
    (fig,) = [c for c in d.claims if c.value == 15000]
    assert fig.asserted_by is None
    assert any(q.speaker_text == "the Saudis" and q.span.text.startswith("The port is one") for q in d.quotes)


@pytest.mark.issue(22)
def test_analyst_pronoun_speakers_on_untuned_text(tmp_path: Path) -> None:
    """An analyst's reading of eight untuned PolNeAR dev texts (2026-12-07, sixth session) found
    one quote in eight given to the wrong person, mostly pronouns: "He said that Clinton's ..."
    given to Clinton (no gender known for her: the text's own "she" now tells it), "He said Obama
    hopes ..." given to Obama, named in what the spokesman had just said (the one who said it goes
    on), "They said ..." after "according to show insiders" given to the FBI named in between (a
    plural speaker goes on), "It also points out" after "the report says" given to the agency.
    Inside what was said, "he" is still read as before ("Flynn said Trump was right when he said
    ...")."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour dispute\n\n"
        "Lena Marr says in Karsk that she is thrilled with the vote of the dock workers.\n\n"
        "Marr says she hopes to win, but she knows the fight is long.\n\n"
        "Tomas Varga spoke for an hour at the rally on Monday night.\n\n"
        "He said that Marr\u2019s plan was a \u201cdisaster\u201d for the port.\n\n"
        "Harbour spokesman Piet Ankar said Mr. Varga hopes the port will reopen in spring. He said the board would meet on Friday.\n\n"
        "As a manager, Varga demeaned the dockers, according to union insiders. The Harbour Police were called twice. They said he shouted at the night crews.\n\n"
        "\u201cThe yards are safe,\u201d the report says. It also points out that the cranes are old.\n\n"
        "Venn said Ankar was right when he said the cranes were old.\n",
        encoding="utf-8",
    )
    got = {q.span.text: q for q in run([tmp_path]).quotes}
    assert got["Marr\u2019s plan was a \u201cdisaster\u201d for the port"].speaker_name == "Tomas Varga"
    assert got["the board would meet on Friday"].speaker_name == "Piet Ankar"
    they = got["he shouted at the night crews"]
    assert they.speaker is None and "union insiders" in (they.speaker_evidence or "")
    assert "the report" in (got["the cranes are old"].speaker_evidence or "")
    assert got["the cranes were old"].speaker_name == "Piet Ankar"


@pytest.mark.issue(22)
def test_quotes_an_analyst_found_missing(tmp_path: Path) -> None:
    """Missed on untuned NYT text: "Not paying taxes ''makes me smart,'' Donald J. Trump said" (three
    words before the quote were too few to read the sentence as the speaker's), and "efforts --
    which Apple's chief executive, Tim Cook, called ''total political crap'' --" (the thing named
    is the relative pronoun's)."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Tax story\n\nThe study was released on Tuesday by a group of researchers.\n\n"
        "Not paying taxes ''makes me smart,'' Tomas Varga said last week.\n\n"
        "Given the board's efforts to collect -- which the union's chief, Lena Marr, called ''total political theatre'' -- one question is open.\n",
        encoding="utf-8",
    )
    got = {q.span.text: q.speaker_text for q in run([tmp_path]).quotes}
    assert got.get("makes me smart") == "Tomas Varga"
    assert got.get("total political theatre") in ("the union's chief, Lena Marr", "Lena Marr")


@pytest.mark.issue(22)
def test_a_short_quotation_with_no_verb_of_saying_is_a_term(tmp_path: Path) -> None:
    """The analyst's reading found "The article closes with a very clear implication about the
    woman's “head.”" and "The Post sent its “national enterprise reporter”" as quotes: a quotation
    of three words or fewer in a clause with no verb of saying or naming is a term held at a
    distance; with one ("called it a “disgrace”", a title's "Calls ... ‘Genocide’"), it is words."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour story\n\nThe dispute went on for a third week in Karsk.\n\n"
        "The article closes with a very clear implication about the woman\u2019s \u201chead.\u201d\n\n"
        "The Harbour Gazette sent its \u201cnational enterprise reporter\u201d to the yards.\n\n"
        "Tomas Varga called the plan a \u201cdisgrace\u201d on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Lena Marr Calls Harbour Closures \u2018Shameful\u2019\n\nLena Marr spoke in Karsk on Monday about the closures.\n",
        encoding="utf-8",
    )
    got = {q.span.text.rstrip("."): q.speaker_text for q in run([tmp_path]).quotes}
    assert "head" not in got and "national enterprise reporter" not in got, got
    assert got.get("disgrace") == "Tomas Varga"
    assert got.get("Shameful") == "Lena Marr"


@pytest.mark.issue(22)
def test_air_quotes_are_no_one_quoting() -> None:
    """An analyst's reading of untuned PolNeAR (2026-12-07, seventh session): "... the media
    considered him a ''fringe candidate,'' making air quotes" became a record whose speaker was
    "making air" and cue "quotes"."""
    qs = extract_quotes(make('Six months ago, Orin Valde said, the media considered him a "fringe candidate," making air quotes.'))
    assert all(q.cue != "quotes" for q in qs)
    assert any(q.speaker == "orin-valde" for q in qs)


@pytest.mark.issue(22)
def test_air_quotes_before_a_quotation_are_no_verb_of_saying() -> None:
    """A review of the air-quotes fix: "gestured with air quotes, ''bipartisan,''" still took
    "quotes" as the verb of a partial quote."""
    qs = extract_quotes(make('Orin Valde gestured with air quotes, "bipartisan," and left the room.'))
    assert all(q.cue != "quotes" for q in qs)


@pytest.mark.issue(22)
@pytest.mark.parametrize(
    ("line", "content"),
    [
        # a contraction is a finite verb: "he's" in a long subject
        ("Orin Valde says the movement he’s leading in the north of the region and in the rural valley to the east appeals to fear.", "the movement he’s leading"),
        # a number word opens a clause
        ("Orin Valde says two dozen lawmakers in the northern assembly backed him.", "two dozen lawmakers"),
        # a bare plural subject and a past verb
        ("Orin Valde says meeting participants outlined a plan to end the strike.", "meeting participants outlined"),
        # a subordinate clause before the main one is part of what was said
        ("Ada Rusk says despite losing the vote, she plans to stay in the race.", "despite losing the vote, she plans"),
        # an addressee with a title noun before the name
        ("Ada Rusk told host Halvard Oske she believed the talks would resume.", "she believed the talks would resume"),
    ],
)
def test_reported_clauses_the_untuned_polnear_train_texts_missed(line: str, content: str) -> None:
    """Reported speech that PolNeAR train texts (read while tuning, 2026-12-07, eighth session)
    attribute and the stage missed: each line's clause is one indirect quote."""
    qs = [q for q in extract_quotes(make(line)) if q.kind == "indirect"]
    assert len(qs) == 1 and content in qs[0].span.text, [(q.kind, q.span.text) for q in qs]
    assert qs[0].speaker in ("orin-valde", "ada-rusk")


@pytest.mark.issue(22)
def test_an_unnamed_source_familiar_with_something_is_no_one_named() -> None:
    """"A person familiar with the plans says ..." was no speaker (the phrase's last word is no
    speaker noun); the source is unnamed, never the thing or the person after "familiar with"."""
    q = one(extract_quotes(make("A person familiar with Orin Valde's plans says the talks will resume next week.")), "the talks will resume")
    assert q.kind == "indirect" and q.speaker is None
    assert q.speaker_text is not None and q.speaker_text.startswith("A person familiar with")


@pytest.mark.issue(22)
def test_a_participle_after_a_dash_goes_on_with_the_clause_speaker() -> None:
    q = one(extract_quotes(make("Orin Valde changed his mind on the spot – saying he was now backing the northern team.")), "he was now backing")
    assert q.speaker == "orin-valde"


@pytest.mark.issue(22)
def test_a_title_speaker_before_a_colon_says_what_follows() -> None:
    """"Graham: Trump's ... Destroying GOP's Chance" (PolNeAR train): a person's name before a
    title's colon attributes the rest; a place or a label before it does not."""
    q = one(extract_quotes(make("Ada Rusk spoke in Karsk.", title="Ada Rusk: We Will Not Sign the Northern Ports Deal")), "Northern Ports")
    assert q.kind == "indirect" and q.speaker == "ada-rusk"
    assert not extract_quotes(make("Ships left Karsk.", title="Vesnia: Northern Ports Deal Is Dead"))
    assert not extract_quotes(make("Ships left Karsk.", title="Exclusive: Northern Ports Deal Is Dead"))
    # a phrase that only ends with a name is no one speaking (a review of the rule on PolNeAR train)
    assert not extract_quotes(make("Ada Rusk spoke in Karsk.", title="Big Win For Ada Rusk: Union Holds Off On Its Endorsement"))


@pytest.mark.issue(22)
def test_a_time_after_the_cue_opens_no_reported_clause() -> None:
    """"... the agency declared on Thursday, two days after voters went to the polls": what
    follows the cue is when, not what was declared (a number word or "after" opens no clause)."""
    qs = extract_quotes(make("Ada Rusk won the northern primary, Vesnian Central News Service declared on Thursday, two days after voters went to the polls."))
    assert all("voters went" not in q.span.text or "Ada Rusk won" in q.span.text for q in qs), [q.span.text for q in qs]


@pytest.mark.issue(22)
def test_findings_of_polls_and_reports_but_not_of_people() -> None:
    """"A new poll found that ..." is an attribution to the poll; "she found that ...", "found the
    car", a "reality show" are not (verbs of belief stay off by default)."""
    qs = extract_quotes(
        make(
            "A new Morvane poll found that Ada Rusk leads by five points among likely voters.",
            "Ada Rusk found that the door was locked when she arrived at the office.",
            "The investigators found the car in a ditch near the river.",
            'Orin Valde was joined by a star of the reality show "Harbour Bakers."',
        )
    )
    assert [q.span.text for q in qs] == ["Ada Rusk leads by five points among likely voters"], [(q.kind, q.span.text) for q in qs]
    assert qs[0].speaker_text == "A new Morvane poll"


@pytest.mark.issue(22)
def test_transcript_turns_labelled_with_a_name_in_plain_case() -> None:
    """"Chris Matthews: Seriously, ..." and "Lopez: Well, ..." (a PolNeAR train transcript): a turn
    whose label is a person of the article, named whole; "Update:", "Note:" and places label no
    turn."""
    qs = extract_quotes(
        make(
            "Orin Valde, the host, spoke with Ada Rusk on Sunday.",
            "Orin Valde: Seriously, tell me how the northern ports will pay for it.",
            "Rusk: Well, I know nobody in Karsk thinks about the harbour fees that way.",
            "Update: The story was changed on Monday to add a comment from the ministry.",
            "Karsk: The capital is quiet today after the storm passed.",
        )
    )
    assert [(q.speaker, q.cue) for q in qs] == [("orin-valde", "transcript"), ("ada-rusk", "transcript")], [(q.speaker, q.span.text) for q in qs]
    # An explainer's "you" is no one's turn (a review: "Clinton: If you earn less than $250,000 ...").
    explained = extract_quotes(
        make(
            "Orin Valde and Ada Rusk set out their harbour plans.",
            "Valde: If you earn less than $250,000, your harbour fees would not rise.",
            "Rusk: Your standard deduction would double to $30,000 for couples.",
        )
    )
    assert not explained, [q.span.text for q in explained]
    # A list of results or a profile under names, even two of them, is nobody's turn (a review).
    listed = extract_quotes(
        make(
            "Orin Valde and Ada Rusk ran for the northern seat.",
            "Valde: 48 percent of the vote, up from 41 percent four years ago.",
            "Rusk: Age 54. Occupation: harbour pilot. Hometown: Karsk.",
        )
    )
    assert not listed, [q.span.text for q in listed]


@pytest.mark.issue(22)
def test_a_title_speaker_to_whom_or_where() -> None:
    """"Clinton to Planned Parenthood: Trump will ...", "Former AG Mukasey at RNC: ..." (PolNeAR
    train titles): the speaker is the name before "to" or "at"."""
    q = one(extract_quotes(make("Ada Rusk spoke in Karsk.", title="Ada Rusk to Dock Workers: We Will End the Strike Soon")), "End the Strike")
    assert q.speaker == "ada-rusk"
    assert not extract_quotes(make("Ships came back to Karsk.", title="Back to Karsk: Ships Return After the Storm"))


@pytest.mark.issue(22)
def test_what_a_review_of_the_new_attribution_rules_found_on_made_up_sentences() -> None:
    """A helper's probe of this session's rules (2026-12-07, eighth session) with sentences of
    its own: a time after the comma dropped the words before it; number words read objects as
    clauses; findings read idioms, people "in the survey" and others' attributions."""
    qs = extract_quotes(
        make(
            "Taxes will rise next year, Orin Valde said, while spending on defense will fall.",
            "The border is secure, Ada Rusk insisted on Friday, hours after a second breach was reported.",
            "Orin Valde told three jokes at the dinner, each about his opponent.",
            "The report found its way into the hands of reporters within hours.",
            "Most people in the survey found the new forms confusing and slow.",
            "The data suggest a slowdown is coming, Halvard Oske said.",
            "The analysis found that, despite the cuts, spending rose overall.",
        )
    )
    got = [(q.speaker, q.span.text) for q in qs]
    assert got == [
        ("orin-valde", "Taxes will rise next year"),
        ("orin-valde", "while spending on defense will fall"),
        ("ada-rusk", "The border is secure"),
        ("halvard-oske", "The data suggest a slowdown is coming"),
        (None, "despite the cuts, spending rose overall"),
    ], got


@pytest.mark.issue(22)
@pytest.mark.parametrize(
    "title",
    [
        "Ada Rusk: The Northern Tour by the Numbers",  # a topic, no one's words
        "Ada Rusk: The Woman Who Would Be Minister",  # a profile (a review: modals and "is" were enough)
        "Ada Rusk: Where Is She Now?",
        "Ada Rusk at 60: A Portrait of the Minister",  # an age
        "Ada Rusk to Karsk: Inside the Deal That Shocked the Port",  # a place
        "Ada Rusk to Retire: Minister Will Leave in May",  # a verb
    ],
)
def test_a_title_colon_that_labels_a_topic_is_no_quote(title: str) -> None:
    assert not extract_quotes(make("Ada Rusk spoke in Karsk on Monday.", title=title))


@pytest.mark.issue(22)
def test_a_possessor_or_a_modifier_is_not_the_next_he() -> None:
    """A blind reading of untuned PolNeAR (2026-12-07, eighth session): after "Hollande denounced
    Trump's remarks ... a Trump presidency would have", "he said" went to Trump; after "deported
    under the Obama administration", Sanders' "he asked" went to Obama."""
    q = one(extract_quotes(make('Orin Valde denounced Halvard Oske\'s remarks on Monday. "It will have consequences," he said.')), "consequences")
    assert q.speaker == "orin-valde", q.speaker_evidence


@pytest.mark.issue(22)
def test_a_he_that_opens_the_sentences_before_is_the_same_person() -> None:
    """"She asked Sanders about ... the Obama administration ... He started his answer ... Then he
    described ... “Anyone been there?” he asked": the "he" of the sentences before decides."""
    qs = extract_quotes(
        make(
            "Ms. Ada Rusk asked Mr. Orin Valde about the ports under the Oske administration.",
            'He started his answer with a story about his parents. Then he described his visit to the harbour. "Anyone been there?" he asked.',
        )
    )
    q = one(qs, "Anyone been there")
    assert q.speaker == "orin-valde", q.speaker_evidence


@pytest.mark.issue(22)
def test_a_place_after_the_cue_ends_no_attribution() -> None:
    """"Trump's “excesses” are sickening, Hollande said Tuesday in Paris, noting ...": the place
    after the day kept the frame from forming, and "noting" went to Trump."""
    qs = extract_quotes(make('Halvard Oske\'s "excesses" are sickening, Orin Valde said Tuesday in Karsk, noting the minister "makes you want to retch."'))
    assert {q.speaker for q in qs} == {"orin-valde"}, [(q.speaker, q.span.text) for q in qs]


@pytest.mark.issue(22)
def test_quotes_the_reading_left_without_speaker_or_with_a_word_for_one() -> None:
    """The same blind reading: “Honestly,” he continued after "Oliver barked" was unresolved (the
    "Khan family" before it a rival); "Hastily politicizing ... ― Trump cast the blame ... and
    emphasized ..." had the speaker "Hastily"; “...,” an angry Hollande retaliated. had none."""
    qs = extract_quotes(
        make(
            'Orin Valde lost his temper over the Oske family. "For a start, the harbour is closed," Orin Valde barked. "Honestly," he continued, "we are on the brink."',
            "Hastily politicizing the storm ― much like he did last year ― Halvard Oske cast the blame on his rivals, and emphasized the threat that the floods pose to the port.",
            '"Karsk will always be Karsk," an angry Ada Rusk retaliated. "The army retaliated," the report said.',
        )
    )
    got = {q.span.text: q.speaker for q in qs}
    assert got["Honestly"] == "orin-valde" and got["we are on the brink."] == "orin-valde", got
    assert got["the threat that the floods pose to the port"] == "halvard-oske", got
    assert got["Karsk will always be Karsk"] == "ada-rusk", got
    assert all(q.speaker_text != "Hastily" for q in qs)


@pytest.mark.issue(22)
def test_a_quotation_that_closes_its_sentence_before_he_warned_is_his() -> None:
    """The second reading: "It is “undermining our constitution ...,” he warned." gave the
    partial quote to "It" (France) rather than to the one who warned."""
    q = one(extract_quotes(make('Orin Valde spoke out against the storm tax. It is "undermining our harbour and the rule of law," he warned.')), "undermining")
    assert q.speaker == "orin-valde" and q.cue == "warned", (q.speaker, q.speaker_text, q.cue)


@pytest.mark.issue(22)
def test_what_a_code_review_of_the_session_found() -> None:
    """A review (2026-12-07, eighth session): the "he" chain passed over a person after a title
    ("his lawyer Michael Cohen later confirmed ...") and gave Cohen's words to Trump; a bare
    plural object with a participle ("announced plans aimed at cutting taxes") and a counted object
    ("added two goals ... and assisted") were read as reported clauses."""
    qs = extract_quotes(
        make(
            'Orin Valde denied the report on Tuesday. He called it fake news, but his lawyer Halvard Oske later confirmed the payment. "I paid her myself," he said.',
            "Ada Rusk announced plans aimed at cutting harbour fees for the middle class.",
            "Orin Valde added two goals in the second half and assisted on another.",
        )
    )
    assert one(qs, "I paid her").speaker != "orin-valde"
    assert not [q for q in qs if "plans aimed" in q.span.text or "two goals" in q.span.text], [q.span.text for q in qs]


@pytest.mark.issue(22)
def test_adverbials_places_and_tags_before_the_clause_are_no_speakers() -> None:
    """PolNeAR train texts (ninth session): "Hours later, Trump ..., telling" gave the quote to
    "Hours"; "Speaking at ... in Salem, New Hampshire, Trump ..., calling" to New Hampshire; "At a
    rally in Birmingham, Alabama, ..., with Trump reportedly yelling" to Alabama; "Gov. John Kasich
    (R-OH), said" to "OH"; "Rep. Hakeem Jeffries (D-N.Y.) reacted ..., saying" to "Rep"; "The first
    incident came ..., when protesters interrupted her speech, shouting" to "The first"; "Obama, who
    called the nominee “unfit”" to the possessor opening the sentence ("Trump's row ...")."""
    qs = extract_quotes(
        make(
            'Hours later, Orin Valde returned the compliment, telling reporters, "Ada and I have been friends for a long time."',
            'Speaking at a town hall in Tarrow, Vt., Halvard Oske went after Valde, calling him "a total stiff."',
            'Tuesday in Tarrow, after winning the primary, Gov. Ada Rusk (R-Vt.), said, "We are getting ready to rent a covered wagon."',
            'In a statement released Thursday, Rep. Lina Marr (D-N.Y.) reacted to the news, saying: "The harbour fee should be scrapped."',
            'The first incident came during a speech at the college, when harbour workers interrupted her speech, shouting "she wins, we lose!"',
            'Domestically, Oske\'s row with the Marr family drew a damning reaction from President Orin Valde, who called the minister "unfit to serve" as governor.',
        )
    )
    got = {q.span.text: (q.speaker, q.speaker_text) for q in qs}
    assert got["Ada and I have been friends for a long time."][0] == "orin-valde", got
    assert got["a total stiff."][0] == "halvard-oske", got
    assert got["We are getting ready to rent a covered wagon."][0] == "ada-rusk", got
    assert got["The harbour fee should be scrapped."][1] == "Rep. Lina Marr", got
    assert got["she wins, we lose!"][1] == "harbour workers", got
    assert got["unfit to serve"][0] == "orin-valde", got


@pytest.mark.issue(22)
def test_a_cue_word_after_an_article_or_many_is_a_noun() -> None:
    """"Rubio has broken many promises he made to the voters" was an indirect quote of "broken
    many"; "the so- called ‘special relationship’" (a line-break hyphen) went to the clause's
    subject; "on MSNBC's “Morning Joe.”" was a quote; a possessor ("Oske's row") is no subject."""
    qs = extract_quotes(
        make(
            "Orin Valde has broken many promises he made to the voters of Karsk since being elected.",
            "Karsk companies are the biggest foreign investors in Tarrow and the so- called ‘special relationship’ with Vesnia has been the cornerstone of its diplomacy.",
            'Ada Rusk was pro Valde while the governor was in the running, she said Wednesday morning on KTV\'s "Morning Harbour."',
        )
    )
    assert not [q for q in qs if q.speaker_text in ("broken many", "Karsk companies") or q.span.text.startswith(("he made", "special", "Morning"))], [(q.speaker_text, q.span.text) for q in qs]


@pytest.mark.issue(22)
def test_what_a_probe_of_the_adverbial_and_relative_rules_found() -> None:
    """A helper's 254 sentences (ninth session): "-ing" adjectives before a speaker noun
    ("Striking teachers said") lost their speaker; given names ending in -ly ("Emily, 34, ...,
    describing") were skipped as adverbs; a country after an opening phrase ("In Geneva on
    Monday, Iran, ..., calling") as a state; "the wife of Senator X, who called" went to X; a
    verb before a speaker noun ("Trump met workers") was read as a modifier."""
    qs = extract_quotes(
        make(
            'Striking teachers said their pay was "insulting."',
            'Emily, 34, a teacher from Karsk, broke down, describing the closure as "heartbreaking."',
            'In Geneva on Monday, Iran rejected the offer, calling it "a trap."',
            'The remarks drew a rebuke from the wife of Senator Orin Valde, who called them "disgusting."',
            'Reporters questioned the aide, who later described the memo as "a draft."',
            'Orin Valde met workers in Karsk, calling them "the forgotten men and women."',
        )
    )
    got = {q.span.text: (q.speaker, q.speaker_text) for q in qs}
    assert got.get("insulting.", (None, None))[1] == "Striking teachers", got
    assert got.get("heartbreaking.", (None, None))[1] == "Emily", got
    assert got.get("a trap.", (None, None))[1] == "Iran", got
    assert got.get("disgusting.", (None, None))[0] != "orin-valde", got
    assert got.get("a draft.", (None, None))[1] != "Reporters", got
    assert got["the forgotten men and women."][1] == "Orin Valde", got


@pytest.mark.issue(22)
def test_opening_words_read_on_more_training_articles() -> None:
    """PolNeAR train 160-399 (ninth session): "One month after announcing ..., Rubio still
    believes" gave "One"; "Therefore, Gulf sources believe"; "Where he used to boast ..., he said"
    gave "Where"; "Rubio, whose hometown, Miami, is ..., argues" gave Miami; "It was a one-two punch
    ..., as Clinton echoed the criticism, saying" gave "It"; "In an interview with “Fox and
    Friends,” Trump ..., remarking" gave "In an interview"; "discounted Pyongyang's claims" read
    "claims" as a verb; "All told, the group ..." read "told"."""
    qs = extract_quotes(
        make(
            "One month after announcing his support for the mayor, Orin Valde still says that the minister is unfit to lead the port.",
            'Where he used to boast that the port was safe, on Tuesday night Halvard Oske said it still posed "a direct threat" to the town.',
            'Orin Valde, whose hometown, Tarrow, is projected to be underwater as the sea rises, argues that the levy will "destroy our economy."',
            'It was a potent one-two punch by the two women, as Ada Rusk echoed the criticism, saying the minister "is not in it for the people."',
            'In an interview with "Harbour Morning," Halvard Oske pointed to Vesnia as the enforcer, remarking that Karsk should make things harder on the smugglers.',
            "Harbour experts have similarly discounted Vesnia's claims, but have speculated that the port might reopen in May.",
            "All told, the group, whose members met last week, raised $4 million in February.",
        )
    )
    got = {q.span.text: q.speaker for q in qs}
    assert got.get("the minister is unfit to lead the port") == "orin-valde", got
    assert got.get("a direct threat") == "halvard-oske", got
    assert got.get("destroy our economy.") == "orin-valde", got
    assert got.get("is not in it for the people.") == "ada-rusk", got
    assert got.get("Karsk should make things harder on the smugglers") == "halvard-oske", got
    assert not [q for q in qs if q.speaker_text in ("One", "Where", "Tarrow", "It", "In an interview", "All") or "Vesnia's" in (q.speaker_text or "")], [(q.speaker_text, q.span.text) for q in qs]


@pytest.mark.issue(22)
def test_what_a_blind_reading_of_untuned_texts_found_in_speakers() -> None:
    """Seven untuned texts read blind (ninth session): "he erroneously suggested Curiel was from
    Mexico: “...”" was Mexico's; "Rodong Sinmun carried Medvedev's message, in which the Russian
    politician expressed hopes for “new possibilities”" the paper's; "But as the nationalist Global
    Times tabloid noted ..., the leading GOP candidate “has ...”" the candidate's."""
    qs = extract_quotes(
        make(
            'Halvard Oske returned to the theme at a rally, where he suggested the judge was from Karsk: "The judge, who happens to be, we believe, from Karsk, which is great."',
            'The newspaper carried Orin Valde\'s message to the minister, in which the harbour official expressed hopes for "new possibilities" in the talks.',
            'But as the nationalist Karsk Times tabloid noted in an op-ed Thursday, the leading candidate "has surprisingly earned himself a few fans in Karsk."',
        )
    )
    got = {q.span.text: (q.speaker, q.speaker_text) for q in qs}
    assert all(sp[1] != "Karsk" for sp in got.values()), got
    assert got["new possibilities"][1] == "the harbour official", got
    assert got["has surprisingly earned himself a few fans in Karsk."][1] == "the nationalist Karsk Times tabloid", got


@pytest.mark.issue(22)
def test_a_he_that_goes_on_with_the_speaker_before_it() -> None:
    """The second blind reading: "“...,” Trump said at a rally, adding that he believed the judge
    was “Mexican.” He also suggested ...: “They ought to look into Judge Curiel ...”" left the
    article's key quote without a speaker ("he" had the judge and Trump as rivals). "also",
    "then", "added", "continued" say the pronoun goes on with the speaker before it, unless
    another person spoke just before ("X said ..., whereas Y acknowledged ... He also said")."""
    qs = extract_quotes(
        make(
            '"I have a judge who is a hater," Orin Valde said at a rally, adding that he believed Judge Halvard Oske was "biased."',
            'He also suggested taking action against the judge: "They ought to look into the judge, because what he is doing is a total disgrace."',
            "Ada Rusk said the port was safe, whereas Halvard Oske acknowledged that he knew the harbour was closed. He also said that the fees would rise.",
        )
    )
    got = {q.span.text: q.speaker for q in qs}
    assert got["They ought to look into the judge, because what he is doing is a total disgrace."] == "orin-valde", got
    assert got.get("the fees would rise") != "halvard-oske", got


@pytest.mark.issue(22)
def test_what_a_code_review_of_the_ninth_session_found() -> None:
    """A review of the session's change: "with a close Orin Valde ally calling it “...”" gave the
    words to Valde ("ally" read as an adverb); "an aide to Orin Valde, who called the report
    “...”" to Valde; "Valde's said" (a contraction of "has") was read as a possessive's noun."""
    qs = extract_quotes(
        make(
            'The plan drew fire, with a close Orin Valde ally calling it "a disaster for the party."',
            'Reporters later questioned an aide to Orin Valde, who called the report "fake news."',
            "Ada Rusk's said the deal was a mistake.",
        )
    )
    assert not [q for q in qs if q.speaker == "orin-valde"], [(q.speaker, q.span.text) for q in qs]
    assert [q.speaker for q in qs if q.span.text == "the deal was a mistake"] == ["ada-rusk"], [(q.speaker, q.span.text) for q in qs]


@pytest.mark.issue(22)
def test_reported_speech_the_tenth_session_missed() -> None:
    """PolNeAR's training articles (tune) missed plain reported speech: a clause after "they"
    in the present ("said they welcome ..."), a group named before "of" ("Several supporters of
    reform said"), a share as the clause's subject ("said about half of the adjustment
    reflected ..."), a poll share as the speaker ("Sixty-six percent said ..."), and a clause
    that opens on a quotation and goes on after it ("said “it hurts” every time he thinks ...")."""
    qs = extract_quotes(
        make(
            "Despite the sheen, local officials said they welcome the national attention.",
            "Several supporters of reform said it is more realistic to keep the system.",
            "The budget office said about half of the higher adjustment in its projections reflected revenue losses.",
            "Sixty-six percent said it made no difference to them.",
            'Orin Valde said "it hurts" every time he thinks about the children who were killed.',
        )
    )
    got = {q.span.text: (q.kind, q.speaker, q.speaker_text) for q in qs}
    assert got["they welcome the national attention"] == ("indirect", None, "local officials"), got
    assert got["it is more realistic to keep the system"] == ("indirect", None, "Several supporters of reform"), got
    assert got["about half of the higher adjustment in its projections reflected revenue losses"][2] == "The budget office", got
    assert got["it made no difference to them"][2] == "Sixty-six percent", got
    assert got['"it hurts" every time he thinks about the children who were killed'][:2] == ("indirect", "orin-valde"), got
    assert got["it hurts"][:2] == ("partial", "orin-valde"), got


@pytest.mark.issue(22)
def test_a_name_before_a_speaker_noun_is_not_the_speaker() -> None:
    """"A top Orin Valde adviser said", "The Valde campaign said", "Valde supporters chanted":
    the name modifies the one who spoke; the words were given to Valde himself (tenth session,
    41 records on PolNeAR's training articles)."""
    qs = extract_quotes(
        make(
            "Orin Valde spoke in Karsk on Monday.",
            "A top Orin Valde adviser said the businessman is on a glide path to the nomination.",
            'The Valde campaign said it would assess its options, calling the result "a fraud."',
        )
    )
    got = {q.span.text: (q.speaker, q.speaker_text) for q in qs}
    assert got["the businessman is on a glide path to the nomination"] == (None, "A top Orin Valde adviser"), got
    assert got["it would assess its options"] == (None, "The Valde campaign"), got


@pytest.mark.issue(22)
def test_an_attribution_ends_where_the_next_one_begins() -> None:
    """"While Ada Rusk said A, she said B": A ran on over ", she said" into B's attribution; and
    a show's name after "told" ("told NBC's “Today” on Monday") is the one told, no clause."""
    qs = extract_quotes(
        make(
            'While Ada Rusk said there was clear evidence that the port was "badly run" and mismanaged, she said there is no case.',
            'Orin Valde told NBC\'s "Today" on Monday that he would win.',
        )
    )
    texts = [q.span.text for q in qs]
    assert 'there was clear evidence that the port was "badly run" and mismanaged' in texts, texts
    assert not any(t.startswith('"Today"') for t in texts), texts


@pytest.mark.issue(22)
def test_a_cue_that_is_a_noun_after_its_modifier() -> None:
    """"a handful of brave states that have given support" read "states" as a verb of saying once a
    group before "of" could speak (tenth session, on a seed page): a cue's form that is a noun too
    is one after a lower-case modifier that is no speaker ("brave states"), not after a speaker
    noun, a pronoun or an adverb ("The agency also states that ...")."""
    qs = extract_quotes(
        make(
            "Only a handful of brave states that have openly given their support to Karsk were thanked.",
            "The agency also states that the port is closed.",
            "He states that it is open.",
        )
    )
    texts = [q.span.text for q in qs]
    assert not any("openly given" in t for t in texts), texts
    assert "the port is closed" in texts and "it is open" in texts, texts


@pytest.mark.issue(22)
def test_quotes_the_tenth_session_left_without_a_speaker() -> None:
    """Read on PolNeAR's training articles: a partial quote closing a sentence whose speaker comes
    after the cue ("The endorsement “was early ...,” said Drew Heiserman of the union."), a
    quotation that resumes after such an attribution ("“...,” said an Iowa Democrat, “and ...”"),
    a question closed by two apostrophes before "Mr. X asked," (the sentence was cut there), an
    addressee after "wrote to" ("wrote to his followers, “...” and shared a link"), a sentence
    adverb before a whole quotation ("Now, “...”" goes on with the speaker before)."""
    qs = extract_quotes(
        make(
            'The union endorsement "was early enough that most people did not know the candidates," said Drew Heiserman of the Karsk Teachers.',
            '"She is too far behind," said a Karsk Democrat, "and the vote was not a decisive win."',
            "''What does that mean, he kept the country safe?'' Mr. Valde asked, repeating a broadside.",
            'Soon after the vote, Ada Rusk wrote to her followers, "It is time to end his career for good," and shared a link.',
            "''We were not happy when it was first announced,'' said Halvard Oske, head of policy at the council. Now, ''there is a sizable constituency saying this is fine.''",
        )
    )
    got = {q.span.text: q.speaker_text for q in qs}
    assert got["was early enough that most people did not know the candidates"] == "Drew Heiserman of the Karsk Teachers", got
    assert got["and the vote was not a decisive win."] == "a Karsk Democrat", got
    assert got["What does that mean, he kept the country safe?"] == "Mr. Valde", got
    assert got["It is time to end his career for good"] == "Ada Rusk", got
    assert got["there is a sizable constituency saying this is fine."] == "Halvard Oske", got


@pytest.mark.issue(22)
def test_according_to_after_an_attribution_names_the_relay() -> None:
    """The tenth session's blind reading: "“...,” Conason writes in his book, according to the
    Times" and "“...,” Joey Salceda said in a bill, according to the Philippine Star" gave the
    article's key quotes to the newspaper. The words are the named speaker's; the paper relayed
    them (``via``)."""
    qs = extract_quotes(
        make(
            '"Toward the end of the evening, the envoy asked the former secretaries to offer counsel," Orin Valde writes in his book, according to the Karsk Times. "Ada Rusk told her to use her own email."',
            '"There is no basis for the wholesale labeling of Karskans," Halvard Oske said in a bill filed in the capital, according to the Karsk Star.',
        )
    )
    got = {q.span.text: (q.speaker, q.via) for q in qs}
    assert got["Toward the end of the evening, the envoy asked the former secretaries to offer counsel"] == ("orin-valde", "the Karsk Times"), got
    assert got["Ada Rusk told her to use her own email."][0] == "orin-valde", got
    assert got["There is no basis for the wholesale labeling of Karskans"] == ("halvard-oske", "the Karsk Star"), got


@pytest.mark.issue(22)
def test_a_chain_of_appositions_before_the_verb() -> None:
    """"Sen. Orin Valde, facing a challenge in Karsk, a swing state, said" (two appositions) and
    "Ada Rusk, the editor in chief of the port's newspaper, The Karsk Star, said" (a body's name
    after the description of it) left the speaker out or gave it to the newspaper; "Alarmed by
    the unrest, Senator Halvard Oske, the minority leader, said" stays Oske's."""
    qs = extract_quotes(
        make(
            "Sen. Orin Valde, facing a spirited challenge in Karsk, a swing state, said he would welcome the envoy.",
            'Ada Rusk, the editor in chief of the port\'s official newspaper, The Karsk Star, said every harbour master was "both careful and political."',
            "Alarmed by the unrest in Karsk, Senator Halvard Oske, the minority leader, said that he spoke with the envoy on Tuesday.",
        )
    )
    got = {q.span.text: q.speaker for q in qs}
    assert got["he would welcome the envoy"] == "orin-valde", got
    assert got["both careful and political."] == "ada-rusk", got
    assert got["he spoke with the envoy on Tuesday"] == "halvard-oske", got


@pytest.mark.issue(22)
def test_words_before_a_writer_and_the_one_written_to() -> None:
    """A blind reading (tenth session) missed an article's lead fact: "..., Halvard Oske, the
    undersecretary for management, wrote in a memo to Inspector General Ada Rusk." and "...,
    Oske wrote Rusk." (the one written to ends the attribution)."""
    qs = extract_quotes(
        make(
            "Two emails sent to the envoy have been placed in secure storage, Halvard Oske, the undersecretary for management, wrote in a memo to Inspector General Ada Rusk.",
            "Some paper records are already stored in a records center, and there is no need to move them, Oske wrote Rusk.",
        )
    )
    got = {q.span.text: q.speaker for q in qs}
    assert got["Two emails sent to the envoy have been placed in secure storage"] == "halvard-oske", got
    assert got["Some paper records are already stored in a records center, and there is no need to move them"] == "halvard-oske", got


@pytest.mark.issue(22)
def test_a_participle_after_a_comma_inside_the_closing_mark() -> None:
    """A blind reading (tenth session): "Democrats had sued after Karsk eliminated what had been
    called the “Golden Week,” saying that ..." lost the reason for the lawsuit: the comma before
    "saying" stood inside the closing mark (American style)."""
    qs = extract_quotes(make('Orin Valde sued after Karsk eliminated what had been called the "Golden Week," saying that wiping out the week burdened older voters.'))
    got = {q.span.text: q.speaker for q in qs}
    assert got.get("wiping out the week burdened older voters") == "orin-valde", got


@pytest.mark.issue(22)
def test_a_leading_according_to_is_never_a_relay() -> None:
    """The relay rule of the tenth session first dropped "According to Ada Rusk, it appears that
    the “done” referred to a tweet Valde posted on Monday": "Valde posted" inside the words is
    no attribution of them (a code review of the session's change)."""
    qs = extract_quotes(make('According to Ada Rusk, it appears that the "done" was in reference to a tweet Orin Valde posted on Monday.'))
    got = {q.span.text: q.speaker for q in qs}
    assert got.get('it appears that the "done" was in reference to a tweet Orin Valde posted on Monday') == "ada-rusk", got


@pytest.mark.issue(22)
def test_what_a_code_review_of_the_tenth_session_found() -> None:
    """A review of the session's change (a helper, read-only) found: a fronted phrase chained as
    an apposition ("In a letter to Senator Ada Rusk, the committee chair, the company, a
    contractor, said" gave Rusk; "On Tuesday, the first day of the trial, the prosecutor said"
    gave Tuesday); a quotation followed by an adjunct made an indirect record ("said “no” when
    asked ..."); a speaks-for head after a name lost the person ("A Valde spokesman said")."""
    qs = extract_quotes(
        make(
            "In a letter to Senator Ada Rusk, the committee chair, the company, a defense contractor, said it had complied with the rules.",
            "On Tuesday, the first day of the trial, the prosecutor said the evidence was strong.",
            'Orin Valde said "no" when asked about the tariffs.',
            "A Valde spokesman said the meeting was productive.",
        )
    )
    got = {q.span.text: (q.kind, q.speaker, q.speaker_text) for q in qs}
    assert got["it had complied with the rules"][1:] == (None, "the company"), got
    assert got["the evidence was strong"][1:] == (None, "the prosecutor"), got
    assert not any(t.startswith('"no" when') for t in got), got
    assert got["the meeting was productive"][1] == "orin-valde", got


@pytest.mark.issue(22)
def test_a_she_is_not_the_man_an_infinitive_calls_him() -> None:
    """The tenth session's blind readings: "Orin Valde asked the reporter to join him on a
    messaging service so she could get instructions. Minutes later, she sent an email saying,
    “done.”" gave the reporter's word to Valde (his gender unknown to the knowledge base). The
    sentence that names him calls him "him" in an infinitive after his verb: "she" is not him
    (unresolved rather than guessed). "Ada Rusk confronted him" says nothing of Rusk."""
    qs = extract_quotes(
        make('Orin Valde asked the reporter to join him on a messaging service so she could get instructions. Minutes later, she sent an email saying, "done and done."')
    )
    got = {q.span.text: q.speaker for q in qs}
    assert "done and done." in got and got["done and done."] != "orin-valde", got
    qs = extract_quotes(make('Ada Rusk confronted him in the first debate. She later said the exchange was "fair and square."'))
    got = {q.span.text: q.speaker for q in qs}
    assert got.get("fair and square.") == "ada-rusk", got


@pytest.mark.issue(22)
def test_a_pronoun_is_not_the_name_beyond_a_person_known_only_by_a_description(tmp_path: Path) -> None:
    """PolNeAR tune (eleventh session): "Democratic presidential candidate Bernie Sanders ...
    recent Clinton campaign accusations ... Instead, the Vermont senator is sticking to his
    message. “...,” he told supporters" gave the words to Hillary Clinton, the nearest name of no
    known gender. A person the text knows only by a description ("the Vermont senator") stands
    between: the pronoun names no one. The nearest person's own apposition ("Ada Roe of Ohio, the
    party chairwoman,") is no such person."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Harbour race\n\n"
        "Harbour candidate Tomas Varga is choosing not to answer questions on Monday, and his aides have said little for a week about the race, the dock strike or the budget that the port board will vote on next month.\n\n"
        "Recent Lena Orn campaign attacks on his backers went unanswered.\n\n"
        "Instead, the Ohio councilman is sticking to his message.\n\n"
        "\u201cWe have come a long way,\u201d he told supporters on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Harbour party speaks\n\n"
        "Representative Ida Marr of Karsk, the national party chairwoman, also spoke on Monday.\n\n"
        "\u201cWe will reach out to both campaigns,\u201d she said.\n",
        encoding="utf-8",
    )
    got = {q.span.text: q for q in run([tmp_path]).quotes}
    he = got["We have come a long way,"] if "We have come a long way," in got else got["We have come a long way"]
    assert he.speaker is None and "councilman" in (he.speaker_evidence or ""), (he.speaker, he.speaker_evidence)
    she = next(q for t, q in got.items() if t.startswith("We will reach out"))
    assert she.speaker_name == "Ida Marr", (she.speaker, she.speaker_evidence)


@pytest.mark.issue(22)
def test_review_a_description_as_an_object_does_not_block_the_subjects_he_said(tmp_path: Path) -> None:
    """The code review of the eleventh session: "Tom Hill attacked the president on Monday. “He is
    a disgrace,” he said." lost its speaker to "the president"; only a description that is the
    subject of its sentence stands between a pronoun and a name, and not one after a name that
    opened its own sentence as subject ("Tom Hill was sentenced. The judge called his crimes
    grave. “I am sorry,” he said")."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text("Court\n\nTom Hill attacked the president on Monday. \u201cHe is a disgrace,\u201d he said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Court\n\nTom Hill was sentenced on Friday. The judge called his crimes grave. \u201cI am sorry,\u201d he said.\n", encoding="utf-8")
    got = {q.span.text: q for q in run([tmp_path]).quotes}
    assert got["He is a disgrace,"].speaker_name == "Tom Hill" if "He is a disgrace," in got else got["He is a disgrace"].speaker_name == "Tom Hill"
    assert next(q for t, q in got.items() if t.startswith("I am sorry")).speaker_name == "Tom Hill"


@pytest.mark.issue(22)
def test_review_a_description_that_speaks_or_refers_back(tmp_path: Path) -> None:
    """The second code review of the eleventh session: "Tom Hill was sentenced. The judge said his
    crimes were grave. “He showed no remorse,” he said" went to Hill (a description that speaks
    right before stands between, even after a name that opened its sentence); "Police arrested Tom
    Hill. A judge ordered him held. “I did nothing wrong,” he told reporters" lost Hill (a
    description whose sentence calls the one named "him" does not)."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text("Court\n\nTom Hill was sentenced to ten years on Friday. The judge said his crimes were grave. \u201cHe showed no remorse,\u201d he said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Court\n\nPolice arrested Tom Hill on Monday. A judge ordered him held without bail. \u201cI did nothing wrong,\u201d he told reporters outside the court.\n", encoding="utf-8")
    got = {q.span.text.rstrip(","): q for q in run([tmp_path]).quotes}
    assert got["He showed no remorse"].speaker is None, got["He showed no remorse"].speaker_evidence
    assert got["I did nothing wrong"].speaker_name == "Tom Hill"
