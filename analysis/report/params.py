"""Report parameters: validated before anything runs (unknown topic, bad dates, unknown side)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from analysis.knowledge import DATA_FILES, ENV_VAR, Knowledge, load_knowledge
from analysis.report.inputs import resolve_in_project
from analysis.vocabulary import SIDES

ALL_TOPICS = "all"
DEFAULT_QUESTION = (
    "Did the United States and Russia coordinate military operations in Syria, 2015–2017?"
)
ALL_TITLE = "US–Russia military coordination in Syria: every topic"
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class TopicInfo:
    name: str
    title: str
    question: str
    keywords: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ReportParameters:
    topic: TopicInfo
    start: date
    end: date
    sides: tuple[str, ...]
    seeds_dir: Path
    data_dir: Path | None


def slugify(value: str) -> str:
    """A file-name-safe slug (``a-z``, ``0-9``, ``-``); raises on a name with no such characters."""
    slug = _SLUG_UNSAFE.sub("-", value.lower()).strip("-")[:80].strip("-")
    if not slug:
        raise ValueError(f"cannot make a file name from {value!r}")
    return slug


_KNOWLEDGE: dict[str, Knowledge] = {}


def _data_files_digest(extra: Path | None) -> str:
    """Digest of the names and bytes of every data file ``load_knowledge(extra)`` would read."""
    user_dir = extra or os.environ.get(ENV_VAR)
    shipped = files("analysis").joinpath("data")
    paths: list[Any] = [shipped.joinpath(f"{name}.toml") for name in DATA_FILES]
    if user_dir:
        paths += [Path(user_dir) / f"{name}.toml" for name in DATA_FILES]
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
        digest.update(b"\1")
    return digest.hexdigest()


def report_knowledge(extra: Path | None = None) -> Knowledge:
    """``load_knowledge(extra)``, parsed once per content of its data files: a build checks the
    parameters of every report several times, and parsing the TOML files was most of that."""
    key = _data_files_digest(extra)
    if key not in _KNOWLEDGE:
        _KNOWLEDGE.clear()  # one data folder per build; an edited file replaces the entry
        _KNOWLEDGE[key] = load_knowledge(extra)
    return _KNOWLEDGE[key]


def topic_entries(kb: Knowledge) -> list[dict[str, Any]]:
    """The ``[[topic]]`` tables of ``topics.toml`` (an empty list until the file holds any)."""
    entries = kb.topics.get("topic", [])
    return [e for e in entries if isinstance(e, dict) and e.get("name")]


def valid_topic_names(kb: Knowledge) -> list[str]:
    """Every topic a report can be built for, ``all`` first."""
    try:
        from analysis.select import valid_topics

        names = [str(name) for name in valid_topics(kb)]
    except ImportError:
        names = [str(e["name"]) for e in topic_entries(kb)]
    return [ALL_TOPICS, *sorted(n for n in dict.fromkeys(names) if n != ALL_TOPICS)]


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def topic_details(kb: Knowledge, name: str) -> TopicInfo:
    """Title, question and window of a topic; raises ``ValueError`` listing the valid topics."""
    if name == ALL_TOPICS:
        return TopicInfo(name=ALL_TOPICS, title=ALL_TITLE, question=DEFAULT_QUESTION)
    for entry in topic_entries(kb):
        if entry["name"] == name:
            return TopicInfo(
                name=name,
                title=str(entry.get("title") or name),
                question=str(entry.get("question") or DEFAULT_QUESTION),
                keywords=tuple(str(k) for k in entry.get("keywords", [])),
                start=_as_date(entry.get("start")),
                end=_as_date(entry.get("end")),
            )
    valid = ", ".join(valid_topic_names(kb))
    raise ValueError(f"unknown topic {name!r}; valid topics: {valid}")


def parse_day(value: str, label: str) -> date:
    """An ISO date (``YYYY-MM-DD``) or a ``ValueError`` saying which parameter is wrong."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{label} must be a date written YYYY-MM-DD, got {value!r}") from None


def check_sides(sides: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The sides, checked against the schema's list."""
    unknown = [s for s in sides if s not in SIDES]
    if unknown:
        raise ValueError(f"unknown side(s) {unknown}; valid sides: {', '.join(SIDES)}")
    if not sides:
        raise ValueError(f"sides is empty; choose from: {', '.join(SIDES)}")
    return tuple(dict.fromkeys(sides))


def validate_parameters(
    topic: str,
    start: str,
    end: str,
    sides: list[str],
    seeds_dir: str,
    data_dir: str = "",
) -> ReportParameters:
    """Check every parameter of a report and resolve paths from the project root."""
    first, last = parse_day(start, "start"), parse_day(end, "end")
    if first > last:
        raise ValueError(f"start ({first}) is after end ({last})")
    folder = resolve_in_project(seeds_dir)
    if not folder.exists():
        raise ValueError(f"seeds_dir {seeds_dir!r} does not exist (looked at {folder})")
    extra = resolve_in_project(data_dir) if data_dir else None
    kb = report_knowledge(extra)
    return ReportParameters(
        topic=topic_details(kb, topic),
        start=first,
        end=last,
        sides=check_sides(sides),
        seeds_dir=folder,
        data_dir=extra,
    )
