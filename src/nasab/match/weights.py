"""Token weights learned from data: common name tokens weigh little, rare ones much.

The counts come from ``data/aliases/token_freq.tsv`` (rebuilt by
``scripts/build_token_freq.py``) and are keyed by the script-neutral skeleton, so
``Mohammed``, ``Muhammad`` and ``محمد`` share one weight.

Example:
    >>> token_weight("MHMD") < token_weight("KZM")
    True
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from .algorithms import MIN_WEIGHT

__all__ = ["token_weight"]


@cache
def _table() -> tuple[dict[str, int], int]:
    from .._data import data_path, load_tsv

    counts = {row["key"]: int(row["count"]) for row in load_tsv("token_freq.tsv")}
    total = 4000
    with data_path("token_freq.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") and "persons=" in line:
                total = int(line.split("persons=")[1].split(".")[0])
                break
    return counts, total


@lru_cache(maxsize=131072)
def token_weight(key: str) -> float:
    """Weight in [0.15, 1] of a token key: an inverse document frequency, scaled.

    Very short keys (one consonant) carry little information whatever their count.
    """
    counts, total = _table()
    count = counts.get(key, 0)
    w = math.log((total + 1) / (count + 1)) / math.log(total + 1)
    if len(key) <= 1:
        w = min(w, 0.4)
    return max(MIN_WEIGHT, min(1.0, w))
