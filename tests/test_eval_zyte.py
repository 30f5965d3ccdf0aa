"""The body evaluation on the Zyte article-extraction benchmark, and the scorer it uses.

The benchmark check runs on a fixed subset (the first pages by id) so it stays fast;
``make eval`` runs all shared pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "evals"))

import zyte_bodies as zb  # noqa: E402

SUBSET = 25
# Measured on the first 25 pages (newsprism-html 0.966, trafilatura 0.959,
# newsprism-text 0.881); the floors leave a small margin for library updates.
HTML_F1_FLOOR = 0.955
TEXT_F1_FLOOR = 0.85
VS_TRAFILATURA_MARGIN = 0.005


# ------------------------------------------------------------------------- scorer


def test_shingles_are_four_token_ngrams():
    assert zb.shingles("a b c d e") == {"a b c d": 1, "b c d e": 1}
    assert zb.shingles("Hello, world!") == {"Hello world": 1}  # shorter than 4 tokens: one shingle
    assert zb.shingles("") == {}
    assert zb.shingles(" ... ") == {}


def test_exact_match_scores_one():
    text = "The quick brown fox jumps over the lazy dog. It was not amused."
    tp, fp, fn = zb.page_counts(text, text)
    assert (tp, fp, fn) == (1.0, 0.0, 0.0)
    assert zb.page_precision(tp, fp, fn) == zb.page_recall(tp, fp, fn) == zb.page_f1(tp, fp, fn) == 1.0
    s = zb.corpus_score([(tp, fp, fn)])
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero():
    tp, fp, fn = zb.page_counts("one two three four five", "six seven eight nine ten")
    assert tp == 0.0 and fp == pytest.approx(0.5) and fn == pytest.approx(0.5)
    assert zb.page_precision(tp, fp, fn) == 0.0
    assert zb.page_recall(tp, fp, fn) == 0.0
    assert zb.corpus_score([(tp, fp, fn)]).f1 == 0.0


def test_partial_match():
    # true shingles: "a b c d", "b c d e"; predicted: "a b c d", "b c d x" -> tp 1, fp 1, fn 1
    tp, fp, fn = zb.page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert zb.page_precision(tp, fp, fn) == pytest.approx(0.5)
    assert zb.page_recall(tp, fp, fn) == pytest.approx(0.5)
    # Extra text costs precision only; missing text costs recall only.
    tp, fp, fn = zb.page_counts("a b c d e", "a b c d e f g h i")
    assert zb.page_recall(tp, fp, fn) == 1.0 and zb.page_precision(tp, fp, fn) == pytest.approx(2 / 6)
    tp, fp, fn = zb.page_counts("a b c d e f g h i", "a b c d e")
    assert zb.page_precision(tp, fp, fn) == 1.0 and zb.page_recall(tp, fp, fn) == pytest.approx(2 / 6)


def test_repeated_shingles_count():
    tp, fp, fn = zb.page_counts("a b c d", "a b c d a b c d")
    # pred has "a b c d" twice, "b c d a", "c d a b", "d a b c" once: 1 tp, 4 fp
    assert (tp, fp, fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_corpus_means_skip_undefined_pages():
    perfect = zb.page_counts("a b c d e", "a b c d e")
    empty = zb.page_counts("a b c d e", "")  # nothing predicted: no precision, recall 0
    s = zb.corpus_score([perfect, empty])
    assert s.precision == 1.0
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert s.pages == 2


# ------------------------------------------------------------------------- alignment


def _body_of(html: str, extracted: str) -> list[str]:
    from newsprism.clean import classify_blocks
    from newsprism.ingest.html import page_blocks

    blocks = page_blocks(html)
    lines = classify_blocks(blocks, extracted, None)
    return [b.text for b, ln in zip(blocks, lines, strict=True) if ln.role == "body"]


def test_table_cells_align_with_a_row_line():
    html = (
        "<html><body><article><p>The standings after the final race of the season are below.</p>"
        "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
        "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table>"
        "<p>Share</p><p>1</p></article></body></html>"
    )
    extracted = (
        "The standings after the final race of the season are below.\n"
        "| Pos. | Driver | Points |\n|---|---|---|\n| 1 | Kyle Busch | 5040 |"
    )
    body = _body_of(html, extracted)
    assert body == [
        "The standings after the final race of the season are below.",
        "Pos.",
        "Driver",
        "Points",
        "1",
        "Kyle Busch",
        "5040",
    ]


def test_teaser_repeating_the_lead_is_not_body():
    lead = "NEW DELHI: Nearly 150 Indians returned home on Wednesday after being deported from the United States."
    html = (
        f"<html><body><ul><li>Deportees return home {lead[:60]}</li></ul>"
        f"<h1>Deportees return home</h1><p>{lead}</p><p>A second paragraph of the report follows here.</p>"
        "</body></html>"
    )
    extracted = f"{lead}\nA second paragraph of the report follows here."
    assert _body_of(html, extracted) == [lead, "A second paragraph of the report follows here."]


def test_page_charset_declaration_does_not_garble_decoded_text():
    from newsprism.ingest.html import page_blocks

    html = '<html><head><meta charset="windows-1251"></head><body><p>Диета Аткинса</p></body></html>'
    assert [b.text for b in page_blocks(html)] == ["Диета Аткинса"]


# ------------------------------------------------------------------------- benchmark


@pytest.fixture(scope="module")
def subset_result() -> zb.Result:
    if not (SHARED / zb.DATASET / "ground-truth.json").exists():
        pytest.skip(f"no shared benchmark at {SHARED / zb.DATASET}")
    pages = zb.load_pages(SHARED, SUBSET)
    assert len(pages) == SUBSET
    return zb.evaluate(pages)


def test_newsprism_html_not_worse_than_trafilatura(subset_result: zb.Result):
    s = subset_result.scores
    assert s["newsprism-html"].f1 >= s["trafilatura"].f1 - VS_TRAFILATURA_MARGIN, {k: v.as_dict() for k, v in s.items()}


def test_newsprism_html_f1_floor(subset_result: zb.Result):
    assert subset_result.scores["newsprism-html"].f1 >= HTML_F1_FLOOR
    assert not subset_result.errors


def test_newsprism_text_f1_floor(subset_result: zb.Result):
    assert subset_result.scores["newsprism-text"].f1 >= TEXT_F1_FLOOR
