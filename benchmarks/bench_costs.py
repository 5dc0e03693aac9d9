"""Cost of every public function against the length of its input (issue 12).

Each function is called on inputs of three sizes, each four times the last (name tokens,
names in a list, document sentences, documents), built by the fuzz grammar of
``tests/fuzz_grammar.py`` with fresh words at every size (so the caches hold none of
them). For each size the script prints the median CPU time of three calls on three
different inputs, and the growth exponent between the smallest and the largest size:
``log(t_large / t_small) / log(16)``, so 1.0 is linear and 2.0 quadratic. The baseline is
the smallest size in the same run. Sizes stay within the documented limits
(``docs/limits.md``); ``compare_many`` is quadratic by definition (every pair is scored)
and is given per pair.

Usage:
    python benchmarks/bench_costs.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fuzz import load_grammar

import nasab

REPEATS = 3

g = load_grammar()


def _chain(rng: random.Random, n: int) -> str:
    return g.nasab_chain(rng, n)


def _names(rng: random.Random, n: int) -> list[str]:
    return [x for x in (g.name_like(rng) for _ in range(n * 2)) if x.strip()][:n]


def _doc(rng: random.Random, sentences: int) -> str:
    """A news-like document (the grammar sometimes appends NUL characters, refused)."""
    return g.document_like(rng, sentences).replace("\x00", "")


def _docs(rng: random.Random, n: int) -> list[str]:
    return [_doc(rng, 6) for _ in range(n)]


# name -> (unit, sizes, make input(rng, size), call(input))
CASES: dict[str, tuple[str, tuple[int, ...], Callable[..., Any], Callable[[Any], Any]]] = {
    "normalize": ("tokens", (4, 16, 64), _chain, nasab.normalize),
    "tokenize": ("tokens", (4, 16, 64), _chain, nasab.tokenize),
    "romanize": ("tokens", (4, 16, 64), _chain, nasab.romanize),
    "parse_name": ("tokens", (4, 16, 64), _chain, nasab.parse_name),
    "prepare": ("tokens", (4, 16, 64), _chain, nasab.prepare),
    "variants": ("tokens", (4, 16, 64), _chain, nasab.variants),
    "arabic_candidates": ("tokens", (4, 16, 64), _chain, nasab.arabic_candidates),
    "compare": (
        "tokens",
        (4, 16, 64),
        lambda rng, n: (_chain(rng, n), _chain(rng, n)),
        lambda ab: nasab.compare(*ab),
    ),
    "compare_many (per pair)": (
        "names",
        (8, 32, 128),
        lambda rng, n: (_names(rng, n), _names(rng, n)),
        lambda ab: nasab.compare_many(*ab),
    ),
    "resolve": ("names", (50, 200, 800), _names, nasab.resolve),
    "link": ("queries", (25, 100, 400), _names, lambda q: nasab.link(q, g._table(), top=5)),
    "extract": (
        "sentences",
        (4, 16, 64),
        _doc,
        nasab.extract,
    ),
    "build_graph": ("documents", (1, 4, 16), _docs, nasab.build_graph),
}


def cpu(call: Callable[[Any], Any], arg: Any) -> float:
    c0 = time.process_time()
    call(arg)
    return time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="+", help="measure only these functions")
    args = ap.parse_args()
    g.warm_up(
        Path(tempfile.mkdtemp(prefix="nasab-costs-"))
    )  # model and table loads, outside the measurements
    g._table()
    print(f"{'function':24} {'unit':>9} {'sizes':>12} {'CPU ms at each size':>30} {'exponent':>8}")
    seed = 1
    for name, (unit, sizes, make, call) in CASES.items():
        if args.only and name not in args.only:
            continue
        medians = []
        for size in sizes:
            times = []
            for _ in range(REPEATS):
                seed += 1
                times.append(cpu(call, make(random.Random(seed), size)))
            per = size * size if name.startswith("compare_many") else 1
            medians.append(statistics.median(times) * 1000 / per)
        exp = math.log(max(medians[-1], 1e-6) / max(medians[0], 1e-6)) / math.log(
            sizes[-1] / sizes[0]
        )
        shown = " / ".join(f"{m:.2f}" if m < 10 else f"{m:.0f}" for m in medians)
        print(f"{name:24} {unit:>9} {'/'.join(map(str, sizes)):>12} {shown:>30} {exp:8.2f}")


if __name__ == "__main__":
    main()
