"""The actor knowledge base: who is who, under every name the news gives them.

``data/actors.json`` holds countries (with demonyms), capitals and seats of power
(``metonym_of``: the actor a place stands for when it acts), heads of state and
government, officials, organisations, state media and wire agencies. Outlets from
``data/outlets.json`` join as ORG actors. A user's ``$NEWSPRISM_DATA/actors.json``
of the same shape is merged over the packaged file: an entry with an existing id
replaces it, a new id adds an actor.

Names are compared through :func:`name_key`, which folds case, accents,
apostrophes, hyphens and full stops, so "Kim Jong-un", "Kim Jong Un" and
"KIM JONG UN" share one key, as do "Workers' Party of Korea" and "Workers Party of
Korea". Spelling variants beyond that (romanisations: "Zelenskiy"/"Zelenskyy")
are either listed as aliases or found by :meth:`ActorKB.fuzzy`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from newsprism.knowledge import derived, load_data

# Types an actor may have (CONTRACT.md ACTOR.type; FAC for buildings such as the Kremlin).
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
REQUIRED_KEYS = ("id", "name", "type", "aliases", "roles", "country", "wikidata")

_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc\u0060\u00b4']")
_HYPHENS = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\-_/]")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s$")
# An initialism written with dots ("F.B.I.", "N.R.A.", "U.S."): one word, as written without them.
_SPACED_INITIALS = re.compile(r"(?<!\S)[a-z](?: [a-z])+(?!\S)")
_DOTTED_INITIALISM = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}(?![a-z])")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Fold a name for comparison: case, accents, apostrophes, hyphens, dots, a leading "the";
    an initialism is one word with or without its dots ("N.R.A." and "NRA" are "nra").

    Example:
        >>> name_key("the Workers’ Party of Korea") == name_key("Workers Party of Korea")
        True
        >>> name_key("F.B.I.") == name_key("FBI")
        True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().strip()
    text = _POSSESSIVE.sub("", _APOSTROPHES.sub("'", text))
    text = _APOSTROPHES.sub("", text)
    text = _DOTTED_INITIALISM.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    text = _HYPHENS.sub(" ", text).replace(".", " ").replace(",", " ")
    text = _SPACES.sub(" ", text).strip()
    # Spaced initials are one word too ("J. K. Rowling" as "J.K. Rowling": "jk rowling").
    text = _SPACED_INITIALS.sub(lambda m: m.group(0).replace(" ", ""), text)
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(text: str) -> str:
    """A stable, URL-safe id part from a name ("Kim Jong-un" -> "kim-jong-un")."""
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class KBActor:
    """One actor of the knowledge base."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    demonyms: tuple[str, ...] = ()
    metonym_of: str | None = None
    gender: str | None = None
    ellipses: tuple[str, ...] = ()  # bare words that stand for it where it is named ("the North")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KBActor:
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            type=str(d.get("type") or "ORG"),
            aliases=tuple(str(a) for a in d.get("aliases") or ()),
            roles=tuple(str(r) for r in d.get("roles") or ()),
            country=d.get("country"),
            wikidata=d.get("wikidata"),
            demonyms=tuple(str(a) for a in d.get("demonyms") or ()),
            metonym_of=d.get("metonym_of"),
            gender=d.get("gender"),
            ellipses=tuple(str(a) for a in d.get("ellipses") or ()),
        )

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(slots=True)
class ActorKB:
    """Lookup of actors by folded name, demonym, surname and (fuzzily) spelling variant."""

    by_id: dict[str, KBActor] = field(default_factory=dict)
    # folded alias -> ids of every actor that has it (more than one: ambiguous)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    # folded demonym -> country id ("north korean" -> "north-korea")
    by_demonym: dict[str, str] = field(default_factory=dict)
    # folded ellipsis -> ids of the actors it may stand for ("north" -> ["north-korea"])
    by_ellipsis: dict[str, list[str]] = field(default_factory=dict)
    # (token count, first letter) -> folded multi-word person and organisation keys, for fuzzy lookups
    blocks: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    title_heads: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    descriptor_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    natural_heads: frozenset[str] = frozenset()
    leader_titles: frozenset[str] = frozenset()
    # Words that tell a person's gender in the text: role nouns and honorifics -> "male" | "female".
    gender_words: dict[str, str] = field(default_factory=dict)
    gender_honorifics: dict[str, str] = field(default_factory=dict)
    # short title -> its head ("gov" -> "governor")
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    # Words that describe a person before a title and are no part of it ("the independent
    # Vermont senator"): a description matches a role without them.
    title_epithets: frozenset[str] = frozenset()
    # A head that names a kind of office -> the heads of that kind ("lawmaker" -> "senator", ...):
    # "the lawmaker" is the senator named before.
    title_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    # Common nouns that name a person ("journalist", "witness"): an apposition of one after a name
    # is evidence that the name is a person's.
    person_nouns: frozenset[str] = frozenset()

    def add(self, actor: KBActor) -> None:
        self.by_id[actor.id] = actor

    def index(self) -> None:
        """(Re)build the name indexes from ``by_id``."""
        self.by_key.clear()
        self.by_demonym.clear()
        self.by_ellipsis.clear()
        self.blocks.clear()
        for actor in self.by_id.values():
            for name in actor.names():
                key = name_key(name)
                if not key:
                    continue
                ids = self.by_key.setdefault(key, [])
                if actor.id not in ids:
                    ids.append(actor.id)
                toks = key.split()
                if len(toks) >= 2 and len(key) >= 6:
                    block = self.blocks.setdefault((len(toks), key[0]), [])
                    if key not in block:
                        block.append(key)
            for dem in actor.demonyms:
                self.by_demonym.setdefault(name_key(dem), actor.id)
            for word in actor.ellipses:
                self.by_ellipsis.setdefault(name_key(word), []).append(actor.id)

    def title_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """(head words, modifier words) of titles, folded: "prime minister" gives head "minister",
        modifier "prime"; the abbreviations ("sen") are heads."""
        heads = {h.split()[-1] for h in self.title_heads} | set(self.title_abbreviations)
        mods = set(self.title_modifiers) | {w for h in self.title_heads for w in h.split()[:-1]}
        return frozenset(heads), frozenset(mods)

    def lookup(self, text: str) -> list[KBActor]:
        """Every actor that has ``text`` (folded) as its name or an alias."""
        return [self.by_id[i] for i in self.by_key.get(name_key(text), ())]

    def demonym(self, text: str) -> KBActor | None:
        """The country whose demonym ``text`` is ("North Korean" -> North Korea)."""
        cid = self.by_demonym.get(name_key(text))
        return self.by_id.get(cid) if cid else None

    def fuzzy(self, text: str, min_score: float = 88.0) -> list[KBActor]:
        """Actors whose multi-word name is a spelling variant of ``text``.

        A variant has the same number of words, the same first letter, an overall
        similarity (rapidfuzz ``ratio``) of at least ``min_score``, and every word
        similar on its own (ratio >= 75), so "Volodymyr Zelenskiy" finds "Volodymyr
        Zelenskyy" but "Kim Jong Il" never finds "Kim Jong Un" (the words "il" and
        "un" share nothing) — names of relatives differ in exactly one short word.
        """
        from rapidfuzz import fuzz, process

        key = name_key(text)
        toks = key.split()
        if len(toks) < 2 or len(key) < 6:
            return []
        block = self.blocks.get((len(toks), key[0]), [])
        out: list[KBActor] = []
        for cand, _score, _ in process.extract(key, block, scorer=fuzz.ratio, score_cutoff=min_score, limit=3):
            if all(a == b or fuzz.ratio(a, b) >= 75 for a, b in zip(toks, cand.split(), strict=True)):
                out.extend(self.by_id[i] for i in self.by_key[cand] if self.by_id[i] not in out)
        return out


def _from_outlets() -> list[KBActor]:
    """Outlets (``outlets.json``) as ORG actors: a wire credit or "carried by KCNA" names one."""
    from newsprism.knowledge import outlets

    return [
        KBActor(id=slug(o.name), name=o.name, type="ORG", aliases=o.aliases, country=o.country, roles=("news outlet",))
        for o in outlets().items
    ]


def build_kb(docs: list[dict[str, Any]]) -> ActorKB:
    """A knowledge base from data documents in order (later ones override earlier ids)."""
    kb = ActorKB()
    heads: set[str] = set()
    mods: set[str] = set()
    epithets: set[str] = set()
    desc: set[str] = set()
    people: set[str] = set()
    places: set[str] = set()
    natural: set[str] = set()
    leaders: set[str] = set()
    names_taken: dict[str, str] = {}
    for actor in _from_outlets():
        kb.add(actor)
        names_taken[name_key(actor.name)] = actor.id
    for doc in docs:
        titles = doc.get("titles") or {}
        heads.update(str(x).lower() for x in titles.get("heads") or ())
        mods.update(str(x).lower() for x in titles.get("modifiers") or ())
        epithets.update(str(x).lower() for x in titles.get("epithets") or ())
        leaders.update(str(x).lower() for x in titles.get("leaders") or ())
        kb.title_abbreviations.update({str(k).lower(): str(v).lower() for k, v in (titles.get("abbreviations") or {}).items()})
        kb.title_kinds.update({str(k).lower(): frozenset(str(x).lower() for x in v) for k, v in (titles.get("kinds") or {}).items()})
        desc.update(str(x).lower() for x in (doc.get("descriptors") or {}).get("heads") or ())
        people.update(str(x).lower() for x in (doc.get("people") or {}).get("nouns") or ())
        places.update(str(x).lower() for x in (doc.get("places") or {}).get("heads") or ())
        natural.update(str(x).lower() for x in (doc.get("places") or {}).get("natural") or ())
        gender = doc.get("gender") or {}
        for g in ("female", "male"):
            kb.gender_words.update({str(w).lower(): g for w in gender.get(g) or ()})
            kb.gender_honorifics.update({str(w).lower(): g for w in (gender.get("honorifics") or {}).get(g) or ()})
        for row in doc.get("actors") or ():
            actor = KBActor.from_dict(row)
            # An actor file entry for an outlet replaces the outlet's generated entry,
            # keeping the outlet's aliases (its domains' short names) as well.
            for name in actor.names():
                old = names_taken.get(name_key(name))
                if old and old != actor.id and old in kb.by_id and kb.by_id[old].roles == ("news outlet",):
                    prev = kb.by_id.pop(old)
                    extra = tuple(a for a in prev.names() if name_key(a) not in {name_key(n) for n in actor.names()})
                    actor = replace(actor, aliases=actor.aliases + extra)
            kb.add(actor)
            for name in actor.names():
                names_taken[name_key(name)] = actor.id
    kb.title_heads = frozenset(heads)
    kb.title_modifiers = frozenset(mods)
    kb.title_epithets = frozenset(epithets)
    kb.person_nouns = frozenset(people)
    kb.descriptor_heads = frozenset(desc)
    kb.place_heads = frozenset(places)
    kb.natural_heads = frozenset(natural)
    kb.leader_titles = frozenset(leaders)
    kb.index()
    return kb


def kb_documents() -> list[dict[str, Any]]:
    """The packaged ``actors.json`` with the user's merged over it (``knowledge.load_data``)."""
    return [load_data("actors.json")]


@derived
def actor_kb() -> ActorKB:
    """The knowledge base, loaded once per process."""
    return build_kb(kb_documents())
