"""Layers import downward only: the graph of nasab's imports is acyclic, no module imports a
private name of another, and no ``except ImportError`` hides one of nasab's own modules.

The checks read the source with :mod:`ast` (every import counts, also those inside
functions; imports under ``if TYPE_CHECKING:`` do not, they never run). The few known
exceptions below sit in files that another piece of work is rewriting; each names it, and
the test fails both on a new exception and on a listed one that has gone (so the lists can
only shrink).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "nasab"

# In flight: cycles and private imports in files that are being rewritten.
KNOWN_CYCLES: set[frozenset[str]] = set()
KNOWN_PRIVATE: set[tuple[str, str]] = set()
KNOWN_GUARDED: dict[str, int] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skip


def _parse(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def _imports(
    module: str, tree: ast.Module | None = None
) -> Iterator[tuple[ast.AST, str, str | None]]:
    """(node, imported module, imported name or None) for each nasab import of a module."""
    path = MODULES[module]
    tree = tree or _parse(module)
    skip = _type_checking_nodes(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "nasab":
                    yield node, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "nasab":
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                if full in MODULES:
                    yield node, full, None
                else:
                    yield node, target, alias.name


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for module in MODULES:
        g.add_node(module)
        for _, target, _ in _imports(module):
            if target != module and target in MODULES:
                g.add_edge(module, target)
    return g


def test_the_import_graph_is_acyclic() -> None:
    cycles = {frozenset(c) for c in nx.strongly_connected_components(_graph()) if len(c) > 1}
    assert cycles - KNOWN_CYCLES == set(), "new import cycle"
    assert KNOWN_CYCLES - cycles == set(), "a known cycle is gone: remove it from the list"


def _private_imports() -> set[tuple[str, str]]:
    found = set()
    for module in MODULES:
        for _, target, name in _imports(module):
            if name and name.startswith("_") and not name.startswith("__") and target != module:
                found.add((module, f"{target}.{name}"))
            private_module = next((p for p in target.split(".") if p.startswith("_")), None)
            if private_module:
                owner = target[: target.index(private_module)].rstrip(".")
                if not module.startswith(owner):
                    found.add((module, target))
    return found


def test_no_private_name_of_another_module_is_imported() -> None:
    found = _private_imports()
    assert found - KNOWN_PRIVATE == set(), "new import of a private name"
    assert KNOWN_PRIVATE - found == set(), "a known private import is gone: remove it"


def _guarded_imports() -> dict[str, int]:
    """Modules with ``try: <import of a nasab module> except ImportError``: how many."""
    counts: dict[str, int] = {}
    for module in MODULES:
        tree = _parse(module)
        ours = {id(node) for node, _, _ in _imports(module, tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            caught = {
                n.id
                for h in node.handlers
                if h.type is not None
                for n in ast.walk(h.type)
                if isinstance(n, ast.Name)
            }
            body = {id(n) for stmt in node.body for n in ast.walk(stmt)}
            if caught & {"ImportError", "ModuleNotFoundError"} and body & ours:
                counts[module] = counts.get(module, 0) + 1
    return counts


def test_no_except_import_error_around_our_own_modules() -> None:
    assert _guarded_imports() == KNOWN_GUARDED


def test_the_checks_see_a_cycle_and_a_private_import(tmp_path: Path) -> None:
    a = tmp_path / "nasab" / "a.py"
    a.parent.mkdir()
    (a.parent / "__init__.py").write_text("", encoding="utf-8")
    a.write_text("from .b import _hidden\n", encoding="utf-8")
    (a.parent / "b.py").write_text(
        "try:\n    from . import a\nexcept ImportError:\n    a = None\n", encoding="utf-8"
    )
    global SRC, PACKAGE, MODULES
    saved = SRC, PACKAGE, MODULES
    SRC, PACKAGE = tmp_path, tmp_path / "nasab"
    MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    try:
        cycles = [c for c in nx.strongly_connected_components(_graph()) if len(c) > 1]
        assert cycles == [{"nasab.a", "nasab.b"}]
        assert _private_imports() == {("nasab.a", "nasab.b._hidden")}
        assert _guarded_imports() == {"nasab.b": 1}
    finally:
        SRC, PACKAGE, MODULES = saved
