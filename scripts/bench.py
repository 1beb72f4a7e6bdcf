"""Benchmark: plain read vs cold / warm ``load_corpus`` on a generated corpus, plus the seeds.

    python scripts/bench.py [--docs N] [--workers N] [--profile N] [--profile-documents N]
                            [--keep DIR] [--live]

Cold loads are measured twice: documents only (``extract=False``: read, clean, metadata,
duplicates) and full (with quotes, claims and events), each from an empty cache.

The corpus is generated in a temporary folder from the seeds' paragraphs, each varied (one word
in eight swapped, numbers redrawn) so that no paragraph repeats except in the 3 % of pages that
are syndicated copies of an earlier story, recombined with varied page furniture (headers,
datelines, bylines, share bars, comment widgets, related lists), saved in several encodings and
as HTML, plus some bad files (empty, binary, too large).  Every number is
measured in the same run; ratios are against the time to merely read the files.
"""

from __future__ import annotations

import argparse
import codecs
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

OUTLETS = ["Wire Service", "Daily Courier", "Defense Weekly", "Sputnik", "Polygraph", "RIA", "VOA"]
CITIES = ["WASHINGTON", "MOSCOW", "GENEVA", "BEIRUT", "DAMASCUS", "ANKARA", "BRUSSELS"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
AUTHORS = ["Jane Roe", "Ivan Petrov", "Tara Lin", "Sam Okafor", "Lena Weiss", "Omar Haddad"]
COMMENTERS = ["Boris", "That Guy", "Jens H", "truthseeker", "Mike_77", "Anonymous"]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def seed_pools() -> tuple[list[str], list[str]]:
    """(article paragraphs, furniture lines) from the seeds, by shape alone."""
    article, furniture = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in _paragraphs(path.read_text(encoding="utf-8")):
            words = paragraph.split()
            looks_prose = len(words) >= 15 and paragraph[-1:] in ".\u201d\"'"
            (article if looks_prose else furniture).append(paragraph)
    return article, furniture


def _date(rng: random.Random) -> tuple[int, str, int]:
    return rng.choice([2015, 2016, 2017]), rng.choice(MONTHS), rng.randint(1, 28)


def header(rng: random.Random, title: str) -> list[str]:
    year, month, day = _date(rng)
    outlet = rng.choice(OUTLETS)
    styles = [
        [
            f"{outlet} | World | Middle East",
            f"Posted {day} {month} {year} 09:{rng.randint(10, 59)} ET",
            title,
            f"By {rng.choice(AUTHORS)}",
        ],
        [
            f"### [{year}-{MONTHS.index(month) + 1:02d}-{day:02d}](/news/{year}/index.md)",
            f"#   {title}",
        ],
        [
            "Skip to content",
            "Menu",
            "Search",
            title,
            f"{month} {day}, {year}",
            f"{rng.choice(AUTHORS)}, {outlet}",
        ],
        [
            f"{rng.randint(10, 23)}:{rng.randint(10, 59)} GMT {day} {month} {year}",
            "Listen Live",
            "Get short URL",
            title,
        ],
        [
            "Accessibility links",
            "Breaking News",
            title,
            f"{outlet} staff",
            f"Updated {month} {day}, {year}",
        ],
        [title],
    ]
    return rng.choice(styles)


def dateline(rng: random.Random, paragraph: str) -> str:
    city = rng.choice(CITIES)
    dash = rng.choice([" \u2014 ", " - ", " (Wire) \u2013 ", ", Oct 14 (Reuters) - "])
    return f"{city}{dash}{paragraph}"


def footer(rng: random.Random, furniture: list[str]) -> list[str]:
    parts: list[str] = []
    if rng.random() < 0.5:
        parts += ["Share this article:", "Facebook \u2022 Twitter \u2022 Email"]
    if rng.random() < 0.4:
        parts += ["Related:", *rng.sample(furniture, k=min(3, len(furniture)))]
    if rng.random() < 0.4:
        parts += ["Notify of", "Newest Most Voted", "Inline Feedbacks", "View all comments"]
        for _ in range(rng.randint(1, 5)):
            parts += [
                rng.choice(COMMENTERS),
                rng.choice(
                    [
                        "Lies, all of it.",
                        "Who believes this?",
                        "Great reporting, thanks.",
                        "The US never wanted to coordinate anything.",
                    ]
                ),
            ]
    if rng.random() < 0.5:
        parts += [
            f"\u00a9 {rng.choice([2015, 2016, 2017])} {rng.choice(OUTLETS)}. All rights reserved."
        ]
    return parts


WORD = re.compile(r"[A-Za-z]{4,}")
NUMBER = re.compile(r"\d+")


def vocabulary(article: list[str]) -> list[str]:
    """The seeds' words of four letters or more, lower-cased, sorted (deterministic)."""
    return sorted({w.lower() for p in article for w in WORD.findall(p)})


def vary(rng: random.Random, paragraph: str, words: list[str]) -> str:
    """The paragraph with about one word in eight swapped for another seed word (same initial
    case) and its numbers redrawn. A real corpus does not repeat paragraphs from document to
    document; without this, every generated paragraph would be one of the seeds' few dozen, and
    anything that remembers results by text would be measured on repeats."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= 0.125:
            return word
        other = rng.choice(words)
        return other[0].upper() + other[1:] if word[0].isupper() else other

    def redraw(match: re.Match[str]) -> str:
        digits = len(match.group(0))
        return str(rng.randint(10 ** (digits - 1) if digits > 1 else 0, 10**digits - 1))

    return NUMBER.sub(redraw, WORD.sub(swap, paragraph))


def compose(
    rng: random.Random,
    article: list[str],
    furniture: list[str],
    words: list[str],
    earlier: list[tuple[str, list[str]]],
) -> str:
    """One page; about 3 % are syndicated copies of an earlier page's story in new furniture."""
    if earlier and rng.random() < 0.03:
        title, body = rng.choice(earlier)
    else:
        target = rng.randint(2000, 6000)
        body = []
        while sum(len(p) for p in body) < target * 0.75:
            body.append(vary(rng, rng.choice(article), words))
        body[0] = dateline(rng, body[0]) if rng.random() < 0.6 else body[0]
        title = vary(rng, rng.choice(article), words).split(".")[0][:90]
        earlier.append((title, body))
    return "\n\n".join([*header(rng, title), *body, *footer(rng, furniture)]) + "\n"


def encode(rng: random.Random, text: str) -> tuple[str, bytes]:
    """Suffix and bytes: mostly UTF-8, some cp1252, UTF-16, UTF-8 with BOM and HTML pages."""
    roll = rng.random()
    if roll < 0.05:
        return ".txt", text.encode("cp1252", errors="replace")
    if roll < 0.08:
        return ".txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if roll < 0.10:
        return ".txt", codecs.BOM_UTF8 + text.encode()
    if roll < 0.13:
        paragraphs = "".join(f"<p>{p}</p>\n" for p in _paragraphs(text))
        page = f"<!DOCTYPE html><html><head><title>t</title><script>var a=1;</script></head><body>{paragraphs}</body></html>"
        return ".html", page.encode()
    return ".txt", text.encode()


def bad_file(rng: random.Random, path: Path) -> None:
    kind = rng.choice(["empty", "binary", "whitespace", "large"])
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "whitespace":
        path.write_bytes(b"\n \n\t\n")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048))
    else:
        with path.open("wb") as handle:  # sparse: too large by stat, cheap to create
            handle.truncate(5_000_000)


def generate(folder: Path, n_docs: int, seed: int = 2016) -> int:
    """Write ``n_docs`` files (about 1% bad); returns the number written."""
    rng = random.Random(seed)
    article, furniture = seed_pools()
    words = vocabulary(article)
    earlier: list[tuple[str, list[str]]] = []
    for index in range(n_docs):
        stem = f"doc{index:06d}"
        if rng.random() < 0.01:
            bad_file(rng, folder / f"{stem}.txt")
            continue
        suffix, data = encode(rng, compose(rng, article, furniture, words, earlier))
        (folder / f"{stem}{suffix}").write_bytes(data)
    return n_docs


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def plain_read(folder: Path) -> int:
    return sum(
        len(p.read_bytes()) for p in sorted(folder.iterdir()) if p.stat().st_size < 2_000_000
    )


def snapshot_package(work: Path) -> Path:
    """A frozen copy of the package, so edits made during a long run cannot change the code or
    the data files under measurement (which would also, rightly, invalidate the cache)."""
    root = work / "snapshot"
    shutil.copytree(
        ROOT / "analysis", root / "analysis", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


def seeds_in_fresh_process(cache_dir: Path, code_root: Path) -> dict[str, float]:
    """The seeds' load time after ``import analysis`` in a new interpreter (cold, then warm)."""
    code = f"""
import json, time
from analysis import load_corpus
t0 = time.perf_counter(); load_corpus({str(SEEDS)!r}, cache=False); t1 = time.perf_counter()
load_corpus({str(SEEDS)!r}, cache_dir={str(cache_dir)!r})
t2 = time.perf_counter(); load_corpus({str(SEEDS)!r}, cache_dir={str(cache_dir)!r}); t3 = time.perf_counter()
print(json.dumps({{"first_load_no_cache": t1 - t0, "warm_cached": t3 - t2}}))
"""
    output = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=code_root,
        env={**os.environ, "PYTHONPATH": str(code_root)},
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def profile(folder: Path, n_docs: int, *, extract: bool = True) -> str:
    """cProfile of a sequential, uncached load of the first ``n_docs`` files."""
    from analysis import load_corpus

    paths = sorted(folder.iterdir())[:n_docs]
    profiler = cProfile.Profile()
    profiler.enable()
    load_corpus(paths, cache=False, workers=1, extract=extract)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"analysis|spacy|dateparser|charset|pandas", 35)
    stats.sort_stats("tottime").print_stats(25)
    return out.getvalue()


def dedup_seconds(corpus: Any) -> tuple[float, float]:
    """Wall-clock time of duplicate detection on a loaded ``documents`` table, measured again
    on the same table: from the bodies alone, and its serial part in a load (from the body
    prints the workers compute with each document; computed here beforehand, untimed)."""
    from analysis.dedup import body_print, find_duplicates

    documents = corpus.documents
    from_bodies, _ = timed(lambda: find_duplicates(documents))
    prints = [body_print(body) for body in documents["body"].fillna("").astype("str")]
    serial, _ = timed(lambda: find_duplicates(documents, prints=prints))
    return from_bodies, serial


def print_cold(
    label: str, n_docs: int, workers: int, seconds: float, cpu: float, t_read: float
) -> None:
    """Two lines: wall clock (docs/s) and CPU time (ms per document) of a cold load."""
    print(
        f"{label:<27} {seconds:8.3f} s  {n_docs / seconds:8.0f} docs/s"
        f"  ({seconds / t_read:.0f}x baseline)"
    )
    print(
        f"{'  CPU time:':<27} {cpu:8.1f} s  ({cpu / n_docs * 1000:.2f} ms CPU per doc;"
        f" {n_docs * workers / cpu:.0f} docs/s on {workers} idle cores)"
    )


def report_documents_only(
    n_docs: int, workers: int, t_read: float, t_docs: float, cpu_docs: float, corpus: Any
) -> None:
    """The ``--documents-only`` report: the cold documents-only load and its serial dedup."""
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, workers={workers}")
    print(f"plain read (baseline):      {t_read:8.3f} s")
    print_cold("cold documents only:", n_docs, workers, t_docs, cpu_docs, t_read)
    from_bodies, serial = dedup_seconds(corpus)
    print(
        f"  duplicate detection: {serial:.3f} s serial after the workers"
        f" ({from_bodies:.3f} s from the bodies alone)"
    )
    counts = {name: len(frame) for name, frame in corpus.tables().items()}
    print(f"rows: {counts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--profile", type=int, default=0, help="profile a load of N documents")
    parser.add_argument(
        "--profile-documents",
        type=int,
        default=0,
        help="profile a documents-only load (extract=False) of N documents",
    )
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder")
    parser.add_argument(
        "--live", action="store_true", help="measure the working tree, not a frozen snapshot"
    )
    parser.add_argument(
        "--documents-only",
        action="store_true",
        help="measure only the cold documents-only load (no full, warm or seeds loads)",
    )
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    code_root = ROOT if args.live else snapshot_package(work)
    sys.path.insert(0, str(code_root))
    t_import, _ = timed(lambda: __import__("analysis.corpus"))
    from analysis.corpus import default_workers, load_corpus

    workers = args.workers or default_workers()
    folder = args.keep or work / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t_gen, _ = timed(lambda: generate(folder, args.docs))
        n_bytes = plain_read(folder)  # warm the OS page cache so every run below reads alike
        t_read = min(timed(lambda: plain_read(folder))[0] for _ in range(3))
        cache = work / "cache"
        cpu_before = cpu_seconds()
        t_docs, documents_only = timed(
            lambda: load_corpus(folder, cache_dir=cache, workers=workers, extract=False)
        )
        cpu_docs = cpu_seconds() - cpu_before
        if args.documents_only:
            report_documents_only(args.docs, workers, t_read, t_docs, cpu_docs, documents_only)
            return 0
        cpu_before = cpu_seconds()
        t_cold, corpus = timed(lambda: load_corpus(folder, cache_dir=cache, workers=workers))
        cpu_cold = cpu_seconds() - cpu_before
        t_warm = min(
            timed(lambda: load_corpus(folder, cache_dir=cache, workers=workers))[0]
            for _ in range(3)
        )
        seeds = seeds_in_fresh_process(work / "seeds-cache", code_root)
        counts = {name: len(frame) for name, frame in corpus.tables().items()}
        reasons = corpus.problems.reason.value_counts().sort_index().to_dict()
        active = [n for n in ("comments", "links", "quotes", "claims", "events") if counts[n]]
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, workers={workers}")
        print(f"import analysis:            {t_import:8.2f} s")
        print(f"generated {args.docs:,} files ({n_bytes / 1e6:.1f} MB) in {t_gen:.1f} s")
        print(f"plain read (baseline):      {t_read:8.3f} s")
        print_cold("cold documents only:", args.docs, workers, t_docs, cpu_docs, t_read)
        print_cold("cold load_corpus (full):", args.docs, workers, t_cold, cpu_cold, t_read)
        same = all(
            documents_only.tables()[name].equals(corpus.tables()[name])
            for name in ("documents", "comments", "links", "problems")
        )
        print(f"documents only = full load's documents/comments/links/problems: {same}")
        from_bodies, t_dedup = dedup_seconds(documents_only)
        print(
            f"  of the documents-only load, duplicate detection (serial) takes {t_dedup:.3f} s"
            f" ({from_bodies:.3f} s from the bodies alone);"
            f" without it: {args.docs / max(t_docs - t_dedup, 1e-9):.0f} docs/s"
        )
        print(
            f"warm load_corpus:           {t_warm:8.3f} s  ({t_warm / t_read:.2f}x baseline; target <= 3x)"
        )
        print(f"seeds, first load after import (no cache): {seeds['first_load_no_cache']:.3f} s")
        print(f"seeds, warm load after import (cached):    {seeds['warm_cached']:.3f} s")
        print(f"rows: {counts}")
        print(f"problems by reason: {reasons}")
        print(f"stages producing rows: {', '.join(active) or 'none'}")
        if args.profile_documents:
            print(profile(folder, args.profile_documents, extract=False))
        if args.profile:
            print(profile(folder, args.profile))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
