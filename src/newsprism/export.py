"""The dossier as spreadsheets (CSV) and as a network (GraphML), for the tools analysts already use.

Both read the dossier JSON of ``CONTRACT.md`` (a dict, or the file ``analyze --json``
wrote), so they work on any dossier, old or new, and never rerun the analysis.

**CSV** (``to_csv``): one file a layer, one row a record, every row sourced — the
article id, its outlet and the character offsets into the article's ``raw_text``:

=================  ==============================================================
``articles.csv``   id, title, outlet (as coverage names it), outlet_named, reprint_of, authors,
                   published, genre, stance (actor: stance | ...), story...
``actors.csv``     id, name, type, aliases, roles, wikidata, mentions, articles
``quotes.csv``     article, outlet, kind, speaker, cue, medium, via, date, text, start, end
``claims.csv``     article, outlet, value, unit, qualifier, about, asserted_by, as_of...
``events.csv``     id, plover, mode, summary, date, actors, targets, place, reports...
``event_reports.csv``  one row per sentence that reports an event (event, article, text, offsets)
``persuasion.csv`` article, outlet, technique, confidence, voice, text, start, end
``coverage.csv``   one row per item (event, quote group, figure) and outlet: its status, the
                   item's date as ISO days (date_earliest, date_latest) and in words
=================  ==============================================================

Lists are joined with `` | ``; dates are ``earliest`` and ``latest`` columns. Files are
UTF-8 with a byte-order mark (so spreadsheet programs read the accents right) and
written atomically.

**GraphML** (``to_graphml``): a directed graph Gephi, Cytoscape, yEd and networkx read.
Nodes are the actors (``kind`` person, organisation, country...) and the outlets
(``kind`` outlet). Edges, each with ``relation`` and ``weight`` (how many records):

* ``quoted``: outlet -> actor, the outlet carries the actor's words;
* a PLOVER type (``AID``, ``ACCUSE``, ...): actor -> target, from the merged events;
* ``reprints``: outlet -> the outlet whose copy it carries.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

CSV_FILES = ("articles", "actors", "quotes", "claims", "events", "event_reports", "persuasion", "coverage")
SEP = " | "


def load(dossier: Mapping[str, Any] | str | os.PathLike[str]) -> dict[str, Any]:
    """The dossier as a dict: given one, or read from its JSON file."""
    if isinstance(dossier, Mapping):
        return dict(dossier)
    data = json.loads(Path(dossier).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "articles" not in data:
        raise ValueError(f"{dossier} is not a newsprism dossier (no 'articles')")
    return data


def _join(values: Iterable[Any] | None) -> str:
    return SEP.join(str(v) for v in values or () if v is not None and v != "")


def _date(d: Mapping[str, Any] | None) -> tuple[str, str]:
    d = d or {}
    return str(d.get("earliest") or ""), str(d.get("latest") or "")


def _outlet_label(a: Mapping[str, Any]) -> str:
    from newsprism.article import Article
    from newsprism.compare import outlet_label

    return outlet_label(Article(id=a["id"], source=a.get("source") or "", raw_text="", url=a.get("url"), outlet=a.get("outlet"), reprint_of=a.get("reprint_of")))


def tables(dossier: Mapping[str, Any]) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every CSV table of the dossier: name -> (header, rows)."""
    arts = dossier.get("articles") or []
    # Every table names the outlet as the coverage matrix does: the page's own name, else its
    # domain or "unknown outlet (file)" (``compare.outlet_label``); ``outlet_named`` says which.
    outlet_of = {a["id"]: _outlet_label(a) for a in arts}
    name_of = {x["id"]: x.get("name") or x["id"] for x in dossier.get("actors") or []}
    out: dict[str, tuple[list[str], list[list[Any]]]] = {}

    rows = []
    for a in arts:
        pe, pl = _date(a.get("published"))
        body = a.get("body") or ""
        rows.append(
            [a["id"], a.get("title") or "", outlet_of[a["id"]], "yes" if a.get("outlet") else "no", a.get("reprint_of") or "",
             _join(a.get("authors")), pe, pl, (a.get("published") or {}).get("evidence", ""), a.get("language") or "",
             a.get("genre") or "", _join(f"{name_of.get(k, k)}: {v}" for k, v in sorted((a.get("stance") or {}).items())),
             a.get("story") or "", a.get("duplicate_of") or "", a.get("url") or "", a.get("source") or "", len(body.split())]
        )
    out["articles"] = (
        ["id", "title", "outlet", "outlet_named", "reprint_of", "authors", "published_earliest", "published_latest",
         "published_evidence", "language", "genre", "stance", "story", "duplicate_of", "url", "source", "body_words"],
        rows,
    )

    rows = []
    for x in dossier.get("actors") or []:
        mentions = x.get("mentions") or []
        rows.append(
            [x["id"], x.get("name") or "", x.get("type") or "", _join(x.get("aliases")), _join(x.get("roles")), x.get("wikidata") or "",
             len(mentions), _join(sorted({m.get("article") for m in mentions if m.get("article")}))]
        )
    out["actors"] = (["id", "name", "type", "aliases", "roles", "wikidata", "mentions", "articles"], rows)

    rows = []
    for q in dossier.get("quotes") or []:
        de, dl = _date(q.get("date"))
        sp = q.get("speaker")
        rows.append(
            [q.get("article"), outlet_of.get(q.get("article"), ""), q.get("kind") or "", sp or "", name_of.get(sp, "") if sp else "",
             q.get("speaker_text") or "", q.get("cue") or "", q.get("medium") or "", q.get("via") or "", de, dl, q.get("group") or "",
             q.get("text") or "", q.get("start"), q.get("end")]
        )
    out["quotes"] = (
        ["article", "outlet", "kind", "speaker", "speaker_name", "speaker_text", "cue", "medium", "via", "date_earliest",
         "date_latest", "group", "text", "start", "end"],
        rows,
    )

    rows = []
    for c in dossier.get("claims") or []:
        ae, al = _date(c.get("as_of"))
        who = c.get("asserted_by")
        rows.append(
            [c.get("article"), outlet_of.get(c.get("article"), ""), c.get("value"), c.get("unit") or "", c.get("qualifier") or "",
             c.get("about") or "", who or "", name_of.get(who, "") if who else "", ae, al, c.get("group") or "", c.get("text") or "",
             c.get("start"), c.get("end")]
        )
    out["claims"] = (
        ["article", "outlet", "value", "unit", "qualifier", "about", "asserted_by", "asserted_by_name", "as_of_earliest",
         "as_of_latest", "group", "text", "start", "end"],
        rows,
    )

    rows, reports = [], []
    for e in dossier.get("events") or []:
        de, dl = _date(e.get("date"))
        mentions = e.get("mentions") or []
        rows.append(
            [e["id"], e.get("plover") or "", e.get("mode") or "", e.get("summary") or "", de, dl, (e.get("date") or {}).get("evidence", ""),
             _join(name_of.get(a, a) for a in e.get("actors") or []), _join(name_of.get(a, a) for a in e.get("targets") or []),
             e.get("place") or "", len(mentions), _join(sorted({outlet_of.get(m.get("article"), "") for m in mentions} - {""}))]
        )
        for m in mentions:
            reports.append([e["id"], m.get("article"), outlet_of.get(m.get("article"), ""), m.get("text") or "", m.get("start"), m.get("end")])
    out["events"] = (
        ["id", "plover", "mode", "summary", "date_earliest", "date_latest", "date_evidence", "actors", "targets", "place", "reports", "outlets"],
        rows,
    )
    out["event_reports"] = (["event", "article", "outlet", "text", "start", "end"], reports)

    rows = []
    for s in dossier.get("persuasion") or []:
        v = s.get("voice")
        rows.append(
            [s.get("article"), outlet_of.get(s.get("article"), ""), s.get("technique") or "", s.get("confidence"), v or "",
             name_of.get(v, "") if v else "", s.get("text") or "", s.get("start"), s.get("end")]
        )
    out["persuasion"] = (["article", "outlet", "technique", "confidence", "voice", "voice_name", "text", "start", "end"], rows)

    rows = []
    for r in (dossier.get("coverage") or {}).get("rows") or []:
        for outlet, cell in sorted((r.get("cells") or {}).items()):
            rows.append(
                [r.get("kind") or "", r.get("key") or "", r.get("label") or "", r.get("date_earliest") or "", r.get("date_latest") or "",
                 r.get("date") or "", outlet, cell.get("status") or "", _join(cell.get("articles")), _join(cell.get("texts"))]
            )
    # ISO days that sort (``date_earliest``, ``date_latest``) beside the date in words.
    out["coverage"] = (["kind", "key", "label", "date_earliest", "date_latest", "date", "outlet", "status", "articles", "texts"], rows)
    return out


def _write_atomic(path: Path, data: str, encoding: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding=encoding, newline="") as fh:
        fh.write(data)
    os.replace(tmp, path)


def to_csv(dossier: Mapping[str, Any] | str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write the dossier's CSV files into ``out_dir``; the paths written."""
    d = load(dossier)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(d).items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(["" if v is None else v for v in row] for row in rows)
        path = out / f"{name}.csv"
        _write_atomic(path, buf.getvalue(), "utf-8-sig")
        written.append(path)
    return written


def graph(dossier: Mapping[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str, str], int]]:
    """Nodes (id -> attributes) and weighted edges ((source, target, relation) -> weight) of the dossier."""
    nodes: dict[str, dict[str, Any]] = {}
    for x in dossier.get("actors") or []:
        nodes[x["id"]] = {"label": x.get("name") or x["id"], "kind": str(x.get("type") or "actor").lower(), "mentions": len(x.get("mentions") or [])}
    arts = dossier.get("articles") or []
    outlet_of = {a["id"]: a.get("outlet") for a in arts}
    per_outlet: Counter[str] = Counter(a.get("outlet") for a in arts if a.get("outlet"))

    def outlet_node(name: str) -> str:
        key = "outlet:" + name
        nodes.setdefault(key, {"label": name, "kind": "outlet", "articles": per_outlet.get(name, 0)})
        return key

    edges: dict[tuple[str, str, str], int] = defaultdict(int)
    for q in dossier.get("quotes") or []:
        o, sp = outlet_of.get(q.get("article")), q.get("speaker")
        if o and sp in nodes:
            edges[(outlet_node(o), sp, "quoted")] += 1
    for e in dossier.get("events") or []:
        rel = str(e.get("plover") or "EVENT")
        for a in e.get("actors") or []:
            for t in e.get("targets") or []:
                if a in nodes and t in nodes and a != t:
                    edges[(a, t, rel)] += 1
    for a in arts:
        if a.get("outlet") and a.get("reprint_of") and a["outlet"] != a["reprint_of"]:
            edges[(outlet_node(a["outlet"]), outlet_node(a["reprint_of"]), "reprints")] += 1
    for name in per_outlet:
        outlet_node(name)
    return nodes, dict(edges)


# Characters XML 1.0 cannot carry at all (control characters other than tab and newlines).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(value: object) -> str:
    return escape(XML_INVALID.sub("", str(value)))


def graphml(dossier: Mapping[str, Any] | str | os.PathLike[str]) -> str:
    """The dossier's network as a GraphML document."""
    nodes, edges = graph(load(dossier))
    keys: Sequence[tuple[str, str, str, str]] = (
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("mentions", "node", "mentions", "int"),
        ("articles", "node", "articles", "int"),
        ("relation", "edge", "relation", "string"),
        ("weight", "edge", "weight", "double"),
    )
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for kid, where, name, typ in keys:
        out.append(f'  <key id="{kid}" for="{where}" attr.name="{name}" attr.type="{typ}"/>')
    out.append('  <graph id="newsprism" edgedefault="directed">')
    for nid, attrs in sorted(nodes.items()):
        out.append(f"    <node id={quoteattr(XML_INVALID.sub('', nid))}>")
        for k, v in attrs.items():
            out.append(f'      <data key="{k}">{_xml(v)}</data>')
        out.append("    </node>")
    for n, ((s, t, rel), w) in enumerate(sorted(edges.items())):
        out.append(f'    <edge id="e{n}" source={quoteattr(XML_INVALID.sub("", s))} target={quoteattr(XML_INVALID.sub("", t))}>')
        out.append(f'      <data key="relation">{_xml(rel)}</data>')
        out.append(f'      <data key="weight">{w}</data>')
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def to_graphml(dossier: Mapping[str, Any] | str | os.PathLike[str], path: str | os.PathLike[str]) -> Path:
    """Write the dossier's network to ``path`` (GraphML)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(p, graphml(dossier), "utf-8")
    return p
