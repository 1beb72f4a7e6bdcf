"""Near-duplicate detection: syndicated copies point at the earliest original."""

from __future__ import annotations

import random
import time

import numpy as np
import pandas as pd
import pytest
from datasketch import LeanMinHash, MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import dedup
from analysis.dedup import NUM_PERM, SEED, find_duplicates, jaccard, shingle_hashes

WIRE = """Russia's Defence Ministry said on Wednesday it was ready to hold talks with the Pentagon on \
avoiding incidents between their aircraft over Syria, a week after Russia began air strikes there.

Deputy Defence Minister Anatoly Antonov told reporters the ministry had studied the U.S. proposals \
received last week and would send its own ideas to Washington within days.

"We are ready to meet the American side at the expert level, but we are not talking about joint \
operations," Antonov said.

U.S. Defense Secretary Ash Carter said on Tuesday that any talks with Moscow would be limited to \
the safety of pilots and that Washington would not cooperate with a Russian campaign it called \
fundamentally flawed.

Russian warships in the Caspian Sea fired cruise missiles at targets in Syria earlier on \
Wednesday, the ministry said, in what officials described as a demonstration of long-range \
capability."""

COPY = (
    "This story was first published by our wire partner and is republished with permission.\n\n"
    + WIRE.replace("fundamentally flawed", "“fundamentally flawed”").replace(
        "Deputy Defence Minister", "Deputy Defense Minister"
    )
    + "\n\nFollow us on Twitter and Facebook for the latest world news. Share this article."
)

OTHER = """The Pentagon rejected a Russian proposal on Friday to stage joint air strikes against \
the Nusra Front in Syria, saying the two militaries would not coordinate operations. A spokesman \
said the only contact between them concerned the safety of pilots under an agreement reached last \
October, and that military-to-military relations had been suspended since the annexation of \
Crimea. Russian officials said the offer remained on the table and accused Washington of \
shielding militants who had refused to observe the ceasefire."""


def _frame(rows):
    return pd.DataFrame(rows, columns=["doc_id", "published", "body"])


def test_syndicated_copy_points_at_the_earlier_original():
    docs = _frame(
        [
            ("b_copy", pd.Timestamp("2015-10-08"), COPY),
            ("a_wire", pd.Timestamp("2015-10-07"), WIRE),
            ("c_other", pd.Timestamp("2016-05-20"), OTHER),
        ]
    )
    result = find_duplicates(docs)
    assert result.name == "duplicate_of"
    assert result.index.equals(docs.index)
    assert result.isna().tolist() == [False, True, True]
    assert result.iloc[0] == "a_wire"


def test_same_day_copies_point_at_the_smallest_doc_id_and_undated_ones_lose():
    docs = _frame(
        [
            ("z_wire", pd.Timestamp("2015-10-07"), WIRE),
            ("m_copy", pd.Timestamp("2015-10-07"), COPY),
            ("a_undated", pd.NaT, COPY),
        ]
    )
    assert find_duplicates(docs).fillna("-").tolist() == ["m_copy", "-", "m_copy"]


def test_copy_and_original_are_similar_but_other_stories_are_not():
    wire, copy, other = (shingle_hashes(t) for t in (WIRE, COPY, OTHER))
    assert jaccard(wire, copy) > 0.75
    assert jaccard(wire, other) < 0.05


def test_short_or_empty_bodies_never_match():
    short = "Russia proposed joint strikes. The Pentagon said no."
    docs = _frame(
        [
            ("a", pd.Timestamp("2016-05-20"), short),
            ("b", pd.Timestamp("2016-05-21"), short),
            ("c", pd.NaT, ""),
            ("d", pd.NaT, None),
        ]
    )
    assert find_duplicates(docs).isna().all()
    assert len(shingle_hashes(short)) == 0


def test_alignment_with_a_non_default_index_and_determinism():
    docs = _frame(
        [
            ("a_wire", pd.Timestamp("2015-10-07"), WIRE),
            ("b_copy", pd.Timestamp("2015-10-08"), COPY),
        ]
    )
    docs.index = [10, 20]
    first = find_duplicates(docs)
    assert list(first.index) == [10, 20]
    assert first.fillna("-").tolist() == ["-", "a_wire"]
    assert find_duplicates(docs).fillna("-").tolist() == first.fillna("-").tolist()


def test_empty_and_single_frames():
    assert len(find_duplicates(_frame([]))) == 0
    assert find_duplicates(_frame([("a", pd.NaT, WIRE)])).isna().all()


def test_thousands_of_documents_stay_fast():
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(3000)]
    bodies = [" ".join(rng.choice(vocabulary) for _ in range(250)) for _ in range(2000)]
    bodies[1500] = "A new introduction line. " + bodies[42] + " A different footer."
    docs = pd.DataFrame(
        {"doc_id": [f"d{i:05d}" for i in range(2000)], "published": pd.NaT, "body": bodies}
    )
    start = time.perf_counter()
    result = find_duplicates(docs)
    elapsed = time.perf_counter() - start
    assert result.notna().sum() == 1
    assert result.iloc[1500] == "d00042"
    assert elapsed < 20  # measured ~1 s for 2,000 documents on a busy 2-core machine


def test_many_identical_pages_are_grouped_without_pairwise_explosion():
    docs = pd.DataFrame(
        {
            "doc_id": [f"p{i:04d}" for i in range(1500)],
            "published": pd.NaT,
            "body": [WIRE] * 1500,
        }
    )
    start = time.perf_counter()
    result = find_duplicates(docs)
    assert pd.isna(result.iloc[0])
    assert (result.iloc[1:] == "p0000").all()
    assert time.perf_counter() - start < 20  # measured well under a second


def signature(shingle_set: np.ndarray) -> LeanMinHash:
    """The package's MinHash values as datasketch's own signature object."""
    return LeanMinHash(seed=SEED, hashvalues=dedup._signature_values(shingle_set), scheme="legacy")


def test_numpy_signatures_equal_datasketch_minhash():
    hashes = shingle_hashes(WIRE)
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="legacy", hashfunc=int)
    reference.update_batch(hashes)
    assert np.array_equal(signature(hashes).hashvalues, reference.hashvalues)


def test_signatures_equal_datasketch_where_the_folded_sum_reaches_the_prime():
    """Shingles whose product with a permutation has 61 low bits of ones (the rare values that
    need a subtraction after folding) get datasketch's values too."""
    a, b = (column.ravel().tolist() for column in dedup._permutations())
    prime, mask = (1 << 61) - 1, (1 << 64) - 1
    rare = [
        ((target - b[k]) * pow(a[k], -1, 1 << 64)) & mask
        for k in range(NUM_PERM)
        if a[k] % 2  # invertible modulo 2**64
        for target in (prime, prime + (5 << 61))  # (a·h + b) mod 2**64 = these
    ]
    shingles = np.array([*rare, *shingle_hashes(WIRE)[:50].tolist()], dtype=np.uint64)
    expected = [
        min((((a[k] * h + b[k]) & mask) % prime) & 0xFFFFFFFF for h in shingles.tolist())
        for k in range(NUM_PERM)
    ]
    assert rare
    assert dedup._signature_values(shingles).tolist() == expected


def test_small_corpus_exact_pairs_equal_the_minhash_index_pairs():
    rng = random.Random(7)
    vocabulary = [f"term{i}" for i in range(400)]
    originals = [[rng.choice(vocabulary) for _ in range(120)] for _ in range(20)]
    bodies = [" ".join(words) for words in originals]
    for k in range(0, 20, 4):  # a copy of every fourth body with a new first sentence
        bodies.append(" ".join(["Breaking", "news", "from", "the", "wire", *originals[k][5:]]))
    sets = [shingle_hashes(body) for body in bodies]
    usable = [i for i, s in enumerate(sets) if len(s)]
    assert len(usable) <= dedup.EXHAUSTIVE_MAX
    exact = dedup.similar_pairs(sets)
    assert exact == [(0, 20), (4, 21), (8, 22), (12, 23), (16, 24)]
    assert dedup._indexed_similar_pairs(sets, usable) == exact


def test_band_candidates_are_the_pairs_a_minhash_lsh_index_proposes():
    from datasketch import MinHashLSH

    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(150)]
    stories = [[rng.choice(vocabulary) for _ in range(60)] for _ in range(40)]
    bodies = [" ".join(rng.choice(stories) + rng.choice(stories)) for _ in range(120)]
    sets = [np.unique(shingle_hashes(body)) for body in bodies]
    values = np.stack([signature(s).hashvalues for s in sets])
    lsh = MinHashLSH(threshold=dedup.LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, s in enumerate(sets):
        lsh.insert(i, signature(s))
    proposed = {(i, j) for i, s in enumerate(sets) for j in lsh.query(signature(s)) if j > i}
    found = {(i, j) for i, later in dedup._band_candidates(values).items() for j in later}
    assert found == proposed
    assert len(found) > 100  # the stories repeat: many pairs share a band


def test_intersection_bound_never_rules_out_a_similar_pair():
    from datasketch import MinHashLSH

    rng = random.Random(5)
    vocabulary = [f"v{i}" for i in range(300)]
    base = [rng.choice(vocabulary) for _ in range(400)]
    bodies = [" ".join(base)]
    for cut in range(5, 200, 15):  # copies ever less alike the original
        bodies.append(" ".join([*base[cut:], *(rng.choice(vocabulary) for _ in range(cut))]))
    bodies += [" ".join(rng.choice(vocabulary) for _ in range(400)) for _ in range(70)]
    sets = [shingle_hashes(body) for body in bodies]
    usable = [i for i, s in enumerate(sets) if len(s)]
    assert len(usable) > dedup.EXHAUSTIVE_MAX
    lsh = MinHashLSH(threshold=dedup.LSH_THRESHOLD, num_perm=NUM_PERM)
    for i in usable:
        lsh.insert(i, signature(sets[i]))
    confirmed = sorted(
        (i, j)
        for i in usable
        for j in lsh.query(signature(sets[i]))
        if j > i and dedup._similar(np.unique(sets[i]), np.unique(sets[j]))
    )
    assert dedup._indexed_similar_pairs(sets, usable) == confirmed
    assert (0, 1) in confirmed
    assert len(confirmed) >= 5


def test_shingles_computed_beforehand_give_the_same_result():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "body": [WIRE, "Breaking: " + WIRE + " More to follow.", "An unrelated short note."],
            "published": [None, None, None],
        }
    )
    shingles = [shingle_hashes(body) for body in docs["body"]]
    assert find_duplicates(docs, shingles).tolist() == find_duplicates(docs).tolist()
    assert find_duplicates(docs, shingles).iloc[1] == "a"


def test_minhash_permutations_are_datasketchs_legacy_ones():
    from datasketch import MinHash

    from analysis import dedup

    template = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="legacy")
    a, b = dedup._permutations()
    assert (a.ravel() == template.permutations[0]).all()
    assert (b.ravel() == template.permutations[1]).all()


def test_lsh_bands_are_the_ones_datasketch_chooses_for_the_threshold():
    from datasketch import MinHashLSH

    from analysis import dedup

    lsh = MinHashLSH(threshold=dedup.LSH_THRESHOLD, num_perm=dedup.NUM_PERM)
    assert dedup._bands() == tuple((int(s), int(e)) for s, e in lsh.hashranges)


def _syndicated_corpus(n_stories: int, seed: int) -> pd.DataFrame:
    """Random stories, some repeated word for word and some with a new first sentence."""
    rng = random.Random(seed)
    vocabulary = [f"s{i}" for i in range(500)]
    stories = [[rng.choice(vocabulary) for _ in range(90)] for _ in range(n_stories)]
    bodies = [" ".join(words) for words in stories]
    for k in range(0, n_stories, 5):
        bodies.append(" ".join(["Republished", "from", "the", "agency", *stories[k][4:]]))
        bodies.append(bodies[k])  # a verbatim copy
    bodies += ["Too short to compare.", ""]
    return pd.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(len(bodies))],
            "published": [
                pd.Timestamp("2016-01-01") + pd.Timedelta(days=i) for i in range(len(bodies))
            ],
            "body": bodies,
        }
    )


def test_body_prints_computed_beforehand_give_the_same_duplicates():
    for n_stories in (10, 90):  # the exhaustive check and the MinHash index
        docs = _syndicated_corpus(n_stories, seed=n_stories)
        prints = [dedup.body_print(body) for body in docs["body"]]
        expected = find_duplicates(docs)
        assert find_duplicates(docs, prints=prints).equals(expected)
        assert expected.notna().sum() == 2 * len(range(0, n_stories, 5))
        assert expected.iloc[n_stories + 1] == "d000"  # the verbatim copy of the first story


def test_body_print_of_a_short_body_matches_nothing():
    short = dedup.body_print("Too short to compare.")
    assert short.identity == b""
    assert len(short.distinct) == 0
    assert len(short.signature) == 0
    full = dedup.body_print(WIRE)
    assert len(full.identity) == 16
    assert (full.distinct == np.unique(shingle_hashes(WIRE))).all()
    assert (full.signature == dedup._signature_values(full.distinct)).all()


def test_bucket_counts_of_all_documents_at_once_equal_one_count_per_document():
    rng = np.random.default_rng(3)
    unique = [np.unique(rng.integers(0, 2**32, size=n, dtype=np.uint64)) for n in (1, 50, 900)]
    counts = dedup._bucket_counts(unique)
    mask = np.uint64(dedup.BUCKETS - 1)
    for row, values in zip(counts, unique, strict=True):
        expected = np.bincount((values & mask).astype(np.intp), minlength=dedup.BUCKETS)
        assert (row == expected).all()
    assert dedup._bucket_counts([]).shape == (0, dedup.BUCKETS)


def test_distinct_values_equal_numpy_unique():
    rng = np.random.default_rng(8)
    for size in (0, 1, 2, 7, 500):
        values = rng.integers(0, 50, size=size, dtype=np.uint64)
        expected = np.unique(values)
        found = dedup.distinct_values(values)
        assert found.dtype == expected.dtype
        assert found.tolist() == expected.tolist()


@pytest.mark.parametrize(
    "text",
    [
        "",
        WIRE,
        "Curly \u201cquotes\u201d, \u2018single\u2019 ones, \u00abguillemets\u00bb\u2014dashes\u2013and\u2026",
        "snake_case/path\\to|pipe #tag *bold* [link](url) {x} <y> a-b 'q' \"d\"",
        "non-breaking\u00a0space and a lone surrogate \ud800 and \u0130stanbul",
    ],
)
def test_shingle_words_split_as_the_punctuation_pattern_does(text):
    assert dedup.shingle_words(text) == dedup._PUNCTUATION.sub(" ", text.lower()).split()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), min_size=0, max_size=200))
def test_shingle_words_on_any_text(text):
    assert dedup.shingle_words(text) == dedup._PUNCTUATION.sub(" ", text.lower()).split()


def test_candidate_pairs_checked_in_blocks_give_the_same_pairs(monkeypatch):
    rng = np.random.default_rng(7)
    originals = [
        np.unique(rng.integers(0, 5000, int(rng.integers(50, 400))).astype(np.uint64))
        for _ in range(120)
    ]
    copies = [
        np.unique(
            np.concatenate([s[: len(s) * 3 // 4], rng.integers(0, 5000, 30).astype(np.uint64)])
        )
        for s in originals
    ]
    sets = originals + copies
    whole = dedup.similar_pairs(sets)
    monkeypatch.setattr(dedup, "PAIR_BLOCK", 3)
    assert dedup.similar_pairs(sets) == whole
    assert whole
    assert all(jaccard(sets[i], sets[j]) >= dedup.JACCARD_THRESHOLD for i, j in whole)
