"""Notebooks: committed clean, and executed end to end on a small fixture corpus (slow ones are
marked ``notebooks``)."""

from __future__ import annotations

import ast
import html as stdlib_html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis import load_corpus
from analysis.report import build
from analysis.report.inputs import ROOT_ENV, resolve_in_project
from analysis.report.params import load_knowledge, slugify, valid_topic_names
from analysis.report.wording import plural

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIXTURE = "tests/fixtures/report_corpus"
HOSTILE_ID = "report_hostile_wire"


def _code_cells(path: Path) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(path, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


# --- sanity (fast) ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    for cell in _code_cells(path):
        assert cell.outputs == []
        assert cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_holds_typed_commented_literal_parameters(path):
    first, second = _code_cells(path)[:2]
    assert first.metadata.get("tags") == ["parameters"]
    for line in first.source.splitlines():
        assignment, _, comment = line.partition("  # ")
        assert comment.strip(), f"parameter without a comment: {line}"
        statement = ast.parse(assignment).body[0]
        assert isinstance(statement, ast.AnnAssign)  # a type hint
        ast.literal_eval(statement.value)  # a literal
    declared = papermill.inspect_notebook(str(path))
    assert {"topic", "start", "end", "sides", "seeds_dir"} <= set(declared)
    assert all(spec["help"] for spec in declared.values())
    assert "validate_parameters(" in second.source


def test_there_is_a_notebook_for_reports_and_one_for_exploring():
    assert [p.name for p in NOTEBOOKS] == ["explore.ipynb", "topic_report.ipynb"]


# --- executed (slow) ----------------------------------------------------------------------------
# The builds run ``python -m analysis.report`` in a snapshot of the project, so what is measured
# (incremental, deterministic) cannot be disturbed by edits to the working tree meanwhile.


def _topics() -> list[str]:
    """``all`` plus one real topic when the data file has any (two reports use both workers)."""
    return valid_topic_names(load_knowledge())[:2]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    snapshot = tmp_path_factory.mktemp("project")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "analysis", snapshot / "analysis", ignore=ignore)
    shutil.copytree(ROOT / "notebooks", snapshot / "notebooks", ignore=ignore)
    shutil.copytree(ROOT / FIXTURE, snapshot / FIXTURE)
    shutil.copy2(ROOT / "pyproject.toml", snapshot / "pyproject.toml")
    return snapshot


def run_build(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``python -m analysis.report`` on the fixture corpus, inside the snapshot."""
    environment = {**os.environ, "PYTHONPATH": str(project), ROOT_ENV: str(project)}
    return subprocess.run(
        [sys.executable, "-m", "analysis.report", "--seeds", FIXTURE, *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _states(completed: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """``{slug: "built" | "up to date" | "failed"}`` from the build's output lines."""
    states = {}
    for line in completed.stdout.splitlines():
        state, slug = re.match(r"\s*(built|up to date|failed)\s+(\S+)", line).groups()
        states[slug] = state
    return states


@pytest.fixture(scope="module")
def built(project) -> Path:
    topic_args = [argument for topic in _topics() for argument in ("--topic", topic)]
    completed = run_build(project, *topic_args)
    assert completed.returncode == 0, completed.stderr
    assert set(_states(completed).values()) == {"built"}
    return project / "reports"


@pytest.fixture(scope="module")
def fixture_corpus():
    return load_corpus(resolve_in_project(FIXTURE))


@pytest.mark.notebooks
def test_report_shows_title_recorded_numbers_quotes_and_a_chart(built, fixture_corpus):
    page = (built / "all.html").read_text(encoding="utf-8")
    numbers = json.loads((built / "all.json").read_text(encoding="utf-8"))["numbers"]
    # A heading's text may hold character references (nbconvert writes "–" as "&#8211;" there).
    heading = re.search(r"<h1[^>]*>([^<]*)<", page)
    assert heading is not None
    assert (
        stdlib_html.unescape(heading[1]) == "US–Russia military coordination in Syria: every topic"
    )
    assert "<title>US–Russia military coordination in Syria: every topic</title>" in page
    assert numbers["claims"] > 0
    assert numbers["failed_documents"] == 1  # the empty fixture file
    for phrase in (
        f"made {plural(numbers['claims'], 'claim')}",
        plural(numbers["documents"], "original document"),
        plural(numbers["disputes"], "dispute"),
        plural(numbers["failed_documents"], "file"),
    ):
        assert phrase in page
    known = fixture_corpus.claims[fixture_corpus.claims["doc_id"] == "001_47b9b9e10985b0ee"]
    quote = known["text"].iloc[0]
    assert stdlib_html.escape(quote, quote=False) in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert "report_broken_empty.txt" in page


@pytest.mark.notebooks
def test_hostile_page_text_is_shown_as_text_never_as_markup(built, fixture_corpus):
    page = (built / "all.html").read_text(encoding="utf-8")
    hostile = fixture_corpus.claims[fixture_corpus.claims["doc_id"] == HOSTILE_ID]
    assert hostile["text"].str.contains("<script>alert(1)</script>", regex=False).any()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"<script", page, re.IGNORECASE)
    assert not re.search(r"<img[^>]*onerror", page, re.IGNORECASE)
    assert 'http-equiv="Content-Security-Policy"' in page


@pytest.mark.notebooks
def test_every_report_has_a_pdf_and_the_index_links_them(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    slugs = [slugify(topic) for topic in _topics()]
    for slug in slugs:
        assert (built / f"{slug}.pdf").read_bytes().startswith(b"%PDF")
        assert f'href="{slug}.html"' in index
        assert f'href="{slug}.pdf"' in index


@pytest.mark.notebooks
def test_second_build_with_nothing_changed_executes_nothing(project, built):
    before = {p.name: p.read_bytes() for p in built.glob("*.html")}
    topic_args = [argument for topic in _topics() for argument in ("--topic", topic)]
    completed = run_build(project, *topic_args)
    assert completed.returncode == 0, completed.stderr
    assert set(_states(completed).values()) == {"up to date"}
    assert {p.name: p.read_bytes() for p in built.glob("*.html")} == before


@pytest.mark.notebooks
def test_two_builds_from_the_same_inputs_are_byte_identical(project, built):
    completed = run_build(project, "--topic", "all", "--out", "reports-again", "--no-pdf")
    assert _states(completed) == {"all": "built"}, completed.stderr
    assert (project / "reports-again" / "all.html").read_bytes() == (
        built / "all.html"
    ).read_bytes()


@pytest.mark.notebooks
def test_a_report_run_after_another_in_the_same_kernel_is_byte_identical(project, built):
    first, second = _topics()[1], _topics()[0]  # one worker: the second reuses the kernel
    completed = run_build(
        project, "--topic", first, "--topic", second, "--jobs", "1", "--out", "reports-one-kernel",
        "--no-pdf",
    )  # fmt: skip
    assert set(_states(completed).values()) == {"built"}, completed.stderr
    slug = slugify(second)
    assert (project / "reports-one-kernel" / f"{slug}.html").read_bytes() == (
        built / f"{slug}.html"
    ).read_bytes()


@pytest.mark.notebooks
def test_a_failing_report_keeps_the_previous_one_and_names_cell_and_error(project, built):
    target = project / "reports-broken"
    shutil.copytree(built, target)
    previous = (target / "all.html").read_bytes()
    for cache in (target / build.CACHE_DIR).glob("corpus-*.pickle"):
        cache.write_bytes(b"not a pickle")  # the kernel fails on its first real cell
    completed = run_build(project, "--topic", "all", "--out", "reports-broken", "--force")
    assert completed.returncode == 1
    assert _states(completed) == {"all": "failed"}
    assert re.search(r"report 'all' failed: cell \d+ \(.+\): UnpicklingError", completed.stderr)
    assert (target / "all.html").read_bytes() == previous
    assert not list(target.glob(".*.part"))


@pytest.mark.notebooks
def test_explore_notebook_runs_with_its_defaults_on_the_fixture_corpus(tmp_path):
    notebook = ROOT / "notebooks" / "explore.ipynb"
    with build.kernel_environment(ROOT, tmp_path / "cache"):
        executed = papermill.execute_notebook(
            str(notebook),
            str(tmp_path / "explore.ipynb"),
            parameters={"seeds_dir": FIXTURE},
            kernel_name=build.KERNEL,
            progress_bar=False,
            cwd=str(notebook.parent),
        )
    shown = "".join(
        str(output.get("data", {}).get("text/markdown", ""))
        for cell in executed.cells
        for output in cell.get("outputs", [])
    )
    assert "rows in `claims`" in shown
    assert "`body[start:end] == text` is **True**" in shown
