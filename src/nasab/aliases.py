"""Alias tables: one row per (entity, alias), in files, DataFrames and notebooks.

An :class:`AliasTable` is what :func:`nasab.resolution` leaves behind for later use:
every spelling seen for every entity, in both scripts, with what kind of alias it
is (a spelling variant, a transliteration, a translation, an acronym, a kunya, a
previous name, or the canonical name), where it came from and how often.

Tables are saved as TSV, CSV or JSON (the format comes from the file suffix) and
load back exactly as they were saved; writes are atomic. Hand corrections
(:meth:`AliasTable.add_alias`, :meth:`AliasTable.merge_entities`,
:meth:`AliasTable.split_entity`...) are logged in :attr:`AliasTable.edits` so they
can be replayed on a table rebuilt from new data.

Example:
    >>> t = AliasTable()
    >>> t.add_alias("E1", "Mustafa al-Kadhimi", alias_kind="canonical")
    >>> t.add_alias("E1", "مصطفى الكاظمي", alias_kind="transliteration")
    >>> t.add_alias("E1", "Mustafa Al-Kazemi")
    >>> len(t), t.entities()
    (3, ['E1'])
    >>> [(c.entity_id, c.alias, c.score) for c in t.lookup("مصطفى الكاظمي")]
    [('E1', 'مصطفى الكاظمي', 1.0)]
    >>> t.lookup("Mustapha al-Kazimi")[0].entity_id
    'E1'
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from ._columns import RECENT_MAX, Growable, PoolView, StringPool
from .errors import DataFileError, ExtraMissingError, InputError
from .files import atomic_write
from .jsonread import JsonText
from .lexicon import word_set
from .match.algorithms import LINK_THRESHOLD
from .text import detect_script, normalize

if TYPE_CHECKING:  # pragma: no cover
    from .linking import Candidate, LinkIndex

__all__ = ["ALIAS_KINDS", "COLUMNS", "FORMAT_VERSION", "AliasRow", "AliasTable", "tsv_escape"]

#: Column order of every file format.
COLUMNS = (
    "entity_id",
    "kind",
    "canonical_latin",
    "canonical_arabic",
    "alias",
    "script",
    "alias_kind",
    "source",
    "count",
)

#: The kinds of alias a row may record.
ALIAS_KINDS = (
    "canonical",
    "spelling variant",
    "transliteration",
    "translation",
    "acronym",
    "kunya",
    "previous name",
)

_KINDS = ("person", "organization")
_SCRIPTS = ("arabic", "latin", "mixed", "other")
_CHOICES = {"kind": _KINDS, "script": _SCRIPTS, "alias_kind": ALIAS_KINDS}
#: Columns held as codes into the shared pool of names.
_NAME_COLUMNS = ("alias", "canonical_latin", "canonical_arabic")
_DTYPES = {
    c: np.uint8 if c in _CHOICES else np.int64 if c == "count" else np.int32 for c in COLUMNS
}
#: Rows read from a file are added to the columns this many at a time.
_LOAD_CHUNK = 50_000
_FORMAT_NAME = "nasab-alias-table"
#: Version of the file layout written by :meth:`AliasTable.save`.
FORMAT_VERSION = 1
_FORMATS = {".tsv": "tsv", ".tab": "tsv", ".csv": "csv", ".json": "json", ".parquet": "parquet"}
_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TSV_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


@dataclass(slots=True)
class AliasRow:
    """One (entity, alias) row of an :class:`AliasTable`.

    Attributes:
        entity_id: the entity's stable id.
        kind: ``person`` or ``organization``.
        canonical_latin: the entity's canonical name in Latin script ('' if none).
        canonical_arabic: the entity's canonical name in Arabic script ('' if none).
        alias: the alias as written.
        script: ``arabic``, ``latin``, ``mixed`` or ``other`` (of the alias).
        alias_kind: one of :data:`ALIAS_KINDS`.
        source: where the alias was seen ('' if unknown).
        count: how many times it was seen.
    """

    entity_id: str
    kind: str
    canonical_latin: str
    canonical_arabic: str
    alias: str
    script: str
    alias_kind: str
    source: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        """The row as a plain dict, in :data:`COLUMNS` order."""
        return asdict(self)


def _script(alias: str) -> str:
    s = detect_script(alias)
    return s if s in _SCRIPTS else "other"


def _version() -> str:
    from . import __version__

    return __version__


def _initials(text: str) -> str:
    stop = word_set("initials_stop")
    out = []
    for tok in normalize(text).split():
        if tok in stop:
            continue
        if tok.startswith("وال") and len(tok) > 4:
            tok = tok[3:]
        elif tok.startswith("ال") and len(tok) > 3:
            tok = tok[2:]
        out.append(tok[0])
    return "".join(out)


def classify_alias(
    alias: str, canonical_latin: str, canonical_arabic: str, kind: str = "person"
) -> str:
    """Guess the kind of an alias relative to the entity's canonical names.

    Args:
        alias: the alias.
        canonical_latin: canonical Latin-script name ('' if none).
        canonical_arabic: canonical Arabic-script name ('' if none).
        kind: ``person`` or ``organization``.

    Returns:
        One of :data:`ALIAS_KINDS`.

    Example:
        >>> classify_alias("Mustafa Al-Kazemi", "Mustafa al-Kadhimi", "مصطفى الكاظمي")
        'spelling variant'
        >>> classify_alias("مصطفى الكاظمي", "Mustafa al-Kadhimi", "مصطفى الكاظمي")
        'canonical'
        >>> classify_alias("Abu Ahmed", "Mustafa al-Kadhimi", "")
        'kunya'
        >>> classify_alias("UN", "United Nations", "", kind="organization")
        'acronym'
    """
    if alias in (canonical_latin, canonical_arabic):
        return "canonical"
    norm = normalize(alias)
    if norm and norm in (normalize(canonical_latin or " "), normalize(canonical_arabic or " ")):
        return "spelling variant"
    script = _script(alias)
    compact = norm.replace(" ", "")
    if 2 <= len(compact) <= 8 and " " not in alias.strip():
        for canon in (canonical_latin, canonical_arabic):
            if (
                canon
                and _script(canon) == script
                and len(canon.split()) >= 2
                and _initials(canon) == compact
            ):
                return "acronym"
    if kind == "person":
        try:
            from .names import parse_name

            parsed = parse_name(alias)
            if parsed.kunya and not parsed.tokens:
                return "kunya"
        except InputError:
            pass
    same_script = canonical_latin if script != "arabic" else canonical_arabic
    if same_script:
        return "spelling variant"
    if kind == "organization":
        other = canonical_arabic if script != "arabic" else canonical_latin
        if other:
            from .match import compare

            try:
                if compare(alias, other, kind="organization").score < _SAME_ORG_SCORE:
                    return "translation"
            except InputError:
                return "translation"
    return "transliteration"


#: An organisation alias in the other script scoring below this is a translation.
_SAME_ORG_SCORE = 0.5


class AliasTable:
    """A table of entities and their aliases, one row per (entity, alias).

    Args:
        rows: rows to start with (:class:`AliasRow` objects or dicts with the
            :data:`COLUMNS` keys; missing optional keys get defaults).

    Raises:
        InputError: a row is not usable, or an (entity, alias) pair repeats.

    Example:
        >>> t = AliasTable([{"entity_id": "E1", "alias": "Jassim al-Mazroui"}])
        >>> row = next(iter(t))
        >>> row.kind, row.script, row.alias_kind, row.count
        ('person', 'latin', 'canonical', 1)
    """

    def __init__(self, rows: Iterable[AliasRow | dict[str, Any]] = ()) -> None:
        self._init_columns()
        #: Every edit made through the editing methods, as replayable dicts.
        self.edits: list[dict[str, Any]] = []
        self._cache: dict[str, Any] = {}
        self._extend([self._coerce(row) for row in rows])

    # --------------------------------------------------------------- storage
    #
    # The rows are held in columns (nasab._columns): entity ids, names (alias and
    # canonical names share one pool) and sources as int32 codes into packed string
    # pools; kind, script and alias kind as uint8 codes; counts as int64. The
    # (entity, alias) pairs are found through a sorted int64 array of pair keys.

    def _init_columns(self) -> None:
        self._ents = StringPool()
        self._names = StringPool()
        self._sources = StringPool()
        self._col = {c: Growable(_DTYPES[c]) for c in COLUMNS}
        self._keys: tuple[np.ndarray, np.ndarray] | None = None  # sorted pair keys, rows
        self._recent: dict[int, int] = {}  # pair keys of rows added since, -> row

    def _pool(self, column: str) -> StringPool | None:
        if column == "entity_id":
            return self._ents
        if column == "source":
            return self._sources
        return self._names if column in _NAME_COLUMNS else None

    def _encode(self, column: str, value: Any) -> int:
        pool = self._pool(column)
        if pool is not None:
            return pool.code(value)
        if column == "count":
            return value
        return _CHOICES[column].index(value)

    def _value(self, column: str, code: int) -> Any:
        pool = self._pool(column)
        if pool is not None:
            return pool[code]
        return code if column == "count" else _CHOICES[column][code]

    def _row(self, i: int) -> AliasRow:
        return AliasRow(*(self._value(c, int(self._col[c].view()[i])) for c in COLUMNS))

    def _pair_key(self, entity_id: str, alias: str) -> int | None:
        e, a = self._ents.find(entity_id), self._names.find(alias)
        return None if e < 0 or a < 0 else (e << 32) | a

    def _pair_keys(self) -> np.ndarray:
        ents = self._col["entity_id"].view().astype(np.int64)
        return (ents << 32) | self._col["alias"].view().astype(np.int64)

    def _find(self, entity_id: str, alias: str) -> int | None:
        """The row of an (entity, alias) pair, or None."""
        key = self._pair_key(entity_id, alias)
        if key is None:
            return None
        got = self._recent.get(key)
        if got is not None:
            return got
        if self._keys is None:
            keys = self._pair_keys()
            order = np.argsort(keys, kind="stable")
            self._keys, self._recent = (keys[order], order), {}
        keys, rows = self._keys
        pos = int(np.searchsorted(keys, key))
        return int(rows[pos]) if pos < len(keys) and keys[pos] == key else None

    def _append(self, row: AliasRow) -> None:
        if self._find(row.entity_id, row.alias) is not None:
            raise InputError(f"duplicate row for entity {row.entity_id!r} and alias {row.alias!r}")
        for c in COLUMNS:
            self._col[c].append(self._encode(c, getattr(row, c)))
        key = self._pair_key(row.entity_id, row.alias)
        assert key is not None
        self._recent[key] = len(self) - 1
        if len(self._recent) > max(RECENT_MAX, len(self) // 8):
            self._keys, self._recent = None, {}
        self._cache.clear()

    def _extend(self, rows: Sequence[AliasRow], lines: Sequence[int] | None = None) -> None:
        """Add many checked rows at once; a repeated (entity, alias) pair raises.

        Raises:
            InputError: a pair repeats (``lines`` None).
            DataFileError: a pair repeats; the message gives both lines.
        """
        start = len(self)
        self._add_rows(rows)
        self._check_pairs(start, lines)

    def _add_rows(self, rows: Sequence[AliasRow]) -> None:
        """Add checked rows, leaving the (entity, alias) check to :meth:`_check_pairs`."""
        for c in COLUMNS:
            pool = self._pool(c)
            if pool is not None:
                self._col[c].extend(pool.codes(getattr(r, c) for r in rows))
            elif c == "count":
                self._col[c].extend(np.fromiter((r.count for r in rows), np.int64, len(rows)))
            else:
                index = {v: i for i, v in enumerate(_CHOICES[c])}
                self._col[c].extend(
                    np.fromiter((index[getattr(r, c)] for r in rows), np.uint8, len(rows))
                )
        self._keys, self._recent = None, {}
        self._cache.clear()

    def _check_pairs(self, start: int, lines: Sequence[int] | None) -> None:
        """Raise on the first repeated (entity, alias) pair of the rows from ``start`` on
        (they are taken back out first); ``lines`` gives those rows' file lines."""
        keys = self._pair_keys()
        uniq, first = np.unique(keys, return_index=True)
        if len(uniq) == len(keys):
            return
        # The first repeat in row order, and the row it repeats.
        dup = np.ones(len(keys), dtype=bool)
        dup[first] = False
        second = int(np.flatnonzero(dup)[0])
        earlier = int(np.flatnonzero(keys == keys[second])[0])
        row = self._row(second)
        for c in COLUMNS:
            self._col[c].keep(np.arange(start))
        self._keys = None
        if lines is None:
            raise InputError(f"duplicate row for entity {row.entity_id!r} and alias {row.alias!r}")
        raise DataFileError(
            f"duplicate row for entity {row.entity_id!r} and alias {row.alias!r} "
            f"(first on line {lines[earlier - start]})",
            path=self._source_path, line=lines[second - start], column="alias",
        )  # fmt: skip

    _source_path = "<string>"

    def _keep(self, selector: np.ndarray) -> None:
        """Keep only the rows a mask or index array selects."""
        for col in self._col.values():
            col.keep(selector)
        self._reindex()

    def _set(self, rows: np.ndarray | int, column: str, value: Any) -> None:
        self._col[column].view()[rows] = self._encode(column, value)
        self._cache.clear()

    def _rows_of(self, entity_id: str) -> np.ndarray:
        code = self._ents.find(entity_id)
        if code < 0:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self._col["entity_id"].view() == code)

    def _reindex(self) -> None:
        self._keys, self._recent = None, {}
        self._cache.clear()

    def column(self, name: str) -> Sequence[Any]:
        """One column's values, row by row, as a read-only sequence (strings decoded on access).

        Example:
            >>> t = AliasTable([{"entity_id": "E", "alias": "Ali"}, {"entity_id": "E", "alias": "علي"}])
            >>> list(t.column("alias")), list(t.column("script"))
            (['Ali', 'علي'], ['latin', 'arabic'])
        """
        if name not in COLUMNS:
            raise InputError(f"unknown alias-table column {name!r}; columns: {', '.join(COLUMNS)}")
        codes = self._col[name].view()
        pool = self._pool(name)
        if pool is not None:
            return PoolView(pool, codes)
        if name == "count":
            return codes.tolist()
        choices = _CHOICES[name]
        return [choices[c] for c in codes.tolist()]

    def nbytes(self) -> int:
        """Bytes the table's columns and string pools hold (capacity included).

        Example:
            >>> AliasTable([{"entity_id": "E", "alias": "Ali"}]).nbytes() > 0
            True
        """
        pools = self._ents.nbytes() + self._names.nbytes() + self._sources.nbytes()
        return pools + sum(c.nbytes() for c in self._col.values())

    def _trim(self) -> None:
        for col in self._col.values():
            col.trim()

    def __len__(self) -> int:
        return len(self._col["alias"])

    def __iter__(self) -> Iterator[AliasRow]:
        views = [(c, self._col[c].view().tolist()) for c in COLUMNS]
        value = self._value
        for i in range(len(self)):
            yield AliasRow(*(value(c, codes[i]) for c, codes in views))

    def __getitem__(self, index: int) -> AliasRow:
        """Row ``index`` (negative counts from the end): a copy; edit through the methods."""
        n = len(self)
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise TypeError(f"AliasTable indices must be integers, got {type(index).__name__}")
        if not -n <= index < n:
            raise IndexError(f"row {index} of a table of {n} rows")
        return self._row(int(index) % n)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AliasTable):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<AliasTable: {len(self.entities())} entities, {len(self)} aliases>"

    def entities(self) -> list[str]:
        """Entity ids in order of first appearance.

        Example:
            >>> AliasTable([{"entity_id": "B", "alias": "x"}, {"entity_id": "A", "alias": "y"}]).entities()
            ['B', 'A']
        """
        codes = self._col["entity_id"].view()
        uniq, first = np.unique(codes, return_index=True)
        return [self._ents[c] for c in uniq[np.argsort(first)].tolist()]

    def rows_of(self, entity_id: str) -> list[AliasRow]:
        """The rows of one entity (empty if unknown)."""
        return [self._row(i) for i in self._rows_of(entity_id).tolist()]

    def aliases(self, entity_id: str) -> list[str]:
        """The aliases of one entity, in table order.

        Example:
            >>> AliasTable([{"entity_id": "E", "alias": "Ali"}, {"entity_id": "E", "alias": "علي"}]).aliases("E")
            ['Ali', 'علي']
        """
        names, codes = self._names, self._col["alias"].view()
        return [names[int(codes[i])] for i in self._rows_of(entity_id).tolist()]

    # ------------------------------------------------------------------ basics

    @staticmethod
    def _coerce(row: AliasRow | dict[str, Any]) -> AliasRow:
        if isinstance(row, AliasRow):
            return row
        if not isinstance(row, dict):
            raise InputError(
                f"an alias row must be an AliasRow or a dict, got {type(row).__name__}"
            )
        unknown = set(row) - set(COLUMNS)
        if unknown:
            raise InputError(f"unknown alias-table column(s): {', '.join(sorted(unknown))}")
        entity_id, alias = row.get("entity_id"), row.get("alias")
        if not isinstance(entity_id, str) or not entity_id:
            raise InputError("an alias row needs a non-empty string entity_id")
        if not isinstance(alias, str) or not alias.strip():
            raise InputError(f"entity {entity_id!r}: an alias row needs a non-empty string alias")
        kind = row.get("kind") or "person"
        lat = row.get("canonical_latin")
        ar = row.get("canonical_arabic")
        script = row.get("script") or _script(alias)
        if lat is None and ar is None:
            lat, ar = (alias, "") if script != "arabic" else ("", alias)
        lat, ar = lat or "", ar or ""
        count = row.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InputError(
                f"entity {entity_id!r}: count must be a non-negative integer, got {count!r}"
            )
        alias_kind = row.get("alias_kind") or classify_alias(alias, lat, ar, kind)
        out = AliasRow(
            entity_id, kind, lat, ar, alias, script, alias_kind, row.get("source") or "", count
        )
        for name in ("kind", "script", "alias_kind"):
            _check_choice(getattr(out, name), name, InputError)
        return out

    # ------------------------------------------------------------- constructors

    @classmethod
    def from_resolution(cls, res: Any) -> AliasTable:
        """Build a table from a :class:`nasab.resolution.Resolution`.

        Every distinct name among an entity's member records becomes one row, with
        its count and source(s); the canonical names get a row of their own (count 0)
        when no record spelled them exactly so.

        Args:
            res: the resolution (anything with ``entities`` and ``records``).

        Returns:
            The alias table.
        """
        table = cls()
        records = list(res.records)
        rows: list[AliasRow] = []
        for ent in res.entities:
            canonical = dict(getattr(ent, "canonical", {}) or {})
            lat = canonical.get("latin") or ""
            ar = canonical.get("arabic") or ""
            kind = getattr(ent, "kind", None) or "person"
            seen: dict[str, list[Any]] = {}
            for i in ent.members:
                rec = records[i]
                name = rec.name if hasattr(rec, "name") else str(rec)
                seen.setdefault(name, []).append(rec)
            if not lat and not ar:
                first = next(iter(seen), "")
                lat, ar = (first, "") if _script(first) != "arabic" else ("", first)
            for name, recs in seen.items():
                sources = list(dict.fromkeys(str(getattr(r, "source", "") or "") for r in recs))
                attrs = [getattr(r, "attrs", None) or {} for r in recs]
                alias_kind = next(
                    (a.get("alias_kind") for a in attrs if a.get("alias_kind") in ALIAS_KINDS), None
                )
                if alias_kind is None and any(
                    str(a.get("name_type", "")).lower()
                    in ("fka", "formerly known as", "previous name")
                    for a in attrs
                ):
                    alias_kind = "previous name"
                if alias_kind is None:
                    alias_kind = classify_alias(name, lat, ar, kind)
                rows.append(
                    AliasRow(
                        str(ent.id), kind, lat, ar, name, _script(name), alias_kind,
                        "|".join(s for s in sources if s), len(recs),
                    )
                )  # fmt: skip
            for canon in (lat, ar):
                if canon and canon not in seen:
                    rows.append(
                        AliasRow(
                            str(ent.id),
                            kind,
                            lat,
                            ar,
                            canon,
                            _script(canon),
                            "canonical",
                            "nasab",
                            0,
                        )
                    )
        table._extend(rows)
        return table

    # ------------------------------------------------------------------ editing

    def add_alias(
        self,
        entity_id: str,
        alias: str,
        *,
        alias_kind: str | None = None,
        source: str = "",
        count: int = 1,
        kind: str | None = None,
    ) -> None:
        """Add an alias to an entity (a new entity if the id is unknown); logged.

        If the entity already has this alias, its count grows by ``count``.

        Args:
            entity_id: the entity.
            alias: the alias as written.
            alias_kind: one of :data:`ALIAS_KINDS` (None: guessed).
            source: where the alias comes from.
            count: how many times it was seen.
            kind: ``person`` or ``organization`` for a new entity (default person).

        Example:
            >>> t = AliasTable()
            >>> t.add_alias("E1", "Ali")
            >>> t.add_alias("E1", "Ali", count=2)
            >>> t[0].count, t.edits[0]["op"]
            (3, 'add_alias')
        """
        edit = {"op": "add_alias", "entity_id": entity_id, "alias": alias, "alias_kind": alias_kind,
                "source": source, "count": count, "kind": kind}  # fmt: skip
        self._add_alias(edit)
        self.edits.append(edit)

    def _add_alias(self, e: dict[str, Any]) -> None:
        entity_id, alias = e["entity_id"], e["alias"]
        pos = self._find(entity_id, alias)
        if pos is not None:
            if e.get("alias_kind"):
                _check_choice(e["alias_kind"], "alias_kind", InputError)
                self._set(pos, "alias_kind", e["alias_kind"])
            self._col["count"].view()[pos] += int(e.get("count") or 0)
            self._cache.clear()
            return
        existing = self._rows_of(entity_id)
        row: dict[str, Any] = {"entity_id": entity_id, "alias": alias, "source": e.get("source") or "",
                               "count": e.get("count", 1), "alias_kind": e.get("alias_kind")}  # fmt: skip
        if len(existing):
            first = self._row(int(existing[0]))
            row.update(
                kind=first.kind,
                canonical_latin=first.canonical_latin,
                canonical_arabic=first.canonical_arabic,
            )
            script = _script(alias)
            slot = "canonical_arabic" if script == "arabic" else "canonical_latin"
            if not row[slot]:  # the entity's first name in this script becomes its canonical
                self._set_canonical_rows(entity_id, **{slot: alias})
                row[slot] = alias
        else:
            row["kind"] = e.get("kind") or "person"
        self._append(self._coerce(row))

    def remove_alias(self, entity_id: str, alias: str) -> None:
        """Remove one (entity, alias) row; logged.

        Raises:
            InputError: the row does not exist.
        """
        edit = {"op": "remove_alias", "entity_id": entity_id, "alias": alias}
        self._remove_alias(edit)
        self.edits.append(edit)

    def _remove_alias(self, e: dict[str, Any]) -> None:
        pos = self._find(e["entity_id"], e["alias"])
        if pos is None:
            raise InputError(f"entity {e['entity_id']!r} has no alias {e['alias']!r}")
        keep = np.ones(len(self), dtype=bool)
        keep[pos] = False
        self._keep(keep)

    def set_canonical(self, entity_id: str, name: str) -> None:
        """Make ``name`` the entity's canonical name in its script; logged.

        Example:
            >>> t = AliasTable([{"entity_id": "E", "alias": "Mustafa Al-Kazemi"}])
            >>> t.set_canonical("E", "Mustafa al-Kadhimi")
            >>> t[0].canonical_latin, t.aliases("E")
            ('Mustafa al-Kadhimi', ['Mustafa Al-Kazemi', 'Mustafa al-Kadhimi'])
        """
        edit = {"op": "set_canonical", "entity_id": entity_id, "name": name}
        self._set_canonical(edit)
        self.edits.append(edit)

    def _set_canonical(self, e: dict[str, Any]) -> None:
        entity_id, name = e["entity_id"], e["name"]
        rows = self.rows_of(entity_id)
        if not rows:
            raise InputError(f"unknown entity {entity_id!r}")
        slot = "canonical_arabic" if _script(name) == "arabic" else "canonical_latin"
        self._set_canonical_rows(entity_id, **{slot: name})
        pos = self._find(entity_id, name)
        if pos is None:
            self._append(self._coerce({**rows[0].to_dict(), slot: name, "alias": name, "script": _script(name),
                                       "alias_kind": "canonical", "source": "edit", "count": 0}))  # fmt: skip
        else:
            self._set(pos, "alias_kind", "canonical")

    def _set_canonical_rows(self, entity_id: str, **values: str) -> None:
        rows = self._rows_of(entity_id)
        for k, v in values.items():
            self._set(rows, k, v)

    def merge_entities(self, a: str, b: str) -> None:
        """Merge entity ``b`` into entity ``a`` (``a`` keeps its id and canonical names); logged.

        Shared aliases have their counts added. A canonical name ``a`` lacks in a
        script is taken from ``b``.

        Raises:
            InputError: either entity is unknown, or ``a == b``.

        Example:
            >>> t = AliasTable([{"entity_id": "A", "alias": "Mustafa al-Kadhimi"},
            ...                 {"entity_id": "B", "alias": "مصطفى الكاظمي"}])
            >>> t.merge_entities("A", "B")
            >>> t.entities(), t[1].entity_id, t[1].canonical_arabic
            (['A'], 'A', 'مصطفى الكاظمي')
        """
        edit = {"op": "merge_entities", "a": a, "b": b}
        self._merge_entities(edit)
        self.edits.append(edit)

    def _merge_entities(self, e: dict[str, Any]) -> None:
        a, b = e["a"], e["b"]
        if a == b:
            raise InputError(f"cannot merge entity {a!r} with itself")
        ra, rb = self.rows_of(a), self.rows_of(b)
        if not ra or not rb:
            raise InputError(f"unknown entity {(a if not ra else b)!r}")
        lat = ra[0].canonical_latin or rb[0].canonical_latin
        ar = ra[0].canonical_arabic or rb[0].canonical_arabic
        count, ent = self._col["count"].view(), self._col["entity_id"].view()
        keep = np.ones(len(self), dtype=bool)
        code_a = self._ents.find(a)
        for i in self._rows_of(b).tolist():
            r = self._row(i)
            pos = self._find(a, r.alias)
            if pos is not None:
                count[pos] += r.count
                keep[i] = False
                continue
            ent[i] = code_a
            if r.alias_kind == "canonical" and r.alias not in (lat, ar):
                self._set(i, "alias_kind", classify_alias(r.alias, lat, ar, r.kind))
        rows_a = np.flatnonzero(ent == code_a)
        for column, value in (
            ("canonical_latin", lat),
            ("canonical_arabic", ar),
            ("kind", ra[0].kind),
        ):
            self._set(rows_a, column, value)
        self._keep(keep)

    def split_entity(
        self, entity_id: str, aliases: Sequence[str], new_id: str | None = None
    ) -> str:
        """Move some aliases of an entity to a new entity; logged.

        Args:
            entity_id: the entity to split.
            aliases: the aliases that move.
            new_id: the new entity's id (None: derived from the old id and the aliases,
                so replaying the edit gives the same id).

        Returns:
            The new entity's id.

        Raises:
            InputError: unknown entity or alias, all aliases moved, or ``new_id`` in use.

        Example:
            >>> t = AliasTable([{"entity_id": "E", "alias": "Khalid Jassim"},
            ...                 {"entity_id": "E", "alias": "Jassim Khalid"}])
            >>> t.split_entity("E", ["Jassim Khalid"], new_id="E2")
            'E2'
            >>> [(r.entity_id, r.alias, r.canonical_latin) for r in t]
            [('E', 'Khalid Jassim', 'Khalid Jassim'), ('E2', 'Jassim Khalid', 'Jassim Khalid')]
        """
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        if new_id is None:
            digest = hashlib.sha1(
                "\x1f".join([entity_id, *sorted(aliases)]).encode("utf-8")
            ).hexdigest()[:8]
            new_id = f"{entity_id}~{digest}"
        edit = {"op": "split_entity", "entity_id": entity_id, "aliases": aliases, "new_id": new_id}
        self._split_entity(edit)
        self.edits.append(edit)
        return new_id

    def _split_entity(self, e: dict[str, Any]) -> None:
        entity_id, aliases, new_id = e["entity_id"], list(e["aliases"]), e["new_id"]
        where = self._rows_of(entity_id).tolist()
        rows = [self._row(i) for i in where]
        if not rows:
            raise InputError(f"unknown entity {entity_id!r}")
        if len(self._rows_of(new_id)):
            raise InputError(f"entity id {new_id!r} is already in use")
        names = {r.alias for r in rows}
        missing = [a for a in aliases if a not in names]
        if missing:
            raise InputError(f"entity {entity_id!r} has no alias {missing[0]!r}")
        moving = set(aliases)
        if not moving or moving == names:
            raise InputError("a split must move some, but not all, aliases")
        stay = [(i, r) for i, r in zip(where, rows, strict=True) if r.alias not in moving]
        move = [(i, r) for i, r in zip(where, rows, strict=True) if r.alias in moving]

        def canon(group: list[tuple[int, AliasRow]], script: str, old: str) -> str:
            names_here = [r.alias for _, r in group]
            if old in names_here:
                return old
            pick = [r.alias for _, r in group if (r.script == "arabic") == (script == "arabic")]
            return pick[0] if pick else ""

        for group, eid in ((stay, entity_id), (move, new_id)):
            lat = canon(group, "latin", rows[0].canonical_latin)
            ar = canon(group, "arabic", rows[0].canonical_arabic)
            idx = np.array([i for i, _ in group], dtype=np.int64)
            for column, value in (
                ("entity_id", eid),
                ("canonical_latin", lat),
                ("canonical_arabic", ar),
            ):
                self._set(idx, column, value)
            for i, r in group:
                if r.alias in (lat, ar):
                    self._set(i, "alias_kind", "canonical")
        self._reindex()

    _EDIT_OPS: ClassVar[dict[str, str]] = {
        "add_alias": "_add_alias",
        "remove_alias": "_remove_alias",
        "set_canonical": "_set_canonical",
        "merge_entities": "_merge_entities",
        "split_entity": "_split_entity",
    }

    def apply_edits(
        self, edits: str | os.PathLike[str] | Iterable[dict[str, Any]], *, strict: bool = True
    ) -> list[str]:
        """Replay edits (a list of dicts, or a file written by :meth:`save_edits`).

        Applied edits are appended to :attr:`edits`.

        Args:
            edits: the edits or the path of an edits file.
            strict: raise on the first edit that does not apply (else skip it).

        Returns:
            One message per skipped edit (empty when all applied).

        Raises:
            InputError: an edit does not apply (``strict``) or is malformed.
            DataFileError: the edits file cannot be read.

        Example:
            >>> t = AliasTable([{"entity_id": "A", "alias": "Ali"}, {"entity_id": "B", "alias": "علي"}])
            >>> t.merge_entities("A", "B")
            >>> fresh = AliasTable([{"entity_id": "A", "alias": "Ali"}, {"entity_id": "B", "alias": "علي"}])
            >>> fresh.apply_edits(t.edits)
            []
            >>> fresh == t
            True
        """
        if isinstance(edits, (str, os.PathLike)):
            edits = _load_edits(Path(edits))
        problems = []
        for n, e in enumerate(list(edits), start=1):
            op = e.get("op") if isinstance(e, dict) else None
            method = self._EDIT_OPS.get(op or "")
            if method is None:
                raise InputError(f"edit {n}: unknown operation {op!r}")
            try:
                getattr(self, method)(dict(e))
            except KeyError as exc:
                raise InputError(f"edit {n} ({op}): missing field {exc.args[0]!r}") from None
            except InputError as exc:
                if strict:
                    raise InputError(f"edit {n} ({op}): {exc}") from None
                problems.append(f"edit {n} ({op}): {exc}")
                continue
            self.edits.append(dict(e))
        return problems

    def save_edits(self, path: str | os.PathLike[str]) -> None:
        """Write :attr:`edits` to a JSON file (atomically), for :meth:`apply_edits`."""
        doc = {"format": "nasab-alias-edits", "nasab_version": _version(), "edits": self.edits}
        atomic_write(Path(path), json.dumps(doc, ensure_ascii=False, indent=1) + "\n")

    def merge(self, other: AliasTable) -> AliasTable:
        """A new table with the rows of both tables (entities joined by id).

        Rows for the same (entity, alias) have their counts added and their sources
        joined. The edit logs are concatenated.

        Example:
            >>> a = AliasTable([{"entity_id": "E", "alias": "Ali", "source": "x"}])
            >>> b = AliasTable([{"entity_id": "E", "alias": "Ali", "source": "y"}, {"entity_id": "F", "alias": "Omar"}])
            >>> m = a.merge(b)
            >>> [(r.entity_id, r.alias, r.source, r.count) for r in m]
            [('E', 'Ali', 'x|y', 2), ('F', 'Omar', '', 1)]
        """
        if not isinstance(other, AliasTable):
            raise InputError(f"can only merge an AliasTable, got {type(other).__name__}")
        out = AliasTable()
        out._extend(list(self))
        fresh: list[AliasRow] = []
        seen: dict[tuple[str, str], int] = {}
        for r in other:
            pos = out._find(r.entity_id, r.alias)
            if pos is None:
                if (r.entity_id, r.alias) in seen:
                    raise InputError(
                        f"duplicate row for entity {r.entity_id!r} and alias {r.alias!r}"
                    )
                seen[(r.entity_id, r.alias)] = len(fresh)
                fresh.append(r)
                continue
            mine = out._row(pos)
            out._col["count"].view()[pos] += r.count
            srcs = [s for s in mine.source.split("|") + r.source.split("|") if s]
            out._set(pos, "source", "|".join(dict.fromkeys(srcs)))
        out._extend(fresh)
        out.edits = [*self.edits, *other.edits]
        return out

    # ------------------------------------------------------------------ queries

    def link_index(self, progress: Callable[[int, int], None] | None = None) -> LinkIndex:
        """The :class:`~nasab.linking.LinkIndex` of this table: built on first use, kept
        until the table is edited (what :func:`nasab.link` uses).

        Example:
            >>> t = AliasTable([{"entity_id": "E1", "alias": "Mustafa Al-Kazemi"}])
            >>> t.link_index() is t.link_index()
            True
        """
        index = self._cache.get("link_index")
        if index is None:
            from .linking import LinkIndex

            canonical = _Either(self.column("canonical_latin"), self.column("canonical_arabic"))
            index = self._cache["link_index"] = LinkIndex(
                self.column("alias"), self.column("entity_id"), kinds=self.column("kind"),
                scripts=self.column("script"), canonicals=canonical, progress=progress,
            )  # fmt: skip
        return index

    def lookup(
        self, name: str, *, top: int = 5, threshold: float = LINK_THRESHOLD, kind: str | None = None
    ) -> list[Candidate]:
        """Entities that have ``name`` as an alias, in any spelling or script.

        Exact matches (after normalisation) come first with score 1.0; then unseen
        spellings found through the comparison layer (see :func:`nasab.linking`).

        Args:
            name: a name in either script.
            top: at most this many entities.
            threshold: lowest score kept.
            kind: only entities of this kind (None: all).

        Returns:
            Candidates, best first, one per entity.

        Example:
            >>> t = AliasTable([{"entity_id": "E1", "alias": "Mustafa Al-Kazemi"}])
            >>> t.lookup("مصطفى الكاظمي")[0].entity_id
            'E1'
        """
        from .linking import link

        return link([name], self, top=top, threshold=threshold, kind=kind)[0]

    # ------------------------------------------------------------------ files

    def save(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write the table to a TSV, CSV, JSON or Parquet file, atomically.

        The format comes from the suffix (``.tsv``, ``.csv``, ``.json``, ``.parquet``)
        unless given; Parquet needs the ``parquet`` extra (see :meth:`to_parquet`).
        TSV escapes backslash, tab, newline and carriage return as ``\\\\``, ``\\t``,
        ``\\n``, ``\\r``; CSV quotes as needed; every format starts with metadata
        naming the format and the nasab version.

        Raises:
            InputError: unknown format.
            DataFileError: the file cannot be written (the old file, if any, is kept).
        """
        path = Path(path)
        fmt = _format_of(path, format)
        if fmt == "parquet":
            self.to_parquet(path)
            return
        atomic_write(path, self.dumps(fmt))

    def dumps(self, format: str = "tsv") -> str:
        """The table as text in ``format`` (``tsv``, ``csv`` or ``json``).

        Example:
            >>> print(AliasTable([{"entity_id": "E", "alias": "a\\tb"}]).dumps("tsv"))  # doctest: +ELLIPSIS
            # nasab-alias-table v1; nasab ...
            entity_id	kind	canonical_latin	canonical_arabic	alias	script	alias_kind	source	count
            E	person	a\\tb		a\\tb	latin	canonical		1
            <BLANKLINE>
        """
        meta = f"# {_FORMAT_NAME} v{FORMAT_VERSION}; nasab {_version()}; columns: {', '.join(COLUMNS)}\n"
        if format == "tsv":
            buf = [meta, "\t".join(COLUMNS), "\n"]
            for r in self:
                buf.append("\t".join(tsv_escape(str(getattr(r, c))) for c in COLUMNS))
                buf.append("\n")
            return "".join(buf)
        if format == "csv":
            out = io.StringIO()
            out.write(meta)
            w = csv.writer(
                out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
            )  # \r\n: fields with \r get quoted
            w.writerow(COLUMNS)
            for r in self:
                w.writerow([getattr(r, c) for c in COLUMNS])
            return out.getvalue()
        if format == "json":
            head = {"format": _FORMAT_NAME, "format_version": FORMAT_VERSION, "nasab_version": _version(),
                    "columns": list(COLUMNS)}  # fmt: skip
            lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": [']
            body = [json.dumps(r.to_dict(), ensure_ascii=False) for r in self]
            lines.append(",\n".join(body))
            lines.append("]}")
            return "\n".join(lines) + "\n"
        raise InputError(f"unknown alias-table format {format!r}; use tsv, csv or json")

    @classmethod
    def load(cls, path: str | os.PathLike[str], format: str | None = None) -> AliasTable:
        """Read a table written by :meth:`save` (or by hand in the same layout).

        Raises:
            DataFileError: the file is missing, not UTF-8, or malformed (wrong or
                missing column, ragged row, bad count or value, duplicate
                (entity, alias) row); the message names file, line and column.
        """
        path = Path(path)
        fmt = _format_of(path, format)
        if fmt == "parquet":
            return cls.read_parquet(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataFileError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise DataFileError(
                f"not valid UTF-8 (byte {data[exc.start]:#04x} at byte {col} of the line)",
                path=str(path),
                line=line,
            ) from None
        return cls.loads(text, fmt, path=str(path))

    @classmethod
    def loads(cls, text: str, format: str = "tsv", *, path: str = "<string>") -> AliasTable:
        """Parse a table from text; see :meth:`load`.

        Example:
            >>> t = AliasTable([{"entity_id": "E", "alias": 'say "hi", then\\ttab'}])
            >>> all(AliasTable.loads(t.dumps(f), f) == t for f in ("tsv", "csv", "json"))
            True
        """
        if format == "json":
            records = _parse_json_rows(text, path)
        elif format in ("tsv", "csv"):
            records = _parse_delimited(text, format, path)
        else:
            raise InputError(f"unknown alias-table format {format!r}; use tsv, csv or json")
        table = cls()
        table._source_path = path
        lines = array("i")
        chunk: list[AliasRow] = []
        for line, values in records:
            chunk.append(_row_from_strings(values, path, line, text_counts=format != "json"))
            lines.append(line)
            if len(chunk) >= _LOAD_CHUNK:
                table._add_rows(chunk)
                chunk = []
        table._add_rows(chunk)
        table._check_pairs(0, lines)
        table._trim()
        return table

    # ------------------------------------------------------------- DataFrames

    def to_dataframe(self) -> Any:
        """The table as a pandas DataFrame with the :data:`COLUMNS` columns.

        Raises:
            ExtraMissingError: pandas is not installed.
        """
        pd = _pandas()
        return pd.DataFrame(
            {c: list(self.column(c)) for c in COLUMNS}, columns=list(COLUMNS)
        ).astype({"count": "int64"})

    @classmethod
    def from_dataframe(cls, df: Any) -> AliasTable:
        """Build a table from a DataFrame with (at least) ``entity_id`` and ``alias`` columns.

        Missing values (NaN/None) in optional columns get their defaults.

        Raises:
            ExtraMissingError: pandas is not installed.
            InputError: a required column is missing or a row is not usable.
        """
        pd = _pandas()
        missing = [c for c in ("entity_id", "alias") if c not in df.columns]
        if missing:
            raise InputError(f"DataFrame lacks column(s): {', '.join(missing)}")
        rows = []
        for rec in df.to_dict(orient="records"):
            row: dict[str, Any] = {}
            for k, v in rec.items():
                if v is None or (not isinstance(v, str) and pd.isna(v)):
                    continue
                row[k] = int(v) if k == "count" else str(v)
            rows.append(row)
        return cls(rows)

    # ------------------------------------------------------ Parquet and polars

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the table to a Parquet file, atomically (the ``parquet`` extra: pyarrow).

        Every :data:`COLUMNS` column is a string column except ``count`` (int64); the
        schema metadata names the layout. :meth:`read_parquet` gives back an equal table.

        Raises:
            ExtraMissingError: pyarrow is not installed.
            DataFileError: the file cannot be written.
        """
        from .tables import write_parquet

        write_parquet(
            [r.to_dict() for r in self], path, COLUMNS, ints=("count",), layout=_FORMAT_NAME
        )

    @classmethod
    def read_parquet(cls, path: str | os.PathLike[str]) -> AliasTable:
        """Read a table written by :meth:`to_parquet`.

        Raises:
            ExtraMissingError: pyarrow is not installed.
            DataFileError: missing file, not Parquet, a missing column, a null, a wrong
                type or value, or a repeated (entity, alias); names file, row and column.
        """
        from .tables import read_parquet

        rows = read_parquet(path, COLUMNS, ints=("count",), layout=_FORMAT_NAME)
        return _table_of_rows(cls, rows, str(path))

    def to_polars(self) -> Any:
        """The table as a polars DataFrame (``String`` columns, ``count`` as ``Int64``).

        Raises:
            ExtraMissingError: polars is not installed (the ``polars`` extra).
        """
        from .tables import to_polars

        return to_polars([r.to_dict() for r in self], COLUMNS, ints=("count",))

    @classmethod
    def from_polars(cls, df: Any) -> AliasTable:
        """Build a table from a polars DataFrame with the :data:`COLUMNS` columns.

        Raises:
            ExtraMissingError: polars is not installed.
            InputError: a missing column, a null or wrong type, a bad value or a repeated
                (entity, alias); the message names the row and column.
        """
        from .tables import from_polars

        return _table_of_rows(cls, from_polars(df, COLUMNS, ints=("count",)), None)

    # ---------------------------------------------------------------- notebook

    def _repr_html_(self, max_rows: int = 20) -> str:
        """The first rows as a table: names isolated, Arabic right-to-left, all escaped."""
        from ._display import name_html, table, text_html

        names = {"alias", "canonical_latin", "canonical_arabic"}
        rows = [
            [name_html(getattr(r, c)) if c in names else text_html(getattr(r, c)) for c in COLUMNS]
            for r in (self._row(i) for i in range(min(max_rows, len(self))))
        ]
        more = f"<p>… {len(self) - max_rows} more rows</p>" if len(self) > max_rows else ""
        return (
            f"<div><p><b>AliasTable</b>: {len(self.entities())} entities, {len(self)} aliases</p>"
            f"{table(COLUMNS, rows)}{more}</div>"
        )


# ---------------------------------------------------------------------- helpers


class _Either(Sequence[str]):
    """Row by row, the first column's value, else the second's (canonical Latin, else Arabic)."""

    def __init__(self, first: Sequence[str], second: Sequence[str]) -> None:
        self._first, self._second = first, second

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._first[i] or self._second[i]


def _table_of_rows(
    cls: type[AliasTable], rows: list[dict[str, Any]], path: str | None
) -> AliasTable:
    """A table of checked rows; a bad value or repeat is reported with its row number.

    ``path`` set: a file (DataFileError); None: a DataFrame (InputError).
    """
    try:
        return cls(rows)
    except InputError:
        pass
    seen: dict[tuple[str, str], int] = {}
    for n, row in enumerate(rows, start=1):
        key = (row["entity_id"], row["alias"])
        try:
            cls([row])
            if key in seen:
                raise InputError(f"repeats the (entity, alias) pair of row {seen[key]}")
        except InputError as exc:
            if path is None:
                raise InputError(f"DataFrame row {n}: {exc}") from None
            raise DataFileError(f"row {n}: {exc}", path=path) from None
        seen[key] = n
    raise InputError("rows not usable as an alias table")  # pragma: no cover - cls(rows) failed


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ExtraMissingError("DataFrame export", "pandas", "pandas") from None
    return pd


def _check_choice(value: str, name: str, exc: type[Exception], **where: Any) -> None:
    allowed = {"kind": _KINDS, "script": _SCRIPTS, "alias_kind": ALIAS_KINDS}[name]
    if value not in allowed:
        msg = f"{name} must be one of {', '.join(allowed)}; got {value!r}"
        raise exc(msg, **where) if where else exc(msg)


def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        if format not in ("tsv", "csv", "json", "parquet"):
            raise InputError(
                f"unknown alias-table format {format!r}; use tsv, csv, json or parquet"
            )
        return format
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"cannot tell the format of {str(path)!r} from its suffix; use .tsv, .csv, .json or .parquet"
        )
    return fmt


def tsv_escape(value: str) -> str:
    r"""A TSV cell with backslash, tab, newline and carriage return escaped (``\\``, ``\t``...).

    Example:
        >>> tsv_escape("a\tb")
        'a\\tb'
    """
    if not any(c in value for c in "\\\t\n\r"):
        return value
    return "".join(_TSV_ESCAPES.get(c, c) for c in value)


def _tsv_unescape(value: str, path: str, line: int, column: str) -> str:
    if "\\" not in value:
        return value
    out = []
    it = iter(value)
    for c in it:
        if c != "\\":
            out.append(c)
            continue
        nxt = next(it, "")
        if nxt not in _TSV_UNESCAPES:
            raise DataFileError(
                f"bad escape '\\{nxt}' (use \\\\, \\t, \\n or \\r)",
                path=path,
                line=line,
                column=column,
            )
        out.append(_TSV_UNESCAPES[nxt])
    return "".join(out)


def _check_header(header: list[str], path: str, line: int) -> None:
    for i, name in enumerate(header, start=1):
        if name not in COLUMNS:
            raise DataFileError(
                f"unknown column {name!r}; expected {', '.join(COLUMNS)}",
                path=path,
                line=line,
                column=i,
            )
        if header.index(name) != i - 1:
            raise DataFileError(f"column {name!r} appears twice", path=path, line=line, column=i)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataFileError(
            f"missing column {missing[0]!r}", path=path, line=line, column=missing[0]
        )


def _parse_delimited(text: str, fmt: str, path: str) -> Iterator[tuple[int, dict[str, str]]]:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        start += 1
    if start >= len(lines):
        raise DataFileError("no header row", path=path, line=start)
    if fmt == "tsv":
        header = [h.strip() for h in lines[start].rstrip("\r").split("\t")]
        _check_header(header, path, start + 1)
        ncol = len(header)
        for n in range(start + 1, len(lines)):
            raw = lines[n].removesuffix("\r")
            if not raw:
                if n == len(lines) - 1:
                    continue
                raise DataFileError("empty line", path=path, line=n + 1)
            parts = raw.split("\t")
            if len(parts) != ncol:
                raise DataFileError(
                    f"{len(parts)} fields where the header has {ncol}", path=path, line=n + 1,
                    column=header[len(parts)] if len(parts) < ncol else len(parts),
                )  # fmt: skip
            yield (
                n + 1,
                {h: _tsv_unescape(v, path, n + 1, h) for h, v in zip(header, parts, strict=False)},
            )
        return
    body = "\n".join(lines[start:])
    reader = csv.reader(io.StringIO(body, newline=""), strict=True)
    try:
        header = next(reader)
        _check_header([h.strip() for h in header], path, start + 1)
        header = [h.strip() for h in header]
        prev = reader.line_num
        for parts in reader:
            line = start + prev + 1
            prev = reader.line_num
            if not parts:
                continue
            if len(parts) != len(header):
                raise DataFileError(
                    f"{len(parts)} fields where the header has {len(header)}", path=path, line=line,
                    column=header[len(parts)] if len(parts) < len(header) else len(parts),
                )  # fmt: skip
            yield line, dict(zip(header, parts, strict=False))
    except csv.Error as exc:
        raise DataFileError(
            f"malformed CSV: {exc}", path=path, line=start + reader.line_num
        ) from None


def _row_from_strings(
    values: dict[str, Any], path: str, line: int, *, text_counts: bool = True
) -> AliasRow:
    out: dict[str, Any] = {}
    for c in COLUMNS:
        v = values.get(c)
        if c == "count":
            if text_counts and isinstance(v, str) and v.isdigit() and v.isascii():
                v = int(v)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise DataFileError(
                    f"count must be a non-negative integer, got {v!r}",
                    path=path,
                    line=line,
                    column=c,
                )
        elif not isinstance(v, str):
            raise DataFileError(f"{c} must be a string, got {v!r}", path=path, line=line, column=c)
        out[c] = v
    if not out["entity_id"]:
        raise DataFileError("empty entity_id", path=path, line=line, column="entity_id")
    if not out["alias"].strip():
        raise DataFileError("empty alias", path=path, line=line, column="alias")
    for c in ("kind", "script", "alias_kind"):
        _check_choice(out[c], c, DataFileError, path=path, line=line, column=c)
    return AliasRow(**out)


def _parse_json_rows(text: str, path: str) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a JSON alias table with the line each starts on (for error messages)."""
    doc = JsonText(text, path)
    pos = doc.skip(0)
    rows: list[tuple[int, Any]] | None = None
    if pos < len(text) and text[pos] == "[":
        rows, pos = doc.array(pos)
    elif pos < len(text) and text[pos] == "{":
        rows, pos = _json_table_object(doc, pos)
    else:
        raise doc.fail("expected a JSON object with 'rows' or a list of rows", pos)
    doc.end(pos, "malformed JSON: extra data after the table")
    if rows is None:
        raise DataFileError("no 'rows' array", path=path, line=1)
    out = []
    for line, item in rows:
        if not isinstance(item, dict):
            raise DataFileError("a row must be a JSON object", path=path, line=line)
        for k in item:
            if k not in COLUMNS:
                raise DataFileError(f"unknown column {k!r}", path=path, line=line, column=k)
        for c in COLUMNS:
            if c not in item:
                raise DataFileError(f"missing column {c!r}", path=path, line=line, column=c)
        out.append((line, item))
    return out


def _json_table_object(doc: JsonText, pos: int) -> tuple[list[tuple[int, Any]] | None, int]:
    """The ``rows`` of a ``{"format": ..., "rows": [...]}`` object at ``pos``, and its end."""
    text = doc.text
    rows: list[tuple[int, Any]] | None = None
    pos = doc.skip(pos + 1)
    seen_format = None
    while pos < len(text) and text[pos] != "}":
        key, pos = doc.value(pos)
        pos = doc.skip(pos)
        if pos >= len(text) or text[pos] != ":":
            raise doc.fail("malformed JSON: expected ':'", pos)
        pos = doc.skip(pos + 1)
        if key == "rows" and pos < len(text) and text[pos] == "[":
            rows, pos = doc.array(pos)
        else:
            val, pos = doc.value(pos)
            if key == "format":
                seen_format = val
        pos = doc.skip(pos)
        if pos < len(text) and text[pos] == ",":
            pos = doc.skip(pos + 1)
    if pos >= len(text):
        raise doc.fail("malformed JSON: unterminated object", pos)
    if seen_format not in (None, _FORMAT_NAME):
        raise DataFileError(f"not an alias table (format {seen_format!r})", path=doc.path, line=1)
    return rows, pos + 1


def _load_edits(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError:
        raise DataFileError("not valid UTF-8", path=str(path)) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"malformed JSON: {exc.msg}", path=str(path), line=exc.lineno, column=exc.colno
        ) from None
    edits = doc.get("edits") if isinstance(doc, dict) else doc
    if not isinstance(edits, list) or not all(isinstance(e, dict) for e in edits):
        raise DataFileError("expected a list of edit objects under 'edits'", path=str(path), line=1)
    return edits


# keep dataclass field order and COLUMNS in step
assert tuple(f.name for f in fields(AliasRow)) == COLUMNS
