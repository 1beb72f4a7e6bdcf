"""What a topic report says, computed from the corpus: findings, chains of positions, disputes,
speakers, outlets, caveats and the evidence table.

Functions named ``*_table`` return DataFrames (tested directly); ``*_section`` and ``*_markdown``
return HTML/Markdown in which every value taken from a document is escaped.
"""

from __future__ import annotations

import os
import pickle
import sys
import weakref
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.report import html
from analysis.report.inputs import (
    CACHE_ENV,
    HEADLINE_MIMETYPE,
    corpus_cache_path,
    display_path,
    write_corpus_cache,
)
from analysis.report.params import ALL_TOPICS, ReportParameters
from analysis.report.wording import (
    STANCE_ORDER,
    STEP_NAMES,
    format_date,
    plural,
    side_order,
)

if TYPE_CHECKING:
    from analysis.corpus import Corpus

PROPOSITION_GAP_DAYS = 30  # claims further apart than this belong to separate episodes
NO_CLAIMS = "No claims found for this topic in the selected period and sides."

STEP_ORDER = {stance: rank for rank, stance in enumerate(STANCE_ORDER)}
RATED_RANK = len(STANCE_ORDER)


# --- loading ------------------------------------------------------------------------------------


def load_report_corpus(params: ReportParameters) -> Corpus:
    """The full corpus for ``params.seeds_dir``; reused from ``$COORDINATION_CLAIMS_REPORT_CACHE``
    (written by the build) when its inputs are unchanged, so every report need not re-parse."""
    cache_dir = os.environ.get(CACHE_ENV)
    path = (
        corpus_cache_path(Path(cache_dir), params.seeds_dir, params.data_dir) if cache_dir else None
    )
    if path is not None and path.is_file():
        with path.open("rb") as handle:
            return pickle.load(handle)  # our own cache file, written by write_corpus_cache
    from analysis.corpus import load_corpus  # the pipeline's imports are paid only here

    corpus = load_corpus(params.seeds_dir, data_dir=params.data_dir)
    if path is None:
        return corpus
    write_corpus_cache(corpus, path)
    return corpus


def select_for_report(corpus: Corpus, params: ReportParameters) -> Corpus:
    """The corpus narrowed to the report's topic, period and sides."""
    topic = None if params.topic.name == ALL_TOPICS else params.topic.name
    return corpus.select(
        topic=topic,
        start=params.start.isoformat(),
        end=params.end.isoformat(),
        side=list(params.sides),
    )


# --- formatting helpers -------------------------------------------------------------------------


def _text_or(value: Any, fallback: str) -> str:
    return fallback if value is None or pd.isna(value) or not str(value).strip() else str(value)


def evidence_anchor(claim_id: Any) -> str:
    return html.anchor_id("ev", claim_id)


# --- tables -------------------------------------------------------------------------------------


def claims_with_documents(corpus: Corpus) -> pd.DataFrame:
    """Every claim with its document's outlet, type, title, file, date and copy status."""
    documents = corpus.documents[
        [
            "doc_id",
            "outlet",
            "outlet_type",
            "title",
            "path",
            "published",
            "published_precision",
            "duplicate_of",
        ]
    ]
    merged = corpus.claims.merge(documents, on="doc_id", how="left", validate="many_to_one")
    assert len(merged) == len(corpus.claims)
    merged["outlet"] = merged["outlet"].fillna("unknown outlet")
    merged["outlet_type"] = merged["outlet_type"].fillna("unknown")
    merged["is_copy"] = merged["duplicate_of"].notna()
    return merged


def original_claims(corpus: Corpus) -> pd.DataFrame:
    """Claims from original documents only: a syndicated copy's claims are counted once.

    Every section of a report asks for it; it is computed once per corpus object (remembered
    while that object lives) and each caller gets its own copy."""
    return _remembered(corpus, "original_claims", _compute_original_claims).reset_index(drop=True)


def _compute_original_claims(corpus: Corpus) -> pd.DataFrame:
    claims = claims_with_documents(corpus)
    claims = claims[~claims["is_copy"]].copy()
    claims["proposition"] = assign_propositions(claims)
    return claims


_REMEMBERED: dict[tuple[int, str], tuple[weakref.ref[Any], tuple[int, int], Any]] = {}


def _remembered(corpus: Corpus, name: str, compute: Any) -> Any:
    """``compute(corpus)``, computed once per corpus object while it lives (a report asks for
    some tables from several sections); a table replaced on the corpus since → recomputed."""
    key = (id(corpus), name)
    inputs = (id(corpus.claims), id(corpus.documents))
    cached = _REMEMBERED.get(key)
    if cached is None or cached[0]() is not corpus or cached[1] != inputs:
        table = compute(corpus)
        cached = (weakref.ref(corpus, lambda _: _REMEMBERED.pop(key, None)), inputs, table)
        _REMEMBERED[key] = cached
    return cached[2]


def assign_propositions(claims: pd.DataFrame, gap_days: int = PROPOSITION_GAP_DAYS) -> pd.Series:
    """An episode key per claim: claims in date order belong to one episode until a gap of more
    than ``gap_days`` (a CAMEO code follows the stance, so it cannot tell events apart; time can).
    Undated claims form one episode of their own."""
    order = claims.sort_values(["date", "claim_id"], na_position="last", kind="stable")
    keys: dict[Any, str] = {}
    previous: Any = None
    episode = 0
    for index, when in zip(order.index, order["date"], strict=True):
        if pd.isna(when):
            keys[index] = "undated"
            continue
        if previous is None or (when - previous).days > gap_days:
            episode += 1
        keys[index] = f"episode-{episode:03d}"
        previous = when
    return pd.Series(keys, dtype="str").reindex(claims.index)


def proposition_labels(claims: pd.DataFrame) -> dict[str, str]:
    """``"20 May 2016 – 21 May 2016 · 11 claims"`` per episode key."""
    result: dict[str, str] = {}
    for key, group in claims.groupby("proposition", sort=True):
        size = plural(len(group), "claim")
        dated = group.dropna(subset=["date"]).sort_values(["date", "claim_id"], kind="stable")
        if dated.empty:
            result[str(key)] = f"Undated · {size}"
            continue
        first, last = dated.iloc[0], dated.iloc[-1]
        span = format_date(first["date"], first["date_precision"])
        end = format_date(last["date"], last["date_precision"])
        result[str(key)] = f"{span}{'' if end == span else ' – ' + end} · {size}"
    return result


def _corpus_proposition_labels(corpus: Corpus) -> dict[str, str]:
    """``proposition_labels`` of the corpus's original claims (the chain and the disputes both
    show them), computed once per corpus."""
    labels = _remembered(
        corpus, "proposition_labels", lambda c: proposition_labels(original_claims(c))
    )
    return dict(labels)


def _chain_rows(claim: dict[Any, Any]) -> list[dict[str, Any]]:
    """A claim's step in the chain, plus a *rated* step when a fact-checker gave a verdict."""
    stance = str(claim["stance"])
    rows = [
        {
            "when": claim["date"],
            "date": format_date(claim["date"], claim["date_precision"]),
            "rank": STEP_ORDER.get(stance, RATED_RANK - 1),
            "step": STEP_NAMES.get(stance, stance),
            "speaker": _text_or(claim["actor"], "unnamed"),
            "side": _text_or(claim["side"], "unknown"),
        }
    ]
    if pd.notna(claim["verdict"]) and str(claim["verdict"]).strip():
        rated_on = claim["published"] if pd.notna(claim["published"]) else claim["date"]
        precision = claim["published_precision"] if pd.notna(claim["published"]) else "day"
        rows.append(
            {
                "when": rated_on,
                "date": format_date(rated_on, precision),
                "rank": RATED_RANK,
                "step": f"rated {claim['verdict']}",
                "speaker": _text_or(claim["reviewed_by"], claim["outlet"]),
                "side": "fact-check",
            }
        )
    for row in rows:
        row.update(
            proposition=claim["proposition"],
            outlet=claim["outlet"],
            claim_id=claim["claim_id"],
            evidence=evidence_anchor(claim["claim_id"]),
        )
    return rows


def position_chain_table(corpus: Corpus) -> pd.DataFrame:
    """The chain of positions per episode, in time order; on the same date it reads
    proposed → rejected → asserted → denied → rated. One row per claim, plus one per rating."""
    claims = original_claims(corpus)
    columns = ["proposition", "date", "step", "speaker", "side", "outlet", "claim_id", "evidence"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    labels = _corpus_proposition_labels(corpus)
    rows = [row for claim in claims.to_dict("records") for row in _chain_rows(claim)]
    chain = pd.DataFrame(rows)
    chain["first"] = chain.groupby("proposition")["when"].transform("min")
    chain = chain.sort_values(
        ["first", "proposition", "when", "rank", "claim_id"], na_position="last", kind="stable"
    )
    chain["proposition"] = chain["proposition"].map(labels)
    return chain[columns].reset_index(drop=True)


def dispute_table(corpus: Corpus) -> pd.DataFrame:
    """Assertions beside denials of the same proposition (paired in time order)."""
    return _remembered(corpus, "dispute_table", _compute_dispute_table).copy()


def _compute_dispute_table(corpus: Corpus) -> pd.DataFrame:
    claims = original_claims(corpus)
    columns = ["proposition", "asserted", "assert_id", "denied", "deny_id"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    labels = _corpus_proposition_labels(corpus)
    rows = []
    ordered = claims[DISPUTE_COLUMNS].sort_values(
        ["date", "claim_id"], na_position="last", kind="stable"
    )
    for key, group in ordered.groupby("proposition", sort=True):
        asserts = group[group["stance"] == "asserts"]
        denies = group[group["stance"] == "denies"]
        if asserts.empty or denies.empty:
            continue
        for yes, no in zip_longest(asserts.to_dict("records"), denies.to_dict("records")):
            rows.append(
                {
                    "proposition": labels[str(key)],
                    "asserted": _who_said(yes),
                    "assert_id": yes["claim_id"] if yes else None,
                    "denied": _who_said(no),
                    "deny_id": no["claim_id"] if no else None,
                }
            )
    return pd.DataFrame(rows, columns=columns)


# What a dispute shows of a claim: grouping and filtering copy these columns only.
DISPUTE_COLUMNS = [
    "claim_id",
    "proposition",
    "stance",
    "date",
    "date_precision",
    "actor",
    "side",
    "outlet",
    "text",
]


def _who_said(row: dict[Any, Any] | None) -> str:
    if row is None:
        return ""
    who = _text_or(row["actor"], "unnamed")
    side = _text_or(row["side"], "unknown side")
    when = format_date(row["date"], row["date_precision"])
    return f"{who} ({side}), {row['outlet']}, {when}: “{row['text']}”"


def speakers_table(corpus: Corpus) -> pd.DataFrame:
    """Who spoke for each side: speakers with their number of claims and stances."""
    claims = original_claims(corpus)[["actor", "side", "stance"]]
    columns = ["side", "speaker", "claims", "stances"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    claims["speaker"] = claims["actor"].map(lambda a: _text_or(a, "unnamed"))
    claims["side"] = claims["side"].map(lambda s: _text_or(s, "unknown"))
    rows = []
    for (side, speaker), group in claims.groupby(["side", "speaker"], sort=True):
        counts = group["stance"].value_counts()
        stances = ", ".join(
            f"{STEP_NAMES.get(s, s)} {counts[s]}" for s in STANCE_ORDER if s in counts
        )
        rows.append({"side": side, "speaker": speaker, "claims": len(group), "stances": stances})
    table = pd.DataFrame(rows, columns=columns)
    rank = {side: n for n, side in enumerate(side_order(table["side"]))}
    return (
        table.assign(_rank=table["side"].map(rank))
        .sort_values(["_rank", "claims", "speaker"], ascending=[True, False, True], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


def outlet_coverage_table(corpus: Corpus) -> pd.DataFrame:
    """How outlets of each type carried the topic; syndicated copies are counted once."""
    documents = corpus.documents.assign(
        outlet_type=corpus.documents["outlet_type"].fillna("unknown"),
        outlet=corpus.documents["outlet"].fillna("unknown outlet"),
        is_copy=corpus.documents["duplicate_of"].notna(),
    )
    claims = original_claims(corpus)[["outlet_type", "stance"]]
    columns = ["outlet type", "outlets", "documents", "syndicated copies", "claims", "stances"]
    rows = []
    for outlet_type, group in documents.groupby("outlet_type", sort=True):
        type_claims = claims[claims["outlet_type"] == outlet_type]
        counts = type_claims["stance"].value_counts()
        rows.append(
            {
                "outlet type": outlet_type,
                "outlets": ", ".join(sorted(group["outlet"].unique())),
                "documents": int((~group["is_copy"]).sum()),
                "syndicated copies": int(group["is_copy"].sum()),
                "claims": len(type_claims),
                "stances": ", ".join(
                    f"{STEP_NAMES.get(s, s)} {counts[s]}" for s in STANCE_ORDER if s in counts
                ),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def evidence_table(corpus: Corpus) -> pd.DataFrame:
    """Every claim (copies included) with its quote, document, outlet, date, file and offsets."""
    return _remembered(corpus, "evidence_table", _compute_evidence_table).copy()


def _compute_evidence_table(corpus: Corpus) -> pd.DataFrame:
    claims = claims_with_documents(corpus).sort_values(
        ["date", "claim_id"], na_position="last", kind="stable"
    )
    bodies = corpus.documents.set_index("doc_id")["body"]
    checked = [
        _offsets_match(bodies, doc_id, start, end, text)
        for doc_id, start, end, text in zip(
            claims["doc_id"], claims["start"], claims["end"], claims["text"], strict=True
        )
    ]
    return pd.DataFrame(
        {
            "claim_id": claims["claim_id"],
            "anchor": claims["claim_id"].map(evidence_anchor),
            "date": [
                format_date(d, p)
                for d, p in zip(claims["date"], claims["date_precision"], strict=True)
            ],
            "speaker": claims["actor"].map(lambda a: _text_or(a, "unnamed")),
            "side": claims["side"].map(lambda s: _text_or(s, "unknown")),
            "stance": claims["stance"],
            "quote": claims["text"],
            "document": claims["title"].map(lambda t: _text_or(t, "untitled")),
            "outlet": claims["outlet"],
            "published": [
                format_date(d, p)
                for d, p in zip(claims["published"], claims["published_precision"], strict=True)
            ],
            "file": claims["path"].map(lambda p: display_path(p) if pd.notna(p) else ""),
            "offsets": [f"{s}–{e}" for s, e in zip(claims["start"], claims["end"], strict=True)],
            "copy_of": claims["duplicate_of"],
            "offsets_ok": checked,
        }
    ).reset_index(drop=True)


def _offsets_match(bodies: pd.Series, doc_id: str, start: Any, end: Any, text: str) -> bool:
    if doc_id not in bodies.index or pd.isna(start) or pd.isna(end):
        return False
    return bool(bodies[doc_id][int(start) : int(end)] == text)


def caveat_counts(selected: Corpus, corpus: Corpus) -> dict[str, int]:
    """Numbers behind the caveats section."""
    claims = original_claims(selected)
    sources = claims.groupby("proposition")["doc_id"].transform("nunique")
    evidence = evidence_table(selected)
    return {
        "month_dates": int(claims["date_precision"].isin(["month", "year"]).sum()),
        "undated": int(claims["date"].isna().sum()),
        "single_source": int((sources == 1).sum()) if not claims.empty else 0,
        "failed_documents": len(corpus.problems),
        "bad_offsets": int((~evidence["offsets_ok"]).sum()),
    }


def problems_table(corpus: Corpus) -> pd.DataFrame:
    """Documents that failed to load (the ``problems`` table), file names relative to the project."""
    return pd.DataFrame(
        {
            "file": corpus.problems["path"].map(display_path),
            "reason": corpus.problems["reason"],
            "detail": corpus.problems["detail"],
        }
    ).reset_index(drop=True)


def headline_numbers(selected: Corpus, corpus: Corpus) -> dict[str, Any]:
    """The report's key numbers (recorded by the notebook, shown on the index page, tested)."""
    claims = original_claims(selected)
    dated = claims.dropna(subset=["date"]).sort_values(["date", "claim_id"], kind="stable")
    first = dated.iloc[0] if not dated.empty else None
    last = dated.iloc[-1] if not dated.empty else None
    return {
        "documents": int(selected.documents["duplicate_of"].isna().sum()),
        "syndicated_copies": int(selected.documents["duplicate_of"].notna().sum()),
        "outlets": int(selected.documents["outlet"].dropna().nunique()),
        "claims": len(claims),
        "speakers": int(claims["actor"].dropna().nunique()),
        "sides": int(claims["side"].dropna().nunique()),
        "disputes": len(dispute_table(selected)),
        "rated_claims": int(claims["verdict"].notna().sum()),
        "failed_documents": len(corpus.problems),
        "first_claim": first["date"].date().isoformat() if first is not None else None,
        "last_claim": last["date"].date().isoformat() if last is not None else None,
        # As a reader sees them: a date known to the month is shown as the month.
        "first_claim_shown": (
            format_date(first["date"], first["date_precision"]) if first is not None else None
        ),
        "last_claim_shown": (
            format_date(last["date"], last["date_precision"]) if last is not None else None
        ),
    }


# --- prose --------------------------------------------------------------------------------------


def title_markdown(params: ReportParameters, corpus: Corpus) -> str:
    """Title, the question and what the report covers."""
    topic = params.topic
    sides = ", ".join(params.sides)
    return (
        f"# {html.md(topic.title)}\n\n"
        f"**The question:** {html.md(topic.question)}\n\n"
        f"Period {html.md(format_date(params.start))} to {html.md(format_date(params.end))}; "
        f"sides {html.md(sides)}; texts from {html.md(display_path(params.seeds_dir))}: "
        f"{plural(len(corpus.documents), 'document')} read, "
        f"{plural(len(corpus.problems), 'file')} that failed to load."
    )


def findings_markdown(numbers: dict[str, Any], selected: Corpus) -> str:
    """The findings paragraph, every number from ``numbers`` (see ``headline_numbers``)."""
    if numbers["claims"] == 0:
        return (
            f"{NO_CLAIMS} The selection holds {plural(numbers['documents'], 'document')} "
            f"from {plural(numbers['outlets'], 'outlet')}."
        )
    claims = original_claims(selected)[["actor", "side", "stance"]]
    first, last = numbers["first_claim_shown"], numbers["last_claim_shown"]
    period = (
        f"In {html.md(first)}" if first == last else f"Between {html.md(first)} and {html.md(last)}"
    )
    sentences = [
        f"{period}, "
        f"{plural(numbers['speakers'], 'named speaker')} from {plural(numbers['sides'], 'side')} "
        f"made {plural(numbers['claims'], 'claim')}, reported in "
        f"{plural(numbers['documents'], 'original document')} "
        f"(plus {plural(numbers['syndicated_copies'], 'syndicated copy', 'syndicated copies')}, "
        f"counted once) from {plural(numbers['outlets'], 'outlet')}."
    ]
    by_side = claims.assign(side=claims["side"].fillna("unknown"))
    for side in side_order(by_side["side"]):
        group = by_side[by_side["side"] == side]
        counts = group["stance"].value_counts()
        parts = [f"{STEP_NAMES.get(s, s)} {counts[s]}" for s in STANCE_ORDER if s in counts]
        sentences.append(f"**{html.md(side)}**: {html.md(', '.join(parts))}.")
    top = claims.dropna(subset=["actor"])
    if not top.empty:
        counts = top.groupby(["actor", "side"], dropna=False).size()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        (actor, side), n = counts.index[0], int(counts.iloc[0])
        if n > 1:
            side_note = (
                "" if actor == side else f" ({html.md(_text_or(side, 'unknown side'))})"
            )  # "Russia (Russia)" says nothing
            sentences.append(
                f"The most frequent speaker was {html.md(actor)}{side_note}, "
                f"with {plural(n, 'claim')}."
            )
    sentences.append(
        f"{plural(numbers['disputes'], 'dispute')} set an assertion against a denial "
        f"of the same event; fact-checkers rated {plural(numbers['rated_claims'], 'claim')}."
    )
    return " ".join(sentences)


# --- sections (escaped HTML) --------------------------------------------------------------------


def _empty(message: str = NO_CLAIMS) -> str:
    return html.paragraph(message, "empty")


def chain_section(selected: Corpus) -> str:
    """Chains of positions, one table per proposition, each row linked to its evidence."""
    chain = position_chain_table(selected)
    if chain.empty:
        return _empty()
    parts = []
    for proposition, group in chain.groupby("proposition", sort=False):
        shown = group.assign(
            evidence=[
                html.link(f"#{a}", c)
                for a, c in zip(group["evidence"], group["claim_id"], strict=True)
            ]
        ).drop(columns=["proposition", "claim_id"])
        parts.append(f'<h3 class="proposition">Episode: {html.esc(proposition)}</h3>')
        parts.append(html.table(shown, raw_columns=["evidence"], css_class="report-table chain"))
    return "".join(parts)


def disputes_section(selected: Corpus) -> str:
    """Assertion and denial of the same event side by side."""
    disputes = dispute_table(selected)
    if disputes.empty:
        return _empty("No assertion in this selection is met by a denial of the same event.")
    shown = pd.DataFrame(
        {
            "event": disputes["proposition"],
            "asserted": [
                _cell_with_link(t, i)
                for t, i in zip(disputes["asserted"], disputes["assert_id"], strict=True)
            ],
            "denied": [
                _cell_with_link(t, i)
                for t, i in zip(disputes["denied"], disputes["deny_id"], strict=True)
            ],
        }
    )
    return html.table(shown, raw_columns=["asserted", "denied"], css_class="report-table disputes")


def _cell_with_link(text: str, claim_id: Any) -> str:
    if claim_id is None or pd.isna(claim_id):
        return html.esc(text)
    return f"{html.esc(text)} {html.link('#' + evidence_anchor(claim_id), '[evidence]')}"


def speakers_section(selected: Corpus) -> str:
    speakers = speakers_table(selected)
    if speakers.empty:
        return _empty()
    return html.table(speakers, css_class="report-table speakers")


def outlets_section(selected: Corpus) -> str:
    coverage = outlet_coverage_table(selected)
    if coverage.empty:
        return _empty("No documents in this selection.")
    return html.table(coverage, css_class="report-table outlets")


def caveats_section(selected: Corpus, corpus: Corpus) -> str:
    """Caveats in words, then the documents that failed to load."""
    counts = caveat_counts(selected, corpus)
    items = [
        f"{plural(counts['month_dates'], 'claim')} dated only to the month or year "
        "(shown as the month; placed on its first day in the charts).",
        f"{plural(counts['undated'], 'claim')} without a date (left out of the timeline).",
        f"{plural(counts['single_source'], 'claim')} rest on a single document: no second outlet "
        "reports the same event.",
        f"{plural(counts['bad_offsets'], 'claim')} whose offsets do not point at the quoted text.",
        f"{plural(counts['failed_documents'], 'file')} failed to load and are not analysed.",
    ]
    listing = "".join(f"<li>{html.esc(item)}</li>" for item in items)
    parts = [f'<ul class="caveats">{listing}</ul>']
    problems = problems_table(corpus)
    if not problems.empty:
        parts.append(
            html.table(
                problems, css_class="report-table problems", caption="Files that failed to load"
            )
        )
    return "".join(parts)


def documents_table(corpus: Corpus) -> pd.DataFrame:
    """The documents of the selection: title, outlet, kind, date, file and copy status."""
    docs = corpus.documents.sort_values(["published", "doc_id"], na_position="last", kind="stable")
    return pd.DataFrame(
        {
            "document": docs["title"].map(lambda t: _text_or(t, "untitled")),
            "outlet": [
                f"{_text_or(o, 'unknown outlet')} ({_text_or(t, 'unknown type')})"
                for o, t in zip(docs["outlet"], docs["outlet_type"], strict=True)
            ],
            "kind": docs["kind"],
            "published": [
                format_date(d, p)
                for d, p in zip(docs["published"], docs["published_precision"], strict=True)
            ],
            "file": docs["path"].map(display_path),
            "copy of": docs["duplicate_of"].fillna(""),
        }
    ).reset_index(drop=True)


def documents_section(selected: Corpus) -> str:
    documents = documents_table(selected)
    if documents.empty:
        return _empty("No documents in this selection.")
    return html.table(
        documents, css_class="report-table documents", caption="Documents in this selection"
    )


def evidence_section(selected: Corpus) -> str:
    """The evidence table (who/when, quote, source); row ids are the targets of every evidence
    link in the report."""
    evidence = evidence_table(selected)
    if evidence.empty:
        return _empty()
    shown = pd.DataFrame(
        {
            "claim": [_evidence_claim_cell(row) for row in evidence.to_dict("records")],
            "quote": [html.esc(text) for text in evidence["quote"]],
            "source": [_evidence_source_cell(row) for row in evidence.to_dict("records")],
        }
    )
    return html.table(
        shown,
        raw_columns=["claim", "quote", "source"],
        row_ids=evidence["anchor"],
        css_class="report-table evidence",
    )


def _evidence_claim_cell(row: dict[Any, Any]) -> str:
    return (
        f'<span class="claim-id">{html.esc(row["claim_id"])}</span><br>'
        f"{html.esc(row['date'])}<br><strong>{html.esc(row['speaker'])}</strong> "
        f"({html.esc(row['side'])})<br>{html.esc(STEP_NAMES.get(row['stance'], row['stance']))}"
    )


def _evidence_source_cell(row: dict[Any, Any]) -> str:
    offsets = row["offsets"] if row["offsets_ok"] else f"{row['offsets']} (do not match)"
    copy = (
        f"<br>copy of {html.esc(row['copy_of'])}"
        if row["copy_of"] is not None and pd.notna(row["copy_of"])
        else ""
    )
    return (
        f"<em>{html.esc(row['document'])}</em><br>{html.esc(row['outlet'])}, "
        f"{html.esc(row['published'])}<br>"
        f'<span class="file">{html.esc(row["file"])}</span> [{html.esc(offsets)}]{copy}'
    )


def headline_record(numbers: dict[str, Any]) -> dict[str, Any]:
    """A display bundle the build reads back from the executed notebook (not shown in HTML)."""
    return {HEADLINE_MIMETYPE: {"numbers": numbers, "kernel_prefix": sys.prefix}}
