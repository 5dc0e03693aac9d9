"""Name analysis: parsing into parts and script-neutral keys."""

from .keys import fold, skeleton
from .kind import guess_kind
from .parse import Name, Token, clear_parse_caches, parse_name, title_phrases

__all__ = [
    "Name",
    "Token",
    "clear_parse_caches",
    "fold",
    "guess_kind",
    "parse_name",
    "skeleton",
    "title_phrases",
]
