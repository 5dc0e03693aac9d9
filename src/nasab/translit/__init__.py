"""Transliteration between Arabic and Latin script, learned from name pairs.

Example:
    >>> from nasab.translit import romanize, variants
    >>> romanize("مصطفى الكاظمي")
    'Mustafa al-Kazemi'
"""

from __future__ import annotations

from .schemes import SCHEMES, romanize, romanize_token
from .variants import arabic_candidates, variants

__all__ = ["SCHEMES", "arabic_candidates", "romanize", "romanize_token", "variants"]
