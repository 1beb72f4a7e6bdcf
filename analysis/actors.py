"""Actors: canonical speakers and agents, and the side they speak for.

Shared by the quotes and claims stages.  Everything here is driven by ``analysis/data/actors.toml``
(``[[actor]]`` entries, ``[side_words]``, ``[titles]``); compiled matchers are cached per
``kb.fingerprint`` so a worker process builds them once.

Public API (stable):

- ``Actor`` — canonical name, role, affiliation, side, kind (person/institution/country/outlet).
- ``resolve_actor(name, kb) -> Actor | None`` — canonicalise a name as written ("Capt. Jeff Davis",
  "Davis", "the Russian Defense Ministry").
- ``side_from_affiliation(words, kb=None) -> str | None`` — US/Russia/Syria/Turkey/coalition/other
  from affiliation words ("Pentagon spokesman", "Chairman of the Council for Foreign and Defense
  Policy"); the longest matching side word wins, so "U.S.-led coalition" is coalition, not US.
- ``find_actor_mentions(text, kb, kinds=None) -> list[ActorMention]`` — actors named in running
  text ("The Pentagon issued a swift denial", "Moscow made it clear"), left to right.
- ``split_title(phrase, kb) -> (title, name)`` — "US Army spokeswoman Lt. Col. Michelle Baldanza"
  → ("US Army spokeswoman Lt. Col.", "Michelle Baldanza").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from analysis.knowledge import Knowledge, load_knowledge
from analysis.vocabulary import SIDES

KINDS = ("person", "institution", "country", "outlet")

_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-\.]*|(?:al|el|bin|ibn|de|da|van|von|der|la)(?:-\w+)?)$"
)


# A pronoun or an adverb contracted with a verb, capitalised at a sentence's start but never part
# of a name: "I'm Jake Tapper in Washington", "Here's Ash Carter".
_CONTRACTION = re.compile(
    r"^(?:I|It|He|She|We|You|They|That|There|Here|What|Who|Let)['’](?:m|s|re|ve|ll|d)$"
)


@dataclass(frozen=True)
class Actor:
    """A canonical actor from ``actors.toml`` (or inferred for an unknown speaker)."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    side: str | None = None
    kind: str = "person"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """An actor named in running text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    actor: Actor


@dataclass(frozen=True)
class _Index:
    """Compiled lookup structures for one knowledge base."""

    actors: tuple[Actor, ...]
    by_key: dict[str, Actor]
    by_surname: dict[str, Actor]
    mentions: _PhraseTable
    sides: _PhraseTable
    titles: frozenset[str]


_KEY_TABLE = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})
_SURFACE_REPLACEMENTS = (
    ("’", "'"),
    ("‘", "'"),
    ("–", "-"),
    ("—", "-"),
    ("Defence", "Defense"),
    ("defence", "defense"),
)
_SPACES = re.compile(r"\s+")
_SEPARATORS = r"\s,;:()\[\]“”\"«»‘"
_TOKEN = re.compile(rf"[^{_SEPARATORS}]+")


def _last_token(surface: str, start: int, end: int) -> str:
    """The last token of ``surface[start:end]`` (which starts with a token): read from a short
    tail unless one token fills the whole tail."""
    tail_start = max(start, end - 200)
    tokens = _TOKEN.findall(surface, tail_start, end)
    if tail_start > start and len(tokens) < 2:  # the one token may have begun before the tail
        tokens = _TOKEN.findall(surface, start, end)
    return tokens[-1]


@lru_cache(maxsize=4096)
def normalise_key(name: str) -> str:
    """Lookup key: case-folded, typographic apostrophes/dashes unified, Defence→Defense, no article."""
    key = _SPACES.sub(" ", name.strip().translate(_KEY_TABLE)).casefold()
    key = key.replace("defence", "defense")
    key = key.removeprefix("the ")
    return key.strip(" ,.;:")


def _surface(token: str) -> str:
    """Case-sensitive token key: ’ → ', Defence → Defense."""
    if not _needs_surface(token):  # the usual case: nothing to replace
        return token
    for typographic, plain in _SURFACE_REPLACEMENTS:  # str.replace beats str.translate here
        token = token.replace(typographic, plain)
    return token


def _needs_surface(text: str) -> bool:
    """Might ``_surface`` change ``text``?  Four substring tests: a regex search for the same
    (``[’‘–—]|[Dd]efence``) starts with an alternation, which the regex engine tries at every
    position of a paragraph (a tenth of a millisecond per document, twice: bodies and chunks).
    "efence" also lets through words that merely end so; the replacements then change nothing."""
    return "’" in text or "–" in text or "—" in text or "‘" in text or "efence" in text


Token = tuple[int, int, str]


class _PhraseTable:
    """Case-sensitive multi-word phrases found token by token, leftmost-longest, in linear time
    (a regex alternation of hundreds of aliases is an order of magnitude slower).

    Only tokens whose first character can start a phrase are looked at (one C-level regex scan
    finds them); the tokens after such a candidate are read only when a longer phrase needs them.
    """

    def __init__(self, phrases: dict[str, Any]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in phrases.items():
            words = tuple(_surface(t) for t in phrase.split())
            if not words:
                continue
            self.by_first.setdefault(words[0], []).append((words, value))
            if words[0] == "the":
                self.by_first.setdefault("The", []).append((("The", *words[1:]), value))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.initials = frozenset(word[0] for word in self.by_first)
        # second words of the multi-word phrases of each first word: most "the …" tokens are
        # rejected by one lookup instead of comparing every "the X" phrase
        self.seconds = {
            first: frozenset(words[1] for words, _ in entries if len(words) > 1)
            for first, entries in self.by_first.items()
        }
        # the value of the one-word phrase of each first word (the first one, as ``find`` meets
        # them), so that a token that starts no longer phrase is looked up once
        self.single: dict[str, Any] = {}
        for first, entries in self.by_first.items():
            for words, value in entries:
                if len(words) == 1:
                    self.single.setdefault(first, value)
        self.candidates = _candidate_pattern(self.by_first, self.single, self.seconds)
        # the multi-word phrases of each (first word, second word), each with its place in
        # ``by_first[first word]``: a token is tried only against phrases its successor continues
        self.by_pair: dict[tuple[str, str], list[tuple[int, tuple[str, ...], Any]]] = {}
        for first, entries in self.by_first.items():
            for place, (words, value) in enumerate(entries):
                if len(words) > 1:
                    self.by_pair.setdefault((first, words[1]), []).append((place, words, value))
        self.seconds_of = frozenset(first for first, _ in self.by_pair)
        # consecutive words of the multi-word phrases: a phrase can only run from one paragraph
        # into the next where the last token of one and the first of the next form such a pair
        self.pairs = frozenset(
            (words[k], words[k + 1])
            for entries in self.by_first.values()
            for words, _ in entries
            for k in range(len(words) - 1)
        )

    @staticmethod
    def _forms(token: str) -> tuple[tuple[str, int], ...]:
        """(form, characters dropped at the end) — "Syria." → "Syria", "Russia's" → "Russia"."""
        return _token_forms(token)

    def separable(self, text: str, chunks: list[tuple[int, int]]) -> bool:
        """Does ``find`` of the whole text equal ``find`` of each chunk (offsets shifted)?

        Chunks are cut at white space, so a token never spans two of them; a phrase found in
        the whole text crosses a cut only if the last token before it and the first token after
        it are consecutive words of a phrase (the first token as written or as a last word:
        "Army." for "Army").  With no such pair at any cut, no scan step differs."""
        surface = _surface(text)
        previous_last: str | None = None
        for start, end in chunks:
            first = _TOKEN.search(surface, start, end)
            if first is None:
                continue
            if previous_last is not None and any(
                (previous_last, form) in self.pairs for form, _ in self._forms(first.group())
            ):
                return False
            previous_last = _last_token(surface, first.start(), end)
        return True

    def may_cross(self, surface: str, cut: int) -> bool:
        """Might a phrase run across ``cut``, an offset of ``surface`` (a text as ``_surface``
        makes it) with white space or the text's edge on each side?  The test ``separable``
        makes at each cut between two chunks: the last token before the cut and the first
        token after it (as written or as a last word) are consecutive words of a phrase."""
        after = _TOKEN.search(surface, cut)
        if after is None or cut == 0:
            return False
        tail_start = max(0, cut - 200)
        before = _TOKEN.findall(surface, tail_start, cut)
        if tail_start > 0 and len(before) < 2:  # the one token may have begun before the tail
            before = _TOKEN.findall(surface, 0, cut)
        if not before:
            return False
        return any((before[-1], form) in self.pairs for form, _ in self._forms(after.group()))

    def find(self, text: str) -> list[tuple[int, int, Any]]:
        """(start, end, value) of the phrases in ``text``, left to right, longest first."""
        surface = _surface(text)  # same length as ``text``: offsets still hold
        found: list[tuple[int, int, Any]] = []
        consumed = 0  # tokens ending before this offset belong to a phrase already found
        by_first = self.by_first
        for candidate in self.candidates.finditer(surface):
            token = candidate.group()
            if token not in by_first and token[-1] not in ".!?" and not token.endswith("'s"):
                continue  # most capitalised words start no phrase (nor end one: "Syria.")
            start = candidate.start()
            if start < consumed:
                continue
            match = self._match_at(surface, (start, candidate.end(), token))
            if match is not None:
                end, value, last_token_end = match
                found.append((start, end, value))
                consumed = last_token_end
        return found

    def _match_at(self, surface: str, first: Token) -> tuple[int, Any, int] | None:
        """(end of the phrase, value, end of its last token) for the phrase starting at ``first``."""
        if first[2] not in self.by_first:
            return self._single_word_form(first)
        if first[2] in self.seconds_of:
            match = self._longer_phrase(surface, first)
            if match is not None:
                return match
        value = self.single.get(first[2], _ABSENT)
        if value is not _ABSENT:
            return first[1], value, first[1]
        # "Russia's" starts longer phrases ("Russia's Defense Ministry") but none is here: it
        # may still be a one-word phrase followed by a possessive or a full stop
        return self._single_word_form(first)

    def _longer_phrase(self, surface: str, first: Token) -> tuple[int, Any, int] | None:
        """The longest multi-word phrase that ``first`` and the tokens after it spell: only the
        phrases whose second word the next token is (as written, or as a last word:
        "Ministry.") are tried, in ``by_first`` order."""
        second = _TOKEN.search(surface, first[1])
        if second is None:
            return None
        word = second.group()
        seconds = self.seconds[first[2]]
        if word not in seconds and (
            word[-1] not in ".!?s" or not any(f in seconds for f, _ in _token_forms(word)[1:])
        ):
            return None  # the usual case ("the war"): no phrase goes on with this word
        lists = [
            entries
            for form, _ in _token_forms(word)
            if (entries := self.by_pair.get((first[2], form))) is not None
        ]
        if not lists:
            return None
        candidates = lists[0] if len(lists) == 1 else sorted(itertools.chain(*lists))
        longest = max(len(words) for _, words, _ in candidates)
        following = [(second.start(), second.end(), word)]
        following += _next_tokens(surface, second.end(), longest - 2)
        for _, words, value in candidates:
            n = len(words)
            if n - 1 > len(following):
                continue
            if any(following[k - 1][2] != words[k] for k in range(1, n - 1)):
                continue
            last = following[n - 2]
            if last[2] == words[-1]:
                return last[1], value, last[1]
            if last[2][-1] in ".!?s":
                for form, dropped in _token_forms(last[2])[1:]:
                    if form == words[-1]:
                        return last[1] - dropped, value, last[1]
        return None

    def _single_word_form(self, first: Token) -> tuple[int, Any, int] | None:
        """A one-word phrase followed by a full stop or a possessive ("Syria.", "Russia's")."""
        token = first[2]
        if token[-1] not in ".!?" and not token.endswith("'s"):
            return None
        for form, dropped in _token_forms(token)[1:]:
            # ``single``: the first one-word phrase of each first word, as ``by_first`` lists them
            value = self.single.get(form, _ABSENT)
            if value is not _ABSENT:
                return first[1] - dropped, value, first[1]
        return None


_ABSENT = object()


@lru_cache(maxsize=16_384)
def _token_forms(token: str) -> tuple[tuple[str, int], ...]:
    """``_PhraseTable._forms``, remembered per token (the same words come back all the time)."""
    forms = [(token, 0)]
    stripped = token.rstrip(".!?")
    if stripped != token and stripped:
        forms.append((stripped, len(token) - len(stripped)))
    if stripped.endswith("'s") and len(stripped) > 2:
        forms.append((stripped[:-2], len(token) - len(stripped) + 2))
    return tuple(forms)


def _candidate_pattern(
    by_first: dict[str, Any], single: dict[str, Any], seconds: dict[str, frozenset[str]]
) -> re.Pattern[str]:
    """Whole tokens (as ``_TOKEN`` cuts them) that may start a phrase: tokens beginning with
    the capital letter of a first word, or with a lower-case first word itself (few: "the").

    A lower-case first word that is no phrase on its own ("the") only starts one when the next
    token begins like one of its second words ("the Pentagon", not "the war"): the pattern asks
    for that, so the scan skips most occurrences of "the" (the tokens it no longer yields are
    those ``find`` would have found nothing at)."""
    capitals = sorted({w[0] for w in by_first if w[0].isupper() and _TOKEN.fullmatch(w[0])})
    lower = sorted(
        (w for w in by_first if not w[0].isupper() and _TOKEN.fullmatch(w[0])),
        key=lambda w: (-len(w), w),
    )
    # each alternative is checked once its first character is read (``(?<=…)``), and what
    # precedes the token only then: a pattern starting with a character class lets the regex
    # engine skip quickly to the next position where a phrase can start
    starts = [f"(?<=[{''.join(re.escape(c) for c in capitals)}])"] if capitals else []
    starts += [_lower_start(w, single, seconds.get(w, frozenset())) for w in lower]
    if not starts:
        return re.compile(r"(?!x)x")
    firsts = "".join(re.escape(c) for c in sorted({*capitals, *(w[0] for w in lower)}))
    return re.compile(rf"[{firsts}](?<![^{_SEPARATORS}].)(?:{'|'.join(starts)})[^{_SEPARATORS}]*")


def _lower_start(word: str, single: dict[str, Any], seconds: frozenset[str]) -> str:
    """The candidate pattern's alternative for a lower-case first word (see
    ``_candidate_pattern``)."""
    spelled = rf"(?<={re.escape(word[0])}){re.escape(word[1:])}"  # its first character read
    if word in single or word[-1] in ".!?" or word.endswith("'s"):
        return spelled
    initials = sorted({second[0] for second in seconds})
    if not initials:
        return spelled
    follows = "".join(re.escape(c) for c in initials)
    return rf"{spelled}(?=[{_SEPARATORS}]+[{follows}])"


def _next_tokens(surface: str, position: int, count: int) -> list[Token]:
    """Up to ``count`` tokens after ``position``."""
    tokens: list[Token] = []
    if count <= 0:
        return tokens
    for match in _TOKEN.finditer(surface, position):
        tokens.append((match.start(), match.end(), match.group()))
        if len(tokens) == count:
            break
    return tokens


def _as_actor(entry: dict[str, Any]) -> Actor | None:
    name = str(entry.get("name") or "").strip()
    if not name:
        return None
    side = entry.get("side")
    return Actor(
        name=name,
        role=entry.get("role"),
        affiliation=entry.get("affiliation"),
        side=side if side in SIDES else None,
        kind=str(entry["kind"]) if entry.get("kind") in KINDS else "person",
        aliases=tuple(str(a) for a in entry.get("aliases", []) if str(a).strip()),
    )


_INDEXES: dict[str, _Index] = {}


def _build_index(kb: Knowledge) -> _Index:
    entries = kb.actors.get("actor", []) if isinstance(kb.actors, dict) else []
    pairs = [(_as_actor(e), e) for e in entries if isinstance(e, dict)]
    known = [(actor, entry) for actor, entry in pairs if actor is not None]
    actors = tuple(actor for actor, _ in known)
    by_key: dict[str, Actor] = {}
    by_surname: dict[str, Actor] = {}
    mention_phrases: dict[str, Actor] = {}
    for actor, entry in known:
        for alias in (actor.name, *actor.aliases):
            by_key.setdefault(normalise_key(alias), actor)
            mention_phrases.setdefault(alias, actor)
        for surname in entry.get("surnames", []):
            by_surname.setdefault(normalise_key(str(surname)), actor)
    side_phrases: dict[str, str] = {}
    side_words = kb.actors.get("side_words", {}) if isinstance(kb.actors, dict) else {}
    for side in SIDES:
        for word in side_words.get(side, []):
            side_phrases.setdefault(str(word), side)
    for actor in actors:
        if actor.kind != "person" and actor.side:
            for alias in (actor.name, *actor.aliases):
                side_phrases.setdefault(alias, actor.side)
    title_words = (
        kb.actors.get("titles", {}).get("words", []) if isinstance(kb.actors, dict) else []
    )
    return _Index(
        actors=actors,
        by_key=by_key,
        by_surname=by_surname,
        mentions=_PhraseTable(mention_phrases),
        sides=_PhraseTable(side_phrases),
        titles=frozenset(str(w) for w in title_words),
    )


def actor_index(kb: Knowledge) -> _Index:
    """The compiled index for ``kb``, built once per process per ``kb.fingerprint``."""
    if not kb.fingerprint:  # a hand-made Knowledge: nothing safe to cache it under
        return _build_index(kb)
    index = _INDEXES.get(kb.fingerprint)
    if index is None:
        index = _INDEXES[kb.fingerprint] = _build_index(kb)
    return index


@lru_cache(maxsize=1)
def _default_kb() -> Knowledge:
    return load_knowledge()


def split_title(phrase: str, kb: Knowledge) -> tuple[str, str]:
    """Split a noun phrase into (title words, personal name) — the name is the trailing run of
    capitalised tokens that are not titles ("U.S. Major Adrian J.T. Rankine-Galloway"); a comma
    ends it ("Russia's ambassador to France, Alexander Orlov": the country is the title's)."""
    tokens = phrase.split()
    titles = actor_index(kb).titles
    cut = len(tokens)
    while cut > 0:
        token = tokens[cut - 1].strip(",")
        if token in titles or not _NAME_TOKEN.match(token) or _CONTRACTION.match(token):
            break
        if cut < len(tokens) and tokens[cut - 1].endswith(","):
            break
        cut -= 1
    return " ".join(tokens[:cut]).strip(" ,"), " ".join(tokens[cut:]).strip(" ,")


def resolve_actor(name: str, kb: Knowledge) -> Actor | None:
    """The canonical actor for a name as written, or None if the knowledge base does not know it.

    Tries the whole phrase, the phrase without leading titles, then (for a single token) the
    ``surnames`` listed for people.
    """
    if not name or not name.strip():
        return None
    if not kb.fingerprint:
        return _resolve_actor(name, kb)
    return _remembered(_RESOLVED, (kb.fingerprint, name), lambda: _resolve_actor(name, kb))


# Results of the pure look-ups below, per (knowledge-base fingerprint, text): the same names,
# titles and sentences come back many times in a corpus (every paragraph of a syndicated story,
# every "a Pentagon spokesman said").  Cleared when they grow past ``_MEMO_LIMIT`` entries;
# mention scans of texts longer than ``_MEMO_TEXT_LIMIT`` (whole bodies) are not kept.
_MEMO_LIMIT = 20_000
_MEMO_TEXT_LIMIT = 2_000
_RESOLVED: dict[tuple[str, str], Actor | None] = {}
_SIDES: dict[tuple[str, str], str | None] = {}
_MENTIONS: dict[tuple[str, str], tuple[tuple[int, int, Actor], ...]] = {}


def _remembered(memo: dict[tuple[str, str], Any], key: tuple[str, str], compute: Any) -> Any:
    """``memo[key]``, computed on first use; the memo is emptied when it grows too large."""
    try:
        return memo[key]
    except KeyError:
        pass
    value = compute()
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _resolve_actor(name: str, kb: Knowledge) -> Actor | None:
    index = actor_index(kb)
    key = normalise_key(name)
    if key in index.by_key:
        return index.by_key[key]
    _, bare = split_title(name.strip(), kb)
    if bare and normalise_key(bare) in index.by_key:
        return index.by_key[normalise_key(bare)]
    tokens = (bare or name).split()
    if tokens:
        last = normalise_key(tokens[-1])
        if len(tokens) == 1 and last in index.by_surname:
            return index.by_surname[last]
        # "Sergei K. Shoigu" / a spelling variant of the first name: the surname decides if it
        # is listed as an alias of exactly one person
        if len(tokens) > 1:
            actor = index.by_key.get(last) or index.by_surname.get(last)
            if actor is not None and actor.kind == "person":
                known_first = {
                    normalise_key(a.split()[0])
                    for a in (actor.name, *actor.aliases)
                    if len(a.split()) > 1
                }
                if normalise_key(tokens[0]) in known_first or _initials_fit(tokens[:-1], actor):
                    return actor
    return None


_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def _initials_fit(tokens: list[str], actor: Actor) -> bool:
    """ "A. I. Antonov" / "V.V. Volodin": initials before the surname, the first of them the
    first letter of a given name the actor is known by (a Russian record names speakers so)."""
    if not tokens or not all(_INITIAL.fullmatch(token) for token in tokens):
        return False
    return any(
        len(alias.split()) > 1 and alias.split()[0][:1] == tokens[0][0]
        for alias in (actor.name, *actor.aliases)
    )


def side_from_affiliation(words: str | None, kb: Knowledge | None = None) -> str | None:
    """The side revealed by affiliation words, or None when they say nothing.

    The longest matching side word wins; on a tie the first one in the text.  A side word naming
    where an envoy is posted ("ambassador to Washington", "envoy in Damascus") does not count.
    """
    if not words:
        return None
    kb = kb or _default_kb()
    if not kb.fingerprint:
        return _side_from_affiliation(words, kb)
    return _remembered(_SIDES, (kb.fingerprint, words), lambda: _side_from_affiliation(words, kb))


# Titles of people posted abroad: a side word right after "<title> to/in/at (the)" names where
# they serve, not whom they speak for ("Russia's ambassador to Washington" is Russian).  A data
# folder may list its own under ``[titles] posting_words`` in actors.toml.
POSTING_WORDS = (
    *("ambassador", "ambassadors", "envoy", "envoys", "emissary", "emissaries", "consul"),
    *("consul general", "attaché", "attache", "representative", "representatives", "delegate"),
    *("delegates", "delegation", "mission", "embassy", "charge d'affaires", "chargé d'affaires"),
)


def _posting_pattern(kb: Knowledge) -> re.Pattern[str]:
    """Where a posting's destination starts: right after "ambassador to (the)", "envoy in" …"""
    titles = kb.actors.get("titles", {}) if isinstance(kb.actors, dict) else {}
    words = titles.get("posting_words", POSTING_WORDS) if isinstance(titles, dict) else ()
    escaped = sorted(
        (re.escape(str(w).strip()).replace(r"\ ", r"\s+") for w in words if str(w).strip()),
        key=lambda w: (-len(w), w),
    )
    if not escaped:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?<![\w-])(?:{'|'.join(escaped)})\s+(?:to|in|at)\s+(?P<article>the\s+)?",
        re.IGNORECASE,
    )


_POSTINGS: dict[str, re.Pattern[str]] = {}


def _destinations(words: str, kb: Knowledge) -> frozenset[int]:
    """Offsets in ``words`` where a posting's destination begins."""
    pattern = _POSTINGS.get(kb.fingerprint) if kb.fingerprint else None
    if pattern is None:
        pattern = _posting_pattern(kb)
        if kb.fingerprint:
            _POSTINGS[kb.fingerprint] = pattern
    starts: set[int] = set()
    for match in pattern.finditer(words):
        starts.add(match.end())
        if match.group("article"):
            starts.add(match.start("article"))  # "to the United States": the phrase has "the"
    return frozenset(starts)


# "Iran’s Supreme National Security Council": a possessive side word and up to two more
# capitalised words before the winning side word
_OWNED_BY = re.compile(r"['’]s\s+(?:[A-Z][\w\-]*\s+){0,2}")


def _side_from_affiliation(words: str, kb: Knowledge) -> str | None:
    index = actor_index(kb)
    destinations = _destinations(words, kb)
    found = [m for m in index.sides.find(words) if m[0] not in destinations]
    # ("ambassador to Washington": where the speaker serves, not their side)
    best = min(found, key=lambda m: (-(m[1] - m[0]), m[0], m[2]), default=None)
    if best is None:
        return None
    for _start, end, side in found:
        if end < best[0] and side != best[2] and _OWNED_BY.fullmatch(words, end, best[0]):
            return side  # the institution belongs to the possessor, whatever its name says
    return best[2]


def actor_spans(text: str, kb: Knowledge) -> list[tuple[int, int, Actor]]:
    """(start, end, actor) of the actors named in ``text``: ``find_actor_mentions`` without
    building mention objects (for callers that only need the spans)."""
    if not text:
        return []
    return _phrases_found(text, kb) if kb.fingerprint else actor_index(kb).mentions.find(text)


def find_actor_mentions(
    text: str, kb: Knowledge, kinds: tuple[str, ...] | None = None
) -> list[ActorMention]:
    """Actors named in ``text`` (aliases from ``actors.toml``), left to right, longest first.

    ``kinds`` restricts the result (e.g. ``("institution", "country")`` for reported speech by
    governments).  Bare ``surnames`` are not searched for: they are too ambiguous in running text.
    """
    if not text:
        return []
    found = _phrases_found(text, kb) if kb.fingerprint else actor_index(kb).mentions.find(text)
    return [
        ActorMention(start, end, text[start:end], actor)
        for start, end, actor in found
        if kinds is None or actor.kind in kinds
    ]


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _phrases_found(text: str, kb: Knowledge) -> list[tuple[int, int, Actor]]:
    """``actor_index(kb).mentions.find(text)``, remembered per text; a long text (a whole body)
    is scanned paragraph by paragraph, each paragraph remembered, unless a phrase might run on
    from one paragraph into the next (then the text is scanned whole, with the same result).
    The paragraphs of the last text scanned so are kept with their scans (``_scan_within``)."""
    if len(text) <= _MEMO_TEXT_LIMIT:
        return list(_remembered_scan(text, kb))
    table = actor_index(kb).mentions
    chunks = _paragraph_chunks(text)
    if not table.separable(text, chunks):
        return table.find(text)
    found: list[tuple[int, int, Actor]] = []
    scanned: list[_Scanned] = []
    for start, end in chunks:
        chunk = text[start:end]
        scan = (
            _remembered_scan(chunk, kb, within_last=False)
            if len(chunk) <= _MEMO_TEXT_LIMIT
            else tuple(table.find(chunk))
        )
        scanned.append((chunk, scan))
        found.extend((start + a, start + b, actor) for a, b, actor in scan)
    _LAST_PARAGRAPHS.clear()
    _LAST_PARAGRAPHS[kb.fingerprint] = scanned
    return found


Scan = tuple[tuple[int, int, Actor], ...]
_Scanned = tuple[str, Scan]  # a paragraph and its scan

# The paragraphs of the body scanned last, with their scans: the claims stage scans each
# sentence of the body the quotes stage has just scanned whole.
_LAST_PARAGRAPHS: dict[str, list[_Scanned]] = {}


def _remembered_scan(text: str, kb: Knowledge, *, within_last: bool = True) -> Scan:
    """``find(text)``, remembered; unless ``within_last`` is False (a paragraph of a body),
    read off the last body's paragraphs when ``text`` is a stretch of one (``_scan_within``)."""

    def scan() -> Scan:
        within = _scan_within(text, kb) if within_last else None
        return within if within is not None else tuple(actor_index(kb).mentions.find(text))

    return _remembered(_MENTIONS, (kb.fingerprint, text), scan)


def _scan_within(text: str, kb: Knowledge) -> Scan | None:
    """``find(text)`` read off the scan of a paragraph of the last body that holds ``text`` with
    white space (or its own start or end) on both sides, when no phrase can run across either
    cut; None otherwise.

    ``find`` of the paragraph equals ``find`` of its parts before, in and after ``text`` unless
    a phrase runs across a cut (the argument of ``_PhraseTable.separable``, which lets a body be
    scanned paragraph by paragraph), so the phrases of the paragraph's scan inside ``text`` are
    those of ``text``."""
    if not text or text[0].isspace() or text[-1].isspace():
        return None
    paragraphs = _LAST_PARAGRAPHS.get(kb.fingerprint, [])
    count = len(paragraphs)
    first = _LAST_FOUND[0] if _LAST_FOUND[0] < count else 0
    for index in itertools.chain(range(first, count), range(first)):
        paragraph, scan = paragraphs[index]
        at = paragraph.find(text)
        if at < 0:
            continue
        _LAST_FOUND[0] = index
        end = at + len(text)
        if (at > 0 and not paragraph[at - 1].isspace()) or (
            end < len(paragraph) and not paragraph[end].isspace()
        ):
            return None
        table = actor_index(kb).mentions
        surface = _surface(paragraph)
        if table.may_cross(surface, at) or table.may_cross(surface, end):
            return None
        return tuple((a - at, b - at, actor) for a, b, actor in scan if at <= a < end)
    return None


# The paragraph of ``_LAST_PARAGRAPHS`` the last stretch was found in: the stretches come in
# body order, so the next one is most likely in it or just after it.
_LAST_FOUND = [0]


def _paragraph_chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` between blank lines."""
    chunks: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        chunks.append((start, match.start()))
        start = match.end()
    chunks.append((start, len(text)))
    return chunks
