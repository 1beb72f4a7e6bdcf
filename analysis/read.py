"""Stage 1 — read: bytes on disk → decoded text, or a ``Problem`` with a reason.

Never raises on a bad file: every input becomes exactly one ``RawText`` or one ``Problem``.

Rules, in the order they are applied:

* ``unreadable`` — the file cannot be stat-ed or opened (missing, permission denied, a folder).
* ``too_large`` — larger than ``max_bytes`` (default ``MAX_BYTES`` = 2 MB; a news page is tens
  of kB).  Decided from ``stat`` alone: the file is never read into memory.
* ``empty`` — no bytes, or only whitespace (after removing a byte-order mark).
* ``binary`` — a known file signature (PDF, PNG, ZIP, GZIP, JPEG, …; the detail says which), NUL
  bytes in text without a UTF-16/32 byte-order mark (beyond a stray few, which are dropped, and
  the every-other-byte NULs of UTF-16 written without one), or many control characters.
* UTF-8 (a UTF-8 BOM is stripped); UTF-16/32 with a BOM, or UTF-16 without one when every other
  byte of its ASCII text is NUL; otherwise the encoding chosen by charset-normalizer (cp1252,
  latin-1, cp1251, …) — these are documents with ``encoding`` set. Terminal colour codes and
  other control characters (but tab, newline and form feed) are removed from the text.
* ``undecodable`` — no encoding gives readable text.
* HTML (a ``.html`` file, a page starting with a doctype/``<html>``, or text dense with tags) is
  converted to plain text by a stdlib ``html.parser`` converter that drops ``<script>``/``<style>``
  content, unescapes entities and keeps paragraph breaks; nothing is ever executed.
* ``no_text`` — nothing readable (no letter or digit) is left.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from stat import S_ISREG
from typing import Any

MAX_BYTES = 2_000_000  # a news article is tens of kB; multi-megabyte inputs are reported
SIDECAR_SUFFIX = ".meta.toml"
SNIFF_BYTES = 8192  # how much of the start of a file the binary/HTML sniffers look at
CONTROL_RATIO = 0.10  # above this share of control characters a file is treated as binary
STRAY_NULS, STRAY_NUL_RATIO = 4, 0.001  # up to this many NULs: text damaged in copying
UTF16_NUL_SHARE = 0.4  # NULs at this share of the odd (LE) or even (BE) bytes, none at the others
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# File signatures ("magic numbers") of formats that turn up in scraped folders.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BM", "BMP image"),
    (b"RIFF", "RIFF media (WEBP/WAV/AVI)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh", "BZIP2 archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)
# Two-byte signatures are only trusted when the rest does not decode as text.
WEAK_SIGNATURES = {b"BM", b"MZ", b"BZh", b"ID3", b"RIFF", b"OggS"}

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
HTML_START = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html))", re.I
)
HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|script|style|li|ul|ol|table|tr|td|th|h[1-6]|body|head|meta|link"
    r"|img|strong|em|b|i|section|article|header|footer|nav|aside|iframe|form|input|button"
    r"|figure|figcaption|blockquote|noscript|svg|title)\b[^<>]{0,2000}>",
    re.I,
)
MIN_TAGS = 5  # fewer tags than this is text that merely mentions markup
TAG_SHARE = 0.05  # markup must be at least this share of the characters


@dataclass(frozen=True)
class RawText:
    doc_id: str
    path: str
    text: str
    encoding: str
    sha256: str
    n_bytes: int
    markup: str = "text"  # "text", or "html" when the text was converted from a page's markup


@dataclass(frozen=True)
class Problem:
    doc_id: str
    path: str
    reason: str  # empty, binary, too_large, undecodable, unreadable, no_text, bad_sidecar, …
    detail: str


def doc_id_for(path: Path) -> str:
    """The default document id: the file stem (``analysis.corpus`` disambiguates collisions)."""
    return path.stem


# ---------------------------------------------------------------------------------------------
# bytes → verdicts


def file_signature(raw: bytes) -> str | None:
    """What a binary file looks like, from its first bytes (``None`` when no signature fits)."""
    for magic, label in SIGNATURES:
        if raw.startswith(magic):
            return label
    return None


def _byte_order_mark(raw: bytes) -> str | None:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def control_ratio(raw: bytes) -> float:
    """Share of C0 control bytes other than tab, newline, carriage return and form feed."""
    sample = raw[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = len(sample.translate(None, _NOT_CONTROL_BYTES))  # C speed, no per-byte loop
    return controls / len(sample)


# Every byte except the counted C0 controls (tab, newline, form feed, CR and ESC are allowed).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 32 or b in {9, 10, 12, 13, 27})


def binary_reason(raw: bytes) -> str | None:
    """Why ``raw`` looks binary, or ``None`` when it may be text (BOM-marked files are text)."""
    if _byte_order_mark(raw) or _bomless_utf16(raw):
        return None
    label = file_signature(raw)
    if label and not any(raw.startswith(weak) for weak in WEAK_SIGNATURES):
        return f"looks like a {label}"
    sample = raw[:SNIFF_BYTES]
    if b"\x00" in sample:
        if label:
            return f"looks like a {label}"
        if sample.count(b"\x00") > max(STRAY_NULS, STRAY_NUL_RATIO * len(sample)):
            return "NUL bytes: not a text file"
    ratio = control_ratio(raw)
    if ratio > CONTROL_RATIO:
        return f"{ratio:.0%} control characters: not a text file"
    return None


def _bomless_utf16(raw: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 saved without a byte-order mark: its Latin text
    has a NUL in every other byte (the odd ones little-endian, the even ones big-endian)."""
    sample = raw[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 8 or b"\x00" not in sample or _byte_order_mark(raw):
        return None  # no NUL at all (nearly every file): no need to count them by position
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= UTF16_NUL_SHARE * half and even == 0:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * half and odd == 0:
        return "utf-16-be"
    return None


# The single-byte encodings web pages are saved in (Western, Central European, Cyrillic twice,
# Greek, Turkish, Arabic; latin-1 as a label of old pages). charset-normalizer is asked to choose
# among these first: left to choose among every code page it knows, it reads some cp1252 pages
# as cp775 or mac_latin2 (a curly quote becomes "ō"), and it takes twice as long.
COMMON_ENCODINGS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1256", "koi8_r", "latin_1")


def decode(raw: bytes) -> tuple[str, str] | None:
    """``(text, encoding)``: BOM first, then UTF-16 without one, then strict UTF-8, then
    charset-normalizer's best guess among ``COMMON_ENCODINGS``, then among all it knows."""
    bom = _byte_order_mark(raw) or _bomless_utf16(raw)
    if bom:
        try:
            return raw.decode(bom), bom.removesuffix("-sig")
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: most files are UTF-8

    best = from_bytes(raw, cp_isolation=list(COMMON_ENCODINGS)).best() or from_bytes(raw).best()
    if best is None:
        return None
    text = str(best)
    return text, _common_label(raw, text, best.encoding)


def _common_label(raw: bytes, text: str, guess: str) -> str:
    """Name the web's usual encoding when it yields the very same text as the guess (a
    Western page without Polish letters is cp1252 rather than cp1250; latin-1 text is cp1252
    text, as HTML5 treats the labels)."""
    if guess != "cp1252" and guess.startswith(("cp125", "latin", "iso8859")):
        try:
            if raw.decode("cp1252") == text:
                return "cp1252"
        except UnicodeDecodeError:
            pass
    return guess


# The bytes of the characters ``CONTROL_CHARACTERS`` removes; every other byte is deleted.
_NOT_REMOVED_CONTROL_BYTES = bytes(
    b for b in range(256) if not CONTROL_CHARACTERS.match(chr(b)) or b >= 128
)


def _without_controls(text: str, utf8: bytes | None = None) -> str:
    """``text`` without terminal colour codes and control characters (but tab, newline, CR and
    form feed).  Both patterns are only run when there can be something to remove: an escape
    code starts with ESC, and in UTF-8 (``utf8``, the bytes ``text`` was decoded from) a control
    character is its own byte, which one ``bytes.translate`` finds at C speed."""
    if "\x1b" in text:
        text = ANSI_ESCAPE.sub("", text)
    if utf8 is not None and not utf8.translate(None, _NOT_REMOVED_CONTROL_BYTES):
        return text
    return CONTROL_CHARACTERS.sub("", text)


def has_readable_text(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# ---------------------------------------------------------------------------------------------
# HTML → text


class _TextExtractor(HTMLParser):
    """Collects a page's visible text; block elements become paragraph breaks."""

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "nav",
            "aside",
            "main",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "blockquote",
            "figure",
            "figcaption",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "pre",
            "form",
            "hr",
            "dl",
            "dt",
            "dd",
            "address",
            "title",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.title_parts: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "body":  # an unclosed <head> ends where the body starts
            self.skipping = [t for t in self.skipping if t != "head"]
        elif tag in self.SKIP:
            self.skipping.append(tag)
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.SKIP:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.parts.append(data)


_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: paragraphs separated by blank lines, the title first."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was parsed
        pass
    title = _SPACES.sub(" ", "".join(parser.title_parts)).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    return text


def looks_like_html(text: str, suffix: str = "") -> bool:
    """A saved page (by suffix or doctype) or text where tags are a large share of characters."""
    if suffix.lower() in HTML_SUFFIXES:
        return True
    if HTML_START.match(text[:SNIFF_BYTES].encode("utf-8", "ignore")):
        return True
    tags = HTML_TAG.findall(text)
    if len(tags) < MIN_TAGS:
        return False
    return sum(len(tag) for tag in tags) >= TAG_SHARE * len(text)


# ---------------------------------------------------------------------------------------------
# the stage


def _problem(doc_id: str, path: Path, reason: str, detail: str) -> Problem:
    return Problem(doc_id, str(path), reason, detail)


def _read_bytes(path: Path, doc_id: str, max_bytes: int) -> bytes | Problem:
    """Stat first (a too-large file is never read), then read the bytes."""
    try:
        status = path.stat()
        size = status.st_size
        if not S_ISREG(status.st_mode):
            return _problem(
                doc_id, path, "unreadable", "not a regular file (a folder, pipe or device)"
            )
        if size > max_bytes:
            return _problem(doc_id, path, "too_large", f"{size:,} bytes > limit {max_bytes:,}")
        return path.read_bytes()
    except OSError as error:
        return _problem(doc_id, path, "unreadable", f"{type(error).__name__}: {error.strerror}")


def read_document(
    path: Path,
    data: bytes | None = None,
    *,
    doc_id: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> RawText | Problem:
    """Decode one file; ``data`` may be passed when the bytes were already read."""
    doc_id = doc_id or doc_id_for(path)
    raw = _read_bytes(path, doc_id, max_bytes) if data is None else data
    if isinstance(raw, Problem):
        return raw
    if len(raw) > max_bytes:
        return _problem(doc_id, path, "too_large", f"{len(raw):,} bytes > limit {max_bytes:,}")
    return decode_document(raw, doc_id, path)


def decode_document(raw: bytes, doc_id: str, path: Path) -> RawText | Problem:
    """Bytes already in memory → ``RawText`` or ``Problem`` (see the module docstring)."""
    try:
        return _decode_document(raw, doc_id, path)
    except Exception as error:  # a decoder bug must not stop a load
        return _problem(doc_id, path, "undecodable", f"{type(error).__name__}: {error}")


def _decode_document(raw: bytes, doc_id: str, path: Path) -> RawText | Problem:
    unmarked = raw
    for bom, _ in BOMS:
        unmarked = unmarked.removeprefix(bom)
    if not unmarked.strip():
        return _problem(doc_id, path, "empty", f"{len(raw):,} bytes, no text")
    reason = binary_reason(raw)
    if reason:
        return _problem(doc_id, path, "binary", reason)
    decoded = decode(raw)
    if decoded is None:
        return _problem(doc_id, path, "undecodable", "no text encoding fits these bytes")
    text, encoding = decoded
    text = _without_controls(text.removeprefix("\ufeff"), raw if encoding == "utf-8" else None)
    if not text.strip():
        return _problem(doc_id, path, "empty", f"{len(raw):,} bytes, no text")
    markup = "text"
    if looks_like_html(text, path.suffix):
        text, markup = html_to_text(text), "html"
    if not has_readable_text(text):
        detail = "no readable text left after removing markup" if markup == "html" else ""
        return _problem(doc_id, path, "no_text", detail or "no letters or digits")
    sha = hashlib.sha256(raw).hexdigest()
    return RawText(doc_id, str(path), text, encoding, sha, len(raw), markup)


# ---------------------------------------------------------------------------------------------
# sidecars


def sidecar_path(path: Path) -> Path:
    """``NAME.meta.toml`` beside ``NAME.txt`` (shared by ``NAME.txt`` and ``NAME.md``)."""
    return path.with_name(f"{path.stem}{SIDECAR_SUFFIX}")


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


def parse_sidecar(text: str) -> dict[str, Any]:
    """Parse a sidecar's TOML; ``published`` becomes a ``date``.  Raises ``ValueError``."""
    fields = tomllib.loads(text)
    if "published" in fields:
        try:
            fields["published"] = _as_date(fields["published"])
        except (TypeError, ValueError) as error:
            raise ValueError(f"published = {fields['published']!r} is not a date") from error
    return fields


def read_sidecar(path: Path) -> dict[str, Any]:
    """Fields from ``NAME.meta.toml`` beside ``NAME.txt`` (empty when absent).

    Raises ``ValueError`` (invalid TOML, not UTF-8, a bad date) or ``OSError``: the pipeline turns
    either into a ``bad_sidecar`` problem — a document is never loaded with its sidecar ignored.
    """
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    return parse_sidecar(side.read_bytes().decode("utf-8-sig"))
