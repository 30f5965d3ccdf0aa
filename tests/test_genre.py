"""The genre stage: the shipped model, statement and analysis rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import article_from_lines
from newsprism.article import GENRES, Article, Quote, Span
from newsprism.registry import get_stage
from newsprism.stages import genre as G

pytestmark = pytest.mark.issue(7)

REPORT = [
    "GENEVA, March 3 (Reuters) - Delegates from 40 countries met on Tuesday to discuss the grain deal, officials said.",
    '"We expect an agreement by Friday," the spokesman told reporters, according to a transcript.',
    "The ministry said 12 ships had left port since January, and another 30 were waiting, the agency reported.",
    '"The talks were constructive," a diplomat said, adding that details would follow.',
]
OPINION = [
    "I have had enough of this nonsense, and so should you.",
    "We must stop pretending that these people care about us. Obviously they do not!",
    "Why do we keep electing them? Frankly, it is a disgrace and we should all be ashamed.",
    "Let us be clear: you deserve better, and I believe you know it.",
]


def make(body: list[str], title: str = "A headline", meta: str | None = None) -> Article:
    rows = [("title", title), ("blank", "")]
    if meta:
        rows += [("metadata", meta), ("blank", "")]
    for b in body:
        rows += [("body", b), ("blank", "")]
    return article_from_lines(rows)


def test_genre_model_ships_and_loads() -> None:
    assert G.MODEL_FILE.is_file(), "run `make train`"
    m = G.load_genre_model()
    assert set(m.classes) <= set(GENRES)
    assert m.w_struct.shape[0] == len(G.STRUCTURE)


def test_genre_report_and_opinion_by_structure() -> None:
    assert G.classify_genre(make(REPORT))[0] == "report"
    assert G.classify_genre(make(OPINION))[0] == "opinion"


def test_genre_statement_from_a_statement_quote() -> None:
    art = make(["We condemn the sanctions.", "We will never yield to pressure.", "Our people stand united."])
    raw = art.raw_text
    s = raw.index("We condemn")
    art.quotes = [Quote(art.id, Span.of(raw, s, len(raw)), "statement", speaker="org-ministry")]
    genre, why = G.classify_genre(art)
    assert genre == "statement" and "statement" in why


def test_genre_statement_announced_then_first_person() -> None:
    art = make(
        [
            "On Monday the foreign ministry put out the following press statement.",
            "I express deep concern over the sanctions and strongly denounce them.",
            "We will always stand with our friends.",
        ]
    )
    assert G.classify_genre(art)[0] == "statement"


def test_genre_analysis_label_and_empty_body() -> None:
    assert G.classify_genre(make(REPORT, meta="Analysis"))[0] == "analysis"
    assert G.classify_genre(make([]))[0] == "other"


def test_genre_opinion_label_and_news_digest() -> None:
    # The "opinion" labels of genre_cues.json were never read; a wire round-up ("Key developments
    # on ... this week", a list of headlines) came out opinion.
    assert G.classify_genre(make(REPORT, meta="Opinion"))[0] == "opinion"
    digest = make(["Minister visits port 30 -- Harbour fees rise 31 -- Talks set for spring"], title="Key developments on Freedonia this week")
    genre, why = G.classify_genre(digest)
    assert genre == "report" and "digest" in why
    assert G.classify_genre(make(REPORT, meta="Opinion polls"))[0] != "opinion"


def test_genre_stage_by_name() -> None:
    meta = get_stage("newsprism.genre.v1")
    art = meta.factory(**meta.defaults)(make(REPORT))
    assert art.genre in GENRES and art.evidence["genre"]


@pytest.mark.skipif(not (Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "semeval2023-task3-en").is_dir(), reason="../shared datasets missing")
def test_genre_cross_validation_beats_majority_and_bag_of_words() -> None:
    from newsprism.train.genre import cross_validate

    res = cross_validate(Path(__file__).resolve().parents[1].parent / "shared", folds=5, repeats=1)
    assert res["articles"] >= 300
    # make eval: 0.408 vs bag of words 0.355 vs majority 0.316 (5 folds x 3).
    assert res["macro_f1"] >= res["majority_macro_f1"] + 0.05, res
    assert res["macro_f1"] >= res["bag_of_words_macro_f1"], res
    # The label check counts every article once, by its gold label.
    assert sum(res["hard_news_form"].values()) <= res["articles"]
    assert set(res["hard_news_form"]) == set(res["counts"])


def test_genre_article_in_another_language_is_other() -> None:
    # A Portuguese page got "report" from English cue counts that mean nothing in Portuguese.
    meta = get_stage("newsprism.genre.v1")
    art = make(OPINION)
    art.language = "pt"
    art = meta.factory(**meta.defaults)(art)
    assert art.genre == "other" and "'pt'" in art.evidence["genre"]
    art.language = "pt"
    assert meta.factory(languages=[])(art).genre == "opinion"  # no language filter: the model reads it


def test_genre_party_and_state_label_is_not_the_first_person() -> None:
    # "Sen. Jane Roe, I-Vt., said ..." read as the outlet's own "I" and cost the report its form.
    body = [*REPORT, "Sen. Jane Roe, I-Vt., said on Monday that the vote would be close."]
    assert G.hard_news(body)


def test_genre_archive_quotation_marks_initialisms_and_numerals_are_not_the_outlets_first_person() -> None:
    # ''I remain concerned,'' (an archive's doubled apostrophes), "the F.B.I." and "World War I" read as
    # the outlet's own "I" and cost plain reports their form.
    body = [
        *REPORT,
        "''I remain concerned about the bank,'' Senator Jane Roe said on Monday.",
        "The F.B.I. said on Tuesday that the I.P.O. filing was under review, the agency said.",
        "The memorial honours soldiers of World War I, officials said.",
        "He said ‘I will not resign’ and the workers’ union agreed, the mayor's office said.",
    ]
    assert G.hard_news(body)
    assert not G.hard_news([*REPORT, "I think the bank should be broken up, and I said so."])


def test_genre_a_sentence_in_another_script_is_not_the_outlets_english_prose() -> None:
    # A Korean tip line ending in "!" under an English wire story cost the story its form.
    body = [*REPORT, "▷ 카카오톡 : '제보' 검색, 채널 추가해주세요!"]
    assert G.hard_news(body)
    assert "!" not in G.outside_quotes("\n".join(body))


@pytest.mark.skipif(not (Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "polnear").is_dir(), reason="../shared datasets missing")
def test_genre_hard_news_check_reads_polnear() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evals"))
    from genre import hard_news_check

    res = hard_news_check(Path(__file__).resolve().parents[1].parent / "shared")
    assert res is not None and res["articles"] >= 700
    # make eval: 0.690 of PolNeAR's hard news comes out "report" (0.610 before archive quotation
    # marks and initialisms were read); the form rule alone gives about half.
    assert res["report_share"] >= 0.65, res


def test_genre_broadcast_transcript_with_segment_markers_is_a_report() -> None:
    # A broadcaster's news package printed as a transcript ("[LEAD]...[REPORT]...") had come out
    # "opinion": its sound bites carry no quotation marks and the model saw no attribution.
    body = [
        "[LEAD]Vesnia staged a parade with its leader in attendance.No message was given to the outside world."
        "[REPORT]Vesnia held the parade in the capital.Orin Valde / Vesnian leaderWe will grow in every region."
        "Families of soldiers received invitations.",
    ]
    genre, why = G.classify_genre(make(body))
    assert genre == "report" and "[LEAD]" in why and "[REPORT]" in why
    # One marker is not a package; markers are those of the cue list, bracketed or opening a line.
    assert G.classify_genre(make(["[REPORT]Vesnia held a parade. We must all be ashamed! Why?"]))[0] != "report"
    assert G.broadcast_segments("[Anchor] Good evening.\nREPORTER: The parade began.") == ["[Anchor]", "REPORTER:"]
    assert G.broadcast_segments("[UPDATE] A statement was issued.\nNOTE: times are local.") == []


def test_genre_section_named_by_the_address_or_the_titles_last_part() -> None:
    # An HTML page has no title or metadata lines: "Fact Check: ..." and "... | Editorial" in its
    # title, and "/commentisfree/" in its address, were never read, and the model guessed.
    assert G.url_section("https://news.example/commentisfree/2031/mar/03/the-view-on-tariffs") == ("opinion", "commentisfree")
    assert G.url_section("https://news.example/fact-check/news/is-the-bridge-closed-2211.html") == ("analysis", "fact-check")
    assert G.url_section("https://news.example/news/world/opinion-polls-tighten-2211") is None  # a slug is no section
    assert G.url_section(None) is None and G.url_section("not a url") is None
    art = make(REPORT, title="Fact Check: Is the bridge really closed?")
    assert G.classify_genre(art)[0] == "analysis"
    art = make(REPORT, title="The view on the grain deal | Editorial")
    assert G.classify_genre(art)[0] == "opinion"
    art = make(REPORT)
    art.url = "https://news.example/opinion/columns/the-grain-deal-is-a-mistake"
    genre, why = G.classify_genre(art)
    assert genre == "opinion" and "address" in why
    assert G.classify_genre(make(REPORT, title="Grain deal signed - Harbour Gazette"))[0] == "report"
