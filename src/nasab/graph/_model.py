"""The :class:`EntityGraph`: a networkx MultiDiGraph of entities, roles and documents.

Nodes have the attributes ``id``, ``type`` (``person``, ``organization``,
``role``, ``place`` or ``document``), ``name`` (canonical form), ``names`` (every
surface form seen, both scripts, sorted) and, for everything but documents,
``documents`` (sorted document ids). Every edge has ``type`` and ``documents``
and keeps its provenance (spans, sentences).

Example:
    >>> g = EntityGraph()
    >>> g.add_node("person:ali-hassan", type="person", name="Ali Hassan",
    ...            names=["Ali Hassan", "علي حسن"], documents=["d1"])
    >>> g.entity("علي حسن")["id"]
    'person:ali-hassan'
    >>> g.summary()["nodes"]
    {'person': 1}
"""

from __future__ import annotations

import html
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ExtraMissingError, InputError
from ..files import atomic_open, atomic_write
from ..text import normalize

__all__ = ["ENTITY_TYPES", "NODE_TYPES", "SCHEMA", "EntityGraph"]

#: Version of the node-link JSON layout written by :meth:`EntityGraph.to_json`.
SCHEMA = "nasab-graph-1"

#: Node types that are entities (resolved across documents).
ENTITY_TYPES = ("person", "organization")

#: All node types.
NODE_TYPES = ("person", "organization", "role", "place", "document")

# Preference when one name matches several nodes.
_TYPE_RANK = {"person": 0, "organization": 1, "role": 2, "place": 3, "document": 4}


def _jsonable(value: Any) -> Any:
    """Lists, not sets or tuples, so JSON output is stable and round-trips."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


def _flat(value: Any) -> Any:
    """A scalar for GraphML/GEXF: lists and dicts become JSON text, None becomes ''."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)


class EntityGraph:
    """Persons, organisations, roles, places and documents linked across documents.

    The underlying :class:`networkx.MultiDiGraph` is :attr:`graph`; use it directly
    for anything the query methods do not cover.

    Attributes:
        graph: the networkx MultiDiGraph. Node keys are the node ids.

    Example:
        >>> g = EntityGraph()
        >>> g.add_node("role:prime-minister", type="role", name="Prime Minister",
        ...            names=["Prime Minister", "رئيس الوزراء"], documents=["d1"])
        >>> g.add_node("person:x", type="person", name="X Y", names=["X Y"], documents=["d1"])
        >>> _ = g.add_edge("person:x", "role:prime-minister", type="holds_role", documents=["d1"])
        >>> [h["name"] for h in g.holders("رئيس الوزراء")]
        ['X Y']
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        if graph is None:
            graph = nx.MultiDiGraph()
        if not isinstance(graph, nx.MultiDiGraph):
            raise InputError(
                f"EntityGraph wraps a networkx MultiDiGraph, got {type(graph).__name__}"
            )
        self.graph = graph
        self._index: dict[str, list[str]] | None = None

    # ------------------------------------------------------------------ building

    def add_node(self, node_id: str, **attrs: Any) -> None:
        """Add (or update) a node; ``id`` is set from ``node_id``, lists stay lists."""
        attrs = {k: _jsonable(v) for k, v in attrs.items()}
        attrs["id"] = node_id
        attrs.setdefault("names", [attrs.get("name", node_id)])
        attrs.setdefault("name", node_id)
        self.graph.add_node(node_id, **attrs)
        self._index = None

    def add_edge(self, source: str, target: str, key: str | None = None, **attrs: Any) -> str:
        """Add an edge (``type`` and ``documents`` are expected); returns its key."""
        attrs = {k: _jsonable(v) for k, v in attrs.items()}
        attrs.setdefault("documents", [])
        if key is None:
            key = str(attrs.get("type", "edge"))
        self.graph.add_edge(source, target, key=key, **attrs)
        return key

    # ------------------------------------------------------------------ lookup

    def _name_index(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, set[str]] = {}
            for node, data in self.graph.nodes(data=True):
                for form in {data.get("name", ""), *data.get("names", ()), node}:
                    if isinstance(form, str) and form:
                        index.setdefault(normalize(form), set()).add(node)
            self._index = {
                k: sorted(v, key=lambda n: (_TYPE_RANK.get(self.graph.nodes[n].get("type"), 9), n))
                for k, v in index.items()
            }
        return self._index

    def _node_id(
        self, name_or_id: str | Mapping[str, Any], types: Iterable[str] | None = None
    ) -> str:
        if isinstance(name_or_id, Mapping):
            name_or_id = name_or_id.get("id", "")
        if not isinstance(name_or_id, str) or not name_or_id.strip():
            raise InputError(f"expected a node id or a name, got {name_or_id!r}")
        wanted = set(types) if types is not None else None
        if name_or_id in self.graph and (
            wanted is None or self.graph.nodes[name_or_id].get("type") in wanted
        ):
            return name_or_id
        for node in self._name_index().get(normalize(name_or_id), ()):
            if wanted is None or self.graph.nodes[node].get("type") in wanted:
                return node
        # Fall back to name comparison against persons and organisations.
        best: tuple[float, str] | None = None
        from ..match import compare
        from ..match.algorithms import SAME_NAME_THRESHOLD

        for node, data in self.graph.nodes(data=True):
            kind = data.get("type")
            if kind not in ENTITY_TYPES or (wanted is not None and kind not in wanted):
                continue
            for form in data.get("names", ()):
                try:
                    score = compare(name_or_id, form, kind=kind).score
                except Exception:  # organisation comparison may be unavailable
                    score = 0.0
                if score >= SAME_NAME_THRESHOLD and (
                    best is None or (score, node) > best or (score == best[0] and node < best[1])
                ):
                    best = (score, node)
        if best is not None:
            return best[1]
        raise KeyError(f"no node named or identified by {name_or_id!r}")

    def entity(self, name_or_id: str) -> dict[str, Any]:
        """The attributes of the node with this id or name (any script, any surface form).

        Persons and organisations are preferred over roles, places and documents
        when a name is shared; a name seen nowhere is compared against every
        person and organisation name.

        Raises:
            KeyError: nothing matches.

        Example:
            >>> g = EntityGraph()
            >>> g.add_node("person:a", type="person", name="Ali Hassan", names=["Ali Hassan"])
            >>> g.entity("ali  hassan")["name"]
            'Ali Hassan'
        """
        node = self._node_id(name_or_id)
        return dict(self.graph.nodes[node])

    def __contains__(self, name_or_id: object) -> bool:
        if not isinstance(name_or_id, str):
            return False
        try:
            self._node_id(name_or_id)
        except (KeyError, InputError):
            return False
        return True

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def names(self, entity: str) -> list[str]:
        """Every surface form of an entity, both scripts, sorted."""
        return list(self.graph.nodes[self._node_id(entity)].get("names", []))

    def aliases(self, entity: str) -> list[str]:
        """Names stated as aliases ("also known as", kunyas, acronyms), sorted.

        Includes the names of nodes joined to this one by an ``alias`` edge.
        """
        node = self._node_id(entity)
        data = self.graph.nodes[node]
        out = set(data.get("aliases", [])) | set(data.get("acronyms", []))
        for u, v, d in [
            *self.graph.out_edges(node, data=True),
            *self.graph.in_edges(node, data=True),
        ]:
            if d.get("type") == "alias":
                other = v if u == node else u
                out.update(self.graph.nodes[other].get("names", []))
        return sorted(out)

    def documents(self, entity: str) -> list[str]:
        """Ids of the documents an entity (or role, place) appears in."""
        node = self._node_id(entity)
        data = self.graph.nodes[node]
        if data.get("type") == "document":
            return [data.get("name", node)]
        return list(data.get("documents", []))

    def holders(self, role: str) -> list[dict[str, Any]]:
        """Who held a role: one dict per holds_role edge, sorted by person id.

        Each dict has ``id``, ``name`` (the person), ``role``, ``organization`` (node id
        or None), ``organization_name``, ``rank`` and ``documents``.
        """
        node = self._node_id(role, types=("role",))
        out = []
        for u, _, d in sorted(
            self.graph.in_edges(node, data=True),
            key=lambda e: (e[0], str(e[2].get("organization"))),
        ):
            if d.get("type") != "holds_role":
                continue
            out.append(
                {
                    "id": u,
                    "name": self.graph.nodes[u].get("name"),
                    "role": self.graph.nodes[node].get("name"),
                    "organization": d.get("organization"),
                    "organization_name": d.get("organization_name"),
                    "rank": d.get("rank"),
                    "documents": list(d.get("documents", [])),
                }
            )
        return out

    def relations(self, entity: str, *, mentions: bool = False) -> list[dict[str, Any]]:
        """Every edge touching an entity (``mentions`` edges only if asked), sorted.

        Each dict holds the edge attributes plus ``source``, ``target``, ``key``,
        ``direction`` (``out`` or ``in``) and ``other`` / ``other_name``.
        """
        node = self._node_id(entity)
        out = []
        edges = [
            (u, v, k, d, "out") for u, v, k, d in self.graph.out_edges(node, keys=True, data=True)
        ]
        edges += [
            (u, v, k, d, "in") for u, v, k, d in self.graph.in_edges(node, keys=True, data=True)
        ]
        for u, v, k, d, direction in edges:
            if d.get("type") == "mentions" and not mentions:
                continue
            other = v if direction == "out" else u
            out.append(
                {
                    **d,
                    "source": u,
                    "target": v,
                    "key": k,
                    "direction": direction,
                    "other": other,
                    "other_name": self.graph.nodes[other].get("name"),
                }
            )
        out.sort(key=lambda r: (r.get("type", ""), r["direction"], r["other"], str(r["key"])))
        return out

    def nodes(self, type: str | None = None) -> list[dict[str, Any]]:
        """Node attribute dicts (of one type if given), sorted by id."""
        return [
            dict(d)
            for n, d in sorted(self.graph.nodes(data=True))
            if type is None or d.get("type") == type
        ]

    def persons(self) -> list[dict[str, Any]]:
        """All person nodes, sorted by id."""
        return self.nodes("person")

    def organizations(self) -> list[dict[str, Any]]:
        """All organisation nodes, sorted by id."""
        return self.nodes("organization")

    def roles(self) -> list[dict[str, Any]]:
        """All role nodes, sorted by id."""
        return self.nodes("role")

    def neighbourhood(self, entity: str, radius: int = 1) -> EntityGraph:
        """The subgraph within ``radius`` edges of an entity (edge direction ignored).

        Document nodes are kept only when they are the centre, so a person's
        neighbourhood is the people, organisations and roles around them rather
        than every document and everything else in those documents.
        """
        node = self._node_id(entity)
        if radius < 0:
            raise InputError("radius must be >= 0")
        keep_docs = self.graph.nodes[node].get("type") == "document"
        view = self.graph
        if not keep_docs:
            view = nx.subgraph_view(
                self.graph,
                filter_node=lambda n: n == node or self.graph.nodes[n].get("type") != "document",
            )
        ego = nx.ego_graph(view, node, radius=radius, undirected=True)
        return EntityGraph(nx.MultiDiGraph(self.graph.subgraph(ego.nodes)))

    neighborhood = neighbourhood

    # ------------------------------------------------------------------ alias table

    def alias_rows(self) -> list[dict[str, Any]]:
        """One row per (entity, surface form) for persons and organisations.

        Rows have ``entity_id``, ``kind``, ``canonical_latin``, ``canonical_arabic``,
        ``alias``, ``script``, ``alias_kind`` (``canonical``, ``spelling variant``,
        ``transliteration``, ``translation``, ``kunya`` or ``acronym``, as in
        :data:`nasab.aliases.ALIAS_KINDS`), ``source`` (document ids, ``;``-joined) and
        ``count`` (mentions).

        Example:
            >>> g = EntityGraph()
            >>> g.add_node("person:a", type="person", name="Ali Hassan",
            ...            names=["Ali Hassan", "علي حسن"], documents=["d1"],
            ...            canonical={"latin": "Ali Hassan", "arabic": "علي حسن"})
            >>> [(r["alias"], r["script"], r["alias_kind"]) for r in g.alias_rows()]
            [('Ali Hassan', 'latin', 'canonical'), ('علي حسن', 'arabic', 'canonical')]
        """
        from ..aliases import classify_alias as classify
        from ..text import detect_script

        rows = []
        for node, d in sorted(self.graph.nodes(data=True)):
            kind = d.get("type")
            if kind not in ENTITY_TYPES:
                continue
            canon = d.get("canonical") or {}
            latin = canon.get("latin") or ""
            arabic = canon.get("arabic") or ""
            counts = d.get("name_counts") or {}
            sources = d.get("name_documents") or {}
            acronyms = set(d.get("acronyms", []))
            kunyas = set(d.get("kunyas", []))
            for form in d.get("names", []):
                script = detect_script(form)
                if script == "empty":
                    script = "other"
                if form in (latin, arabic):
                    alias_kind = "canonical"
                elif form in acronyms:
                    alias_kind = "acronym"
                elif form in kunyas:
                    alias_kind = "kunya"
                else:
                    alias_kind = classify(form, latin, arabic, kind)
                rows.append(
                    {
                        "entity_id": node,
                        "kind": kind,
                        "canonical_latin": latin,
                        "canonical_arabic": arabic,
                        "alias": form,
                        "script": script,
                        "alias_kind": alias_kind,
                        "source": ";".join(sources.get(form, d.get("documents", []))),
                        "count": int(counts.get(form, 1)),
                    }
                )
        return rows

    def alias_table(self) -> Any:
        """The alias rows as a :class:`nasab.aliases.AliasTable`."""
        from ..aliases import AliasTable

        return AliasTable(self.alias_rows())

    # ------------------------------------------------------------------ summary

    def summary(self) -> dict[str, Any]:
        """Counts of nodes and edges by type, and the documents skipped while reading.

        Example:
            >>> EntityGraph().summary()
            {'nodes': {}, 'edges': {}, 'documents': 0, 'problems': []}
        """
        nodes = Counter(d.get("type", "?") for _, d in self.graph.nodes(data=True))
        edges = Counter(d.get("type", "?") for _, _, d in self.graph.edges(data=True))
        return {
            "nodes": dict(sorted(nodes.items())),
            "edges": dict(sorted(edges.items())),
            "documents": nodes.get("document", 0),
            "problems": list(self.graph.graph.get("problems", [])),
        }

    def __repr__(self) -> str:
        s = self.summary()
        parts = ", ".join(f"{v} {k}" for k, v in s["nodes"].items()) or "empty"
        return f"<EntityGraph: {parts}; {sum(s['edges'].values())} edges>"

    def show(self, height: int = 640, *, documents: Any = None) -> Any:
        """The interactive page (see :meth:`to_html`) for display inline in a notebook.

        Returns an object Jupyter displays as the page in a frame (``<iframe srcdoc>``,
        so the page's script runs); the entity table follows it.

        Example:
            >>> g = EntityGraph()
            >>> g.add_node("person:a", type="person", name="Ali Hassan", names=["Ali Hassan"])
            >>> "<iframe srcdoc=" in g.show(height=400)._repr_html_()
            True
        """
        from ._html import GraphView, render_page

        page = render_page(self, documents=documents)
        return GraphView(page, height=height, below=self._table_html())

    def _repr_html_(self) -> str:
        return self.show()._repr_html_()

    def _table_html(self) -> str:
        from .._display import name_html, names_html

        s = self.summary()
        esc = html.escape
        head = ", ".join(f"{v} {esc(k)}" for k, v in s["nodes"].items()) or "empty"
        rows = []
        for d in sorted(
            (d for _, d in self.graph.nodes(data=True) if d.get("type") in (*ENTITY_TYPES, "role")),
            key=lambda d: (
                -len(d.get("documents", [])),
                _TYPE_RANK.get(d.get("type"), 9),
                d.get("id", ""),
            ),
        )[:50]:
            roles = ", ".join(
                self.graph.nodes[v].get("name", v)
                for _, v, e in self.graph.out_edges(d["id"], data=True)
                if e.get("type") == "holds_role"
            )
            rows.append(
                "<tr>"
                f"<td>{esc(d.get('type', ''))}</td><td><b>{name_html(d.get('name', ''))}</b></td>"
                f"<td>{names_html(d.get('names', []))}</td>"
                f"<td>{esc(roles)}</td><td>{len(d.get('documents', []))}</td>"
                "</tr>"
            )
        return (
            f"<details><summary><b>EntityGraph</b>: {head}; {sum(s['edges'].values())} edges"
            "</summary><table><thead><tr><th>type</th><th>name</th><th>names</th><th>roles</th>"
            "<th>documents</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></details>"
        )

    # ------------------------------------------------------------------ export

    def to_dict(self) -> dict[str, Any]:
        """Node-link data (``nodes`` and ``edges``), every value JSON-ready."""
        data = nx.node_link_data(self.graph, edges="edges")
        data["graph"] = {**_jsonable(data.get("graph", {})), "schema": SCHEMA}
        return _jsonable(data)

    def to_json(self, path: str | os.PathLike[str] | None = None, *, indent: int | None = 1) -> str:
        """Write node-link JSON (nodes with id, type, name, names; edges with type, documents).

        Args:
            path: file to write; when None only the text is returned.
            indent: JSON indentation.

        Returns:
            The JSON text.

        Example:
            >>> g = EntityGraph()
            >>> g.add_node("person:a", type="person", name="A B", names=["A B"], documents=["d"])
            >>> EntityGraph.from_json(g.to_json()).entity("A B")["id"]
            'person:a'
        """
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)
        if path is not None:
            atomic_write(path, text + "\n")
        return text

    def to_html(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        documents: Any = None,
        title: str | None = None,
    ) -> str:
        """Write the interactive page: one self-contained HTML file, nothing from the network.

        The page lists every person, organisation, role and place as text (English and
        Arabic names side by side, right-to-left shown right), with a search that
        filters the list and highlights the node; filters by type and document; a
        drawing coloured by type and sized by documents, with a neighbourhood view for
        large graphs; and, for a clicked entity, its names, roles (rank, organisation),
        aliases and each document's mention sentence with the mention marked.

        Args:
            path: file to write; when None only the text is returned.
            documents: the documents' texts, to quote mention sentences from
                (Documents, records with ``id`` and ``text``, or a mapping id -> text);
                by default each document node's ``path`` is read when the file exists.
            title: the page title.

        Returns:
            The HTML text.

        Raises:
            DataFileError: the file cannot be written.

        Example:
            >>> g = EntityGraph()
            >>> g.add_node("person:a", type="person", name="Ali Hassan", name_ar="علي حسن",
            ...            names=["Ali Hassan", "علي حسن"], documents=["d1"])
            >>> page = g.to_html()
            >>> page.startswith("<!DOCTYPE html>") and "علي حسن" in page
            True
        """
        from ._html import render_page, write_page

        if path is None:
            return render_page(self, documents=documents, title=title)
        return write_page(self, path, documents=documents, title=title)

    @classmethod
    def from_json(cls, source: str | os.PathLike[str] | Mapping[str, Any]) -> EntityGraph:
        """Load a graph written by :meth:`to_json` (a path, JSON text or the parsed dict)."""
        if isinstance(source, Mapping):
            data = dict(source)
        else:
            text = None
            if isinstance(source, str) and source.lstrip().startswith("{"):
                text = source
            else:
                try:
                    text = Path(source).read_text(encoding="utf-8")
                except (OSError, ValueError) as exc:  # ValueError: NUL in the path, not UTF-8
                    from ..errors import DataFileError

                    raise DataFileError(f"cannot read graph: {exc}", path=str(source)) from exc
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                from ..errors import DataFileError

                raise DataFileError(
                    f"not JSON: {exc.msg}",
                    path=None if text is source else str(source),
                    line=exc.lineno,
                ) from exc
        if not isinstance(data, dict):
            from ..errors import DataFileError

            raise DataFileError(f"not a graph: a JSON {type(data).__name__}, not an object")
        if "edges" not in data and "links" in data:
            data["edges"] = data.pop("links")
        try:
            graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            from ..errors import DataFileError

            raise DataFileError(f"not a node-link graph: {exc!r}") from exc
        graph = nx.MultiDiGraph(graph)
        for node, attrs in graph.nodes(data=True):
            attrs["id"] = node
        return cls(graph)

    def _flat_graph(self) -> nx.MultiDiGraph:
        flat = nx.MultiDiGraph()
        flat.graph.update({k: _flat(v) for k, v in self.graph.graph.items()})
        for node, attrs in self.graph.nodes(data=True):
            flat.add_node(node, **{k: _flat(v) for k, v in attrs.items()})
        for u, v, k, attrs in self.graph.edges(keys=True, data=True):
            flat.add_edge(u, v, key=k, **{a: _flat(b) for a, b in attrs.items()})
        return flat

    def to_graphml(self, path: str | os.PathLike[str]) -> None:
        """Write GraphML; list and dict attributes are written as JSON text."""
        with atomic_open(path, "wb") as fh:
            nx.write_graphml(self._flat_graph(), fh)

    def to_gexf(self, path: str | os.PathLike[str]) -> None:
        """Write GEXF (for Gephi); list and dict attributes are written as JSON text."""
        flat = self._flat_graph()
        for _, attrs in flat.nodes(data=True):
            attrs["label"] = attrs.get("name", "")
            # GEXF reserves 'id' for the node id itself.
            attrs["node_id"] = attrs.pop("id", "")
        with atomic_open(path, "wb") as fh:
            nx.write_gexf(flat, fh)

    # ------------------------------------------------------------------ drawing

    def draw(self, entity: str, ax: Any = None, *, radius: int = 1) -> Any:
        """Draw the neighbourhood of an entity with matplotlib; returns the Axes.

        Raises:
            ExtraMissingError: matplotlib is not installed (``pip install 'nasab[plot]'``).
        """
        try:
            import matplotlib.pyplot as plt
        except ImportError as exc:
            raise ExtraMissingError("drawing", "plot", "matplotlib") from exc
        sub = self.neighbourhood(entity, radius=radius).graph
        centre = self._node_id(entity)
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 6))
        colours = {
            "person": "#4c78a8",
            "organization": "#f58518",
            "role": "#54a24b",
            "place": "#b279a2",
            "document": "#9d9d9d",
        }
        simple = nx.Graph(sub)
        pos = (
            nx.spring_layout(simple, seed=7) if len(simple) > 1 else {n: (0.0, 0.0) for n in simple}
        )
        nodes = sorted(sub.nodes)
        nx.draw_networkx_nodes(
            simple,
            pos,
            nodelist=nodes,
            node_color=[colours.get(sub.nodes[n].get("type"), "#cccccc") for n in nodes],
            node_size=[900 if n == centre else 450 for n in nodes],
            ax=ax,
        )
        nx.draw_networkx_edges(simple, pos, ax=ax, alpha=0.5)
        labels = {n: _display(sub.nodes[n]) for n in nodes}
        nx.draw_networkx_labels(simple, pos, labels=labels, font_size=8, ax=ax)
        edge_labels = {}
        for u, v, d in sub.edges(data=True):
            if d.get("type") not in ("mentions", "co_occurs"):
                edge_labels[(u, v)] = d.get("type")
        nx.draw_networkx_edge_labels(simple, pos, edge_labels=edge_labels, font_size=7, ax=ax)
        ax.set_title(f"{_display(self.graph.nodes[centre])}: neighbourhood (radius {radius})")
        ax.set_axis_off()
        return ax


def _display(data: Mapping[str, Any]) -> str:
    """A label for drawing: the Latin name, with the Arabic name beneath when known."""
    name = str(data.get("name", data.get("id", "")))
    arabic = data.get("name_ar")
    if arabic and arabic != name:
        try:  # Arabic shapes correctly only with these optional packages
            import arabic_reshaper  # type: ignore[import-not-found]
            from bidi.algorithm import get_display  # type: ignore[import-not-found]

            arabic = get_display(arabic_reshaper.reshape(arabic))
        except ImportError:
            pass
        return f"{name}\n{arabic}"
    return name
