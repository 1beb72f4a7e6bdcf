"""Quotation extraction and speaker attribution: one test per pattern of news writing, then the
seeds and the quote fixtures through ``load_corpus``."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus
from analysis.knowledge import load_knowledge
from analysis.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def quotes_of(body: str, kb, **doc) -> list[dict]:
    rows = extract_quotes({"doc_id": "t", **doc}, body, [], kb)
    for row in rows:
        assert body[row["start"] : row["end"]] == row["text"]
    return rows


def pairs(rows: list[dict]) -> list[tuple[str, str | None]]:
    return [(row["text"], row["speaker"]) for row in rows]


# ------------------------------------------------------------------ attribution patterns


def test_quote_then_comma_then_name_said(kb):
    body = "“We will not coordinate with the Russians on anything,” Toner said on Monday."
    assert pairs(quotes_of(body, kb)) == [
        ("We will not coordinate with the Russians on anything,", "Mark Toner")
    ]


def test_name_said_colon_then_quote(kb):
    body = (
        "White House press secretary Sean Spicer said: “I think if there’s a way that we can "
        "combat IS with any country, sure we’ll take it.”"
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Sean Spicer", "US")]
    assert rows[0]["text"].startswith("I think if there’s a way")


def test_name_told_outlet_that_partial_quote(kb):
    body = (
        "Rankine-Galloway told reporters that the channel is “focused solely on ensuring the "
        "safety of aircrews.”"
    )
    assert pairs(quotes_of(body, kb)) == [
        ("focused solely on ensuring the safety of aircrews.", "Adrian Rankine-Galloway")
    ]


def test_inverted_said_name_with_appositive(kb):
    body = (
        "“Where we sit today, we still are not collaborating with the Russians,” said Davis, "
        "a Pentagon spokesman."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["role"], r["affiliation"], r["side"]) for r in rows] == [
        ("Jeff Davis", "Pentagon spokesman", "U.S. Department of Defense", "US")
    ]


def test_title_name_and_appositive_role_before_told(kb):
    body = (
        "“The Department of Defense is not coordinating airstrikes with the Russian military,” "
        "U.S. Major Adrian J.T. Rankine-Galloway, the Pentagon press representative, told "
        "Voice of America via email."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Adrian Rankine-Galloway"]


def test_press_release_quoted_by_agency_as_saying_belongs_to_the_ministry(kb):
    body = (
        "Russian news outlets quoted Russia’s Ministry of Defense as saying in a press release "
        "that there was a coordinated strike.\n\n"
        "The press release was quoted by the state-run newswire, TASS, as saying:\n\n"
        "“On January 22 the command center received the coordinates of IS targets from the "
        "American side.”"
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Russian Defence Ministry", "Russia")]


def test_multi_paragraph_quote_gives_each_paragraph_the_same_speaker(kb):
    body = (
        "Elissa Slotkin, the acting assistant secretary, was blunt.\n\n"
        "“This is a set of safety protocols, nothing more. It tells pilots which frequencies "
        "to use.\n\n"
        "“It does not create a shared target list,” she said."
    )
    rows = quotes_of(body, kb)
    assert pairs(rows) == [
        (
            "This is a set of safety protocols, nothing more. It tells pilots which frequencies to use.",
            "Elissa Slotkin",
        ),
        ("It does not create a shared target list,", "Elissa Slotkin"),
    ]


def test_a_reported_answer_at_the_end_of_a_continued_quote_is_no_attribution(kb):
    body = (
        "Anna Petrova, an analyst in Moscow, explained it this way: “The Kremlin needs the line "
        "as much as the Pentagon does.\n\n"
        "“It keeps asking for joint strikes, and each time, the Pentagon says no.”"
    )
    assert [speaker for _, speaker in pairs(quotes_of(body, kb))] == ["Anna Petrova"] * 2


def test_straight_double_quotes_are_paired_and_apostrophes_ignored(kb):
    body = (
        "Pentagon spokesman Capt. Jeff Davis spoke. \"It's in everybody's interest that the "
        "line stays open. The Russians' threats don't change that,\" Davis said."
    )
    assert pairs(quotes_of(body, kb)) == [
        (
            "It's in everybody's interest that the line stays open. The Russians' threats don't change that,",
            "Jeff Davis",
        )
    ]


def test_straight_single_quotes_with_a_speech_verb_are_a_quote(kb):
    body = "Capt. Jeff Davis said the U.S. had 'no desire to fight the Russians' at all."
    assert pairs(quotes_of(body, kb)) == [("no desire to fight the Russians", "Jeff Davis")]


def test_typographic_apostrophes_do_not_open_or_close_quotes(kb):
    body = "Russia’s ministry and the Russians’ jets flew; nobody’s statement was quoted."
    assert quotes_of(body, kb) == []


def test_british_single_quotes_with_nested_double_quotes(kb):
    body = (
        "Its spokesman, Igor Konashenkov, insisted the operation had been ‘a first step towards "
        "the “real cooperation” we have long proposed.’"
    )
    assert pairs(quotes_of(body, kb)) == [
        ("a first step towards the “real cooperation” we have long proposed.", "Igor Konashenkov")
    ]


def test_surname_refers_to_the_person_named_earlier(kb):
    body = (
        "US Army Defense Department spokeswoman Lt. Col. Michelle Baldanza said the U.S. would "
        "not cooperate.\n\n"
        "“We are waiting for the Russian MoD to respond to our proposal,” Baldanza told RIA Novosti."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Michelle Baldanza", "US")]
    assert rows[0]["role"] == "US Army Defense Department spokeswoman"


def test_pronoun_refers_to_the_last_person_named(kb):
    body = (
        "Samuel Oakford, a contributor to the independent conflict observation watchdog Airwars, "
        "told Polygraph.info that there is a “grey area” in the cooperation.\n\n"
        "“Ankara has already coordinated with the Russians recently,” he said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Samuel Oakford", "other")]


def test_she_added_refers_to_the_last_person(kb):
    body = (
        "Maria Zakharova, the Foreign Ministry spokeswoman, spoke on Thursday. She added that "
        "Moscow would not accept “any attempt to rewrite the agreements after the fact.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Maria Zakharova"]


def test_definite_title_refers_back_to_the_expert(kb):
    body = (
        "Chairman of the Council for Foreign and Defense Policy, Fedor Lukyanov, noted that the "
        "US would not talk to Assad. “Therefore, compromise schemes are necessary,” the expert said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Fedor Lukyanov", "Russia")]


def test_unnamed_source_keeps_its_description(kb):
    body = (
        "Russia is ready to coordinate strikes, the Izvestiya newspaper reported, citing a source, "
        "informed on the progress of the negotiations.\n\n"
        "“The US sent Russia a package of proposals on the coordination of air operations,” the "
        "source told Izvestiya."
    )
    rows = quotes_of(body, kb)
    assert rows[0]["speaker"] == "source"
    assert rows[0]["role"] == "source informed on the progress of the negotiations"


def test_the_ministry_said_refers_to_the_ministry_named_before(kb):
    body = (
        "Coalition aircraft struck targets near al-Bab, the Russian Defense Ministry said. "
        "“The coalition command continued the exchange of information,” the ministry said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_indefinite_spokesman_is_the_spokesman_named_later(kb):
    body = (
        "U.S. aircraft will “not collaborate or coordinate with the Russians” on any operations, "
        "a Pentagon spokesman said Friday.\n\n"
        "“We still are not collaborating with the Russians,” said Davis, a Pentagon spokesman."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Jeff Davis", "Jeff Davis"]


def test_according_to_outlet_makes_the_outlet_the_speaker(kb):
    body = (
        "According to the Associated Press, “defense contractor Daniel Trombly tweeted that "
        "Russian sources claim the jets flew together.”"
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Associated Press"]


def test_original_speaker_beats_the_outlet_that_relays_the_quote(kb):
    body = (
        "Deputy Foreign Minister Sergei Ryabkov called the downing “an act of aggression” and "
        "“help to the terrorists,” according to RIA Novosti."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("an act of aggression", "Sergei Ryabkov"),
        ("help to the terrorists,", "Sergei Ryabkov"),
    ]


def test_outlet_reported_quote(kb):
    body = (
        "A day later, Sputnik – while not backing down on its claims – reported “two Su-24Ms and "
        "a Su-34 bomber participated in the aerial campaign.”"
    )
    assert [(r["speaker"], r["side"]) for r in quotes_of(body, kb)] == [("Sputnik", "Russia")]


def test_attribution_inside_the_quoted_words_names_the_speaker(kb):
    body = (
        "Russia’s Sputnik web site said that “Russia has received coordinates of targets from "
        "the U.S. via the 'direct line,' the Russian Defense Ministry said Monday.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_colon_after_a_description_of_the_speaker(kb):
    body = (
        "Sen. Lindsey Graham, a South Carolina Republican, was blunter: “This is the dumbest "
        "idea I've heard in a long time.”"
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Lindsey Graham", "US")]


def test_unknown_speaker_side_comes_from_the_appositive(kb):
    body = (
        "“The Russians have been bombing hospitals,” said Riad Hijab, a senior Syrian "
        "opposition figure."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Riad Hijab", "other")]


# ------------------------------------------------------------------ what is not a quotation


def test_scare_quotes_are_not_quotations(kb):
    body = (
        "Samuel Oakford told Polygraph.info that there is a “grey area” here. Experts believe "
        "Moscow will find an ‘acceptable formula of interaction,’ and Russia may mediate."
    )
    assert quotes_of(body, kb) == []


def test_unattributed_quote_has_no_invented_speaker(kb):
    body = "The banner read “peace through strength and more strength for every single one of us” in red."
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == [None]


# ------------------------------------------------------------------ transcripts


def test_transcript_turns_are_direct_quotes_by_the_label_speaker(kb):
    body = (
        "MR. COOK: Good afternoon, everybody. We are cautiously optimistic.\n\n"
        "We are not there yet.\n\n"
        "Q: Has the secretary signed off on sharing targets with the Russians?\n\n"
        "SECRETARY CARTER: Not until we see seven days of reduced violence.\n\n"
        "GEN. DUNFORD: I'm not going to talk about intelligence sharing.\n\n"
        "Q: Thank you."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Good afternoon, everybody. We are cautiously optimistic.", "Peter Cook"),
        ("We are not there yet.", "Peter Cook"),
        ("Has the secretary signed off on sharing targets with the Russians?", "reporter"),
        ("Not until we see seven days of reduced violence.", "Ash Carter"),
        ("I'm not going to talk about intelligence sharing.", "Joseph Dunford"),
        ("Thank you.", "reporter"),
    ]


def test_interview_with_name_labels_and_narrative_after_it(kb):
    body = (
        "RT: Why is the US military so reluctant?\n\n"
        "Aleksandr Nekrasov: There is a very strong lobby in the Pentagon.\n\n"
        "RT: Can the deal survive?\n\n"
        "Aleksandr Nekrasov: It can, but only if the White House overrules the generals.\n\n"
        "A source told RIA Novosti: “The technical part is ready; now it is a political question.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "RT",
        "Aleksandr Nekrasov",
        "RT",
        "Aleksandr Nekrasov",
        "source",
    ]


def test_a_single_label_line_is_not_a_transcript(kb):
    body = "UPDATE: The Pentagon said nothing.\n\nWASHINGTON: Officials met on Friday."
    assert quotes_of(body, kb) == []


def test_a_broadcast_guest_labelled_by_capitalised_name_and_printed_office(kb):
    body = (
        "ANCHOR: The Kremlin offered joint planning again today. Are the talks going anywhere?\n\n"
        "JOHN KERRY, Secretary of State: We have a channel for the safety of our pilots.\n\n"
        "ANCHOR: And beyond that?\n\n"
        "ANNA PETROVA, Institute for Security Studies at Oxford: Moscow wants to be a partner.\n\n"
        "JOHN KERRY: Not while it bombs the opposition."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("The Kremlin offered joint planning again today. Are the talks going anywhere?", "anchor"),
        ("We have a channel for the safety of our pilots.", "John Kerry"),
        ("And beyond that?", "anchor"),
        ("Moscow wants to be a partner.", "Anna Petrova"),
        ("Not while it bombs the opposition.", "John Kerry"),
    ]


def test_a_host_label_takes_the_interviewer_the_introduction_names(kb):
    body = (
        "Germany's envoy to Ukraine, Klaus Brenner, talks to Radio Nord's Ines Vogt about the "
        "ceasefire.\n\n"
        "INTERVIEWER: Ambassador, does the ceasefire hold?\n\n"
        "BRENNER: It holds in the north. The south is another matter.\n\n"
        "INTERVIEWER: Will the monitors stay?\n\n"
        "BRENNER: They will stay as long as both sides let them work."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Ambassador, does the ceasefire hold?", "Ines Vogt"),
        ("It holds in the north. The south is another matter.", "Klaus Brenner"),
        ("Will the monitors stay?", "Ines Vogt"),
        ("They will stay as long as both sides let them work.", "Klaus Brenner"),
    ]


def test_one_off_labelled_lines_around_an_interview_are_no_turns(kb):
    body = (
        "Follow us: Twitter Telegram RSS\n\n"
        "Full text below\n\n"
        "HOST: Does the channel still work?\n\n"
        "GUEST: It works, and both sides use it every day.\n\n"
        "HOST: Thank you for coming in.\n\n"
        "GUEST: My pleasure, thank you.\n\n"
        "More from this programme\n\n"
        "Late Edition: Who speaks for the rebels in Idlib?"
    )
    assert [r["text"] for r in quotes_of(body, kb)] == [
        "Does the channel still work?",
        "It works, and both sides use it every day.",
        "Thank you for coming in.",
        "My pleasure, thank you.",
    ]


def test_a_capitalised_name_before_an_ordinary_clause_is_no_turn_label(kb):
    body = (
        "HOST: Good evening.\n\n"
        "GUEST: Thank you for having me.\n\n"
        "NATO AND RUSSIA, in other words, kept talking: nothing more came of it.\n\n"
        "HOST: Thanks."
    )
    texts = [text for text, _ in pairs(quotes_of(body, kb))]
    assert not any(text.startswith("nothing more") for text in texts)


def test_a_sponsor_line_ending_in_a_small_word_is_no_turn(kb):
    body = (
        "HOST: Can the two militaries keep their jets apart?\n\n"
        "GUEST: They can, if the safety talks succeed.\n\n"
        "HOST: Thank you.\n\n"
        "Major Funding Provided By: Read more"
    )
    assert [text for text, _ in pairs(quotes_of(body, kb))] == [
        "Can the two militaries keep their jets apart?",
        "They can, if the safety talks succeed.",
        "Thank you.",
    ]


def test_a_posts_statement_under_an_institutions_name_and_a_colon_is_its_quote(kb):
    body = (
        "🔴 Russian Defence Ministry: Russian and coalition aircraft struck targets together "
        "near Raqqa on Sunday.\n\n"
        "Nobody in Washington confirmed it."
    )
    assert pairs(quotes_of(body, kb)) == [
        (
            "Russian and coalition aircraft struck targets together near Raqqa on Sunday.",
            "Russian Defence Ministry",
        )
    ]


def test_a_persons_statement_under_a_label_speaks_in_the_first_person(kb):
    body = "Sergei Lavrov: We are ready to coordinate strikes with the Americans tomorrow."
    assert pairs(quotes_of(body, kb)) == [
        ("We are ready to coordinate strikes with the Americans tomorrow.", "Sergey Lavrov")
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Russia: The air force flew forty sorties near Palmyra on Sunday.",
        "Summary: The two presidents talked about Syria, but agreed on no coalition.",
        "Moscow: Officials met the American delegation on Friday afternoon.",
        "Reporting by: Jane Smith and Anna Petrova in Moscow and Washington.",
        "Sergei Lavrov: Russia's foreign minister since 2004 and a veteran of the UN.",
    ],
)
def test_a_country_place_heading_or_whos_who_entry_before_a_colon_gives_no_statement(kb, paragraph):
    assert quotes_of(paragraph + "\n\nThe talks went on.", kb) == []


# ------------------------------------------------------------------ rows


def test_rows_have_ids_in_body_order_and_no_stance(kb):
    body = "“We will not coordinate with them at all,” Toner said. “Nor will we share targets,” he added."
    rows = quotes_of(body, kb)
    assert [r["quote_id"] for r in rows] == ["t:q1", "t:q2"]
    assert all(r["direct"] is True and r["stance"] is None for r in rows)
    assert "topics" not in rows[0]


def test_extraction_is_deterministic(kb):
    body = (FIXTURES / "quotes_tass_mod.txt").read_text(encoding="utf-8")
    assert quotes_of(body, kb) == quotes_of(body, kb)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab C.,:;\n“”‘’\"' said Davis he Q MR. COOK: the source")),
        max_size=300,
    )
)
def test_hostile_text_never_raises_and_offsets_hold(text):
    kb = load_knowledge()
    for row in extract_quotes({"doc_id": "h"}, text, [], kb):
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["text"]


# ------------------------------------------------------------------ seeds and fixtures


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([*sorted(SEEDS.glob("*.txt")), *sorted(FIXTURES.glob("quotes_*.txt"))])


def quote_with(corpus, doc_id: str, words: str) -> dict:
    rows = corpus.quotes[
        (corpus.quotes.doc_id == doc_id) & corpus.quotes.text.str.contains(words, regex=False)
    ]
    assert len(rows) >= 1, f"no quote with {words!r} in {doc_id}"
    return rows.iloc[0].to_dict()


def test_every_row_points_into_its_body(corpus):
    bodies = dict(zip(corpus.documents.doc_id, corpus.documents.body, strict=True))
    assert len(corpus.quotes) > 40
    for row in corpus.quotes.itertuples():
        assert bodies[row.doc_id][row.start : row.end] == row.text


@pytest.mark.parametrize(
    ("doc_id", "words", "speaker", "side"),
    [
        (
            "001_47b9b9e10985b0ee",
            "Where we sit today, we still are not collaborating",
            "Jeff Davis",
            "US",
        ),
        ("003_522cef186d245491", "We are waiting for", "Michelle Baldanza", "US"),
        ("003_522cef186d245491", "We are concerned that Russia", "Michelle Baldanza", "US"),
        (
            "004_23810dff6811bbfc",
            "The Department of Defense is not coordinating",
            "Adrian Rankine-Galloway",
            "US",
        ),
        ("004_23810dff6811bbfc", "whether it’s Russia or anyone else", "Sean Spicer", "US"),
        (
            "004_23810dff6811bbfc",
            "I would be deeply disturbed if such a thing happened",
            "John McCain",
            "US",
        ),
        (
            "004_23810dff6811bbfc",
            "The Russians could be stretching the truth",
            "Samuel Oakford",
            "other",
        ),
        (
            "004_23810dff6811bbfc",
            "from the U.S. via the 'direct line,'",
            "Russian Defence Ministry",
            "Russia",
        ),
        ("002_3e632ad80a19446a", "The US sent Russia a package of proposals", "source", None),
        ("002_3e632ad80a19446a", "compromise schemes are necessary", "Fedor Lukyanov", "Russia"),
        ("quotes_tass_mod", "is developing in a constructive manner", "Igor Konashenkov", "Russia"),
        ("quotes_briefing_transcript", "We are cautiously optimistic", "Peter Cook", "US"),
        (
            "quotes_straight_blog",
            "We've adjusted some of our routes",
            "Stephen Townsend",
            "coalition",
        ),
        ("quotes_wire_reuters", "full stop", "official", "US"),
    ],
)
def test_seed_and_fixture_quotes_have_the_right_speaker(corpus, doc_id, words, speaker, side):
    row = quote_with(corpus, doc_id, words)
    assert row["speaker"] == speaker
    assert (None if row["side"] is None or row["side"] != row["side"] else row["side"]) == side


def test_davis_quote_text_is_exactly_the_quoted_words(corpus):
    row = quote_with(corpus, "001_47b9b9e10985b0ee", "Where we sit today")
    assert row["text"] == (
        "Where we sit today, we still are not collaborating or coordinating with the Russians "
        "on any operations in Syria,"
    )
    assert row["direct"]


def test_scare_quotes_in_the_seeds_are_not_rows(corpus):
    texts = set(corpus.quotes.text)
    assert "grey area" not in texts
    assert not any(t.startswith("acceptable formula of interaction") for t in texts)


def test_question_and_moderator_labels_and_stage_directions(kb):
    body = (
        "MODERATOR: Good afternoon. We'll take questions on Syria first.\n\n"
        "QUESTION: Is the United States coordinating air operations with Russia?\n\n"
        "MR. TONER: No, we are not coordinating airstrikes with Russia.\n\n"
        "(The briefing was concluded at 2:03 p.m.)"
    )
    assert [(r["speaker"], r["role"], r["side"]) for r in quotes_of(body, kb)] == [
        ("moderator", "moderator", None),  # a named spokesman answers: the chair is "moderator"
        ("reporter", "reporter", None),
        ("Mark Toner", "State Department spokesman", "US"),
    ]


def test_a_briefings_moderator_is_an_official_of_the_publishing_government(kb):
    body = (
        "MODERATOR: Thank you all for joining this background call on Syria.\n\n"
        "QUESTION: Are the two militaries sharing targets now?\n\n"
        "STAFF: We have time for one more question after this one."
    )
    assert [
        (r["speaker"], r["role"], r["side"]) for r in quotes_of(body, kb, outlet_country="US")
    ] == [
        ("official", "moderator", "US"),
        ("reporter", "reporter", None),
        ("official", "staff", "US"),
    ]


def test_unqualified_government_title_takes_the_side_of_a_russian_outlet(kb):
    body = (
        "Deputy Defense Minister Viktor Petrov said on Wednesday that Moscow had made an offer. "
        "“So far we have not received an answer from Washington,” Petrov told journalists."
    )
    assert [r["side"] for r in quotes_of(body, kb, outlet_country="RU")] == ["Russia"]
    assert [r["side"] for r in quotes_of(body, kb)] == [None]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“We will not cooperate with the Americans on these terms” — said Zakharova.",
            "Maria Zakharova",
        ),
        (
            "“The Americans have refused our proposal once again,” Lavrov was quoted as saying by RIA Novosti.",
            "Sergey Lavrov",
        ),
        (
            "As one analyst put it, “this is deconfliction, not cooperation, and everyone knows it.”",
            "analyst",
        ),
        (
            "“We have no plans for joint strikes,” Peskov told reporters, adding that “the door remains open for talks.”",
            "Dmitry Peskov",
        ),
        (
            "In a statement, the Russian Defense Ministry said: “The American side has provided no coordinates.”",
            "Russian Defence Ministry",
        ),
        (
            "“There will be no joint operations with Russia,” according to a statement from the Pentagon.",
            "U.S. Department of Defense",
        ),
    ],
)
def test_more_attribution_shapes(kb, body, speaker):
    rows = quotes_of(body, kb)
    assert rows
    assert {r["speaker"] for r in rows} == {speaker}


def test_quoted_titles_are_not_quotations(kb):
    body = "The report, titled “Russia’s War in Syria: The First Year and Beyond,” was published on Monday."
    assert quotes_of(body, kb) == []


def test_a_stray_opening_mark_does_not_swallow_a_long_paragraph(kb):
    body = "Officials said “ " + "the talks went on and on " * 80 + "without any result."
    assert quotes_of(body, kb) == []


def test_a_repeated_press_release_takes_the_attribution_of_its_other_copy(kb):
    release = (
        "On January 22 the command center received from the American side the coordinates of "
        "IS targets near al-Bab."
    )
    body = (
        f"“{release}”\n\nThe statement was carried by TASS. The Russian Defense Ministry said:\n\n"
        f"“{release}”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"] * 2


def test_short_unattributed_phrase_without_a_speech_verb_is_a_scare_quote(kb):
    body = (
        "Washington keeps arming the so-called “moderate opposition groups in Syria” every month."
    )
    assert quotes_of(body, kb) == []


def test_straight_single_quotes_as_the_main_quotation_marks(kb):
    body = "'We won't do it with the Russians, not now,' Kirby said."
    assert pairs(quotes_of(body, kb)) == [
        ("We won't do it with the Russians, not now,", "John Kirby")
    ]


def test_name_after_a_long_title_is_found(kb):
    body = (
        "The General Staff is ready for talks, First Deputy Chief of the General Staff Nikolai "
        "Bogdanovsky said.\n\n“We are open to contacts with the Pentagon,” Bogdanovsky said."
    )
    rows = quotes_of(body, kb, outlet_country="RU")
    assert [(r["speaker"], r["side"]) for r in rows] == [("Nikolai Bogdanovsky", "Russia")]


def test_unknown_transcript_speaker_side_from_the_label_title(kb):
    body = "SEN. HARPER: Are we sharing intelligence with the Russians?\n\nGEN. DUNFORD: No.\n\nSEN. HARPER: Thank you, General."
    rows = quotes_of(body, kb)
    assert (rows[0]["speaker"], rows[0]["side"]) == ("Harper", "US")
    assert rows[1]["speaker"] == "Joseph Dunford"


def test_unnamed_spokesman_speaks_for_the_institution_just_named(kb):
    body = (
        "Russian media said the ministry had received coordinates. The Pentagon quickly denied that account.\n\n"
        "“The Department of Defense is not coordinating airstrikes with the Russian military,” a spokesman said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"], r["affiliation"]) for r in rows] == [
        ("spokesman", "US", "U.S. Department of Defense")
    ]


# ------------------------------------------------------------------ batch 4 patterns


def test_place_labels_of_a_digest_are_not_transcript_turns(kb):
    body = (
        "RAQQA: Fighters declared victory over ISIS in the city on Tuesday.\n\n"
        "MOSCOW: Russia's General Staff again offered joint operations.\n\n"
        "WASHINGTON: Senator Bob Corker warned against joint action. "
        "“Deconfliction, yes. Partnership, no,” Corker said."
    )
    assert pairs(quotes_of(body, kb)) == [("Deconfliction, yes. Partnership, no,", "Bob Corker")]


def test_bare_surname_takes_the_full_name_written_earlier(kb):
    body = (
        "Presidential spokesman Ibrahim Kalin criticized the coalition.\n\n"
        "“The coalition has not given us the support we expected,” Kalin told reporters."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Ibrahim Kalin"]


def test_a_definite_rank_or_party_description_is_the_person_in_focus(kb):
    body = (
        "Defense Ministry spokesman Major General Igor Konashenkov spoke on Monday.\n\n"
        "“If this was a mistake, it was a consequence of American stubbornness,” the general said.\n\n"
        "Senator John McCain did not mince words. “Sharing intelligence with them is a "
        "surrender,” the Arizona Republican said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Igor Konashenkov", "John McCain"]


def test_he_is_the_one_person_named_earlier_in_the_paragraph(kb):
    body = (
        "“Sharing intelligence with the Russians is a surrender,” Senator John McCain said.\n\n"
        "His colleague Lindsey Graham was blunter still. “This is a deal with the devil,” he "
        "said. “I cannot think of a worse idea.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "John McCain",
        "Lindsey Graham",
        "Lindsey Graham",
    ]


def test_the_ministry_refers_back_to_an_institution_the_actors_file_does_not_know(kb):
    body = (
        "The Foreign and Expatriates Ministry said the attack was flagrant.\n\n"
        "In two letters to the UN, the ministry said the strike “proves that the United States "
        "was never serious about fighting terrorism.”"
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Foreign and Expatriates Ministry"]


def test_a_short_quote_after_a_leading_according_to_is_speech(kb):
    body = (
        "Russian Foreign Minister Sergey Lavrov said the coalition had agreed to exchange data.\n\n"
        "According to the minister, the exchange was working “in a businesslike way.”"
    )
    assert pairs(quotes_of(body, kb)) == [("in a businesslike way.", "Sergey Lavrov")]


@pytest.mark.parametrize(
    "body",
    [
        "“We will keep talking to the Russians about air safety,” said the.",
        "“We will keep talking to the Russians about air safety,” the said.",
        "“We will keep talking to the Russians about air safety,” the, said.",
    ],
)
def test_an_attribution_of_a_bare_article_gives_no_speaker_and_does_not_raise(kb, body):
    rows = quotes_of(body, kb)
    assert pairs(rows) == [("We will keep talking to the Russians about air safety,", None)]


def test_bare_q_without_a_colon_is_a_reporter_turn_on_a_page_with_labelled_turns(kb):
    body = (
        "MS. PSAKI: Good morning. Let me start with the ceasefire in Aleppo.\n\n"
        "Q Jen, Moscow says the joint cell in Geneva is ready. Will the U.S. staff it?\n\n"
        "MS. PSAKI: We have not made that decision yet.\n\n"
        "Q. And the Russian strikes on Idlib?\n\n"
        "MS. PSAKI: They continue to concern us."
    )
    assert [(r["speaker"], r["text"][:20]) for r in quotes_of(body, kb)] == [
        ("Psaki", "Good morning. Let me"),
        ("reporter", "Jen, Moscow says the"),
        ("Psaki", "We have not made tha"),
        ("reporter", "And the Russian stri"),
        ("Psaki", "They continue to con"),
    ]


def test_a_paragraph_opening_with_q_is_no_turn_without_other_labelled_turns(kb):
    body = (
        "Q Fever outbreaks were reported near the airbase, officials said.\n\n"
        "Q Branch analysts said the Russian jets flew from Hmeimim."
    )
    assert quotes_of(body, kb) == []


def test_he_after_a_quote_is_the_subject_of_the_previous_sentence_in_the_paragraph(kb):
    body = (
        "State Department spokesman John Kirby spoke first. “We remain deeply skeptical of "
        "Moscow,” Kirby said.\n\n"
        "“Syria’s civil war cannot be ended from the air alone,” said Sergey Lavrov.\n\n"
        "Pressed on whether the two militaries would share targets, Kirby did not hedge. "
        "“There is no joint targeting with the Russians and there will not be,” he said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "John Kirby",
        "Sergey Lavrov",
        "John Kirby",
    ]


def test_he_after_a_quote_keeps_the_focus_when_the_previous_sentence_opens_with_he(kb):
    body = (
        "“We will keep the channel open,” Sergey Lavrov said on Friday. He added that Kirby "
        "had misread the offer. “The Americans know where to find us,” he said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_possessive_before_a_statement_is_the_institution_or_person_named_before(kb):
    body = (
        "On Tuesday the Russian Foreign Ministry summoned the U.S. ambassador. Their statement "
        "was blunt:\n\n"
        "“The American side bears full responsibility for the collapse of the agreement.”\n\n"
        "Senator John McCain answered within the hour. His reply was shorter:\n\n"
        "“Moscow never wanted a real ceasefire in the first place.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Russian Foreign Ministry",
        "John McCain",
    ]


def test_an_unnamed_official_labelling_transcript_turns_is_an_official_of_that_side(tmp_path):
    page = (
        "Background Briefing on Syria\n\nSeptember 9, 2016\n\n"
        "MODERATOR: Thanks for joining the call today.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: We are not coordinating strikes with Russia today.\n\n"
        "QUESTION: Will that change next week?\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: Only if the truce holds for seven days, we think.\n"
    )
    (tmp_path / "briefing.txt").write_text(page, encoding="utf-8")
    quotes = load_corpus(tmp_path, cache=False).quotes
    official = quotes[quotes["text"].str.startswith("We are not coordinating")]
    assert list(zip(official["speaker"], official["side"], strict=True)) == [("official", "US")]


def test_a_parliaments_turn_labels_name_members_with_constituency_party_or_office(kb):
    body = (
        "The Secretary of State for Foreign and Commonwealth Affairs (Mr Philip Hammond): Since "
        "30 September, Russia has carried out several hundred air strikes in Syria.\n\n"
        "Alex Salmond (Gordon) (SNP): The Foreign Secretary tells us that deconfliction is not "
        "co-operation. Is that really so?\n\n"
        "Mr Hammond: No, I do not accept that. The memorandum covers radio frequencies only."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Philip Hammond",
        "Alex Salmond",
        "Philip Hammond",
    ]


def test_an_interviewers_turns_under_a_websites_name_are_a_reporters(kb):
    body = (
        "Military.com: Moscow said Monday it was suspending the deconfliction channel. Is it?\n\n"
        "Harrigian: The channel is working and it's working at the level it needs to.\n\n"
        "Military.com: So the Russian announcement was just rhetoric?\n\n"
        "Harrigian: I will let the Russians speak for themselves on that one."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "reporter",
        "Jeffrey Harrigian",
        "reporter",
        "Jeffrey Harrigian",
    ]


def test_congressional_record_turns_end_their_label_with_a_full_stop(kb):
    body = (
        "Mr. INHOFE. Mr. President, I will not vote to share targets with the Russian air force.\n\n"
        "Mr. MARKEY. Will the Senator yield for a question?\n\n"
        "Mr. INHOFE. I yield to the Senator from Massachusetts.\n\n"
        "The PRESIDING OFFICER. The Senator from Massachusetts.\n\n"
        "Mr. MARKEY. Does the Senator see any role for the deconfliction line?"
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows][:3] == ["Jim Inhofe", "Ed Markey", "Jim Inhofe"]
    assert rows[0]["text"].startswith("Mr. President, I will not vote")
    assert all(r["side"] == "US" for r in rows[:3])


def test_a_claim_box_quote_takes_the_speaker_its_source_line_names(kb):
    body = (
        '"Our air forces are already working hand in hand over Syria."\n\n'
        "Source: Sergei Lavrov, Russian Foreign Minister, press conference in Moscow\n\n"
        "The rating follows."
    )
    rows = quotes_of(body, kb)
    assert rows[0]["speaker"] == "Sergey Lavrov"  # the canonical name of actors.toml
    assert rows[0]["side"] == "Russia"


def test_a_un_records_turns_name_members_with_particles_and_their_countrys_side(kb):
    body = (
        "Members: Angola, China, Egypt, France, Japan, Malaysia, Senegal, Spain, Ukraine, Uruguay\n\n"
        "The President: I now give the floor to Mr. Staffan de Mistura, the Special Envoy.\n\n"
        "Mr. de Mistura: Since Thursday we have seen the worst bombing of the war in Aleppo.\n\n"
        "Ms. Power (United States of America): We came to Geneva ready to plan strikes together.\n\n"
        "Mr. Okonjo (Turkey): My delegation asks the two co-chairs to keep their arrangement.\n\n"
        "Mr. Haddad (Syrian Arab Republic): My Government welcomes cooperation against terrorism.\n\n"
        "The meeting rose at 1.50 p.m.\n\n"
        "This record is subject to correction."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == [
        "The President",
        "Staffan de Mistura",
        "Samantha Power",
        "Okonjo",
        "Haddad",
    ]
    assert [r["side"] for r in rows[2:]] == ["US", "Turkey", "Syria"]
    assert rows[-1]["text"].endswith("against terrorism.")  # the procedure is nobody's words


def test_a_titled_name_before_an_appositive_is_the_person_a_later_pronoun_means(kb):
    body = (
        'Pentagon spokesman Peter Cook said on Monday that the military would act. "We are not '
        'there yet," he added.\n\n'
        "Senator Igor Morozov, a member of the Federation Council's international affairs "
        'committee, was more blunt. "The Pentagon is doing everything to bury the agreement," he '
        "told the paper."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Peter Cook", "Igor Morozov"]


def test_made_clear_introduces_a_quotation(kb):
    body = (
        "Ruth Adler made clear at her news conference that her country would “not be drawn into "
        "a campaign whose real purpose is to keep Assad in power.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Ruth Adler"]


def test_a_participles_quotation_belongs_to_the_known_actor_opening_the_clause(kb):
    body = (
        "Senate Foreign Relations chairman Bob Corker went further on Thursday, calling the idea "
        "of Russia as a partner “naive in the extreme, and dangerous too.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Bob Corker"]


def test_the_subject_of_a_how_clause_introduces_the_block_quote_after_it(kb):
    body = (
        "Here is how the Russian Defense Ministry described the visit later that day:\n\n"
        "“The Russian side informed its American partners of the start of the operation.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_the_presidents_turns_of_a_record_are_the_member_its_roll_names(kb):
    head = ["7774th meeting", "President:   Ms. Okafor ........................ (Nigeria)"]
    body = (
        "The President: I now give the floor to the representative of the Russian Federation.\n\n"
        "Mr. Churkin (Russian Federation): We have honoured every obligation assumed in Geneva.\n\n"
        "The President: I thank the representative of the Russian Federation for his words."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert [r["speaker"] for r in rows] == ["Okafor", "Vitaly Churkin", "Okafor"]
    without_roll = extract_quotes({"doc_id": "t"}, body, [], kb)
    assert without_roll[0]["speaker"] == "The President"


def test_a_relative_clauses_quotation_belongs_to_its_antecedent(kb):
    body = (
        "The Russian Defence Ministry said on Tuesday that the line was open.\n\n"
        "The line links a center at the Hmeimim air base with a U.S. center in Amman, according "
        'to the ministry, which said the two sides would use it "to agree on the areas where the '
        'ceasefire is observed and to respond quickly."'
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_timestamped_turns_and_a_surname_label_named_in_the_head(kb):
    head = ["Programmes > Sunday Evening with Anna Petrova > Transcripts"]
    body = (
        "[00:00:04] PETROVA: Minister, is the door to military cooperation closed?\n\n"
        "[00:00:11] LAVROV: Our door has always been open, and we are ready to coordinate.\n\n"
        "[00:00:20] JOHN KERRY, U.S. SECRETARY OF STATE: Russia has to stop bombing first.\n\n"
        "[00:00:31] PETROVA: Is that fair?\n\n"
        "[00:00:36] LAVROV: It is a convenient excuse, nothing more than that."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert [r["speaker"] for r in rows] == [
        "Anna Petrova",
        "Sergey Lavrov",
        "John Kerry",
        "Anna Petrova",
        "Sergey Lavrov",
    ]
    assert rows[0]["text"] == "Minister, is the door to military cooperation closed?"


def test_a_question_from_the_floor_is_a_reporters_turn(kb):
    body = (
        "Sergey Lavrov: Good afternoon. Our talks were frank and lasted long.\n\n"
        "Question (Reuters): Will the two militaries restore the channel?\n\n"
        "Sergey Lavrov: The channel was suspended, not destroyed.\n\n"
        "Question from the floor: Are the two militaries talking to each other today?\n\n"
        "Sergey Lavrov: Our military are professionals and they know what to do.\n\n"
        "Question from the floor (inaudible).\n\n"
        "Sergey Lavrov: Thank you. I think that will be the last one."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Sergey Lavrov", "reporter"] * 2 + ["Sergey Lavrov"] * 2
    assert not any("inaudible" in r["text"] for r in rows)


def test_a_live_blog_entry_names_its_speaker_before_a_colon(kb):
    body = "14:32 — Peskov: “President Putin regards the strikes as an aggression against Syria.”"
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Dmitry Peskov"]


def test_a_ranked_speaker_with_abbreviated_titles_before_a_colon_is_the_speaker(kb):
    body = (
        "Forwarded from a ministry channel\n"
        "Maj. Gen. Igor Konashenkov: “Our aircraft struck the targets the other side passed on.”"
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Our aircraft struck the targets the other side passed on.", "Igor Konashenkov")
    ]


def test_in_someones_words_attributes_the_quotation(kb):
    body = (
        "Lt. Gen. Jeffrey Harrigian commands the air war from Qatar. In the general's words, “we "
        "talk to the Russians to keep our aircrews safe, and we don't coordinate strikes.”\n\n"
        "The memorandum set up a line to Hmeimim. In the words of a coalition spokesman, Col. "
        "John Dorrian, the line exists “to make sure our aircrews and theirs never meet by "
        "accident.”\n\n"
        "A former U.S. official who worked on the talks agreed. In her words, “the Pentagon never "
        "wanted the joint center, and it was relieved when the deal fell apart.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Jeffrey Harrigian",
        "John Dorrian",
        "official",
    ]


def test_an_appositive_without_article_names_a_person_and_a_magazine_is_no_person(kb):
    body = (
        "Viktor Murakhovsky, editor-in-chief of Arsenal Otechestva, a Moscow defence magazine, "
        "thinks the Americans misread Russia. “We asked for a common list of targets and a common "
        "map, nothing more,” he said.\n\n"
        "Vasily Kashin, a senior research fellow at the Higher School of Economics, disagrees. "
        "According to Kashin, “the two militaries already talk more than either government "
        "admits.”\n\n"
        "The analyst called for “a new memorandum that covers special forces on the ground.”\n\n"
        "Murakhovsky is less hopeful. “Whoever wins in November, the Pentagon will not share "
        "its targets,” the expert said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Viktor Murakhovsky",
        "Vasily Kashin",
        "Vasily Kashin",
        "Viktor Murakhovsky",
    ]


def test_quoted_as_saying_after_a_relative_clause_and_two_senators_speaking_together(kb):
    body = (
        "Retired Lt. Gen. Evgeny Buzhinsky, who once headed a department of Russia's Defence "
        "Ministry, was quoted as saying that “the hotline works better than any diplomatic "
        "channel.”\n\n"
        "Senators John McCain and Lindsey Graham said in a joint statement that Trump had sent "
        "“an important message the United States will no longer stand idly by.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Evgeny Buzhinsky", "John McCain"]


def test_a_split_sentence_and_a_plural_possessive_inside_single_quotes(kb):
    body = (
        "Michael Fallon ruled out British involvement as John Kerry held talks in Moscow.\n\n"
        "‘We are not,’ the Defence Secretary said, ‘going to let the Russians choose targets.’\n\n"
        "A Foreign Office source said: ‘We have doubts about the Russians’ good faith, and the "
        "Foreign Secretary shares them.’"
    )
    rows = quotes_of(body, kb)
    assert pairs(rows) == [
        ("We are not,", "Michael Fallon"),
        ("going to let the Russians choose targets.", "Michael Fallon"),
        (
            "We have doubts about the Russians’ good faith, and the Foreign Secretary shares them.",
            "source",
        ),
    ]


def test_a_signature_after_a_dash_and_an_embassy_speaking_for_its_country(kb):
    body = (
        "“Our militaries talk every day about flight safety, and nothing more.” — Maria "
        "Zakharova, Russian Foreign Ministry spokeswoman.\n\n"
        "The Russian embassy in Washington wrote on Twitter that “the strike is a gift to the "
        "terrorists, and Washington knows it.”"
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [
        ("Maria Zakharova", "Russia"),
        ("embassy", "Russia"),
    ]


def test_an_interviews_answers_are_the_interviewees(kb):
    body = (
        "In an interview published Monday, Gen. Valery Gerasimov told Krasnaya Zvezda that the "
        "Americans were informed of every strike.\n\n"
        "Q: Do you coordinate strikes with the Americans?\n\n"
        "A: No. We only exchange information on flight safety.\n\n"
        "Q: Will that change?\n\n"
        "A: That depends on Washington."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["reporter", "Valery Gerasimov"] * 2


def test_an_unknown_persons_side_from_the_office_a_relative_clause_names(kb):
    body = (
        "Leonid Slutsky, who chairs the foreign affairs committee of the State Duma, said “the "
        "Americans have once again shown that they cannot be trusted.”\n\n"
        "‘If there is a chance of stopping the bombing, we shouldn’t throw it away,’ said Crispin "
        "Blunt, the Conservative chairman of the Commons foreign affairs committee."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [
        ("Leonid Slutsky", "Russia"),
        ("Crispin Blunt", "other"),
    ]


def test_an_interview_printed_with_q_and_a_full_stops(kb):
    body = (
        "Gen. Valery Gerasimov spoke to the paper in Moscow.\n\n"
        "Q. Is the line still open?\n\n"
        "A. Yes, the line is open and both sides use it daily.\n\n"
        "Q. Do you share targets?\n\n"
        "A. No, we do not share targets with the Americans."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["reporter", "Valery Gerasimov"] * 2
    assert rows[1]["text"] == "Yes, the line is open and both sides use it daily."


def test_a_statement_that_reads_and_a_colonel_general(kb):
    body = (
        "The Americans were informed in advance, Russia’s Defence Ministry said.\n\n"
        "“The Russian side informed its American partners of the start of the operation,” the "
        "ministry’s statement read.\n\n"
        "Colonel-General Sergei Rudskoy, chief of the Main Operational Directorate, told a "
        "briefing: “The American side has not provided any information on the opposition.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Russian Defence Ministry",
        "Sergei Rudskoy",
    ]


def test_timestamps_after_a_label_and_a_transcribers_note_that_is_no_turn(kb):
    body = (
        "Michael Kofman (00:00:05): Thanks for having me on the show again.\n\n"
        "Host (00:00:09): Let's talk about the deconfliction line over Syria.\n\n"
        "Michael Kofman (00:00:15): The line works because both militaries want it to work.\n\n"
        "Lavrov: (00:12) We are ready to work with the Americans.\n\n"
        "QUESTION: (Off-mike.)\n\n"
        "Lavrov: (00:31) It will hold if your partners stop shooting."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == [
        "Michael Kofman",
        "host",
        "Michael Kofman",
        "Sergey Lavrov",
        "Sergey Lavrov",
    ]
    assert rows[3]["text"] == "We are ready to work with the Americans."


def test_a_podcasts_numbered_speakers_take_turns_but_a_forum_posts_edits_do_not(kb):
    body = (
        "Speaker 1: Welcome back. With me is an analyst who follows the Russian military.\n\n"
        "Speaker 2: Thanks for having me on the show again.\n\n"
        "Speaker 1: The Russians say they want joint strikes with the Americans. Is that real?\n\n"
        "Speaker 2: Moscow wants the image of a partnership more than the partnership itself."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    assert (
        rows[3]["text"]
        == "Moscow wants the image of a partnership more than the partnership itself."
    )
    post = (
        "The memorandum is a phone line and some radio rules, nothing more.\n\n"
        "Edit: several people asked about Israel, which has its own line with Moscow.\n\n"
        "Edit 2: Lavrov says Russia is still ready for more military contacts.\n\n"
        "So: the channel exists, and that is all it is."
    )
    assert quotes_of(post, kb) == []


def test_a_conjunction_before_the_speaker_and_quoted_by_an_agency_after_the_quote(kb):
    body = (
        "The Pentagon declined to comment. But a defense official, speaking on background, said "
        "the military was “not going to share targeting data with the Russians.”\n\n"
        "“The Americans have been informed of every flight,” Russian Defence Ministry spokesman "
        "Igor Konashenkov was quoted by RIA Novosti as saying."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["official", "Igor Konashenkov"]


@pytest.mark.parametrize("verb", ["retorted", "scoffed", "asserted", "protested", "admits"])
def test_more_speech_verbs_attribute(kb, verb):
    body = f"“The Americans have once again failed to keep their word,” Zakharova {verb}."
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Maria Zakharova"]


def test_an_unnamed_speakers_role_stops_before_the_sentences_own_verb(kb):
    body = (
        "A senior U.S. defense official who was not authorized to speak publicly was more candid. "
        "“Nobody in this building trusts them,” the official said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["role"], r["side"]) for r in rows] == [
        ("official", "senior U.S. defense official who was not authorized to speak publicly", "US")
    ]


def test_the_expert_introduced_in_the_paragraph_before_and_one_of_the_officials(kb):
    body = (
        "Senator Igor Morozov said the Pentagon was burying the deal. “The American generals "
        "have no wish to sit at the same table as Russian officers,” he told RG.\n\n"
        "Military expert Viktor Murakhovsky, editor-in-chief of the journal Arsenal Otechestva, "
        "believes that the fate of the agreement will become clear in a week.\n\n"
        "“The centre, if it opens, will show whether the Pentagon can carry out the decisions of "
        "its own leadership,” the expert told RG.\n\n"
        "Two senior U.S. officials said the document did not expand military cooperation.\n\n"
        "“This is deconfliction, full stop. Nobody is talking about targeting together,” one of "
        "the officials said.\n\n"
        "A senior Israeli security official, speaking on condition of anonymity, said Israel had "
        "not been asked to join. “Our deconfliction line with the Russians has worked since 2015.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == [
        "Igor Morozov",
        "Viktor Murakhovsky",
        "official",
        "official",
    ]


def test_a_ministry_statement_is_the_ministrys(kb):
    body = (
        "The generals talked for about three hours in Baku, the Russian Defense Ministry said. A "
        "short ministry statement said the two discussed “the state of Russian-American military "
        "relations and the prevention of dangerous incidents in Syria.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_a_turn_printed_in_quotation_marks_is_read_without_them(kb):
    body = (
        "10:02 — Lavrov: “We are ready to cooperate with the Americans on Syria.”\n\n"
        "10:30 — Peskov: “The Kremlin regrets the American decision.”\n\n"
        "11:00 — Lavrov: “The door remains open for our military.”"
    )
    assert pairs(quotes_of(body, kb)) == [
        ("We are ready to cooperate with the Americans on Syria.", "Sergey Lavrov"),
        ("The Kremlin regrets the American decision.", "Dmitry Peskov"),
        ("The door remains open for our military.", "Sergey Lavrov"),
    ]


def test_an_embassy_and_a_website_by_their_proper_names(kb):
    body = (
        "On Sunday the Russian Embassy in London posted a short message on Twitter, alongside a "
        'photograph of armoured vehicles: "Russian and US special forces fought side by side '
        'against ISIS at Manbij."\n\n'
        "The version that spread furthest came from the website American Patriot Daily, which "
        "wrote: “Trump and Putin worked out the whole thing in advance.”"
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [
        ("Russian Embassy in London", "Russia"),
        ("American Patriot Daily", None),
    ]


@pytest.mark.parametrize(
    ("head", "speaker"),
    [
        (["Facebook posts", "stated on February 15, 2017 in a Facebook post:"], "Facebook posts"),
        (
            ["By Jane Roe", "— Russian Embassy in Washington, in a tweet, Oct. 21, 2015"],
            "Russian Embassy in Washington",
        ),
        (["Who said it: Sergey Lavrov, press conference, 17 February 2017"], "Sergey Lavrov"),
    ],
)
def test_a_claim_box_quotation_takes_the_claimant_the_head_lines_name(kb, head, speaker):
    body = (
        "“U.S. and Russian jets are now flying joint bombing missions over Syria.”\n\n"
        "The post was shared more than 40,000 times."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert [r["speaker"] for r in rows] == [speaker]


def test_a_source_line_naming_a_page_in_quotation_marks_gives_the_pages_name(kb):
    head = ["Source: Facebook page “Veterans for Peace Network”, 3 March 2016"]
    body = (
        "“Russian and American pilots now plan every raid together.”\n\nThe blog has 900 readers."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert [r["speaker"] for r in rows] == ["Veterans for Peace Network"]


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Second, the timeline as CENTCOM described it this morning:", "U.S. Central Command"),
        (
            "Here is Maria Zakharova, the foreign ministry spokeswoman, on state television:",
            "Maria Zakharova",
        ),
    ],
)
def test_a_colon_introduction_without_a_speech_verb_names_its_speaker(kb, intro, speaker):
    body = f"{intro}\n\n“The pilots were told about the corridor well before the sortie began.”"
    assert [r["speaker"] for r in quotes_of(body, kb)] == [speaker]


def test_the_subject_after_and_closing_another_speech_clause_speaks(kb):
    body = (
        "The Kremlin said the talks had been useful, and Sergei Ryabkov, a deputy foreign "
        "minister of Russia, told RIA Novosti that both sides should now “share intelligence "
        "on the militants.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Sergei Ryabkov"]


def test_he_after_a_sentence_whose_subject_is_the_official_is_that_official(kb):
    body = (
        "A senior State Department official, speaking on condition of anonymity, said the "
        "talks had stalled.\n\n"
        "Andrew Weiss, an analyst at the Carnegie Endowment, said the stall was predictable.\n\n"
        "The official was less diplomatic. “Nobody here trusts their targeting data,” he said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("official", "US")]


def test_the_statement_said_is_the_issuer_of_the_statement_introduced_before(kb):
    body = (
        "In a statement, the Russian Defense Ministry said coalition aircraft west of the "
        "river would be tracked.\n\n"
        "The ministry also said the coalition had not called before the strike.\n\n"
        "“Cooperation under the memorandum stops today,” the statement said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_an_adjective_official_opening_the_sentence_before_is_no_speaker(kb):
    body = (
        "Sergei Rudskoi briefed reporters at the ministry on Monday.\n\n"
        "The official death toll rose to forty. “The strike hit a convoy of trucks,” he said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Sergei Rudskoy"]


def test_an_ordinal_signpost_before_the_colon_is_not_a_name(kb):
    body = (
        "The Russian Defense Ministry published its account of the strike on Monday.\n\n"
        "Second, the ministry was blunt about the hotline:\n\n"
        "“Nobody from the coalition called us before the aircraft took off.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_a_statement_released_by_one_and_confirmed_by_another_is_the_first_ones(kb):
    body = (
        "The communique, issued by the Russian Defense Ministry and later endorsed by the "
        "Pentagon, said both militaries would “keep the hotline staffed around the clock.”"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_who_called_for_something_the_quotation_completes_speaks_it(kb):
    body = (
        "Senator John McCain called for a no-fly zone that would keep Russian jets out of "
        "“the skies over Aleppo and Idlib.” Carter, for his part, told reporters on Friday "
        "that the Pentagon had no such plan."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["John McCain"]


def test_one_of_them_is_one_of_the_unnamed_group_named_before(kb):
    body = (
        "Two senior Pentagon officials interviewed this week doubted the Russians would keep "
        "their word. “They have broken every promise on Aleppo,” said one of them."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["role"], r["side"]) for r in rows] == [
        ("official", "senior Pentagon official", "US")
    ]


def test_a_translated_russian_records_turns_take_the_chair_and_the_initialled_speakers(kb):
    head = ["Transcript of the meeting", "The meeting is chaired by the Chairman V. V. Volodin"]
    body = (
        "Presiding officer. Colleagues, the floor goes to Deputy Minister Anatoly Antonov. "
        "Then Grigory Petrovich Ostapenko, Yabloko faction.\n\n"
        "A. I. Antonov, Deputy Minister of Defence of the Russian Federation. Esteemed deputies, "
        "we offered the Americans joint work against the terrorists.\n\n"
        "Presiding officer. Thank you. Questions, please.\n\n"
        "G. P. Ostapenko, Yabloko faction. Why do our officers still talk to the Pentagon?\n\n"
        "A. I. Antonov. Because the line keeps our pilots safe."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert [r["speaker"] for r in rows] == [
        "Vyacheslav Volodin",  # the chair the heading names, by initials
        "Anatoly Antonov",
        "Vyacheslav Volodin",
        "Grigory Ostapenko",  # spelled out earlier; the patronymic left out
        "Anatoly Antonov",
    ]
    assert rows[1]["text"].startswith("Esteemed deputies")
    assert rows[4]["text"] == "Because the line keeps our pilots safe."


def test_a_family_name_alone_takes_the_person_named_family_name_first(kb):
    body = (
        "“The channel has kept working,” Zhao Lei, a research fellow at Peking University, told "
        "reporters.\n\n"
        "Zhao added that more was out of reach. “There will be no joint campaign,” he said.\n\n"
        "“The question is only when,” Zhao said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Zhao Lei", "Zhao Lei", "Zhao Lei"]


def test_a_surname_alone_still_takes_the_person_it_ends(kb):
    body = (
        "“We will keep talking,” Mark Hanley, a fellow at the Atlantic Council, said.\n\n"
        "“Nothing has changed since the spring,” Hanley said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Mark Hanley", "Mark Hanley"]


def test_a_claim_box_names_its_claimant_above_the_claim_in_capitals(kb):
    body = (
        'CLAIMED BY: "Haber Gundemi" Telegram channel and several Facebook pages\n\n'
        'CLAIM: "Russian and American troops now guard the Tabqa dam together."\n\n'
        "The photographs were taken on different days."
    )
    rows = quotes_of(body, kb)
    assert pairs(rows) == [
        ("Russian and American troops now guard the Tabqa dam together.", "Haber Gundemi")
    ]


def test_block_quotations_after_a_colon_take_the_speaker_the_introduction_names(kb):
    body = (
        "The deal was announced today. Press secretary Peter Cook read out a statement, and the "
        "key parts are worth quoting:\n\n"
        "> The memorandum includes safety protocols for air crews and a line on the ground.\n\n"
        "> It does not establish zones of cooperation or any sharing of targets.\n\n"
        "The Russian Defence Ministry said in a statement:\n\n"
        "> Moscow proposed to exchange information on the positions of terrorists.\n\n"
        "Good write-up, thanks.\n\n"
        "> People keep confusing deconfliction and coordination all the time.\n\n"
        "Agreed, they do."
    )
    rows = quotes_of(body, kb)
    assert pairs(rows) == [
        (
            "The memorandum includes safety protocols for air crews and a line on the ground.",
            "Peter Cook",
        ),
        ("It does not establish zones of cooperation or any sharing of targets.", "Peter Cook"),
        (
            "Moscow proposed to exchange information on the positions of terrorists.",
            "Russian Defence Ministry",
        ),
    ]  # a reply quoting the post above, introduced by nobody, is no one's quotation


def test_the_field_a_scholar_studies_gives_the_speaker_no_side(kb):
    body = (
        "Hana Mori, a professor of Russian politics at Hokkaido University, said the offer was "
        "aimed at Asia.\n\n"
        "“Lavrov knows the Pentagon will not say yes soon,” Mori said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Hana Mori", None)]


def test_a_field_named_studies_is_no_clause_and_the_scholars_university_gives_the_side(kb):
    body = (
        "“Washington will not share targets with Moscow, whatever the Kremlin offers,” Reza "
        "Karimi, a professor of Russian studies at the University of Tehran, said."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Reza Karimi", "other")]


def test_a_records_chair_named_above_the_first_turn_in_the_body_takes_the_chairs_turns(kb):
    body = (
        "Chaired by: V. V. Volodin, Chairman of the State Duma\n\n"
        "Chairman. Colleagues, we begin. The floor goes to Anatoly Antonov.\n\n"
        "A. I. Antonov. We offered the Americans joint work against the terrorists.\n\n"
        "Chairman. Thank you, Anatoly Ivanovich. The sitting is closed."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == [
        "Vyacheslav Volodin",
        "Anatoly Antonov",
        "Vyacheslav Volodin",
    ]


def test_a_block_quotation_introduced_by_a_named_institution_is_the_institutions(kb):
    body = (
        "Here is the relevant part of the Russian Defence Ministry's statement:\n\n"
        "> The American side preferred to limit the talks to flight safety over Syria."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_a_block_quotation_takes_the_speaker_of_the_sentence_that_introduces_it(kb):
    body = (
        "Asked about Peter Cook's remarks, the Russian Defence Ministry said in a statement:\n\n"
        "> The American side preferred to limit the talks to flight safety over Syria."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Russian Defence Ministry"]


def test_a_block_quotation_under_a_line_naming_only_its_source_is_the_subject_above(kb):
    body = (
        "Shoigu's back from Ankara and says the hotline with the Turks is working again, for "
        "what that's worth.\n\n"
        "From the RIA summary:\n\n"
        "> The channel with the Turkish General Staff has been fully restored and is in use."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Sergei Shoigu"]


def test_a_line_calling_the_block_a_quote_names_no_speaker(kb):
    body = (
        "Mattis sounded cautious at the press conference. Quote from the Pentagon transcript:\n\n"
        "> We will keep the line open, but nobody should confuse that with cooperation."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Jim Mattis"]


def test_one_of_a_ministers_aides_speaks_as_an_aide(kb):
    body = (
        "Mr Shoigu's aides say nothing will change before the talks. One of them said the "
        "minister was \u201cready to talk once the shelling stops in the north\u201d, which is "
        "hardly a promise."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("aide", "Russia")]


def test_he_is_the_name_a_comma_sets_off_at_the_start_of_the_sentence_before(kb):
    body = (
        "Anna Berg, a researcher in Oslo, says the talks will drag on. \u201cNobody is in a "
        "hurry,\u201d she says.\n\n"
        "By Friday Mr Lavrov had still not replied. Mr Kerry, for his part, sounded calm. "
        "\u201cWe have done what we promised,\u201d he said."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Anna Berg", "John Kerry"]


def test_a_claim_under_a_claim_heading_is_the_post_the_source_line_above_names(kb):
    head = ["FACT CHECK", "Source: a Twitter post retweeted 3,000 times on 4 May"]
    body = (
        "No such pact exists; the two armies only keep apart.\n\n"
        "The Claim\n\n"
        "\u201cRussia and America have secretly agreed to run Syria together from Hmeymim.\u201d\n\n"
        "The post spread fast."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], kb, head=head)
    assert pairs(rows) == [
        (
            "Russia and America have secretly agreed to run Syria together from Hmeymim.",
            "Twitter post",
        )
    ]


def test_an_unnamed_official_in_a_capital_is_an_official_not_the_country(kb):
    body = (
        "A Russian military official in Moscow, who asked not to be named, told reporters the "
        "hotline had been \u201cin use every night this week\u201d despite the row."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("official", "Russia")]


def test_a_spokesman_for_a_known_person_takes_that_persons_side(kb):
    body = (
        "Ankara's television reported the talks at length. Maj. Tom Fuller, a spokesman for "
        "Mattis, said \u201cthere is no joint planning of any kind with Moscow\u201d."
    )
    rows = quotes_of(body, kb, outlet_country="TR")
    assert [(r["speaker"], r["side"]) for r in rows] == [("Tom Fuller", "US")]


def test_he_before_a_colon_above_a_quotation_is_the_office_holder_the_sentence_before_names(kb):
    body = (
        "The accord Ashton Carter and Sergei Shoigu initialled in Moscow binds both air forces.\n\n"
        "The secretary of defense has championed the accord in the Senate. At a hearing on "
        "Thursday, he summed it up so:\n\n"
        "\u201cThe hotline keeps our pilots alive, and that is all it does.\u201d"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Ash Carter"]


def test_a_post_published_on_a_named_page_reads_as_that_pages_words(kb):
    body = (
        "The message, posted on a page called Veterans For Truth late on Friday, reads: "
        "\u201cMoscow and Washington now plan every strike in Syria together from one room.\u201d"
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Veterans For Truth"]


def test_a_statement_their_governments_released_is_issued_by_whom_their_stands_for(kb):
    body = (
        "Sergey Lavrov and Rex Tillerson met for an hour in Manila. They took no questions. "
        "Their ministries later issued a statement, which TASS carried in full.\n\n"
        "The statement says the ministers \u201cwill keep the deconfliction line open at all "
        "times\u201d."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Sergey Lavrov"]


def test_a_threads_tweet_number_is_no_speaker_and_an_excerpt_speaks_as_its_source(kb):
    body = (
        "6/ The ministry put out a statement at noon.\n\n"
        "7/ Here is the crucial passage from the Russian Defence Ministry statement:\n\n"
        "> \u201cThe American side was told the coordinates of every sortie an hour ahead.\u201d"
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Russian Defence Ministry"]


def test_a_day_first_date_before_an_institution_is_no_part_of_the_speaker(kb):
    body = (
        "On 14 March the US state department said it was \u201creviewing every contact with "
        "the Russian military\u201d after the incident."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["State Department"]


def test_a_name_after_a_titles_organisation_is_the_speaker_not_the_organisation(kb):
    body = (
        "Secretary of Iraq's Supreme Defence Council Karim Haddad said on Monday that the talks "
        "were \u201cnot a substitute for a real partnership against terrorism\u201d."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Karim Haddad"]
    assert rows[0]["role"] == "Secretary of Iraq's Supreme Defence Council"


def test_a_claim_box_signature_below_the_claim_names_the_claimant(kb):
    body = (
        "\u201cMoscow and Washington now pick their targets together in one room in Amman. "
        "Wake up.\u201d\n\n"
        "Jane Okafor, talk-show host, on Twitter\n\n"
        "The two countries never set up such a room. A post by Lagos talk-show host Jane Okafor "
        "has been shared widely."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["role"]) for r in rows] == [("Jane Okafor", "talk-show host")]


def test_a_claim_box_signature_may_open_with_a_dash(kb):
    body = (
        "\u201cThe Americans and the Russians bomb Idlib from one joint headquarters now.\u201d"
        "\n\n\u2014 Peter Mwangi, blogger, on Facebook\n\nThat is not what happened."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] == ["Peter Mwangi"]


def test_a_sentence_below_a_quoted_claim_is_no_signature(kb):
    body = (
        "\u201cMoscow and Washington now pick their targets together in one room in Amman.\u201d"
        "\n\nJane Okafor, a talk-show host, wrote this in a post last week."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] != ["Jane Okafor, a talk-show host"]


def test_he_after_the_writer_asked_someone_is_the_one_asked(kb):
    body = (
        "A post by Lagos talk-show host Jane Okafor has been shared widely.\n\n"
        "\u201cThe room in Amman is a safety line and nothing more,\u201d Pentagon spokesman "
        "Jeff Davis told us.\n\n"
        "We asked Okafor for her evidence. She said she had seen it on a forum and that "
        "\u201ceveryone in Amman knows about it\u201d."
    )
    rows = quotes_of(body, kb)
    assert [r["speaker"] for r in rows] == ["Jeff Davis", "Jane Okafor"]


def test_an_agency_reporting_what_a_ministry_did_passes_on_the_ministrys_words(kb):
    body = (
        "Update: Interfax reports that the Defence Ministry has \u201chalted all flights near "
        "the border\u201d until further notice."
    )
    rows = quotes_of(body, kb)
    assert [(r["speaker"], r["side"]) for r in rows] == [("Russian Defence Ministry", "Russia")]


def test_media_reporting_what_two_ministers_discussed_keep_their_own_words(kb):
    body = (
        "Earlier, media reported that during the talks Lavrov and Kerry discussed a "
        "\u201cnew mechanism for sharing targets\u201d."
    )
    assert [r["speaker"] for r in quotes_of(body, kb)] != ["Sergey Lavrov"]


def test_a_turn_relaying_a_listeners_question_gives_the_question_to_the_listener(kb):
    body = (
        "N. PETROVA: Good evening. My guest today is the general.\n\n"
        "A. GRIGORIEV: Good evening.\n\n"
        "N. PETROVA: A viewer asks us by text message: \u201cWill the Americans ever share "
        "their targets with us?\u201d What do you say?\n\n"
        "A. GRIGORIEV: I said to them once: \u201cWe are ready to talk about anything.\u201d "
        "They did not answer."
    )
    assert [(r["speaker"], r["text"][:20]) for r in quotes_of(body, kb)] == [
        ("N. Petrova", "Good evening. My gue"),
        ("A. Grigoriev", "Good evening."),
        ("N. Petrova", "A viewer asks us by "),
        ("viewer", "Will the Americans e"),
        ("A. Grigoriev", "I said to them once:"),  # his own words stay in his turn
    ]


# ------------------------------------------------------------------ other typographies


def test_german_low_high_marks_close_on_the_high_mark(kb):
    body = (
        "Sigmar Gabriel sagte in Luxemburg: „Der Kanal muss offen bleiben, auch jetzt.“ "
        "He spoke after the meeting."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Der Kanal muss offen bleiben, auch jetzt.", "Sigmar Gabriel")
    ]


def test_corner_brackets_quote_and_count_two_characters_as_a_word(kb):
    body = "Foreign Minister Sergey Lavrov was quoted from Moscow: 「これはでっち上げの口実による侵略行為だ」"
    assert pairs(quotes_of(body, kb)) == [
        ("これはでっち上げの口実による侵略行為だ", "Sergey Lavrov")
    ]


def test_dash_dialogue_lines_are_quotations_attributed_after_the_second_dash(kb):
    body = (
        "The correspondent reported the exchange.\n\n"
        "— Le mémorandum est suspendu à partir d'aujourd'hui, — a déclaré le général Igor "
        "Konachenkov.\n\n"
        "— Nous n'avons reçu aucune explication, — a-t-il ajouté.\n\n"
        "— Мы не видим больше смысла в этом меморандуме, — заявил Игорь Конашенков."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Le mémorandum est suspendu à partir d'aujourd'hui,", "Igor Konashenkov"),
        ("Nous n'avons reçu aucune explication,", "Igor Konashenkov"),
        ("Мы не видим больше смысла в этом меморандуме,", "Igor Konashenkov"),
    ]


def test_a_dash_aside_in_a_paragraph_is_no_dialogue(kb):
    body = "— and then the line went quiet — officials said nothing for an hour."
    assert quotes_of(body, kb) == []


# ------------------------------------------------------------------ possessors and namesakes


def test_a_possessors_message_or_verdict_before_a_colon_is_the_speaker(kb):
    body = (
        "The Pentagon tried to calm things down. Carter's message was blunt: “Russia has "
        "walked away from the path to peace.”\n\n"
        "Lavrov's own verdict, delivered to reporters in Moscow, was brief: “We are tired of "
        "promises that are never kept.”"
    )
    assert [speaker for _, speaker in pairs(quotes_of(body, kb))] == ["Ash Carter", "Sergey Lavrov"]


def test_a_surname_two_people_share_means_the_one_named_last(kb):
    body = (
        "Sergei Ivanov was scornful. “Such strikes only help the terrorists,” Ivanov said.\n\n"
        "Igor Ivanov, a former foreign minister, was calmer. “The hotline should not become a "
        "victim of politics,” Ivanov wrote."
    )
    assert [speaker for _, speaker in pairs(quotes_of(body, kb))] == [
        "Sergei Ivanov",
        "Igor Ivanov",
    ]


def test_he_opening_a_clause_before_a_participle_of_speech_is_the_last_speaker(kb):
    body = (
        "Sergei Ivanov was scornful. “Such strikes only help the terrorists,” Ivanov said.\n\n"
        "He went further in a later interview, saying that “the Americans have buried the only "
        "mechanism that kept our pilots safe.”"
    )
    assert [speaker for _, speaker in pairs(quotes_of(body, kb))] == ["Sergei Ivanov"] * 2


def test_surname_turn_labels_take_full_names_from_a_capitals_participants_list(kb):
    body = (
        "PANELISTS:\n\n"
        "Chair: MARGARET OKONJO, Director, Global Security Program, Harbor Institute\n\n"
        "MAJ. GEN. PAUL STRAND (Ret.), Former Director of Operations, U.S. European Command\n\n"
        "MS. OKONJO: Welcome, everyone. We have an hour on the air corridor question.\n\n"
        "GENERAL STRAND: The corridor works because both sides call before they fly.\n\n"
        "MS. OKONJO: Does the hotline ever go quiet?\n\n"
        "GENERAL STRAND: Never for long. The duty officers talk every morning.\n\n"
        "QUESTIONER: Dan Ortiz, a student here. How many calls a week does it take?\n\n"
        "GENERAL STRAND: Usually a dozen, sometimes more."
    )
    speakers = [speaker for _, speaker in pairs(quotes_of(body, kb))]
    assert speakers == [
        "Margaret Okonjo",
        "Paul Strand",
        "Margaret Okonjo",
        "Paul Strand",
        "reporter",
        "Paul Strand",
    ]


def test_a_pronoun_opening_a_reported_clause_before_a_colon_is_no_name(kb):
    body = (
        "Colonel Anton Brel, the ministry spokesman, briefed reporters on Friday. "
        "He said the army was not sharing targets with anyone and added: "
        '"Our pilots plan their own missions and always will."'
    )
    assert pairs(quotes_of(body, kb)) == [
        ("Our pilots plan their own missions and always will.", "Anton Brel")
    ]


def test_the_post_reads_names_the_page_that_published_the_post(kb):
    body = (
        'On Monday the Telegram channel "Steppe Truth" published a post about the air base. '
        '"The generals have handed the whole sky to the other side today," the post reads. '
        "It was shared widely."
    )
    rows = quotes_of(body, kb)
    assert pairs(rows) == [
        ("The generals have handed the whole sky to the other side today,", "Steppe Truth")
    ]


def test_according_to_a_spokesman_set_off_by_his_name_is_the_named_spokesman(kb):
    body = (
        "According to a readout from the admiral's spokesman, Commander Lena Fitch, the two "
        'officers "reviewed the safety procedures for aircraft over the valley" and agreed to '
        "meet again."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("reviewed the safety procedures for aircraft over the valley", "Lena Fitch")
    ]


def test_accused_reports_the_words_of_its_subject(kb):
    body = (
        "Ambassador Nora Vance, in turn, accused the delegation of "
        '"a cynical show staged for the cameras and nothing else."'
    )
    assert pairs(quotes_of(body, kb)) == [
        ("a cynical show staged for the cameras and nothing else.", "Nora Vance")
    ]


def test_one_of_the_planners_speaks_as_a_planner(kb):
    body = (
        "When I visited the planners at the base last spring, one of them described the line "
        'to me as "the dullest radio chatter anywhere in the region." He meant it kindly.'
    )
    assert pairs(quotes_of(body, kb)) == [
        ("the dullest radio chatter anywhere in the region.", "planner")
    ]


def test_a_sentence_presenting_a_statement_gives_its_issuer_to_the_next_sentences_quote(kb):
    body = (
        "The statement Dmitry Peskov released on Tuesday was brief. Moscow was "
        '"freezing all working contacts on the air safety memorandum until further notice," '
        "and its officers were leaving the joint cell."
    )
    assert pairs(quotes_of(body, kb)) == [
        (
            "freezing all working contacts on the air safety memorandum until further notice,",
            "Dmitry Peskov",
        )
    ]


def test_a_pages_name_in_quotation_marks_is_no_quotation(kb):
    body = (
        'The Facebook page "Free Voice of the Caucasus" shared the photo on Sunday, and it was '
        "seen thousands of times."
    )
    assert quotes_of(body, kb) == []


def test_a_live_blog_entry_heading_names_the_speaker_of_the_quotation_below_it(kb):
    body = (
        "**09:10 Morning summary**\n\n"
        "Talks on the air safety memorandum resume in Vienna today.\n\n"
        "**09:42 Pentagon spokesman Peter Cook**\n\n"
        '"We are looking at the text line by line before we say anything more."\n\n'
        "**10:05 Lavrov in Vienna**\n\n"
        '"The document is ready and our side has nothing more to add to it."\n\n'
        'He added later: "The rest depends on Washington and on nobody else."\n\n'
        "**10:30 Iranian foreign ministry welcomes the talks**\n\n"
        '"We hope both delegations will reach an agreement before the weekend."'
    )
    assert [speaker for _, speaker in pairs(quotes_of(body, kb))] == [
        "Peter Cook",
        "Sergey Lavrov",
        "Sergey Lavrov",
        "Iranian Foreign Ministry",
    ]


def test_an_office_and_an_unknown_name_opening_a_clause_speak_its_participle(kb):
    body = (
        "Deputy Minister Anna Roth went further in a speech on Tuesday, saying her government "
        '"will not accept any arrangement that hands the valley to the militias" and calling '
        "for new talks."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("will not accept any arrangement that hands the valley to the militias", "Anna Roth")
    ]


def test_it_reads_after_a_post_published_by_a_page_called_a_name_is_the_page(kb):
    body = (
        "The post was published on Friday by a page called Valley News Daily and shared "
        "thousands of times. It reads:\n\n"
        '"BIG NEWS: the two armies now fly every mission together and share all their maps."'
    )
    assert pairs(quotes_of(body, kb)) == [
        (
            "BIG NEWS: the two armies now fly every mission together and share all their maps.",
            "Valley News Daily",
        )
    ]


def test_an_ambassador_to_the_united_nations_is_the_name_after_the_comma(kb):
    body = (
        "Ruritania's ambassador to the United Nations, Karel Vondra, said the deal showed what "
        'was possible "if the other side stopped blocking every resolution we bring".'
    )
    assert pairs(quotes_of(body, kb)) == [
        ("if the other side stopped blocking every resolution we bring", "Karel Vondra")
    ]


def test_a_laws_quoted_wording_after_what_it_bars_is_the_laws(kb):
    body = (
        "Section 1246 of the NDAA for FY2016, which the Senate passed in the autumn, bars the "
        'Pentagon from funding "any bilateral military-to-military cooperation" with Moscow.'
    )
    assert pairs(quotes_of(body, kb)) == [
        ("any bilateral military-to-military cooperation", "National Defense Authorization Act")
    ]


def test_they_after_a_sentence_opening_with_unnamed_officials_is_an_official(kb):
    body = (
        "The Northern Fleet said it had not been warned. Officials at the air operations "
        "center said the notice had gone out on time. \u201cThe other side was told about the "
        "flight an hour before it took off,\u201d they said in a statement."
    )
    assert pairs(quotes_of(body, kb)) == [
        ("The other side was told about the flight an hour before it took off,", "official")
    ]


def test_surname_labels_take_two_given_names_and_skip_the_part_played_in_the_list(kb):
    body = (
        "PARTICIPANTS:\n\n"
        "DR. ANNA MARIE KOWALSKI, Professor of Politics, Lakeside University\n\n"
        "MODERATOR TOM BRANDT, Correspondent, Daily Ledger\n\n"
        "MR. BRANDT: Professor, is the line still open between the two?\n\n"
        "DR. KOWALSKI: It is open and used every day by the duty officers.\n\n"
        "MR. BRANDT: Is that cooperation, in your view, or not at all?\n\n"
        "DR. KOWALSKI: No, it is deconfliction and nothing more than that."
    )
    speakers = [speaker for _, speaker in pairs(quotes_of(body, kb))]
    assert speakers == ["Tom Brandt", "Anna Marie Kowalski"] * 2


# ------------------------------------------------------------------ batch 26–27 patterns


def test_role_words_and_hyphenated_ranks_are_stripped_from_a_speakers_name(kb):
    body = (
        'Anchor Dmitriy Kiselev told viewers that "the Americans never wanted this deal at all".\n\n'
        'Ministry spokesman Maj-Gen Igor Konashenkov said "the coordinates came far too late '
        'to matter".\n\n'
        'Correspondent Olga Petrenko said "the base was quiet all through the night".'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == [
        "Dmitry Kiselyov",
        "Igor Konashenkov",
        "Olga Petrenko",
    ]


def test_a_subject_shown_on_screen_and_one_acting_by_saying(kb):
    body = (
        "The bulletin opened on the strike. Host Dmitry Kiselyov began the hour by saying that "
        '"nobody in Washington can be trusted with a deal".\n\n'
        "Russia's envoy Vitaliy Churkin was shown telling the council: \"We asked for this "
        'meeting because the truce is at stake."'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["Dmitry Kiselyov", "Vitaly Churkin"]


def test_a_briefings_moderator_stays_official_when_no_briefer_is_named(kb):
    body = (
        "MODERATOR: Welcome to this call, which is on background.\n\n"
        "SENIOR DEFENSE OFFICIAL: The line remains open and is used every day.\n\n"
        "MODERATOR: And with that we will end today's call."
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["official"] * 3


def test_an_indefinite_pronoun_is_never_a_speaker(kb):
    body = (
        "Nobody at the ministry would comment. Someone had written on the wall: "
        '"The channel stays open whatever the politicians decide."'
    )
    assert all(row["speaker"] not in {"Nobody", "Someone"} for row in quotes_of(body, kb))


def test_a_named_persons_statement_is_that_persons(kb):
    body = (
        "Peskov's statement said, in full, \"The Kremlin will study the American proposals "
        'carefully before any answer."'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["Dmitry Peskov"]


def test_a_writers_unnamed_colleague_speaks_as_colleague(kb):
    body = (
        "A former colleague who flew tankers over Iraq put it to me this way: "
        '"Nobody notices the phone line until the day it goes dead."'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["colleague"]


def test_an_outlet_named_before_its_kind_signs_a_claim_after_a_dash(kb):
    body = (
        '"Washington has quietly handed Moscow the coordinates of every rebel base in the '
        'north." – Rossiya 24 TV channel, morning news, 3 May 2016\n\n'
        "We checked what was actually said."
    )
    assert [row["speaker"] for row in quotes_of(body, kb)][:1] == ["Rossiya 24"]


def test_a_two_word_opening_of_a_split_sentence_is_no_quotation(kb):
    body = (
        '"The door," the minister added, "is still open to the Americans if they want it."\n\n'
        '"We cannot go on," the general said, "pretending the line does not exist at all."'
    )
    texts = [row["text"] for row in quotes_of(body, kb)]
    assert "The door," not in texts
    assert "We cannot go on," in texts


def test_short_courtesy_turns_count_only_in_a_governments_record(kb):
    body = (
        "HOST: Joining me now is the analyst Anna Berg. Good morning.\n\n"
        "ANNA BERG: Good morning, Tom.\n\n"
        "HOST: Is the air safety line still working?\n\n"
        "ANNA BERG: As far as we know, both sides still pick up the phone every day."
    )
    broadcast = [row["text"] for row in quotes_of(body, kb, outlet_type="public broadcaster")]
    record = [row["text"] for row in quotes_of(body, kb, outlet_type="government")]
    assert "Good morning, Tom." not in broadcast
    assert "Good morning, Tom." in record


def test_an_agent_named_after_a_time_and_a_second_clauses_subject(kb):
    body = (
        'The post, published on Monday by the page "Peace Now Dublin", reads:\n\n'
        '"The two air forces are now one air force over Syria, whatever they say."\n\n'
        'Trump has called the idea "very nice" more than once, and Kremlin spokesman Dmitry '
        'Peskov said on Friday that Moscow was "open to every form of cooperation" with him.'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["Peace Now Dublin", "Dmitry Peskov"]


def test_the_author_speaks_the_words_a_first_person_sentence_quotes(kb):
    body = (
        "I flew that route for two years. We traded call signs, altitudes and the odd "
        '"please hold your orbit two miles north of the river."'
    )
    rows = quotes_of(body, kb, author="Jane Okafor")
    assert [row["speaker"] for row in rows] == ["Jane Okafor"]


def test_a_third_partys_words_reported_inside_a_turn_with_that(kb):
    body = (
        "HOST: Is the channel still in use?\n\n"
        'IVAN MOROZ: It is. A State Department official told us on Monday that "nothing has '
        'changed on the working level" and I believe that.'
    )
    rows = quotes_of(body, kb)
    relayed = [row for row in rows if row["text"].startswith("nothing has changed")]
    assert [row["speaker"] for row in relayed] == ["official"]


def test_a_time_phrase_opening_the_sentence_is_not_part_of_the_speakers_name(kb):
    body = (
        "The following morning the Russian Defence Ministry warned that coalition jets would be "
        '"treated as targets by our air defence units".'
    )
    assert [row["speaker"] for row in quotes_of(body, kb)] == ["Russian Defence Ministry"]
