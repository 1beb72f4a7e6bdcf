"""Turn labels that end in a full stop: what they read and what they leave alone."""

import pytest

from analysis.knowledge import load_knowledge
from analysis.metadata import is_transcript
from analysis.quotes import extract_quotes
from analysis.turns import RECORD_LABEL


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        (
            "A. I. Antonov, Deputy Minister of Defence of the Russian Federation. Esteemed deputies.",
            "A. I. Antonov, Deputy Minister of Defence of the Russian Federation",
        ),
        ("A. I. Antonov. It is not true.", "A. I. Antonov"),
        (
            "L. I. Kalashnikov, Communist Party of the Russian Federation faction. Why?",
            "L. I. Kalashnikov, Communist Party of the Russian Federation faction",
        ),
        ("V.V. Zhirinovsky. No joint centres!", "V.V. Zhirinovsky"),
        (
            "L. I. Kalashnikov, Communist Party faction, Chairman of the Committee on CIS Affairs. "
            "Why?",
            "L. I. Kalashnikov, Communist Party faction, Chairman of the Committee on CIS Affairs",
        ),
        ("Presiding officer. Thank you. Questions, please.", "Presiding officer"),
        ("Chairman. The next question.", "Chairman"),
    ],
)
def test_a_translated_russian_records_labels_end_in_a_full_stop(paragraph, label):
    match = RECORD_LABEL.match(paragraph)
    assert match is not None
    assert match.group("label") == label


@pytest.mark.parametrize(
    "paragraph",
    [
        "A. I. Antonov said the line to Hmeymim was still in use. He gave no details.",
        "A. I. Antonov, who spoke first, denied it. The deputies applauded.",
        "U.S. Navy. The carrier sailed on Monday.",
        "A. Background. The war began in 2011.",  # a list item: one initial
        "Presiding officers rotate every hour.",
        "Presiding officer.",  # a line alone, nothing after it
    ],
)
def test_sentences_and_list_items_are_no_full_stop_labels(paragraph):
    assert RECORD_LABEL.match(paragraph) is None


def test_a_record_whose_turns_end_their_labels_in_full_stops_is_a_transcript():
    body = "\n\n".join(
        [
            "Presiding officer. Colleagues, we move on to the government hour.",
            "A. I. Antonov, Deputy Minister of Defence. Esteemed deputies, we offered joint work.",
            "Presiding officer. Thank you. Questions, please.",
            "V. A. Shamanov, Chairman of the Committee on Defence. Is that true?",
            "A. I. Antonov. It is not true.",
        ]
    )
    assert is_transcript(body)


def test_a_report_with_an_initialled_name_in_one_paragraph_is_no_transcript():
    body = "\n\n".join(
        [
            "Moscow said on Monday it was ready to resume military contacts with Washington.",
            "A. I. Antonov, Deputy Minister of Defence. That was the signature under the letter.",
            "The Pentagon did not reply to a request for comment.",
        ]
    )
    assert not is_transcript(body)


@pytest.mark.parametrize(
    ("host", "guest", "speakers"),
    [
        ("N. PETROVA", "A. GRIGORIEV", ["N. Petrova", "A. Grigoriev"]),
        # the initial printed against the surname names the same speaker
        ("N.PETROVA", "F.KLINTSEVICH", ["N. Petrova", "Frants Klintsevich"]),
    ],
)
def test_a_translated_interviews_initial_and_capitalised_surname_labels_are_turns(
    host, guest, speakers
):
    body = (
        f"{host}: Good evening. Did the talks give our military anything?\n\n"
        f"{guest}: Something, yes. The line is open again.\n\n"
        f"{host}: On what terms?\n\n"
        f"{guest}: No more strikes on government forces."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], load_knowledge())
    assert [r["speaker"] for r in rows] == speakers * 2
    assert rows[-1]["text"] == "No more strikes on government forces."


def test_a_magazine_interviews_bold_names_without_colon_are_turns():
    body = (
        "The minister received us in his office.\n\n"
        "**Rundschau** Minister, is the channel with the Pentagon still open?\n\n"
        "**Lavrov** Yes, our officers speak to theirs every day.\n\n"
        "**Rundschau** And the joint center?\n\n"
        "**Lavrov** That depends on Washington, not on us.\n\n"
        "This interview was shortened for print."
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], load_knowledge(), head=("Rundschau Weekly",))
    assert [r["speaker"] for r in rows] == ["reporter", "Sergey Lavrov"] * 2
    assert rows[1]["text"] == "Yes, our officers speak to theirs every day."
    assert rows[-1]["text"] == "That depends on Washington, not on us."


def test_a_storys_bold_lead_ins_are_no_turns():
    body = (
        "**Update** The ministry has confirmed that the channel will stay open for now.\n\n"
        "**Analysis** Both militaries want the line, whatever their governments say in public.\n\n"
        "**Update** A second call took place on Friday, officials said."
    )
    assert extract_quotes({"doc_id": "t"}, body, [], load_knowledge()) == []


def test_a_television_transcripts_translated_captions_and_unnamed_questioner():
    body = (
        "DANIEL ROSS, HOST: Moscow answered within the hour.\n\n"
        "(BEGIN VIDEO CLIP)\n\n"
        "VITALY CHURKIN, RUSSIAN AMBASSADOR TO THE UNITED NATIONS (through translator): Nobody "
        "checked the target.\n\n"
        "UNIDENTIFIED MALE: Ambassador, will you still work with the Americans?\n\n"
        "CHURKIN: We have no other choice.\n\n"
        "(END VIDEO CLIP)\n\n"
        "FYODOR LUKYANOV, EDITOR, RUSSIA IN GLOBAL AFFAIRS: Thank you for having me.\n\n"
        "ROSS: Is the deal finished?"
    )
    rows = extract_quotes({"doc_id": "t"}, body, [], load_knowledge())
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("Moscow answered within the hour.", "Daniel Ross"),
        ("Nobody checked the target.", "Vitaly Churkin"),
        ("Ambassador, will you still work with the Americans?", "reporter"),
        ("We have no other choice.", "Vitaly Churkin"),
        ("Thank you for having me.", "Fedor Lukyanov"),
        ("Is the deal finished?", "Daniel Ross"),
    ]
