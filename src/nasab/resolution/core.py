"""Resolving names into entities: :func:`resolve`, :class:`Resolution`, :class:`Entity`.

The flow: records -> distinct names (*nodes*) -> blocking keys -> candidate pairs ->
:func:`nasab.compare` scores -> average-linkage clustering with cannot-links ->
entities with stable ids.

Example:
    >>> res = resolve(["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Mohammed Shia al-Sudani"])
    >>> res.labels[0] == res.labels[1] != res.labels[2]
    True
    >>> res.entity_of(1).canonical["arabic"]
    'مصطفى الكاظمي'
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .._display import name_html, names_html, table, text_html
from .._progress import Progress, progress_callback
from ..errors import InputError
from ..match import compare
from ..text import MAX_NAME_LENGTH, detect_script, normalize
from .blocking import MAX_BLOCK, candidate_codes, keys_and_rare, keys_of, prefilter, rare_key
from .cluster import ClusterResult, cluster
from .judgements import JudgementConflictError, Judgements
from .records import KINDS, Record, as_records

__all__ = ["DEFAULT_THRESHOLDS", "Entity", "Resolution", "resolve"]

#: Average-linkage score needed to put names together, per kind.
DEFAULT_THRESHOLDS: Mapping[str, float] = MappingProxyType({"person": 0.65, "organization": 0.6})

#: Pairs to score in one run before scoring is spread over worker processes.
PARALLEL_MIN_PAIRS = 40_000

#: A scored pair with this much conflict evidence (and a score below threshold) is
#: a cannot-link: its names may not end up in one entity through others.
CONFLICT_CANNOT = 1.0

#: Candidate pairs scored between two progress reports.
PROGRESS_STEP = 1000
#: Fewer candidate pairs than this get no automatic progress bar.
PROGRESS_MIN_PAIRS = 20_000

#: ... and only when its score is below this: a conflicting pair that still scores
#: in between (aliases of one person often differ in a family name) is left to the
#: average linkage, which keeps it apart unless the rest of the group agrees.
CANNOT_BELOW = 0.25


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


@dataclass(frozen=True)
class _Node:
    kind: str
    name: str  # the surface name (whitespace collapsed)
    rid: str | None  # set when judgements refer to this record by id


def _surface(name: str) -> str:
    return " ".join(name.split())


def _sort_key(name: str) -> tuple[str, str]:
    return (normalize(name), name)


def _script(name: str) -> str:
    s = detect_script(name)
    return s if s in ("latin", "arabic") else "other"


def _entity_id(kind: str, node: _Node) -> str:
    basis = f"{kind}\x1f{normalize(node.name)}\x1f{node.name}"
    if node.rid is not None:
        basis += f"\x1f{node.rid}"
    return "nsb-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


@dataclass
class _State:
    """What a resolution run computed, kept to explain and extend it."""

    nodes: list[_Node]
    node_of: list[int]  # record index -> node index
    candidates: set[tuple[int, int]]
    scores: dict[tuple[int, int], float]
    cannot: dict[tuple[int, int], str]  # pair -> reason
    must: dict[tuple[int, int], str]
    clusters: ClusterResult
    cache: dict[tuple[str, str, str], tuple[float, float]]  # (kind, a, b) -> (score, conflict)
    thresholds: dict[str, float]


@dataclass(frozen=True)
class Resolution:
    """The result of :func:`resolve`.

    Attributes:
        labels: one entity id per input record, in input order.
        entities: the entities, sorted by id.
        records: the input records.
        judgements: the judgements applied.
    """

    labels: list[str]
    entities: list[Entity]
    records: tuple[Record, ...]
    judgements: Judgements = field(default_factory=Judgements)
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
        m = compare(ri.name, rj.name, kind=ri.kind)
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
        thr = st.thresholds[ri.kind]
        if same:
            merged = st.clusters.merge_of(u, v)
            if merged is not None:
                link, how = merged
                if how == "judgement":
                    lines.append("  clustering: put together by a judgement")
                else:
                    lines.append(
                        f"  clustering: their groups merged at average linkage {link:.3f} >= threshold {thr:.2f}"
                    )
        else:
            lines.append(
                f"  clustering: kept apart (average linkage of their groups below threshold {thr:.2f}, "
                "or a cannot-link between their groups)"
            )
        return "\n".join(lines)

    def add(self, records: Iterable[object], *, kind: str | None = None) -> Resolution:
        """Resolve more records together with these; scores already computed are reused.

        The result is the same as :func:`resolve` on all the records at once.
        """
        st = self._state
        assert st is not None
        new = as_records(records, kind=kind, start=len(self.records))
        return _run(list(self.records) + new, st.thresholds, self.judgements, st.cache)


def _passes_prefilter(a: _Node, b: _Node) -> bool:
    import numpy as np

    return bool(prefilter([(a.kind, a.name), (b.kind, b.name)], np.array([1]))[0])


def _thresholds(threshold: float | Mapping[str, float] | None) -> dict[str, float]:
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
    return _run(records, _thresholds(threshold), judgements or Judgements(), {}, progress)


def _run(
    records: list[Record],
    thresholds: dict[str, float],
    judgements: Judgements,
    cache: dict[tuple[str, str, str], tuple[float, float]],
    progress: Progress = None,
) -> Resolution:
    seen: dict[str, int] = {}
    for i, r in enumerate(records):
        if r.id in seen:
            raise InputError(f"duplicate record id {r.id!r} (records {seen[r.id]} and {i})")
        seen[r.id] = i
        if len(r.name) > MAX_NAME_LENGTH:  # pragma: no cover - checked by Record
            raise InputError(f"record {i} ({r.id!r}): name too long")
    id_judged = {x for j in judgements if j.by == "id" for x in (j.a, j.b)}
    # Nodes: distinct (kind, surface) names; records named by id-judgements get their own.
    node_keys = set()
    for r in records:
        node_keys.add(_Node(r.kind, _surface(r.name), r.id if r.id in id_judged else None))
    nodes = sorted(node_keys, key=lambda nd: (nd.kind, *_sort_key(nd.name), nd.rid or ""))
    index = {nd: k for k, nd in enumerate(nodes)}
    node_of = [
        index[_Node(r.kind, _surface(r.name), r.id if r.id in id_judged else None)] for r in records
    ]

    def score(u: int, v: int) -> tuple[float, float]:
        a, b = nodes[u], nodes[v]
        if a.kind != b.kind:
            return 0.0, 0.0
        x, y = (a.name, b.name) if a.name <= b.name else (b.name, a.name)
        key = (a.kind, x, y)
        got = cache.get(key)
        if got is None:
            m = compare(x, y, kind=a.kind)
            got = (m.score, m.features.get("conflict", 0.0))
            cache[key] = got
        return got

    items = [(nd.kind, nd.name) for nd in nodes]
    info = [keys_and_rare(k, nm) for k, nm in items]  # one parse per name
    codes = candidate_codes(items, max_block=MAX_BLOCK, keys=[k for k, _ in info])
    codes = codes[prefilter(items, codes, workers=_workers(), rare=[r for _, r in info])]
    n = len(nodes)
    candidates = set(zip((codes // n).tolist(), (codes % n).tolist(), strict=True))
    del codes, items, info
    _score_in_bulk(nodes, candidates, cache)
    # Same surface name split by id-judgements: always candidates of each other.
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, nd in enumerate(nodes):
        by_name[(nd.kind, nd.name)].append(k)
    for group in by_name.values():
        for a in group:
            for b in group:
                if a < b:
                    candidates.add((a, b))
    scores: dict[tuple[int, int], float] = {}
    cannot: dict[tuple[int, int], str] = {}
    pairs = sorted(candidates)
    report = progress_callback(
        progress, "resolving (pairs)", len(pairs), min_items=PROGRESS_MIN_PAIRS
    )
    for done, (u, v) in enumerate(pairs, start=1):
        if report is not None and (done % PROGRESS_STEP == 0 or done == len(pairs)):
            report(done, len(pairs))
        s, conflict = score(u, v)
        scores[(u, v)] = s
        if conflict >= CONFLICT_CANNOT and s < min(CANNOT_BELOW, thresholds[nodes[u].kind]):
            cannot[(u, v)] = f"conflicting name parts (conflict {conflict:.2f}, score {s:.3f})"
    # Judgements.
    must: dict[tuple[int, int], str] = {}
    by_norm: dict[str, list[int]] = defaultdict(list)
    for k, nd in enumerate(nodes):
        by_norm[normalize(nd.name)].append(k)
    rec_nodes = {r.id: node_of[i] for i, r in enumerate(records)}
    judged_cannot: dict[tuple[int, int], str] = {}
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
                    judged_cannot.pop(p, None)
                    cannot.pop(p, None)
                else:
                    judged_cannot[p] = "judgement: " + text
                    must.pop(p, None)
    # Scores never override judgements; judged pairs get their verdict as score.
    for p in must:
        cannot.pop(p, None)
    cannot.update(judged_cannot)
    _check_judgements(len(nodes), must, judged_cannot, nodes)
    thr_of = [thresholds[nd.kind] for nd in nodes]
    clusters = cluster(
        len(nodes),
        scores,
        threshold=lambda k: thr_of[k],
        must=sorted(must),
        cannot=sorted(cannot),
        on_demand=lambda u, v: score(u, v)[0],
    )
    # Entities.
    members_of: dict[int, list[int]] = defaultdict(list)
    for i, nd in enumerate(node_of):
        members_of[nd].append(i)
    entities: list[Entity] = []
    label_of_node: dict[int, str] = {}
    for group in clusters.clusters:
        first = min(group, key=lambda k: (*_sort_key(nodes[k].name), nodes[k].rid or ""))
        eid = _entity_id(nodes[first].kind, nodes[first])
        members = sorted(i for k in group for i in members_of[k])
        if not members:  # pragma: no cover - every node comes from a record
            continue
        names = sorted({records[i].name for i in members})
        counts = Counter(_surface(records[i].name) for i in members)
        canonical: dict[str, str] = {}
        for scr in ("latin", "arabic", "other"):
            cands = [nm for nm in counts if _script(nm) == scr]
            if cands:
                canonical[scr] = min(
                    cands, key=lambda nm: (-counts[nm], -len(normalize(nm).split()), nm)
                )
        for k in group:
            label_of_node[k] = eid
        entities.append(Entity(eid, nodes[first].kind, canonical, names, members))
    entities.sort(key=lambda e: e.id)
    labels = [label_of_node[node_of[i]] for i in range(len(records))]
    state = _State(nodes, node_of, candidates, scores, cannot, must, clusters, cache, thresholds)
    return Resolution(
        labels, entities, tuple(records), judgements, state, {e.id: e for e in entities}
    )


_BULK: list[tuple[str, str, str]] = []  # the work of forked scoring processes


def _score_slice(bounds: tuple[int, int]) -> list[tuple[float, float]]:
    out = []
    for kind, x, y in _BULK[bounds[0] : bounds[1]]:
        m = compare(x, y, kind=kind)
        out.append((m.score, m.features.get("conflict", 0.0)))
    return out


def _workers() -> int:
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        n = os.cpu_count() or 1
    env = os.environ.get("NASAB_WORKERS")
    if env and env.isdigit():
        n = int(env)
    return max(1, n)


def _score_in_bulk(
    nodes: list[_Node],
    candidates: set[tuple[int, int]],
    cache: dict[tuple[str, str, str], tuple[float, float]],
) -> None:
    """Score the candidate pairs not in ``cache`` (each distinct name pair once).

    Large batches are spread over worker processes (``fork``); scores are pure
    functions of the two names, so the result does not depend on the split.
    """
    todo: set[tuple[str, str, str]] = set()
    for u, v in candidates:
        a, b = nodes[u], nodes[v]
        if a.kind != b.kind:
            continue
        x, y = (a.name, b.name) if a.name <= b.name else (b.name, a.name)
        key = (a.kind, x, y)
        if key not in cache:
            todo.add(key)
    work = sorted(todo)
    workers = _workers()
    if (
        len(work) < PARALLEL_MIN_PAIRS
        or workers < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return  # scored on demand, one by one
    _prewarm(work)
    global _BULK
    _BULK = work
    step = -(-len(work) // (workers * 8))
    bounds = [(k, min(len(work), k + step)) for k in range(0, len(work), step)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for (lo, hi), got in zip(bounds, pool.imap(_score_slice, bounds), strict=True):
                for key, value in zip(work[lo:hi], got, strict=True):
                    cache[key] = value
    finally:
        _BULK = []


def _prewarm(work: list[tuple[str, str, str]]) -> None:
    """Romanise, once and in this process, every Arabic token that meets a Latin one.

    The forked scoring workers inherit the transliteration caches, so no worker
    decodes a token that another has decoded too.
    """
    try:
        from ..match.compare import _token_romanizations
        from ..translit import romanize_token
    except ImportError:  # pragma: no cover - the transliteration layer is optional
        return
    from ..names import parse_name

    scripts: dict[str, tuple[bool, bool]] = {}
    arabic: dict[str, tuple[str, ...]] = {}

    def script_of(name: str) -> tuple[bool, bool]:
        got = scripts.get(name)
        if got is None:
            toks = parse_name(name).tokens
            folds = tuple(t.fold for t in toks if t.script == "arabic")
            arabic[name] = folds
            got = scripts[name] = (bool(folds), any(t.script == "latin" for t in toks))
        return got

    todo: set[str] = set()
    for kind, x, y in work:
        if kind != "person":
            continue
        (ax, lx), (ay, ly) = script_of(x), script_of(y)
        if ax and ly:
            todo.update(arabic[x])
        if ay and lx:
            todo.update(arabic[y])
    for fold in sorted(todo):
        _token_romanizations(fold, romanize_token)


def _check_judgements(
    n: int,
    must: Mapping[tuple[int, int], str],
    cannot: Mapping[tuple[int, int], str],
    nodes: list[_Node],
) -> None:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in must:
        parent[find(a)] = find(b)
    for (a, b), why in cannot.items():
        if find(a) == find(b):
            raise JudgementConflictError(
                f"judgements contradict each other: {nodes[a].name!r} and {nodes[b].name!r} are "
                f"joined by 'same' judgements but also judged different ({why})"
            )


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
