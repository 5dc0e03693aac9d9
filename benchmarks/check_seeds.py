"""Score an entity graph against a gold reading of a set of documents.

Builds the graph of the documents (by default the seed documents in
``../shared/seeds`` beside the repository) with :func:`nasab.build_graph` and checks it
against the gold file (``gold.json`` there):

* every gold entity is exactly one node of its type holding all its listed surface
  forms (each form in that node's ``names``);
* no two gold keys share a node (and each ``must_not_merge`` pair is apart);
* every ``roles`` entry is a ``holds_role`` edge from the person's node (role name
  compared case-insensitively; rank, organisation, organisation words, the Arabic role
  name and the documents checked where given);
* every alias is in the entity's node or joined to it by an ``alias`` edge;
* none of ``not_persons`` is a name of a person node.

Prints one line per check and the share passed; exits 1 below 100%.

Usage::

    python benchmarks/check_seeds.py [--docs DIR] [--gold FILE] [--backend auto|rules|model] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent / "shared" / "seeds"


def _fold(text: Any) -> str:
    return " ".join(str(text or "").casefold().replace("-", " ").split())


def _documents(docs_dir: Path, gold: dict[str, Any]) -> list[Path]:
    wanted = gold.get("documents") or {}
    paths = [docs_dir / f"{doc_id}.txt" for doc_id in sorted(wanted)]
    if wanted and all(p.is_file() for p in paths):
        return paths
    return sorted(p for p in docs_dir.glob("*.txt") if p.is_file())


def check(graph: Any, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Run every check of ``gold`` on an :class:`~nasab.graph.EntityGraph`.

    Returns:
        One dict per check: ``check`` (its kind), ``item``, ``ok`` and ``detail``.
    """
    g = graph.graph
    results: list[dict[str, Any]] = []

    def add(kind: str, item: str, ok: bool, detail: str = "") -> None:
        results.append({"check": kind, "item": item, "ok": bool(ok), "detail": detail})

    by_key: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    for ent in gold.get("entities", []):
        key, kind = ent["key"], ent.get("type", "person")
        kinds[key] = kind
        forms = sorted({f for fs in ent.get("mentions", {}).values() for f in fs})
        holders: dict[str, list[str]] = {}
        for form in forms:
            holders[form] = sorted(
                n
                for n, d in g.nodes(data=True)
                if d.get("type") == kind and form in d.get("names", [])
            )
        nodes = sorted({n for hs in holders.values() for n in hs})
        missing = [f for f, hs in holders.items() if not hs]
        if len(nodes) == 1 and not missing:
            by_key[key] = nodes[0]
            add("entity", key, True, f"{nodes[0]} holds {len(forms)} forms")
        else:
            by_key[key] = nodes[0] if len(nodes) == 1 else None
            parts = []
            if missing:
                parts.append("no node holds " + ", ".join(repr(f) for f in missing))
            if len(nodes) > 1:
                parts.append(
                    "split over "
                    + "; ".join(f"{n} {[f for f, hs in holders.items() if n in hs]}" for n in nodes)
                )
            add("entity", key, False, " / ".join(parts))
        # Counted for every entity, so that the number of checks does not depend on the output.
        if by_key[key] is None:
            add("documents", key, False, "no single node")
        else:
            docs = set(g.nodes[by_key[key]].get("documents", []))
            need = set(ent.get("mentions", {}))
            add(
                "documents",
                key,
                need <= docs,
                f"missing {sorted(need - docs)}" if need - docs else "",
            )
    # Distinctness.
    owners: dict[str, list[str]] = {}
    for key, node in by_key.items():
        if node is not None:
            owners.setdefault(node, []).append(key)
    shared = {n: ks for n, ks in owners.items() if len(ks) > 1}
    add(
        "distinct",
        "all keys",
        not shared,
        "; ".join(f"{n} holds {ks}" for n, ks in sorted(shared.items())),
    )
    for a, b, *why in gold.get("must_not_merge", []):
        na = _node_of_forms(g, gold, a)
        nb = _node_of_forms(g, gold, b)
        ok = not (na & nb)
        add(
            "must_not_merge",
            f"{a} / {b}",
            ok,
            "" if ok else f"share {sorted(na & nb)} ({why[0] if why else ''})",
        )
    # Roles.
    for r in gold.get("roles", []):
        person = r["person"]
        item = f"{person} {r['role']}" + (
            f" ({r['organization']})" if r.get("organization") else ""
        )
        node = by_key.get(person)
        if node is None:
            add("role", item, False, f"no single node for {person}")
            continue
        edges = []
        for _, v, d in g.out_edges(node, data=True):
            if d.get("type") != "holds_role":
                continue
            role = g.nodes[v]
            labels = {
                _fold(role.get("name")),
                *(_fold(x) for x in role.get("names", [])),
                _fold(d.get("role")),
            }
            if _fold(r["role"]) in labels:
                edges.append((v, d))
        problems = []
        if not edges:
            have = sorted(
                g.nodes[v].get("name")
                for _, v, d in g.out_edges(node, data=True)
                if d.get("type") == "holds_role"
            )
            problems.append(f"no holds_role edge to {r['role']!r} (has {have})")
        else:
            if r.get("rank") and not any(
                _fold(d.get("rank")) == _fold(r["rank"]) for _, d in edges
            ):
                problems.append(
                    f"rank {r['rank']!r} not on the edge ({[d.get('rank') for _, d in edges]})"
                )
            if r.get("organization"):
                want = by_key.get(r["organization"])
                if want is None or not any(d.get("organization") == want for _, d in edges):
                    problems.append(
                        f"organization {r['organization']} ({want}) not on the edge "
                        f"({[d.get('organization') or d.get('organization_name') for _, d in edges]})"
                    )
            if r.get("organization_words"):
                words = set(_fold(r["organization_words"]).split())
                if not any(
                    words
                    <= set(
                        _fold(
                            " ".join(
                                [
                                    str(d.get("organization_name") or ""),
                                    *d.get("organization_names", []),
                                ]
                            )
                        ).split()
                    )
                    for _, d in edges
                ):
                    problems.append(
                        f"organization words {r['organization_words']!r} not on the edge"
                    )
            if r.get("role_ar") and not any(
                r["role_ar"] in g.nodes[v].get("names", []) for v, _ in edges
            ):
                problems.append(f"Arabic role {r['role_ar']!r} not among the role node's names")
            docs = {doc for _, d in edges for doc in d.get("documents", [])}
            need = set(r.get("documents", []))
            if need - docs:
                problems.append(f"documents {sorted(need - docs)} missing from the edge")
        add("role", item, not problems, "; ".join(problems))
    # Aliases.
    for ent in gold.get("entities", []):
        node = by_key.get(ent["key"])
        for alias in ent.get("aliases", []):
            if node is None:
                add("alias", f"{ent['key']} {alias!r}", False, "no single node")
                continue
            linked = {node}
            for u, v, d in [*g.out_edges(node, data=True), *g.in_edges(node, data=True)]:
                if d.get("type") == "alias":
                    linked |= {u, v}
            ok = any(alias in g.nodes[n].get("names", []) for n in linked)
            add(
                "alias",
                f"{ent['key']} {alias!r}",
                ok,
                "" if ok else "neither in the node nor alias-linked",
            )
    # Not persons.
    for name in gold.get("not_persons", []):
        hits = sorted(
            n
            for n, d in g.nodes(data=True)
            if d.get("type") == "person"
            and (name in d.get("names", []) or _fold(name) == _fold(d.get("name")))
        )
        add("not_person", name, not hits, f"person node(s) {hits}" if hits else "")
    return results


def _node_of_forms(g: Any, gold: dict[str, Any], key: str) -> set[str]:
    """Every node holding any listed form of a gold key."""
    for ent in gold.get("entities", []):
        if ent["key"] == key:
            forms = {f for fs in ent.get("mentions", {}).values() for f in fs}
            return {
                n
                for n, d in g.nodes(data=True)
                if d.get("type") == ent.get("type") and forms & set(d.get("names", []))
            }
    return set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--docs", type=Path, default=DEFAULT_DOCS, help="folder of the documents (*.txt)"
    )
    parser.add_argument(
        "--gold", type=Path, default=None, help="gold file (default: DOCS/gold.json)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--backend",
        default="auto",
        choices=["auto", "rules", "model"],
        help="extraction backend (default auto: the models where installed)",
    )
    parser.add_argument(
        "--save", type=Path, default=None, help="also write the graph as node-link JSON here"
    )
    args = parser.parse_args(argv)

    from nasab import build_graph

    gold_path = args.gold or args.docs / "gold.json"
    if not gold_path.is_file():
        print(f"gold file not found: {gold_path}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    paths = _documents(args.docs, gold)
    if not paths:
        print(f"no documents in {args.docs}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    graph = build_graph(paths, backend=args.backend)
    seconds = time.perf_counter() - t0
    if args.save:
        graph.to_json(args.save)
    results = check(graph, gold)
    passed = sum(r["ok"] for r in results)
    share = 100.0 * passed / len(results) if results else 0.0
    if args.json:
        print(
            json.dumps(
                {
                    "documents": len(paths),
                    "seconds": round(seconds, 3),
                    "passed": passed,
                    "total": len(results),
                    "percent": round(share, 2),
                    "results": results,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for r in results:
            mark = "PASS" if r["ok"] else "FAIL"
            print(
                f"{mark}  {r['check']:<15} {r['item']}"
                + (f"  -- {r['detail']}" if r["detail"] else "")
            )
        print(
            f"{passed}/{len(results)} checks passed: {share:.1f}% ({len(paths)} documents, graph built in {seconds:.2f}s)"
        )
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
