"""The data files: parsed tables kept on disk, keyed by the files' text."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import knowledge
from analysis.knowledge import load_knowledge


def test_parsed_data_files_are_read_back_instead_of_parsed_again(tmp_path, monkeypatch):
    first = load_knowledge(parsed_cache=tmp_path)
    assert len(list(tmp_path.glob("*.pkl"))) == len(knowledge.DATA_FILES)

    def no_parsing(text: str) -> dict:
        raise AssertionError("parsed again")

    monkeypatch.setattr(knowledge.tomllib, "loads", no_parsing)
    assert load_knowledge(parsed_cache=tmp_path) == first


def test_an_unreadable_parsed_file_is_parsed_again(tmp_path):
    fresh = load_knowledge()
    load_knowledge(parsed_cache=tmp_path)
    for path in tmp_path.glob("*.pkl"):
        path.write_bytes(b"\x80not a pickle")
    assert load_knowledge(parsed_cache=tmp_path) == fresh


def test_an_edited_user_file_is_parsed_afresh(tmp_path):
    user, cache = tmp_path / "data", tmp_path / "cache"
    user.mkdir()
    entry = '[[outlet]]\nname = "Example Gazette"\naliases = []\ntype = "{kind}"\n'
    (user / "outlets.toml").write_text(entry.format(kind="private"), encoding="utf-8")
    before = load_knowledge(user, parsed_cache=cache)
    (user / "outlets.toml").write_text(entry.format(kind="blog"), encoding="utf-8")
    after = load_knowledge(user, parsed_cache=cache)
    kinds = [
        {o["name"]: o.get("type") for o in kb.outlets["outlet"]}["Example Gazette"]
        for kb in (before, after)
    ]
    assert kinds == ["private", "blog"]
    assert before.fingerprint != after.fingerprint


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert load_knowledge(parsed_cache=blocked / "data") == load_knowledge()


@pytest.mark.parametrize("name", knowledge.DATA_FILES)
def test_every_shipped_data_file_parses(name):
    text = (Path(knowledge.__file__).parent / "data" / f"{name}.toml").read_text(encoding="utf-8")
    assert knowledge.parse_toml(text)
