"""A linear stance classifier learnt from the hand-annotated sentences, beside the cue rules.

Why: the cue rules of ``stance.toml`` read the sentences they were tuned on well and new wordings
poorly (on each blind batch, written without sight of the rules, 0.39–0.61 of single sentences
and 0.64–0.71 of page claims right at first contact).  A linear support-vector classifier over
word unigrams and bigrams (TF-IDF), trained on every annotated sentence of the earlier batches,
read the next batch's sentences about 0.8 right.  Neither is better everywhere: the rules use
what a sentence's words cannot show (the proposal answered two sentences earlier, whose side
the speaker is), the classifier knows wordings no cue lists.  So a claim keeps its rule stance
unless the rules found nothing decisive (``neutral``) or the classifier is sure — its best class
ahead of the next by more than ``override_margin`` (see ``combine``).

The model is data, like the cue lists: ``analysis/data/stance_model.toml`` holds each term's
inverse document frequency and class weights, written by ``scripts/train_stance.py`` from
``tests/gold`` with scikit-learn.  Reading it needs only this module: scikit-learn takes about
two seconds to import, more than loading the five seeds, and every worker and report kernel
would pay it.  ``vectorise`` reproduces scikit-learn's ``TfidfVectorizer`` (default token
pattern, lower case, sublinear tf, l2 norm) and a test checks the two give the same decisions.
A user's ``stance_model.toml`` in the data folder replaces the shipped model whole.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from analysis.knowledge import Knowledge

MODEL_FORMAT = "stance-svm-word-1"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
DEFAULT_OVERRIDE_MARGIN = 0.5
DEFAULT_NEUTRAL_MARGIN = 0.0  # the rules found nothing decisive: the model decides
# Training settings (scripts/train_stance.py): chosen on blind batch 15 at first contact, before
# batch 16 was written; see the README's stance section for the figures.
NGRAM_RANGE = (1, 2)
MIN_DF = 2
SVM_C = 0.5


@dataclass(frozen=True)
class StanceModel:
    """Term index, idf and weights (terms × classes) of a trained linear classifier."""

    classes: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray
    intercept: np.ndarray
    ngram_range: tuple[int, int]
    override_margin: float
    neutral_margin: float

    def decide(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Each text's best class and its lead over the second best (the decision margin)."""
        results = []
        for text in texts:
            scores = self.intercept.copy()
            columns, values = vectorise(text, self.index, self.idf, self.ngram_range)
            if columns:
                scores += values @ self.weights[columns]
            order = np.argsort(-scores, kind="stable")
            margin = float(scores[order[0]] - scores[order[1]]) if len(order) > 1 else math.inf
            results.append((self.classes[int(order[0])], margin))
        return results


def ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """The word n-grams scikit-learn's ``TfidfVectorizer`` would count in ``text``."""
    tokens = TOKEN.findall(text.lower())
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def vectorise(
    text: str, index: dict[str, int], idf: np.ndarray, ngram_range: tuple[int, int]
) -> tuple[list[int], np.ndarray]:
    """Columns and l2-normalised sublinear TF-IDF values of the known n-grams of ``text``."""
    counts = Counter(index[g] for g in ngrams(text, ngram_range) if g in index)
    if not counts:
        return [], np.zeros(0)
    columns = sorted(counts)
    values = np.array([1.0 + math.log(counts[c]) for c in columns]) * idf[columns]
    return columns, values / np.linalg.norm(values)


def from_table(table: dict[str, Any]) -> StanceModel | None:
    """The model of a parsed ``stance_model.toml`` (``None`` when there is none)."""
    model = table.get("model") or {}
    terms = table.get("terms") or {}
    if not model or not terms:
        return None
    if model.get("format") != MODEL_FORMAT:
        raise ValueError(
            f"stance_model.toml: format {model.get('format')!r} is not {MODEL_FORMAT!r};"
            " retrain it with scripts/train_stance.py"
        )
    names = sorted(terms)
    rows = np.array([terms[name] for name in names], dtype=float)
    return StanceModel(
        classes=tuple(model["classes"]),
        index={name: i for i, name in enumerate(names)},
        idf=rows[:, 0].copy(),
        weights=rows[:, 1:].copy(),
        intercept=np.array(model["intercept"], dtype=float),
        ngram_range=(int(model["ngram_range"][0]), int(model["ngram_range"][1])),
        override_margin=float(model.get("override_margin", DEFAULT_OVERRIDE_MARGIN)),
        neutral_margin=float(model.get("neutral_margin", DEFAULT_NEUTRAL_MARGIN)),
    )


_CACHE: dict[str, StanceModel | None] = {}
_LOCK = threading.Lock()


def model_for(kb: Knowledge) -> StanceModel | None:
    """The stance model of ``kb`` (built once per process and fingerprint)."""
    key = kb.fingerprint or str(id(kb))
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = from_table(kb.stance_model)
        return _CACHE[key]


def combine(rule_stance: str, decided: tuple[str, float], model: StanceModel) -> str:
    """The claim's stance: the rules' unless the model is sure (its margin over
    ``override_margin``), or the rules found nothing decisive (neutral) and the model is fairly
    sure (over ``neutral_margin``)."""
    label, margin = decided
    if margin > model.override_margin:
        return label
    if rule_stance == "neutral" and margin > model.neutral_margin:
        return label
    return rule_stance


# --- training (needs scikit-learn: scripts/train_stance.py and the tests) ------------------------


def examples_digest(examples: Iterable[tuple[str, str]]) -> str:
    """A digest of the training examples, recorded in the model file (a test compares it with
    the gold files, so the shipped model cannot fall behind them)."""
    digest = hashlib.sha256(MODEL_FORMAT.encode())
    for text, stance in examples:
        digest.update(f"{stance}\t{text}\n".encode())
    return digest.hexdigest()[:16]


def fit(examples: Sequence[tuple[str, str]]) -> tuple[Any, Any]:
    """scikit-learn's vectorizer and classifier fitted on ``(text, stance)`` pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    vectorizer = TfidfVectorizer(ngram_range=NGRAM_RANGE, sublinear_tf=True, min_df=MIN_DF)
    matrix = vectorizer.fit_transform([text for text, _ in examples])
    svm = LinearSVC(C=SVM_C, random_state=0).fit(matrix, [stance for _, stance in examples])
    if len(svm.classes_) < 3:
        raise ValueError("training needs examples of at least three stances")
    return vectorizer, svm


def train(examples: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Train on ``(text, stance)`` pairs; the result is the table ``stance_model.toml`` holds.

    Deterministic: the same examples give the same table (liblinear with a fixed seed, weights
    rounded to six decimals)."""
    vectorizer, svm = fit(examples)
    names = vectorizer.get_feature_names_out()
    terms = {
        str(name): [_rounded(vectorizer.idf_[i])] + [_rounded(w) for w in svm.coef_[:, i]]
        for i, name in enumerate(names)
    }
    return {
        "model": {
            "format": MODEL_FORMAT,
            "classes": [str(c) for c in svm.classes_],
            "intercept": [_rounded(b) for b in svm.intercept_],
            "ngram_range": list(NGRAM_RANGE),
            "override_margin": DEFAULT_OVERRIDE_MARGIN,
            "neutral_margin": DEFAULT_NEUTRAL_MARGIN,
            "examples": len(examples),
            "examples_digest": examples_digest(examples),
        },
        "terms": terms,
    }


def _rounded(value: float) -> float:
    return round(float(value), 6) + 0.0  # + 0.0: no "-0.0" in the file
