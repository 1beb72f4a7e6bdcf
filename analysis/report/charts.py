"""The report's charts, drawn with the shared style; each returns ``None`` when there is no data.

``chart_section`` turns a figure into an embedded, captioned SVG for the HTML/PDF report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from analysis.report import html
from analysis.report.narrative import NO_CLAIMS, original_claims
from analysis.report.style import (
    COUNT_CMAP,
    STANCE_COLOURS,
    STANCE_MARKERS,
    figure_svg,
    new_figure,
    report_style,
    svg_data_uri,
)
from analysis.report.wording import STANCE_ORDER, STEP_NAMES, plural, side_order

if TYPE_CHECKING:
    from analysis.corpus import Corpus


TIMELINE_COLUMNS = ["claim_id", "side", "stance", "date", "date_precision"]


def _sides_present(claims: pd.DataFrame) -> list[str]:
    return side_order(claims["side"])


def _stances_present(claims: pd.DataFrame) -> list[str]:
    present = set(claims["stance"])
    return [s for s in STANCE_ORDER if s in present]


def _stance_legend(axes, stances: list[str]) -> None:
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=STANCE_MARKERS[s],
            markersize=7,
            markerfacecolor=STANCE_COLOURS[s],
            markeredgecolor=STANCE_COLOURS[s],
            label=STEP_NAMES[s],
        )
        for s in stances
    ]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="stance")


def timeline_chart(corpus: Corpus) -> Figure | None:
    """Signature chart: every dated claim as a mark on its side's row, coloured and shaped by
    stance; hollow marks are dates known only to the month."""
    # Only the columns drawn: each stance's subset below then copies five columns, not all.
    claims = original_claims(corpus)[TIMELINE_COLUMNS].dropna(subset=["date"])
    if claims.empty:
        return None
    claims = claims.assign(side=claims["side"].fillna("unknown"))
    sides = _sides_present(claims)
    rows = {side: position for position, side in enumerate(reversed(sides))}
    claims = claims.sort_values(["side", "date", "claim_id"], kind="stable")
    # Claims on the same side and day are spread vertically, in a fixed order.
    claims["offset"] = claims.groupby(["side", "date"]).cumcount()
    claims["count"] = claims.groupby(["side", "date"])["claim_id"].transform("size")
    claims["y"] = claims["side"].map(rows) + (claims["offset"] - (claims["count"] - 1) / 2) * 0.12
    with report_style():
        figure = new_figure(7.2, 1.2 + 0.45 * len(sides))
        axes = figure.add_subplot()
        for stance in _stances_present(claims):
            for precise in (True, False):
                subset = claims[
                    (claims["stance"] == stance) & ((claims["date_precision"] == "day") == precise)
                ]
                if subset.empty:
                    continue
                colour = STANCE_COLOURS[stance]
                axes.scatter(
                    subset["date"],
                    subset["y"],
                    marker=STANCE_MARKERS[stance],
                    s=46,
                    facecolors=colour if precise else "none",
                    edgecolors=colour,
                    linewidths=1.2,
                    zorder=3,
                )
        axes.set_yticks(list(rows.values()), list(rows.keys()))
        axes.set_ylim(-0.6, len(sides) - 0.4)
        _pad_dates(axes, claims["date"])
        axes.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        axes.set_title("Who claimed what, and when: claims by side and stance")
        axes.set_xlabel("date of the claim (hollow: known only to the month)")
        _stance_legend(axes, _stances_present(claims))
    return figure


def _pad_dates(axes, dates: pd.Series) -> None:
    first, last = dates.min(), dates.max()
    pad = max(pd.Timedelta(days=15), (last - first) * 0.05)
    axes.set_xlim(first - pad, last + pad)
    locator = AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def stance_side_matrix_chart(corpus: Corpus) -> Figure | None:
    """Counts of claims for each side (rows) and stance (columns)."""
    claims = original_claims(corpus)
    if claims.empty:
        return None
    claims = claims.assign(side=claims["side"].fillna("unknown"))
    sides, stances = _sides_present(claims), _stances_present(claims)
    matrix = (
        pd.crosstab(claims["side"], claims["stance"])
        .reindex(index=sides, columns=stances, fill_value=0)
        .to_numpy()
    )
    with report_style():
        figure = new_figure(max(4.8, 1.6 + 0.85 * len(stances)), 1.0 + 0.42 * len(sides))
        axes = figure.add_subplot()
        _count_cells(axes, matrix)
        for (row, column), value in np.ndenumerate(matrix):
            dark = value > matrix.max() * 0.6
            axes.text(
                column,
                row,
                str(value),
                ha="center",
                va="center",
                color="white" if dark else "black",
                fontweight="bold" if value else "normal",
            )
        axes.set_xticks(range(len(stances)), [STEP_NAMES[s] for s in stances])
        axes.set_yticks(range(len(sides)), sides)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        axes.set_title("Claims by side and stance")
    return figure


def _count_cells(axes, matrix: np.ndarray) -> None:
    """One filled square per count, row 0 at the top, centred on integer positions (as
    ``imshow`` places them). Vector cells rather than an image: ``imshow`` embeds a PNG in the
    SVG, which matplotlib encodes and WeasyPrint decodes and encodes again for every report."""
    rows, columns = matrix.shape
    axes.pcolormesh(
        np.arange(columns + 1) - 0.5,
        np.arange(rows + 1) - 0.5,
        matrix,
        cmap=COUNT_CMAP,
        vmin=0,
        vmax=max(1, int(matrix.max())),
        edgecolors="face",  # each cell's edge in its own colour: no seam between cells
        linewidth=0.5,
    )
    axes.set_xlim(-0.5, columns - 0.5)
    axes.set_ylim(rows - 0.5, -0.5)


def outlet_stance_chart(corpus: Corpus) -> Figure | None:
    """Claims carried by each outlet (originals only), stacked by stance."""
    claims = original_claims(corpus)
    if claims.empty:
        return None
    stances = _stances_present(claims)
    table = pd.crosstab(claims["outlet"], claims["stance"]).reindex(columns=stances, fill_value=0)
    table = table.assign(_total=table.sum(axis=1)).sort_values(
        ["_total"], ascending=True, kind="stable"
    )
    table = table.drop(columns="_total")
    with report_style():
        figure = new_figure(7.2, 1.0 + 0.35 * len(table))
        axes = figure.add_subplot()
        left = np.zeros(len(table))
        positions = np.arange(len(table))
        for stance in stances:
            values = table[stance].to_numpy()
            axes.barh(
                positions,
                values,
                left=left,
                color=STANCE_COLOURS[stance],
                label=STEP_NAMES[stance],
                height=0.6,
                edgecolor="white",
                linewidth=0.5,
            )
            left += values
        axes.set_yticks(positions, list(table.index))
        axes.set_xlabel("claims (syndicated copies counted once)")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title("Which outlets carried which positions")
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="stance")
    return figure


def timeline_caption(corpus: Corpus) -> str:
    claims = original_claims(corpus)
    dated = claims["date"].notna().sum()
    return (
        f"Each mark is one of {plural(int(dated), 'dated claim')}, placed on the row of the "
        "speaker's side at the date it refers to; colour and shape give the stance."
        + (
            f" {plural(len(claims) - int(dated), 'undated claim')} not shown."
            if len(claims) > dated
            else ""
        )
    )


def matrix_caption(corpus: Corpus) -> str:
    claims = original_claims(corpus)
    return (
        f"Each cell counts claims of one side (row) with one stance (column); "
        f"{plural(len(claims), 'claim')} in all, syndicated copies counted once."
    )


def outlets_caption(corpus: Corpus) -> str:
    claims = original_claims(corpus)
    return (
        f"Bars show the claims each of {plural(claims['outlet'].nunique(), 'outlet')} reported, "
        "split by stance; longer bars first."
    )


def chart_section(figure: Figure | None, caption: str, alt: str) -> str:
    """An embedded SVG chart with its caption, or the no-claims sentence."""
    if figure is None:
        return html.paragraph(NO_CLAIMS, "empty")
    return html.figure(svg_data_uri(figure_svg(figure)), alt=alt, caption=caption)


def timeline_section(corpus: Corpus) -> str:
    return chart_section(
        timeline_chart(corpus), timeline_caption(corpus), "Timeline of claims by side and stance"
    )


def matrix_section(corpus: Corpus) -> str:
    return chart_section(
        stance_side_matrix_chart(corpus), matrix_caption(corpus), "Claims by side and stance"
    )


def outlets_chart_section(corpus: Corpus) -> str:
    return chart_section(
        outlet_stance_chart(corpus), outlets_caption(corpus), "Claims by outlet and stance"
    )


def bar_chart(counts: pd.Series, title: str, xlabel: str) -> Figure | None:
    """Horizontal bars of ``counts`` (label → number) in the report style."""
    if counts.empty:
        return None
    ordered = counts.iloc[::-1]
    with report_style():
        figure = new_figure(6.0, 1.0 + 0.35 * len(ordered))
        axes = figure.add_subplot()
        axes.barh(
            [str(label) for label in ordered.index],
            ordered.to_numpy(),
            color=STANCE_COLOURS["proposes"],
        )
        axes.set_xlabel(xlabel)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(title)
    return figure
