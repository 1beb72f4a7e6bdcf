"""Score extracted quotes against hand-annotated gold (``tests/gold/quotes.json``).

Measures follow those reported for quotation extraction on PARC 3.0 (e.g. BBC's Citron):

- **exact** precision/recall/F1: a predicted quote matches a gold quote when the spans are
  identical (same document, same start and end after trimming whitespace);
- **overlap** precision/recall/F1: the spans share at least one character (one-to-one matching,
  largest overlap first);
- **speaker accuracy**: over overlap-matched pairs, the predicted speaker equals the gold speaker
  after canonicalisation through ``actors.toml`` (case-insensitive).

Gold rows carry ``doc_id``, ``text`` (the quoted words as in the body), ``speaker`` and ``direct``.
A gold quote's span is found by searching its text in the document body (the n-th gold row with
the same text takes the n-th occurrence).  Gold quotes whose text is not in the body (the clean
stage dropped that paragraph) are counted in ``missing_from_body`` and left out of recall, so the
score measures this stage, not the cleaner.  Only documents that have gold rows are scored; only
direct quotes are scored (the gold holds direct quotes).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.actors import resolve_actor
from analysis.knowledge import Knowledge

Span = tuple[int, int]


def load_gold(gold_path: str | Path) -> dict[str, Any]:
    """The gold file as a dict with ``quotes`` (list of rows) and ``heldout`` (doc ids)."""
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    if isinstance(data, list):
        data = {"quotes": data, "heldout": []}
    return data


def _canonical(name: Any, kb: Knowledge) -> str:
    if not isinstance(name, str) or not name.strip():
        return ""
    actor = resolve_actor(name, kb)
    return (actor.name if actor else name).strip().casefold()


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` with every run of whitespace (NBSP included) as one space, and for each character
    of the result its offset in ``text`` (the cleaner may normalise whitespace)."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        where.append(index)
    return "".join(out), where


def _gold_spans(body: str, texts: list[str]) -> list[Span | None]:
    """Spans of the gold texts in ``body``; repeated texts take successive occurrences."""
    squeezed, where = _squeeze(body)
    seen: dict[str, int] = defaultdict(int)
    spans: list[Span | None] = []
    for raw in texts:
        text = _squeeze(raw.strip())[0]
        start = -1
        for _ in range(seen[text] + 1):
            start = squeezed.find(text, start + 1)
            if start < 0:
                break
        seen[text] += 1
        if start < 0 or not text:
            spans.append(None)
            continue
        spans.append((where[start], where[start + len(text) - 1] + 1))
    return spans


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _match(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), largest overlap first."""
    pairs = sorted(
        (
            (-_overlap(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if _overlap(g, p)
        ),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched.append((gi, pi))
    return sorted(matched)


def score(
    corpus: Any, gold_path: str | Path, doc_ids: Iterable[str] | None = None
) -> dict[str, Any]:
    """Exact and overlap P/R/F1 of quote spans and speaker accuracy against the gold file.

    ``corpus`` is an ``analysis.corpus.Corpus``; ``doc_ids`` restricts scoring to some documents
    (e.g. the gold file's ``heldout`` list).
    """
    kb: Knowledge = corpus.knowledge
    gold_rows = [r for r in load_gold(gold_path)["quotes"] if r.get("direct", True)]
    wanted = set(doc_ids) if doc_ids is not None else {r["doc_id"] for r in gold_rows}
    bodies = dict(zip(corpus.documents["doc_id"], corpus.documents["body"], strict=True))
    quotes = corpus.quotes
    totals: defaultdict[str, int] = defaultdict(int)
    errors: list[dict[str, Any]] = []
    for doc_id in sorted(wanted):
        rows = [r for r in gold_rows if r["doc_id"] == doc_id]
        body = bodies.get(doc_id)
        if body is None:
            totals["missing_from_body"] += len(rows)
            continue
        located = _gold_spans(body, [r["text"] for r in rows])
        gold = [(span, row) for span, row in zip(located, rows, strict=True) if span is not None]
        totals["missing_from_body"] += len(rows) - len(gold)
        mine = quotes[(quotes["doc_id"] == doc_id) & quotes["direct"].fillna(True).astype(bool)]
        predicted = [(int(s), int(e)) for s, e in zip(mine["start"], mine["end"], strict=True)]
        speakers = list(mine["speaker"])
        gold_spans = [g for g, _ in gold]
        pairs = _match(gold_spans, predicted)
        totals["gold"] += len(gold_spans)
        totals["predicted"] += len(predicted)
        totals["overlap"] += len(pairs)
        for gi, pi in pairs:
            exact = gold_spans[gi] == predicted[pi]
            totals["exact"] += exact
            right = _canonical(gold[gi][1]["speaker"], kb) == _canonical(speakers[pi], kb)
            totals["speaker_right"] += right
            if not right or not exact:
                errors.append(
                    {
                        "doc_id": doc_id,
                        "text": gold[gi][1]["text"][:60],
                        "gold_speaker": gold[gi][1]["speaker"],
                        "speaker": speakers[pi],
                        "exact": exact,
                    }
                )
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        errors += [
            {"doc_id": doc_id, "text": gold[gi][1]["text"][:60], "missed": True}
            for gi in range(len(gold))
            if gi not in matched_gold
        ]
        errors += [
            {
                "doc_id": doc_id,
                "text": body[p[0] : p[1]][:60],
                "spurious": True,
                "speaker": speakers[pi],
            }
            for pi, p in enumerate(predicted)
            if pi not in matched_pred
        ]
    n_matched = totals["overlap"]
    return {
        "documents": len(wanted),
        "gold": totals["gold"],
        "predicted": totals["predicted"],
        "missing_from_body": totals["missing_from_body"],
        "exact": _prf(totals["exact"], totals["predicted"], totals["gold"]),
        "overlap": _prf(totals["overlap"], totals["predicted"], totals["gold"]),
        "speaker_accuracy": round(totals["speaker_right"] / n_matched, 4) if n_matched else 0.0,
        "errors": errors,
    }
