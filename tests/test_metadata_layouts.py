"""Metadata and cleaning rules prompted by blind batch 20 (a labelled picture caption, a
"Researched by" credit, a blog post's poster stamp and journal masthead, commenters signing with
user names) and by the dev-20 pages (a wire's version slug, a shared page's title bar, a press
release's labels and letterhead, an e-mail's chrome, the Wikipedia and Independent mastheads), then
by blind batches 21 and 22 and the dev-22 pages, each in a section of its own below."""

from __future__ import annotations

from datetime import date
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


# ----------------------------------------------------------------------------------------------
# Metadata and cleaning rules prompted by blind batch 21: a fact-check's rating printed at the
# foot under the publisher's name, an agency desk after the reporter in a byline, a print archive's
# issue line over a short headline, reporters signing without "By" above a share bar, a labelled
# share bar and a ruled-off box.


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


# ----------------------------------------------------------------------------------------------
# Metadata rules prompted by blind batch 22: a post stamp with the author's fediverse handle, a
# reporter's name and city set apart by a wide gap, a "Return to … main page" link, a broadcast
# transcript's airing slot after its heading, and a Spanish agency's masthead and dateline.


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


# ----------------------------------------------------------------------------------------------
# Cleaning and metadata rules prompted by the dev-22 pages: a consent banner and an ad-blocker
# notice over the page, a memorandum's address block, a feed item's labelled fields, a news
# database's record lines, a print-friendly copy's head and foot and a video page's player labels.


HEADLINE = "Generals agree to keep talking over the river crossing"
FEED_HEADLINE = "Generals Agree to Keep Talking Over the River Crossing"  # as feeds print them


def test_a_long_consent_notice_over_the_page_is_neither_headline_nor_body(kb):
    notice = (
        "We and our 311 partners store and/or access information on a device, such as cookies, "
        "and process personal data, such as unique identifiers and standard information sent by "
        "a device for personalised advertising and content, measurement and audience research."
    )
    page = (
        f"We value your privacy\n{notice}\nAccept all\nManage options\n\n"
        "You seem to be using an ad blocker\nDisable my ad blocker   Continue without\n\n"
        f"Daily Courier\n\n{HEADLINE}\nBy Jonas Varga\n\n{STORY}"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == HEADLINE
    assert "partners" not in cleaned.body
    assert "ad blocker" not in cleaned.body
    assert cleaned.body.startswith("Officials on both sides")


def test_a_memorandum_takes_its_title_from_re_and_its_author_from_from(kb):
    page = (
        "CONFIDENTIAL — NOT FOR DISTRIBUTION\n\nMEMORANDUM\n\n"
        "TO:      Board of Directors\nFROM:    Anna Kessel, Research Director\n"
        "DATE:    May 9, 2017\nRE:      Where the river talks stand after the second round\n\n"
        f"{STORY}\nAttachments: (1) Map of the crossing\n"
    )
    cleaned = clean_page(page, kb)
    row = describe(RawText("doc", "doc.txt", page, "utf-8", "0" * 64, 1), cleaned, kb)
    assert row["title"] == "Where the river talks stand after the second round"
    assert row["author"] == "Anna Kessel"
    assert str(row["published"]) == "2017-05-09"
    for furniture in ("CONFIDENTIAL", "MEMORANDUM", "TO:", "FROM:", "DATE:", "Attachments"):
        assert furniture not in cleaned.body


def test_a_feed_item_saved_as_text_keeps_only_its_description_as_body(kb):
    page = (
        "Daily Courier - World (RSS feed)\nItem 2 of 15\n\n"
        f"Title: {FEED_HEADLINE}\nLink: https://courier.example.com/a/1234.html\n"
        "GUID: https://courier.example.com/a/1234.html\n"
        "pubDate: Tue, 09 May 2017 16:41:00 +0300\nAuthor: Jonas Varga\n"
        "Categories: World; Russia; United States\n"
        "Enclosure: https://img.example.com/1234.jpg (image/jpeg)\n\nDescription:\n" + STORY
    )
    cleaned = clean_page(page, kb)
    row = describe(RawText("doc", "doc.txt", page, "utf-8", "0" * 64, 1), cleaned, kb)
    assert row["title"] == FEED_HEADLINE
    assert row["author"] == "Jonas Varga"
    assert str(row["published"]) == "2017-05-09"
    assert cleaned.body.startswith("Officials on both sides")


@pytest.mark.parametrize(
    "line",
    [
        "812 words",
        "Length: 1,204 words",
        "Load-Date: May 10, 2017",
        "Document CRIER00020170509ed590005l",
        "End of Document",
        "Printed from Daily Courier",
        "URL: https://courier.example.com/feature/1234",
        "Printed on 03/02/2019 at 14:22",
        "Video duration 2:31",
        "Play video",
        "(auto-generated, may contain errors)",
        "Accept all",
        "Manage options",
    ],
)
def test_record_print_and_player_lines_around_a_story_are_furniture(kb, line):
    page = f"Daily Courier\n\n{HEADLINE}\n\n{line}\n\n{STORY}\n{line}\n"
    assert line not in clean_page(page, kb).body


def test_a_line_opening_with_source_is_not_taken_for_a_feed_field(kb):
    page = f"Daily Courier\n\n{HEADLINE}\n\nSource:Daily Courier Published: 2017/5/11 22:48:39\n\n{STORY}"
    assert str(_describe(page, kb)["published"]) == "2017-05-11"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [("met in the capital on Tuesday", "2017-03-07"), ("met in the capital Tuesday", "2017-03-07")],
)
def test_a_weekday_after_on_orders_an_ambiguous_day_month_stamp(kb, lead, expected):
    page = (
        f"Daily Courier\n\n{HEADLINE}\nBy Jonas Varga\nPublished on 07/03/2017 - 18:25 GMT+1\n\n"
        f"The chiefs of staff {lead} to discuss how to keep their forces apart near the river.\n\n"
        + STORY
    )
    assert str(_describe(page, kb)["published"]) == expected


def test_a_weekday_counted_from_the_story_day_does_not_order_the_stamp(kb):
    page = (
        f"Daily Courier\n\n{HEADLINE}\nBy Jonas Varga\nPublished on 07/03/2017 - 18:25 GMT+1\n\n"
        "The chiefs of staff will meet in the capital next Monday to discuss the river.\n\n" + STORY
    )
    assert _describe(page, kb)["published_precision"] != "day"


def test_a_forum_threads_labelled_title_and_member_boxes(kb):
    page = (
        "Example Forums > Military Aviation > Middle East\n\n"
        "Thread: Generals agree to keep talking over the river crossing - real progress?\n\n"
        "Page 1 of 2   1 2 >\nResults 1 to 2 of 14\nThread Tools   Display\n\n"
        "#1\nOld 05-09-2017, 09:14 AM\nriver_watcher\nSenior Member\nJoin Date: Mar 2009\n"
        "Location: Norfolk\nPosts: 4,112\n\n" + STORY + "\n#2\nOld 05-09-2017, 10:02 AM\n"
        "bridge_fan\nMember\nJoin Date: Nov 2015\nPosts: 388\n\nQuote:\n"
        "Originally Posted by river_watcher\nthe talks on the air corridor\n\nI doubt it.\n"
    )
    cleaned = clean_page(page, kb)
    assert (
        cleaned.title == "Generals agree to keep talking over the river crossing - real progress?"
    )
    for furniture in ("Join Date", "Posts: 4,112", "Location:", "Quote:", "Originally Posted"):
        assert furniture not in cleaned.body
    assert "Results 1 to 2" not in cleaned.body


def test_a_syndicators_copyright_and_permission_line_is_not_body(kb):
    notice = (
        "Copyright (c) 2017. Example Radio, Inc. Used with the permission of Example Radio, "
        "1201 Example Ave NW, Washington DC 20036."
    )
    page = f"Daily Courier\n\n{HEADLINE}\nBy Jonas Varga\n\n{STORY}\n{notice}\n"
    assert "permission" not in clean_page(page, kb).body


# ----------------------------------------------------------------------------------------------
# Rules prompted by blind batch 25: a portal's doubled "Story by By", a slash stamp whose day and
# month agree, a skip link's key hint, a dotted day.month.year stamp, a checker's own rating
# defined under its label, a newsletter's subject line and its reading list, a question-and-answer
# page's stamp bar and user cards.


def test_a_portals_doubled_story_by_by_byline_names_both_reporters(kb):
    page = (
        "NewsPortal\n\nPowered by\nExample Wire\n\n" + HEADLINE + "\n\n"
        "Story by By JANE ROE and JOHN DOE, Example Wire\n• 4/4/2017 6:10 AM\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["author"] == "Jane Roe and John Doe"
    assert (row["published"], row["published_precision"]) == (date(2017, 4, 4), "day")


def test_a_skip_link_with_its_key_hint_is_no_text_and_the_records_heading_is_the_title(kb):
    page = (
        "Example Ministry\nSkip to main content (Press Enter).\nSearch Example.gov\n\n"
        "TRANSCRIPT\n\nPress Briefing by the Ministry Spokesman on the River Crossing Talks\n\n"
        "Press Operations\nMarch 9, 2017\n\n" + STORY
    )
    cleaned = clean_page(page, kb)
    assert "Skip to" not in cleaned.body
    assert cleaned.title == "Press Briefing by the Ministry Spokesman on the River Crossing Talks"


def test_a_dotted_day_month_year_stamp_is_no_counter_and_dates_the_page(kb):
    page = f"Check Desk\n\nFact-Check\n\n{HEADLINE}\n\n17.03.2017\nAuthor: Nino Beridze\n\n{STORY}"
    row = _describe(page, kb)
    assert (row["published"], row["published_precision"]) == (date(2017, 3, 17), "day")


def test_a_checkers_own_rating_under_its_name_is_read_when_the_next_line_defines_it(kb):
    page = (
        "Check Desk\nAbout | Methodology | Contact\n\nFact-Check\n\n" + HEADLINE + "\n\n"
        "CHECK DESK VERDICT: DISTORTION\n"
        'The rating "Distortion" means that a real event is twisted into a false conclusion.\n\n'
        + STORY
    )
    assert _describe(page, kb)["verdict"] == "DISTORTION"
    undefined = page.replace('The rating "Distortion" means that', "Readers say that")
    assert _describe(undefined, kb)["verdict"] is None  # a word off the scale, undefined


def test_a_newsletters_subject_above_its_greeting_is_the_title(kb):
    page = (
        "MailHost\n\nThe River Letter\nby Ann Bell\n\nSubscribe to The River Letter\n\n"
        "The talks are over. Keep the line open.\n\nHi everyone,\n\n" + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == "The talks are over. Keep the line open."
    assert row["author"] == "Ann Bell"


def test_a_dated_item_of_a_reading_list_deep_in_a_letter_is_no_stamp(kb):
    # the list item names a committee and a day: neither the publisher nor the page's date
    page = (
        "The River Letter\nby Ann Bell\n\n"
        + STORY
        + "\n"
        + STORY.replace("Tuesday", "Monday")
        + "\nA few links:\n– Carter at the Senate Armed Services Committee, September 22 (video)\n"
        "– The statement in full\n\nAs always, hit reply and tell me where you think I have this wrong.\n"
    )
    cleaned = clean_page(page, kb)
    assert not any("Committee" in line for line in cleaned.head)
    assert "Senate Armed Services Committee, September 22" in cleaned.body
    assert _describe(page, kb)["outlet"] is None


def test_a_question_pages_stamp_bar_and_the_askers_user_card(kb):
    page = (
        "Example Q&A | Log in | Sign up\n\nQuestions | Tags | Users | Ask Question\n\n"
        "Did the generals agree to keep talking over the river crossing?\n\n"
        "Asked Mar 7, 2017 | Modified Mar 9, 2017 | Viewed 2k times\n\n"
        + STORY
        + "\nshare improve this question follow\nasked Mar 7, 2017 at 9:12\nMarta V.\n"
        "1,204 ● 3 ● 11\n\n2 Answers\n\nThe maps were exchanged, a spokesman said later on "
        "Tuesday, and the talks will resume.\n\nanswered Mar 8, 2017 at 10:02\nriver_fan\n"
        "5,120 ● 2 ● 30\n"
    )
    row = _describe(page, kb)
    assert row["title"] == "Did the generals agree to keep talking over the river crossing?"
    assert row["author"] == "Marta V."


def test_a_forum_starters_handle_under_the_first_stamp_is_the_author_though_it_posts_again(kb):
    card = "{stamp}\n{name}\n{rank}\nJoin Date: Mar 2009\nPosts: 4,112\n\n"
    page = (
        "Example Forums > Aviation\n\nThread: Generals agree to keep talking - progress?\n\n"
        + card.format(stamp="Old 03-07-2017, 09:14 AM", name="River_Pilot", rank="Senior Member")
        + STORY
        + card.format(stamp="Old 03-07-2017, 10:02 AM", name="bridge_fan", rank="Member")
        + "I doubt the maps were exchanged at all, whatever the spokesman said.\n\n"
        + card.format(stamp="Old 03-07-2017, 11:40 AM", name="River_Pilot", rank="Senior Member")
        + "We will see on Friday whether the talks resume as planned.\n"
    )
    assert _describe(page, kb)["author"] == "River_Pilot"


def test_an_answerers_name_and_credential_over_the_answer_stamp_sign_the_answer(kb):
    page = (
        "Example Answers\nHome | Answer | Spaces\n\n"
        "Did the generals agree to keep talking over the river crossing?\n\n"
        "2 Answers · 41 followers · Follow · Share\n\nMarta Vance\n"
        "Former air traffic planner, 2004–2016 · Lives in Norfolk, VA\nAnswered March 9, 2017\n\n"
        + STORY
    )
    assert _describe(page, kb)["author"] == "Marta Vance"


def test_a_rating_before_a_fact_checks_headline_is_no_speakers_label(kb):
    # "FALSE: …" heads the check; with two more capitalised labels below, the page was once
    # taken for a transcript of a speaker called FALSE
    page = (
        "Check Desk\nHome   Fact-Checks   About\n\n"
        "FALSE: The two armies did not agree to patrol the river crossing together\n\n"
        "A viral post says they did. Both governments say otherwise.\n\nNino Beridze\n"
        "Apr 4, 2017 · 5 min read\n\n"
        "A post shared widely claims that the two armies now patrol the river crossing together.\n\n"
        '  "BREAKING: the armies are one. The media will not tell you this."\n\n'
        "NOTE: the post gives no source.\n\n" + STORY + "\nNOTE: both ministries were asked.\n\n"
        "Check Desk Rating: FALSE\n"
    )
    row = _describe(page, kb)
    assert (row["kind"], row["verdict"]) == ("fact-check", "FALSE")
    assert row["title"] == (
        "FALSE: The two armies did not agree to patrol the river crossing together"
    )
    assert row["author"] == "Nino Beridze"


def test_a_question_over_the_answerers_card_is_the_headline(kb):
    page = (
        "Example Answers\nHome | Answer | Spaces\n\n"
        "Did the generals agree to keep talking over the river crossing, or was it all talk?\n\n"
        "2 Answers · 41 followers · Follow · Share\n\nMarta Vance\n"
        "Former air traffic planner, 2004–2016 · Lives in Norfolk, VA\nAnswered March 9, 2017\n\n"
        + STORY
    )
    row = _describe(page, kb)
    assert row["title"] == (
        "Did the generals agree to keep talking over the river crossing, or was it all talk?"
    )


def test_a_channel_named_over_its_audience_count_and_the_videos_stamp_is_the_author(kb):
    page = (
        "VideoSite\nSearch\nHome   Trending   Library\n\n"
        "Generals agree to keep talking over the river crossing — what it means\n\n"
        "12,400 views\n\nRiver Desk Brief\n52.3K subscribers\nSUBSCRIBE\n\n"
        "Published on Mar 9, 2017\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "River Desk Brief"
    no_stamp = page.replace("Published on Mar 9, 2017\n\n", "")
    assert _describe(no_stamp, kb)["author"] is None  # a follower count alone signs nothing


def test_reporters_each_with_a_city_in_one_byline_are_both_authors(kb):
    page = (
        "Daily Courier\n\n" + HEADLINE + "\n\nBy Jane Roe, Berlin and John Doe, Washington\n"
        "9 March 2017 • 4:05pm\n\n" + STORY
    )
    assert _describe(page, kb)["author"] == "Jane Roe and John Doe"
    office = page.replace("John Doe, Washington", "Senior Fellow, Eurasia Program")
    assert _describe(office, kb)["author"] == "Jane Roe"  # an office is no second reporter


def test_a_headline_right_under_the_trail_wins_over_a_dek_no_longer_than_it(kb):
    page = (
        "Daily Courier\nNews   World   Opinion\n\nNews > World > Middle East > Syria\n\n"
        "Generals agree to keep talking over the disputed river crossing at last\n\n"
        "Officers fear the deal will hand the other side their maps\n\n"
        "By Jane Roe\n9 March 2017 • 4:05pm\n\n" + STORY
    )
    assert _describe(page, kb)["title"] == (
        "Generals agree to keep talking over the disputed river crossing at last"
    )


def test_a_first_person_quotation_running_over_paragraphs_is_no_column(kb):
    # the opening paragraph of a quotation over two paragraphs has no closing mark
    page = (
        "Daily Courier\n\n" + HEADLINE + "\n\nBy Jane Roe\n9 March 2017\n\n" + STORY + "\n"
        "“I know there are people who do not like the idea. I understand that. I have heard "
        "every one of the arguments.\n\n"
        "“But what is the alternative?” the minister told reporters.\n"
    )
    assert _describe(page, kb)["kind"] == "article"
