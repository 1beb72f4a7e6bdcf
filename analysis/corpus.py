"""The corpus: load a folder (or list) of texts into the project's tables.

``load_corpus`` finds the input files (``discover``), gives each a unique ``doc_id``
(``assign_doc_ids``), runs each through ``analysis.pipeline.process_path`` — sequentially for small
inputs, in a process pool for large ones — and assembles the tables.  Every input file ends up in
exactly one of ``documents`` or ``problems``.

A content-keyed cache (see ``analysis.corpus`` section "cache" below) makes reloading an unchanged
corpus cost little more than reading its files.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import logging
import math
import multiprocessing
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from analysis import read
from analysis.cachefiles import default_cache_dir, load_pickle, write_pickle
from analysis.dedup import BodyPrint, body_print, find_duplicates
from analysis.knowledge import DATA_FILES, Knowledge, load_knowledge
from analysis.knowledge import ENV_VAR as KNOWLEDGE_ENV
from analysis.model import TABLES, Corpus
from analysis.pipeline import DocResult, load_language_model, process_path, warm_up
from analysis.tables import build_table

SIDECAR_SUFFIX = read.SIDECAR_SUFFIX
SEQUENTIAL_MAX = 200  # inputs; below this a process pool's start-up costs more than it saves
CHUNKS_PER_WORKER = 8  # enough chunks to balance the load, few enough that IPC stays cheap
MAX_CHUNK = 64  # documents per task at most: the last tasks finish close together
CACHE_FORMAT = "2"  # a cached document is (DocResult, BodyPrint | None)
DEPENDENCIES = ("pandas", "pyarrow", "spacy", "dateparser", "charset-normalizer", "py3langid")

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# inputs


def _is_input(path: Path) -> bool:
    return _is_input_name(path.name)


def _is_input_name(name: str) -> bool:
    return not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX)


def _lists_as_input(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that leads to no folder: one that leads nowhere (dangling, or a
    loop, whose test raises) is listed too, so that it becomes an ``unreadable`` problem instead
    of vanishing, and its error cannot end the listing of the files beside it."""
    try:
        if entry.is_file():
            return True
        return entry.is_symlink() and not entry.is_dir()
    except OSError:
        return True


def _folder_files(root: Path, *, ordered: bool = False) -> list[Path]:
    """Regular input files of a folder and its non-hidden subfolders (``scandir``: no ``stat``
    call per file; links to folders are not followed); ``ordered``: by name, then path
    (``discover``'s order)."""
    found: list[tuple[str, Path]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(folder / entry.name)
                    elif _is_input_name(entry.name) and _lists_as_input(entry):
                        found.append((entry.name, folder / entry.name))
        except OSError:
            continue
    if ordered:
        found.sort(key=lambda item: (item[0], str(item[1])))
    return [path for _, path in found]


def _existing_sidecars(paths: Sequence[Path]) -> set[Path]:
    """The sidecar files present beside ``paths`` (one folder listing per folder)."""
    found: set[Path] = set()
    for parent in dict.fromkeys(p.parent for p in paths):
        try:
            with os.scandir(parent) as entries:
                found.update(
                    parent / entry.name for entry in entries if entry.name.endswith(SIDECAR_SUFFIX)
                )
        except OSError:
            continue
    return found


def discover(source: str | Path | Iterable[str | Path]) -> list[Path]:
    """Input files in a stable order (by name, then path).

    A folder contributes its regular, non-hidden files except sidecars (``*.meta.toml``), and
    those of its non-hidden subfolders.  In an explicit list, folders are expanded the same way
    and every other path is kept — even a missing one, which then becomes an ``unreadable``
    problem rather than vanishing.
    """
    if isinstance(source, str | Path):
        root = Path(source)
        if root.is_file():
            return [root]
        if not root.is_dir():
            raise FileNotFoundError(f"no such file or folder: {root}")
        return _folder_files(root, ordered=True)
    found = []
    for item in source:
        path = Path(item)
        if path.is_dir():
            found.extend(_folder_files(path))
        elif not path.name.endswith(SIDECAR_SUFFIX):
            found.append(path)
    unique = dict.fromkeys(found)  # the same path listed twice is one input
    return sorted(unique, key=lambda p: (p.name, str(p)))


def _path_hash(path: Path) -> str:
    return hashlib.sha256(path.absolute().as_posix().encode()).hexdigest()[:8]


def assign_doc_ids(paths: Sequence[Path]) -> list[str]:
    """A unique ``doc_id`` per path, deterministic for the same paths.

    The id is the file stem; stems shared by several inputs (``a.txt`` and ``a.md``) use the file
    name instead; names still shared (same name in two folders) get ``~`` and a short hash of the
    absolute path (``a.txt~1f2e3d4c``).
    """
    path_names = [p.name for p in paths]
    path_stems = [p.stem for p in paths]
    stems = Counter(path_stems)
    names = Counter(path_names)
    ids = []
    for path, name, stem in zip(paths, path_names, path_stems, strict=True):
        if stems[stem] == 1:
            ids.append(stem)
        elif names[name] == 1:
            ids.append(name)
        else:
            ids.append(f"{name}~{_path_hash(path)}")
    counts = Counter(ids)
    return [
        doc_id if counts[doc_id] == 1 else f"{doc_id}~{_path_hash(path)}"
        for doc_id, path in zip(ids, paths, strict=True)
    ]


@dataclass(frozen=True)
class Input:
    """One file to load: its id, the bytes already read (if any) and its content key."""

    path: Path
    doc_id: str
    data: bytes | None = None
    key: str | None = None  # None: never cached (unreadable right now)
    sidecar: bool = True  # False: its folder holds no sidecar at all, none is looked for


# ---------------------------------------------------------------------------------------------
# processing


_WORKER_STATE: dict[str, Any] = {}


def _warm_up(kb: Knowledge) -> None:
    """Build the stages' per-knowledge-base matchers once per process (never fatal)."""
    try:
        warm_up(kb)
    except Exception as error:  # a stage that cannot warm up still works on the first document
        log.info("warm-up failed: %s", error)


def _init_worker(kb: Knowledge, max_bytes: int, extract: bool = True) -> None:
    _WORKER_STATE["kb"] = kb
    _WORKER_STATE["max_bytes"] = max_bytes
    _WORKER_STATE["extract"] = extract
    _warm_up(kb)  # a no-op cost for forked workers, which inherit the parent's warm stages
    # The stages, models and knowledge base live as long as the worker: out of the collector's
    # sight, its full collections no longer walk their ~150,000 objects again and again (and a
    # forked worker does not write to the pages it shares with its parent to do so).
    gc.freeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while: results arriving from the workers and the
    tables built from them are many objects and no cycles, yet each full collection on the
    way walks every one of them (a tenth of a second each at 10,000 documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# A processed input: its result and, for a document, what duplicate detection needs of its body
# (computed where the body was made, so the serial end of a load does not hash every body).
Processed = tuple[DocResult, BodyPrint | None]


def _process_one(item: Input, kb: Knowledge, max_bytes: int, extract: bool = True) -> Processed:
    result = process_path(
        item.path,
        kb,
        item.data,
        doc_id=item.doc_id,
        max_bytes=max_bytes,
        extract=extract,
        sidecar=item.sidecar,
    )
    return result, _body_print(result)


def _body_print(result: DocResult) -> BodyPrint | None:
    """The document's ``BodyPrint`` (``None`` for a problem, or if it cannot be computed: the
    duplicates are then found from the bodies, as the table holds them)."""
    if result.document is None:
        return None
    body = result.document.get("body")
    try:
        return body_print(body) if isinstance(body, str) else None
    except Exception as error:  # never lose a document over its duplicate check
        log.info("no body print for %s: %s", result.document.get("doc_id"), error)
        return None


def _process_chunk(chunk: list[Input]) -> list[Processed]:
    """Worker entry point (module level, so it works with the ``spawn`` start method)."""
    kb, max_bytes, extract = (_WORKER_STATE[k] for k in ("kb", "max_bytes", "extract"))
    return [_process_one(item, kb, max_bytes, extract) for item in chunk]


def _chunks(items: list[Input], n_chunks: int) -> list[list[Input]]:
    size = min(MAX_CHUNK, max(1, math.ceil(len(items) / n_chunks)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _pool_context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is safe and cheap (workers inherit the imported stages), else a
    ``forkserver``/``spawn`` context — the worker code is spawn-safe either way."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.version_info < (3, 12) and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["analysis.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_inputs(
    items: list[Input],
    kb: Knowledge,
    *,
    workers: int | None = None,
    max_bytes: int,
    extract: bool = True,
) -> list[Processed]:
    """Results in input order; a pool only when there are enough inputs to pay for it."""
    n_workers = default_workers() if workers is None else max(1, workers)
    if n_workers == 1 or len(items) < max(SEQUENTIAL_MAX, 2):
        return [_process_one(item, kb, max_bytes, extract) for item in items]
    context = _pool_context()
    results: list[Processed] = []
    if context.get_start_method() == "fork":
        # The first document is processed here, so forked workers inherit the warmed-up stages
        # (spaCy pipeline, language model, date parser data, compiled patterns) instead of each
        # building them again.
        results.append(_process_one(items[0], kb, max_bytes, extract))
        items = items[1:]
        load_language_model()
    chunks = _chunks(items, n_workers * CHUNKS_PER_WORKER)
    with ProcessPoolExecutor(
        max_workers=n_workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(kb, max_bytes, extract),
    ) as pool:
        futures = _submit(pool, chunks)
        with _collector_paused():
            for chunk, future in zip(chunks, futures, strict=True):
                results.extend(_chunk_result(chunk, future, kb, max_bytes, extract))
    return results


def _submit(pool: Executor, chunks: list[list[Input]]) -> list[Future[list[Processed]]]:
    return [pool.submit(_process_chunk, chunk) for chunk in chunks]


def _chunk_result(
    chunk: list[Input],
    future: Future[list[Processed]],
    kb: Knowledge,
    max_bytes: int,
    extract: bool = True,
) -> list[Processed]:
    """A chunk's results; if its worker died, the chunk is redone here, one file at a time."""
    try:
        return future.result()
    except Exception as error:  # BrokenProcessPool, pickling, memory: never lose the files
        log.warning("worker failed (%s); processing %d files in-process", error, len(chunk))
        return [_process_one(item, kb, max_bytes, extract) for item in chunk]


def assemble(results: list[Processed], kb: Knowledge) -> Corpus:
    with _collector_paused():
        return _assemble(results, kb)


def _assemble(results: list[Processed], kb: Knowledge) -> Corpus:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    prints: list[BodyPrint | None] = []
    for result, body in results:
        if result.problem is not None:
            rows["problems"].append(result.problem)
            continue
        assert result.document is not None
        result.document["n_chars"] = len(result.document["body"])
        rows["documents"].append(result.document)
        prints.append(body)
        for name in ("comments", "links", "quotes", "claims", "events"):
            rows[name].extend(getattr(result, name))
    tables = {name: build_table(name, rows[name]) for name in TABLES}
    complete = [p for p in prints if p is not None]
    tables["documents"]["duplicate_of"] = find_duplicates(
        tables["documents"], prints=complete if len(complete) == len(prints) else None
    )
    return Corpus(**tables, knowledge=kb)


# ---------------------------------------------------------------------------------------------
# cache
#
# One pair of files per corpus (a corpus = the list of input paths) in the cache folder:
#   corpus-ID.tables.pkl  the content keys of all inputs + the assembled tables (warm path)
#   corpus-ID.docs.pkl    per-document results by content key (reused when some files changed)
# A content key hashes the code fingerprint (package sources, data files, library versions,
# size limit), the doc_id and path, the file's bytes and its sidecar's bytes: any change to code,
# data or input gives a new key.  Files are written atomically; an unreadable cache is ignored.


@lru_cache(maxsize=1)
def _sources_fingerprint() -> str:
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    digest.update(sys.version.encode())
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    return digest.hexdigest()


def code_fingerprint(kb: Knowledge, max_bytes: int = read.MAX_BYTES, extract: bool = True) -> str:
    """What the results depend on besides the inputs: code, data files, libraries, limits and
    the mode (a documents-only result must never be served to a full load, nor the reverse)."""
    text = f"{_sources_fingerprint()}|{kb.fingerprint}|{max_bytes}|{_mode(extract)}"
    return hashlib.sha256(text.encode()).hexdigest()


def _sidecar_bytes(path: Path, sidecars: set[Path] | None = None) -> bytes:
    if sidecars is not None and not sidecars:  # the usual case: no sidecars at all
        return b""
    side = read.sidecar_path(path)
    try:
        present = side in sidecars if sidecars is not None else side.is_file()
        return side.read_bytes() if present else b""
    except OSError:
        return b"\x00unreadable sidecar"


def _read_small(path: Path, max_bytes: int) -> tuple[bytes | None, bytes]:
    """``(data, content)``: the bytes, or for a too-large file ``None`` and its size and mtime
    (one ``open`` + ``fstat``; a too-large file is never read into memory)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO never blocks
    try:
        stat = os.fstat(descriptor)
        if not S_ISREG(stat.st_mode):
            raise IsADirectoryError(f"not a regular file: {path}")
        if stat.st_size > max_bytes:
            return None, f"large:{stat.st_size}:{stat.st_mtime_ns}".encode()
        parts = [os.read(descriptor, stat.st_size + 1)]
        while parts[-1]:  # a file that grows while being read is read to its end
            parts.append(os.read(descriptor, 1 << 20))
    finally:
        os.close(descriptor)
    data = b"".join(parts)
    return data, data


def fingerprint_input(
    path: Path, doc_id: str, code: str, max_bytes: int, sidecars: set[Path] | None = None
) -> Input:
    """Read a file (unless too large) and compute its content key."""
    try:
        data, content = _read_small(path, max_bytes)
    except OSError:
        return Input(path, doc_id)
    sidecar = _sidecar_bytes(path, sidecars)
    header = f"{code}\0{doc_id}\0{path}\0{len(content)}\0{len(sidecar)}\0".encode()
    digest = hashlib.sha256(header)
    digest.update(content)
    digest.update(sidecar)
    return Input(path, doc_id, data, digest.hexdigest(), sidecars is None or bool(sidecars))


def _mode(extract: bool) -> str:
    return "full" if extract else "documents"


def _cache_files(cache_dir: Path, paths: Sequence[Path], extract: bool = True) -> tuple[Path, Path]:
    """The two cache files of a corpus in one mode (the modes keep separate files, so loading
    a corpus in both modes does not evict one with the other)."""
    absolute = (os.path.abspath(p) for p in paths)  # noqa: PTH100 — a third of the cost of Path
    identity = hashlib.sha256("\n".join(absolute).encode())
    suffix = "" if extract else f"-{_mode(extract)}"
    stem = f"corpus-{identity.hexdigest()[:24]}{suffix}"
    return cache_dir / f"{stem}.tables.pkl", cache_dir / f"{stem}.docs.pkl"


def _load_pickle(path: Path, code: str) -> dict[str, Any] | None:
    """The cached payload, or ``None`` when absent, corrupt or made by other code."""
    payload = load_pickle(path)
    if not isinstance(payload, dict) or payload.get("code") != code:
        return None
    return payload


# ---------------------------------------------------------------------------------------------
# the loader


_KNOWLEDGE: dict[str, tuple[tuple[Any, ...], Knowledge]] = {}


def _data_files_signature(data_dir: str | Path | None) -> tuple[Any, ...]:
    """Name, size and mtime of every data file ``load_knowledge`` would read."""
    user = data_dir or os.environ.get(KNOWLEDGE_ENV)
    folders = [Path(__file__).resolve().parent / "data", *([Path(user)] if user else [])]
    signature: list[Any] = [str(user)]
    for folder in folders:
        for name in DATA_FILES:
            try:
                stat = (folder / f"{name}.toml").stat()
                signature.append((str(folder), name, stat.st_size, stat.st_mtime_ns))
            except OSError:
                signature.append((str(folder), name, None))
    return tuple(signature)


def knowledge_for(data_dir: str | Path | None = None) -> Knowledge:
    """``load_knowledge``, parsed again only when a data file changed (parsing the TOML files
    costs more than reading a small corpus from the cache).  Treat the result as read-only."""
    signature = _data_files_signature(data_dir)
    key = str(data_dir)
    cached = _KNOWLEDGE.get(key)
    if cached is not None and cached[0] == signature:
        return cached[1]
    kb = load_knowledge(data_dir, parsed_cache=default_cache_dir() / "data")
    _KNOWLEDGE[key] = (signature, kb)
    return kb


def load_corpus(
    source: str | Path | Iterable[str | Path],
    *,
    data_dir: str | Path | None = None,
    workers: int | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    max_bytes: int = read.MAX_BYTES,
    extract: bool = True,
) -> Corpus:
    """Load texts into tables: ``documents``, ``comments``, ``links``, ``problems``,
    ``quotes``, ``claims`` and ``events`` (pandas DataFrames).

    ``workers``: processes for large inputs (default: every available core; 1 = sequential).
    ``cache``/``cache_dir``: reuse results for unchanged files (default folder: see
    ``default_cache_dir``).  ``max_bytes``: larger files become ``too_large`` problems.
    ``extract=False`` loads documents only: read → clean → metadata → duplicates give the same
    ``documents``, ``comments``, ``links`` and ``problems`` as a full load, while ``quotes``,
    ``claims`` and ``events`` stay empty (with their columns) — several times faster, for
    browsing, counting and selecting a corpus before extracting from it.
    """
    kb = knowledge_for(data_dir)
    paths = discover(source)
    doc_ids = assign_doc_ids(paths)
    if not cache:
        sidecars = bool(_existing_sidecars(paths))
        items = [
            Input(path, doc_id, sidecar=sidecars)
            for path, doc_id in zip(paths, doc_ids, strict=True)
        ]
        results = process_inputs(items, kb, workers=workers, max_bytes=max_bytes, extract=extract)
        return assemble(results, kb)
    return _load_cached(
        paths, doc_ids, kb, workers, Path(cache_dir or default_cache_dir()), max_bytes, extract
    )


def _load_cached(
    paths: list[Path],
    doc_ids: list[str],
    kb: Knowledge,
    workers: int | None,
    cache_dir: Path,
    max_bytes: int,
    extract: bool = True,
) -> Corpus:
    code = code_fingerprint(kb, max_bytes, extract)
    sidecars = _existing_sidecars(paths)
    items = [
        fingerprint_input(path, doc_id, code, max_bytes, sidecars)
        for path, doc_id in zip(paths, doc_ids, strict=True)
    ]
    keys = [item.key for item in items]
    tables_file, docs_file = _cache_files(cache_dir, paths, extract)
    warm = _load_pickle(tables_file, code)
    if warm is not None and warm.get("keys") == keys and None not in keys:
        return Corpus(**warm["tables"], knowledge=kb)
    stored = _load_pickle(docs_file, code)
    known: dict[str, Processed] = stored["docs"] if stored else {}
    todo = [item for item in items if item.key not in known]
    fresh = iter(process_inputs(todo, kb, workers=workers, max_bytes=max_bytes, extract=extract))
    results = [known[item.key] if item.key in known else next(fresh) for item in items]
    docs = {item.key: result for item, result in zip(items, results, strict=True) if item.key}
    write_pickle(docs_file, {"code": code, "docs": docs})
    corpus = assemble(results, kb)
    write_pickle(tables_file, {"code": code, "keys": keys, "tables": corpus.tables()})
    return corpus
