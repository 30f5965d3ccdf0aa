"""Readers of the shared persuasion datasets: PTC (SemEval-2020 Task 11) and SemEval-2023 Task 3 (English).

The PTC's train and dev articles hold span labels in its 14 classes; SemEval-2023
re-annotated the same articles in 23 classes (with slightly different texts, so
its offsets are its own) and labels each article's genre (opinion, reporting,
satire). ``data/persuasion/semeval2023_map.json`` maps its classes onto the PTC's
where they correspond. See ``<shared>/datasets/*/SOURCE.md`` for what is shared
and what is held out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# A sentence ends at . ! or ? (and closing quotes) before a space and a capital or an opening quote.
SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)]*\s+(?=["“‘(]?[A-Z0-9])""")

PTC = "datasets/ptc-semeval2020"
SEMEVAL23 = "datasets/semeval2023-task3-en"

# The PTC's merged label names -> the contract's technique names.
PTC_LABELS = {
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling",
    "Repetition": "repetition",
    "Exaggeration,Minimisation": "exaggeration",
    "Doubt": "doubt",
    "Appeal_to_fear-prejudice": "appeal_to_fear",
    "Flag-Waving": "flag_waving",
    "Causal_Oversimplification": "causal_oversimplification",
    "Slogans": "slogans",
    "Appeal_to_Authority": "appeal_to_authority",
    "Black-and-White_Fallacy": "black_and_white",
    "Thought-terminating_Cliches": "thought_terminating_cliche",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon",
}


@dataclass(slots=True)
class LabelledArticle:
    """One article of a dataset: id, text, and ``(start, end, technique)`` spans."""

    id: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    one_sentence_a_line: bool = False

    def units(self) -> list[tuple[int, int]]:
        """The article's sentences: its lines where the dataset splits them so (PTC), else split here."""
        return self.lines() if self.one_sentence_a_line else self.sentences()

    def lines(self) -> list[tuple[int, int]]:
        """Non-blank lines as ``(start, end)``: the datasets' sentences (PTC) or paragraphs."""
        out, off = [], 0
        for line in self.text.split("\n"):
            if line.strip():
                out.append((off, off + len(line)))
            off += len(line) + 1
        return out

    def sentences(self) -> list[tuple[int, int]]:
        """Lines split into sentences (the PTC has one sentence a line; SemEval-2023 one paragraph)."""
        out = []
        for s, e in self.lines():
            start = s
            for m in SENTENCE_END.finditer(self.text, s, e):
                out.append((start, m.start()))
                start = m.end()
            out.append((start, e))
        return [(a, b) for a, b in out if self.text[a:b].strip()]


def read_ptc(shared: Path, split: str) -> list[LabelledArticle]:
    """PTC articles of ``split`` ("train" or "dev") with their technique spans."""
    root = shared / PTC
    out = []
    for f in sorted((root / f"{split}-articles").glob("article*.txt")):
        aid = f.stem.removeprefix("article")
        text = f.read_text(encoding="utf-8")
        art = LabelledArticle(aid, text, one_sentence_a_line=True)
        lab = root / f"{split}-labels-task-flc-tc" / f"article{aid}.task-flc-tc.labels"
        if lab.is_file():
            for row in lab.read_text(encoding="utf-8").splitlines():
                parts = row.split("\t")
                if len(parts) == 4 and parts[1] in PTC_LABELS:
                    s, e = int(parts[2]), int(parts[3])
                    if 0 <= s < e <= len(text):
                        art.spans.append((s, e, PTC_LABELS[parts[1]]))
        out.append(art)
    return out


def semeval23_map() -> dict[str, str | None]:
    """SemEval-2023 Task 3 technique -> PTC technique (None: no counterpart)."""
    from newsprism.knowledge import load_data

    d = load_data("persuasion/semeval2023_map.json")
    return {k: v for k, v in d["map"].items()}


def read_semeval23_spans(shared: Path, exclude: set[str] | frozenset[str] = frozenset()) -> list[LabelledArticle]:
    """SemEval-2023 subtask-3 train articles with span labels mapped to the PTC's classes."""
    root = shared / SEMEVAL23
    mapping = semeval23_map()
    out = []
    for f in sorted((root / "train-articles-subtask-3").glob("article*.txt")):
        aid = f.stem.removeprefix("article")
        if aid in exclude:
            continue
        text = f.read_text(encoding="utf-8")
        art = LabelledArticle(aid, text)
        lab = root / "train-labels-subtask-3-spans" / f"article{aid}-labels-subtask-3.txt"
        if lab.is_file():
            for row in lab.read_text(encoding="utf-8").splitlines():
                parts = row.split("\t")
                if len(parts) != 4:
                    continue
                tech = mapping.get(parts[1])
                s, e = int(parts[2]), int(parts[3])
                if tech and 0 <= s < e <= len(text):
                    art.spans.append((s, e, tech))
        out.append(art)
    return out


GENRES_23 = {"reporting": "report", "opinion": "opinion", "satire": "other"}


def read_genres(shared: Path) -> list[tuple[LabelledArticle, str]]:
    """SemEval-2023 subtask-1 articles with their genre mapped to the contract's (satire -> other)."""
    root = shared / SEMEVAL23
    labels = {}
    for row in (root / "train-labels-subtask-1.txt").read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) == 2 and parts[1] in GENRES_23:
            labels[parts[0]] = GENRES_23[parts[1]]
    out = []
    for aid, genre in sorted(labels.items()):
        for sub in ("train-articles-subtask-1", "train-articles-subtask-3"):
            f = root / sub / f"article{aid}.txt"
            if f.is_file():
                out.append((LabelledArticle(aid, f.read_text(encoding="utf-8")), genre))
                break
    return out
