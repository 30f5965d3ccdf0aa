"""The claims stage: figures, qualifiers, units, asserters; grouping across articles; the seeds' floors."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from conftest import article_from_lines
from newsprism.article import Actor, ActorMention, Article, DateMention, DateRange, Span
from newsprism.stages.claims import extract_claims, find_figures, group_claims, parse_value


def _figs(text: str) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.qualifier, text[f.start : f.end]) for f in find_figures(text, 0, [])]


@pytest.mark.parametrize(
    ("num", "scale", "value"),
    [
        ("four", " million", 4e6),
        ("half a", " million", 5e5),
        ("1", " million", 1e6),
        ("4,200", "", 4200.0),
        ("twenty-five", "", 25.0),
        ("1.5", " billion", 1.5e9),
    ],
)
def test_claims_parse_value_words_and_digits(num: str, scale: str, value: float) -> None:
    assert parse_value(num, scale) == value


def test_claims_figures_qualifier_unit_and_span() -> None:
    text = (
        "Lisk said it has shipped some 4,200 crates carrying more than two million 122mm artillery rockets to Vesnia."
    )
    got = _figs(text)
    assert (4200.0, "crates", "approximately", "some 4,200 crates") in got
    assert (2e6, "122mm artillery rockets", "more than", "more than two million 122mm artillery rockets") in got
    assert all(v != 122 for v, *_ in got)  # a calibre is never the number


def test_claims_figures_percent_estimate_and_limiter() -> None:
    assert _figs("She reckons only about 45% still work.") == [(45.0, "percent", "approximately", "only about 45%")]
    assert _figs("They deployed an estimated 8,500 soldiers.")[0][:3] == (8500.0, "soldiers", "approximately")
    assert _figs("They launched at least 9 missiles and up to 65 drones.") == [
        (9.0, "missiles", "at least", "at least 9 missiles"),
        (65.0, "drones", "up to", "up to 65 drones"),
    ]


def test_claims_not_dates_ages_calibres_ordinals_or_model_numbers() -> None:
    assert (
        _figs("The 31-year-old, aged 31, aimed a 105mm howitzer in 2021 at the 42nd brigade of Airbus 320 fame.") == []
    )
    assert _figs("the two nations") == []


def test_claims_durations_with_a_count_are_figures() -> None:
    text = "This marks Lula's first trip to the region in 17 years."
    figs = find_figures(text, 0, [])
    assert [(f.value, f.unit) for f in figs] == [(17.0, "years")]
    assert text[figs[0].start : figs[0].end] == "first trip to the region in 17 years"


def _lisk_article() -> Article:
    art = article_from_lines(
        [("title", "Crates"), ("body", "Lisk said Dorvania has shipped some 4,200 crates to Vesnia in October.")]
    )
    body = art.lines[1]
    text = art.raw_text
    s = text.index("Lisk")
    art.sentences = [Span.of(text, body.start, body.end)]
    art.actors = [
        Actor("marenia", "Marenia", "GPE"),
        Actor("dorvania", "Dorvania", "GPE"),
        Actor("vesnia", "Vesnia", "GPE"),
    ]
    art.mentions = [
        ActorMention(Span.of(text, s, s + 4), "marenia", "metonym"),
        ActorMention(Span.of(text, text.index("Dorvania"), text.index("Dorvania") + 8), "dorvania"),
        ActorMention(Span.of(text, text.index("Vesnia"), text.index("Vesnia") + 6), "vesnia"),
    ]
    art.published = DateRange("2023-11-15", "2023-11-15", 1.0, "given")
    n = text.index("October")
    art.dates = [
        DateMention(Span.of(text, n, n + 7), DateRange("2023-10-01", "2023-10-31", 0.9, "October"), "2023-10", "DATE")
    ]
    return art


def test_claims_asserted_by_the_reporting_verbs_subject() -> None:
    (claim,) = extract_claims(_lisk_article())
    assert claim.asserted_by == "marenia"
    assert claim.asserted_by_text == "Lisk"
    assert claim.value == 4200 and claim.qualifier == "approximately" and claim.unit == "crates"
    assert claim.as_of.earliest == "2023-11-15"  # said undated: as of publication


def test_claims_own_voice_has_no_asserter() -> None:
    art = article_from_lines([("title", "T"), ("body", "The shipyard employs 3,400 welders.")])
    art.sentences = [Span.of(art.raw_text, art.lines[1].start, art.lines[1].end)]
    (claim,) = extract_claims(art)
    assert claim.asserted_by is None and claim.unit == "welders"


def test_claims_none_in_a_wires_editor_note_or_a_phone_number() -> None:
    # "(ATTN: ADDS comment, figures in final 3 paras)" gave "3 paras", and a tip line's
    # "02-781-1234, 4444" a bare 4444.
    body = "HARBOUR CITY (Wire) (ATTN: ADDS comment, figures in final 3 paras) -- The shipyard employs 3,400 welders. Tips: 02-781-1234, 4444."
    art = article_from_lines([("title", "T"), ("body", body)])
    art.sentences = [Span.of(art.raw_text, art.lines[1].start, art.lines[1].end)]
    assert [(c.value, c.unit) for c in extract_claims(art)] == [(3400.0, "welders")]


def test_claims_grouped_across_articles_by_quantity() -> None:
    a = _lisk_article()
    b = _lisk_article()
    b.id = "other"
    a.claims = extract_claims(a)
    b.claims = extract_claims(b)
    for c in b.claims:
        c.article = "other"
    out = group_claims([a, b])
    assert len(out) == 2 and out[0].group == out[1].group and out[0].group.startswith("q-crate")


# -- the seeds -----------------------------------------------------------------------------

FLOORS = {"claims.found": 0.85, "claims.asserted_by": 0.8, "claims.qualifier": 0.85}




@pytest.mark.issue(6)
@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_claims_seed_floor(seed_scores: dict[str, float], measure: str, floor: float) -> None:
    assert seed_scores.get(measure, 0.0) >= floor, f"{measure} = {seed_scores.get(measure)} < {floor}"


def test_claims_identifiers_scores_and_list_days_are_not_figures() -> None:
    # A round-up's "29 -- ...", a phone number, a plate and a score made claims with units
    # like "--" and "-781-1234".
    from newsprism.stages.claims import find_figures

    text = "Call 02-555-0199 now. Plate 0042 was seen. They won 4-1 at home. 29 -- The board met. Police held 12 suspects."
    figs = find_figures(text, 0, [])
    assert [(f.value, f.unit) for f in figs] == [(12.0, "suspects")]


def test_claims_hyphenated_unit_loses_its_hyphen() -> None:
    from newsprism.stages.claims import find_figures

    figs = find_figures("The firm showed a 16-inch laptop after a three-hour event.", 0, [])
    assert [f.unit.split()[0] for f in figs] == ["inches", "hours"]  # a measure before a noun: "a 16-inch laptop" is 16 inches


def test_claims_unit_stops_at_a_preposition_or_adverb() -> None:
    # Units came out as "PS along", "jets around" and "currently" on real product and business pages.
    from newsprism.stages.claims import find_figures

    figs = find_figures("The engine makes 151 PS along with a torque boost, and 16 currently fly; 40 planes around the hub wait.", 0, [])
    assert [(f.value, f.unit) for f in figs] == [(151.0, "PS"), (16.0, ""), (40.0, "planes")]


@pytest.mark.issue(22)
def test_claims_units_of_measures_shares_and_comparisons() -> None:
    # Our figures gold: "a 10-year term", "a 16-point margin", "a 21 percentage point increase",
    # "Six in 10", "2.5 million more votes", "1,008 adults nationwide" had units "year term",
    # "point margin", "percentage point increase", none, none and "adults nationwide".
    text = "She won a 10-year term with a 16-point margin, a 21 percentage point increase; six in 10 voters agree."
    assert [(f.value, f.unit) for f in find_figures(text, 0, [])] == [(10.0, "years"), (16.0, "points"), (21.0, "percentage points"), (0.6, "share of voters")]
    text = "Two in three voters agree, and the two trailed by 5 and 10 points, respectively."
    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text, 0, [])] == [(0.667, "share of voters", "exact"), (5.0, "points", "exact"), (10.0, "points", "exact")]
    text = "Seventy-four percent of voters say the seven-member court held seven or eight hearings."
    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text, 0, [])] == [(74.0, "percent", "exact"), (7.0, "members", "exact"), (7.0, "hearings", "at least"), (8.0, "hearings", "up to")]
    text = "Sanders raised $28.4million; gifts of $200 or less were 60 percent or more, no more than 3 agents went, a 12 point jump."
    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text, 0, [])] == [
        (28.4e6, "US dollars", "exact"), (200.0, "US dollars", "up to"), (60.0, "percent", "at least"), (3.0, "agents", "up to"), (12.0, "points", "exact"),
    ]  # fmt: skip
    text = "I have 2.5 million more votes than he has, and the poll reached 1,008 adults nationwide."
    assert [(f.value, f.unit) for f in find_figures(text, 0, [])] == [(2.5e6, "votes"), (1008.0, "adults")]


@pytest.mark.issue(22)
@pytest.mark.parametrize(
    "text",
    [
        "Vera Lind, 92, died on Monday.",  # an age in apposition
        "Lind, 92, said the plan had failed.",  # one name, then words about her
        "The governor leads among voters between the ages of 18 and 54.",
        "Voters ages 18 to 29 backed him.",
        "In a three-way race the governor led.",  # a kind of contest, not a count asserted
        "It is now a two-person race.",
    ],
)
def test_claims_ages_and_kinds_of_contest_are_no_figures(text: str) -> None:
    assert find_figures(text, 0, []) == []


def test_claims_long_bare_digit_strings_are_identifiers() -> None:
    # Embedded posts' ids and timestamps ("672137288055398401", "1449075600") came out as figures.
    from newsprism.stages.claims import find_figures

    text = "Post 672137288055398401 at 1449075600 said 3 million fewer voters came, and the city has 1,449,075,600 people."
    assert [(f.value, f.unit) for f in find_figures(text, 0, [])] == [(3000000.0, "voters"), (1449075600.0, "people")]


def _one_sentence(body: str, place: str, kind: str) -> Article:
    """An article of one body sentence naming one place (a GPE actor) as a mention of ``kind``."""
    art = article_from_lines([("title", "Headline"), ("body", body)])
    text = art.raw_text
    art.sentences = [Span.of(text, art.lines[1].start, art.lines[1].end)]
    art.actors = [Actor(place.lower(), place, "GPE")]
    i = text.index(place)
    art.mentions = [ActorMention(Span.of(text, i, i + len(place)), place.lower(), kind)]
    return art


def test_claims_asserter_is_the_cues_subject_after_a_comma_not_a_place_before_it() -> None:
    # "... opened a plant in the city of Harbin, state media reported, marking ... 20 cities": the
    # city, the last actor before the cue, was taken for the asserter.
    body = "The leader opened a plant in the city of Harbin, state media reported, marking the completion of plants in 20 cities."
    (claim,) = extract_claims(_one_sentence(body, "Harbin", "place"))
    assert claim.value == 20 and claim.asserted_by is None and claim.asserted_by_text == "state media"


def test_claims_an_actor_after_a_preposition_asserts_nothing() -> None:
    # "... a pact of two states that unsettles the region around Karsk ..., as reported by" made
    # the place the asserter of "two states".
    (claim,) = extract_claims(_one_sentence("Exports rose 12 percent last year across Vesnia, the agency reported.", "Vesnia", "name"))
    assert claim.value == 12 and claim.asserted_by is None


@pytest.mark.issue(22)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He was promoted to the No. 2 job at the bureau.", []),  # a rank, not a count
        ("The #1 seed won the cup.", []),
        ("Two-thirds of voters backed the plan.", [(0.667, "share of voters", "exact")]),  # not 2.0 "thirds"
        ("Three quarters of its members voted.", [(0.75, "share of members", "exact")]),
        ("Between 10,000 and 12,000 troops were sent.", [(10000.0, "troops", "at least"), (12000.0, "troops", "up to")]),
        ("It fired 10 to 12 missiles.", [(10.0, "missiles", "at least"), (12.0, "missiles", "up to")]),
    ],
)
def test_claims_ranks_fractions_and_ranges(text: str, want: list[tuple[float, str, str]]) -> None:
    from newsprism.stages.claims import find_figures

    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text, 0, [])] == want


@pytest.mark.issue(22)
def test_claims_grouped_only_when_they_can_be_the_same_quantity() -> None:
    """A 400,000-crown shipment and a 30-million-crown cost, "2 years" and "22 years" of one story
    were one "how it changed" series: a group now needs one unit, values within a factor of five
    and, where both say what they measure, a word of it in common."""
    from newsprism.article import Claim, Span
    from newsprism.stages.claims import group_claims

    def claim(art: str, value: float, unit: str, about: str) -> Claim:
        return Claim(art, Span(0, 1, "x"), value, unit, about=about)

    arts = []
    for k, (value, unit, about) in enumerate(
        [
            (400_000, "crowns", "shipment"),
            (30_000_000, "crowns", "cost"),
            (1_000_000, "artillery shells", "sent shells"),
            (3_000_000, "152mm artillery shells", "sent shells"),
            (25_000_000, "crowns", "cost"),
        ]
    ):
        a = article_from_lines([("title", "T"), ("body", "Vesnia and Lisk.")])
        a.id = f"a{k}"
        a.sentences = [Span.of(a.raw_text, a.lines[1].start, a.lines[1].end)]
        a.mentions = [ActorMention(Span.of(a.raw_text, a.raw_text.index("Vesnia"), a.raw_text.index("Vesnia") + 6), "vesnia")]
        c = claim(a.id, value, unit, about)
        c.span = Span.of(a.raw_text, a.lines[1].start, a.lines[1].start + 1)
        a.claims = [c]
        arts.append(a)
    groups = {c.article: c.group for c in group_claims(arts)}
    assert groups["a0"] != groups["a1"]  # 75 times apart: not one quantity
    assert groups["a2"] == groups["a3"]  # one million, then three million shells
    # Each figure meets every earlier one, not only the first (the review's leftover): the two
    # costs are one quantity though the first crown figure of the story is another.
    assert groups["a1"] == groups["a4"] != groups["a0"]


@pytest.mark.issue(22)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Between 10 and 12 million troops were sent.", [(10_000_000.0, "troops", "at least"), (12_000_000.0, "troops", "up to")]),
        ("The force rose from 20 to 30 brigades.", [(20.0, "brigades", "exact"), (30.0, "brigades", "exact")]),
    ],
)
def test_claims_range_low_end_takes_the_scale_and_a_change_is_no_range(text: str, want: list[tuple[float, str, str]]) -> None:
    from newsprism.stages.claims import find_figures

    assert [(f.value, f.unit, f.qualifier) for f in find_figures(text, 0, [])] == want


def _sentences(*body: str, orgs: tuple[str, ...] = ()) -> Article:
    """An article of body lines, each one sentence, with ``orgs`` as ORG actors wherever named."""
    art = article_from_lines([("title", "Headline"), *(("body", b) for b in body)])
    text = art.raw_text
    art.sentences = [Span.of(text, ln.start, ln.end) for ln in art.lines[1:] if ln.role == "body"]
    for name in orgs:
        aid = "entity-" + name.lower().replace(" ", "-")
        art.actors.append(Actor(aid, name, "ORG"))
        for k in range(len(text)):
            if text.startswith(name, k):
                art.mentions.append(ActorMention(Span.of(text, k, k + len(name)), aid, "name"))
    art.mentions.sort(key=lambda m: m.span.start)
    return art


@pytest.mark.issue(22)
def test_claims_poll_findings_are_the_polls_not_the_respondents_or_the_outlets() -> None:
    # Our figures gold (evals/labels/polnear_claims.json): poll numbers were given to the
    # candidate the respondents judged ("64 percent call him competent" -> Sanders), to the
    # respondents ("Seventy-four percent of Democratic registered voters"), to "the results", or
    # to the outlet; the poll named before them asserts them.
    art = _sentences(
        "Voters warmed to the senator, according to a new Harlow University poll.",
        "Seventy-two percent now believe he could win, and 64 percent call him competent.",
        "Trump received 37 percent and Clinton had 36 percent, according to the results.",
        "Democratic voters are more likely to say the same of the governor, 73 percent to 63 percent.",
        "The poll of 1,033 adults has a margin of error of 3.4 percentage points.",
        "The governor won 52 percent of the vote in the 2014 election.",
        orgs=("Harlow University",),
    )
    got = {(c.value, c.unit): (c.asserted_by, c.asserted_by_text) for c in extract_claims(art)}
    poll = ("entity-harlow-university", "Harlow University poll")
    for key in [(72.0, "percent"), (64.0, "percent"), (37.0, "percent"), (36.0, "percent"), (73.0, "percent"), (63.0, "percent"), (1033.0, "adults"), (3.4, "percentage points")]:
        assert got[key] == poll, key
    assert got[(52.0, "percent")] == (None, None)  # an election's count, in the outlet's voice


@pytest.mark.issue(22)
def test_claims_an_unnamed_poll_refers_back_and_several_polls_are_no_one_poll() -> None:
    art = _sentences(
        "Three recent polls, including one from Harlow University, favour the governor.",
        "Against the senator, the governor leads 45 percent to 39 percent among registered voters.",
        "Other polls by Quist Research and Dorne Analytics had him ahead by 8 points and 11 points.",
        "The poll also found that 32 percent of voters had no opinion of him.",
        orgs=("Harlow University", "Quist Research", "Dorne Analytics"),
    )
    got = {c.value: c.asserted_by for c in extract_claims(art)}
    assert got[45.0] == got[39.0] == got[32.0] == "entity-harlow-university"
    # Several polls of one pollster are that pollster's; a margin of error is the poll's.
    art = _sentences(
        "New polls by Quist Research show the governor ahead in three states.",
        "The governor sits at 43 percent, the senator at 41 percent.",
        "The margin of error is between 3.1 and 4.9.",
        orgs=("Quist Research",),
    )
    got = {c.value: c.asserted_by for c in extract_claims(art)}
    assert got[43.0] == got[41.0] == got[3.1] == got[4.9] == "entity-quist-research"


@pytest.mark.issue(22)
def test_claims_asserter_is_never_a_clause_a_number_or_a_place_far_from_the_verb() -> None:
    # Real pages gave "selling his stake at an", "35" and "North Carolina" as asserters.
    art = _one_sentence("The campaign will air the ad in nine states, including Ohio and Florida, the aides said.", "Ohio", "name")
    (claim,) = extract_claims(art)
    assert claim.asserted_by is None and claim.asserted_by_text == "the aides"
    art = _one_sentence("Mr. Roe resigned from Vesnia, selling his stake at an estimated loss of $473 million.", "Vesnia", "name")
    (claim,) = extract_claims(art)
    assert claim.asserted_by is None and claim.asserted_by_text is None


@pytest.mark.issue(22)
def test_claims_figures_gold_is_whole_and_the_scorer_counts_right(shared: Path) -> None:
    """The figures gold (evals/labels/polnear_claims.json) holds offsets into the shared texts, one
    label per number, CONTRACT qualifiers; the scorer's matching, unit heads and B³ behave."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evals"))
    import polnear_claims as P

    labels = P.load_labels()
    assert all(len(files) == 20 for files in labels["sets"].values())
    quals = {"exact", "approximately", "more than", "less than", "at least", "up to"}
    for name, lab in labels["articles"].items():
        text = (shared / P.POLNEAR / name).read_text(encoding="utf-8")
        spans = sorted((x["start"], x["end"]) for x in lab["figures"] + lab["not_figures"])
        assert all(0 <= s < e <= len(text) for s, e in spans), name
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), name  # no overlaps
        for f in lab["figures"]:
            assert f["qualifier"] in quals and f["unit"] and f["quantity"], (name, f)
            assert any(ch.isdigit() or ch.isalpha() for ch in text[f["start"] : f["end"]])
    assert P.unit_head("152mm artillery shells") == "shell" and P.unit_head("%") == P.unit_head("per cent") == "percent"
    assert P.unit_head("USD") == P.unit_head("dollars") == "dollar"
    assert P.b_cubed([("a", "x"), ("a", "x"), ("b", "y")]) == 1.0
    assert P.b_cubed([("a", "x"), ("a", "y")]) < 1.0
    preds = [P.Pred(0, 10, 35.0, "percent", "exact"), P.Pred(40, 45, 7.0, "votes", "exact")]
    gold = [{"start": 0, "end": 10, "value": 35.0}, {"start": 20, "end": 30, "value": 2.0}]
    assert P.match(preds, gold) == [(0, 0)]


@pytest.mark.issue(22)
def test_claims_a_poll_reaches_only_its_figures_and_groups_are_no_respondents() -> None:
    """A review of 2026-12-07: after "A Harlow poll found ..." every percentage of the article
    (a central bank's rate, a company's income, an election's share) became the poll's, and
    "Democrats said 30 percent of the cuts ..." too. A poll reaches two sentences on, or all
    through a poll story; a share is a poll's only in words of polls or of candidates' shares."""
    art = _sentences(
        "Markets wobbled on Monday, and a new Harlow University poll found voters gloomy.",
        "The central bank held its rate at 5.25 percent, and the company said income rose 8 percent.",
        "Inflation stayed at 3.2 percent in May, the statistics office said.",
        "Democrats said 30 percent of the cuts would fall on schools.",
        "In 2012, the senator got 51 percent of the vote.",
        orgs=("Harlow University",),
    )
    got = {c.value: (c.asserted_by, c.asserted_by_text) for c in extract_claims(art)}
    assert got[5.25][0] is None and got[3.2][0] is None and got[51.0] == (None, None)
    assert got[30.0] == (None, "Democrats")
    # A quoted reporting verb still asserts what its participle adds ("..., putting the toll at 312").
    art = _sentences("“The dam failed,” the ministry said, putting the death toll at 312.")
    (claim,) = extract_claims(art)
    assert claim.asserted_by_text == "the ministry"
    # "12 in 20 minutes" is no share; "one in five Americans" is one.
    figs = [(f.value, f.unit) for f in find_figures("He scored 12 in 20 minutes, and one in five Americans agree.", 0, [])]
    assert (12.0, "") in figs and (0.2, "share of Americans") in figs
    # "won" is a currency; a list of counts keeps them all; a word before a hyphen that is no measure.
    assert [(f.value, f.unit) for f in find_figures("It cost 1.2 trillion won.", 0, [])] == [(1.2e12, "won")]
    assert [f.value for f in find_figures("Texas reported 45 deaths, Florida, 32, and Georgia, 20.", 0, [])] == [45.0, 32.0, 20.0]
    assert find_figures("It was a three-pronged attack.", 0, []) == []


@pytest.mark.issue(22)
def test_claims_asserter_span_points_at_the_characters_naming_the_asserter() -> None:
    # Every statement points back to its characters: the asserter's too, an actor or a group's words.
    art = _sentences(
        "About 400 dockworkers walked out, the Calderra Port Authority said.",
        "Some 30 ships wait offshore, union officials said.",
        "The port handles 9,000 containers a day.",
        orgs=("Calderra Port Authority",),
    )
    got = {c.value: c.asserted_by_span.text if c.asserted_by_span else None for c in extract_claims(art)}
    assert got == {400.0: "Calderra Port Authority", 30.0: "union officials", 9000.0: None}
    [c] = [c for c in extract_claims(art) if c.value == 400.0]
    assert type(c).from_dict(c.as_dict()).asserted_by_span == c.asserted_by_span


@pytest.mark.issue(22)
def test_claims_a_reporting_verb_whose_words_follow_it_does_not_assert_the_figure_before_it() -> None:
    # Our figures gold, tune sets: "Trump, who has called the 12-nation pact 'insanity', and
    # Sanders, who says it's 'disastrous'" gave the 12 to Sanders; "In an email dated ... —
    # seven months before the attack — Nordstrom informed officials that ..." to Nordstrom.
    art = _sentences(
        "Lisk, who has called the 12-nation pact a mistake, and Ormond, who says it is a disaster, will debate.",
        "In a memo sent 7 months before the strike, Ormond informed the board that the plan had failed.",
        "Nearly 40 people were hurt, Ormond said.",
        orgs=("Lisk", "Ormond"),
    )
    got = {c.value: c.asserted_by for c in extract_claims(art)}
    assert got == {12.0: None, 7.0: None, 40.0: "entity-ormond"}


@pytest.mark.issue(22)
def test_claims_the_writers_gloss_and_the_addressee_are_not_what_is_reported() -> None:
    # "..., Ramos said, referring to the Hispanic community, standing now at 17 percent"; "Canova
    # wrote to his 20,000 Twitter followers, “It's time ...”" (figures gold, tune sets: both the
    # outlet's own words).
    art = _sentences(
        "The shift is coming, Ormond said, referring to the port's workforce, now at 3,000 people.",
        "Ormond wrote to his 20,000 followers, “It is time to go.”",
        "Ormond said that 300 people had signed up.",
        orgs=("Ormond",),
    )
    got = {c.value: c.asserted_by for c in extract_claims(art)}
    assert got == {3000.0: None, 20000.0: None, 300.0: "entity-ormond"}


@pytest.mark.issue(22)
def test_claims_a_part_of_a_whole_and_an_elided_noun_count_the_same_thing() -> None:
    # Figures gold, tune sets: "449 of the party insiders back Clinton, while only 19 ...",
    # "monitors 20,000 of Saudi Arabia's 70,000 mosques", "Clinton has won 13 of the past 19
    # Democratic contests" had no unit.
    text = (
        "The survey found 449 of the party insiders backed the mayor, while only 19 backed her rival. "
        "The agency monitors 20,000 of Vesnia's 70,000 mosques. She has won 13 of the past 19 contests. "
        "The mayor has 2,203 delegates to her rival's 1,828. "
        "The engine makes 151 PS along with a torque boost, and 16 currently fly. Six of them left."
    )
    got = [(f.value, f.unit) for f in find_figures(text, 0, [])]
    assert got == [
        (449.0, "party insiders"), (19.0, "party insiders"), (20000.0, "mosques"), (70000.0, "mosques"),
        (13.0, "contests"), (19.0, "contests"), (2203.0, "delegates"), (1828.0, "delegates"), (151.0, "PS"), (16.0, ""),
    ]


@pytest.mark.issue(22)
def test_claims_a_named_speaker_reported_inside_a_quote_asserts_the_figure(tmp_path: Path) -> None:
    # "“I saw in the news today that Trump said his approval was 41 percent,” Adelson said" (figures
    # gold, tune2): the figure is Trump's claim, reported by the quoted man.
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Donors weigh the race\n"
        "Sheldon Marlow spoke to reporters in Calderra on Tuesday.\n"
        "\u201cI saw in the news that Thomas Varga said his approval was 41 percent. He was glad,\u201d Marlow said.\n"
        "\u201cWe raised 12 million dollars,\u201d Marlow said.\n",
        encoding="utf-8",
    )
    d = run([tmp_path])
    names = {a.id: a.name for a in d.actors}
    got = {c.value: (names.get(c.asserted_by or ""), c.asserted_by_text) for c in d.claims}
    assert got[41.0] == ("Thomas Varga", "Thomas Varga")
    assert got[12e6][1] == "Marlow"  # no one reported inside: the quoted man's own words


@pytest.mark.issue(22)
def test_review_claims_rules_of_the_fifth_session_do_not_misfire(tmp_path: Path) -> None:
    """A review of the asserter and unit rules on sentences made up for it found: "the Labor
    Department said Friday in a report that ..." lost its asserter (the "that" of "a report that"
    read as the verb's); "Trump said it would cost $10 billion, but it will cost $40 billion"
    gave the rebuttal to Trump; "told the network about 40,000 jobs had been lost" read the
    figure as an addressee; "raise the age to 67", "fired 40 rockets and killed 3" and "30 of the
    state's 88 counties" got units they do not count."""
    from newsprism.pipeline import run

    text = (
        "The unemployment rate fell to 4.9 percent, the Labor Department said Friday in a report that also showed wage gains.\n"
        "\u201cThomas Varga said the wall would cost $10 billion, but it will cost at least $40 billion,\u201d Nancy Pellman said.\n"
        "Wilbur Rossman told the network about 40,000 jobs had been lost and that more would follow.\n"
    )
    (tmp_path / "a.txt").write_text("Jobs and the wall\n" + text, encoding="utf-8")
    d = run([tmp_path])
    names = {a.id: a.name for a in d.actors}
    got = {c.value: names.get(c.asserted_by or "") for c in d.claims}
    assert got == {4.9: "Labor Department", 10e9: "Thomas Varga", 40e9: "Nancy Pellman", 40000.0: "Wilbur Rossman"}
    for sentence, want in [
        ("The plan would cut 5,000 jobs by 2020 while raising the retirement age to 67.", [(5000.0, "jobs"), (67.0, "")]),
        ("Militants fired 40 rockets and killed 3.", [(40.0, "rockets"), (3.0, "")]),
        ("Trump won 30 of the state's 88 counties.", [(30.0, "counties"), (88.0, "counties")]),
        ("He got 218 votes in the House and 60 in the Senate.", [(218.0, "votes"), (60.0, "votes")]),
    ]:
        assert [(f.value, f.unit) for f in find_figures(sentence, 0, [])] == want, sentence


@pytest.mark.issue(22)
def test_review_a_street_address_and_a_relative_clause_are_no_figure_or_asserter() -> None:
    """An analyst's review of untuned PolNeAR (dev): "in front of 131 West 23rd Street" was the
    figure 131 with the unit "West"; "who has repeatedly pledged to ban all Muslims — 1.6 billion
    members ..." had the asserter "has repeatedly"."""
    assert find_figures("The blast went off in front of 131 West 23rd Street, police said.", 0, []) == []
    assert [(f.value, f.unit) for f in find_figures("About 200 Main Street shops closed.", 0, [])] == [(200.0, "Main")]
    art = _sentences("He is a candidate who has repeatedly pledged to ban all Muslims, 1.6 billion members of a religion.")
    assert [(c.value, c.asserted_by_text) for c in extract_claims(art)] == [(1.6e9, None)]


@pytest.mark.issue(22)
def test_review_a_street_name_before_a_noun_counts_that_noun() -> None:
    """A review: "cut 500 Wall Street jobs", "20 Main Street businesses" lost their figures to the
    address rule; an address stands after "at", "on", "of" or ends its phrase."""
    got = [f.value for t in ("The bank will cut 500 Wall Street jobs.", "About 20 Main Street businesses closed.") for f in find_figures(t, 0, [])]
    assert got == [500.0, 20.0]
    assert find_figures("The office at 10 Downing Street said so.", 0, []) == []


@pytest.mark.issue(22)
def test_a_share_said_as_n_of_m_is_one_figure() -> None:
    """The blind reading (ninth session): "three of four Americans disapproved" was the figure 4
    Americans; it is a share (0.75), as "six in 10 voters" and "nine out of 10 doctors" are."""

    def got(s: str) -> list[tuple[float, str]]:
        return [(f.value, f.unit) for f in find_figures(s, 0, [])]

    assert got("In a poll released Sunday, three of four Americans disapproved.") == [(0.75, "share of Americans")]
    assert got("Nine out of 10 doctors agree.") == [(0.9, "share of doctors")]
    assert got("Two of the three men were hurt.") == []


@pytest.mark.issue(22)
def test_claims_the_group_a_poll_asks_is_no_pollster_and_an_average_of_polls_no_earlier_poll(tmp_path: Path) -> None:
    """A blind reading (eleventh session): "The poll also noted that 73 percent of Democrats ..."
    gave the share to the Democratic Party (the organisation near an unnamed poll), and "A Real
    Clear Politics average of polls shows Clinton leading by 2.2 percent" to the poll named a
    sentence before."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Poll\n\nA CBS News poll released Monday shows Clinton leading Trump by 6 points.\n\n"
        "The poll also noted that 73 percent of Democrats are satisfied with their nominee.\n\n"
        "An average of polls shows Clinton leading by 2.2 percent.\n",
        encoding="utf-8",
    )
    got = {c.value: c.asserted_by for c in run([tmp_path]).claims}
    assert got[73.0] != "democratic-party-us" and got[2.2] != got[6.0], got


@pytest.mark.issue(22)
def test_review_a_pollster_after_of_and_polls_named_in_passing(tmp_path: Path) -> None:
    """The second code review of the eleventh session: "The survey, a joint project of ABC News,
    found ..." lost its pollster (only a group after "percent of" or "among" is the polled);
    "Unlike previous polls, she now leads among men by 5 points" lost the poll named before (only
    several polls that show or find something are the figure's source)."""
    from newsprism.pipeline import run

    (tmp_path / "a.txt").write_text(
        "Poll\n\nThe survey, a joint project of ABC News, found Clinton at 48 percent.\n\n"
        "In a Monmouth University poll released Monday, Clinton led Trump 50 percent to 40 percent. Unlike previous polls, she now leads among men by 5 points.\n",
        encoding="utf-8",
    )
    got = {c.value: c.asserted_by for c in run([tmp_path]).claims}
    assert got[48.0] == "abc-news" and got[5.0] == got[50.0] and got[50.0] is not None, got
