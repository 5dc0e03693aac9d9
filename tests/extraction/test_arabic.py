"""Tests of the Arabic rules (nasab.extraction.arabic) for organisations: a conference held
by a body is no organisation, the body is."""

from __future__ import annotations

import pytest

from nasab.extraction import extract, read_documents


def _ex(text: str):
    return extract(read_documents([{"id": "t", "text": text}])[0])


def test_arabic_conference_is_no_organisation() -> None:
    ex = _ex("وشارك في المؤتمر العلمي الدولي لجهاز مكافحة الإرهاب")
    assert [m.text for m in ex.organizations()] == ["جهاز مكافحة الإرهاب"]


def _roles(text: str) -> list[tuple[str, str]]:
    ex = _ex(text)
    return sorted((r.subject.text, r.object.text) for r in ex.relations if r.type == "holds_role")


ROLE_CASES = [
    # the role's complement (an organisation the rules do not read) stands between
    (
        "complement-construct",
        "وأكد المتحدث باسم مصلحة الموانئ، سامر القحطاني، أن العمل مستمر",
        [("سامر القحطاني", "المتحدث باسم")],
    ),
    (
        "complement-definite-words",
        "بحضور مدير المستشفى والقطاع الصحي خالد الراشد وعدد من الأطباء",
        [("خالد الراشد", "مدير")],
    ),
    (
        "complement-then-rank",
        "أوضح المتحدث الإعلامي للإدارة العامة للدفاع المدني العقيد ماجد بن فهد الراشد أنه",
        [("ماجد بن فهد الراشد", "المتحدث")],
    ),
    # a verb between a role and a name ends the complement
    ("verb-breaks", "وكان المدير يقول محمد الراشد", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES]
)
def test_arabic_role_holder_after_complement(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


def test_conjunction_and_article_starts_no_name() -> None:
    ex = _ex("بحضور مدير المستشفى والقطاع الصحي خالد الراشد")
    assert "والقطاع الصحي" not in [m.text for m in ex.persons()]
