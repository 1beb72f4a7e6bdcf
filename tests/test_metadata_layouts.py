"""Metadata and cleaning rules prompted by blind batch 20 (a labelled picture caption, a
"Researched by" credit, a blog post's poster stamp and journal masthead, commenters signing with
user names) and by the dev-20 pages (a wire's version slug, a shared page's title bar, a press
release's labels and letterhead, an e-mail's chrome, the Wikipedia and Independent mastheads)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.clean import (
    NOT_IN_A_NAME,
    clean_page,
    headline_text,
    is_signed_name,
    poster_of,
    rules_for,
)
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


def test_a_wire_version_slug_is_not_part_of_the_headline(kb):
    rules = rules_for(kb)
    assert headline_text("UPDATE 3-Generals agree to reopen the river line", rules) == (
        "Generals agree to reopen the river line"
    )
    assert headline_text("CORRECTED-UPDATE 1-Talks resume on the crossing", rules) == (
        "Talks resume on the crossing"
    )
    assert headline_text("UPDATE on the crossing talks", rules) == "UPDATE on the crossing talks"


def test_a_shared_page_title_bar_gives_the_headline_without_section_and_site(kb):
    page = (
        "Generals agree to keep talking over the river crossing | World news | The Guardian\n\n"
        "https://gu.com/p/abc12\n\nHannah Lowell in Vienna\nThu 4 May 2017 10.02 BST\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == "Generals agree to keep talking over the river crossing"
    assert row["author"] == "Hannah Lowell"
    rules = rules_for(kb)
    assert headline_text("Talks stall | Yes | No", rules) == "Talks stall | Yes | No"


def test_a_press_release_label_and_letterhead_are_no_headline(kb):
    page = (
        "COMBINED JOINT TASK FORCE - OPERATION INHERENT RESOLVE\nPUBLIC AFFAIRS OFFICE\n\n"
        "NEWS RELEASE\nRelease No. 20170504-01\nFOR IMMEDIATE RELEASE\nMay 4, 2017\n\n"
        "Coalition and partners reopen the river crossing\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == "Coalition and partners reopen the river crossing"
    assert row["outlet"] == "Operation Inherent Resolve"


def test_an_e_mails_chrome_stays_out_of_the_body(kb):
    page = (
        "---------- Forwarded message ---------\n"
        "From: Daily Courier <news@courier.example.com>\nDate: Thu, May 4, 2017 at 7:00 AM\n"
        "To: <reader@example.org>\n\nView this email in your browser\n\n" + STORY + "\n"
        "You are receiving this email because you signed up for our briefing.\n\n"
        "Sent from my iPhone\n"
    )
    body = clean_page(page, kb).body
    for furniture in ("Forwarded message", "From:", "To:", "browser", "receiving", "iPhone"):
        assert furniture not in body
    assert body.startswith("Officials on both sides")


def test_an_encyclopedia_article_is_wikipedias_and_reads_as_an_article(kb):
    page = (
        "Air corridor over the river\n\nFrom Wikipedia, the free encyclopedia\n\n" + STORY + "\n"
        "This page was last edited on 4 May 2017, at 09:12 (UTC).\n"
    )
    row = _describe(page, kb)
    assert row["outlet"] == "Wikipedia"
    assert row["kind"] == "article"


def test_a_reader_view_tail_names_the_independent(kb):
    page = (
        "Generals agree to keep talking over the river crossing\n\nHannah Lowell\n\n"
        "Thursday 04 May 2017 10:02 BST\n\n" + STORY + "\nRead more at independent.co.uk\n"
    )
    assert _describe(page, kb)["outlet"] == "The Independent"


def test_a_release_label_in_title_case_signs_no_name(kb):
    assert "for" in NOT_IN_A_NAME
    rules = rules_for(kb)
    assert not is_signed_name("FOR IMMEDIATE RELEASE", rules)
    assert is_signed_name("MIRIAM HALLORAN", rules)


def test_a_print_byline_of_names_and_cities_names_every_reporter(kb):
    page = (
        "4 DAILY COURIER Thursday 4 May 2017\n\nWORLD NEWS\n\n"
        "Generals agree to keep talking over the river crossing\n\n"
        "HANNAH LOWELL - VIENNA\nOMAR SAYED - AMMAN\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Hannah Lowell and Omar Sayed"


def test_a_section_and_its_label_after_a_dash_are_no_reporter(kb):
    page = (
        "Daily Courier\n\nWorld News - Middle East\n\n"
        "Generals agree to keep talking over the river crossing\n\n" + STORY
    )
    assert _describe(page, kb)["author"] is None


def test_an_e_mails_subject_line_titles_a_newsletter_with_no_headline(kb):
    page = (
        "From: Daily Courier <news@courier.example.com>\nDate: Thu, May 4, 2017 at 7:00 AM\n"
        "Subject: Courier Brief: Talks Resume; Maps Exchanged\n\nDAILY COURIER\n\n" + STORY
    )
    assert _describe(page, kb)["title"] == "Courier Brief: Talks Resume; Maps Exchanged"
    rules = rules_for(kb)
    assert headline_text("Subject: Talks resume on the crossing", rules) == (
        "Talks resume on the crossing"
    )
    assert headline_text("Subject: yes.", rules) == "Subject: yes."


def test_a_forwarders_note_and_a_newsletters_sign_off_stay_out_of_the_body(kb):
    page = (
        "Have a look at this before the meeting. -- J.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Daily Courier <news@courier.example.com>\nDate: Thu, May 4, 2017 at 7:00 AM\n\n"
        + STORY
        + "\nThanks for reading the Brief. Send tips to brief@courier.example.com\n"
    )
    body = clean_page(page, kb).body
    assert body.startswith("Officials on both sides")
    assert "Have a look" not in body
    assert "Thanks for reading" not in body


def test_a_syndicated_storys_reactions_are_comments_signed_with_relative_times(kb):
    page = (
        "Generals agree to keep talking over the river crossing\n\nBy Hannah Lowell\n\n"
        + STORY
        + "\nReactions   (2)\nSign in to post a message.\n\n"
        "river_fan  2 hours ago\nThey will talk again next week.\nReply   5   1\n\n"
        "Anna K  an hour ago\nNot before the maps are out.\nReply   2   0\n"
    )
    cleaned = clean_page(page, kb)
    assert [c["text"] for c in cleaned.comments] == [
        "They will talk again next week.",
        "Not before the maps are out.",
    ]
    assert [c["author"] for c in cleaned.comments] == ["river_fan", "Anna K"]
    assert "Reactions" not in cleaned.body


def test_an_encyclopedias_skip_links_and_contents_label_stay_out_of_the_body(kb):
    page = (
        "Air corridor over the river\n\nFrom Wikipedia, the free encyclopedia\n\n"
        "Jump to navigation  Jump to search\n\n" + STORY + "\nContents\n\n" + STORY
    )
    body = clean_page(page, kb).body
    assert "Jump to" not in body
    assert "\nContents\n" not in body
