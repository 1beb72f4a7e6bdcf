"""Sentence splitting with spaCy's blank English pipeline (rule-based; no model download)."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
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


@Language.component("abbreviation_guard")
def abbreviation_guard(doc: Doc) -> Doc:
    """Undo sentence starts that follow a title or month abbreviation ("Lt. Col. X", "Jan. 23")."""
    for token in doc[:-1]:
        if token.text in ABBREVIATIONS or (
            len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
        ):
            doc[token.i + 1].is_sent_start = False
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
    for (offset, _), doc in zip(paragraphs, english().pipe(texts), strict=True):
        for sent in doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            a = offset + sent.start_char + lead
            spans.append((a, a + len(stripped)))
    return spans
