"""What a search means: the words a person typed, the other names of the actor they named, and
the passage that matched.

Shared by the stores (``query``) and the web app (``/search``, ``/api/search``):

* A **plain query** (words only: no quotes, no ``AND``/``OR``/``NOT``/``NEAR``, no ``*``, ``^``,
  ``:`` or brackets) is read as its words, all required, whatever joins them: "Kim Jong Un",
  "Kim Jong-un" and "kim jong un" are one query, as the full-text index splits "Jong-un" into
  "jong" and "un" too. A hyphen or an apostrophe is never a reason to fall back to a substring
  match. A query in the full-text syntax ("Kim NEAR Putin", ``"joint statement"``) is passed on
  as written.
* **Aliases**: when the query is a name (folded as the knowledge base folds names) of an actor of
  the knowledge base or of the store, every other name of that actor is searched too, each as a
  phrase ("DPRK" finds the articles that write "North Korea"); never a description ("the
  federation") nor a short initialism that is a common word ("US", "WHO"). A capital is no alias of its country for articles
  ("Pyongyang" finds articles that name Pyongyang), but the actors a query names include the
  country a capital stands for (:func:`matching_actors`).
* **Snippets**: the first passage of a body that holds a searched name or word, cut at word
  boundaries (:func:`snippet`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsprism.actorkb import ActorKB, actor_kb, name_key

# What makes a query the full-text syntax, not plain words.
FTS_SYNTAX = re.compile(r"[\"*^:()]|\b(?:AND|OR|NOT|NEAR)\b")
WORD = re.compile(r"\w+")
SNIPPET_CHARS = 90  # on each side of the match


def plain(text: str) -> bool:
    """Whether ``text`` is plain words (see the module's doc), not the full-text syntax."""
    return not FTS_SYNTAX.search(text)


def words_of(text: str) -> list[str]:
    """The words of a plain query, as the full-text index splits them ("Jong-un" -> "Jong", "un")."""
    return WORD.findall(text)


def fts_query(names: Sequence[str]) -> str:
    """An FTS5 query that matches any of ``names``: the first (what the person typed) with its
    words all required, in any order; the others (other names of the same actor) each as a
    phrase: ``("kim" AND "jong" AND "un") OR "democratic people s republic of korea"``. Empty
    when no name has a word."""
    groups = []
    for k, n in enumerate(names):
        ws = [w.lower() for w in words_of(n)]
        if ws:
            groups.append("(" + " AND ".join(f'"{w}"' for w in ws) + ")" if k == 0 else '"' + " ".join(ws) + '"')
    return " OR ".join(dict.fromkeys(groups))


def fts_fallback(text: str) -> str:
    """A query FTS5 cannot parse ("Lisk OR Krell's", "a(") as the person meant it: the operators
    ``AND``/``OR``/``NOT`` kept, every other token a phrase of its words ("Krell's" -> "krell s");
    empty when nothing is left to search."""
    out: list[str] = []
    for tok in text.split():
        if tok in ("AND", "OR", "NOT"):
            if out and out[-1] not in ("AND", "OR", "NOT"):
                out.append(tok)
            continue
        ws = [w.lower() for w in words_of(tok)]
        if ws:
            out.append('"' + " ".join(ws) + '"')
    while out and out[-1] in ("AND", "OR", "NOT"):
        out.pop()
    return " ".join(out)


# An alias this short whose lower-case form is a common English word ("US", "WHO", "IS", "AP")
# would match the word in every text: never searched as another name.
SHORT_ALIAS = 3
COMMON_WORD_ZIPF = 4.0


def searchable_alias(name: str) -> bool:
    """Whether ``name`` can stand for its actor in a full-text search: not a description ("the
    federation"), not a short initialism that is also a common word."""
    if not name or name[:1].islower():
        return False
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) <= SHORT_ALIAS and name.replace(".", "").isupper():
        try:
            from wordfreq import zipf_frequency
        except ImportError:  # pragma: no cover - a dependency
            return False
        return zipf_frequency(letters.lower(), "en") < COMMON_WORD_ZIPF
    return True


def aliases(text: str, actors: Iterable[Mapping[str, Any]] = (), kb: ActorKB | None = None) -> list[str]:
    """``text`` and every other name of the actor(s) it names: the knowledge base's names and the
    aliases the store's actors were seen under. A text that names no actor gives itself alone."""
    key = name_key(text)
    out = [text]
    if not key:
        return out
    kb = kb or actor_kb()
    for known in kb.lookup(text):
        out += known.names()
    for a in actors:
        names = [str(a.get("name") or ""), *(str(x) for x in a.get("aliases") or [])]
        if any(name_key(n) == key for n in names):
            out += names
    return [text, *dict.fromkeys(n for n in out[1:] if n and name_key(n) != key and searchable_alias(n))]


def matching_actors(text: str, actors: Sequence[Mapping[str, Any]], kb: ActorKB | None = None) -> list[Mapping[str, Any]]:
    """The store's actors a query names: by a name or alias (folded), by the knowledge base's names
    of the same actor, and the country a capital or seat of power stands for ("Pyongyang" gives
    Pyongyang and North Korea)."""
    kb = kb or actor_kb()
    key = name_key(text)
    if not key:
        return []
    ids = set()
    for known in kb.lookup(text):
        ids.add(known.id)
        if known.metonym_of:
            ids.add(known.metonym_of)
    hits = []
    for a in actors:
        names = [str(a.get("name") or ""), *(str(x) for x in a.get("aliases") or [])]
        if a.get("id") in ids or any(name_key(n) == key for n in names):
            hits.append(a)
    return hits


def snippet(body: str, names: Sequence[str], chars: int = SNIPPET_CHARS) -> str:
    """The passage of ``body`` around the first place it writes one of ``names`` (its words in
    order, any spacing, hyphens or apostrophes between them), else around the first of its
    words; the body's start when nothing matches. Cut at word boundaries, "…" where cut."""
    at = None
    for n in names:
        ws = words_of(n)
        if ws:
            m = re.search(r"\b" + r"\W+".join(map(re.escape, ws)) + r"\b", body, re.I)
            if m and (at is None or m.start() < at[0]):
                at = (m.start(), m.end())
    if at is None:
        firsts = [m for w in {w for n in names for w in words_of(n)} if (m := re.search(rf"\b{re.escape(w)}\b", body, re.I))]
        at = min(((m.start(), m.end()) for m in firsts), default=(0, 0))
    lo, hi = max(0, at[0] - chars), min(len(body), at[1] + chars)
    if lo > 0:
        sp = body.find(" ", lo)
        lo = sp + 1 if 0 <= sp < at[0] else lo
    if hi < len(body):
        sp = body.rfind(" ", at[1], hi)
        hi = sp if sp > at[1] else hi
    text = " ".join(body[lo:hi].split())
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(body) else "")
