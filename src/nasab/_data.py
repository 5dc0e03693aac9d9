"""Access to the tables shipped in ``data/aliases`` (lazily, with caching).

Tables are TSV files whose leading ``#`` lines name their source and licence,
followed by a header row. In a wheel they live in ``nasab/_data/aliases``; in a
source checkout they are read from the repository's ``data/aliases``.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataFileError

__all__ = ["data_path", "load_json", "load_tsv", "load_tsv_header"]


@cache
def _root() -> Path:
    packaged = Path(str(resources.files("nasab"))) / "_data" / "aliases"
    if packaged.is_dir():
        return packaged
    # Source checkout / editable install: <repo>/src/nasab/_data.py -> <repo>/data/aliases
    return Path(__file__).resolve().parents[2] / "data" / "aliases"


def data_path(name: str) -> Path:
    """Return the path of a shipped table, raising if it is missing."""
    path = _root() / name
    if not path.is_file():
        raise DataFileError("shipped data table is missing", path=str(path))
    return path


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Load a shipped TSV table as a tuple of row dicts (comment lines skipped)."""
    path = data_path(name)
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for i, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError("ragged row", path=str(path), line=i)
        rows.append(row)
    return tuple(rows)


@cache
def load_tsv_header(name: str) -> tuple[str, ...]:
    """The leading ``#`` comment lines of a shipped TSV table, without the ``#``."""
    path = data_path(name)
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            out.append(line[1:].strip())
    return tuple(out)


@cache
def load_json(name: str) -> Any:
    """Load a shipped JSON table."""
    path = data_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(exc.msg, path=str(path), line=exc.lineno) from exc
