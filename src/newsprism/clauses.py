"""Reading a sentence's clauses: its units, the actors it names, subjects and pronouns.

An article is read as :class:`Unit` s (title and body sentences of the nlp layer, caption
sentences) of :func:`~newsprism.plover.tokens`. :class:`ClauseReader` finds the actors named in
a run of tokens (:meth:`ClauseReader.party_at`: places and modifiers dropped, pronouns
resolved by centering, then by the actors layer), where a clause starts and ends, and the
statement an article reproduces whole. The events stage reads each clause for its
happening on top of it; the claims stage reads a figure's asserter with it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprism.actor_names import THING_TYPES
from newsprism.article import Article
from newsprism.knowledge import derived
from newsprism.plover import (
    AUXILIARIES,
    COORD,
    PRONOUNS,
    STRONG_BOUNDARY,
    SUBJECT_PRONOUNS,
    TITLE_HEADS,
    Token,
    lexicon,
    tokens,
)

# ----------------------------------------------------------------------------- actors in a sentence


@dataclass(frozen=True, slots=True)
class Party:
    """An actor named in a sentence: offsets in ``raw_text`` and how it is named."""

    start: int
    end: int
    actor: str
    kind: str
    type: str


def _kb_types() -> dict[str, str]:
    from newsprism.actorkb import actor_kb

    return {a.id: a.type for a in actor_kb().by_id.values()}


@derived
def _country_of() -> dict[str, str]:
    """Actor id -> the id of its country (from the knowledge base's ISO codes)."""
    from newsprism.actorkb import actor_kb

    kb = actor_kb()
    by_code = {
        a.country: a.id
        for a in kb.by_id.values()
        if a.type == "GPE" and a.country and not getattr(a, "metonym_of", None) and a.demonyms
    }
    return {a.id: by_code[a.country] for a in kb.by_id.values() if a.country in by_code}


@derived
def _country_slugs() -> dict[str, str]:
    """Slug of a country's name, alias or demonym -> its id (forms two countries share left out)."""
    from newsprism.actorkb import actor_kb, slug

    seen: dict[str, set[str]] = defaultdict(set)
    for a in actor_kb().by_id.values():
        if a.type == "GPE" and a.demonyms and not getattr(a, "metonym_of", None):
            for form in (a.name, *a.aliases, *a.demonyms):
                seen[slug(form)].add(a.id)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@derived(maxsize=8192)
def country_by_name(aid: str) -> str | None:
    """The country an unknown organisation's name begins with ("entity-u-s-national-security-strategy":
    the United States; "entity-russian-navy": Russia), never the country's own bare name."""
    if not aid.startswith("entity-"):
        return None
    words = aid[len("entity-") :].split("-")
    table = _country_slugs()
    for n in (4, 3, 2, 1):
        if len(words) > n and "-".join(words[:n]) in table:
            return table["-".join(words[:n])]
    return None


def same_side(a: str, b: str) -> bool:
    """Same actor, or one belongs to the other's country (Lena Marr and Vesnia; an unknown
    organisation by the country its name begins with: "U.S. National Security Strategy")."""
    if a == b:
        return True
    ca, cb = _side_of(a), _side_of(b)
    return ca in (cb, b) or cb == a


def _side_of(a: str) -> str:
    """The country an actor belongs to (itself when none): what :func:`same_side` compares."""
    return _country_of().get(a) or country_by_name(a) or a


def sides(ids: Iterable[str]) -> frozenset[str]:
    """Each actor and its country (as :func:`same_side` reads them): two groups of actors hold a
    pair on the same side exactly when their ``sides`` intersect, one set operation instead of a
    call per pair."""
    out: set[str] = set()
    for a in ids:
        out.add(a)
        out.add(_side_of(a))
    return frozenset(out)


# A thing named by a common noun ("the truck", "a car bomb"): what an "it" after it may stand for.
THING_BETWEEN = re.compile(r"\b(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?P<head>[a-z]{3,})\b")
# Heads of such a phrase that name no thing an "it" could be: a time, a statement, a place of speech.
NOT_A_THING = frozenset(["morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "statement", "interview", "report", "court", "briefing", "speech", "conference", "news"])
# Only what stands after the last verb of saying counts ("Israel said this morning it struck";
# "Estrosi told television that the truck ... when it struck": the truck).
SAID_BETWEEN = re.compile(r"\b(?:said|says|told|tells|announced|added|stated|claimed|reported|confirmed)\b")
CAPS_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|de)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*)*")


# The last article's names by key, kept while its mention list is the same object: the events
# stage asks for every sentence of an article in turn (read once, not once per sentence).
_KNOWN: list[tuple[list[Any], int, dict[str, tuple[str, str]]]] = []


def _known_names(article: Article) -> dict[str, tuple[str, str]]:
    """name key -> (actor id, mention kind) of the names this article gives its actors."""
    from newsprism.actorkb import name_key

    if _KNOWN and _KNOWN[0][0] is article.mentions and _KNOWN[0][1] == len(article.mentions):
        return _KNOWN[0][2]
    known: dict[str, tuple[str, str]] = {}
    for m in article.mentions:
        if m.kind in ("name", "acronym", "metonym", "short", "demonym"):
            known.setdefault(name_key(m.span.text), (m.actor, m.kind))
    _KNOWN[:] = [(article.mentions, len(article.mentions), known)]
    return known


def caption_parties(article: Article, start: int, end: int, kb_too: bool = True) -> list[Party]:
    """Actors named in a caption, which the nlp stage does not read.

    An adapter: capitalised runs of the caption are looked up among the names this
    article already gives its actors, then (``kb_too``) in the actor knowledge base.
    """
    from newsprism.actorkb import actor_kb, name_key

    kb = actor_kb()
    types = {a.id: a.type for a in article.actors}
    known = _known_names(article)
    text = article.raw_text[start:end]
    out: list[Party] = []
    for run in CAPS_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 6), i, -1):
                s, e = run.start() + words[i].start(), run.start() + words[j - 1].end()
                surface = text[s:e].rstrip(".,;:'’s") if j - i > 1 else text[s:e].rstrip(".,;:")
                surface = re.sub(r"['’]s$", "", surface)
                key = name_key(surface)
                aid, kind = known.get(key, (None, "name"))
                if aid is None and kb_too:
                    dem = kb.demonym(surface)
                    if dem is not None:
                        aid, kind = dem.id, "demonym"
                    else:
                        found = kb.lookup(surface)
                        if len(found) == 1:
                            aid = found[0].metonym_of if getattr(found[0], "metonym_of", None) else found[0].id
                if aid:
                    hit = Party(
                        start + s, start + s + len(surface), aid, kind, types.get(aid) or _kb_types().get(aid, "ORG")
                    )
                    i = j
                    break
            if hit is not None:
                out.append(hit)
            else:
                i += 1
    return out


def sentence_parties(article: Article, start: int, end: int, caption: bool = False) -> list[Party]:
    """The actors named between ``start`` and ``end`` (mentions of the actors layer)."""
    if caption:
        return caption_parties(article, start, end)
    from newsprism.knowledge import furniture

    types = {a.id: a.type for a in article.actors}
    # A photo credit or a wire's note inside the sentence ("(Harbour Gazette DB)Vesnia and
    # Dorvania may ...") names no party.
    notes = [(m.start(), m.end()) for m in furniture().inline.finditer(article.raw_text, start, end)]
    out = []
    for m in article.mentions:
        if m.span.start >= start and m.span.end <= end:
            out.append(Party(m.span.start, m.span.end, m.actor, m.kind, types.get(m.actor, "ORG")))
    # A name the article uses elsewhere but the model missed here ("Pak further said").
    for p in caption_parties(article, start, end, kb_too=False):
        if not any(o.start < p.end and p.start < o.end for o in out):
            out.append(p)
    out = [p for p in out if not any(a <= p.start < b for a, b in notes)]
    out.sort(key=lambda p: p.start)
    return out


# ----------------------------------------------------------------------------- sentences of an article


@dataclass(slots=True)
class Unit:
    """A sentence read for events: offsets in ``raw_text``, its role and its tokens (offsets in ``raw_text``)."""

    start: int
    end: int
    role: str
    text: str
    toks: list[Token] = field(default_factory=list)


SENT_SPLIT = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")


def article_units(article: Article) -> list[Unit]:
    """Title and body sentences (the nlp layer) plus caption sentences, each read once.

    A headline or caption repeated on the page (or cut short: "... after signing the")
    is read once: the first full copy.
    """
    roles = {}
    for ln in article.lines:
        roles[ln.start] = ln.role
    starts = sorted(roles)
    spans: list[tuple[int, int, str]] = []
    for s in article.sentences:
        i = bisect.bisect_right(starts, s.start) - 1
        role = roles[starts[i]] if i >= 0 else "body"
        spans.append((s.start, s.end, role))
    for ln in article.lines:
        if ln.role != "caption":
            continue
        line = article.raw_text[ln.start : ln.end]
        for m in SENT_SPLIT.finditer(line):
            txt = m.group(0)
            if txt.strip():
                lead = len(txt) - len(txt.lstrip())
                spans.append((ln.start + m.start() + lead, ln.start + m.start() + len(txt.rstrip()), "caption"))
    spans.sort()
    texts = [" ".join(article.raw_text[s:e].split()).lower() for s, e, _ in spans]
    out: list[Unit] = []
    seen: set[str] = set()
    for k, (us, ue, role) in enumerate(spans):
        key = texts[k]
        if not key or key in seen:
            continue
        if role in ("caption", "title") and any(o != key and o.startswith(key) for o in texts):
            continue  # a truncated copy of a longer line
        seen.add(key)
        text = article.raw_text[us:ue]
        toks = [Token(us + t.start, us + t.end, t.text, t.low) for t in tokens(text)]
        out.append(Unit(us, ue, role, text, toks))
    return out


OPEN_Q = frozenset({"“", '"', "«"})
CLOSE_Q = frozenset({"”", '"', "»"})

FOLLOWING = re.compile(r"\b(?:the\s+following|as\s+follows|full\s+text)\b", re.I)

def statement_block(article: Article, units: Sequence[Unit]) -> tuple[int, int, date | None] | None:
    """A statement reproduced whole after "The following statement was issued ... on <date>".

    An adapter until the quotes layer marks such blocks: the block runs from the next
    body line to the end of the body, and it speaks from the date its introduction gives.
    """
    for u in units:
        if u.role != "body" or not FOLLOWING.search(u.text):
            continue
        when = None
        for d in article.dates:
            if u.start <= d.span.start < u.end and d.value.earliest and d.value.earliest == d.value.latest:
                when = date.fromisoformat(d.value.earliest)
        body_end = max((ln.end for ln in article.lines if ln.role == "body"), default=u.end)
        return (u.end, body_end, when)
    for q in getattr(article, "quotes", []) or []:
        if getattr(q, "kind", "") == "statement" and q.date.earliest and q.date.earliest == q.date.latest:
            return (q.span.start, q.span.end, date.fromisoformat(q.date.earliest))
    return None


class ClauseReader:
    """The clauses of one article: units, the actors they name, pronouns resolved."""

    def __init__(self, article: Article) -> None:
        self.art = article
        self.lex = lexicon()
        self.units = article_units(article)
        self.types = {a.id: a.type for a in article.actors}
        self.dates = sorted(article.dates, key=lambda d: d.span.start)
        self.subjects: list[tuple[int, str | None, str]] = []  # (unit start, subject actor, subject type)
        self.statement = statement_block(article, self.units)
        self.statement_speaker: str | None = None
        self._parties: dict[int, list[Party]] = {}
        self._words: frozenset[str] | None = None

    def article_words(self) -> frozenset[str]:
        """The lower-case words of the article's text (for the cues whose type turns on it)."""
        if self._words is None:
            self._words = frozenset(t.low for u in self.units for t in u.toks)
        return self._words

    # -- helpers ------------------------------------------------------------

    def parties(self, u: Unit) -> list[Party]:
        """Actors named in the sentence; of two overlapping mentions the longer ("North Korea's leader")."""
        got = self._parties.get(u.start)
        if got is None:
            raw = sentence_parties(self.art, u.start, u.end, caption=u.role == "caption")
            got = [
                p
                for p in raw
                if not any(
                    o is not p and o.start <= p.start and p.end <= o.end and (o.end - o.start) > (p.end - p.start)
                    for o in raw
                )
            ]
            self._parties[u.start] = got
        return got

    def actor_type(self, aid: str | None) -> str:
        if not aid:
            return ""
        return self.types.get(aid) or _kb_types().get(aid, "")

    def resolve(self, u: Unit, tok: Token, idx: int) -> str | None:
        """The actor a pronoun stands for (centering first, then the actors layer)."""
        word = tok.low
        if word in ("i", "we", "my", "our", "us", "me"):
            return self.first_person(u)
        want_person = word in ("he", "she", "his", "her", "him")
        if word in SUBJECT_PRONOUNS and (idx == 0 or u.toks[idx - 1].low in COORD | STRONG_BOUNDARY):
            for _, subj, typ in reversed(self.subjects[-2:]):
                if subj and ((typ == "PERSON") == want_person):
                    return subj
        try:
            from newsprism.pronouns import resolve_pronoun
        except ImportError:  # the actors layer is optional
            return None
        got = resolve_pronoun(self.art, tok.start, tok.end)
        if got is not None and word == "it":
            # "... the truck was carrying arms when it struck the crowd": a thing named by a common
            # noun since the organisation or place stands nearer; "it" is no one then. (Not "its":
            # "Russia has faced sanctions from the international community due to its military
            # actions" is Russia's.)
            last = max((m.span.end for m in self.art.mentions if m.actor == got and m.span.end <= tok.start), default=tok.start)
            gap = self.art.raw_text[last : tok.start]
            said = [m.end() for m in SAID_BETWEEN.finditer(gap)]
            if any(m.group("head") not in NOT_A_THING for m in THING_BETWEEN.finditer(gap, said[-1] if said else 0)):
                return None
        return got

    def first_person(self, u: Unit) -> str | None:
        """ "I"/"we" inside a quote or a reproduced statement: its speaker."""
        for q in getattr(self.art, "quotes", []) or []:
            if q.span.start <= u.start < q.span.end and q.speaker:
                return str(q.speaker)
        if self.statement is not None and self.statement[0] <= u.start < self.statement[1]:
            return self.statement_speaker
        return None

    def _natural(self, p: Party) -> bool:
        if p.type != "LOC":
            return False
        from newsprism.actorkb import actor_kb

        words = self.art.raw_text[p.start : p.end].lower().split()
        return bool(words) and words[-1] in actor_kb().natural_heads

    @staticmethod
    def tok_index(u: Unit, pos: int) -> int:
        starts = [t.start for t in u.toks]
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def party_at(self, u: Unit, i: int, j: int, keep_places: bool = False) -> list[tuple[int, str]]:
        """Actors (with token index) named in tokens ``i:j``, pronouns resolved, modifiers dropped.

        A demonym before a title or name ("North Korean leader Kim") and a country
        right before a person ("President of Vesnia Tomas Orel", "Vesnia's
        deputy minister Rusk") modify the person: only the person acts.
        """
        if i >= j:
            return []
        s, e = u.toks[i].start, u.toks[j - 1].end
        # Places do not act: a metonym used as a place, buildings ("the Kumsusan Palace ..."), and
        # natural features ("the Yellow Sea"; knowledge-base ``places.natural``).
        parties = [
            p
            for p in self.parties(u)
            if p.start >= s and p.end <= e and p.type not in THING_TYPES
            and (keep_places or (p.kind != "place" and p.type != "FAC" and not self._natural(p)))
        ]
        out: list[tuple[int, str]] = []
        for n, p in enumerate(parties):
            k = self.tok_index(u, p.start)
            last = self.tok_index(u, p.end - 1)
            nxt = u.toks[last + 1] if last + 1 < len(u.toks) else None
            if p.kind == "demonym" and nxt is not None and (nxt.text[:1].isupper() or nxt.low in TITLE_HEADS):
                continue
            if p.type != "PERSON" and n + 1 < len(parties) and parties[n + 1].type == "PERSON":
                gap = u.toks[last + 1 : self.tok_index(u, parties[n + 1].start)]
                if len(gap) <= 4 and not any(
                    g.low in STRONG_BOUNDARY or g.low in (",", "and", "or") or (g.low,) in self.lex.phrases for g in gap
                ):
                    continue
            out.append((k, p.actor))
        for k in range(i, j):
            t = u.toks[k]
            if t.low in PRONOUNS or t.low in ("i", "we", "my", "our"):
                a = self.resolve(u, t, k)
                if a:
                    out.append((k, a))
        out.sort()
        return out

    def window_start(self, u: Unit, before: int, floor: int) -> int:
        """Where the clause of the cue at token ``before`` starts (not before ``floor``)."""
        k = before - 1
        while k >= floor:
            if u.toks[k].low in STRONG_BOUNDARY:
                return k + 1
            k -= 1
        return floor

    def own_subject(self, u: Unit, ws: int, before: int) -> bool:
        """The relative clause of a cue has a subject of its own, one that names no actor ("a flaw
        which hackers exploited to seize ..."): the main clause's subject is not its agent."""
        if ws <= 0 or ws > len(u.toks):
            return False
        rel = u.toks[ws - 1].low
        words = [t for t in u.toks[ws:before] if t.low not in AUXILIARIES and t.low != "to" and not t.low.endswith("ly")]
        if not words or not words[0].text[:1].isalpha() or words[0].low in PRONOUNS or words[0].low in {"i", "we", "you"}:
            return False
        if rel in ("which", "whom"):
            return True
        return rel == "that" and words[0].low in {"the", "a", "an", "this", "these", "those"}

    def clause_end(self, u: Unit, after: int, ceil: int, comma: bool) -> int:
        k = after
        while k < ceil:
            low = u.toks[k].low
            if low in STRONG_BOUNDARY or (comma and low == ","):
                return k
            k += 1
        return ceil

    def in_name(self, u: Unit, k: int) -> bool:
        """Token ``k`` is a word of a proper name ("Strategic Partnership", "United States")."""
        t = u.toks[k]
        if not t.text[:1].isupper() or u.role == "title" or k == 0 or u.toks[k - 1].low in OPEN_Q:
            return False
        prev_cap = k > 0 and u.toks[k - 1].text[:1].isupper() and u.toks[k - 1].text[:1].isalpha()
        next_cap = k + 1 < len(u.toks) and u.toks[k + 1].text[:1].isupper() and u.toks[k + 1].text[:1].isalpha()
        return (prev_cap and k - 1 > 0) or next_cap
