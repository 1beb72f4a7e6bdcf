"""Cache files on disk: where they live, and reading and writing them safely.

Every cache is a pickle this package wrote itself, in the user's cache folder; one that is
missing, truncated or unreadable is rebuilt, never fatal, and one that cannot be written is
skipped (a read-only home folder only costs speed).
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "COORDINATION_CLAIMS_CACHE"

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """``$COORDINATION_CLAIMS_CACHE``, else ``$XDG_CACHE_HOME/coordination-claims``, else
    ``~/.cache/coordination-claims``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coordination-claims"


def load_pickle(path: Path) -> Any | None:
    """The cached object, or ``None`` when absent, corrupt or unreadable."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # our own cache file, written by ``write_pickle``
    except FileNotFoundError:
        return None
    except Exception as error:  # a corrupt or truncated cache is rebuilt, never fatal
        log.info("ignoring unreadable cache %s: %s", path, error)
        return None


def write_pickle(path: Path, payload: Any) -> None:
    """Atomic write (temp file + ``os.replace``); a cache that cannot be written is skipped."""
    temp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temp = Path(handle.name)
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
    except OSError as error:
        log.info("could not write cache %s: %s", path, error)
        if temp is not None:
            temp.unlink(missing_ok=True)
