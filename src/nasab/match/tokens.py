"""The shared token table: interned name tokens, their features and pair similarities.

Every distinct name token (its normalised, article-free text and whether it carried the
article) gets one integer id in a :class:`TokenTable`. The table holds each token's
features in columns indexed by id, computed once when the token is first seen: the
skeleton key, the spelling fold, their coarse forms, the learned weight, and, for
cross-script comparison, the Latin readings of an Arabic token and the Arabic spellings
of a Latin token. Readings come from ``data/aliases/token_readings.tsv`` (precomputed by
``scripts/build_token_readings.py`` with the learned beam decoder); a token that is in
no table is read by a cheap deterministic decoder over the same table's letter-in-context
renderings. The beam decoder itself never runs here. The cheap decoder's readings of the
listed name words that have no beam readings are shipped too
(``data/aliases/cheap_readings.tsv``, ``scripts/build_cheap_readings.py``): such a word
is not decoded when it is met.

:meth:`TokenTable.similarity` scores a pair of ids (cached by pair); :mod:`nasab.match.compare`
builds name scores from it, and bulk callers (``compare_many``, resolution, linking) can
score token-id pairs directly.

Example:
    >>> t = TokenTable()
    >>> a, b = t.intern("kazimi", False), t.intern("كاظمي", True)
    >>> t.key[a], t.key[b]
    ('KZM', 'KZM')
    >>> t.similarity(a, b) > 0.85
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache, partial
from itertools import chain, compress, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Hamming, Indel, Levenshtein

from ..errors import InputError
from ..lexicon import (
    LATIN_ENDING_MARK,
    LATIN_VOWELS,
    attested_latin_spellings,
    final_vowels,
    given_name_groups,
    latin_digraphs,
    latin_letters,
    persian_fold,
    persian_letters,
)
from ..names.keys import (
    aspirated,
    coarse,
    distinct_fold_skeletons,
    fold,
    fold_skeleton,
    joined_article,
    plain_letters,
    skeleton,
)
from ..names.parse import ABD_COMPOUND_PREFIXES, split_article
from ..text import ascii_translation, script_of_token
from .algorithms import (
    ABD_DROPPED,
    ALIF_MAQSURA,
    ALIGN_MIN,
    ASPIRATE,
    CANDIDATE_FOLD_SHARE,
    CANDIDATE_RANK,
    CHEAP_READINGS,
    COARSE_FOLD,
    COARSE_KEY,
    DISTINCT_NAMES_MAX,
    FINAL_VOWEL,
    INITIAL,
    LATIN_DIGRAPH,
    LATIN_ENDING_STEM,
    REVERSE,
    REVERSE_BAND,
    SAME_KNOWN_NAME,
    SKELETON_SHARE_CROSS,
    SKELETON_SHARE_SAME,
    TYPING_SLIP,
    TYPING_SLIP_LETTERS,
    WHOLE_WORD_BELOW,
)
from .weights import token_weight

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "TokenTable",
    "aspirated",
    "cheap_readings",
    "default_table",
    "listed_readings",
    "readings",
    "same_known_name",
    "typing_slip",
]

#: How many Latin readings a shipped Arabic token keeps (the beam decoder's best).
READINGS = 5
#: Largest number of cached token-pair similarities before the cache is emptied.
PAIR_CACHE_MAX = 4_000_000
#: Token pairs :meth:`TokenTable.warm` computes at once (bounds the temporary arrays).
WARM_CHUNK = 262_144
#: Arabic words whose whole-word readings (article read as part of the word) are kept.
WHOLE_CACHE_MAX = 1 << 16

_ARTICLE = "ال"
#: The fold vowel of an initial alif with hamza below (إ: i or e; the fold writes e as i).
_HAMZA_BELOW_VOWEL = "i"
#: Ta marbuta as normalisation writes it (ة -> ه), and the Latin endings that spell it:
#: -a, -e, -ah, -eh, and -at, -et where it is read as t (Turkish, Persian and Urdu names,
#: and the construct form: Hayat حياة, Nusrat نصرة, Hikmet حكمة).
_TA_MARBUTA = "ه"
_TA_MARBUTA_LATIN = re.compile(r"(?<=[^aeiouy])[ae]h?$|(?<=[a-z]{2})[ae]t$")
#: A reading's rendering of a final ta marbuta, in fold letters (e -> i).
_TA_MARBUTA_FOLD = re.compile(r"(?<=[^aiu])[ai]h?$")
#: Alif maqsura, kept by the parse at the end of an Arabic word written with it (موسى Musa,
#: ليلى Layla; a written ي is not read a: هاني Hani), and the letter normalisation writes.
_ALIF_MAQSURA = "\u0649"
_YA = "\u064a"
#: A reading's rendering of a final ي (i, e and y fold to i; a; or nothing), read as a.
_MAQSURA_FOLD = re.compile(r"[ai]?$")
_FOLD_SHARE = CANDIDATE_FOLD_SHARE
_KEY_SHARE = 1.0 - CANDIDATE_FOLD_SHARE
#: The two edit similarities of every formula, looked up once.
_INDEL = Indel.normalized_similarity
_LEV = Levenshtein.normalized_similarity
_COARSE_FOLD = str.maketrans({"z": "d", "g": "k", "G": "k", "x": "h", "p": "b", "v": "f"})


_COARSE_FOLD_TO, _COARSE_FOLD_DROP = ascii_translation(_COARSE_FOLD)
# A character the next one repeats (any character: deleting each writes each run once), and
# two of one character (where there is a run).
_REPEATED = re.compile(r"(.)(?=\1)", re.S)
_PAIR = re.compile(r"(.)\1", re.S)


def coarse_fold(f: str) -> str:
    """A fold with letters that traditions swap merged (Gaddafi ~ Qadhafi ~ Kadhafi).

    Example:
        >>> coarse_fold("gazzafi"), coarse_fold("kadafi")
        ('kadafi', 'kadafi')
    """
    if f.isascii():
        # (The table as bytes: the same letters, see ascii_translation.)
        f = f.encode().translate(_COARSE_FOLD_TO, _COARSE_FOLD_DROP).decode()
    else:
        f = f.translate(_COARSE_FOLD)
    # Runs are collapsed where there is one (a search for a pair costs half the sub).
    return _REPEATED.sub("", f) if _PAIR.search(f) is not None else f


# ------------------------------------------------------------------------ shipped readings


@cache
def _tables() -> tuple[
    dict[str, str],
    dict[str, str],
    dict[str, str],
    dict[tuple[str, str, str], tuple[tuple[str, float], ...]],
]:
    """(Arabic token -> Latin readings, whole article word -> readings, Latin -> Arabic
    spellings, letter context -> renderings with log shares) from token_readings.tsv.

    Readings stay unsplit strings until a token asks for them (loading stays fast)."""
    from .._data import load_tsv

    by_kind: dict[str, dict[str, str]] = {"ar": {}, "whole": {}, "lat": {}}
    options: dict[tuple[str, str, str], tuple[tuple[str, float], ...]] = {}
    for row in load_tsv("token_readings.tsv"):
        kind, tok, val = row["kind"], row["token"], row["readings"]
        if kind == "chunk":
            options[(tok[0], tok[1], tok[2])] = tuple(
                ("" if c == "_" else c, float(lp))
                for c, _, lp in (x.rpartition(":") for x in val.split(" "))
            )
        else:
            by_kind[kind][tok] = val
    return by_kind["ar"], by_kind["whole"], by_kind["lat"], options


def _split(val: str) -> tuple[str, ...]:
    """Readings of a ``cand:p cand:p`` cell, best first."""
    return tuple(x.rpartition(":")[0] for x in val.split(" "))


@cache
def _contexts() -> dict[str, tuple[tuple[str, float], ...]]:
    """Renderings of a letter by its context ``prev + letter + next``, the fallbacks of
    the chunk table resolved (filled as contexts are first met; the table alone decides)."""
    return {}


def _options(prev: str, letter: str, nxt: str) -> tuple[tuple[str, float], ...]:
    ctx = prev + letter + nxt
    got = _contexts().get(ctx)
    if got is None:
        options = _tables()[3]
        got = _contexts()[ctx] = (
            options.get((prev, letter, nxt))
            or options.get(("*", letter, nxt))
            or options.get((prev, letter, "*"))
            or options.get(("*", letter, "*"))
            or _persian_options(letter)
        )
    return got


def _persian_options(letter: str) -> tuple[tuple[str, float], ...]:
    """Renderings of a Persian letter that the decoder's table does not know (چ پ ژ گ)."""
    got = persian_letters().get(letter)
    return got.readings if got is not None else ()


def cheap_readings(letters: str, k: int = CHEAP_READINGS) -> tuple[str, ...]:
    """The ``k`` best Latin readings of Arabic letters from the letter-in-context table alone.

    A deterministic stand-in for the beam decoder on tokens that are in no table: each
    letter is rendered as the decoder rendered it in that context across the vocabulary.

    Example:
        >>> "kazemi" in cheap_readings("كاظمي")
        True
    """
    hyps: list[tuple[float, str]] = [(0.0, "")]
    # The renderings of letters read one way for certain (log share 0), not yet appended:
    # every hypothesis takes them and no score moves (s + 0.0 == s), so they are appended
    # with the next rendering that adds a score, or at the end (no sort runs before).
    tail = ""
    padded = f"^{letters}$"
    known = _contexts()
    for i in range(1, len(padded) - 1):
        opts = known.get(padded[i - 1 : i + 2])
        if opts is None:
            opts = _options(padded[i - 1], padded[i], padded[i + 1])
        if len(opts) == 1:
            # One rendering: every hypothesis takes it (their number does not grow).
            ((ch, lp),) = opts
            if lp == 0.0:
                tail += ch
                continue
            if tail:
                ch, tail = tail + ch, ""
            hyps = [(s + lp, h + ch) for s, h in hyps]
        elif opts:
            if tail:
                opts, tail = tuple([(tail + ch, lp) for ch, lp in opts]), ""
            hyps = [(s + lp, h + ch) for ch, lp in opts for s, h in hyps]
            if len(hyps) > k:
                # Only the best k go on. Which they are depends on the hypotheses alone,
                # not on their order, so the list is sorted only where it is cut (and at
                # the end).
                hyps.sort(reverse=True)
                del hyps[k:]
    if tail:
        hyps = [(s, h + tail) for s, h in hyps]
    hyps.sort(reverse=True)
    return tuple(dict.fromkeys([h for _, h in hyps if h]))


#: The table of the cheap decoder's readings of listed name words, what it was built from
#: (its header: ``sources=``, ``sources-sha1=``, ``k=``) and the file it is read from.
LISTED_READINGS = "cheap_readings.tsv"


@cache
def listed_readings() -> dict[str, str]:
    """Arabic token -> its readings (one cell, ``reading reading ...``) from
    ``cheap_readings.tsv``: what :func:`readings` gives the listed name words that have no
    beam readings, precomputed so that they are not decoded when met.

    Loaded on first use (not at import). Empty when the table was built from other tables
    than the present ones (``sources-sha1``) or with another ``CHEAP_READINGS``: a stale
    table then costs speed, never a different reading.

    Example:
        >>> "كاظمي" in listed_readings()  # beam readings of its own (token_readings.tsv)
        False
    """
    import hashlib

    from .._data import data_path, load_tsv_header

    header = dict(
        line.partition("=")[::2] for line in load_tsv_header(LISTED_READINGS) if "=" in line
    )
    sha = hashlib.sha1()
    for name in header.get("sources", "").split(","):
        sha.update(data_path(name).read_bytes())
    if header.get("sources-sha1") != sha.hexdigest() or header.get("k") != str(CHEAP_READINGS):
        return {}
    with data_path(LISTED_READINGS).open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").partition("\t") for line in fh if not line.startswith("#")]
    # (rows[0] is the column header row.)
    return {token: cell for token, _, cell in rows[1:]}


def readings(arabic_fold: str, listed: bool = True) -> tuple[str, ...]:
    """Latin readings of one article-free Arabic token (shipped, else the cheap decoder).

    Args:
        arabic_fold: the token's fold.
        listed: whether the cheap decoder's readings may come from
            :func:`listed_readings` (the same values; False decodes).

    Example:
        >>> readings("كاظمي")[0]
        'kazemi'
        >>> readings("سمير") == readings("سمير", listed=False)
        True
    """
    got = _tables()[0].get(arabic_fold)
    if got is not None:
        return _split(got)
    if listed:
        got = listed_readings().get(arabic_fold)
        if got is not None:
            return tuple(got.split(" "))
    cheap = cheap_readings(_letters(arabic_fold))
    if cheap and split_article(arabic_fold)[1]:
        # A word the parse would split but kept whole with its ال (إلياس, إلهام): its alif
        # carried a hamza below (the article's never does), so its vowel is i or e, read
        # first.
        cheap = tuple(dict.fromkeys([_HAMZA_BELOW_VOWEL + c[1:] for c in cheap] + list(cheap)))
    folded = arabic_fold.translate(persian_fold())
    if folded != arabic_fold:
        # پرويز: the shipped readings of the token written with Arabic stand-ins (برويز,
        # parvez) were learned from Persian names so written; the cheap decoder adds the
        # Persian letters' own values.
        known = _tables()[0].get(folded)
        if known is not None:
            return tuple(dict.fromkeys(_split(known) + cheap))
    return cheap


class _KeepLetters(dict[int, "int | None"]):
    """``str.translate`` table keeping the Arabic letters ء..ي (U+0621-U+064A) only
    (other characters are added, as deleted, on first sight)."""

    def __missing__(self, key: int) -> None:
        if len(self) < _LETTER_TABLE_MAX:
            self[key] = None


#: Most characters the letter filter remembers (beyond, it just answers).
_LETTER_TABLE_MAX = 4096


@cache
def _arabic_letters_only() -> _KeepLetters:
    """The letter filter: Arabic letters and the Persian letters normalisation keeps."""
    keep = {c: c for c in range(0x0621, 0x064B)}
    keep.update((c, c) for c in persian_fold())
    return _KeepLetters(keep)


def _letters(token: str) -> str:
    return token.translate(_arabic_letters_only())


def _whole_readings(word: str) -> tuple[str, ...]:
    got = _tables()[1].get(word)
    return _split(got) if got is not None else cheap_readings(_letters(word))


@lru_cache(maxsize=WHOLE_CACHE_MAX)
def _whole_folds(word: str) -> tuple[str, ...]:
    """The folds of :func:`_whole_readings` (decoded once per word, not once per pair)."""
    return tuple(fold(c) for c in _whole_readings(word))


def _spellings(latin: str) -> tuple[str, ...]:
    got = _tables()[2].get(latin)
    return tuple(got.split(" ")) if got else ()


# ---------------------------------------------------------------------------- the table


class TokenTable:
    """Interned tokens with their features in columns, and a token-pair similarity cache.

    Attributes:
        text, article, arabic, key, fold, ckey, cfold, weight: feature columns by id.
        flags: bits by id that decide which rule each pair of tokens takes.
        text_id: by id, a number of its text (two tokens have equal texts exactly when
            their numbers are equal: the same text with and without the article; a Latin
            letter the parse keeps, š ć ñ..., counts as its plain letter).
    """

    def __init__(self) -> None:
        # Ids by text, of tokens without and with the article (plain string keys).
        self._ids: dict[str, int] = {}
        self._article_ids: dict[str, int] = {}
        self._text_ids: dict[str, int] = {}
        self.text: list[str] = []
        self.text_id: list[int] = []
        self.article: list[bool] = []
        self.arabic: list[bool] = []
        self.key: list[str] = []
        self.fold: list[str] = []
        self.ckey: list[str] = []
        self.cfold: list[str] = []
        self.weight: list[float] = []
        self.flags: list[int] = []
        self._cands: list[tuple[tuple[str, str, float], ...] | None] = []
        self._pairs: dict[int, float] = {}
        self._most = 0  # the cache's limit as the last warm set it (0: PAIR_CACHE_MAX)
        self._arrays: dict[str, np.ndarray] = {}
        self._filled: dict[str, int] = {}  # rows of each of _arrays taken from its column
        self._bound: dict[str, np.ndarray] = {}
        self._once: dict[str, np.ndarray] = {}  # columns of _taken

    def __len__(self) -> int:
        return len(self.text)

    def intern(
        self,
        text: str,
        article: bool,
        key: str | None = None,
        fold_: str | None = None,
        arabic: bool | None = None,
    ) -> int:
        """The id of a token (normalised, article-free ``text``), adding it when new.

        ``key``, ``fold_`` and ``arabic`` may be passed when known (from a parsed
        :class:`~nasab.names.Token`); they are computed from ``text`` otherwise.
        """
        ids = self._article_ids if article else self._ids
        i = ids.get(text)
        if i is not None:
            return i
        i = ids[text] = len(self.text)
        if key is None and fold_ is None and " " not in text:
            # One word: its fold and skeleton in one pass (the same values).
            fold_, key = fold_skeleton(text)
        if key is None:
            key = "".join(skeleton(p) for p in text.split(" "))
        if fold_ is None:
            fold_ = fold(text.replace(" ", ""))
        if arabic is None:
            arabic = script_of_token(text) == "arabic"
        self.text.append(text)
        # (An Arabic token holds no kept Latin letter: its text is its own plain text.)
        plain = text if arabic else plain_letters(text)
        self.text_id.append(self._text_ids.setdefault(plain, len(self._text_ids)))
        self.article.append(article)
        self.arabic.append(arabic)
        self.key.append(key)
        self.fold.append(fold_)
        self.ckey.append(coarse(key))
        self.cfold.append(coarse_fold(fold_))
        self.weight.append(token_weight(key))
        self.flags.append(_token_flags(text, key, fold_, arabic, article))
        self._cands.append(None)
        return i

    def _column(self, name: str) -> np.ndarray:
        """The column ``name`` (``key``, ``flags``...) as a numpy array (of objects for
        strings), kept and extended as tokens are added: taking many values from it at
        once is faster than a list comprehension. The array behind it grows by doubling
        (:func:`_room`), so adding a few tokens does not copy the whole column."""

        col: list[object] = getattr(self, name)
        n = len(col)
        got = self._arrays.get(name)
        have = self._filled.get(name, 0)
        if got is None or have < n:
            got = self._arrays[name] = _room(got, n, _COLUMN_DTYPES.get(name, object), None)
            got[have:n] = col[have:n]
            self._filled[name] = n
        return got[:n]

    def column(self, name: str) -> np.ndarray:
        """The feature column ``name`` (``weight``, ``key``, ``flags``...) as a numpy array
        by token id, kept and extended as tokens are added.

        Example:
            >>> t = TokenTable()
            >>> _ = t.intern("kazimi", False), t.intern("ali", False)
            >>> t.column("key").tolist()
            ['KZM', 'L']
        """
        return self._column(name)

    def _counts(self, arabic: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """The character masks (:func:`_char_masks`) that the bounds from character counts
        read (:func:`_plain_bounds`, :func:`_cross_bounds`), by token id: of the skeleton
        (``key``), the coarse skeleton (``ckey``), the fold and the coarse fold (``cfold``)
        of every token, taken once for each token added; and of the readings of the Arabic
        tokens ``arabic`` where not yet taken (``reading_fold``, ``reading_key``: the most of
        each character any reading holds, the shortest reading's length; ``reading``:
        whether it has any)."""
        import numpy as np

        got = self._bound
        n = len(self.text)
        have = int(got["have"][0]) if got else 0
        if have < n:
            # The arrays grow by doubling (:func:`_room`), so a few new tokens do not copy
            # them all; rows of readings not yet taken are zeros (``read`` False).
            for name in (*_MASKED, "reading_fold", "reading_key"):
                got[name] = _room(got.get(name), n, np.uint64, 0, _MASK_FIELDS)
            for name in ("read", "reading"):
                got[name] = _room(got.get(name), n, bool, False)
            for name in _MASKED:
                col = getattr(self, name)
                for lo in range(have, n, _MASK_CHUNK):  # bounds the temporary counts
                    hi = min(n, lo + _MASK_CHUNK)
                    got[name][lo:hi] = _char_masks(_char_counts(col[lo:hi]))
            got["have"] = np.array([n])
        if arabic is not None:
            todo = arabic[~got["read"][arabic]]
            if len(todo):
                self._reading_masks(np.unique(todo))
        return got

    def prepare_bounds(self, ids: Sequence[int] | np.ndarray) -> None:
        """Take now what the bounds from character counts read of the tokens ``ids``
        (:meth:`similarities` with a floor, :meth:`warm`): the character masks of every
        token, those of the readings of the Arabic ones, the bits that choose a
        cross-script rule and the typing-slip keys. Each is taken once per token in
        any case; a caller about to fork workers that bound pairs takes them here,
        once, instead of once in each worker (which read them copy-on-write).

        Example:
            >>> t = TokenTable()
            >>> ids = [t.intern("kazimi", False), t.intern("كاظمي", False)]
            >>> t.prepare_bounds(ids)
            >>> t.similarities([ids[0]], [ids[1]], floor=0.55).tolist() == [t.similarity(*ids)]
            True
        """
        import numpy as np

        at = np.unique(np.asarray(ids, dtype=np.int64))
        self._counts(at[self._column("arabic")[at]])
        self._cross_bits(at)
        self._slip_keys(at)

    def _reading_masks(self, arabic: np.ndarray) -> None:
        """:meth:`_counts`' masks of the readings of the Arabic tokens ``arabic``."""
        import numpy as np

        got = self._bound
        cands = [self.candidates(i) for i in arabic.tolist()]
        per = np.fromiter(map(len, cands), dtype=np.int64, count=len(cands))
        has = per > 0
        starts = (np.cumsum(per) - per)[has]
        for k, name in ((0, "reading_fold"), (1, "reading_key")):
            counts = _char_counts([c[k] for cs in cands for c in cs])
            if len(starts):
                most = np.maximum.reduceat(counts, starts, axis=0)
                # The length column of the counts (the last) taken at its least.
                most[:, -1] = np.minimum.reduceat(counts[:, -1], starts)
                got[name][arabic[has]] = _char_masks(most)
        got["reading"][arabic] = has
        got["read"][arabic] = True

    def _taken(
        self, name: str, ids: np.ndarray, value: Callable[[int], int], dtype: object
    ) -> np.ndarray:
        """``value(i)`` of each token ``i`` of ``ids``, taken once per token and kept in the
        column ``name`` (-1 where not yet taken)."""
        import numpy as np

        got = self._once.get(name)
        n = len(self.text)
        if got is None or len(got) < n:
            got = self._once[name] = _room(got, n, dtype, -1)
        out = got[ids]
        missing = out < 0
        if missing.any():
            todo = np.unique(ids[missing])
            got[todo] = [value(i) for i in todo.tolist()]
            out = got[ids]
        return out

    def _cross_bits(self, ids: np.ndarray) -> np.ndarray:
        """The :func:`_kind_bits` of each token of ``ids``, taken once per token."""
        import numpy as np

        return self._taken("kinds", ids, partial(_kind_bits, self), np.int16)

    def _slip_keys(self, ids: np.ndarray) -> np.ndarray:
        """Per token of ``ids``: twice the length of its text, plus 1 when its letters are an
        attested Latin name spelling (what :func:`typing_slip` asks of two tokens before it
        compares their letters), taken once per token."""
        import numpy as np

        known, text = attested_latin_spellings(), self.text

        def key(i: int) -> int:
            return 2 * len(text[i]) + (plain_letters(text[i]) in known)

        return self._taken("slips", ids, key, np.int64)

    def candidates(self, i: int) -> tuple[tuple[str, str, float], ...]:
        """(fold, skeleton, rank factor) of the Latin readings of Arabic token ``i``.

        Readings with the same fold and skeleton are kept once, at their best rank (the
        rank factor discounts a less likely reading, so only the first can win).
        """
        got = self._cands[i]
        if got is None:
            got = self._cands[i] = tuple(
                [
                    (f, k, 1.0 - CANDIDATE_RANK * rank)
                    for f, k, rank in distinct_fold_skeletons(readings(self.fold[i]))
                ]
            )
        return got

    def similarities(
        self,
        left: Sequence[int] | np.ndarray,
        right: Sequence[int] | np.ndarray,
        *,
        floor: float | None = None,
    ) -> np.ndarray:
        """Similarities of the token pairs ``(left[k], right[k])`` as a float64 array:
        exactly :meth:`similarity` of each, and cached as it caches them.

        Pairs not yet cached are computed at once where the rule table gives the plain
        formula (rapidfuzz ``cpdist`` over the feature columns), one by one otherwise.
        With ``floor``, a pair of the plain or the plain cross-script formula whose
        similarity is surely under it (a bound from character counts) gets 0 instead, and
        is not cached.

        Example:
            >>> t = TokenTable()
            >>> a, b, c = t.intern("kazimi", False), t.intern("kadhimi", False), t.intern("ali", False)
            >>> t.similarities([a, a], [b, c]).tolist() == [t.similarity(a, b), t.similarity(a, c)]
            True
            >>> t2 = TokenTable()
            >>> a, c = t2.intern("kazimi", False), t2.intern("ali", False)
            >>> t2.similarities([a], [c], floor=0.55).tolist()
            [0.0]
        """
        return self._lookup(left, right, floor)[0]

    def _lookup(
        self,
        left: Sequence[int] | np.ndarray,
        right: Sequence[int] | np.ndarray,
        floor: float | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`similarities`, and which of the values are exact (all without ``floor``;
        with it, the others are 0 and their pairs' similarities are under it)."""
        import numpy as np

        lo, hi = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if lo.shape != hi.shape or lo.ndim != 1:
            raise InputError(f"left and right differ in length ({len(lo)} vs {len(hi)})")
        if floor is None:
            return self._cached(lo, hi)
        # Most pairs asked with a floor are under it by their character counts alone:
        # they are neither looked up in the cache nor computed (0, not exact).
        out = np.zeros(len(lo), dtype=np.float64)
        sure = np.zeros(len(lo), dtype=bool)
        at = np.flatnonzero(~_under_floor(self, lo, hi, floor))
        if len(at):
            out[at], sure[at] = self._cached(lo[at], hi[at], floor)
        return out, sure

    def _cached(
        self, lo: np.ndarray, hi: np.ndarray, floor: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_lookup` of the pairs ``(lo[k], hi[k])`` from the cache, the others
        computed (:func:`_similarities`) and cached where exact."""
        import numpy as np

        pairs = self._pairs
        keys = ((np.minimum(lo, hi) << 32) | np.maximum(lo, hi)).tolist()
        # A similarity is never negative: _MISSING marks the pairs not cached, _UNDER
        # those known to be under ALIGN_MIN (:meth:`warm`): 0, not exact, under a floor
        # at ALIGN_MIN or above; computed again under any other.
        out = np.fromiter(map(pairs.get, keys, repeat(_MISSING)), dtype=np.float64, count=len(keys))
        sure = np.ones(len(keys), dtype=bool)
        if floor is not None and floor >= ALIGN_MIN:
            under = out == _UNDER
            out[under] = 0.0
            sure[under] = False
        at = np.flatnonzero(out < 0)
        if len(at):
            todo = at.tolist()
            values, exact = _similarities(self, lo[at], hi[at], floor)
            out[at] = values
            sure[at] = exact
            _make_room(pairs, len(todo), self._most)
            pairs.update(
                compress(
                    zip(map(keys.__getitem__, todo), values.tolist(), strict=True), exact.tolist()
                )
            )
        return out, sure

    def similarity(self, i: int, j: int) -> float:
        """Similarity in [0, 1] of tokens ``i`` and ``j`` (symmetric, cached by pair)."""
        k = (i << 32) | j if i <= j else (j << 32) | i
        s = self._pairs.get(k)
        if s is None or s < 0.0:  # not cached, or only known to be under ALIGN_MIN
            _make_room(self._pairs, 1, self._most)
            s = self._pairs[k] = _similarity(self, i, j)
        return s

    def aligned(self, i: int, j: int) -> float:
        """:meth:`similarity` of tokens ``i`` and ``j`` where it reaches ``ALIGN_MIN``
        (what an alignment reads); under it, possibly 0 instead (a pair :meth:`warm`
        found under it is not computed).

        Example:
            >>> t = TokenTable()
            >>> a, b, c = t.intern("kazimi", False), t.intern("kadhimi", False), t.intern("ali", False)
            >>> t.warm([a, a], [b, c])
            >>> t.aligned(a, b) == t.similarity(a, b) >= ALIGN_MIN, t.aligned(a, c)
            (True, 0.0)
        """
        s = self._pairs.get((i << 32) | j if i <= j else (j << 32) | i)
        if s is None:
            return self.similarity(i, j)
        return 0.0 if s < 0.0 else s

    def warm(self, left: Sequence[int] | np.ndarray, right: Sequence[int] | np.ndarray) -> None:
        """Cache the token pairs ``(left[k], right[k])`` for :meth:`aligned`: computed in
        bulk where they may reach ``ALIGN_MIN`` (:meth:`similarities` with that floor,
        cached exactly), the others marked as under it (not computed: most pairs of
        two unrelated names are, by their character counts alone). :meth:`similarity`
        computes a marked pair when asked. The cache makes room for all of them first
        (:meth:`_reserve`): none is dropped before the pairs warmed for are read."""
        import numpy as np

        lo, hi = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        self._reserve(len(lo))
        for s in range(0, len(lo), WARM_CHUNK):
            x, y = lo[s : s + WARM_CHUNK], hi[s : s + WARM_CHUNK]
            sure = self._lookup(x, y, ALIGN_MIN)[1]
            self._mark_under(x[~sure], y[~sure])

    def _reserve(self, more: int) -> None:
        """Make room in the pair cache for a warm of ``more`` token pairs (and the pairs
        their computation reads): its limit becomes ``PAIR_CACHE_MAX`` or twice ``more``,
        whichever is larger (it follows the last warm, so a long run of small warms
        brings it back), and the oldest entries go now where they would not all fit."""
        self._most = 2 * more
        _make_room(self._pairs, more, self._most)

    def _mark_under(self, lo: np.ndarray, hi: np.ndarray) -> None:
        """Mark the token pairs ``(lo[k], hi[k])`` as under ``ALIGN_MIN`` where they are
        not cached (:data:`_UNDER`)."""
        import numpy as np

        if len(lo):
            keys = ((np.minimum(lo, hi) << 32) | np.maximum(lo, hi)).tolist()
            pairs = self._pairs
            _make_room(pairs, len(keys), self._most)
            setdefault = pairs.setdefault
            for k in keys:
                setdefault(k, _UNDER)


#: The numpy dtype of each column that does not hold strings (:meth:`TokenTable._column`).
_COLUMN_DTYPES = {
    "flags": "int64",
    "text_id": "int64",
    "arabic": "bool",
    "article": "bool",
    "weight": "float64",
}


def _room(
    got: np.ndarray | None, n: int, dtype: object, fill: object, width: int | None = None
) -> np.ndarray:
    """``got`` (rows by token id) with at least ``n`` rows: itself when it has them, else a
    copy at least twice as long whose new rows hold ``fill`` (None: left empty). Doubling
    keeps the copying per token added constant: a table that grows by a few tokens per
    batch of a long run (a Spark worker) does not copy its columns once per batch.

    Example:
        >>> import numpy as np
        >>> a = _room(None, 3, np.int16, -1)
        >>> len(a) >= 3, _room(a, 2, np.int16, -1) is a, int(_room(a, 40, np.int16, -1)[39])
        (True, True, -1)
    """
    import numpy as np

    have = 0 if got is None else len(got)
    if got is not None and have >= n:
        return got
    size = max(n, 2 * have, _ROOM_MIN)
    shape = (size,) if width is None else (size, width)
    out = np.empty(shape, dtype=dtype) if fill is None else np.full(shape, fill, dtype=dtype)
    if have:
        out[:have] = got
    return out


#: Fewest rows :func:`_room` allocates.
_ROOM_MIN = 1024


def _make_room(pairs: dict[int, float], more: int, most: int = 0) -> None:
    """Make room in a token-pair cache for ``more`` new entries: when they would take it
    to its limit (``most``, at least :data:`PAIR_CACHE_MAX`), the oldest entries go
    (those computed first), and the newest half stays. Emptying it all, as before, also
    dropped the pairs just computed in bulk for the names about to be scored
    (:func:`nasab.match.batch.warm_token_pairs`), which the scoring then computed again
    one by one: at 300,000 names, twice as many as at 100,000 per scored pair. Only
    exact values (and marks of pairs under ``ALIGN_MIN``, :meth:`TokenTable.warm`) are
    cached, so what is kept changes no score.

    Example:
        >>> d = {k: 0.5 for k in range(10)}
        >>> _make_room(d, PAIR_CACHE_MAX)
        >>> d
        {}
    """
    most = max(most, PAIR_CACHE_MAX)
    if len(pairs) + more < most:
        return
    keep = most // 2 - more
    newest = dict(islice(pairs.items(), len(pairs) - keep, None)) if keep > 0 else {}
    pairs.clear()
    pairs.update(newest)


#: The value :meth:`TokenTable.similarities` reads for a pair not in the cache.
_MISSING = -1.0
#: What the token-pair cache holds for a pair known to be under ``ALIGN_MIN`` whose
#: similarity was not computed (:meth:`TokenTable.warm`).
_UNDER = -0.5

_DEFAULT: list[TokenTable] = []


def default_table() -> TokenTable:
    """The process-wide token table that :func:`~nasab.match.prepare` interns into."""
    if not _DEFAULT:
        _DEFAULT.append(TokenTable())
    return _DEFAULT[0]


def reset_default_table() -> TokenTable:
    """Start a fresh process-wide table (names prepared before are prepared again)."""
    _DEFAULT.clear()
    _whole_folds.cache_clear()
    digraph_readings.cache_clear()
    kept_readings.cache_clear()
    return default_table()


# ------------------------------------------------------------------------ pair similarity
#
# Which formula a token pair takes is decided in ONE place, the rule table ``_RULES``, from
# the two tokens' flag bits (the ``flags`` column, set when a token is interned) and whether
# their texts are equal. The single path (:func:`_similarity`) and the bulk path
# (:func:`_similarities`) both route pairs through it: a new rule goes into the table (a
# flag, a test, a handler) and both paths follow.

_F_ARABIC = 1  # Arabic script
_F_NO_KEY = 2  # empty skeleton key
_F_ABD = 4  # Abd- prefix ("abd wahab", "عبد الوهاب")
_F_INITIAL = 8  # a Latin initial (one letter)
_F_PERSIAN = 16  # Arabic script with a Persian letter (گيلاني)
_F_AL_JOINED = 32  # a Latin fold that may be the article written joined (alfaqih)
_F_ARTICLE = 64  # the token carried the article
_F_GIVEN = 128  # a Latin known given name (two different ones are capped)


def _token_flags(text: str, key: str, fold_: str, arabic: bool, article: bool) -> int:
    """The flag bits of one token (what the rule table reads).

    Example:
        >>> _token_flags("abd wahab", "BDHB", "abdwahab", False, True) == _F_ABD | _F_ARTICLE
        True
        >>> _token_flags("گيلاني", "KLN", "گيلاني", True, False) == _F_ARABIC | _F_PERSIAN
        True
    """
    flags = _F_ARTICLE if article else 0
    if not key:
        flags |= _F_NO_KEY
    if text.startswith(ABD_COMPOUND_PREFIXES):
        flags |= _F_ABD
    if arabic:
        flags |= _F_ARABIC
        if text.translate(persian_fold()) != text:
            flags |= _F_PERSIAN
        return flags
    if len(text) == 1:
        flags |= _F_INITIAL
    if joined_article(fold_):
        flags |= _F_AL_JOINED
    if plain_letters(text) in given_name_groups():
        flags |= _F_GIVEN
    return flags


def _joined_article(x: int, y: int) -> bool:
    """Two Latin tokens, the article on one only, the other's fold maybe ``al`` + name."""
    bare = y if x & _F_ARTICLE else x
    return not (x | y) & _F_ARABIC and bool((x ^ y) & _F_ARTICLE) and bool(bare & _F_AL_JOINED)


def _vowels_across(x: int, y: int) -> bool:
    """An Arabic and a Latin token, neither with a skeleton key (وي / Wei, واي / Wai): the
    spelling alone compares them, as across scripts."""
    return bool((x ^ y) & _F_ARABIC) and bool(x & y & _F_NO_KEY)


#: The routes of a token pair, in order: the first whose test holds decides. A test reads
#: the two tokens' flags and whether their texts are equal; it must be symmetric.
_RULES: tuple[tuple[str, Callable[[int, int, bool], bool]], ...] = (
    ("equal", lambda x, y, eq: eq),
    ("abd_both", lambda x, y, eq: bool(x & y & _F_ABD)),
    ("abd_one", lambda x, y, eq: bool((x ^ y) & _F_ABD)),
    ("persian", lambda x, y, eq: bool(x & y & _F_ARABIC) and bool((x | y) & _F_PERSIAN)),
    ("initial", lambda x, y, eq: not (x | y) & _F_ARABIC and bool((x | y) & _F_INITIAL)),
    ("no_key", lambda x, y, eq: bool((x | y) & _F_NO_KEY) and not _vowels_across(x, y)),
    ("cross", lambda x, y, eq: bool((x ^ y) & _F_ARABIC)),
    ("joined_article", lambda x, y, eq: _joined_article(x, y)),
    ("capped", lambda x, y, eq: bool(x & y & _F_GIVEN)),
    ("plain", lambda x, y, eq: True),
)
_ROUTE_NAMES = tuple(name for name, _ in _RULES)
#: Routes whose value is the plain same-script formula, or less (capped): computed in bulk
#: by the bulk path, and bounded by :func:`_plain_bounds`.
_PLAIN_ROUTES = (_ROUTE_NAMES.index("plain"), _ROUTE_NAMES.index("capped"))
#: The route of an Abd- token against a token without it (bulk: its bare name in bulk).
_ABD_ONE = _ROUTE_NAMES.index("abd_one")
#: The route of a token pair across scripts (bulk where only its plain formula applies).
_CROSS = _ROUTE_NAMES.index("cross")


@cache
def _route(x: int, y: int, equal: bool) -> int:
    """Index in ``_RULES`` of the rule a pair with flags ``x``, ``y`` takes."""
    return next(k for k, (_, test) in enumerate(_RULES) if test(x, y, equal))


def _skel(t: TokenTable, i: int, j: int) -> float:
    """The skeleton similarity at its coarse best: ``max(fine, COARSE_KEY * coarse)``,
    the coarse similarity computed only when it can win (not when the fine one reaches
    ``COARSE_KEY``, nor when the coarse keys are the fine ones)."""
    key = t.key
    a, b = key[i], key[j]
    sim = _LEV(a, b)
    if sim < COARSE_KEY:
        ckey = t.ckey
        ca, cb = ckey[i], ckey[j]
        if ca != a or cb != b:
            coarse_sim = COARSE_KEY * _LEV(ca, cb)
            if coarse_sim > sim:
                sim = coarse_sim
    return sim


def _plain_sim(t: TokenTable, i: int, j: int) -> float:
    """The plain same-script formula: skeleton and spelling, each at its coarse best
    (the spelling as :func:`_skel` takes the skeleton, with ``COARSE_FOLD``)."""
    folds = t.fold
    a, b = folds[i], folds[j]
    spell = _INDEL(a, b)
    if spell < COARSE_FOLD:
        cfolds = t.cfold
        ca, cb = cfolds[i], cfolds[j]
        if ca != a or cb != b:
            coarse_sim = COARSE_FOLD * _INDEL(ca, cb)
            if coarse_sim > spell:
                spell = coarse_sim
    return SKELETON_SHARE_SAME * _skel(t, i, j) + (1.0 - SKELETON_SHARE_SAME) * spell


def _capped(t: TokenTable, i: int, j: int, sim: float) -> float:
    """``sim``, capped when Latin tokens spell two different known given names, and
    raised to ``SAME_KNOWN_NAME`` when they spell one (Bill / William)."""
    if sim > DISTINCT_NAMES_MAX and _distinct_names(t.text[i], t.text[j]):
        return DISTINCT_NAMES_MAX
    if sim < SAME_KNOWN_NAME and same_known_name(t.text[i], t.text[j]):
        return SAME_KNOWN_NAME
    return sim


def typing_slip(a: str, b: str) -> bool:
    """Whether Latin tokens ``a`` and ``b`` are one name and its misspelling: of one length,
    ``TYPING_SLIP_LETTERS`` letters or more, differing by one letter written for another or
    by two neighbouring letters swapped, one of them an attested name spelling
    (``lexicon.attested_latin_spellings``) and the other not. Two attested spellings one
    letter apart are two names (Jaber / Saber). Their similarity is at least ``TYPING_SLIP``.

    Example:
        >>> typing_slip("rashid", "rasjid"), typing_slip("faisal", "faisla")
        (True, True)
        >>> typing_slip("jaber", "saber"), typing_slip("rashid", "rashiid"), typing_slip("omar", "omer")
        (False, False, False)
    """
    if len(a) != len(b) or len(a) < TYPING_SLIP_LETTERS or a == b:
        return False
    if Hamming.distance(a, b, score_cutoff=2) > 2:
        # Most words of one length differ in more letters: no slip, and no letter looked at
        # in Python.
        return False
    diff = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 2:
        first, second = diff
        if second != first + 1 or a[first] != b[second] or a[second] != b[first]:
            return False
    elif len(diff) != 1:
        return False
    known = attested_latin_spellings()
    return (a in known) != (b in known)


def _slip(t: TokenTable, i: int, j: int) -> bool:
    """:func:`typing_slip` of two tokens' letters (no Arabic token is attested in Latin)."""
    return typing_slip(plain_letters(t.text[i]), plain_letters(t.text[j]))


def _plain_or_slip(t: TokenTable, i: int, j: int) -> float:
    """The plain formula, raised to ``TYPING_SLIP`` for a misspelt name (Rashid / Rasjid)."""
    sim = _plain_sim(t, i, j)
    if sim < TYPING_SLIP and len(t.text[i]) == len(t.text[j]) and _slip(t, i, j):
        return TYPING_SLIP
    return sim


def _with_joined_article(t: TokenTable, i: int, j: int) -> float:
    # "ALFAGIH" for "AL FAQIH": the article written joined to the name.
    sim = _capped(t, i, j, _plain_sim(t, i, j))
    bare, other = (j, i) if t.article[i] else (i, j)
    return max(sim, t.similarity(t.intern(t.text[bare][2:], True), other))


def _abd_both(t: TokenTable, i: int, j: int) -> float:
    # Abd + divine name: the shared 'Abd' says nothing; compare what follows.
    return t.similarity(_strip_abd(t, i), _strip_abd(t, j))


def _abd_one_parts(t: TokenTable, i: int, j: int) -> tuple[int, int]:
    """(the Abd- token without its prefix, the other token) of an ``abd_one`` pair."""
    abd_i = bool(t.flags[i] & _F_ABD)
    return _strip_abd(t, i if abd_i else j), (j if abd_i else i)


def _abd_dropped(t: TokenTable, bare: int, sim: float) -> float:
    """The value of an ``abd_one`` pair from the similarity of its bare name to the other."""
    return min(ABD_DROPPED, sim) if t.key[bare] else 0.0


def _abd_one(t: TokenTable, i: int, j: int) -> float:
    # 'Abdul Hanif' vs 'Hanif': the servant prefix is often dropped in lists.
    bare, other = _abd_one_parts(t, i, j)
    return _abd_dropped(t, bare, t.similarity(bare, other)) if t.key[bare] else 0.0


def _persian(t: TokenTable, i: int, j: int) -> float:
    # گيلاني / كيلاني: a Persian letter where other Arabic-script text writes its
    # Arabic stand-in; the two spellings compare as if both wrote the Arabic letter.
    fa, fb = t.text[i].translate(persian_fold()), t.text[j].translate(persian_fold())
    return t.similarity(t.intern(fa, t.article[i]), t.intern(fb, t.article[j]))


def _initial(t: TokenTable, i: int, j: int) -> float:
    # An initial ("A. Khamenei") agrees with any name that starts with it.
    return INITIAL if plain_letters(t.text[i][0]) == plain_letters(t.text[j][0]) else 0.0


def _cross(t: TokenTable, i: int, j: int) -> float:
    skel = _skel(t, i, j)
    return _cross_script(t, i, j, skel) if t.arabic[i] else _cross_script(t, j, i, skel)


#: The handler of each route of ``_RULES``, in its order.
_HANDLERS: tuple[Callable[[TokenTable, int, int], float], ...] = (
    lambda t, i, j: 1.0,
    _abd_both,
    _abd_one,
    _persian,
    _initial,
    lambda t, i, j: 0.0,
    _cross,
    _with_joined_article,
    lambda t, i, j: _capped(t, i, j, _plain_sim(t, i, j)),
    _plain_or_slip,
)


#: The handler of each combination of two tokens' flags and their text equality
#: (``x << 9 | y << 1 | equal``, as :func:`_routes` packs them), filled as pairs meet it
#: (bounded: at most ``1 << (2 * _FLAG_BITS + 1)`` entries).
_HANDLER_OF: dict[int, Callable[[TokenTable, int, int], float]] = {}


def _similarity(t: TokenTable, i: int, j: int) -> float:
    flags, text_id = t.flags, t.text_id
    x, y, equal = flags[i], flags[j], text_id[i] == text_id[j]
    combo = (x << (_FLAG_BITS + 1)) | (y << 1) | equal
    handler = _HANDLER_OF.get(combo)
    if handler is None:
        handler = _HANDLER_OF[combo] = _HANDLERS[_route(x, y, equal)]
    return handler(t, i, j)


#: Bits of a token's flags (all flags fit in them: a pair's combination is a table index).
_FLAG_BITS = 8
#: The route of each combination of two tokens' flags and their text equality
#: (``x << 9 | y << 1 | equal``), -1 until a pair with it is met (:func:`_routes`).
_ROUTE_OF: list[np.ndarray] = []


def _routes(t: TokenTable, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The route (index in ``_RULES``) of each pair ``(x[k], y[k])``."""
    import numpy as np

    if not _ROUTE_OF:
        _ROUTE_OF.append(np.full(1 << (2 * _FLAG_BITS + 1), -1, dtype=np.int64))
    table = _ROUTE_OF[0]
    xa, ya = np.asarray(x, dtype=np.int64), np.asarray(y, dtype=np.int64)
    flags, text_id = t._column("flags"), t._column("text_id")
    combos = (flags[xa] << (_FLAG_BITS + 1)) | (flags[ya] << 1) | (text_id[xa] == text_id[ya])
    routes = table[combos]
    missing = routes < 0
    if missing.any():
        mask = (1 << _FLAG_BITS) - 1
        for c in np.unique(combos[missing]).tolist():
            table[c] = _route(c >> (_FLAG_BITS + 1), (c >> 1) & mask, bool(c & 1))
        routes = table[combos]
    return routes


def _plain_bounds(t: TokenTable, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Upper bounds of the plain formula of each pair, from character counts alone (a
    Levenshtein or Indel alignment cannot match a character more often than both strings
    hold it); the counts of each token are taken once (:meth:`TokenTable._counts`)."""
    import numpy as np

    rows = t._counts()

    def ratio(name: str, lev: bool) -> np.ndarray:
        col = rows[name]
        return _mask_ratio(col[x], col[y], lev)

    skel = np.maximum(ratio("key", True), COARSE_KEY * ratio("ckey", True))
    spell = np.maximum(ratio("fold", False), COARSE_FOLD * ratio("cfold", False))
    return SKELETON_SHARE_SAME * skel + (1.0 - SKELETON_SHARE_SAME) * spell


#: Added to a character-count bound before it is compared with a floor (float rounding).
_FLOOR_SLACK = 1e-9


def _plain_values(t: TokenTable, px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """The plain formula of each pair, by rapidfuzz ``cpdist`` over the feature columns."""
    import numpy as np
    from rapidfuzz import process

    ax, ay = np.asarray(px, dtype=np.int64), np.asarray(py, dtype=np.int64)

    def dist(name: str, scorer: object) -> np.ndarray:
        col = t._column(name)
        return process.cpdist(col[ax].tolist(), col[ay].tolist(), scorer=scorer, dtype=np.float64)

    skel = np.maximum(
        dist("key", Levenshtein.normalized_similarity),
        COARSE_KEY * dist("ckey", Levenshtein.normalized_similarity),
    )
    spell = np.maximum(
        dist("fold", Indel.normalized_similarity),
        COARSE_FOLD * dist("cfold", Indel.normalized_similarity),
    )
    return SKELETON_SHARE_SAME * skel + (1.0 - SKELETON_SHARE_SAME) * spell


def _slip_pairs(t: TokenTable, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The positions ``k`` where tokens ``x[k]`` and ``y[k]`` are a misspelt name
    (:func:`_plain_or_slip`'s test): texts of one length, ``TYPING_SLIP_LETTERS`` or more,
    one of them an attested spelling and the other not (:meth:`TokenTable._slip_keys`), at
    most two letters apart (rapidfuzz Hamming), then :func:`typing_slip`."""
    import numpy as np
    from rapidfuzz import process

    if not len(x):
        return np.zeros(0, dtype=np.int64)
    keys = t._slip_keys(np.concatenate([x, y]))
    kx, ky = keys[: len(x)], keys[len(x) :]
    # One length (the same key but for the last bit), one attested and the other not.
    at = np.flatnonzero(((kx ^ ky) == 1) & (kx >= 2 * TYPING_SLIP_LETTERS))
    if not len(at):
        return at
    texts = t._column("text")
    far = process.cpdist(
        texts[x[at]].tolist(), texts[y[at]].tolist(), scorer=Hamming.distance, dtype=np.int64
    )
    at = at[far <= 2]
    keep = [_slip(t, int(i), int(j)) for i, j in zip(x[at].tolist(), y[at].tolist(), strict=True)]
    return at[np.asarray(keep, dtype=bool)] if keep else at


def _plain_low(
    t: TokenTable, x: np.ndarray, y: np.ndarray, routes: np.ndarray, floor: float
) -> np.ndarray:
    """Which pairs of the plain routes are surely under ``floor``: their character-count
    bound (:func:`_plain_bounds`) is, and they are neither two spellings of one known name
    (raised to ``SAME_KNOWN_NAME`` by :func:`_capped`) nor a misspelt name (raised to
    ``TYPING_SLIP`` by :func:`_plain_or_slip`) where those reach the floor."""
    import numpy as np

    plain, capped = _PLAIN_ROUTES
    low = _plain_bounds(t, x, y) + _FLOOR_SLACK < floor
    text = t.text
    if floor <= SAME_KNOWN_NAME + _FLOOR_SLACK:
        # The character counts do not bound two spellings of one known name.
        for at in np.flatnonzero(low & (routes == capped)).tolist():
            low[at] = not same_known_name(text[int(x[at])], text[int(y[at])])
    if floor <= TYPING_SLIP + _FLOOR_SLACK:
        # Nor a misspelt name.
        at = np.flatnonzero(low & (routes == plain))
        low[at[_slip_pairs(t, x[at], y[at])]] = False
    return low


def _similarities(
    t: TokenTable,
    x: Sequence[int] | np.ndarray,
    y: Sequence[int] | np.ndarray,
    floor: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_similarity` of each pair ``(x[k], y[k])``, and which of them are exact.

    Pairs of the plain routes are computed at once (those whose character-count bound is
    under ``floor`` are given 0, not exact), an Abd- token against one without it from its
    bare name in bulk, the others one by one.
    """
    import numpy as np

    xa, ya = np.asarray(x, dtype=np.int64), np.asarray(y, dtype=np.int64)
    routes = _routes(t, xa, ya)
    out = np.zeros(len(xa), dtype=np.float64)
    exact = np.ones(len(xa), dtype=bool)
    bulk = np.flatnonzero(np.isin(routes, _PLAIN_ROUTES))
    plain, capped = _PLAIN_ROUTES
    if floor is not None and len(bulk):
        low = _plain_low(t, xa[bulk], ya[bulk], routes[bulk], floor)
        exact[bulk[low]] = False
        bulk = bulk[~low]
    if len(bulk):
        out[bulk] = _plain_values(t, xa[bulk], ya[bulk])
        for k in bulk[routes[bulk] == capped].tolist():
            out[k] = _capped(t, int(xa[k]), int(ya[k]), float(out[k]))
        at = bulk[(routes[bulk] == plain) & (out[bulk] < TYPING_SLIP)]
        out[at[_slip_pairs(t, xa[at], ya[at])]] = TYPING_SLIP
    abd = np.flatnonzero(routes == _ABD_ONE)
    if len(abd):
        # The bare names against the other tokens, in bulk (and under the same floor).
        parts = [_abd_one_parts(t, int(xa[k]), int(ya[k])) for k in abd.tolist()]
        values, inner = _similarities(t, [p for p, _ in parts], [o for _, o in parts], floor)
        for k, (bare, _), v, e in zip(
            abd.tolist(), parts, values.tolist(), inner.tolist(), strict=True
        ):
            out[k] = _abd_dropped(t, bare, v)
            exact[k] = e or not t.key[bare]
    cross = np.flatnonzero(routes == _CROSS)
    done = np.zeros(len(xa), dtype=bool)
    if len(cross):
        # Oriented (Arabic token, Latin token), as _cross orients them.
        cx, cy = xa[cross], ya[cross]
        first = t._column("arabic")[cx]
        values, ok, sure = _cross_values(t, np.where(first, cx, cy), np.where(first, cy, cx), floor)
        out[cross[ok]] = values[ok]
        exact[cross] = sure | ~ok
        done[cross[ok]] = True
    rest = ~np.isin(routes, (*_PLAIN_ROUTES, _ABD_ONE)) & ~done
    for k in np.flatnonzero(rest).tolist():
        out[k] = t.similarity(int(xa[k]), int(ya[k]))
    return out, exact


def _under_floor(t: TokenTable, x: np.ndarray, y: np.ndarray, floor: float) -> np.ndarray:
    """Which pairs ``(x[k], y[k])`` :func:`_similarities` surely gives 0 under ``floor``
    (not exact) from character counts alone: pairs of the plain routes under it
    (:func:`_plain_low`), and pairs across scripts whose bound over every branch of
    :func:`_cross_script` is under it (:func:`_cross_upper`: the plain formula, the kept
    letters', aspirate and digraph readings; not the ending's, the article's or the alif
    maqsura's). The others: False."""
    import numpy as np

    routes = _routes(t, x, y)
    low = np.zeros(len(x), dtype=bool)
    bulk = np.flatnonzero(np.isin(routes, _PLAIN_ROUTES))
    if len(bulk):
        low[bulk] = _plain_low(t, x[bulk], y[bulk], routes[bulk], floor)
    cross = np.flatnonzero(routes == _CROSS)
    if len(cross):
        cx, cy = x[cross], y[cross]
        first = t._column("arabic")[cx]
        ar, lat = np.where(first, cx, cy), np.where(first, cy, cx)
        ok, digraph, ending, article = _cross_kinds(t, ar, lat)
        plain = np.flatnonzero(ok & ~(digraph | ending | article))
        low[cross[plain]] = _cross_bounds(t, ar[plain], lat[plain]) + _FLOOR_SLACK < floor
        one = np.flatnonzero(~ok)
        if len(one):
            low[cross[one]] = _cross_upper(t, ar[one], lat[one]) + _FLOOR_SLACK < floor
    return low


# The bits of :func:`_kind_bits`: what an Arabic token or a Latin token brings to the rule
# a cross-script pair of them takes.
_K_ENDING = 1  # a ta marbuta (or final ه) ending, one word of three letters or more
_K_MAQSURA = 2  # a kept alif maqsura ending (_maqsura)
_K_INNER_H = 4  # a ه before its last letter (the aspirate readings)
_K_ARTICLE = 8  # the token carried the article
_K_HAS_H = 16  # an h (the aspirate readings)
_K_DIGRAPH = 32  # digraph readings (digraph_readings)
_K_FINAL_A = 64  # a fold that ends in a
_K_KEPT = 128  # a letter that is not ASCII (kept_readings)


def _kind_bits(t: TokenTable, i: int) -> int:
    """The bits of token ``i`` that hold, of those of its own script: :data:`_K_ENDING`,
    :data:`_K_MAQSURA`, :data:`_K_INNER_H` of an Arabic token, :data:`_K_HAS_H`,
    :data:`_K_DIGRAPH`, :data:`_K_FINAL_A`, :data:`_K_KEPT` of a Latin one, and
    :data:`_K_ARTICLE` of either.

    Example:
        >>> t = TokenTable()
        >>> _kind_bits(t, t.intern("زهره", False)) == _K_ENDING | _K_INNER_H
        True
        >>> _kind_bits(t, t.intern("shamsa", True)) == _K_ARTICLE | _K_HAS_H | _K_FINAL_A
        True
    """
    text = t.text[i]
    bits = _K_ARTICLE if t.article[i] else 0
    if t.arabic[i]:
        return (
            bits
            | (_K_ENDING if text.endswith(_TA_MARBUTA) and len(text) > 2 and " " not in text else 0)
            | (_K_MAQSURA if _maqsura(text) else 0)
            | (_K_INNER_H if "ه" in text[:-1] else 0)
        )
    return (
        bits
        | (_K_HAS_H if "h" in text else 0)
        | (_K_DIGRAPH if digraph_readings(text) else 0)
        | (_K_FINAL_A if t.fold[i].endswith("a") else 0)
        | (_K_KEPT if not text.isascii() else 0)
    )


def _cross_kinds(
    t: TokenTable, ar: np.ndarray, lat: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Which (Arabic, Latin) pairs take the plain cross-script formula, maybe with the
    Arabic ending's reading, the article on the Arabic side only and the Latin digraph
    readings, and not the aspirate (the reverse band is looked at once the spelling is
    known); which of them take the digraph readings; which the ending; and which the
    article. Tested once per token (:meth:`TokenTable._cross_bits`)."""
    a, b = t._cross_bits(ar), t._cross_bits(lat)

    def has(bits: np.ndarray, bit: int) -> np.ndarray:
        return (bits & bit) != 0

    # A kept alif maqsura against a Latin a ending, and a Latin token with kept letters
    # (_kept_sim), are read one by one.
    bulk = ~(has(b, _K_HAS_H) & has(a, _K_INNER_H))
    bulk &= ~(has(a, _K_MAQSURA) & has(b, _K_FINAL_A)) & ~has(b, _K_KEPT)
    return (
        bulk,
        bulk & has(b, _K_DIGRAPH),
        bulk & has(a, _K_ENDING),
        bulk & has(a, _K_ARTICLE) & ~has(b, _K_ARTICLE),
    )


def _best_reading(
    cands: list[tuple[tuple[str, str, float], ...]] | list[list[tuple[str, str, float]]],
    ia: np.ndarray,
    lat_fold: np.ndarray,
    lat_key: np.ndarray | None,
) -> np.ndarray:
    """Per pair ``k``: the best ``factor * (fold share * Indel(fold, lat_fold[k]) + key
    share * Levenshtein(key, lat_key[k]))`` over the readings ``(fold, key, factor)`` of
    ``cands[ia[k]]``, 0 when none is higher (rapidfuzz ``cpdist`` over all at once).
    Without ``lat_key``: the best ``factor * Indel(fold, lat_fold[k])``."""
    import numpy as np
    from rapidfuzz import process

    per_token = np.fromiter(map(len, cands), dtype=np.int64, count=len(cands))
    first = np.cumsum(per_token) - per_token
    flat = list(chain.from_iterable(cands))
    out = np.zeros(len(ia), dtype=np.float64)
    if not flat:
        return out
    counts = per_token[ia]
    # Row r of pair k reads candidate first[token of k] + (r - start of k's rows).
    starts = np.cumsum(counts) - counts
    pair = np.repeat(np.arange(len(ia)), counts)
    row = (first[ia] - starts)[pair] + np.arange(len(pair))
    # One field at a time (``zip(*flat)`` passes every reading as an argument: five
    # times slower on the hundred thousand readings of a chunk of pairs).
    cand_fold = np.fromiter(map(itemgetter(0), flat), dtype=object, count=len(flat))
    cand_key = np.fromiter(map(itemgetter(1), flat), dtype=object, count=len(flat))
    factor = np.fromiter(map(itemgetter(2), flat), dtype=np.float64, count=len(flat))
    spell = process.cpdist(
        cand_fold[row].tolist(),
        lat_fold[pair].tolist(),
        scorer=Indel.normalized_similarity,
        dtype=np.float64,
    )
    weight = factor[row]
    if lat_key is None:
        sims = weight * spell
    else:
        lev = process.cpdist(
            cand_key[row].tolist(),
            lat_key[pair].tolist(),
            scorer=Levenshtein.normalized_similarity,
            dtype=np.float64,
        )
        sims = weight * (_FOLD_SHARE * spell + _KEY_SHARE * lev)
    has = counts > 0
    out[has] = np.maximum(np.maximum.reduceat(sims, starts[has]), 0.0)
    return out


def _cross_spell(t: TokenTable, ar: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """:func:`_cross_fold_sim` of each (Arabic, Latin) pair, over all the pairs'
    candidate readings at once."""
    import numpy as np

    ua, ia = np.unique(ar, return_inverse=True)
    cands = [t.candidates(a) for a in ua.tolist()]
    return _best_reading(cands, ia.reshape(-1), t._column("fold")[lat], t._column("key")[lat])


def _stem(lat_text: str) -> tuple[str, str] | None:
    """The fold and skeleton of a Latin token without its ta marbuta ending, as
    :func:`_ending_sim` reads it (``None`` when it has none)."""
    stem = _TA_MARBUTA_LATIN.sub("", lat_text)
    if stem == lat_text or len(stem) < 2:
        return None
    return fold_skeleton(stem)


def _ending_spell(t: TokenTable, ar: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """:func:`_ending_sim` of each (Arabic, Latin) pair, over all the pairs' readings at
    once."""
    import numpy as np

    texts = t.text
    ul, il = np.unique(lat, return_inverse=True)
    stems = [_stem(plain_letters(texts[b])) for b in ul.tolist()]
    has = np.array([s is not None for s in stems], dtype=bool)[il.reshape(-1)]
    out = np.zeros(len(ar), dtype=np.float64)
    at = np.flatnonzero(has)
    if not len(at):
        return out
    stem_fold, stem_key = np.empty(len(stems), dtype=object), np.empty(len(stems), dtype=object)
    stem_fold[:], stem_key[:] = zip(*(s or ("", "") for s in stems), strict=True)
    ua, ia = np.unique(ar[at], return_inverse=True)
    cands = [
        [(_TA_MARBUTA_FOLD.sub("", f), key, factor) for f, key, factor in t.candidates(a)]
        for a in ua.tolist()
    ]
    lat_at = il.reshape(-1)[at]
    out[at] = _best_reading(cands, ia.reshape(-1), stem_fold[lat_at], stem_key[lat_at])
    return out


def _cross_values(
    t: TokenTable, ar: np.ndarray, lat: np.ndarray, floor: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_cross` of each (Arabic, Latin) pair where it is the plain cross-script
    formula, maybe with the Arabic ending's and the Latin digraph readings, computed in
    bulk; which pairs those are (the others are left to the one by one path, bit for
    bit the same); and which of the values are exact. With ``floor``, the plain formula
    of a pair without the ending's or the article's readings whose character-count bound
    (:func:`_cross_bounds`) is under it counts 0, and the digraph readings are taken
    under the floor they would need to reach it; a value they leave under the floor counts
    0 too (not exact, not cached), as :meth:`TokenTable.similarities` promises."""
    import numpy as np

    ok, digraph, ending, article = _cross_kinds(t, ar, lat)
    out = np.zeros(len(ar), dtype=np.float64)
    sure = np.ones(len(ar), dtype=bool)
    at = np.flatnonzero(ok)
    if floor is not None and len(at):
        # The plain formula's bound under the floor: that value is not computed (0); the
        # digraph readings' values are, under the floor they would need to reach it.
        plain = at[~(ending[at] | article[at])]
        low = plain[_cross_bounds(t, ar[plain], lat[plain]) + _FLOOR_SLACK < floor]
        sure[low] = False
        at = np.setdiff1d(at, low, assume_unique=True)
    if len(at):
        _cross_plain(t, ar, lat, at, ok, article, ending, out)
    more = np.flatnonzero(ok & digraph)
    if len(more):
        values, exact = _digraph_values(t, ar[more], lat[more], floor)
        out[more] = np.maximum(out[more], values)
        # Exact where every part was, or where it reaches the floor: a part left out (a
        # plain value bounded under it, a reading under it once discounted) is under it.
        sure[more] &= exact
        if floor is not None:
            sure[more] |= out[more] >= floor
            out[more[~sure[more]]] = 0.0  # under the floor, as a bounded plain value
    return out, ok, sure


def _cross_plain(
    t: TokenTable,
    ar: np.ndarray,
    lat: np.ndarray,
    at: np.ndarray,
    ok: np.ndarray,
    article: np.ndarray,
    ending: np.ndarray,
    out: np.ndarray,
) -> None:
    """The plain cross-script formula of the pairs ``at`` into ``out``, with the Arabic
    ending's readings and the article on the Arabic side only (:func:`_cross_values`);
    a pair in the reverse band is left to the one by one path (``ok`` False)."""
    import numpy as np
    from rapidfuzz import process

    xa, ya = ar[at], lat[at]

    def dist(name: str) -> np.ndarray:
        col = t._column(name)
        return process.cpdist(
            col[xa].tolist(),
            col[ya].tolist(),
            scorer=Levenshtein.normalized_similarity,
            dtype=np.float64,
        )

    skel = np.maximum(dist("key"), COARSE_KEY * dist("ckey"))
    spell = _cross_spell(t, xa, ya)
    end = np.flatnonzero(ending[at])
    if len(end):
        spell[end] = np.maximum(spell[end], _ending_spell(t, xa[end], ya[end]))
    texts = t.text
    differs = _final_vowels_differ(t, xa, ya)
    if len(differs):
        spell[differs] = spell[differs] * FINAL_VOWEL
    # The reverse band asks the Latin token's Arabic spellings: one by one.
    band = np.flatnonzero((spell >= REVERSE_BAND[0]) & (spell < REVERSE_BAND[1]))
    for k, a, b in zip(band.tolist(), xa[band].tolist(), ya[band].tolist(), strict=True):
        if " " not in texts[b] + texts[a] and _spellings(plain_letters(texts[b])):
            ok[at[k]] = False
    out[at] = SKELETON_SHARE_CROSS * skel + (1.0 - SKELETON_SHARE_CROSS) * spell
    art = np.flatnonzero(ok & article)
    if len(art):
        out[art] = _article_values(t, ar[art], lat[art], out[art])


def _cross_bounds(t: TokenTable, ar: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Upper bounds of the plain cross-script formula of each (Arabic, Latin) pair (no
    ending, article, digraph or kept-letter readings), from character counts alone (an
    alignment cannot match a character more often than both strings hold it): the
    skeletons as :func:`_plain_bounds` bounds them, each reading's spelling by the most
    of each character any reading of the Arabic token holds and the shortest reading
    (its rank factor is at most 1), and the reverse band at its most where the bound
    reaches it. The counts of each token are taken once (:meth:`TokenTable._counts`)."""
    rows = t._counts(ar)
    return _cross_mask_bounds(rows, ar, rows["key"][lat], rows["ckey"][lat], rows["fold"][lat])


def _cross_mask_bounds(
    rows: dict[str, np.ndarray],
    ar: np.ndarray,
    key: np.ndarray,
    ckey: np.ndarray,
    fold_: np.ndarray,
) -> np.ndarray:
    """:func:`_cross_bounds` of the Arabic tokens ``ar`` against Latin spellings given by
    the character masks of their skeleton, coarse skeleton and fold (one row a pair)."""
    import numpy as np

    skel = np.maximum(
        _mask_ratio(rows["key"][ar], key, True),
        COARSE_KEY * _mask_ratio(rows["ckey"][ar], ckey, True),
    )
    folds = _mask_ratio(rows["reading_fold"][ar], fold_, False)
    keys = _mask_ratio(rows["reading_key"][ar], key, True)
    spell = np.where(
        rows["reading"][ar],
        np.minimum(_FOLD_SHARE * np.minimum(folds, 1.0) + _KEY_SHARE * np.minimum(keys, 1.0), 1.0),
        0.0,
    )
    band = spell + _FLOOR_SLACK >= REVERSE_BAND[0]
    spell[band] = (1.0 - REVERSE) * spell[band] + REVERSE
    return SKELETON_SHARE_CROSS * skel + (1.0 - SKELETON_SHARE_CROSS) * spell


#: How many readings deep :func:`_cross_upper` follows a reading of a reading (a digraph
#: reading of the aspirate reading...) before it gives up (bound 1).
_UPPER_DEPTH = 3


def _cross_upper(
    t: TokenTable, ar: np.ndarray, lat: np.ndarray, depth: int = _UPPER_DEPTH
) -> np.ndarray:
    """Upper bounds of :func:`_cross_script` of each (Arabic, Latin) pair, from character
    counts alone, with every branch it may take: the plain formula (:func:`_cross_bounds`),
    the kept letters' readings, the aspirate reading and the digraph readings, each a
    similarity times its discount (the branch's own bound, or its tokens' similarity bound
    read again here). A pair with the ending's, the article's or the alif maqsura's
    readings, or a reading whose tokens take another route, is not bounded (1).

    Example:
        >>> import numpy as np
        >>> t = TokenTable()
        >>> i, j, k = t.intern("شاهين", False), t.intern("šahin", False), t.intern("kadhimi", False)
        >>> ub = _cross_upper(t, np.array([i, i]), np.array([j, k]))
        >>> bool(ub[0] >= t.similarity(i, j)), bool(ub[1] < 0.55)
        (True, True)
    """
    import numpy as np

    out = np.ones(len(ar), dtype=np.float64)
    if not len(ar) or depth <= 0:
        return out
    a, b = t._cross_bits(ar), t._cross_bits(lat)
    loose = ((a & _K_ENDING) != 0) | (((a & _K_ARTICLE) != 0) & ((b & _K_ARTICLE) == 0))
    loose |= ((a & _K_MAQSURA) != 0) & ((b & _K_FINAL_A) != 0)
    at = np.flatnonzero(~loose)
    if not len(at):
        return out
    xa, ya, ab, bb = ar[at], lat[at], a[at], b[at]
    best = _cross_bounds(t, xa, ya)
    kept = np.flatnonzero((bb & _K_KEPT) != 0)
    if len(kept):
        best[kept] = np.maximum(best[kept], LATIN_DIGRAPH * _kept_upper(t, xa[kept], ya[kept]))
    asp = np.flatnonzero(((bb & _K_HAS_H) != 0) & ((ab & _K_INNER_H) != 0))
    if len(asp):
        best[asp] = np.maximum(best[asp], ASPIRATE * _aspirate_upper(t, xa[asp], ya[asp], depth))
    dig = np.flatnonzero((bb & _K_DIGRAPH) != 0)
    if len(dig):
        best[dig] = np.maximum(
            best[dig], LATIN_DIGRAPH * _digraph_upper(t, xa[dig], ya[dig], depth)
        )
    out[at] = best
    return out


def _similarity_upper(t: TokenTable, x: np.ndarray, y: np.ndarray, depth: int) -> np.ndarray:
    """Upper bounds of :meth:`TokenTable.similarity` of (Arabic, Latin) pairs of tokens (1
    where their route is not the cross-script one)."""
    import numpy as np

    out = np.ones(len(x), dtype=np.float64)
    cross = np.flatnonzero(_routes(t, x, y) == _CROSS)
    if len(cross):
        out[cross] = _cross_upper(t, x[cross], y[cross], depth - 1)
    return out


def _aspirate_upper(t: TokenTable, ar: np.ndarray, lat: np.ndarray, depth: int) -> np.ndarray:
    """Upper bounds of :func:`_aspirate_sim` of each pair, before its discount (0 where the
    Arabic token has no aspirate reading)."""
    import numpy as np

    texts, article = t.text, t.article
    out = np.zeros(len(ar), dtype=np.float64)
    alts = [aspirated(texts[i]) for i in ar.tolist()]
    has = np.flatnonzero(np.array([w is not None for w in alts], dtype=bool))
    if len(has):
        alt = np.array(
            [
                t.intern(alts[k], article[i])
                for k, i in zip(has.tolist(), ar[has].tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        out[has] = _similarity_upper(t, alt, lat[has], depth)
    return out


def _digraph_upper(t: TokenTable, ar: np.ndarray, lat: np.ndarray, depth: int) -> np.ndarray:
    """Upper bounds of :func:`_digraph_sim` of each pair, before its discount: the best
    bound of the Arabic token against the Latin token's digraph readings."""
    import numpy as np

    texts, article = t.text, t.article
    ul, il = np.unique(lat, return_inverse=True)
    alts = [[t.intern(r, article[b]) for r in digraph_readings(texts[b])] for b in ul.tolist()]
    return _best_upper(
        alts, il.reshape(-1), lambda rows, alt: _similarity_upper(t, ar[rows], alt, depth)
    )


def _kept_upper(t: TokenTable, ar: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Upper bounds of :func:`_kept_sim` of each pair, before its discount: the plain
    formula's bound (:func:`_cross_mask_bounds`) of each kept-letter reading (whose factor is
    at most 1); 1 for a reading that ends in a where the Arabic token has the alif
    maqsura's reading (the pairs given here have neither the ending's nor the article's)."""
    import numpy as np

    ul, il = np.unique(lat, return_inverse=True)
    per = [kept_readings(t.text[b]) for b in ul.tolist()]
    flat = list(chain.from_iterable(per))
    if not flat:
        return np.zeros(len(ar), dtype=np.float64)
    masks = {
        name: _char_masks(_char_counts([r[k] for r in flat]))
        for k, name in ((1, "fold"), (2, "key"), (3, "ckey"))
    }
    final_a = np.array([r[1].endswith("a") for r in flat], dtype=bool)
    rows = t._counts(ar)
    maqsura = (t._cross_bits(ar) & _K_MAQSURA) != 0
    start = np.cumsum([len(r) for r in per]) - np.array([len(r) for r in per])
    readings = [list(range(s, s + len(r))) for s, r in zip(start.tolist(), per, strict=True)]

    def bound(at: np.ndarray, reading: np.ndarray) -> np.ndarray:
        got = _cross_mask_bounds(
            rows, ar[at], masks["key"][reading], masks["ckey"][reading], masks["fold"][reading]
        )
        return np.where(maqsura[at] & final_a[reading], 1.0, got)

    return _best_upper(readings, il.reshape(-1), bound)


def _best_upper(
    alts: list[list[int]],
    which: np.ndarray,
    bound: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> np.ndarray:
    """Per pair ``k``: the largest ``bound(pairs, alternatives)`` over the alternatives
    ``alts[which[k]]`` (token ids, or rows), 0 when it has none; all at once."""
    import numpy as np

    per = np.fromiter(map(len, alts), dtype=np.int64, count=len(alts))
    flat = np.fromiter(chain.from_iterable(alts), dtype=np.int64, count=int(per.sum()))
    counts = per[which]
    out = np.zeros(len(which), dtype=np.float64)
    has = counts > 0
    if not has.any():
        return out
    starts = np.cumsum(counts) - counts
    pair = np.repeat(np.arange(len(which)), counts)
    first = np.cumsum(per) - per
    row = (first[which] - starts)[pair] + np.arange(len(pair))
    got = bound(pair, flat[row])
    out[has] = np.maximum.reduceat(got, starts[has])
    return out


#: Bits of a character mask (:func:`_char_masks`): one per character column.
_MASK_WIDTH = 64
#: The fields of a row of character masks: the characters held once or more, twice or
#: more, three times or more (a bit per column each), the count beyond three of all the
#: columns together, the length.
_MASK_FIELDS = 5
#: Tokens whose character counts :meth:`TokenTable._counts` takes at once.
_MASK_CHUNK = 16384
#: The feature columns of every token that :meth:`TokenTable._counts` masks.
_MASKED = ("key", "ckey", "fold", "cfold")
#: The Arabic letters, each a column of its own after the Latin letters and ``$``.
_ARABIC_LETTERS = ("\u0621", "\u063a"), ("\u0641", "\u064a")


@cache
def _mask_columns() -> np.ndarray:
    """The column of each character code up to the Arabic letters in
    :func:`_char_counts` (the last column: any other character). A Latin letter has one
    column for both cases (a skeleton is written in capitals, a fold in small letters)."""
    import numpy as np

    out = np.full(ord(_ARABIC_LETTERS[-1][1]) + 2, _MASK_WIDTH - 1, dtype=np.int64)
    for k, c in enumerate("abcdefghijklmnopqrstuvwxyz$"):
        out[ord(c)] = out[ord(c.upper())] = k
    column = 27
    for first, last in _ARABIC_LETTERS:
        for code in range(ord(first), ord(last) + 1):
            out[code] = column
            column += 1
    return out


def _char_counts(strings: list[str]) -> np.ndarray:
    """Per string, how often it holds the characters of each column of
    :func:`_mask_columns` (characters counted in one column only raise a bound from
    counts), and in one more column its length.

    Example:
        >>> counts = _char_counts(["kazim", "KZM", "كاظم", "ü"])
        >>> [int(counts[0, 0]), int(counts[1, 25]), int(counts[3, 63])], counts[:, -1].tolist()
        ([1, 1, 1], [5, 3, 4, 1])
    """
    import numpy as np

    width = _MASK_WIDTH + 1
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    codes = np.frombuffer("".join(strings).encode("utf-32-le"), dtype=np.uint32)
    columns = _mask_columns()
    column = columns[np.minimum(codes, len(columns) - 1)]
    cells = np.repeat(np.arange(len(strings), dtype=np.int64) * width, lengths) + column
    counts = np.bincount(cells, minlength=len(strings) * width).reshape(len(strings), width)
    counts[:, -1] = lengths
    return counts


def _char_masks(counts: np.ndarray) -> np.ndarray:
    """Rows of :data:`_MASK_FIELDS` unsigned integers from rows of :func:`_char_counts`:
    the columns held once or more, twice or more, three times or more (as bits), the
    counts beyond three together, the length. Two rows share at least as many characters
    as :func:`_mask_ratio` counts from them (exactly as many when no column of either
    holds more than three).

    Example:
        >>> m = _char_masks(_char_counts(["aaaab", "ab"]))
        >>> [bin(int(v)) for v in m[0, :3]], m[:, 3:].tolist()
        (['0b11', '0b1', '0b1'], [[1, 5], [0, 2]])
    """
    import numpy as np

    out = np.zeros((len(counts), _MASK_FIELDS), dtype=np.uint64)
    chars = counts[:, :_MASK_WIDTH]
    for level in range(3):
        bits = np.packbits(chars > level, axis=1, bitorder="little")
        out[:, level] = np.ascontiguousarray(bits).view(np.uint64).reshape(-1)
    out[:, 3] = np.maximum(chars - 3, 0).sum(axis=1)
    out[:, 4] = counts[:, -1]
    return out


def _mask_ratio(a: np.ndarray, b: np.ndarray, lev: bool) -> np.ndarray:
    """Per pair of rows of :func:`_char_masks`: the characters both hold (as many times as
    both hold them, at most) over the longer length (``lev``: a bound of the normalised
    Levenshtein similarity) or twice over the sum (of the Indel similarity); 1 when both
    lengths are 0.

    Example:
        >>> m = _char_masks(_char_counts(["kazim", "kadhim", ""]))
        >>> _mask_ratio(m[[0, 2]], m[[1, 2]], lev=False).round(3).tolist()
        [0.727, 1.0]
    """
    import numpy as np

    shared = np.minimum(a[:, 3], b[:, 3]).astype(np.int64)
    for level in range(3):
        shared += np.bitwise_count(a[:, level] & b[:, level])
    la, lb = a[:, 4].astype(np.int64), b[:, 4].astype(np.int64)
    total = np.maximum(la, lb) if lev else la + lb
    ratio = shared / np.maximum(total, 1)
    return np.where(total > 0, ratio if lev else 2.0 * ratio, 1.0)


def _final_vowels_differ(t: TokenTable, ar: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The positions ``k`` where :func:`_final_vowel_differs` holds for the pair
    ``(ar[k], lat[k])``, tested per distinct token."""
    import numpy as np

    texts = t.text
    ua, ia = np.unique(ar, return_inverse=True)
    ul, il = np.unique(lat, return_inverse=True)
    allowed = [_final_vowels_of(texts[a]) for a in ua.tolist()]
    last = [_final_vowel(texts[b]) for b in ul.tolist()]
    letters = list(LATIN_VOWELS)
    # Per distinct Arabic token: which Latin final vowels differ (none for a token the
    # table does not read); per distinct Latin token: its final vowel's column (-1: none).
    differ = np.array(
        [[v is not None and c not in v for c in letters] for v in allowed], dtype=bool
    ).reshape(len(allowed), len(letters))
    column = np.array([letters.index(c) if c else -1 for c in last], dtype=np.int64)
    ia, col = ia.reshape(-1), column[il.reshape(-1)]
    has = np.flatnonzero(col >= 0)
    return has[differ[ia[has], col[has]]]


def _article_values(t: TokenTable, ar: np.ndarray, lat: np.ndarray, sim: np.ndarray) -> np.ndarray:
    """The values ``sim`` of (Arabic, Latin) pairs, the article on the Arabic side only,
    raised as :func:`_cross_script_plain` raises them: the whole Arabic word read with its
    article (where ``sim`` is under ``WHOLE_WORD_BELOW``), and a Latin token that may be
    the article written joined, without it; over all the pairs at once."""
    import numpy as np
    from rapidfuzz import process

    texts, folds = t.text, t.fold
    out = sim.copy()
    lat_fold = t._column("fold")[lat]
    # The whole word: the best Indel of its folds to the Latin fold.
    whole = np.flatnonzero(
        (sim < WHOLE_WORD_BELOW) & np.array([" " not in texts[a] for a in ar.tolist()], dtype=bool)
    )
    if len(whole):
        ua, ia = np.unique(ar[whole], return_inverse=True)
        words = [
            [(f, "", 1.0) for f in _whole_folds(_ARTICLE + texts[a].replace(_ALIF_MAQSURA, _YA))]
            for a in ua.tolist()
        ]
        got = _best_reading(words, ia.reshape(-1), lat_fold[whole], None)
        out[whole] = np.maximum(out[whole], got)
    # The article written joined to the Latin name ('Elnady' for النادي).
    ul, il = np.unique(lat, return_inverse=True)
    rest = [folds[b][2:] if joined_article(folds[b], min_len=5) else None for b in ul.tolist()]
    joined = np.flatnonzero(np.array([r is not None for r in rest], dtype=bool)[il.reshape(-1)])
    if len(joined):
        rest_fold = np.empty(len(rest), dtype=object)
        rest_key = np.empty(len(rest), dtype=object)
        rest_fold[:] = [r or "" for r in rest]
        rest_key[:] = [skeleton(r) if r is not None else "" for r in rest]
        at = il.reshape(-1)[joined]
        ua, ia = np.unique(ar[joined], return_inverse=True)
        cands = [t.candidates(a) for a in ua.tolist()]
        spell = _best_reading(cands, ia.reshape(-1), rest_fold[at], rest_key[at])
        lev = process.cpdist(
            t._column("key")[ar[joined]].tolist(),
            rest_key[at].tolist(),
            scorer=Levenshtein.normalized_similarity,
            dtype=np.float64,
        )
        value = SKELETON_SHARE_CROSS * lev + (1.0 - SKELETON_SHARE_CROSS) * spell
        out[joined] = np.maximum(out[joined], value)
    return out


def _digraph_values(
    t: TokenTable, ar: np.ndarray, lat: np.ndarray, floor: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_digraph_sim` of each (Arabic, Latin) pair: the Arabic token against all
    the pairs' digraph readings at once (:meth:`TokenTable.similarities`), and which values
    are exact. With ``floor``, a reading whose similarity is surely too low for its
    discounted value to reach the floor counts 0 (the pair's value is then not exact
    unless it reaches the floor: a reading left out was under it)."""
    import numpy as np

    texts, article = t.text, t.article
    # The readings of each distinct Latin token, interned once.
    ul, il = np.unique(lat, return_inverse=True)
    alts = [
        [t.intern(reading, article[b]) for reading in digraph_readings(texts[b])]
        for b in ul.tolist()
    ]
    per_token = np.fromiter(map(len, alts), dtype=np.int64, count=len(alts))
    flat = np.fromiter(chain.from_iterable(alts), dtype=np.int64, count=int(per_token.sum()))
    il = il.reshape(-1)
    counts = per_token[il]
    out = np.zeros(len(ar), dtype=np.float64)
    exact = np.ones(len(ar), dtype=bool)
    has = counts > 0
    if not has.any():
        return out, exact
    # Row r of pair k reads reading first[token of k] + (r - start of k's rows).
    starts = np.cumsum(counts) - counts
    pair = np.repeat(np.arange(len(ar)), counts)
    first = np.cumsum(per_token) - per_token
    row = (first[il] - starts)[pair] + np.arange(len(pair))
    values, sure = t._lookup(ar[pair], flat[row], None if floor is None else floor / LATIN_DIGRAPH)
    sims = LATIN_DIGRAPH * values
    out[has] = np.maximum(np.maximum.reduceat(sims, starts[has]), 0.0)
    exact[has] = np.logical_and.reduceat(sure, starts[has])
    return out, exact


def _distinct_names(a: str, b: str) -> bool:
    """Whether Latin tokens ``a`` and ``b`` spell two different known given names (Luke and
    Lucy, Jamal and Jamil), not two spellings of one (Youssef and Yusuf)."""
    groups = given_name_groups()
    ga, gb = groups.get(plain_letters(a)), groups.get(plain_letters(b))
    return ga is not None and gb is not None and ga.isdisjoint(gb)


def same_known_name(a: str, b: str) -> bool:
    """Whether Latin tokens ``a`` and ``b`` are two spellings of one known given name: a
    nickname and its formal name (``nicknames_en.tsv``), or two spellings that the tables
    give one name (``lexicon.given_name_groups``). Their similarity is at least
    ``SAME_KNOWN_NAME``.

    Example:
        >>> same_known_name("bill", "william"), same_known_name("bob", "robert")
        (True, True)
        >>> same_known_name("bill", "robert"), same_known_name("bill", "bill"), same_known_name("bill", "smith")
        (False, True, False)
    """
    groups = given_name_groups()
    ga, gb = groups.get(plain_letters(a)), groups.get(plain_letters(b))
    return ga is not None and gb is not None and not ga.isdisjoint(gb)


def _cross_fold_sim(t: TokenTable, ar: int, latin_fold: str, latin_key: str) -> float:
    """Best similarity of an Arabic token's Latin readings to a Latin fold and skeleton."""
    best = 0.0
    indel, lev, fold_share, key_share = _INDEL, _LEV, _FOLD_SHARE, _KEY_SHARE
    # Readings that differ in their vowels share a skeleton: its similarity is computed once.
    key_sims: dict[str, float] = {}
    for f, key, factor in t._cands[ar] or t.candidates(ar):
        if factor <= best:
            # The rank factors fall and a reading's value is at most its factor: no later
            # reading can beat ``best``.
            break
        key_sim = key_sims.get(key)
        if key_sim is None:
            key_sim = key_sims[key] = lev(key, latin_key)
        sim = factor * (fold_share * indel(f, latin_fold) + key_share * key_sim)
        if sim > best:
            best = sim
    return best


def _ending_sim(t: TokenTable, ar: int, lat_text: str) -> float:
    """Similarity of the stems when an Arabic token ends in ta marbuta (or a final ه) and
    the Latin token ends as Latin spellings write it (Amira, Amirah, Ghareibeh): the
    ending and the readings' rendering of it (-a, -e, -ah, -eh, nothing) are set aside."""
    stem = _stem(lat_text)
    if stem is None:
        return 0.0
    lat_fold, lat_key = stem
    lev = Levenshtein.normalized_similarity
    best = 0.0
    for f, key, factor in t.candidates(ar):
        f = _TA_MARBUTA_FOLD.sub("", f)
        sim = factor * (
            _FOLD_SHARE * Indel.normalized_similarity(f, lat_fold) + _KEY_SHARE * lev(key, lat_key)
        )
        if sim > best:
            best = sim
    return best


def _maqsura(ar_text: str) -> bool:
    """Whether an Arabic token (one word, two letters before its end or more) ends in an
    alif maqsura ى that the parse kept."""
    return ar_text.endswith(_ALIF_MAQSURA) and len(ar_text) > 2 and " " not in ar_text


def _maqsura_sim(t: TokenTable, ar: int, lat_fold: str, lat_key: str) -> float:
    """Similarity of an Arabic token written with a final alif maqsura (موسى Musa, ليلى
    Layla, يحيى Yahya) to a Latin fold ending in a: the readings with their rendering of
    the final ي (i, e, y, a or nothing) read as a, discounted by ``ALIF_MAQSURA`` (ى is
    also written for a final ي, read i: the readings as they are win ties)."""
    best = 0.0
    indel, lev = _INDEL, _LEV
    for f, key, factor in t.candidates(ar):
        sim = factor * (
            _FOLD_SHARE * indel(_MAQSURA_FOLD.sub("a", f, count=1), lat_fold)
            + _KEY_SHARE * lev(key, lat_key)
        )
        if sim > best:
            best = sim
    return ALIF_MAQSURA * best


def _final_vowels_of(ar_text: str) -> frozenset[str] | None:
    """The Latin final vowels ``final_vowels.tsv`` lists for a one-word Arabic token of
    three letters or more that ends in one of its long-vowel letters (else ``None``)."""
    if len(ar_text) < 3 or " " in ar_text:
        return None
    return final_vowels().get(ar_text[-1])


def _final_vowel(lat_text: str) -> str:
    """The last letter of a Latin token that ends in one vowel after a consonant (``""``
    for a token that ends in a consonant or in two vowels)."""
    if len(lat_text) < 2 or lat_text[-1] not in LATIN_VOWELS or lat_text[-2] in LATIN_VOWELS:
        return ""
    return lat_text[-1]


def _final_vowel_differs(ar_text: str, lat_text: str) -> bool:
    """Whether a one-word Arabic token (three letters or more) ends in a long-vowel letter
    of ``final_vowels.tsv`` and the Latin token ends in one vowel after a consonant that the
    table does not list for it (a Latin final i after a consonant is not a reading of ة).

    Example:
        >>> _final_vowel_differs("طلبه", "talbi"), _final_vowel_differs("طلبه", "talba")
        (True, False)
        >>> _final_vowel_differs("سلمو", "salma"), _final_vowel_differs("سلمو", "salmaa")
        (True, False)
    """
    vowels = _final_vowels_of(ar_text)
    if vowels is None:
        return False
    last = _final_vowel(lat_text)
    return bool(last) and last not in vowels


def _aspirate_sim(t: TokenTable, ar: int, lat: int) -> float:
    """Similarity of a Latin token with an h to the Arabic token with its consonant + ه
    pairs read as one letter (Chaudhry / چودھری), discounted by ``ASPIRATE``."""
    if "h" not in t.text[lat] or "ه" not in t.text[ar][:-1]:
        return 0.0
    alt = aspirated(t.text[ar])
    return 0.0 if alt is None else ASPIRATE * t.similarity(t.intern(alt, t.article[ar]), lat)


#: A row of ``latin_digraphs.tsv`` as :func:`digraph_readings` reads it: (row number,
#: whether it is a word ending, its letters, its readings).
_DigraphRow = tuple[int, bool, str, tuple[str, ...]]


@cache
def _digraph_rows() -> tuple[
    tuple[_DigraphRow, ...], dict[str, tuple[_DigraphRow, ...]], tuple[_DigraphRow, ...]
]:
    """The rows of ``latin_digraphs.tsv``: those read anywhere in a word, and by their last
    letter those read only at a word's end (a word is tested against the few ending rows
    of its own last letter); and after them the rows of ``latin_letters.tsv`` (letters
    that are not ASCII, tested only in a word that is not)."""
    inner: list[_DigraphRow] = []
    ends: dict[str, list[_DigraphRow]] = {}
    digraphs = latin_digraphs()
    for k, (digraph, readings) in enumerate(digraphs.items()):
        if digraph.endswith(LATIN_ENDING_MARK):
            end = digraph[: -len(LATIN_ENDING_MARK)]
            ends.setdefault(end[-1:], []).append((k, True, end, readings))
        else:
            inner.append((k, False, digraph, readings))
    letters = tuple(
        (len(digraphs) + k, False, letter, readings)
        for k, (letter, readings) in enumerate(latin_letters().items())
    )
    return tuple(inner), {c: tuple(rows) for c, rows in ends.items()}, letters


@lru_cache(maxsize=WHOLE_CACHE_MAX)
def digraph_readings(text: str) -> tuple[str, ...]:
    """The Latin token ``text`` with each digraph of ``latin_digraphs.tsv`` read another
    way, one row at a time, in the table's order (``zhukov`` as ``jukov``); a word-ending
    row only at the end, after a stem of ``LATIN_ENDING_STEM`` letters or more
    (``dassault`` as ``dasso``). (The letters of ``latin_letters.tsv`` that the parse kept
    are read by :func:`kept_readings`.)

    Example:
        >>> digraph_readings("zhukov")
        ('jukov', 'chukov', 'tshukov')
        >>> digraph_readings("carnot"), digraph_readings("karačić")
        (('carno',), ())
    """
    inner, ends, _ = _digraph_rows()
    rows = [row for row in inner if row[2] in text]
    tail = ends.get(text[-1:])
    if tail:
        n = len(text)
        found = [
            row for row in tail if text.endswith(row[2]) and n - len(row[2]) >= LATIN_ENDING_STEM
        ]
        if found:
            rows = sorted(rows + found) if rows else found
    if not rows:
        return ()
    out: list[str] = []
    for _, ending, letters, readings in rows:
        if ending:
            out.extend(text[: -len(letters)] + reading for reading in readings)
        else:
            out.extend(text.replace(letters, reading) for reading in readings)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=WHOLE_CACHE_MAX)
def kept_readings(text: str) -> tuple[tuple[str, str, str, str, float], ...]:
    """The Latin token ``text`` with the letters of ``latin_letters.tsv`` that the parse
    kept read, all at once, in each combination of their ways (``karačić`` as
    ``karachich``, factor 1), and each such reading's own :func:`digraph_readings`
    (``karakik``, factor ``LATIN_DIGRAPH``): (text, fold, skeleton, coarse skeleton,
    factor), one per fold and skeleton at its best factor; none for a token without such
    a letter.

    Example:
        >>> [(w, f, factor) for w, f, _, _, factor in kept_readings("karačić")]
        [('karachich', 'kara$i$', 1.0), ('karakik', 'karakik', 0.98)]
        >>> kept_readings("karacic")
        ()
    """
    if text.isascii():
        return ()
    words = [text]
    for _, _, letter, readings in _digraph_rows()[2]:
        if letter in text:
            words = [w.replace(letter, reading) for w in words for reading in readings]
    if words == [text]:
        return ()
    best: dict[tuple[str, str], tuple[str, float]] = {}
    for word, factor in chain(
        zip(words, repeat(1.0)),
        ((r, LATIN_DIGRAPH) for w in words for r in digraph_readings(w)),
    ):
        f_key = fold_skeleton(word)
        if f_key not in best or factor > best[f_key][1]:
            best[f_key] = (word, factor)
    return tuple((word, f, key, coarse(key), factor) for (f, key), (word, factor) in best.items())


def _kept_sim(t: TokenTable, ar: int, lat: int) -> float:
    """Similarity of an Arabic token to a Latin token with the letters the parse kept read
    (Şahin as Shahin / شاهين, Karačić as Karachich / كاراتشيتش): the plain cross-script
    formula on each reading (its text, fold and skeleton; a second Latin fold, as the alif
    maqsura is a second reading) times its factor, discounted by ``LATIN_DIGRAPH``."""
    best = 0.0
    a, ca = t.key[ar], t.ckey[ar]
    lev = _LEV
    for word, f, key, ckey, factor in kept_readings(t.text[lat]):
        if factor <= best:
            continue
        skel = lev(a, key)
        if skel < COARSE_KEY and (ca != a or ckey != key):
            skel = max(skel, COARSE_KEY * lev(ca, ckey))
        sim = factor * _cross_script_plain(t, ar, lat, skel, (word, f, key))
        if sim > best:
            best = sim
    return LATIN_DIGRAPH * best


def _digraph_sim(t: TokenTable, ar: int, lat: int) -> float:
    """Similarity of an Arabic token to the Latin token with a digraph of
    ``latin_digraphs.tsv`` read another way (Zhukov as Jukov / جوكوف, Zhang as Chang /
    تشانغ, Dassault as Dasso / داسو), discounted by ``LATIN_DIGRAPH``."""
    best = 0.0
    for reading in digraph_readings(t.text[lat]):
        alt = t.intern(reading, t.article[lat])
        best = max(best, LATIN_DIGRAPH * t.similarity(ar, alt))
    return best


def _cross_script(t: TokenTable, ar: int, lat: int, skel: float) -> float:
    sim = _cross_script_plain(t, ar, lat, skel)
    # The kept letters', aspirate and digraph readings' values are a similarity (at most 1)
    # times their discount: each is computed only when it could beat what is there (and the
    # aspirate and digraph readings only when the tokens have any: most have none).
    lat_text = t.text[lat]
    if sim < LATIN_DIGRAPH and not lat_text.isascii():
        other = _kept_sim(t, ar, lat)
        if other > sim:
            sim = other
    if sim < ASPIRATE and "h" in lat_text and "ه" in t.text[ar][:-1]:
        other = _aspirate_sim(t, ar, lat)
        if other > sim:
            sim = other
    if sim < LATIN_DIGRAPH and digraph_readings(lat_text):
        other = _digraph_sim(t, ar, lat)
        if other > sim:
            sim = other
    return sim


def _cross_script_plain(
    t: TokenTable, ar: int, lat: int, skel: float, reading: tuple[str, str, str] | None = None
) -> float:
    # ``reading``: the Latin token read another way, (text, fold, skeleton) (_kept_sim).
    lat_text, lat_fold, lat_key = reading or (t.text[lat], t.fold[lat], t.key[lat])
    ar_text = t.text[ar]
    spell = _cross_fold_sim(t, ar, lat_fold, lat_key)
    if ar_text.endswith(_TA_MARBUTA) and len(ar_text) > 2 and " " not in ar_text:
        spell = max(spell, _ending_sim(t, ar, plain_letters(lat_text)))
    elif _ALIF_MAQSURA in ar_text and lat_fold.endswith("a") and _maqsura(ar_text):
        spell = max(spell, _maqsura_sim(t, ar, lat_fold, lat_key))
    if _final_vowel_differs(ar_text, lat_text):
        spell *= FINAL_VOWEL
    if REVERSE_BAND[0] <= spell < REVERSE_BAND[1] and " " not in lat_text and " " not in ar_text:
        # Second opinion from the other direction, where the Latin token's likeliest
        # Arabic spellings are known.
        spellings = _spellings(plain_letters(lat_text))
        if spellings:
            # (The spellings are normalised text: a kept alif maqsura is written ي.)
            written = ar_text.replace(_ALIF_MAQSURA, _YA)
            rev = max(Indel.normalized_similarity(written, c) for c in spellings)
            spell = (1.0 - REVERSE) * spell + REVERSE * rev
    sim = SKELETON_SHARE_CROSS * skel + (1.0 - SKELETON_SHARE_CROSS) * spell
    if t.article[ar] and not t.article[lat]:
        if sim < WHOLE_WORD_BELOW and " " not in ar_text:
            # Foreign names that begin with ال (إلياس Elias, ألبرتو Alberto) lose their
            # first syllable as an "article": read the whole word as well.
            whole = _whole_folds(_ARTICLE + ar_text.replace(_ALIF_MAQSURA, _YA))
            sim = max(
                sim,
                max((Indel.normalized_similarity(f, lat_fold) for f in whole), default=0.0),
            )
        if joined_article(lat_fold, min_len=5):
            # 'Elnady' for النادي: the article written joined to the name.
            rest = lat_fold[2:]
            rest_key = skeleton(rest)
            sim = max(
                sim,
                SKELETON_SHARE_CROSS * Levenshtein.normalized_similarity(t.key[ar], rest_key)
                + (1.0 - SKELETON_SHARE_CROSS) * _cross_fold_sim(t, ar, rest, rest_key),
            )
    return sim


def _strip_abd(t: TokenTable, i: int) -> int:
    rest = t.text[i].split(" ", 1)[1]
    return t.intern(rest, t.article[i])
