"""Outlet names found in a page: each character belongs to at most one hit, however many hits."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from analysis.knowledge import load_knowledge
from analysis.metadata import _hits, _Spans, outlet_index


def test_a_span_overlapping_one_taken_before_is_refused_and_a_touching_one_taken():
    spans = _Spans()
    assert spans.add(10, 20)
    assert spans.add(30, 40)
    assert not spans.add(15, 25)  # overlaps the first
    assert not spans.add(5, 11)
    assert not spans.add(12, 18)  # inside the first
    assert not spans.add(0, 50)  # covers both
    assert spans.add(20, 30)  # touches both, overlaps neither
    assert spans.add(0, 10)
    assert not spans.add(39, 41)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=40))
def test_spans_take_what_a_check_against_every_taken_span_takes(candidates):
    spans, taken = _Spans(), []
    for start, length in candidates:
        end = start + length
        free = not any(a < end and start < b for a, b in taken)
        assert spans.add(start, end) == free
        if free:
            taken.append((start, end))


def test_a_page_of_thousands_of_short_lines_naming_outlets_keeps_every_hit():
    index = outlet_index(load_knowledge())
    lines = ["Reuters", "said", "(AP)", "TASS", "Sputnik News", "Share"] * 3000
    hits = _hits("\n".join(lines), index)
    assert len(hits) == 4 * 3000  # every name once; "Sputnik News" is one hit, not two
    assert all(a[3] <= b[2] for a, b in pairwise(hits))
