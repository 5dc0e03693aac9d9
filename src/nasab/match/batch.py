"""Scoring many name pairs at once.

:func:`compare_many` scores every pair of two lists. Each distinct name is prepared
once (:func:`~nasab.match.prepare`: parsed, its tokens interned in the shared token
table). A vectorised prefilter (rapidfuzz's ``cdist`` over the names' rare token keys, on
all cores if asked) rules out pairs whose distinctive tokens share too little; the
remaining pairs are scored from their token ids (:func:`score_pairs`), each token pair
once. Pairs ruled out score 0, so every non-zero score is exactly what
:func:`~nasab.match.compare` gives. The prefilter is a heuristic: on OFAC person names it
kept 99.8% of the pairs that score 0.7 or more and 95% of those that score 0.5 or more
(``python benchmarks/bench_match.py --only speed``); lower ``prefilter`` to keep more, at
the cost of speed.

The token-id API for callers with their own candidate pairs (resolution, linking):

* ``pa = [prepare(n) for n in names]`` once per distinct name;
* :func:`score_pairs` ``(pa, pb, rows, cols)`` scores chosen pairs into a numpy array;
* :func:`~nasab.match.score_prepared` scores one pair, and
  ``default_table().similarity(i, j)`` one token pair (ids in ``PreparedName.ids``).

Example:
    >>> m = compare_many(["Mustafa Al-Kazemi", "Mohammed al-Saadi"],
    ...                  ["مصطفى الكاظمي", "Mohammed Shia al-Sudani"])
    >>> [[round(float(x), 2) >= 0.85 for x in row] for row in m]
    [[True, False], [False, False]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from .algorithms import COMMON_WEIGHT
from .compare import PreparedName, prepare, score_prepared

if TYPE_CHECKING:
    import numpy as np

__all__ = ["compare_many", "name_keys", "prepare_all", "score_pairs"]


def prepare_all(names: Sequence[str | PreparedName]) -> list[PreparedName]:
    """Prepare every name, each distinct one once.

    Raises:
        InputError: a name is not a non-empty string (the message gives its index).
    """
    seen: dict[str, PreparedName] = {}
    out = []
    for i, n in enumerate(names):
        if isinstance(n, PreparedName):
            out.append(prepare(n))
            continue
        if not isinstance(n, str) or not n.strip():
            raise InputError(f"name at index {i} must be a non-empty string, got {n!r}")
        p = seen.get(n)
        if p is None:
            p = seen[n] = prepare(n)
        out.append(p)
    return out


def _keys(prepared: Sequence[PreparedName], rare_only: bool) -> list[str]:
    out = []
    for p in prepared:
        table = p.table
        ids = p.ids + p.kunya_ids
        if rare_only:
            ids = tuple(
                i for i in ids if table.weight[i] >= COMMON_WEIGHT and len(table.text[i]) > 1
            )
        out.append(" ".join(table.key[i] for i in ids))
    return out


def name_keys(names: Sequence[str], *, rare_only: bool = False) -> list[str]:
    """Space-joined token skeletons of each name, kunya included (the prefilter's input).

    With ``rare_only``, tokens too common to carry a match alone (Mohammed, Ali)
    are left out; a name made only of such tokens gets an empty key.

    Example:
        >>> name_keys(["Mohammed al-Kazemi"]), name_keys(["Mohammed al-Kazemi"], rare_only=True)
        (['MHMD KZM'], ['KZM'])
    """
    return _keys(prepare_all(names), rare_only)


def score_pairs(
    a: Sequence[PreparedName],
    b: Sequence[PreparedName],
    rows: Sequence[int] | np.ndarray,
    cols: Sequence[int] | np.ndarray,
) -> np.ndarray:
    """Scores of the pairs ``(a[rows[k]], b[cols[k]])`` as a float32 array.

    Example:
        >>> pa, pb = prepare_all(["Tahsin al-Khafaji"]), prepare_all(["تحسين الخفاجي", "Ali"])
        >>> [round(float(s), 2) >= 0.85 for s in score_pairs(pa, pb, [0, 0], [0, 1])]
        [True, False]
    """
    import numpy as np

    rows_l = np.asarray(rows, dtype=np.int64).tolist()
    cols_l = np.asarray(cols, dtype=np.int64).tolist()
    if len(rows_l) != len(cols_l):
        raise InputError(f"rows and cols differ in length ({len(rows_l)} vs {len(cols_l)})")
    out = np.empty(len(rows_l), dtype=np.float32)
    cache: dict[tuple[int, int], float] = {}
    for k, (i, j) in enumerate(zip(rows_l, cols_l, strict=True)):
        pa, pb = a[i], b[j]
        key = (id(pa), id(pb))
        s = cache.get(key)
        if s is None:
            s = cache[key] = score_prepared(pa, pb)
        out[k] = s
    return out


def compare_many(
    a: Sequence[str | PreparedName],
    b: Sequence[str | PreparedName],
    *,
    cutoff: float = 0.5,
    prefilter: float = 60.0,
    workers: int = 1,
) -> np.ndarray:
    """Score every pair of ``a`` x ``b``.

    Args:
        a: names (rows), strings or prepared names.
        b: names (columns).
        cutoff: scores below this may be reported as 0.
        prefilter: minimum token-set similarity (0-100) of the skeleton keys for a
            pair to be scored in full. Lower is slower and more exhaustive.
        workers: cores for the prefilter (-1: all).

    Returns:
        A ``len(a) x len(b)`` float32 matrix of scores in [0, 1].
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    pa, pb = prepare_all(a), prepare_all(b)
    ka, kb = _keys(pa, True), _keys(pb, True)
    pre = process.cdist(
        ka, kb, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=workers, score_cutoff=prefilter
    )
    # Names made only of common or one-letter tokens have no prefilter key: score in full.
    pre[[i for i, k in enumerate(ka) if not k], :] = 1
    pre[:, [j for j, k in enumerate(kb) if not k]] = 1
    out = np.zeros((len(pa), len(pb)), dtype=np.float32)
    rows, cols = np.nonzero(pre)
    scores = score_pairs(pa, pb, rows, cols)
    keep = scores >= cutoff
    out[rows[keep], cols[keep]] = scores[keep]
    return out
