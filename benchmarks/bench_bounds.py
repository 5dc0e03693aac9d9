"""Cost of ``variants`` and ``arabic_candidates`` against the length of the name.

Names of 2, 5, 10, 20 and 40 tokens are built from attested Arabic name words
(``data/aliases/name_words.tsv``), each size from words no other size uses, so every
measured call meets tokens the caches have not seen (the model tables are loaded once,
before the first measurement, and that load time is reported apart). Latin names are the
same words romanised (``--rare``: the least frequent name words, none of them in
``decoded_readings.tsv``). For each size the script prints the wall and CPU time of one
call (without tracemalloc), the time per token, and the peak memory (tracemalloc) of the
same call on other words of the same size; the baseline is the old full product
of the tokens' candidates, whose size (candidates ** tokens) is printed beside it and
run only while it stays under a million combinations.

Times are wall and CPU time of the process (the CPU time is what to read on a shared
machine). With ``--fresh`` every call runs in a new process (only the model tables
loaded, by a call on two other words): first sight with cold caches, as a user meets it;
the time is taken in one process and the peak memory (tracemalloc, which slows the call
it watches several times) in another. Frequent name words meet the decoders' output
precomputed in ``decoded_readings.tsv``; ``--rare`` builds the names from the least
frequent name words instead (not in that table: every token decoded). The time per token
must not grow with the number of tokens. The script ends with the 12-token name of the
issue (an ordinary nasab chain), in both scripts.

Usage:
    python benchmarks/bench_bounds.py [--sizes 2 5 10 20 40] [--k 10] [--fresh] [--rare]
"""

from __future__ import annotations

import argparse
import importlib
import math
import subprocess
import sys
import time
import tracemalloc
from itertools import product

from nasab._data import load_tsv
from nasab.lexicon import decoded_readings
from nasab.translit import arabic_candidates, romanize, variants
from nasab.translit._model import model, reverse_word_table, word_table

variants_module = importlib.import_module("nasab.translit.variants")

#: The old product was run only below this many combinations.
PRODUCT_LIMIT = 1_000_000


def name_words() -> list[str]:
    """Distinct attested Arabic name words, most frequent first, no article."""
    rows = load_tsv("name_words.tsv")
    words = [r["ar"] for r in rows if not r["ar"].startswith("ال") and " " not in r["ar"]]
    return list(dict.fromkeys(words))


def measure(fn, name: str, k: int, memory: bool = True) -> tuple[float, float, float, list[str]]:
    """(wall seconds, CPU seconds, peak MiB, result) of one call.

    With ``memory`` the call runs under tracemalloc, which slows Python code several
    times: the times of such a call are not the times to quote (``--fresh`` measures time
    and memory in two separate processes).
    """
    if memory:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn(name, k=k)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if memory else float("nan")
    if memory:
        tracemalloc.stop()
    return dt, cpu, peak, out


def warm_cpu(fn, name: str, k: int) -> float:
    """CPU seconds of the same call again (every token's spellings cached)."""
    c0 = time.process_time()
    fn(name, k=k)
    return time.process_time() - c0


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


def cases(words: list[str], sizes: list[int]) -> list[tuple[str, str, int, str]]:
    """(function, script, tokens, name) of every measured call; no word used twice."""
    out = []
    pos = 3
    for n in sizes:
        ar_words = words[pos : pos + n]
        la_words = [romanize(w) for w in words[pos + n : pos + 2 * n]]
        pos += 2 * n
        out += [
            ("variants", "arabic", n, " ".join(ar_words)),
            ("variants", "latin", n, " ".join(la_words)),
            ("arabic_candidates", "latin", n, " ".join(la_words)),
        ]
    example = "محمد بن عبد الله بن عبد الرحمن بن سعود بن فيصل بن تركي"
    for label in ("variants", "arabic_candidates"):
        for script, name in (("arabic", example), ("latin", romanize(example))):
            out.append((label, script, len(name.split()), name))
    return out


def one_fresh(label: str, name: str, k: int, memory: bool) -> None:
    """Child process of --fresh: load the tables (two other words), time one call."""
    words = name_words()
    c0 = time.process_time()
    load_tables()
    variants(words[0] + " " + words[1], k=k)
    arabic_candidates(romanize(words[2]), k=k)
    load = time.process_time() - c0
    fn = variants if label == "variants" else arabic_candidates
    dt, cpu, peak, out = measure(fn, name, k, memory)
    print(f"{dt} {cpu} {peak} {len(out)} {load}")


def load_tables() -> None:
    """Read every table the decoders use (two words alone may meet only precomputed
    readings, and leave the decoders' tables to the first measured call)."""
    for what in ("ar", "lat"):
        decoded_readings(what)
    model()
    word_table()
    reverse_word_table()
    variants_module._name_words_by_key()


def _child(label: str, name: str, k: int, memory: bool) -> list[float]:
    flag = "--one-memory" if memory else "--one"
    got = subprocess.run(
        [sys.executable, __file__, flag, label, name, "--k", str(k)],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    return [float(x) for x in got]


def fresh(sizes: list[int], k: int, rare: bool) -> None:
    """Every call in a new process: first sight, nothing cached but the tables.

    The time is measured in one process, the peak memory (tracemalloc) of the same call
    in another: tracemalloc slows the call it watches several times.
    """
    print("fresh process per call (every table read, then two other words; 'load' is the")
    print("CPU time of both)")
    print(f"{'function':18} {'script':6} {'tokens':>6} {'wall ms':>8} {'CPU ms':>8} "
          f"{'CPU/token':>9} {'peak MiB':>9} {'load ms':>8}")  # fmt: skip
    words = name_words()
    if rare:
        words = words[:3] + words[:2:-1]  # the least frequent words (not in decoded_readings)
    for label, script, n, name in cases(words, sizes):
        dt, cpu, _, _, load = _child(label, name, k, memory=False)
        peak = _child(label, name, k, memory=True)[2]
        print(f"{label:18} {script:6} {n:6d} {dt * 1000:8.1f} {cpu * 1000:8.1f} "
              f"{cpu * 1000 / n:9.2f} {peak:9.2f} {load * 1000:8.0f}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 5, 10, 12, 20, 40])
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--fresh", action="store_true", help="each call in a new process")
    ap.add_argument("--rare", action="store_true", help="the least frequent name words")
    ap.add_argument("--one", nargs=2, metavar=("FUNCTION", "NAME"), help=argparse.SUPPRESS)
    ap.add_argument("--one-memory", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one or args.one_memory:
        one_fresh(*(args.one or args.one_memory), args.k, memory=bool(args.one_memory))
        return
    if args.fresh:
        fresh(args.sizes, args.k, args.rare)
        return
    words = name_words()
    if args.rare:
        words = words[:3] + words[:2:-1]
    t0 = time.perf_counter()
    load_tables()
    variants(words[0] + " " + words[1], k=args.k)  # loads the model tables
    arabic_candidates(romanize(words[2]), k=args.k)
    print(f"model load (first call): {time.perf_counter() - t0:.2f} s")
    pos = 3
    print("\ncold: tokens never seen before, timed without tracemalloc; warm: the same call")
    print("again (tokens cached); peak: tracemalloc, a call on other words of the same size")
    print(f"{'function':18} {'script':6} {'tokens':>6} {'wall ms':>8} {'CPU ms':>8} "
          f"{'CPU/token':>9} {'warm CPU':>8} {'peak MiB':>9} {'full product':>12}")  # fmt: skip
    for n in args.sizes:
        # one set of words for the timed call, another (same size) for the traced one
        ar_words, ar_other = words[pos : pos + n], words[pos + n : pos + 2 * n]
        la_words = [romanize(w) for w in words[pos + 2 * n : pos + 3 * n]]
        la_other = [romanize(w) for w in words[pos + 3 * n : pos + 4 * n]]
        la_third = [romanize(w) for w in words[pos + 4 * n : pos + 5 * n]]
        la_fourth = [romanize(w) for w in words[pos + 5 * n : pos + 6 * n]]
        pos += 6 * n
        cases = [
            ("variants", "arabic", variants, ar_words, ar_other),
            ("variants", "latin", variants, la_words, la_other),
            ("arabic_candidates", "latin", arabic_candidates, la_third, la_fourth),
        ]
        for label, script, fn, timed, traced in cases:
            name = " ".join(timed)
            dt, cpu, _, out = measure(fn, name, args.k, memory=False)
            peak = measure(fn, " ".join(traced), args.k)[2]
            assert out, (label, name)
            warm = warm_cpu(fn, name, args.k)
            size = product_size(args.k, n)
            print(f"{label:18} {script:6} {n:6d} {dt * 1000:8.1f} {cpu * 1000:8.1f} "
                  f"{cpu * 1000 / n:9.2f} {warm * 1000:8.2f} {peak:9.2f} {size:12.3g}")  # fmt: skip
    example = "محمد بن عبد الله بن عبد الرحمن بن سعود بن فيصل بن تركي"
    for fn in (variants, arabic_candidates):
        for name in (example, romanize(example)):
            _, cpu, _, _ = measure(fn, name, args.k)
            print(
                f"\n{fn.__name__}({name!r}): {len(name.split())} tokens, first call "
                f"{cpu * 1000:.1f} ms CPU, again {warm_cpu(fn, name, args.k) * 1000:.2f} ms"
            )
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
