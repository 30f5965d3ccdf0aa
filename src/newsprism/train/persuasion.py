"""Train the persuasion model (``make train``) from the shared PTC and SemEval-2023 data.

    python -m newsprism.train.persuasion --shared ../shared [--out PATH] [--no-semeval23]

* Training articles: the PTC train split, plus the SemEval-2023 Task 3 span labels
  of the same kind of articles mapped onto the PTC's classes
  (``data/persuasion/semeval2023_map.json``). SemEval-2023's train set *is* the
  PTC's train and dev articles re-annotated, so the articles of the PTC dev split are
  left out of it: the dev split stays unseen.
* Tuning: the token and sentence thresholds are chosen on the PTC dev articles for
  span-identification F1 (the task's partial-overlap measure), as the task's
  participants did.
* Output: ``data/persuasion/model.npz`` (numpy only, float16 weights), and a line of
  dev scores.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.article import TECHNIQUES
from newsprism.stages import persuasion as P
from newsprism.train.datasets import LabelledArticle, read_ptc, read_semeval23_spans
from newsprism.train.scoring import PRF, si_score, tc_score

LOGGER = logging.getLogger(__name__)

TOKEN_C = 0.1
SENT_C = 1.0
TC_C = 20.0
SEMEVAL23_WEIGHT = 0.5  # a second annotation of the same articles: counted half


def _rows_of(arts: Sequence[LabelledArticle]) -> tuple[list[list[int]], list[int], list[list[int]], list[int]]:
    """Token rows and labels, sentence rows and labels, for the SI models."""
    tok_rows: list[list[int]] = []
    tok_y: list[int] = []
    sent_rows: list[list[int]] = []
    sent_y: list[int] = []
    lex = P.lexicon()
    for art in arts:
        inside = bytearray(len(art.text) + 1)
        for s, e, _ in art.spans:
            inside[s:e] = b"\x01" * (e - s)
        sents, doc = P.prepare(art.text, art.lines(), lex)
        for sent in sents:
            feats = P.token_features(sent.tokens, sent.cues, doc, sent.first)
            tok_rows.extend(feats)
            ys = [inside[t.start] for t in sent.tokens]
            tok_y.extend(ys)
            sent_rows.append(P.sentence_features(sent.tokens, sent.cues, doc, sent.first))
            sent_y.append(int(any(ys)))
    return tok_rows, tok_y, sent_rows, sent_y


def _csr(rows: Sequence[Sequence[int]], dim: int, values: Sequence[Sequence[float]] | None = None) -> Any:
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    idx = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    if values is None:
        vals = np.ones(len(idx), dtype=np.float32)
    else:
        vals = np.fromiter((v for r in values for v in r), dtype=np.float32, count=int(indptr[-1]))
    m = csr_matrix((vals, idx, indptr), shape=(len(rows), dim))
    m.sum_duplicates()
    return m


def train_si(arts: Sequence[LabelledArticle], weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray, float]:
    """The token model's and sentence model's weights (the sentence bias apart)."""
    from sklearn.linear_model import LogisticRegression

    tok_rows: list[list[int]] = []
    tok_y: list[int] = []
    tok_w: list[float] = []
    sent_rows: list[list[int]] = []
    sent_y: list[int] = []
    sent_w: list[float] = []
    for art, w in zip(arts, weights, strict=True):
        a, b, c, d = _rows_of([art])
        tok_rows += a
        tok_y += b
        tok_w += [w] * len(a)
        sent_rows += c
        sent_y += d
        sent_w += [w] * len(c)
    t0 = time.time()
    X = _csr(tok_rows, 1 << P.TOKEN_BITS)
    X.data[:] = 1.0  # a bucket shared by two features is still one binary input
    lr = LogisticRegression(C=TOKEN_C, solver="liblinear", fit_intercept=False, max_iter=200)
    lr.fit(X, np.array(tok_y), sample_weight=np.array(tok_w))
    tok = lr.coef_[0].astype(np.float32)
    LOGGER.info("token model: %d rows, %.0fs", X.shape[0], time.time() - t0)
    t0 = time.time()
    vals = [[1.0 / np.sqrt(len(r))] * len(r) for r in sent_rows]
    S = _csr(sent_rows, 1 << P.SENT_BITS, vals)
    lr2 = LogisticRegression(C=SENT_C, solver="liblinear", max_iter=500)
    lr2.fit(S, np.array(sent_y), sample_weight=np.array(sent_w))
    LOGGER.info("sentence model: %d rows, %.0fs", S.shape[0], time.time() - t0)
    return tok, lr2.coef_[0].astype(np.float32), float(lr2.intercept_[0])


def _tc_rows(arts: Sequence[LabelledArticle], weights: Sequence[float]) -> tuple[list[tuple[dict[int, float], list[int]]], list[str], list[float]]:
    feats: list[tuple[dict[int, float], list[int]]] = []
    labels: list[str] = []
    ws: list[float] = []
    for art, w in zip(arts, weights, strict=True):
        uniq = sorted({(s, e) for s, e, _ in art.spans})
        inputs = P.span_inputs(art.text, uniq, art.lines())
        for (s, e), inp in zip(uniq, inputs, strict=True):
            f = P.span_features(art.text, inp)
            for s2, e2, tech in art.spans:
                if (s2, e2) == (s, e):
                    feats.append(f)
                    labels.append(tech)
                    ws.append(w)
    return feats, labels, ws


def train_tc(arts: Sequence[LabelledArticle], weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """The technique classifier: (count weights, bias, flag weights, idf, classes)."""
    from sklearn.linear_model import LogisticRegression

    feats, labels, ws = _tc_rows(arts, weights)
    dim = 1 << P.TC_BITS
    df = np.zeros(dim, dtype=np.float64)
    for f, _ in feats:
        df[list(f)] += 1
    idf = (np.log((1 + len(feats)) / (1 + df)) + 1).astype(np.float32)
    model = P.PersuasionModel(
        np.zeros(1), np.zeros(1), np.zeros((1, 1)), np.zeros(1), np.zeros((1, 1)), idf, (), {}
    )
    rows, vals = [], []
    for f, flags in feats:
        idx, v = model.vectorise(f)
        rows.append([*idx.tolist(), *(dim + k for k in flags)])
        vals.append([*v.tolist(), *([1.0] * len(flags))])
    X = _csr(rows, 2 * dim, vals)
    t0 = time.time()
    lr = LogisticRegression(C=TC_C, max_iter=3000)
    lr.fit(X, np.array(labels), sample_weight=np.array(ws))
    LOGGER.info("technique model: %d spans, %.0fs", X.shape[0], time.time() - t0)
    coef = lr.coef_.T.astype(np.float32)  # (2*dim, classes)
    return coef[:dim], lr.intercept_.astype(np.float32), coef[dim:], idf, tuple(str(c) for c in lr.classes_)


def si_predictions(model: P.PersuasionModel, arts: Sequence[LabelledArticle], tok: float, sent: float) -> dict[str, list[tuple[int, int]]]:
    return {a.id: [(s, e) for s, e, _, _ in P.find_spans(a.text, a.lines(), model, tok, sent)] for a in arts}


def tc_predictions(model: P.PersuasionModel, arts: Sequence[LabelledArticle]) -> tuple[dict[tuple[str, int, int], list[str]], dict[tuple[str, int, int], list[str]]]:
    """Gold and predicted labels of every gold span (the system ranks its labels per span)."""
    gold: dict[tuple[str, int, int], list[str]] = {}
    pred: dict[tuple[str, int, int], list[str]] = {}
    for a in arts:
        for s, e, tech in a.spans:
            gold.setdefault((a.id, s, e), []).append(tech)
        uniq = sorted({(s, e) for s, e, _ in a.spans})
        for (s, e), p in zip(uniq, P.classify(a.text, uniq, a.lines(), model), strict=True):
            pred[(a.id, s, e)] = [model.classes[int(k)] for k in np.argsort(-p)]
    return gold, pred


def evaluate(model: P.PersuasionModel, arts: Sequence[LabelledArticle]) -> tuple[PRF, float]:
    """SI (partial overlap) and TC micro-F1 of ``model`` on ``arts``, at its shipped thresholds."""
    gold_si = {a.id: [(s, e) for s, e, _ in a.spans] for a in arts}
    si = si_score(gold_si, si_predictions(model, arts, model.tok_threshold, model.sent_threshold))
    return si, tc_score(*tc_predictions(model, arts))


def tune(model: P.PersuasionModel, dev: Sequence[LabelledArticle]) -> tuple[float, float, PRF]:
    """The token and sentence thresholds with the best dev SI F1."""
    gold = {a.id: [(s, e) for s, e, _ in a.spans] for a in dev}
    cache = {a.id: P.score_sentences(a.text, a.lines(), model) for a in dev}  # score once, sweep many
    best: tuple[float, float, PRF] | None = None
    for tt in np.arange(0.10, 0.61, 0.025):
        for st in (*np.arange(0.5, 0.96, 0.025), 1.01):
            pred = {a.id: [(s, e) for s, e, _, _ in P.decode(a.text, cache[a.id], float(tt), float(st))] for a in dev}
            score = si_score(gold, pred)
            if best is None or score.f1 > best[2].f1:
                best = (round(float(tt), 3), round(float(st), 3), score)
    assert best is not None
    return best


def train(shared: Path, out: Path, semeval23: bool = True) -> dict[str, Any]:
    """Train, tune and save the model; returns the dev scores."""
    t0 = time.time()
    train_arts = read_ptc(shared, "train")
    dev = read_ptc(shared, "dev")
    arts: list[LabelledArticle] = list(train_arts)
    weights = [1.0] * len(arts)
    if semeval23:
        extra = read_semeval23_spans(shared, exclude={a.id for a in dev})
        arts += extra
        weights += [SEMEVAL23_WEIGHT] * len(extra)
    tok_w, sent_w, sent_b = train_si(arts, weights)
    tc_w, tc_b, tc_flag_w, idf, classes = train_tc(arts, weights)
    assert set(classes) <= set(TECHNIQUES), classes
    meta: dict[str, Any] = {
        "version": 1,
        "sent_bias": sent_b,
        "trained_on": {"ptc_train": len(train_arts), "semeval23": len(arts) - len(train_arts)},
        "token_bits": P.TOKEN_BITS,
        "sent_bits": P.SENT_BITS,
        "tc_bits": P.TC_BITS,
    }
    model = P.PersuasionModel(tok_w, sent_w, tc_w, tc_b, tc_flag_w, idf, classes, meta)
    tt, st, si = tune(model, dev)
    meta.update(tok_threshold=tt, sent_threshold=st)
    P.save_model(model, out)
    P.load_model.cache_clear()
    shipped = P.load_model(str(out))
    si, tc = evaluate(shipped, dev)
    res = {"si": si.as_dict(), "tc_micro_f1": round(tc, 4), "tok_threshold": tt, "sent_threshold": st, "seconds": round(time.time() - t0)}
    meta["dev"] = res
    P.save_model(model, out)
    P.load_model.cache_clear()
    return res


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=str(P.MODEL_FILE))
    ap.add_argument("--no-semeval23", action="store_true", help="train on the PTC train split alone")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    res = train(Path(args.shared), Path(args.out), semeval23=not args.no_semeval23)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
