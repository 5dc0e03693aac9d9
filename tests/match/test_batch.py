"""Tests for nasab.match.batch: the prefilter of compare_many and its bound."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from nasab.match.batch import compare_many, prefilter_keys

# Skeleton-like keys: a few consonant classes, so that shared tokens and near misses occur.
_TOKEN = st.text(st.sampled_from("BDKLMNRSTZ"), min_size=1, max_size=5)
_KEY = st.lists(_TOKEN, max_size=4).map(" ".join)


def _cdist_mask(ka: list[str], kb: list[str], threshold: float) -> np.ndarray:
    sim = process.cdist(ka, kb, scorer=fuzz.token_set_ratio, dtype=np.uint8, score_cutoff=threshold)
    return sim > 0


@settings(derandomize=True, max_examples=150)
@given(
    st.lists(_KEY, min_size=1, max_size=12),
    st.lists(_KEY, min_size=1, max_size=12),
    st.sampled_from([30.0, 60.0, 85.0]),
)
def test_prefilter_equals_cdist(ka: list[str], kb: list[str], threshold: float) -> None:
    assert (prefilter_keys(ka, kb, threshold) == _cdist_mask(ka, kb, threshold)).all()


PAIRS = [
    ("shared rare token", "KZM", "MHMD KZM", True),
    ("one letter apart", "KZMN", "KZM", True),
    ("nothing shared", "SD", "BKR", False),
    ("spelled in another order", "SLMN", "NMLS", False),
]


@pytest.mark.parametrize(("a", "b", "kept"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_prefilter_cases(a: str, b: str, kept: bool) -> None:
    assert bool(prefilter_keys([a], [b], 60.0)[0, 0]) is kept
    assert bool(_cdist_mask([a], [b], 60.0)[0, 0]) is kept


def test_compare_many_scores_equal_compare() -> None:
    from nasab.match import compare

    a = ["Mustafa Al-Kazemi", "Mohammed al-Hamdani", "Ali"]
    b = ["مصطفى الكاظمي", "Mohammed Rabie al-Rikabi", "علي"]
    m = compare_many(a, b, cutoff=0.0, prefilter=0.0)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            assert m[i, j] == np.float32(compare(x, y).score)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector on", "collector off"])
def test_compare_many_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        compare_many(["Jassim al-Mazroui", "Ali"], ["جاسم المزروعي", "Ali Hasan"])
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_compare_many_restores_the_collector_after_an_error() -> None:
    import gc

    from nasab.errors import InputError

    assert gc.isenabled()
    with pytest.raises(InputError):
        compare_many(["Ali", ""], ["Ali"])
    assert gc.isenabled()
