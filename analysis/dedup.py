"""Near-duplicate documents (syndicated copies): the copy points at the first-seen original."""

from __future__ import annotations

import pandas as pd


def find_duplicates(documents: pd.DataFrame) -> pd.Series:
    """``duplicate_of`` for each document row (null for originals), aligned to ``documents``."""
    return pd.Series([None] * len(documents), index=documents.index, dtype="str")
