"""Typed rows in the formats data people use: Parquet (pyarrow), pandas and polars.

Alias tables (:meth:`nasab.aliases.AliasTable.to_parquet`, ``to_polars``...) and
resolution outputs (:func:`resolution_rows`) are lists of rows with string columns and
a few integer columns. This module writes and reads such rows losslessly: every string
comes back as it went in (tabs, quotes, newlines, both scripts, empty strings), integers
stay integers, and a bad file or frame is refused with the file, row and column named.

pyarrow (the ``parquet`` extra), pandas (``pandas``) and polars (``polars``) are imported
only when used; without them :class:`~nasab.errors.ExtraMissingError` names the extra.

Example:
    >>> res_rows = [{"record_id": "r0", "name": "علي\\tحسن", "kind": "person",
    ...              "entity_id": "nsb-1", "canonical_latin": "", "canonical_arabic": "علي حسن"}]
    >>> check_rows(res_rows, RESOLUTION_COLUMNS, where="rows")[0]["name"]
    'علي\\tحسن'
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import DataFileError, ExtraMissingError, InputError
from .files import atomic_write

__all__ = [
    "RESOLUTION_COLUMNS",
    "check_rows",
    "from_pandas",
    "from_polars",
    "read_parquet",
    "read_resolution",
    "require_columns",
    "resolution_rows",
    "to_pandas",
    "to_polars",
    "write_parquet",
    "write_resolution",
]

#: Columns of a resolution output: one row per input name, in input order.
RESOLUTION_COLUMNS = (
    "record_id",
    "name",
    "kind",
    "entity_id",
    "canonical_latin",
    "canonical_arabic",
)

#: Key of the schema metadata that names the layout of a Parquet file.
META_KEY = b"nasab"


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExtraMissingError("Parquet files", "parquet", "pyarrow") from None
    return pa, pq


def _polars() -> Any:
    try:
        import polars as pl
    except ImportError:
        raise ExtraMissingError("polars DataFrames", "polars", "polars") from None
    return pl


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ExtraMissingError("pandas DataFrames", "pandas", "pandas") from None
    return pd


def check_rows(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    ints: Iterable[str] = (),
    where: str = "rows",
    error: type[Exception] = InputError,
) -> list[dict[str, Any]]:
    """Rows with exactly ``columns``: strings, or non-negative integers for ``ints``.

    Args:
        rows: the rows (mappings).
        columns: the columns every row must have.
        ints: the integer columns.
        where: the file or frame, for messages.
        error: :class:`~nasab.errors.InputError` or :class:`~nasab.errors.DataFileError`.

    Raises:
        InputError or DataFileError: a missing column or a value of the wrong type; the
            message names ``where``, the row (1-based) and the column.
    """
    int_cols = set(ints)
    out = []
    for n, row in enumerate(rows, start=1):
        clean = {}
        for c in columns:
            v = row.get(c) if isinstance(row, Mapping) else None
            ok = (
                isinstance(v, int) and not isinstance(v, bool) and v >= 0
                if c in int_cols
                else isinstance(v, str)
            )
            if not ok:
                kind = "a non-negative integer" if c in int_cols else "a string"
                msg = f"row {n}, column {c}: expected {kind}, got {v!r}"
                raise (
                    DataFileError(msg, path=where)
                    if error is DataFileError
                    else error(f"{where}: {msg}")
                )
            clean[c] = v
        out.append(clean)
    return out


def write_parquet(
    rows: Sequence[Mapping[str, Any]],
    path: str | os.PathLike[str],
    columns: Sequence[str],
    *,
    ints: Iterable[str] = (),
    layout: str = "rows",
) -> None:
    """Write rows to a Parquet file atomically (string columns, int64 for ``ints``).

    ``layout`` is stored in the schema metadata and checked by :func:`read_parquet`.

    Raises:
        ExtraMissingError: pyarrow is not installed (the ``parquet`` extra).
        InputError: a row lacks a column or holds a wrong type.
        DataFileError: the file cannot be written.
    """
    pa, pq = _pyarrow()
    int_cols = set(ints)
    rows = check_rows(rows, columns, ints=int_cols)
    schema = pa.schema(
        [(c, pa.int64() if c in int_cols else pa.string()) for c in columns],
        metadata={META_KEY: layout.encode("utf-8")},
    )
    table = pa.table({c: [r[c] for r in rows] for c in columns}, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    atomic_write(path, buf.getvalue())


def read_parquet(
    path: str | os.PathLike[str],
    columns: Sequence[str],
    *,
    ints: Iterable[str] = (),
    layout: str | None = None,
) -> list[dict[str, Any]]:
    """Read rows written by :func:`write_parquet` (or any Parquet file with these columns).

    Raises:
        ExtraMissingError: pyarrow is not installed.
        DataFileError: missing or unreadable file, not Parquet, another layout, a missing
            column, a null or a wrong type; the message names file, row and column.
    """
    pa, pq = _pyarrow()
    where = str(path)
    try:
        table = pq.read_table(Path(path))
    except FileNotFoundError:
        raise DataFileError("cannot read: no such file", path=where) from None
    except (OSError, pa.ArrowException) as exc:
        raise DataFileError(f"not a readable Parquet file ({exc})", path=where) from None
    meta = (table.schema.metadata or {}).get(META_KEY)
    if layout is not None and meta is not None and meta.decode("utf-8", "replace") != layout:
        raise DataFileError(
            f"holds {meta.decode('utf-8', 'replace')!r} rows, not {layout!r}", path=where
        )
    missing = [c for c in columns if c not in table.column_names]
    if missing:
        raise DataFileError(f"missing column(s): {', '.join(missing)}", path=where)
    return check_rows(
        table.select(list(columns)).to_pylist(),
        columns,
        ints=ints,
        where=where,
        error=DataFileError,
    )


def to_polars(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, ints: Iterable[str] = ()
) -> Any:
    """Rows as a polars DataFrame (``String`` columns, ``Int64`` for ``ints``)."""
    pl = _polars()
    int_cols = set(ints)
    schema = {c: pl.Int64 if c in int_cols else pl.String for c in columns}
    return pl.DataFrame({c: [r[c] for r in rows] for c in columns}, schema=schema)


def require_columns(present: Iterable[str], columns: Sequence[str]) -> None:
    """Raise :class:`InputError` naming the ``columns`` a DataFrame lacks.

    Example:
        >>> require_columns(["name", "kind"], ["name"])
    """
    have = set(present)
    missing = [c for c in columns if c not in have]
    if missing:
        raise InputError(f"DataFrame lacks column(s): {', '.join(missing)}")


def from_polars(
    df: Any, columns: Sequence[str], *, ints: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Rows of a polars DataFrame with (at least) ``columns``; see :func:`check_rows`."""
    pl = _polars()
    if not isinstance(df, pl.DataFrame):
        raise InputError(f"expected a polars DataFrame, got {type(df).__name__}")
    require_columns(df.columns, columns)
    return check_rows(df.select(list(columns)).to_dicts(), columns, ints=ints, where="DataFrame")


def to_pandas(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, ints: Iterable[str] = ()
) -> Any:
    """Rows as a pandas DataFrame (object columns for text, int64 for ``ints``)."""
    pd = _pandas()
    df = pd.DataFrame([{c: r[c] for c in columns} for r in rows], columns=list(columns))
    return df.astype({c: "int64" for c in ints})


def from_pandas(
    df: Any, columns: Sequence[str], *, ints: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Rows of a pandas DataFrame with (at least) ``columns``; see :func:`check_rows`."""
    pd = _pandas()
    if not isinstance(df, pd.DataFrame):
        raise InputError(f"expected a pandas DataFrame, got {type(df).__name__}")
    require_columns(df.columns, columns)
    int_cols = set(ints)
    rows = [
        {c: (int(v) if c in int_cols and hasattr(v, "__index__") else v) for c, v in r.items()}
        for r in df[list(columns)].to_dict(orient="records")
    ]
    return check_rows(rows, columns, ints=int_cols, where="DataFrame")


# ---------------------------------------------------------------- resolution outputs


def resolution_rows(res: Any) -> list[dict[str, Any]]:
    """One row per input name of a :class:`~nasab.resolution.Resolution`, in input order.

    Columns: :data:`RESOLUTION_COLUMNS` (``canonical_*`` are '' when the entity has no
    name in that script).

    Example:
        >>> import nasab
        >>> rows = resolution_rows(nasab.resolve(["Mustafa Al-Kazemi", "مصطفى الكاظمي"]))
        >>> rows[0]["entity_id"] == rows[1]["entity_id"], rows[1]["canonical_arabic"]
        (True, 'مصطفى الكاظمي')
    """
    out = []
    for i, record in enumerate(res.records):
        e = res.entity_of(i)
        out.append(
            {
                "record_id": str(record.id),
                "name": record.name,
                "kind": e.kind,
                "entity_id": e.id,
                "canonical_latin": e.canonical.get("latin", ""),
                "canonical_arabic": e.canonical.get("arabic", ""),
            }
        )
    return out


def write_resolution(res: Any, path: str | os.PathLike[str]) -> None:
    """Write a resolution's rows (:func:`resolution_rows`) to a Parquet file."""
    write_parquet(resolution_rows(res), path, RESOLUTION_COLUMNS, layout="resolution")


def read_resolution(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read the rows written by :func:`write_resolution`."""
    return read_parquet(path, RESOLUTION_COLUMNS, layout="resolution")
