"""Input records for resolution: :class:`Record` and the coercion of plain inputs.

Example:
    >>> recs = as_records(["Mustafa al-Kadhimi", {"name": "مصطفى الكاظمي", "id": "x1"}])
    >>> [(r.id, r.name, r.kind) for r in recs]
    [('r0', 'Mustafa al-Kadhimi', 'person'), ('x1', 'مصطفى الكاظمي', 'person')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..errors import InputError
from ..text import MAX_NAME_LENGTH, MAX_NAME_TOKENS

__all__ = ["KINDS", "Record", "as_records"]

#: The kinds of entity that can be resolved.
KINDS = ("person", "organization")

_FIELDS = ("id", "name", "kind", "language", "country", "source", "role")


#: The attributes of a record given none: one read-only empty mapping for all records.
_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Record:
    """One name to resolve, with optional context.

    Attributes:
        id: unique identifier of the record (judgements may refer to it).
        name: the name as written, in any script.
        kind: ``person`` or ``organization``; names of different kinds never merge.
        language: language of the source, if known (``ar``, ``en``...).
        country: country the record is about, if known (kept, not used for matching: a
            body's country is evidence given as an attribute, ``jurisdiction`` or
            ``address_country``; see :mod:`nasab.resolution.attributes`).
        source: where the name comes from (document, list...).
        role: role or title seen with the name.
        attrs: any other attributes: those :func:`nasab.resolution.attributes.facts_of`
            reads (dates of birth, nationality, gender, identifiers, a body's countries...)
            are evidence; the rest are kept, not used for matching.
    """

    id: str
    name: str
    kind: str = "person"
    language: str | None = None
    country: str | None = None
    source: str | None = None
    role: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=lambda: _NO_ATTRS)

    def __post_init__(self) -> None:
        _validate(self, None)


def _validate(rec: Record, index: int | None) -> None:
    where = f"record {index} ({rec.id!r})" if index is not None else f"record {rec.id!r}"
    if not isinstance(rec.id, str) or not rec.id:
        raise InputError(f"{where}: id must be a non-empty string, got {rec.id!r}")
    if not isinstance(rec.name, str):
        raise InputError(f"{where}: name must be a string, got {type(rec.name).__name__}")
    if not rec.name.strip():
        raise InputError(f"{where}: name is empty or whitespace only")
    if len(rec.name) > MAX_NAME_LENGTH:
        raise InputError(
            f"{where}: name is {len(rec.name):,} characters long; the limit is {MAX_NAME_LENGTH:,}"
        )
    words = len(rec.name.split())
    if words > MAX_NAME_TOKENS:
        raise InputError(f"{where}: name has {words:,} words; the limit is {MAX_NAME_TOKENS:,}")
    if rec.kind not in KINDS:
        raise InputError(f"{where}: kind must be one of {KINDS}, got {rec.kind!r}")
    for name in ("language", "country", "source", "role"):
        value = getattr(rec, name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"{where}: {name} must be a string or None, got {type(value).__name__}"
            )


def _coerce(item: object, index: int, kind: str | None) -> Record:
    default_kind = kind or "person"
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        if not item.strip():
            raise InputError(f"input {index}: name is empty or whitespace only")
        return Record(id=f"r{index}", name=item, kind=default_kind)
    if isinstance(item, Mapping):
        if "name" not in item:
            raise InputError(
                f"input {index}: a record dict needs a 'name' key (got keys {sorted(map(str, item))})"
            )
        rid = item.get("id", f"r{index}")
        if isinstance(rid, int) and not isinstance(rid, bool):
            rid = str(rid)
        name = item["name"]
        if not isinstance(name, str):
            raise InputError(f"input {index}: name must be a string, got {type(name).__name__}")
        if not name.strip():
            raise InputError(f"input {index} ({rid!r}): name is empty or whitespace only")
        extra = {k: v for k, v in item.items() if k not in _FIELDS and k != "attrs"}
        attrs = dict(item.get("attrs") or {}) | extra
        try:
            return Record(
                id=rid,
                name=name,
                kind=item.get("kind") or default_kind,
                language=item.get("language"),
                country=item.get("country"),
                source=item.get("source"),
                role=item.get("role"),
                attrs=MappingProxyType(attrs),
            )
        except InputError as exc:
            raise InputError(f"input {index}: {exc}") from None
    got = "None" if item is None else type(item).__name__
    raise InputError(f"input {index}: expected a name string, a dict or a Record, got {got}")


def as_records(items: Iterable[object], *, kind: str | None = None, start: int = 0) -> list[Record]:
    """Turn names, dicts or :class:`Record` objects into records.

    Strings get the id ``r<index>``; ``kind`` (if given) applies to strings and to
    dicts that do not name their own kind.

    Raises:
        InputError: an item has the wrong type or an empty name, or ``kind`` is unknown.
    """
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InputError(f"expected a list of names or records, got {type(items).__name__}")
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind must be one of {KINDS} or None, got {kind!r}")
    return [_coerce(item, start + i, kind) for i, item in enumerate(items)]
