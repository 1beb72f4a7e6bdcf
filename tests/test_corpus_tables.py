from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.tables import validate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return load_corpus(SEEDS, cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The seeds plus the other-encoding and bad-file fixtures."""
    paths = [*SEEDS.glob("*.txt"), *(FIXTURES / "corpus").glob("enc_*.txt")]
    paths += sorted((FIXTURES / "bad").iterdir())
    return load_corpus(paths, cache_dir=tmp_path_factory.mktemp("cache"))


def test_every_table_matches_its_schema(corpus):
    for name, frame in corpus.tables().items():
        validate(name, frame)


def test_every_table_of_a_mixed_corpus_matches_its_schema(mixed):
    for name, frame in mixed.tables().items():
        validate(name, frame)


def test_every_seed_file_is_a_document_or_a_problem(corpus):
    ids = set(corpus.documents.doc_id) | set(corpus.problems.doc_id)
    assert ids == {p.stem for p in SEEDS.glob("*.txt")}
    assert not set(corpus.documents.doc_id) & set(corpus.problems.doc_id)


def test_problems_table_lists_reason_and_path_of_bad_files(mixed):
    problems = mixed.problems.set_index("doc_id")
    assert problems.loc[["empty", "image", "whitespace"], "reason"].tolist() == [
        "empty",
        "binary",
        "empty",
    ]
    assert problems.loc["image", "path"].endswith("image.txt")
    assert "page" in set(mixed.documents.doc_id)
