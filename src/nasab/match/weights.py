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
from functools import lru_cache

from ..lexicon import token_freq
from .algorithms import MIN_WEIGHT

__all__ = ["token_weight"]


@lru_cache(maxsize=131072)
def token_weight(key: str) -> float:
    """Weight in [0.15, 1] of a token key: an inverse document frequency, scaled.

    Very short keys (one consonant) carry little information whatever their count.
    """
    counts, total = token_freq()
    count = counts.get(key, 0)
    w = math.log((total + 1) / (count + 1)) / math.log(total + 1)
    if len(key) <= 1:
        w = min(w, 0.4)
    return max(MIN_WEIGHT, min(1.0, w))
