"""Connected components of an edge DataFrame, in Spark (no GraphFrames).

The algorithm of :func:`nasab.resolution.unionfind.components`, with joins for array
lookups: every round *hooks* the label of each edge end onto the smaller of the two
labels, then *jumps* pointers (a node takes its label's label) a few times. Labels only
ever decrease and always name a node of the same component, so when a whole round
changes nothing every node carries the smallest node id of its component. Each step
flags the nodes whose label it lowered (``moved``), so that a round's check reads its
last frame for a flag instead of joining the new labels with the old (two shuffles of
the labels a round, a sixth of the label propagation's shuffle). The label
table is checkpointed after every step, so the lineage stays one step long; rounds grow
like the logarithm of the longest path, not with the number of nodes.

No step is keyed by a whole component. The hook's joins are keyed by node (rows per key:
the node's degree) and its aggregation by label (combined in each partition before the
shuffle: one row per label and partition). The jump is a join keyed by label, where a
large component's root label would send all its nodes to one task: labels held by more
than :data:`HOT_LABEL` nodes (at most ``nodes / HOT_LABEL`` of them) are counted first
(an aggregation, combined before its shuffle) and their nodes look up their label's
label in a broadcast of those few labels, in the task where they already are; the
other nodes' join sends at most ``HOT_LABEL`` rows of one key to a task.

Example (needs a Spark session)::

    >>> edges = spark.createDataFrame([(1, 2), (2, 3), (7, 9)], "u long, v long")  # doctest: +SKIP
    >>> sorted(connected_components(edges).collect())  # doctest: +SKIP
    [Row(node=1, comp=1), Row(node=2, comp=1), Row(node=3, comp=1), Row(node=7, comp=7), Row(node=9, comp=7)]
"""

from __future__ import annotations

from typing import Any

from ..errors import NasabError
from ..resolution.stages import MAX_COMPONENT

__all__ = ["HOT_LABEL", "JUMPS", "MAX_ROUNDS", "connected_components", "freeze", "hot_keys"]

#: Pointer jumps per round (each halves the distance of a node to its root).
JUMPS = 2

#: Rounds after which the computation is declared broken (log2 of any real path).
MAX_ROUNDS = 64

#: Nodes above which a label is hot: its nodes take their new label from a broadcast of
#: the hot labels instead of a join keyed by label, so a shuffle sends at most this many
#: rows of one component to one task (and the broadcast holds at most nodes / HOT_LABEL
#: labels). The size of a piece (``MAX_COMPONENT``) is the natural scale, so it is that.
HOT_LABEL = MAX_COMPONENT


def freeze(df: Any) -> Any:
    """Materialise a DataFrame and cut its lineage; the frozen frame's size estimate is
    the size of its rows.

    A reliable checkpoint when the session has a checkpoint directory (set one on a
    cluster: ``spark.sparkContext.setCheckpointDir``, or ``spark.checkpoint.dir``), else
    a local checkpoint. Public API only, so it runs the same on Spark Connect.

    Spark gives a checkpoint the size estimate of the plan it cut, and estimates a
    join's size as the product of its inputs'. Frames frozen round after round (the
    components, then the stages that join them) would so get estimates whose digits
    double each round, and the query planner stalls multiplying numbers of millions of
    digits (seen on 20,000 names: minutes in ``BigInteger.multiplyToomCook3``, no job
    running). The frame is therefore cached before it is checkpointed: the plan the
    checkpoint cuts is then a scan of the cache, whose estimate, once the checkpoint's
    job has filled it, is the bytes actually cached. The cache is dropped afterwards
    (the checkpoint keeps its own copy).
    """
    from pyspark import StorageLevel

    cached = df.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        if _checkpoint_dir(df.sparkSession):
            return cached.checkpoint(eager=True)
        return cached.localCheckpoint(eager=True)
    finally:
        cached.unpersist()


def _checkpoint_dir(spark: Any) -> str | None:
    """The session's checkpoint directory, if any (on Spark Connect: its configuration)."""
    try:
        context = spark.sparkContext
    except NotImplementedError:  # Spark Connect has no SparkContext on the client
        return spark.conf.get("spark.checkpoint.dir", None)
    return context.getCheckpointDir()


def hot_keys(df: Any, key: str, limit: int) -> Any:
    """The values of ``key`` held by more than ``limit`` rows of ``df``, as a one-column
    frame marked for broadcast (at most ``rows / limit`` values).

    The count is an aggregation, which Spark combines in each partition before its
    shuffle (one row per key and partition): no task receives a key's rows. Joining a
    frame with this one by broadcast finds, in place, the rows of the hot keys.
    """
    from pyspark.sql import functions as F

    counts = df.groupBy(key).agg(F.count(F.lit(1)).alias("_rows"))
    return F.broadcast(counts.where(F.col("_rows") > limit).select(key))


def connected_components(edges: Any, u: str = "u", v: str = "v", *, hot: int = HOT_LABEL) -> Any:
    """``(node, comp)`` for every node of the edges, ``comp`` the smallest node id of its component.

    Args:
        edges: a DataFrame with two columns ``u`` and ``v`` of one orderable type:
            integers, or structs (``nasab.spark.resolve`` runs a window of cut levels at
            once with ``(level, node)`` ends; ``comp`` is then the smallest end, of its
            level).
        u: name of the first column.
        v: name of the second column.
        hot: nodes above which a label's nodes jump by broadcast (:data:`HOT_LABEL`);
            the labels are the same for any value.

    Raises:
        NasabError: no fixed point after :data:`MAX_ROUNDS` rounds (a bug, not bad input).
    """
    from pyspark.sql import functions as F

    e = freeze(edges.select(F.col(u).alias("a"), F.col(v).alias("b")).where("a != b").distinct())
    ends = e.select(F.col("a").alias("node")).union(e.select(F.col("b").alias("node")))
    label = freeze(ends.distinct().withColumn("label", F.col("node")))
    for _ in range(MAX_ROUNDS):
        new = freeze(_hook(e, label))
        for _ in range(JUMPS):
            new = freeze(_jump(new, hot))  # frozen: the jump reads its input three times
        label = new.select("node", "label")
        if new.where(F.col("moved")).isEmpty():  # labels only fall: none fell, none moved
            return label.withColumnRenamed("label", "comp")
    raise NasabError(f"connected components found no fixed point in {MAX_ROUNDS} rounds")


def _hook(e: Any, label: Any) -> Any:
    """Each edge end's label takes the smaller of the edge's two labels; ``moved`` flags
    the nodes whose label fell."""
    from pyspark.sql import functions as F

    la = label.select(F.col("node").alias("a"), F.col("label").alias("la"))
    lb = label.select(F.col("node").alias("b"), F.col("label").alias("lb"))
    x = e.join(la, "a").join(lb, "b").select("la", "lb", F.least("la", "lb").alias("low"))
    props = (
        x.select(F.col("la").alias("node"), "low")
        .union(x.select(F.col("lb").alias("node"), "low"))
        .groupBy("node")
        .agg(F.min("low").alias("low"))
    )
    return label.join(props, "node", "left").select(
        "node",
        F.least("label", F.coalesce("low", "label")).alias("label"),
        F.coalesce(F.col("low") < F.col("label"), F.lit(False)).alias("moved"),
    )


def _jump(label: Any, hot: int = HOT_LABEL) -> Any:
    """Every node takes its label's label: the nodes of a hot label (more than ``hot``
    nodes) from a broadcast of the hot labels' labels, the others by a join keyed by
    label (at most ``hot`` rows a key). ``moved`` stays set, and is set where the label
    fell."""
    from pyspark.sql import functions as F

    up = label.select(F.col("node").alias("label"), F.col("label").alias("up"))
    hot_up = F.broadcast(hot_keys(label, "label", hot).join(up, "label"))
    tagged = label.join(hot_up.withColumnRenamed("up", "hot_up"), "label", "left")
    via_hot = tagged.where(F.col("hot_up").isNotNull()).select(
        "node",
        F.col("hot_up").alias("label"),
        (F.col("moved") | (F.col("hot_up") != F.col("label"))).alias("moved"),
    )
    cold = tagged.where(F.col("hot_up").isNull()).select("node", "label", "moved")
    looked = cold.join(up, "label").select(
        "node",
        F.col("up").alias("label"),
        (F.col("moved") | (F.col("up") != F.col("label"))).alias("moved"),
    )
    return via_hot.union(looked)
