"""Upper bounds on the person-name score, for many pairs at once (numpy).

:func:`score_bounds` gives, for each pair of prepared names, a number that the score of
:func:`~nasab.match.score_prepared` never exceeds. A bulk caller that keeps only scores
at or above a cutoff scores in full only the pairs whose bound reaches it
(:func:`~nasab.match.batch.score_pairs` with ``cutoff``): the result is exactly the same,
and most unrelated pairs cost a few token-pair similarities instead of an alignment.

Why it holds. The score is ``order * E / (E + C + M)`` with ``order <= 1`` (times the
weak-name factor of :mod:`nasab.match.weak`, also at most 1). Every token
of either name is either aligned or not:

* an aligned token ``t`` adds ``w_t * agree / 2`` to the evidence E and at least
  ``c_t * w_t * (1 - agree) / 2`` to the conflict C, where ``agree`` is the
  calibrated similarity of its pair, at most that of its best partner (``b_t``), and
  ``c_t`` is CONFLICT_FAMILY for a family name (its pair costs that), else
  CONFLICT_OTHER;
* an unaligned token is a conflict (family, first given name: ``w_t`` times at least
  ``CONFLICT_GIVEN / 2``; a chain shift: ``CHAIN_SHIFT``) or spare; spare weights
  ``s_a``, ``s_b`` cost ``rate * |s_a - s_b| + CONFLICT_OTHER * min(s_a, s_b)`` or more.
  Two family names, or two first names, that cannot align (no partner at ``ALIGN_MIN``)
  are such a conflict, at its full cost. Together the other unaligned weights ``U_a``,
  ``U_b`` cost at least ``r (U_a + U_b) + (q - 2r) min(U_a, U_b)`` with ``r`` the lowest
  missing rate and ``q = min(CONFLICT_OTHER, CONFLICT_GIVEN / 2 + r)``, which grows by
  ``r`` per unit of either weight at least.

A token with no partner at ``ALIGN_MIN`` or more is surely unaligned; for any other the
bound takes the best of both cases (``b_t`` as evidence, the smaller of the two costs),
which only raises the ratio. Kunyas add at most ``2 * KUNYA`` to E.

Where that bound still reaches the cutoff, the alignment itself is bounded: the token
similarities from ``ALIGN_MIN`` up are exact, so the score's greedy alignment
(``compare._align``) is found in numpy, and with it the evidence, the pair conflicts, the
order factor and the family and given-name conflicts are the score's own; the other
unaligned tokens cost at least their spare cost (:func:`_aligned_bound`). When the greedy
alignment crosses and an alignment in order could hold as many pairs (the score may take
that one), this step gives nothing. Pairs the bound does not cover are given 1: a name without name tokens, names equal after normalisation, and
pairs where one name may join two adjacent tokens into one (a compound-suffix token, or
two tokens whose joined fold is within ``JOIN_MIN`` of a token of the other name).

Example:
    >>> from nasab.match import prepare, score_prepared
    >>> pa = [prepare("Mustafa al-Kadhimi"), prepare("Jassim al-Mazroui")]
    >>> pb = [prepare("مصطفى الكاظمي")]
    >>> bounds = score_bounds(pa, pb, [0, 1], [0, 0])
    >>> [bool(u >= score_prepared(pa[i], pb[0])) for u, i in zip(bounds, [0, 1])]
    [True, True]
    >>> bool(bounds[1] < 0.5)
    True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, partial
from itertools import chain, pairwise
from typing import TYPE_CHECKING

from ..errors import InputError
from ..lexicon import compound_suffixes
from .algorithms import (
    ALIGN_MIN,
    CHAIN_SHIFT,
    CONFLICT_FAMILY,
    CONFLICT_GIVEN,
    CONFLICT_OTHER,
    CONFLICT_WEIGHT_FLOOR,
    FULL_SIM,
    JOIN_GAIN,
    JOIN_MIN,
    KUNYA,
    MISSING,
    MISSING_SHORT_FORM,
    ORDER,
    ORDER_FAMILY,
    SLOT_CONFLICT,
)
from .prepared import PreparedName, prepare
from .tokens import TokenTable
from .weights import ListFrequency, weight_array

if TYPE_CHECKING:
    import numpy as np

__all__ = ["PairBounds", "score_bounds", "unique_codes", "unique_inverse"]

#: Pairs bounded at once (bounds the temporary arrays).
BOUND_CHUNK = 32768
#: Added to every bound: float rounding in the score cannot make it exceed the bound.
BOUND_SLACK = 1e-9
#: Margin for rounding when a join is ruled out by its gain (an upper bound stays one).
_JOIN_MARGIN = 1e-6
#: Bisection steps for the best ratio (its error is 2 ** -steps, above the true bound).
_BISECT_STEPS = 20
#: Added to a length bound of an Indel similarity before it is compared with a floor.
_LENGTH_SLACK = 1e-9
#: Shortest fold of a token that the other name's joined pair is compared with.
_JOIN_FOLD_MIN = 5

#: Codes of the token roles (:class:`_Side` numbers any other role after them).
_ROLE = {"given": 0, "middle": 1, "family": 2}
_FAMILY = _ROLE["family"]

# The cost factors of the derivation above (module docstring).
_R = min(MISSING, MISSING_SHORT_FORM)
_KAPPA = min(CONFLICT_GIVEN / 2, CONFLICT_FAMILY / 2, CHAIN_SHIFT)
_Q = min(CONFLICT_OTHER, _KAPPA + _R)


def unique_codes(codes: np.ndarray, *, in_place: bool = False) -> np.ndarray:
    """The distinct values of an integer array, sorted (``np.unique`` by sorting).

    numpy 2's ``np.unique`` of a plain integer array goes through a hash table that is
    tens of times slower than a sort on millions of pair codes. ``in_place``: ``codes``
    is sorted in place (no copy of it; its order is lost).

    Example:
        >>> import numpy as np
        >>> unique_codes(np.array([5, 1, 5, 3])).tolist()
        [1, 3, 5]
    """
    import numpy as np

    if in_place:
        codes.sort()
        out = codes
    else:
        out = np.sort(codes)
    if len(out) < 2:
        return out
    return out[np.concatenate(([True], out[1:] != out[:-1]))]


def unique_inverse(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True)`` of non-negative integer keys, by sorting.

    Each key is packed with its position (``key << bits | position``) and the packed
    values sorted, which is 1.6-2 times faster than the stable ``argsort`` that
    ``np.unique`` runs for the inverse. Keys too large to pack go to ``np.unique``.
    The inverse is flat (one entry per key, in ``keys.ravel()`` order).

    Example:
        >>> import numpy as np
        >>> uniq, inverse = unique_inverse(np.array([7, 3, 7, 0]))
        >>> uniq.tolist(), inverse.tolist()
        ([0, 3, 7], [2, 1, 2, 0])
    """
    import numpy as np

    flat = np.asarray(keys, dtype=np.int64).reshape(-1)
    n = len(flat)
    bits = max(n - 1, 1).bit_length()
    if not n or int(flat.min()) < 0 or int(flat.max()) >= 1 << (63 - bits):
        uniq, inverse = np.unique(flat, return_inverse=True)
        return uniq, inverse.reshape(-1)
    packed = np.sort((flat << bits) | np.arange(n, dtype=np.int64))
    sorted_keys = packed >> bits
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=new[1:])
    inverse = np.empty(n, dtype=np.int64)
    inverse[packed & ((1 << bits) - 1)] = np.cumsum(new) - 1
    return sorted_keys[new], inverse


class _Strings:
    """Distinct strings numbered in the order met (for pair keys in numpy)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def codes(self, texts: Sequence[str]) -> list[int]:
        """The numbers of ``texts`` (new ones numbered in the order met)."""
        ids = self.ids
        for text in dict.fromkeys(texts):
            if text not in ids:
                ids[text] = len(ids)
        return list(map(ids.__getitem__, texts))

    def texts(self) -> np.ndarray:
        """The strings by number, as a numpy object array."""
        import numpy as np

        out = np.empty(len(self.ids), dtype=object)
        out[:] = list(self.ids)
        return out


def _padded(rows: Sequence[Sequence[int]], fill: int = -1) -> np.ndarray:
    """The rows as one array, each padded with ``fill`` to the longest (at least 1 wide).

    Example:
        >>> _padded([[4, 5], [], [6]]).tolist()
        [[4, 5], [-1, -1], [6, -1]]
    """
    import numpy as np

    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    return _pad(lengths, np.fromiter(chain.from_iterable(rows), dtype=np.int64), fill)


def _pad(lengths: np.ndarray, flat: np.ndarray, fill: int = -1) -> np.ndarray:
    """Rows of ``lengths[k]`` values each, read in order from ``flat``, padded with ``fill``
    to the longest (at least 1 wide)."""
    import numpy as np

    out = np.full((len(lengths), int(lengths.max(initial=0)) or 1), fill, dtype=np.int64)
    if len(flat):
        starts = np.cumsum(lengths) - lengths
        row = np.repeat(np.arange(len(lengths)), lengths)
        out[row, np.arange(len(flat)) - starts[row]] = flat
    return out


class _Side:
    """The names of one side as padded numpy arrays: token ids, weights, flags, and the
    codes of the folds a join may compare (joined pairs of adjacent tokens, long folds)."""

    def __init__(
        self,
        names: Sequence[PreparedName],
        table: TokenTable,
        strings: _Strings,
        freq: ListFrequency | None = None,
    ) -> None:
        import numpy as np

        self.table = table
        self.ids = _padded([p.ids for p in names])
        weights = weight_array(table, freq)
        self.weight = np.where(self.ids >= 0, weights[np.maximum(self.ids, 0)], 0.0)
        self.kunya = np.array([bool(p.kunya_ids) for p in names], dtype=bool)
        self.empty = np.array([not p.ids for p in names], dtype=bool)
        # Each token's role (_ROLE codes), where each name's first family name stands
        # (-1: none), and the conflict factor of a token aligned with a poor partner.
        codes = dict(_ROLE)  # a role not in _ROLE gets a code of its own
        self.role = _padded(
            [[codes.setdefault(t.role, len(codes)) for t in p.name.tokens] for p in names]
        )
        is_family = self.role == _FAMILY
        self.family = np.where(is_family.any(axis=1), is_family.argmax(axis=1), -1)
        self.cost = np.where(is_family & (self.ids >= 0), CONFLICT_FAMILY, CONFLICT_OTHER)
        # The raw strings (the score puts the pair's name whose raw string sorts first first).
        self.raw = np.empty(len(names), dtype=object)
        self.raw[:] = [p.raw for p in names]
        suffixes = compound_suffixes()
        # Each candidate join as (joined, first, second): token ids for a compound
        # suffix (compared by token similarity), fold codes otherwise (Indel of folds).
        self.suffix = _triples([_suffix_joins(p, table, suffixes) for p in names])
        joined = [_joined_folds(p) for p in names]
        self.joined = _triples(joined, strings)
        folds = [
            [t.fold for t in p.name.tokens if " " not in t.text and len(t.fold) >= _JOIN_FOLD_MIN]
            for p in names
        ]
        self.folds = _pad(
            np.fromiter(map(len, folds), dtype=np.int64, count=len(folds)),
            np.asarray(strings.codes(list(chain.from_iterable(folds))), dtype=np.int64),
        )
        # The lengths of each name's folds (a bit each), and those a fold of the other
        # name must have for one of its joined pairs to reach JOIN_MIN by length alone.
        self.fold_lengths = _length_bits(_lengths(folds, len))
        self.joined_reach = _length_bits(
            _lengths(joined, lambda j: len(j[0])),
            np.array(_join_lengths(), dtype=np.uint64),
        )


def _lengths(rows: Sequence[Sequence[object]], size: Callable[[object], int]) -> np.ndarray:
    """``size`` of each item of each row, as rows padded with -1."""
    import numpy as np

    per = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    flat = np.fromiter((size(x) for row in rows for x in row), dtype=np.int64, count=int(per.sum()))
    return _pad(per, flat)


#: Lengths of a string that :func:`_length_bits` gives a bit of their own; a longer one
#: counts as any length.
_LENGTH_BITS = 63


@cache
def _join_lengths() -> tuple[int, ...]:
    """By the length of a joined pair (up to :data:`_LENGTH_BITS`), the bits of the fold
    lengths whose Indel similarity to it may reach ``JOIN_MIN`` by length alone (the
    test of :func:`_fold_max`, the same float expression); every bit for a longer one."""
    every = (1 << (_LENGTH_BITS + 1)) - 1
    out = []
    for la in range(_LENGTH_BITS + 1):
        bits = 0
        for lb in range(_LENGTH_BITS + 1):
            if 2.0 * min(la, lb) / max(la + lb, 1) + _LENGTH_SLACK >= JOIN_MIN:
                bits |= 1 << lb
        out.append(every if la == _LENGTH_BITS else bits | (1 << _LENGTH_BITS))
    return tuple(out)


def _length_bits(lengths: np.ndarray, reach: np.ndarray | None = None) -> np.ndarray:
    """Per row of lengths (-1 padding), the union of their bits (``1 << length``, a length
    over :data:`_LENGTH_BITS` at that bit), or with ``reach`` of ``reach[length]``, as uint64.

    Example:
        >>> import numpy as np
        >>> _length_bits(np.array([[1, 3], [-1, -1], [70, -1]])).tolist() == [0b1010, 0, 1 << 63]
        True
    """
    import numpy as np

    at = np.clip(lengths, 0, _LENGTH_BITS)
    bits = np.left_shift(np.uint64(1), at.astype(np.uint64)) if reach is None else reach[at]
    return np.bitwise_or.reduce(np.where(lengths >= 0, bits, np.uint64(0)), axis=1)


def _triples(
    rows: Sequence[Sequence[tuple[int, int, int]]] | Sequence[Sequence[tuple[str, str, str]]],
    strings: _Strings | None = None,
) -> tuple[np.ndarray, ...]:
    """Padded arrays of the joined, first and second member of each row's triples (with
    ``strings``, the members are strings and the arrays hold their numbers).

    Example:
        >>> [x.tolist() for x in _triples([[(1, 2, 3)], [], [(4, 5, 6), (7, 8, 9)]])]
        [[[1, -1], [-1, -1], [4, 7]], [[2, -1], [-1, -1], [5, 8]], [[3, -1], [-1, -1], [6, 9]]]
    """
    import numpy as np

    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    members = list(chain.from_iterable(chain.from_iterable(rows)))
    flat = np.asarray(members if strings is None else strings.codes(members), dtype=np.int64)
    flat = flat.reshape(-1, 3)
    return tuple(_pad(lengths, flat[:, k]) for k in range(3))


def _suffix_joins(
    p: PreparedName, table: TokenTable, suffixes: frozenset[str]
) -> list[tuple[int, int, int]]:
    """(joined, first, second) token ids of each token and the compound suffix that
    follows it (``Gul`` + ``Khan``), the joined one interned as ``_join_split`` does."""
    toks, ids = p.name.tokens, p.ids
    return [
        (table.intern(x.text + y.text, x.article), ids[k], ids[k + 1])
        for k, (x, y) in enumerate(pairwise(toks))
        if y.text in suffixes and x.script == y.script and " " not in x.text + y.text
    ]


def _joined_folds(p: PreparedName) -> list[tuple[str, str, str]]:
    """(joined, first, second) folds of each two adjacent tokens written as one."""
    toks = p.name.tokens
    return [
        (x.fold + y.fold, x.fold, y.fold)
        for x, y in pairwise(toks)
        if x.script == y.script and " " not in x.text + y.text
    ]


def _fold_max(
    left: np.ndarray,
    right: np.ndarray,
    strings: np.ndarray,
    lengths: np.ndarray,
    floor: float | None = None,
) -> np.ndarray:
    """Per row and left string (codes, -1 padding): its best Indel similarity to the
    row's right strings (0 when none). With ``floor``, a pair whose lengths alone keep
    it under the floor (Indel similarity is at most ``2 min / (la + lb)``) counts 0.
    ``lengths``: those of ``strings``, and one more (read by the -1 padding)."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    n = len(strings)
    valid = (left[:, :, None] >= 0) & (right[:, None, :] >= 0)
    if floor is not None:
        la, lb = lengths[left][:, :, None], lengths[right][:, None, :]
        total = np.maximum(la + lb, 1)
        valid &= 2.0 * np.minimum(la, lb) / total + _LENGTH_SLACK >= floor
    keys = left[:, :, None] * n + right[:, None, :]
    uniq, inverse = unique_inverse(keys[valid])
    sim = process.cpdist(
        strings[uniq // n].tolist(),
        strings[uniq % n].tolist(),
        scorer=Indel.normalized_similarity,
        dtype=np.float64,
    )
    grid = np.zeros(keys.shape)
    grid[valid] = sim[inverse]
    return grid.max(axis=2)


def _joins(
    side: tuple[np.ndarray, ...],
    r: np.ndarray,
    c: np.ndarray,
    sim: Callable[..., np.ndarray],
) -> np.ndarray:
    """Per pair (rows ``r`` of ``side``, rows ``c`` of the other name): whether some joined
    pair (joined, first, second) may be kept (``_join_split``: the joined form reaches
    JOIN_MIN and beats both parts alone by JOIN_GAIN, with a margin for rounding).
    ``sim(members, c, floor)`` gives each member's best similarity to the other name
    (exact where it may reach ``floor``, else possibly 0: a joined form under JOIN_MIN is
    never kept); the parts are compared only where the joined form is near, exactly."""
    import numpy as np

    joined, first, second = side
    out = np.zeros(len(r), dtype=bool)
    # Only the pairs whose name has a candidate join (most have no compound suffix).
    some = np.flatnonzero((joined[r] >= 0).any(axis=1))
    if not len(some):
        return out
    r, c = r[some], c[some]
    best = sim(joined[r], c, JOIN_MIN)
    near = np.flatnonzero((best >= JOIN_MIN).any(axis=1))
    if len(near):
        rn, cn = r[near], c[near]
        alone = np.maximum(sim(first[rn], cn), sim(second[rn], cn))
        gain = (best[near] >= JOIN_MIN) & (best[near] >= alone + JOIN_GAIN - _JOIN_MARGIN)
        out[some[near]] = gain.any(axis=1)
    return out


def _token_max(
    other: np.ndarray,
    table: TokenTable,
    members: np.ndarray,
    c: np.ndarray,
    floor: float | None = None,
) -> np.ndarray:
    # Exact from ALIGN_MIN up (_similarities): under any floor a join is tested with.
    return _best(members, other[c], table)[0]


def _fold_max_of(
    other: np.ndarray,
    strings: np.ndarray,
    lengths: np.ndarray,
    members: np.ndarray,
    c: np.ndarray,
    floor: float | None = None,
) -> np.ndarray:
    return _fold_max(members, other[c], strings, lengths, floor)


def _may_join(
    sa: _Side,
    sb: _Side,
    rows: np.ndarray,
    cols: np.ndarray,
    strings: np.ndarray,
    lengths: np.ndarray,
) -> np.ndarray:
    """Pairs where either name may join two of its tokens (a superset of the pairs
    where ``_join_split`` joins). ``lengths``: those of ``strings`` (see :func:`_fold_max`)."""
    import numpy as np

    out = np.zeros(len(rows), dtype=bool)
    for side, other, r, c in ((sa, sb, rows, cols), (sb, sa, cols, rows)):
        out |= _joins(side.suffix, r, c, partial(_token_max, other.ids, sa.table))
        # Only the pairs where a joined pair and a fold of the other name are of lengths
        # that may reach JOIN_MIN (what _fold_max tests first, cell by cell).
        near = np.flatnonzero(side.joined_reach[r] & other.fold_lengths[c])
        if len(near):
            fold_max = partial(_fold_max_of, other.folds, strings, lengths)
            out[near] |= _joins(side.joined, r[near], c[near], fold_max)
    return out


def _similarities(table: TokenTable, keys: np.ndarray) -> np.ndarray:
    """Similarity of each token-id pair ``i * len(table) + j``: exact (and cached) where it
    may reach ALIGN_MIN, else possibly 0. Under ALIGN_MIN a token pair cannot align, and a
    lower value of a join's parts only lets more joins through (a superset)."""
    n = len(table)
    return table.similarities(keys // n, keys % n, floor=ALIGN_MIN)


def _grid(ids_a: np.ndarray, ids_b: np.ndarray, table: TokenTable) -> np.ndarray:
    """Per pair, the similarity of each token of the first name (rows) with each of the
    second (columns): exact from ALIGN_MIN up (:func:`_similarities`), -1 on padding."""
    import numpy as np

    n = len(table)
    keys = ids_a[:, :, None] * n + ids_b[:, None, :]
    valid = (ids_a[:, :, None] >= 0) & (ids_b[:, None, :] >= 0)
    uniq, inverse = unique_inverse(keys[valid])
    grid = np.full(keys.shape, -1.0)
    grid[valid] = _similarities(table, uniq)[inverse]
    return grid


def _best(ids_a: np.ndarray, ids_b: np.ndarray, table: TokenTable) -> tuple[np.ndarray, np.ndarray]:
    """Best token-pair similarity of each token of each pair (-1 on padding)."""
    grid = _grid(ids_a, ids_b, table)
    return grid.max(axis=2), grid.max(axis=1)


class _Tokens:
    """One side's tokens of each pair: evidence and pair cost if aligned (``e``, ``d``),
    the least cost if not (``r``), and the weight of the tokens that cannot align."""

    def __init__(self, best: np.ndarray, weight: np.ndarray, cost: np.ndarray) -> None:
        import numpy as np

        self.can = best >= ALIGN_MIN
        agree = np.sqrt(np.clip((best - ALIGN_MIN) / (FULL_SIM - ALIGN_MIN), 0.0, 1.0))
        self.e = np.where(self.can, 0.5 * weight * agree, 0.0)
        self.d = np.where(self.can, 0.5 * cost * weight * (1.0 - agree), 0.0)
        self.r = np.where(self.can, _R * weight, 0.0)
        # Read at every bisection step of gain(): the same values computed once.
        self._ed, self._neg_r = self.e + self.d, -self.r
        self.unaligned = np.where(self.can, 0.0, weight).sum(axis=1)
        self.n = (weight > 0).sum(axis=1)

    def rows(self, at: np.ndarray | slice) -> _Tokens:
        """These tokens, of the pairs ``at`` only (positions; ``slice(None)``: all)."""
        if isinstance(at, slice):
            return self
        out = object.__new__(_Tokens)
        for name, column in vars(self).items():  # every attribute holds one row a pair
            setattr(out, name, column[at])
        return out

    def gain(self, ratio: np.ndarray) -> np.ndarray:
        """Per pair: the best sum over tokens of ``evidence - ratio * (evidence + cost)``."""
        import numpy as np

        r = ratio[:, None]
        return np.maximum(self.e - r * self._ed, r * self._neg_r).sum(axis=1)

    def loose(self) -> tuple[np.ndarray, np.ndarray]:
        """(evidence of each token, best first; the least cost of each token, summed)."""
        import numpy as np

        return -np.sort(-self.e, axis=1), np.minimum(self.d, self.r).sum(axis=1)


def _top(evidence: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Per row, the sum of the ``k`` largest values (rows sorted best first)."""
    import numpy as np

    sums = np.concatenate([np.zeros((len(evidence), 1)), np.cumsum(evidence, axis=1)], axis=1)
    return sums[np.arange(len(evidence)), k]


def _slot_cost(
    factor: float,
    slot_a: np.ndarray,
    slot_b: np.ndarray,
    wa: np.ndarray,
    wb: np.ndarray,
    ta: _Tokens,
    tb: _Tokens,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: the conflict of the two names' tokens at ``slot_a`` and ``slot_b`` (-1:
    none) where neither may align (``factor`` times their mean weight, at least the
    weight floor), 0 elsewhere; and the weights it covers on each side."""
    import numpy as np

    k = np.arange(len(slot_a))
    ia, ib = np.maximum(slot_a, 0), np.maximum(slot_b, 0)
    both = (slot_a >= 0) & (slot_b >= 0) & ~ta.can[k, ia] & ~tb.can[k, ib]
    xa, xb = np.where(both, wa[k, ia], 0.0), np.where(both, wb[k, ib], 0.0)
    cost = np.where(both, factor * np.maximum(CONFLICT_WEIGHT_FLOOR, 0.5 * (xa + xb)), 0.0)
    return cost, xa, xb


def _unaligned_cost(
    ta: _Tokens, tb: _Tokens, wa: np.ndarray, wb: np.ndarray, fa: np.ndarray, fb: np.ndarray
) -> np.ndarray:
    """Per pair, the least cost of the tokens that cannot align: two family names that
    cannot (a family conflict), two first names of names of two tokens or more that
    cannot (a given-name conflict), and the rest (module docstring)."""
    import numpy as np

    family, xa, xb = _slot_cost(CONFLICT_FAMILY, fa, fb, wa, wb, ta, tb)
    two = (ta.n >= 2) & (tb.n >= 2)
    first = np.where(two, 0, -1)
    given, ga, gb = _slot_cost(CONFLICT_GIVEN, first, first, wa, wb, ta, tb)
    # A first token that is also the family name is taken out of the rest once.
    ua = ta.unaligned - xa - np.where((fa == 0) & (family > 0), 0.0, ga)
    ub = tb.unaligned - xb - np.where((fb == 0) & (family > 0), 0.0, gb)
    ua, ub = np.maximum(ua, 0.0), np.maximum(ub, 0.0)
    return family + given + _R * (ua + ub) + (_Q - 2.0 * _R) * np.minimum(ua, ub)


class _Pairs:
    """The pairs (rows of ``sa``, rows of ``sb``) as the score sees them: the token
    similarities, weights and roles, each pair in the score's canonical order (the name
    whose raw string sorts first is the first name)."""

    def __init__(
        self, sa: _Side, sb: _Side, rows: np.ndarray, cols: np.ndarray, grid: np.ndarray
    ) -> None:

        self.grid = grid
        self.wa, self.wb = sa.weight[rows], sb.weight[cols]
        self.ra, self.rb = sa.role[rows], sb.role[cols]
        self.fa, self.fb = sa.family[rows], sb.family[cols]
        self.na, self.nb = (sa.ids[rows] >= 0).sum(axis=1), (sb.ids[cols] >= 0).sum(axis=1)
        self.swap = (sb.raw[cols] < sa.raw[rows]).astype(bool)  # the second name sorts first


def _greedy(p: _Pairs) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per pair, the alignment the score's greedy step makes (``compare._align``): the
    candidate token pairs (similarity ALIGN_MIN or more) taken best first, ties broken by
    role match, distance in position, then the positions in canonical order, each token
    once. Returns the positions (first, second name; -1: no pair), the similarities,
    and the number of aligned pairs, by step."""
    import numpy as np

    grid = p.grid
    m, wa, wb = grid.shape
    steps = min(wa, wb)
    i = np.arange(wa)[:, None]
    j = np.arange(wb)[None, :]
    width = max(wa, wb) + 1
    mismatch = p.ra[:, :, None] != p.rb[:, None, :]
    position = np.where(p.swap[:, None, None], j * width + i, i * width + j)
    tie = (mismatch * width + np.abs(i - j)) * width * width + position
    avail = grid >= ALIGN_MIN
    pos_a = np.full((m, steps), -1)
    pos_b = np.full((m, steps), -1)
    sims = np.zeros((m, steps))
    k = np.arange(m)
    for step in range(steps):
        live = avail.any(axis=(1, 2))
        if not live.any():
            break
        top = np.where(avail, grid, -np.inf).max(axis=(1, 2))
        key = np.where(avail & (grid == top[:, None, None]), tie, np.iinfo(np.int64).max)
        flat = key.reshape(m, -1).argmin(axis=1)
        x, y = flat // wb, flat % wb
        pos_a[live, step], pos_b[live, step] = x[live], y[live]
        sims[live, step] = top[live]
        avail[k, x, :] = False
        avail[k, :, y] = False
    return pos_a, pos_b, sims, (pos_a >= 0).sum(axis=1)


def _crossings(p: _Pairs, pos_a: np.ndarray, pos_b: np.ndarray) -> np.ndarray:
    """Per pair, the order factor of its alignment (``compare._order``): ORDER_FAMILY
    for each two aligned pairs in crossed order with a family name among their tokens,
    ORDER for each other crossed two (1: none crossed)."""
    import numpy as np

    m, steps = pos_a.shape
    k = np.arange(m)[:, None]
    fam_a = (p.ra[k, np.maximum(pos_a, 0)] == _FAMILY) & (pos_a >= 0)
    fam_b = (p.rb[k, np.maximum(pos_b, 0)] == _FAMILY) & (pos_b >= 0)
    order = np.ones(m)
    for s in range(steps):
        for t in range(s + 1, steps):
            on = (pos_a[:, t] >= 0) & (
                (pos_a[:, s] - pos_a[:, t]) * (pos_b[:, s] - pos_b[:, t]) < 0
            )
            family = fam_a[:, s] | fam_a[:, t] | fam_b[:, s] | fam_b[:, t]
            order *= np.where(on, np.where(family, ORDER_FAMILY, ORDER), 1.0)
    return order


def _chain_size(grid: np.ndarray) -> np.ndarray:
    """Per pair, the most candidate token pairs an alignment in order of both names can
    hold (the size of ``compare._chain_align``'s alignment)."""
    import numpy as np

    m, wa, wb = grid.shape
    best = np.zeros((m, wa + 1, wb + 1), dtype=np.int64)
    for x in range(1, wa + 1):
        for y in range(1, wb + 1):
            take = best[:, x - 1, y - 1] + (grid[:, x - 1, y - 1] >= ALIGN_MIN)
            best[:, x, y] = np.maximum(np.maximum(best[:, x - 1, y], best[:, x, y - 1]), take)
    return best[:, wa, wb]


def _aligned_bound(p: _Pairs, kunya: np.ndarray) -> np.ndarray:
    """Per pair, a bound of the score from its alignment (1 where it is not known).

    The greedy alignment is the score's unless it crosses and an alignment in order holds
    as many pairs (``compare._align`` may take that one then: those pairs get 1). Its
    evidence, pair conflicts, order factor, family and given-name conflicts are the
    score's; the chain shift costs at least what it takes from the spare tokens (it pays
    CHAIN_SHIFT for each, the spare cost grows by at most 1 a unit of weight), so the
    spare cost with no shift, at the lowest rate and without substitution, is a lower
    bound of the rest."""
    import numpy as np

    pos_a, pos_b, sims, count = _greedy(p)
    order = _crossings(p, pos_a, pos_b)
    known = order == 1.0
    crossed = np.flatnonzero(~known)
    if len(crossed):
        known[crossed] = _chain_size(p.grid[crossed]) < count[crossed]
    m = len(kunya)
    k = np.arange(m)[:, None]
    on = pos_a >= 0
    ia, ib = np.maximum(pos_a, 0), np.maximum(pos_b, 0)
    wt = np.where(on, 0.5 * (p.wa[k, ia] + p.wb[k, ib]), 0.0)
    agree = np.sqrt(np.clip((sims - ALIGN_MIN) / (FULL_SIM - ALIGN_MIN), 0.0, 1.0))
    family = (p.ra[k, ia] == _FAMILY) | (p.rb[k, ib] == _FAMILY)
    factor = np.where(family, CONFLICT_FAMILY, CONFLICT_OTHER)
    evidence = (wt * agree).sum(axis=1) + kunya
    cost = np.where(on, factor * np.maximum(CONFLICT_WEIGHT_FLOOR, wt) * (1.0 - agree), 0.0)
    cost = cost.sum(axis=1)
    aligned_a = np.zeros(p.wa.shape, dtype=bool)
    aligned_b = np.zeros(p.wb.shape, dtype=bool)
    rows = np.repeat(np.arange(m), on.sum(axis=1))
    aligned_a[rows, pos_a[on]] = True
    aligned_b[rows, pos_b[on]] = True
    spare_a = np.where(aligned_a, 0.0, p.wa)  # padding weighs 0
    spare_b = np.where(aligned_b, 0.0, p.wb)
    fa, fb = np.maximum(p.fa, 0), np.maximum(p.fb, 0)
    r = np.arange(m)
    fam = (p.fa >= 0) & (p.fb >= 0) & ~aligned_a[r, fa] & ~aligned_b[r, fb]
    wfa, wfb = p.wa[r, fa], p.wb[r, fb]
    cost += np.where(
        fam, CONFLICT_FAMILY * np.maximum(CONFLICT_WEIGHT_FLOOR, 0.5 * (wfa + wfb)), 0.0
    )
    spare_a[r[fam], fa[fam]] = 0.0
    spare_b[r[fam], fb[fam]] = 0.0
    given = (p.na >= 2) & (p.nb >= 2) & ~aligned_a[:, 0] & ~aligned_b[:, 0]
    w0 = 0.5 * (p.wa[:, 0] + p.wb[:, 0])
    cost += np.where(given, CONFLICT_GIVEN * np.maximum(CONFLICT_WEIGHT_FLOOR, w0), 0.0)
    spare_a[given, 0] = 0.0
    spare_b[given, 0] = 0.0
    sa, sb = spare_a.sum(axis=1), spare_b.sum(axis=1)
    both = np.minimum(sa, sb)
    slots = np.minimum(p.na - count, p.nb - count)
    cost += CONFLICT_OTHER * np.maximum(both, SLOT_CONFLICT * slots) + _R * (sa + sb - 2.0 * both)
    total = evidence + cost
    bound = order * np.divide(evidence, total, out=np.zeros_like(total), where=total > 0)
    return np.where(known, bound, 1.0)


def _ratio(ta: _Tokens, tb: _Tokens, kunya: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """The largest ``E / (E + D)`` over the choice of aligned tokens (each token alone:
    aligned, its evidence and pair cost; or not, the least cost), by bisection on the
    ratio: the upper end of the final bracket."""
    import numpy as np

    lo, hi = np.zeros(len(kunya)), np.ones(len(kunya))
    for _ in range(_BISECT_STEPS):
        mid = 0.5 * (lo + hi)
        above = ta.gain(mid) + tb.gain(mid) + kunya * (1.0 - mid) - mid * fixed > 0
        lo, hi = np.where(above, mid, lo), np.where(above, hi, mid)
    return hi


def _chunk(
    sa: _Side,
    sb: _Side,
    rows: np.ndarray,
    cols: np.ndarray,
    table: TokenTable,
    cutoff: np.ndarray | None = None,
) -> np.ndarray:
    """The bounds of the pairs (rows of ``sa``, rows of ``sb``); with ``cutoff`` (one per
    pair), a pair whose one-to-one bound (2.) is already under its cutoff keeps that
    bound, without the bisection of the token-by-token one (1.)."""
    import numpy as np

    grid = _grid(sa.ids[rows], sb.ids[cols], table)
    best_a, best_b = grid.max(axis=2), grid.max(axis=1)
    wa, wb = sa.weight[rows], sb.weight[cols]
    ta, tb = _Tokens(best_a, wa, sa.cost[rows]), _Tokens(best_b, wb, sb.cost[cols])
    kunya = np.where(sa.kunya[rows] & sb.kunya[cols], 2.0 * KUNYA, 0.0)
    fixed = _unaligned_cost(ta, tb, wa, wb, sa.family[rows], sb.family[cols])
    # 2. One to one: at most min(na, nb) tokens of each side align, and tokens left
    #    over on both sides are a slot conflict (at least SLOT_CONFLICT each).
    aligned = np.minimum(ta.can.sum(axis=1), tb.can.sum(axis=1))
    (ea, ca), (eb, cb) = ta.loose(), tb.loose()
    evidence = _top(ea, aligned) + _top(eb, aligned) + kunya
    cost = np.maximum(
        ca + cb + fixed,
        CONFLICT_OTHER * SLOT_CONFLICT * (np.minimum(ta.n, tb.n) - aligned),
    )
    total = evidence + cost
    bound = np.divide(evidence, total, out=np.zeros_like(total), where=total > 0)
    # 1. Token by token, the best choice of aligned tokens (where it may still matter).
    at = slice(None) if cutoff is None else np.flatnonzero(bound + BOUND_SLACK >= cutoff)
    if cutoff is None or len(at):
        ratio = _ratio(ta.rows(at), tb.rows(at), kunya[at], fixed[at])
        bound[at] = np.minimum(bound[at], ratio)
    # 3. The alignment itself, where the first two may still reach the cutoff.
    at = slice(None) if cutoff is None else np.flatnonzero(bound + BOUND_SLACK >= cutoff)
    if cutoff is None or len(at):
        pairs = _Pairs(sa, sb, rows[at], cols[at], grid[at])
        bound[at] = np.minimum(bound[at], _aligned_bound(pairs, kunya[at]))
    return np.minimum(bound + BOUND_SLACK, 1.0)


def score_bounds(
    a: Sequence[PreparedName],
    b: Sequence[PreparedName],
    rows: Sequence[int] | np.ndarray,
    cols: Sequence[int] | np.ndarray,
    *,
    freq: ListFrequency | None = None,
    cutoff: float | Sequence[float] | np.ndarray | None = None,
    joinable: np.ndarray | None = None,
) -> np.ndarray:
    """Upper bounds of ``score_prepared(a[rows[k]], b[cols[k]], freq=freq)`` (float64, in [0, 1]).

    The token-pair similarities it reads are computed once (and cached in the token
    table, where the full score reads them again). ``freq``: the token weights of the
    list the names come from, as the score takes them. ``cutoff`` (one number, or one
    per pair), for a caller that only asks whether each bound reaches it: a pair whose
    cheaper one-to-one bound is already under its cutoff gets that bound (still an
    upper bound, under the cutoff, maybe above the one without ``cutoff``); the others
    get the same bound as without it. So ``score_bounds(...) >= cutoff`` is the same
    with and without ``cutoff``.

    ``joinable`` (a bool array, one entry per pair), when given, is set to whether
    either name of each pair may join two of its tokens (the superset of
    ``_join_split``'s joins that the bound tests; True where it is not tested: names
    without tokens, names equal after normalisation). Where it is False the score may
    skip the join (``score_prepared(..., join=False)``), with the same score.

    (:class:`PairBounds` takes the names once for many such calls.)

    Raises:
        InputError: ``rows`` and ``cols`` differ in length, or ``cutoff`` or
            ``joinable`` from them.

    Example:
        >>> pa, pb = [prepare("Tahsin al-Jubouri")], [prepare("Ali Reza Hosseini")]
        >>> bool(score_bounds(pa, pb, [0], [0])[0] < 0.5)
        True
    """
    return PairBounds(a, b, freq=freq).bounds(rows, cols, cutoff=cutoff, joinable=joinable)


class PairBounds:
    """The names of two lists as :func:`score_bounds` reads them (padded token ids,
    weights, roles, the folds a join may compare), taken once: :meth:`bounds` then bounds
    any pairs of them, in as many calls as wanted (a worker that bounds several spans of
    one list's pairs takes the names once, not once a span).

    Example:
        >>> names = [prepare("Tahsin al-Jubouri"), prepare("تحسين الجبوري"), prepare("Ali Reza")]
        >>> pb = PairBounds(names, names)
        >>> [bool(x >= 0.65) for x in pb.bounds([0, 0], [1, 2])]
        [True, False]
        >>> pb.bounds([0], [2]).tolist() == score_bounds(names, names, [0], [2]).tolist()
        True
    """

    def __init__(
        self,
        a: Sequence[PreparedName],
        b: Sequence[PreparedName],
        *,
        freq: ListFrequency | None = None,
    ) -> None:
        import numpy as np

        self._sides: tuple[_Side, _Side] | None = None
        if not len(a) or not len(b):
            return
        table = self.table = a[0].table
        same = a is b  # one list against itself (resolution): one side built once
        a = [p if p.table is table else prepare(p, table) for p in a]
        b = a if same else [p if p.table is table else prepare(p, table) for p in b]
        strings = _Strings()
        sa = _Side(a, table, strings, freq)
        self._sides = (sa, sa if same else _Side(b, table, strings, freq))
        self.texts = strings.texts()
        # The lengths of the strings, and 0 at the end (what the -1 padding reads).
        self.lengths = np.fromiter(
            chain(map(len, self.texts), [0]), dtype=np.int64, count=len(self.texts) + 1
        )
        norms: dict[str, int] = {}
        self.norm_a = np.array([norms.setdefault(p.norm, len(norms)) for p in a], dtype=np.int64)
        self.norm_b = np.array([norms.setdefault(p.norm, len(norms)) for p in b], dtype=np.int64)

    def bounds(
        self,
        rows: Sequence[int] | np.ndarray,
        cols: Sequence[int] | np.ndarray,
        *,
        cutoff: float | Sequence[float] | np.ndarray | None = None,
        joinable: np.ndarray | None = None,
    ) -> np.ndarray:
        """:func:`score_bounds` of the pairs ``(rows[k], cols[k])`` of the two lists.

        Raises:
            InputError: as :func:`score_bounds`.
        """
        import numpy as np

        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        if rows_a.shape != cols_a.shape:
            raise InputError(f"rows and cols differ in length ({len(rows_a)} vs {len(cols_a)})")
        cut = None
        if cutoff is not None:
            cut = np.asarray(cutoff, dtype=np.float64)
            if cut.ndim and cut.shape != rows_a.shape:
                raise InputError(f"cutoff and rows differ in length ({len(cut)} vs {len(rows_a)})")
            cut = np.broadcast_to(cut, rows_a.shape)
        if joinable is not None:
            if joinable.shape != rows_a.shape:
                raise InputError(
                    f"joinable and rows differ in length ({len(joinable)} vs {len(rows_a)})"
                )
            joinable[:] = True
        out = np.ones(len(rows_a), dtype=np.float64)
        if not len(rows_a) or self._sides is None:
            return out
        sa, sb = self._sides
        for s in range(0, len(rows_a), BOUND_CHUNK):
            r, c = rows_a[s : s + BOUND_CHUNK], cols_a[s : s + BOUND_CHUNK]
            free = sa.empty[r] | sb.empty[c] | (self.norm_a[r] == self.norm_b[c])
            join = _may_join(sa, sb, r, c, self.texts, self.lengths)
            if joinable is not None:
                joinable[s : s + BOUND_CHUNK] = free | join
            free |= join
            bounded = ~free
            if bounded.any():
                at = None if cut is None else cut[s : s + BOUND_CHUNK][bounded]
                out[s : s + BOUND_CHUNK][bounded] = _chunk(
                    sa, sb, r[bounded], c[bounded], self.table, at
                )
        return out
