"""``nasab.spark.link`` and ``nasab.spark.aliases``: alias tables on Spark.

:func:`link` ships the alias table to the workers once (a broadcast of its TSV text,
read back exactly) and links each batch of query rows with :func:`nasab.link`; the
index is built once per worker process. :func:`aliases` groups a resolved DataFrame
by entity and builds each entity's rows with
:meth:`nasab.aliases.AliasTable.from_resolution`, so the rows are those of the
single-machine table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import partial
from types import SimpleNamespace
from typing import Any

from ..aliases import COLUMNS, AliasTable
from ..errors import InputError
from ..linking import link as link_names
from ..match.algorithms import LINK_THRESHOLD
from .frames import check_columns, check_free, require_spark, row_problem, warn_problems

__all__ = ["LINKS_COLUMN", "aliases", "link"]

#: Column :func:`link` adds: the candidates of each query, best first.
LINKS_COLUMN = "links"

_CANDIDATE = ("entity_id", "alias", "canonical", "score", "kind")
_ALIAS_SCHEMA = ", ".join(f"{c} {'long' if c == 'count' else 'string'}" for c in COLUMNS)

# Alias tables already read in this worker process, by the SHA-1 of their text.
_TABLES: dict[str, AliasTable] = {}


def link(
    queries: Any,
    aliases: Any,
    name_col: str = "name",
    *,
    top: int = 3,
    threshold: float = LINK_THRESHOLD,
    kind: str | None = None,
) -> Any:
    """The best entities of an alias table for every query row, as :func:`nasab.link` gives them.

    Args:
        queries: a Spark DataFrame of query rows.
        aliases: an :class:`~nasab.aliases.AliasTable`, or a Spark or pandas DataFrame
            in its columns (at least ``entity_id`` and ``alias``). It is sent to every
            worker, so it must fit in a worker's memory (about 0.8 GiB per million rows
            with its link index, 1.1 GiB while the index is built).
        name_col: the column of query names (strings).
        top: at most this many entities per query.
        threshold: lowest score kept.
        kind: only entities of this kind (None: all).

    Returns:
        The query rows with a ``links`` column: an array of ``(entity_id, alias,
        canonical, score, kind)`` structs, best first (empty when nothing reaches the
        threshold; null for a null or empty name, counted in a warning).

    Raises:
        ExtraMissingError: PySpark or pyarrow is not installed.
        InputError: a column is missing or not strings, or ``top``/``threshold``/
            ``kind`` are out of range (checked as :func:`nasab.link` checks them).
    """
    require_spark()
    check_columns(queries, [name_col])
    check_free(queries, [LINKS_COLUMN])
    table = _as_table(aliases)
    link_names(["x"], AliasTable(), top=top, threshold=threshold, kind=kind)  # checks arguments
    spark = queries.sparkSession
    text = table.dumps("tsv")
    shipped = (hashlib.sha1(text.encode("utf-8")).hexdigest(), spark.sparkContext.broadcast(text))
    schema = _links_schema(queries)
    opts = {"top": top, "threshold": threshold, "kind": kind}
    out = queries.mapInArrow(partial(_link_batches, name_col, shipped, opts), schema)
    problems = _count_problems(queries, name_col)
    warn_problems(problems, "link")
    return out


def _links_schema(queries: Any) -> Any:
    from pyspark.sql.types import ArrayType, DoubleType, StringType, StructField, StructType

    fields = [StructField(c, DoubleType() if c == "score" else StringType()) for c in _CANDIDATE]
    links = StructField(LINKS_COLUMN, ArrayType(StructType(fields)))
    return StructType([*queries.schema.fields, links])


def _as_table(aliases: Any) -> AliasTable:
    if isinstance(aliases, AliasTable):
        return aliases
    if hasattr(aliases, "toPandas"):
        check_columns(aliases, [], ["entity_id", "alias"])
        aliases = aliases.toPandas()
    if hasattr(aliases, "to_dict") and hasattr(aliases, "columns"):
        return AliasTable.from_dataframe(aliases)
    raise InputError(
        f"aliases must be an AliasTable or a DataFrame in its columns, got {type(aliases).__name__}"
    )


def _count_problems(queries: Any, name_col: str) -> dict[str, int]:
    from pyspark.sql import functions as F

    col = F.col(name_col)
    got = queries.select(
        F.sum(col.isNull().cast("long")).alias("null name"),
        F.sum((col.isNotNull() & (F.trim(col) == "")).cast("long")).alias("blank name"),
    ).collect()[0]
    return {k: int(v) for k, v in got.asDict().items() if v}


def _table(shipped: tuple[str, Any]) -> AliasTable:
    key, text = shipped
    got = _TABLES.get(key)
    if got is None:
        _TABLES.clear()
        got = _TABLES[key] = AliasTable.loads(text.value, "tsv")
    return got


def _link_batches(name_col: str, shipped: Any, opts: dict[str, Any], batches: Iterator[Any]) -> Any:
    """Link the usable names of each batch with :func:`nasab.link`; others get null."""
    import pyarrow as pa

    table = _table(shipped)
    for batch in batches:
        names = batch.column(name_col).to_pylist()
        usable = [nm for nm in names if row_problem(nm, "person") is None]
        got = dict(zip(usable, link_names(usable, table, **opts), strict=True)) if usable else {}
        links = [[_candidate(c) for c in got[nm]] if nm in got else None for nm in names]
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, pa.array(links)], names=[*batch.schema.names, LINKS_COLUMN]
        )


def _candidate(c: Any) -> dict[str, Any]:
    return {f: float(c.score) if f == "score" else getattr(c, f) for f in _CANDIDATE}


def aliases(
    resolved: Any,
    name_col: str = "name",
    *,
    kind_col: str | None = None,
    kind: str = "person",
    source_col: str | None = None,
) -> Any:
    """The alias table of a resolution, as a DataFrame that :class:`~nasab.aliases.AliasTable` reads.

    Args:
        resolved: the output of :func:`nasab.spark.resolve` (with ``entity_id`` and
            ``canonical``); rows with a null ``entity_id`` are left out.
        name_col: the column of names.
        kind_col: the column of kinds, if the resolution had one.
        kind: the kind of every row otherwise.
        source_col: a column saying where each name was seen (optional).

    Returns:
        A DataFrame with the :data:`nasab.aliases.COLUMNS` columns, one row per
        (entity, distinct name) plus the canonical names no row spelled so, as
        :meth:`AliasTable.from_resolution` makes them
        (``AliasTable.from_dataframe(df.toPandas())`` reads it).

    Raises:
        InputError: a column is missing or not strings.
    """
    F = require_spark()
    check_columns(resolved, [name_col, kind_col, source_col], ["entity_id", "canonical"])
    rows = resolved.where(F.col("entity_id").isNotNull()).select(
        "entity_id",
        "canonical",
        F.col(name_col).alias("name"),
        (F.col(kind_col) if kind_col else F.lit(kind)).alias("kind"),
        (F.col(source_col) if source_col else F.lit(None).cast("string")).alias("source"),
    )
    return rows.groupBy("entity_id").applyInPandas(_entity_aliases, _ALIAS_SCHEMA)


def _entity_aliases(rows: Any) -> Any:
    """The rows of one entity, by :meth:`AliasTable.from_resolution`."""
    rows = rows.sort_values(["name", "source"], na_position="first", kind="stable")
    first = rows.iloc[0]
    canonical = dict(first["canonical"]) if first["canonical"] is not None else {}
    records = [
        SimpleNamespace(name=nm, source=src if isinstance(src, str) else None)
        for nm, src in zip(rows["name"], rows["source"], strict=True)
    ]
    entity = SimpleNamespace(
        id=first["entity_id"], kind=first["kind"], canonical=canonical, members=range(len(records))
    )
    table = AliasTable.from_resolution(SimpleNamespace(entities=[entity], records=records))
    return table.to_dataframe()
