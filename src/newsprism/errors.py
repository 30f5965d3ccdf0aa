"""Coded messages and narrow exceptions, after spaCy's ``errors.py``.

Every message a user can see carries a code (``[E003]``) so it can be looked up,
grepped in logs and tested without matching prose.
"""

from __future__ import annotations


class _Coded(type):
    """Prefix each class attribute with its code: ``Errors.E001 == "[E001] ..."``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg  # type: ignore[no-any-return]  # dunder lookups pass through
        return f"[{code}] {msg}"


class Errors(metaclass=_Coded):
    E001 = "No such file or directory: {path}"
    E002 = "Cannot read {path}: {reason}"
    E003 = "Empty input: {path} holds no text"
    E004 = "Binary input: {path} looks like {kind}, not text or HTML"
    E005 = "Undecodable input: {path} is in no text encoding we can detect"
    E006 = "Input too large: {path} is {size} bytes; the limit is {limit} (set NEWSPRISM_MAX_BYTES)"
    E007 = "Bad JSONL record at {path}:{line}: {reason}"
    E008 = "Stage '{name}' is already registered with a different function"
    E009 = "Stage '{name}' requires {missing}, which no stage of the pipeline that can run before it assigns"
    E010 = "Unknown dossier schema {got!r}; this version reads {want!r}"
    E011 = "Unknown stage '{name}'. Registered stages: {known}"
    E012 = "Stage '{name}' failed on {source}: {reason}"
    E013 = "Article '{id}' not found in {where}"
    E014 = "No inputs matched {pattern}"
    E015 = "Extension '{name}' already exists; pass force=True to replace it"
    E016 = "HTML input {path} has no readable text (truncated or empty markup)"
    E017 = "Web archive {path} breaks off after {pages} page(s): {reason}"
    E018 = "Feed {path} has no entries we can read: {reason}"
    E019 = "{path} is an address; newsprism analyze reads no network: save it first with `newsprism fetch {path} --warc pages.warc.gz`, then analyse pages.warc.gz (or save the page or its feed yourself and pass the file)"
    E020 = "Unsupported input: {path} is an XML document that is neither a web page nor a news feed"
    E021 = "Stored article(s) {ids} could not be analysed again ({reason}); nothing was written to the store"
    E022 = "Stage declarations contradict each other: {names} each require what another of them assigns"
    E023 = "Knowledge file {path} cannot be read: {reason}"
    E024 = "The store {store} changed under this batch {tries} times in a row (other writers); nothing of it was written: run it again"
    E025 = "Bad article id {id!r} at {path}: {reason}"
    E026 = "Not a regular file: {path} is {kind}; only files are read"
    E027 = "The store holds article(s) {ids}; this batch would replace them, and may not (ask to replace them)"
    E028 = "No store at {path}: reading commands never create one (a store is written by `newsprism analyze ... --db {path}`)"
    E029 = "Article id prefix {id!r} is ambiguous in {where}: it starts {count} ids ({ids}); give more of it"
    E040 = "No spaCy English model could be loaded (tried {tried}); install en_core_web_sm"


class NewsprismError(Exception):
    """Base class of the errors newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input cannot be turned into an article; the batch goes on without it."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or (message[1:5] if message.startswith("[E") else "E000")


class RegistryError(NewsprismError):
    """A pipeline is mis-declared: duplicate or unknown stage, missing prerequisite."""


class KnowledgeError(NewsprismError):
    """A knowledge file (packaged, or the user's in ``$NEWSPRISM_DATA``) is malformed."""


class StoreChanged(NewsprismError):
    """Another writer wrote to the store since the stamp a write was built on: nothing was written."""


class SchemaError(NewsprismError):
    """A dossier written by an incompatible version."""


class NotFoundError(NewsprismError, KeyError):
    """A requested article is not in the store."""
