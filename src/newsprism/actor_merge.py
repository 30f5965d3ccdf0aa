"""One actor per entity across articles (the ``newsprism.actors.corpus.v1`` stage's decision).

Actors of several articles merge by id (the knowledge base's, or one made from the name); then
by evidence, each rule recorded in the merged actor's ``evidence``: spelling variants of an
unknown name, the same name typed otherwise, a middle name or initial, an initialism an article
paired with its full name, a generic last word ("... Center"); and a one-word name joins the one
person of the corpus named in full with that word. Two candidates: it stays apart. None, and
read as a place ("her hometown of Wasilla", typed a person): the one place of that name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsprism.actor_names import (
    CORPORATE_TAILS,
    GENERIC_TAILS,
    INSTITUTION_WORDS,
    SUFFIXES,
    clean_name,
    ends_with,
    first_word_initialism,
    fullest_roles,
    given_name,
    initialism,
    initials,
    name_words,
    office_before,
    written_out,
)
from newsprism.actorkb import ActorKB, actor_kb, name_key
from newsprism.article import Actor, ActorMention, Article


def merge_actors(articles: list[Article], kb: ActorKB | None = None) -> list[Actor]:
    """One actor per entity across ``articles``; rewrites their mention ids to the merged ones."""
    kb = kb or actor_kb()
    by_id: dict[str, Actor] = {}
    short: set[str] = set()
    full: set[str] = set()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for art in articles:
        for a in art.actors:
            types[a.id][a.type] += len(a.mentions)
            cur = by_id.get(a.id)
            if cur is None:
                by_id[a.id] = Actor(a.id, a.name, a.type, list(a.aliases), list(a.roles), a.wikidata, list(a.mentions), list(a.evidence))
            else:
                _absorb(cur, a)
            if a.id not in kb.by_id and a.type == "PERSON":
                (short if " " not in name_key(a.name) else full).add(a.id)
    # An id one article names by a surname alone and another in full is a full name: never a
    # surname looking for its person (it excluded itself from its own candidates).
    short -= full
    for aid, actor in by_id.items():
        actor.type = types[aid].most_common(1)[0][0]
    why: dict[str, str] = {}  # merged id -> the rule that merged it
    remap = _variant_groups(by_id, kb, why)
    for aid in remap:  # no chains: every id points at a kept one
        while remap[aid] in remap and remap[remap[aid]] != aid:
            remap[aid] = remap[remap[aid]]
    _join_surnames(short, by_id, kb, remap, why, {art.id: art.raw_text for art in articles}, types)
    _surname_phrases(by_id, kb, remap, why)
    merged: dict[str, Actor] = {}
    for aid, actor in by_id.items():
        target = remap.get(aid, aid)
        if target == aid:
            if aid in merged:
                _absorb(merged[aid], actor)
            else:
                merged[aid] = actor
        else:
            base = merged.get(target)
            if base is None:
                src = by_id[target]
                base = merged[target] = Actor(src.id, src.name, src.type, list(src.aliases), list(src.roles), src.wikidata, list(src.mentions), list(src.evidence))
            _absorb(base, actor)
            note = f"{actor.name!r}: {why.get(aid, 'the same actor')}"
            if note not in base.evidence:
                base.evidence.append(note)
    grouped: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, c in types.items():
        grouped[remap.get(aid, aid)].update(c)
    for a in merged.values():
        if a.id not in kb.by_id:
            a.name = _best_name(a)
            a.type = grouped[a.id].most_common(1)[0][0] if grouped[a.id] else a.type
        a.mentions.sort(key=lambda m: (m.article, m.span.start))
        a.roles = fullest_roles(a.roles)
        a.aliases = _by_frequency(a)
    if remap:
        for art in articles:
            art.mentions = [ActorMention(m.span, remap.get(m.actor, m.actor), m.kind) for m in art.mentions]
            local: dict[str, Actor] = {}
            for a in art.actors:
                tid = remap.get(a.id, a.id)
                if tid in local:
                    _absorb(local[tid], a)
                else:
                    g = merged[tid]
                    local[tid] = Actor(tid, g.name, g.type, list(a.aliases), list(a.roles), g.wikidata, list(a.mentions), list(a.evidence))
            art.actors = list(local.values())
    return sorted(merged.values(), key=lambda a: (-len(a.mentions), a.name, a.id))


def _surname_phrases(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """An unknown person named by two words or more that end the fuller name of exactly one
    person of the corpus is that person, when the words before them are no given name: a
    descriptor the model ran into the name ("Comedian Ellen DeGeneres", "Kicker Ryan Succop").
    "Carlos Echeverry" is not "Juan Carlos Echeverry", nor "Lee Jones" "Tommy Lee Jones"; within
    one article the actors stage joins "Wasserman Schultz" to "Debbie Wasserman Schultz"."""
    by_last: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for a in by_id.values():
        if a.type == "PERSON":
            for n in {a.name, *a.aliases, *(kb.by_id[a.id].names() if a.id in kb.by_id else ())}:
                toks = name_words(name_key(n))
                if toks:
                    by_last[toks[-1]].append((a.id, toks))
    for a in sorted(by_id.values(), key=lambda x: x.id):
        words = name_words(name_key(a.name))
        if a.type != "PERSON" or a.id in kb.by_id or a.id in remap or len(words) < 2:
            continue
        fits = {
            remap.get(b, b)
            for b, toks in by_last.get(words[-1], [])
            if b != a.id and ends_with(toks, words) and not any(given_name(w) for w in toks[: -len(words)])
        }
        if len(fits) == 1 and a.id not in fits:
            remap[a.id] = fits.pop()
            why[a.id] = "the last words of the one fuller name of the corpus that ends with them (the words before them no given name)"


def _join_surnames(
    short: set[str], by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str], texts: dict[str, str], types: dict[str, Counter[str]]
) -> None:
    """A surname-only person joins the one full-name person it can be; two candidates, or an
    office the full name is never given: it stays apart. A word no person bears but one place
    does, read as a place everywhere, becomes that place."""
    for sid in sorted(short):
        if sid in remap:
            continue
        key = name_key(by_id[sid].name)
        people = [a for a in by_id.values() if a.type == "PERSON" and a.id not in short and key in _name_tokens(a, kb)]
        cands = {remap.get(a.id, a.id) for a in people}
        if any(_offices_differ(by_id[sid], a, texts) for a in people):
            continue  # written after another office than the full name's: joins no one
        if len(cands) == 1:
            remap[sid] = cands.pop()
            why[sid] = "one word of a name, and the corpus names exactly one person in full with that word"
        elif not cands:
            # "her hometown of [Wasilla]" typed a person, where no person of the corpus bears the
            # name and other articles name the place so: the place.
            places = {remap.get(a.id, a.id) for a in by_id.values() if a.type in ("GPE", "LOC") and name_key(a.name) == key}
            # ... when every mention reads as a place ("Austin said", "friends of Kenyon" are a
            # person's; a review found one such mention enough)
            if len(places) == 1 and all(PLACE_BEFORE.search(texts.get(m.article, "")[max(0, m.span.start - 16) : m.span.start]) for m in by_id[sid].mentions):
                target = places.pop()
                types[sid] = Counter({by_id[target].type if target in by_id else "GPE": sum(types[sid].values())})  # the place keeps its type
                remap[sid] = target
                why[sid] = "one word typed a person here, the name of no person of the corpus and of one place in it"


def _offices_differ(short: Actor, full: Actor, texts: dict[str, str]) -> bool:
    """Whether the surname alone is written after an office that the person named in full is never
    given ("former Secretary Clinton" against "President Bill Clinton"): two people."""

    def offices(a: Actor, named_in_full: bool) -> set[str]:
        return {
            o
            for m in a.mentions
            if (" " in m.span.text.strip()) == named_in_full
            for o in [office_before(texts.get(m.article, ""), m.span.start)]
            if o
        }

    mine, theirs = offices(short, False), offices(full, True)
    return bool(mine) and bool(theirs) and not (mine & theirs)


def _name_tokens(a: Actor, kb: ActorKB) -> set[str]:
    names = [a.name, *a.aliases, *(kb.by_id[a.id].names() if a.id in kb.by_id else ())]
    out: set[str] = set()
    for n in names:
        toks = name_words(name_key(n))
        if len(toks) >= 2:
            out.update((toks[0], toks[-1]))
    return out


def _variant_groups(by_id: dict[str, Actor], kb: ActorKB, why: dict[str, str]) -> dict[str, str]:
    """Unknown multi-word actors of one type whose names are spelling variants: id -> kept id."""
    from rapidfuzz import fuzz

    blocks: dict[tuple[str, int, str], list[Actor]] = defaultdict(list)
    for a in by_id.values():
        key = name_key(a.name)
        if a.id in kb.by_id or " " not in key:
            continue
        blocks[(a.type, len(key.split()), key[0])].append(a)
    remap: dict[str, str] = {}
    for group in blocks.values():
        group.sort(key=lambda a: (-len(a.mentions), a.id))
        for i, a in enumerate(group):
            if a.id in remap:
                continue
            ka = name_key(a.name)
            for b in group[i + 1 :]:
                if b.id in remap:
                    continue
                kb_ = name_key(b.name)
                if fuzz.ratio(ka, kb_) >= 88 and all(
                    x == y or fuzz.ratio(x, y) >= 75 for x, y in zip(ka.split(), kb_.split(), strict=True)
                ):
                    remap[b.id] = a.id
                    why[b.id] = f"a spelling variant of {a.name!r}"
    # The same unknown name of two words or more typed a person in one place and an
    # organisation in another ("MacBook Pro"): one actor, the type of most mentions (set by the caller).
    same: dict[str, list[Actor]] = defaultdict(list)
    for a in by_id.values():
        if a.id not in kb.by_id and a.id not in remap and " " in name_key(a.name):
            same[name_key(a.name)].append(a)
    for group in same.values():
        group.sort(key=lambda a: (-len(a.mentions), a.id))
        for b in group[1:]:
            remap[b.id] = group[0].id
            why[b.id] = "the same name, typed otherwise elsewhere"
    _middle_names(by_id, kb, remap, why)
    _initialisms(by_id, kb, remap, why)
    _modified_names(by_id, kb, remap, why)
    _spacing_variants(by_id, kb, remap, why)
    _abbreviated_variants(by_id, kb, remap, why)
    _one_word_names(by_id, kb, remap, why)
    return remap


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# The words before a place's name ("her hometown of Wasilla", "in Wasilla", "from Wasilla"; not a
# bare "of" or "to": "friends of Kenyon", "wrote to Kenyon").
PLACE_BEFORE = re.compile(r"\b(?:in|from|near|outside|(?:home)?town\s+of|city\s+of|village\s+of|suburb\s+of)\s+$")


def _abbreviated_variants(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """An unknown name of several words written with an abbreviation and in full ("Mt Cook",
    "Mount Cook"; "US Geological Survey", "United States Geological Survey"): one actor, the same
    type, the place types (GPE, LOC, FAC) as one: the model types one mountain all three ways.
    A person is never joined this way (a "Gen" is no general here)."""
    groups: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for a in by_id.values():
        key = name_key(a.name)
        if a.type != "PERSON" and a.id not in kb.by_id and a.id not in remap and " " in key:
            groups[("place" if a.type in PLACE_TYPES else a.type, written_out(key))].append(a)
    _join_groups(groups.values(), remap, why, "the same name with its abbreviations written out")


def _spacing_variants(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """An unknown organisation written with and without a space ("SeaMicro", "Sea Micro"): one."""
    groups: dict[str, list[Actor]] = defaultdict(list)
    for a in by_id.values():
        if a.type != "PERSON" and a.id not in kb.by_id and a.id not in remap:
            groups[name_key(a.name).replace(" ", "")].append(a)
    _join_groups(groups.values(), remap, why, "the same name spaced otherwise")


def _join_groups(groups: Iterable[list[Actor]], remap: dict[str, str], why: dict[str, str], reason: str) -> None:
    """Each group of two names or more (folded) becomes one actor, the most mentioned one's."""
    for group in groups:
        if len({name_key(a.name) for a in group}) < 2:
            continue
        group.sort(key=lambda a: (-len(a.mentions), a.id))
        for b in group[1:]:
            remap[b.id] = group[0].id
            why[b.id] = f"{reason}: {group[0].name!r}"


def _one_word_names(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """A one-word unknown organisation ("Saints", "Colts") joins the one longer unknown
    organisation of the corpus named by a place and that word ("New Orleans Saints", the place
    named in the corpus or known), as news shortens a team to its last word. Never an
    institution's head noun ("Senate" is no "Texas Senate"), nor the word after "of" ("Port of
    Calderra" is no Calderra). Two candidates, or a word the knowledge base knows: it stays
    apart. It never joins a person: a company named like someone of another article ("Kellogg",
    "Keith Kellogg") is no evidence of that person."""
    places = {name_key(a.name) for a in by_id.values() if a.type in ("GPE", "LOC")}

    def is_place(words: list[str]) -> bool:
        text = " ".join(words)
        return text in places or any(x.type in ("GPE", "LOC") for x in kb.lookup(text))

    ends: dict[str, set[str]] = defaultdict(set)
    for a in by_id.values():
        toks = name_key(a.name).split()
        if len(toks) >= 2 and a.type != "PERSON" and a.id not in kb.by_id and is_place(toks[:-1]):
            ends[toks[-1]].add(remap.get(a.id, a.id))
    for a in sorted(by_id.values(), key=lambda x: x.id):
        key = name_key(a.name)
        if a.id in remap or a.id in kb.by_id or a.type in ("PERSON", "GPE", "LOC", "FAC") or " " in key or len(key) < 3:
            continue
        if kb.lookup(a.name) or key in kb.descriptor_heads or key in INSTITUTION_WORDS or key in kb.title_heads:
            continue
        if len(ends.get(key, ())) == 1:
            (target,) = ends[key]
            remap[a.id] = target
            why[a.id] = f"the last word of {by_id[target].name if target in by_id else target!r}, the one organisation of the corpus named by a place and it"


def _middle_names(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """A middle name or initial ("Owen John Dempsey", "Owen J. Dempsey" beside "Owen Dempsey"): the
    two-word name joins the one fuller name it can be. A generation ("Owen Dempsey Jr.") is no
    middle name: a father and his son share the rest, so those stay apart."""
    fuller: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    plain: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for a in by_id.values():
        toks = name_key(a.name).split()
        if a.type != "PERSON" or a.id in kb.by_id or a.id in remap:
            continue
        if len(toks) == 3 and toks[-1] not in SUFFIXES:
            fuller[(toks[0], toks[2])].append(a)
        elif len(toks) == 2:
            plain[(toks[0], toks[1])].append(a)
    for pair, short_names in plain.items():
        if len(fuller.get(pair, [])) == 1:
            for b in short_names:
                remap[b.id] = fuller[pair][0].id
                why[b.id] = f"first and last name of {fuller[pair][0].name!r}, the one fuller name of the corpus"



def _modified_names(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """An unknown organisation named with a generic head after the name of another unknown one of
    the same type in the corpus ("Morningside Recovery Center", "Vantaris Inc."): it joins the
    shorter name when exactly one fits. A place before a name is no such variant ("Virginia
    AFL-CIO" is the state federation, not the AFL-CIO), so it never joins by that."""
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in by_id.values():
        if a.type != "PERSON" and a.id not in kb.by_id and a.id not in remap:
            names[(a.type, name_key(a.name))].append(a.id)
    for a in sorted(by_id.values(), key=lambda x: x.id):
        toks = name_key(a.name).split()
        if a.type == "PERSON" or a.id in kb.by_id or a.id in remap or len(toks) < (2 if toks[-1] in CORPORATE_TAILS else 3):
            continue
        shorter = []
        if toks[-1] in GENERIC_TAILS:
            shorter += [(i, "the same name without its generic last word") for i in names.get((a.type, " ".join(toks[:-1])), [])]
        fits = sorted({(remap.get(i, i), how) for i, how in shorter if i != a.id})
        if len({i for i, _ in fits}) == 1:
            remap[a.id], how = fits[0]
            why[a.id] = f"{how}: {by_id[fits[0][0]].name if fits[0][0] in by_id else fits[0][0]!r}"


def _initialisms(by_id: dict[str, Actor], kb: ActorKB, remap: dict[str, str], why: dict[str, str]) -> None:
    """An unknown initialism ("NRA", "N.R.A.") joins the one organisation of the corpus that an
    article paired it with (it is among that actor's aliases: "H.P.A." after "the Harbour Pilots
    Association", or "(HPA)"); two candidates: it stays apart. Spelling alone is no pairing across
    articles: a review of untuned output found "HP" joined to "HuffPost Pollster" that way."""
    acronyms = [a for a in sorted(by_id.values(), key=lambda x: x.id) if a.id not in kb.by_id and initialism(a.name) is not None]
    if not acronyms:
        return
    # Built once: every alias key of the organisations with a full name.
    by_alias: dict[str, set[str]] = defaultdict(set)
    for b in by_id.values():
        if initialism(b.name) is None and b.type != "PERSON":
            for x in b.aliases:
                by_alias[name_key(x)].add(b.id)
    for a in acronyms:
        if a.id in remap:
            continue
        letters = initialism(a.name) or ""
        paired = {remap.get(i, i) for i in by_alias.get(name_key(a.name), ()) if i != a.id}
        # Paired by an article whose expansion spells it (never by a shared alias alone).
        fits = sorted(i for i in paired if i in by_id and letters in (initials(by_id[i].name), first_word_initialism(by_id[i].name)))
        how = "paired with it in an article:"
        if len(fits) == 1:
            remap[a.id] = fits[0]
            why[a.id] = f"{how} {by_id[fits[0]].name if fits[0] in by_id else fits[0]!r}"


def _absorb(into: Actor, other: Actor) -> None:
    for x in other.aliases:
        if x not in into.aliases:
            into.aliases.append(x)
    low = {r.lower() for r in into.roles}
    for r in other.roles:
        if r.lower() not in low:
            into.roles.append(r)
            low.add(r.lower())
    seen = {(m.article, m.span.start, m.span.end) for m in into.mentions}
    into.mentions.extend(m for m in other.mentions if (m.article, m.span.start, m.span.end) not in seen)
    into.wikidata = into.wikidata or other.wikidata
    into.evidence += [x for x in other.evidence if x not in into.evidence]


def _by_frequency(a: Actor) -> list[str]:
    counts = Counter(clean_name(m.span.text) for m in a.mentions)
    return sorted(set(a.aliases), key=lambda x: (-counts.get(x, 0), x))


def _best_name(a: Actor) -> str:
    counts = Counter(clean_name(m.span.text) for m in a.mentions)
    names = [n for n in a.aliases if not n.lower().startswith("the ")] or [a.name]
    # Most words, a word written out before its abbreviation ("Vermont", not "Vt."; "U.S." and
    # "US" as before), most often, shortest.
    def abbreviated(n: str) -> bool:
        return n.endswith(".") and any(len(o) > len(n) and o[:1] == n[:1] and not o.endswith(".") for o in names)

    return max(names, key=lambda n: (len(n.split()) if not n.isupper() else 0, not abbreviated(n), counts.get(n, 0), -len(n)))
