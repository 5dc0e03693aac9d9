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
    ...     {"entity_id": "E2", "alias": "Mohammed Shia al-Sudani"},
    ... ])
    >>> [[c.entity_id for c in cands] for cands in link(["al-Kadhimi", "محمد السوداني"], table)]
    [['E1'], ['E2']]
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from ._progress import Progress, progress_callback
from .aliases import AliasRow, AliasTable
from .errors import InputError
from .lexicon import latin_articles
from .match import Match, compare
from .match.algorithms import LINK_THRESHOLD
from .names import parse_name, title_phrases
from .names.keys import skeleton
from .names.parse import is_particle, split_article
from .names.parse import word_key as name_word_key
from .text import MAX_NAME_LENGTH, normalize

__all__ = ["Candidate", "LinkIndex", "link"]

_SPLIT = re.compile(r"\s+")


@dataclass(frozen=True)
class Candidate:
    """One entity proposed for a query.

    Attributes:
        entity_id: the entity's id in the table.
        alias: the entity's alias that matched best.
        canonical: the entity's canonical name (Latin if it has one, else Arabic).
        score: the comparison score in [0, 1].
        match: the :class:`~nasab.match.Match` of query and alias (for ``explain()``).
        kind: the entity's kind.
    """

    entity_id: str
    alias: str
    canonical: str
    score: float
    match: Match
    kind: str = "person"

    def explain(self) -> str:
        """Why the alias matched: :meth:`nasab.match.Match.explain`."""
        return self.match.explain()


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


def _keys_of_tokens(
    toks: list[str],
    word_key: Callable[[str], str] = name_word_key,
    after_article: Callable[[str], str] = _after_article,
) -> tuple[str, ...] | None:
    """parse_name's keys of normalised words, or None where particles need the full parse."""
    if not toks:
        return ()
    if toks[0] in _title_starts():
        return None
    out = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if is_particle(tok):
            return None
        if tok in latin_articles() and i + 1 < n:
            nxt = toks[i + 1]
            if is_particle(nxt) or nxt in latin_articles():
                return None
            key = after_article(nxt)
            i += 2
        else:
            key = word_key(tok)
            i += 1
        if key:
            out.append(key)
    return tuple(out)


def _fast_keys(name: str) -> tuple[str, ...] | None:
    """parse_name's keys without the full parse, or None where particles need it."""
    if "," in name:
        return None
    return _keys_of_tokens(_norm_tokens(name))


def _analyse(
    name: str,
    word_key: Callable[[str], str] = name_word_key,
    after_article: Callable[[str], str] = _after_article,
) -> tuple[str, tuple[str, ...]]:
    """(normalised form, keys) of a name: what the index stores and a query looks up."""
    if len(name) > MAX_NAME_LENGTH:
        return "", ()
    toks = _norm_tokens(name)
    norm = " ".join(toks)
    keys = None
    if "," not in name:
        keys = _keys_of_tokens(toks, word_key, after_article)
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


def _memo(fn: Callable[[str], str]) -> Callable[[str], str]:
    """An unbounded per-build cache (the shared LRU caches would thrash on 1M rows)."""
    seen: dict[str, str] = {}

    def cached(x: str) -> str:
        v = seen.get(x)
        if v is None:
            v = seen[x] = fn(x)
        return v

    return cached


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) >= 3 else set()


# ---------------------------------------------------------------- the index

_SCRIPT_CODES = {"arabic": 1, "latin": 2}
_KIND_CODES = {"person": 0, "organization": 1}


def _query_script(query: str) -> int:
    return 1 if any("\u0600" <= c <= "\u06ff" for c in query) else 2


class LinkIndex:
    """Inverted index from token keys to the rows of an alias table.

    Built by :func:`link` on first use and cached on the table (any edit of the
    table drops it). Everything is held in a few flat arrays: the posting lists
    (rows by key, as one sorted ``int32`` array with offsets), each row's entity,
    script and kind as small integer codes, and a hash of each normalised alias for
    exact look-ups; the rows themselves stay in the table.

    Args:
        rows: the table's rows.
        progress: called as ``progress(done, total)`` while building (optional).

    Example:
        >>> from nasab.aliases import AliasTable
        >>> t = AliasTable([{"entity_id": "E1", "alias": "Mustafa Al-Kazemi"},
        ...                 {"entity_id": "E2", "alias": "Mustafa al-Sudani"}])
        >>> index = LinkIndex(list(t))
        >>> index.candidates(["MSTF", "KZM"], limit=5), index.exact("mustafa al kazemi")
        ([0, 1], [0])
    """

    def __init__(
        self, rows: Sequence[AliasRow], progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.rows = rows
        total = len(rows)
        key_ids: dict[str, int] = {}
        ent_ids: dict[str, int] = {}
        row_keys = array("i")  # the keys of each row, rows one after another
        row_len = bytearray()
        ents = array("i")
        scripts = bytearray()
        kinds = bytearray()
        hashes = array("q")
        word_key = _memo(getattr(name_word_key, "__wrapped__", name_word_key))
        after_article = _memo(_after_article)
        scode, kcode = _SCRIPT_CODES.get, _KIND_CODES.get
        for i, row in enumerate(rows):
            norm, keys = _analyse(row.alias, word_key, after_article)
            ids = {key_ids.setdefault(k, len(key_ids)) for k in keys}
            row_keys.extend(ids)
            row_len.append(min(255, len(ids)))
            ents.append(ent_ids.setdefault(row.entity_id, len(ent_ids)))
            scripts.append(scode(row.script, 0))
            kinds.append(kcode(row.kind, 0))
            hashes.append(hash(norm))
            if progress is not None and i % 50_000 == 0:
                progress(i, total)
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
        self.key_ids = key_ids
        n = max(1, total)
        #: idf-like weight of each key id: rare keys weigh more.
        self._weights = np.log((n + 1) / (sizes + 0.5))
        self.entity_ids = list(ent_ids)
        self.ents = np.frombuffer(ents, dtype=np.int32) if ents else np.zeros(0, np.int32)
        self.scripts = np.frombuffer(bytes(scripts), dtype=np.uint8)
        self.kinds = np.frombuffer(bytes(kinds), dtype=np.uint8)
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
        self._key_names = list(key_ids)

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
            if len(cache) >= 100_000:
                cache.clear()
            cache[key] = found
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
        rows = self.rows
        return sorted(
            i
            for i in self._hash_order[lo:hi].tolist()
            if _analyse(rows[i].alias)[0] == norm  # hash collisions
        )

    def scores(self, keys: Iterable[str], *, fuzzy: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Rows sharing the query's keys and the weight of what they share.

        Rare keys find rows; keys one edit away find rows at 0.7 of their weight;
        huge keys (those of very common names) only add to rows already found,
        unless the query has nothing rarer.

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
        found = [(kid, 1.0) for kid in rare]
        if fuzzy:
            for k in keys:
                kid = ids.get(k)
                if len(k) < 3 or (kid is not None and sizes[kid] > huge):
                    continue
                found.extend((nk, 0.7) for nk in self._neighbour_ids(k) if sizes[nk] <= huge)
        if not found:
            return np.zeros(0, np.int32), np.zeros(0)
        post, start = self._post, self._start
        segs = [post[start[kid] : start[kid + 1]] for kid, _ in found]
        if len(segs) == 1:
            rows = segs[0]
            score = np.full(len(rows), wts[found[0][0]] * found[0][1])
        else:
            w = np.repeat([wts[kid] * f for kid, f in found], [sizes[kid] for kid, _ in found])
            rows, inv = np.unique(np.concatenate(segs), return_inverse=True)
            score = np.bincount(inv.ravel(), weights=w, minlength=len(rows))
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


def _index_of(table: AliasTable, progress: Callable[[int, int], None] | None = None) -> LinkIndex:
    cache = table._cache
    index = cache.get("link_index")
    if index is None:
        index = LinkIndex(table._rows, progress)
        cache["link_index"] = index
    return index


def _as_table(table: Any) -> AliasTable:
    if isinstance(table, AliasTable):
        return table
    if isinstance(table, str) or not isinstance(table, Iterable):
        raise InputError(
            f"table must be an AliasTable or a list of names, got {type(table).__name__}"
        )
    names = list(table)
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise InputError(f"table name {i} must be a non-empty string, got {n!r}")
    return AliasTable(
        {"entity_id": str(i), "alias": n, "alias_kind": "canonical"} for i, n in enumerate(names)
    )


def _compare(query: str, alias: str, kind: str) -> Match:
    try:
        if kind == "organization":
            return compare(query, alias, kind="organization")
        return compare(query, alias)
    except InputError as exc:  # a name over the limits (nasab.text) matches nothing
        return Match(query, alias, 0.0, notes=(str(exc),))


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


def _link_one(
    query: str,
    index: LinkIndex,
    top: int,
    threshold: float,
    kind: str | None,
    max_compare: int,
) -> list[Candidate]:
    rows = index.rows
    norm, keys = _analyse(query)
    kcode = _KIND_CODES.get(kind) if kind is not None else None
    best: dict[str, tuple[float, int, int, Match]] = {}

    def consider(i: int, m: Match | None = None) -> None:
        row = rows[i]
        exact = 0 if m is not None else 1  # exact spellings win ties
        if m is None:
            m = _compare(query, row.alias, row.kind)
        rank = (m.score, -exact, -i)
        prev = best.get(row.entity_id)
        if prev is None or rank > (prev[0], -prev[1], -prev[2]):
            best[row.entity_id] = (m.score, exact, i, m)

    for i in index.exact(query, norm):
        row = rows[i]
        if kind is None or row.kind == kind:
            consider(
                i,
                Match(
                    query,
                    row.alias,
                    1.0,
                    {"identical": 1.0},
                    notes=("identical after normalisation",),
                ),
            )
    cand, weight = index.scores(keys)
    if kcode is not None and len(cand):
        keep = index.kinds[cand] == kcode
        cand, weight = cand[keep], weight[keep]
    if len(cand):
        # 1. the rows sharing the most key weight; 2. ranked by that and, in the
        # query's script, by spelling (one vectorised pass); 3. per entity its best
        # alias in the query's script (else in the other); 4. compare() on the best
        # few entities only.
        if len(cand) > _PRERANK:
            sel = np.argpartition(-weight, _PRERANK - 1)[:_PRERANK]
            sel.sort()
            cand, weight = cand[sel], weight[sel]
        qcode = _query_script(query)
        same = index.scripts[cand] == qcode
        cand_list = cand.tolist()
        spelling = np.full(len(cand), _CROSS_SPELLING)
        if same.any():
            idx = np.flatnonzero(same)
            spelling[idx] = (
                process.cdist(
                    [query],
                    [rows[cand_list[j]].alias for j in idx.tolist()],
                    scorer=fuzz.ratio,
                    processor=default_process,
                    dtype=np.float32,
                )[0]
                / 100.0
            )
        rank = weight / weight.max() + spelling
        order = np.lexsort((cand, -rank)).tolist()
        ents = index.ents[cand].tolist()
        same_l = same.tolist()
        top_tier = (weight >= _TOP_TIER * weight.max()).tolist()
        chosen: dict[int, list[Any]] = {}  # entity code -> [row, same script, top tier]
        for j in order:
            e = ents[j]
            c = chosen.get(e)
            if c is None:
                if len(chosen) >= max_compare:
                    continue
                chosen[e] = [cand_list[j], same_l[j], top_tier[j]]
            elif same_l[j] and not c[1]:
                c[0], c[1] = cand_list[j], True
        # An alias in the other script costs a transliteration: compared only for
        # entities with no alias in the query's script that share the most keys.
        # They are skipped when an alias in the query's script already matches well.
        later = []
        for i, is_same, tier in chosen.values():
            if is_same:
                consider(i)
            elif tier and len(later) < _CROSS:
                later.append(i)
        if later and max((b[0] for b in best.values()), default=0.0) < _CROSS_BELOW:
            for i in later:
                consider(i)
    ranked = sorted(best.items(), key=lambda kv: kv[1][:3])
    ranked.sort(key=lambda kv: -kv[1][0])
    out = []
    for entity_id, (score, _, i, m) in ranked:
        if score < threshold or len(out) >= top:
            break
        row = rows[i]
        out.append(
            Candidate(
                entity_id,
                row.alias,
                row.canonical_latin or row.canonical_arabic,
                score,
                m,
                row.kind,
            )
        )
    return out


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
    table: AliasTable | Sequence[str],
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
        >>> res = link(["Mustapha al-Kadhimi"], ["Mustafa Al-Kazemi", "Mohammed al-Sudani"], top=1)
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
    table = _as_table(table)
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
