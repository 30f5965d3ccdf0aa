"""The clean stage: a role for every line (title, metadata, body, caption, boilerplate, blank).

Saved pages carry navigation, repeated headlines, photo captions, newsletter and
donation appeals and "Related Posts" tails around the article. The cleaner decides
each line's role from general signals, never from knowledge of particular pages:

* the page-furniture lexicon in ``data/furniture.json`` (exact labels such as
  "Most Read", patterns such as "sign up", "click here", "ad blocker");
* sentence shape (length, final punctuation) — body paragraphs are sentences,
  navigation and labels are not;
* position — before the title is page header, after the last body paragraph is the
  tail, where short lines and reader appeals are furniture;
* repetition — a headline repeated is furniture, a caption repeated is a caption;
* script — a fragment in another script than the article's is furniture;
* for HTML, the page's structure (``<nav>``, ``<figcaption>``, headings, link
  density) and trafilatura's body, aligned with the page's text blocks.

Each line keeps a short ``why`` so a user can see the decision behind it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.article import Article, Line
from newsprism.errors import Errors, InputError
from newsprism.ingest.html import Block, extract_page, read_page
from newsprism.ingest.text import strip_controls
from newsprism.knowledge import fold, furniture, outlets
from newsprism.registry import stage

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# A line that is only a date (and perhaps a weekday and a time): a dateline, not prose.
DATE_LINE = re.compile(
    rf"^\s*(?:{WEEKDAYS},?\s+)?(?:"
    rf"{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}"
    rf")(?:\s*[,|@-]?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.I,
)
# A wire dateline alone on its line: a place in capitals (a region after a comma) and a day
# ("LONDON 1996-12-06", "AL-AIN , United Arab Emirates 1996-12-06", "SEOUL, Dec. 28").
CITY_DATELINE = re.compile(
    rf"^(?P<city>[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+)*)(?:\s*,\s*(?P<region>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}))?\s*,?\s+"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|(?i:{MONTHS})\s+\d{{1,2}}(?:,\s+\d{{4}})?)\s*$"
)
# A wire story's lede opens with its dateline and the agency's credit ("WASHINGTON (AP) — The
# Latest on ...:", "SEOUL, Dec. 28 (Yonhap) -- North Korea ..."): the article's first paragraph,
# however it ends.
WIRE_LEDE = re.compile(r"^[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+)*(?:,\s+[^()\n]{1,40})?\s*\([A-Za-z][\w .&'-]{0,30}\)\s*(?:--|[-—–])\s*\w")
# A saved page's or crawler dump's publisher and date line: "**Yonhap** | 2025-12-28 00:00 |",
# "The Korea Herald | 2025-12-31". The publisher may be in any script.
PUBLISHER_DATE_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<publisher>[^|*_\n\d][^|*_\n]{0,59}?)(?:\*\*|__)?\s*\|\s*"
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*\|?\s*$"
)
CHAR_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# Closing quotes and brackets may follow the stop, a space apart in tokenized copy ('. "', ". ''").
SENTENCE_END = re.compile(r"""([.!?…。！？]|[.!?…]\s*\([^()]{1,40}\))(?:\s?(?:''|["'”’»)\]」』）]))*\s*$""")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.U)
# Scripts written without spaces between words (Han, kana): words are counted from characters.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
UNSPACED_CHARS_PER_WORD = 2
# One writing system that Unicode names as several scripts (Japanese mixes all three).
SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}
QUOTE_MARKS = re.compile(r"[\"“”«»]|''")
MD_HEADING = re.compile(r"^\s*#{1,6}\s+")

# Signals calibrated as a set on the seed pages' kinds of furniture and on the
# article-extraction benchmark's text blocks; change one, re-run `make eval`.
MIN_SENTENCE_WORDS = 6  # a sentence-shaped line shorter than this is a label
# The article is the page's main run of paragraphs: a short line costs this much (plus
# its words) against the words of the paragraphs around it, so a run of teasers,
# headlines and timestamps after (or before) the article does not join it.
SHORT_LINE_COST = 8
LONG_LINE_WORDS = 20  # a line this long is prose even without final punctuation
TITLE_MAX_WORDS = 40
TOKENIZED_HEADLINE_MAX_WORDS = 15
PREFIX_MIN_CHARS = 30
TAIL_MAX_WORDS = 60  # a longer paragraph after the body is an appeal only if the strong lexicon says so
TAIL_LABEL_WORDS = 8  # a line this short after the body that names a tail word is a label ("Comments (3)")
FRONT_MATTER_MAX_LINES = 80  # a truncated copy of the next line ("... after signing the")


@dataclass(slots=True)
class _Ln:
    n: int
    start: int
    end: int
    text: str  # stripped
    words: int
    role: str | None = None
    why: str = ""
    kind: str = ""  # "sentence" | "short" | "row" (of a table), for lines still undecided

    def set(self, role: str, why: str) -> None:
        self.role, self.why = role, why


def split_lines(raw_text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``raw_text``, newline excluded."""
    spans = []
    pos = 0
    for part in raw_text.split("\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "OTHER"
    head = name.split(" ", 1)[0]
    return SCRIPT_FAMILY.get(head, head)


def count_words(text: str) -> int:
    """Words of ``text``; in scripts without spaces, one per ``UNSPACED_CHARS_PER_WORD`` characters."""
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return len(WORD.findall(text))
    return len(WORD.findall(UNSPACED.sub(" ", text))) + unspaced // UNSPACED_CHARS_PER_WORD


def _main_script(text: str) -> str:
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        if ch.isalpha():
            s = _script(ch)
            counts[s] = counts.get(s, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "LATIN"


def _foreign_share(text: str, main: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _script(ch) != main) / len(letters)


NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    """Comparison key: letters and digits only, case-folded (for repeats of a line).

    The same as the word characters of ``fold(text)``: decomposed, lower-cased, with
    accents, quotes, spaces and punctuation (all non-word characters) dropped.
    """
    return NON_WORD.sub("", unicodedata.normalize("NFKD", text).lower())


def is_sentence(text: str, words: int) -> bool:
    """Whether a line is prose: long, or a sentence by its end, or a wire lede however it ends."""
    if words >= LONG_LINE_WORDS or _short_sentence(text, words):
        return True
    return words >= MIN_SENTENCE_WORDS and bool(SENTENCE_END.search(text) or WIRE_LEDE.match(text))


# Words that open a page's labels and prompts ("Read the rest here.", "Share this story."): a
# short line opening with one is furniture, not a sentence of the article.
_LABEL_WORDS = (
    "read share click follow subscribe sign see watch listen download join get like tweet email e-mail print comment "
    "comments thanks thank related tags tag source sources photo photos video image credit updated posted advertisement "
    "more also contact send please photographs photograph reporting reported editing edited written illustration "
    "illustrations graphics additional continue skip show learn load"
)
LABEL_OPENERS = frozenset(_LABEL_WORDS.split())
# A prompt to the reader after the article opens with one of these ("Support our work", "Tell us").
APPEAL_OPENERS = LABEL_OPENERS | {"support", "tell", "have", "want", "got", "do", "don't"}


def _appeal(text: str) -> bool:
    """A line after the article that asks something of the reader: it opens with a prompt verb
    ("Follow", "Subscribe", "Tell us") or speaks for the outlet to the reader ("our readers",
    "we ... you"); an article's last sentence that names "comment" or "support" does not."""
    first = re.match(r"\W*([A-Za-z'’-]+)", text)
    if first and first.group(1).lower() in APPEAL_OPENERS:
        return True
    speaks_for_outlet = re.search(r"(?i:\b(?:we|our)\b)|\bus\b", text) and re.search(r"\b(?:you|your)\b", text, re.I)
    return bool(speaks_for_outlet or re.search(r"\bour (?:team|readers|community|reporting|journalism|site|newsletter)\b", text, re.I))


def _short_sentence(text: str, words: int) -> bool:
    """A short sentence of the article ("Only McAuliffe stayed home.", "Pure spin.", "“I was
    stunned,” he said."): two words or more, capitalised (after an opening quotation mark), ending in a full stop, lower-case words in it, no label's colon, and not opening
    with a word of the page's prompts (``LABEL_OPENERS``)."""
    opened = text.lstrip("\"'“‘")  # a quotation opening the line ("“I was stunned,” he said.")
    if not 2 <= words < MIN_SENTENCE_WORDS or not re.search(r"[.!?][\"'”’)]*$", text) or ":" in text or not opened[:1].isupper():
        return False
    toks = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(toks) and toks[0].lower() not in LABEL_OPENERS and sum(t[:1].islower() for t in toks) >= 1


# A line that speaks to the reader or for the outlet ("you", "our", "us", "we"), as page furniture
# does; a long line of the article's third-person narrative that matches a furniture word ("leaders
# could sign up", "did not respond to requests for comment") is no furniture.
READER_ADDRESS = re.compile(
    r"(?i:\b(?:you|your|yours|we|our|ours)\b|^(?:follow|subscribe|sign up|click|join|support|donate|share|read|like|get|download|contact|email|send|tell)\b)|\bus\b"
)  # "us" in lower case only: "US farmers" is no reader


def classify_text(raw_text: str, title_hint: str | None = None) -> list[Line]:
    """Give every line of a plain-text page dump its role."""
    F = furniture()
    known = outlets()
    main = _main_script(raw_text)
    lines: list[_Ln] = []
    for n, (s, e) in enumerate(split_lines(raw_text), 1):
        text = raw_text[s:e].strip()
        lines.append(_Ln(n, s, e, text, count_words(text)))

    # 0. Front matter (YAML between "---" lines at the top, as crawlers and static sites write it).
    fm_end = front_matter_end(raw_text)
    for ln in lines[:fm_end]:
        ln.set("blank" if not ln.text else "metadata", "front matter")

    # 1. What a line is on its own.
    for ln in lines:
        t = ln.text
        if ln.role is not None:
            continue
        if not t:
            ln.set("blank", "")
        elif not any(ch.isalnum() for ch in t):
            ln.set("boilerplate", "no words")
        elif PUBLISHER_DATE_LINE.match(t):
            ln.set("metadata", "publisher and date line")
        elif _foreign_share(t, main) > 0.5 and ln.words < LONG_LINE_WORDS:
            ln.set("boilerplate", "fragment in another script")
        elif fold(t).strip(" .:;!?|>»·•-–—") in F.exact:
            ln.set("boilerplate", "page furniture label")
        elif F.reprint.search(t):
            ln.set("metadata", "reprint notice")
        elif F.strong.search(t) and not QUOTE_MARKS.search(t) and (ln.words < LONG_LINE_WORDS or READER_ADDRESS.search(t)):
            ln.set("boilerplate", "page furniture phrase")
        elif DATE_LINE.match(t) or CITY_DATELINE.match(t):
            ln.set("metadata", "dateline")
        elif F.metadata.search(t) and ln.words <= 15:
            ln.set("metadata", "byline or date")
        elif F.caption.search(t) and not _has_reported_speech(t):
            ln.set("caption", "photo caption")
        else:
            ln.kind = "sentence" if is_sentence(t, ln.words) else "short"

    # 1b. Tables and result lists: runs of short rows of names and figures are the article's data.
    _tables(lines)

    # 2. The title: the line the input names, else the first heading-shaped line.
    title = _find_title(lines, title_hint, known)
    if title is not None:
        title.set("title", "given title" if title_hint else "first heading-shaped line")
        tkey = _key(title.text)
        for ln in lines:
            if ln is title or ln.role in ("blank",) or not tkey:
                continue
            k = _key(ln.text)
            if k == tkey or (tkey in k and ln.words <= title.words + 4):
                ln.set("boilerplate", f"repeats the title (line {title.n})")
        for ln in lines:
            if ln.n < title.n and ln.role is None:
                ln.set("boilerplate", "page header before the title")

    # 3. Repeats and truncated copies take the role of the line they copy.
    _copies(lines)

    # 4. The main run: paragraphs cut off from it by runs of short lines are not the article.
    _main_run(lines)

    # 5. The tail: after the last body paragraph, labels and reader appeals are furniture.
    undecided = [ln for ln in lines if ln.role is None]
    for ln in reversed(undecided):
        if ln.kind == "short":
            ln.set("boilerplate", "short line after the article")
        elif F.tail.search(ln.text) and not QUOTE_MARKS.search(ln.text) and ln.words < TAIL_MAX_WORDS and ((ln.words <= TAIL_LABEL_WORDS and ln.kind != "sentence") or _appeal(ln.text)):
            ln.set("boilerplate", "appeal to the reader after the article")
        else:
            break

    # 6. The head: short lines between the title and the first paragraph are furniture.
    for ln in lines:
        if ln.role is None and ln.kind == "sentence":
            break
        if ln.role is None and ln.kind == "short":
            if known.lookup(ln.text):
                ln.set("boilerplate", "the outlet's name")
            else:
                ln.set("boilerplate", "short line before the article")

    # 7. The rest is the article: paragraphs, table rows, and crossheads between them.
    for ln in lines:
        if ln.role is None:
            if ln.kind == "sentence":
                ln.set("body", "paragraph")
            elif ln.kind == "row":
                ln.set("body", "table row")
            elif known.lookup(ln.text):
                ln.set("boilerplate", "the outlet's name")
            else:
                ln.set("body", "crosshead between paragraphs")
    _copies(lines)
    return [Line(ln.n, ln.start, ln.end, ln.role or "boilerplate", ln.why) for ln in lines]


# A row of a table or a results list: a name (a capitalised word) and a figure, short.
ROW_NAME = re.compile(r"\b[A-Z][a-z]+")
# A row in capitals ("NEW ENGLAND 9 4 0 355 269", standings) needs several figures: page furniture
# in capitals carries one at most ("SHARE 12", "COMMENTS 3").
ROW_CAPS_NAME = re.compile(r"\b[A-Z]{2,}\b")
ROW_CAPS_MIN_FIGURES = 3
ROW_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*(?![\w])")
TABLE_MIN_ROWS = 3  # fewer rows in a run are page furniture ("Share 12", "Page 1 of 3")


def _row(text: str) -> bool:
    """A short line that pairs a name with a figure: a table's row or a result."""
    figures = len(ROW_FIGURE.findall(text))
    return bool(figures and ROW_NAME.search(text)) or bool(figures >= ROW_CAPS_MIN_FIGURES and ROW_CAPS_NAME.search(text))


def _tables(lines: list[_Ln]) -> None:
    """Runs of at least ``TABLE_MIN_ROWS`` short lines that each pair a name with a figure
    ("Japan 2 Syria 1 ( halftime 0-1 )", "2. Andrei Ivanov ( Russia ) 24.88") are a table or a
    results list: the article's data, not furniture. A label between rows ("Scorers :") does not
    break the count (it stays a short line, and the main run decides it); a blank line or anything
    already decided (furniture, metadata) ends the run. (Labels kept in the run as body cost the
    article-extraction benchmark's text path 0.012 F1 for 0.004 on CoNLL: left out.)"""
    run: list[_Ln] = []

    def close() -> None:
        rows = [x for x in run if x.kind == "row"]
        if len(rows) < TABLE_MIN_ROWS:
            for x in rows:
                x.kind = "short"
        run.clear()

    for ln in lines:
        if ln.role is None and ln.kind == "short" and _row(ln.text):
            ln.kind = "row"
            run.append(ln)
        elif ln.role is None and ln.kind == "short" and run and ln.words <= 12:
            run.append(ln)  # a label inside the table
        else:
            close()
    close()


def _main_run(lines: list[_Ln]) -> None:
    """Mark undecided lines outside the page's main run of paragraphs as boilerplate.

    Each line scores its words if it is sentence-shaped and still undecided, minus
    ``SHORT_LINE_COST`` plus its words if it is short or page furniture, nothing
    otherwise (blank, title, metadata, caption); the main run is the contiguous
    stretch with the highest total.
    """
    best = (0, -1, -1)  # (score, first, last)
    run, first = 0, 0
    for i, ln in enumerate(lines):
        if ln.role is None and ln.kind in ("sentence", "row"):
            val = ln.words
        elif (ln.role is None and ln.kind == "short") or ln.role == "boilerplate":
            val = -(SHORT_LINE_COST + min(ln.words, LONG_LINE_WORDS))
        else:
            val = 0
        if run <= 0:
            run, first = 0, i
        run += val
        if run > best[0]:
            best = (run, first, i)
    if best[1] < 0:
        return
    for i, ln in enumerate(lines):
        if ln.role is None and not best[1] <= i <= best[2]:
            ln.set("boilerplate", "outside the article's main run of paragraphs")


def front_matter_end(raw_text: str) -> int:
    """Number of lines of a leading ``---`` ... ``---`` front-matter block (0 if none)."""
    if not raw_text.startswith("---\n"):
        return 0
    lines = raw_text.split("\n", FRONT_MATTER_MAX_LINES + 1)[:FRONT_MATTER_MAX_LINES]
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            keyed = sum(1 for x in lines[1:i] if re.match(r"^[A-Za-z_][\w-]*\s*:", x))
            return i + 1 if keyed >= 1 else 0
    return 0


# Front-matter keys, as crawlers and static-site generators name them, mapped to page_meta.
FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "publisher": "sitename", "outlet": "sitename", "site_name": "sitename", "sitename": "sitename", "source": "sitename",
    "author": "author", "authors": "author", "byline": "author",
    "date": "date", "published": "date", "published_at": "date", "pubdate": "date", "date_published": "date",
    "url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
}  # fmt: skip


def _indented_value(lines: list[str]) -> str:
    """A value on the indented lines after its key: one line ("author:" then "\t\t김현수(...)"),
    a list ("  - Jane Roe", "  - Tom Hill": joined by "; "), or a mapping whose ``name`` is the
    value ("  name: Jane Roe", "  email: ..."); other nested keys are no value."""
    items: list[str] = []
    for nxt in lines:
        if nxt.strip() and not nxt[:1].isspace():
            break
        line = nxt.strip()
        if not line:
            continue
        if line.startswith("- "):
            line = line[2:].strip()
        keyed = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if keyed:
            if keyed.group(1).lower() == "name" and keyed.group(2).strip():
                items.append(keyed.group(2).strip())
            continue
        items.append(line)
    return "; ".join(items)


def parse_front_matter(raw_text: str) -> dict[str, str]:
    """The page's own metadata from a front-matter block (flat ``key: value`` lines)."""
    import html as _html

    n = front_matter_end(raw_text)
    out: dict[str, str] = {}
    lines = raw_text.split("\n")[1 : max(0, n - 1)]
    for i, line in enumerate(lines):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not m:
            continue
        key = FRONT_MATTER_KEYS.get(m.group(1).lower())
        val = m.group(2).strip()
        if not val:
            val = _indented_value(lines[i + 1 :])
        val = _html.unescape(val.strip("\"'")).strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _has_reported_speech(text: str) -> bool:
    return bool(QUOTE_MARKS.search(text)) and bool(re.search(r"\b(said|says|told|added)\b", text))


def _find_title(lines: list[_Ln], hint: str | None, known: object) -> _Ln | None:
    if hint:
        hk = _key(hint)
        for ln in lines:
            if ln.text and _key(ln.text) == hk:
                return ln
        for ln in lines:
            if ln.text and hk and hk in _key(ln.text) and ln.role != "blank":
                return ln
    from newsprism.knowledge import Outlets

    assert isinstance(known, Outlets)
    # Heading-shaped lines before the first paragraph compete; a headline is usually
    # repeated further down the page (pages print it two or three times), a site
    # name above it is not, so the first repeated candidate wins, then the longest.
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.text:
            k = _key(ln.text)
            counts[k] = counts.get(k, 0) + 1
    candidates: list[_Ln] = []
    first_candidate = None
    for ln in lines:
        if ln.role is not None:
            continue
        if first_candidate is None:
            first_candidate = ln
        if ln.kind == "sentence" and ln.words >= LONG_LINE_WORDS:
            break
        if known.lookup(ln.text) or ln.kind == "row" or _mostly_figures(ln.text):
            continue  # a site name above the headline; a table's row
        # A headline has no final stop, unless the text is tokenized ("SOCCER - BAN LIFTED .", "Med
        # oil products mostly lower as Elf strike ends ."); a tokenized sentence longer than
        # headlines run (14 tokens at most in CoNLL-2003's tune half) is the first paragraph.
        tokenized = ln.text.endswith(" .") and not (_tokenized_sentence(ln) and ln.words > TOKENIZED_HEADLINE_MAX_WORDS)
        if 2 <= ln.words <= TITLE_MAX_WORDS and (not ln.text.endswith((".", ",", ":", ";")) or tokenized):
            candidates.append(ln)
        if ln.kind == "sentence" and ln.words >= MIN_SENTENCE_WORDS:
            break  # the first paragraph (a short sentence, "Local news that matters.", may be a tagline)
    if candidates and not _tokenized_sentence(candidates[0]):
        # A headline above a tokenized paragraph ("... time traveller ."): the paragraph is no title.
        candidates = [ln for ln in candidates if not _tokenized_sentence(ln)]
    repeated = [ln for ln in candidates if counts.get(_key(ln.text), 0) > 1]
    if repeated:
        return repeated[0]
    # The headline stands right above the byline or dateline ("Nebraska fed cattle roundup - USDA ."
    # then "OMAHA 1996-12-06"); a site name above the headline does not.
    above_meta = [ln for ln in candidates if _next_line(lines, ln) is not None and _next_line(lines, ln).role == "metadata"]  # type: ignore[union-attr]
    if above_meta:
        return above_meta[0]
    if candidates:
        # Site names, taglines and section labels are shorter than headlines.
        return max(candidates, key=lambda ln: (ln.words, -ln.n))
    if first_candidate is not None and SENTENCE_END.search(first_candidate.text) and (
        first_candidate.words >= LONG_LINE_WORDS or (_tokenized_sentence(first_candidate) and first_candidate.words > TOKENIZED_HEADLINE_MAX_WORDS)
    ):
        return None  # a text that opens with its first paragraph has no headline: the paragraph is body
    return first_candidate


def _next_line(lines: list[_Ln], ln: _Ln) -> _Ln | None:
    """The first line after ``ln`` that is not blank."""
    return next((x for x in lines[ln.n :] if x.text), None)


def _mostly_figures(text: str) -> bool:
    """A line of figures ("UAE 2 1 1 0 4 3 4": three or more, over twice its words) is data, never a
    headline; "Apollo 11 at 50" and "9/11 at 20: a city remembers" are headlines."""
    figures = len(ROW_FIGURE.findall(text))
    return figures >= 3 and figures > 2 * len(re.findall(r"[^\W\d_]{2,}", text))


def _tokenized_sentence(ln: _Ln) -> bool:
    """A tokenized line ending " ." written as a sentence ("Relatively unknown actor Matt Smith was
    named ... ."), not in capitals or title case as a headline ("SOCCER - BAN LIFTED .")."""
    if not ln.text.endswith(" ."):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", ln.text) if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) < 0.8 * len(words)


def _copies(lines: list[_Ln]) -> None:
    """Exact repeats and truncated copies share the role of the line they copy."""
    by_key: dict[str, _Ln] = {}
    texts = [ln for ln in lines if ln.text]
    for i, ln in enumerate(texts):
        k = _key(ln.text)
        first = by_key.setdefault(k, ln)
        if first is not ln and first.role in ("caption",) and ln.role != "caption":
            ln.set("caption", f"repeats the caption on line {first.n}")
        for other in (texts[i + 1] if i + 1 < len(texts) else None, texts[i - 1] if i > 0 else None):
            if (
                other is not None
                and len(ln.text) >= PREFIX_MIN_CHARS
                and len(other.text) > len(ln.text)
                and _key(other.text).startswith(k)
                and other.role in ("caption", "boilerplate")
            ):
                ln.set(other.role, f"truncated copy of line {other.n}")
                break


# ---------------------------------------------------------------------------- HTML


# A block key this long is matched anywhere in the extracted body; a shorter one only
# where it is a whole body line, starts one, or continues the block matched before it.
ALIGN_ANYWHERE_CHARS = 20
ALIGN_MAX_HITS = 400  # occurrences of one block's key considered (short keys repeat)
REPRINT_EDGE = 2  # a reprint notice inside the body sits among its first or last lines


def align_body(keys: list[str], body_text: str) -> list[bool]:
    """Which blocks (by comparison key, in page order) make up the extracted body.

    trafilatura's lines and the page's blocks need not break the same way: a table
    row is one line but one block per cell, a paragraph with a ``<br>`` or an inline
    ``<div>`` is one line but several blocks, a teaser repeats the lead paragraph. So
    the body lines are joined into one key string and each block is matched to an
    interval of it; the chosen intervals must follow page order without overlapping,
    and the choice covers as much of the body as possible (a weighted increasing
    chain, found with a Fenwick tree over end positions). A short key (a cell, a
    label) counts only where it is a whole line, starts one, or directly continues the
    previous match, so "Share" or "1" elsewhere on the page does not ride along.
    """
    line_keys: list[str] = []
    line_starts: set[int] = set()
    bounds: set[int] = {0}  # key positions between two words
    pos = 0
    for line in body_text.split("\n"):
        tokens = re.findall(r"\w+", unicodedata.normalize("NFKD", line).lower())  # _key's characters
        if not tokens:
            continue
        line_keys.append("".join(tokens))
        line_starts.add(pos)
        for tok in tokens:
            pos += len(tok)
            bounds.add(pos)
    if not line_keys:
        return [False] * len(keys)
    body_all = "".join(line_keys)
    size = len(body_all)

    # Fenwick tree of (best chain value, candidate id) by end position, prefix maximum.
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 2)

    def query(upto: int) -> tuple[int, int]:
        best = (0, -1)
        i = upto + 1
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i -= i & -i
        return best

    def update(at: int, val: tuple[int, int]) -> None:
        i = at + 1
        while i <= size + 1:
            if val > tree[i]:
                tree[i] = val
            i += i & -i

    ends_exact: dict[int, tuple[int, int]] = {}
    cand_block: list[int] = []
    cand_end: list[int] = []
    cand_prev: list[int] = []
    cand_val: list[int] = []
    for bi, k in enumerate(keys):
        if not k:
            continue
        new: list[tuple[int, int, int]] = []  # (end, value, prev)
        short = len(k) < ALIGN_ANYWHERE_CHARS
        start = body_all.find(k)
        hits = 0
        while start >= 0 and hits < ALIGN_MAX_HITS:
            hits += 1
            end = start + len(k)
            if not short:
                prev = query(start)
            elif start in bounds and end in bounds:
                prev = query(start) if start in line_starts else ends_exact.get(start, (-1, -1))
            else:
                prev = (-1, -1)
            if prev[0] >= 0:
                new.append((end, prev[0] + len(k), prev[1]))
            start = body_all.find(k, start + 1)
        for end, val, prev_id in new:
            cid = len(cand_val)
            cand_block.append(bi)
            cand_end.append(end)
            cand_prev.append(prev_id)
            cand_val.append(val)
            update(end, (val, cid))
            if val > ends_exact.get(end, (-1, -1))[0]:
                ends_exact[end] = (val, cid)
    out = [False] * len(keys)
    if not cand_val:
        return out
    cid = max(range(len(cand_val)), key=lambda i: (cand_val[i], -i))
    while cid >= 0:
        out[cand_block[cid]] = True
        cid = cand_prev[cid]
    return out


def classify_blocks(blocks: list[Block], body_text: str, title_hint: str | None) -> list[Line]:
    """Roles for an HTML page's text blocks (one per line of the text built from them)."""
    F = furniture()
    keys = [_key(b.text) for b in blocks]
    aligned = align_body(keys, body_text)
    body_idx = [i for i, a in enumerate(aligned) if a]
    edge = set(body_idx[:REPRINT_EDGE] + body_idx[-REPRINT_EDGE:])
    out: list[Line] = []
    pos = 0
    title_done = False
    hk = _key(title_hint) if title_hint else ""
    seen_body = False
    for i, b in enumerate(blocks):
        n = i + 1
        start, end = pos, pos + len(b.text)
        pos = end + 1
        k = keys[i]
        words = count_words(b.text)
        in_body = aligned[i]
        if not title_done and (
            (hk and k == hk) or (not hk and b.heading == 1) or (hk and b.heading and hk in k and words <= 30)
        ):
            role, why = "title", "the page's headline"
            title_done = True
        elif in_body and i in edge and F.reprint.search(b.text):
            role, why = "metadata", "reprint notice"
        elif in_body:
            role, why = "body", "in the extracted article body"
            seen_body = True
        elif b.caption:
            role, why = "caption", "figure caption"
        elif not seen_body and (DATE_LINE.match(b.text) or (F.metadata.search(b.text) and words <= 15)):
            role, why = "metadata", "byline or date"
        elif F.reprint.search(b.text):
            role, why = "metadata", "reprint notice"
        else:
            role, why = "boilerplate", "outside the article body" + (" (page chrome)" if b.chrome else "")
        out.append(Line(n, start, end, role, why))
    return out


def blocks_without_body(blocks: list[Block]) -> list[Block]:
    """Blocks a text classifier may see when trafilatura found nothing: drop page chrome."""
    return [b for b in blocks if not b.chrome and b.link_density < 0.5]


# ---------------------------------------------------------------------------- stage


def clean_article(article: Article, use_html_structure: bool = True) -> Article:
    """Fill ``lines``, ``title`` and ``body`` (and ``raw_text`` for HTML) of one article."""
    title_hint = article.given.get("title")
    if article.format == "html" and article.html is not None:
        blocks, note = read_page(article.html)
        if not blocks:
            raise InputError(Errors.E016.format(path=article.source))
        article.raw_text = "\n".join(b.text for b in blocks)
        if note:
            article.evidence["html"] = note
        if use_html_structure and not note:
            body_text, meta = extract_page(article.html, article.url)
            article.page_meta = meta
            hint = title_hint or meta.get("title")
            if body_text.strip():
                article.lines = classify_blocks(blocks, body_text, hint)
            else:
                # trafilatura found no body: fall back to our own reading of the blocks.
                article.lines = classify_text(article.raw_text, hint)
                for i, b in enumerate(blocks):
                    ln = article.lines[i]
                    if b.chrome and ln.role == "body":
                        article.lines[i] = Line(ln.n, ln.start, ln.end, "boilerplate", "page chrome")
        else:
            article.lines = classify_text(article.raw_text, title_hint)
        article.html = None  # the markup has served; keep articles small for pools and stores
    else:
        fm = parse_front_matter(article.raw_text)
        if fm:
            article.page_meta = {**fm, **article.page_meta}
        article.lines = classify_text(article.raw_text, title_hint or fm.get("title"))
    title = next((ln for ln in article.lines if ln.role == "title"), None)
    article.title = title_hint or (MD_HEADING.sub("", article.line_text(title)).strip() if title else None)
    if article.format != "html" and article.page_meta.get("title") and not title_hint:
        article.title = str(article.page_meta["title"])  # front matter states it, unescaped
    if not article.title and article.page_meta.get("title"):
        article.title = str(article.page_meta["title"])
    if article.title:
        article.title = strip_controls(article.title)  # no right-to-left override in a title or a table
        if CHAR_REFERENCE.search(article.title):
            article.title = html.unescape(article.title)  # a text dump's "N. Korea&#x27;s Kim" (raw_text keeps the raw characters)
    article.body = "\n\n".join(article.line_text(ln).strip() for ln in article.lines if ln.role == "body")
    return article


@stage(
    "newsprism.clean.v1",
    requires=["article.raw_text", "article.html", "article.format", "article.url", "article.given"],
    assigns=["article.lines", "article.title", "article.body", "article.page_meta", "article.raw_text", "article.html", "article.evidence.html"],
    defaults={"use_html_structure": True},
)
def make_clean(use_html_structure: bool = True) -> Callable[[Article], Article]:
    """Line roles, title and body for text and HTML pages."""

    def clean(article: Article) -> Article:
        return clean_article(article, use_html_structure=use_html_structure)

    return clean
