"""The corpus loader: discovery, doc ids, problems, sidecars, parallelism and the cache."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus as corpus_module
from analysis.corpus import (
    TABLES,
    Corpus,
    assign_doc_ids,
    discover,
    load_corpus,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
ENCODED = sorted((FIXTURES / "corpus").glob("enc_*.txt"))
BAD = sorted((FIXTURES / "bad").iterdir())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder mixing the seeds, the encoded fixtures and the bad files."""
    root = tmp_path / "texts"
    root.mkdir()
    for path in [*SEEDS.glob("*.txt"), *ENCODED, *BAD]:
        shutil.copy(path, root / path.name)
    return root


def _load(source, tmp_path: Path, **kwargs) -> Corpus:
    return load_corpus(source, cache_dir=tmp_path / "cache", **kwargs)


def _assert_same(left: Corpus, right: Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name))


# --- every input in exactly one table -------------------------------------------------------


def test_every_file_is_in_exactly_one_of_documents_or_problems(folder, tmp_path):
    corpus = _load(folder, tmp_path)
    documents, problems = list(corpus.documents.doc_id), list(corpus.problems.doc_id)
    assert sorted(documents + problems) == sorted(p.stem for p in folder.iterdir())
    assert len(set(documents + problems)) == len(documents) + len(problems)


def test_bad_files_become_problems_with_reasons(folder, tmp_path):
    problems = _load(folder, tmp_path).problems.set_index("doc_id")
    assert problems.loc["empty", "reason"] == "empty"
    assert problems.loc["whitespace", "reason"] == "empty"
    assert problems.loc["image", "reason"] == "binary"
    assert "PNG" in problems.loc["image", "detail"]
    assert problems.loc["image", "path"] == str(folder / "image.txt")


def test_other_encodings_and_html_become_documents(folder, tmp_path):
    documents = _load(folder, tmp_path).documents.set_index("doc_id")
    assert documents.loc["enc_cp1252_wire", "encoding"] == "cp1252"
    assert documents.loc["enc_utf16_transcript", "encoding"] == "utf-16"
    assert documents.loc["enc_russian_tass", "encoding"] == "utf-8"
    assert "Außenministerium" in documents.loc["enc_latin1_german", "body"]
    assert "alert(" not in documents.loc["page", "body"]
    assert "The Kremlin said on Monday" in documents.loc["page", "body"]


def test_too_large_file_is_a_problem_and_the_load_goes_on(tmp_path):
    root = tmp_path / "texts"
    root.mkdir()
    shutil.copy(SEEDS / "001_47b9b9e10985b0ee.txt", root / "story.txt")
    (root / "dump.txt").write_text("Russia and the US. " * 200_000)  # ~3.8 MB
    corpus = _load(root, tmp_path)
    assert list(corpus.documents.doc_id) == ["story"]
    assert corpus.problems[["doc_id", "reason"]].to_numpy().tolist() == [["dump", "too_large"]]


def test_missing_path_in_a_list_is_an_unreadable_problem(tmp_path):
    corpus = _load([SEEDS / "001_47b9b9e10985b0ee.txt", tmp_path / "gone.txt"], tmp_path)
    assert list(corpus.documents.doc_id) == ["001_47b9b9e10985b0ee"]
    assert corpus.problems[["doc_id", "reason"]].to_numpy().tolist() == [["gone", "unreadable"]]


def test_named_pipe_in_a_list_is_unreadable_and_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus = _load([fifo], tmp_path)
    assert corpus.problems[["doc_id", "reason"]].to_numpy().tolist() == [["pipe", "unreadable"]]
    assert "not a regular file" in corpus.problems.detail.iloc[0]


def test_missing_folder_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        load_corpus(tmp_path / "nope", cache=False)


# --- discovery and doc ids ------------------------------------------------------------------


def test_discover_skips_hidden_files_and_sidecars(tmp_path):
    for name in ("b.txt", "a.txt", ".DS_Store", "a.meta.toml"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.txt"]


def test_links_that_lead_nowhere_are_unreadable_problems_and_hide_no_other_file(tmp_path):
    page = "The Pentagon said on Friday it was not coordinating strikes with Russia.\n"
    for name in ("a.txt", "m.txt", "z.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to("loop.txt")  # testing it raises "too many levels of links"
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")  # a link to a file is an input
    (tmp_path / "sub").mkdir()
    (tmp_path / "to-sub").symlink_to(tmp_path / "sub")  # links to folders are not followed
    corpus = load_corpus(tmp_path, cache=False)
    assert sorted(corpus.documents["doc_id"]) == ["a", "alias", "m", "z"]
    reasons = dict(zip(corpus.problems["doc_id"], corpus.problems["reason"], strict=True))
    assert reasons == {"gone": "unreadable", "loop": "unreadable"}


def test_same_stem_in_one_folder_is_disambiguated_by_file_name(tmp_path):
    (tmp_path / "a.txt").write_text("Moscow proposed joint strikes on Friday.")
    (tmp_path / "a.md").write_text("Washington declined the offer on Friday.")
    (tmp_path / "b.txt").write_text("Nothing was agreed.")
    corpus = _load(tmp_path, tmp_path / "c")
    assert list(corpus.documents.doc_id) == ["a.md", "a.txt", "b"]


def test_same_name_in_two_folders_gets_a_path_hash(tmp_path):
    paths = []
    for folder in ("reuters", "tass"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "story.txt"
        path.write_text(f"A {folder} story about Syria.")
        paths.append(path)
    ids = assign_doc_ids(paths)
    assert len(set(ids)) == 2
    assert all(doc_id.startswith("story.txt~") and len(doc_id) == 18 for doc_id in ids)
    assert assign_doc_ids(paths) == ids  # deterministic
    corpus = _load(paths, tmp_path)
    assert sorted(corpus.documents.doc_id) == sorted(ids)


def test_unique_stems_keep_the_stem_as_doc_id():
    assert assign_doc_ids([Path("x/a.txt"), Path("y/b.txt")]) == ["a", "b"]


# --- sidecars -------------------------------------------------------------------------------


def test_sidecar_overrides_published_and_outlet(tmp_path):
    root = tmp_path / "texts"
    root.mkdir()
    shutil.copy(SEEDS / "003_522cef186d245491.txt", root / "story.txt")
    (root / "story.meta.toml").write_text('published = 2015-10-08\noutlet = "Sputnik"\n')
    document = _load(root, tmp_path).documents.iloc[0]
    assert document["outlet"] == "Sputnik"
    assert document["published"] == pd.Timestamp(date(2015, 10, 8))
    assert document["published_precision"] == "day"
    assert document["published_basis"] == "sidecar"


def test_bad_sidecar_makes_the_file_a_bad_sidecar_problem(tmp_path):
    root = tmp_path / "texts"
    root.mkdir()
    shutil.copy(SEEDS / "003_522cef186d245491.txt", root / "story.txt")
    shutil.copy(SEEDS / "001_47b9b9e10985b0ee.txt", root / "other.txt")
    (root / "story.meta.toml").write_text("published = [not toml")
    corpus = _load(root, tmp_path)
    assert list(corpus.documents.doc_id) == ["other"]
    assert corpus.problems[["doc_id", "reason"]].to_numpy().tolist() == [["story", "bad_sidecar"]]


# --- parallel load --------------------------------------------------------------------------


def test_parallel_load_equals_sequential_load(folder, tmp_path, monkeypatch):
    sequential = load_corpus(folder, cache=False, workers=1)
    monkeypatch.setattr(corpus_module, "SEQUENTIAL_MAX", 0)
    parallel = load_corpus(folder, cache=False, workers=2)
    _assert_same(sequential, parallel)


def test_worker_code_runs_under_spawn(tmp_path, monkeypatch):
    """Spawned workers import the package afresh: the ids, order and reasons must match."""
    root = tmp_path / "texts"
    root.mkdir()
    for path in [SEEDS / "001_47b9b9e10985b0ee.txt", SEEDS / "003_522cef186d245491.txt", *BAD]:
        shutil.copy(path, root / path.name)
    monkeypatch.setattr(corpus_module, "SEQUENTIAL_MAX", 0)
    monkeypatch.setattr(
        corpus_module, "_pool_context", lambda: multiprocessing.get_context("spawn")
    )
    spawned = load_corpus(root, cache=False, workers=2)
    assert list(spawned.documents.doc_id) == [
        "001_47b9b9e10985b0ee",
        "003_522cef186d245491",
        "page",
    ]
    assert spawned.problems[["doc_id", "reason"]].to_numpy().tolist() == [
        ["empty", "empty"],
        ["image", "binary"],
        ["whitespace", "empty"],
    ]


def _syndicated_folder(tmp_path: Path) -> Path:
    """Two seeds and a syndicated copy of the first one under a new header and footer."""
    root = tmp_path / "syndicated"
    root.mkdir()
    original = SEEDS / "001_47b9b9e10985b0ee.txt"
    shutil.copy(original, root / "a_original.txt")
    shutil.copy(SEEDS / "003_522cef186d245491.txt", root / "b_other.txt")
    copy = original.read_text(encoding="utf-8")
    (root / "c_copy.txt").write_text(
        "Republished with permission\n\n" + copy + "\n\nShare this article\n", encoding="utf-8"
    )
    return root


def test_duplicates_found_from_the_workers_body_prints(tmp_path, monkeypatch):
    root = _syndicated_folder(tmp_path)
    monkeypatch.setattr(corpus_module, "SEQUENTIAL_MAX", 0)
    parallel = load_corpus(root, cache=False, workers=2, extract=False)
    duplicates = dict(zip(parallel.documents.doc_id, parallel.documents.duplicate_of, strict=True))
    assert duplicates["c_copy"] == "a_original"
    assert pd.isna(duplicates["b_other"])


def test_a_missing_body_print_falls_back_to_the_bodies(tmp_path, monkeypatch):
    root = _syndicated_folder(tmp_path)
    expected = load_corpus(root, cache=False, workers=1, extract=False)

    def broken(body):
        raise ValueError("no print")

    monkeypatch.setattr(corpus_module, "body_print", broken)
    fallback = load_corpus(root, cache=False, workers=1, extract=False)
    _assert_same(expected, fallback)
    assert fallback.documents.duplicate_of.notna().sum() == 1


def test_small_inputs_do_not_start_a_pool(monkeypatch, tmp_path):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for five files")

    monkeypatch.setattr(corpus_module, "ProcessPoolExecutor", no_pool)
    assert len(load_corpus(SEEDS, cache=False, workers=2).documents) == 5


# --- cache ----------------------------------------------------------------------------------


def _count_processing(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = corpus_module.process_path

    def counting(path, *args, **kwargs):
        calls.append(Path(path).name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "process_path", counting)
    return calls


def test_warm_load_equals_cold_load_and_processes_nothing(folder, tmp_path, monkeypatch):
    cold = _load(folder, tmp_path)
    calls = _count_processing(monkeypatch)
    warm = _load(folder, tmp_path)
    assert calls == []
    _assert_same(cold, warm)
    _assert_same(cold, load_corpus(folder, cache=False))


def test_changed_file_is_reprocessed_alone(folder, tmp_path, monkeypatch):
    before = _load(folder, tmp_path).documents.set_index("doc_id")
    target = folder / "enc_russian_tass.txt"
    target.write_text(target.read_text().replace("9 сентября", "10 сентября"))
    calls = _count_processing(monkeypatch)
    changed = _load(folder, tmp_path)
    assert calls == ["enc_russian_tass.txt"]
    after = changed.documents.set_index("doc_id")
    assert after.loc["enc_russian_tass", "sha256"] != before.loc["enc_russian_tass", "sha256"]
    assert after.loc["enc_cp1252_wire", "sha256"] == before.loc["enc_cp1252_wire", "sha256"]
    _assert_same(changed, load_corpus(folder, cache=False))


def test_changed_sidecar_invalidates_its_document(tmp_path, monkeypatch):
    root = tmp_path / "texts"
    root.mkdir()
    shutil.copy(SEEDS / "003_522cef186d245491.txt", root / "story.txt")
    (root / "story.meta.toml").write_text('outlet = "Sputnik"\n')
    assert _load(root, tmp_path).documents.outlet.tolist() == ["Sputnik"]
    (root / "story.meta.toml").write_text('outlet = "RIA Novosti"\n')
    assert _load(root, tmp_path).documents.outlet.tolist() == ["RIA Novosti"]


def test_code_fingerprint_change_invalidates(folder, tmp_path, monkeypatch):
    _load(folder, tmp_path)
    corpus_module._sources_fingerprint.cache_clear()
    monkeypatch.setattr(corpus_module, "_sources_fingerprint", lambda: "other code")
    calls = _count_processing(monkeypatch)
    _load(folder, tmp_path)
    assert sorted(calls) == sorted(p.name for p in folder.iterdir())


def test_data_file_change_invalidates(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _load(SEEDS, tmp_path, data_dir=data_dir)
    (data_dir / "outlets.toml").write_text('[[outlet]]\nname = "Example Daily"\n')
    calls = _count_processing(monkeypatch)
    _load(SEEDS, tmp_path, data_dir=data_dir)
    assert len(calls) == 5


def test_corrupt_cache_is_ignored_and_rebuilt(folder, tmp_path):
    cold = _load(folder, tmp_path)
    cache_files = sorted((tmp_path / "cache").glob("*.pkl"))
    assert len(cache_files) == 2
    for path in cache_files:
        path.write_bytes(b"\x80\x05 not a pickle")
    _assert_same(cold, _load(folder, tmp_path))
    _assert_same(cold, _load(folder, tmp_path))  # rebuilt and readable again


def test_truncated_cache_is_ignored(folder, tmp_path):
    cold = _load(folder, tmp_path)
    for path in (tmp_path / "cache").glob("*.pkl"):
        path.write_bytes(path.read_bytes()[:100])
    _assert_same(cold, _load(folder, tmp_path))


def test_cache_false_writes_nothing(tmp_path):
    load_corpus(SEEDS, cache=False, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_cache_dir_defaults_to_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("COORDINATION_CLAIMS_CACHE", str(tmp_path / "env-cache"))
    load_corpus(SEEDS)
    assert len(list((tmp_path / "env-cache").glob("corpus-*.pkl"))) == 2
    assert not list(SEEDS.glob("*.pkl"))


def test_unwritable_cache_dir_does_not_stop_the_load(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    corpus = load_corpus(SEEDS, cache_dir=blocker / "cache")
    assert len(corpus.documents) == 5


# --- documents-only mode --------------------------------------------------------------------

DOCUMENT_TABLES = ("documents", "comments", "links", "problems")
EXTRACTION_TABLES = ("quotes", "claims", "events")


def test_documents_only_gives_the_full_loads_document_tables(folder):
    full = load_corpus(folder, cache=False)
    documents_only = load_corpus(folder, cache=False, extract=False)
    for name in DOCUMENT_TABLES:
        pd.testing.assert_frame_equal(getattr(documents_only, name), getattr(full, name))
    assert len(full.quotes) > 0  # the seeds have quotes: the full load did extract


def test_documents_only_leaves_extraction_tables_empty_and_schema_valid(folder):
    from analysis.tables import validate

    corpus = load_corpus(folder, cache=False, extract=False)
    full = load_corpus(SEEDS, cache=False)
    for name in EXTRACTION_TABLES:
        frame = getattr(corpus, name)
        assert frame.empty
        assert list(frame.columns) == list(getattr(full, name).columns)
        validate(name, frame)


def test_documents_only_in_parallel_equals_sequential(folder, monkeypatch):
    sequential = load_corpus(folder, cache=False, workers=1, extract=False)
    monkeypatch.setattr(corpus_module, "SEQUENTIAL_MAX", 0)
    parallel = load_corpus(folder, cache=False, workers=2, extract=False)
    _assert_same(sequential, parallel)
    assert parallel.quotes.empty


def test_cache_entries_of_the_two_modes_do_not_collide(folder, tmp_path, monkeypatch):
    full = _load(folder, tmp_path)
    documents_only = _load(folder, tmp_path, extract=False)  # cold: the full entry is not reused
    assert documents_only.quotes.empty
    assert len(full.quotes) > 0
    calls = _count_processing(monkeypatch)
    _assert_same(_load(folder, tmp_path), full)  # both stay warm, neither evicts the other
    _assert_same(_load(folder, tmp_path, extract=False), documents_only)
    assert calls == []


def test_documents_only_results_are_not_served_to_a_full_load(folder, tmp_path, monkeypatch):
    _load(folder, tmp_path, extract=False)
    calls = _count_processing(monkeypatch)
    full = _load(folder, tmp_path)
    assert sorted(calls) == sorted(p.name for p in folder.iterdir())
    assert len(full.quotes) > 0


def test_code_fingerprint_depends_on_the_mode():
    kb = corpus_module.knowledge_for()
    assert corpus_module.code_fingerprint(kb, extract=False) != corpus_module.code_fingerprint(kb)


def test_files_in_subfolders_are_inputs_and_hidden_folders_are_not(tmp_path):
    page = "The Pentagon said on Friday it was not coordinating strikes with Russia.\n"
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "reuters").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "top.txt").write_text(page, encoding="utf-8")
    (tmp_path / "wires" / "reuters" / "deep.txt").write_text(page, encoding="utf-8")
    (tmp_path / ".git" / "hidden.txt").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path, cache=False)
    assert sorted(corpus.documents["doc_id"]) == ["deep", "top"]
    assert corpus.problems.empty


def test_a_page_no_stage_can_finish_becomes_a_too_slow_problem_and_the_rest_loads(
    tmp_path, monkeypatch
):
    from analysis import clean as clean_module
    from analysis import pipeline

    (tmp_path / "fine.txt").write_text(
        "Pentagon rules out joint strikes\n\nThe Pentagon ruled out joint strikes on Friday.\n"
    )
    (tmp_path / "endless.txt").write_text("Endless page\n\nThis page never finishes, see below.\n")
    real_clean = clean_module.clean_page

    def clean_or_spin(text, kb):
        while "never finishes" in text:  # a stand-in for a pattern that backtracks for ever
            pass
        return real_clean(text, kb)

    monkeypatch.setattr(clean_module, "clean_page", clean_or_spin)
    monkeypatch.setattr(pipeline, "MAX_SECONDS", 0.5)
    loaded = load_corpus(tmp_path, cache=False, workers=1)
    assert list(loaded.documents.doc_id) == ["fine"]
    problem = loaded.problems.set_index("doc_id").loc["endless"]
    assert problem.reason == "too_slow"
    assert "0.5 s" in problem.detail


def test_the_time_limit_counts_cpu_time_so_a_busy_machine_turns_no_page_into_a_problem(
    tmp_path, monkeypatch
):
    import time

    from analysis import clean as clean_module
    from analysis import pipeline

    (tmp_path / "slow.txt").write_text("A slow machine\n\nThe Pentagon ruled out joint strikes.\n")
    real_clean = clean_module.clean_page

    def clean_after_a_wait(text, kb):
        time.sleep(0.8)  # wall time passes, as when other work holds the cores; no CPU is used
        return real_clean(text, kb)

    monkeypatch.setattr(clean_module, "clean_page", clean_after_a_wait)
    monkeypatch.setattr(pipeline, "MAX_SECONDS", 0.5)
    loaded = load_corpus(tmp_path, cache=False, workers=1)
    assert list(loaded.documents.doc_id) == ["slow"]
    assert loaded.problems.empty
