"""Tests for nasab.resolution.unionfind: the union-find and vectorised components agree."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.resolution.unionfind import UnionFind, components, groups


@pytest.mark.parametrize(
    ("n", "edges", "labels"),
    [
        (3, [], [0, 1, 2]),
        (4, [(3, 2), (2, 1)], [0, 1, 1, 1]),
        (5, [(4, 0), (1, 3)], [0, 1, 2, 1, 0]),
        (6, [(5, 4), (4, 3), (3, 2), (2, 1), (1, 0)], [0, 0, 0, 0, 0, 0]),
    ],
    ids=["no-edges", "chain-down", "two-pairs", "long-chain"],
)
def test_components_label_with_smallest_member(
    n: int, edges: list[tuple[int, int]], labels: list[int]
) -> None:
    u = [a for a, _ in edges]
    v = [b for _, b in edges]
    assert components(n, u, v).tolist() == labels
    uf = UnionFind(n)
    for a, b in edges:
        uf.union(a, b)
    assert [uf.find(i) for i in range(n)] == labels


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=40))
def test_components_equal_union_find_in_any_order(rnd: random.Random, n: int) -> None:
    edges = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randrange(2 * n))]
    uf = UnionFind(n)
    for a, b in edges:
        uf.union(a, b)
    expected = [uf.find(i) for i in range(n)]
    rnd.shuffle(edges)
    got = components(n, [a for a, _ in edges], [b for _, b in edges])
    assert got.tolist() == expected


def test_groups_lists_multi_member_components() -> None:
    assert groups(np.array([0, 1, 0, 3, 1, 5])) == [[0, 2], [1, 4]]
    assert groups(np.array([], dtype=np.int64)) == []
