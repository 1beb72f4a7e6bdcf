"""Benchmark the report build (not a test): ``python scripts/bench_reports.py [--no-pdf]``.

Measured in one run, on a snapshot of the project (so edits to the working tree cannot
invalidate the manifest between the two builds):

* baseline — papermill executing an empty notebook, plus nbconvert converting it to HTML: run
  once to warm up (imports, kernel spec lookup, disk caches), then ``--baseline-runs`` times; the
  median is the baseline, and every run is printed (a single cold run read up to 4x the median);
* full build — ``python -m analysis.report`` for every topic plus ``all`` (texts parsed afresh,
  with an empty corpus cache), against the target ``2 × baseline × reports ÷ cores``; its CPU
  time over all its processes and kernels is printed too, with the wall time that would take on
  idle cores (the figure to read when other work shares the machine);
* no-change rebuild — the same command again, against the target of 3 seconds.

``--stages`` adds where the CPU goes: one more build of the snapshot in a single process
(``workers=1``, its own empty corpus cache), with each stage timed by ``time.process_time`` in
the process doing it and the kernel's CPU read when it has ended.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORES = 2  # the build runs two reports at a time
REBUILD_TARGET_S = 3.0
BASELINE_RUNS = 5


def children_cpu() -> float:
    """CPU seconds of this process's finished children (the build and everything it ran)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def baseline(scratch: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process and the kernel) for papermill to run an empty notebook
    and nbconvert to convert it."""
    import nbformat  # here, so that a stage run pays for its own imports
    import papermill
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_code_cell, new_notebook

    empty = scratch / "empty.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("")]), empty)
    cpu_before = time.process_time() + children_cpu()
    started = time.perf_counter()
    executed = papermill.execute_notebook(
        str(empty), str(scratch / "empty-out.ipynb"), kernel_name="python3", progress_bar=False
    )
    HTMLExporter().from_notebook_node(executed)
    return time.perf_counter() - started, time.process_time() + children_cpu() - cpu_before


def warm_baseline(scratch: Path, runs: int) -> tuple[float, float, list[float]]:
    """Median wall and CPU seconds of ``runs`` baseline measurements taken after one warm-up
    run, and every wall time (the warm-up first)."""
    warm_up, _ = baseline(scratch)
    timings = [baseline(scratch) for _ in range(runs)]
    walls = [wall for wall, _ in timings]
    cpu = statistics.median(cpu for _, cpu in timings)
    return statistics.median(walls), cpu, [warm_up, *walls]


def snapshot(scratch: Path) -> Path:
    project = scratch / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")
    for folder in ("analysis", "notebooks", "seeds"):
        shutil.copytree(ROOT / folder, project / folder, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def timed_build(project: Path, extra: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the build's processes and kernels) and the build's output."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(project),
        "COORDINATION_CLAIMS_ROOT": str(project),
        # A corpus cache of its own: the full build parses the texts, as on a fresh clone.
        "COORDINATION_CLAIMS_CACHE": str(project / ".corpus-cache"),
    }
    cpu_before = children_cpu()
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "analysis.report", "--out", "reports", *extra],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"build failed:\n{completed.stdout}\n{completed.stderr}")
    return elapsed, children_cpu() - cpu_before, completed.stdout


STAGES = {
    "imports and texts parsed": "prepare_corpus_cache",
    "notebooks executed (client side)": "execute",
    "HTML conversion": "to_html",
    "PDF printing": "write_pdf",
    "WeasyPrint imported": "load_pdf_writer",
}


def measure_stages(out: str, pdf: bool) -> dict[str, float]:
    """CPU seconds per stage of a one-process build (run in a child with the snapshot's paths)."""
    started = time.process_time()
    from analysis.report import build

    spent = {"build module imported": time.process_time() - started}

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            before = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - before

        return wrapper

    for label, name in STAGES.items():
        setattr(build, name, timed(label, getattr(build, name)))
    before = time.process_time()
    result = build.build(out_dir=out, pdf=pdf, workers=1, force=True)
    spent["whole build, this process"] = time.process_time() - before
    spent["kernel (started, warmed, 7 notebooks)"] = children_cpu()
    if result.failed:
        sys.exit(f"build failed: {[o.error for o in result.failed]}")
    return spent


def stage_split(project: Path, pdf: bool) -> dict[str, float]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(project),
        "COORDINATION_CLAIMS_ROOT": str(project),
        "COORDINATION_CLAIMS_CACHE": str(project / ".stages-cache"),
    }
    command = [sys.executable, __file__, "--stages-run", "reports-stages"]
    completed = subprocess.run(
        [*command, *([] if pdf else ["--no-pdf"])],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"stage run failed:\n{completed.stdout}\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="time HTML only")
    parser.add_argument("--stages", action="store_true", help="also split the CPU by stage")
    parser.add_argument(
        "--baseline-runs", type=int, default=BASELINE_RUNS, help="baseline runs after a warm-up"
    )
    parser.add_argument("--stages-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_run:
        print(json.dumps(measure_stages(args.stages_run, pdf=not args.no_pdf)))
        return 0
    extra = ["--no-pdf"] if args.no_pdf else []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
        scratch = Path(folder)
        base, base_cpu, base_runs = warm_baseline(scratch, max(1, args.baseline_runs))
        project = snapshot(scratch)
        full, full_cpu, output = timed_build(project, extra)
        reports = sum(1 for line in output.splitlines() if line.strip().startswith("built"))
        again, _, output_again = timed_build(project, extra)
        rebuilt = sum(1 for line in output_again.splitlines() if line.strip().startswith("built"))
        stages = stage_split(project, pdf=not args.no_pdf) if args.stages else {}
    target = 2 * base * reports / CORES
    load_after = os.getloadavg()
    print(
        f"load average        {load_before[0]:.1f} before, {load_after[0]:.1f} after"
        f" (1-minute; the bench itself adds up to ~1) on {os.cpu_count()} cores"
    )
    runs = " ".join(f"{seconds:.2f}" for seconds in base_runs[1:])
    print(
        f"baseline            {base:6.2f} s  (papermill empty notebook + nbconvert: median of"
        f" {len(base_runs) - 1} runs {runs}; warm-up run {base_runs[0]:.2f} s not counted;"
        f" CPU {base_cpu:.2f} s)"
    )
    print(
        f"full build          {full:6.1f} s  for {reports} reports{' (HTML only)' if extra else ''}"
        f"; target 2 x {base:.2f} x {reports} / {CORES} = {target:.1f} s"
        f" -> {'met' if full <= target else 'NOT met'} (ratio {full / target:.2f})"
    )
    if not extra:
        from analysis.report.build import slow_font_subsetting

        slow = slow_font_subsetting()
        print(f"PDF fonts subset by {'fontTools (slow fallback)' if slow else 'HarfBuzz'}")
    print(
        f"full build CPU      {full_cpu:6.1f} s  of all its processes and kernels"
        f" ({full_cpu / CORES:.1f} s on {CORES} idle cores; ratio {full_cpu / CORES / target:.2f})"
    )
    print(
        f"no-change rebuild   {again:6.1f} s  ({rebuilt} re-executed); target < {REBUILD_TARGET_S:.0f} s"
        f" -> {'met' if again < REBUILD_TARGET_S else 'NOT met'}"
    )
    for label, seconds in stages.items():
        print(f"  CPU {label:38s} {seconds:6.2f} s  (one process, workers=1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
