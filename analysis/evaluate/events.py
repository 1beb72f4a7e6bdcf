"""Score the events table against hand-annotated gold (``tests/gold/events.json``).

A gold row (``doc_id``, ``snippet``, ``date``, ``precision``) is met when an event of that document
whose ``text`` contains the snippet has exactly that date and precision (month dates are the 1st,
year dates 1 January).  ``accuracy`` = met gold rows / gold rows, overall and per gold ``group``;
``sentence_found`` counts gold rows whose snippet is in some event of the document (a date found but
wrong vs. no event at all); ``missed`` lists the rows not met, for reading.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rows = data["events"] if isinstance(data, dict) else data
    return [dict(r) for r in rows]


def _events_of(events: pd.DataFrame, doc_id: str) -> list[tuple[str, date | None, str | None]]:
    rows = events[events["doc_id"] == doc_id]
    out: list[tuple[str, date | None, str | None]] = []
    for text, when, precision in zip(rows["text"], rows["date"], rows["precision"], strict=True):
        day = None if pd.isna(when) else pd.Timestamp(when).date()
        out.append((str(text), day, None if pd.isna(precision) else str(precision)))
    return out


def _normalise(text: str) -> str:
    """Compare snippets across cleaning differences (non-breaking spaces, curly apostrophes)."""
    return " ".join(text.replace("\u2019", "'").split())


def score(corpus: Any, gold_path: str | Path) -> dict[str, Any]:
    """Event-date accuracy of ``corpus.events`` against the gold file (see module doc)."""
    gold = load_gold(gold_path)
    events: pd.DataFrame = corpus.events
    documents = set(corpus.documents["doc_id"])
    by_doc: dict[str, list[tuple[str, date | None, str | None]]] = {}
    groups: dict[str, dict[str, int]] = {}
    met = found = 0
    missed: list[dict[str, Any]] = []
    for row in gold:
        doc_id = str(row["doc_id"])
        if doc_id not in by_doc:
            by_doc[doc_id] = _events_of(events, doc_id)
        expected = (date.fromisoformat(str(row["date"])), str(row["precision"]))
        snippet = _normalise(str(row["snippet"]))
        candidates = [(d, p) for text, d, p in by_doc[doc_id] if snippet in _normalise(text)]
        hit = expected in candidates
        found += bool(candidates)
        met += hit
        group = groups.setdefault(str(row.get("group", "all")), {"n": 0, "met": 0})
        group["n"] += 1
        group["met"] += hit
        if not hit:
            missed.append(
                {
                    "doc_id": doc_id,
                    "snippet": row["snippet"],
                    "expected": f"{expected[0]} {expected[1]}",
                    "got": sorted(f"{d} {p}" for d, p in candidates),
                    "document_loaded": doc_id in documents,
                }
            )
    n = len(gold)
    return {
        "n_gold": n,
        "n_met": met,
        "accuracy": met / n if n else 0.0,
        "sentence_found": found,
        "groups": {
            name: {**g, "accuracy": g["met"] / g["n"] if g["n"] else 0.0}
            for name, g in sorted(groups.items())
        },
        "n_documents": len({str(r["doc_id"]) for r in gold}),
        "n_events": int(events["doc_id"].isin({str(r["doc_id"]) for r in gold}).sum()),
        "missed": missed,
    }
