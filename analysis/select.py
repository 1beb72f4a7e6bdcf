"""Filtering a corpus by topic, date range and side."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.corpus import Corpus


def select_corpus(
    corpus: Corpus,
    topic: str | None = None,
    start: str | None = None,
    end: str | None = None,
    side: str | list[str] | None = None,
) -> Corpus:
    return corpus
