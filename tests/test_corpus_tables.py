from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.tables import validate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


def test_every_table_matches_its_schema(corpus):
    for name, frame in corpus.tables().items():
        validate(name, frame)


def test_every_seed_file_is_a_document_or_a_problem(corpus):
    ids = set(corpus.documents.doc_id) | set(corpus.problems.doc_id)
    assert ids == {p.stem for p in SEEDS.glob("*.txt")}
    assert not set(corpus.documents.doc_id) & set(corpus.problems.doc_id)
