"""Sentence splitting with spaCy's blank English pipeline (rule-based; no model download)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, ORTH, SENT_START
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


@lru_cache(maxsize=1)
def english() -> Language:
    """A blank English pipeline with the rule-based sentencizer; built once per process."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_guard")
    return nlp


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
    paragraphs = paragraph_spans(body)
    texts = (body[a:b] for a, b in paragraphs)
    spans: list[tuple[int, int]] = []
    for (offset, end), doc in zip(paragraphs, english().pipe(texts), strict=True):
        spans.extend(_sentence_spans_of(doc, body[offset:end], offset))
    return spans


def _sentence_spans_of(doc: Doc, text: str, offset: int) -> list[tuple[int, int]]:
    """The stripped, non-empty sentences of one paragraph (``doc`` of ``text``), shifted by
    ``offset``; read from token arrays, without a ``Span`` object per sentence."""
    if not len(doc):
        return []
    table = doc.to_array([SENT_START, IDX, LENGTH]).astype("int64").tolist()  # uint64 lists slowly
    starts = [i for i, row in enumerate(table) if row[0] == 1 or i == 0]
    spans: list[tuple[int, int]] = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(table)) - 1
        start_char = table[first][1]
        end_char = table[last][1] + table[last][2]
        sentence = text[start_char:end_char]
        stripped = sentence.strip()
        if not stripped:
            continue
        a = offset + start_char + len(sentence) - len(sentence.lstrip())
        spans.append((a, a + len(stripped)))
    return spans
