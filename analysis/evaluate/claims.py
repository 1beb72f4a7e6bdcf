"""Score the claims table against hand-annotated gold (``tests/gold/claims.json``).

Matching: a gold row is located in its document's cleaned body by its ``snippet`` (the n-th
``occurrence`` when it repeats); a predicted claim matches it when their character spans overlap.
Each gold row and each prediction is matched at most once (greedy, in body order).

Reported (overall and per gold ``group``):

* ``recall`` — matched gold rows / gold rows whose snippet is in the body (``gold_absent`` counts the
  rows the cleaner left out of the body: the headline, usually);
* ``precision`` — matched predictions / predictions in the gold documents;
* ``stance_accuracy`` — over matched pairs, and ``stance_per_class`` {class: {n, correct, accuracy,
  recall, precision}} (recall/precision per class over matched pairs);
* ``side_accuracy`` — over matched pairs whose gold side is not null;
* ``verdict_correct`` — fact-check rows flagged ``rated``: the verdict sits on a matching claim
  (the rating compared without regard to case: a page may print "UNPROVEN" for "Unproven").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.schemas import STANCES


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rows = data["claims"] if isinstance(data, dict) else data
    return [dict(r) for r in rows]


def locate(body: str, snippet: str, occurrence: int) -> tuple[int, int] | None:
    position = -1
    for _ in range(max(1, occurrence)):
        position = body.find(snippet, position + 1)
        if position < 0:
            return None
    return position, position + len(snippet)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(
    gold: list[dict[str, Any]], claims: pd.DataFrame, bodies: dict[str, str]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]], int]:
    """Pairs (gold row, matched claim or None), unmatched predictions, and absent gold rows."""
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    absent = 0
    doc_ids = sorted({g["doc_id"] for g in gold if g["doc_id"] in bodies})
    predictions = {
        doc_id: claims[claims["doc_id"] == doc_id].sort_values("start").to_dict("records")
        for doc_id in doc_ids
    }
    used: set[str] = set()
    for row in gold:
        body = bodies.get(row["doc_id"])
        if body is None:
            continue
        span = locate(body, row["snippet"], int(row.get("occurrence", 1)))
        if span is None:
            absent += 1
            continue
        best, best_overlap = None, 0
        for claim in predictions[row["doc_id"]]:
            if claim["claim_id"] in used:
                continue
            overlap = _overlap(span, (int(claim["start"]), int(claim["end"])))
            if overlap > best_overlap:
                best, best_overlap = claim, overlap
        if best is not None:
            used.add(best["claim_id"])
        pairs.append((row, best))
    unmatched = [c for d in doc_ids for c in predictions[d] if c["claim_id"] not in used]
    return pairs, unmatched, absent


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _per_class(matched: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for stance in STANCES:
        gold_n = sum(1 for g, _ in matched if g["stance"] == stance)
        predicted_n = sum(1 for _, c in matched if c["stance"] == stance)
        correct = sum(1 for g, c in matched if g["stance"] == stance == c["stance"])
        if gold_n or predicted_n:
            table[stance] = {
                "n": gold_n,
                "correct": correct,
                "recall": _ratio(correct, gold_n),
                "precision": _ratio(correct, predicted_n),
            }
    return table


def _summary(
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]],
    unmatched: list[dict[str, Any]],
    absent: int,
) -> dict[str, Any]:
    matched = [(g, c) for g, c in pairs if c is not None]
    sided = [(g, c) for g, c in matched if g.get("side")]
    rated = [(g, c) for g, c in pairs if g.get("rated")]
    n_predicted = len(matched) + len(unmatched)
    return {
        "gold": len(pairs),
        "gold_absent": absent,
        "predicted": n_predicted,
        "matched": len(matched),
        "recall": _ratio(len(matched), len(pairs)),
        "precision": _ratio(len(matched), n_predicted),
        "stance_accuracy": _ratio(
            sum(g["stance"] == c["stance"] for g, c in matched), len(matched)
        ),
        "stance_per_class": _per_class(matched),
        "side_accuracy": _ratio(sum(g["side"] == c["side"] for g, c in sided), len(sided)),
        "verdict_correct": _ratio(
            sum(
                1 for g, c in rated if c is not None and _same_rating(c.get("verdict"), g["rated"])
            ),
            len({g["doc_id"] for g, _ in rated}),
        ),
    }


def _same_rating(predicted: Any, gold: str) -> bool:
    return isinstance(predicted, str) and predicted.strip().casefold() == gold.strip().casefold()


def score(corpus: Any, gold_path: str | Path, groups: Iterable[str] | None = None) -> dict:
    """Scores of ``corpus.claims`` against the gold file: overall and ``by_group``."""
    gold = load_gold(gold_path)
    if groups is not None:
        wanted = set(groups)
        gold = [g for g in gold if g.get("group") in wanted]
    bodies = dict(zip(corpus.documents["doc_id"], corpus.documents["body"], strict=True))
    claims = corpus.claims
    pairs, unmatched, absent = match(gold, claims, bodies)
    result = _summary(pairs, unmatched, absent)
    result["by_group"] = {}
    for group in sorted({g.get("group", "") for g in gold}):
        members = [g for g in gold if g.get("group", "") == group]
        docs = {g["doc_id"] for g in members}
        group_pairs, group_unmatched, group_absent = match(
            members, claims[claims["doc_id"].isin(docs)], bodies
        )
        result["by_group"][group] = _summary(group_pairs, group_unmatched, group_absent)
    result["errors"] = [
        {
            "doc_id": g["doc_id"],
            "snippet": g["snippet"][:70],
            "gold": g["stance"],
            "predicted": None if c is None else c["stance"],
            "gold_side": g.get("side"),
            "predicted_side": None if c is None else c["side"],
        }
        for g, c in pairs
        if c is None or c["stance"] != g["stance"]
    ]
    result["false_positives"] = [
        {"doc_id": c["doc_id"], "text": str(c["text"])[:90], "stance": c["stance"]}
        for c in unmatched
    ]
    return result


def main() -> None:  # pragma: no cover - command line helper
    import sys

    from analysis.corpus import load_corpus

    root = Path(__file__).resolve().parents[2]
    paths = [*sorted((root / "seeds").glob("*.txt"))]
    paths += sorted((root / "tests" / "fixtures" / "corpus").glob("claims_*.txt"))
    paths += sorted((root / "tests" / "fixtures" / "corpus").glob("blind_*.txt"))
    corpus = load_corpus(paths)
    gold = sys.argv[1] if len(sys.argv) > 1 else root / "tests" / "gold" / "claims.json"
    print(json.dumps(score(corpus, gold), indent=1, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
