"""Temporal expressions in news text: find them, type them and normalise them to TimeML values.

A rule-based tagger in the spirit of HeidelTime (Strötgen & Gertz, 2013) and SUTime (Chang &
Manning, 2012), written from scratch for newswire English. Every expression is typed with the
TimeML TIMEX3 types (``DATE``, ``TIME``, ``DURATION``, ``SET``) and gets a TimeML ``value``
("2024-06-24", "2024-W25", "P3D", "PRESENT_REF", "XXXX-02-08" ...) plus the calendar interval
it denotes, resolved against an *anchor* (the article's date) when one is known.

Conventions follow the TimeBank / TempEval-3 annotations where they are consistent:

* spans leave out the preposition ("on Monday" -> "Monday", "since 2000" -> "2000") but keep
  modifiers that change the meaning ("early August", "nearly two years", "last week");
* a weekday is placed by the tense of its clause: past -> the one on or before the anchor
  ("said Friday" on a Friday is that Friday), future -> the one on or after it, otherwise the
  nearest one, days ahead counting double (news reports more than it announces);
* a date or month without a year takes the nearest occurrence, leaning the way the clause's
  tense points: a past clause may still name a date a few weeks ahead ("payable Dec. 15"),
  never one months ahead;
* "a year ago" in an earnings report means the same quarter a year earlier (TimeBank's WSJ
  files annotate it so), so comparison phrases use the last quarter mentioned nearby;
* seasons are meteorological, northern hemisphere; "2025-WI" is December 2024 to February 2025.

The module is a pure library: :func:`find_timexes` tags a text, :func:`resolve` re-anchors one
expression cheaply (no re-parsing) for publication-date inference, where the caller tries many
candidate anchors.

Example:
    >>> from datetime import date
    >>> [t.value for t in find_timexes("North Korea on Monday criticized the drills.", date(2024, 6, 25))]
    ['2024-06-24']
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

__all__ = ["Spec", "Timex", "find_timexes", "resolve"]

# --------------------------------------------------------------------------- public records


@dataclass(frozen=True, slots=True)
class Spec:
    """What an expression says, before it is placed on the calendar.

    ``resolve`` turns a spec and an anchor into a value and an interval, so re-anchoring an
    expression never re-reads its text. Fields are used per ``kind``; unused ones stay None.

    Attributes:
        kind: the construct ("date", "month", "weekday", "unit_rel", "duration", "fuzzy", ...).
        year: an explicit year, when the text gives one.
        month: 1..12.
        day: 1..31.
        n: a small index whose meaning depends on kind (quarter, half, weekday 0=Monday,
            season index, century, decade's first year).
        unit: a calendar unit: "D", "W", "M", "Q", "Y", "WE" (weekend), "DE" (decade).
        offset: a signed count of units (-1 for "last", +1 for "next", -20 for "20 years ago").
        mode: how to place an underspecified expression: "last", "next", "this", "tense".
        tod: time of day, "HH:MM" or a TimeML part of day ("MO", "AF", "EV", "NI").
        part: "START", "MID" or "END" for early/mid/late, or "EARLIER"/"LATER" (up to/from now).
        value: a fixed TimeML value (durations, sets, PRESENT_REF ...).
        mod: the TimeML mod the expression carries ("APPROX", "MORE_THAN" ...).
        inner: the expression this one is built on (fuzzy parts, "since", "a year earlier").
        alts: candidate references, most recent first, for phrases that lean on an earlier
            mention ("the quarter", "a year ago"); the first one already over at the anchor wins.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    n: int | None = None
    unit: str | None = None
    offset: int = 0
    mode: str = ""
    tod: str | None = None
    part: str | None = None
    value: str | None = None
    mod: str | None = None
    inner: Spec | None = None
    alts: tuple[Spec, ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression, with character offsets into the text that was tagged.

    Attributes:
        start: offset of the first character; ``text[start:end] == self.text``.
        end: offset after the last character.
        text: the expression as written.
        type: TimeML TIMEX3 type: "DATE", "TIME", "DURATION" or "SET".
        value: TimeML value, resolved against the anchor when there is one.
        earliest: first day of the calendar interval the expression denotes, or None.
        latest: last day of that interval, or None.
        confidence: 0..1, high for explicit dates, lower for inferred years and fuzzy parts.
        evidence: how the value was reached, quoting the text and naming the anchor.
        relative: True when the value depends on the anchor.
        mod: TimeML mod ("START", "MID", "END", "APPROX", "ON_OR_AFTER" ...).
        tense: tense of the clause around the expression: "past", "present", "future", "none".
        rule: name of the rule that found the expression.
        spec: what the expression says, kept so :func:`resolve` needs no re-parsing.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: date | None
    latest: date | None
    confidence: float
    evidence: str
    relative: bool
    mod: str | None = None
    tense: str = "none"
    rule: str = field(default="", compare=False)
    spec: Spec | None = field(default=None, repr=False, compare=False)


# --------------------------------------------------------------------------- lexicons

# Guessing the year of "Dec. 15" or "in March" (see _pick_year). A day against the clause's
# tense counts AGAINST_TENSE times a day with it, and is ruled out past AGAINST_TENSE_DAYS
# (a month or season: AGAINST_TENSE_DAYS_PERIOD). TimeBank's past-tense clauses still hold
# dates just ahead of the DCT ("payable Dec. 15", "had been set to expire Nov. 6"); on its
# 201 shared files, value accuracy moves by under 0.005 for factors 3-20 and caps 30-60 days.
AGAINST_TENSE = 4.0
AGAINST_TENSE_DAYS = 45
AGAINST_TENSE_DAYS_PERIOD = 15

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [calendar.month_name[i] for i in range(13)]
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_NAMES = list(calendar.day_name)
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "dozen": 12, "couple": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip
# Vague quantities: TimeML writes an unknown count as X ("PXY").
VAGUE = {"few", "several", "some", "many", "a few", "the few", "numerous", "countless"}
# Meteorological seasons (northern hemisphere): TimeML code, first month, last month.
SEASONS: dict[str, tuple[str, int, int]] = {
    "spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "fall": ("FA", 9, 11), "autumn": ("FA", 9, 11),
    "winter": ("WI", 12, 2),
}  # fmt: skip
SEASON_ORDER = ["SP", "SU", "FA", "WI"]
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}  # fmt: skip
# Duration units: TimeML letter, whether it is a time (PT...) unit, how many base units.
DUR_UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("M", False, 3), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100), "centurie": ("Y", False, 100), "millennium": ("Y", False, 1000),
    "millennia": ("Y", False, 1000), "weekend": ("WE", False, 1),
}  # fmt: skip
# A fraction of a unit is written in the next smaller unit ("2 1/2 hours" -> PT2H30M).
SMALLER: dict[str, tuple[str, bool, int]] = {
    "Y": ("M", False, 12),
    "W": ("D", False, 7),
    "D": ("H", True, 24),
    "H": ("M", True, 60),
}
# Fixed-date holidays, and the rule-based ones computed in _holiday_date.
HOLIDAYS: dict[str, tuple[int, int] | None] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year's": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "veterans day": (11, 11), "veterans' day": (11, 11),
    "thanksgiving": None, "thanksgiving day": None, "easter": None, "easter sunday": None,
    "election day": None, "labor day": None, "memorial day": None, "good friday": None,
}  # fmt: skip
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "earlier": "PAST_REF", "at the time": "PAST_REF", "in the old days": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}  # fmt: skip

# --------------------------------------------------------------------------- regex building blocks


def _caps(words: Iterable[str]) -> str:
    """Alternation of proper names in Title case or ALL CAPS (never lower case: "may", "march")."""
    out: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        out.append(w[0].upper() + w[1:])
        out.append(w.upper())
    return "|".join(out)


_MONTH_FULL = _caps([m for m in MONTH_NAMES[1:]])
_MONTH_ABBR = _caps(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"])
# An abbreviation needs its period, or a day number right after it ("Jan 5"): "Jan" alone is a name.
MONTH = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})(?:\.|\b(?=\s*[0-9])))"
WEEKDAY = rf"(?:{_caps(WEEKDAYS)})\b"
DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9]|,[0-9]{3}|\.[0-9]|%|-)\b"
_ORD_WORDS = "|".join(sorted((k for k in ORDINALS if k.isalpha() or "-" in k), key=len, reverse=True))
YEAR = r"(?<![0-9$£€.,:/#])(?<![0-9]-)(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|,[0-9]|\.[0-9]|:[0-9]|%|-[a-z])"
_UNITW = "one|two|three|four|five|six|seven|eight|nine"
_TEENW = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENSW = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = rf"(?:(?:{_TENSW})(?:[- ](?:{_UNITW}))?|{_TEENW}|{_UNITW}|zero)(?:\s+(?:hundred|thousand))?"
NUMDIG = r"(?<![0-9.,$])[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?(?:\s+[0-9]/[0-9]{1,2})?(?![0-9])"
VAGUE_RE = r"(?:a\s+few|few|several|some|many|numerous|dozens\s+of|a\s+number\s+of)"
COUPLE_RE = r"(?:a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen)"
NUM = rf"(?:{NUMDIG}|{NUMWORD}|{COUPLE_RE}|{VAGUE_RE}|a|an|half\s+an?|a\s+half)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a)|weekends?|nights?)\b"
DUR_MOD = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|more\s+than|over|less\s+than|under|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|just\s+over|"
    r"just\s+under|well\s+over|well\s+under|barely|a\s+mere|close\s+to|upwards\s+of)"
)
MOD_OF: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "well under": "LESS_THAN",
    "barely": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS",
}  # fmt: skip
TZ = r"(?:[ECMP][SD]T|ET|GMT|UTC|BST|CET|CEST|local\s+time|Moscow\s+time|Beijing\s+time)\b"
AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b|[aApP]\.[mM]\b)"

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ", "\u2007": " ", "\u2009": " ",
        "\u202f": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ", "\u2010": "-", "\u2011": "-",
        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00ad": "-",
    }
)  # fmt: skip


def _normalise(text: str) -> str:
    """Same-length copy with curly quotes, odd spaces and dashes made ASCII, so offsets stay valid."""
    return text.translate(_TRANSLATE)


def _lower(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


# --------------------------------------------------------------------------- small date helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _season_bounds(y: int, code: str) -> tuple[date, date]:
    """Interval of season ``code`` of year ``y``; winter y runs December y-1 to February y."""
    if code == "WI":
        return date(y - 1, 12, 1), _month_end(y, 2)
    first = {"SP": 3, "SU": 6, "FA": 9}[code]
    return date(y, first, 1), _month_end(y, first + 2)


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _nth_weekday(y: int, m: int, wd: int, nth: int) -> date:
    """The nth (1-based; -1 = last) weekday ``wd`` of month m."""
    if nth > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = _month_end(y, m)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _holiday_date(name: str, y: int) -> date:
    fixed = HOLIDAYS.get(name)
    if fixed is not None:
        return date(y, *fixed)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if name.startswith("easter"):
        return _easter(y)
    if name == "good friday":
        return _easter(y) - timedelta(days=2)
    if name == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    raise ValueError(name)


def _pick_year(
    candidates: list[tuple[date, date, int]], anchor: date, tense: str, mode: str
) -> tuple[date, date, int, str]:
    """Choose among yearly occurrences (earliest, latest, year) of an expression without a year.

    ``mode`` "last"/"next" ask for the occurrence strictly before/after the anchor; "this" for
    the one in the anchor's year. Otherwise the nearest occurrence wins, with distances in the
    direction the clause tense argues against counted :data:`AGAINST_TENSE` times over: a past
    clause can still mention a date a few days ahead ("had been set to expire Nov. 6"), but not
    one a year back when the same date is close. Without a tense, days ahead count double,
    since news reports more than it announces. Returns the choice and a phrase saying why.
    """
    cands = sorted(candidates)
    at = f"the anchor {anchor.isoformat()}"
    if mode == "last":
        c = [c for c in cands if c[1] < anchor][-1]
        return c[0], c[1], c[2], f"'last': the latest one before {at}"
    if mode == "next":
        c = next(c for c in cands if c[0] > anchor)
        return c[0], c[1], c[2], f"'next': the first one after {at}"
    if mode == "this":
        same = [c for c in cands if c[2] == anchor.year]
        if same:
            c = same[0]
            return c[0], c[1], c[2], f"'this': the one in the year of {at}"
    containing = [c for c in cands if c[0] <= anchor <= c[1]]
    if containing:
        c = containing[0]
        return c[0], c[1], c[2], f"the one containing {at}"
    ahead_w, back_w = {"past": (AGAINST_TENSE, 1.0), "future": (1.0, AGAINST_TENSE)}.get(tense, (2.0, 1.0))

    def cost(c: tuple[date, date, int]) -> float:
        ahead = c[0] > anchor
        days = (c[0] - anchor).days if ahead else (anchor - c[1]).days
        weight = ahead_w if ahead else back_w
        span = (c[1] - c[0]).days
        # A whole month or season against the tense gets less slack than a single day does.
        if weight == AGAINST_TENSE and days > (AGAINST_TENSE_DAYS if span < 27 else AGAINST_TENSE_DAYS_PERIOD):
            return float("inf")  # too far against the tense to be a slip of the dateline
        return days * weight

    c = min(cands, key=lambda c: (cost(c), c[0] > anchor))
    if tense == "past":
        why = f"in a past-tense clause: the nearest one, favouring those on or before {at}"
    elif tense == "future":
        why = f"in a future-tense clause: the nearest one, favouring those on or after {at}"
    else:
        why = f"in {_TENSE_WORD.get(tense, 'a clause with no tense cue')}: the nearest one to {at}"
    return c[0], c[1], c[2], why


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class _Res:
    value: str
    earliest: date | None
    latest: date | None
    confidence: float
    why: str
    relative: bool
    mod: str | None = None


def _interval_value(unit: str, d: date) -> tuple[str, date, date]:
    """TimeML value and interval of the calendar ``unit`` containing day d."""
    if unit == "D":
        return d.isoformat(), d, d
    if unit == "W":
        s = _week_start(d)
        return _week_value(d), s, s + timedelta(days=6)
    if unit == "WE":
        s = _week_start(d)
        return _week_value(d) + "-WE", s + timedelta(days=5), s + timedelta(days=6)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}", date(d.year, d.month, 1), _month_end(d.year, d.month)
    if unit == "Q":
        q = _quarter_of(d)
        return f"{d.year:04d}-Q{q}", date(d.year, 3 * q - 2, 1), _month_end(d.year, 3 * q)
    if unit == "H":
        h = 1 if d.month <= 6 else 2
        return f"{d.year:04d}-H{h}", date(d.year, 6 * h - 5, 1), _month_end(d.year, 6 * h)
    if unit == "DE":
        y0 = d.year - d.year % 10
        return f"{y0 // 10:03d}", date(y0, 1, 1), date(y0 + 9, 12, 31)
    if unit == "C":
        y0 = d.year - d.year % 100
        return f"{y0 // 100:02d}", date(y0, 1, 1), date(y0 + 99, 12, 31)
    return f"{d.year:04d}", date(d.year, 1, 1), date(d.year, 12, 31)


def _shift(d: date, unit: str, k: int) -> date:
    """Day d moved by k calendar units (months keep the day where the month allows)."""
    if unit == "D":
        return d + timedelta(days=k)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=k)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "C": 1200}[unit]
    y, m = _add_months(d.year, d.month, k * months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_UNIT_NAME = {
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "H": "half-year",
    "Y": "year",
    "DE": "decade",
    "C": "century",
}
_UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "H": "XXXX-HX",
    "Y": "XXXX",
    "DE": "XXX",
    "C": "XX",
}
_TENSE_WORD = {
    "past": "a past-tense clause",
    "future": "a future-tense clause",
    "present": "a present-tense clause",
    "none": "a clause with no tense cue",
}


def _at(a: date | None) -> str:
    return f"the anchor {a.isoformat()}" if a else "no anchor"


def _r_date(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.month is not None and s.day is not None
    if s.year is not None:
        d = date(s.year, s.month, s.day)
        return _Res(d.isoformat(), d, d, 0.95, "an explicit calendar date", False)
    name = f"{s.day} {MONTH_NAMES[s.month]}"
    if a is None:
        return _Res(
            f"XXXX-{s.month:02d}-{s.day:02d}", None, None, 0.6, f"{name} has no year and there is no anchor", True
        )
    cands = []
    for y in range(a.year - 4, a.year + 5):
        if s.day <= calendar.monthrange(y, s.month)[1]:
            d = date(y, s.month, s.day)
            cands.append((d, d, y))
    if s.n is not None:  # "Friday, Oct. 23": the weekday picks the year when it can
        fitting = [c for c in cands if c[0].weekday() == s.n and abs(c[2] - a.year) <= 1]
        if fitting:
            best = min(fitting, key=lambda c: abs((c[0] - a).days))
            why = f"{name} has no year; {WEEKDAY_NAMES[s.n]} fits {best[2]}, near {_at(a)}"
            return _Res(best[0].isoformat(), best[0], best[0], 0.9, why, True)
    first, _, _, why = _pick_year(cands, a, tense, s.mode)
    return _Res(first.isoformat(), first, first, 0.8, f"{name} has no year; {why}", True)


def _r_month(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.month is not None
    mname = MONTH_NAMES[s.month]
    if s.year is not None:
        return _Res(
            f"{s.year:04d}-{s.month:02d}",
            date(s.year, s.month, 1),
            _month_end(s.year, s.month),
            0.92,
            "an explicit month and year",
            False,
        )
    if a is None:
        return _Res(f"XXXX-{s.month:02d}", None, None, 0.5, f"{mname} has no year and there is no anchor", True)
    if s.mode == "yrel":  # "August last year"
        y = a.year + s.offset
        return _Res(
            f"{y:04d}-{s.month:02d}",
            date(y, s.month, 1),
            _month_end(y, s.month),
            0.85,
            f"{mname} of the year {s.offset:+d} from {_at(a)}",
            True,
        )
    cands = [(date(y, s.month, 1), _month_end(y, s.month), y) for y in range(a.year - 2, a.year + 3)]
    first, last, y, why = _pick_year(cands, a, tense, s.mode)
    return _Res(f"{y:04d}-{s.month:02d}", first, last, 0.75, f"{mname} has no year; {why}", True)


def _r_year(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.year is not None
    return _Res(f"{s.year:04d}", date(s.year, 1, 1), date(s.year, 12, 31), 0.9, "an explicit year", False)


def _r_decade(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.n is not None
    y0 = s.n
    relative = False
    if y0 < 100:  # "the nineties", "the '90s": the latest such decade not after the anchor
        relative = a is not None
        base = (a.year // 100) * 100 if a else 1900
        y0 += base
        if a is not None and y0 > a.year:
            y0 -= 100
    return _Res(f"{y0 // 10:03d}", date(y0, 1, 1), date(y0 + 9, 12, 31), 0.85, "a decade", relative)


def _r_century(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.n is not None
    y0 = (s.n - 1) * 100
    why = f"century {s.n} (TimeML writes its first two digits)"
    return _Res(f"{s.n - 1:02d}", date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31), 0.85, why, False)


def _r_quarter(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.n is not None
    unit_len, letter = (3, "Q") if s.kind == "quarter" else (6, "H")
    if s.year is not None:
        y = s.year
        why = "an explicit quarter and year" if s.kind == "quarter" else "an explicit half-year"
    elif a is None:
        return _Res(f"XXXX-{letter}{s.n}", None, None, 0.5, "no year given and no anchor", True)
    else:
        y = a.year + s.offset
        # An earnings report in January about the fourth quarter means last year's.
        if s.offset == 0 and s.n > (a.month - 1) // unit_len + 1 and tense == "past":
            y -= 1
        why = f"no year given: the year of {_at(a)}" + (f" shifted by {s.offset}" if s.offset else "")
    first = date(y, unit_len * s.n - unit_len + 1, 1)
    return _Res(
        f"{y:04d}-{letter}{s.n}", first, _month_end(y, unit_len * s.n), 0.85 if s.year else 0.75, why, s.year is None
    )


def _r_season(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.value is not None
    code = s.value
    if s.year is not None:
        first, last = _season_bounds(s.year, code)
        return _Res(f"{s.year:04d}-{code}", first, last, 0.85, "an explicit season and year", False)
    if a is None:
        return _Res(f"XXXX-{code}", None, None, 0.5, "a season with no year and no anchor", True)
    cands = [(*_season_bounds(y, code), y) for y in range(a.year - 2, a.year + 3)]
    first, last, y, why = _pick_year(cands, a, tense, s.mode)
    return _Res(f"{y:04d}-{code}", first, last, 0.7, f"a season with no year; {why}", True)


def _r_holiday(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.value is not None
    if s.year is not None:
        d = _holiday_date(s.value, s.year)
        return _Res(d.isoformat(), d, d, 0.9, "a holiday in an explicit year", False)
    if a is None:
        return _Res("XXXX-XX-XX", None, None, 0.4, "a holiday with no year and no anchor", True)
    cands = [(d, d, y) for y in range(a.year - 2, a.year + 3) for d in [_holiday_date(s.value, y)]]
    first, _, _, why = _pick_year(cands, a, tense, s.mode)
    return _Res(first.isoformat(), first, first, 0.75, f"a holiday with no year; {why}", True)


def _r_weekday(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.n is not None
    wname = WEEKDAY_NAMES[s.n]
    if a is None:
        return _Res(f"XXXX-WXX-{s.n + 1}", None, None, 0.4, f"{wname} with no anchor", True)
    at = _at(a)
    back = (a.weekday() - s.n) % 7
    fwd = (s.n - a.weekday()) % 7
    if s.mode == "nearest":
        tense = "none"
    if s.mode == "last":
        d, why = a - timedelta(days=back or 7), f"the last {wname} before {at}"
    elif s.mode == "next":
        d, why = a + timedelta(days=fwd or 7), f"the next {wname} after {at}"
    elif s.mode == "past" or (s.mode != "future" and tense == "past"):
        d, why = a - timedelta(days=back), f"in {_TENSE_WORD['past']}: the {wname} on or before {at}"
    elif s.mode == "future" or tense == "future":
        d, why = a + timedelta(days=fwd), f"in {_TENSE_WORD['future']}: the {wname} on or after {at}"
    elif back <= 2 * fwd:
        # Days ahead count double: an unmarked weekday in news is mostly one just past.
        d, why = a - timedelta(days=back), f"in {_TENSE_WORD[tense]}: the nearest {wname}, on or before {at}"
    else:
        d, why = a + timedelta(days=fwd), f"in {_TENSE_WORD[tense]}: the nearest {wname}, after {at}"
    return _Res(d.isoformat(), d, d, 0.75, why, True)


def _r_weekend(s: Spec, a: date | None, tense: str) -> _Res:
    if a is None:
        return _Res("XXXX-WXX-WE", None, None, 0.4, "a weekend with no anchor", True)
    at = _at(a)
    if s.mode == "last":
        d, why = a - timedelta(days=7), f"the weekend before the week of {at}"
    elif s.mode == "next":
        d, why = a + timedelta(days=7), f"the weekend after the week of {at}"
    elif a.weekday() >= 5:
        d, why = a, f"the weekend containing {at}"
    elif tense == "future" or (tense != "past" and a.weekday() >= 3):
        d, why = a, f"in {_TENSE_WORD[tense]}: the weekend ending the week of {at}"
    else:
        d, why = a - timedelta(days=7), f"in {_TENSE_WORD[tense]}: the weekend just before {at}"
    value, first, last = _interval_value("WE", d)
    return _Res(value, first, last, 0.7, why, True)


def _r_unit_rel(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.unit is not None
    uname = _UNIT_NAME[s.unit]
    if a is None:
        return _Res(_UNKNOWN[s.unit], None, None, 0.4, f"a {uname} counted from an unknown anchor", True)
    at = _at(a)
    value, first, last = _interval_value(s.unit, _shift(a, s.unit, s.offset))
    n = abs(s.offset)
    if s.offset == 0:
        why = f"the {uname} containing {at}"
    else:
        why = f"{n} {uname}{'s' if n > 1 else ''} {'before' if s.offset < 0 else 'after'} {at}"
    return _Res(value, first, last, 0.85 if n <= 1 else 0.75, why, True)


def _r_ref(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.value is not None
    word = s.value.split("_")[0].lower()
    if a is None:
        return _Res(s.value, None, None, 0.6, f"a reference to the {word}, with no anchor", True)
    if s.value == "PRESENT_REF":
        return _Res(s.value, a, a, 0.7, f"the present, taken as {_at(a)}", True)
    if s.value == "PAST_REF":
        return _Res(s.value, None, a, 0.6, f"some time before {_at(a)}", True)
    return _Res(s.value, a, None, 0.6, f"some time after {_at(a)}", True)


def _r_fixed(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.value is not None
    if s.kind == "unknown":
        return _Res(s.value, None, None, 0.3, "a time named only by reference to an unknown event", True)
    why = "a length of time" if s.kind == "duration" else "a recurring time"
    return _Res(s.value, None, None, 0.85 if "X" not in s.value else 0.6, why, False)


def _r_time(s: Spec, a: date | None, tense: str) -> _Res:
    tod = s.tod or "XX"
    if s.inner is None:
        if a is None:
            return _Res(f"XXXX-XX-XXT{tod}", None, None, 0.5, "a time of day with no anchor", True)
        return _Res(f"{a.isoformat()}T{tod}", a, a, 0.75, f"a time of day, on the day of {_at(a)}", True)
    r = _resolve_spec(s.inner, a, tense)
    base = r.value
    if len(base) != 10 or not base[:4].isdigit():  # only a day can carry a time of day
        base = "XXXX-XX-XX"
    return _Res(f"{base}T{tod}", r.earliest, r.latest, r.confidence * 0.95, r.why + ", at a time of day", r.relative)


def _r_fuzzy(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.inner is not None and s.part is not None
    r = _resolve_spec(s.inner, a, tense)
    first, last = r.earliest, r.latest
    word = {"START": "early", "MID": "mid", "END": "late", "EARLIER": "earlier in", "LATER": "later in"}[s.part]
    mod = {"EARLIER": "START", "LATER": "END"}.get(s.part, s.part)
    narrow = "to a third of the period"
    if first is not None and last is not None:
        n = (last - first).days + 1
        if s.part in ("EARLIER", "LATER") and a is not None and first <= a <= last:
            # "earlier this month": from its start up to now; "later this year": from now on.
            first, last = (first, a) if s.part == "EARLIER" else (a, last)
            narrow = "to the part before the anchor" if s.part == "EARLIER" else "to the part after the anchor"
        elif n >= 3 and s.part in ("START", "MID", "END"):
            first, last = _third(first, last, s.part)
    return _Res(r.value, first, last, r.confidence * 0.85, f"{r.why}; '{word}' narrows it {narrow}", r.relative, mod)


def _third(first: date, last: date, part: str) -> tuple[date, date]:
    """First, middle or last third of [first, last], cut at whole years or months where it can.

    "early 1980s" is 1980-1983, "mid-2023" May to August, "early August" the 1st to the 10th.
    """
    whole_months = first.day == 1 and last == _month_end(last.year, last.month)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if whole_months and months >= 3:
        if months % 12 == 0 and months >= 36:
            years = months // 12
            i, j = -(-years // 3), years - years // 3  # 10 years -> 4 / 3 / 3
            lo, hi = {"START": (0, i - 1), "MID": (i, j - 1), "END": (j, years - 1)}[part]
            return date(first.year + lo, 1, 1), date(first.year + hi, 12, 31)
        i, j = -(-months // 3), months - months // 3
        lo, hi = {"START": (0, i - 1), "MID": (i, j - 1), "END": (j, months - 1)}[part]
        y1, m1 = _add_months(first.year, first.month, lo)
        y2, m2 = _add_months(first.year, first.month, hi)
        return date(y1, m1, 1), _month_end(y2, m2)
    n = (last - first).days + 1
    i, j = n // 3, 2 * n // 3
    lo, hi = {"START": (0, i - 1), "MID": (i, j - 1), "END": (j, n - 1)}[part]
    return first + timedelta(days=lo), first + timedelta(days=hi)


def _r_since(s: Spec, a: date | None, tense: str) -> _Res:
    assert s.inner is not None
    # "since March": whatever the clause, the start lies before the anchor.
    r = _resolve_spec(s.inner, a, "past")
    last = r.latest
    if a is not None and r.earliest is not None and r.earliest <= a:
        last = a
    return _Res(
        r.value, r.earliest, last, r.confidence, f"{r.why}; 'since' runs it up to {_at(a)}", r.relative, "ON_OR_AFTER"
    )


def _r_shift(s: Spec, a: date | None, tense: str) -> _Res:
    # "a year earlier", "the following month", "the quarter": another expression, moved.
    assert s.unit is not None
    ref = s.inner
    if s.alts:
        # The first earlier mention already over at the anchor: a comparison "a year ago"
        # is with a reported period, not with the quarter a forecast is about.
        ref = s.alts[0]
        if a is not None:
            for alt in s.alts:
                ra = _resolve_spec(alt, a, tense)
                if ra.latest is not None and ra.latest < a:
                    ref = alt
                    break
    if ref is None:
        r = _resolve_spec(Spec("unit_rel", unit=s.unit, offset=s.offset), a, tense)
        return _Res(r.value, r.earliest, r.latest, r.confidence * 0.8, r.why, True, s.mod)
    r = _resolve_spec(ref, a, tense)
    moved = f"{s.offset:+d} {_UNIT_NAME[s.unit]} from " if s.offset else ""
    if r.earliest is None:
        return _Res(
            _UNKNOWN.get(s.unit, "XXXX"),
            None,
            None,
            0.3,
            f"{moved}an expression before it that has no date",
            r.relative,
            s.mod,
        )
    # A comparison period keeps the reference's grain ("a year ago" after a quarter is a
    # quarter); "later that year" after a month is a year.
    gran = _granularity(r.value) or s.unit
    unit = gran if s.mode == "same-grain" else _coarser(gran, s.unit)
    value, first, last = _interval_value(unit, _shift(r.earliest, s.unit, s.offset))
    return _Res(value, first, last, r.confidence * 0.7, f"{moved}the {r.value} mentioned before it", r.relative, s.mod)


_RESOLVERS: dict[str, Callable[[Spec, date | None, str], _Res]] = {
    "date": _r_date, "month": _r_month, "year": _r_year, "decade": _r_decade, "century": _r_century,
    "quarter": _r_quarter, "half": _r_quarter, "season": _r_season, "holiday": _r_holiday,
    "weekday": _r_weekday, "weekend": _r_weekend, "unit_rel": _r_unit_rel, "ref": _r_ref,
    "duration": _r_fixed, "set": _r_fixed, "unknown": _r_fixed, "time": _r_time, "fuzzy": _r_fuzzy,
    "since": _r_since, "shift": _r_shift,
}  # fmt: skip


def _resolve_spec(s: Spec, anchor: date | None, tense: str) -> _Res:
    """Value and interval of spec s against anchor (None: anchor-dependent parts stay unknown)."""
    return _RESOLVERS[s.kind](s, anchor, tense)


_GRAN_ORDER = ["D", "W", "WE", "M", "Q", "H", "Y", "DE", "C"]


def _coarser(u1: str, u2: str) -> str:
    """The coarser of two calendar units ("the following year" after a day is a year)."""
    i1 = _GRAN_ORDER.index(u1) if u1 in _GRAN_ORDER else 0
    i2 = _GRAN_ORDER.index(u2) if u2 in _GRAN_ORDER else 0
    u = _GRAN_ORDER[max(i1, i2)]
    return "W" if u == "WE" else u


def _granularity(value: str) -> str | None:
    """Calendar unit of a TimeML value ("2024-Q3" -> "Q"), None for non-calendar values."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "D"
    if re.fullmatch(r"[0-9]{4}-W[0-9]{2}", value):
        return "W"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return "M"
    if re.fullmatch(r"[0-9]{4}-Q[1-4]", value):
        return "Q"
    if re.fullmatch(r"[0-9]{4}-H[12]", value):
        return "H"
    if re.fullmatch(r"[0-9]{4}", value):
        return "Y"
    return None


def _make(start: int, text: str, typ: str, spec: Spec, rule: str, anchor: date | None, tense: str) -> Timex:
    try:
        r = _resolve_spec(spec, anchor, tense)
    except (ValueError, OverflowError, IndexError):
        # A shift past year 1 or 9999, or 29 February in a run of non-leap years: keep the span.
        r = _Res(
            _UNKNOWN.get(spec.unit or "D", "XXXX-XX-XX"), None, None, 0.2, "could not be placed on the calendar", True
        )
    if r.earliest is not None and r.latest is not None and r.earliest > r.latest:
        r = replace(r, latest=r.earliest)
    mod = r.mod or spec.mod
    evidence = f"'{text}': {r.why}"
    return Timex(
        start,
        start + len(text),
        text,
        typ,
        r.value,
        r.earliest,
        r.latest,
        round(r.confidence, 2),
        evidence,
        r.relative,
        mod,
        tense,
        rule,
        spec,
    )


# --------------------------------------------------------------------------- tense


def _words(s: str) -> set[str]:
    """A word list written as one space-separated string."""
    return set(s.split())


_PAST_IRREGULAR = _words(
    "said told met left came went took gave made got began fell rose won lost saw found held sent spoke "
    "wrote brought bought sold paid led ran struck fled flew fought broke chose drove grew knew threw "
    "became stood sat spent built felt kept meant heard sought taught thought caught shot sank swore "
    "arose awoke forgot withdrew overtook undertook underwent forbade hid slid stole swept wept woke beat "
    "dealt drew froze lent lit mistook oversaw rode rang sprang stuck stung strove tore trod upheld "
    "withheld wore"
)  # fmt: skip
_MODAL_FUTURE = {"will", "'ll", "shall", "would", "wo", "gonna"}
# Words that mark a future only when "to"/"for" follows: "plans to", "is scheduled for".
_FUTURE_TO = _words(
    "plans plan planned planning scheduled expected expects expect expecting intends intend intended aims "
    "aim hopes hope hoping slated set due going poised likely about ready prepared preparing vows promises "
    "threatens"
)  # fmt: skip
_PRESENT_CUES = {"is", "are", "am", "says", "say", "does", "do", "has", "have"}
_PAST_CUES = {"was", "were", "had", "did", "said", "told", "ago"}
_NOT_PAST_ED = _words(
    "need feed seed speed indeed bed red shed bleed breed proceed exceed succeed embed weed hundred "
    "united based related limited naked wicked sacred kindred ragged rugged learned aged beloved alleged "
    "armed biased skilled talented detailed advanced so-called supposed concerned interested red-handed"
)  # fmt: skip
_AUX = {
    "be",
    "been",
    "being",
    "is",
    "are",
    "am",
    "was",
    "were",
    "will",
    "would",
    "to",
    "has",
    "have",
    "had",
    "'s",
    "not",
}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|[.;!?\n\"]", re.ASCII)
_ABBREV = _words("mr mrs ms dr st jr sr gen col lt sgt rep sen gov inc co corp ltd no vs a.m p.m u.s") | set(MONTHS)
_ADJ_BEFORE = _words(
    "a an the still very more most less newly recently previously already so too this that its their his her our your my these those"
)
_TENSE_REACH = 250  # characters each side; the sentence boundary usually comes first


def _cue(toks: list[str], i: int) -> str | None:
    """Tense marked by token i of a clause (with its neighbours for "was expected to")."""
    w = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    nxt2 = toks[i + 2] if i + 2 < len(toks) else ""
    if w in _MODAL_FUTURE:
        return "future"
    prev = toks[i - 1] if i > 0 else ""
    if w in _FUTURE_TO and nxt in ("to", "for"):
        # "had been due to expire Friday": a plan already overtaken, so the date is past.
        prev2 = toks[i - 2] if i > 1 else ""
        return "past" if prev == "had" or (prev == "been" and prev2 == "had") else "future"
    if w in _PAST_CUES or w in _PRESENT_CUES:
        if nxt in _FUTURE_TO and nxt2 in ("to", "for"):
            return "future"  # "were planning to", "is expected to"
        return "past" if w in _PAST_CUES else "present"
    if prev in _AUX:
        return None  # a participle after an auxiliary: the auxiliary speaks for the clause
    if prev in _ADJ_BEFORE:
        return None  # "a still unspecified date", "the revised plan": an adjective, not a verb
    if w in _PAST_IRREGULAR or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED):
        return "past"
    return None


def _is_boundary(toks: list[str], i: int) -> bool:
    w = toks[i]
    if w in (";", "!", "?", "\n", '"'):
        return True
    return w == "." and not (i > 0 and toks[i - 1] in _ABBREV) and not (i > 0 and len(toks[i - 1]) == 1)


def _tense(norm: str, start: int, end: int) -> str:
    """Tense of the clause around norm[start:end], from the nearest tense cue in its sentence.

    Cheap on purpose (no tagger): future modals and "plans to"-style markers, past auxiliaries,
    "said", irregular and -ed past forms, present auxiliaries; a participle after an auxiliary
    defers to it. The nearest cue on either side wins, the left one on ties.
    """
    left = [m.group().lower() for m in _WORD.finditer(norm, max(0, start - _TENSE_REACH), start)]
    right = [m.group().lower() for m in _WORD.finditer(norm, end, min(len(norm), end + _TENSE_REACH))]
    toks = [*left, "<T>", *right]
    here = len(left)
    best_l: tuple[int, str] | None = None
    for i in range(here - 1, -1, -1):
        if _is_boundary(toks, i):
            break
        c = _cue(toks, i)
        if c:
            best_l = (here - i, c)
            break
    best_r: tuple[int, str] | None = None
    for i in range(here + 1, len(toks)):
        if _is_boundary(toks, i):
            break
        c = _cue(toks, i)
        if c:
            best_r = (i - here, c)
            break
    if best_l and (not best_r or best_l[0] <= best_r[0]):
        return best_l[1]
    return best_r[1] if best_r else "none"


# --------------------------------------------------------------------------- number parsing


def _num(s: str) -> float | None:
    """Integer or fraction from digits or words; None for vague quantities ("several")."""
    s = _lower(s).strip()
    s = re.sub(r"^(?:a|an)\s+(?=hundred|thousand|dozen|couple)", "one ", s)
    s = re.sub(r"^(?:one\s+)?couple(?:\s+of)?$", "two", s)
    s = re.sub(r"^one\s+dozen$", "twelve", s)
    if s in ("half a", "half an", "a half"):
        return 0.5
    if re.fullmatch(VAGUE_RE, s) or s in VAGUE:
        return None
    m = re.fullmatch(r"([0-9,]+(?:\.[0-9]+)?)(?:\s+([0-9])/([0-9]{1,2}))?", s)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(2) and int(m.group(3)):
            v += int(m.group(2)) / int(m.group(3))
        return v
    total = 0.0
    cur = 0.0
    for w in re.split(r"[\s-]+", s):
        if w in ("and", "of"):
            continue
        if w == "hundred":
            cur = (cur or 1) * 100
        elif w == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        elif w in UNIT_WORDS:
            cur += UNIT_WORDS[w]
        else:
            return None
    return total + cur


def _fmt_num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _duration_value(num: float | None, unit_word: str) -> str:
    """TimeML duration ("P3Y", "PT5H", "PXM") for num units; None num means an unknown count."""
    u = unit_word.lower().rstrip("s")
    if u.startswith("centur"):
        u = "century"
    if u.startswith("millenni"):
        u = "millennium"
    letter, is_time, mult = DUR_UNITS.get(u, ("D", False, 1))
    if letter == "WE":
        letter, mult = "D", 2
    t = "T" if is_time else ""
    if num is None:
        if u == "century":
            return "PXC"
        return f"P{t}X{letter}"
    v = num * mult
    if not float(v).is_integer() and letter in SMALLER:
        whole = int(v)
        small_letter, small_time, per = SMALLER[letter]
        frac = round((v - whole) * per)
        if small_time and not is_time:
            return f"P{whole}{letter}T{frac}{small_letter}" if whole else f"PT{frac}{small_letter}"
        return f"P{t}{whole}{letter}{frac}{small_letter}" if whole else f"P{t}{frac}{small_letter}"
    return f"P{t}{_fmt_num(v)}{letter}"


def _spelled_year(s: str) -> int | None:
    """'nineteen seventy-nine' -> 1979, 'two thousand' -> 2000, 'two thousand and five' -> 2005."""
    w = re.split(r"[\s-]+", _lower(s))
    w = [x for x in w if x != "and"]
    if len(w) >= 2 and w[0] in UNIT_WORDS and 10 <= UNIT_WORDS[w[0]] <= 20 and w[1] not in ("thousand", "hundred"):
        hi = UNIT_WORDS[w[0]]
        rest = w[1:]
        if rest and rest[0] in ("oh", "o"):
            rest = rest[1:]
        lo = sum(UNIT_WORDS.get(x, 100) for x in rest)
        return hi * 100 + lo if lo < 100 else None
    if len(w) >= 2 and w[0] == "two" and w[1] == "thousand":
        lo = sum(UNIT_WORDS.get(x, 100) for x in w[2:])
        return 2000 + lo if lo < 100 else None
    return None


# --------------------------------------------------------------------------- detection rules


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str
    spec: Spec
    rule: str
    prio: int = 5


_Handler = Callable[["re.Match[str]", str], "list[_Cand] | _Cand | None"]
_RULES: list[tuple[str, re.Pattern[str], _Handler, int]] = []


def _rule(name: str, pattern: str, prio: int = 5, flags: int = 0) -> Callable[[_Handler], _Handler]:
    """Register a detection rule: a regex over the normalised text and a handler for its matches."""

    def deco(fn: _Handler) -> _Handler:
        # Every expression starts a word: "Sandra Day" holds no "a Day".
        _RULES.append((name, re.compile(rf"(?<![A-Za-z0-9])(?:{pattern})", flags | re.ASCII), fn, prio))
        return fn

    return deco


_I = re.IGNORECASE


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day_num(s: str) -> int:
    s = s.lower()
    if s in ORDINALS:
        return ORDINALS[s]
    return int(re.sub(r"[^0-9]", "", s))


def _valid(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    return d <= (calendar.monthrange(y, m)[1] if y else (29 if m == 2 else calendar.monthrange(2001, m)[1]))


def _c(m: re.Match[str], typ: str, spec: Spec, rule: str, prio: int = 5, group: int | str = 0) -> _Cand:
    return _Cand(m.start(group), m.end(group), typ, spec, rule, prio)


@_rule(
    "iso",
    r"(?<![0-9])([12][0-9]{3})-([01][0-9])-([0-3][0-9])(?:T([0-2][0-9]):([0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?)?(?![0-9])",
    1,
)
def _iso(m: re.Match[str], _t: str) -> _Cand | None:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not _valid(y, mo, d):
        return None
    spec = Spec("date", y, mo, d)
    if m[4] is not None:
        return _c(m, "TIME", Spec("time", inner=spec, tod=f"{m[4]}:{m[5]}"), "iso-time", 1)
    return _c(m, "DATE", spec, "iso-date", 1)


@_rule("numeric", r"(?<![0-9/.])([0-9]{1,2})([/.])([0-9]{1,2})\2((?:1[89]|20)?[0-9]{2})(?![0-9/]|\.[0-9])", 2)
def _numeric(m: re.Match[str], _t: str) -> _Cand | None:
    a, b, y = int(m[1]), int(m[3]), int(m[4])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    # US order (month/day) unless the first number cannot be a month; dots are European day.month.
    mo, d = (b, a) if (a > 12 or m[2] == ".") else (a, b)
    if not _valid(y, mo, d):
        return None
    return _c(m, "DATE", Spec("date", y, mo, d), "numeric-date", 2)


@_rule(
    "wd-month-day",
    rf"(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?:(?P<m1>{MONTH})\s+(?P<d1>{DAYNUM}|{_ORD_WORDS})|(?P<d2>{DAYNUM})(?:\s+of)?\s+(?P<m2>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?",
    1,
)
def _wd_month_day(m: re.Match[str], _t: str) -> _Cand | None:
    mo = _month_num(m["m1"] or m["m2"])
    d = _day_num(m["d1"] or m["d2"])
    y = int(m["y"]) if m["y"] else None
    if not _valid(y, mo, d):
        return None
    return _c(m, "DATE", Spec("date", y, mo, d, n=WEEKDAYS[m["wd"].lower()], mode="tense"), "weekday-date", 1)


@_rule(
    "month-day-year",
    rf"(?P<mo>{MONTH})\s*(?P<d>{DAYNUM})(?:(?:,\s*|\s+)(?P<y>{YEAR}))?(?:\s*(?:and|-|to|through|or)\s*(?P<d2>{DAYNUM})(?:,?\s+(?P<y2>{YEAR}))?)?",
    2,
)
def _month_day(m: re.Match[str], _t: str) -> list[_Cand] | None:
    mo, d = _month_num(m["mo"]), _day_num(m["d"])
    y = int(m["y"] or m["y2"]) if (m["y"] or m["y2"]) else None
    if not _valid(y, mo, d):
        return None
    end = m.end("y") if m["y"] else m.end("d")
    first = _Cand(m.start(), end, "DATE", Spec("date", y, mo, d, mode="tense"), "month-day" + ("-year" if y else ""), 2)
    if not m["d2"]:
        return [first]
    d2 = _day_num(m["d2"])
    if not _valid(y, mo, d2) or d2 <= d:
        return [first]
    # "April 24 and 25": TimeBank tags the second day on its own, in the same month.
    return [first, _Cand(m.start("d2"), m.end(), "DATE", Spec("date", y, mo, d2, mode="tense"), "month-day-second", 2)]


@_rule("month-ordinal", rf"(?:the\s+)?(?P<mo>{MONTH})\s+(?:the\s+)?(?P<d>{_ORD_WORDS})\b(?:,?\s+(?P<y>{YEAR}))?", 3, 0)
def _month_ordinal(m: re.Match[str], _t: str) -> _Cand | None:
    d = _day_num(m["d"])
    if m["d"].lower() in ("final", "last"):
        return None
    mo = _month_num(m["mo"])
    y = int(m["y"]) if m["y"] else None
    if not _valid(y, mo, d):
        return None
    return _c(m, "DATE", Spec("date", y, mo, d, mode="tense"), "month-ordinal", 3)


@_rule(
    "day-month-year", rf"(?:the\s+)?(?P<d>{DAYNUM}|{_ORD_WORDS})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", 2
)
def _day_month(m: re.Match[str], _t: str) -> _Cand | None:
    if m["d"].lower() in ("final", "last"):
        return None
    mo, d = _month_num(m["mo"]), _day_num(m["d"])
    y = int(m["y"]) if m["y"] else None
    if not _valid(y, mo, d):
        return None
    return _c(m, "DATE", Spec("date", y, mo, d, mode="tense"), "day-month" + ("-year" if y else ""), 2)


@_rule(
    "month-rel-year",
    rf"(?:(?P<fz>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[-\s]+)?(?P<mo>{MONTH}),?\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b",
    1,
    0,
)
def _month_rel_year(m: re.Match[str], _t: str) -> _Cand:
    off = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    spec = Spec("month", None, _month_num(m["mo"]), mode="yrel", offset=off)
    if m["fz"]:
        fz = _lower(m["fz"]).replace("the ", "")
        spec = Spec(
            "fuzzy",
            inner=spec,
            part={
                "early": "START",
                "beginning of": "START",
                "mid": "MID",
                "middle of": "MID",
                "late": "END",
                "end of": "END",
            }[fz],
        )
    return _c(m, "DATE", spec, "month-rel-year", 1)


@_rule("month-year", rf"(?P<mo>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})", 2)
def _month_year(m: re.Match[str], _t: str) -> _Cand:
    return _c(m, "DATE", Spec("month", int(m["y"]), _month_num(m["mo"])), "month-year", 2)


# Months that are also common words or names need a cue before them ("in May", "last June").
_AMBIG_MONTHS = {5, 3, 6, 4, 8, 1}
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|of|last|next|this|early|late|mid|through|from|to|during|before|after|on|a|the|and|or|"
    r"between|each|every|that|for|around|about|throughout|starting|beginning|ending|ended|than|until|late|early|until|"
    r"expected|scheduled|due|past|coming|previous|following|as|effective)\s+|mid-|late-|early-)$",
    re.ASCII | re.IGNORECASE,
)


@_rule(
    "month",
    rf"(?P<mod>(?:\b(?:last|next|this|this\s+past|this\s+coming|coming|past)\s+))?(?P<mo>{MONTH})(?!\s*[0-9])",
    4,
)
def _month(m: re.Match[str], t: str) -> _Cand | None:
    mo = _month_num(m["mo"])
    modw = _lower(m["mod"] or "").strip()
    if mo in _AMBIG_MONTHS and not modw:
        if not _MONTH_CUE.search(t[max(0, m.start() - 20) : m.start()]):
            return None
        if re.match(r"\s+[A-Z][a-z]", t[m.end() : m.end() + 3]) and not re.search(
            r"\b(?:in|since|by|until|till|last|next|this|early|late|mid|during|through|throughout)\s+$",
            t[max(0, m.start() - 12) : m.start()],
            re.I,
        ):
            return None  # "April Ryan", "May Day", "March Madness": a name, not the month
    mode = {
        "last": "last",
        "next": "next",
        "this": "this",
        "this past": "last",
        "past": "last",
        "this coming": "next",
        "coming": "next",
    }.get(modw, "tense")
    return _c(m, "DATE", Spec("month", None, mo, mode=mode), "month", 4)


@_rule(
    "year", rf"(?P<pre>(?:\b(?:fiscal|FY|calendar|the\s+year|model\s+year)\s*)?(?:'|\b))?(?P<y>{YEAR})(?P<s>'?s)?\b", 6
)
def _year(m: re.Match[str], t: str) -> _Cand | None:
    y = int(m["y"])
    if m["s"]:
        return None  # decades are a rule of their own
    after = t[m.end() : m.end() + 24]
    if re.match(
        r"\s*(?:percent|per\s+cent|pct|people|persons|troops|soldiers|members|men|women|feet|foot|ft|meters?|metres?|miles?|km|kilometers?|tons?|tonnes?|pounds?|dollars|euros|yen|shares|cars|units|workers|jobs|barrels|acres|hectares|times|votes|seats|marks|francs|rubles|yuan|points?|calories|students|cases|deaths|homes|houses)\b",
        after,
        re.I,
    ):
        return None
    before = t[max(0, m.start() - 12) : m.start()]
    if re.search(
        r"(?:\bNo\.?|\bNumber|\bRoute|\bFlight|\bRoom|#|\$|\bSuite|\bBox|\bpage|\bp\.|\bat\s+[0-9]+-)\s*$", before, re.I
    ):
        return None
    if not 1000 <= y <= 2099:
        return None
    if re.match(
        r"\s+[A-Z][a-z]+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Way)", after
    ):
        return None
    if re.match(rf"\s*(?:{TZ}|hours?\b|hrs\b|h\b)", after) and int(m["y"][-2:]) < 60:
        return None  # "Near 1750 GMT", "at 0600 hours": a time of day on the 24-hour clock, not a year
    return _c(m, "DATE", Spec("year", y), "year", 6)


@_rule("year-range", r"(?<![0-9])(?P<y1>(?:1[0-9]|20)[0-9]{2})\s*[-/]\s*(?P<y2>(?:1[0-9]|20)?[0-9]{2})(?![0-9])", 5)
def _year_range(m: re.Match[str], _t: str) -> list[_Cand] | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 20:
        return None
    return [
        _c(m, "DATE", Spec("year", y1), "year", 5, "y1"),
        _c(m, "DATE", Spec("year", y2), "year-range-end", 5, "y2"),
    ]


@_rule(
    "spelled-year",
    rf"(?:(?:in|of|since|by|until|year|from|to|between)\s+)(?P<y>(?:nineteen|eighteen|seventeen)\s+(?:(?:oh|o)\s+)?(?:(?:{_TENSW})(?:[- ](?:{_UNITW}))?|{_TEENW}|{_UNITW}|hundred)|two\s+thousand(?:\s+and)?(?:\s+(?:{_TEENW}|{_UNITW}|(?:{_TENSW})(?:[- ](?:{_UNITW}))?))?)\b",
    3,
    _I,
)
def _spelled(m: re.Match[str], t: str) -> _Cand | None:
    y = _spelled_year(m["y"])
    if y is None:
        return None
    s = m.start("y")
    if t[max(0, s - 9) : s].lower().endswith("the year "):
        s -= 9
    return _Cand(s, m.end("y"), "DATE", Spec("year", y), "spelled-year", 3)


@_rule(
    "decade",
    r"(?:(?P<the>the)\s+)?(?:(?P<part>early|mid|late|middle|end\s+of\s+the)[-\s]+)?(?P<dec>(?:1[0-9]|20)[0-9]0|'[0-9]0|[0-9]0)'?s\b",
    3,
    _I,
)
def _decade(m: re.Match[str], t: str) -> _Cand | None:
    dec = m["dec"]
    if len(dec) < 4 and not m["the"] and not dec.startswith("'") and not m["part"]:
        return None  # "in his 40s" is an age
    if len(dec) < 4 and re.match(r"\s+(?:percent|degrees|mph)", t[m.end() : m.end() + 10]):
        return None
    if (
        t[max(0, m.start() - 8) : m.start()].lower().strip().endswith(("his", "her", "their", "its", "in"))
        and len(dec) < 4
        and not dec.startswith("'")
    ):
        return None
    if len(dec) == 4 and dec.endswith("00"):
        c = int(dec[:2]) + 1
        spec = Spec("century", n=c)
    elif len(dec) == 4:
        spec = Spec("decade", year=int(dec), n=int(dec))
    else:
        spec = Spec("decade", n=int(dec.strip("'")))
    if m["part"]:
        part = {"early": "START", "mid": "MID", "middle": "MID", "late": "END"}.get(m["part"].lower(), "END")
        spec = Spec("fuzzy", inner=spec, part=part)
    return _c(m, "DATE", spec, "decade", 3)


_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}


@_rule(
    "decade-word",
    r"\bthe\s+(?:(?P<part>early|mid|late)[-\s]+)?(?:nineteen[-\s]+)?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    3,
    _I,
)
def _decade_word(m: re.Match[str], _t: str) -> _Cand:
    spec = Spec("decade", n=_DECADE_WORDS[m["dec"].lower()])
    if m["part"]:
        spec = Spec("fuzzy", inner=spec, part={"early": "START", "mid": "MID", "late": "END"}[m["part"].lower()])
    return _c(m, "DATE", spec, "decade-word", 3)


_CENT_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty-first": 21, "twenty first": 21, "twenty-second": 22}  # fmt: skip


@_rule(
    "century",
    r"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<c>[0-9]{1,2}(?:st|nd|rd|th)|twenty[-\s]first|twenty[-\s]second|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)[-\s]+[Cc]entury\b",
    3,
    _I,
)
def _century(m: re.Match[str], _t: str) -> _Cand | None:
    c = m["c"].lower().replace(" ", "-")
    n = int(re.sub(r"[^0-9]", "", c)) if c[0].isdigit() else _CENT_ORD.get(c)
    if not n or n > 21:
        return None
    spec = Spec("century", n=n)
    if m["part"]:
        spec = Spec("fuzzy", inner=spec, part={"early": "START", "mid": "MID", "late": "END"}[m["part"].lower()])
    return _c(m, "DATE", spec, "century", 3)


_Q_ORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)"


@_rule(
    "quarter",
    rf"(?:(?P<the>the|this\s+year's|last\s+year's|next\s+year's|its|their)\s+)?(?:(?P<y0>{YEAR})\s+)?(?:(?P<ago>year-ago|year-earlier|year\s+ago|comparable\s+year-ago|comparable|latest)\s+)?(?:fiscal[-\s]+)?{_Q_ORD}[-\s]+(?:fiscal[-\s]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y1>{YEAR}))?(?:\s+of\s+(?P<rel>this|last|next)\s+year)?",
    3,
    _I,
)
def _quarter(m: re.Match[str], _t: str) -> _Cand | None:
    q = ORDINALS[m["q"].lower()]
    y = int(m["y0"] or m["y1"]) if (m["y0"] or m["y1"]) else None
    the = _lower(m["the"] or "")
    off = {"last year's": -1, "next year's": 1}.get(the, 0) + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    if (m["ago"] and "ago" in m["ago"].lower()) or (m["ago"] or "").lower() == "year-earlier":
        off -= 1
    start = (
        m.start()
        if m["the"] and not the.startswith(("its", "their"))
        else (m.start("y0") if m["y0"] else m.start("ago") if m["ago"] else m.start("q"))
    )
    if (
        the == "the"
        and not m["y0"]
        and not m["ago"]
        and re.match(r"(?:fiscal[-\s]+)?[a-z0-9]+-quarter", m.group()[len(m["the"]) :].strip(), re.I)
    ):
        # "the third-quarter loss": the adjective alone is the expression
        start = (
            m.start("q")
            if not re.match(r"\s*fiscal", m.group()[len(m["the"]) :], re.I)
            else m.start() + len(m["the"]) + 1
        )
    spec = Spec("quarter", y, n=q, offset=off)
    return _Cand(start, m.end(), "DATE", spec, "quarter", 3)


@_rule(
    "quarter-code",
    rf"(?<![A-Za-z0-9])(?:(?P<y0>{YEAR})[-\s]?Q(?P<q0>[1-4])|Q(?P<q1>[1-4])(?:[-\s'](?P<y1>{YEAR}|[0-9]{{2}}))?|(?P<y2>{YEAR})[-\s]?H(?P<h>[12]))(?![A-Za-z0-9])",
    3,
)
def _quarter_code(m: re.Match[str], _t: str) -> _Cand | None:
    if m["h"]:
        return _c(m, "DATE", Spec("half", int(m["y2"]), n=int(m["h"])), "half-code", 3)
    q = int(m["q0"] or m["q1"])
    ys = m["y0"] or m["y1"]
    y = int(ys) if ys else None
    if y is not None and y < 100:
        y += 2000
    return _c(m, "DATE", Spec("quarter", y, n=q), "quarter-code", 3)


@_rule(
    "half",
    rf"(?:the\s+)?(?P<h>first|second|1st|2nd|latter)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?",
    4,
    _I,
)
def _half(m: re.Match[str], t: str) -> _Cand | None:
    if not (m["y"] or m["rel"]) and not re.search(
        r"\b(?:year|fiscal|quarter|earnings|profit|revenue|sales)\b", t[max(0, m.start() - 200) : m.end() + 100], re.I
    ):
        return None  # "the second half" of a match or a film is not a half-year
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    off = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return _c(m, "DATE", Spec("half", int(m["y"]) if m["y"] else None, n=h, offset=off), "half", 4)


@_rule("first-quarters", rf"(?:the\s+)?first\s+(?P<n>two|three)\s+quarters\s+of\s+(?P<y>{YEAR})", 2, _I)
def _first_quarters(m: re.Match[str], _t: str) -> _Cand:
    if m["n"].lower() == "two":
        return _c(m, "DATE", Spec("half", int(m["y"]), n=1), "first-quarters", 2)
    return _c(m, "DURATION", Spec("duration", value="P9M"), "first-quarters", 2)


@_rule(
    "quarter-ref",
    r"\b(?:the|that|this|same|its|latest)\s+(?:(?P<adj>latest|most\s+recent|recent|current|comparable|year-ago|year-earlier|same|fiscal|just-ended|just\s+ended)\s+)?(?:(?P<adj2>year-ago|year-earlier)\s+)?(?P<u>quarter|period)\b(?!-)",
    5,
    _I,
)
def _quarter_ref(m: re.Match[str], t: str) -> _Cand | None:
    adj = _lower(" ".join(x for x in (m["adj"], m["adj2"]) if x))
    if m["u"].lower() == "period" and not adj:
        return None
    if m["u"].lower() == "period" and not re.search(
        r"quarter|year-ago|year-earlier|latest", adj + " " + t[max(0, m.start() - 300) : m.start()], re.I
    ):
        return None
    back = -1 if ("ago" in adj or "earlier" in adj) else 0
    ended = re.match(
        rf"\s+(?:ended|ending|that\s+ended|which\s+ended|through)\s+(?P<mo>{MONTH})\s*(?P<d>{DAYNUM})(?:,\s*(?P<y>{YEAR}))?",
        t[m.end() : m.end() + 40],
    )
    if ended and m["u"].lower() == "quarter" and not back:
        # "the quarter ended Sept. 30": the calendar quarter holding that day.
        mo, d = _month_num(ended["mo"]), _day_num(ended["d"])
        if _valid(int(ended["y"]) if ended["y"] else None, mo, d):
            day = Spec("date", int(ended["y"]) if ended["y"] else None, mo, d, mode="tense")
            return _c(m, "DATE", Spec("shift", unit="Q", offset=0, inner=day), "quarter-ended", 5)
    if adj in ("latest", "most recent", "just-ended", "just ended", "recent"):
        return _c(m, "DATE", Spec("unit_rel", unit="Q", offset=-1), "quarter-ref", 5)
    # Resolved later against the last quarter mentioned nearby (see _contextualise).
    return _c(m, "DATE", Spec("shift", unit="Y", offset=back, mode="quarter-ctx"), "quarter-ref", 5)


@_rule(
    "season",
    rf"(?:(?P<mod>last|next|this|this\s+past|this\s+coming|the\s+coming|the\s+past|past|coming|early|late|mid|the\s+early|the\s+late|the|in|during|by|until|since|of|that)[-\s]+)?(?P<s>spring|summer|fall|autumn|winter)\b(?:(?:\s+of)?\s+(?P<y>{YEAR}|(?:nineteen|two)\s+[a-z]+(?:[-\s][a-z]+)?))?",
    4,
    _I,
)
def _season(m: re.Match[str], t: str) -> _Cand | None:
    sw = m["s"].lower()
    modw = _lower(m["mod"] or "")
    ys = m["y"]
    y: int | None = None
    if ys:
        y = int(ys) if ys[0].isdigit() else _spelled_year(ys)
        if y is None:
            ys = None
    if not modw and not ys and not (m["s"][0].isupper() and re.match(r"\s*[0-9]", t[m.end() : m.end() + 3])):
        return None
    if sw == "fall" and modw in ("the", "in", "by", "until", "since", "of", "during", "that") and not ys:
        # "the fall of the Berlin Wall", "a fall in prices": only "in the fall," and the like.
        if not re.search(
            r"\b(?:in|during|by|until|since|this|last|next|that)\s+the\s*$",
            t[max(0, m.start() - 12) : m.start("s")],
            re.I,
        ):
            return None
        if re.match(r"\s+(?:of|in)\b", t[m.end() : m.end() + 5]):
            return None
    if (
        sw == "spring"
        and m["s"][0] == "S"
        and modw in ("the", "of", "in")
        and re.match(r"\s+[A-Z]", t[m.end() : m.end() + 2])
    ):
        return None
    start = m.start()
    if modw in ("in", "during", "by", "until", "since", "of"):
        start = m.start("s")
    code = SEASONS[sw][0]
    mode = {
        "last": "last",
        "this past": "last",
        "the past": "last",
        "past": "last",
        "next": "next",
        "this coming": "next",
        "the coming": "next",
        "coming": "next",
        "this": "this",
    }.get(modw, "tense")
    spec = Spec("season", y, value=code, mode=mode)
    part = {"early": "START", "the early": "START", "late": "END", "the late": "END", "mid": "MID"}.get(modw)
    if part:
        spec = Spec("fuzzy", inner=replace(spec, mode="tense"), part=part)
    return _Cand(start, m.end(), "DATE", spec, "season", 4)


_POD = r"(?P<pod>morning|afternoon|evening|night|overnight)"


@_rule(
    "weekday",
    rf"(?:(?P<mod>last|next|this\s+coming|this\s+past|this|coming|past|previous|following|early|late|mid|the\s+previous|the\s+following|the\s+next|the\s+last|the\s+early\s+hours\s+of)\s+)?(?P<wd>{WEEKDAY})(?:\s+{_POD}\b)?",
    4,
    0,
)
def _weekday(m: re.Match[str], t: str) -> _Cand | None:
    modw = _lower(m["mod"] or "")
    wd = WEEKDAYS[m["wd"].lower()]
    nxt = t[m.end() : m.end() + 12]
    if re.match(
        r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Independent|Magazine|Morning\s+Herald)\b", nxt
    ):
        return None  # newspapers named after a day
    mode = {
        "last": "last", "next": "next", "this coming": "future", "this past": "past", "past": "past", "coming": "future",
        "previous": "last", "the previous": "last", "following": "next", "the following": "next", "the next": "next", "the last": "last",
    }.get(modw, "tense")  # fmt: skip
    if mode == "tense" and t[m.end() : m.end() + 2] == "'s":
        # "Wednesday's ruling" names an event as a noun: the clause's tense says nothing of it.
        mode = "nearest"
    spec = Spec("weekday", n=wd, mode=mode)
    if modw in ("previous", "the previous", "following", "the following", "the next"):
        # "the previous Friday" counts from the story's own day, which we only know as the anchor.
        spec = replace(spec, mode="last" if "previous" in modw else "next")
    start = m.start()
    part = {"early": "START", "late": "END", "mid": "MID", "the early hours of": "START"}.get(modw)
    if m["pod"]:
        pod = PARTS_OF_DAY[m["pod"].lower()]
        spec = Spec("time", inner=spec, tod=pod)
        if part:
            spec = replace(spec, mod=part)
        return _Cand(start, m.end(), "TIME", spec, "weekday-part-of-day", 4)
    if part:
        spec = Spec("fuzzy", inner=spec, part=part)
    return _Cand(start, m.end(), "DATE", spec, "weekday", 4)


_DAYREL = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@_rule(
    "day-rel",
    r"(?:(?P<mod>early|late|earlier|later|mid-?)[-\s]*)?(?:(?P<pod0>morning|afternoon|evening|night)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?\b(?P<d>today|yesterday|tomorrow|tonight)\b(?:'s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?",
    3,
    _I,
)
def _dayrel(m: re.Match[str], t: str) -> _Cand | None:
    dw = m["d"].lower()
    off = _DAYREL[dw]
    if m["ba"]:
        off += -1 if m["ba"].lower() == "before" else 1
    end = m.end()
    if t[m.end("d") : m.end("d") + 2] == "'s" and not m["pod"]:
        end = m.end("d")
    spec = Spec("unit_rel", unit="D", offset=off)
    modw = (m["mod"] or "").lower().strip("-")
    pod = m["pod"] or m["pod0"]
    if dw == "tonight":
        pod = pod or "night"
    part = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID"}.get(modw)
    if modw in ("earlier", "later") and not pod:
        # "Earlier today": TimeBank tags the whole phrase as the day, with a part.
        spec = Spec("fuzzy", inner=spec, part=part)
        return _Cand(m.start(), end, "DATE", spec, "day-rel", 3)
    if pod:
        spec = Spec("time", inner=spec, tod=PARTS_OF_DAY[pod.lower()], mod=part)
        return _Cand(m.start(), end, "TIME", spec, "day-rel-part", 3)
    if part:
        spec = Spec("fuzzy", inner=spec, part=part)
    return _Cand(m.start(), end, "DATE", spec, "day-rel", 3)


@_rule("pod-rel", rf"\b(?:(?P<mod>early|late|mid)[-\s]+)?(?P<rel>this|last|that|the)\s+{_POD}\b", 4, _I)
def _pod_rel(m: re.Match[str], t: str) -> _Cand | None:
    rel = m["rel"].lower()
    pod = m["pod"].lower()
    if rel == "the" and re.match(r"\s+of\b", t[m.end() : m.end() + 4]):
        return None  # "the night of Friday, Oct. 23": the date carries it
    if rel in ("that", "the") and not re.search(
        r"\b(?:in|during|by|on|until|since|all|through|throughout|overnight|early|late)\s+$",
        t[max(0, m.start() - 12) : m.start()],
        re.I,
    ):
        return None
    if rel in ("that", "the"):
        # "that night", "in the morning": the day of the story, i.e. the day last mentioned.
        spec = Spec("time", inner=Spec("shift", unit="D", offset=0, mode="day-ctx"), tod=PARTS_OF_DAY[pod])
    else:
        spec = Spec("time", inner=Spec("unit_rel", unit="D", offset=-1 if rel == "last" else 0), tod=PARTS_OF_DAY[pod])
    if m["mod"]:
        spec = replace(spec, mod={"early": "START", "late": "END", "mid": "MID"}[m["mod"].lower()])
    return _c(m, "TIME", spec, "pod-rel", 4)


@_rule(
    "mid-pod", r"\bmid(?:-|\s)?(?P<pod>morning|afternoon|day|evening)\b(?:\s+(?P<d>today|yesterday|tomorrow))?", 4, _I
)
def _mid_pod(m: re.Match[str], _t: str) -> _Cand:
    pod = {"morning": "MO", "afternoon": "AF", "day": "MI", "evening": "EV"}[m["pod"].lower()]
    inner = Spec("unit_rel", unit="D", offset=_DAYREL[m["d"].lower()]) if m["d"] else None
    return _c(m, "TIME", Spec("time", inner=inner, tod=pod, mod="MID"), "mid-pod", 4)


_TIME_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})(?:,?\s+(?:(?P<mo2>{MONTH})\s*(?P<dd2>{DAYNUM})|(?P<dd3>{DAYNUM})\s+(?P<mo3>{MONTH}))(?:,?\s+(?P<yy>{YEAR}))?)?"
    rf"|(?P<dr>today|yesterday|tomorrow|tonight)|(?P<mo>{MONTH})\s*(?P<dd>{DAYNUM})))?"
)


def _time_inner(m: re.Match[str]) -> Spec | None:
    if m["wd"] and (m["mo2"] or m["mo3"]):
        # "08:30 on Sunday 19 January 2025": the date decides, the weekday only confirms it.
        mo, d = _month_num(m["mo2"] or m["mo3"]), _day_num(m["dd2"] or m["dd3"])
        y = int(m["yy"]) if m["yy"] else None
        if _valid(y, mo, d):
            return Spec("date", y, mo, d, n=None if y else WEEKDAYS[m["wd"].lower()], mode="tense")
    if m["wd"]:
        return Spec("weekday", n=WEEKDAYS[m["wd"].lower()], mode="tense")
    if m["dr"]:
        return Spec("unit_rel", unit="D", offset=_DAYREL[m["dr"].lower()])
    if m["mo"]:
        mo, d = _month_num(m["mo"]), _day_num(m["dd"])
        if _valid(None, mo, d):
            return Spec("date", None, mo, d, mode="tense")
    return None


@_rule(
    "clock",
    rf"(?<![0-9:.$])(?P<h>[01]?[0-9]|2[0-3])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?:(?P<ap>{AMPM})(?:\s+(?P<tz>{TZ}))?|(?P<tz2>{TZ})|(?P<oc>o'clock)\b){_TIME_DAY}",
    2,
)
def _clock(m: re.Match[str], t: str) -> _Cand | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    elif m["tz2"] and not m["mi"]:
        return None  # "5 GMT" without minutes is not a clock time
    inner = _time_inner(m)
    return _c(m, "TIME", Spec("time", inner=inner, tod=f"{h:02d}:{mi:02d}"), "clock", 2)


@_rule("noon", rf"\b(?:at\s+)?(?P<w>noon|midnight|midday)\b{_TIME_DAY}", 3, 0)
def _noon(m: re.Match[str], t: str) -> _Cand | None:
    if t[max(0, m.start() - 5) : m.start()].lower() == "high ":
        return None  # "high noon" is a figure of speech
    tod = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["w"].lower()]
    inner = _time_inner(m)
    start = m.start("w")
    return _Cand(start, m.end(), "TIME", Spec("time", inner=inner, tod=tod), "noon", 3)


_UNIT_LETTER = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "C",
    "fiscal year": "Y",
    "fiscal": "Y",
    "calendar year": "Y",
}


@_rule(
    "unit-rel",
    r"(?:(?P<fz>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of|beginning\s+of)[-\s]+)?(?P<rel>last|next|this|past|coming|previous|current|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|the\s+previous|the\s+latest)\s+(?P<u>week|weekend|month|quarter|year|decade|century|fiscal\s+year|calendar\s+year)\b(?!\s+(?:or\s+two|and\s+a\s+half))",
    3,
    _I,
)
def _unit_rel(m: re.Match[str], t: str) -> _Cand | None:
    rel = _lower(m["rel"]).replace("the ", "")
    u = _UNIT_LETTER[_lower(m["u"])]
    off = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0, "latest": 0}[rel]
    if rel == "latest" and u != "Q":
        return None
    if u == "Q" and rel == "latest":
        # "the latest quarter": the last one complete, i.e. the one before the anchor's.
        return _c(m, "DATE", Spec("unit_rel", unit="Q", offset=-1), "quarter-ref", 3)
    if u == "DE" and m["rel"].lower().startswith("the ") and rel in ("past", "last", "next", "coming"):
        return _c(m, "DURATION", Spec("duration", value="P10Y"), "decade-span", 3)
    if u == "WE":
        spec = Spec("unit_rel", unit="WE", offset=off)
        if rel == "this":
            spec = Spec("weekend", mode="tense")
        elif off < 0:
            spec = Spec("weekend", mode="last")
        else:
            spec = Spec("weekend", mode="next")
    else:
        spec = Spec("unit_rel", unit=u, offset=off)
    if m["fz"]:
        fz = _lower(m["fz"]).replace("the ", "")
        part = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID", "middle of": "MID",
                "late": "END", "end of": "END", "earlier": "EARLIER", "later": "LATER", "rest of": "LATER"}[fz]  # fmt: skip
        spec = Spec("fuzzy", inner=spec, part=part)
    return _c(m, "DATE", spec, "unit-rel", 3)


@_rule("weekend", r"\b(?:(?P<rel>this|the|last|next|that)\s+)?(?P<u>weekend)\b", 4, _I)
def _weekend(m: re.Match[str], t: str) -> _Cand | None:
    rel = (m["rel"] or "").lower()
    if not rel and not re.search(
        r"\b(?:over|during|on|at|by|until|through)\s+$", t[max(0, m.start() - 10) : m.start()], re.I
    ):
        return None
    mode = {"last": "last", "next": "next"}.get(rel, "tense")
    if rel == "that":
        return _c(m, "DATE", Spec("shift", unit="WE", offset=0, mode="day-ctx"), "weekend-ref", 4)
    return _c(m, "DATE", Spec("weekend", mode=mode), "weekend", 4)


@_rule(
    "earlier-this",
    r"\b(?P<fz>earlier|later|early|late|mid)[-\s]+(?:in\s+)?(?P<rel>this|the|that)\s+(?P<u>week|month|year|decade|century|quarter)\b",
    2,
    _I,
)
def _earlier_this(m: re.Match[str], _t: str) -> _Cand:
    u = _UNIT_LETTER[m["u"].lower()]
    part = {"earlier": "EARLIER", "later": "LATER", "early": "START", "late": "END", "mid": "MID"}[m["fz"].lower()]
    if m["rel"].lower() == "that":
        inner = Spec("shift", unit=u, offset=0, mode="ctx")
    elif u == "Q":
        inner = Spec("shift", unit="Y", offset=0, mode="quarter-ctx")
    else:
        inner = Spec("unit_rel", unit=u, offset=0)
    return _c(m, "DATE", Spec("fuzzy", inner=inner, part=part), "earlier-this", 2)


@_rule("year-end", r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+)?(?:year[-\s]end|end\s+of\s+(?:the\s+)?year)\b", 4, _I)
def _year_end(m: re.Match[str], _t: str) -> _Cand:
    off = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return _c(m, "DATE", Spec("fuzzy", inner=Spec("unit_rel", unit="Y", offset=off), part="END"), "year-end", 4)


@_rule(
    "fuzzy-of",
    rf"\b(?:the\s+)?(?P<fz>end|beginning|start|middle|turn|close)\s+of\s+(?P<what>(?:the\s+)?(?:month|week|year|decade|century)|(?:this|last|next)\s+(?:month|week|year)|{MONTH}(?:\s+{YEAR})?|{YEAR}|the\s+(?:19|20)[0-9]0s)",
    2,
)
def _fuzzy_of(m: re.Match[str], t: str) -> _Cand | None:
    what = m["what"]
    part = {"end": "END", "close": "END", "turn": "END", "beginning": "START", "start": "START", "middle": "MID"}[
        m["fz"].lower()
    ]
    w = _lower(what)
    inner: Spec | None = None
    mm = re.fullmatch(r"(?:the\s+)?(month|week|year|decade|century)", w)
    if mm:
        inner = Spec("unit_rel", unit=_UNIT_LETTER[mm[1]], offset=0)
    mm = re.fullmatch(r"(this|last|next) (month|week|year)", w)
    if mm:
        inner = Spec("unit_rel", unit=_UNIT_LETTER[mm[2]], offset={"this": 0, "last": -1, "next": 1}[mm[1]])
    if inner is None:
        mm = re.fullmatch(r"the ((?:19|20)[0-9])0s", w)
        if mm:
            inner = Spec("decade", year=int(mm[1]) * 10, n=int(mm[1]) * 10)
    if inner is None and re.fullmatch(r"[0-9]{4}", w):
        inner = Spec("year", int(w))
    if inner is None:
        mm2 = re.fullmatch(rf"({MONTH})(?:\s+({YEAR}))?", what)
        if mm2:
            inner = Spec("month", int(mm2[2]) if mm2[2] else None, _month_num(mm2[1]), mode="tense")
    if inner is None:
        return None
    return _c(m, "DATE", Spec("fuzzy", inner=inner, part=part), "fuzzy-of", 2)


@_rule(
    "fuzzy-month",
    rf"\b(?:(?P<the>the)\s+)?(?P<fz>early|mid|late|middle)(?:-|\s+|\s*-\s*)(?:(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?|(?P<y2>{YEAR})|(?P<rel>last|next|this)\s+(?P<u>year|month|week|decade))",
    2,
    0,
)
def _fuzzy_month(m: re.Match[str], _t: str) -> _Cand | None:
    fz = m["fz"].lower()
    if m["fz"][0].isupper() and m["fz"] not in ("Early", "Mid", "Late", "Middle"):
        return None
    part = {"early": "START", "mid": "MID", "middle": "MID", "late": "END"}[fz]
    if m["mo"]:
        inner = Spec("month", int(m["y"]) if m["y"] else None, _month_num(m["mo"]), mode="tense")
    elif m["y2"]:
        inner = Spec("year", int(m["y2"]))
    else:
        inner = Spec(
            "unit_rel", unit=_UNIT_LETTER[m["u"].lower()], offset={"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
        )
    return _c(m, "DATE", Spec("fuzzy", inner=inner, part=part), "fuzzy-month", 2)


@_rule(
    "ago",
    rf"(?:(?P<mod>{DUR_MOD})\s+)?(?P<num>{NUM})\s+(?:more\s+)?(?P<u>{UNIT})\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b",
    3,
    _I,
)
def _ago(m: re.Match[str], t: str) -> list[_Cand] | _Cand | None:
    num = _num(m["num"])
    uw = m["u"].lower().rstrip("s")
    if uw.startswith("centur"):
        uw = "century"
    d = _lower(m["dir"])
    mod = MOD_OF.get(_lower(m["mod"] or ""))
    if m["mod"] and _lower(m["mod"]) == "just":
        mod = None
    if d in ("ago",):
        if num is None:
            return _c(m, "DATE", Spec("ref", value="PAST_REF"), "vague-ago", 3)
        unit = {
            "day": "D",
            "night": "D",
            "week": "W",
            "weekend": "W",
            "fortnight": "W",
            "month": "M",
            "quarter": "Q",
            "year": "Y",
            "decade": "Y",
            "century": "Y",
            "millennium": "Y",
        }.get(uw, "D")
        if uw in ("second", "minute", "hour"):
            return _c(m, "DATE", Spec("unit_rel", unit="D", offset=0, mod=mod), "ago-today", 3)
        k = num * {"decade": 10, "century": 100, "millennium": 1000, "fortnight": 2}.get(uw, 1)
        if not float(k).is_integer():
            k = round(k)
        if uw == "year" and num == 1 and _quarter_context(t, m.start()):
            # "up from $5 million a year ago" in an earnings report: the same quarter last year.
            return _c(m, "DATE", Spec("shift", unit="Y", offset=-1, mode="quarter-ctx", mod=mod), "year-ago-quarter", 3)
        return _c(m, "DATE", Spec("unit_rel", unit=unit, offset=-int(k), mod=mod), "ago", 3)
    if d in ("earlier", "later") and num == 1 and uw == "year":
        # "a year earlier": the period under discussion, a year before.
        return _c(
            m,
            "DATE",
            Spec(
                "shift",
                unit="Y",
                offset=-1 if d == "earlier" else 1,
                mode="quarter-ctx" if _quarter_context(t, m.start()) else "ctx",
                mod=mod,
            ),
            "year-earlier",
            3,
        )
    # "two days later", "a week after the vote": TimeBank tags the length only.
    start = m.start()
    end = m.end("u")
    return _Cand(
        start,
        end,
        "DURATION",
        Spec("duration", value=_duration_value(num, m["u"]), mod=mod),
        "duration-before-after",
        4,
    )


def _quarter_context(t: str, pos: int) -> bool:
    """True when an earnings-style quarter or fiscal period is being discussed just before pos."""
    window = t[max(0, pos - 400) : pos]
    return bool(
        re.search(
            r"\b(?:first|second|third|fourth|latest|the|fiscal)[-\s]quarter\b|\bQ[1-4]\b|\bnine\s+months\b|\bsix\s+months\s+ended\b|\bfiscal\b",
            window,
            re.I,
        )
    )


@_rule(
    "year-ago-adj",
    r"\b(?:the\s+)?(?P<w>year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|previous-year)\b(?!\s+(?:quarter|period|third|fourth|second|first|fiscal|comparable))",
    4,
    _I,
)
def _year_ago_adj(m: re.Match[str], t: str) -> _Cand:
    mode = "quarter-ctx" if _quarter_context(t, m.start()) else "ctx"
    s = m.start("w")
    return _Cand(s, m.end(), "DATE", Spec("shift", unit="Y", offset=-1, mode=mode), "year-ago-adj", 4)


@_rule(
    "duration",
    rf"(?:(?P<mod>{DUR_MOD})\s+)?(?:(?P<the>the|its|their|his|her|a|an)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|final|remaining|initial|ensuing|preceding|subsequent|other|same|entire|whole|full|year-earlier|year-ago|better\s+part\s+of\s+the|better\s+part\s+of\s+a)\s+)?(?P<num>{NUM})\s+(?:(?:more|additional|full|straight|consecutive|trading|business|calendar|extra|further|long|short|solid)\s+)?(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+(?:so|more|less|two|three))?(?!\s*-?\s*old\b)",
    5,
    _I,
)
def _duration(m: re.Match[str], t: str) -> _Cand | None:
    numw = _lower(m["num"])
    num = _num(m["num"])
    uw = m["u"].lower()
    the = (m["the"] or "").lower()
    if numw in ("a", "an") and the in ("a", "an"):
        return None
    mod = MOD_OF.get(_lower(m["mod"] or ""))
    if m["half"] and num is not None:
        num += 0.5
    if numw in ("some",) and not m["mod"]:
        # "some years" is vague; "some 20 years" comes through the modifier branch.
        num = None
    after = t[m.end() : m.end() + 20]
    before = t[max(0, m.start() - 25) : m.start()]
    if uw.startswith("night") and num is None:
        return None
    start = m.start()
    modw = _lower(m["mod"] or "")
    if modw == "over" and the == "the":
        start, mod = m.start("the"), None  # "over the past 20 years": a preposition, not "more than"
    elif MOD_OF.get(modw) == "APPROX":
        # TimeBank and TE3 leave "about"/"around" outside a duration's span but keep the sense.
        start = m.start("the") if m["the"] else m.start("rel") if m["rel"] else m.start("num")
    if the in ("its", "their", "his", "her") or (the in ("a", "an") and not m["rel"]):
        start = m.start("rel") if m["rel"] else m.start("num")
    if (
        uw == "second"
        and numw in ("a", "one")
        and re.match(r"\s+(?!or\b|and\b|later\b|ago\b|earlier\b|before\b|after\b|of\b)[a-z]", after)
    ):
        return None  # "a second betrayal", "a second group": the ordinal
    if re.search(r"\b(?:ages?|aged)\s+$", before, re.I):
        return None  # "children ages 6 months and older": an age
    if numw in ("a", "an", "one") and not m["rel"] and not m["mod"]:
        unit = uw.rstrip("s")
        # "$33 million a year", "twice a day": a rate, i.e. a SET.
        if re.search(
            r"(?:[0-9%]|\b(?:percent|million|billion|times|twice|once|thrice|dollars|cents|hours|days|miles|people|pounds|tons|units|barrels|shares|cases|deaths|visitors))\s*(?:\)|,)?\s*$",
            before,
            re.I,
        ) and unit in ("year", "day", "week", "month", "quarter", "hour", "minute"):
            code = {
                "year": "P1Y",
                "day": "P1D",
                "week": "P1W",
                "month": "P1M",
                "quarter": "P3M",
                "hour": "PT1H",
                "minute": "PT1M",
            }[unit]
            return _Cand(m.start("num"), m.end("u"), "SET", Spec("set", value=code), "rate", 5)
        if unit in ("year", "month", "week", "day") and re.match(
            r"\s+(?:earlier|ago|later|before|after)\b", after, re.I
        ):
            return None
    end = m.end()
    if m["orso"] and _lower(m["orso"]).strip() in ("or two", "or three", "or more", "or less"):
        end = m.end("u") if not m["half"] else m.end("half")
    value = _duration_value(num, uw)
    if m["orso"] and "so" in m["orso"].lower():
        mod = mod or "APPROX"
    return _Cand(start, end, "DURATION", Spec("duration", value=value, mod=mod), "duration", 5)


@_rule(
    "hyphen-duration",
    rf"(?<![\w.-])(?P<num>[0-9]{{1,4}}(?:\.[0-9])?|{NUMWORD}|half|multi|several|many)-(?P<u>second|minute|hour|day|week|month|year|decade|century)(?:-(?P<long>long))?(?!-old|-olds|-[0-9a-z])\b",
    4,
    _I,
)
def _hyphen_duration(m: re.Match[str], t: str) -> _Cand | None:
    nw = m["num"].lower()
    num = 0.5 if nw == "half" else None if nw in ("multi", "several", "many") else _num(m["num"])
    if nw not in ("half", "multi", "several", "many") and num is None:
        return None
    if re.match(r"\s+old\b", t[m.end() : m.end() + 5], re.I):
        return None
    return _c(m, "DURATION", Spec("duration", value=_duration_value(num, m["u"])), "hyphen-duration", 4)


@_rule(
    "long-adj",
    r"(?<![\w-])(?P<u>year|month|week|day|hour|decades|years|months|weeks|days|hours|centuries)-long\b",
    4,
    _I,
)
def _long_adj(m: re.Match[str], _t: str) -> _Cand:
    u = m["u"].lower()
    num = None if u.endswith("s") else 1.0
    return _c(m, "DURATION", Spec("duration", value=_duration_value(num, u)), "long-adj", 4)


@_rule(
    "vague-duration",
    r"\b(?:(?P<pre>the|recent|coming|past|many|for|over\s+the|in\s+the|within|recent|the\s+coming|the\s+past|the\s+last|the\s+next|the\s+early|the\s+first|the\s+intervening|the\s+ensuing|several)\s+)?(?P<u>years|months|weeks|days|decades|centuries|hours|minutes|quarters)\b(?!\s+(?:old|of\s+age)\b)",
    6,
    _I,
)
def _vague_duration(m: re.Match[str], t: str) -> _Cand | None:
    pre = _lower(m["pre"] or "")
    u = m["u"].lower()
    before = t[max(0, m.start() - 30) : m.start()]
    if re.search(r"[0-9]\s*$|\b(?:" + "|".join(UNIT_WORDS) + r")\s*$", before, re.I):
        return None  # a counted unit the duration rule could not take (e.g. "the 90 years")
    if re.match(r"\s+ago\b", t[m.end() : m.end() + 5], re.I):
        return None
    if (u in ("hours", "minutes", "quarters") and not pre) or t[m.start() - 1 : m.start()] == "-":
        return None  # "three-quarters", "living quarters", "office hours"
    start = m.start()
    if pre in ("for", "within", "in the", "over the"):
        start = m.start("u") if pre in ("for", "within") else m.start("pre") + len(pre.split()[0]) + 1
    if (
        pre in ("the", "the first", "the early")
        and u in ("days",)
        and re.match(r"\s+(?:of|after|before|when|that|since)\b", t[m.end() : m.end() + 8], re.I)
    ):
        return None
    return _Cand(start, m.end(), "DURATION", Spec("duration", value=_duration_value(None, u)), "vague-duration", 6)


@_rule(
    "set",
    r"\b(?P<q>every|each|per|once\s+a|twice\s+a|(?:[0-9]+|two|three|four|five|six|several)\s+times\s+(?:a|per|each))\s+(?:(?P<other>other)\s+)?(?P<u>second|minute|hour|day|night|morning|afternoon|evening|week|weekend|month|quarter|year|season|decade|summer|winter|spring|fall|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    3,
    _I,
)
def _set(m: re.Match[str], _t: str) -> _Cand:
    u = m["u"].lower()
    every = 2 if m["other"] else 1
    if u in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[u] + 1}"
    elif u in MONTHS:
        value = f"XXXX-{MONTHS[u]:02d}"
    elif u in ("morning", "afternoon", "evening", "night"):
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[u]}"
    elif u in SEASONS:
        value = f"XXXX-{SEASONS[u][0]}"
    elif u == "season":
        value = "P1Y"  # a recurring season (a flu season, a sports season) comes once a year
    elif u == "weekend":
        value = "XXXX-WXX-WE"
    else:
        value = _duration_value(float(every), u)
    return _c(m, "SET", Spec("set", value=value), "set", 3)


_SET_ADV = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
    "annual": "P1Y",
}


@_rule(
    "set-adv",
    r"\b(?P<w>daily|weekly|monthly|yearly|annually|quarterly|hourly|nightly|biweekly|semiannually|biannually)\b",
    5,
    _I,
)
def _set_adv(m: re.Match[str], t: str) -> _Cand | None:
    w = m["w"].lower()
    if w == "quarterly" and re.match(
        r"\s+(?:dividend|report|results|earnings|payment|rate|basis|figures|data|survey)",
        t[m.end() : m.end() + 12],
        re.I,
    ):
        return None  # "a quarterly dividend" names a kind of payment more than a recurrence
    return _c(m, "SET", Spec("set", value=_SET_ADV[w]), "set-adverb", 5)


# Left out on purpose: "previously", "soon", "formerly", "once" and the bare adjectives "future",
# "recent", "current". TimeBank tags them in well under half their uses ("once" is mostly "as
# soon as"), so for a dossier of dates they add more noise than signal.
_REF_RE = (
    r"\b(?P<w>right\s+now|just\s+now|now|currently|presently|nowadays|at\s+present|these\s+days|recently|lately|"
    r"the\s+past|the\s+future|the\s+near\s+future|the\s+near\s+term|a\s+later\s+date|at\s+the\s+time|earlier|"
    r"in\s+the\s+old\s+days)\b"
)


@_rule("ref", _REF_RE, 7, _I)
def _ref(m: re.Match[str], t: str) -> _Cand | None:
    w = _lower(m["w"])
    before = t[max(0, m.start() - 20) : m.start()]
    after = t[m.end() : m.end() + 20]
    if w == "earlier" and not (re.search(r"(?:^|[.!?]\s+|\n\s*)$", before) and re.match(r",", after)):
        return None  # only a sentence-initial "Earlier," stands for a past time by itself
    if (
        w == "now"
        and re.search(r"\b(?:from|until|till|by|up\s+to|as\s+of|for)\s+$", before, re.I)
        and re.match(r"\s*on\b", after, re.I)
    ):
        return None  # "from now on" is a span, not the present moment
    if w == "at the time":
        if re.match(r"\s+of\b", after):
            return None  # "at the time of its founding": the founding is the time
        return _Cand(m.start() + 3, m.end(), "DATE", Spec("ref", value="PAST_REF"), "ref", 7)
    if w == "the past" and re.match(
        r"\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|[0-9]|decade|year|month|week|day|century)",
        after,
        re.I,
    ):
        return None  # "the past two years" belongs to the duration rule
    return _c(m, "DATE", Spec("ref", value=REF_WORDS[w]), "ref", 7)


@_rule(
    "the-week",
    r"\b(?:(?P<pre>for|during|over|of)\s+(?P<w>the\s+(?:whole\s+|entire\s+)?week)\b(?!\s+(?:of|before|after|that|when|ended|ending))|(?P<w2>the\s+week)(?='s\b))",
    6,
    _I,
)
def _the_week(m: re.Match[str], t: str) -> _Cand | None:
    # "For the week, the index dropped 3.8%": the week of the report.
    s = m.start("w") if m["w"] else m.start("w2")
    e = m.end("w") if m["w"] else m.end("w2")
    if (
        m["pre"]
        and _lower(m["pre"]) == "of"
        and not re.search(
            r"\b(?:end|rest|start|beginning|middle|half|part|course)\s+of\s*$",
            t[max(0, m.start() - 12) : m.end("pre")],
            re.I,
        )
    ):
        return None
    return _Cand(s, e, "DATE", Spec("unit_rel", unit="W", offset=0), "the-week", 6)


@_rule(
    "the-year",
    r"\b(?P<pre>for|in|during|through|throughout|of|over)\s+(?P<w>the\s+(?:full\s+|fiscal\s+|calendar\s+|whole\s+|entire\s+)?year)\b(?P<ended>\s+(?:ended|ending|to\s+date))?",
    6,
    _I,
)
def _the_year(m: re.Match[str], t: str) -> _Cand | None:
    after = t[m.end("w") : m.end("w") + 14]
    if re.match(r"\s+(?:[0-9]|two|nineteen)", after, re.I):
        return None
    if _lower(m["pre"]) == "of" and not re.search(
        r"\b(?:end|rest|start|beginning|middle|half|part|remainder|course)\s+of\s*$",
        t[max(0, m.start() - 12) : m.end("pre")],
        re.I,
    ):
        return None
    s = m.start("w")
    if m["ended"]:
        return _Cand(s, m.end("w"), "DURATION", Spec("duration", value="P1Y"), "the-year-ended", 6)
    return _Cand(s, m.end("w"), "DATE", Spec("unit_rel", unit="Y", offset=0), "the-year", 6)


_HOLI = r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Halloween|Valentine's\s+Day|Independence\s+Day|Veterans'?\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Election\s+Day|Labor\s+Day|Memorial\s+Day)"


@_rule(
    "holiday",
    rf"(?:(?P<mod>last|next|this)\s+)?(?P<h>{_HOLI})\b(?:,?\s+(?P<y>{YEAR}))?(?!\s+(?:Island|Islands|tree|trees|card|cards|shopping|party|parties|season|holidays?|gift|gifts|present|presents|bonus|Offensive|Rising|Uprising|Carol))",
    4,
)
def _holiday(m: re.Match[str], t: str) -> _Cand | None:
    name = _lower(m["h"])
    if name not in HOLIDAYS:
        return None
    mode = {"last": "last", "next": "next", "this": "this"}.get((m["mod"] or "").lower(), "tense")
    return _c(m, "DATE", Spec("holiday", int(m["y"]) if m["y"] else None, value=name, mode=mode), "holiday", 4)


@_rule(
    "ref-day",
    r"\b(?:(?P<pre>earlier|later)\s+)?(?:the\s+(?P<rel>previous|next|following|same|preceding|prior)|that(?:\s+(?P<same>same|very))?)\s+(?P<u>day|morning|afternoon|evening|night|week|month|year)\b",
    3,
    _I,
)
def _ref_day(m: re.Match[str], _t: str) -> _Cand:
    rel = (m["rel"] or "same").lower()
    off = {"previous": -1, "preceding": -1, "prior": -1, "next": 1, "following": 1, "same": 0}[rel]
    u = m["u"].lower()
    unit = {"week": "W", "month": "M", "year": "Y"}.get(u, "D")
    spec = Spec("shift", unit=unit, offset=off, mode="day-ctx" if unit == "D" else "ctx")
    if u in ("morning", "afternoon", "evening", "night"):
        return _c(m, "TIME", Spec("time", inner=spec, tod=PARTS_OF_DAY[u]), "ref-day", 3)
    if m["pre"]:
        spec = Spec("fuzzy", inner=spec, part="EARLIER" if m["pre"].lower() == "earlier" else "LATER")
    return _c(m, "DATE", spec, "ref-day", 3)


@_rule("day-before", r"\bthe\s+day\s+(?P<ba>before|after)\b(?!\s+(?:yesterday|tomorrow))", 4, _I)
def _day_before(m: re.Match[str], _t: str) -> _Cand:
    off = -1 if m["ba"].lower() == "before" else 1
    return _c(m, "DATE", Spec("shift", unit="D", offset=off, mode="day-ctx"), "day-before", 4)


# --------------------------------------------------------------------------- putting it together


def _candidates(norm: str) -> list[_Cand]:
    out: list[_Cand] = []
    for _name, rx, fn, _prio in _RULES:
        for m in rx.finditer(norm):
            if m.end() == m.start():
                continue
            got = fn(m, norm)
            if got is None:
                continue
            for c in got if isinstance(got, list) else [got]:
                if c.end > c.start:
                    out.append(c)
    return out


def _select(cands: list[_Cand], norm: str) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then by rule priority."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    taken: list[_Cand] = []
    occupied = bytearray(len(norm) + 1)
    for c in cands:
        # Trim whitespace and trailing commas a loose pattern may have caught.
        while c.end > c.start and norm[c.end - 1] in " ,\n\t":
            c.end -= 1
        while c.start < c.end and norm[c.start] in " ,\n\t":
            c.start += 1
        if c.end <= c.start or any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_CTX_WINDOW = 600  # characters back to look for the quarter or date a phrase like "a year earlier" leans on


def _contextualise(sel: list[_Cand], norm: str) -> None:
    """Bind reference-relative specs ("the quarter", "a year earlier", "the next day") to what came before.

    The bound spec nests the referenced expression's own spec, so :func:`resolve` re-anchors both.
    "since" in front of a date widens it to run up to the anchor.
    """
    quarters: list[tuple[int, Spec]] = []
    days: list[tuple[int, Spec]] = []
    dated: list[tuple[int, Spec]] = []
    for c in sel:
        s = c.spec
        if s.kind == "shift" and s.inner is None and s.mode:
            if s.mode == "quarter-ctx":
                # Earlier quarters in sight, most recent first, then the last complete quarter
                # before the anchor; the resolver takes the first one over at the anchor.
                near = tuple(sp for pos, sp in reversed(quarters) if c.start - pos < _CTX_WINDOW * 2)[:3]
                c.spec = replace(s, alts=(*near, Spec("unit_rel", unit="Q", offset=-1)), mode="same-grain")
            elif s.mode in ("day-ctx", "ctx"):
                pool = days if s.mode == "day-ctx" else dated
                ref = next((sp for pos, sp in reversed(pool) if c.start - pos < _CTX_WINDOW * 3), None)
                if ref is not None:
                    c.spec = replace(s, inner=ref, mode="")
                elif s.mode == "day-ctx":
                    c.spec = Spec("unknown", value=_UNKNOWN[s.unit or "D"])
                else:
                    c.spec = Spec("shift", unit=s.unit, offset=s.offset, mod=s.mod)
        elif s.kind in ("fuzzy", "time") and s.inner is not None and s.inner.kind == "shift" and s.inner.mode:
            inner = s.inner
            pool = days if inner.mode == "day-ctx" else quarters if inner.mode == "quarter-ctx" else dated
            ref = next((sp for pos, sp in reversed(pool) if c.start - pos < _CTX_WINDOW * 3), None)
            if ref is not None and inner.mode != "quarter-ctx":
                c.spec = replace(s, inner=replace(inner, inner=ref, mode=""))
            elif inner.mode == "quarter-ctx":
                near = tuple(sp for pos, sp in reversed(quarters) if c.start - pos < _CTX_WINDOW * 2)[:3]
                c.spec = replace(
                    s, inner=replace(inner, alts=(*near, Spec("unit_rel", unit="Q", offset=-1)), mode="same-grain")
                )
            elif inner.mode == "ctx":
                c.spec = replace(s, inner=Spec("unit_rel", unit=inner.unit or "Y", offset=inner.offset))
            else:
                c.spec = replace(s, inner=Spec("unknown", value="XXXX-XX-XX"))
        if (
            c.type == "DATE"
            and re.search(r"\b[Ss]ince\s+$", norm[max(0, c.start - 7) : c.start])
            and c.spec.kind not in ("ref", "since")
        ) or (c.type == "DATE" and re.match(r"\s+and\s+beyond\b", norm[c.end : c.end + 12])):
            c.spec = Spec("since", inner=c.spec)
        k = _base_kind(c.spec)
        if k in ("quarter",) or (c.rule == "quarter-ref" and c.spec.kind == "quarter"):
            quarters.append((c.start, c.spec))
        if k in ("date", "weekday", "holiday") or (k == "unit_rel" and _unit_of(c.spec) == "D"):
            days.append((c.start, _strip(c.spec)))
        if k in ("date", "weekday", "holiday", "month", "year", "quarter", "season", "unit_rel", "half"):
            dated.append((c.start, _strip(c.spec)))


def _strip(s: Spec) -> Spec:
    """The calendar part of a spec, without "since"/"time" wrappers."""
    while s.kind in ("since", "time", "fuzzy") and s.inner is not None:
        s = s.inner
    return s


def _base_kind(s: Spec) -> str:
    return _strip(s).kind


def _unit_of(s: Spec) -> str | None:
    return _strip(s).unit


def find_timexes(text: str, anchor: date | None = None) -> list[Timex]:
    """Every temporal expression in text, non-overlapping, sorted by start; resolved against anchor when given.

    Args:
        text: any text; curly quotes and no-break spaces are read as their ASCII forms, but
            offsets always index the text as given.
        anchor: the date the text speaks from (the article's publication date), or None.

    Returns:
        The expressions, in text order.

    Example:
        >>> [(t.text, t.value) for t in find_timexes("Sales fell last week.", date(2024, 6, 25))]
        [('last week', '2024-W25')]
    """
    norm = _normalise(text)
    sel = _select(_candidates(norm), norm)
    _contextualise(sel, norm)
    return [_make(c.start, text[c.start : c.end], c.type, c.spec, c.rule, anchor, _tense(norm, c.start, c.end)) for c in sel]


def _absolute(s: Spec) -> bool:
    """True when neither the value nor the interval of s depends on the anchor."""
    if s.kind in ("year", "century", "duration", "set"):
        return True
    if s.kind in ("date", "month", "quarter", "half", "season", "holiday"):
        return s.year is not None
    if s.kind == "decade":
        return s.n is not None and s.n >= 100
    if s.kind == "fuzzy":
        return s.part not in ("EARLIER", "LATER") and s.inner is not None and _absolute(s.inner)
    if s.kind == "time":
        return s.inner is not None and _absolute(s.inner)
    return False  # relative kinds, and "since" (it runs up to the anchor)


_WEEKDAY_OFFSET: dict[tuple[object, ...], int] = {}


def resolve_bounds(t: Timex, anchor: date) -> tuple[date | None, date | None]:
    """``(earliest, latest)`` of :func:`resolve` ``(t, anchor)`` without building the Timex and its
    evidence: what publication-date inference asks of thousands of candidate anchors."""
    if t.spec is None or _absolute(t.spec):
        return t.earliest, t.latest
    if t.spec.kind == "weekday":
        # A weekday falls a number of days from its anchor that depends only on the anchor's
        # weekday (and the mode and tense): resolved once per weekday, then shifted.
        key = (t.spec.n, t.spec.mode, t.tense, anchor.weekday())
        off = _WEEKDAY_OFFSET.get(key)
        if off is None:
            r = _r_weekday(t.spec, anchor, t.tense)
            off = _WEEKDAY_OFFSET[key] = (r.earliest - anchor).days if r.earliest is not None else 0
        day = anchor + timedelta(days=off)
        return day, day
    try:
        r = _resolve_spec(t.spec, anchor, t.tense)
    except (ValueError, OverflowError, IndexError):
        return None, None
    if r.earliest is not None and r.latest is not None and r.earliest > r.latest:
        return r.earliest, r.earliest
    return r.earliest, r.latest


def resolve(t: Timex, anchor: date) -> Timex:
    """The same expression re-resolved against another anchor (absolute ones come back unchanged).

    Cheap: it replays the stored :class:`Spec`, never the text, so publication-date inference can
    try many candidate anchors per article.

    Args:
        t: an expression from :func:`find_timexes`.
        anchor: the date to resolve against.

    Returns:
        A new Timex with value, interval, confidence and evidence for that anchor.
    """
    if t.spec is None or _absolute(t.spec):
        return t
    return _make(t.start, t.text, t.type, t.spec, t.rule, anchor, t.tense)
