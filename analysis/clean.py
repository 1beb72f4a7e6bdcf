"""Stage 2 — clean: a scraped page's text → the article body, its comments and its links."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from analysis.knowledge import Knowledge


@dataclass
class Cleaned:
    body: str  # article paragraphs joined by a blank line; offsets of every row point here
    title: str | None = None
    head: list[str] = field(default_factory=list)  # lines before the body (stamps, bylines, kicker)
    tail: list[str] = field(default_factory=list)  # lines after the body that are not comments
    comments: list[dict[str, Any]] = field(default_factory=list)  # position, author, text
    links: list[dict[str, Any]] = field(default_factory=list)  # relation, label, url, date


def clean_page(text: str, kb: Knowledge) -> Cleaned:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Cleaned(body="\n\n".join(paragraphs))
