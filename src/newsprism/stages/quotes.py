"""Quotes: who said what — direct, partial, indirect and whole statements, with speakers.

Per article (``newsprism.quotes.v1``), body lines only (titles, captions and page
furniture carry no one's words), in four passes:

1. **Statements.** A sentence that introduces a statement reproduced without
   quotation marks ("The following statement was issued by the ministry on
   3 March 2031.", "X issued the following statement:") makes the body lines
   after it, up to the end of the article's body, one quote of kind ``statement``:
   its speaker is the actor named after "by" (or before the verb), its date the
   sentence's, and its "I" is that speaker. Quoted strings inside it are the
   author's own (irony, terms), never new quotes.
2. **Quotation marks.** Straight and curly, double and single marks are paired
   per paragraph with a stack; a mark's direction comes from its neighbours
   (letters on both sides make an apostrophe), so a closing mark typed as an
   opening one ("”just cause”") still pairs. Only outermost pairs are quotes (a
   single-quoted term inside a double-quoted quote is part of it). An opening mark
   that is never closed is refused — no span is invented up to the end of the page
   — unless the next paragraph opens with a mark, the news convention for a quote
   that runs over several paragraphs. Strings in Title Case ("Treaty on
   Maritime Cooperation") and strings after naming words
   ("so-called", "titled", "known as") are names, not quotes.
3. **Attribution frames** (after textacy's ``direct_quotations`` and the
   GenderGapTracker's syntactic rules, without a parser: the cue verbs, speaker
   nouns, media and relaying phrases are in ``data/reporting_verbs.json``):

   * ``“...,” SPEAKER said``, ``“...,” said SPEAKER``, ``SPEAKER said: “...”`` — a
     direct quote; the speaker phrase may carry an apposition ("Lena Marr, vice
     chair of ..., said") and a date or medium ("said in a blog post on March 3").
   * ``SPEAKER said (that) CONTENT``, ``told journalists on Tuesday that CONTENT``,
     ``CONTENT, SPEAKER said.``, ``according to SPEAKER, CONTENT``, ``SPEAKER accused
     Y of V-ing ...``, ``..., adding that CONTENT``, ``with SPEAKER saying CONTENT`` —
     indirect speech; PARC/PolNeAR's Source–Cue–Content, with the content span the
     proposition (without "that").
   * a quote inside a frame's content ("said Vesnia's “trade ... will
     grow.”", "calling it a “fair bargain”") is a partial quote of that
     frame's speaker; a quote in a clause with no frame is a partial quote of the
     clause's subject ("Rusk expressed “full backing”"), or dropped when the clause
     has no speaking subject and the string is short (a scare quote).
   * a direct quote with no frame in its sentence continues the nearest quote of
     the paragraph that has a speaker (“X,” Kim said. “Y.”: two quotes by Kim,
     each its own QUOTE record with the same speaker and cue), or of the paragraph
     before when it ended with a quote or a colon.
   * a frame inside another frame's content whose speaker is the same actor
     ("Rusk told journalists that ...; she estimates that ...") replaces it: the
     inner content is the claim, and takes the outer frame's date.
   * a broadcast sound bite: a sentence that is only an on-screen caption ("Lena Marr /
     Vice chair, Vesnian Trade Council") followed by the speaker's words without marks, as
     broadcasters' transcripts print them. The bite runs to the end of its paragraph, or
     (where a page lost its line breaks and the caption is glued to the words) to the next
     sentence glued on without a space; a caption alone in its paragraph takes the next
     one. A ``direct`` quote, cue "caption", medium "broadcast". A transcript's turn
     ("SMITH: ...", "JANE ROE, PROFESSOR: ...") is its labelled person's direct quote (cue
     "transcript"); the broadcaster's host, anchor or reporter speaks in the outlet's voice.
   * a signed quotation: a paragraph that is a quotation followed by a dash and a name
     ("“...” ― Jane Roe", "“...” -- Jane Roe, 45, Tucson."), as vox pops and epigraphs
     print their speakers, is the named person's direct quote (cue "sign-off"); a name that
     is no person of the article leaves it unattributed, never another speaker's.
4. **Speakers and dates.** A speaker phrase is resolved to an actor of the
   ``actors`` layer: the mention at the phrase's head (a possessive or a
   prepositional modifier is not the head: "Vesnia's deputy minister Ada
   Rusk" is Rusk), a metonym ("Seoul"), a definite description ("the
   embassy"), or a pronoun resolved to the latest compatible actor named outside
   quotation marks. The utterance date is the first temporal expression of the
   ``timex`` layer inside the attribution ("said on Monday", "in a blog post on
   March 3"), else the publication date with lower confidence. "As reported by X"
   gives ``via``.

Across articles (``newsprism.quotes.corpus.v1``) speakers are re-read after the
actors merge, dates refreshed after publication dates are inferred across
articles, and the same quote carried by several articles gets one ``group`` id:
quotes are blocked by word 3-shingles (never all pairs) and confirmed with
rapidfuzz.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from newsprism import plover
from newsprism.actor_names import STATE_ABBREVIATIONS, THING_TYPES, US_STATE_NAMES, headline_cased
from newsprism.article import ActorMention, Article, DateRange, Dossier, MentionIndex, Quote, Span
from newsprism.knowledge import derived
from newsprism.pronouns import sentence_before_start
from newsprism.registry import stage
from newsprism.reporting import Lexicon, lexicon

LOGGER = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- lexicon

# Marks by what they usually do; the neighbours decide in the end (see _direction).
DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"″〃'
SINGLE_OPEN = "‘‚‛‹"
SINGLE_CLOSE = "’›"
SINGLE_EITHER = "'`´"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# Word-initial apostrophes that are not opening marks ('90s, 'em, 'til).
ELISION = re.compile(r"^['‘’`](?:\d0s|\d\d\b|em\b|til\b|tis\b|twas\b|cause\b|n\b|round\b)", re.I)
OPEN_BEFORE = set(" \t\n([{—–-/\u00a0:;,")
CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/\u00a0…")

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "several", "many", "most", "other", "another", "one", "two", "three", "both", "all", "each", "any", "no", "such"})
AUX_VERBS = frozenset("has have had having is are was were be been will would could can may might must shall should did does do not n't".split())  # noqa: SIM905 — a word list reads better as one string
# Words between a subject and its verb ("Pak further said", "has also said"); skipped, and only
# auxiliaries end a speaker phrase read backwards ("An earlier report said" keeps "earlier").
AUX = AUX_VERBS | frozenset(
    "also further again later then previously earlier once never still already just even repeatedly reportedly "  # noqa: SIM905
    "publicly privately openly now today yesterday recently often frequently first last too "
    "quickly immediately separately additionally similarly likewise only always usually generally simply".split()
)
# Words that end a speaker phrase when read backwards from a cue (clause boundaries).
BOUNDARY_WORDS = frozenset(
    ["that", "which", "who", "whom", "whose", "after", "before", "when", "whenever", "while", "because", "since", "although", "though", "if", "as", "but", "so", "where", "whereas", "until", "unless", "whether", "than", "once", "what", "how", "why", "whatever", "wherever", "lest", "yet", "nor", "for", "to", "into", "onto", "from", "about", "like", "unlike", "despite", "without", "within", "during", "upon", "against", "toward", "towards", "among", "amid", "via", "per"]
)
# A weekday after a cue ("told reporters Thursday that", "said on Monday night that").
WEEKDAY_ADJUNCT = re.compile(r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s+[A-Z])")
# Nouns of speech after a possessor that is their speaker ("Trump's comments", "her remarks").
SPEECH_NOUNS = frozenset({"comments", "comment", "remarks", "remark", "words", "statement", "statements", "speech", "tweet", "tweets", "post", "posts", "letter", "claim", "claims", "testimony", "interview", "message", "answer", "response", "reply"})
# An opening adverbial that a participle right after it belongs to ("After announcing ...",
# "One month after announcing ...,"): the participle's subject follows the adverbial's comma.
OPENING_BEFORE_PARTICIPLE = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,2}(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?|decades?)\s+(?i:after|before|since)|(?:After|Before|While|When|Since|By|Upon|Without|In|On))\s+"
)
# An opening phrase that ends with a title in quotation marks, its comma inside them (masked text).
QUOTED_TITLE_SEG = re.compile(r"\s*((?:[^,;:\"]|\"Q+\"){1,120}?\"Q+\")\s+(?=[A-Z])")
# ", whose hometown, " right before a name set off by commas.
WHOSE_BEFORE = re.compile(r",\s+whose\s+[^,;:\"]{1,40},\s+")
# A past participle's phrase opening a sentence ("Led by Council Speaker X, the rally ...").
PARTICIPLE_BY = re.compile(r"[A-Z][a-z]+ed\s+(?:by|with|about|from)\b")
# Words after a "he" that go on with the speaker before it ("He also suggested", "She then added").
GOES_ON = re.compile(r"\s+(?:also|then|later|again|further|went\s+on|added|continued)\b")
# A boundary between a main clause and a clause of its own after it.
CLAUSE_BOUNDARY = re.compile(r"(?:,|[—–]|\b(?:in which|when|where|while|as|after|before|because|and|but|with))\s*$")
# "As X noted in an op-ed Thursday, ...": the source of the clause after the comma.
AS_SAID = re.compile(r"\s*(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+(?P<np>(?:the\s+|a\s+|an\s+)?[^,;:\"]{1,60}?)\s+(?:(?:has|had|have)\s+)?(?P<verb>[a-z]+ed|said|wrote|put\s+it|told|says|writes|notes|argues)\b[^,;:\"]{0,60},\s+")
# A relative clause whose verb leads to a partial quote ("Obama, who called the nominee “unfit”").
RELATIVE_CUE = re.compile(r",\s+who\s+(?:(?:had|has|have|also|later|then|once|[a-z]+ly)\s+){0,2}(?P<verb>[a-z]+)\b[^,;:\"“”]{0,80}[\"“]?\s*$")
# A name after "of" (titles between): it modifies the noun before ("the father of X, who"); so
# does one after "to" or "for" after a speaker noun ("an aide to X, who", "a spokesman for X, who").
OF_BEFORE_NAME = re.compile(r"(?:\bof|\b(?P<noun>[a-z]+)\s+(?:to|for))\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
# Adverbs between "with X" and its participle ("with Trump reportedly yelling"), never "ally".
WITH_ADVERBS = r"(?:reportedly|allegedly|repeatedly|apparently|openly|publicly|privately|loudly|angrily|quickly|immediately|later|also|then|even|still|again|simply|actually|clearly)"
# A subordinate clause right before a participle ("..., when protesters interrupted her, shouting").
CLAUSE_BEFORE_PARTICIPLE = re.compile(r",\s+(?:when|as|after|while|because|since|until|before)\s+(?P<clause>[^,;:\"]{3,120}),\s*(?:\w+ly\s+)?$")
# A time or manner adverbial set off before a clause's subject ("Hours later,", "Two days earlier,",
# "Most recently,", "Not surprisingly,"): no subject (#22, a reading of untuned PolNeAR text).
TIME_ADVERBIAL = re.compile(
    r"(?i:\s*(?:[\w-]+\s+){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?|decades?)\s+(?:(?:later|earlier|ago|afterwards?)\s*|(?:after|before|since)\s+\S.*))"
    r"|\s*(?i:all\s+told|in\s+all|after\s+all|early\s+one\s+\w+|late\s+one\s+\w+|one\s+(?:morning|afternoon|evening|night|day))(?:\s+in\s+\w+)?\s*"
    r"|\s*(?:(?i:most|more|very|not|quite|perhaps|but)\s+)?(?:[A-Za-z][a-z]{2,}(?:ically|ently|antly|ately|ously|ively|ingly|edly|ibly|ably|fully|lessly|arily|ionally)|[A-Za-z][a-z]{3,}ally"
    r"|(?i:recently|nearly|lately|shortly|briefly|clearly|frankly|locally|publicly|privately|secondly|thirdly|firstly|lastly|likely))\s*"
)
# A clause's leading adverbials, skipped before its subject ("Last week, ...", "In particular, ...").
LEADING = frozenset(
    ["in", "on", "at", "after", "before", "during", "last", "earlier", "later", "separately", "however", "meanwhile", "still", "yet", "but", "and", "also", "instead", "moreover", "furthermore", "as", "despite", "since", "while", "when", "although", "though", "if", "asked", "speaking", "addressing", "writing", "following", "according", "in", "particular", "this", "next", "for", "with", "by", "from", "under", "over", "overall", "indeed", "nevertheless", "nonetheless", "besides", "likewise", "similarly", "then", "now", "today", "yesterday", "recently", "again", "so", "thus", "hence", "therefore", "otherwise", "regardless", "anyway", "plus", "first", "second", "third", "finally", "ultimately", "afterward", "afterwards", "elsewhere", "notably", "where", "whereas"]
)
PREPOSITIONS = frozenset(["of", "for", "at", "from", "in", "with", "by", "on", "to", "about", "over", "under", "between", "among", "near"])
# Function words, never a modifier before a speaker noun ("by Council Speaker X" is no "county officials").
NOT_MODIFIERS = PREPOSITIONS | BOUNDARY_WORDS | AUX_VERBS | frozenset({"and", "or", "but", "nor", "then", "also", "not"})
# Words that open a clause before its subject and are no part of a speaker ("Later he said",
# "Meanwhile the senator said"): left off the front of a speaker phrase.
SPEAKER_LEAD = frozenset(
    "and or but then also later earlier meanwhile still yet instead now today yesterday tonight separately "  # noqa: SIM905
    "afterward afterwards eventually finally ultimately again however moreover indeed so thus even".split()
)
CLAUSE_START = re.compile(r"^(?:[A-Z0-9\"'(]|(?:he|she|it|they|we|i|you|there|this|that|these|those|the|a|an|his|her|its|their|our|my|some|many|most|no|all|both|each|only|more|less|few|several|any|every|nobody|none|one|half|neither|either|millions|thousands|hundreds|dozens|billions|everyone|everybody|someone|somebody|anyone|anybody|people)\b)")
# A clause that opens on a number word ("two dozen lawmakers backed him"): its verb within seven
# words, no relative or subordinate word before it ("told three jokes at the dinner", "said two
# prayers before the vigil ended" are objects).
NUMBER_SUBJECT = re.compile(
    r"^(?:(?:about|nearly|almost|roughly|only|just|more\s+than|less\s+than|fewer\s+than)\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+dozen|dozens|"
    # a share ("about half of the adjustment reflected ...", "most of the money went", "a majority of voters were")
    r"(?:half|most|much|many|some|none|all|(?:a|the)\s+(?:majority|third|quarter|fraction|bulk))\s+of)\s+"
    r"(?:(?!(?:who|whom|whose|which|that|when|where|while|because|if|before|after|until|as|during|and|or|but)\b)[\w'’,-]+\s+){0,8}?"
    r"(?:[a-z]{2,}ed(?!\s+(?:at|to|in|on|by|for|with|about|from|of|into|as|over)\b)|are|were|have|had|will|would|could|can|may|might|must|should|is|was|has|"
    r"wrote|said|told|went|made|took|gave|lost|won|got|came|saw|knew|left|kept|held|sent|spent|built|began|became|found|ran|met|paid|led|fell|sold|rose|grew)\b"
)
# A clause that opens on another word ("local officials should ...", "too much is made of ..."):
# an auxiliary or modal within its first seven words.
# Words of the subject may be names ("much of his talk with Trump was ..."); a relative pronoun
# among them makes the verb the relative clause's ("goodbye to those who were there").
AUX_SOON = re.compile(
    r"^(?!(?:of|in|on|at|to|for|with|from|by|about|after|before|during|since|until|into|over|under|against|without|through|as)\b)"
    r"[A-Za-z][\w'’.-]*\s+"  # the first word may be "how" or "what" ("explained how he would ...")
    r"(?:(?!(?:who|whom|whose|which|that|when|where|while|because|if|how|what|why|whether)\b)[A-Za-z][\w'’.-]*\s+){0,5}"
    r"(?:(?:is|are|was|were|has|have|had|would|could|should|must|did|does|do)(?:n['’]t)?|will|won['’]t|can|can['’]t|cannot|may|might)"
    r"(?![\w'’])(?!\s+(?:been\s+)?(?:said|told|asked)\b)"
)
# A clause whose subject is a bare plural noun ("says meeting participants outlined a plan",
# "said prices rose"): a past or modal verb right after it.
BARE_SUBJECT = re.compile(
    r"^(?!(?:after|before|when|whenever|while|as|since|until|because|if|unless|once|though|although|where|of|in|on|at|to|for|with|from|by|about|"
    r"during|into|over|under|against|without|through|among|between|amid|despite|than|and|or|but)\b)"
    r"(?:[a-z][\w'’-]*\s+){0,2}[a-z]{3,}s\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed(?!\s+(?:at|to|in|on|by|for|with|about|from|of|into|as|over)\b)|are|were|have|had|will|would|could|can|may|might|must|should|"
    r"wrote|said|told|went|made|took|gave|lost|won|got|came|saw|knew|left|kept|held|sent|spent|built|began|became|found|ran|met|paid|led|fell|sold)\b"
)
# A clause opening on a subject pronoun ("said they welcome the attention", "say we need ..."):
# "they", "we" and "I" are subjects, never objects, so a present tense after them is a verb.
PRONOUN_CLAUSE = re.compile(r"^(?:they|we|I)\s+(?:[a-z]+ly\s+)?(?!(?:all|both|each|themselves|ourselves|myself|too|also|and|or|who)\b)[a-z]{2,}\b")
# A sentence that opens on a subordinate clause with its own attribution ("While Comey said A, he
# said B": A is Comey's words up to the comma).
SUBORDINATE_OPENER = re.compile(r"(?:^|(?<=[.!?\n])\s*|(?<=[.!?][\"”])\s+|\n)(?:While|Although|Though|Whereas|Even\s+as|Even\s+though)\s+$")
# A medium right before a participle of saying ("sent an email saying", "a statement reading"):
# the sender's words.
MEDIUM_BEFORE_PARTICIPLE = re.compile(r"\b(?:e-?mails?|statements?|tweets?|posts?|letters?|messages?|notes?|memos?|texts?|press\s+releases?|videos?)\s*,?\s*$")
# The verbs that send a medium ("Rubio's campaign sent out a press release saying ...").
SENDING = re.compile(r"\b(?:sent|sends|issued|issues|released|releases|posted|posts|put\s+out|puts\s+out|wrote|writes|published|publishes|tweeted|emailed|circulated|distributed)\b")
# Bodies that speak for the person who heads them ("the Biden administration said").
SPEAKS_FOR_BODIES = frozenset({"administration", "government", "cabinet"})
# Words that open an adjunct, not more of the reported clause, right after a quotation.
AFTER_QUOTE_NOT_CLAUSE = frozenset(
    {"when", "after", "before", "despite", "to", "in", "on", "at", "during", "as", "while", "because", "since", "until", "for", "with", "without", "about", "over", "into", "from", "by", "once", "twice", "again", "three", "two", "four", "five", "several", "many", "more", "times", "than"}
)
# A sentence adverb before a whole quotation ("Now, “...”", "But “...”"): the quotation opens the clause.
SENTENCE_ADVERB_BEFORE = re.compile(r"[\s\-—–]*(?:But|And|Now|Still|Yet|So|Later|Then|Also|Instead|Indeed|Meanwhile|However|Today)\b,?\s*")
# Full stops of abbreviations ("U.S.", "D.C."), no sentence's end.
ABBREVIATION_DOTS = re.compile(r"\b(?:[A-Z]\.){1,3}")
# Forms of a cue that are nouns too, read as a noun right after a lower-case modifier that is no
# speaker ("brave states", "new reports", "false claims"; not "he states", "the agency states").
NOUN_TOO = frozenset({"states", "claims", "reports", "notes", "comments", "posts", "tweets", "quotes", "answers", "remarks", "replies", "promises", "pledges", "vows", "demands", "charges"})
# The speaker's next verb after a quotation ("wrote, “...” and shared a link"): the quote is done.
COORDINATED_VERB_AFTER = re.compile(r"\s+(?:and|but|then|before)\s+(?:then\s+|\w+ly\s+)?[a-z]{3,}(?:ed|s)\b")
# A reported clause opening with a subordinate one ("says despite being an alumna, she plans to
# ...", "said if elected, he would ..."): the words before its comma are part of what was said.
SUBORDINATE_FIRST = re.compile(r"(?:despite|although|though|if|unless|because|once|whether\s+or\s+not|win\s+or\s+lose)\b[^,;:\"]{1,80},\s+")
# A time after an attribution's comma ("declared on Thursday, two days after voters voted"), no
# words of the speaker's.
TIME_TAIL = re.compile(
    r"(?i)\s*(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+|just|only|mere)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|moments)\s+"
    r"(?:after|before|later|earlier|ago|since)\b"
)
# What makes a title's words after "Name:" someone's words, not a topic: a first or second person
# or a quotation mark ("Graham: Trump's ‘Hateful Rhetoric’ ...", "Pelosi to Democrats: We Will
# Win"; a review found "Hillary Clinton: The Woman Who Would Be President" and "Mitt Romney: Where
# Is He Now?" read as speech when a modal or "is" was enough).
TITLE_SPEECH = re.compile(
    r"[\"“”‘’']\w|\w[\"“”‘’'](?!s\b)|(?i:\b(?:i|i['’]m|i['’]ll|i['’]ve|we|we['’]re|we['’]ll|me|us|my|our|you|your|you['’]re)\b)"
)
# A transcript turn in someone's voice: a first person, or a question ("you" alone is an
# explainer's: "Clinton: If you earn less than $250,000, your taxes ...", a review found).
SPOKEN_TURN = re.compile(r"(?i)\b(?:i|i['’]m|i['’]ll|i['’]ve|i['’]d|me|my|we|we['’]re|we['’]ll|we['’]ve|us|our)\b|\?")
# An attribution of its own at the end of a finding ("The survey found X, the agency said"): the
# sentence is that speaker's.
LATER_ATTRIBUTION = re.compile(r",\s+(?:[\w'’.-]+\s+){0,5}(?:said|says|told|added|noted|according\s+to)\b")
# Prepositions after which a name is an object, not the one who acts ("jumped aboard with Sanders").
OBJECT_PREPOSITIONS = frozenset({"with", "to", "for", "about", "against", "from", "by", "at", "on", "of", "behind", "like", "than", "under", "over", "toward", "towards", "aboard", "beside", "among", "between", "into", "onto", "upon", "without"})
# A place where something was said, ending its clause ("said Tuesday in Paris, noting ...").
PLACE_ADJUNCT = re.compile(r"(?:in|at|from|outside|near)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=\s*(?:[,;.]|$))")
# A participle's phrase opening a sentence ("Hastily politicizing ...", "Speaking in Paris ...").
PARTICIPLE_OPENER = re.compile(r"\s*(?:(?P<adverb>[A-Z][a-z]+ly)\s+[a-z]+ing|[A-Z][a-z]+ing)\b")
# A quotation, a person and a past-tense verb ending the sentence (“...,” an angry Hollande retaliated.).
ACTED_AFTER_QUOTE = re.compile(r"\"\s*,?\s+(?P<np>(?:(?:an?|the)\s+(?:[a-z]+\s+)?)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|he|she)\s+(?P<verb>[a-z]{3,}ed)(?=\s*(?:[.!?]|,\s*\"|$))")
# A subject pronoun opening a sentence ("He started ...", "Then he described ...", "But she ...").
SUBJECT_PRONOUN = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?][\"”]\s))(?:(?:Then|But|And|Later|Still|Now|So)\s+)?(?P<p>[Hh]e|[Ss]he)\b(?!['’])")
# What follows an unnamed source's head noun ("a person familiar with the matter", "officials
# close to the talks", "a source with direct knowledge of the plan").
SOURCE_POSTMODIFIER = re.compile(r"(?<!\s)\s+(?:familiar\s+with|close\s+to|briefed\s+on|knowledgeable\s+about|with\s+(?:direct\s+|first-hand\s+)?knowledge\s+of|privy\s+to)\s")
# A prepositional adjunct between a cue and its "that" ("said during a rally in Karsk, Vesnia, that ...").
ADJUNCT_THAT = re.compile(r"(?:during|at|in|on|after|before|following|from|via|through|over|with|while|outside|inside|aboard|by)\s+(?:[^;:\",]{1,60},\s*(?=[A-Z])){0,2}[^;:\",]{1,60}?,?\s+(?=that\b)")
# A concessive or contrastive clause opening before a speaker's next cue: ", though she acknowledged".
CONCESSIVE_BEFORE = re.compile(r"\s*,\s*(?:though|although|but|while|whereas|yet)\s+$")
# What a naming verb's subject called something: the thing (a few words, never "for", "on", "off",
# "a news conference") and the name, quoted or "a/an ..." or, after a pronoun, a bare noun phrase
# ("calling them rapists"). ``NAMING_AS``: "described/referred to/dismissed X as Y".
NAMING_CALL_VERBS = frozenset({"call", "brand", "label", "term", "dub"})
NAMING_LEMMAS = NAMING_CALL_VERBS | {"describe", "characterize", "characterise", "refer", "dismiss"}
NAMING_HINT = re.compile(r"(?i)\b(?:call|brand|label|term|dub|describ|characteri|refer|dismiss)")
_NAMING_END = r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|but|because|after|when|while|in|on|at|during|for|over|to|without|as)\b))"
# "called him after the vote", "called the police an hour later", "called it a day": the phone, not a name.
_TIME_WORDS = "after|before|last|again|yesterday|today|tonight|twice|once|every|later|earlier|soon|first|next|this|that|then|immediately|repeatedly|hour|day|days|week|weeks|month|months|year|years|minute|minutes|few|time|times|second|moment|decade|while|morning|night|evening"
_NOT_TIME = r"(?!(?:" + _TIME_WORDS + r")\b)"
_MORE_QUOTES = r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\"Q*\")*"  # “criminals” and “rapists”
# After "a/an" the name may list qualities ("a kind, loving and admirable person").
_NAMING_END_A = (
    r"(?=\s*(?:[.;:!?)]|$|,?\s+(?:who|which|that|because|after|when|while|during|without|saying|adding|but|in|on|at|for|over|to|as)\b"
    r"|,\s+and\s+[a-z]+(?:ed|ing|s)\b|\s+and\s+[a-z]+(?:ed|ing)\b))"
)
NAMING_CALL = re.compile(
    r"(?!(?:for|on|upon|off|up|in|out|back|to|it\s+quits|a|an|his|her|their|its|my|our)\b)"
    r"(?P<obj>[\w'’.-]+(?:\s+[\w'’.-]+){0,7}?)\s+"
    r"(?:(?:(?:a|an|the|as)\s+)?(?:[\w'’-]+\s+){0,2}\"Q*\"" + _MORE_QUOTES + r"|(?:a|an)\s+" + _NOT_TIME + r"[\w'’-]+(?:,?\s+[\w'’-]+){0,7}?" + _NAMING_END_A + r")"
    r"|(?P<pro>him|her|them|it|me|us|himself|herself|themselves)\s+(?!(?:back|up|out|off|in|over|on|down|a|an|the|" + _TIME_WORDS + r")\b)[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?" + _NAMING_END
)
NAMING_AS = re.compile(
    r"(?!(?:how|what|why|where|when|who|whether|that|this|to|a|an|by)\b)(?P<obj>[\w'’.-]+(?:\s+(?!as\b)[\w'’.-]+){0,8}?)\s+as\s+"
    r"(?!(?:part|early|well|soon|long|far|much|many|recently|late|a\s+precaution|a\s+result|a\s+whole)\b)"
    r"(?P<comp>(?:[\w'’-]+\s+){0,3}\"Q*\"" + _MORE_QUOTES + r"|[\w'’-]+(?:\s+[\w'’-]+){0,7}?" + _NAMING_END + r")"
)
# A headline's clause after its verb: a subject pronoun, or a finite verb within six words with no
# preposition or conjunction before it.
HEADLINE_CLAUSE = re.compile(
    r"(?:he|she|they|it|we|i|you)\b|(?:(?!(?:as|after|before|in|amid|for|over|with|despite|on|at|to|of|from|by|during|while|and|or)\b)[\w'’.-]+\s+){0,5}"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do|won['’]t|can['’]t|isn['’]t|[a-z]{2,}ed|"
    r"wrote|said|told|went|made|took|gave|lost|won|got|came|saw|knew|left|kept|held|sent|spent|built|began|became|found|ran|met|paid|led|fell|sold)\b"
)
# Objects of "say"/"tell" that are no reported clause ("said a prayer", "told the story of ...").
NOT_CONTENT_OBJECT = re.compile(
    r"(?:(?:a|an|the|his|her|their|its|our|my|one|another|that|this)\s+(?:\w+\s+)?)?"
    r"(?:prayers?|goodbye|grace|sorry|thanks|hello|mass|stor(?:y|ies)|jokes?|tales?|truth|lies?|anecdotes?|nothing|something|everything|anything)\b"
)
# Irregular past tenses a finite clause may hold ("millions lost their homes", "he wrote a plan").
IRREGULAR_PAST = (
    "wrote|said|told|went|made|took|gave|lost|won|got|came|saw|knew|thought|felt|left|kept|held|brought|bought|sent|spent|"
    "built|began|became|found|ran|met|paid|led|fell|sold|stood|meant|heard|chose|broke|spoke|rose|grew|drew|fought|sought"
)
# A finite verb, plural nouns in -s aside ("as the scandal grew", "as the court listened").
STRICT_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do|[a-z]{2,}ed|" + IRREGULAR_PAST + r")\b")
# Reporting verbs whose past tense is their base form ("He read the statement").
PAST_AS_BASE = frozenset({"forecast", "read", "broadcast", "cast", "put", "set", "bet"})
# Words that make "quotes" a noun ("air quotes", "scare quotes"), not a verb of quoting.
NOUN_QUOTES_BEFORE = re.compile(r"(?i)\b(?:air|scare)\s+$")
# An auxiliary between a subject and a bare verb form ("he did say", "she will tell").
AUX_BEFORE_BARE = re.compile(r"(?i)\b(?:did|does|do|will|would|can|could|may|might|must|should|shall|to|not|n't|never|cannot)\b|n['’]t\b")
# A speaker after "if"/"unless"/"whatever": the saying is supposed, not reported.
HYPOTHETICAL_BEFORE = re.compile(r"(?i)\b(?:if|unless|whatever|whenever|lest|suppose|supposing)\s+$")
# A quotation this short in a clause with no verb of saying or naming is a term held at a distance.
SCARE_WORDS = 3
# A relative pronoun standing for what a naming verb's subject called something ("which X called ...").
RELATIVE_OBJECT = re.compile(r"(?i)\b(?:which|that|what|whom)\s+(?:[\w'’.-]+,?\s+){0,8}$")
# "heard Varga say", "let him tell": a bare form after a verb of perceiving or letting.
PERCEIVING = frozenset("heard hear hears saw see sees watched watch let lets made make makes help helped helps".split())  # noqa: SIM905
PERCEIVED_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(sorted(PERCEIVING)) + r")\s+$")
# Words of a quantity, whose phrase may take a plural verb ("a majority say", "half say").
QUANTITY_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety "  # noqa: SIM905
    "hundred thousand million dozen half third quarter majority minority plurality percent share number most some all many "
    "few several none rest lot handful couple array range group".split()
)
# Nouns that take a plural verb without an -s ("police say", "people say").
PLURAL_NOUNS = frozenset({"police", "people", "staff", "media", "personnel", "clergy", "faculty", "public", "men", "women", "children", "folks", "data", "military", "government", "administration", "team", "family", "crew"})
# An addressee phrase of a few words after "told" ("a TV interviewer", "the Senate Armed Services panel").
ADDRESSEE_NP = re.compile(r"\s+((?:(?:the|a|an|his|her|their|its)|(?:millions|thousands|hundreds|dozens|scores)\s+of)\s+(?:(?!(?:the|a|an|his|her|their|its)\b)[\w'’.-]+\s+){0,3}[\w'’.-]+?)(?=\s+(?:that\b|on\b|in\b|at\b|during\b|last\b|this\b|\"|[A-Z])|\s*[,:])")
# The writer's gloss on what was said, set off by a dash or a comma ("– a claim that both capitals
# have denied", ", an allegation the ministry rejects"): the reported words end before it.
WRITERS_GLOSS = re.compile(
    r"\s*(?:[—–]|--|\s-|,)\s*(?:a|an)\s+(?:\w+\s+)?(?:claim|allegation|accusation|charge|assertion|contention|assessment|figure|estimate|number|view|position|account|version)s?\s+(?:that|which|the|both|[A-Z])"
)
# Verbs of saying whose content may be an act to come: one the speaker commits to ("vowed to ban
# ...", ``COMMIT_TO``) or asks of someone (``DIRECT_TO``, "urged the board to resign"); ``TO_ACT``
# reads the addressee (a few words, for ``DIRECT_TO`` only) and the infinitive, not "to the ...".
COMMIT_TO = frozenset({"vow", "pledge", "promise", "threaten", "swear", "demand", "ask", "beg", "offer"})
DIRECT_TO = frozenset({"urge", "ask", "beg", "order", "warn", "advise", "instruct", "remind", "tell", "caution", "implore", "encourage", "plead"})
TO_ACT = re.compile(
    r"(?!(?:guilty|not\s+guilty|no\s+contest)\b)(?:with\s+)?"
    r"(?P<who>(?:(?!(?:to|that|which|who|how|what|why|whether|because|if|when|while|about|for|in|on|at|from|by|with|is|are|was|were|it's|it’s|order)\b)[\w'’.-]+\s+){0,6}?)to\s+"
    r"(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your|be\s+(?:sure|clear)|him|them|me|us)\b)[a-z]"
)
# Verbs of asking and the question they report ("asked reporters whether ...").
ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})
WH_QUESTION = re.compile(r"(?:(?:[\w'’.-]+\s+){0,4}?)(?P<wh>whether|if|who|whom|what|why|how|when|where|which)\s+(?=\S)")
MAIN_CLAUSE_AFTER = re.compile(
    r",\s+(?:(?:but|and|yet|while)\s+)?(?:(?:the|a|an|his|her|their|its)\s+[\w'’-]+|he|she|they|it|we|i|[A-Z][\w'’-]+)\s+(?:\w+ly\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|said|says|[a-z]+ed)\b|,\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed\b"
)
CIRCUMSTANCE_AFTER = re.compile(
    r"\s+(?:as|while|when|after|before|because|since|although|though)\s+(?:he|she|they|we|i|(?:the|his|her|their)\s+[\w'’-]+|[A-Z][\w'’-]+)\s+(?:\w+ly\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|[a-z]{2,}ed|held|met|spoke|said|told|made|took|gave|sent|went|came|saw|led|won|lost|left)\b"
)
PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|is|are|been|being|be|get|got|gets)\b")
# The verbs of saying a title-case headline is read for, and words that open no clause after them.
HEADLINE_SAY = frozenset({"say", "tell", "claim", "warn", "insist", "argue", "admit", "deny", "predict", "declare", "vow", "pledge", "promise", "confirm", "announce", "concede", "assert", "allege"})
HEADLINE_NOT_CLAUSE = PREPOSITIONS | {"about", "after", "before", "during", "since", "into", "that", "what", "how", "why", "the", "a", "an", "goodbye", "sorry"}
# A second verb of the same subject right before a cue ("He says A and says B").
COORDINATED_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|but|then)\s+(?:\w+ly\s+|also\s+|then\s+)?$")
# A verb right after "that": a relative clause ("the meeting that was held ..."), not reported content.
FINITE_START = re.compile(r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do)\b")
FINITE_HINT = re.compile(
    r"(?<!\bto )(?<!\bTo )\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|shall|should|did|does|do|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|won't|wouldn't|can't|couldn't|didn't|doesn't|don't|"
    r"[a-z]{2,}ed|[a-z]{3,}s|" + IRREGULAR_PAST + r")\b"
    # a contracted auxiliary: "he'd build", "they'll pay", "we've won", "you're", "I'm"
    r"|\b[A-Za-z][a-z]*['’](?:d|ll|ve|re|m)\b"
    # "it's", "there's": after these words "'s" is "is" or "has", never a possessive (not "that's":
    # "said the pledge at a ceremony that's open" has a relative clause, a review found)
    r"|\b(?:it|he|she|there|here)['’]s\b"
)
TOKEN = re.compile(r"[\w][\w'’.\-&/]*[\w]|[\w]|[^\w\s]")
# A source named by a noun phrase after "according to" ("a CNN tally", "FEC filings", "the
# RealClearPolitics polling average"): a determiner or a capital first, at most a dozen words,
# no clause (no verb of saying, no pronoun subject).
SOURCE_NP = re.compile(r"(?:(?:a|an|the|his|her|its|their|one|two|several|new|early|preliminary)\s+|[A-Z0-9])[^.;:!?\"]{1,120}")
WORDS = re.compile(r"\w+")
# What may follow a bare attribution's cue: nothing, or a time or a place ("on Monday", "in Paris", "later").
ATTRIBUTION_TAIL = re.compile(r"\s*(?:(?:on|in|at|during|later|earlier|afterwards|yesterday|today|tonight|then)\b[^.!?;]{0,25})?[.!?]?\s*")
# A verb in what follows the cue makes it a new report ("Valde said later the ferries would run").
TAIL_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|shall|did|does|do)\b", re.I)
# A word that opens a clause of its own after a speaker ("said a docker while Rusk looked on").
CLAUSE_OPENER = re.compile(r"\s+(?:when|while|after|before|because|since|as|if|though|although|once)\b")
SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9]|\s*$)")


def _inline_note(text: str, start: int, end: int) -> int | None:
    """Where the first note that is not the story's words (``furniture.json`` ``inline``) starts in ``text[start:end]``."""
    from newsprism.knowledge import furniture

    m = furniture().inline.search(text, start, end)
    return m.start() if m else None


# "WASHINGTON (AP) —", "PASADENA, Calif., Jan. 1 (UPI) —": a dateline is not a subject.
# An apposition after a medium, before "that" or a quote: ", a messaging app,".
MEDIUM_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the)\s+[\w' -]{1,40}?,(?=\s*(?:that\b|\"))")
# A transcript's speaker label opening a paragraph: a name or role in capitals (a title, a party
# in brackets, a role after a comma), then a colon ("SEN. JANE ROE (D), VESNIA: ...").
# A turn labelled with a name in plain case ("Chris Matthews: Seriously, ...", "Lopez: Well, ..."),
# read only when the label is a person of the article, named whole.
NAME_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
SPEAKER_LABEL = re.compile(r"\s*(?P<label>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}(?: \([A-Z][A-Za-z.-]{0,12}\))?(?:, [A-Z][A-Z.'’ -]{1,40})?):\s+(?=\S)")
# An on-screen caption as a sentence of its own: a name of up to five words (a title first),
# a slash, a short role ("Lena Marr / Vice chair, Vesnian Trade Council").
CAPTION = re.compile(r"(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}) / (?P<role>[^/.!?\n]{2,120}?)\s*:?")
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*\.?)*(?:,?\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s*")
# A quotation's sign-off: a dash and a name of up to five words, maybe a short description after a
# comma ("― Jane Roe", " -- Jane Roe, 45, Tucson."), ending its paragraph.
SIGN_OFF = re.compile(r"[ \t\u00a0]*(?P<dash>[―—–]|--?(?=[ \t\u00a0]))[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4})(?:,[^\n.!?]{1,80})?[.]?\s*")
SPEAKER_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "rev"})
HONORIFIC_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|Rev)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
TITLE_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof|St|Jr|Sr|[A-Z])\.")
# US state abbreviations as the AP Stylebook writes them after a town ("of Springfield, Va.") and a
# party-and-state tag after a lawmaker's name ("Mitch McConnell, R-Ky.,", "(D-Md.)"): an
# apposition of the name before them, never the speaker.
AP_STATES = frozenset(
    ["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va", "wash", "w.va", "wis", "wyo"]
)
# An attribution set between commas inside the speaker's own sentence (", he said,", ", Ms. Roe
# added,"): a pronoun or a name of one to four capitalised words, and a verb of saying.
INTERPOSED = re.compile(
    r",\s+(?P<who>(?:he|she|they|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))\s+"
    r"(?:said|says|added|adds|argued|argues|noted|notes|explained|insisted|continued|recalled|warned|wrote|writes)\s*,"
)
# A name that is the subject of a verb of saying right after it, over an apposition between commas.
SAID_AFTER = re.compile(r"(?:\s*,[^.;\"“”]{1,160},)?\s+(?:said|says|told|added|explained|insisted|recalled)\b")
# Between an interposed attribution and a quote: another clause or another verb that quotes.
INTERPOSED_BREAK = re.compile(r",\s*(?:and|but|while|whereas|though|although|yet)\b|;|\b(?:called|calls|calling|described|describes|dubbed|termed|labeled|labelled)\b")
# Offices held by one person for a place ("the Vermont senator", "the Texas governor"): the place
# before the title names that person's constituency, and never speaks through them.
CONSTITUENCY_TITLES = frozenset({"senator", "governor", "mayor", "congressman", "congresswoman", "lawmaker", "representative", "legislator", "councilman", "councilwoman", "sheriff"})
PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12})?$")
ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "rep", "sen", "gov", "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "a.m", "p.m", "e.g", "i.e", "prof", "capt", "adm", "maj", "cmdr", "rev", "fig", "ft", "mt"]
)


@derived
def _gender_words() -> dict[str, str]:
    """Role nouns of lexical gender ("spokeswoman" -> "female"), from the actor knowledge base."""
    try:
        from newsprism.actorkb import actor_kb

        return dict(actor_kb().gender_words)
    except Exception:  # noqa: BLE001 — the knowledge base is optional here, as for titles
        return {}


SENTENCE_STOP = re.compile(r"[.!?][\"”’]?\s")
# A verb (or a comma opening an apposition) right after a name: the name is the clause's subject.
VERB_AFTER_NAME = re.compile(r"(?:,|\s+(?:is|was|are|were|has|had|have|will|would|could|should|may|might|did|does|also|then|later|[a-z]+ed|[a-z]+s|met|went|came|took|gave|made|got|saw|spoke|wrote|left|led|won|lost|ran|sent|put|kept|held|brought|thought|felt|found|became|began|stood|sat|paid|sought|fought|heard|meant|read|hit|quit|chose|drove|flew|grew|knew|threw|broke|fell|told|said)\b)")
# What may stand before a description that is its sentence's subject: nothing, or an opener
# ("Instead, the Vermont senator is sticking ...", "But the governor said").
SUBJECT_OPENER = re.compile(r"\s*(?:(?:[A-Z][a-z]+ly|Instead|But|And|Then|Later|Still|Meanwhile|However|Now|So|Yet)\b,?\s+|[A-Z][a-z]+(?:\s+[A-Za-z]+){0,3},\s+)?")
# A verb of saying right after a description ("The judge said", "the senator told reporters").
SPEAKS_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+|also\s+|later\s+)?(?:said|says|told|tells|added|replied|responded|argued|insisted)\b")
# An object pronoun of each gender: whom a description's sentence refers back to.
OBJECT_PRONOUN = {
    "he": re.compile(r"\b(?:him|himself)\b", re.I),
    "she": re.compile(r"\b(?:herself|her(?=\s*(?:[.,;:]|$|to\b|in\b|on\b|at\b|for\b|with\b|held\b|as\b)))\b", re.I),
}
# "the Vermont senator", "the former governor" with no name after it (a description of one
# person). The head ends the phrase: punctuation or a word that opens a predicate or an adjunct follows,
# so "the general election", "the chief executive" are no descriptions of a general or a chief.
PERSON_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<pre>(?:[\w.-]+\s+){0,3}?)(?P<head>[a-z]+)(?=[,.;:!?)’']|\s+(?:is|was|has|had|have|will|would|could|should|may|might|did|does|said|says|told|tells|added|who|whose|and|but|of|in|at|on|to|for|from|with|also|then|later|himself|herself|[a-z]+ed)\b)"
)


@derived
def _person_heads() -> frozenset[str]:
    """One-word heads of the actor knowledge base's titles that name one person ("senator",
    "governor", "spokeswoman"; not the plural "officials")."""
    try:
        from newsprism.actorkb import actor_kb

        heads = {h.lower() for h in actor_kb().title_heads if " " not in h}
        return frozenset(h for h in heads if not (h.endswith("s") and h[:-1] in heads))
    except Exception:  # noqa: BLE001 — the knowledge base is optional here, as for titles
        return frozenset()


@derived
def _title_words() -> frozenset[str]:
    """Title heads and modifiers of the actor knowledge base ("minister", "vice", "chairman")."""
    try:
        from newsprism.actorkb import actor_kb

        kb = actor_kb()
        words = {w for h in kb.title_heads for w in h.split()} | set(kb.title_modifiers)
        return frozenset(w.lower() for w in words)
    except Exception:  # noqa: BLE001 — the knowledge base is optional here: titles only refine speakers
        return frozenset()


# ----------------------------------------------------------------------------- marks


@dataclass(frozen=True, slots=True)
class Pair:
    """An outermost pair of quotation marks.

    ``open`` is the last character of the opening mark and ``close`` the first of the
    closing one, so the quoted words are ``open + 1 : close``; ``lo:hi`` spans both
    marks (a mark may be two characters: the typewriter ``''`` of some newspapers).
    """

    open: int
    close: int
    double: bool
    runs_on: bool = False  # opened and not closed in its paragraph; the next paragraph opens with a mark
    lo: int = -1
    hi: int = -1

    @property
    def start(self) -> int:
        return self.lo if self.lo >= 0 else self.open

    @property
    def end(self) -> int:
        return self.hi if self.hi >= 0 else self.close + 1


def _direction(text: str, i: int, lo: int, hi: int, width: int = 1) -> str | None:
    """``open``, ``close``, ``either`` or None (an apostrophe) for the mark at ``text[i : i + width]``."""
    c = '"' if width == 2 else text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    left = prev in OPEN_BEFORE or prev.isspace()
    right = nxt in CLOSE_AFTER or nxt.isspace() or nxt in ALL_MARKS
    if c in SINGLE_OPEN or c in SINGLE_CLOSE or c in SINGLE_EITHER:
        if prev.isalnum() and nxt.isalnum():
            return None  # country’s, don't
        if left and ELISION.match(text[i : i + 6]):
            return None  # '90s, ’til
        if left and not right:
            return "open"
        if right and not left and (prev.isalnum() or prev in ".,!?…;:" or prev in ALL_MARKS):
            return "close"
        return None
    if c in DOUBLE_CLOSE and not prev.isspace() and not right:
        # ',”Valde said': a closing glyph glued to the words after it closes an open mark; with none
        # open it opens (said:”The harbour ...”, »...« in German).
        return "either"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if c in DOUBLE_OPEN:
        return "open"
    if c in DOUBLE_CLOSE:
        return "close"
    return "either"


def quote_pairs(text: str, lo: int = 0, hi: int | None = None) -> tuple[list[Pair], int | None]:
    """The outermost quotation-mark pairs of one paragraph ``text[lo:hi]``.

    Returns:
        The pairs, and the offset of an outermost opening mark left unclosed at the
        paragraph's end (None when every mark is closed).
    """
    hi = len(text) if hi is None else hi
    stack: list[tuple[bool, int, int]] = []  # (double, offset, width)
    pairs: list[Pair] = []
    i = lo - 1
    while i + 1 < hi:
        i += 1
        c = text[i]
        if c not in ALL_MARKS:
            continue
        # Two typewriter single marks ('' or ``) are one double mark.
        width = 2 if c in "'`" and i + 1 < hi and text[i + 1] in "'`" else 1
        double = width == 2 or c in DOUBLE_OPEN or c in DOUBLE_CLOSE or c in DOUBLE_EITHER
        d = _direction(text, i, lo, hi, width)
        if d is None:
            continue
        if d == "either":
            d = "close" if any(s[0] == double for s in stack) else "open"
        if d == "open":
            stack.append((double, i, width))
            i += width - 1
            continue
        j = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == double), None)
        if j is None:
            i += width - 1
            continue  # a stray closing mark (or a plural possessive’s apostrophe)
        _, start, w0 = stack[j]
        del stack[j:]
        if not stack:
            pairs.append(Pair(start + w0 - 1, i, double, lo=start, hi=i + width))
        i += width - 1
    left = next((off for dbl, off, _ in stack if dbl), None) if stack else None
    if left is not None and stack and stack[0][1] != left:
        left = None  # the unclosed mark is nested inside another unclosed one: refuse both
    return pairs, left


# ----------------------------------------------------------------------------- records


@dataclass(slots=True)
class _Speaker:
    start: int
    end: int
    text: str
    actor: str | None = None
    ref: Span | None = None  # the mention the actor was read from
    name: str | None = None
    pronoun: bool = False
    evidence: str | None = None  # why a pronoun names this actor, or names no one


@dataclass(slots=True)
class _Frame:
    """An attribution: speaker, cue and (for indirect speech) the content it reports."""

    cue: str
    cue_start: int
    cue_end: int
    speaker: _Speaker | None
    region: tuple[int, int]  # the attribution's own words (where its date and medium are read)
    content: tuple[int, int] | None = None
    kind: str = "say"  # say, tell, according, accuse, participle, colon, naming, parenthetical
    medium: str | None = None
    via: str | None = None
    tail: tuple[int, int] | None = None  # a parenthetical's words after it ("X, he said, Y": Y)
    mode: str | None = None  # what the content reports when not a claim: "act", "question", "naming" (Quote.mode)


_NAMING_VERBS: dict[int, re.Pattern[str]] = {}


def _naming_verbs(lex: Lexicon) -> re.Pattern[str]:
    """The forms of :data:`NAMING_LEMMAS` in the lexicon, as one pattern (once per lexicon)."""
    pat = _NAMING_VERBS.get(id(lex))
    if pat is None:
        forms = sorted((f for f, (lemma, cls) in lex.forms.items() if cls == "naming" and lemma in NAMING_LEMMAS), key=len, reverse=True)
        pat = _NAMING_VERBS[id(lex)] = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![\w'’-])")
    return pat


def _plural_form(word: str) -> bool:
    """A noun in the plural by its ending: "officials", "Saudis", "Israelis"; not "press", "campus", "crisis"."""
    return word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def _singular(phrase: str) -> bool:
    """Whether a speaker phrase is one singular noun phrase ("a court", "Trump"), which a bare verb
    form cannot follow as its subject ("a court order"); "officials", "police", "I", "you", "we",
    "they" and "X and Y" can."""
    words = phrase.split()
    if not words:
        return False
    low = [w.lower().strip(".,'’") for w in words]
    if any(w in ("and", "&", "or") or w in PREPOSITIONS or w in QUANTITY_WORDS or w[:1].isdigit() for w in low):
        return False  # "critics of the plan", "nine in 10 voters", "a majority": not judged
    head = low[-1]
    if head in ("i", "you", "we", "they") or head in PLURAL_NOUNS:
        return False
    return not _plural_form(head)


def _plural(phrase: str) -> bool:
    """Whether a speaker phrase is plural by its form: "show insiders", "officials of the agency",
    "the police", "X and Y"; a name, "the agency" and "the head of the agency" are not."""
    low = [w.lower().strip(".,'’") for w in phrase.split()]
    if not low:
        return False
    if any(w in ("and", "&") for w in low):
        return True
    cut = next((i for i, w in enumerate(low) if w in PREPOSITIONS and i > 0), len(low))
    head = low[cut - 1]
    return head in PLURAL_NOUNS or (_plural_form(head) and phrase.split()[cut - 1][:1].islower())


# Words after which a cue's form is a noun: an article or a possessive ("his claims", "the
# reports"), or, before an -s form, a plural quantifier ("many promises"; "many say" is a verb).
NOUN_MARKERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "no", "such", "every"})
PLURAL_QUANTIFIERS = frozenset({"many", "several", "few", "both", "all", "some", "most", "two", "three", "four", "five", "numerous", "countless"})


# Initials of places that end sentences ("the U.S."), and the words that open the next one.
PLACE_INITIALS = frozenset({"u.s", "u.n", "u.k", "d.c", "e.u"})
OPENS_SENTENCE = re.compile(r"\s+(?:While|But|The|He|She|It|They|We|I|In|However|This|That|There|Although|Though|When|After|Before|Since|Meanwhile|Still|Yet|And|So)\s")


def _noun_use(before: str, form: str, lemma: str) -> bool:
    """Whether a cue's ``form``, after ``before``, is a noun ("many promises he made")."""
    m = re.search(r"([\w'’]+)\s+$", before[-80:])
    if m is None:
        return False
    prev = m.group(1).lower()
    if re.fullmatch(r"[a-z][\w.-]*['’]s", prev) and prev[:-2] not in ("it", "that", "there", "what", "here", "he", "she", "who", "let"):
        # "discounted Pyongyang's claims": a possessive's noun; "Obama's said", "Trump's claimed": "has"
        return form.endswith("s") or form == lemma
    return prev in NOUN_MARKERS or (prev in PLURAL_QUANTIFIERS and form != lemma and form.endswith("s") and not form.endswith("ss"))


def _place_tag(seg: str) -> bool:
    """A state after a town or a party-and-state tag ("Va.", "N.Y.", "R-Ky.", "D-Md."), set off by
    commas after a name: never the speaker."""
    seg = seg.strip()
    return bool(PARTY_TAG.match(seg)) or (seg.endswith(".") and seg.lower().rstrip(".") in AP_STATES)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    frame: _Frame | None = None
    para: int = 0
    pair: Pair | None = None
    speaker: _Speaker | None = None
    cue: str | None = None
    medium: str | None = None
    via: str | None = None
    region: tuple[int, int] | None = None
    inherited: _Found | None = None
    dropped: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _normalise(text: str) -> str:
    try:
        from newsprism.stages.nlp import normalise

        return normalise(text)
    except Exception:  # noqa: BLE001 — spaCy-free fallback; one character for one either way
        table: dict[str, str | int | None] = {"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "}
        return text.translate(str.maketrans(table))


# ----------------------------------------------------------------------------- the extractor


class _Extractor:
    """Quotes of one article (see the module docstring for the passes)."""

    def __init__(self, article: Article, lex: Lexicon, min_unattributed_words: int = 6) -> None:
        self.art = article
        self.lex = lex
        self.raw = article.raw_text
        self.text = _normalise(article.raw_text)
        self.min_words = min_unattributed_words
        self.titles = _title_words()
        self.kb_gender_words = _gender_words()
        self.mentions = sorted(article.mentions, key=lambda m: (m.span.start, m.span.end))
        self.mention_starts = [m.span.start for m in self.mentions]
        self.types = {a.id: a.type for a in article.actors}
        self.roles = {a.id: tuple(a.roles) for a in article.actors}
        self.names = {a.id: a.name for a in article.actors}
        self._genders: dict[str, str | None] | None = None  # person_genders, read at the first pronoun
        self.dates = sorted((d for d in article.dates if d.value.known), key=lambda d: d.span.start)
        self.date_spans = sorted((d.span.start, d.span.end) for d in article.dates)
        self._date_starts = [a for a, _ in self.date_spans]
        # The title is read too ("Trump Says He Never Pledged ...", "Kasich: ‘We Are Going To Go All The Way’").
        self.paras = [(ln.start, ln.end) for ln in article.lines if ln.role in ("body", "title") and self.raw[ln.start : ln.end].strip()]
        self.titles_at = [(ln.start, ln.end) for ln in article.lines if ln.role == "title"]
        self.quoted: list[tuple[int, int]] = []  # every quoted or statement region, for pronouns
        self.found: list[_Found] = []
        self.sent_bounds = sorted({(s.start, s.end) for s in article.sentences})
        self.work = self.text
        self._person_keys: dict[str, set[str]] | None = None
        self._outer_region: dict[int, tuple[int, int]] = {}

    # -- small helpers ----------------------------------------------------------------

    def _mentions_in(self, s: int, e: int) -> list[ActorMention]:
        i = bisect.bisect_left(self.mention_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < e:
            m = self.mentions[i]
            if m.span.end <= e:
                out.append(m)
            i += 1
        return out

    def _in_date(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._date_starts, pos) - 1
        while k >= 0:  # spans sorted by start; a longer one further back may still hold pos
            a, b = self.date_spans[k]
            if a <= pos < b:
                return a, b
            if pos - a > 200:
                break
            k -= 1
        return None

    def _tokens(self, s: int, e: int) -> list[tuple[int, int]]:
        return [(s + m.start(), s + m.end()) for m in TOKEN.finditer(self.work[s:e])]

    def _is_quoted(self, s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in self.quoted)

    # -- pass 1: statements --------------------------------------------------------------

    def statements(self) -> set[int]:
        """Whole statements reproduced without marks; returns the paragraph indexes they take."""
        taken: set[int] = set()
        for pi, (ls, le) in enumerate(self.paras):
            if pi in taken:
                continue
            line = self.text[ls:le]
            for pat in self.lex.statement_intros:
                m = pat.search(line)
                if m is None:
                    continue
                if '"' in line[m.end() :]:
                    break  # the statement is quoted right there: the marks will find it
                rest = list(range(pi + 1, len(self.paras)))
                if not rest or self.raw[self.paras[rest[0]][0]] in DOUBLE_OPEN + DOUBLE_EITHER + SINGLE_OPEN:
                    break  # the statement that follows is in quotation marks: the marks will find it
                # The statement runs to the end of the body (a reproduced text is the rest of the page).
                first, last = self.paras[rest[0]][0], self.paras[rest[-1]][1]
                if len(WORDS.findall(self.text[first:last])) < 8:
                    break
                sent = self._sentence_around(ls + m.start(), ls, le)
                speaker = self._statement_speaker(sent[0], sent[1], ls + m.start(), ls + m.end())
                medium = " ".join((m.groupdict().get("medium") or "").split()) or None
                frame = _Frame(cue=" ".join(m.group(0).split()), cue_start=ls + m.start(), cue_end=ls + m.end(), speaker=speaker, region=sent, kind="statement", medium=medium)
                f = _Found(first, last, "statement", frame=frame, para=rest[0], speaker=speaker, cue=frame.cue, medium=medium, region=sent)
                f.via = self._via(sent[0], sent[1])
                self.found.append(f)
                self.quoted.append((first, last))
                taken.update(rest)
                taken.add(pi)
                break
        return taken

    def _statement_speaker(self, s: int, e: int, ms: int, me: int) -> _Speaker | None:
        by = re.search(r"\bby\s+", self.text[ms:e])
        if by:
            start = ms + by.end()
            # The speaker phrase runs to the comma of an apposition, a date or the sentence end.
            stop = re.search(r",|\s+on\s+|\s+in\s+|\.\s*$|$", self.text[start:e])
            end = start + (stop.start() if stop else 0)
            sp = self._speaker_from_np(start, end)
            if sp is not None:
                return sp
        np = self._np_before(ms, s)
        return self._speaker_from_np(*np) if np else None

    # -- broadcast sound bites -----------------------------------------------------------

    def speaker_labels(self, skip: set[int]) -> set[int]:
        """Transcript turns ("SMITH: We are ready.", "JANE ROE, PROFESSOR: ..."); returns their paragraphs.

        A turn whose label names a person of the article is that person's direct quote (cue
        "transcript"); the broadcaster's own staff (``transcript_staff`` in reporting_verbs.json:
        host, anchor, reporter) speak in the outlet's voice and give no quote.
        """
        taken: set[int] = set()
        staff = self.lex.transcript_staff
        plain = self._plain_turns(skip)
        for pi, (ls, le) in enumerate(self.paras):
            if pi in skip:
                continue
            m = SPEAKER_LABEL.match(self.text, ls, le) or plain.get(pi)
            if m is None or len(WORDS.findall(self.text[m.end() : le])) < 3:
                continue
            label = m.group("label")
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", label)}
            if words & self.lex.transcript_notes:
                taken.add(pi)  # "EDITOR'S NOTE: An earlier version of this report misstated ...": no one's words
                continue
            if words & staff:
                continue  # the outlet's own voice: its reports ("ANCHOR: The minister said ...") are read as usual
            name = label.split(",")[0].split("(")[0].rstrip()
            sp = self._label_speaker(m.start("label"), m.start("label") + len(name))
            if sp is None:
                continue
            f = _Found(m.end(), le, "direct", para=pi, speaker=sp, cue="transcript", medium="broadcast", region=(ls, m.end()))
            f.extra["bite"] = True
            self.found.append(f)
            self.quoted.append((m.end(), le))
            taken.add(pi)
        return taken

    def _plain_turns(self, skip: set[int]) -> dict[int, re.Match[str]]:
        """Turns labelled with a name in plain case ("Chris Matthews: Seriously, ...", "Lopez:
        Well, ..."), paragraph -> label match: read only in an exchange, two such turns or more by
        two people or more, and only a turn that speaks as someone does (a first or second person,
        or a question), not a results list ("Smith: 3 goals"), a profile ("Bell: Age 54.") or a
        scorecard (a review found those)."""
        found: dict[int, re.Match[str]] = {}
        who: set[str] = set()
        for pi, (ls, le) in enumerate(self.paras):
            if pi in skip or any(a <= ls < b for a, b in self.titles_at) or SPEAKER_LABEL.match(self.text, ls, le):
                continue
            m = NAME_LABEL.match(self.text, ls, le)
            if m is None or not self._whole_person(m.start("label"), m.end("label")):
                continue
            if SPOKEN_TURN.search(self.text, m.end(), le):
                found[pi] = m
                who.add(m.group("label").split()[-1].lower())
        return found if len(who) >= 2 and len(found) >= 2 else {}

    def _whole_person(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` is one person's name and nothing else: a person's mention from end to
        end, or a lone name the article gives a person in full ("Lopez" after "Luciana Lopez")."""
        ms = [m for m in self._mentions_in(s, e) if self.types.get(m.actor) == "PERSON"]
        if ms:
            return ms[0].span.start <= s and ms[-1].span.end >= e
        found = self._actor_by_name(s, e) if " " not in self.text[s:e] else None
        return found is not None and self.types.get(found.actor) == "PERSON"

    def _label_speaker(self, s: int, e: int) -> _Speaker | None:
        """The person a transcript label names: a person mention in it, else an article's person by
        the label's last word (its capitals matched without case, as for "Marr said")."""
        ms = [m for m in self._mentions_in(s, e) if self.types.get(m.actor) == "PERSON"]
        found = ms[-1] if ms else self._actor_by_name(s, e)
        if found is None:
            return None
        return _Speaker(s, e, self.raw[s:e], found.actor, found.span, self.names.get(found.actor))

    def captions(self, skip: set[int]) -> None:
        """Sound bites under an on-screen caption (see the module docstring)."""
        for pi, (ls, le) in enumerate(self.paras):
            if pi in skip or " / " not in self.text[ls:le]:
                continue
            sents = [(a, b) for a, b in self.sent_bounds if ls <= a and b <= le]
            for k, (a, b) in enumerate(sents):
                m = CAPTION.fullmatch(self.text, a, b)
                if m is None or len(m.group("role").split()) > 12 or _is_credit(m.group("role")):
                    continue
                sp = self._speaker_from_np(m.start("name"), m.end("name"))
                if sp is None or sp.actor is None or self.types.get(sp.actor) not in ("PERSON", "ORG"):
                    continue
                if k + 1 < len(sents):
                    start, end = sents[k + 1]
                    for c, d in sents[k + 2 :]:
                        if c == end or CAPTION.fullmatch(self.text, c, d):
                            break  # glued on without a space (an element the page ran together) or the next caption
                        end = d
                    para = pi
                elif pi + 1 < len(self.paras) and pi + 1 not in skip:
                    (start, end), para = self.paras[pi + 1], pi + 1
                else:
                    continue
                if len(WORDS.findall(self.text[start:end])) < 3:
                    continue
                f = _Found(start, end, "direct", para=para, speaker=sp, cue="caption", medium="broadcast", region=(a, b))
                f.extra["bite"] = True
                self.found.append(f)
                self.quoted.append((start, end))

    # -- pass 2 and 3: marks and frames, paragraph by paragraph ------------------------------

    def _sentence_around(self, pos: int, ls: int, le: int) -> tuple[int, int]:
        for a, b in self._units(ls, le, []):
            if a <= pos < b:
                return a, b
        return ls, le

    def _units(self, ls: int, le: int, pairs: Sequence[Pair]) -> list[tuple[int, int]]:
        """Sentences of a paragraph, joined where a boundary falls inside a quote."""
        i = bisect.bisect_left(self.sent_bounds, (ls, -1))
        cuts: list[int] = []
        while i < len(self.sent_bounds) and self.sent_bounds[i][0] < le:
            s, _ = self.sent_bounds[i]
            if s > ls:
                cuts.append(s)
            i += 1
        # The model's sentences, and the plain full stops it misses (often before an opening mark).
        cuts = sorted(set(cuts) | set(self._regex_cuts(ls, le)))
        if pairs:
            # A cut inside a quote (some pair opens before it and closes at or after it): the
            # largest close among the pairs opened before the cut says so.
            spans = sorted((p.open, p.close) for p in pairs)
            opens = [o for o, _ in spans]
            reach = list(itertools.accumulate((c for _, c in spans), max))
            cuts = [c for c in cuts if not ((k := bisect.bisect_left(opens, c)) and reach[k - 1] >= c)]
        # the last character inside each quote, by the quote's end (a closing mark may be two: '')
        ends = {p.end: p.close - 1 for p in pairs}
        # A "sentence" after a quote that is only its attribution belongs to it:
        # “...?” he asked. / “Whose harbour is it?” Calloway said of the port.
        keep = []
        for c in cuts:
            k = c  # the end of the text before the cut, spaces left out
            while k > ls and self.text[k - 1].isspace():
                k -= 1
            closes = k in ends
            if closes and self.text[c : c + 1].islower():
                continue
            if closes and k - ls >= 2 and self.text[ends[k]] in "?!,.":
                head = re.match(r"(?:[A-Z][\w.'’-]*\s+){1,5}", self.text[c : c + 80])
                cue = self.lex.cue.match(self.text, c + head.end()) if head else None
                if cue is not None:
                    nxt = min([x for x in cuts if x > c] + [le])
                    tail = self.text[cue.end() : nxt]
                    # Only an attribution joins, not a new report ("Ginsburg said ... that she ...").
                    # After a quote closed by a full stop (“... ship.” Valde said.) only a bare one
                    # does: a cue and at most a time or place ("Valde said the talks go on" reports anew).
                    if self.text[ends[k]] == "." and (not ATTRIBUTION_TAIL.fullmatch(tail) or TAIL_VERB.search(tail) or self._framed_before(k, ls, pairs)):
                        pass
                    elif not re.search(r"\bthat\b", tail) and len(WORDS.findall(tail)) <= 14:
                        continue
            keep.append(c)
        bounds = [ls, *sorted(set(keep)), le]
        out = []
        for a, b in pairwise(bounds):
            while b > a and self.text[b - 1].isspace():
                b -= 1
            while a < b and self.text[a].isspace():
                a += 1
            if b > a:
                out.append((a, b))
        return out

    def _framed_before(self, k: int, ls: int, pairs: Sequence[Pair]) -> bool:
        """The quote closing at ``k`` is introduced in its own sentence ("Rusk said: “...”"): a
        colon or a cue between the sentence's start and its opening mark."""
        p = next((p for p in pairs if p.end == k), None)
        if p is None:
            return False
        before = self.text[ls : p.lo]
        ends = [m.end() for m in re.finditer(r"[.!?][\"”’)]*\s", before)]
        before = before[ends[-1] :] if ends else before
        return bool(re.search(r":\s*$", before) or any(self._speech_cue(mm.group(0)) for mm in self.lex.cue.finditer(before)))

    def _regex_cuts(self, ls: int, le: int) -> list[int]:
        out = []
        for m in SENT_END.finditer(self.text, ls, le):
            word = re.search(r"([A-Za-z.]+)\.?$", self.text[max(ls, m.start() - 60) : m.start() + 1])  # the word before
            w = word.group(1).lower().rstrip(".") if word else ""
            if self.text[m.start()] == "." and (w in ABBREV or len(w) == 1) and not (w in PLACE_INITIALS and OPENS_SENTENCE.match(self.text, m.end())):
                continue  # (but "entering the U.S. While Clinton ...": a place's initials end a sentence before "While")
            nxt = m.end()
            while nxt < le and self.text[nxt].isspace():
                nxt += 1
            if nxt < le:
                out.append(nxt)
        return out

    def paragraphs(self, skip: set[int]) -> None:
        pairs_by_para: list[list[Pair]] = []
        runs: dict[int, int] = {}
        for pi, (ls, le) in enumerate(self.paras):
            if pi in skip:
                pairs_by_para.append([])
                continue
            pairs, left = quote_pairs(self.raw, ls, le)
            if left is not None:
                nxt = self.paras[pi + 1] if pi + 1 < len(self.paras) else None
                opens_next = nxt is not None and self.raw[nxt[0] : nxt[0] + 1] in DOUBLE_OPEN + DOUBLE_EITHER
                if opens_next:
                    pairs.append(Pair(left, le, True, runs_on=True))
                    runs[pi] = left
            pairs = [p for p in pairs if p.close > p.open + 1]
            pairs_by_para.append(pairs)
            for p in pairs:
                self.quoted.append((p.start, p.end))
        self._mask(p for ps in pairs_by_para for p in ps)
        for pi, (ls, le) in enumerate(self.paras):
            if pi in skip:
                continue
            self._paragraph(pi, ls, le, pairs_by_para[pi])

    def _mask(self, pairs: Iterable[Pair]) -> None:
        """``self.work``: the normalised text with each quote replaced by ``"QQQ…"`` (offsets kept)."""
        chars = list(self.text)
        for p in pairs:
            a, b = p.start, (p.close if p.runs_on else p.end)
            for k in range(a, b):
                chars[k] = "Q"
            chars[a] = '"'
            if not p.runs_on:
                chars[b - 1] = '"'
        self.work = "".join(chars)

    def _paragraph(self, pi: int, ls: int, le: int, pairs: list[Pair]) -> None:
        units = self._units(ls, le, pairs)
        by_open = sorted(pairs, key=lambda p: p.open)
        opens = [p.open for p in by_open]
        for us, ue in units:
            up = by_open[bisect.bisect_left(opens, us) : bisect.bisect_left(opens, ue)]
            masked = self.work[us:ue]
            frames = self._frames(us, ue, masked, up)
            self._quotes_of_unit(pi, us, ue, masked, up, frames)
            self._indirect_of_unit(pi, us, ue, masked, up, frames)

    # -- frames --------------------------------------------------------------------------

    def _frames(self, us: int, ue: int, masked: str, pairs: Sequence[Pair]) -> list[_Frame]:
        frames: list[_Frame] = []
        for m in self._cues(masked, us, ue):
            cs, ce = us + m.start(), us + m.end()
            form = self.text[cs:ce]
            info = self.lex.lemma(form)
            if info is None:
                continue
            lemma, cls = info
            if lemma == "quote" and NOUN_QUOTES_BEFORE.search(masked[: m.start()]):
                continue  # "making air quotes", "in scare quotes": the noun, no one quoting
            if form[:1].isupper() and m.start() != 0:
                # A capital mid-line is a name's, but for a headline's verb of saying ("Trump Says He
                # Never Pledged ..."), followed by its clause, not a preposition ("Things Latinos Said In 2015").
                nxt = masked[m.end() :].split()[:1]
                if form.lower() == lemma or lemma not in HEADLINE_SAY or not nxt or nxt[0].lower().strip(",:") in HEADLINE_NOT_CLAUSE:
                    continue
            fr = self._frame_at(us, ue, masked, cs, ce, form, lemma, cls, frames)
            if fr is not None:
                frames.append(fr)
                if fr.tail is not None:  # "X, he said, Y": Y is his words too, a second record
                    frames.append(replace(fr, content=fr.tail, tail=None))
        frames.extend(self._relayed(frames, self._according(us, ue, masked)))
        frames.extend(self._acted_after_quote(us, masked, frames))
        titled = self._title_colon(us, ue, masked)
        if titled is not None and not any(f.cue_start < titled.cue_start for f in frames):
            frames.append(titled)
        frames.sort(key=lambda f: f.cue_start)
        return self._nest(frames)

    def _acted_after_quote(self, us: int, masked: str, frames: Sequence[_Frame]) -> list[_Frame]:
        """“France will always be France,” an angry Hollande retaliated.": a verb the vocabulary does
        not list ("retaliated", "sighed", "shrugged"), right after a quotation and a person, ending
        the sentence, attributes the quotation to that person (the reading found Hollande's words
        with no speaker). Only a person or "he"/"she": "the army retaliated" reports no words."""
        out = []
        for m in ACTED_AFTER_QUOTE.finditer(masked):
            cs = us + m.start("verb")
            if any(f.cue_start <= cs < f.cue_end for f in frames):
                continue
            sp = self._speaker_from_np(us + m.start("np"), us + m.end("np"), lenient=True)
            if sp is None or (sp.actor is None and not sp.pronoun) or (sp.actor is not None and self.types.get(sp.actor) != "PERSON"):
                continue
            out.append(_Frame(m.group("verb"), cs, us + m.end("verb"), sp, (sp.start, us + m.end("verb")), None, "after-quote"))
        return out

    def _speech_cue(self, form: str) -> bool:
        """Whether a cue form is a verb of saying, not a finding's ("found", "shows": read only with
        a poll's or a report's phrase before them, in ``_frame_at``)."""
        info = self.lex.lemma(form)
        return info is None or info[1] != "finding"

    def _finding_source(self, sp: _Speaker) -> bool:
        """A poll, a study or a report ("a new CNN poll", "the survey", "the Quinnipiac Poll"), whose
        findings the verbs "show", "find", "indicate" report (``finding_sources``)."""
        words = re.findall(r"[\w'’-]+", self.text[sp.start : sp.end].lower())
        # the noun heads the phrase: "most people in the survey" are people, no survey
        return bool(words) and words[-1] in self.lex.finding_sources and not any(w in PREPOSITIONS for w in words)

    def _title_colon(self, us: int, ue: int, masked: str) -> _Frame | None:
        """A title's "Speaker: what was said" ("Graham: Trump's Rhetoric Destroying GOP's Chance"):
        the words after the colon are the speaker's, reported, when a person or an organisation
        names the phrase before it ("Exclusive:", "Ukraine:", "Karsk Floods:" label the story)."""
        if not any(a <= us < b for a, b in self.titles_at):
            return None
        m = re.match(r"\s*[^:\"]{2,60}?(?=:\s+\S)", masked)
        if m is None:
            return None
        colon = us + m.end()
        # "Clinton to Planned Parenthood:", "Former AG Mukasey at RNC:": to whom or where, after the name
        where = re.search(r"\s+(?P<prep>to|at|before)\s+(?P<what>[^:]{1,40})$", masked[: m.end()])
        if where is not None and not self._title_audience(us + where.start("what"), colon, where.group("prep")):
            return None  # "Obama at 60:", "Messi to Miami:", "Nadal to Retire:"
        sp = self._speaker_from_np(us + len(masked) - len(masked.lstrip()), us + where.start() if where else colon)
        if sp is None or sp.ref is None or not self._titled_speaker(sp):
            return None
        if any(w.lower().strip(".") not in self.titles for w in self.text[sp.start : sp.ref.start].split()):
            return None  # "Big Win For Bernie:": the name closes a phrase that is no one speaking
        c0 = colon + 1 + len(masked[m.end() + 1 :]) - len(masked[m.end() + 1 :].lstrip())
        c1 = self._content_end(c0, ue, masked, us)
        if len(WORDS.findall(self.text[c0:c1])) < 3 or not TITLE_SPEECH.search(self.text[c0:c1]):
            return None  # "Elon Musk: A Timeline of ...", "Tesla: Deliveries Fall 8 Percent": a topic, no one's words
        return _Frame(":", colon, colon + 1, sp, (sp.start, colon + 1), (c0, c1), "colon")

    def _title_audience(self, s: int, e: int, prep: str) -> bool:
        """Whether the words after a title speaker's "to" or "at" are whom they spoke to or where: a
        person, a body, a people or a plural group ("to Planned Parenthood", "to Supporters", "at
        RNC"); never a number ("at 60"), a place ("to Miami") or a verb ("to Retire")."""
        words = self.text[s:e].split()
        if not words or words[0][:1].isdigit():
            return False
        ms = self._mentions_in(s, e)
        if ms:
            return all(self.types.get(m.actor) in ("PERSON", "ORG", "NORP") for m in ms) or (prep == "at" and not any(self.types.get(m.actor) == "PERSON" for m in ms))
        return len(words) <= 3 and words[-1].lower().endswith("s") and words[-1][:1].isupper()

    def _cues(self, masked: str, us: int, ue: int) -> list[re.Match[str]]:
        """The cue verbs of a unit in order: the verbs of saying, and the naming verbs that say what
        their subject called something ("called", "described ... as"; see :data:`NAMING_CALL`).
        In a title-case headline, capitalised ones too ("Trump Says He Never Pledged ...")."""
        if re.search(r"\b[A-Z][a-z]+s\b", masked) and self._headline_unit(us, ue):
            masked = re.sub(r"\b[A-Z][a-z]+\b", lambda w: w.group(0).lower(), masked)  # same length
        found = list(self.lex.cue.finditer(masked))
        if NAMING_HINT.search(masked):
            found.extend(_naming_verbs(self.lex).finditer(masked))
            found.sort(key=lambda m: m.start())
        return found

    def _headline_unit(self, us: int, ue: int) -> bool:
        """Whether ``[us, ue)`` lies in a title-case line of four words or more ("Hollande Says Trump
        Makes You Want To Retch"), where a capital marks no name."""
        ls = self.text.rfind("\n", 0, us) + 1
        le = self.text.find("\n", ue)
        line = self.text[ls : le if le >= 0 else len(self.text)]
        return len(line.split()) >= 4 and sum(ch.islower() for ch in line[:1]) == 0 and headline_cased(line) and not line.isupper()

    def _frame_at(self, us: int, ue: int, masked: str, cs: int, ce: int, form: str, lemma: str, cls: str, earlier: Sequence[_Frame]) -> _Frame | None:
        """The attribution frame of the cue at ``[cs, ce)``, or None when it is not one."""
        before = masked[: cs - us]
        participle = form.endswith("ing") and not lemma.endswith("ing")
        speaker: _Speaker | None = None
        kind = "say"
        with_np = re.search(r"(?:^|[\s,])with\s+([^,;:\"]{1,80}?)(?:\s+" + WITH_ADVERBS + r")?\s*$", before)  # "with Trump reportedly yelling"
        quoted_as = re.search(r"\bquot(?:ed|ing|es)\s+([^,;:\"]{1,80}?)\s+as\s*$", before)
        prior = [f for f in earlier if f.speaker is not None and f.kind != "participle"]
        infinitive = not participle and re.search(r"\bto\s+$", before) is not None and form == lemma
        coordinated = not participle and re.search(r"(?:,\s*|\s)(?:and|but|then)\s+(?:\w+ly\s+|also\s+|then\s+)?$", before) is not None
        if participle and quoted_as:
            kind = "participle"
            a = us + quoted_as.start(1)
            speaker = self._speaker_from_np(a, a + len(quoted_as.group(1)))
        elif (participle and (re.search(r"(?:,|[—–]|\s--?|\bby|\bafter|\bbefore|\bwhile|\bwhen)\s*(?:\w+ly\s+)?$", before) or self._comma_in_quote_before(cs))) or infinitive or coordinated:
            # ", adding that", "by saying", "went on to say", "noted that ... and added:": the clause's speaker.
            kind = "participle"
            speaker = prior[-1].speaker if prior else self._clause_speaker(us, cs, masked)
        elif participle and with_np:
            kind = "participle"
            a = us + with_np.start(1)
            speaker = self._speaker_from_np(a, a + len(with_np.group(1)))
        elif participle and MEDIUM_BEFORE_PARTICIPLE.search(before):
            # "she sent an email saying, “done”", "issued a statement saying ...": the sender
            kind = "participle"
            sent = list(SENDING.finditer(before))
            np = self._np_before(us + sent[-1].start(), us, masked) if sent else None
            speaker = self._speaker_from_np(*np) if np else None
        elif participle:
            return None  # "the saying", "was saying": left to the finite verbs
        elif _noun_use(before, form.lower(), lemma) or (form.lower() == "told" and re.search(r"(?:^|[.!?]\s+)All\s+$", before)):
            return None  # "broken many promises he made", "his claims": a noun, no verb; "All told, ..."
        elif form.lower() in NOUN_TOO and (adj := re.search(r"\b([a-z]{3,})\s+$", before)) and not (
            adj.group(1) in PRONOUNS or adj.group(1) in AUX or adj.group(1).endswith("ly") or self._speaker_noun(adj.group(1)) or adj.group(1) in self.titles
        ):
            return None  # "a handful of brave states that have ...", "false claims": a noun after its modifier
        else:
            np = self._np_before(cs, us, masked)
            if np is not None:
                after_quote = re.search(r"\"\s*,?\s*$", masked[: np[0] - us]) is not None
                speaker = self._speaker_from_np(*np, lenient=after_quote)
            if (
                speaker is not None
                and form.lower() == lemma
                and lemma not in PAST_AS_BASE
                and _singular(speaker.text)
                and not AUX_BEFORE_BARE.search(self.work[speaker.end : cs])
                and not PERCEIVED_BEFORE.search(self.work[max(us, speaker.start - 30) : speaker.start])
            ):
                return None  # "a court order", "the Trump tweet": a bare form after a singular noun is no verb of it
            if speaker is None:
                # ("found that 449 back Clinton" after a relative clause, "reality show “Cake Boss”":
                # a finding's source stands before its verb, never after it.)
                return self._inverted(us, ue, masked, cs, ce) if cls != "finding" else None
            if speaker.pronoun and speaker.text.lower() in ("it", "they", "he", "she"):
                speaker = self._continued_speaker(speaker, prior, cs)
            if HYPOTHETICAL_BEFORE.search(self.work[us : speaker.start]):
                return None  # "If Obama says it, it's true": a saying supposed, not reported
        if speaker is None:
            return None
        if cls == "finding" and not self._finding_source(speaker):
            return None  # "she found that ...": an inference, read only with verbs of belief on
        pos = ce
        region_start = speaker.start if speaker.start < cs else cs
        if form.lower() in self.lex.tell:
            pos = self._skip_addressee(pos, ue, masked, us)
            kind = "tell" if kind == "say" else kind
        elif (to := re.match(r"\s+to(?=\s)", masked[pos - us :])) is not None:
            # "wrote to his Twitter followers, “...”", "said to reporters: “...”": the one addressed
            q = self._skip_addressee(pos + to.end(), ue, masked, us)
            if q > pos + to.end() and re.match(r"\s*[,:]?\s*\"", masked[q - us :]):
                pos = q
        pos, medium, via = self._skip_adjuncts(pos, ue, masked, us)
        pos = self._addressed_at_end(pos, ue, masked, us, lemma)
        rest = masked[pos - us :]
        lead = re.match(r"\s*(?:,\s*)?", rest)
        p2 = pos + (lead.end() if lead else 0)
        rest2 = masked[p2 - us :]
        region = (region_start, pos)
        if cls == "accuse":
            acc = re.match(r"([^,;:\"]{1,80}?)\s+(?:of|for)\s+(?:\w+ly\s+)?(?:not\s+)?[a-z]+ing\b", rest2)
            if not acc:
                return None
            return _Frame(form, cs, ce, speaker, region, (p2, self._content_end(p2, ue, masked, us)), "accuse", medium, via)
        if cls == "naming":
            # "likely to describe her as likable": an infinitive names nothing that was said; nor
            # does the passive ("was referred to hospital", "described by colleagues as").
            passive = kind != "participle" and PASSIVE_BEFORE.search(self.work[speaker.end : cs]) is not None
            named = None if infinitive or passive else self._naming_content(p2, ue, masked, us, lemma)
            if named is None and not infinitive and not passive and RELATIVE_OBJECT.search(self.work[us : speaker.start]):
                # "efforts -- which Apple's chief executive, Tim Cook, called ''total political crap''":
                # the thing named is the relative pronoun's; the name follows the verb.
                quoted = re.match(r"\"Q*\"", rest2)
                named = (p2, p2 + quoted.end()) if quoted else None
            if named is None:
                return None
            return _Frame(form, cs, ce, speaker, region, named, "naming", medium, via, mode="naming")
        if rest2.startswith('"') or rest2.startswith(":"):
            # SPEAKER said: "..." — the quote is attributed in _quotes_of_unit.
            return _Frame(form, cs, ce, speaker, (region_start, p2), None, "before-quote", medium, via)
        if re.fullmatch(r"[\s.!?)\]]*", rest2) or re.match(r"(?:adding|saying|noting|according)\b", rest2) or (lead is not None and "," in lead.group(0) and re.match(r"[a-z]{3,}ing\b", rest2)):
            # The cue ends the clause: "“...,” SPEAKER said." or "CONTENT, SPEAKER said."
            head = masked[: speaker.start - us] if speaker.start >= us else ""
            # "CONTENT, SPEAKER said." — also when the content ends in a partial quote
            # ("... can “take their frustrations,” Sexton said.").
            mixed = re.search(r"\w[^\"]*\s\"Q*\"\s*,?\s*$", head) is not None and len(WORDS.findall(re.sub(r"\"Q*\"", "", head))) >= 3
            if kind != "participle" and (re.search(r",\s*$", head) or mixed) and not re.fullmatch(r"\s*\"Q*\"?\s*,?\s*", head):
                c1 = us + len(head.rstrip().rstrip(",").rstrip())
                c0 = self._content_start(us, c1, masked)
                if c1 - c0 >= 8:
                    return _Frame(form, cs, ce, speaker, (speaker.start, pos), (c0, c1), "inverted", medium, via)
            return _Frame(form, cs, ce, speaker, (region_start, pos), None, "after-quote", medium, via)
        head = masked[: speaker.start - us] if speaker.start >= us else ""
        that = re.match(r"that\b\s*", rest2)
        if not that and kind != "participle" and re.search(r"\"\s*,?\s*$", head):
            # “...,” SPEAKER said in a post, to update ...: an attribution after a quote, whatever follows.
            return _Frame(form, cs, ce, speaker, (region_start, pos), None, "after-quote", medium, via)
        if not that and kind == "say" and lead is not None and "," in lead.group(0) and re.search(r",\s*$", head):
            framed = self._parenthetical(us, ue, masked, head, p2)
            if framed is not None:
                return _Frame(form, cs, ce, speaker, (speaker.start, pos), framed[0], "parenthetical", medium, via, tail=framed[1])
        if that:
            c0 = p2 + that.end()
        else:
            if infinitive:
                return None  # "pledged to keep up her ministry's aid": an infinitive needs "that" or a quote
            # ("pleaded to witness tampering" is a plea in court; "pleaded with the judge to" asks)
            act = TO_ACT.match(rest2) if lemma in COMMIT_TO | DIRECT_TO and (lemma != "plead" or rest2.startswith("with")) else None
            if act is not None and (bool(act.group("who").strip()) <= (lemma in DIRECT_TO)) and not self._has_cue(act.group("who")):
                # "vowed to ban ...", "urged the board to resign": the act committed to or asked for is
                # what was said; not in the passive ("was ordered to leave": he said nothing).
                if PASSIVE_BEFORE.search(self.work[speaker.end : cs]):
                    return None
                c0 = p2
                if lemma in DIRECT_TO:  # the addressee too: "the board to resign", not "to resign"
                    c0 = ce + len(masked[ce - us :]) - len(masked[ce - us :].lstrip())
                c1 = self._content_end(c0, ue, masked, us)
                main = MAIN_CLAUSE_AFTER.search(self.work, c0, c1) or CIRCUMSTANCE_AFTER.search(self.work, c0, c1)
                if main:  # "Although Republicans vowed to do better, the party has done ...": the act ends at the comma,
                    c1 = main.start()  # and before "as he held summit talks": when it was pledged, not what
                if len(WORDS.findall(self.text[c0:c1])) < 3:
                    return None
                return _Frame(form, cs, ce, speaker, region, (c0, c1), kind, medium, via, mode="act")
            question = WH_QUESTION.match(rest2) if lemma in ASKING else None
            if question is not None and not PASSIVE_BEFORE.search(self.work[speaker.end : cs]):
                # "asked whether the yards would reopen", "asked reporters why ...": the question asked.
                c0 = p2 + question.start("wh")
                c1 = self._content_end(c0, ue, masked, us)
                main = MAIN_CLAUSE_AFTER.search(self.work, c0, c1)
                c1 = main.start() if main else c1
                return _Frame(form, cs, ce, speaker, region, (c0, c1), kind, medium, via, mode="question") if len(WORDS.findall(self.text[c0:c1])) >= 3 else None
            if lemma not in self.lex.zero_that and not rest2.startswith('"'):
                return None  # "added to the list", "noted the date": an object, not a clause
            if form[:1].isupper() and before.strip():  # mid-line, a headline's "Says" (not a sentence's first word)
                # A headline's verb: a clause must follow ("He Never Pledged", "Trump Should Win"),
                # not an object ("Announces Layoffs As Sales Drop", "Claims Victory In ...").
                finite = HEADLINE_CLAUSE.match(rest2[:80].lower())
            elif participle and OPENING_BEFORE_PARTICIPLE.fullmatch(before):
                finite = FINITE_HINT.search(rest2.split(",")[0][:80])  # "After announcing his support for X, Rubio ...": the clause ends at the comma
            else:
                finite = FINITE_HINT.search(rest2[:80])
            sub = SUBORDINATE_FIRST.match(rest2)
            main_clause = rest2[sub.end() :] if sub else rest2
            finite = finite or PRONOUN_CLAUSE.match(main_clause)  # "said they welcome ...": a subject pronoun opens a clause
            if not (CLAUSE_START.match(main_clause) or AUX_SOON.match(main_clause) or BARE_SUBJECT.match(main_clause) or NUMBER_SUBJECT.match(main_clause)) or (not finite and '"' not in rest2[:60]):
                return None
            if NOT_CONTENT_OBJECT.match(rest2):
                return None  # "said a prayer for the man who lost ...", "told the story of the night ..."
            c0 = p2
        while c0 < ue and self.text[c0] in " ,;:":
            c0 += 1  # "found that, despite the cuts, spending rose": the content opens after the comma
        c1 = self._content_end(c0, ue, masked, us)
        if len(WORDS.findall(self.text[c0:c1])) < 2:
            return None
        if cls == "finding" and (re.match(r"(?:its|their|his|her)\s+way\b", self.text[c0:c1]) or LATER_ATTRIBUTION.search(self.work, c0, c1)):
            return None  # "the report found its way into ..."; "The data suggest X, economist Lisa Park said": hers
        return _Frame(form, cs, ce, speaker, region, (c0, c1), kind, medium, via)

    def _naming_content(self, p2: int, ue: int, masked: str, us: int, lemma: str) -> tuple[int, int] | None:
        """What a speaker called something, the thing and the name together ("called the statement
        “offensive”", "calling them rapists", "described his rival as “a bully”"); None when the
        verb names nothing (“called for”, “called a news conference”, “described how”)."""
        rest = masked[p2 - us :]
        if lemma == "refer":
            to = re.match(r"to\s+", rest)
            if not to:
                return None
            p2, rest = p2 + to.end(), rest[to.end() :]
        m = (NAMING_CALL if lemma in NAMING_CALL_VERBS else NAMING_AS).match(rest)
        if not m or (re.search(r"\b(?:[a-z]+ed|said|told|wrote|spoke)\b", m.group("obj") or m.group(0)[:12]) and self._has_cue(m.group("obj") or "")):
            return None  # a verb of its own inside ("the claims" is a noun; "who said" is not)
        if lemma not in NAMING_CALL_VERBS:
            comp = m.group("comp")
            if '"' not in comp and STRICT_FINITE.search(comp):
                return None  # "dismissed his chief of staff as the scandal grew": "as" opens a clause
            if lemma == "dismiss" and not re.match(r"(?:a|an)\b|(?:[\w'’-]+\s+){0,3}\"", comp):
                return None  # "dismissed Marr as chief executive": fired, not called
            if lemma == "refer" and not re.match(r"[A-Z]|(?:the|a|an|his|her|their|its|this|that|these|those|him|her|them|it|himself|herself|themselves)\b", m.group("obj")):
                return None  # "was referred to hospital as a precaution"
        c1 = p2 + m.end()
        while c1 > p2 and self.text[c1 - 1] in " ,;:.":
            c1 -= 1
        return (p2, c1) if len(WORDS.findall(self.text[p2:c1])) >= 2 else None

    def _parenthetical(self, us: int, ue: int, masked: str, head: str, p2: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """ "Many of the closures, he said, have involved public courses": an attribution set in
        the speaker's sentence between commas. Both sides are the speaker's words: the head (three
        words or more, no quotation) and the tail (a clause with a finite verb to the sentence's
        end). None when either side is no such thing."""
        c1 = us + len(head.rstrip().rstrip(",").rstrip())
        c0 = self._content_start(us, c1, masked)
        t1 = self._content_end(p2, ue, masked, us)
        tail = masked[p2 - us : t1 - us]
        if len(WORDS.findall(self.text[c0:c1])) < 3 or '"' in masked[c0 - us : c1 - us] or '"' in tail:
            return None
        if TIME_TAIL.match(tail) or (re.match(r"\s*(?:a|an)\s", tail) and not STRICT_FINITE.search(tail[:80])):
            # ", two days after voters went to the polls": when it was said, no words of it; ", a
            # huge sum for a firm with 35 partners": the writer's gloss on the head, no clause
            return (c0, c1), None
        if len(WORDS.findall(tail)) < 2 or not FINITE_HINT.search(tail[:80]):
            return None
        return (c0, c1), (p2, t1)

    def _inverted(self, us: int, ue: int, masked: str, cs: int, ce: int) -> _Frame | None:
        """``“...,” said SPEAKER`` and ``CONTENT, said SPEAKER.`` (the cue before its speaker)."""
        before = masked[: cs - us]
        after = masked[ce - us :]
        if not re.search(r"[,\"]\s*$", before):
            return None
        quote_before = before.rstrip().endswith('"') or before.rstrip().endswith('",')
        # Full stops of titles and initials do not end the speaker ("said Rep. Hakeem Jeffries").
        after = TITLE_DOT.sub(lambda m: m.group(0)[:-1] + "·", after)
        sp = None
        a = b = ce
        # The speaker runs to the next comma or full stop; failing that, to an adjunct ("says a source in ...").
        for pat in (r"\s*([^,;:.\"!?]{1,100})(?=\s*(?:,|\.|;|$))", r"\s*([^,;:.\"!?]{1,80}?)(?=\s*(?:,|\.|;|$|\s+(?:in|on|at|during|to|after|before|of|about|while|as|when|last|this|earlier)\b))"):
            m = re.match(pat, after)
            if not m or not m.group(1).strip() or m.group(1).split()[0].lower() in PREPOSITIONS:
                continue
            # The speaker ends where a clause of its own begins ("said a docker while Rusk looked on").
            head = CLAUSE_OPENER.split(m.group(1))[0]
            if not head.strip():
                continue
            if self._has_cue(head):
                # "..., state media reported Monday": the cue is the later verb, whose subject
                # begins with a word that can also be a verb ("state", "report").
                return None
            a = ce + m.start(1)
            b = a + len(head.rstrip())
            sp = self._speaker_from_np(a, b, lenient=quote_before)
            if sp is not None:
                break
        if sp is None:
            return None
        # An apposition after the speaker ("said Ms. Rusk, the second-ranking harbour commissioner").
        end = b
        for _ in range(3):  # "said Rita Katz, the director of SITE, which tracks ...": a chain of them
            app = re.match(r",\s+(?:the|a|an|who|now|[a-z0-9])[^,;\"]{0,120}?(?=,|\.|;|$)", masked[end - us :])
            if not app:
                break
            end += app.end()
        end, medium, via = self._skip_adjuncts(end, ue, masked, us)
        if before.rstrip().endswith('"') or before.rstrip().endswith('",'):
            return _Frame(self.text[cs:ce], cs, ce, sp, (cs, end), None, "after-quote", medium, via)
        if not self._tail_is_empty(end, ue, masked, us):
            return None
        c1 = us + len(before.rstrip().rstrip(",").rstrip())
        c0 = self._content_start(us, c1, masked)
        if c1 - c0 < 8:
            return None
        return _Frame(self.text[cs:ce], cs, ce, sp, (cs, end), (c0, c1), "inverted", medium, via)

    def _has_cue(self, phrase: str) -> bool:
        """Whether ``phrase`` holds an inflected reporting verb ("reported", "says"; a bare
        form may be a noun, "the report", and a participle may modify one)."""
        for m in self.lex.cue.finditer(phrase):
            form = m.group(0)
            info = self.lex.lemma(form)
            if form[:1].islower() and not form.endswith("ing") and info is not None and info[0] != form.lower():
                return True
        return False

    def _tail_is_empty(self, pos: int, ue: int, masked: str, us: int) -> bool:
        tail = masked[pos - us :]
        return re.fullmatch(r"[\s.!?,;:)\]]*|\s*,\s*(?:adding|saying|noting|according)\b.*", tail, re.S) is not None

    def _content_start(self, us: int, c1: int, masked: str) -> int:
        s = us
        m = re.match(r"\s*(?:(?:But|And|Yet|So|Still)\s+)?", masked[: c1 - us])
        if m:
            s = us + m.end()
        return s

    def _content_end(self, c0: int, ue: int, masked: str, us: int) -> int:
        rest = masked[c0 - us :]
        cut = len(rest)
        m = re.search(r",\s*(?:adding|saying|noting|explaining|insisting|arguing|warning|stressing|claiming|calling|describing|according to)\b|;\s+(?=[a-z]+\s+(?:said|added|noted))", rest)
        if m:
            cut = m.start()
        gloss = WRITERS_GLOSS.search(rest, 0, cut)
        if gloss:
            cut = gloss.start()  # "... to attack them – a claim that Moscow has denied": the writer's words
        c1 = c0 + cut
        while c1 > c0 and (self.text[c1 - 1].isspace() or self.text[c1 - 1] in ",;:—–-"):
            c1 -= 1
        # The closing full stop is the sentence's, not the content's.
        if c1 > c0 and self.text[c1 - 1] == "." and masked[c1 - 1 - us] == ".":
            c1 -= 1
        return c1

    def _skip_addressee(self, pos: int, ue: int, masked: str, us: int) -> int:
        rest = masked[pos - us :]
        m = re.match(r"\s+((?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?[\w'’.-]+(?:\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w'’.-]*){0,4}(?:\s+(?:reporters|journalists|correspondents|officials|lawmakers|supporters|members|staff))?)", rest)
        if m:
            word = m.group(1).lower()
            head = word.split()[-1] if word.split() else ""
            first = re.sub(r"^(?:the|a|an|his|her|their|its)\s+", "", word).split()[0]
            # "told host Chris Cuomo": a speaker noun before the addressee's name
            titled = len(word.split()) > 1 and (first in self.lex.addressees or first in self.lex.speaker_nouns)
            if word in self.lex.addressees or head in self.lex.addressees or m.group(1)[:1].isupper() or head in self.lex.speaker_nouns or titled:
                longer = ADDRESSEE_NP.match(rest)  # "a TV interviewer": the phrase runs on to its head noun
                if longer and longer.end() > m.end() and self._addressee_head(longer.group(1)):
                    return pos + longer.end()
                return pos + m.end()
        m = ADDRESSEE_NP.match(rest)
        if m and self._addressee_head(m.group(1)):
            return pos + m.end()  # "told a local radio host", "told the Senate panel"
        return pos

    def _addressee_head(self, phrase: str) -> bool:
        words = phrase.lower().split()
        head = words[-1] if words else ""
        singular = head[:-1] if head.endswith("s") else head
        return head in self.lex.addressees or head in self.lex.speaker_nouns or singular in self.lex.speaker_nouns or f"an {head}" in self.lex.addressees

    def _skip_adjuncts(self, pos: int, ue: int, masked: str, us: int) -> tuple[int, str | None, str | None]:
        """Past media phrases, dates and short prepositional adjuncts after a cue; returns the medium and via."""
        medium: str | None = None
        via: str | None = None
        for _ in range(6):
            rest = masked[pos - us :]
            lead = re.match(r"\s*,?\s*", rest)
            p = pos + (lead.end() if lead else 0)
            r = masked[p - us :]
            hit = None
            for pat in self.lex.media:
                mm = pat.match(r)
                if mm:
                    hit = mm
                    break
            if hit is not None:
                # The whole phrase, less its preposition and article: "statement carried by the Harbour Gazette".
                phrase = re.sub(r"^(?:in|via|through|on|at|during)\s+(?:(?:a|an|the|his|her|its|their)\s+)?", "", hit.group(0), flags=re.I)
                medium = medium or re.sub(r"(?<=[a-z])\.$", "", " ".join(phrase.split()))
                pos = p + hit.end()
                # The medium's apposition ("in a post on its website, a news portal, that ..."): not the content.
                app = MEDIUM_APPOSITION.match(masked, pos - us)
                if app:
                    pos = us + app.end()
                continue
            am = ADJUNCT_THAT.match(r)
            after_that = r[am.end() + 4 :].lstrip() if am else ""
            if (
                am
                and (CLAUSE_START.match(after_that) or AUX_SOON.match(after_that))
                and not FINITE_START.match(after_that)
                and not any(self.lex.lemma(w) for w in WORDS.findall(am.group(0)))  # "at a news conference announcing that"
            ):
                pos = p + am.end()
                continue
            dm = re.match(r"(?:on|in|at|during|earlier|late|early|last|this|since)?\s*", r)
            q = p + (dm.end() if dm else 0)
            span = self._in_date(q)
            if span is not None and span[0] == q:
                pos = span[1]
                continue
            span = self._in_date(p)
            if span is not None and span[0] == p:
                pos = span[1]
                continue
            pl = PLACE_ADJUNCT.match(r)
            if pl:  # "said Tuesday in Paris, noting ...": where it was said, before the clause's end
                pos = p + pl.end()
                continue
            wd = WEEKDAY_ADJUNCT.match(r)
            if wd:  # "told reporters Thursday that": a day the timex layer left untagged
                pos = p + wd.end()
                continue
            for pat in self.lex.relay:
                rm = pat.match(r)
                if rm:
                    via = via or rm.group("via")
                    pos = p + rm.end()
                    break
            else:
                adv = re.match(r"(?:also|again|later|earlier|then|further|publicly|privately|repeatedly|recently|previously|separately|today|yesterday|tonight|bluntly|flatly|simply|firmly|\w+ly)\b", r)
                if adv and not r.startswith(("only", "early")):
                    pos = p + adv.end()
                    continue
                break
        return pos, medium, via

    def _according(self, us: int, ue: int, masked: str) -> list[_Frame]:
        out = []
        for m in self.lex.according.finditer(masked):
            s = us + m.start()
            after = masked[m.end() :]
            np = re.match(r"\s+([^,;:\"]{1,100}?)(?=\s*(?:,|;|\.\s|\.$|$))", after)
            if not np:
                continue
            a = us + m.end() + np.start(1)
            b = a + len(np.group(1).rstrip())
            sp, medium = self._possessed_medium(a, b)
            sp = sp or self._speaker_from_np(a, b)
            if sp is None and SOURCE_NP.fullmatch(self.text[a:b]):
                # "according to a CNN tally", "according to FEC filings": a source no actor names,
                # told by its words (the speaker stays null, its text is the phrase).
                sp = _Speaker(a, b, " ".join(self.raw[a:b].split()))
            if sp is None:
                continue
            if masked[: m.start()].strip(" ,") == "" or m.start() < 3:
                rest = masked[b - us :]
                lead = re.match(r"\s*,\s*", rest)
                if not lead:
                    continue
                c0 = b + lead.end()
                c1 = self._content_end(c0, ue, masked, us)
            else:
                head = masked[: m.start()]
                if re.fullmatch(r"\s*\"Q*\"\s*,?\s*", head):
                    # “...,” according to X: the quote is attributed in _quotes_of_unit.
                    out.append(_Frame(" ".join(m.group(0).split()).lower(), s, us + m.end(), sp, (s, b), None, "after-quote", None, self._via(s, b)))
                    continue
                c1 = us + len(head.rstrip().rstrip(",").rstrip())
                c0 = self._content_start(us, c1, masked)
                tail = masked[b - us :]
                if not re.fullmatch(r"[\s.!?,;)]*", tail):
                    # "At the heart of the trouble, according to Ross, was a decision ...": the words
                    # either side, when set between commas (as a parenthetical attribution).
                    lead = re.match(r"\s*,\s*", tail)
                    framed = self._parenthetical(us, ue, masked, head, b + lead.end()) if lead and re.search(r",\s*$", head) else None
                    if framed is None:
                        continue
                    cue = " ".join(m.group(0).split()).lower()
                    for content in framed:
                        if content is not None:
                            out.append(_Frame(cue, s, us + m.end(), sp, (s, b), content, "according", medium, self._via(s, b)))
                    continue
            if c1 - c0 < 8:
                continue
            out.append(_Frame(" ".join(m.group(0).split()).lower(), s, us + m.end(), sp, (s, b), (c0, c1), "according", medium, self._via(s, b)))
        return out

    def _possessed_medium(self, a: int, b: int) -> tuple[_Speaker | None, str | None]:
        """ "according to her Telegram post": the possessor speaks (a pronoun resolved), through that medium."""
        phrase = self.text[a:b]
        pm = re.match(r"(his|her|their|its)\s+", phrase, re.I)
        if pm is None:
            return None, None
        probe = "in " + phrase
        for pat in self.lex.media:
            mm = pat.match(probe)
            if mm and mm.end() >= len(probe.rstrip(" .")):
                word = POSSESSIVE_SUBJECT[pm.group(1).lower()]
                actor, ref, why = self._resolve_pronoun(a, word)
                sp = _Speaker(a, a + len(pm.group(1)), self.raw[a : a + len(pm.group(1))], actor, ref, self.names.get(actor) if actor else None, pronoun=True, evidence=why)
                return sp, " ".join((mm.groupdict().get("medium") or "").split()) or None
        return None, None

    def _subordinate_said(self, f: _Frame, g: _Frame) -> bool:
        """Whether ``f`` is said in a subordinate clause ("While X said A, ...", "Although X
        says A, ...") that ends at the comma before ``g``'s speaker."""
        if f.speaker is None or g.speaker is None or f.content is None:
            return False
        opener = SUBORDINATE_OPENER.search(self.text, max(0, f.speaker.start - 14), f.speaker.start)
        gap = self.text[f.content[0] : g.speaker.start]
        return opener is not None and re.search(r",\s*$", gap) is not None and len(WORDS.findall(gap)) >= 3 and '"' not in self.work[f.content[0] : g.speaker.start].rstrip()[-1:]

    def _nest(self, frames: list[_Frame]) -> list[_Frame]:
        """Drop a frame whose content holds a frame of the same speaker (the inner one reports the claim)."""
        keep = list(frames)
        for f in frames:
            if f.content is None:
                continue
            for g in frames:
                if g is f or g.content is None or not (f.content[0] <= g.cue_start < f.content[1]):
                    continue
                if f.speaker is not None and g.speaker is not None and f.content[0] < g.speaker.start and self._subordinate_said(f, g):
                    # "While Comey said A, he said B": the subordinate clause's words end at its comma.
                    f.content = (f.content[0], f.content[0] + len(self.text[f.content[0] : g.speaker.start].rstrip().rstrip(",").rstrip()))
                    continue
                if g.speaker is not None and f.content[0] < g.speaker.start and (not f.speaker or g.speaker.actor != f.speaker.actor or not f.speaker.actor):
                    # "Marr says the talks failed and Varga says they never began": another speaker's
                    # clause joined by a conjunction ends the first one's words.
                    joined = COORDINATED_BEFORE.search(self.text[f.content[0] : g.speaker.start])
                    if joined and len(WORDS.findall(self.text[f.content[0] : f.content[0] + joined.start()])) >= 2:
                        f.content = (f.content[0], f.content[0] + joined.start())
                        continue
                if f.speaker and g.speaker and f.speaker.actor and g.speaker.actor == f.speaker.actor and f in keep:
                    # "X said A, though she acknowledged B": a clause of its own ends the outer content; both stay.
                    cut = CONCESSIVE_BEFORE.search(self.text[f.content[0] : g.speaker.start]) if g.speaker.start > f.content[0] else None
                    if cut is None and g.speaker.start < f.content[0]:
                        # "He says A and says B": the same subject's second verb ends the first content.
                        cut = COORDINATED_BEFORE.search(self.text[f.content[0] : g.cue_start])
                    if cut and len(WORDS.findall(self.text[f.content[0] : f.content[0] + cut.start()])) >= 4:
                        f.content = (f.content[0], f.content[0] + cut.start())
                        continue
                    keep.remove(f)
                    g.medium = g.medium or f.medium
                    g.via = g.via or f.via
                    # The inner frame keeps the outer one's date ("told journalists on Tuesday that ...").
                    self._outer_region[id(g)] = f.region
        return keep

    # -- speakers ------------------------------------------------------------------------

    def _np_before(self, pos: int, clause_start: int, masked: str | None = None) -> tuple[int, int] | None:
        """The speaker phrase that ends right before ``pos`` (a cue), read backwards; None if there is none."""
        toks = self._tokens(clause_start, pos)
        i = len(toks) - 1
        # Adverbs, auxiliaries and dates between the subject and the verb.
        while i >= 0:
            ts, te = toks[i]
            w = self.work[ts:te].lower()
            d = self._in_date(ts)
            if d is not None:
                while i >= 0 and toks[i][0] >= d[0]:
                    i -= 1
                if i >= 0 and self.work[toks[i][0] : toks[i][1]].lower() in ("on", "in", "at", "during", "earlier", "late", "early", "last", "this", "since"):
                    i -= 1
                continue
            if w in AUX or (w.endswith("ly") and len(w) > 4 and w not in ("italy", "early", "only", "family", "ally", "rally", "holly", "kelly", "daily", "july")):
                i -= 1
                continue
            break
        if i < 0:
            return None
        # Appositions: "Lena Marr, vice chair of the ..., said"; "Self, 21, a student, said";
        # a parenthesis: "Gov. John Kasich (R-OH), said".
        def tok(k: int) -> str:
            return self.work[toks[k][0] : toks[k][1]]

        def delimiter_before(k: int) -> int:
            while k >= 0 and tok(k) not in (",", ";", ":", "(", ")"):
                k -= 1
            return k

        def past_place(k: int) -> int | None:
            """Where the phrase goes on before a state or party tag ending at token ``k`` ("...,
            of Ashton, Md.", "..., R-Ky."), the town before a state with it; None if none ends there."""
            c = delimiter_before(k)
            if c < 0 or c == k or tok(c) != "," or not _place_tag(self.work[toks[c + 1][0] : toks[k][1]]):
                return None
            t = delimiter_before(c - 1)
            return t if t >= 0 and tok(t) == "," and tok(t + 1).lower() in ("of", "from", "in") else c

        skipped_apposition = False
        while i >= 0:
            placed = past_place(i) if tok(i) not in (",", ")") else None
            if placed is not None:
                i = placed
            if i < 0 or tok(i) not in (",", ")"):
                break
            if tok(i) == "," and i > 0 and tok(i - 1) == ")":
                i -= 1  # "Gov. John Kasich (R-OH), said": the comma after a parenthesis
            if tok(i) == ")":
                j = i - 1
                while j >= 0 and tok(j) != "(":
                    j -= 1
                if j < 1:
                    return None
                i = j - 1
                continue
            j = i - 1
            while j >= 0 and tok(j) not in (",", ";", ":", "(", ")"):
                j -= 1
            seg = self.work[toks[j + 1][0] : toks[i - 1][1]] if j + 1 <= i - 1 else ""
            appositive = self._appositive(seg)
            if appositive and j >= 0 and tok(j) == ",":
                skipped_apposition = True
                i = j - 1
                if _place_tag(seg):  # "of Springfield, Va.": the town goes with its state
                    t = delimiter_before(i)
                    if t >= 0 and tok(t) == "," and tok(t + 1).lower() in ("of", "from", "in"):
                        i = t
                # "Sen. Chuck Grassley, facing a challenge in Iowa, a swing state, said": a chain of them
                t = delimiter_before(i)
                while t > 0 and t < i and tok(t) == "," and not _place_tag(seg) and self._chained_apposition(toks[t + 1][0], toks[i][1]):
                    i = t - 1
                    t = delimiter_before(i)
                continue
            if not appositive and seg and not skipped_apposition and all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in seg.split()):
                # "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper, L'Osservatore
                # Romano, said": a body's name after a description of it, after a person's name, is
                # the description's apposition; the person before them speaks.
                dl = delimiter_before(j - 1) if j > 0 and tok(j) == "," else -1
                if dl > 0 and tok(dl) == "," and self._appositive(self.work[toks[dl + 1][0] : toks[j - 1][1]]):
                    named = self._mentions_in(toks[delimiter_before(dl - 1) + 1][0], toks[dl - 1][1])
                    this = self._mentions_in(toks[j + 1][0], toks[i - 1][1])
                    if any(self.types.get(m.actor) == "PERSON" for m in named) and not any(self.types.get(m.actor) == "PERSON" for m in this):
                        skipped_apposition = True
                        i = dl - 1
                        continue
                i -= 1  # a stray comma after the name, right before the verb ("Gov. John Kasich, said"),
                continue  # not one that closes an apposition ("Rubio, whose hometown, Miami, is ..., argues")
            return None
        end = toks[i][1] if i >= 0 else None
        if end is None:
            return None
        k = i
        n = 0
        while k >= 0 and n < 14:
            ts, te = toks[k]
            w = self.work[ts:te]
            lw = w.lower()
            if w == "." and k > 0:
                prev_w = self.work[toks[k - 1][0] : toks[k - 1][1]]
                if prev_w.lower() in ABBREV or (len(prev_w) == 1 and prev_w.isupper()) or prev_w.lower() in ("gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "adm", "rev", "prof", "jr", "sr", "st"):
                    k -= 1
                    n += 1
                    continue
            # A lone hyphen is a dash ("SEOUL -- North Korean leader ..." ends a dateline);
            # hyphens inside words belong to their tokens ("Jong-un").
            if w in (",", ";", ":", "(", ")", "[", "]", "—", "–", "-", '"', "!", "?") or (w == "." and k < i):
                break
            if self.work[ts] in "\"Q":
                break
            if self._in_date(ts) is not None and k < i:
                break
            if lw in BOUNDARY_WORDS and not (lw in ("of", "for", "to", "from") and k < i):
                break
            if lw in ("and", "or", "&"):
                prev = self.work[toks[k - 1][0] : toks[k - 1][1]] if k > 0 else ""
                if not (prev[:1].isupper() or prev.lower() in self.lex.speaker_nouns):
                    break
            if (lw in AUX_VERBS or lw in PERCEIVING) and k < i:
                break  # (and "The court heard [Varga] say": the speaker is the one heard)
            if lw in self.lex.forms and k < i and self.lex.forms[lw][1] != "naming" and not w[:1].isupper():
                nxt = self.work[toks[k + 1][0] : toks[k + 1][1]].lower()
                if not (self.lex.forms[lw][0] == lw and nxt in self.lex.speaker_nouns):
                    break
                # a bare verb form before a speaker noun modifies it: "state media said"
            k -= 1
            n += 1
        if k == i:
            return None
        start = toks[k + 1][0]
        # No leading preposition ("of the party said" is a fragment).
        while start < end:
            lead_word = re.match(r"[\w'’.-]+", self.work[start:end])
            if lead_word and lead_word.group(0).lower() in PREPOSITIONS | SPEAKER_LEAD:
                start += lead_word.end()
                while start < end and self.work[start].isspace():
                    start += 1
                continue
            break
        if start >= end:
            return None
        whose = WHOSE_BEFORE.search(self.work, clause_start, start)
        if whose is not None and whose.end() == start:
            # "Marco Rubio, whose hometown, Miami, is projected ..., argues": the name set off after
            # "whose ..." belongs to the possessed noun; the speaker stands before "whose"
            return self._np_before(whose.start(), clause_start, masked)
        return start, end

    def _chained_apposition(self, s: int, e: int) -> bool:
        """Whether ``[s, e)``, set off by commas before another apposition, describes the name
        before it too ("Sen. Chuck Grassley, [facing a challenge in Iowa], a swing state, said"):
        not when it ends in a person's name ("Alarmed by ..., [Senator Harry Reid], the minority
        leader, said"), a function word ("releasing a statement that, while ..., accused") or
        holds a sentence's end."""
        seg = self.work[s:e]
        last = seg.split()[-1].lower() if seg.split() else ""
        # only a participle's or a relative clause's phrase: a noun phrase there ("the company" in "In
        # a letter to Ann Lee, the committee chair, the company, a contractor, said") may be the subject
        if not re.match(r"(?:[a-z]+(?:ing|ed)|who|whose|which|now)\b", seg) or re.search(r"[.!?]\s+[A-Z0-9]", seg) or last in PREPOSITIONS | BOUNDARY_WORDS | {"that", "which", "who", "whom", "whose"}:
            return False
        return not any(m.span.end >= e - 1 and self.types.get(m.actor) == "PERSON" for m in self._mentions_in(s, e))

    def _appositive(self, seg: str) -> bool:
        """Whether a phrase set off by commas after a name describes it ("the editor in chief",
        "21", "R-Ky.", "who ...", "Twitter's director of ..."), rather than naming a speaker."""
        words = [w.lower().strip(".,'’") for w in seg.split()]
        first = words[0] if words else ""
        return bool(seg) and (
            _place_tag(seg)
            or seg[:1].islower()
            or seg[:1].isdigit()
            or first in DETERMINERS
            or first in self.titles
            or first in ("who", "which", "whose", "now", "himself", "herself", "itself")
            or any(w in self.titles for w in words[1:])  # "Twitter’s director of political advertising"
        )

    def _plausible(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` reads as a speaker: a pronoun, a name, or a phrase headed by a speaker noun or title."""
        text = self.work[s:e]
        words = text.split()
        if not words or len(words) > 16 or "Q" * 3 in text:
            return False
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return True
        if re.match(r"(?!According\b)[A-Z][a-z]{2,}ing\s+(?!(?:and|or|of)\b)[a-z]", text) and not self._mentions_in(s, s + len(words[0])) and not self._speaker_noun(words[-1].lower().strip(".,'’")):
            return False  # "Making her way around Chez Vachon": a participle's phrase, no speaker ("Striking teachers" are)
        low = [w.lower().strip(".,'’") for w in words]
        if all(w in ("the", "a", "an", "this", "these", "those") for w in low):
            return False  # "The" of "The tycoon entered ...": no head, no speaker
        last = low[-1]
        ms = self._mentions_in(s, e)
        # "Several supporters of reform", "a handful of delegates": the head before "of" (the first).
        of_head = low[low.index("of") - 1] if "of" in low[1:] else None
        head_ok = (
            words[-1][:1].isupper()
            or self._speaker_noun(last)
            or last in self.titles
            or any(m.span.end >= e - 1 for m in ms)
            or (of_head is not None and self._speaker_noun(of_head))
        )
        if not head_ok:
            return False
        # Other lower-case words (not determiners, titles, speaker nouns, "of") mean a clause, not a name.
        small = DETERMINERS | PREPOSITIONS | {"and", "or", "&", "'s", "’s", "s", "-"}
        odd = [w for w, raw in zip(low, words, strict=True) if raw[:1].islower() and w not in small and w not in self.titles and w not in self.lex.speaker_nouns]
        # "The billionaire real estate magnate": a determiner and a speaker noun frame three modifiers.
        framed = low[0] in DETERMINERS and last in self.lex.speaker_nouns
        if len(odd) > (3 if framed else 2) or (odd and len(words) > 8):
            return False
        if ms:
            return True
        if any(self._speaker_noun(w) or w in self.titles for w in low):
            return True
        caps = [w for w in words if w[:1].isupper()]
        return bool(caps) and len(caps) >= max(1, len(words) // 2) and words[0].lower() not in ("it", "this", "that", "there")

    def _speaker_noun(self, word: str) -> bool:
        """A head noun of unnamed speakers (``speaker_nouns``), in the singular or the plural ("departments")."""
        nouns = self.lex.speaker_nouns
        return word in nouns or (word.endswith("s") and (word[:-1] in nouns or (word.endswith("ies") and word[:-3] + "y" in nouns)))

    def _noun_phrase(self, s: int, e: int) -> bool:
        """A short phrase opening with a determiner or a capital, with no cue verb in it."""
        words = self.work[s:e].split()
        if not words or len(words) > 12 or "Q" * 3 in self.work[s:e]:
            return False
        if words[0].lower() not in DETERMINERS and not words[0][:1].isupper():
            return False
        if words[0].lower() in PREPOSITIONS or words[0].lower() in BOUNDARY_WORDS:
            return False
        return not any(self.lex.lemma(w.strip(".,")) for w in words[1:] if self.lex.lemma(w.strip(".,")) and self.lex.lemma(w.strip(".,"))[1] != "naming")  # type: ignore[index]

    def _speaker_from_np(self, s: int, e: int, lenient: bool = False) -> _Speaker | None:
        """The speaker a phrase names; ``lenient`` (a phrase right after a quote, where only a
        speaker can stand: "“...,” the businessman replied") accepts any short noun phrase."""
        while e > s and self.text[e - 1] in " ,.;:":
            e -= 1
        while s < e and self.text[s] in " ,":
            s += 1
        if e <= s:
            return None
        if any(a <= s < b for a, b in self.titles_at):
            while s < e and not self.text[s].isalnum():
                s += 1  # "‘...’ Howard Dean": a closing mark before the name
            e = self._headline_speaker_end(s, e)
            if e <= s:
                return None
        # An honorific cut off at its full stop ("Mr" of "Mr. Butterfield, noting ..."): the name after it is the speaker.
        named = HONORIFIC_NAME.match(self.text, s) if self.text[s:e].lower().rstrip(".") in SPEAKER_HONORIFICS else None
        if named:
            e = named.end()
        # "A person familiar with the plans", "sources close to the campaign": an unnamed source,
        # never the thing or the person the modifier names.
        unnamed = SOURCE_POSTMODIFIER.search(self.text, s, e)
        if unnamed is not None and unnamed.start() > s and self._plausible(s, unnamed.start()):
            return _Speaker(s, e, self.raw[s:e])
        # "A court document filed (Thursday)": a past participle after the head noun modifies it.
        tail = re.search(r"(?<!\s)\s+[a-z]{3,}ed$", self.text[s:e])
        if tail is not None and self._speaker_noun(self.text[s : s + tail.start()].split()[-1].lower()):
            e = s + tail.start()
        if not self._plausible(s, e) and not (lenient and self._noun_phrase(s, e)):
            return None
        text = self.raw[s:e]
        low = self.text[s:e].lower()
        words = self.text[s:e].split()
        if low in POSSESSIVE_SUBJECT or any(
            w.endswith("ing") and w[:1].islower() and nxt[:1].isupper() and prev[:1].isupper()
            for prev, w, nxt in zip(words, words[1:], words[2:], strict=False)
        ):
            # A possessive ("His eyes ...") or a clause with its subject and object ("White America
            # embracing Obama") where the speaker stands: the quote is kept, its speaker names no
            # actor. A participle opening a title ("outgoing President Orin Valde") is no clause.
            return _Speaker(s, e, text)
        if low in PRONOUNS:
            actor, ref, why = self._resolve_pronoun(s, low)
            sp = _Speaker(s, e, text, actor, ref, self.names.get(actor) if actor else None, pronoun=True, evidence=why)
            return self._goes_on(sp) if actor is None else sp
        head = self._head_mention(s, e)
        if head is None:
            if any(
                self.types.get(m.actor) == "PERSON" and re.search(r"\b(?:of|to)\s+$", self.text[s : m.span.start])
                for m in self._mentions_in(s, e)
            ):
                return _Speaker(s, e, text)  # a person named only after the head ("the wife of X", "an aide to X")
            found = self._actor_by_name(s, e)
            if found is None:
                return _Speaker(s, e, text)
            return _Speaker(s, e, text, found.actor, found.span, self.names.get(found.actor))
        return _Speaker(s, e, text, head.actor, head.span, self.names.get(head.actor))

    def _continued_speaker(self, speaker: _Speaker, prior: Sequence[_Frame], cs: int) -> _Speaker:
        """"it"/"they" that go on with the previous attribution's speaker, named and of its number:
        "the paper notes A, it lists B, and it says C"; "according to show insiders, ... They said
        ..." (an analyst's reading found "They" given to the FBI, named in between). Within the
        sentence, or the record just before within 600 characters; else the pronoun as resolved."""
        was = prior[-1].speaker if prior else None
        said: tuple[int, int] | None = prior[-1].content if prior else None
        if was is None and self.found and self.found[-1].speaker is not None and 0 <= cs - self.found[-1].end < 600:
            was, said = self.found[-1].speaker, (self.found[-1].start, self.found[-1].end)
            for f in reversed(self.found[:-1]):  # what the same speaker said just before ("said A, arguing B")
                if f.speaker is None or f.speaker.actor != was.actor or was.actor is None or said[0] - f.end > 300:
                    break
                said = (min(said[0], f.start), said[1])
        word = speaker.text.lower()
        if word in ("he", "she"):
            # "Earnest said Obama hopes ... He said ...": the person named inside what was just said
            # is not the next "he"; the one who said it, of the pronoun's gender, is.
            ref = speaker.ref
            if was is None or was.actor is None or ref is None or said is None or not (said[0] <= ref.start < said[1]) or speaker.start < said[1]:
                return speaker  # (inside what was said, "he" may be the one named there: "X was right when he said")
            gender = (self._genders or {}).get(was.actor)
            if self.types.get(was.actor) != "PERSON" or gender not in (None, PRONOUN_GENDER[word]) or was.actor == speaker.actor:
                return speaker
            return replace(speaker, actor=was.actor, ref=was.ref, name=was.name, evidence=f"“{word}” → {was.text!r}: the speaker of the attribution before it ({ref.text!r} is named in what was said)")
        if was is None or was.pronoun:
            return speaker
        plural = _plural(was.text)
        if (word == "they" and plural and self.types.get(was.actor or "") != "PERSON") or (word == "it" and not plural and self.types.get(was.actor or "") != "PERSON"):
            return replace(speaker, actor=was.actor, ref=was.ref, name=was.name, evidence=f"“{word}” → {was.text!r}: the speaker of the attribution before it")
        return speaker

    def _goes_on(self, sp: _Speaker) -> _Speaker:
        """A "he"/"she" its rivals left open that goes on with the attribution just before it, as
        its words say ("“...,” Trump said at a rally. He also suggested ...: “...”"; "also", "then",
        "later", "again", "further", "went on", "added", "continued"), when that speaker is a
        person of the pronoun's gender named within 600 characters; else the pronoun as it was."""
        word = sp.text.lower()
        if word not in ("he", "she") or not GOES_ON.match(self.work, sp.end):
            return sp
        last = max((f for f in self.found if f.end <= sp.start), key=lambda f: f.end, default=None)
        was = last.speaker if last is not None else None
        if last is None or was is None or was.actor is None or was.pronoun or sp.start - last.end > 600:
            return sp
        others = [
            m
            for m in self._mentions_in(min(was.start, last.start), sp.start)
            if self.types.get(m.actor) == "PERSON" and m.actor != was.actor and not any(f.start <= m.span.start < f.end for f in self.found)
        ]
        rivals = [f for f in self.found if f.speaker is not None and f.speaker.actor not in (None, was.actor) and 0 <= sp.start - f.end < 400 and self.types.get(f.speaker.actor) == "PERSON"]
        if others or rivals:
            # another person named since, outside what was said, or quoted just before ("Melendres
            # said ..., whereas Petraeus acknowledged that ... He also said ...": either of them)
            return sp
        if self._genders is None:
            from newsprism.pronouns import person_genders

            self._genders = person_genders(self.art)
        if self.types.get(was.actor) != "PERSON" or self._genders.get(was.actor) not in (None, PRONOUN_GENDER[word]):
            return sp
        return replace(sp, actor=was.actor, ref=was.ref, name=was.name, evidence=f"“{word}” → {was.text!r}: left open by its rivals, it goes on with the attribution just before it")

    def _titled_speaker(self, sp: _Speaker) -> bool:
        """A speaker a title may name before its colon: a person or an organisation, the phrase ending
        with its name ("Tomas Varga On The Strike:"; not "Karsk Floods:", "Analysis:", "Exclusive:")."""
        return self.types.get(sp.actor or "") in ("PERSON", "ORG") and sp.ref is not None and sp.ref.end >= sp.end - 1

    def _headline_speaker_end(self, s: int, e: int) -> int:
        """In a title-case headline a capital marks no name, so a speaker phrase read back from a
        colon or a quote runs over the headline's verb ("Hillary Clinton Calls ISIS Violence
        Against Yazidis: ‘Genocide’", "CNN President On Trump: ..."): it ends before the first
        word after its first that is "on" or a verb in -s outside a name ("Calls", "Endorses")."""
        first = re.match(r"[\w'’.-]+", self.text[s:e])
        info = self.lex.lemma(first.group(0)) if first else None
        if info is not None and first is not None and first.group(0).lower() != info[0]:
            return s  # "Mocked Dockers: ‘...’" read back from the colon: a verb, no speaker
        for m in re.finditer(r"[\w'’.-]+", self.text[s:e]):
            if m.start() == 0:
                continue
            w = m.group(0)
            a = s + m.start()
            if any(x.span.start <= a < x.span.end for x in self._mentions_in(max(0, a - 60), a + 1)):
                continue
            info = self.lex.lemma(w)
            # A reporting verb inflected, or an event verb in -s ("Endorses"); not a name in -s ("Sanders").
            verb = (info is not None and w.lower() != info[0]) or (w.endswith("s") and (w.lower(),) in plover.lexicon().phrases)
            if w.lower() == "on" or verb:
                e = a
                while e > s and self.text[e - 1] in " ,":
                    e -= 1
                break
        # Longer than a name with its title, it is a clause whose verb a capital hides ("Wisconsin
        # Elects A Supreme Court Justice Who Once Mocked: ‘Queers’"): no speaker.
        return e if len(self.text[s:e].split()) <= 5 else s

    def _actor_by_name(self, s: int, e: int) -> ActorMention | None:
        """Adapter for names the actors layer left unlinked here ("Marr said" after "Lena Marr"):
        the article's actor whose name or alias is this phrase's last word(s), or whose full
        name begins or ends with it; the mention of it nearest before (else after) is the reference."""
        try:
            from newsprism.actorkb import name_key
        except Exception:  # noqa: BLE001 — no knowledge base: leave the speaker unresolved
            return None
        words = self.text[s:e].split()
        if not words or not words[-1][:1].isupper():
            return None
        key = name_key(words[-1])
        if self._person_keys is None:
            self._person_keys = {}
            for a in self.art.actors:
                if a.type != "PERSON":
                    continue  # places and organisations the actors layer links itself; a demonym is no speaker
                forms = {name_key(x) for x in (a.name, *a.aliases)}
                self._person_keys[a.id] = forms | {t for f in forms for t in (f.split()[:1] + f.split()[-1:]) if len(f.split()) >= 2}
        best: tuple[int, ActorMention] | None = None
        for a in self.art.actors:
            if key not in self._person_keys.get(a.id, ()):
                continue
            for m in self.mentions:
                if m.actor != a.id:
                    continue
                d = s - m.span.end if m.span.end <= s else 10**6 + m.span.start - e
                if d >= 0 and (best is None or d < best[0]):
                    best = (d, m)
        return best[1] if best else None

    def _head_mention(self, s: int, e: int) -> ActorMention | None:
        ms = self._mentions_in(s, e)
        if not ms:
            return None
        coordinated = re.search(r"\s(?:and|or|&)\s", self.text[s:e]) is not None
        cands = []
        principal: ActorMention | None = None
        for m in ms:
            after = self.text[m.span.end : e]
            before = self.text[s : m.span.start]
            if re.match(r"\s*['’]s?\b|['’]s", self.raw[m.span.end : m.span.end + 3]):
                continue  # a possessive modifies the head: "South Korea's defense minister"
            if m.kind in ("demonym", "place") or self.types.get(m.actor) in THING_TYPES:
                continue  # a named thing ("the Paris Agreement") never speaks
            if re.search(r"\b(?:of|for|at|from|in|with|by|to)\s+(?:the\s+)?$", before) and not re.search(r"\bpresident|prime|minister|secretary|chairman|leader|head|chief\b", before.lower()):
                # "a spokesman for the State Department": the organisation modifies the head, but
                # a spokesman speaks for it (``speaks_for``), and the quote is the organisation's.
                sf = re.match(r"\s*(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<head>[a-z]+(?: [a-z]+)?)\s+(?:of|for)\s+(?:the\s+)?$", before)
                if principal is None and sf and sf.group("head") in self.lex.speaks_for and self.types.get(m.actor) in ("ORG", "GPE", "PERSON"):
                    principal = m
                continue
            if after.strip() and self.types.get(m.actor) != "PERSON" and re.match(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}[a-z]", after):
                continue  # "Kremlin officials", "the Pentagon spokesman", "a U.S. District Court judge": a modifier, handled below
            noun_after = re.match(r"\s+([a-z]+)\b", after)
            if noun_after and self._speaker_noun(noun_after.group(1)) and noun_after.group(1) not in self.lex.speaks_for and noun_after.group(1) not in SPEAKS_FOR_BODIES:
                continue  # "a close Orin Valde ally", "a Trump aide": the person modifies the one who spoke (not "a Trump spokesman")
            cands.append(m)
        if coordinated and len({m.actor for m in cands}) != 1:
            return None
        if not cands and principal is not None and not coordinated:
            return principal
        if not cands:
            # "Ukrainian officials", "Kremlin spokesman": a demonym or name before a title noun speaks for its country.
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", self.text[s:e])]
            if coordinated or not words or words[-1] not in self.titles or words[-1] in CONSTITUENCY_TITLES:
                return None  # "the Vermont senator" is a person the place elected, not the place
            for m in ms:
                if re.search(r"\b(?:of|for|at|from|in|with|by|to)\b", self.text[s : m.span.start]):
                    continue  # "the commander of American forces": the demonym modifies what follows the head
                if re.search(r"\b[A-Z]", self.text[m.span.end : e]):
                    continue  # "a U.S. District Court judge": the country names the court, not whom the judge speaks for
                if m.kind in ("demonym", "metonym", "name") and self.types.get(m.actor) in ("GPE", "ORG"):
                    return m
            return None
        people = [m for m in cands if self.types.get(m.actor) == "PERSON"]
        pool = people or cands
        return pool[-1]

    def _resolve_pronoun(self, pos: int, word: str, depth: int = 0) -> tuple[str | None, Span | None, str]:
        """The latest compatible actor named before ``pos`` outside quoted text (adapter over the
        actors layer), the mention it was read from, and why (or why no one). A "he" or "she"
        opening a sentence of the two before, with no person named since, is the same person
        ("He started his answer ... Then he described ... “...,” he asked"): that one is read."""
        if word in ("i", "we"):
            return None, None, f"“{word}” is the speaker of a quotation, named elsewhere if at all"
        chained = self._chained_pronoun(pos, word) if word in ("he", "she") and depth < 3 else None
        if chained is not None:
            actor, ref, why = self._resolve_pronoun(chained, word, depth + 1)
            if actor is not None:
                return actor, ref, f"“{word}”: as the “{word}” that opens a sentence before it, no person named between; " + why
            return actor, ref, why
        if self._genders is None:
            from newsprism.pronouns import person_genders

            # The knowledge base's, else what the text says (an honorific, "spokeswoman").
            self._genders = person_genders(self.art)
        kb_gender = self._genders
        skipped = ""  # a nearer person passed over ("the figure of Abraham Lincoln")
        window = sentence_before_start(self.art, pos)  # where the sentence before the pronoun's starts
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if m.span.end > pos or self._is_quoted(m.span.start, m.span.end):
                continue
            t = self.types.get(m.actor)
            if word in ("he", "she"):
                if t != "PERSON":
                    continue
                g = kb_gender.get(m.actor)
                if g is not None and g != PRONOUN_GENDER[word]:
                    continue
                if self._inside_phrase(m) and self._rival_person(i, m, pos, word, kb_gender):
                    # "Obama spoke. Behind him stood the lighted figure of Abraham Lincoln. “...,” he
                    # said": a person inside another thing's phrase is seldom the one who speaks
                    # next; the person before is read instead ("the testimony of James Comey" alone
                    # stays Comey's), if named within the two sentences.
                    skipped = skipped or m.span.text
                    continue
                if skipped and m.span.start < window:
                    return None, None, f"“{word}”: unresolved, the nearest person, {skipped!r}, is named inside another phrase, and no other within two sentences"
                if g is None and (said := self._local_gender(m, pos)) is not None and said != PRONOUN_GENDER[word]:
                    # "Reines asked the reporter to join him ... Minutes later, she sent an email
                    # saying “done”": the sentence that names him calls him "him"; not guessed further
                    return None, None, f"“{word}”: unresolved, the nearest person, {m.span.text!r}, is called by a {said} pronoun in the sentence that names them"
                described = self._description_between(m.span.end, pos, word, m.actor, speaking_only=self._subject_of_sentence(m)) if g is None else None
                if described is not None:
                    # "... Bernie Sanders ... recent Clinton campaign accusations ... Instead, the
                    # Vermont senator is sticking to his message. “...,” he told supporters": a
                    # person the text refers to only by a description stands nearer than the name
                    # of a person whose gender nothing tells (one of the pronoun's gender stays:
                    # "the president" between "Clinton" and "she" cost right speakers on tune texts)
                    return None, None, f"“{word}”: unresolved, {described!r}, a person no name here is known to be, stands between it and {m.span.text!r}"
                if g is None:
                    rival = self._rival_person(i, m, pos, word, kb_gender)
                    if rival is not None:
                        # Two people fit and the nearest one's gender is unknown.
                        return None, None, f"“{word}”: unresolved, {m.span.text!r} (gender unknown) and {rival!r} both fit within two sentences"
                    return m.actor, m.span, f"“{word}” → {m.span.text!r}: the nearest person named before it outside quotations (gender unknown, no other person within two sentences)"
                return m.actor, m.span, f"“{word}” → {m.span.text!r}: the nearest {g} person named before it outside quotations"
            if word in ("it", "they"):
                if t in ("ORG", "GPE") and m.kind not in ("place", "demonym"):
                    rival = self._rival_body(i, m, pos)
                    if rival is not None:
                        return None, None, f"“{word}”: unresolved, {m.span.text!r} and {rival!r} both fit within two sentences"
                    return m.actor, m.span, f"“{word}” → {m.span.text!r}: the nearest organisation or country named before it, no other within two sentences"
                if word == "it":
                    continue
        return None, None, f"“{word}”: unresolved, no {'person' if word in ('he', 'she') else 'organisation or country'} of its kind named before it"

    def _description_between(self, start: int, pos: int, word: str, actor: str, speaking_only: bool = False) -> str | None:
        """A person the text refers to only by a description ("the Vermont senator", "A reporter
        for Agence France-Presse", no name after it, none the actors layer resolved), the subject
        of one of the two sentences before the pronoun's and after ``start``, of the pronoun's
        gender or none known, whose head is none of ``actor``'s roles (the nearest person's "The
        longtime senator" may be that senator): its text, else None. Only a sentence's subject: an
        object ("Tom Hill attacked the president. “...,” he said") is not who goes on speaking; nor
        one whose sentence calls someone "him"/"her" ("A judge ordered him held"). With
        ``speaking_only`` (the name opened its own sentence as subject), only a description that
        speaks right before ("Tom Hill was sentenced. The judge said his crimes were grave.
        “...,” he said")."""
        pron = self._sentence_start(pos)
        floor = max(start, sentence_before_start(self.art, sentence_before_start(self.art, pron)) if self.sent_bounds else 0)
        if self.sent_bounds:
            sentences = [(a, b) for a, b in self.sent_bounds if floor <= a < pron]
        else:  # no sentences from the nlp layer: after each full stop, to the pronoun's sentence
            sentences = [(m.end(), pron) for m in SENTENCE_STOP.finditer(self.raw, floor, pron)][-2:]
        try:
            from newsprism.actorkb import actor_kb

            kb = actor_kb()
        except Exception:  # noqa: BLE001 — the knowledge base is optional here, as for titles
            return None
        held = {kb.title_abbreviations.get(w, w) for r in self.roles.get(actor, ()) for w in re.findall(r"[a-z]+", r.lower())}
        heads = _person_heads()
        for a, sent_end in sentences:
            d = PERSON_DESCRIPTION.match(self.text, SUBJECT_OPENER.match(self.text, a).end())  # type: ignore[union-attr]
            if d is None or d.group("head").lower() not in heads or self._is_quoted(d.start(), d.end()):
                continue
            head = d.group("head").lower()
            if any(self.types.get(x.actor) == "PERSON" for x in self._mentions_in(d.start(), d.end())):
                continue  # resolved to someone: a mention, read as one
            if not all(w.lower() in self.titles or w[:1].isupper() for w in d.group("pre").split()):
                continue
            gender = self.kb_gender_words.get(head)
            if OBJECT_PRONOUN[word].search(self.text, d.end(), sent_end):
                continue  # "A judge ordered him held": the one named goes on
            if speaking_only and not SPEAKS_AFTER.match(self.text, d.end()):
                continue
            if head not in held and not (kb.title_kinds.get(head, frozenset()) & held) and (gender is None or gender == PRONOUN_GENDER[word]):
                return d.group(0)
        return None

    def _subject_of_sentence(self, m: ActorMention) -> bool:
        """Whether the mention opens its sentence as its subject (after an opener and title words
        at most, a verb or a comma after it): "Tom Hill was sentenced on Friday" (then "The judge
        called his crimes grave. “...,” he said" goes on with Hill), not "Recent Lena Orn campaign
        attacks" nor "the AP quoted Wassim Bouhlel"."""
        a = self._sentence_start(m.span.start)
        lead = self.text[SUBJECT_OPENER.match(self.text, a).end() : m.span.start].split()  # type: ignore[union-attr]
        if not all(w.lower().rstrip(".") in self.titles or w.lower().rstrip(".") in ABBREV for w in lead):
            return False
        return VERB_AFTER_NAME.match(self.text, m.span.end) is not None

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (the nlp layer's, else after the last full stop)."""
        k = bisect.bisect_right(self.sent_bounds, (pos, len(self.raw))) - 1
        if k >= 0 and self.sent_bounds[k][0] <= pos < self.sent_bounds[k][1]:
            return self.sent_bounds[k][0]
        return max((m.end() for m in SENTENCE_STOP.finditer(self.raw, max(0, pos - 600), pos)), default=max(0, pos - 600))

    def _local_gender(self, m: ActorMention, pos: int) -> str | None:
        """The gender an object pronoun gives ``m`` in its own clause: the first "him", "himself" or
        "herself" after it in its sentence (before ``pos``, outside quotations), with no other
        person named and no reported clause ("said", "told", "that") between ("Reines asked the
        reporter to join him"; not "Mukasey said ... her career", "told the Post that she ...")."""
        k = bisect.bisect_right(self.sent_bounds, (m.span.start, len(self.raw))) - 1
        sent_end = self.sent_bounds[k][1] if k >= 0 and self.sent_bounds[k][0] <= m.span.start < self.sent_bounds[k][1] else None
        if sent_end is None:  # no sentences from the nlp layer: to the next full stop
            stop_at = re.search(r"[.!?](?:\s|$)", self.raw[m.span.end : pos])
            sent_end = m.span.end + stop_at.start() if stop_at else pos
        stop = min(sent_end, pos)
        # "him" as the object of the subject's own verb is someone else ("Kelly confronted him"); in
        # an infinitive after it, it may be the subject ("asked the reporter to join him"); a
        # reflexive always is.
        for g in re.finditer(r"\bto\s+[a-z]+\s+(?:with\s+|for\s+|to\s+)?(him)\b|\b(himself|herself)\b", self.raw[m.span.end : stop], re.I):
            at = m.span.end + g.start(1 if g.group(1) else 2)
            if self._is_quoted(at, at + 3):
                continue
            between = [x for x in self._mentions_in(m.span.end, at) if self.types.get(x.actor) == "PERSON" and x.actor != m.actor]
            if between or re.search(r"\b(?:that|said|says|told|tells|who|whom|whose|his|her)\b", self.raw[m.span.end : at], re.I):
                return None
            word = (g.group(1) or g.group(2)).lower()
            return "male" if word in ("him", "himself") else "female"
        return None

    def _chained_pronoun(self, pos: int, word: str) -> int | None:
        """Where the latest "he"/"she" (``word``) opening one of the two sentences before ``pos``
        stands ("He ...", "Then he ...", "But she ..."), when no person is named outside quotations
        between it and ``pos``; None otherwise."""
        floor = sentence_before_start(self.art, pos)
        found = None
        for m in SUBJECT_PRONOUN.finditer(self.text, floor, pos):
            if m.group("p").lower() == word and not self._is_quoted(m.start("p"), m.end("p")):
                found = m.start("p")
        if found is None:
            return None
        i = bisect.bisect_left(self.mention_starts, found)
        while i < len(self.mentions) and self.mentions[i].span.start < pos:
            m2 = self.mentions[i]
            i += 1
            if self.types.get(m2.actor) == "PERSON" and not self._is_quoted(m2.span.start, m2.span.end) and not self._object_like(m2):
                return None  # someone named since who may act: the nearest-person reading decides
        return found

    def _object_like(self, m: ActorMention) -> bool:
        """Whether a mention stands where no one acts: after a preposition or a verb ("jumped aboard
        with Sanders", "had protested Trump"), or inside another phrase ("Trump's remarks")."""
        before = self.text[max(0, m.span.start - 25) : m.span.start]
        lead = re.search(r"\b([a-z]+)\s+$", before)
        if self._inside_phrase(m) or lead is None:
            return self._inside_phrase(m)
        # (never after a title or a role: "his lawyer Michael Cohen", "Indiana governor Mike Pence"
        # act; a review found those passed over)
        word = lead.group(1)
        return word in OBJECT_PREPOSITIONS or (word.endswith("ed") and word not in self.titles and not self._speaker_noun(word))

    def _inside_phrase(self, m: ActorMention) -> bool:
        """Whether a person's mention is part of a phrase about something else: "the figure of
        Abraham Lincoln", "the Obama administration", "a Trump presidency", "Trump's remarks" (the
        one who acts in the sentence is seldom the possessor or the modifier: a reading found "he
        said" after "Hollande denounced Trump's remarks" given to Trump)."""
        before = self.text[max(0, m.span.start - 30) : m.span.start]
        after = self.text[m.span.end : m.span.end + 3]
        if re.search(r"\b[a-z]+\s+of\s+(?:the\s+)?$", before):
            return True
        if re.match(r"['’]s?\s", after):
            return True
        return re.search(r"\b(?:the|a|an)\s+$", before) is not None and re.match(r"\s[a-z]", after) is not None

    def _rival_person(self, i: int, nearest: ActorMention, pos: int, word: str, genders: dict[str, str | None]) -> str | None:
        """Another person of about two sentences before ``pos`` who fits the pronoun as well as
        ``nearest`` (mentions up to index ``i``, outside quotations): the name, or None. Two
        sentences however long: "House Speaker Paul Ryan, R-Wis., despite ... (300 characters)
        ... believes McConnell is correct. “...,” he said" has two."""
        floor = min(max(0, pos - 300), sentence_before_start(self.art, pos))
        if SAID_AFTER.match(self.text, nearest.span.end):
            # "After Gov. Cuomo signed the bill, Mark Delvecchio, who owns four pizzerias, said ...
            # “...,” he said": the one who said it is the one who goes on; a person before him in
            # his own sentence is no rival.
            return None
        while i >= 0 and self.mentions[i].span.start >= floor:
            m = self.mentions[i]
            i -= 1
            if m.actor == nearest.actor or self.types.get(m.actor) != "PERSON" or self._is_quoted(m.span.start, m.span.end):
                continue
            if self._inside_phrase(m):
                continue  # "the Khan family", "Trump's response": no one who acts, so no rival
            if genders.get(m.actor) in (None, PRONOUN_GENDER[word]):
                return m.span.text
        return None

    def _rival_body(self, i: int, nearest: ActorMention, pos: int) -> str | None:
        """Another organisation or country named in about two sentences before ``pos`` (mentions up
        to index ``i``, outside quotations), which "it"/"they" could name as well as ``nearest``:
        the name, or None."""
        floor = min(max(0, pos - 300), sentence_before_start(self.art, pos))
        while i >= 0 and self.mentions[i].span.start >= floor:
            m = self.mentions[i]
            i -= 1
            if m.actor == nearest.actor or m.kind in ("place", "demonym") or self._is_quoted(m.span.start, m.span.end):
                continue
            if self.types.get(m.actor) in ("ORG", "GPE"):
                return m.span.text
        return None

    def _interposed_speaker(self, us: int, pos: int) -> _Speaker | None:
        """The speaker of an attribution set between commas in the clause before ``pos`` (", he
        said,", ", Obama added,"), or None."""
        found = list(INTERPOSED.finditer(self.work, us, pos))
        if not found:
            return None
        m = found[-1]
        # Not across a clause of its own ("The bill, he said, was “a disgrace,” but McConnell
        # called it “our best shot”"), nor when the words before it name a person whose words
        # are quoted ("Trump, Schumer said, had called the deal “a total disaster”").
        if INTERPOSED_BREAK.search(self.work, m.end(), pos) or any(self.types.get(x.actor) == "PERSON" for x in self._mentions_in(us, m.start())):
            return None
        return self._speaker_from_np(m.start("who"), m.end("who"))

    def _inner_subject(self, main_end: int, sp: _Speaker) -> bool:
        """Whether ``sp``, read before the verb nearest a partial quote, is the subject of a clause
        of its own after the main subject (", in which the Russian politician expressed", ", when
        Clinton expressed"): a clause boundary between them, a phrase that names a speaker and
        holds no verb ("Washington issued a report"), no possessor ("Trump's"), no place."""
        words = sp.text.split()
        if not CLAUSE_BOUNDARY.search(self.work[main_end : sp.start]) or not words:
            return False
        if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].islower() and words[-2].lower() not in DETERMINERS | {"of"}:
            return False  # "even the ones State now says": no phrase of a speaker
        if any(w.endswith("ed") and w[:1].islower() for w in words) or re.search(r"['’]s?$", words[-1]):
            return False
        if not (words[0][:1].isupper() or words[0].lower() in DETERMINERS or sp.pronoun):
            return False
        head = self._head_mention(sp.start, sp.end)
        if head is not None and (head.kind == "place" or (head.kind == "name" and self.types.get(head.actor) in ("GPE", "LOC", "FAC"))):
            return False
        return bool(sp.actor or sp.pronoun or self._speaker_noun(words[-1].lower()))

    def _as_said_speaker(self, us: int, pos: int, masked: str) -> _Speaker | None:
        """The source of an opening "As X noted (in an op-ed Thursday), ..." that attributes the
        clause after it ("But as the nationalist Global Times tabloid noted ..., the leading GOP
        candidate “has surprisingly earned himself a few fans”"); None when no such opening."""
        m = AS_SAID.match(masked[: pos - us])
        if m is None or not self._speech_cue(m.group("verb")) or not self.lex.cue.fullmatch(m.group("verb")):
            return None
        a = us + m.start("np")
        return self._speaker_from_np(a, a + len(m.group("np")))

    def _relative_cue(self, us: int, pos: int) -> re.Match[str] | None:
        """A relative clause whose verb of saying or naming leads to the quote at ``pos`` (", who
        called the nominee “"), or None."""
        m = RELATIVE_CUE.search(self.work, us, pos)
        return m if m is not None and self.lex.naming_cue.fullmatch(m.group("verb")) and self._speech_cue(m.group("verb")) else None

    def _relative_speaker(self, us: int, m: re.Match[str]) -> _Speaker | None:
        """The antecedent of "who" of the relative clause ``m`` ("... from President Barack Obama,
        who called the nominee “unfit to serve”"): the name before ", who", or a short phrase of a
        speaker noun; None when neither (never the main clause's subject: "Reporters questioned
        the aide, who later described ..." is the aide's)."""
        named = [x for x in self._mentions_in(max(us, m.start() - 80), m.start()) if x.span.end == m.start() and x.kind != "description"]
        if not named:
            np = self._np_before(m.start(), us)  # "criticized by officials, who called it ...": a short phrase of a speaker noun
            words = self.work[np[0] : np[1]].split() if np else []
            return self._speaker_from_np(*np) if np and len(words) <= 3 and self._speaker_noun(words[-1].lower()) else None
        if self.types.get(named[-1].actor) not in ("PERSON", "ORG", "NORP"):
            return None
        of = OF_BEFORE_NAME.search(self.work[max(us, named[-1].span.start - 60) : named[-1].span.start])
        if of is not None and (of.group("noun") is None or self._speaker_noun(of.group("noun"))):
            return None  # "the wife of Senator Ted Cruz, who called ...", "an aide to X, who": "who" may be the wife, the aide
        return self._speaker_from_np(named[-1].span.start, named[-1].span.end)

    def _adverbial(self, s: int, e: int) -> bool:
        """Whether ``[s, e)``, set off by a comma before a clause, is a time or manner adverbial
        ("Hours later", "Two days earlier", "Most recently"), never a subject; names are none."""
        return TIME_ADVERBIAL.fullmatch(self.work[s:e]) is not None and not self._mentions_in(s, e)

    def _place_after(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` is the US state after a town that ended the adverbial before it
        ("Speaking in Salem, New Hampshire, Trump ..."; "At a rally in Birmingham, Alabama, ...").
        A country is no such thing ("In Geneva on Monday, Iran, ... rejected": Iran is the subject)."""
        seg = self.work[s:e].strip()
        comma = self.work.rfind(",", max(0, s - 60), s)
        word = re.search(r"([\w.'’-]+)\s*$", self.work[max(0, comma - 40) : comma]) if comma >= 0 else None
        town = word is not None and word.group(1)[:1].isupper() and self._in_date(max(0, comma - 40) + word.start(1)) is None
        return town and (seg in US_STATE_NAMES or seg in STATE_ABBREVIATIONS or seg.rstrip(".").lower() in AP_STATES)

    def _clause_speaker(self, us: int, pos: int, masked: str | None = None) -> _Speaker | None:
        """The subject of the clause that holds ``pos`` (a participle or a partial quote)."""
        text = self.work[us:pos]
        off = 0
        dateline = DATELINE.match(text)
        if dateline:
            off = dateline.end()
        skipped = False
        scan = masked[: pos - us] if masked is not None and len(masked) >= pos - us else text
        for _ in range(4):
            seg = re.match(r"\s*([^,;:\"]{1,120}?),\s+", scan[off:])
            quoted = QUOTED_TITLE_SEG.match(scan[off:]) if seg is None else None
            if quoted is not None and self.text[us + off + quoted.end(1) - 2] == ",":
                seg = quoted  # "In an interview with “Fox and Friends,” Donald Trump ...": the comma inside the marks
            if not seg:
                break
            first = seg.group(1).split()[0].lower() if seg.group(1).split() else ""
            is_date = self._in_date(us + off + seg.start(1)) is not None
            if first in LEADING or first.endswith("ing") or is_date or PARTICIPLE_BY.match(seg.group(1)) or self._adverbial(us + off + seg.start(1), us + off + seg.end(1)) or (skipped and self._place_after(us + off + seg.start(1), us + off + seg.end(1))):
                off += seg.end()
                skipped = True
                continue
            break
        opener = PARTICIPLE_OPENER.match(text, off)
        if opener is not None and not self._mentions_in(us + off, us + opener.end()):
            # "Hastily politicizing the tragedy ― much like he did ... ― Trump cast the blame ...":
            # the clause's subject comes after the participle's phrase, past its last dash
            # (never a name ending so: "Beijing", "Manning").
            dash = max(text.rfind("―", off), text.rfind("—", off), text.rfind(" -- ", off))
            if dash >= 0:
                off = dash + 1
            elif opener.group("adverb"):
                return None  # no subject to read: the adverb is none
        if OPENING_BEFORE_PARTICIPLE.fullmatch(text, off):
            # "One month after announcing his support ..., Marco Rubio still believes": the
            # participle opens the sentence; its subject is the main clause's, after the comma
            comma = re.compile(r",\s+").search(self.work, pos, min(len(self.work), pos + 200))
            if comma is None or re.search(r"[.;:!?\"]", self.work[pos : comma.start()]):
                return None
            return self._subject_at(us, comma.end(), min(len(self.work), comma.end() + 120))
        lead = re.match(r"\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Also|Then|When|Whenever|Where|Whereas|If|As|While|After|Before|Since|Although|Though|Because|Once|Until|Unless)\s+)?", text[off:])
        if lead:
            off += lead.end()
        sp = self._subject_at(us, us + off, pos)
        sub = CLAUSE_BEFORE_PARTICIPLE.search(text, off)
        mute = sp is None or (sp.pronoun and sp.text.lower() == "it") or not (sp.actor or sp.pronoun or self._speaker_noun(sp.text.split()[-1].lower()) or sp.text.split()[-1][:1].isupper())
        if sub is not None and mute:
            # "The first incident came ..., when Sanders protesters interrupted her speech, shouting
            # “...”": a subject that cannot speak gives way to the subordinate clause's.
            return self._subject_at(us, us + sub.start("clause"), pos)
        return sp

    def _subject_at(self, us: int, start: int, pos: int) -> _Speaker | None:
        """The noun phrase that opens ``[start, pos)``, read forwards, as a speaker."""
        toks = self._tokens(start, pos)
        if not toks:
            return None
        first_w = self.work[toks[0][0] : toks[0][1]]
        if first_w.lower() in PRONOUNS:
            return self._speaker_from_np(toks[0][0], toks[0][1])
        k = 0
        while k < len(toks) and k < 14:
            ts, te = toks[k]
            w = self.work[ts:te]
            lw = w.lower()
            in_mention = any(m.span.start <= ts < m.span.end for m in self._mentions_in(max(us, ts - 80), te + 80))
            if in_mention or w[:1].isupper() or lw in DETERMINERS or lw in self.titles or lw in ("of", "'s", "’s", "'", "’", "-") or self._speaker_noun(lw):
                k += 1
                continue
            if w.isalpha() and w.islower() and w not in NOT_MODIFIERS and not w.endswith("ed") and (k == 0 or self.work[toks[k - 1][0] : toks[k - 1][1]].lower() in DETERMINERS) and k + 1 < len(toks) and self._speaker_noun(self.work[toks[k + 1][0] : toks[k + 1][1]].lower()):
                k += 1  # "harbour workers", "county officials": a modifier before a speaker noun
                continue
            if w == "." and k > 0 and TITLE_DOT.fullmatch(self.work[toks[k - 1][0] : te]):
                k += 1  # "Rep. Hakeem Jeffries": the title's dot
                continue
            tag = re.match(r"\(([^()]{1,16})\)", self.work[ts : ts + 18]) if w == "(" else None
            if tag and k > 0 and PARTY_TAG.match(tag.group(1)):
                end_tag = ts + tag.end()  # "Rep. Hakeem Jeffries (D-N.Y.)": the party tag ends the name
                return self._speaker_from_np(toks[0][0], toks[k - 1][1]) if end_tag <= pos else None
            break
        if 0 < k < len(toks) and self.work[toks[k][0] : toks[k][1]] in ("he", "she", "they", "we", "I"):
            return self._speaker_from_np(toks[k][0], toks[k][1])  # "As a child he called it ...": the pronoun is the subject
        possessor = re.search(r"(?:['’]s|s['’])$", self.work[toks[k - 1][0] : toks[k - 1][1] + 1].rstrip()) if k else None
        if possessor and k < len(toks) and self.work[toks[k][0] : toks[k][1]].lower() in SPEECH_NOUNS:
            return self._speaker_from_np(toks[0][0], toks[k - 1][1])  # "Trump's comments about the judge, who he called “a hater”"
        if k == 0 or possessor or self.work[toks[k - 1][0] : toks[k - 1][1]] in ("'", "’"):
            return None  # ("Trump’s row with the Khan family triggered ...": the possessor is no subject)
        return self._speaker_from_np(toks[0][0], toks[k - 1][1])

    def _via(self, s: int, e: int) -> str | None:
        seg = self.text[s:e]
        for pat in self.lex.relay:
            m = pat.search(seg)
            if m:
                v = m.group("via").strip()
                if pat.pattern.startswith("\\b(?:told"):
                    try:
                        from newsprism.knowledge import outlets

                        if outlets().lookup(v) is None:
                            continue
                    except Exception:  # noqa: BLE001 — without the outlet list "told X" is never a relay
                        continue
                return v.rstrip(".,")
        return None

    def _clause_verb(self, np_end: int, limit: int) -> str | None:
        """The first verb-like word after a subject (the cue of a partial quote with no frame)."""
        text = self.work[np_end:limit]
        # An apposition or participial phrase between commas is not the verb ("Kim, speaking at ..., threatened").
        text = re.sub(r"^\s*,[^,]{1,160},", lambda m: " " * len(m.group(0)), text)
        for m in re.finditer(r"[A-Za-z][\w'’-]*", text):
            w = m.group(0)
            lw = w.lower()
            if lw in AUX or (lw.endswith("ly") and len(lw) > 4) or self._in_date(np_end + m.start()) is not None:
                continue
            if lw in PREPOSITIONS or lw in ("last", "this", "next", "early", "late"):
                continue
            if w[:1].isupper():
                return None
            return lw
        return None

    # -- quotes of a unit ----------------------------------------------------------------

    def _quotes_of_unit(self, pi: int, us: int, ue: int, masked: str, pairs: Sequence[Pair], frames: list[_Frame]) -> None:
        for idx, p in enumerate(pairs):
            cs, ce = p.open + 1, p.close if not p.runs_on else min(p.close, ue)
            while ce > cs and (self.raw[ce - 1].isspace() or self.raw[ce - 1] == ","):
                ce -= 1
            while cs < ce and self.raw[cs].isspace():
                cs += 1
            body = self.raw[cs:ce]
            words = WORDS.findall(body)
            if not words or not any(c.isalpha() for c in body):
                continue  # no letter, no speech: a code or a figure in quotation marks ("7•27 0001")
            pre_s = pairs[idx - 1].end if idx > 0 else us
            pre = masked[pre_s - us : p.start - us]
            post_e = pairs[idx + 1].start if idx + 1 < len(pairs) else ue
            post = masked[p.end - us : post_e - us] if not p.runs_on else ""
            headline_colon = re.search(r":\s*$", pre) is not None and any(a <= p.start < b for a, b in self.titles_at)
            if self._is_name(body, masked[: p.start - us]) and not headline_colon:
                continue  # (a title's "Rosa Venn On The Strike: ‘We Will Win’" is words, in title case)
            f = _Found(cs, ce, "direct", para=pi, pair=p)
            # The frame whose content holds the quote, the one right after it, the one right before it.
            inside = [fr for fr in frames if fr.content and fr.content[0] <= p.start and p.close <= fr.content[1] + 1]
            after = [fr for fr in frames if fr.content is None and fr.kind in ("after-quote", "say", "tell", "before-quote") and p.close < fr.cue_start <= post_e and fr.cue_start - p.close < 200]
            after_ok = [fr for fr in after if self._only_attribution(p.end, fr, masked, us)]
            before = [fr for fr in frames if fr.kind in ("before-quote", "colon", "tell", "say", "participle") and fr.content is None and fr.cue_end <= p.start and pre_s <= fr.cue_start]
            starts_clause = re.fullmatch(r"[\s\-—–]*", pre) is not None or (idx > 0 and re.fullmatch(r"[\s,.;:!?]*", pre) is not None) or (idx == 0 and SENTENCE_ADVERB_BEFORE.fullmatch(pre) is not None)
            ends_clause = re.fullmatch(r"[\s.!?)]*", post) is not None
            fr_use: _Frame | None = None
            if inside:
                fr_use = min(inside, key=lambda fr: (fr.content[1] - fr.content[0]) if fr.content else 0)
                share = len(words) / max(1, len(WORDS.findall(self.text[fr_use.content[0] : fr_use.content[1]]))) if fr_use.content else 0
                f.kind = "partial"
                if share >= 0.8 and re.search(r"[:,]\s*$", masked[: p.start - us]) and body[:1].isupper():
                    f.kind = "direct"
            elif after_ok and (starts_clause or re.search(r"[:,]\s*$", pre)):
                fr_use = after_ok[0]
                f.kind = "direct" if body[:1].isupper() or starts_clause else "partial"
            elif (
                resumed := [
                    fr for fr in frames if fr.kind == "after-quote" and pre_s <= fr.cue_start < p.start and re.fullmatch(r"\s*,\s*", masked[max(fr.cue_end, fr.region[1]) - us : p.start - us])
                ]
            ) and idx > 0 and (body[:1].islower() or len(words) >= 4):  # (not a title: "said X, “The Apprentice” alum")
                # "“She is too far behind,” said an Iowa Democrat, “and Iowa was not ...”": the quotation resumes
                fr_use = resumed[0]
                f.kind = "direct"
            elif after_ok and re.fullmatch(r"[^.!?\"]{0,100}", ABBREVIATION_DOTS.sub("", pre)) and re.match(r"\s*[.!?]", masked[max(after_ok[0].cue_end, after_ok[0].region[1]) - us :]):
                # "It is “undermining our constitution ...,” he warned.": the sentence the quotation
                # closes is the speaker's, whatever its subject ("It", which stood for France); also
                # "The endorsement “was early ...,” said Heiserman of the CORE Teachers."
                fr_use = after_ok[0]
                f.kind = "partial"
            elif before and (ends_clause or re.match(r"\s*[,;]", post) or COORDINATED_VERB_AFTER.match(post)):
                fr_use = before[-1]
                tail = masked[fr_use.cue_end - us : p.start - us]
                f.kind = "direct" if re.search(r"[,:]\s*$", tail) or tail.strip() == "" else "partial"
            else:
                colon = re.search(r":\s*$", pre)
                if colon and not starts_clause and ends_clause:
                    cpos = pre_s + colon.start()
                    np = self._np_before(cpos, us)
                    sp = self._speaker_from_np(*np) if np else None
                    in_title = any(a <= p.start < b for a, b in self.titles_at)
                    # A title's "Exclusive:", "Karsk Floods:" labels the story: a person or an organisation speaks.
                    lead_in = masked[: sp.start - us] if sp is not None and sp.start >= us else ""
                    # The phrase before the colon is the clause's subject, not the last noun of a
                    # clause ("he suggested Curiel was from Mexico: “...”" is not Mexico's), and
                    # never a place.
                    opens = len(WORDS.findall(lead_in)) <= 4 or re.search(r"[,—–-]\s*$", lead_in) is not None
                    if sp is not None and opens and self.types.get(sp.actor or "") not in ("GPE", "LOC", "FAC") and (sp.actor or sp.text[:1].isupper()) and (not in_title or self._titled_speaker(sp)):
                        fr_use = _Frame(":", cpos, cpos + 1, sp, (sp.start, p.start), None, "colon")
                elif idx == len(pairs) - 1 and (signed := self._signed(pi, p)) is not None:
                    fr_use = self._sign_off(signed)
                    f.extra["signed"] = True  # signed by a name: never another speaker's continuation
            if fr_use is not None:
                f.frame = fr_use
                f.speaker = fr_use.speaker
                f.cue = fr_use.cue
                f.medium = fr_use.medium
                f.via = fr_use.via or self._via(us, ue)
                f.region = fr_use.region
            elif starts_clause and (ends_clause or re.match(r"\s*[,;]?\s*$", post)) and not f.extra.get("signed"):
                f.kind = "direct"  # a quote that is its own sentence: continues a speaker (below)
                f.extra["continuation"] = True
            else:
                # A partial quote in a clause with no frame: the clause's subject said it, or the
                # speaker set between commas before it ("African-Americans, he said, can “rock
                # like Jimi”": he said it, not African-Americans).
                rel = self._relative_cue(us, p.start)
                sp = self._relative_speaker(us, rel) if rel else (self._as_said_speaker(us, p.start, masked) or self._interposed_speaker(us, p.start) or self._clause_speaker(us, p.start, masked))
                if sp is not None and any(a <= p.start < b for a, b in self.titles_at) and not self._titled_speaker(sp):
                    sp = None  # a title's "Analysis: ‘...’" labels the story
                if sp is not None and (sp.actor or sp.pronoun or self._speaker_noun(sp.text.split()[-1].lower())):
                    # a whole sentence after a colon stays a direct quote ("X said of Rubio: “He is ...”")
                    f.kind = "direct" if re.search(r":\s*$", pre) and ends_clause and body[:1].isupper() else "partial"
                    f.speaker = sp
                    # The speech verb nearest before the quote ("calling it a “...”"), else the clause's verb.
                    in_title = any(a <= p.start < b for a, b in self.titles_at)
                    span = self.work[sp.end : p.start].lower() if in_title else self.work[sp.end : p.start]  # a title's "Calls"
                    near = [
                        m
                        for m in self.lex.naming_cue.finditer(span)
                        if not m.group(0)[:1].isupper() and not (m.group(0).lower().startswith("quot") and NOUN_QUOTES_BEFORE.search(span[: m.start()]))
                    ]  # "gestured with air quotes, “...”": the noun, no verb of saying
                    if not near and len(words) <= SCARE_WORDS:
                        continue  # "closes with an implication about the woman's “head”": no verb of saying, a term held at a distance
                    f.cue = near[-1].group(0) if near else self._clause_verb(sp.end, p.start)
                    if near and not in_title and rel is None:
                        # "Rodong Sinmun carried Medvedev's message, in which the Russian politician
                        # expressed hopes for “new possibilities”": the subject of the verb nearest
                        # the quote, when one stands between it and the clause's subject
                        cue_at = sp.end + near[-1].start()
                        np = self._np_before(cue_at, sp.end)
                        inner = self._speaker_from_np(*np) if np else None
                        if inner is not None and inner.start > sp.end and self._inner_subject(sp.end, inner):
                            f.speaker = inner
                    f.region = (us, p.start)
                    f.via = self._via(us, ue)
                else:
                    if len(words) < self.min_words:
                        continue  # a scare quote or a term
                    f.kind = "partial" if not starts_clause else "direct"
                    f.extra["unattributed"] = True
            self.found.append(f)

    def _signed(self, pi: int, p: Pair) -> re.Match[str] | None:
        """A paragraph that is a quotation signed with a dash and a name ("“...” ― Jane Roe",
        "“...” -- Jane Roe, 45, Tucson."), as vox pops and epigraphs print their speakers: the
        quotation opens the paragraph and the sign-off ends it."""
        ls, le = self.paras[pi]
        if self.text[ls : p.start].strip():
            return None
        return SIGN_OFF.fullmatch(self.text, p.end, le)

    def _sign_off(self, m: re.Match[str]) -> _Frame | None:
        """The signed person said it; a name that is no person of the article (a person mention
        there, or a person known by its words) gives no speaker."""
        s, e = m.start("name"), m.end("name")
        if self.text[e - 1] == "." and e - s > 2 and self.text[e - 3] not in " \t\u00a0.":
            e -= 1  # the sentence's full stop, not an initial's ("Jane Roe." vs "Jane Q.")
        sp = self._label_speaker(s, e)
        if sp is None or self.types.get(sp.actor or "") != "PERSON":
            return None
        dash = m.group("dash")
        return _Frame("sign-off", m.start("dash"), m.start("dash") + len(dash), sp, (m.start("dash"), m.end()), None, "after-quote")

    def _only_attribution(self, start: int, fr: _Frame, masked: str, us: int) -> bool:
        """Whether only punctuation lies between a quote's end (``start``) and the frame's first word."""
        if fr.speaker is None:
            return False
        first = min(fr.cue_start, fr.speaker.start) if fr.speaker.start >= start else fr.cue_start
        if first < start:
            return False
        return re.fullmatch(r"[\s,—–-]*", masked[start - us : first - us]) is not None

    def _is_name(self, body: str, before: str) -> bool:
        """A title, a name or a term in marks, not anyone's words."""
        if self.lex.naming_before.search(before):
            return True
        words = re.findall(r"[A-Za-z][\w'’-]*", body)
        if re.search(r"(?:\w['’]s|\bon)\s*$", before):
            body = body.strip().rstrip(".,")  # "on MSNBC’s “Morning Joe.”": a show's name, the full stop American style
        if len(words) >= 2 and not re.search(r"[.!?,;:]\s*$", body.strip()):
            small = {"of", "the", "and", "a", "an", "on", "in", "for", "to", "at", "by", "with", "between", "from", "or", "de", "la", "vs"}
            content = [w for w in words if w.lower() not in small]
            caps = [w for w in content if w[:1].isupper()]
            if content and len(caps) == len(content) and len(content) >= 2:
                return True
        return False

    # -- indirect speech of a unit ----------------------------------------------------------

    def _clause_around_quote(self, fr: _Frame, us: int, ue: int, masked: str, pairs: Sequence[Pair]) -> tuple[int, int] | None:
        """A reported clause that opens on a quotation and goes on after it ("Obama said “it gets
        me mad” every time he thinks about ...": the words after the quote are his reported words
        too), or None when the quotation is all that was said."""
        if fr.kind != "before-quote" or fr.speaker is None or fr.speaker.start > fr.cue_start:
            return None
        p2 = fr.region[1]
        pair = next((p for p in pairs if p.start == p2), None)
        if pair is None or pair.runs_on:
            return None
        if not re.match(r"[\s\u00a0]+(?:[a-z]+ly\s+)?(?!(?:and|or|but|he|she|they|it|said|says|adding|saying)\b)[a-z]{2,}\b", masked[pair.end - us :]):
            # "said: “...”", "said “...,” adding ...", "said “...” and “...”": the quote is what was said
            return None
        if fr.cue.lower() in self.lex.tell and len(WORDS.findall(self.text[pair.open : pair.close])) <= 4:
            return None  # "told NBC's “Today” on Monday": a show's name, the one told
        after = re.match(r"[\s\u00a0]+([a-z]+)", masked[pair.end - us :])
        if after is None or after.group(1) in AFTER_QUOTE_NOT_CLAUSE:
            return None  # "said “no” when asked ...", "“I love you” three times": the quote is what was said
        c1 = self._content_end(p2, ue, masked, us)
        if not FINITE_HINT.search(self.work, pair.end, c1):
            return None
        return (p2, c1) if c1 > pair.end + 8 else None

    def _comma_in_quote_before(self, cs: int) -> bool:
        """A comma set inside the closing mark right before ``cs`` ("called the “Golden Week,”
        saying that ..."): the participle follows a comma, American style."""
        k = cs
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        return k >= 2 and self.work[k - 1] == '"' and self.text[k - 2] == ","

    def _addressed_at_end(self, pos: int, ue: int, masked: str, us: int, lemma: str) -> int:
        """Past the one written or spoken to when nothing follows it in the clause ("..., Kennedy
        wrote in a memo to Inspector General Steve Linick.", "..., Kennedy wrote Linick."): the
        attribution ends there; else ``pos`` unchanged."""
        rest = masked[pos - us :]
        to = re.match(r"\s+to(?=\s)", rest)
        if to is not None:
            names = re.match(r"\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,7}", masked[pos + to.end() - us :])
            q = pos + to.end() + names.end() if names else self._skip_addressee(pos + to.end(), ue, masked, us)
        elif lemma == "write":
            named = re.match(r"\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", rest)
            q = pos + named.end() if named else pos
        else:
            return pos
        return q if q > pos and re.fullmatch(r"[\s.!?)\]]*", masked[q - us : ue - us]) else pos

    def _relayed(self, frames: list[_Frame], according: list[_Frame]) -> list[_Frame]:
        """The "according to" frames that attribute words to their source; one whose words hold
        another speaker's attribution ("“...,” Conason writes in his book, according to the Times")
        names who relayed them: that frame's ``via``, not its speaker."""
        out = []
        for acc in according:
            # ... the attribution right before "according to" ("X writes in his book, according
            # to"), never one inside the words that follow a leading "According to Y, ..."
            inner = [
                f
                for f in frames
                if acc.content is not None
                and f.speaker is not None
                and acc.content[0] <= f.cue_start < acc.content[1] <= acc.cue_start
                and f.kind in ("after-quote", "say", "tell", "inverted", "before-quote")
                and re.fullmatch(r"[^.!?;\"]{0,80}?,?\s*", self.work[max(f.cue_end, f.region[1]) : acc.cue_start])
                and re.search(r"[,\"]\s*$", self.work[max(0, min(f.speaker.start, f.cue_start) - 4) : min(f.speaker.start, f.cue_start)]) is not None
            ]
            if inner and acc.speaker is not None:
                for f in inner:
                    f.via = f.via or acc.speaker.text
                continue
            out.append(acc)
        return out

    def _indirect_of_unit(self, pi: int, us: int, ue: int, masked: str, pairs: Sequence[Pair], frames: list[_Frame]) -> None:
        for fr in frames:
            content = fr.content if fr.content is not None else self._clause_around_quote(fr, us, ue, masked, pairs)
            if content is None or fr.speaker is None:
                continue
            c0, c1 = content
            dateline = DATELINE.match(self.text[c0:c1])
            if dateline and dateline.end() < c1 - c0:
                c0 += dateline.end()  # "SEOUL -- Kim attended ..., state media reported": the dateline is no one's words
            note = _inline_note(self.raw, c0, c1)
            if note is not None:
                c1 = note  # "... on the peninsula(ATTN: ADDS comment ...)": a wire's note ends what was said
                while c1 > c0 and self.text[c1 - 1] in " ,;:":
                    c1 -= 1
                if c1 <= c0:
                    continue
            inner = [p for p in pairs if c0 <= p.open + 1 and p.close <= c1 + 1]
            quoted = sum(len(WORDS.findall(self.text[p.open : p.close])) for p in inner)
            total = len(WORDS.findall(self.text[c0:c1]))
            if total == 0 or (inner and quoted / total >= 0.5):
                continue  # mostly quoted: the quote carries it (found above)
            kind = "indirect"
            f = _Found(c0, c1, kind, frame=fr, para=pi, speaker=fr.speaker, cue=fr.cue, medium=fr.medium, via=fr.via or self._via(us, ue), region=fr.region)
            if id(fr) in self._outer_region:
                f.extra["outer_region"] = self._outer_region[id(fr)]
            self.found.append(f)

    # -- continuations ----------------------------------------------------------------------

    def continuations(self) -> None:
        """A quote with no attribution of its own continues the nearest speaker (same paragraph, then the one before)."""
        direct = sorted((f for f in self.found if f.kind in ("direct", "partial")), key=lambda f: f.start)
        for f in direct:
            if not f.extra.get("continuation") or f.speaker is not None:
                continue
            same = [g for g in direct if g.para == f.para and g.speaker is not None and g is not f]
            prev = [g for g in same if g.start < f.start]
            nxt = [g for g in same if g.start > f.start]
            src = prev[-1] if prev else (nxt[0] if nxt else None)
            if src is None:
                # The paragraph before ended with a quote or a colon frame.
                before = [g for g in direct if g.para == f.para - 1 and g.speaker is not None and g.kind == "direct"]
                if before and self.text[self.paras[f.para][0] : f.start].strip() in ('"', "'", ""):
                    # A paragraph that opens with a quote after a paragraph quoting someone: the same voice.
                    src = before[-1]
                else:
                    src = self._colon_before(f)
            if src is None:
                if WORDS.findall(self.raw[f.start : f.end]).__len__() < self.min_words:
                    f.dropped = True
                else:
                    f.extra["unattributed"] = True
                continue
            f.speaker = src.speaker
            f.cue = src.cue
            f.medium = src.medium
            f.via = src.via
            f.region = src.region
            f.inherited = src

    def _colon_before(self, f: _Found) -> _Found | None:
        if f.para == 0:
            return None
        ls, le = self.paras[f.para - 1]
        line = self.text[ls:le].rstrip()
        if not line.endswith(":"):
            return None
        cands = [ls + mm.start() for mm in self.lex.cue.finditer(line) if self._speech_cue(mm.group(0))]
        if not cands:
            # "President Clinton released the following statement:" introduces the quote below.
            for pat in self.lex.statement_intros:
                im = pat.search(line)
                if im:
                    sent = self._sentence_around(ls + im.start(), ls, le)
                    sp = self._statement_speaker(sent[0], sent[1], ls + im.start(), ls + im.end())
                    if sp is not None:
                        return _Found(ls, le, "frame", speaker=sp, cue=" ".join(im.group(0).split()), region=sent)
            return None
        cs = cands[-1]
        np = self._np_before(cs, ls)
        sp = self._speaker_from_np(*np) if np else None
        if sp is None:
            return None
        return _Found(ls, le, "frame", speaker=sp, cue=self.text[cs : cs + len(line) - (cs - ls)].split()[0], region=(np[0] if np else cs, le))

    # -- output ----------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        skip = self.statements()
        skip |= self.speaker_labels(skip)
        self.captions(skip)
        self.paragraphs(skip)
        self.continuations()
        out: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        holders = [g for g in self.found if g.kind == "statement" or g.extra.get("bite")]
        for f in sorted(self.found, key=lambda f: (f.start, f.end)):
            if f.dropped or f.end <= f.start or (f.start, f.end) in seen:
                continue
            if f.kind != "statement" and any(
                (g.kind == "statement" or g is not f) and g.start <= f.start and f.end <= g.end for g in holders
            ):
                continue  # words inside a reproduced statement or a sound bite are the speaker's, not new quotes
            seen.add((f.start, f.end))
            out.append(self._quote(f))
        return out

    def _quote(self, f: _Found) -> Quote:
        sp = f.speaker
        date, date_span = self._date(f)
        speaker_text = " ".join(self.raw[sp.start : sp.end].split()) if sp else None
        return Quote(
            article=self.art.id,
            span=Span.of(self.raw, f.start, f.end),
            kind=f.kind,
            speaker=sp.actor if sp else None,
            speaker_text=speaker_text,
            cue=" ".join(f.cue.split()) if f.cue else None,
            medium=f.medium,
            date=date,
            via=f.via,
            speaker_span=Span.of(self.raw, sp.start, sp.end) if sp else None,
            speaker_ref=sp.ref if sp else None,
            speaker_name=sp.name if sp else None,
            date_span=date_span,
            speaker_evidence=sp.evidence if sp else None,
            mode=f.frame.mode if f.frame is not None and f.kind == "indirect" else None,
        )

    def _date(self, f: _Found) -> tuple[DateRange, Span | None]:
        regions = []
        src: _Found | None = f
        while src is not None:
            if src.region:
                regions.append(src.region)
            if "outer_region" in src.extra:
                regions.append(src.extra["outer_region"])
            src = src.inherited
        for a, b in regions:
            for d in self.dates:
                if a <= d.span.start and d.span.end <= b and (d.type in (None, "DATE", "TIME")) and d.value.earliest:
                    if f.pair is not None and f.pair.open <= d.span.start <= f.pair.close:
                        continue
                    v = d.value
                    ev = f"'{d.span.text}' in the attribution" + (f"; {v.evidence}" if v.evidence else "")
                    conf = v.confidence * (0.9 if f.inherited else 1.0)
                    return DateRange(v.earliest, v.latest, conf, ev), d.span
        return published_date(self.art.published), None


CREDIT_WORDS = re.compile(r"\b(?:photo|photos|image|images|pool|file|handout|courtesy|graphic|video)\b", re.I)


def _is_credit(role: str) -> bool:
    """A photo credit, not a speaker's role: "Jane Roe / Reuters", "Jane Roe / Getty Images"."""
    from newsprism.knowledge import outlets

    return bool(CREDIT_WORDS.search(role)) or outlets().lookup(role) is not None


def published_date(published: DateRange) -> DateRange:
    """The utterance date when the attribution names none: the publication date, with less confidence."""
    if not published.known:
        return DateRange(None, None, 0.0, "no date in the attribution and no publication date")
    return DateRange(
        published.earliest,
        published.latest,
        published.confidence * 0.5,
        "no date in the attribution: the article's publication date (the words may be older)",
    )


def masked_quote(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is a quotation mark (a quote's edge ends a speaker phrase)."""
    return text[pos : pos + 1] in ('"', "“", "”")


def extract_quotes(article: Article, beliefs: bool = False, min_unattributed_words: int = 6) -> list[Quote]:
    """The quotes of one article (after the nlp, actors and timex stages; see the module docstring).

    Args:
        article: an article with lines (and, for speakers and dates, mentions and dates).
        beliefs: also read verbs of belief ("believes", "suggests") as cues.
        min_unattributed_words: a quoted string with no speaker this short is a scare
            quote or a term and is left out.

    Returns:
        The quotes, ordered by position; every span lies inside ``raw_text``.
    """
    if not article.raw_text or not article.lines:
        return []
    return _Extractor(article, lexicon(beliefs), min_unattributed_words).run()


@stage(
    "newsprism.quotes.v1",
    requires=["article.lines", "article.raw_text", "article.sentences", "article.mentions", "article.actors", "article.dates", "article.published"],
    assigns=["article.quotes"],
    defaults={"beliefs": False, "min_unattributed_words": 6},
)
def make_quotes(beliefs: bool = False, min_unattributed_words: int = 6) -> Callable[[Article], Article]:
    """Quotes with speakers: direct, partial, indirect and whole statements (cue, medium, via, date)."""

    def quotes(article: Article) -> Article:
        article.quotes = extract_quotes(article, beliefs=beliefs, min_unattributed_words=min_unattributed_words)
        return article

    return quotes


# ----------------------------------------------------------------------------- corpus

SHINGLE = 3
# A shingle shared by more quotes than this is a stock phrase ("the United States and"), not evidence.
MAX_POSTING = 50


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORDS.findall(_normalise(text))]


def link_quotes(quotes: Sequence[Quote], threshold: float = 88.0) -> dict[int, str]:
    """Group quotes whose texts match closely (the same statement carried by several articles).

    Quotes are blocked by shared word 3-shingles (an inverted index, so the cost grows
    with the quotes that share wording, never all pairs), then a candidate pair is
    confirmed with rapidfuzz: ``ratio`` at ``threshold``, or ``partial_ratio`` when the
    shorter quote (4 words or more) is a stretch of the longer one.

    Returns:
        ``{index in quotes: group id}`` for every quote (singletons have their own).
    """
    from rapidfuzz import fuzz

    toks = [_words(q.span.text) for q in quotes]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, ws in enumerate(toks):
        grams = {tuple(ws[k : k + SHINGLE]) for k in range(max(1, len(ws) - SHINGLE + 1))} if ws else set()
        for g in grams:
            index[g].append(i)
    parent = list(range(len(quotes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tried: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) < 2 or len(posting) > MAX_POSTING:
            continue
        for a_i, a in enumerate(posting):
            for b in posting[a_i + 1 :]:
                key = (a, b) if a < b else (b, a)
                if key in tried or find(a) == find(b):
                    continue
                tried.add(key)
                ta, tb = " ".join(toks[a]), " ".join(toks[b])
                short, long_ = sorted((ta, tb), key=len)
                same = fuzz.ratio(ta, tb) >= threshold or (len(short.split()) >= 4 and fuzz.partial_ratio(short, long_) >= max(threshold, 95.0))
                if same:
                    parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        groups[find(i)].append(i)
    out: dict[int, str] = {}
    for members in groups.values():
        first = min(members, key=lambda i: (quotes[i].article, quotes[i].span.start))
        gid = "quote-" + hashlib.sha1(f"{quotes[first].article}:{quotes[first].span.start}:{quotes[first].span.end}".encode()).hexdigest()[:12]
        for i in members:
            out[i] = gid
    return out


class _Refresher:
    """:func:`refresh` for every quote of one article: its mentions, actors and dates indexed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions = MentionIndex(article)
        self.names = {a.id: a.name for a in article.actors}
        self.dates = {(d.span.start, d.span.end): d for d in reversed(article.dates)}  # the first of each span wins

    def __call__(self, q: Quote) -> Quote:
        article = self.article
        speaker = q.speaker
        if q.speaker_ref is not None:
            speaker = self.mentions.at(q.speaker_ref.start, q.speaker_ref.end) or speaker
        date = q.date
        if q.date_span is not None:
            d = self.dates.get((q.date_span.start, q.date_span.end))
            if d is not None and d.value.earliest and (d.value.earliest, d.value.latest) != (date.earliest, date.latest):
                date = DateRange(d.value.earliest, d.value.latest, d.value.confidence, f"'{d.span.text}' in the attribution; {d.value.evidence}")
        elif article.evidence.get("published") == "inferred across articles":
            date = published_date(article.published)
        return replace(q, speaker=speaker, speaker_name=self.names.get(speaker, q.speaker_name) if speaker else None, date=date)


def refresh(article: Article, q: Quote) -> Quote:
    """Re-read a quote's speaker id and date after the corpus stages changed actors and dates."""
    return _Refresher(article)(q)


@stage(
    "newsprism.quotes.corpus.v1",
    kind="corpus",
    requires=["article.quotes", "article.actors", "article.mentions", "article.dates", "article.published", "article.evidence.published"],
    assigns=["dossier.quotes", "article.quotes"],
)
def make_quotes_corpus() -> Callable[[Dossier], Dossier]:
    """Every article's quotes in the dossier, speakers re-read after actors merge, the same quote linked across articles."""

    def quotes_corpus(dossier: Dossier) -> Dossier:
        quotes: list[Quote] = []
        for art in dossier.articles:
            again = _Refresher(art)
            art.quotes = [again(q) for q in art.quotes]
            quotes.extend(art.quotes)
        groups = link_quotes(quotes)
        for i, q in enumerate(quotes):
            q.group = groups.get(i)
        dossier.quotes = quotes
        return dossier

    return quotes_corpus
