"""The one typed document model that flows through every stage.

Every record that points into an article holds character offsets into
``Article.raw_text`` (like spaCy's ``Span`` into its ``Doc``), so the dossier can
always show the exact characters a statement rests on.

Serialisation follows ``CONTRACT.md`` (schema ``newsprism.dossier/1``): each record
has ``as_dict()`` and ``from_dict()``; later layers start as empty lists.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from newsprism.about import __version__

SCHEMA = "newsprism.dossier/1"

ROLES = ("title", "metadata", "body", "caption", "boilerplate", "blank")

GENRES = ("report", "opinion", "statement", "analysis", "other")

TECHNIQUES = (
    "loaded_language",
    "name_calling",
    "repetition",
    "exaggeration",
    "doubt",
    "appeal_to_fear",
    "flag_waving",
    "causal_oversimplification",
    "slogans",
    "appeal_to_authority",
    "black_and_white",
    "thought_terminating_cliche",
    "whataboutism",
    "bandwagon",
)
# How people name each technique (the PTC / SemEval-2020 task 11 labels, in words).
TECHNIQUE_NAMES = {
    "loaded_language": "loaded language",
    "name_calling": "name calling, labelling",
    "repetition": "repetition",
    "exaggeration": "exaggeration, minimisation",
    "doubt": "doubt",
    "appeal_to_fear": "appeal to fear or prejudice",
    "flag_waving": "flag-waving",
    "causal_oversimplification": "causal oversimplification",
    "slogans": "slogans",
    "appeal_to_authority": "appeal to authority",
    "black_and_white": "black-and-white fallacy",
    "thought_terminating_cliche": "thought-terminating cliché",
    "whataboutism": "whataboutism, straw man, red herring",
    "bandwagon": "bandwagon, reductio ad hitlerum",
}


def file_stem(article_id: str) -> str:
    """A file name stem for an article id that stays inside any folder: the id itself when it is
    plain (letters, digits, ``._-``, no leading dot, at most 100 characters), else a slug of it
    with a short hash, so two ids never share a file ("../x" -> "x-1a2b3c4d")."""
    import hashlib
    import re

    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", article_id) and ".." not in article_id:
        return article_id
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", article_id).strip(".-_")[:60] or "article"
    return f"{slug}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:8]}"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of an article's ``raw_text``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=int(d["start"]), end=int(d["end"]), text=str(d["text"]))

    @classmethod
    def of(cls, raw_text: str, start: int, end: int) -> Span:
        """Build a span whose text is read from ``raw_text`` (never copied by hand)."""
        if not 0 <= start <= end <= len(raw_text):
            raise ValueError(f"span {start}:{end} outside text of length {len(raw_text)}")
        return cls(start=start, end=end, text=raw_text[start:end])


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date as an interval: ``earliest == latest`` for a known day, both None if unknown."""

    earliest: str | None = None
    latest: str | None = None
    confidence: float = 0.0
    evidence: str = ""

    def __post_init__(self) -> None:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} after latest {self.latest}")

    @property
    def known(self) -> bool:
        return self.earliest is not None or self.latest is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "earliest": self.earliest,
            "latest": self.latest,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateRange:
        if not d:
            return cls()
        return cls(
            earliest=d.get("earliest"),
            latest=d.get("latest"),
            confidence=float(d.get("confidence") or 0.0),
            evidence=str(d.get("evidence") or ""),
        )


@dataclass(frozen=True, slots=True)
class Line:
    """One line of ``raw_text`` with its role; ``start:end`` excludes the newline."""

    n: int
    start: int
    end: int
    role: str
    why: str = ""

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"n": self.n, "role": self.role, "start": self.start, "end": self.end}
        if self.why:
            d["why"] = self.why
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Line:
        return cls(
            n=int(d["n"]),
            start=int(d.get("start", 0)),
            end=int(d.get("end", 0)),
            role=str(d["role"]),
            why=str(d.get("why", "")),
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression in an article and its resolved value."""

    span: Span
    value: DateRange
    timex: str | None = None  # TimeML value, e.g. "2024-W25", "P24Y", "XXXX-02-08"
    type: str | None = None  # TimeML type: DATE, TIME, DURATION, SET

    def as_dict(self) -> dict[str, Any]:
        return {**self.span.as_dict(), "value": self.value.as_dict(), "timex": self.timex, "type": self.type}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateMention:
        return cls(
            span=Span.from_dict(d),
            value=DateRange.from_dict(d.get("value")),
            timex=d.get("timex"),
            type=d.get("type"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span of an article (the ``nlp`` stage's layer).

    ``label`` is spaCy's OntoNotes label (PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...);
    ``source`` says who decided it: ``ner`` (the statistical model), ``kb`` (a
    knowledge-base name the model missed), ``rule`` (a model span a rule trimmed,
    split or retyped), ``dateline`` (the place of a wire dateline on its own line) or ``table``
    (a team of a sports results-table row).
    """

    span: Span
    label: str
    source: str = "ner"

    def as_dict(self) -> dict[str, Any]:
        return {**self.span.as_dict(), "label": self.label, "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(span=Span.from_dict(d), label=str(d["label"]), source=str(d.get("source", "ner")))


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of an article that names (or stands for) an actor (the ``actors`` stage's layer).

    ``kind`` says how the span names the actor: ``name`` (a full name or alias),
    ``short`` (a surname or short form resolved in context: "Pak"), ``acronym``,
    ``metonym`` (a capital or seat of power standing for a government: "Pyongyang",
    "the Kremlin"), ``demonym`` ("North Korean"), ``description`` ("the embassy",
    "North Korea's leader") or ``place`` (a capital named as a place: "in Pyongyang").
    """

    span: Span
    actor: str
    kind: str = "name"

    def as_dict(self) -> dict[str, Any]:
        return {**self.span.as_dict(), "actor": self.actor, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorMention:
        return cls(span=Span.from_dict(d), actor=str(d["actor"]), kind=str(d.get("kind", "name")))


class MentionIndex:
    """An article's actor mentions sorted once by start, for lookups by position that do not
    rescan a long page for each sentence, quote or span."""

    def __init__(self, article: Article) -> None:
        self.mentions = sorted(article.mentions, key=lambda m: m.span.start)
        self.starts = [m.span.start for m in self.mentions]
        self.longest = max((m.span.end - m.span.start for m in self.mentions), default=0)

    def starting(self, a: int, b: int) -> Sequence[ActorMention]:
        """The mentions that start in ``[a, b)``, in order."""
        return self.mentions[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]

    def at(self, start: int, end: int) -> str | None:
        """The id of the actor named at ``raw_text[start:end]`` (the mention overlapping it most), or None."""
        best: tuple[int, int, str] | None = None
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_right(self.starts, max(start, end))
        for m in self.mentions[lo:hi]:
            overlap = min(end, m.span.end) - max(start, m.span.start)
            if overlap <= 0 and not (start == end and m.span.start <= start < m.span.end):
                continue
            cand = (overlap, -(m.span.end - m.span.start), m.actor)
            if best is None or cand > best:
                best = cand
        return best[2] if best else None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of one article, as cited by corpus-level records; an event's mention also has
    its ``trigger``, the word or words in the span that name the happening ("signed", "summit")."""

    article: str
    span: Span
    trigger: Span | None = None

    def as_dict(self) -> dict[str, Any]:
        d = {"article": self.article, **self.span.as_dict()}
        if self.trigger is not None:
            d["trigger"] = self.trigger.as_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        t = d.get("trigger")
        return cls(article=str(d["article"]), span=Span.from_dict(d), trigger=Span.from_dict(t) if isinstance(t, dict) else None)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # Why the names of this actor are one entity, beyond one spelling: the rule that merged
    # each other name ("'NRA': the initials of 'National Rifle Association'"); an addition to the contract.
    evidence: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "wikidata": self.wikidata,
            "mentions": [m.as_dict() for m in self.mentions],
        }
        if self.evidence:
            d["evidence"] = list(self.evidence)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            type=str(d.get("type", "")),
            aliases=list(d.get("aliases") or []),
            roles=list(d.get("roles") or []),
            wikidata=d.get("wikidata"),
            mentions=[Mention.from_dict(m) for m in d.get("mentions") or []],
            evidence=[str(x) for x in d.get("evidence") or []],
        )


def _opt_span(d: Any) -> Span | None:
    return Span.from_dict(d) if isinstance(d, dict) else None


@dataclass(slots=True)
class Quote:
    """Who said what (the ``quotes`` stage's layer; CONTRACT.md QUOTE).

    Beyond the contract's fields: ``speaker_span`` is where the attribution names
    the speaker (a pronoun included), ``speaker_ref`` the actor mention the speaker
    id was read from (the antecedent of a pronoun; the corpus stage re-reads the id
    there after actors merge), ``speaker_name`` the resolved actor's name,
    ``date_span`` the temporal expression the utterance date rests on,
    ``group`` an id shared by the same quote carried by several articles, and
    ``speaker_evidence`` why a pronoun speaker ("she said") names its actor, or names no one,
    and ``mode`` what an indirect record reports when it is not a claim: ``"act"`` (an act the
    speaker commits to or asks for: "vowed to ban ...", "urged the board to resign"),
    ``"question"`` ("asked whether ...") or ``"naming"`` ("called the plan “reckless”").
    """

    article: str
    span: Span
    kind: str
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    medium: str | None = None
    date: DateRange = field(default_factory=DateRange)
    via: str | None = None
    speaker_span: Span | None = None
    speaker_ref: Span | None = None
    speaker_name: str | None = None
    date_span: Span | None = None
    group: str | None = None
    speaker_evidence: str | None = None
    mode: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            **self.span.as_dict(),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "medium": self.medium,
            "date": self.date.as_dict(),
            "via": self.via,
            "speaker_span": self.speaker_span.as_dict() if self.speaker_span else None,
            "speaker_ref": self.speaker_ref.as_dict() if self.speaker_ref else None,
            "speaker_name": self.speaker_name,
            "date_span": self.date_span.as_dict() if self.date_span else None,
            "group": self.group,
            "speaker_evidence": self.speaker_evidence,
            "mode": self.mode,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            article=str(d["article"]),
            span=Span.from_dict(d),
            kind=str(d["kind"]),
            speaker=d.get("speaker"),
            speaker_text=d.get("speaker_text"),
            cue=d.get("cue"),
            medium=d.get("medium"),
            date=DateRange.from_dict(d.get("date")),
            via=d.get("via"),
            speaker_span=_opt_span(d.get("speaker_span")),
            speaker_ref=_opt_span(d.get("speaker_ref")),
            speaker_name=d.get("speaker_name"),
            date_span=_opt_span(d.get("date_span")),
            group=d.get("group"),
            speaker_evidence=d.get("speaker_evidence"),
            mode=d.get("mode"),
        )


@dataclass(slots=True)
class Claim:
    """A figure someone asserts (the ``claims`` stage's layer; CONTRACT.md CLAIM).

    Beyond the contract's fields: ``asserted_by_text`` is how the article names the
    asserter (also when it is no single actor: "Western leaders and Ukrainian
    officials"), ``asserted_by_span`` the characters that name the asserter (the speaker's
    name or pronoun, the poll, the words of a group; None for the outlet's own voice), and ``group`` an id shared by the claims about the same quantity
    across articles (the corpus stage sets it), so an estimate can be followed over time.
    """

    article: str
    span: Span
    value: float
    unit: str
    qualifier: str = "exact"
    about: str = ""
    asserted_by: str | None = None
    as_of: DateRange = field(default_factory=DateRange)
    asserted_by_text: str | None = None
    group: str | None = None
    asserted_by_span: Span | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            **self.span.as_dict(),
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "about": self.about,
            "asserted_by": self.asserted_by,
            "as_of": self.as_of.as_dict(),
            "asserted_by_text": self.asserted_by_text,
            "asserted_by_span": self.asserted_by_span.as_dict() if self.asserted_by_span else None,
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            article=str(d["article"]),
            span=Span.from_dict(d),
            value=float(d["value"]),
            unit=str(d.get("unit", "")),
            qualifier=str(d.get("qualifier", "exact")),
            about=str(d.get("about", "")),
            asserted_by=d.get("asserted_by"),
            as_of=DateRange.from_dict(d.get("as_of")),
            asserted_by_text=d.get("asserted_by_text"),
            group=d.get("group"),
            asserted_by_span=_opt_span(d.get("asserted_by_span")),
        )


@dataclass(slots=True)
class Event:
    id: str
    plover: str
    summary: str
    mode: str | None = None
    date: DateRange = field(default_factory=DateRange)
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # How likely the record is right as a whole (0..1): :mod:`newsprism.event_confidence`.
    confidence: float = 0.0
    # Why its mentions are one happening, one line per rule that joined them (an addition to the contract).
    merge_evidence: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "plover": self.plover,
            "mode": self.mode,
            "summary": self.summary,
            "date": self.date.as_dict(),
            "actors": list(self.actors),
            "targets": list(self.targets),
            "place": self.place,
            "confidence": self.confidence,
            "merge_evidence": list(self.merge_evidence),
            "mentions": [m.as_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=str(d["id"]),
            plover=str(d["plover"]),
            summary=str(d.get("summary", "")),
            mode=d.get("mode"),
            date=DateRange.from_dict(d.get("date")),
            actors=list(d.get("actors") or []),
            targets=list(d.get("targets") or []),
            place=d.get("place"),
            mentions=[Mention.from_dict(m) for m in d.get("mentions") or []],
            confidence=float(d.get("confidence") or 0.0),
            merge_evidence=[str(x) for x in d.get("merge_evidence") or []],
        )


@dataclass(slots=True)
class TechniqueSpan:
    article: str
    span: Span
    technique: str
    confidence: float = 0.0
    voice: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            **self.span.as_dict(),
            "technique": self.technique,
            "confidence": round(self.confidence, 3),
            "voice": self.voice,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TechniqueSpan:
        return cls(
            article=str(d["article"]),
            span=Span.from_dict(d),
            technique=str(d["technique"]),
            confidence=float(d.get("confidence") or 0.0),
            voice=d.get("voice"),
        )


@dataclass(slots=True)
class Article:
    """One input document and every layer the stages add to it.

    ``raw_text`` is the decoded input (for HTML, the page's text blocks the cleaner
    worked on); every offset in every layer points into it.
    """

    id: str
    source: str
    raw_text: str
    format: str = "text"
    url: str | None = None
    # The markup of an HTML input, read by the clean stage and then dropped.
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    reprint_of: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    published: DateRange = field(default_factory=DateRange)
    lines: list[Line] = field(default_factory=list)
    body: str = ""
    dates: list[DateMention] = field(default_factory=list)
    genre: str | None = None
    stance: dict[str, str] = field(default_factory=dict)
    story: str | None = None
    duplicate_of: str | None = None
    # What the input itself declared (JSONL fields, HTML metadata): given values win.
    given: dict[str, Any] = field(default_factory=dict)
    # What the page's own markup declares (HTML <head>, JSON-LD): title, sitename, author, date.
    page_meta: dict[str, Any] = field(default_factory=dict)
    # Evidence behind metadata decisions, e.g. {"outlet": "line 42: 'Follow X'"}.
    evidence: dict[str, str] = field(default_factory=dict)
    # Sentences and named entities of title and body lines (the nlp stage).
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # Actors named in this article and where (the actors stage; the corpus stage
    # rewrites their ids to the merged actors').
    mentions: list[ActorMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    # Per-article layers produced by later stages, before corpus stages gather them.
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Events of each sentence (the events stage), before the corpus stage merges them.
    events: list[Event] = field(default_factory=list)
    persuasion: list[TechniqueSpan] = field(default_factory=list)
    # Guarded namespace for plugin stages (see registry.set_extension).
    ext: dict[str, Any] = field(default_factory=dict)
    # The lead's embedding (the leads stage; newsprism.embeddings.encode): kept with the
    # analysis so a store never embeds an article twice; not part of the dossier JSON.
    lead_vector: str | None = None

    def line_text(self, line: Line) -> str:
        return self.raw_text[line.start : line.end]

    def lines_with(self, role: str) -> list[Line]:
        return [ln for ln in self.lines if ln.role == role]

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "raw_text": self.raw_text,
            "format": self.format,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "reprint_of": self.reprint_of,
            "authors": list(self.authors),
            "language": self.language,
            "published": self.published.as_dict(),
            "lines": [ln.as_dict() for ln in self.lines],
            "body": self.body,
            "dates": [dm.as_dict() for dm in self.dates],
            "genre": self.genre,
            "stance": dict(self.stance),
            "story": self.story,
            "duplicate_of": self.duplicate_of,
            "evidence": dict(self.evidence),
            "page_meta": dict(self.page_meta),
        }
        if self.sentences:
            d["sentences"] = [x.as_dict() for x in self.sentences]
        if self.entities:
            d["entities"] = [x.as_dict() for x in self.entities]
        if self.mentions:
            d["mentions"] = [x.as_dict() for x in self.mentions]
        if self.actors:
            d["actors"] = [x.as_dict() for x in self.actors]
        if self.ext:
            d["ext"] = dict(self.ext)
        return d

    def input_dict(self) -> dict[str, Any]:
        """The article as ingested, before any stage: what re-analysing it needs (a store keeps it)."""
        return {
            "id": self.id,
            "source": self.source,
            "raw_text": self.raw_text,
            "format": self.format,
            "url": self.url,
            "html": self.html,
            "published": self.published.as_dict(),
            "given": dict(self.given),
        }

    @classmethod
    def from_input(cls, d: dict[str, Any]) -> Article:
        """The inverse of :meth:`input_dict`."""
        a = cls.from_dict(d)
        a.html = d.get("html")
        a.given = dict(d.get("given") or {})
        return a

    def analysis_dict(self) -> dict[str, Any]:
        """The article after the per-article stages, with their layers (quotes, claims, events,
        persuasion) and its given values: what the corpus stages read, so a store can join a
        stored article to a later batch without analysing it again (:meth:`from_analysis`)."""
        d = self.as_dict()
        d["given"] = dict(self.given)
        d["quotes"] = [q.as_dict() for q in self.quotes]
        d["claims"] = [c.as_dict() for c in self.claims]
        d["events"] = [e.as_dict() for e in self.events]
        d["persuasion"] = [p.as_dict() for p in self.persuasion]
        if self.lead_vector:
            d["lead_vector"] = self.lead_vector
        return d

    @classmethod
    def from_analysis(cls, d: dict[str, Any]) -> Article:
        """The inverse of :meth:`analysis_dict`."""
        a = cls.from_dict(d)
        a.given = dict(d.get("given") or {})
        a.quotes = [Quote.from_dict(x) for x in d.get("quotes") or []]
        a.claims = [Claim.from_dict(x) for x in d.get("claims") or []]
        a.events = [Event.from_dict(x) for x in d.get("events") or []]
        a.persuasion = [TechniqueSpan.from_dict(x) for x in d.get("persuasion") or []]
        a.lead_vector = d.get("lead_vector") or None
        return a

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=str(d["id"]),
            source=str(d.get("source", "")),
            raw_text=str(d.get("raw_text", "")),
            format=str(d.get("format", "text")),
            url=d.get("url"),
            title=d.get("title"),
            outlet=d.get("outlet"),
            reprint_of=d.get("reprint_of"),
            authors=list(d.get("authors") or []),
            language=d.get("language"),
            published=DateRange.from_dict(d.get("published")),
            lines=[Line.from_dict(x) for x in d.get("lines") or []],
            body=str(d.get("body", "")),
            dates=[DateMention.from_dict(x) for x in d.get("dates") or []],
            genre=d.get("genre"),
            stance=dict(d.get("stance") or {}),
            story=d.get("story"),
            duplicate_of=d.get("duplicate_of"),
            evidence=dict(d.get("evidence") or {}),
            page_meta=dict(d.get("page_meta") or {}),
            sentences=[Span.from_dict(x) for x in d.get("sentences") or []],
            entities=[Entity.from_dict(x) for x in d.get("entities") or []],
            mentions=[ActorMention.from_dict(x) for x in d.get("mentions") or []],
            actors=[Actor.from_dict(x) for x in d.get("actors") or []],
            ext=dict(d.get("ext") or {}),
        )


@dataclass(slots=True)
class Failure:
    """An input that could not be read or analysed, reported by name."""

    source: str
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Failure:
        return cls(source=str(d["source"]), code=str(d["code"]), message=str(d["message"]))


@dataclass(slots=True)
class Dossier:
    """The whole output: articles plus the corpus-level layers (CONTRACT.md)."""

    articles: list[Article] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    persuasion: list[TechniqueSpan] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # Outlet profiles (the profiles stage: own-voice technique density, genre mix,
    # stance per actor) and the coverage matrix (compare.coverage: who carries which
    # event, quote and figure, who leaves it out); both additions to the contract.
    outlets: list[dict[str, Any]] = field(default_factory=list)
    coverage: dict[str, Any] | None = None
    # Not part of the JSON: each new article's input and its state after the per-article stages
    # (``Article.input_dict`` / ``analysis_dict``), kept when a run is asked to
    # (``run(keep_analyses=True)``) so a store can join these articles to later batches. In one
    # process the dicts share their strings with the articles (as JSON text they took a quarter
    # more memory); with a pool of workers the articles come back as copies.
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    # Not part of the JSON either: the ids of the articles this run read from its inputs (not
    # stored ones it analysed again).
    fresh: list[str] = field(default_factory=list, repr=False)
    analyses: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def article(self, article_id: str) -> Article | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generator": f"newsprism {__version__}",
            "articles": [a.as_dict() for a in self.articles],
            "actors": [a.as_dict() for a in self.actors],
            "quotes": [q.as_dict() for q in self.quotes],
            "claims": [c.as_dict() for c in self.claims],
            "events": [e.as_dict() for e in self.events],
            "persuasion": [p.as_dict() for p in self.persuasion],
            "failures": [f.as_dict() for f in self.failures],
            "outlets": [dict(o) for o in self.outlets],
            "coverage": self.coverage,
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=indent)

    def write_json(self, fh: TextIO, indent: int | str | None = 1) -> None:
        """Write :meth:`to_json`'s text to ``fh``, the same characters, one record at a time:
        only one article's dict is built at once, so writing a large dossier costs no second
        copy of it in memory (#24)."""
        # json.dumps' layout: ", " between items on one line, "," then a new line when indented.
        step = "" if indent is None else indent if isinstance(indent, str) else " " * indent
        comma, pad = (", ", "") if indent is None else (",", "\n" + step)
        inner = "" if indent is None else "\n" + step * 2
        records = {
            "articles": (a.as_dict() for a in self.articles),
            "actors": (a.as_dict() for a in self.actors),
            "quotes": (q.as_dict() for q in self.quotes),
            "claims": (c.as_dict() for c in self.claims),
            "events": (e.as_dict() for e in self.events),
            "persuasion": (p.as_dict() for p in self.persuasion),
            "failures": (f.as_dict() for f in self.failures),
            "outlets": (dict(o) for o in self.outlets),
        }
        fields: list[tuple[str, Any]] = [("schema", SCHEMA), ("generator", f"newsprism {__version__}"), *records.items(), ("coverage", self.coverage)]
        fh.write("{")
        for i, (key, value) in enumerate(fields):
            fh.write(("" if i == 0 else comma) + pad + json.dumps(key) + ": ")
            if key not in records:
                fh.write(_indented(json.dumps(value, ensure_ascii=False, indent=indent), step))
                continue
            n = 0
            for rec in value:
                fh.write(("[" if n == 0 else comma) + inner + _indented(json.dumps(rec, ensure_ascii=False, indent=indent), step * 2))
                n += 1
            fh.write("[]" if n == 0 else pad + "]")
        fh.write(pad[:1] + "}")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Dossier:
        schema = d.get("schema")
        if schema != SCHEMA:
            from newsprism.errors import Errors, SchemaError

            raise SchemaError(Errors.E010.format(got=schema, want=SCHEMA))
        return cls(
            articles=[Article.from_dict(a) for a in d.get("articles") or []],
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            quotes=[Quote.from_dict(q) for q in d.get("quotes") or []],
            claims=[Claim.from_dict(c) for c in d.get("claims") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            persuasion=[TechniqueSpan.from_dict(p) for p in d.get("persuasion") or []],
            failures=[Failure.from_dict(f) for f in d.get("failures") or []],
            outlets=[dict(o) for o in d.get("outlets") or []],
            coverage=d.get("coverage") or None,
        )

    @classmethod
    def from_json(cls, text: str) -> Dossier:
        return cls.from_dict(json.loads(text))


def _indented(text: str, by: str) -> str:
    """``text`` (a JSON value ``json.dumps`` wrote at the top level) as it reads nested under the
    prefix ``by``: its lines after the first shifted right. JSON strings hold no raw newline, so
    every newline is one of the layout's."""
    return text if not by else text.replace("\n", "\n" + by)

