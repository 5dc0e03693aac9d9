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
