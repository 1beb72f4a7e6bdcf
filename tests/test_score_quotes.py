"""Quote extraction scored against the hand-annotated gold; fails when a score drops below its floor.

Floors were set from measurement (see the README's quotes section) with a margin for changes in
the clean stage: every score was 1.0 on the tuned set after tuning; the first documents held out
scored overlap recall 1.0 / speaker 0.92 before tuning, the second batch overlap recall 0.89 /
speaker 0.76 before the fixes it prompted; the fourth batch ("blind-4", the ``blind_*`` pages: wire,
Russian agency, Pentagon transcript, fact-check, op-ed, state agencies, think tank, digest) overlap
recall 1.0 / precision 0.92 / exact F1 0.90 / speaker 0.76 on its first run; the fifth
(``blind_b5_*``, written after the batch-4 fixes) overlap recall 0.94 / precision 1.0 / speaker 1.0;
the sixth (``blind_b7_*``, 28 quotes: wire, TASS, White House transcript, PolitiFact, commentary)
overlap recall 1.0 / precision 0.97 / exact F1 0.74 / speaker 0.64 on its first run (the White
House turn label "Q" has no colon, so reporters' turns were read as the press secretary's).
"""

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.evaluate.quotes import load_gold, score
from analysis.knowledge import load_knowledge
from analysis.tables import build_table

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "quotes.json"
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"

FLOORS = {
    "exact_f1": 0.85,
    "overlap_recall": 0.9,
    "overlap_precision": 0.9,
    "speaker_accuracy": 0.9,
}


@pytest.fixture(scope="module")
def corpus():
    gold_docs = {row["doc_id"] for row in load_gold(GOLD)["quotes"]}
    paths = [
        p
        for p in [
            *ROOT.joinpath("seeds").glob("*.txt"),
            *FIXTURES.glob("quotes_*.txt"),
            *FIXTURES.glob("blind_*.txt"),
            *FIXTURES.glob("dev20q_*.txt"),
        ]
        if p.stem in gold_docs
    ]
    return load_corpus(sorted(paths))


def check_floors(result: dict) -> None:
    assert result["gold"] > 0
    assert result["exact"]["f1"] >= FLOORS["exact_f1"], result
    assert result["overlap"]["recall"] >= FLOORS["overlap_recall"], result
    assert result["overlap"]["precision"] >= FLOORS["overlap_precision"], result
    assert result["speaker_accuracy"] >= FLOORS["speaker_accuracy"], result


def test_all_gold_documents_score_above_the_floors(corpus):
    result = score(corpus, GOLD)
    assert result["missing_from_body"] <= 2, result  # 000's "Related" list may be furniture
    check_floors(result)


def test_held_out_documents_score_above_the_floors(corpus):
    heldout = load_gold(GOLD)["heldout"]
    assert len(heldout) >= 5
    check_floors(score(corpus, GOLD, heldout))


# Floors of the later held-out batches (pages, gold quotes, floors), under their measured scores:
# the sixth (``blind_b7_*``, first run in the module docstring, raised after the fixes it
# prompted), the seventh (``blind_b8_*``, held out until scored once: first run overlap recall
# 1.0, exact F1 1.0, speaker 0.96), the eighth (``blind_b9_*``, scored once: recall 1.0, exact F1
# 0.96, speaker 0.89) and the ninth (``blind_b10_*``, scored once: recall 1.0, exact F1 1.0,
# speaker 0.85; 0.92 once the hearing's senators were added to the actors file) and the tenth
# (``blind_b11_*``, scored once: recall 0.97, exact F1 0.97, speaker 0.65; 0.82 once an anonymous
# briefer's label gave the head noun "official") and the eleventh (``blind_b12_*``, scored once:
# overlap recall 0.93, exact F1 0.86, speaker 0.62: Hansard turns "Mr Hammond:" and an
# interviewer's turns under the outlet's name not read as turn labels; 0.98 / 0.96 / 0.97 once
# they were) and the twelfth (``blind_b13_*``, scored once: overlap recall 0.73, exact F1 0.84,
# speaker 0.93: the Congressional Record's "Mr. McCAIN." turns not read as turns; 1.0 / 1.0 /
# 0.97 once they were, with a claim box's "Source:" line naming its speaker) and the thirteenth
# (``blind_b14_*``, scored once: overlap recall 1.0, exact F1 0.94, speaker 0.58: a UN record's
# "The President:" and "Mr. de Mistura:" turns, ambassadors unknown to the actors file; 1.0 / 1.0
# / 0.92 after the fixes they prompted) and the fourteenth (``blind_b15_*``, scored once at the
# end of the round that added timestamped and "Q. … A." turns and appositive experts: overlap
# recall 1.0, exact F1 1.0, speaker 0.87; the round's start code: speaker 0.70; 1.0 once a claim
# box's source named a page in quotation marks, a colon introduction without a speech verb, a
# speaker after "and" closing another speech clause, "he" after "The official …" and "the
# statement said" were read) and the fifteenth (``blind_b16_*``, 44 quotes, scored once: overlap
# recall 0.61, exact F1 0.75, speaker 0.89: a translated State Duma record's turn labels ending in
# a full stop ("A. I. Antonov, Deputy Minister …." / "Presiding officer.") not read as turns, a
# forum post's ">" block quotations not read, a claim box's "CLAIMED BY:" above the claim, "Wang"
# for "Wang Jin"; after the fixes overlap recall 1.0, precision 0.98, exact F1 0.99, speaker 1.0).
BATCH_FLOORS = {
    "blind_b7_": (5, 28, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    "blind_b8_": (5, 27, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.9}),
    "blind_b9_": (6, 38, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.9, "speaker": 0.85}),
    "blind_b10_": (6, 39, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.9}),
    "blind_b11_": (6, 35, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.8}),
    "blind_b12_": (6, 40, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.9, "speaker": 0.95}),
    "blind_b13_": (6, 40, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.9}),
    "blind_b14_": (6, 38, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.9}),
    "blind_b15_": (6, 45, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    "blind_b16_": (6, 44, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # first contact: exact F1 0.88, overlap recall 0.95, precision 0.93, speaker 0.86; after the
    # broadcast guest's labels, a post's labelled statement and the attribution fixes: exact F1
    # 0.97, recall 0.98, precision 0.96, speaker 0.98
    "blind_b17_": (6, 44, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # first contact: exact F1 0.93, overlap recall 0.98, precision 0.90, speaker 0.58 (an
    # interview's "HOST:" not the interviewer its introduction names, the guest's name taken with
    # the country before its comma, a share bar and teasers read as turns, a block quotation under
    # "Quote from …" credited to "Quote"); after the fixes: exact F1 0.99, recall 1.0, precision
    # 0.98, speaker 1.0
    "blind_b18_": (6, 44, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # first contact: exact F1 0.98, overlap recall 0.98, precision 0.98, speaker 0.88 (a colon
    # introduction's "he" read where the quotation opens, not under "The secretary of state …";
    # a post "published on a page called …" that "reads:"; a joint statement issued by whom
    # "their governments" stands for; a thread's "3/" taken for a speaker); after the fixes:
    # exact F1 0.98, recall 0.98, precision 0.98, speaker 1.0 (a fact-check's headline claim,
    # not in the body, and a moderator's "Last question, …" turn left)
    "blind_b19_": (6, 44, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # first contact: exact F1 0.99, overlap recall 0.98, precision 1.0, speaker 0.84 (a claim
    # box's claimant on an unlabelled line below the claim, and "He said" after "We asked
    # Mthembu …" read as the last speaker; "On 3 October the US state department said"; the name
    # after "Secretary of Iran's Supreme National Security Council" taken with the council;
    # Interfax credited with words it reports the Defence Ministry's; a listener's question read
    # out in a radio host's turn missed); after the fixes: exact F1 1.0, recall 1.0, precision
    # 1.0, speaker 1.0
    "blind_b20_": (6, 44, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # development pages, not held out (written for attribution styles no fixture had, annotated
    # before the first run): first run exact F1 0.75, overlap recall 0.67, precision 1.0, speaker
    # 0.51 (bold-name interview turns, German low-high marks, corner brackets and dash dialogue,
    # a caption's "(through translator)", "Carter's message was blunt:", two Ivanovs); after the
    # fixes: exact F1 1.0, recall 1.0, precision 1.0, speaker 0.85 (a live blog's bold leads,
    # which the cleaned body drops, and "officials at CENTCOM … they said" left); 0.88 once "the
    # foreign ministry's reply" and "As he put it" after "Secretary of State John Kerry, …" were
    # read
    "dev20q_": (6, 67, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.85}),
    # scored once at the end of the round that fixed batch 20: exact F1 0.98, overlap recall
    # 1.0, speaker 0.83 (the round's start code: 0.48); left then: a post's text in a claim box
    # credited on the line under it, "At his annual press conference last week the foreign
    # minister said", "what Konashenkov actually said", a short phrase between commas in an
    # "According to him" sentence; after the fixes: exact F1 1.0, recall 1.0, precision 1.0,
    # speaker 1.0
    "blind_b21_": (6, 29, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.95, "speaker": 0.95}),
    # first contact: exact recall 0.93, overlap recall 0.95, speaker 0.72 (an anchor's surname
    # label given the name "I'm Jake Tapper" from his introduction, a senator labelled with party
    # and state not read as a turn, a viral message as the speaker of its claim, "Quoting the
    # statement:" before a block quotation, "The spokesperson added that … continued “…”");
    # after the fixes: exact F1 0.98, recall 1.0, precision 0.95, speaker 1.0 (a guest's "Thank
    # you." turn and a four-word phrase the gold reads as scare quotes left)
    "blind_b22_": (6, 41, {"exact_f1": 0.95, "recall": 0.95, "precision": 0.9, "speaker": 0.95}),
}


@pytest.mark.parametrize("prefix", sorted(BATCH_FLOORS))
def test_later_held_out_batches_score_above_their_own_floors(corpus, prefix):
    n_pages, n_gold, floors = BATCH_FLOORS[prefix]
    gold = load_gold(GOLD)
    pages = set(gold["heldout"]) | {row["doc_id"] for row in gold["quotes"]}
    batch = sorted(doc_id for doc_id in pages if doc_id.startswith(prefix))
    assert len(batch) == n_pages
    result = score(corpus, GOLD, batch)
    assert result["gold"] == n_gold
    assert result["exact"]["f1"] >= floors["exact_f1"], result
    assert result["overlap"]["recall"] >= floors["recall"], result
    assert result["overlap"]["precision"] >= floors["precision"], result
    assert result["speaker_accuracy"] >= floors["speaker"], result


def fake_corpus(body: str, rows: list[dict]) -> SimpleNamespace:
    documents = pd.DataFrame({"doc_id": ["d"], "body": [body]})
    return SimpleNamespace(
        documents=documents, quotes=build_table("quotes", rows), knowledge=load_knowledge()
    )


def quote_row(n: int, start: int, end: int, body: str, speaker: str) -> dict:
    return {
        "quote_id": f"d:q{n}",
        "doc_id": "d",
        "speaker": speaker,
        "text": body[start:end],
        "start": start,
        "end": end,
        "direct": True,
    }


def test_exact_and_overlap_measures_differ_on_a_partial_span(tmp_path):
    body = "“We are not coordinating with Russia,” Davis said. “Nor will we,” Toner said."
    gold = tmp_path / "gold.json"
    gold.write_text(
        '{"quotes": ['
        '{"doc_id": "d", "text": "We are not coordinating with Russia,", "speaker": "Jeff Davis", "direct": true},'
        '{"doc_id": "d", "text": "Nor will we,", "speaker": "Mark Toner", "direct": true}]}',
        encoding="utf-8",
    )
    first = body.index("We are")
    partial = quote_row(1, first, first + len("We are not coordinating"), body, "Capt. Jeff Davis")
    result = score(fake_corpus(body, [partial]), gold)
    assert result["exact"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert result["overlap"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert result["speaker_accuracy"] == 1.0  # "Capt. Jeff Davis" canonicalises to "Jeff Davis"


def test_wrong_speaker_lowers_speaker_accuracy_only(tmp_path):
    body = "“Nor will we share any targets,” Toner said."
    gold = tmp_path / "gold.json"
    gold.write_text(
        '[{"doc_id": "d", "text": "Nor will we share any targets,", "speaker": "Mark Toner", "direct": true}]',
        encoding="utf-8",
    )
    start = body.index("Nor")
    row = quote_row(1, start, start + len("Nor will we share any targets,"), body, "John Kerry")
    result = score(fake_corpus(body, [row]), gold)
    assert result["exact"]["f1"] == 1.0
    assert result["speaker_accuracy"] == 0.0


def test_gold_text_not_in_the_body_is_counted_apart(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(
        '[{"doc_id": "d", "text": "absent words here", "speaker": "x", "direct": true}]',
        encoding="utf-8",
    )
    result = score(fake_corpus("Nothing quoted.", []), gold)
    assert result["missing_from_body"] == 1
    assert result["gold"] == 0
