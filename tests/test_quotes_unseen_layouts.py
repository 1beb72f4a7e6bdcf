"""Quotation attribution in layouts and phrasings the fixtures met first on unseen pages: a
post's credit after its quoted text, a setting before the subject, an adverb before the speech
verb, and the like.  Each test uses its own short text."""

import pytest

from analysis.knowledge import load_knowledge
from analysis.quotes import extract_quotes


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def quotes_of(body: str, kb) -> list[dict]:
    rows = extract_quotes({"doc_id": "t"}, body, [], kb)
    for row in rows:
        assert body[row["start"] : row["end"]] == row["text"]
    return rows


def speakers(body: str, kb) -> list[str | None]:
    return [row["speaker"] for row in quotes_of(body, kb)]


def test_a_posts_credit_after_its_quoted_text_names_the_poster(kb):
    body = (
        "THE CLAIM\n\n"
        "“The Americans and the Russians now choose their targets together.” Post by Tom Hale, "
        "shared 2,000 times since Monday\n\n"
        "Neither military says so."
    )
    assert speakers(body, kb) == ["Tom Hale"]


def test_a_tweets_credit_in_brackets_names_the_poster(kb):
    body = (
        "The rumour spread fast. “Moscow and Washington plan every raid in one room now.” "
        "(Tweet by Ann Brody on Sunday)"
    )
    assert speakers(body, kb) == ["Ann Brody"]


def test_a_setting_before_the_subject_does_not_hide_it(kb):
    body = (
        "Sergei Lavrov sounded hopeful. In a radio interview on Friday the foreign minister said "
        "Moscow would share intelligence “with anyone who truly fights the terrorists”, and "
        "little more."
    )
    assert speakers(body, kb) == ["Sergey Lavrov"]


def test_a_setting_before_a_known_persons_name(kb):
    body = (
        "During the evening briefing Konashenkov said the coalition had sent "
        "“the coordinates of several targets near the town”."
    )
    assert speakers(body, kb) == ["Igor Konashenkov"]


def test_a_setting_with_a_place_inside_is_not_read_as_a_description(kb):
    body = "At the talks in the capital the weather said “nothing at all about the deal today”."
    assert speakers(body, kb) == [None]


def test_an_adverb_between_the_speaker_and_the_verb(kb):
    body = (
        "Everyone is quoting the general. This is what Konashenkov really said on television:\n\n"
        "«The American side passed us the coordinates and our aircraft struck the targets.»"
    )
    assert speakers(body, kb) == ["Igor Konashenkov"]


def test_an_ly_noun_before_the_verb_stays_in_the_subject():
    from analysis.quotes import _subject_before

    assert _subject_before("a close US ally ") == "a close US ally"
    assert _subject_before("The spokesman firmly ") == "The spokesman"


def test_a_short_phrase_set_off_by_commas_in_reported_speech_is_no_quotation(kb):
    body = (
        "According to the general, the base had received, “over the usual hotline”, a list of "
        "positions to avoid."
    )
    assert quotes_of(body, kb) == []


def test_a_longer_phrase_closing_reported_speech_stays_a_quotation(kb):
    body = (
        "According to the general, the base had received a list of positions “that the "
        "coalition wanted our pilots to avoid at all costs”."
    )
    assert len(quotes_of(body, kb)) == 1


def test_live_blog_entries_labelled_in_bold_or_with_their_time(kb):
    body = (
        "**Kerry:** “The United States will go the extra mile if the violence comes down for "
        "seven days.”\n\n"
        "LAVROV (11:02): “We have agreed on a package of documents and we are ready to start "
        "work next week.”\n\n"
        "14:05 Ryabkov: “Everything now depends on whether Washington can separate the "
        "opposition from the extremists.”"
    )
    assert speakers(body, kb) == ["John Kerry", "Sergey Lavrov", "Sergei Ryabkov"]


def test_a_label_in_capitals_that_names_nobody_known_gives_no_speaker(kb):
    body = "CLAIM: “American and Russian pilots now fly every mission over Syria together.”"
    assert speakers(body, kb) == [None]


def test_a_flash_in_capitals_names_a_known_speaker(kb):
    body = (
        "FLASH: SHOIGU SAYS “MOSCOW IS READY TO PLAN STRIKES TOGETHER WITH WASHINGTON”\n\n"
        "URGENT - RUSSIAN DEFENCE MINISTER SERGEI SHOIGU TELLS REPORTERS: “THE OFFER STANDS "
        "UNTIL FRIDAY”"
    )
    assert speakers(body, kb) == ["Sergei Shoigu", "Sergei Shoigu"]


def test_an_unknown_name_in_capitals_is_no_speaker(kb):
    body = "FLASH: JONES SAYS “MOSCOW IS READY TO PLAN STRIKES TOGETHER WITH WASHINGTON”"
    assert speakers(body, kb) in ([], [None])


ANCHORED_SHOW = """[10:00:05] DANA REYES, NEWS ANCHOR: Good morning. Are the talks with Moscow working? I'm Dana Reyes in Washington, and this is the morning briefing.

REYES: Joining me now is the senator who chairs the intelligence committee. Welcome.

SEN. PAUL HARMON (D-OR), INTELLIGENCE COMMITTEE CHAIRMAN: Thanks for having me this morning, Dana.

REYES: Should the Pentagon share targets with the Russians over Syria?

HARMON: No. The channel exists to keep our pilots safe and it should stay that narrow.
"""


def test_an_anchors_surname_label_keeps_the_name_her_full_label_gave(kb):
    rows = quotes_of(ANCHORED_SHOW, kb)
    anchor = [
        (r["speaker"], r["side"]) for r in rows if r["text"].startswith(("Joining", "Should"))
    ]
    assert anchor == [("Dana Reyes", None), ("Dana Reyes", None)]


def test_a_member_of_congress_labelled_with_party_and_state_takes_the_turn(kb):
    rows = quotes_of(ANCHORED_SHOW, kb)
    thanks = [r for r in rows if "Thanks for having me" in r["text"]]
    assert [(r["speaker"], r["text"]) for r in thanks] == [
        ("Paul Harmon", "Thanks for having me this morning, Dana.")
    ]
    assert [r["speaker"] for r in rows if r["text"].startswith("No. The channel")] == [
        "Paul Harmon"
    ]


def test_a_block_quote_introduced_by_its_utterance_is_the_reported_speakers(kb):
    body = (
        "Next, Russia's answer. The foreign ministry said on Sunday that Moscow would recall its "
        "liaison officers. From the statement:\n\n"
        "> The Russian side recalls its officers from the joint monitoring centre in Amman "
        "until further notice."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Russian Foreign Ministry", "Russia")]


def test_an_earlier_speech_verb_names_the_speaker_when_the_last_one_names_nobody(kb):
    body = (
        "A State Department spokeswoman replied by email. The spokeswoman added that talks with "
        "the Russian side continued “through the usual military channels in the region”."
    )
    assert speakers(body, kb) == ["spokeswoman"]


def test_a_viral_message_is_the_speaker_of_the_claim_it_passes_on(kb):
    body = (
        "A message forwarded on Telegram since Tuesday claims that “Russian and American jets "
        "now refuel from the same tanker over Syria”. It is false."
    )
    assert speakers(body, kb) == ["message"]


def test_he_is_the_subject_named_with_an_office_of_several_words(kb):
    body = (
        "Analysts in Geneva said the talks had stalled.\n\n"
        "Secretary of State John Kerry, who had spent the night arguing with Sergey Lavrov, "
        "sounded tired. As he put it to the press pool, “we will keep talking for as long as "
        "there is anything to talk about.”"
    )
    assert speakers(body, kb) == ["John Kerry"]


def test_a_ministrys_reply_is_the_ministry_of_the_country_in_focus(kb):
    body = (
        "Moscow answered the same evening. The defence ministry's response was short: “The "
        "American side bears full responsibility for what happened.”"
    )
    assert speakers(body, kb) == ["Russian Defence Ministry"]


def test_one_unnamed_official_introduced_with_one_keeps_his_side(kb):
    body = (
        "The Russian military said nothing more.\n\n"
        "One senior American defence official who followed the talks was blunter. “I would not "
        "hand them a single grid reference,” the official said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("official", "US")]
