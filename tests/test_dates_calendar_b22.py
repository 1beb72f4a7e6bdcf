"""Calendar knowledge prompted by blind batch 22: the Hamburg ceasefire of 7 July 2017 named by
its provinces or by the city where it was announced orders a day/month stamp."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.dates import infer_published
from analysis.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.mark.parametrize(
    "sentence",
    [
        "The truce agreed on Friday with Jordan covers Daraa and Quneitra, officials said.",
        "The ceasefire announced on Friday in Hamburg applies to the southwest of the country.",
        "Trump and Putin met on Friday in Hamburg and talked about the war for two hours.",
    ],
)
def test_the_hamburg_deal_orders_an_ambiguous_day_month_stamp(kb, sentence):
    body = f"{sentence}\n\nNeither side said how the lines would be watched."
    found = infer_published(["Published: 11/07/2017 · 09:20"], body, [], kb=kb)
    assert (found.date, found.precision) == (date(2017, 7, 11), "day")


def test_a_truce_in_another_province_is_not_the_hamburg_deal(kb):
    body = "The truce agreed on Friday covers Idlib, officials said.\n\nNothing else was said."
    found = infer_published(["Published: 11/07/2017 · 09:20"], body, [], kb=kb)
    assert found.date != date(2017, 7, 11) or found.precision != "day"
