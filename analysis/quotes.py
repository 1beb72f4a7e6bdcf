"""Stage 4a — quotes: who is quoted saying what, with offsets into the body.

The extractor works paragraph by paragraph on the cleaned body (no model; spaCy's sentencizer is not
used here because it splits at "Lt." / "U.S." and inside quotation marks):

1. **Transcript turns** ("MR. COOK:", "Q:", "GEN. DUNFORD:"): when a document has at least two
   turn labels, each turn's text (and each following unlabelled paragraph) is a direct quote by the
   label's speaker; "Q" is a reporter.  A page without turns may still give a known institution's
   or official's unquoted statement under its name and a colon ("Russian Defence Ministry: On
   January 22, …", as a channel relays it): a direct quote by that actor.
2. **Quotation marks** are paired per paragraph: typographic “ ” and ‘ ’, straight " and ' (a
   straight mark opens after a space and closes after a non-space; an apostrophe inside a word —
   Russia’s, don't — never opens or closes).  Single marks inside double ones are ignored.  A double
   quote left open at the end of a paragraph whose successor re-opens one is a multi-paragraph
   quote: each paragraph's part is a row, all with one speaker.
3. **Scare quotes**: quoted phrases of fewer than ``MIN_WORDS`` words are not quotations; a
   single-quoted phrase needs a speech verb in its sentence.
4. **Attribution**, first match wins: an attribution that ends the quoted words themselves
   ("…, the Russian Defense Ministry said Monday.") — an inner speaker beats the outlet that
   relays it; then the clause after the closing mark (“…,” X said / said X, a spokesman) when the
   quote ends with , ? or !, else the clause before the opening mark (X said: “…”, X told Y that
   “…”, "quoted by TASS as saying:"); "according to X" last.  Unattributed quotes take the speaker of
   their multi-paragraph group, of a neighbouring quote in the paragraph, of a short label
   paragraph naming an actor, or of the person in focus in the previous paragraph.
5. **Resolution**: names go through ``analysis.actors`` (canonical name, role, affiliation,
   side); a surname ("Davis"), pronoun ("he", "she") or definite description ("the source",
   "the ministry", "the official") refers back to the most recent fitting entity of the document;
   an unknown person keeps the name as written, with role and side from their title/appositive;
   an unnamed speaker is named by its head noun ("source", "official") with the description as
   role.  "According to OUTLET" makes the outlet the speaker only when nobody else is named.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from operator import itemgetter
from typing import Any

from analysis.actors import (
    Actor,
    actor_index,
    actor_spans,
    find_actor_mentions,
    resolve_actor,
    side_from_affiliation,
    split_title,
)
from analysis.knowledge import Knowledge
from analysis.nlp import paragraph_spans
from analysis.turns import (
    BARE_ANSWER_LABEL,
    BARE_QUESTION_LABEL,
    BOLD_NAME_LABEL,
    RECORD_LABEL,
    TURN_TIMESTAMP,
)

_FOCUS_SPAN = 1500  # characters back in which a recent speaker beats a merely mentioned person
MAX_UNCLOSED = 1500  # characters: longer unclosed, uncontinued "quotations" are stray marks
MIN_WORDS = 4
SPLIT_OPENING_WORDS = 3  # the first part of a split sentence is a quotation from this many words
MAX_ROLE_WORDS = 8  # a longer "role" before a name is the sentence that introduces the name
SHORT_PHRASE_WORDS = 8  # unattributed phrases shorter than this need a speech verb nearby  # quoted phrases shorter than this are scare quotes / titles, not quotations

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|adding|stated|states|noted|notes|"
    "stressed|stresses|explained|explains|wrote|writes|asked|asks|replied|replies|responded|"
    "accused|accuses|dismissed|dismisses|slammed|slams|blasted|"
    "answered|insisted|insists|argued|argues|warned|warns|declared|declares|announced|announces|"
    "claimed|claims|emphasized|emphasised|underlined|underscored|continued|recalled|concluded|"
    "commented|remarked|admitted|acknowledged|conceded|confirmed|denied|reported|reports|"
    "tweeted|posted|described|describing|suggested|complained|urged|vowed|"
    "promised|predicted|observed|assured|cautioned|contended|maintained|reiterated|affirmed|"
    "alleged|charged|countered|quipped|pointed out|points out|went on|shot back|put it|"
    "testified|briefed|wrote in|texted|emailed|made clear|made it clear|makes clear|makes it clear|"
    "asserted|asserts|retorted|lamented|scoffed|fumed|pledged|boasted|joked|mused|objected|"
    "protested|elaborated|recounted|recalls|admits|concedes|acknowledges|cautions|contends|"
    "complains|summed up|sums up|"
    # a quotation in French, German or Russian kept in an English page
    "a déclaré|a dit|a ajouté|a-t-il ajouté|a-t-elle ajouté|sagte|erklärte|"
    "заявил|заявила|сказал|сказала|добавил|добавила"
)


def _word_start_alternation(alternatives: list[str]) -> str:
    r"""``(?<![\w\-])(?:A|B|…)`` as a pattern that starts with a character class (the
    alternatives' first letters) and checks what precedes a candidate only then: the regex
    engine skips quickly to the next letter that can start one instead of trying every
    alternative at every position.  Same matches: at a position only the alternatives starting
    with its letter can match, and they are tried in the same order."""
    tails: dict[str, list[str]] = {}
    for alternative in alternatives:
        tails.setdefault(alternative[0], []).append(alternative[1:])
    firsts = "".join(sorted(tails))
    groups = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in tails.items())
    return rf"[{firsts}](?<![\w\-].)(?:{groups})"


_NOT_CALLED_FOR = r"(?!\s+(?:for|on|off|up)\b)"
_VERB = re.compile(
    _word_start_alternation(
        [f"called{_NOT_CALLED_FOR}", f"calling{_NOT_CALLED_FOR}", *SPEECH_VERBS.split("|")]
    )
    + r"\b"
)
_INVERTED_VERBS = "said|says|added|adds|told|asked|wrote|explained|continued|noted|stressed|insisted|replied|answered"

_OPEN_DOUBLE = "“„«「『"
_CLOSE_DOUBLE = "”»」』"
# German and some central European typography opens low and closes high: „Wir sind bereit.“
_LOW_OPENING = "„"
_DOUBLE_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + '"')
_SINGLE_MARKS = frozenset("'‘’")
_OPENERS_BEFORE = "([{—–-/:"
_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(_DOUBLE_MARKS))) + "]")
_SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(_SINGLE_MARKS))) + "]")

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "lt",
        "col",
        "gen",
        "capt",
        "maj",
        "sgt",
        "adm",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "prof",
        "brig",
        "cmdr",
        "cdr",
        "amb",
        "rev",
        "inc",
        "corp",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "etc",
        "cpl",
        "pvt",
        "gens",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[“\"‘'(]?[A-Z0-9])")
_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—]{1,200}?\s[–—]\s|\s--\s.{1,200}?\s--\s|\([^()]{0,80}\)")
_LEADING_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "for",
        "from",
        "after",
        "before",
        "during",
        "earlier",
        "later",
        "meanwhile",
        "however",
        "but",
        "and",
        "yet",
        "so",
        "speaking",
        "who",
        "which",
        "while",
        "also",
        "asked",
        "according",
        "when",
        "where",
        "as",
        "if",
        "though",
        "although",
        "since",
        "with",
        "without",
        "by",
        "via",
        "over",
        "under",
        "then",
        "now",
        "still",
        "this",
        "that",
        "these",
        "those",
        # words for the quoted text itself: "Quote from the State transcript:", "Excerpt:"
        "quote",
        "excerpt",
        "extract",
        "transcript",
    ]
)
_TRAILING_WORDS = frozenset(
    [
        "also",
        "later",
        "then",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "would",
        "will",
        "further",
        "again",
        "previously",
        "recently",
        "earlier",
        "reportedly",
        "repeatedly",
        "once",
        "simply",
        "only",
        "just",
        "not",
        "never",
        "had",
        "been",
        "has",
        "been",
        "said",
        "separately",
        "as",
        "quoted",
        "cited",
        "being",
        "publicly",
        "privately",
        "flatly",
        # "X was shown telling reporters", "X was heard saying": a broadcast's footage of a speaker
        "shown",
        "seen",
        "heard",
        "filmed",
        "pictured",
    ]
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "group",
    "it": "thing",
    "we": "group",
    "i": "person",
}
# A speaker's "name" that is only one of these names nobody (no antecedent resolved it).
_BARE_PRONOUNS = frozenset({*_PRONOUNS, "you", "me", "us", "him"})
# head nouns of unnamed speakers (speaker = the noun, role = the description)
_PERSON_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "diplomat",
        "diplomats",
        "commander",
        "officer",
        "officers",
        "minister",
        "envoy",
        "ambassador",
        "adviser",
        "advisor",
        "aide",
        "general",
        "colonel",
        "observer",
        "observers",
        "representative",
        "senator",
        "lawmaker",
        "lawmakers",
        "witness",
        "resident",
        "residents",
        "activist",
        "activists",
        "researcher",
        "scholar",
        "journalist",
        "listener",
        "reader",
        "viewer",
        "caller",
        "correspondent",
        "reporter",
        "head",
        "chief",
        "director",
        "secretary",
        "chairman",
        "republican",
        "democrat",
        # a writer's unnamed acquaintance ("a retired colleague who served at …")
        "colleague",
        "colleagues",
    ]
)
# heads naming one office holder ("the general", "the Arizona Republican"): with no earlier
# entity of that description, the person in focus is meant
_OFFICE_HEADS = frozenset(
    [
        *("general", "colonel", "commander", "minister", "ambassador", "envoy", "senator"),
        *("secretary", "chairman", "chief", "director", "republican", "democrat", "diplomat"),
    ]
)
_INSTITUTION_HEADS = frozenset(
    [
        "ministry",
        "department",
        "statement",
        "release",
        "communique",
        "communiqué",
        "command",
        "agency",
        "government",
        "embassy",
        "office",
        "headquarters",
        "military",
        "army",
        "administration",
        "kremlin",
        "pentagon",
    ]
)
_UTTERANCE_HEADS = frozenset(["statement", "release", "communique", "communiqué"])
_POSTED_HEADS = frozenset(["embassy", "consulate", "mission", "delegation", "envoy", "ambassador"])
_MEDIA_HEADS = frozenset(
    [
        "media",
        "reports",
        "report",
        "newspaper",
        "paper",
        "outlet",
        "outlets",
        "site",
        "website",
        "web",
        "broadcaster",
        "channel",
        "daily",
        "newswire",
        "wire",
        "tabloid",
        "magazine",
    ]
)
# what a viral claim is passed on as, the speaker of its words when nobody is named ("A
# message shared on WhatsApp claims that “…”")
_MESSAGE_HEADS = frozenset(["message", "messages", "post", "posts", "tweet", "tweets"])
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’\-\.]*$")
# A word of a name in a turn label: capitalised, or a particle ("Mr. de Mistura:").
_LABEL_WORD = r"(?:[A-Z][\w.'’\-]*|de|del|da|di|du|van|von|der|al|el|bin|ibn|la|le)"
# A recording's timestamp before a turn label: "[00:04:12] LAVROV:", "(04:12) Lavrov:", "14:32 —
# Peskov:".
_TIMESTAMP = TURN_TIMESTAMP
_CAPS_WORDS = r"[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)"
# The office after a capitalised name in a caption: capitalised words and the small words
# between them, so that a sentence after a comma is no label.
_CAPTION_ROLE = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|of|the|for|on|and|in|at|to)){0,8}"
_TRANSLATED = r"\((?:through|via|in)\s+(?:an?\s+)?(?:translator|interpreter|translation)\)"
_TURN_LABEL = re.compile(
    rf"(?:{_TIMESTAMP}\s*)?"
    # a sound bite's caption: "JOHN KERRY, U.S. SECRETARY OF STATE:"
    # (and "FYODOR LUKYANOV, EDITOR, RUSSIA IN GLOBAL AFFAIRS:", a one-word office before the place)
    rf"(?P<label>{_CAPS_WORDS}{{0,3}},\s+(?:[A-Z][A-Z.'’\-]*,\s+)?{_CAPS_WORDS}{{0,6}}"
    # a television transcript's guest, the name in capitals and the office as printed:
    # "KAREN WALSH, Former Pentagon Official:", "ASHTON CARTER, Secretary of Defense:"
    rf"|{_CAPS_WORDS}{{1,3}},\s+{_CAPTION_ROLE}"
    # a member of Congress with party and state: "SEN. JOHN DOE (R-AZ), ARMED SERVICES CHAIRMAN:"
    r"|[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){1,3}\s+\([A-Z]{1,2}-[A-Z]{2}\)"
    r"(?:,\s+[A-Z][A-Z.'’\-]*(?:\s+(?:[A-Z][A-Z.'’\-]*|of|the|and|on|for)){0,6})?"
    # a question from the floor: "Question from the floor:", "Question to both ministers:"
    r"|(?:Q|Question|QUESTION)\s+(?:from|to|for|FROM|TO|FOR)\s+[\w.'’\- ]{1,40}?"
    r"|Q|[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,3}"
    # (a podcast's numbered speakers: "Speaker 2:", "Caller 1:")
    rf"|[A-Z][\w.'’\-]*(?:\s+{_LABEL_WORD}){{0,3}}(?:\s+\d{{1,2}})?"
    # a parliament's record: "Alex Salmond (Gordon) (SNP):", "The Secretary of State for Foreign
    # and Commonwealth Affairs (Mr Philip Hammond):"; the UN's "Ms. Power (United States of
    # America):"
    rf"|[A-Z][\w.'’\-]*(?:\s+{_LABEL_WORD}){{0,3}}(?:\s+\([^()\n:]{{1,60}}\)){{1,2}}"
    # a recording's transcript: "Michael Kofman (00:04:12):", "Speaker 2 (01:15):"
    rf"|[A-Z][\w.'’\-]*(?:\s+(?:{_LABEL_WORD}|\d{{1,2}})){{0,3}}(?=\s+{_TIMESTAMP}:)"
    r"|[A-Z][^():\n]{0,120}\((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+[A-Z][^():\n]{1,40}\))"
    # a translated speaker's note before the colon: "CHURKIN (through translator):"
    rf"(?:\s+{_TIMESTAMP})?(?:\s+{_TRANSLATED})?:\s+(?:{_TIMESTAMP}\s+)?(?=\S)"
)
# A turn label's colon comes within this many characters of the paragraph's start (the longest
# label, an office with the member's name in brackets, is under 200): paragraphs without one
# are not tried against the pattern.
_LABEL_REACH = 220
_LABEL_PARENTHESES = re.compile(r"\(([^()]*)\)")
_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady")
_NOT_TURN_LABELS = frozenset(
    [
        "UPDATE",
        "EDIT",  # a forum post's "Edit:", "EDIT 2:"
        "NOTE",
        "CORRECTION",
        "PHOTO",
        "VIDEO",
        "RELATED",
        "SOURCE",
        "SOURCES",
        "TAGS",
        "READ",
        "MORE",
        "WATCH",
        "BREAKING",
        "EDITOR'S",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "MEMBERS",  # a record's roll: "Members: Angola, China, …"
        "AGENDA",
        "PARTICIPANTS",
        "ATTENDEES",
    ]
)
# Small words no speaker's label ends in.
_LABEL_END_SMALL_WORDS = frozenset(
    ["by", "of", "for", "from", "to", "with", "and", "the", "in", "at"]
)
# The two patterns below are searched over whole bodies: each starts with a letter and checks
# what precedes it only then (``a(?<!\w.)`` is ``\ba``, ``[A-Z](?<![\w.].)`` is
# ``(?<![\w.])[A-Z]``), so that the regex engine can skip to the next candidate letter quickly.
_GENERIC_TAIL = (
    r"(?<!\w.)n?\s+(?P<np>(?:[\w.\-’']+\s+){0,3}?(?P<head>source|official|diplomat|spokesman|"
    r"spokeswoman|spokesperson|analyst|expert|commander|officer|aide|adviser))\b"
    r"(?P<post>,?\s+(?:informed|familiar|close|speaking|with knowledge|who|aware)[^.;:“”\"]*)?"
)
# "a senior official …" and, opening a sentence, "A senior U.S. defense official …": two
# patterns, each with a literal first letter the engine scans for quickly (a class [Aa] is
# several times slower).
_GENERIC_MENTIONS = (
    re.compile("a" + _GENERIC_TAIL),
    re.compile("A" + _GENERIC_TAIL),
    # "One senior US defence official who has sat in on the talks …": one of them, unnamed
    re.compile(r"One(?<![\w.]...)" + _GENERIC_TAIL.removeprefix(r"(?<!\w.)n?")),
)
# A person named with a description after a comma: "Henrik Albers, a Syria expert at …," or,
# without an article, "Viktor Murakhovsky, editor-in-chief of Arsenal Otechestva," (then the
# role's head noun decides). One pattern for both: it is searched over whole bodies.
_PERSON_APPOSITIVE = re.compile(
    r"(?P<name>[A-Z](?<![\w.].)[a-zà-ÿ'’\-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'’\-]+){1,2}),\s+"
    r"(?:(?P<role>(?:a|an|the)\s+[^,.;:“”\"]{3,120}?)"
    r"|(?P<bare>(?!(?:who|which|whose|that|said|says|told|added|and|but|a|an|the)\b)[a-z][\w\-]*"
    r"(?:\s+[^,.;:“”\"]{1,100}?)?))[,.;]"
)
# Head nouns of people's descriptions that the unnamed-speaker heads leave out.
_BARE_ROLE_HEADS = frozenset(
    [
        *("editor", "editor-in-chief", "fellow", "professor", "founder", "president", "member"),
        *("deputy", "lecturer", "columnist", "writer", "author", "pilot", "mp", "leader"),
        *("commentator", "strategist", "historian", "economist", "lawyer", "vice-president"),
    ]
)
# Heads of descriptions that make the name before them no person ("…, a Moscow defence
# magazine,", "…, a think tank in Washington,").
_NON_PERSON_HEADS = frozenset(
    [
        *("magazine", "newspaper", "journal", "website", "tank", "publication", "outlet"),
        *("daily", "weekly", "monthly", "channel", "station", "portal", "blog", "group"),
        *("organisation", "organization", "company", "firm", "center", "centre", "institute"),
        *("university", "body", "network", "agency", "broadcaster", "ministry", "party"),
        *("base", "city", "town", "village", "province", "region", "airfield", "airport"),
    ]
)
_ROLE_CUT = re.compile(r"\s(?:of|at|in|for|with|on|from|to|who|that|based|and)\s")


def _role_head(role: str) -> str:
    """The head noun of a description: its last word before a preposition or a relative clause
    ("a Moscow defence magazine" → magazine, "senior research fellow at …" → fellow)."""
    words = _ROLE_CUT.split(f" {role.strip()} ", maxsplit=1)[0].split()
    return words[-1].casefold().strip("’'") if words else ""


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: what goes into a row, plus what coreference needs."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    side: str | None = None
    kind: str = "person"  # person | institution | country | outlet | generic | reporter
    head: str | None = None  # head noun of an unnamed speaker ("source")
    text_role: str | None = None  # the role as the document words it (for cataphora)
    indefinite: bool = False  # "a Pentagon spokesman" (may be named later in the text)


@dataclass
class _Quote:
    start: int
    end: int
    open_at: int
    close_end: int  # index just after the closing mark (== end when unclosed)
    para: int
    single: bool = False
    group: int | None = None
    speaker: Speaker | None = None
    weak: bool = False  # speaker only from "according to"/fallback
    turn: bool = False


@lru_cache(maxsize=8192)
def surname_key(name: str) -> str:
    """ "Walid al-Moallem" / "al-Moallem" / "Moallem" → "moallem"."""
    last = name.split()[-1].casefold() if name.split() else ""
    return re.sub(r"^(?:al|el|ad|as|ash|at|az|ar)-", "", last).replace("’", "'")


@dataclass
class _Doc:
    body: str
    kb: Knowledge
    outlet_country: str | None
    paragraphs: list[tuple[int, int]]
    home_side: str | None = None  # side of the outlet's country, for unqualified government titles
    head: tuple[str, ...] = ()  # the page's lines above the article
    entities: list[tuple[int, int, Speaker, bool]] = field(
        default_factory=list
    )  # pos, seq, who, spoke
    persons_by_surname: dict[str, Speaker] = field(default_factory=dict)
    people: dict[str, Speaker] = field(default_factory=dict)  # richest description per name
    full_names: dict[str, Speaker | None] = field(default_factory=dict)  # label surname → name
    # first word of a two-word person's name → (position, person), in the order they were added
    persons_by_first: dict[str, list[tuple[int, Speaker]]] = field(default_factory=dict)
    seq: int = 0

    def person(self, speaker: Speaker) -> Speaker:
        """One description per person: later mentions fill what earlier ones lacked."""
        known = self.people.get(speaker.name)
        if known is None:
            self.people[speaker.name] = speaker
            return speaker
        role = known.role or speaker.role
        affiliation = known.affiliation or speaker.affiliation
        side = known.side or speaker.side
        text_role = known.text_role or speaker.text_role
        if (
            role is known.role
            and affiliation is known.affiliation
            and side is known.side
            and text_role is known.text_role
        ):
            return known  # nothing to fill (the usual case): no new description
        merged = replace(known, role=role, affiliation=affiliation, side=side, text_role=text_role)
        self.people[speaker.name] = merged
        return merged

    def add(self, pos: int, speaker: Speaker, speaking: bool = False) -> None:
        """Register an entity at ``pos``; ``speaking`` when it is the subject of a speech verb."""
        if speaker.kind == "person":
            speaker = self.person(speaker)
        self.seq += 1
        entry = (pos, self.seq, speaker, speaking)
        # after every entity at the same position: ``seq`` only grows, so ordering by position
        # alone keeps the (position, seq) order
        bisect.insort(self.entities, entry, key=itemgetter(0))
        if speaker.kind == "person" and len(words := speaker.name.split()) > 1:
            if len(words) == 2:
                self.persons_by_first.setdefault(words[0], []).append((pos, speaker))
            actor = resolve_actor(speaker.name, self.kb)
            names = (speaker.name, *(actor.aliases if actor else ()))
            for name in names:
                if len(name.split()) > 1:
                    self.persons_by_surname.setdefault(surname_key(name), speaker)

    def by_surname(self, name: str) -> Speaker | None:
        return self.persons_by_surname.get(surname_key(name))

    def last(
        self, pos: int, accept: Any, limit: int = 60, speakers_within: int = 0
    ) -> Speaker | None:
        """The most recent entity before ``pos`` that ``accept``s; with ``speakers_within``, an
        entity that spoke within that many characters is preferred to a mere mention."""
        index = bisect.bisect_left(self.entities, pos, key=lambda e: e[0])
        recent = self.entities[max(0, index - limit) : index]
        if speakers_within:
            for at, _, speaker, speaking in reversed(recent):
                if pos - at > speakers_within:
                    break
                if speaking and accept(speaker):
                    return speaker
        for _, _, speaker, _ in reversed(recent):
            if accept(speaker):
                return speaker
        return None


# --------------------------------------------------------------------------------------------
# quotation marks


def _pair_doubles(text: str) -> list[tuple[int, int, bool]]:
    """(content start, content end, closed) of double quotations; an open one runs to the end."""
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for mark in _DOUBLE_MARK.finditer(text):  # the marks alone, not every character
        i, ch = mark.start(), mark.group()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "“" and opened is not None and text[opened] == _LOW_OPENING:
            spans.append((opened + 1, i, True))
            opened = None
        elif ch in _OPEN_DOUBLE:
            if opened is None:
                opened = i
        elif ch in _CLOSE_DOUBLE:
            if opened is not None:
                spans.append((opened + 1, i, True))
                opened = None
        elif opened is not None and not prev.isspace():
            spans.append((opened + 1, i, True))
            opened = None
        elif opened is None and (prev.isspace() or prev in _OPENERS_BEFORE) and not nxt.isspace():
            opened = i
    if opened is not None:
        spans.append((opened + 1, len(text), False))
    return spans


def _pair_singles(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of closed single quotations; apostrophes (Russia’s, don't,
    the Russians' jets when nothing is open) never open or close one."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _SINGLE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        opens = (
            ch == "‘" or prev.isspace() or prev in _OPENERS_BEFORE + '“"'
        ) and not prev.isalnum()
        if opened is None:
            if opens and nxt.isalpha():
                opened = i
        elif ch != "‘" and not prev.isspace() and not nxt.isalnum():
            if _plural_possessive(text, i):
                continue
            spans.append((opened + 1, i))
            opened = None
    return spans


def _plural_possessive(text: str, i: int) -> bool:
    """The mark at ``i`` is a plural's apostrophe inside an open single quotation (‘… the
    Russians’ good faith …’): it follows an s, a lowercase word follows it, and a mark further on
    closes the quotation before any other one opens."""
    if not _possessive_shape(text, i):
        return False
    for mark in _SINGLE_MARK.finditer(text, i + 1):
        j = mark.start()
        prev = text[j - 1]
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if mark.group() == "‘" or prev.isspace():
            return False
        if not nxt.isalnum() and not _possessive_shape(text, j):
            return True
    return False


def _possessive_shape(text: str, i: int) -> bool:
    return text[i - 1 : i] in ("s", "S") and bool(re.match(r" [a-z]", text[i + 1 : i + 3]))


@lru_cache(maxsize=8192)
def _pair_marks(text: str) -> tuple[tuple[int, int, bool, bool], ...]:
    """(content start, content end, closed, single) for the top-level quotations of a paragraph
    (remembered per paragraph text: a corpus repeats paragraphs)."""
    if not _ANY_MARK.search(text):
        return ()
    return tuple(_pair_paragraph_marks(text))


_ANY_MARK = re.compile("[" + re.escape("".join(sorted(_DOUBLE_MARKS | _SINGLE_MARKS))) + "]")


def _pair_paragraph_marks(text: str) -> list[tuple[int, int, bool, bool]]:
    """(content start, content end, closed, single) for the top-level quotations of a paragraph.

    Double and single marks are paired separately; a quotation nested in another one (“… ‘…’ …”
    or British ‘… “…” …’) is dropped, and so is a single quotation crossing a double one.
    """
    doubles = _pair_doubles(text)
    singles = _pair_singles(text)

    def inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
        return any(x - 1 <= a and b <= y + 1 and (x, y) != (a, b) for x, y in spans)

    def crosses(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
        return any(x < a < y < b or a < x < b < y for x, y in spans)

    double_spans = [(a, b) for a, b, _ in doubles]
    kept_singles = [
        (a, b)
        for a, b in singles
        if not inside(a, b, double_spans) and not crosses(a - 1, b + 1, double_spans)
    ]
    result = [(a, b, closed, False) for a, b, closed in doubles if not inside(a, b, kept_singles)]
    result += [(a, b, True, True) for a, b in kept_singles]
    return sorted(result)


def _strip_span(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


# Russian and French typography sets a quotation off with dashes, no marks: "— Мы готовы, —
# заявил министр." / "— Nous sommes prêts, — a déclaré le ministre." The words run from the
# paragraph's opening dash to the dash before the attribution, which opens in lower case.
_DASH_DIALOGUE = re.compile(r"[—–]\s+(?P<words>[^—–\n]{2,600}?[,.!?…])\s+[—–](?=\s+[^\W\d_A-ZА-Я])")


def _find_quotations(body: str, paragraphs: list[tuple[int, int]], skip: set[int]) -> list[_Quote]:
    quotes: list[_Quote] = []
    group_of_para: dict[int, int] = {}
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        if p_index in skip:
            continue
        text = body[p_start:p_end]
        if text[:1] in "—–" and (dialogue := _DASH_DIALOGUE.match(text)) is not None:
            start, end = p_start + dialogue.start("words"), p_start + dialogue.end("words")
            quotes.append(_Quote(start, end, p_start, p_start + dialogue.end(), p_index))
            continue
        for a, b, closed, single in _pair_marks(text):
            start, end = _strip_span(body, p_start + a, p_start + b)
            if end <= start:
                continue
            quote = _Quote(
                start, end, p_start + a - 1, p_start + b + (1 if closed else 0), p_index, single
            )
            if not closed:
                quote.close_end = p_end
                nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
                if nxt and body[nxt[0]] in _OPEN_DOUBLE + '"':
                    group = group_of_para.get(p_index, p_index)
                    quote.group = group
                    group_of_para[p_index + 1] = group
                elif end - start > MAX_UNCLOSED:
                    continue  # a stray opening mark, not a quotation running to the paragraph end
            elif p_index in group_of_para and quote.open_at == p_start:
                quote.group = group_of_para[p_index]
            quotes.append(quote)
    return quotes


# Chinese and Japanese write no spaces between words: two characters count as one word.
_CJK_CHARACTERS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _word_count(text: str) -> int:
    if text.isascii() or not _CJK_CHARACTERS.search(text):
        return len(text.split())
    cjk = len(_CJK_CHARACTERS.findall(text))
    spaced = len(_CJK_CHARACTERS.sub(" ", text).split())
    return spaced + cjk // 2


# A page's, an account's or a channel's name in quotation marks follows the word for it.
_MEDIUM_BEFORE_NAME = re.compile(
    r"\b(?:page|account|channel|group|website|blog)\s+(?:called\s+|named\s+)?\Z"
)


def _is_quotation(body: str, quote: _Quote) -> bool:
    """Scare quotes and quoted titles are not quotations (see ``MIN_WORDS``)."""
    if _word_count(body[quote.start : quote.end]) < MIN_WORDS:
        return False
    if (
        body[quote.start : quote.start + 1].isupper()
        and _word_count(body[quote.start : quote.end]) < SHORT_PHRASE_WORDS
        and _MEDIUM_BEFORE_NAME.search(body, max(0, quote.open_at - 40), quote.open_at)
    ):
        return False  # the Facebook page “Eurasian Choice – Georgia”: a name
    if quote.single:
        sentence = body[_sentence_start(body, quote.open_at) : quote.close_end + 120]
        return bool(_VERB.search(sentence))
    return True


def _opens_split_quotation(body: str, marked: list[_Quote], index: int) -> bool:
    """The first part of a sentence the attribution splits (‘We are not,’ the Defence Secretary
    said, ‘going to …’) is a quotation however short: its comma, then a clause with a speech verb
    and a comma, then the rest of the sentence in quotation marks."""
    quote = marked[index]
    if index + 1 >= len(marked) or body[quote.end - 1 : quote.end] != ",":
        return False
    if _word_count(body[quote.start : quote.end]) < SPLIT_OPENING_WORDS:
        return False  # “The ball,” he added, “is …”: a bare subject is no quotation of its own
    rest = marked[index + 1]
    if rest.para != quote.para or body[rest.start : rest.start + 1].isupper():
        return False
    between = body[quote.close_end : rest.open_at]
    return (
        len(between) <= 100
        and between.rstrip().endswith(",")
        and not re.search(r"[.;:!?]", between)
        and _VERB.search(between) is not None
    )


# --------------------------------------------------------------------------------------------
# sentences and clauses


def _is_abbreviation(text: str, dot: int) -> bool:
    bare = _word_before(text, dot).strip("(\"“‘'").rstrip(".").casefold()
    return len(bare) <= 1 or "." in bare or bare in _ABBREVIATIONS


def _word_before(text: str, end: int, window: int = 64) -> str:
    """The last run of non-space characters in ``text[:end]`` (``""`` if none), found in a window
    before ``end`` that widens only while the run may reach past it: a sentence end's test no
    longer copies everything before it."""
    low = end
    while True:
        low = max(0, low - window)
        head = text[low:end].rstrip()
        words = head.rsplit(None, 1)
        if low == 0:
            return words[-1] if words else ""
        if len(words) == 2 or (words and head[:1].isspace()):
            return words[-1]
        window *= 4


@lru_cache(maxsize=16)
def _sentence_breaks(body: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Every sentence end of ``body`` that is no abbreviation's dot: where each starts and ends,
    and where the capital that allows it ends (``_SENTENCE_END`` looks one or two characters
    ahead), ascending; and where each ``"\n\n"`` starts (overlapping ones too). Found once per
    body instead of once per quote."""
    breaks: list[int] = []
    at = body.find("\n\n")
    while at >= 0:
        breaks.append(at)
        at = body.find("\n\n", at + 1)
    starts: list[int] = []
    ends: list[int] = []
    reach: list[int] = []
    for match in _SENTENCE_END.finditer(body):
        if _is_abbreviation(body, match.start()):
            continue
        end = match.end()
        starts.append(match.start())
        ends.append(end)
        reach.append(end + (2 if body[end] in "“\"‘'(" else 1))
    return starts, ends, reach, breaks


def _sentence_start(body: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (never before its paragraph): the end of the last
    sentence end whose lookahead lies before ``pos`` and that starts in the paragraph."""
    starts, ends, reach, breaks = _sentence_breaks(body)
    last_break = bisect.bisect_right(breaks, pos - 2) - 1  # as body.rfind("\n\n", 0, pos)
    para_start = 0 if last_break < 0 else breaks[last_break] + 2
    last = bisect.bisect_right(reach, pos) - 1
    if last >= 0 and starts[last] >= para_start:
        return ends[last]
    return para_start


def _sentence_end(text: str, pos: int = 0) -> int:
    for match in _SENTENCE_END.finditer(text, pos):
        if not _is_abbreviation(text, match.start()):
            return match.start() + 1
    return len(text)


def _blank_asides(text: str) -> str:
    """Dash and bracket asides replaced by spaces (same length)."""
    return _DASH_ASIDE.sub(lambda m: " " * len(m.group()), text)


_RELATIVE_PRONOUNS = frozenset(["which", "who"])
_ACCORDING_TO = re.compile(r"^(?:according to|as reported by|said)\s+", re.IGNORECASE)
_WH_WORDS = frozenset(["how", "what", "why"])
_WH_CUTS = tuple(f" {word} " for word in sorted(_WH_WORDS))


# Lower-case words in "-ly" that are nouns, not adverbs: "a US ally said", "the weekly wrote".
_LY_NOUNS = frozenset(
    ["ally", "family", "assembly", "rally", "supply", "reply", "daily", "weekly", "monthly"]
)


def _is_adverb(word: str) -> bool:
    """An adverb between a subject and its speech verb ("Konashenkov actually said")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


@lru_cache(maxsize=8192)
def _subject_before(text: str) -> str:
    """The noun phrase ending ``text`` (text runs up to a speech verb)."""
    text = _blank_asides(text).rstrip()
    words = text.split()
    while words and (words[-1].casefold().strip(",") in _TRAILING_WORDS or _is_adverb(words[-1])):
        words.pop()
    if len(words) > 1 and words[0].casefold() == "as":
        words.pop(0)  # "As one analyst put it, “…”"
    text = " ".join(words)
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            text = " " * match.end() + text[match.end() :]
    text = text.strip()
    cut = max(text.rfind(s) for s in (";", ":", "“", "”", '"', " that ", " — ", " – ", *_WH_CUTS))
    tail = text[cut + 1 :] if cut >= 0 else text
    first, _, rest = tail.partition(" ")
    if first in _WH_WORDS and rest:
        tail = rest  # "Here is how the ministry described it:" — the subject follows "how"
    if "," not in tail:
        return tail.strip()
    segments = tail.split(",")
    if segments[-1].strip() in _RELATIVE_PRONOUNS and len(segments) > 1:
        # "…, according to the ministry, which said …": the relative's antecedent speaks; "… came
        # from the website X, which wrote: …": the source after "from" is the antecedent
        antecedent = _ACCORDING_TO.sub("", segments[-2].strip())
        source = re.search(
            r"\s(?:from|by)\s+(?P<np>(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}[A-Z][^,]*)$", antecedent
        )
        return source.group("np") if source else antecedent
    if segments[-1].strip():
        return segments[-1].strip()
    return ",".join(_after_reported_clause(segments[-4:])).strip(" ,")


_NEW_CLAUSE = re.compile(r"^\s*(?:and|but)\s+(?=[A-Z])")


def _after_reported_clause(segments: list[str]) -> list[str]:
    """ "The ministry said …, and Konstantin Kosachev, chairman of …, told Interfax": the
    subject is the one after the conjunction that closes an earlier speech clause."""
    for index in range(len(segments) - 1, 0, -1):
        if _NEW_CLAUSE.match(segments[index]) and _VERB.search(",".join(segments[:index])):
            return [_NEW_CLAUSE.sub("", segments[index]), *segments[index + 1 :]]
    return segments


# --------------------------------------------------------------------------------------------
# noun phrases → speakers


def _segment_prefix(segment: str) -> str:
    """The segment up to its first lowercase function word ("Davis on Friday" → "Davis")."""
    kept: list[str] = []
    for word in segment.split():
        if word.casefold() in _LEADING_WORDS | {"of", "to", "told", "said"} and kept:
            break
        kept.append(word)
    return " ".join(kept)


def _head_noun(segment: str) -> str | None:
    words = [w.strip(",.’'\"").casefold() for w in _segment_prefix(segment).split()]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    for word in reversed(words):
        if (
            word in _PERSON_HEADS
            or word in _INSTITUTION_HEADS
            or word in _MEDIA_HEADS
            or word in _MESSAGE_HEADS
        ):
            return word
    return None


def _drop_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,."), flags=re.IGNORECASE)


def _from_actor(actor: Actor, text_role: str | None = None) -> Speaker:
    return Speaker(
        name=actor.name,
        role=actor.role,
        affiliation=actor.affiliation,
        side=actor.side,
        kind=actor.kind,
        text_role=text_role,
    )


_CLAUSE_CUT = re.compile(
    r"\s(?:who|whom|whose|which|that|informed|familiar|close|speaking|studying|studies|with knowledge|aware)\b"
)


# The field a scholar studies ("a professor of Russian politics at Hokkaido University", "an
# expert on Iranian affairs"): a subject, not an allegiance.
_FIELD_OF_STUDY = re.compile(
    r"\s(?:of|on|in)\s+(?:[\w\-’']+\s+){1,3}?(?:politics|studies|history|affairs|society)\b"
)


def _affiliation_words(role: str | None) -> str:
    """The part of a description that says whom the speaker works for ("a source close to the
    Kremlin" keeps "close to…" out: it describes access, not allegiance; so does the field a
    scholar studies)."""
    if not role:
        return ""
    # the field first: "studies" in "a professor of American studies at …" is its noun, no verb
    return _CLAUSE_CUT.split(_FIELD_OF_STUDY.sub("", role), maxsplit=1)[0]


# Whom a spokesman or an aide serves, named before ("Mr Carter's aides") or after ("a spokesman
# for Dunford", "an aide to Kerry"): that person's side is theirs.
_SERVING = r"(?:spokes(?:man|woman|person)|aides?|advisers?|assistants?|press\s+secretary)"
_SERVED_AFTER = re.compile(rf"\b{_SERVING}\s+(?:for|to)\s+(?P<whom>[^,;]{{2,60}})")
_SERVED_BEFORE = re.compile(rf"(?P<whom>[A-Z][^,;]{{1,60}}?)['’]s?\s+(?:\w+\s+)?{_SERVING}\b")


def _side_of_whom_served(role: str, kb: Knowledge) -> str | None:
    served = _SERVED_AFTER.search(role) or _SERVED_BEFORE.search(role)
    if served is None:
        return None
    whom = resolve_actor(served.group("whom").strip(), kb)  # "Mr Carter": a surname alone
    if whom is not None and whom.kind == "person" and whom.side:
        return whom.side
    for mention in find_actor_mentions(served.group("whom"), kb):
        if mention.actor.kind == "person" and mention.actor.side:
            return mention.actor.side
    return None


def _unknown_person(name: str, role: str | None, kb: Knowledge) -> Speaker:
    affiliation = None
    words = _affiliation_words(role)
    side = side_from_affiliation(words, kb) if words else None
    if side is None and role:
        side = _side_of_whom_served(role, kb)
    if words:
        for mention in find_actor_mentions(words, kb):
            if mention.actor.kind in {"institution", "outlet"}:
                affiliation = mention.actor.name
                break
    return Speaker(
        name=name,
        role=role or None,
        affiliation=affiliation,
        side=side,
        kind="person",
        text_role=role,
    )


def _clean_role(title: str, kb: Knowledge) -> str:
    """A title without trailing ranks/honorifics ("spokeswoman Lt. Col." → "spokeswoman")."""
    titles = kb.actors.get("titles", {}) if isinstance(kb.actors, dict) else {}
    ranks = frozenset(str(word) for word in titles.get("ranks", []))
    words = title.split()
    while words and words[-1] in ranks:
        words.pop()
    return " ".join(words).strip(" ,")


@dataclass(frozen=True)
class _Parsed:
    kind: str  # person | actor | pronoun | generic | none
    speaker: Speaker | None = None
    pronoun: str | None = None
    head: str | None = None
    definite: bool = False
    description: str | None = None


def _organisation_words(kb: Knowledge) -> frozenset[str]:
    titles = kb.actors.get("titles", {}) if isinstance(kb.actors, dict) else {}
    return frozenset(str(word) for word in titles.get("organisation_words", []))


def _name_after_organisation(title: str, name: str, kb: Knowledge) -> tuple[str, str]:
    """ "Secretary of Iran's Supreme National Security Council Ali Shamkhani": the capitalised
    run after the title's complement holds the organisation and then the name; the name is the
    words after the last organisation word (or possessive), the rest belongs to the title."""
    words = name.split()
    organisation = _organisation_words(kb)
    last = max(
        (i for i, w in enumerate(words) if w in organisation or re.search(r"['’]s?$", w)),
        default=-1,
    )
    if last < 0 or len(words) - last - 1 < 2:
        return title, name
    return f"{title} {' '.join(words[: last + 1])}".strip(), " ".join(words[last + 1 :])


_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
_POSSESSED_UTTERANCE = re.compile(
    r"(its|their|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:statement|release|communiqu[eé]|message|"
    r"letter|reply|response|answer|readout|note|post|tweet|words|remarks|comments?|"
    r"announcement|declaration)\b"
)


_ONE_OF = re.compile(
    r"^(?:one|another|each|either|neither)\s+of\s+(?P<group>(?:the|these|those)\s+.+)$", re.I
)
_ONE_OF_THEM = re.compile(r"^(?:one|another)\s+of\s+them$")
_SINGULAR_HEADS = {
    "officials": "official",
    "sources": "source",
    "diplomats": "diplomat",
    "officers": "officer",
    "experts": "expert",
    "analysts": "analyst",
    "aides": "aide",
    "advisers": "adviser",
    "planners": "planner",
    "commanders": "commander",
    "pilots": "pilot",
    "generals": "general",
    "lawmakers": "lawmaker",
    "senators": "senator",
    "witnesses": "witness",
    "residents": "resident",
    "activists": "activist",
}
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"
)
# "On Sunday", "On October 3", "On 3 October" (the day first, as British and African outlets
# print it), with or without the year.
_LEADING_TIME = re.compile(
    r"^(?:(?:On|Late on|Early on|Last|Earlier|Later)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    rf"Friday|Saturday|Sunday|week|month|year|{_MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_NAME})"
    # "The next day the Russian Defence Ministry announced …"
    r"|(?:The|That)\s+(?:next|following|same|previous)\s+(?:day|morning|evening|night|week))"
    r"(?:,?\s+\d{4})?(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=(?:the|a|an)\s|[A-Z])"
)
# "the Russian Embassy in London", "the website American Patriot Daily": an institution or an
# outlet by its proper name.
_EMBASSY = re.compile(
    r"^(?:the\s+)?(?P<name>(?P<whose>(?:[A-Z][\w'’\-]*\s+){1,3})(?:Embassy|Consulate|Mission)"
    r"(?:\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)?)$"
)
_MEDIUM_NAMED = re.compile(
    r"^(?:the\s+)?(?:website|site|blog|newspaper|paper|magazine|tabloid|outlet|Facebook\s+page|"
    r"page|account)\s+(?:called\s+)?(?:[“\"‘'](?P<quoted>[A-Z][^“”\"‘’\n]{1,60}?)[”\"’']?"
    r"|(?P<name>[A-Z][\w'’\-\.]*(?:\s+[A-Z][\w'’\-\.]*){0,4}))$"
)

# A page or an account by its name in quotation marks first: "“Gündem Haber Merkezi” Twitter
# account and several Facebook pages".
_QUOTED_MEDIUM = re.compile(
    r"^[“\"‘'](?P<quoted>[A-ZÀ-Þ][^“”\"‘’\n]{1,60}?)[”\"’']\s+(?:(?:Twitter|Facebook|Telegram|"
    r"YouTube|VK|VKontakte|Instagram)\s+)?(?:account|page|channel|group|website|site|blog)s?\b"
)

# An outlet by its proper name before what it is: "Zvezda TV channel", "Rossiya 24 television",
# "the RIA Novosti news agency".
_MEDIUM_NAMED_BEFORE = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w'’\-\.]*(?:\s+(?:[A-Z][\w'’\-\.]*|\d{1,3})){0,3}?)\s+"
    r"(?:(?:TV|television|radio|satellite|state|news|online)\s+)?"
    r"(?:channel|website|newspaper|broadcaster|agency|news\s+agency|television|tabloid)$"
)


def _named_institution(segment: str, kb: Knowledge) -> Speaker | None:
    embassy = _EMBASSY.match(segment)
    if embassy is not None:
        return Speaker(
            name=embassy.group("name"),
            role="embassy",
            side=side_from_affiliation(embassy.group("whose"), kb),
            kind="institution",
            text_role=embassy.group("name"),
        )
    medium = (
        _MEDIUM_NAMED.match(segment)
        or _QUOTED_MEDIUM.match(segment)
        or _MEDIUM_NAMED_BEFORE.match(segment)
    )
    if medium is not None:
        name = medium.groupdict().get("quoted") or medium.groupdict().get("name")
        if not name:
            return None
        actor = resolve_actor(name, kb)
        if actor is not None:
            return _from_actor(actor)
        return Speaker(name=name, role="outlet", kind="outlet")
    return None


# a sentence's opening signpost set off by a comma ("First, the ministry was blunt:"): no name
_DISCOURSE_MARKERS = frozenset(
    [
        *("first", "second", "third", "fourth", "fifth", "firstly", "secondly", "thirdly"),
        *("finally", "lastly", "here", "there", "instead", "indeed", "again", "moreover"),
        *("besides", "today", "yesterday", "tonight"),
    ]
)
# an utterance's issuer in an appositive participle: the first agent named issued it
_ISSUED_BY = re.compile(
    r"^(?:first\s+)?(?:released|issued|published|posted|distributed|signed)"
    # a time between the participle and its agent: "published on Tuesday by the page …"
    r"(?:\s+(?:on|in|at|last|this|earlier|late|early)\s+[\w\-]+(?:\s+[\w\-]+){0,2}?)?\s+by\s+"
    r"(?P<np>.+?)(?=\s+and\s|$)"
)
# an utterance's medium in an appositive participle: "The post, published on a page called
# Scotland Against War on Saturday, reads:" — the page named put it out
_POSTED_ON = re.compile(
    r"^(?:first\s+)?(?:published|posted|shared|put\s+out)\s+(?:on|to)\s+(?:an?\s+)?"
    r"(?P<medium>.+?)(?:\s+(?:on|last|late\s+on|early\s+on)\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|night)\b.*)?$"
)
_OPENING_CONJUNCTION = re.compile(
    # ", and Kremlin spokesman Dmitry Peskov said": a second clause's subject after "and"
    r"^(?:(?:But|And|Yet|Still|So|Meanwhile|However)\s+(?=\S)|(?:and|but)\s+(?=[A-Z]))"
)


# A phrase describing one unnamed person: "a US defense official in Washington".
_UNNAMED_ONE = re.compile(r"(?i:an?|one)\s")


def _names_a_posted_one(segment: str) -> bool:
    """A mission or one unnamed person in a capital: "the Russian embassy in Washington", "a US
    defense official in Washington" (not the country the capital stands for)."""
    head = _head_noun(segment)
    return head in _POSTED_HEADS or (head in _PERSON_HEADS and bool(_UNNAMED_ONE.match(segment)))


# Indefinite pronouns name no speaker: "Nobody", "someone", "Everyone here", "No one".
_INDEFINITE_PRONOUN = re.compile(
    r"(?:no\s?body|no[\s\-]one|some(?:one|body)|any(?:one|body)|every(?:one|body)|none)(?!\w)"
)
# A named person's utterance: "Kirby's statement", "Lavrov's latest remarks" (the possessor
# issued it).
_PERSON_UTTERANCE = re.compile(
    r"^(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s?\s+(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:statement|release|communiqu[eé]|message|letter|reply|response|answer|readout|note|post|"
    r"tweet|words|remarks|comments?|announcement|declaration)(?:\s+(?:says|said|reads|read))?$"
)


def _parse_segment(segment: str, kb: Knowledge) -> _Parsed:
    segment = segment.strip(" ,.‘’'“”\"–—")  # "(MNA) – Secretary of …": a dateline's dash
    segment = _OPENING_CONJUNCTION.sub("", segment)  # "But a defense official, …, said"
    segment = _LEADING_TIME.sub("", segment)  # "On Sunday the Russian Embassy in London"
    named = _named_institution(segment, kb)
    if named is not None:
        return _Parsed("actor", speaker=named)
    posted = _POSTED_ON.match(segment)
    named = _named_institution(posted.group("medium"), kb) if posted else None
    if named is not None and named.kind == "outlet":
        return _Parsed("actor", speaker=named)
    issued = _ISSUED_BY.match(segment)
    if issued:  # "The statement, released by the Kremlin and later confirmed by …, said"
        return _parse_segment(issued.group("np"), kb)
    one_of = _ONE_OF.match(segment)
    if one_of:  # "one of the officials" speaks as "an official"
        parsed = _parse_segment(one_of.group("group"), kb)
        if parsed.kind == "generic" and parsed.head:
            singular = _SINGULAR_HEADS.get(parsed.head, parsed.head)
            return replace(parsed, head=singular, definite=False)
    if not segment:
        return _Parsed("none")
    lowered = segment.casefold()
    if _INDEFINITE_PRONOUN.match(lowered):
        return _Parsed("none")  # "Nobody on our end ever asked …": no one to attribute to
    possessor = _PERSON_UTTERANCE.match(segment)
    if possessor is not None:  # "Kirby's statement says": the statement's issuer speaks
        owner = _parse_segment(possessor.group("owner"), kb)
        if owner.speaker is not None and owner.speaker.kind == "person":
            return owner
    if lowered in _PRONOUNS:
        return _Parsed("pronoun", pronoun=lowered)
    if _ONE_OF_THEM.match(lowered):
        return _Parsed("pronoun", pronoun="one of them")
    words = lowered.split()
    if words and words[0] in _SETTING_WORDS:
        subject = _subject_after_setting(segment, kb)
        if subject is not None:
            return subject
    if not words or words[0] in _LEADING_WORDS or lowered in _DISCOURSE_MARKERS:
        return _Parsed("none")
    possessed = _POSSESSED_UTTERANCE.match(lowered)
    if (
        possessed is not None
    ):  # "Its statement went further:" — the statement of the last institution
        return _Parsed("pronoun", pronoun=_POSSESSIVE_PRONOUNS[possessed.group(1)])
    first = words[0]
    actor = resolve_actor(segment, kb)
    if actor is not None and actor.kind == "country" and _names_a_posted_one(segment):
        actor = None  # "The Russian embassy in Washington" is not Washington
    if actor is not None and not _CONJOINED.search(segment):
        return _Parsed("actor", speaker=_from_actor(actor))
    conjoined = _first_of_conjoined(segment, kb)
    if conjoined is not None:
        return conjoined
    if actor is not None:
        return _Parsed("actor", speaker=_from_actor(actor))
    prefix = _segment_prefix(segment)
    title, name = split_title(prefix, kb)
    if not name and prefix != segment:
        # "First Deputy Chief of the General Staff Nikolai Bogdanovsky": a name after the title's
        # complement, if it has two tokens and no organisation word
        title, name = split_title(segment, kb)
        title, name = _name_after_organisation(title, name, kb)
        if len(name.split()) < 2 or set(name.split()) & _organisation_words(kb):
            title, name = "", ""
    institution = _proper_institution(segment, kb)
    if institution is not None:
        return _Parsed("actor", speaker=institution)
    name_words = name.split()
    if (
        title.casefold() in {"the", "a", "an"}
        and name_words
        and name_words[-1].casefold() in _PERSON_HEADS
    ):
        name = ""  # "the Arizona Republican": a description, not a name
    if (
        name
        and title.split()[-1:] in (["the"], ["to"], ["of"], ["at"], ["for"])
        and len(title.split()) > 1
        and len(name.split()) == 2
        and _head_noun(title) in _PERSON_HEADS
    ):
        # "Russia's ambassador to the United Nations": the office's complement, no name
        name = ""
    if name.casefold() in _PRONOUNS:
        # "He said the US was not … and added:": the pronoun opening the clause is the subject
        return _Parsed("pronoun", pronoun=name.casefold())
    if name and not re.match(r"^(?:the|a|an)\b", name, re.IGNORECASE):
        actor = resolve_actor(name, kb)
        if actor is not None:
            return _Parsed("actor", speaker=_from_actor(actor, _clean_role(title, kb) or None))
        return _Parsed("person", speaker=_unknown_person(name, _clean_role(title, kb) or None, kb))
    head = _head_noun(segment)
    if head is not None:
        named_in = segment
        if head in _POSTED_HEADS:  # "the Russian embassy in Washington" speaks for Russia
            named_in = re.split(r"\s(?:in|to|at)\s", segment, maxsplit=1)[0]
        mentions = find_actor_mentions(named_in, kb)
        if mentions and (head in _MEDIA_HEADS or head in _INSTITUTION_HEADS):
            ranked = sorted(
                mentions,
                key=lambda m: (
                    {"outlet": 0, "institution": 1, "person": 2}.get(m.actor.kind, 3),
                    -m.start,
                ),
            )
            if ranked[0].actor.kind != "country" or head in _INSTITUTION_HEADS:
                return _Parsed("actor", speaker=_from_actor(ranked[0].actor))
        return _Parsed(
            "generic",
            head=head,
            definite=first in {"the", "this", "that"},
            description=_drop_article(segment),
        )
    return _Parsed("none")


# Prepositions opening a setting before the subject with no comma after it: "At his press
# conference last week the foreign minister said …", "During the briefing Konashenkov said …".
_SETTING_WORDS = frozenset(["at", "in", "during", "after", "before", "on", "following"])
_SETTING_LINKS = frozenset(["of", "in", "at", "on", "with", "for", "to", "from", "by", "and"])


def _subject_after_setting(segment: str, kb: Knowledge) -> _Parsed | None:
    """The subject closing a segment that opens with a setting: a described one ("the foreign
    minister") or a person ``actors.toml`` knows ("Konashenkov")."""
    tokens = segment.split()
    if len(tokens) < 3:
        return None
    if tokens[-1].casefold() in _PERSON_HEADS | _INSTITUTION_HEADS:
        for index in range(len(tokens) - 2, max(0, len(tokens) - 6), -1):
            word = tokens[index].casefold()
            if word in _SETTING_LINKS:
                return None
            if word in {"the", "a", "an"}:
                parsed = _parse_segment(" ".join(tokens[index:]), kb)
                return parsed if parsed.kind == "generic" else None
        return None
    for size in (3, 2, 1):
        name = tokens[-size:]
        if len(tokens) > size and all(_NAME_TOKEN.match(t) for t in name):
            actor = resolve_actor(" ".join(name), kb)
            if actor is not None and actor.kind == "person":
                return _Parsed("actor", speaker=_from_actor(actor))
    return None


_NAME_LINKS = frozenset(["of", "and", "for", "on", "the", "&"])
_CONJOINED = re.compile(r"\s(?:and|&)\s(?=[A-Z])")


def _first_of_conjoined(segment: str, kb: Knowledge) -> _Parsed | None:
    """ "Senators John McCain and Lindsey Graham said": two people speak together; the first
    named is the speaker (institutions named with "and" are left whole)."""
    parts = _CONJOINED.split(segment, maxsplit=1)
    if len(parts) < 2:
        return None
    lead, _, rest = parts[0].partition(" ")
    if rest and lead.endswith("s") and lead[:-1] in actor_index(kb).titles:
        parts[0] = f"{lead[:-1]} {rest}"  # "Senators John McCain and …"
    first, second = _parse_segment(parts[0], kb), _parse_segment(parts[1], kb)
    speakers = first.kind in {"person", "actor"} and second.kind in {"person", "actor"}
    if speakers and first.speaker is not None and first.speaker.kind == "person":
        return first
    return None


def _proper_institution(phrase: str, kb: Knowledge) -> Speaker | None:
    """A capitalised name ending in an institution word ("The Foreign and Expatriates Ministry")
    that the actors file does not know: an institution, side from its words."""
    words = _drop_article(phrase.strip(" –—-")).split()
    if any(not (w[:1].isupper() or w in _NAME_LINKS) for w in words):
        return None  # "… Department spokeswoman Lt. Col. …" is a person's title
    if len(words) < 2 or words[-1].casefold() not in _INSTITUTION_HEADS:
        return None
    if not all(w[:1].isupper() or w in _NAME_LINKS for w in words) or words[0] in _NAME_LINKS:
        return None
    name = " ".join(words)
    return Speaker(
        name=name,
        role=words[-1].casefold(),
        side=side_from_affiliation(name, kb),
        kind="institution",
        text_role=name,
    )


_PRIORITY = {"actor": 0, "person": 0, "generic": 2, "pronoun": 3}


_PARSED: dict[tuple[str, str], _Parsed] = {}
_PARSED_LIMIT = 20_000


def _parse_np(np: str, kb: Knowledge) -> _Parsed:
    """Best speaker candidate among the comma-separated segments of a noun phrase (a pure
    function of the phrase and the knowledge base: remembered per ``kb.fingerprint``)."""
    if not kb.fingerprint:
        return _parse_noun_phrase(np, kb)
    key = (kb.fingerprint, np)
    parsed = _PARSED.get(key)
    if parsed is None:
        parsed = _parse_noun_phrase(np, kb)
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        _PARSED[key] = parsed
    return parsed


def _parse_noun_phrase(np: str, kb: Knowledge) -> _Parsed:
    np = _blank_asides(np)
    segments = [s.strip() for s in np.split(",") if s.strip()]
    parsed = [_parse_segment(s, kb) for s in segments[:5]]
    candidates = [(i, p) for i, p in enumerate(parsed) if p.kind != "none"]
    if not candidates:
        return _Parsed("none")
    best_index, best = min(candidates, key=lambda c: (_PRIORITY[c[1].kind], c[0]))
    if best.kind in {"person", "actor"} and best.speaker is not None:
        appositives = [
            _drop_article(segments[i])
            for i, p in enumerate(parsed)
            if i != best_index
            and p.kind in {"generic", "none"}
            and segments[i].split()[0].casefold() not in _LEADING_WORDS
        ]
        if appositives:
            role = appositives[0]
            speaker = best.speaker
            if speaker.kind == "person" and resolve_actor(speaker.name, kb) is None:
                speaker = _unknown_person(speaker.name, role, kb)
            else:
                speaker = replace(speaker, text_role=role)
            best = _Parsed(best.kind, speaker=speaker)
        best = _side_from_office_clause(best, segments[best_index + 1 :], kb)
    return best


# "…, who chairs the foreign affairs committee of the State Duma, …": an office held, unlike
# "who spoke on condition of anonymity" or "a source close to the Kremlin".
_OFFICE_CLAUSE = re.compile(
    r"^who\s+(?:\w+\s+)?(?:chairs|chaired|heads|headed|leads|led|runs|ran|commands|commanded|"
    r"directs|directed|serves|served|sits|sat|represents|represented|works|worked)\b"
)


def _side_from_office_clause(parsed: _Parsed, rest: list[str], kb: Knowledge) -> _Parsed:
    """An unknown person's side from the office a relative clause after the name says they
    hold, when nothing else gave one."""
    speaker = parsed.speaker
    if speaker is None or speaker.kind != "person" or speaker.side or not rest:
        return parsed
    clause = rest[0].strip()
    if resolve_actor(speaker.name, kb) is not None or not _OFFICE_CLAUSE.match(clause):
        return parsed
    side = side_from_affiliation(clause, kb)
    return replace(parsed, speaker=replace(speaker, side=side)) if side else parsed


# --------------------------------------------------------------------------------------------
# coreference


def _person_like(speaker: Speaker) -> bool:
    return speaker.kind == "person" or (speaker.kind == "generic" and speaker.head in _PERSON_HEADS)


def _latest_of_surname(doc: _Doc, surname: str, pos: int) -> Speaker | None:
    """The person of that surname named last before ``pos``: a page quoting two Ivanovs means by
    "Ivanov wrote" the one it has just introduced, not the first."""
    key = surname_key(surname)

    def bearer(speaker: Speaker) -> bool:
        return speaker.kind == "person" and " " in speaker.name and surname_key(speaker.name) == key

    return doc.last(pos, bearer)


def _resolve(parsed: _Parsed, doc: _Doc, pos: int) -> Speaker | None:
    """Turn a parsed noun phrase into a speaker, using the entities mentioned before ``pos``."""
    kb = doc.kb
    if parsed.kind == "actor" and parsed.speaker is not None:
        return parsed.speaker
    if parsed.kind == "person" and parsed.speaker is not None:
        speaker = parsed.speaker
        tokens = speaker.name.split()
        if len(tokens) == 1:
            earlier = _latest_of_surname(doc, tokens[0], pos) or doc.by_surname(tokens[0])
            if earlier is not None:
                return earlier
            actor = resolve_actor(tokens[0], kb)
            if actor is not None:
                return _from_actor(actor)
            named = _full_name_before(doc, tokens[0], pos) or _family_name_first(
                doc, tokens[0], pos
            )
            if named is not None:
                return named
        return speaker
    if parsed.kind == "pronoun":
        if parsed.pronoun in {"he", "she"}:
            subject = _previous_sentence_subject(doc, pos)
            if subject is not None:
                return subject
        if parsed.pronoun in {"he", "she", "i"}:
            in_paragraph = _sole_person_in_paragraph(doc, pos)
            if in_paragraph is not None:
                return in_paragraph
            return doc.last(pos, _person_like, speakers_within=_FOCUS_SPAN)
        if parsed.pronoun == "they":
            group = _group_opening_previous_sentence(doc, pos)
            if group is not None:
                return group
        if parsed.pronoun in {"it", "they"}:
            return doc.last(pos, lambda s: s.kind in {"institution", "outlet"})
        if parsed.pronoun == "one of them":
            return _one_of_the_group(doc, pos)
        return None
    if parsed.kind == "generic" and parsed.head is not None:
        return _resolve_generic(parsed, doc, pos)
    return None


_GROUP_BEFORE = re.compile(
    r"(?P<np>(?:[\w\-’']+\s+){0,3})(?P<group>" + "|".join(sorted(_SINGULAR_HEADS)) + r")\b"
)


_QUANTIFIERS = frozenset(
    ["the", "a", "an", "several", "some", "many", "few", "two", "three", "four", "five", "other"]
)


def _one_of_the_group(doc: _Doc, pos: int) -> Speaker | None:
    """ "Several European diplomats … consider that … “…,” says one of them." — one member of
    the group of unnamed speakers last named in the paragraph speaks as "a diplomat"."""
    para_start = doc.body.rfind("\n\n", 0, pos)
    para_start = 0 if para_start < 0 else para_start + 2
    groups = list(_GROUP_BEFORE.finditer(doc.body, para_start, pos))
    if not groups:
        return None
    group = groups[-1]
    head = _SINGULAR_HEADS[group.group("group")]
    kept = [w for w in group.group("np").split() if w.casefold() not in _QUANTIFIERS]
    description = " ".join([*kept, head])
    parsed = _Parsed("generic", head=head, definite=False, description=description)
    return _resolve_generic(parsed, doc, pos)


_CLAUSE_WORD = re.compile(r"[^\s,;:]+")


_DETERMINERS = frozenset(["his", "her", "their", "its", "the", "a", "an", "this", "that"])


def _clause_subject(
    clause: str, doc: _Doc, pos: int, set_off: bool = False
) -> Speaker | bool | None:
    """The person a clause opens with ("Peter Cook was blunt", "Defense Secretary Ash Carter
    disagreed"): the leading run of capitalised or title words, when a lowercase word follows
    (or, ``set_off``, the clause ends there: a comma sets the name off from its verb).
    ``False`` when the clause opens with a pronoun (its subject is someone already in focus)."""
    words = _CLAUSE_WORD.findall(clause)
    if not words:
        return None
    if words[0].casefold() in {"he", "she"}:
        return False
    described = _described_subject(words, doc, pos)
    if described is not None:
        return described
    titles = actor_index(doc.kb).titles
    lead = 0
    if words[0].casefold() in _DETERMINERS:  # "His colleague Lindsey Graham", "The senator"
        lead = 1
        while lead < min(len(words), 4) and words[lead][:1].islower():
            lead += 1
    run = lead
    while run < len(words) and (
        words[run][:1].isupper()
        or words[run] in titles
        or _links_an_office(words, run, lead)  # "Secretary of State John Kerry"
    ):
        run += 1
    if run == lead or (run == len(words) and not set_off):
        return None
    if run < len(words) and words[run][:1] in "“\"‘'":
        return None
    parsed = _parse_np(" ".join(words[:run]), doc.kb)
    if parsed.kind not in {"person", "actor"} or parsed.speaker is None:
        return None
    speaker = _resolve(parsed, doc, pos)
    if speaker is None or speaker.kind != "person" or len(speaker.name.split()) < 2:
        return None  # "Pressed on whether …": a lone capitalised word nobody was named by
    return speaker


def _links_an_office(words: list[str], index: int, lead: int) -> bool:
    """A small word inside a capitalised office before a name ("Secretary of State", "Minister
    for Foreign Affairs"): between two capitalised words."""
    return (
        words[index] in {"of", "for", "the"}
        and index > lead
        and index + 1 < len(words)
        and words[index + 1][:1].isupper()
    )


_COMMON_VERBS = frozenset(
    [
        *("was", "is", "had", "has", "put", "went", "said", "says", "told", "took", "made"),
        *("gave", "kept", "spoke", "would", "will", "could", "can", "did", "does", "sounded"),
        *("seemed", "struck", "offered", "agreed", "declined", "insisted", "warned", "added"),
    ]
)
_ADVERBS = frozenset(["also", "later", "then", "again", "still", "too", "however"])


def _reads_as_a_verb(words: list[str]) -> bool:
    """Whether the word after a subject is its verb (an adverb before it skipped): a common
    verb or a past tense in -ed."""
    word = words[0].strip(",.").casefold() if words else ""
    if (word in _ADVERBS or word.endswith("ly")) and len(words) > 1:
        word = words[1].strip(",.").casefold()
    return word in _COMMON_VERBS or (len(word) > 4 and word.endswith("ed"))


def _described_subject(words: list[str], doc: _Doc, pos: int) -> Speaker | None:
    """ "The official put it more sharply. “…,” he said." — a clause opening with a definite
    description of one person ("the official", "the general") has the one so described as its
    subject (resolved as "the official said" would be)."""
    if len(words) < 3 or words[0].casefold() not in {"the", "this", "that"}:
        return None
    head = words[1]
    rest, description = words[2:], head
    if len(rest) > 2 and rest[0] == "of" and rest[1].islower():
        # "The secretary of state has defended …": the office's complement is part of it
        rest, description = rest[2:], f"{head} of {rest[1]}"
    if head not in _PERSON_HEADS or head in _SINGULAR_HEADS or not _reads_as_a_verb(rest[:2]):
        return None  # "The official death toll rose …": an adjective, not the official
    if head.endswith("s") and head[:-1] in _PERSON_HEADS:
        return None  # "the residents" are not "he"
    return _resolve_generic(
        _Parsed("generic", head=head, definite=True, description=description), doc, pos
    )


# "We asked Mthembu for his source. He said …": the one the writer asked answers.
_ASKED_BY_WRITER = re.compile(
    r"(?:We|I)\s+(?:also\s+|then\s+|later\s+)?(?:asked|contacted|emailed|e-mailed|approached|"
    r"reached\s+out\s+to|wrote\s+to|put\s+(?:this|that|the\s+question|these\s+points)\s+to)\s+"
    r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})(?![\w'’\-])"
)


def _person_asked(name: str, doc: _Doc, pos: int) -> Speaker | None:
    parsed = _parse_np(name, doc.kb)
    if parsed.kind not in {"person", "actor"}:
        return None
    speaker = _resolve(parsed, doc, pos)
    return speaker if speaker is not None and speaker.kind == "person" else None


def _previous_sentence_subject(doc: _Doc, pos: int) -> Speaker | None:
    """The person who is the subject of the sentence before the one holding ``pos``, in the
    same paragraph: "…, Cook was blunt. “…,” he said." — he is Cook, not the last speaker."""
    body = doc.body
    start = _sentence_start(body, min(len(body), pos + 2))  # the lookahead sees the quote
    para_start = body.rfind("\n\n", 0, pos)
    para_start = 0 if para_start < 0 else para_start + 2
    if start <= para_start:
        return None
    previous = body[_sentence_start(body, start - 1) : start]
    asked = _ASKED_BY_WRITER.match(previous)
    if asked is not None:
        return _person_asked(asked.group("name"), doc, start)
    clauses = previous.split(", ")[:3]
    for index, clause in enumerate(clauses):
        # "Mr Lavrov, at least, seemed unworried.": a name set off by a comma opens the sentence
        subject = _clause_subject(clause, doc, start, set_off=index == 0 and len(clauses) > 1)
        if subject is False:
            return None
        if subject is not None:
            return subject  # type: ignore[return-value]
    return None


def _group_opening_previous_sentence(doc: _Doc, pos: int) -> Speaker | None:
    """The unnamed group "they" stands for when the sentence before opens with it: "Officials at
    CENTCOM said the warning had been passed on. “…,” they said." — an official speaks."""
    body = doc.body
    start = _sentence_start(body, min(len(body), pos + 2))
    para_start = body.rfind("\n\n", 0, pos)
    para_start = 0 if para_start < 0 else para_start + 2
    if start <= para_start:
        return None
    previous = body[max(para_start, _sentence_start(body, start - 1)) : start]
    group = _GROUP_OPENING.match(previous)
    if group is None:
        return None
    head = _SINGULAR_HEADS[group.group("group").casefold()]
    description = f"{group.group('np')}{group.group('group')}".strip()
    parsed = _Parsed("generic", head=head, definite=False, description=description)
    return _resolve_generic(parsed, doc, pos)


# A sentence opening with an unnamed group: "Officials at CENTCOM …", "Two Western diplomats …".
_GROUP_OPENING = re.compile(
    r"(?P<np>(?:[A-Z0-9][\w\-’'.]*\s+)?(?:[A-Za-z][\w\-’'.]*\s+){0,2}?)"
    r"(?P<group>(?i:" + "|".join(sorted(_SINGULAR_HEADS)) + r"))\b(?!['’])"
)


def _sole_person_in_paragraph(doc: _Doc, pos: int) -> Speaker | None:
    """The one person named earlier in the paragraph of ``pos``: "His colleague Lindsey Graham
    was blunter still. “…,” he said." — he is Graham, not the previous paragraph's speaker."""
    starts = [a for a, _ in doc.paragraphs]
    index = bisect.bisect_right(starts, pos) - 1
    if index < 0:
        return None
    low = bisect.bisect_left(doc.entities, starts[index], key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, pos, key=lambda e: e[0])
    people = {e[2].name: e[2] for e in doc.entities[low:high] if _person_like(e[2])}
    return next(iter(people.values())) if len(people) == 1 else None


def _sole_person_introduced_before(doc: _Doc, pos: int) -> Speaker | None:
    """For a quotation opening its paragraph: the one person the paragraph before introduces
    ("Military expert Viktor Murakhovsky … believes …" / "“…,” the expert told RG.")."""
    starts = [a for a, _ in doc.paragraphs]
    index = bisect.bisect_right(starts, pos) - 1
    if index < 1 or starts[index] != pos:
        return None
    prev_start, prev_end = doc.paragraphs[index - 1]
    low = bisect.bisect_left(doc.entities, prev_start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, prev_end, key=lambda e: e[0])
    people = {e[2].name: e[2] for e in doc.entities[low:high] if e[2].kind == "person"}
    return next(iter(people.values())) if len(people) == 1 else None


_REPORTED_THROUGH = re.compile(r"\b(?:by|from|with|that)\s")


@lru_cache(maxsize=256)
def _word_starts(body: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word in ``body`` (found once per body and word)."""
    return [match.start() for match in re.finditer(rf"\b{re.escape(word)}\b", body)]


def _word_starts_before(body: str, word: str, pos: int) -> list[int]:
    """Where ``word`` stands as a whole word in ``body[:pos]``, without copying or searching the
    text before ``pos`` again for each name: the body's occurrences ending by ``pos``, and one
    ending exactly at ``pos`` with a letter after it (a whole word only once cut there)."""
    starts = _word_starts(body, word)
    found = starts[: bisect.bisect_right(starts, pos - len(word))]
    tail = pos - len(word)
    cut_word = re.compile(rf"\b{re.escape(word)}\Z")
    if tail >= 0 and (not found or found[-1] != tail) and cut_word.match(body, tail, pos):
        found = [*found, tail]
    return found


def _full_name_before(doc: _Doc, surname: str, pos: int) -> Speaker | None:
    """A bare surname ("Kalin told …") takes the full name written earlier in the document
    ("Presidential spokesman Ibrahim Kalin criticized …"), with the title before it as role."""
    for start in reversed(_word_starts_before(doc.body, surname, pos)):
        lead = re.split(r"[.;:?!“”\"\n]\s", doc.body[max(0, start - 80) : start])[-1]
        given = _GIVEN_NAMES.search(lead)
        if given is None:
            continue
        lead = _REPORTED_THROUGH.split(lead)[-1]  # "A post by radio presenter …": not the role
        title, name = split_title(f"{lead}{surname}".strip(), doc.kb)
        if len(name.split()) < 2 or not name.endswith(surname):
            continue
        speaker = _unknown_person(name, _clean_role(title, doc.kb) or None, doc.kb)
        doc.persons_by_surname.setdefault(surname_key(name), speaker)
        return speaker
    return None


def _family_name_first(doc: _Doc, word: str, pos: int) -> Speaker | None:
    """A one-word name that no surname on the page explains is the family name of a person
    named earlier family name first ("Wang Jin, a research fellow …" then "Wang added"), as
    Chinese and Korean names are written."""
    before = [(at, speaker) for at, speaker in doc.persons_by_first.get(word, ()) if at < pos]
    return max(before, key=itemgetter(0))[1] if before else None


_GIVEN_NAMES = re.compile(r"(?:[A-Z][\w'’\-]+\s+){1,2}$")


def _institution_named(word: str, speaker: Speaker) -> bool:
    return speaker.kind == "institution" and word in speaker.name.casefold()


# "Their governments then released a joint statement": the issuers are whom "their" names,
# the subject of the sentence before, not whoever the sentence goes on to say printed it
_POSSESSOR_ISSUED = re.compile(
    r"(?:Their|His|Her)\s+(?:[a-z\-]+\s+){1,2}?(?:(?:then|later|also|jointly)\s+)?"
    r"(?:released|issued|published|put\s+out|signed|agreed)\b"
)


def _antecedent_subject(doc: _Doc, start: int) -> Speaker | None:
    """The subject of the nearest sentence before ``start`` in its paragraph that does not
    open with a pronoun standing for it ("Trump and Putin spoke briefly. They did not meet.
    Their governments then released …": Trump, the first named)."""
    body = doc.body
    while True:
        previous = _sentence_start(body, start - 1) if start > 0 else start
        if previous >= start or body[previous:start].count("\n\n"):
            return None
        sentence = body[previous:start]
        if not re.match(r"(?:They|Their|He|His|She|Her)\b", sentence):
            subject = _clause_subject(sentence.split(", ")[0], doc, previous)
            return subject if isinstance(subject, Speaker) else None
        start = previous


def _issuer_of_last(noun: str, doc: _Doc, pos: int) -> Speaker | None:
    """ "In a statement, the Russian Defense Ministry said …" … "“…,” the statement said." — the
    statement is the one introduced last ("a statement", within the focus span), its issuer the
    first subject of a speech verb in the sentence that introduces it."""
    window_start = max(0, pos - _FOCUS_SPAN)
    introduced = rf"\b(?:a|an)\s+(?:[\w\-]+\s+){{0,2}}{re.escape(noun)}\b"
    mentions = list(re.finditer(introduced, doc.body[window_start:pos], re.I))
    if not mentions:
        return None
    at = window_start + mentions[-1].start()
    start, end = _sentence_start(doc.body, at), at + _sentence_end(doc.body[at:pos])
    if _POSSESSOR_ISSUED.match(doc.body, start, end):
        possessor = _antecedent_subject(doc, start)
        if possessor is not None:
            return possessor
    low = bisect.bisect_left(doc.entities, start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, end, key=lambda e: e[0])
    speaking = [e[2] for e in doc.entities[low:high] if e[3] and e[2].kind != "generic"]
    if speaking:
        return speaking[0]
    medium = _MEDIUM_IN_SENTENCE.search(doc.body, start, at)
    if medium is None:
        return None
    actor = resolve_actor(medium.group("name"), doc.kb)
    if actor is not None:
        return _from_actor(actor)
    return Speaker(name=medium.group("name"), role="outlet", kind="outlet")


# The page or account a sentence names as putting out a post: "the Facebook page “Eurasian Choice”
# published a post …", "a Telegram channel called “Z Front” shared a message …".
_MEDIUM_IN_SENTENCE = re.compile(
    r"(?:(?:Facebook|Twitter|Telegram|VK|VKontakte|Instagram|YouTube)\s+)?"
    r"(?:page|account|channel|group|website|site|blog)\s+(?:called\s+|named\s+)?"
    r"[“\"‘'](?P<name>[A-ZÀ-Þ][^“”\"‘’\n]{1,60}?)[”\"’']"
)


def _ministry_of_country_in_focus(description: str, doc: _Doc, pos: int) -> Speaker | None:
    """ "Russia's reaction. The foreign ministry announced …": a ministry named without its
    country is that of the country last named in the same paragraph ("The foreign ministry's
    reply": the ministry, not its reply)."""
    description = description[: description.casefold().index("ministry") + len("ministry")]
    para_start = doc.body.rfind("\n\n", 0, pos) + 2 if "\n\n" in doc.body[:pos] else 0
    low = bisect.bisect_left(doc.entities, para_start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, pos, key=lambda e: e[0])
    countries = [e[2] for e in doc.entities[low:high] if e[2].kind == "country" and e[2].side]
    if not countries:
        return None
    return _institution_of_side(description, str(countries[-1].side), doc.kb)


def _resolve_generic(parsed: _Parsed, doc: _Doc, pos: int) -> Speaker:
    head = parsed.head or ""
    description = parsed.description or head
    if not parsed.definite and head in _UTTERANCE_HEADS:
        # "A short ministry statement said …": the statement of the ministry named before
        words = set(description.casefold().split()) & {"ministry", "department", "command"}
        for word in sorted(words):
            found = doc.last(pos, partial(_institution_named, word))
            if found is not None:
                return found
    if parsed.definite and head in _UTTERANCE_HEADS | {"post", "tweet", "message"}:
        issuer = _issuer_of_last(head, doc, pos)
        if issuer is not None:
            return issuer
    if parsed.definite:
        if head in _INSTITUTION_HEADS:
            keyword = (
                head if head in {"ministry", "department", "command", "embassy", "agency"} else None
            )
            for word in ("ministry", "department", "command"):
                if word in description.casefold():
                    keyword = word
            found = doc.last(
                pos,
                lambda s: (
                    s.kind == "institution" and (keyword is None or keyword in s.name.casefold())
                ),
            )
            if found is None and doc.home_side == "Russia" and keyword == "ministry":
                actor = resolve_actor(f"Russian {description}", doc.kb)
                if actor is not None:
                    return _from_actor(actor)
            if found is None and keyword == "ministry":
                found = _ministry_of_country_in_focus(description, doc, pos)
            if found is not None:
                return found
        if head in _PERSON_HEADS:
            described = description.casefold()
            found = None
            if len(described.split()) > 1:  # "the Defence Secretary": a person so described
                found = doc.last(
                    pos,
                    lambda s: (
                        s.kind == "person"
                        and described in f"{s.text_role or ''} {s.role or ''}".casefold()
                    ),
                )
            found = found or doc.last(
                pos,
                lambda s: (
                    (s.head == head)
                    or (
                        s.kind == "person"
                        and head in f"{s.text_role or ''} {s.role or ''}".casefold()
                    )
                ),
            )
            if found is None and head in _OFFICE_HEADS:
                found = _sole_person_in_paragraph(doc, pos)
            if found is None and head in {"expert", "analyst"} | _OFFICE_HEADS:
                # "Murakhovsky is less hopeful. “…,” the expert said."
                found = _previous_sentence_subject(doc, pos)
            if found is None and head in {"expert", "analyst"} | _OFFICE_HEADS:
                found = _sole_person_introduced_before(doc, pos)
            if found is None and head in {"expert", "analyst"} | _OFFICE_HEADS:
                found = doc.last(pos, lambda s: s.kind == "person", speakers_within=_FOCUS_SPAN)
            if found is not None:
                return found
    side = side_from_affiliation(_affiliation_words(description), doc.kb)
    return Speaker(
        name=head,
        role=description,
        side=side or _side_of_whom_served(description, doc.kb),
        kind="generic",
        head=head,
        text_role=description,
        indefinite=not parsed.definite,
    )


# --------------------------------------------------------------------------------------------
# attribution of one quotation


def _after_window(body: str, quote: _Quote, limit: int) -> str:
    text = body[quote.close_end : limit]
    return text[: _sentence_end(text)]


_QUOTED_BY_AFTER = re.compile(
    r"^[\s,]*(?P<np>[^“”\"\n]{2,160}?)\s+(?:was|were|is|are)\s+quoted\s+by\b[^“”\"\n]{1,80}?"
    r"\bas\s+saying\b"
)
_UTTERANCE_NOUN = re.compile(r"statement|letter|message|communiqu|note|tweet|post|release")
_STATEMENT_READ = re.compile(
    r"^[\s,]*(?P<owner>[^“”\"\n]{2,80}?)['’]s?\s+(?:[\w\-]+\s+)?(?:statement|letter|message|"
    r"communiqu[eé]|note|tweet|post|release)\s+(?:read|reads|stated|states|said|says)\b"
)
_UTTERANCE_READS = re.compile(
    r"^[\s,]*(?P<np>(?:the|this|that)\s+(?:[\w\-]+\s+)?(?:statement|letter|message|communiqu[eé]|"
    r"note|tweet|post|release))\s+(?:read|reads)\b",
    re.IGNORECASE,
)
_DASH_SIGNATURE = re.compile(r"^\s*[—–]\s*(?P<np>[A-Z][^“”\"\n]{1,160}?)[.\s]*$")
# A quoted post's credit after it: "“…” Post by Jane Doe, shared 3,000 times", "“…” (tweet by
# Jane Doe on Sunday)" — the one who posted it speaks.
_POSTED_BY = re.compile(
    r"^[\s.,(—–-]*(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?:Facebook|Twitter|Telegram|VK|Instagram|TikTok|"
    r"YouTube|X)\s+)?(?:[Pp]ost(?:ed)?|[Tt]weet(?:ed)?|[Mm]essage|[Cc]omment|[Ww]ritten|[Ss]hared)"
    r"\s+by\s+(?P<np>[A-Z][^,;:()“”\"\n]{1,60}?)(?=\s*(?:[,;:().]|$)|\s+(?:on|in|at)\s)"
)


def _post_attribution(body: str, quote: _Quote, limit: int, kb: Knowledge) -> _Parsed | None:
    after = _after_window(body, quote, limit)
    if not after.strip() or after.lstrip()[:1] in '“"':
        return None
    quoted_by = _QUOTED_BY_AFTER.match(after) if "quoted by" in after else None
    if quoted_by:  # "“…,” spokesman Igor Konashenkov was quoted by RIA Novosti as saying."
        parsed = _parse_np(quoted_by.group("np"), kb)
        if parsed.kind != "none":
            return parsed
    read = _STATEMENT_READ.match(after) if _UTTERANCE_NOUN.search(after) else None
    if read:  # "“…,” the ministry’s statement read."
        parsed = _parse_np(read.group("owner"), kb)
        if parsed.kind != "none":
            return parsed
    reads = _UTTERANCE_READS.match(after) if "read" in after else None
    if reads:  # "“…,” the post reads." — the post introduced before, its issuer speaks
        parsed = _parse_np(reads.group("np"), kb)
        if parsed.kind != "none":
            return parsed
    posted = _POSTED_BY.match(after)
    if posted:  # "“…” Post by Jane Doe, shared more than 2,000 times"
        parsed = _parse_np(posted.group("np"), kb)
        if parsed.kind in {"person", "actor"}:
            return parsed
    signed = _DASH_SIGNATURE.match(after)
    if signed:  # "“…” — Maria Zakharova, Russian Foreign Ministry spokeswoman."
        parsed = _parse_np(signed.group("np"), kb)
        if parsed.kind in {"person", "actor"} or (
            parsed.speaker is not None and parsed.speaker.kind == "outlet"
        ):
            return parsed
    after = _blank_asides(after)
    inverted = re.match(rf"^[\s,—–-]*(?:{_INVERTED_VERBS})\s+(?P<np>[^“”\"]{{1,160}})", after)
    if inverted:
        parsed = _parse_np(inverted.group("np"), kb)
        if parsed.kind != "none":
            return parsed
    match = _VERB.search(after)
    if match is None or match.start() > 200:
        return None
    np = after[: match.start()]
    if not np.strip(" ,"):
        return None
    parsed = _parse_np(_subject_before(np) if "," not in np.strip(" ,") else np, kb)
    return parsed if parsed.kind != "none" else None


_CALLED_FOR = re.compile(r"\s(?:called|calls|call|urged|urges|appealed|appeals)\s+for\s*$")
_CALLED_FOR_EARLIER = re.compile(
    r"\s(?:called|calls|urged|urges|appealed|appeals)\s+for\s+[^“”\"]*$"
)
_IN_WORDS = re.compile(
    r"\b[Ii]n\s+(?:the\s+words\s+of\s+(?P<of>[^“”\"]{2,160})|(?P<whose>[^,;:“”\"]{2,60}?)(?:['’]s?)?"
    r"\s+(?:own\s+)?words)\s*,?[^“”\";:]{0,160}$"
)
# A speaker's label before a quotation, a rank's abbreviations allowed ("Lt. Gen. Sergei Rudskoy:"),
# set in bold ("**Kerry:**"), after the entry's time ("11:02 Lavrov:") or with the time after the
# name ("LAVROV (11:02):").
_SPEAKER_LABEL = re.compile(
    rf"\s*(?:\*\*)?(?:{_TIMESTAMP}\s*|\d{{1,2}}:\d{{2}}\s+)?(?P<np>(?:[A-Z][a-z]{{0,3}}\.\s+){{0,3}}"
    rf"[A-Z][^:;,.“”\"\n*]{{1,60}}?)(?:\s+{_TIMESTAMP})?(?:\*\*)?:(?:\*\*)?\s*"
)


# "Here is Gen. Konashenkov, the ministry's spokesman, on TV last night:" presents its speaker;
# "First, the facts as CENTCOM gave them:" names the speaker inside an "as … gave them" clause.
_PRESENTED = re.compile(
    r"^\s*(?:Here|Below|Next|This)\s+(?:is|are|was|were|comes|come)\s+(?!how\b|what\b|why\b)"
    r"(?P<np>[^:;]{2,200}?):\s*$"
)
_AS_PUT = re.compile(
    r"\bas\s+(?P<np>[^,:;]{2,80}?)\s+(?:gave|give|gives|put|puts|described|describes|stated|states|"
    r"told|tells|phrased|phrases|worded|words|summed|sums)\s+(?:it|them|this|that)\b[^:;]*:\s*$"
)


# "Carter's message was blunt:", "Lavrov's own verdict, delivered to reporters in Moscow, was
# brief:", "The ministry's reply was short:": the possessor of the words speaks.
_POSSESSOR_VERDICT = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<np>(?:The\s+)?[A-Z][^,:;.“”\"]{1,80}?)['’]s?\s+(?:own\s+|first\s+|"
    r"official\s+)?(?:message|reply|response|answer|verdict|assessment|reaction|warning|"
    r"conclusion|position|retort|comment|view)(?:\s+(?:to|for|on)\s+[^,:;]{1,40})?"
    r"(?:,[^:;“”\"]{1,100},)?\s+(?:was|is|came|remained|has\s+been)\b[^:;“”\"]{0,40}:\s*$"
)


def _colon_introduction(before: str, kb: Knowledge) -> _Parsed | None:
    """The speaker of a quotation a colon introduces without a speech verb's subject."""
    match = _PRESENTED.match(before) or _AS_PUT.search(before) or _POSSESSOR_VERDICT.search(before)
    if match is None:
        return None
    parsed = _parse_np(match.group("np"), kb)
    source = _EXCERPT_OF.match(match.group("np"))
    if parsed.kind == "none" and source is not None:
        parsed = _parse_np(source.group("source"), kb)  # "the key line from the X statement"
    return parsed if parsed.kind in {"person", "actor"} else None


# "the key line from the coalition statement", "a passage of the ministry's note": an excerpt's
# source is who speaks
_EXCERPT_OF = re.compile(
    r"^(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}?(?:line|lines|passage|passages|part|parts|section|"
    r"paragraph|excerpt|extract|key\s+sentence|sentence|words|wording|text)\s+(?:from|of|in)\s+"
    r"(?P<source>.{2,120})$"
)
# A thread's tweet number before its text: "3/ Here is the key line …", "4/12 The …".
_TWEET_NUMBER = re.compile(r"^\s*\d{1,3}/(?:\d{1,3})?\s+")


def _flash_speaker(before: str, kb: Knowledge) -> _Parsed | None:
    """The speaker of a flash in capitals ("URGENT - SHOIGU SAYS “…”"), read in lower case; only
    one ``actors.toml`` knows counts (capitals hide which words are names)."""
    parsed, _ = _pre_attribution(before.lower(), kb)
    if parsed is not None and parsed.kind == "actor":
        return parsed
    if not _VERB.search(before.lower()):
        return None
    people = {m.actor.name: m.actor for m in find_actor_mentions(before.title(), kb, ("person",))}
    if len(people) == 1:  # "… MINISTER SERGEI SHOIGU TELLS REPORTERS: “…”"
        return _Parsed("actor", speaker=_from_actor(next(iter(people.values()))))
    return None


def _pre_attribution(before: str, kb: Knowledge) -> tuple[_Parsed | None, bool]:
    """(speaker phrase, weak) from the clause before an opening quotation mark."""
    if before.isupper() and len(before.split()) > 1:
        flash = _flash_speaker(before, kb)
        if flash is not None:
            return flash, False
    before = _TWEET_NUMBER.sub("", _blank_asides(before), count=1)
    quoted_as = re.search(r"\bquoted\s+(?P<np>(?!by\b).{1,120}?)\s+as\s+saying\b", before)
    if quoted_as:
        parsed = _parse_np(quoted_as.group("np"), kb)
        if parsed.kind != "none":
            return parsed, False
    passive = re.search(
        r"^(?P<np>.{1,120}?)\s+(?:was|were|is|are|been)\b.*\bquoted\s+by\b.*\bas\s+saying\b", before
    ) or re.search(  # "X, who …, was quoted as saying that “…”"
        r"^(?P<np>.{1,240}?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+as\s+saying\b",
        before,
    )
    if passive:
        parsed = _parse_np(passive.group("np"), kb)
        if parsed.kind != "none":
            return parsed, False
    called_for = _CALLED_FOR.search(before) if before.rstrip().endswith("for") else None
    if called_for:  # "The analyst called for “a new memorandum …”"
        parsed = _parse_np(_subject_before(before[: called_for.start()]), kb)
        if parsed.kind != "none":
            return parsed, False
    in_words = _IN_WORDS.search(before) if "words" in before else None
    if in_words:  # "In the general's words, “…”", "in the words of a spokesman, Col. X, …“…”"
        np = in_words.group("of") or in_words.group("whose")
        if np.casefold() in _POSSESSIVE_PRONOUNS:
            np = f"{np} words"  # "In her words" — as "her remarks"
        parsed = _parse_np(np, kb)
        if parsed.kind != "none":
            return parsed, False
    verbs = [
        m
        for m in _VERB.finditer(before)
        if (m.group() not in {"saying"} or "quoted" not in before)
        and not _PASSIVE_BEFORE.search(before, max(0, m.start() - 24), m.start())
    ]
    if verbs:
        verb = verbs[-1]
        np = _subject_before(before[: verb.start()])
        parsed = _parse_np(np, kb)
        if parsed.kind not in {"person", "actor"} and _is_participle_after_comma(before, verb):
            parsed = _clause_subject_actor(np, kb) or parsed
        reported = _reported_by_agency(parsed, before[verb.end() :], kb)
        if reported is not None:
            return reported, False
        if parsed.kind != "none":
            return parsed, False
    law = _LAW_WORDING.search(before) if not verbs else None
    named_law = _law_named(law.group("law"), kb) if law is not None else None
    if named_law is not None:  # "section 1232 of the NDAA … bars … for “any bilateral …”"
        return _Parsed("actor", speaker=named_law), False
    introduced = _colon_introduction(before, kb)
    if introduced is not None:
        return introduced, False
    called_for = _CALLED_FOR_EARLIER.search(before) if " for " in before else None
    if called_for:  # "Putin called for a front in which … would fight IS “the way …”"
        parsed = _parse_np(_subject_before(before[: called_for.start()]), kb)
        if parsed.kind in {"person", "actor"}:
            return parsed, False
    colon = re.search(
        r"^(?P<np>[^:;]{2,150}?)\s+(?:was|were|is|are|has|have|had|did|does|went|put|offered|gave|"
        r"summed|made|reads|read)\b[^:;]*:\s*$",
        before,
    )
    if colon:
        parsed = _parse_np(colon.group("np"), kb)
        if parsed.kind != "none":
            return parsed, False
    labelled = _SPEAKER_LABEL.fullmatch(before, before.rfind("\n") + 1)
    if labelled:  # a live blog's entry "14:32 — Peskov: “…”", on a line of its own
        parsed = _parse_np(labelled.group("np"), kb)
        if parsed.kind in {"person", "actor"} and (
            not labelled.group("np").isupper() or _known_person(parsed)
        ):
            return parsed, False  # "CLAIM: “…”" is a fact-check's label, not a speaker
    according = re.search(r"\baccording\s+to\s+(?P<np>[^,;:]{2,80}?),?\s*$", before, re.IGNORECASE)
    introduces = according is not None  # "According to Kashin, “…”": the words are Kashin's
    according = according or re.match(  # "According to the minister, the exchange was “…”"
        r"\s*according\s+to\s+(?P<np>[^,;:]{2,80}?),", before, re.IGNORECASE
    )
    if according:
        parsed = _parse_np(according.group("np"), kb)
        named = _APPOSITIVE_NAME.match(before, according.end())
        if named is not None and _head_noun(according.group("np").split()[-1]) in _PERSON_HEADS:
            # "According to the statement issued by Dunford's spokesman, Navy Captain Greg
            # Hicks, the two generals “…”": the spokesman the appositive names
            appositive = _parse_np(named.group("np"), kb)
            if appositive.kind in {"person", "actor"}:
                parsed = appositive
        if parsed.kind != "none":
            return parsed, not (introduces and parsed.kind in {"person", "actor"})
    for verb in reversed(verbs[:-1]):
        # "The spokesperson added that communication continued “…”": the last verb's subject
        # names nobody, an earlier verb's does
        parsed = _parse_np(_subject_before(before[: verb.start()]), kb)
        if parsed.kind != "none":
            return parsed, False
    return None, False


# The name set off by commas after a description ("…'s spokesman, Navy Captain Greg Hicks, …").
_APPOSITIVE_NAME = re.compile(r"\s*(?P<np>(?:[A-Z][\w.'’\-]*\s+){0,4}[A-Z][\w'’\-]+),")


# A law's wording quoted after what it bars or requires: "Section 1232 of the NDAA for FY2017,
# which …, bars the use of funds for “…”", "The act prohibits “…”" (the law the subject names).
_LAW_WORDING = re.compile(
    r"(?P<law>\b(?:[Ss]ection|[Aa]rticle|[Pp]aragraph)\s+\d+\w*\s+of\s+[^,;:“”\"]{2,80}?"
    r"|\b(?:[Tt]he\s+)?[A-Z][^,;:“”\"]{1,80}?)(?:,[^;:“”\"]{0,120}?,)?\s+"
    r"(?:bars|barred|prohibits|prohibited|forbids|forbade|bans|banned|requires|required|"
    r"stipulates|stipulated)\b[^.;:“”\"]{0,200}$"
)


def _law_named(phrase: str, kb: Knowledge) -> Speaker | None:
    """The law a phrase names, by the ``[law_names]`` of ``actors.toml`` ("section 1232 of the
    NDAA for FY2017" → the National Defense Authorization Act)."""
    names = kb.actors.get("law_names", {}) if isinstance(kb.actors, dict) else {}
    for written, name in names.items():
        if re.search(rf"(?<![\w\-]){re.escape(written)}(?![\w\-])", phrase):
            return Speaker(name=str(name), role="law", kind="institution", side=None)
    return None


def _known_person(parsed: _Parsed) -> bool:
    """A person ``actors.toml`` knows ("LAVROV" in capitals is Lavrov; "CLAIM" is nobody)."""
    return parsed.kind == "actor" and parsed.speaker is not None and parsed.speaker.kind == "person"


# "Interfax now reports that the Defence Ministry has “…”": an agency reporting what someone
# else did or said passes on that one's words.
_REPORTED_THAT = re.compile(
    r"^\s+that\s+(?P<subject>(?:the\s+)?[A-Z][^,;:“”\"]{1,80}?)\s+"
    r"(?:has|have|had|is|was|would|will)\b[^,;:“”\"]{0,60}$"
)


def _reported_by_agency(parsed: _Parsed, after_verb: str, kb: Knowledge) -> _Parsed | None:
    if parsed.kind != "actor" or parsed.speaker is None or parsed.speaker.kind != "outlet":
        return None
    clause = _REPORTED_THAT.match(after_verb)
    if clause is None:
        return None
    subject = _parse_np(clause.group("subject"), kb)
    if subject.kind != "actor" or subject.speaker is None:
        return None
    if subject.speaker.kind not in {"institution", "person"}:
        return None
    if subject.speaker.side is None and parsed.speaker.side is not None:
        home = _institution_of_side(subject.speaker.name, parsed.speaker.side, kb)
        return _Parsed("actor", speaker=home) if home is not None else subject
    return subject


def _institution_of_side(name: str, side: str, kb: Knowledge) -> Speaker | None:
    """ "Defence Ministry" in an agency's report of its own country: the known institution of
    that country so named ("Russian Defence Ministry" for a Russian agency)."""
    words = kb.actors.get("side_words", {}).get(side, []) if isinstance(kb.actors, dict) else []
    for word in (str(w) for w in words if " " not in str(w)):
        for qualified in (f"{word} {name}", f"{word}'s {name}"):
            actor = resolve_actor(qualified, kb)
            if actor is not None and actor.side == side and actor.kind == "institution":
                return _from_actor(actor)
    return None


# What a speech verb reports as an answer, not the time of a statement: "Washington says no".
_REPORTED_ANSWER = r"(?:no|yes|so|nothing|otherwise|not)"


def _inner_attribution(text: str, kb: Knowledge) -> _Parsed | None:
    """An attribution closing the quoted words: "…, the Russian Defense Ministry said Monday.";
    not a reported answer inside them ("…, and every time, Washington says no.")."""
    match = re.search(
        rf",['’\"]?\s+(?P<np>[^,“”\"]{{2,80}}?)\s+(?:{_INVERTED_VERBS}|reported)"
        rf"(?!\s+{_REPORTED_ANSWER}\b)(?:\s+[\w.]+){{0,3}}[.!]?$",
        text,
    )
    if not match:
        return None
    parsed = _parse_np(match.group("np"), kb)
    return parsed if parsed.kind in {"actor", "person"} else None


def _according_after(body: str, quote: _Quote, limit: int, kb: Knowledge) -> _Parsed | None:
    after = _after_window(body, quote, limit)
    match = re.match(r"^[\s,]*according\s+to\s+(?P<np>[^,.;:]{2,80})", after, re.IGNORECASE)
    if not match:
        return None
    parsed = _parse_np(match.group("np"), kb)
    return parsed if parsed.kind != "none" else None


def _attribute(body: str, quote: _Quote, neighbours: tuple[_Quote | None, int], doc: _Doc) -> None:
    """Set ``quote.speaker`` from the text around it (``neighbours``: the previous quotation in
    the paragraph, the offset of the next opening mark)."""
    kb = doc.kb
    previous, next_open = neighbours
    prev_close = previous.close_end if previous is not None else 0
    inner = _inner_attribution(body[quote.start : quote.end], kb)
    if inner is not None:
        quote.speaker = _resolve(inner, doc, quote.end)
        if quote.speaker is not None:
            return
    before_start = max(_sentence_start(body, quote.open_at), prev_close)
    before = body[before_start : quote.open_at]
    joined = before.strip(" ,;").casefold() in {"", "and", "or", "but", "and then", "as well as"}
    if (
        previous is not None
        and previous.speaker is not None
        and before_start == prev_close
        and joined
    ):
        quote.speaker, quote.weak = previous.speaker, previous.weak
        return
    para_start = doc.paragraphs[quote.para][0]
    resolve_at = quote.open_at
    if quote.open_at == para_start and quote.para > 0:
        prev_end = doc.paragraphs[quote.para - 1][1]
        if body[prev_end - 1] == ":":
            # "The secretary of state … . He put it this way:" ¶ "“…”": "he" is read where
            # the introduction stands, so the sentence before it names him
            resolve_at = _sentence_start(body, prev_end - 1)
            before = body[resolve_at:prev_end]
    ends_open = body[quote.end - 1 : quote.end] in {",", "?", "!", "—", "-"}
    post = _post_attribution(body, quote, next_open, kb) if quote.close_end < next_open else None
    pre, weak = _pre_attribution(before, kb) if before.strip() else (None, False)
    order = (
        [(post, False), (pre, weak)] if ends_open or pre is None else [(pre, weak), (post, False)]
    )
    for parsed, is_weak in order:
        if parsed is not None and not is_weak:
            speaker = _resolve(parsed, doc, resolve_at if parsed is pre else quote.open_at)
            if speaker is not None:
                quote.speaker = speaker
                return
    later = _according_after(body, quote, next_open, kb)
    for parsed in (pre if weak else None, later):
        if parsed is not None:
            speaker = _resolve(parsed, doc, quote.open_at)
            if speaker is not None:
                quote.speaker, quote.weak = speaker, True
                return


# --------------------------------------------------------------------------------------------
# document-level entities (for pronouns, surnames and "the source")


# A page or an account named where a post is reported: "a page called World Affairs Today KE",
# "the Telegram channel “Steppe Truth”" (what "it" stands for when the post's words follow).
_MEDIUM_MENTION = re.compile(
    r"\b(?:page|account|channel)\s+(?:(?:called|named)\s+)?[“\"](?P<quoted>[A-ZÀ-Þ][^“”\"\n]{1,60}?)[”\"]"
    r"|\b(?:page|account|channel)\s+(?:called|named)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w'’\-]*(?:\s+[A-ZÀ-Þ][\w'’\-]*){0,5})"
)


def _collect_entities(doc: _Doc, quoted: list[tuple[int, int]]) -> None:
    """Entities mentioned outside quotation marks, for later coreference."""
    body, kb = doc.body, doc.kb
    starts = [a for a, _ in quoted]

    def outside(pos: int) -> bool:
        index = bisect.bisect_right(starts, pos) - 1
        return index < 0 or pos >= quoted[index][1]

    for start, _, actor in actor_spans(body, kb):
        if outside(start):
            doc.add(start, _from_actor(actor))
    for match in _MEDIUM_MENTION.finditer(body):  # "… published by a page called X"
        name = (match.group("quoted") or match.group("name") or "").strip()
        if name and outside(match.start()):
            known = resolve_actor(name, kb)
            named = (
                _from_actor(known) if known else Speaker(name=name, role="outlet", kind="outlet")
            )
            doc.add(match.start(), named)
    for match in _PERSON_APPOSITIVE.finditer(body):
        role, bare = match.group("role"), match.group("bare")
        head = _role_head(role or bare)
        if head in _NON_PERSON_HEADS if role else head not in _PERSON_HEADS | _BARE_ROLE_HEADS:
            continue  # "Arsenal Otechestva, a Moscow defence magazine,"
        name = _untitled_name(match.group("name"), kb)
        if not name or not outside(match.start()) or resolve_actor(name, kb) is not None:
            continue
        if find_actor_mentions(name, kb):
            continue
        doc.add(match.start(), _unknown_person(name, _drop_article(role) if role else bare, kb))
    for match in (m for pattern in _GENERIC_MENTIONS for m in pattern.finditer(body)):
        if not outside(match.start()):
            continue
        post = _without_predicate(match.group("post") or "")
        description = match.group("np") + re.sub(r"^,?\s*", " ", post)
        doc.add(
            match.start(),
            Speaker(
                name=match.group("head"),
                role=description.strip(),
                side=side_from_affiliation(_affiliation_words(description), kb),
                kind="generic",
                head=match.group("head"),
                text_role=description.strip(),
                indefinite=True,
            ),
        )
    for p_start, p_end in doc.paragraphs:
        for verb_start, parsed in _speech_subjects(body[p_start:p_end], kb):
            if not outside(p_start + verb_start):
                continue
            speaker = _resolve(parsed, doc, p_start + verb_start)
            if speaker is not None:
                doc.add(p_start + verb_start, speaker, speaking=True)


_PREDICATE_VERB = re.compile(
    r"(?<!who)(?<!which)\s(?:was|were|is|are|has|have|had|said|says|told|added|agreed|declined)\b"
)


def _without_predicate(post: str) -> str:
    """A description's relative clause without the sentence's own verb after it ("who was not
    authorized to speak publicly was more candid" → "who was not authorized to speak
    publicly")."""
    cut = _PREDICATE_VERB.search(post)
    return post[: cut.start()] if cut else post


def _untitled_name(name: str, kb: Knowledge) -> str | None:
    """An appositive's name without the title before it ("Senator Igor Morozov, a member of …"
    is Igor Morozov); ``None`` when a title leaves a single word ("Defense Secretary Carter")."""
    bare = split_title(name, kb)[1]
    if bare == name:
        return name
    return bare if bare and len(bare.split()) >= 2 else None


_SUBJECTS: dict[tuple[str, str], tuple[tuple[int, _Parsed], ...]] = {}


def _speech_subjects(text: str, kb: Knowledge) -> tuple[tuple[int, _Parsed], ...]:
    """(offset of the speech verb, parsed subject) for the speech verbs of one paragraph whose
    subject names someone (a person, a known actor or an indefinite "a source"); remembered per
    paragraph text and knowledge base."""
    key = (kb.fingerprint, text)
    found = _SUBJECTS.get(key) if kb.fingerprint else None
    if found is None:
        found = tuple(_paragraph_speech_subjects(text, kb))
        if kb.fingerprint:
            if len(_SUBJECTS) >= _PARSED_LIMIT:
                _SUBJECTS.clear()
            _SUBJECTS[key] = found
    return found


_PASSIVE_BEFORE = re.compile(r"\b(?:been|being|be|was|were|is|are)\s+(?:not\s+|never\s+)?$")


# "outlets quoted Russia's Ministry of Defense as saying": the one quoted speaks, not the outlets
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<np>(?!by\b)[^,;:“”\"]{1,120}?)\s+as\s*$")


def _paragraph_speech_subjects(text: str, kb: Knowledge) -> list[tuple[int, _Parsed]]:
    subjects = []
    for verb in _VERB.finditer(text):
        if _PASSIVE_BEFORE.search(text, max(0, verb.start() - 24), verb.start()):
            continue  # "Israel had not been asked": spoken to, not speaking
        window = text[max(0, verb.start() - 200) : verb.start()]
        quoted_as = _QUOTED_AS.search(window) if verb.group() == "saying" else None
        np = quoted_as.group("np") if quoted_as else _subject_before(window)
        parsed = _parse_np(np, kb)
        if parsed.kind not in {"person", "actor"} and _is_participle_after_comma(text, verb):
            parsed = _clause_subject_actor(np, kb) or parsed
        if parsed.kind in {"person", "actor"} or (parsed.kind == "generic" and not parsed.definite):
            subjects.append((verb.start(), parsed))
    return subjects


def _is_participle_after_comma(text: str, verb: re.Match[str]) -> bool:
    """ "…, calling the notion “naive”", "…, saying …": the speaker is the clause's subject."""
    before = text[: verb.start()].rstrip()
    # "…, saying …", and "X opened the programme by saying that “…”": the means of what the
    # clause's subject did
    return verb.group().endswith("ing") and (before.endswith(",") or before.endswith(" by"))


PARTICIPLE_SUBJECT_WORDS = 8  # the subject opens the clause: a known actor within its first words


def _clause_subject_actor(clause: str, kb: Knowledge) -> _Parsed | None:
    """The known actor opening a clause ("Senate Foreign Relations chairman Bob Corker went
    further on Thursday"), which a participle's subject parse would read as "chairman"."""
    words = clause.split()
    spans = actor_spans(" ".join(words[:PARTICIPLE_SUBJECT_WORDS]), kb)
    if spans:
        return _Parsed("actor", speaker=_from_actor(spans[0][2]))
    if words and words[0] in ("He", "She"):  # "He went further in a later interview, saying …"
        return _Parsed("pronoun", pronoun=words[0].lower())
    leading = list(itertools.takewhile(lambda word: _NAME_TOKEN.match(word), words))
    title, name = split_title(" ".join(leading), kb)
    if title and len(name.split()) >= 2:
        # "Deputy Minister Anna Roth went further on Tuesday, saying …": an office, then a name
        # the knowledge base does not know
        return _Parsed("person", speaker=_unknown_person(name, _clean_role(title, kb) or None, kb))
    return None


# --------------------------------------------------------------------------------------------
# transcripts


_LABEL_SETS: dict[tuple[str, str], frozenset[str]] = {}


def _transcript_labels(kb: Knowledge, key: str) -> frozenset[str]:
    """The ``[transcript]`` labels of ``actors.toml`` under ``key``, in upper case (remembered
    per knowledge base: every turn asks)."""
    if kb.fingerprint and (kb.fingerprint, key) in _LABEL_SETS:
        return _LABEL_SETS[(kb.fingerprint, key)]
    table = kb.actors.get("transcript", {}) if isinstance(kb.actors, dict) else {}
    labels = frozenset(str(label).upper() for label in table.get(key, []))
    if kb.fingerprint:
        _LABEL_SETS[(kb.fingerprint, key)] = labels
    return labels


def _procedure_openers(kb: Knowledge) -> tuple[str, ...]:
    return tuple(label.lower() for label in _transcript_labels(kb, "procedure"))


UNNAMED_TURN_HEADS = frozenset(
    ["official", "officials", "spokesman", "spokeswoman", "spokesperson", "diplomat", "officer"]
)


def _label_name(label: str) -> str:
    """The speaker's name in a parliament's turn label: the words before a constituency or a
    party in brackets ("Alex Salmond (Gordon) (SNP)"), or the member's name in brackets after an
    office ("The Secretary of State … (Mr Philip Hammond)")."""
    groups = _LABEL_PARENTHESES.findall(label)
    if not groups:
        return label
    for inner in groups:
        if inner.split()[:1] and inner.split()[0].rstrip(".") in _HONORIFICS:
            return inner.strip()
    return _LABEL_PARENTHESES.sub(" ", label).split("  ")[0].strip()


# A turn label that is a website's name ("Military.com:") is the interviewing outlet's reporter.
_SITE_LABEL = re.compile(r"[A-Za-z][\w\-]*(?:\.[\w\-]+)*\.(?:com|org|net|info|news|ru|uk|eu)")


# "Question from the floor", "QUESTION TO BOTH MINISTERS": a reporter's label and whom it is from
# or to.
_ADDRESSED_LABEL = re.compile(r"(?P<label>\S+)\s+(?:from|to|for)\s", re.IGNORECASE)


def _is_reporter_label(label: str, kb: Knowledge) -> bool:
    labels = _transcript_labels(kb, "reporter_labels")
    addressed = _ADDRESSED_LABEL.match(label)
    return label.upper() in labels or (
        addressed is not None and addressed.group("label").upper() in labels
    )


def _names_the_masthead(label: str, doc: _Doc) -> bool:
    """A turn label that is the publication's name, as its masthead prints it ("Weltblick"
    above "**Weltblick** Mr. Minister, …"): a magazine's interviewer asks in its name."""
    masthead = next((line for line in doc.head if line.strip()), "")
    words = re.findall(r"[\w'’\-.]+", masthead.casefold())
    return bool(label.strip()) and label.casefold().split() == words[: len(label.split())]


def _turn_speaker(label: str, doc: _Doc) -> Speaker:
    full_label, label = label, _label_name(label)
    label, _, caption = label.partition(",")  # "JOHN KERRY, U.S. SECRETARY OF STATE"
    upper = label.upper()
    if _is_reporter_label(label, doc.kb) or _SITE_LABEL.fullmatch(label):
        return Speaker(name="reporter", role="reporter", kind="reporter", head="reporter")
    if upper in _transcript_labels(doc.kb, "official_labels") | _transcript_labels(
        doc.kb, "moderator_labels"
    ):
        # the briefing's own press officer ("MODERATOR:", "STAFF:"), an official of the outlet's
        # government (the transcript is published by the department that holds the briefing)
        return Speaker(
            name="official",
            role=label.lower(),
            kind="generic",
            head="official",
            side=doc.home_side,
        )
    if upper in _transcript_labels(doc.kb, "neutral_labels"):
        return Speaker(name=label.lower(), role=label.lower(), kind="generic", head=label.lower())
    titled = _titled(label)
    actor = resolve_actor(titled, doc.kb)
    if actor is not None:
        return _from_actor(actor)
    if _names_the_masthead(label, doc):
        return Speaker(name="reporter", role="reporter", kind="reporter", head="reporter")
    words = label.lower().split()
    if len(words) >= 2 and words[-1] in UNNAMED_TURN_HEADS:
        # "SENIOR STATE DEPARTMENT OFFICIAL:": an unnamed speaker, named by the head noun
        role = label.lower()
        return Speaker(
            name=words[-1],
            role=role,
            kind="generic",
            head=words[-1],
            side=side_from_affiliation(titled, doc.kb),
        )
    _, name = split_title(titled, doc.kb)
    name = name or titled
    earlier = doc.by_surname(name)
    if earlier is not None:
        return earlier
    initialled = _INITIALLED.fullmatch(name)
    if initialled is not None and (spelled := _spelled_out(doc, initialled)) is not None:
        side = side_from_affiliation(caption, doc.kb) if caption.strip() else None
        return replace(spelled, side=spelled.side or side)
    title = titled[: -len(name)].strip() if titled.endswith(name) else ""
    title = title or caption.strip()
    side = side_from_affiliation(title, doc.kb) if title else None
    if len(name.split()) == 1 and name not in doc.full_names:
        doc.full_names[name] = _full_name_on_page(doc, name)
    if len(name.split()) == 1 and (named := doc.full_names[name]) is not None:
        return replace(named, side=named.side or side)
    return Speaker(
        name=name,
        role=(_clean_role(title, doc.kb) or None) if caption else None,
        kind="person",
        side=side or _bracketed_side(full_label, doc.kb),
    )


_LABEL_WORD_PART = re.compile(r"[^\W\d_][^\s.\-]*")


def _titled(label: str) -> str:
    """A capitalised label in title case, initials and the parts of a double name each
    capitalised, a space after initials: "I.VORONOVA" → "I. Voronova", "RANKINE-GALLOWAY" →
    "Rankine-Galloway"."""
    titled = _LABEL_WORD_PART.sub(lambda m: m.group().capitalize(), " ".join(label.split()))
    return _INITIAL_AGAINST_NAME.sub(r"\1 ", titled)


_INITIAL_AGAINST_NAME = re.compile(r"(?<![\w.])((?:[A-Z]\.)+)(?=[A-Z][a-z])")


# A name after initials ("L. I. Kalashnikov"), as a Russian record labels a speaker's turn.
_INITIALLED = re.compile(r"(?P<initials>(?:[A-Z]\.\s?){1,2})(?P<surname>[A-Z][\w'’\-]+)")


def _spelled_out(doc: _Doc, initialled: re.Match[str]) -> Speaker | None:
    """The speaker a turn labels by initials, named in full on the page with the same initials
    ("Leonid Ivanovich Kalashnikov" for "L. I. Kalashnikov"): given name and surname, the
    patronymic left out as the press names Russians."""
    surname = initialled.group("surname")
    named = _full_name_on_page(doc, surname)
    if named is None:
        return None
    given = named.name.split()[:-1]
    initials = re.findall(r"[A-Z]", initialled.group("initials"))
    first = next(
        (
            at
            for at in range(len(given) - len(initials) + 1)
            if all(word[0] == letter for word, letter in zip(given[at:], initials, strict=False))
        ),
        None,
    )  # "Then Grigory Petrovich Ostapenko": the initials fit the words before the surname
    if first is None:
        return None
    name = f"{given[first]} {surname}"
    actor = resolve_actor(name, doc.kb)
    return _from_actor(actor) if actor is not None else replace(named, name=name)


def _full_name_on_page(doc: _Doc, surname: str) -> Speaker | None:
    """The full name of a speaker labelled by surname alone ("KOVALENKO:"): written in the body
    ("… a former Pentagon official, Evelyn Farkas.") or among the head lines ("Sunday Evening
    with Anna Kovalenko")."""
    named = _full_name_before(doc, surname, len(doc.body))
    if named is not None:
        if len((named.role or "").split()) > MAX_ROLE_WORDS:  # the host's whole sentence
            named = replace(named, role=None, text_role=None)
        return named
    listed = _listed_in_capitals(doc, surname)
    if listed is not None:
        return listed
    for line in doc.head:
        given = re.search(rf"\b(?P<name>[A-Z][a-z'’\-]+\s+{re.escape(surname)})\b", line)
        if given is not None and split_title(given.group("name"), doc.kb)[1] == given.group("name"):
            return _unknown_person(given.group("name"), None, doc.kb)
    return None


_CAPITAL_SMALL_WORDS = frozenset(
    ["WITH", "AND", "BY", "FROM", "OF", "THE", "ON", "AT", "FOR", "TO", "IN", "FEATURING"]
)


def _listed_in_capitals(doc: _Doc, surname: str) -> Speaker | None:
    """The full name of a speaker labelled by surname ("MR. DALTON:", "GENERAL HOLLIS:") as a
    transcript's list of participants prints it in capitals above the turns ("RICHARD DALTON,
    Senior Fellow, …", "LT. GEN. FRANK HOLLIS (Ret.), Former …"), the words after the comma its
    role."""
    capitals = re.escape(surname.upper())
    roles = frozenset().union(
        *(
            _transcript_labels(doc.kb, key)
            for key in ("official_labels", "moderator_labels", "neutral_labels")
        )
    ) | {"CHAIR", "CHAIRMAN", "PANELIST", "SPEAKER", "DISCUSSANT"}
    pattern = re.compile(
        rf"(?<![\w.'’\-])(?P<name>(?:[A-Z][A-Z'’\-]+\s+){{1,2}}(?:[A-Z]\.\s+)?{capitals})"
        r"(?![\w'’\-])"
        r"(?P<after>[^\n]*)"
    )
    for text in (*doc.head, doc.body):
        for found in pattern.finditer(text):
            if found.group("after").lstrip().startswith(":"):
                continue  # a turn's own label
            words = found.group("name").split()
            if len(words) > 2 and words[0] in roles | _CAPITAL_SMALL_WORDS:
                words = words[1:]  # "MODERATOR TOM BRANDT", "NEWS WITH DANIEL ROSS": no names
            _, name = split_title(_titled(" ".join(words)), doc.kb)
            if len(name.split()) < 2:
                continue  # "GENERAL HOLLIS": a title, no given name
            after = re.sub(r"^\s*\([^()]*\)", "", found.group("after"))
            role = after.strip().removeprefix(",").strip() if after.lstrip().startswith(",") else ""
            role = role.rstrip(" .") if len(role.split()) <= MAX_ROLE_WORDS + 4 else ""
            actor = resolve_actor(name, doc.kb)
            if actor is not None and actor.kind == "person":
                return _from_actor(actor)
            return _unknown_person(name, role or None, doc.kb)
    return None


def _bracketed_side(label: str, kb: Knowledge) -> str | None:
    """The side of the country or party a record prints after a speaker ("Mr. Ja'afari (Syrian
    Arab Republic):", "Ms. Power (United States of America):")."""
    for inner in _LABEL_PARENTHESES.findall(label):
        side = side_from_affiliation(inner, kb)
        if side:
            return side
    return None


def _names_a_speaker(label: str, doc: _Doc) -> bool:
    """A turn label that can only be a speaker: a reporter label, a titled name ("CAPT. DAVIS")
    or a known person; not a place ("DEIR EZZOR") or a country's capital ("MOSCOW")."""
    if label.upper() in _transcript_labels(doc.kb, "reporter_labels"):
        return True
    titled = _titled(label)
    actor = resolve_actor(titled, doc.kb)
    if actor is not None:
        return actor.kind == "person"
    title, _ = split_title(titled, doc.kb)
    return bool(title.strip())


def _is_turn_label(label: str) -> bool:
    """A paragraph's lead-in before a colon that can label a speaker: no page heading ("RELATED:",
    "UPDATE:") and no phrase ending in a small word, as a sponsor's line ("Support Provided By:
    …") or a list's lead-in ("Signed on behalf of: …") does, where no name ends."""
    words = label.split()
    return not set(label.upper().split()) & _NOT_TURN_LABELS and (
        not words or words[-1].lower() not in _LABEL_END_SMALL_WORDS
    )


def _without_page_furniture(
    labelled: dict[int, tuple[str, int]], doc: _Doc
) -> dict[int, tuple[str, int]]:
    """A transcript's turns without the page's labelled lines around it: a label used once,
    outside the run of the labels that take turns, with no turn next to it and naming nobody
    (no known person, no surname another label gives: "PETER COOK:" opens a briefing whose
    turns are "MR. COOK:"), is a share bar ("Share: Facebook Twitter …") or a teaser under a
    show's name ("The Debate: Can Paris …?")."""
    if len(labelled) < 3:
        return labelled  # the usual page: no labels at all
    counts = Counter(label for label, _ in labelled.values())
    repeated = [index for index, (label, _) in labelled.items() if counts[label] > 1]
    if not repeated:
        return labelled
    first, last = min(repeated), max(repeated)
    surnames = Counter(surname_key(label) for label in counts)

    def in_the_conversation(index: int, label: str) -> bool:
        return (
            first <= index <= last
            or index - 1 in labelled
            or index + 1 in labelled
            or surnames[surname_key(label)] > 1
            or _names_a_speaker(label, doc)
        )

    return {index: turn for index, turn in labelled.items() if in_the_conversation(index, turn[0])}


def _names_take_turns(bold_names: dict[int, tuple[str, int]]) -> bool:
    """Bold names opening paragraphs are an interview's turns when two of them open two
    paragraphs each (the interviewer and the guest), not a story's bold lead-ins."""
    counts = Counter(label for label, _ in bold_names.values())
    return sum(count >= 2 for count in counts.values()) >= 2


_UNIDENTIFIED = re.compile(r"UNIDENTIFIED\s+(?:MALE|FEMALE|MAN|WOMAN|SPEAKER|REPORTER)\b", re.I)
_REPORTER = Speaker(name="reporter", role="reporter", kind="reporter", head="reporter")


def _transcript_turns(doc: _Doc) -> list[_Quote]:
    body = doc.body
    labelled: dict[int, tuple[str, int]] = {}
    bare_questions: dict[int, tuple[str, int]] = {}
    bare_answers: dict[int, tuple[str, int]] = {}
    bold_names: dict[int, tuple[str, int]] = {}
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        if body.startswith("**", p_start) and (bold := BOLD_NAME_LABEL.match(body, p_start, p_end)):
            bold_names[index] = (bold.group("label"), bold.end())
            continue
        labelled_here = body.find(":", p_start, min(p_end, p_start + _LABEL_REACH)) >= 0
        match = _TURN_LABEL.match(body, p_start, p_end) if labelled_here else None
        match = match or RECORD_LABEL.match(body, p_start, p_end)
        if match and _is_turn_label(match.group("label")):
            labelled[index] = (match.group("label"), match.end())
        elif (bare := BARE_QUESTION_LABEL.match(body, p_start, p_end)) is not None:
            bare_questions[index] = (bare.group("label"), bare.end())
        elif (answer := BARE_ANSWER_LABEL.match(body, p_start, p_end)) is not None:
            bare_answers[index] = (answer.group("label"), answer.end())
    if bare_questions and bare_answers:  # "Q. … A. …"
        labelled = dict(sorted({**labelled, **bare_questions, **bare_answers}.items()))
    elif bare_questions and any(label != "Q" for label, _ in labelled.values()):
        labelled = dict(sorted({**labelled, **bare_questions}.items()))
    if _names_take_turns(bold_names):
        labelled = dict(sorted({**labelled, **bold_names}.items()))
    labelled = _without_page_furniture(labelled, doc)
    labels = [label for label, _ in labelled.values()]
    if len(set(labels)) == len(labels) and (
        len(labels) < 3 or not any(_names_a_speaker(label, doc) for label in labels)
    ):
        return []  # a conversation has a speaker taking two turns, or a reporter, or titles
        # ("RAQQA: …", "MOSCOW: …" in a digest are place labels)
    turns: list[_Quote] = []
    speaker: Speaker | None = None
    named: dict[str, Speaker] = {}  # surname → the full name an earlier turn gave
    chair = _presiding_member(doc, doc.paragraphs[min(labelled)][0])
    hosts = _transcript_labels(doc.kb, "host_labels")
    host = (
        _interviewer(doc, doc.paragraphs[min(labelled)][0], labels)
        if any(label.upper() in hosts for label in labels)
        else None
    )
    answers = _transcript_labels(doc.kb, "answer_labels")
    interviewee = _interviewee(doc, doc.paragraphs[min(labelled)][0]) if answers else None
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        if index in labelled:
            label, text_start = labelled[index]
            presiding = chair if chair and PRESIDING_LABEL.fullmatch(label) else None
            if label.upper() in answers:  # nobody named before an "A:" leaves it unattributed
                speaker = interviewee
            elif host is not None and label.upper() in hosts:
                speaker = host
            else:
                speaker = presiding or _named_earlier(_turn_speaker(label, doc), named)
        elif speaker is not None and _continues_turn(body[p_start:p_end], doc.kb):
            text_start = p_start
        else:
            speaker = None
            continue
        start, end = _unquoted(body, *_strip_span(body, text_start, p_end))
        if index in labelled and _UNIDENTIFIED.match(label) and body[end - 1 : end] == "?":
            speaker = _REPORTER  # a television transcript's unnamed questioner
        if end > start and not _STAGE_DIRECTION.fullmatch(body, start, end):
            turns.append(_Quote(start, end, start, end, index, speaker=speaker, turn=True))
    return turns


# A channel's post relaying an institution's or an official's statement under its name, an
# emoji or a bullet allowed before it: "⚡️ Russian Defence Ministry: On January 22, …".
_STATEMENT_LABEL = re.compile(
    r"[^\w\s“”\"‘'(]{0,4}\s*(?P<label>[A-Z][\w.'’\- ]{2,60}?):\s+(?=[A-Z0-9])"
)


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us|me)\b")


def _labelled_statements(doc: _Doc) -> list[_Quote]:
    """Paragraphs of a page without transcript turns that give a known institution's or person's
    statement under its name and a colon, without quotation marks: direct quotes by that actor
    (a place, a country or an outlet before a colon is a digest's or a headline's label); a
    person's, only when it speaks in the first person."""
    statements: list[_Quote] = []
    body = doc.body
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        if body.find(":", p_start, min(p_end, p_start + 70)) < 0:
            continue
        match = _STATEMENT_LABEL.match(body, p_start, p_end)
        if match is None or _DOUBLE_MARK.search(body, match.end(), p_end):
            continue
        actor = resolve_actor(match.group("label"), doc.kb)
        if actor is None or actor.kind not in {"institution", "person"}:
            continue
        start, end = _strip_span(body, match.end(), p_end)
        if actor.kind == "person" and not _FIRST_PERSON.search(body, start, end):
            continue  # a list of who's who: "Sergei Lavrov: Russia's foreign minister since 2004."
        if len(body[start:end].split()) >= MIN_WORDS and body[end - 1 : end] in ".!":
            speaker = _from_actor(actor)
            statements.append(_Quote(start, end, start, end, index, speaker=speaker, turn=True))
    return statements


# A forum's or a mail's block quotation: a paragraph opening with ">" ("> The memorandum
# includes safety protocols …").
_BLOCK_QUOTE = re.compile(r">[ \t]*(?=[“\"‘'(]?[A-Z0-9])")
_LINE_OPENING_MARK = re.compile(r"(?:^|\n)[ \t]*>")


def _block_quotes(doc: _Doc) -> list[_Quote]:
    """The page's block quotations of ``MIN_WORDS`` words or more, without their ">" mark."""
    blocks: list[_Quote] = []
    if _LINE_OPENING_MARK.search(doc.body) is None:
        return blocks  # the usual page: none (one scan of the body instead of every paragraph)
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        if doc.body.startswith(">", p_start) and (
            mark := _BLOCK_QUOTE.match(doc.body, p_start, p_end)
        ):
            start, end = _unquoted(doc.body, *_strip_span(doc.body, mark.end(), p_end))
            if len(doc.body[start:end].split()) >= MIN_WORDS:
                blocks.append(_Quote(start, end, p_start, p_end, index))
    return blocks


def _introduce_block_quotes(blocks: list[_Quote], doc: _Doc) -> None:
    """A run of block quotations takes its speaker from the paragraph before it when that
    paragraph introduces it with a colon ("Press secretary Peter Cook read out a statement …:"):
    the person in focus there, else what spoke there last. A block quoting nobody introduced (a
    reply quoting the post above) stays unattributed."""
    speaker: Speaker | None = None
    previous = -2
    for quote in blocks:
        if quote.para != previous + 1:
            speaker = None
            if quote.para > 0:
                i_start, i_end = doc.paragraphs[quote.para - 1]
                if doc.body[i_start:i_end].rstrip().endswith(":"):
                    speaker = (
                        _colon_sentence_speaker(doc, i_end)
                        or _person_in_previous_paragraph(doc, quote.para)
                        or _speaker_earlier_in_paragraph(doc, i_start, i_end)
                        or _last_named_in(doc, i_start, i_end)
                        or _subject_above_source_line(doc, quote.para - 1)
                        or _last_reported_speaker(doc, i_start, i_end)
                    )
        quote.speaker = speaker
        previous = quote.para


def _last_reported_speaker(doc: _Doc, start: int, end: int) -> Speaker | None:
    """The subject of the last speech verb between ``start`` and ``end``, however described:
    an introduction that names only the utterance ("The foreign ministry announced on Friday
    that … Quoting the statement:") quotes the one whose words it reported."""
    text = doc.body[start:end]
    for verb in reversed(list(_VERB.finditer(text))):
        if _PASSIVE_BEFORE.search(text, max(0, verb.start() - 24), verb.start()):
            continue
        parsed = _parse_np(_subject_before(text[max(0, verb.start() - 200) : verb.start()]), doc.kb)
        if parsed.kind != "none":
            return _resolve(parsed, doc, start + verb.start())
    return None


def _subject_above_source_line(doc: _Doc, para: int) -> Speaker | None:
    """The speaker of a block quotation whose introduction names only where the words were
    printed ("From the TASS write-up:", one sentence): the one who spoke in the paragraph above
    it, else the person that paragraph opens with, its subject ("Lavrov's just come out of his
    meeting with Tillerson … and says Putin is willing …")."""
    start, end = doc.paragraphs[para]
    if para < 1 or _sentence_start(doc.body, end - 1) > start:
        return None
    p_start, p_end = doc.paragraphs[para - 1]
    low = bisect.bisect_left(doc.entities, p_start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, p_end, key=lambda e: e[0])
    inside = [e for e in doc.entities[low:high] if _person_like(e[2])]
    speaking = [e for e in inside if e[3]]
    if speaking:
        return speaking[-1][2]
    return inside[0][2] if inside else None


def _colon_sentence_speaker(doc: _Doc, end: int) -> Speaker | None:
    """The speaker the sentence ending in a colon at ``end`` names, as for a quotation opening
    the next paragraph ("Antonov told RIA that Moscow had offered more:")."""
    before = doc.body[_sentence_start(doc.body, end - 1) : end]
    parsed, weak = _pre_attribution(before, doc.kb)
    return _resolve(parsed, doc, end) if parsed is not None and not weak else None


def _last_named_in(doc: _Doc, start: int, end: int) -> Speaker | None:
    """The last person or institution named between ``start`` and ``end`` ("Here is the
    Pentagon's statement:")."""
    low = bisect.bisect_left(doc.entities, start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, end, key=lambda e: e[0])
    named = [e[2] for e in doc.entities[low:high] if e[2].kind in {"person", "institution"}]
    return named[-1] if named else None


def _unquoted(body: str, start: int, end: int) -> tuple[int, int]:
    """A turn printed in quotation marks ("Lavrov: “We are ready …”") without the marks."""
    text = body[start:end]
    if (
        len(text) > 2
        and text[0] in '“"'
        and text[-1] in '”"'
        and not _DOUBLE_MARK.search(text, 1, len(text) - 1)
    ):
        return start + 1, end - 1
    return start, end


# A turn that is only a transcriber's note: "QUESTION: (Off-mike.)", "(Inaudible.)".
_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]{1,60}[)\]]\.?")


def _interviewee(doc: _Doc, first_turn: int) -> Speaker | None:
    """Who answers an interview's "A:" turns: the person the text before them names last
    (“Gen. Valery Gerasimov told Krasnaya Zvezda: …”)."""
    return doc.last(first_turn, lambda s: s.kind == "person")


# A record's roll above the turns names who presides ("President:   Mr. McCully …… (New
# Zealand)", "Chair: Ms. Jane Roe"); its turns are then labelled "The President:" or "The Chair:".
PRESIDING_ROLL = re.compile(
    r"(?:The\s+)?(?:President|Chair|Chairman|Chairwoman|Chairperson|Presiding)\s*:\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|de|van|von|al|bin|la|le)){0,3})"
)
PRESIDING_LABEL = re.compile(
    r"The\s+(?:President|PRESIDENT|Chair|CHAIR|Chairman|CHAIRMAN|Chairwoman|Chairperson"
    r"|Acting President)"
    r"|(?:Presiding\s+[Oo]fficer|Chair(?:man|woman|person)?)"  # a translated record's "Presiding officer."
)
# A translated record's heading names the chair in a sentence: "The meeting is chaired by the
# Chairman of the State Duma V. V. Volodin", "Presided over by Speaker Paul Ryan".
PRESIDED_BY = re.compile(
    r"\b(?i:chaired|presided\s+over|presided)\s+by\s*:?\s+(?P<who>[^\n]{3,120}?)\.?\s*$"
)
_PRESIDING_NAME = re.compile(
    r"(?P<name>(?:[A-Z]\.\s?){1,2}[A-Z][\w'’\-]+|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})$"
)


# How an interview's introduction names who asks: "… speaks to FRANCE 24's Marc Perelman",
# "interviewed by Marc Perelman", "host Marc Perelman".
_INTERVIEWER = re.compile(
    r"\b(?:(?:speaks|spoke|talks|talked|speaking|talking)\s+(?:to|with)"
    r"|(?:interviewed|hosted|presented|moderated)\s+by|host|presenter|anchor|interviewer)\s+"
    r"(?:[A-Z][\w.&\- ]{0,30}?['’]s\s+(?:[a-z]+\s+){0,2})?"
    r"(?P<name>[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+){1,2})\b"
)


def _interviewer(doc: _Doc, first_turn: int, labels: list[str]) -> Speaker | None:
    """Who asks under an interview's "HOST:" label: the person its introduction names as
    interviewer, not the guest whose surname labels the other turns (“Russia's ambassador …,
    Alexander Orlov, speaks to FRANCE 24's Marc Perelman” above "HOST:" and "ORLOV:")."""
    guests = {surname_key(label) for label in labels}
    for text in (*doc.head, doc.body[:first_turn]):
        for match in _INTERVIEWER.finditer(text):
            title, name = split_title(match.group("name"), doc.kb)
            if title or len(name.split()) < 2 or surname_key(name) in guests:
                continue
            actor = resolve_actor(name, doc.kb)
            return _from_actor(actor) if actor is not None else _unknown_person(name, None, doc.kb)
    return None


def _presiding_member(doc: _Doc, first_turn: int) -> Speaker | None:
    """Who the record's roll (in the page's head) says presides, as a speaker; or who the
    record's heading (in the head, or in the body above the first turn) says chairs."""
    for line in doc.head:
        match = PRESIDING_ROLL.match(line)
        if match:
            name = match.group("name")
            actor = resolve_actor(name, doc.kb)
            if actor is not None:
                return _from_actor(actor)
            return Speaker(name=name, role="president of the meeting", kind="person")
    above = [doc.body[start:end] for start, end in doc.paragraphs if end <= first_turn]
    for line in [*doc.head, *above]:
        presided = PRESIDED_BY.search(line)
        if presided is not None:
            return _presiding_named(presided.group("who"), doc.kb)
    return None


def _presiding_named(who: str, kb: Knowledge) -> Speaker | None:
    """The chair in "… chaired by the Chairman of the State Duma V. V. Volodin" (or "Chaired by:
    V. V. Volodin, Chairman …", the name before the office): the known actor the phrase ends
    with (its last one, two or three words), else the bare name it ends with."""
    if "," in who:
        return _presiding_named(who.split(",")[0], kb) or _presiding_named(
            who.rsplit(",", 1)[1].strip(), kb
        )
    ending = _PRESIDING_NAME.search(who)
    if ending is None:
        return None
    words = ending.group("name").split()
    for count in range(min(3, len(words)), 0, -1):
        actor = resolve_actor(" ".join(words[-count:]), kb)
        if actor is not None and actor.kind == "person":
            return _from_actor(actor)
    name = split_title(ending.group("name"), kb)[1]
    if len(name.split()) < 2:
        return None
    return Speaker(name=name, role="president of the meeting", kind="person")


def _named_earlier(speaker: Speaker, named: dict[str, Speaker]) -> Speaker:
    """A turn labelled by surname ("Mr Hammond:") is the person an earlier turn named in full
    ("… (Mr Philip Hammond):")."""
    if speaker.kind != "person" or not speaker.name:
        return speaker
    words = speaker.name.split()
    if len(words) == 1:
        return named.get(words[0], speaker)
    earlier = named.setdefault(words[-1], speaker)
    # the same person as an earlier turn's full label described ("JAKE TAPPER, CNN ANCHOR:"),
    # not as a sentence of the body happens to describe them
    return earlier if earlier.name == speaker.name else speaker


# The publication's note after an interview's last turn, nobody's words.
_EDITORS_NOTE = re.compile(
    r"(?:This|The)\s+(?:interview|conversation|transcript|exchange)\s+"
    r"(?:was|has\s+been|first|appeared|is|originally)\b"
)


def _continues_turn(text: str, kb: Knowledge) -> bool:
    """An unlabelled paragraph after a turn is more of it if it reads like speech; one holding
    quotation marks is the article's narrative resuming after an interview, and a record's
    procedure ("The meeting rose at 1.50 p.m.", of ``actors.toml``) is nobody's words."""
    if any(mark in text for mark in '“”"'):
        return False
    if text.lower().startswith(_procedure_openers(kb)):
        return False
    if _EDITORS_NOTE.match(text):
        return False  # "This interview first appeared in the print edition …"
    if text[:1] in "([" and text.rstrip()[-1:] in ")]":
        return False  # a stage direction: "(The briefing was concluded at 2:03 p.m.)"
    if _is_reporter_label(text.split("(", 1)[0].strip(" ."), kb):
        return False  # an untranscribed question: "Question from the floor (inaudible)."
    return any(c.islower() for c in text) and text.rstrip()[-1:] in ".?!’)…-—"


# --------------------------------------------------------------------------------------------
# fallbacks and cataphora


def _label_paragraph_speaker(doc: _Doc, para: int) -> Speaker | None:
    """A short paragraph just naming an actor ("Russian Ministry of Defense") before a quote."""
    for back in (1, 2):
        if para - back < 0:
            return None
        start, end = doc.paragraphs[para - back]
        text = doc.body[start:end]
        entry = _ENTRY_HEADING.fullmatch(text)
        if entry is not None:
            return _entry_heading_speaker(entry.group("heading"), doc.kb)
        if len(text.split()) > 6 or text[-1:] in ".!?":
            return None
        actor = resolve_actor(text, doc.kb)
        if actor is not None:
            return _from_actor(actor)
    return None


# A live blog's entry heading, in bold with its time first: "**13:47 Pentagon spokesman Peter
# Cook**", "**11:15 Analyst view: Michael Kofman**".
_ENTRY_HEADING = re.compile(
    r"\*\*\d{1,2}[:.]\d{2}\s+(?:GMT\s+|BST\s+|CET\s+|UTC\s+)?(?P<heading>[^*\n]{2,100})\*\*"
)


def _entry_heading_speaker(heading: str, kb: Knowledge) -> Speaker | None:
    """Who speaks in the quotation under a live blog's entry heading: the person or institution
    the heading names ("Pentagon spokesman Peter Cook", "Kerry in Geneva", "Turkish foreign
    ministry welcomes the deal"); a topic ("Summary", "Opposition reaction") names nobody."""
    heading = heading.rsplit(":", 1)[-1].strip()  # "Analyst view: Michael Kofman"
    if len(heading.split()) > 10 or heading[-1:] in ".!?":
        return None
    parsed = _parse_np(heading, kb)
    speaker = parsed.speaker
    if parsed.kind == "actor" and speaker is not None and speaker.kind != "country":
        return speaker
    if parsed.kind == "person" and speaker is not None and len(speaker.name.split()) > 1:
        return speaker
    if parsed.kind == "generic" and parsed.head in _INSTITUTION_HEADS:
        words = heading.split()
        named = " ".join(words[: [w.casefold() for w in words].index(parsed.head) + 1])
        actor = resolve_actor(named.title(), kb)
        if actor is not None:
            return _from_actor(actor)
        side = side_from_affiliation(named, kb)
        if side is not None and len(words) > 1 and words[0][:1].isupper():
            # "Turkish foreign ministry welcomes the deal": the ministry of a named country
            return Speaker(name=named.title(), role=parsed.head, side=side, kind="institution")
    return None


def _looks_like_a_title(text: str) -> bool:
    """“Russia’s War in Syria: The First Year and Beyond” — a title, not speech."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(words) and capitalised / len(words) >= 0.6


def _reads_as_speech(doc: _Doc, quote: _Quote) -> bool:
    """Keep an unattributed quotation unless it looks like a title or a scare-quoted phrase (a
    short one, inside a sentence with no speech verb)."""
    text = body_of(doc, quote)
    if _looks_like_a_title(text):
        return False
    if len(text.split()) >= SHORT_PHRASE_WORDS:
        return True
    sentence_start = _sentence_start(doc.body, quote.open_at)
    whole = doc.body[sentence_start : quote.close_end + 200]
    whole = whole[: _sentence_end(whole, quote.close_end - sentence_start)]
    return (
        quote.open_at == sentence_start
        or bool(_VERB.search(whole))
        or ("according to" in whole.casefold() and not _inserted_phrase(doc.body, quote))
    )


def _inserted_phrase(body: str, quote: _Quote) -> bool:
    """A quoted phrase set off by commas inside a sentence ("received, “through the usual
    channel”, the coordinates")."""
    return (
        body[quote.open_at - 2 : quote.open_at] == ", "
        and body[quote.close_end : quote.close_end + 1] == ","
        and body[quote.end - 1 : quote.end] != ","
    )


def _aside_in_report(doc: _Doc, quote: _Quote) -> bool:
    """A short phrase set off by commas in a sentence with no speech verb, credited at most by
    "according to" ("According to the general, the base received, “over the usual hotline”, a
    list"): an aside in the reporter's sentence, not speech."""
    if quote.speaker is not None and not quote.weak:
        return False
    if not _inserted_phrase(doc.body, quote):
        return False
    if len(body_of(doc, quote).split()) >= SHORT_PHRASE_WORDS:
        return False
    sentence_start = _sentence_start(doc.body, quote.open_at)
    whole = doc.body[sentence_start : quote.close_end + 200]
    return not _VERB.search(whole[: _sentence_end(whole, quote.close_end - sentence_start)])


def body_of(doc: _Doc, quote: _Quote) -> str:
    return doc.body[quote.start : quote.end]


def _person_in_previous_paragraph(doc: _Doc, para: int) -> Speaker | None:
    """The person in focus just before a paragraph that is all quotation: one who spoke in the
    previous paragraph, else the last person named there."""
    prev_start, prev_end = doc.paragraphs[para - 1]
    low = bisect.bisect_left(doc.entities, prev_start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, prev_end, key=lambda e: e[0])
    inside = [e for e in doc.entities[low:high] if _person_like(e[2])]
    speaking = [e for e in inside if e[3]]
    chosen = speaking or inside
    return chosen[-1][2] if chosen else None


def _speaker_earlier_in_paragraph(doc: _Doc, start: int, pos: int) -> Speaker | None:
    """The subject of the last speech verb between ``start`` and ``pos`` (a paragraph's reported
    speech before a quotation nothing else attributes)."""
    low = bisect.bisect_left(doc.entities, start, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, pos, key=lambda e: e[0])
    speaking = [e[2] for e in doc.entities[low:high] if e[3]]
    return speaking[-1] if speaking else None


# A sentence that presents a statement whose words the next sentence quotes: "The statement John
# Kirby put out on Monday was short.", "Her reply to the letter was blunt."
_STATEMENT_PRESENTED = re.compile(
    r"(?:The|His|Her|Its|Their|This)\s+(?:[\w\-]+\s+)?(?:statement|message|letter|reply|response|"
    r"readout|announcement|communiqu[eé])\b"
)


def _issuer_of_statement_before(doc: _Doc, para_start: int, pos: int) -> Speaker | None:
    """The person or institution named in the sentence before a quotation's sentence, when that
    sentence presents a statement ("The statement John Kirby put out on Monday was short.
    Washington was “suspending …”": Kirby's words)."""
    sentence = _sentence_start(doc.body, pos)
    if sentence <= para_start:
        return None
    previous = max(para_start, _sentence_start(doc.body, sentence - 1))
    if not _STATEMENT_PRESENTED.match(doc.body, previous, sentence):
        return None
    if _VERB.search(doc.body, sentence, pos):
        return None  # the quotation's own sentence reports someone
    low = bisect.bisect_left(doc.entities, previous, key=lambda e: e[0])
    high = bisect.bisect_left(doc.entities, sentence, key=lambda e: e[0])
    named = [e[2] for e in doc.entities[low:high] if e[2].kind in {"person", "institution"}]
    return named[0] if named else None


def _fill_unattributed(quotes: list[_Quote], doc: _Doc) -> None:
    by_group: dict[int, Speaker] = {}
    for quote in quotes:
        if quote.group is not None and quote.speaker is not None:
            by_group.setdefault(quote.group, quote.speaker)
    by_words: dict[tuple[str, ...], Speaker] = {}
    for quote in quotes:
        text = body_of(doc, quote)
        if quote.speaker is not None and not quote.weak and len(text) > 40:
            by_words.setdefault(tuple(text.split()), quote.speaker)
    for position, quote in enumerate(quotes):
        if quote.speaker is not None:
            continue
        if quote.group is not None and quote.group in by_group:
            quote.speaker = by_group[quote.group]
            continue
        text = body_of(doc, quote)
        repeated = by_words.get(tuple(text.split())) if len(text) > 40 else None
        if repeated is not None:  # the same quotation attributed elsewhere (a press release)
            quote.speaker = repeated
            continue
        same_para = [
            q for q in quotes if q.para == quote.para and q.speaker is not None and not q.weak
        ]
        earlier = [q for q in same_para if q.start < quote.start]
        later = [q for q in same_para if q.start > quote.start]
        if earlier or later:
            quote.speaker = (earlier[-1] if earlier else later[0]).speaker
            continue
        para_start = doc.paragraphs[quote.para][0]
        if quote.open_at > para_start:  # "An official … said Israel had not been asked. “…”"
            quote.speaker = _speaker_earlier_in_paragraph(doc, para_start, quote.open_at)
        if (
            quote.speaker is None
            and quote.open_at > para_start
            and _word_count(text) >= SHORT_PHRASE_WORDS  # a short phrase is the writer's aside
        ):
            quote.speaker = _issuer_of_statement_before(doc, para_start, quote.open_at)
        if quote.open_at == para_start:
            quote.speaker = _label_paragraph_speaker(doc, quote.para)
            if quote.speaker is None and quote.para > 0:
                quote.speaker = _person_in_previous_paragraph(doc, quote.para)
        if quote.speaker is None and position > 0 and quote.group is not None:
            quote.speaker = quotes[position - 1].speaker
        if quote.group is not None and quote.speaker is not None:
            by_group.setdefault(quote.group, quote.speaker)


# A sentence in the writer's own voice: it opens with "I" or "We" (an adverb or a conjunction
# before it allowed) and has no speech verb reporting someone else.
_FIRST_PERSON_OPENING = re.compile(r"(?:(?:And|But|So|Then|Often|Sometimes)\s+)?(?:I|We)\s+[a-z]")


def _writer_quoting_themselves(quotes: list[_Quote], doc: _Doc, author: str) -> None:
    """An unattributed quotation in a first-person sentence of a signed page ("We exchanged
    altitudes, times, and the occasional “please move your orbit east.”") is the author's."""
    for quote in quotes:
        if quote.speaker is not None or not _reads_as_speech(doc, quote):
            continue  # a phrase the writer only mentions stays no quotation
        start = _sentence_start(doc.body, quote.open_at)
        if not _FIRST_PERSON_OPENING.match(doc.body, start):
            continue
        if _VERB.search(doc.body, start, quote.open_at):
            continue  # "We asked what he meant; he said “…”": someone else's words
        actor = resolve_actor(author, doc.kb)
        quote.speaker = (
            _from_actor(actor) if actor is not None else Speaker(name=author, kind="person")
        )


def _institution_in_context(quotes: list[_Quote], doc: _Doc) -> None:
    """ "The Pentagon quickly denied that account. “…,” a spokesman said." — an unnamed speaker
    whose description names no side speaks for the institution named just before (in the same
    or the previous paragraph)."""
    for quote in quotes:
        speaker = quote.speaker
        if (
            speaker is None
            or speaker.kind != "generic"
            or speaker.side
            or speaker.head
            not in {
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "official",
                "officials",
                "representative",
            }
        ):
            continue
        para_start = doc.paragraphs[max(0, quote.para - 1)][0]
        institution = doc.last(quote.open_at, lambda s: s.kind == "institution", limit=8)
        at = [e[0] for e in doc.entities if e[2] is institution]
        if institution is not None and at and max(a for a in at if a < quote.open_at) >= para_start:
            quote.speaker = replace(
                speaker, affiliation=institution.affiliation, side=institution.side
            )


def _resolve_cataphora(quotes: list[_Quote], doc: _Doc) -> None:
    """ "a Pentagon spokesman said" → the one person the document names with that role."""
    named = [e[2] for e in doc.entities if e[2].kind == "person"]
    named += [q.speaker for q in quotes if q.speaker is not None and q.speaker.kind == "person"]
    for quote in quotes:
        speaker = quote.speaker
        if (
            speaker is None
            or speaker.kind != "generic"
            or not speaker.indefinite
            or not speaker.role
        ):
            continue
        role = speaker.role.casefold()
        if not any(c.isupper() for c in speaker.role):
            continue
        matches = {
            p.name: p for p in named if role in f"{p.text_role or ''} | {p.role or ''}".casefold()
        }
        if len(matches) == 1:
            quote.speaker = next(iter(matches.values()))


# --------------------------------------------------------------------------------------------
# stage entry point


_GOVERNMENT_WORDS = re.compile(
    r"\b(?:minister|ministry|deputy|chief|staff|general|colonel|major|spokesman|spokeswoman|spokesperson|"
    r"official|commander|ambassador|envoy|diplomat)\b",
    re.IGNORECASE,
)


def _home_side(speaker: Speaker | None, home_side: str | None) -> Speaker | None:
    """An unqualified government title ("Deputy Defence Minister X") in an outlet's copy is taken
    to be of the outlet's country when nothing else tells the side."""
    if (
        speaker is None
        or speaker.side
        or not home_side
        or speaker.kind not in {"person", "generic"}
    ):
        return speaker
    if speaker.role and _GOVERNMENT_WORDS.search(_affiliation_words(speaker.role)):
        return replace(speaker, side=home_side)
    return speaker


def _row(doc_id: str, n: int, body: str, quote: _Quote) -> dict[str, Any]:
    speaker = quote.speaker
    if speaker is not None and speaker.name.casefold() in _BARE_PRONOUNS:
        speaker = None  # a bare pronoun no antecedent resolved names nobody
    return {
        "quote_id": f"{doc_id}:q{n}",
        "doc_id": doc_id,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "affiliation": speaker.affiliation if speaker else None,
        "side": speaker.side if speaker else None,
        "text": body[quote.start : quote.end],
        "start": quote.start,
        "end": quote.end,
        "direct": True,
        "stance": None,
    }


# A fact-check's claim box: the claim quoted alone, its speaker on the next line
# ("Source: Sergey Lavrov, Russian Foreign Minister, press conference …").
_SOURCE_LINE = re.compile(
    r"(?i:Source|Claimed by|Said by|Speaker|Who said it|Attributed to)\s*:\s*"
    r"(?P<name>[^,;(\n]{3,60})"
)
# The claim box's own label before the quoted claim: "CLAIM: “…”", "The claim: “…”".
_CLAIM_LABEL = re.compile(r"(?i:(?:the\s+)?claim)\s*:\s*")


def _speakers_from_source_lines(found: list[_Quote], doc: _Doc) -> None:
    """An unattributed quotation that fills its paragraph (after a "Claim:" label) takes the
    speaker a "Source:" or "Claimed by:" line right below or above it names; one opening the
    article (a fact-check's claim box), the claimant the lines above the article name."""
    for quote in found:
        if quote.speaker is not None:
            continue
        p_start, p_end = doc.paragraphs[quote.para]
        label = _CLAIM_LABEL.match(doc.body, p_start, p_end)
        text = doc.body[label.end() if label else p_start : p_end]
        if text.strip(" \"“”'‘’") != doc.body[quote.start : quote.end].strip():
            continue
        beside = (quote.para + 1, quote.para - 1)
        for n_start, n_end in (doc.paragraphs[i] for i in beside if 0 <= i < len(doc.paragraphs)):
            match = _SOURCE_LINE.match(doc.body, n_start, n_end)
            if match:
                quote.speaker = _source_line_speaker(match.group("name").strip(), doc)
                break
        if quote.speaker is None and (quote.para <= 1 or _under_claim_heading(doc, quote.para)):
            quote.speaker = _signature_below(doc, quote.para) or _claimant_in_head(doc)


# A claim box's unlabelled signature under the quoted claim: "Sipho Mthembu, radio presenter,
# on Facebook" — a name, its description after a comma, no sentence.
_SIGNATURE_LINE = re.compile(
    r"(?:[—–-]\s*)?(?P<name>[A-Z][^,.;:!?“”\"\n]{2,60}),\s[^.;:!?“”\"\n]{2,120}"
)


def _signature_below(doc: _Doc, para: int) -> Speaker | None:
    if para + 1 >= len(doc.paragraphs):
        return None
    signature = _SIGNATURE_LINE.fullmatch(doc.body, *doc.paragraphs[para + 1])
    if signature is None or _VERB.search(signature.group()):
        return None
    parsed = _parse_np(signature.group().lstrip("—–- "), doc.kb)
    if parsed.kind not in {"person", "actor"} or parsed.speaker is None:
        return None
    return _resolve(parsed, doc, signature.start()) or parsed.speaker


# A claim box's heading on a line of its own above the quoted claim: "The Claim", "CLAIM".
_CLAIM_HEADING = re.compile(r"\s*(?i:(?:the\s+)?claim)\s*:?\s*")


def _under_claim_heading(doc: _Doc, para: int) -> bool:
    return para >= 1 and _CLAIM_HEADING.fullmatch(doc.body, *doc.paragraphs[para - 1]) is not None


def _source_line_speaker(name: str, doc: _Doc) -> Speaker:
    """ "Source: Facebook page “Friedensnetz Deutschland”, …" names the page, whose quoted
    name is the speaker; any other source reads as a transcript's turn label."""
    medium = _named_institution(name, doc.kb)
    return medium if medium is not None else _turn_speaker(name, doc)


# The claimant of a claim box among the lines above the article: "— Russian Embassy in
# Washington, in a tweet, Oct. 21, 2015", "Who said it: Baltnews.lt, …", or the line before
# "stated on February 15, 2017 in a Facebook post:".
_HEAD_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[A-Z][^,;(\n]{2,80})")
_STATED_ON = re.compile(r"stated\s+on\b.*:$", re.IGNORECASE)


def _claimant_in_head(doc: _Doc) -> Speaker | None:
    for index, line in enumerate(doc.head):
        line = line.strip()
        match = _SOURCE_LINE.match(line) or _HEAD_SIGNATURE.match(line)
        name = match.group("name") if match else None
        if name is None and index and _STATED_ON.match(line):
            name = doc.head[index - 1]
        if name:
            return _claimant(name.strip(), doc)
    return None


# A claimant that is a post on a platform, however described after: "a Facebook post shared
# more than 14,000 times", "viral Twitter posts".
_PLATFORM_POST = re.compile(
    r"(?:(?:an?|the|several|many|multiple|viral|two|three)\s+)*(?P<name>(?:Facebook|Twitter|"
    r"Instagram|TikTok|Telegram|YouTube|VK|WhatsApp|Reddit)\s+(?:post|tweet|video|message)s?)\b",
    re.IGNORECASE,
)


def _claimant(name: str, doc: _Doc) -> Speaker:
    post = _PLATFORM_POST.match(name)
    if post is not None:
        name = post.group("name")
        return Speaker(name=name, role="claimant", kind="outlet")
    parsed = _parse_np(name, doc.kb)
    if parsed.kind in {"person", "actor"} and parsed.speaker is not None:
        return _resolve(parsed, doc, 0) or parsed.speaker
    return Speaker(
        name=name, role="claimant", side=side_from_affiliation(name, doc.kb), kind="outlet"
    )


# The pronoun of a dash dialogue's attribution in French or Russian ("a-t-il ajouté", "добавил
# он"): the speaker of the line before.
_DIALOGUE_PRONOUN = re.compile(r"(?:-t-|\s)(?:il|elle|он|она)\b", re.IGNORECASE)


def _dialogue_speaker(body: str, quote: _Quote, earlier: list[_Quote], doc: _Doc) -> Speaker | None:
    """The speaker of a dash dialogue's line ("— …, — a déclaré le général Igor Konachenkov."),
    an actor the attribution names in any language, or the previous line's by its pronoun."""
    clause = body[quote.close_end : doc.paragraphs[quote.para][1]]
    people = find_actor_mentions(clause, doc.kb, ("person",))
    if people:
        return _from_actor(people[0].actor)
    if _DIALOGUE_PRONOUN.match(clause) or _DIALOGUE_PRONOUN.search(clause[:40]):
        return next((q.speaker for q in reversed(earlier) if q.speaker is not None), None)
    return None


def quotations(
    body: str,
    kb: Knowledge,
    outlet_country: str | None = None,
    head: Sequence[str] = (),
    *,
    short_turns: bool = True,
    author: str | None = None,
) -> list[_Quote]:
    """Attributed quotations of ``body`` in body order (the stage's work, without row dicts);
    ``head`` is the page's lines above the article (a record's roll names who presides).
    ``short_turns``: whether a transcript's turns under ``MIN_WORDS`` words ("Thank you.",
    "Good morning, Sabra.") are quotations — in a government's own record of a briefing or a
    hearing every turn is; in a broadcaster's transcript of an interview the courtesies are not.
    ``author``: the page's author, who speaks the words a first-person sentence of theirs quotes
    ("We exchanged altitudes, and the occasional “please move …”")."""
    sides = kb.actors.get("outlet_country_sides", {}) if isinstance(kb.actors, dict) else {}
    doc = _Doc(
        body=body,
        kb=kb,
        outlet_country=outlet_country,
        paragraphs=paragraph_spans(body),
        home_side=sides.get(str(outlet_country or "").upper()),
        head=tuple(head),
    )
    blocks = _block_quotes(doc)
    marked = _find_quotations(body, doc.paragraphs, {q.para for q in blocks})
    _collect_entities(doc, sorted([(q.start, q.end) for q in [*marked, *blocks]]))
    _introduce_block_quotes(blocks, doc)
    for p_start, p_end in doc.paragraphs:  # a live blog's entry headings name who speaks below
        entry = _ENTRY_HEADING.fullmatch(body, p_start, p_end)
        named = _entry_heading_speaker(entry.group("heading"), kb) if entry else None
        if named is not None:
            doc.add(p_start, named, speaking=True)
    turns = _moderator_of_named_briefers(_transcript_turns(doc) or _labelled_statements(doc), doc)
    if not short_turns:
        turns = [t for t in turns if _word_count(body[t.start : t.end]) >= MIN_WORDS]
    turns = [*turns, *(q for q in blocks if q.speaker is not None)]
    turn_paras = {t.para for t in turns}
    relayed = _relayed_in_turns(marked, turns, doc)
    found = [
        q
        for index, q in enumerate(marked)
        if q.para not in turn_paras
        and (_is_quotation(body, q) or _opens_split_quotation(body, marked, index))
    ]
    for index, quote in enumerate(found):
        previous = found[index - 1] if index and found[index - 1].para == quote.para else None
        nxt = found[index + 1] if index + 1 < len(found) else None
        para_end = doc.paragraphs[quote.para][1]
        next_open = nxt.open_at if nxt is not None and nxt.para == quote.para else para_end
        _attribute(body, quote, (previous, next_open), doc)
        if quote.speaker is None and body[quote.open_at] in "—–":
            quote.speaker = _dialogue_speaker(body, quote, found[:index], doc)
        if quote.speaker is not None and not quote.weak:
            doc.add(quote.open_at, quote.speaker, speaking=True)
    _fill_unattributed(found, doc)
    _speakers_from_source_lines(found, doc)
    if author:
        _writer_quoting_themselves(found, doc, author)
    found = [
        q
        for q in found
        if (q.speaker is not None or _reads_as_speech(doc, q)) and not _aside_in_report(doc, q)
    ]
    _resolve_cataphora(found, doc)
    _institution_in_context(found, doc)
    for quote in [*found, *turns]:
        if quote.speaker is not None and quote.speaker.kind == "person":
            quote.speaker = doc.person(quote.speaker)
        quote.speaker = _home_side(quote.speaker, doc.home_side)
    return sorted([*turns, *relayed, *found], key=lambda q: q.start)


_MODERATOR = Speaker(name="moderator", role="moderator", kind="generic", head="moderator")


def _moderator_of_named_briefers(turns: list[_Quote], doc: _Doc) -> list[_Quote]:
    """A briefing's chair ("MODERATOR:") is "moderator" where a named person answers ("MR
    RATNEY:"); on a background call whose briefers are unnamed officials the chair stays one more
    official of the department."""
    if not any(t.speaker is not None and t.speaker.kind == "person" for t in turns):
        return turns
    chairs = _transcript_labels(doc.kb, "moderator_labels")
    for turn in turns:
        speaker = turn.speaker
        if (
            speaker is not None
            and speaker.name == "official"
            and (speaker.role or "").upper() in chairs
        ):
            turn.speaker = _MODERATOR
    return turns


# "A listener writes to us on the website: “Why do we need …?”": a turn relaying a third
# party's words, a colon after the speech verb, a whole sentence quoted.
_RELAYING_COLON = re.compile(r":\s*$")
_THIRD_PARTY_KINDS = frozenset(["person", "actor", "generic"])
# "A Pentagon official told reporters over the weekend that “we have not seen any change yet”":
# a third party's words the speaker reports, a speech verb and "that" before the quotation.
_REPORTED_THAT_IN_TURN = re.compile(
    r"^(?:[A-Z]|[Aa]n?\s|[Tt]he\s)[^.;:!?]{0,80}?\b(?:told|said|says|warned|insisted|stressed)\b"
    r"[^.;:!?“”\"]{0,60}?\sthat\s*$"
)


def _relayed_in_turns(marked: list[_Quote], turns: list[_Quote], doc: _Doc) -> list[_Quote]:
    """Quotations inside a transcript's turn that the speaker introduces as someone else's words
    (a listener's question, a letter read out), with that someone as their speaker."""
    by_para = {t.para: t for t in turns if t.turn}
    relayed: list[_Quote] = []
    for quote in marked:
        turn = by_para.get(quote.para)
        if turn is None or not turn.start <= quote.open_at < turn.end:
            continue
        words = doc.body[quote.start : quote.end].split()
        before = doc.body[max(turn.start, _sentence_start(doc.body, quote.open_at)) : quote.open_at]
        reported = _REPORTED_THAT_IN_TURN.search(before)
        if len(words) < MIN_WORDS or not (
            reported or (words[-1].endswith(("?", ".", "!")) and _RELAYING_COLON.search(before))
        ):
            continue
        parsed, weak = _pre_attribution(before, doc.kb)
        if parsed is None or weak or parsed.kind not in _THIRD_PARTY_KINDS:
            continue
        speaker = _resolve(parsed, doc, quote.open_at)
        if speaker is not None and speaker.name != getattr(turn.speaker, "name", None):
            quote.speaker = speaker
            relayed.append(quote)
    return relayed


def extract_quotes(
    doc: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    kb: Knowledge,
    head: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Quote rows for one document (see the module docstring for the rules)."""
    del sentences  # the stage keeps its own abbreviation-aware clause boundaries
    doc_id = str(doc.get("doc_id", ""))
    # a page's short courtesy turns count only in a government's own record (a page described
    # without the publisher's type keeps them)
    short_turns = doc.get("outlet_type", "government") == "government"
    author = doc.get("author")
    found = quotations(
        body,
        kb,
        doc.get("outlet_country"),
        head,
        short_turns=short_turns,
        author=author if isinstance(author, str) and author.strip() else None,
    )
    return [_row(doc_id, n, body, quote) for n, quote in enumerate(found, start=1)]
