"""Exports: CSV tables that point back into the articles, and a GraphML network that parses."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from newsprism.export import CSV_FILES, graph, graphml, tables, to_csv, to_graphml

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def dossier(examples: Path) -> dict[str, Any]:
    return json.loads(newsprism.analyze(examples).to_json())


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_a_file_a_layer_and_a_row_a_record(dossier: dict[str, Any], tmp_path: Path) -> None:
    written = to_csv(dossier, tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{n}.csv" for n in CSV_FILES)
    assert (tmp_path / "quotes.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8 by its mark
    for layer in ("articles", "actors", "quotes", "claims", "events", "persuasion"):
        assert len(_read(tmp_path / f"{layer}.csv")) == len(dossier[layer]), layer
    assert len(_read(tmp_path / "event_reports.csv")) == sum(len(e["mentions"]) for e in dossier["events"])
    assert not list(tmp_path.glob("*.tmp"))


def test_csv_rows_point_back_to_the_characters_they_rest_on(dossier: dict[str, Any], tmp_path: Path) -> None:
    to_csv(dossier, tmp_path)
    raw = {a["id"]: a["raw_text"] for a in dossier["articles"]}
    outlet = {a["id"]: a["outlet"] for a in dossier["articles"]}
    for layer, art_col in (("quotes", "article"), ("claims", "article"), ("event_reports", "article"), ("persuasion", "article")):
        rows = _read(tmp_path / f"{layer}.csv")
        for r in rows:
            s, e = int(r["start"]), int(r["end"])
            assert raw[r[art_col]][s:e] == r["text"], (layer, r)
            assert r["outlet"] == (outlet[r[art_col]] or "")
    quotes = _read(tmp_path / "quotes.csv")
    assert any(r["speaker_name"] == "Mara Telling" and r["kind"] == "direct" for r in quotes)


def test_coverage_csv_has_a_row_per_item_and_outlet(dossier: dict[str, Any]) -> None:
    header, rows = tables(dossier)["coverage"]
    cells = sum(len(r["cells"]) for r in dossier["coverage"]["rows"])
    assert len(rows) == cells and header[:8] == ["kind", "key", "label", "date_earliest", "date_latest", "date", "outlet", "status"]
    assert {r[7] for r in rows} <= {"reported", "referenced", "quoted", "paraphrased", "asserted", "omitted"}


def test_export_outlet_dates_and_stance_agree_with_coverage(dossier: dict[str, Any]) -> None:
    """articles.csv left the outlet blank where coverage.csv named it; coverage dates mixed
    formats ("after 2021-01-01", "2025-03") and did not sort; articles.csv lacked stance (#25)."""
    import copy

    d = copy.deepcopy(dossier)
    unnamed = d["articles"][0]
    unnamed["outlet"] = None
    unnamed["url"] = "https://www.harbour-news.example/strike"
    from newsprism.article import Dossier
    from newsprism.compare import coverage as cover

    d["coverage"] = cover(Dossier.from_dict(d)).as_dict()
    t = tables(d)
    head, rows = t["articles"]
    row = dict(zip(head, rows[0], strict=True))
    assert row["outlet"] == "harbour-news.example" and row["outlet_named"] == "no"
    cov_head, cov_rows = t["coverage"]
    outlets = {dict(zip(cov_head, r, strict=True))["outlet"] for r in cov_rows}
    assert "harbour-news.example" in outlets
    days = [dict(zip(cov_head, r, strict=True))["date_earliest"] for r in cov_rows]
    assert all(not x or (len(x) == 10 and x[4] == "-") for x in days)
    stanced = [dict(zip(head, r, strict=True)) for r in rows if d["articles"][rows.index(r)].get("stance")]
    assert stanced and all(":" in r["stance"] and "entity-" not in r["stance"] for r in stanced)


def test_graphml_parses_and_links_outlets_speakers_and_reprints(dossier: dict[str, Any], tmp_path: Path) -> None:
    path = to_graphml(dossier, tmp_path / "net.graphml")
    root = ET.parse(path).getroot()
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", NS)} for n in root.iter(f"{{{NS['g']}}}node")}
    edges = [
        (e.get("source"), e.get("target"), {d.get("key"): d.text for d in e.findall("g:data", NS)}) for e in root.iter(f"{{{NS['g']}}}edge")
    ]
    assert nodes["outlet:The Calderra Courier"]["kind"] == "outlet"
    assert nodes["person-mara-telling"]["label"] == "Mara Telling"
    assert ("outlet:The Calderra Courier", "person-mara-telling") in {(s, t) for s, t, d in edges if d["relation"] == "quoted"}
    assert ("outlet:Harbour Watch", "outlet:The Calderra Courier") in {(s, t) for s, t, d in edges if d["relation"] == "reprints"}
    assert all(s in nodes and t in nodes and float(d["weight"]) >= 1 for s, t, d in edges)


def test_graphml_strips_characters_xml_cannot_carry() -> None:
    d = {
        "articles": [{"id": "a1", "outlet": "Bad\x0bOutlet", "reprint_of": None}],
        "actors": [{"id": "p1", "name": "Jo\x00 Park", "type": "PERSON", "mentions": []}],
        "quotes": [{"article": "a1", "speaker": "p1"}],
    }
    root = ET.fromstring(graphml(d).encode())
    labels = [x.text for x in root.iter(f"{{{NS['g']}}}data") if x.get("key") == "label"]
    assert sorted(labels) == ["BadOutlet", "Jo Park"]
    nodes, edges = graph(d)
    assert edges == {("outlet:Bad\x0bOutlet", "p1", "quoted"): 1} and len(nodes) == 2


def test_cli_export(dossier: dict[str, Any], tmp_path: Path) -> None:
    src = tmp_path / "dossier.json"
    src.write_text(json.dumps(dossier), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["export", str(src), "--csv", str(tmp_path / "tables"), "--graphml", str(tmp_path / "n.graphml")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "tables" / "events.csv").is_file() and (tmp_path / "n.graphml").is_file()
    assert runner.invoke(app, ["export", str(src)]).exit_code != 0  # nothing asked for
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    res = runner.invoke(app, ["export", str(bad), "--csv", str(tmp_path / "x")], env={"COLUMNS": "300"})
    assert res.exit_code != 0 and "not a newsprism dossier" in res.output
