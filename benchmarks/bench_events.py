"""Speed of the claims and events stages, and of the cross-article event merge at 1k and 10k articles.

* **per article**: the seed articles are analysed once up to the timex layer (nlp, actors,
  dates); then :func:`extract_claims` and :func:`extract_events` run on them repeatedly and
  the articles per second of the two stages together are reported;
* **corpus merge**: a synthetic corpus of articles (five events each, drawn from a pool of
  real happenings so that many mentions corefer: an actor pair, a PLOVER type, a day, a few
  words) is merged by :func:`merge_events` at 1,000 and 10,000 articles (the best of ``--repeat``
  runs of each). Blocking keeps the
  merge near-linear: the 10k/1k time ratio should stay near 10 (all pairs would be 100).

    python benchmarks/bench_events.py --shared ../shared [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from newsprism.article import Article, DateRange, Event, Mention, Span

TYPES = ("SUPPORT", "ACCUSE", "CONSULT", "AGREE", "AID", "ASSAULT", "THREATEN", "MOBILIZE")
WORDS = [
    "summit",
    "talks",
    "treaty",
    "shells",
    "troops",
    "border",
    "strike",
    "missile",
    "support",
    "statement",
    "visit",
    "aid",
    "sanctions",
    "army",
    "minister",
    "envoy",
    "embassy",
    "port",
    "city",
    "plant",
    "deal",
]


def synthetic(n_articles: int, seed: int = 7) -> list[Event]:
    """Per-article events of ``n_articles`` synthetic articles; the pool of real happenings grows with the corpus."""
    rng = random.Random(seed)
    actors = [f"actor-{i}" for i in range(max(50, n_articles // 5))]
    happenings = []
    for h in range(max(20, n_articles // 2)):
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
        happenings.append((rng.choice(TYPES), rng.sample(actors, 2), day, rng.sample(WORDS, 4), h))
    out: list[Event] = []
    for a in range(n_articles):
        aid = f"art-{a}"
        text = ""
        for _ in range(5):
            typ, (x, y), day, words, h = rng.choice(happenings)
            jitter = rng.choice((0, 0, 0, 1, 7))
            sentence = f"{x} {typ.lower()} {y} {' '.join(rng.sample(words, 3))} report {h} {rng.randrange(10**6)}."
            start = len(text)
            text += sentence + " "
            out.append(
                Event(
                    id=f"{aid}:{start}:{typ}",
                    plover=typ,
                    summary=sentence,
                    date=DateRange(day.isoformat(), (day + timedelta(days=jitter)).isoformat(), 0.8, ""),
                    actors=[x],
                    targets=[y],
                    mentions=[Mention(aid, Span(start, start + len(sentence), sentence))],
                )
            )
    return out


def bench_merge(n: int, repeat: int = 1) -> tuple[float, int, int]:
    """The best of ``repeat`` timed merges of the synthetic corpus of ``n`` articles (one run
    on this shared machine varies by a third; the best is the least disturbed)."""
    from newsprism.event_merge import merge_events

    events = synthetic(n)
    best = float("inf")
    merged: list[Event] = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        merged = merge_events(events)
        best = min(best, time.perf_counter() - t0)
    return best, len(events), len(merged)


def article_stages() -> list[str]:
    """The per-article stages the claims and events stages read (no corpus stage: none is timed)."""
    from newsprism import settings
    from newsprism.registry import get_stage

    return [
        n
        for n in settings.DEFAULT_PIPELINE
        if n not in ("newsprism.claims.v1", "newsprism.events.v1") and get_stage(n).kind == "article"
    ]


def seed_articles(shared: Path) -> list[Article]:
    from newsprism.pipeline import Pipeline, run

    return run([shared / "seeds"], Pipeline(article_stages())).articles


def bench_articles(arts: Sequence[Article], rounds: int) -> float:
    from newsprism.stages.claims import extract_claims
    from newsprism.stages.events import extract_events

    t0 = time.perf_counter()
    for _ in range(rounds):
        for a in arts:
            a.claims = extract_claims(a)
            a.events = extract_events(a)
    return len(arts) * rounds / (time.perf_counter() - t0)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3, help="timed merges per size; the best is kept")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    res: dict[str, float] = {}
    if (args.shared / "seeds").is_dir():
        arts = seed_articles(args.shared)
        res["claims_events_articles_per_s"] = bench_articles(arts, args.rounds)
        print(
            f"claims+events stages: {res['claims_events_articles_per_s']:.0f} articles/s (seed articles, {args.rounds} rounds)"
        )
    for n in (1_000, 10_000):
        secs, events, merged = bench_merge(n, args.repeat)
        res[f"merge_{n}_s"] = secs
        res[f"merge_{n}_articles_per_s"] = n / secs
        print(
            f"event merge, {n:>6,} articles ({events:,} mentions -> {merged:,} events): {secs:6.2f} s, {n / secs:,.0f} articles/s"
        )
    res["merge_ratio_10k_1k"] = res["merge_10000_s"] / res["merge_1000_s"]
    print(f"10k/1k time ratio: {res['merge_ratio_10k_1k']:.1f} (linear 10, all pairs 100)")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
