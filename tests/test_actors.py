"""The nlp and actors stages on hand-written sentences, and the actor knowledge base (issue 4)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import article_from_lines
from newsprism import settings
from newsprism.actor_merge import merge_actors
from newsprism.actorkb import ACTOR_TYPES, REQUIRED_KEYS, actor_kb, build_kb, kb_documents, name_key
from newsprism.article import ActorMention, Article, Dossier, Mention, Span
from newsprism.pronouns import resolve_pronoun
from newsprism.stages.actors import actor_at, headline_cased, link_actors
from newsprism.stages.nlp import _cut_unbalanced, analyse, gazetteer, load_model, normalise

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="session")
def model() -> Any:
    """The spaCy model and the gazetteer, loaded once for the whole session."""
    nlp = load_model()
    gazetteer()
    return nlp


def make(model: Any, *body: str, title: str = "A headline about talks", art_id: str = "a1") -> Article:
    """A hand-built article (title line, then body lines) through the nlp and actors stages."""
    art = article_from_lines([("title", title), ("blank", ""), *[("body", b) for b in body]])
    art.id = art.source = art_id
    analyse([art])
    return link_actors(art)


def actor_of(art: Article, text: str, nth: int = 0) -> str | None:
    """The actor id of the ``nth`` occurrence of ``text`` in the article."""
    starts = [m.start() for m in re.finditer(re.escape(text), art.raw_text)]
    s = starts[nth]
    return actor_at(art, s, s + len(text))


def by_id(art: Article) -> dict[str, Any]:
    return {a.id: a for a in art.actors}


# -- knowledge base ----------------------------------------------------------------------


def test_actorkb_file_loads_and_every_entry_has_required_keys() -> None:
    doc = json.loads((settings.DATA_DIR / "actors.json").read_text(encoding="utf-8"))
    ids = [row["id"] for row in doc["actors"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len(ids) > 200
    for row in doc["actors"]:
        missing = [k for k in REQUIRED_KEYS if k not in row]
        assert not missing, f"{row.get('id')}: missing {missing}"
        assert row["type"] in ACTOR_TYPES, row
        assert isinstance(row["aliases"], list) and isinstance(row["roles"], list)
        assert row["wikidata"] is None or re.fullmatch(r"Q\d+", row["wikidata"]), row
        assert row.get("metonym_of") in (None, *ids), row
    kb = actor_kb()
    assert kb.lookup("Kim Jong-un")[0].id == kb.lookup("KIM JONG UN")[0].id == "kim-jong-un"
    assert kb.lookup("Workers’ Party of Korea")[0].id == "workers-party-of-korea"
    assert kb.lookup("Yonhap")[0].type == "ORG"  # outlets are ORG actors
    assert [a.id for a in kb.fuzzy("Volodymyr Zelenskij")] == ["volodymyr-zelenskyy"]
    assert all(a.id != "kim-jong-un" for a in kb.fuzzy("Kim Jong Il"))


def test_actorkb_user_file_is_merged_over_the_packaged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = {"actors": [
        {"id": "jane-calloway", "name": "Jane Calloway", "type": "PERSON", "aliases": ["J. Calloway"], "roles": [], "country": None, "wikidata": None},
        {"id": "russia", "name": "Russia", "type": "GPE", "aliases": ["Rossiya"], "roles": [], "country": "RU", "wikidata": "Q159"},
    ]}  # fmt: skip
    (tmp_path / "actors.json").write_text(json.dumps(user), encoding="utf-8")
    monkeypatch.setattr(settings, "USER_DATA_DIR", tmp_path)
    kb = build_kb(kb_documents())
    assert kb.lookup("J. Calloway")[0].id == "jane-calloway"
    assert kb.lookup("Rossiya")[0].id == "russia"
    assert not kb.lookup("Russian Federation")  # the user's entry replaced the packaged one


def test_name_key_folds_spellings() -> None:
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == "kim jong un"
    assert name_key("the Workers’ Party of Korea") == name_key("Workers Party of Korea")
    assert name_key("N. Korea's") == name_key("N Korea")


# -- nlp layer ---------------------------------------------------------------------------


def test_nlp_normalise_keeps_length() -> None:
    raw = "Kim’s “full support”\u00a0for\u202fMoscow"
    assert len(normalise(raw)) == len(raw)
    assert normalise(raw) == "Kim's \"full support\" for Moscow"
    ruled = "said.------------N. Korea's Kim -- then ==== and a-b"
    assert len(normalise(ruled)) == len(ruled)
    assert normalise(ruled) == "said.            N. Korea's Kim -- then      and a-b"


@given(st.text(alphabet=st.sampled_from(list("a-=_*#~’ \u00a0")), max_size=40))
def test_nlp_normalise_is_character_for_character(text: str) -> None:
    assert len(normalise(text)) == len(text)


def test_nlp_offsets_point_into_raw_text_with_curly_apostrophes(model: Any) -> None:
    art = make(model, "Pak Jong Chon, a senior official of the Workers’ Party of Korea,\u00a0warned that Democratic People’s Republic of Korea forces could act.")
    for e in art.entities:
        assert art.raw_text[e.span.start : e.span.end] == e.span.text
    for m in art.mentions:
        assert art.raw_text[m.span.start : m.span.end] == m.span.text
    assert actor_of(art, "Democratic People’s Republic of Korea") == "north-korea"
    assert any("Workers’ Party of Korea" in e.span.text and e.label == "ORG" for e in art.entities)


def test_nlp_splits_title_and_country_from_the_name(model: Any) -> None:
    art = make(model, "Speaking in Kyiv, President of Ukraine Volodymyr Zelenskyy said on Sunday that the partnership would keep growing.")
    ents = {(e.span.text, e.label) for e in art.entities}
    assert ("Volodymyr Zelenskyy", "PERSON") in ents
    assert ("Ukraine", "GPE") in ents
    assert "President of Ukraine" in by_id(art)["volodymyr-zelenskyy"].roles


def test_nlp_wire_name_is_an_organisation(model: Any) -> None:
    art = make(model, "The border will stay closed for now, Pak added. (Yonhap)")
    assert ("Yonhap", "ORG") in {(e.span.text, e.label) for e in art.entities}
    assert actor_of(art, "Yonhap") == "yonhap"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Telegram channel)Maria Ivanova", "Maria Ivanova"),  # a credit glued to the next sentence
        ("Maria Ivanova (Reuters", "Maria Ivanova"),
        ("Bank of England (BoE)", "Bank of England (BoE)"),
        ("[Photo] Anna Petrova", "[Photo] Anna Petrova"),
        ("Anna Petrova", "Anna Petrova"),
    ],
)
def test_nlp_caption_run_into_a_name_is_cut_at_the_bracket(text: str, want: str) -> None:
    s, t = _cut_unbalanced(text, 0, len(text))
    assert text[s:t] == want


@given(st.text(alphabet=st.sampled_from(list("ab ()[]")), max_size=30))
def test_nlp_cut_unbalanced_stays_inside_and_balanced(text: str) -> None:
    s, t = _cut_unbalanced(text, 0, len(text))
    assert 0 <= s <= t <= len(text)
    depth = 0
    for ch in text[s:t]:
        depth += 1 if ch in "([" else -1 if ch in ")]" else 0
        assert depth >= 0
    assert depth == 0


def test_nlp_place_named_like_a_person_is_a_facility(model: Any) -> None:
    art = make(
        model,
        "Thousands marched across Kim Il Sung Square on Sunday.",
        "The leader later laid flowers inside the Kumsusan Palace of the Sun with his family.",
    )
    ents = {e.span.text: e.label for e in art.entities}
    assert ents.get("Kim Il Sung Square") == "FAC"
    assert "Kumsusan Palace of the Sun" in ents
    # The last word of a palace's name is not the newspaper of the same name.
    assert all(a.name != "The Sun" for a in art.actors)


@pytest.mark.parametrize(
    ("line", "want", "unwanted"),
    [
        # a wire's bracketed story label names no one
        ("(LEAD) Harbour council approves the budget", set(), {"LEAD"}),
        # a dateline's city glued after a name
        ("Crowds cheered the alliance with Moscow SEOUL -- Officials met in Busan on Monday.", {"Moscow"}, {"Moscow SEOUL"}),
        # the next sentence's first word glued to a name
        ("said Mira Holt, a lecturer at Kyungnam UniversityIt is unclear what comes next.", {"Kyungnam University"}, {"Kyungnam UniversityIt"}),
        # a known person's name closing an organisation's span
        ("A letter from the Federation Council Sergei Lavrov arrived.", {"Federation Council", "Sergei Lavrov"}, {"Federation Council Sergei Lavrov"}),
        ("The Kremlin Dmitry Peskov said the ties were strong.", {"Kremlin", "Dmitry Peskov"}, {"Kremlin Dmitry Peskov"}),
        # a drawn rule glued to a name ("said.------------N. Korea's Kim")
        ("Officials met on Monday.------------N. Korea's leader opened a factory.", {"N. Korea"}, {"Korea"}),
        # two known names across " to "
        ("State media reported New Year's greetings from China's Xi to N. Korea's leader.", {"Xi", "N. Korea"}, {"Xi to N. Korea"}),
        # results and listings glued to names
        ("Goals: Anton Velde 1 goal, Maro Lint 1 goal", {"Anton Velde", "Maro Lint"}, {"Anton Velde 1 goal", "Maro Lint 1 goal"}),
        ("Velde Rovers: Jaden Mirow 7, Karl Osta 5, Tim Brek 3", {"Karl Osta", "Tim Brek"}, {"Karl Osta 5", "Tim Brek 3"}),
        ("Tour dates: CA @ Shoreline Amphitheatre, then Channel 4 airs it.", {"Channel 4"}, {"CA @ Shoreline Amphitheatre"}),
        # two names read as one, a web address, a headline's colon, a glued "As"
        ("The letter was signed by The Intercept and The New Yorker on Monday.", {"Intercept", "New Yorker"}, {"Intercept and The New Yorker"}),
        ("Release https://t.co/abc123 was posted by Sean CampbellAs the crowd watched.", {"Sean Campbell"}, {"Sean CampbellAs"}),
        ("Procter and Gamble and the Department of Health and Human Services agreed.", {"Procter and Gamble", "Department of Health and Human Services"}, set()),
        ("The band AC/DC played on.", {"AC/DC"}, set()),
        # names in camel case stay whole
        ("Officials at LinkedIn and YouTube declined to comment.", {"LinkedIn", "YouTube"}, set()),
    ],
)
def test_nlp_names_glued_to_furniture_are_cut(model: Any, line: str, want: set[str], unwanted: set[str]) -> None:
    art = make(model, line)
    names = {e.span.text for e in art.entities}
    assert want <= names, names
    assert not (unwanted & names), names


def test_nlp_person_name_ends_before_a_list_number(model: Any) -> None:
    art = make(model, "Dec. 1 -- Minister Olga Brandt 2 -- The cabinet met to discuss the budget.")
    assert "Olga Brandt 2" not in {e.span.text for e in art.entities}


def test_nlp_reads_only_title_and_body_lines(model: Any) -> None:
    art = article_from_lines([("title", "Talks in Geneva"), ("boilerplate", "Follow Donald Trump on Facebook"), ("body", "Officials met in Geneva.")])
    analyse([art])
    assert all("Trump" not in e.span.text for e in art.entities)


# -- actors ------------------------------------------------------------------------------


def test_actors_merge_spelling_variants_across_articles(model: Any) -> None:
    a = make(model, "North Korean leader Kim Jong-un inspected a missile factory on Monday.", art_id="a")
    b = make(model, "Kim Jong Un told Russian President Vladimir Putin that support would continue.", art_id="b")
    c = make(model, "Volodymyr Zelenskiy said Kyiv would respond.", art_id="c")
    actors = merge_actors([a, b, c])
    kims = [x for x in actors if "Kim Jong-un" in x.aliases or "Kim Jong Un" in x.aliases]
    assert len(kims) == 1
    assert kims[0].id == "kim-jong-un" and kims[0].wikidata == "Q56226"
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(kims[0].aliases)
    assert {m.article for m in kims[0].mentions} == {"a", "b"}
    assert actor_of(c, "Volodymyr Zelenskiy") == "volodymyr-zelenskyy"
    assert "North Korean leader" in kims[0].roles and "Russian President" in by_id(b)["vladimir-putin"].roles


def test_actors_never_fuse_kim_jong_un_and_kim_yo_jong(model: Any) -> None:
    a = make(
        model,
        "Kim Jong Un oversaw a drill on Tuesday.",
        "His sister Kim Yo Jong issued a statement on Wednesday.",
        "Kim said the drills would go on.",
        art_id="a",
    )
    # Two Kims named in full before it and nothing telling which: a guess no longer (it was the
    # nearest full name, which an analyst's reading of untuned output found wrong 17 times in 27).
    assert actor_of(a, "Kim", 2) not in ("kim-jong-un", "kim-yo-jong")
    c = make(
        model,
        "Kim Jong Un oversaw a drill on Tuesday.",
        "His sister Kim Yo Jong issued a statement on Wednesday.",
        "Ms. Kim said the drills would go on.",
        art_id="c",
    )
    assert actor_of(c, "Kim", 2) == "kim-yo-jong"  # the honorific agrees with one of them
    b = make(model, "Kim said in a statement that Seoul would pay.", art_id="b")  # no full name here
    actors = merge_actors([a, b])
    for x in actors:
        names = {name_key(n) for n in (*x.aliases, x.name)}
        assert not {"kim jong un", "kim yo jong"} <= names, x
    assert actor_of(b, "Kim") not in ("kim-jong-un", "kim-yo-jong")


def test_actors_lone_surname_joins_the_only_full_name_in_the_corpus(model: Any) -> None:
    a = make(model, "Jane Calloway, a spokeswoman for the ministry, denied the report.", art_id="a")
    b = make(model, "Ms. Calloway said on Friday that the talks would resume.", art_id="b")
    actors = merge_actors([a, b])
    jane = [x for x in actors if "Calloway" in x.aliases]
    assert len(jane) == 1 and jane[0].name == "Jane Calloway"
    assert actor_of(b, "Calloway") == jane[0].id


def test_actors_short_name_coreference(model: Any) -> None:
    art = make(
        model,
        "Speaking to lawmakers, South Korea’s new defense minister Shin Won-sik said on Thursday that the cargo had arrived.",
        "Shin added that most of the crates held artillery rounds.",
        "Pak Jong Chon, vice chair of the ruling Workers' Party of Korea, argued that Russia was free to answer.",
        "Pak also claimed that any answer would be justified.",
    )
    assert actor_of(art, "Shin", 1) == "shin-won-sik"
    assert actor_of(art, "Pak", 1) == "pak-jong-chon"
    actors = by_id(art)
    assert "South Korea’s new defense minister" in [r.replace("'", "’") for r in actors["shin-won-sik"].roles]
    assert "vice chair of the ruling Workers' Party of Korea" in actors["pak-jong-chon"].roles


def test_actors_unknown_person_gets_a_stable_id_and_keeps_short_names(model: Any) -> None:
    art = make(model, "Mirela Ostrovska, the mayor of the town, said the bridge was shelled.", "Ostrovska added that nobody was hurt.")
    first = actor_of(art, "Mirela Ostrovska")
    assert first == "person-mirela-ostrovska"
    assert actor_of(art, "Ostrovska", 1) == first
    assert "mayor of the town" in by_id(art)[first].roles
    again = make(model, "Mirela Ostrovska, the mayor of the town, said the bridge was shelled.", "Ostrovska added that nobody was hurt.")
    assert [a.id for a in again.actors] == [a.id for a in art.actors]


def test_actors_the_embassy_refers_back(model: Any) -> None:
    art = make(
        model,
        "“We are grateful,” the Russian Embassy in Pyongyang wrote on Telegram.",
        "“Our friendship is strong,” the embassy added.",
    )
    emb = actor_of(art, "Russian Embassy in Pyongyang")
    assert emb is not None and emb.startswith("entity-russian-embassy")
    assert actor_of(art, "the embassy") == emb


def test_actors_metonyms_act_for_governments_places_stay_places(model: Any) -> None:
    art = make(
        model,
        "Pyongyang denied the claim, and Moscow did too.",
        "Putin arrived in Pyongyang on Wednesday for the Pyongyang summit.",
        "The Kremlin said the visit was a success, and Seoul said it was watching.",
        "An aide was held on the orders of a Moscow court.",
    )
    assert actor_of(art, "Pyongyang", 0) == "north-korea"
    assert actor_of(art, "Moscow", 1) == "moscow"  # "a Moscow court": the city's (ECB+ "an Athens magistrate")
    assert actor_of(art, "Moscow") == "russia"
    assert actor_of(art, "Pyongyang", 1) == "pyongyang"
    assert actor_of(art, "Pyongyang", 2) == "pyongyang"
    assert actor_of(art, "Kremlin") == "russia"
    assert actor_of(art, "Seoul") == "south-korea"
    kinds = {m.span.text: m.kind for m in art.mentions if m.span.text in ("Kremlin", "Seoul")}
    assert kinds == {"Kremlin": "metonym", "Seoul": "metonym"}


def test_actors_demonyms_and_leader_descriptions(model: Any) -> None:
    art = make(
        model,
        "North Korean leader Kim Jong Un vowed support for Russia.",
        "According to Radio Free Europe/Radio Liberty, on Friday North Korea’s leader promised that his soldiers would assist.",
    )
    assert actor_of(art, "North Korean") == "north-korea"
    assert actor_of(art, "North Korea’s leader") == "kim-jong-un"
    assert actor_of(art, "Radio Free Europe/Radio Liberty") == "rfe-rl"


def test_actors_pronoun_resolver(model: Any) -> None:
    art = make(
        model,
        "Kim Yo Jong affirmed her country’s solidarity with Russia.",
        "Sergei Lavrov met Choe Son Hui in Moscow, and he praised the talks.",
        "She said the alliance was strong.",
        "Russia said it would respond.",
    )
    her = art.raw_text.index("her country")
    assert resolve_pronoun(art, her) == "kim-yo-jong"
    he = art.raw_text.index("he praised")
    assert resolve_pronoun(art, he) == "sergei-lavrov"  # Choe Son Hui is the nearer name, but female
    she = art.raw_text.index("She said")
    assert resolve_pronoun(art, she) == "choe-son-hui"
    it = art.raw_text.index("it would")
    assert resolve_pronoun(art, it) == "russia"
    assert resolve_pronoun(art, 0) is None


def test_actors_actor_at_finds_the_mention_or_none(model: Any) -> None:
    art = make(model, "Vladimir Putin spoke on Friday.")
    s = art.raw_text.index("Putin")
    assert actor_at(art, s, s + 5) == "vladimir-putin"
    assert actor_at(art, s + 1, s + 1) == "vladimir-putin"  # an offset inside the mention
    f = art.raw_text.index("Friday")
    assert actor_at(art, f, f + 6) is None


def test_actors_serialise_on_the_article_and_round_trip(model: Any) -> None:
    art = make(model, "Kim Jong Un met Vladimir Putin in Pyongyang.")
    d = art.as_dict()
    assert {"entities", "mentions", "actors", "sentences"} <= set(d)
    back = Article.from_dict(json.loads(json.dumps(d)))
    assert back.mentions == art.mentions and back.entities == art.entities
    dossier = Dossier(articles=[art], actors=merge_actors([art]))
    assert Dossier.from_json(dossier.to_json()).actors[0].id == dossier.actors[0].id


def test_actors_country_possessive_names_its_leader(model: Any) -> None:
    # A round-up headline's "N. Korea's Kim" is the country's leader, not a later "Kim" of
    # another family, and not an unknown "Kim".
    art = make(
        model,
        "Dec. 3 -- N. Korea's Kim inspects a new factory in the east.",
        "In other news, Kim Min-jae scored twice for his club.",
    )
    assert actor_of(art, "Kim", 0) == "kim-jong-un"
    assert actor_of(art, "Kim Min-jae") == "person-kim-min-jae"


def test_actors_country_possessive_needs_one_current_leader() -> None:
    kb = build_kb(
        [
            {
                "titles": {"heads": ["president"], "leaders": ["president"]},
                "actors": [
                    {"id": "norway", "name": "Norway", "type": "GPE", "country": "NO"},
                    {"id": "ana-larsen", "name": "Ana Larsen", "type": "PERSON", "country": "NO", "roles": ["President of Norway"]},
                    {"id": "piet-larsen", "name": "Piet Larsen", "type": "PERSON", "country": "NO", "roles": ["former President of Norway"]},
                    {"id": "lia-larsen", "name": "Lia Larsen", "type": "PERSON", "country": "NO", "roles": ["mayor of the capital"]},
                ],
            }
        ]
    )
    art = article_from_lines([("title", "A headline"), ("blank", ""), ("body", "Norway's Larsen opened the new bridge on Monday.")])
    analyse([art])
    link_actors(art, kb)
    s = art.raw_text.index("Larsen")
    # (an invented knowledge base: in it the current president is the only Larsen leading Norway)
    assert actor_at(art, s, s + 6) == "ana-larsen"


def test_actors_lone_family_name_in_a_one_country_story_is_its_leader(model: Any) -> None:
    # "under Kim's regional policy" in a round-up about North Korea, with no fuller name.
    art = make(
        model,
        "North Korea opened two factories this week, North Korea's state media said.",
        "Officials in North Korea said more would follow under Kim's regional policy.",
        title="North Korea opens factories",
    )
    assert actor_of(art, "Kim") == "kim-jong-un"
    # In a story about another country the same name stays unknown.
    other = make(
        model,
        "Norway opened two factories this week, Norway's government said.",
        "Officials in Norway said more would follow under Kim's regional policy.",
        title="Norway opens factories",
    )
    assert actor_of(other, "Kim") != "kim-jong-un"


def test_actors_the_north_is_the_country_the_article_names(model: Any) -> None:
    # "the North" after "North Korea": an ellipsis of the knowledge base (``ellipses``).
    art = make(
        model,
        "North Korea fired two missiles into the sea on Tuesday, South Korea's military said.",
        "The North has tested more than a dozen missiles this year, and the South has protested each launch.",
    )
    assert actor_of(art, "North", 1) == "north-korea"
    assert actor_of(art, "South", 0) == "south-korea"


def test_actors_an_ellipsis_needs_its_actor_named() -> None:
    kb = build_kb(
        [
            {
                "actors": [
                    {"id": "north-vesnia", "name": "North Vesnia", "type": "GPE", "country": "XV", "ellipses": ["North"]},
                    {"id": "north-orlia", "name": "North Orlia", "type": "GPE", "country": "XO", "ellipses": ["North"]},
                ],
            }
        ]
    )

    def north_of(*body: str) -> str | None:
        art = article_from_lines([("title", "A headline"), ("blank", ""), *[("body", b) for b in body]])
        analyse([art])
        for e in art.entities:  # the model's label for the bare word varies; make it a place
            if e.span.text == "North":
                break
        else:
            pytest.skip("the model found no entity 'North' here")
        link_actors(art, kb)
        return actor_at(art, e.span.start, e.span.end)

    said = "The North denied the report on Monday."
    assert north_of("North Vesnia closed its border.", said) == "north-vesnia"
    # Two named actors claim the word: neither gets it.
    assert north_of("North Vesnia and North Orlia closed their border.", said) not in ("north-vesnia", "north-orlia")
    # Not named in the article: the word is left alone.
    assert north_of("Talks resumed in the capital.", said) not in ("north-vesnia", "north-orlia")


def test_nlp_possessor_before_a_known_name_is_cut(model: Any) -> None:
    # "the North's Korean Central News Agency": the agency, not an unknown organisation.
    art = make(model, "The North's Korean Central News Agency reported the launch on Friday.")
    assert actor_of(art, "Korean Central News Agency") == "kcna"
    assert not any(a.id.startswith("entity-north") for a in art.actors)


def parts(text: str) -> list[str]:
    """The pieces ``split_sentence`` cuts one model sentence into."""
    from newsprism.stages.nlp import split_sentence

    return [text[a:b] for a, b in split_sentence(text, 0, len(text), actor_kb())]


def test_nlp_sentence_splits_at_a_dateline_or_a_rule_inside_it() -> None:
    assert parts("Leader opens a mill in the west HARBOUR CITY -- The leader opened a mill.") == [
        "Leader opens a mill in the west",
        "HARBOUR CITY -- The leader opened a mill.",
    ]
    assert parts("A round-up of the week VELGRAD, Jan. 2 (Wire) -- The following is a summary.")[1].startswith("VELGRAD, Jan. 2")
    assert parts("She sent a portrait in return.            (END)") == ["She sent a portrait in return.", "(END)"]
    # An organisation's capitals and short words are no dateline.
    assert len(parts("The plan was backed by NATO -- The alliance said so.")) == 1
    assert len(parts("He met the CEO -- A man of note.")) == 1


def test_nlp_sentences_glued_without_a_space_are_split() -> None:
    # A crawler lost paragraph breaks ("late on Monday.In a letter, ..."), and a quote's
    # content ran on into the next paragraph.
    assert parts("It was posted late on Monday.In a letter, she thanked the crew.") == [
        "It was posted late on Monday.",
        "In a letter, she thanked the crew.",
    ]
    assert parts("He called it \u201ca new era.\u201dSince then, trade has grown.")[1] == "Since then, trade has grown."
    # Abbreviations, initialisms and web addresses stay whole.
    assert len(parts("Mrs.Lee met the U.S.Army chief at yna.co.kr today.")) == 1


@given(st.text(alphabet=st.sampled_from(list("AB ab.-—,()\n")), max_size=80))
def test_nlp_split_sentence_spans_stay_inside_and_apart(text: str) -> None:
    from newsprism.stages.nlp import split_sentence

    spans = split_sentence(text, 0, len(text), actor_kb())
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b


def test_actors_a_dateline_city_is_a_place_not_its_government(model: Any) -> None:
    art = make(model, "SEOUL -- The harbour authority has opened a second container terminal, officials said.")
    s = art.raw_text.index("SEOUL")
    kinds = [m.kind for m in art.mentions if m.span.start == s]
    assert kinds == ["place"]


def test_nlp_a_dateline_with_a_spaced_hyphen_is_no_part_of_a_name(model: Any) -> None:
    # "HARLOW - Negotiators for the union met ..." had made an organisation "HARLOW - Negotiators".
    art = make(
        model,
        "HARLOW - Negotiators for the Vesnian Dockworkers' Federation met the port authority on Thursday.",
        "LISK - Reuters reported that ships were waiting, and the Harlow Pilots Guild agreed.",
    )
    names = {art.raw_text[e.span.start : e.span.end] for e in art.entities}
    assert not any(" - " in n for n in names), names
    assert "Negotiators" not in names
    assert "Reuters" in names


def test_nlp_sentence_initial_participle_is_not_a_given_name(model: Any) -> None:
    # "Hosting Cook at the show ..." after "Tim Cook" made a person "Hosting Cook" who then
    # took every later "Cook".
    art = make(
        model,
        "Tim Cook spoke to developers on Monday.",
        "Hosting Cook at the conference was a dream, the organiser said.",
        "Cook said the company would keep investing.",
    )
    assert actor_of(art, "Cook", 2) == actor_of(art, "Tim Cook")
    assert not any("hosting" in a.id for a in art.actors)


def test_nlp_person_spans_without_products_handles_or_team_positions(model: Any) -> None:
    # Real pages gave persons "RAV4 Hybrid", "Twitter @someone", "Art Director_Park Dong Woo"
    # and "Browns DL Sheldon Richardson".
    from newsprism.stages.nlp import _Ent, _trim

    kb = actor_kb()

    def trimmed(text: str) -> str | None:
        e = _trim(text, _Ent(0, len(text), "PERSON", "ner"), kb)
        return None if e is None else text[e.start : e.end]

    assert trimmed("RAV4 Hybrid") is None
    assert trimmed("Twitter @someone") is None
    assert trimmed("Art Director_Jane Roe") == "Jane Roe"
    assert trimmed("Harbour DL Jane Roe") == "Jane Roe"
    assert trimmed("NBA MVP Jane Roe") == "Jane Roe"
    assert trimmed("JANE ROE SAYS NO") == "JANE ROE SAYS NO"  # a headline in capitals is left alone
    assert trimmed("Jane Roe 2") == "Jane Roe"  # a list's day number is cut, not the person dropped
    # A broadcaster's tip-line label, Latin and Hangul in one word, came out a person.
    assert trimmed("KBS제보") is None
    assert trimmed("Kim Jong Un") == "Kim Jong Un"


def test_actors_middle_name_and_type_split_merge() -> None:
    # On real pages "Owen John Dempsey" and "Owen Dempsey" were two people, and a laptop the
    # model typed PERSON here and ORG there two actors.
    art = _hand_article

    a = art("a", [("Owen John Dempsey", "PERSON"), ("Owen Dempsey", "PERSON"), ("Vantabook Pro", "PERSON"), ("Vantabook Pro", "PERSON")])
    b = art("b", [("Vantabook Pro", "ORG"), ("Owen Dempsey", "PERSON")])
    actors = merge_actors([a, b])
    owens = [x for x in actors if "Dempsey" in x.name]
    assert len(owens) == 1 and owens[0].name == "Owen John Dempsey" and len(owens[0].mentions) == 3
    books = [x for x in actors if "Vantabook" in x.name]
    assert len(books) == 1 and books[0].type == "PERSON" and len(books[0].mentions) == 3
    assert {m.actor for m in b.mentions} == {owens[0].id, books[0].id}
    # Two fuller names for one short one: it joins neither.
    c = art("c", [("Ann Lee Roe", "PERSON"), ("Ann May Roe", "PERSON"), ("Ann Roe", "PERSON")])
    assert len([x for x in merge_actors([c]) if "Roe" in x.name]) == 3


def test_actors_surname_of_two_words_is_the_person_named_in_full(model: Any) -> None:
    # Real coverage split "Wasserman Schultz" from "Debbie Wasserman Schultz", and so "He said"
    # after her and Canova could not tell them apart.
    art = make(
        model,
        "Representative Debbie Wasserman Schultz spoke to donors in Miami on Monday.",
        "Wasserman Schultz said the party would stay united.",
    )
    assert actor_of(art, "Wasserman Schultz", 1) == actor_of(art, "Debbie Wasserman Schultz")
    # Across articles only when the words before are no given name: a descriptor the model ran
    # into the name joins; "Carlos Vale" is not "Juan Carlos Vale" (a review's counter-example).
    a = _hand_article("a", [("Comedian Ada Vale", "PERSON")])
    b = _hand_article("b", [("Ada Vale", "PERSON")])
    merged = [x for x in merge_actors([a, b]) if "Vale" in x.name]
    assert len(merged) == 1 and any("last words" in e for e in merged[0].evidence)
    c = _hand_article("c", [("Juan Carlos Vale", "PERSON")])
    d = _hand_article("d", [("Carlos Vale", "PERSON")])
    assert len([x for x in merge_actors([c, d]) if "Vale" in x.name]) == 2


def test_actors_one_word_person_that_is_a_known_organisation(model: Any) -> None:
    # spaCy typed "Twitter" PERSON in political news; the knowledge base knows it as an
    # organisation and no person of the article bears the name.
    from newsprism.article import Entity, Span

    art = make(model, "The senator wrote on Twitter that the vote would fail.")
    s = art.raw_text.index("Twitter")
    art.entities = [x for x in art.entities if not (x.span.start <= s < x.span.end)] + [Entity(Span.of(art.raw_text, s, s + 7), "PERSON")]
    art.entities.sort(key=lambda x: x.span.start)
    link_actors(art)
    assert actor_at(art, s, s + 7) == "twitter"


def test_actors_us_party_members_are_the_party(model: Any) -> None:
    art = make(model, "Republicans in the Senate blocked the bill, and Democrats vowed to try again.")
    assert actor_of(art, "Republicans") == "republican-party-us"
    assert actor_of(art, "Democrats") == "democratic-party-us"


def test_actors_the_senator_is_the_senator_named_before(model: Any) -> None:
    art = make(
        model,
        "Senator Jane Calloway of Ohio met voters in Dayton on Monday.",
        "The senator said the plant would stay open, and Mayor Tom Reddick agreed.",
        "Later the senator left for Washington.",
    )
    s = art.raw_text.index("The senator")
    assert actor_at(art, s, s + len("The senator")) == actor_of(art, "Jane Calloway")
    s2 = art.raw_text.index("the senator")
    assert actor_at(art, s2, s2 + len("the senator")) == actor_of(art, "Jane Calloway")


def test_actors_the_state_governor_is_the_governor_not_the_state(model: Any) -> None:
    art = make(
        model,
        "Governor Tom Reddick of New Jersey spoke in Trenton on Monday.",
        "The New Jersey governor said the bridge would reopen.",
    )
    s = art.raw_text.index("The New Jersey governor")
    assert actor_at(art, s, s + len("The New Jersey governor")) == actor_of(art, "Tom Reddick")


def test_actors_abbreviated_title_is_a_role_the_description_finds(model: Any) -> None:
    art = make(
        model,
        "New Jersey Gov. Tom Reddick accused the council of delay.",
        "The New Jersey governor said the bridge would reopen.",
    )
    s = art.raw_text.index("The New Jersey governor")
    assert actor_at(art, s, s + len("The New Jersey governor")) == actor_of(art, "Tom Reddick")


def test_nlp_a_plural_after_the_is_a_team_not_a_person() -> None:
    # Sports pages gave persons "Steelers" and "Browns" ("the Steelers").
    from newsprism.stages.nlp import _Ent, _trim

    text = "He played against the Harbourers on Sunday."
    s = text.index("Harbourers")
    e = _trim(text, _Ent(s, s + len("Harbourers"), "PERSON", "ner"), actor_kb())
    assert e is not None and e.label == "ORG"
    text2 = "Then James Harbourers scored."
    s2 = text2.index("James")
    e2 = _trim(text2, _Ent(s2, s2 + len("James Harbourers"), "PERSON", "ner"), actor_kb())
    assert e2 is not None and e2.label == "PERSON"


def test_actors_a_party_name_shared_across_countries_goes_by_the_story_country(model: Any) -> None:
    # A bare "Democratic Party" in a Seoul story had linked to the US party.
    art = make(
        model,
        "SEOUL -- South Korea's ruling Democratic Party said on Monday it would table the bill, as South Korean lawmakers met in Seoul.",
        title="Seoul lawmakers weigh bill",
    )
    assert actor_of(art, "Democratic Party") == "democratic-party-kr"
    art = make(
        model,
        "WASHINGTON -- The Democratic Party said on Monday it would fight the bill in the U.S. Senate, as Americans watched the debate in Washington.",
        title="Senate weighs bill",
    )
    assert actor_of(art, "Democratic Party") == "democratic-party-us"
    # Named in neither country's context, the name stays the article's own actor.
    art = make(model, "The Democratic Party said on Monday it would table the bill.", title="Party weighs bill")
    assert actor_of(art, "Democratic Party") not in ("democratic-party-us", "democratic-party-kr", "democratic-party-it")


def test_actors_a_countrys_institution_in_lower_case_is_the_institution(model: Any) -> None:
    # "The spokesperson of Russia's foreign ministry said ..." linked only the country: the model
    # leaves a lower-case "foreign ministry" out of the name, so the quote went to no one.
    art = make(
        model,
        "China's foreign ministry said on Monday that talks would continue.",
        "A spokesman for the Japanese defense ministry said two missiles were fired.",
        "China's foreign policy has not changed, and Japan's people want calm.",
    )
    assert actor_of(art, "China's foreign ministry") == "china-foreign-ministry"
    assert actor_of(art, "Japanese defense ministry") == "japan-defense-ministry"
    # Only a whole phrase the knowledge base knows: "foreign policy", "people" leave the country.
    assert actor_of(art, "China", 1) == "china" and actor_of(art, "Japan", 1) == "japan"


def test_actors_one_type_per_unknown_name_and_full_name_typed_otherwise(model: Any) -> None:
    # A sports page: the model typed a team a person once and an organisation elsewhere (two
    # actors), a player's full name an organisation while his surname was a person (two actors).
    art = make(
        model,
        "The Harriers beat the Falcons on Thursday night. Harriers coach Ben Tull spoke after the game.",
        "Jon Pell's helmet was torn off in the final seconds. Pell said he was fine.",
        "The Harriers will appeal the ruling, and Pell will start again next week.",
    )
    ids = [a.id for a in art.actors]
    assert len([i for i in ids if i.endswith("-harriers")]) == 1
    assert len([i for i in ids if i.endswith("pell")]) == 1
    pell = next(a for a in art.actors if a.id.endswith("pell"))
    assert pell.type == "PERSON" and {"Pell", "Jon Pell"} <= set(pell.aliases)


def test_nlp_a_span_holding_a_verb_is_no_name() -> None:
    # "... the moment Pell hit Rook ..." came out of the model as one organisation.
    from newsprism.stages.nlp import _drop_clauses, _Ent

    text = "the moment Pell hit Rook, said the Bank of America and Ludwig van Beethoven"
    spans = ["Pell hit Rook", "Bank of America", "Ludwig van Beethoven"]
    ents = [_Ent(text.index(x), text.index(x) + len(x), "ORG") for x in spans]
    assert [text[e.start : e.end] for e in _drop_clauses(text, ents)] == spans[1:]


def test_nlp_a_line_longer_than_the_models_limit_is_read_in_pieces(model: Any) -> None:
    # A page that lost its line breaks (one 15 MB line) failed: spaCy refuses texts over
    # 1,000,000 characters. Lines are now read in pieces cut after a sentence.
    from newsprism.stages.nlp import CHUNK, _chunks

    raw = "Talks in Karsk resumed on Monday. " * 4000  # 136,000 characters
    pieces = _chunks(raw, 0, len(raw))
    assert len(pieces) == 2 and pieces[0][0] == 0 and pieces[-1][1] == len(raw)
    assert all(b - a <= CHUNK for a, b in pieces) and all(raw[b - 1] == " " for a, b in pieces[:-1])
    assert all(x[1] == y[0] for x, y in itertools.pairwise(pieces))
    art = article_from_lines([("title", "Talks"), ("body", raw.strip())])
    analyse([art])
    body = art.sentences[1:]  # the first is the title
    assert len(body) == 4000 and all(s.text == "Talks in Karsk resumed on Monday." for s in body[::997])


def test_nlp_sentence_bounds_match_spacys_sentences(model: Any) -> None:
    # doc.sents re-reads the whole document at each sentence (quadratic on a long line).
    from newsprism.stages.nlp import _sentence_bounds

    for text in ('Talks resumed.  "We agree," she said. Then they left!', "One", "A b. C d."):
        doc = model(text)
        assert _sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]


def test_actors_a_surname_is_not_the_relative_named_in_an_apposition(model: Any) -> None:
    # "... gifts with Anna Osk, the sister of Vesnian leader Tomas Osk. ... Osk's gift": the
    # nearest full name was the brother, named only as her relative.
    art = make(
        model,
        "Vera Lind said she exchanged gifts with Anna Osk, the sister of Vesnian leader Tomas Osk.",
        "Lind said she received Osk's gift on Sunday.",
    )
    assert actor_of(art, "Osk", 2) == actor_of(art, "Anna Osk") != actor_of(art, "Tomas Osk")


def test_actors_roles_stop_at_sentence_ends_datelines_initialisms_and_a_second_title(model: Any) -> None:
    # Roles had read "Strait. Gen." (the sentence before), "policy HARBOUR -- Vesnian
    # leader" (a dateline), "commander of U.S" (cut at an initialism), "influential sister of
    # Vesnian leader" (another person's title) and "and their daughter" (a list).
    art = make(
        model,
        "The talks covered the Strait. Gen. Tomas Orel, commander of U.S. Forces Vesnia (USFV), spoke first.",
        "Digest of policy MOSCOW -- Russian leader Anna Osk opened the session.",
        "Officials met Vera Lind, the influential sister of Russian leader Anna Osk, and Ida Marr, and their daughter, Ola Marr.",
    )
    roles = {a.name: a.roles for a in art.actors if a.type == "PERSON"}
    assert set(roles["Tomas Orel"]) == {"Gen.", "commander of U.S. Forces Vesnia"}
    assert "Russian leader" in roles["Anna Osk"] and not any("sister" in r or "--" in r for r in roles["Anna Osk"])
    assert roles.get("Ida Marr", []) == []


def test_actors_a_description_in_the_lead_names_the_person_of_that_role_after_it(model: Any) -> None:
    # "The commander of allied forces in Vesnia said Monday ...", then "Gen. Tomas Orel, commander
    # of the Allied Forces Vesnia, made the remark ...": the description had had no one.
    art = make(
        model,
        "The commander of allied forces in Vesnia said Monday that the harbour was safe.",
        "Gen. Tomas Orel, commander of the Allied Forces Vesnia, made the remark at a forum in Karsk.",
    )
    assert actor_of(art, "The commander") == actor_of(art, "Tomas Orel")


# -- long pages: position indexes that replaced per-item rescans (a 640,000-character line had
# taken 5.6x the time of a 160,000-character one; regressions of the indexes' answers below).

_spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@given(_spans, st.integers(0, 340), st.integers(0, 40))
def test_long_page_taken_index_answers_as_the_rescan_did(spans: list[tuple[int, int]], s: int, width: int) -> None:
    from newsprism.stages.actors import _Taken

    taken = _Taken(spans[:10])
    for sp in spans[10:]:
        taken.append(sp)
    t = s + width
    assert sorted(taken.overlapping(s, t)) == sorted((a, b) for a, b in spans if a < t and s < b)


@given(_spans, st.integers(0, 340), st.integers(0, 40))
def test_long_page_mention_index_answers_as_actor_at_did(spans: list[tuple[int, int]], start: int, width: int) -> None:
    from newsprism.article import ActorMention, Span
    from newsprism.stages.actors import MentionIndex

    art = article_from_lines([("body", "x" * 400)])
    art.mentions = [ActorMention(Span(a, b, "x" * (b - a)), f"actor-{k % 4}") for k, (a, b) in enumerate(spans)]
    end = start + width

    def rescan() -> str | None:  # the loop over every mention that actor_at was
        best = None
        for m in art.mentions:
            overlap = min(end, m.span.end) - max(start, m.span.start)
            if overlap <= 0 and not (start == end and m.span.start <= start < m.span.end):
                continue
            cand = (overlap, -(m.span.end - m.span.start), m.actor)
            best = cand if best is None or cand > best else best
        return best[2] if best else None

    assert MentionIndex(art).at(start, end) == actor_at(art, start, end) == rescan()


def _hand_article(aid: str, names: list[tuple[str, str]]) -> Article:
    """An article whose actors are given by hand: (name, type), each a mention of its own id."""
    from newsprism.article import Actor, ActorMention, Mention, Span

    text = " ".join(n for n, _ in names)
    a = Article(id=aid, source=aid, raw_text=text)
    pos = 0
    for n, typ in names:
        s = text.index(n, pos)
        pos = s + len(n)
        ident = ("person-" if typ == "PERSON" else "entity-") + "-".join(name_key(n).split())
        m = ActorMention(Span.of(text, s, pos), ident, "name")
        a.mentions.append(m)
        found = next((x for x in a.actors if x.id == ident), None)
        if found is None:
            a.actors.append(Actor(ident, n, typ, [n], [], None, [Mention(aid, m.span)]))
        else:
            found.mentions.append(Mention(aid, m.span))
    return a


@pytest.mark.issue(20)
def test_actors_initialisms_with_and_without_dots_and_their_expansion_are_one() -> None:
    """Regression: N.R.A., NRA and National Rifle Association were three actors."""
    from newsprism.actor_names import initialism, initials

    assert name_key("N.R.A.") == name_key("NRA") and name_key("U.S.") == name_key("US")
    assert initialism("H.P.A.'s") == "HPA" and initialism("Harbour") is None
    assert initials("Federal Bureau of Maritime Safety") == "FBMS"
    assert name_key("J. K. Roe") == name_key("J.K. Roe")
    # Article a pairs them (the actors stage gave its actor the alias "H.P.A." there).
    a = _hand_article("a", [("Harbour Pilots Association", "ORG")])
    a.actors[0].aliases.append("H.P.A.")
    b = _hand_article("b", [("HPA", "ORG")])
    c = _hand_article("c", [("H.P.A.", "ORG")])
    [one] = [x for x in merge_actors([a, b, c]) if "Harbour" in x.name or x.name in ("HPA", "H.P.A.")]
    assert len(one.mentions) == 3 and one.name == "Harbour Pilots Association"
    assert any("paired" in e for e in one.evidence)
    # Spelling alone pairs nothing across articles ("HP" and "HuffPost Pollster" were joined).
    d = _hand_article("d", [("Harlow Port Authority", "ORG")])
    e = _hand_article("e", [("HPA", "ORG")])
    assert len(merge_actors([d, e])) == 2
    assert initials("Democratic National convention") == "" and initials("Democratic National Committee") == "DNC"


@pytest.mark.issue(20)
def test_actors_initialism_that_two_names_spell_joins_neither() -> None:
    a = _hand_article("a", [("Harbour Pilots Association", "ORG"), ("Harlow Port Authority", "ORG")])
    b = _hand_article("b", [("HPA", "ORG")])
    assert len(merge_actors([a, b])) == 3


@pytest.mark.issue(20)
def test_actors_middle_initial_is_one_person_a_generation_and_surnames_stay_apart() -> None:
    """"Robert S. Kellan" and "Robert Kellan" are one person; "Frank Sullivan Jr." and his father
    "Frank Sullivan" are two (a review found the suffix rule merging them)."""
    a = _hand_article("a", [("Robert S. Kellan", "PERSON")])
    b = _hand_article("b", [("Robert Kellan", "PERSON")])
    [kellan] = [x for x in merge_actors([a, b]) if "Kellan" in x.name]
    assert len(kellan.mentions) == 2 and kellan.evidence
    son = _hand_article("s", [("Frank J. Sullivan Jr.", "PERSON"), ("Frank Sullivan", "PERSON")])
    assert len([x for x in merge_actors([son]) if "Sullivan" in x.name]) == 2
    # Two people of one family name: the name alone, typed an organisation, joins neither.
    c = _hand_article("c", [("Ada Kellan", "PERSON"), ("Tomas Kellan", "PERSON")])
    d = _hand_article("d", [("Kellan", "ORG")])
    assert len([x for x in merge_actors([c, d]) if "Kellan" in x.name]) == 3


@pytest.mark.issue(20)
def test_actors_organisation_named_like_a_persons_family_is_not_that_person() -> None:
    """A company named like a person of another article ("Kellogg" and "Keith Kellogg") stays
    apart: a one-word organisation is no evidence of a person (a review found that merge)."""
    a = _hand_article("a", [("Jane Ostrow", "PERSON")])
    b = _hand_article("b", [("Ostrow", "ORG")])
    assert len([x for x in merge_actors([a, b]) if "Ostrow" in x.name]) == 2


@pytest.mark.issue(20)
def test_actors_name_with_a_generic_head_after_is_one_a_place_before_is_another() -> None:
    a = _hand_article("a", [("Lisk", "GPE"), ("Harbour Workers Federation", "ORG"), ("Morningside Recovery", "ORG")])
    b = _hand_article("b", [("Lisk Harbour Workers Federation", "ORG"), ("Morningside Recovery Center", "ORG")])
    got = {x.name: x for x in merge_actors([a, b])}
    # The fuller name is the one shown; both are aliases, and the rule is the evidence. A place
    # before a name makes another organisation (a review of output found "Virginia AFL-CIO").
    assert sorted(got) == ["Harbour Workers Federation", "Lisk", "Lisk Harbour Workers Federation", "Morningside Recovery Center"]
    assert "generic last word" in got["Morningside Recovery Center"].evidence[0]
    # A place and a bank named after it are two ("Harlow Valley Bank" is no valley).
    c = _hand_article("c", [("Harlow Valley", "LOC")])
    d = _hand_article("d", [("Harlow Valley Bank", "ORG")])
    assert len(merge_actors([c, d])) == 2


@pytest.mark.issue(20)
def test_nlp_headline_verb_and_nationality_are_no_part_of_a_name() -> None:
    """Regression: a title-case headline ("... Reaffirms ...") and "American Hasim Rahman" gave persons."""
    from newsprism.stages.nlp import _cut_headline_verbs, _Ent, _title_case

    head = "Tomas Brandt Reaffirms Support For Port Deal"
    assert _title_case(head) and not _title_case("The mayor said the deal would stand.")
    [e] = _cut_headline_verbs(head, [_Ent(0, len("Tomas Brandt Reaffirms"), "PERSON")])
    assert head[e.start : e.end] == "Tomas Brandt"


@pytest.mark.issue(20)
def test_pronoun_agrees_with_a_gender_the_text_gives() -> None:
    """Regression: "she said" went to the nearest person whatever the gender, when the knowledge
    base did not know either person. An honorific or a gendered role noun now tells."""
    text = (
        "Port talks stall\n"
        "Ms. Ada Roe met the union's chairman, Tomas Brandt, on Monday in Harlow.\n"
        "The talks would resume next week, she said.\n"
    )
    from conftest import article_from_lines
    from newsprism.pronouns import person_genders
    from newsprism.stages.nlp import analyse

    art = article_from_lines([("title", "Port talks stall"), ("body", text.split("\n")[1]), ("body", text.split("\n")[2])])
    analyse([art])
    link_actors(art)
    genders = person_genders(art)
    roe = next(a.id for a in art.actors if "Roe" in a.name)
    brandt = next(a.id for a in art.actors if "Brandt" in a.name)
    assert genders[roe] == "female" and genders[brandt] == "male"
    she = art.raw_text.index("she said")
    assert resolve_pronoun(art, she) == roe


@pytest.mark.issue(20)
def test_pronoun_between_two_people_of_its_gender_is_nobodys() -> None:
    """Right or absent: "She will now have a full term" after "Rebecca Vale defeated Margaret
    Quist" went to Quist, the nearer woman; two people the pronoun fits as well name no one."""
    from conftest import article_from_lines
    from newsprism.stages.nlp import analyse

    body = ("Rebecca Vale defeated Margaret Quist in the court race on Tuesday.", "She will now have a full term on the court.")
    art = article_from_lines([("title", "Court race"), *(("body", b) for b in body)])
    analyse([art])
    link_actors(art)
    assert resolve_pronoun(art, art.raw_text.index("She will")) is None


@pytest.mark.issue(20)
def test_actors_bare_surname_shared_by_two_people_named_in_full_is_nobodys_guess() -> None:
    """Regression (an analyst's reading of untuned output): with two people of one family name
    named in full, a bare surname went to the nearest one ("Clinton ... as she did" to Bill Clinton).
    Nothing telling them apart, it is now an actor of its own; an honorific that agrees decides."""
    from conftest import article_from_lines
    from newsprism.stages.nlp import analyse

    body = (
        "Ada Kellan met reporters in Harlow on Monday, and her brother Tomas Kellan joined her later.",
        "Kellan said the port would reopen within a week.",
    )
    art = article_from_lines([("title", "Port to reopen"), ("body", body[0]), ("body", body[1])])
    analyse([art])
    link_actors(art)
    second = art.raw_text.index("Kellan said")
    [m] = [m for m in art.mentions if m.span.start == second]
    assert m.actor not in {"person-ada-kellan", "person-tomas-kellan"}


@pytest.mark.issue(20)
def test_actors_named_things_are_actors_that_neither_speak_nor_act() -> None:
    """Every named thing becomes an actor (a law, a work, an event), typed as the model typed it;
    the events stage never makes it a participant."""
    from conftest import article_from_lines
    from newsprism.article import Entity, Span
    from newsprism.clauses import ClauseReader

    art = article_from_lines([("title", "Ports bill"), ("body", "The Harbour Safety Act passed on Monday, Lena Marr said.")])
    raw = art.raw_text
    law, person = raw.index("The Harbour Safety Act") + 4, raw.index("Lena Marr")
    art.entities = [
        Entity(Span.of(raw, law, law + len("Harbour Safety Act")), "LAW"),
        Entity(Span.of(raw, person, person + len("Lena Marr")), "PERSON"),
    ]
    art.sentences = [Span.of(raw, raw.index("The Harbour"), len(raw))]
    link_actors(art)
    types = {a.name: a.type for a in art.actors}
    assert types == {"Harbour Safety Act": "LAW", "Lena Marr": "PERSON"}
    reader = ClauseReader(art)
    [u] = [u for u in reader.units if u.role == "body"]
    assert [a for _, a in reader.party_at(u, 0, len(u.toks))] == ["person-lena-marr"]


@pytest.mark.issue(20)
def test_nlp_word_in_capitals_cut_from_a_longer_name_is_no_name() -> None:
    """Regression (an analyst's reading of untuned output): "USA" of "USA TODAY questions" became
    a mention of the United States six times in one article."""
    from conftest import article_from_lines
    from newsprism.stages.nlp import analyse

    art = article_from_lines([("title", "Fundraisers"), ("body", "Responding to USA TODAY questions, Ada Rusk said no.")])
    analyse([art])
    link_actors(art)
    assert "united-states" not in {m.actor for m in art.mentions}
    art = article_from_lines([("title", "Pact"), ("body", "The USA and Canada signed the pact on Monday.")])
    analyse([art])
    link_actors(art)
    assert "united-states" in {m.actor for m in art.mentions}


# -- wire datelines (#20: every named place an actor mention) ------------------------------


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("LONDON 1996-12-06", ["LONDON"]),
        ("VAIL , Colorado 1996-12-07", ["VAIL", "Colorado"]),
        ("SEOUL, Dec. 28", ["SEOUL"]),
        ("WASHINGTON , March 3", ["WASHINGTON"]),
    ],
)
def test_dateline_alone_on_its_line_names_its_places(model: Any, line: str, places: list[str]) -> None:
    """A wire dateline on its own line is metadata, and its places are actor mentions of kind
    ``place`` (where the story was filed: never a party). "SEOUL, Dec. 28" was not read as a
    dateline before (the month names were matched in lower case only)."""
    from newsprism.clean import clean_article

    text = f"Harbour talks end without a deal\n\n{line}\n\nThe port workers of the city voted on Friday to end a strike that had lasted nine days."
    art = clean_article(Article(id="d1", source="d1.txt", raw_text=text))
    dl = next(ln for ln in art.lines if art.raw_text[ln.start : ln.end] == line)
    assert (dl.role, dl.why) == ("metadata", "dateline")
    analyse([art])
    link_actors(art)
    got = [(m.span.text, m.kind) for m in art.mentions if dl.start <= m.span.start < dl.end]
    assert got == [(p, "place") for p in places]


@pytest.mark.issue(20)
def test_dateline_capital_is_the_city_not_its_government(model: Any) -> None:
    from newsprism.clean import clean_article

    text = "Talks end\n\nMOSCOW 2024-06-19\n\nThe two delegations met for three hours on Wednesday and agreed to meet again next month."
    art = link_actors_after_clean(clean_article(Article(id="d2", source="d2.txt", raw_text=text)))
    m = next(m for m in art.mentions if m.span.text == "MOSCOW")
    assert m.kind == "place"
    assert by_id(art)[m.actor].type in ("GPE", "LOC")


def link_actors_after_clean(art: Article) -> Article:
    analyse([art])
    return link_actors(art)


@pytest.mark.issue(21)
def test_a_place_after_in_or_at_is_where_not_a_party(model: Any) -> None:
    """Read on untuned news: "Las Vegas" a co-actor of a meeting held there, "Ukraine" a party to
    fighting in it. After "in", "at", "near" a place is a mention of kind place (never a party);
    after "to" it may be the destination and stays a name."""
    art = make(model, "Lena Marr met Tomas Orel in Las Vegas on Friday.", "Vesnia sent troops to Lisk.")
    kinds = {m.span.text: m.kind for m in art.mentions}
    assert kinds["Las Vegas"] == "place"
    assert kinds.get("Lisk") != "place"


@pytest.mark.issue(20)
def test_a_one_word_name_after_in_is_a_place_not_a_persons_surname(model: Any) -> None:
    """Read on ECB+: "in Palmer" went to "Palmer Fire" (typed a person) as its surname."""
    art = make(model, "Crews from Varrow Fire and the county fought the blaze.", "The old dairy in Varrow was destroyed on Tuesday.")
    kinds = {m.span.text: (m.kind, m.actor) for m in art.mentions}
    assert kinds["Varrow"][0] == "place" and not kinds["Varrow"][1].startswith("person-")
    # A surname used as a modifier after "in the" is the person's (read on PolNeAR: "in the Podesta emails").
    art = make(model, "John Varrow wrote to the board.", "The request appears in the Varrow emails, the board said.")
    assert actor_of(art, "Varrow", 1) == actor_of(art, "John Varrow")


def test_actors_names_of_a_sentence_case_title_are_kept(model: Any) -> None:
    """A title in sentence case capitalises names only: its unknown names are actors; a title in
    headline case ("Vesnian Envoy Reaffirms Support") still gives none of its capitalised words."""
    art = make(model, "Cattle trade was slow on Thursday and demand was limited, traders said.", title="Nebraska fed cattle roundup slows as buyers wait")
    assert actor_of(art, "Nebraska") is not None
    art = make(model, "Cattle trade was slow on Thursday and demand was limited, traders said.", title="Farmer Reaffirms Support For Cattle Roundup")
    assert actor_of(art, "Farmer Reaffirms") is None
    assert headline_cased("SOCCER - BAN LIFTED .") and not headline_cased("Nebraska fed cattle roundup - USDA .")


def _retyped(model: Any, word: str, label: str, *body: str, art_id: str = "a1") -> Article:
    """An article whose every lone ``word`` the model typed ``label`` (as en_core_web_sm types
    boxers' and inmates' surnames NORP or ORG in ECB+'s tune topics)."""
    from newsprism.article import Entity, Span

    art = article_from_lines([("title", "A headline about talks"), ("blank", ""), *[("body", b) for b in body]])
    art.id = art.source = art_id
    analyse([art])
    raw = art.raw_text
    lone = [m.start() for m in re.finditer(rf"(?<![\w ]{{2}} )\b{word}\b", raw) if not re.search(r"[A-Z]\w+ $", raw[: m.start()])]
    art.entities = [x for x in art.entities if not any(x.span.start <= s < x.span.end for s in lone)]
    art.entities += [Entity(Span.of(raw, s, s + len(word)), label) for s in lone]
    art.entities.sort(key=lambda x: x.span.start)
    return link_actors(art)


@pytest.mark.issue(20)
@pytest.mark.parametrize("label", ["NORP", "ORG", "GPE"])
def test_actors_surname_mistyped_joins_the_full_name_of_the_article(model: Any, label: str) -> None:
    """Regression (ECB+ tune topics): "Klitschko" typed NORP after "Wladimir Klitschko" became an
    actor of its own (a one-word NORP was never tried as a surname), and "Comeaux" after "Arcade
    Joseph Comeaux Jr." (a generation suffix was taken for the surname)."""
    art = _retyped(model, "Vantrell", label, "Boxer Dario Ostrik Vantrell Jr. won the fight on Saturday.", "Vantrell said he was satisfied.")
    assert actor_of(art, "Vantrell", 1) == actor_of(art, "Dario Ostrik Vantrell Jr.")


@pytest.mark.issue(20)
def test_actors_one_word_place_never_joins_a_person_of_another_article(model: Any) -> None:
    """Review finding: a one-word name typed a place in one article ("Austin voters approved a
    bond") is no evidence of the person of another ("Lloyd Austin"), nor a company ("Kellogg"); a
    rule that joined them (for ECB+'s "Lohan had checked into ...") was taken back: apart."""
    a = make(model, "Defense Secretary Lloyd Austin visited the troops on Thursday, his office said.", art_id="a")
    b = _retyped(model, "Austin", "GPE", "Austin voters approved a transit bond, and Austin police said the count was calm.", art_id="b")
    merge_actors([a, b])
    assert actor_of(b, "Austin") != actor_of(a, "Lloyd Austin")


@pytest.mark.issue(20)
def test_actors_a_people_is_never_taken_for_a_surname(model: Any) -> None:
    """Review finding: with a one-word NORP tried as a surname, "English teachers" after "Bill
    English" became that person; a people's ending ("-ish", "-ese", "-s") keeps it a people, and a
    NORP word is matched against last names only ("Dario Vel" gives "Dario" to no one)."""
    art = _retyped(model, "English", "NORP", "Former prime minister Bill English visited the school.", "English teachers said the visit went well.")
    assert actor_of(art, "English", 1) != actor_of(art, "Bill English")
    art = _retyped(model, "Dario", "NORP", "The boxer Dario Vel Tobin won on Saturday.", "Dario fans cheered in the hall.")
    assert actor_of(art, "Dario", 1) != actor_of(art, "Dario Vel Tobin")


def test_given_names_are_built_from_counts_with_no_sex_kept(tmp_path: Path) -> None:
    """``data/given_names.json`` comes from SSA-style counts: a name borne by enough people is a
    given name whatever its sex; the file keeps no one's sex (a review took that use back)."""
    import gzip

    from newsprism.actor_names import given_name
    from newsprism.train.given_names import MIN_BIRTHS, build

    src = tmp_path / "counts.csv.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write("first_name,sex,count,year_of_birth\n")
        f.write(f"vera,f,{MIN_BIRTHS},1950\nandrea,f,{MIN_BIRTHS - 10},1960\nandrea,m,20,1960\nzzyx,m,3,1990\n")
    data = build(src)
    assert data["names"] == ["andrea", "vera"] and "female" not in data and "male" not in data
    assert given_name("juan") and not given_name("comedian")


@pytest.mark.issue(20)
def test_actors_a_short_form_in_brackets_names_the_company_wherever_it_stands() -> None:
    """Regression (ECB+ tune topics): "ATI Technologies ( ATI )" paired nothing, as the short form
    was the name's first word, not its initials, and had spaces inside the brackets; "ATI" alone
    stayed an actor of its own in that article and in every other."""
    from newsprism.actor_names import bracketed_short_form, first_word_initialism

    assert first_word_initialism("ATI Technologies") == "ATI" and first_word_initialism("Harbour Pilots") is None
    raw = "Vantor Systems Inc. ( VSI ) and KTX Holdings (KTX) and Lisk Group (LG) met."
    assert [bracketed_short_form(raw, raw.index(n) + len(n), n) for n in ("Vantor Systems Inc.", "KTX Holdings", "Lisk Group")] == ["VSI", "KTX", "LG"]
    assert bracketed_short_form("Lisk Group (ATI) met", 10, "Lisk Group") is None
    assert bracketed_short_form("the US Geological Survey (USGS) said", 24, "US Geological Survey") == "USGS"
    # Across articles: the article that paired them lends the pairing to the others.
    a = _hand_article("a", [("KTX Holdings", "ORG")])
    a.actors[0].aliases.append("KTX")
    b = _hand_article("b", [("KTX", "ORG")])
    [one] = merge_actors([a, b])
    assert one.name == "KTX Holdings" and len(one.mentions) == 2


@pytest.mark.issue(20)
def test_actors_a_place_typed_a_person_in_one_article_is_the_place_of_the_others() -> None:
    """ECB+ (tune topic 13): "her hometown of Wasilla" typed a person in two articles, the town in
    three. A lone word typed a person that no person of the corpus bears and one place does is
    that place; one a person of the corpus bears stays that person's surname."""
    a = _hand_article("a", [("Vardo", "GPE")])
    b = _hand_article("b", [("hometown of Vardo", "PERSON")])
    b.actors[0].name, b.actors[0].id, b.actors[0].aliases = "Vardo", "person-vardo", ["Vardo"]
    b.actors[0].mentions[0] = Mention("b", Span.of(b.raw_text, 12, 17))
    b.mentions[0] = ActorMention(Span.of(b.raw_text, 12, 17), "person-vardo", "name")
    [vardo] = [x for x in merge_actors([a, b]) if x.name == "Vardo"]
    assert vardo.type == "GPE" and len(vardo.mentions) == 2
    # "Vardo said": a person's surname, though no one of the corpus is named in full with it
    d = _hand_article("d", [("Vardo", "PERSON")])
    assert {x.type for x in merge_actors([a, d]) if "Vardo" in x.name} == {"GPE", "PERSON"}
    c = _hand_article("c", [("Ada Vardo", "PERSON")])
    assert {x.type for x in merge_actors([a, b, c]) if "Vardo" in x.name} == {"GPE", "PERSON"}


@pytest.mark.issue(20)
def test_actors_an_adjunct_after_a_name_is_no_role(model: Any) -> None:
    """A blind reading of untuned PolNeAR (2026-12-07, eighth session) found Hillary Clinton's role
    "as secretary of state in 2012 put Mr": the words after her name's comma were an adjunct of
    the sentence, cut at an honorific's full stop."""
    art = make(
        model,
        "The nominee, Ada Vessel, as minister in 2012 put Mr. Orel's name into the mix.",
        "Lena Marr, vice chair of the Ostrava Party, said she was ready.",
    )
    roles = {a.name: a.roles for a in art.actors if a.type == "PERSON"}
    assert roles.get("Ada Vessel") == [], roles
    assert roles.get("Lena Marr") == ["vice chair of the Ostrava Party"], roles


@pytest.mark.issue(20)
def test_actors_a_lone_given_name_is_no_known_persons_middle_name(model: Any) -> None:
    """"people such as David and Charles Koch" in a US story linked "David" to JD Vance (James
    David Vance in the knowledge base): a lone name is a leader's first or last word only."""
    art = make(
        model,
        "Senator Bernie Sanders spoke in California and Texas about the United States economy.",
        "He once said that only people such as David and Charles Koch wanted open borders in the United States.",
    )
    assert actor_of(art, "David") != "jd-vance"


@pytest.mark.issue(20)
def test_actors_what_a_code_review_of_the_session_found(model: Any) -> None:
    """A review (2026-12-07, eighth session): a lone word typed a person once after "of" ("friends
    of Kenyon") became a place, and the place a person; "Jr." ended no sentence, so a role ran on
    into the next one."""
    a = _hand_article("a", [("Vardo", "GPE")])
    b = _hand_article("b", [("friends of Vardo", "PERSON")])
    b.actors[0].name, b.actors[0].id, b.actors[0].aliases = "Vardo", "person-vardo", ["Vardo"]
    b.actors[0].mentions[0] = Mention("b", Span.of(b.raw_text, 11, 16))
    b.mentions[0] = ActorMention(Span.of(b.raw_text, 11, 16), "person-vardo", "name")
    assert {x.type for x in merge_actors([a, b]) if x.name == "Vardo"} == {"GPE", "PERSON"}
    art = make(model, "Tomas Orel III, the eldest son of the Rev. Tomas Orel Jr. He spoke in Karsk on Monday, and the crowd cheered.")
    roles = [r for x in art.actors if x.name == "Tomas Orel III" for r in x.roles]
    assert all("spoke" not in r for r in roles), roles


@pytest.mark.issue(20)
def test_teams_of_a_results_table_row_are_organisations(model: Any) -> None:
    """CoNLL-2003 (ninth session): rows of wire sports tables ("Lens 0 Nantes 4", "NEW ENGLAND 9 4
    0 355 269", "DALLAS AT ARIZONA") named teams the model missed or typed as places and people,
    and figures of a standings row ("5 8 0") became actors. A country's name there stays the
    country; an ordinary sentence or a numbered section is no table row."""
    art = make(
        model,
        "Karsk United 2 Tarrow Rovers 1",
        "NEW ENGLAND 9 4 0 355 269",
        "DALLAS AT ARIZONA",
        "Kuwait 3 Iran 2",
        "Section 5 Article 3",
        "Orin Valde won 52 of the 100 seats in Karsk on Sunday.",
    )
    types = {a.name: a.type for a in art.actors}
    labels = {e.span.text: e.label for e in art.entities}
    assert labels.get("Karsk United") == labels.get("Tarrow Rovers") == "ORG", labels
    assert labels.get("NEW ENGLAND") == labels.get("DALLAS") == labels.get("ARIZONA") == "ORG", labels
    assert labels.get("Kuwait") == labels.get("Iran") == "GPE", labels
    assert "Section" not in labels and not any(e.span.text[:1].isdigit() for e in art.entities if e.label in ("ORG", "GPE", "NORP", "PERSON")), labels
    assert types, types


@pytest.mark.issue(20)
def test_a_surname_given_another_office_is_not_the_person_named_in_full(model: Any) -> None:
    """A blind reading (ninth session): "former Secretary Clinton ... Clinton's visit" in an
    article that names "President Bill Clinton" once went to Bill Clinton, six mentions of
    Hillary's. A surname written after an office the full-name person never holds is another
    person; offices that agree ("Sen. Ada Rusk ... Senator Rusk") join as before."""
    art = make(
        model,
        "In a video, a diplomat said former Secretary Valde put speed over security.",
        "The video shows Ada Rusk outlining the differences between the administrations of President Tomas Valde and President Obama.",
        "She cited Valde's visit to the United Nations in 2011.",
        "Sen. Lina Marr met Senator Marr's aides later.",
        title="A video about the diplomat",
    )
    assert actor_of(art, "Valde", 0) != actor_of(art, "Tomas Valde"), [(m.span.text, m.actor) for m in art.mentions]
    assert actor_of(art, "Valde", 2) != actor_of(art, "Tomas Valde")
    assert actor_of(art, "Marr", 1) == actor_of(art, "Lina Marr")


@pytest.mark.issue(20)
def test_a_bare_security_council_is_the_uns_only_where_the_un_is_named(model: Any) -> None:
    """"Deputy Chairman of the Security Council Dmitry Medvedev" (Russia's council) was linked to
    the UN Security Council; "the party-controlled website" in a story about China was a mention
    of the Republican Party."""
    art = make(model, "The paper carried Deputy Chairman of the Security Council Dmitry Medvedev's message.", "The Republican Party met in Ohio. In Beijing the party-controlled website praised him.")
    assert actor_of(art, "Security Council") != "un-security-council"
    assert not any(m.span.text.startswith("the party") for m in art.mentions), [(m.span.text, m.actor) for m in art.mentions]
    art = make(model, "The U.N. Security Council met on Monday.", "The Security Council later adopted a resolution.")
    assert actor_of(art, "Security Council", 1) == "un-security-council"


@pytest.mark.issue(20)
def test_an_office_conflict_leaves_the_surname_unresolved_never_to_the_next_person(model: Any) -> None:
    """The review: "President Tomas Valde ... his wife, Ada Valde ... Senator Valde ... Valde said"
    sent the bare surname to Ada Valde once Tomas was barred by the office."""
    art = make(model, "President Tomas Valde spoke on Monday with his wife, Ada Valde.", "Back in 2006, Senator Valde had voted for the bill.", '"We will not back down," Valde said.')
    assert actor_of(art, "Valde", 3) != actor_of(art, "Ada Valde"), [(m.span.text, m.actor) for m in art.mentions]


@pytest.mark.issue(20)
def test_actors_a_name_inside_a_works_title_is_no_rival_for_a_surname(model: Any) -> None:
    """A blind reading (tenth session): "The book, titled, Man of the World: The Further
    Endeavors of Bill Clinton, has not been released" made Bill a rival of Hillary for every bare
    "Clinton". A person named only inside a work's title the text names is no one it speaks of."""
    art = make(
        model,
        "Anna Osk said she was advised to use a private account.",
        "The book, titled, Man of the World: The Further Endeavors of Tomas Osk, has not yet been released.",
        "Investigators said Osk was careless.",
    )
    assert actor_of(art, "Osk", 2) == actor_of(art, "Anna Osk") != actor_of(art, "Tomas Osk")


@pytest.mark.issue(20)
def test_a_bare_surname_in_use_before_a_namesake_is_named_keeps_its_person(model: Any) -> None:
    """A blind reading (tenth session): "Hillary Clinton ... an interview with Clinton ... former
    President Bill Clinton ... charges against Clinton", and "former Secretary Clinton" beside
    "President Bill Clinton": every bare "Clinton" was an actor of its own, so an analyst counting
    her presence undercounted it. A surname the article already uses for one person before it
    names a namesake in full stays that person's (a writer who means the namesake writes the full
    name); an office excludes only the namesake who holds another one. An honorific of a gender
    the article does not tell either person by decides nothing."""
    art = make(
        model,
        "Democratic nominee Ada Kellan told investigators she used a private account.",
        "The investigators spent three hours interviewing Kellan last month.",
        "The adviser had served under former President Tomas Kellan in the 1990s.",
        "He did write former Secretary Kellan a memo about it, his office said.",
        "The director said he would not recommend charges against Kellan.",
        "Mr. Kellan declined to comment.",
        title="Investigators interview the nominee",
    )
    ada = actor_of(art, "Ada Kellan")
    assert ada != actor_of(art, "Tomas Kellan")
    assert [actor_of(art, "Kellan", n) for n in (1, 3, 4)] == [ada] * 3, [(m.span.text, m.actor) for m in art.mentions]
    assert actor_of(art, "Kellan", 5) != ada


@pytest.mark.issue(20)
def test_a_bare_surname_with_an_office_goes_to_the_namesake_it_does_not_exclude(model: Any) -> None:
    """"former Secretary Kellan" is not the Kellan named only as a president; the one namesake
    the office does not rule out is the one. Every namesake ruled out: nobody (as before)."""
    art = make(
        model,
        "Former President Tomas Kellan arrived in Harlow on Monday with the party's nominee, Maria Kellan.",
        "Former Secretary Kellan spoke first.",
        title="A visit to Harlow",
    )
    assert actor_of(art, "Kellan", 2) == actor_of(art, "Maria Kellan") != actor_of(art, "Tomas Kellan"), [(m.span.text, m.actor) for m in art.mentions]
    # the review: of two namesakes the office does not rule out, not the one introduced as a relative
    art = make(
        model,
        "Former President Tomas Kellan arrived in Harlow on Monday with his daughter, Maria Kellan.",
        "The party's nominee, Ada Kellan, met them there.",
        "Former Secretary Kellan spoke first.",
        title="A visit to Harlow",
    )
    assert actor_of(art, "Kellan", 3) == actor_of(art, "Ada Kellan"), [(m.span.text, m.actor) for m in art.mentions]


@pytest.mark.issue(20)
def test_a_description_set_before_a_name_is_its_role_and_a_lawmaker_is_a_senator(model: Any) -> None:
    """A blind reading (tenth session) found "The lawmaker" and other descriptions left
    unresolved. "The spokeswoman for the company, Jane Roe," gave Jane Roe no role, so a later
    "the spokeswoman" named no one; "the lawmaker" after "Sen. Ada Rusk" was no senator. A list
    ("the senator, Ada Rusk and Tomas Velk") gives no role."""
    art = make(
        model,
        "The spokeswoman for the harbour company, Lena Marr, declined to comment on Monday.",
        "Later the spokeswoman said the company would reply.",
        "Sen. Ada Rusk criticized the plan on Tuesday.",
        "The lawmaker called it a disaster.",
        "Reporters met the captain, Tomas Velk and Ida Orn on Wednesday.",
        title="Harbour plan criticized",
    )
    people = by_id(art)
    marr = actor_of(art, "Lena Marr")
    assert any("spokeswoman" in r for r in people[marr].roles), people[marr].roles
    assert actor_of(art, "the spokeswoman") == marr
    assert actor_of(art, "The lawmaker") == actor_of(art, "Ada Rusk")
    velk = actor_of(art, "Tomas Velk")
    assert velk is None or not any("captain" in r for r in people[velk].roles)


@pytest.mark.issue(20)
def test_the_times_after_the_new_york_times_is_that_paper(model: Any) -> None:
    """A blind reading (tenth session): "the New York Times reported ... According to the Times"
    linked "the Times" to The Times of London, which the knowledge base knows by the bare word:
    an organisation named in full before the one word that ends its name is that one; two such
    names (the New York and the Los Angeles Times), neither."""
    art = make(
        model,
        "Hillary Clinton told investigators she was advised by Colin Powell, the New York Times reported late Thursday.",
        "According to the Times, the information is in the report.",
        title="A report on the emails",
    )
    assert actor_of(art, "Times", 1) == actor_of(art, "New York Times") == "new-york-times", [(m.span.text, m.actor) for m in art.mentions]
    art = make(
        model,
        "The New York Times and the Los Angeles Times reported it on Thursday.",
        "According to the Times, the information is in the report.",
        title="A report on the emails",
    )
    assert actor_of(art, "Times", 2) not in (actor_of(art, "New York Times"), actor_of(art, "Los Angeles Times"))


@pytest.mark.issue(20)
def test_review_a_bare_surname_right_after_a_namesake_is_named_is_not_guessed(model: Any) -> None:
    """The code review of the eleventh session: "John Marsh ... Marsh said ... His son, David
    Marsh, will take over. Marsh, 42, said he planned ..." gave the son's words to the father by the
    surname already in use; a namesake named in full in this sentence or the one before, or a bare
    surname introduced anew (", 42,", ", who"), leaves it to no one. A relative's role holds no
    office ("The son of the president, Hunter Biden ... The president said" is not the son)."""
    art = make(
        model,
        "John Marsh founded the company in 1990. Marsh said the firm would grow.",
        "His son, David Marsh, will take over. Marsh, 42, said he planned to expand.",
        title="A family firm",
    )
    assert actor_of(art, "Marsh", 3) not in (actor_of(art, "John Marsh"), actor_of(art, "David Marsh")), [(m.span.text, m.actor) for m in art.mentions]
    art = make(model, "The son of the president, Hunter Biden, was indicted on Thursday.", "The president said he would not pardon him.", title="Charges")
    assert actor_of(art, "The president") != actor_of(art, "Hunter Biden")


@pytest.mark.issue(20)
def test_review_short_forms_of_papers_and_roles_at_a_clause_start(model: Any) -> None:
    """The second code review of the eleventh session: "The Washington Post and the New York Post
    ... The Post said" gave the Post to the New York paper ("Washington" reads as a given name);
    "the Bank" after the Bank of England and Deutsche Bank went to the second; a role set before
    a name after a quotation ("“...,” the spokeswoman for the ministry, Olga Petrova, said") or an
    opening phrase ("On Tuesday, the governor of Ohio, Ann Walsh, signed") was lost."""
    art = make(model, "The Washington Post and the New York Post both ran the story on Monday.", "The Post said the talks had stalled.", title="Talks stall")
    assert actor_of(art, "Post", 2) not in (actor_of(art, "New York Post"), actor_of(art, "Washington Post")), [(m.span.text, m.actor) for m in art.mentions]
    art = make(model, "The Bank of England held interest rates on Thursday, while Deutsche Bank cut its forecast.", "The Bank said inflation was falling.", title="Rates")
    assert actor_of(art, "Bank", 2) != actor_of(art, "Deutsche Bank")
    art = make(model, "\u201cWe will not negotiate,\u201d the spokeswoman for the ministry, Olga Petrova, said on Monday.", "On Tuesday, the governor of Ohio, Ann Walsh, signed the budget.", title="Talks")
    people = by_id(art)
    assert any("spokeswoman" in r for r in people[actor_of(art, "Olga Petrova")].roles)  # type: ignore[index]
    assert any("governor" in r for r in people[actor_of(art, "Ann Walsh")].roles)  # type: ignore[index]
