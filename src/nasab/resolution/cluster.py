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

Where the caller gives each node's token keys (``keys``), a *short* name, one whose
keys are a strict subset of a longer name's that it reaches the threshold with
(``Omar Hashimi`` beside ``Omar Farouk Hashimi``), is clustered apart from the longer
names and then joins the one cluster of them it fits best; fitting
:data:`SHORT_FITS` or more about equally well (within :data:`SHORT_MARGIN`), it joins
none: it could stand for any (see :func:`_attach_short`). So a short name never
bridges two longer names, as a weak name (one word) never bridges full names.

Example:
    >>> scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.1}
    >>> result = cluster(3, scores, threshold=0.7)
    >>> sorted(sorted(c) for c in result.clusters)
    [[0, 1], [2]]
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .forks import fork_map, forks
from .unionfind import UnionFind

__all__ = [
    "GROUP_SPANS",
    "MERGED_BY_JUDGEMENT",
    "MERGED_BY_SCORE",
    "MERGED_BY_SUPPORT",
    "PARALLEL_MIN_GROUPS",
    "SHORT_FITS",
    "SHORT_MARGIN",
    "SUPPORT_MIN",
    "SUPPORT_SHARE",
    "ClusterResult",
    "cluster",
    "cluster_groups",
]

#: Largest number of cross pairs scored on demand when two clusters are compared.
ON_DEMAND_PAIRS = 64

#: Support linkage: the share of the larger cluster that each name of the smaller one
#: must be strongly tied to (see :func:`_support`).
SUPPORT_SHARE = 0.5

#: Smallest cluster whose part may vouch for a name: a pair of names cannot, so a name
#: that resembles one name of a pair does not chain onto it.
SUPPORT_MIN = 3

#: A short name (its token keys a strict subset of a longer name's) that reaches the
#: threshold with longer names in this many clusters or more joins none of them. On the
#: generated lists of ``bench_resolve_scale.py`` two thirds of the wrongly joined names
#: at 100k are such subset joins, and their share grows with the list.
SHORT_FITS = 2

#: How far under a short name's best fit another cluster's best score may be for the
#: two to count as fitting equally well: a short name that clearly fits one cluster
#: better stays where the clustering put it. On ``bench_resolve_scale.py`` at 30k, of
#: the short names fitting two clusters within 0.1, the best was the true one in 42%;
#: beyond 0.1, in 90%.
SHORT_MARGIN = 0.1

#: Groups to cluster (:func:`cluster_groups`) before runs of them are clustered in forked
#: workers (a group costs about 50 microseconds; a fork, and the join of the parts, tens of
#: milliseconds). On ``bench_resolve_scale.py``, about 22 groups a hundred names: at 30k
#: names (6,700 groups) two workers took this process's 0.35 s of CPU to 0.06 s, for
#: 0.42 s in the workers; at 10k (2,200 groups) 0.12 s to 0.05 s, for 0.19 s in them.
PARALLEL_MIN_GROUPS = 10_000

#: Runs of groups a clustering worker takes in turn, so that one that ends first takes
#: more instead of waiting for the other.
GROUP_SPANS = 4

#: The nodes' tags (-1: none) and the test of whether two tags clash.
_Tagging = tuple[Sequence[int], Callable[[int, int], bool]]


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
        short_alone: node -> how many clusters of longer names its short name fits
            about equally well, for the short names left alone (:data:`SHORT_FITS`).
        short_joins: node -> (first node of the cluster it joined, best score), for
            the short names that joined the one cluster of longer names they fit best.
    """

    clusters: list[list[int]]
    parent: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    merges: dict[int, tuple[float, str]] = field(default_factory=dict)
    short_alone: dict[int, int] = field(default_factory=dict)
    short_joins: dict[int, tuple[int, float]] = field(default_factory=dict)

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
    keys: Sequence[frozenset[str] | None] | None = None,
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
        keys: token keys of each node's name, for the short-name rule (see
            :func:`cluster_groups`); None: no such rule.
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
        keys=keys,
    )
    result.clusters.extend(c for c in comps.values() if len(c) == 1)
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
    keys: Sequence[frozenset[str] | None] | None = None,
    agree: Callable[[int, int], bool] | None = None,
    apart: Callable[[Sequence[int], Sequence[int]], bool] | None = None,
    memo: dict[Any, float] | None = None,
    workers: int = 1,
) -> ClusterResult:
    """Average-linkage clusters inside each group (connected component), one at a time.

    With ``workers`` > 1 and :data:`PARALLEL_MIN_GROUPS` groups or more, contiguous runs
    of groups are clustered in forked workers (:func:`~.forks.fork_map`), which read the
    scores and links copy-on-write and send back their part as arrays
    (:class:`_PackedPart`); the parts are joined in group order, merges renumbered, so
    the result is the one of a single process, merge numbers and dict order included.

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
        keys: the token keys of each node's name (None: not a person name): short
            names never bridge longer names (:func:`_attach_short`); None: no such rule.
        agree: whether two nodes' facts are evidence *for* one person: a short name
            whose facts agree with all the clusters it fits joins them all.
        apart: whether two clusters (their nodes) are two bodies whatever their linkage
            (two companies of one group: :func:`nasab.match.orgs.org_subsidiary_word`);
            None: no such test.
        memo: the dict in which ``on_demand`` keeps the scores it makes, if any: what
            forked workers add to their copy of it is added to it here, so it ends as
            one process leaves it.
        workers: worker processes (:func:`~.forks.workers`); 1: this process only.

    Returns:
        The clusters of the groups' nodes (nodes outside every group are not listed).

    Example:
        >>> scores = {(0, 1): 0.9, (2, 3): 0.8, (3, 4): 0.2}
        >>> res = cluster_groups([[0, 1], [2, 3, 4]], scores, lambda _k: 0.7)
        >>> res.clusters, res.merges
        ([[0, 1], [2, 3], [4]], {0: (0.9, 'score'), 1: (0.8, 'score')})
    """
    work = _GroupWork(
        groups,
        *_by_node(groups, scores, must, cannot),
        threshold,
        on_demand,
        (tags, clash) if tags is not None and clash is not None else None,
        support,
        keys,
        agree,
        apart,
        memo,
    )
    if not forks(len(groups), PARALLEL_MIN_GROUPS, workers):
        return _cluster_span(work, (0, len(groups)))
    parts = fork_map(_packed_span, work, len(groups), workers, spans=GROUP_SPANS)
    result = ClusterResult([])
    for part in parts:
        part.join_into(result)
        if memo is not None:
            memo.update(part.memo)
    return result


@dataclass(frozen=True)
class _GroupWork:
    """What clustering any run of groups reads (:func:`cluster_groups`), built once
    before the workers fork.

    Attributes:
        groups: the components, each a sorted list of nodes.
        adj: node -> its scored neighbours of its group, with their scores.
        cannot_adj: node -> the nodes of its group it has a cannot-link with.
        must_by_group: group index -> its must-link pairs.
        threshold: the linkage needed to merge, as a function of a node.
        on_demand, tagging, support, keys, agree, apart, memo: as
            :func:`cluster_groups` takes them (``tagging``: its tags and clash test).
    """

    groups: Sequence[list[int]]
    adj: Mapping[int, dict[int, float]]
    cannot_adj: Mapping[int, set[int]]
    must_by_group: Mapping[int, list[tuple[int, int]]]
    threshold: Callable[[int], float]
    on_demand: Callable[[int, int], float] | None
    tagging: _Tagging | None
    support: Callable[[int], bool] | None
    keys: Sequence[frozenset[str] | None] | None
    agree: Callable[[int, int], bool] | None
    apart: Callable[[Sequence[int], Sequence[int]], bool] | None
    memo: dict[Any, float] | None


def _by_node(
    groups: Sequence[list[int]],
    scores: Mapping[tuple[int, int], float],
    must: Iterable[tuple[int, int]],
    cannot: Iterable[tuple[int, int]],
) -> tuple[dict[int, dict[int, float]], dict[int, set[int]], dict[int, list[tuple[int, int]]]]:
    """The groups' scores and cannot-links by node (pairs across two groups are left
    out) and their must-links by group: :class:`_GroupWork`'s ``adj``, ``cannot_adj``
    and ``must_by_group``."""
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
    return adj, cannot_adj, must_by_group


def _cluster_span(work: _GroupWork, span: tuple[int, int]) -> ClusterResult:
    """The clusters of groups ``span[0]`` to ``span[1] - 1``, merges numbered from 0."""
    result = ClusterResult([])
    adj, cannot_adj, keys = work.adj, work.cannot_adj, work.keys
    for g in range(*span):
        members = work.groups[g]
        must = work.must_by_group.get(g, [])
        thr = work.threshold(members[0])
        short = _short_nodes(members, adj, thr, keys, must) if keys else set()
        setting = _GroupSetting(
            must,
            thr,
            work.on_demand,
            work.tagging,
            work.support is not None and work.support(members[0]),
            work.apart,
        )
        if not short:
            result.clusters.extend(_Agglomeration(members, adj, cannot_adj, setting, result).run())
            continue
        # Short names are clustered apart from the longer names they are subsets of, then
        # join the one cluster they fit best: a short name never bridges longer names.
        longs = [m for m in members if m not in short]
        shorts = [m for m in members if m in short]
        found = _Agglomeration(longs, _sub_adj(longs, adj), cannot_adj, setting, result).run()
        alone = _Agglomeration(shorts, _sub_adj(shorts, adj), cannot_adj, setting, result).run()
        result.clusters.extend(
            _attach_short(found, alone, adj, thr, cannot_adj, work.tagging, result, work.agree)
        )
    return result


def _packed_span(work: _GroupWork, span: tuple[int, int]) -> _PackedPart:
    """:func:`_cluster_span` in a forked worker, packed to be sent back, with the scores
    that ``on_demand`` added to the worker's copy of ``memo`` meanwhile."""
    before = len(work.memo) if work.memo is not None else 0
    part = _PackedPart.of(_cluster_span(work, span))
    if work.memo is not None:
        part.memo = list(itertools.islice(work.memo.items(), before, None))
    return part


#: The ways a merge is reached (the second item of :attr:`ClusterResult.merges`): by
#: average linkage, by support linkage, by a must-link judgement.
MERGED_BY_SCORE, MERGED_BY_SUPPORT, MERGED_BY_JUDGEMENT = "score", "support", "judgement"

#: The ways a merge is reached, numbered in packed parts.
_HOWS = (MERGED_BY_SCORE, MERGED_BY_SUPPORT, MERGED_BY_JUDGEMENT)

#: The kinds of tree nodes (:attr:`ClusterResult.parent`), numbered in packed parts.
_TREE_KINDS = ("n", "m")


@dataclass
class _PackedPart:
    """A :class:`ClusterResult` of a run of groups as arrays, which pickle compactly.

    Attributes:
        sizes, flat: the clusters' sizes and their nodes one after another.
        linkage, how: each merge's linkage and its way (an index of :data:`_HOWS`).
        child_kind, child, merge: each tree edge: the child's kind (an index of
            :data:`_TREE_KINDS`) and number, and the merge that absorbed it.
        alone, alone_fits: :attr:`ClusterResult.short_alone` as keys and values.
        joined, joined_to, joined_score: :attr:`ClusterResult.short_joins` likewise.
        memo: the on-demand scores made for the part (what it added to ``memo``).

    Example:
        >>> res = ClusterResult([[0, 1], [2]], {("n", 0): ("m", 0), ("n", 1): ("m", 0)})
        >>> res.merges[0] = (0.9, "score")
        >>> out = ClusterResult([[5]], merges={0: (1.0, "judgement")})
        >>> _PackedPart.of(res).join_into(out)
        >>> out.clusters, out.merges[1], out.parent[("n", 1)]
        ([[5], [0, 1], [2]], (0.9, 'score'), ('m', 1))
    """

    sizes: np.ndarray
    flat: np.ndarray
    linkage: np.ndarray
    how: np.ndarray
    child_kind: np.ndarray
    child: np.ndarray
    merge: np.ndarray
    alone: np.ndarray
    alone_fits: np.ndarray
    joined: np.ndarray
    joined_to: np.ndarray
    joined_score: np.ndarray
    memo: list[tuple[Any, float]] = field(default_factory=list)

    @classmethod
    def of(cls, res: ClusterResult) -> _PackedPart:
        """The arrays of ``res``, in the order of its lists and dicts."""
        edges = list(res.parent.items())
        joins = list(res.short_joins.items())
        return cls(
            np.fromiter(map(len, res.clusters), dtype=np.int64, count=len(res.clusters)),
            np.fromiter(itertools.chain.from_iterable(res.clusters), dtype=np.int64),
            np.asarray([m[0] for m in res.merges.values()], dtype=np.float64),
            np.asarray([_HOWS.index(m[1]) for m in res.merges.values()], dtype=np.int8),
            np.asarray([_TREE_KINDS.index(c[0]) for c, _ in edges], dtype=np.int8),
            np.asarray([c[1] for c, _ in edges], dtype=np.int64),
            np.asarray([p[1] for _, p in edges], dtype=np.int64),
            np.asarray(list(res.short_alone), dtype=np.int64),
            np.asarray(list(res.short_alone.values()), dtype=np.int64),
            np.asarray([x for x, _ in joins], dtype=np.int64),
            np.asarray([t for _, (t, _) in joins], dtype=np.int64),
            np.asarray([s for _, (_, s) in joins], dtype=np.float64),
        )

    def join_into(self, out: ClusterResult) -> None:
        """Append this part to ``out`` (the parts of the groups before it), its merges
        numbered after those of ``out``."""
        shift = len(out.merges)
        flat, ends = self.flat.tolist(), np.cumsum(self.sizes).tolist()
        out.clusters.extend(flat[a:b] for a, b in zip([0, *ends], ends, strict=False))
        out.merges.update(
            zip(
                range(shift, shift + len(self.linkage)),
                zip(self.linkage.tolist(), [_HOWS[h] for h in self.how.tolist()], strict=True),
                strict=True,
            )
        )
        child = np.where(self.child_kind == 1, self.child + shift, self.child)
        kinds = [_TREE_KINDS[k] for k in self.child_kind.tolist()]
        out.parent.update(
            zip(
                zip(kinds, child.tolist(), strict=True),
                zip(itertools.repeat("m"), (self.merge + shift).tolist()),
                strict=False,
            )
        )
        out.short_alone.update(zip(self.alone.tolist(), self.alone_fits.tolist(), strict=True))
        out.short_joins.update(
            zip(
                self.joined.tolist(),
                zip(self.joined_to.tolist(), self.joined_score.tolist(), strict=True),
                strict=True,
            )
        )


@dataclass(frozen=True)
class _GroupSetting:
    """What the agglomeration of one group needs besides its scores and cannot-links.

    Attributes:
        must: the group's must-link pairs (judgements), merged first.
        threshold: the linkage needed to merge.
        on_demand: scores an unscored pair when two small clusters are compared.
        tagging: the nodes' tags and the test of whether two tags clash, or None.
        support: whether clusters may also merge by support linkage (:func:`_support`).
        apart: whether two clusters (their nodes) must stay apart, or None.
    """

    must: list[tuple[int, int]]
    threshold: float
    on_demand: Callable[[int, int], float] | None
    tagging: _Tagging | None
    support: bool
    apart: Callable[[Sequence[int], Sequence[int]], bool] | None = None


def _short_nodes(
    members: list[int],
    adj: Mapping[int, Mapping[int, float]],
    threshold: float,
    keys: Sequence[frozenset[str] | None],
    must: list[tuple[int, int]],
) -> set[int]:
    """The members whose name is *short*: its token keys a strict subset of those of a
    longer name of the group that it reaches the threshold with. Nodes held by a
    judgement are never short."""
    held = {x for p in must for x in p}
    out = set()
    for x in members:
        kx = keys[x]
        if not kx or x in held:
            continue
        for y, s in adj.get(x, {}).items():
            ky = keys[y]
            if s >= threshold and ky is not None and kx < ky:
                out.add(x)
                break
    return out


def _sub_adj(
    part: list[int], adj: Mapping[int, Mapping[int, float]]
) -> dict[int, dict[int, float]]:
    """The scores among the nodes of ``part`` only."""
    inside = set(part)
    return {x: {y: s for y, s in adj.get(x, {}).items() if y in inside} for x in part}


def _attach_short(
    longs: list[list[int]],
    shorts: list[list[int]],
    adj: Mapping[int, Mapping[int, float]],
    threshold: float,
    cannot_adj: Mapping[int, set[int]],
    tagging: _Tagging | None,
    result: ClusterResult,
    agree: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Join each cluster of short names to the one cluster of longer names it fits best,
    unless it fits :data:`SHORT_FITS` or more about equally well.

    A short cluster *fits* a long one when one of their pairs reaches the threshold and
    no cannot-link or attribute clash lies between them; fits whose best score is within
    :data:`SHORT_MARGIN` of the best fit's count as equally good. When the
    records' facts vouch for it (``agree``: a pair of facts that is evidence *for*
    between it and each of them, and between them), the clusters it fits are one person
    and all join. Fitting none, or several equally well, it stays its own cluster (``result.short_alone``: node -> how
    many it fits); joining one, ``result.short_joins``: node -> (first node of the
    cluster joined, best score).

    Example:
        >>> res = ClusterResult([])
        >>> adj = {2: {0: 0.9, 1: 0.85}}
        >>> _attach_short([[0], [1]], [[2]], adj, 0.7, {}, None, res), res.short_alone
        ([[0], [1], [2]], {2: 2})
        >>> _attach_short([[0], [1]], [[2]], {2: {0: 0.95, 1: 0.7}}, 0.7, {}, None, res)
        [[0, 2], [1]]
    """
    owner = {x: k for k, c in enumerate(longs) for x in c}
    merged = [list(c) for c in longs]
    alone: list[list[int]] = []
    for cs in shorts:
        fits: dict[int, float] = {}
        for x in cs:
            for y, s in adj.get(x, {}).items():
                c = owner.get(y)
                if c is not None and s >= threshold and s > fits.get(c, 0.0):
                    fits[c] = s
        fits = {
            c: s for c, s in fits.items() if not _kept_apart(cs, merged[c], cannot_adj, tagging)
        }
        if not fits:
            alone.append(cs)
            continue
        best = max(fits.values())
        close = sorted(c for c, s in fits.items() if s >= best - SHORT_MARGIN)
        if len(close) >= SHORT_FITS and _vouched(cs, [merged[c] for c in close], agree):
            # the records' facts say the clusters it fits are one person: join them all
            for c in close[1:]:
                merged[close[0]].extend(merged[c])
                merged[c] = []
                for y in merged[close[0]]:
                    owner[y] = close[0]
            close = close[:1]
        if len(close) >= SHORT_FITS:
            result.short_alone.update(dict.fromkeys(cs, len(close)))
            alone.append(cs)
            continue
        merged[close[0]].extend(cs)
        result.short_joins.update(dict.fromkeys(cs, (min(merged[close[0]]), best)))
    return [sorted(c) for c in merged if c] + alone


def _vouched(
    short: list[int], fits: list[list[int]], agree: Callable[[int, int], bool] | None
) -> bool:
    """Whether facts tie the short cluster to each cluster it fits (a pair of their
    records' facts is evidence *for*, :func:`nasab.resolution.attributes.compare_facts`)
    and those clusters to each other (no clash was found on the way: the caller checked
    each against the short cluster)."""
    if agree is None:
        return False
    for c in fits:
        if not any(agree(x, y) for x in short for y in c):
            return False
    return all(
        any(agree(x, y) for x in a for y in b) for i, a in enumerate(fits) for b in fits[i + 1 :]
    )


def _kept_apart(
    a: list[int],
    b: list[int],
    cannot_adj: Mapping[int, set[int]],
    tagging: _Tagging | None,
) -> bool:
    """Whether a cannot-link or an attribute clash lies between two clusters."""
    inside = set(b)
    if any(cannot_adj.get(x, set()) & inside for x in a):
        return True
    if tagging is None:
        return False
    tags, clash = tagging
    ta = {tags[x] for x in a if tags[x] >= 0}
    tb = {tags[y] for y in b if tags[y] >= 0}
    return any(clash(s, t) for s in ta for t in tb)


class _Agglomeration:
    """Average-linkage agglomeration of part of one group.

    Each node starts as its own cluster, named by its node; the group's must-links merge
    first, then, again and again, the two neighbouring clusters of highest linkage at or
    above the threshold, unless a cannot-link or an attribute clash lies between them. A
    merged cluster keeps the smaller name of the two, and each merge is recorded in the
    result's tree (``parent``, ``merges``). Ties go to the smaller pair of names, so the
    clusters depend only on the nodes and their scores.

    Example:
        >>> adj = {0: {1: 0.9, 2: 0.1}, 1: {0: 0.9, 2: 0.9}, 2: {0: 0.1, 1: 0.9}}
        >>> setting = _GroupSetting([], 0.7, None, None, False)
        >>> res = ClusterResult([])
        >>> _Agglomeration([0, 1, 2], adj, {}, setting, res).run(), res.merges
        ([[0, 1], [2]], {0: (0.9, 'score')})
    """

    def __init__(
        self,
        part: list[int],
        adj: Mapping[int, Mapping[int, float]],
        cannot_adj: Mapping[int, set[int]],
        setting: _GroupSetting,
        result: ClusterResult,
    ) -> None:
        inside = set(part)
        self.must = [p for p in setting.must if p[0] in inside and p[1] in inside]
        self.adj = adj
        self.cannot_adj = cannot_adj
        self.setting = setting
        self.result = result
        self.nodes: dict[int, list[int]] = {m: [m] for m in part}  # cluster -> its nodes
        self.owner: dict[int, int] = {m: m for m in part}  # node -> its cluster
        self.tree: dict[int, tuple[str, int]] = {m: ("n", m) for m in part}
        self.version: dict[int, int] = dict.fromkeys(part, 0)  # bumped by each merge
        self.tag_sets = _tag_sets(part, setting.tagging)
        self.heap: list[tuple[float, int, int, int, int, str]] = []

    def run(self) -> list[list[int]]:
        """Merge until no pair of clusters may; returns the clusters, each sorted."""
        for i, j in sorted(self.must):
            a, b = self.owner[i], self.owner[j]
            if a != b:
                self._merge(a, b, 1.0, MERGED_BY_JUDGEMENT)
        for a in sorted(self.nodes):
            for b in sorted(self._neighbours(a)):
                if a < b:
                    self._push(a, b)
        while self.heap:
            neg, a, b, va, vb, how = heapq.heappop(self.heap)
            if self.version.get(a) != va or self.version.get(b) != vb:
                continue  # one of them has merged since: its linkages were pushed anew
            if self._forbidden(a, b):
                continue
            keep = self._merge(a, b, -neg, how)
            for c in sorted(self._neighbours(keep)):
                self._push(keep, c)
        return [sorted(v) for v in self.nodes.values()]

    def _merge(self, a: int, b: int, linkage: float, how: str) -> int:
        """Merge clusters ``a`` and ``b``, record it in the tree; returns the one kept."""
        k = len(self.result.merges)
        self.result.merges[k] = (linkage, how)
        self.result.parent[self.tree[a]] = ("m", k)
        self.result.parent[self.tree[b]] = ("m", k)
        keep, gone = (a, b) if a < b else (b, a)
        self.nodes[keep].extend(self.nodes.pop(gone))
        if self.tag_sets is not None:
            self.tag_sets[keep] |= self.tag_sets.pop(gone)
        for x in self.nodes[keep]:
            self.owner[x] = keep
        self.tree[keep] = ("m", k)
        self.tree.pop(gone, None)
        self.version[keep] += 1
        self.version.pop(gone, None)
        return keep

    def _forbidden(self, a: int, b: int) -> bool:
        """Whether an attribute clash or a cannot-link lies between clusters ``a`` and
        ``b``, or the setting's ``apart`` test keeps them apart."""
        tagging = self.setting.tagging
        if (
            self.tag_sets is not None
            and tagging is not None
            and _clashes(self.tag_sets[a], self.tag_sets[b], tagging[1])
        ):
            return True
        small, big = (a, b) if len(self.nodes[a]) <= len(self.nodes[b]) else (b, a)
        for x in self.nodes[small]:
            for y in self.cannot_adj.get(x, ()):
                if self.owner.get(y) == big:
                    return True
        apart = self.setting.apart
        return apart is not None and apart(self.nodes[a], self.nodes[b])

    def _linkage(self, a: int, b: int) -> tuple[float, str]:
        """The linkage of clusters ``a`` and ``b`` and how it was reached: the average
        of their cross pairs (``score``), or where the setting allows it and it is
        higher, their support linkage (``support``, :func:`_support`)."""
        na, nb = self.nodes[a], self.nodes[b]
        total, found = self._cross_sum(na, nb)
        avg = total / (len(na) * len(nb))
        if avg >= self.setting.threshold or not self.setting.support:
            return avg, MERGED_BY_SCORE
        held = _support(na, nb, self.adj, found)
        return (held, MERGED_BY_SUPPORT) if held > avg else (avg, MERGED_BY_SCORE)

    def _cross_sum(
        self, na: list[int], nb: list[int]
    ) -> tuple[float, dict[tuple[int, int], float]]:
        """The sum of the scores of the cross pairs of two clusters, and the pairs scored
        on demand for it (unscored pairs are, when there are at most
        :data:`ON_DEMAND_PAIRS` cross pairs; otherwise they count as 0)."""
        s = 0.0
        missing = []
        for x in na:
            ax = self.adj.get(x, {})
            for y in nb:
                v = ax.get(y)
                if v is None:
                    missing.append((x, y))
                else:
                    s += v
        found: dict[tuple[int, int], float] = {}
        on_demand = self.setting.on_demand
        if missing and on_demand is not None and len(na) * len(nb) <= ON_DEMAND_PAIRS:
            got = [on_demand(min(x, y), max(x, y)) for x, y in missing]
            s += sum(got)
            found.update(zip(missing, got, strict=True))
        return s, found

    def _neighbours(self, a: int) -> set[int]:
        """The other clusters that a scored pair ties cluster ``a`` to."""
        out = set()
        for x in self.nodes[a]:
            for y in self.adj.get(x, ()):
                o = self.owner[y]
                if o != a:
                    out.add(o)
        return out

    def _push(self, a: int, b: int) -> None:
        """Queue the merge of clusters ``a`` and ``b`` if their linkage reaches the threshold."""
        if a > b:
            a, b = b, a
        link, how = self._linkage(a, b)
        if link >= self.setting.threshold:
            heapq.heappush(self.heap, (-link, a, b, self.version[a], self.version[b], how))


def _tag_sets(members: list[int], tagging: _Tagging | None) -> dict[int, set[int]] | None:
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
