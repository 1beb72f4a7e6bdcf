"""Date expressions: finding them in text with spans, precision and basis; publication dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PublishedDate:
    date: date | None
    precision: str | None  # day | month | year
    basis: str | None  # header | dateline | relative-day | content | sidecar | ...


def infer_published(head: list[str], body: str, links: list[dict]) -> PublishedDate:
    return PublishedDate(None, None, None)
