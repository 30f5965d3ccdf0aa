"""The persuasion stage: propaganda-technique spans, each in the outlet's voice or a quoted one.

The 14 technique classes are those of the Propaganda Techniques Corpus (PTC; Da San
Martino et al. 2019, "Fine-Grained Analysis of Propaganda in News Articles", EMNLP),
merged as in SemEval-2020 Task 11. Detection follows the task's two halves:

* **span identification (SI)**: a token-level logistic regression (is this token
  inside a technique span?) over hashed lexical, context, quotation, repetition,
  lexicon and word-affect features (VADER valence, pattern subjectivity:
  :mod:`newsprism.affect`), beside a sentence-level logistic regression that flags whole
  sentences (most techniques other than loaded language and name calling span a
  clause or a sentence in the PTC: doubt, appeal to fear, causal
  oversimplification). A token run above the token threshold is a span; a sentence
  above the sentence threshold is one too. Both thresholds were tuned on the PTC
  dev articles.
* **technique classification (TC)**: a multinomial logistic regression over the
  span's words and character n-grams, its sentence and neighbours, its length and
  how often its text recurs in the article (the PTC's Repetition class is a phrase
  said again) and the techniques of the lexicon cues in and around it, as in the feature-based SemEval-2020 systems.

Both are linear models with hashed features (Weinberger et al. 2009, "Feature
hashing for large scale multitask learning"), so the shipped weights are one small
``.npz`` file (``data/persuasion/model.npz``), read with numpy alone, once per
process. ``make train`` rebuilds it from ``../shared`` (see
:mod:`newsprism.train.persuasion`). The cue lists of ``data/persuasion/lexicon.json``
are features of the model and, alone, the lexicon baseline of ``evals/ptc.py``.

**Voice.** A span inside a quote or a reproduced statement (``article.quotes``, the
quotes stage) is in its speaker's voice: ``voice`` is the speaker's actor id. A span
outside every quote is the outlet's own voice (``voice`` null). Without a quote
record, a span inside a long run of quotation marks (four words or more: short
quoted phrases are scare quotes, the outlet's own distancing) is given to the
speaker named next to the quotation, when the actors stage found one.
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism import settings
from newsprism.affect import affect_features
from newsprism.article import TECHNIQUES, Article, MentionIndex, Span, TechniqueSpan
from newsprism.knowledge import derived, load_data
from newsprism.quoting import QUOTE_CHARS, quoted_runs
from newsprism.registry import stage

LOGGER = logging.getLogger(__name__)

DATA = settings.DATA_DIR / "persuasion"
MODEL_FILE = DATA / "model.npz"
LEXICON_FILE = "lexicon.json"

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
# Quotation marks: straight, curly, guillemets (the seeds and the PTC use all of them).
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "so", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "his", "their", "our", "your", "my", "not", "no", "do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "there", "here", "than", "then", "which", "who", "whom", "whose", "what", "when", "where", "why", "how"]
)
# Reporting verbs that tie a quotation to the speaker named beside it (textacy's
# ``constants.REPORTING_VERBS`` holds the same kind of list).
REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adding|stated|states|wrote|writes|declared|announced|noted|warned|claimed|"
    r"insisted|argued|vowed|urged|stressed|asserted|according to|in a statement|posted)\b",
    re.I,
)
EDGE = " \t\n.,:;"

TOKEN_BITS = 20
SENT_BITS = 18
TC_BITS = 18


def _hash(feature: str, bits: int) -> int:
    """A stable bucket for ``feature`` (crc32: Python's own ``hash`` of a str changes per process)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


# -- text units -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [
        Token(m.group(0), m.group(0).lower().replace("’", "'"), m.start(), m.end())
        for m in TOKEN.finditer(text, start, end)
    ]


def shape(word: str) -> str:
    """Coarse word shape: all caps, capitalised, digits, punctuation or lower case."""
    if word.isupper() and len(word) > 1:
        return "UP"
    if word[:1].isupper():
        return "Cap"
    if word.isdigit():
        return "D"
    if not word[:1].isalnum():
        return "P"
    return "l"


# -- lexicon --------------------------------------------------------------------------------


@dataclass(slots=True)
class CueMatcher:
    """Multi-word cue phrases matched on tokens (a trie-like index by first word, as spaCy's PhraseMatcher).

    A cue is words separated by spaces; a word ending in ``*`` is a stem (matches any
    ending), a lone ``*`` any one word. Matching is case-insensitive. One regex
    alternation per technique would be simpler but scans every cue at every
    character; indexing by first token keeps a sentence's lookup to a few dict hits.
    """

    exact: dict[str, list[tuple[tuple[tuple[str, str], ...], str]]] = field(default_factory=dict)
    stems: dict[str, list[tuple[tuple[tuple[str, str], ...], str]]] = field(default_factory=dict)

    def add(self, cue: str, payload: str) -> None:
        pattern: list[tuple[str, str]] = []
        for word in cue.lower().replace("’", "'").split():
            if word == "*":
                pattern.append(("any", ""))
                continue
            stem = word.endswith("*")
            toks = [t.low for t in tokenize(word.rstrip("*"))]
            for k, t in enumerate(toks):
                pattern.append(("stem" if stem and k == len(toks) - 1 else "word", t))
        if not pattern or pattern[0][0] == "any":
            return
        kind, first = pattern[0]
        (self.stems if kind == "stem" else self.exact).setdefault(first, []).append((tuple(pattern[1:]), payload))

    def match(self, toks: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Every cue in ``toks`` as ``(first token, last token + 1, payload)``."""
        out = []
        for i, t in enumerate(toks):
            if i and toks[i - 1].text == "-" and toks[i - 1].end == t.start:
                continue  # inside a hyphenated word: "neo-Nazis" is not "Nazis"
            cands = list(self.exact.get(t.low, ()))
            if self.stems:
                for k in range(1, len(t.low) + 1):
                    cands.extend(self.stems.get(t.low[:k], ()))
            for rest, payload in cands:
                j = i + 1
                for kind, w in rest:
                    if j >= len(toks):
                        break
                    low = toks[j].low
                    if (kind == "word" and low != w) or (kind == "stem" and not low.startswith(w)):
                        break
                    j += 1
                else:
                    out.append((i, j, payload))
        return out


@dataclass(slots=True)
class Lexicon:
    """Cue phrases per technique."""

    matcher: CueMatcher

    def match(self, toks: Sequence[Token]) -> list[tuple[int, int, str]]:
        return self.matcher.match(toks)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every cue in ``text[start:end]`` as ``(start, end, technique)``, offsets into ``text``."""
        toks = tokenize(text, start, end)
        return sorted((toks[i].start, toks[j - 1].end, tech) for i, j, tech in self.match(toks))


def compile_lexicon(table: dict[str, list[str]]) -> Lexicon:
    m = CueMatcher()
    for tech, cues in table.items():
        if tech in TECHNIQUES:
            for c in cues:
                m.add(c, tech)
    return Lexicon(m)


@derived
def lexicon() -> Lexicon:
    """The packaged cue lists plus the user's ``$NEWSPRISM_DATA/persuasion/lexicon.json``, merged."""
    table = {tech: list(cues) for tech, cues in load_data(f"persuasion/{LEXICON_FILE}").get("techniques", {}).items()}
    return compile_lexicon(table)


# -- features -------------------------------------------------------------------------------


@dataclass(slots=True)
class DocContext:
    """What the whole article tells each sentence: word and bigram counts, cue density."""

    counts: Counter[str] = field(default_factory=Counter)
    density: str = "0"


def doc_context(sentences: Sequence[list[Token]], cue_tokens: int) -> DocContext:
    """Counts of content words and bigrams across the article, and a bucket of its cue density."""
    counts: Counter[str] = Counter()
    n = 0
    for toks in sentences:
        lows = [t.low for t in toks]
        n += len(lows)
        counts.update(w for w in lows if w not in STOPWORDS and w[:1].isalnum())
        counts.update(f"{a} {b}" for a, b in itertools.pairwise(lows) if not (a in STOPWORDS and b in STOPWORDS))
    rate = cue_tokens / max(n, 1)
    return DocContext(counts, str(min(6, int(rate * 100))))


def _in_quotes(toks: Sequence[Token]) -> list[bool]:
    """Whether each token lies between quotation marks opened earlier in the sentence."""
    out, inside = [], False
    for t in toks:
        if t.text in QUOTE_CHARS:
            inside = t.text != "”" if t.text in "“”" else not inside
            out.append(True)
        else:
            out.append(inside)
    return out


def token_features(
    toks: Sequence[Token], cues: Sequence[str], doc: DocContext, first: bool, sent_p: float = 0.0, doc_p: float = 0.0
) -> list[list[int]]:
    """Hashed feature buckets of every token of one sentence (the SI token model's input).

    ``cues[i]`` is the technique of a lexicon cue covering token ``i`` ("" for none);
    ``sent_p`` is the sentence model's probability for the sentence and ``doc_p`` the
    mean over the article's sentences (how propagandistic the whole piece reads), so
    a token is judged in its sentence's and article's light.
    """
    n = len(toks)
    lows = [t.low for t in toks]
    shapes = [shape(t.text) for t in toks]
    quoted = _in_quotes(toks)
    sent = [f"n{min(n // 8, 6)}", f"d{doc.density}", f"sp{min(int(sent_p * 10), 9)}", f"dp{min(int(doc_p * 20), 9)}"]
    if "!" in lows:
        sent.append("ex")
    if "?" in lows:
        sent.append("qm")
    if first:
        sent.append("title")
    if sum(s == "UP" for s in shapes) * 3 > n:
        sent.append("caps")
    pad = ["<s>", "<s>", *lows, "</s>", "</s>"]
    aff = [affect_features(w) for w in lows]
    n_aff = f"An{min(sum(1 for a in aff if a), 6)}"
    out = []
    for i, w in enumerate(lows):
        j = i + 2
        f = [
            "w:" + w,
            "s:" + shapes[i],
            "x:" + w[-3:],
            "p:" + w[:3],
            "l1:" + pad[j - 1],
            "r1:" + pad[j + 1],
            "l2:" + pad[j - 2],
            "r2:" + pad[j + 2],
            "b:" + pad[j - 1] + "|" + w,
            "B:" + w + "|" + pad[j + 1],
            "ps:" + shapes[i] + ("q" if quoted[i] else "") + str(min(i, 3)),
        ]
        f.extend("S:" + s for s in sent)
        if quoted[i]:
            f.append("q")
        if w not in STOPWORDS and w[:1].isalnum():
            f.append(f"rep:{min(doc.counts.get(w, 0), 5)}")
        if i + 1 < n and doc.counts.get(f"{w} {lows[i + 1]}", 0) > 1:
            f.append("rb")
        if i and doc.counts.get(f"{lows[i - 1]} {w}", 0) > 1:
            f.append("rb2")
        if cues[i]:
            f.append("L:" + cues[i])
            f.append("L")
        if i and cues[i - 1]:
            f.append("Ll")
        if i + 1 < n and cues[i + 1]:
            f.append("Lr")
        # The word's charge and its neighbours' (``newsprism.affect``), and the sentence's count of charged words.
        f.extend("A:" + x for x in aff[i])
        if i:
            f.extend("Al:" + x for x in aff[i - 1])
        if i + 1 < n:
            f.extend("Ar:" + x for x in aff[i + 1])
        f.append(n_aff)
        out.append([_hash(x, TOKEN_BITS) for x in f] + [0])  # bucket 0: the bias
    return out


def sentence_features(toks: Sequence[Token], cues: Sequence[str], doc: DocContext, first: bool) -> list[int]:
    """Hashed feature buckets of one sentence (the SI sentence model's input)."""
    lows = [t.low for t in toks]
    n = len(lows)
    f = ["u:" + w for w in lows]
    f.extend("g:" + a + "|" + b for a, b in itertools.pairwise(lows))
    f.extend((f"n{min(n // 5, 12)}", f"d{doc.density}"))
    if any(t.text in QUOTE_CHARS for t in toks):
        f.append("quote")
    if "!" in lows:
        f.append("ex")
    if "?" in lows:
        f.append("qm")
    if first:
        f.append("title")
    for c in set(cues):
        if c:
            f.append("L:" + c)
    reps = sum(1 for w in lows if w not in STOPWORDS and w[:1].isalnum() and doc.counts.get(w, 0) > 2)
    f.append(f"rep{min(reps, 4)}")
    return sorted({_hash(x, SENT_BITS) for x in f})


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True, slots=True)
class SpanInput:
    """A span to classify, with what TC features read around it."""

    start: int
    end: int
    sentence: tuple[int, int]
    repeats: int  # occurrences of the span's text in the article
    same: int  # other spans of the article with the same text
    later: bool  # an earlier span of the article has the same text
    first_sentence: bool


def span_features(text: str, s: SpanInput) -> tuple[dict[int, float], list[int]]:
    """Hashed TC features of one span: ``(bucket -> sublinear count, flag buckets)``.

    The counts are idf-weighted and l2-normalised by the model (blocks weighted as
    in the SemEval-2020 feature-based systems: the span's words and character
    n-grams fully, its sentence and neighbours at half weight); the flags (length,
    repetition, quotation, position) are binary and left unnormalised.
    """
    span = text[s.start : s.end]
    words = [w.lower() for w in re.findall(r"\w+(?:['’]\w+)*|[!?]", span)]
    blocks: list[tuple[float, Counter[str]]] = []
    b1: Counter[str] = Counter("t:" + w for w in words)
    b1.update("t:" + a + "|" + b for a, b in itertools.pairwise(words))
    blocks.append((1.0, b1))
    chars: Counter[str] = Counter()
    for w in words[:60]:
        padded = f" {w} "
        for k in range(2, 6):
            for i in range(len(padded) - k + 1):
                chars["c:" + padded[i : i + k]] += 1
    blocks.append((1.0, chars))
    ss, se = s.sentence
    sent_words = [w.lower() for w in re.findall(r"\w+", text[ss:se])]
    blocks.append((0.5, Counter("k:" + w for w in sent_words)))
    left = [w.lower() for w in re.findall(r"\w+", text[max(ss, s.start - 60) : s.start])][-4:]
    right = [w.lower() for w in re.findall(r"\w+", text[s.end : min(se, s.end + 60)])][:4]
    ctx = Counter("L:" + w for w in left)
    ctx.update("R:" + w for w in right)
    blocks.append((0.5, ctx))
    n = len(words)
    sent_n = max(len(sent_words), 1)
    flags = [
        f"len{n if n <= 8 else 9 + min((n - 8) // 6, 4)}",
        f"cov{min(int(4 * n / sent_n), 4)}",
        f"rep{min(s.repeats, 4)}",
        f"same{min(s.same, 3)}",
        "bias",
    ]
    if s.later:
        flags.append("later")
    if any(c in QUOTE_CHARS for c in span):
        flags.append("quote")
    if "!" in span:
        flags.append("ex")
    if "?" in text[ss:se]:
        flags.append("qm")
    if span[:1].isupper():
        flags.append("cap")
    if span.isupper() and n > 1:
        flags.append("caps")
    if s.first_sentence:
        flags.append("title")
    # The techniques of the lexicon cues inside the span, and of those elsewhere in its sentence.
    inside = {t for _, _, t in lexicon().find(text, s.start, s.end)}
    flags.extend("lx:" + t for t in inside)
    flags.extend("lxs:" + t for t in _sentence_cue_techniques(text, ss, se) - inside)
    out: dict[int, float] = {}
    for weight, counts in blocks:
        for key, c in counts.items():
            h = _hash(key, TC_BITS)
            out[h] = out.get(h, 0.0) + weight * (1.0 + math.log(c))
    return out, sorted({_hash("f:" + x, TC_BITS) for x in flags})


@derived(maxsize=256)
def _sentence_cue_techniques(text: str, start: int, end: int) -> frozenset[str]:
    """Techniques of the lexicon cues in one sentence (spans of a sentence share it: scanned once)."""
    return frozenset(t for _, _, t in lexicon().find(text, start, end))


def span_inputs(text: str, spans: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]) -> list[SpanInput]:
    """Context of each span for TC: its sentence, how often its text recurs, earlier twins."""
    low = text.lower()
    norms = [_norm(text[s:e]) for s, e in spans]
    totals = Counter(norms)
    seen: Counter[str] = Counter()
    out = []
    first_end = sentences[0][1] if sentences else 0
    ordered = sorted(sentences)
    counted: dict[str, int] = {}
    for (s, e), nt in sorted(zip(spans, norms, strict=True), key=lambda x: x[0]):
        k = bisect.bisect_right(ordered, (s, 1 << 62)) - 1
        if k >= 0 and ordered[k][0] <= s < ordered[k][1]:
            sent = ordered[k]
        else:  # none ends after it among those starting before (or the sentences overlap): read them all
            sent = next(((a, b) for a, b in sentences if a <= s < b), (s, e))
        span_text = text[s:e].strip().lower()
        if span_text not in counted:
            counted[span_text] = low.count(span_text) if 0 < len(span_text) <= 80 else 1
        repeats = counted[span_text]
        out.append(SpanInput(s, e, sent, repeats, totals[nt] - 1, seen[nt] > 0, s < first_end))
        seen[nt] += 1
    # back to the caller's order
    order = {(x.start, x.end): x for x in out}
    return [order[(s, e)] for s, e in spans]


# -- token vectors --------------------------------------------------------------------------

# Only spaCy's shared token-to-vector layer runs: the CNN the English pipeline's tagger and
# parser read (96 numbers a token, each seeing four tokens either side).
VECTOR_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter")
VECTOR_WIDTH = 96


@lru_cache(maxsize=1)
def vector_model() -> Any | None:
    """spaCy's English ``tok2vec`` alone (the nlp stage's model, :data:`newsprism.stages.nlp.MODELS`), once per process."""
    import spacy

    from newsprism.stages.nlp import MODELS

    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(VECTOR_EXCLUDE))
        except OSError:
            continue
    LOGGER.warning("persuasion: no spaCy English model (%s); token vectors left out", ", ".join(MODELS))
    return None


def token_vectors(text: str, sentences: Sequence[Sequence[Token]]) -> list[np.ndarray | None]:
    """The contextual vector of each token of each sentence (the spaCy token holding its first character).

    A sentence is run on its own (``nlp.pipe``), so no length limit applies to the article.
    Curly apostrophes are straightened one for one first, as in the nlp stage.
    """
    nlp = vector_model()
    if nlp is None or not sentences:
        return [None] * len(sentences)
    spans = [(toks[0].start, toks[-1].end) if toks else (0, 0) for toks in sentences]
    docs = nlp.pipe(text[a:b].replace("’", "'") for a, b in spans)
    out: list[np.ndarray | None] = []
    for toks, (a, _), doc in zip(sentences, spans, docs, strict=True):
        if not len(doc) or doc.tensor is None or doc.tensor.shape[0] != len(doc):
            out.append(np.zeros((len(toks), VECTOR_WIDTH), dtype=np.float32))
            continue
        starts = np.fromiter((t.idx for t in doc), dtype=np.int64, count=len(doc))
        ix = np.clip(np.searchsorted(starts, [t.start - a for t in toks], side="right") - 1, 0, len(doc) - 1)
        out.append(np.asarray(doc.tensor, dtype=np.float32)[ix])
    return out


def span_vectors(text: str, inputs: Sequence[SpanInput], prepared: Sequence[Sentence] = ()) -> list[np.ndarray]:
    """Each span's mean token vector beside its sentence's mean (the technique model's dense input)."""
    known = {(x.start, x.end): (x.tokens, x.vectors) for x in prepared if x.vectors is not None}
    missing = sorted({s.sentence for s in inputs} - known.keys())
    if missing:
        runs = [tokenize(text, a, b) for a, b in missing]
        for key, t, v in zip(missing, runs, token_vectors(text, runs), strict=True):
            known[key] = (t, v if v is not None else np.zeros((len(t), VECTOR_WIDTH), dtype=np.float32))
    out = []
    for s in inputs:
        toks, vecs = known[s.sentence]
        assert vecs is not None
        inside = [i for i, t in enumerate(toks) if s.start <= t.start < s.end]
        span_mean = vecs[inside].mean(axis=0) if inside else np.zeros(VECTOR_WIDTH, dtype=np.float32)
        sent_mean = vecs.mean(axis=0) if len(vecs) else np.zeros(VECTOR_WIDTH, dtype=np.float32)
        out.append(np.concatenate([span_mean, sent_mean]).astype(np.float32))
    return out


# -- the model ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Detection:
    """A technique span found in a text: offsets, technique, and the model's probabilities."""

    start: int
    end: int
    technique: str
    confidence: float
    span_score: float
    unit: str  # "tokens" (a token run) or "sentence" (a whole sentence flagged)


def softmax(z: np.ndarray) -> np.ndarray:
    """Class probabilities from scores (shifted by the maximum: no overflow)."""
    p = np.exp(z - z.max())
    return p / p.sum()  # type: ignore[no-any-return]


def sentence_prob(weights: np.ndarray, bias: float, feats: list[int]) -> float:
    """The sentence model's probability: binary features, l2-normalised (1/sqrt(n))."""
    if not feats:
        return 0.0
    z = float(weights[feats].sum()) / math.sqrt(len(feats)) + bias
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(slots=True)
class PersuasionModel:
    """The SI token and sentence models and the TC model, as numpy arrays."""

    tok_w: np.ndarray
    sent_w: np.ndarray
    tc_w: np.ndarray  # (buckets, classes)
    tc_b: np.ndarray
    tc_flag_w: np.ndarray  # (buckets, classes) for the unnormalised flag features
    tc_idf: np.ndarray
    classes: tuple[str, ...]
    meta: dict[str, Any]
    # Weights of the token vectors (``token_vectors``), scaled by ``meta["vector_scale"]``;
    # empty for a model trained without them.
    tok_dense: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    # (2 * vector width, classes): weights of a span's mean token vector and its sentence's,
    # scaled by ``meta["tc_vector_scale"]``; empty for a model trained without them.
    tc_dense: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))

    @property
    def uses_vectors(self) -> bool:
        return bool(len(self.tok_dense)) or bool(len(self.tc_dense))

    @property
    def tok_threshold(self) -> float:
        return float(self.meta.get("tok_threshold", 0.3))

    @property
    def sent_threshold(self) -> float:
        return float(self.meta.get("sent_threshold", 0.8))

    def token_probs(self, feats: list[list[int]], vectors: np.ndarray | None = None) -> np.ndarray:
        """Each token's probability of lying in a span, from its hashed features and its vector."""
        if not feats:
            return np.zeros(0)
        z = np.fromiter((float(self.tok_w[f].sum()) for f in feats), dtype=np.float64, count=len(feats))
        if len(self.tok_dense) and vectors is not None:
            z += (vectors @ self.tok_dense.astype(np.float64)) * float(self.meta.get("vector_scale", 1.0))
        return 1.0 / (1.0 + np.exp(-z))

    def sentence_prob(self, feats: list[int]) -> float:
        return sentence_prob(self.sent_w, float(self.meta.get("sent_bias", 0.0)), feats)

    def vectorise(self, feats: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
        """Indices and idf-weighted, l2-normalised values of the TC count features."""
        idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
        vals = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
        if len(idx):
            vals = vals * self.tc_idf[idx]
            norm = float(np.sqrt((vals**2).sum()))
            if norm:
                vals /= norm
        return idx, vals

    def technique_probs(self, feats: tuple[dict[int, float], list[int]], vectors: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities of one span from its features (and its :func:`span_vectors` row)."""
        idx, vals = self.vectorise(feats[0])
        z = self.tc_b.astype(np.float64).copy()
        if len(idx):
            z += vals @ self.tc_w[idx].astype(np.float64)
        if feats[1]:
            z += self.tc_flag_w[feats[1]].astype(np.float64).sum(axis=0)
        if len(self.tc_dense) and vectors is not None:
            z += (vectors.astype(np.float64) * float(self.meta.get("tc_vector_scale", 1.0))) @ self.tc_dense.astype(np.float64)
        return softmax(z)


def save_model(model: PersuasionModel, path: Path) -> None:
    """Write the model as one compressed ``.npz`` (weights as float16: half the bytes, same decisions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        tok_w=model.tok_w.astype(np.float16),
        sent_w=model.sent_w.astype(np.float16),
        tc_w=model.tc_w.astype(np.float16),
        tc_b=model.tc_b.astype(np.float32),
        tc_flag_w=model.tc_flag_w.astype(np.float16),
        tc_idf=model.tc_idf.astype(np.float16),
        tok_dense=model.tok_dense.astype(np.float32),
        tc_dense=model.tc_dense.astype(np.float32),
        meta=np.array(json.dumps({**model.meta, "classes": list(model.classes)})),
    )


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> PersuasionModel:
    """The shipped model (``data/persuasion/model.npz``), read once per process."""
    with np.load(Path(path) if path else MODEL_FILE, allow_pickle=False) as z:
        meta = json.loads(str(z["meta"]))
        return PersuasionModel(
            tok_w=z["tok_w"].astype(np.float32),
            sent_w=z["sent_w"].astype(np.float32),
            tc_w=z["tc_w"].astype(np.float32),
            tc_b=z["tc_b"].astype(np.float32),
            tc_flag_w=z["tc_flag_w"].astype(np.float32),
            tc_idf=z["tc_idf"].astype(np.float32),
            classes=tuple(meta["classes"]),
            meta=meta,
            tok_dense=z["tok_dense"].astype(np.float32) if "tok_dense" in z.files else np.zeros(0, dtype=np.float32),
            tc_dense=z["tc_dense"].astype(np.float32) if "tc_dense" in z.files else np.zeros((0, 0), dtype=np.float32),
        )


# -- detection ------------------------------------------------------------------------------


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    cues: list[str]
    first: bool
    vectors: np.ndarray | None = None  # (tokens, width): each token's contextual vector


def prepare(
    text: str, sentences: Sequence[tuple[int, int]], lex: Lexicon | None = None, vectors: bool = False
) -> tuple[list[Sentence], DocContext]:
    """Tokens and lexicon cues of each sentence (and with ``vectors``, their token vectors), and the article's context."""
    lex = lex or lexicon()
    out = []
    cue_tokens = 0
    for n, (s, e) in enumerate(sentences):
        toks = tokenize(text, s, e)
        if not toks:
            continue
        cues = [""] * len(toks)
        for i, j, tech in lex.match(toks):
            for k in range(i, j):
                cues[k] = cues[k] or tech
        cue_tokens += sum(1 for c in cues if c)
        out.append(Sentence(s, e, toks, cues, n == 0))
    if vectors:
        for x, v in zip(out, token_vectors(text, [x.tokens for x in out]), strict=True):
            x.vectors = v
    return out, doc_context([x.tokens for x in out], cue_tokens)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return s, e


def _snap(text: str, s: int, e: int) -> tuple[int, int]:
    """A token run's span on whole words: a hyphenated or elided word is not cut ("so-called",
    not "-called"), and a quotation mark with no partner inside the span is left out."""
    s, e = _trim(text, s, e)
    while s < e and text[s] in "-–—":
        s += 1
    while s > 0 and (text[s - 1].isalnum() or (text[s - 1] in "-'’" and s > 1 and text[s - 2].isalnum())):
        s -= 1
    while e < len(text) and (text[e].isalnum() or (text[e] in "-'’" and e + 1 < len(text) and text[e + 1].isalnum())):
        e += 1
    while e > s and text[e - 1] in "-–—":
        e -= 1
    frag = text[s:e]
    if frag[:1] in "\"“«„" and not any(c in "\"”»“" for c in frag[1:]):
        s += 1
    if frag[-1:] in "\"”»" and not any(c in "\"“«„”" for c in frag[:-1]):
        e -= 1
    return _trim(text, s, e)


def _function_words_only(tokens: Sequence[Token]) -> bool:
    """Whether a run holds no content word ("how", "that's"): nothing to flag on its own."""
    words = [t.low.split("'")[0] for t in tokens if t.text[:1].isalnum()]
    return all(w in STOPWORDS for w in words)


@dataclass(slots=True)
class Scored:
    """A sentence with its sentence score and its tokens' scores."""

    sentence: Sentence
    score: float
    token_scores: np.ndarray


def score_sentences(text: str, sentences: Sequence[tuple[int, int]], model: PersuasionModel | None = None) -> list[Scored]:
    """The SI models' scores for every sentence and token of ``text``."""
    model = model or load_model()
    sents, doc = prepare(text, sentences, vectors=model.uses_vectors)
    sps = [model.sentence_prob(sentence_features(x.tokens, x.cues, doc, x.first)) for x in sents]
    doc_p = sum(sps) / len(sps) if sps else 0.0
    return [
        Scored(x, sp, model.token_probs(token_features(x.tokens, x.cues, doc, x.first, sp, doc_p), x.vectors))
        for x, sp in zip(sents, sps, strict=True)
    ]


def decode(text: str, scored: Sequence[Scored], tok_threshold: float, sent_threshold: float) -> list[tuple[int, int, float, str]]:
    """Spans from scores: each run of tokens at or above ``tok_threshold``, each sentence at or above ``sent_threshold``."""
    out: list[tuple[int, int, float, str]] = []
    for sc in scored:
        sent = sc.sentence
        if sc.score >= sent_threshold:
            a, b = _trim(text, sent.start, sent.end)
            if b > a:
                out.append((a, b, sc.score, "sentence"))
        probs = sc.token_scores
        run: list[int] = []
        for i in range(len(sent.tokens) + 1):
            if i < len(sent.tokens) and probs[i] >= tok_threshold:
                run.append(i)
                continue
            if run:
                a, b = _snap(text, sent.tokens[run[0]].start, sent.tokens[run[-1]].end)
                if b > a and any(sent.tokens[j].text[:1].isalnum() for j in run):
                    out.append((a, b, float(probs[run].mean()), "tokens"))
                run = []
    return out


def find_spans(
    text: str,
    sentences: Sequence[tuple[int, int]],
    model: PersuasionModel | None = None,
    tok_threshold: float | None = None,
    sent_threshold: float | None = None,
) -> list[tuple[int, int, float, str]]:
    """Span identification: ``(start, end, score, unit)`` for token runs and whole sentences."""
    model = model or load_model()
    tt = model.tok_threshold if tok_threshold is None else tok_threshold
    st = model.sent_threshold if sent_threshold is None else sent_threshold
    return decode(text, score_sentences(text, sentences, model), tt, st)


def classify(
    text: str,
    spans: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    model: PersuasionModel | None = None,
    prepared: Sequence[Sentence] = (),
) -> list[np.ndarray]:
    """Technique classification: class probabilities (in ``model.classes`` order) for each span.

    ``prepared``: sentences already prepared with their vectors (detection has them), so
    they are not computed again.
    """
    model = model or load_model()
    inputs = span_inputs(text, spans, sentences)
    vecs = span_vectors(text, inputs, prepared) if len(model.tc_dense) else [None] * len(inputs)
    return [model.technique_probs(span_features(text, s), v) for s, v in zip(inputs, vecs, strict=True)]


# The stage's precise mode (its default): the PTC's thresholds were tuned for F1 on
# articles chosen for their propaganda, where a tenth of all characters lie in a span;
# ordinary news has far fewer, so there a token run must score this much or be
# corroborated by a lexicon cue, and a whole sentence this much, to be reported.
STRONG_TOKENS = 0.5
STRONG_SENTENCE = 0.7
# A lexicon cue is evidence the model does not see whole, so a cue-corroborated token
# run is read off at this lower threshold too (where it is below the model's own).
CORROBORATED_TOKENS = 0.25
# Labelling cues stand as spans on their own in precise mode (name calling is the
# technique the PTC annotators agreed on most; Da San Martino et al. 2019, Table 2).
CUE_SPANS = ("name_calling",)


# Endings of adjectives that modify a label ("pathetic liars", "treacherous stooges").
ADJECTIVE_ENDINGS = ("ic", "ical", "ous", "ful", "less", "ive", "ish", "ist", "ent", "ant", "able", "ible", "al", "ed", "y")


def label_start(text: str, start: int) -> int:
    """Where a label's noun phrase begins: the cue at ``start`` with the modifiers before it.

    A label is the phrase, not its head noun alone ("second-rate stooges", "treacherous
    puppets"): hyphenated compounds and lower-case words with an adjective's ending are
    taken in, up to a determiner, a function word, a capitalised word or punctuation.
    """
    toks = tokenize(text, max(0, start - 80), start)
    k = len(toks)
    begin = start
    while k > 0:
        t = toks[k - 1]
        if text[t.end : begin].strip():
            break
        if k >= 3 and toks[k - 2].text == "-" and toks[k - 3].end == toks[k - 2].start and toks[k - 2].end == t.start:
            if not (toks[k - 3].low.isalpha() and t.low.isalpha()):
                break
            begin, k = toks[k - 3].start, k - 3  # "second-rate", "so-called"
            continue
        w = t.text
        if not w.isalpha() or not w.islower() or w in STOPWORDS or not w.endswith(ADJECTIVE_ENDINGS) or len(w) < 4:
            break
        begin, k = t.start, k - 1
    return begin


# A named target the label is predicated of, right before it: "The US is the", "Vell is a".
PREDICATED = re.compile(r"(?<![\w.])(?P<subj>(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:is|are|was|were)\s+(?:the|a|an)\s+$")


PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "there", "what", "which"})


def label_target_start(text: str, begin: int, floor: int) -> int:
    """Where a label predicated of a named target begins: at the target ("The US is the arch-criminal"),
    so the span says who is labelled; else ``begin``. The target is a capitalised name of at most
    four words, the label's clause subject (not before ``floor``, its sentence's start)."""
    m = PREDICATED.search(text, max(floor, begin - 80), begin)
    if m is None or m.group("subj").split()[0].lower() in PRONOUN_SUBJECTS:
        return begin  # "He is a traitor": no name to show
    return m.start("subj")


def detect(
    text: str,
    sentences: Sequence[tuple[int, int]],
    model: PersuasionModel | None = None,
    min_confidence: float = 0.0,
    second_label: float = 1.0,
    precise: bool = False,
) -> list[Detection]:
    """Technique spans of ``text``, whose sentences are ``sentences`` (offsets into ``text``).

    Args:
        text: the article text all offsets point into.
        sentences: ``(start, end)`` of each sentence, in order.
        model: a loaded model; by default the shipped one.
        min_confidence: spans whose span score is below this are dropped.
        second_label: a span's second most likely technique is reported too when its
            probability reaches this.
        precise: keep only token runs scoring :data:`STRONG_TOKENS` or overlapping a
            lexicon cue and holding a content word (such runs read off at :data:`CORROBORATED_TOKENS` where that
            is lower) and sentences scoring :data:`STRONG_SENTENCE`, and add the
            cues of :data:`CUE_SPANS` as spans; a cue's technique is reported beside
            the model's when they differ.

    Returns:
        Detections sorted by offset.
    """
    model = model or load_model()
    scored = score_sentences(text, sentences, model)
    found = [x for x in decode(text, scored, model.tok_threshold, model.sent_threshold) if x[2] >= min_confidence]
    cues: list[tuple[int, int, str]] = []
    if precise:
        lex = lexicon()
        cues = [c for s, e in sentences for c in lex.find(text, s, e)]

        def corroborated(a: int, b: int) -> bool:
            return any(s < b and a < e for s, e, _ in cues)

        found = [
            x
            for x in found
            if (x[3] == "sentence" and x[2] >= STRONG_SENTENCE)
            or (x[3] == "tokens" and (x[2] >= STRONG_TOKENS or corroborated(x[0], x[1])) and not _function_words_only(tokenize(text, x[0], x[1])))
        ]
        if model.tok_threshold > CORROBORATED_TOKENS:
            for x in decode(text, scored, CORROBORATED_TOKENS, 2.0):
                if x[2] >= min_confidence and corroborated(x[0], x[1]) and not any(a < x[1] and x[0] < b for a, b, _, _ in found):
                    found.append(x)
        for s, e, tech in cues:
            if tech in CUE_SPANS and min_confidence <= STRONG_TOKENS and not any(a <= s and e <= b for a, b, _, _ in found):
                found.append((s, e, STRONG_TOKENS, "cue"))
        # A span opening on a label takes in the label's modifiers ("second-rate stooges").
        # One predicated of a named target takes in the target ("The US is the arch-criminal").
        label_starts = {s for s, _, tech in cues if tech in CUE_SPANS}
        starts = [x.sentence.start for x in scored]  # in order

        def opening(a: int) -> int:
            begin = label_start(text, a)
            floor = starts[max(0, bisect.bisect_right(starts, a) - 1)] if starts else 0
            return label_target_start(text, begin, floor)

        found = [(opening(a) if a in label_starts and unit != "sentence" else a, b, sc, unit) for a, b, sc, unit in found]
    probs = classify(text, [(s, e) for s, e, _, _ in found], sentences, model, [sc.sentence for sc in scored])
    out = []
    for (s, e, score, unit), p in zip(found, probs, strict=True):
        order = np.argsort(-p)
        labels = [(model.classes[int(order[0])], float(p[order[0]]))]
        if p[order[1]] >= second_label:
            labels.append((model.classes[int(order[1])], float(p[order[1]])))
        for a, b, tech in cues:
            if a < e and s < b and (b - a) * 2 >= min(e - s, b - a) and tech not in {t for t, _ in labels}:
                labels.append((tech, STRONG_TOKENS))
        for tech, pt in labels:
            out.append(Detection(s, e, tech, float(score * pt) if unit != "cue" else score, score, unit))
    return sorted(out, key=lambda d: (d.start, d.end, -d.confidence))


# -- voice ----------------------------------------------------------------------------------


def _nearby_speaker(article: Article, qs: int, qe: int, para: tuple[int, int], mentions: MentionIndex) -> str | None:
    """The actor named beside a quotation with a reporting verb: after it first, then before it."""
    text = article.raw_text
    after = text[qe : min(para[1], qe + 80)]
    before = text[max(para[0], qs - 120) : qs]
    cands: list[tuple[int, str]] = []
    if REPORTING.search(after):
        cands.extend((m.span.start - qe, m.actor) for m in mentions.starting(qe, qe + 80) if m.span.end <= para[1])
    if not cands and REPORTING.search(before):
        cands.extend((qs - m.span.end, m.actor) for m in mentions.starting(max(qs - 120, para[0]), qs) if m.span.end <= qs)
    return min(cands)[1] if cands else None


class Voices:
    """:func:`voice_of` for many spans of one article: its quotes, paragraphs and mentions indexed once by position."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.quotes = sorted(article.quotes, key=lambda q: q.span.start)
        self.starts = [q.span.start for q in self.quotes]
        self.longest = max((q.span.end - q.span.start for q in self.quotes), default=0)
        self.lines = sorted((ln.start, ln.end) for ln in article.lines)
        self.mentions = MentionIndex(article)

    def __call__(self, start: int, end: int) -> tuple[str | None, bool]:
        best = None
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.quotes[k].span.start + self.longest + 1 >= start:
            q = self.quotes[k]
            k -= 1
            # Inside, or mostly inside: a sentence flagged whole keeps its "..., he said" tail.
            inside = q.span.start <= start and end <= q.span.end + 1
            mostly = 2 * (min(end, q.span.end) - max(start, q.span.start)) >= end - start
            if (inside or mostly) and (best is None or q.span.end - q.span.start < best.span.end - best.span.start):
                best = q
        if best is not None:
            return best.speaker, True
        return self.unrecorded(start, end)

    def unrecorded(self, start: int, end: int) -> tuple[str | None, bool]:
        """A span in a quotation the quotes layer did not record: the speaker named beside it."""
        k = bisect.bisect_right(self.lines, (start, 1 << 62)) - 1
        if k < 0 or not self.lines[k][0] <= start < self.lines[k][1]:
            return None, False
        para = self.lines[k]
        text = self.article.raw_text
        runs = quoted_runs(text, *para)
        # Runs do not overlap: only the last one opened at or before the span can hold it.
        j = bisect.bisect_right(runs, (start, 1 << 62)) - 1
        if j >= 0:
            qs, qe = runs[j]
            if end <= qe + 1 and len(text[qs:qe].split()) >= 4:
                speaker = _nearby_speaker(self.article, qs, qe, para, self.mentions)
                if speaker:
                    return speaker, True
        return None, False


def voice_of(article: Article, start: int, end: int) -> tuple[str | None, bool]:
    """The voice a span is in: ``(speaker actor id or None, quoted)``.

    A span inside a quote record is its speaker's (``quoted`` True even when the speaker
    is unknown); else, inside a quotation of four words or more, the speaker named
    beside it with a reporting verb; else the outlet's own voice ``(None, False)``.
    For many spans of one article, build :class:`Voices` once.
    """
    return Voices(article)(start, end)


# -- the stage ------------------------------------------------------------------------------

TEXT_ROLES = ("title", "body")


def article_sentences(article: Article) -> list[tuple[int, int]]:
    """Sentences of the title and body lines: the nlp stage's, else one per line."""
    lines = [(ln.start, ln.end) for ln in article.lines if ln.role in TEXT_ROLES]
    if article.sentences:
        out = [
            (s.start, s.end)
            for s in article.sentences
            if any(a <= s.start < b for a, b in lines) and article.raw_text[s.start : s.end].strip()
        ]
        if out:
            return out
    return [(a, b) for a, b in lines if article.raw_text[a:b].strip()]


def persuade(
    article: Article, model: PersuasionModel | None = None, min_confidence: float = 0.0, second_label: float = 1.0, precise: bool = True
) -> Article:
    """Fill ``article.persuasion`` with technique spans and their voices (see :func:`detect`)."""
    sentences = article_sentences(article)
    spans = []
    voices = Voices(article)
    for d in detect(article.raw_text, sentences, model, min_confidence, second_label, precise):
        voice, quoted = voices(d.start, d.end)
        spans.append(
            TechniqueSpan(article.id, Span.of(article.raw_text, d.start, d.end), d.technique, round(d.confidence, 4), voice)
        )
        if quoted:
            article.ext.setdefault("persuasion_quoted", []).append([d.start, d.end])
    article.persuasion = spans
    return article


@stage(
    "newsprism.persuasion.v1",
    requires=["article.lines", "article.raw_text", "article.sentences", "article.mentions", "article.quotes"],
    assigns=["article.persuasion", "article.ext.persuasion_quoted"],
    defaults={"min_confidence": 0.0, "second_label": 1.0, "precise": True, "model": None},
)
def make_persuasion(
    min_confidence: float = 0.0, second_label: float = 1.0, precise: bool = True, model: str | None = None
) -> Callable[[Article], Article]:
    """Propaganda-technique spans (PTC's 14 classes), in the outlet's own voice or a quoted speaker's."""

    def persuasion(article: Article) -> Article:
        return persuade(article, load_model(model), min_confidence, second_label, precise)

    return persuasion


def own_voice(spans: Iterable[TechniqueSpan]) -> list[TechniqueSpan]:
    """The spans in the outlet's own voice."""
    return [s for s in spans if s.voice is None]
