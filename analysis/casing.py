"""Shouted sentences read in ordinary case, offsets unchanged.

Viral posts, claim boxes and social-media captions are often written in capitals ("THE PENTAGON
DENIED THAT IT COORDINATED AIR STRIKES WITH RUSSIA."). The extraction rules find parties by their
capitalised names and read cue words in ordinary case, so such a sentence gave no row at all.
``recase_shouted`` returns the body with each shouted sentence in sentence case, the names the
knowledge files know (actors, their aliases, side words, outlets) restored to their own casing —
as a phrase, so that "JOINT" only becomes "Joint" inside "JOINT CHIEFS OF STAFF". Every character
keeps its place, so offsets found in the recased body point into the original one, and the rows'
texts are sliced from the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from analysis.knowledge import Knowledge

MIN_WORDS = 5  # shorter runs of capitals are labels, headings and turn names ("MR. COOK:")
MIN_UPPER_SHARE = 0.9  # of the sentence's letters
WORD = re.compile(r"[^\W\d_]+")
LOWER_RUN = re.compile(r"[a-z]{3}")  # ordinary prose, told apart before counting anything

_PHRASES: dict[str, tuple[re.Pattern[str] | None, dict[str, str]]] = {}


def _names(kb: Knowledge) -> Iterator[str]:
    actors = kb.actors if isinstance(kb.actors, dict) else {}
    for actor in actors.get("actor", []):
        yield str(actor.get("name") or "")
        yield str(actor.get("affiliation") or "")
        yield from (str(a) for a in actor.get("aliases", []))
        yield from (str(s) for s in actor.get("surnames", []))
    for words in (actors.get("side_words") or {}).values():
        yield from (str(w) for w in words)
    outlets = kb.outlets if isinstance(kb.outlets, dict) else {}
    for outlet in outlets.get("outlet", []):
        yield str(outlet.get("name") or "")
        yield from (str(a) for a in outlet.get("aliases", []))


def _build(kb: Knowledge) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A case-blind pattern of every known name with a capital letter, longest first, and the
    casing of each (the first spelling the data files give)."""
    casing: dict[str, str] = {}
    for name in _names(kb):
        name = " ".join(name.split())
        if len(name) > 1 and any(c.isupper() for c in name):
            casing.setdefault(name.upper(), name)
    if not casing:
        return None, casing
    alternatives = sorted(casing, key=lambda n: (-len(n), n))
    body = "|".join(re.escape(n) for n in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE), casing


def _phrases(kb: Knowledge) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    if not kb.fingerprint:
        return _build(kb)
    built = _PHRASES.get(kb.fingerprint)
    if built is None:
        built = _PHRASES[kb.fingerprint] = _build(kb)
    return built


def is_shouted(sentence: str) -> bool:
    """Five words or more, nearly all of whose letters are capitals."""
    if LOWER_RUN.search(sentence):
        return False
    words = WORD.findall(sentence)
    if len(words) < MIN_WORDS:
        return False
    letters = [c for c in sentence if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= MIN_UPPER_SHARE * len(letters)


def recase_sentence(sentence: str, kb: Knowledge) -> str:
    """The sentence in sentence case with known names in their own casing (same length; a
    character whose lower case would change the length is left as it is)."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
    pattern, casing = _phrases(kb)
    if pattern is not None:
        lowered = pattern.sub(lambda m: casing.get(m.group(0).upper(), m.group(0)), lowered)
    first = next((i for i, c in enumerate(lowered) if c.isalpha()), None)
    if first is not None and len(lowered[first].upper()) == 1:
        lowered = lowered[:first] + lowered[first].upper() + lowered[first + 1 :]
    return lowered if len(lowered) == len(sentence) else sentence


def recase_shouted(body: str, sentences: Sequence[tuple[int, int]], kb: Knowledge) -> str:
    """``body`` with every shouted sentence recased; the body itself when none is."""
    parts: list[str] = []
    position = 0
    for start, end in sentences:
        sentence = body[start:end]
        if not is_shouted(sentence):
            continue
        parts += [body[position:start], recase_sentence(sentence, kb)]
        position = end
    if not parts:
        return body
    parts.append(body[position:])
    return "".join(parts)
