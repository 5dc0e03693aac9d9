"""Cost of ``variants`` and ``arabic_candidates`` against the length of the name.

Names of 2, 5, 10, 20 and 40 tokens are built from attested Arabic name words
(``data/aliases/name_words.tsv``), each size from words no other size uses, so every
measured call meets tokens the caches have not seen (the model tables are loaded once,
before the first measurement, and that load time is reported apart). Latin names are the
same words romanised. For each size the script prints the wall time and the peak memory
(tracemalloc) of one call, and the time per token; the baseline is the old full product
of the tokens' candidates, whose size (candidates ** tokens) is printed beside it and
run only while it stays under a million combinations.

A 12-token name must take under 50 ms, and the time per token must not grow with the
number of tokens.

Usage:
    python benchmarks/bench_bounds.py [--sizes 2 5 10 20 40] [--k 10]
"""

from __future__ import annotations

import argparse
import math
import time
import tracemalloc
from itertools import product

from nasab._data import load_tsv
from nasab.translit import arabic_candidates, romanize, variants

#: The old product was run only below this many combinations.
PRODUCT_LIMIT = 1_000_000


def name_words() -> list[str]:
    """Distinct attested Arabic name words, most frequent first, no article."""
    rows = load_tsv("name_words.tsv")
    words = [r["ar"] for r in rows if not r["ar"].startswith("ال") and " " not in r["ar"]]
    return list(dict.fromkeys(words))


def measure(fn, name: str, k: int) -> tuple[float, float, list[str]]:
    """(seconds, peak MiB, result) of one call."""
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn(name, k=k)
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return dt, peak, out


def product_size(k: int, tokens: int) -> int:
    return k**tokens


def old_product(options: list[list[tuple[str, float]]], k: int) -> float:
    """Time of the former ranking: every combination built and sorted."""
    t0 = time.perf_counter()
    combos = [
        (tuple(x for x, _ in c), math.prod(p for _, p in c))
        for c in product(*[o[:k] for o in options])
    ]
    combos.sort(key=lambda x: -x[1])
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 5, 10, 12, 20, 40])
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    words = name_words()
    t0 = time.perf_counter()
    variants(words[0] + " " + words[1], k=args.k)  # loads the model tables
    arabic_candidates(romanize(words[2]), k=args.k)
    print(f"model load (first call): {time.perf_counter() - t0:.2f} s")
    pos = 3
    print(f"\n{'function':18} {'script':6} {'tokens':>6} {'ms':>8} {'ms/token':>9} "
          f"{'peak MiB':>9} {'full product (k^n)':>20}")  # fmt: skip
    for n in args.sizes:
        ar_words = words[pos : pos + n]
        la_words = [romanize(w) for w in words[pos + n : pos + 2 * n]]
        pos += 2 * n
        cases = [
            ("variants", "arabic", variants, " ".join(ar_words)),
            ("variants", "latin", variants, " ".join(la_words)),
            ("arabic_candidates", "latin", arabic_candidates, " ".join(la_words)),
        ]
        for label, script, fn, name in cases:
            dt, peak, out = measure(fn, name, args.k)
            assert out, (label, name)
            size = product_size(args.k, n)
            print(f"{label:18} {script:6} {n:6d} {dt * 1000:8.1f} {dt * 1000 / n:9.2f} "
                  f"{peak:9.2f} {size:20.3g}")  # fmt: skip
    # The baseline: the old full product on per-token options of the same size.
    print(f"\nbaseline: the former full product of k options per token (k = {args.k})")
    for n in args.sizes:
        size = product_size(args.k, n)
        if size > PRODUCT_LIMIT:
            print(f"  {n:3d} tokens: {size:.3g} combinations, not run")
            continue
        options = [[(f"w{i}_{j}", 1.0 / (j + 1)) for j in range(args.k)] for i in range(n)]
        print(
            f"  {n:3d} tokens: {size:,} combinations, {old_product(options, args.k) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
