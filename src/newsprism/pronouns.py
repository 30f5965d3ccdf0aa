"""Who a pronoun is: "he"/"she" by gender agreement, "it"/"they" by the organisations named.

:func:`resolve_pronoun` is the actors layer's answer for a pronoun at a position of an article
(the events and stance stages ask it); :func:`person_genders` gives each person's gender where
the knowledge base or the text says it (the quotes stage reads it for speakers). A pronoun that
two people could be, with nothing to tell them apart, names no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsprism.actorkb import ActorKB, actor_kb
from newsprism.article import Actor, Article

PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
PRONOUN_THING = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})

HONORIFIC_BEFORE = re.compile(r"\b([A-Za-z]{2,9})\.?\s+$")
ROLE_BEFORE = re.compile(r"\b([a-z]{3,14}),?\s+$")


def person_genders(article: Article) -> dict[str, str | None]:
    """Each actor's gender where the knowledge base or the text says it, else None. A given
    name says nothing: US baby-name counts call "Andrea" and "Simone" women (Andrea Orlando,
    an Italian minister, is a man) and read a Korean surname as a given name (a review of
    2026-12-07 found "she said" given to a man that way).

    The text says it by an honorific before a mention ("Ms. Roe") or a role noun of lexical
    gender among the person's roles ("spokeswoman", "the company's chairman"; ``actors.json``
    ``gender``); two that disagree say nothing. Failing those, the text's own pronouns where the
    person is the only one a sentence names (:func:`_pronoun_genders`).
    """
    kb = actor_kb()
    starts: dict[str, list[int]] = {}
    for m in article.mentions:  # one pass, not one per actor: this runs for every pronoun
        starts.setdefault(m.actor, []).append(m.span.start)
    out: dict[str, str | None] = {}
    voted: dict[str, str] | None = None
    for a in article.actors:
        if a.id in kb.by_id:
            out[a.id] = kb.by_id[a.id].gender
        elif a.type == "PERSON":
            out[a.id] = _gender_in_text(article, a, starts.get(a.id, ()), kb)
            if out[a.id] is None:
                voted = _pronoun_genders(article) if voted is None else voted
                out[a.id] = voted.get(a.id)
        else:
            out[a.id] = None
    return out


# Sentences in which a person is the only one named and a gendered pronoun follows the name,
# needed (all agreeing) before the pronouns tell that person's gender.
PRONOUN_VOTES = 2
GENDERED = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)


_VOTED: dict[tuple[int, str, int, int], dict[str, str]] = {}  # per article as it stands; resolve_pronoun asks for every pronoun


def _pronoun_genders(article: Article) -> dict[str, str]:
    key = (id(article), article.id, len(article.mentions), len(article.sentences))
    got = _VOTED.get(key)
    if got is None:
        if len(_VOTED) > 64:
            _VOTED.clear()
        got = _VOTED[key] = _pronoun_votes(article)
    return got


def _pronoun_votes(article: Article) -> dict[str, str]:
    """Genders the text's own pronouns give: where a gendered pronoun follows the only person a
    sentence has named before it ("Hillary Clinton says in Ohio that she's thrilled to receive the
    endorsement of LeBron James"), the pronoun is that person's; :data:`PRONOUN_VOTES` such
    sentences, none disagreeing, tell the gender (an analyst's reading found "he said" given to
    Hillary Clinton, whose gender no knowledge entry or honorific gave). Words inside quotation
    marks are not read, names or pronouns."""
    from newsprism.quoting import quoted_runs

    people = {a.id for a in article.actors if a.type == "PERSON"}
    mentions = sorted((m for m in article.mentions if m.actor in people), key=lambda m: m.span.start)
    votes: dict[str, dict[str, int]] = {}
    k = 0
    for sent in sorted(article.sentences, key=lambda x: x.start):
        while k < len(mentions) and mentions[k].span.start < sent.start:
            k += 1
        quoted = quoted_runs(article.raw_text, sent.start, sent.end)
        named = [m for m in mentions[k:] if m.span.start < sent.end and not any(a <= m.span.start < b for a, b in quoted)]
        for g in GENDERED.finditer(article.raw_text, sent.start, sent.end):
            if any(a <= g.start() < b for a, b in quoted):
                continue
            before = {m.actor for m in named if m.span.end <= g.start()}
            if len(before) == 1:
                actor = before.pop()
                tally = votes.setdefault(actor, {})
                gender = PRONOUN_GENDER[g.group(1).lower()]
                tally[gender] = tally.get(gender, 0) + 1
            break  # the sentence's first pronoun only
    return {a: next(iter(v)) for a, v in votes.items() if len(v) == 1 and sum(v.values()) >= PRONOUN_VOTES}


def _gender_in_text(article: Article, actor: Actor, starts: Iterable[int], kb: ActorKB) -> str | None:
    said: set[str] = set()
    for start in starts:
        before = HONORIFIC_BEFORE.search(article.raw_text, max(0, start - 12), start)
        if before and before.group(1).lower() in kb.gender_honorifics:
            said.add(kb.gender_honorifics[before.group(1).lower()])
        # A role noun right before the name, as a title or an apposition ("spokeswoman Ada Roe",
        # "the union's chairman, Tomas Brandt").
        noun = ROLE_BEFORE.search(article.raw_text, max(0, start - 40), start)
        if noun and noun.group(1).lower() in kb.gender_words:
            said.add(kb.gender_words[noun.group(1).lower()])
    for role in actor.roles:
        words = re.findall(r"[a-z]+", role.lower())
        said.update(kb.gender_words[w] for w in words if w in kb.gender_words)
    return said.pop() if len(said) == 1 else None


def resolve_pronoun(article: Article, start: int, end: int | None = None) -> str | None:
    """The actor a pronoun at ``start`` refers to: the most recent compatible actor mentioned before it.

    "he"/"him"/"his" and "she"/"her" take the latest PERSON of that gender (or of unknown
    gender); "it"/"its"/"they"/"their" the latest organisation or country (places and
    demonyms excluded). A later quotes stage calls this for speakers ("..., he said").

    Args:
        article: an article after the actors stage.
        start: offset of the pronoun in ``raw_text``.
        end: its end; by default the end of the word at ``start``.

    Returns:
        An actor id, or None when nothing compatible precedes it.
    """
    if end is None:
        m = re.match(r"\w+", article.raw_text[start:])
        end = start + (m.end() if m else 0)
    word = article.raw_text[start:end].lower()
    types = {a.id: a.type for a in article.actors}
    if word in PRONOUN_GENDER:
        want = PRONOUN_GENDER[word]
        genders = person_genders(article)
        ok = [m for m in article.mentions if types.get(m.actor) == "PERSON" and genders.get(m.actor) in (None, want)]
    elif word in PRONOUN_THING:
        ok = [m for m in article.mentions if types.get(m.actor) in ("ORG", "GPE") and m.kind not in ("place", "demonym")]
    else:
        return None
    before = [m for m in ok if m.span.end <= start]
    if not before:
        return None
    nearest = max(before, key=lambda m: m.span.end)
    if word in PRONOUN_GENDER:
        # Another person of the sentence before or this one who fits as well (the same gender, or
        # either unknown) makes "he"/"she" ambiguous, and an ambiguous pronoun names no one.
        window = sentence_before_start(article, start)
        rivals = {m.actor for m in before if m.span.start >= window and m.actor != nearest.actor}
        if rivals:  # ``before`` holds only people of its gender or of none known
            return None
    return nearest.actor


def sentence_before_start(article: Article, pos: int) -> int:
    """Where the sentence before the one holding ``pos`` starts (the nlp layer's sentences)."""
    starts = sorted(s.start for s in article.sentences if s.start <= pos)
    return starts[-2] if len(starts) >= 2 else 0
