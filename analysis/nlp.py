"""Sentence splitting with spaCy's blank English pipeline (rule-based; no model download)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Abbreviations after which a full stop does not end a sentence: titles, ranks, months.
ABBREVIATIONS = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Cmdr.",
    "Adm.",
    "Sgt.",
    "Cpl.",
    "Pvt.",
    "Brig.",
    "Amb.",
    "Pres.",
    "Sec.",
    "Gens.",
    "Lt.Col.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "No.",
    "St.",
    "Ft.",
    "Mt.",
    "vs.",
    "Jr.",
    "Sr.",
]


_ABBREVIATION_SET = frozenset(ABBREVIATIONS)


def _is_abbreviation(text: str) -> bool:
    return text in _ABBREVIATION_SET or (len(text) == 2 and text[0].isupper() and text[1] == ".")


@Language.component("abbreviation_guard")
def abbreviation_guard(doc: Doc) -> Doc:
    """Undo sentence starts that follow a title or month abbreviation ("Lt. Col. X", "Jan. 23").

    Only the sentence starts the sentencizer set are looked at (few), not every token.
    """
    starts = doc.to_array(SENT_START)
    for i in numpy.flatnonzero(starts == 1).tolist():
        if i > 0 and _is_abbreviation(doc[i - 1].text):
            doc[i].is_sent_start = False
    return doc


TOKENISER_MAX_CHARS = 10_000_000


@lru_cache(maxsize=1)
def english() -> Language:
    """A blank English pipeline with the rule-based sentencizer; built once per process."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])  # type: ignore[union-attr]
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_guard")
    # spaCy's default limit (1,000,000 characters) guards the parser and NER models, which need
    # about 1 GB per 100,000 characters; this pipeline only tokenises, so any text the reader
    # accepts (up to ``read.MAX_BYTES``) must pass, even as one paragraph.
    nlp.max_length = TOKENISER_MAX_CHARS
    return nlp


SHARED_DOC_CHARS = 3_000  # longer paragraphs are tokenised afresh: a few would hold much memory

LONG_RUN_CHARS = 256  # no word, name or sentence mark is this long without a space
LONG_RUN = re.compile(rf"\S{{{LONG_RUN_CHARS},}}")
LONG_RUN_TAIL = 4  # kept as written: a run's closing punctuation may end a sentence


def tokenise(text: str) -> Doc:
    """The blank English tokenizer's ``Doc`` of ``text``, in time linear in the text.

    spaCy peels a word's trailing punctuation one character at a time, searching the rest of
    the word again each time: a run of 3,000 "=" or "!" on a scraped page took 1.5-3 s, and
    ten times longer runs would take minutes.  Such runs (``LONG_RUN_CHARS`` or more without
    a space) are tokenised as a plain word of the same length, their last ``LONG_RUN_TAIL``
    characters as written, so that every offset still points into ``text``."""
    if len(text) >= LONG_RUN_CHARS and _may_hold_a_long_run(text) and LONG_RUN.search(text):
        text = LONG_RUN.sub(_inert_run, text)
    return english().tokenizer(text)


def _may_hold_a_long_run(text: str) -> bool:
    """A quick test before the slower search: a run of ``LONG_RUN_CHARS`` characters without
    white space covers a whole aligned block of half that length, and a block of prose holds
    a space."""
    half = LONG_RUN_CHARS // 2
    return any(" " not in text[i : i + half] for i in range(0, len(text) - half + 1, half))


def _inert_run(match: re.Match[str]) -> str:
    run = match.group()
    return "x" * (len(run) - LONG_RUN_TAIL) + run[-LONG_RUN_TAIL:]


def paragraph_doc(text: str) -> Doc:
    """The blank English tokenizer's ``Doc`` of one paragraph, remembered for the most recent
    few hundred paragraphs (up to ``SHARED_DOC_CHARS`` long): the sentence splitter and the
    stance cues tokenise the same paragraphs of a document, and tokenising is much of their
    cost.  Shared: read it, never change it (no ``is_sent_start``, no ``ents``).  Unlike
    ``make_doc`` it has no ``max_length`` check."""
    if len(text) > SHARED_DOC_CHARS:
        return tokenise(text)
    return _remembered_doc(text)


@lru_cache(maxsize=256)
def _remembered_doc(text: str) -> Doc:
    return tokenise(text)


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``body`` (blank-line separated), stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*PARAGRAPH_BREAK.finditer(body), None]:
        end = match.start() if match else len(body)
        chunk = body[start:end]
        if chunk.strip():
            left = start + len(chunk) - len(chunk.lstrip())
            right = start + len(chunk.rstrip())
            spans.append((left, right))
        if match:
            start = match.end()
    return spans


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``body``; a sentence never crosses a paragraph."""
    spans: list[tuple[int, int]] = []
    for offset, end in paragraph_spans(body):
        paragraph = _paragraph_sentences(body[offset:end], offset)
        if "[" in body[offset:end]:
            paragraph = _after_footnote_marks(body, paragraph)
        spans.extend(paragraph)
    return spans


# a footnote mark right after a sentence's final character ("… as air targets”.[1] Then …",
# "… a gamble.”[5] The …"): the tokeniser glues it to the word, so no sentence starts after it
FOOTNOTE_MARK = re.compile(r"(?<=[.!?])[\"”’']?\[\d{1,3}\]\s+(?=\S)")


def _after_footnote_marks(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of one paragraph with a sentence ending at each footnote mark after a
    final character: the mark stays with the sentence it annotates."""
    if not spans:
        return spans
    first, last = spans[0][0], spans[-1][1]
    starts = {a for a, _ in spans}
    for match in FOOTNOTE_MARK.finditer(body, first, last):
        starts -= set(range(match.start(), match.end()))
        starts.add(match.end())
    ordered = sorted(s for s in starts if first <= s < last)
    result: list[tuple[int, int]] = []
    for k, start in enumerate(ordered):
        stop = ordered[k + 1] if k + 1 < len(ordered) else last
        text = body[start:stop]
        if text.strip():
            result.append((start, start + len(text.rstrip())))
    return result


@lru_cache(maxsize=1)
def _sentencizer_tables() -> tuple[re.Pattern[str], frozenset[int], frozenset[int]]:
    """From the pipeline's own sentencizer: a search for its sentence-final characters, the
    ORTH hashes of those characters and the ORTH hashes of the abbreviations."""
    nlp = english()
    punct_chars = sorted(nlp.get_pipe("sentencizer").punct_chars)  # type: ignore[attr-defined]
    strings = nlp.vocab.strings
    return (
        re.compile(f"[{''.join(re.escape(c) for c in punct_chars)}]"),  # single characters
        _as_int64({strings.add(c) for c in punct_chars}),
        _as_int64({strings.add(a) for a in ABBREVIATIONS}),
    )


def _as_int64(hashes: set[int]) -> frozenset[int]:
    """uint64 string hashes as the int64 values ``_paragraph_sentences`` reads them as."""
    return frozenset(numpy.array(sorted(hashes), dtype="uint64").astype("int64").tolist())


def _is_punctuation_only(text: str) -> bool:
    """spaCy's ``is_punct`` of a string: every character is Unicode punctuation (P*)."""
    return all(unicodedata.category(char).startswith("P") for char in text)


def _paragraph_sentences(text: str, offset: int) -> list[tuple[int, int]]:
    """The sentences of one stripped paragraph, as character spans shifted by ``offset``."""
    return [(offset + a, offset + b) for a, b in _sentences_of(text)]


@lru_cache(maxsize=8192)
def _sentences_of(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one paragraph (offsets into it), remembered: a corpus repeats
    paragraphs (syndicated copies, boilerplate), and the split depends on the text alone."""
    return tuple(_split_paragraph(text))


def _split_paragraph(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """The sentences of one stripped paragraph.  Same result as running the ``english()``
    pipeline (sentencizer + abbreviation guard), computed from token arrays instead of one
    ``Token`` object per token; a paragraph with no sentence-final character before its
    closing punctuation is one sentence without tokenizing it at all."""
    final_mark, punct_orths, abbreviation_orths = _sentencizer_tables()
    if _is_one_sentence(text, final_mark):
        return [(offset, offset + len(text))] if text.strip() else []
    doc = paragraph_doc(text)
    table = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).astype("int64").tolist()
    starts = [0]
    seen_final = False
    for i, (orth, punct, _, _) in enumerate(table):
        is_final = orth in punct_orths
        if seen_final and not punct and not is_final:
            previous = table[i - 1]
            if not _guarded(text, previous, abbreviation_orths):
                starts.append(i)
            seen_final = False
        elif is_final:
            seen_final = True
    return _spans_from_starts(text, table, starts, offset)


def _is_one_sentence(text: str, final_mark: re.Pattern[str]) -> bool:
    """No sentence-final character, or only punctuation from the first one on ("Why?!”").
    A full stop followed by anything but punctuation settles it without searching for the
    first of the sentencizer's hundred-odd final characters (most paragraphs have one)."""
    stop = text.find(".")
    if stop >= 0 and not _is_punctuation_only(text[stop:]):
        return False  # the first final character is at or before the stop: more follows it
    first = _first_final(text, final_mark)
    return not text or first < 0 or _is_punctuation_only(text[first:])


def _first_final(text: str, final_mark: re.Pattern[str]) -> int:
    """Offset of the first sentence-final character of ``text`` (-1: none); in ASCII text only
    the sentencizer's few ASCII ones can occur, and ``str.find`` looks for them much faster."""
    if not text.isascii():
        match = final_mark.search(text)
        return match.start() if match is not None else -1
    found = [at for at in (text.find(mark) for mark in _ascii_final_marks()) if at >= 0]
    return min(found) if found else -1


@lru_cache(maxsize=1)
def _ascii_final_marks() -> tuple[str, ...]:
    punct_chars = english().get_pipe("sentencizer").punct_chars  # type: ignore[attr-defined]
    return tuple(sorted(c for c in punct_chars if c.isascii()))


def _guarded(text: str, token: list[int], abbreviation_orths: frozenset[int]) -> bool:
    """Whether ``token`` (a row of ORTH, IS_PUNCT, IDX, LENGTH) is an abbreviation after which
    no sentence starts."""
    if token[0] in abbreviation_orths:
        return True
    return _is_abbreviation(text[token[2] : token[2] + token[3]])


def _spans_from_starts(
    text: str, table: list[list[int]], starts: list[int], offset: int
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(table)) - 1
        start_char = table[first][2]
        end_char = table[last][2] + table[last][3]
        sentence = text[start_char:end_char]
        stripped = sentence.strip()
        if not stripped:
            continue
        a = offset + start_char + len(sentence) - len(sentence.lstrip())
        spans.append((a, a + len(stripped)))
    return spans
