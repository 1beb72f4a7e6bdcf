"""Stance cues: spaCy ``PhraseMatcher`` rules built from ``analysis/data/stance.toml``.

The text is tokenised once with the blank English pipeline; every cue of the data file (coordination
terms, parties, negations, proposal/denial/rejection/condition/opposition cues, hedges, speech verbs)
becomes ``PhraseMatcher`` patterns (stems such as "coordinat*" are expanded to the forms met, so
matching stays hash-based and fast).  A negation reverses the first cue that follows it inside the same
clause within ``negation_window`` words ("is not coordinating" negates *coordinating*; "did not reject"
negates *reject*, so it is not a rejection).  ``classify`` then applies a fixed precedence:

opposes > conditional > rejects > denies > proposes > (negated rejection, hedge → neutral) > asserts
> neutral

with these refinements: a rejection or opposition cue counts only near a coordination/proposal cue in
its clause ("groups that rejected the cease-fire" is no rejection); rejecting a claim/report is a
denial; a denial resting only on a negated cue yields to an offer made earlier in the sentence, and
to a hedge (neutral); cues inside an ``ignore`` phrase ("declined to comment") do not count.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LENGTH, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.knowledge import Knowledge
from analysis.nlp import SHARED_DOC_CHARS, english, paragraph_doc, paragraph_spans, tokenise

STANCE_ORDER = ("opposes", "conditional", "rejects", "denies", "proposes", "asserts", "neutral")
CUE_LABELS = ("coordination", "proposes", "asserts", "denies", "rejects", "conditional", "opposes")
OTHER_LABELS = ("negation", "hedges", "speech", "ignore", "harms", "silence", "channel")
# "channel": a definite channel noun ("the line", "that channel"), a coordination term where the
# page has named the channel between the militaries before (see ``claims``)
NEGATABLE_LABELS = (*CUE_LABELS, "harms", "silence", "channel")  # a negation reverses these
PARTY_PREFIX = "party:"
WILDCARD = "_"  # in a cue phrase: any one word
FIRST_PERSON = "first_person"
DEFAULT_NEGATION_WINDOW = 4
DEFAULT_CARRY_WINDOW = 3
DEFAULT_MENTION_WINDOW = 3
DEFAULT_CONTEXT_WINDOW = 4
DEFAULT_PROPOSAL_WINDOW = 3
DEFAULT_CONSEQUENCE_WINDOW = 14
CONSEQUENCE_LABELS = ("harms", "opposes")
PART_MEMO_LIMIT = 8_192  # paragraphs whose cues a lexicon remembers
PAIR_SIDE = "pair"  # a party word naming both sides at once ("the two militaries")
ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})
_ANY_ODD_SPACE = re.compile("[\u00a0\u2009\u202f\u2007]")
DEFAULT_CAMEO = {
    "proposes": "0312",
    "asserts": "062",
    "denies": "016",
    "rejects": "1212",
    "conditional": "0312",
    "opposes": "111",
    "neutral": "010",
}


class Cue(NamedTuple):
    """One matched cue: its label and token/character span in the analysed text (a named
    tuple: a body has hundreds, rebuilt with shifted positions for every document)."""

    label: str
    start: int  # token index
    end: int  # token index (exclusive)
    char_start: int
    char_end: int
    negated: bool = False


@dataclass
class Analysed:
    """A tokenised text with its cues in token order.

    ``doc`` is the spaCy ``Doc`` of the text when it was tokenised in one piece; a text analysed
    paragraph by paragraph keeps no ``Doc`` (``None``) but the token indices of its commas."""

    doc: Doc | None
    cues: list[Cue]
    breaks: list[bool] = field(default_factory=list, repr=False)  # clause boundary per token
    _starts: list[int] = field(default_factory=list, repr=False)
    text: str = field(
        default="", repr=False
    )  # ``doc.text`` joined once (spaCy rebuilds it per access)
    commas: frozenset[int] | None = field(default=None, repr=False)
    # char_start of coordination terms that refer back to a channel named before ("the line")
    referred: frozenset[int] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        self.cues.sort(key=lambda c: (c.char_start, c.start, -(c.end - c.start), c.label))
        self._starts = [c.char_start for c in self.cues]
        if not self.text and self.doc is not None:
            self.text = self.doc.text

    def is_comma(self, token: int) -> bool:
        """Is the token at index ``token`` a comma?"""
        if self.commas is not None:
            return token in self.commas
        return self.doc is not None and self.doc[token].text == ","

    def words_between(self, left: Cue, right: Cue) -> list[str]:
        """Lower-cased words between two cues (a cheap look at the text, not the tokens)."""
        return self.text[left.char_end : right.char_start].lower().split()

    def cues_between(self, char_start: int, char_end: int) -> list[Cue]:
        """Cues lying inside [char_start, char_end), in text order."""
        first = bisect_left(self._starts, char_start)
        last = bisect_left(self._starts, char_end, lo=first)
        return [c for c in self.cues[first:last] if c.char_end <= char_end]


@dataclass(frozen=True)
class WordSpec:
    """One word of a cue phrase: literal, a ``stem*`` prefix, or a party word that may be glued to
    another by a hyphen ("U.S.-led")."""

    text: str
    stem: bool = False
    glue: bool = False
    case_sensitive: bool = False

    def variable(self) -> bool:
        return self.stem or self.glue

    def accepts(self, token_text: str) -> bool:
        """Does a token (as written) realise this word?  Only asked for variable words."""
        if self.stem:
            return token_text.lower().startswith(self.text)
        parts = token_text.split("-")
        if len(parts) < 2:
            return False
        wanted = self.text if self.case_sensitive else self.text.lower()
        seen = parts if self.case_sensitive else [p.lower() for p in parts]
        return wanted in seen


def phrase_words(phrase: str, *, party: bool = False) -> list[WordSpec]:
    """The words of a cue phrase as the blank English tokenizer splits them ("de-conflict*" stays
    one word here: optional hyphen tokens are added when patterns are expanded)."""
    tokens = english().make_doc(phrase.replace("*", "STEMMARK"))
    joined: list[str] = []
    for token in tokens:
        word = token.text.replace("STEMMARK", "*")
        if joined and (word == "-" or joined[-1].endswith("-")):
            joined[-1] += word
        elif word == "." and joined and "." in joined[-1].strip("."):
            # an abbreviation written in lower case ("u.s.") is split from its last period,
            # but a text's "U.S." is one token
            joined[-1] += word
        else:
            joined.append(word)
    specs: list[WordSpec] = []
    for word in joined:
        case_sensitive = party and any(ch.isupper() for ch in word)
        pieces = word.split("-") if "-" in word.strip("-") and not party else [word]
        for n, piece in enumerate(pieces):
            if n:
                specs.append(WordSpec("-"))
            stem = piece.endswith("*")
            text = piece.rstrip("*")
            specs.append(
                WordSpec(
                    text if case_sensitive else text.lower(),
                    stem=stem,
                    glue=party and not stem,
                    case_sensitive=case_sensitive,
                )
            )
    return specs


# determiners, the possessive ending and these linking words never take a hyphen next to them
NEVER_HYPHENATED = frozenset(
    ["the", "a", "an", "its", "their", "our", "his", "her", "any", "this", "these", "those"]
) | frozenset(["'s", "of", "with", "for", "from", "at", "and", "or"])


def _hyphen_variants(words: list[str]) -> list[list[str]]:
    """A phrase with and without a hyphen token between its words ("joint-operations"); none
    next to a determiner or a linking word ("the-Russians", "contacts-with" are not written),
    which keeps long phrases from multiplying into patterns no text holds."""
    variants: list[list[str]] = [[]]
    for n, word in enumerate(words):
        if (
            n
            and word != "-"
            and words[n - 1] != "-"
            and word.lower() not in NEVER_HYPHENATED
            and words[n - 1].lower() not in NEVER_HYPHENATED
        ):
            variants = [v + extra for v in variants for extra in ([word], ["-", word])]
        else:
            variants = [[*v, word] for v in variants]
    return variants


def _glued_after_a_period(words: list[str]) -> list[str] | None:
    """The phrase as the tokenizer reads a hyphen after an abbreviation's period: one token
    ("U.S.-Russian arrangement" is "U.S.-Russian", "arrangement"), or None when no such hyphen."""
    if "-" not in words:
        return None
    glued: list[str] = []
    changed = False
    for n, word in enumerate(words):
        if word == "-" and glued and glued[-1].endswith(".") and n + 1 < len(words):
            glued[-1] += "-"
            changed = True
        elif glued and glued[-1].endswith(".-"):
            glued[-1] += word
        else:
            glued.append(word)
    return glued if changed else None


@dataclass
class _Phrase:
    label: str
    specs: list[WordSpec]
    case_sensitive: bool


class StanceLexicon:
    """Cue matchers compiled from the knowledge base; one per process and ``kb.fingerprint``.

    Two spaCy ``PhraseMatcher`` s (``LOWER`` for cues, ``ORTH`` for case-sensitive party words)
    hold the literal phrases.  Phrases with a ``stem*`` or a glued party word are expanded lazily:
    the first time a token form is seen that realises such a word ("coordinating" for
    "coordinat*", "U.S.-led" for "U.S."), the concrete phrases are added to the matcher.
    Phrases with a wildcard word ("ask* _ to") are indexed by their first word: a token form
    is looked up once, and only the phrases it opens are checked against the tokens after it.
    """

    def __init__(self, kb: Knowledge) -> None:
        nlp = english()
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        # phrases with a "_" (any one word) in them, indexed by their first word
        self._gapped_words: dict[str, list[_Gapped]] = {}
        self._gapped_stems: dict[str, list[_Gapped]] = {}
        self._gapped_any: list[_Gapped] = []  # opening with the wildcard itself
        self._gapped_of: dict[int, tuple[_Gapped, ...]] = {}  # LOWER hash → phrases it opens
        self._variable: dict[WordSpec, set[str]] = {}  # variable word → forms seen so far
        self._phrases_of: dict[WordSpec, list[_Phrase]] = {}
        self._order: dict[WordSpec, int] = {}  # variable words in the order they were added
        self._stems: dict[str, list[WordSpec]] = {}  # stem text → its variable words
        self._glued: list[WordSpec] = []  # party words that may be glued by a hyphen
        self._seen_forms: set[str] = set()
        self._seen_hashes: set[int] = set()
        self._lock = threading.Lock()
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
        self.mention_window = int(rules.get("mention_window", DEFAULT_MENTION_WINDOW))
        self.clause_breaks = {str(w).lower() for w in rules.get("clause_breaks", [",", ";"])}
        self.split_before = sorted(
            (str(s) for s in rules.get("split_before", [])), key=len, reverse=True
        )
        self.claim_labels = [str(w) for w in rules.get("claim_labels", ["claim"])]
        self.claim_nouns = tuple(str(w).lower() for w in rules.get("claim_nouns", []))
        self.agreement_nouns = frozenset(str(w).lower() for w in rules.get("agreement_nouns", []))
        self.verdict_phrases = tuple(str(w).lower() for w in rules.get("verdict_phrases", []))
        self.circulating_sources = tuple(
            str(w).lower() for w in rules.get("circulating_sources", [])
        )
        self.circulating_verbs = tuple(str(w).lower() for w in rules.get("circulating_verbs", []))
        self.refusal_markers = tuple(str(w).lower() for w in rules.get("refusal_markers", []))
        self.future_refusals = tuple(str(w).lower() for w in rules.get("future_refusals", []))
        self.proposal_window = int(rules.get("proposal_window", DEFAULT_PROPOSAL_WINDOW))
        self.channel_anchors = tuple(str(w).lower() for w in rules.get("channel_anchors", []))
        self.contrast_openers = frozenset(str(w).lower() for w in rules.get("contrast_openers", []))
        self.refusals_after_target = frozenset(
            str(w).lower() for w in rules.get("refusals_after_target", [])
        )
        self.advice_words = frozenset(str(w).lower() for w in rules.get("advice_words", []))
        self.condition_openers = frozenset(
            str(w).lower() for w in rules.get("condition_openers", [])
        )
        self.consequence_links = frozenset(
            str(w).lower() for w in rules.get("consequence_links", [])
        )
        self.refusal_urgers = frozenset(str(w).lower() for w in rules.get("refusal_urgers", []))
        self.refused_pronouns = frozenset(str(w).lower() for w in rules.get("refused_pronouns", []))
        self.refused_while = frozenset(str(w).lower() for w in rules.get("refused_while", []))
        self.rhetorical_openers = tuple(str(w).lower() for w in rules.get("rhetorical_openers", []))
        self.rhetorical_views = frozenset(str(w).lower() for w in rules.get("rhetorical_views", []))
        self.open_questions = frozenset(str(w).lower() for w in rules.get("open_questions", []))
        self.hypothesis_words = frozenset(str(w).lower() for w in rules.get("hypothesis_words", []))
        self.time_openers = frozenset(str(w).lower() for w in rules.get("time_openers", []))
        self.ending_openers = tuple(str(w).lower() for w in rules.get("ending_openers", []))
        self.ending_verbs = frozenset(str(w).lower() for w in rules.get("ending_verbs", []))
        self.subordinate_openers = tuple(
            str(w).lower() for w in rules.get("subordinate_openers", [])
        )
        self.consequence_stops = frozenset(
            str(w).lower() for w in rules.get("consequence_stops", [])
        )
        self.consequence_window = int(rules.get("consequence_window", DEFAULT_CONSEQUENCE_WINDOW))
        self._break_hashes = {self.vocab.strings.add(w) for w in self.clause_breaks}
        self._comma_hash = self.vocab.strings.add(",")
        self._parts: dict[str, _Part] = {}
        # a cue phrase spanning lines could match across a paragraph break: no paragraph split
        self._phrase_spans_lines = any(
            "\n" in str(phrase)
            for group in (*cues.values(), *data.get("parties", {}).values())
            if isinstance(group, list)
            for phrase in group
        )
        cameo = data.get("cameo", {})
        self.cameo = {
            stance: str(cameo.get(stance, {}).get("code", default))
            for stance, default in DEFAULT_CAMEO.items()
        }

    def _add_exact(self, label: str, words: list[str]) -> None:
        """Lower-case words matched as written or capitalised ("we", "We"; never "US")."""
        forms = sorted({f for w in words for f in (str(w), str(w).capitalize()) if f.strip()})
        if forms:
            self.orth.add(label, [Doc(self.vocab, words=[form]) for form in forms])

    def _add(self, label: str, phrases: list[str], party: bool = False) -> None:
        for phrase in phrases:
            if not str(phrase).strip():
                continue
            if not party and WILDCARD in str(phrase).split():
                self._add_gapped(label, str(phrase))
                continue
            specs = phrase_words(str(phrase), party=party)
            case_sensitive = any(s.case_sensitive for s in specs)
            entry = _Phrase(label, specs, case_sensitive)
            variables = [s for s in specs if s.variable()]
            for spec in variables:
                if spec not in self._variable:
                    self._variable[spec] = set()
                    self._order[spec] = len(self._order)
                    if spec.stem:
                        self._stems.setdefault(spec.text, []).append(spec)
                    else:
                        self._glued.append(spec)
                self._phrases_of.setdefault(spec, []).append(entry)
            if party and not any(s.stem for s in specs):
                self._add_concrete(entry, [s.text for s in specs])  # the word as written
            elif not variables:
                self._add_concrete(entry, [s.text for s in specs])

    def _add_gapped(self, label: str, phrase: str) -> None:
        """A phrase with a wildcard word ("ask* _ to": "asked Washington to") is indexed by its
        first word (a word or a stem), so only the tokens that open one are looked at."""
        words = tuple(_gapped_word(word) for word in phrase.lower().split())
        entry = _Gapped(self.vocab.strings.add(label), words)
        kind, first = words[0]
        if kind == ANY_WORD:
            self._gapped_any.append(entry)
        else:
            index = self._gapped_stems if kind == STEM_WORD else self._gapped_words
            index.setdefault(first, []).append(entry)

    def _gapped_opened_by(self, form: str) -> tuple[_Gapped, ...]:
        """The wildcard phrases whose first word a token of lower-case ``form`` realises."""
        found = [*self._gapped_any, *self._gapped_words.get(form, ())]
        for end in range(1, len(form) + 1):
            found.extend(self._gapped_stems.get(form[:end], ()))
        return tuple(found)

    def gapped(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(label id, start, end) of every wildcard phrase in ``doc``: each token is looked up
        once per form (remembered), and the phrases it opens are checked word by word."""
        lowers = doc.to_array(LOWER).tolist()
        strings = self.vocab.strings
        found: list[tuple[int, int, int]] = []
        alpha: list[int] | None = None
        for start, key in enumerate(lowers):
            phrases = self._gapped_of.get(key)
            if phrases is None:
                phrases = self._gapped_opened_by(strings[key])
                self._gapped_of[key] = phrases
            for phrase in phrases:
                end = start + len(phrase.words)
                if end > len(lowers):
                    continue
                if alpha is None:
                    alpha = doc.to_array(IS_ALPHA).tolist()
                if all(
                    _fits(kind, text, strings[lowers[i]], alpha[i])
                    for i, (kind, text) in enumerate(phrase.words, start)
                ):
                    found.append((phrase.label, start, end))
        return found

    def _add_concrete(self, entry: _Phrase, words: list[str]) -> None:
        matcher = self.orth if entry.case_sensitive else self.lower
        variants = _hyphen_variants(words)
        glued = _glued_after_a_period(words)
        if glued is not None:
            variants.append(glued)
        patterns = [Doc(self.vocab, words=v) for v in variants]
        matcher.add(entry.label, patterns)

    def _learn(self, doc: Doc) -> None:
        """Register token forms that realise a stem or a glued party word (once per form)."""
        hashes = set(doc.to_array(ORTH).tolist()) - self._seen_hashes
        if not hashes:
            return
        with self._lock:
            self._seen_hashes |= hashes
            for form in sorted(self.vocab.strings[h] for h in hashes):
                self._seen_forms.add(form)
                touched: list[_Phrase] = []
                for spec in self._candidates(form):
                    key = form if spec.glue else form.lower()
                    if spec.accepts(form) and key not in self._variable[spec]:
                        if spec.glue and key == spec.text:
                            continue
                        self._variable[spec].add(key)
                        touched.extend(self._phrases_of[spec])
                for entry in touched:
                    self._expand_with(entry, form)

    def _candidates(self, form: str) -> list[WordSpec]:
        """The variable words ``form`` might realise: stems that are prefixes of it, and the
        glued party words when it holds a hyphen (an index, not a scan of every variable word)."""
        lowered = form.lower()
        found = [
            spec for end in range(len(lowered) + 1) for spec in self._stems.get(lowered[:end], ())
        ]
        if "-" in form:
            found += self._glued
        return sorted(found, key=self._order.__getitem__)

    def _expand_with(self, entry: _Phrase, form: str) -> None:
        """Expand ``entry`` only into the realisations that use the new ``form``."""
        lowered = form.lower()
        choices: list[list[str]] = []
        for spec in entry.specs:
            if spec.stem:
                forms = sorted(self._variable.get(spec, ()))
                if not forms:
                    return
                choices.append(forms)
            elif spec.glue:
                choices.append([spec.text, *sorted(self._variable.get(spec, ()))])
            else:
                choices.append([spec.text])
        combos: list[list[str]] = [[]]
        for options in choices:
            combos = [[*c, o] for c in combos for o in options]
        for words in combos:
            if form in words or lowered in words:
                self._add_concrete(entry, words)

    def analyse(self, text: str) -> Analysed:
        """Find every cue of ``text``, with negation applied.

        The text is analysed paragraph by paragraph (blank-line separated), each paragraph's cues
        remembered (a corpus repeats paragraphs), then the paragraphs' token indices are shifted
        to those of the whole text and negation is applied across the whole text: the result is
        the one ``analyse_whole`` gives."""
        text = _plain_spaces(text)  # same length: offsets hold
        if self._phrase_spans_lines:
            return self.analyse_whole(text)
        cues: list[Cue] = []
        breaks: list[bool] = []
        commas: set[int] = set()
        matched = False
        position = 0  # characters of ``text`` already tokenised
        for start, end in paragraph_spans(text):
            breaks.extend(self._gap_breaks(text[position:start], position == 0))
            shift = len(breaks)  # tokens before the paragraph
            part = self._paragraph_part(text[start:end])
            matched = matched or part.matched
            cues.extend(
                Cue(
                    c.label,
                    c.start + shift,
                    c.end + shift,
                    c.char_start + start,
                    c.char_end + start,
                )
                for c in part.cues
            )
            breaks.extend(part.breaks)
            commas.update(i + shift for i in part.commas)
            position = end
        if not matched:
            return Analysed(None, [], breaks=[], text=text)
        if position < len(text):
            breaks.extend(self._gap_breaks(text[position:], position == 0, trailing=True))
        return Analysed(
            None,
            self._apply_negation(breaks, cues, text),
            breaks=breaks,
            text=text,
            commas=frozenset(commas),
        )

    def _paragraph_part(self, paragraph: str) -> _Part:
        """The cues (before negation), clause breaks and comma positions of one paragraph,
        remembered per paragraph text."""
        part = self._parts.get(paragraph)
        if part is None:
            doc = (  # the tokens the sentence splitter made of it (read, never changed)
                paragraph_doc(paragraph)
                if len(paragraph) <= SHARED_DOC_CHARS
                else tokenise(paragraph)
            )
            self._learn(doc)
            analysed = self._cues_of(doc, paragraph)
            orths = doc.to_array(ORTH).tolist()
            part = _Part(
                matched=bool(analysed.breaks),
                cues=tuple(analysed.cues),
                breaks=tuple(analysed.breaks) if analysed.breaks else tuple(self._break_flags(doc)),
                commas=tuple(i for i, h in enumerate(orths) if h == self._comma_hash),
            )
            if len(self._parts) >= PART_MEMO_LIMIT:
                self._parts.clear()
            self._parts[paragraph] = part
        return part

    @staticmethod
    @lru_cache(maxsize=1024)
    def _gap_tokenised(gap: str, leading: bool, trailing: bool) -> tuple[str, ...]:
        """The tokens the tokenizer makes of white space ``gap`` between two paragraphs (or
        before the first, or after the last): a lone space is trailing white space of the word
        before it, other white space runs are tokens."""
        if not gap:
            return ()
        before, after = ("" if leading else "a"), ("" if trailing else "a")
        tokens = [t.text for t in english().make_doc(f"{before}{gap}{after}")]
        return tuple(tokens[len(before) > 0 : len(tokens) - (len(after) > 0)])

    def _gap_breaks(self, gap: str, leading: bool, trailing: bool = False) -> list[bool]:
        tokens = self._gap_tokenised(gap, leading, trailing)
        return [token.lower() in self.clause_breaks for token in tokens]

    def analyse_whole(self, text: str) -> Analysed:
        """Tokenise ``text`` in one piece and find every cue, with negation applied."""
        text = _plain_spaces(text)  # same length: offsets hold
        doc = tokenise(text)
        self._learn(doc)
        analysed = self._cues_of(doc, text)
        if not analysed.breaks:
            return analysed
        return Analysed(
            doc,
            self._apply_negation(analysed.breaks, analysed.cues, text),
            breaks=analysed.breaks,
            text=text,
        )

    def _cues_of(self, doc: Doc, text: str) -> Analysed:
        """Every cue of ``doc`` before negation, with the clause breaks (no breaks when nothing
        matched at all)."""
        seen: set[tuple[str, int, int]] = set()
        cues: list[Cue] = []
        matches = [*self.lower(doc), *self.orth(doc), *self.gapped(doc)]
        if not matches:
            return Analysed(doc, [], breaks=[], text=text)
        # int64 first: turning a uint64 array into Python ints is several times slower
        table = doc.to_array([IDX, LENGTH, IS_LOWER]).astype("int64").tolist()
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2], m[0])):
            label = self.vocab.strings[match_id]
            if (label, start, end) in seen:
                continue
            seen.add((label, start, end))
            if (
                (label == "speech" or (label == "hedges" and end - start == 1))
                and not table[start][2]
                and not _opens_sentence(text, table[start][0])
            ):
                continue  # "States" in "United States" is not a speech verb; "According to" is;
                # "May" in "in late May" is the month, not a hedge
            char_end = table[end - 1][0] + table[end - 1][1]
            cues.append(Cue(label, start, end, table[start][0], char_end))
        cues.sort(key=lambda c: (c.start, -(c.end - c.start), c.label))
        cues = _dedupe_starts(cues)
        cues = _drop_ignored(_drop_nested(cues), self._asks_at(text))
        return Analysed(doc, cues, breaks=self._break_flags(doc), text=text)

    def _asks_at(self, text: str) -> Callable[[Cue], bool]:
        """Is a cue of ``text`` an open question's word ("whether")?"""

        def asks(cue: Cue) -> bool:
            return (
                cue.label == "hedges"
                and text[cue.char_start : cue.char_end].lower() in self.open_questions
            )

        return asks

    def _break_flags(self, doc: Doc) -> list[bool]:
        """For each token: is it a clause boundary ("," ";" "but" …)?"""
        return [h in self._break_hashes for h in doc.to_array(LOWER).tolist()]

    def _apply_negation(self, breaks: list[bool], cues: list[Cue], text: str) -> list[Cue]:
        """Mark the first stance/coordination cue after each negation (same clause, near; a
        sentence opening with "No …" negates its whole first clause: "No intelligence on Islamic
        State positions has been handed to the Russian military")."""
        negated: set[int] = set()
        hedged = [(c.start, c.end) for c in cues if c.label == "hedges" and c.end - c.start > 1]
        for position, neg in enumerate(cues):
            if neg.label != "negation":
                continue
            if any(a <= neg.start and neg.end <= b for a, b in hedged):
                continue  # "it is not clear whether …": the negation belongs to the hedge
            window = self.negation_window
            if _negates_the_subject(text, neg):
                window = SUBJECT_NEGATION_WINDOW
            for index in range(position + 1, len(cues)):
                cue = cues[index]
                if cue.start < neg.end or cue.label not in NEGATABLE_LABELS:
                    continue
                if cue.start - neg.end > window or any(breaks[neg.end : cue.start]):
                    break
                if cue.label == "conditional" and (
                    text[cue.char_start : cue.char_end].lower() in UNNEGATED_CONDITIONS
                ):
                    break  # "will not happen until Russia grounds …": the verb is negated
                negated.add(index)
                break
        return [
            Cue(c.label, c.start, c.end, c.char_start, c.char_end, negated=True)
            if i in negated
            else c
            for i, c in enumerate(cues)
        ]


# conditions a negation before them does not reverse: it reverses the verb they depend on
UNNEGATED_CONDITIONS = frozenset(["until", "unless"])

ANY_WORD, STEM_WORD, PLAIN_WORD = "any", "stem", "word"


class _Gapped(NamedTuple):
    """A cue phrase with a wildcard: its label's string id and its words as (kind, text)."""

    label: int
    words: tuple[tuple[str, str], ...]


def _gapped_word(word: str) -> tuple[str, str]:
    """One word of a wildcard phrase: "_" any one word, ``stem*`` a word beginning, else a word."""
    if word == WILDCARD:
        return ANY_WORD, ""
    if word.endswith("*"):
        return STEM_WORD, word.rstrip("*")
    return PLAIN_WORD, word


def _fits(kind: str, text: str, lower: str, is_alpha: int) -> bool:
    """Does a token (its lower-case form and whether it is alphabetic) realise a phrase word?"""
    if kind == ANY_WORD:
        return bool(is_alpha)
    if kind == STEM_WORD:
        return lower.startswith(text)
    return lower == text


SUBJECT_NEGATORS = frozenset(["no", "zero", "at no point", "at no time", "not once", "never once"])
SUBJECT_NEGATION_WINDOW = 12


def _negates_the_subject(text: str, neg: Cue) -> bool:
    """A "No" or "Zero" that opens a sentence negates its subject, hence the whole clause; so
    does an opening "At no point" ("At no point did any American commander sit down with …")."""
    word = text[neg.char_start : neg.char_end].lower()
    return word in SUBJECT_NEGATORS and _opens_sentence(text, neg.char_start)


def _opens_sentence(text: str, char_start: int) -> bool:
    """Does the word at ``char_start`` open a sentence (text start, or after . ! ? : or a line
    break, opening quote marks aside)?"""
    before = text[max(0, char_start - 4) : char_start].rstrip(" \u201c\"'\u2018")
    return not before or before[-1] in ".!?:\n"


def _plain_spaces(text: str) -> str:
    """``text`` with no-break and thin spaces as plain spaces (translated only when it has one:
    ``str.translate`` is slow on non-ASCII text)."""
    return text.translate(ODD_SPACES) if _ANY_ODD_SPACE.search(text) else text


@dataclass(frozen=True)
class _Part:
    """One paragraph's analysis, token indices and offsets relative to the paragraph."""

    matched: bool  # did any phrase match (before filtering)?
    cues: tuple[Cue, ...]  # before negation
    breaks: tuple[bool, ...]
    commas: tuple[int, ...]  # token indices of commas


def _dedupe_starts(cues: list[Cue]) -> list[Cue]:
    """One cue per label and start token: the longest (cues are sorted longest first)."""
    kept: list[Cue] = []
    starts: set[tuple[str, int]] = set()
    for cue in cues:
        if (cue.label, cue.start) not in starts:
            starts.add((cue.label, cue.start))
            kept.append(cue)
    return kept


def _drop_ignored(cues: list[Cue], asks: Callable[[Cue], bool] | None = None) -> list[Cue]:
    """Cues inside an ``ignore`` phrase ("declined to comment", "the opposition") do not count,
    except party words and an open question's word ("whether" of "whether _ should": the advice
    is ignored, the question it asks stays)."""
    ignored = [(c.start, c.end) for c in cues if c.label == "ignore"]
    if not ignored:
        return cues
    return [
        c
        for c in cues
        if c.label != "ignore"
        and (
            c.label.startswith(PARTY_PREFIX)
            or (asks is not None and asks(c))
            or not any(a <= c.start and c.end <= b for a, b in ignored)
        )
    ]


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """A cue inside a longer cue of the same label counts once (e.g. "joint air strike")."""
    kept: list[Cue] = []
    reach: dict[str, int] = {}  # label → furthest end of a kept cue (cues come sorted by start)
    for cue in cues:
        if cue.end <= reach.get(cue.label, -1):
            continue
        reach[cue.label] = max(reach.get(cue.label, -1), cue.end)
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


def _same_clause(analysed: Analysed, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return not any(analysed.breaks[lo:hi])


PARTNER_WORDS = frozenset(["with", "alongside"])


def _ends_with_a_partner_word(coord: Cue, analysed: Analysed) -> bool:
    """Does the coordination cue hold its own "with" ("work with", "fight alongside"), so that the
    party right after it is the partner ("the US should work with Turkey")?"""
    words = analysed.text[coord.char_start : coord.char_end].lower().split()
    return bool(words) and words[-1] in PARTNER_WORDS


def _partnered_with_the_pair(
    coordination: list[Cue], parties: list[Cue], analysed: Analysed
) -> bool:
    """Is a party of the pair named right after a coordination term's own "with"?"""
    return any(
        _ends_with_a_partner_word(coord, analysed)
        and any(0 <= party.start - coord.end <= 2 for party in parties)
        for coord in coordination
    )


PARTNER_REACH = 8  # tokens from a coordination term to the partner after its "with"


def _partner_after_without_russia(coord: Cue, parties: list[Cue], analysed: Analysed) -> bool:
    """A third state before the term and the US after its "with", with Russia not named in the
    clause ("Iran had never coordinated its own operations in Syria with the United States"):
    the third state and the US are the partners."""
    clause = [p for p in parties if _same_clause(analysed, p.start, coord.start)]
    if any(p.label.endswith("Russia") or p.label.endswith(PAIR_SIDE) for p in clause):
        return False
    return any(
        p.label.endswith("US")
        and 0 <= p.start - coord.end <= PARTNER_REACH
        and "with" in analysed.words_between(coord, p)
        for p in clause
    )


def third_party_partner(
    lex: StanceLexicon, analysed: Analysed, cues: list[Cue], every: bool = True
) -> bool:
    """True when the coordination cues pair a third state with a party, not the US with Russia:
    all of them (``every``, used when both the US and Russia are named) or any of them.

    Patterns: "<coordination> … with <other>", "<other> … <coordination> with <Russia>" (US not
    named in the clause), "<party> and <other>" in the clause of the coordination term.
    """
    coordination = [c for c in cues if c.label == "coordination"]
    if not coordination:
        return False
    others = [c for c in cues if c.label == PARTY_PREFIX + "other"]
    parties = [c for c in cues if c.label.startswith(PARTY_PREFIX) and c not in others]
    if not others:
        return False

    # "work with Turkey" pairs with a third state, unless another term of the unit is done with
    # one of the pair ("partnering with Putin would be like partnering with Assad himself")
    own_with = not _partnered_with_the_pair(coordination, parties, analysed)

    def pairs_with_other(coord: Cue) -> bool:
        for other in others:
            if not _same_clause(analysed, coord.start, other.start):
                continue
            if other.start >= coord.end and other.start - coord.end <= 6:
                window = analysed.words_between(coord, other)
                partners_first = any(coord.end <= p.start < other.start for p in parties)
                if (
                    "with" in window
                    or "between" in window
                    or (own_with and _ends_with_a_partner_word(coord, analysed))
                ) and not partners_first:
                    return (
                        True  # not "coordination between Washington and Moscow that left Iran out"
                    )
            if other.end <= coord.start:
                clause_parties = [
                    p
                    for p in parties
                    if _same_clause(analysed, p.start, coord.start) and p.label.endswith("US")
                ]
                if not clause_parties:
                    return True
                if _partner_after_without_russia(coord, parties, analysed):
                    return True  # "Iran had never coordinated its operations with the US"
            for party in parties:
                lo, hi = sorted((party, other), key=lambda c: c.start)
                between = analysed.words_between(lo, hi)
                if between in (["and"], ["and", "the"]) and _same_clause(
                    analysed, lo.start, coord.start
                ):
                    return True
        return False

    paired = [pairs_with_other(c) for c in coordination]
    return all(paired) if every else any(paired)


SCOPED_LABELS = ("rejects", "opposes")
SCOPE_TARGETS = ("coordination", "proposes")
SCOPE_WINDOW = 8
# a refusal said after what it refuses has the refuser's name between ("Shoigu's letter proposing
# joint planning for the battle of Raqqa, Defense Secretary Jim Mattis has yet to reply")
VERDICT_WINDOW = 14
# a ban names whom it binds before what it bans ("barring the Defense Department from using any of
# its funds to share intelligence")
BAN_WINDOW = 12


def scoped(
    cues: list[Cue], analysed: Analysed | None = None, lex: StanceLexicon | None = None
) -> list[Cue]:
    """In a span with a coordination term, a rejection or opposition cue counts only when a
    coordination or proposal cue follows it (or, for opposition, precedes it: "sharing intelligence
    with Russia would make Washington complicit") within ``SCOPE_WINDOW`` tokens in the same clause
    ("rejects a Russian proposal", "opposition to joint operations"; not "groups that rejected
    the cease-fire", not "stop bombing the opposition, then we would be open to coordination").
    An opposition cue after its target may be a comma away ("is not a partnership, it is a
    surrender")."""
    if not any(c.label == "coordination" for c in cues):
        return cues

    def in_scope(cue: Cue, target: Cue) -> bool:
        if cue.start < target.start < cue.end:
            return True  # the cue names what it refuses or opposes ("let the proposal die",
            # "against sharing intelligence")
        after = (
            0 <= target.start - cue.end <= (BAN_WINDOW if cue.label == "opposes" else SCOPE_WINDOW)
        )
        verdict = _verdict_on_what_came(cue, analysed, lex)
        before = (cue.label == "opposes" or _passive(cue, analysed) or verdict) and (
            0 <= cue.start - target.end <= (VERDICT_WINDOW if verdict else SCOPE_WINDOW)
        )
        if not (after or before):
            return _answers_an_offer_before_it(cue, target, analysed, lex)
        if analysed is None or lex is None:
            return True
        if before and not after:  # a verdict on what was just named: "…, it is a surrender"
            return _commas_only_between(analysed, target.end, cue.start)
        return _same_clause(analysed, cue.end, target.start)

    return [
        cue
        for cue in cues
        if cue.label not in SCOPED_LABELS
        or any(t.label in SCOPE_TARGETS and in_scope(cue, t) for t in cues)
        or _answers_a_proposal_by_pronoun(cue, analysed, lex)
    ]


def _answers_an_offer_before_it(
    cue: Cue, target: Cue, analysed: Analysed | None, lex: StanceLexicon | None
) -> bool:
    """ "The Pentagon weighed Moscow's offer of joint strikes and chose to keep its campaign
    separate": a refusal a few words after the offer it answers, the second verb of the offer's
    clause (an "and" between, no relative clause: not "the proposed strikes would target groups
    that rejected the cease-fire"; an offer, not advice: not "should drop the idea")."""
    if cue.label != "rejects" or target.label != "proposes" or analysed is None or lex is None:
        return False
    if not 0 <= cue.start - target.end <= VERDICT_WINDOW:
        return False
    if _cue_text(target, analysed) in lex.advice_words:
        return False
    between = [w.lower() for w in analysed.words_between(target, cue)]
    if "and" not in between or any(w in lex.consequence_stops for w in between):
        return False
    return _same_clause(analysed, target.end, cue.start)


def _consequence_of(
    target: Cue, cue: Cue, analysed: Analysed | None, lex: StanceLexicon | None
) -> bool:
    """Is ``cue`` a consequence said of the coordination ``target`` before it: the two linked
    by a modal or a copula ("partnering with Moscow would make Washington complicit", "a joint
    cell would hand the Kremlin a veto", "any joint command is a trap"), within
    ``consequence_window`` tokens, commas only between, no condition or negation in between,
    and not asked about ("whether …")?"""
    if analysed is None or lex is None or not lex.consequence_links:
        return False
    if target.label != "coordination" or target.negated:
        return False
    if not 0 <= cue.start - target.end <= lex.consequence_window:
        return False
    if not _commas_only_between(analysed, target.end, cue.start):
        return False
    between = analysed.text[target.char_end : cue.char_start].lower()
    segments = between.split(",")
    if not any(w.strip(",'’\"“”") in lex.consequence_links for w in between.split()):
        return False
    outside = [*segments[0].split(), *(segments[-1].split() if len(segments) > 1 else [])]
    if any(w.strip(",'’\"“”") in lex.consequence_stops for w in outside):
        return False  # "… on a strategy that we believe is wrong-headed": said of something else
    if _asked_whether(target, analysed, lex):
        return False  # "Whether deeper deconfliction would give Moscow a window … is open"
    return not any(  # "… would not give Moscow a veto", "… would, if Moscow …"
        c.label in {"conditional", "negation"}
        for c in analysed.cues_between(target.char_end, cue.char_start)
    )


def _asked_whether(target: Cue, analysed: Analysed, lex: StanceLexicon) -> bool:
    """Is the coordination term inside an open question ("whether …") of its own clause?"""
    clause_start = target.start
    while clause_start > 0 and not analysed.breaks[clause_start - 1]:
        clause_start -= 1
    return any(
        c.label == "hedges" and _cue_text(c, analysed) in lex.open_questions
        for c in analysed.cues
        if clause_start <= c.start < target.start
    )


ASKABLE_LABELS = frozenset(["proposes", "asserts", "denies", "rejects", "opposes"])


def _without_asked_cues(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """Stance cues after an open question's word in its clause are asked about, not said
    ("Whether deconfliction would make pilots safer or merely give Russia a window … is an open
    question"; "Kirby would not say whether Washington would reject the offer")."""
    if analysed is None or lex is None or not lex.open_questions:
        return cues
    asks = [c for c in cues if c.label == "hedges" and _cue_text(c, analysed) in lex.open_questions]
    if not asks:
        return cues
    return [
        c
        for c in cues
        if c.label not in ASKABLE_LABELS
        or not any(a.end <= c.start and _same_clause(analysed, a.end, c.start) for a in asks)
    ]


MODAL_HEDGES = frozenset(["could", "would", "may", "might"])


def _only_modal_hedges(cues: list[Cue], analysed: Analysed | None) -> bool:
    """Are the span's hedges only modals ("could", "would"), no commentator's ("experts
    believe")?"""
    return analysed is not None and all(
        _cue_text(c, analysed) in MODAL_HEDGES for c in cues if c.label == "hedges"
    )


def _asks(cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None) -> bool:
    """Does the span hold an open question's word ("whether the two militaries can cooperate")?"""
    if analysed is None or lex is None:
        return False
    return any(c.label == "hedges" and _cue_text(c, analysed) in lex.open_questions for c in cues)


def _silence_as_refusal(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """A proposal left unanswered is refused: a ``silence`` cue is a rejection cue here (it makes
    no claim on its own, unlike a rejection), unless an offer precedes it in the span ("Russia is
    ready to exchange information …, adding that Washington has not responded to its proposals":
    the offer is the claim, the silence its background; "left Moscow's proposal unanswered"
    names in its own clause what went unanswered)."""
    if not any(c.label == "silence" for c in cues):
        return cues
    converted = []
    for cue in cues:
        if cue.label == "silence":
            answers = _refuses_a_pronoun(cue, analysed, lex)  # "…, which has not acted on it"
            if not answers and any(_offer_before(c, cue, cues, analysed) for c in cues):
                continue
            cue = cue._replace(label="rejects")
        converted.append(cue)
    return converted


def _offer_before(offer: Cue, silence: Cue, cues: list[Cue], analysed: Analysed | None) -> bool:
    """Is ``offer`` an offer made in a clause before the ``silence`` cue's, the silence added by
    a speech verb between them ("…, the Russian military said, adding that Washington has not
    replied")?  An offer only named before the silence ("Three weeks after Shoigu's letter
    proposing joint planning, Mattis has yet to reply") is what went unanswered."""
    if offer.label != "proposes" or offer.negated or offer.end > silence.start:
        return False
    if analysed is None:
        return True
    return not _same_clause(analysed, offer.end, silence.start) and any(
        c.label == "speech" and offer.end <= c.start < silence.start for c in cues
    )


NO_AS_ANSWER_AFTER = frozenset(
    # "said no to", "said no on Friday to", "said no again", "said no flatly"
    ["to", "thanks", "thank", "on", "again", "today", "yesterday", "flatly", "firmly", "outright"]
)


def _no_before_a_noun(cues: list[Cue], analysed: Analysed | None) -> list[Cue]:
    """ "Saying no" refuses when "no" is the answer ("U.S. says no", "said no to the offer"), not
    when it is the determiner of what follows ("saying no flight plans had been swapped")."""
    if analysed is None:
        return cues
    kept = []
    for cue in cues:
        if cue.label == "rejects" and _cue_text(cue, analysed).endswith(" no"):
            following = analysed.text[cue.char_end : cue.char_end + 16]
            word = re.match(r" (\w+)", following)
            if word is not None and word.group(1).lower() not in NO_AS_ANSWER_AFTER:
                continue
        kept.append(cue)
    return kept


def _argues_consequences(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> bool:
    """Does the span argue against coordination through what it would lead to: a harm or a
    verdict said of a coordination term ("joining forces with Moscow would hand the Kremlin a
    veto", "a joint cell would make Washington complicit")?  Weaker than an explicit refusal or
    condition in the same span."""
    targets = [c for c in cues if c.label == "coordination" and not c.negated]
    return bool(targets) and any(
        cue.label in CONSEQUENCE_LABELS
        and not cue.negated
        and any(_consequence_of(t, cue, analysed, lex) for t in targets)
        for cue in cues
    )


def _answers_a_proposal_by_pronoun(
    cue: Cue, analysed: Analysed | None, lex: StanceLexicon | None
) -> bool:
    """A refusal whose object is a pronoun answers the proposal or coordination named before it
    in its sentence, whoever made it ("Asked about Shoigu's offer, … said the department would not
    be taking it up"; "A common front on Russia's terms …, and we have flatly rejected that")."""
    if cue.label != "rejects" or analysed is None or not _refuses_a_pronoun(cue, analysed, lex):
        return False
    opening = max(analysed.text.rfind(mark, 0, cue.char_start) for mark in ".!?\n") + 1
    return any(
        c.label in SCOPE_TARGETS and not c.negated
        for c in analysed.cues_between(opening, cue.char_start)
    )


def _refuses_a_pronoun(cue: Cue, analysed: Analysed | None, lex: StanceLexicon | None) -> bool:
    """Is the object of a refusal a pronoun ("turned it down", "rejected it", "not be taking it
    up", "no plans to take it up"), standing for the proposal named before it in the span?"""
    if analysed is None or lex is None or not lex.refused_pronouns:
        return False
    inside = _cue_text(cue, analysed).split()[1:]
    rest = re.split(r"[,.;:!?]", analysed.text[cue.char_end : cue.char_end + 24], maxsplit=1)[0]
    after = rest.lower().split()[:3]
    if any(w in lex.refused_pronouns for w in (*inside, *after[:1])):
        return True  # "turned it down", "rejected that"
    return any(w in OBJECT_PRONOUNS for w in after[1:])  # "no plans to take it up"


OBJECT_PRONOUNS = frozenset(["it", "them"])  # never determiners ("suspending talks this week")


def _verdict_on_what_came(cue: Cue, analysed: Analysed | None, lex: StanceLexicon | None) -> bool:
    """A refusal said after what it refuses ("thrown Russian proposals for joint strikes into
    the wastebasket", "joint patrols are off the table")."""
    if analysed is None or lex is None:
        return False
    return _cue_text(cue, analysed) in lex.refusals_after_target


PASSIVE_AUXILIARIES = re.compile(
    r"(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def in_passive_voice(text: str, char_start: int) -> bool:
    """Is the cue starting at ``char_start`` a participle after a form of "be" ("was turned down",
    "were quickly rejected")?"""
    return PASSIVE_AUXILIARIES.search(text[max(0, char_start - 24) : char_start]) is not None


def _passive(cue: Cue, analysed: Analysed | None) -> bool:
    """A rejection in the passive voice follows what it rejects ("Moscow's offer of joint strikes
    was turned down by the Pentagon", "the proposal was quickly rejected")."""
    if cue.label != "rejects" or analysed is None:
        return False
    return in_passive_voice(analysed.text, cue.char_start)


def _commas_only_between(analysed: Analysed, start: int, end: int) -> bool:
    """No clause boundary but commas between two token positions."""
    return all(analysed.is_comma(i) for i in range(start, end) if analysed.breaks[i])


DENIAL_VERBS = ("deni", "deny")


def _without_denials_of_other_things(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """A denial whose own clause names something else, with every coordination term of the span
    in a later clause, is about that something else ("Moscow denied that its jets struck the aid
    convoy, as Russian and American officers kept talking over the deconfliction line")."""
    if analysed is None or lex is None:
        return cues
    kept = []
    for cue in cues:
        if (
            cue.label == "denies"
            and not cue.negated
            and _denies_something_else(cue, cues, analysed, lex)
        ):
            continue
        kept.append(cue)
    return kept


def _denies_something_else(
    cue: Cue, cues: list[Cue], analysed: Analysed, lex: StanceLexicon
) -> bool:
    if not _cue_text(cue, analysed).startswith(DENIAL_VERBS):
        return False
    end = next((i for i in range(cue.end, len(analysed.breaks)) if analysed.breaks[i]), None)
    if end is None:
        return False
    terms = [c for c in cues if c.label == "coordination"]
    if not terms or any(t.start < end for t in terms):
        return False  # a coordination term before the denial or in its clause: it is denied
    clause = analysed.text[cue.char_end : analysed.text.find(",", cue.char_end)].lower().split()
    if len(clause) < 3 or clause[0] in OBJECT_PRONOUNS:
        return False  # "denied it, saying …": what follows says what was denied
    return not any(w.startswith(lex.claim_nouns) for w in clause)


def _urged_refusals_as_opposition(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """Urging someone to refuse ("urged the Obama White House to reject any joint targeting
    arrangement") argues against coordination: the refusal cue is an opposition cue."""
    if analysed is None or lex is None or not lex.refusal_urgers:
        return cues
    converted = []
    for cue in cues:
        if cue.label == "rejects" and not cue.negated:
            before = re.split(
                r"[,;:.!?]", analysed.text[max(0, cue.char_start - 60) : cue.char_start]
            )
            words = before[-1].lower().split()[-7:]
            if words[-1:] == ["to"] and any(w in lex.refusal_urgers for w in words[:-1]):
                cue = cue._replace(label="opposes")
        converted.append(cue)
    return converted


UNWILLING = ("want to", "wanted to", "willing to")


def _unwilling_to_end_it(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """Unwillingness to end the contact ("Moscow does not want to break the channel for good")
    is a wish to keep it: the refusal cue becomes a proposal."""
    if analysed is None or lex is None or not lex.ending_verbs:
        return cues
    converted = []
    for cue in cues:
        if cue.label == "rejects" and not cue.negated:
            said = analysed.text[cue.char_start : cue.char_end].lower()
            following = analysed.text[cue.char_end : cue.char_end + 20].lower().split()[:1]
            if said.endswith(UNWILLING) and following and following[0] in lex.ending_verbs:
                cue = cue._replace(label="proposes")
        converted.append(cue)
    return converted


def _rejected_claims_as_denials(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """Rejecting a claim, report or allegation is a denial ("flatly rejected Russian claims that
    the two militaries carried out joint strikes"), not the refusal of a proposal."""
    if analysed is None or lex is None or not lex.claim_nouns:
        return cues
    converted = []
    for cue in cues:
        if cue.label == "rejects" and not cue.negated:
            following = analysed.text[cue.char_end : cue.char_end + 40].lower().split()[:3]
            if any(w.strip(",.;:").startswith(lex.claim_nouns) for w in following) or (
                _claim_noun_heads(analysed.text[: cue.char_start], lex.claim_nouns)
            ):
                cue = Cue("denies", cue.start, cue.end, cue.char_start, cue.char_end)
        converted.append(cue)
    return converted


CLAIM_RELATIVE = re.compile(r"^\W*(?:a|an|the|that|this|such)\s+(\w+)\b")


def _claim_noun_heads(before: str, claim_nouns: tuple[str, ...]) -> bool:
    """The rejected thing is a claim named before the rejecting clause ("…, a claim the Pentagon
    quickly rejected", "a report that Moscow denied"): the clause opens with that noun."""
    clause = re.split(r"[,;:.!?—–]", before)[-1]
    match = CLAIM_RELATIVE.match(clause)
    return match is not None and match.group(1).lower().startswith(claim_nouns)


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
    labels = {c.label for c in cues}  # the helpers below only run when they can apply
    if "rejects" in labels:
        cues = _no_before_a_noun(cues, analysed)
    if "silence" in labels:
        cues = _silence_as_refusal(cues, analysed, lex)
    if "hedges" in labels:
        cues = _without_asked_cues(cues, analysed, lex)
    if "rejects" in labels:
        cues = _urged_refusals_as_opposition(cues, analysed, lex)
        cues = _unwilling_to_end_it(cues, analysed, lex)
    if "denies" in labels and "coordination" in labels:
        cues = _without_denials_of_other_things(cues, analysed, lex)
    cues = _rejected_claims_as_denials(cues, analysed, lex)
    if "proposes" in labels:
        cues = _without_agreed_infinitives(cues, analysed)
    if "conditional" in labels:
        cues = _without_dependence_of_open_questions(cues, analysed)
        cues = _without_conditions_of_agreements(cues, analysed)
    consequence = "coordination" in labels and _argues_consequences(cues, analysed, lex)
    cues = scoped(cues, analysed, lex)
    cues = _without_negated_hedges(_answered_no(cues, analysed))
    if "hedges" in labels and "coordination" in labels:
        cues = _without_modals_of_subordinate_clauses(cues, analysed, lex)
        cues = _without_hedges_of_time_clauses(cues, analysed, lex)
    present = {c.label for c in cues if not c.negated}
    negated = {c.label for c in cues if c.negated}
    if question:
        return "neutral"
    if "opposes" in present:
        if analysed is not None and lex is not None:
            if _opposed_until_a_condition(cues, analysed, lex):
                return "conditional"
            if _harm_of_ending_it(cues, analysed, lex):
                return "proposes"
        return "opposes"
    if "conditional" in present:
        if analysed is not None and lex is not None and _harm_if_coordinated(cues, analysed, lex):
            return "opposes"
        if _counterfactual(cues, analysed):
            return "denies"
        return "conditional"
    if "rejects" in present:
        return "rejects"
    if analysed is not None and lex is not None and _opens_with_a_condition(cues, analysed, lex):
        return "conditional"
    if analysed is not None and lex is not None and _refused_while(cues, analysed, lex):
        return "conditional"
    if consequence:
        return "opposes"
    if "coordination" in negated and _forbidden(cues, analysed):
        return "opposes"
    if "denies" in present:
        if (
            analysed is not None
            and lex is not None
            and _belief_denied_before_advice(cues, analysed, lex)
        ):
            return "opposes"
        return "denies"
    if negated & {"coordination", "proposes", "asserts"}:
        first_negated = min(c.start for c in cues if c.negated)
        if any(c.label == "proposes" and not c.negated and c.start < first_negated for c in cues):
            return "proposes"  # "ready to exchange information …, adding that Washington has not
            # responded to its proposals": the offer comes first, the negation is background
        return "neutral" if "hedges" in present else "denies"
    if "proposes" in present:
        return "proposes"
    if ("rejects" in negated or "opposes" in negated) and "hedges" not in present:
        return "proposes"  # "Russia has never refused cooperation", "we are not slamming the door"
    if (
        "coordination" in present
        and _joint_plan(cues, analysed)
        and _only_modal_hedges(cues, analysed)
        and not _asks(cues, analysed, lex)
    ):
        return "proposes"  # "Russia and the United States could create a joint center": a plan
    if "rejects" in negated or "opposes" in negated or "hedges" in present:
        return "neutral"
    if "coordination" in present:
        return "proposes" if _joint_plan(cues, analysed) else "asserts"
    return "neutral"


IMPERATIVE_NEGATION = re.compile(
    r"(?:^|[.!?:;]\s*|\b(?:but|so|and|just|please)\s+)[\"“‘']?do\s*$", re.IGNORECASE
)


def _forbidden(cues: list[Cue], analysed: Analysed | None) -> bool:
    """A negated imperative opening its clause ("But do not put American and Russian officers in
    the same room", "Don't share targets with Moscow") argues against the coordination it
    negates: opposition, not a denial that it happens."""
    if analysed is None:
        return False
    text = analysed.text
    for cue in cues:
        if cue.label != "negation":
            continue
        word = text[cue.char_start : cue.char_end].lower()
        if word not in ("not", "n't"):
            continue
        before = text[max(0, cue.char_start - 12) : cue.char_start]
        if IMPERATIVE_NEGATION.search(before.rstrip() if word == "not" else before):
            return True
    return False


COUNTERFACTUAL = re.compile(
    r"\bif\s[^,;.]{0,80}?\bhad\s+(?!to\b)\w+[^.;]{0,160}?\bwould(?:\s+not|n't|\s+never)?\s+have\b",
    re.IGNORECASE,
)


def _counterfactual(cues: list[Cue], analysed: Analysed | None) -> bool:
    """ "If the American side had informed us of its targets in advance, this tragedy would not
    have happened": a past condition held contrary to fact says the coordination in it did not
    take place (a denial, not an offer with a condition)."""
    if analysed is None:
        return False
    for cue in cues:
        if (
            cue.label != "conditional"
            or analysed.text[cue.char_start : cue.char_end].lower() != "if"
        ):
            continue
        match = COUNTERFACTUAL.match(analysed.text, cue.char_start)
        if match is not None and any(
            c.label == "coordination"
            and not c.negated
            and cue.end <= c.start
            and c.char_end <= match.end()
            for c in cues
        ):
            return True
    return False


OPEN_WORDS = (["how"], ["whether"], ["what"], ["who"], ["when"], ["which"])
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"“‘']?(?=\S)")


def _without_dependence_of_open_questions(cues: list[Cue], analysed: Analysed | None) -> list[Cue]:
    """ "Whether the line comes back within days or weeks depends on how …": an open question
    depending on another is no offer with a condition; the dependence is no conditional cue
    ("Whether they ever strike together will depend on Moscow keeping …" keeps its condition)."""
    if analysed is None:
        return cues
    text = analysed.text
    kept = []
    for cue in cues:
        if cue.label == "conditional" and text[cue.char_start : cue.char_end].lower().startswith(
            "depend"
        ):
            before = text[max(0, cue.char_start - 300) : cue.char_start]
            starts = list(SENTENCE_START.finditer(before))
            opening = before[starts[-1].end() :] if starts else before
            after = text[cue.char_end : cue.char_end + 12].lower().split()
            if opening.lower().startswith("whether ") and after[:1] in OPEN_WORDS:
                continue
        kept.append(cue)
    return kept


AGREED_BEFORE = re.compile(r"\bagreed(?:\s+[\w'’-]+){0,3}\s+$", re.IGNORECASE)
AGREED_REACH = 48  # characters before an infinitive where "agreed" is looked for


def _without_agreed_infinitives(cues: list[Cue], analysed: Analysed | None) -> list[Cue]:
    """An infinitive of coordination after a past "agreed" ("the generals had agreed in Baku to
    coordinate military operations") reports an agreement reached, not an offer: its proposal
    cue goes (a present or future "agree to coordinate" stays a proposal)."""
    if analysed is None:
        return cues
    text = analysed.text
    return [
        c
        for c in cues
        if c.label != "proposes"
        or c.negated
        or not text[c.char_start : c.char_end].lower().startswith("to ")
        or AGREED_BEFORE.search(text[max(0, c.char_start - AGREED_REACH) : c.char_start]) is None
    ]


AGREED_TO = re.compile(r"\b(?:agreed|did agree)(?:\s+[\w'’-]+){0,3}?\s+to\s", re.IGNORECASE)


def _without_conditions_of_agreements(cues: list[Cue], analysed: Analysed | None) -> list[Cue]:
    """A condition written into an agreement reached ("The US and Russia agreed in September to
    set up a joint centre if a ceasefire held for a week") reports what was agreed: the
    agreement is asserted, the condition is its content, not the speaker's own terms."""
    if analysed is None:
        return cues
    text = analysed.text
    dropped: set[tuple[int, int]] = set()
    for cue in cues:
        if cue.label != "conditional" or cue.negated:
            continue
        before = text[max(0, cue.char_start - 300) : cue.char_start]
        starts = list(SENTENCE_START.finditer(before))
        opening = before[starts[-1].end() :] if starts else before
        opening_start = cue.char_start - len(opening)
        negated = any(
            c.label == "negation" and opening_start <= c.char_start < cue.char_start for c in cues
        )
        if AGREED_TO.search(opening) and not negated:
            dropped.add((cue.char_start, cue.char_end))
    if not dropped:
        return cues
    return [
        c
        for c in cues
        if c.label not in ("conditional", "hedges")
        or not any(a <= c.char_start and c.char_end <= b for a, b in dropped)
    ]


def _harm_of_ending_it(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """A harm said of ending the contact ("Cutting the line completely would be stupid and
    dangerous"): the sentence opens with the ending, so the verdict argues for keeping it."""
    if not lex.ending_openers:
        return False
    first = next(c for c in cues if c.label == "opposes" and not c.negated)
    before = analysed.text[max(0, first.char_start - 300) : first.char_start]
    starts = list(SENTENCE_START.finditer(before))
    opening = (before[starts[-1].end() :] if starts else before).lower()
    return opening.startswith(lex.ending_openers)


def _harm_if_coordinated(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """ "If American pilots began working hand in hand with Russian ones, Syrians would conclude
    that Washington had sided with Assad": the condition is the coordination itself and what it
    leads to a harm or a verdict, so the sentence argues against it, it sets no condition."""
    for index, cue in enumerate(cues):
        if cue.label != "conditional" or cue.negated:
            continue
        if _cue_text(cue, analysed) not in lex.hypothesis_words:
            continue
        rest = cues[index + 1 :]
        term = next((c for c in rest if c.label == "coordination" and not c.negated), None)
        if term is None or not _same_clause(analysed, cue.end, term.start):
            continue
        after = [c for c in rest if c.start >= term.end]
        if any(c.label == "conditional" for c in after):
            return False
        return any(
            c.label in CONSEQUENCE_LABELS
            and not c.negated
            and not _same_clause(analysed, term.end, c.start)
            for c in after
        )
    return False


NEGATION_OPENERS = frozenset(["not", "n't", "never"])


def _opposed_until_a_condition(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """ "He would not recommend any military cooperation with Russia until Moscow accounts for the
    attack": advice withheld (an opposition cue opening with a negation) followed, after the
    coordination it names, by a condition (not a hypothesis such as "if", which argues a harm)
    holds only until the condition is met; "I oppose it until …" stays opposition."""
    opposition = [c for c in cues if c.label == "opposes" and not c.negated]
    if not all(_cue_text(c, analysed).split()[0] in NEGATION_OPENERS for c in opposition):
        return False
    last = max(c.end for c in opposition)
    term = next(
        (c for c in cues if c.label == "coordination" and not c.negated and c.start >= last), None
    )
    if term is None:
        return False
    return any(
        c.label == "conditional"
        and not c.negated
        and c.start >= term.end
        and _cue_text(c, analysed) not in lex.hypothesis_words
        for c in cues
    )


def _cue_text(cue: Cue, analysed: Analysed) -> str:
    return analysed.text[cue.char_start : cue.char_end].lower()


def _opens_with_a_condition(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """ "Without this separation there can be no common front": an opening "without" clause,
    then a negated coordination term, is a condition, not a denial; so is an opening "without"
    clause closed by a comma before the coordination term ("Without those conditions, joint
    action would only help the regime")."""
    if not cues or cues[0].label != "negation":
        return False
    first = cues[0]
    if _cue_text(first, analysed) not in lex.condition_openers:
        return False
    if not _opens_sentence(analysed.text, first.char_start):
        return False
    if any(c.negated and c.label in {"coordination", "proposes"} for c in cues[1:]):
        return True
    comma = next((i for i in range(first.end, len(analysed.breaks)) if analysed.breaks[i]), None)
    if comma is None or not analysed.is_comma(comma):
        return False
    return any(c.label == "coordination" and c.start > comma for c in cues[1:]) and not any(
        c.label == "coordination" and c.start < comma for c in cues[1:]
    )


def _refused_while(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """ "There can be no military partnership with Russia while Assad remains in power": a
    coordination term denied for as long as something lasts (a ``refused_while`` word right
    after its clause, no comma between) is a condition, not a denial."""
    if not lex.refused_while:
        return False
    for cue in cues:
        if not cue.negated or cue.label not in {"coordination", "proposes"}:
            continue
        rest = analysed.text[cue.char_end : cue.char_end + 160]
        clause = re.split(r"[,;:.!?\n—–]", rest, maxsplit=1)[0].lower().split()
        if any(word in lex.refused_while for word in clause[1:-1]):
            return True  # not "… while, in his words, …": a word of the condition follows
    return False


def _belief_denied_before_advice(cues: list[Cue], analysed: Analysed, lex: StanceLexicon) -> bool:
    """ "I don't think we should share intelligence with Moscow": advice under a denied belief."""
    for index, cue in enumerate(cues):
        if cue.label != "denies" or cue.negated:
            continue
        words = _cue_text(cue, analysed).split()
        if words[-1:] not in (["think"], ["believe"]):
            continue
        return any(
            c.label == "proposes" and _cue_text(c, analysed) in lex.advice_words
            for c in cues[index + 1 :]
        )
    return False


PLAN_MODALS = re.compile(
    r"(?:\s+(?:officers|commanders|generals|pilots|jets|aircraft|warplanes|troops|experts"
    r"|specialists|militaries|forces|air forces|teams|sides))?"
    r"\s*(?:will|would|'ll|’ll|should|could|can|are going to|were going to)\b(?!\s+have\b)"
)  # after both sides as one subject, their people named or not ("Russian and American officers
# would choose targets together"); not a past counterfactual ("would have divided up targets")
_PAIR_SIDES = frozenset(["US", "Russia", "coalition"])


def _joint_plan(cues: list[Cue], analysed: Analysed | None) -> bool:
    """Both sides as one subject with a modal, then a coordination term ("the United States and
    Russia will go after ISIS together", "the two militaries would work together"): a plan,
    hence a proposal, not a report that they do."""
    if analysed is None:
        return False
    parties = [c for c in cues if c.label.startswith(PARTY_PREFIX)]
    for index, party in enumerate(parties):
        side = party.label.removeprefix(PARTY_PREFIX)
        if side == PAIR_SIDE:
            subject_end = party
        elif side in _PAIR_SIDES and index + 1 < len(parties):
            second = parties[index + 1]
            other = second.label.removeprefix(PARTY_PREFIX)
            if other not in _PAIR_SIDES or {side, other} <= {"US", "coalition"} or side == other:
                continue
            if analysed.words_between(party, second) not in (["and"], ["and", "the"]):
                continue
            subject_end = second
        else:
            continue
        if PLAN_MODALS.match(analysed.text, subject_end.char_end) is None:
            continue
        if any(
            c.label == "coordination" and not c.negated and c.start >= subject_end.end for c in cues
        ):
            return True
    return _plan_with_the_other_side(parties, cues, analysed)


PLAN_REACH = 3  # words between a side's modal and its coordination term (at most)


def _plan_with_the_other_side(parties: list[Cue], cues: list[Cue], analysed: Analysed) -> bool:
    """One side as the subject of a modal, then a coordination term right after it with the other
    side as its object ("U.S. commanders would work with the Russians", "Moscow will cooperate
    with Washington"): a plan, like both sides as one subject."""
    for index, party in enumerate(parties[:-1]):
        side = party.label.removeprefix(PARTY_PREFIX)
        modal = PLAN_MODALS.match(analysed.text, party.char_end)
        if side not in _PAIR_SIDES or modal is None:
            continue
        term = next(
            (c for c in cues if c.label == "coordination" and c.char_start >= modal.end()), None
        )
        partner = parties[index + 1]
        if (
            term is None
            or term.negated
            or len(analysed.text[modal.end() : term.char_start].split()) > PLAN_REACH
            or partner.label.removeprefix(PARTY_PREFIX) in (side, PAIR_SIDE)
            or partner.label.removeprefix(PARTY_PREFIX) not in _PAIR_SIDES
            or {side, partner.label.removeprefix(PARTY_PREFIX)} <= {"US", "coalition"}
            or not (term.char_start <= partner.char_start <= term.char_end + 6)
        ):
            continue
        return True
    return False


ANSWER_NEGATIONS = frozenset(["no", "nope", "nein", "нет"])


def _answered_no(cues: list[Cue], analysed: Analysed | None) -> list[Cue]:
    """A sentence opening with "No," answers a claim with a denial: every coordination,
    assertion or proposal cue in it is negated ("No, Trump hasn't sent U.S. jets to bomb Syria
    alongside the Russians")."""
    if analysed is None or not cues or cues[0].label != "negation":
        return cues
    first, text = cues[0], analysed.text
    if text[first.char_start : first.char_end].lower() not in ANSWER_NEGATIONS:
        return cues
    if text[first.char_end : first.char_end + 1] not in {",", "!", "—", "–"}:
        return cues
    before = text[max(0, first.char_start - 3) : first.char_start].rstrip(" “\"‘'")
    if before and before[-1] not in ".!?\n":
        return cues  # "… there is no, or little, …": not an opening answer
    return [
        c._replace(negated=True) if c.label in {"coordination", "asserts", "proposes"} else c
        for c in cues
    ]


def _without_modals_of_subordinate_clauses(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """A modal in a clause of purpose or a relative clause after the coordination term hedges
    that clause, not the coordination ("handed them the coordinates so that they would not be
    struck", "jointly drew the line beyond which the fighters would not advance")."""
    if analysed is None or lex is None or not lex.subordinate_openers:
        return cues
    terms = [c for c in cues if c.label == "coordination" and not c.negated]
    if not terms:
        return cues
    kept = []
    for cue in cues:
        if cue.label == "hedges" and _cue_text(cue, analysed) in MODAL_HEDGES:
            before = [t for t in terms if t.end <= cue.start]
            if before and not any(t.start > cue.start for t in terms):  # "… would divide targets"
                between = " " + " ".join(analysed.words_between(before[0], cue)) + " "
                if any(f" {w} " in between for w in lex.subordinate_openers):
                    continue
        kept.append(cue)
    return kept


TIME_CLAUSE_REACH = 4  # words between a time opener and the hedge of its clause (at most)


def _without_hedges_of_time_clauses(
    cues: list[Cue], analysed: Analysed | None, lex: StanceLexicon | None
) -> list[Cue]:
    """ "… have used the line dozens of times since the memorandum was signed": a hedge (not a
    modal) a few words after a time opener dates the sentence, it does not make it commentary."""
    if analysed is None or lex is None or not lex.time_openers:
        return cues
    kept = []
    for cue in cues:
        if cue.label == "hedges" and _cue_text(cue, analysed) not in MODAL_HEDGES:
            before = analysed.text[max(0, cue.char_start - 80) : cue.char_start]
            words = re.split(r"[,;:.!?\n—–]", before)[-1].lower().split()[-TIME_CLAUSE_REACH - 1 :]
            if any(w in lex.time_openers for w in words):
                continue
        kept.append(cue)
    return kept


def _without_negated_hedges(cues: list[Cue]) -> list[Cue]:
    """A hedge between a negation and the cue it reverses belongs to the denial ("was not
    discussing military cooperation"): it does not soften it."""
    spans = []
    for index, cue in enumerate(cues):
        if cue.negated:
            negation = next((c for c in reversed(cues[:index]) if c.label == "negation"), None)
            if negation is not None:
                spans.append((negation.start, cue.start))
    if not spans:
        return cues
    return [c for c in cues if c.label != "hedges" or not any(a <= c.start < b for a, b in spans)]


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
