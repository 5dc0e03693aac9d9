"""Resolving names into entities: :func:`resolve`, :class:`Resolution`, :class:`Entity`.

The flow: records -> distinct names (*nodes*) -> blocking keys -> candidate pairs ->
:func:`nasab.compare` scores -> average-linkage clustering with cannot-links ->
entities with stable ids.

Example:
    >>> res = resolve(["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Mohammed Rida al-Hakimi"])
    >>> res.labels[0] == res.labels[1] != res.labels[2]
    True
    >>> res.entity_of(1).canonical["arabic"]
    'مصطفى الكاظمي'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType

import numpy as np

from .._display import name_html, names_html, table, text_html
from .._progress import Progress, progress_callback
from ..errors import InputError
from ..match import compare
from ..match import prepare as prepare_name
from ..match.batch import collector_paused, score_bounds
from ..match.orgs import WEAK_ORG_FIT, org_fit, org_subsidiary_word
from ..match.weights import ListFrequency
from ..text import detect_script, normalize
from .attributes import adjust_score
from .blocking import Prefilter, keys_of, prefilter, rare_key
from .cluster import MERGED_BY_JUDGEMENT, MERGED_BY_SUPPORT, ClusterResult, cluster_groups
from .forks import workers
from .ids import Votes, carry_ids, previous_votes
from .judgements import Judgements
from .records import KINDS, Record, as_records
from .stages import (
    BOUND_MARGIN,
    Node,
    NodeKeys,
    Pairs,
    Prepared,
    ScoreCache,
    attach_weak,
    attribute_agree,
    attribute_scores,
    attribute_tags,
    block_pairs,
    bound_components,
    cannot_links,
    connected,
    entity_id,
    facts_evidence,
    judged_links,
    key_counts,
    list_frequency,
    may_reach,
    merge_scored,
    node_keys,
    node_order,
    on_demand_scorer,
    org_apart,
    pair_judge,
    prefilter_pairs,
    prepare,
    prepare_bounds,
    score_pairs,
    short_keys,
    split_weak,
    weak_fits,
    weak_mask,
    weak_reached,
    weak_scores,
)
from .unionfind import groups

__all__ = [
    "DEFAULT_THRESHOLDS",
    "SUPPORT_KINDS",
    "Entity",
    "Resolution",
    "canonical_names",
    "resolve",
    "thresholds_of",
    "with_facts",
]

#: Average-linkage score needed to put names together, per kind.
DEFAULT_THRESHOLDS: Mapping[str, float] = MappingProxyType({"person": 0.65, "organization": 0.6})

#: Kinds whose clusters may also merge by support linkage (:mod:`.cluster`): an
#: organisation's aliases mix translations, acronyms and foreign forms that share little.
#: Not persons: on generated person names (spelling variants) it cost precision (10k:
#: 0.9908 -> 0.9875, 30k: 0.9836 -> 0.9780) for no recall.
SUPPORT_KINDS = frozenset({"organization"})

#: Fewer candidate pairs than this get no automatic progress bar.
PROGRESS_MIN_PAIRS = 20_000


@dataclass(frozen=True)
class Entity:
    """A resolved entity.

    Attributes:
        id: stable id (``nsb-`` + hash of the kind and smallest member name).
        kind: ``person`` or ``organization``.
        canonical: script -> preferred name (``latin``, ``arabic``, ``other``).
        names: the distinct surface names, sorted.
        members: indexes of the input records, sorted.
    """

    id: str
    kind: str
    canonical: dict[str, str]
    names: list[str]
    members: list[int]

    def _repr_html_(self) -> str:
        """The entity's canonical names in both scripts, every name and its members."""
        return table(
            ["id", "kind", "latin", "arabic", "names", "members"],
            [_entity_cells(self)],
        )


def _script(name: str) -> str:
    s = detect_script(name)
    return s if s in ("latin", "arabic") else "other"


@dataclass
class _State:
    """What a resolution run computed, kept to explain and extend it."""

    nodes: list[Node]
    node_of: list[int]  # record index -> node index
    candidates: Pairs  # the scored pairs
    cannot: dict[tuple[int, int], str]  # pair -> reason
    must: dict[tuple[int, int], str]
    clusters: ClusterResult
    cache: ScoreCache  # scores of pairs outside the candidates (scored on demand)
    thresholds: dict[str, float]
    weak_joins: dict[int, tuple[int, float]] = field(default_factory=dict)
    weak_several: dict[int, int] = field(default_factory=dict)
    freq: ListFrequency | None = None  # the list's token weights the scores used

    def score_cache(self) -> ScoreCache:
        """Every score this run computed, by name pair (to extend the run)."""
        out = dict(self.cache)
        p, nodes = self.candidates, self.nodes
        for k, (a, b) in enumerate(p):
            x, y = sorted((nodes[a].name, nodes[b].name))
            out[(nodes[a].kind, x, y)] = float(p.score[k])
        return out


@dataclass(frozen=True)
class Resolution:
    """The result of :func:`resolve`.

    Attributes:
        labels: one entity id per input record, in input order.
        entities: the entities, sorted by id.
        records: the input records.
        judgements: the judgements applied.
        id_map: with a previous run (``resolve(..., previous=...)`` or :meth:`add`):
            each old entity id whose names appear in this run -> the ids of the
            entities now holding them. One id to the same id: kept; several old ids to
            one: merged; one to several: split.
    """

    labels: list[str]
    entities: list[Entity]
    records: tuple[Record, ...]
    judgements: Judgements = field(default_factory=Judgements)
    id_map: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _state: _State | None = field(default=None, repr=False, compare=False)
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.records)

    def _repr_html_(self, max_rows: int = 50) -> str:
        """A table of the entities (both scripts side by side), largest first."""
        shown = sorted(self.entities, key=lambda e: (-len(e.members), e.id))[:max_rows]
        more = len(self.entities) - len(shown)
        return (
            f"<div><p><b>Resolution</b>: {len(self.records)} names → "
            f"{len(self.entities)} entities</p>"
            + table(
                ["id", "kind", "latin", "arabic", "names", "members"],
                [_entity_cells(e) for e in shown],
            )
            + (f"<p>… {more} more entities</p>" if more > 0 else "")
            + "</div>"
        )

    def entity_of(self, i: int) -> Entity:
        """The entity of input record ``i``."""
        self._check_index(i)
        return self._by_id[self.labels[i]]

    def _check_index(self, i: int) -> None:
        if not isinstance(i, int) or isinstance(i, bool):
            raise InputError(f"record index must be an int, got {type(i).__name__}")
        if not 0 <= i < len(self.records):
            raise InputError(f"record index {i} is out of range (0..{len(self.records) - 1})")

    def why(self, i: int, j: int) -> str:
        """Explain whether and why input records ``i`` and ``j`` were put together."""
        self._check_index(i)
        self._check_index(j)
        st = self._state
        assert st is not None
        ri, rj = self.records[i], self.records[j]
        same = self.labels[i] == self.labels[j]
        lines = [
            f"record {i} {ri.name!r} ({ri.kind}) and record {j} {rj.name!r} ({rj.kind}): "
            + (
                f"same entity {self.labels[i]}"
                if same
                else f"different entities {self.labels[i]} and {self.labels[j]}"
            )
        ]
        if ri.kind != rj.kind:
            lines.append("  different kinds are never merged")
            return "\n".join(lines)
        u, v = st.node_of[i], st.node_of[j]
        if u == v:
            lines.append("  the same name (identical after whitespace): one node")
            return "\n".join(lines)
        pair = (min(u, v), max(u, v))
        m = compare(ri.name, rj.name, kind=ri.kind, freq=st.freq)
        lines.extend("  " + ln for ln in m.explain().splitlines())
        shared = sorted(keys_of(st.nodes[u].name, ri.kind) & keys_of(st.nodes[v].name, ri.kind))
        if pair in st.candidates:
            lines.append(f"  blocking: candidate pair (shared keys {', '.join(shared)})")
        elif shared and ri.kind == "person" and not _passes_prefilter(st.nodes[u], st.nodes[v]):
            lines.append(
                f"  blocking: shared keys {', '.join(shared)}, but the prefilter ruled the pair out "
                f"(rare-token keys {rare_key(st.nodes[u].name)!r} and {rare_key(st.nodes[v].name)!r} "
                "share too little); scored only if their groups are compared"
            )
        elif shared and _bound_under(st, u, v):
            lines.append(
                f"  blocking: shared keys {', '.join(shared)}, but the score's upper bound is under "
                "the threshold: scored only if the components put both names in one group"
            )
        elif shared:
            lines.append(
                f"  blocking: shared keys {', '.join(shared)} only in blocks too large to score"
            )
        else:
            lines.append("  blocking: no shared key, not compared during resolution")
        for (a, b), why in st.must.items():
            if {a, b} & {u, v}:
                lines.append(f"  judgement: {why}")
        if pair in st.cannot:
            lines.append(f"  cannot-link: {st.cannot[pair]}")
        lines.extend(_attribute_lines(st.nodes[u], st.nodes[v]))
        thr = st.thresholds[ri.kind]
        weak = [x for x in (u, v) if x in st.weak_joins or x in st.weak_several]
        if weak:
            lines.append(_weak_line(st, weak[0]))
        short = [x for x in (u, v) if x in st.clusters.short_alone or x in st.clusters.short_joins]
        if short:
            lines.append(_short_line(st, short[0]))
        if same:
            merged = st.clusters.merge_of(u, v)
            if merged is not None:
                link, how = merged
                if how == MERGED_BY_JUDGEMENT:
                    lines.append("  clustering: put together by a judgement")
                elif how == MERGED_BY_SUPPORT:
                    lines.append(
                        f"  clustering: their groups merged at support linkage {link:.3f} >= threshold {thr:.2f}"
                        " (each name of the smaller group strongly tied to half the other)"
                    )
                else:
                    lines.append(
                        f"  clustering: their groups merged at average linkage {link:.3f} >= threshold {thr:.2f}"
                    )
        else:
            lines.append(
                f"  clustering: kept apart (average and support linkage of their groups below threshold {thr:.2f}, "
                "or a cannot-link between their groups)"
            )
            lines.extend(_subsidiary_lines(st, u, v))
        return "\n".join(lines)

    def add(self, records: Iterable[object], *, kind: str | None = None) -> Resolution:
        """Resolve more records together with these; scores already computed are reused.

        The entities are those of :func:`resolve` on all the records at once, and they
        keep the ids they have here (``resolve(all, previous=self)``): an entity's id
        does not change when a new member sorts first. :attr:`Resolution.id_map` says
        which entities merged or split.

        Example:
            >>> res = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي"])
            >>> more = res.add(["Abdul Mustafa al-Kadhimi", "Mustafa al Kadhimi"])
            >>> more.labels[0] == res.labels[0] == more.labels[3]
            True
        """
        st = self._state
        assert st is not None
        new = as_records(records, kind=kind, start=len(self.records))
        return _run(
            list(self.records) + new,
            st.thresholds,
            self.judgements,
            st.score_cache(),
            votes=previous_votes(self),
            cached_freq=st.freq,
        )


def _short_line(st: _State, node: int) -> str:
    """The line of :meth:`Resolution.why` on a short name (a subset of longer names)."""
    name = st.nodes[node].name
    if node in st.clusters.short_joins:
        target, score = st.clusters.short_joins[node]
        return (
            f"  short name: {name!r} fits one entity of longer names best (that of "
            f"{st.nodes[target].name!r}, score {score:.3f}) and joined it"
        )
    return (
        f"  short name: {name!r} fits {st.clusters.short_alone[node]} entities of longer "
        "names about equally well, so it joins none (a short name never bridges longer names)"
    )


def _weak_line(st: _State, node: int) -> str:
    """The line of :meth:`Resolution.why` on a weak name (one word, a bare kunya)."""
    name = st.nodes[node].name
    if st.nodes[node].kind == "organization":
        return _weak_org_line(st, node)
    if node in st.weak_joins:
        target, score = st.weak_joins[node]
        return (
            f"  weak name: {name!r} fits one entity only (that of {st.nodes[target].name!r}, "
            f"score {score:.3f} after its weakness factor) and joined it"
        )
    return (
        f"  weak name: {name!r} fits {st.weak_several[node]} entities, so it joins none "
        "(a weak name never bridges full names)"
    )


def _weak_org_line(st: _State, node: int) -> str:
    """The line of :meth:`Resolution.why` on a one-word organisation name: what it fits.

    A weak organisation name joins by its *fit* (:func:`nasab.match.orgs.org_fit`): the
    longer name of the entity that holds its word, and how much of the word it holds; or
    by its score with a name of the entity, at or above the threshold, where the
    clustering left it alone (``reached``, :func:`~.stages.attach_weak`).
    """
    name = st.nodes[node].name
    if node not in st.weak_joins:
        return (
            f"  weak name: {name!r} is one word that names of {st.weak_several[node]} entities "
            "hold, so it joins none (a weak name never bridges full names)"
        )
    target, score = st.weak_joins[node]
    entity = next(c for c in st.clusters.clusters if target in c)
    members = [k for k in entity if k not in st.weak_joins]
    best = max(members, key=lambda k: (org_fit(name, st.nodes[k].name), -k))
    plain = max(members, key=lambda k: (_org_score(name, st.nodes[k].name), -k))
    if _org_score(name, st.nodes[plain].name) >= score - _SCORE_TOLERANCE:
        return (
            f"  weak name: {name!r} scores {score:.3f} with {st.nodes[plain].name!r}, at or above "
            "the threshold, though the clustering left it alone; it fits one entity only, of "
            f"{len(members)} names, and joined it"
        )
    return (
        f"  weak name: {name!r} is one word, which {st.nodes[best].name!r} holds (fit "
        f"{score:.3f}: {WEAK_ORG_FIT} x the share of the word matched, for a rare word of "
        f"six letters or more); it fits one entity only, of {len(members)} names, and joined it"
    )


#: How far a pair's stored score (float32) may fall from its score recomputed.
_SCORE_TOLERANCE = 1e-6


def _org_score(a: str, b: str) -> float:
    return compare(a, b, kind="organization").score


def _attribute_lines(a: Node, b: Node) -> list[str]:
    """The lines of :meth:`Resolution.why` on what two nodes' attributes say."""
    if not a.facts and not b.facts:
        return []
    ev = facts_evidence(a.facts, b.facts)
    effect = {
        "against": "cannot-link (never one entity)",
        "weak_against": "name score lowered",
        "for": "name score raised",
        "none": "no effect",
    }[ev.verdict]
    lines = [f"  attributes: {effect}"]
    lines.extend(f"    {r}" for r in ev.reasons)
    for nd in (a, b):
        if nd.facts.unparsed:
            lines.append(f"    kept as written, not used: {', '.join(nd.facts.unparsed)}")
    return lines


def _bound_under(st: _State, u: int, v: int) -> bool:
    """Whether a person pair's score bound is under its threshold (:func:`stages.may_reach`)."""
    a, b = st.nodes[u], st.nodes[v]
    if a.kind != "person" or (a.facts and b.facts):
        return False
    pa, pb = prepare_name(a.name), prepare_name(b.name)
    thr = np.float32(st.thresholds[a.kind])
    bound = score_bounds([pa], [pb], [0], [0], freq=st.freq)[0]
    return bool(bound < float(thr) - BOUND_MARGIN)


def _passes_prefilter(a: Node, b: Node) -> bool:
    return bool(prefilter([(a.kind, a.name), (b.kind, b.name)], np.array([1]))[0])


def thresholds_of(threshold: float | Mapping[str, float] | None) -> dict[str, float]:
    """The merge threshold of each kind, from what a caller of :func:`resolve` gave.

    Raises:
        InputError: a threshold outside (0, 1], not a number, or for an unknown kind.

    Example:
        >>> thresholds_of(0.7), thresholds_of({"organization": 0.5})["person"]
        ({'person': 0.7, 'organization': 0.7}, 0.65)
    """
    out = dict(DEFAULT_THRESHOLDS)
    if threshold is None:
        return out
    if isinstance(threshold, Mapping):
        for k, v in threshold.items():
            if k not in KINDS:
                raise InputError(f"threshold given for unknown kind {k!r}; kinds are {KINDS}")
            out[k] = _check_threshold(v)
        return out
    t = _check_threshold(threshold)
    return dict.fromkeys(KINDS, t)


def _check_threshold(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"threshold must be a number in (0, 1], got {value!r}")
    if not 0.0 < float(value) <= 1.0:
        raise InputError(f"threshold must be in (0, 1], got {value!r}")
    return float(value)


def resolve(
    names_or_records: Iterable[object],
    *,
    threshold: float | Mapping[str, float] | None = None,
    judgements: Judgements | None = None,
    kind: str | None = None,
    progress: Progress = None,
    previous: object = None,
) -> Resolution:
    """Resolve names (strings, dicts or :class:`Record` objects) into entities.

    Args:
        names_or_records: the inputs; strings get ids ``r0``, ``r1``...
        threshold: average-linkage score needed to merge (one number, or per kind);
            default :data:`DEFAULT_THRESHOLDS`.
        judgements: same / not-same judgements; they always win over scores.
        kind: kind of the inputs that do not say (default ``person``).
        progress: a bar over the candidate pairs scored: ``None`` on long inputs when
            output is a terminal or a notebook (tqdm, the ``progress`` extra), ``False``
            never, ``True`` always, or a callable ``progress(done, total)``.
        previous: a previous :class:`Resolution` or an :class:`~nasab.aliases.AliasTable`
            (also one saved and loaded again): each entity takes the old id most of its
            names had (:func:`nasab.resolution.ids.carry_ids`), and
            :attr:`Resolution.id_map` maps old ids to new ones.

    Returns:
        A :class:`Resolution`; the same set of inputs in any order gives the same
        entities with the same ids.

    Raises:
        InputError: a wrong type, an empty name, a duplicate record id, or
            contradictory judgements.

    Example:
        >>> res = resolve(["ISIS", "داعش", "Islamic State", "Islamic Jihad"], kind="organization")
        >>> len(set(res.labels)) <= 3 and res.labels[0] == res.labels[2] != res.labels[3]
        True
    """
    if judgements is not None and not isinstance(judgements, Judgements):
        raise InputError(f"judgements must be a Judgements object, got {type(judgements).__name__}")
    records = as_records(names_or_records, kind=kind)
    votes = previous_votes(previous) if previous is not None else None
    return _run(records, thresholds_of(threshold), judgements or Judgements(), {}, progress, votes)


def _run(
    records: list[Record],
    thresholds: dict[str, float],
    judgements: Judgements,
    cache: ScoreCache,
    progress: Progress = None,
    votes: Votes | None = None,
    cached_freq: ListFrequency | None = None,
) -> Resolution:
    """The stages of :mod:`nasab.resolution.stages`, one after another.

    ``cache`` holds scores of an earlier run, made with its list's token weights
    ``cached_freq``: it is used only when this list's weights are the same. Python's
    cyclic garbage collector is paused while it runs (:func:`.collector_paused`): the
    stages build many small objects that live on, and its passes over them freed nothing.
    """
    with collector_paused():
        return _stages(records, thresholds, judgements, cache, progress, votes, cached_freq)


def _score_some(
    nodes: list[Node],
    nk: NodeKeys,
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    at: np.ndarray,
    cache: ScoreCache,
    progress: Callable[[int, int], None] | None = None,
) -> Pairs:
    """:func:`score_pairs` of the candidate pairs ``(u, v, joinable)`` selected by ``at``."""
    u, v, joinable = pairs
    return score_pairs(
        nodes,
        nk,
        u[at],
        v[at],
        cache=cache,
        workers=workers(),
        progress=progress,
        joinable=joinable[at],
    )


def _stages(
    records: list[Record],
    thresholds: dict[str, float],
    judgements: Judgements,
    cache: ScoreCache,
    progress: Progress,
    votes: Votes | None,
    cached_freq: ListFrequency | None,
) -> Resolution:
    """The body of :func:`_run`."""
    prep = prepare(records, judgements, workers=workers())
    nodes = prep.nodes
    nk = node_keys(prep, keep_keys=False, workers=workers())  # blocks, no key sets
    persons = sum(k == "person" for k in nk.kinds)
    nk = nk.with_frequency(list_frequency(key_counts(nk), persons))
    if nk.freq != cached_freq:
        cache = {}
    judge: list[Prefilter] = []
    u, v = block_pairs(nk, workers=workers(), meanwhile=partial(_ahead_of_pairs, nk, judge))
    nk = nk.without_blocks()  # nothing after the blocking reads them
    keep = prefilter_pairs(nk, u, v, workers=workers(), judge=judge[0] if judge else None)
    u, v = _with_split_names(nodes, u[keep], v[keep])
    thr = np.asarray([thresholds[nd.kind] for nd in nodes], dtype=np.float32)
    # Pairs whose score bound is under the threshold cannot change the components: they
    # are scored only when the components put both names in one group.
    joinable = np.ones(len(u), dtype=bool)
    first = may_reach(nodes, nk, u, v, thr, joinable, workers=workers())
    report = progress_callback(
        progress, "resolving (pairs)", int(first.sum()), min_items=PROGRESS_MIN_PAIRS
    )
    raw = _score_some(nodes, nk, (u, v, joinable), first, cache, report)
    weak = weak_mask(nk)
    pairs, mixed = split_weak(*_weak_fitted(nodes, nk, raw, weak, thr))
    must, judged_cannot = judged_links(prep, records, judgements)
    labels = bound_components(connected(len(nodes), pairs, thr, must), pairs, thr, must)
    later = ~first & (labels[u] == labels[v])
    if later.any():
        more = _score_some(nodes, nk, (u, v, joinable), later, cache)
        raw = merge_scored(raw, more)
        pairs, mixed = split_weak(*_weak_fitted(nodes, nk, raw, weak, thr))
    cannot = cannot_links(nodes, pairs, thresholds, labels, freq=nk.freq, workers=workers())
    for p in must:
        cannot.pop(p, None)
    cannot.update(judged_cannot)
    inside = labels[pairs.u] == labels[pairs.v]
    scores = dict(
        zip(
            zip(pairs.u[inside].tolist(), pairs.v[inside].tolist(), strict=True),
            pairs.score[inside].tolist(),
            strict=True,
        )
    )
    clusters, (tags, clash), apart = _clustered(
        nodes, nk, labels, scores, thr, (must, cannot), cache
    )
    orgs = np.asarray([k == "organization" for k in nk.kinds], dtype=bool)
    clusters.clusters, joins, several = attach_weak(
        clusters.clusters,
        mixed,
        weak,
        thr,
        _blocked(tags, clash, cannot),
        orgs,
        reached=weak_reached(pairs, weak),
        apart=apart,
    )
    entities, label_of_node, id_map = _entities(records, prep, clusters, votes)
    labels_out = [label_of_node[k] for k in prep.node_of]
    state = _State(
        nodes, prep.node_of, raw, cannot, must, clusters, cache, thresholds, joins, several, nk.freq
    )
    return Resolution(
        labels_out,
        entities,
        tuple(records),
        judgements,
        id_map,
        state,
        {e.id: e for e in entities},
    )


def _ahead_of_pairs(nk: NodeKeys, judge: list[Prefilter]) -> None:
    """What the stages after :func:`block_pairs` read of each name and not of the pairs,
    taken while its forked process makes the hot blocks' pairs (its ``meanwhile``, run only
    beside that process): the prefilter's judge (appended to ``judge``) and the token
    features of the bounds."""
    judge.append(pair_judge(nk))
    prepare_bounds(nk)


def _clustered(
    nodes: list[Node],
    nk: NodeKeys,
    labels: np.ndarray,
    scores: dict[tuple[int, int], float],
    thr: np.ndarray,
    links: tuple[Mapping[tuple[int, int], str], Mapping[tuple[int, int], str]],
    cache: ScoreCache,
) -> tuple[
    ClusterResult,
    tuple[list[int], Callable[[int, int], bool]],
    Callable[[Sequence[int], Sequence[int]], bool],
]:
    """The clusters of each component (:func:`cluster_groups`), every node in one, sorted
    by first node; with the attribute tags and clash test and the organisations' apart
    test that :func:`attach_weak` reads next. ``links`` are the must- and cannot-links.
    The scores made on demand are kept in ``cache``, also those made in forked workers."""
    must, cannot = links
    on_demand = with_facts(nodes, on_demand_scorer(nodes, nk, cache))
    tags, clash = attribute_tags(nodes)
    apart = org_apart(nodes)
    clusters = cluster_groups(
        groups(labels),
        scores,
        lambda k: float(thr[k]),
        must=sorted(must),
        cannot=sorted(cannot),
        on_demand=on_demand,
        tags=tags,
        clash=clash,
        support=lambda k: nodes[k].kind in SUPPORT_KINDS,
        keys=short_keys(nk),
        agree=attribute_agree(nodes),
        apart=apart,
        memo=cache,
        workers=workers(),
    )
    clustered = {x for c in clusters.clusters for x in c}
    clusters.clusters.extend([k] for k in range(len(nodes)) if k not in clustered)
    clusters.clusters.sort(key=lambda c: c[0])
    return clusters, (tags, clash), apart


def _subsidiary_lines(st: _State, u: int, v: int) -> list[str]:
    """Why the entities of organisation nodes ``u`` and ``v`` are two companies of one
    group or a body and its sub-unit (:func:`nasab.match.orgs.org_subsidiary_word`), or
    no line."""
    if st.nodes[u].kind != "organization":
        return []
    of = {x: c for c in st.clusters.clusters for x in c}
    word = org_subsidiary_word([st.nodes[x].name for x in of[u]], [st.nodes[x].name for x in of[v]])
    if word is None:
        return []
    return [
        f"  two companies of one group or a body and its sub-unit: every name of one "
        f"entity holds {word!r}, no name of the other"
    ]


def _weak_fitted(
    nodes: list[Node], nk: NodeKeys, raw: Pairs, weak: np.ndarray, thr: np.ndarray
) -> tuple[Pairs, np.ndarray, np.ndarray]:
    """The scored pairs adjusted by facts and weakness, the weak mask and the mixed mask
    (:func:`~.stages.weak_fits`), as :func:`~.stages.split_weak` takes them."""
    fitted, mixed = weak_fits(nodes, nk, weak_scores(attribute_scores(nodes, raw), nk, weak), thr)
    return fitted, weak, mixed


def _blocked(
    tags: list[int], clash: Callable[[int, int], bool], cannot: Mapping[tuple[int, int], str]
) -> Callable[[list[int], list[int]], bool]:
    """Whether two clusters may not be one entity (attribute clash or a cannot-link)."""

    def blocked(a: list[int], b: list[int]) -> bool:
        ta = {tags[x] for x in a if tags[x] >= 0}
        tb = {tags[y] for y in b if tags[y] >= 0}
        if any(clash(s, t) for s in ta for t in tb):
            return True
        return any((min(x, y), max(x, y)) in cannot for x in a for y in b)

    return blocked


def with_facts(
    nodes: list[Node], score: Callable[[int, int], float]
) -> Callable[[int, int], float]:
    """An on-demand scorer whose name scores are adjusted by the nodes' facts.

    Used by :func:`resolve` for the clustering and by ``nasab.spark`` in its workers.
    """

    def scored(u: int, v: int) -> float:
        s = score(u, v)
        if nodes[u].facts and nodes[v].facts:
            s = adjust_score(s, facts_evidence(nodes[u].facts, nodes[v].facts))
        return s

    return scored


def _with_split_names(
    nodes: list[Node], u: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Add the pairs of nodes that share a surface name (split by id-judgements)."""
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, nd in enumerate(nodes):
        by_name[(nd.kind, nd.name)].append(k)
    extra = [(a, b) for g in by_name.values() if len(g) > 1 for a in g for b in g if a < b]
    if not extra:
        return u, v
    n = max(1, len(nodes))
    ex = np.asarray(extra, dtype=np.int64)
    codes = np.unique(np.concatenate([u * n + v, ex[:, 0] * n + ex[:, 1]]))
    return codes // n, codes % n


def _entities(
    records: list[Record], prep: Prepared, clusters: ClusterResult, votes: Votes | None = None
) -> tuple[list[Entity], list[str], dict[str, tuple[str, ...]]]:
    """The entities of the clusters, sorted by id, the id of every node, and the id map."""
    nodes = prep.nodes
    members_of: dict[int, list[int]] = defaultdict(list)
    for i, nd in enumerate(prep.node_of):
        members_of[nd].append(i)
    entities: list[Entity] = []
    label_of_node = [""] * len(nodes)
    rank = _order_ranks(nodes)
    firsts = [min(g, key=rank.__getitem__) for g in clusters.clusters]
    own = [entity_id(nodes[first].kind, nodes[first], prep.norms[first]) for first in firsts]
    id_map: dict[str, tuple[str, ...]] = {}
    if votes:
        names = [[(nodes[k].kind, nodes[k].name) for k in g] for g in clusters.clusters]
        own, id_map = carry_ids(own, names, votes)
    for group, eid, first in zip(clusters.clusters, own, firsts, strict=True):
        members = sorted(i for k in group for i in members_of[k])
        for k in group:
            label_of_node[k] = eid
        entities.append(
            Entity(
                eid,
                nodes[first].kind,
                _canonical(nodes, group, members_of),
                sorted({records[i].name for i in members}),
                members,
            )
        )
    entities.sort(key=lambda e: e.id)
    return entities, label_of_node, id_map


def _order_ranks(nodes: list[Node]) -> list[int]:
    """Each node's place in :func:`~.stages.node_order`, nodes of equal order sharing the
    first one's: the nodes are numbered in that order (:class:`~.stages.Prepared`), so it
    is the index, and only neighbours of one name can be equal. ``min`` of a group by it
    is ``min`` by ``node_order``, without normalising every member's name again.

    Example:
        >>> _order_ranks([Node("person", "Ali"), Node("person", "Ali", "r1"), Node("person", "Omar")])
        [0, 1, 2]
    """
    rank = list(range(len(nodes)))
    for k in range(1, len(nodes)):
        a, b = nodes[k - 1], nodes[k]
        if a.name == b.name and node_order(a) == node_order(b):
            rank[k] = rank[k - 1]
    return rank


def _canonical(
    nodes: list[Node], group: list[int], members_of: Mapping[int, list[int]]
) -> dict[str, str]:
    """:func:`canonical_names` of the records of the nodes ``group``: a node's name is its
    records' surface name, so each node counts its records (not a surface per record)."""
    counts: dict[str, int] = {}
    for k in group:
        name = nodes[k].name
        counts[name] = counts.get(name, 0) + len(members_of[k])
    return canonical_names(counts)


def canonical_names(counts: Mapping[str, int]) -> dict[str, str]:
    """Per script, the most frequent surface name (then the longest, then the first).

    Args:
        counts: how many records of the entity have each surface name.

    Example:
        >>> canonical_names({"Ali Hassan": 2, "Ali Hasan": 1, "علي حسن": 1})
        {'latin': 'Ali Hassan', 'arabic': 'علي حسن'}
    """
    if len(counts) == 1:  # most entities: their one name is its script's canonical name
        (name,) = counts
        return {_script(name): name}
    canonical: dict[str, str] = {}
    script_of = {nm: _script(nm) for nm in counts}  # each name's script found once
    for scr in ("latin", "arabic", "other"):
        cands = [nm for nm in counts if script_of[nm] == scr]
        if len(cands) == 1:
            canonical[scr] = cands[0]
        elif cands:
            canonical[scr] = min(
                cands, key=lambda nm: (-counts[nm], -len(normalize(nm).split()), nm)
            )
    return canonical


def _entity_cells(e: Entity) -> list[str]:
    """The HTML cells of one entity row (see :meth:`Entity._repr_html_`)."""
    return [
        text_html(e.id),
        text_html(e.kind),
        name_html(e.canonical.get("latin") or e.canonical.get("other") or ""),
        name_html(e.canonical.get("arabic") or ""),
        names_html(e.names),
        text_html(", ".join(map(str, e.members))),
    ]
