"""The ``Corpus`` container, kept apart from the loader.

Unpickling a cached ``Corpus`` (every report kernel does) then needs pandas alone, not the
processing pipeline with spaCy and dateparser that ``analysis.corpus`` imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.knowledge import Knowledge

TABLES = ("documents", "comments", "links", "problems", "quotes", "claims", "events")


@dataclass
class Corpus:
    documents: pd.DataFrame
    comments: pd.DataFrame
    links: pd.DataFrame
    problems: pd.DataFrame
    quotes: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    knowledge: Knowledge = field(repr=False, default_factory=Knowledge)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def select(
        self,
        topic: str | None = None,
        start: str | None = None,
        end: str | None = None,
        side: str | list[str] | None = None,
    ) -> Corpus:
        """The tables filtered by topic, date range and side (see ``analysis.select``)."""
        from analysis.select import select_corpus

        return select_corpus(self, topic=topic, start=start, end=end, side=side)
