"""Notebook HTML: every repr escapes its text and shows Arabic right-to-left."""

from __future__ import annotations

from typing import Any

import pytest

import nasab
from nasab._display import name_html, names_html, table
from nasab.aliases import AliasTable
from nasab.graph import EntityGraph


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ali Hassan", "<bdi>Ali Hassan</bdi>"),
        ("مصطفى الكاظمي", '<bdi dir="rtl" lang="ar">مصطفى الكاظمي</bdi>'),
        ("<script>", "<bdi>&lt;script&gt;</bdi>"),
        ('"أبو" & co', '<bdi dir="rtl" lang="ar">&quot;أبو&quot; &amp; co</bdi>'),
        ("", "<bdi></bdi>"),
        (None, "<bdi></bdi>"),
        ("\ud800", "<bdi>\ud800</bdi>"),
    ],
    ids=["latin", "arabic", "tag", "quotes-amp", "empty", "none", "lone-surrogate"],
)
def test_name_html(name: Any, expected: str) -> None:
    assert name_html(name) == expected


def test_names_and_table_align_arabic_right() -> None:
    assert names_html(["A", "ب"]) == '<bdi>A</bdi> · <bdi dir="rtl" lang="ar">ب</bdi>'
    html = table(["latin", "arabic"], [["<bdi>A</bdi>", name_html("ب")]])
    assert '<td style="text-align:right"><bdi dir="rtl"' in html


def _graph() -> EntityGraph:
    g = EntityGraph()
    g.add_node(
        "person:a",
        type="person",
        name="Ali <b>",
        name_ar="علي حسن",
        names=["Ali <b>", "علي حسن"],
        documents=["d1"],
    )
    return g


REPRS = {
    "match": lambda: nasab.compare("Ali <b>", "علي"),
    "resolution": lambda: nasab.resolve(["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Ali <b>"]),
    "entity": lambda: nasab.resolve(["Ali <b> al-Hassani", "علي الحساني"]).entities[0],
    "alias-table": lambda: AliasTable(
        [
            {
                "entity_id": "E1",
                "kind": "person",
                "canonical_latin": "Ali <b>",
                "canonical_arabic": "علي",
                "alias": "علي",
                "script": "arabic",
                "alias_kind": "canonical",
                "source": "",
                "count": 1,
            }
        ]
    ),
    "graph": _graph,
}


@pytest.mark.parametrize("make", list(REPRS.values()), ids=list(REPRS))
def test_reprs_escape_and_mark_arabic(make: Any) -> None:
    html = make()._repr_html_()
    assert 'dir="rtl"' in html
    assert "Ali &lt;b&gt;" in html and "Ali <b>" not in html


def test_graph_repr_is_the_page_in_a_frame() -> None:
    html = _graph()._repr_html_()
    assert html.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts' in html
    assert "Ali &amp;lt;b&amp;gt;" in html  # escaped in the page, escaped again in srcdoc
