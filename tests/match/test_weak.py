"""Tests for nasab.match.weak: a weak name against a full name says how weak it is."""

from __future__ import annotations

import pytest

from nasab import compare
from nasab.match import prepare, score_prepared
from nasab.match.weak import is_weak, pair_weakness, weak_factor

# (weak name, full name, highest score it may keep, lowest)
WEAK_VS_FULL = [
    ("Muhammad", "Muhammad Ali", 0.60, 0.40),
    ("محمد", "محمد علي", 0.60, 0.40),
    ("Omar", "Omar Farouk al-Hashimi", 0.50, 0.30),
    ("عمر", "عمر فاروق الهاشمي", 0.50, 0.30),
    ("Abu Ahmad", "Abu Ahmad al-Iraqi", 0.70, 0.50),
    ("أبو أحمد", "أبو أحمد العراقي", 0.70, 0.50),
    ("Kadhimi", "Mustafa al-Kadhimi", 0.90, 0.75),
    ("الكاظمي", "مصطفى الكاظمي", 0.90, 0.75),
    ("Rikabi", "محمد ربيع الركابي", 0.90, 0.70),
]


@pytest.mark.parametrize(("weak", "full", "high", "low"), WEAK_VS_FULL, ids=lambda x: str(x))
def test_weak_name_keeps_a_share_of_its_score(
    weak: str, full: str, high: float, low: float
) -> None:
    m = compare(weak, full)
    plain = compare(weak, full, weak=False)
    assert low <= m.score <= high < 1.0
    assert m.score == pytest.approx(plain.score * m.features["weak"])
    assert m.score == compare(full, weak).score  # symmetric
    assert f"weak name: {weak!r}" in m.explain()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Omar", "عمر"),
        ("Muhammad", "Mohamed"),
        ("Mustafa al-Kadhimi", "مصطفى الكاظمي"),
        ("Abu Ahmad", "أبو أحمد"),
        ("Muhammad", "Muhammad"),
    ],
    ids=["weak-weak-cross", "weak-weak-latin", "full-full", "kunya-kunya", "identical"],
)
def test_no_factor_between_two_weak_or_two_full_names(a: str, b: str) -> None:
    m = compare(a, b)
    assert "weak" not in m.features
    assert m.score == compare(a, b, weak=False).score
    assert pair_weakness(prepare(a), prepare(b)) == (1.0, None)


@pytest.mark.parametrize(
    ("common", "rare"),
    [("Muhammad", "Kadhimi"), ("محمد", "الكاظمي"), ("Ali", "Rikabi"), ("Abu Ahmad", "Hashimi")],
    ids=["latin", "arabic", "latin-2", "kunya-vs-family"],
)
def test_common_word_is_weaker_than_rare_word(common: str, rare: str) -> None:
    assert 0.5 <= weak_factor(prepare(common)) < weak_factor(prepare(rare)) <= 1.0


@pytest.mark.parametrize(
    ("name", "weak"),
    [
        ("Omar", True),
        ("عمر", True),
        ("Abu Ahmad", True),
        ("أبو أحمد", True),
        ("Hashimi", True),
        ("Omar Farouk", False),
        ("عمر فاروق", False),
        ("Abu Ahmad al-Iraqi", False),
        ("أبو أحمد العراقي", False),
    ],
    ids=lambda x: str(x),
)
def test_is_weak(name: str, weak: bool) -> None:
    assert is_weak(prepare(name)) is weak


@pytest.mark.parametrize(
    ("a", "b"),
    [("Muhammad", "Muhammad Ali"), ("أبو أحمد", "أبو أحمد العراقي"), ("Omar", "عمر فاروق")],
    ids=["latin", "arabic-kunya", "cross-script"],
)
def test_score_prepared_equals_compare(a: str, b: str) -> None:
    pa, pb = prepare(a), prepare(b)
    assert score_prepared(pa, pb) == compare(a, b).score
    assert score_prepared(pa, pb, weak=False) == compare(a, b, weak=False).score
    assert score_prepared(pa, pb) < score_prepared(pa, pb, weak=False)
