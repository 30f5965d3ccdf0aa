"""The HTML report: its view of a dossier, escaping, self-containment and the CLI (issue 8).

Built on hand-made, contract-shaped dossiers (tests/test_report_data.py), so the report is
tested apart from how well the stages find events, quotes and figures.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.article import Dossier
from newsprism.cli import app
from newsprism.compare import assign_stories
from newsprism.report import render_report
from newsprism.report.build import build_view, segment_line
from test_report_data import HOSTILE, hand_dossier, hand_dossier_dict, hostile_dossier

pytestmark = pytest.mark.issue(8)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def test_report_timeline_in_date_order_with_reporting_and_referencing_articles() -> None:
    view = build_view(hand_dossier())
    assert [e.id for e in view.events] == ["ev-earlier", "ev-summit", "ev-march"]
    summit = view.events[1]
    reporters = {view.articles[ev.art].id for ev in summit.reported}
    referrers = {view.articles[ev.art].id for ev in summit.referenced}
    # One event, reported by the articles of the days after it, referred to by the later one.
    assert reporters == {"a1", "a2", "a4"}
    assert referrers == {"a3"}
    assert summit.date == "2024-05-10"
    assert [n for n, _ in summit.actors] == ["Arlen Voss", "Dana Kirov"]


def test_report_quotes_grouped_under_their_speaker() -> None:
    view = build_view(hand_dossier())
    by_speaker = {s.name: [q.text for q in s.quotes] for s in view.speakers}
    assert by_speaker["Arlen Voss"] == [
        "We will build the bridge together, whatever it costs",
        "build the bridge together",
        "We will build the bridge together, whatever it costs",
    ]
    assert by_speaker["Dana Kirov"] == ["the strait would stay open"]
    voss = next(s for s in view.speakers if s.name == "Arlen Voss")
    # The same words carried by other outlets are linked from each quote.
    assert {e.outlet for e in voss.quotes[0].also} == {"Coast Wire", "Metro Reprints"}


def test_report_figures_in_date_order_with_who_asserts_them() -> None:
    view = build_view(hand_dossier())
    (ships,) = view.figures
    assert ships.unit == "ship"
    assert [(r.value, r.asserted_by, r.as_of) for r in ships.rows] == [
        ("40", "the article itself", "2024-05-10"),
        ("55", "Dana Kirov", "2024-07-01"),
    ]
    assert ships.chart is not None and len(ships.chart["points"]) == 2


def test_report_article_segments_cover_each_line_exactly() -> None:
    d = hand_dossier()
    view = build_view(d)
    for av, art in zip(view.articles, d.articles, strict=True):
        for ln, line in zip(av.lines, art.lines, strict=True):
            assert "".join(s.text for s in ln.segments) == art.raw_text[line.start : line.end]
    a1 = view.articles[0]
    quoted = [s for ln in a1.lines for s in ln.segments if "hl-q" in s.classes]
    assert "".join(s.text for s in quoted) == "We will build the bridge together, whatever it costs"
    assert {c.kind for c in a1.cards} == {"quote", "claim", "event"}


def test_report_segment_line_handles_overlaps_and_spans_across_lines() -> None:
    raw = "abcdef\nghij"
    segs = segment_line(raw, 0, 6, [(1, 4, "hl hl-q", "q0"), (2, 9, "hl hl-t", "t0")])
    assert [(s.text, s.refs) for s in segs] == [("a", ""), ("b", "q0"), ("cd", "q0 t0"), ("ef", "t0")]
    assert [(s.text, s.refs) for s in segment_line(raw, 7, 11, [(2, 9, "hl", "t0")])] == [("gh", "t0"), ("ij", "")]


def test_report_coverage_matrix_and_outlets() -> None:
    d = hand_dossier()
    assign_stories(d)
    view = build_view(d)
    assert view.matrix_outlets[0] in {"Harbor Daily", "Coast Wire", "Evening Ledger", "Metro Reprints"}
    summit = next(r for r in view.matrix if r.target == "ev-1")
    statuses = {o: c.status for o, c in zip(view.matrix_outlets, summit.cells, strict=True) if c}
    assert statuses["Harbor Daily"] == "reported"
    assert statuses["Coast Wire"] == "reported"
    names = [o.name for o in view.outlets]
    assert set(names) == {"Harbor Daily", "Coast Wire", "Evening Ledger", "Metro Reprints"}
    ledger = next(o for o in view.outlets if o.name == "Evening Ledger")
    assert ledger.techniques_own == [("loaded language", 1)]


def test_report_is_self_contained_and_its_script_allowed_by_hash() -> None:
    html = render_report(hand_dossier())
    tags = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    # Nothing is loaded from anywhere: no external script, style sheet, image or frame.
    for tag, attrs in tags.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed"), tag
        if tag == "script":
            assert "src" not in attrs
    assert len(tags.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(tags.scripts[0].encode("utf-8")).digest()).decode()
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    # The sections a reader expects, even with empty layers.
    for sid in ("timeline", "stories", "actors", "quotes", "figures", "coverage", "outlets", "provenance", "articles"):
        assert f'id="{sid}"' in html


def test_report_escapes_every_untrusted_string() -> None:
    html = render_report(hostile_dossier())
    tags = parse(html)
    assert len(tags.scripts) == 1, "an article's <script> became a script element"
    for tag, attrs in tags.tags:
        assert tag not in ("img", "iframe", "svg") or (tag == "svg" and "onload" not in attrs), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), f"<{tag} {name}=...> from article text"
            if name == "href" and value:
                assert not value.lower().startswith("javascript:")
    assert "data-pwned" not in tags.scripts[0]
    # The hostile text is there, as text.
    assert "&lt;script&gt;document.documentElement.setAttribute(" in html
    assert HOSTILE not in html


def test_report_empty_dossier_renders_empty_sections() -> None:
    html = render_report(Dossier())
    assert "No events in this dossier" in html
    assert "No quotes in this dossier" in html
    assert "No articles in this dossier" in html


def test_report_cli_writes_html(tmp_path: Path) -> None:
    src = tmp_path / "d.json"
    src.write_text(json.dumps(hand_dossier_dict()), encoding="utf-8")
    out = tmp_path / "r.html"
    res = CliRunner().invoke(app, ["report", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "Voss and Kirov hold a summit in Calderra" in text
    bad = CliRunner().invoke(app, ["report", str(tmp_path / "missing.json"), "-o", str(out)])
    assert bad.exit_code != 0


def test_report_analyze_out_writes_report(tmp_path: Path, examples: Path) -> None:
    res = CliRunner().invoke(app, ["analyze", str(examples), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "o" / "dossier.html").read_text(encoding="utf-8")
    n = len(json.loads((tmp_path / "o" / "dossier.json").read_text(encoding="utf-8"))["articles"])
    assert len(re.findall(r'<template id="tpl-\d+">', html)) == n


def test_report_stays_light_at_1000_articles() -> None:
    """Paging: 1,000 articles render, with every article's text inert in a template."""
    d = hand_dossier()
    base = d.articles[0]
    from dataclasses import replace

    d.articles = [replace(base, id=f"n{i}", title=f"Article {i}") for i in range(1000)]
    html = render_report(d)
    assert html.count("<template id=") == 1000
    assert 'data-page="25"' in html


def test_report_write_streams_the_same_page_and_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import report as R

    d = hostile_dossier()
    out = R.write_report(d, tmp_path / "r.html")
    assert out.read_text(encoding="utf-8") == render_report(d)
    assert not list(tmp_path.glob("*.tmp"))

    import jinja2

    def broken(self: object, fp: Any, encoding: str | None = None, errors: str = "strict") -> None:
        fp.write(b"<!DOCTYPE html><html><body>half a page")
        raise RuntimeError("rendering failed half way")

    monkeypatch.setattr(jinja2.environment.TemplateStream, "dump", broken)
    with pytest.raises(RuntimeError):
        R.write_report(d, tmp_path / "s.html")
    assert not (tmp_path / "s.html").exists()
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.issue(22)
def test_report_unresolved_speaker_is_unattributed_never_a_heading_named_she() -> None:
    """A quote whose speaker is "she" (no one the dossier can name) was listed under a heading "she"."""
    from newsprism.report.build import UNATTRIBUTED

    d = hand_dossier_dict()
    d["quotes"][2] = {**d["quotes"][2], "speaker": None, "speaker_text": "she"}
    d["quotes"][1] = {**d["quotes"][1], "speaker": None, "speaker_text": "Harbour officials in Lisk"}
    view = build_view(Dossier.from_dict(d))
    names = [s.name for s in view.speakers]
    assert "she" not in names and UNATTRIBUTED in names
    assert "Harbour officials in Lisk" in names  # a description the text gives stays its own heading
    from newsprism.report.build import vague_speaker

    assert vague_speaker("a senior official") and vague_speaker("two officials") and not vague_speaker("the Lisk officials")


def test_report_less_certain_events_are_collapsed_apart_and_off_the_chart() -> None:
    """Every event was shown alike though records without a named agent are right about one time
    in six (#21): those are listed apart, collapsed, and kept off the timeline's chart."""
    from newsprism.report import render_view
    from newsprism.report.build import LESS_CERTAIN_BELOW, build_view
    from test_report_data import hand_dossier

    d = hand_dossier()
    d.events[1].confidence = LESS_CERTAIN_BELOW / 2  # the march: no named agent
    d.events[0].confidence = 0.42
    v = build_view(d)
    html = render_view(v)
    section = html.split('<section id="timeline">', 1)[1].split("</section>", 1)[0]
    main, sep, less = section.partition('id="less-certain-events"')
    assert sep, "no collapsed group"
    march = next(e.idx for e in v.events if e.id == "ev-march")
    assert f'id="ev-{march}"' in less and f'id="ev-{march}"' not in main
    assert v.timeline_chart is not None and all(dot["idx"] != march for dot in v.timeline_chart["dots"])


def test_report_quote_is_never_shown_with_doubled_marks() -> None:
    """Friction (#25): a quote whose span holds its own marks was shown inside the report's marks
    (“"This is…). The report shows the words between one pair of marks."""
    from newsprism.article import Span

    d = hand_dossier()
    q = d.quotes[0]
    raw = next(a.raw_text for a in d.articles if a.id == q.article)
    q.span = Span.of(raw, q.span.start - 1, q.span.end + 2)  # '"We will ... costs,"'
    assert q.span.text.startswith('"') and q.span.text.endswith('"')
    html = render_report(d)
    assert "We will build the bridge together" in html
    assert not re.search(r"“(?:&#34;|&quot;|\")|(?:&#34;|&quot;|\")”|““|””", html)
