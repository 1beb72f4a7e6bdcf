"""Safe HTML for reports: every value from a document is escaped before it reaches a page.

Text shown through ``IPython.display.Markdown``/``HTML`` or a pandas ``Styler`` reaches the
exported HTML unescaped, so escaping happens here, at the source, for cells *and* labels.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from analysis.report.wording import is_missing

if TYPE_CHECKING:
    import pandas as pd

# The report runs no script at all; images are embedded as data: URIs, styles are inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
)
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def esc(value: Any) -> str:
    """HTML-escaped text of any value; missing values become an empty string."""
    if not isinstance(value, list | tuple | dict) and is_missing(value):
        return ""
    return html.escape(str(value), quote=True)


def md(value: Any) -> str:
    """Text safe inside Markdown prose: HTML-escaped, then Markdown punctuation backslashed."""
    if not isinstance(value, list | tuple | dict) and is_missing(value):
        return ""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False))


def anchor_id(prefix: str, key: Any) -> str:
    """A stable element id (letters, digits, ``-``, ``_``) for in-page links."""
    return f"{prefix}-{_ANCHOR_UNSAFE.sub('-', str(key)).strip('-')}"


def link(href: str, text: Any) -> str:
    """An in-page link; ``href`` is built by this package (``#`` + ``anchor_id``), text escaped."""
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def table(
    frame: pd.DataFrame,
    *,
    raw_columns: Iterable[str] = (),
    row_ids: Iterable[str] | None = None,
    css_class: str = "report-table",
    caption: str | None = None,
) -> str:
    """An HTML table of ``frame``; every header and cell is escaped except ``raw_columns``,
    which must hold HTML this package built (e.g. ``link`` output)."""
    raw = set(raw_columns)
    ids = list(row_ids) if row_ids is not None else [None] * len(frame)
    head = "".join(f'<th scope="col">{esc(column)}</th>' for column in frame.columns)
    rows = []
    for row_id, values in zip(ids, frame.itertuples(index=False, name=None), strict=True):
        cells = "".join(
            f"<td>{value if column in raw else esc(value)}</td>"
            for column, value in zip(frame.columns, values, strict=True)
        )
        id_attr = f' id="{esc(row_id)}"' if row_id else ""
        rows.append(f"<tr{id_attr}>{cells}</tr>")
    caption_html = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="{esc(css_class)}">{caption_html}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def figure(data_uri: str, alt: str, caption: str) -> str:
    """A chart with its caption; ``data_uri`` is an image this package rendered."""
    return (
        f'<figure class="chart"><img src="{esc(data_uri)}" alt="{esc(alt)}">'
        f"<figcaption>{esc(caption)}</figcaption></figure>"
    )


def paragraph(text: str, css_class: str = "") -> str:
    """A paragraph of escaped text."""
    class_attr = f' class="{esc(css_class)}"' if css_class else ""
    return f"<p{class_attr}>{esc(text)}</p>"


def definition_list(items: Mapping[str, Any]) -> str:
    """Label → value pairs (escaped), used for the report header and headline numbers."""
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items.items())
    return f'<dl class="facts">{body}</dl>'
