"""Filtering a corpus by topic, date range and side.

* ``topic`` — a name from ``topics.toml`` (``valid_topics``) or ``"all"``/None for no topic filter;
  claims, quotes and events keep the rows tagged with it, and documents, links and comments are
  restricted to the documents that still have a claim, quote or event.
* ``start``/``end`` — ISO dates ("2016-05-20"), months ("2016-05") or years ("2016"), or date
  objects; inclusive.  A row is kept when its date (widened to its precision) overlaps the range;
  undated rows are dropped once a range is given.  Quotes have no date of their own: their
  document's published date stands in.
* ``side`` — one side or a list (``analysis.schemas.SIDES``); filters claims and quotes.  Events
  carry no side and are not filtered by it.

``problems`` is returned unchanged.  Invalid arguments raise ``ValueError`` naming the valid values.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.topics import valid_topics
from analysis.vocabulary import SIDES

if TYPE_CHECKING:
    from analysis.corpus import Corpus

ALL_TOPICS = "all"
_ISO_PART = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
ROW_TABLES = ("claims", "quotes", "events")
DOC_TABLES = ("documents", "links", "comments")


def parse_bound(value: Any, *, is_end: bool) -> date | None:
    """A range bound from a date, a Timestamp or an ISO string (year, year-month or full date).

    A partial end bound extends to the end of its month or year ("2016-05" → May 31)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    text = str(value).strip()
    match = _ISO_PART.match(text)
    if not match:
        raise ValueError(
            f"bad date {value!r}: use an ISO date like '2016-05-20', a month '2016-05' or a year '2016'"
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else (12 if is_end else 1)
    try:
        if match["day"]:
            return date(year, month, int(match["day"]))
        day = calendar.monthrange(year, month)[1] if is_end else 1
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"bad date {value!r}: {error}") from None


def _check_topic(topic: str | None, corpus: Corpus) -> str | None:
    if topic is None or topic == ALL_TOPICS:
        return None
    names = valid_topics(corpus.knowledge)
    if topic not in names:
        raise ValueError(
            f"unknown topic {topic!r}; valid topics: {', '.join([ALL_TOPICS, *names])}"
        )
    return topic


def _check_sides(side: str | list[str] | None) -> list[str] | None:
    if side is None:
        return None
    sides = [side] if isinstance(side, str) else list(side)
    unknown = [s for s in sides if s not in SIDES]
    if unknown:
        raise ValueError(f"unknown side {unknown[0]!r}; valid sides: {', '.join(SIDES)}")
    return sides


def _has_topic(frame: pd.DataFrame, topic: str) -> pd.Series:
    topics = frame["topics"].fillna("").astype(str)
    return topics.map(lambda cell: topic in cell.split(";")).astype(bool)


def _overlaps(
    dates: pd.Series, precisions: pd.Series, start: date | None, end: date | None
) -> pd.Series:
    """Rows whose (date, precision) interval overlaps [start, end]; undated rows are dropped."""
    from analysis.topics import date_interval

    def keep(value: Any, precision: Any) -> bool:
        if value is None or pd.isna(value):
            return False
        interval = date_interval(value, precision if isinstance(precision, str) else None)
        if interval is None:
            return False
        first, last = interval
        return not ((start and last < start) or (end and first > end))

    flags = [keep(v, p) for v, p in zip(dates, precisions, strict=True)]
    return pd.Series(flags, index=dates.index, dtype=bool)


def _quote_dates(corpus: Corpus) -> tuple[pd.Series, pd.Series]:
    published = corpus.documents.set_index("doc_id")
    dates = corpus.quotes["doc_id"].map(published["published"])
    precisions = corpus.quotes["doc_id"].map(published["published_precision"])
    return dates, precisions


def _row_mask(
    corpus: Corpus,
    name: str,
    topic: str | None,
    start: date | None,
    end: date | None,
    sides: list[str] | None,
) -> pd.Series:
    frame: pd.DataFrame = getattr(corpus, name)
    mask = pd.Series(True, index=frame.index, dtype=bool)
    if topic is not None:
        mask &= _has_topic(frame, topic)
    if start is not None or end is not None:
        if name == "claims":
            mask &= _overlaps(frame["date"], frame["date_precision"], start, end)
        elif name == "events":
            mask &= _overlaps(frame["date"], frame["precision"], start, end)
        else:
            dates, precisions = _quote_dates(corpus)
            mask &= _overlaps(dates, precisions, start, end)
    if sides is not None and "side" in frame.columns:
        mask &= frame["side"].isin(sides).fillna(False).astype(bool)
    return mask


def select_corpus(
    corpus: Corpus,
    topic: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    side: str | list[str] | None = None,
) -> Corpus:
    """The corpus filtered by topic, date range and side (rules in the module docstring)."""
    from analysis.model import Corpus

    chosen_topic = _check_topic(topic, corpus)
    first = parse_bound(start, is_end=False)
    last = parse_bound(end, is_end=True)
    if first and last and first > last:
        raise ValueError(f"start {first.isoformat()} is after end {last.isoformat()}")
    sides = _check_sides(side)
    tables: dict[str, pd.DataFrame] = {}
    for name in ROW_TABLES:
        frame: pd.DataFrame = getattr(corpus, name)
        mask = _row_mask(corpus, name, chosen_topic, first, last, sides)
        tables[name] = frame[mask].reset_index(drop=True)
    kept_docs: set[str] | None = None
    if chosen_topic is not None:
        kept_docs = set().union(*(set(tables[n]["doc_id"]) for n in ROW_TABLES))
    for name in DOC_TABLES:
        frame = getattr(corpus, name)
        if kept_docs is not None:
            frame = frame[frame["doc_id"].isin(sorted(kept_docs))]
        tables[name] = frame.reset_index(drop=True)
    return Corpus(
        documents=tables["documents"],
        comments=tables["comments"],
        links=tables["links"],
        problems=corpus.problems,
        quotes=tables["quotes"],
        claims=tables["claims"],
        events=tables["events"],
        knowledge=corpus.knowledge,
    )
