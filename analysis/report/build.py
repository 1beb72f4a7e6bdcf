"""Build topic reports: papermill runs ``notebooks/topic_report.ipynb`` once per topic (two at a
time), nbconvert turns each into a self-contained HTML page, WeasyPrint prints that page to PDF, and
``reports/index.html`` links them all with their headline numbers.

Properties: incremental (a manifest of input digests; nothing changed → nothing executed),
deterministic (same inputs → byte-identical HTML), all-or-nothing per report (a failed run never
replaces the previous report) and safe (topic names are slugs; every path is checked to stay
inside the output folder).
"""

from __future__ import annotations

import copy
import functools
import gc
import hashlib
import json
import os
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from importlib.resources import files
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from analysis.report import html
from analysis.report.inputs import (
    CACHE_ENV,
    HEADLINE_MIMETYPE,
    ROOT_ENV,
    corpus_cache_path,
    folder_fingerprint,
    package_fingerprint,
    project_root,
    resolve_in_project,
    write_corpus_cache,
)
from analysis.report.params import (
    ALL_TOPICS,
    report_knowledge,
    slugify,
    valid_topic_names,
    validate_parameters,
)
from analysis.report.wording import format_date

NOTEBOOK = Path("notebooks") / "topic_report.ipynb"
KERNEL = "python3"
WORKERS = 2
MANIFEST = ".manifest.json"
PARAMETERS_CACHE = ".notebook-parameters.json"
CACHE_DIR = ".cache"
REMOVED_TAGS = {"parameters", "injected-parameters", "remove-cell"}
PANGO_HINT = (
    "install Pango (e.g. apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)"
)


@dataclass(frozen=True)
class Job:
    """One report: a topic with its parameters and the file stem it is written to."""

    topic: str
    slug: str
    parameters: dict[str, Any]


@dataclass
class Outcome:
    slug: str
    topic: str
    executed: bool = False
    error: str | None = None
    entry: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # why the report was (re)built
    pdf_skipped: str | None = None  # why no PDF was written (Pango missing)


@dataclass
class BuildResult:
    outcomes: list[Outcome]
    pdf_skipped: str | None = None
    pdf_slow: str | None = None  # why printing the PDFs was slower than it could be

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def executed(self) -> list[str]:
        return [o.slug for o in self.outcomes if o.executed]


# --- parameters and jobs ------------------------------------------------------------------------


def notebook_path() -> Path:
    return project_root() / NOTEBOOK


def notebook_defaults(notebook: Path) -> dict[str, Any]:
    """Parameter names and default values declared in the notebook's ``parameters`` cell."""
    import ast

    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    return {name: ast.literal_eval(spec["default"]) for name, spec in declared.items()}


def cached_notebook_defaults(notebook: Path, out_dir: Path) -> dict[str, Any]:
    """``notebook_defaults`` remembered per notebook digest, so an up-to-date build does not
    even import papermill."""
    digest = hashlib.sha256(notebook.read_bytes()).hexdigest()
    cache = out_dir / PARAMETERS_CACHE
    try:
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved.get("notebook") == digest:
            return dict(saved["defaults"])
    except (OSError, ValueError, KeyError):
        pass
    defaults = notebook_defaults(notebook)
    payload = {"notebook": digest, "defaults": defaults}
    write_atomically(cache, (json.dumps(payload, indent=2, sort_keys=True) + "\n").encode())
    return defaults


def check_parameter_names(parameters: dict[str, Any], defaults: dict[str, Any]) -> None:
    """papermill only warns about an unknown parameter; a report build rejects it."""
    unknown = sorted(set(parameters) - set(defaults))
    if unknown:
        raise ValueError(
            f"unknown notebook parameter(s) {unknown}; the notebook declares {sorted(defaults)}"
        )


def output_slug(parameters: dict[str, Any], defaults: dict[str, Any]) -> str:
    """File stem: the topic's slug, plus the period and sides when they differ from the defaults."""
    parts = [slugify(str(parameters["topic"]))]
    if (parameters["start"], parameters["end"]) != (defaults["start"], defaults["end"]):
        parts.append(f"{parameters['start']}_{parameters['end']}")
    if list(parameters["sides"]) != list(defaults["sides"]):
        parts.append(slugify("-".join(parameters["sides"])))
    return slugify("-".join(parts))


def safe_output(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing any name that resolves outside ``out_dir``."""
    root = out_dir.resolve()
    target = (root / name).resolve()
    if target.parent != root:
        raise ValueError(f"refusing to write {name!r} outside {root}")
    return target


def plan_jobs(
    topics: Sequence[str] | None,
    overrides: dict[str, Any],
    defaults: dict[str, Any],
) -> list[Job]:
    """One job per topic (every valid topic plus ``all`` when ``topics`` is None); every set of
    parameters is validated before anything runs."""
    check_parameter_names(overrides, defaults)
    base = {**defaults, **{k: v for k, v in overrides.items() if v is not None}}
    data_dir = resolve_in_project(base["data_dir"]) if base.get("data_dir") else None
    names = list(topics) if topics else valid_topic_names(report_knowledge(data_dir))
    jobs = []
    for topic in dict.fromkeys(names):
        parameters = {**base, "topic": topic}
        validate_parameters(**parameters)
        jobs.append(Job(topic=topic, slug=output_slug(parameters, defaults), parameters=parameters))
    return jobs


def input_digests(job: Job, notebook: Path) -> dict[str, str]:
    """Digest of each input a report depends on: the texts, the extra data files, the notebook,
    the package (code, data files, templates, library versions) and the parameters."""
    parameters = job.parameters
    seeds = resolve_in_project(parameters["seeds_dir"])
    data = resolve_in_project(parameters["data_dir"]) if parameters.get("data_dir") else None
    return {
        "texts": folder_fingerprint(seeds),
        "data": folder_fingerprint(data),
        "notebook": hashlib.sha256(notebook.read_bytes()).hexdigest(),
        "package": package_fingerprint(),
        "parameters": hashlib.sha256(json.dumps(parameters, sort_keys=True).encode()).hexdigest(),
    }


def input_key(digests: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()


def stale_reason(entry: dict[str, Any] | None, digests: dict[str, str]) -> str:
    """Which inputs changed since the last build, e.g. ``"texts, package changed"``."""
    if not entry:
        return "not built before"
    if "inputs" not in entry:
        return "no record of its inputs"
    previous = entry.get("inputs", {})
    changed = [name for name, value in digests.items() if previous.get(name) != value]
    return f"{', '.join(changed)} changed" if changed else "output files missing"


# --- execute, convert, print --------------------------------------------------------------------


@contextmanager
def kernel_environment(root: Path, cache_dir: Path) -> Iterator[None]:
    """Environment the kernel inherits while the block runs: the package this runner imports
    (so the kernel runs the same code), the project root and the corpus cache."""
    names = ("PYTHONPATH", "JUPYTER_PATH", ROOT_ENV, CACHE_ENV)
    saved = {name: os.environ.get(name) for name in names}
    package_parent = str(Path(str(files("analysis"))).resolve().parent)
    paths = [package_parent, *filter(None, (saved["PYTHONPATH"] or "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    # This interpreter's kernel spec first, before any user-level "python3" spec elsewhere.
    jupyter = [str(Path(sys.prefix) / "share" / "jupyter"), saved["JUPYTER_PATH"] or ""]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, jupyter))
    os.environ[ROOT_ENV] = str(root)
    os.environ[CACHE_ENV] = str(cache_dir)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def execute(job: Job, notebook: Path) -> Any:
    """Run the notebook into a temporary file (never into ``reports/``) and return it."""
    import papermill

    from analysis.report import kernel

    with tempfile.TemporaryDirectory(prefix="report-") as scratch:
        output = Path(scratch) / f"{job.slug}.ipynb"
        return papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=job.parameters,
            kernel_name=KERNEL,
            engine_name=kernel.ENGINE_NAME,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            cwd=str(notebook.parent),
        )


def describe_failure(error: BaseException) -> str:
    """``cell N (first line): ErrorName: message`` for a failed cell, else the exception."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        first_line = next((ln for ln in str(error.source).splitlines() if ln.strip()), "")
        return f"cell {error.exec_count} ({first_line.strip()}): {error.ename}: {error.evalue}"
    return f"{type(error).__name__}: {error}"


def read_record(notebook: Any) -> dict[str, Any]:
    """The headline record the notebook displayed (see ``narrative.headline_record``)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if HEADLINE_MIMETYPE in data:
                return dict(data[HEADLINE_MIMETYPE])
    raise ValueError("the notebook recorded no headline numbers")


def normalise(notebook: Any) -> Any:
    """A copy without run-specific data: execution metadata and timestamps, kernel ids,
    durations, execution counts and random cell ids (cells are renumbered)."""
    import nbformat

    clean = copy.deepcopy(notebook)
    kept = {k: clean.metadata[k] for k in ("kernelspec", "language_info") if k in clean.metadata}
    clean.metadata = nbformat.from_dict(kept)
    for position, cell in enumerate(clean.cells):
        cell["id"] = f"cell-{position:03d}"
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k == "tags"})
        if cell.cell_type == "code":
            cell.execution_count = None
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = None
                output.get("metadata", {}).clear()
    return clean


def report_css() -> str:
    folder = files("analysis").joinpath("report")
    return "\n".join(
        folder.joinpath(name).read_text(encoding="utf-8") for name in ("report.css", "print.css")
    )


@functools.cache
def html_exporter() -> Any:
    """The HTML exporter of this process, made once: its templates are compiled on first use and
    reused by every later report (compiling them took longer than converting a report).
    The notebook is validated once, after all preprocessors, instead of after each."""
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = report_exporter_class()(
        template_name="report",
        extra_template_basedirs=[str(files("analysis").joinpath("report", "templates"))],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        optimistic_validation=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=REMOVED_TAGS, enabled=True), enabled=True
    )
    return exporter


def report_exporter_class() -> type:
    """nbconvert's HTML exporter without its last step, which parses the finished page with
    BeautifulSoup and writes it out again (most of a conversion's time) only to give an ``alt``
    text to images without one (every report image has one) and a ``tabindex`` to the cells of
    a ``.jp-Notebook`` body (the report template has none)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportHTMLExporter(HTMLExporter):
        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
            # HTMLExporter.from_notebook_node up to its BeautifulSoup pass (nbconvert 7).
            language = nb.metadata.get("language_info", {})
            lexer = language.get("pygments_lexer", language.get("name", None))
            highlight = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            data_types = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_types)
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return ReportHTMLExporter


def to_html(notebook: Any, title: str) -> str:
    """Self-contained HTML: code, prompts and parameter cells hidden, images embedded."""
    exporter = html_exporter()
    resources = {
        "metadata": {"name": title},
        "report_title": title,
        "report_css": report_css(),
        "report_csp_meta": html.CSP_META,
    }
    body, _ = exporter.from_notebook_node(normalise(notebook), resources=resources)
    return body


def load_pdf_writer() -> tuple[Any, str | None]:
    """This process's :class:`PdfPrinter`, or ``None`` and a one-line reason (Pango missing)."""
    weasyprint, reason = import_weasyprint()
    return (None, reason) if weasyprint is None else (pdf_printer(weasyprint), None)


def slow_font_subsetting() -> str | None:
    """One line when WeasyPrint subsets the PDF's fonts with fontTools, its slow fallback (about
    half of a report's printing time), because HarfBuzz's subsetter library is missing;
    ``None`` when the subsetter is there (WeasyPrint only logs this, and quietly)."""
    try:
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset
    except (ImportError, OSError):
        return None
    if harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0):
        return None
    return (
        "PDF fonts were subset by fontTools, WeasyPrint's slow fallback: install HarfBuzz's "
        "subsetter (e.g. apt-get install libharfbuzz-subset0) to print about twice as fast"
    )


def import_weasyprint() -> tuple[Any, str | None]:
    """The ``weasyprint`` module, or ``None`` and a one-line reason (Pango missing)."""
    try:
        with warnings.catch_warnings():
            # Older Pango/HarfBuzz builds lack harfbuzz-subset; WeasyPrint only warns about it.
            warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
            weasyprint = import_module("weasyprint")
    except OSError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, f"PDF step skipped: WeasyPrint cannot load Pango ({first}); {PANGO_HINT}"
    return weasyprint, None


class PdfPrinter:
    """WeasyPrint with what every report shares made once per process: the font configuration
    (fontconfig loads its configuration and font list for each new one) and the report's
    stylesheet, parsed once instead of once per page from the page's ``<style>``."""

    def __init__(self, weasyprint: Any) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        self.font_config = FontConfiguration()
        self.css = report_css()
        self.stylesheet = weasyprint.CSS(string=self.css, font_config=self.font_config)

    def print(self, page: str, base_url: str) -> bytes:
        """The page as PDF bytes. The page's own copy of the report stylesheet is left out and the
        parsed one given instead (same cascade: it is the page's only stylesheet). While one
        page is laid out no cyclic garbage collection runs: it would walk every box built so
        far again and again; the page's garbage is collected when it is done."""
        inline = f"<style>\n{self.css}\n</style>"
        stylesheets = [self.stylesheet] if inline in page else []
        document = self.weasyprint.HTML(string=page.replace(inline, "", 1), base_url=base_url)
        paused = gc.isenabled()
        gc.disable()
        try:
            return document.write_pdf(font_config=self.font_config, stylesheets=stylesheets)
        finally:
            if paused:
                gc.enable()


_PRINTERS: dict[int, PdfPrinter] = {}


def pdf_printer(weasyprint: Any) -> PdfPrinter:
    """The printer of this process, made on first use (a forked worker makes its own rather than
    use Pango state copied across the fork)."""
    printer = _PRINTERS.get(os.getpid())
    if printer is None:
        _PRINTERS.clear()
        printer = _PRINTERS[os.getpid()] = PdfPrinter(weasyprint)
    return printer


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target, then rename: readers see the old file or the new one."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(target)


def write_pdf(page: str, target: Path, writer: PdfPrinter) -> None:
    write_atomically(target, writer.print(page, base_url=str(target.parent)))


# --- one job in a worker process ----------------------------------------------------------------


def run_job(
    job: Job, notebook: Path, out_dir: Path, cache_dir: Path, root: Path, pdf: bool
) -> Outcome:
    """Execute, convert and write one report; any failure leaves the previous files untouched."""
    outcome = Outcome(slug=job.slug, topic=job.topic, executed=True)
    try:
        with kernel_environment(root, cache_dir):
            executed = execute(job, notebook)
        record = read_record(executed)
        if Path(record.get("kernel_prefix", "")).resolve() != Path(sys.prefix).resolve():
            raise RuntimeError(
                f"the kernel ran in {record.get('kernel_prefix')}, not in {sys.prefix}: "
                f"install ipykernel into this environment"
            )
        settings = validate_parameters(**job.parameters)
        page = to_html(executed, settings.topic.title)
        html_path = safe_output(out_dir, f"{job.slug}.html")
        entry = index_entry(job, settings.topic.title, record["numbers"])
        pdf_path = safe_output(out_dir, f"{job.slug}.pdf")
        if pdf:
            writer, outcome.pdf_skipped = load_pdf_writer()
            if writer is not None:
                write_pdf(page, pdf_path, writer)
                entry["pdf"] = pdf_path.name
        write_atomically(html_path, page.encode("utf-8"))
        sidecar = safe_output(out_dir, f"{job.slug}.json")
        write_atomically(sidecar, (json.dumps(entry, indent=2, sort_keys=True) + "\n").encode())
        outcome.entry = entry
    except Exception as error:
        outcome.error = describe_failure(error)
    return outcome


def index_entry(job: Job, title: str, numbers: dict[str, Any]) -> dict[str, Any]:
    return {
        "slug": job.slug,
        "topic": job.topic,
        "title": title,
        "html": f"{job.slug}.html",
        "pdf": None,
        "parameters": job.parameters,
        "numbers": numbers,
    }


# --- the whole build ----------------------------------------------------------------------------


def load_manifest(out_dir: Path) -> dict[str, Any]:
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}


def up_to_date(job: Job, key: str, manifest: dict[str, Any], out_dir: Path, pdf: bool) -> bool:
    entry = manifest.get(job.slug)
    if not entry or entry.get("key") != key:
        return False
    wanted = [f"{job.slug}.html", f"{job.slug}.json"] + ([f"{job.slug}.pdf"] if pdf else [])
    return all((out_dir / name).is_file() for name in wanted)


def corpus_cache_file(job: Job, cache_dir: Path) -> Path:
    settings = validate_parameters(**job.parameters)
    return corpus_cache_path(cache_dir, settings.seeds_dir, settings.data_dir)


def prepare_corpus_cache(jobs: list[Job], cache_dir: Path) -> None:
    """Parse the texts once in this process so each kernel only unpickles the tables (the
    pipeline is imported only when a cache file is missing)."""
    missing: dict[Path, Any] = {}
    for job in jobs:
        settings = validate_parameters(**job.parameters)
        path = corpus_cache_path(cache_dir, settings.seeds_dir, settings.data_dir)
        if path not in missing and not path.is_file():
            missing[path] = settings
    if not missing:
        return
    from analysis.corpus import load_corpus

    for path, settings in missing.items():
        write_corpus_cache(load_corpus(settings.seeds_dir, data_dir=settings.data_dir), path)


def build(
    topics: Sequence[str] | None = None,
    overrides: dict[str, Any] | None = None,
    out_dir: str | Path = "reports",
    pdf: bool = True,
    workers: int = WORKERS,
    force: bool = False,
) -> BuildResult:
    """Build the reports (every topic plus ``all`` unless ``topics`` names some)."""
    root = project_root()
    notebook = notebook_path()
    out = resolve_in_project(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    defaults = cached_notebook_defaults(notebook, out)
    jobs = plan_jobs(topics, overrides or {}, defaults)
    manifest = load_manifest(out)
    digests = {job.slug: input_digests(job, notebook) for job in jobs}
    keys = {slug: input_key(d) for slug, d in digests.items()}
    stale = [j for j in jobs if force or not up_to_date(j, keys[j.slug], manifest, out, pdf)]
    if not force:
        stale = [j for j in stale if not _refresh_pdf_only(j, keys[j.slug], manifest, out, pdf)]
    outcomes = {j.slug: Outcome(j.slug, j.topic, entry=manifest.get(j.slug, {})) for j in jobs}
    for job in stale:
        outcomes[job.slug].reason = (
            "forced" if force else stale_reason(manifest.get(job.slug), digests[job.slug])
        )
    if stale:
        cache_dir = out / CACHE_DIR
        for outcome in _run_parallel(stale, notebook, out, cache_dir, root, pdf, workers):
            outcome.reason = outcomes[outcome.slug].reason
            outcomes[outcome.slug] = outcome
            if not outcome.error:
                manifest[outcome.slug] = {
                    **outcome.entry,
                    "key": keys[outcome.slug],
                    "inputs": digests[outcome.slug],
                }
    write_atomically(
        out / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    )
    write_index(out, manifest)
    skipped = [o.pdf_skipped for o in outcomes.values() if o.pdf_skipped]
    printed = pdf and any(o.executed and o.entry.get("pdf") for o in outcomes.values())
    return BuildResult(
        outcomes=[outcomes[j.slug] for j in jobs],
        pdf_skipped=skipped[0] if skipped else None,
        pdf_slow=slow_font_subsetting() if printed else None,
    )


def _refresh_pdf_only(job: Job, key: str, manifest: dict[str, Any], out: Path, pdf: bool) -> bool:
    """An up-to-date HTML whose PDF is missing (e.g. Pango was absent) is printed again without
    re-executing the notebook."""
    entry = manifest.get(job.slug)
    html_path, pdf_path = out / f"{job.slug}.html", out / f"{job.slug}.pdf"
    if not (pdf and entry and entry.get("key") == key and html_path.is_file()):
        return False
    writer, _ = load_pdf_writer()
    if writer is None:
        return True  # nothing more can be done without Pango; the HTML is current
    write_pdf(html_path.read_text(encoding="utf-8"), pdf_path, writer)
    entry["pdf"] = pdf_path.name
    return True


def warm_worker(root: Path, cache_dir: Path, notebook: Path, pdf: bool) -> None:
    """Start this process's kernel (see ``kernel``) and, while it boots, import the converters
    and make the PDF printer, all while the build is still preparing the corpus. Then every
    object this worker holds so far (the libraries) is frozen out of garbage collection, which
    would otherwise walk them all again whenever printing a page fills the heap."""
    from analysis.report import kernel

    def import_converters() -> None:
        html_exporter()  # now rather than on the first report
        if pdf:
            load_pdf_writer()

    try:
        with kernel_environment(root, cache_dir):
            kernel.start(KERNEL, str(notebook.parent), meanwhile=import_converters)
    except Exception:  # the first report starts the kernel again and reports the error
        return
    finally:
        gc.freeze()


def worker_context(pdf: bool) -> Any:
    """Fork the workers on Linux when this process runs no other thread: the converters are
    imported once, here, instead of once per worker (seconds of CPU each). Elsewhere, or from a
    process with threads (a Jupyter kernel), the workers start fresh ("spawn")."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return get_context("spawn")
    import papermill  # noqa: F401 - inherited by the forked workers

    from analysis.report import kernel  # noqa: F401

    compile_html_templates()
    if pdf:
        import_weasyprint()
    return get_context("fork")


def compile_html_templates() -> None:
    """Convert an empty notebook, so this process's exporter has its templates compiled (once,
    here, rather than in each forked worker). Should that fail, each report fails on it and
    says so."""
    from nbformat.v4 import new_notebook

    try:
        to_html(new_notebook(), "")
    except Exception:
        html_exporter.cache_clear()


def _run_parallel(
    jobs: list[Job], notebook: Path, out: Path, cache_dir: Path, root: Path, pdf: bool, workers: int
) -> list[Outcome]:
    """Run the jobs, each worker process in one kernel it keeps (see ``kernel``); the texts are
    parsed while this process imports the converters, and the kernels start and warm up while
    the parsing finishes."""
    if workers <= 1 or len(jobs) == 1:
        from analysis.report import kernel

        try:
            prepare_corpus_cache(jobs, cache_dir)
            return [run_job(job, notebook, out, cache_dir, root, pdf) for job in jobs]
        finally:
            kernel.shutdown()
    parsing = start_corpus_preparation(jobs, cache_dir)
    context = worker_context(pdf)
    size = min(workers, len(jobs))
    with ProcessPoolExecutor(
        max_workers=size,
        mp_context=context,
        initializer=warm_worker,
        initargs=(root, cache_dir, notebook, pdf),
    ) as pool:
        for _ in range(size):
            pool.submit(int)  # spawns the workers now, so their kernels warm up meanwhile
        if parsing is not None:
            parsing.join()
        prepare_corpus_cache(jobs, cache_dir)  # nothing left to do unless the parsing failed
        futures = [pool.submit(run_job, job, notebook, out, cache_dir, root, pdf) for job in jobs]
        return [future.result() for future in futures]


def start_corpus_preparation(jobs: list[Job], cache_dir: Path) -> Any:
    """A forked process running ``prepare_corpus_cache`` (importing the pipeline costs more CPU
    than parsing the texts), or ``None`` where this process may not fork (see
    ``worker_context``) or there is nothing to parse. Should it fail, the build parses again
    in this process and reports the error there."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    if all(corpus_cache_file(job, cache_dir).is_file() for job in jobs):
        return None
    process = get_context("fork").Process(
        target=_prepare_quietly, args=(jobs, cache_dir), name="corpus-cache", daemon=True
    )
    process.start()
    return process


def _prepare_quietly(jobs: list[Job], cache_dir: Path) -> None:
    """``prepare_corpus_cache`` in the forked process; an error is left for the build to raise
    (and print) once, in its own process."""
    try:
        prepare_corpus_cache(jobs, cache_dir)
    except Exception:
        os._exit(1)


# --- the index page -----------------------------------------------------------------------------


def write_index(out: Path, manifest: dict[str, Any]) -> None:
    """``index.html``: every report in the manifest with its headline numbers."""
    entries = sorted(
        (e for e in manifest.values() if (out / e["html"]).is_file()),
        key=lambda e: (e["topic"] != ALL_TOPICS, e["slug"]),
    )
    rows = []
    for e in entries:
        n, p = e["numbers"], e["parameters"]
        pdf_link = html.link(e["pdf"], "PDF") if e.get("pdf") else "—"
        rows.append(
            "<tr>"
            f"<td>{html.link(e['html'], e['title'])}<br><small>{html.esc(e['topic'])} · "
            f"{html.esc(format_date(p['start']))} – {html.esc(format_date(p['end']))}</small></td>"
            + "".join(
                f'<td class="number">{html.esc(n.get(k, ""))}</td>'
                for k in ("documents", "claims", "disputes", "failed_documents")
            )
            + f"<td>{html.esc(_claim_span(n))}</td><td>{pdf_link}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Report", "Documents", "Claims", "Disputes", "Failed files", "Claims dated", "")
    )
    table = (
        f'<table class="report-table index"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="empty">No reports have been built yet.</p>'
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{html.CSP_META}\n<title>Reports: US–Russia military coordination in Syria</title>\n"
        f'<style>\n{report_css()}\n</style>\n</head>\n<body class="report"><main>\n'
        "<h1>Reports: US–Russia military coordination in Syria, 2015–2017</h1>\n"
        f"<p>{len(entries)} reports, one per topic; numbers count original documents "
        "(syndicated copies once).</p>\n"
        f"{table}\n</main></body>\n</html>\n"
    )
    write_atomically(out / "index.html", page.encode("utf-8"))


def _claim_span(numbers: dict[str, Any]) -> str:
    if not numbers.get("first_claim"):
        return "no claims"
    first = numbers.get("first_claim_shown") or format_date(numbers["first_claim"])
    last = numbers.get("last_claim_shown") or format_date(numbers["last_claim"])
    return f"{first} – {last}"
