"""pandera schemas: the column contract of every table (documented in the README's data dictionary)."""

from __future__ import annotations

import pandera.pandas as pa

from analysis.vocabulary import PRECISIONS, SIDES, STANCES

__all__ = ["PRECISIONS", "SCHEMAS", "SIDES", "STANCES"]


def _text(nullable: bool = True, **kwargs: object) -> pa.Column:
    return pa.Column("str", nullable=nullable, **kwargs)  # type: ignore[arg-type]


def _offsets() -> dict[str, pa.Column]:
    return {
        "start": pa.Column("Int64", pa.Check.ge(0)),
        "end": pa.Column("Int64", pa.Check.ge(0)),
    }


DOCUMENTS = pa.DataFrameSchema(
    {
        "doc_id": _text(nullable=False, unique=True),
        "path": _text(nullable=False),
        "sha256": _text(nullable=False),
        "encoding": _text(),
        "outlet": _text(),
        "outlet_type": _text(),
        "outlet_country": _text(),
        "kind": _text(nullable=False),
        "title": _text(),
        "author": _text(),
        "published": pa.Column("datetime64[ns]", nullable=True),
        "published_precision": _text(checks=pa.Check.isin(PRECISIONS)),
        "published_basis": _text(),
        "language": _text(),
        "verdict": _text(),
        "duplicate_of": _text(),
        "n_chars": pa.Column("Int64", pa.Check.ge(0)),
        "body": _text(nullable=False),
    },
    strict=True,
    ordered=True,
    name="documents",
)

COMMENTS = pa.DataFrameSchema(
    {
        "doc_id": _text(nullable=False),
        "position": pa.Column("Int64", pa.Check.ge(0)),
        "author": _text(),
        "text": _text(nullable=False),
    },
    strict=True,
    ordered=True,
    name="comments",
)

LINKS = pa.DataFrameSchema(
    {
        "doc_id": _text(nullable=False),
        "position": pa.Column("Int64", pa.Check.ge(0)),
        "relation": _text(nullable=False, checks=pa.Check.isin(["source", "related", "other"])),
        "label": _text(),
        "url": _text(),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "date_precision": _text(checks=pa.Check.isin(PRECISIONS)),
    },
    strict=True,
    ordered=True,
    name="links",
)

PROBLEMS = pa.DataFrameSchema(
    {
        "doc_id": _text(nullable=False),
        "path": _text(nullable=False),
        "reason": _text(nullable=False),
        "detail": _text(),
    },
    strict=True,
    ordered=True,
    name="problems",
)

QUOTES = pa.DataFrameSchema(
    {
        "quote_id": _text(nullable=False, unique=True),
        "doc_id": _text(nullable=False),
        "speaker": _text(),
        "role": _text(),
        "affiliation": _text(),
        "side": _text(checks=pa.Check.isin(SIDES)),
        "text": _text(nullable=False),
        **_offsets(),
        "direct": pa.Column("boolean"),
        "stance": _text(checks=pa.Check.isin(STANCES)),
        "topics": _text(),
    },
    strict=True,
    ordered=True,
    name="quotes",
)

CLAIMS = pa.DataFrameSchema(
    {
        "claim_id": _text(nullable=False, unique=True),
        "doc_id": _text(nullable=False),
        "actor": _text(),
        "side": _text(checks=pa.Check.isin(SIDES)),
        "stance": _text(nullable=False, checks=pa.Check.isin(STANCES)),
        "cameo": _text(),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "date_precision": _text(checks=pa.Check.isin(PRECISIONS)),
        "date_basis": _text(),
        "text": _text(nullable=False),
        **_offsets(),
        "quote_id": _text(),
        "verdict": _text(),
        "reviewed_by": _text(),
        "topics": _text(),
    },
    strict=True,
    ordered=True,
    name="claims",
)

EVENTS = pa.DataFrameSchema(
    {
        "event_id": _text(nullable=False, unique=True),
        "doc_id": _text(nullable=False),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "precision": _text(checks=pa.Check.isin(PRECISIONS)),
        "basis": _text(),
        "text": _text(nullable=False),
        "start": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "end": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "source": _text(nullable=False, checks=pa.Check.isin(["body", "link"])),
        "topics": _text(),
    },
    strict=True,
    ordered=True,
    name="events",
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": DOCUMENTS,
    "comments": COMMENTS,
    "links": LINKS,
    "problems": PROBLEMS,
    "quotes": QUOTES,
    "claims": CLAIMS,
    "events": EVENTS,
}
