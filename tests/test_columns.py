"""nasab._columns: growable numpy columns and packed string pools."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab._columns import RECENT_MAX, Growable, PoolView, StringPool


@pytest.mark.parametrize(
    "strings",
    [
        ["Ali", "علي", "Ali", ""],
        ["مصطفى الكاظمي", "Mustafa al-Kadhimi", "a\tb\nc", "😀", "\ud800"],
    ],
    ids=["both-scripts-and-empty", "tabs-emoji-lone-surrogate"],
)
def test_pool_gives_one_code_per_distinct_string(strings: list[str]) -> None:
    pool = StringPool()
    codes = [pool.code(s) for s in strings]
    assert [pool[c] for c in codes] == strings
    assert len(pool) == len(set(strings))
    assert all(pool.find(s) == c for s, c in zip(strings, codes, strict=True))
    assert pool.find("not there") == -1


def test_pool_finds_strings_across_index_rebuilds() -> None:
    pool = StringPool()
    words = [f"name{i}" for i in range(RECENT_MAX * 3)]
    codes = [pool.code(w) for w in words]  # the sorted index is rebuilt on the way
    assert codes == list(range(len(words)))
    assert [pool.find(w) for w in words[::97]] == codes[::97]


def test_bulk_codes_equal_one_by_one() -> None:
    one = StringPool()
    expected = np.array([one.code(s) for s in ["b", "a", "b", "c"]], dtype=np.int32)
    assert StringPool().codes(["b", "a", "b", "c"]).tolist() == expected.tolist()


@settings(derandomize=True, max_examples=50)
@given(st.lists(st.text(max_size=8), max_size=30))
def test_pool_round_trips_any_text(strings: list[str]) -> None:
    pool = StringPool()
    view = PoolView(pool, pool.codes(strings))
    assert list(view) == strings
    assert view[: len(strings)] == strings


@settings(derandomize=True, max_examples=50)
@given(st.lists(st.text(max_size=6), min_size=1, max_size=8), st.integers(0, 2**32 - 1))
def test_decode_many_equals_one_by_one(strings: list[str], seed: int) -> None:
    pool = StringPool(strings)
    codes = np.random.default_rng(seed).integers(0, len(pool), 200)
    assert pool.decode(codes) == [pool[c] for c in codes.tolist()]


@pytest.mark.parametrize(
    ("ops", "expected"),
    [
        ([("extend", [1, 2]), ("append", 3)], [1, 2, 3]),
        ([("extend", list(range(40))), ("keep", np.arange(40) % 10 == 0)], [0, 10, 20, 30]),
        ([("extend", [5, 6, 7]), ("keep", np.array([2, 0])), ("append", 1)], [7, 5, 1]),
    ],
    ids=["append", "keep-mask", "keep-index-then-append"],
)
def test_growable(ops: list[tuple[str, object]], expected: list[int]) -> None:
    col = Growable(np.int64)
    for name, arg in ops:
        getattr(col, name)(arg)
    col.trim()
    assert col.view().tolist() == expected
    assert len(col) == len(expected)


def test_seen_keys_report_first_line_across_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    from nasab._columns import SeenKeys

    monkeypatch.setattr(SeenKeys, "PENDING", 8)
    seen = SeenKeys()
    assert [seen.add(f"id{i}", i + 1) for i in range(30)] == [None] * 30
    assert [seen.add(k, 99) for k in ("id0", "id7", "id29", "معرف")] == [1, 8, 30, None]
    assert len(seen) == 31 and seen.nbytes() > 0


@given(st.lists(st.sampled_from(["E1", "E2", "علي", "", "😀", "Ali"]), max_size=40))
def test_pool_view_factorize_is_first_appearance_order(rows: list[str]) -> None:
    """factorize() gives what a dict in order of first appearance gives, whatever the pool's
    own code order (the pool here was filled in another order)."""
    pool = StringPool(["Ali", "", "E2", "😀", "علي", "E1"])
    view = PoolView(pool, np.array([pool.code(r) for r in rows], dtype=np.int32))
    names, idx = view.factorize()
    seen: dict[str, int] = {}
    expected = [seen.setdefault(r, len(seen)) for r in rows]
    assert names == list(seen)
    assert idx.tolist() == expected
    assert idx.dtype == np.int32
