"""Human judgements: two names (or records) are, or are not, the same entity.

Judgements always win over scores. They refer to records by id (``by="id"``) or to
every record carrying a name (``by="name"``, compared after normalisation).

Example:
    >>> j = Judgements().same("Abu Ali", "Ali Hassan").not_same("r1", "r2", by="id")
    >>> len(j)
    2
    >>> [(x.a, x.b, x.same, x.by) for x in j]
    [('Abu Ali', 'Ali Hassan', True, 'name'), ('r1', 'r2', False, 'id')]
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError, InputError
from ..files import atomic_write

__all__ = ["Judgement", "JudgementConflictError", "Judgements"]

_FORMAT = "nasab-judgements-1"


class JudgementConflictError(InputError):
    """Judgements contradict each other (A same B, B same C, but A not-same C)."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """One judgement: ``a`` and ``b`` are (``same``) or are not the same entity."""

    a: str
    b: str
    same: bool
    by: str = "name"


class Judgements:
    """An ordered collection of judgements; a later judgement on a pair replaces an earlier one."""

    def __init__(self, items: Iterable[Judgement] = ()) -> None:
        self._items: dict[tuple[str, str, str], Judgement] = {}
        for item in items:
            self._add(item.a, item.b, item.same, item.by)

    def _add(self, a: object, b: object, same: bool, by: str) -> Judgements:
        if by not in ("name", "id"):
            raise InputError(f"judgement 'by' must be 'name' or 'id', got {by!r}")
        for value, what in ((a, "first"), (b, "second")):
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"judgement {what} {by} must be a non-empty string, got {value!r}")
        assert isinstance(a, str) and isinstance(b, str)
        if a == b:
            raise InputError(f"a judgement needs two different {by}s, got {a!r} twice")
        key = (by, *sorted((a, b)))
        self._items.pop(key, None)  # re-insert so that order reflects the latest call
        self._items[key] = Judgement(a, b, bool(same), by)  # type: ignore[arg-type]
        return self

    def same(self, a: str, b: str, *, by: str = "name") -> Judgements:
        """Record that ``a`` and ``b`` are the same entity; returns ``self``."""
        return self._add(a, b, True, by)

    def not_same(self, a: str, b: str, *, by: str = "name") -> Judgements:
        """Record that ``a`` and ``b`` are different entities; returns ``self``."""
        return self._add(a, b, False, by)

    def __iter__(self) -> Iterator[Judgement]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Judgements) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Judgements({list(self)!r})"

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the judgements as JSON, atomically (temporary file, then rename)."""
        path = Path(path)
        data = {
            "format": _FORMAT,
            "judgements": [{"a": j.a, "b": j.b, "same": j.same, "by": j.by} for j in self],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        atomic_write(path, text)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Judgements:
        """Read judgements written by :meth:`save`.

        Raises:
            DataFileError: the file is missing, not JSON, or not a judgements file.
        """
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"cannot read judgements: {exc.strerror}", path=str(path)) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFileError(exc.msg, path=str(path), line=exc.lineno) from exc
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise DataFileError(
                f"not a judgements file (expected format {_FORMAT!r})", path=str(path)
            )
        out = cls()
        for i, item in enumerate(data.get("judgements", [])):
            try:
                out._add(item["a"], item["b"], bool(item["same"]), item.get("by", "name"))
            except (KeyError, TypeError, InputError) as exc:
                raise DataFileError(f"judgement {i} is malformed: {exc}", path=str(path)) from exc
        return out
