"""``python -m analysis report``: build topic reports without nox (see ``analysis.report.build``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

DESCRIPTION = (
    "Build the narrative reports: every topic plus 'all' (or one --topic), executed with papermill, "
    "converted to HTML and PDF, linked from reports/index.html. Unchanged reports are not rebuilt."
)


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--topic", action="append", help="build this topic only (repeatable)")
    parser.add_argument("--start", help="first day, YYYY-MM-DD (default: the notebook's)")
    parser.add_argument("--end", help="last day, YYYY-MM-DD (default: the notebook's)")
    parser.add_argument("--side", action="append", dest="sides", help="a side (repeatable)")
    parser.add_argument("--seeds", dest="seeds_dir", help="folder of texts (default: seeds)")
    parser.add_argument("--data-dir", help="folder of extra data files")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="output folder")
    parser.add_argument("--jobs", type=int, default=2, help="reports executed at once")
    parser.add_argument("--no-pdf", action="store_true", help="write HTML only")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    return parser


def add_report_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``report`` on the main command line's subparsers."""
    return configure_parser(
        subparsers.add_parser("report", help="build the topic reports", description=DESCRIPTION)
    )


def run_report(args: argparse.Namespace) -> int:
    """Run the build; print one line per report and each failure (topic, cell, error)."""
    from analysis.report.build import build

    overrides = {
        "start": args.start,
        "end": args.end,
        "sides": args.sides,
        "seeds_dir": args.seeds_dir,
        "data_dir": args.data_dir,
    }
    try:
        result = build(
            topics=args.topic,
            overrides=overrides,
            out_dir=args.out,
            pdf=not args.no_pdf,
            workers=args.jobs,
            force=args.force,
        )
    except (ValueError, FileNotFoundError) as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    for outcome in result.outcomes:
        state = "failed" if outcome.error else ("built" if outcome.executed else "up to date")
        why = f"  ({outcome.reason})" if outcome.executed and outcome.reason else ""
        print(f"{state:>10}  {outcome.slug}{why}")
    for note in (result.pdf_skipped, result.pdf_slow):
        if note:
            print(note, file=sys.stderr)
    for outcome in result.failed:
        print(f"report {outcome.topic!r} failed: {outcome.error}", file=sys.stderr)
    return 1 if result.failed else 0


def main_report(argv: Sequence[str] | None = None) -> int:
    parser = configure_parser(argparse.ArgumentParser(prog="python -m analysis report"))
    parser.description = DESCRIPTION
    return run_report(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main_report())
