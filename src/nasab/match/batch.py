"""Scoring many name pairs at once.

:func:`compare_many` scores every pair of two lists. A vectorised prefilter
(rapidfuzz's ``cdist`` over the names' skeleton keys, on all cores if asked) rules
out pairs whose distinctive tokens share too little; the remaining pairs get the
full :func:`~nasab.match.compare` score. Pairs ruled out score 0, so every non-zero
score is exactly what :func:`compare` gives. The prefilter is a heuristic: on OFAC
person names it kept 99.8% of the pairs that score 0.7 or more and 95% of those
that score 0.5 or more (``python benchmarks/bench_match.py --only speed``); lower
``prefilter`` to keep more, at the cost of speed.

Example:
    >>> m = compare_many(["Mustafa Al-Kazemi", "Mohammed al-Saadi"],
    ...                  ["مصطفى الكاظمي", "Mohammed Shia al-Sudani"])
    >>> [[round(float(x), 2) >= 0.85 for x in row] for row in m]
    [[True, False], [False, False]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..errors import InputError
from ..names.parse import parse_name
from .algorithms import COMMON_WEIGHT
from .compare import compare
from .weights import token_weight

__all__ = ["compare_many", "name_keys"]


def name_keys(names: Sequence[str], *, rare_only: bool = False) -> list[str]:
    """Space-joined token skeletons of each name, kunya included (the prefilter's input).

    With ``rare_only``, tokens too common to carry a match alone (Mohammed, Ali)
    are left out; a name made only of such tokens gets an empty key.
    """
    out = []
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise InputError(f"name at index {i} must be a non-empty string, got {n!r}")
        p = parse_name(n)
        toks = (*p.tokens, *p.kunya)
        if rare_only:
            toks = tuple(
                t for t in toks if token_weight(t.key) >= COMMON_WEIGHT and len(t.text) > 1
            )
        out.append(" ".join(t.key for t in toks))
    return out


def compare_many(
    a: Sequence[str],
    b: Sequence[str],
    *,
    cutoff: float = 0.5,
    prefilter: float = 60.0,
    workers: int = 1,
) -> np.ndarray:
    """Score every pair of ``a`` x ``b``.

    Args:
        a: names (rows).
        b: names (columns).
        cutoff: scores below this may be reported as 0.
        prefilter: minimum token-set similarity (0-100) of the skeleton keys for a
            pair to be scored in full. Lower is slower and more exhaustive.
        workers: cores for the prefilter (-1: all).

    Returns:
        A ``len(a) x len(b)`` float32 matrix of scores in [0, 1].
    """
    ka, kb = name_keys(a, rare_only=True), name_keys(b, rare_only=True)
    pre = process.cdist(
        ka, kb, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=workers, score_cutoff=prefilter
    )
    # Names made only of common or one-letter tokens have no prefilter key: score in full.
    pre[[i for i, k in enumerate(ka) if not k], :] = 1
    pre[:, [j for j, k in enumerate(kb) if not k]] = 1
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    rows, cols = np.nonzero(pre)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        s = compare(a[i], b[j]).score
        if s >= cutoff:
            out[i, j] = s
    return out
