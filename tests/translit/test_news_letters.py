"""The news scheme writes a word of Arabic origin with the letters newsrooms use for it
(``news_letters.tsv``), and a place by its English name; foreign names keep their own."""

from __future__ import annotations

import pytest

from nasab.lexicon import news_letters
from nasab.translit import romanize
from nasab.translit.schemes import arabic_origin, news_fits


@pytest.mark.parametrize(
    ("arabic", "expected"),
    [
        ("سامي البيضاني", "Sami al-Bidani"),  # not al-Pidani: ب is never p
        ("نزار الجبوري", "Nizar al-Jabori"),  # not al-Gabori: ج is j
        ("الجابري", "al-Jabri"),  # not al-Gabri
        ("البياتي", "al-Bayati"),  # not al-Piatti, though both are attested
        ("عاطف الدليمي", "Atef al-Delimi"),  # not al-Dlimi: no cluster to start
        ("بيروت", "Beirut"),  # a place: its English name, not Perot
        ("عادل اليمني", "Adel al-Yemeni"),  # not al-Imeni: ي opens a word as y
    ],
)
def test_arabic_words_are_written_with_newsroom_letters(arabic: str, expected: str) -> None:
    assert romanize(arabic) == expected


@pytest.mark.parametrize(
    ("arabic", "expected"),
    [
        ("بيتر", "Peter"),  # a foreign name: its own p
        ("جورج", "George"),
        ("روس بيروت", "Ross Perot"),  # a place's name inside a person's name is spelled
        ("رحيموف", "Rahimov"),  # a Slavic ending: not of Arabic origin, whatever its ح
        ("حسين الجرديزي", "Hussein al-Gardezi"),  # the attested spellings all have g
    ],
)
def test_foreign_names_and_regional_spellings_are_kept(arabic: str, expected: str) -> None:
    assert romanize(arabic) == expected


@pytest.mark.parametrize(
    ("letters", "spelling", "regional", "fits"),
    [
        ("جبوري", "jubouri", False, True),
        ("جبوري", "gabori", False, False),
        ("جبوري", "gabori", True, True),  # Egyptian g is regional
        ("بياتي", "bayati", False, True),
        ("بياتي", "piatti", True, False),
        ("دليمي", "dulaimi", False, True),
        ("دليمي", "dlimi", False, False),
        ("وليد", "walid", False, True),
        ("وليد", "valid", False, False),
        ("محمد", "mohammed", False, True),  # a doubled consonant (shadda)
        ("شريف", "sharif", False, True),
        ("شريف", "cherif", False, False),
        ("شريف", "cherif", True, True),  # Maghrebi ch is regional
        ("خالد", "khalid", False, True),  # kh is one letter, no cluster
        ("يمني", "imeni", False, False),  # و ي ه open a word as a consonant
        ("يمني", "yemeni", False, True),
        ("وزاني", "ouazzani", False, False),
        ("وزاني", "ouazzani", True, True),  # Maghrebi Ou- is regional
        ("پرويز", "parviz", False, True),  # a Persian letter: not constrained
    ],
)
def test_news_fits(letters: str, spelling: str, regional: bool, fits: bool) -> None:
    assert news_fits(letters, spelling, regional=regional) is fits


@pytest.mark.parametrize(
    ("letters", "article", "expected"),
    [
        ("بياتي", True, True),
        ("بياتي", False, False),
        ("عبيدي", False, True),  # ع
        ("صباح", False, True),  # ص ح
        ("بيتر", False, False),
        ("رحيموف", False, False),
        ("رحيموف", True, False),
    ],
)
def test_arabic_origin(letters: str, article: bool, expected: bool) -> None:
    assert arabic_origin(letters, article) is expected


def test_every_arabic_letter_has_newsroom_renderings() -> None:
    table = news_letters()
    alphabet = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
    assert set(alphabet) <= set(table)
    assert {c for c, e in table.items() if e.arabic_only} == set("عحصضظ")
    for entry in table.values():
        assert all(r.isascii() and r.islower() for r in entry.renderings + entry.regional if r)
    assert "p" not in table["ب"].written(regional=True)
    assert "v" not in table["و"].written(regional=True)
