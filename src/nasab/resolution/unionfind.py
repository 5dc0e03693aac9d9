"""The one union-find of nasab, and connected components of a pair list.

:class:`UnionFind` keeps the smallest index of a set as its root, so the roots (and so
every result built on them) depend only on the pairs joined, never on their order.
:func:`components` labels the connected components of an edge list with numpy (each
node gets the smallest node index of its component).

Example:
    >>> uf = UnionFind(4)
    >>> uf.union(3, 1), uf.union(1, 2), uf.find(3), uf.find(0)
    (1, 1, 1, 0)
    >>> components(5, [0, 3], [1, 4]).tolist()
    [0, 0, 2, 3, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["UnionFind", "components", "groups"]


class UnionFind:
    """Disjoint sets over ``0..n-1`` whose root is always the smallest member.

    Args:
        n: number of elements.
    """

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root (smallest member) of ``i``'s set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        """Join the sets of ``i`` and ``j``; returns the root of the joined set."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return a
        if b < a:
            a, b = b, a
        self.parent[b] = a
        return a

    def same(self, i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` are in one set."""
        return self.find(i) == self.find(j)


def components(n: int, u: Sequence[int] | np.ndarray, v: Sequence[int] | np.ndarray) -> np.ndarray:
    """Connected components of the graph on ``0..n-1`` with edges ``(u[k], v[k])``.

    Vectorised label propagation with pointer jumping: every node ends with the
    smallest node index of its component, whatever the order of the edges.

    Returns:
        An ``int64`` array of ``n`` labels.
    """
    label = np.arange(n, dtype=np.int64)
    a = np.asarray(u, dtype=np.int64)
    b = np.asarray(v, dtype=np.int64)
    if not len(a):
        return label
    while True:
        la, lb = label[a], label[b]
        low = np.minimum(la, lb)
        before = label.copy()
        # Hook both ends' roots onto the smaller label, then jump pointers to the root.
        np.minimum.at(label, la, low)
        np.minimum.at(label, lb, low)
        while True:
            nxt = label[label]
            if np.array_equal(nxt, label):
                break
            label = nxt
        if np.array_equal(label, before):
            return label


def groups(labels: np.ndarray) -> list[list[int]]:
    """The members of each label with more than one member, sorted, ordered by first member.

    Example:
        >>> groups(np.array([0, 0, 2, 3, 3, 3]))
        [[0, 1], [3, 4, 5]]
    """
    order = np.argsort(labels, kind="stable")
    lab = labels[order]
    cuts = np.flatnonzero(np.diff(lab)) + 1
    out = [g.tolist() for g in np.split(order, cuts) if len(g) > 1]
    out.sort(key=lambda g: g[0])
    return out
