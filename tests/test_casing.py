"""Shouted sentences (all capitals) are read in ordinary case; offsets and texts stay the body's."""

from __future__ import annotations

import pytest

from analysis import load_corpus
from analysis.casing import is_shouted, recase_sentence, recase_shouted
from analysis.knowledge import load_knowledge
from analysis.nlp import sentence_spans


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_a_sentence_in_capitals_is_shouted_but_a_turn_label_or_heading_is_not():
    assert is_shouted("THE PENTAGON DENIED THAT IT COORDINATED AIR STRIKES WITH RUSSIA.")
    assert not is_shouted("MR. COOK:")
    assert not is_shouted("THE CLAIM")
    assert not is_shouted("The Pentagon denied that it coordinated strikes with NATO or the UN.")


def test_recasing_keeps_known_names_as_phrases_and_every_offset(kb):
    shouted = "US AND RUSSIAN JETS FLEW JOINT SORTIES, THE JOINT CHIEFS OF STAFF SAID."
    recased = recase_sentence(shouted, kb)
    assert len(recased) == len(shouted)
    assert recased.startswith("US and Russian jets flew joint sorties")
    assert "Joint Chiefs of Staff" in recased


def test_a_body_without_shouting_is_returned_as_it_is(kb):
    body = "The Pentagon denied it. Russia said otherwise."
    assert recase_shouted(body, sentence_spans(body), kb) is body


def test_a_shouted_denial_becomes_a_claim_whose_text_is_the_body_as_printed(tmp_path):
    body = (
        "Viral posts, checked\n\n"
        "A post shared thousands of times this week made a bold statement.\n\n"
        "THE PENTAGON HAS DENIED THAT IT COORDINATED AIR STRIKES WITH RUSSIA IN SYRIA.\n\n"
        "We found no such statement from the Pentagon.\n"
    )
    (tmp_path / "shouted.txt").write_text(body, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False, workers=1)
    claims = corpus.claims
    document = corpus.documents.iloc[0]
    shouted = claims[claims["text"].str.startswith("THE PENTAGON HAS DENIED")]
    assert list(shouted["stance"]) == ["denies"]
    for start, end, text in zip(shouted["start"], shouted["end"], shouted["text"], strict=True):
        assert document["body"][int(start) : int(end)] == text
