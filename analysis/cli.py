"""Command line: ``python -m analysis export SEEDS_DIR --out DIR``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis.corpus import load_corpus


def export(source: Path, out: Path, data_dir: Path | None = None) -> list[Path]:
    """Write every table as Parquet and CSV into ``out``; return the files written."""
    corpus = load_corpus(source, data_dir=data_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in corpus.tables().items():
        parquet = out / f"{name}.parquet"
        csv = out / f"{name}.csv"
        frame.to_parquet(parquet, index=False)
        frame.to_csv(csv, index=False, lineterminator="\n")
        written += [parquet, csv]
    return written


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("export", help="write every table as Parquet and CSV")
    ex.add_argument("source", type=Path, help="folder of .txt files")
    ex.add_argument("--out", type=Path, required=True, help="output folder")
    ex.add_argument(
        "--data-dir", type=Path, default=None, help="extra data files (outlets, actors…)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        for path in export(args.source, args.out, args.data_dir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
