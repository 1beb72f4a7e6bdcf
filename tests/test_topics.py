"""Topic tagging: keyword groups, date windows, anchors for undated rows, document context."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.knowledge import load_knowledge
from analysis.topics import tag_topics, topic_info, valid_topics

REQUIRED = {
    "joint-strikes-proposal",
    "al-bab-strike-claim",
    "deconfliction-channel",
    "aleppo",
    "kerry-lavrov-arrangement",
    "assad-conditions",
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def tagged(kb, *rows: dict) -> list[list[str]]:
    rows_ = [dict(r) for r in rows]
    tag_topics(rows_, kb)
    return [r["topics"] for r in rows_]


def test_the_shipped_topics_cover_the_story(kb):
    assert set(valid_topics(kb)) >= REQUIRED


def test_topic_info_gives_title_question_and_window(kb):
    info = topic_info(kb, "al-bab-strike-claim")
    assert info["title"]
    assert info["question"].endswith("?")
    assert info["start"] <= date(2017, 1, 22) <= info["end"]


def test_topic_info_of_an_unknown_topic_lists_the_valid_ones(kb):
    with pytest.raises(ValueError, match="joint-strikes-proposal"):
        topic_info(kb, "moon-landing")


def test_a_dated_row_is_tagged_only_inside_the_window(kb):
    text = "Shoigu proposed joint airstrikes against the Nusra Front."
    inside = {"doc_id": "a", "text": text, "date": date(2016, 5, 20), "date_precision": "day"}
    outside = {"doc_id": "b", "text": text, "date": date(2018, 3, 1), "date_precision": "day"}
    assert tagged(kb, inside, outside) == [["joint-strikes-proposal"], []]


def test_a_month_precise_date_covers_its_month(kb):
    row = {
        "doc_id": "a",
        "text": "The command center received coordinates of targets near al-Bab.",
        "date": date(2017, 3, 1),
        "precision": "month",
    }
    assert "al-bab-strike-claim" in tagged(kb, row)[0]


def test_an_undated_row_needs_the_topic_anchor(kb):
    generic = {"doc_id": "a", "text": "Jets received coordinates via the direct line."}
    anchored = {"doc_id": "b", "text": "Jets received coordinates of targets near al-Bab."}
    first, second = tagged(kb, generic, anchored)
    assert "al-bab-strike-claim" not in first
    assert "al-bab-strike-claim" in second


def test_rows_inherit_a_topic_their_document_is_about(kb):
    rows = [
        {"doc_id": "d", "text": "Russia says it got coordinates for strikes near al-Bab."},
        {"doc_id": "d", "text": "Sputnik repeated that the targets near al-Bab came from the US."},
        {"doc_id": "d", "text": "The Pentagon issued a swift denial."},
    ]
    assert all("al-bab-strike-claim" in topics for topics in tagged(kb, *rows))


def test_a_topic_with_stances_skips_other_stances(kb):
    text = "As long as Russia props up the Assad regime we will not cooperate with Moscow."
    conditional = {"doc_id": "a", "text": text, "stance": "conditional"}
    asserting = {"doc_id": "b", "text": text, "stance": "asserts"}
    first, second = tagged(kb, conditional, asserting)
    assert "assad-conditions" in first
    assert "assad-conditions" not in second


def test_a_user_topic_file_adds_a_topic(tmp_path: Path):
    (tmp_path / "topics.toml").write_text(
        '[[topic]]\nname = "tanf"\ntitle = "At-Tanf"\nquestion = "What happened at al-Tanf?"\n'
        'start = 2017-05-01\nend = 2017-06-30\nkeywords = [["tanf"]]\n'
    )
    kb = load_knowledge(tmp_path)
    assert "tanf" in valid_topics(kb)
    assert tagged(kb, {"doc_id": "a", "text": "Strikes near al-Tanf."}) == [["tanf"]]


def test_topic_info_of_all_describes_the_whole_corpus(kb):
    info = topic_info(kb, "all")
    assert info["name"] == "all"
    assert info["question"].endswith("?")
