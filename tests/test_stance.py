"""Stance classification of claims on short bodies, negation scope and the coordination gate.

These are the cue rules' tests: they run without the stance model (``tests/test_stance_model.py``
covers the model and how the two are combined; the gold scores measure the combination)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from analysis.claims import extract_claims
from analysis.knowledge import load_knowledge
from analysis.nlp import english, sentence_spans
from analysis.stance import lexicon, stance_of_text
from analysis.vocabulary import STANCES


@pytest.fixture(scope="module")
def kb():
    shipped = load_knowledge()
    return dataclasses.replace(
        shipped, stance_model={}, fingerprint=f"{shipped.fingerprint}-rules-only"
    )


def claims_of(body: str, kb, **doc) -> list[dict]:
    document = {"doc_id": "t", "kind": "article", "verdict": None, **doc}
    return extract_claims(document, body, sentence_spans(body), [], kb)


@pytest.mark.parametrize(
    ("body", "stance", "side"),
    [
        (
            "Russia proposed to the United States that the two countries conduct joint "
            "airstrikes against the Nusra Front.",
            "proposes",
            "Russia",
        ),
        (
            "The Russian Defense Ministry said Russian and American jets carried out coordinated "
            "airstrikes near Raqqa.",
            "asserts",
            "Russia",
        ),
        (
            "The Pentagon said the United States is not coordinating with Russia in Syria.",
            "denies",
            "US",
        ),
        ("The Pentagon rejected a Russian offer of joint strikes in Syria.", "rejects", "US"),
        (
            "Washington would coordinate with Moscow only if Russian jets stop bombing "
            "moderate rebels, the State Department said.",
            "conditional",
            "US",
        ),
        (
            "Senator John McCain expressed opposition to any cooperation with Russia in Syria.",
            "opposes",
            "US",
        ),
    ],
)
def test_each_stance_class_on_a_short_body(kb, body, stance, side):
    claims = claims_of(body, kb)
    assert [c["stance"] for c in claims] == [stance]
    assert claims[0]["side"] == side


def test_hedged_commentary_is_neutral(kb):
    body = "Cooperation between Russia and the United States in Syria may remain limited."
    assert [c["stance"] for c in claims_of(body, kb)] == ["neutral"]


def test_is_not_coordinating_is_a_denial(kb):
    assert stance_of_text("The U.S. is not coordinating with Russia.", kb) == "denies"


def test_did_not_reject_is_not_a_rejection(kb):
    body = "The State Department did not reject the Russian proposal for joint strikes with the US."
    claims = claims_of(body, kb)
    assert len(claims) == 1
    assert claims[0]["stance"] != "rejects"


def test_negation_reaches_only_the_nearest_cue(kb):
    # "not backing down on its claims" must not negate the coordination that follows much later
    text = (
        "Sputnik, while not backing down on its claims that Russia received coordinates "
        "from the U.S., reported more strikes."
    )
    assert stance_of_text(text, kb) == "asserts"


def test_russia_turkey_coordination_is_not_a_us_russia_claim(kb):
    assert claims_of("Russia and Turkey coordinated airstrikes near al-Bab.", kb) == []
    assert claims_of("Ankara has already coordinated with the Russians recently.", kb) == []


def test_a_sentence_without_a_coordination_term_is_not_a_claim(kb):
    body = "Russia bombed rebel positions near Aleppo, the United States said."
    assert claims_of(body, kb) == []


def test_a_question_is_not_a_claim(kb):
    assert claims_of("Did Russia conduct airstrikes in coordination with the US?", kb) == []


def test_a_denial_right_after_a_claim_is_carried(kb):
    body = (
        "The Russian Defense Ministry said Russian and coalition jets conducted joint strikes.\n\n"
        "The Pentagon issued a swift denial."
    )
    claims = claims_of(body, kb)
    assert [(c["stance"], c["side"]) for c in claims] == [("asserts", "Russia"), ("denies", "US")]


def test_a_sentence_is_split_when_a_second_party_answers(kb):
    body = (
        "Russia has proposed to the U.S.-led coalition that they stage joint air strikes, "
        "but the United States responded coolly."
    )
    claims = claims_of(body, kb)
    assert [(c["stance"], c["side"]) for c in claims] == [("proposes", "Russia"), ("rejects", "US")]
    assert all(body[c["start"] : c["end"]] == c["text"] for c in claims)


def test_cameo_codes_follow_the_stance_table(kb):
    codes = lexicon(kb).cameo
    assert codes["proposes"] == "0312"
    assert codes["asserts"] == "062"
    assert codes["rejects"] == "1212"
    assert codes["denies"] == "016"
    claims = claims_of("The Pentagon rejected a Russian offer of joint strikes in Syria.", kb)
    assert claims[0]["cameo"] == "1212"


def test_a_user_cue_file_extends_the_coordination_terms(tmp_path: Path):
    (tmp_path / "stance.toml").write_text('[cues]\ncoordination = ["tango with"]\n')
    body = "The Pentagon said the United States will never tango with Russia in Syria."
    assert claims_of(body, load_knowledge()) == []
    extended = claims_of(body, load_knowledge(tmp_path))
    assert [c["stance"] for c in extended] == ["rejects"]  # a future refusal by its own side


def test_results_do_not_depend_on_what_was_read_before(kb):
    body = "The Pentagon said it was not co-ordinating strikes with the Russians in Syria."
    first = claims_of(body, kb)
    claims_of(
        "Coordinated, coordinating, co-ordinated and cooperative efforts by U.S.-led jets.", kb
    )
    assert claims_of(body, kb) == first
    assert [c["stance"] for c in first] == ["denies"]


@pytest.mark.parametrize(
    "body",
    [
        "“" * 50 + "coordinate with Russia and the US " * 30,
        "not " * 200 + "cooperation between the US and Russia.",
        "U.S.-U.S.-U.S.-Russia joint-joint-joint strikes?!" * 20,
        "\u00a0\u2009".join(["Russia", "US", "coordinate"]) * 10,
    ],
)
def test_hostile_bodies_give_well_formed_rows(kb, body):
    for claim in claims_of(body, kb):
        assert body[claim["start"] : claim["end"]] == claim["text"]
        assert claim["stance"] in STANCES


def test_rejecting_a_claim_is_a_denial(kb):
    body = (
        "The Pentagon flatly rejected Russian claims that the two militaries carried out "
        "joint air strikes near al-Bab."
    )
    assert [c["stance"] for c in claims_of(body, kb)] == ["denies"]


def test_the_other_sides_rebuff_does_not_colour_the_speakers_offer(kb):
    body = (
        "Russia is ready to conduct joint air strikes with the U.S.-led coalition, Deputy "
        "Foreign Minister Sergei Ryabkov said, days after the Pentagon rebuffed a similar proposal."
    )
    claims = claims_of(body, kb)
    assert [(c["side"], c["stance"]) for c in claims] == [("Russia", "proposes")]


def test_declined_to_comment_is_not_a_rejection(kb):
    body = (
        "Russian jets and coalition aircraft conducted joint strikes, the Russian Defense "
        "Ministry said.\n\nThe Pentagon declined to comment on the Russian account."
    )
    assert [c["stance"] for c in claims_of(body, kb)] == ["asserts"]


# ------------------------------------------------------------------ batch 4 rules


def stances(body: str, kb, **doc) -> list[str]:
    return [c["stance"] for c in claims_of(body, kb, **doc)]


def test_a_future_refusal_after_a_proposal_rejects_it(kb):
    body = (
        "Russia proposed joint operations with the United States to retake Raqqa. "
        "We're not going to conduct joint operations with the Russians, the Pentagon said."
    )
    assert stances(body, kb) == ["proposes", "rejects"]


def test_a_statement_of_what_is_not_happening_with_no_proposal_before_it_denies(kb):
    body = (
        "U.S. aircraft are not coordinating with the Russians on any operations in Syria, "
        "a Pentagon spokesman said, downplaying a Russian report."
    )
    assert stances(body, kb) == ["denies"]


def test_a_future_refusal_by_the_speakers_own_side_rejects_without_a_proposal(kb):
    body = (
        "U.S. aircraft will not coordinate with the Russians on any operations in Syria, "
        "a Pentagon spokesman said, downplaying a Russian report."
    )
    assert stances(body, kb) == ["rejects"]


def test_a_contrast_after_the_other_sides_proposal_rejects_it(kb):
    body = (
        "The US sent Russia a package of proposals on the coordination of air operations. "
        "However, Moscow made it clear that the Russian Aerospace Forces do not bomb Aleppo, "
        "and the US need to negotiate with the Syrian Air Force to coordinate airstrikes there."
    )
    assert stances(body, kb)[-1] == "rejects"


def test_a_condition_after_a_comma_is_conditional_and_provided_alone_is_not(kb):
    conditional = (
        "The United States and Russia will coordinate air strikes in Syria, provided a truce "
        "holds for a week, Kerry said."
    )
    assert stances(conditional, kb) == ["conditional"]
    assert stance_of_text("The coalition provided coordinates to Russia.", kb) == "asserts"


def test_an_infinitive_of_coordination_states_an_intent(kb):
    assert (
        stance_of_text(
            "Lavrov said the deal makes it possible for Russia and the US to coordinate the work of their air forces.",
            kb,
        )
        == "proposes"
    )


def test_the_two_militaries_name_both_sides(kb):
    body = (
        "Russian state media reported that the two militaries had carried out a joint air strike."
    )
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)] == [("Russia", "asserts")]


def test_the_other_sides_refusal_reported_with_nothing_of_the_speakers_own_is_a_rejection(kb):
    """The speaker reports the other side's refusal and takes no position of their own: the
    claim is that coordination was refused (the convention of the later annotated batches)."""
    body = (
        "“It was a consequence of the stubborn refusal of the American side to coordinate its "
        "actions with Russia,” Konashenkov said."
    )
    quotes = [
        {
            "quote_id": "t:q1",
            "start": 1,
            "end": body.index("”"),
            "speaker": "Igor Konashenkov",
            "side": "Russia",
        }
    ]
    document = {"doc_id": "t", "kind": "article", "verdict": None}
    rows = extract_claims(document, body, sentence_spans(body), quotes, kb)
    assert [(r["side"], r["stance"]) for r in rows] == [("Russia", "rejects")]


def test_the_speakers_offer_wins_over_the_other_sides_rebuff_reported_after_it(kb):
    body = (
        "Russia is ready to conduct joint strikes with the United States, Ryabkov said, days "
        "after the Pentagon rebuffed a similar proposal."
    )
    assert stances(body, kb) == ["proposes"]


def test_commentary_verdicts_without_oppose_words_oppose(kb):
    body = (
        "Sharing intelligence with the Russians would be a mistake, McCain said. "
        "“This is a deal with the devil,” Senator Lindsey Graham said."
    )
    assert stances(body, kb) == ["opposes", "opposes"]


def test_a_hypothesis_about_a_past_fact_is_no_condition(kb):
    assert (
        stance_of_text("If this was a mistake, the US and Russia coordinated it.", kb) == "asserts"
    )


def test_the_addressee_of_told_is_not_the_actor(kb):
    body = (
        "Russia proposed joint strikes. Defense Secretary Ashton Carter argued against the plan "
        "and told Congress he opposes any cooperation with Moscow."
    )
    rows = claims_of(body, kb)
    assert [(r["actor"], r["side"], r["stance"]) for r in rows][-1] == (
        "Ash Carter",
        "US",
        "opposes",
    )


def test_a_fact_checkers_rating_sentence_is_the_fact_checkers_claim(kb):
    body = (
        "Russia said its jets and coalition aircraft had carried out a joint strike. "
        "Because the contact between the two militaries is limited to deconfliction, we rate "
        "this claim Mostly False."
    )
    rows = claims_of(body, kb, kind="fact-check", outlet="Snopes", verdict="Mostly False")
    assert [(r["actor"], r["side"], r["stance"]) for r in rows][-1] == ("Snopes", "other", "denies")


def test_a_hedge_inside_the_negation_does_not_soften_the_denial(kb):
    body = "The State Department said it was not discussing military cooperation with Moscow."
    assert stances(body, kb) == ["denies"]


def test_a_dependence_is_a_condition(kb):
    body = "Any cooperation with Russia would depend on Moscow meeting certain commitments, Toner said."
    assert stances(body, kb) == ["conditional"]


def test_a_reported_future_of_coordination_is_a_plan(kb):
    body = (
        "Lavrov said the US and Russian militaries would coordinate to ensure the ceasefire held."
    )
    assert stances(body, kb) == ["proposes"]


def test_a_party_after_with_is_not_the_subject_of_the_denial(kb):
    body = (
        "Pentagon officials stressed that the military channel with Russia remained limited "
        "to deconfliction."
    )
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)] == [("US", "denies")]


def test_the_speaker_before_a_participial_aside(kb):
    body = (
        "Pentagon spokesman Eric Pahon, asked by TASS to comment, said the coalition talked to "
        "the Russian military only to deconflict the airspace."
    )
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)] == [("US", "denies")]


@pytest.mark.parametrize(
    ("body", "stance", "side"),
    [
        # the pair as one compound adjective is a coordination term
        (
            "Pentagon officials confirmed that the first joint Russian-American strikes on the "
            "Nusra Front had taken place.",
            "asserts",
            "US",
        ),
        # the flight-safety memorandum is coordination vocabulary
        (
            "The Russian Defense Ministry said it informed the American side of every sortie, as "
            "the memorandum on flight safety requires.",
            "asserts",
            "Russia",
        ),
        # a plan is a proposal
        (
            "Russia drew up a plan for joint airstrikes with the United States on the Nusra Front.",
            "proposes",
            "Russia",
        ),
        # skepticism about a plan of coordination is opposition
        (
            "Pentagon officials expressed skepticism about a plan for joint strikes with Russia.",
            "opposes",
            "US",
        ),
        # stalling on an arrangement rejects it
        ("The Pentagon is dragging its feet on joint operations with Russia.", "rejects", "US"),
        # unwillingness is a refusal, not a hedge
        ("The Pentagon never wanted to work with Russia in Syria.", "rejects", "US"),
    ],
)
def test_batch_six_cues_give_the_stance(kb, body, stance, side):
    (claim,) = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == (stance, side)


def test_a_phrasal_refusal_split_by_its_object_rejects_the_offer(kb):
    body = (
        "Russia offered the United States joint strikes on the Nusra Front.\n\n"
        "The Pentagon turned the offer down."
    )
    claims = claims_of(body, kb)
    assert [(c["stance"], c["side"]) for c in claims] == [("proposes", "Russia"), ("rejects", "US")]


def test_a_columns_disclaimer_is_no_denial(kb):
    body = (
        "Russia and the United States coordinated strikes near Palmyra, the Russian military "
        "said.\n\nThe views expressed in this column are solely those of the author and do not "
        "necessarily represent those of the Kremlin."
    )
    claims = claims_of(body, kb)
    assert [c["stance"] for c in claims] == ["asserts"]


def test_a_joint_subject_with_the_speakers_side_keeps_the_speakers_plan(kb):
    body = (
        "Russian Foreign Minister Sergei Lavrov said Russia and the United States will "
        "coordinate their actions in southern Syria."
    )
    (claim,) = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == ("proposes", "Russia")


def test_a_claim_reporting_only_the_other_sides_refusal_rejects(kb):
    body = (
        "Russian Foreign Minister Sergei Lavrov said Russia had offered the United States joint "
        "strikes on the Nusra Front. He said Washington flatly refused."
    )
    claims = claims_of(body, kb)
    assert [(c["stance"], c["side"]) for c in claims] == [
        ("proposes", "Russia"),
        ("rejects", "Russia"),
    ]


def test_a_new_clause_after_a_party_does_not_make_it_the_speaker(kb):
    body = (
        "Defense Secretary Ash Carter has argued against military cooperation with Moscow, and "
        "officials said he pushed back hard."
    )
    (claim,) = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == ("opposes", "US")


def test_a_condition_next_to_a_claim_is_a_claim_without_a_coordination_term(kb):
    body = (
        "Russia offered the United States joint strikes on the Nusra Front.\n\n"
        "The Pentagon said it would go along, but only if the ceasefire holds for a week."
    )
    claims = claims_of(body, kb)
    assert [(c["stance"], c["side"]) for c in claims] == [
        ("proposes", "Russia"),
        ("conditional", "US"),
    ]


def test_a_condition_after_but_stays_in_the_offer_it_qualifies(kb):
    body = (
        "Lavrov said Russia is ready for cooperation with the United States, but only if "
        "Washington stops shielding the Nusra Front."
    )
    (claim,) = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == ("conditional", "Russia")


ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")
)


def _same_analysis(lex, text: str) -> None:
    by_paragraph, whole = lex.analyse(text), lex.analyse_whole(text)
    assert by_paragraph.cues == whole.cues
    assert by_paragraph.breaks == whole.breaks
    assert by_paragraph.text == whole.text
    comma_checks = [i for i, is_break in enumerate(whole.breaks) if is_break]
    assert [by_paragraph.is_comma(i) for i in comma_checks] == [
        whole.is_comma(i) for i in comma_checks
    ]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_paragraph_by_paragraph_analysis_equals_the_whole_text_analysis(kb, path):
    _same_analysis(lexicon(kb), path.read_bytes().decode("utf-8", errors="replace"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\n ",
        "Washington will not\n\ncoordinate with Moscow.",  # a negation reaching past a blank line
        "  Russia proposed joint strikes.  \n \n\tThe Pentagon did not agree, officials said.\n\n",
        "The U.S.\n\nArmy said it would not   coordinate with Russia.\u00a0\n\n\nNo.",
    ],
)
def test_paragraph_analysis_keeps_token_positions_across_odd_white_space(kb, text):
    _same_analysis(lexicon(kb), text)


def test_an_opening_no_answers_the_whole_sentence_with_a_denial(kb):
    body = "No, American pilots have not been ordered to strike Raqqa alongside the Russians."
    assert stances(body, kb) == ["denies"]
    body = "No, the two militaries are flying joint missions only in the posts' imagination."
    assert stances(body, kb) == ["denies"]


def test_a_no_inside_a_sentence_is_not_an_opening_answer(kb):
    body = "Officials said there was no doubt that U.S. jets struck ISIS alongside the Russians."
    assert stances(body, kb) == ["asserts"]


def test_a_fact_checkers_opening_no_is_its_own_voice(kb):
    body = "No, the Pentagon has not been flying joint missions with Russia over Syria."
    claims = claims_of(body, kb, kind="fact-check", verdict="False", outlet="Snopes")
    assert [(c["actor"], c["side"], c["stance"]) for c in claims] == [("Snopes", "other", "denies")]


def test_a_reported_question_is_no_claim_but_a_reported_answer_is(kb):
    body = (
        "On Monday, Lavrov was asked about joint strikes with the United States in Syria. "
        "Reporters asked whether the Pentagon would coordinate with Russia."
    )
    assert stances(body, kb) == []
    body = (
        "Lavrov was asked about the talks on Monday and said Russia has proposed "
        "joint strikes with the United States."
    )
    assert stances(body, kb) == ["proposes"]


def test_both_sides_as_one_subject_with_a_modal_and_together_is_a_plan(kb):
    plan = "Lavrov said that the United States and Russia will bomb the Nusra Front together."
    assert stances(plan, kb) == ["proposes"]
    report = "Lavrov said that the United States and Russia bombed the Nusra Front together."
    assert stances(report, kb) == ["asserts"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said Washington never intended to coordinate air strikes with Russian forces.",
        "The Pentagon has been reluctant to share intelligence with Moscow.",
        "A Russian senator said the raid had buried any prospect of joint operations with the U.S.",
        '"There can be no talk of a joint campaign with Washington now," the Russian minister said.',
        "The defence ministry said Russia had no intention of coordinating strikes with the US.",
    ],
)
def test_a_denied_intention_or_a_proposal_declared_dead_is_a_rejection(kb, text):
    assert stance_of_text(text, kb) == "rejects"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Every American attempt to coordinate with Moscow has failed.", "denies"),
        ("The joint center with the Russians never got off the ground, officials said.", "denies"),
        (
            "The Pentagon says its only contacts with Russian pilots are about flight safety.",
            "denies",
        ),
        ("The U.S. plan to share targets with Russia collapsed before any strike.", "denies"),
    ],
)
def test_a_failed_attempt_at_coordination_is_a_denial(kb, text, stance):
    assert stance_of_text(text, kb) == stance


def test_failing_to_deliver_on_an_agreement_is_blame_not_a_denial(kb):
    text = "Lavrov said Washington had failed to deliver on the deal to coordinate with Russia."
    assert stance_of_text(text, kb) != "denies"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "The senator said the United States should look for ways to work with Russia.",
            "proposes",
        ),
        ("It would be wise to share intelligence with Russia, the senator said.", "proposes"),
        (
            '"Joint operations with the Americans are the logical next step," the Russian said.',
            "proposes",
        ),
        ("The United States must not join forces with Russia in Syria.", "opposes"),
        ("It would be unwise for the Pentagon to coordinate air strikes with Moscow.", "opposes"),
        ("Nor would it be wise to share intelligence with the Russian General Staff.", "opposes"),
        (
            "The senator said the U.S. should never have offered to share data with Moscow.",
            "opposes",
        ),
        (
            "Anyone who believed the US would fight alongside Russia should have known better.",
            "neutral",
        ),
    ],
)
def test_advice_for_coordination_proposes_and_advice_against_it_opposes(kb, text, stance):
    assert stance_of_text(text, kb) == stance


def test_a_refusal_answering_an_offer_named_earlier_in_the_sentence_rejects_it(kb):
    body = (
        "Asked about the Russian offer, a Pentagon spokesman said the United States "
        "was not going to carry out joint raids with Russia."
    )
    assert stances(body, kb) == ["rejects"]


def test_a_wish_holding_its_own_negation_stays_a_proposal(kb):
    body = (
        "Russia has offered to coordinate air strikes with the United States. "
        "Wouldn't it be nice if the U.S. worked together with Russia, Trump said at a rally."
    )
    assert stances(body, kb) == ["proposes", "proposes"]


@pytest.mark.parametrize(
    "text",
    [
        "Nothing in the Pentagon readout refers to joint strikes with Russia.",
        "The Kremlin's account makes no mention of coordinating operations with the Americans.",
    ],
)
def test_a_source_that_does_not_say_it_denies_coordination(kb, text):
    assert stance_of_text(text, kb) == "denies"


def test_a_wish_said_through_a_negation_is_a_proposal(kb):
    text = (
        "\"There is nothing we'd like more than to fight together with the Russians against "
        'ISIS," the U.S. envoy said.'
    )
    assert stance_of_text(text, kb) == "proposes"


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon said U.S. and Russian commanders remain in contact over the ceasefire.",
        "Moscow is pressing for more than the exchange of information with the U.S.-led coalition.",
    ],
)
def test_contact_and_exchange_written_as_noun_phrases_are_coordination_terms(kb, body):
    assert len(stances(body, kb)) == 1


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The Pentagon insists the hotline with Moscow does not amount to coordination.", "denies"),
        (
            "The Russian minister said joint patrols with the Americans could begin next week.",
            "proposes",
        ),
        ("Lavrov spoke of the prospects for restoring cooperation with Washington.", "proposes"),
    ],
)
def test_less_than_cooperation_denies_and_an_announced_start_proposes(kb, text, stance):
    assert stance_of_text(text, kb) == stance


def test_a_passive_rejection_follows_its_target_and_its_agent_is_the_actor(kb):
    body = "Russia's offer of joint raids on ISIS in Raqqa was turned down by the Pentagon within a day."
    (claim,) = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == ("rejects", "US")
    assert (
        stance_of_text(
            "Syrian rebels who rejected the truce were bombed by Russian and American jets together.",
            kb,
        )
        == "asserts"
    )


def test_a_reported_discussion_between_the_militaries_is_an_assertion(kb):
    text = (
        "The Pentagon said U.S. and Russian officers discussed deconfliction over Raqqa on Monday."
    )
    assert stance_of_text(text, kb) == "asserts"
    hedged = "Analysts discussed whether U.S. and Russian officers might coordinate over Raqqa."
    assert stance_of_text(hedged, kb) == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Trump said it would be a good thing if the United States and Russia fought ISIS together.",
        "Joint strikes with Russia would be a good idea, the senator said.",
    ],
)
def test_a_wish_for_coordination_is_a_proposal_not_a_condition(kb, text):
    assert stance_of_text(text, kb) == "proposes"


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. official said the Russian forces at the air base had been warned before the strike.",
        "The Pentagon gave Moscow advance notice of the raid, officials said.",
    ],
)
def test_a_warning_given_in_advance_is_reported_deconfliction(kb, text):
    assert stance_of_text(text, kb) == "asserts"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The summit showed how eager the Kremlin is to be seen as America's partner.", "proposes"),
        ("Moscow is keen on joint operations with the U.S.-led coalition.", "proposes"),
        ("The Pentagon said the strike was not a joint decision with Russia.", "denies"),
    ],
)
def test_eagerness_proposes_and_a_joint_decision_is_a_coordination_term(kb, text, stance):
    assert stance_of_text(text, kb) == stance


def test_a_claim_answered_in_an_appositive_is_split_and_the_answer_denies(kb):
    body = (
        "The Russian Defence Ministry said U.S. and Russian jets had bombed Raqqa together, "
        "a claim the Pentagon flatly rejected."
    )
    assert [(c["stance"], c["side"]) for c in claims_of(body, kb)] == [
        ("asserts", "Russia"),
        ("denies", "US"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the Pentagon hoped the line would stay open whatever happened in Moscow.",
        "The Kremlin hopes the hotline with Washington survives the crisis.",
    ],
)
def test_a_hope_that_the_channel_stays_open_is_a_proposal(kb, text):
    assert stance_of_text(text, kb) == "proposes"


def test_a_passive_burial_is_literal_not_a_rejection(kb):
    text = "Victims of the coordinated strike by Russian and American jets were buried in Raqqa."
    assert stance_of_text(text, kb) == "asserts"


# ------------------------------------------------------------------ paraphrase coverage


def test_a_wildcard_word_in_a_cue_matches_any_one_word(kb):
    body = (
        "The Russian envoy said Moscow had asked Washington to set up a joint headquarters "
        "against the militants."
    )
    assert [(c["stance"], c["side"]) for c in claims_of(body, kb)] == [("proposes", "Russia")]


def test_a_hedged_future_refusal_by_the_speakers_side_rejects(kb):
    body = "Carter said the United States would not cooperate militarily with Russia in Syria."
    assert stances(body, kb) == ["rejects"]


def test_a_refusal_whose_subject_is_it_after_the_speaker_rejects(kb):
    body = "The Pentagon said it will not share targeting information with Russia."
    assert stances(body, kb) == ["rejects"]


def test_a_party_inside_a_prepositional_phrase_is_not_the_subject_of_a_refusal(kb):
    body = (
        "Russia is ready to cooperate with the United States. An analyst said deep distrust "
        "between Moscow and the West would not allow joint combat operations."
    )
    assert stances(body, kb)[-1] != "rejects"


def test_readiness_or_plans_denied_are_refusals(kb):
    body = (
        "Mattis said the United States was not prepared to share intelligence with Moscow. "
        "Washington has no plans to coordinate airstrikes with Russia, an official added."
    )
    assert stances(body, kb) == ["rejects", "rejects"]


def test_not_ready_to_say_is_no_refusal(kb):
    body = (
        "The coalition commander said he was not prepared to say whether the Russians "
        "could be trusted with a joint targeting cell."
    )
    assert "rejects" not in stances(body, kb)


def test_according_to_at_the_start_of_a_sentence_names_the_actor(kb):
    body = (
        "According to Maria Zakharova, Russian and U.S. officers had already begun drawing up "
        "target lists."
    )
    assert [(c["actor"], c["stance"]) for c in claims_of(body, kb)] == [
        ("Maria Zakharova", "asserts")
    ]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Senator Marco Rubio called any military cooperation with Russia a grave error.",
            "opposes",
        ),
        (
            "Several Pentagon officials resisted the idea of working with Russian forces in Syria.",
            "rejects",
        ),
        (
            "Putin said Russia and the United States must unite their efforts against terrorism.",
            "proposes",
        ),
        (
            "Zakharova said Moscow was counting on the Americans to join it in the fight "
            "against Nusra.",
            "proposes",
        ),
        (
            "The question of US-Russian military cooperation was expected to come up at the "
            "Geneva talks.",
            "neutral",
        ),
    ],
)
def test_paraphrased_positions_get_their_stance(kb, body, stance):
    assert stances(body, kb) == [stance]


def test_a_third_state_named_after_the_pair_is_not_the_partner(kb):
    body = (
        "Iran's foreign ministry said it opposed any coordination between Washington and Moscow "
        "that left Tehran out."
    )
    assert stances(body, kb) == ["opposes"]


def test_a_statement_opening_with_our_takes_the_speaker_named_after_it(kb):
    body = (
        "Our American partners have again ignored our proposal on joint work against "
        "terrorists, Igor Konashenkov said."
    )
    assert [c["actor"] for c in claims_of(body, kb)] == ["Igor Konashenkov"]


def test_a_party_before_an_a_or_an_phrase_is_not_the_speaker(kb):
    body = "Washington has no plans to coordinate airstrikes with Russia, an official added."
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)] == [("US", "rejects")]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Colonel Steve Warren said the coalition would not be sharing any intelligence with "
            "the Russians.",
            "rejects",
        ),
        (
            "Turkey's foreign minister said Ankara supported cooperation between the United "
            "States and Russia against Islamic State.",
            "proposes",
        ),
        (
            "Former Defense Secretary Robert Gates said cooperating with Russia in Syria made no "
            "sense.",
            "opposes",
        ),
        (
            "Putin said he sees no obstacles to cooperation with the United States in the fight "
            "against terrorism.",
            "proposes",
        ),
        (
            "Lavrov accused the Pentagon of sabotaging the agreement on military coordination.",
            "rejects",
        ),
    ],
)
def test_more_paraphrased_positions_get_their_stance(kb, body, stance):
    assert stances(body, kb) == [stance]


def test_a_fact_checkers_ruling_is_the_fact_checkers_even_when_the_outlet_is_unknown(kb):
    body = (
        "Spokesman Jeff Davis said the only contacts with Russia were through the flight safety "
        "memorandum. Our ruling: the two militaries talk, but there is no evidence of joint "
        "strikes with Russia."
    )
    rows = claims_of(body, kb, kind="fact-check", outlet=None)
    assert [(r["actor"], r["side"]) for r in rows] == [("Jeff Davis", "US"), (None, "other")]


def test_an_offer_not_accepted_is_rejected(kb):
    body = (
        "Russia offered to share its target data with the coalition. "
        "“We have not accepted any such offer,” Pentagon spokesman Peter Cook said."
    )
    assert stances(body, kb) == ["proposes", "rejects"]


def test_a_columnists_own_argument_is_the_authors_with_no_side(kb):
    body = (
        "First, any military partnership with Russia would make the United States complicit "
        "in the bombing of hospitals. Moscow has offered joint strikes again."
    )
    rows = claims_of(body, kb, kind="commentary", author="Jane Columnist")
    assert [(r["actor"], r["side"], r["stance"]) for r in rows] == [
        ("Jane Columnist", None, "opposes"),
        ("Russia", "Russia", "proposes"),
    ]


def test_a_condition_naming_a_third_state_carries_after_a_claim(kb):
    body = (
        "Washington should limit its contacts with the Russian military to the deconfliction "
        "channel. If Moscow stops shielding Assad, the question could be reopened."
    )
    assert stances(body, kb) == ["opposes", "conditional"]


def test_no_willingness_to_cooperate_is_a_refusal(kb):
    body = (
        "“We are ready to coordinate our actions with the American side,” Rudskoy said. "
        "“Unfortunately, the Americans have so far shown no willingness to cooperate.”"
    )
    assert stances(body, kb)[-1] == "rejects"


def test_a_place_after_in_is_not_the_speaker(kb):
    body = (
        "Russia's ambassador in Washington said Moscow was ready for the closest possible "
        "military cooperation with the United States."
    )
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)] == [("Russia", "proposes")]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Moscow wants the Pentagon to hand over the coordinates of the groups it backs, "
            "Lavrov said.",
            "proposes",
        ),
        (
            "Washington has turned a deaf ear to our proposals for joint work, Zakharova said.",
            "rejects",
        ),
        ("The Pentagon has shelved plans for military cooperation with Russia.", "rejects"),
        (
            "Tillerson said closer military cooperation with Moscow would only be possible "
            "after Assad leaves power.",
            "conditional",
        ),
        (
            "Russia would be willing to coordinate with the coalition provided Damascus gave "
            "its consent, Lavrov said.",
            "conditional",
        ),
        ("House Republicans vowed to block any military cooperation with Russia.", "opposes"),
    ],
)
def test_requests_refusals_conditions_and_blocking_in_other_words(kb, body, stance):
    assert stances(body, kb) == [stance]


def test_a_refusal_denied_is_openness(kb):
    body = (
        "“Russia has never refused cooperation with the Americans,” Zakharova said. "
        "“We are not slamming the door on the United States.”"
    )
    assert stances(body, kb)[0] == "proposes"


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "It is Washington that slams the door on joint work with Russia, Rudskoy said.",
            "rejects",
        ),
        (
            "Russia must first ground the Syrian air force before any cooperation with the "
            "United States, the senator said.",
            "conditional",
        ),
        (
            "Congress has barred most military-to-military cooperation with Russia since 2014.",
            "opposes",
        ),
    ],
)
def test_door_slamming_first_conditions_and_bans(kb, body, stance):
    assert stances(body, kb) == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Kremlin still dreams of a common front with the Americans, but the Pentagon "
            "does not want it, an analyst said.",
            "proposes",
        ),
        ("“This is deconfliction with Russia, full stop,” a U.S. official said.", "denies"),
        (
            "Putin said the Pentagon's people talk to our people every day, and when the "
            "Americans were about to strike near our positions, they warned us.",
            "asserts",
        ),
        (
            "Senator King said he would not rule out working alongside Russia against ISIL, "
            "provided that Moscow stopped bombing the opposition.",
            "conditional",
        ),
    ],
)
def test_dreams_full_stops_warnings_and_not_ruling_out(kb, body, stance):
    assert stances(body, kb)[0] == stance


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Russian officials insist the two militaries have been swapping intelligence for weeks.",
            "asserts",
        ),
        (
            "Kirby said Washington had turned its back on the idea of a joint command with Moscow.",
            "rejects",
        ),
        ("Mattis said that military cooperation with Russia was off the table for now.", "rejects"),
        (
            "The senator said he would back intelligence-sharing with Moscow on one condition: "
            "that Russia stop bombing hospitals.",
            "conditional",
        ),
    ],
)
def test_swaps_turned_backs_tables_and_single_conditions(kb, body, stance):
    assert stances(body, kb) == [stance]


def test_wildcard_phrases_are_found_through_their_first_word(kb):
    lex = lexicon(kb)
    for text in (
        "Moscow asked Washington to act.",
        "Moscow had asked the Americans to act.",
        "They were sharing any intelligence.",
        "It joined Russia in bombing the town.",
    ):
        doc = english().make_doc(text)
        assert lex.gapped(doc), text
    # a wildcard stands for one alphabetic token: not a number, not a comma
    for text in ("Moscow asked 2 to act.", "Moscow asked, to act."):
        labels = {lex.vocab.strings[m[0]] for m in lex.gapped(english().make_doc(text))}
        assert "proposes" not in labels, text


def test_stems_are_learned_through_the_prefix_index_as_through_a_scan(kb):
    lex = lexicon(kb)
    doc = english().make_doc("The militaries were co-operating and deconflicting closely.")
    lex._learn(doc)
    scanned = sorted(
        (spec.text, form)
        for spec in lex._variable
        for form in ("co-operating", "deconflicting")
        if spec.stem and spec.accepts(form)
    )
    indexed = sorted(
        (spec.text, form)
        for form in ("co-operating", "deconflicting")
        for spec in lex._candidates(form)
        if spec.stem
    )
    assert scanned == indexed
    assert scanned


def test_the_paraphrase_sentences_keep_their_stance_accuracy(kb):
    """``tests/gold/stance_sentences.json``: sentences written in new wordings to develop the
    cue families (sets 10 to 12 written without sight of the rules: 0.60, 0.30 and 0.46 at first
    contact, 0.87, 0.61 and 0.47 after their fixes; 0.78 over all 442 sentences; 0.91, 0.73 and
    0.73, 0.85 over all, once consequences, rhetorical questions, silence, pronoun objects,
    corrections and open questions were read; 0.87 once the cue families were widened for unseen
    wordings); a floor, per class too, so a cue change that breaks a family shows."""
    rows = json.loads((Path(__file__).parent / "gold" / "stance_sentences.json").read_text())
    right: dict[str, list[bool]] = {}
    for row in rows["sentences"]:
        found = stances(row["text"], kb)
        right.setdefault(row["stance"], []).append(found[:1] == [row["stance"]])
    every = [ok for oks in right.values() for ok in oks]
    assert sum(every) / len(every) >= 0.86
    for stance, oks in right.items():
        assert sum(oks) / len(oks) >= 0.65, stance


def test_a_sentence_opening_with_no_negates_its_whole_first_clause(kb):
    body = (
        "No intelligence on Islamic State positions has been handed to the Russian military, "
        "a coalition spokesman said."
    )
    assert stances(body, kb) == ["denies"]


def test_neither_nor_does_not_negate_beyond_the_nearest_words(kb):
    body = (
        "Neither the Kremlin nor the White House would say whether military coordination "
        "featured in the call."
    )
    assert stances(body, kb) == ["neutral"]


def test_a_verdict_on_a_claim_is_the_speakers_own_denial_whoever_made_the_claim(kb):
    body = (
        "Foreign Ministry spokeswoman Maria Zakharova said talk of a Russian-American military "
        "alliance in Syria was a fabrication of the Western press."
    )
    assert stances(body, kb) == ["denies"]


def test_a_belief_denied_before_advice_opposes(kb):
    body = "I don't think we should share intelligence with Moscow, the senator said."
    assert stances(body, kb) == ["opposes"]


def test_a_belief_denied_about_what_happened_denies(kb):
    body = "I don't think the Trump people have secretly coordinated strikes with the Russians."
    assert stances(body, kb) == ["denies"]


def test_an_opening_without_clause_before_a_negated_coordination_is_a_condition(kb):
    body = "Without this separation there can be no common front with the Americans, he said."
    assert stances(body, kb) == ["conditional"]


def test_nothing_before_a_condition_is_met_is_a_condition(kb):
    body = (
        "No cooperation of this kind with Russia will begin before humanitarian access to "
        "Aleppo is restored, a State Department official said."
    )
    assert stances(body, kb) == ["conditional"]


def test_a_part_of_a_split_sentence_is_said_by_the_sentences_speaker(kb):
    body = (
        "We are not going to enter any joint targeting arrangement with the Russians in Syria, "
        "period; that offer has been heard and it has been answered, Pentagon spokesman Peter "
        "Cook said."
    )
    claims = claims_of(body, kb)
    assert [(c["actor"], c["side"], c["stance"]) for c in claims][:1] == [
        ("Peter Cook", "US", "rejects")
    ]


def test_proposals_named_inside_the_other_sides_refusal_report_the_refusal(kb):
    body = (
        "Sergei Lavrov said Washington had once more thrown Russian proposals for joint strikes "
        "into the wastebasket."
    )
    assert stances(body, kb) == ["rejects"]


def test_the_russian_officials_word_interaction_is_coordination(kb):
    body = (
        "Our American partners have once again refused interaction on the liberation of Raqqa, "
        "Deputy Foreign Minister Sergei Ryabkov told RIA Novosti."
    )
    assert stances(body, kb) == ["rejects"]


@pytest.mark.parametrize(
    "body",
    [
        "A combined operations cell with the Russian military would hand Moscow a window into "
        "how the coalition picks its targets, a Republican senator warned.",
        "Pooling intelligence with the Kremlin will only tie Washington's hands in eastern Syria, "
        "the think tank's report concludes.",
        "Flying joint sorties with Russian bombers would, sooner or later, make American pilots "
        "accomplices to the shelling of Idlib, a former Air Force general wrote.",
        "Teaming up with the Russian General Staff would be like inviting the fox to guard the "
        "henhouse, a House Republican said.",
        "A US-Russian targeting cell will end up steering coalition bombs toward the rebels we "
        "armed, a former CIA officer predicted.",
        "A combined command with the Pentagon would leave Russian crews taking orders from "
        "American officers, a Russian general told Zvezda.",
        "Joint operations with the Americans would tie Moscow to a campaign run from Tampa, a "
        "Russian senator said.",
    ],
)
def test_a_harm_said_to_follow_from_coordination_opposes_it(kb, body):
    assert stances(body, kb)[:1] == ["opposes"]


@pytest.mark.parametrize(
    "body",
    [
        "A joint cell with the Russians would not give Moscow a veto over coalition strikes, a "
        "State Department official said.",
        "Whether a joint targeting cell with Russia would give Moscow a window into coalition "
        "methods is a question for Congress, an analyst said.",
        "The Pentagon coordinates flights with Russia under an arrangement that critics say "
        "gives the Kremlin a propaganda win.",
    ],
)
def test_a_harm_denied_asked_about_or_said_of_something_else_does_not_oppose(kb, body):
    assert "opposes" not in stances(body, kb)[:1]


def test_an_opening_without_clause_before_the_coordination_is_a_condition(kb):
    body = (
        "Without a lasting truce, joint strikes with Russia would only lend legitimacy to "
        "Assad, a US official said."
    )
    assert stances(body, kb) == ["conditional"]


def test_a_question_that_argues_against_coordination_opposes_it(kb):
    assert stances("Why would the Pentagon share its target lists with the Kremlin?", kb) == [
        "opposes"
    ]


def test_a_question_that_argues_with_a_negation_proposes(kb):
    body = "Why should American and Russian pilots not fly joint missions against Islamic State?"
    assert stances(body, kb) == ["proposes"]


def test_a_question_about_how_a_thing_is_seen_is_no_claim(kb):
    body = "Why should anyone call the hotline with Russia an alliance?"
    assert stances(body, kb) == []


@pytest.mark.parametrize(
    "body",
    [
        "The prohibition in the annual defense bill on military cooperation with Russia should "
        "stay, the committee chairman said.",
        "We are not allowed to coordinate strikes with the Russian military, a Pentagon "
        "spokesman said.",
        "Military cooperation with Russia is barred by law, and the committee will not lift the "
        "ban this year, its chairman said.",
    ],
)
def test_a_legal_ban_named_as_the_obstacle_opposes(kb, body):
    assert stances(body, kb)[:1] == ["opposes"]


def test_an_account_left_unverified_is_neutral(kb):
    body = (
        "Russian and American jets carried out joint strikes near Mayadin, the Russian military "
        "said, though the report could not be independently verified."
    )
    assert stances(body, kb) == ["neutral"]


def test_leaving_a_question_open_is_no_denial(kb):
    body = (
        "Lavrov and Kerry spoke by phone on Friday, the State Department said, without saying "
        "whether military coordination in Syria was discussed."
    )
    assert stances(body, kb) == ["neutral"]


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon has not replied to Moscow's offer of joint patrols near Manbij, the "
        "Russian Defence Ministry said.",
        "The Kremlin's call for joint raids on Raqqa went unanswered in Washington, a Russian "
        "diplomat complained.",
        "Lavrov said Moscow saw no point in Washington's proposal for joint monitoring of the "
        "truce.",
        "We won't be combining our air campaign with the Russians, a Pentagon spokesman said.",
    ],
)
def test_silence_and_a_proposal_seen_as_pointless_reject_it(kb, body):
    assert stances(body, kb)[:1] == ["rejects"]


def test_silence_without_a_coordination_term_is_no_claim(kb):
    body = (
        "Russia proposed joint strikes to the United States on Monday. "
        "The Pentagon has not replied to the offer."
    )
    assert stances(body, kb) == ["proposes"]


@pytest.mark.parametrize(
    "body",
    [
        "A State Department spokesman said talk of joint US-Russian patrols near Manbij was "
        "propaganda.",
        "Reports that Russian and American commanders coordinated strikes on Raqqa are an "
        "invention, the Pentagon said.",
        "The two militaries merely keep a hotline open to avoid incidents, a coalition officer "
        "said.",
        "The coalition corrected the Russian account, saying no coalition aircraft had taken "
        "part in the strikes with Russian jets.",
    ],
)
def test_propaganda_an_invention_merely_and_a_correction_deny(kb, body):
    assert stances(body, kb)[:1] == ["denies"]


@pytest.mark.parametrize(
    "body",
    [
        "A Pentagon spokesman would not say whether Washington would reject Moscow's offer of "
        "joint patrols.",
        "Whether the hotline with Russia merely keeps pilots apart or amounts to an alliance is "
        "a matter of debate in Washington.",
    ],
)
def test_stance_cues_inside_an_open_question_are_asked_not_said(kb, body):
    assert stances(body, kb) == ["neutral"]


def test_coordination_denied_while_something_lasts_is_a_condition(kb):
    body = (
        "There will be no joint air campaign with Russia while its jets keep hitting hospitals "
        "in Idlib, a State Department official said."
    )
    assert stances(body, kb) == ["conditional"]


def test_a_contrast_after_while_and_a_comma_is_no_condition(kb):
    body = (
        "The Pentagon said it was not coordinating strikes with Russia, while Moscow insisted "
        "the two militaries worked together."
    )
    assert stances(body, kb)[:1] == ["denies"]


def test_no_agreement_reached_yet_is_neutral(kb):
    body = "The Pentagon and the Russian Defence Ministry have yet to agree on joint patrols."
    assert stances(body, kb) == ["neutral"]


def test_both_sides_with_could_before_a_joint_body_is_a_plan(kb):
    body = (
        "A Russian deputy defence minister said Russia and the United States could set up a "
        "joint monitoring centre in Amman."
    )
    assert stances(body, kb) == ["proposes"]


def test_both_sides_with_a_modal_under_whether_stay_a_question(kb):
    body = "Nobody knows whether Russia and the United States could ever run joint patrols."
    assert stances(body, kb) == ["neutral"]


def test_a_refusal_that_names_its_object_inside_it_rejects(kb):
    text = (
        "After Moscow offered joint raids on Islamic State convoys near Palmyra, the White House "
        "quietly let the offer die."
    )
    assert stance_of_text(text, kb) == "rejects"


def test_saying_no_before_a_noun_is_a_negation_not_a_refusal(kb):
    body = (
        "A coalition spokesman dismissed the Russian account, saying no target lists had been "
        "exchanged with Moscow."
    )
    assert stances(body, kb) == ["denies"]


def test_at_no_point_negates_its_whole_clause(kb):
    body = (
        "At no point did any coalition officer in Baghdad sit down with a Russian general to "
        "choose targets, the spokesman said."
    )
    assert stances(body, kb) == ["denies"]


@pytest.mark.parametrize(
    "body",
    [
        "Claims that Russian officers handed the American command data on Kurdish positions do "
        "not correspond to reality, the Russian Defence Ministry said.",
        "Contrary to what Moscow says, the US and Russian air forces never carried out a single "
        "joint strike, a coalition officer said.",
    ],
)
def test_a_report_said_not_to_match_reality_is_denied(kb, body):
    assert stances(body, kb) == ["denies"]


def test_a_refusal_with_a_pronoun_object_answers_the_proposal_named_before_it(kb):
    body = (
        "Asked about Lavrov's proposal for joint patrols near Manbij, the State Department "
        "spokesman said Washington had turned it down."
    )
    assert stances(body, kb) == ["rejects"]


def test_a_refusal_of_that_answers_the_coordination_named_before_it(kb):
    body = (
        "A joint air campaign with Russia would put American pilots at the service of Assad, "
        "and the Pentagon has firmly rejected that, a defense official said."
    )
    assert stances(body, kb) == ["rejects"]


def test_an_offer_before_a_complaint_of_silence_is_the_claim(kb):
    body = (
        "Russia is ready to share intelligence on Islamic State with the US-led coalition, the "
        "Russian military said, adding that Washington has not replied to its proposals."
    )
    assert stances(body, kb) == ["proposes"]


def test_says_no_as_an_answer_still_rejects(kb):
    body = "Moscow offers Washington joint patrols near Manbij; Pentagon says no"
    assert stances(body, kb) == ["proposes", "rejects"]


def test_a_joint_plan_under_a_commentators_hedge_stays_neutral(kb):
    body = (
        "Analysts believe the United States and Russia could one day run joint patrols in "
        "eastern Syria."
    )
    assert stances(body, kb) == ["neutral"]


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon did not respond to Moscow's offer of joint raids near Palmyra for a month, "
        "the Russian Defence Ministry said.",
        "Asked about the Russian call for joint strikes, the Pentagon spokesman said there were "
        "no plans to take it up.",
    ],
)
def test_a_proposal_met_with_silence_or_no_plans_for_it_is_rejected(kb, body):
    assert stances(body, kb)[:1] == ["rejects"]


def test_a_determiner_after_a_refusal_is_no_pronoun_object(kb):
    text = (
        "The White House said it was not coordinating strikes with Russia after suspending the "
        "talks this week."
    )
    assert stance_of_text(text, kb) == "denies"


@pytest.mark.parametrize(
    "body",
    [
        "Moscow's talk of joint air operations with the Americans is wishful thinking, a "
        "Pentagon official said.",
        "That is not what happened: no coalition jet flew with Russian bombers over Palmyra, the "
        "coalition said.",
    ],
)
def test_wishful_thinking_and_not_what_happened_deny(kb, body):
    assert stances(body, kb)[:1] == ["denies"]


def test_no_details_of_what_was_said_about_cooperation_is_neutral(kb):
    body = (
        "The Kremlin gave no details of what Putin and Obama said about military cooperation in "
        "Syria."
    )
    assert stances(body, kb) == ["neutral"]


def test_an_offer_received_but_not_acted_on_is_rejected(kb):
    body = (
        "A State Department official said Washington had received the Russian offer of joint "
        "patrols and would not be acting on it."
    )
    assert stances(body, kb) == ["rejects"]


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon is sitting on the Russian proposal for joint patrols and has not said a "
        "word, the Russian embassy complained.",
        "Moscow's offer of joint strikes went to the State Department, which has not acted on "
        "it, the Russian ambassador said.",
    ],
)
def test_a_proposal_sat_on_is_rejected(kb, body):
    assert stances(body, kb)[:1] == ["rejects"]


def test_an_account_said_to_have_been_wrong_is_denied(kb):
    body = (
        "The Pentagon said the Russian account of a joint raid with US jets near Raqqa was wrong."
    )
    assert stances(body, kb) == ["denies"]


def test_a_meeting_to_discuss_how_to_coordinate_is_neutral(kb):
    body = (
        "Russian and American generals met in Amman to discuss how to keep their jets apart over "
        "southern Syria."
    )
    assert stances(body, kb) == ["neutral"]


def test_urging_a_refusal_opposes(kb):
    body = (
        "The senator urged the Obama White House to reject any joint targeting arrangement with "
        "the Russian military."
    )
    assert stances(body, kb) == ["opposes"]


@pytest.mark.parametrize(
    "body",
    [
        "Lavrov attacked the new US sanctions on Tuesday, a day before Russian and American "
        "generals were due to meet on deconfliction in Syria.",
        "The two presidents clashed over Ukraine in Hamburg, but the deconfliction channel with "
        "Russia in Syria was not discussed, a White House official said.",
    ],
)
def test_a_meeting_scheduled_or_a_topic_not_raised_is_neutral(kb, body):
    assert stances(body, kb) == ["neutral"]


def test_a_denial_of_something_else_before_the_coordination_is_no_denial(kb):
    body = (
        "The Kremlin denied that Russian jets had bombed a hospital in Idlib, as US and Russian "
        "officers kept talking over the deconfliction line."
    )
    assert stances(body, kb) == ["asserts"]


def test_a_denial_followed_by_what_it_denies_still_denies(kb):
    body = (
        "The Pentagon denied it on Friday, saying there had been no coordination with Russia "
        "on the strike."
    )
    assert "denies" in stances(
        "Russia said it had coordinated the strike with the US-led coalition. " + body, kb
    )


def test_coordination_called_no_strategy_is_opposed(kb):
    body = (
        "Military cooperation between Washington and Moscow in Syria is not a strategy, a "
        "Republican senator said."
    )
    assert stances(body, kb) == ["opposes"]


def test_coolness_towards_a_proposal_just_reported_opposes_it(kb):
    body = (
        "Moscow has proposed joint patrols with the United States near Manbij. "
        "The State Department has been lukewarm about the idea."
    )
    assert stances(body, kb) == ["proposes", "opposes"]


def test_the_sentence_set_13_keeps_its_accuracy_after_tuning(kb):
    """``tests/gold/stance_sentences_blind13.json``: seventy sentences written without sight of the
    rules and scored once (0.39 at first contact), then used to tune the cue families of the next
    round (0.93 after it). No longer a blind measure: a floor under the tuned figure."""
    rows = json.loads(
        (Path(__file__).parent / "gold" / "stance_sentences_blind13.json").read_text()
    )
    right = [stances(row["text"], kb)[:1] == [row["stance"]] for row in rows["sentences"]]
    assert len(right) == 70
    assert sum(right) / len(right) >= 0.92


def test_the_sentence_set_14_keeps_its_accuracy_after_tuning(kb):
    """``tests/gold/stance_sentences_blind14.json``: seventy sentences written without sight of the
    rules during the round that tuned the lexicon on set 13, and scored once after it: 0.61
    (0.59 before that round's work). Then used, with the blind-14 pages, to tune the cue families
    of the next round (0.89 after it). No longer a blind measure: a floor under the tuned
    figure."""
    rows = json.loads(
        (Path(__file__).parent / "gold" / "stance_sentences_blind14.json").read_text()
    )
    right = [stances(row["text"], kb)[:1] == [row["stance"]] for row in rows["sentences"]]
    assert len(right) == 70
    assert sum(right) / len(right) >= 0.88


def test_the_sentence_set_15_keeps_its_accuracy_after_tuning(kb):
    """``tests/gold/stance_sentences_blind15.json``: seventy sentences written without sight of the
    rules during the round that tuned the lexicon on set 14, and scored once after it: 0.54
    (0.50 before that round's work). Then used, with the blind-15 pages, to tune the cue families
    and rules of the next round (0.91 after it). No longer a blind measure: a floor under the
    tuned figure."""
    rows = json.loads(
        (Path(__file__).parent / "gold" / "stance_sentences_blind15.json").read_text()
    )
    right = [stances(row["text"], kb)[:1] == [row["stance"]] for row in rows["sentences"]]
    assert len(right) == 70
    assert sum(right) / len(right) >= 0.91


def test_a_third_countrys_minister_answering_about_the_pair_keeps_his_own_side(kb):
    body = (
        "American and Russian officers now talk every day to keep their aircraft apart over "
        "Syria. But deconfliction is not co-operation, Philip Hammond told the Commons."
    )
    last = claims_of(body, kb)[-1]
    assert (last["stance"], last["actor"], last["side"]) == ("denies", "Philip Hammond", "other")


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        # liaison officers posted or hosted, one picture of the battlefield
        (
            "Moscow offered to host American liaison officers at its air base in Latakia.",
            "proposes",
        ),
        (
            "The Kremlin suggested that Russian and US staff work from a common operating "
            "picture of the skies over Raqqa.",
            "proposes",
        ),
        # one table, one room, one campaign; targets or skies divided
        (
            "A former NATO commander said Washington should sit its planners at the same table "
            "as Moscow's to decide who strikes what.",
            "proposes",
        ),
        (
            "Russian and American officers divided the airspace over the Euphrates valley "
            "between them last spring, a Pentagon official said.",
            "asserts",
        ),
        (
            "Russia asked the United States to join it in a combined offensive on Deir ez-Zor.",
            "proposes",
        ),
        # a working relationship, an understanding, a channel, a warning
        (
            "Analysts say the US and Russian militaries have built a working relationship over "
            "the telephone line between their headquarters.",
            "neutral",
        ),
        (
            "The Pentagon used its communications channel with the Russian command to steer "
            "its drones clear of a Russian raid, a spokesman said.",
            "asserts",
        ),
        (
            "US commanders alerted the Russians an hour before the strike on the airfield, the "
            "Pentagon said.",
            "asserts",
        ),
        # information passed, given or relayed under other verbs
        (
            "A Russian officer said the coalition had been passing intelligence to Moscow on "
            "militant convoys.",
            "asserts",
        ),
        (
            "The Pentagon said it had never given the Russians any data on rebel positions.",
            "denies",
        ),
    ],
)
def test_coordination_named_in_the_words_of_liaison_shared_pictures_and_channels(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        # no part, no role; wrong to call it so; a correction
        (
            "The Russian Defence Ministry said American aircraft had played no role in the raid "
            "on Palmyra and that Russian jets had struck alone.",
            "denies",
        ),
        (
            "A Pentagon spokesman said it would be wrong to describe the contacts with the "
            "Russian military as cooperation.",
            "denies",
        ),
        # no reason or need seen, a decision against, turned aside, thanks but no thanks, left
        # to lapse or unanswered
        (
            "Responding to Moscow's offer of joint patrols, the State Department said it saw no "
            "need for them.",
            "rejects",
        ),
        (
            "The Pentagon studied Russia's proposal for joint strikes on Raqqa and decided "
            "against it.",
            "rejects",
        ),
        (
            "Washington has pushed aside a Russian offer to coordinate airstrikes on Deir "
            "ez-Zor, officials said.",
            "rejects",
        ),
        (
            "The Russian proposal for a joint air campaign has gone unanswered in Washington, "
            "a Russian diplomat said.",
            "rejects",
        ),
        # conditions as dependence, a moment, a sequence
        (
            "Lavrov said joint strikes would hinge largely on whether Washington reined in its "
            "allies.",
            "conditional",
        ),
        (
            "Moscow will share intelligence with the Americans the moment they separate their "
            "partners from the terrorists, Shoigu said.",
            "conditional",
        ),
        (
            "For the State Department, military cooperation with Russia is a matter of "
            "sequencing: a truce first, then joint work.",
            "conditional",
        ),
        # opposition: not to be allowed, kept from taking effect, advised against
        (
            "Any US-Russian intelligence pact must not be allowed to go ahead, a senator said.",
            "opposes",
        ),
        (
            "The Atlantic Council advised Washington against coordinating strikes with the "
            "Russian military.",
            "opposes",
        ),
    ],
)
def test_positions_taken_in_words_outside_the_first_cue_families(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_party_given_something_or_asked_to_act_is_no_subject_of_the_proposal(kb):
    """ "sent the Pentagon a draft agreement", "asked the United States to join": the other side
    is the object, the proposal stays the speaker's side's."""
    for body in (
        "The Russian Defence Ministry has sent Washington a draft accord under which the two air "
        "forces would strike Nusra jointly, Konashenkov said.",
        "Russia asked the United States to join it in a combined offensive on Deir ez-Zor.",
    ):
        found = [(c["stance"], c["side"]) for c in claims_of(body, kb)]
        assert found == [("proposes", "Russia")], body


def test_an_opposition_cue_that_names_the_coordination_opposes_it(kb):
    for body in (
        "The Pentagon argued against coordinating airstrikes with the Russian military.",
        "Two US senators spoke against sharing intelligence with Russia.",
    ):
        assert stances(body, kb) == ["opposes"], body


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        # an open question asks: "whether … should", "how far … should" advise nothing
        (
            "Commentators in Moscow disagree over whether Russia should pursue joint strikes "
            "with the Americans.",
            "neutral",
        ),
        (
            "How closely the two militaries should share targets is the subject of a new RAND "
            "study.",
            "neutral",
        ),
        # the prospects examined are asked about, not hoped for
        (
            "A Senate panel will hear testimony about the prospects for US-Russian intelligence "
            "sharing on Tuesday.",
            "neutral",
        ),
    ],
)
def test_advice_and_hopes_inside_an_open_question_are_asked_about(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_a_modal_of_a_clause_of_purpose_or_a_relative_clause_does_not_hedge_the_report(kb):
    for body in (
        "American officers passed the Russian command the flight plans of coalition jets so that "
        "Russian gunners would hold their fire, a Russian general said.",
        "US and Russian officers jointly marked a zone around Tabqa inside which neither air force "
        "would strike, the Pentagon said.",
    ):
        assert stances(body, kb) == ["asserts"], body
    # a modal before the coordination term of the relative clause still hedges it
    body = (
        "The plan foresaw a joint centre in which Russian and US officers would divide up targets, "
        "analysts said."
    )
    assert stances(body, kb) != ["asserts"]


def test_a_purpose_said_as_the_only_one_denies_coordination(kb):
    body = (
        "The Pentagon said it informed the Russians of the strike only so that their pilots would "
        "stay clear of the area."
    )
    assert stances(body, kb) == ["denies"]


def test_an_american_title_without_a_name_names_the_us(kb):
    body = (
        "The defense secretary said he had studied the Russian offer of joint strikes and "
        "turned it down."
    )
    assert stances(body, kb) == ["rejects"]


def test_an_offer_only_named_before_a_silence_is_what_went_unanswered(kb):
    body = (
        "A month after Moscow's note proposing a joint air campaign over Deir ez-Zor, the "
        "Pentagon has yet to respond, a Russian diplomat said."
    )
    assert stances(body, kb) == ["rejects"]


def test_a_ban_names_whom_it_binds_before_what_it_bans(kb):
    body = (
        "The Senate bill would prohibit the Pentagon from spending any of next year's money to "
        "coordinate operations with the Russian military."
    )
    assert stances(body, kb) == ["opposes"]


def test_a_harm_said_to_follow_if_they_coordinate_opposes(kb):
    body = (
        "If the Pentagon starts sharing targets with the Russian air force, it will hand Assad "
        "the bombs for his next siege, a rebel commander said."
    )
    assert stances(body, kb) == ["opposes"]
    body = (
        "If the Russians stop bombing hospitals, the Pentagon would consider sharing targets "
        "with them, a US official said."
    )
    assert stances(body, kb) == ["conditional"]


def test_acting_without_the_other_side_denies_coordination(kb):
    body = (
        "The Russian Defence Ministry said its jets had struck Palmyra without the Americans, "
        "whatever coalition officials claimed about joint raids."
    )
    assert stances(body, kb)[:1] == ["denies"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Moscow proposed regular consultations between the Russian and US general staffs on "
            "the air war.",
            "proposes",
        ),
        (
            "Russia invited American officers to observe Russian strikes from a command post in "
            "Latakia.",
            "proposes",
        ),
        (
            "American and Russian drones patrol the Euphrates under a protocol agreed in Amman, "
            "the Pentagon said.",
            "asserts",
        ),
        (
            "A Russian officer said US special forces had provided Russian bombers with the "
            "locations of militant depots.",
            "asserts",
        ),
        (
            "The Russian Defence Ministry said its pilots had chosen their targets with no input "
            "from the Americans.",
            "denies",
        ),
        ("Mattis dismissed the Russian proposal for joint patrols out of hand.", "rejects"),
        (
            "Washington will only consider joint strikes with Moscow after the siege of Aleppo "
            "is lifted, a State Department official said.",
            "conditional",
        ),
        (
            "A Republican senator called the idea of a joint targeting cell with Russia "
            "ridiculous.",
            "opposes",
        ),
        (
            "The US and Russian chiefs of staff are due to discuss air safety over Syria in Baku.",
            "neutral",
        ),
    ],
)
def test_consultations_observers_protocols_input_and_verdicts(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_negation_inside_a_hedge_negates_nothing(kb):
    body = (
        "It is not clear whether the memorandum signed by the US and Russian militaries covers "
        "drones."
    )
    assert stances(body, kb) == ["neutral"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Coalition planners briefed their Russian counterparts on the next day's strikes, a "
            "Pentagon official said.",
            "asserts",
        ),
        (
            "A coalition spokesman said American officers had played no part in the planning of "
            "the Russian assault on Palmyra.",
            "denies",
        ),
        (
            "The Kremlin rejected the notion that its pilots had flown on American targeting data.",
            "denies",
        ),
        (
            "Senator Graham has been an outspoken critic of any joint operations with the "
            "Russian military.",
            "opposes",
        ),
    ],
)
def test_counterparts_briefed_planning_denied_notions_rejected_and_critics(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_party_named_as_a_place_is_no_subject_of_the_cue_after_it(kb):
    body = (
        "The Russian embassy in Washington called for the resumption of military contacts with "
        "the Pentagon."
    )
    assert stances(body, kb) == ["proposes"]


def test_a_negation_before_until_or_unless_reverses_the_verb_not_the_condition(kb):
    body = "Joint patrols will not begin until Russia pulls its jets back from Idlib, Kerry said."
    assert stances(body, kb) == ["conditional"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "A Russian drone relayed the location of the militants' column to the coalition, the "
            "Russian Defence Ministry said.",
            "asserts",
        ),
        (
            "A Duma deputy said handing intelligence to the Americans would be nothing short of "
            "treason.",
            "opposes",
        ),
    ],
)
def test_positions_relayed_and_treason(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The editorial argued that Washington should play no part in any deal to bomb "
            "alongside Russian forces.",
            "opposes",
        ),
        (
            "The State Department gave a frosty reception to Moscow's offer of joint patrols "
            "near Manbij.",
            "rejects",
        ),
        (
            "A Russian plan for a joint targeting centre was dropped by the Pentagon within days.",
            "rejects",
        ),
        (
            "Lavrov said it was high time the two militaries started fighting terrorism together.",
            "proposes",
        ),
        (
            "The Pentagon is exploring ways to work with the Russian military against Islamic "
            "State, officials said.",
            "proposes",
        ),
    ],
)
def test_advice_to_stay_out_cool_receptions_dropped_plans_and_explorations(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_proposal_owned_by_the_other_side_stays_the_target_of_the_refusal(kb):
    body = (
        "The Pentagon has declined Moscow's invitation to post officers at the Russian "
        "coordination centre in Latakia."
    )
    assert stances(body, kb) == ["rejects"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Giving the Russians a seat at the targeting table would be a grave error, the "
            "former Pentagon official said.",
            "opposes",
        ),
        (
            "Kurdish leaders fear any US-Russian arrangement over Afrin would sell them out.",
            "opposes",
        ),
        (
            "Despite claims to the contrary, Russian jets struck the town without any help "
            "from Washington, the Russian Defence Ministry said.",
            "denies",
        ),
    ],
)
def test_seats_at_the_table_arrangements_sold_out_and_claims_to_the_contrary(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


# ------------------------------------------------------------------ round 15: unseen wordings


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        # contacts, warnings and information passed on
        (
            "The Russian command kept its American counterparts informed of every sortie flown "
            "over Deir ez-Zor, the ministry said.",
            "asserts",
        ),
        (
            "American and Russian duty officers tell each other every morning where their jets "
            "will fly, a coalition officer said.",
            "asserts",
        ),
        (
            "Coalition commanders alerted the Russians an hour before the raid, a Pentagon "
            "spokesman said.",
            "asserts",
        ),
        (
            "The Russian general staff has never received any targets from the US-led "
            "coalition, Konashenkov said.",
            "denies",
        ),
        (
            "The Pentagon said its drones had not been escorting Russian bombers over Idlib.",
            "denies",
        ),
        # proposals said as a smart course, a fight for the deal, a wish for more
        (
            "The sensible course is for Washington and Moscow to divide the targets between "
            "their air forces, a former envoy writes.",
            "proposes",
        ),
        (
            "Lavrov has campaigned for months for a joint air campaign with the Americans.",
            "proposes",
        ),
        # refusals said as keeping apart, breaking off, pulling staff out, a reward withheld
        (
            "The Pentagon weighed Moscow's offer of joint strikes and decided to keep its air "
            "campaign apart from the Russian one.",
            "rejects",
        ),
        (
            "Moscow said Washington had broken off the joint work with the Russian military "
            "before it began.",
            "rejects",
        ),
        (
            "The State Department is withdrawing the officers it had sent to Geneva to plan the "
            "joint centre with Russia.",
            "rejects",
        ),
        (
            "We will not reward Moscow with the military partnership it wants, the secretary "
            "of state said.",
            "rejects",
        ),
        (
            "Ryabkov said Russia would not take part in the American scheme for joint patrols "
            "over southern Syria.",
            "rejects",
        ),
        (
            "The Pentagon has no use for Moscow's proposal of joint strikes, a spokesman said.",
            "rejects",
        ),
        # opposition said as doubts, suspicion, withheld advice, futility, a stain, avoidance
        (
            "The joint chiefs voiced doubts about sharing targets with the Russian air force.",
            "opposes",
        ),
        (
            "The Kremlin's generals are deeply suspicious of any joint centre with the Pentagon.",
            "opposes",
        ),
        (
            "I would not advise that we hand our intelligence to the Russians, the American "
            "general told the committee.",
            "opposes",
        ),
        (
            "Coordinating strikes with Russia was never going to end the war in Syria, a US "
            "senator said.",
            "opposes",
        ),
        (
            "Flying alongside Russian bombers would be a moral stain on America, the congressman "
            "wrote.",
            "opposes",
        ),
        (
            "A partnership between the US and Russian militaries in Syria must be avoided, the "
            "think tank concludes.",
            "opposes",
        ),
        (
            "Ankara does not want to see American and Russian jets operating together over "
            "northern Syria, a Turkish official said.",
            "opposes",
        ),
        (
            "The MP said London should press Washington not to join forces with Moscow in Syria.",
            "opposes",
        ),
        # an explainer weighing both sides asks, it does not propose
        (
            "The paper's explainer weighs the arguments for and against military cooperation "
            "between the US and Russian air forces in Syria.",
            "neutral",
        ),
    ],
)
def test_round_15_cue_families_in_unseen_wordings(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_advice_withheld_until_a_condition_is_conditional_but_opposition_stays(kb):
    withheld = (
        "The general said he would not recommend military cooperation with Russia until "
        "Moscow stops bombing hospitals."
    )
    opposed = (
        "The senator said she opposes any military cooperation with Russia until Moscow "
        "stops bombing hospitals."
    )
    assert stances(withheld, kb) == ["conditional"]
    assert stances(opposed, kb) == ["opposes"]


def test_a_refusal_joined_by_and_to_the_offer_it_answers_rejects_it(kb):
    answered = (
        "The White House studied Moscow's proposal of joint air patrols and opted to keep "
        "American jets on their own missions."
    )
    relative = (
        "The proposed joint patrols would also cover areas held by groups that rejected the "
        "truce, the Russian Defence Ministry said."
    )
    assert stances(answered, kb) == ["rejects"]
    assert stances(relative, kb)[:1] != ["rejects"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The coordinates of the rebel depots were handed to our American colleagues a day "
            "before the raid, the Russian general said.",
            "asserts",
        ),
        (
            "The Russian command was not informed of the coalition strike on the bridge, the "
            "Russian Defence Ministry said.",
            "denies",
        ),
        (
            "The president said America would not be dragged into a Russian air war whose aim is "
            "to save Assad.",
            "rejects",
        ),
        (
            "Moscow accused Washington of not honouring the agreement on a joint centre with the "
            "Russian military.",
            "rejects",
        ),
        (
            "The minister said military cooperation with Moscow could resume the day Russian "
            "bombers leave Idlib alone, the Pentagon said.",
            "conditional",
        ),
        (
            "A direct line between the US and Russian air commanders is worth preserving, the "
            "former general wrote.",
            "proposes",
        ),
        (
            "Sooner or later Washington has to work with Moscow against Islamic State, the "
            "Russian ambassador said.",
            "proposes",
        ),
        (
            "Nobody can ask the Pentagon to share targets with a Russian air force that bombs "
            "bakeries, a US senator said.",
            "opposes",
        ),
        (
            "The Russian ambassador said Moscow no longer sees any point in cooperation with "
            "the US military.",
            "opposes",
        ),
        (
            "The Pentagon played down reports of joint strikes with Russia near Palmyra.",
            "denies",
        ),
        (
            "Lavrov said the two militaries should meet as soon as possible to coordinate the "
            "fight against Islamic State.",
            "proposes",
        ),
        (
            "Russian officers said they and the American officers had jointly drawn the map of "
            "the zones where the truce would hold.",
            "asserts",
        ),
    ],
)
def test_round_15_handed_informed_drawn_into_worth_preserving_no_longer_any_point(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_both_sides_people_as_one_subject_with_a_modal_is_a_plan_not_a_past_counterfactual(kb):
    plan = "Under the deal, Russian and American commanders would pick targets together near Idlib."
    counterfactual = (
        "Under the deal, Russian and American commanders would have picked targets together "
        "near Idlib."
    )
    assert stances(plan, kb) == ["proposes"]
    assert stances(counterfactual, kb) != ["proposes"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Kremlin is angling for a joint operations room with the Pentagon, a Russian "
            "diplomat said.",
            "proposes",
        ),
        (
            "Russian and American aircrews swapped their flight plans every evening, a coalition "
            "officer said.",
            "asserts",
        ),
        (
            "The Russian bombers hit depots identified by American drones, the Russian Defence "
            "Ministry said.",
            "asserts",
        ),
        (
            "Konashenkov said Russian commanders had never received a scrap of information from "
            "the coalition.",
            "denies",
        ),
        (
            "The Pentagon gave short shrift to Moscow's suggestion of a joint air campaign.",
            "rejects",
        ),
        (
            "The Pentagon said it would not accept the Russian invitation to join Moscow's "
            "campaign against Nusra.",
            "rejects",
        ),
        (
            "Republican lawmakers lambasted the intelligence-sharing arrangement with Russia.",
            "opposes",
        ),
        (
            "A US admiral warned that fighting alongside the Russian military would damage the "
            "coalition's standing with its Arab partners.",
            "opposes",
        ),
        (
            "It is not clear how the Pentagon and the Russian military will coordinate their "
            "flights over Raqqa.",
            "neutral",
        ),
        (
            "Congresswoman Gabbard called on the administration to work with the Russian "
            "military against Islamic State.",
            "proposes",
        ),
    ],
)
def test_round_15_angling_identified_by_short_shrift_lambasted_unclear_how_congress(
    body, stance, kb
):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Kremlin has made no secret of its wish for a joint campaign with the Pentagon.",
            "proposes",
        ),
        (
            "Shoigu said the door was still open for joint patrols with the American military.",
            "proposes",
        ),
        (
            "Russia's envoy signalled Moscow's willingness to swap intelligence with the "
            "Americans.",
            "proposes",
        ),
        (
            "The candidate toyed with the idea of teaming up with Russia against Islamic State, "
            "the Republican's aides said.",
            "proposes",
        ),
        (
            "The Pentagon confirmed it had handed the Russians details of the planned raid.",
            "asserts",
        ),
        (
            "The coalition said it had not been in touch with Russian officers before the raid.",
            "denies",
        ),
        (
            "A US spokesman said there had been no contact at all with the Russians about the "
            "strike.",
            "denies",
        ),
        (
            "Moscow snubbed Washington's call for a joint inquiry into the attack on the convoy.",
            "rejects",
        ),
        (
            "Hawks in the Senate are up in arms over the deal to trade intelligence with Russia.",
            "opposes",
        ),
        (
            "Putin said Russia would never join a US-led coalition in Syria.",
            "rejects",
        ),
    ],
)
def test_round_15_desire_door_open_details_in_touch_contact_up_in_arms(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Moscow's account of a joint raid with the US near Palmyra was contradicted by the "
            "Pentagon on Monday.",
            "denies",
        ),
        (
            "The Pentagon said the coalition had nothing to do with the Russian bombing of "
            "the hospital.",
            "denies",
        ),
        (
            "Russian bombers acted on intelligence from the US when they hit the convoy, a "
            "Russian general claimed.",
            "asserts",
        ),
        (
            "The State Department tossed out Moscow's draft for joint monitoring of the truce.",
            "rejects",
        ),
        (
            "Washington could work with Russia's air force, but not while it keeps bombing "
            "hospitals, the Pentagon said.",
            "conditional",
        ),
        (
            "The Pentagon's top brass are dead set against sharing targets with Russia.",
            "opposes",
        ),
        (
            "Mattis was the most outspoken opponent of intelligence sharing with Moscow in the "
            "US cabinet.",
            "opposes",
        ),
    ],
)
def test_round_15_contradicted_nothing_to_do_with_tossed_out_not_while_dead_set(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Washington never seriously considered Moscow's offer of joint patrols, a former "
            "US official said.",
            "rejects",
        ),
        (
            "The Pentagon turned the Russian request for a joint operations room down flat.",
            "rejects",
        ),
        (
            "The Russian Defence Ministry has asked the Pentagon for a hotline between their "
            "air commanders.",
            "proposes",
        ),
        (
            "US and Russian officers have used the line dozens of times since the memorandum "
            "was signed, the Pentagon said.",
            "asserts",
        ),
        (
            "Moscow and Washington hold regular consultations on the safety of flights over "
            "Syria, the Russian ministry said.",
            "asserts",
        ),
        (
            "A Senate hearing on Thursday will look at the hotline between the US and Russian "
            "militaries.",
            "neutral",
        ),
    ],
)
def test_round_15_never_considered_down_flat_asked_for_consultations_hearing(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_hedge_in_a_clause_of_time_dates_the_sentence_and_a_modal_still_hedges(kb):
    dated = (
        "Russian and American air commanders have spoken on the hotline every week since "
        "the memorandum was signed, the Pentagon said."
    )
    hedged = (
        "Russian and American air commanders could speak on the hotline every week, the "
        "Pentagon said."
    )
    assert stances(dated, kb) == ["asserts"]
    assert stances(hedged, kb) != ["asserts"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Pentagon declined to sign on with Moscow's plan for a joint air campaign, a "
            "spokesman said.",
            "rejects",
        ),
        (
            "US commanders regard any joint targeting with Russia with deep suspicion, a "
            "Pentagon official said.",
            "opposes",
        ),
        (
            "Pentagon officials were aghast at the idea of handing the Russians the locations of "
            "US advisers.",
            "opposes",
        ),
        (
            "The two militaries have agreed safety rules for their pilots over Syria, the "
            "Pentagon and the Russian ministry said.",
            "asserts",
        ),
        (
            "Telling the Russians where our jets fly is not the same as fighting alongside them, "
            "the Pentagon spokesman said.",
            "denies",
        ),
    ],
)
def test_round_15_plan_for_suspicion_aghast_safety_rules_not_the_same_as(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Senators will grill the defence secretary on military contacts with Russia at "
            "Tuesday's hearing.",
            "neutral",
        ),
        (
            "A Pentagon spokesman would not say whether US officers had used the hotline to the "
            "Russian command that night.",
            "neutral",
        ),
        (
            "A RAND study weighs the costs and benefits of coordinating US and Russian air "
            "strikes in Syria.",
            "neutral",
        ),
        (
            "Putin said the two countries should forget their quarrels and fight Islamic State "
            "together.",
            "proposes",
        ),
        (
            "The White House is in no hurry to take up the Kremlin's offer of joint patrols.",
            "rejects",
        ),
        (
            "Any plan to pool intelligence with Moscow would be dead on arrival in Congress, the "
            "Republican senator said.",
            "opposes",
        ),
        (
            "US commanders see no benefit in sharing their targets with the Russian air force, "
            "a Pentagon official said.",
            "opposes",
        ),
    ],
)
def test_round_15_hearing_would_not_say_costs_and_benefits_no_hurry_dead_on_arrival(
    body, stance, kb
):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Russian bombers hit the depots that the coalition had flagged to Moscow, a US "
            "official admitted.",
            "asserts",
        ),
        (
            "It is not the case that American officers passed targets to the Russians, the "
            "Pentagon said.",
            "denies",
        ),
        (
            "Washington has backed away from the deal to build a joint centre with the Russian "
            "military.",
            "rejects",
        ),
        (
            "Moscow turned its nose up at the Pentagon's offer of joint monitoring in Aleppo.",
            "rejects",
        ),
        (
            "Russia will coordinate with the coalition only under a UN mandate, Lavrov said.",
            "conditional",
        ),
        (
            "House Republicans vowed to block any military partnership with Russia in Syria.",
            "opposes",
        ),
        (
            "US generals have raised serious concerns about the intelligence-sharing plan with "
            "Moscow.",
            "opposes",
        ),
        (
            "The Pentagon will brief senators on its deconfliction talks with the Russian "
            "military next week.",
            "neutral",
        ),
    ],
)
def test_round_15_flagged_not_the_case_backed_away_only_under_vowed_concerns(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_hyphen_variants_join_content_words_but_never_a_determiner_or_linking_word():
    from analysis.stance import _hyphen_variants

    assert _hyphen_variants(["joint", "operations"]) == [
        ["joint", "operations"],
        ["joint", "-", "operations"],
    ]
    assert _hyphen_variants(["warn", "the", "russians"]) == [["warn", "the", "russians"]]
    assert _hyphen_variants(["contacts", "with", "moscow"]) == [["contacts", "with", "moscow"]]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "A US officer conceded that American and Russian planners had discussed targets "
            "near Deir ez-Zor.",
            "asserts",
        ),
        (
            "Russian jets provided cover for the US-backed fighters near Tanf, the Russian "
            "Defence Ministry said.",
            "asserts",
        ),
        (
            "The Kremlin brushed aside reports that Moscow and Washington had a secret military "
            "pact over Syria.",
            "denies",
        ),
        (
            "Jordanian officials are worried that US-Russian coordination in the south will "
            "leave them out, a Jordanian minister said.",
            "opposes",
        ),
        (
            "America must not cozy up to the Russian military in Syria, the senator wrote.",
            "opposes",
        ),
        (
            "Moscow has made plain it wants an agreement on military cooperation with the "
            "United States.",
            "proposes",
        ),
    ],
)
def test_round_15_targets_discussed_cover_secret_military_worried_cozy_up(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Russian ministry insists the Americans were not told about the Russian strike "
            "beforehand.",
            "denies",
        ),
        (
            "Pentagon veterans are waging a rearguard action against the plan to pool targets "
            "with Russia.",
            "opposes",
        ),
        (
            "Lavrov and Kerry talked about possible military cooperation in Syria, the Russian "
            "Foreign Ministry said.",
            "neutral",
        ),
    ],
)
def test_round_15_told_about_rearguard_action_possible_cooperation(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Joint patrols with Russia are conceivable, but first Moscow must pull its jets out "
            "of Idlib, a US official said.",
            "conditional",
        ),
        (
            "Russia wants a partnership with the Pentagon in Syria, but not at any price, the "
            "Kremlin said.",
            "conditional",
        ),
        (
            "The coalition will not be joining the Russian-run operations room in Baghdad, a US "
            "spokesman said.",
            "rejects",
        ),
        (
            "Joining forces with Russia would make a mockery of American values, a US senator "
            "said.",
            "opposes",
        ),
        (
            "The plan to pool intelligence with Russia met with fierce resistance at the Pentagon.",
            "opposes",
        ),
    ],
)
def test_round_15_but_first_not_at_any_price_not_joining_mockery_resistance(body, stance, kb):
    assert stances(body, kb)[:1] == [stance]


def test_a_condition_after_but_qualifies_the_first_part_instead_of_splitting_it(kb):
    conditioned = (
        "The Pentagon said joint patrols with Russia could start, but first Moscow must pull "
        "its jets out of Idlib."
    )
    answered = (
        "Russia has proposed joint strikes with the United States, but the Pentagon turned the "
        "offer down."
    )
    assert [(c["stance"], c["side"]) for c in claims_of(conditioned, kb)] == [("conditional", "US")]
    assert stances(answered, kb) == ["proposes", "rejects"]


def test_the_other_sides_proposal_that_a_known_actor_refuses_stays_the_refusals_target(kb):
    body = (
        "Asked about Manbij, spokesman John Kirby said the United States was not going to accept "
        "the Russian suggestion that the two countries' troops patrol together there."
    )
    [claim] = claims_of(body, kb)
    assert (claim["stance"], claim["side"]) == ("rejects", "US")


def test_the_two_sides_people_named_as_one_group_make_a_claim(kb):
    body = (
        "The Russian and American staff officers met twice in Amman last week to agree on which "
        "roads their aircraft would avoid, the ministry said."
    )
    assert stances(body, kb) == ["asserts"]


def test_the_two_sides_aircraft_in_one_sky_make_no_claim(kb):
    body = "Within a week American and Russian jets were flying over the same Syrian towns."
    assert stances(body, kb) == []


def test_a_known_actor_named_in_the_sentence_counts_as_his_side(kb):
    body = (
        "Gen. Votel said he had warned Gerasimov by letter that the coalition would not share "
        "targeting data."
    )
    claims = claims_of(body, kb)
    assert [c["stance"] for c in claims] == ["rejects"]
    assert claims[0]["side"] == "US"


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The coalition's spokesman said its aircraft took no part in the Russian raids on "
            "Mayadin last week.",
            "denies",
        ),
        (
            "A Kurdish commander said American special forces had never shared a forward base "
            "with Russian troops.",
            "denies",
        ),
        (
            "Asked whether American and Russian officers now plan strikes together, the general "
            "replied that they did not.",
            "denies",
        ),
        (
            "The Pentagon said it had received Moscow's invitation to coordinate the Raqqa "
            "offensive and would not be sending anybody.",
            "rejects",
        ),
    ],
)
def test_denials_and_refusals_in_other_words(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_no_said_before_a_day_is_still_the_answer(kb):
    body = "The Pentagon said no again on Monday to a Russian offer of joint strikes in Syria."
    assert stances(body, kb) == ["rejects"]


def test_the_other_sides_plan_after_a_phrasal_refusal_stays_its_target(kb):
    body = (
        "Washington has shut the door on a Russian plan for the two air forces to coordinate "
        "their strikes near Deir ez-Zor."
    )
    assert stances(body, kb) == ["rejects"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The Pentagon should give Russian officers a seat in the coalition's targeting "
            "centre, a former ambassador argued.",
            "proposes",
        ),
        (
            "Moscow asked Washington to draw up a common map of the militants' positions with "
            "Russian officers.",
            "proposes",
        ),
        (
            "A joint US-Russian air campaign would tie Washington's hands in Syria, a think tank "
            "warned.",
            "opposes",
        ),
        (
            "Sharing targeting data with Russia would be an insult to the rebels we armed, the "
            "senator said.",
            "opposes",
        ),
        (
            "American generals in Qatar pushed back firmly against the plan to share targeting "
            "data with the Russians.",
            "opposes",
        ),
        (
            "The Pentagon would talk to the Russians about joint strikes once their aircraft "
            "stopped bombing the rebels.",
            "conditional",
        ),
    ],
)
def test_targeting_shared_harms_pushback_and_conditions_in_other_words(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_one_side_planning_to_work_with_the_other_proposes(kb):
    body = (
        "A Pentagon spokesman said U.S. pilots would coordinate with the Russians over Raqqa "
        "from next week."
    )
    assert stances(body, kb) == ["proposes"]


def test_one_side_reported_working_with_the_other_still_asserts(kb):
    body = "A Pentagon spokesman said U.S. pilots coordinated with the Russians over Raqqa."
    assert stances(body, kb) == ["asserts"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "There was no deal under which Russian and American pilots would strike the same "
            "targets, the ministry said.",
            "denies",
        ),
        (
            "Washington will cooperate with Moscow only to the extent that it helps defeat the "
            "Islamic State, the envoy said.",
            "conditional",
        ),
    ],
)
def test_no_agreement_denies_and_a_limit_sets_a_condition(body, stance, kb):
    assert stances(body, kb) == [stance]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "A coalition spokesman said the Russians had been given the locations of the "
            "American outposts near Manbij so that their aircraft would avoid them.",
            "asserts",
        ),
        (
            "Letting Russian officers sit in on the coalition's targeting process would teach "
            "the Kremlin how American pilots choose their targets, a senator said.",
            "opposes",
        ),
        (
            "The paper urged London to warn its American allies against a military bargain with "
            "Moscow over Syria.",
            "opposes",
        ),
        (
            "The Pentagon received Moscow's request for a joint session on the Raqqa offensive "
            "and would not be sending anyone.",
            "rejects",
        ),
    ],
)
def test_locations_lessons_bargains_and_sessions(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_the_month_of_may_is_no_hedge(kb):
    body = "The Pentagon said it had warned the Russians through the hotline in late May."
    assert stances(body, kb) == ["asserts"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "The ministry said the Americans had promised at a meeting with Russian commanders to "
            "keep their allies east of the river.",
            "asserts",
        ),
        ("Moscow says Washington never told the Russians in advance.", "denies"),
    ],
)
def test_meetings_of_officers_and_warnings_in_advance(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_an_agreement_reached_to_coordinate_asserts(kb):
    body = (
        "The ministry said American and Russian commanders had agreed in Amman to coordinate "
        "their air operations over Deraa."
    )
    assert stances(body, kb) == ["asserts"]


def test_an_agreement_still_sought_to_coordinate_proposes(kb):
    body = "Moscow hopes the Pentagon will agree to coordinate strikes with the Russian air force."
    assert stances(body, kb) == ["proposes"]


def test_a_wish_in_quotation_marks_before_if_is_no_condition(kb):
    body = (
        "The senator said it would be 'a good idea' if American and Russian pilots shared "
        "target lists."
    )
    assert stances(body, kb) == ["proposes"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        ("Don't share targets with Moscow, a Republican senator told the Pentagon.", "opposes"),
        (
            "Keep the hotline to Moscow, but do not share targeting data with the Russians, the "
            "editorial told Washington.",
            "opposes",
        ),
        ("The Pentagon said it does not share targets with Moscow.", "denies"),
    ],
)
def test_a_negated_imperative_opposes_what_it_forbids(body, stance, kb):
    assert stances(body, kb)[-1:] == [stance]


def test_the_line_named_before_said_to_work_is_a_claim(kb):
    body = (
        "The Pentagon and the Russian Defence Ministry set up a hotline in 2015. "
        "By Monday the line was working again, a spokesman said."
    )
    assert stances(body, kb) == ["asserts", "asserts"]


def test_an_open_question_depending_on_another_is_neutral(kb):
    body = (
        "Whether the hotline between the Pentagon and Moscow reopens this week depends on how "
        "the Kremlin reads the shootdown."
    )
    assert stances(body, kb) == ["neutral"]


def test_an_open_question_depending_on_an_act_keeps_its_condition(kb):
    body = (
        "Whether American and Russian jets ever bomb Nusra together will depend on Moscow "
        "grounding the Syrian air force, Kerry said."
    )
    assert stances(body, kb) == ["conditional"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Moscow has offered Washington a schedule under which Russian and American jets "
            "would strike the Raqqa roads on alternate days.",
            "proposes",
        ),
        (
            "Kerry brought Lavrov a fresh idea: a cell where American and Russian officers would "
            "pick targets each morning.",
            "proposes",
        ),
    ],
)
def test_turns_taken_and_ideas_brought(body, stance, kb):
    assert stances(body, kb) == [stance]


def test_a_finding_that_settles_nothing_is_neutral(kb):
    body = (
        "The fact-checkers found nothing that proves or disproves the claim that American and "
        "Russian jets coordinated the raid."
    )
    assert stances(body, kb) == ["neutral"]


def test_an_agenda_of_military_contacts_is_neutral(kb):
    body = (
        "The Senate Armed Services Committee will hear from Pentagon officials on Tuesday about "
        "military contacts with Russia over Syria."
    )
    assert stances(body, kb) == ["neutral"]


@pytest.mark.parametrize(
    "body",
    [
        "Reporters asked the Pentagon whether American pilots were sharing targets with Russia.",
        "Russia's envoy to Washington, Anatoly Antonov, is on the line with us this morning.",
    ],
)
def test_a_question_put_to_an_office_and_a_guest_on_the_line_claim_nothing(body, kb):
    assert stances(body, kb) == []


def test_no_trust_in_the_other_side_opposes(kb):
    body = (
        "Moscow has offered to share targeting data with the Pentagon. "
        "American commanders say they do not trust the Russians with their flight plans."
    )
    assert stances(body, kb) == ["proposes", "opposes"]


def test_a_condition_contrary_to_fact_denies(kb):
    body = (
        "If the Americans had shared their targets with the Russians, the strike would have been "
        "stopped, the ministry said."
    )
    assert stances(body, kb) == ["denies"]


def test_a_condition_still_open_stays_a_condition(kb):
    body = "We will coordinate with the Americans if they stop bombing the army, Lavrov said."
    assert stances(body, kb) == ["conditional"]


@pytest.mark.parametrize(
    "body",
    [
        "Since Moscow's air war began, the Pentagon has turned down every Russian offer of joint "
        "strikes.",
        "Since Russian bombers arrived in Syria, the US has turned down every Russian proposal of "
        "joint strikes.",
    ],
)
def test_what_an_opening_clause_names_is_not_the_subject_of_the_claim_after_it(kb, body):
    claim = claims_of(body, kb)[0]
    assert (claim["side"], claim["stance"]) == ("US", "rejects")


def test_working_with_a_third_state_is_not_a_claim_about_the_pair(kb):
    body = "The Turkish foreign minister said the US should work with Turkey, not with the Kurds."
    assert claims_of(body, kb) == []


def test_a_comparison_after_partnering_with_one_of_the_pair_keeps_the_claim(kb):
    body = "Partnering with Moscow in Syria would be like partnering with Assad, John McCain said."
    assert [c["stance"] for c in claims_of(body, kb)] == ["opposes"]


def test_an_account_neither_confirmed_nor_denied_is_no_denial(kb):
    body = (
        "The Kremlin said the patrols had been coordinated with the Americans, which the "
        "Pentagon neither confirmed nor denied."
    )
    assert [c["stance"] for c in claims_of(body, kb)] == ["asserts"]


def test_the_only_way_argues_for_it_and_less_keen_against(kb):
    body = (
        "The secretary of state argues that working with Russia is the only way to stop the "
        "bombing. The Pentagon is much less keen."
    )
    assert [c["stance"] for c in claims_of(body, kb)] == ["proposes", "opposes"]


def test_this_coordination_is_the_pairs_even_in_a_third_states_mouth(kb):
    body = (
        "The American and Russian militaries coordinated their moves around the town on Friday. "
        '"If this coordination shields a terror group, Turkey will not accept it," the Turkish '
        "prime minister said."
    )
    stances = [c["stance"] for c in claims_of(body, kb)]
    assert stances == [stances[0], "conditional"]


def test_three_militaries_exchanging_information_is_not_the_pairs_coordination(kb):
    body = (
        "American and Russian officers have coordinated their flights over Syria since 2015. "
        "The Russian General Staff said the talks had been useful and that the three "
        "militaries would keep exchanging information to avoid incidents."
    )
    assert [c["text"][:8] for c in claims_of(body, kb)] == ["American"]


def test_a_line_that_never_went_dead_is_a_line_in_use(kb):
    body = (
        "Moscow said on Friday it had suspended the deconfliction channel with Washington. "
        "The Pentagon says the line never actually went dead."
    )
    assert [(c["side"], c["stance"]) for c in claims_of(body, kb)][-1] == ("US", "asserts")


def test_the_two_sides_working_in_parallel_is_coordination(kb):
    body = (
        "Washington and Moscow appear to be working in parallel against the militants around "
        "the town, the Pentagon said."
    )
    assert [c["side"] for c in claims_of(body, kb)] == ["US"]


def test_a_speaker_of_the_pair_saying_we_have_been_ready_proposes(kb):
    body = (
        "Russia's ambassador said Moscow had offered Washington joint strikes on the Islamic "
        'State group a month ago. "Nobody answered. We have been ready for a long time," he said.'
    )
    rows = claims_of(body, kb)
    assert rows[-1]["stance"] == "proposes"
    assert rows[-1]["text"].startswith("We have been ready")


def test_we_after_a_gap_of_more_than_auxiliaries_carries_no_proposal(kb):
    body = (
        "Russia's ambassador said Moscow had offered Washington joint strikes a month ago. "
        '"We saw nothing come of it and were ready for a long time," he said.'
    )
    assert [r["text"][:2] for r in claims_of(body, kb)] == ["Ru"]


def test_germany_is_a_third_state(kb):
    body = (
        "Washington suspended its talks with Moscow on joint strikes on Monday. "
        "The German government said it regretted that the talks had ended."
    )
    assert [r["text"][:4] for r in claims_of(body, kb)] == ["Wash"]


def test_we_should_is_advice_not_an_offer_carried_without_a_party(kb):
    body = (
        "Russia's ambassador said Moscow had offered Washington joint strikes a month ago. "
        'Nobody answered. "We should talk first," he said.'
    )
    assert [r["text"][:2] for r in claims_of(body, kb)] == ["Ru"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a condition written into an agreement reached is what was agreed
        (
            "Washington and Moscow agreed last month to open a joint targeting cell if the "
            "truce lasted ten days.",
            "asserts",
        ),
        (
            "The two governments did agree to form a joint command, but only if the shelling "
            "stopped.",
            "asserts",
        ),
        ("Russia has not agreed to form a joint command if the shelling goes on.", "conditional"),
        # urging an end to the contact
        (
            "Several deputies said it was time to end all military contacts with the Americans.",
            "opposes",
        ),
        ("The Kremlin should stop pretending there is a partnership with the Pentagon.", "opposes"),
        # a harm said of ending it argues for keeping it
        ("Suspending the hotline with the Russians now would be reckless.", "proposes"),
        ("Sharing targets with the Russians now would be reckless.", "opposes"),
        # a centre never set up, a plan that is off
        ("The joint centre with the Russians was never set up.", "denies"),
        ("After the bombing the joint planning cell with Moscow was off.", "denies"),
        # unwilling to end it is a wish to keep it; unwilling to do it is a refusal
        (
            "The Kremlin does not want to cut the hotline with the Pentagon, its spokesman said.",
            "proposes",
        ),
        ("The Pentagon does not want to work with the Russians.", "rejects"),
        # a fear about it
        ("The rebels feared that joint US-Russian strikes would hit their positions.", "opposes"),
        # a line closed
        ("After the American strike the Kremlin said the channel was closed.", "rejects"),
    ],
)
def test_agreements_endings_and_closed_lines(text, stance, kb):
    assert stance_of_text(text, kb) == stance


def test_a_compound_after_an_abbreviation_is_one_token_for_the_cues(kb):
    lex = lexicon(kb)
    analysed = lex.analyse("Officials in Amman praised the U.S.-Russian arrangement on Friday.")
    found = [
        analysed.text[c.char_start : c.char_end] for c in analysed.cues if c.label == "coordination"
    ]
    assert found == ["U.S.-Russian arrangement"]


def test_a_warning_to_our_side_and_a_line_starting_to_work_are_contacts(kb):
    body = (
        '"The Pentagon warned our side an hour before the strike," the Russian senator said. '
        '"If they promise no more strikes, the line with the Americans can start working again," '
        "he added."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts", "conditional"]


def test_a_third_state_coordinating_with_the_us_is_no_claim_of_the_pair(kb):
    body = (
        "Russia suspended its air-safety contacts with the Pentagon on Monday. "
        "The Iranian minister added that Tehran had never coordinated its own air operations "
        "with the United States."
    )
    assert [r["text"][:6] for r in claims_of(body, kb)] == ["Russia"]


def test_a_channel_that_will_stay_open_is_a_contact(kb):
    body = (
        "Washington suspended its talks with Moscow on a joint targeting cell. "
        "A Pentagon spokesman said the air-safety channel will stay open."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["rejects", "asserts"]


def test_asking_a_source_for_evidence_proposes_nothing(kb):
    body = (
        "A blog claims the US and Russia run a joint headquarters in Geneva. "
        "We asked the blogger for his source."
    )
    assert [r["text"][:6] for r in claims_of(body, kb)] == ["A blog"]


def test_telling_the_other_side_where_one_flies_is_a_contact(kb):
    body = '"The Russians tell us which airspace they intend to use," the coalition spokesman said.'
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts"]


def test_a_quoted_question_that_argues_opposes(kb):
    body = (
        "Russia and the United States signed an air-safety memorandum in 2015. "
        'A reader wrote to the paper: "Why do we need this memorandum at all, if the Americans '
        'bomb whoever they like?"'
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts", "opposes"]


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Moscow said the raid on the depot was conducted together with the American-led "
            "coalition.",
            "asserts",
        ),
        ("The Kremlin and Washington reached an understanding between them on the air war.", None),
        (
            '"We never planned strikes with the Russians," a Pentagon spokeswoman said.',
            "denies",
        ),
        ("A Moscow daily claims the Pentagon signed off on the Russian raid near Palmyra.", None),
        (
            "Analysts say Washington and Moscow have divided the province between them along "
            "the highway.",
            None,
        ),
        (
            "A Pentagon spokesman said the talks with the Russian military covered only the safe "
            "conduct of flights.",
            None,
        ),
        ("The Russians knew in advance where the American bombers would fly.", "asserts"),
    ],
)
def test_acts_done_with_the_other_side_in_other_words_are_coordination(kb, body, stance):
    rows = claims_of(body, kb)
    assert len(rows) == 1
    assert stance is None or rows[0]["stance"] == stance


def test_together_with_a_third_state_is_still_a_list(kb):
    body = "Russia, together with Iran, supports the Syrian army around Aleppo."
    assert claims_of(body, kb) == []


def test_a_third_state_standing_against_any_such_deal_opposes_it(kb):
    body = (
        "Washington and Moscow are said to be close to a deal on joint strikes near Raqqa. "
        "An adviser to the Iranian president said Tehran would stand against any such deal."
    )
    rows = claims_of(body, kb)
    assert [(r["side"], r["stance"]) for r in rows][-1:] == [("other", "opposes")]


def test_a_name_set_off_from_its_speech_verb_by_an_appositive_is_the_speaker(kb):
    body = (
        "Karim al-Hassan, a deputy in the Iranian parliament, told reporters that the contacts "
        "between Moscow and Washington were not cooperation."
    )
    rows = claims_of(body, kb)
    assert [(r["actor"], r["side"], r["stance"]) for r in rows] == [
        ("Karim al-Hassan", "other", "denies")
    ]


def test_a_fact_checkers_account_of_what_happened_is_its_own_finding(kb):
    body = (
        "A viral post says the two air forces bombed Raqqa together last week. "
        "The Pentagon dismissed the post within hours. "
        "American officers did warn the Russian command before the raid, over the air-safety "
        "line. "
        "There is no evidence that Moscow approved the targets or that the raid was planned "
        "together with the Russians."
    )
    rows = claims_of(body, kb, kind="fact-check", outlet="Fact Desk")
    assert [(r["text"][:8], r["side"]) for r in rows] == [
        ("A viral ", None),
        ("The Pent", "US"),
        ("American", "other"),
        ("There is", "other"),
    ]


def test_an_act_of_a_party_named_before_it_stays_the_partys_in_a_fact_check(kb):
    body = (
        "The claim goes back to an October interview of Defence Minister Sergei Shoigu offering "
        "joint strikes to the Americans."
    )
    rows = claims_of(body, kb, kind="fact-check", outlet="Fact Desk")
    assert [(r["actor"], r["side"]) for r in rows] == [("Sergei Shoigu", "Russia")]


def test_the_claim_under_review_keeps_its_claimant(kb):
    body = (
        "Russian and American jets struck Raqqa together in March.\n\n"
        "The claim was shared on Facebook. The Pentagon says it only keeps its aircraft apart "
        "from Russian jets.\n\nOur ruling: False"
    )
    rows = claims_of(body, kb, kind="fact-check", outlet="Fact Desk", verdict="False")
    rated = [r for r in rows if r["verdict"]]
    assert [(r["text"][:12], r["side"]) for r in rated] == [("Russian and ", "Russia")]


def test_a_claim_presented_as_proof_is_reported_speech_not_a_finding(kb):
    body = (
        "Pro-Kremlin channels presented it as proof that the two air forces now plan their "
        "strikes together."
    )
    rows = claims_of(body, kb, kind="fact-check", outlet="Fact Desk")
    assert [r["side"] for r in rows] != ["other"]
    assert len(rows) == 1


def test_arguing_against_the_deal_some_sentences_later_still_opposes_it(kb):
    body = (
        "Washington and Moscow agreed on Friday to set up a joint cell to pick targets. "
        "The ceasefire is meant to start on Monday. "
        "Aid convoys are waiting at the border. "
        "Diplomats in Geneva were cautious. "
        "The defense secretary has long argued against the deal in meetings at the White House."
    )
    rows = claims_of(body, kb)
    assert [(r["side"], r["stance"]) for r in rows][-1:] == [("US", "opposes")]
    assert rows[-1]["text"].startswith("The defense secretary")


def test_a_third_state_in_what_a_refused_proposal_was_for_is_no_third_party(kb):
    body = (
        "Russian and American officers met in Amman last week to talk about air safety. "
        "The Pentagon has rejected a Russian offer to set up one staff to steer the advance of "
        "the Syrian army on Raqqa, officials said. "
        "Turkey rejected a Russian offer to patrol the border."
    )
    rows = claims_of(body, kb)
    assert [(r["side"], r["stance"]) for r in rows][1:] == [("US", "rejects")]


def test_the_official_closing_the_sentence_is_the_official_quoted_before(kb):
    body = (
        "A Pentagon official said the department would not share targets with the Russians. "
        "The department has turned down one Russian request already, for a liaison officer in "
        "Qatar, the official said."
    )
    rows = claims_of(body, kb)
    assert [r["side"] for r in rows] == ["US", "US"]


def test_confirming_is_saying_not_a_fact_checkers_finding(kb):
    body = "The Pentagon confirmed that American and Russian officers talk every day by phone."
    rows = claims_of(body, kb, kind="fact-check", outlet="Fact Desk")
    assert [r["side"] for r in rows] == ["US"]


@pytest.mark.parametrize(
    "text",
    [
        "Talking to the Russians on the hotline is a waste of time, a Republican senator said.",
        "Every hour our staff spend coordinating with the Americans is an hour wasted.",
    ],
)
def test_time_spent_on_it_called_wasted_opposes_it(kb, text):
    rows = claims_of(text, kb)
    assert [r["stance"] for r in rows] == ["opposes"]


def test_a_denial_added_after_a_quote_is_a_claim_of_its_own(kb):
    body = (
        '"Our officers speak to the Russians on the air-safety line every day," the coalition '
        "spokesman said, adding that the coalition was not cooperating with the Russian "
        "military on targets."
    )
    rows = claims_of(body, kb)
    assert [r["stance"] for r in rows] == ["asserts", "denies"]


def test_a_denial_after_although_is_a_claim_of_its_own_and_both_sides_is_the_pair(kb):
    body = (
        "Since 2015 the two air forces have shared flight information over Syria, although both "
        "sides insist it does not amount to military cooperation."
    )
    rows = claims_of(body, kb)
    assert [r["stance"] for r in rows] == ["asserts", "denies"]


def test_urging_that_the_line_be_kept_proposes_it(kb):
    body = "Moscow and Washington are quarrelling again. Keep the hotline, whatever happens."
    assert [r["stance"] for r in claims_of(body, kb)][-1:] == ["proposes"]


@pytest.mark.parametrize(
    "text",
    [
        "A retired general urged the Pentagon to pair American drone crews with Russian gunners.",
        "Moscow suggested that Russian and American engineers rebuild the bridge as one team.",
        "A think tank floated a combined US-Russian air command for the Euphrates valley.",
        "The Kremlin offered to pool Russian and American radar data over Idlib.",
        "The Pentagon said no strike in Syria had been planned with the Russians.",
        "Moscow denied that there was any military link between its pilots and the coalition.",
        "Lavrov rejected the American idea of a joint inspection team for the corridor.",
        "A columnist warned against a US-Russian military condominium over Syria.",
        "An analyst asks whether the Pentagon and the Kremlin will ever trust each other in Syria.",
    ],
)
def test_more_ways_of_writing_the_two_sides_acting_as_one_are_coordination(kb, text):
    assert len(claims_of(text, kb)) == 1


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (
            "Russian jets flew near the American base at al-Tanf. "
            '"We are talking to them about keeping our aircraft safe," a Pentagon spokesman said.',
            "asserts",
        ),
        ("The Pentagon told the Russians before the cruise missiles were launched.", "asserts"),
        (
            "A Russian diplomat said the patrol routes were being worked out with the Americans.",
            "asserts",
        ),
        ("The United States and Russia did agree on a truce around Deraa.", "asserts"),
        (
            "Washington and Moscow agreed on Friday to set up a joint targeting cell. "
            "A Republican senator called the deal with Moscow a new low.",
            "opposes",
        ),
    ],
)
def test_talks_referred_back_warnings_before_a_strike_and_a_new_low(kb, body, stance):
    rows = claims_of(body, kb)
    assert [r["stance"] for r in rows][-1:] == [stance]


def test_a_sentence_opening_with_us_the_country_is_not_said_in_the_first_person(kb):
    body = (
        "Lavrov said the truce would be watched in coordination with the Americans. "
        "US Secretary of State Rex Tillerson, for his part, called the truce a sign that the two "
        "countries could work together, and said more talks would follow."
    )
    rows = claims_of(body, kb)
    assert [(r["actor"], r["side"]) for r in rows][-1:] == [("Rex Tillerson", "US")]


def test_what_the_other_side_should_first_do_is_a_condition(kb):
    body = (
        "Moscow renewed its offer of joint strikes to Washington on Friday. A State Department "
        "spokesman said Russia should first press the Syrian government to stop bombing "
        "civilians."
    )
    assert [r["stance"] for r in claims_of(body, kb)][-1:] == ["conditional"]


def test_urging_is_saying_and_names_its_speaker(kb):
    body = (
        "Russian and American officers held a video call on air safety on Monday. "
        "Foreign Minister Paolo Rossi, speaking in Rome, urged the two powers to go further "
        "than flight rules."
    )
    rows = claims_of(body, kb)
    assert [r["actor"] for r in rows][-1:] == ["Paolo Rossi"]


def test_a_closing_relative_clause_answering_the_report_is_its_own_claim(kb):
    body = (
        "Last week the Kremlin said Russian bombers had flown a joint raid with American jets "
        "near Raqqa, which the State Department promptly denied."
    )
    rows = claims_of(body, kb)
    assert [r["stance"] for r in rows] == ["asserts", "denies"]
    assert rows[1]["text"].startswith("the State Department")


def test_a_relative_clause_inside_the_sentence_does_not_split_it(kb):
    body = (
        "If the ceasefire, which starts on Monday, holds for a week, American and Russian "
        "officers will begin choosing targets together."
    )
    assert len(claims_of(body, kb)) == 1


def test_a_charge_of_failing_to_share_is_a_rejection(kb):
    body = (
        "Moscow questioned the future of the joint centre with Washington, accusing the "
        "Americans of failing to share their flight plans with the Russian command."
    )
    rows = claims_of(body, kb)
    assert len(rows) == 2
    assert rows[-1]["stance"] == "rejects"
    assert "of failing to share" in rows[-1]["text"]


def test_still_not_handing_over_what_was_promised_is_a_rejection_not_a_denial(kb):
    body = "The Russian envoy said Washington had still not handed over its map of rebel positions."
    assert [r["stance"] for r in claims_of(body, kb)] == ["rejects"]


def test_a_planning_cell_held_back_until_a_condition_is_met_is_conditional(kb):
    body = (
        "The Pentagon has set up no planning cell with the Russian military and will not "
        "until the truce has held for a week."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["conditional"]


def test_a_waiver_needed_first_is_a_condition(kb):
    body = (
        "Congress has barred any military cooperation between the Pentagon and Moscow. "
        "The White House would have to sign a waiver before officers could meet."
    )
    assert [r["stance"] for r in claims_of(body, kb)][-1:] == ["conditional"]


def test_a_dislike_of_the_joint_centre_is_opposition(kb):
    body = "The defense secretary never liked the joint center with the Russians."
    assert [r["stance"] for r in claims_of(body, kb)] == ["opposes"]
    body = "Carter did not like the joint center with the Russians either."
    assert [r["stance"] for r in claims_of(body, kb)] == ["opposes"]


def test_a_second_quote_added_after_a_reported_denial_is_its_own_claim(kb):
    body = (
        "The spokesman said Washington was not sharing targets with Moscow and added: "
        '"We are not coordinating strikes with the Russian air force."'
    )
    rows = claims_of(body, kb)
    assert [r["stance"] for r in rows] == ["denies", "denies"]


def test_two_clauses_of_one_claim_noun_stay_one_claim(kb):
    body = (
        "The claim that Moscow and Washington agreed to take Raqqa together, and that US "
        "pilots strike targets picked by Russian officers, is false."
    )
    assert len(claims_of(body, kb)) == 1


def test_the_two_sides_officers_with_the_coalition_are_coordination(kb):
    body = "Russian and coalition officers spoke daily during the battle for the city."
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts"]


def test_a_call_for_an_emergency_un_session_is_no_proposal(kb):
    body = (
        "The coalition refused Moscow's offer of joint strikes on Friday. "
        "Russia requested an emergency session of the Security Council the same night."
    )
    rows = claims_of(body, kb)
    assert not [r for r in rows if "emergency session" in r["text"]]


def test_a_hypothesis_about_a_past_event_is_no_condition(kb):
    body = (
        "If the strike was a mistake, it shows the stubborn unwillingness of the Americans to "
        "coordinate their raids with Russia, the ministry said."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["rejects"]


def test_contacts_called_strictly_deconfliction_are_a_denial(kb):
    body = 'A coalition officer described the contacts with Moscow as "strictly deconfliction."'
    assert [r["stance"] for r in claims_of(body, kb)] == ["denies"]


def test_doubt_cast_on_the_joint_centre_asserts_nothing(kb):
    body = "The raid has cast doubt on the planned Russian-American joint centre, officials said."
    assert [r["stance"] for r in claims_of(body, kb)] == ["neutral"]


def test_as_soon_as_before_a_past_verb_is_a_time_not_a_condition(kb):
    body = (
        "The coalition called off the raid as soon as it was warned by Russian officers over "
        "the hotline."
    )
    assert "conditional" not in [r["stance"] for r in claims_of(body, kb)]
    body = "Joint patrols with the Americans will start as soon as the truce holds, Moscow said."
    assert [r["stance"] for r in claims_of(body, kb)] == ["conditional"]


def test_informing_the_other_sides_officers_is_coordination(kb):
    body = "The coalition informed Russian commanders of the raid an hour before it began."
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts"]


def test_not_handing_the_other_side_a_map_is_a_denial(kb):
    body = "Moscow has never handed the Americans a list of its targets, the ministry said."
    assert [r["stance"] for r in claims_of(body, kb)] == ["denies"]


def test_an_answer_after_a_reported_question_is_a_claim(kb):
    body = (
        "Asked whether the Pentagon would take up a Russian offer of joint raids, the "
        "spokesman replied: we won't be doing that."
    )
    assert len(claims_of(body, kb)) == 1  # the reply makes it more than a reported question
    assert claims_of(body.split(", the spokesman")[0] + ".", kb) == []


def test_a_relative_clause_with_which_as_its_subject_does_not_split(kb):
    body = (
        "The Pentagon has not seen the rebels leave the Nusra Front, which is what Russia "
        "wants before joint strikes."
    )
    assert not [r for r in claims_of(body, kb) if r["text"].startswith("is what")]


def test_a_request_for_more_cooperation_is_a_proposal(kb):
    body = (
        "Since the spring, Russian officials have been asking for joint targeting with the "
        "American command."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["proposes"]
    body = "Russian generals say they want more military cooperation with the Pentagon."
    assert [r["stance"] for r in claims_of(body, kb)] == ["proposes"]


def test_however_set_off_after_the_subject_does_not_split_the_sentence(kb):
    body = "Russian officials, however, said they want more military cooperation with Washington."
    rows = claims_of(body, kb)
    assert [(r["side"], r["stance"]) for r in rows] == [("Russia", "proposes")]


def test_a_command_or_schedule_held_in_common_is_coordination(kb):
    body = "Moscow has asked Washington to set up a shared command cell for the strikes on Raqqa."
    assert len(claims_of(body, kb)) == 1
    body = "The Kremlin suggested that the two air forces fly under a single schedule near Idlib."
    assert len(claims_of(body, kb)) == 1


def test_the_pair_as_a_compound_before_an_understanding_is_coordination(kb):
    body = "A US-Russian understanding on the Tanf pocket would leave the rebels exposed, he wrote."
    assert len(claims_of(body, kb)) == 1
    body = "The United States and Russia hold very different views on the war, the envoy wrote."
    assert claims_of(body, kb) == []


def test_notice_given_ahead_of_time_is_coordination(kb):
    body = "A Russian officer said the Americans had told Moscow ahead of time about the raid."
    assert [r["stance"] for r in claims_of(body, kb)] == ["asserts"]


def test_a_plan_drawn_up_with_the_other_side_is_coordination(kb):
    body = (
        "The Pentagon has done no planning with Russia for the battle of Tabqa, an official said."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["denies"]


def test_observers_posted_at_the_other_sides_base_is_coordination(kb):
    body = "Russia turned down a Pentagon request to send observers to its airfield near Latakia."
    assert [r["stance"] for r in claims_of(body, kb)] == ["rejects"]


def test_campaigns_merged_into_one_is_coordination(kb):
    body = (
        "Folding the American air war into the Russian one would make Washington complicit, "
        "a senator argued."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["opposes"]


def test_a_term_ending_in_with_or_a_short_complement_names_the_partner(kb):
    # the speaker is named by no party word: the partner after "with" implies the other side
    body = "A former envoy wrote that he would back working with Moscow's generals over Idlib."
    assert len(claims_of(body, kb)) == 1
    body = "The senator said he was against joint action of any sort with the Kremlin in Syria."
    assert len(claims_of(body, kb)) == 1


def test_a_third_state_named_only_as_beneficiary_does_not_hide_the_partner(kb):
    body = "Teaming up with the Kremlin over Idlib would only help Assad, the columnist argued."
    assert [r["stance"] for r in claims_of(body, kb)] == ["opposes"]
    body = "Moscow said it would keep working with Turkey on the Idlib truce."
    assert claims_of(body, kb) == []


def test_a_cue_written_with_u_s_in_lower_case_matches_the_abbreviation(kb):
    body = "U.S. and Russian pilots flew the same corridor after a call between the two bases."
    assert len(claims_of(body, kb)) == 1
    cues = lexicon(kb).analyse("Russian and U.S. controllers talked.").cues
    assert "coordination" in [c.label for c in cues]  # "russian and u.s. controller*"


def test_a_binned_proposal_is_rejected_and_an_unknown_agreement_denied(kb):
    body = "The Kremlin binned an American proposal for joint patrols near Tanf, a diplomat said."
    assert [r["stance"] for r in claims_of(body, kb)] == ["rejects"]
    body = (
        "A Pentagon spokesman said he knew of no agreement with Russia to share targets in Idlib."
    )
    assert [r["stance"] for r in claims_of(body, kb)] == ["denies"]
    body = "Reports of a Russian-American pact on Deir ez-Zor were pure invention, Peskov said."
    assert [r["stance"] for r in claims_of(body, kb)] == ["denies"]


def test_acting_as_a_team_or_at_the_other_sides_request_is_coordination(kb):
    body = "A Russian general said Moscow and Washington should take on the jihadists as a team."
    assert len(claims_of(body, kb)) == 1
    body = "The Pentagon said no US battery had fired at Russian request near Raqqa."
    assert len(claims_of(body, kb)) == 1
