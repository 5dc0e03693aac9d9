"""Rebuild data/aliases/org_word_freq.tsv: how many organisations use each name word.

Source: US OFAC SDN list (April 2021; US government work, public domain), every
non-individual entry, each word counted once per entity. The organisation comparer
(:mod:`nasab.match.orgs`) turns these counts into rarity weights, so that words many
organisations share (``open``, ``joint``, ``trading``...) count for little and rare
proper names for much. Words are normalised as the comparer normalises them
(:func:`nasab.text.normalize`, Arabic article stripped); words in fewer than 3
entities are left out (absent words count as rare).

Usage:
    python scripts/build_org_word_freq.py [--data ../shared/data] [--out data/aliases/org_word_freq.tsv]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from nasab.match.orgs import _strip_article, _surface_tokens

MIN_COUNT = 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "data" / "aliases" / "org_word_freq.tsv")
    args = ap.parse_args()

    words_by_entity: dict[str, set[str]] = defaultdict(set)
    with (args.data / "ofac_sdn_2021" / "clusters.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "individual" or not row["name"].strip():
                continue
            ent = words_by_entity[row["entity_id"]]
            for tok, _caps in _surface_tokens(row["name"]):
                ent.add(tok if tok.isascii() else _strip_article(tok))
    counts: Counter[str] = Counter()
    for words in words_by_entity.values():
        counts.update(words)
    rows = sorted(
        ((w, c) for w, c in counts.items() if c >= MIN_COUNT), key=lambda x: (-x[1], x[0])
    )
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Organisation-name words (nasab.text.normalize, Arabic article stripped) and the\n"
            "# number of organisations using them. Source: US OFAC SDN list, April 2021 (US\n"
            "# government work, public domain), non-individual entries, once per entity.\n"
            f"# Licence: public domain. organizations={len(words_by_entity)}; words in fewer\n"
            f"# than {MIN_COUNT} organisations left out. Rebuild: python scripts/build_org_word_freq.py\n"
        )
        fh.write("word\tcount\n")
        for w, c in rows:
            fh.write(f"{w}\t{c}\n")
    print(f"{len(rows)} words from {len(words_by_entity)} organisations -> {args.out}")


if __name__ == "__main__":
    main()
