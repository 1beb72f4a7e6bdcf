"""Score the extractor against the hand-annotated gold files in ``tests/gold/``.

    python scripts/score.py            # seeds + tests/fixtures/corpus
    python scripts/score.py --json     # the full result, errors included
    python scripts/score.py --held-out # stance of each batch with a model trained without it

Prints per-field accuracy of the documents table (outlet, kind, title, author, date, verdict,
language), quote-span precision/recall/F1 (exact and overlap) and speaker accuracy, claim recall and
precision, stance accuracy per class and side accuracy, and event-date accuracy.  The floors the
test suite enforces live in ``tests/test_score_*.py``.

The stance model (``analysis/stance_model.py``) is trained on these same gold files, so the
plain scores read its training set.  ``--held-out`` gives the honest figures: for each batch, a
model trained without it (written to a scratch data folder, which replaces the shipped model)
scores that batch's pages and sentences, as at first contact.  It needs the ``train`` dependency
group.
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


def held_out_scores(batches: list[str] | None = None) -> dict[str, Any]:
    """Claims and sentence stance of each batch, with a stance model trained without it."""
    import tempfile

    from train_stance import corpus_bodies, write_model  # this folder is on the path

    from analysis.corpus import knowledge_for
    from analysis.evaluate.training import gold_examples, sentence_examples, sentence_scores

    bodies = corpus_bodies()
    gold = claim_scores.load_gold(GOLD / "claims.json")
    sentences = sentence_examples(GOLD)
    every = sorted({g.get("group") or "untuned" for g in gold} | {s.source for s in sentences})
    result: dict[str, Any] = {}
    for batch in batches or every:
        with tempfile.TemporaryDirectory() as data_dir:
            examples = gold_examples(GOLD, bodies, exclude=[batch])
            write_model(
                [(e.text, e.stance) for e in examples], Path(data_dir) / "stance_model.toml"
            )
            doc_ids = {g["doc_id"] for g in gold if g.get("group") == batch}
            part: dict[str, Any] = {}
            if doc_ids:
                paths = [p for p in corpus_paths() if p.stem in doc_ids]
                corpus = load_corpus(paths, cache=False, data_dir=data_dir)
                claims = claim_scores.score(corpus, GOLD / "claims.json", groups=[batch])
                part["claims"] = {
                    k: claims[k] for k in ("matched", "stance_accuracy", "side_accuracy")
                }
                part["claims"]["per_class"] = {
                    k: f"{v['correct']}/{v['n']}" for k, v in claims["stance_per_class"].items()
                }
            held = [s for s in sentences if s.source == batch]
            if held:
                part["sentences"] = sentence_scores(held, knowledge_for(data_dir))
            result[batch] = part
    return result


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
    parser.add_argument(
        "--held-out", nargs="*", metavar="BATCH", help="score batches (default: all) held out"
    )
    args = parser.parse_args()
    result = scores() if args.held_out is None else held_out_scores(args.held_out or None)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False, default=str))
        return
    for name, part in result.items():
        print(f"== {name}")
        print("\n".join(_numbers(part, 1)))


if __name__ == "__main__":
    main()
