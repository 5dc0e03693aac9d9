"""nasab.spark.resolve on local[2] beside nasab.resolve on one machine, same names, same run.

Names come from the synthetic generator of ``bench_resolve_scale.py`` (netranslit dev
pairs, half in Arabic script, entities written 1-4 ways). For each size the script
prints the single-machine time, Spark's wall time per stage, the shuffle bytes
written (from the Spark UI's REST API on localhost), the largest block and component,
and checks that both give the same entity id to every name.

Run:
    nice python benchmarks/bench_spark.py [--sizes 10000 100000] [--partitions 8]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    print(f"nasab {nasab.__version__}; Spark local[2], {args.partitions} partitions")
    spark = _session(args.partitions)
    for n in args.sizes:
        run(n, spark, args.partitions)
    spark.stop()


if __name__ == "__main__":
    main()
