"""Tests for nasab.match.orgs: organisation names across scripts, acronyms and translations."""

from __future__ import annotations

import pytest

from nasab.errors import InputError
from nasab.match import compare
from nasab.match.orgs import ALGORITHM, compare_orgs, org_keys, parse_org

SAME = [
    ("ISIS", "ISIL"),
    ("ISIS", "Daesh"),
    ("ISIS", "داعش"),
    ("Islamic State", "داعش"),
    ("ISIS", "Islamic State of Iraq and Syria"),
    ("ISIL", "Islamic State of Iraq and the Levant"),
    ("جهاز مكافحة الإرهاب", "Counter-Terrorism Service"),
    ("التحالف الدولي", "International Coalition"),
    ("AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN"),
    ("Anglo-Caribbean Co., Ltd.", "ANGLO-CARIBBEAN COMPANY LIMITED"),
    ("The Iraqi Ministry of Defence", "Iraqi Ministry of Defence"),
    ("SHIRAZ ELECTRONICS INDUSTRIES", "SHIRAZ ELECTRONIC INDUSTRIES"),
    ("COPROVA", "COMERCIALIZACION DE PRODUCTOS VARIOS"),
]

DIFFERENT = [
    ("Iraqi News Agency", "Iraqi Ministry of Defence"),
    ("Islamic State", "Islamic Jihad"),
    ("GENAVA 12", "GENAVA 11"),
    ("EP-MNK", "EP-MNQ"),
    ("National Bank of Iraq", "National Security Service"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a}~{b}" for a, b in SAME])
def test_same_organisation(a: str, b: str) -> None:
    m = compare(a, b, kind="organization")
    assert m.score >= 0.75, m.explain()
    assert m.kind == "organization" and m.algorithm == ALGORITHM


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a}!~{b}" for a, b in DIFFERENT])
def test_different_organisations(a: str, b: str) -> None:
    m = compare_orgs(a, b)
    assert m.score < 0.5, m.explain()


@pytest.mark.parametrize(
    ("a", "b"), SAME + DIFFERENT, ids=[f"{a}|{b}" for a, b in SAME + DIFFERENT]
)
def test_symmetric_and_bounded(a: str, b: str) -> None:
    x, y = compare_orgs(a, b), compare_orgs(b, a)
    assert x.score == y.score
    assert 0.0 <= x.score <= 1.0
    assert (x.a, x.b) == (a, b)


def test_acronym_needs_capitals() -> None:
    assert compare_orgs("ISIS", "Islamic State of Iraq and Syria").score >= 0.9
    # "Sis" in lower case is a word, not an acronym.
    assert compare_orgs("Sis Trading", "Syrian Investment Society").score < 0.5


def test_explain_mentions_alignment() -> None:
    text = compare_orgs("Iraqi News Agency", "Iraqi Ministry of Defence").explain()
    assert "nasab-org-v3" in text
    assert "iraqi" in text


def test_legal_forms_set_aside() -> None:
    n = parse_org("ANGLO-CARIBBEAN CO., LTD.")
    assert n.legal == ("co", "ltd")
    assert [u.text for u in n.units] == ["anglo", "caribbean"]


def test_keys_bring_acronyms_and_translations_together() -> None:
    assert org_keys("ISIS") & org_keys("Islamic State of Iraq and Syria")
    assert org_keys("جهاز مكافحة الإرهاب") & org_keys("Counter-Terrorism Service")


@pytest.mark.parametrize("bad", [None, "", "   ", 3], ids=["none", "empty", "blank", "int"])
def test_bad_input(bad: object) -> None:
    with pytest.raises(InputError):
        compare_orgs(bad, "Iraqi News Agency")  # type: ignore[arg-type]


# Group companies: one distinctive name, each with a generic word the other lacks.
GROUP_COMPANIES = [
    ("Atlas Trading Company", "Atlas Bank"),
    ("شركة أطلس للتجارة", "مصرف أطلس"),
    ("Atlas Trading Company", "مصرف أطلس"),
]


@pytest.mark.parametrize(("a", "b"), GROUP_COMPANIES, ids=[f"{a}|{b}" for a, b in GROUP_COMPANIES])
def test_generic_words_on_both_sides_are_a_conflict(a: str, b: str) -> None:
    m = compare_orgs(a, b)
    assert m.score < 0.6, m.explain()
    assert m.features["conflict"] > 0
    assert "generic word the other lacks" in m.explain()


@pytest.mark.parametrize(
    ("a", "b"),
    [("Atlas Trading Company", "Atlas Trading"), ("شركة أطلس للتجارة", "أطلس للتجارة")],
    ids=["latin", "arabic"],
)
def test_generic_word_on_one_side_only_is_no_conflict(a: str, b: str) -> None:
    m = compare_orgs(a, b)
    assert "conflict" not in m.features
    assert m.score >= 0.75, m.explain()


@pytest.mark.parametrize(
    ("mark", "name", "acronym_score"),
    [("YK-NTC", "Nour Trading Company", 0.55), ("EP-KTC", "Karim Transport Company", 0.55)],
    ids=["yk", "ep"],
)
def test_registration_mark_is_not_an_acronym(mark: str, name: str, acronym_score: float) -> None:
    bare = mark.split("-")[1]
    assert compare_orgs(bare, name).score >= acronym_score > 0.5 > compare_orgs(mark, name).score


@pytest.mark.parametrize(
    ("acronym", "name", "low", "high"),
    [
        ("NTC", "Nour Trading Company", 0.5, 0.6),
        ("NTCO", "Nour Trading Company", 0.8, 1.0),
        ("ISIS", "Islamic State of Iraq and Syria", 0.9, 1.0),
    ],
    ids=["three-letters", "four-letters", "alias-row"],
)
def test_short_acronym_is_weak_evidence(acronym: str, name: str, low: float, high: float) -> None:
    assert low <= compare_orgs(acronym, name).score <= high


@pytest.mark.parametrize(
    ("a", "b"),
    [("Palma", "Hacienda La Palma"), ("النخيل", "مزرعة الوادي النخيل")],
    ids=["latin", "arabic"],
)
def test_one_word_name_qualified_by_a_distinctive_word_is_weak(a: str, b: str) -> None:
    m = compare_orgs(a, b)
    assert m.features.get("weak") == pytest.approx(0.85), m.explain()
    assert "weak name" in m.explain()
