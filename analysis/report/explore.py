"""Helpers for the guided tour notebook (``notebooks/explore.ipynb``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.report import html
from analysis.report.wording import plural

if TYPE_CHECKING:
    from analysis.corpus import Corpus

CONTEXT_CHARS = 300  # characters shown either side of a claim


def corpus_summary(corpus: Corpus) -> str:
    """One Markdown sentence of table sizes."""
    sizes = {name: len(frame) for name, frame in corpus.tables().items()}
    listed = ", ".join(f"{plural(n, 'row')} in `{name}`" for name, n in sizes.items())
    return f"This corpus holds {listed}."


def table_overview(corpus: Corpus) -> pd.DataFrame:
    """Every table with its number of rows and its columns."""
    return pd.DataFrame(
        [
            {"table": name, "rows": len(frame), "columns": ", ".join(frame.columns)}
            for name, frame in corpus.tables().items()
        ]
    )


def preview(frame: pd.DataFrame, columns: list[str], rows: int = 5) -> pd.DataFrame:
    """The first rows of the named columns (long text shortened for the screen)."""
    shown = frame.loc[:, columns].head(rows).copy()
    for column in shown.columns:
        if shown[column].dtype == "str":
            shown[column] = shown[column].str.slice(0, 120)
    return shown


def first_claim_id(corpus: Corpus) -> str | None:
    """The earliest claim's id (``None`` when the selection has no claims)."""
    if corpus.claims.empty:
        return None
    ordered = corpus.claims.sort_values(["date", "claim_id"], na_position="last", kind="stable")
    return str(ordered["claim_id"].iloc[0])


def claim_in_context(corpus: Corpus, claim_id: str | None) -> str:
    """Markdown showing the claim's sentence inside its document and whether
    ``body[start:end]`` equals the stored text."""
    if claim_id is None:
        return "*No claims in this selection: nothing to follow back.*"
    claim = corpus.claims.set_index("claim_id").loc[str(claim_id)]
    assert isinstance(claim, pd.Series), f"claim id {claim_id} is not unique"
    body = corpus.documents.set_index("doc_id").loc[claim["doc_id"], "body"]
    start, end = int(claim["start"]), int(claim["end"])
    matches = body[start:end] == claim["text"]
    before = body[max(0, start - CONTEXT_CHARS) : start]
    after = body[end : end + CONTEXT_CHARS]
    return (
        f"Claim `{html.esc(claim_id)}` in document `{html.esc(claim['doc_id'])}`, characters "
        f"{start}–{end}; `body[start:end] == text` is **{matches}**.\n\n"
        f"> …{html.md(before)}**{html.md(body[start:end])}**{html.md(after)}…"
    )


def count_by(frame: pd.DataFrame, column: str) -> pd.Series:
    """Rows per value of ``column`` (missing values counted as ``unknown``), largest first."""
    counts = frame[column].fillna("unknown").value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def count_caption(counts: pd.Series, noun: str) -> str:
    """A caption naming what the bars count."""
    return f"Bars count {plural(int(counts.sum()), noun)} across {plural(len(counts), 'value')}."
