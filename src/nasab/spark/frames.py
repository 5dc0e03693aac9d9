"""What every Spark entry point checks first: the extra, the columns, the rows.

Example:
    >>> row_problem("  ", "person")
    'empty name'
    >>> row_problem("Ali Hassan", "person") is None
    True
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any

from ..errors import ExtraMissingError, InputError
from ..resolution import Record

__all__ = [
    "PROBLEM_COL",
    "check_columns",
    "check_free",
    "require_spark",
    "row_problem",
    "warn_problems",
]

_NUMBER = re.compile(r"\d[\d,]*")

#: Helper column naming why a row has no entity (null when it has one).
PROBLEM_COL = "_nasab_problem"


def require_spark() -> Any:
    """The ``pyspark.sql.functions`` module, or :class:`ExtraMissingError`.

    Raises:
        ExtraMissingError: PySpark or pyarrow is not installed.
    """
    try:
        import pyarrow  # noqa: F401
        from pyspark.sql import functions
    except ImportError as exc:
        raise ExtraMissingError("nasab.spark", "spark", exc.name or "pyspark") from exc
    return functions


def check_columns(
    df: Any, strings: Iterable[str | None], others: Iterable[str | None] = ()
) -> None:
    """Refuse a DataFrame that lacks a column, or whose ``strings`` columns are not strings.

    Raises:
        InputError: naming the column and what is wrong with it.
    """
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StringType

    if not isinstance(df, DataFrame):
        raise InputError(f"expected a Spark DataFrame, got {type(df).__name__}")
    types = {f.name: f.dataType for f in df.schema.fields}
    for col in [*strings, *others]:
        if col is not None and col not in types:
            raise InputError(f"column {col!r} is not in the DataFrame (columns: {sorted(types)})")
    for col in strings:
        if col is not None and not isinstance(types[col], StringType):
            raise InputError(
                f"column {col!r} must hold strings, got {types[col].simpleString()}; "
                f"cast it first (df.withColumn({col!r}, df[{col!r}].cast('string')))"
            )


def check_free(df: Any, names: Iterable[str]) -> None:
    """Refuse a DataFrame that already has a column this function would add.

    Raises:
        InputError: naming the column.
    """
    taken = sorted(set(df.columns) & set(names))
    if taken:
        raise InputError(f"the DataFrame already has column(s) {taken}; rename them first")


def row_problem(name: str | None, kind: str | None) -> str | None:
    """Why a row cannot be resolved, or None: :class:`nasab.resolution.Record` decides.

    The reason is the record's own error message, numbers left out (so that rows
    refused for one reason are counted together).
    """
    if name is None:
        return "null name"
    if not name.strip():
        return "empty name"
    try:
        Record("row", name, kind)  # type: ignore[arg-type]
    except InputError as exc:
        return _NUMBER.sub("N", str(exc).split(": ", 1)[-1])
    return None


def warn_problems(counts: dict[str, int], what: str) -> None:
    """Warn once with how many rows were kept without a result, by reason."""
    if counts:
        detail = ", ".join(f"{n:,} {why}" for why, n in sorted(counts.items()))
        warnings.warn(
            f"nasab.spark.{what}: {sum(counts.values()):,} rows kept with a null result ({detail})",
            stacklevel=3,
        )
