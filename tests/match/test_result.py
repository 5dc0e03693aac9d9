"""Tests for nasab.match.result: Match (its explanation made on first read) and Pair."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from nasab import compare
from nasab.match import clear_caches
from nasab.match.compare import score_prepared
from nasab.match.prepared import prepare
from nasab.match.result import Match

PAIRS = [
    ("Mustafa al-Kadhimi", "مصطفى الكاظمي"),
    ("Mohammed Rabie al-Rikabi", "Mohammed al-Hamdani"),
    ("Khalid Jassim al-Shammari", "Jassim Khalid al-Shammari"),
    ("Abu Bakr al-Baghdadi", "ابو بكر البغدادي"),
    ("Ahmad Khalid Hasan al-Najjar", "Khalid Hasan al-Najjar"),
    ("Zabihullah Mujahid", "ذبيح الله مجاهد"),
    ("Ali", "Ali"),
]
IDS = [f"{a}|{b}" for a, b in PAIRS]


def _eager(a: str, b: str) -> Match:
    """The Match with its explanation read at once, as a plain tuple of its fields."""
    m = compare(a, b)
    return Match(a, b, m.score, m.features, m.pairs, m.notes, m.algorithm, m.kind)


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=IDS)
def test_lazy_explanation_reads_as_the_eager_one(a: str, b: str) -> None:
    eager = _eager(a, b)
    clear_caches()
    lazy = compare(a, b)
    assert lazy.score == eager.score == score_prepared(prepare(a), prepare(b))
    assert lazy.explain() == eager.explain()
    assert lazy == eager
    assert repr(lazy) == repr(eager)


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=IDS)
def test_swapped_order_turns_the_pairs(a: str, b: str) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert (ab.a, ab.b, ba.a, ba.b) == (a, b, b, a)
    assert ab.score == ba.score
    assert [(p.a, p.b) for p in ab.pairs] == [(p.b, p.a) for p in ba.pairs]
    assert ab.notes == ba.notes


def test_explanation_is_made_once() -> None:
    calls = []

    def explain() -> tuple[dict[str, float], tuple, tuple[str, ...]]:
        calls.append(1)
        return {"evidence": 1.0}, (), ("aligned",)

    m = Match.lazy("Ali", "Aly", 0.9, explain)
    assert calls == []
    assert m.notes == ("aligned",) and m.features == {"evidence": 1.0} and m.pairs == ()
    assert "aligned" in m.explain()
    assert calls == [1]


@pytest.mark.parametrize("field", ["score", "a", "notes", "features"], ids=str)
def test_match_is_frozen(field: str) -> None:
    m = compare("Tahsin al-Zubaidi", "تحسين الزبيدي")
    with pytest.raises(FrozenInstanceError):
        setattr(m, field, 0.0)


def test_lazy_match_pickles_with_its_explanation() -> None:
    m = compare("Mustafa al-Kadhimi", "مصطفى الكاظمي")
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.explain() == m.explain()


def test_match_equality_and_float() -> None:
    assert Match("Ali", "Ali", 1.0) == Match("Ali", "Ali", 1.0, {}, (), ())
    assert Match("Ali", "Ali", 1.0) != Match("Ali", "Aly", 1.0)
    assert float(Match("Ali", "Aly", 0.5)) == 0.5
