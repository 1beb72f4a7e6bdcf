"""Selecting a sub-corpus by topic, date range and side."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import load_corpus

ROOT = Path(__file__).resolve().parents[1]
POLYGRAPH = "004_23810dff6811bbfc"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(sorted((ROOT / "seeds").glob("*.txt")))


def test_all_means_no_topic_filter(corpus):
    selected = corpus.select(topic="all")
    assert len(selected.claims) == len(corpus.claims)
    assert len(selected.documents) == len(corpus.documents)


def test_a_topic_keeps_its_rows_and_their_documents(corpus):
    selected = corpus.select(topic="al-bab-strike-claim")
    assert len(selected.claims) > 0
    assert set(selected.claims["doc_id"]) == {POLYGRAPH}
    assert selected.claims["topics"].str.contains("al-bab-strike-claim").all()
    kept = set(selected.claims["doc_id"]) | set(selected.quotes["doc_id"])
    kept |= set(selected.events["doc_id"])
    assert set(selected.documents["doc_id"]) == kept
    assert set(selected.links["doc_id"]) <= kept
    assert selected.problems.equals(corpus.problems)


def test_unknown_topic_lists_the_valid_ones(corpus):
    with pytest.raises(ValueError, match=r"unknown topic 'moon'.*all, joint-strikes-proposal"):
        corpus.select(topic="moon")


def test_a_bad_date_is_a_clear_error(corpus):
    with pytest.raises(ValueError, match="bad date 'May 2016'"):
        corpus.select(start="May 2016")
    with pytest.raises(ValueError, match="is after end"):
        corpus.select(start="2017", end="2016")


def test_unknown_side_lists_the_valid_ones(corpus):
    with pytest.raises(ValueError, match="valid sides: US, Russia"):
        corpus.select(side="USA")


def test_a_month_range_keeps_rows_dated_in_it(corpus):
    selected = corpus.select(start="2016-05", end="2016-05")
    assert len(selected.claims) > 0
    dates = selected.claims["date"]
    assert ((dates >= "2016-05-01") & (dates <= "2016-05-31")).all()
    assert len(selected.documents) == len(corpus.documents)  # no topic: documents stay


def test_side_filters_claims_and_quotes(corpus):
    selected = corpus.select(side=["Russia"])
    assert set(selected.claims["side"]) == {"Russia"}
    assert set(selected.quotes["side"].dropna()) <= {"Russia"}
    assert len(selected.events) == len(corpus.events)  # events carry no side
