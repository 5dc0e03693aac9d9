"""Entity graphs: persons, organisations, roles, places and documents across scripts.

:func:`build_graph` reads documents in Arabic and English, extracts mentions and
relations, resolves them into entities across documents and scripts, and returns an
:class:`EntityGraph` (a networkx MultiDiGraph with query, export and display methods).

Example:
    >>> from nasab.graph import build_graph
    >>> g = build_graph(["Lieutenant General Ali al-Tamimi, head of the Border Guard, spoke."])
    >>> [p["name"] for p in g.persons()]
    ['Ali al-Tamimi']
"""

from ._build import build_graph
from ._model import ENTITY_TYPES, NODE_TYPES, SCHEMA, EntityGraph

__all__ = ["ENTITY_TYPES", "NODE_TYPES", "SCHEMA", "EntityGraph", "build_graph"]
