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

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.article import Article, Line
from newsprism.errors import Errors, InputError
from newsprism.ingest.html import Block, extract_body, extract_metadata, page_blocks
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
SENTENCE_END = re.compile(r"""([.!?…]|[.!?…]\s*\([^()]{1,40}\))["'”’»)\]]*\s*$""")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.U)
QUOTE_MARKS = re.compile(r"[\"“”«»]")

# Signals calibrated as a set on the seed pages' kinds of furniture and on the
# article-extraction benchmark's text blocks; change one, re-run `make eval`.
MIN_SENTENCE_WORDS = 6  # a sentence-shaped line shorter than this is a label
LONG_LINE_WORDS = 20  # a line this long is prose even without final punctuation
TITLE_MAX_WORDS = 40
PREFIX_MIN_CHARS = 30  # a truncated copy of the next line ("... after signing the")


@dataclass(slots=True)
class _Ln:
    n: int
    start: int
    end: int
    text: str  # stripped
    words: int
    role: str | None = None
    why: str = ""
    kind: str = ""  # "sentence" | "short" for lines still undecided

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
    return name.split(" ", 1)[0]


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


def _key(text: str) -> str:
    """Comparison key: letters and digits only, case-folded (for repeats of a line)."""
    return re.sub(r"\W+", "", fold(text))


def is_sentence(text: str, words: int) -> bool:
    return words >= LONG_LINE_WORDS or (words >= MIN_SENTENCE_WORDS and bool(SENTENCE_END.search(text)))


def classify_text(raw_text: str, title_hint: str | None = None) -> list[Line]:
    """Give every line of a plain-text page dump its role."""
    F = furniture()
    known = outlets()
    main = _main_script(raw_text)
    lines: list[_Ln] = []
    for n, (s, e) in enumerate(split_lines(raw_text), 1):
        text = raw_text[s:e].strip()
        lines.append(_Ln(n, s, e, text, len(WORD.findall(text))))

    # 1. What a line is on its own.
    for ln in lines:
        t = ln.text
        if not t:
            ln.set("blank", "")
        elif not any(ch.isalnum() for ch in t):
            ln.set("boilerplate", "no words")
        elif _foreign_share(t, main) > 0.5 and ln.words < LONG_LINE_WORDS:
            ln.set("boilerplate", "fragment in another script")
        elif fold(t).strip(" .:;!?|>»·•-–—") in F.exact:
            ln.set("boilerplate", "page furniture label")
        elif F.reprint.search(t):
            ln.set("metadata", "reprint notice")
        elif F.strong.search(t) and not QUOTE_MARKS.search(t):
            ln.set("boilerplate", "page furniture phrase")
        elif DATE_LINE.match(t):
            ln.set("metadata", "dateline")
        elif F.metadata.search(t) and ln.words <= 15:
            ln.set("metadata", "byline or date")
        elif F.caption.search(t) and not _has_reported_speech(t):
            ln.set("caption", "photo caption")
        else:
            ln.kind = "sentence" if is_sentence(t, ln.words) else "short"

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

    # 4. The tail: after the last body paragraph, labels and reader appeals are furniture.
    undecided = [ln for ln in lines if ln.role is None]
    for ln in reversed(undecided):
        if ln.kind == "short":
            ln.set("boilerplate", "short line after the article")
        elif F.tail.search(ln.text) and not QUOTE_MARKS.search(ln.text):
            ln.set("boilerplate", "appeal to the reader after the article")
        else:
            break

    # 5. The head: short lines between the title and the first paragraph are furniture.
    for ln in lines:
        if ln.role is None and ln.kind == "sentence":
            break
        if ln.role is None and ln.kind == "short":
            if known.lookup(ln.text):
                ln.set("boilerplate", "the outlet's name")
            else:
                ln.set("boilerplate", "short line before the article")

    # 6. The rest is the article: paragraphs, and crossheads between them.
    for ln in lines:
        if ln.role is None:
            if ln.kind == "sentence":
                ln.set("body", "paragraph")
            elif known.lookup(ln.text):
                ln.set("boilerplate", "the outlet's name")
            else:
                ln.set("body", "crosshead between paragraphs")
    _copies(lines)
    return [Line(ln.n, ln.start, ln.end, ln.role or "boilerplate", ln.why) for ln in lines]


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
    first_candidate = None
    for ln in lines:
        if ln.role is not None:
            continue
        if known.lookup(ln.text):
            continue  # a site name above the headline
        if 2 <= ln.words <= TITLE_MAX_WORDS and not ln.text.endswith((".", ",", ":", ";")):
            return ln
        if first_candidate is None:
            first_candidate = ln
    return first_candidate


def _copies(lines: list[_Ln]) -> None:
    """Exact repeats and truncated copies share the role of the line they copy."""
    by_key: dict[str, _Ln] = {}
    texts = [ln for ln in lines if ln.text]
    for i, ln in enumerate(texts):
        k = _key(ln.text)
        first = by_key.setdefault(k, ln)
        if first is not ln and first.role in ("caption",) and ln.role != "caption":
            ln.set("caption", f"repeats the caption on line {first.n}")
        nxt = texts[i + 1] if i + 1 < len(texts) else None
        if (
            nxt is not None
            and len(ln.text) >= PREFIX_MIN_CHARS
            and len(nxt.text) > len(ln.text)
            and _key(nxt.text).startswith(k)
            and nxt.role in ("caption", "boilerplate")
        ):
            ln.set(nxt.role, f"truncated copy of line {nxt.n}")


# ---------------------------------------------------------------------------- HTML


def classify_blocks(blocks: list[Block], body_text: str, title_hint: str | None) -> list[Line]:
    """Roles for an HTML page's text blocks (one per line of the text built from them)."""
    F = furniture()
    body_keys = [_key(x) for x in body_text.split("\n") if x.strip()]
    body_set = set(body_keys)
    body_all = "".join(body_keys)
    out: list[Line] = []
    pos = 0
    title_done = False
    hk = _key(title_hint) if title_hint else ""
    seen_body = False
    for n, b in enumerate(blocks, 1):
        start, end = pos, pos + len(b.text)
        pos = end + 1
        k = _key(b.text)
        words = len(WORD.findall(b.text))
        in_body = bool(k) and (k in body_set or (len(k) >= 20 and k in body_all))
        if not title_done and (
            (hk and k == hk) or (not hk and b.heading == 1) or (hk and b.heading and hk in k and words <= 30)
        ):
            role, why = "title", "the page's headline"
            title_done = True
        elif in_body and F.reprint.search(b.text):
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
        blocks = page_blocks(article.html)
        if not blocks:
            raise InputError(Errors.E016.format(path=article.source))
        article.raw_text = "\n".join(b.text for b in blocks)
        if use_html_structure:
            meta = extract_metadata(article.html, article.url)
            article.page_meta = {k: v for k, v in meta.items() if k != "description"}
            body_text = extract_body(article.html, article.url)
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
        article.lines = classify_text(article.raw_text, title_hint)
    title = next((ln for ln in article.lines if ln.role == "title"), None)
    article.title = title_hint or (article.line_text(title).strip() if title else None)
    if not article.title and article.page_meta.get("title"):
        article.title = str(article.page_meta["title"])
    article.body = "\n\n".join(article.line_text(ln).strip() for ln in article.lines if ln.role == "body")
    return article


@stage(
    "newsprism.clean.v1",
    requires=["article.raw_text"],
    assigns=["article.lines", "article.title", "article.body", "article.page_meta"],
    defaults={"use_html_structure": True},
)
def make_clean(use_html_structure: bool = True) -> Callable[[Article], Article]:
    """Line roles, title and body for text and HTML pages."""

    def clean(article: Article) -> Article:
        return clean_article(article, use_html_structure=use_html_structure)

    return clean
