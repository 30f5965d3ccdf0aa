"""The stance stage and the outlet profiles: word choices in the outlet's own voice, quotes apart."""

from __future__ import annotations

import json

import pytest

from conftest import article_with_mentions
from newsprism.article import ActorMention, Article, Dossier, Quote, Span, TechniqueSpan
from newsprism.registry import get_stage
from newsprism.stages.profiles import outlet_profiles, rekey_stance
from newsprism.stages.stance import label, stance_of

pytestmark = pytest.mark.issue(7)

ACTORS = {
    "Russia": ("russia", "GPE"),
    "Ukraine": ("ukraine", "GPE"),
    "Freedonia": ("freedonia", "GPE"),
    "the Ministry": ("org-ministry", "ORG"),
}


def make(*body: str, title: str = "A headline", outlet: str | None = None) -> Article:
    return article_with_mentions(body, ACTORS, title, outlet=outlet)


def test_stance_invasion_weighs_on_the_invader_not_the_invaded() -> None:
    art = make("Russia's invasion of Ukraine entered its third year.", "Russia has faced sanctions since.", title="Russia presses on in Ukraine")
    stance, _ = stance_of(art)
    assert stance["russia"] == "critical"
    assert stance.get("ukraine", "neutral") == "neutral"


def test_stance_euphemism_and_praise_read_supportive() -> None:
    art = make(
        "Russia's special military operation goes on, a just war waged by Russia.",
        "Observers in Russia praise the heroic Russia.",
        title="Russia advances",
    )
    stance, _ = stance_of(art)
    assert stance["russia"] == "supportive"


def test_stance_strong_labelling_is_hostile() -> None:
    art = make(
        "Freedonia and its puppets are criminals who bully the world.",
        "The criminality of Freedonia knows no bounds.",
        title="Freedonia again",
    )
    stance, res = stance_of(art)
    assert stance["freedonia"] == "hostile"
    assert any(ev.strong for ev in res.evidence)


def test_stance_quoted_words_are_not_the_outlets() -> None:
    art = make('"Russia is a criminal regime of thugs," the Ministry said.', "Russia said talks would resume.", title="Russia and the Ministry")
    raw = art.raw_text
    qs, qe = raw.index("Russia is"), raw.index(',"')
    art.quotes = [Quote(art.id, Span.of(raw, qs, qe), "direct", speaker="org-ministry")]
    stance, res = stance_of(art)
    assert stance["russia"] != "hostile"
    assert all(ev.voice != "own" for ev in res.evidence if ev.actor == "russia")


def test_stance_statement_reproduced_counts_more_than_a_quote() -> None:
    body = "Freedonia is a criminal regime and a bully."
    art = make(body, title="Statement")
    raw = art.raw_text
    s = raw.index(body)
    art.quotes = [Quote(art.id, Span.of(raw, s, s + len(body)), "statement", speaker="org-ministry")]
    _, res_statement = stance_of(art)
    art.quotes = [Quote(art.id, Span.of(raw, s, s + len(body)), "direct", speaker="org-ministry")]
    _, res_quote = stance_of(art)
    assert res_statement.scores["freedonia"] < res_quote.scores["freedonia"] < 0


def test_stance_own_voice_name_calling_span_counts() -> None:
    art = make("Freedonia and the Ministry met; the Ministry called it routine.", title="Freedonia meets")
    raw = art.raw_text
    s = raw.index("Freedonia")
    art.persuasion = [TechniqueSpan(art.id, Span.of(raw, s, s + 9), "name_calling", 0.9, None)]
    _, res = stance_of(art)
    assert res.scores.get("freedonia", 0.0) < 0


def test_stance_labels_thresholds() -> None:
    assert label(0.0, 0.0) == "neutral"
    assert label(-1.0, 0.0) == "critical"
    assert label(-5.0, 0.0) == "critical"  # much criticism, no strong labelling
    assert label(-5.0, -2.0) == "hostile"
    assert label(2.0, 0.0) == "supportive"


def test_stance_stage_and_profiles_rekey_and_gather() -> None:
    meta = get_stage("newsprism.stance.v1")
    fn = meta.factory(**meta.defaults)
    a1 = fn(make("Russia's invasion of Ukraine went on.", "Russia shelled Ukraine.", title="Russia", outlet="Outlet A"))
    a1.id = "a1"
    a1.genre = "report"
    a2 = fn(make("The heroic Russia fights a just war.", "Russia and Russia.", title="Russia", outlet="Outlet B"))
    a2.id = "a2"
    a2.genre = "opinion"
    assert a1.stance["russia"] == "critical" and a2.stance["russia"] == "supportive"
    # the actors merge renames "russia" -> "Q159": the profile stage follows the anchors
    for a in (a1, a2):
        a.mentions = [ActorMention(m.span, "Q159" if m.actor == "russia" else m.actor, m.kind) for m in a.mentions]
        rekey_stance(a)
        assert "Q159" in a.stance
    prof = outlet_profiles([a1, a2])
    assert prof["Outlet A"]["stance"]["Q159"] == {"critical": 1}
    assert prof["Outlet B"]["genres"] == {"opinion": 1}
    corpus = get_stage("newsprism.profiles.v1")
    d = corpus.factory(**corpus.defaults)(Dossier(articles=[a1, a2]))
    assert d.articles[0].ext["outlet_profile"]["outlet"] == "Outlet A"
    assert d.persuasion == [p for a in d.articles for p in a.persuasion]


def test_stance_an_act_done_to_the_subject_is_not_the_subjects() -> None:
    # "Freedonia is not simply responding to threats": the threats are someone else's, unnamed;
    # the subject used to take the full weight of the event word.
    art = make("The Ministry says Freedonia is not simply responding to threats.", "Freedonia met Ukraine on Monday.", title="Freedonia and the Ministry")
    stance, _ = stance_of(art)
    assert stance.get("org-ministry", "neutral") == "neutral"
    assert stance.get("freedonia", "neutral") == "neutral"
    # The doer, when named, still carries it.
    art2 = make("Russia's threats against Ukraine grew.", title="Russia and Ukraine")
    assert stance_of(art2)[0]["russia"] == "critical"


def test_stance_a_label_for_a_government_is_not_said_of_a_person() -> None:
    # "... his daughter Ana Roe visited the palace to honour the regime's late leaders": the
    # label stood beside her name and made the outlet critical of her.
    actors = {**ACTORS, "Ana Roe": ("person-ana-roe", "PERSON")}
    art = article_with_mentions(
        ("Freedonia held a parade on Monday.", "His daughter Ana Roe visited the palace to honour the regime's late leaders."),
        actors,
        "Freedonia parade",
    )
    stance, res = stance_of(art, min_mentions=1)
    assert stance.get("person-ana-roe", "neutral") == "neutral"
    assert not any(e.actor == "person-ana-roe" and e.score <= -1.0 for e in res.evidence)
    # With a country in the sentence, the label is said of it.
    art2 = article_with_mentions(("Ana Roe said the Freedonia regime would fall.",), actors, "Freedonia")
    res2 = stance_of(art2, min_mentions=1)[1]
    assert any(e.actor == "freedonia" and e.score <= -1.0 for e in res2.evidence)


def test_stance_who_says_a_term_is_not_judged_by_it() -> None:
    # "X affirms ... while highlighting the <quality> of <Y>'s <act>":
    # the speaker took a share of the outlet's criticism of the war.
    art = make("Freedonia condemned the aggression on Monday.", "Freedonia, highlighting the criminality of Russia, called for talks.", title="Freedonia speaks")
    stance, res = stance_of(art, min_mentions=1)
    assert stance.get("freedonia", "neutral") == "neutral", res.evidence
    assert stance["russia"] in ("critical", "hostile")


def test_stance_speaker_of_a_possessed_act_is_not_judged_and_a_pledge_still_is() -> None:
    # "X affirms ... while highlighting the criminality of the USA's proxy war": "USA's" is one
    # token, so the act read as the speaker's; a pledge of support for a war is still judged.
    art = make("Freedonia affirms its solidarity while highlighting the futility of Russia's invasion of Ukraine.", title="Freedonia speaks")
    stance, res = stance_of(art, min_mentions=1)
    assert stance.get("freedonia", "neutral") == "neutral", res.evidence
    assert stance["russia"] in ("critical", "hostile")
    art2 = make("Freedonia vowed to maintain its support for Russia in its aggression against Ukraine.", title="Freedonia pledges")
    assert any(e.actor == "freedonia" and e.score < 0 for e in stance_of(art2, min_mentions=1)[1].evidence)


def test_stance_a_fused_possessive_names_the_one_who_acts() -> None:
    # "to support Moscow's war against Ukraine": the tokenizer keeps "Moscow's" whole, so the
    # possessor was missed and the sentence's first actor took the blame.
    art = make("Freedonia sent troops to support Russia's war against Ukraine.", title="Troops")
    res = stance_of(art, min_mentions=1)[1]
    assert any(e.actor == "russia" and e.score <= -0.5 for e in res.evidence)
    assert not any(e.actor == "freedonia" and e.score <= -0.5 for e in res.evidence)


def test_stance_threats_one_responds_to_are_not_ones_own() -> None:
    # "Faced with such threats, the commander stressed ...": the commander came out criticised.
    art = make("In response to these threats, the Ministry announced new drills.", title="Drills")
    res = stance_of(art, min_mentions=1)[1]
    assert not any(e.actor == "org-ministry" and e.score <= -0.5 for e in res.evidence)


def test_stance_a_label_a_speaker_puts_on_someone_is_the_speakers() -> None:
    # "Kim described the ties as a precious asset": reported without quotation marks, not the outlet's praise.
    art = make("Freedonia described Russia as brave and heroic.", title="Ties")
    res = stance_of(art, min_mentions=1)[1]
    praise = [e for e in res.evidence if e.actor == "russia"]
    assert praise and all(e.voice == "quoted" for e in praise)


def test_stance_label_polarity_reads_praise_apart_from_slurs() -> None:
    from newsprism.stages.persuasion import tokenize
    from newsprism.stages.stance import label_polarity

    assert label_polarity(tokenize("a precious asset")) == 1.0
    assert label_polarity(tokenize("a puppet")) == -1.0
    assert label_polarity(tokenize("a brilliant criminal")) == -1.0


def test_stance_a_label_for_a_government_is_not_said_of_a_news_agency() -> None:
    # "power hierarchy in regime ... according to KCNA": the state news agency was called a regime.
    art = article_with_mentions(("Officials of the regime appeared in photos released by KCNA.",), {"KCNA": ("kcna", "ORG")}, "Photos")
    res = stance_of(art, min_mentions=1)[1]
    assert not any(e.actor == "kcna" and e.score <= -0.5 for e in res.evidence)


def test_article_outlet_profile_names_its_outlet_and_copies_no_article_list() -> None:
    """Every article carried a copy of its outlet's whole profile, with the ids of all the
    outlet's articles: the dossier grew with the square of the corpus (#24). It now names the
    outlet's row of ``dossier.outlets``."""
    arts = []
    for i in range(3):
        a = make(f"Ships docked at Varna on day {i}.", f"Day {i}", outlet="Outlet A")
        a.id = f"a{i}"
        arts.append(a)
    corpus = get_stage("newsprism.profiles.v1")
    d = corpus.factory(**corpus.defaults)(Dossier(articles=arts))
    assert [a.ext["outlet_profile"] for a in d.articles] == [{"outlet": "Outlet A"}] * 3
    assert d.outlets[0]["articles"] == ["a0", "a1", "a2"]
    assert all("a1" not in json.dumps(a.as_dict()["ext"]) for a in d.articles)
