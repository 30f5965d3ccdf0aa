"""Quoted runs: the spans between paired quotation marks of a paragraph.

The persuasion stage reads a span inside them as a quoted voice, not the outlet's own; the
stance stage weighs a word there as quoted. (The quotes stage reads quotation marks with its
own, fuller rules: openers and closers by their neighbours, single marks, nesting.)
"""

from __future__ import annotations

from functools import lru_cache

# Double quotation marks of English and European news text.
QUOTE_CHARS = frozenset('"“”«»„')


@lru_cache(maxsize=512)
def quoted_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between paired quotation marks in ``text[start:end]`` (one paragraph).

    A mark opens a quotation when it is an opening mark (“ „ «) or a neutral or
    closing one standing before a word after a space (pages often print ”just cause”
    with two closing marks); any mark closes an open quotation.
    """
    runs = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in QUOTE_CHARS:
            continue
        before_word = i + 1 < end and not text[i + 1].isspace()
        after_space = i == start or text[i - 1].isspace() or text[i - 1] in "([—–-"
        if open_at is None:
            if ch in "“„«" or (ch != "»" and before_word and after_space):
                open_at = i + 1
        elif ch not in "“„«":
            runs.append((open_at, i))
            open_at = None
    return runs
