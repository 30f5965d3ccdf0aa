"""How likely an event record is right: the events layer's ``confidence`` (#21).

"Right" is what a reader checking the record against its sentence would accept: a real
happening, rightly typed, with no wrong party, no wrong date and no wrong merge (the protocol of
``evals/labels/polnear_events.json``). A logistic model over a few facts of the record gives it,
trained by ``python -m newsprism.train.event_confidence`` on the hand judgments of the *tune*
texts only and checked on the held-out and fresh ones (``data/event_confidence.json`` keeps the
weights, what they were trained on and how they held). The facts, each a measured signal on the
judged records:

* ``quoted``: the trigger stands inside a quotation (a speaker's words: hypotheticals, rhetoric
  and figures of speech, right one time in six);
* ``target``: the record names a target (the party read after the verb is the one most often
  wrong);
* ``agent`` and ``agent_person``: it names who acted, and that one is a person (an organisation or
  a place as the agent is misread more often);
* ``verbal``: its PLOVER type is a verbal act (AGREE, CONSULT, SUPPORT, CONCEDE, REQUEST, ACCUSE,
  REJECT, THREATEN: PLOVER's verbal/material split, Halterman et al. 2023), which news reports
  plainly, against a material one (AID, ASSAULT, ...) that it often names as a topic;
* ``reported``: its trigger is a plain verb of saying ("said", "told") and its type comes from what
  was said ("said it posed a threat": THREATEN), which misreads the content more often than not;
* ``mode``: it carries a mode ("military", "firearms"), which the cue's context gave it;
* ``multi``: it joins several mentions (one wrong merge makes the whole record wrong).

Without the model file the measured shares of records with and without an agent stand in
(:data:`FALLBACK`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsprism.article import Event
from newsprism.knowledge import derived

MODEL_PATH = Path(__file__).resolve().parent / "data" / "event_confidence.json"
FEATURES = ("quoted", "target", "agent", "agent_person", "verbal", "reported", "mode", "multi")
# PLOVER's verbal event types (the rest are material acts).
VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# The share of judged records right with and without an agent (tune and held-out texts of
# 2026-12-07), used only when the model file is missing.
FALLBACK = {"agent": 0.37, "no_agent": 0.14}


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    bias: float

    def logit(self, facts: Mapping[str, bool]) -> float:
        return self.bias + sum(w for f, w in self.weights.items() if facts.get(f))

    def probability(self, facts: Mapping[str, bool]) -> float:
        return _probability(self.logit(facts))


def _probability(logit: float) -> float:
    return round(1.0 / (1.0 + math.exp(-logit)), 2)


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The trained model (``data/event_confidence.json``), or None when the file is missing."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Model({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]))


def facts(ev: Event, quoted: bool, person_ids: Collection[str]) -> dict[str, bool]:
    """The record's facts the model reads (see the module docstring)."""
    return {
        "quoted": quoted,
        "target": bool(ev.targets),
        "agent": bool(ev.actors),
        "agent_person": any(a in person_ids for a in ev.actors),
        "verbal": ev.plover in VERBAL,
        "reported": any(m.trigger is not None and _plain_saying(m.trigger.text) for m in ev.mentions),
        "mode": ev.mode is not None,
        "multi": len(ev.mentions) > 1,
    }


@derived(maxsize=4096)
def _plain_saying(word: str) -> bool:
    """A word the event lexicon lists only as a verb of saying ("said", "told", "announced")."""
    from newsprism.plover import SPEECH, lexicon

    cues = lexicon().phrases.get(tuple(word.lower().split()), ())
    return bool(cues) and all(c.type == SPEECH for c in cues)


def confidence(ev: Event, quoted: bool, person_ids: Collection[str]) -> float:
    """How likely the record is right (0..1, two decimals)."""
    m = model()
    if m is None:
        return FALLBACK["agent" if ev.actors else "no_agent"]
    return m.probability(facts(ev, quoted, person_ids))


def merged_confidence(ev: Event, members: Sequence[Event]) -> float:
    """A merged record's confidence: its best member's, less what a merge costs (``multi``)."""
    m = model()
    known = [e.confidence for e in members if e.confidence]
    if m is None or not known:
        return max(known) if known else FALLBACK["agent" if ev.actors else "no_agent"]
    best = min(max(known), 0.99)
    logit = math.log(best / (1.0 - best)) + (m.weights.get("multi", 0.0) if len(ev.mentions) > 1 else 0.0)
    return _probability(logit)


__all__ = ["FALLBACK", "FEATURES", "MODEL_PATH", "VERBAL", "Model", "confidence", "facts", "merged_confidence", "model"]
