"""Speed of name comparison on fresh names, beside rapidfuzz in the same run.

Every set starts from empty caches (token table, parse and key caches; the shipped
tables stay loaded, as after the first call) and uses each name once, so no score comes
from a cache filled by the same names. Each figure is the least CPU time of ``--repeat``
runs (default 3), each from empty caches: on a shared machine the load moves single runs
by +-20%. Prepared inside the timing: ``compare(a, b)`` on
strings parses and interns both names.

Prints, each beside rapidfuzz ``token_sort_ratio`` on the same pairs:
  1. cross-script single words: netranslit held-out split (no table built from netranslit
     holds them, but 23% of their Arabic tokens are name_words.tsv words through
     google ar2en-train, and so are read from cheap_readings.tsv, not decoded: those are
     listed words, not unseen ones; 2% have beam readings in token_readings.tsv);
  2. cross-script full names: three held-out words per name, Arabic vs English;
  3. Latin full names: OFAC SDN person names;
  4. ``compare_many`` 1000 x 1000 OFAC person names, cold, beside ``cdist``;
  5. ``import nasab`` (``-X importtime``) and the first call that loads the tables (CPU
     and wall time);
and the machine's load average at the start and at the end.

Usage:
    python benchmarks/bench_compare.py [--data ../shared/data] [--n 5000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import os
import pstats
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]


def clear_caches() -> None:
    """Forget every name and token seen so far (shipped tables stay loaded)."""
    from nasab.match import clear_caches as clear

    clear()


def heldout_pairs(data: Path) -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translit import bucket

    from nasab.translit._model import arabic_letters

    out = []
    with (data / "netranslit" / "pairs_dev.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and all(parts) and bucket(arabic_letters(parts[0])) == 0:
                out.append((parts[0], parts[1]))
    return out


def ofac_people(data: Path) -> list[str]:
    with (data / "ofac_sdn_2021" / "clusters.tsv").open(encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh, delimiter="\t") if r["kind"] == "individual"]
    return sorted(set(names))


def pair_up(left: list[str], right: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """Half the pairs are the true counterpart, half a random other name."""
    idx = list(range(len(right)))
    rng.shuffle(idx)
    return [
        (a, right[i] if k % 2 else right[k]) for k, (a, i) in enumerate(zip(left, idx, strict=True))
    ]


def timed(fn: Callable[[str, str], object], pairs: list[tuple[str, str]]) -> float:
    t0 = time.process_time()
    for a, b in pairs:
        fn(a, b)
    return time.process_time() - t0


def fresh_timed(
    fn: Callable[[str, str], object], pairs: list[tuple[str, str]], repeat: int
) -> float:
    """The least CPU time of ``repeat`` runs, each from empty caches (so each is fresh)."""
    runs = []
    for _ in range(repeat):
        clear_caches()
        runs.append(timed(fn, pairs))
    return min(runs)


def run_set(label: str, pairs: list[tuple[str, str]], profile: bool, repeat: int = 1) -> None:
    from nasab.match import compare, prepare, score_prepared

    dt = fresh_timed(compare, pairs, repeat)
    dt_fast = fresh_timed(lambda a, b: score_prepared(prepare(a), prepare(b)), pairs, repeat)
    dt_rf = min(timed(fuzz.token_sort_ratio, pairs) for _ in range(repeat))
    n = len(pairs)
    print(f"{label:34} {n:6d} {n / dt:12,.0f} {n / dt_fast:12,.0f} {n / dt_rf:14,.0f}")
    if profile:
        clear_caches()
        pr = cProfile.Profile()
        pr.enable()
        for a, b in pairs:
            compare(a, b)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(12)


def bench_many(names: list[str], m: int, repeat: int = 1) -> None:
    from nasab.match import compare_many

    a, b = names[:m], names[-m:]
    runs, runs_rf = [], []
    for _ in range(repeat):
        clear_caches()
        t0 = time.process_time()
        compare_many(a, b)
        runs.append(time.process_time() - t0)
        t1 = time.process_time()
        process.cdist(a, b, scorer=fuzz.token_sort_ratio)
        runs_rf.append(time.process_time() - t1)
    dt, dt_rf = min(runs), min(runs_rf)
    print(
        f"compare_many {m}x{m} cold, one core: {m * m / dt:12,.0f} pairs/s "
        f"(rapidfuzz cdist token_sort_ratio: {m * m / dt_rf:,.0f} pairs/s)"
    )


def bench_import() -> None:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import nasab"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        m = re.search(r"\|\s*(\d+) \| nasab$", out, re.M)
        runs.append(int(m.group(1)) / 1e6 if m else float("nan"))
    probe = (
        "import time; import nasab; t = time.perf_counter(); c = time.process_time(); "
        "nasab.compare('Mustafa Al-Kazemi', 'مصطفى الكاظمي'); "
        "print(time.perf_counter() - t, time.process_time() - c)"
    )
    wall, cpu = min(
        tuple(
            float(x)
            for x in subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        for _ in range(3)
    )
    print(f"import nasab (-X importtime, cumulative): {min(runs):.3f} s (best of 3)")
    print(
        f"first cross-script compare, loading the tables: {cpu:.3f} s CPU, "
        f"{wall:.3f} s wall (best of 3)"
    )


def _load() -> str:
    """The 1, 5 and 15 minute load averages (CPU time is what is measured, but a loaded
    machine still moves it: caches, frequency)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=5000, help="pairs per set")
    ap.add_argument("--many", type=int, default=1000, help="compare_many side")
    ap.add_argument("--profile", action="store_true", help="profile compare() on each set")
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per figure, each from empty caches; the least CPU time is kept",
    )
    args = ap.parse_args()
    rng = random.Random(11)
    from nasab import compare

    compare("Mustafa Al-Kazemi", "مصطفى الكاظمي")  # load the shipped tables once
    held = heldout_pairs(args.data)
    rng.shuffle(held)
    n = args.n
    words = held[:n]
    singles = pair_up([a for a, _ in words], [e for _, e in words], rng)
    # Full names: three held-out words each, in a fresh order (caches are cleared
    # between sets, so their tokens are new to this set too).
    shuffled = held[:]
    random.Random(23).shuffle(shuffled)
    triples = [shuffled[3 * i : 3 * i + 3] for i in range(min(n, len(shuffled) // 3))]
    full_ar = [" ".join(a for a, _ in t) for t in triples]
    full_en = [" ".join(e.title() for _, e in t) for t in triples]
    fulls = pair_up(full_ar, full_en, rng)
    people = ofac_people(args.data)
    rng.shuffle(people)
    latin = [(people[2 * i], people[2 * i + 1]) for i in range(min(n, len(people) // 2))]
    print(f"load average at the start: {_load()}")
    print("## compare on fresh names (calls/s, CPU time, one core)")
    print(f"{'set':34} {'pairs':>6} {'compare':>12} {'prepare+score':>12} {'token_sort_ratio':>14}")
    print(f"(best of {args.repeat} runs, each from empty caches)")
    run_set("cross-script single words", singles, args.profile, args.repeat)
    run_set("cross-script full names (3 words)", fulls, args.profile, args.repeat)
    run_set("Latin full names (OFAC)", latin, args.profile, args.repeat)
    print()
    rest = people[2 * len(latin) :] or people
    bench_many(rest, min(args.many, len(rest) // 2), args.repeat)
    bench_import()
    print(f"load average at the end: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
