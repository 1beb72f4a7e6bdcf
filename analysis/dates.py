"""Date expressions: finding them in text with spans, precision and basis; publication dates.

``find_dates`` finds candidate spans with cheap regular expressions (month names, numeric ISO dates,
weekdays, relative words, bare years), lets ``dateparser`` read the month/day part of each span
(cached: the key space is a few hundred strings such as ``"Sept 30"``), and resolves what the text
leaves out against a reference date — never inventing a day or a year the text does not support.

``infer_published`` decides a document's publication date from the page head, a wire dateline, and
what the body says, using the calendar of known events (``analysis/data/calendar.toml``) to anchor
year-less and relative expressions in time.  Bases (``published_basis``):

- ``header``: a full date in the head (page stamp, digest heading), consistent with the content;
- ``header (day/month order from content)``: a head stamp such as "07/12/2017", whose day and month
  could be swapped, read in the one order that agrees with the content (not before the dates the
  text gives explicitly, inside the calendar anchors' window); unread when both or neither agree;
- ``header (day/month order from the lead's weekday)``: such a stamp read in the one order whose day
  is the weekday the article's first sentence names ("… announced early Saturday"), when the
  content cannot order it; when nothing orders it, the year both readings share (precision year);
- ``dateline``: a wire dateline ("MOSCOW, Oct 7 (Reuters) -"), year taken from the other evidence;
- ``date of writing``: the author dating the writing itself ("I am writing this on Tuesday,
  October 4", "As I write, on 4 October 2016"), a letter's or newsletter's way; a year left out
  is the one year of the calendar's span in which that day fell on the weekday named with it,
  else the year nearest the content;
- ``relative-day inference``: a weekday / "yesterday" / "last week" in a sentence about a known event;
- ``content inference``: the month of the latest event the text reports, bounded by the calendar;
- ``link date``: the latest dated source link, when nothing else is available;
- ``sidecar``: set by the pipeline from a ``.meta.toml`` file (not here).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import dateparser

from analysis.knowledge import Knowledge, load_knowledge

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS_ORDER = (DAY, MONTH, YEAR)

# Mention bases.
EXPLICIT = "explicit date"
YEAR_INFERRED = "year inferred"
RELATIVE_DAY = "relative day"
RELATIVE_PERIOD = "relative period"

# Publication bases.
HEADER = "header"
DATELINE = "dateline"
RELATIVE_DAY_INFERENCE = "relative-day inference"
CONTENT_INFERENCE = "content inference"
LINK_DATE = "link date"
WRITING_DATE = "date of writing"
# a head stamp such as "07/12/2017", read in the one order (month/day or day/month) that agrees
# with what the content says
HEADER_ORDER_FROM_CONTENT = "header (day/month order from content)"
# … or in the one order whose day is the weekday the article's first sentence names
HEADER_ORDER_FROM_WEEKDAY = "header (day/month order from the lead's weekday)"


@dataclass(frozen=True)
class PublishedDate:
    date: date | None
    precision: str | None  # day | month | year
    basis: str | None  # header | dateline | relative-day inference | content inference | link date


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text; ``date`` is None when it cannot be resolved."""

    start: int
    end: int
    text: str
    date: date | None
    precision: str | None
    basis: str | None
    kind: str  # full | month_day | month_year | month | year | weekday | relative_day | relative_period
    month: int | None = None
    day: int | None = None
    year: int | None = None
    modifier: str | None = None  # last/next/this/on… before a weekday; the relative phrase
    future: bool = False  # preceded by a forward-looking cue ("starting", "will", "until")
    year_offset: int | None = None  # "March 3 last year": -1; "in May next year": +1


# --------------------------------------------------------------------------------------------
# Candidate spans
# --------------------------------------------------------------------------------------------

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# "Mar" without its dot is a month only before a day and a year ("Mar 20, 2017"): alone it is
# the verb.  The lookahead is spelt without escapes so that its upper-case copy still works.
_MAR_BEFORE_DAY_AND_YEAR = "Mar(?=[ ][0-9]{1,2},?[ ](?:19|20)[0-9][0-9])"
_MONTH_ABBR = (
    r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?|"
    + _MAR_BEFORE_DAY_AND_YEAR
)
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_FULL.upper()}|{_MONTH_ABBR.upper()})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_ISO = re.compile(
    rf"(?<![\d/-])(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])(?![\d])"
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH})(?!\w)\s?(?P<day>{_DAY})(?!\d)(?:,\s?|\s)(?P<year>{_YEAR})(?!\d)"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<day>{_DAY})\.?\s?(?:of\s)?(?P<month>{_MONTH})(?!\w),?\s(?P<year>{_YEAR})(?!\d)"
)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})(?!\w)\s?(?P<day>{_DAY})(?![\d:,]\d|\w)")
_DAY_MONTH = re.compile(rf"(?<![\d,.])(?P<day>{_DAY})\s(?:of\s)?(?P<month>{_MONTH})(?!\w)")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?!\w),?\s(?P<year>{_YEAR})(?!\d)")
# A month without a day or a year is a month only after a word that introduces a time.
_BARE_MONTH = re.compile(
    r"\b(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Tt]hrough|[Tt]hroughout|[Ff]rom|"
    r"[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Ss]tarting|[Bb]eginning|"
    r"[Ee]nd of|[Mm]iddle of|[Bb]y|[Aa]s recently as)\s+"
    rf"(?P<span>(?:(?:early|late|mid)[- ])?(?P<month>{_MONTH_FULL}|Sept\.))(?!\w)(?!\.?,?\s?\d)"
)
# A month the year phrase after it makes a time without a lead word ("the memorandum of October
# last year", "talks planned for September next year").
_MONTH_OF_A_RELATIVE_YEAR = re.compile(
    rf"(?P<span>(?P<month>{_MONTH_FULL}|Sept\.))(?=,?\s(?:of\s)?(?:last|next|this|that) year\b(?!['’]s))"
)
_NOT_MAY_THE_NAME = re.compile(r"\s*(?:'s|’s|[A-Z]|said|says|told|has|had|was|is|and\s+[A-Z])")
# "on Thursday the 26th": the weekday and the day of the month, the month left to the reference
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Oo]n|[Cc]oming)\s+)?"
    rf"(?P<weekday>{'|'.join(_WEEKDAYS)})(?!\w)"
    rf"(?:,?\s(?:the\s)?(?P<dom>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?!\w)(?!\s(?:of\s)?{_MONTH}))?"
)
# "two days ago", "3 weeks ago": counts a text gives in words or digits
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}  # fmt: skip
_COUNT_WORDS = "|".join(_COUNTS)
_RELATIVE = re.compile(
    r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|the day after tomorrow|tomorrow|"
    r"(?:a|one) day after|"
    r"this morning|"
    r"(?:earlier|later) this (?:week|month|year)|(?:last|this|next|past) (?:week|month|year)|"
    r"a (?:week|month|year) ago|"
    rf"(?:{_COUNT_WORDS}|[2-9]|[1-9]\d) (?:days|weeks|months|years) ago)\b",
    re.IGNORECASE,
)
# "the convoy was hit on the 19th": a day of the month alone, its month left to the context (only
# after "on the", and only where no noun follows it: "on the 19th floor" is no date)
_DAY_ALONE = re.compile(
    r"(?<=\b[Oo]n the )(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?!\w)"
    r"(?=\s*(?:[.,;:!?)\]\"”’'—–]|$)|\s(?:and|or|but|when|as|at|in|after|before|while|until|with|by|"
    r"from|to)\b)"
)
_BARE_YEAR = re.compile(rf"(?<![\d,.$£€#/:-])(?P<year>{_YEAR})(?![\d]|,\d|\.\d|\s?%|\s?percent)")
# Forward-looking cues: "starting May 25", "from mid-September", "will meet on Friday".
_FUTURE_IMMEDIATE = re.compile(
    r"\b(?:starting|beginning|until|till|from|by|as of|due)\s+(?:on\s+)?$", re.IGNORECASE
)


# The month names ``_MONTH`` accepts, as ``_month_token`` spells them.  Their numbers are looked
# up here; dateparser reads any other token.  Its first calls in a process cost ~0.3 s (locale data,
# regexes), which a small corpus of English pages then never pays.  A test checks this table
# against dateparser for every month and day.
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_LEAP_YEAR = 2000  # "Feb 29" is a calendar date


@lru_cache(maxsize=4096)
def _parse_month_day(month_token: str, day: int) -> tuple[int, int] | None:
    """(month, day) of e.g. "Sept 30"; None when not a calendar date."""
    month = _MONTH_NUMBERS.get(month_token)
    if month is not None:
        return (month, day) if _safe_date(_LEAP_YEAR, month, day) else None
    return _dateparser_month_day(month_token, day)


def _dateparser_month_day(month_token: str, day: int) -> tuple[int, int] | None:
    """(month, day) read by dateparser."""
    parsed = dateparser.parse(
        f"{month_token} {day}",
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month"],
            "RELATIVE_BASE": datetime(2000, 1, 1),  # noqa: DTZ001 — a leap year, so "Feb 29" parses
            "PREFER_DATES_FROM": "current_period",
        },
    )
    return (parsed.month, parsed.day) if parsed else None


@lru_cache(maxsize=256)
def _parse_month(month_token: str) -> int | None:
    """The number of a month name ("Sept" → 9)."""
    month = _MONTH_NUMBERS.get(month_token)
    return month if month is not None else _dateparser_month(month_token)


def _dateparser_month(month_token: str) -> int | None:
    """The month number read by dateparser."""
    parsed = dateparser.parse(
        month_token,
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["month"],
            "RELATIVE_BASE": datetime(2000, 1, 1),  # noqa: DTZ001 — only the month is read
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.month if parsed else None


def _month_token(raw: str) -> str:
    return raw.rstrip(".").capitalize()


_NON_DIGIT = re.compile(r"\D")


def _day_number(raw: str) -> int:
    return int(_NON_DIGIT.sub("", raw))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    modifier: str | None = None
    year_offset: int | None = None
    day_of_month: int | None = None  # a weekday's day of the month ("Thursday the 26th")
    of_that_year: bool = False  # "May 25 of that year": the year the text named just before


# "March 3 last year", "in September of last year", "in May next year": the year, relative
_YEAR_AFTER = re.compile(r",?\s(?:of\s)?(?P<which>last|next|this) year\b(?!['’]s)")
_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _year_offset(text: str, end: int) -> int | None:
    """The year a relative phrase right after a year-less date gives ("… last year": -1)."""
    match = _YEAR_AFTER.match(text, end)
    return _YEAR_OFFSETS[match["which"]] if match else None


# "starting on May 25 of that year", "in October of the same year": the year named before
_THAT_YEAR_AFTER = re.compile(r",?\s(?:of\s)?(?:that|the same|that same) year\b(?!['’]s)")
THAT_YEAR_REACH = 1000  # characters back to the year "that year" points to


def _of_that_year(text: str, end: int) -> bool:
    return _THAT_YEAR_AFTER.match(text, end) is not None


# "By Wednesday it had been shared 7,400 times": a deadline the clause tells in the past
_BY_LEAD = re.compile(r"\b[Bb]y\s+(?:on\s+)?$")
_PAST_AFTER_DEADLINE = re.compile(
    r"[^.;:!?]{0,40}?\b(?:had|was|were)\b(?!\s+(?:expected|due|set|scheduled|to)\b)"
)


def _is_future(text: str, start: int, end: int, weekday: bool = False) -> bool:
    before = text[max(0, start - 60) : start]
    immediate = _FUTURE_IMMEDIATE.search(before)
    if immediate and _BY_LEAD.search(before) and _PAST_AFTER_DEADLINE.match(text, end):
        return bool(_FUTURE_MODAL.search(before))
    if immediate or _FUTURE_MODAL.search(before):
        return True
    # "are scheduled to meet in the southern province of Antalya on Tuesday": a weekday told in
    # the clause of a modal or a schedule looks forward however long the clause
    return weekday and bool(_FUTURE_CLAUSE.search(text, max(0, start - 100), start))


def _trie_pattern(words: Iterable[str], *, shortest: bool = False) -> str:
    """A regex matching exactly ``words``, the longest one where several match (``shortest``:
    the shortest): a trie that writes each shared prefix once ("ab", "abc", "ad" →
    ``a(?:b(?:c)?|d)``), so each character is compared once, not once per word."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?{'?' if shortest else ''}" if "" in node else body

    return pattern(root)


# A modal or a scheduled present within 30 characters before a date: "will meet on Friday", "is
# expected to land in May", "a meeting is expected on Friday", "which takes office in January".  A trie: one comparison per character.
_FUTURE_CUES = (
    *("will", "'ll", "shall", "is to", "are to", "scheduled", "planned", "plan to", "plans to"),
    *("expected to", "is expected", "are expected", "set to", "upcoming", "due"),
    *("takes office", "takes effect"),
    *("comes into force", "comes into effect", "expires"),
)
_FUTURE_MODAL = re.compile(rf"\b{_trie_pattern(_FUTURE_CUES)}\b[^.;:!?]{{0,30}}$", re.IGNORECASE)
# … and a weekday anywhere in the clause of a modal or of a schedule with its infinitive ("are
# scheduled to meet in the southern province of Antalya on Tuesday"), unless a comma, a
# subordinate clause or a past verb comes between ("will not say what happened when they met on
# Tuesday")
_FUTURE_CLAUSE_CUES = (
    *("will", "'ll", "shall", "is to", "are to", "is due to", "are due to"),
    *("scheduled to", "planned to", "plan to", "plans to", "expected to", "set to"),
)
_NOT_THE_MODALS_CLAUSE = (
    *("when", "what", "after", "before", "since", "which", "who", "that", "where", "because"),
    *("as", "while", "had", "was", "were", "did", "said", "says", "told"),
)
_FUTURE_CLAUSE = re.compile(
    rf"\b{_trie_pattern(_FUTURE_CLAUSE_CUES)}\b"
    rf"(?:(?!\b{_trie_pattern(_NOT_THE_MODALS_CLAUSE)}\b)[^.;:!?,\n“”\"]){{0,80}}$",
    re.IGNORECASE,
)

# Cheap first pass: literal prefixes of month and weekday names, relative words and digit runs.
# Python's regex engine scans a pattern that starts with literals quickly; the specific patterns
# below are then only tried, anchored, where a trigger was found (scanning every pattern over the
# whole text costs ~20× more).
_TRIGGER_WORDS = (
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    *_WEEKDAYS,  # whole, so that the "day" of "Monday" is not a trigger of its own
)
# (a trigger whose first letter no other trigger starts with slows the scan of every page:
# "morning" shares the "m" of "month", "evening" or "night" would not)
_RELATIVE_WORDS = (
    *("yesterday", "today", "tonight", "tomorrow", "week", "month", "year", "day", "morning"),
)
_TRIGGER_ALTERNATIVES = (
    *_TRIGGER_WORDS,
    *(w.upper() for w in _TRIGGER_WORDS),
    *_RELATIVE_WORDS,
    *(w.capitalize() for w in _RELATIVE_WORDS),
    *"0123456789",
)
# A trie matching the shortest alternative where several start (as the plain alternation in the
# order above does: "Mon" before "Month"): the same trigger spans, found faster.  Every branch
# starts with a literal character, so the regex engine still skips other positions quickly.
_TRIGGER = re.compile(_trie_pattern(_TRIGGER_ALTERNATIVES, shortest=True))
_BARE_MONTH_LEAD = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Tt]hrough|[Tt]hroughout|[Ff]rom|"
    r"[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Ss]tarting|[Bb]eginning|"
    r"[Ee]nd of|[Mm]iddle of|[Bb]y|[Aa]s recently as)\s+(?:(?:early|late|mid)[- ])?$"
)
# leads of a month that say nothing of the future ("in April", "during April", "early April")
PAST_LEANING_LEADS = frozenset([None, "in", "during", "throughout", "early", "late", "end of",
                                "middle of", "before", "after"])  # fmt: skip
_WEEKDAY_LEAD = re.compile(r"\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Oo]n|[Cc]oming)\s+$")
_RELATIVE_LEAD = re.compile(
    r"\b(?i:the day (?:before|after) |(?:earlier|later) this |last |this |next |past |a |one |"
    rf"(?:{_COUNT_WORDS}|[2-9]|[1-9]\d) )$"
)
_LOOKBACK = 30
# "since Sept. 30", "as recently as February": a past date, the latest up to the reference
_SINCE_LEAD = re.compile(r"\b(?:[Ss]ince|[Aa]s recently as)\s+$")
PAST_ONLY_LEADS = frozenset(["since", "as recently as"])

# Which patterns may start at a trigger (in priority order), and which start a few words before.
_AT_DIGIT = (
    ("iso", _ISO),
    ("day_month_year", _DAY_MONTH_YEAR),
    ("day_month", _DAY_MONTH),
    ("day_alone", _DAY_ALONE),
    ("year", _BARE_YEAR),
)
_AT_MONTH = (
    ("month_day_year", _MONTH_DAY_YEAR),
    ("month_year", _MONTH_YEAR),
    ("month_day", _MONTH_DAY),
)


def _anchored(text: str, position: int) -> Iterable[tuple[str, re.Match[str]]]:
    """Matches of the specific patterns that start at, or lead up to, a trigger position."""
    char = text[position]
    if char.isdigit():
        for kind, pattern in _AT_DIGIT:
            if (match := pattern.match(text, position)) is not None:
                yield kind, match
                return
        return
    back = max(0, position - _LOOKBACK)
    word = text[position : position + 3]
    if _RELATIVE_WORD.match(text, position):
        lead = _RELATIVE_LEAD.search(text, back, position)
        match = _RELATIVE.match(text, lead.start()) if lead else None
        if match is None:  # "a quick one today": the word before is not part of the phrase
            match = _RELATIVE.match(text, position)
        if match is not None:
            yield "relative", match
        return
    if word.capitalize() in _WEEKDAY_PREFIXES and _WEEKDAY.match(text, position):
        lead = _WEEKDAY_LEAD.search(text, back, position)
        match = _WEEKDAY.match(text, lead.start() if lead else position)
        if match is not None:
            yield "weekday", match
            return
    for kind, pattern in _AT_MONTH:
        if (match := pattern.match(text, position)) is not None:
            yield kind, match
            return
    lead = _BARE_MONTH_LEAD.search(text, back, position)
    match = _BARE_MONTH.match(text, lead.start()) if lead is not None else None
    if match is None:
        match = _MONTH_OF_A_RELATIVE_YEAR.match(text, position)
    if match is not None:
        yield "bare_month", match


_RELATIVE_WORD = re.compile(rf"(?i:{'|'.join(_RELATIVE_WORDS)})s?\b")
_WEEKDAY_PREFIXES = {w[:3] for w in _WEEKDAYS}


def _candidate(kind: str, match: re.Match[str], text: str) -> _Candidate | None:
    start, end = match.span()
    if kind == "iso":
        return _Candidate(
            start, end, "full", int(match["month"]), int(match["day"]), int(match["year"])
        )
    if kind in {"month_day_year", "day_month_year", "month_day", "day_month"}:
        parsed = _parse_month_day(_month_token(match["month"]), _day_number(match["day"]))
        if parsed is None:
            return None
        full = kind.endswith("year")
        year = int(match["year"]) if full else None
        if year is not None and _safe_date(year, *parsed) is None:
            return None
        since = None if full or not _SINCE_LEAD.search(text, max(0, start - 20), start) else "since"
        kind_name = "full" if full else "month_day"
        offset = None if full else _year_offset(text, end)
        return _Candidate(
            start,
            end,
            kind_name,
            parsed[0],
            parsed[1],
            year,
            modifier=since,
            year_offset=offset,
            of_that_year=not full and _of_that_year(text, end),
        )
    if kind == "month_year":
        month = _parse_month(_month_token(match["month"]))
        return (
            _Candidate(start, end, "month_year", month, None, int(match["year"])) if month else None
        )
    if kind == "bare_month":
        start, end = match.span("span")
        lead = match.groupdict().get("pre")
        if match["month"] == "May" and (lead is None or _NOT_MAY_THE_NAME.match(text, end)):
            return None  # "Theresa May last year", "May said": no lead word makes it a month
        month = _parse_month(_month_token(match["month"]))
        if not month:
            return None
        offset = _year_offset(text, end)
        return _Candidate(
            start,
            end,
            "month",
            month,
            modifier=lead.lower() if lead else None,
            year_offset=offset,
            of_that_year=_of_that_year(text, end),
        )
    if kind == "day_alone":
        return _Candidate(start, end, "day_of_month", day=int(match["day"]))
    if kind == "weekday":
        modifier = (match["mod"] or "").lower() or None
        dom = int(match["dom"]) if match["dom"] else None
        return _Candidate(
            start,
            end,
            "weekday",
            day=_WEEKDAYS.index(match["weekday"]),
            modifier=modifier,
            day_of_month=dom,
        )
    if kind == "relative":
        phrase = match["rel"].lower()
        if phrase in {"today", "tonight"} and _after_a_name(text, start):
            return None  # "Russia Today", "USA Today"
        if phrase == "tomorrow" and _OF_TOMORROW.search(text, max(0, start - 4), start):
            return None  # "the weapons of tomorrow": no day
        if phrase.endswith("day after"):
            if not _news_of_the_day(text, start):
                return None
            phrase = DAY_AFTER
        day_like = "day" in phrase or phrase in _DAY_OFFSETS
        return _Candidate(
            start, end, "relative_day" if day_like else "relative_period", modifier=phrase
        )
    return _Candidate(start, end, "year", year=int(match["year"]))


DAY_AFTER = "a day after"
_CLAUSE_START = re.compile(r"[.!?\n][^.!?\n]*$")
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\b")
_PAST_OR_DATED = re.compile(rf"\b(?:had|was|were)\b|\d|\b{_MONTH}\b")


def _news_of_the_day(text: str, start: int) -> bool:
    """Whether the clause before "a day after" reports the news of the day (present perfect, no
    other date: "X has held talks …, a day after presenting …"), so that what follows it happened
    the day before."""
    before = text[max(0, start - 300) : start]
    opening = _CLAUSE_START.search(before)
    clause = before[opening.start() + 1 :] if opening else before
    return bool(_PRESENT_PERFECT.search(clause)) and not _PAST_OR_DATED.search(clause)


_OF_TOMORROW = re.compile(r"\bof $", re.IGNORECASE)
_NAME_BEFORE_TODAY = re.compile(r"\b(?:Russia|USA|RT|[A-Z]{2,})$")  # "Russia Today", "USA Today"


def _after_a_name(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip()
    return bool(_NAME_BEFORE_TODAY.search(before))


def _inside_token(text: str, position: int) -> bool:
    """A trigger in the middle of a word or a number ("GMT26" still starts a day number)."""
    if not position:
        return False
    before = text[position - 1]
    return before.isdigit() if text[position].isdigit() else before.isalnum()


# "last night": its words start with letters no trigger starts with, so it has a literal scan of
# its own (a search for one phrase costs far less than a new first letter in the trigger)
_LAST_NIGHT = re.compile(r"(?<!\w)[Ll]ast night\b")


def _last_nights(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """``found`` with the "last night"s of ``text`` that no found date covers, in text order."""
    extra = [
        _Candidate(m.start(), m.end(), "relative_day", modifier="last night")
        for m in _LAST_NIGHT.finditer(text)
        if not any(c.start < m.end() and m.start() < c.end for c in found)
    ]
    return sorted(found + extra, key=lambda c: c.start) if extra else found


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    covered = 0  # end of the last accepted match: triggers inside it are skipped
    for trigger in _TRIGGER.finditer(text):
        position = trigger.start()
        if position < covered or _inside_token(text, position):
            continue  # inside an accepted date, or in the middle of a word or a number
        for kind, match in _anchored(text, position):
            candidate = _candidate(kind, match, text)
            if candidate is not None and candidate.start >= covered:
                found.append(candidate)
                covered = match.end()
    if "ast night" in text:
        found = _last_nights(text, found)
    return _with_that_year(found)


def _with_that_year(found: list[_Candidate]) -> list[_Candidate]:
    """A date "of that year" takes the year of the latest date before it that names one ("since
    May 2016, when … starting on May 25 of that year": 2016), not the reference's; without such
    a year close before it, it stays year-less."""
    if not any(c.of_that_year for c in found):
        return found
    named: _Candidate | None = None  # the latest candidate before that names its year
    out: list[_Candidate] = []
    for c in found:
        if c.of_that_year:
            if named is not None and c.start - named.end <= THAT_YEAR_REACH:
                c = replace(c, year=named.year)
            else:
                c = replace(c, of_that_year=False)
        elif c.year is not None:
            named = c
        out.append(c)
    return out


# --------------------------------------------------------------------------------------------
# Resolution against a reference date
# --------------------------------------------------------------------------------------------


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _centre(reference: date, precision: str) -> date:
    """The middle of the reference period, to measure "nearest" from."""
    if precision == YEAR:
        return date(reference.year, 7, 1)
    if precision == MONTH:
        return reference.replace(day=15)
    return reference


def _nearest_year(month: int, day: int, reference: date, precision: str) -> date | None:
    """The occurrence of month/day nearest to the reference (within the reference year ±1)."""
    centre = _centre(reference, precision)
    options = [
        d
        for y in (centre.year - 1, centre.year, centre.year + 1)
        if (d := _safe_date(y, month, day))
    ]
    return min(options, key=lambda d: (abs((d - centre).days), d)) if options else None


def _latest_until(month: int, day: int, reference: date, precision: str) -> date | None:
    """The latest occurrence of month/day not after the end of the reference period."""
    if precision == YEAR:
        end = date(reference.year, 12, 31)
    elif precision == MONTH:
        end = _add_months(reference, 1) - timedelta(days=1)
    else:
        end = reference
    for year in (end.year, end.year - 1, end.year - 2):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= end:
            return candidate
    return None


def _resolve_month(c: _Candidate, reference: date, precision: str, future: bool = True) -> date:
    """A month without its year: "last April" before, "next April" after; a plain "in April"
    told without a word of the future is the latest April up to the reference (news reports
    what happened), else the nearest one."""
    centre = _centre(reference, precision)
    assert c.month is not None
    if c.modifier == "last":
        year = centre.year if c.month < centre.month else centre.year - 1
        return date(year, c.month, 1)
    if c.modifier in PAST_ONLY_LEADS or (
        c.modifier in PAST_LEANING_LEADS and not future and precision == DAY
    ):
        year = centre.year if c.month <= centre.month else centre.year - 1
        return date(year, c.month, 1)
    if c.modifier == "next":
        year = centre.year if c.month > centre.month else centre.year + 1
        return date(year, c.month, 1)
    resolved = _nearest_year(
        c.month, 1, reference.replace(day=1), MONTH if precision == DAY else precision
    )
    assert resolved is not None
    return resolved


def _resolve_weekday(c: _Candidate, reference: date, future: bool) -> date:
    assert c.day is not None
    back = (reference.weekday() - c.day) % 7
    ahead = (c.day - reference.weekday()) % 7
    if c.modifier == "last":
        return reference - timedelta(days=back or 7)
    if c.modifier in {"next", "coming"}:
        return reference + timedelta(days=ahead or 7)
    if future:
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=back)


WEEKDAY_MONTH_REACH = 2  # months either side of the reference searched for "Thursday the 26th"


def _weekday_of_month_day(weekday: int | None, day: int, reference: date) -> date | None:
    """The date nearest the reference whose day of the month is ``day`` and whose weekday is
    ``weekday`` ("Thursday the 26th" on a page of 18 November 2015: 26 November); a month
    holding that day on that weekday recurs only every few months, so the reading is sure."""
    month = _month_start(reference)
    dates = [
        found
        for shift in range(-WEEKDAY_MONTH_REACH, WEEKDAY_MONTH_REACH + 1)
        for first in [_add_months(month, shift)]
        for found in [_safe_date(first.year, first.month, day)]
        if found is not None and found.weekday() == weekday
    ]
    return min(dates, key=lambda d: abs((d - reference).days), default=None)


_DAY_OFFSETS = {"the day before yesterday": -2, "yesterday": -1, DAY_AFTER: -1, "today": 0,
                "tonight": 0, "this morning": 0, "last night": -1, "tomorrow": 1,
                "the day after tomorrow": 2}  # fmt: skip


def _latest_day_of_month(day: int, reference: date) -> date | None:
    """The latest date up to the reference whose day of the month is ``day`` ("on the 19th" on a
    page of 3 October: 19 September; on a page of 24 September: 19 September)."""
    month = _month_start(reference)
    if day > reference.day:
        month = _add_months(month, -1)
    return _safe_date(month.year, month.month, day)


DAY_ALONE_REACH = 1000  # characters back to the month "on the 19th" takes


def _with_months_named_before(mentions: list[DateMention]) -> list[DateMention]:
    """A day of the month alone ("… agreed on September 9 … the convoy was hit on the 19th")
    takes the month and year of the latest date close before it that names a month (19
    September); without one, it keeps its reading against the reference."""
    if not any(m.kind == "day_of_month" for m in mentions):
        return mentions
    named: DateMention | None = None
    out: list[DateMention] = []
    for m in mentions:
        if m.kind == "day_of_month" and m.day is not None:
            if named is not None and named.date and m.start - named.end <= DAY_ALONE_REACH:
                found = _safe_date(named.date.year, named.date.month, m.day)
                if found is not None:
                    m = replace(m, date=found, precision=DAY, basis=YEAR_INFERRED)
        elif m.date is not None and m.month is not None and m.kind != "relative_day":
            named = m
        out.append(m)
    return out


def _count(word: str) -> int:
    """The number "a", "two" or "3" says."""
    return 1 if word in {"a", "one"} else _COUNTS.get(word) or int(word)


def _relative_day_offset(phrase: str) -> int:
    """Days from the reference to the day a phrase names ("two days ago" → -2)."""
    if phrase.endswith("ago"):
        return -_count(phrase.split()[0])
    return _DAY_OFFSETS[phrase]


def _resolve_relative_day(phrase: str, reference: date) -> date:
    return reference + timedelta(days=_relative_day_offset(phrase))


def _period_for(phrase: str, reference: date) -> tuple[date, date]:
    """First and last day of the period a relative phrase points to."""
    ago = phrase.endswith("ago")
    unit = phrase.split()[1].rstrip("s") if ago else phrase.rsplit(" ", 1)[-1]
    shift = 0
    if ago:
        shift = -_count(phrase.split()[0])
    elif phrase.startswith(("last", "past")):
        shift = -1
    elif phrase.startswith("next"):
        shift = 1
    if unit == "week":
        monday = _week_monday(reference) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _add_months(reference, shift)
        return first, _add_months(first, 1) - timedelta(days=1)
    year = reference.year + shift
    return date(year, 1, 1), date(year, 12, 31)


def _coarsest_common(first: date, last: date) -> tuple[date | None, str | None]:
    if (first.year, first.month) == (last.year, last.month):
        return first.replace(day=1), MONTH
    if first.year == last.year:
        return date(first.year, 1, 1), YEAR
    return None, None


def _resolve(
    c: _Candidate, reference: date | None, precision: str | None, future: bool
) -> tuple[date | None, str | None, str | None]:
    if c.kind == "full":
        assert c.year is not None
        assert c.month is not None
        assert c.day is not None
        return _safe_date(c.year, c.month, c.day), DAY, EXPLICIT
    if c.kind == "month_year":
        assert c.year is not None
        assert c.month is not None
        return date(c.year, c.month, 1), MONTH, EXPLICIT
    if c.kind == "year":
        assert c.year
        return date(c.year, 1, 1), YEAR, EXPLICIT
    if c.of_that_year and c.year is not None and c.month is not None:
        if c.kind == "month":
            return date(c.year, c.month, 1), MONTH, YEAR_INFERRED
        if c.day is not None:
            return _safe_date(c.year, c.month, c.day), DAY, YEAR_INFERRED
    if reference is None or precision is None:
        return None, None, None
    if c.year_offset is not None and c.kind in {"month_day", "month"}:
        assert c.month is not None
        year = reference.year + c.year_offset
        if c.kind == "month":
            return date(year, c.month, 1), MONTH, YEAR_INFERRED
        assert c.day is not None
        return _safe_date(year, c.month, c.day), DAY, YEAR_INFERRED
    if c.kind == "month_day":
        assert c.month is not None
        assert c.day is not None
        if c.modifier == "since":
            return _latest_until(c.month, c.day, reference, precision), DAY, YEAR_INFERRED
        return _nearest_year(c.month, c.day, reference, precision), DAY, YEAR_INFERRED
    if c.kind == "month":
        return _resolve_month(c, reference, precision, future), MONTH, YEAR_INFERRED
    if c.kind == "relative_period":
        assert c.modifier
        if c.modifier.endswith("week") and precision != DAY:
            return None, None, None  # "last week" of a month-precise date is unknown
        if precision == YEAR and not c.modifier.endswith("year"):
            return None, None, None
        first, last = _period_for(c.modifier, reference)
        resolved, resolved_precision = _coarsest_common(first, last)
        return resolved, resolved_precision, RELATIVE_PERIOD if resolved else None
    if c.kind == "weekday" and c.day_of_month is not None:
        found = _weekday_of_month_day(c.day, c.day_of_month, reference)
        return (found, DAY, RELATIVE_DAY) if found else (None, None, None)
    if precision != DAY:
        return None, None, None  # a weekday or "yesterday" needs a day-precise reference
    if c.kind == "day_of_month":
        assert c.day is not None
        return _latest_day_of_month(c.day, reference), DAY, RELATIVE_DAY
    if c.kind == "weekday":
        return _resolve_weekday(c, reference, future), DAY, RELATIVE_DAY
    assert c.modifier
    return _resolve_relative_day(c.modifier, reference), DAY, RELATIVE_DAY


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[tuple[_Candidate, bool], ...]:
    """The date spans of ``text`` and whether each looks forward; they do not depend on the
    reference date, so a body scanned for its publication date is not scanned again for its
    events."""
    if "\u060c" in text or "\u061b" in text or "\uff0c" in text:
        text = text.translate(_LOOKALIKE_PUNCTUATION)  # same length: spans hold
    return tuple(
        (c, _is_future(text, c.start, c.end, c.kind == "weekday")) for c in _candidates(text)
    )


# Arabic comma and semicolon, full-width comma: "18 September، 2016" is "18 September, 2016".
_LOOKALIKE_PUNCTUATION = str.maketrans({"\u060c": ",", "\u061b": ";", "\uff0c": ","})


def find_dates(
    text: str, reference: date | None = None, reference_precision: str | None = DAY
) -> list[DateMention]:
    """Date expressions in ``text`` with spans; relative and year-less ones resolved against
    ``reference`` (publication date) at its precision.  Unresolvable mentions have ``date=None``."""
    if reference is not None and not isinstance(reference, date):
        reference = None
    if isinstance(reference, datetime):
        reference = reference.date()
    mentions: list[DateMention] = []
    for c, future in _scan(text):
        resolved, precision, basis = _resolve(c, reference, reference_precision, future)
        mentions.append(
            DateMention(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                date=resolved,
                precision=precision if resolved else None,
                basis=basis if resolved else None,
                kind=c.kind,
                month=c.month,
                day=c.day,
                year=c.year,
                modifier=c.modifier,
                future=future,
                year_offset=c.year_offset,
            )
        )
    return _with_months_named_before(mentions)


# --------------------------------------------------------------------------------------------
# Calendar of known events
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEvent:
    name: str
    date: date
    precision: str
    keywords: tuple[tuple[str, ...], ...]  # groups of lower-cased alternatives


_WORDS = re.compile(r"\w+")


class Calendar:
    """The known events, with one keyword scan per sentence for all of them."""

    def __init__(self, events: Sequence[CalendarEvent]) -> None:
        self.events = tuple(events)
        self._groups_of: dict[str, set[tuple[int, int]]] = {}
        for e_index, event in enumerate(self.events):
            for g_index, group in enumerate(event.keywords):
                for word in group:
                    self._groups_of.setdefault(word, set()).add((e_index, g_index))
        self._group_counts = tuple(len(event.keywords) for event in self.events)
        # One scan per sentence: at each word start, the longest keyword found there (a
        # look-ahead, so that every word start is tried; the keywords as a trie, so that each
        # character is compared once); the shorter keywords that also start there are its
        # prefixes, listed beforehand.  A keyword must start with a word character.
        words = sorted(w for w in self._groups_of if _WORDS.match(w))
        self._scan = re.compile(rf"(?<!\w)(?=({_trie_pattern(words)}))") if words else None
        self._hits_of: dict[str, frozenset[tuple[int, int]]] = {
            word: frozenset().union(*(self._groups_of[w] for w in words if word.startswith(w)))
            for word in words
        }

    def years(self) -> range:
        """The years the calendar covers, one either side (the corpus's plausible span)."""
        if not self.events:
            return range(0)
        return range(self.events[0].date.year - 1, self.events[-1].date.year + 2)

    def matching(self, sentence: str) -> list[CalendarEvent]:
        """Events whose every keyword group occurs in ``sentence`` (a keyword starts a word)."""
        if self._scan is None:
            return []
        found = set(self._scan.findall(sentence.lower()))  # the one group: each keyword found
        if not found:
            return []
        hits: set[tuple[int, int]] = set().union(*(self._hits_of[word] for word in found))
        groups_hit = Counter(e_index for e_index, _ in hits)
        return [
            self.events[e_index]
            for e_index in sorted(groups_hit)
            if groups_hit[e_index] == self._group_counts[e_index]
        ]


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


_CALENDAR_CACHE: dict[str, Calendar] = {}


def _compiled_calendar(kb: Knowledge) -> Calendar:
    """Compiled once per knowledge base (keyed by its fingerprint)."""
    key = kb.fingerprint or str(id(kb))
    if key not in _CALENDAR_CACHE:
        _CALENDAR_CACHE[key] = _compile_calendar(kb)
    return _CALENDAR_CACHE[key]


def _keyword_groups(raw: Any) -> tuple[tuple[str, ...], ...]:
    groups = []
    for group in raw if isinstance(raw, list) else []:
        words = tuple(sorted({str(w).strip().lower() for w in group if str(w).strip()}))
        if isinstance(group, list) and words:
            groups.append(words)
    return tuple(groups)


def _compile_calendar(kb: Knowledge) -> Calendar:
    events: list[CalendarEvent] = []
    for entry in kb.calendar.get("events", []):
        if not isinstance(entry, dict):
            continue
        when = _as_date(entry.get("date"))
        groups = _keyword_groups(entry.get("keywords"))
        if when is None or not groups:
            continue
        precision = str(entry.get("precision", DAY))
        events.append(
            CalendarEvent(
                name=str(entry.get("name", "")),
                date=when,
                precision=precision if precision in PRECISIONS_ORDER else DAY,
                keywords=groups,
            )
        )
    return Calendar(sorted(events, key=lambda e: (e.date, e.name)))


@lru_cache(maxsize=1)
def _shipped_knowledge() -> Knowledge:
    return load_knowledge()


def calendar_events(kb: Knowledge | None = None) -> Calendar:
    """The compiled calendar (shipped data, or ``kb``'s merged calendar)."""
    return _compiled_calendar(kb if kb is not None else _shipped_knowledge())


def resolve_with_calendar(mention: DateMention, sentence: str, calendar: Calendar) -> DateMention:
    """A year-less "September 30" / "in March" the reference could not date, dated by a known event
    of the same month (and day) whose keywords all occur in the sentence (basis "year inferred")."""
    if mention.date is not None or mention.kind not in {"month_day", "month"}:
        return mention
    fits = {
        (e.date.year, e.date.month)
        for e in calendar.matching(sentence)
        if e.date.month == mention.month
        and (mention.kind == "month" or (e.precision == DAY and e.date.day == mention.day))
    }
    if len(fits) != 1:
        return mention
    year, month = fits.pop()
    if mention.kind == "month":
        return replace(mention, date=date(year, month, 1), precision=MONTH, basis=YEAR_INFERRED)
    assert mention.day is not None
    return replace(mention, date=date(year, month, mention.day), precision=DAY, basis=YEAR_INFERRED)


# --------------------------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------------------------

Interval = tuple[date, date]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_DATELINE = re.compile(
    r"^[\s>*#_-]*[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,?\s+"
    rf"(?P<date>(?:{_MONTH})\s?{_DAY}(?:,\s?{_YEAR})?|{_DAY}\s(?:{_MONTH})(?:\s{_YEAR})?)"
    r"(?:\s*\([A-Z][\w .&/-]{0,40}\)(?:\s*[-–—]|[ ]+(?=[A-Z]))|\.?\s*/[A-Z][\w -]{1,20}/|\s*[-–—])"
)
# Head stamps in other languages or numeric forms ("29. September 2016", "9 сентября 2016",
# "07.10.2015"), read by dateparser (day first) when no English date is found in the head.
_OTHER_HEAD_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}\.?\s+[^\W\d_]{{3,12}}\.?,?\s+{_YEAR}|\d{{1,2}}\.\d{{1,2}}\.{_YEAR})(?!\d)"
)
# "07/15/16 06:00 AM EDT" under a column: read when the day cannot be taken for the month
_SLASH_DATE = re.compile(
    r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"
)
MIN_SLASH_YEAR, MAX_SLASH_YEAR = 1990, 2049
# "2017/5/11 22:48:39": year first, then month and day (East Asian usage); the order is certain
_YEAR_FIRST_SLASH_DATE = re.compile(
    rf"(?<![\d/])(?P<year>{_YEAR})/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})(?![\d/])"
)
_DASH_DATE = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])")


def _as_slashes(line: str) -> str:
    """ "17-09-2017" written as "17/09/2017" (same length): a numeric day and month with dashes
    and a four-digit year are read like slash dates."""
    return _DASH_DATE.sub(r"\1/\2/\3", line) if "-" in line else line


_MARKDOWN_TARGET = re.compile(r"\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]{2,60}/[^()]{2,60}|[^()]*\b(?:[Pp]hoto|Getty|AFP|AP|Reuters|REUTERS|EPA|Image)\b[^()]*)\)\s*$"
)
_CAPTION_START = re.compile(
    r"^\s*(?:FILE PHOTO|File photo|Photo|PHOTO|Image|IMAGE|Picture)\b[:\s-]"
)
_CAPTION_SHAPE = re.compile(
    r"^(?:An?|The|This)\b[^.]{0,160}\b(?:shows?|is seen|are seen|pictured|poses?|stands?|walks?|"
    r"speaks?|looks? on|arrives?|gestures?|takes? off|lands?)\b"
)
_STAMP_RESIDUE_WORDS = 5
_RELATIVE_DAY_WINDOW = 6  # a weekday names a day of the past week
_YEARLESS_WINDOW = 183  # a date written without its year lies in the last half-year
_BARE_MONTH_WINDOW = 365
_STAMP_TOLERANCE = 92
_ORDER_TOLERANCE = timedelta(days=7)  # a stamp reading a week off the content's window agrees
_CAPTION_REPEAT_WINDOW = 3000  # a caption repeated under its picture follows closely


@dataclass(frozen=True)
class _Anchor:
    """Publication windows implied by one mention about a known event."""

    intervals: tuple[Interval, ...]
    fine: bool  # from a weekday / "yesterday" / "last week": fine enough for a day or a week


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _line_spans(text: str, limit: int = -1) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``; of the first ``limit + 1`` lines at most when
    ``limit`` is given (``str.split``'s ``maxsplit``)."""
    spans, start = [], 0
    for line in text.split("\n", limit):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _is_caption(line: str, later_text: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _CAPTION_CREDIT.search(stripped) or _CAPTION_START.match(stripped):
        return True
    if 30 <= len(stripped) <= 400 and stripped in later_text:
        return True  # a caption repeated under the picture
    return bool(_CAPTION_SHAPE.match(stripped)) and stripped.count(". ") == 0


def _is_link_line(line: str) -> bool:
    """A line that is mostly a link (related-story lists, menus): not the article's own words."""
    labels = sum(len(m.group(1)) for m in _MARKDOWN_LINK.finditer(line))
    return labels > 0 and labels * 2 >= len(_MARKDOWN_TARGET.sub("]", line).strip())


_RESIDUE_WORD = re.compile(r"[A-Za-z]{2,}")


def _is_stamp(line: str, mentions: list[DateMention]) -> bool:
    """A short line that is mostly a date ("22:08 GMT26 October 2020", "### [2016-05-21](…)")."""
    if not mentions or len(line) > 120:
        return False
    residue = _MARKDOWN_TARGET.sub("]", line)
    for m in mentions:
        residue = residue.replace(m.text, " ")
    return len(_RESIDUE_WORD.findall(residue)) <= _STAMP_RESIDUE_WORDS


@lru_cache(maxsize=1024)
def _unambiguous_slash_date(match: re.Match[str]) -> date | None:
    """A numeric date with slashes, read only when the order of day and month is certain
    ("07/15/16": the 15th must be the day, "3/3/2017" reads the same either way); "05/06/16"
    could be either and gives nothing."""
    first, second = int(match.group("first")), int(match.group("second"))
    year = int(match.group("year"))
    year += 2000 if year < 100 else 0
    if first == second or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    found = _safe_date(year, month, day)
    return found if found is not None and MIN_SLASH_YEAR <= year <= MAX_SLASH_YEAR else None


def _slash_readings(match: re.Match[str]) -> tuple[date, ...]:
    """Both readings (month/day, day/month) of a slash date whose day and month could be
    swapped ("07/12/2017"); none when the order is certain or the date impossible."""
    first, second = int(match.group("first")), int(match.group("second"))
    year = int(match.group("year"))
    year += 2000 if year < 100 else 0
    if first > 12 or second > 12 or first == second or not MIN_SLASH_YEAR <= year <= MAX_SLASH_YEAR:
        return ()
    readings = (_safe_date(year, first, second), _safe_date(year, second, first))
    return tuple(d for d in readings if d is not None)


def _ambiguous_slash_date(lines: Sequence[str]) -> tuple[date, ...]:
    """The two readings of the first head stamp whose day and month could be swapped."""
    for line in lines:
        for match in _SLASH_DATE.finditer(_as_slashes(_MARKDOWN_TARGET.sub("]", line))):
            readings = _slash_readings(match)
            if len(readings) == 2:
                return readings
    return ()


def _agrees_with_content(
    day: date, window: list[Interval] | None, explicit_latest: date | None
) -> bool:
    """A stamp reading agrees with the content when it is not before the latest date the text
    gives explicitly and lies in the window the calendar anchors give (or up to a week after it:
    a late update, never before what the page reports); without such a window, when it is
    within a season after the latest date the text gives explicitly (a month given without its
    day counts to its end)."""
    if window is None and explicit_latest is None:
        return False  # nothing to agree with
    if explicit_latest is not None and day < explicit_latest - timedelta(days=7):
        return False
    if window is None:
        assert explicit_latest is not None
        end = _add_months(explicit_latest, 1) if explicit_latest.day == 1 else explicit_latest
        return day <= end + timedelta(days=_STAMP_TOLERANCE)
    return any(a <= day <= b + _ORDER_TOLERANCE for a, b in window)


def _ordered_slash_date(
    readings: tuple[date, ...], window: list[Interval] | None, explicit_latest: date | None
) -> date | None:
    """The one reading of an ambiguous head stamp that agrees with the content; None when both
    or neither do."""
    agreeing = [d for d in readings if _agrees_with_content(d, window, explicit_latest)]
    return agreeing[0] if len(agreeing) == 1 else None


# A weekday named as it stands or after a bare "on" ("met … on Tuesday"): the story's own day, not
# one counted from it ("last Tuesday", "next Tuesday").
PLAIN_WEEKDAY_LEADS = frozenset([None, "on"])
LEAD_CHARS = 600  # the article's first sentence lies within this many characters


def _lead_weekday(body: str) -> int | None:
    """The one past weekday the article's first sentence names, bare or after "on", never after
    "last" or "next" ("… US Secretary of State John Kerry announced early Saturday"); None
    otherwise."""
    lead = body[:LEAD_CHARS]
    spans = _sentences(lead)
    sentence = lead[slice(*spans[0])] if spans else ""
    weekdays = [m for m in find_dates(sentence) if m.kind == "weekday"]
    if len(weekdays) != 1 or weekdays[0].future or weekdays[0].modifier not in PLAIN_WEEKDAY_LEADS:
        return None
    return weekdays[0].day


def _slash_date_on_weekday(readings: tuple[date, ...], weekday: int | None) -> date | None:
    """The one reading of an ambiguous head stamp that falls on ``weekday`` (a story names its
    own day, "announced early Saturday"); None when both or neither do."""
    if weekday is None:
        return None
    fitting = [d for d in readings if d.weekday() == weekday]
    return fitting[0] if len(fitting) == 1 else None


def _parse_other_date(span: str) -> date | None:
    parsed = dateparser.parse(
        span, settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _head_date(lines: Sequence[str]) -> tuple[date, str] | None:
    """The first full date in the head lines, in their order: written out, numeric with dots,
    or with slashes whose order is certain (else a month and year).  A line ending in a colon
    introduces what follows ("stated on February 15, 2017 in a Facebook post:" above a
    fact-check's claim): its date is not the page's."""
    labelled = _publication_stamp_date(lines)
    if labelled is not None:
        return labelled, DAY
    found: list[list[DateMention]] = []  # the lines are read in order up to the first full date
    for line in lines:
        if line.rstrip().endswith(":"):
            continue
        printed = _as_printed_stamp(_MARKDOWN_TARGET.sub("]", line) if "](" in line else line)
        found.append(find_dates(printed))
        day = _full_date_of_line(printed, found[-1])
        if day is not None:
            return day, DAY
    for mentions in found:
        for m in mentions:
            if m.kind == "month_year" and m.date:
                return m.date, MONTH
    return None


# A stamp that says it gives the publication ("Published: 06.10.2016 11:30", "Posted on …").
_PUBLICATION_LABEL = re.compile(
    r"\W*(?:first\s+)?(?:published|posted|date of publication|publication date|date published)\b",
    re.IGNORECASE,
)


def _publication_stamp_date(lines: Sequence[str]) -> date | None:
    """The full date of a head line labelled as the publication stamp, wherever it stands: it
    beats a date printed above it for something else (a hearing's "Held: Moscow, 5 October
    2016", an event's date under its title)."""
    for line in lines:
        if not _PUBLICATION_LABEL.match(line):
            continue
        printed = _as_printed_stamp(line)
        day = _full_date_of_line(printed, find_dates(printed))
        if day is not None:
            return day
    return None


def _full_date_of_line(line: str, mentions: Sequence[DateMention]) -> date | None:
    for m in mentions:
        if m.kind == "full" and m.date:
            return m.date
    for match in _OTHER_HEAD_DATE.finditer(line):
        parsed = _parse_other_date(match.group(0))
        if parsed is not None:
            return parsed
    for match in _SLASH_DATE.finditer(_as_slashes(line)):
        parsed = _unambiguous_slash_date(match)
        if parsed is not None:
            return parsed
    if "/" in line:
        for match in _YEAR_FIRST_SLASH_DATE.finditer(line):
            year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
            if (parsed := _safe_date(year, month, day)) is not None:
                return parsed
    return None


# "September 14, 20165:05 AM ET": a year run into the clock time by the page's markup
_YEAR_RUN_INTO_TIME = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d\b)")
# "12-May-2017": a day, a month name and a year joined by dashes (CGTN, Oracle-style stamps)
_DASHED_DAY_MONTH_YEAR = re.compile(rf"(?<![\w-])({_DAY})-({_MONTH})-({_YEAR})(?![\w-])")
# "Tue Jan 24 09:17:42 EST 2017": a clock time and zone between the day and the year (the Unix
# stamp of mailing-list archives and server logs)
_CLOCK_BEFORE_YEAR = re.compile(
    rf"\b({_MONTH}|Mar)\s+({_DAY})\s+\d{{1,2}}:\d\d(?::\d\d)?(?:\s+[A-Z]{{2,5}})?\s+({_YEAR})(?!\d)"
)
# "September, 26, 2017": a comma after the month name
_COMMA_AFTER_MONTH = re.compile(r"\b([A-Z][a-z]{2,8}\.?),(\s+\d{1,2}\b)")


def _as_printed_stamp(line: str) -> str:
    """A head line's stamp as it would be printed without the site's markup slips: the year
    run into the clock time is set apart, a comma after a month name dropped, the dashes of
    "12-May-2017" read as spaces."""
    if ":" in line:
        line = _YEAR_RUN_INTO_TIME.sub(r"\1 ", line)
        line = _CLOCK_BEFORE_YEAR.sub(r"\1 \2, \3", line)
    if "-" in line:
        line = _DASHED_DAY_MONTH_YEAR.sub(r"\1 \2 \3", line)
    if "," not in line:
        return line
    return _COMMA_AFTER_MONTH.sub(
        lambda m: (
            m.group(1) + m.group(2) if m.group(1).rstrip(".") in _MONTH_NUMBERS else m.group(0)
        ),
        line,
    )


@dataclass
class _BodyEvidence:
    stamps: list[str]
    mentions: list[tuple[DateMention, str, bool]]  # (mention, its sentence, inside a quotation)
    dateline: DateMention | None
    dateline_weekday: int | None = None


def _collect(body: str) -> _BodyEvidence:
    """Mentions in the body, with stamp-like lines set aside and photo captions ignored."""
    stamps: list[str] = []
    mentions: list[tuple[DateMention, str, bool]] = []
    every = find_dates(body)  # one scan; mentions are then shared out to their lines
    position = 0
    for index, (a, b) in enumerate(_line_spans(body)):
        if position >= len(every):
            break
        found: list[DateMention] = []
        while position < len(every) and every[position].start < b:
            if every[position].start >= a:
                found.append(every[position])
            position += 1
        if not found:
            continue
        line = body[a:b]
        if index < 15 and _is_stamp(line, [m for m in found if m.kind in {"full", "month_year"}]):
            stamps.append(line)
            continue
        if _is_caption(line, body[b : b + _CAPTION_REPEAT_WINDOW]) or _is_link_line(line):
            continue
        mentions.extend(_with_sentences(line, found, a))
    dateline = _find_dateline(body)
    if dateline is None:
        return _BodyEvidence(stamps, mentions, None)
    return _BodyEvidence(stamps, mentions, dateline[0], dateline[1])


def _with_sentences(
    line: str, found: list[DateMention], offset: int
) -> Iterable[tuple[DateMention, str, bool]]:
    """Each mention with its sentence and whether it sits inside quotation marks (linear);
    ``offset`` is where the line starts in the text the mentions point into."""
    sentences = _sentences(line)
    index = 0
    counted_to, curly_open, curly_close, straight = 0, 0, 0, 0
    for m in found:  # mentions are in text order
        start = m.start - offset
        while index < len(sentences) - 1 and sentences[index][1] <= start:
            index += 1
        segment = line[counted_to:start]
        curly_open += segment.count("“")
        curly_close += segment.count("”")
        straight += segment.count('"')
        counted_to = start
        quoted = curly_open > curly_close or straight % 2 == 1
        yield m, line[slice(*sentences[index])] if sentences else line, quoted


DATELINE_LINES = 20  # a wire dateline opens the story: only the first lines are tried


def _find_dateline(body: str) -> tuple[DateMention, int | None] | None:
    """The wire dateline's date, and the weekday its lead sentence names ("said on Wednesday")."""
    for a, b in _line_spans(body, DATELINE_LINES)[:DATELINE_LINES]:
        line = body[a:b]
        match = _DATELINE.match(line)
        if not match:
            continue
        found = find_dates(match["date"])
        if not found or found[0].kind not in {"full", "month_day"}:
            continue
        rest = line[match.end() :].lstrip(" .:-–—")
        lead = _sentences(rest)
        sentence = rest[slice(*lead[0])] if lead else ""
        weekdays = [m for m in find_dates(sentence) if m.kind == "weekday"]
        # Only a lead naming exactly one (past) weekday is taken to name the dateline's day.
        single = weekdays[0].day if len(weekdays) == 1 and not weekdays[0].future else None
        return found[0], single
    return None


def _calendar_anchor(m: DateMention, event: CalendarEvent) -> _Anchor | None:
    ev = event.date
    if m.kind == "weekday" and event.precision == DAY and m.day == ev.weekday() and not m.future:
        if m.modifier == "last":
            return _Anchor(((ev + timedelta(days=1), ev + timedelta(days=13)),), True)
        return _Anchor(((ev, ev + timedelta(days=_RELATIVE_DAY_WINDOW)),), True)
    if m.kind == "relative_day" and event.precision == DAY and m.modifier:
        day = ev - timedelta(days=_relative_day_offset(m.modifier))
        return _Anchor(((day, day),), True)
    if m.kind == "relative_period" and m.modifier:
        return _period_anchor(m.modifier, ev)
    if m.future:
        return None
    if m.kind == "month_day" and event.precision == DAY and (m.month, m.day) == (ev.month, ev.day):
        return _Anchor(((ev, ev + timedelta(days=_YEARLESS_WINDOW)),), False)
    if m.kind == "month" and event.precision in {DAY, MONTH} and m.month == ev.month:
        return _Anchor(((ev, ev + timedelta(days=_BARE_MONTH_WINDOW)),), False)
    return None


def _period_anchor(phrase: str, ev: date) -> _Anchor | None:
    """When was a text written that calls an event on ``ev`` "last week", "this month", …?"""
    unit = phrase.rsplit(" ", 1)[-1]
    if phrase.startswith(("next", "later")) or "ago" in phrase:
        return None
    if unit == "week":
        monday = _week_monday(ev)
        if phrase.startswith(("last", "past")):
            return _Anchor(((monday + timedelta(days=7), monday + timedelta(days=13)),), True)
        return _Anchor(((ev, monday + timedelta(days=6)),), True)
    if unit == "month":
        if phrase.startswith(("last", "past")):
            first = _add_months(ev, 1)
            return _Anchor(((first, _add_months(first, 1) - timedelta(days=1)),), False)
        return _Anchor(((ev, _add_months(ev, 1) - timedelta(days=1)),), False)
    if phrase.startswith(("last", "past")):
        return _Anchor(((date(ev.year + 1, 1, 1), date(ev.year + 1, 12, 31)),), False)
    return _Anchor(((ev, date(ev.year, 12, 31)),), False)


def _anchors(evidence: _BodyEvidence, calendar: Calendar) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    matched: dict[str, list[CalendarEvent]] = {}
    for m, sentence, quoted in evidence.mentions:
        if m.kind in {"full", "month_year", "year"} or quoted:
            continue
        if sentence not in matched:
            matched[sentence] = calendar.matching(sentence)
        found = [a for e in matched[sentence] if (a := _calendar_anchor(m, e))]
        if found:
            intervals = tuple(sorted({i for a in found for i in a.intervals}))
            anchors.append(_Anchor(intervals, any(a.fine for a in found)))
    return anchors


def _intersect(current: list[Interval], other: Iterable[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for a, b in current:
        for c, d in other:
            lo, hi = max(a, c), min(b, d)
            if lo <= hi:
                out.append((lo, hi))
    return sorted(set(out))


def _window(anchors: list[_Anchor]) -> tuple[list[Interval], bool] | None:
    """Intersect the anchors' windows, fine ones first; an anchor that contradicts is skipped."""
    if not anchors:
        return None
    ordered = sorted(
        anchors, key=lambda a: (not a.fine, sum((b - a_).days for a_, b in a.intervals))
    )
    window = list(ordered[0].intervals)
    fine = ordered[0].fine
    for anchor in ordered[1:]:
        narrowed = _intersect(window, anchor.intervals)
        if narrowed:
            window = narrowed
    return window, fine


def _far_outside(day: date, window: list[Interval]) -> bool:
    """A stamp contradicts the content when it is in another year than the content's window and
    more than a season away from it (a stamp off by days is a late update, not a wrong page)."""
    years = {y for a, b in window for y in range(a.year, b.year + 1)}
    distance = min(abs((day - a).days) if day < a else abs((day - b).days) for a, b in window)
    return not _inside(day, window) and day.year not in years and distance > _STAMP_TOLERANCE


def _supported(day: date, anchors: list[_Anchor]) -> bool:
    """Some of the content agrees with ``day``: the anchors disagree among themselves, and a
    stamp one of them bears out is not contradicted by the others."""
    return any(_inside(day, list(anchor.intervals)) for anchor in anchors)


def _inside(day: date, window: list[Interval]) -> bool:
    return any(a <= day <= b for a, b in window)


def _latest_content_date(
    evidence: _BodyEvidence, reference: date | None, precision: str | None
) -> date | None:
    """The latest past (not forward-looking) day or month the text reports."""
    latest: date | None = None
    for m, _, _ in evidence.mentions:
        if m.future or m.kind not in {"full", "month_year", "month_day", "month"}:
            continue
        if m.kind in {"full", "month_year"}:
            resolved = m.date
        elif reference is not None:
            c = _Candidate(
                m.start,
                m.end,
                m.kind,
                m.month,
                m.day,
                modifier=m.modifier,
                year_offset=m.year_offset,
            )
            resolved = _resolve(c, reference, precision, False)[0]
        else:
            resolved = None
        if resolved and (latest is None or resolved > latest):
            latest = resolved
    return latest


def _latest_year(evidence: _BodyEvidence) -> int | None:
    years = [
        m.year for m, _, _ in evidence.mentions if m.kind == "year" and not m.future and m.year
    ]
    return max(years) if years else None


def _month_majority(window: list[Interval]) -> date | None:
    """The month holding at least two thirds of the window's days, if the window is short."""
    days: dict[date, int] = {}
    total = 0
    for a, b in window:
        for offset in range((b - a).days + 1):
            d = a + timedelta(days=offset)
            days[d.replace(day=1)] = days.get(d.replace(day=1), 0) + 1
            total += 1
            if total > 62:
                return None
    best = max(sorted(days), key=lambda k: days[k])
    return best if days[best] * 3 >= total * 2 else None


def _from_window(window: list[Interval], fine: bool, latest: date | None) -> PublishedDate:
    if latest is not None:
        clipped = [(max(a, latest), b) for a, b in window if b >= latest]
        window = clipped or window
    first = window[0][0]
    if fine and len(window) == 1 and (window[0][1] - first).days <= _RELATIVE_DAY_WINDOW:
        return PublishedDate(first, DAY, RELATIVE_DAY_INFERENCE)
    month = _month_majority(window)
    if month is not None:
        return PublishedDate(month, MONTH, RELATIVE_DAY_INFERENCE if fine else CONTENT_INFERENCE)
    if latest is not None and _inside(latest, window):
        return PublishedDate(latest.replace(day=1), MONTH, CONTENT_INFERENCE)
    years = {a.year for a, _ in window} | {b.year for _, b in window}
    if len(years) == 1:
        return PublishedDate(date(years.pop(), 1, 1), YEAR, CONTENT_INFERENCE)
    return PublishedDate(first.replace(day=1), MONTH, CONTENT_INFERENCE)


def _dateline_date(
    evidence: _BodyEvidence,
    window: list[Interval] | None,
    latest: date | None,
    header: date | None,
    years: Sequence[int],
    earliest: date | None = None,
) -> date | None:
    """The dateline's day; a missing year comes from the other evidence or, failing that, from
    the one year of the calendar's span in which that day fell on the lead's weekday.
    ``earliest`` is the latest date the text gives explicitly (the story is not older)."""
    dateline = evidence.dateline
    if dateline is None or dateline.kind == "full":
        return dateline.date if dateline else None
    if dateline.month is None or dateline.day is None:
        return None
    reference = (window[0][0] if window else None) or latest or header
    if reference is not None:
        nearest = _nearest_year(dateline.month, dateline.day, reference, DAY)
        if nearest is None or window is not None or earliest is None:
            return nearest
        return _lead_weekday_year(nearest, evidence.dateline_weekday, earliest, years) or nearest
    if evidence.dateline_weekday is None:
        return None
    fits = _on_weekday(dateline.month, dateline.day, evidence.dateline_weekday, years)
    return fits[0] if len(fits) == 1 else None


# The author saying when the words are written ("I am writing this on Tuesday, October 4", "As
# I write, on 4 October 2016,", "at the time of writing, Tuesday 4 October"): the date follows.
_WRITING_NOW = re.compile(
    r"\b(?:(?:I|we)(?:\s+am|\s+are|['’]m|['’]re)?\s+writing(?:\s+(?:this|these lines|to you))?"
    r"|(?:as|while)\s+(?:I|we)\s+write(?:\s+(?:this|these lines))?"
    r"|(?:at|on)\s+the\s+(?:time|day)\s+of\s+writing)"
    r",?\s+(?:(?:on|today|this\s+morning|this\s+evening),?\s+)?(?=\w)",
    re.IGNORECASE,
)
WRITING_DATE_CHARS = 40  # the date right after the cue: "Tuesday, October 4, 2016"


def _date_of_writing(
    body: str, window: list[Interval] | None, latest: date | None, years: Sequence[int]
) -> date | None:
    """The day the author says the text is written on (``_WRITING_NOW``): a full date, or a
    month and day whose year is the one of ``years`` in which it fell on the weekday named with
    it, else the year nearest the content (``window``, ``latest``); None when nothing says."""
    if "writ" not in body:
        return None
    for cue in _WRITING_NOW.finditer(body):
        found = find_dates(body[cue.end() : cue.end() + WRITING_DATE_CHARS])
        if not found or found[0].start > 0:
            continue
        first = found[0]
        if first.kind == "full" and first.date is not None:
            return first.date
        weekday = first.day if first.kind == "weekday" and first.modifier in {None, "on"} else None
        month_day = found[1] if weekday is not None and len(found) > 1 else first
        if month_day.kind != "month_day" or month_day.month is None or month_day.day is None:
            continue
        if weekday is not None:
            fits = _on_weekday(month_day.month, month_day.day, weekday, years)
            if len(fits) == 1:
                return fits[0]
        reference = (window[0][0] if window else None) or latest
        if reference is not None and weekday is None:
            return _nearest_year(month_day.month, month_day.day, reference, DAY)
    return None


def _on_weekday(month: int, day: int, weekday: int, years: Iterable[int]) -> list[date]:
    """The occurrences of month/day in ``years`` that fell on ``weekday``."""
    return [d for year in years if (d := _safe_date(year, month, day)) and d.weekday() == weekday]


def _lead_weekday_year(
    nearest: date, weekday: int | None, earliest: date, years: Sequence[int]
) -> date | None:
    """A year-less dateline read in the year of the text's explicit dates, whose lead names a
    weekday that is neither that day nor the day before ("MOSCOW, November 17 … told a briefing
    on Thursday", 17 November of that year being a Tuesday): the explicit dates only bound the
    story from below (a background "since September 30, 2015"), so the day is the one occurrence,
    not before them and within the calendar's span, that fell on the lead's weekday; None when
    there is no such single day."""
    if weekday is None or weekday in {nearest.weekday(), (nearest.weekday() - 1) % 7}:
        return None
    later = [y for y in years if y >= earliest.year]
    fits = [d for d in _on_weekday(nearest.month, nearest.day, weekday, later) if d >= earliest]
    return fits[0] if len(fits) == 1 else None


def _link_date(links: Sequence[dict[str, Any]]) -> PublishedDate | None:
    dated = [
        (d, str(link.get("date_precision") or DAY))
        for link in links
        if isinstance(link, dict) and link.get("relation") == "source"
        if (d := _as_date(link.get("date"))) is not None
    ]
    if not dated:
        return None
    latest, precision = max(dated)
    return PublishedDate(latest, precision, LINK_DATE)


def infer_published(
    head: list[str], body: str, links: list[dict], *, kb: Knowledge | None = None
) -> PublishedDate:
    """The publication date, its precision and the basis of the inference (see module doc)."""
    evidence = _collect(body or "")
    calendar = calendar_events(kb)
    head_lines = [*(head or []), *evidence.stamps]
    header = _head_date(head_lines)
    anchors = _anchors(evidence, calendar)
    anchored = _window(anchors)
    window, fine = anchored if anchored else (None, False)
    provisional = window[0][0] if window else None
    explicit_latest = _latest_content_date(evidence, None, None)
    header_basis = HEADER
    readings = _ambiguous_slash_date(head_lines)  # a stamp whose day and month could be swapped
    if header is None and (ordered := _ordered_slash_date(readings, window, explicit_latest)):
        header, header_basis = (ordered, DAY), HEADER_ORDER_FROM_CONTENT
    elif header is None and (
        on_weekday := _slash_date_on_weekday(readings, _lead_weekday(body or ""))
    ):
        header, header_basis = (on_weekday, DAY), HEADER_ORDER_FROM_WEEKDAY
    reference = provisional or explicit_latest or (header[0] if header else None)
    latest = _latest_content_date(evidence, reference, DAY) if reference else explicit_latest

    if header is not None:
        stamp, precision = header
        contradicted = (
            window is not None and _far_outside(stamp, window) and not _supported(stamp, anchors)
        ) or (explicit_latest is not None and stamp < explicit_latest - timedelta(days=7))
        if not contradicted:
            return PublishedDate(stamp, precision, header_basis)
    written = _date_of_writing(body or "", window, explicit_latest, calendar.years())
    if written is not None:
        return PublishedDate(written, DAY, WRITING_DATE)
    if evidence.dateline is not None:
        day = _dateline_date(
            evidence,
            window,
            latest,
            header[0] if header else None,
            calendar.years(),
            explicit_latest,
        )
        if day is not None:
            return PublishedDate(day, DAY, DATELINE)
    if window is not None:
        return _from_window(window, fine, latest)
    if latest is not None:
        return PublishedDate(latest.replace(day=1), MONTH, CONTENT_INFERENCE)
    linked = _link_date(links or [])
    if linked is not None:
        return linked
    if readings:  # a stamp nothing orders still gives the year both readings share
        return PublishedDate(date(readings[0].year, 1, 1), YEAR, HEADER)
    year = _latest_year(evidence)
    if year is not None:
        return PublishedDate(date(year, 1, 1), YEAR, CONTENT_INFERENCE)
    return PublishedDate(None, None, None)
