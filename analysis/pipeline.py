"""One document through every stage: path → ``DocResult`` (plain rows for each table)."""

from __future__ import annotations

import gc
import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from analysis import (
    actors,
    casing,
    claims,
    clean,
    dates,
    events,
    metadata,
    nlp,
    quotes,
    read,
    stance,
    stance_model,
    tables,
    topics,
)
from analysis.cachefiles import default_cache_dir
from analysis.knowledge import Knowledge, load_knowledge
from analysis.nlp import sentence_spans

log = logging.getLogger(__name__)


@dataclass
class DocResult:
    document: dict[str, Any] | None = None
    comments: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    problem: dict[str, Any] | None = None


def warm_up(kb: Knowledge) -> None:
    """Build everything the stages compile per knowledge base (matchers, lexicons, indexes), so
    that the first document costs no more than the others.  Call it in a parent process before
    forking workers, or in a worker initializer."""
    clean.rules_for(kb)
    metadata.outlet_index(kb)
    metadata.kind_rules(kb)
    dates.calendar_events(kb)
    actors.actor_index(kb)
    topics.topics_of(kb)
    stance.lexicon(kb)
    stance_model.model_for(kb)


def load_language_model() -> None:
    """Load the language identifier's model (~0.8 s CPU), which ``metadata.detect_language``
    otherwise loads on the first page that is not plainly English.  Called before forking a
    pool: about one page in a hundred needs the model, so every worker of a corpus large
    enough for a pool would load it on its own; loaded once here, they all inherit it."""
    try:
        metadata.language_identifier()
    except Exception as error:  # a page that needs the model reports the failure itself
        log.debug("no language model: %s", error)


def _warm_up_at_import() -> None:
    """Build the spaCy pipeline, the default knowledge base's matchers and pandas' table
    machinery when the stages are imported (~0.3 s CPU) rather than on the first document: a
    process importing the pipeline is about to process documents (a small corpus then loads in
    about the time its documents take), and pool workers forked from it inherit all of it."""
    nlp.english()
    for name in tables.SCHEMAS:
        tables.build_table(name, [])
    try:
        # the parsed data files kept where load_corpus keeps them: parsing the stance model's
        # weights alone costs a third of a second
        warm_up(load_knowledge(parsed_cache=default_cache_dir() / "data"))
    except Exception as error:  # a broken user data folder is reported when a corpus loads
        log.debug("no warm-up of the knowledge base: %s", error)


_warm_up_at_import()
# What the import built (spaCy, the matchers, the models, pandas) lives as long as the process:
# out of the collector's sight, the first full collection of a load no longer walks its ~160,000
# objects (a tenth of a second of the seeds' first load), as in the pool's workers.
gc.freeze()


def _problem_row(problem: read.Problem) -> dict[str, Any]:
    return {
        "doc_id": problem.doc_id,
        "path": problem.path,
        "reason": problem.reason,
        "detail": problem.detail,
    }


def apply_sidecar(document: dict[str, Any], sidecar: dict[str, Any]) -> None:
    """A sidecar ``NAME.meta.toml`` overrides any document field; its basis is recorded."""
    for key, value in sidecar.items():
        if key in {"doc_id", "path", "body", "sha256"}:
            continue
        document[key] = value
    if "published" in sidecar:
        value = sidecar["published"]
        document["published"] = value if isinstance(value, date) else date.fromisoformat(str(value))
        document.setdefault("published_precision", "day")
        if "published_precision" not in sidecar:
            document["published_precision"] = "day"
        if "published_basis" not in sidecar:
            document["published_basis"] = "sidecar"


def _with_doc_id(rows: list[dict[str, Any]], doc_id: str) -> list[dict[str, Any]]:
    for position, row in enumerate(rows):
        row["doc_id"] = doc_id
        row.setdefault("position", position)
    return rows


def _claims_of(
    document: dict[str, Any],
    body: str,
    sentences: list[tuple[int, int]],
    quote_rows: list[dict[str, Any]],
    kb: Knowledge,
    cleaned: clean.Cleaned,
) -> list[dict[str, Any]]:
    """The claims, read with shouted sentences in ordinary case (see ``casing``); each row's
    text is then taken from the body itself, so ``body[start:end]`` is still the evidence."""
    readable = casing.recase_shouted(body, sentences, kb)
    rows = claims.extract_claims(document, readable, sentences, quote_rows, kb, head=cleaned.head)
    if readable is not body:
        for row in rows:
            if row.get("start") is not None and row.get("end") is not None:
                row["text"] = body[int(row["start"]) : int(row["end"])]
    return rows


def process_text(
    raw: read.RawText, kb: Knowledge, sidecar: dict[str, Any], *, extract: bool = True
) -> DocResult:
    """Run clean → metadata → extraction on decoded text (``extract=False``: no extraction, so
    the quotes, claims and events lists stay empty)."""
    cleaned = clean.clean_page(raw.text, kb)
    document: dict[str, Any] = {
        "doc_id": raw.doc_id,
        "path": raw.path,
        "sha256": raw.sha256,
        "encoding": raw.encoding,
        **metadata.describe(raw, cleaned, kb),
        "duplicate_of": None,
        "body": cleaned.body,
    }
    apply_sidecar(document, sidecar)
    result = DocResult(
        document=document,
        comments=_with_doc_id(cleaned.comments, raw.doc_id),
        links=_with_doc_id(cleaned.links, raw.doc_id),
    )
    if extract and document.get("language") == "en" and cleaned.body:
        sentences = sentence_spans(cleaned.body)
        result.quotes = quotes.extract_quotes(
            document, cleaned.body, sentences, kb, head=cleaned.head
        )
        result.claims = _claims_of(document, cleaned.body, sentences, result.quotes, kb, cleaned)
        result.events = events.extract_events(document, cleaned.body, sentences, result.links, kb)
        for rows in (result.quotes, result.claims, result.events):
            topics.tag_topics(rows, kb)
    return result


# A page whose processing takes this much CPU time has hit a pathological case (a pattern
# backtracking without end on some odd line): it becomes a ``too_slow`` problem and the load goes
# on. Pages take milliseconds; the largest readable file (``read.MAX_BYTES`` of quoted speech)
# takes about half a minute. CPU time of this process, not wall time: a page must not turn into
# a problem because other work shares the machine (the same inputs give the same tables).
MAX_SECONDS = 90.0


class TooSlow(BaseException):
    """Raised by the ``time_limit`` alarm. A ``BaseException``, so that no stage's own
    ``except Exception`` (kept so that one bad row never stops a document) can swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TooSlow`` in this block after ``seconds`` of this process's CPU time. Only where
    an interval timer can interrupt the work: on platforms with ``SIGPROF`` and in the main
    thread (each worker process runs its documents in its main thread); elsewhere, no limit."""
    if not hasattr(signal, "SIGPROF") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(_signum: int, _frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def process_path(
    path: Path,
    kb: Knowledge,
    data: bytes | None = None,
    *,
    doc_id: str | None = None,
    max_bytes: int = read.MAX_BYTES,
    extract: bool = True,
    sidecar: bool = True,
) -> DocResult:
    """Read and process one file; a bad file becomes a ``problem`` row, never an exception.
    ``extract=False`` stops after the document's metadata (see ``process_text``);
    ``sidecar=False`` when the caller knows the folder holds no sidecar (no look for one)."""
    raw = read.read_document(path, data, doc_id=doc_id, max_bytes=max_bytes)
    if isinstance(raw, read.Problem):
        return DocResult(problem=_problem_row(raw))
    try:
        fields = read.read_sidecar(path) if sidecar else {}
    except (OSError, ValueError) as error:
        return DocResult(
            problem=_problem_row(read.Problem(raw.doc_id, raw.path, "bad_sidecar", str(error)))
        )
    try:
        with time_limit(MAX_SECONDS):
            return process_text(raw, kb, fields, extract=extract)
    except TooSlow:
        reason = (
            f"processing stopped after {MAX_SECONDS:g} s of CPU time (a page no stage can finish)"
        )
        return DocResult(
            problem=_problem_row(read.Problem(raw.doc_id, raw.path, "too_slow", reason))
        )
    except Exception as error:
        return DocResult(
            problem=_problem_row(
                read.Problem(
                    raw.doc_id, raw.path, "processing_error", f"{type(error).__name__}: {error}"
                )
            )
        )
