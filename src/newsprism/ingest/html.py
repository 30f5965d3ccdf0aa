"""HTML pages: the page's text blocks, trafilatura's body and the page's own metadata.

The cleaner works on lines, so an HTML page becomes its text blocks, one per line,
in document order, each remembering the structure it came from (inside ``<nav>``,
a ``<figcaption>``, a heading, how much of it is link text). trafilatura extracts
the body; the clean stage aligns its paragraphs with the blocks so every body line
still has offsets into the text the cleaner worked on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

LOGGER = logging.getLogger(__name__)

# Elements whose start and end break the text into blocks.
BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "form", "address", "center", "details", "summary", "caption", "fieldset", "legend", "hr", "br", "body", "html", "dialog", "menu", "noscript"]
)
# Elements whose text is never page content.
SKIP_TAGS = frozenset(["script", "style", "template", "svg", "iframe", "head", "object", "embed", "canvas", "select", "option", "button", "input", "textarea"])
# Page chrome: what lies inside these is navigation, site furniture or a side column.
CHROME_TAGS = frozenset(["nav", "footer", "aside", "form", "menu", "dialog"])
CHROME_HINT = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|footer|sidebar|share|social|related|newsletter|subscribe|promo|"
    r"advert|ads?|cookie|breadcrumbs?|comments?|widget|masthead|banner|popup|modal)([-_ ]|$)",
    re.I,
)
SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Block:
    """One text block of a page and the structure around it."""

    text: str
    tag: str
    heading: int = 0  # 1..6 inside <hN>, else 0
    caption: bool = False  # inside <figcaption> or <figure>
    chrome: bool = False  # inside nav/footer/aside or an element named like them
    quote: bool = False  # inside <blockquote>
    link_chars: int = 0
    list_item: bool = False

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def page_blocks(html: str) -> list[Block]:
    """The page's text blocks in document order (empty list when nothing is readable)."""
    return read_page(html)[0]


# What the evidence says of a page read by text_blocks.
DEEP_NOTE = "the page nests deeper than the HTML parser reads (libxml2: 2048 levels): read as text, without its structure"


def read_page(html: str) -> tuple[list[Block], str]:
    """The page's text blocks, and a note when they were read without a parse tree.

    Pages nested deeper than the parser's limit (libxml2 stops at 2048 levels even with
    ``huge_tree``, and at 256 without it, dropping the rest of the page) are read by
    :func:`text_blocks` instead, which keeps every word.
    """
    root = _parse(html)
    if root is None:
        return [], ""
    if root is DEEP:
        return text_blocks(html), DEEP_NOTE
    return _walk_blocks(root), ""


class _Deep:
    """The parser gave up on the page's nesting."""


DEEP: Any = _Deep()


def _parse(html: str) -> Any:
    import lxml.html
    from lxml import etree

    # The page is already decoded: parse its UTF-8 bytes as UTF-8, whatever charset the
    # page's own <meta> declares (else lxml re-decodes it into mojibake).
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        LOGGER.info("unparseable HTML: %s", exc)
        return DEEP if "depth" in str(exc).lower() else None
    if any("Excessive depth" in e.message for e in parser.error_log):
        return DEEP
    return root


# Elements whose content is never text, skipped whole by the text-only reading.
SKIPPED_CONTENT = ("script", "style", "template", "svg", "head", "textarea", "select")
TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")


def text_blocks(html: str) -> list[Block]:
    """The page's text without a parse tree: script and style dropped, a block at each block
    tag, every other tag removed, character references decoded. No structure survives but
    the breaks (no headings, captions or chrome): the fallback for pages too deep to parse.

    One pass, left to right (never a backtracking pattern: a page of unclosed ``<script``
    tags or stray ``<`` reads in linear time); an element whose end never comes, or a ``<``
    without its ``>``, ends the reading there.
    """
    from html import unescape

    low = html.lower()
    parts: list[str] = []
    buf: list[str] = []
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            buf.append(html[pos:])
            break
        buf.append(html[pos:lt])
        after = html[lt + 1 : lt + 2]
        if not (after.isalpha() or after in ("/", "!")):
            buf.append("<")  # "a < b": no tag, the text goes on
            pos = lt + 1
            continue
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        gt = html.find(">", lt + 1)
        if gt < 0:
            break
        m = TAG_NAME.match(html, lt, gt + 1)
        name = m.group(2).lower() if m else ""
        pos = gt + 1
        if m and not m.group(1) and name in SKIPPED_CONTENT:
            close = low.find("</" + name, pos)
            pos = n if close < 0 else (low.find(">", close) + 1 or n)
        elif name in BLOCK_TAGS:
            parts.append("".join(buf))
            buf.clear()
    parts.append("".join(buf))
    blocks = []
    for part in parts:
        text = SPACES.sub(" ", unescape(part)).strip()
        if text:
            blocks.append(Block(text=text, tag="p"))
    return blocks


def _walk_blocks(root: Any) -> list[Block]:
    """The blocks of a parsed page, walked with a stack of its own (a page nested a thousand
    levels deep would exhaust Python's recursion)."""
    blocks: list[Block] = []
    buf: list[str] = []
    links = [0]

    def flush(ctx: dict[str, Any]) -> None:
        text = SPACES.sub(" ", "".join(buf)).strip()
        buf.clear()
        if text:
            blocks.append(
                Block(
                    text=text,
                    tag=ctx["tag"],
                    heading=ctx["heading"],
                    caption=ctx["caption"],
                    chrome=ctx["chrome"],
                    quote=ctx["quote"],
                    link_chars=min(links[0], len(text)),
                    list_item=ctx["li"],
                )
            )
        links[0] = 0

    def add(text: str, in_link_parent: bool) -> None:
        buf.append(text)
        if in_link_parent:
            links[0] += len(text.strip())

    base = {"tag": "body", "heading": 0, "caption": False, "chrome": False, "quote": False, "li": False}
    body = root.find("body")
    # (element, its context, inside a link, whether this is the element's end)
    stack: list[tuple[Any, dict[str, Any], bool, bool]] = [(body if body is not None else root, base, False, False)]
    while stack:
        el, ctx, in_link, end = stack.pop()
        if end:
            if ctx is not None:
                flush(ctx)
            if el.tail:
                add(el.tail, in_link)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if not tag or tag in SKIP_TAGS:
            if el.tail:
                add(el.tail, in_link)
            continue
        inner = _inner_context(el, tag, ctx)
        if inner is not ctx:
            flush(ctx)
        link = in_link or tag == "a"
        if el.text:
            add(el.text, link)
        # The end first (popped last): flush the block, then the text after the element.
        stack.append((el, inner if inner is not ctx else None, in_link, True))  # type: ignore[arg-type]
        stack.extend((child, inner, link, False) for child in reversed(el))
    flush(base)
    return blocks


def _inner_context(el: Any, tag: str, ctx: dict[str, Any]) -> dict[str, Any]:
    """The context inside ``el``: ``ctx`` itself for an inline element, a new one for a block."""
    if tag not in BLOCK_TAGS:
        return ctx
    hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    inner = dict(ctx)
    inner["tag"] = tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        inner["heading"] = int(tag[1])
    if tag in ("figcaption", "figure"):
        inner["caption"] = True
    if tag == "blockquote":
        inner["quote"] = True
    if tag == "li":
        inner["li"] = True
    if tag in CHROME_TAGS or (hint and CHROME_HINT.search(hint) and tag not in ("body", "html", "article", "main")):
        inner["chrome"] = True
    return inner


def extract_page(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """trafilatura's main text ("" when it finds none) and the page's own metadata, in one pass.

    One ``bare_extraction`` call gives the same body text as ``extract(output_format="txt")``
    and the metadata (title, site name, author, date via htmldate, url) for no extra parse.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception as exc:  # noqa: BLE001 — a page trafilatura cannot read still has our own blocks
        LOGGER.info("trafilatura failed: %s", exc)
        return "", {}
    if doc is None:
        return "", {}
    meta: dict[str, Any] = {}
    for key in ("title", "sitename", "author", "date", "url", "hostname"):
        val = getattr(doc, key, None)
        if val:
            meta[key] = val
    return str(getattr(doc, "text", "") or ""), meta
