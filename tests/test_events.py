"""The events stage (cues, actors, dates, speech acts), the cross-article merge, and the seeds' floors."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import article_from_lines
from newsprism.article import Actor, ActorMention, Article, DateMention, DateRange, Event, Mention, Span
from newsprism.event_merge import REF_MARK, MergeConfig, candidate_pairs, merge_events, node_of
from newsprism.plover import find_cues, tokens
from newsprism.registry import get_stage
from newsprism.stages.events import extract_events


def _cues(text: str) -> list[tuple[str, str]]:
    toks = tokens(text)
    return [(t.cue.type, " ".join(x.text for x in toks[t.i : t.j])) for t in find_cues(toks)]


def test_events_cues_inflect_and_take_the_longest_phrase() -> None:
    assert _cues("They signed a treaty") == [("AGREE", "signed"), ("AGREE", "treaty")]
    assert ("CONSULT", "held summit talks") in _cues("while she held summit talks with Macron")
    assert _cues("Iran supplies drones and sent troops") == [("AID", "supplies"), ("MOBILIZE", "sent troops")]
    assert _cues("in order to") == []


def test_events_demonstrate_that_is_showing_not_protesting() -> None:
    assert _cues("The study demonstrated that the drug works") == []
    assert _cues("Thousands demonstrated outside the embassy") == [("PROTEST", "demonstrated")]


def _article(
    sentence: str, names: dict[str, tuple[str, str]], dates: dict[str, tuple[str, str]] | None = None
) -> Article:
    art = article_from_lines([("title", "Headline"), ("body", sentence)])
    text = art.raw_text
    line = art.lines[1]
    art.sentences = [Span.of(text, line.start, line.end)]
    art.published = DateRange("2024-06-25", "2024-06-25", 1.0, "given")
    for surface, (aid, typ) in names.items():
        if surface not in text:
            continue  # a name of a shared table the sentence does not use
        i = text.index(surface)
        art.mentions.append(ActorMention(Span.of(text, i, i + len(surface)), aid))
        if all(a.id != aid for a in art.actors):
            art.actors.append(Actor(aid, surface, typ))
    art.mentions.sort(key=lambda m: m.span.start)
    for surface, (lo, hi) in (dates or {}).items():
        if surface not in text:
            continue
        i = text.index(surface)
        art.dates.append(DateMention(Span.of(text, i, i + len(surface)), DateRange(lo, hi, 0.9, surface), lo, "DATE"))
    return art


def test_events_actor_target_and_date_of_a_cue() -> None:
    art = _article(
        "Belarus on Thursday condemned Poland and praised China.",
        {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE"), "China": ("china", "GPE")},
        {"Thursday": ("2024-06-20", "2024-06-20")},
    )
    evs = {e.plover: e for e in extract_events(art)}
    assert evs["ACCUSE"].actors == ["belarus"] and evs["ACCUSE"].targets == ["poland"]
    assert evs["ACCUSE"].date.earliest == "2024-06-20"
    # A coordinated verb shares the subject and the date.
    assert evs["SUPPORT"].actors == ["belarus"] and evs["SUPPORT"].date.earliest == "2024-06-20"
    assert evs["ACCUSE"].mentions[0].span.text.startswith("Belarus on Thursday")


def test_events_a_year_naming_a_law_does_not_date_the_clause() -> None:
    # "called on X to use the powers in the 1998 Ports Act" had been dated 1998.
    art = _article(
        "Lawmakers called on Pell to use the powers in the 1998 Ports Act on Monday.",
        {"Pell": ("person-pell", "PERSON")},
        {"1998": ("1998-01-01", "1998-12-31"), "Monday": ("2024-06-24", "2024-06-24")},
    )
    [req] = [e for e in extract_events(art) if e.plover == "REQUEST"]
    assert req.date.earliest == "2024-06-24"
    art = _article(
        "Lawmakers called on Pell to use the powers in the 1998 Ports Act.",
        {"Pell": ("person-pell", "PERSON")},
        {"1998": ("1998-01-01", "1998-12-31")},
    )
    assert [e.date.earliest for e in extract_events(art) if e.plover == "REQUEST"] == [None]
    # A year before a noun that is itself an event dates that event ("the 2018 summit").
    art = _article(
        "Harlow recalled the 2018 summit with Lisk.",
        {"Harlow": ("harlow", "GPE"), "Lisk": ("lisk", "GPE")},
        {"2018": ("2018-01-01", "2018-12-31")},
    )
    assert [e.date.earliest for e in extract_events(art) if e.plover == "CONSULT"] == ["2018-01-01"]


def test_events_a_strike_by_workers_is_a_protest_and_one_by_an_army_an_assault() -> None:
    assert _cues("The strike closed the port") == [("ASSAULT", "strike")]  # no context: the cue's own type
    art = _article("The Harlow Dockworkers Union began a strike over pay on Monday.", {"Harlow Dockworkers Union": ("harlow-union", "ORG")})
    assert [e.plover for e in extract_events(art)] == ["PROTEST"]
    art = _article("Harlow launched a missile strike on Lisk on Monday.", {"Harlow": ("harlow", "GPE"), "Lisk": ("lisk", "GPE")})
    assert "PROTEST" not in [e.plover for e in extract_events(art)]
    # A headline with no labour word of its own reads the article's ("union", "pay", "workers").
    art = article_from_lines(
        [
            ("title", "Harlow strike enters a second day"),
            ("body", "Union members walked out over pay, and workers picketed the gates."),
        ]
    )
    art.sentences = [Span.of(art.raw_text, ln.start, ln.end) for ln in art.lines]
    i = art.raw_text.index("Harlow")
    art.mentions.append(ActorMention(Span.of(art.raw_text, i, i + 6), "harlow"))
    art.actors.append(Actor("harlow", "Harlow", "GPE"))
    assert [e.plover for e in extract_events(art) if "strike" in e.mentions[0].span.text] == ["PROTEST"]
    # "Ships queue ...": a plural noun opening a sentence, no verb "to ship".
    assert _cues("Ships queue off the port") == [] and _cues("the ships left") == []
    assert _cues("the firm that ships arms to Lisk") == [("AID", "ships")]


def test_events_news_idioms_and_bargaining_are_no_events() -> None:
    # "according to staff who asked not to be named" had been a REQUEST, "warned that the strike
    # could ..." a THREATEN, "offered a 4.5 percent rise" and "received a bonus" AID, "container
    # ships were waiting" a shipment.
    assert _cues("port staff who asked not to be named said so") == [("SPEECH", "said")]
    assert _cues("officials spoke on condition of anonymity") == []
    assert ("THREATEN", "warned") not in _cues("Farmers warned on Wednesday that the strike could hurt them")
    assert _cues("Harlow warned the rebels to withdraw")[0] == ("THREATEN", "warned")
    assert _cues("The port authority offered a 4.5 percent rise this year") == []
    assert _cues("Its chief executive received a bonus") == []
    assert _cues("Lisk offered $3 million in aid") == [("AID", "offered"), ("AID", "aid")]
    assert _cues("fourteen container ships were waiting off the port") == []
    assert _cues("Pickets gathered at the gate") == [("PROTEST", "Pickets")]
    assert _cues("Lisk offers funding to the port")[0] == ("AID", "offers")  # an -ing object, not a verb after a noun


def test_events_speech_reporting_another_actors_act_is_an_accusation() -> None:
    art = _article(
        "Kyiv said Minsk has sent rockets to Tehran.",
        {"Kyiv": ("ukraine", "GPE"), "Minsk": ("belarus", "GPE"), "Tehran": ("iran", "GPE")},
    )
    evs = {e.plover: e for e in extract_events(art)}
    assert evs["ACCUSE"].actors == ["ukraine"] and "belarus" in evs["ACCUSE"].targets
    assert evs["AID"].actors == ["belarus"] and evs["AID"].targets == ["iran"]
    assert evs["AID"].mode == "military"


def test_events_negated_and_passive() -> None:
    art = _article("Beijing has not commented on the raid.", {"Beijing": ("china", "GPE")})
    assert all(e.plover != "ACCUSE" for e in extract_events(art))
    art = _article(
        "Armenia was accused by Azerbaijan of sniping.",
        {"Armenia": ("armenia", "GPE"), "Azerbaijan": ("azerbaijan", "GPE")},
    )
    acc = next(e for e in extract_events(art) if e.plover == "ACCUSE")
    assert acc.actors == ["azerbaijan"] and acc.targets == ["armenia"]


def test_events_stage_is_registered_and_its_output_pickles() -> None:
    fn = get_stage("newsprism.events.v1").factory()
    art = fn(_article("Lula met Modi.", {"Lula": ("lula", "PERSON"), "Modi": ("modi", "PERSON")}))
    assert [e.plover for e in art.events] == ["CONSULT"]
    assert set(art.events[0].actors) == {"lula", "modi"}  # a meeting's participants all act
    assert pickle.loads(pickle.dumps(art)).events == art.events
    assert get_stage("newsprism.events.corpus.v1").kind == "corpus"


def _ev(article: str, typ: str, lo: str | None, hi: str | None, actors: list[str], text: str) -> Event:
    return Event(
        f"{article}:0:{typ}",
        typ,
        text,
        date=DateRange(lo, hi, 0.8, ""),
        actors=actors,
        mentions=[Mention(article, Span(0, len(text), text))],
    )


def test_events_merge_same_happening_across_articles() -> None:
    a = _ev(
        "a",
        "CONSULT",
        "2024-03-04",
        "2024-03-10",
        ["lula", "xi"],
        "Last week Lula held summit talks with Xi in Brasilia.",
    )
    b = _ev("b", "CONSULT", "2024-03-06", "2024-03-06", ["lula", "xi"], "Hosting Xi in Brasilia today, Lula talks.")
    c = _ev("c", "CONSULT", "2018-11-12", "2018-11-12", ["lula", "xi"], "Lula meets with Xi.")
    out = merge_events([a, b, c])
    assert len(out) == 2
    merged = next(e for e in out if len(e.mentions) == 2)
    assert {m.article for m in merged.mentions} == {"a", "b"}
    assert merged.date.earliest == merged.date.latest == "2024-03-06"  # the intersection
    assert [e.date.earliest for e in out] == ["2018-11-12", "2024-03-06"]  # the timeline is sorted


def test_events_merge_never_joins_other_types_or_disjoint_dates() -> None:
    a = _ev("a", "SUPPORT", "2024-01-01", "2024-01-01", ["x"], "X backs Y.")
    b = _ev("b", "ACCUSE", "2024-01-01", "2024-01-01", ["x"], "X backs Y.")
    c = _ev("c", "SUPPORT", "2025-01-01", "2025-01-01", ["x"], "X backs Y.")
    assert len(merge_events([a, b, c])) == 3


def test_events_merge_blocking_grows_near_linearly() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_events import synthetic

    def pairs(n: int) -> int:
        evs = synthetic(n)
        return len(candidate_pairs([node_of(i, e) for i, e in enumerate(evs)], MergeConfig()))

    small, big = pairs(200), pairs(2000)
    assert big < 20 * small  # all pairs would be 100x (speed itself is measured by make bench)


def test_bench_events_pipeline_is_valid() -> None:
    # make bench broke when a corpus stage without "corpus" in its name joined the default
    # pipeline: the bench's per-article subset must pass the registry's check.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_events import article_stages

    from newsprism.registry import check_pipeline

    names = article_stages()
    assert "newsprism.coverage.v1" not in names
    assert check_pipeline(names)


# -- the seeds -----------------------------------------------------------------------------

FLOORS = {
    "events.found": 0.8,
    "events.type": 0.7,
    "events.date": 0.8,
    "events.actors": 0.7,
    "events.merged_across_articles": 1.0,
}




@pytest.mark.issue(6)
@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS.items()))
def test_events_seed_floor(seed_scores: dict[str, float], measure: str, floor: float) -> None:
    assert seed_scores.get(measure, 0.0) >= floor, f"{measure} = {seed_scores.get(measure)} < {floor}"


def _happening(
    eid: str, plover: str, art: str, text: str, actors: list[str], day: str | None, summary: str = ""
) -> Event:
    date = DateRange(day, day, 0.9, "given") if day else DateRange()
    return Event(
        id=eid,
        plover=plover,
        summary=summary or f"{', '.join(actors)} — {plover.lower()}",
        date=date,
        actors=actors,
        mentions=[Mention(art, Span(0, len(text), text))],
    )


def test_events_treaty_named_in_passing_is_a_reference_not_an_event() -> None:
    art = _article(
        "Lula pledged support as required by the terms of the pact on the enduring strategic "
        "partnership between Brazil and China.",
        {"Lula": ("lula", "PERSON"), "Brazil": ("brazil", "GPE"), "China": ("china", "GPE")},
    )
    evs = extract_events(art)
    refs = [e for e in evs if e.id.endswith(REF_MARK)]
    assert [e.plover for e in refs] == ["AGREE"]
    assert set(refs[0].actors) == {"brazil", "china"}  # the parties its name gives
    assert "enduring strategic partnership" in refs[0].summary
    assert all(e.plover != "COOPERATE" for e in evs)  # "partnership" is a word of the treaty's name


def test_events_treaty_reference_joins_the_summit_it_was_signed_at() -> None:
    summit = _happening(
        "a:1:CONSULT", "CONSULT", "a", "Lula held summit talks with Xi in Brasilia.", ["lula", "xi"], "2024-03-06"
    )
    signing = _happening(
        "a:2:AGREE",
        "AGREE",
        "a",
        "Lula and Xi once they had signed the Pact on Enduring Strategic Partnership.",
        ["lula", "xi"],
        "2024-03-06",
    )
    visit = _happening(
        "b:1:CONSULT",
        "CONSULT",
        "b",
        "Hosting Xi in Brasilia today, Lula held talks.",
        ["lula", "xi"],
        "2024-03-06",
    )
    ref = _happening(
        "c:1:AGREE" + REF_MARK,
        "AGREE",
        "c",
        "Lula invoked the terms of the pact on the enduring strategic partnership.",
        ["lula", "xi"],
        None,
        "lula, xi — pact on the enduring strategic partnership",
    )
    out = merge_events([summit, signing, visit, ref])
    meeting = next(e for e in out if e.plover == "CONSULT")
    assert {m.article for m in meeting.mentions} == {"a", "b", "c"}  # reported by two, referenced by a third
    assert not any(e.mentions and {m.article for m in e.mentions} == {"c"} for e in out)  # no event of its own
    agree = next(e for e in out if e.plover == "AGREE")
    assert {m.article for m in agree.mentions} == {"a", "c"}


def test_events_undated_mention_does_not_join_a_later_happening() -> None:
    early = _happening(
        "a:1:SUPPORT", "SUPPORT", "a", "Orban voiced firm backing for Serbia.", ["orban", "serbia"], None
    )
    later = _happening(
        "b:1:SUPPORT",
        "SUPPORT",
        "b",
        "Orban on 3 March voiced firm backing for Serbia.",
        ["orban", "serbia"],
        "2025-03-03",
    )
    # Undated, it never joins a dated happening of another article, nor takes its date (#21:
    # an unknown date used to overlap every date, and this test accepted the merge).
    assert len(merge_events([early, later])) == 2
    assert len(merge_events([early, later], None, {"a": "2024-03-06", "b": "2025-03-03"})) == 2
    assert next(e for e in merge_events([early, later]) if e.mentions[0].article == "a").date.known is False


def test_events_battle_tank_is_no_battle_and_an_announcement_of_ones_own_act_no_accusation() -> None:
    art = _article(
        "Germany disclosed that it will deliver a batch of its main battle tanks to Lithuania.",
        {"Germany": ("germany", "GPE"), "Lithuania": ("lithuania", "GPE")},
    )
    assert [e.plover for e in extract_events(art)] == ["AID"]


def test_events_target_is_not_the_actors_own_side_or_organisation() -> None:
    art = _article(
        "Xi condemned Japan and the Communist Party of China.",
        {"Xi": ("xi", "PERSON"), "Communist Party of China": ("cpc", "ORG"), "Japan": ("japan", "GPE")},
    )
    xi = next(a for a in art.actors if a.id == "xi")
    xi.roles = ["general secretary of the Communist Party of China"]
    acc = next(e for e in extract_events(art) if e.plover == "ACCUSE")
    assert acc.actors == ["xi"] and acc.targets == ["japan"]


def test_events_a_building_does_not_act() -> None:
    art = _article(
        "Gifts arrived at the Harbour Palace, which delivered them to Vesnia.",
        {"Harbour Palace": ("entity-harbour-palace", "FAC"), "Vesnia": ("vesnia", "GPE")},
    )
    for e in extract_events(art):
        assert "entity-harbour-palace" not in e.actors, e


def test_events_a_natural_feature_does_not_act() -> None:
    # "Yellow Sea — demonstrating": a sea made the actor of a missile test's event.
    art = _article(
        "Missiles flew over the Harbour Sea on Monday, demonstrating the reach of Vesnia's forces.",
        {"Harbour Sea": ("entity-harbour-sea", "LOC"), "Vesnia": ("vesnia", "GPE")},
    )
    for e in extract_events(art):
        assert "entity-harbour-sea" not in e.actors, e


def test_events_a_participle_used_as_an_adjective_is_no_event() -> None:
    # "the proposed law" had been a REQUEST by whoever stood nearby.
    assert _cues("They read the proposed law") == []
    assert _cues("Ministers proposed a law") == [("REQUEST", "proposed")]


def test_events_release_of_a_product_is_not_a_concession() -> None:
    # PLOVER's CONCEDE "release" frees people; "released a software update" is no event.
    assert _cues("The firm released a new software update on Monday") == []
    assert ("CONCEDE", "released") in _cues("The rebels released two hostages on Monday")
    assert _cues("The virus attacks the immune system") == []
    assert _cues("Rebels attacked the garrison") == [("ASSAULT", "attacked")]


def test_events_photos_released_by_media_and_a_photo_that_captured_a_mood_are_no_events() -> None:
    # "photos released by the North's state media" was a CONCEDE, "this photo captured two
    # qualities" a COERCE by the one who wrote it.
    assert _cues("according to photos released by the agency") == []
    assert _cues("this photo captured two important qualities") == []
    assert ("CONCEDE", "released") in _cues("two hostages released by the rebels")
    assert ("COERCE", "captured") in _cues("Rebels captured the town")


def test_events_a_photo_credit_names_no_party() -> None:
    # "(Harbour Gazette DB)Vesnia and Dorvania may look to ..." made the outlet a party.
    art = _article(
        "(Harbour Gazette DB)Vesnia and Dorvania signed a cooperation pact on Monday.",
        {"Harbour Gazette": ("harbour-gazette", "ORG"), "Vesnia": ("vesnia", "GPE"), "Dorvania": ("dorvania", "GPE")},
    )
    events = extract_events(art)
    assert events and all("harbour-gazette" not in e.actors + e.targets for e in events)


def test_events_a_battery_charge_cycle_is_no_accusation() -> None:
    assert _cues("The cell survived 2,000 charge cycles") == []


def test_events_a_relative_clause_with_its_own_subject_does_not_borrow_the_main_subject() -> None:
    # "Apple — seize": "a flaw which hackers had exploited to seize control" gave the seizure to the firm.
    art = _article(
        "Nortek released a patch for a flaw which hackers had exploited to seize control of phones.",
        {"Nortek": ("nortek", "ORG")},
    )
    assert [e for e in extract_events(art) if e.plover == "COERCE"] == []
    # A relative clause with no subject of its own still reads the main clause's.
    art = _article(
        "Vesnia, which had massed troops on the border, seized the port on Monday.",
        {"Vesnia": ("vesnia", "GPE")},
    )
    assert any(e.plover == "COERCE" and e.actors == ["vesnia"] for e in extract_events(art))


def test_events_a_gift_reported_by_a_speaker_is_no_allegation() -> None:
    # "Rusk said ... Valde had sent her a gift" came out as an accusation: any act of another
    # country reported by a speaker was typed ACCUSE. A gift (AID, mode ceremonial) is the act itself.
    names = {"Vera Lind": ("vera-lind", "PERSON"), "Minsk": ("belarus", "GPE")}
    evs = extract_events(_article("Vera Lind said Minsk had sent a gift to her on Sunday.", names))
    assert all(e.plover != "ACCUSE" for e in evs)
    aid = next(e for e in evs if e.plover == "AID")
    assert aid.actors == ["belarus"] and aid.mode == "ceremonial"
    # Others' dealings and military aid reported are still allegations.
    names = {"Kyiv": ("ukraine", "GPE"), "Minsk": ("belarus", "GPE"), "Tehran": ("iran", "GPE")}
    evs = extract_events(_article("Kyiv said Minsk has sent shells to Tehran.", names))
    assert any(e.plover == "ACCUSE" and e.actors == ["ukraine"] for e in evs)


def test_events_merge_never_joins_a_gift_and_an_arms_shipment() -> None:
    a = _ev("a", "AID", None, "2024-01-05", ["x"], "X sent shells to Y.")
    b = _ev("b", "AID", "2024-01-01", "2024-01-01", ["x"], "X sent a gift to Y.")
    c = _ev("c", "AID", None, "2024-01-05", ["x"], "X sent Y something.")
    a.mode, b.mode = "military", "ceremonial"
    out = merge_events([a, b, c])
    assert len(out) >= 2 and all({e.mode for e in out if e.mode} for e in out)
    assert not any({m.span.text for m in e.mentions} >= {"X sent shells to Y.", "X sent a gift to Y."} for e in out)


def test_events_an_unknown_organisation_is_on_the_side_of_the_country_its_name_begins_with() -> None:
    from newsprism.clauses import country_by_name, same_side

    assert same_side("entity-russian-navy", "russia") and same_side("entity-us-national-security-strategy", "united-states")
    assert not same_side("entity-russian-navy", "ukraine")
    assert country_by_name("entity-russia") is None  # the bare name is the country itself, not of it
    assert country_by_name("person-russia-jones") is None


def test_events_letters_invitations_and_speeches_passed_on_are_no_aid() -> None:
    # "Families of soldiers ... received special invitations", "the leader delivered a speech to
    # letter" came out as AID (military, by the sentence's "troops").
    names = {"Minsk": ("belarus", "GPE"), "Kyiv": ("ukraine", "GPE")}
    for text in (
        "Families of troops from Minsk received special invitations to the event.",
        "Minsk sent its condolences to the troops in Kyiv.",
        "The leader of Minsk delivered a speech to the troops on Monday.",
    ):
        present = {k: v for k, v in names.items() if k in text}
        assert all(e.plover != "AID" for e in extract_events(_article(text, present))), text
    assert any(e.plover == "AID" for e in extract_events(_article("Minsk sent shells to the troops in Kyiv.", names)))


def test_events_letters_sent_were_typed_aid() -> None:
    # "Minsk sent a letter to Kyiv" came out as AID (the goods of "send"); a letter, a message
    # or an envoy sent is diplomatic contact, and stays an event (timelines count it).
    names = {"Minsk": ("belarus", "GPE"), "Kyiv": ("ukraine", "GPE")}
    for text in (
        "Minsk sent a letter to Kyiv on Monday.",
        "Minsk sent a personal message to Kyiv on Monday.",
        "Kyiv received letters from Minsk on Monday.",
    ):
        events = extract_events(_article(text, names))
        assert events and all(e.plover == "CONSULT" for e in events), (text, [e.plover for e in events])
    assert any(e.plover == "AID" for e in extract_events(_article("Minsk sent shells to Kyiv on Monday.", names)))


def test_events_object_types_come_from_the_data_file() -> None:
    from newsprism.plover import lexicon

    assert lexicon().object_types["send"]["letter"] == "CONSULT"


# -- #21: triggers, realis, merges inside one story ----------------------------------------


@pytest.mark.issue(21)
def test_events_every_mention_has_its_trigger() -> None:
    art = _article(
        "Belarus on Thursday condemned Poland and signed a deal with China.",
        {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE"), "China": ("china", "GPE")},
        {"Thursday": ("2024-06-20", "2024-06-20")},
    )
    triggers = {e.plover: e.mentions[0].trigger for e in extract_events(art)}
    assert triggers["ACCUSE"] is not None and triggers["ACCUSE"].text == "condemned"
    assert all(t is not None and art.raw_text[t.start : t.end] == t.text for t in triggers.values())
    ev = next(e for e in extract_events(art) if e.plover == "ACCUSE")
    assert Event.from_dict(ev.as_dict()).mentions[0].trigger == ev.mentions[0].trigger  # round trip


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "sentence",
    [
        "Belarus would attack Poland.",
        "Belarus could soon attack Poland.",
        "Belarus will not attack Poland.",
        "Belarus plans to attack Poland.",
        "If Belarus attacks Poland, the alliance answers.",
        "Belarus warned of a possible attack on Poland.",
    ],
)
def test_events_what_did_not_happen_is_no_event(sentence: str) -> None:
    """Realis: a modal, an infinitive of a plan, a condition or a prospect is no ASSAULT."""
    art = _article(sentence, {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE")})
    assert [e.plover for e in extract_events(art) if e.plover == "ASSAULT"] == []


@pytest.mark.issue(21)
def test_events_a_threat_happened_the_threatened_strike_did_not() -> None:
    art = _article("Belarus threatened to strike Poland.", {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE")})
    assert [e.plover for e in extract_events(art)] == ["THREATEN"]
    art = _article("Belarus began to attack Poland.", {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE")})
    assert "ASSAULT" in [e.plover for e in extract_events(art)]  # "began to": it happened


@pytest.mark.issue(21)
def test_events_an_announced_delivery_is_the_announcement() -> None:
    """ "announced it would send tanks": the announcement happened (typed by what it announces),
    the delivery not yet."""
    art = _article("Canada announced that it would send tanks to Ukraine.", {"Canada": ("canada", "GPE"), "Ukraine": ("ukraine", "GPE")})
    evs = extract_events(art)
    assert [(e.plover, e.actors, e.targets) for e in evs] == [("AID", ["canada"], ["ukraine"])]
    assert evs[0].mentions[0].trigger is not None and evs[0].mentions[0].trigger.text == "announced"


@pytest.mark.issue(21)
def test_events_two_undated_mentions_of_two_stories_never_merge() -> None:
    a = _happening("a:1:ASSAULT", "ASSAULT", "a", "Rebels attacked the convoy near Goma.", ["rebels"], None)
    b = _happening("b:1:ASSAULT", "ASSAULT", "b", "Rebels attacked the convoy near Goma.", ["rebels"], None)
    assert len(merge_events([a, b])) == 2  # no stories known: nothing but words would join them
    assert len(merge_events([a, b], stories={"a": "s1", "b": "s1"})) == 1
    assert len(merge_events([a, b], stories={"a": "s1", "b": "s2"})) == 2


@pytest.mark.issue(21)
def test_events_a_lead_and_its_undated_elaboration_in_one_article_are_one_event() -> None:
    lead = _ev("a", "ACCUSE", "2024-06-24", "2024-06-24", ["north-korea"], "North Korea on Monday criticized the US for its aid.")
    lead.targets = ["united-states"]
    more = Event("a:90:ACCUSE", "ACCUSE", "x", actors=["north-korea"], targets=["united-states"],
                  mentions=[Mention("a", Span(90, 135, "In particular, Pyongyang criticized the US for it."))])
    out = merge_events([lead, more])
    assert len(out) == 1 and out[0].date.earliest == "2024-06-24"
    assert any("one undated, in the same article" in w for w in out[0].merge_evidence)
    other = Event("b:90:ACCUSE", "ACCUSE", "x", actors=["north-korea"], targets=["united-states"],
                  mentions=[Mention("b", Span(90, 135, "In particular, Pyongyang criticized the US for it."))])
    assert len(merge_events([lead, other])) == 2  # in another article: never on date grounds


@pytest.mark.issue(21)
def test_events_merge_says_why() -> None:
    a = _ev("a", "CONSULT", "2024-03-06", "2024-03-06", ["lula", "xi"], "Lula held summit talks with Xi in Brasilia.")
    b = _ev("b", "CONSULT", "2024-03-06", "2024-03-06", ["lula", "xi"], "Xi and Lula held summit talks in Brasilia.")
    (ev,) = merge_events([a, b])
    assert len(ev.merge_evidence) == 1 and "shared participants lula, xi" in ev.merge_evidence[0]
    assert ev.as_dict()["merge_evidence"] == ev.merge_evidence


@pytest.mark.issue(21)
def test_events_two_sentences_of_one_article_merge_only_with_the_same_word_and_side() -> None:
    """Read on untuned news: "GOP clubs declined to endorse Trump" and a later "He declined." were one
    event; "has drawn more support from Wall Street" joined "Hamm supports Trump"."""
    a = _happening("a:1:REJECT", "REJECT", "a", "The clubs declined to endorse the nominee.", ["clubs"], None)
    b = _happening("a:90:REJECT", "REJECT", "a", "Kukura declined, too.", ["kukura"], None)
    assert len(merge_events([a, b])) == 2  # two different actors
    c = _happening("a:150:REJECT", "REJECT", "a", "The clubs declined again, refusing the nominee.", ["clubs"], None)
    assert len(merge_events([a, c])) == 1  # the same actor, the same word


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Its spokesman Sue Ann Marsh said the vote was close.", None),  # a name, not a lawsuit
        ("He made his money in the world of finance.", None),  # a noun, not a verb of AID
        ("The CNN host reiterated his view.", None),
        ("The party often offered warm words for the bank.", None),  # habitual, and words are no aid
        ("The senator did not offer specific criticisms.", None),  # negated three words back
        ("The minister recalled how he had lost the vote.", None),  # remembering, not recalling an envoy
        ("The candidate seized on news of the rise.", None),
        ("The campaign held rallies in two cities.", None),  # a campaign rally is no protest
        ("The state released the emails on Friday.", None),  # releasing documents is no concession
        ("Vesnia recalled its ambassador from Lisk.", "SANCTION"),
    ],
)
def test_events_words_that_name_no_happening(sentence: str, cue: str | None) -> None:
    art = _article(sentence, {})
    got = [e.plover for e in extract_events(art)] + [c for c, _ in _cues(sentence) if c == cue]
    assert (cue in got) if cue else not [c for c, w in _cues(sentence) if c != "SPEECH" and _real(sentence, w)]


def _real(sentence: str, word: str) -> bool:
    """Whether the reader keeps the cue ``word`` of ``sentence`` as a happening."""
    from newsprism.clauses import article_units
    from newsprism.stages.events import EventReader

    art = _article(sentence, {})
    reader = EventReader(art)
    return any(
        c.trigger.cue.type != "SPEECH" and not c.absorbed and word in u.text[u.toks[c.trigger.i].start - u.start :]
        for u in article_units(art)
        for c in reader.read_unit(u, keep_all=True)
    )


@pytest.mark.issue(21)
def test_events_summary_is_a_line_a_person_can_read() -> None:
    """Not "Belarus — condemned — Poland": the article's own words from the actor to the target,
    or the names with the trigger's words; an unnamed actor is said to be unnamed."""
    art = _article(
        "Belarus on Thursday condemned Poland and signed a deal with China.",
        {"Belarus": ("belarus", "GPE"), "Poland": ("poland", "GPE"), "China": ("china", "GPE")},
        {"Thursday": ("2024-06-20", "2024-06-20")},
    )
    by = {e.plover: e.summary for e in extract_events(art)}
    assert by["ACCUSE"] == "Belarus on Thursday condemned Poland"
    art = _article("Shells were delivered to Kyiv.", {"Kyiv": ("ukraine", "GPE")})
    assert [e.summary for e in extract_events(art)] == ["(unnamed) delivered Kyiv"]


@pytest.mark.issue(21)
def test_events_a_receiver_is_no_giver_and_criticism_from_someone_is_theirs() -> None:
    """Read on untuned news: "the RNC received money" made the RNC the giver; "criticism from
    Democrats" made the criticised the critic."""
    lisk, vesnia, orel = {"Lisk": ("lisk", "ORG")}, {"Vesnia": ("vesnia", "GPE")}, {"Tomas Orel": ("orel", "PERSON")}
    (aid,) = [e for e in extract_events(_article("Lisk received $1 million last year.", lisk)) if e.plover == "AID"]
    assert aid.actors == [] and aid.targets == ["lisk"]
    (aid,) = [e for e in extract_events(_article("Lisk received $1 million from Vesnia.", lisk | vesnia)) if e.plover == "AID"]
    assert aid.actors == ["vesnia"]
    acc = [e for e in extract_events(_article("Tomas Orel faced criticism from Vesnia.", orel | vesnia)) if e.plover == "ACCUSE"]
    assert acc and acc[0].actors == ["vesnia"]


# -- review of 2026-12-06: the rules hold over whole groups, and inside reported speech ------------


@pytest.mark.issue(21)
def test_events_an_undated_mention_never_reaches_another_articles_dated_one_through_a_third() -> None:
    lead = _ev("a", "ACCUSE", "2024-06-24", "2024-06-24", ["north-korea"], "North Korea on Monday criticized the US.")
    lead.targets = ["united-states"]
    more = Event("a:90:ACCUSE", "ACCUSE", "x", actors=["north-korea"], targets=["united-states"],
                 mentions=[Mention("a", Span(90, 130, "Pyongyang also criticized the US for it."))])
    other = Event("b:9:ACCUSE", "ACCUSE", "x", actors=["north-korea"], targets=["united-states"],
                  mentions=[Mention("b", Span(9, 49, "Pyongyang also criticized the US for it."))])
    out = merge_events([lead, more, other], stories={"a": "s1", "b": "s1"})
    assert sorted(len(e.mentions) for e in out) == [1, 2]  # b stays apart: undated, another article


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Russia in May attacked Ukraine.", ["ASSAULT"]),  # the month, not the modal
        ("Russia did not retreat and attacked Ukraine.", ["ASSAULT"]),  # the negation stops at "and"
        ("Russia and China condemn Poland.", ["ACCUSE"]),  # a verb after names, with its object
        ("Poland said it would not condemn China.", []),  # a report of what did not happen
        ("Kim said he would condemn Poland.", []),
    ],
)
def test_events_realis_after_review(sentence: str, want: list[str]) -> None:
    names = {"Russia": ("russia", "GPE"), "Ukraine": ("ukraine", "GPE"), "China": ("china", "GPE"), "Poland": ("poland", "GPE"), "Kim": ("kim", "PERSON")}
    art = _article(sentence, names)
    assert [e.plover for e in extract_events(art)] == want


def test_events_summary_of_a_receiver_reads_forwards() -> None:
    names = {"Russia": ("russia", "GPE"), "China": ("china", "GPE")}
    (aid,) = [e for e in extract_events(_article("Russia received weapons from China.", names)) if e.plover == "AID"]
    assert aid.actors == ["china"] and aid.summary.startswith("Russia received")


@pytest.mark.issue(21)
def test_events_parties_come_from_the_triggers_own_phrase() -> None:
    """Judged on 16 untuned PolNeAR articles (evals/labels/polnear_events.json): 155 of 220 event
    records listed a wrong party, a name standing elsewhere in the sentence. A party is kept only
    where the trigger's phrase puts it; else the event has none."""
    names = {
        "Lisk": ("lisk", "GPE"), "Osk Party": ("osk-party", "ORG"), "Vesnia": ("vesnia", "GPE"),
        "Dorvania": ("dorvania", "GPE"), "Tomas Orel": ("tomas-orel", "PERSON"), "Ada Rusk": ("ada-rusk", "PERSON"),
    }

    def art(sentence: str) -> Article:
        return _article(sentence, names)

    bystander = art("The attacks in Lisk have inspired a bidding war among Osk Party candidates.")
    assert all("osk-party" not in e.targets + e.actors for e in extract_events(bystander))
    praised = [e for e in extract_events(art("The Lisk businessman has praised Tomas Orel, saying he was a strong leader.")) if e.plover == "SUPPORT"]
    assert praised and praised[0].actors == [] and praised[0].targets == ["tomas-orel"]
    accused = [e for e in extract_events(art("Vesnia on Monday criticized Dorvania for its naval drills.")) if e.plover == "ACCUSE"]
    assert accused and accused[0].actors == ["vesnia"] and accused[0].targets == ["dorvania"]
    pair = art("Tomas Orel (right) and Vesnian President Ada Rusk pose for a photo after signing the treaty on Wednesday.")
    signed = [e for e in extract_events(pair) if e.plover == "AGREE"]
    assert signed and sorted(signed[0].actors) == ["ada-rusk", "tomas-orel"]


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "sentence",
    [
        "Vesnia murders dissidents regularly.",  # the simple present of a body: habitual
        "Tomas Orel has offered no real plans to Dorvania.",  # negated by its object
        "Tomas Orel hadn’t discussed the deal with Ada Rusk.",  # a curly apostrophe's negation
        "Nobody asked Dorvania about the port.",
        "Tomas Orel will help Dorvania with the port.",  # a noun cue used as a verb after a modal
    ],
)
def test_events_habitual_negated_or_future_is_no_happening(sentence: str) -> None:
    """Judged on 16 untuned PolNeAR articles (evals/labels/polnear_events.json, tune): "ISIS murders
    gays regularly", "has offered no real plans", "hadn't discussed", "nobody asked", "will help"
    were events. A statement's present ("accuses", "calls for") is a stance and stays."""
    names = {"Vesnia": ("vesnia", "GPE"), "Dorvania": ("dorvania", "GPE"), "Tomas Orel": ("tomas-orel", "PERSON"), "Ada Rusk": ("ada-rusk", "PERSON")}
    art = _article(sentence, names)
    assert [e for e in extract_events(art) if e.plover != "REQUEST"] == []


@pytest.mark.issue(21)
def test_events_a_statements_present_tense_is_a_stance_that_stays() -> None:
    art = _article("Tomas Orel accuses Dorvania of blocking the port.", {"Tomas Orel": ("tomas-orel", "PERSON"), "Dorvania": ("dorvania", "GPE")})
    assert [e.plover for e in extract_events(art)] == ["ACCUSE"]


@pytest.mark.issue(21)
def test_events_confidence_is_the_trained_model_checked_on_untuned_records() -> None:
    """An event's confidence is the logistic model of newsprism.event_confidence, fitted on the
    judged records of the tune texts (evals/labels/polnear_events.json) and no worse than the two
    shares by agent on the held-out and fresh ones; a plainly reported verbal act by a named
    person ranks above a material act inside a quotation."""
    import json

    from newsprism.event_confidence import MODEL_PATH, confidence, model

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["trained_on"]["set"] == "tune" and model() is not None
    for name in ("held_out", "fresh"):
        got = data["checks"][name]
        assert got["model"]["brier"] <= got["fallback"]["brier"] and got["model"]["auc"] > got["fallback"]["auc"], name
    names = {"Tomas Orel": ("tomas-orel", "PERSON"), "Dorvania": ("dorvania", "GPE")}
    [said] = extract_events(_article("Tomas Orel criticized Dorvania on Monday.", names))
    assert said.confidence == confidence(said, False, {"tomas-orel"})
    from newsprism.article import Event

    attack = Event("x", "ASSAULT", "", actors=["dorvania"], targets=["tomas-orel"])
    assert confidence(attack, True, {"tomas-orel"}) < 0.2 < said.confidence


@pytest.mark.issue(21)
def test_events_a_cue_naming_a_kind_of_thing_is_no_happening() -> None:
    """Judged on untuned PolNeAR (tune): "a political risk and consulting company", "an assault
    weapons ban", "the briefing room" were events. A noun cue before the noun it modifies names a
    kind of thing; before a verb or a function word it still names a happening."""
    names = {"Vesnia": ("vesnia", "GPE"), "Dorland": ("dorland", "GPE")}
    kind = _article("Vesnia hired a consulting firm to advise on the port.", {"Vesnia": names["Vesnia"]})
    assert [e for e in extract_events(kind) if e.plover == "CONSULT"] == []
    happened = _article("The attack by Vesnia killed five people in Dorland.", names)
    assert [e.plover for e in extract_events(happened)] == ["ASSAULT"]


def test_two_strikes_on_one_day_by_different_sides_on_different_targets_stay_two() -> None:
    """#21 ("agree on the core participants"): two articles' strikes on the same day, with the
    same word and wording, by two armies on two targets, were one event when the words and the
    date alone passed the bar. Wholly different participants keep them apart."""
    text_a = "Army of Vesnia forces struck the port of Dorn with missiles on Monday, officials said."
    text_b = "Army of Kalor forces struck the port of Ulm with missiles on Monday, officials said."
    a = _ev("a", "ASSAULT", "2024-03-04", "2024-03-04", ["vesnia-army"], text_a)
    b = _ev("b", "ASSAULT", "2024-03-04", "2024-03-04", ["kalor-army"], text_b)
    a.targets, b.targets = ["dorn"], ["ulm"]
    assert len(merge_events([a, b], MergeConfig(disjoint_parties_apart=False))) == 1  # what it did
    assert len(merge_events([a, b])) == 2
    c = _ev("c", "ASSAULT", "2024-03-04", "2024-03-04", ["vesnia-army"], text_a.replace("Monday", "Monday night"))
    c.targets = ["dorn"]
    assert len(merge_events([a, c])) == 1  # the same sides still join


@given(
    st.lists(st.sampled_from(["russia", "ukraine", "united-states", "entity-russian-navy", "entity-us-army", "kim-jong-un", "x"]), max_size=3),
    st.lists(st.sampled_from(["russia", "north-korea", "entity-russian-navy", "entity-u-s-treasury", "vladimir-putin", "y", "x"]), max_size=3),
)
@settings(max_examples=200, deadline=None)
def test_sides_intersect_exactly_when_a_pair_is_on_the_same_side(xs: list[str], ys: list[str]) -> None:
    from newsprism.clauses import same_side, sides

    assert (not sides(xs).isdisjoint(sides(ys))) == any(same_side(x, y) for x in xs for y in ys)


def test_candidate_pairs_never_hold_disjoint_dates() -> None:
    evs = [_ev(f"a{i}", "CONSULT", f"2024-03-{1 + i % 20:02d}", f"2024-03-{1 + i % 20:02d}", ["lula", "xi"], "Lula held talks with Xi.") for i in range(80)]
    nodes = [node_of(i, e) for i, e in enumerate(evs)]
    pairs = candidate_pairs(nodes, MergeConfig())
    assert pairs and all(nodes[x].lo == nodes[y].lo for x, y in pairs)


@pytest.mark.issue(21)
def test_events_a_standing_relationship_is_no_happening_but_can_be_alleged() -> None:
    """Read on the seeds (a hand judgment of their dated events): the noun "cooperation" made
    COOPERATE events of "pledged to strengthen strategic cooperation" and of "cooperation ... will
    continue to expand", and the latter merged into a summit months before. A relationship noun is
    a state (TimeML's STATE class), no happening; a speaker who reports it still alleges it."""
    names = {"Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}
    evs = extract_events(_article("Vesnia pledged to strengthen strategic cooperation with Kalor on Monday.", names))
    assert all(e.plover != "COOPERATE" for e in evs)
    names = {"Dana Ortiz": ("dana-ortiz", "PERSON"), "Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}
    evs = extract_events(_article("Dana Ortiz said Vesnia's cooperation with Kalor will continue to expand.", names))
    assert all(e.plover != "COOPERATE" for e in evs)
    assert any(e.plover == "ACCUSE" and e.actors == ["dana-ortiz"] for e in evs)
    # A verb that does something to it is still the happening ("signed a partnership" is AGREE).
    evs = extract_events(_article("Vesnia and Kalor cooperated on the bridge on Monday.", {"Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}))
    assert any(e.plover == "COOPERATE" for e in evs)


@pytest.mark.issue(21)
def test_two_strikes_stay_two_when_a_round_up_names_both() -> None:
    """Review finding: the rule kept the pair apart, but a third article naming both armies and
    both ports joined one to it and then the other, so all three became one event."""
    text_a = "Army of Vesnia forces struck the port of Dorn with missiles on Monday, officials said."
    text_b = "Army of Kalor forces struck the port of Ulm with missiles on Monday, officials said."
    text_c = "Army of Vesnia and Kalor forces struck the ports of Dorn and Ulm with missiles on Monday, officials said."
    a = _ev("a", "ASSAULT", "2024-03-04", "2024-03-04", ["vesnia-army"], text_a)
    b = _ev("b", "ASSAULT", "2024-03-04", "2024-03-04", ["kalor-army"], text_b)
    c = _ev("c", "ASSAULT", "2024-03-04", "2024-03-04", ["vesnia-army", "kalor-army"], text_c)
    a.targets, b.targets, c.targets = ["dorn"], ["ulm"], ["dorn", "ulm"]
    out = merge_events([a, b, c])
    assert not any({m.article for m in e.mentions} >= {"a", "b"} for e in out)


@pytest.mark.issue(21)
def test_events_support_held_is_no_happening_but_a_statement_of_it_is() -> None:
    """Read on PolNeAR's tune texts (hand judgments): "win their support", "Clinton support",
    "his opposition to the war" were SUPPORT/REJECT events; a stance held is a state. Said, it is
    the speaker's statement of support."""
    names = {"Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}
    evs = extract_events(_article("Ignoring the voters of Vesnia is no way to win their support.", {"Vesnia": ("vesnia", "GPE")}))
    assert all(e.plover != "SUPPORT" for e in evs)
    evs = extract_events(_article("Vesnia kept its opposition to the war in Kalor.", names))
    assert all(e.plover != "REJECT" for e in evs)
    names = {"Dana Ortiz": ("dana-ortiz", "PERSON"), "Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}
    evs = extract_events(_article("Dana Ortiz said Vesnia would maintain its support for Kalor.", names))
    assert any(e.plover == "SUPPORT" and e.actors == ["dana-ortiz"] for e in evs)
    evs = extract_events(_article("Vesnia expressed support for Kalor.", {"Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}))
    assert any(e.plover == "SUPPORT" and e.actors == ["vesnia"] for e in evs)


@pytest.mark.issue(21)
def test_events_a_dated_noun_in_s_is_no_verb() -> None:
    """Read on PolNeAR's tune texts: "cited ... after the Sept. 11, 2001, attacks" read "attacks" as
    a verb whose subject was the speaker (an ASSAULT by Bernie Sanders). After a year or a day it
    names the happening; after a name it is still a verb."""
    for text in ("after the Sept. 11, 2001, attacks it changed", "the 2001 attacks were", "after the Nov. 13 attacks in Lisk"):
        assert [(t.cue.base, t.cue.pos) for t in find_cues(tokens(text))] == [("attack", "noun")], text
    for text in ("In 2016, Vesnia attacks Kalor", "The army, in 2016 attacks Kalor"):
        assert [(t.cue.base, t.cue.pos) for t in find_cues(tokens(text))] == [("attack", "verb")], text


@pytest.mark.issue(21)
def test_events_a_cue_after_a_possessive_is_a_noun() -> None:
    """Read on PolNeAR's tune texts: "the council's support for terminating ... contracts" read
    "support" as a verb (a SUPPORT of the contracts' party); after a possessive it is a noun, here
    a stance held (no happening)."""
    assert [(t.cue.base, t.cue.pos) for t in find_cues(tokens("the council’s support for terminating"))] == [("support", "noun")]
    assert [(t.cue.base, t.cue.pos) for t in find_cues(tokens("Vesnia's attacks on Kalor"))] == [("attack", "noun")]
    assert [(t.cue.base, t.cue.pos) for t in find_cues(tokens("Vesnia attacks Kalor"))] == [("attack", "verb")]


@pytest.mark.issue(21)
def test_events_a_verb_after_an_apposition_has_its_own_subject() -> None:
    """Read on PolNeAR's tune texts: "Jindal signed an order ..., while Mike Huckabee, the former
    Arkansas governor, proposed ..." gave the proposal to Jindal: the description linked to
    Huckabee hid him, and the comma before "proposed" was read as a coordination that borrows the
    first verb's subject. A verb with its own subject keeps it; a coordinated one still borrows."""
    names = {"Tomas Osk": ("tomas-osk", "PERSON"), "Lena Marr": ("lena-marr", "PERSON"), "Kalor": ("kalor", "GPE")}
    art = _article("Tomas Osk signed an order on Monday, while Lena Marr, the former governor, proposed talks with Kalor.", names)
    text = art.raw_text
    i = text.index("the former governor")
    art.mentions.append(ActorMention(Span.of(text, i, i + len("the former governor")), "lena-marr", "description"))
    art.mentions.sort(key=lambda m: m.span.start)
    evs = extract_events(art)
    assert [e.actors for e in evs if e.mentions[0].trigger and e.mentions[0].trigger.text == "proposed"] == [["lena-marr"]]
    evs = extract_events(_article("Tomas Osk criticized Kalor, praised Lena Marr and left.", names))
    assert any(e.plover == "SUPPORT" and e.actors == ["tomas-osk"] for e in evs)


@pytest.mark.issue(21)
def test_events_of_names_the_one_acted_on_for_acts_done_to_someone() -> None:
    """Read on PolNeAR's tune texts ("the 2003 invasion of Iraq", "criticism of his approach"): a
    noun of an act done to someone names that one after "of"; an accusation's "of" names what it
    alleges, and a resignation's names who resigns (no target)."""
    names = {"Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE"), "Osk": ("tomas-osk", "PERSON")}
    evs = extract_events(_article("Vesnia began its invasion of Kalor on Monday.", names, {"Monday": ("2024-06-24", "2024-06-24")}))
    assert any(e.plover == "ASSAULT" and e.actors == ["vesnia"] and e.targets == ["kalor"] for e in evs)
    evs = extract_events(_article("Vesnia voiced its condemnation of Osk on Monday.", names, {"Monday": ("2024-06-24", "2024-06-24")}))
    assert any(e.plover == "ACCUSE" and e.targets == ["tomas-osk"] for e in evs)
    evs = extract_events(_article("The accusations of Kalor fraud grew on Monday.", names, {"Monday": ("2024-06-24", "2024-06-24")}))
    assert not any(e.plover == "ACCUSE" and e.targets == ["kalor"] for e in evs)


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # review of the state nouns: a negated or conditional stance types no report
        ("Dana Ortiz said Vesnia had no opposition to the plan.", []),
        ("Dana Ortiz said Kalor did not have the support of Vesnia.", []),
        # review of "of": it names the one acted on only when the noun has its actor
        ("The move drew the condemnation of Kalor.", []),
        ("The refusal of Vesnia to allow inspectors angered Lisk.", []),
        ("Vesnia ruled out an invasion of Kalor.", []),
        # review of the apposition and coordination rules
        ("When Tomas Osk arrived, he criticized Kalor.", [("ACCUSE", ["tomas-osk"], ["kalor"])]),
        ("Tomas Osk met Lena Marr, the former governor, praised Kalor and left.", [("CONSULT", ["tomas-osk", "lena-marr"], []), ("SUPPORT", ["tomas-osk"], ["kalor"])]),
        # review of the dated nouns: an age in apposition is no date
        ("Tomas Osk, 58, accuses Kalor of lying.", [("ACCUSE", ["tomas-osk"], ["kalor"])]),
        # review of the possessive: a contraction is none
        ("Dana Ortiz said he's backing Kalor.", [("SUPPORT", ["dana-ortiz"], ["kalor"])]),
    ],
)
def test_events_review_of_the_third_session_rules(sentence: str, want: list[tuple[str, list[str], list[str]]]) -> None:
    """A reviewer's sentences that the session's events rules got wrong (each a wrong record, or a
    right one lost); the record now is right or absent."""
    known = {"Dana Ortiz": ("dana-ortiz", "PERSON"), "Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE"), "Tomas Osk": ("tomas-osk", "PERSON"), "Lena Marr": ("lena-marr", "PERSON"), "Lisk": ("lisk", "GPE")}
    art = _article(sentence, known)
    if "the former governor" in sentence:
        i = art.raw_text.index("the former governor")
        art.mentions.append(ActorMention(Span.of(art.raw_text, i, i + len("the former governor")), "lena-marr", "description"))
        art.mentions.sort(key=lambda m: m.span.start)
    assert [(e.plover, e.actors, e.targets) for e in extract_events(art)] == want


@pytest.mark.issue(21)
def test_events_a_noun_whose_object_makes_it_no_happening() -> None:
    """Read on PolNeAR's tune texts: "believed Russia engineered the release of the emails" was a
    CONCEDE (PLOVER's release frees people). The verb's object rule holds for its noun with "of";
    the release of prisoners is still one."""
    assert find_cues(tokens("Vesnia engineered the release of the emails")) == []
    assert [(t.cue.base, t.cue.type) for t in find_cues(tokens("the release of the prisoners on Monday"))] == [("release", "CONCEDE")]


@pytest.mark.issue(21)
def test_events_a_contest_is_no_fight() -> None:
    """#21 names figurative verbs among the noise ("a firestorm of criticism"); read on PolNeAR's
    tune texts (and named among the fresh set's errors): "incoming attacks from his rivals for the
    nomination", "a long battle for the nomination" were ASSAULT records. With words of a political
    or legal contest in the sentence and none of violence, such a cue is no event."""
    names = {"Tomas Osk": ("tomas-osk", "PERSON"), "Lena Marr": ("lena-marr", "PERSON"), "Vesnia": ("vesnia", "GPE"), "Kalor": ("kalor", "GPE")}
    for s in ("Tomas Osk and Lena Marr fought a long battle for the nomination.", "Tomas Osk attacked Lena Marr in the debate on Monday."):
        evs = extract_events(_article(s, names, {"Monday": ("2024-06-24", "2024-06-24")}))
        assert all(e.plover != "ASSAULT" for e in evs), s
    s = "Vesnia attacked Kalor with missiles during the election campaign on Monday."
    evs = extract_events(_article(s, names, {"Monday": ("2024-06-24", "2024-06-24")}))
    assert any(e.plover == "ASSAULT" and e.actors == ["vesnia"] for e in evs)


@pytest.mark.issue(21)
@pytest.mark.parametrize(
    "sentence",
    [
        "Ada Rusk cited Tomas Orel's proposed temporary ban on Vesnian imports.",  # a modifier between
        "Tomas Orel used harsh language about the need for more intense bombing of Vesnia.",
        "Tomas Orel and Ada Rusk floated the notion of admitting refugees from Vesnia.",
    ],
)
def test_events_a_prospect_is_no_happening(sentence: str) -> None:
    """Judged on the tune texts (evals/labels/polnear_events.json, 2026-12-07): "Trump's proposed
    temporary ban", "the need for more intense bombing", "floated the notion of admitting" were
    events; a prospect adjective over modifiers, or a head such as "the need for", names a prospect."""
    names = {"Tomas Orel": ("tomas-orel", "PERSON"), "Vesnia": ("vesnia", "GPE"), "Ada Rusk": ("ada-rusk", "PERSON")}
    events = extract_events(_article(sentence, names))
    assert not any(e.plover in ("SANCTION", "ASSAULT", "CONCEDE") for e in events)
    # A done act stays: "imposed a ban", and "called for" is the request itself.
    assert [e.plover for e in extract_events(_article("Tomas Orel imposed a ban on Vesnian imports.", names))] == ["SANCTION"]
    assert [e.plover for e in extract_events(_article("Tomas Orel called for sanctions on Vesnia.", names))] == ["REQUEST"]


@pytest.mark.issue(21)
def test_events_a_place_before_a_violent_noun_is_where_not_who() -> None:
    """Judged on the tune texts: "the California shootings" had California as the shooter. A
    place's name before a noun of violence or protest tells where; an organisation acts."""
    names = {"Hamas": ("hamas", "ORG"), "California": ("california", "GPE")}
    assert all("california" not in e.actors for e in extract_events(_article("The debate came after the California shootings.", names)))
    assert [e.actors for e in extract_events(_article("The Hamas attack killed 12 people.", names))] == [["hamas"]]


@pytest.mark.issue(21)
def test_review_the_plain_saying_fact_follows_a_reloaded_lexicon() -> None:
    """A code review: the "reported" fact cached its lexicon words outside the knowledge cache, so
    a user's plover.json read by ``knowledge.reload()`` did not reach it."""
    from newsprism import knowledge
    from newsprism.event_confidence import _plain_saying

    assert _plain_saying("told") and _plain_saying.cache_info().currsize >= 1  # type: ignore[attr-defined]
    knowledge.reload()
    assert _plain_saying.cache_info().currsize == 0  # type: ignore[attr-defined]  # forgotten with the knowledge files
    assert _plain_saying("told") and not _plain_saying("accused")


@pytest.mark.issue(21)
def test_events_what_a_blind_reading_found_to_be_no_happening() -> None:
    """A blind analyst's reading (ninth session): "Given her tough attitude" became AID, "the
    relative decline of the United States" a refusal (REJECT), and in "Republican leaders who
    implicitly rebuked Trump met" Trump, the rebuked one, met."""
    assert _cues("Given her tough attitude, Valde is disliked in Karsk.") == []
    assert _cues("He was given the medal on Monday.") == [("AID", "given")]
    assert ("AID", "given") in _cues("the weapons given to Vesnia last year")
    assert _cues("Karsk worries about the relative decline of Vesnia.") == []
    assert ("REJECT", "declined") in _cues("The minister declined the offer.")
    art = _article(
        "Harbour leaders who implicitly rebuked Orin Valde met on Tuesday.",
        {"Orin Valde": ("orin-valde", "PERSON")},
    )
    assert not [e for e in extract_events(art) if e.plover == "CONSULT" and e.actors == ["orin-valde"]]


@pytest.mark.issue(21)
def test_events_a_means_after_by_is_no_agent_and_a_poll_released_frees_no_one() -> None:
    """The second blind reading: "leaders who implicitly rebuked Trump by publicly expressing
    sympathy" made Trump the accuser (the by-phrase read as a passive's agent); "a Washington Post
    Poll released Sunday" was a CONCEDE (a release of people)."""
    art = _article(
        "Harbour leaders who rebuked Orin Valde by publicly expressing sympathy met on Tuesday.",
        {"Orin Valde": ("orin-valde", "PERSON")},
    )
    assert not [e for e in extract_events(art) if "orin-valde" in e.actors], [(e.plover, e.actors) for e in extract_events(art)]
    assert _cues("In a Karsk Times poll released Sunday, three of four voters disapproved.") == []
    assert _cues("Five prisoners released on Monday returned home.") == [("CONCEDE", "released")]


@pytest.mark.issue(21)
def test_events_what_a_code_review_of_the_ninth_session_found() -> None:
    """The review: the verb-as-noun rule dropped "The president said", "The student protested";
    "condemned by Beijing" lost its agent to the "-ing" check; "and indeed Merkel met" lost Merkel
    ("indeed" read as a past verb)."""
    assert ("SPEECH", "said") in _cues("The president said the talks failed.")
    assert _cues("The official refused the offer.") == [("REJECT", "refused")]
    art = _article("The strike was condemned by Vesnia on Monday.", {"Vesnia": ("vesnia", "GPE")})
    assert any(e.actors == ["vesnia"] for e in extract_events(art)), [(e.plover, e.actors, e.targets) for e in extract_events(art)]
    art = _article("He left early, and indeed Ada Rusk met Orin Valde in Karsk.", {"Ada Rusk": ("ada-rusk", "PERSON"), "Orin Valde": ("orin-valde", "PERSON")})
    assert any("ada-rusk" in e.actors for e in extract_events(art)), [(e.plover, e.actors, e.targets) for e in extract_events(art)]


@pytest.mark.issue(21)
def test_events_the_tenth_sessions_blind_reading_found() -> None:
    """Records a blind reading of untuned news found wrong (2026-12-07, tenth session): things
    sent, given or received that are no aid, standing before their verb ("emails sent to Powell",
    "the warm welcome he had received", "testimony, which she gave"); "backing down" (no
    SUPPORT); a participle wished for someone ("wants Trump banned": no SANCTION); a gerund
    weighed ("is considering filing an appeal"); a ban one holds a position on."""
    assert _cues("Two emails sent to Powell were placed in storage") == []
    assert not [c for c in _cues("the warm welcome he had received from Karsk") if c[0] == "AID"]
    assert _cues("Her testimony, which she gave a week before she left office, was cordial") == []
    assert _cues("Karsk sent troops to the border")[0][0] == "MOBILIZE"
    assert not [c for c in _cues("some indications that he was backing down from the proposal") if c[0] == "SUPPORT"]
    cases = {
        "Lawmakers in Karsk want Valde banned from the country.": "SANCTION",
        "The party is considering filing an appeal against Valde.": None,
        "Valde said his position on banning Lisk has grown.": "SANCTION",
    }
    for sentence, typ in cases.items():
        art = _article(sentence, {"Karsk": ("karsk", "GPE"), "Valde": ("person-valde", "PERSON"), "Lisk": ("lisk", "ORG")})
        evs = extract_events(art)
        assert all(e.plover != typ for e in evs) if typ else not [e for e in evs if e.plover != "SPEECH"], (sentence, [(e.plover, e.mentions[0].trigger) for e in evs])
    art = _article("Karsk banned Lisk on Monday.", {"Karsk": ("karsk", "GPE"), "Lisk": ("lisk", "ORG")})
    assert [e.plover for e in extract_events(art)] == ["SANCTION"]


@pytest.mark.issue(21)
def test_events_what_a_code_review_of_the_tenth_session_found() -> None:
    """A review of the session's change: "like" read as a wish lost "Groups like Hamas attacked
    Israel"; a fronted phrase read as a relative clause's object lost "In a statement, they
    released three hostages" and "Despite the criticism, she provided weapons to Ukraine"."""
    assert ("ASSAULT", "attacked") in _cues("Groups like Karsk attacked Lisk on October 7")
    assert any(c[1] == "released" for c in _cues("In a statement, they released three hostages on Sunday"))
    assert [c for c in _cues("Despite the criticism, she provided weapons to Lisk") if c[0] == "AID"]
    art = _article("Groups like Karsk attacked Lisk on Monday.", {"Karsk": ("karsk", "GPE"), "Lisk": ("lisk", "GPE")})
    assert [e.plover for e in extract_events(art)] == ["ASSAULT"]


@pytest.mark.issue(21)
def test_events_the_eleventh_sessions_blind_reading_found() -> None:
    """Records a blind reading of untuned news found wrong (eleventh session): "Christian Estrosi,
    a former mayor of Nice, told television that the truck was carrying arms when it struck the
    crowd" made Nice (the "it") the attacker, a common noun ("the truck") standing nearer; "Mussolini
    was murdered by his own people after Germany fell" made Germany the killer (the by-phrase ends
    at "after")."""
    names = {"Karsk": ("karsk", "GPE"), "Lisk": ("lisk", "GPE"), "Valde": ("person-valde", "PERSON"), "Ada Roe": ("person-ada-roe", "PERSON")}
    art = _article("Ada Roe, a former mayor of Karsk, said the truck was carrying arms when it struck the crowd.", names)
    assert not [e for e in extract_events(art) if e.plover == "ASSAULT" and "karsk" in e.actors]
    # ... but "its" stays the subject's: "Karsk has faced sanctions from the international
    # community due to its military attacks on Lisk" is Karsk's (the rule first took "its" too)
    art = _article("Karsk has faced condemnation from the international community due to its attacks on Lisk.", names)
    assert [e.actors for e in extract_events(art) if e.plover == "ASSAULT"] == [["karsk"]], [(e.plover, e.actors) for e in extract_events(art)]
    art = _article("Valde was eventually murdered by his own people after Karsk fell.", names)
    assert not [e for e in extract_events(art) if "karsk" in e.actors]
    art = _article("Valde was attacked by Karsk on Monday.", names)
    assert [e.actors for e in extract_events(art) if e.plover == "ASSAULT"] == [["karsk"]]
    # "The AP quoted Wassim Bouhlel as saying that the driver started shooting" made the witness
    # the gunman: who reports, and to whom, is no party of what was said
    art = _article("Lisk quoted Ada Roe as saying that the driver emerged with a gun and started shooting.", names)
    assert not [e for e in extract_events(art) if e.plover == "ASSAULT" and ({"person-ada-roe", "lisk"} & {*e.actors, *e.targets})]
    art = _article("Valde told reporters that Karsk invaded Lisk.", names)
    assert [(e.actors, e.targets) for e in extract_events(art) if e.plover == "ASSAULT"] == [(["karsk"], ["lisk"])]
    # "The CBS poll gave Clinton a much higher lead": a lead given is no aid
    assert not [c for c in _cues("The poll gave Valde a much higher lead") if c[0] == "AID"]
    assert [c for c in _cues("Karsk gave Lisk two hundred tanks") if c[0] == "AID"]


@pytest.mark.issue(21)
def test_events_what_a_code_review_of_the_eleventh_session_found() -> None:
    """The second code review of the session: the rule that takes the reporter out of what was
    said took the subject of "vowed to destroy", "pledged to send" too; a by-phrase cut at "of"
    made "shot by members of Hamas" Hamas the one shot; "Israel said this morning it struck" lost
    Israel to "this morning"."""
    names = {"Karsk": ("karsk", "GPE"), "Lisk": ("lisk", "GPE"), "Hamas": ("hamas", "ORG")}
    art = _article("Karsk vowed to destroy Hamas after the attack.", names)
    assert [e.actors for e in extract_events(art) if e.plover == "ASSAULT"] == [["karsk"]]
    art = _article("Karsk pledged to send more tanks to Lisk.", names)
    assert [(e.actors, e.targets) for e in extract_events(art) if e.plover == "AID"] == [(["karsk"], ["lisk"])]
    art = _article("The soldier was shot by members of Hamas near the border on Monday.", names)
    assert [(e.actors, e.targets) for e in extract_events(art) if e.plover == "ASSAULT"] == [(["hamas"], [])]
