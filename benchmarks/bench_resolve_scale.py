"""Time and peak memory of nasab.resolution on 10k and 100k (and 1M with --big) names.

Names are generated realistically from the netranslit development pairs (Arabic and
English spellings of single name tokens, Wikidata, CC0): each synthetic person is two
to four tokens drawn with Zipf-like frequencies (so common names like Mohammed are
common), and is written one to four times, in Arabic script or in Latin with spelling
variation (vowel changes, doubled letters, the article al- added or dropped, a middle
name dropped). Fixed seed. Each size runs in a fresh subprocess so that its peak RSS
(resource.getrusage) is its own; the growth exponent log(t2/t1)/log(n2/n1) is printed.

Run:
    python benchmarks/bench_resolve_scale.py [--sizes 10000 100000] [--big]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

DATA = Path("/work/shared/data/netranslit/pairs_dev.tsv")


def _vary(word: str, rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.15:
        for a, b in (("ou", "u"), ("u", "ou"), ("e", "i"), ("i", "e"), ("a", "e"), ("o", "u")):
            if a in word:
                return word.replace(a, b, 1)
    if r < 0.25 and len(word) > 3:
        k = rnd.randrange(1, len(word) - 1)
        if word[k].isalpha() and word[k] not in "aeiou":
            return word[:k] + word[k] + word[k:]
    return word


def generate(n: int, seed: int = 7) -> tuple[list[str], list[int]]:
    pairs: list[tuple[str, str]] = []
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) == 2 and row[0].strip() and row[1].strip().isalpha():
                pairs.append((row[0].strip(), row[1].strip()))
    rnd = random.Random(seed)
    rnd.shuffle(pairs)
    weights = [1.0 / (k + 1) ** 0.9 for k in range(len(pairs))]
    names: list[str] = []
    gold: list[int] = []
    entity = 0
    while len(names) < n:
        size = rnd.choice((2, 2, 3, 3, 4))
        toks = rnd.choices(pairs, weights=weights, k=size)
        for _ in range(rnd.choice((1, 1, 2, 2, 3, 4))):
            if rnd.random() < 0.3:
                name = " ".join(ar for ar, _ in toks)
            else:
                words = [en.capitalize() for _, en in toks]
                if len(words) > 2 and rnd.random() < 0.3:
                    del words[1]
                words = [_vary(w.lower(), rnd).capitalize() for w in words]
                if rnd.random() < 0.4:
                    words[-1] = "al-" + words[-1]
                name = " ".join(words)
            names.append(name)
            gold.append(entity)
        entity += 1
    return names[:n], gold[:n]


def run_one(n: int) -> dict[str, float]:
    names, gold = generate(n)
    from nasab.resolution import resolve

    def cpu() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    c0 = cpu()
    t0 = time.perf_counter()
    res = resolve(names)
    took = time.perf_counter() - t0
    cpu_s = cpu() - c0
    st = res._state
    assert st is not None
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Scoring workers (forked, see nasab.resolution.core): their own peak, each.
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    from collections import Counter

    pc, gc, both = Counter(res.labels), Counter(gold), Counter(zip(res.labels, gold, strict=False))
    p = sum(both[(x, y)] / pc[x] for x, y in zip(res.labels, gold, strict=False)) / n
    r = sum(both[(x, y)] / gc[y] for x, y in zip(res.labels, gold, strict=False)) / n
    return {
        "n": n,
        "seconds": took,
        "cpu_seconds": cpu_s,
        "peak_rss_mib": peak_mib,
        "worker_rss_mib": worker_mib,
        "pairs": len(st.candidates),
        "entities": len(res.entities),
        "b3_f1": 2 * p * r / (p + r),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--big", action="store_true", help="also run 1,000,000 names")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    sizes = list(args.sizes) + ([1_000_000] if args.big else [])
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"n={row['n']:>9,}  time={row['seconds']:8.1f}s  cpu={row['cpu_seconds']:8.1f}s  peak RSS={row['peak_rss_mib']:8.0f} MiB "
            f"(+ workers {row.get('worker_rss_mib', 0):.0f} MiB each)  "
            f"candidate pairs={row['pairs']:>10,}  entities={row['entities']:>9,}  B3 F1={row['b3_f1']:.4f}",
            flush=True,
        )
    for a, b in itertools.pairwise(rows):
        k = math.log(b["seconds"] / a["seconds"]) / math.log(b["n"] / a["n"])
        kc = math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["n"] / a["n"])
        print(f"growth exponent {a['n']:,} -> {b['n']:,}: {k:.2f} (wall), {kc:.2f} (cpu)")


if __name__ == "__main__":
    main()
