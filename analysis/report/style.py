"""One look for every chart: Okabe–Ito colours, stance markers, fonts, deterministic SVG output.

Okabe & Ito's eight colours stay distinguishable under the common colour-vision deficiencies; every
stance also gets its own marker shape so a chart still reads in greyscale print.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

import matplotlib as mpl
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}


STANCE_COLOURS = {
    "proposes": OKABE_ITO["blue"],
    "rejects": OKABE_ITO["reddish_purple"],
    "asserts": OKABE_ITO["vermillion"],
    "denies": OKABE_ITO["bluish_green"],
    "conditional": OKABE_ITO["orange"],
    "opposes": OKABE_ITO["sky_blue"],
    "neutral": OKABE_ITO["grey"],
}
STANCE_MARKERS = {
    "proposes": "o",
    "rejects": "X",
    "asserts": "^",
    "denies": "v",
    "conditional": "D",
    "opposes": "s",
    "neutral": "h",
}

# Sequential ramp for counts (white → Okabe–Ito blue): monotonic in lightness, safe for CVD.
COUNT_CMAP = mpl.colors.LinearSegmentedColormap.from_list(
    "counts", ["#FFFFFF", "#CFE3F2", OKABE_ITO["blue"]]
)

RC_PARAMS: dict[str, Any] = {
    # DejaVu Sans first (matplotlib's own, so its text metrics match); a browser without it falls
    # back to its own sans-serif font. Only these two names are written into each SVG text: the
    # ten-name list of matplotlib's default made WeasyPrint resolve fonts much longer per label.
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "figure.dpi": 100,
    "savefig.dpi": 200,
    # Text stays text: selectable and searchable in the page, and a few hundred SVG nodes fewer
    # per chart for WeasyPrint to draw (drawing glyph outlines was half of printing a report).
    # A fixed salt makes the SVG element ids (and so the file) identical from run to run.
    "svg.fonttype": "none",
    "svg.hashsalt": "coordination-claims",
}

# No creation date and a fixed creator: two builds from the same data give identical bytes.
SVG_METADATA = {"Date": None, "Creator": "coordination-claims", "Format": None, "Type": None}


@contextmanager
def report_style() -> Iterator[None]:
    """Apply the shared chart style inside the block (leaves global rcParams untouched)."""
    with mpl.rc_context(cast("Any", RC_PARAMS)):
        yield


def new_figure(width: float = 7.0, height: float = 3.6) -> Figure:
    """A figure outside pyplot's global state (no GUI backend, nothing shown implicitly)."""
    with report_style():
        return Figure(figsize=(width, height), layout="constrained")


def figure_svg(figure: Figure) -> str:
    """The figure as deterministic SVG text (the figure's layout is fixed by this call)."""
    buffer = io.StringIO()
    with report_style():
        apply_layout(figure)
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    return buffer.getvalue()


def apply_layout(figure: Figure) -> None:
    """Run the figure's layout engine once, with the SVG renderer and resolution ``savefig`` would
    use, then detach the engine. With an engine attached, ``savefig`` draws the whole figure once
    without output only to run it: a quarter of the work of saving a chart. Same bytes."""
    engine = figure.get_layout_engine()
    if engine is None:
        return
    FigureCanvasSVG(figure)  # the canvas savefig switches to; the layout measures text with it
    dpi = figure.dpi
    figure.dpi = mpl.rcParams["savefig.dpi"]
    try:
        engine.execute(figure)
    finally:
        figure.dpi = dpi
    figure.set_layout_engine(None)


def svg_data_uri(svg: str) -> str:
    """An ``<img src>`` value embedding the SVG, so the report needs no side files."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
