"""Command line: ``python -m analysis export SEEDS_DIR --out DIR`` and ``python -m analysis report``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.claimreview import claim_reviews, to_jsonld
from analysis.corpus import Corpus, load_corpus
from analysis.read import MAX_BYTES
from analysis.report_cli import add_report_parser, run_report


def write_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write every table as Parquet and CSV into ``out``; the bytes depend only on the tables."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in corpus.tables().items():
        parquet = out / f"{name}.parquet"
        csv = out / f"{name}.csv"
        _write_parquet(frame, parquet)
        frame.to_csv(csv, index=False, lineterminator="\n", date_format="%Y-%m-%d")
        written += [parquet, csv]
    reviews = out / "claimreview.jsonld"
    reviews.write_text(to_jsonld(claim_reviews(corpus)) + "\n", encoding="utf-8")
    written.append(reviews)
    return written


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    # pyarrow writes no timestamps into Parquet files; a fixed compression keeps bytes stable
    frame.to_parquet(path, index=False, engine="pyarrow", compression="snappy")


def export(
    source: Path,
    out: Path,
    data_dir: Path | None = None,
    *,
    workers: int | None = None,
    cache: bool = True,
    cache_dir: Path | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Path]:
    """Load ``source`` and write every table as Parquet and CSV into ``out``."""
    corpus = load_corpus(
        source,
        data_dir=data_dir,
        workers=workers,
        cache=cache,
        cache_dir=cache_dir,
        max_bytes=max_bytes,
    )
    return write_tables(corpus, out)


def _add_load_options(command: argparse.ArgumentParser) -> None:
    """Options shared by every subcommand that loads a corpus."""
    command.add_argument(
        "--data-dir", type=Path, default=None, help="extra data files (outlets, actors…)"
    )
    command.add_argument(
        "--workers", type=int, default=None, help="processes (default: every core; 1 = none)"
    )
    command.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    command.add_argument("--cache-dir", type=Path, default=None, help="cache folder")
    command.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_BYTES,
        help=f"larger files are reported as too_large (default {MAX_BYTES:,})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("export", help="write every table as Parquet and CSV")
    ex.add_argument("source", type=Path, help="folder of .txt files (or one file)")
    ex.add_argument("--out", type=Path, required=True, help="output folder")
    _add_load_options(ex)
    add_report_parser(commands)
    return parser


def _run_export(args: argparse.Namespace) -> int:
    source: Path = args.source
    if not source.exists():
        print(f"error: no such folder or file: {source}", file=sys.stderr)
        return 2
    if source.is_dir() and args.out.resolve() == source.resolve():
        print(
            "error: --out must not be the input folder (it would be read next time)",
            file=sys.stderr,
        )
        return 2
    written = export(
        source,
        args.out,
        args.data_dir,
        workers=args.workers,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
        max_bytes=args.max_bytes,
    )
    for path in written:
        rows = _row_count(path)
        print(f"{path}\t{rows} rows" if rows is not None else str(path))
    return 0


def _row_count(path: Path) -> int | None:
    if path.suffix != ".parquet":
        return None
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        return _run_export(args)
    if args.command == "report":
        return run_report(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
