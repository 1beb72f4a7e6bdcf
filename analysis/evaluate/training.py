"""Training examples for the stance model, taken from the hand-annotated gold files.

Two kinds of rows are labelled with a stance in ``tests/gold``: single sentences
(``stance_sentences*.json``) and the claims of annotated pages (``claims.json``, a distinctive
snippet of each claim).  A page claim becomes the whole sentence (or sentences) of the cleaned
body its snippet lies in, since a claim's sentence is what the model reads in the pipeline.

Every example carries its batch (``source``): a sentence set written with batch 15's pages is
``blind-15`` like them, so that leaving a batch out (``exclude``) scores it as first contact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from analysis.claims import extract_claims
from analysis.evaluate.claims import load_gold, locate
from analysis.knowledge import Knowledge
from analysis.nlp import sentence_spans

SENTENCE_SETS = "stance_sentences*.json"
MAIN_SET_SOURCE = "sentences"  # the first set, written and widened over several batches


class Example(NamedTuple):
    text: str
    stance: str
    source: str


def set_source(path: Path) -> str:
    """``stance_sentences_blind15.json`` → ``blind-15``; a set written for training only,
    ``stance_sentences_train18a.json`` → ``train18a``; the first set → ``sentences``."""
    number = re.search(r"blind(\d+)$", path.stem)
    if number:
        return f"blind-{number.group(1)}"
    return path.stem.removeprefix("stance_sentences").lstrip("_") or MAIN_SET_SOURCE


def sentence_examples(gold_dir: Path) -> list[Example]:
    rows = []
    for path in sorted(gold_dir.glob(SENTENCE_SETS)):
        source = set_source(path)
        for row in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
            rows.append(Example(row["text"], row["stance"], source))
    return rows


def claim_examples(gold_dir: Path, bodies: Mapping[str, str]) -> list[Example]:
    """Each gold claim's sentence(s) in its cleaned body (claims of pages not loaded are left
    out, as are snippets the body no longer holds)."""
    rows = []
    spans_of: dict[str, list[tuple[int, int]]] = {}
    for claim in load_gold(gold_dir / "claims.json"):
        body = bodies.get(claim["doc_id"], "")
        located = locate(body, claim["snippet"], int(claim.get("occurrence", 1)))
        if located is None:
            continue
        if claim["doc_id"] not in spans_of:
            spans_of[claim["doc_id"]] = sentence_spans(body)
        spans = spans_of[claim["doc_id"]]
        covering = [s for s in spans if s[0] < located[1] and located[0] < s[1]] or [located]
        text = body[covering[0][0] : covering[-1][1]].strip()
        rows.append(Example(text, claim["stance"], claim.get("group") or "untuned"))
    return rows


def gold_examples(
    gold_dir: Path, bodies: Mapping[str, str], exclude: Iterable[str] = ()
) -> list[Example]:
    """Sentence sets, then page claims, minus the batches named in ``exclude``."""
    left_out = set(exclude)
    rows = sentence_examples(gold_dir) + claim_examples(gold_dir, bodies)
    return [row for row in rows if row.source not in left_out]


def first_stance(text: str, kb: Knowledge) -> str | None:
    """The stance of the first claim the extractor finds in a single sentence."""
    document = {"doc_id": "sentence", "kind": "article", "verdict": None}
    found = extract_claims(document, text, sentence_spans(text), [], kb)
    return found[0]["stance"] if found else None


def sentence_scores(rows: Iterable[Example], kb: Knowledge) -> dict[str, Any]:
    """Accuracy of ``first_stance`` over labelled sentences, overall and per class."""
    per_class: dict[str, list[bool]] = {}
    for row in rows:
        per_class.setdefault(row.stance, []).append(first_stance(row.text, kb) == row.stance)
    every = [ok for oks in per_class.values() for ok in oks]
    return {
        "n": len(every),
        "accuracy": sum(every) / len(every) if every else None,
        "per_class": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(per_class.items())},
    }
