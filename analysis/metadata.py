"""Stage 3 — metadata: outlet, kind, title, author, publication date, language, verdict."""

from __future__ import annotations

from typing import Any

from analysis.clean import Cleaned
from analysis.dates import infer_published
from analysis.knowledge import Knowledge
from analysis.read import RawText


def describe(raw: RawText, cleaned: Cleaned, kb: Knowledge) -> dict[str, Any]:
    published = infer_published(cleaned.head, cleaned.body, cleaned.links)
    return {
        "outlet": None,
        "outlet_type": None,
        "outlet_country": None,
        "kind": "article",
        "title": cleaned.title,
        "author": None,
        "published": published.date,
        "published_precision": published.precision,
        "published_basis": published.basis,
        "language": "en",
        "verdict": None,
    }
