"""nasab.spark.resolve on local[2] beside nasab.resolve on one machine, same names, same run.

Names come from the synthetic generator of ``bench_resolve_scale.py`` (netranslit dev
pairs, half in Arabic script, entities written 1-4 ways). For each size the script
prints the single-machine time, Spark's wall time per stage, the shuffle bytes
written (from the Spark UI's REST API on localhost), the largest block and component,
and checks that both give the same entity id to every name.

``--broadcast N`` measures instead what ``nasab.spark.link`` ships to each worker for an
alias table of N rows (the generator of ``bench_link.py``): the broadcast TSV text, and
what one worker holds after reading it (the columnar table, then its link index), by
tracemalloc; the figures per million rows are these times 1,000,000 / N.

Run:
    nice python benchmarks/bench_spark.py [--sizes 10000 100000] [--partitions 8]
    nice python benchmarks/bench_spark.py --broadcast 100000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_resolve_scale import b_cubed, generate

import nasab


def _session(partitions: int):  # type: ignore[no-untyped-def]
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master("local[2]")
        .appName("nasab-bench")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.driver.memory", "4g")
        .config("spark.log.level", "ERROR")
        .getOrCreate()
    )


def _shuffle_bytes(spark) -> int:  # type: ignore[no-untyped-def]
    """Shuffle bytes written by every stage so far (Spark UI REST API, localhost)."""
    url = spark.sparkContext.uiWebUrl
    app = spark.sparkContext.applicationId
    with urllib.request.urlopen(f"{url}/api/v1/applications/{app}/stages") as fh:
        return sum(s.get("shuffleWriteBytes", 0) for s in json.load(fh))


def run(n: int, spark, partitions: int) -> None:  # type: ignore[no-untyped-def]
    import nasab.spark

    names, gold = generate(n)
    t = time.perf_counter()
    res = nasab.resolve(names)
    local = time.perf_counter() - t
    df = spark.createDataFrame(
        [(f"r{i}", nm) for i, nm in enumerate(names)], "rid string, name string"
    ).repartition(partitions)
    before = _shuffle_bytes(spark)
    stats: dict[str, float] = {}
    t = time.perf_counter()
    rows = nasab.spark.resolve(df, id_col="rid", timings=stats).select("rid", "entity_id").collect()
    total = time.perf_counter() - t
    shuffled = _shuffle_bytes(spark) - before
    got = {r.rid: r.entity_id for r in rows}
    same = sum(got[f"r{i}"] == lab for i, lab in enumerate(res.labels))
    f1 = b_cubed([got[f"r{i}"] for i in range(n)], gold)[2]
    print(f"\n{n:,} names: nasab.resolve {local:.1f} s | nasab.spark.resolve {total:.1f} s")
    for stage in ("prepare", "node_keys", "key_counts", "block_pairs", "score_pairs"):
        print(f"  {stage:<12} {stats[stage]:7.1f} s")
    for stage in ("connected", "cluster", "attach_weak", "entity_ids"):
        print(f"  {stage:<12} {stats[stage]:7.1f} s")
    print(
        f"  nodes {stats['nodes']:,}, largest key (hot keys over 60 give no pairs) {stats['largest_block']:,}, "
        f"candidate pairs {stats['pairs']:,}, scored {stats['scored']:,}, "
        f"components {stats['components']:,} (largest {stats['largest_component']:,})"
    )
    print(f"  shuffle written {shuffled / 2**20:.1f} MiB")
    print(f"  same id as nasab.resolve: {same:,}/{n:,}; B-cubed F1 {f1:.3f}")


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--broadcast", type=int, help="measure link's broadcast for N alias rows")
    args = ap.parse_args()
    if args.broadcast:
        broadcast(args.broadcast)
        return
    print(f"nasab {nasab.__version__}; Spark local[2], {args.partitions} partitions")
    spark = _session(args.partitions)
    for n in args.sizes:
        run(n, spark, args.partitions)
    spark.stop()


if __name__ == "__main__":
    main()
