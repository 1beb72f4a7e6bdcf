"""Stage 4c — events: a dated timeline from the body (and a digest's dated links)."""

from __future__ import annotations

from typing import Any

from analysis.knowledge import Knowledge


def extract_events(
    doc: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    links: list[dict[str, Any]],
    kb: Knowledge,
) -> list[dict[str, Any]]:
    return []
