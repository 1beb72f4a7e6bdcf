"""Metadata rules prompted by blind batch 20: a labelled picture caption, a "Researched by"
credit, a blog post's poster stamp and journal masthead, commenters signing with user names."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.clean import clean_page, poster_of
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


def test_a_labelled_picture_caption_above_the_byline_is_no_headline(kb):
    page = (
        "Daily Courier\n\nWorld\n\nGenerals agree to keep talking over the river crossing\n\n"
        "4 May 2017\n\n"
        "Media caption: Officers from both armies met at the border post for six hours on Monday\n\n"
        f"By Hannah Lowell\n\n{STORY}"
    )
    row = _describe(page, kb)
    assert row["title"] == "Generals agree to keep talking over the river crossing"
    assert "Media caption" not in clean_page(page, kb).body


def test_a_researched_by_credit_names_the_author(kb):
    page = (
        "Is the crossing run from a joint command post? No, each army keeps its own\n\n"
        "Published 2017-05-04T10:00:00+02:00\nResearched by: Thandi Mokoena\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Thandi Mokoena"


def test_a_poster_stamp_names_the_user_and_not_a_person_writing_in_the_story():
    assert poster_of("river_watch_42 (river_watch_42) wrote, May 4th, 2017, 9:10 pm") == (
        "river_watch_42"
    )
    assert poster_of("Night Notes (nightowl) wrote, May 4th, 2017") == "nightowl"
    assert poster_of("Putin wrote, in a letter to the king, that the line would stay open.") is None


def test_a_blog_post_is_the_users_under_its_subject_line_not_the_journal_name(kb):
    page = (
        "Blogsite\n"
        "Home   Friends   Search   Log in\n"
        "nightowl_77 — Letters from the night shift\n\n"
        "nightowl_77 (nightowl_77) wrote,\n"
        "May 4th, 2017, 9:10 pm\n\n"
        "Why nobody will say who was on the line that night\n\n"
        "Mood: tired\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == "Why nobody will say who was on the line that night"
    assert row["author"] == "nightowl_77"


def test_commenters_signing_with_user_names_over_their_stamps_are_separate_comments(kb):
    page = (
        "A headline long enough to be taken for the headline\n\n" + STORY + "\nComments\n\n"
        "river_rat\nMay 4th, 2017, 10:05 pm\nThe line should stay open whatever happens.\n"
        "Reply   Thread   Link\n\n"
        "old_gunner_9\nMay 4th, 2017, 10:21 pm\nTalking is cheaper than another crash.\n"
        "Reply   Thread   Link\n\n"
        "Powered by Blogsite.com\n"
    )
    comments = clean_page(page, kb).comments
    assert [(c["author"], c["text"]) for c in comments] == [
        ("river_rat", "The line should stay open whatever happens."),
        ("old_gunner_9", "Talking is cheaper than another crash."),
    ]


def test_a_user_name_and_its_stamp_on_one_line_sign_the_comment(kb):
    page = (
        "A headline long enough to be taken for the headline\n\n"
        + STORY
        + "\nComments (1)\nLog in to comment\n\n"
        "river_rat   04.05.2017 22:05\nThe line should stay open whatever happens.\n"
    )
    comments = clean_page(page, kb).comments
    assert [(c["author"], c["text"]) for c in comments] == [
        ("river_rat", "The line should stay open whatever happens.")
    ]
