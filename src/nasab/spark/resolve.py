"""``nasab.spark.resolve``: the stages of :func:`nasab.resolve`, spread over Spark.

How each stage of :mod:`nasab.resolution.stages` runs here:

=====================  ==================================================================
stage                  on Spark
=====================  ==================================================================
prepare                rows checked and their surface names taken in the workers
                       (``mapInArrow``, the input columns pass through untouched);
                       nodes = distinct ``(kind, surface)`` by a ``groupBy``
node_keys              :func:`~nasab.resolution.stages.node_keys` per batch of nodes
                       (``mapInPandas``); each node gets a unique id and the text of
                       its prepared name (:func:`~nasab.match.prepared.prepared_text`)
key_counts             ``groupBy(kind, key).count()``
list_frequency         the person token blocks (``t:`` keys) of more than ``LIST_FLOOR``
                       nodes, collected to the driver, and the number of person nodes:
                       the list's token weights, shipped to every scoring task
block_pairs            the blocks, no pairs yet: keys of at most ``MAX_BLOCK`` nodes;
                       hot keys: members numbered in ``(hot key, node order)`` by a
                       global sort (a large key spans several tasks) and per-partition
                       offsets, and cut into chunks of ``HOT_CHUNK``, twice (the
                       second cut shifted by half a chunk); each member row carries
                       the ids of all its node's blocks
prefilter, scores      each block once, in one task (members shuffled by block and
                       sorted, ``mapInPandas`` over whole blocks): its pairs, less
                       those an earlier block holds (so each pair is scored once),
                       its names read once from the prepared forms and rare keys
                       that come with the rows (no name is parsed again), then
                       :func:`~nasab.resolution.stages.prefilter_pairs`,
                       :func:`~nasab.resolution.stages.may_reach` and
                       :func:`~nasab.resolution.stages.score_pairs` (adjusted by
                       ``attribute_scores`` and ``weak_scores``) on a batch of blocks:
                       a pair whose score bound is under the threshold is not scored
connected              :func:`nasab.spark.components.connected_components` over the
                       accepted pairs of full names (and must-links)
bound_components       a component larger than ``MAX_COMPONENT`` cut with joins
                       before any task holds it: the cut levels read downwards,
                       strongest first (Kruskal), in windows; each link read in the
                       window of the strongest level it reaches (``level``, computed
                       where the pair is scored), its ends mapped to their groups of
                       the level above, copied once per level of the window for one
                       components run over ``(level, group)``; a group whose component
                       grows past ``MAX_COMPONENT`` (or reaches a placed node) is
                       placed: its nodes' piece is their group at the level above
inside components      the pairs whose two names are in one piece: those left
                       unscored are scored, and
                       :func:`~nasab.resolution.stages.cannot_links` flags them
cluster                :func:`~nasab.resolution.cluster.cluster_groups` on one piece
                       at a time (``cogroup().applyInPandas``), nodes numbered locally
                       in :func:`~nasab.resolution.stages.node_order`
weak names             :func:`~nasab.resolution.stages.attach_weak` with joins: a
                       cluster of weak names (one word, a bare kunya, a one-word
                       organisation name) joins the one cluster of full names it fits
                       (accepted mixed pair, no attribute clash, no cannot-link; for
                       organisations ``WEAK_ORG_NAMES`` names together), if exactly one
entity ids             :func:`~nasab.resolution.stages.entity_id` and
                       :func:`~nasab.resolution.core.canonical_names` per final cluster
=====================  ==================================================================

Rows with a null, empty or over-long name or an unknown kind are kept with a null
``entity_id`` (and counted in a warning), as :func:`nasab.resolve` would refuse them.

Timings: with ``timings``, :func:`resolve` materialises each stage and records its wall
time in seconds, and the sizes: ``nodes``, ``largest_block``, ``pairs`` (candidates),
``prefiltered``, ``scored`` (before the components), ``inside`` (pairs inside a piece),
``components``, ``largest_component``, ``largest_piece`` (the largest the clustering
sees; counting them costs a few jobs).

Judgements (:class:`~nasab.resolution.judgements.Judgements`) are few: the driver
collects the nodes they name (by normalised name, or by record id: such a record is a
node of its own, as on one machine), turns them into must- and cannot-links with
:func:`~nasab.resolution.stages.judged_links`, and ships those links to the workers
with the clustering.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

import numpy as np

from ..errors import InputError
from ..match import prepare as prepare_name
from ..match.batch import collector_paused
from ..match.orgs import is_weak_org
from ..match.prepared import prepared_from_text, prepared_text
from ..match.weights import LIST_FLOOR, ListFrequency
from ..resolution import KINDS, Judgements, Record
from ..resolution.attributes import Facts, facts_of
from ..resolution.cluster import cluster_groups
from ..resolution.core import SUPPORT_KINDS, canonical_names, thresholds_of, with_facts
from ..resolution.stages import (
    HOT_CHUNK,
    MAX_BLOCK,
    MAX_COMPONENT,
    MUST_LEVEL,
    TOKEN_KEY,
    WEAK_ORG_NAMES,
    Node,
    NodeKeys,
    Pairs,
    Prepared,
    attribute_agree,
    attribute_scores,
    attribute_tags,
    cannot_links,
    entity_id,
    facts_evidence,
    judged_links,
    list_frequency,
    may_reach,
    node_keys,
    node_order,
    on_demand_scorer,
    org_apart,
    pair_levels,
    prefilter_pairs,
    score_pairs,
    short_keys,
    surface,
    weak_fits,
    weak_mask,
    weak_scores,
)
from .components import connected_components, freeze, hot_keys
from .frames import (
    PROBLEM_COL,
    check_columns,
    check_free,
    require_spark,
    row_problem,
    warn_problems,
)

__all__ = ["OUTPUT_COLUMNS", "resolve"]

#: Columns :func:`resolve` adds to the input rows.
OUTPUT_COLUMNS = ("entity_id", "canonical")

#: Copies of its links a window of cut levels may make, a link (:func:`_windows`): a
#: window takes levels while its links' copies stay within this many a link.
WINDOW_COPIES = 4

#: Copies a window of cut levels may always make (:func:`_windows`): a component whose
#: links make fewer copies is cut in one window, one components run.
WINDOW_MIN_COPIES = 150_000

_KIND = "_nasab_kind"
_SURFACE = "_nasab_surface"
_RID = "_nasab_rid"  # the record id when id-judgements name it, else ""
_FACTS = "_nasab_facts"  # the signature of the record's facts ("" when none)
_ATTRS = "_nasab_attrs"  # the record's attributes as JSON ("" when none)
_NODE_SCHEMA = (
    "kind string, name string, rid string, facts string, attrs string, n long, "
    "norm string, rare string, hot string, keys array<string>, weak boolean, prep string"
)
_PAIR_SCHEMA = (
    "u long, v long, score float, scored boolean, accept boolean, mixed boolean, level int"
)
_INSIDE_SCHEMA = "comp long, u long, v long, score float, cannot boolean"
_CLUSTER_SCHEMA = "node long, cluster long, piece long"
_ENTITY_SCHEMA = "node long, entity_id string, canonical map<string,string>"


def resolve(
    df: Any,
    name_col: str = "name",
    *,
    id_col: str | None = None,
    kind_col: str | None = None,
    kind: str = "person",
    threshold: float | Mapping[str, float] | None = None,
    judgements: Judgements | None = None,
    attrs: Sequence[str] | None = None,
    max_block: int = MAX_BLOCK,
    hot_chunk: int = HOT_CHUNK,
    timings: dict[str, float] | None = None,
) -> Any:
    """Resolve the names of a Spark DataFrame into entities, as :func:`nasab.resolve` does
    (the stages, and how each is spread over Spark: the module's docstring).

    Args:
        df: the rows to resolve.
        name_col: the column of names (strings).
        id_col: a column of record ids, unique (as in :func:`nasab.resolve`).
        kind_col: a column of kinds (``person``/``organization``); default ``kind``.
        kind: the kind of every row when there is no ``kind_col``.
        threshold: average-linkage score needed to merge (one number, or per kind), as
            in :func:`nasab.resolve`; default :data:`~nasab.resolution.DEFAULT_THRESHOLDS`.
        judgements: same / not-same judgements, as in :func:`nasab.resolve`; those by
            record id need ``id_col``.
        attrs: columns of record attributes (the ``attrs`` of
            :class:`~nasab.resolution.Record`, read as text), evidence as in
            :func:`nasab.resolve`.
        max_block: blocks larger than this are hot (split into chunks).
        hot_chunk: nodes per chunk of a hot block.
        timings: if given, receives each stage's wall time in seconds and the sizes
            of the module's docstring ("Timings").

    Returns:
        The input rows with ``entity_id`` (string) and ``canonical`` (script ->
        name) added; for the same names the ids are those of :func:`nasab.resolve`.

    Raises:
        ExtraMissingError: PySpark or pyarrow is not installed.
        InputError: a column is missing or not strings, an output column exists
            already, ``kind`` or ``threshold`` is wrong, two rows share an id,
            judgements by id come without ``id_col``, or judgements contradict each
            other (:class:`~nasab.resolution.JudgementConflictError`).
    """
    F = require_spark()
    columns = _Columns(name_col, kind_col, id_col, _attr_columns(attrs))
    thresholds, judgements, judged = _checked(df, columns, kind, threshold, judgements, F)
    clock = _Clock(timings)
    prepare = partial(_prepare_rows, columns._replace(id=id_col if judged else None), kind, judged)
    rows = clock("prepare", df.mapInArrow(prepare, _row_schema(df)))
    warn_problems(_problem_counts(rows, F), "resolve")
    nodes = clock("node_keys", _nodes(rows, F))
    links = _judged_links(nodes, judgements, F)
    split = bool(judged or columns.attrs)  # one name may be several nodes
    freq = _list_frequency(nodes, F)
    members = _block_members(nodes, max_block, hot_chunk, F, clock, split=split)
    scored = clock("score_pairs", _score(members, thresholds, freq))
    edges = _edges(scored, links, F)
    whole = clock("connected", connected_components(edges.select("u", "v")))
    comps = clock("bound", _bound(whole, edges, F))
    inside = clock("score_inside", _score_inside(nodes, scored, comps, thresholds, freq, F))
    clusters = clock("cluster", _clusters(nodes, inside, comps, thresholds, freq, links, F))
    clusters = clock("attach_weak", _attach_weak(nodes, scored, inside, clusters, links, F))
    ids = clock("entity_ids", _entity_ids(nodes, clusters, F))
    if timings is not None:
        timings.update(_sizes(nodes, members, scored, inside, whole, comps, F))
    return _with_ids(df, rows, nodes, ids, F)


def _checked(
    df: Any,
    columns: _Columns,
    kind: str,
    threshold: float | Mapping[str, float] | None,
    judgements: Judgements | None,
    F: Any,
) -> tuple[dict[str, float], Judgements, frozenset[str]]:
    """The inputs checked: the thresholds (float32, as on one machine, for the components
    and the clustering), the judgements, and the record ids that id-judgements name.

    Raises:
        InputError: as :func:`resolve` says.
    """
    check_columns(df, [columns.name, columns.kind], [columns.id, *columns.attrs])
    check_free(df, [*OUTPUT_COLUMNS, _KIND, _SURFACE, _RID, _FACTS, _ATTRS, PROBLEM_COL])
    if kind not in KINDS:
        raise InputError(f"kind must be one of {KINDS}, got {kind!r}")
    thresholds = {k: float(np.float32(t)) for k, t in thresholds_of(threshold).items()}
    judgements = _check_judgements(judgements, columns.id)
    if columns.id is not None:
        _check_ids(df, columns.id, F)
    judged = frozenset(x for j in judgements if j.by == "id" for x in (j.a, j.b))
    return thresholds, judgements, judged


def _with_ids(df: Any, rows: Any, nodes: Any, ids: Any, F: Any) -> Any:
    """The input rows with their node's ``entity_id`` and ``canonical`` (null for rows
    without a node: unusable names)."""
    keyed = nodes.join(ids, "node").select(
        F.col("kind").alias(_KIND),
        F.col("name").alias(_SURFACE),
        F.col("rid").alias(_RID),
        F.col("facts").alias(_FACTS),
        *OUTPUT_COLUMNS,
    )
    out = rows.join(keyed, [_KIND, _SURFACE, _RID, _FACTS], "left")
    return out.select(*df.columns, *OUTPUT_COLUMNS)


def _attr_columns(attrs: Sequence[str] | None) -> list[str]:
    if attrs is None:
        return []
    if isinstance(attrs, str) or not all(isinstance(a, str) for a in attrs):
        raise InputError(f"attrs must be a list of column names, got {attrs!r}")
    return list(attrs)


def _check_judgements(judgements: object, id_col: str | None) -> Judgements:
    if judgements is None:
        return Judgements()
    if not isinstance(judgements, Judgements):
        raise InputError(f"judgements must be a Judgements object, got {type(judgements).__name__}")
    if id_col is None and any(j.by == "id" for j in judgements):
        raise InputError("judgements by record id need id_col (the column of record ids)")
    return judgements


def _sizes(
    nodes: Any, members: Any, scored: Any, inside: Any, whole: Any, comps: Any, F: Any
) -> dict[str, float]:
    """How big each stage's output was (for benchmarks)."""
    keys = nodes.select("kind", F.explode("keys").alias("key")).groupBy("kind", "key").count()
    comp = whole.groupBy("comp").count()
    piece = comps.groupBy("comp").count()
    return {
        "nodes": nodes.count(),
        "largest_block": keys.agg(F.max("count")).first()[0] or 0,
        "pairs": _candidates(members, F).count(),
        "prefiltered": scored.count(),
        "scored": scored.where("scored").count(),
        "inside": inside.count(),
        "components": comp.count(),
        "largest_component": comp.agg(F.max("count")).first()[0] or 0,
        "largest_piece": piece.agg(F.max("count")).first()[0] or 0,
    }


class _Clock:
    """Materialises and times each stage when timings are asked for."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def __call__(self, stage: str, df: Any) -> Any:
        df = freeze(df)
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now
        return df


def _check_ids(df: Any, id_col: str, F: Any) -> None:
    """Refuse a record id on several rows (the smallest such id is named). One job reads
    every partition at once: a ``limit`` would read one partition, then a few more, in
    job after job, and in the common case (no duplicate) all of them."""
    dup = (
        df.groupBy(id_col)
        .count()
        .where("count > 1")
        .agg(F.min(F.struct(id_col, "count")).alias("dup"))
        .first()["dup"]
    )
    if dup is not None:
        raise InputError(f"column {id_col!r}: id {dup[0]!r} is on {dup[1]} rows")


# ------------------------------------------------------------------ prepare


def _row_schema(df: Any) -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    names = (_KIND, _SURFACE, _RID, _FACTS, _ATTRS, PROBLEM_COL)
    extra = [StructField(c, StringType()) for c in names]
    return StructType([*df.schema.fields, *extra])


class _Columns(NamedTuple):
    """The input columns :func:`resolve` reads."""

    name: str
    kind: str | None
    id: str | None  # only when id-judgements need it
    attrs: list[str]


def _prepare_rows(
    columns: _Columns, kind: str, judged: frozenset[str], batches: Iterator[Any]
) -> Any:
    """Each row's kind, surface name (null when unusable), judged record id, facts and problem."""
    import pyarrow as pa

    for batch in batches:
        names = batch.column(columns.name).to_pylist()
        kinds = batch.column(columns.kind).to_pylist() if columns.kind else [kind] * len(names)
        kinds = [kind if k is None else k for k in kinds]
        problems = [row_problem(nm, k) for nm, k in zip(names, kinds, strict=True)]
        surfaces = [None if p else surface(nm) for nm, p in zip(names, problems, strict=True)]
        rids = [""] * len(names)
        if columns.id:
            ids = (None if x is None else str(x) for x in batch.column(columns.id).to_pylist())
            rids = [x if x in judged else "" for x in ids]
        facts, attrs = _row_facts(batch, columns.attrs, len(names))
        extra = [pa.array(v, pa.string()) for v in (kinds, surfaces, rids, facts, attrs, problems)]
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, *extra],
            names=[*batch.schema.names, _KIND, _SURFACE, _RID, _FACTS, _ATTRS, PROBLEM_COL],
        )


def _row_facts(batch: Any, attrs: list[str], n: int) -> tuple[list[str], list[str]]:
    """Per row: the signature of its facts and its attributes as JSON ("" when no facts)."""
    if not attrs:
        return [""] * n, [""] * n
    values = [batch.column(c).to_pylist() for c in attrs]
    sigs, texts = [], []
    for row in zip(*values, strict=True):
        record = dict(zip(attrs, row, strict=True))
        sig = facts_of(record).signature()
        sigs.append(sig)
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        texts.append(text if sig else "")
    return sigs, texts


#: The facts of a node whose records have no attributes (one object: facts are frozen).
_NO_FACTS = Facts()


def _facts(attrs: str | None) -> Facts:
    """The facts of a node, from the attributes of one of its records."""
    return facts_of(json.loads(attrs)) if attrs else _NO_FACTS


def _node(kind: str, name: str, rid: str | None, attrs: str | None) -> Node:
    """The single-machine node of a node row."""
    return Node(kind, name, rid or None, _facts(attrs))


def _problem_counts(rows: Any, F: Any) -> dict[str, int]:
    got = rows.where(F.col(PROBLEM_COL).isNotNull()).groupBy(PROBLEM_COL).count().collect()
    return {r[0]: int(r[1]) for r in got}


# ------------------------------------------------------------------ nodes and keys


def _nodes(rows: Any, F: Any) -> Any:
    """Distinct (kind, surface, judged id, facts) names with their record count, keys,
    weakness and a unique id."""
    names = (
        rows.where(F.col(_SURFACE).isNotNull())
        .groupBy(
            F.col(_KIND).alias("kind"),
            F.col(_SURFACE).alias("name"),
            F.col(_RID).alias("rid"),
            F.col(_FACTS).alias("facts"),
        )
        .agg(F.min(_ATTRS).alias("attrs"), F.count(F.lit(1)).alias("n"))
    )
    keyed = names.mapInPandas(_node_keys, _NODE_SCHEMA)
    return keyed.withColumn("node", F.monotonically_increasing_id())


def _node_keys(batches: Iterator[Any]) -> Iterator[Any]:
    """:func:`~nasab.resolution.stages.node_keys` of a batch of nodes."""
    from ..text import normalize

    for b in batches:
        nodes = [Node(k, nm) for k, nm in zip(b["kind"], b["name"], strict=True)]
        nk = node_keys(Prepared(nodes, []))
        yield b.assign(
            norm=[normalize(nd.name) for nd in nodes],
            rare=nk.rare,
            hot=nk.hot,
            keys=[sorted(k) for k in nk.keys],
            weak=weak_mask(nk),
            prep=[(p and prepared_text(p)) or "" for p in nk.prepared],
        )


def _list_frequency(nodes: Any, F: Any) -> ListFrequency | None:
    """The list's token weights, as :func:`~nasab.resolution.stages.list_frequency` makes
    them on one machine: the person token blocks larger than ``LIST_FLOOR`` (a few rows
    collected) and the number of person nodes."""
    persons = nodes.where(F.col("kind") == "person")
    keys = persons.select(F.explode("keys").alias("key"))
    common = (
        keys.where(F.col("key").startswith(TOKEN_KEY))
        .groupBy("key")
        .count()
        .where(F.col("count") > LIST_FLOOR)
        .collect()
    )
    counts = {("person", r["key"]): int(r["count"]) for r in common}
    return list_frequency(counts, persons.count() if counts else 0)


# ------------------------------------------------------------------ judgements


class _Links:
    """Must- and cannot-links of the judgements, between node ids (``u < v``)."""

    def __init__(self, must: set[tuple[int, int]], cannot: set[tuple[int, int]]) -> None:
        self.must = must
        self.cannot = cannot
        self.of_node: dict[int, list[tuple[int, int]]] = {}
        for p in sorted(must | cannot):
            for x in p:
                self.of_node.setdefault(x, []).append(p)

    def touching(self, nodes: Iterable[int]) -> set[tuple[int, int]]:
        """The links that touch any of ``nodes``."""
        return {p for x in nodes for p in self.of_node.get(x, ())}


def _judged_links(nodes: Any, judgements: Judgements, F: Any) -> _Links:
    """The judgements as links between node ids, made on the driver from the few nodes
    they name, by :func:`~nasab.resolution.stages.judged_links`.

    Raises:
        JudgementConflictError: same-judgements join two nodes a not-same keeps apart.
    """
    if not judgements:
        return _Links(set(), set())
    from ..text import normalize

    norms = sorted({normalize(x) for j in judgements if j.by == "name" for x in (j.a, j.b)})
    rids = sorted({x for j in judgements if j.by == "id" for x in (j.a, j.b)})
    named = nodes.where(F.col("norm").isin(norms) | F.col("rid").isin(rids))
    got = [(Node(r.kind, r.name, r.rid or None), int(r.node)) for r in named.collect()]
    got.sort(key=lambda x: node_order(x[0]))
    local = [nd for nd, _ in got]
    with_id = [k for k, nd in enumerate(local) if nd.rid]
    records = [Record(local[k].rid, local[k].name, local[k].kind) for k in with_id]  # type: ignore[arg-type]
    must, cannot = judged_links(Prepared(local, with_id), records, judgements)
    ids = [x for _, x in got]

    def spark_ids(pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
        return {(min(ids[a], ids[b]), max(ids[a], ids[b])) for a, b in pairs}

    return _Links(spark_ids(must), spark_ids(cannot))


def _edges(scored: Any, links: _Links, F: Any) -> Any:
    """The edges of the components: accepted pairs of full names (a weak name joins an
    entity afterwards, by :func:`_attach_weak`) and must-links, with their cut level
    (:func:`~nasab.resolution.stages.pair_levels`; must-links ``MUST_LEVEL``)."""
    edges = scored.where("accept AND NOT mixed").select("u", "v", "level")
    if not links.must:
        return edges
    must = scored.sparkSession.createDataFrame(
        [(u, v, MUST_LEVEL) for u, v in sorted(links.must)], "u long, v long, level int"
    )
    return edges.union(must)


def _bound(
    comps: Any,
    edges: Any,
    F: Any,
    max_size: int = MAX_COMPONENT,
    *,
    per_link: float = WINDOW_COPIES,
    least: int = WINDOW_MIN_COPIES,
) -> Any:
    """:func:`~nasab.resolution.stages.bound_components` with joins: ``(node, comp)``
    where a component of more than ``MAX_COMPONENT`` nodes is replaced by its pieces,
    before any task holds it.

    The cut levels are read downwards, strongest first, as Kruskal reads edges: the
    components of a level are those of the level above joined by the links of this
    level (a link of ``level`` is a link of the levels ``1 .. level - 1``, so it first
    joins at ``top = level - 1``). A component is *saturated* when it has more than
    ``max_size`` nodes or holds a saturated one; a node's piece is its component at the
    level above the first (downwards) where its component is saturated, and once
    placed it needs no level below. So the state between two levels is a group per node
    still in play (its component there, named by its smallest node, with its size), and
    the placed nodes with their pieces.

    The levels are read in windows (:func:`_windows`), each link in the one window of
    its ``top`` (:func:`_window_groups`): its ends are mapped to their groups, a link
    inside one group is dropped, a link to a placed node saturates the other end's
    group, and the others are copied once per level of the window they reach, ``top``
    down to the window's lowest level, for one run of
    :func:`~nasab.spark.components.connected_components` over ``(level, group)`` ends,
    which gives the groups of every level of the window at once. A link is thus read
    in one window only, and copied at most once per level of that window. Every step is
    a join or an aggregation spread by key: the groups are joined by node (rows a key:
    the node's degree) or by group (at most ``max_size`` nodes: a larger one is
    saturated and its nodes placed), and the components of a window with more than
    ``max_size`` groups, saturated by their size, are found by
    :func:`~nasab.spark.components.hot_keys` (counted before the shuffle) and joined by
    broadcast, so no task collects a component.

    ``per_link`` and ``least`` size the windows (:func:`_windows`); the pieces are the
    same for any values.
    """
    big = freeze(comps.join(hot_keys(comps, "comp", max_size), "comp").select("node", "comp"))
    if big.isEmpty():
        return comps
    links = edges.where(F.col("level") >= 2).join(big.select(F.col("node").alias("u")), "u")
    links = freeze(links.select("u", "v", (F.col("level") - 1).alias("top")))
    counts = dict(links.groupBy("top").count().collect())
    groups = big.select("node", F.col("node").alias("grp"), F.lit(1).cast("long").alias("size"))
    groups = freeze(groups.repartition("node"))  # big's rows: in the hot labels' partitions
    placed = comps.sparkSession.createDataFrame([], "node long, piece long")
    for low, high in _windows(counts, per_link, least):
        window = links.where(F.col("top").between(low, high))
        found = freeze(_window_groups(window, groups, placed, low, high, max_size, F))
        members = freeze(groups.select("node", "grp").join(found, "grp"))
        now = members.where(F.col("piece").isNotNull()).select("node", "piece")
        placed = freeze(placed.union(now).repartition("node"))  # even: see _group_ends
        kept = groups.join(found.select("grp"), "grp", "left_anti")
        moved = members.where(F.col("piece").isNull()).select(
            "node", F.col("new").alias("grp"), F.col("total").alias("size")
        )
        groups = freeze(kept.select("node", "grp", "size").union(moved).repartition("node"))
    cut = placed.union(groups.select("node", "grp")).withColumnRenamed("piece", "comp")
    small = comps.join(big.select("node"), "node", "left_anti")
    return small.union(cut)


def _windows(counts: Mapping[int, int], per_link: float, least: int) -> list[tuple[int, int]]:
    """The windows of cut levels, ``(low, high)`` from the strongest down: each takes
    levels downwards from the highest ``top`` left while the copies of its links
    (``counts``: links by ``top``; a link is copied once per level from its ``top`` down
    to the window's ``low``) stay within ``per_link`` a link of the window or within
    ``least``; at least one level, and none below the lowest ``top`` of its links (the
    groups there are those of that level).

    Example:
        >>> _windows({5: 10, 4: 10, 2: 10}, 2, 0)  # levels 4-5: 30 copies, 1.5 a link
        [(4, 5), (2, 2)]
        >>> _windows({2: 10, 5: 10}, 2, 1000)  # few copies: every level at once
        [(2, 5)]
        >>> _windows({9: 10, 3: 5}, 0.5, 0)  # one level at least
        [(9, 9), (3, 3)]
    """
    left = {t: c for t, c in counts.items() if t >= 1}
    out = []
    while left:
        high = max(left)
        low = high
        for down in range(high - 1, 0, -1):
            inside = [(t, c) for t, c in left.items() if t >= down]
            copies = sum(c * (t - down + 1) for t, c in inside)
            if copies > max(least, per_link * sum(c for _, c in inside)):
                break
            low = down
        low = min(t for t in left if t >= low)  # no level below its links' lowest
        out.append((low, high))
        left = {t: c for t, c in left.items() if t < low}
    return out


def _window_groups(
    window: Any, groups: Any, placed: Any, low: int, high: int, max_size: int, F: Any
) -> Any:
    """What the links of one window of cut levels (``low .. high``, :func:`_bound`) make
    of the groups they touch: ``(grp, piece, new, total)`` for every group with a link
    in the window; ``piece`` when its nodes are placed
    (their component at the level above the first where it is saturated), else ``new``
    and ``total``, its group at ``low`` and that group's size."""
    ends = freeze(_group_ends(window, groups, placed, F))  # read four times
    touch = ends.where(F.col("du") != F.col("dv")).select(
        F.when(F.col("du"), F.col("gv")).otherwise(F.col("gu")).alias("g"),
        F.when(F.col("du"), F.col("sv")).otherwise(F.col("su")).alias("size"),
        "top",
    )
    live = ends.where(~F.col("du") & ~F.col("dv") & (F.col("gu") != F.col("gv")))
    sizes = (
        live.select(F.col("gu").alias("g"), F.col("su").alias("size"))
        .union(live.select(F.col("gv").alias("g"), F.col("sv").alias("size")))
        .union(touch.select("g", "size"))
        .distinct()
    )
    touch = touch.groupBy("g").agg(F.max("top").alias("touch"))
    copies = live.select(
        F.explode(F.sequence(F.lit(low), F.col("top"))).alias("k"), "gu", "gv"
    ).select(
        F.struct("k", F.col("gu").alias("x")).alias("a"),
        F.struct("k", F.col("gv").alias("x")).alias("b"),
    )
    levels = freeze(connected_components(copies, "a", "b"))
    rows = _saturated(levels, sizes, touch, max_size, F)
    by_group = rows.groupBy("g").agg(
        F.max(F.when(F.col("sat"), F.col("k"))).alias("ksat"),
        F.min(F.when(~F.col("sat"), F.struct("k", "c", "total"))).alias("first"),
    )
    got = sizes.join(touch, "g", "left").join(by_group, "g", "left")
    ksat = F.greatest(F.col("ksat"), F.col("touch"))
    return got.select(
        F.col("g").alias("grp"),
        F.when(ksat.isNotNull(), F.coalesce(F.col("first.c"), F.col("g"))).alias("piece"),
        F.when(ksat.isNull(), F.col("first.c")).alias("new"),
        F.when(ksat.isNull(), F.col("first.total")).alias("total"),
    )


def _group_ends(window: Any, groups: Any, placed: Any, F: Any) -> Any:
    """The links of a window with their ends' groups: ``(gu, su, du, gv, sv, dv, top)``,
    ``g`` the group, ``s`` its size, ``d`` whether the end is placed (``g`` is then the
    node itself).

    ``groups`` and ``placed`` come frozen in partitions by node (:func:`_bound`): while
    they are small, Spark's adaptive plan broadcasts them for this join and reads them
    in the tasks of their input partitions, which, as the unions of the windows before,
    were uneven (43% of a 250,004-name giant's rows in one of 8 tasks)."""
    look = groups.select("node", "grp", "size", F.lit(False).alias("done")).union(
        placed.select("node", "node", F.lit(0).cast("long"), F.lit(True))
    )
    out = window
    for end in ("u", "v"):
        side = look.select(
            F.col("node").alias(end),
            F.col("grp").alias(f"g{end}"),
            F.col("size").alias(f"s{end}"),
            F.col("done").alias(f"d{end}"),
        )
        out = out.join(side, end)
    return out.select("gu", "su", "du", "gv", "sv", "dv", "top")


def _saturated(levels: Any, sizes: Any, touch: Any, max_size: int, F: Any) -> Any:
    """``(g, k, c, total, sat)`` for every group ``g`` at every level ``k`` of a window
    where it has a link: ``c`` its component there (smallest node), ``total`` that
    component's nodes, ``sat`` whether it is saturated (more than ``max_size`` nodes,
    or a group with a link to a placed node at ``k`` or above). The components of more
    than ``max_size`` groups are saturated by their size and found by broadcast (no
    join keyed by them). A cold component's size and touch are summed over a window
    keyed by ``(k, c)`` (at most ``max_size`` groups a key), not joined back from an
    aggregation: Spark's adaptive plan broadcast such a join's larger side and read it
    in the few tasks of its input partitions (half of a window's rows in one of 8)."""
    from pyspark.sql import Window

    large = F.broadcast(hot_keys(levels, "comp", max_size).withColumn("hot", F.lit(True)))
    rows = levels.join(large, "comp", "left")
    rows = rows.select(
        F.col("node.k").alias("k"),
        F.col("node.x").alias("g"),
        F.col("comp.x").alias("c"),
        F.coalesce(F.col("hot"), F.lit(False)).alias("hot"),
    )
    rows = rows.join(sizes, "g").join(touch, "g", "left")
    rows = rows.withColumn("touched", F.coalesce(F.col("touch") >= F.col("k"), F.lit(False)))
    component = Window.partitionBy("k", "c")
    total = F.sum("size").over(component)
    sat = (total > max_size) | F.max("touched").over(component)
    cold = rows.where(~F.col("hot")).select("g", "k", "c", total.alias("total"), sat.alias("sat"))
    hot = rows.where(F.col("hot")).select(
        "g", "k", "c", F.lit(None).cast("long").alias("total"), F.lit(True).alias("sat")
    )
    return cold.union(hot)


# ------------------------------------------------------------------ blocks


def _block_members(
    nodes: Any, max_block: int, hot_chunk: int, F: Any, clock: _Clock, *, split: bool = False
) -> Any:
    """The blocks, as rows ``(block, node, kind, name, rare, attrs, blocks)``: a node once in
    every block that gives pairs (its pairs are those of :func:`block_pairs`), with
    ``blocks`` the ids of all the blocks it is in, so a block's task can tell, for each
    of its pairs, whether an earlier block holds it too (:func:`_canonical_pairs`).

    Blocks are keys of 2 to ``max_block`` nodes; with ``hot_chunk`` >= 2, the chunks of
    the hot keys (members numbered in ``(hot key, node order)`` by
    :func:`_hot_positions` and cut into chunks of ``hot_chunk``, twice, the second cut
    shifted by half a chunk); with ``split``, the nodes of one name split by
    id-judgements or facts."""
    keys = nodes.select("node", "kind", F.explode("keys").alias("key"))
    sizes = keys.groupBy("kind", "key").agg(F.count(F.lit(1)).alias("size"))
    blocks = clock("key_counts", keys.join(sizes, ["kind", "key"]))
    small = blocks.where((F.col("size") >= 2) & (F.col("size") <= max_block))
    parts = [small.select("node", _block_id("k", "kind", "key", F=F))]
    if hot_chunk >= 2:
        hot = blocks.where(F.col("size") > max_block).join(
            nodes.select("node", "hot", "norm", "name", "rid", "facts"), "node"
        )
        hot = _hot_positions(hot, F)
        for shift in (0, hot_chunk // 2):
            chunk = F.floor((F.col("pos") + shift) / hot_chunk).cast("string")
            parts.append(hot.select("node", _block_id(f"h{shift}", "kind", "key", chunk, F=F)))
    if split:
        shared = nodes.groupBy("kind", "name").count().where("count > 1").drop("count")
        one_name = nodes.join(shared, ["kind", "name"])
        parts.append(one_name.select("node", _block_id("n", "kind", "name", F=F)))
    member = parts[0]
    for p in parts[1:]:
        member = member.union(p)
    lists = member.groupBy("node").agg(F.sort_array(F.collect_list("block")).alias("blocks"))
    side = nodes.select("node", "kind", "name", "rare", "attrs", "prep")
    return clock("block_pairs", member.join(lists, "node").join(side, "node"))


#: The order in which a hot key's members are numbered: (hot key, node order), as
#: ``block_pairs`` numbers them on one machine (``node_order`` is kind, normalised name,
#: name, record id, facts; one key holds one kind). Total: no two nodes of a key tie.
_HOT_ORDER = ("kind", "key", "hot", "norm", "name", "rid", "facts")

#: Bits of ``monotonically_increasing_id`` under the partition number (Spark's layout).
_ROW_BITS = 33


def _hot_positions(hot: Any, F: Any) -> Any:
    """Each hot member row's position ``pos`` (from 0) among its key's members in
    :data:`_HOT_ORDER`, with no step keyed by a whole key.

    The rows are sorted globally (range partitioned: a large key spans several tasks)
    and numbered in each partition; the driver collects one count per partition and
    turns it into offsets, so each row gets its global position. A key's first
    position is the least over its rows, found per (key, partition) (an aggregation
    combined in each partition before its shuffle) and then per key on those few rows;
    the rows meet it in a join keyed by (key, partition), so a task holds at most one
    partition's rows of a key. The sorted frame is frozen first: the counts and the
    positions must come from one numbering.
    """
    ranked = freeze(hot.orderBy(*_HOT_ORDER).withColumn("_at", F.monotonically_increasing_id()))
    part = F.shiftright("_at", _ROW_BITS)
    index = F.col("_at").bitwiseAND((1 << _ROW_BITS) - 1)
    counts = ranked.groupBy(part.alias("p")).agg(F.count(F.lit(1)).alias("rows")).collect()
    offsets, total = [], 0
    for p, rows in sorted((r["p"], r["rows"]) for r in counts):
        offsets.extend([F.lit(p).cast("long"), F.lit(total).cast("long")])
        total += rows
    if not offsets:
        return ranked.withColumn("pos", F.lit(0).cast("long")).withColumn("_part", F.lit(0))
    at = ranked.withColumn("_part", part).withColumn(
        "_at", F.element_at(F.create_map(*offsets), F.col("_part")) + index
    )
    parts = at.groupBy("kind", "key", "_part").agg(F.min("_at").alias("_lo"))
    starts = parts.groupBy("kind", "key").agg(F.min("_lo").alias("_first"))
    firsts = parts.join(starts, ["kind", "key"]).select("kind", "key", "_part", "_first")
    return at.join(firsts, ["kind", "key", "_part"]).withColumn(
        "pos", F.col("_at") - F.col("_first")
    )


def _block_id(tag: str, *parts: Any, F: Any) -> Any:
    """A block's id: its type (``k`` key, ``h0``/``hN`` a cut of a hot key, ``n`` one
    name), kind and key (and chunk), joined by a unit separator."""
    return F.concat_ws("\x1f", F.lit(tag), *parts).alias("block")


def _candidates(members: Any, F: Any) -> Any:
    """The distinct candidate pairs of the blocks (counted for benchmarks only)."""
    a = members.select("block", F.col("node").alias("u"))
    b = members.select("block", F.col("node").alias("v"))
    return a.join(b, "block").where(F.col("u") < F.col("v")).select("u", "v").distinct()


# ------------------------------------------------------------------ scores


def _score(members: Any, thresholds: Mapping[str, float], freq: ListFrequency | None) -> Any:
    """Score each block once, in one task: the members are shuffled by block and sorted,
    and each batch of whole blocks (:func:`_whole_runs`) prepares the names of its pairs
    once and prefilters, bounds and scores them together (:func:`_score_blocks`). A pair
    held by several blocks is scored only in the first of them (:func:`_canonical_pairs`),
    so every candidate pair is scored once, and the names prepared grow with the block
    members, not with the pairs nor with the list."""
    return (
        members.repartition("block")
        .sortWithinPartitions("block", "node")
        .mapInPandas(partial(_score_blocks, dict(thresholds), freq), _PAIR_SCHEMA)
    )


def _whole_runs(batches: Iterator[Any], column: str) -> Iterator[Any]:
    """Frames of whole runs of equal ``column`` values, from batches sorted by it (a run
    cut by a batch boundary is carried over to the next batch)."""
    import pandas as pd

    carry = None
    for batch in batches:
        if carry is not None:
            batch = pd.concat([carry, batch], ignore_index=True)
        last = batch[column].iloc[-1] if len(batch) else None
        tail = (batch[column] == last).to_numpy()
        carry = batch[tail].reset_index(drop=True)
        if not tail.all():
            yield batch[~tail].reset_index(drop=True)
    if carry is not None and len(carry):
        yield carry


def _pairs_in_runs(ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(p, q)``, ``p < q``, of positions in one run, for positions cut into
    consecutive runs (``ends[p]``: where the run of position ``p`` ends, exclusive), in
    row-major order (by ``p``, then ``q``).

    Example:
        >>> [r.tolist() for r in _pairs_in_runs(np.asarray([2, 2, 5, 5, 5]))]
        [[0, 2, 2, 3], [1, 3, 4, 4]]
    """
    after = ends - np.arange(len(ends)) - 1
    total = int(after.sum())
    p = np.repeat(np.arange(len(ends)), after)
    offset = np.arange(total) - np.repeat(np.cumsum(after) - after, after)
    return p, p + 1 + offset


def _run_ends(same_as_next: np.ndarray) -> np.ndarray:
    """For positions cut into runs (``same_as_next[p]``: position ``p + 1`` is in the
    run of ``p``; length n - 1), where each position's run ends (exclusive)."""
    n = len(same_as_next) + 1
    last = np.flatnonzero(np.append(~same_as_next, True))
    return np.repeat(last + 1, np.diff(np.append(-1, last)))[:n]


def _canonical_pairs(
    block: Sequence[str], lists: Sequence[Sequence[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(i, j)``, ``i < j``, of rows of one block that no earlier block (by
    id) also holds: each candidate pair is so scored in exactly one block.

    One vectorised pass over the batch, with no loop over blocks: each row's earlier
    blocks (those of its node's blocks before its own) are sorted by (block, earlier
    block, row), and every two rows of one block that share an earlier block give a
    pair that is dropped; the others are kept, block by block, in row-major order (the
    order of the former loop over blocks).

    Args:
        block: each row's block id (rows of one block are consecutive).
        lists: each row's node's block ids (all the blocks the node is in).

    Example:
        Nodes x and y are in blocks a and b, z in b only (rows: x, y of a, then
        x, y, z of b); the pair of x and y is scored in a only:

        >>> rows = ["a", "a", "b", "b", "b"]
        >>> lists = [["a", "b"], ["a", "b"], ["a", "b"], ["a", "b"], ["b"]]
        >>> [r.tolist() for r in _canonical_pairs(rows, lists)]
        [[0, 2, 3], [1, 4, 4]]
    """
    import pandas as pd

    n = len(block)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    here = np.asarray(block, dtype=object)
    i, j = _pairs_in_runs(_run_ends(here[1:] == here[:-1]))
    lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=n)
    if not lengths.any():
        return i, j
    row = np.repeat(np.arange(n), lengths)
    other = np.concatenate([np.asarray(x, dtype=object) for x in lists])
    earlier = other < here[row]  # Python's string order, as the block ids are sorted
    if not earlier.any():
        return i, j
    row = row[earlier]
    other = pd.factorize(other[earlier])[0]  # equal ids, equal codes (order not needed)
    run = np.cumsum(np.append(0, here[1:] != here[:-1]))  # each row's block, numbered
    order = np.lexsort((row, other, run[row]))
    row, other = row[order], other[order]
    a, b = _pairs_in_runs(_run_ends((other[1:] == other[:-1]) & (run[row[1:]] == run[row[:-1]])))
    if not len(a):
        return i, j
    keep = ~np.isin(i * n + j, row[a] * n + row[b])
    return i[keep], j[keep]


def _score_blocks(
    thresholds: dict[str, float], freq: ListFrequency | None, batches: Iterator[Any]
) -> Iterator[Any]:
    """Prefilter, bound, scores (adjusted by facts and weakness, as on one machine) and
    mixed (weak and full name) flags of the pairs of whole blocks, with the
    single-machine stages; each pair only in its first block. A pair whose bound is under
    the threshold is left unscored (``scored`` false): it cannot join a component, and is
    scored later if both its names end in one.

    Python's cyclic garbage collector is paused while a batch is scored
    (:func:`~nasab.match.batch.collector_paused`, as :func:`nasab.resolve` pauses it):
    its full passes walk every object of the worker (token table, caches) and find
    nothing to free; it runs again between batches."""
    for rows in _whole_runs(batches, "block"):
        with collector_paused():
            out = _scored_run(thresholds, freq, rows)
        if out is not None:
            yield out


def _scored_run(thresholds: dict[str, float], freq: ListFrequency | None, rows: Any) -> Any:
    """The pairs of one batch of whole blocks, scored (see :func:`_score_blocks`); None
    when the batch has none."""
    import pandas as pd

    i, j = _canonical_pairs(rows["block"].tolist(), rows["blocks"].tolist())
    if not len(i):
        return None
    node = rows["node"].to_numpy()
    names = rows["name"].to_numpy()
    nodes, at, rare, prep = _row_nodes(rows, np.unique(np.concatenate([i, j])))
    nk = _scoring_keys(nodes, rare, freq, prep)
    # rows of one block are sorted by node, but u < v does not rest on it
    swap = node[i] > node[j]
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    u, v = at[i], at[j]
    # pairs of one name (split by id-judgements or facts) are scored whatever the
    # prefilter says
    keep = prefilter_pairs(nk, u, v) | (names[i] == names[j])
    i, j, u, v = i[keep], j[keep], u[keep], v[keep]
    thr = np.asarray([thresholds[nd.kind] for nd in nodes], dtype=np.float32)
    joinable = np.ones(len(u), dtype=bool)
    first = may_reach(nodes, nk, u, v, thr, joinable)
    score = np.zeros(len(u), dtype=np.float32)
    score[first] = _adjusted(nodes, nk, u[first], v[first], joinable[first])
    fitted, mixed = weak_fits(nodes, nk, Pairs(len(nodes), u, v, score), thr)
    score = fitted.score
    return pd.DataFrame(
        {
            "u": node[i],
            "v": node[j],
            "score": score,
            "scored": first,
            "accept": first & (score >= thr[u]),
            "mixed": mixed,
            "level": np.where(first, pair_levels(score, thr[u]), 0).astype(np.int32),
        }
    )


def _row_nodes(rows: Any, used: np.ndarray) -> tuple[list[Node], np.ndarray, list[str], list[str]]:
    """The distinct names of the ``used`` rows as single-machine nodes (each made once,
    however many of the batch's blocks hold it), each row's index into them (-1 for rows
    not used), and each node's rare key and prepared form (from its rows: the
    ``node_keys`` stage's, see :func:`_scoring_keys`)."""
    index: dict[tuple[str, str, str], int] = {}
    nodes: list[Node] = []
    rare: list[str] = []
    prep: list[str] = []
    at = np.full(len(rows), -1, dtype=np.int64)
    kinds, names, attrs = rows["kind"].tolist(), rows["name"].tolist(), rows["attrs"].tolist()
    rares, preps = rows["rare"].tolist(), rows["prep"].tolist()
    for r in used.tolist():
        key = (kinds[r], names[r], attrs[r])
        k = index.get(key)
        if k is None:
            k = index[key] = len(nodes)
            nodes.append(_node(key[0], key[1], "", key[2]))
            rare.append(rares[r])
            prep.append(preps[r])
        at[r] = k
    return nodes, at, rare, prep


def _scoring_keys(
    nodes: list[Node], rare: list[str], freq: ListFrequency | None, prep: list[str] | None = None
) -> NodeKeys:
    """What the scoring of a batch reads of :func:`~nasab.resolution.stages.node_keys`:
    the prepared names, the weak organisation names and the rare keys (``rare``: the
    ``node_keys`` stage's, shipped with the rows), with the list's token weights
    ``freq``. A person's name is read from its prepared form (``prep``: the
    ``node_keys`` stage's :func:`~nasab.match.prepared.prepared_text`, shipped with the
    rows), not parsed again: a worker meets a name once per block it is in, in many
    batches, more names than its parse caches hold; an empty form (none shipped) is
    prepared here. The blocking keys, half the cost of a name's preparation, are left
    empty: the blocks are made already, and nothing after them reads the keys.

    Example:
        >>> nodes = [Node("person", "Tahsin al-Jubouri"), Node("organization", "STEKLOVOLOKNO")]
        >>> nk = _scoring_keys(nodes, ["THSN JBR", ""], None)
        >>> nk.prepared[0].name.tokens[1].role, nk.prepared[1], nk.weak_orgs, nk.keys[0]
        ('family', None, [False, True], frozenset())
    """
    forms = prep if prep is not None else [""] * len(nodes)
    prepared = [
        None
        if nd.kind != "person"
        else prepared_from_text(nd.name, form)
        if form
        else prepare_name(nd.name)
        for nd, form in zip(nodes, forms, strict=True)
    ]
    weak_orgs = [nd.kind == "organization" and is_weak_org(nd.name) for nd in nodes]
    empty: list[frozenset[str]] = [frozenset()] * len(nodes)
    kinds = [nd.kind for nd in nodes]
    return NodeKeys(kinds, empty, list(rare), prepared, freq, weak_orgs)


def _with_names(nodes: Any, pairs: Any, F: Any) -> Any:
    """The pairs with their two nodes' kind, name, rare key and attributes."""
    side = nodes.select("node", "kind", "name", "rare", "attrs")
    a = side.select(*[F.col(c).alias(c + "_u") for c in side.columns])
    b = side.select(*[F.col(c).alias(c + "_v") for c in side.columns])
    both = pairs.join(a, pairs.u == a.node_u).join(b, pairs.v == b.node_v)
    extra = [c for c in pairs.columns if c not in ("u", "v")]
    return both.select(
        "u", "v", *extra, "kind_u", "name_u", "rare_u", "attrs_u", "name_v", "rare_v", "attrs_v"
    )


def _batch_nodes(
    b: Any, freq: ListFrequency | None
) -> tuple[list[Node], Any, np.ndarray, np.ndarray]:
    """The distinct names of a batch of pairs as single-machine nodes, their keys, and
    each pair's two ends as indexes into them (names recur across the pairs of a batch:
    each is prepared once). Scores use the list's token weights ``freq``."""
    index: dict[tuple[str, str, str], int] = {}
    nodes: list[Node] = []
    rare: list[str] = []
    ends = []
    for side in ("u", "v"):
        at = []
        for *key, r in zip(
            b["kind_u"], b[f"name_{side}"], b[f"attrs_{side}"], b[f"rare_{side}"], strict=True
        ):
            k = index.get(tuple(key))
            if k is None:
                k = index[tuple(key)] = len(nodes)
                nodes.append(_node(*key[:2], "", key[2]))
                rare.append(r)
            at.append(k)
        ends.append(np.asarray(at, dtype=np.int64))
    return nodes, _scoring_keys(nodes, rare, freq), ends[0], ends[1]


def _adjusted(
    nodes: list[Node], nk: Any, u: np.ndarray, v: np.ndarray, joinable: np.ndarray | None = None
) -> np.ndarray:
    """Scores of the pairs, adjusted by facts and weakness, as on one machine
    (``joinable``: :func:`~nasab.resolution.stages.may_reach`'s, where it was run)."""
    raw = score_pairs(nodes, nk, u, v, joinable=joinable)
    return weak_scores(attribute_scores(nodes, raw), nk, weak_mask(nk)).score


def _score_inside(
    nodes: Any,
    kept: Any,
    comps: Any,
    thresholds: Mapping[str, float],
    freq: ListFrequency | None,
    F: Any,
) -> Any:
    """The prefiltered pairs of full names inside one component, all scored, with their
    cannot-link flags (``comp, u, v, score, cannot``)."""
    inside = _inside(kept.where(~F.col("mixed")), comps, F).select(
        F.col("comp_u").alias("comp"), "u", "v", "score", "scored"
    )
    return _with_names(nodes, inside, F).mapInPandas(
        partial(_inside_batches, dict(thresholds), freq), _INSIDE_SCHEMA
    )


def _inside_batches(
    thresholds: dict[str, float], freq: ListFrequency | None, batches: Iterator[Any]
) -> Iterator[Any]:
    """The pairs of a batch left unscored by their bound scored, and cannot-links flagged
    (as if every pair were inside one component: only pairs that are reach this step,
    and the flag is a function of the pair). The cyclic collector is paused while a
    batch is scored, as in :func:`_score_blocks`."""
    for b in batches:
        with collector_paused():
            out = _inside_run(thresholds, freq, b)
        yield out


def _inside_run(thresholds: dict[str, float], freq: ListFrequency | None, b: Any) -> Any:
    """One batch of :func:`_inside_batches`: scores filled in, cannot-links flagged."""
    import pandas as pd

    nodes, nk, u, v = _batch_nodes(b, freq)
    score = b["score"].to_numpy(dtype=np.float32, copy=True)
    todo = ~b["scored"].to_numpy(dtype=bool)
    if todo.any():
        score[todo] = _adjusted(nodes, nk, u[todo], v[todo])
    pairs = Pairs(len(nodes), u, v, score)
    labels = np.zeros(len(nodes), dtype=np.int64)
    cannot = cannot_links(nodes, pairs, thresholds, labels, freq=freq)
    return pd.DataFrame(
        {
            "comp": b["comp"],
            "u": b["u"],
            "v": b["v"],
            "score": score,
            "cannot": [p in cannot for p in pairs],
        }
    )


# ------------------------------------------------------------------ clusters and ids


def _clusters(
    nodes: Any,
    inside: Any,
    comps: Any,
    thresholds: Mapping[str, float],
    freq: ListFrequency | None,
    links: _Links,
    F: Any,
) -> Any:
    """``(node, cluster)`` of every node, ``cluster`` the first node of its cluster (by id),
    from the pairs inside the components (:func:`_score_inside`)."""
    inside = inside.select("comp", "u", "v", "score", "cannot")
    members = comps.join(nodes.select("node", "kind", "name", "rid", "attrs"), "node")
    clustered = (
        inside.groupBy("comp")
        .cogroup(members.groupBy("comp"))
        .applyInPandas(partial(_cluster_component, dict(thresholds), freq, links), _CLUSTER_SCHEMA)
    )
    alone = nodes.join(comps, "node", "left_anti").select(
        "node", F.col("node").alias("cluster"), F.col("node").alias("piece")
    )
    return clustered.union(alone)


def _inside(pairs: Any, comps: Any, F: Any) -> Any:
    """The pairs whose two nodes are in one component, with ``comp_u`` and ``comp_v``."""
    cu = comps.select(F.col("node").alias("u"), F.col("comp").alias("comp_u"))
    cv = comps.select(F.col("node").alias("v"), F.col("comp").alias("comp_v"))
    return pairs.join(cu, "u").join(cv, "v").where(F.col("comp_u") == F.col("comp_v"))


def _cluster_component(
    thresholds: dict[str, float],
    freq: ListFrequency | None,
    links: _Links,
    pairs: Any,
    members: Any,
) -> Any:
    """Average-linkage clusters of one component, with the single-machine function."""
    import pandas as pd

    kind = members["kind"].iloc[0]
    found = [
        _node(kind, nm, rid, at)
        for nm, rid, at in zip(members["name"], members["rid"], members["attrs"], strict=True)
    ]
    order = sorted(range(len(found)), key=lambda i: node_order(found[i]))
    nodes = [found[i] for i in order]
    ids = members["node"].to_numpy()[order].tolist()
    local = {int(x): k for k, x in enumerate(ids)}
    scores: dict[tuple[int, int], float] = {}
    cannot = set()
    for u, v, s, c in zip(
        pairs["u"].tolist(), pairs["v"].tolist(), pairs["score"].tolist(), pairs["cannot"],
        strict=True,
    ):  # fmt: skip
        p = (min(local[u], local[v]), max(local[u], local[v]))
        scores[p] = s
        if c and (u, v) not in links.must:
            cannot.add(p)
    must = set()
    for u, v in links.touching(local):
        if u in local and v in local:
            p = (min(local[u], local[v]), max(local[u], local[v]))
            (must if (u, v) in links.must else cannot).add(p)
    thr = thresholds[kind]
    tags, clash = attribute_tags(nodes)
    nk = node_keys(Prepared(nodes, [])).with_frequency(freq)
    groups = [list(range(len(nodes)))]  # a piece of at most MAX_COMPONENT nodes (_bound)
    result = cluster_groups(
        groups,
        scores,
        lambda _k: thr,
        must=sorted(must),
        cannot=sorted(cannot),
        on_demand=with_facts(nodes, on_demand_scorer(nodes, nk, {})),
        tags=tags,
        clash=clash,
        support=lambda _k: kind in SUPPORT_KINDS,
        keys=short_keys(nk),
        agree=attribute_agree(nodes),
        apart=org_apart(nodes),
    )
    piece = {k: ids[g[0]] for g in groups for k in g}
    rows = [(ids[k], ids[min(group)], piece[k]) for group in result.clusters for k in group]
    return pd.DataFrame(rows, columns=["node", "cluster", "piece"])


# ------------------------------------------------------------------ weak names


def _attach_weak(nodes: Any, scored: Any, inside: Any, clusters: Any, links: _Links, F: Any) -> Any:
    """:func:`~nasab.resolution.stages.attach_weak` in Spark: a cluster of weak names
    joins the one cluster of full names it fits (an accepted mixed pair, or an accepted
    pair of a weak and a full name that the clustering read, ``reached``; no attribute
    clash, no cannot-link between them), if it fits exactly one and, fitting it by
    ``reached`` pairs only, :func:`~nasab.resolution.stages.org_apart` does not keep the
    two apart."""
    info = clusters.join(nodes.select("node", "weak", "attrs"), "node")
    weak_only = info.groupBy("cluster").agg(
        F.min(F.col("weak").cast("int")).alias("all_weak"), F.count(F.lit(1)).alias("size")
    )
    orgs = info.join(nodes.select("node", "kind"), "node").groupBy("cluster")
    org = orgs.agg(F.max((F.col("kind") == "organization").cast("int")).alias("org"))
    owner = clusters.join(nodes.select("node", "weak"), "node")
    accepted = scored.where(F.col("accept")).select("u", "v", "mixed")
    ow = owner.select(
        F.col("node").alias("u"), F.col("cluster").alias("cu"), F.col("weak").alias("wu")
    )
    ov = owner.select(
        F.col("node").alias("v"), F.col("cluster").alias("cv"), F.col("weak").alias("wv")
    )
    ends = accepted.join(ow, "u").join(ov, "v")
    ends = ends.where(F.col("mixed") | (F.col("wu") != F.col("wv")))
    fits = ends.groupBy(
        F.when(F.col("wu"), F.col("cu")).otherwise(F.col("cv")).alias("cw"),
        F.when(F.col("wu"), F.col("cv")).otherwise(F.col("cu")).alias("cs"),
    ).agg(F.max(F.col("mixed").cast("int")).alias("via"))
    wo = weak_only.join(org, "cluster").select(
        F.col("cluster").alias("cw"),
        F.col("all_weak").alias("w_all"),
        F.col("size").alias("w_size"),
        F.col("org").alias("w_org"),
    )
    so = weak_only.select(
        F.col("cluster").alias("cs"),
        F.col("all_weak").alias("s_all"),
        F.col("size").alias("s_size"),
    )
    fits = fits.join(wo, "cw").join(so, "cs").where((F.col("w_all") == 1) & (F.col("s_all") == 0))
    # a weak cluster of organisation names fits only with WEAK_ORG_NAMES names together
    fits = fits.where((F.col("w_org") == 0) | (F.col("w_size") + F.col("s_size") >= WEAK_ORG_NAMES))
    fits = freeze(fits.select("cw", "cs", "via"))
    fits = fits.join(_blocked(info, inside, fits, clusters, links, F), ["cw", "cs"], "left_anti")
    unique = fits.groupBy("cw").agg(
        F.count(F.lit(1)).alias("k"), F.min("cs").alias("cs"), F.max("via").alias("via")
    )
    one = unique.where("k = 1")
    one = one.join(_apart(nodes, clusters, one.where("via = 0"), F), ["cw", "cs"], "left_anti")
    joins = one.select(F.col("cw").alias("cluster"), F.col("cs").alias("joined"))
    return clusters.join(joins, "cluster", "left").select(
        "node", F.coalesce("joined", "cluster").alias("cluster"), "piece"
    )


def _blocked(info: Any, inside: Any, fits: Any, clusters: Any, links: _Links, F: Any) -> Any:
    """``(cw, cs)`` cluster pairs that may not be one entity: an attribute clash between
    their nodes' facts (looked at only for the pairs of ``fits``, the weak clusters and the
    clusters they fit: linear, not every pair of clusters), or a cannot-link (inside a
    component, or judged) between them."""
    facts = (
        info.where(F.col("attrs") != "")
        .groupBy("cluster")
        .agg(F.sort_array(F.collect_set("attrs")).alias("attrs"))
    )
    fw = facts.select(F.col("cluster").alias("cw"), F.col("attrs").alias("aw"))
    fs = facts.select(F.col("cluster").alias("cs"), F.col("attrs").alias("as_"))
    clash = fits.join(fw, "cw").join(fs, "cs").select("cw", "cs", "aw", "as_")
    clash = clash.mapInPandas(_clashing, "cw long, cs long")
    # cannot-links are looked for inside the pieces the clustering saw, as on one machine
    pieces = clusters.select("node", F.col("piece").alias("comp"))
    flagged = _inside(inside.where("cannot").select("u", "v"), pieces, F).select("u", "v")
    judged = sorted(links.cannot)
    if judged:
        flagged = flagged.union(inside.sparkSession.createDataFrame(judged, "u long, v long"))
    must = sorted(links.must)
    if must:
        flagged = flagged.join(
            inside.sparkSession.createDataFrame(must, "u long, v long"), ["u", "v"], "left_anti"
        )
    cu = clusters.select(F.col("node").alias("u"), F.col("cluster").alias("a"))
    cv = clusters.select(F.col("node").alias("v"), F.col("cluster").alias("b"))
    pairs = flagged.join(cu, "u").join(cv, "v")
    by_link = pairs.select(F.col("a").alias("cw"), F.col("b").alias("cs")).union(
        pairs.select(F.col("b").alias("cw"), F.col("a").alias("cs"))
    )
    return clash.union(by_link).distinct()


def _apart(nodes: Any, clusters: Any, fits: Any, F: Any) -> Any:
    """``(cw, cs)`` pairs of ``fits`` whose clusters' names
    :func:`~nasab.resolution.stages.org_apart` keeps apart (each cluster's names in node
    order, as on one machine)."""
    ends = fits.select(F.col("cw").alias("cluster")).union(
        fits.select(F.col("cs").alias("cluster"))
    )
    wanted = clusters.join(ends.distinct(), "cluster")  # only the clusters of these fits
    named = wanted.join(nodes.select("node", "kind", "name"), "node")
    names = named.groupBy("cluster").agg(
        F.sort_array(F.collect_list(F.struct("node", "kind", "name"))).alias("names")
    )
    nw = names.select(F.col("cluster").alias("cw"), F.col("names").alias("nw"))
    ns = names.select(F.col("cluster").alias("cs"), F.col("names").alias("ns"))
    both = fits.select("cw", "cs").join(nw, "cw").join(ns, "cs")
    return both.mapInPandas(_apart_rows, "cw long, cs long")


def _apart_rows(batches: Iterator[Any]) -> Iterator[Any]:
    """The cluster pairs of a batch that :func:`~nasab.resolution.stages.org_apart` keeps apart."""
    import pandas as pd

    for b in batches:
        keep = []
        for nw, ns in zip(b["nw"], b["ns"], strict=True):
            nodes = [Node(x["kind"], x["name"]) for x in (*nw, *ns)]
            keep.append(org_apart(nodes)(list(range(len(nw))), list(range(len(nw), len(nodes)))))
        yield pd.DataFrame({"cw": b["cw"][keep], "cs": b["cs"][keep]})


def _clashing(batches: Iterator[Any]) -> Iterator[Any]:
    """The cluster pairs of a batch whose facts clash (evidence ``against``)."""
    import pandas as pd

    for b in batches:
        keep = []
        for aw, as_ in zip(b["aw"], b["as_"], strict=True):
            fa, fb = [_facts(x) for x in aw], [_facts(x) for x in as_]
            keep.append(
                any(x != y and facts_evidence(x, y).verdict == "against" for x in fa for y in fb)
            )
        yield pd.DataFrame({"cw": b["cw"][keep], "cs": b["cs"][keep]})


# ------------------------------------------------------------------ ids


def _entity_ids(nodes: Any, clusters: Any, F: Any) -> Any:
    """``(node, entity_id, canonical)`` of every node, from its final cluster.

    The members are shuffled by cluster and sorted within each partition, and each
    partition's batches are read in one pass (a cluster cut by a batch boundary is
    carried over to the next batch): a ``groupBy("cluster").applyInPandas`` would call
    Python once per cluster (about one cluster per name), which cost milliseconds a name.
    """
    members = clusters.join(nodes.select("node", "kind", "name", "rid", "attrs", "n"), "node")
    ordered = members.repartition("cluster").sortWithinPartitions("cluster", "node")
    return ordered.mapInPandas(_entities_of_batches, _ENTITY_SCHEMA)


def _entities_of_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """:func:`_entities_of_rows` over batches sorted by cluster, whole clusters at a time."""
    for members in _whole_runs(batches, "cluster"):
        yield _entities_of_rows(members)


def _entities_of_rows(members: Any) -> Any:
    """The entity id and canonical names of every node of whole clusters (rows by cluster)."""
    import pandas as pd

    cols = ("cluster", "kind", "name", "rid", "attrs", "n")
    rows = zip(*(members[c].tolist() for c in cols), strict=True)
    ids: list[str] = []
    canon: list[dict[str, str]] = []
    for _, group in groupby(rows, key=itemgetter(0)):
        found = [(_node(k, nm, rid, at), n) for _, k, nm, rid, at, n in group]
        eid, canonical = _entity_of(found)
        ids.extend([eid] * len(found))
        canon.extend([canonical] * len(found))
    return pd.DataFrame({"node": members["node"].to_numpy(), "entity_id": ids, "canonical": canon})


def _entity_of(found: list[tuple[Node, int]]) -> tuple[str, dict[str, str]]:
    """The id (from the cluster's smallest member in node order) and canonical names of
    one cluster, from its nodes and their record counts."""
    first = min((nd for nd, _ in found), key=node_order)
    counts: dict[str, int] = {}
    for nd, n in found:
        counts[nd.name] = counts.get(nd.name, 0) + n
    return entity_id(first.kind, first), canonical_names(counts)
