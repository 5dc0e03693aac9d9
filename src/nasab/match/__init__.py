"""Comparing names: prepared names, token table, learned weights, the Match result."""

from .algorithms import LINK_THRESHOLD, SAME_NAME_THRESHOLD
from .batch import compare_many, name_keys, score_pairs
from .compare import (
    ALGORITHM,
    Match,
    PreparedName,
    clear_caches,
    compare,
    prepare,
    score_conflict,
    score_prepared,
    token_similarity,
)
from .tokens import TokenTable
from .weights import ListFrequency, token_weight

__all__ = [
    "ALGORITHM",
    "LINK_THRESHOLD",
    "SAME_NAME_THRESHOLD",
    "ListFrequency",
    "Match",
    "PreparedName",
    "TokenTable",
    "clear_caches",
    "compare",
    "compare_many",
    "name_keys",
    "prepare",
    "score_conflict",
    "score_pairs",
    "score_prepared",
    "token_similarity",
    "token_weight",
]
