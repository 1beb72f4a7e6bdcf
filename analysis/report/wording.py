"""Words and orders shared by the report's prose, tables and charts (no heavy imports)."""

from __future__ import annotations

import math
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from analysis.vocabulary import SIDES, STANCES

if TYPE_CHECKING:
    import pandas as pd

# Reading order of a chain of positions: a proposal, its rejection, an assertion, its denial.
STANCE_ORDER = ["proposes", "rejects", "asserts", "denies", "conditional", "opposes", "neutral"]
assert sorted(STANCE_ORDER) == sorted(STANCES)
SIDE_ORDER = list(SIDES)
STEP_NAMES = {
    "proposes": "proposed",
    "rejects": "rejected",
    "asserts": "asserted",
    "denies": "denied",
    "conditional": "set conditions",
    "opposes": "opposed",
    "neutral": "reported",
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def is_missing(value: Any) -> bool:
    """``None``, NaN, ``pd.NA`` or ``NaT``, without importing pandas: a pandas missing value
    can only exist once pandas is loaded (the build's index page never loads it)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    pandas = sys.modules.get("pandas")
    return pandas is not None and bool(pandas.isna(value))


def as_date(value: Any) -> date:
    """A ``date`` (or ``datetime``/``Timestamp``, both dates) from an ISO string or a date."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    import pandas as pd

    return pd.Timestamp(value)


def format_date(value: Any, precision: Any = "day") -> str:
    """``22 Jan 2017``, ``Jan 2017`` or ``2017`` by precision; ``undated`` when missing."""
    if is_missing(value):
        return "undated"
    stamp = as_date(value)
    if precision == "year":
        return f"{stamp.year}"
    if precision == "month":
        return f"{MONTHS[stamp.month - 1]} {stamp.year}"
    return f"{stamp.day} {MONTHS[stamp.month - 1]} {stamp.year}"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``1 claim``, ``3 claims``."""
    return f"{count:,} {noun if count == 1 else (plural_form or noun + 's')}"


def side_order(sides: pd.Series) -> list[str]:
    """The sides present, in the schema's order (US, Russia, …), unknown last."""
    present = set(sides.fillna("unknown"))
    return [s for s in [*SIDE_ORDER, "unknown"] if s in present]
