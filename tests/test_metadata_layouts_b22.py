"""Metadata rules prompted by blind batch 22: a post stamp with the author's fediverse handle, a
reporter's name and city set apart by a wide gap, a "Return to … main page" link, a broadcast
transcript's airing slot after its heading, and a Spanish agency's masthead and dateline."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.clean import clean_page
from analysis.knowledge import Knowledge, load_knowledge
from analysis.metadata import describe
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


@pytest.mark.parametrize(
    "handle", ["@hmaier@social.example.org", "@hmaier"], ids=["fediverse", "plain"]
)
def test_a_post_stamp_names_its_author_before_the_handle(kb, handle):
    page = (
        "social.example.org\nHome   Explore   Log in\n\n"
        f"Hanna Maier {handle} · May 4, 2017, 10:14\n"
        "A thread on the river talks, because my timeline is full of nonsense this morning. 1/2\n\n"
        f"Hanna Maier {handle} · May 4, 2017, 10:16\n{STORY}"
    )
    assert _describe(page, kb)["author"] == "Hanna Maier"


def test_a_city_set_apart_from_the_reporters_name_is_not_part_of_it(kb):
    page = (
        "Daily Courier\n\nGenerals agree to keep talking over the river crossing\n\n"
        "Jonas Varga   Tbilisi\nSaturday 6 May 2017 12:41 BST\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["author"] == "Jonas Varga"
    assert str(row["published"]) == "2017-05-06"


def test_a_three_word_name_with_single_spaces_is_kept_whole(kb):
    page = (
        "Daily Courier\n\nGenerals agree to keep talking over the river crossing\n\n"
        "Mary Ann Varga\nSaturday 6 May 2017 12:41 BST\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Mary Ann Varga"


def test_a_link_back_to_the_list_of_pages_is_no_headline(kb):
    turns = (
        "HOST: Good evening. Tonight, the river talks and what comes after them.\n\n"
        "GUEST: Thank you. The talks will go on, but nobody expects a deal this week.\n\n"
        "HOST: Why not?\n\n"
        "GUEST: Because neither army wants to share its maps, and both say so openly.\n\n"
    )
    page = (
        "TRANSCRIPTS\n\nReturn to Transcripts main page\n\nEVENING REPORT\n\n"
        "River Talks Stall; Generals Keep Their Maps; Interview With Admiral Jane Roe. "
        "Aired 8-9p ET\n\nAired May 4, 2017 - 20:00 ET\n\n"
        f"{turns}Return to Transcripts main page\n"
    )
    row = _describe(page, kb)
    assert row["title"] == (
        "River Talks Stall; Generals Keep Their Maps; Interview With Admiral Jane Roe"
    )
    assert row["kind"] == "transcript"


def test_an_agencys_masthead_is_not_a_byline_and_its_dateline_names_it(kb):
    page = (
        "EFE\nAgencia EFE | English edition\n\n"
        "Generals agree to keep talking over the river crossing\n\n05/20/2016 14:37\n\n"
        "Tbilisi, May 20 (EFE).- " + STORY + "\nEFE ab/cd\n"
    )
    row = _describe(page, kb)
    assert row["author"] is None
    assert row["outlet"] == "EFE"


def test_the_upper_houses_own_page_names_it_and_a_story_about_it_does_not(kb):
    own = (
        "FEDERATION COUNCIL\nof the Federal Assembly of the Russian Federation\n\n"
        "Committee hearing on the air safety memorandum\n\nPublished: 15.03.2017 09:40\n\n"
        + STORY
        + "\n© Federation Council of the Federal Assembly of the Russian Federation, 2017.\n"
    )
    about = (
        "Russian senators back the air safety memorandum\n\n"
        "MOSCOW, March 15 (Reuters) - The Federation Council on Wednesday backed the memorandum "
        "with the coalition, a spokeswoman for the upper house said.\n\n" + STORY
    )
    assert _describe(own, kb)["outlet"] == "Federation Council"
    assert _describe(about, kb)["outlet"] == "Reuters"


def test_a_storys_foot_of_sign_ups_and_house_rules_is_furniture(kb):
    page = (
        "Generals agree to keep talking over the river crossing\n\nBy Jonas Varga\n\n"
        "Click to follow\n\n" + STORY + "\nTBS ab/cd\n\n"
        "More about: Rivers  Maps  Generals\n\nReuse content\n\n"
        "Follow us on Telegram for the latest news from the river.\n\n"
        "Get the morning headlines in your inbox every day.\n"
        "Email address  [__________]   SIGN UP\n"
        "By clicking 'sign up' you agree to our terms and confirm you have read our notice.\n\n"
        "Comments\nJoin the debate. Read our community guidelines first.\n"
    )
    body = clean_page(page, kb).body
    assert body.startswith("Officials on both sides")
    assert body.endswith("the reports from the region.")


def test_a_rush_transcripts_notice_is_not_its_first_turn(kb):
    page = (
        "EVENING REPORT\n\nAired May 4, 2017 - 20:00 ET\n\n"
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n\n"
        "HOST: Good evening. Tonight, the river talks and what comes after them.\n\n"
        "GUEST: Thank you. The talks will go on, but nobody expects a deal this week.\n\n"
        "HOST: Why not?\n\n"
        "GUEST: Because neither army wants to share its maps, and both say so openly.\n"
    )
    assert clean_page(page, kb).body.startswith("HOST: Good evening.")
