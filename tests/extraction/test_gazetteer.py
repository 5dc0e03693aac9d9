"""Listed organisations are found even when their name ends in a lower-case particle."""

from __future__ import annotations

import pytest

from nasab import extract

CASES = [
    (
        "particle at the end",
        "The army retook the town from Hayat Tahrir al-Sham (HTS) on Sunday.",
        "Hayat Tahrir al-Sham",
    ),
    (
        "plain listed name",
        "The Syrian Democratic Forces denied any role.",
        "Syrian Democratic Forces",
    ),
]


@pytest.mark.parametrize(("text", "org"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_listed_organisation_is_not_a_person(text: str, org: str) -> None:
    ex = extract(text)
    assert org in {m.text for m in ex.mentions if m.kind == "organization"}
    assert org not in {m.text for m in ex.mentions if m.kind == "person"}


def test_known_name_with_ch_is_projected_into_arabic() -> None:
    # Kurdish/Persian "ch" is چ, written ج in Arabic: the known English name still finds it.
    text = "التقى رئيس الإقليم نيجيرفان بارزاني يوم الاثنين قائد القوات في أربيل."
    ex = extract(text, known=["Nechirvan Barzani"])
    assert "نيجيرفان بارزاني" in {m.text for m in ex.mentions if m.kind == "person"}


ROLE_CASES = [
    (
        "english role after a determiner",
        "Barzani met the commander of the International Coalition, Lieutenant General Kevin Leahy, in Erbil.",
        "Kevin Leahy",
        "Commander",
    ),
    (
        "arabic role whose holder a later rule reads",
        "التقى بارزاني قائد قوات التحالف الدولي الفريق كيفن ليهي في أربيل.",
        "كيفن ليهي",
        "Commander",
    ),
]


@pytest.mark.parametrize(
    ("text", "person", "role"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES]
)
def test_role_is_linked_to_its_holder(text: str, person: str, role: str) -> None:
    rels = extract(text).relations
    assert any(
        r.type == "holds_role"
        and r.subject.text == person
        and r.attrs.get("role") == role
        and r.attrs.get("rank") == "Lieutenant General"
        for r in rels
    )


def test_kunya_alias_makes_the_name_before_it_a_person() -> None:
    text = "Security forces killed Amr Saad Abbas, also known as Abu Hamza al-Masri, in Giza."
    ex = extract(text)
    persons = {m.text for m in ex.mentions if m.kind == "person"}
    assert {"Amr Saad Abbas", "Abu Hamza al-Masri"} <= persons
    assert any(r.type == "alias" and r.object.text == "Amr Saad Abbas" for r in ex.relations)


def test_arabic_alias_marker_ends_the_name_and_nationality_is_not_a_person() -> None:
    text = (
        "أعلنت الوزارة مقتل عمرو سعد عباس المكنى أبو حمزة المصري في الجيزة. "
        "وأشاد الرئيس المصري عبد الفتاح السيسي بجهود الشرطة."
    )
    persons = {m.text for m in extract(text).mentions if m.kind == "person"}
    assert "عمرو سعد عباس" in persons
    assert "المصري" not in persons and not any("المكنى" in p for p in persons)


def test_honorific_after_a_name_word_is_part_of_the_name() -> None:
    ex = extract("Ministry spokesman Major General Ahmed Sharif said two officers were wounded.")
    assert "Ahmed Sharif" in {m.text for m in ex.mentions if m.kind == "person"}


def test_known_group_name_gives_no_person_short_form() -> None:
    text = "The Houthi movement said its forces shot down a drone."
    ex = extract(text, known=["جماعة الحوثي"])
    assert not [m for m in ex.mentions if m.kind == "person"]


def test_ordinary_article_word_does_not_extend_an_arabic_name() -> None:
    ex = extract("وبحث وزير الدفاع السعودي الأمير خالد بن سلمان الهجوم مع المبعوث.")
    assert [m.text for m in ex.mentions if m.kind == "person"] == ["خالد بن سلمان"]
