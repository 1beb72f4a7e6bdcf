"""The build's papermill engine runs reports one after another in one kernel: each notebook must
see what a fresh kernel would show it, and a failure must not leak into the next report."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from papermill.exceptions import PapermillExecutionError

from analysis.report import kernel

pytestmark = pytest.mark.notebooks


@pytest.fixture
def shared_kernel():
    yield
    kernel.shutdown()


def _run(tmp_path: Path, name: str, *sources: str) -> nbformat.NotebookNode:
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sources]), path)
    return papermill.execute_notebook(
        str(path),
        str(tmp_path / f"{name}-out.ipynb"),
        kernel_name="python3",
        engine_name=kernel.ENGINE_NAME,
        progress_bar=False,
    )


def _text(cell: nbformat.NotebookNode) -> str:
    return "".join(output.get("text", "") for output in cell.outputs)


def test_a_second_notebook_does_not_see_the_first_ones_variables(tmp_path, shared_kernel):
    _run(tmp_path, "first", "leaked = 'from the first report'")
    process = kernel.SharedKernel.km.provisioner.process.pid
    second = _run(tmp_path, "second", "print('leaked' in globals())")
    assert _text(second.cells[0]).strip() == "False"
    assert kernel.SharedKernel.km.provisioner.process.pid == process  # the same kernel


def test_every_notebook_counts_its_cells_from_one(tmp_path, shared_kernel):
    _run(tmp_path, "first", "1", "2", "3")
    second = _run(tmp_path, "second", "'a'", "'b'")
    assert [cell.execution_count for cell in second.cells] == [1, 2]


def test_modules_stay_imported_between_notebooks(tmp_path, shared_kernel):
    _run(tmp_path, "first", "import json")
    second = _run(tmp_path, "second", "import sys\nprint('json' in sys.modules)")
    assert _text(second.cells[0]).strip() == "True"


def test_a_failed_notebook_retires_its_kernel(tmp_path, shared_kernel):
    _run(tmp_path, "first", "state = 1")
    with pytest.raises(PapermillExecutionError):
        _run(tmp_path, "broken", "raise ValueError('broken report')")
    assert kernel.SharedKernel.km is None
    after = _run(tmp_path, "after", "print('state' in globals())")
    assert _text(after.cells[0]).strip() == "False"


def test_the_kernel_runs_this_interpreter(tmp_path, shared_kernel):
    executed = _run(tmp_path, "which", "import sys\nprint(sys.prefix)")
    assert Path(_text(executed.cells[0]).strip()).resolve() == Path(sys.prefix).resolve()


def test_the_warm_up_leaves_no_name_in_the_first_notebook(tmp_path, shared_kernel):
    first = _run(tmp_path, "first", "print(sorted(n for n in globals() if not n.startswith('_')))")
    names = _text(first.cells[0])
    for name in ("pandas", "analysis", "importlib"):
        assert name not in names
