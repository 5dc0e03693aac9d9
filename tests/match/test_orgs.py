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
    assert "nasab-org-v2" in text
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
