"""Knowledge about the world, kept in TOML data files a user can extend.

The package ships ``analysis/data/*.toml``.  A user adds entries by pointing ``data_dir`` (or the
environment variable ``COORDINATION_CLAIMS_DATA``) at a folder holding files of the same names:
their tables are appended to the shipped ones (a user's entry with the same ``name`` replaces
the shipped entry).  A user's ``stance_model.toml`` (a trained classifier, see
``analysis/stance_model.py``) replaces the shipped model whole: two models' weights do not add up.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from analysis.cachefiles import load_pickle, write_pickle

DATA_FILES = ("outlets", "actors", "topics", "furniture", "stance", "calendar", "stance_model")
REPLACED_WHOLE = frozenset({"stance_model"})  # a user's file of these replaces the shipped one
ENV_VAR = "COORDINATION_CLAIMS_DATA"


@dataclass(frozen=True)
class Knowledge:
    """Plain, picklable contents of the data files (so worker processes can receive it)."""

    outlets: dict[str, Any] = field(default_factory=dict)
    actors: dict[str, Any] = field(default_factory=dict)
    topics: dict[str, Any] = field(default_factory=dict)
    furniture: dict[str, Any] = field(default_factory=dict)
    stance: dict[str, Any] = field(default_factory=dict)
    calendar: dict[str, Any] = field(default_factory=dict)
    stance_model: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Append a user's lists of tables to the shipped ones; same ``name`` replaces."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, list) and isinstance(value, list):
            names = {item.get("name") for item in value if isinstance(item, dict)}
            kept = [i for i in old if not (isinstance(i, dict) and i.get("name") in names)]
            merged[key] = kept + value
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        else:
            merged[key] = value
    return merged


def _shipped_text(name: str) -> str:
    resource = files("analysis").joinpath("data", f"{name}.toml")
    return resource.read_text(encoding="utf-8") if resource.is_file() else ""


def load_knowledge(
    data_dir: str | Path | None = None, parsed_cache: Path | None = None
) -> Knowledge:
    """Load the shipped data files, extended by ``data_dir`` or ``$COORDINATION_CLAIMS_DATA``.

    ``parsed_cache``: a folder where each file's parsed tables are kept, keyed by its text
    (see ``parse_toml``)."""
    user_dir = data_dir or os.environ.get(ENV_VAR)
    digest = hashlib.sha256()
    tables: dict[str, dict[str, Any]] = {}
    for name in DATA_FILES:
        text = _shipped_text(name)
        digest.update(text.encode())
        table = parse_toml(text, parsed_cache) if text else {}
        if user_dir:
            user_file = Path(user_dir) / f"{name}.toml"
            if user_file.is_file():
                user_text = user_file.read_text(encoding="utf-8")
                digest.update(user_text.encode())
                user_table = parse_toml(user_text, parsed_cache)
                table = user_table if name in REPLACED_WHOLE else _merge(table, user_table)
        tables[name] = table
    return Knowledge(**tables, fingerprint=digest.hexdigest()[:16])


PARSED_FORMAT = "toml-1"  # part of every parsed file's key: change it to drop the old ones


def parse_toml(text: str, parsed_cache: Path | None = None) -> dict[str, Any]:
    """``tomllib.loads(text)``, kept in ``parsed_cache`` the way Python keeps compiled modules:
    parsing the data files is a third of loading a small corpus in a new process, reading
    the parsed tables back a twentieth of it.  The key is the text itself (its SHA-256), so an
    edited file is parsed afresh; an unreadable cache file is parsed again, never fatal."""
    if parsed_cache is None:
        return tomllib.loads(text)
    key = hashlib.sha256(f"{PARSED_FORMAT}\n{text}".encode()).hexdigest()[:32]
    path = parsed_cache / f"{key}.pkl"
    parsed = load_pickle(path)
    if isinstance(parsed, dict):
        return parsed
    parsed = tomllib.loads(text)
    write_pickle(path, parsed)
    return parsed
