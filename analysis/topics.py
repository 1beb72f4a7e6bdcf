"""Topics: named subjects with keywords and date windows; rows are tagged with the topics they match.

Rule (topics live in ``analysis/data/topics.toml``):

1. **Direct match** — every keyword group of the topic matches the row's ``text`` (an alternative
   matches where it starts a word, case-insensitively), the row's stance (if it has one and the topic
   lists ``stances``) is allowed, and the row's date — widened to its precision, so a month-precise
   date covers the whole month — overlaps the topic's [start, end] window.  Undated rows (quotes,
   claims of undated pages) must also match the topic's ``anchors`` (its distinctive words, e.g.
   "al-Bab") when it lists some, since the window cannot vouch for them.
2. **Document context** — rows are tagged one document at a time (the pipeline calls ``tag_topics``
   per document and table).  When at least ``inherit_min`` rows of the same document match a topic
   directly, the other rows of that document whose date fits the window inherit it ("The Pentagon
   issued a swift denial." in a story about the al-Bab claim).
"""

from __future__ import annotations

import calendar
import re
import threading
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from analysis.clean import ASCII_FOLDS, first_letter_lookahead, required_literals
from analysis.knowledge import Knowledge

DEFAULT_INHERIT_MIN = 2


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    question: str
    start: date | None
    end: date | None
    groups: tuple[re.Pattern[str], ...]
    stances: frozenset[str]
    keywords: tuple[tuple[str, ...], ...]
    anchors: re.Pattern[str] | None = None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        try:
            return value.to_pydatetime().date()
        except ValueError:
            return None
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _group_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted({str(w).strip().lower() for w in words if str(w).strip()}, key=len)
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in reversed(alternatives)]
    lead = first_letter_lookahead(escaped)  # same matches, found faster
    return re.compile(rf"{lead}(?<![\w])(?:{'|'.join(escaped)})", re.IGNORECASE)


def _parse_topic(entry: dict[str, Any]) -> Topic | None:
    name = str(entry.get("name") or "").strip()
    if not name:
        return None
    raw_groups = entry.get("keywords") or []
    if raw_groups and all(isinstance(g, str) for g in raw_groups):
        raw_groups = [raw_groups]  # a flat list is one group
    groups = [list(g) for g in raw_groups if isinstance(g, list) and g]
    return Topic(
        name=name,
        title=str(entry.get("title") or name),
        question=str(entry.get("question") or ""),
        start=_as_date(entry.get("start")),
        end=_as_date(entry.get("end")),
        groups=tuple(_group_pattern(g) for g in groups),
        stances=frozenset(str(s) for s in entry.get("stances", [])),
        keywords=tuple(tuple(str(w) for w in g) for g in groups),
        anchors=_group_pattern(list(entry["anchors"])) if entry.get("anchors") else None,
    )


_CACHE: dict[str, tuple[Topic, ...]] = {}
_LOCK = threading.Lock()


def topics_of(kb: Knowledge) -> tuple[Topic, ...]:
    """The parsed topics of ``kb`` (compiled once per process and fingerprint), in file order."""
    key = kb.fingerprint or str(id(kb))
    with _LOCK:
        if key not in _CACHE:
            entries = (kb.topics or {}).get("topic", [])
            parsed = (_parse_topic(e) for e in entries if isinstance(e, dict))
            _CACHE[key] = tuple(t for t in parsed if t is not None)
        return _CACHE[key]


def valid_topics(kb: Knowledge) -> list[str]:
    """Topic names a user may pass to ``select`` (plus "all", meaning no topic filter)."""
    return [t.name for t in topics_of(kb)]


ALL_TOPICS_INFO: dict[str, Any] = {
    "name": "all",
    "title": "US–Russia military coordination in Syria, 2015–2017",
    "question": "Did the United States and Russia coordinate military operations in Syria?",
    "start": None,
    "end": None,
    "keywords": [],
    "stances": [],
}


def topic_info(kb: Knowledge, name: str) -> dict[str, Any]:
    """Title, question, window and keywords of one topic (for report headings); "all" describes
    the whole corpus."""
    if name == "all":
        return dict(ALL_TOPICS_INFO)
    for topic in topics_of(kb):
        if topic.name == name:
            return {
                "name": topic.name,
                "title": topic.title,
                "question": topic.question,
                "start": topic.start,
                "end": topic.end,
                "keywords": [list(g) for g in topic.keywords],
                "stances": sorted(topic.stances),
            }
    raise ValueError(f"unknown topic {name!r}; valid topics: {', '.join(valid_topics(kb))}")


def date_interval(value: Any, precision: str | None) -> tuple[date, date] | None:
    """The days a (date, precision) pair may stand for: a month-precise date covers its month."""
    day = _as_date(value)
    if day is None:
        return None
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, 1), date(day.year, day.month, last)
    return day, day


class _RowView(NamedTuple):
    """What topic matching reads from a row, computed once per row (not once per topic)."""

    text: str
    stance: Any
    interval: tuple[date, date] | None  # the days the row's date may stand for
    dated: bool


def _view(row: dict[str, Any]) -> _RowView:
    value = row.get("date")
    return _RowView(
        text=str(row.get("text") or ""),
        stance=row.get("stance"),
        interval=date_interval(value, row.get("date_precision") or row.get("precision")),
        dated=_as_date(value) is not None,
    )


def _fits_window(topic: Topic, interval: tuple[date, date] | None) -> bool:
    if interval is None:
        return True
    first, last = interval
    if topic.start and last < topic.start:
        return False
    return not (topic.end and first > topic.end)


def _in_window(topic: Topic, row: dict[str, Any]) -> bool:
    return _fits_window(topic, _view(row).interval)


def _stance_allowed(topic: Topic, stance: Any) -> bool:
    return not (topic.stances and stance and stance not in topic.stances)


def _matches_view(topic: Topic, row: _RowView) -> bool:
    """Rule 1; the cheap tests (window, stance) run before the keyword searches."""
    if not row.text or not topic.groups:
        return False
    if not _fits_window(topic, row.interval) or not _stance_allowed(topic, row.stance):
        return False
    return _keywords_found(topic, row.text) and (
        row.dated or topic.anchors is None or bool(topic.anchors.search(row.text))
    )


def _keywords_found(topic: Topic, text: str) -> bool:
    return all(group.search(text) for group in topic.groups)


# (keywords found, anchors found or not needed) of one text for one topic
_Verdict = tuple[bool, bool]
# a pattern and the lower-case strings one of which every match of it holds (None: unknown)
_Search = tuple[re.Pattern[str], tuple[str, ...] | None]


class _Tagger(NamedTuple):
    """The topics of one knowledge base, each keyword group and anchor pattern with the
    strings a text must hold (lower-cased) for it to match: most texts are ruled out for most
    groups by a few ``in`` tests instead of a case-insensitive search."""

    topics: tuple[Topic, ...]
    groups: tuple[tuple[_Search, ...], ...]  # per topic
    anchors: tuple[_Search | None, ...]  # per topic


def _search(pattern: re.Pattern[str]) -> _Search:
    return pattern, required_literals(pattern.pattern, pattern.flags)


def _tagger(topics: tuple[Topic, ...]) -> _Tagger:
    return _Tagger(
        topics,
        tuple(tuple(_search(group) for group in t.groups) for t in topics),
        tuple(_search(t.anchors) if t.anchors is not None else None for t in topics),
    )


def _holds_any(text: str, literals: tuple[str, ...]) -> bool:
    for literal in literals:  # noqa: SIM110 — any() with a generator costs more here
        if literal in text:
            return True
    return False


def _found(search: _Search, text: str, lowered: str | None) -> bool:
    """``pattern.search(text)`` as a truth value; ``lowered`` (``text.lower()``, or None when
    the text holds a character whose case folding differs from ``str.lower``) rules it out
    when it holds none of the pattern's required strings."""
    pattern, literals = search
    if lowered is not None and literals is not None and not _holds_any(lowered, literals):
        return False
    return bool(pattern.search(text))


def _verdicts(tagger: _Tagger, text: str) -> tuple[_Verdict, ...]:
    """Each topic's keyword and anchor verdicts on ``text``."""
    folds = not text.isascii() and any(character in text for character in ASCII_FOLDS)
    lowered = None if folds else text.lower()
    verdicts = []
    for groups, anchors in zip(tagger.groups, tagger.anchors, strict=True):
        found = bool(groups)
        for group in groups:  # a loop: all() with a generator costs more here
            if not _found(group, text, lowered):
                found = False
                break
        anchored = found and (anchors is None or _found(anchors, text, lowered))
        verdicts.append((found, anchored))
    return tuple(verdicts)


_MEMO_LIMIT = 20_000
_MEMOS: dict[str, dict[str, tuple[_Verdict, ...]]] = {}
_TAGGERS: dict[str, _Tagger] = {}


def _text_verdicts(
    tagger: _Tagger, text: str, memo: dict[str, tuple[_Verdict, ...]] | None
) -> tuple[_Verdict, ...]:
    """``_verdicts``, kept per text in ``memo`` (the same sentences come back in a corpus)."""
    if memo is None:
        return _verdicts(tagger, text)
    verdicts = memo.get(text)
    if verdicts is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        verdicts = memo[text] = _verdicts(tagger, text)
    return verdicts


def _tagger_of(kb: Knowledge, topics: tuple[Topic, ...]) -> _Tagger:
    if not kb.fingerprint:
        return _tagger(topics)
    tagger = _TAGGERS.get(kb.fingerprint)
    if tagger is None or tagger.topics is not topics:
        tagger = _TAGGERS[kb.fingerprint] = _tagger(topics)
    return tagger


def _direct(topics: tuple[Topic, ...], view: _RowView, verdicts: tuple[_Verdict, ...]) -> set[str]:
    """Rule 1 (``_matches_view``) from the text's ``verdicts``: the keyword verdict first,
    since most are False."""
    names = set()
    for topic, (found, anchored) in zip(topics, verdicts, strict=True):
        if (
            found
            and (view.dated or anchored)
            and _fits_window(topic, view.interval)
            and _stance_allowed(topic, view.stance)
        ):
            names.add(topic.name)
    return names


def tag_topics(rows: list[dict[str, Any]], kb: Knowledge) -> None:
    """Set ``row["topics"]`` (a sorted list of topic names) on every row, in place."""
    topics = topics_of(kb)
    inherit_min = int((kb.topics or {}).get("inherit_min", DEFAULT_INHERIT_MIN))
    tagger = _tagger_of(kb, topics)
    views = [_view(row) for row in rows]
    memo = _MEMOS.setdefault(kb.fingerprint, {}) if kb.fingerprint else None
    direct = [
        _direct(topics, view, _text_verdicts(tagger, view.text, memo)) if view.text else set()
        for view in views
    ]
    by_doc: dict[Any, dict[str, int]] = {}
    for row, names in zip(rows, direct, strict=True):
        counts = by_doc.setdefault(row.get("doc_id"), {})
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    # per document, the topics enough of its rows match directly for the others to inherit
    heritable = {
        doc_id: [t for t in topics if counts.get(t.name, 0) >= inherit_min]
        for doc_id, counts in by_doc.items()
    }
    for row, view, names in zip(rows, views, direct, strict=True):
        inherited = {
            t.name
            for t in heritable.get(row.get("doc_id"), ())
            if t.name not in names
            and _fits_window(t, view.interval)
            and _stance_allowed(t, view.stance)
        }
        row["topics"] = sorted(names | inherited)
