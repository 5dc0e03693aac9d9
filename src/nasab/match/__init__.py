"""Comparing names: token similarity, learned weights, the Match result."""

from .batch import compare_many, name_keys
from .compare import ALGORITHM, Match, compare, token_similarity
from .weights import token_weight

__all__ = [
    "ALGORITHM",
    "Match",
    "compare",
    "compare_many",
    "name_keys",
    "token_similarity",
    "token_weight",
]
