"""What makes two names of an actor one: initialisms and initials, generations, clean names.

Shared by the actors stage (linking an article's names) and :mod:`newsprism.actor_merge`
(one actor per entity across articles).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.knowledge import derived, load_data

# Words a name's initials skip ("Federal Bureau of Investigation" is FBI).
INITIAL_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in", "to", "de", "du", "des", "la", "le"})
# A generation after a name ("Robert S. Kellan III", "Jon Pell Jr."): not a word of the name proper.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(key: str) -> list[str]:
    """The words of a folded name (:func:`newsprism.actorkb.name_key`) without a generation
    suffix after a name of two words or more: "arcade joseph comeaux jr" -> its surname is
    "comeaux"."""
    toks = key.split()
    while len(toks) > 2 and toks[-1] in SUFFIXES:
        toks.pop()
    return toks


def given_name(word: str) -> bool:
    """Whether a folded word is a given name many people bear ("juan", "tommy"; not "comedian",
    "kicker"): ``data/given_names.json``, from the US Social Security Administration's baby names
    (:mod:`newsprism.train.given_names`). It says nothing of anyone's sex."""
    return word in _given_names()


@derived
def _given_names() -> frozenset[str]:
    return frozenset(load_data("given_names.json").get("names", []))


def country_name(text: str) -> bool:
    """Whether ``text`` names a country or territory ("Kuwait", "NORTHERN IRELAND", "Bosnia and
    Herzegovina"): ``data/countries.json``, the Unicode CLDR's English names
    (:mod:`newsprism.train.countries`); case and spacing are ignored."""
    return " ".join(text.split()).casefold() in _countries()


@derived
def _countries() -> frozenset[str]:
    return frozenset(n.casefold() for n in load_data("countries.json").get("names", []))


def ends_with(name: list[str], words: list[str]) -> bool:
    """Whether the folded words of a name end with ``words`` and have more ("debbie wasserman
    schultz" ends with "wasserman schultz")."""
    return len(name) > len(words) and name[-len(words) :] == words


def initialism(text: str) -> str | None:
    """The letters of an initialism ("N.R.A.", "NRA", "HPA's" -> "NRA", "HPA"), or None for a word."""
    core = re.sub(r"['’]s$", "", text.strip())
    letters = core.replace(".", "")
    return letters if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper() else None


@lru_cache(maxsize=1 << 14)
def initials(name: str) -> str:
    """The initials of a multi-word name, small words skipped ("National Rifle Association" ->
    "NRA"); a word in lower case makes no initial ("Democratic National convention" is no DNC)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in INITIAL_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    # A short initialism inside the name gives all its letters ("US Geological Survey" is USGS,
    # "UN Security Council" UNSC).
    if all(w.isupper() for w in words):  # a name in capitals ("NEW YORK TIMES"): first letters
        return "".join(w[0] for w in words)
    return "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words)


# A short form in brackets right after a name ("the Harbour Pilots Association (HPA)").
BRACKETED = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


def bracketed_short_form(text: str, end: int, name: str) -> str | None:
    """The short form a text gives the name of several words ending at ``end`` in brackets right
    after it, when it spells the name's initials (first letters, or :func:`initials`: "US Geological
    Survey (USGS)") or is the initialism the name opens with ("ATI Technologies (ATI)"); else None."""
    m = BRACKETED.match(text, end)
    if m is None or " " not in name.strip():
        return None
    letters = re.sub(r"[^A-Za-z]", "", m.group(1)).upper()
    firsts = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()).upper()
    return m.group(1) if letters in (firsts, initials(name).upper(), first_word_initialism(name)) else None


def first_word_initialism(name: str) -> str | None:
    """The initialism a name of several words opens with ("ATI Technologies", "AMD Inc." -> "ATI",
    "AMD"): the short form news gives such a company in brackets ("ATI Technologies (ATI)")."""
    words = name.split()
    return initialism(words[0]) if len(words) >= 2 and "." not in words[0] else None


# Abbreviated words of names, written out: "Mt Cook" is "Mount Cook", "US Geological Survey" the
# "United States Geological Survey" (AP Stylebook abbreviations; the country initialisms news
# writes inside names).
ABBREVIATED_WORDS = {
    "mt": "mount",
    "ft": "fort",
    "us": "united states",
    "uk": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "dept": "department",
    "intl": "international",
    "natl": "national",
    "univ": "university",
    "assn": "association",
    "cmdr": "commander",
}


# US states as news abbreviates them after a city or a lawmaker's party ("Burlington, Vt.", "Sen.
# Ted Cruz (R-Tex.)"): the AP Stylebook's dateline abbreviations, with the Government Publishing
# Office's "Tex." (AP writes "Texas"). States whose abbreviation is a city's or another state's
# name ("N.Y.", "Wash.", "D.C.") are left out: the city and the state would be one actor.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont",
    "Va.": "Virginia", "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
# The states by name ("Birmingham, Alabama"): those abbreviated above and those AP never abbreviates.
US_STATE_NAMES = frozenset(STATE_ABBREVIATIONS.values()) | frozenset({"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Utah", "New York", "Washington"})
# Abbreviations that are other words too ("a requiem Mass.", "Pa. Smith", "Ind." for independent,
# "Mo." for month): the state only where news writes a state so (``STATE_CONTEXT``).
AMBIGUOUS_STATES = frozenset({"Mass.", "Miss.", "Ill.", "Ind.", "Pa.", "La.", "Del.", "Mo.", "Ark.", "Ore."})
# A city's comma, a bracket, a party's letters ("D-Vt.", "DFL-Minn.", "R.-Tex.") before the abbreviation.
STATE_CONTEXT = re.compile(r"(?:,|\(|\b[A-Z]{1,3}\.?-|/)\s*$")


def state_abbreviation(text: str, before: str) -> str | None:
    """The state a span abbreviates ("Tex." -> "Texas"); for one that is another word too
    (:data:`AMBIGUOUS_STATES`), only after a city's comma, a bracket or a party's letters, and
    "Ind." not in a bracket ("Sen. Angus King (Ind.)" is an independent). None otherwise."""
    text = text.strip()
    state = STATE_ABBREVIATIONS.get(text)
    if state is None or text not in AMBIGUOUS_STATES:
        return state
    m = STATE_CONTEXT.search(before[-12:])
    return state if m is not None and not (text == "Ind." and m.group(0).strip() == "(") else None


def written_out(key: str) -> str:
    """A folded name (``name_key``) with its abbreviated words written out."""
    return " ".join(ABBREVIATED_WORDS.get(w, w) for w in key.split())


def clean_name(text: str) -> str:
    """A name as shown: plain quotes and spaces (the nlp layer's ``normalise``), one space between words."""
    from newsprism.stages.nlp import normalise

    return " ".join(normalise(text).split())


def fullest_roles(roles: list[str]) -> list[str]:
    """Roles without those another role ends with ("Minister" beside "Transport Minister")."""
    return [r for r in roles if not any(o != r and o.lower().endswith(" " + r.lower()) for o in roles)]


# Generic last words of an organisation's name ("Morningside Recovery Center" is "Morningside
# Recovery"), never a word that makes another thing of it ("Silicon Valley Bank" is no valley).
# A company's legal form: "Intel Corp." is Intel, even with only one word before it.
CORPORATE_TAILS = frozenset({"inc", "ltd", "llc", "co", "corp", "plc"})
# Head nouns of institutions that many places have ("Texas Senate", "Kent Police"): the word alone
# ("the Senate") is no short name of one of them (beside the knowledge base's ``descriptors``).
INSTITUTION_WORDS = frozenset(
    ["senate", "house", "congress", "government", "police", "school", "college", "hospital", "church", "league", "club", "team", "board", "city", "state", "county", "airport", "port", "station", "district", "administration", "campaign", "cabinet", "legislature", "chamber", "guard", "guards", "marshals", "prison", "fire"]
)
GENERIC_TAILS = CORPORATE_TAILS | frozenset({"clinic", "facility", "centre", "center"})


# Named things (OntoNotes' EVENT, WORK_OF_ART, PRODUCT, LAW, LANGUAGE): actors of the dossier, so
# an analyst finds "the Paris Agreement" or "Doctor Who" with every mention, but they neither
# speak nor act: no quote's speaker, no event's participant.
THING_TYPES = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})


# Words of four letters or more of which this share is capitalised make a headline-cased line.
HEADLINE_CASE_SHARE = 0.6


def headline_cased(text: str) -> bool:
    """A line in title case or capitals ("Kim Vows To Deepen Ties", "SOCCER - BAN LIFTED"), where a
    capital does not mark a name; "Nebraska fed cattle roundup - USDA" is in sentence case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return not words or sum(w[:1].isupper() for w in words) >= HEADLINE_CASE_SHARE * len(words)


# Offices written before a name ("Secretary Clinton", "Sen. Bernie Sanders"), folded to one word.
OFFICE_WORDS = {
    "president": "president", "secretary": "secretary", "senator": "senator", "sen": "senator",
    "governor": "governor", "gov": "governor", "mayor": "mayor", "judge": "judge", "justice": "judge",
    "representative": "representative", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "chancellor": "chancellor", "premier": "premier",
}  # fmt: skip
_OFFICE = r"(?P<office>President|Secretary|Senator|Sen\.|Governor|Gov\.|Mayor|Judge|Justice|Representative|Rep\.|Congressman|Congresswoman|Chancellor|Premier)"
SURNAME_AFTER_OFFICE = re.compile(r"(?<![\w-])(?<!Vice )(?<!Deputy )" + _OFFICE + r"\s+(?P<name>[A-Z][a-z][\w'’-]+)\b(?!\s+[A-Z])")
OFFICE_BEFORE = re.compile(r"(?<![\w-])(?<!Vice )(?<!Deputy )" + _OFFICE + r"\s+$")


def office_before(text: str, start: int) -> str | None:
    """The office written right before a name at ``start`` ("President Bill Clinton"), folded."""
    m = OFFICE_BEFORE.search(text[max(0, start - 16) : start])
    return office_word(m.group("office")) if m else None


def office_word(office: str) -> str:
    """An office as written ("Sen.", "Senator") folded to one word ("senator")."""
    return OFFICE_WORDS[office.lower().rstrip(".")]
