"""Temporal expressions: detection, TimeML values and intervals on hand-written news sentences.

Anchors are fixed; 2024-06-25 is a Tuesday, 2013-03-22 a Friday, 2025-02-10 a Monday.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.timex import Timex, find_timexes, resolve

TUE = date(2024, 6, 25)


def one(text: str, anchor: date | None, expr: str | None = None) -> Timex:
    """The single expression found in text (or the one whose text is expr)."""
    found = find_timexes(text, anchor)
    if expr is not None:
        found = [t for t in found if t.text == expr]
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, anchor: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


# ------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The treaty was signed on 27 January 2023 in Paris.", "27 January 2023", "2023-01-27"),
        ("The rule takes effect March 01, 2024.", "March 01, 2024", "2024-03-01"),
        ("The deal closed Feb. 29, 2024.", "Feb. 29, 2024", "2024-02-29"),
        ("The filing is dated 2024-03-01.", "2024-03-01", "2024-03-01"),
        ("A memo dated 03/08/1998 surfaced.", "03/08/1998", "1998-03-08"),
        ("Prices peaked in June 2024.", "June 2024", "2024-06"),
        ("The law was passed in 2024.", "2024", "2024"),
        ("Crime fell through the 1990s.", "the 1990s", "199"),
        ("The Soviet Union invaded in nineteen seventy-nine.", "nineteen seventy-nine", "1979"),
        ("In fiscal 1989, the company earned $17 million.", "fiscal 1989", "1989"),
        ("The data cover 1989-Q3 only.", "1989-Q3", "1989-Q3"),
        ("He was a 20th century democrat.", "20th century", "19"),
    ],
)
def test_timex_absolute_dates(text: str, expr: str, value: str) -> None:
    t = one(text, None, expr)
    assert t.value == value
    assert t.type == "DATE"
    assert not t.relative
    assert t.earliest is not None and t.latest is not None
    assert t.confidence >= 0.85


def test_timex_absolute_interval() -> None:
    t = one("Prices peaked in March 2024.", None)
    assert (t.earliest, t.latest) == (date(2024, 3, 1), date(2024, 3, 31))
    t = one("The company was founded in 1998.", None)
    assert (t.earliest, t.latest) == (date(1998, 1, 1), date(1998, 12, 31))


def test_timex_absolute_unchanged_by_anchor() -> None:
    text = "The treaty was signed on 27 January 2023."
    assert one(text, None).value == one(text, TUE).value == "2023-01-27"
    t = one(text, None)
    assert resolve(t, TUE) is t


def test_timex_quarters_use_the_anchor_year() -> None:
    assert one("Net income rose in the third quarter.", date(1989, 11, 2)).value == "1989-Q3"
    assert one("It expects a fourth-quarter charge.", date(1989, 11, 2)).value == "1989-Q4"
    t = one("Fourth-quarter profit fell 10%.", date(1990, 2, 1))
    assert t.value == "1989-Q4"  # reported in the new year: last year's fourth quarter


def test_timex_clock_times() -> None:
    t = one("The blast occurred at 10:30 a.m. local time.", date(2013, 3, 22))
    assert (t.type, t.value) == ("TIME", "2013-03-22T10:30")
    t = one("Talks broke off at 10 p.m. Wednesday.", date(2013, 3, 22))
    assert (t.type, t.value) == ("TIME", "2013-03-20T22:00")
    t = one("The offer expires at 5 p.m. EST Nov. 9.", date(1989, 11, 2))
    assert t.value == "1989-11-09T17:00"


def test_timex_part_of_day() -> None:
    t = one("The fighting began Friday morning.", date(2013, 3, 22))
    assert (t.text, t.type, t.value) == ("Friday morning", "TIME", "2013-03-22TMO")
    assert one("The results will be disclosed this morning.", date(1989, 10, 26)).value == "1989-10-26TMO"
    assert one("CBS News first reported last night that it was so.", date(1998, 1, 20)).value == "1998-01-19TNI"


# ------------------------------------------------------------------------- underspecified


def test_timex_day_month_without_year_takes_the_year_from_tense() -> None:
    t = one("The talks ended on 8 February.", date(2025, 2, 10))
    assert t.value == "2025-02-08"
    assert t.tense == "past"
    assert t.relative
    assert t.earliest == t.latest == date(2025, 2, 8)


def test_timex_day_month_without_anchor_is_unknown_year() -> None:
    t = one("The talks ended on 8 February.", None)
    assert t.value == "XXXX-02-08"
    assert t.earliest is None and t.latest is None
    assert t.relative


def test_timex_leap_day_without_year() -> None:
    t = one("He was born on Feb. 29.", date(2024, 3, 1))
    assert t.value == "2024-02-29"


def test_timex_future_tense_picks_the_next_occurrence() -> None:
    assert one("The summit will be held on Aug. 10.", date(2024, 10, 5)).value == "2025-08-10"
    assert one("The summit was held on Aug. 10.", date(2024, 10, 5)).value == "2024-08-10"
    assert one("The summit was held on Nov. 30.", date(2024, 10, 5)).value == "2023-11-30"
    # A date just ahead of the anchor stays in its year even in a past-tense clause.
    assert one("The offer had been set to expire Nov. 6.", date(1989, 11, 2)).value == "1989-11-06"


def test_timex_bare_month() -> None:
    assert one("Sales rose in November.", date(2024, 12, 10)).value == "2024-11"
    assert one("The plant will open in March.", date(2024, 12, 10)).value == "2025-03"
    assert values("Theresa May spoke.", TUE) == []  # a name, not the month


# ------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shares fell today.", "2024-06-25"),
        ("Shares fell yesterday.", "2024-06-24"),
        ("The vote is tomorrow.", "2024-06-26"),
        ("Inflation is now at 3 percent.", "PRESENT_REF"),
        ("The company currently employs 500 people.", "PRESENT_REF"),
        ("The firm recently hired a lawyer.", "PAST_REF"),
        ("In the past, such talks failed.", "PAST_REF"),
        ("It worries about the future.", "FUTURE_REF"),
        ("Talks resume next month.", "2024-07"),
        ("Profit fell last year.", "2023"),
        ("Profit will rise this year.", "2024"),
        ("The factory closed a year ago.", "2023"),
        ("The factory closed two weeks ago.", "2024-W24"),
        ("The vote was held this week.", "2024-W26"),
    ],
)
def test_timex_relative_to_anchor(text: str, value: str) -> None:
    t = one(text, TUE)
    assert t.value == value
    assert t.relative


def test_timex_tonight_is_a_time() -> None:
    t = one("He will speak tonight.", TUE)
    assert (t.type, t.value) == ("TIME", "2024-06-25TNI")


def test_timex_last_week_is_an_iso_week() -> None:
    t = one("Last week, the two sides held talks.", TUE)
    assert t.value == "2024-W25"
    assert (t.earliest, t.latest) == (date(2024, 6, 17), date(2024, 6, 23))


def test_timex_years_ago() -> None:
    t = one("The plant closed 20 years ago.", date(2023, 1, 27))
    assert t.value == "2003"
    assert (t.earliest, t.latest) == (date(2003, 1, 1), date(2003, 12, 31))
    assert one("He left five months ago.", date(1998, 3, 31)).value == "1997-10"


def test_timex_earlier_and_later_this_period() -> None:
    t = one("The bank raised rates earlier this month.", TUE)
    assert (t.value, t.mod) == ("2024-06", "START")
    assert (t.earliest, t.latest) == (date(2024, 6, 1), TUE)
    t = one("A decision is expected later this year.", TUE)
    assert (t.value, t.mod) == ("2024", "END")
    assert (t.earliest, t.latest) == (TUE, date(2024, 12, 31))


def test_timex_seasons() -> None:
    t = one("Sales slumped last fall.", date(2025, 2, 10))
    assert t.value == "2024-FA"
    assert (t.earliest, t.latest) == (date(2024, 9, 1), date(2024, 11, 30))
    assert one("The games open this summer.", date(2025, 2, 10)).value == "2025-SU"
    t = one("It was a cold winter of 1994.", None)
    assert (t.value, t.earliest, t.latest) == ("1994-WI", date(1993, 12, 1), date(1994, 2, 28))


def test_timex_since_runs_to_the_anchor() -> None:
    t = one("Prices have risen since August last year.", date(2024, 3, 1))
    assert t.text == "August last year"  # TimeBank leaves "since" out of the span
    assert t.value == "2023-08"
    assert (t.earliest, t.latest) == (date(2023, 8, 1), date(2024, 3, 1))
    assert t.mod == "ON_OR_AFTER"
    t = one("Australia has been independent since 2000.", TUE)
    assert (t.text, t.value, t.earliest, t.latest) == ("2000", "2000", date(2000, 1, 1), TUE)


def test_timex_month_of_relative_year() -> None:
    assert one("They met in August last year.", date(2024, 3, 1)).value == "2023-08"
    assert one("They join NATO in April next year.", date(1998, 10, 1)).value == "1999-04"


@pytest.mark.parametrize(
    ("text", "anchor", "value", "mod", "interval"),
    [
        (
            "The fire started in early August.",
            date(2023, 11, 15),
            "2023-08",
            "START",
            (date(2023, 8, 1), date(2023, 8, 10)),
        ),
        ("Output peaked in mid-2023.", TUE, "2023", "MID", (date(2023, 5, 1), date(2023, 8, 31))),
        ("The plant closed late last year.", TUE, "2023", "END", (date(2023, 9, 1), date(2023, 12, 31))),
        ("Output grew in the early 1980s.", TUE, "198", "START", (date(1980, 1, 1), date(1983, 12, 31))),
    ],
)
def test_timex_fuzzy_parts(text: str, anchor: date, value: str, mod: str, interval: tuple[date, date]) -> None:
    t = one(text, anchor)
    assert (t.value, t.mod) == (value, mod)
    assert (t.earliest, t.latest) == interval


# ------------------------------------------------------------------------- weekdays


def test_timex_weekday_past_tense_is_on_or_before_the_anchor() -> None:
    t = one("North Korea on Monday criticized the drills.", TUE)
    assert (t.text, t.value) == ("Monday", "2024-06-24")
    assert "2024-06-25" in t.evidence and "Monday" in t.evidence
    # TimeBank: "said Friday" with a Friday DCT is that same Friday.
    assert one("Dr. Michael Jhung said Friday.", date(2013, 3, 22)).value == "2013-03-22"


def test_timex_weekday_future_tense_is_on_or_after_the_anchor() -> None:
    assert one("The summit will be held on Friday.", TUE).value == "2024-06-28"
    assert one("The court is scheduled to rule Monday.", TUE).value == "2024-07-01"


def test_timex_weekday_without_tense_is_the_nearest() -> None:
    assert one("Monday: talks in Geneva.", TUE).value == "2024-06-24"
    assert one("Wednesday: talks in Geneva.", TUE).value == "2024-06-26"


def test_timex_last_and_next_weekday() -> None:
    assert one("Talks collapsed last Tuesday.", TUE).value == "2024-06-18"
    assert one("Talks resume next Friday.", TUE).value == "2024-06-28"


def test_timex_weekend_and_reference_days() -> None:
    t = one("Officials said over the weekend that talks would resume.", TUE)
    assert (t.value, t.earliest, t.latest) == ("2024-W25-WE", date(2024, 6, 22), date(2024, 6, 23))
    found = values("The vote was on Friday, Oct. 23. The previous day, protests began.", date(1998, 11, 21))
    assert found == [("Friday, Oct. 23", "1998-10-23"), ("The previous day", "1998-10-22")]
    found = values("Rebels attacked on March 3. The same day, the army withdrew.", date(2024, 3, 10))
    assert found[1] == ("The same day", "2024-03-03")


def test_timex_reference_day_without_a_reference_is_unknown() -> None:
    t = one("A few days after the vote, the same day the army withdrew.", TUE, "the same day")
    assert t.value == "XXXX-XX-XX" and t.earliest is None


# ------------------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    ("text", "expr", "value", "mod"),
    [
        ("The debt will be repaid in 24 years.", "24 years", "P24Y", None),
        ("He served for three years.", "three years", "P3Y", None),
        ("The war lasted two decades.", "two decades", "P20Y", None),
        ("It took a month.", "a month", "P1M", None),
        ("After a five-hour meeting, they left.", "five-hour", "PT5H", None),
        ("Prices rose in recent months.", "recent months", "PXM", None),
        ("The trip took 2 1/2 hours.", "2 1/2 hours", "PT2H30M", None),
        ("Talks have been cut off for nearly two years.", "nearly two years", "P2Y", "LESS_THAN"),
        ("They will stay for at least 30 days.", "at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("Profit fell in the first nine months.", "the first nine months", "P9M", None),
    ],
)
def test_timex_durations(text: str, expr: str, value: str, mod: str | None) -> None:
    t = one(text, TUE, expr)
    assert (t.type, t.value, t.mod) == ("DURATION", value, mod)
    assert t.earliest is None and t.latest is None


def test_timex_ages_are_not_durations() -> None:
    assert values("The 52-year-old was 40 years old.", TUE) == []


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Children should be vaccinated each season.", "each season", "P1Y"),
        ("The fair is held every year.", "every year", "P1Y"),
        ("The magazine appears weekly.", "weekly", "P1W"),
        ("Rallies are held daily.", "daily", "P1D"),
        ("It saves $500 million a year.", "a year", "P1Y"),
    ],
)
def test_timex_sets(text: str, expr: str, value: str) -> None:
    t = one(text, TUE, expr)
    assert (t.type, t.value) == ("SET", value)


# ------------------------------------------------------------------------- context and tense


def test_timex_year_ago_in_an_earnings_report_is_the_quarter() -> None:
    text = "Third-quarter net income rose 11% to $5 million, up from $4 million a year ago."
    assert values(text, date(1989, 11, 2)) == [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]
    assert one("The plant closed a year ago.", date(1989, 11, 2)).value == "1988"


def test_timex_tense_of_the_clause() -> None:
    assert one("The talks will resume Friday.", TUE).tense == "future"
    assert one("The talks resumed Friday.", TUE).tense == "past"
    assert one("The company plans to open a plant Friday.", TUE).tense == "future"
    assert one("The offer had been due to expire Friday.", TUE).tense == "past"


def test_timex_curly_quotes_and_no_break_spaces_keep_offsets() -> None:
    text = "\u201cWe\u2019ll meet on\u00a0Jan.\u00a05,\u201d he said\u2014on\u00a0Friday\u2019s call."
    found = find_timexes(text, TUE)
    assert [t.text for t in found] == ["Jan.\u00a05", "Friday"]
    for t in found:
        assert text[t.start : t.end] == t.text


def test_timex_non_overlapping_and_sorted() -> None:
    text = "On Monday, Oct. 26, 1998, a day after the 10:30 a.m. vote, last week's talks and the third quarter."
    found = find_timexes(text, date(1998, 10, 27))
    assert [t.start for t in found] == sorted(t.start for t in found)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


# ------------------------------------------------------------------------- resolve()


RESOLVE_TEXTS = [
    "North Korea on Monday criticized the drills, days after talks last week.",
    "The talks ended on 8 February, and resume in early August.",
    "Profit rose in the third quarter, up from a year ago; the previous day shares fell.",
    "Prices have risen since August last year and will fall next month, officials said Friday.",
    "He served 20 years ago, and will return tomorrow night at 10 p.m.",
    "The weekend rally drew crowds last fall; the year-earlier quarter was weak.",
]


@pytest.mark.parametrize("text", RESOLVE_TEXTS)
@pytest.mark.parametrize("anchor", [date(2024, 6, 25), date(2025, 2, 10), date(1989, 11, 2), date(2000, 2, 29)])
def test_timex_resolve_matches_find_with_that_anchor(text: str, anchor: date) -> None:
    expected = find_timexes(text, anchor)
    for source in (find_timexes(text, None), find_timexes(text, date(2013, 3, 22))):
        assert [resolve(t, anchor) for t in source] == expected


def test_timex_resolve_reports_the_new_anchor() -> None:
    t = one("Talks ended on Monday.", None)
    r = resolve(t, TUE)
    assert r.value == "2024-06-24"
    assert "2024-06-25" in r.evidence


# ------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(text=st.text(), anchor=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_timex_any_text_gives_well_formed_expressions(text: str, anchor: date | None) -> None:
    for t in find_timexes(text, anchor):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert 0.0 <= t.confidence <= 1.0
        if t.earliest is not None and t.latest is not None:
            assert t.earliest <= t.latest


NEWSY_PIECES = [
    "on Monday", "last week", "Feb. 29", "since 2000", "a year ago", "20 years ago", "early August",
    "the third quarter", "next Friday", "10:30 a.m.", "the previous day", "in 24 years", "9999 years ago",
    "late last year", "the weekend", "this winter", "Dec. 31", "mid-2023", "said", "will", "the 1990s",
    "Christmas", "last Thanksgiving", "in the 2090s", "a year earlier", "1000", "2099", ",", ".", " ",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(NEWSY_PIECES), max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=NEWSY, anchor=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_timex_newsy_text_resolves_consistently(text: str, anchor: date) -> None:
    found = find_timexes(text, anchor)
    for t in found:
        assert text[t.start : t.end] == t.text
        if t.earliest is not None and t.latest is not None:
            assert t.earliest <= t.latest
    assert [resolve(t, anchor) for t in find_timexes(text, None)] == found


def test_timex_resolve_bounds_is_resolve_without_the_record() -> None:
    """``resolve_bounds`` (publication-date inference's fast path, #24) gives the interval
    ``resolve`` gives, for every kind of relative expression and anchor."""
    from datetime import date, timedelta

    from newsprism.timex import find_timexes, resolve, resolve_bounds

    text = "He said on Tuesday that last Friday and next Monday were fine; on Sunday it rained. Yesterday, this week, in March, last year."
    ts = find_timexes(text, date(2024, 3, 6))
    assert len(ts) >= 6
    for t in ts:
        for k in range(0, 400, 3):
            d = date(2023, 1, 1) + timedelta(days=k)
            r = resolve(t, d)
            assert (r.earliest, r.latest) == resolve_bounds(t, d), (t.text, d)


@pytest.mark.issue(21)
def test_timex_a_24_hour_clock_time_is_no_year() -> None:
    """Read on PolNeAR: "Near 1750 GMT, the Dow ..." dated an event to the year 1750."""
    from datetime import date

    from newsprism.timex import find_timexes

    assert not [t for t in find_timexes("Near 1750 GMT, the Dow stood at 18,104.", date(2016, 7, 1)) if t.value == "1750"]
    assert not find_timexes("At 0600 hours the troops moved.", date(2016, 7, 1))
    assert [t.value for t in find_timexes("The treaty of 1750 still stands.", date(2016, 7, 1))] == ["1750"]
