"""Stage 5 — tables: per-document rows → typed DataFrames in the schemas' column order."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa

from analysis.schemas import SCHEMAS

LIST_SEPARATOR = ";"


def _dtype_for(column: pa.Column) -> str:
    return str(column.dtype)


_SEQUENCES = (list, tuple)  # built once: ``list | tuple`` in a loop builds a new union each time


def _flatten(value: Any) -> Any:
    """Lists (e.g. topics) are stored as ``;``-joined text so CSV and Parquet agree."""
    if isinstance(value, _SEQUENCES):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def _column(rows: list[dict[str, Any]], name: str) -> list[Any]:
    """One column's values; lists are flattened only in a column that holds some (told from
    the few distinct types of its values, not a test of every value)."""
    values = [row.get(name) for row in rows]
    if any(issubclass(kind, _SEQUENCES) for kind in set(map(type, values))):
        return [_flatten(v) for v in values]
    return values


def build_table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame holding exactly the schema's columns, typed, in order."""
    schema = SCHEMAS[name]
    columns = list(schema.columns)
    data = {c: _column(rows, c) for c in columns}
    frame = pd.DataFrame(data, columns=columns)
    for column_name, column in schema.columns.items():
        dtype = _dtype_for(column)
        if dtype.startswith("datetime64"):
            frame[column_name] = pd.to_datetime(frame[column_name]).astype("datetime64[ns]")
        elif dtype == "str":
            frame[column_name] = frame[column_name].astype("str").where(frame[column_name].notna())
        else:
            frame[column_name] = frame[column_name].astype(dtype)
    return frame.reset_index(drop=True)


def validate(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    return SCHEMAS[name].validate(frame)
