"""Clustering scored pairs without chaining.

Average-linkage agglomerative clustering inside each connected component of the
graph of confident pairs: two clusters merge only when the *average* score over all
their cross pairs reaches the threshold, so a name that resembles two others cannot
glue them together unless they resemble each other too. One body's aliases may share
little with each other (a translation, an acronym, a foreign form), so a name that is
far from most of a large cluster would never reach its average: where the caller asks
for it (``support``), two clusters also merge when their *support linkage* reaches the
threshold (each name of the smaller cluster
strongly tied to at least :data:`SUPPORT_SHARE` of the larger one, which has at least
:data:`SUPPORT_MIN` names; see :func:`_support`). Cannot-link constraints
(judgements, conflicting family names) forbid merges outright; must-link
constraints (judgements) merge first. Ties are broken by node order, so the result
depends only on the set of nodes and scores, never on the order they came in.

Example:
    >>> scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.1}
    >>> result = cluster(3, scores, threshold=0.7)
    >>> sorted(sorted(c) for c in result.clusters)
    [[0, 1], [2]]
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .unionfind import UnionFind

__all__ = ["SUPPORT_MIN", "SUPPORT_SHARE", "ClusterResult", "cluster", "cluster_groups"]

#: Largest number of cross pairs scored on demand when two clusters are compared.
ON_DEMAND_PAIRS = 64

#: Support linkage: the share of the larger cluster that each name of the smaller one
#: must be strongly tied to (see :func:`_support`).
SUPPORT_SHARE = 0.5

#: Smallest cluster whose part may vouch for a name: a pair of names cannot, so a name
#: that resembles one name of a pair does not chain onto it.
SUPPORT_MIN = 3


@dataclass
class ClusterResult:
    """Clusters of node indexes and the merge tree that explains them.

    Attributes:
        clusters: lists of node indexes, each sorted; ordered by first node.
        parent: tree node -> the merge that absorbed it (tree nodes are ``("n", i)``
            leaves and ``("m", k)`` merges).
        merges: merge ``k`` -> (linkage, how) with how ``score`` (average linkage),
            ``support`` (support linkage) or ``judgement``.
        blocked: pairs of cluster roots that were kept apart by a cannot-link, with
            the linkage they had.
    """

    clusters: list[list[int]]
    parent: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    merges: dict[int, tuple[float, str]] = field(default_factory=dict)

    def merge_of(self, i: int, j: int) -> tuple[float, str] | None:
        """The merge that put nodes ``i`` and ``j`` together, if any."""
        seen = set()
        node: tuple[str, int] | None = ("n", i)
        while node is not None:
            seen.add(node)
            node = self.parent.get(node)
        node = ("n", j)
        while node is not None:
            if node in seen and node[0] == "m":
                return self.merges[node[1]]
            node = self.parent.get(node)
        return None


def cluster(
    n: int,
    scores: Mapping[tuple[int, int], float],
    *,
    threshold: float | Callable[[int], float],
    must: Iterable[tuple[int, int]] = (),
    cannot: Iterable[tuple[int, int]] = (),
    on_demand: Callable[[int, int], float] | None = None,
    support: bool = False,
) -> ClusterResult:
    """Cluster nodes ``0..n-1`` given scores of pairs ``(i, j)`` with ``i < j``.

    Args:
        n: number of nodes.
        scores: scored pairs (unscored pairs count as 0, or are scored on demand).
        threshold: linkage needed to merge, or a function of a node giving it.
        must: pairs that must be together (merged first).
        cannot: pairs that must stay apart (win over scores, not over ``must``).
        on_demand: scores an unscored pair when two small clusters are compared.
        support: whether clusters may also merge by support linkage (:func:`_support`).
    """
    thr = threshold if callable(threshold) else (lambda _i, _t=threshold: _t)
    must = list(must)
    # Components of confident pairs and must-links.
    uf = UnionFind(n)
    for (i, j), s in scores.items():
        if s >= thr(i):
            uf.union(i, j)
    for i, j in must:
        uf.union(i, j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[uf.find(i)].append(i)
    inside = {p: s for p, s in scores.items() if uf.same(*p)}
    groups = [c for c in comps.values() if len(c) > 1]
    result = cluster_groups(
        groups,
        inside,
        thr,
        must=must,
        cannot=cannot,
        on_demand=on_demand,
        support=(lambda _k: True) if support else None,
    )
    result.clusters.extend([c] for c in comps.values() if len(c) == 1)
    result.clusters.sort(key=lambda c: c[0])
    return result


def cluster_groups(
    groups: Sequence[list[int]],
    scores: Mapping[tuple[int, int], float],
    threshold: Callable[[int], float],
    *,
    must: Iterable[tuple[int, int]] = (),
    cannot: Iterable[tuple[int, int]] = (),
    on_demand: Callable[[int, int], float] | None = None,
    tags: Sequence[int] | None = None,
    clash: Callable[[int, int], bool] | None = None,
    support: Callable[[int], bool] | None = None,
) -> ClusterResult:
    """Average-linkage clusters inside each group (connected component), one at a time.

    Args:
        groups: the components, each a sorted list of nodes, ordered by first node.
        scores: the scored pairs inside the groups (others are ignored).
        threshold: linkage needed to merge, as a function of a node.
        must: pairs that must be together (merged first).
        cannot: pairs that must stay apart.
        on_demand: scores an unscored pair when two small clusters are compared.
        tags: a tag per node (-1: none), with ``clash``: two clusters holding nodes of
            clashing tags never merge (attribute cannot-links, scored pairs or not).
        clash: whether two tags clash.
        support: whether a group (given its first node) may also merge by support
            linkage (:func:`_support`); None: average linkage only.

    Returns:
        The clusters of the groups' nodes (nodes outside every group are not listed).
    """
    group_of = {x: g for g, members in enumerate(groups) for x in members}
    adj: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        if group_of.get(i, -1) == group_of.get(j, -2):
            adj[i][j] = s
            adj[j][i] = s
    cannot_adj: dict[int, set[int]] = defaultdict(set)
    for i, j in cannot:
        if group_of.get(i, -1) == group_of.get(j, -2):
            cannot_adj[i].add(j)
            cannot_adj[j].add(i)
    must_by_group: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in must:
        must_by_group[group_of[i]].append((i, j))
    result = ClusterResult([])
    merge_count = [0]
    for g, members in enumerate(groups):
        result.clusters.extend(
            _cluster_component(
                members,
                adj,
                cannot_adj,
                must_by_group[g],
                threshold(members[0]),
                on_demand,
                result,
                merge_count,
                (tags, clash) if tags is not None and clash is not None else None,
                support is not None and support(members[0]),
            )
        )
    return result


def _cluster_component(
    members: list[int],
    adj: Mapping[int, Mapping[int, float]],
    cannot_adj: Mapping[int, set[int]],
    must: list[tuple[int, int]],
    threshold: float,
    on_demand: Callable[[int, int], float] | None,
    result: ClusterResult,
    merge_count: list[int],
    tagging: tuple[Sequence[int], Callable[[int, int], bool]] | None = None,
    support: bool = False,
) -> list[list[int]]:
    nodes: dict[int, list[int]] = {m: [m] for m in members}  # cluster id -> nodes
    tag_sets = _tag_sets(members, tagging)
    owner: dict[int, int] = {m: m for m in members}
    tree: dict[int, tuple[str, int]] = {m: ("n", m) for m in members}
    version: dict[int, int] = dict.fromkeys(members, 0)

    def new_merge(a: int, b: int, linkage: float, how: str) -> int:
        k = merge_count[0]
        merge_count[0] += 1
        result.merges[k] = (linkage, how)
        result.parent[tree[a]] = ("m", k)
        result.parent[tree[b]] = ("m", k)
        keep, gone = (a, b) if a < b else (b, a)
        nodes[keep].extend(nodes.pop(gone))
        if tag_sets is not None:
            tag_sets[keep] |= tag_sets.pop(gone)
        for x in nodes[keep]:
            owner[x] = keep
        tree[keep] = ("m", k)
        tree.pop(gone, None)
        version[keep] += 1
        version.pop(gone, None)
        return keep

    # Must-links first (judgements win).
    for i, j in sorted(must):
        a, b = owner[i], owner[j]
        if a != b:
            new_merge(a, b, 1.0, "judgement")

    def forbidden(a: int, b: int) -> bool:
        if (
            tag_sets is not None
            and tagging is not None
            and _clashes(tag_sets[a], tag_sets[b], tagging[1])
        ):
            return True
        small, big = (a, b) if len(nodes[a]) <= len(nodes[b]) else (b, a)
        for x in nodes[small]:
            for y in cannot_adj.get(x, ()):
                if owner.get(y) == big:
                    return True
        return False

    def linkage(a: int, b: int) -> tuple[float, str]:
        na, nb = nodes[a], nodes[b]
        total = len(na) * len(nb)
        s = 0.0
        missing = []
        found: dict[tuple[int, int], float] = {}
        for x in na:
            ax = adj.get(x, {})
            for y in nb:
                v = ax.get(y)
                if v is None:
                    missing.append((x, y))
                else:
                    s += v
        if missing and on_demand is not None and total <= ON_DEMAND_PAIRS:
            got = [on_demand(min(x, y), max(x, y)) for x, y in missing]
            s += sum(got)
            found.update(zip(missing, got, strict=True))
        avg = s / total
        if avg >= threshold or not support:
            return avg, "score"
        held = _support(na, nb, adj, found)
        return (held, "support") if held > avg else (avg, "score")

    def neighbours(a: int) -> set[int]:
        out = set()
        for x in nodes[a]:
            for y in adj.get(x, ()):
                o = owner[y]
                if o != a:
                    out.add(o)
        return out

    heap: list[tuple[float, int, int, int, int, str]] = []

    def push(a: int, b: int) -> None:
        if a > b:
            a, b = b, a
        link, how = linkage(a, b)
        if link >= threshold:
            heapq.heappush(heap, (-link, a, b, version[a], version[b], how))

    for a in sorted(nodes):
        for b in sorted(neighbours(a)):
            if a < b:
                push(a, b)
    while heap:
        neg, a, b, va, vb, how = heapq.heappop(heap)
        if version.get(a) != va or version.get(b) != vb:
            continue
        if forbidden(a, b):
            continue
        keep = new_merge(a, b, -neg, how)
        for c in sorted(neighbours(keep)):
            push(keep, c)
    return [sorted(v) for v in nodes.values()]


def _tag_sets(
    members: list[int], tagging: tuple[Sequence[int], Callable[[int, int], bool]] | None
) -> dict[int, set[int]] | None:
    """Cluster id -> the tags of its nodes (None when no node of the group has one)."""
    if tagging is None or all(tagging[0][m] < 0 for m in members):
        return None
    tags = tagging[0]
    return {m: ({tags[m]} if tags[m] >= 0 else set()) for m in members}


def _clashes(a: set[int], b: set[int], clash: Callable[[int, int], bool]) -> bool:
    return any(clash(s, t) for s in a for t in b)


def _support(
    na: list[int],
    nb: list[int],
    adj: Mapping[int, Mapping[int, float]],
    found: Mapping[tuple[int, int], float],
) -> float:
    """Support linkage: how strongly each name of the smaller cluster is tied to part of the other.

    For each node of the smaller cluster, the mean of its :data:`SUPPORT_SHARE` best
    scores into the larger one (unscored pairs count as 0); then the mean over the
    smaller cluster. A larger cluster of fewer than :data:`SUPPORT_MIN` nodes gives 0.

    Example:
        >>> adj = {4: {0: 0.9, 1: 0.9}}
        >>> _support([4], [0, 1, 2, 3], adj, {}), _support([4], [0, 1], adj, {})
        (0.9, 0.0)
    """
    small, big = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(big) < SUPPORT_MIN:
        return 0.0
    k = math.ceil(len(big) * SUPPORT_SHARE - 1e-9)
    total = 0.0
    for x in small:
        ax = adj.get(x, {})
        row = sorted(
            (ax.get(y, found.get((x, y), found.get((y, x), 0.0))) for y in big), reverse=True
        )
        total += sum(row[:k]) / k
    return total / len(small)
