"""The corpus: load a folder (or list) of texts into the project's tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.dedup import find_duplicates
from analysis.knowledge import Knowledge, load_knowledge
from analysis.pipeline import DocResult, process_path
from analysis.tables import build_table

TABLES = ("documents", "comments", "links", "problems", "quotes", "claims", "events")
SIDECAR_SUFFIX = ".meta.toml"


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


def discover(source: str | Path | Iterable[str | Path]) -> list[Path]:
    """Input files in a stable order: every regular, non-hidden file but sidecars."""
    if isinstance(source, str | Path):
        root = Path(source)
        if root.is_file():
            return [root]
        if not root.is_dir():
            raise FileNotFoundError(f"no such file or folder: {root}")
        candidates: Iterable[Path] = root.iterdir()
    else:
        candidates = (Path(p) for p in source)
    return sorted(
        (
            p
            for p in candidates
            if p.is_file() and not p.name.startswith(".") and not p.name.endswith(SIDECAR_SUFFIX)
        ),
        key=lambda p: (p.name, str(p)),
    )


def assemble(results: list[DocResult], kb: Knowledge) -> Corpus:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        if result.problem is not None:
            rows["problems"].append(result.problem)
            continue
        assert result.document is not None
        result.document["n_chars"] = len(result.document["body"])
        rows["documents"].append(result.document)
        for name in ("comments", "links", "quotes", "claims", "events"):
            rows[name].extend(getattr(result, name))
    tables = {name: build_table(name, rows[name]) for name in TABLES}
    tables["documents"]["duplicate_of"] = find_duplicates(tables["documents"])
    return Corpus(**tables, knowledge=kb)


def load_corpus(
    source: str | Path | Iterable[str | Path],
    *,
    data_dir: str | Path | None = None,
) -> Corpus:
    """Load texts into tables: ``documents``, ``comments``, ``links``, ``problems``,
    ``quotes``, ``claims`` and ``events`` (pandas DataFrames)."""
    kb = load_knowledge(data_dir)
    paths = discover(source)
    results = [process_path(path, kb) for path in paths]
    return assemble(results, kb)
