"""Decoding bytes into text, refusing what is not text.

The seeds hold no-break spaces and curly quotes, so UTF-8 is tried first and
strictly; anything else goes through charset-normalizer. Binary content (NUL
bytes, known magic numbers, a high share of control characters) is refused by
name rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import zlib
from html import unescape
from html.entities import html5

from newsprism.errors import Errors, InputError

LOGGER = logging.getLogger(__name__)

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


GZIP_MAX_MEMBERS = 1000


def maybe_gunzip(data: bytes, path: str, limit: int | None = None) -> bytes:
    """``data`` decompressed when it is gzip (every member), never past ``limit`` bytes
    (``settings.MAX_BYTES``): a small file that expands to gigabytes is refused ([E006])
    after reading one byte more than the limit, not after filling the memory."""
    if data[:2] != b"\x1f\x8b":
        return data
    from newsprism import settings

    limit = settings.MAX_BYTES if limit is None else limit
    out = bytearray()
    rest = data
    members = 0
    try:
        while rest[:2] == b"\x1f\x8b":
            members += 1
            if members > GZIP_MAX_MEMBERS:  # each member copies what follows it: thousands are an attack
                raise InputError(Errors.E002.format(path=path, reason=f"broken gzip data (over {GZIP_MAX_MEMBERS} members)"))
            d = zlib.decompressobj(wbits=31)
            chunk, tail = d.decompress(rest, limit + 1 - len(out)), d.unconsumed_tail
            out += chunk
            while tail and len(out) <= limit:
                chunk, tail = d.decompress(tail, limit + 1 - len(out)), d.unconsumed_tail
                out += chunk
            if len(out) > limit:
                raise InputError(Errors.E006.format(path=path, size=f"over {limit} (decompressed)", limit=limit))
            if not d.eof:
                raise InputError(Errors.E002.format(path=path, reason="broken gzip data (cut short)"))
            rest = d.unused_data
    except zlib.error as exc:
        raise InputError(Errors.E002.format(path=path, reason=f"broken gzip data ({exc})")) from exc
    return bytes(out)


def decode(data: bytes, path: str) -> str:
    """Decode ``data`` to text with universal newlines, or raise a coded ``InputError``."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(enc, errors="replace").lstrip("\ufeff"))
    if not data.strip():
        raise InputError(Errors.E003.format(path=path))
    head = data[:8192]
    wide = _wide_encoding(head)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            text = ""
        if text.strip():
            if _control_share(text[:8192]) > 0.1:
                raise InputError(Errors.E004.format(path=path, kind="binary data (control characters)"))
            return normalize_newlines(text)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise InputError(Errors.E004.format(path=path, kind=kind))
    if b"\x00" in head:
        raise InputError(Errors.E004.format(path=path, kind="binary data (NUL bytes)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data, path) or _detect(data, path)
    if _control_share(text[:8192]) > 0.1:
        raise InputError(Errors.E004.format(path=path, kind="binary data (control characters)"))
    if not text.strip():
        raise InputError(Errors.E003.format(path=path))
    return normalize_newlines(text)


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes of mostly
    Latin text fall ("A" is ``41 00`` in UTF-16LE): None for anything else."""
    n = len(head) - len(head) % 4
    if n < 8 or b"\x00" not in head:
        return None
    zeros = [sum(1 for i in range(k, n, 4) if head[i] == 0) / (n // 4) for k in range(4)]
    if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.1:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] < 0.1:
        return "utf-32-be"
    odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


# Valid UTF-8 multi-byte sequences (a lead byte and its continuation bytes).
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes, path: str) -> str | None:
    """UTF-8 with a few bad bytes (a cut sequence, one stray byte), decoded as UTF-8 with
    replacement characters and a warning, not as another code page ("—" is not "‚Äî").
    None when the file reads as another encoding: bad bytes outnumber valid sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = len(UTF8_MULTIBYTE.findall(data))
    if bad == 0 or valid < bad or bad > max(3, len(text) // 1000):
        return None
    LOGGER.warning("%s: %d byte sequence(s) that are not UTF-8 in UTF-8 text, read as U+FFFD", path, bad)
    return text


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


# Bidirectional embedding, override and isolate controls: in a title or a terminal they
# reorder what follows them ("Trojan Source"); they carry no words.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without bidirectional controls and other control characters (tab and newline become spaces)."""
    text = BIDI_CONTROLS.sub("", text)
    return "".join(" " if ch in "\t\n\r" else ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 32 and not 0x7F <= ord(ch) < 0xA0))


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``, so line offsets mean one thing."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
