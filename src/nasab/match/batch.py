"""Scoring many name pairs at once.

:func:`compare_many` scores every pair of two lists. Each distinct name is prepared
once (:func:`~nasab.match.prepare`: parsed, its tokens interned in the shared token
table). A vectorised prefilter (:func:`prefilter_keys`: rapidfuzz's ``token_set_ratio``
over the names' rare token keys, on all cores if asked) rules out pairs whose distinctive
tokens share too little; it scores only the key pairs that share a token or enough
characters (a numpy bound that the ratio cannot exceed), so it gives exactly what a full
``cdist`` would, several times faster. Of the
remaining pairs, those whose upper bound (:func:`score_bounds`, numpy over the token
pairs' best similarities) reaches ``cutoff`` are scored from their token ids
(:func:`score_pairs`), each token pair once; the bound never drops a pair whose score
reaches the cutoff. Pairs ruled out score 0, so every non-zero score is exactly what
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
    >>> m = compare_many(["Mustafa Al-Kazemi", "Mohammed al-Karimi"],
    ...                  ["مصطفى الكاظمي", "Mohammed Rida al-Hakimi"])
    >>> [[round(float(x), 2) >= 0.85 for x in row] for row in m]
    [[True, False], [False, False]]
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING

from ..errors import InputError
from .algorithms import COMMON_WEIGHT
from .bounds import PairBounds, score_bounds, unique_codes
from .compare import PreparedName, prepare, score_prepared
from .weights import ListFrequency

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "PairBounds",
    "collector_paused",
    "compare_many",
    "name_keys",
    "prefilter_keys",
    "prepare_all",
    "score_bounds",
    "score_pairs",
    "token_pairs",
    "warm_token_pairs",
]


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
    *,
    cutoff: float | None = None,
    freq: ListFrequency | None = None,
) -> np.ndarray:
    """Scores of the pairs ``(a[rows[k]], b[cols[k]])`` as a float32 array.

    ``freq`` gives the token weights of the list the names come from
    (:class:`~nasab.match.weights.ListFrequency`); default: the world's weights.

    With ``cutoff``, a pair whose upper bound (:func:`score_bounds`) is under it is not
    scored and gets 0: every score at or above ``cutoff`` is exactly what it is without,
    and the pairs below it are cheap.

    Example:
        >>> pa, pb = prepare_all(["Tahsin al-Jubouri"]), prepare_all(["تحسين الجبوري", "Ali"])
        >>> [round(float(s), 2) >= 0.85 for s in score_pairs(pa, pb, [0, 0], [0, 1])]
        [True, False]
        >>> float(score_pairs(pa, pb, [0, 0], [0, 1], cutoff=0.5)[1])
        0.0
    """
    import numpy as np

    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    if rows_a.shape != cols_a.shape:
        raise InputError(f"rows and cols differ in length ({len(rows_a)} vs {len(cols_a)})")
    out = np.zeros(len(rows_a), dtype=np.float32)
    todo = np.arange(len(rows_a))
    if cutoff is not None:
        todo = np.flatnonzero(score_bounds(a, b, rows_a, cols_a, freq=freq) >= cutoff)
    cache: dict[tuple[int, int], float] = {}
    for k, i, j in zip(todo.tolist(), rows_a[todo].tolist(), cols_a[todo].tolist(), strict=True):
        pa, pb = a[i], b[j]
        key = (id(pa), id(pb))
        s = cache.get(key)
        if s is None:
            s = cache[key] = score_prepared(pa, pb, freq=freq)
        out[k] = s
    return out


#: Name pairs whose token pairs :func:`warm_token_pairs` gathers at once.
_WARM_CHUNK = 32768


def warm_token_pairs(
    names: Sequence[PreparedName],
    rows: Sequence[int] | np.ndarray,
    cols: Sequence[int] | np.ndarray,
) -> None:
    """Compute in bulk, and cache in the token table, the similarity of every token of
    ``names[rows[k]]`` to every token of ``names[cols[k]]`` (the pairs that scoring them
    reads first, :func:`token_pairs`), so that :func:`~nasab.match.score_prepared` finds
    them cached instead of computing them one by one. The alignment reads only the pairs
    that reach ``ALIGN_MIN``: those are computed exactly, the others only found to be
    under it (:meth:`~nasab.match.tokens.TokenTable.warm`, mostly by their character
    counts). Scores do not change (the values are exactly
    :meth:`~nasab.match.tokens.TokenTable.similarity`'s from ``ALIGN_MIN`` up).

    Example:
        >>> names = prepare_all(["Tahsin al-Jubouri", "تحسين الجبوري"])
        >>> warm_token_pairs(names, [0], [1])
        >>> t = names[0].table
        >>> [t.similarity(names[0].ids[0], names[1].ids[0]) > 0.9]
        [True]
    """
    if len(names) and len(rows):
        names[0].table.warm(*token_pairs(names, rows, cols))


def token_pairs(
    names: Sequence[PreparedName],
    rows: Sequence[int] | np.ndarray,
    cols: Sequence[int] | np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The distinct token-id pairs ``(x, y)``, ``x <= y``, of a token of ``names[rows[k]]``
    and a token of ``names[cols[k]]`` for every ``k`` (names of the first name's token
    table only), sorted.

    Example:
        >>> names = prepare_all(["Ali Hasan", "Hasan Ali", "Ali"])
        >>> x, y = token_pairs(names, [0, 1], [1, 2])
        >>> len(x), bool((x <= y).all())
        (3, True)
    """
    import numpy as np

    if not len(names) or not len(rows):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    table = names[0].table
    # The names' token ids one after another (a name of another table has none).
    lengths = np.fromiter(
        (len(p.ids) if p.table is table else 0 for p in names), dtype=np.int64, count=len(names)
    )
    flat = np.fromiter(
        chain.from_iterable(p.ids for p in names if p.table is table),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    first = np.cumsum(lengths) - lengths
    rows_a, cols_a = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    n = len(table)
    parts = [np.zeros(0, dtype=np.int64)]
    for s in range(0, len(rows_a), _WARM_CHUNK):
        r, c = rows_a[s : s + _WARM_CHUNK], cols_a[s : s + _WARM_CHUNK]
        # Each token of the first name against each of the second, pair by pair.
        la, lb = lengths[r], lengths[c]
        cells = la * lb
        pair = np.repeat(np.arange(len(r)), cells)
        within = np.arange(int(cells.sum())) - np.repeat(np.cumsum(cells) - cells, cells)
        x = flat[first[r][pair] + within // lb[pair]]
        y = flat[first[c][pair] + within % lb[pair]]
        parts.append(unique_codes(np.minimum(x, y) * n + np.maximum(x, y)))
    codes = unique_codes(np.concatenate(parts))
    return codes // n, codes % n


#: Rows of the character-count bound computed at once (bounds the temporary arrays).
_BOUND_ROWS = 256
#: Margin under the prefilter threshold for the character-count bound (float rounding).
_BOUND_SLACK = 0.5


def _token_sets(keys: Sequence[str]) -> list[str]:
    """Each key as rapidfuzz's token_set_ratio sees it: distinct tokens, sorted, joined."""
    return [" ".join(sorted(set(k.split()))) for k in keys]


def _char_counts(texts: Sequence[str], alphabet: dict[str, int]) -> np.ndarray:
    import numpy as np

    counts = np.zeros((len(texts), len(alphabet)), dtype=np.int16)
    for r, text in enumerate(texts):
        for c, n in Counter(text).items():
            counts[r, alphabet[c]] = n
    return counts


def _shares_token(ka: Sequence[str], kb: Sequence[str]) -> np.ndarray:
    """Boolean matrix: the keys have a token in common."""
    import numpy as np

    by_token: dict[str, list[int]] = {}
    for j, k in enumerate(kb):
        for t in set(k.split()):
            by_token.setdefault(t, []).append(j)
    out = np.zeros((len(ka), len(kb)), dtype=bool)
    for i, k in enumerate(ka):
        for t in set(k.split()):
            cols = by_token.get(t)
            if cols:
                out[i, cols] = True
    return out


def _candidates(
    sa: Sequence[str], sb: Sequence[str], shares: np.ndarray, threshold: float = 0.0
) -> np.ndarray:
    """Pairs of token-set strings that share no token (``shares`` False) and may reach an
    Indel ratio of ``threshold`` (a superset, at C speed): the ratio is at most
    ``200 * shared characters / total length`` (the longest common subsequence cannot use
    a character more often than both strings hold it).
    """
    import numpy as np

    alphabet = {c: i for i, c in enumerate(sorted(set("".join(sa)) | set("".join(sb))))}
    ca, cb = _char_counts(sa, alphabet), _char_counts(sb, alphabet)
    la = np.array([len(t) for t in sa], dtype=np.float64)
    lb = np.array([len(t) for t in sb], dtype=np.float64)
    out = np.zeros(shares.shape, dtype=bool)
    for r in range(0, len(sa), _BOUND_ROWS):
        shared = np.minimum(ca[r : r + _BOUND_ROWS, None, :], cb[None, :, :]).sum(-1)
        total = np.maximum(la[r : r + _BOUND_ROWS, None] + lb[None, :], 1.0)
        out[r : r + _BOUND_ROWS] = 200.0 * shared / total >= threshold - _BOUND_SLACK
    # An empty key has a token_set_ratio of 0 with anything.
    out &= (la > 0)[:, None] & (lb > 0)[None, :]
    return out & ~shares


def _passing(
    left: list[str], right: list[str], scorer: object, threshold: float, workers: int
) -> np.ndarray:
    import numpy as np
    from rapidfuzz import process

    if not left:
        return np.zeros(0, dtype=bool)
    sim = process.cpdist(
        left, right, scorer=scorer, dtype=np.float32, workers=workers, score_cutoff=threshold
    )
    return sim > 0


def prefilter_keys(
    ka: Sequence[str], kb: Sequence[str], threshold: float, workers: int = 1
) -> np.ndarray:
    """Boolean matrix of the key pairs whose token_set_ratio (0-100) reaches ``threshold``.

    Exactly ``rapidfuzz.process.cdist(ka, kb, scorer=fuzz.token_set_ratio,
    score_cutoff=threshold) > 0``, but only the pairs that the character-count bound
    of :func:`_candidates` lets through are scored.

    Example:
        >>> prefilter_keys(["KZM", "SD"], ["KZM MHMD", "BKR"], 60.0).tolist()
        [[True, False], [False, False]]
    """
    import numpy as np
    from rapidfuzz import fuzz

    # token_set_ratio is 100 or more than the other ratios only when the two token sets
    # share a token; otherwise it is exactly the Indel ratio (fuzz.ratio) of the sorted
    # token sets, scored here only where a character-count bound lets it reach threshold.
    shares = _shares_token(ka, kb)
    sa, sb = _token_sets(ka), _token_sets(kb)
    pre = np.zeros(shares.shape, dtype=bool)
    rows, cols = np.nonzero(shares)
    pre[rows, cols] = _passing(
        [ka[i] for i in rows.tolist()],
        [kb[j] for j in cols.tolist()],
        fuzz.token_set_ratio,
        threshold,
        workers,
    )
    rows, cols = np.nonzero(_candidates(sa, sb, shares, threshold))
    pre[rows, cols] = _passing(
        [sa[i] for i in rows.tolist()],
        [sb[j] for j in cols.tolist()],
        fuzz.ratio,
        threshold,
        workers,
    )
    return pre


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
            pair to be scored in full. Lower is slower and more exhaustive; 0 (or
            less) scores every pair, even two names whose keys share no letter.
        workers: cores for the prefilter (-1: all).

    Returns:
        A ``len(a) x len(b)`` float32 matrix of scores in [0, 1].

    While it runs, Python's cyclic garbage collector is paused (process-wide, restored as
    it was when it returns or raises): its passes over a large process found nothing to
    free and cost about a tenth of the time.
    """
    import numpy as np

    with collector_paused():
        pa, pb = prepare_all(a), prepare_all(b)
        ka, kb = _keys(pa, True), _keys(pb, True)
        if prefilter > 0:
            pre = prefilter_keys(ka, kb, prefilter, workers)
        else:
            pre = np.ones((len(pa), len(pb)), dtype=bool)
        # Names made only of common or one-letter tokens have no prefilter key: score in full.
        pre[[i for i, k in enumerate(ka) if not k], :] = True
        pre[:, [j for j, k in enumerate(kb) if not k]] = True
        out = np.zeros((len(pa), len(pb)), dtype=np.float32)
        rows, cols = np.nonzero(pre)
        scores = score_pairs(pa, pb, rows, cols, cutoff=cutoff)
        keep = scores >= cutoff
        out[rows[keep], cols[keep]] = scores[keep]
    return out


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk build (restored as it was after).

    Preparing thousands of names allocates many small objects that all live on (token
    table, parses): they start collections, the full ones walking every object of the
    process (the caller's data included), that find nothing to free (about a tenth of
    ``compare_many``'s time in ``benchmarks/bench_compare.py``; about a quarter of
    :func:`nasab.resolve`'s on 30,000 generated names). Reference counting still frees
    everything as usual.

    Example:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
