"""Token weights learned from data: common name tokens weigh little, rare ones much.

The counts come from ``data/aliases/token_freq.tsv`` (rebuilt by
``scripts/build_token_freq.py``) and are keyed by the script-neutral skeleton, so
``Mohammed``, ``Muhammad`` and ``محمد`` share one weight.

A list being resolved has its own common tokens: a given name that a quarter of the
list carries is weak evidence there, however rare it is in the world's counts.
:class:`ListFrequency` holds how many names of one list carry each token and gives the
weights that count the list too; scorers take it as an option (``freq``), and plain
:func:`nasab.compare` never uses one.

Example:
    >>> token_weight("MHMD") < token_weight("KZM")
    True
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import token_freq
from .algorithms import (
    LIST_EVIDENCE,
    LIST_EVIDENCE_MAX,
    LIST_EVIDENCE_NAMES,
    LIST_EVIDENCE_STEP,
    LIST_FLOOR,
    MIN_WEIGHT,
)

if TYPE_CHECKING:
    import numpy as np

    from .tokens import TokenTable

__all__ = ["LIST_FLOOR", "ListFrequency", "token_weight", "weight_array", "weights_of"]

#: Most weight of a one-consonant key, whatever its count.
_SHORT_KEY_MAX = 0.4


def _scaled(count: int, total: int, key: str) -> float:
    """An inverse document frequency scaled to [MIN_WEIGHT, 1]."""
    w = math.log((total + 1) / (count + 1)) / math.log(total + 1)
    if len(key) <= 1:
        w = min(w, _SHORT_KEY_MAX)
    return max(MIN_WEIGHT, min(1.0, w))


@lru_cache(maxsize=131072)
def token_weight(key: str) -> float:
    """Weight in [0.15, 1] of a token key: an inverse document frequency, scaled.

    Very short keys (one consonant) carry little information whatever their count.
    """
    counts, total = token_freq()
    return _scaled(counts.get(key, 0), total, key)


class ListFrequency:
    """How many names of one list carry each token key: the list's own token weights.

    A token carried by at most :data:`LIST_FLOOR` names of the list keeps its world
    weight (:func:`token_weight`): one entity written a few ways repeats its tokens, and
    a short list changes nothing. Beyond the floor, the names over it are added to the
    world's count of the token and the list's names to the world's total, and the token
    weighs the lower of that weight and its world weight.

    Args:
        counts: token key -> number of names of the list that carry it.
        names: number of names in the list.

    Example:
        >>> lf = ListFrequency({"KZM": 5000, "HSN": 3}, 10_000)
        >>> lf.weight("KZM") < token_weight("KZM"), lf.weight("HSN") == token_weight("HSN")
        (True, True)
    """

    def __init__(self, counts: Mapping[str, int], names: int) -> None:
        self.names = int(names)
        self.counts = {k: int(c) for k, c in counts.items() if c > LIST_FLOOR}
        self._tables: weakref.WeakKeyDictionary[TokenTable, list[float]] = (
            weakref.WeakKeyDictionary()
        )
        # Per table: an array of the weights (room to grow) and how many it holds.
        self._arrays: weakref.WeakKeyDictionary[TokenTable, tuple[np.ndarray, int]] = (
            weakref.WeakKeyDictionary()
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ListFrequency):
            return NotImplemented
        return (self.names, self.counts) == (other.names, other.counts)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[ListFrequency], tuple[dict[str, int], int]]:
        # Pickled (for worker processes, Spark tasks) without the per-table weights.
        return (ListFrequency, (self.counts, self.names))

    def __repr__(self) -> str:
        return f"ListFrequency({len(self.counts)} common tokens, {self.names} names)"

    @property
    def evidence_floor(self) -> float:
        """The evidence a pair of names of this list needs to keep its whole score when the
        list's common names took part of it (``nasab.match.compare``): ``LIST_EVIDENCE``
        at ``LIST_EVIDENCE_NAMES`` names and under, ``LIST_EVIDENCE_STEP`` more for every
        tenfold beyond, at most ``LIST_EVIDENCE_MAX``.

        Example:
            >>> [round(ListFrequency({}, n).evidence_floor, 3) for n in (500, 10**5, 10**7)]
            [0.8, 0.9, 1.0]
        """
        tenfolds = math.log10(max(self.names, LIST_EVIDENCE_NAMES) / LIST_EVIDENCE_NAMES)
        return min(LIST_EVIDENCE_MAX, LIST_EVIDENCE + LIST_EVIDENCE_STEP * tenfolds)

    def weight(self, key: str) -> float:
        """The weight of token ``key`` in this list (never above its world weight)."""
        world = token_weight(key)
        count = self.counts.get(key)
        if count is None:
            return world
        counts, total = token_freq()
        listed = _scaled(counts.get(key, 0) + count - LIST_FLOOR, total + self.names, key)
        return min(world, listed)

    def weights(self, table: TokenTable) -> list[float]:
        """The weight of every token of ``table`` by id (grown as the table grows)."""
        got = self._tables.get(table)
        if got is None:
            got = self._tables[table] = []
        if len(got) < len(table):
            got.extend(self.weight(k) for k in table.key[len(got) :])
        return got

    def weight_array(self, table: TokenTable) -> np.ndarray:
        """:meth:`weights` as a float64 numpy array, kept and grown as the table grows
        (by doubling: the values of the tokens already there are not copied again for
        every few new ones)."""
        import numpy as np

        weights = self.weights(table)
        n = len(weights)
        got, have = self._arrays.get(table, (None, 0))
        if got is None or have < n:
            if got is None or len(got) < n:
                grown = np.empty(max(n, 2 * have), dtype=np.float64)
                if got is not None:
                    grown[:have] = got[:have]
                got = grown
            got[have:n] = weights[have:n]
            self._arrays[table] = (got, n)
        return got[:n]


def weights_of(table: TokenTable, freq: ListFrequency | None) -> list[float]:
    """Token weights by id: the table's own, or those of ``freq`` when given."""
    return table.weight if freq is None else freq.weights(table)


def weight_array(table: TokenTable, freq: ListFrequency | None) -> np.ndarray:
    """:func:`weights_of` as a float64 numpy array (kept with the table or ``freq`` and
    grown with the table: a caller per batch does not convert every weight each time).

    Example:
        >>> from nasab.match import prepare
        >>> p = prepare("Mohammed al-Kazemi")
        >>> weight_array(p.table, None)[list(p.ids)].tolist() == [p.table.weight[i] for i in p.ids]
        True
    """
    return table.column("weight") if freq is None else freq.weight_array(table)
