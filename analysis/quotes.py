"""Stage 4a — quotes: who is quoted saying what, with offsets into the body."""

from __future__ import annotations

from typing import Any

from analysis.knowledge import Knowledge


def extract_quotes(
    doc: dict[str, Any], body: str, sentences: list[tuple[int, int]], kb: Knowledge
) -> list[dict[str, Any]]:
    return []
