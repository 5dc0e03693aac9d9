"""A long fuzz run over every public function and every CLI subcommand.

Inputs come from the grammar in ``tests/fuzz_grammar.py`` (name-like text in both scripts
with diacritics, tatweel, bidi and zero-width marks, particles, titles, URLs, digits, long
nasab chains; arbitrary Unicode; news-like documents; damaged files). Each call gets its own
seed, so any crash is replayed with ``--replay NAME SEED``. A call that raises anything but a
:class:`nasab.NasabError` is a crash.

Reports calls per function, crashes, the slowest calls, calls over the budget (2 s of CPU
time; wall time is reported beside it, as other jobs may share the machine), the peak
memory of the process (ru_maxrss), the time spent in the garbage collector and, at the
end, the objects the collector tracks and what one full collection of them costs. The
baseline in the same run is the per-function median, beside which the slowest call shows
how far the tail goes.

Usage:
    python benchmarks/fuzz.py [--calls 100000] [--seed 0] [--only NAME ...] [--budget 2.0]
    python benchmarks/fuzz.py --replay variants 123
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import random
import resource
import statistics
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

import nasab

# Calls of each function per round: the cheap text functions get more calls, the document
# and graph ones (0.05-0.3 s a call) fewer, so 100,000 calls take about half an hour.
HEAVY = {"link", "extract", "build_graph", "cli aliases", "cli graph"}
CHEAP = {"normalize", "clean", "tokenize", "detect_script", "skeleton", "romanize", "prepare",
         "arabic_candidates", "parse_name", "EntityGraph.from_json", "resolve"}  # fmt: skip

GRAMMAR = Path(__file__).resolve().parent.parent / "tests" / "fuzz_grammar.py"


def load_grammar():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fuzz_grammar", GRAMMAR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class GcClock:
    """CPU seconds spent in the garbage collector (``gc.callbacks``), to tell a call's own
    work from a collection of the whole heap that happened to fall in it."""

    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.total += time.process_time() - self._start


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--budget", type=float, default=2.0, help="seconds a call may take")
    ap.add_argument("--max-seconds", type=float, help="stop after this long and report")
    ap.add_argument("--only", nargs="+", help="fuzz only these functions")
    ap.add_argument("--replay", nargs=2, metavar=("NAME", "SEED"), help="rerun one call")
    args = ap.parse_args()
    grammar = load_grammar()
    calls = grammar.CALLS
    names = args.only or list(calls)
    schedule = [n for n in names for _ in range(1 if n in HEAVY else 4 if n in CHEAP else 2)]
    tmp = Path(tempfile.mkdtemp(prefix="nasab-fuzz-"))
    if args.replay:
        name, seed = args.replay[0], int(args.replay[1])
        print(calls[name][1](random.Random(seed), tmp))
        return
    t0 = time.perf_counter()
    grammar.warm_up(tmp)
    print(f"warm-up (model and table loads): {time.perf_counter() - t0:.1f} s, "
          f"peak {peak_mib():.0f} MiB")  # fmt: skip
    times: dict[str, list[float]] = defaultdict(list)  # CPU seconds of each call
    walls: dict[str, list[float]] = defaultdict(list)  # wall seconds (the machine is shared)
    errors: dict[str, int] = defaultdict(int)
    crashes: list[tuple[str, int, str]] = []
    slow: list[tuple[float, str, int, float]] = []  # (CPU, name, seed, of which GC)
    gc_clock = GcClock()
    start = time.perf_counter()
    done = 0
    for i in range(args.calls):
        if args.max_seconds and time.perf_counter() - start > args.max_seconds:
            break
        done += 1
        name = schedule[i % len(schedule)]
        seed = args.seed * 10_000_000 + i
        call = calls[name][1]
        t, c, g = time.perf_counter(), time.process_time(), gc_clock.total
        try:
            call(random.Random(seed), tmp)
        except nasab.NasabError:
            errors[name] += 1
        except Exception:
            crashes.append((name, seed, traceback.format_exc(limit=-3)))
        dt, cpu = time.perf_counter() - t, time.process_time() - c
        times[name].append(cpu)
        walls[name].append(dt)
        slow.append((cpu, name, seed, gc_clock.total - g))
        if len(slow) > 200:
            slow = sorted(slow, reverse=True)[:20]
        if (i + 1) % 5000 == 0:
            print(f"  {i + 1:,} calls, {len(crashes)} crashes, {time.perf_counter() - start:.0f} s, "
                  f"peak {peak_mib():.0f} MiB", flush=True)  # fmt: skip
    total = time.perf_counter() - start
    print(f"\n{done:,} calls in {total:.0f} s; crashes: {len(crashes)}; "
          f"peak memory {peak_mib():.0f} MiB (ru_maxrss)\n")  # fmt: skip
    print("times are CPU time of the call (wall max beside it: other jobs share the machine)")
    print(f"{'function':22} {'calls':>7} {'NasabError':>10} {'median ms':>10} {'max ms':>9} "
          f"{'wall max':>9} {'over budget':>11}")  # fmt: skip
    over_total = 0
    for name in names:
        ts = times[name]
        over = sum(1 for x in ts if x > args.budget)
        over_total += over
        print(f"{name:22} {len(ts):7,d} {errors[name]:10,d} {statistics.median(ts) * 1000:10.2f} "
              f"{max(ts) * 1000:9.1f} {max(walls[name]) * 1000:9.1f} {over:11d}")  # fmt: skip
    wall_over = sum(1 for ws in walls.values() for x in ws if x > args.budget)
    print(f"\ncalls over {args.budget:g} s of CPU: {over_total}; of wall time: {wall_over}")
    print(f"CPU time in the garbage collector: {gc_clock.total:.1f} s in all")
    tracked = len(gc.get_objects())
    c = time.process_time()
    gc.collect()
    print(f"at the end: {tracked:,} objects tracked by the collector; "
          f"one full collection {(time.process_time() - c) * 1000:.0f} ms CPU")  # fmt: skip
    print("slowest calls (replay with --replay NAME SEED; GC: of which garbage collection):")
    for dt, name, seed, in_gc in sorted(slow, reverse=True)[:10]:
        print(f"  {dt * 1000:8.1f} ms  (GC {in_gc * 1000:6.1f} ms)  {name}  {seed}")
    for name, seed, tb in crashes[:20]:
        print(f"\nCRASH {name} seed {seed}:\n{tb}")
    sys.exit(1 if crashes or over_total else 0)


if __name__ == "__main__":
    main()
