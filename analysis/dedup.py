"""Near-duplicate documents (syndicated copies): every copy points at the earliest original.

Bodies are cut into word 5-gram shingles (hashed to 32 bits).  MinHash signatures (the values of
``datasketch``'s legacy permutations, fixed seed, so results are reproducible, computed with numpy) are
cut into the bands ``datasketch.MinHashLSH`` uses for ``LSH_THRESHOLD``; documents sharing a whole band
are candidate pairs (exactly the pairs such an index proposes, found by sorting each band).  A cheap
upper bound of each candidate's intersection (per hash bucket, the smaller count) rules most
candidates out; the rest are confirmed with the exact Jaccard similarity of the two shingle sets.
A small corpus (at most ``EXHAUSTIVE_MAX`` bodies) skips the index: every pair whose sizes allow
the threshold is checked exactly. The permutations and bands are datasketch's (tests compare
them), computed here without importing it: its import pulls in SciPy, about a second.
Confirmed pairs are grouped (union–find); in each group the earliest-published document
(undated ones last; ties by smallest ``doc_id``) is the original and the others get its id in
``duplicate_of``.  Bodies shorter than ``MIN_TOKENS`` words never match anything.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5
MIN_TOKENS = 40  # shorter bodies (stubs, captions, empty pages) never match
NUM_PERM = 64
SEED = 20151030
LSH_THRESHOLD = 0.5  # candidate recall; the exact check below decides
JACCARD_THRESHOLD = 0.6  # a syndicated copy with a new intro line and footer scores ~0.7–0.95
EXHAUSTIVE_MAX = 64  # bodies; up to here every pair is checked exactly (no MinHash index)

PUNCTUATION = "\"'“”‘’.,;:!?()[]{}<>«»—–-…*_#|/\\"  # separates words like white space does
_PUNCTUATION = re.compile("[" + re.escape(PUNCTUATION) + "]")
_ASCII_PUNCTUATION_TO_SPACE = bytes(
    32 if byte < 128 and chr(byte) in PUNCTUATION else byte for byte in range(256)
)
_OTHER_PUNCTUATION = tuple(mark for mark in PUNCTUATION if not mark.isascii())
_MIX = np.uint64(0x9E3779B97F4A7C15)
_EMPTY = np.empty(0, dtype=np.uint64)


class _WordHashes(dict[str, int]):
    """word → crc32, filled on first sight (``map(table.__getitem__, words)`` stays in C)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 1 << 20:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _WordHashes()


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the lower-cased word ``size``-grams of ``text``, in text order
    (empty when the text has fewer than ``MIN_TOKENS`` words).  Punctuation separates words like
    white space does; hashing each word once and combining the hashes with numpy keeps this fast
    on large corpora."""
    words = shingle_words(text)
    if len(words) < max(MIN_TOKENS, size):
        return _EMPTY
    word_hashes = np.fromiter(
        map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words)
    )
    n = len(words) - size + 1
    combined = word_hashes[:n].copy()  # = 0 * _MIX + the first word's hashes
    for k in range(1, size):
        combined *= _MIX  # in place, wrapping modulo 2**64
        combined += word_hashes[k : k + n]
    folded = combined >> np.uint64(32)
    folded ^= combined & np.uint64(0xFFFFFFFF)
    return folded


def shingle_words(text: str) -> list[str]:
    """``_PUNCTUATION.sub(" ", text.lower()).split()``, faster: the ASCII marks become spaces
    in one ``bytes.translate`` over the UTF-8 (multi-byte sequences hold no ASCII byte), the
    few others by ``str.replace`` when present."""
    spaced = (
        text.lower()
        .encode("utf-8", "surrogatepass")
        .translate(_ASCII_PUNCTUATION_TO_SPACE)
        .decode("utf-8", "surrogatepass")
    )
    for mark in _OTHER_PUNCTUATION:
        if mark in spaced:
            spaced = spaced.replace(mark, " ")
    return spaced.split()


@dataclass(frozen=True)
class BodyPrint:
    """What duplicate detection needs of one body, computed where the body is made (a pool
    worker), so that the serial part of a corpus load only compares: the identity of the
    shingle sequence, the sorted distinct shingles and their MinHash signature."""

    identity: bytes  # b"" for a body too short to match anything
    distinct: np.ndarray
    signature: np.ndarray


_NO_PRINT = BodyPrint(b"", _EMPTY, _EMPTY)


def distinct_values(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for a one-dimensional array — the sorted distinct values — by a
    sort and a comparison of neighbours: several times faster than ``np.unique``'s general
    path on arrays of a few hundred shingles."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _identity(shingles: np.ndarray) -> bytes:
    return hashlib.blake2b(shingles.tobytes(), digest_size=16).digest()


def body_print(body: str) -> BodyPrint:
    """The ``BodyPrint`` of a document body (the same shingles ``find_duplicates`` takes)."""
    shingles = shingle_hashes(body)
    if not len(shingles):
        return _NO_PRINT
    distinct = distinct_values(shingles)
    return BodyPrint(_identity(shingles), distinct, _signature_values(distinct))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle-hash arrays (as sets)."""
    if not len(a) or not len(b):
        return 0.0
    return _unique_jaccard(distinct_values(a), distinct_values(b))


def _similar(a: np.ndarray, b: np.ndarray) -> bool:
    """Jaccard ≥ ``JACCARD_THRESHOLD`` for two arrays of distinct values; sizes too far apart
    rule it out without a comparison (Jaccard ≤ smaller / larger)."""
    small, large = sorted((len(a), len(b)))
    return small >= JACCARD_THRESHOLD * large and _unique_jaccard(a, b) >= JACCARD_THRESHOLD


def _unique_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two arrays of distinct values."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


# datasketch's "legacy" permutations h -> ((a*h + b) mod (2**61 - 1)) & (2**32 - 1), applied to a
# whole document at once with numpy (the same values MinHash(scheme="legacy").update_batch gives,
# without a Python call per shingle).
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_CHUNK = 20_000


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) permutation columns of datasketch's legacy MinHash for ``SEED``, drawn the way
    datasketch draws them (a test compares the two): importing datasketch pulls in SciPy, over a
    second of a load's serial part, for two arrays."""
    generator = np.random.RandomState(SEED)
    pairs = [
        (
            generator.randint(1, _PRIME, dtype=np.uint64),
            generator.randint(0, _PRIME, dtype=np.uint64),
        )
        for _ in range(NUM_PERM)
    ]
    a, b = np.array(pairs, dtype=np.uint64).T
    return a.reshape(-1, 1), b.reshape(-1, 1)


def _mod_mersenne(x: np.ndarray) -> np.ndarray:
    """``x % (2**61 - 1)`` for uint64 arrays, without a division (exactly equal)."""
    y = (x & _PRIME) + (x >> np.uint64(61))
    return np.where(y >= _PRIME, y - _PRIME, y)


def _signature_values(shingle_set: np.ndarray) -> np.ndarray:
    """The ``NUM_PERM`` MinHash values of a non-empty shingle-hash array: ``_mod_mersenne`` and
    the mask computed in place on one buffer per chunk (the same values, less memory traffic).
    The folded sum reaches the prime only when the low 61 bits of a product are nearly all ones
    (a few in 2**58): one maximum tells whether any value needs the subtraction."""
    a, b = _permutations()
    values = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    shift = np.uint64(61)
    for start in range(0, len(shingle_set), _CHUNK):
        chunk = shingle_set[start : start + _CHUNK].reshape(1, -1)
        x = np.multiply(a, chunk)  # wraps modulo 2**64, like datasketch
        x += b
        high = x >> shift
        x &= _PRIME
        x += high
        if x.max() >= _PRIME:
            np.subtract(x, _PRIME, out=x, where=x >= _PRIME)
        x &= _MAX_HASH
        np.minimum(values, x.min(axis=1), out=values)
    return values


def similar_pairs(
    sets: Sequence[np.ndarray], signatures: Sequence[np.ndarray] | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose shingle sets have Jaccard ≥ ``JACCARD_THRESHOLD``.

    ``signatures`` — ``_signature_values`` of each set's distinct values — may be given when they
    were computed already (a set given as its sorted distinct values is then used as it is)."""
    usable = [i for i, s in enumerate(sets) if len(s)]
    if len(usable) < 2:
        return []
    if len(usable) <= EXHAUSTIVE_MAX:
        return _all_similar_pairs(sets, usable)
    return _indexed_similar_pairs(sets, usable, signatures)


def _all_similar_pairs(sets: Sequence[np.ndarray], usable: list[int]) -> list[tuple[int, int]]:
    """Every pair checked exactly; pairs whose set sizes alone rule the threshold out are
    skipped (Jaccard ≤ smaller / larger)."""
    unique = {i: distinct_values(sets[i]) for i in usable}
    pairs: list[tuple[int, int]] = []
    for position, i in enumerate(usable):
        for j in usable[position + 1 :]:
            if _similar(unique[i], unique[j]):
                pairs.append((i, j))
    return pairs


# ``MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)`` cuts signatures into 14 bands of 4
# rows (its optimum of false-positive and false-negative probabilities; a test checks these
# numbers against it). Fixed here: datasketch computes them with SciPy, a second to import.
LSH_BANDS, LSH_ROWS = 14, 4


def _bands() -> tuple[tuple[int, int], ...]:
    """The signature slices (bands) ``datasketch.MinHashLSH`` uses for ``LSH_THRESHOLD``."""
    return tuple((band * LSH_ROWS, (band + 1) * LSH_ROWS) for band in range(LSH_BANDS))


def _band_candidates(values: np.ndarray) -> dict[int, set[int]]:
    """row → the later rows sharing a whole band of signature values with it: the pairs a
    ``MinHashLSH`` index of these signatures proposes (it keys its buckets by a band's bytes),
    found by sorting each band's rows instead of one index query per document."""
    later: dict[int, set[int]] = {}
    for start, end in _bands():
        band = np.ascontiguousarray(values[:, start:end])
        keys = band.view(np.dtype((np.void, band.itemsize * (end - start)))).ravel()
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        if counts.max(initial=0) < 2:
            continue
        order = np.argsort(inverse.ravel(), kind="stable")
        starts = np.cumsum(counts) - counts
        for group in np.flatnonzero(counts >= 2).tolist():  # singletons propose no pair
            members = order[starts[group] : starts[group] + counts[group]]
            rows = sorted(members.tolist())
            for position, row in enumerate(rows[:-1]):
                later.setdefault(row, set()).update(rows[position + 1 :])
    return later


def _indexed_similar_pairs(
    sets: Sequence[np.ndarray],
    usable: list[int],
    signatures: Sequence[np.ndarray] | None = None,
) -> list[tuple[int, int]]:
    """Candidate pairs from MinHash LSH banding, confirmed with the exact Jaccard similarity.

    Each document's candidates are checked at once: their distinct shingles are looked up in
    the document's sorted distinct shingles (``searchsorted``), which counts every intersection
    exactly in one pass.  With ``signatures`` (see ``similar_pairs``) the sets are already
    sorted and distinct and their signatures are not computed again."""
    if signatures is None:
        unique = [distinct_values(sets[i]) for i in usable]
        values = np.stack([_signature_values(u) for u in unique])
    else:
        unique = [sets[i] for i in usable]
        values = np.stack([signatures[i] for i in usable])
    sizes = np.array([len(u) for u in unique], dtype=np.int64)
    candidates = _band_candidates(values)
    counts = _candidate_bucket_counts(unique, candidates)
    rows, others = _candidate_arrays(candidates)
    # sizes too far apart rule a pair out (Jaccard <= smaller / larger)
    small = np.minimum(sizes[rows], sizes[others])
    large = np.maximum(sizes[rows], sizes[others])
    near = small >= JACCARD_THRESHOLD * large
    rows, others = rows[near], others[near]
    rows, others = _within_bound(rows, others, sizes, counts)
    pairs: list[tuple[int, int]] = []
    for row, group in _by_row(rows, others):
        common = _common_counts(unique[row], [unique[k] for k in group.tolist()])
        union = sizes[row] + sizes[group] - common
        similar = common / union >= JACCARD_THRESHOLD
        pairs.extend((usable[row], usable[k]) for k in group[similar].tolist())
    return sorted(pairs)


PAIR_BLOCK = 4096  # candidate pairs whose bucket counts are compared at once (bounds memory)


def _candidate_arrays(candidates: dict[int, set[int]]) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs as two aligned arrays (row, later row), by row then later row."""
    rows: list[int] = []
    others: list[int] = []
    for row, later in sorted(candidates.items()):
        ordered = sorted(later)
        rows.extend([row] * len(ordered))
        others.extend(ordered)
    return np.array(rows, dtype=np.int64), np.array(others, dtype=np.int64)


def _within_bound(
    rows: np.ndarray, others: np.ndarray, sizes: np.ndarray, counts: _RowCounts
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose upper bound of the intersection (per hash bucket, the smaller count)
    allows the threshold: Jaccard grows with the intersection, so a bound below the threshold
    means the pair is below it too — most candidates are ruled out without their shingles.
    Computed for a block of pairs at a time, all in numpy."""
    keep = np.zeros(len(rows), dtype=bool)
    for start in range(0, len(rows), PAIR_BLOCK):
        row, other = rows[start : start + PAIR_BLOCK], others[start : start + PAIR_BLOCK]
        bound = np.minimum(counts[other], counts[row]).sum(axis=1, dtype=np.int64)
        keep[start : start + len(row)] = (
            bound / (sizes[row] + sizes[other] - bound) >= JACCARD_THRESHOLD
        )
    return rows[keep], others[keep]


def _by_row(rows: np.ndarray, others: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """(row, its later rows) for pairs sorted by row."""
    if not len(rows):
        return []
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    ends = np.r_[starts[1:], len(rows)]
    return [
        (int(rows[a]), others[a:b]) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
    ]


BUCKETS = 1024  # shingle-hash buckets of the intersection bound


class _RowCounts:
    """``_bucket_counts`` of some rows only, indexed by the rows' numbers among all sets."""

    def __init__(self, unique: list[np.ndarray], rows: list[int]) -> None:
        self.position = np.full(len(unique), -1, dtype=np.intp)
        self.position[rows] = np.arange(len(rows), dtype=np.intp)
        self.counts = _bucket_counts([unique[row] for row in rows])

    def __getitem__(self, rows: int | np.ndarray) -> np.ndarray:
        return self.counts[self.position[rows]]


def _candidate_bucket_counts(
    unique: list[np.ndarray], candidates: dict[int, set[int]]
) -> _RowCounts:
    """The bucket counts of the documents in candidate pairs: a few of a large corpus, whose
    full documents × ``BUCKETS`` table costs more to count than all the checks it serves."""
    rows = sorted(set(candidates).union(*candidates.values())) if candidates else []
    return _RowCounts(unique, rows)


def _bucket_counts(unique: list[np.ndarray]) -> np.ndarray:
    """documents × ``BUCKETS``: how many of each document's distinct shingles fall in each
    bucket (the hash's low bits); the smallest type that holds the largest count."""
    mask = np.uint64(BUCKETS - 1)
    if not unique:
        return np.zeros((0, BUCKETS), dtype=np.uint8)
    # one bincount over all documents: document number * BUCKETS + bucket
    owner = np.repeat(np.arange(len(unique), dtype=np.intp), [len(u) for u in unique])
    buckets = (np.concatenate(unique) & mask).astype(np.intp)
    counts = np.bincount(owner * BUCKETS + buckets, minlength=len(unique) * BUCKETS).reshape(
        len(unique), BUCKETS
    )
    largest = int(counts.max(initial=0))
    return counts.astype(
        np.uint8 if largest <= 255 else np.uint16 if largest <= 65535 else np.int64
    )


def _common_counts(own: np.ndarray, others: list[np.ndarray]) -> np.ndarray:
    """How many values of each array of distinct values in ``others`` the sorted distinct
    values ``own`` hold."""
    lengths = np.array([len(o) for o in others], dtype=np.int64)
    joined = np.concatenate(others)
    owner = np.repeat(np.arange(len(others)), lengths)
    at = np.searchsorted(own, joined)
    np.minimum(at, len(own) - 1, out=at)
    found = own[at] == joined
    return np.bincount(owner[found], minlength=len(others))


def _identical_pairs(sets: Sequence[np.ndarray]) -> list[tuple[int, int]]:
    """(first, later) for bodies with identical shingles: found by hashing, so that thousands of
    copies of one page never reach the pairwise check."""
    return _equal_identities([_identity(s) if len(s) else b"" for s in sets])


def _equal_identities(identities: Sequence[bytes]) -> list[tuple[int, int]]:
    """(first, later) for equal non-empty identities (see ``_identical_pairs``)."""
    first_of: dict[bytes, int] = {}
    pairs: list[tuple[int, int]] = []
    for i, key in enumerate(identities):
        if not key:
            continue
        if key in first_of:
            pairs.append((first_of[key], i))
        else:
            first_of[key] = i
    return pairs


def _print_pairs(prints: Sequence[BodyPrint]) -> list[tuple[int, int]]:
    """The pairs ``find_duplicates`` groups, from precomputed ``BodyPrint``s: identical bodies
    by identity, then similar ones among the first of each identity."""
    pairs = _equal_identities([p.identity for p in prints])
    copies = {later for _, later in pairs}
    sets = [_EMPTY if i in copies else p.distinct for i, p in enumerate(prints)]
    return pairs + similar_pairs(sets, [p.signature for p in prints])


def _groups(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Union–find: the representative index of each item's group."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(n)]


def _order_keys(
    documents: pd.DataFrame, rows: list[int]
) -> dict[int, tuple[bool, pd.Timestamp, str]]:
    """Sort key of each of ``rows`` (positions): dated first, then earliest ``published``, then
    smallest ``doc_id``.  Only the rows of duplicate groups need one: a few of a large corpus."""
    published = (
        pd.to_datetime(documents["published"], errors="coerce")
        if "published" in documents
        else pd.Series(pd.NaT, index=documents.index)
    )
    ids = list(
        documents["doc_id"].astype("str") if "doc_id" in documents else documents.index.astype(str)
    )
    keys = {}
    for row in rows:
        when, doc_id = published.iloc[row], ids[row]
        undated = pd.isna(when)
        keys[row] = (undated, pd.Timestamp.min if undated else when, str(doc_id))
    return keys


def find_duplicates(
    documents: pd.DataFrame,
    shingles: Sequence[np.ndarray] | None = None,
    prints: Sequence[BodyPrint] | None = None,
) -> pd.Series:
    """``duplicate_of`` for each document row (null for originals), aligned to ``documents``.

    ``shingles`` — ``shingle_hashes(body)`` of each row, in row order — or better ``prints`` —
    ``body_print(body)`` of each row — may be given when they were computed already (by the
    worker processes that cleaned the bodies, so that the serial part of a corpus load neither
    hashes every body again nor computes its signature)."""
    result = pd.Series(
        [None] * len(documents), index=documents.index, dtype="str", name="duplicate_of"
    )
    if len(documents) < 2 or "body" not in documents:
        return result
    if prints is not None and len(prints) == len(documents):
        pairs = _print_pairs(prints)
    else:
        if shingles is not None and len(shingles) == len(documents):
            sets = list(shingles)
        else:
            bodies = documents["body"].fillna("").astype("str").tolist()
            sets = [shingle_hashes(body) for body in bodies]
        pairs = _identical_pairs(sets)
        copies = {later for _, later in pairs}
        pairs += similar_pairs([_EMPTY if i in copies else s for i, s in enumerate(sets)])
    if not pairs:
        return result
    members: dict[int, list[int]] = {}
    for i, root in enumerate(_groups(len(documents), pairs)):
        members.setdefault(root, []).append(i)
    groups = [group for group in members.values() if len(group) >= 2]
    keys = _order_keys(documents, sorted(i for group in groups for i in group))
    values: list[str | None] = [None] * len(documents)
    for group in groups:
        original = min(group, key=keys.__getitem__)
        for i in group:
            if i != original:
                values[i] = keys[original][2]
    return pd.Series(values, index=documents.index, dtype="str", name="duplicate_of")
