"""Column storage for large tables: growable numpy arrays and packed string pools.

A table of a million rows held as one Python object per row costs about 600 bytes a
row. Held in columns it costs a few tens: numbers in numpy arrays, and strings
dictionary-encoded, each row keeping the ``int32`` code of its string in a
:class:`StringPool` that stores every distinct string once, packed as UTF-8 in one
buffer (no Python object per string).

Example:
    >>> pool = StringPool()
    >>> [pool.code(s) for s in ["Ali", "علي", "Ali"]]
    [0, 1, 0]
    >>> pool[1], len(pool), pool.find("Omar")
    ('علي', 2, -1)
    >>> col = Growable(np.int32)
    >>> col.extend([3, 4]); col.append(5)
    >>> col.view().tolist()
    [3, 4, 5]
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import numpy as np

__all__ = ["Growable", "PoolView", "SeenKeys", "StringPool"]

#: Strings added since the sorted hash index was built, looked up by dict; past this
#: many (or an eighth of the pool) the index is rebuilt.
RECENT_MAX = 4096
#: Strings decoded at once when a column is read through.
_CHUNK = 65_536
#: Fewer codes than this are decoded one by one (gathering costs a few numpy calls).
_GATHER_MIN = 64


class Growable:
    """A numpy array that grows by appends (capacity doubles), read through :meth:`view`.

    Args:
        dtype: the numpy dtype of the values.
        values: initial values.
    """

    def __init__(self, dtype: Any, values: Iterable[Any] | np.ndarray = ()) -> None:
        arr = np.asarray(values if isinstance(values, np.ndarray) else list(values), dtype=dtype)
        self._data = arr.copy() if arr.ndim == 1 else np.zeros(0, dtype=dtype)
        self._n = len(self._data)

    def __len__(self) -> int:
        return self._n

    def view(self) -> np.ndarray:
        """The values (a view: valid until the next append)."""
        return self._data[: self._n]

    def _reserve(self, extra: int) -> None:
        need = self._n + extra
        if need > len(self._data):
            grown = np.zeros(max(need, 2 * len(self._data), 16), dtype=self._data.dtype)
            grown[: self._n] = self._data[: self._n]
            self._data = grown

    def append(self, value: Any) -> None:
        """Add one value at the end."""
        self._reserve(1)
        self._data[self._n] = value
        self._n += 1

    def extend(self, values: Iterable[Any] | np.ndarray) -> None:
        """Add values at the end."""
        arr = np.asarray(values if isinstance(values, np.ndarray) else list(values))
        self._reserve(len(arr))
        self._data[self._n : self._n + len(arr)] = arr
        self._n += len(arr)

    def keep(self, mask_or_index: np.ndarray) -> None:
        """Keep only the values a boolean mask or an index array selects (in that order)."""
        self._data = np.ascontiguousarray(self.view()[mask_or_index])
        self._n = len(self._data)

    def trim(self) -> None:
        """Give back the spare capacity."""
        if len(self._data) > self._n:
            self._data = self._data[: self._n].copy()

    def nbytes(self) -> int:
        """Bytes held (capacity included)."""
        return int(self._data.nbytes)


class StringPool:
    """Distinct strings, packed as UTF-8 in one buffer, each with an ``int`` code.

    Codes are given in order of first appearance and never change. Look-up by string
    (:meth:`code`, :meth:`find`) uses a dict while strings are being added in bulk
    (:meth:`bulk`), else a sorted array of string hashes (built on first use) plus a
    small dict of the strings added since.
    """

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._buf = bytearray()
        self._ends = array("q")
        self._bulk: dict[str, int] | None = None
        self._recent: dict[str, int] = {}
        self._hashes: np.ndarray | None = None  # sorted hashes of the indexed codes
        self._order: np.ndarray | None = None  # their codes
        for s in strings:
            self.code(s)

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, code: int) -> str:
        start = self._ends[code - 1] if code > 0 else 0
        return self._buf[start : self._ends[code]].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def decode(self, codes: np.ndarray) -> list[str]:
        """The strings of many codes: their bytes gathered at once (numpy), joined by NUL,
        decoded once and split (a string that holds a NUL is decoded one by one).

        Example:
            >>> pool = StringPool(["Ali", "علي", "x\\x00y"])
            >>> pool.decode(np.array([1, 0] * 40))[:3], pool.decode(np.array([2] * 80))[0]
            (['علي', 'Ali', 'علي'], 'x\\x00y')
        """
        n = len(codes)
        if n < _GATHER_MIN or not self._buf:
            return self._decode_each(codes)
        ends = np.frombuffer(self._ends, dtype=np.int64)
        c = np.asarray(codes, dtype=np.int64)
        stop = ends[c]
        start = np.where(c > 0, ends[c - 1], 0)
        size = stop - start + 1  # each string and its NUL
        first = np.cumsum(size) - size  # where each string starts in the gathered bytes
        total = int(first[-1] + size[-1])
        del ends
        # Byte k of string i comes from start[i] + k; a NUL is written after each string.
        nul = first + size - 1
        src = np.repeat(start - first, size) + np.arange(total, dtype=np.int64)
        src[nul] = 0
        data = np.frombuffer(self._buf, dtype=np.uint8)[src]
        data[nul] = 0
        parts = data.tobytes().decode("utf-8", "surrogatepass").split("\x00")
        if len(parts) != n + 1:  # a string holds a NUL
            return self._decode_each(codes)
        parts.pop()
        return parts

    def _decode_each(self, codes: np.ndarray) -> list[str]:
        buf, ends = self._buf, self._ends
        out = []
        for c in codes.tolist():
            out.append(buf[ends[c - 1] if c else 0 : ends[c]].decode("utf-8", "surrogatepass"))
        return out

    def nbytes(self) -> int:
        """Bytes held by the packed strings and their offsets (and the hash index)."""
        extra = 0 if self._hashes is None else self._hashes.nbytes + self._order.nbytes  # type: ignore[union-attr]
        return len(self._buf) + 8 * len(self._ends) + extra

    def bulk(self) -> StringPool:
        """Start adding many strings: look-ups go through a dict until :meth:`done`."""
        if self._bulk is None:
            self._bulk = {s: i for i, s in enumerate(self)}
            self._recent = {}
            self._hashes = self._order = None
        return self

    def done(self) -> None:
        """End a bulk addition (the dict is dropped; the packed strings stay)."""
        self._bulk = None

    def _add(self, s: str) -> int:
        code = len(self._ends)
        self._buf += s.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._buf))
        return code

    def find(self, s: str) -> int:
        """The code of ``s``, or -1 when the pool does not hold it."""
        if self._bulk is not None:
            return self._bulk.get(s, -1)
        got = self._recent.get(s)
        if got is not None:
            return got
        if self._hashes is None:
            self._index()
        h = hash(s)
        hashes, order = self._hashes, self._order
        assert hashes is not None and order is not None
        lo = int(np.searchsorted(hashes, h, "left"))
        hi = int(np.searchsorted(hashes, h, "right"))
        for code in order[lo:hi].tolist():
            if self[code] == s:
                return int(code)
        return -1

    def code(self, s: str) -> int:
        """The code of ``s``, adding it when new."""
        if self._bulk is not None:
            got = self._bulk.get(s)
            if got is None:
                got = self._bulk[s] = self._add(s)
            return got
        got = self.find(s)
        if got < 0:
            got = self._recent[s] = self._add(s)
            if len(self._recent) > max(RECENT_MAX, len(self) // 8):
                self._hashes = self._order = None
                self._recent = {}
        return got

    def codes(self, strings: Iterable[str]) -> np.ndarray:
        """The codes of many strings (added when new), as an ``int32`` array."""
        fresh = self._bulk is None
        self.bulk()
        get = self._bulk.get  # type: ignore[union-attr]
        out = array("i")
        for s in strings:
            c = get(s)
            if c is None:
                c = self._bulk[s] = self._add(s)  # type: ignore[index]
            out.append(c)
        if fresh:
            self.done()
        return np.frombuffer(out, dtype=np.int32).copy() if out else np.zeros(0, np.int32)

    def _index(self) -> None:
        h = np.fromiter((hash(s) for s in self), dtype=np.int64, count=len(self))
        self._order = np.argsort(h, kind="stable").astype(np.int32)
        self._hashes = h[self._order]
        self._recent = {}


class PoolView(Sequence[str]):
    """The strings of a code column, read one by one (a read-only sequence).

    Args:
        pool: the pool the codes belong to.
        codes: one code per row.
    """

    def __init__(self, pool: StringPool, codes: np.ndarray) -> None:
        self._pool = pool
        self._codes = codes

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            pool = self._pool
            return [pool[c] for c in self._codes[i].tolist()]
        return self._pool[int(self._codes[i])]

    def __iter__(self) -> Iterator[str]:
        for start in range(0, len(self._codes), _CHUNK):
            yield from self._pool.decode(self._codes[start : start + _CHUNK])

    def take(self, rows: np.ndarray) -> list[str]:
        """The strings of many rows at once."""
        return self._pool.decode(self._codes[rows])

    def factorize(self) -> tuple[list[str], np.ndarray]:
        """The distinct strings of the rows in order of first appearance, and each row's
        index into them (``int32``), from the codes (each distinct string decoded once).

        Example:
            >>> pool = StringPool(["x", "E1", "E2"])
            >>> names, idx = PoolView(pool, np.array([2, 1, 2])).factorize()
            >>> names, idx.tolist()
            (['E2', 'E1'], [0, 1, 0])
        """
        codes = self._codes
        if not len(codes):
            return [], np.zeros(0, np.int32)
        distinct, first, inv = np.unique(codes, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(distinct), dtype=np.int32)
        rank[order] = np.arange(len(distinct), dtype=np.int32)
        return self._pool.decode(distinct[order]), rank[inv.ravel()]


class SeenKeys:
    """Strings seen so far, each with the line it was first seen on, in 12 bytes a string.

    For duplicate checks over streams of millions of rows (``nasab link``): a string is
    kept as its 64-bit hash and its line (two sorted numpy arrays, with the newest in a
    small dict), not as a Python object (about 110 bytes). Two different strings share a
    hash with probability about n²/2⁶⁵ (3·10⁻⁸ for a million strings): then the second
    is reported as a repeat of the first.

    Example:
        >>> seen = SeenKeys()
        >>> seen.add("a", 2), seen.add("b", 3), seen.add("a", 4)
        (None, None, 2)
    """

    #: Strings held in the dict before they are merged into the sorted arrays.
    PENDING = 65_536

    def __init__(self) -> None:
        self._hashes = np.zeros(0, dtype=np.int64)
        self._lines = np.zeros(0, dtype=np.int32)
        self._pending: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._hashes) + len(self._pending)

    def add(self, key: str, line: int) -> int | None:
        """Record ``key`` seen on ``line``; if it was seen before, its first line instead."""
        h = hash(key)
        got = self._pending.get(h)
        if got is not None:
            return got
        pos = int(np.searchsorted(self._hashes, h))
        if pos < len(self._hashes) and self._hashes[pos] == h:
            return int(self._lines[pos])
        self._pending[h] = line
        if len(self._pending) >= self.PENDING:
            self._merge()
        return None

    def _merge(self) -> None:
        new_h = np.fromiter(self._pending.keys(), dtype=np.int64, count=len(self._pending))
        new_l = np.fromiter(self._pending.values(), dtype=np.int32, count=len(self._pending))
        hashes = np.concatenate([self._hashes, new_h])
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]
        self._lines = np.concatenate([self._lines, new_l])[order]
        self._pending = {}

    def nbytes(self) -> int:
        """Bytes held by the sorted arrays (the pending dict aside)."""
        return int(self._hashes.nbytes + self._lines.nbytes)
