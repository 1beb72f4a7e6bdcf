"""Topics: named subjects with keywords and date windows; rows are tagged with the topics they match."""

from __future__ import annotations

from typing import Any

from analysis.knowledge import Knowledge


def tag_topics(rows: list[dict[str, Any]], kb: Knowledge) -> None:
    """Set ``row["topics"]`` (a sorted list of topic names) on every row, in place."""
    for row in rows:
        row.setdefault("topics", [])
