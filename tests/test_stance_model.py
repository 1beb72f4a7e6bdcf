"""The stance model: its reader agrees with scikit-learn, its file follows the gold, and it is
combined with the rules as documented; held-out sentence sets keep their first-contact level."""

from __future__ import annotations

import dataclasses
import json
import tomllib
from pathlib import Path

import numpy as np
import pytest

from analysis import load_corpus
from analysis.evaluate.training import (
    gold_examples,
    sentence_examples,
    sentence_scores,
)
from analysis.knowledge import load_knowledge
from analysis.stance_model import (
    MODEL_FORMAT,
    combine,
    examples_digest,
    fit,
    from_table,
    model_for,
    ngrams,
    train,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SHIPPED = ROOT / "analysis" / "data" / "stance_model.toml"


def sentence_pairs() -> list[tuple[str, str]]:
    return [(e.text, e.stance) for e in sentence_examples(GOLD)]


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")
    )
    documents = load_corpus(paths, cache=False, extract=False).documents
    return dict(zip(documents["doc_id"], documents["body"], strict=True))


def test_the_reader_gives_the_decisions_of_scikit_learn():
    examples = sentence_pairs()
    vectorizer, svm = fit(examples)
    model = from_table(train(examples))
    texts = [text for text, _ in examples[::7]] + [
        "A sentence of words the model never saw: zebra quartz.",
        "",
    ]
    expected = svm.decision_function(vectorizer.transform(texts))
    for text, scores, (label, margin) in zip(texts, expected, model.decide(texts), strict=True):
        best = np.sort(scores)[::-1]
        assert label == svm.classes_[int(np.argmax(scores))], text
        assert margin == pytest.approx(best[0] - best[1], abs=1e-4), text


def test_ngrams_follow_scikit_learns_default_tokens():
    assert ngrams("U.S. and Russia's jets — a joint op!", (1, 2)) == [
        "and",
        "russia",
        "jets",
        "joint",
        "op",
        "and russia",
        "russia jets",
        "jets joint",
        "joint op",
    ]


def test_training_twice_gives_the_same_table():
    examples = sentence_pairs()[:300]
    assert json.dumps(train(examples)) == json.dumps(train(examples))


def test_the_shipped_model_was_trained_on_the_current_gold(bodies):
    """Retrain with ``python scripts/train_stance.py`` after changing a gold file."""
    shipped = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["model"]
    examples = [(e.text, e.stance) for e in gold_examples(GOLD, bodies)]
    assert shipped["format"] == MODEL_FORMAT
    assert (shipped["examples"], shipped["examples_digest"]) == (
        len(examples),
        examples_digest(examples),
    )


def test_a_claim_keeps_its_rule_stance_unless_the_rules_found_nothing_or_the_model_is_sure():
    shipped = model_for(load_knowledge())
    model = dataclasses.replace(shipped, override_margin=0.5, neutral_margin=0.2)
    assert combine("denies", ("asserts", 0.4), model) == "denies"
    assert combine("denies", ("asserts", 0.9), model) == "asserts"
    assert combine("neutral", ("proposes", 0.3), model) == "proposes"
    assert combine("neutral", ("proposes", 0.1), model) == "neutral"
    assert combine("rejects", ("rejects", 2.0), model) == "rejects"


def test_the_shipped_margins_are_the_ones_chosen_before_batch_16():
    model = model_for(load_knowledge())
    assert (model.override_margin, model.neutral_margin) == (0.5, 0.0)


def test_a_users_model_replaces_the_shipped_one_whole(tmp_path):
    import tomli_w

    tiny = [
        ("Russia offered joint strikes to Washington.", "proposes"),
        ("Moscow proposed joint strikes with the Americans.", "proposes"),
        ("The Pentagon denied coordinating with Russia.", "denies"),
        ("Washington denied any coordination with Moscow.", "denies"),
        ("The Pentagon rejected the Russian offer of joint strikes.", "rejects"),
        ("Washington rejected the Russian proposal of joint strikes.", "rejects"),
    ]
    (tmp_path / "stance_model.toml").write_text(tomli_w.dumps(train(tiny)), encoding="utf-8")
    kb = load_knowledge(tmp_path)
    assert kb.stance_model["model"]["examples"] == len(tiny)
    assert set(model_for(kb).classes) == {"proposes", "denies", "rejects"}


def test_a_model_file_of_another_format_is_refused_with_the_way_to_retrain():
    table = {"model": {"format": "stance-svm-0", "classes": []}, "terms": {"a": [1.0]}}
    with pytest.raises(ValueError, match=r"retrain it with scripts/train_stance\.py"):
        from_table(table)


def test_without_a_model_the_rules_decide_alone():
    kb = dataclasses.replace(load_knowledge(), stance_model={}, fingerprint="no-model")
    assert model_for(kb) is None
    rows = [e for e in sentence_examples(GOLD) if e.source == "sentences"][:40]
    assert sentence_scores(rows, kb)["n"] == 40


# Held out: each set scored by a model trained on every other gold example (pages of the same
# batch left out too), as it would be met before any tuning.  Measured when the model was added:
# set 16, written after the rules were last tuned, 0.46 with the rules alone and 0.56 with
# the model (21 of its 31 misses are sentences the rules do not take for a claim at all);
# set 15 0.90 and set 14 0.93 held out, with rules tuned on them.
HELD_OUT_FLOORS = {"blind-16": 0.54, "blind-15": 0.88, "blind-14": 0.9}


@pytest.mark.parametrize("batch", sorted(HELD_OUT_FLOORS))
def test_a_held_out_sentence_set_keeps_its_first_contact_accuracy(bodies, batch):
    examples = gold_examples(GOLD, bodies, exclude=[batch])
    model = train([(e.text, e.stance) for e in examples])
    kb = load_knowledge()
    kb = dataclasses.replace(kb, stance_model=model, fingerprint=f"without-{batch}")
    held = [e for e in sentence_examples(GOLD) if e.source == batch]
    assert len(held) == 70
    assert sentence_scores(held, kb)["accuracy"] >= HELD_OUT_FLOORS[batch]
