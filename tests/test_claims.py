"""Claims on the seed pages and on the claims fixtures (other layouts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("claims_*.txt"))
STARS = "001_47b9b9e10985b0ee"
SPUTNIK = "003_522cef186d245491"
POLYGRAPH = "004_23810dff6811bbfc"
SOUTHFRONT = "002_3e632ad80a19446a"
DIGEST = "000_563854dd02ab5b5f"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([*SEEDS, *FIXTURES])


def claims_in(corpus, doc_id: str) -> pd.DataFrame:
    return corpus.claims[corpus.claims["doc_id"] == doc_id]


def the_claim(corpus, doc_id: str, snippet: str) -> dict:
    rows = claims_in(corpus, doc_id)
    found = rows[rows["text"].str.contains(snippet, regex=False)]
    assert len(found) == 1, f"expected one claim containing {snippet!r}, got {len(found)}"
    return found.iloc[0].to_dict()


def test_every_claim_points_into_its_body(corpus):
    bodies = dict(zip(corpus.documents["doc_id"], corpus.documents["body"], strict=True))
    for row in corpus.claims.itertuples():
        assert bodies[row.doc_id][row.start : row.end] == row.text


def test_claim_ids_are_numbered_in_body_order(corpus):
    for doc_id, rows in corpus.claims.groupby("doc_id"):
        assert list(rows["claim_id"]) == [f"{doc_id}:c{n}" for n in range(1, len(rows) + 1)]
        assert list(rows["start"]) == sorted(rows["start"])


def test_pentagon_spokesman_denies_and_shoigu_proposes(corpus):
    denial = the_claim(corpus, STARS, "not collaborating or coordinating")
    assert (denial["actor"], denial["side"], denial["stance"]) == ("Jeff Davis", "US", "denies")
    assert isinstance(denial["quote_id"], str)
    proposal = the_claim(corpus, STARS, "Shoigu on Friday proposed")
    assert (proposal["actor"], proposal["side"], proposal["stance"]) == (
        "Sergei Shoigu",
        "Russia",
        "proposes",
    )
    assert proposal["cameo"] == "0312"
    assert the_claim(corpus, STARS, "no formal proposal")["stance"] == "denies"


def test_said_friday_dates_the_claim_to_that_friday(corpus):
    proposal = the_claim(corpus, STARS, "Shoigu on Friday proposed")
    assert proposal["date"].date() == date(2016, 5, 20)
    assert proposal["date_precision"] == "day"
    assert proposal["date_basis"].startswith("sentence")


def test_sputnik_spokeswoman_denies_and_sets_a_condition(corpus):
    assert the_claim(corpus, SPUTNIK, "The U.S. is not coordinating")["stance"] == "denies"
    condition = the_claim(corpus, SPUTNIK, "as long as Russian military action")
    assert (condition["side"], condition["stance"]) == ("US", "conditional")
    assert condition["actor"] == "Michelle Baldanza"


def test_fact_check_verdict_sits_on_exactly_the_rated_assertion(corpus):
    rows = claims_in(corpus, POLYGRAPH)
    rated = rows[rows["verdict"].notna()]
    assert len(rated) == 1
    claim = rated.iloc[0]
    assert claim["verdict"] == "False"
    assert claim["reviewed_by"] == "Polygraph.info"
    assert (claim["side"], claim["stance"]) == ("Russia", "asserts")
    assert "direct line" in claim["text"]


def test_fact_check_records_the_denials_the_condition_and_the_opposition(corpus):
    assert the_claim(corpus, POLYGRAPH, "The Pentagon issued a swift denial.")["stance"] == "denies"
    denial = the_claim(corpus, POLYGRAPH, "is not coordinating airstrikes with the Russian")
    assert (denial["actor"], denial["stance"]) == ("Adrian Rankine-Galloway", "denies")
    spicer = the_claim(corpus, POLYGRAPH, "partner with the Russian military")
    assert (spicer["actor"], spicer["stance"]) == ("Sean Spicer", "conditional")
    assert the_claim(corpus, POLYGRAPH, "expressed opposition to joint")["stance"] == "opposes"
    assert the_claim(corpus, POLYGRAPH, "deeply disturbed")["stance"] == "opposes"


def test_on_a_stated_date_dates_the_claim_to_it(corpus):
    claim = the_claim(corpus, POLYGRAPH, "Russian news outlets quoted")
    assert claim["date"].date() == date(2017, 1, 23)


def test_russia_turkey_cooperation_in_the_fact_check_is_not_a_claim(corpus):
    rows = claims_in(corpus, POLYGRAPH)
    assert not rows["text"].str.contains("Ankara has already coordinated", regex=False).any()
    assert not rows["text"].str.contains("Russia and Turkey have previously", regex=False).any()


def test_aleppo_conditions_and_no_claims_from_reader_comments(corpus):
    condition = the_claim(corpus, SOUTHFRONT, "ready to coordinate strikes on targets")
    assert (condition["side"], condition["stance"]) == ("Russia", "conditional")
    outside = the_claim(corpus, SOUTHFRONT, "but only outside the area")
    assert outside["stance"] == "conditional"
    texts = " ".join(claims_in(corpus, SOUTHFRONT)["text"])
    assert "proxy army" not in texts


def test_digest_proposal_and_rejection(corpus):
    rows = claims_in(corpus, DIGEST)
    stances = set(zip(rows["side"], rows["stance"], strict=True))
    assert {("Russia", "proposes"), ("US", "rejects")} <= stances


def test_quotes_carrying_a_claim_get_its_stance(corpus):
    quotes = corpus.quotes[corpus.quotes["doc_id"] == STARS]
    claimed = corpus.claims[corpus.claims["doc_id"] == STARS]["quote_id"].dropna()
    stances = quotes.set_index("quote_id").loc[list(claimed), "stance"]
    assert stances.notna().all()
    assert "denies" in set(stances)


def test_wire_story_offer_and_rejection(corpus):
    doc = "claims_wire_proposal_rejection"
    assert the_claim(corpus, doc, "offered to carry out joint air raids")["stance"] == "proposes"
    rejection = the_claim(corpus, doc, "rejected the offer")
    assert (rejection["side"], rejection["stance"]) == ("US", "rejects")
    assert not claims_in(corpus, doc)["text"].str.contains("Turkish and Russian", regex=False).any()


def test_tass_story_asserts_coordination(corpus):
    doc = "claims_tass_assertion"
    claim = the_claim(corpus, doc, "carried out coordinated airstrikes")
    assert (claim["actor"], claim["side"], claim["stance"]) == (
        "Igor Konashenkov",
        "Russia",
        "asserts",
    )
    assert the_claim(corpus, doc, "open to wider cooperation")["stance"] == "proposes"


def test_briefing_denial_condition_and_questions(corpus):
    doc = "claims_state_briefing"
    assert the_claim(corpus, doc, "We are not coordinating airstrikes")["stance"] == "denies"
    assert the_claim(corpus, doc, "open to discussing closer coordination")["stance"] == (
        "conditional"
    )
    assert not claims_in(corpus, doc)["text"].str.endswith("?").any()


def test_misleading_verdict_attaches_to_the_claim_box(corpus):
    rows = claims_in(corpus, "claims_factcheck_misleading")
    rated = rows[rows["verdict"].notna()]
    assert list(rated["verdict"]) == ["Misleading"]
    assert "jointly bombed Raqqa" in rated.iloc[0]["text"]


BLIND = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def blind():
    names = ["blind_pentagon_davis_transcript", "blind_factcheck_snopes", "blind_afp_wire"]
    return load_corpus([BLIND / f"{name}.txt" for name in names])


def test_transcript_refusal_of_the_proposal_in_the_question_rejects(blind):
    doc = "blind_pentagon_davis_transcript"
    refusal = the_claim(blind, doc, "not going to conduct joint operations")
    assert (refusal["actor"], refusal["side"], refusal["stance"]) == ("Jeff Davis", "US", "rejects")
    denial = the_claim(blind, doc, "We do not coordinate and we do not cooperate")
    assert denial["stance"] == "denies"


def test_fact_check_verdict_lands_on_the_unlabelled_claim_box(blind):
    rows = claims_in(blind, "blind_factcheck_snopes")
    rated = rows[rows["verdict"].notna()]
    assert list(rated["verdict"]) == ["Mostly False"]
    assert str(rated.iloc[0]["text"]).startswith("Russian and U.S.-led coalition warplanes")


def test_wire_lead_with_a_trailing_proviso_is_conditional(blind):
    lead = the_claim(blind, "blind_afp_wire", "will coordinate air strikes")
    assert (lead["actor"], lead["side"], lead["stance"]) == ("John Kerry", "US", "conditional")


@pytest.mark.parametrize(
    "text",
    [
        "Russia proposed joint strikes on Friday, the ministry said on May 25.",
        "The Pentagon said last week that it would not coordinate with Moscow.",
        "On January 23, 2017, the Russian Defense Ministry announced joint strikes near al-Bab.",
        "The two militaries will not coordinate, officials said.",
        "Talks resumed in September and again in 2016, starting May 25.",
    ],
)
def test_date_spans_of_a_unit_do_not_depend_on_the_reference_date(text):
    """``claims`` skips scanning a unit text again once it was found dateless: that holds only
    if ``find_dates`` finds the same spans whatever the reference date and precision."""
    from analysis.dates import find_dates

    references = [(None, None), (date(2016, 10, 7), "day"), (date(2017, 1, 1), "month")]
    spans = [
        [(m.start, m.end) for m in find_dates(text, reference, precision)]
        for reference, precision in references
    ]
    assert spans[0] == spans[1] == spans[2]


# ------------------------------------------------------------------ rules on pages of our own


def claims_of(tmp_path: Path, *paragraphs: str, title: str = "Syria talks") -> list[dict]:
    """Claims of a short news page holding ``paragraphs``."""
    page = "\n\n".join([title, "By Staff Writer", *paragraphs]) + "\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False)
    return corpus.claims.to_dict("records")


def claim_with(rows: list[dict], snippet: str) -> tuple:
    found = [r for r in rows if snippet in r["text"]]
    assert len(found) == 1, f"expected one claim containing {snippet!r}, got {len(found)}"
    return found[0]["actor"], found[0]["side"], found[0]["stance"]


def test_a_name_addressing_someone_before_the_speaker_is_not_the_actor(tmp_path):
    rows = claims_of(
        tmp_path,
        "Maria, the Kremlin said on Sunday that Moscow is ready to coordinate strikes with "
        "Washington against the militants.",
    )
    actor, side, _ = claim_with(rows, "Moscow is ready to coordinate")
    assert (actor, side) == ("Kremlin", "Russia")


def test_he_before_a_speech_verb_is_the_person_named_earlier_in_the_sentence(tmp_path):
    rows = claims_of(
        tmp_path,
        "Russian Foreign Minister Sergey Lavrov said Moscow wants joint strikes with the "
        "United States against the Islamic State.",
        "Defense Secretary Ash Carter sounded unmoved: he told senators that the United States "
        "is not cooperating with Russia in Syria.",
    )
    actor, side, _ = claim_with(rows, "sounded unmoved")
    assert (actor, side) == ("Ash Carter", "US")


def test_a_who_clause_between_a_speaker_and_said_is_skipped(tmp_path):
    rows = claims_of(
        tmp_path,
        "A senior Russian diplomat, who asked not to be named because the talks were private and "
        "had not been announced, said the Americans had turned down a joint command with Russia.",
    )
    _, side, _ = claim_with(rows, "turned down a joint command")
    assert side == "Russia"


def test_a_quoted_claim_box_with_no_speaker_gets_the_fact_checks_rating():
    corpus = load_corpus(
        [ROOT / "tests" / "fixtures" / "corpus" / "rules_stopfake_quoted_claim.txt"]
    )
    rated = corpus.claims[corpus.claims["verdict"].notna()]
    assert list(rated["verdict"]) == ["False"]
    assert rated.iloc[0]["text"].startswith('"Russian and American special forces retook Palmyra')
    assert rated.iloc[0]["reviewed_by"] == "StopFake"


def test_a_question_inside_quotation_marks_is_not_the_question_under_review():
    from analysis.claims import questioned_side
    from analysis.knowledge import load_knowledge
    from analysis.stance import lexicon

    body = (
        "“Why would Russia refuse to fight terrorists with anyone?” a Kremlin aide said.\n\n"
        "So, did the United States fly joint missions with Russia over Raqqa?"
    )
    assert questioned_side({"title": ""}, body, lexicon(load_knowledge())) == "US"


def test_a_new_proposal_next_to_a_claim_is_a_claim_and_a_proposal_referred_back_to_is_not(
    tmp_path,
):
    rows = claims_of(
        tmp_path,
        "The Pentagon said on Monday that it is not coordinating with Russia in Syria.",
        "The Kremlin then floated a proposal of its own.",
        "Foreign Minister Sergey Lavrov welcomed the talks and urged Washington to go further.",
        "Officials in Washington said they were still studying the proposal.",
    )
    assert claim_with(rows, "floated a proposal") == ("Kremlin", "Russia", "proposes")
    assert claim_with(rows, "urged Washington") == ("Sergey Lavrov", "Russia", "proposes")
    assert not [r for r in rows if "studying the proposal" in r["text"]]


def test_a_future_refusal_by_the_actors_own_side_rejects_without_an_earlier_proposal(tmp_path):
    rows = claims_of(
        tmp_path,
        "“We will not conduct joint operations with the Russians in Syria,” Pentagon spokesman "
        "Jeff Davis told reporters on Tuesday.",
        "“We are not coordinating with the Russians,” Davis added.",
        "“Russia won't coordinate with us on anything,” Davis said.",
    )
    assert claim_with(rows, "We will not conduct joint")[1:] == ("US", "rejects")
    assert claim_with(rows, "We are not coordinating")[1:] == ("US", "denies")
    assert claim_with(rows, "Russia won't coordinate")[2] != "rejects"


def test_a_second_clause_reporting_what_he_did_leaves_the_claim_to_the_first_subject(tmp_path):
    rows = claims_of(
        tmp_path,
        "Sergey Lavrov has pressed for joint operations with the United States against the "
        "Nusra Front, and the State Department says he raised it again with Kerry on Friday.",
    )
    actor, side, _ = claim_with(rows, "pressed for joint operations")
    assert (actor, side) == ("Sergey Lavrov", "Russia")


def test_a_claim_box_whose_label_stands_on_its_own_line_gets_the_rating():
    from analysis.claims import _claim_box_index

    body = (
        "THE CLAIM\n\n"
        "“Moscow and Washington now run joint air raids over Deir ez-Zor.”\n\n"
        "The Pentagon said it was not coordinating with Russia."
    )
    second = body.index("The Pentagon")
    claims = [
        {"text": body[11 : second - 2], "start": 11, "end": second - 2},
        {"text": body[second:], "start": second, "end": len(body)},
    ]
    assert _claim_box_index(claims, ["the claim"], body) == 0
    assert _claim_box_index(claims[1:], ["the claim"], body) is None


def test_a_question_about_coordination_sets_the_context_of_the_answer(tmp_path):
    rows = claims_of(
        tmp_path,
        "COL. WARREN: Thanks. The coalition conducted 81 strikes in Iraq this week.",
        "Q: Are the Russians still calling you on the hotline?",
        "COL. WARREN: The line is used. It works. It is professional. It is not cooperation.",
        title="Department of Defense Press Briefing by Colonel Warren",
    )
    assert claim_with(rows, "It is not cooperation.")[1:] == ("coalition", "denies")


def test_a_quoted_claim_box_of_several_sentences_with_its_attribution_takes_the_rating(tmp_path):
    page = (
        "Fact Desk\n\nDid the two air forces strike together?\n\nBy Jo Checker\n\n"
        "“Russian and American jets are now striking terrorists together in Syria. The pilots "
        "share their targets.”\n— a post on a Russian news site, Oct. 21, 2015\n\n"
        "The Pentagon announced on Oct. 20 that it had signed a flight safety memorandum with "
        "Russia.\n\n"
        "Pentagon spokesman Peter Cook said the United States was not coordinating with Russia.\n\n"
        "Our verdict\n\nFalse. The two militaries keep their aircraft apart and do not strike "
        "together.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    claims = load_corpus(tmp_path, cache=False).claims
    rated = claims[claims["verdict"].notna()]
    assert list(rated["verdict"]) == ["False"]
    assert rated["text"].iloc[0].startswith("“Russian and American jets are now striking")


def test_a_fact_checkers_own_finding_is_not_the_previous_speakers_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Claim: Russia and the United States planned the missile strike together.",
        "Rating: False",
        "Russian Defense Ministry spokesman Igor Konashenkov said the warning had come "
        "“only minutes before” the strike and that Moscow had not coordinated anything with "
        "Washington.",
        "But a warning is not a joint operation, and nothing suggests that the strike was "
        "planned together.",
        "We found no evidence that the United States coordinated the strike with Russia.",
        title="Fact Check: Did Washington and Moscow plan the strike together?",
    )
    finding = claim_with(rows, "nothing suggests that the strike")
    assert finding[:2] == (None, "other")  # the fact-checker (an outlet the data file lacks)
    assert claim_with(rows, "We found no evidence")[:2] == (None, "other")
    assert claim_with(rows, "Konashenkov said")[:2] == ("Igor Konashenkov", "Russia")


def test_a_claim_box_label_above_the_article_points_at_the_opening_claim():
    from analysis.claims import _claim_under_a_head_label

    body = "Posts claim that the strike was planned with Russia.\n\nThe Truth: it was not."
    opening = [{"start": 0}, {"start": 55}]
    labels = ["claim", "summary of erumor"]
    head = ["Fact Check: a headline", "Summary of eRumor:", "Rating: Fiction!"]
    assert _claim_under_a_head_label(opening, labels, body, head) == 0
    assert _claim_under_a_head_label(opening, labels, body, head[:1]) is None  # no label
    later = [{"start": 55}]
    assert _claim_under_a_head_label(later, labels, body, head) is None  # not the opening one


def test_the_two_sides_as_joint_subject_of_an_agreement_make_a_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "A coalition spokesman said on Friday that the coalition and Russia had agreed to keep "
        "their aircraft on either side of the valley.",
    )
    assert claim_with(rows, "had agreed to keep")[1] in {"US", "coalition"}


def test_an_agreement_with_the_other_sides_colleagues_is_coordination(tmp_path):
    rows = claims_of(
        tmp_path,
        'The Russian Defence Ministry said the flights had been agreed "with our American '
        'colleagues" beforehand.',
    )
    assert claim_with(rows, "had been agreed")[1] == "Russia"


def test_a_second_point_added_after_adding_that_is_a_claim_of_its_own(tmp_path):
    rows = claims_of(
        tmp_path,
        'The Kremlin welcomed the plan as a step towards "real cooperation" with the United '
        "States, adding that Moscow had offered the same thing a year earlier.",
    )
    assert claim_with(rows, "Moscow had offered")[1:] == ("Russia", "proposes")
    assert claim_with(rows, "The Kremlin welcomed")[1] == "Russia"


def test_a_deal_sharing_out_the_country_is_about_the_pair(tmp_path):
    rows = claims_of(
        tmp_path,
        "Posts claim that Washington and Moscow signed a secret deal to divide Syria between them.",
        "There is no deal to divide Syria, the State Department said.",
    )
    assert claim_with(rows, "There is no deal")[2] == "denies"


def test_one_coalition_with_both_sides_is_a_proposal(tmp_path):
    rows = claims_of(
        tmp_path,
        "The French president said he wants one big coalition against the Islamic State group, "
        "with the Americans and with Russia.",
    )
    assert claim_with(rows, "one big coalition")[2] == "proposes"


def test_the_ministry_also_said_is_the_ministry_of_the_claim_before(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Russian Defence Ministry said on Monday that Moscow had suspended the deconfliction "
        "channel with Washington.",
        "The ministry also said the coalition had not used the channel to warn Russian commanders "
        "before the strike.",
    )
    assert claim_with(rows, "The ministry also said")[1] == "Russia"


def test_a_phone_link_and_contacts_between_the_two_are_coordination(tmp_path):
    rows = claims_of(
        tmp_path,
        "An Air Force spokesman said coalition officers used the telephone link with the Russian "
        "command during the intercept.",
        "The alliance's chief said he welcomed the contacts between the United States and Russia "
        "on how to avoid accidents in the air.",
    )
    assert claim_with(rows, "used the telephone link")[2] == "asserts"
    assert claim_with(rows, "welcomed the contacts")  # found: welcoming them is its stance


def test_forces_merged_under_one_command_is_coordination(tmp_path):
    rows = claims_of(
        tmp_path,
        "A viral post claims the American and Russian presidents agreed to merge their militaries "
        "in Syria.",
        'The Kremlin said Moscow and Washington had "never discussed" unifying their commands.',
    )
    assert claim_with(rows, "merge their militaries")[2] == "asserts"
    assert claim_with(rows, "never discussed")[2] == "denies"


def test_until_last_year_and_economic_cooperation_make_no_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Pentagon said on Monday it would not coordinate strikes with Russia.",
        "Jane Roe, who directed Russia policy at the State Department until last year, sees it "
        "differently.",
        "Obama and Putin spoke briefly at the Asia-Pacific Economic Cooperation summit.",
    )
    assert not [r for r in rows if "until last year" in r["text"]]
    assert not [r for r in rows if "Economic Cooperation" in r["text"]]


def test_a_second_reported_point_after_and_that_is_split_off(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Pentagon said Russian jets had crossed the deconfliction line agreed with the "
        "coalition.",
        "The Russian Defence Ministry said Moscow had turned down an American request to keep its "
        "jets west of the river, and that Russia would fly wherever the Syrian government asked "
        "it to.",
    )
    assert claim_with(rows, "turned down an American request")[1:] == ("Russia", "rejects")


def test_and_that_as_the_subject_of_a_verb_splits_nothing():
    from analysis.claims import _that_is_a_subject

    assert _that_is_a_subject(", and that", " was the extent of it")
    assert _that_is_a_subject(", and that", "'s all")
    assert not _that_is_a_subject(", and that", " Russia would fly on")
    assert not _that_is_a_subject(", but", " was not all")


def test_what_the_two_need_to_do_is_a_proposal(tmp_path):
    rows = claims_of(
        tmp_path,
        "The coalition said it had warned the Russians before the strike.",
        "Washington and Moscow need to agree a proper line on the ground, the analyst said.",
    )
    assert claim_with(rows, "need to agree")[2] == "proposes"


def test_a_proposal_raised_with_the_other_side_is_a_claim_though_named_before(tmp_path):
    rows = claims_of(
        tmp_path,
        "Russia has offered to coordinate the monitoring of the zones with the United States, "
        "the Kremlin said.",
        "Russian Foreign Minister Sergey Lavrov raised the proposal with US Secretary of State "
        "Rex Tillerson in Washington on Wednesday.",
    )
    assert claim_with(rows, "raised the proposal")[1:] == ("Russia", "proposes")


def test_a_conference_call_with_reporters_is_no_channel(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Pentagon said it would not coordinate strikes with Russia.",
        "The head of U.S. air operations was similarly guarded in a conference call with "
        "reporters on Tuesday.",
    )
    assert not [r for r in rows if "conference call" in r["text"]]


def test_generals_meeting_face_to_face_and_we_talk_to_them_are_contacts(tmp_path):
    rows = claims_of(
        tmp_path,
        "A US defence official said Washington would not agree to wider cooperation with Moscow.",
        '"We talk to them so that nobody gets shot down," the official said.',
        "The chiefs of the Russian and American general staffs met face to face in Baku.",
    )
    assert claim_with(rows, "We talk to them")[1] == "US"
    assert claim_with(rows, "met face to face")[2] == "asserts"


def test_forces_not_operating_with_the_other_side_deny_coordination(tmp_path):
    rows = claims_of(
        tmp_path,
        "A coalition spokesman said on Wednesday that coalition forces were not operating with "
        "the Russians near the town.",
    )
    assert claim_with(rows, "not operating with")[2] == "denies"


def test_the_rated_claim_repeats_the_claim_box_standing_above_the_article():
    from analysis.claims import _claim_quoted_from_the_head

    head = ['Claim: "Washington and Moscow agreed to put their forces in Syria under one command"']
    claims = [
        {"text": "A post claims the two presidents agreed to merge their militaries."},
        {
            "text": 'The post reads: "Washington and Moscow agreed to put their forces in Syria '
            'under one command. Nobody will tell you."'
        },
    ]
    labels = ["claim"]
    assert _claim_quoted_from_the_head(claims, labels, head) == 1
    assert _claim_quoted_from_the_head(claims, labels, ["Rating: False"]) is None
    assert _claim_quoted_from_the_head(claims, labels, ["Claim: too short"]) is None


def test_the_other_side_named_just_before_is_implied(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Americans knew exactly where our bombers would be on Tuesday, the Kremlin said.",
        '"We handed over that information ourselves, as agreed," Dmitry Peskov said.',
    )
    assert claim_with(rows, "handed over that information")[1:] == ("Russia", "asserts")


def test_a_side_named_long_before_implies_nothing(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Americans held a briefing on Monday. The weather was cold. The talks ran late. "
        "Nobody had eaten. The Kremlin said it would keep sharing intelligence.",
    )
    assert not [r for r in rows if "sharing intelligence" in r["text"]]


def test_a_rating_scale_legend_after_a_fact_check_is_no_denial(tmp_path):
    legend = "True   Mostly true   Unproven   Misleading   Mostly false   False"
    rows = claims_of(
        tmp_path,
        "Posts say the American and Russian air forces now fly joint missions over Raqqa.",
        '"The deconfliction channel is about safety of flight. It is not joint operations," a '
        "US air force spokesman told us.",
        "The two countries did agree to set up a joint centre to plan strikes, but only if a "
        "truce held. It did not hold, and the centre was never created. We rate the claim false.",
        f"How we rate claims\n{legend}",
        "Further reading\nHow to spot a fake news website\nFACTSHEET: Who is fighting whom?",
        "Republish our content for free\nExample Check is a non-partisan organisation which "
        "promotes accuracy in public debate.",
        title="Fact check: are the US and Russia flying joint missions?",
    )
    assert not [r for r in rows if "Unproven" in r["text"]]
    assert [r for r in rows if r["text"].startswith("It did not hold")]


def outlet_page_claims(tmp_path: Path, outlet: str, *turns: str) -> list[dict]:
    """Claims of an interview page of ``outlet``, one paragraph a turn."""
    page = "\n\n".join([outlet, "Interview: the air-safety line with Syria", *turns]) + "\n"
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False)
    return corpus.claims.to_dict("records")


def test_a_ministry_named_without_its_country_is_of_the_outlets_country(tmp_path):
    rows = outlet_page_claims(
        tmp_path,
        "Kommersant",
        "HOST: Our pilots and the Americans share the sky over Raqqa. Yesterday the Defence "
        "Ministry said the hotline with the Pentagon was suspended.",
        "GUEST: They will have to give guarantees first.",
    )
    actor, side, _ = claim_with(rows, "Yesterday the Defence Ministry said")
    assert (actor, side) == ("Defence Ministry", "Russia")


def test_a_bare_condition_announcing_the_next_sentence_is_no_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Moscow suspended the hotline with the Pentagon on Friday, the Kremlin said.",
        "It could be restored on one condition.",
        "On one condition. If Washington stops striking government forces, the Russian "
        "military will use the hotline again, Peskov said.",
    )
    assert not [r for r in rows if r["text"].strip(" .") == "On one condition"]
    assert [r for r in rows if "If Washington stops" in r["text"]]


def test_a_fact_checkers_account_naming_a_party_in_a_later_clause_is_its_own(tmp_path):
    rows = claims_of(
        tmp_path,
        "Posts say the American and Russian air forces now fly joint missions over Raqqa.",
        "The truce broke down within a week, the planning cell never met, and Washington "
        "ended the talks on coordination with Russia.",
        "The Pentagon said it does not coordinate strikes with Russia. We rate the claim false.",
        title="Fact check: are the US and Russia flying joint missions?",
    )
    assert claim_with(rows, "The truce broke down")[1] == "other"
    assert claim_with(rows, "The Pentagon said")[1] == "US"


def test_a_time_phrase_before_an_opening_clause_still_leaves_its_subject_out(tmp_path):
    rows = claims_of(
        tmp_path,
        "In March, after the Americans bombed the airfield at Tabqa, Moscow froze the hotline "
        "with the Pentagon.",
    )
    assert claim_with(rows, "Moscow froze the hotline")[1] == "Russia"


def test_coordinating_with_the_militants_is_no_us_russia_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Moscow has offered Washington joint strikes many times, the Russian Foreign Ministry "
        "said on Monday.",
        '"The Americans have shown once more that they cooperate with the militants and not '
        'against them," the spokeswoman said.',
    )
    assert not [r for r in rows if "cooperate with the militants" in r["text"]]
    assert [r for r in rows if "offered Washington joint strikes" in r["text"]]


def test_an_agreement_describing_a_third_state_is_no_us_russia_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Moscow and Washington have agreed to coordinate strikes, a Kremlin aide said.",
        "Turkey, a signatory of the Sochi memorandum, said little.",
    )
    assert not [r for r in rows if "Sochi memorandum" in r["text"]]
    assert [r for r in rows if "agreed to coordinate strikes" in r["text"]]


def test_a_third_state_opposed_to_the_deal_named_before_is_a_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Washington and Moscow agreed last week to coordinate air strikes against the Islamic "
        "State near Raqqa, the State Department said.",
        "The talks took place in Geneva. They lasted two days. Both delegations flew home on "
        "Friday. Reporters waited outside in the rain.",
        "Turkey's president said on Monday that Ankara was firmly opposed to the deal.",
    )
    _, side, stance = claim_with(rows, "Ankara was firmly opposed to the deal")
    assert stance == "opposes"
    assert side not in {"US", "Russia", None}


def test_a_claim_label_behind_a_warning_mark_in_the_head_takes_the_rating(tmp_path):
    page = (
        "Fact Desk\n\nNo, the two armies are not patrolling together\n\n"
        "⚠ WHAT IS BEING SHARED\n\n"
        "A post on Telegram claims that American and Russian soldiers now patrol Deraa "
        "together.\n\nRATING: FALSE\n\n"
        "The Pentagon said its forces were not conducting joint patrols with Russian troops "
        "anywhere in Syria.\n\n"
        "The Russian Defence Ministry said in March that Russian and American troops had "
        "carried out a joint operation near Palmyra.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    claims = load_corpus(tmp_path, cache=False).claims
    rated = claims[claims["verdict"].notna()]
    assert list(rated["text"].str[:12]) == ["A post on Te"]


def test_a_checkers_own_rating_lands_on_the_claim_a_post_is_reported_as_making(tmp_path):
    # no claim box: the rated claim is the one the page reports a post as making, not the
    # strongest assertion of the side the headline names first
    page = (
        "CHECK DESK\n\nFact-Check\n\nNo, America and Russia did not agree to hold Tabqa together\n\n"
        "CHECK DESK VERDICT: DISTORTION\n"
        'The rating "Distortion" means that a real event is twisted into a false conclusion.\n\n'
        "Last week a Telegram channel published a message alleging that the American and Russian "
        "armies had agreed to coordinate their operations around Tabqa. It has been shared more "
        "than 900 times.\n\n"
        "A US military spokesman said the two armies discussed the importance of deconfliction "
        "and coordination of flights.\n\n"
        "The Russian ministry said the officers had discussed air safety only.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False)
    assert corpus.documents.iloc[0]["verdict"] == "DISTORTION"
    rated = corpus.claims[corpus.claims["verdict"].notna()]
    assert list(rated["verdict"]) == ["DISTORTION"]
    assert rated["text"].iloc[0].startswith("Last week a Telegram channel published a message")


def test_claim_box_quote_signed_by_a_state_channel_carries_the_verdict(tmp_path):
    page = (
        "Checkers Desk\n\n"
        "Did the coalition pass targets to Moscow? A TV report twists a briefing\n\n"
        "04.04.2016\n\n"
        "WHAT WAS CLAIMED\n\n"
        '"The Americans have admitted that they passed the coordinates of the militants to our '
        'command, and the victory is a joint one." – Zvezda TV channel, evening news, 2 April 2016'
        "\n\nOUR RATING: DISTORTION\n\n"
        "The coalition's spokesman said it had given no targeting information to Russia.\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    rows = load_corpus(tmp_path, cache=False).claims.to_dict("records")
    rated = [row for row in rows if isinstance(row["verdict"], str)]
    assert [(row["actor"], row["side"], row["verdict"]) for row in rated] == [
        ("Zvezda", "Russia", "DISTORTION")
    ]
    assert "passed the coordinates" in rated[0]["text"]


def test_a_heading_line_and_a_footnote_line_are_not_claims(tmp_path):
    rows = claims_of(
        tmp_path,
        "Moscow said on Monday it was ready to coordinate strikes with Washington.",
        "Cooperation on hold",
        "The Pentagon rejected any cooperation with the Russian military.",
        "[3] Memorandum on air safety between Russia and the United States, 2015;",
    )
    texts = [r["text"] for r in rows]
    assert "Cooperation on hold" not in texts
    assert not any(t.startswith("[3]") for t in texts)
    assert any("Pentagon rejected" in t for t in texts)


def test_a_definite_channel_noun_after_the_named_channel_is_a_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Pentagon said it had used the deconfliction line with the Russian military "
        "before the raid.",
        "The weather over the desert was poor all week.",
        "The channel did exactly what it was meant to do.",
        "Analysts said the front line had barely moved.",
    )
    texts = [r["text"] for r in rows]
    assert "The channel did exactly what it was meant to do." in texts
    assert not any("front line" in t for t in texts)


def test_a_definite_channel_noun_without_a_channel_named_before_is_no_claim(tmp_path):
    rows = claims_of(
        tmp_path,
        "Moscow offered to coordinate strikes with Washington against the militants.",
        "The channel broadcast the speech live on Tuesday.",
    )
    assert not any("broadcast the speech" in r["text"] for r in rows)


def test_coordination_resumed_after_a_suspension_is_a_claim_of_its_own(tmp_path):
    rows = claims_of(
        tmp_path,
        "Russian and American officers talked on the hotline every day until March.",
        "In March, after the raid, the Defence Ministry said it had suspended the hotline with "
        "the Pentagon; by June, the hotline was working again.",
    )
    texts = [r["text"] for r in rows]
    assert any(t.endswith("suspended the hotline with the Pentagon") for t in texts)
    assert "by June, the hotline was working again." in texts


def test_denying_involvement_in_an_attack_is_no_denial_of_coordination(tmp_path):
    rows = claims_of(
        tmp_path,
        "The Pentagon said it was not coordinating its strikes with the Russian military.",
        "Moscow denied any involvement in the attack on the convoy.",
    )
    assert not any("denied any involvement" in r["text"] for r in rows)


def test_an_offer_and_the_other_sides_refusal_joined_by_and_are_two_claims(tmp_path):
    rows = claims_of(
        tmp_path,
        "Russian and American officers have talked on a deconfliction line since 2015.",
        "For two years Moscow proposed joint strikes against the militants and Washington "
        "always declined.",
    )
    assert claim_with(rows, "Moscow proposed joint strikes")[1:] == ("Russia", "proposes")
    assert claim_with(rows, "Washington always declined")[1:] == ("US", "rejects")


def test_an_and_clause_not_opened_by_the_refusing_party_is_not_split(tmp_path):
    rows = claims_of(
        tmp_path,
        "Russian and American officers have talked on a deconfliction line since 2015.",
        "For two years Moscow proposed joint strikes against the militants and accused "
        "Washington of refusing to talk.",
    )
    assert any("proposed" in r["text"] and "refusing to talk" in r["text"] for r in rows)


def test_one_of_the_pair_refusing_the_other_is_a_claim_without_a_claim_before(tmp_path):
    rows = claims_of(
        tmp_path,
        "The weather over the eastern desert was poor all week, the airport said.",
        "Moscow turned down a Pentagon request to open its airfields to American inspectors, "
        "the agency reported.",
    )
    assert claim_with(rows, "Moscow turned down")[2] == "rejects"
