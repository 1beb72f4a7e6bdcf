"""Stage 4b — claims: statements about US–Russia military coordination, with stance."""

from __future__ import annotations

from typing import Any

from analysis.knowledge import Knowledge


def extract_claims(
    doc: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    quotes: list[dict[str, Any]],
    kb: Knowledge,
) -> list[dict[str, Any]]:
    return []
