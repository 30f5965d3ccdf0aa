"""The PLOVER cue lexicon and the cues a sentence holds.

``data/plover.json`` (verbs and nouns per PLOVER event type, after the PLOVER codebook, the
CAMEO verb dictionary and POLECAT; users extend it in ``$NEWSPRISM_DATA``) compiled once into
a :class:`Lexicon`; :func:`tokens` splits a sentence into words with offsets and
:func:`find_cues` finds the cue phrases among them (inflected, attributive and plural forms
told apart). The events stage types happenings by these cues; the claims stage reads the
speech cues among them as the reporting verbs of a figure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newsprism.knowledge import derived, load_data
from newsprism.timex import MONTHS

# ----------------------------------------------------------------------------- lexicon

SYMMETRIC_DEFAULT = frozenset({"AGREE", "CONSULT", "COOPERATE"})
VERBAL = frozenset({"SUPPORT", "ACCUSE", "THREATEN", "REJECT", "REQUEST", "CONCEDE"})
MATERIAL = frozenset(
    {"AID", "ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "COOPERATE", "RETREAT", "PROTEST", "AGREE", "CONSULT"}
)
# Acts that, reported by a speaker whose side takes part, are no allegation unless of a military kind.
UNALLEGED = frozenset({"AID", "COOPERATE", "AGREE", "CONSULT", "RETREAT"})
# Modes of an act never alleged when reported (plover.json "modes"): gifts.
UNALLEGED_MODES = frozenset({"ceremonial"})
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
SPEECH = "SPEECH"


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of the cue lexicon: a PLOVER type (or ``SPEECH``) and how it is written."""

    type: str
    base: str  # the lexicon's phrase, e.g. "hold summit talks"
    pos: str  # "verb" | "noun" | "exact"
    inverse: bool = False
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Surface word sequences (lower case) to cues, plus mode words and stop phrases."""

    phrases: dict[tuple[str, ...], tuple[Cue, ...]]
    longest: int
    modes: dict[str, dict[str, frozenset[str]]]
    before_noun: frozenset[str]
    stop_phrases: tuple[tuple[str, ...], ...]
    families: dict[str, str]
    strong_speech: frozenset[str]
    ref_types: frozenset[str] = frozenset()  # noun cues of these types can name an earlier happening
    ref_determiners: frozenset[str] = frozenset()
    name_links: frozenset[str] = frozenset()  # "treaty on X": X is the treaty's name
    happenings: tuple[frozenset[str], ...] = ()  # types one real happening carries at once
    # Verb cue (base form) -> object words that make it no event ("released a software update").
    object_stops: dict[str, frozenset[str]] = field(default_factory=dict)
    # Verb cue (base form) -> object word -> the PLOVER type the pair takes instead ("sent a letter": CONSULT).
    object_types: dict[str, dict[str, str]] = field(default_factory=dict)
    # Verb cue (base form) -> words that, following it in its clause, make it a speech act ("warned that").
    speech_before: dict[str, frozenset[str]] = field(default_factory=dict)
    # Cue (its listed form) -> the types its sentence or article can give it instead ("strike" + "union": PROTEST).
    context_types: dict[str, tuple[ContextType, ...]] = field(default_factory=dict)
    # When a cue reports no happening (plover.json "realis"): the words that make it a
    # possibility, a plan, a condition or a prospect.
    realis: Realis = field(default_factory=lambda: Realis())


@dataclass(frozen=True, slots=True)
class Realis:
    """Words that make a cue something that did not (yet) happen: see plover.json ``realis``."""

    modals: frozenset[str] = frozenset()
    between: frozenset[str] = frozenset()
    actual_before_to: frozenset[str] = frozenset()
    conditionals: frozenset[str] = frozenset()
    prospect_adjectives: frozenset[str] = frozenset()
    prospect_heads: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()  # noun cues that name a standing relationship
    deliberating: frozenset[str] = frozenset()  # "is considering [filing]": a gerund cue weighed, not done
    wishing: frozenset[str] = frozenset()  # "wants Trump [banned]": a participle cue wished for

    @classmethod
    def of(cls, data: dict[str, Any]) -> Realis:
        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        return cls(
            words("modals"),
            words("between"),
            words("actual_before_to"),
            words("conditionals"),
            words("prospect_adjectives"),
            words("prospect_heads"),
            words("generic"),
            words("hedges"),
            words("state_nouns"),
            words("deliberating"),
            words("wishing"),
        )


@dataclass(frozen=True, slots=True)
class ContextType:
    """A type a cue takes in a context: a word of ``words`` in its sentence, or ``article`` (at least
    that many distinct) of them in the article and none of ``unless`` in the sentence."""

    type: str
    words: frozenset[str]
    unless: frozenset[str] = frozenset()
    article: int = 2

    def applies(self, sentence: Collection[str], article: Collection[str]) -> bool:
        if any(w in self.unless for w in sentence):
            return False
        return any(w in self.words for w in sentence) or len(self.words.intersection(article)) >= self.article


def _inflect_verb(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular inflections of a verb (overgenerating is harmless: a non-word never matches)."""
    out = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        out |= {word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(word + "es")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] in "bdgklmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    out.update(irregular.get(word, ()))
    return out


def _inflect_noun(word: str) -> set[str]:
    out = {word}
    if word.endswith("s"):
        return out
    if word.endswith(("sh", "ch", "x", "z")):
        out.add(word + "es")
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out.add(word[:-1] + "ies")
    else:
        out.add(word + "s")
    return out


def _cue_phrases(data: dict[str, Any]) -> tuple[dict[tuple[str, ...], list[Cue]], dict[str, str]]:
    """Every inflected form of every cue phrase -> its cues, and each type's family."""
    irregular = {k: list(v) for k, v in (data.get("irregular") or {}).items()}
    phrases: dict[tuple[str, ...], list[Cue]] = defaultdict(list)
    families: dict[str, str] = {}

    def add(phrase: str, typ: str, pos: str, inverse: bool = False, symmetric: bool = False) -> None:
        words = phrase.lower().split()
        if not words:
            return
        cue = Cue(typ, phrase.lower(), pos, inverse, symmetric)
        if pos == "verb":
            variants = [(w, *words[1:]) for w in _inflect_verb(words[0], irregular)]
        elif pos == "noun":
            variants = [(*words[:-1], w) for w in _inflect_noun(words[-1])]
        else:
            variants = [tuple(words)]
        for v in variants:
            if cue not in phrases[v]:
                phrases[v].append(cue)

    for typ, spec in (data.get("types") or {}).items():
        families[typ] = str(spec.get("family", typ))
        inverse = set(spec.get("inverse") or ())
        sym = bool(spec.get("symmetric", typ in SYMMETRIC_DEFAULT))
        for v in spec.get("verbs") or ():
            add(v, typ, "verb", v in inverse, sym)
        for n in spec.get("nouns") or ():
            add(n, typ, "noun", False, sym)
        for x in spec.get("exact") or ():
            add(x, typ, "exact", False, sym)
    sp = data.get("speech") or {}
    for v in sp.get("verbs") or ():
        add(v, SPEECH, "verb")
    for n in sp.get("nouns") or ():
        add(n, SPEECH, "noun")
    return phrases, families


def _speech_before(sp: dict[str, Any]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for verb, words in (sp.get("as_speech_before") or {}).items():
        if not verb.startswith("_"):
            out[str(verb).lower()] = out.get(str(verb).lower(), frozenset()) | {str(w).lower() for w in words}
    return out


def _modes(data: dict[str, Any]) -> dict[str, dict[str, frozenset[str]]]:
    modes: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for typ, groups in (data.get("modes") or {}).items():
        if typ.startswith("_"):
            continue
        for mode, words in groups.items():
            modes[typ][mode].update(w.lower() for w in words)
    return {t: {m: frozenset(ws) for m, ws in g.items()} for t, g in modes.items()}


def _object_rules(data: dict[str, Any]) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, str]]]:
    """Objects that make a verb cue no event, and objects that give it another type."""
    object_stops: dict[str, set[str]] = defaultdict(set)
    for verb, objects in ((data.get("not_events") or {}).get("objects") or {}).items():
        if not verb.startswith("_"):
            object_stops[verb.lower()].update(str(o).lower() for o in objects)
    object_types: dict[str, dict[str, str]] = defaultdict(dict)
    for typ, spec in (data.get("object_types") or {}).items():
        if typ.startswith("_") or not isinstance(spec, dict):
            continue
        for verb in spec.get("verbs") or ():
            object_types[str(verb).lower()].update((str(o).lower(), typ) for o in spec.get("objects") or ())
    return {k: frozenset(v) for k, v in object_stops.items()}, dict(object_types)


def _context_types(data: dict[str, Any]) -> dict[str, tuple[ContextType, ...]]:
    context_types: dict[str, list[ContextType]] = defaultdict(list)
    for typ, rules in (data.get("context_types") or {}).items():
        if typ.startswith("_"):
            continue
        for rule in rules if isinstance(rules, list) else [rules]:
            ct = ContextType(
                typ,
                frozenset(str(w).lower() for w in rule.get("words") or ()),
                frozenset(str(w).lower() for w in rule.get("unless") or ()),
                int(rule.get("article", 2)),
            )
            for c in rule.get("cues") or ():
                context_types[str(c).lower()].append(ct)
    return {k: tuple(v) for k, v in context_types.items()}


def _happenings(data: dict[str, Any]) -> tuple[frozenset[str], ...]:
    happenings: list[frozenset[str]] = []
    for name, types in (data.get("happenings") or {}).items():
        if not name.startswith("_") and isinstance(types, list) and frozenset(types) not in happenings:
            happenings.append(frozenset(str(t) for t in types))
    return tuple(happenings)


@derived
def lexicon() -> Lexicon:
    """The packaged cue lexicon merged with the user's ``$NEWSPRISM_DATA/plover.json``."""
    data = load_data("plover.json")
    phrases, families = _cue_phrases(data)
    sp = data.get("speech") or {}
    ne = data.get("not_events") or {}
    refs = data.get("references") or {}
    object_stops, object_types = _object_rules(data)
    frozen = {k: tuple(v) for k, v in phrases.items()}
    return Lexicon(
        phrases=frozen,
        longest=max((len(k) for k in frozen), default=1),
        modes=_modes(data),
        before_noun=frozenset(w.lower() for w in ne.get("before_noun") or ()),
        stop_phrases=tuple(sorted({tuple(p.lower().split()) for p in ne.get("stop_phrases") or ()})),
        families=families,
        strong_speech=frozenset(str(x) for x in sp.get("strong") or ()),
        ref_types=frozenset(str(x) for x in refs.get("types") or ()),
        ref_determiners=frozenset(str(x).lower() for x in refs.get("determiners") or ()),
        name_links=frozenset(str(x).lower() for x in refs.get("name_links") or ()),
        happenings=_happenings(data),
        object_stops=object_stops,
        object_types=object_types,
        context_types=_context_types(data),
        speech_before=_speech_before(sp),
        realis=Realis.of(data.get("realis") or {}),
    )


# ----------------------------------------------------------------------------- tokens and cues

TOKEN = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*%?|[^\w\s]")
STRONG_BOUNDARY = frozenset(
    {
        ";",
        ":",
        "that",
        "which",
        "who",
        "whom",
        "as",
        "after",
        "while",
        "when",
        "because",
        "but",
        "although",
        "though",
        "where",
        "if",
        "“",
        "”",
        '"',
        "–",
        "—",
    }
)
# Auxiliaries and negation between a relative pronoun and its verb ("which had been ...").
AUXILIARIES = frozenset(
    {"had", "has", "have", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "can", "may",
     "might", "should", "must", "shall", "did", "does", "do", "not", "never", "also", "then", "later", "once", "soon"}
)  # fmt: skip
# Subordinators of simultaneity: the clause after them happens when the main clause does.
SIMULTANEOUS = frozenset({"as", "while", "when", "during"})
NEGATION = frozenset({"not", "never", "n't", "no", "neither", "nor", "without"})
COORD = frozenset({"and", "or", ",", "but", "also", "then"})
PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Heads of titles after a demonym ("North Korean leader"): the demonym modifies the title.
TITLE_HEADS = frozenset(
    {
        "leader",
        "president",
        "minister",
        "official",
        "officials",
        "envoy",
        "ambassador",
        "embassy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "premier",
        "foreign",
        "defense",
        "defence",
        "state",
        "news",
    }
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "our",
        "your",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "not",
        "no",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "since",
        "about",
        "into",
        "over",
        "under",
        "also",
        "just",
        "only",
        "more",
        "most",
        "some",
        "such",
        "said",
        "says",
        "say",
        "told",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # offset in the text given to :func:`tokens`
    end: int
    text: str
    low: str


def tokens(text: str) -> list[Token]:
    """Words, numbers and punctuation of ``text`` with their offsets."""
    return [Token(m.start(), m.end(), m.group(0), m.group(0).lower().replace("’", "'")) for m in TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A cue found in a sentence: token indices ``i:j`` and the cue it matched."""

    i: int
    j: int
    cue: Cue


# Words before a participle that make it an adjective ("the proposed law", "a signed copy").
ATTRIBUTIVE_BEFORE = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "newly", "recently"})
# Words that end a verb's object before its head is found ("released him from prison").
OBJECT_END = frozenset({"on", "in", "at", "to", "from", "for", "with", "after", "before", "by", "of", "and", "or", "that", "which", "who", "as"})


def _attributive(toks: Sequence[Token], i: int, j: int, cue: Cue) -> bool:
    """A one-word verb cue used as an adjective: a participle after a determiner, before a word."""
    low = toks[i].low
    return (
        cue.pos == "verb"
        and j == i + 1
        and i > 0
        and low != cue.base
        and low.endswith(("ed", "en", "n", "t"))
        and not low.endswith("ing")
        and toks[i - 1].low in ATTRIBUTIVE_BEFORE
        and j < len(toks)
        and toks[j].text[:1].isalpha()
    )


# Words before a form in -s that make it a plural noun ("the ships", "its supplies"), not a verb.
PLURAL_AFTER = frozenset({"are", "were", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "do", "did"})
PLURAL_BEFORE = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "these", "those", "many", "more", "some", "several"})


def _reports_speech(lows: Sequence[str], j: int, words: frozenset[str] | None) -> bool:
    """One of ``words`` follows the cue ending at ``j`` within five words of its clause ("warned on Monday that")."""
    if not words:
        return False
    for k in range(j, min(j + 5, len(lows))):
        if lows[k] in words:
            return True
        if lows[k] in (",", ";", ".", ":", "and", "but", "to"):
            return False
    return False


def _plural_noun(lows: Sequence[str], i: int, n: int, cue: Cue) -> bool:
    """A one-word verb cue in its -s form that is a plural noun: first in its sentence ("Ships queue
    off ...": no sentence opens on a finite verb in -s) or after a determiner ("the ships")."""
    if cue.pos != "verb" or n != 1 or lows[i] == cue.base or not lows[i].endswith("s") or lows[i].endswith("ss"):
        return False
    # ... or before an auxiliary ("container ships were waiting"): a finite verb is not followed by
    # another (an -ing word may be its object: "offers funding").
    after = lows[i + 1] if i + 1 < len(lows) else ""
    return i == 0 or lows[i - 1] in PLURAL_BEFORE or _possessive(lows[i - 1]) or after in PLURAL_AFTER or _after_a_date(lows, i)


def _possessive(low: str) -> bool:
    """A possessive name ("council's", "voters'"): what follows it is a noun ("the council's support");
    never a contraction ("he's backing", "let's support")."""
    if low.replace("’", "'") in CONTRACTIONS:
        return False
    return len(low) > 2 and (low.endswith(("'s", "’s")) or (low.endswith(("s'", "s’")) and low[:-2].isalpha()))


CONTRACTIONS = frozenset(
    ["it's", "he's", "she's", "that's", "let's", "what's", "there's", "here's", "who's", "where's", "how's", "one's", "everyone's", "nobody's", "someone's"]
)  # fmt: skip


def _after_a_date(lows: Sequence[str], i: int) -> bool:
    """Right after a year or a day ("the 2001 attacks", "the Sept. 11, 2001, attacks", "the Nov. 13
    attacks"): a name of the happening, no finite verb. An age in apposition ("Osk, 58, accuses")
    is no date."""
    k = i - 1
    if k >= 3 and lows[k] == "," and len(lows[k - 1]) == 4 and lows[k - 1].isdigit() and lows[k - 2] == ",":
        return _month_before(lows, k - 3) and lows[k - 3].isdigit()  # "Sept. 11, 2001, attacks"
    if k < 0 or not lows[k].isdigit() or len(lows[k]) not in (1, 2, 4):
        return False
    return k == 0 or lows[k - 1] in PLURAL_BEFORE or _month_before(lows, k)


def _month_before(lows: Sequence[str], k: int) -> bool:
    """Whether a month's name (or its abbreviation, with its full stop) stands right before ``k``."""
    j = k - 1
    if j >= 0 and lows[j] == ".":
        j -= 1
    return j >= 0 and lows[j] in MONTHS


# Numbers and their units inside an object ("a 4.5 percent rise", "$3 million in aid").
AMOUNT = re.compile(r"^(?:[$€£¥]?\d[\d.,]*%?|%|percent|per|cent|[$€£¥])$")


# Past participles that follow their patient ("emails sent to", "the testimony given"), beside -ed ones.
IRREGULAR_PARTICIPLES = frozenset({"sent", "given"})


def _relative_object(toks: Sequence[Token], j: int, listed: Callable[[str], str | None]) -> str | None:
    """The object of the verb ending at ``j`` standing before its relative clause's subject ("the
    warm welcome he had received", "communications, which he had sent", "testimony, which she
    gave"), if ``listed`` names it."""
    k = j - 2
    while k >= 0 and toks[k].low in ("had", "has", "have", "was", "were", "just", "already", "also", "once"):
        k -= 1
    if k < 0 or not (toks[k].low in SUBJECT_PRONOUNS or toks[k].low in ("i", "we", "you")):
        return None
    k -= 1
    if k >= 0 and toks[k].low in ("which", "that", "whom"):
        k -= 1
        if k >= 0 and toks[k].low == ",":
            k -= 1  # "communications, which he had sent"
    elif k >= 0 and not toks[k].low.isalpha():
        return None  # "In a statement, they released ...": a fronted phrase, no relative clause
    return listed(toks[k].low) if k >= 0 else None


def _object_word(toks: Sequence[Token], j: int, words: Collection[str]) -> str | None:
    """The word of ``words`` heading the object of the verb cue ending at token ``j`` (singular or plural), if any."""

    def listed(low: str) -> str | None:
        if low in words:
            return low
        return low[:-1] if low.endswith("s") and low[:-1] in words else None

    if (
        j >= 2
        and j < len(toks)
        and (toks[j - 1].low.endswith("ed") or toks[j - 1].low in IRREGULAR_PARTICIPLES)
        and (toks[j].low in AFTER_PARTICIPLE or toks[j].low == "to" or toks[j].text[:1].isupper())
        and (hit := listed(toks[j - 2].low))
    ):
        return hit  # a participle right after its patient ("a Washington Post poll released Sunday", "emails sent to Powell")
    if hit := _relative_object(toks, j, listed):
        return hit
    if toks[j - 1].low.endswith("ed") and j < len(toks) and toks[j].low == "by":
        # A passive after its patient ("photos released by state media"): the noun before it.
        for k in range(j - 2, max(-1, j - 6), -1):
            if hit := listed(toks[k].low):
                return hit
            if not toks[k].low.replace("-", "").isalpha():
                break
    seen = 0
    for k in range(j, min(j + 8, len(toks))):
        low = toks[k].low
        if hit := listed(low):
            return hit
        if AMOUNT.match(low):
            continue  # "offered a 4.5 percent rise": an amount before the head is no word of it
        if low in OBJECT_END or not low.replace("-", "").isalpha():
            return None
        seen += 1
        if seen == 5:  # "gave Clinton a much higher lead": the indirect object, then the object's words
            return None
    return None


def _stopped_by_object(toks: Sequence[Token], j: int, cue: Cue, lex: Lexicon) -> bool:
    """A verb cue whose object is one of ``not_events.objects`` for it ("release" + "update"), or
    the noun of the same word with that object after "of" ("the release of the emails")."""
    stops = lex.object_stops.get(cue.base)
    if stops is None:
        return False
    if cue.pos == "noun":
        return j + 1 < len(toks) and toks[j].low == "of" and _object_word(toks, j + 1, stops) is not None
    return _object_word(toks, j, stops) is not None


def _retyped_by_object(toks: Sequence[Token], j: int, cue: Cue, lex: Lexicon) -> Cue:
    """The cue with the type ``object_types`` gives its verb and object ("sent a letter": CONSULT, not AID)."""
    types = lex.object_types.get(cue.base) if cue.pos == "verb" else None
    hit = _object_word(toks, j, types) if types else None
    return replace(cue, type=types[hit]) if types and hit else cue


def find_cues(toks: Sequence[Token], lex: Lexicon | None = None) -> list[Trigger]:
    """Longest non-overlapping cue matches, left to right.

    Skipped: a noun cue after a word of ``not_events.before_noun`` ("press statement"
    aside), any cue inside a stop phrase ("in order to"), a participle used as an
    adjective ("the proposed law"), and a verb whose object ``not_events.objects``
    lists for it ("released a software update").
    """
    lex = lex or lexicon()
    lows = [t.low for t in toks]
    stops_by_first, firsts = _first_words(lex)
    banned: set[int] = set()
    for i, w in enumerate(lows):
        for sp in stops_by_first.get(w, ()):
            if tuple(lows[i : i + len(sp)]) == sp:
                banned.update(range(i, i + len(sp)))
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        found: Trigger | None = None
        if i not in banned and lows[i] in firsts:
            for n in range(min(lex.longest, len(toks) - i), 0, -1):
                key = tuple(lows[i : i + n])
                cues = lex.phrases.get(key)
                if not cues:
                    continue
                cue = _pick(cues, lows, i)
                if cue is None:
                    continue
                if cue.pos == "noun" and i > 0 and lows[i - 1] in lex.before_noun and cue.type != SPEECH:
                    continue
                if cue.pos == "verb" and (_noun_use_of_verb(lows, i, cues) or _given_as_preposition(lows, i, n)):
                    continue
                if cue.type != SPEECH and (_attributive(toks, i, i + n, cue) or _stopped_by_object(toks, i + n, cue, lex)):
                    continue
                if _plural_noun(lows, i, n, cue):
                    # A plural noun: the noun cue of the same form if there is one ("Protests spread"), else no cue.
                    noun = next((c for c in cues if c.pos == "noun"), None)
                    if noun is None:
                        continue
                    cue = noun
                if cue.type != SPEECH and cue.pos == "verb" and _reports_speech(lows, i + n, lex.speech_before.get(cue.base)):
                    cue = replace(cue, type=SPEECH)
                found = Trigger(i, i + n, _retyped_by_object(toks, i + n, cue, lex) if cue.type != SPEECH else cue)
                break
        if found is not None:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


_FIRST_WORDS: dict[int, tuple[Lexicon, dict[str, list[tuple[str, ...]]], frozenset[str]]] = {}


def _first_words(lex: Lexicon) -> tuple[dict[str, list[tuple[str, ...]]], frozenset[str]]:
    """Stop phrases by their first word, and the first words of every cue (built once per lexicon)."""
    got = _FIRST_WORDS.get(id(lex))
    if got is None or got[0] is not lex:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for sp in lex.stop_phrases:
            if sp:
                by_first.setdefault(sp[0], []).append(sp)
        got = _FIRST_WORDS[id(lex)] = (lex, by_first, frozenset(k[0] for k in lex.phrases if k))
    return got[1], got[2]


DETERMINERS_BEFORE = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that"})
# Words after a participle that follows its patient ("poll released Sunday", "report released last week").
AFTER_PARTICIPLE = frozenset({"on", "in", "at", "last", "this", "yesterday", "today", "earlier", "late", "early", "by", "."})
NOUN_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "their", "our", "my", "your"})  # ("a group that declined", "asked her, she declined")
AUXILIARIES_BEFORE = frozenset({"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "get", "got", "gets", "getting", "not"})


def _noun_use_of_verb(lows: Sequence[str], i: int, cues: Sequence[Cue]) -> bool:
    """A cue the lexicon lists only as a verb, used as a noun ("the relative decline of the United
    States" is no refusal): right after a determiner, or after a determiner and one adjective."""
    if any(c.pos == "noun" for c in cues) or i == 0:
        return False
    if lows[i - 1] in NOUN_DETERMINERS:
        return True
    # "the relative decline of ...": an adjective between, and "of" after (never "The president said")
    return i > 1 and i + 1 < len(lows) and lows[i + 1] == "of" and lows[i - 2] in NOUN_DETERMINERS and lows[i - 1].endswith(("al", "ive", "ic", "ous", "ful", "ant", "ent", "sharp", "steep", "slow", "steady"))


def _given_as_preposition(lows: Sequence[str], i: int, n: int) -> bool:
    """ "Given her tough attitude, ..." (a preposition: no giving), unlike "was given the medal"
    or "the weapons given to Russia"."""
    return (
        n == 1
        and lows[i] == "given"
        and (i == 0 or lows[i - 1] not in AUXILIARIES_BEFORE)
        and i + 1 < len(lows)
        and lows[i + 1] in DETERMINERS_BEFORE | {"these", "those", "how", "what", "recent", "such"}
    )


def _pick(cues: Sequence[Cue], lows: Sequence[str], i: int) -> Cue | None:
    """One cue of several sharing a surface form: a noun after a determiner, else a verb."""
    if len(cues) == 1:
        return cues[0]
    det = i > 0 and (lows[i - 1] in {"a", "an", "the", "its", "his", "her", "their", "our", "of", "'s", "s"} or _possessive(lows[i - 1]))
    nouns = [c for c in cues if c.pos == "noun"]
    verbs = [c for c in cues if c.pos != "noun"]
    if det and nouns:
        return nouns[0]
    return (verbs or nouns)[0]

