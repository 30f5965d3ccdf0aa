"""The report's view: plain records built from a dossier, ready for the template.

Everything the template shows is computed here, in Python, where it is typed and
tested; the template only lays it out, and Jinja escapes every string it prints.
Records that point into an article carry a *ref* (``q3`` for ``dossier.quotes[3]``,
``c2`` a claim, ``t5`` a technique span, ``e1m4`` the fifth mention of event 1), the
same string on the highlighted characters of the article and on the record wherever
the report lists it, which is how a reader goes from a statement to its evidence and back.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

from newsprism.article import TECHNIQUE_NAMES, Article, DateRange, Dossier, Line
from newsprism.compare import (
    Coverage,
    bare_quote,
    coverage,
    date_label,
    figure_key,
    outlet_label,
    provenance,
    quote_groups,
    report_status,
)
from newsprism.links import safe_url
from newsprism.views import LESS_CERTAIN_BELOW, published_span

# PLOVER types by the side of the cooperation/conflict scale they fall on (PLOVER
# codebook: the first eight are cooperative, the rest conflictual); the timeline colours them.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"})

MAX_ALSO = 12  # other outlets listed beside a quote they also carry

STATUS_SYMBOL = {
    "reported": "●",
    "quoted": "●",
    "asserted": "●",
    "referenced": "◐",
    "paraphrased": "◐",
    "omitted": "○",
}



@dataclass(slots=True)
class Segment:
    """A run of characters of one line with the same highlights."""

    text: str
    classes: str = ""
    refs: str = ""


@dataclass(slots=True)
class LineView:
    n: int
    role: str
    segments: list[Segment]


@dataclass(slots=True)
class Card:
    """What a highlight stands for, shown when the reader clicks it."""

    ref: str
    kind: str  # quote | claim | technique | event
    title: str
    detail: str
    target: str  # DOM id of the record in its section ("" when none)


@dataclass(slots=True)
class ArticleView:
    idx: int
    id: str
    title: str
    outlet: str
    source: str
    url: str | None
    published: str
    published_sort: str
    genre: str
    stance: list[tuple[str, str]]
    story: str | None
    duplicate_of: int | None
    reprint_of: str | None
    language: str
    lines: list[LineView]
    cards: list[Card]
    counts: dict[str, int]
    words: int


@dataclass(slots=True)
class Evidence:
    """A link from a record to the characters of an article that support it."""

    art: int
    ref: str
    outlet: str
    title: str
    text: str


UNATTRIBUTED = "Unattributed (no speaker the dossier can name)"


def vague_speaker(said: str) -> bool:
    """Whether how the text names a speaker names no one: a pronoun, or an unnamed official of no
    named body ("a senior official", "two officials", "sources"), not "Harbour officials in Lisk"."""
    words = said.lower().split()
    if not words or said.lower() in VAGUE_SPEAKERS:
        return True
    unnamed = words[0] in ("a", "an", "the", "one", "two", "three", "some", "several", "many", "other", "senior", "unnamed")
    return unnamed and words[-1] in VAGUE_HEADS and not any(w[:1].isupper() for w in said.split()[1:])


VAGUE_HEADS = frozenset(
    ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "analyst", "analysts", "expert", "experts", "critic", "critics", "observer", "observers", "diplomat", "diplomats", "people", "person", "insider", "insiders"]
)
# How a text names a speaker it does not identify: these go under UNATTRIBUTED, not a heading of their own.
VAGUE_SPEAKERS = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "this", "that", "someone", "somebody", "some", "others", "one", "officials", "an", "official", "sources", "a", "source", "critics", "observers", "analysts", "experts", "people"]
)



@dataclass(slots=True)
class EventView:
    idx: int
    id: str
    date: str
    sort: str
    plover: str
    mode: str | None
    summary: str
    cooperative: bool
    actors: list[tuple[str, int | None]]
    targets: list[tuple[str, int | None]]
    place: str | None
    reported: list[Evidence]
    referenced: list[Evidence]
    wording: list[tuple[str, list[str]]]
    dated: bool = True
    confidence: float = 0.0
    merge_evidence: list[str] = field(default_factory=list)

    @property
    def less_certain(self) -> bool:
        """A record of a kind that is more often wrong than right by far (see LESS_CERTAIN_BELOW);
        0.0 is an older dossier's "not given", not a low confidence."""
        return 0.0 < self.confidence < LESS_CERTAIN_BELOW


@dataclass(slots=True)
class ActorView:
    idx: int
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    wikidata: str | None
    mentions: int
    articles: int
    quotes: int


@dataclass(slots=True)
class QuoteView:
    ref: str
    art: int
    text: str
    kind: str
    cue: str
    medium: str
    via: str
    date: str
    outlet: str
    speaker_text: str
    also: list[Evidence] = field(default_factory=list)
    speaker_evidence: str = ""


@dataclass(slots=True)
class SpeakerView:
    idx: int
    name: str
    actor: int | None
    quotes: list[QuoteView]


@dataclass(slots=True)
class FigureRow:
    ref: str
    art: int
    value: str
    number: float
    unit: str
    qualifier: str
    about: str
    asserted_by: str
    actor: int | None
    as_of: str
    day: int | None
    outlet: str
    text: str


@dataclass(slots=True)
class FigureGroup:
    idx: int
    unit: str
    rows: list[FigureRow]
    chart: dict[str, Any] | None


@dataclass(slots=True)
class OutletView:
    idx: int
    name: str
    articles: list[int]
    genres: list[tuple[str, int]]
    stances: list[tuple[str, str, int]]
    techniques_own: list[tuple[str, int]]
    techniques_quoted: int
    quotes: int
    speakers: list[tuple[str, int]]
    copies: list[tuple[int, int]]  # (copy article, source article)
    declared: list[str]
    camp: str | None
    carried: int
    omitted: int


@dataclass(slots=True)
class MatrixCell:
    status: str
    symbol: str
    art: int | None
    ref: str
    tip: str


@dataclass(slots=True)
class MatrixRow:
    kind: str
    label: str
    date: str
    target: str
    cells: list[MatrixCell | None]


@dataclass(slots=True)
class StoryView:
    id: str
    articles: list[int]
    first: str
    last: str
    headline: str
    # The story page's summary (newsprism.views): outlets by camp, who reported first, blindspots.
    bar: list[dict[str, Any]] = field(default_factory=list)
    first_reporter: dict[str, Any] | None = None
    blindspots: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class View:
    """Everything the template shows."""

    title: str
    generator: str
    counts: dict[str, int]
    span: str
    articles: list[ArticleView]
    events: list[EventView]
    actors: list[ActorView]
    speakers: list[SpeakerView]
    figures: list[FigureGroup]
    outlets: list[OutletView]
    matrix_outlets: list[str]
    matrix: list[MatrixRow]
    blindspots: list[dict[str, Any]]
    camps: dict[str, list[str]]
    provenance: list[dict[str, Any]]
    stories: list[StoryView]
    timeline_chart: dict[str, Any] | None
    outlet_chart: dict[str, Any] | None
    failures: list[dict[str, str]]


# --------------------------------------------------------------------------- helpers


def date_sort(d: DateRange | None) -> str:
    """A sort key: earliest day first, then latest; unknown dates last."""
    if d is None or (not d.earliest and not d.latest):
        return "9999"
    return f"{d.earliest or d.latest}|{d.latest or d.earliest}"


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _mid(d: DateRange | None) -> int | None:
    if d is None:
        return None
    lo, hi = _ordinal(d.earliest), _ordinal(d.latest)
    if lo is None and hi is None:
        return None
    if lo is None or hi is None:
        return lo if lo is not None else hi
    return (lo + hi) // 2


def clip(text: str, n: int) -> str:
    """``text`` on one line, at most ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _num(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}"


def _lines_of(a: Article) -> list[Line]:
    """The article's lines; a hand-built article without a line layer gets body lines."""
    if a.lines:
        return a.lines
    out, pos = [], 0
    for n, chunk in enumerate(a.raw_text.split("\n"), 1):
        out.append(Line(n, pos, pos + len(chunk), "body" if chunk.strip() else "blank"))
        pos += len(chunk) + 1
    return out


def segment_line(raw: str, start: int, end: int, spans: Sequence[tuple[int, int, str, str]]) -> list[Segment]:
    """Cut ``raw[start:end]`` where highlights begin or end.

    Args:
        raw: the article's raw text.
        start: first character of the line.
        end: end of the line (exclusive).
        spans: ``(start, end, css class, ref)`` of every highlight of the article;
            they may overlap and cross lines.

    Returns:
        Segments covering the line exactly, each with the classes and refs of the
        highlights over it.
    """
    inside = [s for s in spans if s[0] < end and s[1] > start and s[1] > s[0]]
    if not inside:
        return [Segment(raw[start:end])]
    cuts = {start, end}
    for s in inside:
        cuts.add(max(start, s[0]))
        cuts.add(min(end, s[1]))
    points = sorted(cuts)
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(points):
        if hi <= lo:
            continue
        over = [s for s in inside if s[0] <= lo and s[1] >= hi]
        classes = sorted({c for s in over for c in s[2].split()})
        refs = [s[3] for s in over]
        out.append(Segment(raw[lo:hi], " ".join(classes), " ".join(refs)))
    return out


# --------------------------------------------------------------------------- build


def build_view(dossier: Dossier, cov: Coverage | None = None) -> View:
    """The report's view of ``dossier`` (every list the template needs, in display order).

    Args:
        dossier: a contract-shaped dossier; empty layers give empty sections.
        cov: a coverage matrix already computed (else computed here).
    """
    arts = dossier.articles
    aidx = {a.id: i for i, a in enumerate(arts)}
    actor_idx = {a.id: i for i, a in enumerate(dossier.actors)}
    actor_name = {a.id: a.name for a in dossier.actors}
    outlet_of = [outlet_label(a) for a in arts]

    def name(actor_id: str | None, fallback: str | None = None) -> str:
        if actor_id and actor_id in actor_name:
            return actor_name[actor_id]
        return fallback or actor_id or "—"

    # Highlights and cards of each article, gathered in one pass over each layer.
    spans: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    cards: dict[int, list[Card]] = defaultdict(list)
    counts: dict[int, Counter[str]] = defaultdict(Counter)

    speakers_key: dict[str, int] = {}
    speaker_views: list[SpeakerView] = []
    qgroups = quote_groups(dossier)
    groups = _quote_group_of(qgroups)
    for qi, q in enumerate(dossier.quotes):
        i = aidx.get(q.article)
        if i is None:
            continue
        # A quote whose speaker is not resolved is listed once under "Unattributed", each with how
        # the text names its speaker ("she", "officials"): never under a heading named "she" (#22).
        said = (q.speaker_text or "").strip()
        vague = vague_speaker(said)
        key = q.speaker or ("?" if vague else f"?{said.lower()}")
        if key not in speakers_key:
            speakers_key[key] = len(speaker_views)
            label = name(q.speaker) if q.speaker else (UNATTRIBUTED if vague else said)
            speaker_views.append(SpeakerView(len(speaker_views), label, actor_idx.get(q.speaker or ""), []))
        sv = speaker_views[speakers_key[key]]
        ref = f"q{qi}"
        spans[i].append((q.span.start, q.span.end, f"hl hl-q q-{q.kind}", ref))
        counts[i]["quotes"] += 1
        who = name(q.speaker, q.speaker_text)
        bits = [q.kind, f"cue “{q.cue}”" if q.cue else "", f"medium: {q.medium}" if q.medium else "",
                f"via {q.via}" if q.via else "", date_label(q.date) if q.date.known else ""]
        cards[i].append(Card(ref, "quote", f"{who}: “{clip(bare_quote(q.span.text), 160)}”", " · ".join(b for b in bits if b), f"rec-{ref}"))
        sv.quotes.append(
            QuoteView(ref, i, q.span.text, q.kind, q.cue or "", q.medium or "", q.via or "",
                      date_label(q.date) if q.date.known else "", outlet_of[i], q.speaker_text or "",
                      speaker_evidence=q.speaker_evidence or "")
        )
    for sv in speaker_views:
        for qv in sv.quotes:
            g = groups.get(int(qv.ref[1:]))
            if g:
                # A quote every outlet carries would list every other copy under each copy.
                for other in g[:MAX_ALSO]:
                    oq = dossier.quotes[other]
                    j = aidx.get(oq.article)
                    if other != int(qv.ref[1:]) and j is not None and j != qv.art:
                        qv.also.append(Evidence(j, f"q{other}", outlet_of[j], arts[j].title or arts[j].id, oq.span.text))
    speaker_views.sort(key=lambda s: (-len(s.quotes), s.name))
    for k, sv in enumerate(speaker_views):
        sv.idx = k

    figures = _figures(dossier, aidx, outlet_of, actor_idx, name)
    fig_of = {r.ref: g.idx for g in figures for r in g.rows}
    for ci, c in enumerate(dossier.claims):
        i = aidx.get(c.article)
        if i is None:
            continue
        ref = f"c{ci}"
        spans[i].append((c.span.start, c.span.end, "hl hl-c", ref))
        counts[i]["claims"] += 1
        who = name(c.asserted_by, getattr(c, "asserted_by_text", None) or "the article itself")
        cards[i].append(Card(ref, "claim", f"{c.qualifier} {_num(c.value)} {c.unit}".strip(),
                             f"{c.about + ' · ' if c.about else ''}asserted by {who} · as of {date_label(c.as_of)}",
                             f"fig-{fig_of[ref]}" if ref in fig_of else ""))

    for ti, t in enumerate(dossier.persuasion):
        i = aidx.get(t.article)
        if i is None:
            continue
        ref = f"t{ti}"
        voice = "quoted" if t.voice else "own"
        spans[i].append((t.span.start, t.span.end, f"hl hl-t tv-{voice}", ref))
        counts[i]["techniques"] += 1
        whose = f"in the words of {name(t.voice)}" if t.voice else "in the outlet's own voice"
        cards[i].append(Card(ref, "technique", TECHNIQUE_NAMES.get(t.technique, t.technique),
                             f"{whose} · confidence {t.confidence:.2f}", f"out-{0}"))

    events = _events(dossier, aidx, arts, outlet_of, actor_idx, name, spans, cards, counts)

    stories = _stories(arts)  # camps, first reporters and blindspots are added once coverage is known
    article_views = []
    for i, a in enumerate(arts):
        sp = sorted(spans.get(i, []))
        lines = [LineView(ln.n, ln.role, segment_line(a.raw_text, ln.start, min(ln.end, len(a.raw_text)), sp))
                 for ln in _lines_of(a)]
        article_views.append(
            ArticleView(
                idx=i,
                id=a.id,
                title=a.title or PurePath(a.source).name or a.id,
                outlet=outlet_of[i],
                source=a.source,
                url=safe_url(a.url),
                published=date_label(a.published),
                published_sort=date_sort(a.published),
                genre=a.genre or "",
                stance=[(name(k), v) for k, v in sorted(a.stance.items())],
                story=a.story,
                duplicate_of=aidx.get(a.duplicate_of) if a.duplicate_of else None,
                reprint_of=a.reprint_of,
                language=a.language or "",
                lines=lines,
                cards=sorted(cards.get(i, []), key=lambda c: c.ref),
                counts=dict(counts.get(i, Counter())),
                words=len(a.body.split()),
            )
        )
    # Outlets' technique figures link to their profile: fix the card targets now the names are known.
    n_by_outlet = Counter(outlet_of)
    outlet_names = sorted(n_by_outlet, key=lambda o: (-n_by_outlet[o], o))
    oidx = {o: k for k, o in enumerate(outlet_names)}
    for av in article_views:
        for card in av.cards:
            if card.kind == "technique":
                card.target = f"out-{oidx[av.outlet]}"

    cov = cov if cov is not None else coverage(dossier, groups=qgroups)
    _story_summaries(stories, dossier, cov)
    matrix, blind = _matrix(cov, dossier, aidx, events)
    outlets = _outlets(dossier, arts, outlet_of, outlet_names, cov, name)
    actors = _actors(dossier)
    prov = [
        {
            "art": aidx[e.article],
            "source_art": aidx.get(e.source) if not e.source_is_outlet else None,
            "source": e.source if e.source_is_outlet else (arts[aidx[e.source]].title or e.source),
            "kind": e.kind,
            "declared": e.declared,
            "found": e.found,
            "similarity": e.similarity,
        }
        for e in provenance(arts)
        if e.article in aidx
    ]
    span = published_span(arts)  # as the web app says it: the days of the articles dated to the day
    return View(
        title=_dossier_title(dossier, events),
        generator=f"newsprism {_version()}",
        counts={
            "articles": len(arts),
            "outlets": len(outlet_names),
            "stories": len(stories),
            "events": len(dossier.events),
            "actors": len(dossier.actors),
            "quotes": len(dossier.quotes),
            "claims": len(dossier.claims),
            "techniques": len(dossier.persuasion),
            "reprints": sum(1 for a in arts if a.duplicate_of),
        },
        span=span,
        articles=article_views,
        events=events,
        actors=actors,
        speakers=speaker_views,
        figures=figures,
        outlets=outlets,
        matrix_outlets=cov.outlets,
        matrix=matrix,
        blindspots=blind,
        camps=cov.camps,
        provenance=prov,
        stories=stories,
        timeline_chart=_timeline_chart([e for e in events if not e.less_certain], arts),
        outlet_chart=_outlet_chart(outlets),
        failures=[{"source": f.source, "message": f.message} for f in dossier.failures],
    )


def _version() -> str:
    from newsprism.about import __version__

    return __version__


def _dossier_title(dossier: Dossier, events: list[EventView]) -> str:
    top = Counter(a for e in dossier.events for a in e.actors).most_common(2)
    names = {a.id: a.name for a in dossier.actors}
    if top:
        return "Dossier: " + " and ".join(names.get(a, a) for a, _ in top)
    if dossier.actors:
        return "Dossier: " + " and ".join(a.name for a in dossier.actors[:2])
    return "Dossier"


def _quote_group_of(groups: list[list[int]]) -> dict[int, list[int]]:
    """Quote index -> indexes of every quote of its group, for groups of more than one."""
    return {i: g for g in groups if len(g) > 1 for i in g}


def _events(
    dossier: Dossier,
    aidx: dict[str, int],
    arts: list[Article],
    outlet_of: list[str],
    actor_idx: dict[str, int],
    name: Any,
    spans: dict[int, list[tuple[int, int, str, str]]],
    cards: dict[int, list[Card]],
    counts: dict[int, Counter[str]],
) -> list[EventView]:
    order = sorted(range(len(dossier.events)), key=lambda k: (date_sort(dossier.events[k].date), dossier.events[k].id))
    views: list[EventView] = []
    for pos, k in enumerate(order):
        e = dossier.events[k]
        reported: list[Evidence] = []
        referenced: list[Evidence] = []
        wording: dict[str, list[str]] = defaultdict(list)
        seen_art: dict[int, str] = {}
        # Each article is shown by the sentence holding the first mention's trigger words, else its first.
        lead = e.mentions[0].trigger if e.mentions else None
        cue = lead.text.strip().lower() if lead is not None else ""
        shown: dict[str, int] = {}
        for mi, m in enumerate(e.mentions):
            first = shown.get(m.article)
            if first is None or (
                cue and cue in m.span.text.lower() and cue not in e.mentions[first].span.text.lower()
            ):
                shown[m.article] = mi
        for mi, m in enumerate(e.mentions):
            i = aidx.get(m.article)
            if i is None:
                continue
            ref = f"e{k}m{mi}"
            spans[i].append((m.span.start, m.span.end, "hl hl-e", ref))
            counts[i]["events"] += 1
            cards[i].append(Card(ref, "event", f"{e.plover}: {e.summary}", date_label(e.date), f"ev-{pos}"))
            sentence = _sentence(arts[i], m.span.start, m.span.end)
            if sentence not in wording[outlet_of[i]]:
                wording[outlet_of[i]].append(sentence)
            if i in seen_art or shown.get(m.article) != mi:
                continue
            status = report_status(arts[i], e)
            seen_art[i] = status
            ev = Evidence(i, ref, outlet_of[i], arts[i].title or arts[i].id, clip(sentence, 300))
            (reported if status == "reported" else referenced).append(ev)
        views.append(
            EventView(
                idx=pos,
                id=e.id,
                date=date_label(e.date),
                sort=date_sort(e.date),
                plover=e.plover,
                mode=e.mode,
                summary=e.summary or e.plover,
                cooperative=e.plover in COOPERATIVE,
                actors=[(name(x), actor_idx.get(x)) for x in e.actors],
                targets=[(name(x), actor_idx.get(x)) for x in e.targets],
                place=e.place,
                reported=reported,
                referenced=referenced,
                wording=sorted(wording.items()) if len(wording) > 1 else [],
                dated=bool(e.date.earliest and e.date.latest),  # as the merge counts it: both ends
                confidence=e.confidence,
                merge_evidence=list(e.merge_evidence),
            )
        )
    return views


def _sentence(a: Article, start: int, end: int) -> str:
    for s in a.sentences:
        if s.start <= start and end <= s.end:
            return s.text
    return a.raw_text[start:end]


def _figures(
    dossier: Dossier,
    aidx: dict[str, int],
    outlet_of: list[str],
    actor_idx: dict[str, int],
    name: Any,
) -> list[FigureGroup]:
    """Claims grouped by what they count, each group in date order, with a chart when it changes."""
    by_key: dict[str, list[FigureRow]] = defaultdict(list)
    for ci, c in enumerate(dossier.claims):
        i = aidx.get(c.article)
        if i is None:
            continue
        who = name(c.asserted_by, getattr(c, "asserted_by_text", None) or "the article itself")
        by_key[figure_key(c.unit)].append(
            FigureRow(f"c{ci}", i, _num(c.value), c.value, c.unit, c.qualifier, c.about, who,
                      actor_idx.get(c.asserted_by or ""), date_label(c.as_of), _mid(c.as_of), outlet_of[i], c.span.text)
        )
    groups = []
    for k, (unit, rows) in enumerate(sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        rows.sort(key=lambda r: (r.day is None, r.day or 0, r.number))
        groups.append(FigureGroup(k, unit, rows, _figure_chart(rows)))
    return groups


def _figure_chart(rows: list[FigureRow]) -> dict[str, Any] | None:
    """Points of a small line chart of a figure over time, when it has two dated values."""
    pts = [(r.day, r.number, r) for r in rows if r.day is not None]
    if len({(d, v) for d, v, _ in pts}) < 2:
        return None
    w, h, pad = 420, 120, 28
    d0, d1 = min(p[0] for p in pts), max(p[0] for p in pts)
    v0, v1 = 0.0, max(p[1] for p in pts)
    span_d = max(1, d1 - d0)
    span_v = v1 - v0 or 1.0
    out = []
    for d, v, r in pts:
        x = pad + (d - d0) / span_d * (w - 2 * pad)
        y = h - pad - (v - v0) / span_v * (h - 2 * pad)
        out.append({"x": round(x, 1), "y": round(y, 1), "label": f"{r.qualifier} {r.value} ({r.as_of}, {r.asserted_by})", "ref": r.ref, "art": r.art})
    path = " ".join(f"{'M' if n == 0 else 'L'}{p['x']},{p['y']}" for n, p in enumerate(out))
    return {
        "w": w,
        "h": h,
        "points": out,
        "path": path,
        "x0": date.fromordinal(d0).isoformat(),
        "x1": date.fromordinal(d1).isoformat(),
        "vmax": _num(v1),
        "pad": pad,
    }


def _timeline_chart(events: list[EventView], arts: list[Article]) -> dict[str, Any] | None:
    """Dots for events on a time axis, ticks for articles' publication dates, year marks."""
    ev_days = []
    for ev in events:
        lo, _, hi = ev.sort.partition("|")
        a, b = _ordinal(lo), _ordinal(hi or lo)
        if a is not None and b is not None:
            ev_days.append((ev, a, b))
    pub = [d for d in (_mid(a.published) for a in arts) if d is not None]
    days = [d for _, a, b in ev_days for d in (a, b)] + pub
    if not days:
        return None
    d0, d1 = min(days), max(days)
    if d1 - d0 < 30:
        d0, d1 = d0 - 15, d1 + 15
    w, h, left, right = 960, 150, 20, 20

    def x(d: int) -> float:
        return round(left + (d - d0) / (d1 - d0) * (w - left - right), 1)

    lanes: list[float] = []
    dots = []
    for ev, a, b in ev_days:
        xa, xb = x(a), x(b)
        # Stack overlapping events in lanes so each stays clickable.
        lane = next((n for n, end in enumerate(lanes) if end < xa - 6), None)
        if lane is None:
            lane = len(lanes)
            lanes.append(0.0)
        lanes[lane] = max(xb, xa)
        y = 24 + (lane % 8) * 11
        dots.append({"x": xa, "x2": xb, "y": y, "idx": ev.idx, "coop": ev.cooperative,
                     "label": f"{ev.date}: {ev.plover} {clip(ev.summary, 80)}"})
    ticks = [{"x": x(d)} for d in sorted(set(pub))]
    years = []
    y0, y1 = date.fromordinal(d0).year, date.fromordinal(d1).year
    step = max(1, math.ceil((y1 - y0 + 1) / 12))
    for yr in range(y0, y1 + 2, step):
        o = date(yr, 1, 1).toordinal()
        if d0 <= o <= d1:
            years.append({"x": x(o), "label": str(yr)})
    if not years:
        years = [{"x": x(d0), "label": date.fromordinal(d0).isoformat()}, {"x": x(d1), "label": date.fromordinal(d1).isoformat()}]
    return {"w": w, "h": h, "dots": dots, "ticks": ticks, "years": years, "axis": h - 30}


def _matrix(
    cov: Coverage, dossier: Dossier, aidx: dict[str, int], events: list[EventView]
) -> tuple[list[MatrixRow], list[dict[str, Any]]]:
    ev_pos = {e.id: e.idx for e in events}
    labels = {}
    rows = []
    for r in cov.rows:
        if r.kind == "event":
            target = f"ev-{ev_pos[r.key]}" if r.key in ev_pos else ""
            first_ref = {m.article: f"e{r.refs[0]}m{mi}" for mi, m in reversed(list(enumerate(dossier.events[r.refs[0]].mentions)))}
        elif r.kind == "quote":
            target = f"rec-q{r.refs[0]}"
            first_ref = {dossier.quotes[q].article: f"q{q}" for q in reversed(r.refs)}
        else:
            target = f"rec-c{r.refs[0]}"
            first_ref = {dossier.claims[c].article: f"c{c}" for c in reversed(r.refs)}
        labels[r.key] = r.label
        cells: list[MatrixCell | None] = []
        for o in cov.outlets:
            c = r.cells.get(o)
            if c is None:
                cells.append(None)
                continue
            art = aidx.get(c.articles[0]) if c.articles else None
            ref = first_ref.get(c.articles[0], "") if c.articles else ""
            tip = f"{o}: {c.status}" + (f" — “{clip(bare_quote(c.texts[0]), 200)}”" if c.texts else "")
            cells.append(MatrixCell(c.status, STATUS_SYMBOL.get(c.status, "?"), art, ref, tip))
        rows.append(MatrixRow(r.kind, r.label, r.date or "", target, cells))
    blind = [
        {"who": b.who, "camp": b.camp, "carried": b.carried, "missing": [labels.get(k, k) for k in b.missing]}
        for b in cov.blindspots
    ]
    return rows, blind


def _outlets(
    dossier: Dossier,
    arts: list[Article],
    outlet_of: list[str],
    names: list[str],
    cov: Coverage,
    name: Any,
) -> list[OutletView]:
    """Outlet profiles, gathered in one pass over each layer (a crawl has hundreds of outlets)."""
    aidx = {a.id: i for i, a in enumerate(arts)}
    outlet_by_id = {a.id: outlet_of[i] for i, a in enumerate(arts)}
    camp_of = {o: c for c, members in cov.camps.items() for o in members}
    members: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(outlet_of):
        members[o].append(i)
    tech_own: dict[str, Counter[str]] = defaultdict(Counter)
    tech_quoted: Counter[str] = Counter()
    for t in dossier.persuasion:
        to = outlet_by_id.get(t.article)
        if to is not None:
            if t.voice:
                tech_quoted[to] += 1
            else:
                tech_own[to][t.technique] += 1
    n_quotes: Counter[str] = Counter()
    speakers: dict[str, Counter[str]] = defaultdict(Counter)
    for q in dossier.quotes:
        qo = outlet_by_id.get(q.article)
        if qo is not None:
            n_quotes[qo] += 1
            speakers[qo][name(q.speaker, q.speaker_text or "unknown")] += 1
    carried: Counter[str] = Counter()
    omitted: Counter[str] = Counter()
    for r in cov.rows:
        for o, c in r.cells.items():
            (omitted if c.status == "omitted" else carried)[o] += 1
    views = []
    for k, o in enumerate(names):
        mine = members[o]
        stances: Counter[tuple[str, str]] = Counter()
        for i in mine:
            for actor, st in arts[i].stance.items():
                stances[(name(actor), st)] += 1
        views.append(
            OutletView(
                idx=k,
                name=o,
                articles=mine,
                genres=Counter(arts[i].genre or "?" for i in mine).most_common(),
                stances=[(a, st, n) for (a, st), n in stances.most_common(6)],
                techniques_own=[(TECHNIQUE_NAMES.get(t, t), n) for t, n in tech_own[o].most_common()],
                techniques_quoted=tech_quoted[o],
                quotes=n_quotes[o],
                speakers=speakers[o].most_common(5),
                copies=[(i, aidx[d]) for i in mine if (d := arts[i].duplicate_of) is not None and d in aidx],
                declared=sorted({rp for i in mine if (rp := arts[i].reprint_of)}),
                camp=camp_of.get(o),
                carried=carried[o],
                omitted=omitted[o],
            )
        )
    return views


def _outlet_chart(outlets: list[OutletView]) -> dict[str, Any] | None:
    """Horizontal bars: items each outlet carries and leaves out (of the stories it covers)."""
    if not outlets or not any(o.carried or o.omitted for o in outlets):
        return None
    top = max(o.carried + o.omitted for o in outlets) or 1
    bar_w = 520
    rows = []
    for n, o in enumerate(outlets[:40]):
        wc = round(o.carried / top * bar_w, 1)
        wo = round(o.omitted / top * bar_w, 1)
        rows.append({"y": 8 + n * 22, "name": clip(o.name, 34), "wc": wc, "wo": wo, "carried": o.carried, "omitted": o.omitted, "idx": o.idx})
    return {"w": 260 + bar_w + 80, "h": 16 + len(rows) * 22, "rows": rows, "x0": 260}


def _actors(dossier: Dossier) -> list[ActorView]:
    quotes = Counter(q.speaker for q in dossier.quotes if q.speaker)
    return [
        ActorView(
            idx=i,
            id=a.id,
            name=a.name,
            type=a.type,
            aliases=[x for x in a.aliases if x != a.name],
            roles=list(a.roles),
            wikidata=a.wikidata if a.wikidata and a.wikidata[:1] == "Q" and a.wikidata[1:].isdigit() else None,
            mentions=len(a.mentions),
            articles=len({m.article for m in a.mentions}),
            quotes=quotes.get(a.id, 0),
        )
        for i, a in enumerate(dossier.actors)
    ]


def _story_summaries(stories: list[StoryView], dossier: Dossier, cov: Coverage) -> None:
    """Each story's camp bar, first reporter and blindspots, as its web page states them."""
    from newsprism.views import Pages

    pages = Pages(dossier, cov.as_dict())
    for s in stories:
        got = pages.story(s.id)
        if got is not None:
            s.bar, s.first_reporter, s.blindspots = got["bar"], got["first"], got["blindspots"]


def _stories(arts: list[Article]) -> list[StoryView]:
    by: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        if a.story:
            by[a.story].append(i)
    views = []
    for sid, members in by.items():
        members.sort(key=lambda i: date_sort(arts[i].published))
        days = [d for d in (_mid(arts[i].published) for i in members) if d is not None]
        views.append(
            StoryView(
                sid,
                members,
                date.fromordinal(min(days)).isoformat() if days else "",
                date.fromordinal(max(days)).isoformat() if days else "",
                arts[members[0]].title or arts[members[0]].id,
            )
        )
    views.sort(key=lambda s: (-len(s.articles), s.first or "9999", s.id))
    return views

