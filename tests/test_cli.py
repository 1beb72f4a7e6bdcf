"""The command line: ``python -m analysis export SEEDS_DIR --out DIR``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import build_parser, main
from analysis.corpus import TABLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    root = tmp_path / "texts"
    root.mkdir()
    for path in [*SEEDS.glob("*.txt"), *BAD.iterdir()]:
        shutil.copy(path, root / path.name)
    return root


def _export(source: Path, out: Path, cache: Path, *extra: str) -> int:
    return main(["export", str(source), "--out", str(out), "--cache-dir", str(cache), *extra])


def test_export_writes_every_table_as_parquet_and_csv(texts, tmp_path, capsys):
    assert _export(texts, tmp_path / "out", tmp_path / "cache") == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    tables = [f"{t}.{ext}" for t in TABLES for ext in ("parquet", "csv")]
    assert written == sorted([*tables, "claimreview.jsonld"])
    printed = capsys.readouterr().out
    assert f"{tmp_path / 'out' / 'documents.parquet'}\t6 rows" in printed
    assert f"{tmp_path / 'out' / 'problems.parquet'}\t3 rows" in printed
    assert str(tmp_path / "out" / "problems.csv") in printed


def test_exported_tables_read_back(texts, tmp_path):
    _export(texts, tmp_path / "out", tmp_path / "cache")
    problems = pd.read_csv(tmp_path / "out" / "problems.csv")
    assert problems[["doc_id", "reason"]].to_numpy().tolist() == [
        ["empty", "empty"],
        ["image", "binary"],
        ["whitespace", "empty"],
    ]
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert "001_47b9b9e10985b0ee" in set(documents.doc_id)
    assert "page" in set(documents.doc_id)


def test_two_exports_are_byte_identical(texts, tmp_path):
    _export(texts, tmp_path / "one", tmp_path / "cache")
    _export(texts, tmp_path / "two", tmp_path / "cache")  # the second comes from the cache
    _export(texts, tmp_path / "three", tmp_path / "cache", "--no-cache")
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
        assert path.read_bytes() == (tmp_path / "three" / path.name).read_bytes(), path.name


def test_missing_folder_exits_non_zero_with_a_message(tmp_path, capsys):
    assert _export(tmp_path / "nope", tmp_path / "out", tmp_path / "cache") == 2
    assert "error: no such folder or file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_out_may_not_be_the_input_folder(texts, tmp_path, capsys):
    assert _export(texts, texts, tmp_path / "cache") == 2
    assert "--out must not be the input folder" in capsys.readouterr().err


def test_data_dir_option_is_accepted(tmp_path):
    args = build_parser().parse_args(["export", "s", "--out", "o", "--data-dir", "d"])
    assert (args.command, args.data_dir, args.workers) == ("export", Path("d"), None)


def test_export_requires_out():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "seeds"])


def test_module_entry_point_runs(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "analysis", "export", str(tmp_path / "nope"), "--out", "x"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 2
    assert "no such folder or file" in completed.stderr


def test_report_subcommand_takes_the_report_options():
    args = build_parser().parse_args(["report", "--topic", "all", "--start", "2016-01-01"])
    assert (args.command, args.topic, args.start) == ("report", ["all"], "2016-01-01")


def test_export_writes_claimreview_jsonld_for_rated_claims(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["export", str(seeds), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    reviews = json.loads((tmp_path / "out" / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False"]
    assert reviews[0]["author"]["name"] == "Polygraph.info"
