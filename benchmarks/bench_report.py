"""Report generation time for 1,000 and 10,000 synthetic articles, and how it grows.

    python benchmarks/bench_report.py [--sizes 1000,10000] [--repeat R] [--json OUT]

The dossier is synthetic but shaped like a real one (CONTRACT.md): articles of a dozen
lines from 40 outlets, grouped into stories, with quotes, figures, technique spans and
events each reported by a few articles (so the coverage matrix has real rows). Timed:

* ``report``: the coverage matrix, the view and the HTML page written to a file
  (``write_report``, streamed), what ``newsprism report`` and ``analyze --out`` add; the
  target is growth no worse than linear: time(10k) / time(1k) <= 12;
* ``string``: the same page returned as one string (``render_report``), for comparison;
* ``corpus``: the comparison stages (``reprints`` and ``stories``) on the same articles,
  for scale, not part of the target.

The best of ``--repeat`` runs (at least five below 2,000 articles) is kept for each size.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

WORDS = ["port", "harbour", "strait", "bridge", "ferry", "summit", "minister", "premier", "council", "union", "dockers", "strike", "crane", "storm", "vessel", "cargo", "tariff", "treaty", "talks", "border", "patrol", "election", "protest", "court", "ruling", "budget", "deficit", "grain", "shipment", "convoy", "drought", "flood", "relief", "aid", "loan", "bank", "market", "shares", "index", "fuel", "price", "wage", "pension"]
# Body words: a vocabulary of news size (a few thousand), so that two sentences share a
# run of words about as rarely as in real text.
SYLLABLES = ["ba", "ko", "ri", "ten", "mar", "vel", "os", "dra", "lu", "pen", "sa", "tor", "ge", "min", "ca", "ler",
             "do", "fi", "nu", "ast", "ho", "pra", "zel", "wi", "ond", "ke", "mo", "tis", "ur", "ly"]
VOCAB = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in ("", "s", "ing", "ed")]
NAMES = ["Arlen Voss", "Dana Kirov", "Mira Osk", "Teo Brant", "Ilse Marr", "Juno Peck", "Rafe Dunn", "Oda Lind"]
TECHNIQUES = ("loaded_language", "name_calling", "exaggeration", "doubt", "appeal_to_fear", "flag_waving")
PLOVER = ("CONSULT", "AGREE", "ACCUSE", "PROTEST", "AID", "THREATEN", "SUPPORT", "REJECT")


def _day(ordinal: int) -> dict[str, Any]:
    from datetime import date

    iso = date.fromordinal(ordinal).isoformat()
    return {"earliest": iso, "latest": iso, "confidence": 1.0, "evidence": "synthetic"}


def synthetic(n: int, seed: int = 7) -> dict[str, Any]:
    """A contract-shaped dossier of ``n`` synthetic articles."""
    rng = random.Random(seed)
    base = 738000
    n_stories = max(1, n // 8)
    story_day = [base + rng.randrange(0, 700) for _ in range(n_stories)]
    arts, quotes, claims, persuasion = [], [], [], []
    event_mentions: dict[int, list[dict[str, Any]]] = {}
    n_events = max(1, n // 2)
    for i in range(n):
        s = rng.randrange(n_stories)
        lines = [f"{NAMES[s % 8]} and the {WORDS[s % len(WORDS)]} story {s}: report {i}"]
        for k in range(11):
            words = " ".join(rng.choice(VOCAB) for _ in range(14))
            lines.append(f"{NAMES[(s + k) % 8]} said \"{words}\" on day {k}, and {10 + k * 7} ships waited." if k % 3 == 0 else f"The {words}.")
        raw = "\n".join(lines)
        aid = f"syn{i:06d}"
        pos, out_lines = 0, []
        for ln_no, text in enumerate(lines, 1):
            out_lines.append({"n": ln_no, "role": "title" if ln_no == 1 else "body", "start": pos, "end": pos + len(text)})
            if ln_no > 1 and (ln_no - 2) % 3 == 0:
                q0 = pos + text.index('"') + 1
                q1 = text.index('"', text.index('"') + 1) + pos
                quotes.append({"article": aid, "text": raw[q0:q1], "start": q0, "end": q1, "kind": "direct",
                               "speaker": f"actor{(s + ln_no) % 8}", "speaker_text": NAMES[(s + ln_no) % 8], "cue": "said",
                               "medium": None, "date": _day(story_day[s]), "via": None})
                c0 = pos + text.rindex(", and ") + 6
                c1 = pos + text.index(" ships")
                claims.append({"article": aid, "text": raw[c0:c1], "start": c0, "end": c1, "value": float(raw[c0:c1]),
                               "unit": "ships", "qualifier": "exact", "about": "ships waiting", "asserted_by": None,
                               "as_of": _day(story_day[s])})
            elif ln_no > 1 and ln_no % 4 == 0:
                persuasion.append({"article": aid, "text": text[4:20], "start": pos + 4, "end": pos + 20,
                                   "technique": TECHNIQUES[ln_no % len(TECHNIQUES)], "confidence": 0.7, "voice": None})
            if ln_no in (3, 6):
                ev = (s * 4 + ln_no) % n_events
                event_mentions.setdefault(ev, []).append({"article": aid, "text": text, "start": pos, "end": pos + len(text)})
            pos += len(text) + 1
        arts.append({
            "id": aid, "source": f"{aid}.txt", "raw_text": raw, "title": lines[0], "outlet": f"Outlet {rng.randrange(40):02d}",
            "reprint_of": None, "authors": [], "language": "en", "published": _day(story_day[s] + rng.randrange(3)),
            "lines": out_lines, "body": "\n\n".join(lines[1:]), "dates": [], "genre": "report",
            "stance": {f"actor{s % 8}": rng.choice(("supportive", "critical", "neutral"))}, "story": f"story-{s}",
            "duplicate_of": None,
        })
    events = [
        {"id": f"ev{k}", "plover": PLOVER[k % len(PLOVER)], "mode": None, "summary": f"{NAMES[k % 8]} event {k}",
         "date": _day(base + (k * 37) % 700), "actors": [f"actor{k % 8}"], "targets": [f"actor{(k + 1) % 8}"], "place": None,
         "mentions": ms}
        for k, ms in sorted(event_mentions.items())
    ]
    actors = [{"id": f"actor{k}", "name": NAMES[k], "type": "PERSON", "aliases": [NAMES[k].split()[1]], "roles": [],
               "wikidata": None, "mentions": []} for k in range(8)]
    return {"schema": "newsprism.dossier/1", "generator": "bench", "articles": arts, "actors": actors, "quotes": quotes,
            "claims": claims, "events": events, "persuasion": persuasion}


def time_report(d: Any) -> tuple[float, int]:
    """``write_report`` to a scratch file: what ``newsprism report`` and ``analyze --out`` run."""
    import tempfile

    from newsprism.report import write_report

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = write_report(d, Path(tmp) / "report.html")
        seconds = time.perf_counter() - t0
        return seconds, path.stat().st_size


def time_render(d: Any) -> float:
    """``render_report``: the same page as one string (the Python API)."""
    from newsprism.report import render_report

    t0 = time.perf_counter()
    render_report(d)
    return time.perf_counter() - t0


def time_corpus(d: Any) -> float:
    from newsprism.compare import make_reprints, make_stories

    t0 = time.perf_counter()
    make_reprints()(d)
    make_stories()(d)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    from newsprism.article import Dossier

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--shared", type=Path, help="unused (the corpus is synthetic); accepted like the other benches")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    res: dict[str, Any] = {"python": platform.python_version(), "sizes": {}}
    print(f"{'articles':>9} {'report s':>9} {'MB':>7} {'ms/article':>11} {'string s':>9} {'corpus s':>9}")
    for n in sizes:
        raw = synthetic(n)
        # Small sizes are timed more often: their best-of is otherwise the noisier term of the ratio.
        repeat = max(args.repeat, min(5, 10000 // max(n, 1)))
        best = min(time_report(Dossier.from_dict(raw)) for _ in range(repeat))
        string = min(time_render(Dossier.from_dict(raw)) for _ in range(repeat))
        corpus = time_corpus(Dossier.from_dict(raw))
        res["sizes"][str(n)] = {"report_s": round(best[0], 3), "bytes": best[1], "string_s": round(string, 3), "corpus_s": round(corpus, 3)}
        print(f"{n:>9} {best[0]:>9.2f} {best[1] / 1e6:>7.1f} {best[0] / n * 1000:>11.2f} {string:>9.2f} {corpus:>9.2f}")
    if len(sizes) >= 2:
        lo, hi = str(sizes[0]), str(sizes[-1])
        ratio = res["sizes"][hi]["report_s"] / res["sizes"][lo]["report_s"]
        res["ratio"] = round(ratio, 2)
        target = 12 * sizes[-1] / sizes[0] / 10
        print(f"report time {hi}/{lo}: {ratio:.2f} (target <= {target:g})")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
