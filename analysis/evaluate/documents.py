"""Score the documents table against hand-annotated gold (``tests/gold/documents.json``).

Each gold row gives, for one page, what a careful reader finds on it: ``outlet`` (with
``outlet_aliases``, other names a reader accepts for the same publisher), ``kind``, ``title``,
``author``, ``published`` with ``precision``, ``verdict`` and ``language``; ``null`` where the page
gives nothing. A field is right when the loader's value equals the gold one after light
normalisation (white space, typographic quotes and dashes, case for names), and a ``null`` is right
only where the gold is ``null`` too. Outlets are compared through the outlets data file: any name or
alias of the loaded outlet's entry may match any name the gold accepts; a publisher the data file
does not know is expected as ``null`` (the loader names only outlets it knows) and counted in
``outlets_unknown_to_data``. A row marked ``"annotated": "language only"`` (a non-English page) is
scored on its language alone. A page the loader did not turn into a document counts wrong on
every field. ``accuracy`` is reported per field, overall and per ``group`` (``seed``, ``fixture``
or the row's own group); ``errors`` lists every wrong field, for reading.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

FIELDS = ("outlet", "kind", "title", "author", "published", "verdict", "language")
_TRANSLATION = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    rows = data["documents"] if isinstance(data, dict) else data
    return [dict(r) for r in rows]


def normalise(value: Any) -> str | None:
    """Text compared across cleaning differences; ``None`` for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return " ".join(str(value).translate(_TRANSLATION).split()) or None


def _loaded_published(row: pd.Series) -> tuple[date, str] | None:
    if pd.isna(row["published"]):
        return None
    return pd.Timestamp(row["published"]).date(), str(row["published_precision"])


def _gold_published(gold: dict[str, Any]) -> tuple[date, str] | None:
    if not gold.get("published"):
        return None
    return date.fromisoformat(str(gold["published"])), str(gold.get("precision") or "day")


OutletNames = dict[str, frozenset[str]]  # any folded name or alias -> all names of its entry


def outlet_names(knowledge: Any) -> OutletNames:
    """Every name and alias of the outlets data file, folded, mapped to all names of its entry."""
    table: OutletNames = {}
    for entry in knowledge.outlets.get("outlet", []):
        names = [entry.get("name"), *entry.get("aliases", [])]
        folded = frozenset(n.casefold() for n in (normalise(x) for x in names) if n)
        for name in folded:
            table[name] = table.get(name, frozenset()) | folded
    return table


def _accepted(gold: dict[str, Any]) -> set[str]:
    names = [gold.get("outlet"), *gold.get("outlet_aliases", [])]
    return {n.casefold() for n in (normalise(x) for x in names) if n}


def _known_to_data(gold: dict[str, Any], known: OutletNames) -> bool:
    return any(name in known for name in _accepted(gold))


def _outlet_right(loaded: Any, gold: dict[str, Any], known: OutletNames) -> bool:
    accepted = _accepted(gold) if _known_to_data(gold, known) else set()
    found = normalise(loaded)
    if found is None:
        return not accepted
    return bool(known.get(found.casefold(), frozenset({found.casefold()})) & accepted)


def field_values(row: pd.Series | None, gold: dict[str, Any], field: str) -> tuple[Any, Any]:
    """(loaded, expected) values of one field, normalised for comparison."""
    if field == "published":
        return (None if row is None else _loaded_published(row)), _gold_published(gold)
    loaded = None if row is None else normalise(row[field])
    expected = normalise(gold.get(field))
    if field in ("author", "language", "kind", "verdict") and loaded and expected:
        return loaded.casefold(), expected.casefold()
    return loaded, expected


def is_right(row: pd.Series | None, gold: dict[str, Any], field: str, known: OutletNames) -> bool:
    if row is None:
        return False
    if field == "outlet":
        return _outlet_right(row["outlet"], gold, known)
    loaded, expected = field_values(row, gold, field)
    return loaded == expected


def _group(gold: dict[str, Any], seed_ids: set[str]) -> str:
    if gold.get("group"):
        return str(gold["group"])
    return "seed" if str(gold["doc_id"]) in seed_ids else "fixture"


def _scored_fields(gold: dict[str, Any]) -> list[str]:
    if gold.get("annotated") == "language only":
        return ["language"]
    return [f for f in FIELDS if f in gold]


def score(
    corpus: Any,
    gold_path: str | Path,
    seed_ids: set[str] | None = None,
    knowledge: Any = None,
) -> dict[str, Any]:
    """Per-field accuracy of ``corpus.documents`` against the gold file (see module doc). Only
    the fields a gold row names are scored for it (a non-English page may give only its
    language)."""
    if knowledge is None:
        from analysis.knowledge import load_knowledge

        knowledge = load_knowledge()
    known = outlet_names(knowledge)
    gold = load_gold(gold_path)
    documents = corpus.documents.set_index("doc_id", drop=False)
    tally: dict[str, dict[str, list[int]]] = {}  # group -> field -> [right, scored]
    errors: list[dict[str, Any]] = []
    for entry in gold:
        doc_id = str(entry["doc_id"])
        row = documents.loc[doc_id] if doc_id in documents.index else None
        group = tally.setdefault(_group(entry, seed_ids or set()), {})
        for field in _scored_fields(entry):
            right = is_right(row, entry, field, known)
            counts = group.setdefault(field, [0, 0])
            counts[0] += right
            counts[1] += 1
            if not right:
                loaded, expected = field_values(row, entry, field)
                errors.append(
                    {
                        "doc_id": doc_id,
                        "field": field,
                        "expected": expected,
                        "got": loaded,
                        "document_loaded": row is not None,
                    }
                )
    overall = {
        f: [sum(g.get(f, [0, 0])[i] for g in tally.values()) for i in (0, 1)] for f in FIELDS
    }
    return {
        "n_documents": len(gold),
        "accuracy": _rates(overall),
        "scored": {f: n for f, (_, n) in overall.items()},
        "outlets_unknown_to_data": sorted(
            str(g["outlet"])
            for g in gold
            if g.get("outlet") and "outlet" in _scored_fields(g) and not _known_to_data(g, known)
        ),
        "groups": {name: _rates(fields) for name, fields in sorted(tally.items())},
        "errors": errors,
    }


def _rates(counts: dict[str, list[int]]) -> dict[str, float]:
    return {f: right / n for f, (right, n) in counts.items() if n}
