"""Which characters of a line are a name (``newsprism.actor_spans``, #20), and the merges that
name variants across articles make (``newsprism.actor_merge``). Names are invented."""

from __future__ import annotations

import pytest

from conftest import article_from_lines
from newsprism.actor_merge import merge_actors
from newsprism.actor_names import initials
from newsprism.actor_spans import resegment
from newsprism.actorkb import actor_kb
from newsprism.article import ActorMention, Article, Entity, Span
from newsprism.clean import classify_text
from test_actors import _hand_article


def _with_entities(rows: list[tuple[str, str]], names: list[tuple[str, str]]) -> Article:
    """A hand-made article whose entities are the given (text, label) spans, found in order."""
    art = article_from_lines(rows)
    pos = 0
    for text, label in names:
        s = art.raw_text.index(text, pos)
        pos = s + len(text)
        art.entities.append(Entity(Span.of(art.raw_text, s, pos), label))
    return art


def _texts(art: Article) -> list[tuple[str, str]]:
    return [(e.span.text, e.label) for e in resegment(art, actor_kb())]


@pytest.mark.issue(20)
def test_actor_spans_headline_span_is_cut_to_the_names_the_body_uses() -> None:
    """Read on ECB+ (tune topics): "[Lindsay Lohan Checks] Into ..." and "[Colts Beat Chiefs]" in
    headlines; the title's name was lost, since names seen only in the title are dropped."""
    art = _with_entities(
        [("title", "Dara Velk Checks Into Harlow Clinic"), ("blank", ""), ("body", "Dara Velk arrived at the Harlow Clinic on Monday.")],
        [("Dara Velk Checks", "PERSON"), ("Harlow Clinic", "ORG"), ("Dara Velk", "PERSON"), ("Harlow Clinic", "ORG")],
    )
    assert _texts(art)[:2] == [("Dara Velk", "PERSON"), ("Harlow Clinic", "ORG")]
    teams = _with_entities(
        [("title", "Lisk Harriers Beat Osk Rovers"), ("blank", ""), ("body", "The Lisk Harriers beat the Osk Rovers 20-13.")],
        [("Lisk Harriers Beat Osk Rovers", "PERSON"), ("Lisk Harriers", "ORG"), ("Osk Rovers", "ORG")],
    )
    assert _texts(teams)[:2] == [("Lisk Harriers", "ORG"), ("Osk Rovers", "ORG")]
    # A fuller name than the body gives is no headline run-on (read on PolNeAR: "Hillary Clinton"
    # in a title became "Clinton" where the body says "Clinton" and "Bill Clinton").
    fuller = _with_entities(
        [("title", "Dara Velk Documentary Skips Rally"), ("blank", ""), ("body", "The Velk campaign and Osk Velk said so.")],
        [("Dara Velk", "PERSON"), ("Velk", "PERSON"), ("Osk Velk", "PERSON")],
    )
    assert _texts(fuller)[0] == ("Dara Velk", "PERSON")
    # A title name the body does not use is left as the model gave it.
    other = _with_entities([("title", "Mayor Tobin Wins"), ("blank", ""), ("body", "The vote was close.")], [("Mayor Tobin Wins", "PERSON")])
    assert _texts(other) == [("Mayor Tobin Wins", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_two_names_joined_by_and_split_only_when_each_is_known() -> None:
    """Read on ECB+: "[Lopez and Carrasquillo]" one organisation. A company "Harlow and Velk"
    whose parts the article never names alone stays whole."""
    rows = [("title", "Two charged"), ("blank", ""), ("body", "Andrew Tellez and Jon Corvo were charged. Tellez and Corvo denied it. Harlow and Velk said nothing.")]
    art = _with_entities(rows, [("Andrew Tellez", "PERSON"), ("Jon Corvo", "PERSON"), ("Tellez and Corvo", "ORG"), ("Harlow and Velk", "ORG")])
    got = _texts(art)
    assert ("Tellez", "ORG") in got and ("Corvo", "ORG") in got
    assert ("Harlow and Velk", "ORG") in got


@pytest.mark.issue(20)
def test_actor_spans_description_or_nationality_before_a_name_is_cut() -> None:
    """Read on ECB+: "[chipmaker AMD]" and "[American Hasim Rahman]"; a name's particle ("de
    Vries") is no description."""
    rows = [("title", "Deal"), ("blank", ""), ("body", "The chipmaker Vantaris bought it. The American Lena Tobin Marr won. Said de Vries.")]
    art = _with_entities(rows, [("chipmaker Vantaris", "ORG"), ("American Lena Tobin Marr", "PERSON"), ("de Vries", "PERSON")])
    assert _texts(art) == [("Vantaris", "ORG"), ("Lena Tobin Marr", "PERSON"), ("de Vries", "PERSON")]


@pytest.mark.issue(20)
def test_actor_merge_team_shortened_to_its_last_word_is_one_actor() -> None:
    """Read on ECB+: "Saints" apart from "New Orleans Saints", "Intel" from "Intel Corp.",
    "SeaMicro" from "Sea Micro". Two organisations ending with the word: it stays apart."""
    got = merge_actors(
        [_hand_article("a", [("Lisk", "GPE"), ("Lisk Harriers", "ORG"), ("Vantaris Corp", "ORG"), ("Sea Lark", "ORG")]), _hand_article("b", [("Harriers", "ORG"), ("Vantaris", "ORG"), ("SeaLark", "ORG")])]
    )
    names = sorted(a.name for a in got)
    assert names == ["Lisk", "Lisk Harriers", "Sea Lark", "Vantaris Corp"], names
    # An institution's head noun is no short name ("Senate" beside "Lisk Senate"; read on PolNeAR).
    senate = merge_actors([_hand_article("a", [("Lisk", "GPE"), ("Lisk Senate", "ORG")]), _hand_article("b", [("Senate", "ORG")])])
    assert len(senate) == 3
    of = merge_actors([_hand_article("a", [("Port of Lisk", "ORG")]), _hand_article("b", [("Lisk", "ORG")])])
    assert len(of) == 2
    two = merge_actors([_hand_article("a", [("Lisk", "GPE"), ("Osk", "GPE"), ("Lisk Rovers", "ORG"), ("Osk Rovers", "ORG")]), _hand_article("b", [("Rovers", "ORG")])])
    assert len(two) == 5
    # A person's surname typed as an organisation stays apart (a company named like a person).
    apart = merge_actors([_hand_article("a", [("Jane Harrow", "PERSON")]), _hand_article("b", [("Harrow", "ORG")])])
    assert len(apart) == 2


@pytest.mark.issue(20)
def test_clean_tokenized_first_sentence_is_no_headline() -> None:
    """Read on ECB+: a text that opens with a tokenized sentence ("... was named as the next
    face of TV 's most famous time traveller .") lost that sentence to the title; the headline
    before it was dropped as a page header. A tokenized headline in capitals stays a title."""
    head = "Dara Velk Joins Harlow Rovers"
    lead = "Relatively unknown striker Dara Velk was named as the new captain of the club on Saturday ."
    text = f"{head}\n{lead}\nThe club said the move was agreed last week, and fans welcomed it."
    assert [ln.role for ln in classify_text(text)][:2] == ["title", "body"]
    caps = "SOCCER - HARRIERS WIN AT HOME .\nLISK 1996-12-06\nThe Lisk Harriers beat the Osk Rovers 2-1 at home on Friday, their coach said."
    assert classify_text(caps)[0].role == "title"
    # No headline at all: the first paragraph is body, not a title (a short first line ending in a
    # full stop may still be a headline, as PolNeAR's texts write theirs).
    plain = f"{lead}\nThe club said the move was agreed last week, and fans welcomed it."
    assert [ln.role for ln in classify_text(plain)] == ["body", "body"]
    plain = "Relatively unknown striker Dara Velk was named as the new captain of the Harlow club by its board on Saturday.\nThe club said the move was agreed last week, and fans welcomed it."
    assert [ln.role for ln in classify_text(plain)] == ["body", "body"]


@pytest.mark.issue(20)
def test_actor_merge_abbreviated_and_written_out_names_are_one_actor() -> None:
    """Read on ECB+: "Mt Cook" apart from "Mount Cook", "United States Geological Survey" from "US
    Geological Survey". A person is never joined by it, nor two names that differ otherwise."""
    got = merge_actors(
        [
            _hand_article("a", [("Mt Lisk", "LOC"), ("US Harbour Survey", "ORG"), ("Ft Osk", "GPE")]),
            _hand_article("b", [("Mount Lisk", "LOC"), ("United States Harbour Survey", "ORG"), ("Fort Vesk", "GPE")]),
        ]
    )
    names = sorted(a.name for a in got)
    assert len(got) == 4 and "Fort Vesk" in names and "Ft Osk" in names, names
    assert initials("US Harbour Survey") == "USHS" and initials("National Rifle Association") == "NRA"


@pytest.mark.issue(20)
def test_actor_spans_first_name_and_surname_side_by_side_stay_one_name() -> None:
    """Read on ECB+ (tune topics): a title's "Lindsay Lohan" became "Lindsay" + "Lohan" where the
    body uses "Lindsay" and "Lohan" apart; the person named in full was lost."""
    art = _with_entities(
        [("title", "Dara Velk is missing after leaving the clinic"), ("blank", ""), ("body", "Velk left on Monday. Friends said Dara was well.")],
        [("Dara Velk", "PERSON"), ("Velk", "ORG"), ("Dara", "PERSON")],
    )
    assert _texts(art)[0] == ("Dara Velk", "PERSON")


@pytest.mark.issue(20)
def test_review_two_leaders_in_a_headline_stay_two_names() -> None:
    """Review: joining a first name to the next name made "Obama Putin" one person; a headline
    span with words besides the names ("[Velk Osk Meet]") is cut to its names, each on its own."""
    art = _with_entities(
        [("title", "Velk Osk Meet"), ("blank", ""), ("body", "Velk said the talks went well. Osk agreed.")],
        [("Velk Osk Meet", "PERSON"), ("Velk", "PERSON"), ("Osk", "PERSON")],
    )
    assert _texts(art)[:2] == [("Velk", "PERSON"), ("Osk", "PERSON")]
    place = _with_entities(
        [("title", "Velk Lisk Vote"), ("blank", ""), ("body", "Velk won. Lisk voted on Sunday.")],
        [("Velk Lisk Vote", "PERSON"), ("Velk", "PERSON"), ("Lisk", "GPE")],
    )
    assert _texts(place)[:2] == [("Velk", "PERSON"), ("Lisk", "GPE")]


@pytest.mark.issue(20)
def test_headline_run_on_never_names_the_actor_the_body_names() -> None:
    """Read on ECB+ (tune topics): "AMD [Buys SeaMicro]" in a headline made the actor
    ``person-buys-seamicro``, and the body's "SeaMicro" joined it, so the company was split from
    its other articles' ``entity-seamicro``. The body names the actor; the title mention is cut."""
    from newsprism.stages.actors import link_actors

    art = _with_entities(
        [("title", "Osk Buys Velkora, Enters Server Business"), ("blank", ""), ("body", "Osk said it would buy Velkora for $300 million. Velkora makes servers.")],
        [("Buys Velkora", "PERSON"), ("Osk", "ORG"), ("Velkora", "ORG"), ("Velkora", "ORG")],
    )
    link_actors(art, actor_kb())
    velkora = [a for a in art.actors if "velkora" in a.id]
    assert [(a.id, a.name, a.type) for a in velkora] == [("entity-velkora", "Velkora", "ORG")]
    assert {m.span.text for m in art.mentions if m.actor == "entity-velkora"} == {"Velkora"}
    assert sum(m.actor == "entity-velkora" for m in art.mentions) == 3  # the title's mention is kept, cut to the name


@pytest.mark.issue(20)
def test_review_headline_full_name_the_body_shortens_stays_the_name() -> None:
    """Review: the headline rule made "Hara Clinmore Slams ..." with a body of "Clinmore said" the
    actor "Clinmore": a title typed as the body types its name gives the fuller name, which stays."""
    from newsprism.stages.actors import link_actors

    art = _with_entities(
        [("title", "Hara Clinmore Slams Vesnia Deal"), ("blank", ""), ("body", "Clinmore said on Monday the deal was bad. Clinmore, a senator, voted no.")],
        [("Hara Clinmore", "PERSON"), ("Clinmore", "PERSON"), ("Clinmore", "PERSON")],
    )
    link_actors(art, actor_kb())
    assert [(a.id, a.name) for a in art.actors if a.type == "PERSON"] == [("person-hara-clinmore", "Hara Clinmore")]
    assert any(m.span.text == "Hara Clinmore" for m in art.mentions)


@pytest.mark.issue(20)
def test_actor_merge_abbreviated_place_typed_two_ways_is_one_actor() -> None:
    """Regression (ECB+ tune topics): "Mt Cook" (typed GPE) and "Mount Cook" (typed LOC) stayed
    two actors: the model types one mountain GPE, LOC and FAC, and the rule asked for one type."""
    got = merge_actors([_hand_article("a", [("Mt Lisk", "GPE")]), _hand_article("b", [("Mount Lisk", "LOC")])])
    assert len(got) == 1
    got = merge_actors([_hand_article("a", [("Mt Lisk", "ORG")]), _hand_article("b", [("Mount Lisk", "LOC")])])
    assert len(got) == 2  # an organisation is no place


@pytest.mark.issue(20)
def test_actor_spans_function_word_after_a_name_is_cut() -> None:
    """Regression (ECB+): "[Cook National Park on]" became an actor of its own."""
    rows = [("title", "Climb"), ("blank", ""), ("body", "They set off in Lisk National Park on Sunday with Tomas Osk and friends.")]
    art = _with_entities(rows, [("Lisk National Park on", "FAC"), ("Tomas Osk and", "PERSON")])
    assert _texts(art) == [("Lisk National Park", "FAC"), ("Tomas Osk", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_nationality_before_a_name_typed_otherwise_is_cut_when_the_body_names_him() -> None:
    """Regression (ECB+ tune topics): "the [American Hasim Rahman]" typed ORG kept the nationality
    while the body called him "Rahman"."""
    rows = [("title", "Fight"), ("blank", ""), ("body", "He beat the American Dario Vel Tobin. Tobin did not answer.")]
    art = _with_entities(rows, [("American Dario Vel Tobin", "ORG"), ("Tobin", "PERSON")])
    assert _texts(art) == [("Dario Vel Tobin", "PERSON"), ("Tobin", "PERSON")]
    rows = [("title", "Flights"), ("blank", ""), ("body", "American Harbour Lines flew. Tobin did not answer.")]
    art = _with_entities(rows, [("American Harbour Lines", "ORG"), ("Tobin", "PERSON")])
    assert _texts(art)[0] == ("American Harbour Lines", "ORG")


def test_actor_spans_a_company_named_like_a_surname_keeps_its_type() -> None:
    """Review finding: "the American Johnson & Johnson" typed ORG became the person "Johnson &
    Johnson" because the body named a "Johnson"."""
    rows = [("title", "Shares"), ("blank", ""), ("body", "Shares of the American Lisk & Lisk rose. Lisk said so.")]
    art = _with_entities(rows, [("American Lisk & Lisk", "ORG"), ("Lisk", "PERSON")])
    assert _texts(art)[0][1] == "ORG"


@pytest.mark.issue(20)
def test_review_a_person_span_ending_in_a_title_of_office_is_no_person() -> None:
    """An analyst's review of untuned PolNeAR (dev): "[Charlotte Mayor] Jennifer Roberts" made the
    person "Charlotte Mayor", who then took nine mentions of the city ("Charlotte experienced
    chaos") as her first name. A span ending in a title of office is the office's place, typed as
    the body types it, or no name; a surname that is a title too ("Stephen King") is untouched."""
    art = _with_entities(
        [("title", "Calm returns"), ("blank", ""), ("body", "Harlow Mayor Jana Roe spoke. Harlow was calm. Stephen King and Vesnia Governor spoke.")],
        [("Harlow Mayor", "PERSON"), ("Jana Roe", "PERSON"), ("Harlow", "GPE"), ("Stephen King", "PERSON"), ("Vesnia Governor", "PERSON")],
    )
    assert _texts(art) == [("Harlow", "GPE"), ("Jana Roe", "PERSON"), ("Harlow", "GPE"), ("Stephen King", "PERSON"), ("Vesnia Governor", "PERSON")]
    # A review: "NBC anchor John Chancellor", "Federico Mayor" lost their person: no place before the title.
    art = _with_entities([("title", "Anchor"), ("blank", ""), ("body", "Anchor John Chancellor spoke.")], [("John Chancellor", "PERSON")])
    assert _texts(art) == [("John Chancellor", "PERSON")]


@pytest.mark.issue(20)
def test_review_a_bare_surname_two_people_of_the_article_share_joins_neither() -> None:
    """An analyst's review of untuned PolNeAR (dev): the model typed "Keith Lamont Scott" an
    organisation, so every bare "Scott" (him) went to his wife "Rakeyia Scott"; then, as a person,
    to him by the rule that gives a bare surname to a mistyped full name."""
    from newsprism.stages.actors import link_actors

    art = _with_entities(
        [("title", "Video released"), ("blank", ""), ("body", "Police shot Karl Lamont Sadd on Tuesday. His wife, Rana Sadd, filmed it. It is unclear whether Sadd had a gun.")],
        [("Karl Lamont Sadd", "ORG"), ("Rana Sadd", "PERSON"), ("Sadd", "ORG")],
    )
    link_actors(art, actor_kb())
    by_text = {m.span.text: m.actor for m in art.mentions}
    assert by_text["Sadd"] not in (by_text["Karl Lamont Sadd"], by_text["Rana Sadd"])
    assert {a.type for a in art.actors if a.id == by_text["Karl Lamont Sadd"]} == {"PERSON"}


@pytest.mark.issue(20)
def test_review_a_clause_read_as_a_title_is_no_actor_and_quotation_marks_are_no_part_of_a_name() -> None:
    """An analyst's review of untuned PolNeAR (dev): "Trump accused Holt of being a" became the
    WORK_OF_ART actor of that name; 'A Change Is Gonna Come"' kept its closing quotation mark."""
    art = _with_entities(
        [("title", "Debate"), ("blank", ""), ("body", "Velk accused Orn of being a liar. He played \u201cA Change Is Gonna Come\u201d and the Jones' song \u201cGone with the Wind\u201d.")],
        [("Velk accused Orn of being a", "WORK_OF_ART"), ("A Change Is Gonna Come\u201d", "WORK_OF_ART"), ("Jones'", "ORG"), ("Gone with the Wind", "WORK_OF_ART")],
    )
    assert _texts(art) == [("A Change Is Gonna Come", "WORK_OF_ART"), ("Jones'", "ORG"), ("Gone with the Wind", "WORK_OF_ART")]


@pytest.mark.issue(20)
def test_review_quotation_marks_and_possessives_at_a_names_ends() -> None:
    """A code review: "'Daesh'" kept its closing mark once the opening one went, a date's "'90s"
    lost its apostrophe, and "[Vesnia's Ambassador]" gave the place "Vesnia's"."""
    art = _with_entities(
        [("title", "Talks"), ("blank", ""), ("body", "The group 'Daesh' grew in the '90s. Vesnia's Ambassador spoke. Vesnia voted.")],
        [("'Daesh'", "ORG"), ("'90s", "DATE"), ("Vesnia's Ambassador", "PERSON"), ("Vesnia", "GPE")],
    )
    assert _texts(art) == [("Daesh", "ORG"), ("'90s", "DATE"), ("Vesnia", "GPE"), ("Vesnia", "GPE")]


@pytest.mark.issue(20)
def test_actor_spans_headline_verb_before_a_persons_full_name_is_cut() -> None:
    """Read on ECB+ (tune topics): "Sixers [Hire Maurice Cheeks] as Head Coach" named the actor
    "Hire Maurice Cheeks" across the whole story. A word before a full name the body uses is cut
    when it is no given name and no name of the body; a given name before it may be a fuller name."""
    art = _with_entities(
        [("title", "Harriers Sign Dara Velk as Coach"), ("blank", ""), ("body", "Dara Velk joined the Harriers on Monday.")],
        [("Sign Dara Velk", "PERSON"), ("Dara Velk", "PERSON")],
    )
    assert _texts(art)[0] == ("Dara Velk", "PERSON")
    fuller = _with_entities(
        [("title", "Anna Dara Velk Joins Harriers"), ("blank", ""), ("body", "Dara Velk joined the Harriers on Monday.")],
        [("Anna Dara Velk", "PERSON"), ("Dara Velk", "PERSON")],
    )
    assert _texts(fuller)[0] == ("Anna Dara Velk", "PERSON")


@pytest.mark.issue(20)
def test_actor_merge_an_id_one_article_names_by_surname_is_still_a_full_name() -> None:
    """Read on ECB+ (tune topics): an article that names "Maurice Cheeks" once and "Cheeks" after
    gave its actor the short name, which put the full name's id among the lone surnames; it then
    excluded itself as the one candidate of another article's bare "Cheeks", which stayed apart."""
    a = _hand_article("a", [("Dara Velk", "PERSON")])
    b = _hand_article("b", [("Velk", "PERSON")])
    b.mentions = [ActorMention(m.span, "person-dara-velk", m.kind) for m in b.mentions]
    b.actors[0].id = "person-dara-velk"  # named in full elsewhere in b; its actor's name is "Velk"
    c = _hand_article("c", [("Velk", "PERSON")])
    got = merge_actors([b, a, c])
    assert [x.id for x in got] == ["person-dara-velk"]
    assert {m.actor for m in c.mentions} == {"person-dara-velk"}


def _linked(rows: list[tuple[str, str]], names: list[tuple[str, str]]) -> Article:
    from newsprism.stages.actors import link_actors

    art = _with_entities(rows, names)
    link_actors(art, actor_kb())
    return art


def _actor_at(art: Article, text: str, nth: int = 0) -> str | None:
    import re

    s = [m.start() for m in re.finditer(re.escape(text), art.raw_text)][nth]
    return next((m.actor for m in art.mentions if m.span.start == s), None)


@pytest.mark.issue(20)
def test_actors_a_state_abbreviation_names_the_state_only_where_news_writes_one() -> None:
    """An analyst's reading of untuned PolNeAR (2026-12-07, seventh session): "Tex." and "Vt." were
    actors apart from Texas and Vermont, and "a requiem Mass." was Massachusetts."""
    art = _linked(
        [("title", "Funeral held"), ("blank", ""), ("body", "Mourners met in Burlington, Vt. on Friday, and Sen. Dara Velk (D-Vt.) spoke. Vermont wept; a requiem Mass. followed.")],
        [("Burlington", "GPE"), ("Vt.", "GPE"), ("Dara Velk", "PERSON"), ("Vt.", "GPE"), ("Vermont", "GPE"), ("Mass.", "GPE")],
    )
    assert _actor_at(art, "Vt.") == _actor_at(art, "Vt.", 1) == _actor_at(art, "Vermont") == "entity-vermont"
    assert _actor_at(art, "Mass.") is None
    assert {a.name for a in art.actors if a.id == "entity-vermont"} == {"Vermont"}


@pytest.mark.issue(20)
def test_actors_an_initialism_is_the_name_the_article_spells_it_from() -> None:
    """The same reading: "DNC" (the committee, whose chair resigned) was joined to "Democratic
    National Convention" because the initials fit. The knowledge base knows the committee by its
    full name only ("the DNC" is the convention as often in convention weeks: a second reader
    found "the RNC" of July 2016 given to the committee): an initialism is the one name the
    article spelled it from, the knowledge base's too; with two, or none, it is no one's."""
    art = _linked(
        [("title", "Chair resigns"), ("blank", ""), ("body", "The Democratic National Committee chair resigned. The DNC apologised.")],
        [("Democratic National Committee", "ORG"), ("DNC", "ORG")],
    )
    assert _actor_at(art, "DNC") == "democratic-national-committee"
    both = _linked(
        [("title", "Chair resigns"), ("blank", ""), ("body", "The Democratic National Committee met before the Democratic National Convention. The DNC apologised.")],
        [("Democratic National Committee", "ORG"), ("Democratic National Convention", "ORG"), ("DNC", "ORG")],
    )
    assert _actor_at(both, "DNC") not in ("democratic-national-committee", _actor_at(both, "Democratic National Convention"))
    alone = _linked([("title", "Delegates"), ("blank", ""), ("body", "Delegates at the DNC cheered.")], [("DNC", "ORG")])
    assert _actor_at(alone, "DNC") != "democratic-national-committee"
    conv = _linked(
        [("title", "Delegates"), ("blank", ""), ("body", "The Democratic National Convention opened. Delegates at the DNC cheered.")],
        [("Democratic National Convention", "ORG"), ("DNC", "ORG")],
    )
    assert _actor_at(conv, "DNC") == _actor_at(conv, "Democratic National Convention") != "democratic-national-committee"


@pytest.mark.issue(20)
def test_actors_the_senate_is_the_us_senate_only_in_an_article_that_names_it() -> None:
    """The same reading: "U.S. Senate" and "Senate" in one article were two actors. Another senate
    of the article ("the Texas Senate", "the state Senate") claims the bare word too: then it is
    no one's (a review found the US Senate given a state senate's vote)."""
    art = _linked(
        [("title", "Vote"), ("blank", ""), ("body", "The U.S. Senate met on Monday. The Senate then adjourned.")],
        [("U.S. Senate", "ORG"), ("Senate", "ORG")],
    )
    assert _actor_at(art, "Senate", 1) == "us-senate"
    other = _linked([("title", "Vote"), ("blank", ""), ("body", "The Senate of Vesnia met on Monday. The Senate then adjourned.")], [("Senate", "ORG"), ("Vesnia", "GPE"), ("Senate", "ORG")])
    assert _actor_at(other, "Senate", 1) != "us-senate"
    rival = _linked(
        [("title", "Vote"), ("blank", ""), ("body", "The Texas Senate voted while the U.S. Senate waited. Dan Pell, who presides over the Senate, spoke.")],
        [("Texas Senate", "ORG"), ("U.S. Senate", "ORG"), ("Dan Pell", "PERSON"), ("Senate", "ORG")],
    )
    assert _actor_at(rival, "Senate", 2) != "us-senate"


@pytest.mark.issue(20)
def test_actor_spans_an_honorific_makes_a_person_and_a_title_opening_a_name_is_cut() -> None:
    """The same reading: "Mr. Barna" was typed a place; "Assemblywoman Claudia Tenney" named the
    actor with her title. A place before a title stays ("New Jersey Gov. ..."), and one name after
    a title is left whole ("Pope Francis")."""
    art = _with_entities(
        [("title", "Race"), ("blank", ""), ("body", "Mr. Orsk agreed. Assemblywoman Dara Velk ran, New Jersey Gov. Ola Marr spoke, Pope Tobin blessed them.")],
        [("Orsk", "GPE"), ("Assemblywoman Dara Velk", "PERSON"), ("New Jersey Gov. Ola Marr", "PERSON"), ("Pope Tobin", "PERSON")],
    )
    got = _texts(art)
    assert ("Orsk", "PERSON") in got and ("Dara Velk", "PERSON") in got and ("Pope Tobin", "PERSON") in got
    assert not any(t.startswith("Jersey") for t, _ in got)
    linked = _linked(
        [("title", "Race"), ("blank", ""), ("body", "Assemblywoman Dara Velk ran on Monday.")], [("Assemblywoman Dara Velk", "PERSON")]
    )
    assert [(a.name, a.roles) for a in linked.actors] == [("Dara Velk", ["Assemblywoman"])]


@pytest.mark.issue(20)
def test_actors_a_described_senator_is_the_one_senator_named_before_however_far() -> None:
    """The same reading: "the independent Vermont senator" and "the senator" were left unresolved;
    an epithet ("independent") is no part of the title, and the one person of that role named
    before is the one meant, even paragraphs back, unless someone else is named in the
    description's paragraph or the one before (a review: "Democrat John Fetterman ... The
    senator" is Fetterman) or two of that role were named."""
    rows = [("title", "Interview"), ("blank", ""), ("body", "Sen. Dara Velk spoke on Monday."), ("blank", ""), ("body", "The hearing went on for hours.")]
    rows += [("blank", ""), ("body", "The vote was close."), ("blank", ""), ("body", "The independent senator said no.")]
    art = _linked(rows, [("Dara Velk", "PERSON")])
    assert _actor_at(art, "The independent senator") == _actor_at(art, "Dara Velk")
    rows[6] = ("body", "Ola Marr asked again.")
    other = _linked(rows, [("Dara Velk", "PERSON"), ("Ola Marr", "PERSON")])
    assert _actor_at(other, "The independent senator") is None
    two = _linked(
        [("title", "Interview"), ("blank", ""), ("body", "Sen. Dara Velk and Sen. Osk Brin spoke."), ("blank", ""), ("body", "The hearing went on."), ("blank", ""), ("body", "The vote was close."), ("blank", ""), ("body", "The senator said no.")],
        [("Dara Velk", "PERSON"), ("Osk Brin", "PERSON")],
    )
    assert _actor_at(two, "The senator") is None



@pytest.mark.issue(20)
def test_actors_a_first_name_paired_with_a_full_name_shares_its_surname() -> None:
    """A second reader of untuned PolNeAR (2026-12-07): "Ethan and Joel Coen" gave an actor
    "Ethan"; political news writes "Bill and Hillary Clinton" the same way. Two given names
    joined by "and" before one surname are two people of that surname; a name that is no given
    name ("Barnes and Noble" style) joins no one."""
    art = _linked(
        [("title", "Visit"), ("blank", ""), ("body", "Anna and Mark Velk, a married couple, visited the plant. Barnes and Ola Marr met later.")],
        [("Anna", "PERSON"), ("Mark Velk", "PERSON"), ("Barnes", "PERSON"), ("Ola Marr", "PERSON")],
    )
    anna = _actor_at(art, "Anna")
    assert anna is not None and anna != _actor_at(art, "Mark Velk")
    assert [a.name for a in art.actors if a.id == anna] == ["Anna Velk"]
    assert _actor_at(art, "Barnes") not in (None, _actor_at(art, "Ola Marr")) and "person-barnes-marr" not in {a.id for a in art.actors}
    # Read on ECB+ (tune): "Thomas and Reggie Bush" after "Pierre Thomas" is his surname.
    backs = _linked(
        [("title", "Game"), ("blank", ""), ("body", "Pierre Tobin ran well. Tobin and Mark Velk, brothers-in-arms, scored twice.")],
        [("Pierre Tobin", "PERSON"), ("Tobin", "PERSON"), ("Mark Velk", "PERSON")],
    )
    assert _actor_at(backs, "Tobin", 1) != "person-tobin-velk"


@pytest.mark.issue(20)
def test_review_two_given_names_and_a_surname_make_a_family_only_when_the_text_says_so() -> None:
    """A review of the pairing rule: many given names are surnames too, so "Warren and Bernie
    Sanders clashed" made a "Warren Sanders", "Graham and Tim Scott" a "Graham Scott"; a word the
    article writes alone elsewhere is a surname ("Clinton and Bernie Sanders ... Clinton said")."""
    art = _linked(
        [("title", "Vote"), ("blank", ""), ("body", "Warren and Bernie Sanders clashed. Anna and Tim Velk voted. Anna said so.")],
        [("Warren", "PERSON"), ("Bernie Sanders", "PERSON"), ("Anna", "PERSON"), ("Tim Velk", "PERSON"), ("Anna", "PERSON")],
    )
    assert _actor_at(art, "Warren") != "person-warren-sanders"
    assert _actor_at(art, "Anna") != "person-anna-velk"


@pytest.mark.issue(20)
def test_review_a_name_the_knowledge_base_knows_is_no_rival_chamber_and_prose_initialisms_are_no_headline() -> None:
    """A review: "the White House" made every bare "House" no one's (most US political stories
    name it); "Shares of IBM, HPE, AMD fell" read as a headline in capitals dropped them all; a
    long line of "A. A. A." took minutes to read (the pattern backtracked)."""
    from newsprism.actor_spans import caps_runs

    art = _linked(
        [("title", "Bill"), ("blank", ""), ("body", "The U.S. House of Representatives passed the bill. The White House praised it. The House then adjourned.")],
        [("U.S. House of Representatives", "ORG"), ("White House", "FAC"), ("House", "ORG")],
    )
    assert _actor_at(art, "House", 2) == "us-house"
    prose = _with_entities(
        [("title", "Stocks"), ("blank", ""), ("body", "Shares of IBM, HPE, AMD fell on Monday while the SEIU, AFSCME, UAW backed the bill.")],
        [("IBM", "ORG"), ("HPE", "ORG"), ("AMD", "ORG"), ("SEIU", "ORG"), ("AFSCME", "ORG"), ("UAW", "ORG")],
    )
    assert len(_texts(prose)) == 6
    assert caps_runs("A. " * 20000) == [(0, 59999)]
    assert caps_runs("TWO DEAD, 16 INJURED IN FLORIDA NIGHTCLUB SHOOTING Three people") == [(0, 50)]


@pytest.mark.issue(20)
def test_review_a_state_abbreviation_needs_its_full_stop() -> None:
    """A review: "Kan" of "Naoto Kan", typed an organisation, became Kansas (the full stop was
    added back before the lookup)."""
    art = _linked([("title", "Visit"), ("blank", ""), ("body", "Former premier Naoto Kan met Kan supporters in Tokyo.")], [("Naoto Kan", "PERSON"), ("Kan", "ORG")])
    assert _actor_at(art, "Kan", 1) != "entity-kansas"


@pytest.mark.issue(20)
def test_actor_spans_a_hashtag_or_a_handle_is_no_name() -> None:
    """A blind reading of untuned PolNeAR (2026-12-07, eighth session): "#FranceIsStrong" in a
    tweet became the person "FranceIsStrong"."""
    rows = [("title", "Tweets"), ("blank", ""), ("body", "Valls wrote #KarskIsStrong and @LenaMarr answered, Lena Marr said.")]
    art = _with_entities(rows, [("KarskIsStrong", "PERSON"), ("LenaMarr", "ORG"), ("Lena Marr", "PERSON")])
    assert _texts(art) == [("Lena Marr", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_a_name_with_an_age_is_a_persons() -> None:
    """"One voter, Guadalupe Potocacetpl, 35, showed up ...": typed an organisation by the model,
    so the voter's "he said" went to the candidate (a blind reading, 2026-12-07)."""
    rows = [("title", "Rally"), ("blank", ""), ("body", "One voter, Ada Vessel, 35, showed up. Karsk Harbour, 12, was shut.")]
    art = _with_entities(rows, [("Ada Vessel", "ORG"), ("Karsk Harbour", "FAC")])
    assert _texts(art) == [("Ada Vessel", "PERSON"), ("Karsk Harbour", "FAC")]


@pytest.mark.issue(20)
def test_actor_spans_laws_days_and_two_word_peoples_are_typed_as_such() -> None:
    """A blind reading (2026-12-07, eighth session): "Presidential Transitions Improvement Act" an
    organisation, "Bastille Day" a facility, and the "American" of "Asian American" voters filed
    under the United States."""
    rows = [("title", "Laws"), ("blank", ""), ("body", "The Harbour Improvement Act passed on Bastille Day, and Asian American voters came. Ada Day spoke.")]
    art = _with_entities(rows, [("Harbour Improvement Act", "ORG"), ("Bastille Day", "FAC"), ("Asian", "NORP"), ("American", "NORP"), ("Ada Day", "PERSON")])
    assert _texts(art) == [("Harbour Improvement Act", "LAW"), ("Bastille Day", "EVENT"), ("Asian American", "NORP"), ("Ada Day", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_a_head_word_types_a_body_or_a_venue() -> None:
    """The reading found "Center for Global Development" typed a facility and "Los Angeles Memorial
    Sports Arena" an organisation."""
    rows = [("title", "Venues"), ("blank", ""), ("body", "The Center for Harbour Studies met at the Karsk Memorial Arena.")]
    art = _with_entities(rows, [("Center for Harbour Studies", "FAC"), ("Karsk Memorial Arena", "ORG")])
    assert _texts(art) == [("Center for Harbour Studies", "ORG"), ("Karsk Memorial Arena", "FAC")]


@pytest.mark.issue(20)
def test_actor_spans_a_function_word_opening_a_quote_is_no_name() -> None:
    """The reading's "“Between ...”" (typed an organisation); a person's surname that is one
    ("May" after "Ada May") stays."""
    rows = [("title", "Words"), ("blank", ""), ("body", 'Ada May spoke. "Between the two of them, it is over," May said.')]
    art = _with_entities(rows, [("Ada May", "PERSON"), ("Between", "ORG"), ("May", "PERSON")])
    assert _texts(art) == [("Ada May", "PERSON"), ("May", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_an_offices_portfolio_is_no_body() -> None:
    """A blind reading (2026-12-07, tenth session): "Secretary of [State]" gave an organisation
    "State" in two articles. The word after an office and "of" is the title's, unless it names a
    place ("Prime Minister of [Japan]")."""
    rows = [("title", "Talks"), ("blank", ""), ("body", "Former Secretary of State Lena Marr met the Minister of Finance and the Prime Minister of Japan.")]
    art = _with_entities(rows, [("State", "ORG"), ("Lena Marr", "PERSON"), ("Finance", "ORG"), ("Japan", "GPE")])
    assert _texts(art) == [("Lena Marr", "PERSON"), ("Japan", "GPE")]


@pytest.mark.issue(20)
def test_actor_spans_a_given_name_with_an_apostrophe_joins_the_name() -> None:
    """Read on ECB+ (tune topics): the model typed "[Marie Flynn]" in "Ka'Loni Marie Flynn", so
    one child was two actors across articles ("Ka'loni Flynn" elsewhere)."""
    rows = [("title", "Search"), ("blank", ""), ("body", "Police searched for Ka'Loni Marie Lisk on Tuesday. O'Neil said so.")]
    art = _with_entities(rows, [("Marie Lisk", "PERSON"), ("O'Neil", "PERSON")])
    assert _texts(art) == [("Ka'Loni Marie Lisk", "PERSON"), ("O'Neil", "PERSON")]


@pytest.mark.issue(20)
def test_actor_spans_a_common_word_opening_a_headline_is_no_name() -> None:
    """A blind reading (tenth session): "Hacker who revealed private email address admits ..." (a
    headline in sentence case) made an organisation "Hacker"; the article writes "hacker" in lower
    case. A word capitalised only where a sentence or line opens, and written in lower case
    elsewhere, is a common noun; a name the article capitalises mid-sentence stays."""
    rows = [("title", "Hacker who revealed the address admits intrusions"), ("blank", ""), ("body", "The Karskan hacker pleaded guilty. Vantaris said so, and a Vantaris spokesman agreed.")]
    art = _with_entities(rows, [("Hacker", "ORG"), ("Karskan", "NORP"), ("Vantaris", "ORG"), ("Vantaris", "ORG")])
    assert _texts(art) == [("Karskan", "NORP"), ("Vantaris", "ORG"), ("Vantaris", "ORG")]


@pytest.mark.issue(20)
def test_actor_spans_what_a_code_review_of_the_tenth_session_found() -> None:
    """A review of the session's change: an apostrophe name at the end of a headline joined the
    name opening the next paragraph ("Trump attacks O'Rourke" + "Donald Trump said"); a company
    whose name the body also writes in lower case was dropped from its own headline ("Target cuts
    forecast" beside "its profit target"; the body writes "Target lowered" too); "Director of
    [Mossad]" lost the agency."""
    rows = [("title", "Valde attacks O'Rourke"), ("blank", ""), ("body", "Orin Valde said so.")]
    art = _with_entities(rows, [("Orin Valde", "PERSON")])
    assert _texts(art) == [("Orin Valde", "PERSON")]
    rows = [("title", "Vantara cuts forecast"), ("blank", ""), ("body", "Vantara lowered its forecast, saying it would miss its profit vantara.")]
    art = _with_entities(rows, [("Vantara", "ORG"), ("Vantara", "ORG")])
    assert _texts(art) == [("Vantara", "ORG"), ("Vantara", "ORG")]
    rows = [("title", "Talks"), ("blank", ""), ("body", "She met the Director of Karskint on Monday.")]
    art = _with_entities(rows, [("Karskint", "ORG")])
    assert _texts(art) == [("Karskint", "ORG")]


@pytest.mark.issue(20)
def test_review_a_person_the_model_typed_an_organisation_is_a_person_where_the_text_says_so() -> None:
    """A blind reading (eleventh session): "Maryam Violet, an Iranian journalist visiting Nice,
    told the Guardian" and "President FranÃ§ois Hollande" were organisations, so every
    "she said" of the witness went to a man named paragraphs before. An apposition headed by a
    person's noun (with a given name first) or ", who" after the name makes a person; a company
    described as one ("Acme Widgets, a maker of parts") stays an organisation; an office right
    before a name ("President Francois Hollande") makes a person too."""
    art = _linked(
        [("title", "Attack in Nice"), ("blank", ""), ("body", "Maryam Violet, an Iranian journalist visiting Nice, told a paper she saw the truck. The blast shook the city, said President Francois Hollande. Acme Widgets, a maker of parts, closed. Tesco, who reported profits, said it would expand. Wells Fargo, who agreed to pay, said nothing. Morgan Stanley, the owner of E-Trade, said the deal was done.")],
        [("Maryam Violet", "ORG"), ("Nice", "GPE"), ("Hollande", "ORG"), ("Acme Widgets", "ORG"), ("Tesco", "ORG"), ("Wells Fargo", "ORG"), ("Morgan Stanley", "ORG"), ("E-Trade", "ORG")],
    )
    types = {a.id: a.type for a in art.actors}
    assert types[_actor_at(art, "Maryam Violet")] == "PERSON"  # type: ignore[index]
    assert types[_actor_at(art, "Hollande")] == "PERSON"  # type: ignore[index]
    # the second code review: companies and clubs take "who" in British English, and "the owner
    # of E-Trade" is no person's apposition
    for org in ("Acme Widgets", "Tesco", "Wells Fargo", "Morgan Stanley"):
        assert types[_actor_at(art, org)] == "ORG", org  # type: ignore[index]
