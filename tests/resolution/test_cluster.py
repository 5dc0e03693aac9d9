"""Tests for nasab.resolution.cluster: average linkage, and support by part of a cluster."""

from __future__ import annotations

import importlib
import itertools
import random
from collections.abc import Callable

import pytest

from nasab.resolution import forks as forks_module
from nasab.resolution.cluster import (
    SHORT_FITS,
    SHORT_MARGIN,
    SUPPORT_MIN,
    ClusterResult,
    cluster,
    cluster_groups,
)
from nasab.resolution.forks import fork_map

# The module, not the function ``nasab.resolution.cluster`` that the package exports.
cluster_module = importlib.import_module("nasab.resolution.cluster")


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


def _random_groups(seed: int, count: int) -> dict[str, object]:
    """``count`` groups of 2 to 9 nodes with random scores (some pairs unscored), links,
    token keys, tags and facts: every rule of :func:`cluster_groups` has work to do."""
    rnd = random.Random(seed)
    groups, scores, cannot, must = [], {}, [], []
    start = 0
    for _ in range(count):
        members = list(range(start, start + rnd.randint(2, 9)))
        start = members[-1] + 1 + rnd.randint(0, 2)  # nodes outside every group
        groups.append(members)
        for i, j in itertools.combinations(members, 2):
            if rnd.random() < 0.8:
                scores[(i, j)] = round(rnd.uniform(0.4, 1.0), 3)
            elif rnd.random() < 0.2:
                cannot.append((i, j))
        if rnd.random() < 0.15:
            must.append((members[0], members[-1]))
    keys = [frozenset(rnd.sample("ABCD", rnd.randint(1, 3))) for _ in range(start)]
    return {
        "groups": groups,
        "scores": scores,
        "threshold": lambda k: 0.6 + 0.05 * (k % 2),
        "must": must,
        "cannot": cannot,
        "tags": [k % 7 - 1 for k in range(start)],
        "clash": lambda s, t: s != t and (s + t) % 5 == 0,
        "support": lambda k: k % 3 == 0,
        "keys": keys,
        "agree": lambda u, v: (u + v) % 4 == 0,
        "apart": lambda a, b: len(a) + len(b) == 7,
    }


def _parts(res: ClusterResult) -> tuple[object, ...]:
    """Everything a :class:`ClusterResult` holds, dict order included."""
    return (
        res.clusters,
        list(res.merges.items()),
        list(res.parent.items()),
        list(res.short_alone.items()),
        list(res.short_joins.items()),
    )


def _on_demand(memo: dict[tuple[int, int], float]) -> Callable[[int, int], float]:
    def score(u: int, v: int) -> float:
        return memo.setdefault((u, v), ((u * 7 + v * 13) % 10) / 10)

    return score


@pytest.mark.parametrize(
    ("workers", "least", "methods", "forked"),
    [
        (2, 1, ["fork", "spawn"], True),
        (3, 1, ["fork", "spawn"], True),
        (1, 1, ["fork", "spawn"], False),  # NASAB_WORKERS=1
        (2, 1, ["spawn"], False),  # a system that cannot fork
        (2, 10_000, ["fork", "spawn"], False),  # fewer groups than PARALLEL_MIN_GROUPS
    ],
    ids=["two-workers", "three-workers", "one-worker", "no-fork", "few-groups"],
)
def test_cluster_groups_in_forked_workers_equal_one_process(
    monkeypatch: pytest.MonkeyPatch, workers: int, least: int, methods: list[str], forked: bool
) -> None:
    work = _random_groups(11, 120)
    one_memo: dict[tuple[int, int], float] = {}
    one = cluster_groups(**work, on_demand=_on_demand(one_memo), memo=one_memo)  # type: ignore[arg-type]
    # Every rule had its say, so each part of the result is compared for something.
    assert {how for _, how in one.merges.values()} == {"score", "support", "judgement"}
    assert one.short_alone and one.short_joins and one_memo

    calls = []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[2:4])  # (groups, workers)
        return fork_map(*args, **kwargs)

    monkeypatch.setattr(cluster_module, "fork_map", counted)
    monkeypatch.setattr(cluster_module, "PARALLEL_MIN_GROUPS", least)
    monkeypatch.setattr(forks_module.multiprocessing, "get_all_start_methods", lambda: methods)
    two_memo: dict[tuple[int, int], float] = {}
    two = cluster_groups(  # type: ignore[arg-type]
        **work, on_demand=_on_demand(two_memo), memo=two_memo, workers=workers
    )
    assert calls == ([(120, workers)] if forked else [])
    assert _parts(two) == _parts(one)
    # The scores made on demand in the workers came back, in the order one process made them.
    assert list(two_memo.items()) == list(one_memo.items())
