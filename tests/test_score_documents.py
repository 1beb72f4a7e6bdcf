"""Document metadata against the hand-annotated gold: floors that fail the build when it drops.

``tests/gold/documents.json`` gives, for each seed and fixture page, what a reader finds on the
page: outlet, kind, headline, author, publication date with precision, a fact-check's verdict and
the language. It was annotated from the pages alone, after the loader was written and without
running it. First scored (outlet data and title/author rules as they stood): outlet 0.96, kind 0.93,
title 0.81, author 0.84, date 0.88, verdict 1.0, language 1.0 over 100 English pages. After the
general fixes it prompted (64 more outlets in the data file; a publisher's banner is no headline;
a share bar, a standfirst or a bare signed name between headline and byline; names signed above
the stamp, inside it, or in a wire's credit; bare "Q" turns and bracketed parliament labels make a
transcript, a column disclaimer a commentary): outlet 0.98, kind 0.96, title 0.94, author 0.98.
After the dev-15 round (timestamped turns, a dek under a short headline, offices and "agencies"
in bylines, a site's motto above its menu, a claim box under a question headline, a today-bar
with the weather, a report quoting a short exchange): outlet 0.98, kind 0.98, title 0.98, author
1.0, date 0.96 over 123 pages. The floors sit a little under those figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.evaluate.documents import score

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "documents.json"
FLOORS = {
    "outlet": 0.95,
    "kind": 0.95,
    "title": 0.95,
    # 0.97 until blind batches 23 and 24 joined unfixed (a PesaCheck, a YouTube channel, a Rappler
    # and a Quora author missed, and a Telegraph co-author): 0.969; 0.96 with batch 25 at first
    # contact (0.9598: a doubled "Story by By", a Q&A asker). Back to 0.97 once the user cards of
    # forum, Q&A and answer pages and the doubled byline were read: 0.985
    "author": 0.97,
    "published": 0.9,
    "verdict": 0.97,
    "language": 0.97,
}


@pytest.fixture(scope="module")
def result():
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    paths = seeds + sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))
    return score(load_corpus(paths, cache=False), GOLD, {p.stem for p in seeds})


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_document_field_accuracy_stays_above_its_floor(result, field):
    assert result["accuracy"][field] >= FLOORS[field], [
        e for e in result["errors"] if e["field"] == field
    ]


def test_the_blind_13_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 1.0, kind 0.83, headline 0.67, author 0.67, date 0.83,
    # verdict 0.83, language 1.0 (a Congressional Record page, a fact-check's "Partially True",
    # a dd-mm-yyyy stamp, names in capitals); 1.0 on every field after the fixes they prompted.
    assert min(result["groups"]["blind-13"].values()) >= 0.8, result["groups"]["blind-13"]


def test_the_blind_14_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 0.83, kind 0.67, headline 0.50, author 0.67, date 1.0,
    # verdict 1.0 (a masthead in capitals, a long section menu, "Text:" and two-author bylines, an
    # author's card on a blog platform); after the fixes: kind 0.83 (an "Analysis" kicker read as
    # commentary where the annotator saw a staff article), headline 0.83 (a UN document system's
    # banner), every other field 1.0.
    assert min(result["groups"]["blind-14"].values()) >= 0.8, result["groups"]["blind-14"]


def test_the_blind_15_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 0.83, kind 1.0, headline 0.83, author 0.83, date 0.50,
    # verdict 1.0 (an NPR stamp with the year run into the clock time, a Tasnim stamp with a comma
    # after the month, a claim box's source date taken before the stamp above it, UPI unknown,
    # a Facebook poster's name read as the headline); every field 1.0 after the fixes.
    assert min(result["groups"]["blind-15"].values()) >= 0.95, result["groups"]["blind-15"]


def test_the_blind_16_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 0.83, kind 0.83, headline 0.67, author 0.67, date 0.67,
    # verdict 1.0 (Kyodo's "Mar 20, 2017" with "Mar" undotted and the Global Times' year-first
    # "2017/5/11" stamp unread; a fact-check's dated source list taken for head stamps naming a
    # ministry; a Reddit post under its board's sidebar with its thread glued into the body; a
    # Duma record's translation credit as its headline and its turn labels unread; "Name | stamp"
    # on one line; five outlets unknown to the data file); every field 1.0 after the fixes.
    assert min(result["groups"]["blind-16"].values()) >= 0.95, result["groups"]["blind-16"]


def test_the_blind_17_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 0.83, kind 0.83, headline 0.83, author 0.67, date 0.67,
    # verdict 0.83 (CBC and PBS stamps overruled by a loose keyword match of the calendar and read
    # as 2017; "CLASSIFICATION: False" not read as a rating; a Telegram channel credited to a
    # channel it forwarded, its self-description as the headline; "Name · Outlet · Posted: …"
    # unsigned; CBC News, Fatabyyano, PBS NewsHour and Telegram unknown to the data file); every
    # field 1.0 after the fixes.
    assert min(result["groups"]["blind-17"].values()) >= 0.95, result["groups"]["blind-17"]
    unknown = set(result["outlets_unknown_to_data"])
    assert not unknown & {"CBC News", "Fatabyyano", "PBS NewsHour", "Telegram"}, unknown


def test_the_blind_18_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 0.50, kind 1.00, headline 0.67, author 0.67, date 1.00,
    # verdict 1.00 (Logically, The Economist and ARRSE unknown to the data file, so credited to
    # TASS, The Guardian and Reddit; a "Published:" stamp between headline and byline and a
    # dateline over a fly-title taken as headlines; "Author Name (agencies)" without a colon and
    # a forum's "Thread starter" not read as bylines); every field 1.0 after the fixes.
    assert min(result["groups"]["blind-18"].values()) >= 0.95, result["groups"]["blind-18"]
    unknown = set(result["outlets_unknown_to_data"])
    assert not unknown & {"Logically", "The Economist", "ARRSE"}, unknown


def test_the_dev_15_pages_keep_their_metadata(result):
    # Scored before the round's fixes: outlet 1.0, kind 0.8, headline 0.6, author 0.4, date 1.0
    # (a timestamped radio interview read as commentary, standfirsts taken for headlines, a job
    # title and "and agencies" in bylines); every field 1.0 after them.
    assert min(result["groups"]["quotes-dev15"].values()) >= 0.95, result["groups"]["quotes-dev15"]


def test_every_gold_page_is_scored(result):
    assert result["n_documents"] >= 100
    assert result["scored"]["language"] == result["n_documents"]


def test_the_seeds_metadata_is_right_but_for_the_undated_southfront_page(result):
    seed = result["groups"]["seed"]
    assert {f: v for f, v in seed.items() if f != "published"} == dict.fromkeys(
        (f for f in seed if f != "published"), 1.0
    )
    assert seed["published"] >= 0.8


def test_the_blind_19_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 1.00, kind 1.00, headline 0.67, author 0.67, date 0.67,
    # verdict 1.00 (a dpa stamp overruled by the calendar's 2016 withdrawal and a CGTN stamp
    # "12-May-2017" not read; The Ferret's motto and Thread Reader App's "Unroll any Twitter
    # thread" prompt taken as headlines; the thread's author under "Thread by @handle" and a
    # byline in capitals under the dek not read; NATO, The Atlantic, The Ferret, Twitter and dpa
    # unknown to the data file); every field 1.0 after the fixes (Twitter left out of the data
    # file: its name in share bars and follow prompts would make it every page's publisher).
    assert min(result["groups"]["blind-19"].values()) >= 0.95, result["groups"]["blind-19"]
    unknown = set(result["outlets_unknown_to_data"])
    assert not unknown & {"dpa", "The Ferret", "NATO", "The Atlantic"}, unknown


def test_the_blind_20_pages_keep_their_metadata(result):
    # Scored once before any fix: outlet 1.00, kind 1.00, headline 0.67, author 0.67, date 1.00,
    # verdict 1.00 (a BBC "Image caption:" line above the byline taken as the headline; Africa
    # Check's "Researched by:" credit not read; a LiveJournal journal's name line "user — title"
    # taken as the headline and the poster in "user (user) wrote," not read; Africa Check, Echo of
    # Moscow, LiveJournal and The New Yorker unknown to the data file); every field 1.0 after
    # the fixes (the blog's comment thread, user names over stamps, split into its comments too).
    assert min(result["groups"]["blind-20"].values()) >= 0.95, result["groups"]["blind-20"]
    unknown = set(result["outlets_unknown_to_data"])
    assert not unknown & {"Africa Check", "Echo of Moscow", "LiveJournal", "The New Yorker"}, (
        unknown
    )


def test_the_dev_20_pages_keep_their_metadata(result):
    # Development pages, annotated before the loader was run on them. First run: outlet 0.875,
    # kind 0.75, headline 0.50, author 0.75, date 1.00, verdict 1.00 (the Wikipedia masthead
    # read as the Current events portal, so outlet and kind digest; a press release's number and
    # "FOR IMMEDIATE RELEASE" taken as headline and signature, a wire's "UPDATE 2-" slug kept in
    # the headline, a shared page's "headline | section | site" bar passed over, an e-mail's
    # Subject line not read; print bylines "NAME - CITY" not read; The Independent unknown to
    # the data file). After the fixes every field 1.0 but kind 0.875: a forwarded newsletter is
    # still read as an article (gold: digest).
    dev = result["groups"]["dev-20"]
    assert min(v for f, v in dev.items() if f != "kind") >= 0.95, dev
    assert dev["kind"] >= 0.85, dev
    unknown = set(result["outlets_unknown_to_data"])
    assert not unknown & {"The Independent", "Wikipedia"}, unknown


def test_the_dev_22_pages_keep_their_metadata(result):
    # Development pages in layouts new to the fixtures, annotated before the loader was run on
    # them. First run: outlet 0.875, kind 0.625, headline 0.50, author 0.75, date 0.875, verdict
    # 1.00 (a consent banner's long notice read as the first paragraph, so the banner's heading
    # was the headline, the masthead was missed and the day/month stamp "07/03/2017" stayed a
    # year though the lead says "on Tuesday"; a memo's "CONFIDENTIAL" mark and a feed item's
    # "GUID:" line taken as headlines over "RE:" and "Title:", the memo's "FROM:" not read; a
    # forum thread's member rank taken as headline and its member boxes read as speaker turns).
    # After the fixes: outlet, headline and date 1.00, author 0.875 (a forum starter's handle
    # under the post's stamp is not read), kind 0.75 (a print-friendly opinion piece and a
    # memo's recommendation read as articles; article is the second choice for both).
    dev = result["groups"]["dev-22"]
    assert min(dev[f] for f in ("outlet", "title", "published", "verdict", "language")) >= 0.95, dev
    assert dev["author"] >= 0.85, dev
    assert dev["kind"] >= 0.7, dev
    assert "The National Interest" not in set(result["outlets_unknown_to_data"])
