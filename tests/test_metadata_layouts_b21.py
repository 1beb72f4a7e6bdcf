"""Metadata and cleaning rules prompted by blind batch 21: a fact-check's rating printed at the
foot under the publisher's name, an agency desk after the reporter in a byline, a print archive's
issue line over a short headline, reporters signing without "By" above a share bar, a labelled
share bar and a ruled-off box."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.clean import clean_page
from analysis.knowledge import Knowledge, load_knowledge
from analysis.metadata import describe, detect_language
from analysis.read import RawText

STORY = (
    "Officials on both sides said on Tuesday that the talks on the air corridor over the river "
    "had gone on late into the night and would resume in the morning.\n\n"
    "Neither delegation would say whether the maps had been exchanged, and a spokesman declined "
    "to comment on the reports from the region.\n"
)


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _describe(text: str, kb: Knowledge) -> dict[str, Any]:
    raw = RawText("doc", "doc.txt", text, "utf-8", "0" * 64, len(text.encode()))
    return describe(raw, clean_page(text, kb), kb)


FOOT_RATED = (
    "Did the two air forces share a target list over the river?\n\n"
    "Published on Friday 5 May 2017 at 10:12\nBy Ines Walcott\n\n"
    f"{STORY}\n"
    "What we found\n\n"
    "The ministry confirmed the call but said no list was exchanged and no target was agreed.\n\n"
    "Full Fact rating: MISLEADING\n\n"
    "Spotted something we should check? Write to us.\n"
)


def test_a_rating_at_the_foot_under_the_publishers_name_is_the_verdict(kb):
    row = _describe(FOOT_RATED, kb)
    assert row["verdict"] == "MISLEADING"
    assert row["kind"] == "fact-check"


def test_a_rating_line_with_an_unknown_word_after_the_label_is_no_verdict(kb):
    page = FOOT_RATED.replace("Full Fact rating: MISLEADING", "Weekly poll rating: 41 per cent")
    row = _describe(page, kb)
    assert row["verdict"] is None
    assert row["kind"] == "article"


def test_a_line_of_prose_naming_a_rating_is_no_verdict(kb):
    page = FOOT_RATED.replace(
        "Full Fact rating: MISLEADING",
        "Asked about the approval rating of the talks, one official said: false.",
    )
    assert _describe(page, kb)["verdict"] is None


def test_an_agency_desk_after_the_reporter_is_not_a_second_author(kb):
    page = (
        "Talks on the river crossing resume\n\nPublished 4 May 2017\n"
        "By Jonas Varga, Reuters Moscow\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Jonas Varga"


def test_two_reporters_by_line_are_both_kept(kb):
    page = (
        "Talks on the river crossing resume\n\nPublished 4 May 2017\n"
        "By Jonas Varga, Lena Ostrova\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Jonas Varga and Lena Ostrova"


PRINT_ARCHIVE = (
    "Daily Courier\n\nWorld\n\n"
    'Newspaper "Daily Courier" No. 88 of 04.05.2017, page 3\n\n'
    "Coordinates for two\n\n"
    "The generals agree to keep talking over the crossing. Neither side will say what was "
    "exchanged\n\n"
    "Jonas Varga, Lena Ostrova\n\n"
    "Share:   VK   Facebook   Twitter   Odnoklassniki\n\n" + STORY
)


def test_a_print_issue_line_is_a_stamp_not_the_headline(kb):
    row = _describe(PRINT_ARCHIVE, kb)
    assert row["title"] == "Coordinates for two"
    assert str(row["published"]) == "2017-05-04"


def test_reporters_named_without_by_above_a_share_bar_sign_the_piece(kb):
    row = _describe(PRINT_ARCHIVE, kb)
    assert row["author"] == "Jonas Varga and Lena Ostrova"
    body = clean_page(PRINT_ARCHIVE, kb).body
    assert "Jonas Varga" not in body
    assert body.startswith("Officials on both sides")


@pytest.mark.parametrize(
    "bar",
    ["Share:   VK   Facebook   Twitter   Odnoklassniki", "Share on:   Facebook   Twitter   E-mail"],
)
def test_a_labelled_share_bar_is_furniture(kb, bar):
    page = f"Did the two air forces share a target list?\n\nBy Jonas Varga\n\n{bar}\n\n{STORY}"
    assert clean_page(page, kb).body.startswith("Officials on both sides")


def test_a_ruled_off_box_keeps_its_rules_apart_from_its_lines(kb):
    rule = "-" * 50
    page = (
        f"Talks on the river crossing resume\n\nBy Jonas Varga\n\n{STORY}\n"
        f"THE POST\n{rule}\n"
        '"The two air forces fly together and plan together, and nobody will tell you."\n'
        f"Post by a page with many followers, shared more than 4,000 times in a week\n{rule}\n\n"
        "Officials on both sides said the post was wrong about the planning of the flights.\n"
    )
    body = clean_page(page, kb).body
    assert "---" not in body
    assert '\n\n"The two air forces fly together' in body


def test_the_publication_stamp_beats_an_event_date_printed_above_it(kb):
    page = (
        "State Duma\n\nCommittee hearing on the air safety memorandum\n\n"
        "Held: Moscow, 14 March 2017, Okhotny Ryad 1\nPublished: 15.03.2017 09:40\n\n" + STORY
    )
    assert str(_describe(page, kb)["published"]) == "2017-03-15"


def test_without_a_publication_label_the_first_head_date_stays(kb):
    page = (
        "Committee hearing on the air safety memorandum\n\n"
        "Held: Moscow, 14 March 2017\nTranscript updated 20 March 2017\n\n" + STORY
    )
    assert str(_describe(page, kb)["published"]) == "2017-03-14"


def _newsletter(paragraphs: list[str], footer: str) -> str:
    return (
        "From: The Courier <briefing@courier.example>\nDate: Wed, May 3, 2017 at 6:30 AM\n"
        "Subject: Morning notes: corridors, maps and a missing envoy\n\n"
        "View this email in your browser\n\nTHE COURIER\n\nBy Ines Walcott\n\n"
        + "\n\n".join(paragraphs)
        + f"\n\n{footer}\n"
    )


ITEMS = [
    "Corridor reopens. Officials on both sides said on Tuesday that the air corridor over the "
    "river would reopen to military flights after a week of talks.",
    "Maps stay secret. Neither delegation would say whether the maps had been exchanged, and a "
    "spokesman declined to comment on the reports from the region.",
    "Envoy missing. The special envoy did not attend the second round, and his office gave no "
    "reason for his absence from the talks on the crossing.",
]


def test_a_newsletter_of_run_in_items_is_a_digest(kb):
    page = _newsletter(ITEMS, "You are receiving this email because you signed up.\nUnsubscribe")
    assert _describe(page, kb)["kind"] == "digest"


def test_a_newsletter_carrying_one_story_is_no_digest(kb):
    story = [item.split(". ", 1)[1] for item in ITEMS]
    page = _newsletter(story, "You are receiving this email because you signed up.\nUnsubscribe")
    assert _describe(page, kb)["kind"] != "digest"


def test_run_in_items_without_a_mailing_list_are_no_digest(kb):
    page = "Talks on the river crossing resume\n\nBy Jonas Varga\n\n" + "\n\n".join(ITEMS) + "\n"
    assert _describe(page, kb)["kind"] == "article"


def test_a_headline_under_a_claim_box_and_its_byline_is_the_title(kb):
    page = (
        "The Daily Check\n\nHome   Latest   Ratings   About\n\n"
        "stated on May 1, 2017 in a viral post:\n"
        '"The two air forces now plan every strike over the river together."\n\n'
        "Our rating\nFalse\n\n"
        "By Ines Walcott • May 4, 2017\n\n"
        "No, the two air forces do not plan strikes over the river together\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == "No, the two air forces do not plan strikes over the river together"
    assert "No, the two air forces do not plan" in clean_page(page, kb).body


@pytest.mark.parametrize(
    "text",
    [
        "US and Russian officers spoke by phone today.",
        "The two air forces talk, but they do not fly together.",
    ],
)
def test_a_short_english_text_gets_its_language(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "No joint strikes, says Pentagon.",  # no English-only word to tell it by: left null
        "De VS en Rusland praten over Syrie.",
        "Rusia y EEUU acuerdan un alto el fuego en Siria.",
        "Share",
    ],
)
def test_a_short_text_without_english_function_words_is_not_taken_for_english(text):
    assert detect_language(text) != "en"


def test_a_fact_checkers_foot_is_furniture(kb):
    page = (
        FOOT_RATED.replace("Spotted something we should check? Write to us.\n", "")
        + "\nSeen a post you think should be checked? Write to tips@dailycheck.example\n\n"
        "Related fact checks\n"
        "No, this video does not show the river crossing (2 May 2017)\n"
        "The Daily Check is a verified signatory of the International Fact-Checking Network's "
        "Code of Principles.\n"
    )
    body = clean_page(page, kb).body
    assert body.endswith("no target was agreed.")
    assert _describe(page, kb)["verdict"] == "MISLEADING"


def test_a_records_notices_links_and_reuse_terms_are_furniture(kb):
    turns = (
        "A.B. VOLKOV: Colleagues, the line with the coalition stays open, and we will keep it.\n\n"
        "C.D. ORLOVA: Then the question is what else we are ready to discuss with them.\n\n"
        "A.B. VOLKOV: Nothing until they keep the promises they made in the spring.\n\n"
    )
    page = (
        "STATE DUMA\n\nCommittee hearing on the air safety memorandum\n\n"
        "Transcript (excerpts). Unofficial translation.\n"
        "Published: 15.03.2017 09:40\n\n"
        "Print version   |   Download transcript (PDF, 96 KB)\n\n"
        f"{turns}"
        "Other events of the committee\n"
        "10.03.2017 Round table on Arctic shipping\n\n"
        "© State Duma, 2017. Materials may be reproduced with a reference to the website of "
        "the State Duma of the Federal Assembly.\n"
    )
    body = clean_page(page, kb).body
    assert body.startswith("A.B. VOLKOV: Colleagues")
    assert body.endswith("made in the spring.")
