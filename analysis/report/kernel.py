"""A papermill engine that keeps one kernel alive across the reports a build process runs.

Starting a kernel and importing pandas, matplotlib and the package in it costs a few seconds,
more than executing a report once they are loaded. A build therefore runs its reports, one after
another in each worker process, in the same kernel: before each notebook the kernel's user
namespace is reset (``%reset -f``) and its execution counter set back to 1, so a notebook sees
what a fresh kernel would show it, with the modules already imported. After any failure the
kernel is shut down, and the next report starts a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import util
from typing import Any

from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

ENGINE_NAME = "reused-kernel"
# Run before each notebook, outside its history: what a fresh kernel would offer the notebook.
# ``%reset`` ends with two full garbage collections; every object alive after it (the libraries,
# their caches) is then frozen out of later collections, which otherwise walked the whole heap of
# pandas and matplotlib twice per report (a fifth of a report's kernel time).
RESET_CODE = (
    "get_ipython().run_line_magic('reset', '-f')\n"
    "get_ipython().execution_count = 1\n"
    "__import__('gc').freeze()\n"
)
# Imported in the kernel while the build is still preparing; the notebook's first cell then
# finds them loaded, and no name is left behind in the namespace. Pure speed: a report's output
# does not depend on it.
WARM_UP_MODULES = (
    "pandas",
    "matplotlib.figure",
    "matplotlib.backends.backend_svg",
    "IPython.display",
    "analysis.report.charts",
    "analysis.report.narrative",
    "analysis.report.params",
)
WARM_UP_CODE = (
    f"[__import__('importlib').import_module(name) for name in {WARM_UP_MODULES!r}]\n"
    "__import__('gc').freeze()\n"
)


class SharedKernel:
    """The kernel manager and client of this process, or ``None`` before the first report."""

    km: Any = None
    kc: Any = None
    runs: int = 0  # notebooks executed in the current kernel


def shutdown() -> None:
    """Stop the shared kernel (if any) and forget it."""
    km, kc = SharedKernel.km, SharedKernel.kc
    SharedKernel.km = SharedKernel.kc = None
    SharedKernel.runs = 0
    if kc is not None:
        kc.stop_channels()
    if km is not None and km.has_kernel:
        run_sync(km.shutdown_kernel)(now=True)


async def _start_and_warm_up(
    kernel_name: str, cwd: str, meanwhile: Callable[[], object] | None
) -> tuple[Any, Any]:
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(kernel_name=kernel_name)
    # No history database: the reset counter would collide with its line numbers (and a build
    # has no use for a history file in the user's profile).
    await km.start_kernel(cwd=cwd, extra_arguments=["--HistoryManager.enabled=False"])
    kc = km.client()
    try:
        if meanwhile is not None:
            meanwhile()  # this process's own work, while the kernel boots
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
    except BaseException:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        raise
    # Not awaited: the first notebook's cells queue behind it in the kernel. Should it fail,
    # the notebook's own imports fail the same way and the report says so.
    kc.execute(WARM_UP_CODE, silent=True, store_history=False)
    return km, kc


def start(kernel_name: str, cwd: str, meanwhile: Callable[[], object] | None = None) -> None:
    """Start this process's kernel unless it runs already, and have it import the report's
    libraries; ``meanwhile`` runs in this process while the kernel boots."""
    if SharedKernel.km is not None:
        return
    SharedKernel.km, SharedKernel.kc = run_sync(_start_and_warm_up)(kernel_name, cwd, meanwhile)
    # Worker processes end with os._exit, which skips atexit; multiprocessing's finalizers run.
    util.Finalize(SharedKernel, shutdown, exitpriority=10)


class ReusedKernelClient(PapermillNotebookClient):
    """papermill's client, resetting the kernel's namespace before the notebook's cells."""

    def papermill_execute_cells(self) -> None:
        if SharedKernel.runs:
            reply = self.wait_for_reply(
                self.kc.execute(RESET_CODE, silent=True, store_history=False)
            )
            if reply is None or reply["content"]["status"] != "ok":
                raise RuntimeError("resetting the kernel between reports failed")
        SharedKernel.runs += 1
        super().papermill_execute_cells()


class ReusedKernelEngine(NBClientEngine):
    """papermill's nbclient engine with the kernel of :class:`SharedKernel`."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        start(kernel_name, kwargs.pop("cwd", None) or ".")
        kwargs.pop("input_path", None)
        client = ReusedKernelClient(
            nb_man,
            km=SharedKernel.km,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **{k: v for k, v in kwargs.items() if k not in {"timeout", "startup_timeout"}},
        )
        client.kc = SharedKernel.kc
        try:
            executed = client.execute()
        except BaseException:
            shutdown()  # a kernel that failed mid-run is not trusted with the next report
            raise
        if executed.metadata.get("papermill", {}).get("exception"):
            shutdown()  # a cell raised (papermill reports it after this returns)
        return executed


papermill_engines.register(ENGINE_NAME, ReusedKernelEngine)
