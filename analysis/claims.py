"""Stage 4b — claims: statements about US–Russia military coordination, with stance.

Rules (all cue words come from ``analysis/data/stance.toml``):

* **Unit.** A claim is one sentence of the body.  A sentence is split in two at a clause splitter
  (", but", ";" …) when the second part names a party and holds a stance cue of its own
  ("Russia has proposed …, but the United States responded coolly"); also at a contrast setting
  coordination going on after a refusal ("it was suspended; by May, the line was working
  again") and at an "and" opening the other party's refusal of an offer ("Russia offered …
  and the US always said no").  A heading line or a footnote line is no unit.  ``text`` is always the
  sentence (or sentence part), never the bare quote, so ``body[start:end] == text``.
* **About coordination.** The unit needs a coordination term ("coordinate", "joint airstrikes",
  "direct line", "received coordinates" …) that is not paired with a third state ("Russia and
  Turkey coordinated", "cooperate with Syrians" are not claims), and both the US (or coalition) and
  Russia: named in the unit, or one named and the other implied — by the actor's own side (a
  speaker is a party), by "with <party>" after the term ("cooperation with Moscow"), or by a claim
  among the previous ``context_window`` sentences (a title about coordination counts as one).
  A unit with no coordination term but a denial/rejection/opposition/condition cue, a party and no
  third state, within ``carry_window`` sentences of a claim, also counts ("The Pentagon issued a
  swift denial.", "Cook said the military would do its part, but only once the truce held"); one
  of the pair refusing or opposing the other, both named, counts anywhere ("Moscow rejected a
  U.S. request …").  A definite channel noun opening a clause ("the line", "that channel") is a
  coordination term referring back once the page has named the channel ("deconfliction line").
* **Stance.** ``analysis.stance.classify`` on the unit's cues, after dropping the cues whose own
  subject is the other party ("…, days after the Pentagon rebuffed a similar proposal" in a Russian
  offer) — unless the party is half of a subject naming the actor's side too ("Russia and the
  United States will coordinate"), or the unit has no coordination term and reports nothing but
  the other side's act ("Washington refused …", said by Lavrov: a rejection).  CAMEO code from
  the ``[cameo]`` table of ``stance.toml``.
* **Actor.** A quote overlapping the unit gives speaker and side (``quote_id`` is set), unless the
  quote's speaker has no side and the unit reports a known actor ("QUESTION: The Russian Defense
  Ministry says …").  Otherwise: a known actor right before the speech verb ("a Pentagon spokesman
  said"); a name next to it ("said Davis, a Pentagon spokesman", resolved with
  ``analysis.actors``; "he said" → the previous claim's actor); a known actor right after it
  ("quoted Russia's Ministry of Defense as saying"); else the first actor or party in subject
  position ("We …" in a statement → the previous claim's actor).  A bare surname takes the full
  name and side met earlier in the document.  The coalition counts as the US side of the pair.
  In a fact-check, a unit outside quotation marks that would only take the previous claim's actor
  is the fact-checker's own finding: the outlet, side "other".
* **Date.** A date expression next to the speech verb ("said Friday") or opening the unit outside
  quotation marks ("On January 23, 2017, … quoted"), resolved by ``analysis.dates.find_dates``
  against the published date; else the published date with its precision (basis ``published``).
  Dates inside quotations or looking ahead ("starting May 25") date events, not the claim.
* **Verdict.** In a fact-check (``kind == "fact-check"`` or a verdict), the verdict goes to exactly one
  claim: the claim in the claim box ("Claim: …", labels in ``stance.toml`` ``rules.claim_labels``),
  or the claim opening the article when such a label stands among the page's head lines;
  else the first asserting claim the page reports a post, page or message as making ("published a
  post claiming that …": ``circulating_sources`` and ``circulating_verbs`` of ``stance.toml``);
  else the highest-scoring ``asserts`` claim by the side the title (or the body's first question)
  names first — the claimant whose claim is questioned; failing that, that side's highest-scoring
  claim; failing that, the highest-scoring ``asserts`` claim, then the first claim.
  ``reviewed_by`` is the document's outlet.
* **Questions** ("Did Russia conduct airstrikes …?", a reporter's question) are not claims, except
  a question that argues (opening with a ``rhetorical_openers`` phrase of ``stance.toml``: "Why
  would Washington hand its intelligence to the Russian air force?" opposes; with a negation,
  "Why should the two air forces not share a target list?", it proposes).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from analysis import stance as st
from analysis import stance_model
from analysis.knowledge import Knowledge

PAIR = ("US", "Russia")
US_SIDES = {"US", "coalition"}
# Stance cues that make a unit without a coordination term a claim next to one ("The Pentagon
# issued a swift denial.", "Cook said the military would do its part, but only once the truce held").
CARRY_LABELS = {"denies", "rejects", "opposes", "conditional", "proposes"}
# Stance cues that make the second part of a sentence a claim of its own.
PAIR_ANSWER_LABELS = {"rejects", "opposes"}  # one of the pair refusing or opposing the other
SPLIT_LABELS = {"denies", "rejects", "opposes", "proposes"}
PRONOUNS = {"he", "she", "they", "it"}
FIRST_PERSON_SUBJECTS = {"we", "our", "us"}
AUXILIARIES = {
    *("has", "have", "had", "is", "was", "also", "later", "then", "reportedly", "once", "earlier"),
    *("previously", "again", "repeatedly", "publicly", "flatly", "quickly", "first", "now"),
}
OBJECT_MARKERS = {"with", "to", "against", "between"}
# An opening adverbial clause ("Since the Russian air campaign began in 2015, the US has …"),
# after a time or place phrase or not ("In April, after the US struck …, Moscow …"): what it
# names is not the subject of the claim that follows its comma.
OPENING_CLAUSE = re.compile(
    r"(?:(?:in|on|at|by|early|late|later|last|this|then)\b[^,;:“”\"]{1,40},\s)?"  # "In April, "
    r"(?:since|after|before|when|while|as|although|though|once|until|despite|following)\b"
    r"[^,;:“”\"]{3,120},\s",
    re.IGNORECASE,
)
ADDRESSEE_VERBS = {"told", "tells", "tell"}
# Capitalised words that start a sentence but never a name.
NOT_NAMES = frozenset(
    [
        *("But", "And", "However", "So", "Yet", "Then", "Also", "Earlier", "Later", "On", "In"),
        *("At", "A", "An", "The", "This", "That", "It", "He", "She", "They", "We", "Meanwhile"),
        *("Still", "Instead", "Moreover", "Furthermore", "Asked", "When", "While", "If", "As"),
        *("These", "Those", "Such", "Its", "Their", "His", "Her", "Both", "All", "Some", "Many"),
    ]
)


def _pair_side(side: str | None) -> str | None:
    """Map an actor side onto the US–Russia pair (coalition → US)."""
    if side in US_SIDES:
        return "US"
    if side == "Russia":
        return "Russia"
    return None


def _actor_mentions(
    body: str, start: int, end: int, kb: Knowledge
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, canonical name, side) of actors named in ``body[start:end]``, left to right,
    with offsets into the body."""
    try:
        from analysis.actors import actor_spans
    except ImportError:  # pragma: no cover - the actors module ships with the package
        return []
    return [
        (start + a, start + b, actor.name, actor.side)
        for a, b, actor in actor_spans(body[start:end], kb)
    ]


def _could_qualify(unit_cues: list[st.Cue]) -> bool:
    """Cheap pre-check: a coordination term, or a denial/rejection/opposition cue to carry."""
    return any(
        c.label == "coordination" or (c.label in CARRY_LABELS and not c.negated) for c in unit_cues
    )


RATING_SCALE_MIN_LABELS = 3  # two labels may be prose ("true, others false"); three are a legend
RATING_SCALE_MAX_CHARS = 200  # a longer unit is prose
_RATING_SCALES: dict[object, re.Pattern[str] | None] = {}  # knowledge fingerprint → pattern


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first (so "mostly false" wins over "false")."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _rating_scale_pattern(ratings: tuple[str, ...]) -> re.Pattern[str] | None:
    """A run of fact-check rating labels and nothing else."""
    if not ratings:
        return None
    label = _alternation(ratings)
    return re.compile(
        rf"(?:{label})(?:[\s,/|•·]+(?:{label})){{{RATING_SCALE_MIN_LABELS - 1},}}[.\s]*",
        re.IGNORECASE,
    )


def _is_a_rating_scale(text: str, kb: Knowledge) -> bool:
    """A fact-checker's rating scale printed as a legend ("Correct  Mostly correct  Unproven
    Misleading  Incorrect", the rating labels of ``furniture.toml``): page furniture, no denial."""
    if len(text) > RATING_SCALE_MAX_CHARS:
        return False
    key = kb.fingerprint or id(kb)
    if key not in _RATING_SCALES:
        ratings = (kb.furniture or {}).get("factcheck", {}).get("ratings", [])
        _RATING_SCALES[key] = _rating_scale_pattern(tuple(str(r) for r in ratings))
    pattern = _RATING_SCALES[key]
    return pattern is not None and pattern.fullmatch(text.strip()) is not None


@functools.lru_cache(maxsize=8)
def _home_institution_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "the Defence Ministry": a government body named without its country."""
    if not words:
        return None
    names = _alternation(words)
    return re.compile(rf"\bthe (?P<name>{names})\b", re.IGNORECASE)


HOME_SPEECH_GAP = 2  # characters between the body and its speech verb ("the Ministry said")


def _home_institution(
    doc: dict[str, Any], body: str, span: tuple[int, int], unit_cues: list[st.Cue], kb: Knowledge
) -> tuple[str, str] | None:
    """A government body named without its country speaking in the unit ("Last week the Defence
    Ministry said the channel was closed."), on the page of an outlet of one country: that
    country's body (``home_institutions`` and ``outlet_country_sides`` of ``actors.toml``)."""
    actors = kb.actors if isinstance(kb.actors, dict) else {}
    home = actors.get("outlet_country_sides", {}).get(str(doc.get("outlet_country") or "").upper())
    words = actors.get("home_institutions", {}).get("words", [])
    pattern = _home_institution_pattern(tuple(str(w) for w in words))
    if not home or pattern is None:
        return None
    speech = [c.char_start for c in unit_cues if c.label == "speech"]
    for found in pattern.finditer(body, *span):
        if any(0 <= at - found.end() <= HOME_SPEECH_GAP for at in speech):
            return found.group("name"), str(home)
    return None


def _only_announces_a_condition(body: str, end: int, unit_cues: list[st.Cue]) -> bool:
    """A unit ending on a bare condition cue ("On one condition.", "Under two conditions:"):
    the condition is stated in the sentence that follows, which is the claim."""
    if not unit_cues or any(c.label != "conditional" for c in unit_cues):
        return False
    return not body[unit_cues[-1].char_end : end].strip(" .:;\n")


@functools.lru_cache(maxsize=8)
def _armed_group_partner_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "with the terrorists" right after a coordination term."""
    if not words:
        return None
    names = _alternation(words)
    return re.compile(rf"\s+with\s+(?:the\s+)?(?:{names})\b", re.IGNORECASE)


def _coordination_with_armed_groups(body: str, unit_cues: list[st.Cue], kb: Knowledge) -> bool:
    """Every coordination term of the unit is done with an armed group ("the Americans have
    shown that they coordinate with the terrorists"): an accusation, no US–Russia claim."""
    coordination = [c for c in unit_cues if c.label == "coordination"]
    if (
        not coordination
        or "with" not in body[coordination[0].char_end : coordination[0].char_end + 8]
    ):
        return False
    words = (kb.stance or {}).get("rules", {}).get("armed_group_partners", [])
    pattern = _armed_group_partner_pattern(tuple(str(w) for w in words))
    return pattern is not None and all(pattern.match(body, c.char_end) for c in coordination)


APPOSITIVE_OPENING = re.compile(r",\s+(?:a|an|the|one|co-)\b[^,;:“”\"]*$", re.IGNORECASE)
APPOSITIVE_CLOSING = re.compile(r"[^,;:“”\"]*,")


def _in_a_third_states_appositive(body: str, start: int, unit_cues: list[st.Cue]) -> bool:
    """Every coordination term stands in an appositive describing a third state opening the
    unit ("Iran, a co-sponsor of the Astana memorandum, was more guarded."): it is that
    state's, no claim about US–Russia coordination."""
    others = [
        c
        for c in unit_cues
        if c.label == st.PARTY_PREFIX + "other" and len(body[start : c.char_start].split()) <= 1
    ]
    coordination = [c for c in unit_cues if c.label == "coordination"]
    if not others or not coordination:
        return False

    def described(term: st.Cue) -> bool:
        state = next((o for o in reversed(others) if o.char_end <= term.char_start), None)
        if state is None:
            return False
        opening = APPOSITIVE_OPENING.search(body, state.char_end, term.char_start)
        return (
            opening is not None
            and opening.start() == state.char_end
            and APPOSITIVE_CLOSING.match(body, term.char_end) is not None
        )

    return all(described(term) for term in coordination)


def _abbreviations(kb: Knowledge) -> frozenset[str]:
    """Title abbreviations after which a sentence splitter must not cut ("Lt. Col. Baldanza")."""
    titles = (kb.actors or {}).get("titles", {}).get("words", [])
    extra = (kb.stance or {}).get("rules", {}).get("abbreviations", [])
    return frozenset(str(w) for w in [*titles, *extra] if str(w).endswith("."))


def merge_fragments(
    body: str, sentences: list[tuple[int, int]], abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    """Re-join sentences cut after a title abbreviation or an initial ("Lt. | Col. | Michelle"),
    or before a part starting in lower case, within one paragraph."""
    merged: list[tuple[int, int]] = []
    for start, end in sentences:
        if merged:
            prev_start, prev_end = merged[-1]
            last_word = body[prev_start:prev_end].split()[-1] if prev_end > prev_start else ""
            gap = body[prev_end:start]
            joinable = "\n" not in gap and (
                last_word in abbreviations
                or re.fullmatch(r"(?:[A-Z]\.)+", last_word) is not None
                or body[start : start + 1].islower()
            )
            if joinable:
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _split_units(
    body: str, sentences: list[tuple[int, int]], lex: st.StanceLexicon, analysed: st.Analysed
) -> list[tuple[int, int, int]]:
    """(start, end, sentence index) of claim units: sentences, split at a clause splitter when the
    second part names a party and holds a stance cue of its own."""
    units: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(sentences):
        text = body[start:end]
        cut = None
        for splitter in lex.split_before:
            position = text.find(splitter)
            if position <= 0 or _that_is_a_subject(splitter, text[position + len(splitter) :]):
                continue
            if _second_clause_of_a_claim_noun(splitter, text[:position], lex):
                continue  # "The claim that …, and that …, is false": one claim noun's two clauses
            if splitter.endswith(RELATIVE) and "," in text[position + len(splitter) :]:
                continue  # "If the truce, which is due on Monday, holds …": a clause inside
            if _an_aside_after_the_subject(text, position, splitter, start, analysed):
                continue  # "Russian officials, however, said …": the subject, then an aside
            second = analysed.cues_between(start + position, end)
            if _conditions_the_first_part(second, start + position + len(splitter)):
                continue  # ", but first Moscow must …": the condition of what came before
            has_party = any(c.label.startswith(st.PARTY_PREFIX) for c in second)
            # ", adding that …", "and added: …": a second reported point
            reported = splitter.endswith(("that", ":"))
            has_cue = any(
                (c.label in SPLIT_LABELS and not c.negated)
                or (reported and c.label == "coordination" and c.negated)
                for c in second
            )  # a stance cue, or a denial reported as a negated coordination term
            if (has_party and has_cue) or _coordination_after_a_refusal(
                splitter, analysed.cues_between(start, start + position), second
            ):
                cut = position
                break
        if cut is None:
            cut, splitter = _refusal_after_an_offer(text, start, analysed)
        if cut is None:
            units.append((start, end, index))
            continue
        first_end = start + len(text[:cut].rstrip())
        second_start = start + cut + len(splitter)
        second_start += len(body[second_start:end]) - len(body[second_start:end].lstrip())
        units.append((start, first_end, index))
        if second_start < end:
            units.append((second_start, end, index))
    return units


AND_CLAUSE = re.compile(r"(?:,|\s[–—])?\s+and\s+")


def _refusal_after_an_offer(text: str, start: int, analysed: st.Analysed) -> tuple[int | None, str]:
    """(offset, splitter) of an "and" joining an offer to another party's refusal ("Russia
    offered joint strikes for a year and the US always said no"): two claims, one each side's;
    (None, "") when the sentence has no such "and"."""
    for match in AND_CLAUSE.finditer(text):
        first = analysed.cues_between(start, start + match.start())
        second = analysed.cues_between(start + match.end(), start + len(text))
        offer = [c for c in first if c.label == "proposes" and not c.negated]
        refusal = [c for c in second if c.label == "rejects" and not c.negated]
        parties = [c for c in second if c.label.startswith(st.PARTY_PREFIX)]
        if not (offer and refusal and parties) or parties[0].char_start > refusal[0].char_start:
            continue
        lead = text[match.end() : parties[0].char_start - start].lower().split()
        if lead not in ([], ["the"]):
            continue  # the refusing party opens the clause ("and the US refused", not "and
            # accused Washington of …")
        offering = set(st.sides_named(first))
        if offering and offering == set(st.sides_named(parties[:1])):
            continue  # the same side offering and refusing: one party's account
        return match.start(), match.group(0)
    return None, ""


CONTRAST_SPLITTERS = frozenset([";", ", but", "; but"])
REFUSAL_LABELS = frozenset(["rejects", "denies"])


def _coordination_after_a_refusal(splitter: str, first: list[st.Cue], second: list[st.Cue]) -> bool:
    """Does a contrast set coordination going on after a refusal or suspension ("it was
    suspended; by May, the line was working again")? Two claims, whoever the second names."""
    return (
        splitter in CONTRAST_SPLITTERS
        and any(c.label in REFUSAL_LABELS and not c.negated for c in first)
        and any(c.label == "coordination" and not c.negated for c in second)
        and not any(c.label in SPLIT_LABELS and not c.negated for c in second)
    )


THAT_SUBJECT_VERBS = re.compile(
    r"(?:'s|’s|\s+(?:is|was|were|are|would|will|has|had|seems|means)\b)"
)


def _that_is_a_subject(splitter: str, after: str) -> bool:
    """Is the "that" ending a splitter the subject of what follows ("…, and that was the extent
    of it"), not the conjunction of a second reported point ("…, and that Russia would …")?  The
    same for "which" ("…, which is what Russia is asking for", not "…, which the Pentagon
    denied")."""
    return splitter.endswith(("that", RELATIVE)) and THAT_SUBJECT_VERBS.match(after) is not None


RELATIVE = " which"  # a relative clause splits a sentence only when it ends it
CLAIM_NOUN_THAT = re.compile(r"\b([a-z]+)\s+that\b", re.IGNORECASE)


def _an_aside_after_the_subject(
    text: str, position: int, splitter: str, start: int, analysed: st.Analysed
) -> bool:
    """Is the splitter a word set off by commas right after the sentence's subject ("Russian
    officials, however, said …"): no clause before it to split from?"""
    if not text[position + len(splitter) :].startswith(","):
        return False
    before = analysed.cues_between(start, start + position)
    return all(c.label.startswith(st.PARTY_PREFIX) for c in before)


def _second_clause_of_a_claim_noun(splitter: str, before: str, lex: st.StanceLexicon) -> bool:
    """Is the "that" ending a splitter the second clause of a claim noun's "that" before it ("The
    claim that the two signed a pact, and that pilots now bomb Russian targets, is false")?"""
    if not splitter.endswith("that") or not lex.claim_nouns:
        return False
    return any(
        m.group(1).lower().startswith(lex.claim_nouns) for m in CLAIM_NOUN_THAT.finditer(before)
    )


def _conditions_the_first_part(second: list[st.Cue], splitter_end: int) -> bool:
    """Does the part after a splitter open with a condition ("…, but first Moscow must ground
    its jets", "…, but not at any price")? Then it qualifies the first part, not a claim of its
    own."""
    return (
        bool(second)
        and second[0].label == "conditional"
        and second[0].char_start <= splitter_end + 1
    )


class _QuoteSpans:
    """The document's quotes by position, to find the one sharing most characters with a claim
    in a few steps rather than a look at every quote per claim (a page of hundreds of quoted
    claims made that quadratic)."""

    def __init__(self, quotes: list[dict[str, Any]]) -> None:
        placed = [
            (int(quote["start"]), int(quote["end"]), position)
            for position, quote in enumerate(quotes)
            if quote.get("start") is not None and quote.get("end") is not None
        ]
        placed.sort()
        self.quotes = quotes
        self.starts = [start for start, _, _ in placed]
        self.placed = placed
        self.reach: list[int] = []  # the furthest end of any quote up to each one
        for _, end, _ in placed:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlapping(self, start: int, end: int) -> dict[str, Any] | None:
        """The quote sharing the most characters with [start, end), if any; of several sharing
        as many, the first in the document's list."""
        best: tuple[int, int] | None = None  # (-overlap, position)
        index = bisect_left(self.starts, end) - 1
        while index >= 0 and self.reach[index] > start:
            q_start, q_end, position = self.placed[index]
            overlap = min(end, q_end) - max(start, q_start)
            if overlap > 0 and (best is None or (-overlap, position) < best):
                best = (-overlap, position)
            index -= 1
        return None if best is None else self.quotes[best[1]]


def _name_run(words: list[str], backwards: bool) -> str:
    """The run of capitalised words next to a speech verb ("Lt. Col. Michelle Baldanza")."""
    run: list[str] = []
    sequence = list(reversed(words)) if backwards else words
    for word in sequence:
        clean = word.strip(",.;:“”\"'’()")
        if not clean or not clean[0].isupper() or clean in NOT_NAMES:
            break
        if backwards and word[-1] in "”\"'’:;":
            break  # "… in Syria,” said Davis": the word before the verb ends a quotation
        if backwards and run and word[-1] == ",":
            break
        run.append(word.strip(',;:“”"'))
        if not backwards and word.endswith(","):
            break
    if backwards:
        run.reverse()
    return " ".join(run).strip(" ,.")


def _named_speaker(
    body: str, verb: st.Cue, span: tuple[int, int], kb: Knowledge, backwards: bool
) -> tuple[str, str | None] | None:
    """A speaker named right before ("Davis said") or after ("said Davis, a Pentagon
    spokesman") a speech verb, resolved with ``analysis.actors``."""
    from analysis.actors import resolve_actor, side_from_affiliation, split_title

    start, end = span
    before = body[start : verb.char_start].split()
    after_text = body[verb.char_end : end]
    after = after_text.split()
    if backwards:
        while before and before[-1].lower() in AUXILIARIES:
            before = before[:-1]  # "Secretary Carter has said"
    words = before if backwards else after
    phrase = _name_run(words[-8:] if backwards else words[:6], backwards)
    if not phrase:
        return None
    preceding = words[: len(words) - len(phrase.split())] if backwards else []
    if preceding and preceding[-1].lower() in PLACE_PREPOSITIONS:
        return None  # "Russia's ambassador in Washington said": a place, not the speaker
    actor = resolve_actor(phrase, kb)
    if actor is not None:
        return actor.name, actor.side
    if phrase in _party_words(kb):
        return None
    if backwards and len(phrase.split()) == 1 and (len(words) == 1 or words[-1].endswith(",")):
        return None  # a lone capitalised word ("These reports …", "near Raqqa, saying") is no name
    head = phrase.split()[0].replace("’", "'").removesuffix("'s")
    if head in _party_words(kb):  # "Russia's General Staff", "U.S. Central Command"
        return phrase, side_from_affiliation(phrase, kb) or _party_side(head, kb)
    title, name = split_title(phrase, kb)
    if not name:
        return None
    if backwards:
        context = _noun_phrase_before(words[: len(words) - len(phrase.split())])
    else:
        context = after_text.lstrip()[len(phrase) :][:120].split(".")[0]
    return name, side_from_affiliation(f"{title} {context}", kb)


def _noun_phrase_before(words: list[str]) -> str:
    """The words before a name back to the previous punctuation ("US Army … spokeswoman")."""
    kept: list[str] = []
    for word in reversed(words[-10:]):
        if word[-1] in ",”\"'’:;.()–—":
            break
        kept.append(word)
    return " ".join(reversed(kept))


def _canonical(name: str, kb: Knowledge) -> str:
    """A party word as the actors file names it ("U.S." → "United States"), else as written."""
    from analysis.actors import resolve_actor

    actor = resolve_actor(name, kb)
    return actor.name if actor is not None else name


def _party_side(word: str, kb: Knowledge) -> str | None:
    """The side a party word of ``stance.toml`` stands for ("Russia" → Russia)."""
    for side, words in (kb.stance or {}).get("parties", {}).items():
        if side in {"US", "Russia"} and word in words:
            return str(side)
    return None


def _party_words(kb: Knowledge) -> frozenset[str]:
    parties = (kb.stance or {}).get("parties", {})
    return frozenset(str(w) for words in parties.values() for w in words)


NEW_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas)\b")


PLACE_PREPOSITIONS = frozenset(["in", "at"])


def _names_a_place(mention: tuple[int, int, str, str | None], body: str, start: int) -> bool:
    """A capital after "in"/"at" places the speaker ("Russia's ambassador in Washington said"):
    it is not who speaks."""
    before = body[max(start, mention[0] - 8) : mention[0]].lower().split()
    return before[-1:] != [] and before[-1] in PLACE_PREPOSITIONS


def _adjacent(gap_text: str, limit: int) -> bool:
    """Nothing but up to ``limit`` plain words between a name and its speech verb; a comma and a
    conjunction open a clause with a subject of its own ("… with Moscow, and officials said")."""
    words = gap_text.split()
    return (
        len(words) <= limit
        and not any(ch in gap_text for ch in '–—()“”"')
        and NEW_CLAUSE.search(gap_text) is None
        and not (gap_text.lstrip().startswith(",") and words[1:2] in (["a"], ["an"], ["the"]))
    )  # "… with Russia, an official said": the phrase after the comma is the speaker


# stands for "the previous claim's actor" in remembered results of ``_reported_actor``
_PREVIOUS: tuple[str | None, str | None] = ("\x00previous actor", None)
_ACTORS: dict[
    tuple[str, str, tuple[tuple[str, int, int, bool], ...]], tuple[str | None, str | None]
] = {}
_ACTORS_LIMIT = 20_000


def _unit_actor(
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    previous_actor: tuple[str | None, str | None],
    span: tuple[int, int],
    body: str,
    kb: Knowledge,
) -> tuple[str | None, str | None]:
    """``_reported_actor``, remembered per unit text and cues (it reads nothing else of the body;
    the mentions are those of the unit text), the previous claim's actor filled in on use."""
    if not kb.fingerprint:
        return _reported_actor(unit_cues, mentions, previous_actor, span, body, kb)
    start, end = span
    key = (
        kb.fingerprint,
        body[start:end],
        tuple((c.label, c.char_start - start, c.char_end - start, c.negated) for c in unit_cues),
    )
    found = _ACTORS.get(key)
    if found is None:
        found = _reported_actor(unit_cues, mentions, _PREVIOUS, span, body, kb)
        if len(_ACTORS) >= _ACTORS_LIMIT:
            _ACTORS.clear()
        _ACTORS[key] = found
    return previous_actor if found is _PREVIOUS else found


def _attribution_of_the_sentence(
    found: tuple[str | None, str | None],
    span: tuple[int, int],
    sentence: tuple[int, int],
    body: str,
    analysed: st.Analysed,
    kb: Knowledge,
) -> tuple[str | None, str | None]:
    """A part of a split sentence with no speech verb of its own is said by whoever the sentence
    attributes it to ("We are not going to enter any joint targeting arrangement with the
    Russians, period; that offer has been answered, Pentagon spokesman Peter Cook said")."""
    if span == sentence or found[1] is not None:
        return found
    own = analysed.cues_between(*span)
    if any(c.label == "speech" for c in own):
        return found
    whole = analysed.cues_between(*sentence)
    if not any(c.label == "speech" for c in whole):
        return found
    mentions = _actor_mentions(body, sentence[0], sentence[1], kb)
    actor, side = _unit_actor(whole, mentions, (None, None), sentence, body, kb)
    return (actor, side) if side is not None else found


def _reported_actor(
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    previous_actor: tuple[str | None, str | None],
    span: tuple[int, int],
    body: str,
    kb: Knowledge,
) -> tuple[str | None, str | None]:
    """Actor and side of a reported claim (order of preference):
    a known actor right before a speech verb ("a Pentagon spokesman said"); a name next to the
    verb ("said Davis"; "he said" → the previous claim's actor); a known actor right after it
    ("quoted Russia's Ministry of Defense as saying"); the first actor/party named."""
    start, end = span
    inside = [m for m in mentions if m[0] >= start and m[1] <= end]
    parties = [
        (c.char_start, c.char_end, body[c.char_start : c.char_end], c.label[len(st.PARTY_PREFIX) :])
        for c in unit_cues
        if c.label.startswith(st.PARTY_PREFIX) and c.label != st.PARTY_PREFIX + st.PAIR_SIDE
    ]
    candidates = inside + [p for p in parties if not any(m[0] <= p[0] < m[1] for m in inside)]
    candidates.sort()
    opening = body[start:end].lstrip("“\"'‘ ").split(maxsplit=1)
    first_word = opening[0].strip(",") if opening else ""
    # "US Secretary of State Rex Tillerson said …" opens with the country, not with "us"
    first_person = first_word.lower() in FIRST_PERSON_SUBJECTS and not first_word.isupper()
    subjects = [
        m
        for m in candidates
        if not set(body[max(start, m[0] - 12) : m[0]].lower().split()[-2:]) & OBJECT_MARKERS
    ]
    for verb in (_before_aside(c, body, start) for c in unit_cues if c.label == "speech"):
        earlier = _subject_spoken_about(verb, subjects, span, body)
        if earlier is not None:
            chosen = _head_of_phrase(earlier, inside, body)
            return _canonical(chosen[2], kb), _side_name(chosen[3])
        lead = body[start : verb.char_start].split()
        if lead and lead[-1].lower() in PRONOUNS:
            named = _person_named_before(lead[-1], inside, verb, kb)
            return named if named is not None else previous_actor
        if _the_speaker_named_before(lead, kb):
            return previous_actor  # "The ministry also said …": the ministry of the claim before
        before = [
            m for m in inside if m[1] <= verb.char_start and not _names_a_place(m, body, start)
        ]
        if before and _adjacent(body[before[-1][1] : verb.char_start], 3):
            return before[-1][2], _side_name(before[-1][3])
        named = _named_speaker(body, verb, span, kb, backwards=True)
        if named is None:
            named = _speaker_before_an_appositive(body, verb, span, kb)
        if named is not None:
            return named[0], _side_name(named[1])
        if body[verb.char_start : verb.char_end].lower() in ADDRESSEE_VERBS:
            continue  # "told Congress": the name after the verb is the hearer
        if lead and lead[-1][-1] not in ",”\"'’:":
            continue  # "A … official said the Russians had …": the verb has its subject
        after = [m for m in inside if m[0] >= verb.char_end]
        if after and set(body[verb.char_end : after[0][0]].lower().split()) <= {"the"}:
            return after[0][2], _side_name(after[0][3])
        named = _named_speaker(body, verb, span, kb, backwards=False)
        if named is not None:
            return named[0], _side_name(named[1])
    if first_person:
        return previous_actor  # "We remain open …" in a statement: its issuer spoke before
    agent = _passive_agent(unit_cues, candidates, body)
    if agent is not None:
        return _canonical(agent[2], kb), _side_name(agent[3])
    subjects = _past_an_opening_clause(subjects, span, body)
    if subjects:
        chosen = _head_of_phrase(subjects[0], inside, body)
        return _canonical(chosen[2], kb), _side_name(chosen[3])
    return previous_actor


# One word of a person's name: capitalised, or a particle glued to a capitalised word ("al-Sayegh").
NAME_WORD = r"(?:[A-Z][\w.’'-]*|(?:al|el|ad|as|ash|az|bin|ibn|abu|de|van|von)-?[A-Z][\w’'-]*)"
SPEAKER_WITH_APPOSITIVE = re.compile(
    rf"[“\"‘']?(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}),"
    r"\s+(?P<appositive>[^,;:“”\"()]{3,140}),\s*$"
)


def _speaker_before_an_appositive(
    body: str, verb: st.Cue, span: tuple[int, int], kb: Knowledge
) -> tuple[str, str | None] | None:
    """A person's name opening the unit, set off from the speech verb by an appositive ("Fayez
    al-Sayegh, a member of the Syrian parliament, told the agency that …"): the speaker, with
    the side the appositive gives when the name is unknown."""
    from analysis.actors import resolve_actor, side_from_affiliation

    lead = body[span[0] : verb.char_start].lstrip()
    match = SPEAKER_WITH_APPOSITIVE.fullmatch(lead)
    if match is None:
        return None
    name, appositive = match.group("name"), match.group("appositive")
    if not appositive[:1].islower() or name.split()[0] in _party_words(kb):
        return None  # "Moscow, Damascus and Tehran said": no appositive; "Russia, …": a party
    actor = resolve_actor(name, kb)
    if actor is not None:
        return actor.name, actor.side
    return name, side_from_affiliation(appositive, kb)


def _the_speaker_named_before(lead: list[str], kb: Knowledge) -> bool:
    """Is the subject of the speech verb a definite back-reference that opens the unit ("The
    ministry also said", "The spokesman added") or closes it after a comma ("…, the official
    said"): the speaker of the claim before?"""
    words = [w.lower() for w in lead]
    while words and words[-1] in AUXILIARIES:
        words.pop()
    if len(words) > 2 and words[-3].endswith(","):
        words = words[-2:]  # "…, the official said": an attribution closing the sentence
    nouns = (kb.stance or {}).get("rules", {}).get("speaker_back_references", [])
    return len(words) == 2 and words[0] == "the" and words[1] in nouns


def _past_an_opening_clause(
    subjects: list[tuple[int, int, str, str | None]], span: tuple[int, int], body: str
) -> list[tuple[int, int, str, str | None]]:
    """The subjects after an opening adverbial clause, when any is named after it."""
    start, end = span
    text = body[start:end]
    lead = len(text) - len(text.lstrip(" “\"'‘"))
    opening = OPENING_CLAUSE.match(text, lead)
    if opening is None:
        return subjects
    later = [m for m in subjects if m[0] >= start + opening.end()]
    return later or subjects


PASSIVE_AGENT_LABELS = {"rejects", "denies"}
BY_AGENT = re.compile(r"\s*by(?:\s+the)?\s*$", re.IGNORECASE)


def _passive_agent(
    unit_cues: list[st.Cue], candidates: list[tuple[int, int, str, str | None]], body: str
) -> tuple[int, int, str, str | None] | None:
    """The agent of a passive refusal or denial is the actor, not the subject ("Moscow's offer
    of joint strikes was turned down by the Pentagon": the Pentagon's rejection)."""
    for cue in unit_cues:
        if cue.label not in PASSIVE_AGENT_LABELS or cue.negated:
            continue
        if not st.in_passive_voice(body, cue.char_start):
            continue
        following = [m for m in candidates if m[0] >= cue.char_end and m[3] is not None]
        if following and BY_AGENT.fullmatch(body[cue.char_end : following[0][0]]):
            return following[0]
    return None


def _subject_spoken_about(
    verb: st.Cue,
    subjects: list[tuple[int, int, str, str | None]],
    span: tuple[int, int],
    body: str,
) -> tuple[int, int, str, str | None] | None:
    """ "Trump has spoken warmly about teaming up with Russia, and the Kremlin says he agreed to
    work toward it": a speech verb in a second clause reporting what "he"/"she" did leaves the
    claim to the subject of the first clause."""
    start, end = span
    boundaries = list(NEW_CLAUSE.finditer(body, start, verb.char_start))
    if not boundaries:
        return None
    following = body[verb.char_end : end].lower().split()[:2]
    if following[:1] == ["that"]:
        following = following[1:]
    if not following or following[0] not in {"he", "she"}:
        return None
    first_clause = [m for m in subjects if m[1] <= boundaries[0].start()]
    if not first_clause or body[start : first_clause[0][0]].strip(" “\"‘'"):
        return None  # the first clause must open with its subject
    return first_clause[0]


def _person_named_before(
    pronoun: str,
    inside: list[tuple[int, int, str, str | None]],
    verb: st.Cue,
    kb: Knowledge,
) -> tuple[str | None, str | None] | None:
    """ "he"/"she" before a speech verb is the person named earlier in the same unit ("Defense
    Secretary Jim Mattis appears to agree: he told reporters …"), when there is one."""
    from analysis.actors import resolve_actor

    if pronoun.lower() not in {"he", "she"}:
        return None
    for mention in reversed([m for m in inside if m[1] <= verb.char_start]):
        actor = resolve_actor(mention[2], kb)
        if actor is not None and actor.kind == "person":
            return mention[2], _side_name(mention[3])
    return None


ASIDE = re.compile(
    r",\s+(?:(?:when\s+|after\s+being\s+)?(?:asked|speaking|contacted|reached|interviewed|"
    r"quoted|cited|responding|replying)\b[^,]{0,80}|who\s[^,“”\"]{0,160}),\s*$"
)


def _before_aside(verb: st.Cue, body: str, start: int) -> st.Cue:
    """A speech verb after a participial aside ("Eric Pahon, asked by TASS to comment, said")
    looks for its speaker before the aside."""
    match = ASIDE.search(body, max(start, verb.char_start - 200), verb.char_start)
    if match is None:
        return verb
    return st.Cue(verb.label, verb.start, verb.end, match.start(), verb.char_end, verb.negated)


TITLE_LINKS = frozenset(["of", "for"])  # "Secretary of State", "Minister for Defence"


def _head_of_phrase(
    chosen: tuple[int, int, str, str | None],
    inside: list[tuple[int, int, str, str | None]],
    body: str,
) -> tuple[int, int, str, str | None]:
    """A party adjective heading a known actor's name ("Russian Foreign Minister Sergei Lavrov")
    gives way to that actor."""
    if chosen in inside:
        return chosen
    for mention in inside:
        between = body[chosen[1] : mention[0]].split()
        if (
            mention[0] >= chosen[1]
            and len(between) <= 4
            and all(w[:1].isupper() or w in TITLE_LINKS for w in between)
        ):  # "US Secretary of State Rex Tillerson"
            return mention
    return chosen


def _side_name(side: str | None) -> str | None:
    return side if side in {"US", "Russia", "Syria", "Turkey", "coalition", "other"} else None


QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")  # an unclosed quote runs to the end


def _unit_date(
    text: str, doc: dict[str, Any], speech: list[st.Cue], offset: int
) -> tuple[date | None, str | None, str | None]:
    """When the claim was made: a date expression next to a speech verb ("said Friday"), else one
    opening the sentence outside quotation marks ("On January 23, 2017, … quoted"), else the
    published date.
    Dates inside a quotation or looking forward ("starting May 25") date the event, not the claim."""
    published = doc.get("published")
    reference = published if isinstance(published, date) else None
    precision = doc.get("published_precision") or "day"
    mentions = [m for m in _date_mentions(text, reference, precision) if m.date and not m.future]
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    outside = [m for m in mentions if not any(a <= m.start < b for a, b in quoted)]
    verbs = [(v.char_start - offset, v.char_end - offset) for v in speech]
    near = [
        m
        for m in outside
        if any(0 <= m.start - v_end <= 12 or 0 <= v_start - m.end <= 12 for v_start, v_end in verbs)
    ]
    leading = [m for m in outside if m.start <= 4]  # "On January 23, 2017, Russian outlets …"
    for m in near or leading:
        return m.date, m.precision or "day", f"sentence: {m.basis}" if m.basis else "sentence"
    if reference is not None:
        return reference, precision, "published"
    return None, None, None


def _date_mentions(text: str, reference: date | None, precision: str) -> list[Any]:
    """Date expressions of ``text`` in text order (``analysis.dates.find_dates``)."""
    try:
        from analysis.dates import find_dates
    except ImportError:  # pragma: no cover - the dates module ships with the package
        return []
    if text in _DATELESS:
        return []
    try:
        found = find_dates(text, reference, precision)
    except Exception:  # a date helper must never sink a claim
        return []
    if not found:
        if len(_DATELESS) >= _DATELESS_LIMIT:
            _DATELESS.clear()
        _DATELESS.add(text)
    return sorted(found, key=lambda m: m.start)


# Unit texts with no date expression at all.  ``find_dates`` gives one mention per date span
# whatever the reference date (a test checks it), so a text found dateless once needs no
# second scan when it comes back in another document.
_DATELESS: set[str] = set()
_DATELESS_LIMIT = 20_000


def _with_partner(unit_cues: list[st.Cue], analysed: st.Analysed) -> str | None:
    """The party named as partner right after a coordination term ("cooperation with Moscow",
    "coordinate with the Russians"): its counterpart is implied when no third state is named."""
    parties = [c for c in unit_cues if c.label.startswith(st.PARTY_PREFIX)]
    for coord in (c for c in unit_cues if c.label == "coordination"):
        # the term may end with its own "with" ("working with Russia's military") or take a
        # short complement before it ("military cooperation of any kind with Moscow",
        # "coordinating strikes with the Kremlin")
        own_with = analysed.text[coord.char_start : coord.char_end].lower().split()[-1:] == ["with"]
        for party in parties:
            if party.char_start < coord.char_end:
                continue
            between = analysed.words_between(coord, party)
            if (
                (between and between[0] == "with" and len(between) <= 3)
                or (own_with and len(between) <= 1)
                or ("with" in between[-2:] and len(between) <= 5)
            ) and not any(
                p is not party and coord.char_end <= p.char_start < party.char_start
                for p in parties
            ):
                return _pair_side(party.label.removeprefix(st.PARTY_PREFIX))
    return None


def _remember_sides(
    sides_by_sentence: dict[int, set[str]], sentence_index: int, unit_cues: list[st.Cue]
) -> None:
    """Note the pair's sides the sentence names by party words."""
    for side in st.sides_named(unit_cues):
        pair_side = _pair_side(side)
        if pair_side is not None:
            sides_by_sentence.setdefault(sentence_index, set()).add(pair_side)


def _recent_sides(
    sides_by_sentence: dict[int, set[str]], sentence_index: int, window: int
) -> frozenset[str]:
    """The pair's sides named in the ``window`` sentences before this one: the antecedents of
    "them" and "our side" in a sentence that names only one side."""
    found: set[str] = set()
    for index in range(max(0, sentence_index - window), sentence_index):
        found |= sides_by_sentence.get(index, set())
    return frozenset(found)


HEADING_MAX_WORDS = 10
HEADING_END = re.compile(r"[.!?…:;,)\]]$")
QUOTE_MARKS = "\"'“”‘’"
NOTE_MARK = re.compile(r"\[\d{1,3}\]\s")


def _is_a_heading_or_note(body: str, start: int, end: int) -> bool:
    """Is the unit a line of its own among others that is a heading (a few words, no
    sentence-final mark: "What was suspended", "‘A dangerous partnership’") or a note under the article (a line
    opening with its footnote number: "[2] Memorandum …, 20 October 2015;")?"""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start : len(body) if line_end < 0 else line_end].strip()
    if NOTE_MARK.match(line) and body[start:end].strip().startswith("["):
        return True
    if line != body[start:end].strip() or line == body.strip():
        return False  # a text of one line is no page with headings (a headline read alone)
    bare = line.strip(QUOTE_MARKS).rstrip()
    return len(bare.split()) <= HEADING_MAX_WORDS and not HEADING_END.search(bare)


def _raises_the_topic(unit_cues: list[st.Cue]) -> bool:
    """Does a question ask about coordination with a party ("Are the Russians still calling you
    on the hotline?")?"""
    return any(c.label == "coordination" for c in unit_cues) and any(
        c.label.startswith(st.PARTY_PREFIX) for c in unit_cues
    )


def _qualifies(
    unit_cues: list[st.Cue],
    lex: st.StanceLexicon,
    analysed: st.Analysed,
    actor_side: str | None,
    gap: int,
    mentioned_sides: frozenset[str | None] = frozenset(),
    recent_sides: frozenset[str] = frozenset(),
) -> bool:
    """Is this unit a claim about US–Russia coordination? (see the module docstring).

    The actor's own side counts as named: a speaker is a party ("we are not coordinating with
    the Russians", "Davis said the Russians made no formal proposal"); so does the side of a
    known actor the unit names ("he had informed General Gerasimov the US military would not
    accept his proposal").  With a coordination term, a side named in the sentences just before
    counts too ("The American side knew … We passed that information to them ourselves")."""
    named = st.sides_named(unit_cues)
    implied = {_pair_side(s) for s in named} | {_pair_side(actor_side)}
    implied |= {_pair_side(s) for s in mentioned_sides}
    if st.PAIR_SIDE in named and "other" not in named:
        implied |= set(PAIR)  # "the two militaries"
    implied.discard(None)
    has_coordination = any(c.label == "coordination" for c in unit_cues)
    partner = _with_partner(unit_cues, analysed)
    if partner:
        # a third state named elsewhere ("… would only help Assad") is no partner: the check
        # for a third state's partnership below still applies
        implied.add("US" if partner == "Russia" else "Russia")
    if has_coordination:
        both_named = set(PAIR) <= {_pair_side(s) for s in named}
        if st.third_party_partner(lex, analysed, unit_cues, every=both_named):
            return False
        if set(PAIR) <= implied | recent_sides:
            return True
        if _coordination_referred_back(unit_cues, analysed) and gap <= lex.context_window:
            return True  # "if this coordination turns into protection for terrorists, …"
        if actor_side == "other" and not named:
            # a third country's speaker answering about the pair named just before ("But
            # deconfliction is not co-operation", a British minister said)
            return gap <= lex.context_window
        return bool(implied & set(PAIR)) and gap <= lex.context_window
    own_side = _pair_side(actor_side) is not None
    carried = any(
        c.label in CARRY_LABELS
        and not c.negated
        and (
            c.label != "proposes"
            or (named and (not _refers_back(c, analysed) or set(PAIR) <= set(named)))
            or (own_side and _offer_of_the_speakers_side(c, unit_cues, analysed, lex))
        )
        for c in unit_cues
    )  # a proposal carries only with a party named in the unit ("Moscow makes an offer."), or
    # a speaker of the pair speaking for their side ("We have been ready for a long time.")
    # a third state may be the subject of a condition ("If Moscow stops shielding Assad, the
    # question could be reopened"), not of a denial or refusal ("Russia and Turkey refused")
    conditional = any(c.label == "conditional" and not c.negated for c in unit_cues)
    names_third = (
        "other" in st.sides_named(_before_a_refused_proposal(unit_cues)) and not conditional
    )
    if names_third and _opposes_the_agreement(unit_cues, analysed, lex):
        # a third state against the US–Russian agreement named in the unit or just before
        both_named = set(PAIR) <= {_pair_side(s) for s in named}
        return both_named or gap <= lex.context_window
    if not carried or names_third or not implied & set(PAIR):
        return False
    if gap <= lex.carry_window:
        return True
    if set(PAIR) <= {_pair_side(s) for s in named} and any(
        c.label in PAIR_ANSWER_LABELS and not c.negated for c in unit_cues
    ):
        return True  # one of the pair refusing or opposing the other, named with it, is a
        # claim wherever it stands ("Moscow rejected a U.S. request …")
    # opposition to the pair's agreement named just before reaches as far as a third state's
    # ("Defense Secretary Ash Carter argued against the deal in a series of meetings")
    return gap <= lex.context_window and _opposes_the_agreement(unit_cues, analysed, lex)


def _before_a_refused_proposal(unit_cues: list[st.Cue]) -> list[st.Cue]:
    """The cues up to the proposal a side of the pair refuses from the other ("the Pentagon
    turned down a Russian proposal to …"): what the proposal was for ("… to manage the advances
    of the Syrian army") names no third party to the refusal."""
    refused = False
    sides: set[str] = set()
    for index, cue in enumerate(unit_cues):
        if cue.label.startswith(st.PARTY_PREFIX):
            side = _pair_side(cue.label.removeprefix(st.PARTY_PREFIX))
            if side is None:
                return unit_cues
            sides.add(side)
        elif cue.label == "rejects" and not cue.negated:
            refused = True
        elif cue.label == "proposes" and refused and sides == set(PAIR):
            return unit_cues[: index + 1]
    return unit_cues


AGREEMENT_REACH = 4  # words from an opposition cue to the agreement it is against


def _opposes_the_agreement(
    unit_cues: list[st.Cue], analysed: st.Analysed, lex: st.StanceLexicon
) -> bool:
    """An opposition cue aimed at an agreement referred back to ("Israel was 'totally opposed'
    to the deal", "Israel opposes the cease-fire arrangement", "Tehran would stand against any
    such deal")."""
    for cue in unit_cues:
        if cue.label != "opposes" or cue.negated:
            continue
        after = analysed.text[cue.char_end : cue.char_end + 80].lower()
        words = re.findall(r"[\w-]+", after)[: AGREEMENT_REACH + 1]
        referred_back = any(w in BACK_REFERENCES or w in DEMONSTRATIVES for w in words[:2])
        if referred_back and lex.agreement_nouns & set(words):
            return True
    return False


SPEAKER_SUBJECT = "we"
SUBJECT_AUXILIARIES = frozenset(
    ["have", "had", "are", "were", "been", "'ve", "'re", "long", "always"]
)


def _first_person_before(cue: st.Cue, unit_cues: list[st.Cue], analysed: st.Analysed) -> bool:
    """Is "we" the subject right before ``cue``, with only auxiliaries between ("We have been
    ready for a long time", "We have proposed this since September")?"""
    for other in unit_cues:
        if other.char_start >= cue.char_start:
            return False
        if other.label != st.FIRST_PERSON:
            continue
        if analysed.text[other.char_start : other.char_end].lower() != SPEAKER_SUBJECT:
            continue
        between = analysed.text[other.char_end : cue.char_start].lower().split()
        if all(w in SUBJECT_AUXILIARIES for w in between):
            return True
    return False


def _offer_of_the_speakers_side(
    cue: st.Cue, unit_cues: list[st.Cue], analysed: st.Analysed, lex: st.StanceLexicon
) -> bool:
    """An offer the speaker makes for their side ("We have been ready for a long time"), not
    advice to it ("We should give them the minimum"), whose stance may go either way."""
    if analysed.text[cue.char_start : cue.char_end].lower() in lex.advice_words:
        return False
    return _first_person_before(cue, unit_cues, analysed)


QUOTED_QUESTION = re.compile(r":\s*[“\"]")


def _question_asked(text: str) -> str:
    """The question itself when a lead-in quotes it after a colon ("A listener writes: “Why do
    we need this memorandum at all …?”"), else the whole text."""
    match = QUOTED_QUESTION.search(text)
    return text[match.end() :] if match else text


def _rhetorical_stance(text: str, unit_cues: list[st.Cue], lex: st.StanceLexicon) -> str | None:
    """A question that argues ("Why would Washington hand its intelligence to the Russian air
    force?") opposes the coordination it names; one that argues with a negation ("Why should the
    two air forces not share a target list?") proposes it.  None for a question that asks."""
    words = _question_asked(text).lstrip(" “\"‘'").lower().split()
    if not any(" ".join(words[:4]).startswith(o) for o in lex.rhetorical_openers):
        return None
    if any(w in lex.rhetorical_views for w in words[:6]):
        return None  # "Why should anyone see that memorandum as …": about a view, not an act
    if not any(c.label == "coordination" for c in unit_cues):
        return None
    return "proposes" if any(c.negated for c in unit_cues) else "opposes"


REPORTED_QUESTION = re.compile(
    r"\b(?:was|were|is|are|been|being|get|got|gets)\s+(?:also\s+|then\s+|later\s+)?asked\b"
    r"|\b(?:asked|asking|wondered|wondering)\s+(?:him\s+|her\s+|them\s+|the\s+\w+\s+)?"
    r"(?:about|whether|if|why|how|what|when)\b",
    re.IGNORECASE,
)
ASKING = frozenset(["asked", "asks", "ask", "asking"])
QUESTION_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but)\s")


def _reports_a_question(
    text: str, offset: int, unit_cues: list[st.Cue], analysed: st.Analysed
) -> bool:
    """A sentence that only reports a question put to someone ("A week later, Mattis was asked
    about working with the Russian military") claims nothing: no answer (another speech verb)
    and no stance cue outside the question's own clause."""
    match = REPORTED_QUESTION.search(text)
    if match is None:
        return False
    clause_end = QUESTION_CLAUSE_END.search(text, match.end())
    question = (offset + match.start(), offset + (clause_end.start() if clause_end else len(text)))
    for cue in unit_cues:
        if cue.label == "speech":
            if analysed.text[cue.char_start : cue.char_end].lower() not in ASKING:
                return False
        elif (
            cue.label in STANCE_CUES
            and cue.label != "asserts"
            and not cue.negated
            and not question[0] <= cue.char_start < question[1]
        ):
            return False
    return True


BACK_REFERENCES = frozenset(
    ["the", "this", "that", "these", "those", "our", "their", "its", "his", "her", "your", "my"]
)


DEMONSTRATIVES = frozenset(["this", "that", "such", "these", "those"])


def _coordination_referred_back(unit_cues: list[st.Cue], analysed: st.Analysed) -> bool:
    """Is a coordination term named with a demonstrative ("this coordination", "such
    cooperation")? It is the pair's, reported just before, whoever speaks of it."""
    for cue in unit_cues:
        if cue.label != "coordination":
            continue
        if cue.char_start in analysed.referred:
            return True  # "the line", the channel named before
        before = analysed.text[max(0, cue.char_start - 8) : cue.char_start].lower().split()
        if before and before[-1] in DEMONSTRATIVES:
            return True
    return False


NOT_THE_CHANNEL_AFTER = re.compile(r"\s+(?:of|between)\b", re.IGNORECASE)  # "the line of contact"


CLAUSE_OPENERS = frozenset(
    ["that", "and", "but", "when", "because", "if", "so", "while", "as", "until", "once", "now"]
)
CLAUSE_MARKS = ',;:—–("“.!?'


def _heads_a_clause(text: str, cue: st.Cue) -> bool:
    """Is the cue the subject opening a clause ("The channel did what it was designed to do",
    "…, but by May the line was working again"), not an object ("I used that line")?"""
    before = text[max(0, cue.char_start - 40) : cue.char_start].rstrip()
    if not before or before[-1] in CLAUSE_MARKS or before.endswith("\n"):
        return True
    return before.split()[-1].lower() in CLAUSE_OPENERS


def _channel_referred_back(analysed: st.Analysed, lex: st.StanceLexicon) -> st.Analysed:
    """The cues with each definite channel noun ("the line", "that channel") after the page's
    first coordination term naming a channel ("deconfliction line", "the memorandum") made a
    coordination term referring back to it; other channel nouns dropped ("the line of contact",
    or a page about something else)."""
    channels = [c for c in analysed.cues if c.label == "channel"]
    if not channels:
        return analysed
    text = analysed.text
    anchor = next(
        (
            c.char_end
            for c in analysed.cues
            if c.label == "coordination"
            and any(w in text[c.char_start : c.char_end].lower() for w in lex.channel_anchors)
        ),
        None,
    )
    cues = [c for c in analysed.cues if c.label != "channel"]
    referred = set(analysed.referred)
    for cue in channels:
        if anchor is None or cue.char_start < anchor:
            continue
        if NOT_THE_CHANNEL_AFTER.match(text, cue.char_end) or not _heads_a_clause(text, cue):
            continue
        if any(
            c.label == "coordination" and c.char_start <= cue.char_start < c.char_end for c in cues
        ):
            continue  # inside a coordination term of its own ("the line was back in use")
        cues.append(cue._replace(label="coordination"))
        referred.add(cue.char_start)
    return st.Analysed(
        analysed.doc,
        cues,
        breaks=analysed.breaks,
        text=text,
        commas=analysed.commas,
        referred=frozenset(referred),
    )


def _refers_back(cue: st.Cue, analysed: st.Analysed) -> bool:
    """A proposal named with a definite word ("ignored the offer", "respond to our proposal")
    is one reported before, not a new one: it carries no claim of its own."""
    before = analysed.text[max(0, cue.char_start - 12) : cue.char_start].lower().split()
    return bool(before) and before[-1] in BACK_REFERENCES


def extract_claims(
    doc: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    quotes: list[dict[str, Any]],
    kb: Knowledge,
    head: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Claims about US–Russia military coordination in ``body`` (see the module docstring);
    ``head`` is the page's lines above the article (a claim box's label may stand there).

    Sets ``quote["stance"]`` in place on the quotes that carry a claim.
    """
    if not body or not sentences:
        return []
    lex = st.lexicon(kb)
    sentences = merge_fragments(body, sentences, _abbreviations(kb))
    analysed = _channel_referred_back(lex.analyse(body), lex)
    claims: list[dict[str, Any]] = []
    scores: list[int] = []
    last_claim_sentence = 0 if _title_sets_context(doc, lex) else -(10**9)
    previous_actor: tuple[str | None, str | None] = (None, None)
    known_sides: dict[
        str, tuple[str, str]
    ] = {}  # surname → (full name, side) seen in this document
    sides_by_sentence: dict[int, set[str]] = {}
    quote_spans = _QuoteSpans(quotes)
    claimants: dict[int, tuple[str | None, str | None]] = {}  # claim index → actor before finding
    for start, end, sentence_index in _split_units(body, sentences, lex, analysed):
        unit_cues = analysed.cues_between(start, end)
        if not unit_cues:
            continue
        _remember_sides(sides_by_sentence, sentence_index, unit_cues)
        if not _could_qualify(unit_cues) or _is_a_rating_scale(body[start:end], kb):
            continue
        if _is_a_heading_or_note(body, start, end):
            continue  # "A channel, not an alliance", "[2] Memorandum of Understanding …, 2015;"
        mentions = _actor_mentions(body, start, end, kb)
        quote = quote_spans.overlapping(start, end)
        found = _unit_actor(unit_cues, mentions, _PREVIOUS, (start, end), body, kb)
        carried = found is _PREVIOUS
        actor, side = previous_actor if carried else found
        actor, side = _attribution_of_the_sentence(
            (actor, side), (start, end), sentences[sentence_index], body, analysed, kb
        )
        if side is None and (quote is None or not quote.get("side")):
            actor, side = _home_institution(doc, body, (start, end), unit_cues, kb) or (actor, side)
        if quote is not None and quote.get("speaker") and (quote.get("side") or side is None):
            # the quote's speaker, unless a sideless speaker (a reporter's question) reports
            # what a known actor says ("QUESTION: The Russian Defense Ministry says that …")
            actor, side = quote.get("speaker"), _side_name(quote.get("side"))
        actor, side = _remember_speaker(actor, side, known_sides)
        if quote is None and _authors_own_words(doc, unit_cues, mentions, analysed):
            actor, side = doc.get("author"), None  # a columnist's own argument, no side's words
        # the fact-checker's finding keeps the carried side for deciding whether it is a claim
        finding, claimed_by = None, None
        if quote is None and is_fact_check(doc):
            if (carried and (actor, side) == previous_actor) or _narrates_events(
                body, (start, end), unit_cues, mentions, analysed
            ):
                finding = _fact_checkers_own(doc, unit_cues)
            elif _states_a_finding(
                (start, end), analysed.cues_between(*sentences[sentence_index]), mentions, body
            ):
                finding = _fact_checkers_own(doc, unit_cues)
                claimed_by = (actor, side)  # back if it proves to be the claim under review
        sentence_start = sentences[sentence_index][0]  # a ruling split at ", but" rules both parts
        if _fact_checkers_verdict(doc, body[sentence_start:end], lex, quoted=quote is not None):
            actor, side = doc.get("outlet"), "other"  # "… we rate this claim False"
            finding = None
        gap = sentence_index - last_claim_sentence
        text = body[start:end]
        rhetorical = None
        if text.rstrip(" ”\"'’)").endswith("?"):
            # a question asserts nothing ("Did Russia conduct airstrikes with US?"), but one
            # about coordination with a party sets the context of the answer that follows
            rhetorical = _rhetorical_stance(text, unit_cues, lex)
            if rhetorical is None:
                if _raises_the_topic(unit_cues):
                    last_claim_sentence = sentence_index
                continue
        recent = _recent_sides(sides_by_sentence, sentence_index, lex.mention_window)
        if not _qualifies(
            unit_cues, lex, analysed, side, gap, frozenset(m[3] for m in mentions), recent
        ):
            continue
        if (
            _only_announces_a_condition(body, end, unit_cues)
            or _coordination_with_armed_groups(body, unit_cues, kb)
            or _in_a_third_states_appositive(body, start, unit_cues)
        ):
            continue
        if _reports_a_question(text, start, unit_cues, analysed):
            continue  # "Mattis was asked about working with the Russian military …"
        own_cues = _without_other_sides_cues(unit_cues, side, analysed)
        stance = rhetorical or st.classify(own_cues, analysed=analysed, lex=lex)
        context = Context(body, sentences, sentence_index, analysed, lex)
        stance = _answer_to_a_proposal(stance, own_cues, (start, end), side, context)
        when, precision, basis = _unit_date(
            text, doc, [c for c in unit_cues if c.label == "speech"], start
        )
        if finding is not None:
            actor, side = finding
            if claimed_by is not None:
                claimants[len(claims)] = claimed_by
        claim: dict[str, Any] = {
            "claim_id": f"{doc.get('doc_id')}:c{len(claims) + 1}",
            "doc_id": doc.get("doc_id"),
            "actor": actor,
            "side": side,
            "stance": stance,
            "cameo": lex.cameo.get(stance),
            "date": when,
            "date_precision": precision,
            "date_basis": basis,
            "text": text,
            "start": start,
            "end": end,
            "quote_id": quote.get("quote_id") if quote is not None else None,
            "verdict": None,
            "reviewed_by": None,
            "topics": [],
        }
        claims.append(claim)
        scores.append(st.score(unit_cues))
        last_claim_sentence = sentence_index
        previous_actor = (actor, side)
    # the rated claim is found by the rules' stances, the structure its rules were written for
    _attach_verdict(doc, body, claims, scores, lex, head)
    for index, (actor, side) in claimants.items():
        if claims[index]["verdict"] is not None:  # the claim box's claim is its claimant's
            claims[index]["actor"], claims[index]["side"] = actor, side
    _weigh_with_the_model(claims, kb, lex)
    quotes_by_id = {q.get("quote_id"): q for q in quotes}
    for claim in claims:
        if claim["quote_id"] is not None:
            _set_quote_stance(quotes_by_id[claim["quote_id"]], claim["stance"])
    return claims


def _weigh_with_the_model(
    claims: list[dict[str, Any]], kb: Knowledge, lex: st.StanceLexicon
) -> None:
    """Give each claim the stance model's class where the rules found nothing decisive or the
    model is sure (``analysis.stance_model.combine``); one call for the document's claims."""
    model = stance_model.model_for(kb)
    if model is None or not claims:
        return
    for claim, decided in zip(claims, model.decide([c["text"] for c in claims]), strict=True):
        claim["stance"] = stance_model.combine(claim["stance"], decided, model)
        claim["cameo"] = lex.cameo.get(claim["stance"])


@dataclass(frozen=True)
class Context:
    """What the answer-to-a-proposal rules look at besides the unit itself."""

    body: str
    sentences: list[tuple[int, int]]
    index: int  # sentence index of the unit
    analysed: st.Analysed
    lex: st.StanceLexicon


def _answer_to_a_proposal(
    stance: str,
    cues: list[st.Cue],
    span: tuple[int, int],
    side: str | None,
    context: Context,
) -> str:
    """A refusal or a contrastive answer to a proposal made just before rejects it (also when the
    proposal sits earlier in the same sentence: "Responding to the offer, he said the United States
    was not going to conduct joint operations")."""
    if stance in {"denies", "proposes"} and _refuses_a_proposal(cues, span, context):
        return "rejects"
    # a hedged refusal ("the United States would not cooperate") is still its own side's refusal
    if stance in {"denies", "proposes", "neutral"} and _refuses_for_own_side(
        cues, span, side, context
    ):
        return "rejects"
    if stance in {"asserts", "neutral", "proposes"} and _answers_other_sides_proposal(
        span, side, context
    ):
        return "rejects"
    return stance


def _proposal_cues(context: Context, start: int, end: int) -> list[st.Cue]:
    return [
        c
        for c in context.analysed.cues_between(start, end)
        if c.label == "proposes" and not c.negated
    ]


def _refuses_a_proposal(cues: list[st.Cue], span: tuple[int, int], context: Context) -> bool:
    """A denial resting on a negated coordination term written as a refusal ("We're not going
    to team up with the Russians") after a proposal (earlier in the unit or in the previous
    ``proposal_window`` sentences) rejects that proposal; a statement about what is or was
    happening ("we are not coordinating") stays a denial.  A cue overlapping a proposal cue that
    holds the negation itself ("Wouldn't it be nice if …") is part of that proposal."""
    negated = [
        c
        for c in cues
        if c.negated and c.label in {"coordination", "proposes"} and not _inside_a_proposal(c, cues)
    ]
    if not negated or any(c.label == "denies" and not c.negated for c in cues):
        return False
    first = negated[0]
    lead = context.body[max(span[0], first.char_start - 40) : first.char_end]
    lead = lead.lower().replace("’", "'")
    if not any(marker in lead for marker in context.lex.refusal_markers):
        return False
    window_start = context.sentences[max(0, context.index - context.lex.proposal_window)][0]
    earlier = _proposal_cues(context, window_start, first.char_start)
    return any(c.char_end <= first.char_start for c in earlier)


def _inside_a_proposal(cue: st.Cue, cues: list[st.Cue]) -> bool:
    """The cue starts inside an unnegated proposal cue that began before it (the proposal holds
    the negation: "Wouldn't it be nice if …"; not "not prepared to cooperate")."""
    return any(
        c.label == "proposes" and not c.negated and c.char_start < cue.char_start < c.char_end
        for c in cues
    )


def _refuses_for_own_side(
    cues: list[st.Cue], span: tuple[int, int], side: str | None, context: Context
) -> bool:
    """A future refusal of coordination whose subject is the actor's own side ("We are not going
    to be their partners", "the United States will not coordinate with Moscow") rejects it."""
    own = _pair_side(side)
    negated = [c for c in cues if c.negated and c.label in {"coordination", "proposes"}]
    if own is None or not negated or any(c.label == "denies" and not c.negated for c in cues):
        return False
    first = negated[0]
    lead = context.body[max(span[0], first.char_start - 40) : first.char_end]
    lead = lead.lower().replace("’", "'")
    marker = next((m for m in context.lex.future_refusals if m in lead), None)
    if marker is None:
        return False
    before = context.body[span[0] : max(span[0], first.char_start - 40) + lead.index(marker)]
    if before.lower().split()[-1:] in (["it"], ["they"]):
        return True  # "The Pentagon said it will not share …": the speaker's own institution
    subjects = [
        c
        for c in context.analysed.cues_between(span[0], span[0] + len(before))
        if c.label.startswith(st.PARTY_PREFIX) or c.label == st.FIRST_PERSON
    ]
    if not subjects or not _heads_the_clause(subjects[-1], span[0] + len(before), context):
        return False
    subject = subjects[-1]
    if subject.label == st.FIRST_PERSON:
        return True
    return _pair_side(subject.label.removeprefix(st.PARTY_PREFIX)) == own


SUBJECT_GAP_WORDS = 1  # "We are not going to …": at most one word between subject and refusal
NOT_A_SUBJECT_BEFORE = frozenset(["between", "and", "of", "with", "from", "against", "to", "by"])


def _heads_the_clause(subject: st.Cue, marker_start: int, context: Context) -> bool:
    """Is the party right before a refusal its subject?  Not when words stand between them, nor
    when it is the object of a preposition or the second of a pair ("distrust between Russia and
    the West would not allow …": the subject is the distrust)."""
    body = context.body
    if len(body[subject.char_end : marker_start].split()) > SUBJECT_GAP_WORDS:
        return False
    before = body[max(0, subject.char_start - 20) : subject.char_start].lower().split()
    if before and before[-1] == "the":
        before = before[:-1]
    return not before or before[-1] not in NOT_A_SUBJECT_BEFORE


def _answers_other_sides_proposal(
    span: tuple[int, int], side: str | None, context: Context
) -> bool:
    """A sentence opening with a contrast ("However, Moscow made it clear …") right after the
    other side's proposal ("The US sent Russia a package of proposals …") answers it."""
    own = _pair_side(side)
    words = context.body[span[0] : span[1]].lstrip("“\"'‘ ").split(maxsplit=1)
    if own is None or context.index == 0 or not words:
        return False
    if words[0].lower().strip(",;:") not in context.lex.contrast_openers:
        return False
    prev_start, prev_end = context.sentences[context.index - 1]
    proposals = _proposal_cues(context, prev_start, prev_end)
    if not proposals:
        return False
    before = [
        c
        for c in context.analysed.cues_between(prev_start, proposals[0].char_start)
        if c.label.startswith(st.PARTY_PREFIX)
    ]
    proposer = _pair_side(before[0].label.removeprefix(st.PARTY_PREFIX)) if before else None
    return proposer is not None and proposer != own


OTHER_SIDE_LABELS = {"rejects", "denies", "proposes", "opposes"}


def _without_other_sides_cues(
    unit_cues: list[st.Cue], actor_side: str | None, analysed: st.Analysed
) -> list[st.Cue]:
    """Drop stance cues whose own subject is the other party ("Russia is ready to conduct joint
    strikes, Ryabkov said, days after the Pentagon rebuffed a similar proposal": the rebuff is the
    Pentagon's, not Ryabkov's)."""
    own = _pair_side(actor_side)
    if own is None:
        return unit_cues
    kept: list[st.Cue] = []
    for index, cue in enumerate(unit_cues):
        if cue.label in OTHER_SIDE_LABELS and not cue.negated:
            party = next(
                (c for c in reversed(unit_cues[:index]) if c.label.startswith(st.PARTY_PREFIX)),
                None,
            )
            if party is not None and _joint_subject(party, unit_cues, own, analysed):
                party = None  # "Russia and the United States will coordinate": both sides act
            if party is not None and not _is_object(party, analysed):
                subject_side = _pair_side(party.label.removeprefix(st.PARTY_PREFIX))
                gap = [w for w in analysed.words_between(party, cue) if w not in AUXILIARIES]
                if (
                    subject_side
                    and subject_side != own
                    and len(gap) <= 1
                    and not _object_before(gap, cue, analysed)
                    and not _refused_by_the_actor(party, kept, analysed)
                ):
                    continue
            if _names_an_act(cue, analysed) and _agent_after(
                cue, unit_cues[index + 1 :], analysed
            ) not in {None, own}:
                continue  # "the stubborn refusal of the American side to coordinate"
        kept.append(cue)
    if _only_the_other_sides_act(kept, unit_cues):
        return unit_cues  # "Washington refused to separate …, and the Pentagon blocked it"
    if not any(c.label in STANCE_CUES for c in kept) or _proposals_only_inside_a_refusal(
        kept, unit_cues
    ):
        # nothing of the actor's own but the other side's refusal ("Lavrov accused the Pentagon
        # of sabotaging the agreement on coordination"): the actor reports a rejection
        refusals = [c for c in unit_cues if c.label == "rejects" and not c.negated]
        return sorted([*kept, *refusals], key=lambda c: (c.start, c.char_start))
    return kept


def _refused_by_the_actor(party: st.Cue, kept: list[st.Cue], analysed: st.Analysed) -> bool:
    """The other side's proposal is what the actor's own refusal takes as its object ("the United
    States was not going to accept the Russian suggestion that …"): it stays, as the refusal's
    target; so it does after the preposition of a phrasal refusal ("had closed the door on a
    Russian plan", "said no to the Russian offer")."""
    refusal = next((c for c in reversed(kept) if c.label in STANCE_CUES), None)
    if refusal is None or refusal.label != "rejects" or refusal.negated:
        return False
    gap = analysed.words_between(refusal, party)
    if gap and gap[0] in REFUSAL_PREPOSITIONS:
        gap = gap[1:]
    return len(gap) <= 1 and all(w in INDIRECT_OBJECT_GAPS or w in BACK_REFERENCES for w in gap)


INDIRECT_OBJECT_GAPS = frozenset(["a", "an", "the", "any"])
REFUSAL_PREPOSITIONS = frozenset(["on", "to"])  # "closed the door on", "said no to"


def _object_before(gap: list[str], cue: st.Cue, analysed: st.Analysed) -> bool:
    """Is the party right before the cue an object, not the cue's subject: of a verb giving
    something ("sent the Pentagon a draft agreement"), of a verb asking someone to do it
    ("asked the United States to join"), or the owner of a proposal named as an object
    ("declined Russia's invitation")?"""
    if gap in (["'s"], ["’s"]):
        return cue.label == "proposes"  # "declined Russia's invitation": refused, not made here
    if gap:
        return all(w in INDIRECT_OBJECT_GAPS for w in gap)
    return analysed.text[cue.char_start : cue.char_end].lower().startswith("to ")


def _proposals_only_inside_a_refusal(kept: list[st.Cue], unit_cues: list[st.Cue]) -> bool:
    """The actor's only cues are proposals named after the other side's refusal began
    ("Washington had once more thrown Russian proposals for joint strikes into the wastebasket"):
    the proposals are what was refused, and the unit reports the refusal."""
    dropped = [c for c in unit_cues if c.label == "rejects" and not c.negated and c not in kept]
    if not dropped:
        return False
    own = [c for c in kept if c.label in STANCE_CUES]
    if any(c.label != "proposes" for c in own):
        return False
    first = dropped[0]
    subject = next(
        (
            c
            for c in reversed(unit_cues)
            if c.start <= first.start and c.label.startswith(st.PARTY_PREFIX)
        ),
        first,
    )
    return all(c.start > subject.start for c in own)


def _only_the_other_sides_act(kept: list[st.Cue], unit_cues: list[st.Cue]) -> bool:
    """A unit with no coordination term of its own (carried by a refusal or a denial) that
    reports nothing but the other side's act has that act for its stance."""
    return (
        not any(c.label == "coordination" for c in unit_cues)
        and not any(c.label in STANCE_CUES for c in kept)
        and any(c.label in STANCE_CUES for c in unit_cues)
    )


STANCE_CUES = {"proposes", "asserts", "denies", "rejects", "conditional", "opposes"}


def _joint_subject(party: st.Cue, unit_cues: list[st.Cue], own: str, analysed: st.Analysed) -> bool:
    """Is ``party`` the second half of a subject that names the actor's side too ("the Russian
    and American militaries", "Russia and the United States")?"""
    index = unit_cues.index(party)
    before = next(
        (c for c in reversed(unit_cues[:index]) if c.label.startswith(st.PARTY_PREFIX)), None
    )
    return (
        before is not None
        and _pair_side(before.label.removeprefix(st.PARTY_PREFIX)) == own
        and analysed.words_between(before, party) in (["and"], ["and", "the"])
    )


COMMENT_OBJECT_MARKERS = OBJECT_MARKERS | {"of", "for", "on", "by", "from", "about", "into"}


def _fact_checkers_own(
    doc: dict[str, Any], unit_cues: list[st.Cue]
) -> tuple[str | None, str] | None:
    """In a fact-check, a sentence outside quotation marks that names no speaker of its own
    ("The claim mixes a true fact with a false conclusion.", "So yes, Moscow got a warning.") is
    the fact-checker's finding, not more of whoever was reported before it."""
    if not is_fact_check(doc) or any(c.label == "speech" for c in unit_cues):
        return None
    return doc.get("outlet"), "other"


FACT_CHECKER_NARRATION_LEAD = frozenset(["the", "but", "and", "so", "yet", "however", "now"])


def _narrates_events(
    body: str,
    span: tuple[int, int],
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    analysed: st.Analysed,
) -> bool:
    """A sentence of a fact-check that names a party only in a later clause ("The ceasefire
    collapsed, the centre was never set up, and the US broke off the talks."): the
    fact-checker's account of events, not that party's claim.  (Only asked of unquoted units
    with no speech verb; a sentence with "we" reports the fact-checker's exchanges instead.)"""
    start, end = span
    parties = [c for c in unit_cues if c.label.startswith(st.PARTY_PREFIX)]
    named = sorted([m[0] for m in mentions] + [c.char_start for c in parties])
    if not named or re.search(r"\b(?:we|us|our)\b", body[start:end]):
        return False
    lead = [w.strip(",;:").lower() for w in body[start : named[0]].split()]
    lead = [w for w in lead if w and w not in FACT_CHECKER_NARRATION_LEAD]
    return (
        bool(lead) and "," in body[start : named[0]] and not any(m[0] < named[0] for m in mentions)
    )


PARTY_ACTS = frozenset(["proposes", "rejects", "denies", "opposes", "conditional"])


def _opens_with_a_party(
    span: tuple[int, int],
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    body: str,
) -> bool:
    """Does a party or a known actor open the unit as its subject ("The Pentagon knocked the
    story down", "But President Donald Trump has floated …"), past a conjunction and titles?"""
    start = span[0]
    named = [m[0] for m in mentions] + [
        c.char_start for c in unit_cues if c.label.startswith(st.PARTY_PREFIX)
    ]
    if not named:
        return False
    lead = [w for w in body[start : min(named)].split() if any(ch.isalpha() for ch in w)]
    return all(w.lower() in FACT_CHECKER_NARRATION_LEAD or w[:1].isupper() for w in lead)


def _states_a_finding(
    span: tuple[int, int],
    sentence_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    body: str,
) -> bool:
    """In a fact-check, a sentence that reports no speech and holds no act of a party named as
    its subject ("U.S. commanders did warn the Russian military before the strike", "There is
    no evidence that the strike was planned with Moscow") is the fact-checker's finding; "The
    Pentagon knocked the story down" and "Washington turned the offer down" stay the party's.
    (Asked only of a fact-check's unquoted units.)"""
    if any(c.label == "speech" for c in sentence_cues):
        return False
    unit_cues = [c for c in sentence_cues if span[0] <= c.char_start < span[1]]
    acts = [
        c
        for c in unit_cues
        if (c.label in PARTY_ACTS and not c.negated) or (c.label == "coordination" and c.negated)
    ]  # a negated coordination term is a denial ("The White House … mentioned no arrangement")
    if not acts:
        return True
    if _opens_with_a_party(span, unit_cues, mentions, body):
        return False
    return not any(_agent_named_before(act, unit_cues, mentions, body) for act in acts)


AGENT_GAP_WORDS = 2  # "Sergei Lavrov proposing", "Moscow may well want"


def _agent_named_before(
    act: st.Cue,
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    body: str,
) -> bool:
    """Is a party or known actor named just before an act ("a statement by Foreign Minister
    Sergei Lavrov proposing that …"): its agent, whatever the sentence's subject?"""
    ends = [m[1] for m in mentions] + [
        c.char_end for c in unit_cues if c.label.startswith(st.PARTY_PREFIX)
    ]
    return any(
        end <= act.char_start and len(body[end : act.char_start].split()) <= AGENT_GAP_WORDS
        for end in ends
    )


def _authors_own_words(
    doc: dict[str, Any],
    unit_cues: list[st.Cue],
    mentions: list[tuple[int, int, str, str | None]],
    analysed: st.Analysed,
) -> bool:
    """In a signed commentary, a sentence with no speech verb whose first named party or actor
    is the object of a preposition ("First, any military partnership with Russia would make us
    complicit") is the author's own argument, not that party's claim."""
    if doc.get("kind") != "commentary" or not doc.get("author"):
        return False
    if any(c.label == "speech" for c in unit_cues):
        return False
    named = sorted(
        [m[0] for m in mentions]
        + [c.char_start for c in unit_cues if c.label.startswith(st.PARTY_PREFIX)]
    )
    if not named:
        return False
    before = analysed.text[max(0, named[0] - 16) : named[0]].lower().split()
    if before[-1:] == ["the"]:
        before = before[:-1]
    return before[-1:] != [] and before[-1] in COMMENT_OBJECT_MARKERS


def _is_object(party: st.Cue, analysed: st.Analysed) -> bool:
    """A party right after "with", "to" … ("the military channel with Russia remained limited")
    is no subject."""
    before = analysed.text[max(0, party.char_start - 12) : party.char_start].lower().split()
    markers = OBJECT_MARKERS | PLACE_MARKERS
    return (
        bool(before)
        and before[-1] in markers | {"the"}
        and (before[-1] != "the" or (len(before) > 1 and before[-2] in markers))
    )


# a party after one of these is a place, not a subject ("the Russian embassy in
# Washington called for …")
PLACE_MARKERS = frozenset(["in", "at", "from"])


# Denial cues that report someone's act of denying; the others judge a claim ("a fabrication of
# the Western press" is the speaker's denial, whoever is said to have fabricated it).
DENIAL_ACTS = ("deni", "deny", "refut", "rebut", "dismiss")


def _names_an_act(cue: st.Cue, analysed: st.Analysed) -> bool:
    """Whether a cue names an act whose agent may follow it ("refusal of the American side"),
    rather than the speaker's verdict on a claim ("a fabrication of the Western press")."""
    if cue.label != "denies":
        return True
    return analysed.text[cue.char_start : cue.char_end].lower().startswith(DENIAL_ACTS)


def _agent_after(cue: st.Cue, following: list[st.Cue], analysed: st.Analysed) -> str | None:
    """The side of a party right after a nominal cue ("refusal of the American side",
    "rejection by Washington")."""
    party = next((c for c in following if c.label.startswith(st.PARTY_PREFIX)), None)
    if party is None:
        return None
    if analysed.words_between(cue, party) not in (["of"], ["of", "the"], ["by"], ["by", "the"]):
        return None
    return _pair_side(party.label.removeprefix(st.PARTY_PREFIX))


def _title_sets_context(doc: dict[str, Any], lex: st.StanceLexicon) -> bool:
    """A title about US–Russia coordination ("Washington is not ready for real cooperation")
    counts as a claim just before the body, so the first sentences may imply a counterpart."""
    title = doc.get("title")
    if not title:
        return False
    cues = lex.analyse(str(title)).cues
    named = {_pair_side(s) for s in st.sides_named(cues)} - {None}
    return any(c.label == "coordination" for c in cues) and bool(named)


def _remember_speaker(
    actor: str | None, side: str | None, known: dict[str, tuple[str, str]]
) -> tuple[str | None, str | None]:
    """A bare surname takes the full name and side met earlier in the same document."""
    if not actor or not actor.split():
        return actor, side
    surname = actor.split()[-1]
    if side and len(actor.split()) > 1:
        known.setdefault(surname, (actor, side))
        return actor, side
    if side is None and len(actor.split()) == 1 and surname in known:
        return known[surname]
    return actor, side


def _set_quote_stance(quote: dict[str, Any], stance: str) -> None:
    """A quote spanning several claims keeps the strongest stance (precedence order)."""
    current = quote.get("stance")
    if current not in st.STANCE_ORDER or st.STANCE_ORDER.index(stance) < st.STANCE_ORDER.index(
        current
    ):
        quote["stance"] = stance


def is_fact_check(doc: dict[str, Any]) -> bool:
    return doc.get("kind") == "fact-check" or bool(doc.get("verdict"))


QUOTED_IN_LINE = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?")  # a quotation within one line


def questioned_side(doc: dict[str, Any], body: str, lex: st.StanceLexicon) -> str | None:
    """The side the title (else the first question in the body) names first:
    "Did Russia Conduct Airstrikes in Syria in Coordination with US?" → Russia."""
    questions = [doc.get("title") or ""]
    unquoted = QUOTED_IN_LINE.sub(lambda m: " " * len(m.group()), body[:3000])
    questions += [q.group() for q in re.finditer(r"[^\n.!?]{10,200}\?", unquoted)][:1]
    for text in questions:
        for side in st.sides_named(lex.analyse(text).cues):
            paired = _pair_side(side)
            if paired:
                return paired
    return None


def _claim_box_index(claims: list[dict[str, Any]], labels: list[str], body: str = "") -> int | None:
    """The claim printed under a claim label, if the page has a claim box: "Claim: …" in one
    paragraph, or a label paragraph of its own ("THE CLAIM") right above the claim."""
    for index, claim in enumerate(claims):
        head = str(claim["text"]).split(":", 1)[0].strip().lower()
        if ":" in str(claim["text"])[:40] and head in labels:
            return index
    for index, claim in enumerate(claims):
        before = body[: int(claim["start"])]
        if not before.endswith("\n\n"):
            continue
        if _is_claim_label(before[:-2].rsplit("\n\n", 1)[-1], labels):
            return index
    return None


LABEL_MARKS = re.compile(r"^[\W_]+|[\W_]+$")  # "**Claim:**", "⚠ WHAT IS CIRCULATING"


def _is_claim_label(line: str, labels: list[str]) -> bool:
    """A line that is only a claim box's label ("THE CLAIM", "**Claim:**", "Summary of eRumor:")."""
    return LABEL_MARKS.sub("", line).lower() in labels


def _claim_under_a_head_label(
    claims: list[dict[str, Any]], labels: list[str], body: str, head: Sequence[str]
) -> int | None:
    """The claim opening the article when the claim box's label stands above it, among the
    page's head lines ("Summary of eRumor:" / "Reports claim that the strike was planned …")."""
    if not any(_is_claim_label(line, labels) for line in head):
        return None
    first_paragraph_end = body.find("\n\n")
    opening = first_paragraph_end if first_paragraph_end >= 0 else len(body)
    return 0 if int(claims[0]["start"]) < opening else None


CLAIM_WORDS_COMPARED = 8  # the claim box's opening words looked for in a claim of the body
WORD = re.compile(r"[\w’'-]+")


def _claim_quoted_from_the_head(
    claims: list[dict[str, Any]], labels: list[str], head: Sequence[str]
) -> int | None:
    """The claim of the body that repeats the claim box's text when the box stands among the
    head lines ("Claim: “Trump and Putin agreed … under a single joint command”" above the
    article, the post quoted again in its second paragraph)."""
    for line in head:
        label, colon, rest = line.partition(":")
        if not colon or not _is_claim_label(label, labels):
            continue
        words = WORD.findall(rest.lower())[:CLAIM_WORDS_COMPARED]
        if len(words) < CLAIM_WORDS_COMPARED:
            continue
        for index, claim in enumerate(claims):
            if " ".join(words) in " ".join(WORD.findall(str(claim["text"]).lower())):
                return index
    return None


ATTRIBUTION_LINE = re.compile(r"\n\s*[—–-]\s*\S[^\n]*$")  # "— Russian Embassy, in a tweet"


def _opens_a_paragraph(body: str, start: int) -> bool:
    return body[max(0, start - 2) : start] in {"", "\n\n"}


def _opens_a_quoted_box(body: str, start: int) -> bool:
    """Does the claim open a paragraph that is one quotation of several sentences, perhaps with
    an attribution line under it (“… in concert … Our pilots share the targets.” / — Embassy)?"""
    if not _opens_a_paragraph(body, start):
        return False
    end = body.find("\n\n", start)
    paragraph = body[start : end if end >= 0 else len(body)]
    return _only_a_quotation(ATTRIBUTION_LINE.sub("", paragraph))


def _only_a_quotation(text: str) -> bool:
    """A paragraph that is nothing but one quotation (a fact-check's claim box quoting the
    post it rates: “U.S. and Russian jets are … ”)."""
    stripped = text.strip()
    return (
        len(stripped) > 2
        and stripped[0] in '“"«'
        and stripped[-1] in '”"»'
        and not any(mark in stripped[1:-1] for mark in '“”"«»')
    )


def _bare_claim_index(claims: list[dict[str, Any]], body: str, lex: st.StanceLexicon) -> int | None:
    """A claim box whose label the page kept apart: the first asserting claim that is a whole
    paragraph on its own, unattributed (no speech verb, no quotation)."""
    for index, claim in enumerate(claims):
        start, end = int(claim["start"]), int(claim["end"])
        alone = _opens_a_paragraph(body, start) and body[end : end + 2] in {"", "\n\n"}
        if claim["stance"] != "asserts":
            continue
        boxed = _opens_a_quoted_box(body, start)
        if not alone and not boxed:
            continue
        if claim.get("quote_id") and not (boxed or _only_a_quotation(str(claim["text"]))):
            continue  # a quote with its speaker is reporting, not the claim under review
        if any(c.label == "speech" for c in lex.analyse(str(claim["text"])).cues):
            continue
        return index
    return None


CIRCULATING_REACH = 60  # characters from the post, page or message to its verb of claiming


@functools.lru_cache(maxsize=8)
def _circulating_pattern(sources: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    if not sources or not verbs:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, sources))})\b[^.!?;]{{0,{CIRCULATING_REACH}}}?"
        rf"\b(?:{'|'.join(map(re.escape, verbs))})\b",
        re.IGNORECASE,
    )


def _circulating_claim_index(claims: list[dict[str, Any]], lex: st.StanceLexicon) -> int | None:
    """The claim a fact-check reports a post, page or message as making ("the Facebook page …
    published a post claiming that the American and Russian militaries had signed …"): the
    first asserting claim whose text names such a source and its verb of claiming
    (``circulating_sources`` and ``circulating_verbs`` of ``stance.toml``)."""
    pattern = _circulating_pattern(lex.circulating_sources, lex.circulating_verbs)
    for index, claim in enumerate(claims):
        if claim["stance"] == "asserts" and pattern.search(str(claim["text"])):
            return index
    return None


def _fact_checkers_verdict(
    doc: dict[str, Any], text: str, lex: st.StanceLexicon, quoted: bool = False
) -> bool:
    """The sentence where a fact-checker gives its rating ("we rate this claim Mostly False")."""
    if not is_fact_check(doc):
        return False
    lowered = text.lower()
    if not quoted and re.match(r"(?:no|yes)\s*[,!—–]", lowered.lstrip()):
        return True  # the fact-checker's own answer: "No, Trump hasn't sent U.S. jets …"
    return any(phrase in lowered for phrase in lex.verdict_phrases)


def rated_claim_index(
    claims: list[dict[str, Any]], scores: list[int], side: str | None
) -> int | None:
    """Index of the claim a fact-check rates (rule in the module docstring)."""
    if not claims:
        return None

    def best(indices: list[int]) -> int | None:
        if not indices:
            return None
        return max(indices, key=lambda i: (scores[i], -i))

    by_side = [i for i, c in enumerate(claims) if side and _pair_side(c.get("side")) == side]
    asserting = [i for i in by_side if claims[i]["stance"] == "asserts"]
    choice = best(asserting)
    if choice is None:
        choice = best(by_side)
    if choice is None:
        choice = best([i for i, c in enumerate(claims) if c["stance"] == "asserts"])
    return 0 if choice is None else choice


def _attach_verdict(
    doc: dict[str, Any],
    body: str,
    claims: list[dict[str, Any]],
    scores: list[int],
    lex: st.StanceLexicon,
    head: Sequence[str] = (),
) -> None:
    if not claims or not is_fact_check(doc) or not doc.get("verdict"):
        return
    labels = [str(w).lower() for w in (lex.claim_labels or [])]
    index = _claim_box_index(claims, labels, body)
    if index is None:
        index = _claim_quoted_from_the_head(claims, labels, head)
    if index is None:
        index = _claim_under_a_head_label(claims, labels, body, head)
    if index is None:
        index = _bare_claim_index(claims, body, lex)
    if index is None:
        index = _circulating_claim_index(claims, lex)
    if index is None:
        index = rated_claim_index(claims, scores, questioned_side(doc, body, lex))
    if index is None:
        return
    claims[index]["verdict"] = doc.get("verdict")
    claims[index]["reviewed_by"] = doc.get("outlet")
