"""Tests for nasab.resolution.cluster: average linkage, and support by part of a cluster."""

from __future__ import annotations

import itertools

import pytest

from nasab.resolution.cluster import SHORT_FITS, SHORT_MARGIN, SUPPORT_MIN, cluster


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


# Short names: node 0's keys are a strict subset of nodes 1 and 2's (a given and a family
# name beside two full chains); nodes 1 and 2 are two people (0.5 between them).
SHORT_KEYS = [
    frozenset({"MR", "HSM"}),
    frozenset({"MR", "FRK", "HSM"}),
    frozenset({"MR", "KLD", "HSM"}),
]
SHORT_CASES = [
    # (case, score of 0 with 1, score of 0 with 2, clusters)
    ("fits-both-equally", 0.95, 0.93, [[0], [1], [2]]),
    ("fits-one-clearly", 0.95, 0.75, [[0, 1], [2]]),
    ("fits-one-only", 0.6, 0.9, [[0, 2], [1]]),
    ("fits-none", 0.5, 0.5, [[0], [1], [2]]),
]


@pytest.mark.parametrize(
    ("s1", "s2", "expected"),
    [(s1, s2, expected) for _, s1, s2, expected in SHORT_CASES],
    ids=[case for case, _, _, _ in SHORT_CASES],
)
def test_short_name_joins_one_clear_fit_and_never_bridges(
    s1: float, s2: float, expected: list[list[int]]
) -> None:
    scores = {(0, 1): s1, (0, 2): s2, (1, 2): 0.5}
    result = cluster(3, scores, threshold=0.7, keys=SHORT_KEYS)
    assert sorted(result.clusters) == expected
    assert SHORT_FITS == 2 and 0 < SHORT_MARGIN < 0.2
    # without the rule, average linkage lets the short name bridge the two people
    if expected == [[0], [1], [2]] and min(s1, s2) >= 0.7:
        assert cluster(3, scores, threshold=0.7).clusters == [[0, 1, 2]]
        assert result.short_alone == {0: 2}


def test_short_rule_needs_a_strict_subset() -> None:
    # equal keys are two spellings of one name, not a short form: plain average linkage
    keys = [frozenset({"MR", "HSM"})] * 3
    scores = {(0, 1): 0.95, (0, 2): 0.93, (1, 2): 0.5}
    assert cluster(3, scores, threshold=0.7, keys=keys).clusters == [[0, 1, 2]]


def test_short_rule_keeps_judged_nodes() -> None:
    scores = {(0, 1): 0.95, (0, 2): 0.93, (1, 2): 0.5}
    result = cluster(3, scores, threshold=0.7, keys=SHORT_KEYS, must=[(0, 2)])
    # a node held by a judgement is not short: it stays with its judged partner
    assert any({0, 2} <= set(c) for c in result.clusters)
    assert not result.short_alone and not result.short_joins
