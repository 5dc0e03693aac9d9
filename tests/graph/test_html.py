"""The graph page's HTML (without a browser): self-contained, escaped, every name in the text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nasab.errors import DataFileError
from nasab.graph import EntityGraph, build_graph
from nasab.graph._html import MAX_MENTION_DOCUMENTS, MAX_SENTENCE_CHARS, page_data, render_page


class _Text(HTMLParser):
    """Visible text (outside <script> and <style>) and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _parse(page: str) -> _Text:
    p = _Text()
    p.feed(page)
    return p


def _graph(*names: tuple[str, str, str | None]) -> EntityGraph:
    g = EntityGraph()
    g.add_node("doc:d1", type="document", name="d1", names=["d1"], title="t", documents=["d1"])
    for i, (kind, name, arabic) in enumerate(names):
        node = f"{kind}:{i}"
        forms = [name, arabic] if arabic else [name]
        g.add_node(node, type=kind, name=name, name_ar=arabic, names=forms, documents=["d1"])
        g.add_edge("doc:d1", node, type="mentions", documents=["d1"], spans=[[0, 3, name]])
    return g


TRICKY = [
    ("person", "Ali Hassan", "علي حسن"),
    ("person", "<script>alert(1)</script>", None),
    ("organization", 'Quote "and" & ampersand', "شركة «النور»"),
    ("person", "{{data}} placeholder", None),
    ("organization", "</script><b>x</b>", "‏مؤسسة‎"),
    ("person", "عبد الله بن علي", None),
]


def test_every_entity_named_in_visible_text() -> None:
    page = render_page(_graph(*TRICKY))
    text = "".join(_parse(page).text)
    for _, name, arabic in TRICKY:
        assert name in text
        if arabic:
            assert arabic in text


def test_data_cannot_break_out_of_the_script() -> None:
    page = render_page(_graph(*TRICKY))
    # Exactly the two scripts of the template, however the names look.
    assert len(re.findall(r"<script\b", page)) == 2
    assert len(re.findall(r"</script>", page)) == 2
    blob = re.search(r'<script type="application/json" id="nasab-data">(.*?)</script>', page, re.S)
    assert blob is not None
    data = json.loads(blob.group(1))
    assert {n["n"] for n in data["nodes"]} >= {name for _, name, _ in TRICKY}


def test_nothing_loaded_from_the_network() -> None:
    page = render_page(_graph(*TRICKY))
    for tag, attrs in _parse(page).tags:
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").startswith(("http:", "https:", "//")), (tag, attrs)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # the page's own policy forbids fetching


def test_arabic_only_name_gets_a_romanisation_and_rtl() -> None:
    page = render_page(_graph(("person", "عبد الله بن علي", None)))
    item = re.search(r'<li class="ent t-person".*?</li>', page, re.S)
    assert item is not None
    assert 'dir="rtl"' in item.group(0) and "عبد الله بن علي" in item.group(0)
    assert 'class="rom"' in item.group(0)


def test_mention_sentence_from_document_text() -> None:
    text = "First sentence here. Then Ali Hassan spoke to the press. Last one."
    g = EntityGraph()
    g.add_node("doc:d1", type="document", name="d1", names=["d1"], documents=["d1"])
    g.add_node("person:a", type="person", name="Ali Hassan", names=["Ali Hassan"], documents=["d1"])
    start = text.index("Ali")
    g.add_edge(
        "doc:d1",
        "person:a",
        type="mentions",
        documents=["d1"],
        spans=[[start, start + 10, "Ali Hassan"]],
        sentences=[[21, 56]],
    )
    node = next(n for n in page_data(g, documents={"d1": text})["nodes"] if n["id"] == "person:a")
    (_doc, sentence, a, b) = node["m"][0]
    assert sentence == "Then Ali Hassan spoke to the press."
    assert sentence[a:b] == "Ali Hassan"


def test_long_sentences_and_many_documents_are_capped() -> None:
    g = EntityGraph()
    g.add_node("person:a", type="person", name="Ali", names=["Ali"], documents=[])
    texts = {}
    for i in range(MAX_MENTION_DOCUMENTS + 5):
        d = f"d{i}"
        texts[d] = "x " * 400 + "Ali" + " y" * 400
        g.add_node(f"doc:{d}", type="document", name=d, names=[d], documents=[d])
        g.add_edge(
            f"doc:{d}",
            "person:a",
            type="mentions",
            documents=[d],
            spans=[[800, 803, "Ali"]],
            sentences=[[0, len(texts[d])]],
        )
    node = next(n for n in page_data(g, documents=texts)["nodes"] if n["id"] == "person:a")
    assert len(node["m"]) == MAX_MENTION_DOCUMENTS and node["mn"] == MAX_MENTION_DOCUMENTS + 5
    for _, sentence, a, b in node["m"]:
        assert len(sentence) <= MAX_SENTENCE_CHARS + 2 and sentence[a:b] == "Ali"


def test_document_links_are_relative_to_the_page(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "report one.txt"
    doc.write_text("Prime Minister Ali Hassan visited Basra.", encoding="utf-8")
    g = build_graph([doc])
    (tmp_path / "out").mkdir()
    page = g.to_html(tmp_path / "out" / "graph.html")
    assert '"href":"../docs/report%20one.txt"' in page
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8") == page


def test_unwritable_path_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="graph page"):
        _graph(*TRICKY).to_html(tmp_path / "missing" / "graph.html")


def test_empty_graph_still_renders() -> None:
    page = EntityGraph().to_html()
    assert "empty graph" in page and '<ul id="entity-list">' in page


def test_cli_writes_json_and_page(tmp_path: Path) -> None:
    from nasab.cli import main

    doc = tmp_path / "a.txt"
    doc.write_text("قال رئيس الوزراء مصطفى الكاظمي إن القوات جاهزة.", encoding="utf-8")
    out, page = tmp_path / "g.json", tmp_path / "g.html"
    assert main(["graph", str(doc), "-o", str(out), "--html", str(page)]) == 0
    graph = json.loads(out.read_text(encoding="utf-8"))
    text = "".join(_parse(page.read_text(encoding="utf-8")).text)
    persons = [n for n in graph["nodes"] if n["type"] == "person"]
    assert persons
    for n in persons:
        assert n["name"] in text
