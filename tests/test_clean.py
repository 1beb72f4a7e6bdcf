"""The clean stage: general rules that separate an article from the page around it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.clean import (
    byline_name,
    camel_case_name,
    clean_page,
    is_nav_bar,
    is_title_like,
    looks_like_menu,
    normalise_text,
    rules_for,
    spread_lines,
)
from analysis.knowledge import Knowledge, load_knowledge
from analysis.metadata import describe

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _fixture(kb: Knowledge, name: str):
    return clean_page((CORPUS / name).read_text(encoding="utf-8"), kb)


# ----------------------------------------------------------------------------- normalisation


def test_nbsp_and_indentation_are_normalised_before_the_body_is_final(kb):
    page = (
        "    Headline About Syria Talks Today\n\n"
        "    Russia\u00a0and the\u00a0United States\u202fheld talks on Syria on Friday, officials said.\n"
    )
    cleaned = clean_page(page, kb)
    assert (
        cleaned.body
        == "Russia and the United States held talks on Syria on Friday, officials said."
    )
    assert cleaned.title == "Headline About Syria Talks Today"


def test_normalise_text_turns_crlf_and_invisible_characters_into_plain_lines():
    assert normalise_text("a\u200b b\r\n\tc\u00a0 d\r") == "a b\nc d\n"


def test_hard_wrapped_paragraphs_are_rejoined(kb):
    page = (
        "MOSCOW, Oct 7 (Reuters) - Russia's Defence Ministry said on Wednesday it\n"
        "was ready to discuss with the United States the coordination of air\n"
        "operations over Syria.\n\n"
        "The ministry gave no further details about the proposal on Wednesday.\n"
    )
    body = clean_page(page, kb).body
    assert body.split("\n\n")[0] == (
        "MOSCOW, Oct 7 (Reuters) - Russia's Defence Ministry said on Wednesday it was ready to "
        "discuss with the United States the coordination of air operations over Syria."
    )


def test_a_block_of_headlines_is_not_joined_into_one_paragraph(kb):
    page = (
        "The Pentagon said on Monday it would not coordinate strikes with Russia in Syria.\n\n"
        "Russia Says Ready to Coordinate Strikes Against Terrorists in Syria\n"
        "Pentagon Denies Receiving Any Russian Proposal on Joint Air Operations\n"
        "Lavrov and Kerry Discuss Syria Ceasefire by Phone on Thursday\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body == (
        "The Pentagon said on Monday it would not coordinate strikes with Russia in Syria."
    )
    assert len(cleaned.tail) == 3


# ----------------------------------------------------------------------------- furniture rules


def test_caption_repeated_with_and_without_credit_is_dropped(kb):
    page = (
        "Jets fly over the Mediterranean during an exercise on May 1, 2016.\n\n"
        "Jets fly over the Mediterranean during an exercise on May 1, 2016. (John Smith/U.S. Navy)\n\n"
        "The Navy said the exercise was planned months ago and had nothing to do with Syria.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body == (
        "The Navy said the exercise was planned months ago and had nothing to do with Syria."
    )


def test_repeated_sentences_of_the_article_are_kept(kb):
    quote = "“We are not coordinating with the Russians in any way at all,” the spokesman said."
    page = f"{quote}\n\nThe statement came a day after Moscow's offer.\n\n{quote}\n"
    assert clean_page(page, kb).body.count(quote) == 2


@pytest.mark.parametrize(
    "widget",
    [
        "Support our mission",
        "Support Some Website",
        "Listen Live",
        "Get short URL",
        "Breaking News",
        "Accessibility links",
        "Share this article",
        "Sign up for our newsletter",
        "Follow us on Telegram",
        "Advertisement",
        "1,020 $",
        "XL",
        "Tags: Syria, Russia",
        "Topic Of A Story Series (12)",
        "Home | World | Middle East",
        "Subscribe to our daily newsletter and get the news first in your inbox every morning.",
    ],
)
def test_widget_lines_never_reach_the_body(kb, widget):
    page = (
        f"{widget}\n\n"
        "Russian jets struck targets near Aleppo on Tuesday, the ministry said in a statement.\n\n"
        f"{widget}\n\n"
        "The United States said it had not been informed of the strikes in advance.\n\n"
        f"{widget}\n"
    )
    body = clean_page(page, kb).body
    assert widget not in body
    assert body.count("\n\n") == 1


def test_trailing_social_handle_is_stripped_and_kept_as_signature(kb):
    page = (
        "The talks ended without agreement, officials said on Friday.\n\n"
        "Both sides promised to meet again next month in Geneva. Twitter:@JaneRoe\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body.endswith("next month in Geneva.")
    assert cleaned.signature == "@JaneRoe"
    assert "Twitter:@JaneRoe" in cleaned.tail


def test_related_headline_run_inside_the_article_is_dropped(kb):
    page = (
        "Russia proposed joint strikes on Friday, the defense ministry said in Moscow.\n\n"
        "Russia Says Ready to Coordinate Strikes\n"
        "Pentagon Denies Russian Claims of Coordination\n\n"
        "The Pentagon said there was no formal proposal, a spokesman told reporters.\n"
    )
    body = clean_page(page, kb).body
    assert "Russia Says Ready" not in body
    assert "Pentagon Denies" not in body
    assert body.endswith("a spokesman told reporters.")


def test_user_furniture_vocabulary_extends_the_shipped_one(tmp_path):
    (tmp_path / "furniture.toml").write_text('widgets = ["watch our new podcast"]\n')
    page = (
        "Russian jets struck targets near Aleppo on Tuesday, the ministry said in a statement.\n\n"
        "Watch our new podcast\n\n"
        "The United States said it had not been informed of the strikes in advance.\n"
    )
    assert "podcast" in clean_page(page, load_knowledge()).body
    assert "podcast" not in clean_page(page, load_knowledge(tmp_path)).body


# ----------------------------------------------------------------------------- shape helpers


def test_title_like_lines_are_short_capitalised_and_unpunctuated():
    assert is_title_like("Russia Refuses to Coordinate Airstrikes on Aleppo with US")
    assert is_title_like("What is Russia's Most 'Selfish' Reason for Engaging in Syria?")
    assert not is_title_like("Moscow insists on direct dialogue between Damascus and the Pentagon.")
    assert not is_title_like("the talks were limited to safety procedures")


def test_nav_bars_are_short_items_between_separators():
    assert is_nav_bar("Home > Middle East > Syria")
    assert is_nav_bar("Главная / В мире")
    assert not is_nav_bar("Kerry and Lavrov agree on joint military cell for Syria")


def test_camel_case_handles_become_names_only_when_they_split_cleanly():
    assert camel_case_name("@TaraCopp") == "Tara Copp"
    assert camel_case_name("@pentagonpresssec") is None
    assert camel_case_name("@NYTimesWorld") is None


# ----------------------------------------------------------------------------- links


def test_links_get_relation_from_their_section_and_dates_from_their_paths(kb):
    page = (
        "Officials met in Geneva on Friday to discuss the ceasefire in Syria, diplomats said.\n\n"
        "Read the [full statement](https://example.org/statement) on the ministry site.\n\n"
        "Sources:\n"
        "1. [Agency report](https://news.example.com/2016/09/10/story.html)\n\n"
        "See also:\n"
        "* [Earlier talks](https://example.org/news/20160901/talks.html)\n"
        "* [Archive](https://example.org/archive/2016/08/index.html)\n"
    )
    cleaned = clean_page(page, kb)
    relations = [(link["relation"], link["label"]) for link in cleaned.links]
    assert relations == [
        ("other", "full statement"),
        ("source", "Agency report"),
        ("related", "Earlier talks"),
        ("related", "Archive"),
    ]
    assert cleaned.links[1]["date"] == date(2016, 9, 10)
    assert cleaned.links[2]["date"] == date(2016, 9, 1)
    assert (cleaned.links[3]["date"], cleaned.links[3]["date_precision"]) == (
        date(2016, 8, 1),
        "month",
    )
    assert "Read the full statement on the ministry site." in cleaned.body
    assert "Agency report" not in cleaned.body
    assert "Earlier talks" not in cleaned.body


def test_bare_urls_are_links(kb):
    page = (
        "The ministry published the text of the memorandum on its website on Tuesday morning.\n\n"
        "https://eng.mil.ru/en/news_page/country/more.htm?id=12345\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.links[0]["url"] == "https://eng.mil.ru/en/news_page/country/more.htm?id=12345"
    assert "https://" not in cleaned.body


# ----------------------------------------------------------------------------- fixtures in other layouts


def test_wire_fixture_body_excludes_header_and_credit_footer(kb):
    cleaned = _fixture(kb, "layout_wire_reuters.txt")
    assert cleaned.body.startswith("MOSCOW, Oct 7 (Reuters) - Russia's Defence Ministry said")
    assert cleaned.body.endswith("as long as it continued to support President Bashar al-Assad.")
    for furniture in ("Skip to main content", "3 Min Read", "Reporting by", "Our Standards"):
        assert furniture not in cleaned.body
    assert cleaned.dateline == "MOSCOW, Oct 7 (Reuters) -"
    assert "October 7, 2015 / 2:31 PM / Updated 5 years ago" in cleaned.head
    assert any(line.startswith("(Reporting by Maria Tsvetkova") for line in cleaned.tail)


def test_tass_fixture_drops_related_list_and_tags(kb):
    cleaned = _fixture(kb, "layout_tass_dateline.txt")
    assert cleaned.body.startswith("MOSCOW, October 7. /TASS/. Russia is ready to exchange")
    assert cleaned.body.endswith("had made 112 sorties since September 30.")
    for furniture in ("Caspian Sea", "Putin says", "Tags:", "More:", "Military & Defense"):
        assert furniture not in cleaned.body
    assert "October 07, 2015, 14:22 UTC+3" in cleaned.head
    assert cleaned.dateline == "MOSCOW, October 7. /TASS/."


def test_transcript_fixture_keeps_every_speaker_turn(kb):
    cleaned = _fixture(kb, "layout_pentagon_transcript.txt")
    paragraphs = cleaned.body.split("\n\n")
    assert paragraphs[0].startswith("MR. COOK: Good afternoon, everybody.")
    assert paragraphs[-2:] == ["Q: Thank you.", "MR. COOK: Thank you all."]
    assert "Oct. 8, 2015" in cleaned.head
    assert "Subscribe to Press Releases" not in cleaned.body
    assert "Press Operations" not in cleaned.body


def test_digest_fixture_items_are_the_body_and_sources_are_links(kb):
    cleaned = _fixture(kb, "layout_digest_daily_brief.txt")
    paragraphs = cleaned.body.split("\n\n")
    assert paragraphs[1].startswith("The United States threatens to suspend bilateral talks")
    assert paragraphs[-1].endswith("in air strikes on rebel-held districts of Aleppo overnight.")
    assert "* " not in cleaned.body
    assert "Previous briefs" not in cleaned.body
    sources = [link["url"] for link in cleaned.links if link["relation"] == "source"]
    assert sources == [
        "https://www.reuters.com/article/us-mideast-crisis-syria-idUSKCN11Z0TU",
        "https://tass.com/politics/903455",
        "https://www.state.gov/r/pa/prs/dpb/2016/09/262540.htm",
    ]
    assert "Syria Daily Brief — 30 September 2016" in cleaned.head


def test_disqus_fixture_comments_are_separated_from_the_article(kb):
    cleaned = _fixture(kb, "layout_disqus_comments.txt")
    assert cleaned.body.endswith("who spoke on condition of anonymity.")
    assert [(c["author"], c["text"][:25]) for c in cleaned.comments] == [
        ("KarlMarxFan", "This will never work. The"),
        ("Olga S.", "Finally some common sense"),
        ("anon_reader", "Remember the deconflictio"),
    ]
    everything = " ".join(c["text"] for c in cleaned.comments) + cleaned.body
    for widget in ("43 Comments", "Sort by Best", "Reply", "Share ›", "12 likes", "Disqus"):
        assert widget not in everything


def test_opinion_fixture_byline_and_kicker_go_to_the_head(kb):
    cleaned = _fixture(kb, "layout_opinion_byline.txt")
    assert "By Jane Doe" in cleaned.head
    assert "Opinion" in cleaned.head
    assert "By Jane Doe" not in cleaned.body
    assert cleaned.body.startswith("Cooperation with Russia in Syria would reward")
    assert cleaned.body.endswith("The views expressed are her own.")
    assert "Related Topics" not in cleaned.body
    assert "Follow us" not in cleaned.body


def test_an_empty_or_furniture_only_page_gives_an_empty_body(kb):
    assert clean_page("", kb).body == ""
    assert clean_page("Share\nTweet\nEmail\n\nAdvertisement\n", kb).body == ""


# ----------------------------------------------------------------------------- comments and robustness


def test_says_and_wrote_comment_authors_are_recognised(kb):
    page = (
        "The ceasefire in Aleppo collapsed on Monday after a week of heavy fighting, monitors said.\n\n"
        "Leave a Reply\n\n"
        "Ivan K. says:\n"
        "September 20, 2016 at 10:02 am\n"
        "The Americans never wanted this truce to work in the first place.\n\n"
        "Anonymous wrote:\n"
        "Both sides broke it, read the monitors' report before blaming one.\n"
        "Reply\n"
        "Log in to comment\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body == (
        "The ceasefire in Aleppo collapsed on Monday after a week of heavy fighting, monitors said."
    )
    assert [c["author"] for c in cleaned.comments] == ["Ivan K.", "Anonymous"]
    assert cleaned.comments[0]["text"] == (
        "The Americans never wanted this truce to work in the first place."
    )
    assert cleaned.comments[1]["text"] == (
        "Both sides broke it, read the monitors' report before blaming one."
    )


def test_a_discussion_crosshead_does_not_start_the_comments(kb):
    page = (
        "The memorandum on air safety was signed in October 2015 by both defense ministries.\n\n"
        "Discussion\n\n"
        "The memorandum does not provide for any exchange of targeting information, officials say.\n\n"
        "Both sides have accused each other of breaching its spirit on several occasions since.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.comments == []
    assert cleaned.body.endswith("on several occasions since.")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=120),
            st.sampled_from(
                [
                    "",
                    "Notify of",
                    "Reply",
                    "Jens Holm",
                    "### Related:",
                    "1. [x](/news/2016/13/45/a.md)",
                    "Twitter:@",
                    "(Reuters) -",
                    "False",
                    "By ",
                    "[[[](((",
                    "\u00a0\u200b",
                ]
            ),
        ),
        max_size=40,
    )
)
def test_any_page_gives_a_well_formed_result(page_lines):
    kb = load_knowledge()
    cleaned = clean_page("\n".join(page_lines), kb)
    assert "\n\n\n" not in cleaned.body
    assert all(p and p == p.strip() for p in cleaned.body.split("\n\n")) or cleaned.body == ""
    assert [c["position"] for c in cleaned.comments] == list(range(len(cleaned.comments)))
    assert all(link["relation"] in {"source", "related", "other"} for link in cleaned.links)


def test_ap_fixture_drops_caption_separator_and_copyright(kb):
    cleaned = _fixture(kb, "layout_ap_caption_footer.txt")
    assert cleaned.body.startswith("WASHINGTON (AP) — The Pentagon said Thursday")
    assert cleaned.body.endswith(
        'Carter said the talks would be limited to "basic safety procedures."'
    )
    for furniture in (
        "FILE - In this",
        "AP Photo",
        "___",
        "contributed to this report",
        "Copyright",
    ):
        assert furniture not in cleaned.body
    assert cleaned.tail == [
        "Associated Press writer Vladimir Isachenkov in Moscow contributed to this report."
    ]


def test_rt_fixture_drops_inline_read_more_and_newsletter_prompt(kb):
    cleaned = _fixture(kb, "layout_rt_widgets.txt")
    paragraphs = cleaned.body.split("\n\n")
    assert paragraphs[0].startswith("Russia is ready to exchange information with the US-led")
    assert paragraphs[-1].startswith("The US has repeatedly said it would not cooperate")
    assert len(paragraphs) == 4
    assert "Published time: 7 Oct, 2015 14:22" in cleaned.head
    assert "© Sputnik / Dmitry Vinogradov" not in cleaned.widgets  # a photo credit, not a widget


def test_claim_box_labels_leave_the_body_and_sources_carry_their_dates(kb):
    cleaned = _fixture(kb, "layout_factcheck_claim_box.txt")
    paragraphs = cleaned.body.split("\n\n")
    for label in ("Claim:", "Rating:", "About this rating", "False"):
        assert label not in paragraphs
    assert (
        "The U.S. military and Russia carried out joint airstrikes against the Islamic State "
        "near al-Bab in January 2017." in paragraphs
    )
    sources = [link for link in cleaned.links if link["relation"] == "source"]
    assert [s["url"] for s in sources] == [
        "https://tass.com/defense/926629",
        "https://www.voanews.com/a/pentagon-denies/3688383.html",
    ]
    assert all((s["date"], s["date_precision"]) == (date(2017, 1, 23), "day") for s in sources)
    assert "Home" not in cleaned.body  # the link menu


def test_dated_citations_under_a_sources_heading_are_source_items_not_head_stamps(kb):
    page = (
        "Did the two navies hold a joint drill?\n\n"
        "Published: 12.05.2016 10:00\n\n"
        "Posts claimed on Monday that the two navies had held a joint drill off Tartus. Both "
        "navies said they had only exchanged notices about their exercises that week.\n\n"
        "We found no record of a joint drill in the statements of either navy this month.\n\n"
        "Sources\n"
        "Russian Navy press service, statement of 9 May 2016\n"
        "U.S. Sixth Fleet public affairs, 10 May 2016\n\n"
        "Have you seen a claim we should check? Send it to us by e-mail and we will look.\n"
    )
    cleaned = clean_page(page, kb)
    assert "Published: 12.05.2016 10:00" in cleaned.head
    assert not any("Russian Navy" in line or "Sixth Fleet" in line for line in cleaned.head)
    assert "Sixth Fleet" not in cleaned.body


FORUM_THREAD = """forumcopy.example
saved page

board   NEWS   comments   related (2)

f/levantnews
News and analysis of the war in the Levant. Please cite your sources when you post.
join   9,120 members   88 online

57
Pentagon and Russian MoD open a second video line - details inside (self.levantnews)
submitted 3 hours ago * by kurdfront_watch   Discussion
91% upvoted

The Pentagon confirmed today that the two militaries now have a second video line for the air
safety talks, in addition to the telephone line set up last year.

A spokesman said the line would be used only to keep aircraft apart and that no targets would
be discussed over it. My own view is that this is a small but useful step.

EDIT: fixed the date of the first line.

12 comments   share   save   hide   report

all 12 comments
sorted by: best

[–] Tal_Afar_Lurker 40 points 2 hours ago
Useful summary, thanks. The distinction between keeping apart and working together matters.
permalink   save   report   reply

[–] kurdfront_watch [S] 21 points 2 hours ago
Agreed. People mix the two up every time there is news about the line, and I do not blame them
given how it is reported.
permalink   save   report   reply

load more comments (10 replies)

about   help   apps & tools
blog   about   advertise   rules
"""


def test_a_forum_post_under_a_sidebar_with_a_vote_thread_below(kb):
    cleaned = clean_page(FORUM_THREAD, kb)
    assert cleaned.title == "Pentagon and Russian MoD open a second video line - details inside"
    assert cleaned.body.startswith("The Pentagon confirmed today that the two militaries")
    assert cleaned.body.endswith("EDIT: fixed the date of the first line.")
    assert "submitted 3 hours ago * by kurdfront_watch Discussion" in cleaned.head
    assert [c["author"] for c in cleaned.comments] == ["Tal_Afar_Lurker", "kurdfront_watch"]
    assert cleaned.comments[1]["text"] == (
        "Agreed. People mix the two up every time there is news about the line, and I do not "
        "blame them given how it is reported."
    )
    assert not any("permalink" in c["text"] or "advertise" in c["text"] for c in cleaned.comments)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("submitted 2 days ago * by syria_map_nerd   News", "syria_map_nerd"),
        ("Posted in Analysis by warwatcher", "warwatcher"),
        ("submitted 1 hour ago by u/Deir_Watch", "Deir_Watch"),
        ("submitted 3 hours ago by the moderators", None),  # no user name
        ("Posted on 3 March 2017 by admin", None),
    ],
)
def test_a_forum_byline_gives_the_posters_handle_as_printed(kb, line, author):
    assert byline_name(line, rules_for(kb)) == author


def test_a_footer_menu_and_copyright_under_the_comments_are_no_comment(kb):
    page = (
        "The two militaries spoke over the hotline on Friday, officials said, and agreed to "
        "keep their aircraft apart over the Euphrates valley.\n\n"
        "Comments (2)\n\n"
        "dana_k says:\n"
        "They will be talking again next week, mark my words.\n\n"
        "Omer L. says:\n"
        "Keeping apart is all either side wants.\n\n\n"
        "example.com | About us | Contact us | Terms and conditions | Privacy policy\n"
        "Example Daily © 2017\n"
    )
    cleaned = clean_page(page, kb)
    assert [(c["author"], c["text"]) for c in cleaned.comments] == [
        ("dana_k", "They will be talking again next week, mark my words."),
        ("Omer L.", "Keeping apart is all either side wants."),
    ]


def test_a_vote_header_is_not_glued_to_the_comment_under_it(kb):
    page = (
        "A hard-wrapped story about the military line between Moscow and\n"
        "Washington that runs over two lines of the page.\n\n"
        "all 3 comments\nsorted by: new\n\n"
        "[–] reader_one 5 points 1 hour ago\n"
        '"only to keep aircraft apart" is the phrase that matters most in the\n'
        "whole statement\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body == (
        "A hard-wrapped story about the military line between Moscow and Washington that runs "
        "over two lines of the page."
    )
    assert [(c["author"], c["text"]) for c in cleaned.comments] == [
        (
            "reader_one",
            '"only to keep aircraft apart" is the phrase that matters most in the whole statement',
        )
    ]


def test_plain_comments_section_after_a_wire_story(kb):
    cleaned = _fixture(kb, "layout_plain_comments.txt")
    assert cleaned.body.endswith('"We are open to contacts," Bogdanovsky said.')
    assert [(c["author"], c["text"]) for c in cleaned.comments] == [
        ("Alex Smith", "Finally they talk."),
        ("Maria", "Too late for Aleppo."),
    ]
    assert cleaned.dateline == "MOSCOW. Oct 8 (Interfax) -"


@pytest.mark.parametrize(
    "line",
    [
        "TR | EN | AR | RU | BS | FR",
        "WORLD NEWS OCTOBER 7, 2016 / 3:14 PM / UPDATED 2 HOURS AGO",
        "Politics World Business & Economy Military & Defense",
        "Home Politics Local World Economy Culture Health Sports",
    ],
)
def test_menus_language_bars_and_stamps_are_never_headlines(line, kb):
    menu_words = frozenset(w.lower() for w in kb.furniture["menu_words"])
    assert looks_like_menu(line, menu_words)


@pytest.mark.parametrize(
    "headline",
    [
        "Russia Refuses to Coordinate Airstrikes on Aleppo with US",
        "Lavrov: US coalition command accepted Russian proposal for information exchange",
        "Turkey, Russia conduct first joint airstrikes on Daesh in al-Bab",
    ],
)
def test_headlines_are_not_menus(headline, kb):
    menu_words = frozenset(w.lower() for w in kb.furniture["menu_words"])
    assert not looks_like_menu(headline, menu_words)


def test_headline_below_a_menu_and_a_stamp_is_the_title(kb):
    page = (
        "Business | Markets | World | Politics | Tech\n\n"
        "WORLD NEWS   OCTOBER 7, 2016 / 3:14 PM / UPDATED 2 HOURS AGO\n\n"
        "Russia says it offered joint targeting to Washington\n\n"
        "MOSCOW (Reuters) - Russia's military said on Friday it had offered the United States a "
        "joint plan to separate moderate rebels from militants in Syria.\n\n"
        "The offer was not taken up, officials in Washington said on Friday evening.\n"
    )
    assert clean_page(page, kb).title == "Russia says it offered joint targeting to Washington"


# ----------------------------------------------------------------------------- fast paths


def test_required_literals_name_one_string_every_match_contains():
    from analysis.clean import required_literals

    assert required_literals("sign[- ]?up to (receive|get)") == ("up to ",)
    assert required_literals("(get|receive) (our|the) (newsletter|email|briefing)") == (
        "briefing",
        "email",
        "newsletter",
    )
    assert required_literals("[$€£]?\\d+") is None  # nothing literal to require
    assert required_literals("(?:Ab|cd)") is None  # too short to be worth a test


@pytest.mark.parametrize(
    "line",
    [
        "Sign up to receive our daily briefing",
        "SIGN UP TO GET the newsletter",
        "We use cookies to improve your experience.",
        "\u201cWe use cookies,\u201d the banner said \u2014 but nobody read it.",
        "Click here to subscribe \u2192",
        "All rights reserved.",
        "Russia and the United States held talks on Syria on Friday.",
        "\u017fign up to receive our alerts",  # long s folds to "s" in a case-insensitive regex
        "Please log in to comment",
        "PLEA\u017fE LOG IN TO COMMENT",
        "Got a tip? Send it to us.",
    ],
)
def test_prompt_check_agrees_with_the_whole_prompt_pattern(kb, line):
    from analysis.clean import _is_prompt, rules_for

    rules = rules_for(kb)
    assert rules.prompt is not None
    assert _is_prompt(line, rules) == bool(rules.prompt.search(line))


def test_long_s_line_is_still_a_prompt(kb):
    from analysis.clean import _is_prompt, rules_for

    assert _is_prompt("\u017fign up to receive our alerts", rules_for(kb))


def test_ascii_normalisation_equals_the_unicode_path():
    page = "  Title\there  \n\n\x0bText  with   spaces\x0c and tabs.\r\nNext line  \n"
    assert normalise_text(page) == "Title here\n\nText with spaces and tabs.\nNext line\n"
    assert normalise_text(page + "\u00a0\u200b") == normalise_text(page + " ")


def test_long_breadcrumb_trail_is_a_nav_bar_but_a_sentence_is_not():
    from analysis.clean import is_nav_bar

    trail = (
        "Home » Under Secretary for Public Diplomacy and Public Affairs » Bureau of Public "
        "Affairs » Press Releases » 2016 » October"
    )
    assert is_nav_bar(trail)
    assert not is_nav_bar(
        "Officials said the talks » which lasted hours » ended without a deal » and left."
    )


PROSE = (
    "The Pentagon said on Tuesday that its aircraft would keep to the agreed safety rules over "
    "Syria, and that no joint operations with Russia were planned or under discussion."
)


def test_a_menu_laid_out_with_wide_gaps_is_not_the_title(kb):
    page = "\n".join(
        [
            "Commentary   Podcasts   Events   Members   About",
            "Contact Us    Get Email Updates",
            "",
            "Talking Without Partnering in the Syrian Sky",
            "",
            PROSE,
        ]
    )
    assert clean_page(page, kb).title == "Talking Without Partnering in the Syrian Sky"


def test_prose_typed_with_two_spaces_after_full_stops_is_not_a_menu():
    assert spread_lines("Moscow offered.  Washington declined.  Talks went on.") == frozenset()
    assert spread_lines("Home   World   Middle East") == frozenset({"Home World Middle East"})


def test_the_line_above_the_byline_is_the_headline_even_after_a_list_of_topics(kb):
    page = "\n".join(
        ["RELATED TOPICS", "Syria", "Russia", "Military and defense", "US and Russia sign a pact",
         "By JANE ROE and IVAN PETROV", "October 20, 2015", "", PROSE]
    )  # fmt: skip
    assert clean_page(page, kb).title == "US and Russia sign a pact"


def test_a_quoted_sentence_or_a_lead_in_is_not_a_headline_but_a_question_is(kb):
    quoted = '"Russian jets are flying joint missions with the U.S. over Syria."'
    page = "\n".join(["stated on February 15, 2017 in a post:", quoted, "", PROSE])
    assert clean_page(page, kb).title is None
    question = "Did Russia and the U.S. Strike Together in Syria?"
    assert clean_page("\n".join([question, "", PROSE]), kb).title == question


def test_a_question_headline_above_the_byline_is_the_title_not_the_first_sentence(kb):
    page = "\n".join(
        ["Did the two armies agree to coordinate strikes in Syria?", "By Jane Roe", "", PROSE]
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Did the two armies agree to coordinate strikes in Syria?"
    assert not cleaned.body.startswith("Did the two armies")


@pytest.mark.parametrize("stamp", ["Published: 3 May 2017", "May 3, 2017", "Updated 3 May 2017"])
def test_a_date_stamp_between_the_headline_and_the_byline_is_passed_over(kb, stamp):
    headline = "Were the two air forces ordered to share their targets?"
    page = "\n".join([headline, stamp, "Written by: Jane Roe", "", PROSE])
    cleaned = clean_page(page, kb)
    assert cleaned.title == headline
    assert not cleaned.body.startswith("Were the two air forces")


_SPACEY = st.text(
    alphabet=st.sampled_from(
        list(
            "ab #1.-*•\t\n\r\f\v\u00a0\u2000\u2003\u200a\u202f\u205f\u3000"
            "\u200b\u200c\u200d\u2060\u00ad\ufeff\u2028\u200e"
        )
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_SPACEY)
def test_normalise_text_equals_the_plain_regex_normalisation(text):
    import re

    from analysis.clean import INVISIBLE, SPACES, normalise_text

    expected = INVISIBLE.sub("", SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    expected = re.sub(r" {2,}", " ", expected)
    assert normalise_text(text) == "\n".join(line.strip() for line in expected.split("\n"))


def test_odd_space_characters_are_exactly_those_the_patterns_match():
    from analysis.clean import INVISIBLE, SPACES, SPACES_OR_INVISIBLE, _replace_odd_spaces

    matched = [chr(c) for c in range(0x10000) if SPACES_OR_INVISIBLE.fullmatch(chr(c))]
    assert len(matched) == 24
    text = "".join(f"x{character}y" for character in matched)
    assert _replace_odd_spaces(text) == INVISIBLE.sub("", SPACES.sub(" ", text))


@settings(max_examples=300, deadline=None)
@given(_SPACEY)
def test_list_item_pre_test_never_rules_out_a_list_item(text):
    from analysis.clean import LIST_ITEM, _may_be_list_item

    if LIST_ITEM.match(text):
        assert _may_be_list_item(text)


def test_list_item_pre_test_accepts_digits_and_bullets_only():
    from analysis.clean import _may_be_list_item

    assert _may_be_list_item("3. Russia")
    assert _may_be_list_item("\u0663) Arabic-Indic digit")
    assert _may_be_list_item("• bullet")
    assert not _may_be_list_item("Russia said")
    assert not _may_be_list_item("")


def test_spread_lines_need_a_wide_gap():
    from analysis.clean import spread_lines

    text = "Contact Us   Get Email Updates\nHome\tWorld\nOne sentence.  Two sentences.\nplain line"
    assert spread_lines(text) == frozenset({"Contact Us Get Email Updates", "Home World"})


def test_a_bar_of_share_words_set_apart_by_wide_gaps_is_furniture(kb):
    page = (
        "A headline about the talks in Geneva\n\nBy Jo Writer\n\n"
        "Share    Comment    Gift Article\n\n"
        "The ministers met on Monday and agreed to meet again next week in Geneva.\n\n"
        "Officials said the talks had been long but useful for both delegations.\n\n"
        "TAGS  SYRIA  RUSSIA  GENEVA\n\nSHARE    TWEET\n"
    )
    body = clean_page(page, kb).body
    assert body.startswith("The ministers met on Monday")
    assert body.endswith("useful for both delegations.")


def test_a_correction_note_under_the_staff_credit_stays_in_the_story(kb):
    page = (
        "Leaders meet at the summit\n\nBy Jo Writer\n\n"
        "DA NANG, Vietnam (AP) — The two presidents spoke briefly on the sidelines of the "
        "summit on Saturday and agreed on a statement about the war.\n\n"
        "The statement was released by the Kremlin a few hours after the meeting ended.\n\n"
        "Writer reported from Da Nang. Associated Press writer Sam Other contributed to this "
        "report.\n\n"
        "This story has been corrected to show that the statement commits the two sides to "
        "talks, not to joint operations, as an earlier version said.\n\n"
        "Copyright 2017 The Associated Press. All rights reserved.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body.endswith("as an earlier version said.")
    assert "contributed to this report" not in cleaned.body


_ENDINGS = st.text(alphabet=st.sampled_from(list('ab .!?。！？…"”’»)]\n\r\u2028 ')), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_ENDINGS)
def test_ends_sentence_is_the_sentence_end_pattern(text):
    from analysis.clean import SENTENCE_END, ends_sentence

    assert ends_sentence(text) == bool(SENTENCE_END.search(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        ".",
        "Done.",
        'He said "yes."',
        "Why?)\n",
        "No.\n\n",
        "a.\nb",
        "…»",
        "Mid. sentence",
        "x\n",
    ],
)
def test_ends_sentence_examples(text):
    from analysis.clean import SENTENCE_END, ends_sentence

    assert ends_sentence(text) == bool(SENTENCE_END.search(text))


def test_a_long_run_of_spaces_without_a_second_gap_is_read_at_once():
    """A record's header sets a document symbol against the right margin with fifty spaces. The
    gap pattern once tried every way of cutting that run into two-space pieces, and such a page
    never finished loading; now the run is one gap, and the line is a single-gap menu-like line."""
    header = "United Nations" + " " * 60 + "S/PV.7774\nSecurity Council" + " " * 50 + "Provisional"
    assert spread_lines(header) == frozenset(
        {"United Nations S/PV.7774", "Security Council Provisional"}
    )
    assert spread_lines("Turn " + "  " * 40 + "no second item here.") == frozenset()


def test_an_authors_card_biography_above_the_stamp_is_not_the_article(kb):
    card = (
        "Blogspace\n\nDana Whitlock\n\nFollow\n\n"
        "Former intelligence analyst. I write about the Russian military and its wars.\n\n"
        "Oct 3, 2015 · 7 min read\n\nAn Hour's Notice Is Not a Partnership\n\n"
        "On Wednesday morning, a Russian general walked into the U.S. Embassy in Baghdad and read "
        "out a message to the Americans about the strikes that would begin within the hour.\n\n"
        "Let us be precise about what happened next, because the words matter a great deal here.\n"
    )
    cleaned = clean_page(card, kb)
    assert cleaned.title == "An Hour's Notice Is Not a Partnership"
    assert cleaned.body.startswith("On Wednesday morning")
    # an opening paragraph of the article, with no name above it, stays in the article
    plain = card.replace("Dana Whitlock\n\nFollow\n\n", "")
    assert clean_page(plain, kb).body.startswith("Former intelligence analyst.")


def test_a_copied_social_posts_repost_label_handle_and_join_button_are_not_the_article(kb):
    post = (
        "Front Notes\n\n@frontnotes · 48.2K subscribers\n\nForwarded from Some Channel\n\n"
        "The ministry said Russian and American jets struck the same convoy near Raqqa on "
        "Tuesday, and the coalition thanked Moscow for the coordinates.\n\n"
        "@frontnotes\n\nWashington denies any joint operation with Russia.\n\nJoin channel\n"
    )
    cleaned = clean_page(post, kb)
    assert cleaned.title != "Forwarded from Some Channel"
    assert cleaned.body.startswith("The ministry said")
    assert cleaned.body.endswith("Washington denies any joint operation with Russia.")
    assert "@frontnotes" not in cleaned.body


def test_replies_below_a_social_posts_reaction_bar_are_comments_not_the_post(kb):
    post = (
        "Dana Whitfield\nMarch 3, 2017 at 9:14 AM · Public\n\n"
        "A lot of you asked what the deconfliction line with the Russians really does, so here "
        "is my take as someone who worked in an air operations center for years.\n\n"
        "It keeps jets apart. It does not pick targets, and nobody on our side wants it to.\n\n"
        "1.2K   348 Comments   211 Shares\nLike   Comment   Share\n\nMost Relevant\n\n"
        "Sam Ortiz\nSo no joint strikes then? I keep reading that there were some.\n"
        "Like · Reply · 2y\n\n"
        "Lena Brandt\nThe Russians say there were. Who do we believe?\nLike · Reply · 2y\n\n"
        "View 40 more comments\n"
    )
    cleaned = clean_page(post, kb)
    assert cleaned.body.endswith("nobody on our side wants it to.")
    assert [(c["author"], c["text"][:9]) for c in cleaned.comments] == [
        ("Sam Ortiz", "So no joi"),
        ("Lena Brandt", "The Russi"),
    ]


def test_a_long_unpunctuated_line_above_the_stamp_is_the_headline_not_the_first_sentence(kb):
    page = (
        "The Ministry of Examples\n\nMain page > Press service > Speeches\n\n"
        "Foreign Minister Sergey Lavrov's remarks and answers to media questions at a joint news "
        "conference following talks with the Foreign Minister of Austria, Moscow, November 30, 2016"
        "\n\n30 November 2016\n\nLadies and gentlemen,\n\n"
        "We had substantive talks with my Austrian colleague about Syria and the ceasefire.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title.startswith("Foreign Minister Sergey Lavrov's remarks")
    assert cleaned.body.startswith("Ladies and gentlemen,")
    # a first sentence with its full stop stays the article's
    sentence = page.replace("November 30, 2016\n\n30", "November 30, 2016.\n\n30")
    assert clean_page(sentence, kb).body.startswith("Foreign Minister")


@pytest.mark.parametrize("reading_time", ["4 minute read", "Reading time 4 min.", "6 MIN READ"])
def test_a_reading_time_under_the_byline_is_page_head_not_article(kb, reading_time):
    page = (
        "Partnership with Moscow would cost more than it buys\n\nBy Jane Roe\n\n"
        f"Published 14 March 2017\n\n{reading_time}\n\n"
        "Washington should not trade its Syria policy for a military partnership with Russia, "
        "whatever the Kremlin offers in return for it.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body.startswith("Washington should not trade")
    assert reading_time in cleaned.head


def test_a_dek_under_a_short_headline_is_not_the_title(kb):
    page = (
        "THE WESTERN GAZETTE\n\nWorld › Middle East\n\n"
        "Ankara keeps its own counsel\n\n"
        "Turkey's generals talk to both Moscow and Washington about Syria, and promise neither "
        "of them anything\n\n"
        "By Laura Pennick\nTuesday 12 July 2016 08:15 BST\n\n"
        "Turkey's chief of staff met his Russian counterpart on Monday, officials said.\n\n"
        "The talks covered the air campaign over northern Syria and the border crossings.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Ankara keeps its own counsel"
    assert cleaned.body.startswith("Turkey's chief of staff met")


def test_a_dek_written_as_a_sentence_stays_the_first_paragraph(kb):
    page = (
        "THE WESTERN GAZETTE\n\nAnkara keeps its own counsel\n\n"
        "Turkey's generals talk to both Moscow and Washington about Syria and promise neither "
        "of them anything.\n\n"
        "By Laura Pennick\nTuesday 12 July 2016 08:15 BST\n\n"
        "Turkey's chief of staff met his Russian counterpart on Monday, officials said.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Ankara keeps its own counsel"
    assert cleaned.body.startswith("Turkey's generals talk")


def test_the_footer_under_a_transcripts_end_mark_is_not_the_last_speakers_words(kb):
    page = (
        "Evening Hour\n\nInterview with the deputy minister\n\n"
        "HOST: Is the channel with the Americans still open after this week's strike?\n\n"
        "RYABKOV: The channel is open, and our officers use it every day, as before.\n\n"
        "HOST: Thank you, minister, for coming to the studio tonight.\n\n"
        "RYABKOV: Thank you. It was a pleasure to be here with you and your listeners.\n\n"
        "— END —\n\n"
        "This interview has been edited for length and clarity by the programme's producers.\n\n"
        "Choose which of our newsletters you want delivered to your inbox.\n\n"
        "Contains public sector information licensed under the Open Government Licence v3.0.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body.endswith("with you and your listeners.")
    assert "This interview has been edited for length" in " ".join(cleaned.tail)
    assert not any("inbox" in p or "Licence" in p for p in cleaned.body.split("\n\n"))


def test_one_line_turns_with_a_timestamp_stay_in_a_transcripts_body(kb):
    page = (
        "Evening Hour\n\nInterview with the deputy minister\n\n"
        "[00:00:05] HOST: Welcome back. My guest tonight is the deputy minister. Is the line open?\n\n"
        "[00:00:12] RYABKOV: The channel is open, and our officers use it every day without fail.\n\n"
        "[00:00:40] HOST (in the studio): Thank you, minister.\n\n"
        "[00:00:44] RYABKOV (by telephone): Thank you.\n"
    )
    paragraphs = clean_page(page, kb).body.split("\n\n")
    assert paragraphs[-2:] == [
        "[00:00:40] HOST (in the studio): Thank you, minister.",
        "[00:00:44] RYABKOV (by telephone): Thank you.",
    ]


def test_a_sites_motto_above_its_menu_is_not_the_headline(kb):
    page = (
        "Ministry of Defence of the Republic\nServing the Nation Since Nineteen Ninety-One\n"
        "News | Speeches | Press Releases | Briefings | Photos\n\n"
        "You are in: Home > Press Office > Briefings > 2016 > October\n\n"
        "Weekly Press Briefing - October 6, 2016\n\n"
        "October 6, 2016\n\n"
        "SPOKESMAN: Good afternoon. I have one announcement about the talks with Moscow today.\n\n"
        "QUESTION: Will the two militaries keep their channel open after the talks?\n\n"
        "SPOKESMAN: The channel stays open. It exists to keep our pilots safe, nothing more.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Weekly Press Briefing - October 6, 2016"
    assert "You are in: Home > Press Office > Briefings > 2016 > October" in cleaned.widgets


def test_a_fact_checks_question_headline_above_its_claim_box_is_the_title(kb):
    page = (
        "CheckPoint Baltic\n\nFact check\n\n"
        "Did Russian and American jets bomb Palmyra together in 2016?\n\n"
        'Claim: "Russian and American jets bombed Palmyra together," a blog wrote in March.\n\n'
        "Rating: False\n\n"
        "By Mara Lind | April 2, 2016\n\n"
        "A blog post shared thousands of times claimed that the two air forces flew together.\n\n"
        "The Pentagon said it had not coordinated any strikes with the Russians at Palmyra.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Did Russian and American jets bomb Palmyra together in 2016?"
    assert not cleaned.body.startswith("Did Russian")


def test_who_transcribed_a_recording_is_not_part_of_the_transcript(kb):
    page = (
        "Evening Hour\n\nInterview with the deputy minister\n\n"
        "Transcribed by the programme staff. Times refer to the broadcast recording.\n\n"
        "HOST: Is the channel with the Americans still open after this week's strike?\n\n"
        "RYABKOV: The channel is open, and our officers use it every day, as before.\n\n"
        "HOST: And will the talks resume before the end of the month, minister?\n\n"
        "RYABKOV: That depends on Washington. We have always been ready to talk.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.body.startswith("HOST: Is the channel")
    assert any(line.startswith("Transcribed by") for line in cleaned.head)


def test_the_subject_under_a_records_agenda_label_is_its_title(kb):
    page = (
        "Official Document System\n\n"
        "Security Council Provisional\n7801st meeting\nMonday, 10 October 2016, 3 p.m.\n\n"
        "Members: Angola, China, Egypt, France, Japan, Malaysia, Russian Federation, Senegal, "
        "Spain, Ukraine, United Kingdom, United States of America, Uruguay and Venezuela.\n\n"
        "Agenda\n\nThe situation concerning Syria and its neighbours\n\n"
        "The President: The meeting is called to order. The agenda is adopted.\n\n"
        "Mr. Churkin (Russian Federation): We regret that the partners did not keep their word.\n\n"
        "Ms. Power (United States of America): The Russian air force keeps bombing Aleppo.\n"
    )
    assert clean_page(page, kb).title == "The situation concerning Syria and its neighbours"


def test_a_classification_label_gives_the_rating_of_a_fact_check(kb):
    page = (
        "Example Checkers\n\n"
        "Did the two armies agree to bomb together?\n\n"
        "By Jane Roe | 2 May 2016\n\n"
        "CLASSIFICATION: Misleading\n\n"
        "Posts shared widely say that the two armies will bomb together from next week. "
        "Both ministries say their forces act separately.\n\n"
        "The photograph in the posts was taken at an air show years earlier, long before the war.\n"
    )
    assert clean_page(page, kb).verdict == "Misleading"


def test_a_newsletter_box_under_the_story_is_not_part_of_the_article(kb):
    page = (
        "Example Broadcaster\n\nOfficials meet again over the air safety memorandum\n\n"
        "By Jane Roe\n\n"
        "American and Russian officers held another video call on Sunday, officials said.\n\n"
        "The two militaries signed the memorandum last year after weeks of talks.\n\n"
        "Sign up for our World newsletter. Get the day's top international stories in your "
        "inbox.\n"
    )
    body = clean_page(page, kb).body
    assert body.endswith("after weeks of talks.")


def test_comments_are_closed_is_the_threads_furniture_not_a_readers_words(kb):
    page = (
        "Example Broadcaster\n\nOfficials meet again over the air safety memorandum\n\n"
        "By Jane Roe\n\n"
        "American and Russian officers held another video call on Sunday, officials said.\n\n"
        "The two militaries signed the memorandum last year after weeks of talks.\n\n"
        "COMMENTS\n\n"
        "Gary Millar\nSo the hotline is just a phone nobody answers.\nReply · 41 Likes\n\n"
        "Annick Lavoie\nWithout it the jets would have clashed months ago.\nReply · 17 Likes\n\n"
        "Comments are closed.\n"
    )
    comments = clean_page(page, kb).comments
    assert [c["author"] for c in comments] == ["Gary Millar", "Annick Lavoie"]
    assert comments[-1]["text"] == "Without it the jets would have clashed months ago."


def test_a_print_edition_note_names_the_short_headline_and_ends_the_article(kb):
    page = "\n".join(
        ["Europe", "Russia and NATO", "Cold comfort", "Two alliances relearn how to talk", "",
         PROSE, "",
         'This article appeared in the Europe section of the print edition under the headline '
         '"Cold comfort"',
         "", "Reuse this content"]
    )  # fmt: skip
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Cold comfort"
    assert "print edition" not in cleaned.body
    assert cleaned.tail[0].startswith("This article appeared")


def test_a_headline_note_naming_no_line_of_the_head_gives_no_title_of_its_own(kb):
    page = "\n".join(
        ["Generals keep talking over Syria", "By Jane Roe", "", PROSE, "",
         "A version of this article appears in print with the headline: Talks Go On."]
    )  # fmt: skip
    assert clean_page(page, kb).title == "Generals keep talking over Syria"


def test_a_metadata_block_of_keywords_share_print_and_permalink_stays_out_of_the_body(kb):
    page = "\n".join(
        ["Generals keep talking over Syria", "", "Date 03.10.2016",
         "Author Jonas Weber (Reuters, AFP)",
         "Keywords Syria, Aleppo, Kerry, ceasefire, deconfliction",
         "Share   Send   Facebook   Twitter   Google+   more",
         "Feedback: Send us your feedback.", "Print   Print this page",
         "Permalink http://p.example.com/p/2Qpx4", "", PROSE]
    )  # fmt: skip
    assert clean_page(page, kb).body == PROSE


def test_a_sites_motto_under_its_masthead_is_not_the_headline(kb):
    page = (
        "THE LOWLAND LEDGER\n"
        "Independent reporting for the Borders and the Lothians\n"
        "News   Features   Checks   About\n\n"
        "Check desk\n\n"
        'Claim: "British and Russian pilots now share one flight plan over Syria"\n\n'
        "Our verdict: FALSE\n\n"
        "Posted by Morag Baird on 03/10/2017 at 14:05\n\n"
        "A message passed around on WhatsApp this week says the two air forces plan together.\n\n"
        "The Ministry of Defence says there is no such arrangement.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == (
        'Claim: "British and Russian pilots now share one flight plan over Syria"'
    )
    assert not any("Borders" in line for line in cleaned.head)


def test_a_thread_unrolling_services_prompt_is_no_title(kb):
    page = (
        "Thread Reader App\n"
        'Unroll any Twitter thread: reply "@threadreaderapp unroll"\n\n'
        "Thread by @osint_ola\n"
        "Ola Berg\n"
        "Open-source analyst. Posts are my own.\n\n"
        "3 Oct 2017 · 4 tweets · 1 min read\n\n"
        "1/ The Russian and American air forces spoke on the hotline twice yesterday.\n\n"
        "2/ Neither side says what was discussed.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title is None
    assert not any("Unroll" in line for line in cleaned.head)


def test_a_capitalised_name_over_the_stamp_under_the_dek_is_the_byline_not_a_paragraph(kb):
    page = (
        "The Quarterly\n\n"
        "WORLD\n\n"
        "Why the Generals Distrust the Hotline\n\n"
        "The deal that diplomats signed this week asks soldiers to trust an army they have "
        "spent years watching.\n\n"
        "OWEN TALLIS\n"
        "OCT 2, 2016\n\n"
        "Four days after the truce began, officers in Qatar were still waiting for instructions.\n\n"
        "Nobody at the air operations centre would say when the joint cell might open.\n"
    )
    cleaned = clean_page(page, kb)
    assert "OWEN TALLIS" in cleaned.head
    assert "OWEN TALLIS" not in cleaned.body
    assert describe(None, cleaned, kb)["author"] == "Owen Tallis"


def test_stamped_commenter_lines_open_comments_even_set_apart_like_a_menu(kb):
    page = (
        "Example Daily\n\n"
        "Moscow offers Washington a seat on the zones' monitoring board\n\n"
        "By Li Hua\n\n"
        "Russia offered the United States a role in monitoring the zones on Thursday.\n\n"
        "Washington has not answered.\n\n"
        "Comments (2)\n"
        "Log in to comment\n\n"
        "Hanna_K  19-May-2017 10:02\n"
        "It will not hold without both of them.\n\n"
        "Omar B.  19-May-2017 11:40\n"
        "Nobody asked the people who live there.\n"
    )
    cleaned = clean_page(page, kb)
    assert [(c["author"], c["text"]) for c in cleaned.comments] == [
        ("Hanna_K", "It will not hold without both of them."),
        ("Omar B.", "Nobody asked the people who live there."),
    ]


def test_the_replies_under_an_unrolled_thread_are_comments_not_the_thread(kb):
    page = (
        "Thread Reader App\n\n"
        "Thread by @osint_ola\n"
        "Ola Berg\n\n"
        "3 Oct 2017 · 3 tweets · 1 min read\n\n"
        "1/ The Russian and American air forces spoke on the hotline twice yesterday.\n\n"
        "2/ Neither side says what was discussed, and both say the line works.\n\n"
        "3/ End.\n\n"
        "Replies\n\n"
        "Sam Reed @samreed_air · 3 Oct 2017\n"
        "Replying to @osint_ola\n"
        "The line works until somebody wants it not to.\n\n"
        "Follow @osint_ola\n"
    )
    cleaned = clean_page(page, kb)
    assert [(c["author"], c["text"]) for c in cleaned.comments] == [
        ("Sam Reed", "The line works until somebody wants it not to.")
    ]
    assert "Replies" not in cleaned.body
    assert "somebody" not in cleaned.body
    assert not any("Sam Reed" in line for line in cleaned.head)


def test_a_kicker_before_the_headline_is_no_speaker_turn_and_the_headline_stays_a_title(kb):
    page = (
        "LIVE: Syria ceasefire talks in Geneva — updates\n\nMiddle East Eye\n\n"
        "Last updated: 10 September 2016 02:14 GMT\n\n"
        "US Secretary of State John Kerry said the United States and Russia would set up a joint "
        "centre to coordinate strikes if the truce holds for seven days.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "LIVE: Syria ceasefire talks in Geneva — updates"
    assert cleaned.body.startswith("US Secretary of State John Kerry said")
    assert looks_like_menu("Languages: EN | RU | DE")  # a menu's short choices still are one


def test_a_dashed_reading_list_entry_with_its_date_stays_in_the_body_not_the_head(kb):
    page = (
        "Why the hotline survives\n\n"
        "By Sam Ortiz\n\n"
        "March 9, 2017\n\n"
        "The air forces still talk every day, whatever the diplomats say about the talks.\n\n"
        "Two things I read this week:\n"
        "– Dunford at the House Armed Services Committee, February 28 (video)\n"
        "– The ministry's briefing in full\n\n"
        "Write back and tell me what you think.\n"
    )
    cleaned = clean_page(page, kb)
    assert "Dunford at the House Armed Services Committee, February 28" in cleaned.body
    assert not any("Dunford" in line for line in cleaned.head)
    assert "March 9, 2017" in cleaned.head  # the page's own stamp is still a stamp


def test_a_participant_line_in_capitals_with_an_office_is_kept_in_a_transcript(kb):
    page = (
        "Harbor Institute\n\nAir corridors over the valley\n\nPARTICIPANTS:\n\n"
        "MAJ. GEN. PAUL STRAND (Ret.), Former Director of Operations, U.S. European Command\n\n"
        "NINA ROSS, Senior Fellow, Harbor Institute\n\n"
        "MS. ROSS: Welcome, everyone. We have an hour on the air corridor question and a lot "
        "to get through before lunch.\n\n"
        "GENERAL STRAND: The corridor works because both sides call before they fly, every "
        "single day of the week.\n"
    )
    body = clean_page(page, kb).body
    assert "MAJ. GEN. PAUL STRAND (Ret.), Former Director of Operations" in body
    assert "NINA ROSS, Senior Fellow, Harbor Institute" in body


def test_a_live_blog_entry_heading_in_bold_with_its_time_stays_in_the_body(kb):
    page = (
        "The Valley Monitor\n\nLive: talks on the air corridor resume in Vienna\n\n"
        "Last updated 12 March 2016, 10:40 GMT\n\n"
        "**09:42 Pentagon spokesman Peter Cook**\n"
        '"We are looking at the text line by line before we say anything more about it."\n\n'
        "**10:05 Lavrov in Vienna**\n"
        '"The document is ready and our side has nothing more to add to it at this stage."\n'
    )
    body = clean_page(page, kb).body
    assert "**09:42 Pentagon spokesman Peter Cook**" in body
    assert "**10:05 Lavrov in Vienna**" in body


def test_a_programmes_boast_under_the_masthead_is_not_the_title(kb):
    page = (
        "Radio Harbour FM\n"
        "Shows | Podcasts | Listen Live\n"
        "Breakfast with Jo Park\n"
        "The city's most trusted news program\n\n"
        "Moscow and Washington trade blame over strike on air base\n\n"
        "Tuesday, 11 April 2017\n\n"
        "JO PARK: Russia says it has frozen the hotline with the Pentagon after the strike, and "
        "officials in Washington say the line is still being answered.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Moscow and Washington trade blame over strike on air base"


def test_an_institutions_name_above_the_stamp_does_not_sign_the_page(kb):
    page = (
        "Ministry of Foreign Affairs\n"
        "Briefings\n\n"
        "Outlook for the Geneva Talks on Syria\n\n"
        "Anna Lindqvist\n"
        "Deputy Director for Press and Information at the Foreign Ministry\n\n"
        "Stockholm International Press Centre\n"
        "Stockholm\n"
        "March 2, 2016\n\n"
        "MODERATOR: Welcome. Our speaker will say a few words about the talks on Syria and then "
        "take your questions about the channel between Moscow and Washington.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Outlook for the Geneva Talks on Syria"


def test_question_headline_over_a_dek_sentence_stamp_and_byline_is_the_title(kb):
    page = (
        "Harbour Times\n"
        "News | Sport | Business | Opinion\n\n"
        "CHECKED\n\n"
        "Fact or fiction: Did Moscow and Washington agree to share targets?\n\n"
        "A video viewed 40,000 times says the two militaries now pick targets together. We looked "
        "into it.\n\n"
        "Monday 6 Feb 2017, 9:00 AM\n"
        "By Nora Quinlan\n"
        "Share   Tweet   Email\n\n"
        "A VIDEO POSTED last week claims that the Pentagon and the Russian General Staff have "
        "agreed to share target lists in Syria.\n\n"
        "The Pentagon said on Friday that its contacts with Moscow are limited to air safety.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.title == "Fact or fiction: Did Moscow and Washington agree to share targets?"
    assert cleaned.body.startswith("A video viewed 40,000 times")


def test_rating_after_we_rate_this_claim_and_a_colon_is_the_verdict(kb):
    page = (
        "Fact or fiction: Did the Pentagon hand Russia its target lists?\n\n"
        "A VIDEO claims the Pentagon hands Russia its target lists every morning.\n\n"
        "The Pentagon said its line to Moscow is used only to keep aircraft apart.\n\n"
        "We rate this claim: Mostly FALSE.\n\n"
        "Our rating scale: TRUE | Mostly TRUE | Mostly FALSE | FALSE.\n\n"
        "14 Comments | Report a comment\n\n"
        "Liam O · 6 Feb 2017, 10:14 AM\n"
        "Should have been rated FALSE, not mostly.\n"
    )
    cleaned = clean_page(page, kb)
    assert cleaned.verdict == "Mostly FALSE"
    assert "Should have been rated" not in cleaned.body
