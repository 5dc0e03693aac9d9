"""Tests for nasab.match.bounds: the upper bound on the name score never falls below it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.errors import InputError
from nasab.match import prepare, score_prepared
from nasab.match.batch import compare_many, prepare_all, score_bounds, score_pairs
from nasab.match.bounds import unique_inverse

# Tokens that exercise every rule the bound must cover: common and rare names in both
# scripts, the article joined and apart, Abd- compounds, initials, kunyas, compound
# suffixes (joins), names written as one word or two, crossed orders, nicknames.
_WORDS = [
    "Mohammed", "Muhammad", "Mohamad", "Ali", "Aly", "Hasan", "Hassan", "Hussein",
    "Khalid", "Jassim", "Jasim", "al-Kazemi", "Kadhimi", "Kazimi", "al-Rikabi", "Rikabi",
    "al-Hamdani", "Hamdani", "Alfaqih", "al-Faqih", "Faqih", "Abdul Wahab", "Abdelwahab",
    "Abd al-Qadir", "Qadir", "A.", "K.", "Abu Bakr", "Abu Omar", "Umm Ali", "bin", "ibn",
    "Gul", "Khan", "Gulkhan", "Zabihullah", "Zabih", "ullah", "Karim", "zai", "Karimzai",
    "Jashn", "Saz", "Jashnsaz", "Nasser", "el-Din", "Nasreddin", "Ivan", "Igor",
    "Vladimirovich", "Sharif", "Nawaz", "Sayed", "Haji", "Reza", "Musavi", "Bill", "William",
    "Bob", "Robert",
    "محمد", "علي", "حسن", "الكاظمي", "كاظمي", "الركابي", "خالد", "جاسم", "عبد الوهاب",
    "ابو بكر", "ذبيح", "الله", "ذبيح الله", "گل", "خان", "مجاهد", "الحمداني", "ناصر",
]  # fmt: skip
_NAME = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=6), st.lists(_NAME, min_size=1, max_size=6))
def test_bound_is_never_below_the_score(a: list[str], b: list[str]) -> None:
    pa, pb = prepare_all(a), prepare_all(b)
    rows, cols = np.divmod(np.arange(len(a) * len(b)), len(b))
    bounds = score_bounds(pa, pb, rows, cols)
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        assert bounds[k] >= score_prepared(pa[i], pb[j]), (a[i], b[j])


@st.composite
def _reordered(draw: st.DrawFn) -> tuple[str, str]:
    """A name and the same words in another order, one of them maybe replaced or dropped:
    the pairs whose alignments cross (and repeat a word) that the alignment step bounds."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5))
    other = draw(st.permutations(words))
    if draw(st.booleans()):
        other[draw(st.integers(0, len(other) - 1))] = draw(st.sampled_from(_WORDS))
    if len(other) > 1 and draw(st.booleans()):
        other.pop(draw(st.integers(0, len(other) - 1)))
    return " ".join(words), " ".join(other)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_reordered())
def test_bound_is_never_below_the_score_of_reordered_names(pair: tuple[str, str]) -> None:
    pa, pb = prepare_all(list(pair)), prepare_all(list(reversed(pair)))
    bounds = score_bounds(pa, pb, [0, 1], [0, 1])  # both orders of the pair
    assert bounds[0] >= score_prepared(pa[0], pb[0]), pair
    assert bounds[1] >= score_prepared(pa[1], pb[1]), pair


CASES = [
    ("unrelated", "Tahsin al-Zubaidi", "Ali Reza Hosseini", 0.0, 0.5),
    ("one common token", "Mohammed Jassim al-Mazroui", "Mohammed Rabie al-Rikabi", 0.0, 0.5),
    ("same person, two scripts", "Mustafa al-Kadhimi", "مصطفى الكاظمي", 0.85, 1.0),
    ("identical", "Ali Hassan", "Ali Hassan", 1.0, 1.0),
    ("written as one word", "Jashn Saz Karimi", "Jashnsaz Karimi", 0.5, 1.0),
    ("a nickname and its formal name", "Bill Harrow", "William Harrow", 0.9, 1.0),
]


@pytest.mark.parametrize(
    ("a", "b", "low", "high"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bound_cases(a: str, b: str, low: float, high: float) -> None:
    bound = score_bounds([prepare(a)], [prepare(b)], [0], [0])[0]
    assert low <= bound <= high
    assert bound >= score_prepared(prepare(a), prepare(b))


# (a, b, most): pairs whose tokens agree but align in crossed order, or whose family
# names cannot align; the alignment step bounds them near their score (main bounded them
# from each token's best partner anywhere: 0.69-0.93).
ALIGNED_CASES = [
    ("given names crossed, family apart", "Faris Adel Qandil", "Adel Faris Mansour", 0.3),
    ("given names crossed, Arabic", "فارس عادل قنديل", "عادل فارس منصور", 0.3),
    ("given names crossed, two scripts", "Faris Adel Qandil", "عادل فارس منصور", 0.3),
    ("a family name aligned with a middle name", "Abbet Fenin Merania", "Abbet Magaña Fenin", 0.6),
    (
        "family names apart, order crossed",
        "Abbet Camerin al-Dürr",
        "Camerin Abet Tamio al-Gatiss",
        0.3,
    ),
]


@pytest.mark.parametrize(
    ("a", "b", "most"), [c[1:] for c in ALIGNED_CASES], ids=[c[0] for c in ALIGNED_CASES]
)
def test_bound_of_the_alignment(a: str, b: str, most: float) -> None:
    pa, pb = prepare(a), prepare(b)
    for x, y in ((pa, pb), (pb, pa)):
        bound = score_bounds([x], [y], [0], [0])[0]
        assert score_prepared(x, y) <= bound <= most


def test_score_pairs_with_cutoff_keeps_every_score_above_it() -> None:
    a = ["Mustafa Al-Kazemi", "Mohammed al-Hamdani", "Gul Khan", "Jashn Saz"]
    b = ["مصطفى الكاظمي", "Mohammed Rabie al-Rikabi", "Gulkhan", "Jashnsaz", "Ali"]
    pa, pb = prepare_all(a), prepare_all(b)
    rows, cols = np.divmod(np.arange(len(a) * len(b)), len(b))
    full = score_pairs(pa, pb, rows, cols)
    cut = score_pairs(pa, pb, rows, cols, cutoff=0.5)
    assert (cut[full >= 0.5] == full[full >= 0.5]).all()
    assert (cut[full < 0.5] <= full[full < 0.5]).all()
    m = compare_many(a, b, cutoff=0.5, prefilter=0.0)
    assert (m.ravel() == np.where(full >= 0.5, full, 0.0)).all()


def test_bound_refuses_rows_and_cols_of_different_lengths() -> None:
    with pytest.raises(InputError, match="differ in length"):
        score_bounds(prepare_all(["Ali"]), prepare_all(["Ali"]), [0, 0], [0])


@pytest.mark.parametrize(
    "keys",
    [
        [],
        [5],
        [3, 3, 3],
        [9, 0, 9, 4, 0],
        [[2, 7], [7, 1]],  # two dimensions: the inverse is flat
        [1 << 61, 3, 1 << 61],  # too large to pack: np.unique's path
    ],
)
def test_unique_inverse_is_np_unique(keys: list[int]) -> None:
    arr = np.asarray(keys, dtype=np.int64)
    uniq, inverse = unique_inverse(arr)
    want_uniq, want_inverse = np.unique(arr, return_inverse=True)
    assert uniq.tolist() == want_uniq.tolist()
    assert inverse.tolist() == want_inverse.reshape(-1).tolist()


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 1 << 40), max_size=300))
def test_unique_inverse_rebuilds_the_keys(keys: list[int]) -> None:
    uniq, inverse = unique_inverse(np.asarray(keys, dtype=np.int64))
    assert uniq[inverse].tolist() == keys
    assert uniq.tolist() == sorted(set(keys))


@settings(derandomize=True, max_examples=150, deadline=None)
@given(
    st.lists(_NAME, min_size=1, max_size=6),
    st.lists(_NAME, min_size=1, max_size=6),
    st.sampled_from([0.3, 0.5, 0.65, 0.8]),
)
def test_bound_with_cutoff_gives_the_same_verdicts(a: list[str], b: list[str], cut: float) -> None:
    pa, pb = prepare_all(a), prepare_all(b)
    rows, cols = np.divmod(np.arange(len(a) * len(b)), len(b))
    full = score_bounds(pa, pb, rows, cols)
    quick = score_bounds(pa, pb, rows, cols, cutoff=cut)
    assert ((quick >= cut) == (full >= cut)).all()
    assert (quick[full >= cut] == full[full >= cut]).all()  # the same bound where it reaches
    assert (quick >= full).all()  # elsewhere still an upper bound (of the score too)


# (a, b, cutoff): pairs whose one-to-one bound is under the cutoff keep it (no bisection).
CUTOFF_CASES = [
    ("unrelated, under", "Tahsin al-Zubaidi", "Ali Reza Hosseini", 0.65),
    ("one common token, under", "Mohammed Jassim al-Mazroui", "Mohammed Rabie al-Rikabi", 0.65),
    ("same person, above", "Mustafa al-Kadhimi", "مصطفى الكاظمي", 0.65),
    ("a nickname, above", "Bill Harrow", "William Harrow", 0.65),
]


@pytest.mark.parametrize(
    ("a", "b", "cut"), [c[1:] for c in CUTOFF_CASES], ids=[c[0] for c in CUTOFF_CASES]
)
def test_bound_with_cutoff_cases(a: str, b: str, cut: float) -> None:
    pa, pb = [prepare(a)], [prepare(b)]
    full = score_bounds(pa, pb, [0], [0])[0]
    quick = score_bounds(pa, pb, [0], [0], cutoff=[cut])[0]
    assert (quick >= cut) == (full >= cut)
    assert quick >= full >= score_prepared(pa[0], pb[0])


def test_bound_refuses_a_cutoff_of_another_length() -> None:
    with pytest.raises(InputError, match="cutoff and rows differ"):
        score_bounds(prepare_all(["Ali"]), prepare_all(["Ali"]), [0], [0], cutoff=[0.5, 0.6])


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(_NAME, min_size=1, max_size=6), st.lists(_NAME, min_size=1, max_size=6))
def test_score_without_the_join_is_the_score_where_no_join_is_possible(
    a: list[str], b: list[str]
) -> None:
    pa, pb = prepare_all(a), prepare_all(b)
    rows, cols = np.divmod(np.arange(len(a) * len(b)), len(b))
    joinable = np.zeros(len(rows), dtype=bool)
    score_bounds(pa, pb, rows, cols, joinable=joinable)
    for i, j in zip(rows[~joinable].tolist(), cols[~joinable].tolist(), strict=True):
        assert score_prepared(pa[i], pb[j], join=False) == score_prepared(pa[i], pb[j]), (
            a[i],
            b[j],
        )


# (name, name, whether the bound may find a join): names one of which writes as one word
# what the other writes as two (the join changes their score), and names that cannot.
JOIN_CASES = [
    ("Jashn Saz", "Jashnsaz", True),
    ("Gul Khan Karimi", "Gulkhan Karimi", True),
    ("ذبيح الله محمدي", "Zabihullah Mohammadi", True),
    ("Tahsin al-Jubouri", "Tahsin Jubouri", False),
    ("Mustafa Jassim", "مصطفى جاسم", False),
    ("خالد الحمداني", "خالد حمداني", False),
]


@pytest.mark.parametrize(("a", "b", "may_join"), JOIN_CASES)
def test_joinable_cases(a: str, b: str, may_join: bool) -> None:
    pa, pb = [prepare(a)], [prepare(b)]
    joinable = np.zeros(1, dtype=bool)
    score_bounds(pa, pb, [0], [0], joinable=joinable)
    assert bool(joinable[0]) is may_join
    joined = score_prepared(pa[0], pb[0])
    if may_join:  # the join raises the score: skipping it would be wrong
        assert score_prepared(pa[0], pb[0], join=False) < joined
    else:
        assert score_prepared(pa[0], pb[0], join=False) == joined


def test_bound_refuses_a_joinable_of_another_length() -> None:
    with pytest.raises(InputError, match="joinable and rows differ"):
        score_bounds(
            prepare_all(["Ali"]), prepare_all(["Ali"]), [0], [0], joinable=np.ones(2, bool)
        )


def test_join_length_bits_keep_every_pair_of_lengths_the_cell_test_keeps() -> None:
    # _may_join tries a joined pair only against names with a fold of a length that may
    # reach JOIN_MIN (_join_lengths): the same lengths _fold_max lets through, and any
    # length over the bits (a long string is never left out).
    from nasab.match import bounds as bd
    from nasab.match.algorithms import JOIN_MIN

    reach = np.array(bd._join_lengths(), dtype=np.uint64)
    for la in range(80):
        for lb in range(80):
            passes = 2.0 * min(la, lb) / max(la + lb, 1) + bd._LENGTH_SLACK >= JOIN_MIN
            bits = bd._length_bits(np.array([[la]]), reach) & bd._length_bits(np.array([[lb]]))
            kept = bool(bits[0])
            if la < bd._LENGTH_BITS and lb < bd._LENGTH_BITS:
                assert kept is passes, (la, lb)
            else:
                assert kept or not passes, (la, lb)
