"""Stage 1 — read: bytes on disk → decoded text, or a ``Problem`` with a reason.

Never raises on a bad file: every input becomes exactly one ``RawText`` or one ``Problem``.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 2_000_000  # a news article is tens of kB; multi-megabyte inputs are reported


@dataclass(frozen=True)
class RawText:
    doc_id: str
    path: str
    text: str
    encoding: str
    sha256: str
    n_bytes: int


@dataclass(frozen=True)
class Problem:
    doc_id: str
    path: str
    reason: str  # short code: empty, binary, too_large, undecodable, unreadable, ...
    detail: str


def doc_id_for(path: Path) -> str:
    """The stable document id: the file stem."""
    return path.stem


def read_document(path: Path, data: bytes | None = None) -> RawText | Problem:
    """Decode one file; ``data`` may be passed when the bytes were already read."""
    doc_id = doc_id_for(path)
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as error:
        return Problem(doc_id, str(path), "unreadable", str(error))
    if not raw.strip():
        return Problem(doc_id, str(path), "empty", "the file holds no text")
    if len(raw) > MAX_BYTES:
        return Problem(doc_id, str(path), "too_large", f"{len(raw):,} bytes > {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        return Problem(doc_id, str(path), "undecodable", "not UTF-8")
    return RawText(doc_id, str(path), text, encoding, hashlib.sha256(raw).hexdigest(), len(raw))


def sidecar_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.meta.toml")


def read_sidecar(path: Path) -> dict[str, Any]:
    """Fields from ``NAME.meta.toml`` beside ``NAME.txt`` (empty when absent)."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    return tomllib.loads(side.read_text(encoding="utf-8"))
