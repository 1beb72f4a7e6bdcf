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

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from analysis.knowledge import Knowledge, load_knowledge

SIDES = ("US", "Russia", "Syria", "Turkey", "coalition", "other")
KINDS = ("person", "institution", "country", "outlet")

_LEFT = r"(?<![\w\-])"
_RIGHT = r"(?![\w\-]|\.\w)"
_APOSTROPHES = "'’"
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-\.]*|(?:al|el|bin|ibn|de|da|van|von|der|la)(?:-\w+)?)$"
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
    mention_pattern: re.Pattern[str] | None
    mention_actor: dict[str, Actor]
    side_pattern: re.Pattern[str] | None
    side_of_word: dict[str, str]
    titles: frozenset[str]


def normalise_key(name: str) -> str:
    """Lookup key: case-folded, typographic apostrophes/dashes unified, Defence→Defense, no article."""
    key = name.strip().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    key = re.sub(r"\s+", " ", key).casefold()
    key = key.replace("defence", "defense")
    key = re.sub(r"^the ", "", key)
    return key.strip(" ,.;:")


def _variant_pattern(alias: str) -> str:
    """A regex for one alias that accepts Defense/Defence and either apostrophe."""
    escaped = re.escape(alias)
    escaped = re.sub(r"Defen[cs]e", "Defen[cs]e", escaped)
    escaped = re.sub(r"defen[cs]e", "defen[cs]e", escaped)
    escaped = re.sub(f"[{_APOSTROPHES}]", f"[{_APOSTROPHES}]", escaped)
    return escaped.replace(r"\ ", r"\s+")


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
        kind=entry.get("kind") if entry.get("kind") in KINDS else "person",
        aliases=tuple(str(a) for a in entry.get("aliases", []) if str(a).strip()),
    )


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return None
    body = "|".join(f"(?:{_variant_pattern(w)})" for w in unique)
    return re.compile(f"{_LEFT}(?:{body}){_RIGHT}")


_INDEXES: dict[str, _Index] = {}


def _build_index(kb: Knowledge) -> _Index:
    entries = kb.actors.get("actor", []) if isinstance(kb.actors, dict) else []
    pairs = [(_as_actor(e), e) for e in entries if isinstance(e, dict)]
    known = [(actor, entry) for actor, entry in pairs if actor is not None]
    actors = tuple(actor for actor, _ in known)
    by_key: dict[str, Actor] = {}
    by_surname: dict[str, Actor] = {}
    mention_actor: dict[str, Actor] = {}
    for actor, entry in known:
        for alias in (actor.name, *actor.aliases):
            by_key.setdefault(normalise_key(alias), actor)
            mention_actor.setdefault(normalise_key(alias), actor)
        for surname in entry.get("surnames", []):
            by_surname.setdefault(normalise_key(str(surname)), actor)
    side_of_word: dict[str, str] = {}
    side_words = kb.actors.get("side_words", {}) if isinstance(kb.actors, dict) else {}
    for side in SIDES:
        for word in side_words.get(side, []):
            side_of_word.setdefault(normalise_key(str(word)), side)
    for actor in actors:
        if actor.kind != "person" and actor.side:
            for alias in (actor.name, *actor.aliases):
                side_of_word.setdefault(normalise_key(alias), actor.side)
    side_surfaces = [str(w) for s in SIDES for w in side_words.get(s, [])]
    side_surfaces += [
        a for actor in actors if actor.kind != "person" for a in (actor.name, *actor.aliases)
    ]
    title_words = (
        kb.actors.get("titles", {}).get("words", []) if isinstance(kb.actors, dict) else []
    )
    return _Index(
        actors=actors,
        by_key=by_key,
        by_surname=by_surname,
        mention_pattern=_alternation([a for actor in actors for a in (actor.name, *actor.aliases)]),
        mention_actor=mention_actor,
        side_pattern=_alternation(side_surfaces),
        side_of_word=side_of_word,
        titles=frozenset(str(w) for w in title_words),
    )


def actor_index(kb: Knowledge) -> _Index:
    """The compiled index for ``kb``, built once per process per ``kb.fingerprint``."""
    index = _INDEXES.get(kb.fingerprint)
    if index is None:
        index = _INDEXES[kb.fingerprint] = _build_index(kb)
    return index


@lru_cache(maxsize=1)
def _default_kb() -> Knowledge:
    return load_knowledge()


def split_title(phrase: str, kb: Knowledge) -> tuple[str, str]:
    """Split a noun phrase into (title words, personal name) — the name is the trailing run of
    capitalised tokens that are not titles ("U.S. Major Adrian J.T. Rankine-Galloway")."""
    tokens = phrase.split()
    titles = actor_index(kb).titles
    cut = len(tokens)
    while cut > 0:
        token = tokens[cut - 1].strip(",")
        if token in titles or not _NAME_TOKEN.match(token):
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
                if normalise_key(tokens[0]) in known_first:
                    return actor
    return None


def side_from_affiliation(words: str | None, kb: Knowledge | None = None) -> str | None:
    """The side revealed by affiliation words, or None when they say nothing.

    The longest matching side word wins; on a tie the first one in the text.
    """
    if not words:
        return None
    index = actor_index(kb or _default_kb())
    if index.side_pattern is None:
        return None
    best: tuple[int, int, str] | None = None
    for match in index.side_pattern.finditer(words):
        side = index.side_of_word.get(normalise_key(match.group()))
        if side is None:
            continue
        candidate = (-(match.end() - match.start()), match.start(), side)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None


def find_actor_mentions(
    text: str, kb: Knowledge, kinds: tuple[str, ...] | None = None
) -> list[ActorMention]:
    """Actors named in ``text`` (aliases from ``actors.toml``), left to right, longest first.

    ``kinds`` restricts the result (e.g. ``("institution", "country")`` for reported speech by
    governments).  Bare ``surnames`` are not searched for: they are too ambiguous in running text.
    """
    index = actor_index(kb)
    if index.mention_pattern is None or not text:
        return []
    mentions: list[ActorMention] = []
    for match in index.mention_pattern.finditer(text):
        actor = index.mention_actor.get(normalise_key(match.group()))
        if actor is None or (kinds is not None and actor.kind not in kinds):
            continue
        mentions.append(ActorMention(match.start(), match.end(), match.group(), actor))
    return mentions
