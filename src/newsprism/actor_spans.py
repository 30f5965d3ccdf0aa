"""Which characters of a line are a name: the actors stage's reading of the model's spans (#20).

The model's entity spans are right for most names, and wrong in a few ways that the rest of the
article can correct (document consistency: news names a person or body in full in its body):

* **Headlines.** In a headline the model runs names together with the words around them
  ("[Lindsay Lohan Checks] Into Betty Ford", "[Colts Beat Chiefs]"). A title line's span that
  opens with a name the body uses is cut to the names it holds (the body's and the knowledge
  base's, longest first), each typed as the body types it; the words between ("Checks",
  "Beat") are no name. A span that opens otherwise ("Hillary Clinton" where the body says
  "Clinton") may be a fuller name, and is left whole. A span that contains none is left as it is
  (the actors stage drops unknown names seen only in the title).
* **Two names joined by "and"** ("[Lopez and Carrasquillo]"): split when each side is a name
  the article uses elsewhere (a full name, or the first or last word of a person's full name)
  and the whole is no name the knowledge base knows ("Bosnia and Herzegovina").
* **A lower-case description before a name** ("[chipmaker AMD]", "[vendor SeaMicro]"): the
  description is cut; the name is what follows.
* **A nationality before a person's name** ("[American Hasim Rahman]"): the demonym is cut.
* **Runs of capitals** ("TWO DEAD, 16 INJURED IN ..."): a name there is one only when the article
  writes it elsewhere in plain case or the knowledge base knows it (``CAPS_RUN``).
* **Function words after a name** ("[Cook National Park on]"): cut (``TRAILING``).
* **A title of office opening a person's name** ("[Assemblywoman Claudia Tenney]"): cut when two
  names or more follow; the title is the person's role. **A name after an honorific** ("Mr.
  Barna", typed a place) is a person's.
* **An age after a name** ("Guadalupe Potocacetpl, 35,"): a person's, however typed.
* **Laws and days** ("... Improvement Act", "Bastille Day") typed a body or a place are a law
  and an event (LAW, EVENT: named things); **a people of two words** ("Asian American") is one
  group, not the United States' demonym.
* **A head that says what a name is**: "Center for ...", "Institute of ..." a body; "... Arena",
  "... Airport" a venue, whatever the model typed.
* **Hashtags and handles** ("#FranceIsStrong", "@realDonaldTrump"): no name.
* **A headline's verb before a person's name** ("Sixers [Hire Maurice Cheeks]"): cut when the
  rest is a person's full name the body uses and the words cut are no given name and no name
  of the body (``_title_lead``).

Each decision keeps the model's label unless the body typed the name otherwise, and marks the
new span's ``source`` as ``rule``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsprism.actor_names import given_name
from newsprism.actorkb import ActorKB, name_key
from newsprism.article import Article, Entity, Span

# The labels whose spans are read here (names of people, bodies, places and groups).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
WORD = re.compile(r"[^\s]+")
# A company's legal form, never a name by itself.
LEGAL_FORMS = frozenset({"ag", "sa", "se", "nv", "bv", "gmbh", "spa", "plc", "inc", "ltd", "llc", "co", "corp", "oy", "ab", "as", "kg"})
AND = re.compile(r"\s+(?:and|&)\s+")
# Lower-case particles of names ("de Blasio", "van Gogh", "al-Assad"): part of the name, never cut.
PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "du", "dos", "das", "la", "le", "van", "von", "ter", "ten", "bin", "ibn", "al", "el", "ul"})


class BodyNames:
    """The names an article's body lines use: full names (key -> label) and the first and last
    words of its people's full names (what a lone surname or first name can be)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.person_words: set[str] = set()
        for e in entities:
            if e.label not in NAME_LABELS:
                continue
            key = name_key(e.span.text)
            if not key:
                continue
            labels[key][e.label] += 1
            toks = key.split()
            if e.label == "PERSON" and len(toks) >= 2:
                self.person_words.update((toks[0], toks[-1]))
        self.label = {k: c.most_common(1)[0][0] for k, c in labels.items()}

    def known(self, key: str) -> bool:
        return key in self.label or key in self.person_words


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text[start:end]``, a trailing possessive or comma kept."""
    return [(start + m.start(), start + m.end()) for m in WORD.finditer(text[start:end])]


def _headline_names(raw: str, e: Entity, body: BodyNames, kb: ActorKB) -> list[Entity] | None:
    """The names inside a title span that the body uses or the knowledge base knows, longest
    first from the left; None when it has none of the body's, does not open with one ("Hillary
    Clinton" where the body says "Clinton" is a fuller name, not "Hillary [Clinton]"), or is one
    name as a whole."""
    words = _words(raw, e.span.start, e.span.end)
    if name_key(e.span.text) in body.label or kb.lookup(e.span.text):
        return None
    out: list[Entity] = []
    from_body = False
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            s, t = words[i][0], words[j - 1][1]
            key = name_key(raw[s:t])
            label = body.label.get(key) or _kb_label(kb, raw[s:t]) if key else None
            if label is not None:
                if not out and key not in body.label:
                    return None  # a known place opening the span ("[Jordan Velk] Wins") may be a first name
                from_body = from_body or key in body.label
                out.append(Entity(Span.of(raw, s, t), label, "rule"))
                i = j
                break
        else:
            i += 1
    # A name the span opens with, and at least one the body uses; else the span may be a fuller
    # name than the body gives ("Hillary Clinton" where the body says "Clinton"): left whole.
    if not (from_body and out[0].span.start == e.span.start):
        return None
    # A name of two or three words the model read as one person, every word of it a name the body
    # uses apart ("Lindsay", then "Lohan said"), is that person's name: no headline run-on to cut.
    covered = sum(len(_words(raw, p.span.start, p.span.end)) for p in out) == len(words)
    if covered and e.label == "PERSON" and len(words) <= 3:
        return None
    return out


def _title_lead(raw: str, e: Entity, body: BodyNames) -> Entity | None:
    """A title's person span that ends with a person's full name the body uses, after words that
    are no given name and no name the body uses ("Sixers [Hire Maurice Cheeks]"): the body's
    name, the words before it a headline's verb; None otherwise ("Hillary Clinton" where the body
    says "Clinton": "Hillary" is a given name)."""
    words = _words(raw, e.span.start, e.span.end)
    if e.label != "PERSON" or len(words) < 3:
        return None
    for k in range(1, len(words) - 1):
        lead = name_key(raw[words[k - 1][0] : words[k - 1][1]])
        if not lead or given_name(lead) or body.known(lead):
            return None
        s = words[k][0]
        if body.label.get(name_key(raw[s : e.span.end])) == "PERSON":
            return Entity(Span.of(raw, s, e.span.end), "PERSON", "rule")
    return None


def _kb_label(kb: ActorKB, text: str) -> str | None:
    """The label of a name the knowledge base knows (its actors' type), or None."""
    found = kb.lookup(text)
    return found[0].type if found and found[0].type in NAME_LABELS else None


def _split_and(raw: str, e: Entity, body: BodyNames, kb: ActorKB) -> list[Entity] | None:
    """Two names the article uses elsewhere, joined by "and" in one span; None otherwise."""
    if e.label not in ("PERSON", "ORG") or kb.lookup(e.span.text):
        return None
    m = AND.search(e.span.text)
    if m is None or AND.search(e.span.text, m.end()):
        return None
    parts = [(e.span.start, e.span.start + m.start()), (e.span.start + m.end(), e.span.end)]
    keys = [name_key(raw[s:t]) for s, t in parts]
    if not all(k and body.known(k) for k in keys):
        return None
    return [Entity(Span.of(raw, s, t), body.label.get(k, e.label), "rule") for (s, t), k in zip(parts, keys, strict=True)]


def _person_shaped(raw: str, words: list[tuple[int, int]]) -> bool:
    """Two to four capitalised words, none a legal form ("Inc"), no "&": a person's name, not
    "Johnson & Johnson"."""
    texts = [raw[a:b] for a, b in words]
    return 2 <= len(texts) <= 4 and all(t[:1].isupper() and name_key(t) not in LEGAL_FORMS for t in texts)


def _trim_front(raw: str, e: Entity, kb: ActorKB, body: BodyNames | None = None) -> Entity | None:
    """The span without a lower-case description or, before a person's name of three words or
    more, a nationality (a span typed otherwise is a person's name when its last word is one in
    the body: "Rahman"); None when nothing is cut."""
    words = _words(raw, e.span.start, e.span.end)
    k = 0
    while k < len(words) - 1 and raw[words[k][0]].islower() and not any(ch.isupper() for ch in raw[words[k][0] : words[k][1]]):
        if re.split(r"[-'’]", raw[words[k][0] : words[k][1]].lower())[0] in PARTICLES:
            return None
        k += 1
    if k and not raw[words[k][0]].isupper():
        return None
    if k == len(words) - 1 and name_key(raw[words[k][0] : words[k][1]]) in LEGAL_FORMS:
        return None  # "adidas AG": a lower-case brand, not a description before "AG"
    label = e.label
    if len(words) - k >= 3 and kb.demonym(raw[words[k][0] : words[k][1]]) is not None:
        last = name_key(raw[words[-1][0] : words[-1][1]])
        if label == "PERSON":
            k += 1  # "[the American Hasim Rahman]" too
        elif body is not None and body.label.get(last) == "PERSON" and _person_shaped(raw, words[k + 1 :]):
            k, label = k + 1, "PERSON"  # typed ORG here, but the body calls him "Rahman"
    if k == 0:
        return None
    return Entity(Span.of(raw, words[k][0], e.span.end), label, "rule")


# Honorifics that open only people's names (not "Miss America", "Dr Pepper", "Lord Howe Island",
# "Sir Francis Drake Boulevard": a review found those).
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Messrs|Mme)\.?\s+$")
# Last words that make a name a place's or a body's ("Mr. Cooper Group").
PLACE_OR_BODY_HEADS = frozenset({"island", "lake", "street", "boulevard", "avenue", "road", "school", "college", "university", "laboratories", "group", "inc", "co", "corp", "company", "foundation", "center", "centre", "hall", "park"})


def _honorific_person(raw: str, e: Entity, kb: ActorKB) -> Entity | None:
    """A name after "Mr.", "Mrs.", "Ms." ("Mr. Barna", the model typed GPE) is a person's; None
    when no such honorific comes right before it, it is typed a person already, its last word
    makes it a place or a body, or the knowledge base knows it as another thing."""
    if e.label == "PERSON" or not HONORIFIC_BEFORE.search(raw[max(0, e.span.start - 8) : e.span.start]):
        return None
    if name_key(e.span.text).split()[-1:] in ([h] for h in PLACE_OR_BODY_HEADS) or kb.lookup(e.span.text):
        return None
    return Entity(e.span, "PERSON", "rule")


# An age in commas after a name ("Guadalupe Potocacetpl, 35, showed up"): news gives people's.
AGE_AFTER = re.compile(r",\s*(?:1[01]\d|[1-9]?\d)\s*,")


def _aged_person(raw: str, e: Entity, kb: ActorKB) -> Entity | None:
    """A name of two to four capitalised words followed by an age in commas is a person's, however
    the model typed it (a reading found "Guadalupe Potocacetpl, 35," an organisation, so his
    "he said" went to Sanders); None when typed a person already or the knowledge base knows it."""
    if e.label not in ("ORG", "NORP") or not AGE_AFTER.match(raw, e.span.end) or kb.lookup(e.span.text):
        return None  # (a place keeps its type: "Warren County, 12, and Butler County, 9, reported cases")
    words = _words(raw, e.span.start, e.span.end)
    if not _person_shaped(raw, words) or not given_name(name_key(raw[words[0][0] : words[0][1]])):
        return None  # ("Karsk Harbour, 12,": no given name first)
    return Entity(e.span, "PERSON", "rule")


# The end of a law's or a treaty's name ("Presidential Transitions Improvement Act", "the First
# Amendment"), and of a day's ("Bastille Day", "Election Day"): a law, an event, whatever the model typed.
LAW_TAIL = re.compile(r"\b(?:Act|Amendment|Treaty|Accords?|Protocol)(?:\s+of\s+\d{4})?$")
DAY_TAIL = re.compile(r"\b(?:Day|Eve)$")
# A people of two words ("Asian American", "Mexican-Americans"): no demonym of the United States.
COMPOUND_PEOPLE = re.compile(r"^(?:Asian|African|Arab|Mexican|Latin|Latino|Native|Korean|Chinese|Japanese|Irish|Italian|Cuban|Indian|Filipino|Vietnamese|Jewish|Muslim|Hispanic|Hindu|Haitian|Puerto\s+Rican|Pacific\s+Islander)[- ]Americans?$")
COMPOUND_BEFORE = re.compile(r"(?:Asian|African|Arab|Mexican|Latin|Latino|Native|Korean|Chinese|Japanese|Irish|Italian|Cuban|Indian|Filipino|Vietnamese|Jewish|Muslim|Hispanic|Hindu|Haitian|Puerto\s+Rican|Pacific\s+Islander)[- ]$")


def _law_or_day(e: Entity) -> Entity | None:
    """A law's name typed a body or a place ("... Improvement Act", ORG) is a law's, a day's an
    event's ("Bastille Day", FAC): relabelled (a reading found both)."""
    if e.label in NAME_LABELS and LAW_TAIL.search(e.span.text):
        return Entity(e.span, "LAW", "rule")
    if e.label in NAME_LABELS and e.label != "PERSON" and DAY_TAIL.search(e.span.text) and len(e.span.text.split()) >= 2:
        return Entity(e.span, "EVENT", "rule")
    return None


# A body's name by its first words ("Center for Global Development", typed a facility) and a
# venue's by its last ("Los Angeles Memorial Sports Arena", typed an organisation).
BODY_OPENING = re.compile(r"^(?:The\s+)?(?:Center|Centre|Institute|Council|Foundation|Committee|Association|Coalition|Alliance|League|Society|Federation|Agency|Bureau|Commission|Department|Ministry)\s+(?:for|of|on)\s+[A-Z]")
VENUE_TAIL = re.compile(r"\s(?:Arena|Stadium|Airport|Coliseum|Ballpark|Speedway|Bridge)$")


def _typed_by_head(e: Entity) -> Entity | None:
    """A name whose head word says what it is, typed otherwise by the model: a body ("Center for
    ...", "Institute of ...") an organisation, a venue ("... Arena", "... Airport") a facility."""
    if e.label in ("FAC", "GPE", "LOC") and BODY_OPENING.match(e.span.text):
        return Entity(e.span, "ORG", "rule")
    if e.label in ("ORG", "GPE") and VENUE_TAIL.search(e.span.text):
        return Entity(e.span, "FAC", "rule")
    return None


def _function_word_opening(raw: str, e: Entity, body: BodyNames, kb: ActorKB, title: bool = False) -> bool:
    """A name of one word that is an English function word ("Between", "Nobody", spaCy's stop
    words) opening a sentence or a quotation is no name, unless it is a person's name of the
    article ("May" after "Theresa May") or the knowledge base knows it (a reading found "Between"
    the first word of a quote made an organisation); nor is a title's first word that the article
    writes in lower case elsewhere ("Hacker who revealed ...", :func:`_common_word`)."""
    text = e.span.text
    if e.label not in NAME_LABELS or " " in text or text.isupper():
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    before = raw[max(0, e.span.start - 3) : e.span.start]
    opening = e.span.start == 0 or re.search(r"(?:^|[.!?\n][\"”’']?\s+|[\"“‘']|\n)$", before) is not None
    if text.lower() not in STOP_WORDS:
        # "Hacker who revealed ..." (a headline in sentence case opening on it): a word the article
        # writes in lower case elsewhere, and never capitalised but where a sentence opens, is a
        # common noun. Only a title's first word: in the body "Target said ..." beside "a profit
        # target" is the company.
        first = title and re.search(r"(?:^|\n)[\"“‘']?$", raw[max(0, e.span.start - 2) : e.span.start]) is not None
        return first and len(text) >= 4 and _common_word(raw, text, e.span.end) and not kb.lookup(text) and name_key(text) not in body.person_words
    if name_key(text) in body.person_words or kb.lookup(text):
        return False
    return opening


def _common_word(raw: str, word: str, title_end: int) -> bool:
    """Whether the text after its title (from ``title_end``) writes ``word`` in lower case and
    never capitalised ("the Romanian hacker"; not "Target lowered its forecast ... its profit
    target", where the body writes the company's name too)."""
    rest = raw[title_end:]
    lower = re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", rest)
    upper = re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", rest)
    return lower is not None and upper is None


def _compound_people(raw: str, e: Entity) -> Entity | None:
    """"Asian American" whose "American" the model read alone (the United States' demonym): the
    whole people, a group of its own (a reading found "Asian American" voters filed under the
    United States)."""
    if e.label not in ("NORP", "GPE") or e.span.text not in ("American", "Americans"):
        return None
    m = COMPOUND_BEFORE.search(raw, max(0, e.span.start - 20), e.span.start)
    if m is None:
        return None
    return Entity(Span.of(raw, m.start(), e.span.end), "NORP", "rule")


def _title_front(raw: str, e: Entity, kb: ActorKB) -> Entity | None:
    """A person span that opens with a title of office ("[Assemblywoman Claudia Tenney]",
    "[Vice President Joe Biden]") is the name after it, when two capitalised words or more
    follow and the knowledge base knows no actor of the whole ("Pope Francis", "King Abdullah":
    one word after the title, left whole); the actors stage reads the title as a role."""
    words = _words(raw, e.span.start, e.span.end)
    if e.label != "PERSON" or len(words) < 3 or kb.lookup(e.span.text):
        return None
    heads, mods = kb.title_words()
    titles = heads | mods
    folded = [name_key(raw[a:b]) for a, b in words]
    k = 0
    while k < len(words) - 2 and folded[k] and all(p in titles for p in folded[k].split("-") if p):
        k += 1
    while k and folded[k - 1].split("-")[-1] not in heads:
        k -= 1  # the title ends with its head ("Vice President"), never a modifier ("New Jersey")
    # The rest opens with a given name ("Claudia Tenney"; not "[Chief] Justice John Roberts",
    # "[Chief] Financial Officer Jane Doe", "[King] Camp Gillette": a review found those).
    if k == 0 or not all(raw[a].isupper() for a, _ in words[k:]) or not given_name(folded[k]):
        return None
    return Entity(Span.of(raw, words[k][0], e.span.end), "PERSON", "rule")


# Lower-case words that end no name: a span the model ran on into the next phrase ("Cook
# National Park on", "Brafman and").
TRAILING = frozenset({"on", "in", "at", "of", "and", "or", "the", "a", "an", "for", "to", "from", "with", "by", "as"})


# Titles of office that end no person's name ("[Charlotte Mayor] Jennifer Roberts", "[Kremlin
# spokesman] ..."): the words before are the office's place or body. Titles that are surnames too
# ("King", "Judge", "Pope", "Marshal", "Chief") are not listed.
OFFICE_TITLES = frozenset(
    ["mayor", "governor", "president", "senator", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman", "spokesperson", "congressman", "congresswoman", "lawmaker", "ambassador", "envoy", "commissioner", "prosecutor", "chairman", "chairwoman", "chairperson", "ceo", "official", "officials", "adviser", "advisor", "aide", "correspondent"]
)


def _before_title(raw: str, e: Entity, body: BodyNames, kb: ActorKB) -> list[Entity] | None:
    """A person span that ends with a title of office is the title's place or body, typed as the
    body or the knowledge base types it ("Charlotte" of "Charlotte Mayor"); a span whose words
    before the title are no place or body the article or the knowledge base knows is left whole
    ("John Chancellor", the anchor; "Federico Mayor"). None when no title of office ends the span."""
    words = _words(raw, e.span.start, e.span.end)
    if len(words) < 2 or name_key(raw[words[-1][0] : e.span.end]) not in OFFICE_TITLES:
        return None  # no title of office ends it
    s, t = words[0][0], words[-2][1]
    t = s + len(re.sub(r"(?:['’]s|['’]|[,;:])$", "", raw[s:t]))  # "Russia's ambassador", "Charlotte, Mayor"
    key = name_key(raw[s:t])
    label = body.label.get(key) or _kb_label(kb, raw[s:t])
    if not key or label is None or label == "PERSON":
        return [e]  # "John Chancellor", "Federico Mayor": no place before the title, a person's name
    return [Entity(Span.of(raw, s, t), label, "rule")]


# Words that titles of works keep in lower case ("Gone with the Wind", "The Art of the Deal").
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "in", "on", "at", "to", "by", "with", "from", "into", "as", "is", "are", "be", "up", "off", "out", "over", "per", "via", "vs"})


QUOTE_CHARS = "\"“”‘’'"


def _unquoted(raw: str, e: Entity) -> Entity:
    """The span without quotation marks the model took in at either end ('A Change Is Gonna Come"')."""
    if e.label not in NAME_LABELS and e.label != "WORK_OF_ART":
        return e  # a date's "'90s" keeps its apostrophe
    s, t = e.span.start, e.span.end
    opened_single = False
    while s < t and raw[s] in QUOTE_CHARS:
        opened_single = opened_single or raw[s] in "‘'"
        s += 1
    # A closing double quotation mark goes; a single one after a letter may be a possessive
    # ("Jones'"), unless a single one opened the span ("'Daesh'").
    while t > s and (raw[t - 1] in "\"“”" or (raw[t - 1] in "‘’'" and (opened_single or not raw[t - 2 : t - 1].isalpha()))):
        t -= 1
    return e if (s, t) == (e.span.start, e.span.end) or s >= t else Entity(Span.of(raw, s, t), e.label, "rule")


def _clause_not_title(raw: str, e: Entity) -> bool:
    """A work's title outside quotation marks that has a lower-case word no title keeps small
    ("Trump accused Holt of being a"): a clause of the sentence, not a title."""
    before, after = raw[max(0, e.span.start - 1) : e.span.start], raw[e.span.end : e.span.end + 1]
    if before in "\"“‘'" and before and after in "\"”’'" and after:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", e.span.text)
    return any(w[:1].islower() and w.lower() not in TITLE_SMALL_WORDS for w in words[1:])


def _trim_back(raw: str, e: Entity) -> Entity | None:
    """The span without lower-case function words at its end; None when nothing is cut."""
    words = _words(raw, e.span.start, e.span.end)
    k = len(words)
    while k > 1 and raw[words[k - 1][0] : words[k - 1][1]] in TRAILING:
        k -= 1
    if k == len(words):
        return None
    return Entity(Span.of(raw, e.span.start, words[k - 1][1]), e.label, "rule")


# Three words or more in capitals, a headline run in a line or a section heading ("TWO DEAD, 16
# INJURED IN FLORIDA NIGHTCLUB SHOOTING"), where the model's names are mostly common words.
# Possessive quantifiers: no backtracking, so a long line of "A. A. A." costs linear time (a review
# timed 227 s on 198,000 such characters with the first version).
CAPS_RUN = re.compile(r"(?<![\w'’.&-])[A-Z][A-Z'’.&-]++(?:[ ,]++(?:[A-Z][A-Z'’.&-]++|\d[\d,.$%]*+)){2,}+")
CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’.&-]+")


def caps_runs(raw: str) -> list[tuple[int, int]]:
    """Where a run of capitals is a headline, not prose: three words in capitals at least, figures
    aside ("TWO DEAD, 16 INJURED"), in a line with no lower-case letter or with two words of five
    letters or more (a list of initialisms in prose, "IBM, HPE, AMD fell", is none; nor a results
    table's row, "INDIANAPOLIS 8 6 0 269 284")."""
    out = []
    for m in CAPS_RUN.finditer(raw):
        words = CAPS_WORD.findall(m.group(0))
        if len(words) < 3:
            continue
        ls = raw.rfind("\n", 0, m.start()) + 1
        le = raw.find("\n", m.end())
        line = raw[ls : le if le >= 0 else len(raw)]
        if not any(ch.islower() for ch in line) or sum(len(w.strip(".'’&-")) >= 5 for w in words) >= 2:
            out.append((m.start(), m.end()))
    return out


def _known_in_caps(raw: str, e: Entity, body: BodyNames, kb: ActorKB) -> bool:
    """A name in a run of capitals that is one: a place (the model reads places in capitals
    well), a person's name of two words or more opening with a given name ("EDGAR ALLEN POE", not
    "BEER NUTRITION"), or a name the article writes elsewhere in plain case or the knowledge base
    knows ("VERIZON TO BUY YAHOO": Verizon, named in the text under it); never a span running out
    of the capitals ("ONTO SOMETHING Crows")."""
    words = _words(raw, e.span.start, e.span.end)
    if not all(raw[a:b].isupper() or not raw[a:b][:1].isalpha() for a, b in words):
        return False
    key = name_key(e.span.text)
    if body.known(key) or kb.lookup(e.span.text) or e.label in ("GPE", "LOC"):
        return True
    return e.label == "PERSON" and len(words) >= 2 and given_name(key.split()[0])


# A given name with an inner apostrophe and capital ("Ka'Loni", "D'Andre", "N'Golo") the model
# left out of the person's name after it.
APOSTROPHE_NAME_BEFORE = re.compile(r"(?<![\w'’])[A-Z][a-z]{0,3}['’][A-Z][a-z]+[ \t]+$")  # on the same line ("... O'Rourke\n\nDonald Trump" is two)


def _apostrophe_name_before(raw: str, e: Entity) -> Entity | None:
    """The person's span with the apostrophe given name right before it ("Ka'Loni [Marie
    Flynn]" -> "Ka'Loni Marie Flynn"; read on ECB+); None when there is none."""
    if e.label != "PERSON":
        return None
    m = APOSTROPHE_NAME_BEFORE.search(raw, max(0, e.span.start - 20), e.span.start)
    if m is None:
        return None
    return Entity(Span.of(raw, m.start(), e.span.end), "PERSON", "rule")


# An office named by its portfolio ("Secretary of State", "Minister of Finance", "Under
# Secretary of Defense"): the word after "of" belongs to the title.
OFFICE_OF = re.compile(r"\b(?:Secretary|Secretaries|Minister|Ministers|Undersecretary|Under\s+Secretary)\s+of\s+$")
# Portfolios of ministries and departments (not "Director of [Mossad]", a body of its own).
PORTFOLIOS = frozenset(
    {"state", "defense", "defence", "finance", "treasury", "commerce", "energy", "labor", "labour", "agriculture", "education", "transportation", "transport", "interior", "justice", "health", "housing", "trade", "industry", "culture", "tourism", "environment", "unification", "infrastructure", "veterans"}
)


def _office_portfolio(raw: str, e: Entity, kb: ActorKB) -> bool:
    """A one-word name right after an office and "of" that names no place ("Secretary of [State]",
    "Minister of [Finance]"; not "Prime Minister of [Japan]"): part of the title."""
    word = e.span.text
    if e.label == "PERSON" or " " in word.strip() or word.lower() not in PORTFOLIOS or not OFFICE_OF.search(raw[max(0, e.span.start - 30) : e.span.start]):
        return False
    return not any(a.type in ("GPE", "LOC") for a in kb.lookup(word))


def resegment(article: Article, kb: ActorKB) -> list[Entity]:
    """``article.entities`` with the spans this module's rules correct (see the module docstring)."""
    raw = article.raw_text
    titles = [(ln.start, ln.end) for ln in article.lines if ln.role == "title"]

    def in_title(e: Entity) -> bool:
        return any(s <= e.span.start < t for s, t in titles)

    caps = caps_runs(raw)
    cap_starts = [s for s, _ in caps]

    def in_caps(e: Entity) -> bool:
        k = bisect.bisect_left(cap_starts, e.span.end) - 1  # the last run starting before the span ends
        return k >= 0 and caps[k][1] > e.span.start

    body = BodyNames(e for e in article.entities if not in_title(e) and not in_caps(e))
    out: list[Entity] = []
    for e in article.entities:
        if e.label == "WORK_OF_ART" and _clause_not_title(raw, e):
            continue  # "Trump accused Holt of being a": the model read a clause as a title
        e = _unquoted(raw, e)
        e = _law_or_day(e) or _compound_people(raw, e) or _typed_by_head(e) or e
        if e.label in NAME_LABELS and (raw[e.span.start - 1 : e.span.start] in ("#", "@") or e.span.text[:1] in ("#", "@")):
            continue  # "#FranceIsStrong", "@realDonaldTrump": a hashtag or a handle, no name in the text
        if _function_word_opening(raw, e, body, kb, in_title(e)):
            continue  # "“Between the two of them ...”": a sentence's first word, no name
        if _office_portfolio(raw, e, kb):
            continue  # "Secretary of [State]", "Minister of [Finance]": the office's name, no body
        if e.label not in NAME_LABELS or e.source == "dateline":
            out.append(e)
            continue
        e = _trim_back(raw, e) or e
        e = _trim_front(raw, e, kb, body) or e
        e = _apostrophe_name_before(raw, e) or e
        e = _honorific_person(raw, e, kb) or e
        e = _aged_person(raw, e, kb) or e
        if not in_title(e):
            e = _title_front(raw, e, kb) or e  # a headline's run-ons are read below
        if e.label == "PERSON" and (titled := _before_title(raw, e, body, kb)) is not None:
            out.extend(titled)  # "[Charlotte Mayor] Jennifer Roberts"
            continue
        parts = _headline_names(raw, e, body, kb) if in_title(e) else None
        if parts is None and in_title(e) and (named := _title_lead(raw, e, body)) is not None:
            parts = [named]  # "[Hire Maurice Cheeks]" -> "Maurice Cheeks"
        if parts is None:
            parts = _split_and(raw, e, body, kb)
        # "TWO [DEAD], 16 INJURED", "[BEER NUTRITION] LABELS": in capitals, only names that are ones.
        out.extend(p for p in (parts if parts is not None else [e]) if not in_caps(p) or _known_in_caps(raw, p, body, kb))
    # "[Asian] [American]" read as "Asian American": the parts inside it are no names of their own
    compounds = [(e.span.start, e.span.end) for e in out if e.source == "rule" and e.label == "NORP" and COMPOUND_PEOPLE.search(e.span.text)]
    return [e for e in out if not any(a <= e.span.start and e.span.end <= b and (e.span.start, e.span.end) != (a, b) for a, b in compounds)]
