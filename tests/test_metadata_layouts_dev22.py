"""Cleaning and metadata rules prompted by the dev-22 pages: a consent banner and an ad-blocker
notice over the page, a memorandum's address block, a feed item's labelled fields, a news
database's record lines, a print-friendly copy's head and foot and a video page's player labels."""

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
HEADLINE = "Generals agree to keep talking over the river crossing"
FEED_HEADLINE = "Generals Agree to Keep Talking Over the River Crossing"  # as feeds print them


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _describe(text: str, kb: Knowledge) -> dict[str, Any]:
    raw = RawText("doc", "doc.txt", text, "utf-8", "0" * 64, len(text.encode()))
    return describe(raw, clean_page(text, kb), kb)


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
