"""The shared token table: interned name tokens, their features and pair similarities.

Every distinct name token (its normalised, article-free text and whether it carried the
article) gets one integer id in a :class:`TokenTable`. The table holds each token's
features in columns indexed by id, computed once when the token is first seen: the
skeleton key, the spelling fold, their coarse forms, the learned weight, and, for
cross-script comparison, the Latin readings of an Arabic token and the Arabic spellings
of a Latin token. Readings come from ``data/aliases/token_readings.tsv`` (precomputed by
``scripts/build_token_readings.py`` with the learned beam decoder); a token that is in
no table is read by a cheap deterministic decoder over the same table's letter-in-context
renderings. The beam decoder itself never runs here.

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
from collections.abc import Sequence
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel, Levenshtein

from ..errors import InputError
from ..lexicon import given_name_groups, persian_fold, persian_letters
from ..names.keys import coarse, fold, fold_skeletons, skeleton
from ..text import script_of_token
from .algorithms import (
    ABD_DROPPED,
    CANDIDATE_FOLD_SHARE,
    CANDIDATE_RANK,
    CHEAP_READINGS,
    COARSE_FOLD,
    COARSE_KEY,
    DISTINCT_NAMES_MAX,
    INITIAL,
    REVERSE,
    REVERSE_BAND,
    SKELETON_SHARE_CROSS,
    SKELETON_SHARE_SAME,
    WHOLE_WORD_BELOW,
)
from .weights import token_weight

if TYPE_CHECKING:
    import numpy as np

__all__ = ["TokenTable", "cheap_readings", "default_table", "readings"]

#: How many Latin readings a shipped Arabic token keeps (the beam decoder's best).
READINGS = 5
#: Largest number of cached token-pair similarities before the cache is emptied.
PAIR_CACHE_MAX = 4_000_000

_ARTICLE = "ال"
_FOLD_SHARE = CANDIDATE_FOLD_SHARE
_KEY_SHARE = 1.0 - CANDIDATE_FOLD_SHARE
_ABD_PREFIXES = ("abd ", "عبد ")
_COARSE_FOLD = str.maketrans({"z": "d", "g": "k", "G": "k", "x": "h", "p": "b", "v": "f"})


# Runs of one character (any character), and the C callable that keeps one of the run.
_RUNS = re.compile(r"(.)\1+", re.S)
_FIRST = itemgetter(1)


def coarse_fold(f: str) -> str:
    """A fold with letters that traditions swap merged (Gaddafi ~ Qadhafi ~ Kadhafi)."""
    return _RUNS.sub(_FIRST, f.translate(_COARSE_FOLD))


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
    padded = f"^{letters}$"
    for i in range(1, len(padded) - 1):
        opts = _options(padded[i - 1], padded[i], padded[i + 1])
        if opts:
            hyps = [(s + lp, h + ch) for s, h in hyps for ch, lp in opts]
            hyps.sort(reverse=True)
            del hyps[k:]
    return tuple(dict.fromkeys(h for _, h in hyps if h))


def readings(arabic_fold: str) -> tuple[str, ...]:
    """Latin readings of one article-free Arabic token (shipped, else the cheap decoder).

    Example:
        >>> readings("كاظمي")[0]
        'kazemi'
    """
    got = _tables()[0].get(arabic_fold)
    if got is not None:
        return _split(got)
    cheap = cheap_readings(_letters(arabic_fold))
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


def _spellings(latin: str) -> tuple[str, ...]:
    got = _tables()[2].get(latin)
    return tuple(got.split(" ")) if got else ()


# ---------------------------------------------------------------------------- the table


class TokenTable:
    """Interned tokens with their features in columns, and a token-pair similarity cache.

    Attributes:
        text, article, arabic, key, fold, ckey, cfold, weight: feature columns by id.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, bool], int] = {}
        self.text: list[str] = []
        self.article: list[bool] = []
        self.arabic: list[bool] = []
        self.key: list[str] = []
        self.fold: list[str] = []
        self.ckey: list[str] = []
        self.cfold: list[str] = []
        self.weight: list[float] = []
        self._cands: list[tuple[tuple[str, str, float], ...] | None] = []
        self._pairs: dict[int, float] = {}

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
        i = self._ids.get((text, article))
        if i is not None:
            return i
        i = self._ids[(text, article)] = len(self.text)
        if key is None:
            key = "".join(skeleton(p) for p in text.split(" "))
        if fold_ is None:
            fold_ = fold(text.replace(" ", ""))
        self.text.append(text)
        self.article.append(article)
        self.arabic.append(script_of_token(text) == "arabic" if arabic is None else arabic)
        self.key.append(key)
        self.fold.append(fold_)
        self.ckey.append(coarse(key))
        self.cfold.append(coarse_fold(fold_))
        self.weight.append(token_weight(key))
        self._cands.append(None)
        return i

    def candidates(self, i: int) -> tuple[tuple[str, str, float], ...]:
        """(fold, skeleton, rank factor) of the Latin readings of Arabic token ``i``.

        Readings with the same fold and skeleton are kept once, at their best rank (the
        rank factor discounts a less likely reading, so only the first can win).
        """
        got = self._cands[i]
        if got is None:
            seen: dict[tuple[str, str], float] = {}
            for rank, fk in enumerate(fold_skeletons(readings(self.fold[i]))):
                seen.setdefault(fk, 1.0 - CANDIDATE_RANK * rank)
            got = self._cands[i] = tuple((f, k, r) for (f, k), r in seen.items())
        return got

    def similarities(self, left: Sequence[int], right: Sequence[int]) -> np.ndarray:
        """Similarities of the token pairs ``(left[k], right[k])`` as a float64 array:
        exactly :meth:`similarity` of each, and cached as it caches them.

        Pairs not yet cached are computed at once where the formula is plain (two tokens
        of one script, no Abd- prefix, initial or article written joined: rapidfuzz
        ``cpdist`` over the feature columns), one by one otherwise.

        Example:
            >>> t = TokenTable()
            >>> a, b, c = t.intern("kazimi", False), t.intern("kadhimi", False), t.intern("ali", False)
            >>> t.similarities([a, a], [b, c]).tolist() == [t.similarity(a, b), t.similarity(a, c)]
            True
        """
        import numpy as np

        pairs = self._pairs
        lo, hi = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if lo.shape != hi.shape or lo.ndim != 1:
            raise InputError(f"left and right differ in length ({len(lo)} vs {len(hi)})")
        keys = ((np.minimum(lo, hi) << 32) | np.maximum(lo, hi)).tolist()
        got = list(map(pairs.get, keys))
        todo = [k for k, g in enumerate(got) if g is None]
        out = np.array([-1.0 if g is None else g for g in got] if todo else got, dtype=np.float64)
        if todo:
            x = [left[k] for k in todo]
            y = [right[k] for k in todo]
            out[todo] = _similarities(self, x, y)
            if len(pairs) + len(todo) >= PAIR_CACHE_MAX:
                pairs.clear()
            pairs.update(zip((keys[k] for k in todo), out[todo].tolist(), strict=True))
        return out

    def similarity(self, i: int, j: int) -> float:
        """Similarity in [0, 1] of tokens ``i`` and ``j`` (symmetric, cached by pair)."""
        k = (i << 32) | j if i <= j else (j << 32) | i
        s = self._pairs.get(k)
        if s is None:
            if len(self._pairs) >= PAIR_CACHE_MAX:
                self._pairs.clear()
            s = self._pairs[k] = _similarity(self, i, j)
        return s


_DEFAULT: list[TokenTable] = []


def default_table() -> TokenTable:
    """The process-wide token table that :func:`~nasab.match.prepare` interns into."""
    if not _DEFAULT:
        _DEFAULT.append(TokenTable())
    return _DEFAULT[0]


def reset_default_table() -> TokenTable:
    """Start a fresh process-wide table (names prepared before are prepared again)."""
    _DEFAULT.clear()
    return default_table()


# ------------------------------------------------------------------------ pair similarity


def _similarity(t: TokenTable, i: int, j: int) -> float:
    ta, tb = t.text[i], t.text[j]
    if ta == tb:
        return 1.0
    abd_a, abd_b = ta.startswith(_ABD_PREFIXES), tb.startswith(_ABD_PREFIXES)
    if abd_a and abd_b:
        # Abd + divine name: the shared 'Abd' says nothing; compare what follows.
        return t.similarity(_strip_abd(t, i), _strip_abd(t, j))
    if abd_a != abd_b:
        # 'Abdul Hanif' vs 'Hanif': the servant prefix is often dropped in lists.
        bare = _strip_abd(t, i if abd_a else j)
        other = j if abd_a else i
        return min(ABD_DROPPED, t.similarity(bare, other)) if t.key[bare] else 0.0
    same_script = t.arabic[i] == t.arabic[j]
    if same_script and t.arabic[i]:
        # گيلاني / كيلاني: a Persian letter where other Arabic-script text writes its
        # Arabic stand-in; the two spellings compare as if both wrote the Arabic letter.
        fa, fb = ta.translate(persian_fold()), tb.translate(persian_fold())
        if fa != ta or fb != tb:
            return t.similarity(t.intern(fa, t.article[i]), t.intern(fb, t.article[j]))
    if same_script and not t.arabic[i] and min(len(ta), len(tb)) == 1:
        # An initial ("A. Khamenei") agrees with any name that starts with it.
        return INITIAL if ta[0] == tb[0] else 0.0
    if not t.key[i] or not t.key[j]:
        return 0.0
    skel = max(
        Levenshtein.normalized_similarity(t.key[i], t.key[j]),
        COARSE_KEY * Levenshtein.normalized_similarity(t.ckey[i], t.ckey[j]),
    )
    if same_script:
        return _same_script(t, i, j, skel)
    return _cross_script(t, i, j, skel) if t.arabic[i] else _cross_script(t, j, i, skel)


def _flags(t: TokenTable, ids: list[int]) -> np.ndarray:
    """Per token, bits that decide whether its pairs take the plain formula: Arabic (1),
    special alone (2: empty key, Abd- prefix, a Latin initial, an Arabic token with a
    Persian letter), a Latin fold that may be an article written joined to the name (4),
    the article (8), a Latin known given name (16: the plain value may be capped)."""
    import numpy as np

    text, key, fold_, arabic, article = t.text, t.key, t.fold, t.arabic, t.article
    persian, groups = persian_fold(), given_name_groups()
    return np.array(
        [
            arabic[i]
            | 2
            * (
                not key[i]
                or text[i].startswith(_ABD_PREFIXES)
                or (not arabic[i] and len(text[i]) == 1)
                or (arabic[i] and text[i].translate(persian) != text[i])
            )
            | 4 * (not arabic[i] and fold_[i][:2] in ("al", "il") and len(fold_[i]) > 5)
            | 8 * article[i]
            | 16 * (not arabic[i] and text[i] in groups)
            for i in ids
        ],
        dtype=np.int8,
    )


def _plain(t: TokenTable, x: list[int], y: list[int]) -> np.ndarray:
    """Whether each pair's similarity is the plain same-script formula (what
    :func:`_similarity` computes for it without any other branch)."""
    import numpy as np

    toks, pos = np.unique(np.array(x + y, dtype=np.int64), return_inverse=True)
    f = _flags(t, toks.tolist())
    fx, fy = f[pos[: len(x)]], f[pos[len(x) :]]
    texts = t.text
    ux = toks.tolist()
    same_text = np.array([texts[i] for i in ux], dtype=object)
    equal = same_text[pos[: len(x)]] == same_text[pos[len(x) :]]
    plain = ((fx & 1) == (fy & 1)) & ((fx | fy) & 2 == 0) & ~equal
    # Two known given names: the pair may be capped (_distinct_names), so one by one.
    plain &= (fx & fy & 16) == 0
    # Latin, the article on one side only: the side without it may have it joined.
    bare_al = np.where(fx & 8, fy & 4, fx & 4) != 0
    plain &= ((fx & 1) == 1) | ((fx & 8) == (fy & 8)) | ~bare_al
    return plain


def _similarities(t: TokenTable, x: list[int], y: list[int]) -> list[float]:
    """:func:`_similarity` of each pair ``(x[k], y[k])``; plain pairs vectorised."""
    import numpy as np
    from rapidfuzz import process

    plain = _plain(t, x, y)
    out = np.zeros(len(x), dtype=np.float64)
    if plain.any():
        idx = np.flatnonzero(plain)
        px, py = [x[k] for k in idx.tolist()], [y[k] for k in idx.tolist()]

        def dist(col: list[str], scorer: object) -> np.ndarray:
            return process.cpdist(
                [col[i] for i in px], [col[j] for j in py], scorer=scorer, dtype=np.float64
            )

        skel = np.maximum(
            dist(t.key, Levenshtein.normalized_similarity),
            COARSE_KEY * dist(t.ckey, Levenshtein.normalized_similarity),
        )
        spell = np.maximum(
            dist(t.fold, Indel.normalized_similarity),
            COARSE_FOLD * dist(t.cfold, Indel.normalized_similarity),
        )
        out[idx] = SKELETON_SHARE_SAME * skel + (1.0 - SKELETON_SHARE_SAME) * spell
    for k in np.flatnonzero(~plain).tolist():
        out[k] = t.similarity(x[k], y[k])
    return out.tolist()


def _same_script(t: TokenTable, i: int, j: int, skel: float) -> float:
    spell = max(
        Indel.normalized_similarity(t.fold[i], t.fold[j]),
        COARSE_FOLD * Indel.normalized_similarity(t.cfold[i], t.cfold[j]),
    )
    sim = SKELETON_SHARE_SAME * skel + (1.0 - SKELETON_SHARE_SAME) * spell
    if not t.arabic[i] and sim > DISTINCT_NAMES_MAX and _distinct_names(t.text[i], t.text[j]):
        return DISTINCT_NAMES_MAX
    if not t.arabic[i] and t.article[i] != t.article[j]:
        # "ALFAGIH" for "AL FAQIH": the article written joined to the name.
        bare, other = (j, i) if t.article[i] else (i, j)
        if t.fold[bare][:2] in ("al", "il") and len(t.fold[bare]) > 5:
            sim = max(sim, t.similarity(t.intern(t.text[bare][2:], True), other))
    return sim


def _distinct_names(a: str, b: str) -> bool:
    """Whether Latin tokens ``a`` and ``b`` spell two different known given names (Luke and
    Lucy, Jamal and Jamil), not two spellings of one (Youssef and Yusuf)."""
    groups = given_name_groups()
    ga, gb = groups.get(a), groups.get(b)
    return ga is not None and gb is not None and ga.isdisjoint(gb)


def _cross_fold_sim(t: TokenTable, ar: int, latin_fold: str, latin_key: str) -> float:
    """Best similarity of an Arabic token's Latin readings to a Latin fold and skeleton."""
    best = 0.0
    indel, lev = Indel.normalized_similarity, Levenshtein.normalized_similarity
    for f, key, factor in t.candidates(ar):
        sim = factor * (_FOLD_SHARE * indel(f, latin_fold) + _KEY_SHARE * lev(key, latin_key))
        if sim > best:
            best = sim
    return best


def _cross_script(t: TokenTable, ar: int, lat: int, skel: float) -> float:
    lat_fold, ar_text, lat_text = t.fold[lat], t.text[ar], t.text[lat]
    spell = _cross_fold_sim(t, ar, lat_fold, t.key[lat])
    if REVERSE_BAND[0] <= spell < REVERSE_BAND[1] and " " not in lat_text + ar_text:
        # Second opinion from the other direction, where the Latin token's likeliest
        # Arabic spellings are known.
        spellings = _spellings(lat_text)
        if spellings:
            rev = max(Indel.normalized_similarity(ar_text, c) for c in spellings)
            spell = (1.0 - REVERSE) * spell + REVERSE * rev
    sim = SKELETON_SHARE_CROSS * skel + (1.0 - SKELETON_SHARE_CROSS) * spell
    if t.article[ar] and not t.article[lat]:
        if sim < WHOLE_WORD_BELOW and " " not in ar_text:
            # Foreign names that begin with ال (إلياس Elias, ألبرتو Alberto) lose their
            # first syllable as an "article": read the whole word as well.
            whole = _whole_readings(_ARTICLE + ar_text)
            sim = max(
                sim,
                max((Indel.normalized_similarity(fold(c), lat_fold) for c in whole), default=0.0),
            )
        if lat_fold[:2] in ("al", "il") and len(lat_fold) > 4:
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
