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
TC_C = 10.0
# SemEval-2023 re-annotated the same articles with its own guidelines: its spans count
# fully for finding spans, half for naming techniques (its classes were mapped onto the
# PTC's, so their boundaries differ most); both chosen on the dev split.
SEMEVAL23_SI_WEIGHT = 1.0
SEMEVAL23_TC_WEIGHT = 0.5
# The token vectors enter the token model at this scale (beside binary hashed features;
# chosen on the dev split: 1.0 beat 0.3).
VECTOR_SCALE = 1.0
# A span's and its sentence's mean token vectors enter the technique model at this scale
# (beside l2-normalised counts; chosen on the dev split among 0.03, 0.1, 0.3, 1.0).
TC_VECTOR_SCALE = 0.3


def _sentences_of(arts: Sequence[LabelledArticle]) -> list[tuple[list[P.Sentence], P.DocContext, list[int], bytearray]]:
    """Each article's sentences and context, and a mask of the characters inside its spans."""
    out: list[tuple[list[P.Sentence], P.DocContext, list[int], bytearray]] = []
    lex = P.lexicon()
    for art in arts:
        inside = bytearray(len(art.text) + 1)
        for s, e, _ in art.spans:
            inside[s:e] = b"\x01" * (e - s)
        sents, doc = P.prepare(art.text, art.units(), lex, vectors=True)
        out.append((sents, doc, [], inside))
    return out


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


def _fit_sentences(rows: Sequence[list[int]], y: Sequence[int], w: Sequence[float]) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    S = _csr(rows, 1 << P.SENT_BITS, [[1.0 / np.sqrt(len(r))] * len(r) for r in rows])
    lr = LogisticRegression(C=SENT_C, solver="liblinear", max_iter=500)
    lr.fit(S, np.array(y), sample_weight=np.array(w))
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0])


def train_si(arts: Sequence[LabelledArticle], weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """The token model's weights (hashed, then vector), and the sentence model's (its bias apart).

    The token model reads the sentence model's probability of its sentence (and the
    article's mean); on the training articles those come out of fold (two halves,
    each scored by a sentence model fitted on the other), so the token model learns
    how far to trust them on unseen text.
    """
    from sklearn.linear_model import LogisticRegression

    t0 = time.time()
    docs = _sentences_of(arts)
    sent_rows: list[list[list[int]]] = []
    sent_y: list[list[int]] = []
    for sents, doc, _, inside in docs:
        sent_rows.append([P.sentence_features(x.tokens, x.cues, doc, x.first) for x in sents])
        sent_y.append([int(any(inside[t.start] for t in x.tokens)) for x in sents])
    half = [k % 2 for k in range(len(arts))]
    oof: list[list[float]] = [[] for _ in arts]
    for fold in (0, 1):
        fit_ix = [k for k in range(len(arts)) if half[k] != fold]
        w, b = _fit_sentences(
            [r for k in fit_ix for r in sent_rows[k]],
            [v for k in fit_ix for v in sent_y[k]],
            [weights[k] for k in fit_ix for _ in sent_rows[k]],
        )
        for k in range(len(arts)):
            if half[k] == fold:
                oof[k] = [P.sentence_prob(w, b, r) for r in sent_rows[k]]
    sent_w, sent_b = _fit_sentences(
        [r for rows in sent_rows for r in rows], [v for ys in sent_y for v in ys], [weights[k] for k in range(len(arts)) for _ in sent_rows[k]]
    )
    LOGGER.info("sentence model: %d rows, %.0fs", sum(map(len, sent_rows)), time.time() - t0)
    t0 = time.time()
    from scipy.sparse import csr_matrix, hstack

    tok_rows: list[list[int]] = []
    tok_vecs: list[np.ndarray] = []
    tok_y: list[int] = []
    tok_w: list[float] = []
    for k, (sents, doc, _, inside) in enumerate(docs):
        doc_p = sum(oof[k]) / len(oof[k]) if oof[k] else 0.0
        for x, sp in zip(sents, oof[k], strict=True):
            feats = P.token_features(x.tokens, x.cues, doc, x.first, sp, doc_p)
            tok_rows.extend(feats)
            tok_vecs.append(x.vectors if x.vectors is not None else np.zeros((len(feats), P.VECTOR_WIDTH), dtype=np.float32))
            tok_y.extend(inside[t.start] for t in x.tokens)
            tok_w.extend([weights[k]] * len(feats))
    X = _csr(tok_rows, 1 << P.TOKEN_BITS)
    X.data[:] = 1.0  # a bucket shared by two features is still one binary input
    X = hstack([X, csr_matrix(np.vstack(tok_vecs) * VECTOR_SCALE)]).tocsr()
    lr = LogisticRegression(C=TOKEN_C, solver="liblinear", fit_intercept=False, max_iter=200)
    lr.fit(X, np.array(tok_y), sample_weight=np.array(tok_w))
    LOGGER.info("token model: %d rows, %.0fs", X.shape[0], time.time() - t0)
    coef = lr.coef_[0].astype(np.float32)
    return coef[: 1 << P.TOKEN_BITS], coef[1 << P.TOKEN_BITS :], sent_w, sent_b


def _tc_rows(
    arts: Sequence[LabelledArticle], weights: Sequence[float]
) -> tuple[list[tuple[dict[int, float], list[int]]], list[np.ndarray], list[str], list[float]]:
    feats: list[tuple[dict[int, float], list[int]]] = []
    vecs: list[np.ndarray] = []
    labels: list[str] = []
    ws: list[float] = []
    for art, w in zip(arts, weights, strict=True):
        uniq = sorted({(s, e) for s, e, _ in art.spans})
        inputs = P.span_inputs(art.text, uniq, art.units())
        for (s, e), inp, v in zip(uniq, inputs, P.span_vectors(art.text, inputs), strict=True):
            f = P.span_features(art.text, inp)
            for s2, e2, tech in art.spans:
                if (s2, e2) == (s, e):
                    feats.append(f)
                    vecs.append(v)
                    labels.append(tech)
                    ws.append(w)
    return feats, vecs, labels, ws


def train_tc(
    arts: Sequence[LabelledArticle], weights: Sequence[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """The technique classifier: (count weights, bias, flag weights, vector weights, idf, classes)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    feats, vecs, labels, ws = _tc_rows(arts, weights)
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
    X = hstack([_csr(rows, 2 * dim, vals), csr_matrix(np.vstack(vecs) * TC_VECTOR_SCALE)]).tocsr()
    t0 = time.time()
    lr = LogisticRegression(C=TC_C, max_iter=3000)
    lr.fit(X, np.array(labels), sample_weight=np.array(ws))
    LOGGER.info("technique model: %d spans, %.0fs", X.shape[0], time.time() - t0)
    coef = lr.coef_.T.astype(np.float32)  # (2*dim + vector columns, classes)
    return coef[:dim], lr.intercept_.astype(np.float32), coef[dim : 2 * dim], coef[2 * dim :], idf, tuple(str(c) for c in lr.classes_)


def si_predictions(model: P.PersuasionModel, arts: Sequence[LabelledArticle], tok: float, sent: float) -> dict[str, list[tuple[int, int]]]:
    return {a.id: [(s, e) for s, e, _, _ in P.find_spans(a.text, a.units(), model, tok, sent)] for a in arts}


def tc_predictions(model: P.PersuasionModel, arts: Sequence[LabelledArticle]) -> tuple[dict[tuple[str, int, int], list[str]], dict[tuple[str, int, int], list[str]]]:
    """Gold and predicted labels of every gold span (the system ranks its labels per span)."""
    gold: dict[tuple[str, int, int], list[str]] = {}
    pred: dict[tuple[str, int, int], list[str]] = {}
    for a in arts:
        for s, e, tech in a.spans:
            gold.setdefault((a.id, s, e), []).append(tech)
        uniq = sorted({(s, e) for s, e, _ in a.spans})
        for (s, e), p in zip(uniq, P.classify(a.text, uniq, a.units(), model), strict=True):
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
    cache = {a.id: P.score_sentences(a.text, a.units(), model) for a in dev}  # score once, sweep many
    best: tuple[float, float, PRF] | None = None
    for tt in np.arange(0.10, 0.61, 0.025):
        for st in (*np.arange(0.3, 0.96, 0.025), 1.01):
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
    extra = read_semeval23_spans(shared, exclude={a.id for a in dev}) if semeval23 else []
    arts: list[LabelledArticle] = [*train_arts, *extra]
    tok_w, tok_dense, sent_w, sent_b = train_si(arts, [1.0] * len(train_arts) + [SEMEVAL23_SI_WEIGHT] * len(extra))
    tc_w, tc_b, tc_flag_w, tc_dense, idf, classes = train_tc(arts, [1.0] * len(train_arts) + [SEMEVAL23_TC_WEIGHT] * len(extra))
    assert set(classes) <= set(TECHNIQUES), classes
    meta: dict[str, Any] = {
        "version": 2,
        "sent_bias": sent_b,
        "trained_on": {"ptc_train": len(train_arts), "semeval23": len(arts) - len(train_arts)},
        "token_bits": P.TOKEN_BITS,
        "sent_bits": P.SENT_BITS,
        "tc_bits": P.TC_BITS,
        "vector_scale": VECTOR_SCALE,
        "tc_vector_scale": TC_VECTOR_SCALE,
    }
    vm = P.vector_model()
    if vm is not None:
        meta["vectors"] = f"spaCy {vm.meta.get('lang')}_{vm.meta.get('name')} {vm.meta.get('version')} tok2vec"
    model = P.PersuasionModel(tok_w, sent_w, tc_w, tc_b, tc_flag_w, idf, classes, meta, tok_dense, tc_dense)
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
