"""Sessions: ``nox -s tests`` (the CI command), ``lint``, ``typecheck``, ``bench``, ``reports``, ``lab``,
``score``, ``train``."""

from __future__ import annotations

import os

import nox

nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
# This machine sets PYTHONDONTWRITEBYTECODE=1; without compiled bytecode every kernel start is slow.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (notebook tests included) against the installed package."""
    session.install(".[reports]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint code and notebooks with ruff."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(default=False)
def typecheck(session: nox.Session) -> None:
    """Type-check the package with mypy."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "typecheck"))
    session.run("mypy", "analysis")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark read / cold load / warm load on a generated corpus (``-- --docs N``)."""
    session.install(".")
    session.run("python", "scripts/bench.py", *session.posargs)


@nox.session(default=False)
def reports(session: nox.Session) -> None:
    """Build the topic reports (HTML, PDF, index); one with ``-- --topic NAME --start … --end …``."""
    session.install(".[reports]")  # JupyterLab stays out of this environment
    session.run("python", "-m", "analysis.report", *session.posargs)


@nox.session(default=False)
def lab(session: nox.Session) -> None:
    """Start JupyterLab on ``notebooks/`` with the package installed in editable mode."""
    session.install("-e", ".[reports]", *nox.project.dependency_groups(PYPROJECT, "lab"))
    options = ["--ServerApp.root_dir=notebooks"]
    if getattr(os, "geteuid", lambda: -1)() == 0:
        options.append("--allow-root")  # Jupyter refuses to run as root without it
    session.run("jupyter", "lab", *options, *session.posargs)


@nox.session(default=False)
def score(session: nox.Session) -> None:
    """Score the extractor against the hand-annotated gold files (``-- --json`` for details,
    ``-- --held-out`` for each batch's stance with a model trained without it)."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "train"))
    session.run("python", "scripts/score.py", *session.posargs)


@nox.session(default=False)
def train(session: nox.Session) -> None:
    """Retrain the stance model (``analysis/data/stance_model.toml``) from the gold files."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "train"))
    session.run("python", "scripts/train_stance.py", *session.posargs)
