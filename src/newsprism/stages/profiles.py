"""The outlet-profile corpus stage: per outlet, persuasion in its own voice, genre mix, stances.

It runs after every per-article stage and after the corpus merges, and:

* settles each technique span's ``voice`` against the final quotes (the quotes
  stage's speakers, after the actors merge renamed ids) and gathers the spans into
  ``dossier.persuasion``;
* re-keys each article's ``stance`` to the merged actor ids (through the mention
  span the stance stage anchored each id to);
* builds one profile per outlet for the comparison views — technique spans per
  1,000 words of the outlet's own voice, by technique; spans in quoted voices; the
  genre mix; and the stance toward each main actor, counted over its articles — into
  ``dossier.outlets`` (:func:`outlet_profiles`), and names it in each of its articles'
  ``ext["outlet_profile"]`` (``{"outlet": name}``, the key of its row there). An article once
  carried a copy of the whole profile, with the ids of every article of its outlet: the
  dossier grew with the square of the corpus (#24).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from newsprism.article import Article, Dossier
from newsprism.registry import stage
from newsprism.stages.persuasion import Voices

WORD = re.compile(r"\w+")
UNKNOWN_OUTLET = "(unknown outlet)"


def _actor_at(article: Article, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for m in article.mentions:
        ov = min(end, m.span.end) - max(start, m.span.start)
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, m.actor)
    return best[1] if best else None


def rekey_stance(article: Article) -> None:
    """Stance keys renamed to the actor now named at each key's anchor span."""
    anchors: dict[str, list[int]] = article.ext.get("stance_anchors") or {}
    out: dict[str, str] = {}
    for key, value in article.stance.items():
        span = anchors.get(key)
        new = _actor_at(article, span[0], span[1]) if span else None
        out[new or key] = value
    article.stance = out


def settle_voices(article: Article) -> None:
    """Each span's voice read again from the final quotes."""
    quoted = []
    voices = Voices(article)
    for p in article.persuasion:
        p.voice, is_quoted = voices(p.span.start, p.span.end)
        if is_quoted:
            quoted.append([p.span.start, p.span.end])
    article.ext["persuasion_quoted"] = quoted


def _own_words(article: Article) -> int:
    """Words of the title and body outside quotes and statements: the outlet's own voice."""
    import bisect

    merged: list[list[int]] = []
    for a, b in sorted((q.span.start, q.span.end) for q in article.quotes):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    n = 0
    for ln in article.lines:
        if ln.role not in ("title", "body"):
            continue
        for m in WORD.finditer(article.raw_text, ln.start, ln.end):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k < 0 or m.start() >= merged[k][1]:
                n += 1
    return n


def outlet_profiles(articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """One profile per outlet (articles without an outlet grouped under :data:`UNKNOWN_OUTLET`)."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        groups[a.outlet or UNKNOWN_OUTLET].append(a)
    out: dict[str, dict[str, Any]] = {}
    for outlet, arts in sorted(groups.items()):
        words = sum(_own_words(a) for a in arts)
        own: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        for a in arts:
            for p in a.persuasion:
                (own if p.voice is None else quoted)[p.technique] += 1
        stances: dict[str, Counter[str]] = defaultdict(Counter)
        for a in arts:
            for actor, value in a.stance.items():
                stances[actor][value] += 1
        out[outlet] = {
            "outlet": outlet,
            "articles": [a.id for a in arts],
            "own_words": words,
            "own_spans": sum(own.values()),
            "own_density_per_1000_words": round(1000 * sum(own.values()) / words, 2) if words else 0.0,
            "own_by_technique": dict(own.most_common()),
            "quoted_spans": sum(quoted.values()),
            "quoted_by_technique": dict(quoted.most_common()),
            "genres": dict(Counter(a.genre or "unknown" for a in arts).most_common()),
            "stance": {actor: dict(c.most_common()) for actor, c in sorted(stances.items())},
        }
    return out


@stage(
    "newsprism.profiles.v1",
    kind="corpus",
    requires=["article.persuasion", "article.genre", "article.stance", "article.ext.stance_anchors", "article.lines", "article.raw_text", "article.mentions", "article.quotes", "article.outlet"],
    assigns=["dossier.persuasion", "dossier.outlets", "article.ext.outlet_profile", "article.stance", "article.persuasion", "article.ext.persuasion_quoted"],
)
def make_profiles() -> Callable[[Dossier], Dossier]:
    """Outlet profiles (own-voice technique density, genre mix, stance per actor) and the dossier's technique spans."""

    def profiles(dossier: Dossier) -> Dossier:
        for a in dossier.articles:
            rekey_stance(a)
            settle_voices(a)
        dossier.persuasion = [p for a in dossier.articles for p in a.persuasion]
        table = outlet_profiles(dossier.articles)
        dossier.outlets = list(table.values())
        for a in dossier.articles:
            a.ext["outlet_profile"] = {"outlet": table[a.outlet or UNKNOWN_OUTLET]["outlet"]}
        return dossier

    return profiles
