"""Date expressions (find_dates) and publication-date inference (infer_published)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dates import calendar_events, find_dates, infer_published
from analysis.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _only(text: str, reference: date | None = None, precision: str | None = "day"):
    mentions = [m for m in find_dates(text, reference, precision) if m.date is not None]
    assert len(mentions) == 1, mentions
    return mentions[0]


# ---------------------------------------------------------------- find_dates: what the text gives


def test_month_and_year_is_month_precision_not_a_guessed_day():
    m = _only("Talks resumed in September 2016 in Geneva.", date(2016, 10, 3))
    assert (m.date, m.precision, m.basis) == (date(2016, 9, 1), "month", "explicit date")


def test_bare_month_takes_the_year_of_the_reference_and_stays_a_month():
    m = _only("Russia had announced in March that it was withdrawing.", date(2016, 5, 20))
    assert (m.date, m.precision, m.basis) == (date(2016, 3, 1), "month", "year inferred")


def test_day_without_year_resolves_to_the_nearest_occurrence():
    m = _only("Russia began air strikes on Sept. 30.", date(2015, 10, 7))
    assert (m.date, m.precision) == (date(2015, 9, 30), "day")
    later = _only("joint airstrikes starting May 25", date(2016, 5, 20))
    assert later.date == date(2016, 5, 25)
    assert later.future


def test_since_a_month_points_back_not_to_the_nearest_month():
    m = _only("an agreement with Russia since October on safety", date(2016, 5, 20))
    assert m.date == date(2015, 10, 1)


def test_weekday_before_a_publication_on_that_weekday_is_the_same_day():
    m = _only("On Friday, the Pentagon said it would not coordinate.", date(2016, 5, 20))
    assert (m.date, m.precision, m.basis) == (date(2016, 5, 20), "day", "relative day")


def test_weekday_in_a_monday_article_is_the_previous_friday():
    m = _only("Shoigu on Friday proposed joint strikes.", date(2016, 5, 23))
    assert m.date == date(2016, 5, 20)


def test_future_weekday_points_forward():
    m = _only("Ministers will meet in Italy on Tuesday.", date(2017, 4, 10))
    assert m.date == date(2017, 4, 11)


def test_last_week_is_never_a_day():
    m = _only("They spoke last week.", date(2017, 6, 21))
    assert (m.date, m.precision) == (date(2017, 6, 1), "month")
    across_months = _only("They spoke last week.", date(2015, 10, 7))
    assert across_months.precision == "year"
    unknown = find_dates("They spoke last week.", date(2016, 9, 1), "month")
    assert unknown[0].date is None


def test_relative_words_need_a_reference():
    mentions = find_dates("On Friday and yesterday and earlier this month.")
    assert [m.text for m in mentions] == ["On Friday", "yesterday", "earlier this month"]
    assert all(m.date is None for m in mentions)


def test_a_weekday_needs_a_day_precise_reference():
    assert find_dates("said Monday", date(2017, 1, 1), "month")[0].date is None


def test_the_surname_may_and_the_verb_may_are_not_months():
    text = (
        "Theresa May said Russia may still help. May's spokesman agreed. "
        "May told reporters that elections are due in May."
    )
    mentions = find_dates(text, date(2017, 4, 10))
    assert [(m.text, m.date) for m in mentions] == [("May", date(2017, 5, 1))]
    assert text[mentions[0].start : mentions[0].end] == "May"


def test_a_year_alone_is_year_precision_and_numbers_are_not_years():
    mentions = find_dates("Russia took Crimea in 2014; 2,500 troops and 1,020 jets.", None)
    assert [(m.text, m.date, m.precision) for m in mentions] == [("2014", date(2014, 1, 1), "year")]


def test_full_dates_in_several_layouts():
    text = (
        "22:08 GMT26 October 2020 | ### [2016-05-21](/x) | Feb. 13, 2012 | 9. Oct 2015 | "
        "the 7th of May 2016"
    )
    found = [(m.text, m.date) for m in find_dates(text) if m.kind == "full"]
    assert found == [
        ("26 October 2020", date(2020, 10, 26)),
        ("2016-05-21", date(2016, 5, 21)),
        ("Feb. 13, 2012", date(2012, 2, 13)),
        ("9. Oct 2015", date(2015, 10, 9)),
        ("7th of May 2016", date(2016, 5, 7)),
    ]


def test_spans_point_into_the_text():
    text = "MOSCOW, Oct 7 (Reuters) - Russia said on Wednesday, a week after Sept. 30."
    for m in find_dates(text, date(2015, 10, 7)):
        assert text[m.start : m.end] == m.text
    assert [m.date for m in find_dates(text, date(2015, 10, 7))] == [
        date(2015, 10, 7),
        date(2015, 10, 7),
        date(2015, 9, 30),
    ]


def test_impossible_dates_are_not_days():
    found = find_dates("on February 30, 2016 and on 31 April", date(2016, 5, 1))
    assert [(m.text, m.precision) for m in found] == [("2016", "year")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_mentions_that_point_into_it(text):
    for m in find_dates(text, date(2016, 5, 20)):
        assert text[m.start : m.end] == m.text


# ---------------------------------------------------------------- infer_published on the seeds

SEED_001_BODY = (
    "WASHINGTON — U.S.-coalition aircraft will “not collaborate or coordinate with the Russians” "
    "on any operations in Syria, a Pentagon spokesman said Friday, downplaying a proposal to "
    "launch joint airstrikes there.\n\n"
    "Russian Defense Minister Sergei Shoigu on Friday proposed the United States and Russia "
    "conduct joint airstrikes in Syria starting May 25 against the al-Qaida-linked Nusra Front. "
    "Russia has targeted the group in and near Aleppo repeatedly because Nusra Front was not "
    "subject to a cease-fire that took effect in late February. The cease-fire expired May 12.\n\n"
    "More so, the United States discontinued its military-to-military relations with Russia, "
    "including any joint exercises or port calls, in 2014, following Russia’s takeover of Crimea "
    "from the Ukraine, he said.\n\n"
    "Russia had announced in March that it was withdrawing some of its forces from Syria after "
    "conducting thousands of airstrikes since September from Hmeimim air base near Latakia."
)
SEED_001_CAPTION = (
    "An aerial view shows the Pentagon with the Washington Monument and National Mall in the "
    "background on Feb. 13, 2012. (Perry Aston/U.S. Air Force)"
)
SEED_002_BODY = (
    "Russia is ready to coordinate strikes on targets with the US everywhere in Syria, except the "
    "province of Aleppo, the Izvestiya newspaper reported, citing to a source, informed on the "
    "progress of the last week’s negotiations between Russian Foreign Minister Sergey Lavrov and "
    "US Secretary of State John Kerry in Geneva.\n\n"
    "Earlier, media reported that during the talks in Geneva, Lavrov and Kerry discussed a "
    "“possibility of starting to apply coordinated airstrikes against terrorists in Aleppo from "
    "mid-September.”"
)
SEED_003_HEAD = ["22:08 GMT26 October 2020", "Listen Live", "Get short URL"]
SEED_003_BODY = (
    "WASHINGTON (Sputnik) – The United States will not coordinate its operations in\xa0Syria "
    "with\xa0Russia, US Army Defense Department spokeswoman Lt. Col. Michelle Baldanza said.\n\n"
    "“The U.S. is not coordinating coalition activities in\xa0Syria with\xa0Russia. On October 1, "
    "DoD held a video conference with\xa0Russian defense officials on\xa0technical means to\xa0"
    "ensure the safety of\xa0our pilots,” Baldanza told RIA Novosti.\n\n"
    "Russia commenced precision airstrikes on\xa0ISIL targets in\xa0Syria September 30, "
    "following\xa0a request from\xa0Syrian President Bashar Assad. Last year, a US-led coalition "
    "began bombing Islamic State positions in\xa0the country without\xa0UN Security Council backing."
)
SEED_004_BODY = (
    "On January 23, 2017, Russian news outlets quoted Russia’s Ministry of Defense as saying in a "
    "press release that there was a coordinated air strike on IS targets in northern Syria.\n\n"
    "Russia’s Sputnik web site said that “Russia has received coordinates of Daesh (IS) targets in "
    "al-Bab, Aleppo province, from the U.S. via the 'direct line,' the Russian Defense Ministry "
    "said Monday.”\n\n"
    "A check by Polygraph.info of Russian and Turkish media found reports of strikes by Russian "
    "and Turkish jets on several dozen IS targets in and around al-Bab, which began escalating on "
    "January 18."
)


def test_digest_heading_is_the_publication_date():
    body = (
        "Russia has proposed to the U.S.-led coalition that they stage joint air strikes on Syrian "
        "rebels, but the United States responded coolly on Friday."
    )
    got = infer_published(["2016-05-21"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2016, 5, 21), "day", "header")
    raw_heading = infer_published(["### [2016-05-21](/news/2016/05/21/index.md)"], body, [])
    assert raw_heading.date == date(2016, 5, 21)


def test_a_slash_stamp_whose_day_and_month_agree_is_read():
    # "4/4/2017" reads the same in either order: nothing to swap, so the stamp dates the page
    body = "Officials said on Tuesday that the air safety line with Moscow was still open."
    got = infer_published(["Story by Jane Roe", "• 4/4/2017 6:10 AM"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2017, 4, 4), "day", "header")


def test_the_authors_own_date_of_writing_dates_a_letter_the_weekday_giving_the_year():
    # no stamp: "I'm writing this on Monday, October 3" — 3 October fell on a Monday in 2016
    # alone of the calendar's years
    body = (
        "Dear readers,\n\nI'm writing this on Monday, October 3, with the news from Geneva still "
        "sinking in. The talks on a joint air cell are over, and the hotline stays.\n"
    )
    got = infer_published([], body, [])
    assert (got.date, got.precision, got.basis) == (date(2016, 10, 3), "day", "date of writing")
    stamped = infer_published(["October 5, 2016"], body, [])
    assert (stamped.date, stamped.basis) == (date(2016, 10, 5), "header")  # a stamp still wins


def test_a_date_the_author_merely_mentions_is_no_date_of_writing():
    body = "Officials met on Monday, October 3, and I am still writing to my senator about it."
    assert infer_published([], body, []).basis != "date of writing"


@pytest.mark.parametrize("caption_in", ["head", "body", "nowhere"])
def test_relative_friday_with_a_known_event_gives_the_day_and_never_the_caption(caption_in):
    head = [SEED_001_CAPTION] if caption_in == "head" else []
    body = f"{SEED_001_CAPTION}\n\n{SEED_001_BODY}" if caption_in == "body" else SEED_001_BODY
    got = infer_published(head, body, [])
    assert (got.date, got.precision, got.basis) == (
        date(2016, 5, 20),
        "day",
        "relative-day inference",
    )


def test_last_weeks_geneva_talks_give_the_month():
    got = infer_published([], SEED_002_BODY, [])
    assert (got.date, got.precision) == (date(2016, 9, 1), "month")


def test_a_page_stamp_that_contradicts_the_content_loses():
    got = infer_published(SEED_003_HEAD, SEED_003_BODY, [])
    assert (got.date, got.precision, got.basis) == (date(2015, 10, 1), "month", "content inference")


def test_stamp_left_in_the_body_is_still_a_stamp_not_content():
    body = "\n".join(SEED_003_HEAD) + "\n\n" + SEED_003_BODY
    assert infer_published([], body, []).date == date(2015, 10, 1)


def test_explicit_dates_give_the_month_of_the_latest_reported_event():
    got = infer_published(["Did Russia Conduct Airstrikes in Syria?"], SEED_004_BODY, [])
    assert (got.date, got.precision, got.basis) == (date(2017, 1, 1), "month", "content inference")


def test_whole_seed_files_without_cleaning():
    expected = {
        "000": (date(2016, 5, 21), "day"),
        "001": (date(2016, 5, 20), "day"),
        "002": (date(2016, 9, 1), "month"),
        "003": (date(2015, 10, 1), "month"),
        "004": (date(2017, 1, 1), "month"),
    }
    for path in sorted(SEEDS.glob("*.txt")):
        got = infer_published([], path.read_text(encoding="utf-8"), [])
        assert (got.date, got.precision) == expected[path.name[:3]], path.name


# ---------------------------------------------------------------- infer_published, other layouts


def test_retrospective_with_explicit_years_keeps_its_stamp():
    body = (
        "When Russian jets began bombing targets in Syria on 30 September 2015, the Pentagon had "
        "no agreed way to talk to Moscow. Last year, a senior US commander said the line was used "
        "several times a day."
    )
    got = infer_published(["Published 14 March 2019"], body, [])
    assert (got.date, got.basis) == (date(2019, 3, 14), "header")


def test_wire_dateline_takes_its_year_from_the_calendar():
    body = (
        "MOSCOW, Oct 7 (Reuters) - Russia's Defence Ministry said on Wednesday it was ready for "
        "talks with the Pentagon, a week after Russia began air strikes there on Sept. 30."
    )
    got = infer_published(["World News"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2015, 10, 7), "day", "dateline")


def test_agency_dateline_without_a_dash_before_the_lead_is_read():
    body = (
        "Geneva, Nov 3 (XNA) Diplomats from both countries met again today. Talks on the "
        "ceasefire agreed in October 2016 went on late into the night.\n\n"
        "Copyright © 2016 XNA. All rights reserved."
    )
    got = infer_published(["World"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2016, 11, 3), "day", "dateline")


def test_unix_stamp_with_clock_and_zone_before_the_year_is_a_full_header_date():
    body = "Friends, the minister spoke on Mar 2, 2016 and again yesterday."
    got = infer_published(["Thu Mar 3 18:02:11 CET 2016"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2016, 3, 3), "day", "header")


def test_tass_dateline_without_any_year_gives_nothing_rather_than_a_guess():
    body = "MOSCOW, October 12. /TASS/. Russian aircraft carried out strikes, a spokesman said."
    assert infer_published([], body, []).date is None


def test_header_in_other_languages_and_numeric_forms():
    assert infer_published(["Donnerstag, 29. September 2016"], "Text.", []).date == date(
        2016, 9, 29
    )
    assert infer_published(["07.10.2015 15:40"], "Текст.", []).date == date(2015, 10, 7)


def test_source_link_date_when_nothing_else():
    links = [{"relation": "source", "date": date(2016, 5, 20), "date_precision": "day"}]
    got = infer_published([], "No dates here at all.", links)
    assert (got.date, got.basis) == (date(2016, 5, 20), "link date")


def test_empty_input_gives_no_date():
    assert infer_published([], "", []).date is None


def test_a_user_calendar_entry_is_used(tmp_path):
    (tmp_path / "calendar.toml").write_text(
        '[[events]]\nname = "test-summit"\ndate = 2018-07-16\nprecision = "day"\n'
        'keywords = [["helsinki"], ["summit"]]\n',
        encoding="utf-8",
    )
    kb = load_knowledge(tmp_path)
    assert "test-summit" in [e.name for e in calendar_events(kb).events]
    body = "Trump and Putin met at the Helsinki summit on Monday, officials said."
    got = infer_published([], body, [], kb=kb)
    assert (got.date, got.precision, got.basis) == (
        date(2018, 7, 16),
        "day",
        "relative-day inference",
    )
    assert infer_published([], body, []).date is None  # not in the shipped calendar


def test_find_dates_is_cheap_per_document():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        find_dates(text, date(2016, 5, 20))  # warm the parse caches
    start = time.perf_counter()
    for _ in range(20):
        for text in texts:
            find_dates(text, date(2016, 5, 20))
    per_document = (time.perf_counter() - start) / (20 * len(texts))
    assert per_document < 0.02  # measured ~0.5–1 ms on a busy 2-core machine


def test_dateline_without_a_year_uses_the_lead_weekday_when_only_one_year_fits():
    body = (
        "BEIRUT, Sept 30 (Wirenews) - Russia's foreign minister on Wednesday offered joint raids "
        "against Islamic State, saying the two militaries could share targets."
    )
    got = infer_published([], body, [])
    assert (got.date, got.basis) == (date(2015, 9, 30), "dateline")
    ambiguous = body.replace("on Wednesday", "on Wednesday and again on Thursday")
    assert infer_published([], ambiguous, []).date is None


def test_month_table_reads_every_month_name_and_day_as_dateparser_does():
    from analysis import dates

    for token in dates._MONTH_NUMBERS:
        assert dates._parse_month.__wrapped__(token) == dates._dateparser_month(token)
        for day in range(1, 33):
            expected = dates._dateparser_month_day(token, day)
            assert dates._parse_month_day.__wrapped__(token, day) == expected, (token, day)
    assert dates._parse_month_day("Feb", 29) == (2, 29)
    assert dates._parse_month_day("Sept", 31) is None


# ----------------------------------------------------------------------------- fast paths


def test_trie_pattern_matches_the_longest_or_the_shortest_word():
    import re

    from analysis.dates import _trie_pattern

    words = ["ab", "abc", "ad", "b"]
    assert _trie_pattern(words) == "(?:a(?:b(?:c)?|d)|b)"
    assert re.match(_trie_pattern(words), "abcd").group(0) == "abc"
    assert re.match(_trie_pattern(words, shortest=True), "abcd").group(0) == "ab"


def test_trigger_trie_finds_the_spans_of_the_plain_alternation():
    import re

    from analysis.dates import _TRIGGER, _TRIGGER_ALTERNATIVES

    plain = re.compile("|".join(_TRIGGER_ALTERNATIVES))
    text = (
        "Monday's Month-long MONTH, on Mon 3 Sept 2016 (MON) the Monthly report; "
        "Yesterday, today and tonight: weeks, years, a year ago; Tue/Thu/THU 12:30 2015-09-30"
    )
    assert [m.span() for m in _TRIGGER.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_calendar_matching_needs_every_keyword_group_at_a_word_start():
    calendar = calendar_events(load_knowledge())
    event = calendar.events[0]
    sentence = " and ".join(group[0] for group in event.keywords)
    assert event in calendar.matching(sentence.upper())
    glued = " and ".join(f"x{group[0]}" for group in event.keywords)
    assert event not in calendar.matching(glued)  # no keyword starts a word
    assert calendar.matching("") == []


def test_a_month_without_its_year_told_in_the_past_is_the_latest_such_month():
    reference = date(2017, 11, 11)
    past = find_dates("Russia briefly suspended the memorandum in April.", reference, "day")
    ahead = find_dates("The two sides will meet again in April.", reference, "day")
    assert [m.date for m in past] == [date(2017, 4, 1)]
    assert [m.date for m in ahead] == [date(2018, 4, 1)]


def test_as_recently_as_a_month_is_the_latest_such_month_up_to_the_reference():
    m = _only("Both sides floated a joint mission as recently as March.", date(2016, 6, 2))
    assert (m.date, m.precision) == (date(2016, 3, 1), "month")
    later = _only("Both sides floated a joint mission as recently as August.", date(2016, 6, 2))
    assert later.date == date(2015, 8, 1)


def test_a_scheduled_present_looks_forward():
    m = _only(
        "The new governor, who takes office in February, will review the deal.", date(2016, 11, 20)
    )
    assert m.date == date(2017, 2, 1)
    rule = _only("The curfew takes effect on Monday, the mayor said.", date(2016, 11, 23))
    assert rule.date == date(2016, 11, 28)


def test_a_day_after_the_news_of_the_day_is_the_day_before_publication():
    told = "The envoy has arrived in Ankara, a day after meeting the foreign minister in Baku."
    m = _only(told, date(2016, 3, 9))
    assert (m.date, m.precision, m.basis) == (date(2016, 3, 8), "day", "relative day")
    # a clause in the past tense, or one that carries its own date, says nothing of the day before
    assert not find_dates("The raid came a day after the talks.", date(2016, 3, 9))
    dated = "The envoy has said the raid on May 3 came a day after the talks."
    assert [m.text for m in find_dates(dated, date(2016, 5, 9))] == ["May 3"]


def test_a_word_before_a_relative_word_that_is_not_part_of_the_phrase_keeps_the_word():
    m = _only("Only a quick one today, friends.", date(2017, 6, 20))
    assert (m.text, m.date) == ("today", date(2017, 6, 20))


_SHAYRAT = (
    "The chemical attack on Khan Shaykhun on Tuesday killed dozens of people, the monitors said."
)


def test_a_swappable_slash_stamp_is_read_in_the_order_the_content_agrees_with():
    got = infer_published(["A Writer | Reporter", "9:10 AM 04/06/2017"], _SHAYRAT, [])
    assert (got.date, got.precision, got.basis) == (
        date(2017, 4, 6),
        "day",
        "header (day/month order from content)",
    )
    day_first = infer_published(["9:10 AM 06/04/2017"], _SHAYRAT, [])
    assert (day_first.date, day_first.basis) == (
        date(2017, 4, 6),
        "header (day/month order from content)",
    )


def test_a_swappable_slash_stamp_stays_unread_when_both_or_neither_reading_agree():
    both = "In March 2016 the ministry offered joint raids, which Washington declined."
    got = infer_published(["05/06/2016"], both, [])
    assert got.basis != "header (day/month order from content)"
    assert got.date not in {date(2016, 5, 6), date(2016, 6, 5)}
    neither = infer_published(["03/02/2017"], _SHAYRAT, [])  # 2 March and 3 February: too early
    assert neither.date not in {date(2017, 3, 2), date(2017, 2, 3)}
    nothing = infer_published(["03/02/2017"], "The ministry said nothing new.", [])
    assert (nothing.date, nothing.precision) == (date(2017, 1, 1), "year")  # only the year


def test_a_yearless_dateline_is_not_put_in_the_year_of_a_background_date_its_weekday_denies():
    body = (
        "ANKARA, March 9 (Wirenews) - Turkish officials said on Thursday they had asked Moscow "
        "and Washington to share their flight plans.\n\n"
        "Russian jets have flown over Syria since September 30, 2015."
    )
    got = infer_published([], body, [])
    assert (got.date, got.basis) == (date(2017, 3, 9), "dateline")  # a Thursday
    # a lead naming the day before the dateline is a wire's habit, not a contradiction
    usual = body.replace("on Thursday", "on Tuesday")
    assert infer_published([], usual, []).date == date(2016, 3, 9)  # a Wednesday


def test_a_count_of_days_ago_is_a_day_and_of_weeks_ago_the_period_holding_that_week():
    reference = date(2016, 10, 5)  # a Wednesday
    assert _only("Officials met two days ago in Geneva.", reference).date == date(2016, 10, 3)
    assert _only("Ten days ago, a convoy was hit.", reference).date == date(2016, 9, 25)
    assert _only("He spoke 15 days ago.", reference).date == date(2016, 9, 20)
    weeks = _only("The offer was made three weeks ago.", reference)
    assert (weeks.date, weeks.precision) == (date(2016, 9, 1), "month")  # 12-18 September
    years = _only("Five years ago the war began.", reference)
    assert (years.date, years.precision) == (date(2011, 1, 1), "year")
    assert not find_dates("A few days ago, and days ago, and years ago.", reference)
    unknown = find_dates("Officials met two days ago.", date(2016, 10, 1), "month")
    assert [m.date for m in unknown] == [None]  # a day needs a day-precise reference


def test_without_a_known_event_a_slash_stamp_is_read_in_the_order_near_the_explicit_dates():
    body = "On July 7, 2017, the two presidents met and agreed a truce in the south of the country."
    got = infer_published(["6:41 PM 07/12/2017"], body, [])
    assert (got.date, got.basis) == (date(2017, 7, 12), "header (day/month order from content)")
    # both readings (6 May, 5 June) within a season of March 2016: left unread
    both = infer_published(["05/06/2016"], "In March 2016 the ministry offered joint raids.", [])
    assert both.date not in {date(2016, 5, 6), date(2016, 6, 5)}
    # a background date long before both readings: neither agrees
    old = infer_published(["07/12/2017"], "The campaign began on September 30, 2015.", [])
    assert old.date not in {date(2017, 7, 12), date(2017, 12, 7)}


def test_a_date_followed_by_last_or_next_year_takes_that_year():
    reference = date(2016, 10, 5)
    day = find_dates("Russia offered joint strikes on March 3 last year.", reference)[0]
    assert (day.date, day.precision) == (date(2015, 3, 3), "day")
    month = find_dates("Talks resume in May next year.", reference)[0]
    assert (month.date, month.precision) == (date(2017, 5, 1), "month")
    since = find_dates("We have proposed this since September of last year.", reference)[0]
    assert since.date == date(2015, 9, 1)
    possessive = find_dates("In March, last year's deal collapsed.", reference)[0]
    assert possessive.date == date(2016, 3, 1)  # "last year's deal" does not date March


def test_a_head_line_ending_in_a_colon_dates_what_it_introduces_not_the_page():
    head = [
        "stated on March 2, 2017 in a viral post:",
        "By Lena Ortiz • March 9, 2017",
    ]
    body = "A viral post says the two air forces now fly joint missions over Syria."
    got = infer_published(head, body, [])
    assert (got.date, got.precision) == (date(2017, 3, 9), "day")


def test_a_day_month_year_stamp_with_dashes_is_read_like_a_slash_date():
    got = infer_published(["Published 17-09-2017 | 10:25"], "The SDF said on Saturday that …", [])
    assert (got.date, got.precision) == (date(2017, 9, 17), "day")


def test_a_day_month_stamp_is_ordered_by_the_weekday_the_lead_names():
    body = (
        "BEIRUT (AFP) - The United States and Russia will set up a joint centre to target "
        "jihadists, the US secretary of state announced early Saturday.\n\nMore followed."
    )
    got = infer_published(["Published: 10/09/2016 05:12 GMT"], body, [])
    # 10 September 2016 was a Saturday, 9 October 2016 a Sunday
    assert (got.date, got.precision) == (date(2016, 9, 10), "day")
    assert got.basis == "header (day/month order from the lead's weekday)"
    # "last Saturday" names another day than the story's own: no order from it
    other = infer_published(["10/09/2016"], body.replace("early Saturday", "last Saturday"), [])
    assert other.date not in {date(2016, 9, 10), date(2016, 10, 9)}


def test_a_stamp_nothing_can_order_still_gives_its_year():
    got = infer_published(["Published 05/06/2016"], "The two militaries talk daily.", [])
    assert (got.date, got.precision, got.basis) == (date(2016, 1, 1), "year", "header")


def test_a_date_with_an_arabic_comma_is_read():
    got = infer_published(["18 September\u060c 2016"], "Damascus, SANA – The ministry said.", [])
    assert (got.date, got.precision, got.basis) == (date(2016, 9, 18), "day", "header")
    mention = find_dates("It happened on September 17\u060c 2016 near the airport.")[0]
    assert (mention.date, mention.text) == (date(2016, 9, 17), "September 17\u060c 2016")


def test_head_lines_are_read_in_order_so_a_claim_boxs_source_date_does_not_win():
    head = ["Published: 17/07/2017 · 09:40", "Source: a Facebook page, 10 July 2017"]
    got = infer_published(head, "The two presidents agreed on a ceasefire.", [])
    assert (got.date, got.precision, got.basis) == (date(2017, 7, 17), "day", "header")


@pytest.mark.parametrize(
    "stamp",
    ["September 14, 20165:05 AM ET", "September, 14, 2016 - 16:47", "Sept., 14, 2016"],
)
def test_a_stamp_with_the_year_run_into_the_time_or_a_comma_after_the_month_is_read(stamp):
    got = infer_published([stamp], "The ambassador spoke on Tuesday.", [])
    assert (got.date, got.precision) == (date(2016, 9, 14), "day")


def test_an_abbreviated_march_without_its_dot_is_a_month_only_before_a_day_and_a_year():
    got = infer_published(["AGENCY - Mar 4, 2016 - 09:15 | Asia"], "The envoy left on Friday.", [])
    assert (got.date, got.precision, got.basis) == (date(2016, 3, 4), "day", "header")
    assert find_dates("Both sides mar 4 weeks of talks.") == []
    assert [m.date for m in find_dates("Storms mar 12, 2016 was a bad year.")] == [date(2016, 1, 1)]


def test_a_year_first_stamp_with_slashes_and_no_zero_padding_is_read():
    head = ["Source:Daily Paper Published: 2016/9/3 08:05:12"]
    got = infer_published(head, "Officials said on Friday that talks would go on.", [])
    assert (got.date, got.precision, got.basis) == (date(2016, 9, 3), "day", "header")


def test_a_month_followed_by_last_or_next_year_is_that_month_without_a_lead_word():
    reference = date(2017, 2, 14)
    found = find_dates("The accord of November last year still binds both air forces.", reference)
    assert (found[0].kind, found[0].date, found[0].precision) == (
        "month",
        date(2016, 11, 1),
        "month",
    )
    ahead = find_dates("Talks are planned for June next year, officials said.", reference)
    assert (ahead[0].date, ahead[0].precision) == (date(2018, 6, 1), "month")
    # without a lead word "May" is the name or the verb, not the month
    assert all(m.kind != "month" for m in find_dates("Theresa May last year agreed.", reference))


def test_a_stamp_that_part_of_the_content_bears_out_is_kept():
    # "stop" + "channel" + "Russian" match the 2017 channel suspension, "last week" pointing at
    # mid-2017; the memorandum "last October" points at late 2015 to late 2016 and agrees with
    # the stamp, so the content is divided and the printed stamp stands.
    head = ["Reporter Name · Posted: Mar 3, 2016 10:00 AM ET"]
    body = (
        "Russian jets kept bombing last week even after American officers used their channel "
        "with the Russian military to ask them to stop.\n\n"
        "It was the first such session since the two militaries signed a memorandum on air "
        "safety over Syria last October."
    )
    got = infer_published(head, body, [])
    assert (got.date, got.precision, got.basis) == (date(2016, 3, 3), "day", "header")


def test_the_caspian_cruise_missiles_of_october_2015_are_in_the_calendar():
    body = (
        "Russia's air campaign entered its second week today with a barrage of cruise missiles "
        "fired from warships in the Caspian Sea."
    )
    assert infer_published(["Oct 7, 2015 6:35 PM EDT"], body, []).date == date(2015, 10, 7)


def test_this_morning_is_the_reference_day():
    text = "Warships fired missiles at targets this morning, the ministry said."
    found = find_dates(text, date(2015, 10, 7), "day")
    assert [(m.modifier, m.date) for m in found] == [("this morning", date(2015, 10, 7))]
    assert find_dates("The morning after the vote, nothing had changed.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president will be in Moscow on Thursday the 26th.", date(2015, 11, 26)),
        ("They first met on Monday, the 2nd.", date(2015, 11, 2)),
        ("The talks ended on Friday the 14th.", None),  # no Friday the 14th within two months
    ],
)
def test_a_weekday_with_its_day_of_the_month_is_the_nearest_such_date(text, expected):
    mentions = find_dates(text, date(2015, 11, 18))
    assert mentions[0].date == expected


def test_a_stamp_with_a_day_a_month_name_and_a_year_joined_by_dashes_is_read():
    head = ["Updated 09:05, 03-Jun-2017"]
    got = infer_published(head, "The envoy met his counterpart in Geneva on Tuesday.", [])
    assert (got.date, got.precision, got.basis) == (date(2017, 6, 3), "day", "header")


def test_putins_second_withdrawal_order_at_hmeimim_does_not_pull_a_late_2017_stamp_back():
    # the 2017 visit to the air base matches the 2016 withdrawal entry's words as well: the
    # calendar knows both, so a stamp of that week is not contradicted by the older one
    body = (
        "Moscow said the two air forces kept talking on the hotline on Tuesday.\n\n"
        "The Russian leader, visiting the Khmeimim air base on Monday, ordered Putin's troops "
        "to begin a partial withdrawal from Syria."
    )
    got = infer_published(["Dec 13, 2017, 9:10 am CET"], body, [])
    assert (got.date, got.precision, got.basis) == (date(2017, 12, 13), "day", "header")


def test_by_a_weekday_told_in_the_past_is_the_day_before_not_the_week_ahead():
    reference = date(2017, 3, 30)  # a Thursday
    told = find_dates("By Tuesday the video had been watched 90,000 times.", reference=reference)
    assert [(m.date, m.future) for m in told] == [(date(2017, 3, 28), False)]
    ahead = find_dates("By Tuesday the convoy will have left Aleppo.", reference=reference)
    assert [m.date for m in ahead] == [date(2017, 4, 4)]
    expected = find_dates("By Tuesday the deal was expected to be signed.", reference=reference)
    assert [m.date for m in expected] == [date(2017, 4, 4)]


def test_a_month_day_of_that_year_takes_the_year_named_before_it():
    text = (
        "Talks had stalled since March 2015, when both sides agreed to meet on June 4 of that "
        "year; a draft of 2014 was shelved in October of the same year."
    )
    found = [(m.text, m.date, m.precision) for m in find_dates(text, date(2016, 9, 1))]
    assert found == [
        ("March 2015", date(2015, 3, 1), "month"),
        ("June 4", date(2015, 6, 4), "day"),
        ("2014", date(2014, 1, 1), "year"),
        ("October", date(2014, 10, 1), "month"),
    ]
    # with no year named before it, "of that year" gives none: the reference's year stands
    alone = find_dates("They met on June 4 of that year.", date(2016, 9, 1))
    assert [(m.date, m.precision) for m in alone] == [(date(2016, 6, 4), "day")]


def test_a_weekday_in_a_long_scheduled_clause_looks_forward_but_not_past_a_subordinate_clause():
    monday = date(2018, 5, 14)
    ahead = find_dates(
        "The envoys are expected to sign the accord at the old palace outside Vienna on Thursday.",
        monday,
    )
    assert [(m.date, m.future) for m in ahead] == [(date(2018, 5, 17), True)]
    # a past clause between the modal and the weekday tells what happened
    past = find_dates(
        "The ministry will not comment on what the envoys signed outside Vienna on Thursday.",
        monday,
    )
    assert [m.date for m in past] == [date(2018, 5, 10)]


def test_tomorrow_and_the_day_after_tomorrow_count_forward_from_the_reference():
    wednesday = date(2018, 3, 14)
    m = _only("The envoy flies to Ankara tomorrow for talks on the border.", wednesday)
    assert (m.date, m.precision, m.basis) == (date(2018, 3, 15), "day", "relative day")
    later = _only("The envoy meets the minister the day after tomorrow.", wednesday)
    assert (later.text, later.date) == ("the day after tomorrow", date(2018, 3, 16))
    # "the armies of tomorrow" names no day
    assert not find_dates("He spoke of the armies of tomorrow.", wednesday)


def test_a_day_of_the_month_alone_takes_the_month_named_before_it():
    text = "The plan was signed in Vienna on May 4, and the first patrol drove out on the 12th."
    found = find_dates(text, date(2018, 7, 2))
    assert [(m.text, m.date, m.precision) for m in found] == [
        ("May 4", date(2018, 5, 4), "day"),
        ("12th", date(2018, 5, 12), "day"),
    ]


def test_a_day_of_the_month_alone_without_a_month_before_it_is_the_latest_such_day():
    # a day later than the reference's is in the month before; an earlier one in its month
    assert _only("The patrol was shelled on the 25th.", date(2018, 7, 2)).date == date(2018, 6, 25)
    assert _only("The patrol was shelled on the 2nd, he said.", date(2018, 7, 9)).date == date(
        2018, 7, 2
    )
    # a noun after it makes it no date; neither does a month-precise reference
    assert not [m for m in find_dates("They met on the 12th floor.", date(2018, 7, 9)) if m.date]
    assert not [m for m in find_dates("Shelled on the 2nd.", date(2018, 7, 1), "month") if m.date]


def test_a_meeting_that_is_expected_on_a_weekday_looks_forward():
    tuesday = date(2018, 5, 15)
    m = _only("Another round of talks is expected on Friday, diplomats said.", tuesday)
    assert (m.date, m.future) == (date(2018, 5, 18), True)
