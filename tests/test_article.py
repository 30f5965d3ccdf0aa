"""The Article model and the dossier JSON contract (CONTRACT.md)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsprism
from newsprism.article import (
    ROLES,
    SCHEMA,
    Actor,
    Article,
    Claim,
    DateMention,
    DateRange,
    Dossier,
    Event,
    Failure,
    Line,
    Mention,
    Quote,
    Span,
    TechniqueSpan,
)
from newsprism.errors import SchemaError

ARTICLE_KEYS = {
    "id", "source", "raw_text", "title", "outlet", "reprint_of", "authors", "language",
    "published", "lines", "body", "dates", "genre", "stance", "story", "duplicate_of",
}  # fmt: skip
LAYERS = ("articles", "actors", "quotes", "claims", "events", "persuasion")


def _full_dossier() -> Dossier:
    raw = "Strike at Calderra\nBy Jane Doe\nDockworkers walked out on Tuesday, the union said."
    art = Article(
        id="a1",
        source="a1.txt",
        raw_text=raw,
        title="Strike at Calderra",
        outlet="The Calderra Courier",
        reprint_of=None,
        authors=["Jane Doe"],
        language="en",
        published=DateRange("2025-03-04", "2025-03-04", 0.9, "dateline 'March 4, 2025'"),
        lines=[Line(1, 0, 18, "title", "first heading"), Line(2, 19, 30, "metadata"), Line(3, 31, len(raw), "body")],
        body=raw[31:],
        dates=[DateMention(Span.of(raw, 57, 64), DateRange("2025-03-04", "2025-03-04", 0.8, "Tuesday"))],
        genre="report",
        stance={"actor-1": "neutral"},
        story="story-1",
        evidence={"outlet": "line 9: 'Follow The Calderra Courier'"},
        ext={"words": 9},
    )
    span = Span.of(raw, 31, 42)
    return Dossier(
        articles=[art],
        actors=[
            Actor("actor-1", "Vesnian Dockworkers' Federation", "ORG", ["the union"], [], None, [Mention("a1", span)])
        ],
        quotes=[
            Quote(
                "a1",
                span,
                "indirect",
                "actor-1",
                "the union",
                "said",
                None,
                DateRange("2025-03-04", "2025-03-04"),
                None,
            )
        ],
        claims=[Claim("a1", span, 4200.0, "workers", "approximately", "members", "actor-1", DateRange())],
        events=[
            Event(
                "ev-1",
                "PROTEST",
                "Dockworkers strike",
                "strike",
                DateRange("2025-03-04", "2025-03-07"),
                ["actor-1"],
                [],
                "Calderra",
                [Mention("a1", span)],
            )
        ],
        persuasion=[TechniqueSpan("a1", span, "loaded_language", 0.61234, None)],
        failures=[Failure("bad.txt", "E003", "[E003] Empty input: bad.txt holds no text")],
    )


def test_article_dossier_json_round_trip() -> None:
    d = _full_dossier()
    again = Dossier.from_json(d.to_json())
    assert again.as_dict() == d.as_dict()
    assert again.articles[0].lines[0].why == "first heading"
    assert again.articles[0].ext == {"words": 9}
    assert again.articles[0].dates[0].span.text == "Tuesday"
    assert again.to_json() == d.to_json()


@pytest.mark.parametrize("indent", [1, None, 0, 2, "\t"])
def test_article_dossier_write_json_streams_the_same_characters(indent: int | str | None, seed_dossier: Dossier) -> None:
    """``write_json`` streams a record at a time (#24: the whole dossier as one string doubled
    the writer's memory); it must write exactly what ``to_json`` returns, empty layers too."""
    import io

    for d in (seed_dossier, _full_dossier(), Dossier()):
        fh = io.StringIO()
        d.write_json(fh, indent=indent)
        assert fh.getvalue() == d.to_json(indent=indent)


def test_article_dossier_json_header() -> None:
    d = json.loads(_full_dossier().to_json())
    assert d["schema"] == SCHEMA
    assert d["generator"] == f"newsprism {newsprism.__version__}"
    for layer in LAYERS:
        assert isinstance(d[layer], list)


def test_article_empty_dossier_has_empty_layers() -> None:
    d = json.loads(Dossier().to_json())
    for layer in LAYERS:
        assert d[layer] == []


def test_article_unknown_schema_is_refused() -> None:
    d = _full_dossier().as_dict()
    d["schema"] = "newsprism.dossier/0"
    with pytest.raises(SchemaError, match=r"\[E010\]"):
        Dossier.from_dict(d)


def test_article_contract_keys_of_a_hand_made_article() -> None:
    d = Article(id="x", source="x.txt", raw_text="Hello").as_dict()
    assert d.keys() >= ARTICLE_KEYS
    assert set(d["published"]) == {"earliest", "latest", "confidence", "evidence"}
    for key in ("authors", "lines", "dates"):
        assert d[key] == []
    assert d["stance"] == {}


@pytest.fixture(scope="module")
def examples_dossier(examples):
    return json.loads(newsprism.analyze(examples).to_json())


def test_article_contract_keys_of_analysed_examples(examples_dossier) -> None:
    d = examples_dossier
    assert d["schema"] == SCHEMA
    assert len(d["articles"]) == 9
    assert d["failures"] == []
    for layer in LAYERS[1:]:
        assert isinstance(d[layer], list)
    for art in d["articles"]:
        missing = ARTICLE_KEYS - art.keys()
        assert not missing, f"{art['source']} lacks {missing}"
        assert set(art["published"]) >= {"earliest", "latest", "confidence", "evidence"}
        assert isinstance(art["authors"], list)
        assert isinstance(art["dates"], list)
        n_lines = art["raw_text"].count("\n") + 1
        assert [ln["n"] for ln in art["lines"]] == list(range(1, n_lines + 1))
        assert all(ln["role"] in ROLES for ln in art["lines"])


def test_article_lines_point_into_raw_text(examples_dossier) -> None:
    for art in examples_dossier["articles"]:
        raw = art["raw_text"]
        lines = raw.split("\n")
        for ln in art["lines"]:
            assert raw[ln["start"] : ln["end"]] == lines[ln["n"] - 1]


def test_article_body_is_body_lines_joined(examples_dossier) -> None:
    for art in examples_dossier["articles"]:
        raw = art["raw_text"]
        body = [raw[ln["start"] : ln["end"]].strip() for ln in art["lines"] if ln["role"] == "body"]
        assert art["body"] == "\n\n".join(body)


def test_article_span_of_reads_the_text() -> None:
    raw = "Dockworkers walk out at Calderra"
    s = Span.of(raw, 12, 16)
    assert (s.start, s.end, s.text) == (12, 16, "walk")
    assert s.as_dict() == {"text": "walk", "start": 12, "end": 16}
    assert Span.of(raw, 0, 0).text == ""
    assert Span.of(raw, 0, len(raw)).text == raw


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (0, 33), (40, 41)])
def test_article_span_of_refuses_offsets_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside text"):
        Span.of("Dockworkers walk out at Calderra", start, end)


@given(st.text(max_size=50), st.integers(-5, 60), st.integers(-5, 60))
def test_article_span_of_offsets_property(text: str, start: int, end: int) -> None:
    try:
        s = Span.of(text, start, end)
    except ValueError:
        assert not 0 <= start <= end <= len(text)
    else:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert Span.from_dict(s.as_dict()) == s


def test_article_date_range_refuses_earliest_after_latest() -> None:
    with pytest.raises(ValueError, match="after latest"):
        DateRange("2025-03-08", "2025-03-04")


def test_article_date_range_accepts_a_day_a_month_and_unknown() -> None:
    assert DateRange("2025-03-04", "2025-03-04").known
    assert DateRange("2025-03-01", "2025-03-31").known
    assert DateRange("2025-03-01", None).known
    unknown = DateRange()
    assert not unknown.known
    assert unknown.as_dict() == {"earliest": None, "latest": None, "confidence": 0.0, "evidence": ""}
    assert DateRange.from_dict(None) == unknown


def test_article_dossier_article_lookup() -> None:
    d = _full_dossier()
    assert d.article("a1") is d.articles[0]
    assert d.article("nope") is None
