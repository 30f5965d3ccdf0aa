"""Publication dates: stated where the page states one, inferred (and said so) where it does not.

Stated dates come from the input (JSONL ``published``), the HTML's own metadata
(htmldate, through trafilatura), a date in the URL, or a dateline line of the
page — never from a photo caption, which dates the photo.

When the page states no date, the date is inferred from constraints, each with
its evidence in words:

* **lower bounds**: the article is published on or after every fully dated day it
  mentions outside captions and future-tense clauses, and after every anchor event
  it mentions (``data/anchor_events.json``, users extend it);
* **anchored relative expressions**: "last week" in a sentence about an anchor
  event means that event fell in the week before publication; "today" means on
  the day; the candidate publication days are those for which the expression,
  resolved against the candidate, covers the event;
* **year arithmetic**: "the first visit in 24 years" beside "since 2000" fixes the
  year to 2024;
* **news recency**: an event dated only by weekday or by day and month ("on
  Monday", "on 8 February") is the news of the day: wire copy is published the
  same day or the next (``REPORTING_WINDOW_DAYS``). This is a soft constraint,
  dropped when it contradicts the hard ones;
* **other articles** (corpus stage): when one article dates an event that
  another article also mentions, the second article may use it as an anchor.

The result is a ``DateRange``: a single day where the evidence fixes it, a range
where it does not, both null where nothing is known.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsprism.article import Article, DateRange, Dossier
from newsprism.knowledge import derived, load_data
from newsprism.registry import stage

LOGGER = logging.getLogger(__name__)

# Wire copy that dates its news by weekday ("on Monday") or day and month is
# published that day or the next; calibrated on newswire practice (Yonhap, AP).
REPORTING_WINDOW_DAYS = 1
# Candidate publication days never lie further back than this from the upper bound.
MAX_SPAN_YEARS = 40
# More separate periods than this fitting the evidence means the evidence does not date it.
MAX_PERIODS = 3
URL_DATE = re.compile(r"/(19\d\d|20\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
FUTURE = re.compile(r"\b(will|would|shall|plans? to|is to|are to|scheduled|expected to|next)\b", re.I)
# A clause that tells of the past: a verb in the past tense.
PAST_CLAUSE = re.compile(r"\b(?:was|were|had|did|said|told|took|made|began|won|lost|became|came|went|met|held|gave|sent|\w{3,}ed)\b", re.I)
# Wishes, possibilities and conditions: what they date may lie ahead ("could help ... in 2017").
WISH = re.compile(r"\b(could|may|might|hope[sd]?|wish(?:es|ed)?|aims? to|intends? to|if|unless|'ll|won't)\b", re.I)
REPORTED = re.compile(r"\b(said|says|told|announced|warned|vowed|pledged|added|stated|promised|threatened)\b", re.I)
YEARS_COUNT = re.compile(r"\bin\s+(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\s+years\b", re.I)
PUBLISHED_LINE = re.compile(r"^\s*(published|posted|first published|date)\b", re.I)
UPDATED_LINE = re.compile(r"^\s*(updated|last updated|modified|last modified)\b", re.I)
REPRINT_LINE = re.compile(r"\b(originally|first) (published|appeared)\b|\breprinted\b", re.I)
CRAWLED_LINE = re.compile(r"\b(crawled|retrieved|accessed|fetched|downloaded)(_at)?\b", re.I)
DAY_NO_YEAR = re.compile(r"^XXXX-\d\d-\d\d$")  # "on 8 February" with no year known
WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-\d$")  # "on Monday"
SINCE_YEAR = re.compile(r"\bsince\s+((?:19|20)\d\d)\b")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip


def today() -> date:
    """The upper bound of any publication date; ``NEWSPRISM_TODAY`` pins it for reproducible runs."""
    pinned = os.environ.get("NEWSPRISM_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def latest_possible(article: Article) -> date:
    """The day after which ``article`` cannot have been published: the day it was fetched
    (``given["retrieved"]``: a web archive's record date, a JSONL field), else :func:`today`."""
    bound = today()
    got = article.given.get("retrieved")
    if isinstance(got, str):
        with contextlib.suppress(ValueError):
            bound = min(bound, date.fromisoformat(got[:10]))
    return bound


# ---------------------------------------------------------------------------- anchor events


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    id: str
    name: str
    earliest: date
    latest: date
    groups: tuple[tuple[str, ...], ...]  # each group must match (min_groups of them)
    any: tuple[str, ...]  # at least one must match
    source: str = ""
    min_groups: int = 0  # 0 means all groups
    # "occasion": a happening on its day(s) (a summit, a signing), which "last week" or
    # "today" can point at. "onset": the start of a lasting state (a war, a deployment),
    # which only "since ..." points at; a sentence naming it still bounds the date below.
    kind: str = "occasion"
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False)
    any_pattern: re.Pattern[str] | None = field(default=None, compare=False)

    def matches(self, sentence: str) -> bool:
        if self.any_pattern is None or not self.any_pattern.search(sentence):
            return False
        hits = sum(1 for p in self.patterns if p.search(sentence))
        need = self.min_groups or len(self.patterns)
        return hits >= need


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p).replace(r"\ ", r"[\s\u00a0]+")
        parts.append(f"(?-i:{esc})" if p.isupper() and len(p) <= 5 else esc)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.I)


def make_anchor(
    id: str,
    name: str,
    earliest: date,
    latest: date,
    groups: Iterable[Iterable[str]],
    any_: Iterable[str],
    source: str = "",
    min_groups: int = 0,
    kind: str = "occasion",
) -> AnchorEvent:
    gs = tuple(tuple(g) for g in groups if g)
    anys = tuple(any_)
    return AnchorEvent(
        id=id,
        name=name,
        earliest=earliest,
        latest=latest,
        groups=gs,
        any=anys,
        source=source,
        min_groups=min_groups,
        kind=kind,
        patterns=tuple(_phrase_pattern(g) for g in gs),
        any_pattern=_phrase_pattern(anys) if anys else None,
    )


@derived
def anchor_events() -> tuple[AnchorEvent, ...]:
    """The packaged anchor events plus the user's ``$NEWSPRISM_DATA/anchor_events.json`` (an
    event of the user's with a packaged ``id`` replaces it)."""
    return tuple(
        make_anchor(
            row["id"],
            row["name"],
            date.fromisoformat(row["earliest"]),
            date.fromisoformat(row.get("latest") or row["earliest"]),
            row["match"].get("all", []),
            row["match"].get("any", []),
            row.get("source", ""),
            kind=row.get("kind", "occasion"),
        )
        for row in load_data("anchor_events.json").get("events", [])
    )


# ---------------------------------------------------------------------------- stated dates


def stated_published(article: Article) -> DateRange | None:
    """The date the input or page states, or None. Captions are never read."""
    if article.published.known and article.given.get("published"):
        return article.published
    meta = article.page_meta.get("date")
    if meta:
        try:
            d = date.fromisoformat(str(meta)[:10])
            return DateRange(d.isoformat(), d.isoformat(), 0.9, f"the page's own metadata gives {meta} (htmldate)")
        except ValueError:
            pass
    url = article.given.get("url") or article.url or article.page_meta.get("url")
    if url:
        m = URL_DATE.search(str(url))
        if m:
            try:
                d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                return DateRange(d.isoformat(), d.isoformat(), 0.85, f"the URL carries the date: {url}")
            except ValueError:
                pass
    from newsprism.clean import DATE_LINE
    from newsprism.timex import find_timexes

    # Metadata lines with a full date: a dateline, "Published ...", a byline with its date.
    # A "published" line wins over an "updated" one; a reprint notice dates the original.
    found: list[tuple[int, DateRange]] = []
    for ln in article.lines:
        if ln.role != "metadata":
            continue
        text = article.line_text(ln)
        if REPRINT_LINE.search(text) or CRAWLED_LINE.search(text):
            continue
        rank = 2 if UPDATED_LINE.match(text) else (0 if DATE_LINE.match(text) or PUBLISHED_LINE.match(text) else 1)
        for t in find_timexes(text):
            if t.type in ("DATE", "TIME") and not t.relative and t.earliest and t.earliest == t.latest:
                what = "dateline" if rank == 0 else ("byline date" if rank == 1 else "update date")
                found.append(
                    (
                        rank,
                        DateRange(
                            t.earliest.isoformat(),
                            t.latest.isoformat(),
                            0.95 - 0.1 * rank,
                            f"{what} on line {ln.n}: {text.strip()!r}",
                        ),
                    )
                )
                break
    if found:
        return min(found, key=lambda x: x[0])[1]
    return None


# ---------------------------------------------------------------------------- inference


@dataclass(slots=True)
class _Sentence:
    text: str
    start: int  # offset in raw_text
    timexes: list[Any]
    events: list[AnchorEvent]


def article_sentences(article: Article, events: Iterable[AnchorEvent]) -> list[_Sentence]:
    """Body sentences (never captions) with their unanchored timexes and the anchor events they name."""
    from newsprism.timex import find_timexes

    events = tuple(events)
    out = []
    for ln in article.lines:
        if ln.role != "body":
            continue
        line = article.line_text(ln)
        for m in SENTENCE.finditer(line):
            text = m.group(0)
            if not text.strip():
                continue
            found = [e for e in events if e.matches(text)]
            out.append(_Sentence(text, ln.start + m.start(), find_timexes(text), found))
    return out


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def _overlaps(a0: date | None, a1: date | None, b0: date, b1: date) -> bool:
    if a0 is None and a1 is None:
        return False
    lo = a0 or date.min
    hi = a1 or date.max
    return not (hi < b0 or lo > b1)


# A year that names a scheduled occasion ("the 2016 presidential race", "the November 2016
# election", "fiscal 2017", "the 2020 Olympics") may lie ahead of the article: no lower bound.
SCHEDULED_AFTER = re.compile(
    r"^\s*(?:[A-Za-z-]+\s+){0,2}(?:elections?|races?|campaigns?|cycles?|primar(?:y|ies)|caucus(?:es)?|"
    r"conventions?|budgets?|season|term|census|olympics|games|world\s+cup|summit|midterms?|nominations?|ballots?|"
    r"candidates?|candidacy|field|contests?|hopefuls?|contenders?|mandates?|tickets?)\b",
    re.I,
)
SCHEDULED_BEFORE = re.compile(
    r"\b(?:(?:call(?:ed|s)?|set|schedul\w*|slated|plann\w*|due|fixed)\b[^.;]{0,60}\bfor|fiscal(?:\s+year)?|FY|class\s+of|budget\s+for|by|until|before|through|"
    r"(?:elections?|races?|nominations?|campaigns?|ballots?|primar(?:y|ies)|terms?|run|running|re-?election)\s+(?:in|of|for)|"
    # A maturity or expiry ("debentures due March 1, 2011", "notes maturing in 2009", "redeemable
    # after the end of 1994", "puttable back to the company in 1999", "the lease expires in 2030"):
    # a date the contract sets ahead.
    r"(?:due(?!\s+(?:\w+ly\s+)?to\b)|matur(?:e|es|ing|ity)|expir(?:e|es|ing|y|ation)|payable|redeemable|callable|puttable)"
    r"(?:(?:\s+[a-z]+){0,4}?\s+(?:on|in|by|after|before|from|at))?)"
    # ... with the month and day the tagger may have read apart from the year ("due Nov. 1, | 2009").
    r"(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?,?)?\s*$",
    re.I,
)


def _told_near(text: str, what: str, words: int = 6) -> bool:
    """A verb in the past within ``words`` words of ``what`` in ``text`` ("in 2016 it signed"; not
    "the most of any 2016 candidate" far from the clause's "has raised")."""
    i = text.find(what)
    if i < 0:
        return False
    before = text[:i].split()[-words:]
    after = text[i + len(what) :].split()[:words]
    return any(PAST_CLAUSE.fullmatch(w.strip(".,;:!?\"'()“”’")) for w in (*before, *after))


POST_SIGNATURE = re.compile(r"(?:\(@\w{1,30}\)|(?:datetime|[\w-]*date)=[\"'])\s*$")  # also an embed's tweet-date="..."


def _post_timestamp(text: str, what: str) -> bool:
    """Whether ``what`` is the timestamp of an embedded social post ("— Name (@handle) July 23,
    2016", ``datetime="2016-07-23"``), which is written in UTC."""
    i = text.find(what)
    return i >= 0 and POST_SIGNATURE.search(text[max(0, i - 40) : i]) is not None


def _work_title(text: str, what: str) -> bool:
    """Whether the year ``what`` opens a work's title ("released 2016: Obama's America", a film of
    2012): a colon and a capital follow it."""
    i = text.find(what)
    return i >= 0 and re.match(r"\s*:\s+[A-Z]", text[i + len(what) :]) is not None


def _scheduled(text: str, t: Any, start: int = 0) -> bool:
    """Whether the date expression ``t`` of a sentence names a scheduled occasion (see
    SCHEDULED_AFTER); ``start``: where the sentence itself begins in ``text``."""
    i = text.find(t.text, start)
    if i < 0:
        return False
    if re.match(r"(?:fiscal|FY)\b", t.text, re.I):
        return True  # "fiscal 2016": a budget year, set ahead of time
    return bool(SCHEDULED_AFTER.match(text[i + len(t.text) :]) or SCHEDULED_BEFORE.search(text[:i]))


def _year_count(sentences: list[_Sentence]) -> tuple[int, str] | None:
    """'first ... in 24 years' with 'since 2000' in the same article: the year is 2024."""
    counts: list[tuple[int, str]] = []
    sinces: list[tuple[int, str]] = []
    for s in sentences:
        for m in YEARS_COUNT.finditer(s.text):
            raw = m.group(1).lower()
            n = int(raw) if raw.isdigit() else sum(NUMBER_WORDS.get(w, 0) for w in re.split(r"[- ]", raw))
            if n:
                counts.append((n, m.group(0)))
        sinces.extend((int(m.group(1)), m.group(0)) for m in SINCE_YEAR.finditer(s.text))
    for n, ctext in counts:
        for y, stext in sinces:
            return y + n, f"{ctext!r} counted from {stext!r} gives {y + n}"
    return None


def infer_published(article: Article, extra_events: Iterable[AnchorEvent] = (), upper: date | None = None) -> DateRange:
    """Infer the publication date of an article that states none, saying how."""
    from newsprism.timex import resolve_bounds

    fetched: date | None = None
    if upper is None:
        upper = latest_possible(article)
        if upper < today():
            fetched = upper  # the day the page was fetched bounds it, and the evidence says so
    events = (*anchor_events(), *extra_events)
    sents = article_sentences(article, events)
    lower: date | None = None
    lower_ev = ""
    relations: list[tuple[Any, list[AnchorEvent], str]] = []
    recent: list[tuple[Any, str]] = []
    notes: list[str] = []
    prev = ""
    for s in sents:
        # The sentence splitter may cut a date's month from its year ("notes due Nov. | 1, 2049"):
        # what a scheduled date follows is read with the end of the sentence before.
        context, prev = prev[-80:] + " " + s.text, s.text
        begins = len(context) - len(s.text)
        # "will"/"next" make a clause future, unless it is reported ("said it would"):
        # the report itself is past, and the states it names already exist.
        future = bool(FUTURE.search(s.text)) and not REPORTED.search(s.text)
        day_level = []
        for t in s.timexes:
            if t.type not in ("DATE", "TIME"):
                continue
            # A year in a clause about the future is no lower bound even when it is reported ("by
            # 2021, he said"; "I hope in 2017 America says"): never confidently wrong (#23).
            ahead = bool(FUTURE.search(s.text) or WISH.search(s.text))
            # A bare year bounds the article only from a clause that tells of the past ("in 2016
            # it signed"): "the 2016 race", "Trump in 2016" of a 2015 article are no such thing.
            year_only = t.latest is not None and (t.latest - t.earliest).days > 300 if t.earliest else False
            told = not year_only or (_told_near(s.text, t.text) and not _work_title(s.text, t.text))
            if not t.relative and t.earliest and not ahead and told and t.tense != "future" and not _scheduled(context, t, begins):
                # An embedded post's timestamp is in UTC ("— Name (@handle) July 23, 2016" of a page
                # published July 22 in New York): one day's slack for time zones.
                bound = t.earliest - timedelta(days=1) if _post_timestamp(s.text, t.text) else t.earliest
                if lower is None or bound > lower:
                    lower, lower_ev = bound, f"it mentions {t.text!r} in the past" + (" (a post's timestamp, less a day for time zones)" if bound != t.earliest else "")
            elif t.relative:
                day_level.append(t)
        if s.events:
            anchored = [t for t in day_level if _is_anchoring(t)]
            for t in anchored:
                relations.append((t, s.events, s.text.strip()))
            # What no expression here points at still happened before publication:
            # with no anchored expression, any of the events named (the earliest, to be
            # safe); with one, the lasting states ("the war") that it cannot point at.
            since = any(t.mod == "ON_OR_AFTER" for t in anchored)
            bounding = [e for e in s.events if not anchored or (e.kind == "onset" and not since)]
            if bounding and not future:
                first = min(bounding, key=lambda e: e.earliest)
                if lower is None or first.earliest > lower:
                    lower, lower_ev = first.earliest, f"it mentions {first.name} ({first.earliest})"
        for t in day_level:
            if _is_day_precise(t):
                recent.append((t, s.text.strip()))
    weekday, weekday_ev = _published_weekday(article)
    ycount = _year_count(sents)
    lo = lower or (upper - timedelta(days=365 * MAX_SPAN_YEARS))
    lo = max(lo, upper - timedelta(days=365 * MAX_SPAN_YEARS))
    if lo > upper:
        return DateRange(None, None, 0.0, f"contradictory: not before {lower} yet not after {upper}")
    cands = _days(lo, upper)
    constrained = False  # did anything beyond the bounds narrow the candidates?
    if lower:
        notes.append(f"not before {lower} ({lower_ev})")
    if fetched:
        notes.append(f"not after {fetched}, the day the page was fetched")
    if weekday is not None:
        kept = [d for d in cands if d.weekday() == weekday]
        if kept:
            cands = kept
            constrained = True
            notes.append(weekday_ev)
    if ycount:
        year, why = ycount
        kept = [d for d in cands if d.year == year]
        if kept:
            cands = kept
            constrained = True
            notes.append(why)
    for t, all_evs, text in relations:
        since = t.mod == "ON_OR_AFTER"
        evs = [e for e in all_evs if since or e.kind == "occasion"]
        if not evs:
            continue
        kept = []
        for d in cands:
            r_lo, r_hi = resolve_bounds(t, d)
            if any(_overlaps(r_lo, r_hi, e.earliest, e.latest) for e in evs):
                kept.append(d)
        if kept:
            cands = kept
            constrained = True
            names = " or ".join(sorted({f"{e.name} ({e.earliest})" for e in evs}))
            notes.append(f"{t.text!r} in “{_short(text)}” refers to {names}")
    if recent and cands:
        # The same expression said again ("on Tuesday" twenty times) constrains once.
        once: dict[tuple[Any, ...], tuple[Any, str]] = {}
        for t, text in recent:
            once.setdefault((t.text.lower(), t.type, t.mod, t.tense, repr(t.spec)), (t, text))
        recent = list(once.values())
        kept = []
        for d in cands:
            ok = True
            for t, _ in recent:
                r_hi = resolve_bounds(t, d)[1]
                if r_hi is None or not (0 <= (d - r_hi).days <= REPORTING_WINDOW_DAYS):
                    ok = False
                    break
            if ok:
                kept.append(d)
        if kept:
            cands = kept
            constrained = True
            notes.append(
                "news dated by "
                + ", ".join(repr(t.text) for t, _ in recent[:3])
                + f" is reported within {REPORTING_WINDOW_DAYS} day(s)"
            )
    if not constrained:
        # Only the bounds are known: say so rather than pretend to a range.
        if lower or fetched:
            return _bounds(lower, fetched, notes)
        return DateRange(None, None, 0.0, "the article states no date and nothing in it dates it")
    clusters = _clusters(cands)
    if len(clusters) > MAX_PERIODS:
        # Too many separate periods fit: any one of them would be a guess.
        notes.append(f"{len(clusters)} separate periods fit, from {clusters[0][0]} to {clusters[-1][1]}")
        if lower or fetched:
            return _bounds(lower, fetched, notes)
        return DateRange(None, None, 0.0, "undetermined: " + "; ".join(notes))
    span = clusters[0]
    conf = 0.75 if span[0] == span[1] else 0.6
    if len(clusters) > 1:
        conf -= 0.2
        notes.append(f"{len(clusters)} periods fit; the earliest is taken")
    return DateRange(span[0].isoformat(), span[1].isoformat(), conf, "inferred: " + "; ".join(notes))


def _bounds(lower: date | None, fetched: date | None, notes: list[str]) -> DateRange:
    """A publication date known only by its bounds: not before ``lower``, not after ``fetched``."""
    return DateRange(lower.isoformat() if lower else None, fetched.isoformat() if fetched else None, 0.4, "inferred: " + "; ".join(notes))


def _published_weekday(article: Article) -> tuple[int | None, str]:
    """A metadata line that names only the weekday of publication ("Published on Thursday")."""
    from newsprism.timex import find_timexes

    for ln in article.lines:
        if ln.role != "metadata":
            continue
        text = article.line_text(ln)
        if not re.match(r"^\s*(published|updated|posted|first published)\b", text, re.I):
            continue
        for t in find_timexes(text):
            m = WEEKDAY_VALUE.match(str(t.value))
            if m:
                return int(str(t.value)[-1]) - 1, f"line {ln.n} says {text.strip()!r}"
    return None, ""


def _is_anchoring(t: Any) -> bool:
    """A relative expression that can tie an event to the publication date."""
    return t.type in ("DATE", "TIME") and not str(t.value).endswith("_REF")


def _is_day_precise(t: Any) -> bool:
    """Weekdays and day-and-month dates without a year: the kind wire copy uses for the day's news."""
    v = str(t.value)
    return bool(DAY_NO_YEAR.match(v) or WEEKDAY_VALUE.match(v)) and t.tense != "future"


def _clusters(days: list[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for d in sorted(days):
        if out and (d - out[-1][1]).days <= 1:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@stage(
    "newsprism.pubdate.v1",
    requires=["article.lines", "article.raw_text", "article.page_meta", "article.url", "article.given"],
    assigns=["article.published", "article.evidence.published"],
)
def make_pubdate() -> Callable[[Article], Article]:
    """Publication date: stated (input, HTML metadata, URL, dateline) or inferred from the text."""

    def pubdate(article: Article) -> Article:
        stated = stated_published(article)
        if stated is not None:
            article.published = stated
            article.evidence["published"] = "stated"
        else:
            article.published = infer_published(article)
            article.evidence["published"] = "inferred" if article.published.known else "unknown"
        return article

    return pubdate


# ---------------------------------------------------------------------------- corpus


def corpus_anchors(articles: Iterable[Article]) -> list[AnchorEvent]:
    """Anchor events learnt from articles whose date is known: a day they fix and what happened."""
    from newsprism.timex import find_timexes

    out = []
    for a in articles:
        p = a.published
        if not p.earliest or p.earliest != p.latest or p.confidence < 0.6:
            continue
        anchor = date.fromisoformat(p.earliest)
        for s in article_sentences(a, ()):
            names = _proper_terms(s.text)
            words = _content_words(s.text)
            if len(names) < 2 or not words:
                continue
            for t in find_timexes(s.text, anchor):
                if t.type != "DATE" or not t.earliest or t.earliest != t.latest:
                    continue
                out.append(
                    make_anchor(
                        f"{a.id}:{s.start + t.start}",
                        f"“{_short(s.text, 70)}” ({a.outlet or a.source}, {t.earliest})",
                        t.earliest,
                        t.latest or t.earliest,
                        [[n] for n in names],
                        words,
                        source=a.id,
                        min_groups=min(2, len(names)),
                    )
                )
    return out


STOP_CAPS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "As",
        "For",
        "But",
        "And",
        "Or",
        "If",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Last",
        "Next",
        "Today",
        "Yesterday",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
EVENT_WORDS = frozenset(
    [
        "summit",
        "visit",
        "talks",
        "treaty",
        "signed",
        "signing",
        "agreement",
        "deal",
        "attack",
        "attacked",
        "strike",
        "launch",
        "launched",
        "election",
        "elected",
        "vote",
        "meeting",
        "met",
        "hosted",
        "hosting",
        "statement",
        "speech",
        "address",
        "announced",
        "declared",
        "invasion",
        "offensive",
        "ceasefire",
        "sanctions",
        "test",
        "tested",
        "fired",
        "deployed",
        "visit",
        "trip",
    ]
)


def _proper_terms(text: str) -> list[str]:
    toks = re.findall(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)*)", text.strip())
    out = []
    for t in toks:
        if t.split()[0] in STOP_CAPS or len(t) < 3:
            continue
        if t not in out:
            out.append(t)
    return out[:8]


def _content_words(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[a-z]+", text.lower()) if w in EVENT_WORDS})


@stage(
    "newsprism.pubdate.corpus.v1",
    kind="corpus",
    requires=["article.published", "article.evidence.published", "article.lines", "article.raw_text", "article.outlet", "article.given"],
    assigns=["article.published", "article.dates", "article.evidence.published"],
)
def make_pubdate_corpus() -> Callable[[Dossier], Dossier]:
    """Dates inferred across articles: one article's dated event anchors another's date."""

    def pubdate_corpus(dossier: Dossier) -> Dossier:
        anchors = corpus_anchors(dossier.articles)
        if not anchors:
            return dossier
        for a in dossier.articles:
            if a.evidence.get("published") == "stated":
                continue
            p = a.published
            if p.earliest and p.earliest == p.latest:
                continue
            mine = [x for x in anchors if x.source != a.id]
            new = infer_published(a, mine)
            if _narrower(new, p):
                a.published = new
                a.evidence["published"] = "inferred across articles"
                _reresolve(a)
        return dossier

    return pubdate_corpus


def _narrower(new: DateRange, old: DateRange) -> bool:
    if not new.earliest or not new.latest:
        return False
    if not old.earliest or not old.latest:
        return True
    return (date.fromisoformat(new.latest) - date.fromisoformat(new.earliest)) < (
        date.fromisoformat(old.latest) - date.fromisoformat(old.earliest)
    )


def _reresolve(article: Article) -> None:
    """Resolve the article's dates again against its new publication date."""
    from newsprism.stages.timex import article_dates

    article.dates = article_dates(article)
