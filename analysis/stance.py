"""Stance cues: spaCy ``Matcher`` rules built from ``analysis/data/stance.toml``.

The text is tokenised once with the blank English pipeline; every cue of the data file (coordination
terms, parties, negations, proposal/denial/rejection/condition/opposition cues, hedges, speech verbs)
becomes a ``Matcher`` pattern.  A negation reverses the first cue that follows it inside the same
clause within ``negation_window`` words ("is not coordinating" negates *coordinating*; "did not reject"
negates *reject*, so it is not a rejection).  ``classify`` then applies a fixed precedence:

opposes > conditional > rejects > denies > proposes > (negated rejection, hedge → neutral) > asserts
> neutral
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc

from analysis.knowledge import Knowledge
from analysis.nlp import english

STANCE_ORDER = ("opposes", "conditional", "rejects", "denies", "proposes", "asserts", "neutral")
CUE_LABELS = ("coordination", "proposes", "asserts", "denies", "rejects", "conditional", "opposes")
OTHER_LABELS = ("negation", "hedges", "speech", "ignore")
PARTY_PREFIX = "party:"
FIRST_PERSON = "first_person"
DEFAULT_NEGATION_WINDOW = 4
DEFAULT_CARRY_WINDOW = 3
DEFAULT_CONTEXT_WINDOW = 4
ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})
DEFAULT_CAMEO = {
    "proposes": "0312",
    "asserts": "062",
    "denies": "016",
    "rejects": "1212",
    "conditional": "0312",
    "opposes": "111",
    "neutral": "010",
}
_GLUE = r"(?:[\w.’']+-)?"  # "U.S.-led", "U.S.-Russia": a party word glued to another by a hyphen
_GLUE_AFTER = r"(?:-[\w.’'-]+)?"


@dataclass(frozen=True)
class Cue:
    """One matched cue: its label and token/character span in the analysed text."""

    label: str
    start: int  # token index
    end: int  # token index (exclusive)
    char_start: int
    char_end: int
    negated: bool = False


@dataclass
class Analysed:
    """A tokenised text with its cues in token order."""

    doc: Doc
    cues: list[Cue]

    def cues_between(self, char_start: int, char_end: int) -> list[Cue]:
        return [c for c in self.cues if c.char_start >= char_start and c.char_end <= char_end]


@dataclass
class StanceResult:
    stance: str
    score: int
    sides: list[str] = field(default_factory=list)  # sides named in the text, in order
    has_coordination: bool = False
    third_party: bool = False  # the coordination partner named is neither the US nor Russia


def _word_pattern(word: str, case_sensitive: bool, glue: bool) -> list[dict[str, Any]]:
    """Token patterns for one lexicon word (``stem*`` is a prefix; hyphens are optional tokens)."""
    parts = word.split("-") if "-" in word.strip("-") and not glue else [word]
    patterns: list[dict[str, Any]] = []
    for n, part in enumerate(parts):
        if n:
            patterns.append({"ORTH": "-", "OP": "?"})
        stem = part.endswith("*")
        body = re.escape(part.rstrip("*")) + (r"[\w’'-]*" if stem else "")
        regex = f"^{_GLUE}{body}{_GLUE_AFTER}$" if glue else f"^{body}$"
        key = "TEXT" if case_sensitive else "LOWER"
        if not case_sensitive:
            regex = regex.lower()
        patterns.append({key: {"REGEX": regex}})
    return patterns


def phrase_patterns(phrase: str, *, party: bool = False) -> list[dict[str, Any]]:
    """The ``Matcher`` pattern of one cue phrase (see the syntax notes in ``stance.toml``)."""
    tokens = english().make_doc(phrase.replace("*", "STEMMARK"))
    pattern: list[dict[str, Any]] = []
    words = [t.text.replace("STEMMARK", "*") for t in tokens]
    # re-join words the tokenizer split at a hyphen so "de-conflict*" stays one lexicon word
    joined: list[str] = []
    for word in words:
        if joined and (word == "-" or joined[-1].endswith("-")):
            joined[-1] += word
        else:
            joined.append(word)
    for n, word in enumerate(joined):
        if n and not party:
            pattern.append({"ORTH": "-", "OP": "?"})
        case_sensitive = party and any(ch.isupper() for ch in word)
        pattern.extend(_word_pattern(word, case_sensitive, glue=party))
    return pattern


class StanceLexicon:
    """Matchers compiled from the knowledge base; one per process and ``kb.fingerprint``."""

    def __init__(self, kb: Knowledge) -> None:
        nlp = english()
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab)
        data = kb.stance or {}
        cues = data.get("cues", {})
        rules = data.get("rules", {})
        for label in (*CUE_LABELS, *OTHER_LABELS):
            self._add(label, cues.get(label, []))
        for side, words in data.get("parties", {}).items():
            if side == "first_person":
                self._add_exact(FIRST_PERSON, words)
            else:
                self._add(PARTY_PREFIX + side, words, party=True)
        self.negation_window = int(rules.get("negation_window", DEFAULT_NEGATION_WINDOW))
        self.carry_window = int(rules.get("carry_window", DEFAULT_CARRY_WINDOW))
        self.context_window = int(rules.get("context_window", DEFAULT_CONTEXT_WINDOW))
        self.clause_breaks = {str(w).lower() for w in rules.get("clause_breaks", [",", ";"])}
        self.split_before = sorted(
            (str(s) for s in rules.get("split_before", [])), key=len, reverse=True
        )
        self.claim_labels = [str(w) for w in rules.get("claim_labels", ["claim"])]
        cameo = data.get("cameo", {})
        self.cameo = {
            stance: str(cameo.get(stance, {}).get("code", default))
            for stance, default in DEFAULT_CAMEO.items()
        }

    def _add_exact(self, label: str, words: list[str]) -> None:
        """Lower-case words matched as written or capitalised ("we", "We"; never "US")."""
        forms = sorted({f for w in words for f in (str(w), str(w).capitalize()) if f.strip()})
        if forms:
            self.matcher.add(label, [[{"ORTH": form}] for form in forms])

    def _add(self, label: str, phrases: list[str], party: bool = False) -> None:
        patterns = [phrase_patterns(p, party=party) for p in phrases if str(p).strip()]
        patterns = [p for p in patterns if p]
        if patterns:
            self.matcher.add(label, patterns)

    def analyse(self, text: str) -> Analysed:
        """Tokenise ``text`` once and find every cue, with negation applied."""
        doc = english().make_doc(text.translate(ODD_SPACES))  # same length: offsets hold
        seen: set[tuple[str, int]] = set()
        cues: list[Cue] = []
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            if (label, start) in seen:
                continue
            seen.add((label, start))
            span = doc[start:end]
            if label == "speech" and not span[0].is_lower:
                continue  # "States" in "United States" is not a speech verb
            cues.append(Cue(label, start, end, span.start_char, span.end_char))
        cues.sort(key=lambda c: (c.start, -(c.end - c.start), c.label))
        cues = _drop_ignored(_drop_nested(cues))
        return Analysed(doc, self._apply_negation(doc, cues))

    def _clause_break(self, token_text: str) -> bool:
        return token_text.lower() in self.clause_breaks

    def _apply_negation(self, doc: Doc, cues: list[Cue]) -> list[Cue]:
        """Mark the first stance/coordination cue after each negation (same clause, near)."""
        negated: set[int] = set()
        for neg in (c for c in cues if c.label == "negation"):
            for index, cue in enumerate(cues):
                if cue.start < neg.end or cue.label not in CUE_LABELS:
                    continue
                gap = doc[neg.end : cue.start]
                if len(gap) > self.negation_window or any(self._clause_break(t.text) for t in gap):
                    break
                negated.add(index)
                break
        return [
            Cue(c.label, c.start, c.end, c.char_start, c.char_end, negated=True)
            if i in negated
            else c
            for i, c in enumerate(cues)
        ]


def _drop_ignored(cues: list[Cue]) -> list[Cue]:
    """Cues inside an ``ignore`` phrase ("declined to comment", "the opposition") do not count."""
    ignored = [(c.start, c.end) for c in cues if c.label == "ignore"]
    if not ignored:
        return cues
    return [
        c
        for c in cues
        if c.label != "ignore"
        and (
            c.label.startswith(PARTY_PREFIX)
            or not any(a <= c.start and c.end <= b for a, b in ignored)
        )
    ]


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """A cue inside a longer cue of the same label counts once (e.g. "joint air strike")."""
    kept: list[Cue] = []
    for cue in cues:
        if any(
            k.label == cue.label and k.start <= cue.start and cue.end <= k.end and k != cue
            for k in kept
        ):
            continue
        kept.append(cue)
    return kept


_CACHE: dict[str, StanceLexicon] = {}
_LOCK = threading.Lock()


def lexicon(kb: Knowledge) -> StanceLexicon:
    """The compiled lexicon for ``kb`` (built once per process and fingerprint)."""
    key = kb.fingerprint or str(id(kb))
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = StanceLexicon(kb)
        return _CACHE[key]


def sides_named(cues: list[Cue]) -> list[str]:
    """Sides named by party words, in order of first mention."""
    sides: list[str] = []
    for cue in cues:
        if cue.label.startswith(PARTY_PREFIX):
            side = cue.label.removeprefix(PARTY_PREFIX)
            if side not in sides:
                sides.append(side)
    return sides


def _same_clause(lex: StanceLexicon, doc: Doc, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return not any(lex._clause_break(t.text) for t in doc[lo:hi])


def third_party_partner(
    lex: StanceLexicon, analysed: Analysed, cues: list[Cue], every: bool = True
) -> bool:
    """True when the coordination cues pair a third state with a party, not the US with Russia:
    all of them (``every``, used when both the US and Russia are named) or any of them.

    Patterns: "<coordination> … with <other>", "<other> … <coordination> with <Russia>" (US not
    named in the clause), "<party> and <other>" in the clause of the coordination term.
    """
    doc = analysed.doc
    coordination = [c for c in cues if c.label == "coordination"]
    if not coordination:
        return False
    others = [c for c in cues if c.label == PARTY_PREFIX + "other"]
    parties = [c for c in cues if c.label.startswith(PARTY_PREFIX) and c not in others]
    if not others:
        return False

    def pairs_with_other(coord: Cue) -> bool:
        for other in others:
            if not _same_clause(lex, doc, coord.start, other.start):
                continue
            if other.start >= coord.end and other.start - coord.end <= 6:
                window = [t.lower_ for t in doc[coord.end : other.start]]
                if "with" in window or "between" in window:
                    return True
            if other.end <= coord.start:
                clause_parties = [
                    p
                    for p in parties
                    if _same_clause(lex, doc, p.start, coord.start) and p.label.endswith("US")
                ]
                if not clause_parties:
                    return True
            for party in parties:
                lo, hi = sorted((party, other), key=lambda c: c.start)
                between = [t.lower_ for t in doc[lo.end : hi.start]]
                if between in (["and"], ["and", "the"]) and _same_clause(
                    lex, doc, lo.start, coord.start
                ):
                    return True
        return False

    paired = [pairs_with_other(c) for c in coordination]
    return all(paired) if every else any(paired)


SCOPED_LABELS = ("rejects", "opposes")
SCOPE_TARGETS = ("coordination", "proposes")
SCOPE_WINDOW = 8


def scoped(
    cues: list[Cue], analysed: Analysed | None = None, lex: StanceLexicon | None = None
) -> list[Cue]:
    """In a span with a coordination term, a rejection or opposition cue counts only when a
    coordination or proposal cue follows it (or, for opposition, precedes it: "sharing intelligence
    with Russia would make Washington complicit") within ``SCOPE_WINDOW`` tokens in the same clause
    ("rejects a Russian proposal", "opposition to joint operations"; not "groups that rejected
    the cease-fire", not "stop bombing the opposition, then we would be open to coordination")."""
    if not any(c.label == "coordination" for c in cues):
        return cues

    def in_scope(cue: Cue, target: Cue) -> bool:
        after = 0 <= target.start - cue.end <= SCOPE_WINDOW
        before = cue.label == "opposes" and 0 <= cue.start - target.end <= SCOPE_WINDOW
        if not (after or before):
            return False
        if analysed is None or lex is None:
            return True
        return _same_clause(lex, analysed.doc, cue.end, target.start)

    return [
        cue
        for cue in cues
        if cue.label not in SCOPED_LABELS
        or any(t.label in SCOPE_TARGETS and in_scope(cue, t) for t in cues)
    ]


def classify(
    cues: list[Cue],
    question: bool = False,
    analysed: Analysed | None = None,
    lex: StanceLexicon | None = None,
) -> str:
    """The stance of a text span from its cues (precedence in the module docstring).

    A question ("Did Russia conduct airstrikes in coordination with US?") is neutral; a denial
    that rests only on a negated coordination term under a hedge ("distrust would not allow to
    agree on joint operations") is commentary, hence neutral.
    """
    cues = scoped(cues, analysed, lex)
    present = {c.label for c in cues if not c.negated}
    negated = {c.label for c in cues if c.negated}
    if question:
        return "neutral"
    if "opposes" in present:
        return "opposes"
    if "conditional" in present:
        return "conditional"
    if "rejects" in present:
        return "rejects"
    if "denies" in present:
        return "denies"
    if negated & {"coordination", "proposes", "asserts"}:
        return "neutral" if "hedges" in present else "denies"
    if "proposes" in present:
        return "proposes"
    if "rejects" in negated or "opposes" in negated or "hedges" in present:
        return "neutral"
    if "coordination" in present:
        return "asserts"
    return "neutral"


def score(cues: list[Cue]) -> int:
    """How strongly a span is a coordination claim: cue count (used to rank fact-checked claims)."""
    return sum(
        1 for c in cues if c.label in CUE_LABELS or c.label.startswith(PARTY_PREFIX)
    ) + 2 * sum(1 for c in cues if c.label == "coordination")


def stance_of_text(text: str, kb: Knowledge) -> str:
    """Convenience: the stance of a short text on its own (no claim gating)."""
    lex = lexicon(kb)
    analysed = lex.analyse(text)
    return classify(analysed.cues, analysed=analysed, lex=lex)
