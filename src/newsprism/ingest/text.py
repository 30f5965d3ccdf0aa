"""Decoding bytes into text, refusing what is not text.

The seeds hold no-break spaces and curly quotes, so UTF-8 is tried first and
strictly; anything else goes through charset-normalizer. Binary content (NUL
bytes, known magic numbers, a high share of control characters) is refused by
name rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import re
import zlib
from html import unescape
from html.entities import html5

from newsprism.errors import Errors, InputError

# Magic numbers of formats users drop into a folder by mistake.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"ID3", "an MP3 file"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "a binary media file"),
    (b"SQLite format 3", "an SQLite database"),
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def content_id(data: bytes | str) -> str:
    """A stable id: the same input gives the same id, wherever it lies."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:16]


def maybe_gunzip(data: bytes, path: str) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(Errors.E002.format(path=path, reason=f"broken gzip data ({exc})")) from exc


def decode(data: bytes, path: str) -> str:
    """Decode ``data`` to text with universal newlines, or raise a coded ``InputError``."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(enc, errors="replace").lstrip("\ufeff"))
    if not data.strip():
        raise InputError(Errors.E003.format(path=path))
    head = data[:8192]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise InputError(Errors.E004.format(path=path, kind=kind))
    if b"\x00" in head:
        raise InputError(Errors.E004.format(path=path, kind="binary data (NUL bytes)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, path)
    if _control_share(text[:8192]) > 0.1:
        raise InputError(Errors.E004.format(path=path, kind="binary data (control characters)"))
    if not text.strip():
        raise InputError(Errors.E003.format(path=path))
    return normalize_newlines(text)


def _detect(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(Errors.E005.format(path=path))
    # On short Western text cp1250 and cp1252 often tie (same chaos and coherence) and the
    # first wins, turning "crème" into "crčme"; on a tie prefer windows-1252, the web's
    # default legacy encoding (WHATWG reads "latin-1" labels as windows-1252).
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
            best = m
            break
    text = str(best)
    # A "decoding" in which most characters are replacement marks is no decoding.
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError(Errors.E005.format(path=path))
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(text)


# A well-formed HTML character reference: named (one of HTML5's, with its semicolon) or numeric.
CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_character_references(text: str) -> str:
    """``&quot;``, ``&#x27;``, ``&amp;`` ... as the characters they stand for.

    Markdown decodes them (CommonMark 0.31, section 2.5) and scraped Markdown dumps are full
    of them; left in, a quotation mark is six characters the quote finder does not see, and
    ``N. Korea&#x27;s`` becomes an actor. Plain text and JSON records are taken literally.
    Anything that is not a known, well-formed reference (``AT&T``, ``R&D;``) stays as it is.
    """
    if "&" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        ref = m.group(0)
        if ref[1] != "#" and ref[1:] not in html5:
            return ref
        return unescape(ref)

    return CHAR_REF.sub(one, text)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``, so line offsets mean one thing."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
