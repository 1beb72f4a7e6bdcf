"""Score the extractor against the hand-annotated gold files in ``tests/gold/``.

    python scripts/score.py            # seeds + tests/fixtures/corpus
    python scripts/score.py --json     # the full result, errors included

Prints per-field accuracy of the documents table (outlet, kind, title, author, date, verdict,
language), quote-span precision/recall/F1 (exact and overlap) and speaker accuracy, claim recall and
precision, stance accuracy per class and side accuracy, and event-date accuracy.  The floors the
test suite enforces live in ``tests/test_score_*.py``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from analysis import load_corpus
from analysis.evaluate import claims as claim_scores
from analysis.evaluate import documents as document_scores
from analysis.evaluate import events as event_scores
from analysis.evaluate import quotes as quote_scores

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def corpus_paths() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")
    )


def scores() -> dict[str, Any]:
    corpus = load_corpus(corpus_paths(), cache=False)
    seed_ids = {path.stem for path in (ROOT / "seeds").glob("*.txt")}
    return {
        "documents": document_scores.score(corpus, GOLD / "documents.json", seed_ids),
        "quotes": quote_scores.score(corpus, GOLD / "quotes.json"),
        "claims": claim_scores.score(corpus, GOLD / "claims.json"),
        "events": event_scores.score(corpus, GOLD / "events.json"),
    }


def _numbers(result: dict[str, Any], depth: int = 0) -> list[str]:
    """Numeric leaves of a score dict as indented lines (errors and lists left out)."""
    lines = []
    for key, value in result.items():
        if isinstance(value, dict):
            lines.append("  " * depth + f"{key}:")
            lines += _numbers(value, depth + 1)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append("  " * depth + f"{key}: {shown}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args()
    result = scores()
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False, default=str))
        return
    for name, part in result.items():
        print(f"== {name}")
        print("\n".join(_numbers(part, 1)))


if __name__ == "__main__":
    main()
