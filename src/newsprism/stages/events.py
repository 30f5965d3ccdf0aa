"""Events: PLOVER-typed happenings per sentence, then merged across articles into one timeline.

Per article (``newsprism.events.v1``), every sentence of the title, body and photo
captions is read for **cues** of PLOVER's event types (``data/plover.json``: verbs
and nouns after the PLOVER codebook, the CAMEO verb dictionary and POLECAT; users
extend it). Each cue becomes an event candidate:

* **actors** are the actors named in the clause before the cue (the subject), or
  after "by" in a passive; a pronoun goes to the subject of the sentence before it
  when it is itself a subject (centering: Grosz, Joshi & Weinstein 1995), else to
  the actors layer's :func:`resolve_pronoun`; a verb coordinated with an earlier one
  ("criticized ... and supported") shares its subject. For "inverse" cues
  ("received shells from X") the one after "from" acts. For symmetric types
  (meetings, signings: PLOVER's CONSULT, AGREE, COOPERATE) every participant is an actor.
* **targets** are the actors named after the cue in its clause.
* **date**: each temporal expression of the sentence (the timex layer, resolved
  against the article's date; a caption's against the photo's) goes to the nearest
  cue. "since last fall" dates the onset: the event began then. A verb coordinated
  with a dated one shares its date. Inside a reproduced statement, relative
  expressions are resolved against the statement's date.
* **speech acts** (said, told, a statement; textacy's reporting verbs) take the type
  of what they report: support, criticism, threats reported of the speaker are the
  speaker's own events; a material act of another actor reported by the speaker is an
  allegation, PLOVER ACCUSE (CAMEO 112 covers allegations) — but not a gift (AID of
  the ``ceremonial`` mode), nor a partnership or a withdrawal (of no military kind) that
  the speaker's side takes part in. A statement whose content
  is not in its sentence takes the type of the statement it introduces (the quotes
  layer, else the headline, which summarises the lead statement).
* **place**: a place named after "in"/"at" in the sentence.

Whether a cue reports a happening at all is :meth:`EventReader.irrealis` (plover.json
``realis``: modals, infinitives of plans, conditions, prospects) beside the negation check;
an announcement of one's own future act is the announcement, typed by what it announces.
Each mention keeps its ``trigger``, the words that name the happening.

Across articles (``newsprism.events.corpus.v1``), mentions of the same real event become one
event: that decision is :mod:`newsprism.event_merge` (:func:`~newsprism.event_merge.merge_events`),
inside the first story clusters of :func:`first_stories`. The result is the dossier's
timeline: events sorted by date, each with every sentence of every article that reports it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from newsprism.article import Article, DateMention, DateRange, Dossier, Event, Mention, MentionIndex, Span
from newsprism.clauses import CLOSE_Q, OPEN_Q, ClauseReader, Unit, same_side, sentence_parties
from newsprism.compare import cluster_stories, story_features
from newsprism.event_confidence import confidence as record_confidence
from newsprism.event_merge import (
    CONFIDENCE,
    CROSS_ARTICLE,
    REF_MARK,
    SAME_ARTICLE,
    MergeConfig,
    Node,
    cluster,
    content_words,
    event_confidence,
    explain_pair,
    merge_events,
    node_of,
    pair_score,
    stem,
)
from newsprism.event_parties import (
    DETERMINERS,
    LIGHT_VERBS,
    PREPOSITIONS,
    TIME_WORDS,
    noun_modifier,
    noun_targets,
    sentence_subject,
    verb_agents,
    verb_targets,
)
from newsprism.plover import (
    ATTRIBUTIVE_BEFORE,
    COORD,
    NEGATION,
    PLOVER_TYPES,
    PRONOUNS,
    SIMULTANEOUS,
    SPEECH,
    STOPWORDS,
    STRONG_BOUNDARY,
    SYMMETRIC_DEFAULT,
    UNALLEGED,
    UNALLEGED_MODES,
    VERBAL,
    Token,
    Trigger,
    find_cues,
    tokens,
)
from newsprism.registry import stage

# Words after which a verb's bare form is a noun ("the world of finance", "a sign"): determiners,
# possessives and prepositions (an infinitive's "to" is the realis rule's).
NOUN_BEFORE = frozenset(
    "a an the this that these those its his her their our my your of in on at for with from about into by as".split()  # noqa: SIM905
)

# ----------------------------------------------------------------------------- per-article extraction


@dataclass(slots=True)
class Candidate:
    """An event found in one sentence, before merging (features the merge compares)."""

    type: str
    trigger: Trigger
    unit: Unit
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    date: DateRange = field(default_factory=DateRange)
    place: str | None = None
    mode: str | None = None
    speech: bool = False
    content: tuple[int, int] | None = None  # token range of what a speech act reports
    absorbed: bool = False
    irrealis: str = ""  # why the text does not assert it happened ("after 'would'"): see EventReader.irrealis
    sim: int = -1  # index of the cue this one happens at the same time as ("... as he held talks")
    ref: tuple[int, int] | None = None  # a backward reference ("in line with the treaty on X"): its name's tokens
    said: str = ""  # for a speech act typed by what it reports: the reported cue ("offered")


# Auxiliaries: a "no" subject before one negates the verb ("nobody has asked").
AUX_WORDS = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "do", "can", "could", "been"})
# Function words after a noun cue: what follows it is no compound's head ("the attack was", "talks
# between", "a deal that"). Verbs of saying and being too ("the strike is", "the raid says").
COMPOUND_STOPS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "for", "of", "on", "in", "at", "to", "by", "from", "with", "without", "about", "against", "between", "among", "over", "under", "after", "before", "during", "since", "until", "into", "onto", "through", "across", "near", "than", "as", "if", "while", "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not", "no", "so", "too", "very", "also", "just", "only", "even", "still", "yet", "there", "here", "it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our", "you", "your", "i", "me", "my", "us", "said", "says", "say"]
)
# Statement types (PLOVER's verbal acts and speech): their simple present reports a stance held now.
STANCE_TYPES = frozenset({SPEECH, "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
# The reason the realis rule gives a noun that names a standing relationship (plover.json
# realis.state_nouns): no happening of its own, but what a speaker who reports it alleges.
STATE = "a standing relationship"
# The context type that makes a cue figurative, no event (plover.json context_types).
FIGURATIVE = "NOT_AN_EVENT"
# Verbs that make a stance noun an act: given, offered, declared ("gave its backing to Kalor").
STATE_GIVEN = frozenset(
    ["give", "gave", "given", "gives", "giving", "offer", "offered", "offers", "offering", "lend", "lent", "lends", "lending", "throw", "threw", "thrown", "throws", "express", "expressed", "expresses", "expressing", "voice", "voiced", "voices", "voicing", "pledge", "pledged", "pledges", "pledging", "declare", "declared", "declares", "declaring", "reaffirm", "reaffirmed", "reaffirms", "announce", "announced", "announces"]
)
# Types of a noun cue before which a place's name tells where it happened ("the California shootings").
WHERE_NOUN_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"})
# Prospect words that are adverbs too ("has likely offered", "Putin next met"): a prospect only of a noun.
ADVERB_PROSPECTS = frozenset({"likely", "next", "any", "expected"})
# Words a prospect's modifiers never run over: a clause or a phrase of another head ends there.
# A gerund: "filing", "sending"; not "Beijing", "nothing", "during" (realis.deliberating reads it).
GERUND = re.compile(r"[a-z]{2,}[^aeiou]ing")
NOT_GERUNDS = frozenset({"during", "nothing", "something", "anything", "everything"})


def _gerund(word: str) -> bool:
    return GERUND.fullmatch(word) is not None and word not in NOT_GERUNDS


PROSPECT_STOPS = frozenset({"and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with", "that", "which", "who", "was", "were", "is", "are", "has", "have", "had"})
# Words that open a clause of its own, with its own subject ("..., while Huckabee proposed").
CLAUSE_OPENERS = frozenset({"while", "whereas", "although", "though", "but", "yet", "and", ";", "because", "since", "when", "after"})
# Types whose noun's "of" names the one acted on ("the invasion of Ukraine", "criticism of Osk");
# for the others it names the actor ("the resignation of Osk", "the withdrawal of troops").
PATIENT_OF = frozenset({"ASSAULT", "COERCE", "ACCUSE", "REJECT", "SANCTION"})
# ... but not these: an accusation's "of" names what it alleges ("accusations of scandals", "charges
# of fraud"), and a refusal's or an offensive's its actor ("the refusal of Vesnia").
OF_NOT_PATIENT = frozenset(
    {"accusation", "allegation", "allegations", "charge", "charges", "complaint", "lawsuit", "indictment",
     "refusal", "veto", "denial", "offensive", "war crimes", "military operation", "military operations",
     "special military operation"}
)  # fmt: skip
# Words before a verb that make it non-finite, its subject the main clause's ("after signing", "to sign").
# Where a passive's by-phrase ends: a preposition, a subordinating word or punctuation.
# ("members of Hamas", "troops from Russia": "of" and "from" stay inside it.)
BY_PHRASE_ENDS = (PREPOSITIONS - {"of", "from"}) | frozenset({"when", "while", "as", "because", "that", "which", "who", "whose", "and", "but", ",", ";", ".", ":"})
NONFINITE_BEFORE = frozenset({"after", "before", "while", "when", "by", "since", "upon", "to", "without", "and"})


def _trigger_text(u: Unit, t: Trigger) -> str:
    return " ".join(x.text for x in u.toks[t.i : t.j])


class EventReader(ClauseReader):
    """Events of one article (see the module docstring for the rules)."""

    def triggers(self, u: Unit) -> list[Trigger]:
        """Cues of the sentence, less those inside names, photo credits and "said in a statement"."""
        trigs = find_cues(u.toks, self.lex)
        paren: set[int] = set()
        if u.role == "caption":
            depth = 0
            for k, t in enumerate(u.toks):
                if t.low == "(":
                    depth += 1
                if depth:
                    paren.add(k)
                if t.low == ")":
                    depth = max(0, depth - 1)
        out: list[Trigger] = []
        for tr in trigs:
            if tr.i in paren or any(self.in_name(u, k) for k in range(tr.i, tr.j)) or self.not_a_happening(u, tr):
                continue
            if out and self.names_it(u, out[-1], tr):
                continue  # "the treaty on the maritime cooperation": the treaty's name
            for ct in self.lex.context_types.get(tr.cue.base, ()):
                if ct.type != tr.cue.type and ct.applies({t.low for t in u.toks}, self.article_words()):
                    tr = replace(tr, cue=replace(tr.cue, type=ct.type))
                    break
            if tr.cue.type == FIGURATIVE:
                continue  # "a long battle for the nomination": the contest is no fight
            if (
                out
                and tr.cue.type == SPEECH
                and tr.cue.pos == "noun"
                and out[-1].cue.type == SPEECH
                and tr.i - out[-1].j <= 3
            ):
                continue  # "said in a blog post": one speech act
            out.append(tr)
        return out

    def not_a_happening(self, u: Unit, tr: Trigger) -> bool:
        """A cue word used as something else: a capitalised word inside a body sentence is a name
        ("Sue Ann Arnall", "the Best Party"), and a verb's bare form after a determiner or a
        preposition is a noun no cue lists ("the world of finance", "a sign", "the CNN host")."""
        tok = u.toks[tr.i]
        if tr.i > 0 and u.role != "title" and tok.text[:1].isupper() and u.toks[tr.i - 1].low not in (".", '"', "“", "'", "‘", ":"):
            return True
        gerund = tok.low.endswith("ing") and tr.i > 0 and u.toks[tr.i - 1].low in DETERMINERS | {"and", "or"}
        if (tr.cue.pos == "noun" or gerund) and tr.cue.type != SPEECH and self._compound_head(u, tr.j):
            return True  # "a consulting company", "an assault weapons ban": the cue names a kind of thing
        if tr.cue.pos != "verb" or tok.low != tr.cue.base.split()[0] or tr.i == 0:
            return False
        before = u.toks[tr.i - 1]
        nxt = u.toks[tr.j].low if tr.j < len(u.toks) else ""
        noun_cue = any(c.pos == "noun" for c in self.lex.phrases.get((tok.low,), ()))
        # After a name, the bare form is a noun when a verb follows it ("the CNN host reiterated"),
        # and a verb when its object does ("Russia and China condemn Poland").
        after_name = before.text[:1].isupper() and tr.i > 1 and (nxt.endswith("ed") or nxt in ("said", "says"))
        return not noun_cue and (before.low in NOUN_BEFORE or after_name)

    def _compound_head(self, u: Unit, j: int) -> bool:
        """Whether the word at ``j`` is the noun a cue before it modifies ("consulting [company]",
        "briefing [room]", "investment [firm]"): a lower-case content word, no function word,
        verb form, time word or cue of its own."""
        if j >= len(u.toks):
            return False
        w = u.toks[j]
        if not (w.text.isalpha() and w.text.islower()) or w.low in COMPOUND_STOPS or w.low in TIME_WORDS:
            return False
        if w.low.endswith(("ed", "ing", "ly")) or (w.low,) in self.lex.phrases:
            return False
        return w.low not in self.lex.realis.modals

    def names_it(self, u: Unit, head: Trigger, tr: Trigger) -> bool:
        """``tr`` is a word of the name of the noun ``head`` ("treaty on the ... cooperation")."""
        if head.cue.pos != "noun" or head.cue.type not in self.lex.ref_types or tr.cue.pos != "noun":
            return False
        gap = u.toks[head.j : tr.i]
        return (
            0 < len(gap) <= 5
            and gap[0].low in self.lex.name_links
            and all(g.text.isalpha() and g.text.islower() for g in gap)
        )

    def name_end(self, u: Unit, t: Trigger) -> int:
        """Where the name after a noun cue ends ("treaty on X between A and B")."""
        k = t.j
        if k >= len(u.toks) or u.toks[k].low not in self.lex.name_links:
            return t.j
        while k < len(u.toks) and u.toks[k].low not in STRONG_BOUNDARY and u.toks[k].low not in (",", ".", ";"):
            k += 1
        return k

    def named_parties(self, u: Unit, i: int, j: int) -> list[str]:
        """Actors of tokens ``i:j``; a name cut by the sentence splitter ("between [North Korea] and
        Russia") runs on to the end of the real sentence."""
        if i >= len(u.toks):
            return []
        end = u.toks[j - 1].end if j > i else u.toks[i].end
        if j >= len(u.toks) and not u.text.rstrip().endswith((".", "!", "?", "”", '"')):
            stop = self.art.raw_text.find(".", u.end)
            end = stop if stop != -1 and stop - u.end < 200 else u.end
        got = [p for p in sentence_parties(self.art, u.toks[i].start, end) if p.kind != "place" or p.type in ("GPE",)]
        return _uniq(p.actor for p in got if p.actor)

    def self_targets(self, agents: Sequence[str], targets: Sequence[str]) -> list[str]:
        """Targets less the agents' own side: their country, or an organisation named in their titles."""
        roles = (
            " ".join(r for a in self.art.actors if a.id in agents for r in (a.roles or ()))
            .lower()
            .replace("’", "")
            .replace("'", "")
        )
        out: list[str] = []
        for x in targets:
            if any(same_side(a, x) for a in agents):
                continue
            actor = next((a for a in self.art.actors if a.id == x), None)
            names = [actor.name, *actor.aliases] if actor is not None else []
            if roles and any(len(n) > 3 and n.lower().replace("’", "").replace("'", "") in roles for n in names):
                continue
            out.append(x)
        return out

    # -- reading --------------------------------------------------------------

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for u in self.units:
            out.extend(c for c in self.read_unit(u) if not c.absorbed)
        return out

    def passive(self, u: Unit, t: Trigger) -> bool:
        k = t.i - 1
        while k >= 0 and u.toks[k].low.endswith("ly"):
            k -= 1
        return (
            t.cue.pos == "verb"
            and k >= 0
            and u.toks[k].low in ("been", "was", "were", "is", "are", "be", "being")
            and u.toks[t.i].low.endswith(("ed", "en", "t"))
        )

    def possessor(self, u: Unit, t: Trigger) -> list[str]:
        """ "Russia's invasion", "its military actions", "Kim's declared support": who owns the noun."""
        k = t.i - 1
        steps = 0
        while k >= 0 and steps < 4:
            tok = u.toks[k]
            if (
                tok.low in OPEN_Q
                or tok.low in CLOSE_Q
                or (tok.low.isalpha() and tok.text.islower() and tok.low not in PRONOUNS and tok.low not in STOPWORDS)
            ):
                k -= 1
                steps += 1
                continue
            if tok.low in ("its", "his", "her", "their", "our", "my"):
                a = self.resolve(u, tok, k)
                return [a] if a else []
            if tok.low.endswith(("'s", "s'")):
                got = self.party_at(u, max(0, k - 5), k + 1)
                return [got[-1][1]] if got else []
            break
        return []

    def read_unit(self, u: Unit, keep_all: bool = False) -> list[Candidate]:
        """Candidates of one sentence; ``keep_all`` keeps speech acts and those with no actor."""
        trigs = self.triggers(u)
        subj = self.party_at(u, 0, min(len(u.toks), 8))
        first = subj[0][1] if subj else None
        self.subjects.append((u.start, first, self.actor_type(first)))
        if not trigs:
            return []
        cands = [Candidate(t.cue.type, t, u, speech=t.cue.type == SPEECH) for t in trigs]
        # The main clause's subject: actors before the first boundary (for cues with no subject of their own).
        first_b = next((k for k, x in enumerate(u.toks) if x.low in STRONG_BOUNDARY and k > 0), len(u.toks))
        main_end = min(first_b, trigs[0].i) if trigs[0].i > 0 else first_b
        main_subject = sentence_subject(u.toks, self.party_at(u, 0, main_end), main_end)
        dates = self.date_tokens(u)
        prev_verb: Candidate | None = None
        for n, c in enumerate(cands):
            t = c.trigger
            floor = cands[n - 1].trigger.j if n > 0 else 0
            ceil = cands[n + 1].trigger.i if n + 1 < len(cands) else len(u.toks)
            verb = t.cue.pos != "noun"
            coordinated = verb and t.i > 0 and u.toks[t.i - 1].low in COORD and prev_verb is not None
            ws = self.window_start(u, t.i, floor)
            if verb:
                # A verb's subject sits after the last comma before it ("As reported by X, Kim announced").
                ws = max([ws, *(k + 1 for k in range(ws, t.i) if u.toks[k].low == ",")])
            # Parties only where the trigger's own phrase puts them (newsprism.event_parties); a
            # verb's reading sees past commas, to an apposition's subject ("Vesnia, which ..., seized").
            before = self.party_at(u, 0 if verb else ws, t.i)
            if verb:
                agents = verb_agents(u.toks, before, t.i, dates)
            else:
                agents = self.possessor(u, t) or self.place_free(u, t, noun_modifier(u.toks, before, t.i)) or self.light_verb_subject(u, t, floor, dates)
            passive = self.passive(u, t)
            by_agent = self.by_agent(u, t)
            ce = self.clause_end(u, t.j, ceil, comma=verb)
            found_after = self.party_at(u, t.j, max(ce, min(t.j + 1, ceil)))
            # "of" names the one acted on only when the noun has its actor already ("its invasion of
            # Kalor"): "the condemnation of Kalor", "ruled out an invasion of Kalor" name no target.
            patient_of = t.cue.type in PATIENT_OF and t.cue.base not in OF_NOT_PATIENT and bool(agents or by_agent)
            after = verb_targets(u.toks, found_after, t.j) if verb else noun_targets(u.toks, found_after, t.j, patient_of)
            if passive:
                after, agents = agents + after, by_agent
            elif by_agent:
                agents = by_agent
            if t.cue.inverse:
                agents, after = self.inverse(u, t, ce, agents, after)
            if coordinated and prev_verb is not None and not self.own_clause(u, before, agents, prev_verb.trigger.j, passive or bool(by_agent)):
                agents = list(prev_verb.agents)  # "criticized ... and supported": one subject
            negated = any(x.low in NEGATION for x in u.toks[max(0, t.i - 2) : t.i])
            c.irrealis = self.irrealis(u, t) or ("negated" if negated else "")
            if c.irrealis:
                c.absorbed = True  # "have not commented", "would strike", "plans to visit": nothing happened
            if not agents and verb and not passive and not t.cue.inverse and t.i <= 1:
                # A sentence-initial participle ("Hosting X, Kim ...") has the main clause's subject.
                comma = next((k for k in range(t.j, len(u.toks)) if u.toks[k].low == ","), None)
                if comma is not None:
                    main = self.party_at(u, comma + 1, min(len(u.toks), comma + 6))
                    agents = [main[0][1]] if main else []
            nonfinite = u.toks[t.i].low.endswith("ing") or (t.i > 0 and u.toks[t.i - 1].low in NONFINITE_BEFORE)
            if not agents and verb and nonfinite and not passive and not t.cue.inverse and not self.own_subject(u, ws, t.i):
                # "... pose for a photo after signing", "went to Moscow to sign": a verb with no
                # subject of its own has the main clause's; a finite one ("has praised") never borrows it.
                agents = list(main_subject)
            speaker_side = self.speaker_side(u, cands, t)
            c.agents = _uniq(a for a in agents if a not in speaker_side)
            c.targets = _uniq(a for a in after if a not in c.agents and a not in speaker_side)
            c.place = self.place(u, t.j)
            if verb:
                prev_verb = c
        self.speech(u, cands)
        self.assign_dates(u, cands)
        self.finish(u, cands)
        if keep_all:
            return cands
        # A cue with no party of its own stays when another cue of its type in the sentence has
        # some: the two are one event ("signing the Treaty ... on Wednesday"), and it may hold the date.
        partied = {c.type for c in cands if c.agents or c.targets}
        return [c for c in cands if c.type != SPEECH and (c.agents or c.targets or c.type in partied)]

    def speaker_side(self, u: Unit, cands: list[Candidate], t: Trigger) -> set[str]:
        """The actors named only before a speech cue that precedes the trigger in its sentence: the
        one who reports and whom it is told to ("Estrosi told BFM TV that the driver fired on the
        crowd", "The AP quoted Wassim Bouhlel as saying that the driver started shooting"). What
        was said happened between others: they are no party of it."""
        cue = next((c.trigger for c in cands if c.speech and c.trigger.j <= t.i), None)
        if cue is None:
            return set()
        between = [x.low for x in u.toks[cue.j : t.i]]
        if not between or between[0] == "to" or (not any(w in ("that", "“", '"', "saying") for w in between) and not self.party_at(u, cue.j, t.i)):
            # "vowed to destroy", "pledged to send": the one who vows acts; only a reported clause
            # with its own subject or "that" is what was said
            return set()
        before = {a for _, a in self.party_at(u, 0, cue.j)}
        return before - {a for _, a in self.party_at(u, cue.j, len(u.toks))}

    @staticmethod
    def own_clause(u: Unit, before: list[tuple[int, str]], agents: list[str], floor: int, passive: bool) -> bool:
        """Whether a verb after a comma has a subject of its own that opens a new clause ("Jindal
        signed ..., while Huckabee, the former governor, proposed"), so it borrows no subject
        from the verb before; the object of that verb ("met Lena Marr, the former governor,
        praised ...") opens none."""
        if passive or not agents:
            return False
        ks = [k for k, a in before if a in agents and k >= floor]
        return bool(ks) and min(ks) > 0 and u.toks[min(ks) - 1].low in CLAUSE_OPENERS

    def date_tokens(self, u: Unit) -> frozenset[int]:
        """Indices of the sentence's tokens inside a temporal expression."""
        spans = [(d.span.start, d.span.end) for d in self.art.dates if u.start <= d.span.start < u.end]
        return frozenset(n for n, x in enumerate(u.toks) if any(a <= x.start < b for a, b in spans))

    def light_verb_subject(self, u: Unit, t: Trigger, floor: int, dates: frozenset[int]) -> list[str]:
        """A noun after a light verb ("held talks", "launched an attack", "expressed support"):
        the verb's subject is the noun's agent."""
        k = t.i - 1
        while k > floor and (u.toks[k].low in DETERMINERS or (u.toks[k].text.islower() and u.toks[k].low.isalpha() and u.toks[k].low not in LIGHT_VERBS and k > t.i - 4)):
            k -= 1
        if k < floor or u.toks[k].low not in LIGHT_VERBS:
            return []
        ws = max([self.window_start(u, k, floor), *(m + 1 for m in range(floor, k) if u.toks[m].low == ",")])
        return verb_agents(u.toks, self.party_at(u, ws, k), k, dates)

    def by_agent(self, u: Unit, t: Trigger) -> list[str]:
        """The actor after "by" within a few words of the cue (a passive's agent), or after "from"
        for a noun ("criticism from Democrats", "support from Moscow": they act)."""
        marks = ("by", "from") if t.cue.pos == "noun" else ("by",)
        for k in range(t.j, min(t.j + 5, len(u.toks))):
            if u.toks[k].low in marks:
                nxt = next((x for x in u.toks[k + 1 : k + 3] if not x.low.endswith("ly")), None)
                if nxt is not None and nxt.low.endswith("ing") and nxt.text[:1].islower():
                    return []  # "rebuked Trump by publicly expressing sympathy": the means, no agent
                # the by-phrase only: "murdered by his own people after Germany fell" names no agent
                end = next((x for x in range(k + 1, min(k + 8, len(u.toks))) if u.toks[x].low in BY_PHRASE_ENDS), min(k + 8, len(u.toks)))
                by = self.party_at(u, k + 1, end)
                return [by[0][1]] if by else []
        return []

    def inverse(self, u: Unit, t: Trigger, ce: int, agents: list[str], after: list[str]) -> tuple[list[str], list[str]]:
        """An inverse cue ("received shells from X"): the one after "from" acts on the subject."""
        k_from = [k for k in range(t.j, ce) if u.toks[k].low == "from"]
        if k_from:
            frm = [a for _, a in self.party_at(u, k_from[0] + 1, ce)]
            if frm:
                return frm[:1], agents
        # No giver named: the subject is the one acted on ("the RNC received $1 million"), never the actor.
        return [], agents + after

    def finish(self, u: Unit, cands: list[Candidate]) -> None:
        """Modes, happenings named in passing, symmetric types, and cues that happen together."""
        for c in cands:
            c.mode = self.mode(u, c.type)
            t = c.trigger
            if (
                c.type in self.lex.ref_types
                and t.cue.pos == "noun"
                and not c.date.known
                and t.i > 0
                and u.toks[t.i - 1].low in self.lex.ref_determiners
                and not any(o.type == c.type and o.trigger.cue.pos != "noun" for o in cands)
            ):
                # A happening named in passing: its parties are those its name gives.
                c.ref = (t.i, self.name_end(u, t))
                named = self.named_parties(u, t.j, c.ref[1])
                if named:
                    c.agents, c.targets = named, []
            if c.agents and c.targets:
                c.targets = self.self_targets(c.agents, c.targets)
            if c.type in SYMMETRIC_DEFAULT or c.trigger.cue.symmetric:
                c.agents = _uniq([*c.agents, *c.targets])
                c.targets = []
        # "expressed support ... as he held summit talks": the two happen together.
        for n, c in enumerate(cands):
            k = c.trigger.i
            if n and any(x.low in SIMULTANEOUS for x in u.toks[max(0, k - 3) : k]):
                for o in cands[: n + 1]:  # the main clause's cues and this one
                    o.sim = 0
        for c in cands:
            if c.sim >= 0:
                c.sim = cands[c.sim].trigger.i

    def place_free(self, u: Unit, t: Trigger, agents: list[str]) -> list[str]:
        """A noun's modifier that is a place named by its name tells where, not who, of a violent
        act or a gathering ("the California shootings", "the Paris protests"); a people ("a
        Russian strike") or an organisation ("the Hamas attack") acts."""
        if t.cue.type not in WHERE_NOUN_TYPES or not agents:
            return agents
        places = {p.actor for p in self.parties(u) if p.type in ("GPE", "LOC", "FAC") and p.kind in ("name", "place", "short") and p.end <= u.toks[t.i].start}
        return [a for a in agents if a not in places]

    def irrealis(self, u: Unit, t: Trigger) -> str | None:
        """Why the cue reports no happening (a modal, an infinitive, a condition, a prospect, a
        negation), or None when the text asserts it (plover.json ``realis``); a noun naming a
        standing relationship or a stance held is a state (:data:`STATE`) only when nothing else
        makes it unreal, so a speaker's "had no opposition" never types the report as REJECT."""
        why = self._unreal(u, t)
        if why is None and t.cue.pos == "noun" and t.cue.base in self.lex.realis.state_nouns and not self._granted(u, t):
            return f"{STATE}, not a happening: {t.cue.base!r}"
        return why

    @staticmethod
    def _granted(u: Unit, t: Trigger) -> bool:
        """A stance given, offered or declared ("gave its backing to", "voiced its support"): the
        act of giving it happened."""
        return any(x.low in STATE_GIVEN for x in u.toks[max(0, t.i - 3) : t.i])

    def _unreal(self, u: Unit, t: Trigger) -> str | None:
        r, toks = self.lex.realis, u.toks
        low = [x.low for x in toks[max(0, t.i - 12) : t.i]]
        noun_use = t.cue.pos == "noun" or (len(low) >= 2 and low[-2] in NOUN_BEFORE)  # "a possible attack"
        why = self._prospect(low, noun_use)
        if why is not None:
            return why
        # A noun cue right after a modal or "to" is used as a verb ("will help", "to help").
        as_verb = t.cue.pos != "noun" or (bool(low) and (low[-1] in r.modals or low[-1] == "to"))
        if as_verb and t.cue.type not in STANCE_TYPES and u.role not in ("title", "caption") and self._simple_present(toks[t.i].low, t.cue.base) and self._after_subject(toks, t.i):
            # "ISIS murders gays regularly", "any company that asks": the simple present of a news
            # body tells what is usual or generic, not what happened (headlines and captions tell
            # past happenings in it: "Kim meets with Putin, April 25, 2019"). Statements are exempt:
            # "Cruz accuses Obama of ...", "Sanders calls for reform" report a stance held now.
            return f"generic or habitual: the simple present {toks[t.i].text!r}"
        wished = self._wished(toks, t, low)
        if wished is not None:
            return wished
        nxt = toks[t.j].low if t.j < len(toks) else ""
        after_nxt = toks[t.j + 1].low if t.j + 1 < len(toks) else ""
        if as_verb and nxt in ("no", "nothing", "none") and after_nxt not in ("fewer", "less", "more", "later", "longer", "sooner", "doubt"):
            return f"negated: {nxt!r} after it"  # "has offered no real plans"
        for skipped, w in enumerate(reversed(low) if as_verb else ()):
            if w in r.hedges:
                return f"hedged: {w!r}"  # "has likely offered": claimed, not asserted
            if w in r.modals and not (w == "may" and toks[t.i - 1 - skipped].text == "May"):
                return f"after {w!r}"
            if w == "to":
                k = len(low) - 2 - skipped
                infinitive = toks[t.i].low == t.cue.base.split()[0]
                if infinitive and (k < 0 or low[k] not in r.actual_before_to):
                    return f"an infinitive after {low[k] + ' ' if k >= 0 else ''}'to'"
                break
            if skipped >= 2 or not (w in r.between or (w.endswith("ly") and w.isalpha())):
                break
        coordinated, after = False, ""
        for k, w in enumerate(reversed(low)):
            if w in r.conditionals:
                return f"in a clause opened by {w!r}"
            if w in r.generic and k < 6:
                return f"generic or habitual: {w!r}"
            # "did not offer specific criticisms"; not "did not retreat and attacked", "not only".
            # "no", "none", "nobody" negate only as the verb's subject ("nobody asked"), not inside
            # another phrase ("a suspect with no known ties ... attacked").
            subject_no = w in ("nobody", "no", "none") and (k == 0 or after in AUX_WORDS)
            if (w in ("not", "n't", "never", "neither", "nor", "cannot") or w.endswith("n't") or subject_no) and k < 5 and not coordinated and after != "only":
                return f"negated: {w!r}"
            if w in (",", ";", ":", "--", "—") or w in STRONG_BOUNDARY:
                break
            coordinated = coordinated or w in ("and", "or", "but")
            after = w
        return None

    def _wished(self, toks: Sequence[Token], t: Trigger, low: list[str]) -> str | None:
        """A gerund weighed ("the party is considering filing an appeal") or a participle wished
        for someone ("wants Trump banned from the country"): plover.json ``realis.deliberating``
        and ``realis.wishing``."""
        r, word = self.lex.realis, toks[t.i].low
        if low and low[-1] in r.deliberating and toks[t.i].text[:1].islower() and _gerund(word):
            return f"a prospect: {low[-1]!r} before it"
        for k in range(max(0, len(low) - 4), len(low) - 1):
            if low[k] in r.deliberating and _gerund(low[k + 1]) and not any(w in (",", ";", "and", "but") for w in low[k:]):
                return f"a prospect: {low[k]!r} {low[k + 1]!r} before it"  # "is considering filing an appeal"
        if word.endswith(("ed", "en")) or word in ("sent", "held", "kept", "put", "shot", "hit"):
            k = len(low) - 1
            while k >= 0 and k >= len(low) - 3 and (toks[t.i - (len(low) - k)].text[:1].isupper() or low[k] in ("him", "her", "them", "it", "us", "me")):
                k -= 1
            if k < len(low) - 1 and k >= 0 and low[k] in r.wishing:
                return f"a wish: {low[k]!r} before it"
        return None

    def _prospect(self, low: list[str], noun_use: bool) -> str | None:
        """A noun cue that names a prospect, not a happening: after a prospect adjective ("a
        possible attack", "the proposed temporary ban": modifiers between it and the noun are
        skipped, up to two) or a prospect head ("the need for more intense bombing", "the
        notion of admitting", "calls for a ban"; plover.json ``realis.prospect_heads``). Not
        "has likely offered", "Putin next met": a word that is also an adverb ("likely", "next",
        "any") makes a prospect only of a cue used as a noun."""
        r = self.lex.realis
        k, skipped = len(low) - 1, 0
        while k >= 0 and skipped <= 2 and low[k] not in r.prospect_adjectives and low[k].isalpha() and low[k] not in PROSPECT_STOPS:
            k, skipped = k - 1, skipped + 1
        if k >= 0 and low[k] in r.prospect_adjectives and (noun_use or low[k] not in ADVERB_PROSPECTS):
            return f"a prospect: {low[k]!r}"
        if k >= 1 and f"{low[k - 1]} {low[k]}" in r.prospect_heads:  # a noun or a gerund after it
            return f"a prospect: {low[k - 1]} {low[k]!r}"
        return None

    @staticmethod
    def _after_subject(toks: Sequence[Token], i: int) -> bool:
        """Whether the word at ``i`` follows a subject (a name, a pronoun, "who"/"that"), over
        adverbs: a verb. After a determiner, a verb or a preposition it is a plural noun ("launched
        attacks", "returned to talks")."""
        k = i - 1
        while k >= 0 and toks[k].low.endswith("ly") and toks[k].low.isalpha():
            k -= 1
        return k >= 0 and (toks[k].text[:1].isupper() or toks[k].low in ("he", "she", "it", "they", "who", "that", "which"))

    @staticmethod
    def _simple_present(word: str, base: str) -> bool:
        """Whether ``word`` is the third-person simple present of the cue's verb ("murders", "asks",
        "carries"), not its base, past or participle."""
        head = base.split()[0] if base else ""
        return bool(head) and word != head and word in (head + "s", head + "es", head[:-1] + "ies" if head.endswith("y") else "")

    def place(self, u: Unit, after: int) -> str | None:
        for p in self.parties(u):
            k = self.tok_index(u, p.start)
            if (
                k >= after - 1
                and k > 0
                and u.toks[k - 1].low in ("in", "at", "near")
                and (p.kind == "place" or p.type in ("GPE", "LOC", "FAC"))
            ):
                return self.art.raw_text[p.start : p.end]
        return None

    def content_of(self, u: Unit, cands: list[Candidate], c: Candidate) -> tuple[int, int]:
        """What a speech act reports: the quotation before it, else its clause after it."""
        t = c.trigger
        q = _quote_before(u, t.i)
        if q is not None:
            return q
        if t.cue.pos == "noun" and not (t.j < len(u.toks) and u.toks[t.j].low in ("that", ":", "“", '"')):
            return (t.j, t.j)  # "Kim's declaration comes amid ...": the noun reports nothing here
        end = len(u.toks)
        for o in cands:
            if o.trigger.i >= t.j and o.type == SPEECH:
                end = min(end, o.trigger.i)
        for k in range(t.j, end):
            low = u.toks[k].low
            if low in (";", "as", "while", "because", "but", "although") or (
                low == "and" and any(o.trigger.i == k + 1 and o.trigger.cue.pos != "noun" for o in cands)
            ):
                end = k
                break
        return (t.j, end)

    def speech(self, u: Unit, cands: list[Candidate]) -> None:
        """Type speech acts by what they report; verbal cues inside a report are the speaker's."""
        for c in cands:
            if c.type != SPEECH:
                continue
            t = c.trigger
            content = self.content_of(u, cands, c)
            if _quote_before(u, t.i) is not None:
                sp = [a for _, a in self.party_at(u, t.j, min(len(u.toks), t.j + 8))]
                between = [a for _, a in self.party_at(u, content[1], t.i)]
                c.agents = (between or sp or c.agents)[:1]
            c.content = content
            inner = [o for o in cands if o is not c and o.type != SPEECH and content[0] <= o.trigger.i < content[1]]
            for o in inner:
                if o.agents == c.agents and o.trigger.cue.pos == "noun" and not self.possessor(u, o.trigger):
                    o.agents = []  # inherited from the speech verb, not said of anyone in the report
            # What the report says did not happen ("would not condemn", "would supply") types no
            # speech act as the act itself; an announced own act is the announcement (below).
            # A stance reported as held ("would maintain its support") is what the speaker states.
            verbal = [o for o in inner if o.type in VERBAL and (not o.irrealis or o.irrealis.startswith(STATE))]
            material = [o for o in inner if o.type not in VERBAL]
            # A gift, or a partnership or withdrawal the speaker's own side takes part in, accuses
            # no one; hostile acts, military aid, and others' dealings reported are allegations.
            modes = {o.type: self.mode(u, o.type) for o in material}
            alleged = [
                o
                for o in material
                # an allegation reports a claim, or a standing relationship ("Russia's cooperation
                # with North Korea will continue to expand": no happening, but what is alleged)
                if (not o.irrealis or o.irrealis.startswith(("hedged", STATE)))
                and modes[o.type] not in UNALLEGED_MODES
                and (
                    o.type not in UNALLEGED
                    or modes[o.type] == "military"
                    or not any(same_side(a, s) for a in (*o.agents, *o.targets) for s in c.agents)
                )
            ]
            if self._introduces(u, t):
                self.statement_speaker = c.agents[0] if c.agents else None
            if verbal:
                c.type = verbal[0].type
                c.said = _trigger_text(u, verbal[0].trigger)
                for o in verbal:
                    o.absorbed = True
                c.targets = [
                    a
                    for a in _uniq([*c.targets, *(a for o in verbal for a in [*o.agents, *o.targets])])
                    if a not in c.agents
                ]
            elif (
                alleged
                and c.agents
                and any(o.agents and not any(same_side(a, s) for a in o.agents for s in c.agents) for o in alleged)
            ):
                c.type = "ACCUSE"  # an allegation: the speaker reports another actor's act
                c.said = _trigger_text(u, alleged[0].trigger)
                c.targets = _uniq(a for o in alleged for a in o.agents if not any(same_side(a, s) for s in c.agents))
            elif (
                alleged
                and c.agents
                and any(not o.agents and self.passive(u, o.trigger) for o in alleged)
                and t.cue.base not in self.lex.strong_speech
            ):
                c.type = "ACCUSE"  # "millions of rounds have been delivered": reported of someone else
                c.said = _trigger_text(u, alleged[0].trigger)
                c.targets = _uniq(a for o in alleged for a in o.targets)
            elif c.agents and (
                promised := [
                    o
                    for o in material
                    if o.irrealis.startswith(("after ", "an infinitive"))  # "would supply", "to send": a plan, not a prospect
                    and o.agents
                    and all(any(same_side(a, s) for s in c.agents) for a in o.agents)
                ]
            ):
                # "made public that it would supply tanks": the announcement happened, the supply not yet.
                c.type = promised[0].type
                c.said = _trigger_text(u, promised[0].trigger)
                c.targets = _uniq(a for o in promised for a in o.targets if a not in c.agents)
            elif not inner and self._introduces(u, t):
                typ = self.statement_type(c)
                if typ:
                    c.type = typ
            c.speech = True

    def _introduces(self, u: Unit, t: Trigger) -> bool:
        """ "The following statement was issued by ...": the content comes after this sentence."""
        return any(x.low == "following" for x in u.toks[max(0, t.i - 3) : t.i])

    def statement_type(self, c: Candidate) -> str | None:
        """The type of a statement whose words are elsewhere: its quotes, else the headline."""
        texts: list[str] = []
        for q in getattr(self.art, "quotes", []) or []:
            if q.speaker and q.speaker in c.agents:
                texts.append(q.span.text)
        if self.statement is not None and self.statement[0] >= c.unit.end - 1:
            texts.append(self.art.raw_text[self.statement[0] : self.statement[1]])
        for text in texts:
            votes = Counter(t.cue.type for t in find_cues(tokens(text), self.lex) if t.cue.type in VERBAL)
            if votes:
                return votes.most_common(1)[0][0]
        title = next((u for u in self.units if u.role == "title"), None)
        if title is not None:
            for t in find_cues(title.toks, self.lex):
                if t.cue.type in VERBAL:
                    return t.cue.type
        return None

    def assign_dates(self, u: Unit, cands: list[Candidate]) -> None:
        """Each temporal expression of the sentence dates the nearest cue (crossing a comma costs)."""
        mine = [
            d
            for d in self.dates
            if d.span.start >= u.start and d.span.end <= u.end and d.type in ("DATE", "TIME", None)
        ]
        frame: DateRange | None = None
        best: dict[int, tuple[int, DateRange]] = {}
        for d in mine:
            k = self.tok_index(u, d.span.start)
            e = self.tok_index(u, d.span.end - 1)
            since = k > 0 and u.toks[k - 1].low in ("since", "from")
            value = self.event_date(u, d, since)
            if _year_modifier(u, d, k, e):
                # "the 1998 Ports Act", "the 2016 election": the year dates the thing it names,
                # which is an event here only when that noun is a cue ("the 2018 summit").
                named = [n for n in range(len(cands)) if e < cands[n].trigger.i <= e + 3]
                if named and (named[0] not in best or best[named[0]][0] > 0):
                    best[named[0]] = (0, value)
                continue
            if k <= 1 and e + 1 < len(u.toks) and u.toks[e + 1].low == "," and all(c.trigger.i > e for c in cands):
                frame = value  # "Last week, ...": the whole sentence happens then
                continue

            def dist(c: Candidate, k: int = k, e: int = e) -> int:
                t = c.trigger
                lo, hi = (e + 1, t.i) if t.i > e else (t.j, k)
                cost = max(0, hi - lo)
                cost += 4 * sum(1 for x in u.toks[lo:hi] if x.low in (",", ";", "that", "which", "who"))
                return cost

            ok = [n for n in range(len(cands)) if not since or self.perfect(u, cands[n].trigger)]
            if not ok:
                continue
            n = min(ok, key=lambda x: (dist(cands[x]), cands[x].trigger.i > k))
            if n not in best or dist(cands[n]) < best[n][0]:
                best[n] = (dist(cands[n]), value)
        for n, (_, v) in best.items():
            cands[n].date = v
        prev: Candidate | None = None
        for c in cands:
            if (
                not c.date.known
                and prev is not None
                and c.trigger.i > 0
                and u.toks[c.trigger.i - 1].low in COORD
                and c.trigger.cue.pos != "noun"
            ):
                c.date = prev.date
            if c.trigger.cue.pos != "noun":
                prev = c
        if frame is not None:
            for c in cands:
                if not c.date.known:
                    c.date = frame
        # "told journalists on Tuesday that ...; he estimates that ...": one utterance, one date.
        said: DateRange | None = None
        for c in cands:
            if c.speech and c.date.known:
                said = c.date
            elif c.speech and said is not None:
                c.date = said
        # What a dated speech act reports in the past happened on or before it.
        for c in cands:
            if c.speech and c.date.known and c.content and c.date.latest:
                for o in cands:
                    if o is not c and not o.date.known and c.content[0] <= o.trigger.i < c.content[1]:
                        o.date = DateRange(
                            None,
                            c.date.latest,
                            0.5 * c.date.confidence,
                            f"reported on {c.date.latest} by the statement that tells of it",
                        )
        # Inside a reproduced statement, relative words speak from the statement's date.
        anchor = self.statement_anchor(u)
        if anchor is not None:
            for c in cands:
                if not c.date.known:
                    c.date = self.relative_to(u, c, anchor)

    def perfect(self, u: Unit, t: Trigger) -> bool:
        """A verb in the perfect ("has sent", "have been delivered"): what "since X" can date."""
        return t.cue.pos != "noun" and any(x.low in ("has", "have", "had") for x in u.toks[max(0, t.i - 6) : t.i])

    def event_date(self, u: Unit, d: DateMention, since: bool) -> DateRange:
        """A date mention as an event's date: "since X" dates the onset, X itself."""
        if since:
            onset = _onset(d.span.text, self.art.published)
            if onset is not None:
                return onset
        return d.value

    def statement_anchor(self, u: Unit) -> date | None:
        if self.statement is not None:
            s, e, when = self.statement
            if s <= u.start < e and when is not None:
                return when
        for q in getattr(self.art, "quotes", []) or []:
            if q.span.start <= u.start < q.span.end and q.date.earliest and q.date.earliest == q.date.latest:
                return date.fromisoformat(q.date.earliest)
        return None

    def relative_to(self, u: Unit, c: Candidate, anchor: date) -> DateRange:
        from newsprism.timex import find_timexes

        for t in find_timexes(u.text, anchor):
            if t.type in ("DATE", "TIME") and (t.earliest or t.latest):
                return DateRange(
                    t.earliest.isoformat() if t.earliest else None,
                    t.latest.isoformat() if t.latest else None,
                    t.confidence * 0.8,
                    f"{t.evidence} (inside a statement of {anchor})",
                )
        return c.date

    def mode(self, u: Unit, typ: str) -> str | None:
        groups = self.lex.modes.get(typ)
        if not groups:
            return None
        words = {t.low for t in u.toks}
        text = u.text.lower()
        for mode, ws in groups.items():
            if words & ws or any(" " in w and w in text for w in ws):
                return mode
        return None


def _uniq(xs: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out



def _quote_before(u: Unit, i: int) -> tuple[int, int] | None:
    """Token range of a quotation that ends just before token ``i`` ("…," the embassy said)."""
    k = i - 1
    # allow the speaker between the closing quote and the cue: ”, the Russian Embassy said
    steps = 0
    while k >= 0 and u.toks[k].low not in CLOSE_Q and steps < 10:
        if u.toks[k].low in OPEN_Q and u.toks[k].text == "“":
            return None
        k -= 1
        steps += 1
    if k < 0 or u.toks[k].low not in CLOSE_Q:
        return None
    end = k
    k -= 1
    while k >= 0 and u.toks[k].low not in OPEN_Q:
        k -= 1
    if k < 0:
        return None
    return (k + 1, end)



# A bare year or span of years ("1998", "1950-53") and the words that make it a modifier before a noun.
YEAR_ONLY = re.compile(r"^(?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?$")

def _year_modifier(u: Unit, d: DateMention, k: int, e: int) -> bool:
    """Whether the date mention is a year before a noun ("the 1998 Ports Act"), not a time of the clause."""
    if not YEAR_ONLY.match(d.span.text.strip()) or k == 0 or e + 1 >= len(u.toks):
        return False
    before, after = u.toks[k - 1], u.toks[e + 1]
    determined = before.low in ATTRIBUTIVE_BEFORE or before.low == "whose" or before.low in ("'s", "’s") or before.low.endswith(("'s", "’s"))
    return determined and after.text[:1].isalpha() and after.low not in ("and", "or", "to", "through", "until")


def _onset(text: str, published: DateRange) -> DateRange | None:
    """The interval ``text`` names by itself ("August last year"), resolved like the timex stage."""
    from newsprism.timex import find_timexes

    anchors = [date.fromisoformat(x) for x in (published.earliest, published.latest) if x]
    if not anchors:
        return None
    lo: date | None = None
    hi: date | None = None
    ev = ""
    for a in anchors:
        for t in find_timexes(text, a)[:1]:
            if t.earliest and t.latest:
                lo = t.earliest if lo is None else min(lo, t.earliest)
                hi = t.latest if hi is None else max(hi, t.latest)
                ev = t.evidence
    if lo is None or hi is None:
        return None
    return DateRange(lo.isoformat(), hi.isoformat(), 0.7, f"onset: 'since {text}' ({ev})")


def _and(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}" if names else ""


def _summary(article: Article, c: Candidate, names: dict[str, str], index: MentionIndex) -> str:
    """One line a person can read, from the trigger's own words: "Kim Jong Un and Vladimir Putin
    held summit talks in Pyongyang", "North Korea criticized the United States"; a speech act typed
    by what it reports says both ("Shin Won-sik estimates: delivered — Russia"); an unnamed actor
    is said to be unnamed, never guessed."""
    t = _trigger_span(article, c)
    clause = _clause_words(article, c, t, index)
    if clause is not None:
        return clause
    who = _and([names.get(a, a) for a in c.agents]) or "(unnamed)"
    whom = _and([names.get(a, a) for a in c.targets])
    cue = " ".join(t.text.split())
    if c.ref is None and c.said and c.said != cue:
        # A reporting verb is no event by itself: say what it reports.
        return f"{who} {cue}: {c.said}" + (f" — {whom}" if whom else "")
    if c.trigger.cue.inverse:
        # "Russia received weapons from China": the one acted on first, the giver after "from".
        line = f"{whom or '(unnamed)'} {cue}" + (f" from {who}" if c.agents else "")
    else:
        line = f"{who} {cue}" + (f" {whom}" if whom else "")
    if c.place and c.place not in line:
        line += f" in {c.place}"
    return line


SUMMARY_MAX_WORDS = 16  # a clause longer than this is summarised from the names instead


def _clause_words(article: Article, c: Candidate, t: Span, index: MentionIndex) -> str | None:
    """The article's own words from the nearest participant named before the trigger to the last
    one named after it ("North Korea has sent some 6,700 containers ... to Russia"), when they are
    short and the sentence names an actor on each side that needs one; else None."""
    if c.ref is not None or (c.said and c.speech):
        return None
    parties = set(c.agents) | set(c.targets)
    if not c.agents:
        return None
    ms = [m for m in index.starting(c.unit.start, c.unit.end) if m.span.end <= c.unit.end and m.actor in parties]
    before = [m for m in ms if m.span.end <= t.start and m.actor in c.agents]
    after = [m for m in ms if m.span.start >= t.end and len(article.raw_text[t.end : m.span.end].split()) <= 15]
    if not before or (c.targets and not after) or len(article.raw_text[before[-1].span.end : t.start].split()) > 6:
        return None
    start, end = before[-1].span.start, max([t.end, *(m.span.end for m in after)])
    words = article.raw_text[start:end].split()
    if len(words) > SUMMARY_MAX_WORDS or "\n" in article.raw_text[start:end].strip():
        return None
    line = " ".join(words)
    if c.place and c.place not in line:
        line += f" (in {c.place})"
    return line


def _trigger_span(article: Article, c: Candidate) -> Span:
    """The words of the sentence that name the happening: the cue ("signed", "summit"), or the
    name a backward reference gives it ("the treaty on maritime cooperation")."""
    i, j = c.ref if c.ref is not None else (c.trigger.i, c.trigger.j)
    toks = c.unit.toks
    return Span.of(article.raw_text, toks[i].start, toks[max(i, j - 1)].end)


def extract_events(article: Article) -> list[Event]:
    """The events of one article, one per cue (before any merging)."""
    from newsprism.actorkb import actor_kb

    reader = EventReader(article)
    index = MentionIndex(article)  # the sentence's mentions for each summary, without rescanning the page
    names = {a.id: a.name for a in article.actors}
    people = {a.id for a in article.actors if a.type == "PERSON"}
    kb = actor_kb()
    out: list[Event] = []
    # One event of a type per sentence: "signing the treaty" is one signing.
    firsts: dict[tuple[int, str], Candidate] = {}
    order: list[Candidate] = []
    for c in reader.read():
        if c.type not in PLOVER_TYPES:
            continue
        key = (c.unit.start, c.type)
        base = firsts.get(key)
        if base is None:
            firsts[key] = c
            order.append(c)
            continue
        if not base.date.known and c.date.known:
            base.date = c.date
        base.agents = _uniq([*base.agents, *c.agents])
        base.targets = [a for a in _uniq([*base.targets, *c.targets]) if a not in base.agents]
        base.place = base.place or c.place
        base.mode = base.mode or c.mode
    for c in order:
        for a in [*c.agents, *c.targets]:
            if a not in names and a in kb.by_id:
                names[a] = kb.by_id[a].name
        ev = Event(
            id=f"{article.id}:{c.unit.start}:{c.type}"
            + (f"~{c.unit.start}.{c.sim}" if c.sim >= 0 else "")
            + (REF_MARK if c.ref is not None else ""),
            plover=c.type,
            summary=_summary(article, c, names, index),
            mode=c.mode,
            date=c.date,
            actors=list(c.agents),
            targets=list(c.targets),
            place=c.place,
            mentions=[Mention(article.id, Span.of(article.raw_text, c.unit.start, c.unit.end), trigger=_trigger_span(article, c))],
        )
        trig = ev.mentions[0].trigger
        quoted = trig is not None and any(q.span.start <= trig.start < q.span.end for q in article.quotes)
        ev.confidence = record_confidence(ev, quoted, people)
        out.append(ev)
    return out


@stage(
    "newsprism.events.v1",
    requires=["article.lines", "article.raw_text", "article.sentences", "article.mentions", "article.actors", "article.dates", "article.published", "article.quotes"],
    assigns=["article.events"],
)
def make_events() -> Callable[[Article], Article]:
    """PLOVER events of each sentence: type, actors, targets, date, place."""

    def events(article: Article) -> Article:
        article.events = extract_events(article)
        return article

    return events


def actor_remap(dossier: Dossier) -> dict[str, str]:
    """Per-article actor ids -> the merged ids of ``dossier.actors``.

    The actors corpus stage merges actors after the per-article stages ran; an id it
    retired is found again among the aliases of the actor that absorbed it (ids are
    ``<type>-<slug of a name>``).
    """
    from newsprism.actorkb import slug

    known = {a.id for a in dossier.actors}
    out: dict[str, str] = {}
    for a in dossier.actors:
        for name in (a.name, *a.aliases):
            s = slug(name)
            for prefix in ("person", "org", "gpe", "loc", "norp", "fac", "entity", "x"):
                out.setdefault(f"{prefix}-{s}", a.id)
    return {k: v for k, v in out.items() if k not in known}


def remap_event(ev: Event, remap: dict[str, str]) -> None:
    if not remap:
        return
    ev.actors = _uniq(remap.get(a, a) for a in ev.actors)
    ev.targets = [t for t in _uniq(remap.get(a, a) for a in ev.targets) if t not in ev.actors]


# The similarity two articles need to share a first story (the stories stage's default is 0.14):
# finer, since undated mentions of two articles merge only inside one. Chosen on ECB+'s odd (tune)
# topics: 0.2 and 0.25 both keep cross-story events under 5% and beat the same-lemma baseline by
# more than 5 CoNLL points there; 0.25 makes fewer wrong merges (1 of 187 against 6 of 201), and a
# wrong merge is worse than a missed one.
FIRST_STORY_THRESHOLD = 0.25


def first_stories(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> story cluster, from the articles' words, names, actors and dates alone (the
    stories stage clusters again later with the merged events as a tie): events merge only
    inside one of these, so two stories' happenings are never one event."""
    if len(articles) < 2:
        return {}
    clusters = cluster_stories([story_features(a) for a in articles], threshold=FIRST_STORY_THRESHOLD)
    return {m: f"s{k}" for k, members in enumerate(clusters) for m in members}


def _redate(article: Article) -> None:
    """Read an article's events again after the corpus moved its publication date."""
    article.events = extract_events(article)


@stage(
    "newsprism.events.corpus.v1",
    kind="corpus",
    requires=["article.events", "article.actors", "article.body", "article.title", "article.dates", "article.lines", "article.mentions", "article.published", "article.evidence.published", "article.quotes", "article.raw_text", "article.sentences", "dossier.actors"],
    assigns=["dossier.events", "article.events"],
    defaults={"same_article": SAME_ARTICLE, "cross_article": CROSS_ARTICLE},
)
def make_events_corpus(
    same_article: float = SAME_ARTICLE, cross_article: float = CROSS_ARTICLE
) -> Callable[[Dossier], Dossier]:
    """Events merged across articles into one timeline, each with every sentence that reports it."""
    cfg = MergeConfig(same_article=same_article, cross_article=cross_article)

    def events_corpus(dossier: Dossier) -> Dossier:
        for a in dossier.articles:
            if a.evidence.get("published") == "inferred across articles":
                _redate(a)
        remap = actor_remap(dossier) if dossier.actors else {}
        everything = [e for a in dossier.articles for e in a.events]
        for e in everything:
            remap_event(e, remap)
        published = {a.id: a.published.latest for a in dossier.articles if a.published.latest}
        dossier.events = merge_events(everything, cfg, published, first_stories(dossier.articles))
        return dossier

    return events_corpus


__all__ = [
    "CONFIDENCE",
    "EventReader",
    "MergeConfig",
    "Node",
    "actor_remap",
    "cluster",
    "content_words",
    "event_confidence",
    "explain_pair",
    "extract_events",
    "first_stories",
    "make_events",
    "make_events_corpus",
    "merge_events",
    "node_of",
    "pair_score",
    "stem",
]
