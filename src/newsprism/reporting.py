"""The reporting vocabulary: verbs and phrases that attribute words to a speaker.

``data/reporting_verbs.json`` (textacy's reporting verbs, the cue classes of PARC 3.0 and
PolNeAR, the GenderGapTracker's lists; users extend it in ``$NEWSPRISM_DATA``) compiled once:
:func:`lexicon` for the quotes stage (cue forms, media, relays, statement introductions),
:func:`labelling_pattern` and :func:`commissive_verbs` for the stance stage. Verb lemmas are
inflected by :func:`verb_forms`; :func:`alternation` makes one regular expression of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsprism.knowledge import derived, load_data


def verb_forms(lemma: str, irregular: dict[str, list[str]], double: frozenset[str]) -> list[str]:
    """Forms of a verb lemma: base, third person, past, gerund (irregular ones from the data)."""
    if lemma in irregular:
        return [lemma, *irregular[lemma]]
    words = lemma.split()
    head, rest = words[0], (" " + " ".join(words[1:]) if len(words) > 1 else "")
    if head in double:
        forms = [head + "s", head + head[-1] + "ed", head + head[-1] + "ing"]
    elif head.endswith("e"):
        forms = [head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms = [head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head + "es", head + "ed", head + "ing"]
    else:
        forms = [head + "s", head + "ed", head + "ing"]
    return [lemma] + [f + rest for f in forms]


def alternation(phrases: Iterable[str]) -> str:
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The attribution vocabulary of ``data/reporting_verbs.json`` compiled once."""

    forms: dict[str, tuple[str, str]]  # form -> (lemma, class)
    cue: re.Pattern[str]  # any cue form, whole words
    naming_cue: re.Pattern[str]
    naming_before: re.Pattern[str]
    media: tuple[re.Pattern[str], ...]
    relay: tuple[re.Pattern[str], ...]
    according: re.Pattern[str]
    addressees: frozenset[str]
    speaker_nouns: frozenset[str]
    speaks_for: frozenset[str]
    transcript_staff: frozenset[str]
    transcript_notes: frozenset[str]
    statement_intros: tuple[re.Pattern[str], ...]
    tell: frozenset[str]
    zero_that: frozenset[str]
    finding_sources: frozenset[str] = frozenset()

    def lemma(self, form: str) -> tuple[str, str] | None:
        return self.forms.get(" ".join(form.lower().split()))


@derived
def lexicon(beliefs: bool = False) -> Lexicon:
    """The reporting vocabulary (packaged plus ``$NEWSPRISM_DATA/reporting_verbs.json``), once per process.

    Args:
        beliefs: also read verbs of belief and inference ("believe", "suggest",
            "show") as cues, as PolNeAR annotates them; off by default, since news
            uses them for the reporter's own inferences too.
    """
    data = load_data("reporting_verbs.json")
    verbs = data["verbs"]
    irregular = {k: list(v) for k, v in data.get("irregular", {}).items()}
    double = frozenset(data.get("double_final", []))
    forms: dict[str, tuple[str, str]] = {}
    # "finding" verbs are read for polls and reports; with beliefs on, as beliefs of anyone.
    classes = ["naming", "accuse", "speech", "tell", "finding"] + (["belief"] if beliefs else [])
    for cls in classes:
        for lemma in verbs.get(cls, []):
            for f in verb_forms(lemma, irregular, double):
                # with beliefs on, a finding's verb is anyone's belief ("she suggested that ...")
                forms[f] = (lemma, "belief" if beliefs and cls == "finding" else cls)
    cue_forms = [f for f, (_, c) in forms.items() if c != "naming"]
    naming_forms = [f for lemma in verbs.get("naming", []) for f in verb_forms(lemma, irregular, double)]
    tell_forms = frozenset(f for lemma in verbs.get("tell", []) for f in verb_forms(lemma, irregular, double))
    return Lexicon(
        forms=forms,
        cue=re.compile(r"(?<![\w'’-])(?:" + alternation(cue_forms) + r")(?![\w'’-])"),
        # (a finding's verb names nothing: "the reality show “Cake Boss”")
        naming_cue=re.compile(r"(?<![\w'’-])(?:" + alternation(naming_forms + [f for f in cue_forms if forms[f][1] != "finding"]) + r")(?![\w'’-])"),
        naming_before=re.compile(r"(?<![\w-])(?:" + alternation(data["naming_before"]["phrases"]) + r")\s*[,:]?\s*$", re.I),
        media=tuple(re.compile(p) for p in data["media"]["patterns"]),
        relay=tuple(re.compile(p) for p in data["relay"]["patterns"]),
        according=re.compile(r"(?<![\w-])(?:" + alternation(data.get("according_to", [])) + r")(?![\w-])", re.I),
        addressees=frozenset(w.lower() for w in data["addressees"]["words"]),
        speaker_nouns=frozenset(w.lower() for w in data["speaker_nouns"]["words"]),
        speaks_for=frozenset(w.lower() for w in data.get("speaks_for", {}).get("words", [])),
        transcript_staff=frozenset(w.lower() for w in data.get("transcript_staff", {}).get("words", [])),
        transcript_notes=frozenset(w.lower() for w in data.get("transcript_staff", {}).get("notes", [])),
        statement_intros=tuple(re.compile(p, re.I) for p in data["statement_intros"]["patterns"]),
        tell=tell_forms,
        zero_that=frozenset(data.get("zero_that", {}).get("verbs", [])),
        finding_sources=frozenset(w.lower() for w in data.get("finding_sources", {}).get("words", [])),
    )


@derived
def labelling_pattern() -> re.Pattern[str]:
    """Inflections of the verbs of labelling (``reporting_verbs.json`` ``labelling``, user file merged)."""
    data = load_data("reporting_verbs.json")
    irregular = {k: list(v) for k, v in data.get("irregular", {}).items()}
    double = frozenset(data.get("double_final", []))
    forms = [f for v in data.get("labelling", {}).get("verbs", []) for f in verb_forms(str(v).lower(), irregular, double)]
    return re.compile(rf"\b(?:{alternation(forms)})\b", re.I) if forms else re.compile(r"(?!x)x")


@derived
def commissive_verbs() -> frozenset[str]:
    """Lemmas that commit the speaker to an act (``reporting_verbs.json`` ``commissive``, user file merged)."""
    return frozenset(str(v).lower() for v in load_data("reporting_verbs.json").get("commissive", {}).get("verbs", []))
