"""Sentence splitting with spaCy's blank English pipeline (rule-based; no model download)."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def english() -> Language:
    """A blank English pipeline with the rule-based sentencizer; built once per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
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
