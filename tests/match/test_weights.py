"""Token weights: the world's (token_freq.tsv) and a list's own (ListFrequency)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.match import compare, prepare, score_prepared, token_weight
from nasab.match.batch import score_bounds, score_pairs
from nasab.match.weak import weak_factor
from nasab.match.weights import LIST_FLOOR, ListFrequency, weights_of

# A list of 10,000 names where Mohammed and Ali are everywhere and Kazemi is common.
COMMON = ListFrequency({"MHMD": 4000, "ALY": 2500, "KZM": 300, "HSN": LIST_FLOOR}, 10_000)


@pytest.mark.parametrize(
    ("key", "lowered"),
    [
        ("MHMD", True),  # common in the world and in the list
        ("KZM", True),  # rare in the world, common in this list
        ("HSN", False),  # at the floor: one entity written a few ways
        ("XQZT", False),  # not in the list
    ],
    ids=["mohammed", "kazemi", "at-floor", "absent"],
)
def test_list_weight_lowers_only_tokens_common_in_the_list(key: str, lowered: bool) -> None:
    got = COMMON.weight(key)
    assert got <= token_weight(key)
    assert (got < token_weight(key)) == lowered


def test_a_short_list_changes_nothing() -> None:
    assert ListFrequency({"KZM": LIST_FLOOR, "ALY": 3}, 12).counts == {}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed Ali al-Kazemi", "محمد علي الكاظمي"),
        ("Mohammed Hassan", "Mohammed Hussein"),
        ("Ali al-Kazemi", "Hassan al-Kazemi"),
        ("Kazemi", "Ali al-Kazemi"),
    ],
    ids=["cross-script", "shared-given", "shared-family", "weak"],
)
def test_plain_compare_is_unchanged_and_freq_is_one_path(a: str, b: str) -> None:
    pa, pb = prepare(a), prepare(b)
    assert compare(a, b).score == score_prepared(pa, pb)
    with_list = score_prepared(pa, pb, freq=COMMON)
    assert compare(a, b, freq=COMMON).score == with_list
    assert float(score_pairs([pa], [pb], [0], [0], freq=COMMON)[0]) == pytest.approx(with_list)
    assert score_bounds([pa], [pb], [0], [0], freq=COMMON)[0] >= with_list


def test_a_common_given_name_is_weaker_evidence_in_the_list() -> None:
    a, b = prepare("Mohammed Ali Zubaydi"), prepare("Mohammed Ali Hashimi")
    assert score_prepared(a, b, freq=COMMON) < score_prepared(a, b)
    assert weak_factor(prepare("Kazemi"), COMMON) < weak_factor(prepare("Kazemi"))


@pytest.mark.parametrize(
    ("a", "b", "kept"),
    [
        ("Mohammed al-Kazemi", "محمد الكاظمي", False),  # only names common in the list agree
        ("Mohammed al-Kazemi", "Mohammed al-Kazimi", False),
        ("Mohammed Ali Zubaydi", "محمد علي الزبيدي", True),  # a rare family name carries it
        ("Ali Samir", "علي سمير", True),  # a rare given name carries it
    ],
    ids=["common-only-cross", "common-only-latin", "rare-family", "rare-given"],
)
def test_common_tokens_alone_do_not_carry_a_match_in_the_list(a: str, b: str, kept: bool) -> None:
    # A score is a ratio: without the list's evidence floor (LIST_EVIDENCE) every pair
    # here scores at least 0.9 with the list's weights too; with it, a pair whose agreeing
    # names the list made common (Kazemi: rare in the world, 300 names of this list) falls
    # under 0.7, one with a name rare in the list keeps its score.
    plain = compare(a, b).score
    with_list = compare(a, b, freq=COMMON)
    assert plain >= 0.9
    assert (with_list.score >= 0.9) == kept
    assert kept or with_list.score < 0.7
    assert kept or any("little evidence in this list" in n for n in with_list.notes)


@pytest.mark.parametrize(
    ("names", "floor"),
    [(500, 0.8), (10_000, 0.8), (100_000, 0.9), (1_000_000, 1.0), (10**8, 1.0)],
    ids=["short", "at-base", "tenfold", "hundredfold", "capped"],
)
def test_the_evidence_floor_grows_with_the_list(names: int, floor: float) -> None:
    assert ListFrequency({}, names).evidence_floor == pytest.approx(floor)


@pytest.mark.parametrize(
    ("a", "b", "lower"),
    [
        ("Mohammed Hashimi", "محمد الهاشمي", True),  # evidence 0.75 in both lists
        ("Mohammed Samir", "Mohammed Samir al-Najjar", True),
        ("Ali Fadil", "علي فاضل", False),  # evidence 1.0: enough in any list
    ],
    ids=["common-given-cross", "common-given-latin", "enough"],
)
def test_a_longer_list_asks_more_evidence(a: str, b: str, lower: bool) -> None:
    # The same shares of the list carry Mohammed and Ali in both lists; in the list a
    # hundred times as long, more people fit the same evidence by chance.
    small = ListFrequency({"MHMD": 4000, "ALY": 2500}, 10_000)
    big = ListFrequency({"MHMD": 400_000, "ALY": 250_000}, 1_000_000)
    in_small, in_big = compare(a, b, freq=small).score, compare(a, b, freq=big).score
    assert (in_big < in_small - 0.03) == lower
    assert in_big <= in_small


def test_weights_follow_the_table_as_it_grows() -> None:
    p = prepare("Zubayr Kazemi")
    ws = weights_of(p.table, COMMON)
    assert len(ws) >= len(p.table)
    assert ws[p.ids[1]] == COMMON.weight(p.table.key[p.ids[1]])
    assert weights_of(p.table, None) is p.table.weight


def test_pickles_and_compares_by_counts() -> None:
    back = pickle.loads(pickle.dumps(COMMON))
    assert back == COMMON and back is not COMMON
    assert back != ListFrequency(COMMON.counts, 20_000)
    assert back.weight("KZM") == COMMON.weight("KZM")


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["MHMD", "ALY", "KZM", "HSN", "X", "BKR"]), st.integers(0, 10**6)
    ),
    st.integers(1, 10**6),
)
def test_list_weights_stay_in_range(counts: dict[str, int], names: int) -> None:
    lf = ListFrequency(counts, names)
    for key in ("MHMD", "ALY", "KZM", "HSN", "X", "BKR"):
        assert 0.15 <= lf.weight(key) <= token_weight(key) <= 1.0
