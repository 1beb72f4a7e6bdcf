"""The shared spaCy pipeline accepts every text the reader lets through."""

from analysis import read
from analysis.nlp import english, paragraph_spans


def test_pipeline_limit_admits_the_largest_text_the_reader_accepts() -> None:
    assert english().max_length >= read.MAX_BYTES


def test_a_paragraph_longer_than_spacys_default_limit_is_tokenised() -> None:
    paragraph = "Russia proposed joint strikes. " * 35_000  # 1,085,000 characters, one line
    assert len(paragraph) > 1_000_000
    doc = english().make_doc(paragraph)
    assert doc[0].text == "Russia"
    assert paragraph_spans(paragraph) == [(0, len(paragraph.rstrip()))]
