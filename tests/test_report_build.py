"""The report build's rules, checked without starting a kernel."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from papermill.exceptions import PapermillExecutionError

from analysis.report import build, html, params
from analysis.report.params import slugify, validate_parameters

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = build.notebook_defaults(ROOT / "notebooks" / "topic_report.ipynb")


def test_notebook_declares_the_documented_parameters():
    assert DEFAULTS["topic"] == "all"
    assert (DEFAULTS["start"], DEFAULTS["end"]) == ("2015-01-01", "2017-12-31")
    assert "Russia" in DEFAULTS["sides"]
    assert DEFAULTS["seeds_dir"] == "seeds"


def test_an_unknown_parameter_name_is_rejected():
    with pytest.raises(ValueError, match=r"unknown notebook parameter\(s\) \['topik'\]"):
        build.plan_jobs(["all"], {"topik": "x"}, DEFAULTS)


def test_an_unknown_topic_is_rejected_with_the_valid_ones_listed():
    with pytest.raises(ValueError, match="unknown topic 'no-such-topic'; valid topics: all"):
        build.plan_jobs(["no-such-topic"], {}, DEFAULTS)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2016-13-01", "2017-01-01", "start must be a date written YYYY-MM-DD"),
        ("2017-01-01", "2016-01-01", r"start \(2017-01-01\) is after end"),
    ],
)
def test_bad_dates_are_rejected_clearly(start, end, message):
    with pytest.raises(ValueError, match=message):
        validate_parameters("all", start, end, ["US"], "seeds")


def test_an_unknown_side_is_rejected():
    with pytest.raises(ValueError, match="unknown side"):
        validate_parameters("all", "2015-01-01", "2015-02-01", ["Mars"], "seeds")


def test_seeds_dir_is_taken_from_the_project_root_not_the_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = validate_parameters("all", "2015-01-01", "2017-12-31", ["US"], "seeds")
    assert settings.seeds_dir == ROOT / "seeds"


def test_output_names_are_slugs_that_stay_inside_the_output_folder(tmp_path):
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Joint Strikes (May 2016)") == "joint-strikes-may-2016"
    with pytest.raises(ValueError, match="cannot make a file name"):
        slugify("../..")
    assert build.safe_output(tmp_path, "all.html") == tmp_path.resolve() / "all.html"
    with pytest.raises(ValueError, match="outside"):
        build.safe_output(tmp_path, "../escape.html")


def test_a_period_or_sides_other_than_the_defaults_get_their_own_file_name():
    custom = {**DEFAULTS, "start": "2016-01-01", "end": "2016-12-31"}
    assert build.output_slug(custom, DEFAULTS) == "all-2016-01-01-2016-12-31"
    assert build.output_slug({**DEFAULTS, "sides": ["US"]}, DEFAULTS) == "all-us"
    assert build.output_slug(DEFAULTS, DEFAULTS) == "all"


def test_a_failed_cell_is_described_by_number_source_and_error():
    error = PapermillExecutionError(
        cell_index=3,
        exec_count=2,
        source="settings = validate_parameters(topic)\nother()",
        ename="ValueError",
        evalue="unknown topic 'x'",
        traceback=[],
    )
    assert build.describe_failure(error) == (
        "cell 2 (settings = validate_parameters(topic)): ValueError: unknown topic 'x'"
    )


def _executed_notebook() -> nbformat.NotebookNode:
    notebook = new_notebook()
    parameters = new_code_cell('topic = "all"', metadata={"tags": ["parameters"]})
    injected = new_code_cell('topic = "secret-param"', metadata={"tags": ["injected-parameters"]})
    shown = new_code_cell("display(HTML(section))", execution_count=7)
    shown.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/html": "<p>Visible &lt;script&gt; text</p>"}
        )
    ]
    notebook.cells = [new_markdown_cell("## A heading"), parameters, injected, shown]
    notebook.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00"}
    return notebook


def test_html_hides_code_and_parameters_and_loads_nothing_from_outside():
    page = build.to_html(_executed_notebook(), "A <title>")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert html.CONTENT_SECURITY_POLICY in page
    assert "<title>A &lt;title&gt;</title>" in page
    assert "secret-param" not in page
    assert "display(HTML" not in page
    assert "<script" not in page
    for outside in ("require.js", "mathjax", "mermaid", "cdn", "http://", "https://"):
        assert outside not in page.lower()
    assert "Visible &lt;script&gt; text" in page


def test_html_does_not_depend_on_cell_ids_or_run_metadata():
    first, second = _executed_notebook(), _executed_notebook()
    second.cells[3]["id"] = "random-id"
    second.metadata["papermill"] = {"start_time": "2027-01-01T00:00:00"}
    assert build.to_html(first, "T") == build.to_html(second, "T")


def test_missing_pango_is_reported_in_one_line_naming_the_pdf_step(monkeypatch):
    def no_pango(name: str):
        raise OSError("cannot load library 'libpango-1.0-0'\nsecond line")

    monkeypatch.setattr(build, "import_module", no_pango)
    writer, message = build.load_pdf_writer()
    assert writer is None
    assert message.startswith("PDF step skipped: WeasyPrint cannot load Pango")
    assert "\n" not in message


def test_printing_without_harfbuzz_subsetter_says_how_to_print_faster(monkeypatch):
    ffi = pytest.importorskip("weasyprint.text.ffi")
    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    note = build.slow_font_subsetting()
    assert note is not None
    assert "libharfbuzz-subset0" in note
    assert "\n" not in note


def test_printing_with_harfbuzz_subsetter_needs_no_note(monkeypatch):
    ffi = pytest.importorskip("weasyprint.text.ffi")

    class HarfBuzz:  # a library new enough for WeasyPrint's subsetting
        @staticmethod
        def hb_version_atleast(*version: int) -> bool:
            return True

    monkeypatch.setattr(ffi, "harfbuzz_subset", object())
    monkeypatch.setattr(ffi, "harfbuzz", HarfBuzz())
    assert build.slow_font_subsetting() is None


def test_the_index_links_every_report_with_its_numbers(tmp_path):
    manifest = {}
    for slug, title in (("all", "Every <topic>"), ("joint-strikes", "Joint strikes")):
        (tmp_path / f"{slug}.html").write_text("x", encoding="utf-8")
        manifest[slug] = {
            "slug": slug,
            "topic": slug,
            "title": title,
            "html": f"{slug}.html",
            "pdf": f"{slug}.pdf",
            "parameters": DEFAULTS,
            "numbers": {"documents": 3, "claims": 12, "disputes": 2, "failed_documents": 1},
        }
    build.write_index(tmp_path, manifest)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="all.html">Every &lt;topic&gt;</a>' in page
    assert '<a href="joint-strikes.html">Joint strikes</a>' in page
    assert '<a href="joint-strikes.pdf">PDF</a>' in page
    assert '<td class="number">12</td>' in page
    assert page.index("all.html") < page.index("joint-strikes.html")


def test_a_manifest_entry_is_current_only_with_the_same_key_and_files(tmp_path):
    job = build.Job(topic="all", slug="all", parameters=dict(DEFAULTS))
    manifest = {"all": {"key": "k1"}}
    assert not build.up_to_date(job, "k1", manifest, tmp_path, pdf=False)
    for name in ("all.html", "all.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert build.up_to_date(job, "k1", manifest, tmp_path, pdf=False)
    assert not build.up_to_date(job, "k2", manifest, tmp_path, pdf=False)
    assert not build.up_to_date(job, "k1", manifest, tmp_path, pdf=True)
    assert json.loads(json.dumps(manifest)) == manifest


def test_every_report_of_a_process_is_converted_by_one_exporter_with_identical_results():
    first = build.to_html(_executed_notebook(), "T")
    exporter = build.html_exporter()
    assert build.to_html(_executed_notebook(), "T") == first
    assert build.html_exporter() is exporter
    assert "<h2" in first  # the markdown cell still becomes a heading without the soup pass
    assert 'alt="' not in first  # no image in this notebook, and none added


def test_data_files_are_parsed_once_and_again_after_an_edit(tmp_path):
    topics = tmp_path / "topics.toml"
    topics.write_text('[[topic]]\nname = "user-topic-one"\ntitle = "One"\n', encoding="utf-8")
    first = params.report_knowledge(tmp_path)
    assert params.report_knowledge(tmp_path) is first
    assert "user-topic-one" in params.valid_topic_names(first)
    topics.write_text('[[topic]]\nname = "user-topic-two"\ntitle = "Two"\n', encoding="utf-8")
    edited = params.report_knowledge(tmp_path)
    assert "user-topic-two" in params.valid_topic_names(edited)
    assert "user-topic-one" not in params.valid_topic_names(edited)


def test_the_texts_are_parsed_in_a_forked_process_and_its_failure_is_raised_by_the_build(
    tmp_path, monkeypatch
):
    import analysis.corpus

    def broken(*args, **kwargs):
        raise ValueError("unreadable texts")

    monkeypatch.setattr(analysis.corpus, "load_corpus", broken)
    jobs = build.plan_jobs(["all"], {}, DEFAULTS)
    parsing = build.start_corpus_preparation(jobs, tmp_path)
    if parsing is not None:  # None where this process may not fork
        parsing.join()
        assert parsing.exitcode == 1
    with pytest.raises(ValueError, match="unreadable texts"):
        build.prepare_corpus_cache(jobs, tmp_path)


def test_no_process_is_forked_when_every_corpus_cache_file_exists(tmp_path):
    jobs = build.plan_jobs(["all"], {}, DEFAULTS)
    cache = build.corpus_cache_file(jobs[0], tmp_path)
    cache.write_bytes(b"")
    assert build.start_corpus_preparation(jobs, tmp_path) is None
