"""Script-neutral keys for name tokens.

A token's *skeleton* is its consonant skeleton with letters that collapse in
transliteration put in one class, so that the Latin and Arabic spellings of one
name get the same key: ``Kazemi``, ``Kadhimi`` and ``كاظمي`` all give ``KZM``.
The *fold* is a finer Latin-only form that keeps vowels but evens out spelling
habits (``ou``/``oo`` -> ``u``, ``e`` -> ``i``, ``dh`` -> ``z``...).

Example:
    >>> skeleton("Kadhimi"), skeleton("كاظمي"), skeleton("Kazemi")
    ('KZM', 'KZM', 'KZM')
    >>> fold("mazrouei"), fold("mazroui")
    ('mazrui', 'mazrui')
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import has_arabic

__all__ = ["coarse", "fold", "skeleton"]

# Arabic letter -> consonant class ('' = vowel-like, dropped). Input is already
# normalised (alef forms folded, ة -> ه, ى -> ي, hamza dropped).
_AR_CLASS = {
    "ا": "", "و": "", "ي": "", "ع": "", "ء": "",
    "ب": "B", "ت": "T", "ث": "T", "ط": "T",
    "ج": "J", "ح": "H", "ه": "H", "خ": "X",
    "د": "D", "ض": "D", "ذ": "Z", "ظ": "Z", "ز": "Z",
    "ر": "R", "س": "S", "ص": "S", "ش": "$",
    "غ": "G", "ف": "F", "ق": "K", "ك": "K",
    "ل": "L", "م": "M", "ن": "N",
}  # fmt: skip

# Ordered digraph rewrites for Latin spellings of Arabic sounds (German and Slavic
# spellings of the same sounds first: Kalaschov / Kalachov).
_LAT_DIGRAPHS = (
    ("x", "ks"), ("tsch", "$"), ("sch", "$"), ("tch", "$"),
    ("kh", "x"), ("gh", "G"), ("sh", "$"), ("ch", "$"), ("dh", "z"), ("zh", "z"),
    ("th", "t"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ("ei", "i"), ("ey", "i"), ("ie", "i"), ("ai", "ai"), ("ay", "ai"),
)  # fmt: skip

# Skeletons use the consonant digraphs only (up to and including "ck").
_SKELETON_DIGRAPHS = next(i for i, (src, _) in enumerate(_LAT_DIGRAPHS) if src == "ck") + 1

_LAT_CLASS = {
    "b": "B", "p": "B", "t": "T", "j": "J", "h": "H", "x": "X", "d": "D", "z": "Z",
    "r": "R", "s": "S", "$": "$", "f": "F", "v": "F", "k": "K", "q": "K", "c": "K",
    "g": "K", "G": "G", "l": "L", "m": "M", "n": "N",
}  # fmt: skip

_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 19)
def fold(token: str) -> str:
    """Latin spelling fold: digraphs to one symbol, vowels evened out, doubles collapsed.

    Arabic tokens are returned unchanged (apart from doubled letters).

    Example:
        >>> fold("kadhimi"), fold("qassim"), fold("abdel")
        ('kazimi', 'kasim', 'abdil')
    """
    token = token.lower()
    if has_arabic(token):
        return _DOUBLES.sub(r"\1", token)
    for src, dst in _LAT_DIGRAPHS:
        token = token.replace(src, dst)
    token = token.replace("q", "k").replace("c", "k").replace("e", "i").replace("o", "u")
    token = token.replace("y", "i").replace("w", "u")
    return _DOUBLES.sub(r"\1", token)


@lru_cache(maxsize=1 << 19)
def skeleton(token: str) -> str:
    """Script-neutral consonant skeleton of one (normalised, article-free) token.

    Example:
        >>> skeleton("mohammed"), skeleton("محمد"), skeleton("Abdullah")
        ('MHMD', 'MHMD', 'BDL')
    """
    token = token.lower()
    if has_arabic(token):
        out = [_AR_CLASS.get(c, "") for c in token]
    else:
        for src, dst in _LAT_DIGRAPHS[:_SKELETON_DIGRAPHS]:
            token = token.replace(src, dst)
        out = [_LAT_CLASS.get(c, "") for c in token]
    key = _DOUBLES.sub(r"\1", "".join(out))
    # A final h is usually a spelling of ta marbuta or a breath (Abdullah/Abdulla).
    if len(key) > 1 and key.endswith("H"):
        key = key[:-1]
    return key


# Coarser classes for a second look: letters that one or another transliteration
# tradition confuses (dh/d for ذ, g/q/k for ق, gh/q for غ, kh/h, z/s, j/g).
_COARSE = str.maketrans({"Z": "D", "S": "T", "G": "K", "J": "K", "X": "H", "F": "B", "$": "T"})


@lru_cache(maxsize=131072)
def coarse(key: str) -> str:
    """A skeleton with confusable classes merged (Qaddafi ~ Qadhafi, Gholizadeh ~ Qolizadeh).

    Example:
        >>> coarse(skeleton("Qadhafi")) == coarse(skeleton("Qaddafi"))
        True
    """
    return _DOUBLES.sub(r"\1", key.translate(_COARSE))
