"""The timex stage: every temporal expression of an article, resolved against its date.

Expressions are found in every line but page furniture (titles, metadata,
captions and body); a caption's dates are the photo's and are kept as such. The
anchor is the publication date: a single day resolves relative expressions to a
day; a range resolves them against both ends and keeps the union, with the
confidence lowered; an unknown date leaves relative expressions unresolved
(both ends null) but still listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from newsprism.article import Article, DateMention, DateRange, Span
from newsprism.registry import stage


def article_dates(article: Article) -> list[DateMention]:
    from newsprism.timex import find_timexes, resolve

    p = article.published
    lo = date.fromisoformat(p.earliest) if p.earliest else None
    hi = date.fromisoformat(p.latest) if p.latest else None
    # Only a known day anchors; a lower bound alone ("not before 2021") anchors nothing.
    anchor = lo if lo and hi == lo else None
    out: list[DateMention] = []
    for ln in article.lines:
        if ln.role in ("boilerplate", "blank"):
            continue
        text = article.line_text(ln)
        caption = ln.role == "caption"
        for t in find_timexes(text, anchor):
            if caption and t.relative and t.tense == "none":
                # A caption describes a photo already taken: its weekdays lie in the past.
                t = replace(t, tense="past")
                if anchor:
                    t = resolve(t, anchor)
            start, end = ln.start + t.start, ln.start + t.end
            value = _value(t, p)
            if lo and hi and lo != hi and t.relative:
                a, b = resolve(t, lo), resolve(t, hi)
                e = min(filter(None, (a.earliest, b.earliest)), default=None)
                l_ = max(filter(None, (a.latest, b.latest)), default=None)
                value = DateRange(
                    e.isoformat() if e else None,
                    l_.isoformat() if l_ else None,
                    min(a.confidence, b.confidence) * 0.8,
                    f"{a.evidence}; the article's date is only known as {lo}..{hi}",
                )
            where = " (photo caption: the photo's date)" if ln.role == "caption" else ""
            if where:
                value = DateRange(value.earliest, value.latest, value.confidence, value.evidence + where)
            out.append(
                DateMention(
                    span=Span.of(article.raw_text, start, end),
                    value=value,
                    timex=t.value,
                    type=t.type,
                )
            )
    return out


def _value(t: object, published: DateRange) -> DateRange:
    e = getattr(t, "earliest", None)
    l_ = getattr(t, "latest", None)
    ev = str(getattr(t, "evidence", ""))
    conf = float(getattr(t, "confidence", 0.0))
    if getattr(t, "relative", False) and published.known and published.confidence < 0.9:
        conf *= max(0.3, published.confidence)
        ev += f" (anchor inferred: {published.evidence})" if published.evidence else ""
    if e and l_ and e > l_:
        e, l_ = l_, e
    return DateRange(e.isoformat() if e else None, l_.isoformat() if l_ else None, conf, ev)


@stage(
    "newsprism.timex.v1",
    requires=["article.lines", "article.raw_text", "article.published"],
    assigns=["article.dates"],
)
def make_timex() -> Callable[[Article], Article]:
    """Temporal expressions, normalised to TimeML values and date intervals."""

    def timex(article: Article) -> Article:
        article.dates = article_dates(article)
        return article

    return timex
