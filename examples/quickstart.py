"""Build the entity graph of the example documents and print what nasab found.

Usage:
    python examples/quickstart.py [DOCS_DIR] [-o graph.json]

DOCS_DIR defaults to examples/docs (three short news texts, two English, one Arabic).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nasab


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="?", type=Path, default=Path(__file__).parent / "docs")
    ap.add_argument("-o", "--output", type=Path, default=None, help="write the node-link JSON here")
    args = ap.parse_args()

    paths = sorted(args.docs.glob("*.txt"))
    graph = nasab.build_graph(paths)

    print(f"{len(paths)} documents -> {graph.summary()}\n")
    print("Persons:")
    for node in graph.persons():
        print(f"  {node['name']:32} names: {' / '.join(node['names'])}")
    print("\nOrganisations:")
    for node in graph.organizations():
        print(f"  {node['name']:32} names: {' / '.join(node['names'])}")
    print("\nRoles:")
    for role in sorted({r for p in graph.persons() for r in graph.roles_of(p["id"])}):
        print(f"  {role}")
    print("\nAlias table:")
    table = graph.alias_table()
    for row in table:
        print(f"  {row.entity_id}  {row.alias:32} ({row.script}, {row.alias_kind})")
    print("\nRomanised Arabic names:")
    for node in graph.persons():
        for name in node["names"]:
            if nasab.detect_script(name) == "arabic":
                print(f"  {name} -> {nasab.romanize(name)}")
    if args.output:
        graph.to_json(args.output)
        print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
