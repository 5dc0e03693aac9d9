"""Build the entity graph of the seed documents and look around in it.

Usage::

    python examples/seed_graph.py [SEEDS_DIR] [--out DIR]

SEEDS_DIR defaults to ``../shared/seeds`` beside the repository. Prints a summary,
the holders of each role and the alias table, writes the graph as JSON, GraphML and
GEXF into ``--out`` (default: a temporary folder), and draws the neighbourhood of the
most-mentioned person to a PNG when matplotlib is installed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from nasab import ExtraMissingError, build_graph

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=None, help="folder for the exported files")
    args = parser.parse_args(argv)

    paths = sorted(args.seeds.glob("*.txt"))
    if not paths:
        print(f"no *.txt documents in {args.seeds}", file=sys.stderr)
        return 2
    graph = build_graph(paths, errors="skip")
    summary = graph.summary()
    print(f"{len(paths)} documents -> {graph!r}")
    print("nodes:", summary["nodes"])
    print("edges:", summary["edges"])
    if summary["problems"]:
        print("skipped:", summary["problems"])

    print("\nPersons")
    for p in graph.persons():
        print(
            f"  {p['name']:<28} {p.get('name_ar') or '':<20} docs={len(p['documents'])}  names={p['names']}"
        )
    print("\nOrganisations")
    for o in graph.organizations():
        print(
            f"  {o['name']:<28} {o.get('name_ar') or '':<20} docs={len(o['documents'])}  names={o['names']}"
        )
    print("\nRoles")
    for role in graph.roles():
        for h in graph.holders(role["id"]):
            org = f" of {h['organization_name']}" if h["organization_name"] else ""
            rank = f" [{h['rank']}]" if h["rank"] else ""
            print(f"  {role['name']}{org}: {h['name']}{rank}  ({', '.join(h['documents'])})")

    print("\nAlias table")
    for row in graph.alias_rows():
        print(
            f"  {row['entity_id']:<40} {row['alias']:<28} {row['script']:<7} {row['alias_kind']:<17} x{row['count']}"
        )

    out = args.out or Path(tempfile.mkdtemp(prefix="nasab-graph-"))
    out.mkdir(parents=True, exist_ok=True)
    graph.to_json(out / "seeds.json")
    graph.to_graphml(out / "seeds.graphml")
    graph.to_gexf(out / "seeds.gexf")
    print(f"\nwrote {out / 'seeds.json'}, seeds.graphml, seeds.gexf")

    persons = sorted(graph.persons(), key=lambda p: (-p["mention_count"], p["id"]))
    if persons:
        try:
            import matplotlib

            matplotlib.use("Agg")
            ax = graph.draw(persons[0]["id"])
            ax.figure.savefig(out / "neighbourhood.png", dpi=120, bbox_inches="tight")
            print(f"drew {out / 'neighbourhood.png'}")
        except (ImportError, ExtraMissingError) as exc:
            print(f"(no drawing: {exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
