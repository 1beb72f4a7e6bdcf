"""Train the stance model from the gold files: ``python scripts/train_stance.py``.

    python scripts/train_stance.py                      # writes analysis/data/stance_model.toml
    python scripts/train_stance.py --exclude blind-15 --out /tmp/data/stance_model.toml

Needs the ``train`` dependency group (scikit-learn, tomli-w).  The examples are every sentence set
of ``tests/gold`` and every gold page claim's sentence in the cleaned bodies of ``seeds/`` and
``tests/fixtures/corpus/`` (see ``analysis/evaluate/training.py``).  ``--exclude`` leaves batches
out, to score them as unseen (``scripts/score.py --held-out`` does it batch by batch).  The same
gold gives the same file, byte for byte.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import tomli_w

from analysis import load_corpus
from analysis.evaluate.training import gold_examples
from analysis.stance_model import train

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
MODEL = ROOT / "analysis" / "data" / "stance_model.toml"
HEADER = (
    "# The stance classifier: written by scripts/train_stance.py from tests/gold; do not edit.\n"
    "# [terms]: each word or word pair -> [idf, weight of each class in [model].classes order].\n"
    "# A stance_model.toml in a user's data folder replaces this one whole.\n\n"
)


def corpus_bodies() -> dict[str, str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")
    )
    documents = load_corpus(paths, cache=False, extract=False).documents
    return dict(zip(documents["doc_id"], documents["body"], strict=True))


def model_text(table: dict) -> str:
    """The model as TOML, a term per line (tomli-w would spread each array over nine)."""
    terms = "".join(
        f"{tomli_w.dumps({term: 0}).split(' = ')[0]} = [{', '.join(map(repr, row))}]\n"
        for term, row in sorted(table["terms"].items())
    )
    return HEADER + tomli_w.dumps({"model": table["model"]}) + "\n[terms]\n" + terms


def write_model(examples: list[tuple[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model_text(train(examples)), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", action="append", default=[], help="a batch to leave out")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    examples = gold_examples(GOLD, corpus_bodies(), exclude=args.exclude)
    write_model([(e.text, e.stance) for e in examples], args.out)
    counts = Counter(e.stance for e in examples)
    print(f"{len(examples)} examples ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
