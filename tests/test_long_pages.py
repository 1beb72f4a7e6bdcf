"""Long pages: the indexes that keep a long transcript or a page of hundreds of quotes from costing
time quadratic in its length find exactly what a plain scan of the text finds."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.claims import _QuoteSpans
from analysis.quotes import (
    _ABBREVIATIONS,
    _SENTENCE_END,
    _is_abbreviation,
    _sentence_start,
    _word_starts_before,
)

# Texts made of the pieces that matter: sentence ends, abbreviations, quotation marks, capitals,
# paragraph breaks, spaces of every kind.
PIECES = ["Mr.", "U.S.", "Gen.", "said.", "Davis", "He", "“We", "(AP)", "1.", "a", "!", "?"]
PIECES += ['"', "”", "’", ")", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", ".", "KalinKalin", "Kalin"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _plain_is_abbreviation(text: str, dot: int) -> bool:
    token = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    bare = token.strip("(\"“‘'").rstrip(".").casefold()
    return len(bare) <= 1 or "." in bare or bare in _ABBREVIATIONS


def _plain_sentence_start(body: str, pos: int) -> int:
    para_start = body.rfind("\n\n", 0, pos)
    para_start = 0 if para_start < 0 else para_start + 2
    start = para_start
    for match in _SENTENCE_END.finditer(body, para_start, pos):
        if not _plain_is_abbreviation(body, match.start()):
            start = match.end()
    return start


@settings(max_examples=300)
@given(texts, st.data())
def test_a_dot_is_an_abbreviation_exactly_when_the_whole_text_before_it_says_so(text, data):
    dot = data.draw(st.integers(0, len(text)))
    assert _is_abbreviation(text, dot) == _plain_is_abbreviation(text, dot)


def test_the_word_before_a_dot_is_found_however_long_it_is():
    url = "see www." + "x" * 500 + ".com"
    assert _is_abbreviation(url + ". Then", len(url))  # the dot far back makes it one
    assert not _is_abbreviation("  " + "y" * 300 + ". Then", 302)


@settings(max_examples=300)
@given(texts, st.data())
def test_a_sentence_starts_where_a_scan_of_its_paragraph_says(text, data):
    pos = data.draw(st.integers(0, len(text)))
    assert _sentence_start(text, pos) == _plain_sentence_start(text, pos)


def test_a_sentence_opening_with_a_quotation_mark_starts_only_once_its_capital_is_reached():
    body = "He said so. “We will not,” he added."
    quote_mark = body.index("“")
    for pos in range(len(body) + 1):
        assert _sentence_start(body, pos) == _plain_sentence_start(body, pos), pos
    assert _sentence_start(body, quote_mark + 1) == 0  # "“" alone: no capital seen yet
    assert _sentence_start(body, quote_mark + 2) == quote_mark


@settings(max_examples=300)
@given(texts, st.data())
def test_a_names_earlier_places_are_those_a_search_of_the_text_before_finds(text, data):
    pos = data.draw(st.integers(0, len(text)))
    plain = [m.start() for m in re.finditer(r"\bKalin\b", text[:pos])]
    assert _word_starts_before(text, "Kalin", pos) == plain


def _plain_overlapping_quote(quotes: list[dict[str, Any]], start: int, end: int) -> Any:
    best, best_overlap = None, 0
    for quote in quotes:
        if quote.get("start") is None or quote.get("end") is None:
            continue
        overlap = min(end, int(quote["end"])) - max(start, int(quote["start"]))
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best


spans = st.tuples(st.integers(0, 80), st.integers(0, 30))


@settings(max_examples=300)
@given(st.lists(st.one_of(spans, st.none()), max_size=25), spans)
def test_a_claim_takes_the_quote_a_look_at_every_quote_would_give_it(placed, claim):
    quotes = [
        {"start": None, "end": None} if span is None else {"start": span[0], "end": sum(span)}
        for span in placed
    ]
    start, end = claim[0], sum(claim)
    assert _QuoteSpans(quotes).overlapping(start, end) is _plain_overlapping_quote(
        quotes, start, end
    )
