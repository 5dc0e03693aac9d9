"""Tests for nasab.resolution.cluster: average linkage, and support by part of a cluster."""

from __future__ import annotations

import itertools

import pytest

from nasab.resolution.cluster import SUPPORT_MIN, cluster


def _clique(nodes: range, score: float) -> dict[tuple[int, int], float]:
    return {(i, j): score for i, j in itertools.combinations(nodes, 2)}


# Four aliases of one body (0-3, all alike) and a fifth name (4) with its scores to them.
SUPPORT_CASES = [
    ("strong-to-half", {0: 0.9, 1: 0.9}, True),
    ("strong-to-three", {0: 0.8, 1: 0.9, 2: 0.75}, True),
    ("strong-to-one", {0: 0.85}, False),
    ("middling-to-half", {0: 0.75, 1: 0.5}, False),
]


@pytest.mark.parametrize(
    ("links", "joins"),
    [(links, joins) for _, links, joins in SUPPORT_CASES],
    ids=[case for case, _, _ in SUPPORT_CASES],
)
def test_name_joins_when_strongly_linked_to_half_the_cluster(
    links: dict[int, float], joins: bool
) -> None:
    scores = _clique(range(4), 0.9)
    scores.update({(i, 4): s for i, s in links.items()})
    result = cluster(5, scores, threshold=0.7, support=True)
    together = next(sorted(c) for c in result.clusters if 0 in c)
    assert (4 in together) is joins, result.clusters
    assert {0, 1, 2, 3} <= set(together)


def test_support_needs_a_cluster_of_at_least_support_min() -> None:
    # A pair of names is too small to vouch for a third by one of them alone: no chaining.
    assert SUPPORT_MIN >= 3
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.0}
    result = cluster(3, scores, threshold=0.7, support=True)
    assert all(len(c) <= 2 for c in result.clusters)


def test_support_does_not_override_a_cannot_link() -> None:
    scores = _clique(range(4), 0.9)
    scores.update({(0, 4): 0.9, (1, 4): 0.9})
    result = cluster(5, scores, threshold=0.7, cannot=[(2, 4)], support=True)
    assert [4] in result.clusters


@pytest.mark.parametrize(
    "order", list(itertools.permutations(range(5)))[::17], ids=lambda p: ",".join(map(str, p))
)
def test_support_result_does_not_depend_on_node_numbering(order: tuple[int, ...]) -> None:
    base = _clique(range(4), 0.9)
    base.update({(0, 4): 0.9, (1, 4): 0.9})
    renamed = {(min(order[i], order[j]), max(order[i], order[j])): s for (i, j), s in base.items()}
    result = cluster(5, renamed, threshold=0.7, support=True)
    assert sorted(sorted(c) for c in result.clusters) == [[0, 1, 2, 3, 4]]


def test_without_support_only_the_average_counts() -> None:
    scores = _clique(range(4), 0.9)
    scores.update({(0, 4): 0.9, (1, 4): 0.9})
    assert [4] in cluster(5, scores, threshold=0.7).clusters
    assert [4] not in cluster(5, scores, threshold=0.7, support=True).clusters
