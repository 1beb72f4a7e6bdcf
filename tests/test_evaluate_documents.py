"""The documents scorer: what counts as a right outlet, title, author and date."""

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from analysis.evaluate.documents import score


def _corpus(**fields: object) -> SimpleNamespace:
    row = {
        "doc_id": "page",
        "outlet": "Associated Press",
        "kind": "article",
        "title": "US, Russia \u2018won\u2019t\u2019 team up",
        "author": "Jane ROE",
        "published": pd.Timestamp("2016-10-07"),
        "published_precision": "day",
        "verdict": None,
        "language": "en",
    }
    row.update(fields)
    return SimpleNamespace(documents=pd.DataFrame([row]))


def _gold(tmp_path: Path, **fields: object) -> Path:
    row = {
        "doc_id": "page",
        "outlet": "AP",
        "outlet_aliases": ["Associated Press"],
        "kind": "article",
        "title": "US, Russia 'won't' team up",
        "author": "Jane Roe",
        "published": "2016-10-07",
        "precision": "day",
        "verdict": None,
        "language": "en",
    }
    row.update(fields)
    path = tmp_path / "documents.json"
    path.write_text(json.dumps({"documents": [row]}), encoding="utf-8")
    return path


def test_an_alias_quotes_case_and_spacing_do_not_make_a_field_wrong(tmp_path: Path) -> None:
    result = score(_corpus(), _gold(tmp_path))
    assert result["accuracy"] == dict.fromkeys(result["accuracy"], 1.0)
    assert result["errors"] == []


def test_a_missing_value_is_right_only_where_the_page_gives_none(tmp_path: Path) -> None:
    result = score(_corpus(author=None, verdict="False"), _gold(tmp_path))
    wrong = {(e["field"], e["expected"], e["got"]) for e in result["errors"]}
    assert wrong == {("author", "Jane Roe", None), ("verdict", None, "False")}


def test_a_date_must_match_in_day_and_precision(tmp_path: Path) -> None:
    result = score(_corpus(published_precision="month"), _gold(tmp_path))
    assert result["accuracy"]["published"] == 0.0


def test_a_page_that_did_not_load_is_wrong_on_every_field_it_names(tmp_path: Path) -> None:
    gold = tmp_path / "documents.json"
    gold.write_text(json.dumps({"documents": [{"doc_id": "gone", "language": "de"}]}))
    result = score(_corpus(), gold)
    assert result["scored"]["language"] == 1
    assert result["accuracy"] == {"language": 0.0}
    assert result["errors"][0]["document_loaded"] is False


def test_a_publisher_the_outlets_file_does_not_know_is_expected_as_null(tmp_path: Path) -> None:
    gold = _gold(tmp_path, outlet="The Northern Ledger", outlet_aliases=[])
    assert score(_corpus(outlet=None), gold)["accuracy"]["outlet"] == 1.0
    result = score(_corpus(), gold)
    assert result["accuracy"]["outlet"] == 0.0
    assert result["outlets_unknown_to_data"] == ["The Northern Ledger"]


def test_any_name_of_the_loaded_outlets_entry_matches_the_gold(tmp_path: Path) -> None:
    gold = _gold(tmp_path, outlet="Russia Today", outlet_aliases=[])
    assert score(_corpus(outlet="RT"), gold)["accuracy"]["outlet"] == 1.0


def test_a_non_english_page_annotated_for_language_only_is_scored_on_it(tmp_path: Path) -> None:
    gold = _gold(tmp_path, annotated="language only", language="ru", title=None)
    result = score(_corpus(language="ru"), gold)
    assert result["accuracy"] == {"language": 1.0}
