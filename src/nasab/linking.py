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

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .aliases import AliasRow, AliasTable
from .errors import InputError
from .match import Match, compare
from .names import parse_name, title_phrases
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


try:  # the parser's word lists, for the fast path below (full parse if they move)
    from .names import parse as _p
    from .names.keys import skeleton

    _ARTICLES = _p._LAT_ARTICLES
    _SPECIAL = _p._PATRONYMIC | _p._KUNYA | _p._ABD | _p._DIN
    _ABD_JOINED = _p._ABD_JOINED
    _DIN_JOINED = _p._DIN_JOINED
    _split_article = _p._split_article
    _FAST = True
except (ImportError, AttributeError):  # pragma: no cover
    _FAST = False


@lru_cache(maxsize=262144)
def _word_key(tok: str) -> str:
    """Key of one normalised word that is not a particle (as parse_name keys it)."""
    if tok.startswith("عبدال") and len(tok) > 5:
        return skeleton("عبد") + skeleton(tok[5:])
    if tok.isascii():
        if tok in ("abdullah", "abdallah", "abdulla", "abdalla"):
            return skeleton("abd") + skeleton("lah")
        m = _ABD_JOINED.match(tok)
        if m:
            return skeleton("abd") + skeleton(tok[m.end() :])
        if len(tok) > 6:
            m = _DIN_JOINED.match(tok)
            if m:
                return skeleton(m.group(1)) + skeleton("din")
    return skeleton(_split_article(tok)[0])


def _fast_keys(name: str) -> tuple[str, ...] | None:
    """parse_name's keys without the full parse, or None where particles need it."""
    if not _FAST or "," in name:
        return None
    toks: list[str] = []
    for piece in _SPLIT.split(name.strip()):
        if piece:
            norm = _norm_piece(piece)
            if norm:
                toks.extend(norm.split(" "))
    if not toks or toks[0] in _title_starts():
        return None if toks else ()
    out = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok in _SPECIAL:
            return None
        if tok in _ARTICLES and i + 1 < n:
            nxt = toks[i + 1]
            if nxt in _SPECIAL or nxt in _ARTICLES:
                return None
            key = skeleton(_split_article(nxt)[0])
            i += 2
        else:
            key = _word_key(tok)
            i += 1
        if key:
            out.append(key)
    return tuple(out)


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
    if len(name) > MAX_NAME_LENGTH:
        return ()
    keys = _fast_keys(name)
    return keys if keys is not None else _parse_keys(name)


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) >= 3 else set()


# ---------------------------------------------------------------- the index


class LinkIndex:
    """Inverted index from token keys to the rows of an alias table.

    Built by :func:`link` on first use and cached on the table (any edit of the
    table drops it).

    Args:
        rows: the table's rows.
        progress: called as ``progress(done, total)`` while building (optional).
    """

    def __init__(
        self, rows: Sequence[AliasRow], progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.rows = rows
        postings: dict[str, list[int]] = {}
        total = len(rows)
        for i, row in enumerate(rows):
            for key in set(name_keys(row.alias)):
                lst = postings.get(key)
                if lst is None:
                    postings[key] = [i]
                else:
                    lst.append(i)
            if progress is not None and i % 50_000 == 0:
                progress(i, total)
        self.postings = postings
        n = max(1, total)
        #: idf-like weight of each key: rare keys weigh more.
        self.weights = {k: math.log((n + 1) / (len(v) + 0.5)) for k, v in postings.items()}
        self._neighbours: dict[str, list[str]] | None = None
        self._exact: dict[str, list[int]] | None = None
        #: posting lists longer than this are "huge": used only when nothing else is.
        self.huge = max(500, int(0.002 * total))

    def neighbours(self, key: str) -> list[str]:
        """Keys of the table one insertion, deletion or substitution away from ``key``."""
        if self._neighbours is None:
            nb: dict[str, list[str]] = {}
            for k in self.postings:
                if len(k) >= 3:
                    nb.setdefault(k, []).append(k)
                    for d in _deletes(k):
                        nb.setdefault(d, []).append(k)
            self._neighbours = nb
        out: set[str] = set()
        for probe in {key} | _deletes(key):
            out.update(self._neighbours.get(probe, ()))
        out.discard(key)
        return [k for k in out if _edit1(k, key)]

    def exact(self, name: str) -> list[int]:
        """Rows whose alias equals ``name`` after normalisation."""
        if self._exact is None:
            ex: dict[str, list[int]] = {}
            for i, row in enumerate(self.rows):
                ex.setdefault(_fast_normalize(row.alias), []).append(i)
            self._exact = ex
        return self._exact.get(_fast_normalize(name), [])

    def candidates(self, keys: Iterable[str], *, limit: int, fuzzy: bool = True) -> list[int]:
        """Rows sharing the query's keys, best first by the weight of what they share."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        scores: dict[int, float] = {}
        present = [k for k in keys if k in self.postings]
        rare = [k for k in present if len(self.postings[k]) <= self.huge]
        if not rare and present:  # nothing rarer: the smallest huge list
            rare = [min(present, key=lambda k: len(self.postings[k]))]
        for k in rare:
            w = self.weights[k]
            for i in self.postings[k]:
                scores[i] = scores.get(i, 0.0) + w
        if fuzzy:
            for k in keys:
                if len(k) < 3 or (k in self.postings and len(self.postings[k]) > self.huge):
                    continue
                for nk in self.neighbours(k):
                    if len(self.postings[nk]) > self.huge:
                        continue
                    w = 0.7 * self.weights[nk]
                    for i in self.postings[nk]:
                        scores[i] = scores.get(i, 0.0) + w
        # Common keys the query shares add to candidates already found.
        for k in present:
            if k not in rare:
                w = self.weights[k]
                lst = self.postings[k]
                if len(scores) * 8 < len(lst):
                    continue
                for i in lst:
                    if i in scores:
                        scores[i] += w
        if len(scores) <= limit:
            return sorted(scores, key=lambda i: -scores[i])
        import heapq

        return heapq.nlargest(limit, scores, key=scores.__getitem__)


def _edit1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


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


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return ratio(a, b)


def _fast_normalize(name: str) -> str:
    return " ".join(p for p in (_norm_piece(x) for x in _SPLIT.split(name.strip())) if p)


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
    if kind == "organization":
        try:
            return compare(query, alias, kind="organization")
        except ImportError:  # organisation comparison not available: compare as names
            pass
    return compare(query, alias)


def _link_one(
    query: str,
    table: AliasTable,
    index: LinkIndex,
    top: int,
    threshold: float,
    kind: str | None,
    max_compare: int,
) -> list[Candidate]:
    rows = index.rows
    best: dict[str, tuple[float, int, int, Match]] = {}

    def consider(i: int, m: Match | None = None) -> None:
        row = rows[i]
        if kind is not None and row.kind != kind:
            return
        exact = 0 if m is not None else 1  # exact spellings win ties
        if m is None:
            m = _compare(query, row.alias, row.kind)
        rank = (m.score, -exact, -i)
        prev = best.get(row.entity_id)
        if prev is None or rank > (prev[0], -prev[1], -prev[2]):
            best[row.entity_id] = (m.score, exact, i, m)

    for i in index.exact(query):
        row = rows[i]
        consider(
            i,
            Match(
                query, row.alias, 1.0, {"identical": 1.0}, notes=("identical after normalisation",)
            ),
        )
    # Per entity, compare at most two aliases: same-script ones first (cross-script
    # comparison needs transliteration and is slower), then the closest spelling.
    qscript = "arabic" if any("\u0600" <= c <= "\u06ff" for c in query) else "latin"
    qnorm = _fast_normalize(query)
    cands = index.candidates(name_keys(query), limit=3 * max_compare)
    by_entity: dict[str, list[int]] = {}
    order: list[str] = []
    for i in cands:
        eid = rows[i].entity_id
        if eid not in by_entity:
            by_entity[eid] = []
            order.append(eid)
        by_entity[eid].append(i)
    budget = max_compare
    cross = max(3, top)  # cross-script comparisons (transliteration) are costly: a few
    for eid in order:
        if budget <= 0:
            break
        group = by_entity[eid]
        same = [i for i in group if rows[i].script == qscript]
        if len(same) > 2:
            same.sort(key=lambda i: -_ratio(qnorm, _fast_normalize(rows[i].alias)))
        if same:
            group = same[:2]
        elif cross > 0:
            group = group[:1]
            cross -= 1
        else:
            continue
        for i in group:
            consider(i)
            budget -= 1
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
        _link_one(q, w["table"], w["index"], w["top"], w["threshold"], w["kind"], w["max_compare"])
        for q in chunk
    ]


def link(
    queries: Sequence[str],
    table: AliasTable | Sequence[str],
    *,
    top: int = 5,
    threshold: float = 0.7,
    kind: str | None = None,
    max_compare: int | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[list[Candidate]]:
    """The best entities of an alias table for each query name.

    Args:
        queries: names in Arabic or Latin script (a list, not a single string).
        table: an :class:`~nasab.aliases.AliasTable`, or a list of names (each its
            own entity, with the list index as id).
        top: at most this many entities per query.
        threshold: lowest score kept, in [0, 1].
        kind: only entities of this kind (``person``/``organization``; None: all).
        max_compare: how many candidate aliases to compare per query
            (default ``max(20, 4 * top)``).
        workers: processes to use (more than 1 needs the ``fork`` start method;
            otherwise runs in one).
        progress: called as ``progress(done, total)`` now and then (optional).

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
    mc = max_compare if max_compare is not None else max(20, 4 * top)
    if workers > 1 and len(queries) >= 2 * workers:
        import multiprocessing as mp

        if "fork" in mp.get_all_start_methods():
            _WORK.update(
                table=table, index=index, top=top, threshold=threshold, kind=kind, max_compare=mc
            )
            size = max(1, min(500, len(queries) // (workers * 4)))
            chunks = [queries[i : i + size] for i in range(0, len(queries), size)]
            out: list[list[Candidate]] = []
            try:
                with mp.get_context("fork").Pool(workers) as pool:
                    for part in pool.imap(_work, chunks):
                        out.extend(part)
                        if progress is not None:
                            progress(len(out), len(queries))
            finally:
                _WORK.clear()
            return out
    results = []
    for n, q in enumerate(queries, start=1):
        results.append(_link_one(q, table, index, top, threshold, kind, mc))
        if progress is not None and (n % 200 == 0 or n == len(queries)):
            progress(n, len(queries))
    return results
