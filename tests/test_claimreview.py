"""schema.org ClaimReview JSON-LD for rated claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.claimreview import claim_reviews, structural_problems, to_jsonld

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths.append(ROOT / "tests" / "fixtures" / "corpus" / "claims_factcheck_misleading.txt")
    return load_corpus(paths)


def test_one_review_per_rated_claim_and_each_is_well_formed(corpus):
    reviews = claim_reviews(corpus)
    assert len(reviews) == int(corpus.claims["verdict"].notna().sum()) == 2
    for review in reviews:
        assert structural_problems(review) == []


def test_the_seed_fact_check_review(corpus):
    review = next(r for r in claim_reviews(corpus) if r["author"]["name"] == "Polygraph.info")
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "False"}
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["author"]["name"]
    assert "direct line" in review["claimReviewed"]
    assert review["datePublished"] == "2017-01"  # the fact-check is dated to the month only


def test_a_claim_box_label_is_not_part_of_the_claim_reviewed(corpus):
    ratings = {r["reviewRating"]["alternateName"]: r for r in claim_reviews(corpus)}
    assert not ratings["Misleading"]["claimReviewed"].lower().startswith("claim:")


def test_json_ld_is_deterministic_and_parses_back(corpus):
    reviews = claim_reviews(corpus)
    text = to_jsonld(reviews)
    assert text == to_jsonld(json.loads(text))
    assert json.loads(text) == reviews


def test_structural_check_reports_what_is_missing():
    assert "missing reviewRating" in structural_problems({"@type": "ClaimReview"})
