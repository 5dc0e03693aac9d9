"""nasab.spark.resolve on local[2] beside nasab.resolve on one machine, same names, same run.

Names come from the synthetic generator of ``bench_resolve_scale.py`` (netranslit dev
pairs, half in Arabic script, entities written 1-4 ways). For each size the script
prints ``nasab.resolve`` (wall and CPU time, its forked workers included) and, for
``nasab.spark.resolve``, per stage: wall time, CPU time of the driver, the JVM and its
Python workers (the process tree sampled from ``/proc`` every 0.25 s, exited workers
kept at their last sample: :class:`_TreeCPU`), shuffle bytes written,
and the largest task's share of the records its Spark stages read (from the Spark UI's
REST API on localhost; a stage held by one worker would show 100%). Then the largest
key, the largest component, and whether both give every name the same entity id.
After the sizes, the growth exponent ``log(t2/t1)/log(n2/n1)`` of every stage, wall
and CPU: 1 is linear. Then that of the candidate and the prefiltered pairs, and of the
CPU a prefiltered pair of Spark's ``score_pairs`` and of the one-machine stages that do
the same work (``LOCAL_PAIR_STAGES``, timed by stage in the same run): a stage that
follows its pairs has a pair exponent near 0, and what grows with the pairs grows in
both paths. Adaptive partition coalescing is off, so that the tasks show
how the plan spreads the data (with it, Spark merges small partitions into one task).

``--heldout N`` runs the held-out check exactly: ``nasab.spark.resolve(df,
name_col="name")`` in a Spark session with default settings (``local[2]``) on N
synthetic names and on the first N names of the OFAC SDN list
(``../shared/data/ofac_sdn_2021``), beside ``nasab.resolve`` on the same names; it
prints the times and how many names get the same id.

``--broadcast N`` measures instead what ``nasab.spark.link`` ships to each worker for an
alias table of N rows (the generator of ``bench_link.py``): the broadcast TSV text, and
what one worker holds after reading it (the columnar table, then its link index), by
tracemalloc; the figures per million rows are these times 1,000,000 / N.

``--scoring N [N ...]`` runs the scoring stage's worker function alone, without Spark,
on the key blocks of N synthetic names (the hot keys' chunks left out) as the stage
receives them (member rows shuffled by
block into ``--partitions`` partitions by a fixed hash, sorted by block and node, cut
into Arrow's batches of 10,000 rows): candidate pairs, names prepared per pair (each
batch prepares the distinct names of its pairs; in the former order, pairs sorted by
``(u, v)`` in partitions by ``v``, in the same batches, for comparison; and were each
name prepared once per task) and the CPU time of the function, a candidate and a
prefiltered pair, then the growth exponents. Each partition is one task's iterator, and
a node's block ids are a numpy object array, as ``mapInPandas`` gives them. With
``--profile`` the function runs once more under cProfile (CPU clock), and the cumulative
CPU of its parts (``SCORING_PARTS``) is printed, per candidate and per prefiltered pair.
With ``--cold`` the name caches (parses, token keys, normalised texts) are cleared before
each task, as in a fresh Python worker: without it, a task meets the names the tasks
before it prepared still cached, which a large list's workers do not (the repeats of a
name in other tasks' batches cost less than they would).

``--components N [N ...]`` runs ``nasab.spark.components.connected_components`` alone on
a synthetic graph of N nodes whose largest component holds ``--giant`` (default 0.6) of
them (a random tree over shuffled ids, each node linked to one of the 30 nodes before it,
plus a second such link for one node in four: degrees stay small, paths are long; with
``--star``, every node of it linked to one hub instead: one node of degree ``--giant`` x N),
the rest in pairs and triples. It prints the CPU time (process tree, as above), the Spark
stages, and the largest task's share of the records of every Spark stage that reads at
least ``MIN_RECORDS``: the largest share, and the largest share among the stages that
read at least as many records as the giant component has nodes (a stage keyed by
component would give that component to one task: a share near ``--giant`` or above).
The labels are checked against :func:`nasab.resolution.unionfind.components`.

``--bound N [N ...]`` runs the ``bound`` stage alone (``_bound`` of
``nasab.spark.resolve``, which cuts the components of more than ``MAX_COMPONENT`` names
into pieces) on the accepted pairs that ``nasab.resolve`` gives ``bound_components`` for N
synthetic names (their score levels from ``pair_levels``, the must-links at
``MUST_LEVEL``), the components made first and not timed. It prints the nodes and links
of the large components and the cut levels their links reach (the copies of a run over
every level at once), the stage's CPU time (process tree, as above), Spark stages,
shuffle bytes written and largest task, and whether every node's piece is that of
``bound_components`` on one machine.

``--blocks N [N ...] --max-block M`` runs the blocks stage alone (``key_counts`` and
``block_pairs`` of ``nasab.spark.resolve``) on the nodes of N synthetic names (keys,
rare keys, normalised names from the one-machine stages), with blocks of at most M
names, so that the hot keys (more than M names, cut into chunks) are large. It prints
the largest key, the hot member rows, the CPU time (process tree, as above), and every
Spark stage of ``block_pairs`` that reads at least ``MIN_RECORDS``: its records and its
largest task's share. The candidate pairs of the blocks are checked against
``block_pairs`` on one machine with the same M.

Run:
    nice python benchmarks/bench_spark.py [--sizes 10000 30000 100000] [--partitions 8]
        [--json out.json]
    nice python benchmarks/bench_spark.py --scoring 10000 30000 [--profile] [--cold]
    nice python benchmarks/bench_spark.py --components 20000 60000 [--giant 0.6] [--star]
    nice python benchmarks/bench_spark.py --blocks 10000 30000 --max-block 10
    nice python benchmarks/bench_spark.py --bound 30000 100000 300000
    nice python benchmarks/bench_spark.py --heldout 20000
    nice python benchmarks/bench_spark.py --broadcast 100000
"""

from __future__ import annotations

import argparse
import array
import csv
import gc
import itertools
import json
import math
import os
import resource
import sys
import time
import tracemalloc
import urllib.request
from collections import defaultdict
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_resolve_scale import _timed_stages, b_cubed, generate

import nasab

OFAC = Path(__file__).resolve().parents[1].parent / "shared/data/ofac_sdn_2021/clusters.tsv"

#: The stages that ``nasab.spark.resolve`` times, in order, and the collect of its output.
STAGES = (
    "prepare",
    "node_keys",
    "key_counts",
    "block_pairs",
    "score_pairs",
    "connected",
    "bound",
    "score_inside",
    "cluster",
    "attach_weak",
    "entity_ids",
    "sizes",
    "output",
)

#: The sizes that ``nasab.spark.resolve`` counts when asked for timings.
SIZES = (
    "nodes",
    "largest_block",
    "pairs",
    "prefiltered",
    "scored",
    "inside",
    "components",
    "largest_component",
    "largest_piece",
)

#: The stages of ``nasab.resolve`` on one machine that do what Spark's ``score_pairs`` does
#: (prefilter, bounds, scores): their CPU beside it separates the growth of the pairs,
#: which both paths share, from Spark's own.
LOCAL_PAIR_STAGES = ("prefilter_pairs", "may_reach", "score_pairs")

#: ``nasab.resolve``'s CPU by stage in the size being run (``bench_resolve_scale``'s
#: wrappers of the functions ``nasab.resolution.core`` calls, installed once by ``main``).
_LOCAL_CPU: dict[str, float] = {}

#: Spark stages reading fewer records than this are left out of the largest-task share
#: (final counts and the like: one task reading a handful of partial results).
MIN_RECORDS = 1000
#: A stage whose largest task holds more than this share of its records is named in the
#: report (its Spark call site), so that a stage held by one worker can be found.
LOPSIDED = 0.5


def _session(partitions: int | None) -> Any:
    """``local[2]``; with ``partitions``, the benchmark's settings, else Spark's defaults."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master("local[2]").appName("nasab-bench")
    if partitions is not None:
        builder = (
            builder.config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(partitions))
            .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
            .config("spark.ui.retainedStages", "100000")
            .config("spark.ui.retainedJobs", "100000")
            .config("spark.ui.retainedTasks", "10000000")
            .config("spark.driver.memory", "4g")
        )
    return builder.config("spark.log.level", "ERROR").getOrCreate()


def _cpu_self() -> float:
    """CPU seconds of this process and its reaped children (nasab.resolve's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _proc_stats() -> dict[int, tuple[int, int, float]]:
    """``pid -> (parent pid, start time, own CPU seconds)`` of every process, from ``/proc``
    (own CPU: utime + stime, without the reaped children's fields)."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        out[int(pid)] = (
            int(fields[1]),
            int(fields[19]),
            (int(fields[11]) + int(fields[12])) / tick,
        )
    return out


class _TreeCPU:
    """CPU seconds of this process and every process below it (the JVM, the Python
    daemon and workers), exited ones included.

    Summing the live tree at two moments goes wrong when a Python worker exits between
    them: its CPU leaves the sum, and reaches its parent's children's fields only if the
    parent waits for it (stop 20 saw -5,764 s for a stage). So a thread samples the tree
    every ``every`` seconds and keeps, for every process ever seen below this one (by
    pid and start time), the largest own CPU time seen; the total is the sum of that
    ledger. A process's last moments before it exits (under ``every``) and processes
    that live less than ``every`` are missed: an undercount, never negative.
    """

    def __init__(self, every: float = 0.25) -> None:
        import threading

        self.seen: dict[tuple[int, int], float] = {}
        self.lock = threading.Lock()
        self.every = every
        self.sample()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            time.sleep(self.every)
            self.sample()

    def sample(self) -> None:
        stats = _proc_stats()
        below: dict[int, list[int]] = defaultdict(list)
        for pid, (ppid, _, _) in stats.items():
            below[ppid].append(pid)
        todo = [os.getpid()]
        with self.lock:
            while todo:
                pid = todo.pop()
                if pid in stats:
                    _, start, cpu = stats[pid]
                    key = (pid, start)
                    self.seen[key] = max(self.seen.get(key, 0.0), cpu)
                todo.extend(below[pid])

    def __call__(self) -> float:
        self.sample()
        with self.lock:
            return sum(self.seen.values())


_TREE: _TreeCPU | None = None


def _cpu_tree() -> float:
    """CPU seconds of this process and every process started below it so far
    (:class:`_TreeCPU`, started on the first call)."""
    global _TREE
    if _TREE is None:
        _TREE = _TreeCPU()
    return _TREE()


class _Marks(dict):
    """The ``timings`` dict of ``nasab.spark.resolve``: also notes, when each stage ends,
    the clock and the process tree's CPU time."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, float, float]] = [("start", time.time(), _cpu_tree())]

    def __setitem__(self, stage: str, value: float) -> None:
        super().__setitem__(stage, value)
        self.mark(stage)

    def mark(self, stage: str) -> None:
        self.marks.append((stage, time.time(), _cpu_tree()))


def _rest(spark: Any, path: str) -> Any:
    url = spark.sparkContext.uiWebUrl
    app = spark.sparkContext.applicationId
    with urllib.request.urlopen(f"{url}/api/v1/applications/{app}/{path}") as fh:
        return json.load(fh)


def _when(stamp: str) -> float:
    return datetime.strptime(stamp.replace("GMT", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()


def _task_records(task: dict[str, Any]) -> int:
    m = task.get("taskMetrics") or {}
    return (m.get("inputMetrics") or {}).get("recordsRead", 0) + (
        m.get("shuffleReadMetrics") or {}
    ).get("recordsRead", 0)


def _per_stage(spark: Any, marks: list[tuple[str, float, float]], seen: set[int]) -> dict:
    """Per stage of resolve: wall, CPU, shuffle bytes written, Spark stages, and the
    largest task's share of the records of the Spark stage where that share is largest."""
    stages = [
        s
        for s in _rest(spark, "stages?details=true&status=complete")
        if s["stageId"] not in seen and s.get("submissionTime")
    ]
    seen.update(s["stageId"] for s in stages)
    out: dict[str, dict[str, float]] = {}
    for (_, t0, c0), (name, t1, c1) in itertools.pairwise(marks):
        mine = [s for s in stages if t0 - 0.5 < _when(s["submissionTime"]) <= t1]
        row = {"wall": t1 - t0, "cpu": c1 - c0, "spark_stages": len(mine), "tasks": 0}
        row["shuffle"] = sum(s.get("shuffleWriteBytes", 0) for s in mine)
        row["share"], row["records"], row["where"] = 0.0, 0, ""
        for s in mine:
            counts = [_task_records(t) for t in (s.get("tasks") or {}).values()]
            row["tasks"] = max(row["tasks"], len(counts))
            total = sum(counts)
            if total >= MIN_RECORDS and max(counts) / total > row["share"]:
                row["share"], row["records"] = max(counts) / total, total
                row["where"] = str(s.get("name", ""))[:120]  # the Spark stage's call site
        out[name] = row
    return out


def run(n: int, spark: Any, partitions: int, seen: set[int]) -> dict[str, Any]:
    """One size: nasab.resolve, then nasab.spark.resolve stage by stage, same names."""
    import nasab.spark

    names, gold = generate(n)
    load0 = os.getloadavg()[0]
    _LOCAL_CPU.clear()
    c, t = _cpu_self(), time.perf_counter()
    res = nasab.resolve(names)
    local, local_cpu = time.perf_counter() - t, _cpu_self() - c
    local_stages = dict(_LOCAL_CPU)
    df = spark.createDataFrame(
        [(f"r{i}", nm) for i, nm in enumerate(names)], "rid string, name string"
    ).repartition(partitions)
    df.count()  # the input is in Spark before the clock starts
    stats = _Marks()
    out = nasab.spark.resolve(df, id_col="rid", timings=stats)
    stats.mark("sizes")
    rows = out.select("rid", "entity_id").collect()
    stats.mark("output")
    got = {r.rid: r.entity_id for r in rows}
    labels = [got[f"r{i}"] for i in range(n)]
    stages = _per_stage(spark, stats.marks, seen)
    return {
        "n": n,
        "load": [load0, os.getloadavg()[0]],
        "local_wall": local,
        "local_cpu": local_cpu,
        "local_stages": local_stages,
        "wall": sum(s["wall"] for s in stages.values()),
        "cpu": sum(s["cpu"] for s in stages.values()),
        "stages": stages,
        "sizes": {k: stats.get(k, 0) for k in SIZES},  # an older nasab counts fewer
        "same": sum(a == b for a, b in zip(labels, res.labels, strict=True)),
        "f1": b_cubed(labels, gold)[2],
    }


def show(r: dict[str, Any]) -> None:
    n, sz = r["n"], r["sizes"]
    print(
        f"\n{n:,} names (load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}): "
        f"nasab.resolve {r['local_wall']:.1f} s wall, {r['local_cpu']:.1f} s CPU | "
        f"nasab.spark.resolve {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU"
    )
    print(f"  {'stage':<12} {'wall s':>7} {'CPU s':>7} {'shuffle MiB':>11}  largest task")
    for name, s in r["stages"].items():
        share = f"{s['share']:.0%} of {s['records']:,} records" if s["records"] else "-"
        print(
            f"  {name:<12} {s['wall']:7.1f} {s['cpu']:7.1f} {s['shuffle'] / 2**20:11.1f}  "
            f"{share} ({s['spark_stages']} Spark stages, up to {s['tasks']} tasks)"
        )
        if s["records"] and s["share"] > LOPSIDED:
            print(f"  {'':<12} that stage: {s['where']}")
    shuffled = sum(s["shuffle"] for s in r["stages"].values())
    print(
        f"  nodes {sz['nodes']:,}, largest key {sz['largest_block']:,} (keys over 60 names "
        f"give no pairs), candidate pairs {sz['pairs']:,}, after the prefilter "
        f"{sz['prefiltered']:,}, scored before the components {sz['scored']:,}, inside "
        f"pieces {sz['inside']:,}; components {sz['components']:,} (largest "
        f"{sz['largest_component']:,}, cut into pieces of at most {sz['largest_piece']:,})"
    )
    print(f"  shuffle written {shuffled / 2**20:.1f} MiB ({shuffled / n:,.0f} bytes a name)")
    local = r.get("local_stages") or {}
    print("  nasab.resolve CPU s by stage: " + ", ".join(f"{k} {v:.1f}" for k, v in local.items()))
    print(f"  same id as nasab.resolve: {r['same']:,}/{n:,}; B-cubed F1 {r['f1']:.3f}")


def _exponent(log_ratio: float, x: float, y: float) -> str:
    return f"{math.log(y / x) / log_ratio:5.2f}" if x > 0 and y > 0 else "  -  "


def growth(rows: list[dict[str, Any]]) -> None:
    """Growth exponent of every stage between consecutive sizes (1 = linear)."""
    for a, b in itertools.pairwise(rows):
        exp = partial(_exponent, math.log(b["n"] / a["n"]))

        print(f"\ngrowth exponent {a['n']:,} -> {b['n']:,} (wall, CPU):")
        print(
            f"  {'nasab.resolve':<20} {exp(a['local_wall'], b['local_wall'])} {exp(a['local_cpu'], b['local_cpu'])}"
        )
        print(
            f"  {'nasab.spark.resolve':<20} {exp(a['wall'], b['wall'])} {exp(a['cpu'], b['cpu'])}"
        )
        for name in STAGES:
            if name not in a["stages"] or name not in b["stages"]:
                continue
            sa, sb = a["stages"][name], b["stages"][name]
            print(f"  {name:<20} {exp(sa['wall'], sb['wall'])} {exp(sa['cpu'], sb['cpu'])}")
        print(
            f"  {'shuffle bytes':<20} {exp(sum(s['shuffle'] for s in a['stages'].values()), sum(s['shuffle'] for s in b['stages'].values()))}"
        )
        _pair_growth(a, b, exp)


def _pair_growth(a: dict[str, Any], b: dict[str, Any], exp: Any) -> None:
    """The pairs' growth, which both paths share, and each path's pair stages' CPU a
    prefiltered pair: a stage that follows its pairs has a pair exponent near 0."""
    pa, pb = a["sizes"]["prefiltered"], b["sizes"]["prefiltered"]
    print(f"  {'candidate pairs':<20} {exp(a['sizes']['pairs'], b['sizes']['pairs'])}")
    print(f"  {'prefiltered pairs':<20} {exp(pa, pb)}")
    if not (pa and pb and "score_pairs" in a["stages"] and "score_pairs" in b["stages"]):
        return
    sa, sb = a["stages"]["score_pairs"]["cpu"], b["stages"]["score_pairs"]["cpu"]
    la, lb = (sum(r.get("local_stages", {}).get(k, 0.0) for k in LOCAL_PAIR_STAGES) for r in (a, b))
    print(
        f"  CPU a prefiltered pair, exponent (ms at {a['n']:,} -> {b['n']:,}):\n"
        f"    spark score_pairs  {exp(sa / pa, sb / pb)} "
        f"({1e3 * sa / pa:.3f} -> {1e3 * sb / pb:.3f})\n"
        f"    nasab.resolve {'+'.join(LOCAL_PAIR_STAGES)} {exp(la, lb)} over all, "
        f"{exp(la / pa, lb / pb)} a pair ({1e3 * la / pa:.3f} -> {1e3 * lb / pb:.3f})"
    )


def _giant_graph(n: int, giant: float, seed: int = 7, star: bool = False) -> list[tuple[int, int]]:
    """The edges of the ``--components`` graph (see the module doc); with ``star``, the
    giant component is a star (every node of it linked to one hub)."""
    import random

    rnd = random.Random(seed)
    ids = list(range(n))
    rnd.shuffle(ids)
    g = max(2, int(n * giant))
    edges = []
    for i in range(1, g):
        if star:
            edges.append((ids[i], ids[0]))
            continue
        for _ in range(2 if rnd.random() < 0.25 else 1):
            edges.append((ids[i], ids[rnd.randrange(max(0, i - 30), i)]))
    i = g
    while i + 1 < n:
        size = 3 if rnd.random() < 0.3 and i + 2 < n else 2
        edges.extend((ids[i], ids[i + k]) for k in range(1, size))
        i += size
    return edges


def components(sizes: list[int], partitions: int, giant: float, star: bool = False) -> None:
    """``connected_components`` alone on graphs with one giant component (module doc)."""
    import numpy as np

    from nasab.resolution.unionfind import components as union_find
    from nasab.spark.components import connected_components

    print(f"nasab {nasab.__version__} ({Path(nasab.__file__).parent}); components only")
    spark = _session(partitions)
    seen: set[int] = set()
    for n in sizes:
        edges = _giant_graph(n, giant, star=star)
        df = spark.createDataFrame(edges, "u long, v long").repartition(partitions)
        df.count()
        load0 = os.getloadavg()[0]
        seen.update(s["stageId"] for s in _rest(spark, "stages"))  # not this run's
        marks = [("start", time.time(), _cpu_tree())]
        got = {r.node: r.comp for r in connected_components(df).collect()}
        marks.append(("connected", time.time(), _cpu_tree()))
        u = np.asarray([a for a, _ in edges])
        v = np.asarray([b for _, b in edges])
        want = union_find(n, u, v)
        ends = {x for e in edges for x in e}
        ok = got.keys() == ends and all(got[x] == int(want[x]) for x in ends)
        g = int(np.bincount(want).max())
        row = _per_stage(spark, marks, seen)["connected"]
        stages = [
            s
            for s in _rest(spark, "stages?details=true&status=complete")
            if s["stageId"] in seen and marks[0][1] - 0.5 < _when(s["submissionTime"])
        ]
        big = 0.0
        for s in stages:
            counts = [_task_records(t) for t in (s.get("tasks") or {}).values()]
            if counts and sum(counts) >= g:
                big = max(big, max(counts) / sum(counts))
        print(
            f"{n:,} nodes, {len(edges):,} edges, largest component {g:,} "
            f"({'a star' if star else 'a tree'}) "
            f"({g / n:.0%}); load average {load0:.1f} -> {os.getloadavg()[0]:.1f}\n"
            f"  {row['wall']:.1f} s wall, {row['cpu']:.1f} s CPU, {row['spark_stages']} Spark "
            f"stages; largest task {row['share']:.0%} of {row['records']:,} records "
            f"({row['where']}); over stages of >= {g:,} records: {big:.0%}\n"
            f"  labels as union-find: {ok}",
            flush=True,
        )
    spark.stop()


def _bound_inputs(n: int) -> tuple[Any, Any, Any, list[tuple[int, int]], Any]:
    """What ``nasab.resolve`` on N synthetic names gives its ``bound_components``
    (components, pairs, node thresholds, must-links) and what it returns: the call is
    watched, nothing else changes."""
    from nasab.resolution import core

    seen: list[Any] = []
    original = core.bound_components

    def watched(labels, pairs, thr, must=(), **kw):  # type: ignore[no-untyped-def]
        out = original(labels, pairs, thr, must, **kw)
        seen.append((labels, pairs, thr, list(must), out))
        return out

    core.bound_components = watched
    try:
        nasab.resolve(generate(n)[0])
    finally:
        core.bound_components = original
    return seen[-1]


def bound(sizes: list[int], partitions: int) -> None:
    """The ``bound`` stage alone (``_bound`` of ``nasab.spark.resolve``) on the accepted
    pairs of ``nasab.resolve`` on N synthetic names (node ids: its node numbers, levels:
    ``pair_levels``), its input components made first and not timed; the pieces are
    checked against ``bound_components`` on one machine."""
    import numpy as np
    from pyspark.sql import functions as F

    from nasab.resolution.stages import MAX_COMPONENT, MUST_LEVEL, pair_levels
    from nasab.spark.components import connected_components, freeze
    from nasab.spark.resolve import _bound

    print(f"nasab {nasab.__version__} ({Path(nasab.__file__).parent}); bound only")
    spark = _session(partitions)
    seen: set[int] = set()
    for n in sizes:
        labels, pairs, thr, must, want = _bound_inputs(n)
        keep = pairs.score >= thr[pairs.u]
        u, v = pairs.u[keep], pairs.v[keep]
        level = pair_levels(pairs.score[keep], thr[u])
        rows = list(zip(u.tolist(), v.tolist(), level.tolist(), strict=True))
        rows += [(a, b, MUST_LEVEL) for a, b in must]
        edges = freeze(
            spark.createDataFrame(rows, "u long, v long, level int").repartition(partitions)
        )
        comps = freeze(connected_components(edges.select("u", "v")))
        big = np.bincount(labels, minlength=len(labels))[labels] > MAX_COMPONENT
        inner = big[u]
        load0 = os.getloadavg()[0]
        seen.update(s["stageId"] for s in _rest(spark, "stages"))  # not this run's
        marks = [("start", time.time(), _cpu_tree())]
        cut = freeze(_bound(comps, edges, F))
        marks.append(("bound", time.time(), _cpu_tree()))
        got = {r.node: r.comp for r in cut.collect()}
        ok = all(got.get(x, x) == int(want[x]) for x in range(len(want)))
        row = _per_stage(spark, marks, seen)["bound"]
        print(
            f"{n:,} names: {len(want):,} nodes, {len(rows):,} links; components over "
            f"{MAX_COMPONENT}: {int(big.sum()):,} nodes, {int(inner.sum()):,} links reaching "
            f"{int((level[inner] - 1).sum()):,} cut levels; load average {load0:.1f} -> "
            f"{os.getloadavg()[0]:.1f}\n"
            f"  {row['wall']:.1f} s wall, {row['cpu']:.1f} s CPU, {row['spark_stages']} Spark "
            f"stages, shuffle {row['shuffle'] / 2**20:.1f} MiB; largest task "
            f"{row['share']:.0%} of {row['records']:,} records\n"
            f"  pieces as bound_components: {ok}",
            flush=True,
        )
    spark.stop()


def blocks(sizes: list[int], partitions: int, max_block: int) -> None:
    """The blocks stage alone, with small blocks (see the module doc)."""
    import numpy as np
    from pyspark.sql import functions as F

    from nasab.match.prepared import prepared_text
    from nasab.resolution import Judgements, as_records
    from nasab.resolution.blocking import pairs_of_blocks, unique_codes
    from nasab.resolution.stages import HOT_CHUNK, block_pairs, key_counts, node_keys, prepare
    from nasab.spark.resolve import _block_members, _Clock
    from nasab.text import normalize

    print(f"nasab {nasab.__version__} ({Path(nasab.__file__).parent}); blocks only")
    spark = _session(partitions)
    seen: set[int] = set()
    schema = (
        "node long, kind string, name string, rare string, hot string, norm string, "
        "keys array<string>, rid string, facts string, attrs string, prep string"
    )
    for n in sizes:
        prep = prepare(as_records(generate(n)[0]), Judgements())
        nk = node_keys(prep)
        rows = [
            (i, nd.kind, nd.name, nk.rare[i], nk.hot[i], normalize(nd.name),
             sorted(nk.keys[i]), nd.rid or "", nd.facts.signature(), "",
             (p and prepared_text(p)) or "")
            for i, (nd, p) in enumerate(zip(prep.nodes, nk.prepared, strict=True))
        ]  # fmt: skip
        counts = key_counts(nk)
        hot_rows = sum(c for c in counts.values() if c > max_block)
        df = spark.createDataFrame(rows, schema).repartition(partitions)
        df.count()
        load0 = os.getloadavg()[0]
        seen.update(s["stageId"] for s in _rest(spark, "stages"))  # not this run's
        stats = _Marks()
        members = _block_members(df, max_block, HOT_CHUNK, F, _Clock(stats))
        got = members.select("block", "node").collect()
        stages = [
            s
            for s in _rest(spark, "stages?details=true&status=complete")
            if s["stageId"] not in seen
        ]
        seen.update(s["stageId"] for s in stages)
        cpu = {name: c1 - c0 for (_, _, c0), (name, _, c1) in itertools.pairwise(stats.marks)}
        t0 = stats.marks[1][1]  # block_pairs: after key_counts
        print(
            f"{n:,} names, {len(rows):,} nodes, max_block {max_block}: largest key "
            f"{max(counts.values()):,}, hot member rows {hot_rows:,}; load average "
            f"{load0:.1f} -> {os.getloadavg()[0]:.1f}\n"
            f"  CPU key_counts {cpu['key_counts']:.1f} s, block_pairs {cpu['block_pairs']:.1f} s",
            flush=True,
        )
        for s in sorted(stages, key=lambda s: s["stageId"]):
            if _when(s["submissionTime"]) <= t0 - 0.5:
                continue
            tasks = [_task_records(t) for t in (s.get("tasks") or {}).values()]
            if sum(tasks) >= MIN_RECORDS:
                print(
                    f"  Spark stage {s['stageId']}: {sum(tasks):,} records, {len(tasks)} tasks, "
                    f"largest {max(tasks) / sum(tasks):.0%} ({str(s.get('name', ''))[:60]})"
                )
        ids = {b: k for k, b in enumerate(sorted({r.block for r in got}))}
        b = np.asarray([ids[r.block] for r in got], dtype=np.int64)
        m = np.asarray([r.node for r in got], dtype=np.int64)
        mine = unique_codes(pairs_of_blocks(b, m, len(rows), max(max_block, HOT_CHUNK)))
        u, v = block_pairs(nk, max_block=max_block, hot_chunk=HOT_CHUNK)
        same = np.array_equal(mine, u * len(rows) + v)
        print(f"  candidate pairs {len(mine):,}; as block_pairs on one machine: {same}")
    spark.stop()


#: ``--pairs`` checks its count against ``block_pairs`` on lists of at most this many names.
CHECK_NAMES = 30_000


def _pair_codes(b: Any, m: Any, rank: Any, n: int, part: int, parts: int) -> Any:
    """The distinct candidate pair codes ``u * n + v`` with ``u % parts == part``: all the
    pairs of the blocks of at most ``MAX_BLOCK`` nodes, and of the hot blocks cut into
    chunks of ``HOT_CHUNK`` in (hot key, node) order, twice (the second cut shifted by
    half a chunk), as ``block_pairs`` makes them."""
    import numpy as np

    from nasab.resolution.blocking import pairs_of_blocks, unique_codes
    from nasab.resolution.stages import HOT_CHUNK, MAX_BLOCK

    sizes = np.bincount(b)
    hot = sizes[b] > MAX_BLOCK
    kept = []

    def add(blocks: Any, members: Any, most: int) -> None:
        for g in range(parts):  # a part of the blocks at a time (memory)
            sel = blocks % parts == g
            codes = pairs_of_blocks(blocks[sel], members[sel], n, most)
            kept.append(codes[(codes // n) % parts == part])

    add(b[~hot], m[~hot], MAX_BLOCK)
    hb, hm = b[hot], m[hot]
    order = np.lexsort((hm, rank[hm], hb))
    hb, hm = hb[order], hm[order]
    start = np.searchsorted(hb, hb)  # each row's block's first row (hb is sorted)
    pos = np.arange(len(hb)) - start
    for shift in (0, HOT_CHUNK // 2):
        add(hb * (len(hb) // HOT_CHUNK + 2) + (pos + shift) // HOT_CHUNK, hm, HOT_CHUNK)
    return unique_codes(np.concatenate(kept))


def pair_growth(sizes: list[int], parts: int, sample: int) -> None:
    """Candidate pairs on paper: node keys and block sizes of N synthetic names, no Spark,
    no scoring (see the module doc)."""
    import numpy as np

    from nasab.names import parse_name
    from nasab.resolution import Node
    from nasab.resolution.blocking import hot_key, keys_and_rare, prefilter
    from nasab.resolution.stages import HOT_CHUNK, MAX_BLOCK, node_order, surface

    print(
        f"nasab {nasab.__version__}; pairs on paper, MAX_BLOCK {MAX_BLOCK}, HOT_CHUNK {HOT_CHUNK}"
    )
    rows = []
    for n in sizes:
        c0 = time.process_time()
        names = {surface(x) for x in generate(n)[0]}
        nodes = sorted((Node("person", x) for x in names), key=node_order)
        del names
        key_id: dict[str, int] = {}
        b, m, rare, hot = array.array("q"), array.array("q"), [], []
        for x, nd in enumerate(nodes):
            parsed = parse_name(nd.name)
            keys, r = keys_and_rare(nd.kind, nd.name, parsed)
            rare.append(r)
            hot.append(hot_key(parsed, r))
            for k in keys:
                b.append(key_id.setdefault(k, len(key_id)))
                m.append(x)
        nn = len(nodes)
        del nodes, key_id
        b_arr, m_arr = (
            np.frombuffer(b, dtype=np.int64).copy(),
            np.frombuffer(m, dtype=np.int64).copy(),
        )
        del b, m
        uniq = sorted(set(hot))
        at = {r: k for k, r in enumerate(uniq)}
        rank = np.fromiter((at[r] for r in hot), dtype=np.int64, count=nn)
        del at, uniq, hot
        sizes_ = np.bincount(b_arr)
        multi = sizes_[sizes_ >= 2]
        hot = multi[multi > MAX_BLOCK]
        small = multi[multi <= MAX_BLOCK]
        total, kept, tried = 0, 0, 0
        rnd = np.random.default_rng(7)
        for part in range(parts):
            codes = _pair_codes(b_arr, m_arr, rank, nn, part, parts)
            total += len(codes)
            if part == 0 and len(codes):
                pick = rnd.choice(codes, size=min(sample, len(codes)), replace=False)
                items = [("person", "")] * nn
                kept = int(prefilter(items, np.sort(pick), rare=rare).sum())
                tried = len(pick)
            del codes
        cpu = time.process_time() - c0
        rate = kept / max(tried, 1)
        if n <= CHECK_NAMES:
            from nasab.resolution import Judgements, as_records
            from nasab.resolution.stages import block_pairs, node_keys, prepare

            want = len(block_pairs(node_keys(prepare(as_records(generate(n)[0]), Judgements())))[0])
            print(f"  as block_pairs on one machine: {want == total}")
        row = {
            "n": n,
            "nodes": nn,
            "keys_a_node": len(b_arr) / nn,
            "blocks": len(multi),
            "hot": len(hot),
            "hot_rows": int(hot.sum()),
            "small_rows": int(small.sum()),
            "small_at_half_cap": int((small > MAX_BLOCK // 2).sum()),
            "largest": int(multi.max()),
            "pairs": total,
            "pass_rate": rate,
        }
        rows.append(row)
        print(
            f"{n:,} names, {nn:,} nodes, {row['keys_a_node']:.1f} keys a node; "
            f"{len(multi):,} blocks of 2+ ({len(small):,} of at most {MAX_BLOCK}: "
            f"{row['small_rows'] / nn:.2f} member rows a node, {row['small_at_half_cap']:,} over "
            f"{MAX_BLOCK // 2}; {len(hot):,} hot, the largest {row['largest']:,}: "
            f"{row['hot_rows'] / nn:.2f} member rows a node); candidate pairs {total:,} "
            f"({total / nn:.1f} a node); prefilter passes {rate:.1%} of {tried:,} sampled "
            f"(~{total * rate / nn:.1f} a node); {cpu:.0f} s CPU, peak RSS "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GiB; "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        del b_arr, m_arr, rank, rare
        gc.collect()
    for a, z in itertools.pairwise(rows):
        r = math.log(z["n"] / a["n"])
        print(
            f"{a['n']:,} -> {z['n']:,}: growth exponent of candidate pairs "
            f"{math.log(z['pairs'] / a['pairs']) / r:.2f}, prefiltered pairs "
            f"{math.log(z['pairs'] * z['pass_rate'] / (a['pairs'] * a['pass_rate'])) / r:.2f}"
        )


def _ofac_names(n: int) -> list[str]:
    with OFAC.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r["name"] for r in itertools.islice(rows, n)]


def heldout(n: int) -> None:
    """The held-out check: ``nasab.spark.resolve(df, name_col="name")``, default session."""
    import nasab.spark

    spark = _session(None)
    for what, names in (("synthetic", generate(n)[0]), ("OFAC SDN", _ofac_names(n))):
        load0 = os.getloadavg()[0]
        c, t = _cpu_self(), time.perf_counter()
        want = nasab.resolve(names).labels
        local, local_cpu = time.perf_counter() - t, _cpu_self() - c
        df = spark.createDataFrame(list(enumerate(names)), "i long, name string")
        c, t = _cpu_tree(), time.perf_counter()
        got = dict(nasab.spark.resolve(df, name_col="name").select("i", "entity_id").collect())
        took, cpu = time.perf_counter() - t, _cpu_tree() - c
        same = sum(got[i] == lab for i, lab in enumerate(want))
        print(
            f"{what}: {len(names):,} names, load average {load0:.1f} -> {os.getloadavg()[0]:.1f}\n"
            f"  nasab.resolve {local:.1f} s wall, {local_cpu:.1f} s CPU; "
            f"nasab.spark.resolve {took:.1f} s wall, {cpu:.1f} s CPU (driver, JVM, workers)\n"
            f"  same id as nasab.resolve: {same:,}/{len(names):,}",
            flush=True,
        )
    spark.stop()


def broadcast(n: int) -> None:
    """What one worker receives and holds for ``link`` against an n-row alias table."""
    from bench_link import generate as alias_rows

    from nasab.aliases import AliasTable

    rows, _ = alias_rows(n, 0)
    text = AliasTable(rows).dumps("tsv")
    del rows
    gc.collect()
    per_m = 1_000_000 / n
    mib = len(text.encode("utf-8")) / 2**20
    print(f"{n:,} alias rows: broadcast TSV text {mib:.1f} MiB ({mib * per_m:.0f} MiB per 1M rows)")
    tracemalloc.start()
    c0 = time.process_time()
    table = AliasTable.loads(text)
    c_load = time.process_time() - c0
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] / 2**20
    c0 = time.process_time()
    table.link_index()
    c_index = time.process_time() - c0
    gc.collect()
    indexed, peak = (x / 2**20 for x in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    print(
        f"  worker: table read in {c_load:.1f} s CPU, holds {held:.1f} MiB "
        f"({held * per_m:.0f} per 1M); with its link index (built in {c_index:.1f} s CPU) "
        f"{indexed:.1f} MiB ({indexed * per_m:.0f} per 1M), peak {peak:.1f} MiB "
        f"({peak * per_m:.0f} per 1M); plus the broadcast text itself"
    )


#: Rows of an Arrow batch handed to mapInPandas (Spark's maxRecordsPerBatch default).
ARROW_BATCH = 10_000


def _batches(frame: Any, part: Any, partitions: int, order: list[str]) -> list[Any]:
    """The frame as the workers get it: by partition, sorted, in Arrow-sized batches."""
    out = []
    for k in range(partitions):
        rows = frame[part == k].sort_values(order, kind="stable").reset_index(drop=True)
        out.extend(rows.iloc[a : a + ARROW_BATCH] for a in range(0, len(rows), ARROW_BATCH))
    return [b.reset_index(drop=True) for b in out]


#: The parts of the scoring worker that ``--scoring --profile`` reports (function names).
SCORING_PARTS = (
    "_canonical_pairs",
    "_row_nodes",
    "node_keys",
    "with_frequency",
    "prefilter_pairs",
    "may_reach",
    "_adjusted",
    "weak_fits",
    "pair_levels",
)


def _profile_scoring(
    score_blocks: Any, thresholds: dict, freq: Any, tasks: list, pairs: int, kept: int
) -> None:
    """The scoring worker once more under cProfile, with a CPU clock: each part's
    cumulative CPU and its share (the profiler's own cost is in the total)."""
    import cProfile
    import pstats

    prof = cProfile.Profile(time.process_time)
    prof.enable()
    for batches in tasks:
        for _ in score_blocks(thresholds, freq, iter(batches)):
            pass
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())
    cum: dict[str, float] = defaultdict(float)
    for (_, _, name), (_, _, _, ct, _) in stats.items():
        if name in SCORING_PARTS:
            cum[name] += ct
    print(f"  profiled: {total:.1f} s CPU under cProfile")
    for name in SCORING_PARTS:
        print(
            f"  {name:18} {cum[name]:7.2f} s {cum[name] / total:5.0%} "
            f"{1e6 * cum[name] / pairs:7.2f} us a candidate pair "
            f"{1e6 * cum[name] / kept:7.2f} us a prefiltered pair"
        )


def scoring(sizes: list[int], partitions: int, profile: bool = False, cold: bool = False) -> None:
    """The scoring stage's worker function, without Spark (see the module doc)."""
    import zlib

    import numpy as np
    import pandas as pd

    from nasab.match.prepared import prepared_text
    from nasab.names.parse import clear_parse_caches
    from nasab.resolution import Judgements, as_records
    from nasab.resolution.core import thresholds_of
    from nasab.resolution.stages import (
        MAX_BLOCK,
        block_pairs,
        key_counts,
        list_frequency,
        node_keys,
        prepare,
    )
    from nasab.spark.resolve import _canonical_pairs, _score_blocks, _whole_runs

    rows = []
    for n in sizes:
        prep = prepare(as_records(generate(n)[0]), Judgements())
        nk = node_keys(prep)
        counts = key_counts(nk)
        freq = list_frequency(counts, sum(k == "person" for k in nk.kinds))
        of_node: dict[int, list[str]] = defaultdict(list)
        member = []
        for x, (kind, keys) in enumerate(zip(nk.kinds, nk.keys, strict=True)):
            for key in keys:
                if 2 <= counts[(kind, key)] <= MAX_BLOCK:
                    block = f"k\x1f{kind}\x1f{key}"
                    member.append((block, x))
                    of_node[x].append(block)
        nodes = prep.nodes
        # each node's blocks as mapInPandas gives an array column: a numpy object array
        lists = {x: np.asarray(sorted(bs), dtype=object) for x, bs in of_node.items()}
        # each person's prepared form, as the node_keys stage ships it
        forms = [(p and prepared_text(p)) or "" for p in nk.prepared]
        frame = pd.DataFrame(
            [
                (b, x, lists[x], nodes[x].kind, nodes[x].name, nk.rare[x], "", forms[x])
                for b, x in member
            ],
            columns=["block", "node", "blocks", "kind", "name", "rare", "attrs", "prep"],
        )
        part = np.asarray([zlib.crc32(b.encode()) % partitions for b in frame["block"]])
        # one list of batches per partition: each is one task's iterator
        tasks = [
            _batches(frame[part == k], np.zeros((part == k).sum()), 1, ["block", "node"])
            for k in range(partitions)
        ]
        pairs = prepared = per_part = 0
        for batches in tasks:
            seen: set[tuple[str, str]] = set()
            for run in _whole_runs(iter(batches), "block"):
                i, j = _canonical_pairs(run["block"].tolist(), run["blocks"].tolist())
                pairs += len(i)
                used = np.unique(np.concatenate([i, j]))
                names = set(zip(run["kind"][used], run["name"][used], strict=True))
                prepared += len(names)
                seen |= names
            # were a name prepared once per task (a cache across a task's batches)
            per_part += len(seen)
        # the former order: candidate pairs in partitions by v, sorted by (u, v); the
        # frames above hold the key blocks only, so the hot keys' chunks are left out here too
        u, v = block_pairs(nk, hot_chunk=0)
        old = pd.DataFrame({"u": u, "v": v})
        old_batches = _batches(old, v % partitions, partitions, ["u", "v"])
        old_prepared = sum(len(set(b["u"]) | set(b["v"])) for b in old_batches)
        sizes = frame.groupby("block").size()
        thresholds = {k: float(np.float32(t)) for k, t in thresholds_of(None).items()}
        gc.collect()
        load0 = os.getloadavg()[0]
        cpu, outs = 0.0, []
        for batches in tasks:
            if cold:  # as a fresh Python worker: no name parsed yet
                clear_parse_caches()
            c = time.process_time()
            outs.extend(_score_blocks(thresholds, freq, iter(batches)))
            cpu += time.process_time() - c
        out = pd.concat(outs)
        assert len(out) <= pairs == len(u), (len(out), pairs, len(u))
        kept = len(out)
        rows.append((n, len(nodes), pairs, prepared / pairs, old_prepared / pairs, cpu, kept))
        print(
            f"{n:,} names ({len(nodes):,} nodes, {len(member):,} block members in "
            f"{len(sizes):,} blocks: {sizes.mean():.2f} a block, largest {sizes.max()}; "
            f"{frame['blocks'].map(len).mean():.2f} blocks a member row's node): "
            f"{pairs:,} candidate pairs, each once; names prepared a pair {prepared / pairs:.3f} "
            f"(pairs sorted by (u, v): {old_prepared / pairs:.3f}; once per task: "
            f"{per_part / pairs:.3f}); {kept:,} prefiltered; "
            f"scoring {cpu:.1f} s CPU ({1e6 * cpu / pairs:.2f} us a candidate pair, "
            f"{1e6 * cpu / kept:.2f} us a prefiltered pair{', cold per task' if cold else ''}); "
            f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if profile:
            _profile_scoring(_score_blocks, thresholds, freq, tasks, pairs, kept)
    for a, b in itertools.pairwise(rows):
        r = math.log(b[0] / a[0])
        print(
            f"{a[0]:,} -> {b[0]:,}: growth exponent of pairs {math.log(b[2] / a[2]) / r:.2f}, "
            f"names prepared {math.log(b[2] * b[3] / (a[2] * a[3])) / r:.2f}, "
            f"prefiltered pairs {math.log(b[6] / a[6]) / r:.2f}, "
            f"scoring CPU {math.log(b[5] / a[5]) / r:.2f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--heldout", type=int, help="the held-out check on N names")
    ap.add_argument("--broadcast", type=int, help="measure link's broadcast for N alias rows")
    ap.add_argument("--scoring", type=int, nargs="+", help="the scoring function alone")
    ap.add_argument("--profile", action="store_true", help="--scoring: cProfile its parts")
    ap.add_argument("--cold", action="store_true", help="--scoring: caches cleared per task")
    ap.add_argument("--components", type=int, nargs="+", help="components alone, N nodes")
    ap.add_argument("--giant", type=float, default=0.6, help="--components: giant's share")
    ap.add_argument("--star", action="store_true", help="--components: the giant is a star")
    ap.add_argument("--blocks", type=int, nargs="+", help="the blocks stage alone, N names")
    ap.add_argument("--bound", type=int, nargs="+", help="the bound stage alone, N names")
    ap.add_argument("--max-block", type=int, default=10, help="--blocks: largest block")
    ap.add_argument("--pairs", type=int, nargs="+", help="candidate pairs on paper, N names")
    ap.add_argument("--passes", type=int, default=4, help="--pairs: passes over the pairs")
    ap.add_argument("--sample", type=int, default=200_000, help="--pairs: pairs prefiltered")
    args = ap.parse_args()
    if args.blocks:
        blocks(args.blocks, args.partitions, args.max_block)
        return
    if args.pairs:
        pair_growth(args.pairs, args.passes, args.sample)
        return
    if args.bound:
        bound(args.bound, args.partitions)
        return
    if args.components:
        components(args.components, args.partitions, args.giant, args.star)
        return
    if args.scoring:
        scoring(args.scoring, args.partitions, args.profile, args.cold)
        return
    if args.broadcast:
        broadcast(args.broadcast)
        return
    if args.heldout:
        heldout(args.heldout)
        return
    print(
        f"nasab {nasab.__version__} ({Path(nasab.__file__).parent}); Spark local[2], {args.partitions} partitions"
    )
    spark = _session(args.partitions)
    seen: set[int] = set()
    _timed_stages(_LOCAL_CPU)
    rows = []
    for n in args.sizes:
        rows.append(run(n, spark, args.partitions, seen))
        show(rows[-1])
        sys.stdout.flush()
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1))
    growth(rows)
    spark.stop()


if __name__ == "__main__":
    main()
