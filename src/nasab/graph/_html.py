"""The interactive graph page: one self-contained HTML file, nothing loaded from the network.

:func:`render_page` turns an :class:`~nasab.graph.EntityGraph` into the text of an HTML
page. The page embeds its own stylesheet and script (``page.css`` and ``page.js`` beside
this module, written for nasab: no third-party code) and the graph's data as JSON. The
side panel listing every person, organisation, role and place is written here as real
HTML text, so the names are in the page even before the script runs; the script adds
search, filters, the drawing (a canvas force layout) and the details of a clicked entity.

Example:
    >>> from nasab.graph import EntityGraph
    >>> g = EntityGraph()
    >>> g.add_node("person:a", type="person", name="Ali Hassan", name_ar="علي حسن",
    ...            names=["Ali Hassan", "علي حسن"], documents=["d1"])
    >>> page = render_page(g)
    >>> "Ali Hassan" in page and "علي حسن" in page and "http://" not in page
    True
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import InputError, NasabError
from ..files import atomic_write
from ..text import detect_script

if TYPE_CHECKING:
    from ._model import EntityGraph

__all__ = ["GraphView", "page_data", "render_page", "write_page"]

#: Height in pixels of the page shown inline in a notebook.
NOTEBOOK_HEIGHT = 640
#: Most documents whose mention sentence is kept for one entity (the rest are counted).
MAX_MENTION_DOCUMENTS = 60
#: Longest mention sentence kept; longer ones are cut around the mention.
MAX_SENTENCE_CHARS = 360
#: Other surface forms shown under a name in the side panel (the rest are counted).
MAX_LISTED_FORMS = 8
#: Types listed in the side panel, in this order.
LISTED_TYPES = ("person", "organization", "role", "place")
#: Above this many documents the page starts with document nodes hidden.
SHOW_DOCUMENTS_UP_TO = 60
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
#: Node types in the order of the filters.
_TYPES = ("person", "organization", "role", "place", "document")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _texts(graph: EntityGraph, documents: Any) -> dict[str, str]:
    """Document id -> text: from ``documents`` if given, else read from the nodes' paths."""
    out: dict[str, str] = {}
    if documents is not None:
        if isinstance(documents, Mapping):
            return {str(k): str(v) for k, v in documents.items()}
        for d in documents:
            doc_id, text = getattr(d, "id", None), getattr(d, "text", None)
            if isinstance(d, Mapping):
                doc_id, text = d.get("id"), d.get("text")
            if isinstance(doc_id, str) and isinstance(text, str):
                out[doc_id] = text
        return out
    from ..extraction import read_documents

    for _, data in graph.graph.nodes(data=True):
        path = data.get("path")
        if data.get("type") != "document" or not path or not Path(path).is_file():
            continue
        docs, _ = read_documents([Path(path)], errors="skip")
        for d in docs:
            if d.id == data.get("name"):
                out[d.id] = d.text
    return out


def _cut(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence, cut to :data:`MAX_SENTENCE_CHARS` around [start, end)."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return text, start, end
    room = max(0, (MAX_SENTENCE_CHARS - (end - start)) // 2)
    lo = max(0, start - room)
    hi = min(len(text), max(end, lo + MAX_SENTENCE_CHARS))
    head, tail = ("…" if lo else ""), ("…" if hi < len(text) else "")
    return head + text[lo:hi] + tail, start - lo + len(head), end - lo + len(head)


def _mention(text: str, span: Any, sentence: Any) -> list[Any] | None:
    """``[sentence, start, end]`` with the mention's offsets inside the sentence."""
    try:
        start, end = int(span[0]), int(span[1])
        s0, s1 = int(sentence[0]), int(sentence[1])
    except (TypeError, ValueError, IndexError):
        return None
    if not (0 <= s0 <= start <= end <= s1 <= len(text)):
        s0, s1 = max(0, start - 80), min(len(text), end + 80)
        if not 0 <= start <= end <= len(text):
            return None
    sent, a, b = _cut(text[s0:s1], start - s0, end - s0)
    lead = len(sent) - len(sent.lstrip())
    return [sent.strip(), a - lead, b - lead]


def _evidence_mention(sentence: str, forms: Iterable[str]) -> list[Any]:
    """A relation's evidence sentence, with the first of the entity's names found in it."""
    for form in sorted(forms, key=len, reverse=True):
        i = sentence.find(form)
        if form and i >= 0:
            return list(_cut(sentence, i, i + len(form)))
    return [_cut(sentence, 0, 0)[0], 0, 0]


def _romanised(name: str) -> str | None:
    """A Latin reading of an Arabic-only name (marked as such in the page)."""
    if detect_script(name) != "arabic":
        return None
    from ..translit import romanize

    try:
        return romanize(name) or None
    except NasabError:  # a label is optional; never fail the page for it
        return None


def _doc_href(path: Any, base: Path | None) -> str | None:
    if not path:
        return None
    p = Path(str(path))
    if base is not None:
        try:
            p = Path(os.path.relpath(p.resolve(), base.resolve()))
        except ValueError:  # another drive on Windows
            p = p.resolve()
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _names_of(data: Mapping[str, Any]) -> tuple[str, str | None, str | None]:
    """(name, Arabic name or None, romanised label or None) of a node."""
    name = str(data.get("name") or data.get("id") or "")
    arabic = data.get("name_ar")
    arabic = str(arabic) if arabic and str(arabic) != name else None
    if arabic is None and detect_script(name) == "arabic":
        latin = (data.get("canonical") or {}).get("latin") if data.get("canonical") else None
        return name, None, latin or _romanised(name)
    return name, arabic, None


def page_data(
    graph: EntityGraph, *, documents: Any = None, base: Path | None = None
) -> dict[str, Any]:
    """The JSON the page script reads: nodes, edges, documents, roles and mentions.

    Args:
        graph: the graph.
        documents: the documents' texts (Documents, records with ``id`` and ``text``, or a
            mapping id -> text) to quote mention sentences from; by default each
            document node's ``path`` is read when the file exists.
        base: folder the page is written to (document links are made relative to it).

    Returns:
        A JSON-ready dict.
    """
    g = graph.graph
    ids = sorted(g.nodes)
    index = {n: i for i, n in enumerate(ids)}
    doc_ids = [n for n in ids if g.nodes[n].get("type") == "document"]
    doc_index = {str(g.nodes[n].get("name", n)): i for i, n in enumerate(doc_ids)}
    texts = _texts(graph, documents)
    docs = [
        {
            "id": str(g.nodes[n].get("name", n)),
            "node": index[n],
            "title": str(g.nodes[n].get("title") or ""),
            "lang": g.nodes[n].get("language"),
            "href": _doc_href(g.nodes[n].get("path"), base),
        }
        for n in doc_ids
    ]
    nodes = []
    for n in ids:
        d = g.nodes[n]
        name, arabic, roman = _names_of(d)
        aliases = sorted(
            {*d.get("aliases", ()), *d.get("kunyas", ()), *d.get("acronyms", ())} - {name}
        )
        nodes.append(
            {
                "id": n,
                "t": d.get("type", "?"),
                "n": name,
                "a": arabic,
                "r": roman,
                "N": [str(x) for x in d.get("names", ())],
                "al": [str(x) for x in aliases],
                "d": sorted(doc_index[x] for x in d.get("documents", ()) if x in doc_index),
                "m": [],
                "mn": 0,
                "ro": [],
            }
        )
    edges: dict[tuple[int, int, str], list[Any]] = {}
    for u, v, e in g.edges(data=True):
        etype = str(e.get("type", "?"))
        key = (index[u], index[v], etype)
        if key not in edges:
            edges[key] = [index[u], index[v], etype, 0]
        edges[key][3] += len(e.get("documents", ())) or 1
        if etype == "mentions":
            _add_mentions(nodes[index[v]], g.nodes[u], e, texts, doc_index)
        elif etype == "holds_role":
            _add_role(nodes, index, u, v, e, g)
    _add_evidence(nodes, index, g, doc_index)
    return {
        "schema": "nasab-graph-page-1",
        "types": list(_TYPES),
        "docs": docs,
        "nodes": nodes,
        "edges": sorted(edges.values()),
        "showDocuments": len(docs) <= SHOW_DOCUMENTS_UP_TO,
    }


def _add_mentions(
    node: dict[str, Any],
    doc: Mapping[str, Any],
    edge: Mapping[str, Any],
    texts: Mapping[str, str],
    doc_index: Mapping[str, int],
) -> None:
    doc_id = str(doc.get("name", doc.get("id", "")))
    if doc_id not in doc_index:
        return
    node["mn"] += 1
    if len(node["m"]) >= MAX_MENTION_DOCUMENTS:
        return
    text = texts.get(doc_id)
    spans, sents = edge.get("spans") or [], edge.get("sentences") or []
    quote_ = None
    if text is not None and spans:
        quote_ = _mention(text, spans[0], sents[0] if sents else spans[0])
    if quote_ is None:
        surface = str(spans[0][2]) if spans and len(spans[0]) > 2 else node["n"]
        quote_ = [surface, 0, len(surface)]
    node["m"].append([doc_index[doc_id], *quote_])


def _add_role(
    nodes: list[dict[str, Any]], index: Mapping[str, int], u: str, v: str, e: Mapping, g: Any
) -> None:
    role = g.nodes[v]
    org = e.get("organization")
    nodes[index[u]]["ro"].append(
        {
            "role": str(e.get("role") or role.get("name") or ""),
            "role_ar": role.get("name_ar"),
            "role_node": index[v],
            "rank": e.get("rank"),
            "org": e.get("organization_name"),
            "org_node": index.get(org) if org else None,
            "docs": len(e.get("documents", ())),
        }
    )


def _add_evidence(
    nodes: list[dict[str, Any]], index: Mapping[str, int], g: Any, doc_index: Mapping[str, int]
) -> None:
    """Entities with no mentions edge (built by hand) get their relations' evidence."""
    for u, v, e in g.edges(data=True):
        for ev in e.get("evidence") or ():
            doc, sentence = ev.get("document"), ev.get("sentence")
            if doc not in doc_index or not isinstance(sentence, str):
                continue
            for n in (u, v):
                node = nodes[index[n]]
                if node["t"] == "document" or node["m"] or node["mn"]:
                    continue
                quote_ = _evidence_mention(sentence, [node["n"], *node["N"]])
                node["m"].append([doc_index[doc], *quote_])


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # No "<" at all inside the script element: no name can close it or open a comment.
    return text.replace("<", "\\u003c")


def _list_item(i: int, node: Mapping[str, Any]) -> str:
    esc = html.escape
    ar = f' <span class="ar" lang="ar" dir="rtl">{esc(node["a"])}</span>' if node["a"] else ""
    if node["r"]:  # Arabic-only name: the Arabic is the name, a romanisation beside it
        main = f'<span class="ar" lang="ar" dir="rtl">{esc(node["n"])}</span>'
        ar = f' <span class="rom" title="romanised"><bdi>{esc(node["r"])}</bdi></span>'
    else:
        main = f'<span class="en"><bdi>{esc(node["n"])}</bdi></span>'
    shown = {node["n"], node["a"], node["r"]}
    others = [x for x in node["N"] if x not in shown]
    also = ""
    if others:
        forms = " · ".join(
            f'<span class="ar" lang="ar" dir="rtl">{esc(x)}</span>'
            if _arabic_letters(x)
            else f"<bdi>{esc(x)}</bdi>"
            for x in others[:MAX_LISTED_FORMS]
        )
        more = f" +{len(others) - MAX_LISTED_FORMS}" if len(others) > MAX_LISTED_FORMS else ""
        also = f'<span class="also">{forms}{more}</span>'
    return (
        f'<li class="ent t-{esc(node["t"])}" data-i="{i}" tabindex="0">'
        f'<span class="dot" aria-hidden="true"></span><span class="nm">{main}{ar}{also}</span>'
        f' <span class="cnt" title="documents">{len(node["d"])}</span></li>'
    )


def _arabic_letters(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def render_page(
    graph: EntityGraph,
    *,
    documents: Any = None,
    title: str | None = None,
    base: Path | None = None,
) -> str:
    """The HTML text of the interactive page (see :meth:`EntityGraph.to_html`).

    Args:
        graph: the graph.
        documents: texts to quote mention sentences from (see :func:`page_data`).
        title: page title (default: "nasab entity graph").
        base: folder the page will live in, for relative document links.
    """
    data = page_data(graph, documents=documents, base=base)
    order = sorted(
        range(len(data["nodes"])),
        key=lambda i: (
            LISTED_TYPES.index(data["nodes"][i]["t"])
            if data["nodes"][i]["t"] in LISTED_TYPES
            else 9,
            -len(data["nodes"][i]["d"]),
            data["nodes"][i]["n"].casefold(),
        ),
    )
    items = "\n".join(
        _list_item(i, data["nodes"][i]) for i in order if data["nodes"][i]["t"] in LISTED_TYPES
    )
    esc = html.escape
    counts = graph.summary()["nodes"]
    heading = title or "nasab entity graph"
    stats = ", ".join(f"{v:,} {k}" for k, v in counts.items()) or "empty graph"
    parts = {
        "title": esc(heading),
        "stats": esc(stats),
        "css": _asset("page.css"),
        "items": items,
        "data": _json_for_script(data),
        "js": _asset("page.js"),
    }
    # One pass over the template: text put in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("page.html"))


def write_page(
    graph: EntityGraph,
    path: str | os.PathLike[str],
    *,
    documents: Any = None,
    title: str | None = None,
) -> str:
    """Write the page to ``path`` (UTF-8) and return its text.

    Raises:
        InputError: ``path`` is empty.
        DataFileError: the file cannot be written.
    """
    if not os.fspath(path):
        raise InputError("the HTML page needs a file path")
    target = Path(path)
    text = render_page(graph, documents=documents, title=title, base=target.parent)
    atomic_write(target, text, what="the graph page")
    return text


class GraphView:
    """The page shown inline in a notebook: an ``<iframe srcdoc>``, so its script runs.

    Args:
        page: the page's HTML (from :func:`render_page`).
        height: the frame's height in pixels.
        below: HTML shown under the frame (escaped already).

    Example:
        >>> view = GraphView("<p>a & b</p>", height=200)
        >>> view._repr_html_().startswith('<iframe srcdoc="&lt;p&gt;a &amp; b')
        True
    """

    def __init__(self, page: str, height: int = NOTEBOOK_HEIGHT, below: str = "") -> None:
        if not isinstance(height, int) or height <= 0:
            raise InputError(f"height must be a positive number of pixels, got {height!r}")
        self.page, self.height, self.below = page, height, below

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            'sandbox="allow-scripts allow-popups" title="nasab entity graph" '
            f'style="width:100%;height:{self.height}px;border:1px solid #ddd"></iframe>'
            + self.below
        )
