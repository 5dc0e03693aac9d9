"""``nasab.spark.resolve``: the stages of :func:`nasab.resolve`, spread over Spark.

How each stage of :mod:`nasab.resolution.stages` runs here:

=====================  ==================================================================
stage                  on Spark
=====================  ==================================================================
prepare                rows checked and their surface names taken in the workers
                       (``mapInArrow``, the input columns pass through untouched);
                       nodes = distinct ``(kind, surface)`` by a ``groupBy``
node_keys              :func:`~nasab.resolution.stages.node_keys` per batch of nodes
                       (``mapInPandas``); each node gets a unique id
key_counts             ``groupBy(kind, key).count()``
block_pairs            blocks of at most ``MAX_BLOCK`` nodes: a self-join on the key;
                       hot blocks: members numbered in ``(rare key, node order)`` by a
                       window and cut into chunks of ``HOT_CHUNK``, twice (the second
                       cut shifted by half a chunk), then a self-join on the chunk
prefilter, scores      :func:`~nasab.resolution.stages.prefilter_pairs`,
                       :func:`~nasab.resolution.stages.score_pairs` and
                       :func:`~nasab.resolution.stages.cannot_links` per batch of pairs
connected              :func:`nasab.spark.components.connected_components`; a
                       component larger than ``MAX_COMPONENT`` is cut in its clustering
                       task by :func:`~nasab.resolution.stages.bound_components`
cluster                :func:`~nasab.resolution.cluster.cluster_groups` on one component
                       at a time (``cogroup().applyInPandas``), nodes numbered locally
                       in :func:`~nasab.resolution.stages.node_order`
entity ids             :func:`~nasab.resolution.stages.entity_id` and
                       :func:`~nasab.resolution.core.canonical_names`
=====================  ==================================================================

Rows with a null, empty or over-long name or an unknown kind are kept with a null
``entity_id`` (and counted in a warning), as :func:`nasab.resolve` would refuse them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

import numpy as np

from ..resolution import DEFAULT_THRESHOLDS, KINDS
from ..resolution.cluster import cluster_groups
from ..resolution.core import canonical_names
from ..resolution.stages import (
    HOT_CHUNK,
    MAX_BLOCK,
    MAX_COMPONENT,
    Node,
    Pairs,
    Prepared,
    bound_components,
    cannot_links,
    entity_id,
    node_keys,
    node_order,
    on_demand_scorer,
    prefilter_pairs,
    score_pairs,
    surface,
)
from .components import connected_components, freeze
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

_KIND = "_nasab_kind"
_SURFACE = "_nasab_surface"
_NODE_SCHEMA = "kind string, name string, n long, norm string, rare string, keys array<string>"
_PAIR_SCHEMA = "u long, v long, score float, accept boolean, cannot boolean"
_ENTITY_SCHEMA = "node long, entity_id string, canonical map<string,string>"


def resolve(
    df: Any,
    name_col: str = "name",
    *,
    id_col: str | None = None,
    kind_col: str | None = None,
    kind: str = "person",
    max_block: int = MAX_BLOCK,
    hot_chunk: int = HOT_CHUNK,
    timings: dict[str, float] | None = None,
) -> Any:
    """Resolve the names of a Spark DataFrame into entities, as :func:`nasab.resolve` does.

    Args:
        df: the rows to resolve.
        name_col: the column of names (strings).
        id_col: a column of record ids; they must be unique (as in :func:`nasab.resolve`).
        kind_col: a column of kinds (``person``/``organization``); default ``kind``.
        kind: the kind of every row when there is no ``kind_col``.
        max_block: blocks larger than this are hot (split into chunks).
        hot_chunk: nodes per chunk of a hot block.
        timings: if given, receives the wall time of each stage in seconds, and
            sizes: ``nodes``, ``largest_block``, ``pairs``, ``scored``,
            ``components``, ``largest_component`` (counting them costs a few jobs).

    Returns:
        The input rows with ``entity_id`` (string) and ``canonical`` (script ->
        name) added; for the same names the ids are those of :func:`nasab.resolve`.

    Raises:
        ExtraMissingError: PySpark or pyarrow is not installed.
        InputError: a column is missing or not strings, an output column exists
            already, ``kind`` is unknown, or two rows share an id.
    """
    F = require_spark()
    from ..errors import InputError

    check_columns(df, [name_col, kind_col], [id_col])
    check_free(df, [*OUTPUT_COLUMNS, _KIND, _SURFACE, PROBLEM_COL])
    if kind not in KINDS:
        raise InputError(f"kind must be one of {KINDS}, got {kind!r}")
    if id_col is not None:
        _check_ids(df, id_col, F)
    clock = _Clock(timings)
    rows = clock(
        "prepare",
        df.mapInArrow(partial(_prepare_rows, name_col, kind_col, kind), _row_schema(df)),
    )
    warn_problems(_problem_counts(rows, F), "resolve")
    nodes = clock("node_keys", _nodes(rows, F))
    pairs = _block_pairs(nodes, max_block, hot_chunk, F, clock)
    thresholds = {k: float(np.float32(t)) for k, t in DEFAULT_THRESHOLDS.items()}
    scored = clock("score_pairs", _score(nodes, pairs, thresholds, F))
    comps = clock("connected", connected_components(scored.where("accept").select("u", "v")))
    ids = clock("cluster", _entities(nodes, scored, comps, thresholds, F))
    if timings is not None:
        timings.update(_sizes(nodes, pairs, scored, comps, F))
    keyed = nodes.join(ids, "node").select(
        F.col("kind").alias(_KIND), F.col("name").alias(_SURFACE), *OUTPUT_COLUMNS
    )
    out = rows.join(keyed, [_KIND, _SURFACE], "left")
    return out.select(*df.columns, *OUTPUT_COLUMNS)


def _sizes(nodes: Any, pairs: Any, scored: Any, comps: Any, F: Any) -> dict[str, float]:
    """How big each stage's output was (for benchmarks)."""
    keys = nodes.select("kind", F.explode("keys").alias("key")).groupBy("kind", "key").count()
    comp = comps.groupBy("comp").count()
    return {
        "nodes": nodes.count(),
        "largest_block": keys.agg(F.max("count")).first()[0] or 0,
        "pairs": pairs.count(),
        "scored": scored.count(),
        "components": comp.count(),
        "largest_component": comp.agg(F.max("count")).first()[0] or 0,
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
    from ..errors import InputError

    dup = df.groupBy(id_col).count().where("count > 1").limit(1).collect()
    if dup:
        raise InputError(f"column {id_col!r}: id {dup[0][0]!r} is on {dup[0][1]} rows")


# ------------------------------------------------------------------ prepare


def _row_schema(df: Any) -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    extra = [StructField(c, StringType()) for c in (_KIND, _SURFACE, PROBLEM_COL)]
    return StructType([*df.schema.fields, *extra])


def _prepare_rows(name_col: str, kind_col: str | None, kind: str, batches: Iterator[Any]) -> Any:
    """Each row's kind, surface name (null when unusable) and problem."""
    import pyarrow as pa

    for batch in batches:
        names = batch.column(name_col).to_pylist()
        kinds = batch.column(kind_col).to_pylist() if kind_col else [kind] * len(names)
        kinds = [kind if k is None else k for k in kinds]
        problems = [row_problem(nm, k) for nm, k in zip(names, kinds, strict=True)]
        surfaces = [None if p else surface(nm) for nm, p in zip(names, problems, strict=True)]
        extra = [pa.array(kinds, pa.string()), pa.array(surfaces, pa.string())]
        extra.append(pa.array(problems, pa.string()))
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, *extra], names=[*batch.schema.names, _KIND, _SURFACE, PROBLEM_COL]
        )


def _problem_counts(rows: Any, F: Any) -> dict[str, int]:
    got = rows.where(F.col(PROBLEM_COL).isNotNull()).groupBy(PROBLEM_COL).count().collect()
    return {r[0]: int(r[1]) for r in got}


# ------------------------------------------------------------------ nodes and keys


def _nodes(rows: Any, F: Any) -> Any:
    """Distinct (kind, surface) names with their record count, keys and a unique id."""
    names = (
        rows.where(F.col(_SURFACE).isNotNull())
        .groupBy(F.col(_KIND).alias("kind"), F.col(_SURFACE).alias("name"))
        .agg(F.count(F.lit(1)).alias("n"))
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
            keys=[sorted(k) for k in nk.keys],
        )


# ------------------------------------------------------------------ blocks


def _block_pairs(nodes: Any, max_block: int, hot_chunk: int, F: Any, clock: _Clock) -> Any:
    """Candidate pairs ``(u, v)``, ``u < v`` by node id, as :func:`block_pairs` makes them."""
    from pyspark.sql import Window

    keys = nodes.select("node", "kind", F.explode("keys").alias("key"))
    sizes = keys.groupBy("kind", "key").agg(F.count(F.lit(1)).alias("size"))
    blocks = clock("key_counts", keys.join(sizes, ["kind", "key"]))
    small = blocks.where((F.col("size") >= 2) & (F.col("size") <= max_block))
    parts = [_pairs_within(small, ["kind", "key"], F)]
    if hot_chunk >= 2:
        hot = blocks.where(F.col("size") > max_block).join(
            nodes.select("node", "rare", "norm", "name"), "node"
        )
        order = Window.partitionBy("kind", "key").orderBy("rare", "norm", "name")
        hot = hot.withColumn("pos", F.row_number().over(order) - 1)
        for shift in (0, hot_chunk // 2):
            chunk = F.floor((F.col("pos") + shift) / hot_chunk)
            cut = hot.withColumn("chunk", chunk)
            parts.append(_pairs_within(cut, ["kind", "key", "chunk"], F))
    pairs = parts[0]
    for p in parts[1:]:
        pairs = pairs.union(p)
    return clock("block_pairs", pairs.distinct())


def _pairs_within(members: Any, on: list[str], F: Any) -> Any:
    a = members.select(*on, F.col("node").alias("u"))
    b = members.select(*on, F.col("node").alias("v"))
    return a.join(b, on).where(F.col("u") < F.col("v")).select("u", "v")


# ------------------------------------------------------------------ scores


def _score(nodes: Any, pairs: Any, thresholds: Mapping[str, float], F: Any) -> Any:
    """Prefilter and score every candidate pair in the workers; keep the scored ones."""
    side = nodes.select("node", "kind", "name", "rare")
    a = side.select(*[F.col(c).alias(c + "_u") for c in side.columns])
    b = side.select(*[F.col(c).alias(c + "_v") for c in side.columns])
    both = pairs.join(a, pairs.u == a.node_u).join(b, pairs.v == b.node_v)
    both = both.select("u", "v", "kind_u", "name_u", "rare_u", "name_v", "rare_v")
    return both.mapInPandas(partial(_score_batches, dict(thresholds)), _PAIR_SCHEMA)


def _score_batches(thresholds: dict[str, float], batches: Iterator[Any]) -> Iterator[Any]:
    """Prefilter, score and cannot-link flags of a batch, with the single-machine stages."""
    import pandas as pd

    for b in batches:
        k = len(b)
        kinds = b["kind_u"].tolist()
        nodes = [Node(kd, nm) for kd, nm in zip(kinds, b["name_u"], strict=True)]
        nodes += [Node(kd, nm) for kd, nm in zip(kinds, b["name_v"], strict=True)]
        nk = node_keys(Prepared(nodes, []))
        u, v = np.arange(k, dtype=np.int64), np.arange(k, 2 * k, dtype=np.int64)
        keep = prefilter_pairs(nk, u, v)
        scored = score_pairs(nodes, nk, u[keep], v[keep])
        # Flagged as if every pair were inside one component: only pairs that are
        # inside one reach the clustering, and the flag is a function of the pair.
        cannot = cannot_links(nodes, scored, thresholds, np.zeros(2 * k, dtype=np.int64))
        thr = np.asarray([thresholds[kd] for kd in kinds], dtype=np.float32)[scored.u]
        yield pd.DataFrame(
            {
                "u": b["u"].to_numpy()[keep],
                "v": b["v"].to_numpy()[keep],
                "score": scored.score,
                "accept": scored.score >= thr,
                "cannot": [p in cannot for p in scored],
            }
        )


# ------------------------------------------------------------------ clusters and ids


def _entities(nodes: Any, scored: Any, comps: Any, thresholds: Mapping[str, float], F: Any) -> Any:
    """``(node, entity_id, canonical)`` of every node."""
    cu = comps.select(F.col("node").alias("u"), F.col("comp").alias("comp_u"))
    cv = comps.select(F.col("node").alias("v"), F.col("comp").alias("comp_v"))
    inside = (
        scored.join(cu, "u")
        .join(cv, "v")
        .where(F.col("comp_u") == F.col("comp_v"))
        .select(F.col("comp_u").alias("comp"), "u", "v", "score", "cannot")
    )
    members = comps.join(nodes.select("node", "kind", "name", "n"), "node")
    clustered = (
        inside.groupBy("comp")
        .cogroup(members.groupBy("comp"))
        .applyInPandas(partial(_cluster_component, dict(thresholds)), _ENTITY_SCHEMA)
    )
    alone = nodes.join(comps, "node", "left_anti").select("node", "kind", "name", "n")
    return clustered.union(alone.mapInPandas(_singletons, _ENTITY_SCHEMA))


def _cluster_component(thresholds: dict[str, float], pairs: Any, members: Any) -> Any:
    """Average-linkage clusters of one component, with the single-machine function."""
    import pandas as pd

    kind = members["kind"].iloc[0]
    found = [Node(kind, nm) for nm in members["name"]]
    order = sorted(range(len(found)), key=lambda i: node_order(found[i]))
    nodes = [found[i] for i in order]
    ids = members["node"].to_numpy()[order]
    local = {int(x): k for k, x in enumerate(ids.tolist())}
    count = dict(zip(members["name"], members["n"].tolist(), strict=True))
    scores, cannot = {}, []
    for u, v, s, c in zip(
        pairs["u"].tolist(),
        pairs["v"].tolist(),
        pairs["score"].tolist(),
        pairs["cannot"],
        strict=True,
    ):
        p = (min(local[u], local[v]), max(local[u], local[v]))
        scores[p] = s
        if c:
            cannot.append(p)
    thr = thresholds[kind]
    result = cluster_groups(
        _pieces(len(nodes), scores, np.float32(thr)),
        scores,
        lambda _k: thr,
        cannot=sorted(cannot),
        on_demand=on_demand_scorer(nodes, node_keys(Prepared(nodes, [])), {}),
    )
    rows = []
    for group in result.clusters:
        first = nodes[min(group)]
        eid = entity_id(kind, first)
        canonical = canonical_names({nodes[k].name: count[nodes[k].name] for k in group})
        rows.extend((int(ids[k]), eid, canonical) for k in group)
    return pd.DataFrame(rows, columns=["node", "entity_id", "canonical"])


def _pieces(n: int, scores: Mapping[tuple[int, int], float], thr: np.float32) -> list[list[int]]:
    """One component cut into pieces of at most ``MAX_COMPONENT`` nodes, as on one machine."""
    if n <= MAX_COMPONENT:
        return [list(range(n))]
    pairs = sorted(scores)
    u = np.asarray([a for a, _ in pairs], dtype=np.int64)
    v = np.asarray([b for _, b in pairs], dtype=np.int64)
    score = np.asarray([scores[p] for p in pairs], dtype=np.float32)
    labels = bound_components(
        np.zeros(n, dtype=np.int64), Pairs(n, u, v, score), np.full(n, thr, dtype=np.float32)
    )
    pieces: dict[int, list[int]] = {}
    for k, lab in enumerate(labels.tolist()):
        pieces.setdefault(lab, []).append(k)
    return list(pieces.values())


def _singletons(batches: Iterator[Any]) -> Iterator[Any]:
    """Ids of nodes that share no accepted pair: each its own entity."""
    import pandas as pd

    for b in batches:
        nodes = [Node(k, nm) for k, nm in zip(b["kind"], b["name"], strict=True)]
        yield pd.DataFrame(
            {
                "node": b["node"],
                "entity_id": [entity_id(nd.kind, nd) for nd in nodes],
                "canonical": [
                    canonical_names({nd.name: n}) for nd, n in zip(nodes, b["n"], strict=True)
                ],
            }
        )
