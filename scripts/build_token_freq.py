"""Rebuild data/aliases/token_freq.tsv: how many persons carry each name-token key.

Source: US OFAC SDN list (April 2021; US government work, public domain), individuals
only, counted once per entity. The comparison layer turns these counts into weights
so that common given names (Mohammed, Ali) count for little and rare family names
for much.

Usage:
    python scripts/build_token_freq.py [--data ../shared/data] [--out data/aliases/token_freq.tsv]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from nasab.names import parse_name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "data" / "aliases" / "token_freq.tsv")
    args = ap.parse_args()

    keys_by_entity: dict[str, set[str]] = defaultdict(set)
    with (args.data / "ofac_sdn_2021" / "clusters.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] != "individual":
                continue
            name = parse_name(row["name"])
            for tok in (*name.tokens, *name.kunya):
                if tok.key:
                    keys_by_entity[row["entity_id"]].add(tok.key)
    counts: Counter[str] = Counter()
    for keys in keys_by_entity.values():
        counts.update(keys)
    n = len(keys_by_entity)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Person-name token keys (consonant skeletons, nasab.names.skeleton) and the number\n"
        )
        out.write(
            "# of persons carrying them. Source: US OFAC SDN list, April 2021 (US government\n"
        )
        out.write("# work, public domain), individuals only. Licence: public domain.\n")
        out.write(f"# persons={n}. Rebuild: python scripts/build_token_freq.py\n")
        out.write("key\tcount\n")
        for key, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if c >= 2:
                out.write(f"{key}\t{c}\n")
    print(f"{len(counts)} keys from {n} persons -> {args.out}")


if __name__ == "__main__":
    main()
