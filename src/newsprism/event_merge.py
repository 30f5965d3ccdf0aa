"""Event merging: when mentions of several sentences and articles are one happening.

The decision of the events corpus stage (:mod:`newsprism.stages.events`), kept apart so that a
newcomer finds it in one place: mentions of the same real event become one event
(:func:`merge_events`) when they share the PLOVER type, their dates agree, they share
participants and wording, and they are not kept apart by these rules:

* **dates**: disjoint dates rule a pair out; an **undated mention never joins a dated one**
  across articles (an unknown date is no date, not "any date"), and in one article only
  when the same verb and a shared participant join them (a lead and its elaboration);
* **stories**: undated mentions of two articles join only inside one first story
  (:func:`newsprism.stages.events.first_stories`); mentions of two stories join only when
  both are dated and share a participant, and need a higher score;
* **modes** (a gift and an arms shipment are both AID) and two meetings of wholly
  different parties in one article stay apart.

Candidate pairs come only from blocks (type + participant, type + cue word), and a block too
big for all pairs is compared by sorted neighbourhood on the date (Hernández & Stolfo 1995),
so cost grows near-linearly. Clusters are built greedily from the best pairs, and two
clusters join only when their date intervals still intersect. Each join is recorded as the
event's ``merge_evidence`` (:func:`explain_pair`), and each event gets a ``confidence``
(:func:`event_confidence`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsprism.article import DateRange, Event, Mention
from newsprism.clauses import same_side, sides
from newsprism.event_confidence import FALLBACK, merged_confidence
from newsprism.plover import STOPWORDS, SYMMETRIC_DEFAULT, Lexicon, find_cues, lexicon, tokens

REF_MARK = "^ref"  # id suffix of a per-article event that only refers back to an earlier happening


@dataclass(slots=True)
class Node:
    """The compact summary of one event that the merge compares (no text beyond its words)."""

    idx: int
    article: str
    type: str
    lo: int | None  # date as proleptic ordinals; None: open
    hi: int | None
    actors: frozenset[str]
    targets: frozenset[str]
    words: frozenset[str]
    cues: frozenset[str]
    conf: float = 0.0
    mode: str | None = None  # PLOVER mode (AID military, ceremonial ...), when the sentence tells
    dated: bool = False  # the event's own text dates it, both ends (a bound alone, "by the day it was reported", is no date)
    verbal: bool = False  # a verb of its sentence names it ("criticized"), not only a noun ("cooperation")
    story: str = ""  # the story cluster of its article, when known: merges stay inside one
    parties: frozenset[str] = field(init=False)  # actors | targets, computed once: pairs ask it often
    actor_sides: frozenset[str] = field(init=False)  # the actors and their countries (clauses.sides)
    party_sides: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.parties = self.actors | self.targets
        self.actor_sides = sides(self.actors)
        self.party_sides = sides(self.parties)


def stem(w: str) -> str:
    """A light stem for comparing wording (plural and tense endings)."""
    for suf in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + ("y" if suf in ("ied", "ies") else "")
    return w


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        stem(t.low) for t in tokens(text) if t.low.isalpha() and t.low not in STOPWORDS and len(t.low) > 2
    )


def _ord(s: str | None) -> int | None:
    return date.fromisoformat(s).toordinal() if s else None


def node_of(idx: int, ev: Event, text: str | None = None) -> Node:
    """The compact summary of an event: its first mention's words, and the cues of its trigger (of
    the whole sentence when the trigger names none of its type: a speech act typed by what it
    reports, or an event without a trigger)."""
    m = ev.mentions[0] if ev.mentions else None
    own_text = text is None and m is not None
    text = text if text is not None else (m.span.text if m is not None else ev.summary)
    toks = tokens(text)
    found = [t for t in find_cues(toks) if t.cue.type == ev.plover]
    if own_text and m is not None and m.trigger is not None:
        a, b = m.trigger.start - m.span.start, m.trigger.end - m.span.start
        own = [t for t in found if a <= toks[t.i].start and toks[t.j - 1].end <= b]
        found = own or found  # "would attack" elsewhere in the sentence is not this happening's word
    cues = frozenset(stem(max(t.cue.base.split(), key=len)) for t in found)
    return Node(
        idx=idx,
        article=ev.mentions[0].article if ev.mentions else "",
        type=ev.plover,
        lo=_ord(ev.date.earliest),
        hi=_ord(ev.date.latest),
        actors=frozenset(ev.actors),
        targets=frozenset(ev.targets),
        words=content_words(text),
        cues=cues,
        conf=ev.date.confidence,
        mode=ev.mode,
        dated=bool(ev.date.earliest and ev.date.latest),
        verbal=any(t.cue.pos != "noun" for t in found),
    )


SAME_ARTICLE = 0.25  # a pair of mentions in one article joins at this score
CROSS_ARTICLE = 0.5  # a pair from two articles joins at this score


@dataclass(frozen=True, slots=True)
class MergeConfig:
    """Thresholds of the merge, calibrated as a set on the seeds and ECB+'s shared topics.

    Change one, re-run ``make eval``.
    """

    same_article: float = SAME_ARTICLE
    cross_article: float = CROSS_ARTICLE
    need_shared_party: bool = False  # when True, two articles' mentions naming only different actors argue against
    w_cue: float = 0.3  # the same cue word ("summit" and "summit")
    w_parties: float = 0.35  # Jaccard of actors and targets
    w_words: float = 0.45  # twice the Jaccard of the sentences' content words, capped at 1
    w_date: float = 0.15  # both dated (and overlapping)
    apart: float = 0.05  # taken off when the actors are on different sides, or share nothing
    other_story: float = 0.1  # taken off when the two articles are in different first story clusters
    # two articles' mentions whose participants are all known on both sides and wholly different
    # (none the same actor, none of the same country) report two happenings (#21: "agree on the
    # core participants"): two strikes on one day by two armies are not one strike
    disjoint_parties_apart: bool = True
    block_max: int = 60  # blocks larger than this are compared by sorted neighbourhood
    window: int = 25  # ... with this many neighbours on each side


def _known(n: Node) -> bool:
    return n.lo is not None or n.hi is not None


def _overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> bool:
    """Whether two intervals (None: open on that side) share a day."""
    if a0 is not None and b1 is not None and a0 > b1:
        return False
    return not (b0 is not None and a1 is not None and b0 > a1)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _wholly_apart(a: Node, b: Node) -> bool:
    """Both mentions name their agents and their targets, and no participant of one is on the
    same side as one of the other (the same actor, one the other's country, or two actors of one
    country: :func:`newsprism.clauses.sides`)."""
    if not (a.actors and b.actors and a.targets and b.targets):
        return False
    return a.party_sides.isdisjoint(b.party_sides)


def pair_score(a: Node, b: Node, cfg: MergeConfig) -> float:
    """How likely two event mentions report the same event (0 when they cannot).

    Evidence adds up (the same cue word, shared actors, shared wording, both dated and
    overlapping); actors on two different sides argue against. Different PLOVER types,
    different modes (where both are known), disjoint dates, one dated and one undated
    mention, two articles of different stories, and two articles' mentions whose named agents
    and targets are wholly apart (``MergeConfig.disjoint_parties_apart``; :func:`cluster` holds
    it for whole groups too) rule a pair out.
    """
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return 0.0  # another type, or another mode (a gift and an arms shipment are both AID)
    if a.dated != b.dated and not (a.article == b.article and a.verbal and b.verbal and a.cues & b.cues and a.parties & b.parties):
        # An undated mention never joins a dated one on date grounds. In one article it may
        # elaborate the lead ("North Korea on Monday criticized the US ..." then "Pak criticized
        # the US for ..."): the same verb and a shared participant, not the date, join them. A
        # noun alone ("cooperation will expand") names a state as often as a happening: never.
        return 0.0
    if not _overlap(a.lo, a.hi, b.lo, b.hi):
        return 0.0
    if cfg.disjoint_parties_apart and a.article != b.article and _wholly_apart(a, b):
        return 0.0
    pa, pb = a.parties, b.parties
    if a.article == b.article and not (
        a.cues & b.cues and a.actors and b.actors and not a.actor_sides.isdisjoint(b.actor_sides)
    ):
        # Two sentences of one article are one happening only when the same word names it and the
        # same side acts: "declined to endorse Trump" and a later "He declined." are not (#21,
        # read on untuned news: 23 of 24 merges inside an article were wrong without this).
        return 0.0
    other_story = a.article != b.article and a.story != b.story and bool(a.story and b.story)
    if other_story and not (a.dated and b.dated and pa & pb):
        return 0.0  # two stories' mentions join only when both are dated and share a participant
    if a.article != b.article and not a.dated and not (a.story and a.story == b.story):
        return 0.0  # undated mentions of two articles: only inside one story, where nothing else dates them
    same_doc = a.article == b.article
    parties = _jaccard(pa, pb) if (pa or pb) else 0.0
    words = _jaccard(a.words, b.words)
    cue = 1.0 if a.cues & b.cues else 0.0
    dated = 1.0 if a.dated and b.dated else 0.0
    score = cfg.w_cue * cue + cfg.w_parties * parties + cfg.w_words * min(1.0, 2 * words) + cfg.w_date * dated
    apart = bool(a.actors and b.actors and a.actor_sides.isdisjoint(b.actor_sides))
    if apart and not (same_doc and a.targets & b.targets):
        score -= cfg.apart  # two different sides acting
    if not same_doc and cfg.need_shared_party and pa and pb and not (pa & pb):
        score -= cfg.apart  # two articles naming wholly different participants
    if same_doc and a.type in SYMMETRIC_DEFAULT and a.actors and b.actors and pa.isdisjoint(pb) and apart:
        return 0.0  # one article, two meetings or agreements of wholly different parties: two happenings
    if other_story:
        score -= cfg.other_story  # a follow-up may report the same happening; the bar is higher
    return max(0.0, score)


def candidate_pairs(nodes: Sequence[Node], cfg: MergeConfig) -> set[tuple[int, int]]:
    """Pairs to compare: those sharing a block (type + participant, type + cue word)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n in nodes:
        keys = {f"p:{x}" for x in n.actors | n.targets} | {f"c:{c}" for c in n.cues}
        if not keys:
            keys = {f"a:{n.article}"}
        for k in keys:
            blocks[(n.type, k)].append(n.idx)
    # A pair whose dates are disjoint scores 0 (pair_score): it is never a candidate.
    span = [(n.lo, n.hi) for n in nodes]
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= cfg.block_max:
            for i, x in enumerate(members):
                for y in members[i + 1 :]:
                    if _overlap(*span[x], *span[y]):
                        pairs.add((x, y) if x < y else (y, x))
            continue
        # Sorted neighbourhood on the date (then article): near-linear in the block's size.
        order = sorted(
            members, key=lambda m: (nodes[m].lo if nodes[m].lo is not None else nodes[m].hi or 0, nodes[m].article)
        )
        for i, x in enumerate(order):
            for y in order[i + 1 : i + 1 + cfg.window]:
                if _overlap(*span[x], *span[y]):
                    pairs.add((x, y) if x < y else (y, x))
    return pairs


def cluster(
    nodes: Sequence[Node], cfg: MergeConfig | None = None, joins: list[tuple[int, int, float]] | None = None
) -> list[list[int]]:
    """Clusters of node indices: best pairs first, joining clusters whose dates still intersect
    (and whose modes, where known, agree). Each pair that joined two clusters is appended to
    ``joins`` (with its score) when given: the merge's evidence."""
    cfg = cfg or MergeConfig()
    # (across articles, -score, x, y): within each article first (its own dated mentions fix an
    # undated one's time), then across, best first; the key is the tuple itself (no key function).
    ranked: list[tuple[bool, float, int, int]] = []
    for x, y in candidate_pairs(nodes, cfg):
        a, b = nodes[x], nodes[y]
        s = pair_score(a, b, cfg)
        across = a.article != b.article
        if s >= (cfg.cross_article if across else cfg.same_article):
            ranked.append((across, -s, x, y))
    ranked.sort()
    scored = [(-neg, x, y) for _, neg, x, y in ranked]
    parent = list(range(len(nodes)))
    span: list[tuple[int | None, int | None]] = [(n.lo, n.hi) for n in nodes]
    modes: list[str | None] = [n.mode for n in nodes]
    # What the pair rules say of two mentions must hold of the two groups they would join: a
    # group's undated mentions never reach another article's dated one through a third mention.
    dated = [n.dated for n in nodes]
    arts: list[set[str]] = [{n.article} for n in nodes]
    stories: list[set[str]] = [{n.story} for n in nodes]
    # The members that name their agents and targets: two of them from two articles that are
    # wholly apart keep their groups apart, however a third mention (a round-up naming both) links them.
    full: list[list[tuple[str, frozenset[str]]]] = [
        [(n.article, n.party_sides)] if cfg.disjoint_parties_apart and n.actors and n.targets else [] for n in nodes
    ]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for s, x, y in scored:
        rx, ry = find(x), find(y)
        if rx == ry:
            continue
        (a0, a1), (b0, b1) = span[rx], span[ry]
        if not _overlap(a0, a1, b0, b1) or (modes[rx] and modes[ry] and modes[rx] != modes[ry]):
            continue
        if not _groups_may_join(dated[rx], dated[ry], arts[rx], arts[ry], stories[rx], stories[ry]):
            continue
        if any(ax != ay and sx.isdisjoint(sy) for ax, sx in full[rx] for ay, sy in full[ry]):
            continue
        if len(arts[rx]) < len(arts[ry]):
            rx, ry = ry, rx  # the larger group absorbs the smaller: near-linear set unions
        modes[rx] = modes[rx] or modes[ry]
        lo = max((v for v in (a0, b0) if v is not None), default=None)
        hi = min((v for v in (a1, b1) if v is not None), default=None)
        parent[ry] = rx
        span[rx] = (lo, hi)
        dated[rx] = dated[rx] or dated[ry]
        arts[rx] |= arts[ry]
        stories[rx] |= stories[ry]
        full[rx] += full[ry]
        if joins is not None:
            joins.append((x, y, s))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _groups_may_join(da: bool, db: bool, aa: set[str], ab: set[str], sa: set[str], sb: set[str]) -> bool:
    """The pair rules over whole groups: a dated and an undated group join only inside one
    article; two undated groups of several articles only inside one known story."""
    if da != db:
        return len(aa) == 1 and aa == ab
    if not da and (len(aa) > 1 or aa != ab):
        joined = sa | sb
        return len(joined) == 1 and "" not in joined
    return True


def _merged_date(evs: Sequence[Event]) -> DateRange:
    """The most precise date every mention allows: the intersection of their intervals."""
    known = [e.date for e in evs if e.date.known]
    if not known:
        return DateRange()
    if len(known) == 1:
        return known[0]
    los = [d.earliest for d in known if d.earliest]
    his = [d.latest for d in known if d.latest]
    lo = max(los) if los else None
    hi = min(his) if his else None
    if lo and hi and lo > hi:
        return max(known, key=lambda d: d.confidence)
    conf = max(d.confidence for d in known)
    ev = "; ".join(sorted({d.evidence for d in known if d.evidence}))[:400]
    return DateRange(lo, hi, conf, f"intersection of {len(known)} reports: {ev}")


def _one_day(d: DateRange) -> str | None:
    return d.earliest if d.earliest and d.earliest == d.latest else None


def _name_words(ev: Event) -> frozenset[str]:
    """The words a reference names its happening by (its trigger: "the treaty on ...")."""
    named = " ".join(m.trigger.text for m in ev.mentions if m.trigger is not None)
    return content_words(named or ev.summary)


def _references(
    events: Sequence[Event], groups: list[list[int]], refs: Sequence[int], lex: Lexicon
) -> tuple[dict[int, list[int]], list[int]]:
    """Backward references -> the groups they name; and the references that name none.

    A reference attaches to a dated group of its type whose parties include the ones it
    names and whose wording shares its name ("the treaty on the maritime
    cooperation" ~ "signing the Treaty on Maritime Cooperation"); a
    meeting (``happenings``) that carried that group the same day gets it as well.
    """
    info = []
    for g in groups:
        evs = [events[i] for i in g]
        parties = frozenset(a for e in evs for a in [*e.actors, *e.targets])
        words = frozenset().union(*(content_words(m.span.text) for e in evs for m in e.mentions))
        info.append((evs[0].plover, _one_day(_merged_date(evs)), parties, words))
    # Meetings: groups of one happening family, same day, at least two shared parties.
    partners: dict[int, list[int]] = defaultdict(list)
    by_day: dict[str, list[int]] = defaultdict(list)
    for gi, (typ, day, _, _) in enumerate(info):
        if day and any(typ in h for h in lex.happenings):
            by_day[day].append(gi)
    for members in by_day.values():
        for x in members:
            for y in members:
                tx, ty = info[x][0], info[y][0]
                if tx != ty and any(tx in h and ty in h for h in lex.happenings) and len(info[x][2] & info[y][2]) >= 2:
                    partners[x].append(y)
    attach: dict[int, list[int]] = defaultdict(list)
    left: list[int] = []
    for r in refs:
        ev = events[r]
        own = frozenset([*ev.actors, *ev.targets])
        name = _name_words(ev)
        best: tuple[int, int, int] | None = None
        for gi, (typ, day, parties, words) in enumerate(info):
            if (
                typ != ev.plover
                or day is None
                or not own
                or not all(any(same_side(a, b) for b in parties) for a in own)
            ):
                continue
            shared = len(name & words)
            if shared >= 3 and (best is None or (shared, len(parties)) > best[:2]):
                best = (shared, len(parties), gi)
        if best is None:
            left.append(r)
            continue
        for gi in [best[2], *partners.get(best[2], [])]:
            attach[gi].append(r)
    # A meeting gathers the mentions of the agreements it carried.
    for gi, ps in partners.items():
        typ = info[gi][0]
        main = next((h for h in lex.happenings if typ in h), None)
        if main is not None and typ == _main_type(main, lex):
            for p in ps:
                attach[gi].extend(groups[p])
    return attach, left


def _main_type(family: frozenset[str], lex: Lexicon) -> str:
    """The type a happening family is shown as: CONSULT for a meeting (the first listed in ``happenings``)."""
    return "CONSULT" if "CONSULT" in family else min(family)


# The confidence without a trained model (see newsprism.event_confidence): kept under this name
# for callers of this module.
CONFIDENCE = FALLBACK


def event_confidence(ev: Event, members: Sequence[Event] = ()) -> float:
    """How likely the merged record is right (0..1): its best member's confidence (set by the
    events stage, :mod:`newsprism.event_confidence`), less what joining several mentions costs."""
    return merged_confidence(ev, members)


def explain_pair(a: Node, b: Node, score: float) -> str:
    """Why two mentions were taken for one happening, in words (an event's ``merge_evidence``)."""
    why = [f"same type {a.type}"]
    if a.cues & b.cues:
        why.append("same word " + ", ".join(repr(c) for c in sorted(a.cues & b.cues)))
    shared = sorted((a.actors | a.targets) & (b.actors | b.targets))
    if shared:
        why.append("shared participants " + ", ".join(shared))
    words = _jaccard(a.words, b.words)
    if words:
        why.append(f"wording {words:.2f} alike")
    why.append("both dated, dates overlap" if a.dated and b.dated else "both undated" if a.dated == b.dated else "one undated, in the same article")
    if a.article != b.article and a.story:
        why.append("same story" if a.story == b.story else "different stories, both dated and sharing a participant")
    where = a.article if a.article == b.article else f"{a.article} + {b.article}"
    return f"{where}: " + "; ".join(why) + f" (score {score:.2f})"


def merge_events(
    events: Sequence[Event],
    cfg: MergeConfig | None = None,
    published: dict[str, str] | None = None,
    stories: dict[str, str] | None = None,
) -> list[Event]:
    """One event per real happening, with all its mentions, sorted by date (the timeline).

    Backward references (``REF_MARK``) do not cluster: each joins the happening it names,
    or stands alone when it names none it can find. ``published`` (article id -> its
    latest publication day) bounds an undated mention: what an article reports happened
    by the time it was published, so it cannot join a later happening. ``stories``
    (article id -> story cluster) keeps merges across articles inside one story.
    """
    refs = [i for i, e in enumerate(events) if e.id.endswith(REF_MARK)]
    plain = [i for i, e in enumerate(events) if not e.id.endswith(REF_MARK)]
    nodes = [node_of(k, events[i]) for k, i in enumerate(plain)]
    for n in nodes:
        if published and not _known(n) and published.get(n.article):
            n.hi = _ord(published[n.article])
        if stories:
            n.story = stories.get(n.article, "")
    out: list[Event] = []
    joins: list[tuple[int, int, float]] = []
    node_groups = cluster(nodes, cfg, joins)
    groups = [[plain[k] for k in g] for g in node_groups]
    head = {k: plain[g[0]] for g in node_groups for k in g}
    evidence: dict[int, list[str]] = defaultdict(list)  # first event index of the group -> why
    for x, y, sc in joins:
        evidence[head[x]].append(explain_pair(nodes[x], nodes[y], sc))
    attach, left = _references(events, groups, refs, lexicon()) if refs else ({}, [])
    groups.extend([r] for r in left)
    # Cues that happen together ("... as he held talks") share what the merge learnt of their date.
    together: dict[str, list[int]] = defaultdict(list)
    for gi, group in enumerate(groups):
        for i in group:
            if "~" in events[i].id:
                together[
                    events[i].id.split("~", 1)[1] + "@" + (events[i].mentions[0].article if events[i].mentions else "")
                ].append(gi)
    narrowed: dict[int, DateRange] = {}
    for gis in together.values():
        if len(set(gis)) < 2:
            continue
        dates = [_merged_date([events[i] for i in groups[g]]) for g in set(gis)]
        best = min(
            (d for d in dates if d.earliest and d.latest),
            key=lambda d: (_ord(d.latest) or 0) - (_ord(d.earliest) or 0),
            default=None,
        )
        if best is None:
            continue
        for g in set(gis):
            own = _merged_date([events[i] for i in groups[g]])
            if (
                own.known
                and (own.earliest or "") <= (best.earliest or "")
                and (best.latest or "") <= (own.latest or "9999")
            ):
                narrowed[g] = DateRange(
                    best.earliest,
                    best.latest,
                    min(own.confidence, best.confidence),
                    f"{own.evidence}; at the same time as another event of the sentence, dated {best.earliest}..{best.latest}",
                )
    for gi, group in enumerate(groups):
        evs = [events[i] for i in group]
        extra = [events[i] for i in attach.get(gi, ()) if i not in group]
        mentions: list[Mention] = []
        seen: set[tuple[str, int, int]] = set()
        for e in [*evs, *extra]:
            for m in e.mentions:
                k = (m.article, m.span.start, m.span.end)
                if k not in seen:
                    seen.add(k)
                    mentions.append(m)
        mentions.sort(key=lambda m: (m.article, m.span.start))
        actors = Counter(a for e in evs for a in e.actors)
        targets = Counter(a for e in evs for a in e.targets)
        modes = Counter(e.mode for e in evs if e.mode)
        places = Counter(e.place for e in evs if e.place)
        top = max(evs, key=lambda e: (e.date.confidence, len(e.actors) + len(e.targets)))
        key = "|".join(f"{m.article}:{m.span.start}" for m in mentions) + evs[0].plover
        out.append(
            Event(
                id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
                plover=evs[0].plover,
                summary=top.summary,
                mode=modes.most_common(1)[0][0] if modes else None,
                date=narrowed.get(gi) or _merged_date(evs),
                actors=[a for a, _ in actors.most_common()],
                targets=[a for a, _ in targets.most_common() if a not in actors],
                place=places.most_common(1)[0][0] if places else None,
                mentions=mentions,
                merge_evidence=evidence.get(group[0], [])
                + [f"{e.mentions[0].article}: refers back to it ({e.summary})" for e in extra if e.mentions],
            )
        )
        out[-1].confidence = event_confidence(out[-1], evs)
    out.sort(key=lambda e: (e.date.earliest or e.date.latest or "9999", e.date.latest or "9999", e.id))
    return out


__all__ = [
    "CONFIDENCE",
    "CROSS_ARTICLE",
    "REF_MARK",
    "SAME_ARTICLE",
    "MergeConfig",
    "Node",
    "candidate_pairs",
    "cluster",
    "content_words",
    "event_confidence",
    "explain_pair",
    "merge_events",
    "node_of",
    "pair_score",
    "stem",
]
