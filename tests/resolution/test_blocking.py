"""Tests for nasab.resolution.blocking: vectorised candidate pairs and the prefilter."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.resolution import resolve
from nasab.resolution.blocking import (
    candidate_codes,
    candidate_pairs,
    keys_and_rare,
    keys_of,
    person_keys,
    prefilter,
    rare_key,
)

TOKENS = ["Mustafa", "Kadhimi", "Kazemi", "الكاظمي", "Ali", "Hamdani", "Rikabi", "Jassim", "Ubaidi"]


def _reference(names: list[tuple[str, str]], max_block: int) -> set[tuple[int, int]]:
    """The plain combinatorial blocking the vectorised one must reproduce."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (kind, name) in enumerate(names):
        for key in keys_of(name, kind):
            blocks[(kind, key)].append(i)
    out = set()
    for members in blocks.values():
        if 2 <= len(members) <= max_block:
            out.update(combinations(sorted(members), 2))
    return out


@settings(derandomize=True, max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=2, max_value=6))
def test_candidate_pairs_match_reference(rnd: random.Random, max_block: int) -> None:
    names = [
        (rnd.choice(("person", "person", "organization")), " ".join(rnd.sample(TOKENS, 2)))
        for _ in range(rnd.randint(0, 14))
    ]
    assert candidate_pairs(names, max_block=max_block) == _reference(names, max_block)


@pytest.mark.parametrize(
    ("a", "b", "kept"),
    [
        ("Mustafa al-Kadhimi", "مصطفى الكاظمي", True),
        ("Mustafa al-Kadhimi", "Mustafa al-Kazemi", True),
        ("Mustafa al-Kadhimi", "Nouri al-Maliki", False),
        ("Jassim al-Ubaidi", "Sami Jassim al-Ubaidi", True),
        ("Musset al-Doğuş", "Musset al-Jørn", False),
        ("Mohammed Ali", "Ali Mohammed Hassan", True),  # common tokens only: scored in full
    ],
    ids=["cross-script", "spelling", "different", "short-form", "one-of-two", "common-only"],
)
def test_prefilter_verdicts(a: str, b: str, kept: bool) -> None:
    items = [("person", a), ("person", b)]
    assert prefilter(items, np.array([1])).tolist() == [kept]
    # Symmetric: the verdict does not depend on the order of the two names.
    assert prefilter(items[::-1], np.array([1])).tolist() == [kept]


def test_prefilter_keeps_organisations_and_uses_given_keys() -> None:
    items = [("organization", "Kazemi Trading"), ("organization", "Hamdani Group")]
    assert prefilter(items, np.array([1])).tolist() == [True]
    people = [("person", "Mustafa al-Kadhimi"), ("person", "Nouri al-Maliki")]
    rare = [keys_and_rare(k, n)[1] for k, n in people]
    assert rare == [rare_key(n) for _, n in people]
    assert prefilter(people, np.array([1]), rare=rare).tolist() == [False]


def test_candidate_codes_use_given_keys() -> None:
    items = [("person", "Mustafa al-Kadhimi"), ("person", "مصطفى الكاظمي")]
    keys = [keys_and_rare(k, n)[0] for k, n in items]
    assert candidate_codes(items, keys=keys).tolist() == candidate_codes(items).tolist() == [1]


def test_why_names_the_prefilter() -> None:
    res = resolve(["Musset al-Doğuş", "Musset al-Jørn"])
    assert "prefilter" in res.why(0, 1)


def test_parallel_scoring_with_prewarm_equals_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    import nasab.resolution.stages as stages

    names = [
        "Mustafa Al-Kazemi",
        "مصطفى الكاظمي",
        "Mustafa al-Kadhimi",
        "Mohammed Rabie al-Rikabi",
        "محمد ربيع الركابي",
        "Jassim al-Ubaidi",
        "جاسم العبيدي",
    ]
    serial = resolve(names).labels
    monkeypatch.setattr(stages, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setenv("NASAB_WORKERS", "2")
    assert resolve(names).labels == serial


_PREFILTER_NAMES = [
    "Mustafa al-Kadhimi", "مصطفى الكاظمي", "Mustafa Kazemi", "Nouri al-Maliki",
    "نوري المالكي", "Jassim al-Mazroui", "Jassim Mazrouei", "جاسم المزروعي",
    "Khalid Jassim al-Mazroui", "Ali Reza Hosseini", "Ali al-Kazemi", "Tahsin al-Zubaidi",
]  # fmt: skip


@settings(derandomize=True, max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(_PREFILTER_NAMES), min_size=2, max_size=30))
def test_prefilter_judges_each_pair_as_alone(names: list[str]) -> None:
    # Pairs of the same two keys are judged once: every verdict is the pair's own.
    items = [("person", x) for x in names]
    n = len(items)
    codes = np.array([i * n + j for i, j in combinations(range(n), 2)])
    alone = [
        prefilter([items[i], items[j]], np.array([1]))[0] for i, j in combinations(range(n), 2)
    ]
    assert prefilter(items, codes).tolist() == alone


_SKELETONS = [
    "KZM",
    "KDM",
    "KZMY",
    "MSTF",
    "MSTFA",
    "SDR",
    "SDRY",
    "ML",
    "MLK",
    "HSN",
    "HSYN",
    "JSM",
]


def _reference_verdict(ka: str, kb: str) -> bool:
    """The two prefilter stages of one pair of rare keys, written out pair by pair."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    from nasab.resolution.blocking import COVERAGE, PREFILTER

    if not ka or not kb:
        return True
    ratio = process.cpdist([ka], [kb], scorer=fuzz.token_set_ratio, dtype=np.uint8)[0]
    if ratio < PREFILTER:
        return False
    sa, sb = tuple(sorted(set(ka.split()))), tuple(sorted(set(kb.split())))
    short, other = (sa, sb) if (len(sa), sa) <= (len(sb), sb) else (sb, sa)
    best = [max(Levenshtein.normalized_similarity(t, o) for o in other) for t in short]
    return sum(b if b >= 0.5 else 0.0 for b in best) / len(short) >= COVERAGE


@settings(derandomize=True, max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_SKELETONS), max_size=5).map(" ".join), min_size=2, max_size=12
    )
)
def test_prefilter_equals_pair_by_pair_reference(keys: list[str]) -> None:
    # Shared tokens cover themselves without a similarity: the verdicts stay those of
    # scoring every token pair.
    items = [("person", "x")] * len(keys)
    n = len(keys)
    pairs = list(combinations(range(n), 2))
    codes = np.array([i * n + j for i, j in pairs])
    expected = [_reference_verdict(keys[i], keys[j]) for i, j in pairs]
    assert prefilter(items, codes, rare=keys).tolist() == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("JAMIL, Enayaturrahman", "RAHMAN, Inayat ur"),
        ("YAHYA ZADEH, Hamidreza", "YAHYAZADEH, Hamid Reza"),
        ("HADDAD-ADEL, Gholamali", "HADDADADEL, Gholam-Ali"),
        ("Zabihullah Mujahid", "ذبيح الله مجاهد"),
        ("Chaudhry Shujaat", "چوہدری"),
        ("Ali Alshebel", "Ali al-Shebel"),
    ],
    ids=[
        "inayat-ur-rahman",
        "yahya-zadeh",
        "haddad-adel",
        "zabihullah-ar",
        "chaudhry-ar",
        "joined-article",
    ],
)
def test_person_keys_meet_across_joined_split_and_aspirate_spellings(a: str, b: str) -> None:
    shared = person_keys(a) & person_keys(b)
    # A token key (not only a pair key of a common token) brings the two together.
    assert any(k.startswith("t:") and len(k) > 3 for k in shared), shared


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=60))
def test_first_of_each_is_the_first_position_of_each_unordered_pair(
    pairs: list[tuple[int, int]],
) -> None:
    from nasab.resolution.blocking import _first_of_each

    a, b = np.array([x for x, _ in pairs]), np.array([y for _, y in pairs])
    first, back = _first_of_each(a, b)
    # Reference: a dict of each unordered pair's first position, numbered as met.
    seen: dict[frozenset[int], int] = {}
    for k, (x, y) in enumerate(pairs):
        seen.setdefault(frozenset((x, y)), k)
    assert first.tolist() == list(seen.values())
    order = {key: g for g, key in enumerate(seen)}
    assert back.tolist() == [order[frozenset(p)] for p in pairs]
