"""HTML for notebook displays: escaped cells, names in either script shown the right way.

Every ``_repr_html_`` of nasab builds its tables here, so each cell is HTML-escaped
and each name is isolated (``<bdi>``) and marked right-to-left when it is Arabic: a
table with English and Arabic names side by side keeps its columns aligned and its
punctuation where it belongs.

Example:
    >>> name_html("مصطفى الكاظمي")
    '<bdi dir="rtl" lang="ar">مصطفى الكاظمي</bdi>'
    >>> name_html("<b>Ali</b>")
    '<bdi>&lt;b&gt;Ali&lt;/b&gt;</bdi>'
    >>> table(["name", "score"], [["Ali", "0.9"]])
    '<table class="nasab"><thead><tr><th>name</th><th>score</th></tr></thead><tbody><tr><td>Ali</td><td>0.9</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["name_html", "names_html", "table", "text_html"]


def text_html(value: object) -> str:
    """Any value as escaped text (None as an empty string)."""
    return "" if value is None else html.escape(str(value))


def name_html(name: object) -> str:
    """A name, escaped and isolated; right-to-left and ``lang="ar"`` when Arabic."""
    text = "" if name is None else str(name)
    if _mostly_arabic(text):
        return f'<bdi dir="rtl" lang="ar">{html.escape(text)}</bdi>'
    return f"<bdi>{html.escape(text)}</bdi>"


def names_html(names: Iterable[object], sep: str = " · ") -> str:
    """Several names, each isolated, joined by ``sep``."""
    return html.escape(sep).join(name_html(n) for n in names)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str = "",
    right: Iterable[str] = ("arabic", "canonical_arabic"),
) -> str:
    """A table; ``rows`` hold HTML already escaped (use :func:`text_html`, :func:`name_html`).

    Columns named in ``right`` (the Arabic ones) are aligned right, as Arabic is read.
    """
    align = ["" if h not in set(right) else ' style="text-align:right"' for h in headers]
    head = "".join(f"<th{a}>{html.escape(h)}</th>" for h, a in zip(headers, align, strict=True))
    body = "".join(
        "<tr>" + "".join(f"<td{a}>{c}</td>" for c, a in zip(row, align, strict=False)) + "</tr>"
        for row in rows
    )
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f'<table class="nasab">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _mostly_arabic(text: str) -> bool:
    """More Arabic letters than Latin ones (counted, so any Unicode is fine)."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return arabic > 0 and arabic >= latin
