"""Word affect: valence, polarity and subjectivity from published sentiment lexicons.

Loaded language and name calling are, above all, words chosen for their charge;
the persuasion model reads each word's charge as a feature, so a charged word
never seen in the training articles still counts. Two lexicons, both MIT-licensed
and installed as packages (their data files are read; the packages are not imported):

* **VADER** (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
  Sentiment Analysis of Social Media Text", ICWSM): ~7,500 words and emoticons rated
  for valence from -4 to +4 by ten raters (``vaderSentiment/vader_lexicon.txt``).
* **pattern's adjective lexicon** (De Smedt & Daelemans 2012, "Pattern for Python",
  JMLR), as shipped by TextBlob: ~2,900 adjective senses with polarity and
  subjectivity (``textblob/en/en-sentiment.xml``); senses of one form are averaged.

Users add or override words in ``$NEWSPRISM_DATA/persuasion/affect.json``::

    {"words": {"thuggish": {"valence": -2.5, "subjectivity": 0.9, "polarity": -0.8}}}

A missing lexicon package is logged once and its words are simply absent.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from newsprism.knowledge import derived, load_data

LOGGER = logging.getLogger(__name__)

USER_FILE = ("persuasion", "affect.json")
# Inflections tried when a word is not in VADER itself ("smears" -> "smear").
SUFFIXES = ("s", "es", "ed", "ing", "ly")
PATTERN_WORD = re.compile(
    r'<word form="([^"]+)"[^>]*?polarity="([-\d.]+)" subjectivity="([\d.]+)"'
)


@dataclass(frozen=True, slots=True)
class Affect:
    valence: float | None = None  # VADER, -4 .. 4
    polarity: float | None = None  # pattern, -1 .. 1
    subjectivity: float | None = None  # pattern, 0 .. 1


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = Path(root, *parts)
        if path.is_file():
            return path
    return None


def read_vader(path: Path) -> dict[str, float]:
    """``word -> mean valence`` from a VADER lexicon file (``token<TAB>mean<TAB>sd<TAB>ratings``)."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            try:
                out[cols[0].lower()] = float(cols[1])
            except ValueError:
                continue
    return out


def read_pattern(path: Path) -> dict[str, tuple[float, float]]:
    """``word -> (polarity, subjectivity)`` from pattern's sentiment XML, senses averaged."""
    senses: dict[str, list[tuple[float, float]]] = {}
    for m in PATTERN_WORD.finditer(path.read_text(encoding="utf-8", errors="replace")):
        senses.setdefault(m.group(1).lower(), []).append((float(m.group(2)), float(m.group(3))))
    return {w: (sum(p for p, _ in v) / len(v), sum(s for _, s in v) / len(v)) for w, v in senses.items()}


@derived
def lexicon() -> dict[str, Affect]:
    """Every word with an affect rating: the packaged lexicons, then the user's file over them."""
    vader: dict[str, float] = {}
    pattern: dict[str, tuple[float, float]] = {}
    path = _package_file("vaderSentiment", "vader_lexicon.txt")
    if path:
        vader = read_vader(path)
    else:
        LOGGER.warning("affect: the vaderSentiment package is not installed; no VADER valence")
    path = _package_file("textblob", "en", "en-sentiment.xml")
    if path:
        pattern = read_pattern(path)
    else:
        LOGGER.warning("affect: the textblob package is not installed; no adjective subjectivity")
    out = {w: Affect(valence=v) for w, v in vader.items()}
    for w, (pol, subj) in pattern.items():
        out[w] = Affect(out[w].valence if w in out else None, pol, subj)
    for w, v in load_data("/".join(USER_FILE)).get("words", {}).items():
        out[str(w).lower()] = Affect(v.get("valence"), v.get("polarity"), v.get("subjectivity"))
    return out


def affect_of(word: str) -> Affect | None:
    """The affect of a lower-cased word, trying its inflections against VADER's entries."""
    lex = lexicon()
    a = lex.get(word)
    if (a is None or a.valence is None) and len(word) > 4:
        for suf in SUFFIXES:
            base = lex.get(word[: -len(suf)]) if word.endswith(suf) else None
            if base is not None and base.valence is not None:
                a = Affect(base.valence, a.polarity if a else None, a.subjectivity if a else None)
                break
    return a


@derived(maxsize=1 << 16)
def affect_features(word: str) -> tuple[str, ...]:
    """Coarse affect buckets of a lower-cased word (the persuasion model's features).

    Valence rounded (``av-2``), its strength (``aa3``), its sign (``aneg``/``apos``),
    subjectivity in quarters (``sj3``) and polarity in halves (``sp-1``); none for a
    word no lexicon rates.
    """
    a = affect_of(word)
    if a is None:
        return ()
    f: list[str] = []
    if a.valence is not None:
        f += [f"av{round(a.valence)}", f"aa{min(int(abs(a.valence)), 3)}", "aneg" if a.valence < 0 else "apos"]
    if a.subjectivity is not None and a.polarity is not None:
        f += [f"sj{int(a.subjectivity * 4)}", f"sp{round(a.polarity * 2)}"]
    return tuple(f)
