"""The stages of :func:`nasab.resolve`, each a function of what the stage before gave.

::

    records ──prepare──▶ Prepared (nodes: distinct (kind, surface name[, record id]))
            ──node_keys──▶ NodeKeys (blocking keys and rare-token key of each node)
            ──key_counts──▶ block size of every key            (the one global statistic)
            ──list_frequency──▶ the list's common tokens (from the ``t:`` block sizes)
            ──block_pairs──▶ candidate pairs (u < v), blocks bounded by MAX_BLOCK
            ──prefilter_pairs──▶ the pairs worth a full score
            ──may_reach──▶ the pairs whose score bound reaches their threshold
            ──score_pairs──▶ score and conflict of each pair  (a pure function of two names)
            ──connected──▶ components of the pairs at or above threshold (+ judgements)
            ──bound_components──▶ components larger than MAX_COMPONENT cut at weak links
                                  (components at the score levels of cut_levels)
            ──score_pairs──▶ the other pairs, where both names are in one component
            ──cluster (per component)──▶ clusters (average linkage, cannot-links)
            ──entity_id──▶ id from the cluster's smallest member only

What a distributed implementation (for example on Spark) must reproduce to give the
same entities and ids:

1. **Nodes.** A node is a distinct ``(kind, surface)`` name, where the surface is the
   name with its whitespace collapsed (:func:`surface`); a record named by an
   id-judgement is its own node. Nodes are ordered by :func:`node_order` (kind, then
   ``normalize(name)``, then name, then record id); node indexes are positions in
   that order, so they depend on the set of names only.
2. **Keys.** :func:`node_keys` is a pure function of one node (its kind and name).
3. **Block sizes.** :func:`key_counts` counts the nodes of each ``(kind, key)``; it is the
   only global statistic. The sizes of the person token blocks (``t:`` keys) and the
   number of person nodes give the list's token weights (:func:`list_frequency`): a
   token more than :data:`~nasab.match.weights.LIST_FLOOR` names carry weighs less, as
   common in this list, in every score of the run. A block of at most :data:`MAX_BLOCK` nodes gives all its
   pairs. A larger (*hot*) block is split (:data:`HOT_CHUNK` = 8 by default): its
   members are sorted by ``(hot key, node order)`` (:func:`.blocking.hot_key`: the
   coarse skeletons of the last and first tokens, then the rare key; a pure function of
   the node) and cut into consecutive chunks of
   ``HOT_CHUNK`` nodes, twice (the second cut shifted by half a chunk); each chunk
   gives all its pairs. With ``HOT_CHUNK`` = 0 a hot block gives none: its names meet
   only through their rarer keys (token pairs). Either way no block scores more
   than ``MAX_BLOCK`` names against each other, so the pairs grow linearly with the
   names.
4. **Prefilter and scores** are pure functions of the two names of a pair and of the
   list's token weights (:func:`nasab.resolution.blocking.prefilter`,
   :func:`nasab.compare` with ``freq``): any split of the pairs over machines that
   shares those weights gives the same values.
5. **Components** are the connected components of the pairs whose score reaches the
   threshold of their kind, plus same-judgements; they do not depend on the order in
   which pairs are seen. A component of more than :data:`MAX_COMPONENT` nodes is cut
   at its weakest links (:func:`bound_components`, a function of its own pairs): its
   components at the score levels of :func:`cut_levels` (each pair carries the number
   of levels it reaches, :func:`pair_levels`), each node in the one of the lowest level
   with at most ``MAX_COMPONENT`` nodes; in Spark, components runs over
   ``(level, node)`` for windows of levels, before any task holds the component. **Clustering** runs inside one piece at a time and reads
   only that component's pairs (and, for small clusters, scores of missing pairs of
   its own members, computed on demand).
6. **Ids.** :func:`entity_id` hashes the kind and the cluster's smallest member in node
   order (``nsb-`` + 12 hex digits of SHA-1): a rule that depends only on the members.

Example:
    >>> from nasab.resolution import as_records
    >>> from nasab.resolution.judgements import Judgements
    >>> prep = prepare(as_records(["Ali al-Kazemi", "علي الكاظمي", "Ali  al-Kazemi"]), Judgements())
    >>> [n.name for n in prep.nodes], prep.node_of
    (['Ali al-Kazemi', 'علي الكاظمي'], [0, 1, 0])
    >>> u, v = block_pairs(node_keys(prep))
    >>> list(zip(u.tolist(), v.tolist()))
    [(0, 1)]
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from itertools import chain
from operator import itemgetter

import numpy as np

from ..errors import InputError
from ..match import PreparedName, compare, score_conflict, score_prepared
from ..match import prepare as prepare_name
from ..match.batch import PairBounds, warm_token_pairs
from ..match.orgs import is_weak_org, org_fit, org_siblings, org_subsidiary_word
from ..match.weak import WEAK_BASE, is_weak, weak_factor
from ..match.weights import ListFrequency
from ..text import MAX_NAME_LENGTH, normalize
from .attributes import Evidence, Facts, adjust_score, compare_facts, facts_of
from .blocking import MAX_BLOCK, Prefilter, hot_key, keys_and_rare, pairs_of_blocks, unique_codes
from .forks import fork_map, forks
from .judgements import JudgementConflictError, Judgements
from .records import Record
from .unionfind import UnionFind, components

__all__ = [
    "BOUND_MARGIN",
    "BOUND_SPANS",
    "CANNOT_BELOW",
    "CONFLICT_CANNOT",
    "CUT_STEP",
    "HOT_CHUNK",
    "MAX_BLOCK",
    "MAX_COMPONENT",
    "MUST_LEVEL",
    "PARALLEL_MIN_BOUNDS",
    "PARALLEL_MIN_CONFLICTS",
    "PARALLEL_MIN_HOT",
    "PARALLEL_MIN_KEYS",
    "PARALLEL_MIN_NORMS",
    "PARALLEL_MIN_PAIRS",
    "PARALLEL_MIN_PREFILTER",
    "SCORE_SPANS",
    "TOKEN_KEY",
    "WEAK_BASE",
    "WEAK_ORG_NAMES",
    "Node",
    "NodeKeys",
    "Pairs",
    "Prepared",
    "attach_weak",
    "attribute_agree",
    "attribute_scores",
    "attribute_tags",
    "block_pairs",
    "bound_components",
    "cannot_links",
    "connected",
    "cut_levels",
    "entity_id",
    "facts_evidence",
    "is_weak",
    "judged_links",
    "key_counts",
    "list_frequency",
    "may_reach",
    "merge_scored",
    "node_keys",
    "node_order",
    "org_apart",
    "pair_judge",
    "pair_levels",
    "prefilter_pairs",
    "prepare",
    "prepare_bounds",
    "score_node_pair",
    "score_pairs",
    "short_keys",
    "split_weak",
    "surface",
    "weak_factor",
    "weak_fits",
    "weak_mask",
    "weak_reached",
    "weak_scores",
]

#: Nodes per chunk when a hot block (more than MAX_BLOCK nodes) is split; 0 drops hot
#: blocks instead (their names meet only through rarer keys). Chunks of 8 (names next to
#: each other in rare-key order: spellings of one name behind a common token) gained
#: recall at every size of ``benchmarks/bench_resolve_scale.py`` for 5-7% more pairs, and
#: on the OFAC persons at equal precision; ordered by hot key since stop 25 (the writings
#: of one person as neighbours: more recall again, docs/benchmarks.md).
HOT_CHUNK = 8

#: Largest component the clustering sees: larger ones are cut at their weakest links
#: (:func:`bound_components`), so the work and the chaining per component do not grow
#: with the list.
MAX_COMPONENT = 200

#: Step of the score levels at which :func:`bound_components` cuts a large component
#: (the threshold, then every multiple of this above it up to 1).
CUT_STEP = 0.01

#: The cut level of must-links (judgements): above every level of :func:`cut_levels`
#: (at most ``1 + 1 / CUT_STEP`` of them), so they join at every level and at one more.
MUST_LEVEL = round(1 / CUT_STEP) + 2

#: Distinct pairs to score before scoring is spread over worker processes.
PARALLEL_MIN_PAIRS = 40_000

#: Spans of pairs a scoring worker takes in turn (progress is reported as each ends).
SCORE_SPANS = 8

#: Person pairs to bound (:func:`may_reach`) before the bounds are spread over worker
#: processes (a bound costs a few microseconds; a fork tens of milliseconds).
PARALLEL_MIN_BOUNDS = 200_000

#: Spans of pairs a bounding worker takes in turn: the pairs' costs differ along the list
#: (at 100,000 names one quarter of them took 2.5 s of CPU, another 4.5 s), so a worker
#: that ends first takes more, instead of waiting for the other (each takes the names
#: once, :class:`_BoundWork`, not once a span).
BOUND_SPANS = 4

#: Nodes to key (:func:`node_keys`) before their keys are found in worker processes (a
#: name's keys cost tens of microseconds; a fork tens of milliseconds).
PARALLEL_MIN_KEYS = 20_000

#: Distinct nodes to prepare (:func:`prepare`) before their names are normalised in
#: worker processes: more than ``normalize``'s cache holds (262,144 texts). Below, this
#: process normalising every name leaves them cached for the stages that normalise them
#: again (preparing the names, :func:`node_keys`): at 100k, names normalised in workers
#: cost 0.2 s more in ``prepare`` and about 0.7 s more in ``node_keys``.
PARALLEL_MIN_NORMS = 300_000

#: Candidate pairs to prefilter (:func:`prefilter_pairs`) before they are spread over
#: worker processes (a verdict costs about a microsecond; a fork tens of milliseconds).
PARALLEL_MIN_PREFILTER = 200_000

#: Key occurrences in hot blocks (:func:`block_pairs`) before their pairs are made in a
#: forked process beside this one, which makes the other blocks' pairs (a hot occurrence
#: costs about a microsecond; a fork tens of milliseconds).
PARALLEL_MIN_HOT = 200_000

#: Pairs whose conflict :func:`cannot_links` reads before they are read in forked
#: workers (a pair costs about a tenth of a millisecond; a fork tens of milliseconds).
PARALLEL_MIN_CONFLICTS = 2_000

#: A scored pair with this much conflict evidence (and a score below threshold) is
#: a cannot-link: its names may not end up in one entity through others.
CONFLICT_CANNOT = 1.0


#: ... and only when its score is below this: a conflicting pair that still scores
#: in between (aliases of one person often differ in a family name) is left to the
#: average linkage, which keeps it apart unless the rest of the group agrees.
CANNOT_BELOW = 0.25


# ------------------------------------------------------------------ 1. prepare


@dataclass(frozen=True)
class Node:
    """A distinct name to resolve.

    Attributes:
        kind: ``person`` or ``organization``.
        name: the surface name (whitespace collapsed).
        rid: the record id, set only when id-judgements name that record.
        facts: what the record's attributes say (:func:`.attributes.facts_of`); records
            of one name with different facts are different nodes.
    """

    kind: str
    name: str
    rid: str | None = None
    facts: Facts = field(default_factory=Facts)


def surface(name: str) -> str:
    """A name with its whitespace collapsed (two records with one surface share a node);
    the name itself (not a copy) when it has nothing to collapse."""
    out = " ".join(name.split())
    return name if out == name else out


def node_order(node: Node, norm: str | None = None) -> tuple[str, str, str, str, str]:
    """The sort key that numbers the nodes: kind, normalised name, name, record id, facts.
    ``norm``: the node's normalised name (:func:`nasab.text.normalize`), when known."""
    if norm is None:
        norm = normalize(node.name)
    return (node.kind, norm, node.name, node.rid or "", node.facts.signature())


@dataclass(frozen=True)
class Prepared:
    """The nodes of a run and which node each record became.

    Attributes:
        nodes: distinct nodes in :func:`node_order`.
        node_of: record index -> node index.
        known_norms: node -> its normalised name where the maker of the nodes has it
            (:func:`prepare` sorts by it); None: :attr:`norms` finds them when first read.
    """

    nodes: list[Node]
    node_of: list[int]
    known_norms: list[str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def norms(self) -> list[str]:
        """node -> its normalised name (:func:`nasab.text.normalize`): ``known_norms``
        where given, for the stages that read them again (judgements, entity ids); else
        found when first read. At 1M names, ``normalize``'s cache holds a quarter of
        them: each name read again would be normalised again.

        Example:
            >>> nodes = [Node("person", "Ali  Hasan")]
            >>> Prepared(nodes, [0]).norms == Prepared(nodes, [0], ["ali hasan"]).norms
            True
        """
        if self.known_norms is not None:
            return self.known_norms
        return [normalize(nd.name) for nd in self.nodes]


def prepare(records: Sequence[Record], judgements: Judgements, *, workers: int = 1) -> Prepared:
    """Check the records and collapse them into nodes.

    With ``workers`` > 1 and :data:`PARALLEL_MIN_NORMS` distinct nodes or more, their names
    are normalised (:func:`nasab.text.normalize`, the sort key) in ``workers`` + 1
    contiguous parts at once: the first in forked processes, the last here.

    Raises:
        InputError: two records share an id, or a name is too long.
    """
    seen: dict[str, int] = {}
    for i, r in enumerate(records):
        if r.id in seen:
            raise InputError(f"duplicate record id {r.id!r} (records {seen[r.id]} and {i})")
        seen[r.id] = i
        if len(r.name) > MAX_NAME_LENGTH:  # pragma: no cover - checked by Record
            raise InputError(f"record {i} ({r.id!r}): name too long")
    judged = {x for j in judgements if j.by == "id" for x in (j.a, j.b)}
    of_record = [
        Node(r.kind, surface(r.name), r.id if r.id in judged else None, facts_of(r.attrs))
        for r in records
    ]
    distinct = list(set(of_record))
    names = [nd.name for nd in distinct]
    if forks(len(names), PARALLEL_MIN_NORMS, workers):
        parts = fork_map(_norms, names, len(names), workers, meanwhile=partial(_norms, names))
        norms = [x for part in parts for x in part]
    else:
        norms = _norms(names, (0, len(names)))
    keys = map(node_order, distinct, norms)
    ordered = sorted(zip(keys, distinct, strict=True), key=itemgetter(0))
    nodes = [nd for _, nd in ordered]
    index = {nd: k for k, nd in enumerate(nodes)}
    return Prepared(nodes, [index[nd] for nd in of_record], [order[1] for order, _ in ordered])


def _norms(names: list[str], span: tuple[int, int]) -> list[str]:
    """:func:`nasab.text.normalize` of the names ``span``."""
    return [normalize(x) for x in names[span[0] : span[1]]]


# ------------------------------------------------------------------ 2. keys and blocks


#: (block id, node) of every key occurrence, and the (kind, key) of each block id.
_Blocks = tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]


@dataclass(frozen=True)
class NodeKeys:
    """Blocking keys of every node.

    Attributes:
        kinds: node -> kind.
        keys: node -> its blocking keys (:func:`nasab.resolution.blocking.keys_of`).
        rare: node -> its rare-token key (:func:`nasab.resolution.blocking.rare_key`;
            empty for organisations).
        prepared: node -> its prepared name (:func:`nasab.match.prepare`; None for
            organisations): parsed once, its tokens interned in the token table.
        freq: the list's token weights (:func:`list_frequency`) that the scores use;
            None: the world's weights only.
        weak_orgs: node -> whether it is a weak (one-word) organisation name
            (:func:`nasab.match.orgs.is_weak_org`); empty: none is.
        known_blocks: the :attr:`blocks` where the maker of the keys has them
            (:func:`node_keys` makes them as it meets the keys); None: found when first read.
    """

    kinds: list[str]
    keys: list[frozenset[str]]
    rare: list[str]
    prepared: list[PreparedName | None]
    freq: ListFrequency | None = None
    weak_orgs: list[bool] = field(default_factory=list)
    known_blocks: _Blocks | None = field(default=None, repr=False, compare=False)

    def with_frequency(self, freq: ListFrequency | None) -> NodeKeys:
        """These keys, scored with the list's token weights ``freq`` (the same keys: their
        blocks, where known or already read, are kept)."""
        return replace(self, freq=freq, known_blocks=self.__dict__.get("blocks", self.known_blocks))

    def without_blocks(self) -> NodeKeys:
        """These node keys without what only the blocking reads (the key sets, the blocks
        and the hot keys): what the stages after :func:`block_pairs` read. At 1M names
        the blocks' (kind, key) names alone hold about half a gigabyte."""
        return replace(self, keys=[_NO_KEYS] * len(self.keys), known_blocks=None)

    @cached_property
    def blocks(self) -> _Blocks:
        """(block id, node) of every key occurrence, and the (kind, key) of each block id
        (computed once, read by :func:`key_counts` and :func:`block_pairs`)."""
        if self.known_blocks is not None:
            return self.known_blocks
        return _flat_blocks(self)

    @cached_property
    def hot(self) -> list[str]:
        """node -> its place among the members of a hot block (:func:`.blocking.hot_key`
        of a person name, the rare key of an organisation)."""
        return [
            r if p is None else hot_key(p.name, r)
            for p, r in zip(self.prepared, self.rare, strict=True)
        ]


def node_keys(prep: Prepared, *, keep_keys: bool = True, workers: int = 1) -> NodeKeys:
    """Prepared name, blocking keys and rare-token key of each node (one parse per name).

    ``keep_keys=False``: the key sets are not kept (each node gets an empty one), only
    their blocks (:attr:`NodeKeys.blocks`, made here as each node's keys are met), all
    that :func:`key_counts` and :func:`block_pairs` read: :func:`nasab.resolve` holds
    no set of keys per name (about 1.9 KB a name). Then, with ``workers`` > 1 and
    :data:`PARALLEL_MIN_KEYS` nodes or more, the keys of ``workers`` + 1 contiguous parts
    of the nodes are found at once: the first parts in forked processes, which parse their
    names, the last here, once this process has prepared every name (keys are a function
    of one name; the blocks are numbered in the order met, as in one process).

    Example:
        >>> from nasab.resolution import as_records
        >>> prep = prepare(as_records(["Ali al-Kazemi", "علي الكاظمي"]), Judgements())
        >>> nk = node_keys(prep, keep_keys=False)
        >>> nk.keys, key_counts(nk) == key_counts(node_keys(prep))
        ([frozenset(), frozenset()], True)
    """
    nodes = prep.nodes
    # Names are prepared here, in node order (their tokens interned in this process's
    # table).
    prepared: list[PreparedName | None] = []
    work = (nodes, prepared, keep_keys)

    def here(span: tuple[int, int]) -> _KeysPart:
        prepared.extend(prepare_name(nd.name) if nd.kind == "person" else None for nd in nodes)
        return _keys_span(work, span)

    if keep_keys or not forks(len(nodes), PARALLEL_MIN_KEYS, workers):
        parts = [here((0, len(nodes)))]
    else:
        # The workers, forked before the names are prepared, parse their names again.
        parts = fork_map(_keys_span, work, len(nodes), workers, meanwhile=here)
    return NodeKeys(
        [nd.kind for nd in nodes],
        [k for part in parts for k in part[0]] if keep_keys else [_NO_KEYS] * len(nodes),
        [r for part in parts for r in part[1]],
        prepared,
        weak_orgs=np.concatenate([part[2] for part in parts]).tolist(),
        known_blocks=None if keep_keys else _joined_blocks([part[3] for part in parts]),
    )


_KeysPart = tuple[list[frozenset[str]], list[str], np.ndarray, _Blocks | None]


def _keys_span(
    work: tuple[list[Node], list[PreparedName | None], bool], span: tuple[int, int]
) -> _KeysPart:
    """The key sets (when kept, else none), rare keys, weak-organisation flags and blocks
    (when the key sets are not kept; block ids numbered from 0 in the order met) of the
    nodes ``span`` of ``work`` = (nodes, prepared names, keep the key sets); a person name
    not prepared (yet) is parsed."""
    nodes, prepared, keep_keys = work
    lo, hi = span
    keys, rare = [], []
    weak = np.zeros(hi - lo, dtype=bool)
    blocks = None if keep_keys else _BlockIndex()
    for i in range(lo, hi):
        nd = nodes[i]
        p = prepared[i] if i < len(prepared) else None
        k, r = keys_and_rare(nd.kind, nd.name, None if p is None else p.name)
        if blocks is None:
            keys.append(k)
        else:
            blocks.add(i, nd.kind, k)
        rare.append(r)
        weak[i - lo] = nd.kind == "organization" and is_weak_org(nd.name)
    return keys, rare, weak, None if blocks is None else blocks.arrays()


def _joined_blocks(parts: list[_Blocks]) -> _Blocks:
    """The blocks of consecutive parts of the nodes as one (:attr:`NodeKeys.blocks`):
    block ids renumbered in the order met over the parts, as one pass over all the nodes
    numbers them."""
    if len(parts) == 1:
        return parts[0]
    block_of: dict[tuple[str, str], int] = {}
    blocks, members = [], []
    for b, m, names in parts:
        ids = np.fromiter(
            (block_of.setdefault(x, len(block_of)) for x in names), dtype=np.int64, count=len(names)
        )
        blocks.append(ids[b])
        members.append(m)
    return np.concatenate(blocks), np.concatenate(members), list(block_of)


#: The key set of a node whose keys are not kept (:func:`node_keys`).
_NO_KEYS: frozenset[str] = frozenset()


class _BlockIndex:
    """(block id, node) of every key occurrence, gathered node by node, and the
    (kind, key) of each block id (block ids numbered in the order met)."""

    def __init__(self) -> None:
        self.block_of: dict[tuple[str, str], int] = {}
        # Machine integers, not lists of Python ints (about 36 bytes an entry).
        self.blocks = array("q")
        self.members = array("q")

    def add(self, node: int, kind: str, keys: Iterable[str]) -> None:
        """The keys of ``node``."""
        block_of = self.block_of
        for key in keys:
            self.blocks.append(block_of.setdefault((kind, key), len(block_of)))
            self.members.append(node)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
        """What :attr:`NodeKeys.blocks` holds."""
        return (
            np.frombuffer(self.blocks, dtype=np.int64),
            np.frombuffer(self.members, dtype=np.int64),
            list(self.block_of),
        )


def _flat_blocks(nk: NodeKeys) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """(block id, node) of every key occurrence, and the (kind, key) of each block id."""
    index = _BlockIndex()
    for i, (kind, keys) in enumerate(zip(nk.kinds, nk.keys, strict=True)):
        index.add(i, kind, keys)
    return index.arrays()


def key_counts(nk: NodeKeys) -> dict[tuple[str, str], int]:
    """How many nodes have each ``(kind, key)``: the block sizes (the one global statistic).

    Example:
        >>> nk = NodeKeys(["person"] * 2, [frozenset({"t:ALI"})] * 2, ["", ""], [None, None])
        >>> key_counts(nk)
        {('person', 't:ALI'): 2}
    """
    b, _, names = nk.blocks
    return dict(zip(names, np.bincount(b, minlength=len(names)).tolist(), strict=True))


#: The blocking-key prefix of a person name's token skeleton (``t:KZM``).
TOKEN_KEY = "t:"


def list_frequency(counts: Mapping[tuple[str, str], int], names: int) -> ListFrequency | None:
    """The list's token weights from the block sizes (:func:`key_counts`) and the number
    of person nodes; None when no token is common enough in the list to matter.

    Example:
        >>> list_frequency({("person", "t:MHMD"): 4000, ("person", "p:ALY|MHMD"): 900}, 10_000)
        ListFrequency(1 common tokens, 10000 names)
        >>> list_frequency({("person", "t:MHMD"): 3}, 10) is None
        True
    """
    n = len(TOKEN_KEY)
    freq = ListFrequency(
        {
            key[n:]: c
            for (kind, key), c in counts.items()
            if kind == "person" and key[:n] == TOKEN_KEY
        },
        names,
    )
    return freq if freq.counts else None


def block_pairs(
    nk: NodeKeys,
    *,
    max_block: int = MAX_BLOCK,
    hot_chunk: int = HOT_CHUNK,
    workers: int = 1,
    meanwhile: Callable[[], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(u, v)``, ``u < v``, sorted: nodes that share a key.

    Blocks of at most ``max_block`` nodes give all their pairs; hot blocks are dropped,
    or with ``hot_chunk`` >= 2 split into chunks of ``hot_chunk`` nodes in
    ``(hot key, node)`` order (see the module doc), so the work per block is bounded
    and a frequent token alone never pairs thousands of names.

    With ``workers`` > 1 and :data:`PARALLEL_MIN_HOT` key occurrences in hot blocks or
    more, a forked process makes the hot blocks' pairs while this one makes the other
    blocks' and then calls ``meanwhile()``, when given: work of the next stages that does
    not read the pairs (the pairs are a set: who makes which changes nothing). Without
    the fork, ``meanwhile`` is not called.
    """
    n = len(nk.keys)
    b = nk.blocks[0]
    if not len(b):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    sizes = np.bincount(b)
    hot = sizes[b] > max_block
    work = (nk, hot, max_block, hot_chunk)
    if hot_chunk >= 2 and forks(int(hot.sum()), PARALLEL_MIN_HOT, workers):

        def here(span: tuple[int, int]) -> list[np.ndarray]:
            got = _block_codes(work, span)
            if meanwhile is not None:
                meanwhile()
            return got

        parts = [c for part in fork_map(_block_codes, work, 2, 1, meanwhile=here) for c in part]
    else:
        parts = _block_codes(work, (0, 2))
    codes = np.concatenate(parts) if len(parts) > 1 else parts[0]
    del parts
    codes = unique_codes(codes, in_place=True)
    u = codes // n
    np.remainder(codes, n, out=codes)
    return u, codes


def _block_codes(
    work: tuple[NodeKeys, np.ndarray, int, int], span: tuple[int, int]
) -> list[np.ndarray]:
    """Distinct pair codes of the blocks of :func:`block_pairs`' ``work`` = (node keys,
    hot mask of the key occurrences, max_block, hot_chunk): the span ``(0, 1)`` gives
    those of the hot blocks (one array a cut of :func:`_hot_pairs`, none when they are
    dropped), ``(1, 2)`` those of the other blocks, ``(0, 2)`` both. Each array is sorted
    in place as it is made, so the largest ones are not copied (memory at 1M names)."""
    nk, hot, max_block, hot_chunk = work
    b, m, _ = nk.blocks
    n = len(nk.keys)
    lo, hi = span
    out = []
    if lo <= 1 < hi:
        out.append(unique_codes(pairs_of_blocks(b[~hot], m[~hot], n, max_block), in_place=True))
    if lo <= 0 < hi and hot_chunk >= 2 and hot.any():
        out.extend(
            unique_codes(c, in_place=True) for c in _hot_pairs(b[hot], m[hot], nk.hot, n, hot_chunk)
        )
    return out


def _hot_pairs(
    b: np.ndarray, m: np.ndarray, hot: Sequence[str], n: int, chunk: int
) -> list[np.ndarray]:
    """Pair codes of hot blocks cut into chunks of ``chunk`` in (hot key, node) order."""
    hot_rank = _rank(hot)
    order = np.lexsort((m, hot_rank[m], b))
    b, m = b[order], m[order]
    first = np.zeros(len(b), dtype=bool)
    first[0] = True
    first[1:] = b[1:] != b[:-1]
    start = np.maximum.accumulate(np.where(first, np.arange(len(b)), 0))
    pos = np.arange(len(b)) - start  # position inside the block
    out = []
    for shift in (0, chunk // 2):
        sub = (pos + shift) // chunk  # chunk number inside the block
        # A chunk id unique over blocks: block id and chunk number.
        cid = b * (len(b) // chunk + 2) + sub
        out.append(pairs_of_blocks(cid, m, n, chunk))
    return out


def _rank(values: Sequence[str]) -> np.ndarray:
    """Each value's rank in sorted order (equal values, equal ranks)."""
    uniq = sorted(set(values))
    at = {v: k for k, v in enumerate(uniq)}
    return np.fromiter((at[v] for v in values), dtype=np.int64, count=len(values))


def prefilter_pairs(
    nk: NodeKeys,
    u: np.ndarray,
    v: np.ndarray,
    *,
    workers: int = 1,
    judge: Prefilter | None = None,
) -> np.ndarray:
    """Which candidate pairs are worth a full score (see :func:`.blocking.prefilter`).

    With ``workers`` > 1 and :data:`PARALLEL_MIN_PREFILTER` pairs or more, the pairs are
    judged in forked processes, one contiguous part each (a verdict is a function of the
    two names: the split changes nothing); else here, on ``workers`` threads. ``judge``:
    :func:`pair_judge` of these node keys, when taken already.
    """
    n = len(nk.keys)
    if not len(u):
        return np.ones(0, dtype=bool)
    if judge is None:
        judge = pair_judge(nk)
    if not forks(len(u), PARALLEL_MIN_PREFILTER, workers):
        return judge(u * n + v, workers=workers)
    return np.concatenate(fork_map(_prefilter_span, (judge, u, v, n), len(u), workers))


def pair_judge(nk: NodeKeys) -> Prefilter:
    """What :func:`prefilter_pairs` reads of each node (its kind and rare key), taken once."""
    return Prefilter([(k, "") for k in nk.kinds], rare=nk.rare)


def prepare_bounds(nk: NodeKeys) -> None:
    """Take now the token features that :func:`may_reach`'s bounds read of every person
    name (:meth:`nasab.match.tokens.TokenTable.prepare_bounds`; each is taken once per
    token in any case): before its workers fork, or earlier, beside other work."""
    _prepare_tokens([p for p in nk.prepared if p is not None])


def _prefilter_span(
    work: tuple[Prefilter, np.ndarray, np.ndarray, int], span: tuple[int, int]
) -> np.ndarray:
    judge, u, v, n = work
    lo, hi = span
    return judge(u[lo:hi] * n + v[lo:hi])


# ------------------------------------------------------------------ 3. scores


class Pairs:
    """Scored candidate pairs held in arrays, sorted by ``(u, v)``.

    Attributes:
        n: number of nodes.
        u: first node of each pair (int64).
        v: second node (int64, ``u < v``).
        score: :func:`nasab.compare` score (float32).
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray, score: np.ndarray) -> None:
        self.n = n
        self.u, self.v, self.score = u, v, score
        self._codes = u * max(1, n) + v

    def __len__(self) -> int:
        return len(self.u)

    def __contains__(self, pair: object) -> bool:
        return self.find(pair) is not None  # type: ignore[arg-type]

    def find(self, pair: tuple[int, int]) -> int | None:
        """Position of pair ``(u, v)`` (``u < v``), or None."""
        code = pair[0] * max(1, self.n) + pair[1]
        k = int(np.searchsorted(self._codes, code))
        return k if k < len(self._codes) and self._codes[k] == code else None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(zip(self.u.tolist(), self.v.tolist(), strict=True))


#: Score cache type: (kind, a, b) with a <= b -> score.
ScoreCache = dict[tuple[str, str, str], float]


def _pair_key(a: Node, b: Node) -> tuple[str, str, str]:
    x, y = (a.name, b.name) if a.name <= b.name else (b.name, a.name)
    return (a.kind, x, y)


#: Margin under a pair's threshold below which its score bound rules it out of the
#: components: scores are kept as float32, whose rounding (about 6e-8 near 0.65) must not
#: lift an unscored pair to its threshold.
BOUND_MARGIN = 1e-6


def may_reach(
    nodes: Sequence[Node],
    nk: NodeKeys,
    u: np.ndarray,
    v: np.ndarray,
    node_threshold: np.ndarray,
    joinable: np.ndarray | None = None,
    *,
    workers: int = 1,
) -> np.ndarray:
    """Which pairs may score at or above their threshold (to be scored before the components).

    A pair of two person names whose upper bound (:func:`nasab.match.batch.score_bounds`,
    never below :func:`nasab.match.score_prepared`) is under its threshold cannot join a
    component: :func:`resolve` scores it only if the components put its two names in one
    group (where the cannot-links and the clustering read it), so the entities are
    exactly those of scoring every pair. Organisation pairs, and pairs of two nodes with
    facts (which may raise a score, :func:`.attributes.adjust_score`), are always
    scored. ``joinable`` (bool, one per pair), when given, is set to whether the score of
    each pair may join two tokens of a name (``score_bounds``' ``joinable``; True for the
    pairs not bounded): :func:`score_pairs` skips the join where it is False. With
    ``workers`` > 1 and many pairs, the bounds are spread over forked processes (a bound
    is a function of its two names alone, so the split never changes the result).

    Example:
        >>> from nasab.resolution import as_records
        >>> names = ["Tahsin al-Jubouri", "تحسين الجبوري", "Ali Reza Hosseini"]
        >>> prep = prepare(as_records(names), Judgements())
        >>> [nd.name for nd in prep.nodes]
        ['Ali Reza Hosseini', 'Tahsin al-Jubouri', 'تحسين الجبوري']
        >>> u, v = np.array([0, 0, 1]), np.array([1, 2, 2])
        >>> may_reach(prep.nodes, node_keys(prep), u, v, np.full(3, 0.65, np.float32)).tolist()
        [False, False, True]
    """
    out = np.ones(len(u), dtype=bool)
    if joinable is not None:
        joinable[:] = True
    person = np.fromiter((p is not None for p in nk.prepared), dtype=bool, count=len(nodes))
    facts = np.fromiter((bool(nd.facts) for nd in nodes), dtype=bool, count=len(nodes))
    # A mask, not positions, and one cutoff where all are equal (one kind, one threshold):
    # at 1M names every array of the pairs is about 90 MB.
    sel = person[u] & person[v] & ~(facts[u] & facts[v])
    if not sel.any():
        return out
    at = np.cumsum(person) - 1  # node -> position among the person names
    names = [p for p in nk.prepared if p is not None]
    cutoff = node_threshold[u[sel]].astype(np.float64) - BOUND_MARGIN
    if (cutoff == cutoff[0]).all():
        cutoff = cutoff[:1].copy()
    rows, cols = at[u[sel]], at[v[sel]]
    work = _BoundWork(names, rows, cols, nk.freq, cutoff if len(cutoff) > 1 else float(cutoff[0]))
    bounds, join = _bounds_all(work, workers)
    del rows, cols, work
    out[sel] = bounds >= cutoff
    if joinable is not None:
        joinable[sel] = join
    return out


class _BoundWork:
    """:func:`may_reach`'s bounding: the person names, the pairs (positions among them),
    the list's token weights and the cutoff (one, or one a pair). The names as the bounds
    read them (:class:`~nasab.match.batch.PairBounds`) are taken on first use, once in
    each process (a forked worker takes them once for all its spans)."""

    def __init__(
        self,
        names: list[PreparedName],
        rows: np.ndarray,
        cols: np.ndarray,
        freq: ListFrequency | None,
        cutoff: float | np.ndarray,
    ) -> None:
        self.names, self.rows, self.cols, self.freq, self.cutoff = names, rows, cols, freq, cutoff

    @cached_property
    def bounder(self) -> PairBounds:
        return PairBounds(self.names, self.names, freq=self.freq)


def _bounds_slice(work: _BoundWork, span: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = span
    join = np.ones(hi - lo, dtype=bool)
    cutoff = work.cutoff
    bounds = work.bounder.bounds(
        work.rows[lo:hi],
        work.cols[lo:hi],
        cutoff=cutoff if isinstance(cutoff, float) else cutoff[lo:hi],
        joinable=join,
    )
    return bounds, join


def _prepare_tokens(names: Sequence[PreparedName]) -> None:
    """The per-token features the bounds of ``names`` read, taken in this process once
    before it forks bounding workers (not once in each; they read them copy-on-write,
    and :func:`score_pairs` later reads them here)."""
    if names:
        names[0].table.prepare_bounds(
            np.fromiter(chain.from_iterable(p.ids for p in names), np.int64)
        )


def _bounds_all(work: _BoundWork, workers: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`may_reach`'s bounds and join flags of the pairs of ``work``, in this process
    or spread over forked workers (:data:`BOUND_SPANS` each, in turn)."""
    total = len(work.rows)
    if not forks(total, PARALLEL_MIN_BOUNDS, workers):
        return _bounds_slice(work, (0, total))
    _prepare_tokens(work.names)
    parts = fork_map(_bounds_slice, work, total, workers, spans=BOUND_SPANS)
    return np.concatenate([b for b, _ in parts]), np.concatenate([j for _, j in parts])


def merge_scored(a: Pairs, b: Pairs) -> Pairs:
    """The scored pairs of ``a`` and ``b`` (no pair in both) in one :class:`Pairs`, sorted.

    Example:
        >>> a = Pairs(3, np.array([0]), np.array([2]), np.array([0.9], np.float32))
        >>> b = Pairs(3, np.array([0]), np.array([1]), np.array([0.1], np.float32))
        >>> list(merge_scored(a, b)), merge_scored(a, b).score.tolist()[0] < 0.5
        ([(0, 1), (0, 2)], True)
    """
    u = np.concatenate([a.u, b.u])
    v = np.concatenate([a.v, b.v])
    order = np.lexsort((v, u))
    return Pairs(a.n, u[order], v[order], np.concatenate([a.score, b.score])[order])


def score_node_pair(
    nodes: Sequence[Node], nk: NodeKeys, u: int, v: int, join: bool = True
) -> float:
    """The :func:`nasab.compare` score of two nodes (0 across kinds) with the list's token
    weights (``nk.freq``), without the weakness factor: resolution applies it after the
    attribute evidence (:func:`weak_scores`). ``join=False``: neither person name may
    join two of its tokens (:func:`may_reach`'s ``joinable``), the join is not tried."""
    a, b = nodes[u], nodes[v]
    if a.kind != b.kind:
        return 0.0
    pa, pb = nk.prepared[u], nk.prepared[v]
    if pa is not None and pb is not None:
        return score_prepared(pa, pb, weak=False, freq=nk.freq, join=join)
    return compare(a.name, b.name, kind=a.kind, weak=False).score


def score_pairs(
    nodes: Sequence[Node],
    nk: NodeKeys,
    u: np.ndarray,
    v: np.ndarray,
    *,
    cache: ScoreCache | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    joinable: np.ndarray | None = None,
) -> Pairs:
    """Score the pairs ``(u[k], v[k])`` (:func:`score_node_pair`).

    Person names are scored from their prepared names (token ids, cached token-pair
    similarities). ``cache`` supplies scores already known (by name pair). With
    ``workers`` > 1 and many pairs, the scoring is spread over forked processes that
    read the prepared names and the pair arrays copy-on-write (nothing is pickled but
    slice bounds and scores); a score is a pure function of the two names, so the
    split never changes the result. ``progress(done, total)`` is called now and then.
    ``joinable`` (bool, one per pair; :func:`may_reach` sets it): where False, the
    scorer does not try to join two tokens of a name (the same score, sooner).
    """
    ul, vl = u.tolist(), v.tolist()
    jl = [True] * len(ul) if joinable is None else joinable.tolist()
    out = np.zeros(len(ul), dtype=np.float32)
    todo = list(range(len(ul)))
    if cache:
        keys = [_pair_key(nodes[a], nodes[b]) for a, b in zip(ul, vl, strict=True)]
        todo = [k for k in todo if keys[k] not in cache]
        for k in set(range(len(ul))) - set(todo):
            out[k] = cache[keys[k]]
    _warm(nk, u[np.asarray(todo, dtype=np.int64)], v[np.asarray(todo, dtype=np.int64)])
    got = _score_all(
        nodes,
        nk,
        ([ul[k] for k in todo], [vl[k] for k in todo], [jl[k] for k in todo]),
        workers,
        progress,
    )
    out[np.asarray(todo, dtype=np.int64)] = got
    if progress is not None:
        progress(len(ul), len(ul))
    return Pairs(len(nodes), u, v, out)


def _warm(nk: NodeKeys, u: np.ndarray, v: np.ndarray) -> None:
    """The token-pair similarities that scoring the person pairs ``(u[k], v[k])`` reads,
    computed in bulk and cached (:func:`nasab.match.batch.warm_token_pairs`) before the
    scoring (and before its forked workers, which read the cache copy-on-write)."""
    person = np.fromiter((p is not None for p in nk.prepared), dtype=bool, count=len(nk.prepared))
    sel = np.flatnonzero(person[u] & person[v])
    if len(sel):
        at = np.cumsum(person) - 1  # node -> position among the person names
        names = [p for p in nk.prepared if p is not None]
        warm_token_pairs(names, at[u[sel]], at[v[sel]])


#: Pairs scored between two progress reports.
PROGRESS_STEP = 1000


def _score_span(
    work: tuple[Sequence[Node], NodeKeys, list[int], list[int], list[bool]], span: tuple[int, int]
) -> np.ndarray:
    nodes, nk, ul, vl, jl = work
    lo, hi = span
    return np.fromiter(
        (
            score_node_pair(nodes, nk, a, b, j)
            for a, b, j in zip(ul[lo:hi], vl[lo:hi], jl[lo:hi], strict=True)
        ),
        dtype=np.float32,
        count=hi - lo,
    )


def _score_all(
    nodes: Sequence[Node],
    nk: NodeKeys,
    todo: tuple[list[int], list[int], list[bool]],
    workers: int,
    progress: Callable[[int, int], None] | None,
) -> np.ndarray:
    """The scores of the pairs ``todo`` (first nodes, second nodes, whether each may
    join), in this process or spread over forked workers."""
    ul, vl, jl = todo
    total = len(ul)
    if not forks(total, PARALLEL_MIN_PAIRS, workers):
        out = np.zeros(total, dtype=np.float32)
        for k, (a, b, j) in enumerate(zip(ul, vl, jl, strict=True)):
            out[k] = score_node_pair(nodes, nk, a, b, j)
            if progress is not None and (k + 1) % PROGRESS_STEP == 0:
                progress(k + 1, total)
        return out
    parts = fork_map(
        _score_span,
        (nodes, nk, ul, vl, jl),
        total,
        workers,
        spans=SCORE_SPANS,
        done=None if progress is None else lambda hi: progress(hi, total),
    )
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


# ------------------------------------------------------------------ 4. links


def cannot_links(
    nodes: Sequence[Node],
    pairs: Pairs,
    thresholds: Mapping[str, float],
    labels: np.ndarray,
    *,
    freq: ListFrequency | None = None,
    workers: int = 1,
) -> dict[tuple[int, int], str]:
    """Pairs of one component whose conflicting name parts forbid them one entity.

    A pair scoring below ``min(CANNOT_BELOW, threshold)`` with a conflict feature of
    :data:`CONFLICT_CANNOT` or more (:meth:`nasab.Match.explain` shows it;
    :func:`nasab.match.score_conflict` reads it without the notes) is a
    cannot-link. Only pairs inside one component (``labels``, from :func:`connected`)
    can matter to the clustering, so only they are examined. ``freq``: the list's token
    weights, as the scores used them. With ``workers`` > 1 and
    :data:`PARALLEL_MIN_CONFLICTS` such pairs or more, their conflicts are read in forked
    processes, one contiguous part each (a conflict is a function of the two names).

    Two organisation names of one component that are *siblings*
    (:func:`nasab.match.orgs.org_siblings`: they share every other word, and each fills one
    slot inside the name with a distinctive word of its own, ``Orion Kestrel Petrochemical
    Co`` / ``Orion Varanto Petrochemical Co``) are a cannot-link whatever they score: two
    companies of one group, which the group's other names (``Orion Petrochemical Co``)
    would otherwise glue together through the average linkage.

    Example:
        >>> from nasab.resolution.records import as_records
        >>> names = ["Orion Kestrel Petrochemical Co", "Orion Varanto Petrochemical Co"]
        >>> prep = prepare(as_records(names, kind="organization"), Judgements())
        >>> pairs = Pairs(2, np.array([0]), np.array([1]), np.array([0.3], dtype=np.float32))
        >>> links = cannot_links(prep.nodes, pairs, {"organization": 0.6}, np.zeros(2, dtype=np.int64))
        >>> print(links[(0, 1)])
        sibling organisations: they share their other words and each fills one slot with its own ('kestrel' vs 'varanto'), two bodies of one group
    """
    inside = labels[pairs.u] == labels[pairs.v]
    thr = np.asarray([min(CANNOT_BELOW, thresholds[nd.kind]) for nd in nodes], dtype=np.float32)
    sel = np.flatnonzero(inside & (pairs.score < thr[pairs.u]))
    work = (nodes, pairs.u[sel], pairs.v[sel], freq)
    if forks(len(sel), PARALLEL_MIN_CONFLICTS, workers):
        got = np.concatenate(fork_map(_conflicts, work, len(sel), workers))
    else:
        got = _conflicts(work, (0, len(sel)))
    out = {}
    for a, b, (score, conflict) in zip(
        work[1].tolist(), work[2].tolist(), got.tolist(), strict=True
    ):
        if conflict >= CONFLICT_CANNOT:
            out[(a, b)] = f"conflicting name parts (conflict {conflict:.2f}, score {score:.3f})"
    orgs = np.asarray([nd.kind == "organization" for nd in nodes], dtype=bool)
    for k in np.flatnonzero(inside & orgs[pairs.u] & orgs[pairs.v]).tolist():
        pair = (int(pairs.u[k]), int(pairs.v[k]))
        own = None if pair in out else org_siblings(nodes[pair[0]].name, nodes[pair[1]].name)
        if own is not None:
            out[pair] = (
                "sibling organisations: they share their other words and each fills one slot "
                f"with its own ({own[0]!r} vs {own[1]!r}), two bodies of one group"
            )
    return out


def _conflicts(
    work: tuple[Sequence[Node], np.ndarray, np.ndarray, ListFrequency | None], span: tuple[int, int]
) -> np.ndarray:
    """(score, conflict) (:func:`nasab.match.score_conflict`), one row per pair of the
    ``span`` of ``work`` = (nodes, first nodes, second nodes, the list's token weights)."""
    nodes, u, v, freq = work
    lo, hi = span
    out = np.zeros((hi - lo, 2), dtype=np.float64)
    for k, (a, b) in enumerate(zip(u[lo:hi].tolist(), v[lo:hi].tolist(), strict=True)):
        out[k] = score_conflict(nodes[a].name, nodes[b].name, kind=nodes[a].kind, freq=freq)
    return out


@lru_cache(maxsize=1 << 16)
def facts_evidence(a: Facts, b: Facts) -> Evidence:
    """What two nodes' facts say about the pair (:func:`.attributes.compare_facts`, cached)."""
    return compare_facts(a, b) if a and b else Evidence("none")


def attribute_scores(nodes: Sequence[Node], pairs: Pairs) -> Pairs:
    """The pairs with their name scores adjusted by the nodes' facts (:func:`.attributes.adjust_score`).

    A pure function of each pair's two nodes. Pairs whose nodes carry no facts keep
    their score; the input is not changed.
    """
    with_facts = [bool(nd.facts) for nd in nodes]
    score = pairs.score.copy()
    for k, (a, b) in enumerate(pairs):
        if with_facts[a] and with_facts[b]:
            ev = facts_evidence(nodes[a].facts, nodes[b].facts)
            if ev.verdict != "none":
                score[k] = adjust_score(float(score[k]), ev)
    return Pairs(pairs.n, pairs.u, pairs.v, score)


def attribute_tags(nodes: Sequence[Node]) -> tuple[list[int], Callable[[int, int], bool]]:
    """A tag per node (its distinct facts, -1 for none) and whether two tags clash.

    Two tags clash when their facts are evidence ``against`` (a cannot-link): the
    clustering never puts nodes of clashing tags in one entity, scored or not.
    """
    index: dict[Facts, int] = {}
    tags = [index.setdefault(nd.facts, len(index)) if nd.facts else -1 for nd in nodes]
    facts = list(index)

    def clash(s: int, t: int) -> bool:
        if s < 0 or t < 0 or s == t:
            return False
        return facts_evidence(facts[s], facts[t]).verdict == "against"

    return tags, clash


def attribute_agree(nodes: Sequence[Node]) -> Callable[[int, int], bool]:
    """Whether two nodes' facts are evidence *for* one person (both have facts).

    Example:
        >>> from nasab.resolution.records import as_records
        >>> recs = [{"name": "Ali Hassan", "dob": "1951-03-02"}, {"name": "علي حسن", "dob": "1951-03-02"}]
        >>> prep = prepare(as_records(recs), Judgements())
        >>> attribute_agree(prep.nodes)(0, 1)
        True
    """

    @lru_cache(maxsize=1 << 12)
    def evidence(a: Facts, b: Facts) -> bool:
        return facts_evidence(a, b).verdict == "for"

    def agree(u: int, v: int) -> bool:
        a, b = nodes[u].facts, nodes[v].facts
        return bool(a and b) and evidence(a, b)

    return agree


def org_apart(nodes: Sequence[Node]) -> Callable[[Sequence[int], Sequence[int]], bool]:
    """Whether two clusters of organisation names are two companies of one group or a
    body and its sub-unit, which the clustering keeps apart whatever their linkage: all
    names of one add a word that no name of the other holds
    (:func:`nasab.match.orgs.org_subsidiary_word`).

    Example:
        >>> from nasab.resolution.records import as_records
        >>> names = ["Orion Shipping Ltd", "Orion Shipping LLC", "Orion Ltd", "OOO Orion"]
        >>> prep = prepare(as_records(names, kind="organization"), Judgements())
        >>> ix = {nd.name: k for k, nd in enumerate(prep.nodes)}
        >>> org_apart(prep.nodes)([ix[names[0]], ix[names[1]]], [ix[names[2]], ix[names[3]]])
        True
    """

    def apart(a: Sequence[int], b: Sequence[int]) -> bool:
        if nodes[a[0]].kind != "organization" or nodes[b[0]].kind != "organization":
            return False
        return (
            org_subsidiary_word([nodes[k].name for k in a], [nodes[k].name for k in b]) is not None
        )

    return apart


# ------------------------------------------------------------------ weak names


def weak_mask(nk: NodeKeys) -> np.ndarray:
    """Which nodes are weak names: person names (:func:`is_weak`) and one-word
    organisation names (:func:`nasab.match.orgs.is_weak_org`)."""
    out = np.fromiter((is_weak(p) for p in nk.prepared), dtype=bool, count=len(nk.prepared))
    if nk.weak_orgs:
        out |= np.asarray(nk.weak_orgs, dtype=bool)
    return out


def short_keys(nk: NodeKeys) -> list[frozenset[str] | None]:
    """The token keys of each full person name (its tokens' skeletons, ``k:`` and the
    skeleton of each kunya token), for the short-name rule of the clustering
    (:data:`nasab.resolution.cluster.SHORT_FITS`); None for weak names and organisations.

    Example:
        >>> from nasab.resolution.records import as_records
        >>> prep = prepare(as_records(["Omar Hashimi", "عمر فاروق الهاشمي", "Omar"]), Judgements())
        >>> keys = {nd.name: k for nd, k in zip(prep.nodes, short_keys(node_keys(prep)))}
        >>> keys["Omar Hashimi"] < keys["عمر فاروق الهاشمي"], keys["Omar"]
        (True, None)
    """
    out: list[frozenset[str] | None] = []
    for p in nk.prepared:
        if p is None or is_weak(p):
            out.append(None)
            continue
        n = p.name
        keys = {t.key for t in n.tokens if t.key}
        keys.update("k:" + t.key for t in n.kunya if t.key)
        out.append(frozenset(keys) or None)
    return out


def weak_scores(pairs: Pairs, nk: NodeKeys, weak: np.ndarray) -> Pairs:
    """The pairs with each weak-to-full pair's score times the weak name's :func:`weak_factor`."""
    score = pairs.score.copy()
    mixed = np.flatnonzero(weak[pairs.u] != weak[pairs.v])
    for k in mixed.tolist():
        a, b = int(pairs.u[k]), int(pairs.v[k])
        p = nk.prepared[a] if weak[a] else nk.prepared[b]
        if p is not None:  # organisations: see weak_fits
            score[k] = score[k] * weak_factor(p, nk.freq)
    return Pairs(pairs.n, pairs.u, pairs.v, score)


def weak_fits(
    nodes: Sequence[Node], nk: NodeKeys, pairs: Pairs, node_threshold: np.ndarray
) -> tuple[Pairs, np.ndarray]:
    """The pairs, and which of them are *mixed*: a weak name's pairs that
    :func:`attach_weak` reads instead of the components.

    Every pair of a weak person name and a full one is mixed (its score already carries
    the weakness factor, :func:`weak_scores`). A weak organisation name
    (:func:`nasab.match.orgs.is_weak_org`) keeps its pairs with longer names that reach
    the threshold as any name does; a pair under the threshold whose
    :func:`nasab.match.orgs.org_fit` reaches it (the longer name holds its rare word
    whole, ``Steklovolokno`` / ``Polotsk Steklovolokno OAO``) takes that fit as its
    score and is mixed: the short name joins that entity only if it fits no other.

    Example:
        >>> from nasab.resolution.records import as_records
        >>> recs = as_records([{"name": n, "kind": "organization"}
        ...                    for n in ["STEKLOVOLOKNO", "POLOTSK STEKLOVOLOKNO OAO"]])
        >>> prep = prepare(recs, Judgements())
        >>> nk = node_keys(prep)
        >>> raw = score_pairs(prep.nodes, nk, np.array([0]), np.array([1]))
        >>> fitted, mixed = weak_fits(prep.nodes, nk, raw, np.full(2, 0.6, np.float32))
        >>> round(float(raw.score[0]), 2) < 0.6 < round(float(fitted.score[0]), 2), mixed.tolist()
        (True, [True])
    """
    weak = weak_mask(nk)
    mixed = weak[pairs.u] != weak[pairs.v]
    if not any(nk.weak_orgs):
        return pairs, mixed
    org = np.asarray([k == "organization" for k in nk.kinds], dtype=bool)
    is_org = org[pairs.u]
    under = np.flatnonzero(mixed & is_org & (pairs.score < node_threshold[pairs.u]))
    mixed &= ~is_org
    score = pairs.score.copy()
    for k in under.tolist():
        a, b = int(pairs.u[k]), int(pairs.v[k])
        w, o = (a, b) if weak[a] else (b, a)
        fit = org_fit(nodes[w].name, nodes[o].name)
        if fit >= node_threshold[a]:
            score[k] = fit
            mixed[k] = True
    return Pairs(pairs.n, pairs.u, pairs.v, score), mixed


def split_weak(
    pairs: Pairs, weak: np.ndarray, mixed: np.ndarray | None = None
) -> tuple[Pairs, Pairs]:
    """(pairs between two full or two weak names, pairs of a weak name and a full one);
    ``mixed`` (:func:`weak_fits`) says which pairs are of the second kind, where given."""
    if mixed is None:
        mixed = weak[pairs.u] != weak[pairs.v]
    keep = ~mixed
    return (
        Pairs(pairs.n, pairs.u[keep], pairs.v[keep], pairs.score[keep]),
        Pairs(pairs.n, pairs.u[mixed], pairs.v[mixed], pairs.score[mixed]),
    )


def weak_reached(pairs: Pairs, weak: np.ndarray) -> Pairs:
    """The pairs of a weak name and a full one among the clustered ``pairs``
    (:func:`split_weak`'s first): a weak organisation name's pairs that reach the
    threshold (:func:`weak_fits`), which :func:`attach_weak` reads as ``reached``."""
    sel = np.flatnonzero(weak[pairs.u] != weak[pairs.v])
    return Pairs(pairs.n, pairs.u[sel], pairs.v[sel], pairs.score[sel])


#: Fewest names a weak cluster of organisation names and the cluster it fits hold
#: together for the fit to count: a lone one-word name beside one longer name that holds
#: its word is as often a second listing (a vessel and its owner, a brand and its maker)
#: as an alias. On the OFAC list (``bench_resolve_ofac.py``), of 45 such joins 18 were
#: wrong, 15 of them between two lone names.
WEAK_ORG_NAMES = 3


def attach_weak(
    clusters: list[list[int]],
    mixed: Pairs,
    weak: np.ndarray,
    node_threshold: np.ndarray,
    blocked: Callable[[list[int], list[int]], bool] = lambda a, b: False,
    orgs: np.ndarray | None = None,
    reached: Pairs | None = None,
    apart: Callable[[list[int], list[int]], bool] = lambda a, b: False,
) -> tuple[list[list[int]], dict[int, tuple[int, float]], dict[int, int]]:
    """Join each cluster of weak names to the one entity it fits, if it fits exactly one.

    A weak cluster *fits* a cluster of full names when one of its pairs with it (weak
    factor applied; for organisations, :func:`weak_fits`) reaches the threshold and
    ``blocked`` (attribute clashes) does not forbid the two; a weak cluster of
    organisation names (``orgs``: node -> is an organisation) fits only a cluster with
    which it holds :data:`WEAK_ORG_NAMES` names or more. Fitting none or two or more, it
    stays its own entity: a weak name never joins two full names, and never chains.

    ``reached``: pairs of a weak name and a full one that the clustering read (a weak
    organisation name's pairs at or above the threshold, :func:`weak_fits`). A weak
    cluster that they reach a cluster with, though the clustering kept the two apart
    (the average linkage, or ``apart``, :func:`org_apart`: ``OJSC Orion`` beside ``Orion
    Management Company LLC``), fits that cluster too: fitting it and another, it joins
    neither; fitting it alone, it joins it unless ``apart`` keeps the two apart.

    Returns:
        The clusters (sorted by first node), the joins (node of a weak cluster ->
        (first node of the cluster it joined, best score)) and the nodes of weak
        clusters left alone because they fit several entities (node -> how many).
    """
    owner = {x: k for k, c in enumerate(clusters) for x in c}
    weak_only = {k for k, c in enumerate(clusters) if all(weak[x] for x in c)}
    fits: dict[int, dict[int, float]] = defaultdict(dict)
    only_reached: dict[int, set[int]] = defaultdict(set)  # fits of ``reached`` pairs only
    for given, joinable in ((mixed, True), (reached, False)):
        if given is None:
            continue
        keep = given.score >= node_threshold[given.u]
        for a, b, sc in zip(
            given.u[keep].tolist(), given.v[keep].tolist(), given.score[keep].tolist(), strict=True
        ):
            w, s = (a, b) if weak[a] else (b, a)
            cw, cs = owner[w], owner[s]
            if cw in weak_only and cs not in weak_only:
                if not joinable and cs not in fits[cw]:
                    only_reached[cw].add(cs)
                elif joinable:
                    only_reached[cw].discard(cs)
                fits[cw][cs] = max(fits[cw].get(cs, 0.0), sc)
    joins: dict[int, tuple[int, float]] = {}
    several: dict[int, int] = {}
    merged = {k: list(c) for k, c in enumerate(clusters)}
    for cw in sorted(fits):
        targets = {cs: sc for cs, sc in fits[cw].items() if not blocked(clusters[cw], clusters[cs])}
        if orgs is not None and orgs[clusters[cw][0]]:
            size = len(clusters[cw])
            targets = {
                cs: sc for cs, sc in targets.items() if size + len(clusters[cs]) >= WEAK_ORG_NAMES
            }
        if len(targets) == 1:
            ((cs, sc),) = targets.items()
            if cs in only_reached[cw] and apart(clusters[cw], clusters[cs]):
                continue
            merged[cs].extend(merged.pop(cw))
            joins.update(dict.fromkeys(clusters[cw], (clusters[cs][0], sc)))
        elif len(targets) > 1:
            several.update(dict.fromkeys(clusters[cw], len(targets)))
    out = sorted((sorted(c) for c in merged.values()), key=lambda c: c[0])
    return out, joins, several


def judged_links(
    prep: Prepared, records: Sequence[Record], judgements: Judgements
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """Node pairs that judgements join (``must``) and keep apart (``cannot``).

    Raises:
        JudgementConflictError: same-judgements join two nodes a not-same keeps apart.
    """
    if not len(judgements):
        return {}, {}
    nodes = prep.nodes
    by_norm: dict[str, list[int]] = defaultdict(list)
    for k, norm in enumerate(prep.norms):
        by_norm[norm].append(k)
    rec_nodes = {r.id: prep.node_of[i] for i, r in enumerate(records)}
    must: dict[tuple[int, int], str] = {}
    cannot: dict[tuple[int, int], str] = {}
    for j in judgements:
        if j.by == "id":
            left = [rec_nodes[j.a]] if j.a in rec_nodes else []
            right = [rec_nodes[j.b]] if j.b in rec_nodes else []
        else:
            left, right = by_norm.get(normalize(j.a), []), by_norm.get(normalize(j.b), [])
        text = f"{j.a!r} {'same as' if j.same else 'not the same as'} {j.b!r} (by {j.by})"
        for a in left:
            for b in right:
                if a == b or nodes[a].kind != nodes[b].kind:
                    continue
                p = (min(a, b), max(a, b))
                if j.same:
                    must[p] = text
                    cannot.pop(p, None)
                else:
                    cannot[p] = "judgement: " + text
                    must.pop(p, None)
    _check_judgements(len(nodes), must, cannot, nodes)
    return must, cannot


def _check_judgements(
    n: int,
    must: Mapping[tuple[int, int], str],
    cannot: Mapping[tuple[int, int], str],
    nodes: Sequence[Node],
) -> None:
    uf = UnionFind(n)
    for a, b in must:
        uf.union(a, b)
    for (a, b), why in cannot.items():
        if uf.same(a, b):
            raise JudgementConflictError(
                f"judgements contradict each other: {nodes[a].name!r} and {nodes[b].name!r} are "
                f"joined by 'same' judgements but also judged different ({why})"
            )


# ------------------------------------------------------------------ 5. components and ids


def connected(
    n: int,
    pairs: Pairs,
    node_threshold: np.ndarray,
    must: Iterable[tuple[int, int]] = (),
) -> np.ndarray:
    """Component label (smallest member) of each node: pairs at or above threshold, and must-links."""
    keep = pairs.score >= node_threshold[pairs.u]
    mu = [a for a, _ in must]
    mv = [b for _, b in must]
    u = np.concatenate([pairs.u[keep], np.asarray(mu, dtype=np.int64)])
    v = np.concatenate([pairs.v[keep], np.asarray(mv, dtype=np.int64)])
    return components(n, u, v)


def cut_levels(threshold: float, step: float = CUT_STEP) -> np.ndarray:
    """The score levels at which :func:`bound_components` may cut a component of a kind
    with this threshold: the threshold itself, then every multiple of ``step`` above it
    up to 1 (``float32``, as the scores).

    Example:
        >>> cut_levels(0.9, 0.05).tolist() == np.float32([0.9, 0.95, 1.0]).tolist()
        True
    """
    top = round(1 / step)
    grid = [k / top for k in range(1, top + 1) if np.float32(k / top) > np.float32(threshold)]
    return np.asarray([threshold, *grid], dtype=np.float32)


def pair_levels(score: np.ndarray, threshold: np.ndarray, step: float = CUT_STEP) -> np.ndarray:
    """How many cut levels (:func:`cut_levels` of the pair's threshold) each accepted
    pair reaches: the pair is a link of the levels ``0 .. k - 1``. A pure function of the
    score and the threshold, so that Spark computes it where the pair is scored.

    Example:
        >>> pair_levels(np.float32([0.9, 0.97, 1.0]), np.float32([0.9, 0.9, 0.9]), 0.05).tolist()
        [1, 2, 3]
    """
    score = np.asarray(score, dtype=np.float32)
    threshold = np.asarray(threshold, dtype=np.float32)
    out = np.zeros(len(score), dtype=np.int64)
    for t in np.unique(threshold).tolist():
        at = threshold == np.float32(t)
        out[at] = np.searchsorted(cut_levels(t, step), score[at], side="right")
    return out


def bound_components(
    labels: np.ndarray,
    pairs: Pairs,
    node_threshold: np.ndarray,
    must: Iterable[tuple[int, int]] = (),
    *,
    max_size: int = MAX_COMPONENT,
) -> np.ndarray:
    """Split every component larger than ``max_size`` where its links are weakest.

    A large component (``labels`` from :func:`connected`) is cut at the score levels
    :func:`cut_levels` (the threshold, then every ``CUT_STEP`` up to 1; must-links count
    at every level, and at one more level after the last): at level ``k`` its links are
    the accepted pairs that reach that level (:func:`pair_levels`). A node's piece is
    its component at the lowest level where that component has at most ``max_size``
    nodes; a node whose component is too large at every level is alone. These pieces
    are the largest single-linkage clusters of at most ``max_size`` nodes, with scores
    read at the precision of the levels: a long chain of names, each like the next, is
    cut at its weakest links, and the clustering never sees more than ``max_size`` names
    at once, however long the list. Each level is a connected-components run, so Spark
    cuts a component before any task holds it (a window of levels at once,
    :mod:`nasab.spark.resolve`). A pure function of the component's pairs. Components
    of ``max_size`` nodes or fewer keep their labels.

    Returns:
        Labels (smallest member of each piece).

    Example:
        >>> p = Pairs(4, np.array([0, 1, 2]), np.array([1, 2, 3]),
        ...           np.array([0.9, 0.7, 0.95], np.float32))
        >>> thr = np.full(4, 0.65, np.float32)
        >>> bound_components(connected(4, p, thr), p, thr, max_size=2).tolist()
        [0, 0, 2, 2]
    """
    n = len(labels)
    big = np.bincount(labels, minlength=n)[labels] > max_size
    if not big.any():
        return labels
    at = np.flatnonzero(big)
    local = np.full(n, -1, dtype=np.int64)
    local[at] = np.arange(len(at))
    keep = big[pairs.u] & (pairs.score >= node_threshold[pairs.u])
    pu, pv = pairs.u[keep], pairs.v[keep]
    levels = pair_levels(pairs.score[keep], node_threshold[pu])
    mu = np.asarray([a for a, b in must if big[a]], dtype=np.int64)
    mv = np.asarray([b for a, b in must if big[a]], dtype=np.int64)
    u = local[np.concatenate([mu, pu])]
    v = local[np.concatenate([mv, pv])]
    lv = np.concatenate([np.full(len(mu), MUST_LEVEL, dtype=np.int64), levels])
    piece = np.arange(len(at), dtype=np.int64)
    active = np.ones(len(at), dtype=bool)
    for k in range(1, MUST_LEVEL):  # level 0 is the whole component
        sel = lv > k
        lab = components(len(at), u[sel], v[sel])
        size = np.bincount(lab, minlength=len(at))[lab]
        done = active & (size <= max_size)
        piece[done] = lab[done]
        active &= ~done
        if not active.any():
            break
    out = labels.copy()
    out[at] = at[piece]
    return out


def entity_id(kind: str, node: Node, norm: str | None = None) -> str:
    """The id of an entity whose smallest member (in :func:`node_order`) is ``node``
    (``norm``: its normalised name, when known).

    Example:
        >>> entity_id("person", Node("person", "Ali al-Kazemi")).startswith("nsb-")
        True
    """
    if norm is None:
        norm = normalize(node.name)
    basis = f"{kind}\x1f{norm}\x1f{node.name}"
    if node.rid is not None:
        basis += f"\x1f{node.rid}"
    if node.facts:
        basis += f"\x1f{node.facts.signature()}"
    return "nsb-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def on_demand_scorer(
    nodes: Sequence[Node], nk: NodeKeys, cache: ScoreCache
) -> Callable[[int, int], float]:
    """A scorer of node pairs for the clustering (cached by name pair)."""

    def score(u: int, v: int) -> float:
        key = _pair_key(nodes[u], nodes[v])
        got = cache.get(key)
        if got is None:
            got = cache[key] = score_node_pair(nodes, nk, u, v)
        return got

    return score
