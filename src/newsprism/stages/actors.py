"""Actors: the entities of an article linked to one actor each, then merged across articles.

Per article (``newsprism.actors.v1``), each name-like entity of the ``nlp`` layer
becomes a mention of an actor:

1. **Knowledge base.** A name or alias of ``data/actors.json`` (folded: case,
   accents, apostrophes, hyphens — "Kim Jong-un" is "Kim Jong Un") links to that
   actor; a spelling variant links through :meth:`ActorKB.fuzzy` (same words,
   each alike: "Rousk" for "Rusk"). A name two actors share ("Defence
   Council") goes to the one whose country the article mentions most, else
   to neither.
2. **Metonyms.** A capital or seat of power stands for its government when it
   acts ("Pyongyang denied", "the Kremlin said", "ties between Moscow and
   Pyongyang"): the mention goes to the country. Named as a place — after "in",
   "at", "to", "into", "near", "inside", "outside", "around", "across",
   "throughout", a form of "visit", or as "the Pyongyang summit" — it is a mention
   of the city itself (kind ``place``). This is the simple rule the issue asks for;
   "from" and "for" are left to the actor reading ("support from Pyongyang").
   A wire dateline alone on its line ("LONDON 1996-12-06", "VAIL , Colorado 1996-12-07")
   names places too: mentions of the places (kind ``place``), never parties.
3. **Demonyms** ("North Korean", "Russians") are mentions of the country.
4. **Unknown names** become actors of their own, with an id from their type and
   name (``person-jane-doe``) so the same name gets the same id in every article
   and run. "Harbour Gazette Agency (HGA)" makes "HGA" an alias.
5. **Short names** — one word ("Rusk", "Marr", "Kim", "Putin") — go to the person
   of the same article whose full name begins or ends with that word, the nearest
   one before (else the first after): coreference by the nearest full name, as
   news style writes a surname only after the full name (AP Stylebook, "names").
   Two Kims in one article are kept apart by position; a surname is never linked
   by itself to a knowledge-base person unless the knowledge base lists it as that
   person's alias ("Putin"). A bare word that the knowledge base lists as an actor's
   ``ellipses`` ("the North", "the Kingdom") goes to that actor when the article names
   it, and to no one when it names two that claim the word.
   A country's institution in lower case ("Russia's foreign ministry", "the South Korean
   defense ministry") is one mention of that organisation when the knowledge base knows it.
6. **Definite descriptions** "the embassy", "the ministry" (heads in
   ``actors.json`` ``descriptors``) go to the nearest organisation before them
   whose name has that word; "North Korea's leader" goes to the person the article
   titled "North Korean leader"; "the senator", "the New Jersey governor" go to the
   nearest person of that paragraph or the one before whose role has the title
   ("Sen.", "Gov." are read as their titles).
7. **Roles**: a title before a name ("Vesnia's deputy minister Ada
   Rusk", "President of Vesnia Tomas Orel") and an apposition after it
   ("Lena Marr, vice chair of the Harbour Council ..., said")
   are kept on the person; title words are in ``actors.json`` ``titles``.

Across articles (``newsprism.actors.corpus.v1``) actors merge by id and by evidence:
that decision is :mod:`newsprism.actor_merge` (with :mod:`newsprism.actor_names` for what
makes two names one). Article mention ids are rewritten to the merged ids.

Later stages find actors with :func:`actor_at` (the actor named at a span) and
:func:`newsprism.pronouns.resolve_pronoun` (the person a "he"/"she" refers to).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsprism.actor_merge import merge_actors
from newsprism.actor_names import (
    INSTITUTION_WORDS,
    STATE_ABBREVIATIONS,
    SURNAME_AFTER_OFFICE,
    THING_TYPES,
    bracketed_short_form,
    clean_name,
    ends_with,
    fullest_roles,
    given_name,
    headline_cased,
    initialism,
    initials,
    name_words,
    office_before,
    office_word,
    state_abbreviation,
)
from newsprism.actor_spans import resegment
from newsprism.actorkb import ActorKB, KBActor, actor_kb, name_key, slug
from newsprism.article import Actor, ActorMention, Article, Dossier, Entity, Mention, MentionIndex, Span
from newsprism.pronouns import sentence_before_start
from newsprism.registry import stage
from newsprism.stages.nlp import CALENDAR, DATELINE_AFTER, normalise

# Every named person, organisation, place, group and named thing becomes an actor (#20).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}) | THING_TYPES
NON_PERSON = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})
# How names of peoples and groups end in English ("English", "Chinese", "Kurds", "Shia", "Saudi",
# "Democrats"): a one-word NORP ending so is never taken for a mistyped surname.
PEOPLE_ENDING = re.compile(r"(?:ish|ese|ian|ean|ans|ic|ics|ch|sh|i|is|s|ite|ites|ist|ists)$", re.I)
# A capital after these words is a place, not its government (issue 4's rule).
PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|into|near|inside|outside|around|across|throughout|visit|visits|visited|visiting)\s+(?:the\s+)?$",
    re.I,
)
# Up to three lower-case words ending in an institution's head noun after a country's name.
LOWER_INSTITUTION = re.compile(r"(?:'s)?(?: [a-z]+){1,3}\b")
# Nouns of kinship: a person named as someone's relative.
KIN_NOUNS = ("sister", "brother", "son", "daughter", "wife", "husband", "father", "mother", "niece", "nephew", "uncle", "aunt", "cousin", "widow", "widower", "grandson", "granddaughter", "grandfather", "grandmother", "child", "sibling", "spouse")
# Heads of a role that is someone's relation, not an office: "son of the president", "aide to".
RELATION_HEADS = frozenset([*KIN_NOUNS, "aide", "adviser", "advisor", "assistant", "friend", "girlfriend", "boyfriend"])
# "his son Eric Trump", "Her husband, Paul Kerr," / "Chelsea Clinton, his daughter,".
RELATIVE_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:" + "|".join(sorted(RELATION_HEADS)) + r"),?\s+$", re.I)
RELATIVE_AFTER = re.compile(r",\s+(?:his|her|their)\s+(?:\w+\s+)?(?:" + "|".join(sorted(RELATION_HEADS)) + r")\b", re.I)
# A name given as someone's relative in an apposition ("Anna Osk, the sister of Vesnian leader
# Tomas Osk"): the article's subject is the other person.
RELATION_OF = re.compile(r"\b(?:" + "|".join([*KIN_NOUNS, "children"]) + r")\s+of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,4}$", re.I)
# A place after these words is where something happens, not a party to it ("met in Las Vegas",
# "fighting in Ukraine"); "to", "into" and "visit" name a destination, and "at" a target ("fired
# missiles at Ukraine"), which may be parties.
LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|inside|outside|around|across|throughout)\s+(?:the\s+)?$", re.I)
INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}")
# The characters after a name read for its apposition (", the deputy foreign minister,").
APPOSITION_WINDOW = 600
# Words that open an adjunct of the sentence after a name's comma, not a description of the person
# ("Hillary Clinton, as secretary of state in 2012, put ...", "Kim, in a speech on Monday, said").
APPOSITION_NOT_FIRST = frozenset({"as", "in", "at", "on", "for", "with", "after", "before", "during", "since", "when", "if", "though", "although", "unlike", "like", "despite", "by", "from", "to", "then", "now", "already", "once", "also"})
HONORIFIC_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof)\.(?=\s+[A-Z])")
WORD = re.compile(r"[\w'\-.]+|[^\w\s]")


def _ends(words: list[str]) -> tuple[str, ...]:
    """A name's first and last words."""
    return (words[0], words[-1]) if words else ()


# An office or honorific right before a name, a word between at most ("President FranÃ§ois Hollande").
PERSON_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|President|Prime Minister|Minister|Senator|Sen|Rep|Gov|Governor|Mayor|Gen|General|Judge|Pope)\.?\s+(?:[A-Z][^\s]*\s+)?$")
# ", an Iranian journalist" / ", a former mayor of Nice" after a name: up to four words ending in a noun.
PERSON_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+([^,.;:()\"“”]{1,80})")
# "the senator", "the former Ohio governor": up to four words after "the", no name right after.
PERSON_DESCRIPTION_AT = re.compile(r"[Tt]he((?: (?:[a-z-]+|[A-Z][\w.'’-]*)){1,4})\b(?! [A-Z])")
# Where a sentence's subject may start: the line's or a sentence's start, after a quotation and its
# comma ("“...,” the spokeswoman for the ministry, Olga Petrova, said"), after "But"/"And"/"So"/"Yet",
# or after a short opening phrase ("On Tuesday, ").
APPOSITION_OPENS = re.compile(r"(?:^|[.!?][\"”’]?\s+|,[\"”’]\s+|(?:^|[.!?][\"”’]?\s+)(?:But|And|So|Yet)\s+|(?:^|[.!?][\"”’]?\s+)[A-Z][a-z]+(?:\s+[A-Za-z]+){0,3},\s+)$")
# "The spokeswoman for the company, " / "the senator from Ohio, " right before a name: a
# definite description of up to four words, an optional "of/for/from/at/in" phrase, then a comma.
APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"]))(?:[Tt]he|[Aa]n?)\s+(?P<desc>(?:[\w.’'-]+\s+){0,3}?[a-z][\w-]*(?:\s+(?:of|for|from|at|in)\s+(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?)?),\s+$"
)

class _Taken:
    """Character spans already claimed, sorted, for overlap queries that do not rescan a long page."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.longest = max((b - a for a, b in self.spans), default=0)

    def append(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlapping(self, s: int, t: int) -> list[tuple[int, int]]:
        """The spans ``(a, b)`` with ``a < t`` and ``s < b``."""
        lo = bisect.bisect_left(self.spans, (s - self.longest, -1))
        hi = bisect.bisect_left(self.spans, (t, -1))
        return [(a, b) for a, b in self.spans[lo:hi] if s < b]


@dataclass(slots=True)
class _Local:
    """An actor of one article while it is being built."""

    id: str
    name: str
    type: str
    kb: KBActor | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)  # the model's labels, for an unknown's type
    short: bool = False  # named only by one word ("Kim"): the corpus stage may attach it
    evidence: list[str] = field(default_factory=list)  # why another name of it is the same entity

    def tokens(self, last_only: bool = False) -> set[str]:
        """First and last words of every full name it goes by (what a surname can match); with
        ``last_only``, the last words alone."""
        out: set[str] = set()
        names = [*self.aliases, self.name, *(self.kb.names() if self.kb else ())]
        for n in names:
            toks = name_words(name_key(n))  # "Arcade Joseph Comeaux Jr.": the surname is "Comeaux"
            if len(toks) >= 2:
                out.update(toks[-1:] if last_only else (toks[0], toks[-1]))
        return out


# After a description, what makes it another person's: a name in apposition or a place ("The
# veteran prime minister of Hungary, Viktor Orban, ..."): never read back to an earlier holder.
DESCRIPTION_NAMED_AFTER = re.compile(r"\s+of\s+[A-Z]|,\s+[A-Z]")


# Words that make two people of one name a family: "Ethan and Joel Coen, the brothers ...".
KINSHIP = re.compile(r"\b(?:brothers?|sisters?|couple|husband|wife|twins?|family|siblings?|sons?|daughters?|parents|married)\b", re.I)
# The words after "titled" up to the title's end: a work's name ("a book titled, Man of the World:
# The Further Endeavors of ...").
WORK_TITLE_BEFORE = re.compile(
    r"\b(?:titled|entitled)\s*,?\s*[“\"‘']?[A-Z][\w'’-]*(?:[\s:]+(?:[A-Z][\w'’-]*|of|the|a|an|and|or|in|on|to|for|at|by|with|from))*[\s:]*$"
)  # capitalised words and the small ones only: "a report titled A Review of Actions found that X" ends at "found"
# "[Bill] and Hillary Clinton": " and " then a given name and a surname ending the name.
PAIRED_FIRST_NAME = re.compile(r"\s+(?:and|&)\s+([A-Z][a-z]+)\s+([A-Z][\w'’-]+)(?![\w'’-]|\s+[A-Z])")


class _Builder:
    """Links one article's entities to actors (see the module docstring for the rules)."""

    def __init__(self, article: Article, kb: ActorKB) -> None:
        self.art = article
        self.kb = kb
        self.raw = article.raw_text
        self.text = normalise(article.raw_text)
        self.locals: dict[str, _Local] = {}
        self.acronyms: dict[str, str] = {}
        self._rivals: dict[str, bool] = {}  # bare word -> another body of the article claims it
        self._surnames: set[str] | None = None  # the knowledge base's people's surnames, when asked
        self._offices: dict[str, set[str]] | None = None  # surname -> offices written before it alone
        self.heads, self.mods = kb.title_words()
        starts = sorted((ln.start, ln.end) for ln in article.lines)
        self.line_starts = [s for s, _ in starts]
        self.line_ends = [e for _, e in starts]
        self.countries = self._country_votes(article.entities)

    # -- helpers -------------------------------------------------------------------

    def _line_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        if i < 0:
            return 0, len(self.text)
        return self.line_starts[i], self.line_ends[i]

    def _country_votes(self, entities: Iterable[Entity]) -> Counter[str]:
        votes: Counter[str] = Counter()
        for e in entities:
            if e.label in ("GPE", "NORP", "LOC"):
                dem = self.kb.demonym(e.span.text)
                found = [dem] if dem else self.kb.lookup(e.span.text)
                for a in found[:1]:
                    if a.country:
                        votes[a.country] += 1
        return votes

    def _choose(self, cands: list[KBActor]) -> KBActor | None:
        """One actor among knowledge-base candidates sharing a name: the article's most-named country's."""
        if len(cands) == 1:
            return cands[0]
        scored = sorted(((self.countries.get(a.country or "", 0), a.id) for a in cands), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return self.kb.by_id[scored[0][1]]
        return None

    def _local_kb(self, actor: KBActor) -> _Local:
        loc = self.locals.get(actor.id)
        if loc is None:
            loc = self.locals[actor.id] = _Local(actor.id, actor.name, actor.type, kb=actor)
        return loc

    def _local_new(self, text: str, label: str, short: bool = False) -> _Local:
        """An actor outside the knowledge base, one per name.

        Organisations and places share one id space ("entity-lisk"), since the model
        calls one town GPE here and ORG there; a person ("person-jane-doe") stays apart.
        """
        typ = label if label in ACTOR_LABELS else "ORG"
        aid = f"{'person' if typ == 'PERSON' else 'entity'}-{slug(text)}"
        loc = self.locals.get(aid)
        if loc is None:
            loc = self.locals[aid] = _Local(aid, clean_name(text), typ, short=short)
        loc.labels[typ] += 1
        loc.type = loc.labels.most_common(1)[0][0]
        return loc

    def _add(self, loc: _Local, start: int, end: int, kind: str) -> None:
        span = Span.of(self.raw, start, end)
        loc.mentions.append(ActorMention(span, loc.id, kind))
        alias = clean_name(span.text)
        if alias not in loc.aliases:
            loc.aliases.append(alias)

    @staticmethod
    def _compatible(label: str, actor: KBActor) -> bool:
        return (label == "PERSON") == (actor.type == "PERSON")

    # -- passes --------------------------------------------------------------------

    def link(self) -> None:
        deferred: list[Entity] = []
        for e in resegment(self.art, self.kb):
            text = e.span.text
            first = text[:1]
            if e.label not in ACTOR_LABELS or not (first.isupper() or first.isdigit()):
                continue  # "anti-Russian": not a name
            key = name_key(text)
            if not key:
                continue
            if e.source == "dateline":
                self._link_dateline(e)
                continue
            if e.label != "PERSON" and text.rstrip(".") + "." in STATE_ABBREVIATIONS and self.text[e.span.end - 1 : e.span.end + 1].count(".") == 1:
                self._link_state(e)  # "Burlington, Vt." is Vermont; "a requiem Mass." no place
                continue
            if e.label in ("GPE", "NORP") and self._institution_after(e):
                continue
            one_word = " " not in key
            if one_word and e.label == "PERSON":
                deferred.append(e)
                continue
            if self._link_named(e, key, one_word):
                continue
            deferred.append(e)
        for e in deferred:
            self._link_short(e)

    def _link_dateline(self, e: Entity) -> None:
        """A wire dateline's place ("LONDON 1996-12-06") is where the story was filed: a mention of
        the place itself (kind ``place``), never of its government, and never a party to anything."""
        cands = [a for a in self.kb.lookup(e.span.text) if a.type in ("GPE", "LOC")]
        actor = self._choose(cands) if cands else None
        loc = self._local_kb(actor) if actor is not None else self._local_new(e.span.text, "GPE")
        self._add(loc, e.span.start, e.span.end, "place")

    def _link_state(self, e: Entity) -> None:
        """A US state's abbreviation with its full stop (:data:`newsprism.actor_names.STATE_ABBREVIATIONS`;
        "Kan" of "Naoto Kan" is none) is a mention of the state, the actor an unknown name of the
        state gets (``entity-<state>``; the knowledge base's "Georgia" is the country), where news writes a state so (after a city's
        comma, in brackets, after a party's letters; any state not :data:`AMBIGUOUS_STATES` anywhere);
        elsewhere it is another word and no actor."""
        text = e.span.text.rstrip(".") + "."
        state = state_abbreviation(text, self.text[max(0, e.span.start - 12) : e.span.start])
        if state is not None:
            loc = self._local_new(state, "GPE")
            self._add(loc, e.span.start, e.span.end, "place")
            if state not in loc.aliases:
                loc.aliases.insert(0, state)  # shown as "Vermont" where the article writes only "Vt."

    def _institution_after(self, e: Entity) -> bool:
        """A country's institution written in lower case, which the model leaves out of the name
        ("Russia's foreign ministry", "the South Korean defense ministry"): when the knowledge
        base knows the whole phrase, it is one mention of that organisation, not of the country."""
        m = LOWER_INSTITUTION.match(self.text, e.span.end)
        if m is None:
            return False
        words = list(re.finditer(r"[a-z]+", self.text[: m.end()][m.start() :]))
        end = next((m.start() + w.end() for w in words if w.group(0) in self.kb.descriptor_heads), None)
        if end is None:
            return False
        phrase = self.raw[e.span.start : end]
        cands = [a for a in self.kb.lookup(phrase) if a.type == "ORG"]
        actor = self._choose(cands) if cands else None
        if actor is None:
            return False
        self._add(self._local_kb(actor), e.span.start, end, "name")
        return True

    def _link_named(self, e: Entity, key: str, one_word: bool) -> bool:
        """Link a name (not a lone surname); False when it should be tried as a short name."""
        text, label = e.span.text, e.label
        if key in self.acronyms:
            self._add(self.locals[self.acronyms[key]], e.span.start, e.span.end, "acronym")
            return True
        spelled = self._spelled_out(text) if one_word else None
        if spelled is not None:
            self.acronyms[key] = spelled.id
            self._add(spelled, e.span.start, e.span.end, "acronym")
            spelled.evidence.append(f"{text!r}: the initials of {spelled.name!r}, named before it in the same article")
            return True
        if label == "NORP" or (label in NON_PERSON and self.kb.demonym(text) and not self.kb.lookup(text)):
            country = self.kb.demonym(text)
            if country is not None:
                self._add(self._local_kb(country), e.span.start, e.span.end, "demonym")
                return True
        if not one_word and key in self.kb.by_ellipsis:
            # "the Security Council": the UN's only where the article names the UN's in full
            # (Russia's has one too: "Deputy Chairman of the Security Council Dmitry Medvedev")
            named = self._ellipsis_of(key)
            loc = named if named is not None else self._local_new(text, label)
            self._add(loc, e.span.start, e.span.end, "short" if named is not None else "name")
            return True
        fuller_org = self._fuller_org(key, e.span.start) if one_word and label == "ORG" else None
        if fuller_org is not None:
            # "the Times" after "the New York Times": that paper, not the one of London the
            # knowledge base knows by the bare word
            self._add(fuller_org, e.span.start, e.span.end, "short")
            return True
        cands = [a for a in self.kb.lookup(text) if self._compatible(label, a)]
        if not cands and not one_word and label in ("PERSON", "ORG"):
            cands = [a for a in self.kb.fuzzy(text) if self._compatible(label, a)]
        actor = self._choose(cands) if cands else None
        if actor is not None:
            kind = "name"
            if actor.metonym_of and actor.metonym_of in self.kb.by_id:
                if self._is_place(e, actor):
                    kind = "place"
                else:
                    actor, kind = self.kb.by_id[actor.metonym_of], "metonym"
            elif actor.type in ("GPE", "LOC", "FAC") and self._locative(e):
                kind = "place"
            loc = self._local_kb(actor)
            self._add(loc, e.span.start, e.span.end, kind)
            self._acronym_after(e, loc)
            return True
        if one_word and (label != "NORP" or not PEOPLE_ENDING.search(text)):
            # maybe a surname the model mistyped ("Pak" as ORG, "Klitschko" as NORP: a demonym
            # the knowledge base knows was taken above; one it does not, "Welsh", "Kurds", by
            # its ending is none)
            return False
        fuller = self._fuller_person(key) if label == "PERSON" and not one_word else None
        if fuller is not None:
            # "Wasserman Schultz" after "Debbie Wasserman Schultz": a surname of two words.
            self._add(fuller, e.span.start, e.span.end, "short")
            return True
        loc = self._local_new(text, label)
        self._add(loc, e.span.start, e.span.end, "place" if label in ("GPE", "LOC", "FAC") and self._locative(e) else "name")
        self._acronym_after(e, loc)
        return True

    def _fuller_org(self, key: str, pos: int) -> _Local | None:
        """The one organisation named in full before ``pos`` in this article whose name of two
        words or more ends with the one word ``key`` ("New York Times" for "Times", "Wall Street
        Journal" for "Journal"); None when none or two do ("the Times" after the New York and the
        Los Angeles Times names neither), or when the fuller name opens with a given name (a person
        the model typed an organisation, "Karl Lamont Sadd": the bare surname is decided as one).
        A headline's capitals run names on ("... Has Said About Latinos"): a fuller name written
        only in a headline-cased title counts for nothing. An institution's head ("Senate",
        "House") is left to the ellipsis rules, and "Bank" and "Party" to no one."""
        if key in INSTITUTION_WORDS or key in ("bank", "party") or key in self.kb.by_ellipsis:
            return None
        titles = self._headline_ranges()
        fits = {
            loc.id: loc
            for loc in self.locals.values()
            if loc.type == "ORG"
            and any(m.span.end <= pos and m.kind == "name" and not any(a <= m.span.start < b for a, b in titles) for m in loc.mentions)
            and any(len(t := name_key(n).split()) >= 2 and t[-1] == key for n in (loc.name, *loc.aliases))
        }
        if len(fits) != 1:
            return None
        (loc,) = fits.values()
        if loc.kb is None and given_name(name_key(loc.name).split()[0]):
            return None
        if any(name_key(m.span.text) == key and m.span.end <= pos for x in self.locals.values() if x is not loc for m in x.mentions):
            return None  # the bare word already named another ("The Times reported" of London before)
        return loc

    def _fuller_person(self, key: str) -> _Local | None:
        """The one person of the article whose fuller name ends with this name of two words or
        more ("Debbie Wasserman Schultz" for "Wasserman Schultz", "Chris Van Hollen" for "Van
        Hollen"); None when none or two do."""
        words = name_words(key)
        fits = {
            loc.id: loc
            for loc in self.locals.values()
            if loc.type == "PERSON"
            and any(ends_with(name_words(name_key(n)), words) for n in (loc.name, *loc.aliases))
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _spelled_out(self, text: str) -> _Local | None:
        """The one organisation named in full earlier in this article whose initials an
        initialism spells ("H.P.A." or "HPA" after "the Harbour Pilots Association"): the text
        pairs them, the knowledge base's actors too ("DNC" after "the Democratic National
        Committee", which it knows by its full name only: in convention weeks "the DNC" is the
        convention as often). None when two names fit."""
        letters = initialism(text)
        # Two letters spell too much ("AI" beside "Amnesty International").
        if letters is None or len(letters) < 3:
            return None
        fits = [
            loc
            for loc in self.locals.values()
            if loc.type != "PERSON" and any(m.kind == "name" and initials(m.span.text) == letters for m in loc.mentions)
        ]
        return fits[0] if len(fits) == 1 else None

    def _first_name_of_pair(self, e: Entity) -> _Local | None:
        """A given name before "and" and a person's name of two words that opens with a given name
        ("Bill and Hillary Clinton", "Ethan and Joel Coen"): the two share the surname, so it is
        "Bill Clinton" (the knowledge base's, when it knows him). None otherwise ("Simon and
        Schuster", "Barnes and Noble": no given name and full name pair; "Thomas and Reggie Bush"
        after "Pierre Thomas": the surname of someone named before)."""
        first = e.span.text
        m = PAIRED_FIRST_NAME.match(self.text, e.span.end)
        if m is None or not (given_name(name_key(first)) and given_name(name_key(m.group(1)))):
            return None
        if any(loc.type == "PERSON" and name_words(name_key(loc.name))[-1:] == [name_key(first)] for loc in self.locals.values()):
            return None  # "Thomas and Reggie Bush" after "Pierre Thomas": his surname, not a Bush
        # A word the article writes alone elsewhere, or a surname the knowledge base knows, is a
        # surname too: "Clinton and Bernie Sanders debated ... Clinton said" (a review found
        # "Clinton Sanders" and "Warren Sanders" invented).
        lone = [x for x in re.finditer(rf"(?<![A-Z][\w.'’-] )\b{re.escape(first)}\b(?! [A-Z])", self.text) if x.start() != e.span.start]
        if lone or self._kb_surname(name_key(first)):
            return None
        # Many given names are surnames too ("Warren and Bernie Sanders", "Graham and Tim Scott"):
        # only a family the text names as one ("the Clintons", "brothers", "his wife") shares it.
        ls, le = self._line_bounds(e.span.start)
        plural = re.search(rf"\b{re.escape(m.group(2))}(?:e?s|['’]s?)\b(?! [A-Z])", self.text)
        if not (KINSHIP.search(self.text, ls, le) or (plural and plural.group(0) != m.group(2))):
            return None
        full = f"{first} {m.group(2)}"
        cands = [a for a in self.kb.lookup(full) if a.type == "PERSON"]
        actor = self._choose(cands) if cands else None
        loc = self._local_kb(actor) if actor is not None else self._local_new(full, "PERSON")
        loc.evidence.append(f"{first!r}: before 'and {m.group(1)} {m.group(2)}', a first name sharing the surname")
        if full not in loc.aliases:
            loc.aliases.insert(0, full)  # shown by the full name no mention writes whole
        return loc

    def _in_work_title(self, pos: int) -> bool:
        """Whether ``pos`` lies in a work's title the text names ("The book, titled, Man of the World:
        The Further Endeavors of Bill Clinton, has ..."): a person named there is no one the
        article speaks of, so no rival for a bare surname."""
        ls, _ = self._line_bounds(pos)
        return WORK_TITLE_BEFORE.search(self.text[max(ls, pos - 120) : pos]) is not None

    def _kb_surname(self, word: str) -> bool:
        """Whether a person of the knowledge base bears this surname ("clinton", "warren")."""
        if self._surnames is None:
            self._surnames = {
                name_words(name_key(n))[-1] for a in self.kb.by_id.values() if a.type == "PERSON" for n in a.names() if len(name_key(n).split()) >= 2
            }
        return word in self._surnames

    def _locative(self, e: Entity) -> bool:
        """ "in Ukraine", "at the Pentagon": the place where something happens (a mention of kind place)."""
        ls, _ = self._line_bounds(e.span.start)
        return bool(LOCATIVE_BEFORE.search(self.text[max(ls, e.span.start - 20) : e.span.start]))

    def _is_place(self, e: Entity, actor: KBActor) -> bool:
        ls, _ = self._line_bounds(e.span.start)
        before = self.text[max(ls, e.span.start - 40) : e.span.start]
        if PLACE_BEFORE.search(before):
            return True
        # A dateline's city ("SEOUL -- ...", "MOSCOW, Jan. 2 (Wire) --") is where the story was filed.
        if e.span.text.isupper() and DATELINE_AFTER.match(self.text, e.span.end):
            return True
        # "the Pyongyang summit", "an Athens magistrate": a city (not a seat like the Kremlin) used as a modifier.
        return actor.type == "GPE" and before.endswith(("the ", "The ", "a ", "A ", "an ", "An ")) and self.text[e.span.end : e.span.end + 2].strip()[:1].islower()

    def _acronym_after(self, e: Entity, loc: _Local) -> None:
        short = bracketed_short_form(self.text, e.span.end, e.span.text)
        if short is not None:
            self.acronyms[name_key(short)] = loc.id
            loc.evidence.append(f"{short!r}: given in brackets after {e.span.text!r}")

    def _link_short(self, e: Entity) -> None:
        """A one-word name: the nearest full name of this article that begins or ends with it."""
        key = name_key(e.span.text)
        if key in self.acronyms:
            self._add(self.locals[self.acronyms[key]], e.span.start, e.span.end, "acronym")
            return
        named = self._ellipsis_of(key)
        if named is not None:
            self._add(named, e.span.start, e.span.end, "short")
            return
        paired = self._first_name_of_pair(e)
        if paired is not None:
            self._add(paired, e.span.start, e.span.end, "short")  # "[Bill] and Hillary Clinton"
            return
        surname_of_someone = any(
            loc.type == "PERSON" and any(len(t) >= 2 and t[-1] == key for t in (name_key(n).split() for n in (loc.name, *loc.aliases)))
            for loc in self.locals.values()
        )
        if (
            self._locative(e)
            and not surname_of_someone  # "lost faith in Velk" after "Senator Jane Velk": the person
            and not re.search(r"\bthe\s+$", self.text[max(0, e.span.start - 5) : e.span.start], re.I)
            and not re.match(r"['’]s?\b", self.text[e.span.end : e.span.end + 3])
        ):
            # "in Palmer", "near Tarrant": where something happens, never a person's surname
            # ("in the Podesta emails" names no place).
            places = [a for a in self.kb.lookup(e.span.text) if a.type in ("GPE", "LOC", "FAC")]
            actor = self._choose(places) if places else None
            loc = self._local_kb(actor) if actor is not None else self._local_new(e.span.text, "GPE" if e.label == "PERSON" else e.label)
            self._add(loc, e.span.start, e.span.end, "place")
            return
        scored: list[tuple[int, _Local]] = []
        for loc in self.locals.values():
            # A word the model typed a people is tried as a surname only ("Bill English" gives
            # no first name to "English"): NORP words are what first names are most often not.
            if loc.type != "PERSON" or key not in loc.tokens(last_only=e.label == "NORP"):
                continue
            full = [m.span.start for m in loc.mentions if m.kind == "name" and " " in m.span.text.strip() and not self._in_work_title(m.span.start)]
            if not full:
                continue  # (named only inside a work's title: "a book titled ... of Bill Clinton")
            before = [s for s in full if s < e.span.start]
            main = [s for s in before if not RELATION_OF.search(self.text[max(0, s - 80) : s])]
            # Nearest before wins (a name given only as someone's relative, "the sister of ... Tomas
            # Osk", after any other); a full name only after the short one ranks below all before.
            if main:
                score = e.span.start - max(main)
            elif before:
                score = 10**6 + e.span.start - max(before)
            else:
                score = 10**9 + (min(full) - e.span.start)
            scored.append((score, loc))
        scored = self._office_fits(e, key, scored)
        best, ambiguous = self._one_of(e, sorted(scored, key=lambda x: (x[0], x[1].id)))
        if best is not None and self._title_conflict(key, best[1]) and any(score < 10**6 and not self._title_conflict(key, loc) for score, loc in scored):
            # "President Bill Clinton ... Secretary Clinton defended it. Clinton said": not the
            # namesake the titled surname rules out while another one fits
            best, ambiguous = None, True
        if best is not None and self._named_like_a_person(key):
            # "Keith Lamont Scott" typed an organisation beside "Rakeyia Scott": the bare "Scott"
            # may be either; it names no one rather than the wrong one.
            best, ambiguous = None, True
        if ambiguous:
            # Two people of this name are named in full before it and nothing tells which one
            # it is: the bare name stays an actor of its own, never a guess ("Clinton" after both
            # Hillary and Bill Clinton).
            self._add(self._local_new(e.span.text, "PERSON", short=True), e.span.start, e.span.end, "name")
            return
        # A country's possessive ("N. Korea's Kim") outranks a full name found only after this
        # one; a full name before it wins outright, so nothing more is looked up then.
        owned = self._owned_by_country(e, key) if e.label == "PERSON" and (best is None or best[0] >= 10**9) else None
        if owned is None and best is None and e.label == "PERSON" and not self.kb.lookup(e.span.text):
            owned = self._leader_of_the_story(key)
        if best is not None and owned is None:
            self._add(best[1], e.span.start, e.span.end, "short")
            return
        if owned is not None:
            self._add(self._local_kb(owned), e.span.start, e.span.end, "short")
            return
        cands = self.kb.lookup(e.span.text)
        people = [a for a in cands if a.type == "PERSON"]
        if len(people) == 1:
            self._add(self._local_kb(people[0]), e.span.start, e.span.end, "short")
            return
        others = [a for a in cands if a.type != "PERSON"]
        # A one-word "person" that no person of the article or the knowledge base has as a name
        # but a known organisation does ("Twitter"); never a place ("Jordan" may be a person).
        if others and (e.label != "PERSON" or all(a.type == "ORG" for a in others)):
            actor = self._choose(others)
            if actor is not None:
                self._add(self._local_kb(actor), e.span.start, e.span.end, "name")
                return
        self._add(self._local_new(e.span.text, e.label, short=e.label == "PERSON"), e.span.start, e.span.end, "name")

    def _named_like_a_person(self, key: str) -> bool:
        """Whether an actor of the article not typed a person has a name of two to four words that
        opens with a given name and ends with ``key`` (the model's organisation "Keith Lamont Scott").
        (Passing over one that shares the candidate's first name, "Keith Scott", was tried after a
        review and taken back: it gave a film's "Bettie Page" the bare "Page" on ECB+.)"""
        for loc in self.locals.values():
            if loc.type in ("PERSON", "GPE", "LOC", "FAC", "NORP") or loc.kb is not None:
                continue
            toks = name_key(loc.name).split()
            if 2 <= len(toks) <= 4 and toks[-1] == key and given_name(toks[0]):
                return True
        return False

    def _office_fits(self, e: Entity, key: str, scored: list[tuple[int, _Local]]) -> list[tuple[int, _Local]]:
        """The candidates a bare surname may still be, given the offices the article writes before
        the surname alone. A mention with an office of its own ("former Secretary Clinton") is
        none of the candidates named in full only with other offices ("President Bill Clinton").
        When every candidate is given another office than the titled surname's anywhere in the
        article, that may be another person of the name, or the same one in two offices: the bare
        name names no one rather than the wrong one. When one candidate is not ruled out ("Hillary
        Clinton", given no office in a title word), the others stay candidates of a bare surname
        without an office, which the usual rules decide."""
        here = office_before(self.text, e.span.start)
        if here:
            # one named with that office, or with none; among two or more, not one introduced as
            # someone's relative ("President Bill Clinton ... Chelsea Clinton, his daughter ...
            # Hillary Clinton ... Secretary Clinton")
            scored = [x for x in scored if here in (full := self._full_offices(x[1])) or not full]
            if len({loc.id for _, loc in scored}) > 1:
                scored = [x for x in scored if not self._introduced_as_relative(x[1])] or scored
        if scored and all(self._title_conflict(key, loc) for _, loc in scored):
            return []
        return scored

    def _gender_of(self, loc: _Local) -> str | None:
        """The person's gender: the knowledge base's, else what the text says (:meth:`_text_gender`)."""
        return loc.kb.gender if loc.kb is not None else self._text_gender(loc)

    def _text_gender(self, loc: _Local) -> str | None:
        """A person's gender as the text gives it by a noun of lexical gender right before or after
        the full name ("his son Eric Trump", "Chelsea Clinton, his daughter,"); None when none does
        or two disagree."""
        said: set[str] = set()
        for m in loc.mentions:
            if m.kind != "name":
                continue
            before = re.search(r"\b([a-z]{3,14}),?\s+$", self.text[max(0, m.span.start - 20) : m.span.start])
            after = re.match(r",\s+(?:his|her|their|the|a|an)\s+(?:\w+\s+)?([a-z]{3,14})\b", self.text[m.span.end : m.span.end + 40])
            for g in (before, after):
                if g is not None and g.group(1) in self.kb.gender_words:
                    said.add(self.kb.gender_words[g.group(1)])
        return said.pop() if len(said) == 1 else None

    def _introduced_as_relative(self, loc: _Local) -> bool:
        """Whether the person's full name is given as someone's relation ("his son Eric Trump",
        "Chelsea Clinton, his daughter,", "the wife of ... Ada Roe")."""
        for m in loc.mentions:
            if m.kind != "name" or " " not in m.span.text.strip():
                continue
            before = self.text[max(0, m.span.start - 80) : m.span.start]
            after = self.text[m.span.end : m.span.end + 40]
            if RELATION_OF.search(before) or RELATIVE_BEFORE.search(before) or RELATIVE_AFTER.match(after):
                return True
        return False

    def _full_offices(self, loc: _Local) -> set[str]:
        """The offices written right before the person's full name ("President Bill Clinton")."""
        return {
            office
            for m in loc.mentions
            if m.kind == "name" and " " in m.span.text.strip()
            for office in [office_before(self.text, m.span.start)]
            if office
        }

    def _title_conflict(self, key: str, loc: _Local) -> bool:
        """Whether the article gives the bare surname ``key`` an office that the person named in
        full never holds here ("former Secretary Clinton" beside "President Bill Clinton": another
        Clinton, so no bare "Clinton" of the article is his). Two people who share a surname stay
        two; a surname with no office, or offices that agree, says nothing."""
        bare = self._surname_offices().get(key)
        if not bare:
            return False
        full = self._full_offices(loc)
        return bool(full) and not (bare & full)

    def _surname_offices(self) -> dict[str, set[str]]:
        """Folded surname -> the offices written right before it alone ("Secretary Clinton")."""
        if self._offices is None:
            self._offices = {}
            for m in SURNAME_AFTER_OFFICE.finditer(self.text):
                self._offices.setdefault(name_key(m.group("name")), set()).add(office_word(m.group("office")))
        return self._offices

    def _one_of(self, e: Entity, scored: list[tuple[int, _Local]]) -> tuple[tuple[int, _Local] | None, bool]:
        """The person a bare name is, among those of the article whose names hold it (best first):
        the only one named in full before it, or the one an honorific before it agrees with ("Mrs.
        Clinton"); ``(None, True)`` when two are named in full before it and nothing tells them apart."""
        main = [x for x in scored if x[0] < 10**6]
        if len({loc.id for _, loc in main}) < 2:
            return (scored[0] if scored else None), False
        hon = re.search(r"\b([A-Za-z]{2,9})\.?\s+$", self.text[max(0, e.span.start - 12) : e.span.start])
        want = self.kb.gender_honorifics.get(hon.group(1).lower()) if hon else None
        if want:
            fits = [x for x in main if x[1].kb is not None and x[1].kb.gender == want]
            if len({loc.id for _, loc in fits}) == 1 and not self._namesake_near(fits[0][1], [loc for _, loc in main], e.span.start, want):
                return fits[0], False
            # "Mr. Clinton": never the one known to be a woman; one left is the one
            main = [x for x in main if self._gender_of(x[1]) in (None, want)]
            if len({loc.id for _, loc in main}) == 1 and not self._namesake_near(main[0][1], [loc for _, loc in main], e.span.start, want):
                return main[0], False
            if any(self._gender_of(x[1]) is None for x in main):
                return None, True  # "Mr. Clinton" beside two Clintons of no known gender: either
        if re.match(r",\s+(?:\d{1,3}|the|a|an|who)\b", self.text[e.span.end : e.span.end + 8]) and sum(
            any(e.span.start - 600 <= m.span.start < e.span.start and m.kind == "name" and " " in m.span.text.strip() for m in loc.mentions) for _, loc in main
        ) > 1:
            return None, True  # "Bush, 90, was", "Ortega, who is running against her,": introduced anew beside a namesake just named
        first = self._established_short(name_key(e.span.text), [loc for _, loc in main], e.span.start)
        if first is not None:
            return next(x for x in main if x[1] is first), False
        return None, True

    def _near_start(self, pos: int) -> int:
        """Where "this sentence or the one before" starts for ``pos``: the nlp layer's sentence
        before, and at least 150 characters back (the model ends a sentence at "Ms.")."""
        return min(sentence_before_start(self.art, pos) if self.art.sentences else pos, max(0, pos - 150))

    def _namesake_near(self, chosen: _Local, people: list[_Local], pos: int, want: str) -> bool:
        """Whether another namesake of ``people`` whose gender is not known to differ from ``want``
        is named in full in this sentence or the one before ("Melania Trump ... Ivanka Trump joined
        later. Ms. Trump smiled": either)."""
        near = self._near_start(pos)
        for loc in people:
            if loc is chosen or self._gender_of(loc) not in (None, want):
                continue
            if any(near <= m.span.start < pos and m.kind == "name" and " " in m.span.text.strip() for m in loc.mentions):
                return True
        return False

    def _established_short(self, key: str, people: list[_Local], pos: int) -> _Local | None:
        """The one of ``people`` (all named in full before ``pos``) whom the article already called by
        the bare surname before any other of them was named in full: "Hillary Clinton ... an
        interview with Clinton ... former President Bill Clinton ... charges against Clinton" is
        Hillary's, as a writer who means the second person of a surname already in use writes
        that one's full name. None when no bare use came first, or when another of them is named
        in full in this sentence or the one before ("His son, David Marsh, will take over. Marsh
        said ...": a review found the bare name right after a namesake's is most often that one's)."""

        def first_full(loc: _Local) -> int:
            return min(m.span.start for m in loc.mentions if m.kind == "name" and " " in m.span.text.strip() and not self._in_work_title(m.span.start))

        starts = {loc.id: first_full(loc) for loc in people}
        # A namesake named in full in this sentence or the one before is what a bare surname right
        # after it most often means ("His son, David Marsh, will take over. Marsh, 42, said ..."):
        # then nothing is established.
        near = self._near_start(pos)
        for loc in people:
            rival = min((v for k, v in starts.items() if k != loc.id), default=pos)
            if any(m.kind == "short" and starts[loc.id] < m.span.start < rival and name_key(m.span.text) == key for m in loc.mentions):
                named_near = any(
                    near <= m.span.start < pos and m.kind == "name" and " " in m.span.text.strip() and not re.match(r"['’]s?\b", self.text[m.span.end : m.span.end + 2])
                    for x in people
                    if x is not loc
                    for m in x.mentions
                )
                return None if named_near else loc
        return None

    def _ellipsis_of(self, key: str) -> _Local | None:
        """ "the North" in an article that names North Korea: the one actor named here that
        claims the bare word (knowledge-base ``ellipses``); none when two or none do."""
        named = [
            self.locals[i]
            for i in self.kb.by_ellipsis.get(key, ())
            if i in self.locals and any(m.kind != "short" for m in self.locals[i].mentions)
        ]
        if len(named) != 1:
            return None
        return None if self._rival_claims(key.split()[-1]) else named[0]

    def _rival_claims(self, word: str) -> bool:
        """Whether another body of the article ends with the bare word ("the Texas Senate", "the
        student Senate", "the General Assembly" beside "the Senate" and "the House"): a name the
        knowledge base knows as something else ("the White House", "the U.N. General Assembly")
        is no rival. Read once per article and word."""
        got = self._rivals.get(word)
        if got is None:
            ends = {word, "assembly"} if word in ("senate", "house", "representatives") else {word}
            got = any(
                len(toks := name_key(e.span.text).split()) >= 2 and toks[-1] in ends and not self.kb.lookup(e.span.text) and not self.kb.by_ellipsis.get(" ".join(t for t in toks if t != "the"))
                for e in self.art.entities
            ) or re.search(rf"\b(?:student|faculty|state|city|county|class|youth|model)\s+{re.escape(word)}\b", self.text, re.I) is not None
            self._rivals[word] = got
        return got

    def _owned_by_country(self, e: Entity, key: str) -> KBActor | None:
        """ "N. Korea's Kim", "Russia's Putin": the country's person of the knowledge base with that name.

        Among several of one family name, the one whose current role is of that country
        ("Supreme Leader of North Korea", not a party post): a headline's possessive names
        the country's figure, and its leader first.
        """
        before = [x for x in self.art.entities if x.label == "GPE" and x.span.end < e.span.start and self.text[x.span.end : e.span.start] in ("'s ", "' ")]
        if not before:
            return None
        country = next((a for a in self.kb.lookup(before[-1].span.text) if a.type == "GPE" and a.country), None)
        if country is None or country.country is None:
            return None
        return self._named_of_country(country.country, key, leaders_only=False)

    def _leader_of_the_story(self, key: str) -> KBActor | None:
        """A lone family name in an article about one country ("under Kim's policy"): that
        country's current leader of that name, when the article names no one fuller."""
        ranked = self.countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] <= ranked[1][1]) or ranked[0][1] < 2:
            return None
        return self._named_of_country(ranked[0][0], key, leaders_only=True)

    def _named_of_country(self, code: str, key: str, leaders_only: bool) -> KBActor | None:
        people = [
            # the family name is a name's first or last word ("Kim Jong Un", "Joe Biden"), never a
            # middle one ("David" of "James David Vance" was JD Vance, a reading found)
            a for a in self.kb.by_id.values() if a.type == "PERSON" and a.country == code and any(key in _ends(name_key(n).split()) for n in a.names())
        ]
        if len(people) > 1 or leaders_only:
            names = {name_key(n) for a in self.kb.by_id.values() if a.type == "GPE" and a.country == code and not a.metonym_of for n in a.names()}

            def leads(role: str) -> bool:
                office, _, place = role.lower().rpartition(" of ")
                if not office or office.startswith(("former ", "late ", "ex-", "acting ")) or name_key(place) not in names:
                    return False
                return any(office == t or office.endswith(" " + t) for t in self.kb.leader_titles)

            people = [a for a in people if any(leads(r) for r in a.roles)]
        return people[0] if len(people) == 1 else None

    # -- roles and descriptions ------------------------------------------------------

    def _is_title_word(self, w: str) -> bool:
        parts = [p for p in w.lower().strip(",.").split("-") if p]
        return bool(parts) and all(p in self.heads or p in self.mods for p in parts)

    def roles(self) -> None:
        """Titles before a person's name and appositions after it."""
        ents = _Taken((e.span.start, e.span.end) for e in self.art.entities if e.label in ("GPE", "NORP", "ORG", "LOC", "FAC"))
        for loc in list(self.locals.values()):
            if loc.type != "PERSON":
                continue
            for m in loc.mentions:
                for role in (self._title_before(m.span.start, ents), self._apposition_after(m.span.end), self._apposition_before(m.span.start, m.span.end)):
                    if role and role.lower() not in {r.lower() for r in loc.roles}:
                        loc.roles.append(role)

    def _title_before(self, start: int, ents: _Taken) -> str | None:
        ls, _ = self._line_bounds(start)
        lo = max(ls, start - 300)  # no title is longer: a long line is not re-read for each name
        words = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"\S+", self.text[lo:start])]
        if lo > ls and words and words[0][0] == lo and not self.text[lo - 1].isspace():
            words = words[1:]  # a word cut by the window
        first = None
        has_head = False
        prev = ""  # the word after this one (scanning backwards)
        for k in range(len(words) - 1, -1, -1):
            ws, we = words[k]
            w = self.text[ws:we]
            in_ent = any(s <= ws and we <= e + 3 for s, e in ents.overlapping(ws - 3, we))  # +3: a possessive after a country
            # A portfolio before a capitalised title ("Transport Minister"), not a sentence's first word.
            portfolio = (
                w[:1].isupper()
                and prev[:1].isupper()
                and prev.lower() in self.heads
                and k > 0
                and not self.text[words[k - 1][0] : words[k - 1][1]].endswith((".", ":", '"'))
                and w.lower() not in CALENDAR
            )
            if w.lower() == "of" and has_head:
                break  # "the sister of Vesnian leader Osk": the title after "of" is his; the one before, another's
            if w.endswith(",") or w in ("--", "—", "–", "-", "|") or (w[-1:] in ".!?" and not self._is_title_word(w) and not INITIALISM.fullmatch(w)):
                break  # a comma, or the end of the sentence before ("... in the Strait. Gen. Tomas Orel")
            if self._is_title_word(w):
                has_head = has_head or w.lower().strip(",.").split("-")[-1] in self.heads
            elif not in_ent and not portfolio and w.lower() not in ("of", "the"):
                break
            first = ws
            prev = w
        if first is None or not has_head:
            return None
        role = self.text[first:start].strip()
        role = re.sub(r"^(?:(?:of|the|and)\s+)+", "", role, flags=re.I)
        return role or None

    def _apposition_before(self, start: int, end: int) -> str | None:
        """A description set before the name between commas ("The spokeswoman for the company,
        Jane Roe, declined"; "the senator from Ohio, Sherrod Brown, said"): the role is the
        description without its article. Its words before the head are title words, epithets or
        capitalised (a place: "the Ohio senator"), and a comma or the sentence's end follows the
        name, so that a list ("met the senator, Jane Roe and Ida Marr") gives nothing."""
        ls, _ = self._line_bounds(start)
        m = APPOSITION_BEFORE.search(self.text, max(ls, start - 120), start)
        if m is None or not re.match(r"\s*(?:,|[.;]|$)", self.text[end : end + 2]) or re.match(r",\s+(?:and|or)\b", self.text[end : end + 6]):
            return None
        if not APPOSITION_OPENS.search(self.text[ls : m.start()]):
            return None  # only a sentence's subject: "Like the governor, Ann Walsh, ...", "thanked the senator, Ann Walsh, Tom Hill and ..."
        words = m.group("desc").split()
        k = next((i for i, w in enumerate(words) if w.lower() in self.heads), None)
        if k is None or not all(self._is_title_word(w) or w[:1].isupper() or w.lower() in self.kb.title_epithets for w in words[:k]):
            return None
        return m.group("desc")

    def _apposition_after(self, end: int) -> str | None:
        _, le = self._line_bounds(end)
        # No apposition is longer than the window (its pattern caps it at 200 characters): a
        # long line is not re-read for each name.
        seg = self.text[end : min(le, end + APPOSITION_WINDOW)]
        # An initialism's full stops ("commander of U.S. Forces Korea") do not end the apposition.
        masked = INITIALISM.sub(lambda x: x.group(0).replace(".", "\u00b7"), seg)
        # Nor do an honorific's ("put Mr. Kim's name"): the sentence goes on.
        masked = HONORIFIC_DOT.sub(lambda x: x.group(0).replace(".", "\u00b7"), masked)
        m = re.match(r",\s+([^,;:()\"]{3,200}?)\s*(?:,|;|\(|\.\s|\.(?=[A-Z\"“])|\.$|$)", masked)
        if not m:
            return None
        role = re.sub(r"^(?:the|a|an)\s+", "", seg[m.start(1) : m.end(1)].strip(), flags=re.I)
        words = role.split()
        if not words or len(words) > 20 or (not words[0][:1].islower() and not self._is_title_word(words[0])):
            return None
        if words[0].lower() in ("and", "or", "but", "nor", "who", "which", "whose", "while"):
            return None  # "Ida Marr, and their daughter, Ola": a list or a clause, not an apposition
        if words[0].lower() in APPOSITION_NOT_FIRST:
            return None  # "Hillary Clinton, as secretary of state in 2012 put ...": an adjunct of the clause
        if not any(w.lower().split("-")[-1] in self.heads for w in words[:4]):
            return None
        return role

    def descriptions(self) -> None:
        """ "the embassy" -> the organisation named before; "North Korea's leader" -> its titled person."""
        taken = _Taken((m.span.start, m.span.end) for loc in self.locals.values() for m in loc.mentions)
        for ln in self.art.lines:
            if ln.role not in ("title", "body"):
                continue
            for m in re.finditer(r"\b[Tt]he((?: [a-z]+){1,3})\b", self.text[ln.start : ln.end]):
                words = m.group(1).split()
                k = next((i for i, w in enumerate(words) if w in self.kb.descriptor_heads), None)
                if k is None:
                    continue
                s = ln.start + m.start()
                t = s + len("the ") + len(" ".join(words[: k + 1]))
                if taken.overlapping(s, t) or self.text[t : t + 1] == "-":
                    continue  # ("the party-controlled website": a compound modifier, no party)
                loc = self._nearest_org(s, words[k], words[:k])
                if loc is not None:
                    self._add(loc, s, t, "description")
                    taken.append((s, t))
        self._person_descriptions(taken)
        self._leader_descriptions(taken)

    def _person_descriptions(self, taken: _Taken) -> None:
        """ "the senator", "the former governor" (no name after it) -> the nearest person before
        it, in its paragraph or the one before, whose role has those words ("Senator", "former
        governor of Ohio"; abbreviations expanded: "Gov."); in the lead, with no one before, the
        one person of that role named in the next two paragraphs (news names after describing)."""
        people = [loc for loc in self.locals.values() if loc.type == "PERSON" and loc.roles]
        if not people:
            return
        body = [ln for ln in self.art.lines if ln.role in ("title", "body")]
        for n, ln in enumerate(body):
            # Named in this paragraph or the one before: a description reaches no further back.
            floor = body[n - 1].start if n else ln.start
            seg = self.text[ln.start : ln.end]
            # each "the" read on its own: a phrase run over a sentence's end ("the bill on Tuesday.
            # The") must not swallow the next sentence's "The lawmaker"
            found = (PERSON_DESCRIPTION_AT.match(seg, t.start()) for t in re.finditer(r"\b[Tt]he\b", seg))
            for m in (x for x in found if x is not None):
                words = [(ln.start + m.start(1) + w.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(1))]
                k = next((i for i, (_, w) in enumerate(words) if w in self.heads), None)
                epithet = self.kb.title_epithets
                if k is None or not all(self._is_title_word(w) or w[:1].isupper() or w.lower() in epithet for _, w in words[:k]):
                    continue
                s = ln.start + m.start()
                t = words[k][0] + len(words[k][1])
                # Capitalised words before the title must be a place or body named here ("the New
                # Jersey governor"); that mention stays, the phrase is the person's.
                near = taken.overlapping(s, t)
                inner = [(a, b) for a, b in near if s <= a and b <= t]
                caps_ok = all(any(a <= pos < b for a, b in inner) for pos, w in words[:k] if w[:1].isupper())
                if not caps_ok or any((a, b) not in inner for a, b in near) or any(self._person_at(a, b) for a, b in inner):
                    continue
                want = {w for _, w in words[: k + 1] if not w[:1].isupper() and w.lower() not in epithet}
                best: tuple[int, _Local] | None = None
                for loc in people:
                    if not self._holds(loc, want):
                        continue
                    before = [x.span.end for x in loc.mentions if floor <= x.span.start and x.span.end <= s]
                    if before and (best is None or max(before) > best[0]):
                        best = (max(before), loc)
                if best is None and n <= 2:
                    # The lead describes, the next paragraph names ("The commander of allied forces
                    # ... said Monday ...", then "Gen. Tomas Orel, commander of the Allied Forces
                    # Vesnia, ..."): the one person of that role named in the next two paragraphs.
                    ceil = body[min(n + 2, len(body) - 1)].end
                    after = [
                        loc
                        for loc in people
                        if self._holds(loc, want)
                        and any(t <= x.span.start < ceil and x.kind == "name" for x in loc.mentions)
                    ]
                    if len(after) == 1:
                        best = (0, after[0])
                if best is None and not DESCRIPTION_NAMED_AFTER.match(self.text, t):
                    best = self._only_holder_before(people, want, s, floor)
                if best is not None:
                    self._add(best[1], s, t, "description")
                    taken.append((s, t))

    def _holds(self, loc: _Local, want: set[str]) -> bool:
        """Whether one of the person's roles has the words ``want``, abbreviations written out
        ("Sen." holds "senator"); a kind of office holds its offices ("the lawmaker" is a senator)."""

        def holds(role: str) -> bool:
            # a relative's or an aide's role holds only the words before "of/to/for": "son of the
            # president" holds no president ("director of national intelligence" holds them all)
            key = name_key(role)
            head = re.split(r"\s(?:of|to|for)\s", key)[0]
            if any(w in RELATION_HEADS for w in head.split()):
                key = head
            words = {self.kb.title_abbreviations.get(w, w) for w in key.split()}
            return all(w in words or self._kind_holds(w, words) for w in want)

        return any(holds(r) for r in loc.roles)

    def _kind_holds(self, kind: str, words: set[str]) -> bool:
        """Whether a role of ``words`` holds an office of ``kind`` ("the lawmaker": "Sen.", "Rep.");
        "representative" only as a role of its own ("Rep.", "U.S. Representative"), not "U.S. Trade
        Representative" or "a sales representative"."""
        hit = self.kb.title_kinds.get(kind, frozenset()) & words
        if hit == {"representative"}:
            return not (words - {"representative", "former", "us", "u.s", "u.s.", "state", "then"})
        return bool(hit)

    def _only_holder_before(self, people: list[_Local], want: set[str], pos: int, floor: int) -> tuple[int, _Local] | None:
        """The one person named anywhere before ``pos`` whose role has the words ``want`` ("the
        senator" paragraphs after "Sen. Dara Velk", nobody named between); None when two people
        of that role were named before, or none, or another person is named in the description's
        paragraph or the one before (from ``floor``): "Democrat John Fetterman ... The senator"
        is Fetterman, whom no title names a senator here (a review found that)."""
        holders = [
            (max(x.span.end for x in loc.mentions if x.span.end <= pos), loc)
            for loc in people
            if any(x.span.end <= pos for x in loc.mentions) and self._holds(loc, want)
        ]
        if len(holders) != 1:
            return None
        others = (
            loc
            for loc in self.locals.values()
            if loc.type == "PERSON" and loc is not holders[0][1] and any(floor <= x.span.start < pos for x in loc.mentions)
        )
        return None if next(others, None) is not None else holders[0]

    def _person_at(self, a: int, b: int) -> bool:
        return any(loc.type == "PERSON" and any(x.span.start == a and x.span.end == b for x in loc.mentions) for loc in self.locals.values())

    def _nearest_org(self, pos: int, head: str, mods: list[str]) -> _Local | None:
        best: tuple[int, _Local] | None = None
        for loc in self.locals.values():
            if loc.type not in ("ORG", "FAC"):
                continue
            words = {w for n in (loc.name, *loc.aliases) for w in name_key(n).split()}
            if head not in words or any(x not in words for x in mods):
                continue
            before = [m.span.end for m in loc.mentions if m.span.end <= pos]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), loc)
        return best[1] if best else None

    def _leader_descriptions(self, taken: _Taken) -> None:
        """ "North Korea's leader" (no name after it) -> the person titled "North Korean leader" here."""
        titled: dict[tuple[str, str], _Local] = {}
        for loc in self.locals.values():
            if loc.type != "PERSON":
                continue
            for role in loc.roles:
                sig = self._role_signature(role)
                if sig:
                    titled.setdefault(sig, loc)
        if not titled:
            return
        for e in self.art.entities:
            if e.label not in ("GPE", "NORP"):
                continue
            m = re.match(r"((?:'s)?)((?: [a-z]+){1,3})( [A-Z])?", self.text[e.span.end : e.span.end + 60])
            if not m:
                continue
            words = m.group(2).split()
            # The longest run of title words ending in a head, not followed by a name.
            k = len(words)
            while k and not (words[k - 1] in self.heads and all(self._is_title_word(w) for w in words[:k])):
                k -= 1
            if not k or (k == len(words) and m.group(3)):
                continue
            end = e.span.end + len(m.group(1)) + len(" ".join(words[:k])) + 1
            sig = self._role_signature(self.text[e.span.start : end])
            if sig in titled and not any((a, b) != (e.span.start, e.span.end) for a, b in taken.overlapping(e.span.start, end)):
                self._add(titled[sig], e.span.start, end, "description")

    def _role_signature(self, role: str) -> tuple[str, str] | None:
        """(country id, head word) of a role such as "North Korean leader" or "North Korea's leader"."""
        words = role.split()
        if not words or words[-1].lower() not in self.heads:
            return None
        place = re.sub(r"'s$", "", " ".join(words[:-1]))
        for k in range(len(place.split()), 0, -1):
            cand = " ".join(place.split()[:k])
            country = self.kb.demonym(cand) or next((a for a in self.kb.lookup(cand) if a.type == "GPE"), None)
            if country is not None and not any(self._is_title_word(w) is False for w in place.split()[k:]):
                return country.id, words[-1].lower()
        return None

    # -- output --------------------------------------------------------------------

    def _headline_ranges(self) -> list[tuple[int, int]]:
        return [(ln.start, ln.end) for ln in self.art.lines if ln.role == "title" and headline_cased(self.art.raw_text[ln.start : ln.end])]

    def _name_from_body(self) -> None:
        """An unknown actor whose fuller name is written only in a headline-cased title takes its name
        and type from the body: headline capitals run the model's span on ("AMD [Buys SeaMicro]",
        "Obama [Flips Bush] Rule"), and the body's "SeaMicro" joined that span as its short form.
        The actor becomes what the body calls it (the form the body writes most, typed as the model
        typed the body's mentions), and the title mention is cut to that name where the span ends
        with it. Only when the model typed the title's span otherwise than the body's name (a
        person "Buys SeaMicro", a company "SeaMicro"): a title typed alike may give the fuller name
        the body shortens ("Dara Velk Wins ...", then "Velk said"), which stays."""
        title = self._headline_ranges()
        if not title:
            return
        labels = {(e.span.start, e.span.end): e.label for e in self.art.entities}

        def in_title(m: ActorMention) -> bool:
            return any(s <= m.span.start < t for s, t in title)

        for loc in list(self.locals.values()):
            if loc.kb is not None or loc.id not in self.locals:
                continue
            heads = [m for m in loc.mentions if in_title(m)]
            body = [m for m in loc.mentions if not in_title(m)]
            if not heads or not body or name_key(loc.name) in {name_key(m.span.text) for m in body}:
                continue
            forms = Counter(clean_name(m.span.text) for m in body if m.kind in ("name", "short"))
            if not forms:
                continue
            name = max(forms, key=lambda n: (forms[n], len(n), n))
            votes = Counter(labels[k] for m in body if (k := (m.span.start, m.span.end)) in labels and labels[k] in ACTOR_LABELS)
            head_votes = Counter(labels[k] for m in heads if (k := (m.span.start, m.span.end)) in labels)
            if not votes or not head_votes:
                continue
            label = votes.most_common(1)[0][0]
            if label == head_votes.most_common(1)[0][0]:
                continue  # typed alike: the title may give the fuller name ("Dara Velk Wins ...", then "Velk said")
            new = self._local_new(name, label)
            if new is not loc:
                self._absorb_local(new, loc)
            new.type = label
            new.name = name
            kept = []
            for m in new.mentions:
                if in_title(m) and name_key(m.span.text) != name_key(name):
                    cut = m.span.end - len(name)
                    if cut <= m.span.start or self.raw[cut : m.span.end] != name or not self.raw[cut - 1].isspace():
                        continue  # a headline run-on that does not end with the name: no evidence of it
                    m = ActorMention(Span.of(self.raw, cut, m.span.end), new.id, m.kind)
                kept.append(m)
            new.mentions = kept
            new.aliases = [a for a in new.aliases if name_key(a) in {name_key(m.span.text) for m in new.mentions}]

    def _drop_title_only(self) -> None:
        """Unknown names seen only in a headline-cased title: headline capitals ("Alexander Lukashenko
        Reaffirms Belarus...", "WOOLMER MAKES RETURN") make the model see names everywhere. A title
        written in sentence case ("Nebraska fed cattle roundup") capitalises names only: kept."""
        title = self._headline_ranges()
        for aid, loc in list(self.locals.items()):
            if loc.kb is None and all(any(s <= m.span.start < t for s, t in title) for m in loc.mentions):
                del self.locals[aid]

    def _absorb_local(self, into: _Local, other: _Local) -> None:
        for m in other.mentions:
            into.mentions.append(ActorMention(m.span, into.id, m.kind))
        into.aliases += [a for a in other.aliases if a not in into.aliases]
        into.roles += [r for r in other.roles if r not in into.roles]
        into.labels.update(other.labels)
        into.evidence += [x for x in other.evidence if x not in into.evidence]
        del self.locals[other.id]

    def _retyped(self, loc: _Local, typ: str) -> _Local:
        """``loc`` as an actor of another type (an unknown's id follows its type)."""
        new = self._local_new(loc.name, typ)
        if new is not loc:
            self._absorb_local(new, loc)
        new.type = typ
        return new

    def _people_by_context(self) -> None:
        """An unknown name the model typed an organisation is a person's where the text says so:
        an office or honorific right before a mention ("President François Hollande", "Mr. Velk"),
        or, for a name of two or three words opening with a given name, an apposition headed by a
        person's noun ("Maryam Violet, an Iranian journalist visiting Nice"; "Christian Estrosi, a
        former mayor of Nice"). A reading found the words of these
        people given to a man named paragraphs before: a pronoun looks for people only. Not a name
        written after "the" or ending in a plural ("The Boston Celtics"), nor by ", who" (clubs and
        companies take "who" in British English: "Tesco, who", "Wells Fargo, who"), nor by an
        apposition whose person noun heads a phrase about something else ("the owner of E-Trade",
        "the bank whose president")."""
        nouns = self.kb.person_nouns | self.heads | set(self.kb.gender_words)
        for loc in list(self.locals.values()):
            words = loc.name.split()
            if loc.kb is not None or loc.type != "ORG" or not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
                continue
            if words[-1].endswith("s") or any(re.search(r"\b[Tt]he\s+$", self.text[max(0, m.span.start - 4) : m.span.start]) for m in loc.mentions):
                continue  # ("About Latinos", "The Dallas Cowboys, who": a group, not a person)
            several = len(words) > 1 and given_name(words[0].lower())
            for m in loc.mentions:
                after = self.text[m.span.end : m.span.end + 120]
                titled = PERSON_TITLE_BEFORE.search(self.text, max(0, m.span.start - 40), m.span.start)
                if titled or (several and self._person_apposition(after, nouns)):
                    loc.evidence.append(f"{m.span.text!r}: a person by the text ({(titled.group(0) if titled else after[:40]).strip()!r}), though the model typed an organisation")
                    self._retyped(loc, "PERSON")
                    break

    def _person_apposition(self, after: str, nouns: set[str] | frozenset[str]) -> bool:
        """Whether ``after`` opens an apposition headed by a person's noun: one of its first three
        words, not after "whose", and (an office aside: "a former mayor of Nice") not before
        "of"/"in"/"at" ("the owner of E-Trade", "a leader in coatings")."""
        appos = PERSON_APPOSITION.match(after)
        if appos is None:
            return False
        words = appos.group(1).lower().split()
        for k, w in enumerate(words[:3]):
            if w in nouns:
                prev = words[k - 1] if k else ""
                nxt = words[k + 1] if k + 1 < len(words) else ""
                return prev != "whose" and (w in self.heads or nxt not in ("of", "in", "at", "for", "to"))
        return False

    def _consolidate(self) -> None:
        """One type per unknown name in an article.

        The model types one name differently from one sentence to the next: a team "Harriers"
        an organisation here and a person there, a player "Jon Pell" an organisation
        while his surname "Pell" is a person. The same name goes to the type most of its
        mentions have (an organisation on a tie); a name of two or three words typed
        otherwise, whose last word is a one-word person of the article, is that person's full name.
        """
        self._people_by_context()
        unknown: dict[str, list[_Local]] = defaultdict(list)
        for loc in self.locals.values():
            if loc.kb is None:
                unknown[name_key(loc.name)].append(loc)
        for locs in unknown.values():
            if len(locs) < 2:
                continue
            votes: Counter[str] = Counter()
            for loc in locs:
                votes.update(loc.labels or Counter({loc.type: len(loc.mentions)}))
            person, other = votes.get("PERSON", 0), sum(v for k, v in votes.items() if k != "PERSON")
            keep = next((x for x in locs if (x.type == "PERSON") == (person > other)), locs[0])
            for loc in locs:
                if loc is not keep and loc.id in self.locals:
                    self._absorb_local(keep, loc)
        surnames = {name_key(x.name): x for x in self.locals.values() if x.kb is None and x.type == "PERSON" and len(x.name.split()) == 1}
        for loc in list(self.locals.values()):
            words = loc.name.split()
            if loc.kb is not None or loc.type == "PERSON" or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
                continue
            one = surnames.get(name_key(words[-1]))
            if one is not None and one.id in self.locals and loc.id in self.locals:
                full = self._retyped(loc, "PERSON")
                # "Scott" beside "Keith Lamont Scott" and his wife "Rakeyia Scott": the full name is
                # a person's, but the bare surname may be either and joins neither.
                shared = any(
                    x is not full and x is not one and x.type == "PERSON" and len(x.name.split()) >= 2 and name_key(x.name.split()[-1]) == name_key(words[-1])
                    for x in self.locals.values()
                )
                if one is not full and not shared:
                    self._absorb_local(full, one)

    def build(self) -> tuple[list[ActorMention], list[Actor]]:
        self.link()
        self._consolidate()
        self._name_from_body()
        self._drop_title_only()
        self.roles()
        self.descriptions()
        mentions = sorted((m for loc in self.locals.values() for m in loc.mentions), key=lambda m: (m.span.start, m.span.end))
        actors = []
        for loc in self.locals.values():
            loc.mentions.sort(key=lambda m: m.span.start)
            # "Minister" adds nothing beside "Transport Minister".
            loc.roles = fullest_roles(loc.roles)
            actors.append(
                Actor(
                    id=loc.id,
                    name=loc.kb.name if loc.kb else _canonical(loc),
                    type=loc.kb.type if loc.kb else loc.type,
                    aliases=list(loc.aliases),
                    roles=list(loc.roles),
                    wikidata=loc.kb.wikidata if loc.kb else None,
                    mentions=[Mention(self.art.id, m.span) for m in loc.mentions],
                    evidence=list(loc.evidence),
                )
            )
        actors.sort(key=lambda a: (-len(a.mentions), a.id))
        return mentions, actors


def _canonical(loc: _Local) -> str:
    """The fullest name an unknown actor is given: most words, then most often."""
    counts = Counter(clean_name(m.span.text) for m in loc.mentions if m.kind in ("name", "short", "acronym"))
    if not counts:
        return loc.name
    counts.setdefault(loc.name, 0)  # a name no mention writes whole ("Anna Velk" of "Anna and Mark Velk")
    return max(counts, key=lambda n: (len(n.split()) if not n.isupper() else 0, counts[n], -len(n)))


def link_actors(article: Article, kb: ActorKB | None = None) -> Article:
    """Fill ``article.mentions`` and ``article.actors`` from ``article.entities``."""
    article.mentions, article.actors = _Builder(article, kb or actor_kb()).build()
    return article


@stage(
    "newsprism.actors.v1",
    requires=["article.entities", "article.lines", "article.raw_text"],
    assigns=["article.mentions", "article.actors"],
)
def make_actors() -> Callable[[Article], Article]:
    """Actors of each article: knowledge-base links, metonyms, short names, roles."""

    def actors(article: Article) -> Article:
        return link_actors(article)

    return actors


# -- helpers for later stages ------------------------------------------------------------


def actor_at(article: Article, start: int, end: int) -> str | None:
    """The id of the actor named at ``raw_text[start:end]`` (the mention overlapping it most), or None.

    For many positions of one article, build a :class:`MentionIndex` once.
    """
    return MentionIndex(article).at(start, end)


# -- corpus merge ------------------------------------------------------------------------


@stage(
    "newsprism.actors.corpus.v1",
    kind="corpus",
    requires=["article.mentions", "article.actors"],
    assigns=["dossier.actors", "article.mentions", "article.actors"],
)
def make_actors_corpus() -> Callable[[Dossier], Dossier]:
    """One actor per entity across articles, with every alias and mention."""

    def actors_corpus(dossier: Dossier) -> Dossier:
        dossier.actors = merge_actors(dossier.articles)
        return dossier

    return actors_corpus
