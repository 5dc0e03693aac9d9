"""Tests of graph building (nasab.graph._build): alias kinds of the alias rows."""

from __future__ import annotations

from nasab import build_graph


def test_daesh_alone_is_an_acronym_in_the_alias_table() -> None:
    g = build_graph(["Daesh losses rose.", "the Islamic State (IS, also known as Daesh) attacked"])
    kinds = {r["alias"]: r["alias_kind"] for r in g.alias_rows()}
    assert kinds["Daesh"] == "acronym"
