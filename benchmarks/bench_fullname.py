"""Full-name cross-script retrieval: Arabic-script full names against a pool of Latin ones.

No data set we may use pairs whole names across scripts (OFAC has Latin names only; the
netranslit and ar2en pairs are single words). This benchmark builds them: the real Latin
full names of the persons of the OFAC SDN 2021 list (their structure, particles and
spellings as a sanctions list writes them) are written in Arabic script word by word with
the word pairs of the HELD-OUT splits only (netranslit bucket 0, the split no table was
built from, and google ar2en-eval), so no word of a query was seen by nasab's tables.
A name is used only when every word has a held-out Arabic spelling (the article al- and
Abd, Abu, bin are written ال, عبد, أبو, بن). Each Arabic query has one right answer in a
pool of Latin names, one per person; ties count against it.

What it does not measure: the Arabic spellings are the word pairs' spellings, not the ones
a list would print for that person, and names with words outside the held-out pairs (most
of them) are left out.

Usage:
    python benchmarks/bench_fullname.py [--data ../shared/data] [--pool 500]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_match import heldout, load_pairs, print_ranks  # noqa: E402

#: Latin particles and their Arabic forms (the article is joined to the next word).
PARTICLES = {"abd": "عبد", "abu": "أبو", "bin": "بن", "ibn": "بن", "bint": "بنت"}
ARTICLES = ("al", "el")


def word_spellings(data: Path) -> tuple[dict[str, str], set[str]]:
    """Latin word -> its most frequent Arabic spelling in all the word pairs, and the Latin
    words that only the held-out splits hold (no table of nasab saw them)."""
    held = [p for p in load_pairs(data / "netranslit" / "pairs_dev.tsv") if heldout(p[0])]
    held += load_pairs(data / "google_ar2en" / "ar2en-eval.txt")
    seen = [p for p in load_pairs(data / "netranslit" / "pairs_dev.tsv") if not heldout(p[0])]
    seen += load_pairs(data / "google_ar2en" / "ar2en-train.txt")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for ar, en in held + seen:
        if " " not in ar and " " not in en:
            counts[en.lower()][ar] += 1
    unseen = {en.lower() for _, en in held} - {en.lower() for _, en in seen}
    return {en: c.most_common(1)[0][0] for en, c in counts.items()}, unseen


def in_order(name: str) -> str:
    """``SURNAME, Given names`` (the list's form) as ``Given names SURNAME``."""
    family, _, given = name.partition(",")
    return f"{given.strip()} {family.strip()}".strip() if given else name.strip()


def to_arabic(latin: str, spell: dict[str, str]) -> str | None:
    """The Arabic-script form of a Latin full name, word by word (None: a word is unknown)."""
    words = unidecode(latin).lower().replace("-", " ").replace("'", "").split()
    out: list[str] = []
    article = False
    for w in words:
        if w in ARTICLES:
            article = True
            continue
        if w in PARTICLES and not article:
            out.append(PARTICLES[w])
            continue
        ar = spell.get(w)
        if ar is None or not w.isalpha():
            return None
        if article and not ar.startswith("ال"):
            ar = "ال" + ar
        out.append(ar)
        article = False
    if article or sum(1 for w in out if w not in PARTICLES.values()) < 2:
        return None
    return " ".join(out)


def build(data: Path, pool: int, seed: int = 17) -> tuple[list[str], list[str], float]:
    """Arabic queries, Latin targets, and the share of target words no table saw."""
    spell, unseen = word_spellings(data)
    seen: dict[str, str] = {}
    entities: set[str] = set()
    with (data / "ofac_sdn_2021" / "clusters.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] != "individual" or row["entity_id"] in entities:
                continue
            latin = in_order(row["name"])
            arabic = to_arabic(latin, spell)
            if arabic and latin not in seen and arabic not in seen.values():
                # One name per person: two aliases of one man in the pool are both right.
                seen[latin] = arabic
                entities.add(row["entity_id"])
    items = sorted(seen.items())
    random.Random(seed).shuffle(items)
    items = items[:pool]
    words = [w for lat, _ in items for w in unidecode(lat).lower().replace("-", " ").split()]
    share = sum(w in unseen for w in words) / max(1, len(words))
    return [a for _, a in items], [lat for lat, _ in items], share


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pool", type=int, default=500)
    args = ap.parse_args()
    from nasab import compare

    queries, targets, unseen = build(args.data, args.pool)
    print(
        f"## full-name cross-script retrieval: {len(queries)} Arabic queries x pool of "
        f"{len(targets)} (OFAC persons; {unseen:.1%} of their words only in held-out pairs)"
    )
    for q, t in list(zip(queries, targets, strict=True))[:3]:
        print(f"   e.g. {q}  ->  {t}")
    methods = {
        "nasab.compare": lambda q, c: [compare(q, t).score for t in c],
        "unidecode + rapidfuzz token_sort_ratio": lambda q, c: [
            fuzz.token_sort_ratio(unidecode(q).lower(), t.lower()) for t in c
        ],
    }
    print_ranks(methods, queries, targets, width=40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
