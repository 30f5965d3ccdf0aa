"""What the web app's pages show: a story, an actor, an event, an outlet, the timeline (#25).

Each function reads a :class:`~newsprism.article.Dossier` and returns plain dicts and lists a
template shows as they are: names, never ids (an id only as a link's target); dates in words
(:func:`newsprism.compare.date_label`: a day, a month, a range, "date unknown"); outlets by
:func:`newsprism.compare.outlet_label` (the page's domain, or "unknown outlet (file)").

**Camps** are the coverage matrix's (:func:`newsprism.compare.camps_of`: outlets grouped by
their articles' stance toward the actor the pile takes sides on most); an outlet with no stance
toward it is in no camp, listed as such. An outlet's country and affiliation (a state
outlet, a public broadcaster) are what ``outlets.json`` declares, nothing guessed.

**Who reported first**: the outlet whose article's publication date is the earliest known day;
only articles dated to the day (earliest == latest) compete, and a tie names every outlet of
that day. When no article of the story is dated to the day, nobody is named.

**Blindspots** of a story: an event, quote or figure that one camp carries (an outlet of it
reports, quotes or asserts it) while every outlet of another camp covering the story leaves it
out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.article import TECHNIQUE_NAMES, Article, DateRange, Dossier
from newsprism.compare import bare_quote, camps_of, date_label, outlet_label

NO_CAMP = "no stance found"
# Events whose records are right less often than this (the events layer's calibrated confidence:
# records without a named agent were right 0.16 of the time on hand-judged news nobody tuned
# for, evals/polnear_events.py) are listed apart: collapsed in the report and off its chart,
# left out of the web timeline unless asked for.
LESS_CERTAIN_BELOW = 0.3
CARRIED = frozenset({"reported", "referenced", "quoted", "paraphrased", "asserted"})
AFFILIATION_NAMES = {"state": "state outlet", "public": "public broadcaster or agency"}


def technique_name(technique: str) -> str:
    """A technique's name as people write it ("name_calling" -> "name calling, labelling")."""
    return TECHNIQUE_NAMES.get(technique, technique.replace("_", " "))


def day_of(d: DateRange | None) -> str | None:
    """The day of a date known to the day, else None."""
    if d is not None and d.earliest and d.earliest == d.latest:
        return d.earliest[:10]
    return None


def _sort_key(d: DateRange | None) -> str:
    return (d.earliest or d.latest or "9999") if d is not None else "9999"


def outlet_facts(name: str) -> dict[str, Any]:
    """What ``outlets.json`` declares of an outlet: country, affiliation, wire service; empty
    for an outlet it does not know."""
    from newsprism.knowledge import outlets

    o = outlets().lookup(name)
    if o is None:
        return {"known": False, "country": None, "affiliation": None, "wire": False}
    aff = getattr(o, "affiliation", None)
    return {"known": True, "country": o.country, "affiliation": AFFILIATION_NAMES.get(aff or "", aff), "wire": o.wire}


class Pages:
    """The page models of one dossier: indexes built once, then each page on demand."""

    def __init__(self, dossier: Dossier, coverage: dict[str, Any] | None = None) -> None:
        """``coverage``: the coverage matrix as a dict, when the dossier does not carry it yet."""
        self.d = dossier
        self.names = {a.id: a.name for a in dossier.actors}
        self.arts = {a.id: a for a in dossier.articles}
        self.outlet = {a.id: outlet_label(a) for a in dossier.articles}
        cov = coverage or dossier.coverage or {}
        self.coverage = cov
        self._by_story: dict[str, list[dict[str, Any]]] | None = None
        self._arts_by_story: dict[str, list[Article]] | None = None
        camps = cov.get("camps") if cov else None
        self.camps: dict[str, list[str]] = dict(camps) if camps else camps_of(dossier)
        self.camp_of = {o: c for c, members in self.camps.items() for o in members}

    # -- shared bits -------------------------------------------------------------------

    def name(self, actor_id: str | None) -> str:
        return self.names.get(actor_id or "", actor_id or "")

    def article_ref(self, a: Article) -> dict[str, Any]:
        return {"id": a.id, "title": a.title or a.id, "outlet": self.outlet[a.id], "date": date_label(a.published), "day": day_of(a.published)}

    def camp(self, outlet: str) -> str:
        return self.camp_of.get(outlet, NO_CAMP)

    # -- stories -----------------------------------------------------------------------

    def stories(self) -> list[dict[str, Any]]:
        """Every story, most covered first: its headline, how many articles and outlets, its dates."""
        members: dict[str, list[Article]] = defaultdict(list)
        for a in self.d.articles:
            members[a.story or ""].append(a)
        out: list[dict[str, Any]] = []
        for sid, arts in members.items():
            if not sid:
                continue
            arts.sort(key=lambda a: (_sort_key(a.published), a.id))
            outlets = sorted({self.outlet[a.id] for a in arts})
            out.append({
                "id": sid,
                "headline": headline(arts, sid),
                "articles": len(arts),
                "outlets": len(outlets),
                "camps": dict(Counter(self.camp(o) for o in outlets)),
                "dates": published_span(arts) or "dates unknown",
            })  # fmt: skip
        out.sort(key=lambda s: (-int(s["articles"]), str(s["headline"])))
        return out

    def story(self, sid: str) -> dict[str, Any] | None:
        """One story: the camp bar, headlines side by side by camp, who reported first, which camp
        carries each event, quote and figure, and the blindspots."""
        if self._arts_by_story is None:
            self._arts_by_story = defaultdict(list)
            for a in self.d.articles:
                if a.story:
                    self._arts_by_story[a.story].append(a)
        arts = sorted(self._arts_by_story.get(sid, ()), key=lambda a: (_sort_key(a.published), a.id))
        if not arts:
            return None
        by_outlet: dict[str, list[Article]] = defaultdict(list)
        for a in arts:
            by_outlet[self.outlet[a.id]].append(a)
        camp_names = [*self.camps, NO_CAMP]
        groups = []
        for camp in camp_names:
            outs = [o for o in sorted(by_outlet) if self.camp(o) == camp]
            if outs:
                groups.append({
                    "camp": camp,
                    "outlets": [{"name": o, **outlet_facts(o), "articles": [self.article_ref(a) for a in by_outlet[o]]} for o in outs],
                })  # fmt: skip
        total = sum(len(g["outlets"]) for g in groups)
        bar = [{"camp": g["camp"], "outlets": len(g["outlets"]), "share": len(g["outlets"]) / total} for g in groups]
        rows, blind = self._story_rows(sid, camp_names, set(by_outlet))
        return {
            "id": sid,
            "headline": headline(arts, sid),
            "articles": [self.article_ref(a) for a in arts],
            "groups": groups,
            "bar": bar,
            "first": self._first(arts),
            "rows": rows,
            "blindspots": blind,
            "camps_known": bool(self.camps),
        }

    def _first(self, arts: Sequence[Article]) -> dict[str, Any] | None:
        dated = [(d, a) for a in arts if (d := day_of(a.published))]
        if not dated:
            return None
        first = min(d for d, _ in dated)
        if any(not day_of(a.published) and a.published.latest and a.published.latest[:10] < first for a in arts):
            return None  # an article dated only to a range lies wholly before that day: first, but not to the day
        tied = [a for d, a in dated if d == first]
        return {
            "day": first,
            "outlets": sorted({self.outlet[a.id] for a in tied}),
            "articles": [self.article_ref(a) for a in tied],
            "evidence": "; ".join(sorted({a.published.evidence for a in tied if a.published.evidence}))[:300],
            "undated": len(arts) - len(dated),
        }

    def _story_rows(self, sid: str, camp_names: list[str], covering: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The coverage rows of the story, by camp: only the outlets with an article in this story
        count (an item of two stories has cells for the outlets of both)."""
        rows, blind = [], []
        for r in self._rows_of_story().get(sid, ()):
            by_camp: dict[str, str] = {}
            cells = {o: c for o, c in (r.get("cells") or {}).items() if o in covering}
            for outlet, cell in cells.items():
                camp = self.camp(outlet)
                has = cell.get("status") in CARRIED
                by_camp[camp] = "carried" if has or by_camp.get(camp) == "carried" else "left out"
            row = {
                "kind": r.get("kind"),
                "label": r.get("label"),
                "date": r.get("date") or "date unknown",
                "event": r.get("key") if r.get("kind") == "event" else None,
                "camps": [{"camp": c, "status": by_camp.get(c, "not covering")} for c in camp_names if c in by_camp],
                "outlets": {o: c.get("status") for o, c in cells.items()},
            }
            rows.append(row)
            carried = [c for c, s in by_camp.items() if s == "carried" and c != NO_CAMP]
            left = [c for c, s in by_camp.items() if s == "left out" and c != NO_CAMP]
            if carried and left:
                blind.append({**row, "carried_by": carried, "left_out_by": left})
        return rows, blind

    def _rows_of_story(self) -> dict[str, list[dict[str, Any]]]:
        """The coverage rows by story, indexed once (a report asks for every story)."""
        if self._by_story is None:
            self._by_story = defaultdict(list)
            for r in self.coverage.get("rows", []):
                for sid in r.get("stories") or []:
                    self._by_story[sid].append(r)
        return self._by_story

    # -- actors, events, outlets ----------------------------------------------------------

    def actor(self, aid: str) -> dict[str, Any] | None:
        """One actor: names, roles, the evidence of identity, quotes, figures, events, and the
        outlets that quote them and their stance toward them."""
        x = next((a for a in self.d.actors if a.id == aid), None)
        if x is None:
            return None
        arts = sorted({m.article for m in x.mentions})
        quotes = [q for q in self.d.quotes if q.speaker == aid]
        quoted_by = Counter(self.outlet.get(q.article, "?") for q in quotes)
        stance: dict[str, Counter[str]] = defaultdict(Counter)
        for a in self.d.articles:
            if aid in a.stance:
                stance[self.outlet[a.id]][a.stance[aid]] += 1
        return {
            "id": x.id,
            "name": x.name,
            "type": x.type,
            "aliases": [n for n in x.aliases if n != x.name],
            "roles": x.roles,
            "wikidata": x.wikidata,
            "evidence": x.evidence,
            "mentions": len(x.mentions),
            "articles": [self.article_ref(self.arts[i]) for i in arts if i in self.arts],
            "quotes": [self._quote(q) for q in quotes],
            "quoted_by": quoted_by.most_common(),
            "stance": [{"outlet": o, "stances": dict(c)} for o, c in sorted(stance.items())],
            "figures": [self._claim(c) for c in self.d.claims if c.asserted_by == aid],
            "events": [self._event_ref(e) for e in self.d.events if aid in e.actors or aid in e.targets],
        }

    def _quote(self, q: Any) -> dict[str, Any]:
        a = self.arts.get(q.article)
        return {"text": bare_quote(q.span.text), "kind": q.kind, "cue": q.cue, "article": a and self.article_ref(a), "date": date_label(q.date) if q.date.known else "date unknown"}

    def _claim(self, c: Any) -> dict[str, Any]:
        a = self.arts.get(c.article)
        return {"text": c.span.text, "about": c.about, "as_of": date_label(c.as_of), "article": a and self.article_ref(a)}

    def _event_ref(self, e: Any) -> dict[str, Any]:
        return {"id": e.id, "summary": e.summary, "plover": e.plover, "date": date_label(e.date), "confidence": e.confidence, "reports": len(e.mentions)}

    def event(self, eid: str) -> dict[str, Any] | None:
        """One event: what, when, who, and every report of it side by side, per outlet, with the wording."""
        e = next((x for x in self.d.events if x.id == eid), None)
        if e is None:
            return None
        reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in e.mentions:
            a = self.arts.get(m.article)
            if a is None:
                continue
            trig = m.trigger
            text = m.span.text
            pre, word, post = text, "", ""
            if trig is not None and m.span.start <= trig.start and trig.end <= m.span.end:
                i, j = trig.start - m.span.start, trig.end - m.span.start
                pre, word, post = text[:i], text[i:j], text[j:]
            reports[self.outlet[a.id]].append({"article": self.article_ref(a), "before": pre, "trigger": word, "after": post})
        return {
            **self._event_ref(e),
            "mode": e.mode,
            "date_evidence": e.date.evidence,
            "actors": [{"id": i, "name": self.name(i)} for i in e.actors],
            "targets": [{"id": i, "name": self.name(i)} for i in e.targets],
            "place": e.place,
            "merge_evidence": list(getattr(e, "merge_evidence", []) or []),
            "reports": [{"outlet": o, "camp": self.camp(o), "wordings": v} for o, v in sorted(reports.items())],
        }

    def outlets(self) -> list[dict[str, Any]]:
        counts = Counter(self.outlet.values())
        return [{"name": o, "articles": n, "camp": self.camp(o), **outlet_facts(o)} for o, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def outlet_page(self, name: str) -> dict[str, Any] | None:
        """One outlet: what outlets.json declares, its camp, its profile (techniques per 1,000 words
        of its own voice), its stances toward actors, its articles."""
        arts = [a for a in self.d.articles if self.outlet[a.id] == name]
        if not arts:
            return None
        prof = next((p for p in self.d.outlets if p.get("outlet") == name), {})
        stance = [
            {"actor": self.name(aid), "id": aid, "stances": dict(c)}
            for aid, c in sorted((prof.get("stance") or {}).items(), key=lambda kv: -sum(kv[1].values()))
        ]
        return {
            "name": name,
            **outlet_facts(name),
            "camp": self.camp(name),
            "own_words": prof.get("own_words", 0),
            "density": prof.get("own_density_per_1000_words", 0.0),
            "own": [(technique_name(t), n) for t, n in sorted((prof.get("own_by_technique") or {}).items(), key=lambda kv: -kv[1])],
            "quoted": [(technique_name(t), n) for t, n in sorted((prof.get("quoted_by_technique") or {}).items(), key=lambda kv: -kv[1])],
            "genres": prof.get("genres") or {},
            "stance": stance,
            "articles": [self.article_ref(a) for a in sorted(arts, key=lambda a: (_sort_key(a.published), a.id))],
        }

    # -- timeline ----------------------------------------------------------------------

    def timeline(
        self,
        actor: str | None = None,
        plover: str | None = None,
        outlet: str | None = None,
        camp: str | None = None,
        since: str | None = None,
        until: str | None = None,
        less_certain: bool = False,
    ) -> dict[str, Any]:
        """The events, earliest first (undated last), filtered; with the choices for each filter.
        Less certain events (see LESS_CERTAIN_BELOW) only when ``less_certain``; ``hidden`` counts
        those the other filters let through."""
        rows = []
        hidden = 0
        for e in self.d.events:
            outs = sorted({self.outlet[m.article] for m in e.mentions if m.article in self.outlet})
            if actor and actor not in e.actors and actor not in e.targets:
                continue
            if plover and e.plover.upper() != plover.upper():
                continue
            if outlet and outlet not in outs:
                continue
            if camp and camp not in {self.camp(o) for o in outs}:
                continue
            if not _overlaps(e.date, since, until):
                continue
            if not less_certain and 0.0 < e.confidence < LESS_CERTAIN_BELOW:
                hidden += 1
                continue
            rows.append({**self._event_ref(e), "outlets": outs, "sort": _sort_key(e.date)})
        rows.sort(key=lambda r: (r["sort"], r["id"]))
        involved = Counter(i for e in self.d.events for i in (*e.actors, *e.targets))
        return {
            "events": rows,
            "hidden": hidden,
            "filters": {"actor": actor, "plover": plover, "outlet": outlet, "camp": camp, "since": since, "until": until, "less_certain": less_certain},
            "choices": {
                "actors": [{"id": i, "name": self.name(i)} for i, _ in involved.most_common(200)],
                "plover": sorted({e.plover for e in self.d.events}),
                "outlets": sorted(set(self.outlet.values())),
                "camps": [*self.camps, NO_CAMP],
            },
        }


def headline(arts: Sequence[Article], fallback: str) -> str:
    """A story's headline: the title of its first report dated to the day, else the first title."""
    dated = sorted((d, a.id, a.title) for a in arts if a.title and (d := day_of(a.published)))
    if dated:
        return dated[0][2]
    return next((a.title for a in arts if a.title), fallback)


def _overlaps(d: DateRange, since: str | None, until: str | None) -> bool:
    """Whether a date can fall in [since, until] (ISO prefixes; open ends); unknown dates only
    when no bound is asked."""
    if not since and not until:
        return True
    lo, hi = d.earliest, d.latest
    if not lo and not hi:
        return False
    if since and hi and hi < since:
        return False
    return not (until and lo and lo[: len(until)] > until)


def published_span(articles: Iterable[Article]) -> str:
    """The days a pile was published over: the first and last article dated to the day."""
    days = sorted(x for x in (day_of(a.published) for a in articles) if x)
    if not days:
        return ""
    return days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"
