"""Who takes part in an event: the parties of the trigger's own phrase and clause, or none (#21).

Read on untuned PolNeAR articles (evals/labels/polnear_events.json, 16 articles judged by hand):
of 220 event records, 155 listed a wrong party, mostly a name that stood elsewhere in the
sentence ("The attacks in Paris have inspired ... Republican candidates" gave the Paris attacks
the target "Republican Party"; "the New York businessman has praised Putin" the actor "New York").
So a party is kept only where the grammar of the trigger's own phrase puts it; else the event has
no such party ("right or absent"):

* **A verb's agent** is the name that ends right before it, with nothing between but auxiliaries,
  adverbs, a negation or an apposition in commas ("Clinton, the nominee, has also praised"), and
  the names joined to it by "and" or a comma. A name inside a prepositional phrase ("in Paris")
  or one that modifies a common noun ("the New York businessman") is no agent.
* **A verb's targets** are the first name after it (its object, after articles and adjectives,
  or after a preposition the act takes: "on", "against", "at", "to", "with", "for", "into",
  "from", "of") and the names joined to it.
* **A noun's parties** come from its own phrase only: its owner ("Russia's attack"), a name that
  modifies it ("the Hamas attack"), an agent after "by" or "from" (read by the caller), and a
  target after "on", "against" or "at" right after it ("attacks on Kyiv").

The reader gives candidate parties with their token indices (``ClauseReader.party_at``); this
module decides which of them the phrase's grammar supports.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.plover import Token

# Between a subject and its verb: auxiliaries, adverbs and negation.
AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "also", "not", "never", "n't", "still", "then", "just", "already", "now", "reportedly", "allegedly", "later", "first", "again", "finally"]
)
# Prepositions that put a name in a phrase of its own (it is no subject or object of the verb).
PREPOSITIONS = frozenset(
    ["in", "at", "on", "of", "from", "for", "with", "to", "into", "onto", "over", "under", "after", "before", "during", "since", "near", "across", "around", "through", "throughout", "within", "without", "about", "against", "between", "among", "toward", "towards", "behind", "beside", "beyond", "via", "per", "than", "like", "unlike", "despite", "besides", "except", "including", "following", "amid"]
)
# Prepositions after which a name is the one the act is done to ("attacks on X", "met with X").
TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "to", "with", "for", "into", "from", "of", "upon", "between"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"})
JOINERS = frozenset({"and", ",", "&", "or"})
# Endings of adjectives that may stand between a name and the noun it modifies ("the Vesnian
# military's deadly strike": "deadly", "military", "naval", "massive").
ADJECTIVE_ENDINGS = ("al", "an", "ary", "ic", "ive", "ous", "ful", "less", "ly", "ish", "ese", "ent", "ant", "ist", "ile")
# Words of a time phrase between a subject and its verb when no temporal expression was found there.
_TIME = (
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier last this next week "
    "weekend month year morning afternoon evening night january february march april may june july august september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
TIME_WORDS = frozenset(_TIME.split())
# Verbs whose noun object names the happening, and whose subject acts in it ("held talks",
# "launched an attack", "expressed support", "voiced criticism").
LIGHT_VERBS = frozenset(
    ["held", "hold", "holds", "holding", "launched", "launch", "launches", "carried", "made", "make", "makes", "gave", "give", "gives", "expressed", "express", "expresses", "voiced", "voice", "conducted", "conduct", "staged", "stage", "issued", "issue", "issues", "offered", "offer", "pledged", "signed", "sign", "signs", "mounted", "mount", "led", "lead", "leads", "began", "begin", "begins"]
)


def _span_end(toks: Sequence[Token], k: int, stop: int) -> int:
    """The token after a name that starts at ``k``: its capitalised words (and "'s"), up to ``stop``."""
    e = k + 1
    while e < stop and (toks[e].text[:1].isupper() or toks[e].low in ("'s", "’s", "-", "of")) and toks[e].low not in JOINERS:
        if toks[e].low == "of" and not (e + 1 < stop and toks[e + 1].text[:1].isupper()):
            break
        e += 1
    return e


def _in_phrase(toks: Sequence[Token], k: int) -> bool:
    """Whether the name at ``k`` sits after a preposition (skipping determiners and adjectives)."""
    j = k - 1
    while j >= 0 and (toks[j].low in DETERMINERS or (toks[j].text.islower() and toks[j].low.endswith(("al", "ian", "ern", "ese", "ish")))):
        j -= 1
    return j >= 0 and toks[j].low in PREPOSITIONS


def _group_before(toks: Sequence[Token], found: list[tuple[int, str]], k0: int) -> list[str]:
    """The party at ``k0`` and those joined to it before it by "and" or a comma."""
    out = [a for k, a in found if k == k0]
    ks = sorted({k for k, _ in found if k < k0}, reverse=True)
    cur = k0
    for k in ks:
        gap = toks[_span_end(toks, k, cur) : cur]
        if gap and _joined(gap):
            out = [a for kk, a in found if kk == k] + out
            cur = k
        else:
            break
    return out


def verb_agents(toks: Sequence[Token], found: list[tuple[int, str]], trigger: int, dates: frozenset[int] = frozenset()) -> list[str]:
    """The subject of the verb at token ``trigger`` among ``found`` (token index, actor) before it;
    ``dates`` are the tokens of temporal expressions, which may stand between them ("North Korea on
    Monday criticized", "has since last fall sent")."""
    cands = sorted((k, a) for k, a in found if k < trigger)
    if not cands:
        return []
    k0 = cands[-1][0]
    # A description in apposition that the actors stage linked to the name before it ("Mike
    # Huckabee, the former Arkansas governor, proposed"): the name is the subject.
    while (
        len(cands) >= 2
        and k0 > 0
        and toks[k0 - 1].low == ","
        and toks[k0].low in DETERMINERS
        and cands[-2][1] == cands[-1][1]
        and _span_end(toks, cands[-2][0], k0) == k0 - 1
    ):
        cands.pop()  # the description right after the name and its comma, never "..., he"
        k0 = cands[-1][0]
    end = _span_end(toks, k0, trigger)
    timed = dates | {n for n in range(end, trigger) if toks[n].low in TIME_WORDS or toks[n].low.isdigit()}
    gap = [t for n, t in enumerate(toks[end:trigger], end) if n not in timed and not (t.low in PREPOSITIONS and n + 1 in timed)]
    # A relative clause's subject ("Vesnia, which had massed troops").
    if len(gap) >= 2 and gap[0].low == "," and gap[1].low in ("which", "who") and "," not in [t.low for t in gap[2:]]:
        gap = gap[2:]
    # An apposition between commas ("Clinton, the Democratic nominee, said").
    if gap and gap[0].low == "," and "," in [t.low for t in gap[1:]]:
        last = max(i for i, t in enumerate(gap) if t.low == ",")
        gap = gap[last + 1 :]
    if any(t.low not in AUXILIARIES and not t.low.endswith("ly") for t in gap):
        return []  # "the New York businessman has praised": the name modifies a noun, the noun acts
    if _in_phrase(toks, k0) or _object_of_verb(toks, k0):
        return []
    return _group_before(toks, cands, k0)


def _object_of_verb(toks: Sequence[Token], k: int) -> bool:
    """Whether the name at token ``k`` is the object of a verb in -ed right before it ("leaders who
    implicitly rebuked Trump met": Trump met no one); not after a determiner ("the embattled Trump")."""
    w = toks[k - 1].low if k > 0 else ""
    return w.endswith("ed") and not w.endswith("eed") and w not in NOT_PAST and toks[k - 1].text[:1].islower() and len(w) > 3 and (k < 2 or toks[k - 2].low not in DETERMINERS)


# Words in -ed that are no past forms ("and indeed Merkel met Putin", "a hundred Ukrainians").
NOT_PAST = frozenset({"hundred", "united", "sacred", "naked", "wicked", "kindred", "hatred", "wretched", "rugged", "beloved", "learned", "aged", "alleged"})


def sentence_subject(toks: Sequence[Token], found: list[tuple[int, str]], main_verb: int) -> list[str]:
    """The subject of a sentence's main clause: the names that open it (before ``main_verb``), not
    inside a prepositional phrase, joined by "and", commas or a parenthesis ("Kim Jong-un (right)
    and Russian President Vladimir Putin pose ...")."""
    cands = sorted((k, a) for k, a in found if k < main_verb)
    if not cands or _in_phrase(toks, cands[0][0]) or any(t.low in PREPOSITIONS | {","} for t in toks[: cands[0][0]]):
        return []
    out = [a for k, a in cands if k == cands[0][0]]
    cur = _span_end(toks, cands[0][0], main_verb)
    for k, a in cands[1:]:
        if k < cur:
            continue
        if toks[cur:k] and _joined(_outside_parentheses(toks[cur:k])):
            out.append(a)
            cur = _span_end(toks, k, main_verb)
        else:
            break
    return out


def _joined(gap: Sequence[Token]) -> bool:
    """Whether the words between two names join them: "and" or a comma, and the second name's
    title ("and Russian President [Vladimir Putin]")."""
    return any(t.low in JOINERS for t in gap) and all(t.low in JOINERS or t.text[:1].isupper() for t in gap)


def _outside_parentheses(toks: Sequence[Token]) -> list[Token]:
    out, depth = [], 0
    for t in toks:
        if t.low == "(":
            depth += 1
        elif t.low == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def verb_targets(toks: Sequence[Token], found: list[tuple[int, str]], after: int) -> list[str]:
    """The object of a verb ending at token ``after``: the first name after it, reached over
    determiners, adjectives and one preposition the act takes, and the names joined to it."""
    cands = sorted((k, a) for k, a in found if k >= after)
    if not cands:
        return []
    k0 = cands[0][0]
    between = toks[after:k0]
    preps = [t for t in between if t.low in PREPOSITIONS]
    if len(preps) > 1 or (preps and preps[-1].low not in TARGET_PREPOSITIONS):
        return []
    if any(t.low in (",", ";", ":", "that", "who", "which", "when", "because", "while", "as") for t in between) or len(between) > 4:
        return []
    out = [a for k, a in cands if k == k0]
    cur = _span_end(toks, k0, len(toks))
    for k, a in cands[1:]:
        if k < cur:
            continue
        gap = toks[cur:k]
        if gap and all(t.low in JOINERS for t in gap):
            out.append(a)
            cur = _span_end(toks, k, len(toks))
        else:
            break
    return out


def noun_modifier(toks: Sequence[Token], found: list[tuple[int, str]], trigger: int) -> list[str]:
    """A name that modifies the noun at ``trigger`` ("the Hamas attack", "a Russian strike"):
    nothing but adjectives between them."""
    cands = sorted((k, a) for k, a in found if k < trigger)
    if not cands:
        return []
    k0 = cands[-1][0]
    gap = toks[_span_end(toks, k0, trigger) : trigger]
    if len(gap) <= 2 and all(t.low.isalpha() and t.low.endswith(ADJECTIVE_ENDINGS) and not t.low.endswith("ed") for t in gap):
        return [a for k, a in cands if k == k0]
    return []  # "Dorland survived the attack": a verb between, the name is no modifier


NOUN_TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "upon", "with", "between"})


def noun_targets(toks: Sequence[Token], found: list[tuple[int, str]], after: int, patient_of: bool = False) -> list[str]:
    """The name after "on", "against", "at", "with" or "between" right after a noun ("attacks on
    Kyiv", "talks with Seoul", "a treaty between A and B"); with ``patient_of`` (a noun of an act
    done to someone), after "of" too ("the invasion of Ukraine", "condemnation of Trump's
    comments", "the arrest of Osk")."""
    if after >= len(toks) or not (toks[after].low in NOUN_TARGET_PREPOSITIONS or (patient_of and toks[after].low == "of")):
        return []
    return verb_targets(toks, found, after)
