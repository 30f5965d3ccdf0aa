"""Claims: every figure someone asserts, with its qualifier, what it counts, who asserts it and when.

Per article (``newsprism.claims.v1``), each sentence of the title and body is read
for figures:

* **value** in digits or words: "11,000", "30%", "1.5 billion", "three million",
  "half a million", "twenty-five", "$40 billion";
* **qualifier** from the words before it (the hedges of claim-verification work,
  e.g. FEVER's and ClaimBuster's "approximately"/"more than"): "some", "about",
  "around", "an estimated", "nearly" → approximately; "more than", "over" → more
  than; "at least"; "up to", "as many as"; "less than", "fewer than", "under";
  none → exact;
* **unit**: the noun phrase after it, what is counted ("152mm artillery shells",
  "containers", "troops"); a calibre stays a modifier of the unit, never the number;
  "%"/"percent" is "percent", a currency sign its currency;
* **not claims**: dates, years, times and anything the timex layer reads as a date
  (a duration with a count, "in 24 years", is a figure), ages ("aged 24",
  "24-year-old"), calibres ("152mm"), ordinals ("21st"), model numbers after a name
  ("Boeing 787"), vague plurals ("millions of rounds");
* **asserted_by**: the speaker of the quote the figure lies in (the quotes layer),
  else the subject of the nearest reporting verb before it in its sentence ("Seoul
  said ...", "he estimates ...", "Western leaders and Ukrainian officials say ...")
  or after it ("..., the ministry said"), a pronoun resolved; null when the outlet
  asserts it in its own voice. ``asserted_by_text`` keeps how the article names the
  asserter, also when it is a group and no single actor;
* **as_of**: the date of the assertion: the quote's date, else a date beside the
  reporting verb ("said in November last year", "told journalists on Tuesday"),
  else the publication date.

Across articles (``newsprism.claims.corpus.v1``) claims about the same quantity
(same counted noun, a shared actor in their sentences) get one ``group`` id and are
listed by group and date, so the dossier shows how an estimate grew and where
outlets disagree. Blocking is by the counted noun.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsprism.article import Article, Claim, DateRange, Dossier, Span
from newsprism.clauses import ClauseReader, Unit
from newsprism.plover import PRONOUNS, SPEECH, Token, find_cues, lexicon
from newsprism.polls import FINDINGS, RESPONDENT_NOUNS, RESPONDENTS, Poll, PollReader, head_word, respondents
from newsprism.registry import stage

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
}
_WORDNUM = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|two|three|four|five|six|seven|eight|nine|one|a\s+dozen|dozen|half\s+a|a)"
_DIGITS = r"(?<![\w.,/:#-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]*\d)|(?<![\w.,/:#-])\d+(?:\.\d+)?(?![\d:/]|,\d)"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|\s?(?:bn|m)\b)"  # "$28.4million" too
FIGURE = re.compile(
    rf"(?P<cur>(?:US|A|C|HK|NZ)?\$\s?|£\s?|€\s?|¥\s?)?"
    rf"(?P<num>{_DIGITS}|\b{_WORDNUM}\b)"
    rf"(?P<scale>(?:{_SCALE})*)"
    rf"(?P<pct>\s?%|\s+(?:per\s?cent|percent)\b)?",
    re.I,
)
# Qualifiers, longest first (the hedges of FEVER/ClaimBuster-style claim annotation).
QUALIFIERS = (
    # a negated bound first: "no more than 3" is up to 3, not more than 3
    ("no more than", "up to"), ("not more than", "up to"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("an estimated", "approximately"), ("estimated", "approximately"), ("approximately", "approximately"),
    ("about", "approximately"), ("around", "approximately"), ("roughly", "approximately"), ("some", "approximately"),
    ("nearly", "approximately"), ("almost", "approximately"), ("close to", "approximately"), ("an approximate", "approximately"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"), ("in excess of", "more than"),
    ("above", "more than"), ("exceeding", "more than"),
    ("at least", "at least"), ("a minimum of", "at least"), ("near", "approximately"),
    ("up to", "up to"), ("as many as", "up to"), ("as much as", "up to"), ("a maximum of", "up to"),
    ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"), ("below", "less than"),
)  # fmt: skip
LIMITERS = ("only", "just", "merely", "a mere", "all of")
CURRENCY = {
    "$": "US dollars",
    "us$": "US dollars",
    "a$": "Australian dollars",
    "c$": "Canadian dollars",
    "hk$": "Hong Kong dollars",
    "nz$": "New Zealand dollars",
    "£": "pounds",
    "€": "euros",
    "¥": "yen",
}
TIME_UNITS = frozenset(
    {
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    }
)
# Words that end a unit phrase: verbs and function words (no tagger runs here).
UNIT_STOP = frozenset(
    [
        "to",
        "from",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "of",
        "as",
        "than",
        "that",
        "which",
        "who",
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "carrying",
        "including",
        "into",
        "over",
        "under",
        "since",
        "after",
        "before",
        "during",
        "per",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "said",
        "says",
        "say",
        "told",
        # prepositions and adverbs after a noun: "151 PS along with", "16 currently in service"
        "about",
        "above",
        "across",
        "against",
        "along",
        "among",
        "around",
        "below",
        "between",
        "beyond",
        "through",
        "toward",
        "towards",
        "within",
        "without",
        "ago",
        "again",
        "already",
        "also",
        "currently",
        "earlier",
        "later",
        "now",
        "still",
        "then",
        "today",
        "yesterday",
        "tomorrow",
        "more",
        "less",
        "fewer",
        # clause words and sentence adverbs after a noun: "250 Americans when", "1,008 adults nationwide"
        "when",
        "while",
        "where",
        "whom",
        "whose",
        "nationwide",
        "statewide",
        "worldwide",
        "overall",
        "apiece",
        "each",
        "respectively",
        "combined",
        "altogether",
        "alone",
        # irregular past tenses (no tagger here; "-ed" verbs are caught by their ending): "3 million voters came"
        "came", "went", "made", "took", "got", "gave", "left", "met", "lost", "ran", "saw", "found",
        "paid", "kept", "fell", "rose", "grew", "began", "became", "sent", "spent", "brought", "bought",
        "held", "stood", "sat", "fled", "fought", "drew", "knew", "thought", "felt", "wrote", "chose",
        # verbs of opinion after respondents: "six in 10 voters agree"
        "agree", "disagree", "believe", "think", "want", "oppose", "favor", "favour", "prefer", "approve",
        "disapprove", "expect", "hope", "remain", "live", "need",
    ]
)
AGE = re.compile(r"(?:aged\s+$|age\s+(?:of\s+)?$)", re.I)
# A person's name (two capitalised words) and a comma before a bare number that a comma or the
# sentence closes: an age ("Vera Lind, 92,"); "Florida, 32," in a list of counts is none.
APPOSED_AGE = re.compile(r"[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+(?:\s+(?:Jr|Sr|II|III)\.?)?,\s*$")
ONE_NAME_AGE = re.compile(r"(?:^|[.;:]\s+|\b(?:and|said|says)\s+)[A-Z][\w'’-]+,\s*$")
# An age bracket: "between the ages of 18 and", "ages 18 to".
# A house number before a street's name ("131 West 23rd Street", "1600 Pennsylvania Ave.").
STREET_ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*|\d+(?:st|nd|rd|th))(?:\s+(?:[A-Z][\w.'’-]*|\d+(?:st|nd|rd|th))){0,3}\s+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Dr|Place|Pl|Way|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Plaza)\b\.?"
)
# Where an address stands: after "at", "on", "of", "outside", "near", "to", "from", "in front of";
# a number after anything else is an address only where the street's name ends the phrase
# ("500 Wall Street jobs", "350 Wall Street Journal reporters" are counts).
ADDRESS_BEFORE = re.compile(r"\b(?:at|on|of|outside|near|to|from|opposite|behind)\s+$", re.I)
HEDGED = re.compile(r"\b(?:about|around|nearly|some|than|over|almost|roughly|least|to|only|just)\s+$", re.I)
AGE_RANGE = re.compile(r"\bages?\s+(?:of\s+)?(?:\d{1,3}\s*(?:to|and|-|–)\s*)?$|\bages\s+of\s+\d{1,3}\s+(?:to|and)\s+$", re.I)
SUPERLATIVE = re.compile(
    r"\b(?:first|last|biggest|largest|highest|lowest|worst|best|longest|deadliest|strongest|\w+est)\b[^.;,]*?$", re.I
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a sentence: offsets in ``raw_text``."""

    start: int  # where the claim's span starts (qualifier or limiter included)
    end: int
    num_start: int
    value: float
    unit: str
    qualifier: str


# Capitalised words before a number that open a sentence rather than name something.
SENTENCE_OPENERS = frozenset(
    ["between", "from", "about", "around", "over", "under", "some", "nearly", "almost", "more", "fewer", "less", "at", "by", "with", "of", "in", "to", "and", "than", "only", "just", "roughly", "approximately", "up"]
)
# A rank before a number: "No. 2", "number 1", "#3".
RANK_BEFORE = re.compile(r"(?:\b(?:No|NO|Nos|Number|number)\.?|\bno\.|#)\s*$")
# A fraction's denominator after its numerator: "two-thirds of", "a third of", "three quarters of".
FRACTION = re.compile(r"[\s-]+(?P<den>halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\s+of\b", re.I)
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}


def _fraction(text: str, e: int, value: float) -> tuple[float, str, int] | None:
    """ "two-thirds of voters": (0.667, "voters share", where the unit ends), or None."""
    m = FRACTION.match(text, e)
    if m is None:
        return None
    den = DENOMINATORS[m.group("den").lower().rstrip("s") if m.group("den").lower() != "halves" else "half"]
    det = re.match(r"\s+(?:the|its|their|his|her|our|this|that|these|those)\b", text[m.end() :], re.I)
    unit, uend = _unit_after(text, m.end() + (det.end() if det else 0))
    if not unit:
        return None
    return round(value / den, 3), f"share of {unit}", uend


OR_BOUND = re.compile(r"\s*,?\s+or\s+(less|fewer|lower|under|below|more|greater|higher|above|over)\b", re.I)
# A number word before "or"/"to" and another number: the low end of a range ("seven or eight").
RANGE_NEXT = re.compile(rf"\s+(?:or|to)\s+(?!an?\b)(?:{_DIGITS}|{_WORDNUM}\b)", re.I)
IN_EVERY = re.compile(r"\s+(?:in|of|out\s+of)\s+(?P<den>10|100|ten|two|three|four|five|six|seven|eight|nine)\b(?!\s*(?:%|percent|per\s+cent))", re.I)


def _in_every(text: str, e: int, value: float) -> tuple[float, str, int] | None:
    """ "Six in 10 voters", "three of four Americans", "nine out of 10 doctors": (0.6, "share of
    voters", where the unit ends), or None."""
    m = IN_EVERY.match(text, e)
    if m is None:
        return None
    den = float(m.group("den")) if m.group("den").isdigit() else float(UNITS_WORDS[m.group("den").lower()])
    if not den or value > den:
        return None
    unit, uend = _unit_after(text, m.end())
    if unit.split()[:1] and (unit.split()[0].lower() in TIME_UNITS or unit.lower() in ("right", "wrong")):
        return None  # "12 in 20 minutes", "7 in 10 right": no share of anyone
    return round(value / den, 3), f"share of {unit}" if unit else "share", max(uend, m.end())


def _ranges(text: str, offset: int, figs: list[Figure]) -> list[Figure]:
    """ "between 10,000 and 12,000 troops", "10 to 12 troops": the low end takes the high end's unit
    and is "at least", the high end "up to" (the contract's qualifiers; neither is exact)."""
    out = list(figs)
    for k in range(len(out) - 1):
        lo, hi = out[k], out[k + 1]
        gap = text[lo.num_start - offset : hi.num_start - offset]
        if not lo.unit and hi.unit and re.fullmatch(r"(?:[\d.,]+|[A-Za-z-]+)\s*(?:and|to|or|-|–)\s*", gap):
            before = text[: lo.num_start - offset]
            two_values = re.search(r"\b(?:rose|rise|rises|risen|grew|grow|fell|fall|falls|dropped|increased|decreased|climbed|jumped)\s+from\s*$", before) or (
                re.search(r"\band\s*$", gap) and not re.search(r"\bbetween\s+(?:\S+\s+){0,2}$", before, re.I)
            )
            if two_values:
                # "rose from 20 to 30 brigades", "by 5 and 10 points, respectively": two values, not a range
                out[k] = replace(lo, unit=hi.unit)
                continue
            # "between 10 and 12 million troops": the low end shares the high end's scale.
            scale = re.match(r"[\d.,]+\s*(?P<s>hundred|thousand|million|billion|trillion|bn|m)\b", text[hi.num_start - offset : hi.end - offset], re.I)
            value = lo.value * SCALES.get(scale.group("s").lower(), 1) if scale and lo.value < hi.value / 100 else lo.value
            out[k] = replace(lo, value=value, unit=hi.unit, qualifier="at least")
            out[k + 1] = replace(hi, qualifier="up to")
    return out


def _word_value(text: str) -> float | None:
    t = " ".join(text.lower().replace("-", " ").split())
    if t in ("a", "half a"):
        return 1.0 if t == "a" else 0.5
    if t in ("a dozen", "dozen"):
        return 12.0
    parts = t.split()
    total = 0
    for p in parts:
        if p not in UNITS_WORDS:
            return None
        total += UNITS_WORDS[p]
    return float(total)


def parse_value(num: str, scale: str) -> float | None:
    """The number a figure's words give: "three" + " million" -> 3e6, "half a" + " million" -> 5e5."""
    n = num.strip()
    if re.match(r"\d", n):
        value = float(n.replace(",", ""))
    else:
        v = _word_value(n)
        if v is None:
            return None
        value = v
    for s in re.findall(r"[a-z]+", scale.lower()):
        value *= SCALES.get(s, 1)
    return value


WORD_OR_MARK = re.compile(r"[\w’'-]+|[^\w\s]")


def _unit_after(text: str, pos: int) -> tuple[str, int]:
    """The counted noun phrase after ``pos`` (at most four words) and where it ends. A measure
    joined to the number by a hyphen before a noun is the unit, in the plural ("a 10-year term":
    years; "the 104-page report": pages; "a 16-point lead": points), as is "percentage point"
    before a noun ("a 21 percentage point increase")."""
    words = list(itertools.islice(WORD_OR_MARK.finditer(text, pos), 8))  # what the reading below can look at
    if len(words) >= 2 and words[0].group(0).lower() in ("more", "fewer", "less") and words[1].group(0).lower() not in UNIT_STOP:
        words = words[1:]  # "2.5 million more votes than": votes
    got: list[str] = []
    end = pos
    for n, m in enumerate(words[:5]):
        w = m.group(0)
        low = w.lower()
        if not re.match(r"[\w’'-]+$", w) or not any(c.isalpha() for c in w) or low in UNIT_STOP or (got and w[:1].isupper()):
            break
        if low.endswith(("ing", "ed", "ly")) and got and "-" not in low:
            break  # "containers carrying", "regimes emerged": a verb or adverb ends the noun phrase
        if not got and low.endswith("ed") and n + 1 < len(words) and words[n + 1].group(0).lower() in OBJECT_OPENERS:
            break  # "only 19 backed her rival": a verb and its object, the count's noun left out
        got.append(w)
        end = m.end()
        if len(got) >= 4:
            break
    # A bare modifier is not a unit ("the 152mm"): keep only phrases ending in a word.
    while got and re.match(r"^\d", got[-1]):
        got.pop()
    # "16-inch", "three-hour": the hyphen joins the number to its unit; it is not the unit's.
    hyphened = bool(got) and got[0].startswith("-")
    if hyphened:
        got[0] = got[0].lstrip("-")
        if not got[0]:
            got.pop(0)
    if hyphened and got and "-" not in got[0] and got[0].isalpha() and got[0].islower():
        low = got[0].lower()
        if low.endswith(("ed", "ing", "ish")) or low in NOT_MEASURES:
            return "", end  # "three-pronged", "20-ish", "30-something": no measure
        if low == "fold":
            return "times", end
        return (got[0] if low in UNIT_ABBREVIATIONS else plural(got[0])), end  # "a 10-year term": ten years
    if [w.lower() for w in got[:2]] == ["percentage", "point"]:
        return "percentage points", end
    if len(got) >= 2 and got[0].lower() == "point":
        return "points", end  # "a 12 point jump"
    return " ".join(got), end


# Words that open a verb's object: a word ending in "-ed" before one is a verb, no unit.
OBJECT_OPENERS = frozenset({"the", "a", "an", "her", "his", "their", "its", "our", "my", "your", "this", "that", "these", "those", "him", "them", "it"})
NOT_MEASURES = frozenset({"something", "odd", "plus", "some", "way", "time", "times"})
UNIT_ABBREVIATIONS = frozenset({"mph", "kph", "km", "kg", "mm", "cm", "ft", "lb", "lbs", "oz", "mw", "gw", "kw", "mb", "gb", "tb", "hp"})
IRREGULAR_PLURALS = {"foot": "feet", "man": "men", "woman": "women", "person": "people", "child": "children", "percent": "percent"}


def plural(noun: str) -> str:
    """The plural of a measure noun ("year" -> "years", "inch" -> "inches", "foot" -> "feet")."""
    low = noun.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if low.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es" if not low.endswith("s") else noun
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _not_a_quantity(text: str, s: int, e: int, num: str, scaled: bool, bare: bool) -> bool:
    """The number at ``text[s:e]`` counts nothing (a calibre, an ordinal, an age, a year, a name's
    number, an identifier, digit groups); ``scaled``: a scale word follows ("million"); ``bare``:
    no percent, scale or currency beside it."""
    word = not num[0].isdigit()
    nxt = text[e : e + 12]
    prev = text[max(0, s - 12) : s]
    if FRACTION.match(text, e):
        return False  # "two-thirds of", "a third of": a share (find_figures divides it)
    if RANK_BEFORE.search(prev):
        return True  # "the No. 2 job", "#1 seed": a rank, not a count
    if word and not scaled and num.lower() in ("a", "half a", "one") and not IN_EVERY.match(text, e):
        return True  # "a", "one": too often not a figure (but "one in five Americans" is a share)
    if word and not scaled and not nxt.startswith("-") and re.search(r"\b(?:the|both|these|those|its|their|his|her|our|all)\s+$", text[max(0, s - 8) : s], re.I):
        return True  # "the two nations": which ones, not how many ("the seven-member court" is a count)
    if re.match(r"\s*(?:mm|cm|-mm|-caliber|-calibre|st|nd|rd|th)\b", nxt, re.I) or re.match(r"-?(?:year|month|week|day)s?-old", nxt.strip(), re.I):
        return True  # calibre, ordinal, age
    if re.match(r"[\s-]*(?:years?\s+old|yrs?\b)", nxt, re.I) or AGE.search(prev):
        return True
    two_names = APPOSED_AGE.search(text[max(0, s - 40) : s])
    # One name ("Ramos, 58, said"): an age when the words after it go on about that person, not
    # another item of a list ("Florida, 32, and Georgia, 20").
    one_name = ONE_NAME_AGE.search(text[max(0, s - 30) : s]) and re.match(r",\s+(?!and\b|or\b)[a-z]", text[e : e + 12])
    if bare and (two_names or one_name) and re.match(r"\s*(?:,|\)|$|\.\s)", nxt) and int(float(num.replace(",", ""))) <= 120:
        return True  # "Phyllis Schlafly, 92, died": a person's age in apposition
    if re.match(r"-(?:way|person|man|woman|candidate|party|team|horse)\b(?:\s+(?:race|contest|matchup|match-up|field|primary|split|tie|fight|battle))?", nxt, re.I) and (
        "-way" in nxt.lower() or re.match(r"-\w+\s+(?:race|contest|matchup|match-up|field|primary)", nxt, re.I)
    ):
        return True  # "a three-way race", "a two-person race": a kind of contest, not a count asserted
    street = STREET_ADDRESS.match(text, e) if bare and not word else None
    if street and not HEDGED.search(prev) and (ADDRESS_BEFORE.search(text[max(0, s - 20) : s]) or re.match(r"\s*(?:[,.;:)]|$|\s(?:in|on|at|near|and|was|is|where)\b)", text[street.end() :])):
        return True  # "in front of 131 West 23rd Street": an address, not a count
    if bare and AGE_RANGE.search(text[max(0, s - 30) : s]):
        return True  # "voters between the ages of 18 and 54", "ages 18 to 29"
    if word:
        # "one of the ...", "hundreds of" (but "Seventy-four percent of voters" is a share)
        # ("three of four Americans", "nine out of 10 doctors": a share, divided in find_figures)
        return bool(bare and re.match(r"\s+of\b", nxt) and num.lower() != "half a" and not IN_EVERY.match(text, e)) or bool(re.match(r"\s*(?:hundreds|thousands|millions|billions|dozens)\s+of", text[s:], re.I))
    if re.match(r"\s*(?:hundreds|thousands|millions|billions|dozens)\s+of", text[s:], re.I):
        return True
    return bare and _bare_digits_name_nothing(num, prev, nxt, s)


def _bare_digits_name_nothing(num: str, prev: str, nxt: str, s: int) -> bool:
    """Digits with nothing beside them that are a year, a name's number, an identifier or digit groups."""
    if re.match(r"^\d{4}$", num) and 1800 <= int(num) <= 2100:
        return True  # a year
    name = re.search(r"(?<![.!?]\s)\b([A-Z][\w-]*)\s$", prev)
    if name and s > 0 and name.group(1).lower() not in SENTENCE_OPENERS:
        return True  # "Boeing 787", "Article 5": a name's number ("Between 10,000 and ..." is no name)
    if re.match(r"0\d", num) or re.fullmatch(r"\d{8,}", num):
        return True  # "0001", "672137288055398401": an identifier's or a timestamp's digits, not a quantity
    if re.match(r"\s*[-–—•]\s*\d", nxt) or re.search(r"\d\s*[-–—•]\s*$", prev):
        return True  # digit groups: a phone number, a plate, a score ("4-1")
    return bool(re.match(r"\s+(?:--|—|–)\s", nxt))  # "29 -- ...": a dated list's day


def _qualified(text: str, start: int, unit: str) -> tuple[int, str]:
    """Where a figure starts once its qualifier and limiter words before it are taken in, and the qualifier."""
    low = text.lower()
    qual = "exact"
    before = low[:start].rstrip()
    for phrase, q in QUALIFIERS:
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            qual = q
            start = start - (len(low[:start]) - len(before)) - len(phrase)
            before = low[:start].rstrip()
            break
    for lim in LIMITERS:
        if before.endswith(lim) and (len(before) == len(lim) or not before[-len(lim) - 1].isalnum()):
            start = start - (len(low[:start]) - len(before)) - len(lim)
            break
    # "the first trip ... in 24 years": the figure measures the gap since the last one.
    if unit in TIME_UNITS and re.search(r"\b(?:in|for)\s+$", text[max(0, start - 5) : start]):
        sup = SUPERLATIVE.search(text[:start])
        if sup and start - sup.start() < 80:
            start = sup.start()
    return start, qual


# "N of the / its / Saudi Arabia's [past] [70,000] ...": what a part of a whole counts.
PARTITIVE = re.compile(
    r"\s+of\s+(?:(?:the|its|his|her|their|our|these|those)(?:\s+[a-z]+['’]s?)?|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?)\s+"
    rf"(?:(?:past|last|next|first|top|remaining|other)\s+)?(?:(?:\d[\d,.]*|{_WORDNUM})\s+)?(?=[A-Za-z])"
)


def _partitive(text: str, pos: int) -> str:
    """The counted noun of a part of a named whole ("20,000 of Saudi Arabia's 70,000 mosques":
    mosques; "13 of the past 19 Democratic contests"), or "" (not after "of them", "of 10")."""
    m = PARTITIVE.match(text, pos)
    if m is None:
        return ""
    unit, _ = _unit_after(text, m.end())
    return "" if unit.lower() in PARTITIVE_NOT else unit


PARTITIVE_NOT = frozenset({"them", "us", "those", "these", "which", "whom", "whose", "all", "way", "time", "year", "day"})


def find_figures(text: str, offset: int, excluded: Sequence[tuple[int, int]]) -> list[Figure]:
    """Figures of a sentence ``text`` starting at ``offset`` in ``raw_text``, dates and the like excluded."""
    out: list[Figure] = []
    taken = 0  # the "10" of "six in 10" is no figure of its own
    for m in FIGURE.finditer(text):
        num = m.group("num")
        s, e = m.start("num"), m.end()
        if not num.strip() or s < taken:
            continue
        if any(x < offset + e and offset + s < y for x, y in excluded):
            continue
        scale = m.group("scale") or ""
        pct = m.group("pct")
        cur = (m.group("cur") or "").strip().lower()
        if _not_a_quantity(text, s, e, num, scaled=bool(scale), bare=not (pct or scale or cur)):
            continue
        value = parse_value(num, scale)
        if value is None:
            continue
        frac = _fraction(text, e, value) or _in_every(text, e, value) if not (pct or cur or scale) else None
        if frac is not None:
            value, unit, uend = frac
            taken = uend
        elif pct:
            unit, uend = "percent", e
        elif cur:
            unit, uend = CURRENCY.get(cur, cur), e
        else:
            unit, uend = _unit_after(text, e)
            if not unit:
                unit = _partitive(text, e)  # "449 of the party insiders": party insiders
            if not unit and not num[0].isdigit() and not RANGE_NEXT.match(text, e):
                continue  # "two" alone is rarely a figure ("seven or eight investigations" is a range)
        start, qual = _qualified(text, m.start(), unit)
        bound = OR_BOUND.match(text, max(uend, e))
        if bound is not None and qual == "exact":
            # "$200 or less", "10 percent or more": the bound after the figure
            qual = "up to" if bound.group(1).lower() in ("less", "fewer", "lower", "under", "below") else "at least"
            uend = bound.end()
        out.append(Figure(offset + start, offset + max(uend, e), offset + s, value, unit, qual))
    # A number word kept as a range's low end whose range got no unit ("voted seven to two") counts nothing.
    out = [f for f in _ranges(text, offset, out) if f.unit or text[f.num_start - offset : f.num_start - offset + 1].isdigit()]
    return _elided_units(text, offset, out)


def _elided_units(text: str, offset: int, figs: list[Figure]) -> list[Figure]:
    """A bare number after a figure that counts something, in the same sentence, and joined to it
    by a comparison ("Clinton has 2,203 delegates to Sanders's 1,828"; "449 of the party insiders
    back Clinton, while only 19 ..."): it counts the same thing (the noun is left out, not absent)."""
    out = list(figs)
    for k in range(1, len(out)):
        f, prev = out[k], out[k - 1]
        if f.unit or not prev.unit or prev.unit in ("percent", "share") or prev.unit in CURRENCY.values() or prev.unit.lower() in TIME_UNITS:
            continue
        gap = text[prev.end - offset : f.num_start - offset]
        joined = ELIDED_TO.fullmatch(gap) or ELIDED_JOIN.search(gap) or (COORDINATED.search(gap) and "," not in gap)
        if len(gap) <= 60 and joined and not re.search(r"[.;:!?]", gap):
            out[k] = replace(f, unit=prev.unit)
    return out


# The words right before the bare number: a comparison, then at most a hedge ("while only 19",
# "compared with 1,828"), so that "while raising the age to 67" or "and killed 3" join nothing.
_HEDGE = r"(?:(?:only|just|about|nearly|some|roughly|around|almost)\s+)?"
ELIDED_JOIN = re.compile(rf"\b(?:versus|vs\.?|compared\s+(?:with|to)|against|while|whereas|than)\s+{_HEDGE}$", re.I)
# "to" right after the count, before the other side's name ("2,203 delegates to Sanders's 1,828",
# "52 votes to 48"); "raise the age to 67" is a target, no count.
ELIDED_TO = re.compile(r"\s*to\s+(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?\s+|(?:his|her|their|its)\s+(?:[a-z]+['’]s?\s+)?)?", re.I)
# "and", "but", "or" right before the number join two counts of one thing only without a comma
# (", and 16 currently fly" opens a clause of its own; "and killed 3" counts the killed).
COORDINATED = re.compile(rf"\b(?:and|but|or)\s+{_HEDGE}$", re.I)


def _excluded(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Date expressions of the sentence (a duration with a count stays a figure), and notes that
    are not the story's words (``furniture.json`` ``inline``: a wire's "(ATTN: ... last 3 paras)",
    phone numbers)."""
    from newsprism.knowledge import furniture

    out = [(m.start(), m.end()) for m in furniture().inline.finditer(article.raw_text, start, end)]
    for d in article.dates:
        if d.span.end <= start or d.span.start >= end:
            continue
        if d.type == "DURATION" and re.search(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b",
            d.span.text,
            re.I,
        ):
            continue
        out.append((d.span.start, d.span.end))
    return out


@dataclass(frozen=True, slots=True)
class Asserter:
    actor: str | None
    text: str | None
    date: DateRange
    span: tuple[int, int] | None = None  # the characters naming the asserter


def _tokens_span(toks: list[Token]) -> tuple[int, int] | None:
    return (toks[0].start, toks[-1].end) if toks else None


def _speech_cues(u: Unit) -> list[tuple[int, int]]:
    """Token ranges of reporting verbs in the sentence (the events lexicon's speech cues, plus "according to")."""
    # Verbs only: "Kim's declaration comes amid ..." asserts nothing of what follows.
    out = [(t.i, t.j) for t in find_cues(u.toks, lexicon()) if t.cue.type == SPEECH and t.cue.pos != "noun"]
    for k in range(len(u.toks) - 1):
        if u.toks[k].low == "according" and u.toks[k + 1].low == "to":
            out.append((k, k + 2))
    return sorted(out)


# Words after which an actor's name is no verb's subject.
NOT_SUBJECT_AFTER = frozenset({"in", "at", "of", "from", "to", "into", "near", "across", "throughout", "inside", "outside", "toward", "towards", "with", "against", "for", "on", "about"})


# Prepositions after a reporting verb that open a phrase of its own ("said in a report that ..."):
# a "that" after them belongs to that phrase, not to the verb.
CONTENT_NOT_AFTER = frozenset({"in", "on", "during", "at", "after", "before", "with", "through", "via", "from", "for"})
# Auxiliaries between "who" and its reporting verb ("who has said").
AUXILIARY_WORDS = frozenset({"has", "have", "had", "also", "later", "then", "once", "previously", "repeatedly"})
# Words that open the writer's gloss after "X said," ("referring to", "alluding to").
GLOSS_WORDS = frozenset({"referring", "alluding", "apparently", "presumably"})
# Reporting verbs whose object is the addressee ("told 300 supporters that ...").
TELL_VERBS = frozenset({"told", "tell", "tells", "telling", "briefed", "addressed", "wrote", "writes", "write"})
ADDRESSEE_OPENERS = frozenset({"his", "her", "their", "its", "the", "a", "an", "some", "about", "more", "nearly", "over"})
# A speaker's pronoun, first person too ("we have been told").
SPEAKER_PRONOUNS = PRONOUNS | {"i", "we", "you", "me", "us", "our", "my"}
# Words that name no speaker on their own: relative pronouns and auxiliaries.
NOT_A_SPEAKER_WORD = frozenset({"who", "which", "that", "has", "have", "had", "is", "was", "are", "were", "will", "would", "also", "then", "now"})
# Nouns naming several speakers, no single one ("officials said"): the words are the asserter.
GROUP_HEADS = frozenset({"officials", "leaders", "sources", "analysts", "experts", "observers", "diplomats", "residents", "witnesses"})
# Words that end no name of a speaker: a phrase ending in one was cut from a clause ("selling his stake at an").
CLAUSE_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "in", "on", "at", "to", "of", "into", "with"})
PHRASE_ENDS_NOT = frozenset({"a", "an", "the", "at", "of", "to", "in", "on", "by", "for", "with", "from", "as", "that", "which", "who"})


def _group_phrase(u: Unit, i: int, j: int) -> str | None:
    """The words naming the speaker when no actor does ("Western leaders and Ukrainian officials")."""
    toks = _group_tokens(u, i, j)
    return " ".join(t.text for t in toks) if toks else None


def _group_tokens(u: Unit, i: int, j: int) -> list[Token] | None:
    """The tokens of :func:`_group_phrase`, or None."""
    toks: list[Token] = list(u.toks[i:j])
    while toks and (
        toks[0].low in (",", "however", "separately", "meanwhile", "but", "and") or toks[0].low in ("“", "”", '"')
    ):
        toks = toks[1:]
    while toks and toks[-1].low in (",", "also", "further", "have", "has", "had", "publicly", "previously"):
        toks = toks[:-1]
    if not toks or len(toks) > 8 or toks[-1].low in PHRASE_ENDS_NOT or toks[-1].low in UNITS_WORDS:
        return None
    if toks[0].text[:1].islower() and re.search(r"(?:ed|ing)$", toks[0].low) and any(t.low in CLAUSE_WORDS for t in toks[1:]):
        return None  # "entered the United", "selling his stake": a clause, not a speaker ("retired generals" is one)
    if not any(t.text[:1].isalpha() and len(t.text) > 2 and t.low not in UNITS_WORDS for t in toks):
        return None  # "35", "the two": no one named
    if all(t.low in NOT_A_SPEAKER_WORD or t.low.endswith("ly") for t in toks):
        return None  # "who has repeatedly pledged": a relative clause's auxiliary and adverb, no one named
    return toks


class _Claims:
    """Figures of one article with their asserters (see the module docstring)."""

    def __init__(self, article: Article) -> None:
        self.art = article
        self.reader = ClauseReader(article)
        self.polling = PollReader(article, [x.start for x in self.reader.units])
        self.polls = self.polling.polls
        self._cues: dict[int, list[tuple[int, int]]] = {}

    def _speech_cues(self, u: Unit) -> list[tuple[int, int]]:
        """:func:`_speech_cues` of the sentence, read once for all its figures."""
        got = self._cues.get(u.start)
        if got is None:
            got = self._cues[u.start] = _speech_cues(u)
        return got

    def _poll_said(self, p: Poll | None) -> Asserter:
        """The poll as a figure's asserter (its pollster's actor, its name); the outlet's own voice
        when there is none."""
        return Asserter(p.actor, p.text, self._published(), (p.start, p.end)) if p is not None else Asserter(None, None, self._published())

    def asserter(self, u: Unit, fig: Figure) -> Asserter:
        for q in getattr(self.art, "quotes", []) or []:
            if q.span.start <= fig.num_start < q.span.end and q.mode in ("act", "question"):
                # "a judge ordered the department to release 15,000 emails", "vowed to hire 500
                # officers": an act ordered or pledged, no figure the speaker asserts; the outlet states it.
                return Asserter(None, None, self._published())
            if q.span.start <= fig.num_start < q.span.end and (q.speaker or q.speaker_text):
                if q.speaker is None and self.polls and (head_word(q.speaker_text or "") in FINDINGS or respondents(q.speaker_text or "")):
                    poll = self.polling.poll_before(fig.num_start, (u.start, u.end))  # "according to the results"
                    if poll is not None:
                        return self._poll_said(poll)
                inner = self._reported_in_quote(u, fig, q.span.start) if q.kind == "direct" else None
                if inner is not None:
                    return inner
                sp = q.speaker_span
                return Asserter(q.speaker, q.speaker_text, q.date, (sp.start, sp.end) if sp else None)
        k = self.reader.tok_index(u, fig.num_start)
        first = self.reader.tok_index(u, fig.start)
        last = max(k, self.reader.tok_index(u, fig.end - 1))
        # Not a cue inside the figure: "an estimated" is its qualifier, "nine states" its unit.
        cues = [c for c in self._speech_cues(u) if c[1] <= first or c[0] > last]
        before = [c for c in cues if c[1] <= k]
        after = [c for c in cues if c[0] > k]
        quoted = any(t.low in ("“", '"') for t in u.toks[:k]) and any(t.low in ("”", '"') for t in u.toks[k:])
        after = [c for c in after if not self._relative(u, c[0])]
        if after and (quoted or not before) and not self._content_after(u, *after[0]):
            i, j = after[0]
            if u.toks[i].low == "according":  # "..., according to a new Gallup poll"
                return self._according(u, fig, j) or Asserter(None, None, self._published())
            if self._figure_is_subject(u, fig, k, i) or self._respondents_subject(u, i):
                # "52 percent of registered voters say ...": respondents answer a poll; the
                # poll asserts the figure (or the outlet, when none is in reach).
                return self._poll_said(self.polling.poll_before(fig.num_start, (u.start, u.end)))
            # "..., the ministry said" or "..., said the ministry"
            who = self._near(u, self._speakers(u, max(0, i - 8), i), i, j) or self._near(u, self._speakers(u, j, min(len(u.toks), j + 8)), i, j)
            if who:
                return self._make(u, who[-1][1], i, j, at=self._party_span(u, who[-1][0]))
            comma = next((x for x in range(i - 1, max(k, i - 7), -1) if u.toks[x].low == ","), None)
            group = _group_tokens(u, comma + 1, i) if comma is not None else None
            if group:  # "..., the aides said": no actor, their words
                return self._make(u, None, i, j, " ".join(t.text for t in group), _tokens_span(group))
        if before:
            i, j = before[-1]
            if u.toks[i].low == "according":
                found = self._according(u, fig, j)
                if found is not None:
                    return found
            elif not self._writers_aside(u, j, k, last):
                found = self._subject_of(u, i, j)
                if found is not None:
                    return found
        if self.polls and self.polling.poll_figure(u.text, fig.unit):
            return self._poll_said(self.polling.poll_before(fig.num_start, (u.start, u.end)))
        return Asserter(None, None, self._published())

    def _reported_in_quote(self, u: Unit, fig: Figure, quote_start: int) -> Asserter | None:
        """A person or organisation the quoted words report as saying the figure ("I saw in the
        news that Trump said his approval was 41 percent"): the reported speaker, not the quoted
        one. Only a named actor: a pronoun ("we said") leaves the quote's speaker."""
        k = self.reader.tok_index(u, fig.num_start)
        cues = [c for c in self._speech_cues(u) if u.toks[c[0]].start >= quote_start and c[1] <= k and u.toks[c[0]].low != "according"]
        if not cues:
            return None
        # "“Trump said it would cost $10 billion, but it will cost $40 billion,” Pelosi said": after
        # a clause break the quoted speaker answers in their own voice.
        lows = [t.low for t in u.toks[cues[-1][1] : k]]
        if any(w in (";", "but", "yet", "however") for w in lows) or any(a == "," and b in ("and", "while") for a, b in itertools.pairwise(lows)) or "fact" in lows:
            return None
        found = self._subject_of(u, *cues[-1])
        if found is None or found.actor is None or found.span is None or found.span[0] < quote_start:
            return None
        if self.art.raw_text[found.span[0] : found.span[1]].lower() in SPEAKER_PRONOUNS:
            return None  # "we have been told": the quoted speaker's side, not someone reported
        return found if self.reader.actor_type(found.actor) in ("PERSON", "ORG") else None

    @staticmethod
    def _relative(u: Unit, i: int) -> bool:
        """The reporting verb at ``i`` opens a relative clause ("Sanders, who says it's
        'disastrous'"): what it reports follows it."""
        return i >= 1 and (u.toks[i - 1].low in ("who", "which") or (i >= 2 and u.toks[i - 2].low in ("who", "which") and u.toks[i - 1].low in AUXILIARY_WORDS))

    def _content_after(self, u: Unit, i: int, j: int) -> bool:
        """The reporting verb at ``i:j`` after a figure says what follows it, not the figure: its
        content comes right after it or its addressee ("Nordstrom informed officials that ...",
        "said: ..."). Not through a phrase of its own: "said Friday in a report that also showed"
        keeps the figure before it."""
        for t in u.toks[j : j + 4]:
            if t.low in (",", ";", ".", ")", "”") or t.low in CONTENT_NOT_AFTER:
                return False
            if t.low in ("that", ":", "“"):
                return True
        return False

    def _writers_aside(self, u: Unit, j: int, k: int, last: int) -> bool:
        """A figure after a reporting verb that is no part of what is reported: the writer's gloss
        after "said," ("..., Ramos said, referring to the Hispanic community, now 17 percent") or
        the addressee before the words ("wrote to his 20,000 Twitter followers, “...”")."""
        between = [t.low for t in u.toks[j:k]]
        if any(a == "," and b in GLOSS_WORDS for a, b in itertools.pairwise(between)):
            return True
        told = u.toks[j - 1].low in TELL_VERBS or (j < len(u.toks) - 1 and u.toks[j].low == "to" and u.toks[j + 1].low in ADDRESSEE_OPENERS)
        if not told or len(between) > 2 or any(t != "to" and t not in ADDRESSEE_OPENERS for t in between):
            return False  # "told the network about 40,000 jobs had been lost": what he told
        return any(t.low in ("“", '"', "that", ":") for t in u.toks[last + 1 : last + 7])

    def _subject_of(self, u: Unit, i: int, j: int) -> Asserter | None:
        """The asserter a reporting verb before the figure names: its subject's actor, or the
        words of a group ("Western leaders and Ukrainian officials") when no single actor."""
        start = self.reader.window_start(u, i, 0)
        # The cue's subject follows the last comma before it ("... in the city of Karsk,
        # state media reported ..."): the parties of the clause before are not its subject.
        commas = [x for x in range(start, i) if u.toks[x].low == ","]
        if commas and 1 <= i - commas[-1] - 1 <= 6 and u.toks[commas[-1] + 1].text[:1].isalpha():
            start = commas[-1] + 1
        if self._respondents_subject(u, i):
            return self._poll_said(self.polling.poll_before(u.toks[i].start, (u.start, u.end)))
        who = self._near(u, self._speakers(u, start, i), i, j)
        group = _group_tokens(u, start, i)
        text = " ".join(t.text for t in group) if group else None
        heads = {t.low for t in u.toks[start:i]}
        if who and not heads & GROUP_HEADS:
            return self._make(u, who[-1][1], i, j, text, self._party_span(u, who[-1][0]))
        if group:
            return self._make(u, None, i, j, text, _tokens_span(group))
        return None

    def _according(self, u: Unit, fig: Figure, j: int) -> Asserter | None:
        """The source after "according to": a poll named there, an actor, or the words."""
        hi = min(len(u.toks), j + 8)
        poll = next((p for p in self.polls if u.toks[j].start <= p.start < u.toks[hi - 1].end), None) if j < len(u.toks) else None
        if poll is not None:
            return self._poll_said(poll)
        who = self.reader.party_at(u, j, hi)
        group = _group_tokens(u, j, min(len(u.toks), j + 6))
        text = " ".join(t.text for t in group) if group else None
        if not who and text and head_word(text) in FINDINGS:
            poll = self.polling.poll_before(u.toks[j].start, (u.start, u.end))  # "according to the results"
            if poll is not None:
                return self._poll_said(poll)
        if who or group:
            at = self._party_span(u, who[-1][0]) if who else _tokens_span(group or [])
            return self._make(u, who[-1][1] if who else None, j - 2, j, text, at)
        return None

    def _figure_is_subject(self, u: Unit, fig: Figure, k: int, i: int) -> bool:
        """A share opens the subject of the reporting verb at ``i`` ("64 percent call him
        competent", "45 percent of registered voters nationwide said"): nothing but its own noun
        phrase between them, no comma or quotation mark, no person or organisation but
        respondents. Other figures ("the rate held at 5.25 percent, the Fed said") are not."""
        if not (set(fig.unit.lower().split()) & {"percent", "share"}):
            return False
        between = u.toks[k + 1 : i]
        if len(between) > 8 or any(t.low in (",", ";", ":", "“", "”", '"', "(", ")") for t in between):
            return False
        return not self.reader.party_at(u, k + 1, i) or any(t.low in RESPONDENTS for t in between)

    def _respondents_subject(self, u: Unit, i: int) -> bool:
        """The reporting verb at ``i`` has respondents for its subject: a share of people ("55
        percent said so", "Nine in 10 Democratic registered voters say"), or voters as such in an
        article that names a poll ("Democratic voters are more likely to say"), and no person or
        organisation: a poll's answer, not anyone's assertion. "Democrats said 30 percent of the
        cuts ..." is the Democrats' claim."""
        start = self._after_last(u, i, (",", ";", ":"))
        subject = u.toks[start:i]
        share = any(t.low in ("percent", "%") for t in subject) or any(a.low == "in" and b.low == "10" for a, b in itertools.pairwise(subject))
        group = bool(self.polls) and any(t.low in RESPONDENT_NOUNS for t in subject) and len(subject) <= 6
        if not (share or group):
            return False
        return not any(self.reader.types.get(a) in ("PERSON", "ORG") for _, a in self.reader.party_at(u, start, i))

    def _after_last(self, u: Unit, i: int, marks: tuple[str, ...]) -> int:
        """Where the words right before the cue at ``i`` start: after the last of ``marks`` in its
        clause, else the clause's start."""
        start = self.reader.window_start(u, i, 0)
        cut = [x for x in range(start, i) if u.toks[x].low in marks]
        return cut[-1] + 1 if cut else start

    def _near(self, u: Unit, who: list[tuple[int, str]], i: int, j: int) -> list[tuple[int, str]]:
        """Speakers that can assert: a person or organisation anywhere in the subject; a place or
        a people only right beside the verb ("Seoul said", "said Russia"), never one named
        further off ("... in nine states: Ohio, Pennsylvania, North Carolina")."""
        types = self.reader.types
        return [(k, a) for k, a in who if types.get(a) in ("PERSON", "ORG") or (k < i and i - k <= 3) or (j <= k <= j + 1)]

    def _speakers(self, u: Unit, i: int, j: int) -> list[tuple[int, str]]:
        """Actors in tokens ``i:j`` that can speak: not one named after a preposition ("stability in
        Europe", "a plant in the city of Harbin") — a place or a modifier, never a subject."""
        return [(k, a) for k, a in self.reader.party_at(u, i, j) if not (k > 0 and u.toks[k - 1].low in NOT_SUBJECT_AFTER)]

    def _published(self) -> DateRange:
        p = self.art.published
        return DateRange(p.earliest, p.latest, p.confidence, f"as of publication ({p.evidence})" if p.known else "")

    def _party_span(self, u: Unit, k: int) -> tuple[int, int]:
        """The characters of the actor mention that starts at token ``k`` (the token's, if none)."""
        t = u.toks[k]
        p = next((p for p in self.reader.parties(u) if p.start <= t.start < p.end), None)
        return (p.start, p.end) if p is not None else (t.start, t.end)

    def _make(self, u: Unit, actor: str | None, i: int, j: int, text: str | None = None, at: tuple[int, int] | None = None) -> Asserter:
        name = text
        if actor and (not name or name.lower() in ("he", "she", "it", "they", "we", "i")):
            name = next((a.name for a in self.art.actors if a.id == actor), None)
        # The date beside the reporting verb ("said in November last year", "on 8 February said").
        # A reporting verb earlier in the sentence may carry it: "told journalists on Tuesday
        # that ...; he estimates that ...": one utterance, one date.
        for ci, cj in [(i, j), *reversed([c for c in self._speech_cues(u) if c[1] <= i])]:
            lo, hi = u.toks[max(0, ci - 4)].start, u.toks[min(len(u.toks) - 1, cj + 3)].end
            for d in self.art.dates:
                since = re.search(r"\b(?:since|from)\s+$", self.art.raw_text[max(0, d.span.start - 7) : d.span.start])
                if lo <= d.span.start < hi and d.type in ("DATE", "TIME") and d.value.known and not since:
                    return Asserter(actor, name, d.value, at)
        return Asserter(actor, name, self._published(), at)

    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        for u in self.reader.units:
            if u.role not in ("title", "body"):
                continue
            for fig in find_figures(u.text, u.start, _excluded(self.art, u.start, u.end)):
                who = self.asserter(u, fig)
                out.append(
                    Claim(
                        article=self.art.id,
                        span=Span.of(self.art.raw_text, fig.start, fig.end),
                        value=fig.value,
                        unit=fig.unit,
                        qualifier=fig.qualifier,
                        about=self.about(u, fig),
                        asserted_by=who.actor,
                        as_of=who.date,
                        asserted_by_text=who.text,
                        asserted_by_span=Span.of(self.art.raw_text, *who.span) if who.span and (who.actor or who.text) else None,
                    )
                )
        return out

    def about(self, u: Unit, fig: Figure) -> str:
        """A few words on what the figure measures: the verb before it, its unit, where it goes."""
        raw = self.art.raw_text
        before = raw[u.start : fig.start].split()
        unit_words = set(fig.unit.lower().split())
        verb = next(
            (w for w in reversed(before[-4:]) if w.isalpha() and w.islower() and w not in UNIT_STOP and len(w) > 3 and w not in unit_words),
            "",
        )
        after = raw[fig.end : u.end]
        pp = re.match(r"\s+((?:to|from|in|into|for|of|at)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", after)
        span = raw[fig.start : fig.end]
        what = span if fig.unit in TIME_UNITS and not span[:1].isdigit() else fig.unit
        parts = [verb, what, pp.group(1) if pp else ""]
        return " ".join(p for p in parts if p).strip()


def extract_claims(article: Article) -> list[Claim]:
    """Every figure of the article's title and body with its qualifier, unit, asserter and date."""
    return _Claims(article).claims()


@stage(
    "newsprism.claims.v1",
    requires=["article.lines", "article.raw_text", "article.sentences", "article.mentions", "article.actors", "article.dates", "article.published", "article.quotes"],
    assigns=["article.claims"],
)
def make_claims() -> Callable[[Article], Article]:
    """Figures someone asserts: value, qualifier, unit, what it measures, who asserts it, as of when."""

    def claims(article: Article) -> Article:
        article.claims = extract_claims(article)
        return article

    return claims


# ----------------------------------------------------------------------------- corpus


def _head(unit: str) -> str:
    w = unit.lower().split()
    if not w:
        return ""
    h = w[-1]
    return h[:-1] if h.endswith("s") and len(h) > 3 else h


def _context_actors(article: Article, claim: Claim) -> frozenset[str]:
    """Actors named in the claim's sentence, less its asserter."""
    s = next((x for x in article.sentences if x.start <= claim.span.start < x.end), None)
    lo, hi = (s.start, s.end) if s else (claim.span.start, claim.span.end)
    return frozenset(
        m.actor
        for m in article.mentions
        if lo <= m.span.start < hi and m.actor != claim.asserted_by and m.kind != "place"
    )


# Estimates of one quantity over time stay within this factor of each other ("1 million shells",
# then "3 million", then "5 million"); figures further apart measure different things (a
# 400,000-crown shipment and a 30-million-crown cost, "2 years" and "22 years").
MAX_RATIO = 5.0


def _same_quantity(a: Claim, b: Claim, ra: tuple[float, float], rb: tuple[float, float]) -> bool:
    """Whether two claims (and the groups they are in, by their value ranges) can measure the same
    quantity: the same unit, values within :data:`MAX_RATIO` of each other across both groups,
    and, where both say what they measure, a word of it in common."""
    ua, ub = (set(re.findall(r"[a-z]{3,}", x.unit.lower())) for x in (a, b))
    if not (ua <= ub or ub <= ua):
        return False  # "152mm artillery shells" and "artillery shells" are one unit; "troops" and "tanks" not
    lo, hi = min(ra[0], rb[0]), max(ra[1], rb[1])
    if lo <= 0 or hi / lo > MAX_RATIO:
        return False
    units = ua | ub | {"more", "than", "about", "some", "nearly", "over", "least"}
    wa, wb = (set(re.findall(r"[a-z]{3,}", x.about.lower())) - units for x in (a, b))
    return not (wa and wb) or bool(wa & wb)


def group_claims(articles: Sequence[Article]) -> list[Claim]:
    """All claims, each with a ``group`` id shared by those about the same quantity, by group and date."""
    items: list[tuple[Claim, str, frozenset[str]]] = []
    for art in articles:
        for c in art.claims:
            items.append((c, _head(c.unit), _context_actors(art, c)))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (_, head, _) in enumerate(items):
        if head:
            blocks[head].append(i)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    span = {i: (abs(c.value), abs(c.value)) for i, (c, _, _) in enumerate(items)}
    for head, block in blocks.items():
        if head == "percent":
            continue  # a share of different things; only the same sentence context would tell
        by_actor: dict[str, list[int]] = defaultdict(list)
        for i in block:
            for actor in items[i][2]:
                by_actor[actor].append(i)
        for group in by_actor.values():
            # Each figure is compared with every earlier one of its actor, not only the first (a
            # first figure of another quantity kept two estimates of one apart; review, #22).
            for n, i in enumerate(group):
                for j in group[:n]:
                    a, b = find(i), find(j)
                    if a == b or not _same_quantity(items[i][0], items[j][0], span[a], span[b]):
                        continue
                    parent[a] = b
                    span[b] = (min(span[a][0], span[b][0]), max(span[a][1], span[b][1]))
                    break
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    out: list[Claim] = []
    for group in members.values():
        key = "|".join(sorted(f"{items[j][0].article}:{items[j][0].span.start}" for j in group))
        gid = f"q-{items[group[0]][1] or 'figure'}-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        for j in group:
            items[j][0].group = gid
            out.append(items[j][0])
    out.sort(key=lambda c: (c.group or "", c.as_of.earliest or c.as_of.latest or "9999", c.article, c.span.start))
    return out


@stage(
    "newsprism.claims.corpus.v1",
    kind="corpus",
    requires=["article.claims", "article.mentions", "article.sentences", "dossier.actors"],
    assigns=["dossier.claims", "article.claims"],
)
def make_claims_corpus() -> Callable[[Dossier], Dossier]:
    """Claims of every article, grouped by the quantity they measure and ordered by date."""

    def claims_corpus(dossier: Dossier) -> Dossier:
        from newsprism.stages.events import actor_remap

        remap = actor_remap(dossier) if dossier.actors else {}
        for a in dossier.articles:
            for c in a.claims:
                if c.asserted_by in remap:
                    c.asserted_by = remap[c.asserted_by]
        dossier.claims = group_claims(dossier.articles)
        return dossier

    return claims_corpus


__all__ = [
    "Figure",
    "extract_claims",
    "find_figures",
    "group_claims",
    "make_claims",
    "make_claims_corpus",
    "parse_value",
]
