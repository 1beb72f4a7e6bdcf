"""Dated events: timeline rows from the body and a digest's dated links; gold score."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.evaluate.events import score
from analysis.events import extract_events
from analysis.knowledge import load_knowledge
from analysis.nlp import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
GOLD = ROOT / "tests" / "gold" / "events.json"
KB = load_knowledge()

BODY = (
    "Russian Defense Minister Sergei Shoigu on Friday proposed joint airstrikes in Syria starting "
    "May 25. The cease-fire took effect in late February and expired May 12.\n\n"
    "Russia had announced in March that it was withdrawing some of its forces. "
    "Earlier this month, Russians escorted journalists to Palmyra. Nothing dated here."
)


def _events(body: str, published, precision="day", links=()):
    doc = {"doc_id": "d1", "published": published, "published_precision": precision}
    return extract_events(doc, body, sentence_spans(body), list(links), KB)


def _dated(rows):
    return [(r["date"], r["precision"]) for r in rows]


def test_one_event_per_distinct_date_with_sentence_offsets():
    rows = _events(BODY, date(2016, 5, 20))
    assert _dated(rows) == [
        (date(2016, 5, 20), "day"),
        (date(2016, 5, 25), "day"),
        (date(2016, 2, 1), "month"),
        (date(2016, 5, 12), "day"),
        (date(2016, 3, 1), "month"),
        (date(2016, 5, 1), "month"),
    ]
    assert [r["event_id"] for r in rows] == [f"d1:e{n}" for n in range(1, 7)]
    for row in rows:
        assert BODY[row["start"] : row["end"]] == row["text"]
        assert row["source"] == "body"
        assert row["doc_id"] == "d1"
    assert [r["basis"] for r in rows][:2] == ["relative day", "year inferred"]


def test_on_friday_before_a_friday_publication_is_that_day_and_a_monday_one_goes_back():
    body = "On Friday, the Pentagon said it would not coordinate with Russia."
    assert _dated(_events(body, date(2016, 5, 20))) == [(date(2016, 5, 20), "day")]
    assert _dated(_events(body, date(2016, 5, 23))) == [(date(2016, 5, 20), "day")]


def test_month_precise_publication_resolves_months_but_not_weekdays():
    body = "The Defense Ministry said Monday. The talks began on January 18."
    rows = _events(body, date(2017, 1, 1), "month")
    assert _dated(rows) == [(date(2017, 1, 18), "day")]


def test_without_a_publication_date_only_explicit_dates_are_events():
    body = "Strikes began on 30 September 2015. On Friday, officials met. In March they met again."
    assert _dated(_events(body, None)) == [(date(2015, 9, 30), "day")]
    assert _dated(_events(body, pd.NaT)) == [(date(2015, 9, 30), "day")]
    assert _dated(_events(body, pd.Timestamp("2016-05-20"))) == [
        (date(2015, 9, 30), "day"),
        (date(2016, 5, 20), "day"),
        (date(2016, 3, 1), "month"),
    ]


def test_a_digests_dated_related_links_become_link_events():
    links = [
        {"relation": "source", "label": "Reuters", "url": "http://x", "date": None},
        {
            "relation": "related",
            "label": "Russia shuts down a deconfliction channel.",
            "url": "/news/2017/06/19/x.md",
            "date": date(2017, 6, 19),
            "date_precision": "day",
        },
        {"relation": "related", "label": "Undated item", "url": "/x", "date": None},
    ]
    rows = _events("The United States responded coolly on Friday.", date(2016, 5, 21), links=links)
    assert [(r["source"], r["date"], r["basis"], r["start"]) for r in rows] == [
        ("body", date(2016, 5, 20), "relative day", 0),
        ("link", date(2017, 6, 19), "link date", None),
    ]
    assert rows[1]["text"] == "Russia shuts down a deconfliction channel."
    assert rows[1]["event_id"] == "d1:e2"


def test_empty_body_gives_no_events():
    assert _events("", date(2016, 5, 20)) == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    paths = [
        *sorted(SEEDS.glob("*.txt")),
        *sorted(FIXTURES.glob("dates_*.txt")),
        *sorted(FIXTURES.glob("blind_b9_*.txt")),
        *sorted(FIXTURES.glob("blind_b10_*.txt")),
        *sorted(FIXTURES.glob("blind_b11_*.txt")),
        *sorted(FIXTURES.glob("blind_b12_*.txt")),
        *sorted(FIXTURES.glob("blind_b13_*.txt")),
        *sorted(FIXTURES.glob("blind_b14_*.txt")),
        *sorted(FIXTURES.glob("blind_b15_*.txt")),
        *sorted(FIXTURES.glob("blind_b16_*.txt")),
        *sorted(FIXTURES.glob("blind_b17_*.txt")),
        *sorted(FIXTURES.glob("blind_b18_*.txt")),
        *sorted(FIXTURES.glob("blind_b19_*.txt")),
        *sorted(FIXTURES.glob("blind_b20_*.txt")),
        *sorted(FIXTURES.glob("blind_b21_*.txt")),
        *sorted(FIXTURES.glob("blind_b22_*.txt")),
        *sorted(FIXTURES.glob("blind_b23_*.txt")),
        *sorted(FIXTURES.glob("blind_b24_*.txt")),
        *sorted(FIXTURES.glob("blind_b25_*.txt")),
        *sorted(FIXTURES.glob("blind_b26_*.txt")),
        *sorted(FIXTURES.glob("blind_b27_*.txt")),
    ]
    return load_corpus(paths, cache=False, workers=1)


def test_event_rows_point_into_their_bodies(corpus):
    bodies = dict(zip(corpus.documents["doc_id"], corpus.documents["body"], strict=True))
    body_rows = corpus.events[corpus.events["source"] == "body"]
    assert len(body_rows) > 40
    for doc_id, start, end, text in zip(
        body_rows["doc_id"], body_rows["start"], body_rows["end"], body_rows["text"], strict=True
    ):
        assert bodies[doc_id][int(start) : int(end)] == text


def test_publication_dates_of_the_date_fixtures(corpus):
    docs = corpus.documents.set_index("doc_id")
    expected = {
        "dates_wire_dateline": ("2015-10-07", "day", "dateline"),
        "dates_weekday_analysis": ("2017-06-21", "day", "header"),
        "dates_transcript_header": ("2015-10-22", "day", "header"),
        "dates_may_politics": ("2017-04-10", "day", "header"),
        "dates_retrospective_stamp": ("2019-03-14", "day", "header"),
    }
    for doc_id, (when, precision, basis) in expected.items():
        row = docs.loc[doc_id]
        assert (row["published"], row["published_precision"], row["published_basis"]) == (
            pd.Timestamp(when),
            precision,
            basis,
        ), doc_id


def test_no_event_reads_theresa_may_as_a_month(corpus):
    rows = corpus.events[corpus.events["doc_id"] == "dates_may_politics"]
    may = rows[rows["date"] == pd.Timestamp("2017-05-01")]
    assert list(may["text"]) == ["Local elections are due in May."]


def test_event_date_accuracy_on_gold_stays_above_the_floor(corpus):
    result = score(corpus, GOLD)
    # Measured: 52/52 overall, fixtures (annotated before the first measurement) 30/30; 51/52 while
    # the sentence splitter still cut at "Capt.".  The blind batches 9 and 10 scored 13/15 each on
    # their first run, 14/15 each after the fixes they prompted.  The floors leave room for
    # upstream changes.
    assert result["n_gold"] >= 90
    assert result["accuracy"] >= 0.95, result["missed"]
    assert result["groups"]["fixture"]["accuracy"] >= 0.9, result["missed"]
    # blind-12, scored once: 29/36 (a "6:41 PM 07/12/2017" stamp whose order of day and month
    # is not certain left a fact-check's six weekdays unresolved; a future "takes office in
    # January" read as past).  After the general fixes (a swappable stamp read in the order the
    # content agrees with, a year-less dateline whose lead weekday denies the year of a
    # background date, "as recently as", "a day after", a scheduled present) every blind batch
    # scores 1.0 (132/132 overall); the floors leave room for upstream changes.
    # blind-13, scored once: 16/19 (a "17-09-2017" stamp with dashes not read); 19/19 after.
    # blind-14, scored once: 20/20.  blind-15, scored once: 11/19 (an NPR stamp with the year run
    # into the clock time, a Tasnim stamp with a comma after the month); 19/19 after.
    # blind-16, scored once: 12/18 (a Kyodo stamp "Mar 20, 2017" with "Mar" undotted and a Global
    # Times stamp "2017/5/11" year first were not read, so the weekdays and a year-less "March 7"
    # resolved against a wrong reference; "October last year" without a lead word read as a
    # year); 17/18 after those fixes.
    # blind-17, scored once: 10/19 (a keyword match of the calendar overruled the CBC and PBS
    # header stamps, putting every relative date of those pages a year or two late; "two days
    # after the attacks", "a day after … shot down" not counted back from the day the sentence
    # names, "this morning" not read); 19/19 after those fixes.
    # blind-18, scored once: 16/20 ("three days later" with its day in the sentence before,
    # "two days after that" counted back instead of forward, "Thursday the 26th" read as the
    # Thursday before, "The warning came a day after …" not read); 20/20 after those fixes.
    # blind-19, scored once: 15/20 (a dpa stamp "Dec 14, 2017" overruled by the calendar's 2016
    # withdrawal, which Putin's Hmeimim visit of December 2017 matches too; a CGTN stamp
    # "12-May-2017" not read; "By Wednesday it had been shared" read as the week ahead); 20/20
    # after those fixes.
    # blind-20, scored once: 20/20.  blind-21, scored once: 19/20 (a VK post's "on January 22"
    # left unresolved).  blind-22, scored once: 17/20 (a Spanish fact-check's "12/07/2017" stamp
    # left unordered, so its three weekdays had no day to count from: the calendar's Hamburg
    # ceasefire did not know the southwest's provinces nor Hamburg itself); 20/20 after.
    # blind-23 and blind-24, scored once at the end of that round: 18/20 ("the day after the city
    # fell", "in Geneva in February" without a year) and 19/20 ("in Antalya on Tuesday" counted
    # to the week before); 19/20 and 20/20 after ("the day after the city fell" counted from the
    # last day named before, a weekday in a scheduled clause looking forward; "in Geneva in
    # February" stands in a reader comment, which gives no events).
    # blind-25, scored once: 15/26 (three pages' publication dates misread; "last night", "the
    # following day" two sentences after its day, "May 25 of that year", a dashed reading-list
    # entry read as a page stamp); 19/26 after the event fixes, 26/26 once the publication
    # dates were read right too.
    # blind-26 and blind-27, scored once: 23/29 (a PTI dateline "Sep 22 (PTI)" read as the month
    # only, which left four weekdays and a "yesterday" unresolved; "tomorrow", "on the 19th" with
    # its month named earlier) and 22/24 ("the next day" opening a paragraph after a quotation,
    # "On Friday, the day after our Tomahawks hit …" not counted back); blind-27 24/24 after the
    # event fixes, blind-26 25/29, then 29/29 once the dateline's day was read.
    for batch in (
        "blind-9",
        "blind-10",
        "blind-11",
        "blind-12",
        "blind-13",
        "blind-14",
        "blind-15",
        "blind-16",
        "blind-17",
        "blind-18",
        "blind-19",
        "blind-20",
        "blind-21",
        "blind-22",
        "blind-23",
        "blind-24",
        "blind-25",
        "blind-26",
        "blind-27",
    ):
        assert result["groups"][batch]["accuracy"] >= 0.9, result["missed"]


def test_days_after_what_count_back_from_the_day_the_sentence_names():
    body = (
        "The two ministers met in Vienna on Saturday, three days after the convoy was hit "
        "near Aleppo.\n\nOn Monday, a day after the jet was downed, the ministry halted "
        "the talks."
    )
    rows = _events(body, date(2016, 9, 27))
    assert _dated(rows) == [
        (date(2016, 9, 24), "day"),
        (date(2016, 9, 21), "day"),
        (date(2016, 9, 26), "day"),
        (date(2016, 9, 25), "day"),
    ]


def test_without_a_publication_date_a_known_event_supplies_the_year():
    body = "Russia began air strikes in Syria on September 30. Talks followed on October 1."
    rows = _events(body, None)
    assert [(r["date"], r["precision"], r["basis"]) for r in rows] == [
        (date(2015, 9, 30), "day", "year inferred")
    ]


def test_a_day_after_and_a_scheduled_month_resolve_from_the_publication_date():
    body = (
        "The envoy has arrived in Ankara, a day after meeting the foreign minister in Baku.\n\n"
        "The new cabinet, which takes office in January, is expected to revisit the talks."
    )
    assert _dated(_events(body, date(2016, 11, 9))) == [
        (date(2016, 11, 8), "day"),
        (date(2017, 1, 1), "month"),
    ]


def test_weekdays_resolve_on_a_page_whose_slash_stamp_only_the_content_orders(tmp_path):
    page = tmp_path / "swappable_stamp.txt"
    page.write_text(
        "Daily Checker\n\nDid the allies really share targets?\n\nA. Writer | Reporter\n"
        "9:10 AM 04/06/2017\n\n"
        "The chemical attack on Khan Shaykhun on Tuesday killed dozens of people, monitors said. "
        "The Pentagon said on Wednesday that it had not shared any targets with Russia before "
        "the strike, and that the deconfliction line was used only to keep aircraft apart.\n\n"
        "Russian officials have proposed joint action with the United States since September "
        "2015, and repeated the offer on Monday, but Washington has not answered.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page], cache=False)
    row = corpus.documents.iloc[0]
    assert (row["published"], row["published_basis"]) == (
        pd.Timestamp("2017-04-06"),
        "header (day/month order from content)",
    )
    days = set(corpus.events["date"])
    assert {pd.Timestamp(d) for d in ("2017-04-04", "2017-04-05", "2017-04-03")} <= days


def test_days_later_count_from_the_day_the_sentence_names_before_them():
    body = (
        "The envoys signed the deal in Geneva on September 9, and it took effect two days "
        "later at sunset.\n\nThe line was busy the next day, officials said."
    )
    rows = _events(body, date(2016, 9, 20))
    # "the next day" opening the next paragraph counts from the last day named before it
    assert _dated(rows) == [
        (date(2016, 9, 9), "day"),
        (date(2016, 9, 11), "day"),
        (date(2016, 9, 12), "day"),
    ]
    assert rows[1]["basis"] == "relative day"


def test_later_counts_from_the_sentence_before_and_after_that_counts_forward():
    body = (
        "The ministers agreed the plan in Geneva on September 9. The truce began three days "
        "later, but a raid killed dozens of soldiers on September 17 and a convoy was hit two "
        "days after that.\n\nThe line was busy the next day, officials said."
    )
    assert _dated(_events(body, date(2016, 10, 3))) == [
        (date(2016, 9, 9), "day"),
        (date(2016, 9, 17), "day"),  # the days the sentence names, then the days it counts
        (date(2016, 9, 12), "day"),
        (date(2016, 9, 19), "day"),
        (date(2016, 9, 20), "day"),  # the next paragraph's "the next day": the day after that
    ]


def test_what_came_a_day_after_counts_back_from_the_day_the_sentence_before_gave():
    body = (
        "Turkey warned the United States and Russia on Wednesday.\n\n"
        "The warning came a day after the three chiefs of staff met in Antalya."
    )
    assert _dated(_events(body, date(2017, 3, 8))) == [
        (date(2017, 3, 8), "day"),
        (date(2017, 3, 7), "day"),
    ]
    # with nothing dated before it, the clause says nothing of the day before
    assert _events("The raid came a day after the talks.", date(2017, 3, 8)) == []


def test_the_following_day_counts_from_a_day_named_earlier_in_the_paragraph():
    body = (
        "The envoy rejected the plan on March 14. He told the committee: “We do not plan "
        "anything together.” The alliance spokesman repeated that the following day.\n\n"
        "The press office confirmed it. The line was quiet the next day, officials said."
    )
    # the sentence before names no day, the one before it does; in the next paragraph, after a
    # sentence with no day, "the next day" counts from the last day named (the 15th)
    assert _dated(_events(body, date(2017, 4, 2))) == [
        (date(2017, 3, 14), "day"),
        (date(2017, 3, 15), "day"),
        (date(2017, 3, 16), "day"),
    ]


def test_last_night_is_the_day_before_the_publication_date():
    body = "Officials said a hospital near Idlib was shelled late last night. Last night's raid."
    rows = _events(body, date(2016, 11, 8))
    assert _dated(rows) == [(date(2016, 11, 7), "day"), (date(2016, 11, 7), "day")]
    assert rows[0]["basis"] == "relative day"
    # a month-precise publication date has no day to count from
    assert _events(body, date(2016, 11, 1), "month") == []


def test_the_day_after_what_counts_from_the_last_day_named_before():
    body = (
        "Rebel units retook the border crossing on Friday, June 9, after a week of shelling.\n\n"
        "The coalition said it had not been involved.\n\n"
        "A spokesman told reporters the day after the crossing fell that the two militaries "
        "only kept their aircraft apart."
    )
    rows = _events(body, date(2017, 6, 14))
    assert _dated(rows) == [(date(2017, 6, 9), "day"), (date(2017, 6, 10), "day")]
    assert rows[1]["basis"] == "relative day"
    # with no day named before, it dates nothing; "the day after tomorrow" is not such a day:
    # it counts from the publication date, not from the day named before
    assert _events("A spokesman spoke the day after the crossing fell.", date(2017, 6, 14)) == []
    later = "They met on June 9.\n\nThey will talk again the day after tomorrow."
    assert _dated(_events(later, date(2017, 6, 14))) == [
        (date(2017, 6, 9), "day"),
        (date(2017, 6, 16), "day"),
    ]


def test_later_that_day_and_the_same_day_are_the_day_named_before():
    body = (
        "The envoys met in Vienna on October 12. Later that day the ministry denied any deal, "
        "and the embassy said the same.\n\n"
        "They met again on October 20. The vote fell on the same day as the summit on October 24."
    )
    assert _dated(_events(body, date(2017, 11, 2))) == [
        (date(2017, 10, 12), "day"),
        (date(2017, 10, 12), "day"),
        (date(2017, 10, 20), "day"),
        (date(2017, 10, 24), "day"),  # "the same day as …" names its own day
    ]


def test_the_day_after_what_follows_a_named_day_is_the_day_before_it():
    body = (
        "On Sunday, the day after their jets struck the depot, the ministry closed the line. "
        "They talk again the day after tomorrow."
    )
    rows = _events(body, date(2018, 5, 22))
    # Sunday the 20th; the strike on the Saturday before; "tomorrow" is no thing told
    assert _dated(rows) == [
        (date(2018, 5, 20), "day"),
        (date(2018, 5, 19), "day"),
        (date(2018, 5, 24), "day"),
    ]
    assert rows[1]["basis"] == "relative day"


def test_the_next_day_opening_a_paragraph_after_a_quotation_counts_from_the_last_day_named():
    body = (
        "The general briefed reporters in Amman on Tuesday, 6 March.\n\n"
        "“We share nothing but flight times,” he said.\n\n"
        "His deputy told parliament the same the next day."
    )
    rows = _events(body, date(2018, 3, 9))
    assert _dated(rows) == [(date(2018, 3, 6), "day"), (date(2018, 3, 7), "day")]
    assert rows[1]["text"] == "His deputy told parliament the same the next day."
