"""Property tests: arbitrary bytes and text never break a load, and every offset is honest."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import Corpus, load_corpus
from analysis.knowledge import load_knowledge
from analysis.pipeline import process_path

KB = load_knowledge()
OFFSET_TABLES = ("quotes", "claims", "events")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

QUOTE_MARKS = st.sampled_from(['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "«", "»", "„"])
HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "&amp;",
        "&#8220;",
        "<br/>",
        "<div class='x'>",
        "</div>",
        "<!-- c -->",
        "<a href='http://x'>link</a>",
    ]
)
WORDS = st.sampled_from(
    [
        "Russia",
        "the Pentagon",
        "said",
        "coordinate",
        "joint airstrikes",
        "denied",
        "on Friday",
        "May 25, 2016",
        "Lavrov",
        "Syria",
        "\n\n",
        "\n",
        " ",
        ".",
        ",",
    ]
)
# Unicode text without surrogates (they cannot be written as UTF-8).
UNICODE = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
NEWSISH = st.lists(st.one_of(WORDS, QUOTE_MARKS, HTML_BITS, UNICODE), max_size=80).map("".join)
GIANT_LINE = st.integers(min_value=10_000, max_value=60_000).map(
    lambda n: "Russia said the US agreed. " * (n // 27)
)
TEXTS = st.one_of(NEWSISH, UNICODE, GIANT_LINE, st.just("\x00" * 5 + "Russia said."))


def _check_offsets(corpus: Corpus) -> None:
    bodies = dict(zip(corpus.documents.doc_id, corpus.documents.body, strict=True))
    for name in OFFSET_TABLES:
        frame = getattr(corpus, name)
        for row in frame.itertuples(index=False):
            if pd.isna(row.start) or pd.isna(row.end):
                continue
            assert bodies[row.doc_id][row.start : row.end] == row.text, (name, row)


def _load_one(data: bytes, name: str = "doc.txt") -> Corpus:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        corpus = load_corpus([path], cache=False, workers=1)
    ids = [*corpus.documents.doc_id, *corpus.problems.doc_id]
    assert ids == ["doc"], ids
    _check_offsets(corpus)
    return corpus


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_end_in_exactly_one_table(data: bytes):
    _load_one(data)


@SETTINGS
@given(TEXTS, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_arbitrary_text_end_in_exactly_one_table_with_honest_offsets(text: str, encoding: str):
    data = text.encode(encoding, errors="replace")
    _load_one(data)


@SETTINGS
@given(NEWSISH)
def test_html_fragments_never_raise_in_a_saved_page(text: str):
    _load_one(f"<html><body>{text}</body></html>".encode(), name="doc.html")


@SETTINGS
@given(NEWSISH)
def test_process_path_returns_one_outcome(text: str):
    result = process_path(Path("x.txt"), KB, text.encode("utf-8"))
    assert (result.document is None) != (result.problem is None)
    if result.document is not None:
        body = result.document["body"]
        for rows in (result.quotes, result.claims, result.events):
            for row in rows:
                if row.get("start") is not None and row.get("end") is not None:
                    assert body[row["start"] : row["end"]] == row["text"]
