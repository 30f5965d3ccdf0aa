"""The genre stage: report, opinion, statement, analysis or other, per article.

A logistic regression trained on the SemEval-2023 Task 3 subtask-1 English genre
labels (Piskorski et al. 2023: reporting -> ``report``, opinion -> ``opinion``,
satire -> ``other``) reads the article's structure more than its topic:

* quotation share (reports are built of attributed quotes; Biber 1988's
  "reported speech" features), reporting verbs per sentence, first- and
  second-person pronouns outside quotes, questions and exclamations, modal and
  stance markers (Biber 1988, dimension 4, "overt expression of persuasion"),
  sentence length, figures;
* the density of the persuasion stage's lexicon cues;
* a light, hashed bag of words.

Two genres the training labels lack are decided by rules on what the page says
about itself (cues in ``data/persuasion/genre_cues.json``):

* ``statement``: the article reproduces a statement whole — a ``statement`` quote
  (the quotes stage) covering a large share of the body, or an announcing phrase
  ("the following statement was issued by ...") followed by first-person
  prose outside quotation marks;
* ``analysis``: a title or metadata line labelling the piece as analysis.

A title or metadata line labelling the piece as opinion ("Opinion | ...", "Editorial:",
"... | Editorial") or a section folder of its address ("/commentisfree/", "/opinion/";
"/fact-check/" and "/analysis/" make analysis) makes it opinion, and a digest of the news ("Summary of ... this week", "Key
developments ...", "Morning briefing") or a broadcaster's news package (two kinds of
segment marker: "[LEAD]", "[REPORT]", "ANCHOR:") a report, before the model is asked.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism import settings
from newsprism.article import GENRES, Article
from newsprism.knowledge import OTHER_SCRIPTS, derived, load_data
from newsprism.registry import stage

DATA = settings.DATA_DIR / "persuasion"
MODEL_FILE = DATA / "genre.npz"
LEX_BITS = 16
WORD = re.compile(r"\w+(?:['’]\w+)*")
# Quotations: straight, curly and guillemet marks, and the doubled apostrophes ('') that
# news archives (LexisNexis, ProQuest) print for quotation marks.
QUOTED = re.compile(r"[\"“«„][^\"“”«»„]{1,2000}?[\"”»]|''(?:(?!'')[^\n]){1,2000}?''")
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s+[^()\n]{0,40})?\s*(?:\([A-Za-z .]+\))?\s*[-—–]")
FIRST_SING = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLUR = frozenset({"we", "us", "our", "ours", "ourselves"})
SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves"})

# Share of the body a statement quote must cover for the article to be a statement.
STATEMENT_SHARE = 0.35
# First-person words per 100 outside quotes that mark a statement announced by a cue.
STATEMENT_FIRST_PERSON = 1.0
# Hard-news form (see :func:`hard_news`): attribution verbs per sentence at least, and
# persuasion cues per 100 words of the outlet's own voice at most.
HARD_NEWS_REPORTING = 0.1
HARD_NEWS_CUES = 1.0


@derived
def cues() -> dict[str, list[str]]:
    """The packaged genre cues plus the user's ``$NEWSPRISM_DATA/persuasion/genre_cues.json``."""
    out: dict[str, list[str]] = {}
    for k, v in load_data("persuasion/genre_cues.json").items():
        if isinstance(v, list):
            out.setdefault(k, []).extend(str(x).lower() for x in v)
        elif isinstance(v, dict):  # "url_sections": {"opinion": [...]} -> "url_sections.opinion"
            for k2, v2 in v.items():
                if isinstance(v2, list):
                    out.setdefault(f"{k}.{k2}", []).extend(str(x).lower() for x in v2)
    return out


def url_section(url: str | None) -> tuple[str, str] | None:
    """The genre a page's address names by its section folder ("/commentisfree/...", "/fact-check/..."):
    ``(genre, folder)``, or None. The last part of the path, the story's slug, is not a folder."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    segs = [x.lower() for x in path.split("/") if x]
    if segs and ("-" in segs[-1] or "." in segs[-1] or any(c.isdigit() for c in segs[-1])):
        segs = segs[:-1]
    for kind in ("opinion", "analysis"):
        names = set(cues().get(f"url_sections.{kind}", []))
        for i, seg in enumerate(segs):
            if seg in names or "/".join(segs[i : i + 2]) in names:
                return kind, seg
    return None


def _title_labels(title: str) -> list[str]:
    """The first and last parts of a title ("Opinion | ...", "... | Editorial", "Fact check: ...")."""
    parts = [x.strip().lower() for x in re.split(r"\s+[|–—-]\s+|:\s+", title) if x.strip()]
    return [parts[0], parts[-1]] if len(parts) >= 2 else []


@derived(maxsize=8)
def _phrase_pattern(kind: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(cues().get(kind, []), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


# A US politician's party and state ("Sen. Bernie Sanders, I-Vt."): not the first person.
PARTY_STATE = re.compile(r"\b[IDR]-(?=[A-Z])")
# Nor is the letter I of an initialism ("F.B.I.", "I.P.O.") or a roman numeral one ("World War I",
# "a Level I trauma centre").
NOT_FIRST_PERSON = re.compile(
    r"\b(?:[A-Za-z]\.){2,}|\bI\.(?=[A-Za-z]\.)"
    r"|\b(?:War|Level|Phase|Type|Class|Stage|Title|Chapter|Part|Section|Article|Book|Act|Grade|Category|Round|Tier) I\b"
)
# British usage: single curly quotation marks (a closing mark is not an apostrophe inside a word).
SINGLE_QUOTED = re.compile(r"(?<!\w)‘[^‘’\n]{1,2000}?’(?!\w)")


# A sentence in another script (a Korean tip line, "...를 구독해주세요!", under an English story):
# not the English prose the form rules and the model read.
OTHER_SCRIPT = re.compile(rf"[^.!?\n]*[{OTHER_SCRIPTS}][^.!?\n]*[.!?]*")


def outside_quotes(body: str) -> str:
    """The body's words outside quotation marks (the outlet's own), party labels, initialisms,
    roman numerals and sentences in another script blanked."""
    text = OTHER_SCRIPT.sub(" ", QUOTED.sub(" ", body))
    return NOT_FIRST_PERSON.sub(" ", PARTY_STATE.sub("  ", SINGLE_QUOTED.sub(" ", text)))


STRUCTURE = (
    "quote_share",
    "quotes_per_sent",
    "reporting_per_sent",
    "first_sing",
    "first_plur",
    "second",
    "questions",
    "exclaims",
    "opinion_markers",
    "sent_len",
    "log_sents",
    "digits",
    "dateline",
    "cue_density",
    "title_question",
    "statement_cue",
)


def structure(title: str, paragraphs: Sequence[str], statement_share: float = 0.0) -> np.ndarray:
    """The structural features of an article, in :data:`STRUCTURE` order."""
    from newsprism.stages.persuasion import lexicon

    body = "\n".join(paragraphs)
    outside = outside_quotes(body)
    quoted_chars = sum(len(m.group(0)) for m in QUOTED.finditer(body))
    words_out = [w.lower() for w in WORD.findall(outside)]
    n_out = max(len(words_out), 1)
    words = WORD.findall(body)
    n_words = max(len(words), 1)
    n_sents = max(sum(max(1, len(re.findall(r"[.!?](?:\s|$)", p))) for p in paragraphs if p.strip()), 1)
    lex = lexicon()
    cue_hits = len(lex.find(body)) if body else 0
    vals = {
        "quote_share": max(quoted_chars / max(len(body), 1), statement_share),
        "quotes_per_sent": len(QUOTED.findall(body)) / n_sents,
        "reporting_per_sent": len(_phrase_pattern("reporting_verbs").findall(body)) / n_sents,
        "first_sing": 100 * sum(w in FIRST_SING for w in words_out) / n_out,
        "first_plur": 100 * sum(w in FIRST_PLUR for w in words_out) / n_out,
        "second": 100 * sum(w in SECOND for w in words_out) / n_out,
        "questions": outside.count("?") / n_sents,
        "exclaims": outside.count("!") / n_sents,
        "opinion_markers": 100 * len(_phrase_pattern("opinion_markers").findall(outside)) / n_out,
        "sent_len": n_words / n_sents / 30.0,
        "log_sents": math.log1p(n_sents),
        "digits": 100 * sum(w[:1].isdigit() for w in words) / n_words,
        "dateline": 1.0 if paragraphs and DATELINE.match(paragraphs[0].strip()) else 0.0,
        "cue_density": 100 * cue_hits / n_words,
        "title_question": 1.0 if title.strip().endswith("?") else 0.0,
        "statement_cue": 1.0 if _phrase_pattern("statement").search(body) else 0.0,
    }
    # Rates are squashed so one extreme article does not dominate the scale.
    return np.array([math.log1p(vals[k]) if k not in ("dateline", "title_question", "statement_cue") else vals[k] for k in STRUCTURE])


def hard_news(paragraphs: Sequence[str]) -> bool:
    """Whether the body has the form of a news report.

    The conventions of hard news (van Dijk 1988, "News as Discourse"; Biber 1988's
    reported-speech features): third person only outside quotes (no I, no you),
    no questions or exclamations of the outlet's own, statements attributed with
    reporting verbs, and few persuasion cues in the outlet's own words. The
    SemEval-2023 labels come from partisan outlets that dress opinion as news, so the
    trained model leans to "opinion"; this form, checked first, keeps a plainly
    attributed report a report (it also lifts the report F1 in cross-validation).
    """
    from newsprism.stages.persuasion import lexicon

    body = "\n".join(paragraphs)
    outside = outside_quotes(body)
    words = [w.lower() for w in WORD.findall(outside)]
    if not words:
        return False
    if any(w in FIRST_SING or w in SECOND for w in words) or "?" in outside or "!" in outside:
        return False
    n_sents = max(sum(max(1, len(re.findall(r"[.!?](?:\s|$)", p))) for p in paragraphs if p.strip()), 1)
    if len(_phrase_pattern("reporting_verbs").findall(body)) / n_sents < HARD_NEWS_REPORTING:
        return False
    return 100 * len(lexicon().find(outside)) / len(words) <= HARD_NEWS_CUES


def lexical(title: str, paragraphs: Sequence[str]) -> dict[int, float]:
    """Hashed, l2-normalised word counts (sublinear) of the title and body outside quotes."""
    counts: dict[int, float] = {}
    for w in WORD.findall(QUOTED.sub(" ", title + "\n" + "\n".join(paragraphs)).lower()):
        h = zlib.crc32(w.encode("utf-8")) & ((1 << LEX_BITS) - 1)
        counts[h] = counts.get(h, 0.0) + 1.0
    vals = {h: 1.0 + math.log(c) for h, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
    return {h: v / norm for h, v in vals.items()}


@dataclass(slots=True)
class GenreModel:
    mean: np.ndarray
    scale: np.ndarray
    w_struct: np.ndarray  # (features, classes)
    w_lex: np.ndarray  # (2**LEX_BITS, classes)
    bias: np.ndarray
    classes: tuple[str, ...]
    lex_weight: float

    def probs(self, struct: np.ndarray, lex: dict[int, float]) -> np.ndarray:
        z = self.bias.astype(np.float64) + ((struct - self.mean) / self.scale) @ self.w_struct
        if lex:
            idx = np.fromiter(lex.keys(), dtype=np.int64)
            vals = np.fromiter(lex.values(), dtype=np.float64) * self.lex_weight
            z = z + vals @ self.w_lex[idx]
        from newsprism.stages.persuasion import softmax

        return softmax(z)


def save_genre_model(m: GenreModel, path: Path) -> None:
    np.savez_compressed(
        path,
        mean=m.mean.astype(np.float32),
        scale=m.scale.astype(np.float32),
        w_struct=m.w_struct.astype(np.float32),
        w_lex=m.w_lex.astype(np.float16),
        bias=m.bias.astype(np.float32),
        meta=np.array(json.dumps({"classes": list(m.classes), "lex_weight": m.lex_weight, "structure": list(STRUCTURE)})),
    )


@lru_cache(maxsize=2)
def load_genre_model(path: str | None = None) -> GenreModel:
    """The shipped genre model (``data/persuasion/genre.npz``), read once per process."""
    with np.load(Path(path) if path else MODEL_FILE, allow_pickle=False) as z:
        meta: dict[str, Any] = json.loads(str(z["meta"]))
        return GenreModel(
            z["mean"].astype(np.float64),
            z["scale"].astype(np.float64),
            z["w_struct"].astype(np.float64),
            z["w_lex"].astype(np.float64),
            z["bias"].astype(np.float64),
            tuple(meta["classes"]),
            float(meta["lex_weight"]),
        )


def _parts(article: Article) -> tuple[str, list[str]]:
    title = article.title or ""
    paras = [article.raw_text[ln.start : ln.end].strip() for ln in article.lines if ln.role == "body"]
    return title, [p for p in paras if p]


def statement_share(article: Article) -> float:
    """Share of the body's characters inside ``statement`` quotes."""
    body = sum(ln.end - ln.start for ln in article.lines if ln.role == "body") or 1
    return sum(q.span.end - q.span.start for q in article.quotes if q.kind == "statement") / body


# A broadcast transcript's segment marker: "[LEAD]", "[REPORT]", or "ANCHOR:" opening a line.
SEGMENT = re.compile(r"\[(?P<b>[A-Za-z][A-Za-z -]{0,18}[A-Za-z])\]|^\s*(?P<c>[A-Z][A-Z -]{0,18}[A-Z])\s*:", re.M)


def broadcast_segments(body: str) -> list[str]:
    """The distinct segment markers of a broadcaster's news package (``broadcast`` in the cues) in ``body``."""
    kinds = set(cues().get("broadcast", []))
    out: list[str] = []
    for m in SEGMENT.finditer(body):
        word = " ".join((m.group("b") or m.group("c")).lower().split())
        if word in kinds and m.group(0).strip() not in out:
            out.append(m.group(0).strip())
    return out


def classify_genre(article: Article, model: GenreModel | None = None) -> tuple[str, str]:
    """The article's genre and the evidence for it."""
    title, paras = _parts(article)
    if not paras:
        return "other", "no body text"
    share = statement_share(article)
    if share >= STATEMENT_SHARE:
        return "statement", f"a reproduced statement covers {share:.0%} of the body"
    labels = [article.raw_text[ln.start : ln.end].strip().lower() for ln in article.lines if ln.role in ("metadata", "title")]
    title_lines = {title, *(article.raw_text[ln.start : ln.end].strip() for ln in article.lines if ln.role == "title")}
    firsts = [re.split(r"[:|—–-]", lab, maxsplit=1)[0].strip() for lab in labels] + [x for t in title_lines for x in _title_labels(t)]
    for first in firsts:
        for kind in ("analysis", "opinion"):
            if first in cues().get(kind, []):
                return kind, f"labelled {first!r}"
    section = url_section(article.url or str(article.page_meta.get("url") or "") or None)
    if section:
        return section[0], f"the address names the section {section[1]!r}"
    titles = [title, *(article.raw_text[ln.start : ln.end] for ln in article.lines if ln.role == "title")]
    digest = next((m for t in titles if (m := _phrase_pattern("digest").search(t))), None)
    if digest:
        return "report", f"a news digest (title: {digest.group(0)!r})"
    body = "\n".join(paras)
    segments = broadcast_segments(body)
    if len(segments) >= 2:
        return "report", f"a broadcast news package (segments {', '.join(segments)})"
    m = _phrase_pattern("statement").search(body)
    if m:
        after = QUOTED.sub(" ", body[m.end() :])
        words = [w.lower() for w in WORD.findall(after)]
        first_person = 100 * sum(w in FIRST_SING or w in FIRST_PLUR for w in words) / max(len(words), 1)
        if first_person >= STATEMENT_FIRST_PERSON:
            return "statement", f"announced ({m.group(0)!r}) and first-person after it ({first_person:.1f} per 100 words)"
    return decide(model or load_genre_model(), title, paras, share)


def decide(model: GenreModel, title: str, paras: Sequence[str], share: float = 0.0) -> tuple[str, str]:
    """Hard-news form first, then the trained model (the part of :func:`classify_genre` that reads text alone)."""
    if hard_news(paras):
        return "report", "hard-news form: attributed, third person, few persuasion cues in its own words"
    p = model.probs(structure(title, paras, share), lexical(title, paras))
    k = int(np.argmax(p))
    return model.classes[k], f"genre model: {model.classes[k]} ({p[k]:.2f})"


@stage(
    "newsprism.genre.v1",
    requires=["article.lines", "article.raw_text", "article.title", "article.page_meta", "article.url", "article.language", "article.quotes"],
    assigns=["article.genre", "article.evidence.genre"],
    defaults={"model": None, "languages": ["en"]},
)
def make_genre(model: str | None = None, languages: Sequence[str] = ("en",)) -> Callable[[Article], Article]:
    """Genre per article (report, opinion, statement, analysis, other): a trained model plus statement rules.

    The model and the cues read English; an article detected in another language
    (``languages`` empty: read every article) is ``other``, and its evidence says why.
    """
    langs = frozenset(languages)

    def genre(article: Article) -> Article:
        if langs and article.language and article.language not in langs:
            article.genre, article.evidence["genre"] = "other", f"language {article.language!r}: the genre model reads {', '.join(sorted(langs))} only"
            return article
        article.genre, article.evidence["genre"] = classify_genre(article, load_genre_model(model))
        assert article.genre in GENRES
        return article

    return genre
