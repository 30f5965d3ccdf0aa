"""The stance stage: the outlet's stance toward each main actor of an article, from its own voice.

Stance is read from what the outlet says itself, never from what it quotes
(Hamborg et al. 2019, "Automated identification of media bias by word choice and
labeling in news articles": the same event named "special military operation" or
"invasion"):

* **word choices** (``data/persuasion/framing.json``): each term carries a polarity
  and a kind — an *event* term evaluates the actor doing it ("Russia's invasion of
  Ukraine" weighs on Russia, not on Ukraine, its patient), a *quality* term the
  actor it describes ("the criminality of X", "brave X"), a *label* the actor it
  stands for;
* **technique spans** in the outlet's own voice (the persuasion stage): a term the
  model also marks as persuasion counts half again; name calling without a known
  term counts as a negative label;
* **whose quotes it carries**: evaluation inside quotes counts at a fraction
  (:data:`QUOTED_WEIGHT`), more for a statement reproduced whole, which an outlet
  adopts by running it without comment.

Each piece of evidence goes to the actors of its sentence: the possessor or
subject of an event term, the noun a quality term qualifies, the nearest actor of
a label, then every other actor of the sentence at a low weight (supporting an
invasion is itself judged). Pronouns are resolved by the actors stage
(``resolve_pronoun``). An actor's score is the weighted sum; it maps to a label by
:data:`CRITICAL`, :data:`SUPPORTIVE` and, for ``hostile``, strong labelling
(polarity 2: "criminal", "puppets", "neo-Nazis") plus a score at or below
:data:`HOSTILE`.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsprism.article import Actor, Article, MentionIndex
from newsprism.knowledge import derived, load_data
from newsprism.quoting import QUOTE_CHARS, quoted_runs
from newsprism.registry import stage
from newsprism.reporting import commissive_verbs, labelling_pattern
from newsprism.reporting import lexicon as cue_lexicon
from newsprism.stages.persuasion import CueMatcher, Token, article_sentences, tokenize

# Thresholds on an actor's weighted evidence, set as a group on hand-written
# sentences (tests/test_stance.py): one clear negative word choice makes a critical
# stance, sustained positive framing a supportive one, strong labelling a hostile one.
CRITICAL = -0.5
SUPPORTIVE = 1.0
HOSTILE = -2.5
STRONG = 2.0  # |polarity| of labelling that marks hostility
QUOTED_WEIGHT = 0.25
STATEMENT_WEIGHT = 0.5
MODEL_AGREES = 1.5  # a framing term inside an own-voice technique span
OTHERS = 0.3  # weight of the sentence's other actors
MAIN_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PATIENT_LINK = frozenset({"of", "against", "on", "into", "in", "upon"})
POSSESSIVE = frozenset({"its", "their", "his", "her"})
# Words before an event noun that make it the object of the clause ("responding to threats").
OBJECT_OF = frozenset({"to", "against", "amid", "despite", "over", "about", "from", "with", "facing", "face"})
# Roles of the news media: a label for a government ("regime") is never said of an outlet
# ("power hierarchy in regime, according to KCNA").
MEDIA_ROLE = re.compile(r"\b(?:news|newspaper|broadcaster|media|outlet|television|radio)\b", re.I)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her)\b", re.I)


@dataclass(frozen=True, slots=True)
class Term:
    polarity: float
    kind: str  # event, quality or label
    stands_for: str | None = None  # "state": a label for a government, never for a person


@derived
def framing() -> tuple[CueMatcher, dict[str, Term]]:
    """The packaged word-choice terms plus the user's ``$NEWSPRISM_DATA/persuasion/framing.json``."""
    m = CueMatcher()
    terms: dict[str, Term] = {}
    for t in load_data("persuasion/framing.json").get("terms", []):
        key = str(t["term"]).lower()
        terms[key] = Term(float(t["polarity"]), str(t.get("kind", "quality")), t.get("stands_for"))
        m.add(key, key)
    return m, terms


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    actor: str
    tok: int  # index of its first token in the sentence


@dataclass(slots=True)
class Evidence:
    """Why an actor got its stance: the words, their weight and the voice they are in."""

    actor: str
    score: float
    strong: bool
    text: str
    voice: str  # "own", "quoted" or "statement"


@dataclass(slots=True)
class StanceResult:
    scores: dict[str, float] = field(default_factory=dict)
    strong: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


def _voice_weights(article: Article) -> list[tuple[int, int, float, str]]:
    """Stretches of ``raw_text`` in another voice than the outlet's, with their weight. An act
    pledged ("vowed to keep up support for Vesnia in its war", a record of the quotes stage) is
    told in the outlet's words, as :func:`_speakers` reads it: not another voice."""
    pledges = commissive_verbs()
    lex = cue_lexicon()
    out = [
        (q.span.start, q.span.end, STATEMENT_WEIGHT if q.kind == "statement" else QUOTED_WEIGHT, "statement" if q.kind == "statement" else "quoted")
        for q in article.quotes
        if not (q.kind == "indirect" and q.span.text.startswith("to ") and (lex.lemma(q.cue or "") or ("", ""))[0] in pledges)
    ]
    for ln in article.lines:
        if ln.role in ("title", "body"):
            out.extend((a, b, QUOTED_WEIGHT, "quoted") for a, b in quoted_runs(article.raw_text, ln.start, ln.end))
    return out


def _weight_at(pos: int, voices: Sequence[tuple[int, int, float, str]]) -> tuple[float, str]:
    covering = [(w, v) for a, b, w, v in voices if a <= pos < b]
    return min(covering) if covering else (1.0, "own")


def _mentions(article: Article, start: int, end: int, toks: Sequence[Token], index: MentionIndex) -> list[_Mention]:
    """Actors named in ``raw_text[start:end]``, with pronouns resolved by the actors stage.

    ``index``: the article's mentions by position, built once for all its sentences.
    """
    starts = [t.start for t in toks]

    def tok_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    out = [_Mention(m.span.start, m.span.end, m.actor, tok_of(m.span.start)) for m in index.starting(start, end)]
    try:
        from newsprism.pronouns import resolve_pronoun
    except ImportError:  # the actors stage is optional: no pronouns without it
        return sorted(out, key=lambda m: m.start)
    taken = [(m.start, m.end) for m in out]
    for pm in PRONOUN.finditer(article.raw_text, start, end):
        if any(a <= pm.start() < b for a, b in taken):
            continue
        actor = resolve_pronoun(article, pm.start(), pm.end())
        if actor:
            out.append(_Mention(pm.start(), pm.end(), actor, tok_of(pm.start())))
    return sorted(out, key=lambda m: m.start)


def _targets(
    term: Term,
    i: int,
    j: int,
    toks: Sequence[Token],
    mentions: Sequence[_Mention],
    not_states: frozenset[str] = frozenset(),
    speakers: frozenset[int] = frozenset(),
) -> list[tuple[str, float]]:
    """Actors a term at tokens ``i:j`` evaluates, with weights.

    ``not_states``: the ids of persons and news media, which a label for a government
    (``stands_for: state``) is never said of; ``speakers``: indices of ``mentions`` that say the
    term ("X condemned the invasion", "X, highlighting the criminality of Y"): the one
    who says it is not what it is said of, nor judged beside it.
    """
    if not mentions:
        return []
    # A patient: "invasion of Ukraine", "aggression against Ukraine" — not judged by an event term.
    patients: set[int] = set()
    if j < len(toks) and toks[j].low in PATIENT_LINK:
        patients = {k for k, m in enumerate(mentions) if j < m.tok <= j + 3}
    main: list[int] = []
    # The possessor just before: "Russia's invasion", "its aggression", "the USA's proxy war".
    before = [k for k, m in enumerate(mentions) if m.tok < i and i - m.tok <= 3]
    if before:
        k = before[-1]
        m = mentions[k]
        between = [t.low for t in toks[m.tok : i]]
        # "Russia's" is one token ("'s" fused) or three ("Russia", "'", "s"), by the tokenizer's reading.
        if any(w in ("'s", "'", "s") or w.endswith(("'s", "s'")) for w in between) or toks[m.tok].low in POSSESSIVE:
            main = [k]
    unnamed = False
    if not main and term.kind == "event":
        # The word before the event noun, past a determiner ("in response to these threats").
        prev = i - 1
        if prev > 0 and toks[prev].low in DETERMINERS:
            prev -= 1
        if prev >= 0 and toks[prev].low in OBJECT_OF:
            # "responding to threats", "amid aggression": the act is someone else's, unnamed
            # here; the sentence's subject did not do it, and nobody is judged in full.
            unnamed = True
        else:
            subj = [k for k, m in enumerate(mentions) if m.tok < i and k not in patients and k not in speakers]
            main = [subj[0]] if subj else []
    if not main and term.kind == "quality":
        after = [k for k, m in enumerate(mentions) if j <= m.tok <= j + 3]
        if after:
            main = [after[0]]
    if not main and not unnamed:
        dist = [
            (min(abs(m.tok - i), abs(m.tok - j)), k)
            for k, m in enumerate(mentions)
            if (k not in patients or term.kind != "event")
            and k not in speakers
            and not (term.stands_for == "state" and m.actor in not_states)
        ]
        if dist:
            main = [min(dist)[1]]
    out: dict[str, float] = {}
    for k, m in enumerate(mentions):
        if k in main:
            out[m.actor] = max(out.get(m.actor, 0.0), 1.0)
        elif (k not in patients or term.kind != "event") and k not in speakers:
            out.setdefault(m.actor, OTHERS)
    return list(out.items())


def label_polarity(toks: Sequence[Token]) -> float:
    """Polarity of a label the persuasion model found (name calling): the PTC's class holds praise
    too ("a precious asset", "our heroic soldiers"); a label of only positive words (VADER) is
    praise, anything else a slur."""
    from newsprism.affect import affect_of

    vals = [a.valence for t in toks if t.text[:1].isalpha() and (a := affect_of(t.low)) is not None and a.valence is not None]
    return 1.0 if vals and min(vals) > 0 and sum(vals) >= 1.5 else -1.0


def _speakers(raw: str, mentions: Sequence[_Mention], pos: int, naming_only: bool = False) -> frozenset[int]:
    """Mentions before ``pos`` followed by a verb of saying, naming or blaming before it (the
    quotes stage's cue lexicon): the subjects who say what stands at ``pos``. With
    ``naming_only``, verbs that commit to an act (:func:`commissive_verbs`: "vowed to
    maintain support for Russia in its war") do not count; those that name or blame do."""
    lex = cue_lexicon()
    pledges = commissive_verbs() if naming_only else frozenset()
    out = set()
    for k, m in enumerate(mentions):
        if m.end > pos or pos - m.end > 120:
            continue
        for c in lex.naming_cue.finditer(raw, m.end, pos):
            if naming_only and raw[max(0, c.start() - 3) : c.start()].lower() == "to ":
                continue  # "vowed to maintain support": the act pledged, not a report
            lemma = lex.lemma(c.group(0))
            if lemma is None or lemma[0] not in pledges:
                out.add(k)
                break
    return frozenset(out)


def _labelled_by_speaker(raw: str, mentions: Sequence[_Mention], pos: int) -> bool:
    """An actor named before ``pos`` (within 120 characters) labels what stands there ("X described Y as ...")."""
    pat = labelling_pattern()
    return any(m.end <= pos and pos - m.end <= 120 and pat.search(raw, m.end, pos) for m in mentions)


def score_stance(article: Article) -> StanceResult:
    """Evidence for the outlet's stance toward every actor of the article."""
    matcher, terms = framing()
    voices = _voice_weights(article)
    own_spans = sorted((p.span.start, p.span.end, p.technique) for p in article.persuasion if p.voice is None)
    own_starts = [a for a, _, _ in own_spans]
    index = MentionIndex(article)
    res = StanceResult()
    not_states = frozenset(a.id for a in article.actors if a.type == "PERSON" or _is_media(a))
    scores: dict[str, float] = defaultdict(float)
    strong: dict[str, float] = defaultdict(float)
    for s, e in article_sentences(article):
        toks = [t for t in tokenize(article.raw_text, s, e) if t.text not in QUOTE_CHARS]
        if not toks:
            continue
        mentions = _mentions(article, s, e, toks, index)
        if not mentions:
            continue
        hits = [(i, j, terms[key]) for i, j, key in matcher.match(toks)]
        # Name calling the model found in the outlet's voice, where no known term explains it.
        for a, b, tech in own_spans[bisect.bisect_left(own_starts, s) : bisect.bisect_left(own_starts, e)]:
            if tech == "name_calling" and not any(toks[i].start < b and a < toks[j - 1].end for i, j, _ in hits):
                idx = [k for k, t in enumerate(toks) if a <= t.start < b]
                if idx:
                    hits.append((idx[0], idx[-1] + 1, Term(label_polarity(toks[idx[0] : idx[-1] + 1]), "label")))
        for i, j, term in hits:
            start, end = toks[i].start, toks[j - 1].end
            weight, voice = _weight_at(start, voices)
            if voice == "own" and any(a <= start < b for a, b, _ in own_spans):
                weight *= MODEL_AGREES
            # An event word stands as what a speaker names or blames when it is a noun phrase
            # ("condemned the aggression", "highlighting the USA's proxy war"); as a verb ("vowed
            # ... and threatened") its subject does it, and a pledge to support it is judged with it.
            prev = toks[i - 1].low if i > 0 else ""
            noun = prev in DETERMINERS or prev in POSSESSIVE or prev.endswith(("'s", "'"))
            said = term.kind != "event" or noun
            speakers = _speakers(article.raw_text, mentions, toks[i].start, naming_only=term.kind == "event") if said else frozenset()
            if term.kind != "event" and voice == "own" and _labelled_by_speaker(article.raw_text, mentions, toks[i].start):
                # A label after a speaker's verb of labelling is the speaker's, reported without
                # quotation marks ("Kim described the ties as a precious asset"), not the outlet's choice.
                weight, voice = QUOTED_WEIGHT, "quoted"
            for actor, w in _targets(term, i, j, toks, mentions, not_states, speakers):
                value = term.polarity * w * weight
                scores[actor] += value
                is_strong = abs(term.polarity) >= STRONG and w >= 1.0 and voice != "quoted"
                if is_strong:
                    strong[actor] += value
                res.evidence.append(Evidence(actor, round(value, 3), is_strong, article.raw_text[start:end], voice))
    res.scores = dict(scores)
    res.strong = dict(strong)
    return res


def _is_media(actor: Actor) -> bool:
    """A news outlet or agency, by its roles here or in the knowledge base (KCNA: "state news agency")."""
    from newsprism.actorkb import actor_kb

    kb = actor_kb().by_id.get(actor.id)
    roles = [*actor.roles, *(kb.roles if kb else ())]
    return any(MEDIA_ROLE.search(r) for r in roles)


def label(score: float, strong: float) -> str:
    """Stance label of a score (and its strong-labelling part)."""
    if score <= HOSTILE and strong <= -STRONG:
        return "hostile"
    if score <= CRITICAL:
        return "critical"
    if score >= SUPPORTIVE:
        return "supportive"
    return "neutral"


def main_actors(article: Article, min_mentions: int = 2) -> list[str]:
    """Actors named in the title or at least ``min_mentions`` times in title and body lines."""
    types = {a.id: a.type for a in article.actors}
    text_lines = [(ln.start, ln.end, ln.role) for ln in article.lines if ln.role in ("title", "body")]
    counts: dict[str, int] = defaultdict(int)
    in_title: set[str] = set()
    for m in article.mentions:
        where = next((r for a, b, r in text_lines if a <= m.span.start < b), None)
        if where is None or types.get(m.actor, "GPE") not in MAIN_TYPES or m.kind == "place":
            continue
        counts[m.actor] += 1
        if where == "title":
            in_title.add(m.actor)
    return sorted(a for a, n in counts.items() if n >= min_mentions or a in in_title)


def stance_of(article: Article, min_mentions: int = 2) -> tuple[dict[str, str], StanceResult]:
    """The outlet's stance toward each main actor, and the evidence."""
    res = score_stance(article)
    out = {a: label(res.scores.get(a, 0.0), res.strong.get(a, 0.0)) for a in main_actors(article, min_mentions)}
    return out, res


def anchors(article: Article, actors: Iterable[str]) -> dict[str, list[int]]:
    """A mention span per actor id, so a corpus stage can follow ids that the actors merge renames."""
    out: dict[str, list[int]] = {}
    for m in article.mentions:
        if m.actor in actors and m.actor not in out:
            out[m.actor] = [m.span.start, m.span.end]
    return out


@stage(
    "newsprism.stance.v1",
    requires=["article.lines", "article.raw_text", "article.sentences", "article.mentions", "article.actors", "article.quotes", "article.persuasion"],
    assigns=["article.stance", "article.ext.stance_anchors", "article.ext.stance_evidence"],
    defaults={"min_mentions": 2},
)
def make_stance(min_mentions: int = 2) -> Callable[[Article], Article]:
    """Stance toward each main actor (supportive, critical, hostile, neutral) from the outlet's own voice."""

    def stance(article: Article) -> Article:
        article.stance, res = stance_of(article, min_mentions)
        article.ext["stance_anchors"] = anchors(article, article.stance)
        top = sorted(res.evidence, key=lambda ev: -abs(ev.score))[:12]
        article.ext["stance_evidence"] = [
            {"actor": ev.actor, "score": ev.score, "text": ev.text, "voice": ev.voice, "strong": ev.strong} for ev in top
        ]
        return article

    return stance
