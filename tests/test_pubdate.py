"""Publication dates: stated ones are read, missing ones are inferred from constraints and said so."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import article_from_lines
from newsprism.article import Article, DateRange, Dossier
from newsprism.stages import pubdate as P
from newsprism.stages.timex import article_dates

SUMMIT = P.make_anchor(
    "test-summit",
    "The Lisk–Vesnia summit in Port Amsel",
    date(2031, 5, 14),
    date(2031, 5, 14),
    [["Lisk"], ["Port Amsel"]],
    ["summit", "talks", "visit"],
)
WAR = P.make_anchor(
    "test-war",
    "The Lisk–Vesnia border war begins",
    date(2029, 3, 1),
    date(2029, 3, 1),
    [["Lisk"], ["Vesnia"]],
    ["war"],
    kind="onset",
)


@pytest.fixture
def kb(monkeypatch: pytest.MonkeyPatch) -> None:
    """A knowledge base of invented events, so tests do not lean on the packaged one."""
    monkeypatch.setattr(P, "anchor_events", lambda: (SUMMIT, WAR))
    monkeypatch.setenv("NEWSPRISM_TODAY", "2035-01-01")


def body(*paragraphs: str, meta: tuple[str, ...] = ()) -> Article:
    rows = [("title", "Vesnia backs Lisk")] + [("metadata", m) for m in meta] + [("body", p) for p in paragraphs]
    return article_from_lines(rows)


def test_pubdate_dateline_is_stated(kb: None) -> None:
    art = body("Vesnia said on Monday it would back Lisk.", meta=("March 01, 2030",))
    stated = P.stated_published(art)
    assert stated is not None and stated.earliest == stated.latest == "2030-03-01"


def test_pubdate_caption_date_is_never_the_publication_date(kb: None) -> None:
    rows = [("title", "Vesnia backs Lisk"), ("caption", "The two leaders meet, April 25, 2019. (Reuters/Ada Rusk)")]
    rows += [("body", "Vesnia said it would back Lisk in the war with its neighbour.")]
    art = article_from_lines(rows)
    assert P.stated_published(art) is None
    assert P.infer_published(art).earliest != "2019-04-25"


def test_pubdate_given_wins(kb: None) -> None:
    art = body("Vesnia said on Monday it would back Lisk.")
    art.given["published"] = "2030-01-02"
    art.published = DateRange("2030-01-02", "2030-01-02", 1.0, "given")
    assert P.stated_published(art) == art.published


def test_pubdate_url_date(kb: None) -> None:
    art = body("Vesnia said it would back Lisk.")
    art.url = "https://news.example/world/2031/05/16/vesnia-backs-lisk"
    stated = P.stated_published(art)
    assert stated is not None and stated.earliest == "2031-05-16"


def test_pubdate_lower_bound_from_a_past_full_date(kb: None) -> None:
    art = body("The statement was issued on 27 January 2030.", "It denounced the blockade.")
    got = P.infer_published(art)
    assert got.earliest == "2030-01-27" and got.latest is None
    assert "27 January 2030" in got.evidence


def test_pubdate_future_dates_do_not_bound(kb: None) -> None:
    art = body("The talks will resume on 3 March 2034.", "Officials issued a statement on 2 February 2030.")
    assert P.infer_published(art).earliest == "2030-02-02"


def test_pubdate_last_week_anchored_on_an_event(kb: None) -> None:
    # The summit was on Wednesday 2031-05-14; "last week" puts publication in the week after,
    # and "on Monday" (reported that day or the next) narrows it to 19-20 May.
    art = body(
        "Vesnia on Monday criticised the blockade of Lisk.",
        "Last week, the Vesnian leader held summit talks with Lisk's president in Port Amsel.",
    )
    got = P.infer_published(art)
    assert (got.earliest, got.latest) == ("2031-05-19", "2031-05-20")
    assert "Last week" in got.evidence and "summit" in got.evidence


def test_pubdate_today_is_the_event_day(kb: None) -> None:
    art = body("Hosting Lisk's president in Port Amsel today, the Vesnian leader praised the visit.")
    got = P.infer_published(art)
    assert got.earliest == got.latest == "2031-05-14"


def test_pubdate_onset_events_bound_but_are_not_pointed_at(kb: None) -> None:
    # "last week" cannot point at the start of a war; the war still bounds the date below.
    art = body("Last week, Vesnia said it would keep supporting Lisk in the war.")
    got = P.infer_published(art)
    assert got.earliest == "2029-03-01"
    assert got.latest is None


def test_pubdate_year_arithmetic(kb: None) -> None:
    art = body("It was the president's first trip to Vesnia in 24 years, his first since 2007.")
    got = P.infer_published(art)
    assert got.earliest == "2031-01-01" and got.latest == "2031-12-31"


def test_pubdate_day_and_month_without_year(kb: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not before the war (2029-03-01) and not after today: "on 8 February" fits 2030 and 2031;
    # the earliest is taken, with the doubt in the confidence and the evidence.
    monkeypatch.setenv("NEWSPRISM_TODAY", "2031-06-01")
    art = body("Vesnia's leader on 8 February vowed to back Lisk in the war.")
    got = P.infer_published(art)
    assert (got.earliest, got.latest) == ("2030-02-08", "2030-02-09")
    assert "2 periods fit" in got.evidence and got.confidence < 0.6


def test_pubdate_too_many_periods_gives_only_the_bound(kb: None) -> None:
    art = body("Vesnia on Monday criticised the blockade.", "It has backed Lisk in its war with Vesnia.")
    got = P.infer_published(art)
    assert got.earliest == "2029-03-01" and got.latest is None
    assert "separate periods" in got.evidence


def test_pubdate_nothing_known(kb: None) -> None:
    got = P.infer_published(body("Vesnia backs its neighbour."))
    assert got.earliest is None and got.latest is None and got.confidence == 0.0


def test_pubdate_weekday_in_metadata(kb: None) -> None:
    art = body("Last week, the Vesnian leader held summit talks with Lisk's president in Port Amsel.", meta=("Published on Tuesday",))
    got = P.infer_published(art)
    assert got.earliest == got.latest == "2031-05-20"


def test_pubdate_corpus_anchor_from_another_article(kb: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P, "anchor_events", lambda: ())
    dated = body("Harbour workers in Calderra walked out on Tuesday after the Vesnian Dockworkers' Federation called a strike.")
    dated.id = "dated"
    dated.published = DateRange("2032-03-04", "2032-03-04", 0.95, "dateline")
    dated.evidence["published"] = "stated"
    undated = body(
        "The strike called by the Vesnian Dockworkers' Federation in Calderra last week left ships waiting.",
        "Traders in Calderra said on Monday that prices were rising.",
    )
    undated.id = "undated"
    undated.published = P.infer_published(undated)
    assert not undated.published.known or undated.published.earliest != undated.published.latest
    undated.evidence["published"] = "inferred"
    d = Dossier(articles=[dated, undated])
    P.make_pubdate_corpus()(d)
    got = d.articles[1].published
    # the strike began on Tuesday 2 March; "last week" then means 8-14 March, "on Monday" the 8th
    assert (got.earliest, got.latest) == ("2032-03-08", "2032-03-09")
    assert d.articles[1].evidence["published"] == "inferred across articles"
    # its relative dates were resolved again against the new date
    assert any(m.span.text == "Monday" and m.value.earliest == "2032-03-08" for m in d.articles[1].dates)


def test_timex_stage_resolves_against_a_known_day() -> None:
    art = body("Vesnia on Monday criticised the blockade.")
    art.published = DateRange("2031-05-20", "2031-05-20", 0.95, "stated")
    (m,) = [m for m in article_dates(art) if m.span.text == "Monday"]
    assert m.value.earliest == m.value.latest == "2031-05-19"
    assert art.raw_text[m.span.start : m.span.end] == "Monday"
    assert m.timex == "2031-05-19" and m.type == "DATE"


def test_timex_stage_range_anchor_gives_union() -> None:
    art = body("Vesnia on Monday criticised the blockade.")
    art.published = DateRange("2031-05-20", "2031-05-27", 0.6, "inferred")
    (m,) = [m for m in article_dates(art) if m.span.text == "Monday"]
    assert m.value.earliest == "2031-05-19" and m.value.latest == "2031-05-26"


def test_timex_stage_lower_bound_only_leaves_relative_unresolved() -> None:
    art = body("Vesnia on Monday criticised the blockade.")
    art.published = DateRange("2031-05-20", None, 0.4, "inferred")
    (m,) = [m for m in article_dates(art) if m.span.text == "Monday"]
    assert m.value.earliest is None and m.value.latest is None


def test_timex_stage_marks_caption_dates_as_the_photos() -> None:
    rows = [("title", "Vesnia backs Lisk"), ("caption", "The leaders meet, April 25, 2019. (Reuters/Ada Rusk)")]
    art = article_from_lines(rows)
    (m,) = article_dates(art)
    assert "photo" in m.value.evidence and m.value.earliest == "2019-04-25"


def test_timex_caption_weekday_without_tense_is_past() -> None:
    """Regression: a caption's bare "on Wednesday" was placed after the article's date."""
    rows = [("title", "Vesnia backs Lisk"), ("caption", "The leaders pose for a photo in Port Amsel on Wednesday.")]
    art = article_from_lines(rows)
    art.published = DateRange("2031-05-20", "2031-05-20", 0.95, "stated")
    (m,) = [m for m in article_dates(art) if m.span.text == "Wednesday"]
    assert m.value.earliest == "2031-05-14"


def test_pubdate_byline_date_and_published_beats_updated(kb: None) -> None:
    art = body("Vesnia said it would back Lisk.", meta=("By Ada Rusk, March 3, 2030", "Updated March 5, 2030"))
    got = P.stated_published(art)
    assert got is not None and got.earliest == "2030-03-03" and "byline" in got.evidence
    art = body("Vesnia said it would back Lisk.", meta=("Updated March 5, 2030", "Published March 4, 2030"))
    got = P.stated_published(art)
    assert got is not None and got.earliest == "2030-03-04"


def test_pubdate_crawl_date_is_not_the_publication_date(kb: None) -> None:
    art = body("Vesnia said it would back Lisk.", meta=("Crawled at: 2031-01-02 07:45:14",))
    assert P.stated_published(art) is None


@pytest.mark.issue(23)
@pytest.mark.parametrize(
    "sentence",
    [
        "The 2033 presidential race is already crowded.",  # a year naming a scheduled occasion
        "She is mulling a run for governor in 2033.",
        "Prices will fall by 2033, he said.",  # reported, yet about the future
        "I hope in 2033 the port reopens.",
        "Budget cuts in fiscal 2033 hit the port.",
        "Clinton has raised the most money of any 2033 candidate.",  # no past verb near the year
    ],
)
def test_pubdate_a_year_ahead_is_no_lower_bound(kb: None, sentence: str) -> None:
    """Read on PolNeAR text: "re-nominate him in 2017", "a 2020 presidential run", "the nomination
    in 2016" had dated 2015 and 2016 articles "not before" those years (confidently wrong)."""
    art = body("Officials issued a statement on 2 February 2030.", sentence)
    assert P.infer_published(art).earliest == "2030-02-02"


@pytest.mark.issue(23)
def test_pubdate_a_year_told_in_the_past_still_bounds(kb: None) -> None:
    art = body("Officials issued a statement on 2 February 2030.", "In 2031 the union signed a deal with the port.")
    assert P.infer_published(art).earliest == "2031-01-01"


@pytest.mark.issue(23)
def test_pubdate_a_day_set_for_an_occasion_or_a_posts_utc_stamp_is_no_exact_bound(kb: None) -> None:
    """Read on PolNeAR train texts 60-160 (added to the tune part): "has called a referendum ...
    for June 5, 2016" bounded a March article; an embedded tweet's "— Name (@handle) July 23,
    2016" (UTC) bounded a page published July 22 in New York. Both were confidently wrong."""
    art = body("Officials issued a statement on 2 February 2030.", "The party has called a referendum on the port for June 5, 2031.")
    assert P.infer_published(art).earliest == "2030-02-02"
    post = body("The minister posted a message. — Ada Rusk (@adarusk) July 23, 2031.", "It denounced the blockade.")
    got = P.infer_published(post)
    assert got.earliest == "2031-07-22" and "time zones" in got.evidence


@pytest.mark.issue(23)
def test_pubdate_an_embed_date_and_a_year_opening_a_title_are_no_exact_bound(kb: None) -> None:
    """Held-out PolNeAR train texts (2026-12-07, sixth session): an embedded tweet's
    ``tweet-date="March 4, 2016"`` (UTC) bounded a page of March 3; "The conservative released 2016:
    Obama's America" (a film of 2012) bounded a 2015 article. Both were confidently wrong."""
    art = body('Officials issued a statement on 2 February 2031. <tweet tweet-author="@adarusk" tweet-date="March 4, 2031">The port is shut.</tweet>', "It denounced the blockade.")
    got = P.infer_published(art)
    assert got.earliest == "2031-03-03" and "time zones" in got.evidence
    film = body("Officials issued a statement on 2 February 2030.", "The director released 2031: A Port Story in the lead up to the vote.")
    assert P.infer_published(film).earliest == "2030-02-02"


@pytest.mark.issue(23)
@pytest.mark.parametrize(
    "line",
    [
        "Lisk Holdings said holders of its debentures, due March 15, 2047, elected to convert them.",
        "The company sold $100 million of senior notes due Nov. 1, 2049, priced at par to yield 9%.",
        "The preferred shares are redeemable after the end of 2048, the company said.",
        "Vesnia Port signed a lease that expires in 2046, officials said.",
    ],
)
def test_pubdate_maturity_and_expiry_dates_are_no_lower_bound(kb: None, line: str) -> None:
    """Read on TempEval-3's training texts (1989 WSJ copy dated 2011, 2007, 2009, 1994): a bond's
    maturity, a share's call date, a lease's expiry lie ahead of the article; no lower bound."""
    art = body(line, "Officials issued a statement on 2 February 2030.")
    assert P.infer_published(art).earliest == "2030-02-02"
