"""Blocking: script-neutral keys that bring candidate pairs together.

Every name gets a few keys; two names become a candidate pair when they share a key
whose block is small. Person names are keyed by their token skeletons
(:func:`nasab.names.skeleton`: ``Kazemi``, ``Kadhimi`` and ``الكاظمي`` all give
``KZM``), by the skeletons of the spellings comparison reads as the same tokens
(:func:`nasab.names.keys.spelling_keys`: two adjacent tokens written as one word, an
article written joined, Urdu aspirates) and by sorted pairs of skeletons;
organisation names by their content words, translated concepts, acronyms and joined
forms (:func:`nasab.match.orgs.org_keys`).
Very common keys (``MHMD``) make blocks too large to score; such a block is dropped
and its names meet only through a second shared key (the pair keys), so the number of
candidate pairs grows about linearly with the input. Pairs are generated with numpy
(block by block size), so a million names take seconds, not minutes.

A cheap prefilter (:func:`prefilter`) then drops person pairs whose distinctive
tokens share too little, in two stages: rapidfuzz's ``token_set_ratio`` over the
names' skeleton keys of rare tokens (:func:`rare_key`), vectorised over all pairs;
then the *coverage* of the shorter name's rare tokens by the other's (each token's
best skeleton similarity, counted from 0.5), which must exceed one half: two-token
names that share only one token are out.

Example:
    >>> sorted(person_keys("Mustafa al-Kadhimi")) == sorted(person_keys("مصطفى الكاظمي"))
    True
    >>> sorted(person_keys("Mustafa al-Kadhimi"))
    ['p:KZM|MSTF', 't:KZM', 't:MSTF', 't:MSTFKZM', 'x:KZM|M', 'x:MSTF|K']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations

import numpy as np

from ..match.bounds import unique_codes, unique_inverse
from ..names import Name, parse_name
from ..names.keys import coarse, spelling_keys
from ..text import normalize

__all__ = [
    "COVERAGE",
    "MAX_BLOCK",
    "PREFILTER",
    "Prefilter",
    "candidate_codes",
    "candidate_pairs",
    "hot_key",
    "keys_of",
    "org_keys",
    "pairs_of_blocks",
    "person_keys",
    "prefilter",
    "rare_key",
    "unique_codes",
]

#: Blocks larger than this are not scored (their names meet through other keys).
MAX_BLOCK = 60

#: Least ``token_set_ratio`` (0-100) of two person names' rare-token skeleton keys for
#: the pair to be scored in full. On the OFAC person candidate pairs it keeps 49% of
#: the pairs and 99.0% of those that score 0.65 or more.
PREFILTER = 60

#: Least coverage of the shorter name's rare tokens (second stage). With the first
#: stage it keeps 24% of the OFAC person candidate pairs and 96.6% of those that score
#: 0.65 or more (20% and 98.3% on the synthetic scale benchmark).
COVERAGE = 0.55

# Skeleton similarity below which a token counts as not covered at all.
_COVER_FLOOR = 0.5

# Tokens weighing less than this cannot carry a match alone (as in nasab.match.batch).
_COMMON = 0.35

# Pairs per prefilter call (bounds the temporary lists of strings).
_CHUNK = 1 << 20


@lru_cache(maxsize=262144)
def person_keys(name: str) -> frozenset[str]:
    """Blocking keys of a person name: token skeletons and sorted skeleton pairs."""
    return _person_keys(parse_name(name), name)


def _person_keys(n: Name, name: str) -> frozenset[str]:
    toks = sorted({t.key for t in n.tokens if t.key})
    keys = {"t:" + k for k in toks}
    # Spellings that comparison reads as the same tokens (Hamid Reza / Hamidreza,
    # Alshebel / al-Shebel, چوہدری / Chaudhry) meet in the token blocks too.
    keys.update("t:" + k for k in spelling_keys([t.text for t in n.tokens]))
    # The pair of the first and last token is the strongest; all pairs keep recall
    # when middle names are dropped or added.
    keys.update(f"p:{a}|{b}" for a, b in combinations(toks, 2))
    # Coarse pairs (a token with the initial of another) find spelling variants of the
    # other token (Gaddafi / Gadhafi) when the shared token alone is too common.
    keys.update(f"x:{a}|{b[0]}" for a in toks for b in toks if a != b)
    # The whole multiset of keys: names whose tokens all share one key (Mahmoudi
    # Mohammad) have no pair key.
    all_keys = sorted(t.key for t in n.tokens if t.key)
    if len(all_keys) > len(toks):
        keys.add("f:" + "|".join(all_keys))
    keys.update("k:" + t.key for t in n.kunya if t.key)
    if not keys:
        keys.add("n:" + normalize(name))
    return frozenset(keys)


def org_keys(name: str) -> frozenset[str]:
    """Blocking keys of an organisation name (see :func:`nasab.match.orgs.org_keys`)."""
    from ..match.orgs import org_keys as _org_keys

    return _org_keys_pairs(name, _org_keys)


@lru_cache(maxsize=262144)
def _org_keys_pairs(name: str, base) -> frozenset[str]:  # type: ignore[no-untyped-def]
    keys = set(base(name))
    from ..match.orgs import parse_org

    latin = [u.fold for u in parse_org(name).units if u.script == "latin" and not u.concept]
    # Words written joined or apart (AERO CONTINENTE / AEROCONTINENTE): the joined
    # proper-name words, and the first two of them.
    if latin:
        keys.add("z:" + "".join(latin))
        keys.add("z:" + "".join(latin[:2]))
    words = sorted(k for k in keys if k[:2] in ("w:", "c:"))
    keys.update(f"q:{a}|{b}" for a, b in combinations(words, 2))
    if not keys:
        keys.add("n:" + normalize(name))
    return frozenset(keys)


def keys_and_rare(kind: str, name: str, parsed: Name | None = None) -> tuple[frozenset[str], str]:
    """Blocking keys and :func:`rare_key` of a name, parsing it once (not cached).

    ``parsed`` may give the person name's parse (:func:`nasab.names.parse_name`).
    """
    if kind == "organization":
        return org_keys(name), ""
    n = parse_name(name) if parsed is None else parsed
    return _person_keys(n, name), _rare_key(n)


def keys_of(name: str, kind: str) -> frozenset[str]:
    """Blocking keys of a name of the given kind."""
    return org_keys(name) if kind == "organization" else person_keys(name)


def candidate_pairs(
    names: Sequence[tuple[str, str]], *, max_block: int = MAX_BLOCK
) -> set[tuple[int, int]]:
    """Candidate pairs ``(i, j)``, ``i < j``, among ``(kind, name)`` items.

    Items of different kinds are never paired. Blocks larger than ``max_block`` are
    dropped.

    Example:
        >>> sorted(candidate_pairs([("person", "Ali al-Kazemi"), ("person", "الكاظمي"),
        ...                         ("organization", "Kazemi Trading")]))
        [(0, 1)]
    """
    codes = candidate_codes(names, max_block=max_block)
    n = len(names)
    return set(zip((codes // n).tolist(), (codes % n).tolist(), strict=True)) if n else set()


def candidate_codes(
    names: Sequence[tuple[str, str]],
    *,
    max_block: int = MAX_BLOCK,
    keys: Sequence[frozenset[str]] | None = None,
) -> np.ndarray:
    """The candidate pairs of :func:`candidate_pairs` as sorted codes ``i * len(names) + j``.

    ``keys`` may give each item's blocking keys (else :func:`keys_of` computes them).
    """
    n = len(names)
    block_of: dict[tuple[str, str], int] = {}
    blocks: list[int] = []
    members: list[int] = []
    for i, (kind, name) in enumerate(names):
        for key in keys_of(name, kind) if keys is None else keys[i]:
            blocks.append(block_of.setdefault((kind, key), len(block_of)))
            members.append(i)
    if not blocks:
        return np.zeros(0, dtype=np.int64)
    b = np.asarray(blocks, dtype=np.int64)
    m = np.asarray(members, dtype=np.int64)
    del blocks, members
    return unique_codes(pairs_of_blocks(b, m, n, max_block))


def pairs_of_blocks(b: np.ndarray, m: np.ndarray, n: int, max_block: int) -> np.ndarray:
    """Codes ``i * n + j`` (``i < j``) of all pairs inside each block of at most ``max_block``.

    ``b[k]`` is the block of node ``m[k]``; a node may appear in a block once. Larger
    blocks give nothing. Codes are not sorted and may repeat across blocks.

    Example:
        >>> pairs_of_blocks(np.array([0, 0, 1, 0]), np.array([2, 0, 1, 1]), 3, 3).tolist()
        [1, 2, 5]
    """
    if not len(b):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((m, b))  # by block, members ascending within a block
    b, m = b[order], m[order]
    _, starts, sizes = np.unique(b, return_index=True, return_counts=True)
    sizes = np.where(sizes <= max_block, sizes, 0)
    # The codes are written into one array (not parts joined at the end: half the memory).
    out = np.empty(int((sizes * (sizes - 1) // 2).sum()), dtype=np.int64)
    at = 0
    for s in range(2, max_block + 1):
        first = starts[sizes == s]
        if not len(first):
            continue
        grid = m[first[:, None] + np.arange(s)]  # one row of members per block
        lo, hi = np.triu_indices(s, 1)
        part = out[at : at + len(first) * len(lo)].reshape(len(first), len(lo))
        np.multiply(grid[:, lo], n, out=part)
        part += grid[:, hi]
        at += part.size
    return out


@lru_cache(maxsize=262144)
def rare_key(name: str) -> str:
    """Space-joined skeletons of a person name's distinctive tokens (the prefilter's input).

    Tokens too common to carry a match alone (Mohammed, Ali) and initials are left
    out, as in :func:`nasab.match.batch.name_keys`; such names get an empty key.

    Example:
        >>> rare_key("Mustafa al-Kadhimi") == rare_key("مصطفى الكاظمي") == "MSTF KZM"
        True
    """
    return _rare_key(parse_name(name))


def hot_key(p: Name, rare: str) -> str:
    """A person name's place among the members of a hot block (one too large to give all
    its pairs, cut into chunks in this order: :func:`nasab.resolution.block_pairs`).

    The coarse skeletons (:func:`nasab.names.keys.coarse`) of the name's last and first
    tokens, then its :func:`rare_key` ``rare``, space-separated: the writings of one
    person keep their first and last names (a middle name comes and goes) and their
    coarse skeletons agree across scripts more often than the fine ones, so they sort
    next to each other in a block of a common given or family name.

    Example:
        >>> hot_key(parse_name("Mustafa al-Kadhimi"), "MSTF KZM")
        'KDM MTB MSTF KZM'
        >>> hot_key(parse_name("مصطفى الكاظمي"), "MSTF KZM")
        'KDM MTB MSTF KZM'
    """
    toks = [t.key for t in p.tokens if t.key]
    if not toks:
        return "  " + rare
    return f"{coarse(toks[-1])} {coarse(toks[0])} {rare}"


def _rare_key(p: Name) -> str:
    from ..match.weights import token_weight

    return " ".join(
        t.key for t in (*p.tokens, *p.kunya) if token_weight(t.key) >= _COMMON and len(t.text) > 1
    )


def prefilter(
    names: Sequence[tuple[str, str]],
    codes: np.ndarray,
    *,
    cutoff: int = PREFILTER,
    coverage: float = COVERAGE,
    workers: int = 1,
    rare: Sequence[str] | None = None,
) -> np.ndarray:
    """Which candidate pairs (codes of :func:`candidate_codes`) are worth a full score.

    A person pair is kept when the ``token_set_ratio`` of the two names'
    :func:`rare_key` reaches ``cutoff`` and the coverage of the shorter key's tokens
    reaches ``coverage`` (0 turns this stage off), or when either key is empty (a
    name made of common tokens only is scored in full). Organisation pairs are all
    kept. The verdict depends on the two names only, not on their order. ``rare``
    may give each item's :func:`rare_key` (empty for organisations); ``workers``:
    threads of rapidfuzz's ``cpdist``.

    Example:
        >>> items = [("person", "Mustafa al-Kadhimi"), ("person", "مصطفى الكاظمي"),
        ...          ("person", "Nouri al-Maliki")]
        >>> prefilter(items, np.array([0 * 3 + 1, 0 * 3 + 2])).tolist()
        [True, False]
    """
    if not len(codes):
        return np.ones(0, dtype=bool)
    judge = Prefilter(names, cutoff=cutoff, coverage=coverage, rare=rare)
    return judge(codes, workers=workers)


class Prefilter:
    """:func:`prefilter` over the items ``names``, what it reads of each name taken once
    (the rare keys, their ids, the coverage's token ids): calling it on any part of the
    pair codes gives the verdicts :func:`prefilter` gives those pairs, so forked
    processes may each judge a part of them (:func:`nasab.resolution.prefilter_pairs`).

    Example:
        >>> judge = Prefilter([("person", "Mustafa al-Kadhimi"), ("person", "مصطفى الكاظمي"),
        ...                    ("person", "Nouri al-Maliki")])
        >>> judge(np.array([0 * 3 + 2])).tolist(), judge(np.array([0 * 3 + 1])).tolist()
        ([False], [True])
    """

    def __init__(
        self,
        names: Sequence[tuple[str, str]],
        *,
        cutoff: int = PREFILTER,
        coverage: float = COVERAGE,
        rare: Sequence[str] | None = None,
    ) -> None:
        n = self.n = len(names)
        self.cutoff, self.coverage = cutoff, coverage
        self.person = np.fromiter((k == "person" for k, _ in names), dtype=bool, count=n)
        if rare is None:
            rare = [rare_key(nm) if k == "person" else "" for k, nm in names]
        self.keys = np.array(rare, dtype=object)
        self.has_key = np.fromiter((bool(k) for k in self.keys), dtype=bool, count=n)
        self.key_id = _ids(self.keys.tolist())
        self.cov = _Coverage(self.keys)

    def __call__(self, codes: np.ndarray, *, workers: int = 1) -> np.ndarray:
        """Which pairs (codes ``u * len(names) + v``) are worth a full score; ``workers``:
        threads of rapidfuzz's ``cpdist``."""
        from rapidfuzz import fuzz, process

        n, keys = self.n, self.keys
        keep = np.ones(len(codes), dtype=bool)
        for lo in range(0, len(codes), _CHUNK):
            c = codes[lo : lo + _CHUNK]
            u, v = c // n, c % n
            sel = np.nonzero(self.person[u] & self.person[v] & self.has_key[u] & self.has_key[v])[0]
            if not len(sel):
                continue
            # The verdict is a function of the two keys, in either order: each distinct
            # pair of keys is judged once, on the first pair of nodes that has it.
            first, back = _first_of_each(self.key_id[u[sel]], self.key_id[v[sel]])
            ru, rv = u[sel[first]], v[sel[first]]
            sim = process.cpdist(
                keys[ru].tolist(),
                keys[rv].tolist(),
                scorer=fuzz.token_set_ratio,
                dtype=np.uint8,
                workers=workers,
            )
            ok = sim >= self.cutoff
            if self.coverage > 0 and ok.any():
                at = np.flatnonzero(ok)
                cov = self.cov(ru[at], rv[at], least=self.coverage, workers=workers)
                ok[at] = cov >= self.coverage
            keep[lo + sel] = ok[back]
        return keep


def _ids(values: list[str]) -> np.ndarray:
    """An integer id per value (equal values, equal ids)."""
    at: dict[str, int] = {}
    return np.fromiter(
        (at.setdefault(x, len(at)) for x in values), dtype=np.int64, count=len(values)
    )


def _first_of_each(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For the unordered pairs ``{a[k], b[k]}``: the position of the first of each distinct
    pair, and for every position the index of its pair among those firsts.

    Example:
        >>> first, back = _first_of_each(np.array([1, 2, 1, 3]), np.array([2, 1, 3, 1]))
        >>> first.tolist(), back.tolist()
        ([0, 2], [0, 0, 1, 1])
    """
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    codes = lo * (int(hi.max(initial=0)) + 1) + hi
    # The distinct codes (sorted) and each position's: by one sort of the codes packed
    # with their positions (unique_inverse), not a stable argsort (half the time).
    uniq, group = unique_inverse(codes)
    first = np.full(len(uniq), len(codes), dtype=np.int64)
    np.minimum.at(first, group, np.arange(len(codes), dtype=np.int64))
    back = group
    # Firsts in order of position, and the groups renumbered to match.
    rank = np.argsort(first, kind="stable")
    renum = np.empty(len(rank), dtype=np.int64)
    renum[rank] = np.arange(len(rank))
    return first[rank], renum[back]


class _Coverage:
    """Coverage of the shorter name's rare tokens by the other's (see the module doc).

    Vectorised over pairs: each node's distinct rare tokens become integer ids (sorted by
    text); the pairs are grouped by their two token counts, their token-id grids built
    with numpy, and every distinct token pair is scored once (rapidfuzz ``cpdist``).
    """

    def __init__(self, keys: np.ndarray) -> None:
        toks = [tuple(sorted(set(k.split()))) for k in keys.tolist()]
        vocab = sorted({t for ts in toks for t in ts})
        at = {t: k for k, t in enumerate(vocab)}
        self.vocab = np.asarray(vocab, dtype=object)
        self.size = np.fromiter((len(t) for t in toks), dtype=np.int64, count=len(toks))
        # Token ids of node i: flat[start[i] : start[i] + size[i]].
        self.start = np.concatenate([[0], np.cumsum(self.size)[:-1]]).astype(np.int64)
        self.flat = np.fromiter(
            (at[t] for ts in toks for t in ts), dtype=np.int64, count=int(self.size.sum())
        )
        # Rank of each node's token tuple: breaks ties between names of equal length.
        rank_of = {t: k for k, t in enumerate(sorted(set(toks)))}
        self.rank = np.fromiter((rank_of[t] for t in toks), dtype=np.int64, count=len(toks))

    def __call__(
        self, u: np.ndarray, v: np.ndarray, least: float | None = None, workers: int = 1
    ) -> np.ndarray:
        """Coverage of each pair ``(u[k], v[k])`` (the shorter name's tokens covered).

        A token the other name has covers itself (similarity 1): only the others are
        scored. With ``least``, a pair whose shared tokens alone give a coverage of
        ``least`` or more is not scored further and gets that lower bound (so the
        verdict ``>= least`` is the same as with its full coverage). ``workers``:
        threads of rapidfuzz's ``cpdist``.

        Example:
            >>> cov = _Coverage(np.array(["MSTF KZM", "KZM MSTF", "MSTF KDM"], dtype=object))
            >>> [round(c, 3) for c in cov(np.array([0, 0]), np.array([1, 2])).tolist()]
            [1.0, 0.833]
            >>> cov(np.array([0, 0]), np.array([1, 2]), least=0.5).tolist()
            [1.0, 0.5]
        """
        swap = (self.size[u] > self.size[v]) | (
            (self.size[u] == self.size[v]) & (self.rank[u] > self.rank[v])
        )
        a, b = np.where(swap, v, u), np.where(swap, u, v)
        la, lb = self.size[a], self.size[b]
        out = np.zeros(len(a), dtype=np.float64)
        for x, y in sorted(set(zip(la.tolist(), lb.tolist(), strict=True))):
            if x == 0:
                continue
            rows = np.flatnonzero((la == x) & (lb == y))
            ta = self.flat[self.start[a[rows], None] + np.arange(x)]  # (P, x)
            tb = self.flat[self.start[b[rows], None] + np.arange(y)]  # (P, y)
            best = (ta[:, :, None] == tb[:, None, :]).any(axis=2).astype(np.float64)  # (P, x)
            todo = best == 0.0
            if least is not None:
                todo &= (best.sum(axis=1) / x < least)[:, None]
            p, i = np.nonzero(todo)
            if len(p):
                best[p, i] = self._token_sim(ta[p, i][:, None], tb[p], workers).max(axis=1)
            out[rows] = np.where(best >= _COVER_FLOOR, best, 0.0).sum(axis=1) / x
        return out

    def _token_sim(self, x: np.ndarray, y: np.ndarray, workers: int = 1) -> np.ndarray:
        """Normalised Levenshtein similarity of token ids (broadcast), each pair once."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        x, y = np.broadcast_arrays(x, y)
        uniq, back = unique_inverse(x * len(self.vocab) + y)
        vals = process.cpdist(
            self.vocab[uniq // len(self.vocab)].tolist(),
            self.vocab[uniq % len(self.vocab)].tolist(),
            scorer=Levenshtein.normalized_similarity,
            dtype=np.float64,
            workers=workers,
        )
        return vals[back.reshape(-1)].reshape(x.shape)
