"""What a report says, computed from a small synthetic corpus with known answers."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from analysis.corpus import Corpus
from analysis.knowledge import load_knowledge
from analysis.report import charts, html, narrative, style
from analysis.tables import build_table

BODY_PROPOSAL = (
    "Russia proposed joint strikes on Friday. "
    "The Pentagon rejected the idea <script>alert(1)</script> at once."
)
BODY_STRIKE = (
    "Moscow said US and Russian jets struck together near al-Bab. "
    "The Pentagon denied any coordination."
)
BODY_CHECK = "Fact check: the claim of a joint strike is False."
HOSTILE = "The Pentagon rejected the idea <script>alert(1)</script> at once."


def _document(doc_id, body, outlet, outlet_type, published, duplicate_of=None, title=None):
    return {
        "doc_id": doc_id,
        "path": f"/elsewhere/{doc_id}.txt",
        "sha256": "0" * 64,
        "encoding": "utf-8",
        "outlet": outlet,
        "outlet_type": outlet_type,
        "kind": "article",
        "title": title or f"Report {doc_id}",
        "published": published,
        "published_precision": "day",
        "language": "en",
        "duplicate_of": duplicate_of,
        "n_chars": len(body),
        "body": body,
    }


def _claim(claim_id, doc_id, body, text, actor, side, stance, when, precision="day", verdict=None):
    start = body.index(text)
    return {
        "claim_id": claim_id,
        "doc_id": doc_id,
        "actor": actor,
        "side": side,
        "stance": stance,
        "cameo": "0312",
        "date": when,
        "date_precision": precision,
        "text": text,
        "start": start,
        "end": start + len(text),
        "verdict": verdict,
        "topics": ["joint-strikes"],
    }


def synthetic_corpus() -> Corpus:
    """Two episodes (May 2016 proposal/rejection; Jan 2017 strike claim/denial/rating), one
    syndicated copy, one month-precise date, one failed file."""
    documents = [
        _document("a", BODY_PROPOSAL, "Stars and Stripes", "military", date(2016, 5, 21)),
        _document("b", BODY_STRIKE, "TASS", "state media", date(2017, 1, 23)),
        _document("b2", BODY_STRIKE, "Sputnik", "state media", date(2017, 1, 24), "b"),
        _document("c", BODY_CHECK, "Polygraph", "fact-checker", date(2017, 1, 30)),
    ]
    claims = [
        _claim("a:c1", "a", BODY_PROPOSAL, "Russia proposed joint strikes on Friday.",
               "Sergei Shoigu", "Russia", "proposes", date(2016, 5, 20)),
        _claim("a:c2", "a", BODY_PROPOSAL, HOSTILE, "Jeff Davis", "US", "rejects",
               date(2016, 5, 20)),
        _claim("b:c1", "b", BODY_STRIKE,
               "Moscow said US and Russian jets struck together near al-Bab.",
               "Russian Ministry of Defence", "Russia", "asserts", date(2017, 1, 22),
               verdict="False"),
        _claim("b:c2", "b", BODY_STRIKE, "The Pentagon denied any coordination.", "Pentagon",
               "US", "denies", date(2017, 1, 1), "month"),
        _claim("b2:c1", "b2", BODY_STRIKE,
               "Moscow said US and Russian jets struck together near al-Bab.",
               "Russian Ministry of Defence", "Russia", "asserts", date(2017, 1, 22)),
    ]  # fmt: skip
    problems = [{"doc_id": "broken", "path": "/elsewhere/broken.txt", "reason": "empty",
                 "detail": "the file holds no text"}]  # fmt: skip
    empty = {name: build_table(name, []) for name in ("comments", "links", "quotes", "events")}
    return Corpus(
        documents=build_table("documents", documents),
        claims=build_table("claims", claims),
        problems=build_table("problems", problems),
        knowledge=load_knowledge(),
        **empty,
    )


def empty_corpus() -> Corpus:
    tables = {
        name: build_table(name, []) for name in Corpus.__dataclass_fields__ if name != "knowledge"
    }
    return Corpus(**tables, knowledge=load_knowledge())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return synthetic_corpus()


def test_chain_reads_proposal_before_rejection_and_rating_after_assertion(corpus):
    chain = narrative.position_chain_table(corpus)
    assert list(chain["step"]) == [
        "proposed", "rejected", "denied", "asserted", "rated False",
    ]  # fmt: skip
    assert list(chain["claim_id"]) == ["a:c1", "a:c2", "b:c2", "b:c1", "b:c1"]
    assert chain["proposition"].nunique() == 2
    assert chain.loc[4, "speaker"] == "TASS"  # no reviewer named: the outlet that carried it
    assert chain.loc[0, "evidence"] == "ev-a-c1"


def test_chain_leaves_out_syndicated_copies(corpus):
    assert "b2:c1" not in set(narrative.position_chain_table(corpus)["claim_id"])


def test_dispute_pairs_assertion_with_denial_of_same_episode(corpus):
    disputes = narrative.dispute_table(corpus)
    assert list(zip(disputes["assert_id"], disputes["deny_id"], strict=True)) == [("b:c1", "b:c2")]
    assert disputes.loc[0, "asserted"].startswith("Russian Ministry of Defence (Russia), TASS")


def test_episodes_split_on_a_gap_of_more_than_thirty_days(corpus):
    claims = narrative.original_claims(corpus).set_index("claim_id")
    assert claims.loc["a:c1", "proposition"] == claims.loc["a:c2", "proposition"]
    assert claims.loc["b:c1", "proposition"] == claims.loc["b:c2", "proposition"]
    assert claims.loc["a:c1", "proposition"] != claims.loc["b:c1", "proposition"]


def test_speakers_are_listed_by_side_in_schema_order(corpus):
    speakers = narrative.speakers_table(corpus)
    assert list(speakers["side"]) == ["US", "US", "Russia", "Russia"]
    assert list(speakers["speaker"]) == [
        "Jeff Davis", "Pentagon", "Russian Ministry of Defence", "Sergei Shoigu",
    ]  # fmt: skip


def test_outlet_coverage_counts_a_syndicated_copy_once(corpus):
    coverage = narrative.outlet_coverage_table(corpus).set_index("outlet type")
    state = coverage.loc["state media"]
    assert (state["documents"], state["syndicated copies"], state["claims"]) == (1, 1, 2)
    assert state["outlets"] == "Sputnik, TASS"


def test_headline_numbers(corpus):
    assert narrative.headline_numbers(corpus, corpus) == {
        "documents": 3,
        "syndicated_copies": 1,
        "outlets": 4,
        "claims": 4,
        "speakers": 4,
        "sides": 2,
        "disputes": 1,
        "rated_claims": 1,
        "failed_documents": 1,
        "first_claim": "2016-05-20",
        "last_claim": "2017-01-22",
        "first_claim_shown": "20 May 2016",
        "last_claim_shown": "22 Jan 2017",
    }


def test_caveats_count_month_dates_single_sources_and_failed_files(corpus):
    counts = narrative.caveat_counts(corpus, corpus)
    assert counts == {
        "month_dates": 1,
        "undated": 0,
        "single_source": 4,
        "failed_documents": 1,
        "bad_offsets": 0,
    }
    assert "broken.txt" in narrative.caveats_section(corpus, corpus)


def test_evidence_offsets_point_at_the_quote(corpus):
    evidence = narrative.evidence_table(corpus)
    assert evidence["offsets_ok"].all()
    assert list(evidence["claim_id"]) == ["a:c1", "a:c2", "b:c2", "b2:c1", "b:c1"]
    assert evidence.loc[3, "copy_of"] == "b"
    assert evidence.loc[0, "file"] == "a.txt"  # outside the project: the name only


def test_document_text_is_escaped_in_every_section(corpus):
    sections = [
        narrative.chain_section(corpus),
        narrative.evidence_section(corpus),
        narrative.disputes_section(corpus),
        narrative.documents_section(corpus),
    ]
    page = "".join(sections)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in narrative.evidence_section(corpus)
    assert 'id="ev-a-c2"' in page
    assert 'href="#ev-a-c2"' in page


def test_findings_give_the_numbers_in_words(corpus):
    numbers = narrative.headline_numbers(corpus, corpus)
    text = narrative.findings_markdown(numbers, corpus)
    assert text.startswith("Between 20 May 2016 and 22 Jan 2017, 4 named speakers from 2 sides")
    assert "4 claims" in text
    assert "1 syndicated copy" in text
    assert "1 dispute" in text


def test_an_empty_selection_renders_every_section_with_a_message():
    empty = empty_corpus()
    numbers = narrative.headline_numbers(empty, empty)
    assert numbers["claims"] == 0
    assert numbers["first_claim"] is None
    assert narrative.findings_markdown(numbers, empty).startswith(narrative.NO_CLAIMS)
    for section in (
        narrative.chain_section(empty),
        narrative.speakers_section(empty),
        narrative.evidence_section(empty),
        charts.timeline_section(empty),
        charts.matrix_section(empty),
        charts.outlets_chart_section(empty),
    ):
        assert narrative.NO_CLAIMS in section
    assert "No assertion" in narrative.disputes_section(empty)


def test_charts_embed_svg_that_is_identical_from_run_to_run(corpus):
    first = charts.timeline_section(corpus)
    assert first.startswith('<figure class="chart"><img src="data:image/svg+xml;base64,')
    assert first == charts.timeline_section(corpus)
    svg = charts.figure_svg(charts.stance_side_matrix_chart(corpus))
    assert "<dc:date>" not in svg
    assert "4 dated claims" in charts.timeline_caption(corpus)


def test_timeline_draws_one_mark_per_dated_claim(corpus):
    figure = charts.timeline_chart(corpus)
    offsets = [len(c.get_offsets()) for c in figure.axes[0].collections]
    assert sum(offsets) == 4
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Russia", "US"]


def test_html_table_escapes_headers_and_cells():
    frame = pd.DataFrame({"<b>col</b>": ["<img src=x onerror=alert(1)>"]})
    table = html.table(frame)
    assert "<img" not in table
    assert "<b>" not in table
    assert "&lt;img src=x onerror=alert(1)&gt;" in table


def test_markdown_escaping_neutralises_markup():
    assert html.md("<script>*x*</script>") == "&lt;script&gt;\\*x\\*&lt;/script&gt;"
    assert html.md(None) == ""


def test_original_claims_is_computed_once_but_follows_a_replaced_table():
    corpus = synthetic_corpus()
    first = narrative.original_claims(corpus)
    first["stance"] = "changed by the caller"
    assert "changed by the caller" not in set(narrative.original_claims(corpus)["stance"])
    corpus.claims = corpus.claims.iloc[:1]
    assert len(narrative.original_claims(corpus)) == 1


def test_a_chart_laid_out_before_saving_gives_the_bytes_savefig_gives_with_its_engine(corpus):
    laid_out, plain = charts.timeline_chart(corpus), charts.timeline_chart(corpus)
    svg = style.figure_svg(laid_out)
    assert laid_out.get_layout_engine() is None
    buffer = io.StringIO()
    with style.report_style():
        plain.savefig(buffer, format="svg", metadata=style.SVG_METADATA)
    assert svg == buffer.getvalue()


def test_chart_labels_name_two_fonts_only(corpus):
    svg = charts.figure_svg(charts.outlet_stance_chart(corpus))
    assert "font-family: 'DejaVu Sans', sans-serif" in svg
    assert "Bitstream Vera Sans" not in svg


def test_disputes_and_evidence_are_computed_once_per_corpus(corpus):
    first = narrative.evidence_table(corpus)
    first["quote"] = "changed by the caller"
    assert "changed by the caller" not in set(narrative.evidence_table(corpus)["quote"])
    assert narrative.dispute_table(corpus).equals(narrative.dispute_table(corpus))


def test_findings_name_a_single_month_once_and_a_side_speaking_for_itself_once(corpus):
    numbers = narrative.headline_numbers(corpus, corpus)
    numbers = {**numbers, "last_claim_shown": numbers["first_claim_shown"]}
    text = narrative.findings_markdown(numbers, corpus)
    assert text.startswith(f"In {numbers['first_claim_shown']}, ")
    assert "Russia (Russia)" not in text
