"""The shared spaCy pipeline accepts every text the reader lets through."""

from analysis import load_corpus, read
from analysis.nlp import english, paragraph_spans, sentence_spans, tokenise


def test_pipeline_limit_admits_the_largest_text_the_reader_accepts() -> None:
    assert english().max_length >= read.MAX_BYTES


def test_a_paragraph_longer_than_spacys_default_limit_is_tokenised() -> None:
    paragraph = "Russia proposed joint strikes. " * 35_000  # 1,085,000 characters, one line
    assert len(paragraph) > 1_000_000
    doc = english().make_doc(paragraph)
    assert doc[0].text == "Russia"
    assert paragraph_spans(paragraph) == [(0, len(paragraph.rstrip()))]


def test_a_long_run_without_spaces_keeps_every_offset_and_its_closing_mark() -> None:
    text = "The ministry said so" + "!" * 5_000 + " Washington said nothing."
    doc = tokenise(text)
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc if not t.text.startswith("x"))
    assert doc[-1].idx + len(doc[-1]) == len(text)
    assert len(doc) < 20  # the run is one word and its last marks, not 5,000 tokens
    assert sentence_spans(text)[-1] == (text.index("Washington"), len(text))


def test_a_page_with_a_rule_of_thirty_thousand_signs_loads_as_a_document(tmp_path) -> None:
    """spaCy alone would need minutes for such a line (its suffix search is quadratic)."""
    rule = "=" * 30_000
    page = (
        "Pentagon rejects joint strikes\n\nBy Jane Roe\n\nOctober 7, 2015\n\n"
        f"The Pentagon said on Tuesday it would not coordinate strikes with Russia.\n\n{rule}\n\n"
        "Russia's Defence Ministry said it had proposed joint strikes on Friday.\n"
    )
    (tmp_path / "ruled.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False, workers=1)
    assert list(corpus.documents["doc_id"]) == ["ruled"]
    assert corpus.problems.empty
    assert "joint strikes" in corpus.documents.loc[0, "body"]


def test_a_footnote_mark_after_a_sentence_ends_it() -> None:
    text = (
        'The envoy called it "a mistake".[7] Officials in Rome disagreed. '
        'He said it was "over."[12] Nobody replied.'
    )
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert sentences == [
        'The envoy called it "a mistake".[7]',
        "Officials in Rome disagreed.",
        'He said it was "over."[12]',
        "Nobody replied.",
    ]
