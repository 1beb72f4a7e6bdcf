"""Where reports find their inputs, and fingerprints of those inputs (for caches and manifests)."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

ROOT_ENV = "COORDINATION_CLAIMS_ROOT"
CACHE_ENV = "COORDINATION_CLAIMS_REPORT_CACHE"
HEADLINE_MIMETYPE = "application/vnd.coordination-claims.headline+json"
PROJECT_NAME = 'name = "coordination-claims"'
PACKAGE_SUFFIXES = (".py", ".toml", ".j2", ".json", ".css", ".mplstyle")
LIBRARIES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "weasyprint")


def _is_project_root(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    return pyproject.is_file() and PROJECT_NAME in pyproject.read_text(encoding="utf-8")


def project_root() -> Path:
    """The checkout holding ``pyproject.toml``: ``$COORDINATION_CLAIMS_ROOT``, else the folder above
    the package source (editable install), else the folder holding the environment (``.venv``,
    ``.nox/NAME``), else the nearest parent of the working directory."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    package_dir = Path(str(files("analysis"))).resolve()
    environment = Path(sys.prefix).resolve()
    working = Path.cwd().resolve()
    candidates = [
        package_dir.parent,
        *environment.parents,
        working,
        *working.parents,
    ]
    for folder in candidates:
        if _is_project_root(folder):
            return folder
    raise FileNotFoundError(
        f"cannot find the project root (pyproject.toml of coordination-claims); set ${ROOT_ENV}"
    )


def resolve_in_project(value: str | Path) -> Path:
    """An absolute path; a relative one is taken from the project root, never from the cwd."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else (project_root() / path).resolve()


def input_files(folder: Path) -> list[Path]:
    """Every regular, non-hidden file under ``folder`` (texts and sidecars), in a stable order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.relative_to(folder).as_posix(),
    )


def hash_files(paths: Iterable[Path], base: Path | None = None) -> str:
    """One digest over names and bytes of ``paths``."""
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(base).as_posix() if base else path.name
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def folder_fingerprint(folder: Path | None) -> str:
    """Digest of every input file in ``folder`` (``""`` when there is no folder)."""
    if folder is None:
        return ""
    return hash_files(input_files(folder), folder if folder.is_dir() else folder.parent)


def package_fingerprint() -> str:
    """Digest of the package's code, data files and templates, plus library versions:
    a change to any of them makes every report stale."""
    package_dir = Path(str(files("analysis"))).resolve()
    sources = sorted(
        (
            p
            for p in package_dir.rglob("*")
            if p.is_file() and p.suffix in PACKAGE_SUFFIXES and "__pycache__" not in p.parts
        ),
        key=lambda p: p.relative_to(package_dir).as_posix(),
    )
    digest = hashlib.sha256(hash_files(sources, package_dir).encode())
    digest.update(library_versions().encode())
    return digest.hexdigest()


@functools.cache
def library_versions() -> str:
    """``name=version;`` of each library a report depends on, looked up once per process (the
    libraries this process has loaded cannot change under it)."""
    parts = []
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        parts.append(f"{library}={version};")
    return "".join(parts)


def display_path(path: str | Path) -> str:
    """A path as shown in a report: relative to the project root when inside it, else the
    file name (reports must not depend on where the checkout lives)."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError, OSError):
        return candidate.name


def corpus_cache_path(cache_dir: Path, seeds_dir: Path, data_dir: Path | None) -> Path:
    """Cache file named by the digest of the inputs, the data files and the package code."""
    key = folder_fingerprint(seeds_dir) + folder_fingerprint(data_dir) + package_fingerprint()
    return cache_dir / f"corpus-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def write_corpus_cache(corpus: Any, path: Path) -> None:
    """Write atomically so a parallel reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
