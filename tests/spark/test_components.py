"""Connected components in Spark agree with nasab.resolution.unionfind.components."""

from __future__ import annotations

import random

import numpy as np
import pytest

from nasab.resolution.unionfind import components


@pytest.mark.parametrize(("n", "m", "seed"), [(64, 63, 2)], ids=["long-chains"])
def test_components_match_numpy(spark, n, m, seed):
    from nasab.spark.components import connected_components

    rnd = random.Random(seed)
    # Long paths in shuffled order: the worst case for label propagation.
    perm = list(range(n))
    rnd.shuffle(perm)
    edges = [(perm[k], perm[k + 1]) for k in range(m) if rnd.random() < 0.9]
    df = spark.createDataFrame(edges, "u long, v long")
    got = {r.node: r.comp for r in connected_components(df).collect()}
    want = components(n, np.array([a for a, _ in edges]), np.array([b for _, b in edges]))
    ends = {x for e in edges for x in e}
    assert got == {x: int(want[x]) for x in ends}


def test_frozen_frames_keep_a_bounded_size_estimate(spark):
    """A frame frozen round after round is estimated at the size of its rows: carried
    over from the plan, a self-join's estimate squares each round and the planner
    stalls (the test reads the estimate through Spark's JVM handle)."""
    from pyspark.sql import functions as F

    from nasab.spark.components import freeze

    df = spark.range(50).select(F.col("id").alias("node"), (F.col("id") % 7).alias("comp"))
    for _ in range(8):
        other = df.select(F.col("node").alias("comp"), F.col("comp").alias("c2"))
        df = freeze(df.join(other, "comp").select("node", F.least("comp", "c2").alias("comp")))
    digits = len(str(df._jdf.queryExecution().optimizedPlan().stats().sizeInBytes()))
    assert digits <= 20
    assert df.count() == 50


@pytest.mark.parametrize("hot", [1, 4, 10_000], ids=["every-label-hot", "some-hot", "none-hot"])
def test_hot_labels_jump_by_broadcast_to_the_same_components(spark, hot):
    """Labels held by more than ``hot`` nodes jump by broadcast, the others by a join
    keyed by label: the components are the same whichever way a label goes (a hub of 40
    nodes, chains hanging off it, and small components)."""
    from nasab.spark.components import connected_components

    rnd = random.Random(5)
    perm = list(range(120))
    rnd.shuffle(perm)
    edges = [(perm[0], perm[k]) for k in range(1, 40)]  # a hub: one label, many nodes
    edges += [(perm[k], perm[k + 1]) for k in range(40, 80)]  # a chain onto the hub
    edges.append((perm[5], perm[40]))
    edges += [(perm[k], perm[k + 1]) for k in range(90, 118, 3)]  # pairs
    df = spark.createDataFrame(edges, "u long, v long")
    got = {r.node: r.comp for r in connected_components(df, hot=hot).collect()}
    want = components(120, np.array([a for a, _ in edges]), np.array([b for _, b in edges]))
    ends = {x for e in edges for x in e}
    assert got == {x: int(want[x]) for x in ends}


@pytest.mark.parametrize(
    ("keys", "limit", "want"),
    [
        ([1, 1, 1, 2, 2, 3], 2, [1]),
        ([1, 1, 1, 2, 2, 3], 1, [1, 2]),
        ([1, 1, 1, 2, 2, 3], 3, []),
        ([7] * 50 + list(range(100)), 10, [7]),
    ],
)
def test_hot_keys_are_the_keys_of_more_rows_than_the_limit(spark, keys, limit, want):
    from nasab.spark.components import hot_keys

    df = spark.createDataFrame([(k, i) for i, k in enumerate(keys)], "comp long, node long")
    assert sorted(r.comp for r in hot_keys(df, "comp", limit).collect()) == want
