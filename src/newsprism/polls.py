"""Polls: which poll a figure's sentence reports (the ``claims`` stage asks it).

A poll story's numbers are the poll's: a figure is credited to a poll the article names, and only
within reach of it. This module finds the polls an article names (:func:`find_polls`) and
decides, for a figure's sentence, whether it reports a poll's finding and which poll that is
(:class:`PollReader`). The figures gold (``evals/labels/polnear_claims.json``) measures it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from newsprism.article import Article

# A poll or survey named in the article ("a new Associated Press-GfK poll", "the Monmouth
# University poll", "polls by Quinnipiac University"): whose numbers a poll story reports.
POLL_WORD = re.compile(r"\b(?:[Pp]oll|POLL|[Ss]urvey|SURVEY)s?\b")
POLL_NAME_BEFORE = re.compile(r"(?:(?:[A-Z][\w.&'’-]*|of|and|&)\s+)*[A-Z][\w.&'’-]*\s+$")
ONE_OF_THEM = re.compile(r",?\s+including\s+one\s+(?:from|by|of|conducted\s+by)\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*)*[A-Z][\w.&'’-]*)")
POLL_NAME_SKIP = frozenset({"the", "a", "an", "new", "latest", "national", "recent", "this", "that", "its", "their", "his", "her", "and", "of"})
POLL_NAME_AFTER = re.compile(r"\s+(?:by|from|of|conducted by|released by)\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*)+)")
# Words of a sentence that reports a poll's findings wherever it stands: the poll, its respondents
# and their answers, its margin.
POLL_WORDS = re.compile(
    r"\b(?:polls?|surveys?|respondents|margin of error|sampled?|interviewed|surveyed|favorabl[ey]|unfavorabl[ey]|"
    r"approve|disapprove|approval|favorability|head-to-head|match-?ups?|would vote|likely voters|registered voters)\b",
    re.I,
)
# Words that report a candidate's share, read so only in a poll story (one whose title or first
# paragraph names the poll): "Clinton earned 42 percent", "Cruz sits at 16%", "leads 45 to 39".
SHARE_WORDS = re.compile(
    r"\b(?:received|earned|garnered|drew|chose|chosen|beat|beats|edged|tops|topped|sits|sitting|stands|standing|"
    r"polling|leads|leading|lead|trails|trailing|ahead|behind|tied|support|supports|prefer|prefers|favor|favors|voters|"
    r"view|views|viewed|edge|advantage|margin|points?)\b",
    re.I,
)
# Nouns for what a poll found, as the source of "according to the results".
FINDINGS = frozenset({"results", "findings", "figures", "numbers", "data", "survey", "poll", "study"})
POLL_UNITS = frozenset({"percent", "percentage", "points", "point"})
# A sentence about how a poll was taken ("The AP-GfK Poll of 1,033 adults ... was conducted online").
POLL_SAMPLING = re.compile(r"\b(?:poll|polls|survey|surveys|sample|sampled|interviewed|surveyed|conducted|margin of error|respondents)\b", re.I)
# Words of an election's own count: a poll did not find it.
ELECTION_RESULT = re.compile(
    r"\bof the (?:\w+ )?vote\b|\bturn(?:ed)? ?out\b|\bturnout\b|\belectoral\b|\bprimary results?\b|\bballots? cast\b|\bprecincts?\b|\bwon\b|\bdefeated\b",
    re.I,
)
# Words of respondents in a cue's subject ("52 percent of registered voters say"); a group alone
# with no share answers a poll only when it names voters as such ("Democratic voters say").
RESPONDENT_NOUNS = frozenset({"voters", "respondents", "adults", "likely", "registered"})
RESPONDENTS = frozenset({"voters", "adults", "americans", "republicans", "democrats", "independents", "respondents", "people", "women", "men", "latinos", "hispanics", "blacks", "whites", "millennials", "supporters", "members", "residents", "likely", "registered"})


@dataclass(frozen=True, slots=True)
class Poll:
    """A poll the article names: where, how (its name with "poll"), and its pollster's actor."""

    start: int
    end: int
    text: str
    named: bool
    actor: str | None
    several: bool = False  # polls of several pollsters, or of none named ("the last 10 Iowa polls")


# Before a group a poll asks, not one that polls: "percent of Democrats", "among Republicans".
POLLED_GROUP_BEFORE = re.compile(r"\b(?:(?:percent|%|share|majority|half|third|quarter|most|many|some|plurality)\s+of|among)\s+(?:the\s+|all\s+|likely\s+|registered\s+|young\s+)*$")


# Several polls as the source of what follows ("an average of polls shows", "polls put him"),
# not "Unlike previous polls, she now leads".
SEVERAL_SAY = re.compile(r"\s+(?:\w+\s+){0,2}?(?:show|shows|showed|found|find|finds|give|gives|gave|put|puts|have|has|had)\b")


def find_polls(article: Article) -> list[Poll]:
    """The polls and surveys the article's title and body name, in order. A poll is named by the
    capitalised words before it ("the Monmouth University poll"), after it ("polls by Quinnipiac
    University"), or by the organisation its sentence gives it ("one from Monmouth University",
    "Monmouth conducted its poll"); its pollster is the organisation named there."""
    raw = article.raw_text
    spans = [(ln.start, ln.end) for ln in article.lines if ln.role in ("title", "body")]
    orgs = [m for m in article.mentions if m.kind != "description" and actor_type(article, m.actor) == "ORG"]
    out: list[Poll] = []
    for ls, le in spans:
        for m in POLL_WORD.finditer(raw, ls, le):
            s, e = m.start(), m.end()
            before = POLL_NAME_BEFORE.search(raw, max(ls, s - 80), s)
            if before is not None:
                words = before.group(0).split()
                skip = 0
                while skip < len(words) and words[skip].lower() in POLL_NAME_SKIP:
                    skip += 1  # "The Monmouth poll": the name is "Monmouth"
                if skip < len(words):
                    s = before.start() + before.group(0).index(words[skip])
            after = POLL_NAME_AFTER.match(raw, e, le)
            one = ONE_OF_THEM.match(raw, e, le)
            if one is not None:  # "three recent polls, including one from Monmouth University"
                s, e = one.start(1), one.end(1)
            elif s == m.start() and after is not None:
                e = after.end(1)
            text = raw[s:e].strip()
            actor = next((x.actor for x in orgs if s <= x.span.start and x.span.end <= e), None)
            if actor is None and s == m.start() and e == m.end():
                # The organisation of its clause: within a few words, no sentence end between.
                near = [x for x in orgs if abs((x.span.start if x.span.start >= e else x.span.end) - (e if x.span.start >= e else s)) <= 40]
                near = [x for x in near if not re.search(r"[.;!?]\s", raw[min(x.span.end, s) : max(x.span.start, e)])]
                # the group polled is no pollster ("The poll also noted that 73 percent of Democrats")
                near = [x for x in near if not POLLED_GROUP_BEFORE.search(raw, max(0, x.span.start - 30), x.span.start)]
                if near:
                    x = min(near, key=lambda x: abs(x.span.start - s))
                    actor, text = x.actor, f"{text} ({x.span.text})"
            named = s < m.start() or e > m.end() or actor is not None
            if one is not None:
                text = f"{text} poll"
            many = one is None and m.group(0).lower().endswith("s")
            several = many and (actor is None or bool(re.match(r"\s*(?:,|and|&)\s+[A-Z]", raw[e : e + 12])))
            out.append(Poll(s, s + len(raw[s:e].strip()), text, named, actor, several))
    return out


def head_word(text: str) -> str:
    """The last word of a phrase, in lower case ("the results ." -> "results")."""
    words = re.findall(r"[a-z]+", text.lower())
    return words[-1] if words else ""


def respondents(text: str) -> bool:
    """Words naming a poll's respondents, not a speaker ("Seventy-four percent of Democratic
    registered voters", "Nine in 10 voters", "Democratic voters"; not "Democrats")."""
    words = re.findall(r"[a-z0-9%]+", text.lower())
    return "percent" in words or "%" in text or any(a == "in" and b == "10" for a, b in itertools.pairwise(words)) or (
        len(words) <= 5 and any(w in RESPONDENT_NOUNS for w in words)
    )


def actor_type(article: Article, actor: str) -> str:
    return next((a.type for a in article.actors if a.id == actor), "")


class PollReader:
    """The polls of one article and the reach of each: the whole article in a poll story (one that
    tells of its poll in the title or the first paragraph), else the poll's sentence and the two
    after it."""

    def __init__(self, article: Article, unit_starts: list[int]) -> None:
        self.article = article
        self.polls = find_polls(article)
        body = [ln for ln in article.lines if ln.role == "body"]
        lede_end = body[0].end if body else 0
        self.poll_story = any(not p.several and p.start < lede_end for p in self.polls)
        self.unit_starts = unit_starts

    def poll_before(self, pos: int, sentence: tuple[int, int]) -> Poll | None:
        """The poll whose numbers a figure at ``pos`` reports: one named in its sentence, else the
        nearest named before it (an unnamed "the poll" refers back to it) within reach, else an
        unnamed one of its sentence or within reach; in a poll story a headline's figure is the
        first poll the body names. Several polls with no one pollster are no one source. Reach:
        the whole article in a poll story, else this sentence and the two before it."""
        here = [p for p in self.polls if sentence[0] <= p.start < sentence[1] and not p.several]
        named_here = [p for p in here if p.named]
        if named_here:
            return named_here[0]
        if not here and any(p.several and sentence[0] <= p.start < pos and SEVERAL_SAY.match(self.article.raw_text, p.end) for p in self.polls):
            return None  # "A Real Clear Politics average of polls shows ...": not the poll named before
        k = bisect.bisect_right(self.unit_starts, sentence[0]) - 1
        reach = 0 if self.poll_story else self.unit_starts[max(0, k - 2)] if self.unit_starts else sentence[0]
        earlier = [p for p in self.polls if reach <= p.start and p.end <= max(pos, sentence[0]) and not p.several]
        named = [p for p in earlier if p.named]
        if named:
            return named[-1]
        if self.poll_story and any(ln.role == "title" and ln.start <= pos < ln.end for ln in self.article.lines):
            later = [p for p in self.polls if p.named and not p.several]
            if later:
                return later[0]
        single = [*here, *reversed(earlier)]
        return single[0] if single else None

    def poll_figure(self, sentence: str, unit: str) -> bool:
        """A figure its sentence gives as a poll's finding: a share or a margin in a sentence with
        the poll's own words (``POLL_WORDS``), or in a poll story with a candidate's share
        (``SHARE_WORDS``: "Clinton earned 42 percent"); a count of respondents or a margin in a
        sentence on the sampling ("1,008 adults", "a margin of error of 3.4 points")."""
        unit = unit.lower()
        if ELECTION_RESULT.search(sentence):
            return False  # "who got 19% of the popular vote in 1992": an election's count, not a poll's
        if set(unit.split()) & POLL_UNITS or unit.startswith("share"):
            return bool(POLL_WORDS.search(sentence) or (self.poll_story and SHARE_WORDS.search(sentence)))
        if self.poll_story and POLL_SAMPLING.search(sentence):
            return True  # "The AP-GfK Poll of 1,033 adults, including 389 ... voters, was conducted online"
        return ((unit.split()[-1] if unit else "") in RESPONDENTS and bool(POLL_SAMPLING.search(sentence))) or "margin of error" in sentence.lower()
