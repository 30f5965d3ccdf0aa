"""A hand-built, contract-shaped dossier (invented articles) shared by the report and compare tests.

Built as the JSON a user scripts against (CONTRACT.md), not by running the pipeline, so
the report and comparison code are tested apart from how well the stages do.
"""

from __future__ import annotations

from typing import Any

from newsprism.article import Dossier

SUMMIT_DAY = "2024-05-10"

ARTICLES: dict[str, dict[str, Any]] = {
    "a1": {
        "outlet": "Harbor Daily",
        "published": "2024-05-10",
        "lines": [
            ("title", "Leaders meet at the Calderra summit"),
            ("metadata", "By Mira Osk, 10 May 2024"),
            ("blank", ""),
            ("body", "President Arlen Voss met Premier Dana Kirov in Calderra on Friday for a summit on the strait."),
            ("body", "\"We will build the bridge together, whatever it costs,\" Voss said after the talks."),
            ("body", "Port officials said 40 ships were waiting outside the harbour."),
            ("caption", "Voss and Kirov shake hands. Photo: Harbor Daily"),
        ],
    },
    "a2": {
        "outlet": "Coast Wire",
        "published": "2024-05-11",
        "lines": [
            ("title", "Voss and Kirov agree to talk again"),
            ("body", "Arlen Voss and Dana Kirov held a summit in Calderra, their first in six years."),
            ("body", "Voss promised to \"build the bridge together\" and Kirov said the strait would stay open."),
        ],
    },
    "a3": {
        "outlet": "Evening Ledger",
        "published": "2024-07-01",
        "lines": [
            ("title", "Dockers march against the bridge plan"),
            ("body", "Thousands of dockers marched in Calderra on Sunday against the bridge plan."),
            ("body", "The plan, agreed at the May summit between Voss and Kirov, is a reckless adventure, the paper says."),
            ("body", "Kirov said 55 ships now wait outside the harbour."),
        ],
    },
    "a4": {
        "outlet": "Metro Reprints",
        "reprint_of": "Harbor Daily",
        "published": "2024-05-12",
        "copy_of": "a1",
    },
}

ACTORS = [
    {"id": "voss", "name": "Arlen Voss", "type": "PERSON", "aliases": ["Voss", "President Arlen Voss"], "roles": ["President"], "wikidata": None},
    {"id": "kirov", "name": "Dana Kirov", "type": "PERSON", "aliases": ["Kirov", "Premier Dana Kirov"], "roles": ["Premier"], "wikidata": None},
    {"id": "calderra", "name": "Calderra", "type": "GPE", "aliases": [], "roles": [], "wikidata": None},
]


def _raw(lines: list[tuple[str, str]]) -> str:
    return "\n".join(text for _, text in lines)


def span(raw: str, text: str, nth: int = 0) -> dict[str, Any]:
    """A contract SPAN for the ``nth`` occurrence of ``text`` in ``raw``."""
    start = -1
    for _ in range(nth + 1):
        start = raw.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text)}


def day(iso: str | None) -> dict[str, Any]:
    return {"earliest": iso, "latest": iso, "confidence": 1.0 if iso else 0.0, "evidence": "hand-made"}


def article_dict(aid: str, spec: dict[str, Any], raws: dict[str, str]) -> dict[str, Any]:
    lines = ARTICLES[spec["copy_of"]]["lines"] if "copy_of" in spec else spec["lines"]
    raw = _raw(lines)
    raws[aid] = raw
    pos, out_lines = 0, []
    for n, (role, text) in enumerate(lines, 1):
        out_lines.append({"n": n, "role": role, "start": pos, "end": pos + len(text)})
        pos += len(text) + 1
    return {
        "id": aid,
        "source": f"{aid}.txt",
        "raw_text": raw,
        "title": lines[0][1],
        "outlet": spec["outlet"],
        "reprint_of": spec.get("reprint_of"),
        "authors": [],
        "language": "en",
        "published": day(spec["published"]),
        "lines": out_lines,
        "body": "\n\n".join(t for r, t in lines if r == "body"),
        "dates": [],
        "genre": "report",
        "stance": {},
        "story": None,
        "duplicate_of": None,
    }


def hand_dossier_dict() -> dict[str, Any]:
    """The dossier as contract JSON: 4 articles (one a copy), 3 events, 4 quotes, 2 figures, 1 technique."""
    raws: dict[str, str] = {}
    arts = [article_dict(aid, spec, raws) for aid, spec in ARTICLES.items()]
    arts[0]["stance"] = {"kirov": "supportive"}
    arts[2]["stance"] = {"kirov": "critical"}
    a1, a2, a3, a4 = raws["a1"], raws["a2"], raws["a3"], raws["a4"]

    def m(aid: str, text: str) -> dict[str, Any]:
        return {"article": aid, **span(raws[aid], text)}

    events = [
        {
            "id": "ev-summit",
            "plover": "CONSULT",
            "mode": None,
            "summary": "Voss and Kirov hold a summit in Calderra",
            "date": day(SUMMIT_DAY),
            "actors": ["voss", "kirov"],
            "targets": [],
            "place": "Calderra",
            "mentions": [
                m("a1", "President Arlen Voss met Premier Dana Kirov in Calderra on Friday for a summit on the strait."),
                m("a2", "Arlen Voss and Dana Kirov held a summit in Calderra, their first in six years."),
                m("a3", "The plan, agreed at the May summit between Voss and Kirov, is a reckless adventure, the paper says."),
                m("a4", "President Arlen Voss met Premier Dana Kirov in Calderra on Friday for a summit on the strait."),
            ],
        },
        {
            "id": "ev-march",
            "plover": "PROTEST",
            "mode": None,
            "summary": "Dockers march against the bridge plan",
            "date": day("2024-06-30"),
            "actors": [],
            "targets": ["voss"],
            "place": "Calderra",
            "mentions": [m("a3", "Thousands of dockers marched in Calderra on Sunday against the bridge plan.")],
        },
        {
            "id": "ev-earlier",
            "plover": "CONSULT",
            "mode": None,
            "summary": "The previous summit, six years before",
            "date": {"earliest": "2018-01-01", "latest": "2018-12-31", "confidence": 0.5, "evidence": "six years"},
            "actors": ["voss", "kirov"],
            "targets": [],
            "place": None,
            "mentions": [m("a2", "their first in six years")],
        },
    ]
    quotes = [
        {"article": "a1", **span(a1, "We will build the bridge together, whatever it costs"), "kind": "direct", "speaker": "voss",
         "speaker_text": "Voss", "cue": "said", "medium": None, "date": day(SUMMIT_DAY), "via": None},
        {"article": "a2", **span(a2, "build the bridge together"), "kind": "partial", "speaker": "voss",
         "speaker_text": "Voss", "cue": "promised", "medium": None, "date": day(SUMMIT_DAY), "via": None},
        {"article": "a2", **span(a2, "the strait would stay open"), "kind": "indirect", "speaker": "kirov",
         "speaker_text": "Kirov", "cue": "said", "medium": None, "date": day(SUMMIT_DAY), "via": None},
        {"article": "a4", **span(a4, "We will build the bridge together, whatever it costs"), "kind": "direct", "speaker": "voss",
         "speaker_text": "Voss", "cue": "said", "medium": None, "date": day(SUMMIT_DAY), "via": None},
    ]
    claims = [
        {"article": "a1", **span(a1, "40 ships"), "value": 40, "unit": "ships", "qualifier": "exact", "about": "ships waiting",
         "asserted_by": None, "as_of": day(SUMMIT_DAY)},
        {"article": "a3", **span(a3, "55 ships"), "value": 55, "unit": "ships", "qualifier": "exact", "about": "ships waiting",
         "asserted_by": "kirov", "as_of": day("2024-07-01")},
    ]
    persuasion = [
        {"article": "a3", **span(a3, "reckless adventure"), "technique": "loaded_language", "confidence": 0.8, "voice": None},
    ]
    actors = []
    for a in ACTORS:
        mentions = []
        for aid, raw in raws.items():
            for alias in sorted({a["name"], *a["aliases"]}, key=len, reverse=True):
                if alias in raw:
                    mentions.append({"article": aid, **span(raw, alias)})
                    break
        actors.append({**a, "mentions": mentions})
    return {
        "schema": "newsprism.dossier/1",
        "generator": "newsprism test",
        "articles": arts,
        "actors": actors,
        "quotes": quotes,
        "claims": claims,
        "events": events,
        "persuasion": persuasion,
    }


def hand_dossier() -> Dossier:
    """The hand-built dossier as the model."""
    return Dossier.from_dict(hand_dossier_dict())


HOSTILE = (
    "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
    "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
    "'><svg onload='document.documentElement.setAttribute(`data-pwned`,`svg`)'></svg>"
    "</template><script>document.documentElement.setAttribute('data-pwned','template')</script>"
    "</textarea></title></style><iframe src=javascript:alert(1)>"
)


def hostile_dossier() -> Dossier:
    """The hand-built dossier with an article whose every string tries to break out of the page."""
    d = hand_dossier_dict()
    raw = f"{HOSTILE}\n{HOSTILE} said the {HOSTILE} 99 {HOSTILE}"
    first = raw.index("\n")
    art = {
        "id": "x\"><script>alert(1)</script>",
        "source": f"{HOSTILE}.txt",
        "raw_text": raw,
        "url": "javascript:document.documentElement.setAttribute('data-pwned','url')",
        "title": HOSTILE,
        "outlet": HOSTILE,
        "reprint_of": HOSTILE,
        "authors": [HOSTILE],
        "language": "en",
        "published": day("2024-05-10"),
        "lines": [{"n": 1, "role": "title", "start": 0, "end": first}, {"n": 2, "role": "body", "start": first + 1, "end": len(raw)}],
        "body": raw[first + 1 :],
        "dates": [],
        "genre": HOSTILE,
        "stance": {HOSTILE: "critical"},
        "story": HOSTILE,
        "duplicate_of": None,
    }
    d["articles"].insert(0, art)
    aid = art["id"]
    body_start = first + 1
    d["quotes"].append({"article": aid, "text": raw[body_start : body_start + len(HOSTILE)], "start": body_start,
                        "end": body_start + len(HOSTILE), "kind": "direct", "speaker": None, "speaker_text": HOSTILE,
                        "cue": HOSTILE, "medium": HOSTILE, "date": day(None), "via": HOSTILE})
    k = raw.index("99")
    d["claims"].append({"article": aid, "text": "99", "start": k, "end": k + 2, "value": 99, "unit": HOSTILE, "qualifier": HOSTILE,
                        "about": HOSTILE, "asserted_by": None, "as_of": day(None)})
    d["persuasion"].append({"article": aid, "text": raw[:first], "start": 0, "end": first, "technique": HOSTILE,
                            "confidence": 0.5, "voice": HOSTILE})
    d["events"].append({"id": HOSTILE, "plover": HOSTILE, "mode": HOSTILE, "summary": HOSTILE, "date": day("2024-05-10"),
                        "actors": [HOSTILE], "targets": [HOSTILE], "place": HOSTILE,
                        "mentions": [{"article": aid, "text": raw[:first], "start": 0, "end": first}]})
    d["actors"].append({"id": HOSTILE, "name": HOSTILE, "type": HOSTILE, "aliases": [HOSTILE], "roles": [HOSTILE],
                        "wikidata": HOSTILE, "mentions": [{"article": aid, "text": raw[:5], "start": 0, "end": 5}]})
    return Dossier.from_dict(d)
