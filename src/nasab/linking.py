"""Linking names to an alias table: the best entities for each query, fast.

:func:`link` finds, for every query name, the entities of an
:class:`~nasab.aliases.AliasTable` with an alias that names the same person or
organisation, in any spelling or script, and scores them with
:func:`nasab.compare`.

It does not compare every query with every alias. An inverted index maps each
script-neutral token key (the consonant skeleton of
:func:`nasab.names.parse_name`: ``Kazemi``, ``Kadhimi`` and ``الكاظمي`` all give
``KZM``) to the aliases that contain it; it is built once per table and cached on
it. A query's candidates are the aliases that share its rarer keys (keys whose
posting list is huge, such as that of ``Mohammed``, are used only when the query
has nothing rarer), also keys one edit away, so that a typo in the skeleton
still finds its entity. Candidates are ranked by the weight of the keys they share
and only the best few are compared.

Example:
    >>> from nasab.aliases import AliasTable
    >>> table = AliasTable([
    ...     {"entity_id": "E1", "alias": "Mustafa Al-Kazemi"},
    ...     {"entity_id": "E1", "alias": "مصطفى الكاظمي"},
    ...     {"entity_id": "E2", "alias": "Mohammed Rida al-Hakimi"},
    ... ])
    >>> [[c.entity_id for c in cands] for cands in link(["al-Kadhimi", "محمد الحكيمي"], table)]
    [['E1'], ['E2']]
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from ._progress import Progress, progress_callback
from .errors import InputError
from .lexicon import latin_articles
from .match import Match, PreparedName, compare, prepare, score_pairs
from .match.algorithms import LINK_THRESHOLD
from .names import parse_name, title_phrases
from .names.keys import skeleton
from .names.parse import is_particle, split_article
from .names.parse import word_key as name_word_key
from .text import MAX_NAME_LENGTH, detect_script, normalize

__all__ = ["Candidate", "LinkIndex", "LinkSource", "link"]

_SPLIT = re.compile(r"\s+")


class Candidate:
    """One entity proposed for a query.

    Attributes:
        entity_id: the entity's id in the table.
        alias: the entity's alias that matched best.
        canonical: the entity's canonical name (Latin if it has one, else Arabic).
        score: the comparison score in [0, 1].
        match: the :class:`~nasab.match.Match` of query and alias (for ``explain()``);
            when not given, made from ``query`` on first use (``link`` scores without
            explanations and explains only what is asked for).
        kind: the entity's kind.

    Example:
        >>> c = Candidate("E1", "Mustafa Al-Kazemi", "Mustafa Al-Kazemi", 0.9, query="al-Kadhimi")
        >>> c.match.a, c == Candidate("E1", "Mustafa Al-Kazemi", "Mustafa Al-Kazemi", 0.9, query="x")
        ('al-Kadhimi', True)
    """

    __slots__ = ("_match", "_query", "alias", "canonical", "entity_id", "kind", "score")

    def __init__(
        self,
        entity_id: str,
        alias: str,
        canonical: str,
        score: float,
        match: Match | None = None,
        kind: str = "person",
        *,
        query: str | None = None,
    ) -> None:
        if match is None and query is None:
            raise InputError("a Candidate needs its match or the query to make it from")
        self.entity_id, self.alias, self.canonical = entity_id, alias, canonical
        self.score, self.kind = score, kind
        self._match, self._query = match, query

    @property
    def match(self) -> Match:
        """The :class:`~nasab.match.Match` of query and alias (explained)."""
        if self._match is None:
            assert self._query is not None
            self._match = _compare(self._query, self.alias, self.kind)
        return self._match

    def _key(self) -> tuple[str, str, str, float, str]:
        return (self.entity_id, self.alias, self.canonical, self.score, self.kind)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Candidate):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Candidate(entity_id={self.entity_id!r}, alias={self.alias!r}, "
                f"canonical={self.canonical!r}, score={self.score!r}, kind={self.kind!r})")  # fmt: skip

    def __getstate__(self) -> tuple[Any, ...]:
        return (*self._key(), self._match, self._query)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        (self.entity_id, self.alias, self.canonical, self.score, self.kind,
         self._match, self._query) = state  # fmt: skip

    def explain(self) -> str:
        """Why the alias matched: :meth:`nasab.match.Match.explain`."""
        return self.match.explain()


def _compare(query: str, alias: str, kind: str) -> Match:
    """The explained Match; a name over the limits (nasab.text) matches nothing."""
    try:
        if kind == "organization":
            return compare(query, alias, kind="organization")
        return compare(query, alias)
    except InputError as exc:
        return Match(query, alias, 0.0, notes=(str(exc),))


# ---------------------------------------------------------------- name keys


def _parse_keys(name: str) -> tuple[str, ...]:
    try:
        parsed = parse_name(name)
    except InputError:
        return ()
    return tuple(t.key for t in parsed.tokens + parsed.kunya if t.key)


@lru_cache(maxsize=1)
def _title_starts() -> frozenset[str]:
    return frozenset(p[0] for p in title_phrases()) | {"the", "of"}


_ASCII_NAME = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?: [A-Za-z]+(?:-[A-Za-z]+)*)*")
_ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")


def _norm_tokens(name: str) -> list[str]:
    """The normalised words of a name (plain one-script names take a shortcut)."""
    s = name.strip()
    if _ASCII_NAME.fullmatch(s):
        return s.lower().replace("-", " ").split(" ")
    if _ARABIC_NAME.fullmatch(s):
        return [t for t in s.translate(_arabic_letters()).split(" ") if t]
    toks: list[str] = []
    for piece in _SPLIT.split(s):
        if piece:
            norm = _norm_piece(piece)
            if norm:
                toks.extend(norm.split(" "))
    return toks


def _after_article(tok: str) -> str:
    """Key of a word that follows a separate article ('al Kazemi')."""
    return skeleton(split_article(tok)[0])


#: Word facts of the fast path: a particle (the full parse is needed), an article.
_PARTICLE, _ARTICLE = 0, 1
#: Words whose facts a :class:`_Words` keeps before it starts afresh.
_WORDS_MAX = 1_000_000


class _Words:
    """What the fast path needs of each word, computed once per word: a particle or an
    article marker, else the word's skeleton key (as :func:`nasab.names.parse_name` keys it)."""

    def __init__(self) -> None:
        self.facts: dict[str, int | str] = {}
        self.after: dict[str, str] = {}

    def fact(self, tok: str) -> int | str:
        got = self.facts.get(tok)
        if got is None:
            if len(self.facts) >= _WORDS_MAX:
                self.facts, self.after = {}, {}
            if is_particle(tok):
                got = _PARTICLE
            elif tok in latin_articles():
                got = _ARTICLE
            else:
                got = name_word_key(tok)
            self.facts[tok] = got
        return got

    def after_article(self, tok: str) -> str:
        got = self.after.get(tok)
        if got is None:
            got = self.after[tok] = _after_article(tok)
        return got


_QUERY_WORDS = _Words()


def _keys_of_tokens(toks: list[str], words: _Words = _QUERY_WORDS) -> tuple[str, ...] | None:
    """parse_name's keys of normalised words, or None where particles need the full parse."""
    if not toks:
        return ()
    if toks[0] in _title_starts():
        return None
    out = []
    i, n = 0, len(toks)
    fact = words.fact
    while i < n:
        f = fact(toks[i])
        if f == _PARTICLE:
            return None
        if f == _ARTICLE:
            if i + 1 < n:
                if isinstance(fact(toks[i + 1]), int):  # a particle or a second article
                    return None
                key = words.after_article(toks[i + 1])
                i += 2
            else:
                key = name_word_key(toks[i])
                i += 1
        else:
            key = f  # type: ignore[assignment]
            i += 1
        if key:
            out.append(key)
    return tuple(out)


def _fast_keys(name: str) -> tuple[str, ...] | None:
    """parse_name's keys without the full parse, or None where particles need it."""
    if "," in name:
        return None
    return _keys_of_tokens(_norm_tokens(name))


def _analyse(name: str, words: _Words = _QUERY_WORDS) -> tuple[str, tuple[str, ...]]:
    """(normalised form, keys) of a name: what the index stores and a query looks up."""
    if len(name) > MAX_NAME_LENGTH:
        return "", ()
    toks = _norm_tokens(name)
    norm = " ".join(toks)
    keys = None
    if "," not in name:
        keys = _keys_of_tokens(toks, words)
    if keys is None:
        keys = _parse_keys(name)
    return norm, keys


def name_keys(name: str) -> tuple[str, ...]:
    """Skeleton keys of a name's tokens and kunya, as :func:`nasab.names.parse_name` gives them.

    A fast path (cached per word) is used when no particle needs the full parse.
    Empty names give ``()``.

    Example:
        >>> name_keys("Mustafa Al-Kazemi"), name_keys("مصطفى الكاظمي")
        (('MSTF', 'KZM'), ('MSTF', 'KZM'))
        >>> name_keys("Abdul Wahab bin Jassim")
        ('BDHB', 'JSM')
    """
    return _analyse(name)[1]


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) >= 3 else set()


# ---------------------------------------------------------------- the index


def _factorize(values: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct values in order of first appearance and each row's index into them
    (``int32``); a column that can say it itself (a packed string column's ``factorize``)
    does, without decoding every row.

    Example:
        >>> names, codes = _factorize(["E2", "E1", "E2"])
        >>> names, codes.tolist()
        (['E2', 'E1'], [0, 1, 0])
    """
    own = getattr(values, "factorize", None)
    if own is not None:
        distinct, codes = own()
        return distinct, codes
    ids: dict[str, int] = {}
    codes = array("i", [ids.setdefault(e, len(ids)) for e in values])
    return list(ids), np.frombuffer(codes, dtype=np.int32) if codes else np.zeros(0, np.int32)


#: Weight of a key one edit away from a query's key, as a share of its own weight.
_FUZZY_WEIGHT = 0.7
#: Keys whose neighbours a :class:`LinkIndex` keeps before it starts afresh.
_NB_CACHE_MAX = 100_000


def _sum_by_row(rows: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows (ascending) and the sum of the weights of each.

    ``rows`` is the concatenation of a few ascending posting lists: a stable sort merges
    those runs (timsort) at a fraction of ``np.unique``'s cost, and each row's weights are
    added in their original order, so the sums are bit for bit those of
    ``np.unique(..., return_inverse=True)`` with ``np.bincount``.

    Example:
        >>> r, s = _sum_by_row(np.array([1, 4, 0, 4]), np.array([0.5, 1.0, 2.0, 0.25]))
        >>> r.tolist(), s.tolist()
        ([0, 1, 4], [2.0, 0.5, 1.25])
    """
    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    new = np.empty(len(ordered), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    group = np.cumsum(new) - 1
    return ordered[new], np.bincount(group, weights=weights[order], minlength=int(new.sum()))


_SCRIPT_CODES = {"arabic": 1, "latin": 2}
_KIND_CODES = {"person": 0, "organization": 1}
_KIND_NAMES = tuple(_KIND_CODES)


def _query_script(query: str) -> int:
    return 1 if any("\u0600" <= c <= "\u06ff" for c in query) else 2


class LinkIndex:
    """Inverted index from token keys to the rows of an alias table.

    Built once per table (:meth:`nasab.aliases.AliasTable.link_index` caches it on
    the table; any edit of the table drops it). Everything is held in a few flat
    arrays: the posting lists (rows by key, CSR: one sorted ``int32`` array with
    offsets), each row's entity, script and kind as small integer codes, and a hash
    of each normalised alias for exact look-ups; the alias strings stay in the
    table's columns (``aliases`` is read one row at a time).

    Args:
        aliases: the alias of each row.
        entity_ids: the entity id of each row.
        kinds: the kind of each row (``person``/``organization``; None: all persons).
        scripts: the script of each row (``arabic``, ``latin``...; None: detected).
        canonicals: the canonical name of each row's entity (None: the alias).
        progress: called as ``progress(done, total)`` while building (optional).

    Example:
        >>> index = LinkIndex(["Mustafa Al-Kazemi", "Mustafa al-Hakimi"], ["E1", "E2"])
        >>> index.candidates(["MSTF", "KZM"], limit=5), index.exact("mustafa al kazemi")
        ([0, 1], [0])
    """

    def __init__(
        self,
        aliases: Sequence[str],
        entity_ids: Sequence[str],
        *,
        kinds: Sequence[str] | None = None,
        scripts: Sequence[str] | None = None,
        canonicals: Sequence[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        total = len(aliases)
        if len(entity_ids) != total:
            raise InputError(f"{len(entity_ids)} entity ids for {total} aliases")
        self.aliases = aliases
        self.canonicals = canonicals if canonicals is not None else aliases
        key_ids: dict[str, int] = {}
        row_keys = array("i")  # the keys of each row, rows one after another
        row_len = bytearray()
        hashes = array("q")
        words = _Words()  # this build's own: the shared one would thrash on 1M rows
        for i, alias in enumerate(aliases):
            norm, keys = _analyse(alias, words)
            ids = {key_ids.setdefault(k, len(key_ids)) for k in keys}
            row_keys.extend(ids)
            row_len.append(min(255, len(ids)))
            hashes.append(hash(norm))
            if progress is not None and i % 50_000 == 0:
                progress(i, total)
        self.entity_ids, self.ents = _factorize(entity_ids)
        if scripts is None:
            scripts = [detect_script(a) for a in aliases]
        scode, kcode = _SCRIPT_CODES.get, _KIND_CODES.get
        script_codes = bytes(scode(x, 0) for x in scripts)
        kind_codes = bytes(total) if kinds is None else bytes(kcode(x, 0) for x in kinds)
        n_keys = len(key_ids)
        flat = np.frombuffer(row_keys, dtype=np.int32) if row_keys else np.zeros(0, np.int32)
        row_of = np.repeat(np.arange(total, dtype=np.int32), np.frombuffer(row_len, np.uint8))
        order = np.argsort(flat, kind="stable")
        #: Rows of each key, key after key (each list in row order).
        self._post = row_of[order]
        sizes = np.bincount(flat, minlength=n_keys)
        self._start = np.zeros(n_keys + 1, dtype=np.int64)
        np.cumsum(sizes, out=self._start[1:])
        self._sizes = sizes.tolist()
        self._size_array = sizes
        self._start_list = self._start.tolist()
        self.key_ids = key_ids
        n = max(1, total)
        #: idf-like weight of each key id: rare keys weigh more.
        self._weights = np.log((n + 1) / (sizes + 0.5))
        self.scripts = np.frombuffer(script_codes, dtype=np.uint8)
        self.kinds = np.frombuffer(kind_codes, dtype=np.uint8)
        h = np.frombuffer(hashes, dtype=np.int64) if hashes else np.zeros(0, np.int64)
        self._hash_order = np.argsort(h, kind="stable").astype(np.int32)
        self._hash_sorted = h[self._hash_order]
        #: posting lists longer than this are "huge": used only when nothing else is.
        self.huge = max(500, int(0.002 * total))
        # Keys one deletion away, for typo-tolerant look-up (key id lists by probe).
        nb: dict[str, list[int]] = {}
        for k, kid in key_ids.items():
            if len(k) >= 3:
                nb.setdefault(k, []).append(kid)
                for d in _deletes(k):
                    nb.setdefault(d, []).append(kid)
        self._neighbours = nb
        self._nb_cache: dict[str, list[int]] = {}
        self._fuzzy_cache: dict[str, list[int]] = {}
        self._key_names = list(key_ids)

    def take(self, rows: np.ndarray) -> list[str]:
        """The aliases of many rows (decoded at once when the table stores them packed)."""
        take = getattr(self.aliases, "take", None)
        if take is not None:
            return take(rows)
        aliases = self.aliases
        return [aliases[i] for i in rows.tolist()]

    def entity_of(self, i: int) -> str:
        """The entity id of row ``i``."""
        return self.entity_ids[self.ents[i]]

    def kind_of(self, i: int) -> str:
        """The kind (``person``/``organization``) of row ``i``."""
        return _KIND_NAMES[self.kinds[i]]

    @property
    def weights(self) -> dict[str, float]:
        """idf-like weight of each key: rare keys weigh more."""
        return dict(zip(self._key_names, self._weights.tolist(), strict=True))

    def posting(self, key: str) -> np.ndarray:
        """Rows (ascending) whose alias has ``key``."""
        kid = self.key_ids.get(key)
        if kid is None:
            return np.zeros(0, np.int32)
        return self._post[self._start[kid] : self._start[kid + 1]]

    def _neighbour_ids(self, key: str) -> list[int]:
        cache = self._nb_cache
        found = cache.get(key)
        if found is None:
            out: set[int] = set()
            nb = self._neighbours
            for probe in {key} | _deletes(key):
                out.update(nb.get(probe, ()))
            names = self._key_names
            dist = Levenshtein.distance
            found = sorted(kid for kid in out if dist(names[kid], key, score_cutoff=1) == 1)
            if len(cache) >= _NB_CACHE_MAX:
                cache.clear()
            cache[key] = found
        return found

    def _fuzzy_ids(self, key: str) -> list[int]:
        """Ids of the keys one edit away from ``key`` whose posting lists are not huge."""
        found = self._fuzzy_cache.get(key)
        if found is None:
            sizes, huge = self._sizes, self.huge
            found = [kid for kid in self._neighbour_ids(key) if sizes[kid] <= huge]
            if len(self._fuzzy_cache) >= _NB_CACHE_MAX:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = found
        return found

    def neighbours(self, key: str) -> list[str]:
        """Keys of the table one insertion, deletion or substitution away from ``key``."""
        return sorted(self._key_names[kid] for kid in self._neighbour_ids(key))

    def exact(self, name: str, norm: str | None = None) -> list[int]:
        """Rows whose alias equals ``name`` after normalisation."""
        if norm is None:
            norm = _analyse(name)[0]
        h = hash(norm)
        lo = int(np.searchsorted(self._hash_sorted, h, "left"))
        hi = int(np.searchsorted(self._hash_sorted, h, "right"))
        aliases = self.aliases
        return sorted(
            i
            for i in self._hash_order[lo:hi].tolist()
            if _analyse(aliases[i])[0] == norm  # hash collisions
        )

    def scores(self, keys: Iterable[str], *, fuzzy: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Rows sharing the query's keys and the weight of what they share.

        Rare keys find rows; keys one edit away find rows at ``_FUZZY_WEIGHT`` (0.7) of
        their weight; huge keys (those of very common names) only add to rows already
        found, unless the query has nothing rarer.

        Returns:
            ``(rows, weights)``: two arrays, rows ascending.
        """
        keys = list(dict.fromkeys(keys))
        ids, sizes, huge = self.key_ids, self._sizes, self.huge
        present = [ids[k] for k in keys if k in ids]
        rare = [kid for kid in present if sizes[kid] <= huge]
        if not rare and present:  # nothing rarer: the smallest huge list
            rare = [min(present, key=sizes.__getitem__)]
        wts = self._weights
        kids = list(rare)
        if fuzzy:
            for k in keys:
                kid = ids.get(k)
                if len(k) < 3 or (kid is not None and sizes[kid] > huge):
                    continue
                kids.extend(self._fuzzy_ids(k))
        if not kids:
            return np.zeros(0, np.int32), np.zeros(0)
        post, start = self._post, self._start
        if len(kids) == 1:
            rows = post[start[kids[0]] : start[kids[0] + 1]]
            score = np.full(len(rows), wts[kids[0]] * (1.0 if rare else _FUZZY_WEIGHT))
        else:
            at = self._start_list
            segs = [post[at[kid] : at[kid + 1]] for kid in kids]
            kid_a = np.array(kids)
            factor = np.full(len(kids), _FUZZY_WEIGHT)
            factor[: len(rare)] = 1.0
            w = np.repeat(wts[kid_a] * factor, self._size_array[kid_a])
            rows, score = _sum_by_row(np.concatenate(segs), w)
        # Common keys the query shares add to the rows already found.
        for kid in present:
            if kid in rare:
                continue
            lst = post[start[kid] : start[kid + 1]]
            pos = np.searchsorted(lst, rows)
            pos[pos >= len(lst)] = 0
            score = score + wts[kid] * (lst[pos] == rows)
        return rows, score

    def candidates(self, keys: Iterable[str], *, limit: int, fuzzy: bool = True) -> list[int]:
        """Rows sharing the query's keys, best first by the weight of what they share."""
        rows, score = self.scores(keys, fuzzy=fuzzy)
        order = np.lexsort((rows, -score))[:limit]
        return rows[order].tolist()


_ASCII_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")


@lru_cache(maxsize=1)
def _arabic_letters() -> dict[int, str]:
    return {c: normalize(chr(c)) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]}


@lru_cache(maxsize=262144)
def _norm_piece(piece: str) -> str:
    """normalize() of one whitespace-free piece, with shortcuts for plain words."""
    if _ASCII_WORD.fullmatch(piece):
        return piece.lower().replace("-", " ")
    if _ARABIC_WORD.fullmatch(piece):
        return piece.translate(_arabic_letters())
    return normalize(piece)


def _fast_normalize(name: str) -> str:
    return " ".join(_norm_tokens(name))


@runtime_checkable
class LinkSource(Protocol):
    """What :func:`link` needs of a table: its cached :class:`LinkIndex`
    (:class:`nasab.aliases.AliasTable` is one)."""

    def link_index(self, progress: Callable[[int, int], None] | None = None) -> LinkIndex:
        """The table's index (built on first use, dropped on edit)."""
        ...


def _index_of(table: Any) -> LinkIndex:
    """The index of an alias table, or of a list of names (each its own entity)."""
    if isinstance(table, LinkSource):
        return table.link_index()
    if isinstance(table, str) or not isinstance(table, Iterable):
        raise InputError(
            f"table must be an AliasTable or a list of names, got {type(table).__name__}"
        )
    names = list(table)
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise InputError(f"table name {i} must be a non-empty string, got {n!r}")
    return LinkIndex(names, [str(i) for i in range(len(names))])


def _prepared(name: str) -> PreparedName | str:
    """The prepared name, or why it cannot be (a name over the limits of nasab.text)."""
    try:
        return prepare(name)
    except InputError as exc:
        return str(exc)


#: Rows (by shared-key weight) whose spelling is looked at, per query.
_PRERANK = 200
#: Stand-in spelling similarity of an alias in the other script (not compared by spelling).
_CROSS_SPELLING = 0.6
#: Cross-script comparisons (transliteration: slow) per query, at most.
_CROSS = 2
#: Share of the best shared-key weight a cross-script alias needs to be compared.
_TOP_TIER = 0.99
#: ... and only when no alias in the query's script scores this much.
_CROSS_BELOW = 0.9


@dataclass
class _Best:
    """The best alias found so far for each entity of one query (by entity id).

    Person aliases are scored in one batch by :func:`nasab.match.score_pairs` (the query
    and each alias prepared once); the explained :class:`Match` is made only for the
    candidates returned.
    """

    query: str
    index: LinkIndex
    #: entity id -> (score, 1 unless an exact spelling, row, Match or prepared alias)
    found: dict[str, tuple[float, int, int, Any]]

    def __post_init__(self) -> None:
        self.prepared = _prepared(self.query)

    def keep(self, i: int, score: float, exact: int, what: Any) -> None:
        """Keep row ``i`` if it is the best so far for its entity (exact spellings win ties)."""
        entity = self.index.entity_of(i)
        prev = self.found.get(entity)
        if prev is None or (score, -exact, -i) > (prev[0], -prev[1], -prev[2]):
            self.found[entity] = (score, exact, i, what)

    def consider(self, rows: list[int]) -> None:
        """Score rows and keep the best of each entity."""
        index, query, pq = self.index, self.query, self.prepared
        people: list[tuple[int, PreparedName]] = []
        for i in rows:
            alias = index.aliases[i]
            if index.kind_of(i) == "organization":
                m = _compare(query, alias, "organization")
                self.keep(i, m.score, 1, m)
                continue
            pa = _prepared(alias)
            if isinstance(pq, str) or isinstance(pa, str):  # over the limits: no match
                why = pq if isinstance(pq, str) else pa
                self.keep(i, 0.0, 1, Match(query, alias, 0.0, notes=(str(why),)))
            else:
                people.append((i, pa))
        if people and not isinstance(pq, str):
            k = len(people)
            scores = score_pairs([pq], [p for _, p in people], [0] * k, range(k)).tolist()
            for (i, pa), score in zip(people, scores, strict=True):
                self.keep(i, score, 1, pa)

    def top_score(self) -> float:
        return max((b[0] for b in self.found.values()), default=0.0)

    @staticmethod
    def match(what: Any) -> Match | None:
        """The explained Match of a kept row, if made (else the Candidate makes it on use)."""
        return what if isinstance(what, Match) else None


def _exact_rows(best: _Best, norm: str, kind: str | None) -> None:
    """Rows whose alias equals the query after normalisation: score 1."""
    index, query = best.index, best.query
    for i in index.exact(query, norm):
        if kind is None or index.kind_of(i) == kind:
            m = Match(query, index.aliases[i], 1.0, {"identical": 1.0},
                      notes=("identical after normalisation",))  # fmt: skip
            best.keep(i, 1.0, 0, m)


def _spelling(query: str, index: LinkIndex, cand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(same script?, spelling similarity) of each candidate row; rows in the other
    script get a fixed stand-in (they are not compared by spelling)."""
    same = index.scripts[cand] == _query_script(query)
    spelling = np.full(len(cand), _CROSS_SPELLING)
    if same.any():
        idx = np.flatnonzero(same)
        others = index.take(cand[idx])
        sims = process.cdist([query], others, scorer=fuzz.ratio, processor=default_process,
                             dtype=np.float32)[0]  # fmt: skip
        spelling[idx] = sims / 100.0
    return same, spelling


def _shortlist(
    query: str, index: LinkIndex, cand: np.ndarray, weight: np.ndarray, max_compare: int
) -> list[tuple[int, bool, bool]]:
    """One row per entity for the best ``max_compare`` entities: (row, same script, top tier).

    Rows are ranked by shared-key weight plus, in the query's script, spelling (one
    vectorised pass); each entity keeps its best row in the query's script, else its
    best in the other.
    """
    if len(cand) > _PRERANK:
        sel = np.argpartition(-weight, _PRERANK - 1)[:_PRERANK]
        sel.sort()
        cand, weight = cand[sel], weight[sel]
    same, spelling = _spelling(query, index, cand)
    rank = weight / weight.max() + spelling
    order = np.lexsort((cand, -rank)).tolist()
    ents, cand_l, same_l = index.ents[cand].tolist(), cand.tolist(), same.tolist()
    top_tier = (weight >= _TOP_TIER * weight.max()).tolist()
    chosen: dict[int, list[Any]] = {}  # entity code -> [row, same script, top tier]
    for j in order:
        c = chosen.get(ents[j])
        if c is None:
            if len(chosen) < max_compare:
                chosen[ents[j]] = [cand_l[j], same_l[j], top_tier[j]]
        elif same_l[j] and not c[1]:
            c[0], c[1] = cand_l[j], True
    return [(c[0], c[1], c[2]) for c in chosen.values()]


def _compare_shortlist(best: _Best, shortlist: list[tuple[int, bool, bool]]) -> None:
    """compare() the shortlisted rows. An alias in the other script costs a
    transliteration: compared only for the entities with no alias in the query's
    script that share the most keys, and only when no alias in the query's script
    already matches well."""
    later = []
    for i, is_same, tier in shortlist:
        if not is_same and tier and len(later) < _CROSS:
            later.append(i)
    best.consider([i for i, is_same, _ in shortlist if is_same])
    if later and best.top_score() < _CROSS_BELOW:
        best.consider(later)


def _candidates(best: _Best, top: int, threshold: float) -> list[Candidate]:
    """The kept entities, best first, at most ``top``, none under ``threshold``."""
    ranked = sorted(best.found.items(), key=lambda kv: kv[1][:3])
    ranked.sort(key=lambda kv: -kv[1][0])
    index, out = best.index, []
    for entity_id, (score, _, i, what) in ranked:
        if score < threshold or len(out) >= top:
            break
        out.append(Candidate(entity_id, index.aliases[i], index.canonicals[i], score,
                             best.match(what), index.kind_of(i), query=best.query))  # fmt: skip
    return out


def _link_one(
    query: str,
    index: LinkIndex,
    top: int,
    threshold: float,
    kind: str | None,
    max_compare: int,
) -> list[Candidate]:
    """The candidates of one query: exact spellings, then the rows sharing its keys."""
    norm, keys = _analyse(query)
    best = _Best(query, index, {})
    _exact_rows(best, norm, kind)
    cand, weight = index.scores(keys)
    if kind is not None and len(cand):
        keep = index.kinds[cand] == _KIND_CODES[kind]
        cand, weight = cand[keep], weight[keep]
    if len(cand):
        _compare_shortlist(best, _shortlist(query, index, cand, weight, max_compare))
    return _candidates(best, top, threshold)


# Worker state for multiprocessing (set in the parent before forking).
_WORK: dict[str, Any] = {}


def _work(chunk: list[str]) -> list[list[Candidate]]:
    w = _WORK
    return [
        _link_one(q, w["index"], w["top"], w["threshold"], w["kind"], w["max_compare"])
        for q in chunk
    ]


def link(
    queries: Sequence[str],
    table: LinkSource | Sequence[str],
    *,
    top: int = 5,
    threshold: float = LINK_THRESHOLD,
    kind: str | None = None,
    max_compare: int | None = None,
    workers: int = 1,
    progress: Progress = None,
) -> list[list[Candidate]]:
    """The best entities of an alias table for each query name.

    Args:
        queries: names in Arabic or Latin script (a list, not a single string).
        table: an :class:`~nasab.aliases.AliasTable`, or a list of names (each its
            own entity, with the list index as id).
        top: at most this many entities per query.
        threshold: lowest score kept, in [0, 1].
        kind: only entities of this kind (``person``/``organization``; None: all).
        max_compare: how many entities to compare per query, with the best
            alias of each (default ``max(8, top + 3)``).
        workers: processes to use (more than 1 needs the ``fork`` start method;
            otherwise runs in one).
        progress: a progress bar on long inputs: ``None`` when output is a terminal or
            a notebook (tqdm, the ``progress`` extra), ``False`` never, ``True`` always,
            or a callable called as ``progress(done, total)`` (see :mod:`nasab._progress`).

    Returns:
        One list per query, in query order, of :class:`Candidate` (one per entity,
        best first).

    Raises:
        InputError: ``queries`` is a string or holds non-strings, ``table`` is not
            usable, or ``top``/``threshold``/``kind`` are out of range.

    Example:
        >>> res = link(["Mustapha al-Kadhimi"], ["Mustafa Al-Kazemi", "Mohammed al-Hakimi"], top=1)
        >>> res[0][0].entity_id, res[0][0].alias, res[0][0].score > 0.8
        ('0', 'Mustafa Al-Kazemi', True)
    """
    if isinstance(queries, str) or not isinstance(queries, Iterable):
        raise InputError("queries must be a list of names (wrap a single name in a list)")
    queries = list(queries)
    for i, q in enumerate(queries):
        if not isinstance(q, str) or not q.strip():
            raise InputError(f"query {i} must be a non-empty string, got {q!r}")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(f"top must be a positive integer, got {top!r}")
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be in [0, 1], got {threshold!r}")
    if kind not in (None, "person", "organization"):
        raise InputError(f"kind must be 'person', 'organization' or None, got {kind!r}")
    index = _index_of(table)
    mc = max_compare if max_compare is not None else max(8, top + 3)
    # Each distinct query is linked once.
    distinct = list(dict.fromkeys(queries))
    done: list[list[Candidate]] = []
    total = len(distinct)
    progress = progress_callback(progress, "linking", total)
    if workers > 1 and total >= 2 * workers:
        import multiprocessing as mp

        if "fork" in mp.get_all_start_methods():
            # Load the comparison's lazily built tables once, before the fork.
            compare("Ali", "علي")
            _WORK.update(index=index, top=top, threshold=threshold, kind=kind, max_compare=mc)
            size = max(1, min(500, total // (workers * 4)))
            chunks = [distinct[i : i + size] for i in range(0, total, size)]
            try:
                with mp.get_context("fork").Pool(workers) as pool:
                    for part in pool.imap(_work, chunks):
                        done.extend(part)
                        if progress is not None:
                            progress(len(done), total)
            finally:
                _WORK.clear()
    if not done:
        for n, q in enumerate(distinct, start=1):
            done.append(_link_one(q, index, top, threshold, kind, mc))
            if progress is not None and (n % 200 == 0 or n == total):
                progress(n, total)
    if total == len(queries):
        return done
    by_query = dict(zip(distinct, done, strict=True))
    return [list(by_query[q]) for q in queries]
