"""Tests for nasab.translit.variants: bounded candidate search and its limits."""

from __future__ import annotations

import math
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.errors import InputError
from nasab.text import MAX_NAME_TOKENS
from nasab.translit import arabic_candidates, variants
from nasab.translit.variants import MAX_K, _best_combinations

LONG_AR = "محمد بن عبد الله بن عبد الرحمن بن سعود بن فيصل"
LONG_LA = "Mohammed bin Abdullah bin Abdulrahman bin Saud bin Faisal"


def _full_product(options: list[list[tuple[str, float]]], k: int) -> list[float]:
    scores = [math.prod(p for _, p in combo) for combo in product(*options)]
    return sorted(scores, reverse=True)[:k]


@settings(derandomize=True, max_examples=200)
@given(
    st.lists(
        st.lists(st.floats(0.001, 1.0), min_size=1, max_size=4),
        min_size=1,
        max_size=5,
    ),
    st.integers(1, 12),
)
def test_beam_is_exact(probs: list[list[float]], k: int) -> None:
    options = [
        sorted(((f"w{i}{j}", p) for j, p in enumerate(ps)), key=lambda x: -x[1])
        for i, ps in enumerate(probs)
    ]
    got = [p for _, p in _best_combinations(options, k)]
    assert got == pytest.approx(_full_product(options, k))


@pytest.mark.parametrize(
    ("fn", "name"),
    [
        (variants, LONG_AR),
        (variants, LONG_LA),
        (arabic_candidates, LONG_LA),
        (variants, " ".join([LONG_AR] * 4)),
        (arabic_candidates, " ".join([LONG_LA] * 4)),
    ],
    ids=[
        "variants-ar-11",
        "variants-la-9",
        "candidates-la-9",
        "variants-ar-44",
        "candidates-la-36",
    ],
)
def test_long_names_return_k_candidates(fn, name: str) -> None:  # type: ignore[no-untyped-def]
    out = fn(name, k=5)
    assert 1 <= len(out) <= 5
    assert len(out) == len(set(out))
    assert fn(name, k=5) == out  # deterministic
    assert all(len(c.split()) >= len(name.split()) - 1 for c in out)


@pytest.mark.parametrize(
    ("fn", "name", "k", "limit"),
    [
        (variants, " ".join(["Ali"] * (MAX_NAME_TOKENS + 1)), 5, f"{MAX_NAME_TOKENS}"),
        (arabic_candidates, " ".join(["Ali"] * (MAX_NAME_TOKENS + 1)), 5, f"{MAX_NAME_TOKENS}"),
        (variants, "Ali", MAX_K + 1, f"{MAX_K}"),
        (arabic_candidates, "Ali", MAX_K + 1, f"{MAX_K}"),
        (variants, "A" * 10_001, 5, "10,000"),
        (arabic_candidates, "Ali", "5", "integer"),
    ],
    ids=["variants-tokens", "candidates-tokens", "variants-k", "candidates-k", "length", "k-type"],
)
def test_limits_raise_input_error(fn, name: str, k: object, limit: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=limit):
        fn(name, k=k)


@pytest.mark.parametrize(
    ("fn", "name"),
    [(variants, "ق" * 200), (variants, "x" * 200), (arabic_candidates, "x" * 200)],
    ids=["arabic-word", "latin-word", "candidates-word"],
)
def test_overlong_word_is_kept_not_decoded(fn, name: str) -> None:  # type: ignore[no-untyped-def]
    assert fn(name, k=3)


@pytest.mark.parametrize("k", [0, -3], ids=["zero", "negative"])
def test_k_zero_or_negative_gives_nothing(k: int) -> None:
    assert variants("Ali", k=k) == [] and arabic_candidates("Ali", k=k) == []
