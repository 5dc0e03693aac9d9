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
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise

from ..lexicon import aspirates, latin_letters
from ..text import ascii_translation, has_arabic, normalize

__all__ = [
    "SKELETON_OF_FOLD",
    "aspirated",
    "coarse",
    "distinct_fold_skeletons",
    "fold",
    "fold_skeleton",
    "fold_skeletons",
    "joined_article",
    "plain_letters",
    "skeleton",
    "spelling_keys",
]

# Arabic letter -> consonant class ('' = vowel-like, dropped). Input is already
# normalised (alef forms folded, ة -> ه, ى -> ي, hamza dropped). The Persian letters that
# normalisation keeps take the class of their Latin spelling: پ p, ژ zh, گ g, and چ ch,
# which Latin spellings share with ش (sh).
_AR_CLASS = {
    "ا": "", "و": "", "ي": "", "ع": "", "ء": "",
    "ب": "B", "ت": "T", "ث": "T", "ط": "T",
    "ج": "J", "ح": "H", "ه": "H", "خ": "X",
    "د": "D", "ض": "D", "ذ": "Z", "ظ": "Z", "ز": "Z",
    "ر": "R", "س": "S", "ص": "S", "ش": "$",
    "غ": "G", "ف": "F", "ق": "K", "ك": "K",
    "ل": "L", "م": "M", "ن": "N",
    "پ": "B", "چ": "$", "ژ": "Z", "گ": "K",
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

# A character that the next one repeats (not a line break): deleting each such character
# writes each run once (a plain "" replacement, which costs less than a callable's).
_REPEATED = re.compile(r"(.)(?=\1)")
# Two of one character (not a line break): where _REPEATED finds something.
_PAIR = re.compile(r"(.)\1")
# Alif maqsura, which the parse keeps at the end of a word written with it (موسى: normalisation
# writes ي); the fold of an Arabic token writes it ي again, as normalisation does.
_ALIF_MAQSURA = "\u0649"
_YA = "\u064a"


@cache
def _plain_table() -> dict[int, str]:
    """The letters of ``latin_letters.tsv`` -> the ASCII letter normalisation writes."""
    return {ord(c): normalize(c) for c in latin_letters()}


def plain_letters(text: str) -> str:
    """``text`` with the letters of ``latin_letters.tsv`` that the name parser keeps (š, ć,
    ñ...) written as normalisation writes them (s, c, n): the text a token's fold, skeleton
    and table look-ups read.

    Example:
        >>> plain_letters("šulović"), plain_letters("kazemi")
        ('sulovic', 'kazemi')
    """
    return text if text.isascii() else text.translate(_plain_table())


class _DropOthers(dict[int, "str | None"]):
    """A ``str.translate`` table that deletes every character it does not list.

    Unlisted characters are remembered on first sight, so each costs Python once."""

    def __missing__(self, key: int) -> None:
        if len(self) < _TABLE_MAX:
            self[key] = None


#: Most characters a self-filling translate table remembers (beyond, it just answers).
_TABLE_MAX = 4096


def _class_table(classes: dict[str, str]) -> _DropOthers:
    return _DropOthers({ord(c): v for c, v in classes.items()})


_AR_TABLE = _class_table(_AR_CLASS)
_LAT_TABLE = _class_table(_LAT_CLASS)
# Single-letter spelling evening of the fold (after its digraphs): q c -> k, e y -> i, o w -> u.
_FOLD_LETTERS = str.maketrans("qceoyw", "kkiuiu")


# Digraphs of _LAT_DIGRAPHS that contain an h (they follow "x" and are contiguous).
_H_DIGRAPHS = tuple(d for d in _LAT_DIGRAPHS[1:] if "h" in d[0])
_H_START = 1
_H_END = _H_START + len(_H_DIGRAPHS)
assert _LAT_DIGRAPHS[_H_START:_H_END] == _H_DIGRAPHS
_Rewrites = tuple[tuple[str, str], ...]


def _collapse(text: str) -> str:
    """``text`` with each run of one character (not a line break) written once.

    Most words have no run: a search for a pair costs about half the collapsing sub, which
    runs only where there is one.

    Example:
        >>> _collapse("mohammad"), _collapse("KZM")
        ('mohamad', 'KZM')
    """
    return _REPEATED.sub("", text) if _PAIR.search(text) is not None else text


def _needed(rewrites: _Rewrites, table: dict[int, str | None]) -> _Rewrites:
    """``rewrites`` without its longest tail of rewrites that cannot change
    ``_collapse(text.translate(table))``.

    A rewrite ``src -> dst`` cannot change it when ``src`` and ``dst`` give the same
    collapsed letters (``ou`` -> ``u`` for the fold: ``uu`` and ``u`` collapse alike): the
    translation is letter by letter and a collapse reads a collapsed part as it reads the
    part, so each occurrence rewritten leaves the result as it was. Only a tail is dropped,
    so no rewrite that is kept reads text a dropped one would have written.

    Example:
        >>> _needed((("th", "t"), ("ou", "u")), _FOLD_LETTERS)
        (('th', 't'),)
    """
    kept = len(rewrites)
    while kept and _collapse(rewrites[kept - 1][0].translate(table)) == _collapse(
        rewrites[kept - 1][1].translate(table)
    ):
        kept -= 1
    return rewrites[:kept]


# The rewrites after the h-digraphs that the skeleton and the fold need (the others leave
# them as they are, see _needed; today none is left: ck, ou, ee... are runs once translated).
_REST_SKELETON = _needed(_LAT_DIGRAPHS[_H_END:_SKELETON_DIGRAPHS], _LAT_TABLE)
_REST_FOLD = _needed(_LAT_DIGRAPHS[_H_END:], _FOLD_LETTERS)
# What the fold needs beyond the skeleton's rewrites (fold_skeleton shares the text the
# skeleton's rewrites give: a fold-invariant rewrite of it changes no fold, see _needed).
_FOLD_AFTER_SKELETON = _REST_FOLD[len(_REST_SKELETON) :]


def _digraphs(token: str, rest: _Rewrites) -> str:
    """``token`` with the digraph rewrites applied in order (h-digraphs only when an h is
    there: none of the earlier rewrites makes one)."""
    if "x" in token:
        token = token.replace("x", "ks")
    if "h" in token:
        for src, dst in _H_DIGRAPHS:
            token = token.replace(src, dst)
    for src, dst in rest:
        token = token.replace(src, dst)
    return token


@lru_cache(maxsize=1 << 19)
def fold(token: str) -> str:
    """Latin spelling fold: digraphs to one symbol, vowels evened out, doubles collapsed.

    Arabic tokens are returned unchanged (apart from doubled letters, and a final alif
    maqsura ى kept by the parse, written ي as normalisation writes it). The Latin letters
    the parse keeps (``latin_letters.tsv``: š, ć, ñ...) are read as normalisation writes
    them (:func:`plain_letters`).

    Example:
        >>> fold("kadhimi"), fold("qassim"), fold("abdel")
        ('kazimi', 'kasim', 'abdil')
        >>> fold("موسى") == fold("موسي"), fold("šahin") == fold("sahin")
        (True, True)
    """
    token = token.lower()
    if not token.isascii():
        if has_arabic(token):
            if _ALIF_MAQSURA in token:
                token = token.replace(_ALIF_MAQSURA, _YA)
            return _collapse(token)
        token = token.translate(_plain_table())
    return _collapse(_digraphs(token, _REST_FOLD).translate(_FOLD_LETTERS))


@lru_cache(maxsize=1 << 19)
def skeleton(token: str) -> str:
    """Script-neutral consonant skeleton of one (normalised, article-free) token.

    Example:
        >>> skeleton("mohammed"), skeleton("محمد"), skeleton("Abdullah")
        ('MHMD', 'MHMD', 'BDL')
    """
    token = token.lower()
    if token.isascii():
        key = _digraphs(token, _REST_SKELETON).translate(_LAT_TABLE)
    elif has_arabic(token):
        key = token.translate(_AR_TABLE)
    else:
        key = _digraphs(token.translate(_plain_table()), _REST_SKELETON).translate(_LAT_TABLE)
    key = _collapse(key)
    # A final h is usually a spelling of ta marbuta or a breath (Abdullah/Abdulla).
    if len(key) > 1 and key.endswith("H"):
        key = key[:-1]
    return key


@lru_cache(maxsize=1 << 19)
def fold_skeleton(token: str) -> tuple[str, str]:
    """``(fold(token), skeleton(token))``, sharing the work the two have in common.

    Example:
        >>> fold_skeleton("Kadhimi")
        ('kazimi', 'KZM')
    """
    low = token.lower()
    if not low.isascii() and has_arabic(low):
        # fold(token), skeleton(token) without asking twice what script the token is.
        key = low.translate(_AR_TABLE)
        if _PAIR.search(key) is not None:
            key = _REPEATED.sub("", key)
        if len(key) > 1 and key.endswith("H"):
            key = key[:-1]
        if _ALIF_MAQSURA in low:
            low = low.replace(_ALIF_MAQSURA, _YA)
        return (_REPEATED.sub("", low) if _PAIR.search(low) is not None else low), key
    if not low.isascii():
        low = low.translate(_plain_table())
    base = _digraphs(low, _REST_SKELETON)
    if base.isascii():
        # (The tables as bytes: the same letters, see ascii_translation.)
        raw = base.encode()
        key = raw.translate(_LAT_BYTES, _LAT_DROP).decode()
        if _FOLD_AFTER_SKELETON:
            for src, dst in _FOLD_AFTER_SKELETON:
                base = base.replace(src, dst)
            raw = base.encode()
        base = raw.translate(_FOLD_BYTES, _FOLD_DROP).decode()
    else:
        key = base.translate(_LAT_TABLE)
        for src, dst in _FOLD_AFTER_SKELETON:
            base = base.replace(src, dst)
        base = base.translate(_FOLD_LETTERS)
    if _PAIR.search(key) is not None:
        key = _REPEATED.sub("", key)
    if len(key) > 1 and key.endswith("H"):
        key = key[:-1]
    return (_REPEATED.sub("", base) if _PAIR.search(base) is not None else base), key


# A final H of a key of two or more letters, one key a line (see skeleton).
_FINAL_H = re.compile(r"(?<=.)H$", re.M)
# The skeleton classes, keeping the line break that separates the words of fold_skeletons.
_LAT_TABLE_LINES = _DropOthers({**_LAT_TABLE, ord("\n"): "\n"})
# The skeleton classes and the fold letters as bytes tables, for ASCII text (ascii_translation).
_LAT_BYTES, _LAT_DROP = ascii_translation(_LAT_TABLE)
_LAT_LINES_BYTES, _LAT_LINES_DROP = ascii_translation(_LAT_TABLE_LINES)
_FOLD_BYTES, _FOLD_DROP = ascii_translation(_FOLD_LETTERS)


def fold_skeletons(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """``[fold_skeleton(t) for t in tokens]``, computed on all the tokens at once.

    The tokens are joined by line breaks (which no rewrite spans) and each step runs
    once over the joined text: many short Latin readings cost little more than one.

    Example:
        >>> fold_skeletons(["kadhimi", "kazemi"])
        [('kazimi', 'KZM'), ('kazimi', 'KZM')]
    """
    joined = "\n".join(tokens).lower()
    if not joined.isascii() or joined.count("\n") != len(tokens) - 1:
        return [fold_skeleton(t) for t in tokens]
    base = _digraphs(joined, _REST_SKELETON)
    raw = base.encode()
    keys = raw.translate(_LAT_LINES_BYTES, _LAT_LINES_DROP).decode()
    keys = _FINAL_H.sub("", _REPEATED.sub("", keys))
    if _FOLD_AFTER_SKELETON:
        for src, dst in _FOLD_AFTER_SKELETON:
            base = base.replace(src, dst)
        raw = base.encode()
    folds = _REPEATED.sub("", raw.translate(_FOLD_BYTES, _FOLD_DROP).decode())
    return list(zip(folds.split("\n"), keys.split("\n"), strict=True))


def _skeleton_of_fold() -> bool:
    """Whether the skeleton of an ASCII token is a function of its fold: the skeleton
    classes read each fold letter as they read the letter it stands for (``q`` -> ``k`` ->
    K as ``q`` -> K; ``e`` -> ``i`` -> nothing as ``e``), and each rewrite the fold makes
    beyond the skeleton's gives the same collapsed classes as the text it rewrites
    (:func:`_needed`). The translations are letter by letter and a collapse reads a
    collapsed run as it reads the run, so the classes of the fold, collapsed, are then the
    skeleton's (before its final H is dropped)."""
    letters = all(
        chr(c).translate(_FOLD_LETTERS).translate(_LAT_TABLE) == chr(c).translate(_LAT_TABLE)
        for c in range(128)
    )
    return letters and all(
        _collapse(src.translate(_LAT_TABLE)) == _collapse(dst.translate(_LAT_TABLE))
        for src, dst in _FOLD_AFTER_SKELETON
    )


#: Whether :func:`distinct_fold_skeletons` may take the skeletons from the folds (checked at
#: import from the tables, so a rule that breaks it only costs speed; a test asserts it).
SKELETON_OF_FOLD = _skeleton_of_fold()


def distinct_fold_skeletons(tokens: Sequence[str]) -> list[tuple[str, str, int]]:
    """The distinct ``fold_skeleton(t)`` of ``tokens``: ``(fold, skeleton, index)``, in order
    of first occurrence, ``index`` that of the first token that gives it.

    For ASCII tokens the skeleton is a function of the fold (``SKELETON_OF_FOLD``): the
    tokens are told apart by their folds, and only the distinct folds' skeletons are
    taken, from the folds. (The steps run once over the tokens joined by line breaks, as in
    :func:`fold_skeletons`.)

    Example:
        >>> distinct_fold_skeletons(["kazemi", "kadhimi", "kazimi", "qasim"])
        [('kazimi', 'KZM', 0), ('kasim', 'KSM', 3)]
    """
    joined = "\n".join(tokens).lower()
    if not SKELETON_OF_FOLD or not joined.isascii() or joined.count("\n") != len(tokens) - 1:
        first: dict[tuple[str, str], int] = {}
        for k, fk in enumerate(fold_skeletons(tokens)):
            first.setdefault(fk, k)
        return [(f, key, k) for (f, key), k in first.items()]
    raw = _digraphs(joined, _REST_FOLD).encode().translate(_FOLD_BYTES, _FOLD_DROP)
    at: dict[str, int] = {}
    for k, f in enumerate(_REPEATED.sub("", raw.decode()).split("\n")):
        at.setdefault(f, k)
    keys = "\n".join(at).encode().translate(_LAT_LINES_BYTES, _LAT_LINES_DROP).decode()
    keys = _FINAL_H.sub("", _REPEATED.sub("", keys))
    return list(zip(at, keys.split("\n"), at.values(), strict=True))


# Coarser classes for a second look: letters that one or another transliteration
# tradition confuses (dh/d for ذ, g/q/k for ق, gh/q for غ, kh/h, z/s, j/g).
_COARSE = str.maketrans({"Z": "D", "S": "T", "G": "K", "J": "K", "X": "H", "F": "B", "$": "T"})
_COARSE_BYTES, _COARSE_DROP = ascii_translation(_COARSE)


@lru_cache(maxsize=131072)
def coarse(key: str) -> str:
    """A skeleton with confusable classes merged (Qaddafi ~ Qadhafi, Gholizadeh ~ Qolizadeh).

    Example:
        >>> coarse(skeleton("Qadhafi")) == coarse(skeleton("Qaddafi"))
        True
    """
    if key.isascii():
        return _collapse(key.encode().translate(_COARSE_BYTES, _COARSE_DROP).decode())
    return _collapse(key.translate(_COARSE))


# --------------------------------------------------------- spellings comparison equates

#: The long-vowel letters after which Urdu may write an aspirate's h (چوہدری).
_LONG_VOWELS = "اوي"
#: Least length of a Latin fold that may be the article written joined (alfaqih).
_JOINED_ARTICLE_MIN = 6


@cache
def _aspirate_rules() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(ه between a long vowel and a consonant of ``aspirates.tsv``; a consonant + ه pair
    of it, ه not final; pair -> the letter its Latin digraph is read as)."""
    pairs = aspirates()
    consonants = "".join(sorted({p[0] for p in pairs}))
    return (
        re.compile(f"(?<=[{_LONG_VOWELS}])ه([{consonants}])"),
        re.compile(f"[{consonants}]ه(?=.)"),
        pairs,
    )


def aspirated(arabic: str) -> str | None:
    """An Arabic-script token with its consonant + ه pairs read as the letter a Latin
    digraph stands for (``aspirates.tsv``: Urdu دھ dh, ٹھ th...), or None when it has none.

    Example:
        >>> aspirated("چودهري"), aspirated("چوهدري"), aspirated("فهد")
        ('چوذري', 'چوذري', None)
    """
    moved, pair, letters = _aspirate_rules()
    out = pair.sub(lambda m: letters[m.group()], moved.sub(r"\1ه", arabic))
    return out if out != arabic else None


def joined_article(fold_: str, min_len: int = _JOINED_ARTICLE_MIN) -> bool:
    """Whether a Latin token's fold may be the article written joined to a name
    (``alshebel``, ``elnady``: ``al``/``il`` and at least ``min_len`` letters in all).

    Example:
        >>> joined_article(fold("Alshebel")), joined_article(fold("Alina"))
        (True, False)
        >>> joined_article(fold("Elnady"), min_len=5)
        True
    """
    return fold_[:2] in ("al", "il") and len(fold_) >= min_len


def spelling_keys(texts: Sequence[str]) -> set[str]:
    """Skeletons of the other spellings of a name's tokens that comparison reads as the
    same name, for blocking: two adjacent tokens written as one word (``Hamid Reza`` /
    ``Hamidreza``, ``Inayat ur Rahman`` / ``Enayaturrahman``, ``ذبیح الله``), a Latin token
    without an article written joined to it (``Alshebel`` / ``al-Shebel``), an Arabic-script
    token with its Urdu aspirates read as one letter (``چوہدری`` / ``Chaudhry``).

    ``texts`` are the name's tokens in order (normalised, article-free). Keys the tokens
    themselves have are included when a spelling gives them again.

    Example:
        >>> sorted(spelling_keys(["hamid", "reza", "yahya", "zadeh"]))
        ['HMDRZ', 'HZD', 'RZ']
        >>> spelling_keys(["alshebel"]), spelling_keys(["چوهدري"])
        ({'$BL'}, {'$ZR'})
    """
    out = {skeleton(a + b) for a, b in pairwise(texts)}
    for text in texts:
        if has_arabic(text):
            alt = aspirated(text)
            if alt is not None:
                out.add(skeleton(alt))
        elif joined_article(fold(text)):
            out.add(skeleton(text[2:]))
    out.discard("")
    return out
