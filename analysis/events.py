"""Stage 4c — events: a dated timeline from the body (and a digest's dated links).

Every sentence that carries a resolvable date expression becomes one event row per distinct
(date, precision) it mentions.  Relative and year-less expressions are resolved against the
document's publication date at its precision (``doc["published"]``, ``doc["published_precision"]``):
a weekday needs a day-precise publication date, "earlier this month" a month-precise one.
A digest's dated "related" links become rows with ``source = "link"`` and no offsets.

Event bases: ``explicit date`` (the text gives the full date, month and year, or the year),
``year inferred`` (day/month from the text, year from the publication date — or, when the
publication date is unknown, from a known event of ``calendar.toml`` that the sentence describes), ``relative day``
(weekday, yesterday, today, tomorrow, "on the 19th", "a day after" in a clause reporting the news
of the day; "two days later" counted from a day the same sentence names before it, "the day after
the strike" back from it; "the next day" in a sentence with no date of its own from the last day
the text named), ``relative period`` (last week,
earlier this month, last year),
``link date`` (the date of a related link).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from analysis.dates import (
    DAY,
    PRECISIONS_ORDER,
    Calendar,
    DateMention,
    calendar_events,
    find_dates,
    resolve_with_calendar,
)
from analysis.knowledge import Knowledge

LINK_DATE = "link date"
RELATIVE_DAY = "relative day"
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# "after that" closing a clause points back to the day named before it ("on September 17 and
# an aid convoy was bombed two days after that."), like "later"
_THAT_CLOSING = r"(?:that|this)(?=\s*(?:[.,;:!?)]|$|(?:and|but)\b))"
# "two days later", "a day afterwards", "two days after that", "the next day", "later that day":
# counted from a date the sentence gave
DAYS_LATER = re.compile(
    rf"\b(?:(?P<count>{'|'.join(_DAY_COUNTS)}|[1-9]\d?) days? (?:later|afterwards?|after {_THAT_CLOSING})"
    r"|the (?:next|following) day"
    # "later that day", "the same day": the day itself ("the same day as the vote" names its own)
    r"|(?P<same>(?:later|earlier) (?:that|the same) day|(?:on )?the same day(?! as\b)))\b",
    re.IGNORECASE,
)
# what "the day after" counts from: a thing told, not "tomorrow" or "that"
_AFTER_WHAT = r"(?=\s+(?:the|its|his|her|their|this|that|our|your|my)\s+[a-z])"
# "met in Antalya on Sunday, two days after the attacks in Paris", "On Friday, the day after our
# missiles hit the base": what follows "after" happened that many days before the day the
# sentence named
DAYS_AFTER_WHAT = re.compile(
    rf"\b(?:(?P<count>{'|'.join(_DAY_COUNTS)}|[1-9]\d?) days? after\b(?! {_THAT_CLOSING})"
    rf"|the day after\b{_AFTER_WHAT})",
    re.IGNORECASE,
)


# "The warning came a day after the generals met": the clause's subject points back to the news
# the sentence before dated, and what follows "after" happened that many days before it
CAME_AFTER = re.compile(
    r"(?:^|[.!?]\s+)(?:the|this|that|these|those|his|her|its|their)\s[\w\s'’-]{1,40}?"
    r"\bc(?:ame|omes?)\s+$",
    re.IGNORECASE,
)


# "Kirby told reporters the day after the city fell": a sentence naming no date of its own counts
# from the last day the text named before (the day of the news it goes on telling)
THE_DAY_AFTER_WHAT = re.compile(
    rf"\bthe day after\b{_AFTER_WHAT}"
    # "… on Monday, 28 March." / "Cook said the same in Washington the next day."
    r"|\bthe (?:next|following) day\b",
    re.IGNORECASE,
)
THE_DAY_AFTER_REACH = 1500  # characters back to the day it counts from


def _reference(doc: dict[str, Any]) -> tuple[date | None, str | None]:
    """The publication date as a ``date`` (pandas/py datetimes accepted) and its precision."""
    value = doc.get("published")
    precision = doc.get("published_precision") or DAY
    if value is None or value != value:  # None, NaN, NaT
        return None, None
    if hasattr(value, "to_pydatetime"):
        try:
            value = value.to_pydatetime()
        except (TypeError, ValueError):
            return None, None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value)[:10])
        except ValueError:
            return None, None
    if precision not in PRECISIONS_ORDER:
        precision = DAY
    return value, precision


def _distinct_dates(mentions: list[DateMention]) -> list[DateMention]:
    """One mention per distinct (date, precision), in text order."""
    seen: set[tuple[date, str]] = set()
    kept: list[DateMention] = []
    for m in mentions:
        if m.date is None or m.precision is None:
            continue
        key = (m.date, m.precision)
        if key not in seen:
            seen.add(key)
            kept.append(m)
    return kept


def _body_events(
    body: str,
    sentences: list[tuple[int, int]],
    reference: date | None,
    precision: str | None,
    calendar: Calendar,
) -> list[dict[str, Any]]:
    mentions = find_dates(body, reference, precision)
    rows: list[dict[str, Any]] = []
    index = 0
    previous: list[DateMention] = []  # the dates of the sentence before
    paragraph: list[DateMention] = []  # the dates of the paragraph's sentences before that one
    previous_end = 0
    last_day: DateMention | None = None  # the last day-precise date of the sentences before
    for start, end in sentences:
        inside: list[DateMention] = []
        while index < len(mentions) and mentions[index].start < end:
            if mentions[index].start >= start:
                inside.append(mentions[index])
            index += 1
        if any(m.date is None for m in inside):
            inside = [resolve_with_calendar(m, body[start:end], calendar) for m in inside]
        new_paragraph = "\n" in body[previous_end:start]
        if new_paragraph:
            paragraph = []
        if (inside or previous or paragraph) and "day" in body[start:end].lower():
            inside = inside + _days_later(
                body, start, end, inside, previous, new_paragraph, paragraph
            )
        if not inside and last_day is not None and start - last_day.end <= THE_DAY_AFTER_REACH:
            inside = _the_day_after(body, start, end, last_day)
        if not new_paragraph:
            paragraph = paragraph + previous
        previous, previous_end = inside, end
        last_day = next(reversed(_days_of(inside)), last_day)
        for m in _distinct_dates(inside):
            rows.append(
                {
                    "date": m.date,
                    "precision": m.precision,
                    "basis": m.basis,
                    "text": body[start:end],
                    "start": start,
                    "end": end,
                    "source": "body",
                }
            )
    return rows


def _days_later(
    body: str,
    start: int,
    end: int,
    mentions: list[DateMention],
    previous: Sequence[DateMention] = (),
    new_paragraph: bool = False,
    paragraph: Sequence[DateMention] = (),
) -> list[DateMention]:
    """Days counted from a day the sentence names before them ("met in Hamburg on July 7, went
    into effect at noon two days later": 9 July; "met on Sunday, two days after the attacks":
    the Friday before); none without such a day.  "Later" with no day before it in its sentence
    counts from the last day the sentence before (in its paragraph) named ("… agreed on September
    9. The truce began three days later": 12 September), or, when that sentence names none, from
    the last day an earlier sentence of the paragraph named ("… denied it on Monday. He said: '…'
    The spokesman said the same the following day": Tuesday), and so does "after" when the clause's
    subject points back to that day's news, across a paragraph too ("… on Wednesday." / "The
    warning came a day after …": Tuesday)."""
    found: list[DateMention] = []
    counted = [(match, 1) for match in DAYS_LATER.finditer(body, start, end)]
    counted += [(match, -1) for match in DAYS_AFTER_WHAT.finditer(body, start, end)]
    for match, direction in counted:
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue  # "a day after" already read as the day before the news of the day
        before = [m for m in mentions if m.end <= match.start() and m.date and m.precision == DAY]
        if not before and (
            (direction > 0 and not new_paragraph)
            or (direction < 0 and CAME_AFTER.search(body[start : match.start()]))
        ):
            before = _days_of(previous)
            if not before and direction > 0:
                before = _days_of(paragraph)
        anchor = before[-1].date if before else None
        if anchor is None:
            continue
        count = match["count"]
        days = direction * (1 if count is None else _DAY_COUNTS.get(count.lower()) or int(count))
        if direction > 0 and match["same"]:
            days = 0
        found.append(
            replace(
                before[-1],
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                date=anchor + timedelta(days=days),
                basis=RELATIVE_DAY,
                kind="relative_day",
                modifier=match.group(0).lower(),
            )
        )
    return sorted(found, key=lambda m: m.start)


def _the_day_after(body: str, start: int, end: int, last_day: DateMention) -> list[DateMention]:
    """The day after what ("… the day after the city fell"), in a sentence with no date of its
    own: the day after the last day the text named before (see ``THE_DAY_AFTER_WHAT``)."""
    match = THE_DAY_AFTER_WHAT.search(body, start, end)
    if match is None or last_day.date is None:
        return []
    return [
        replace(
            last_day,
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            date=last_day.date + timedelta(days=1),
            basis=RELATIVE_DAY,
            kind="relative_day",
            modifier="the day after",
        )
    ]


def _days_of(mentions: Sequence[DateMention]) -> list[DateMention]:
    """The day-precise dates of ``mentions``, in text order."""
    return sorted((m for m in mentions if m.date and m.precision == DAY), key=lambda m: m.start)


def _link_events(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for link in links:
        if not isinstance(link, dict) or link.get("relation") != "related":
            continue
        when, _ = _reference({"published": link.get("date")})
        label = str(link.get("label") or "").strip()
        if when is None or not label:
            continue
        precision = link.get("date_precision") or DAY
        rows.append(
            {
                "date": when,
                "precision": precision if precision in PRECISIONS_ORDER else DAY,
                "basis": LINK_DATE,
                "text": label,
                "start": None,
                "end": None,
                "source": "link",
            }
        )
    return rows


def extract_events(
    doc: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    links: list[dict[str, Any]],
    kb: Knowledge,
) -> list[dict[str, Any]]:
    """Timeline rows (``event_id``, ``doc_id``, ``date``, ``precision``, ``basis``, ``text``,
    ``start``, ``end``, ``source``): body events in body order, then dated related links."""
    reference, precision = _reference(doc)
    calendar = calendar_events(kb)
    rows = _body_events(body or "", sentences, reference, precision, calendar)
    rows += _link_events(links or [])
    doc_id = str(doc.get("doc_id", ""))
    for n, row in enumerate(rows, start=1):
        row["event_id"] = f"{doc_id}:e{n}"
        row["doc_id"] = doc_id
    return rows
