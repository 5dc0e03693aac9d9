"""Tests for nasab.text: normalisation and script detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nasab
from nasab.errors import InputError, NasabError
from nasab.text import (
    ascii_translation,
    check_text,
    clean,
    detect_script,
    normalize,
    normalize_arabic,
    normalize_latin,
    tokenize,
)

ARABIC_CASES = [
    ("tashkeel", "مُصْطَفَى", "مصطفي"),
    ("tatweel", "الكـــاظمي", "الكاظمي"),
    ("alef forms", "أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
    ("alef maqsura", "مصطفى", "مصطفي"),
    ("ta marbuta", "حمزة", "حمزه"),
    ("hamza carriers", "مؤمن رئيس ماء", "مومن رييس ما"),
    ("persian spellings of arabic letters", "کاظمی ہادی", "كاظمي هادي"),
    ("persian letters of sounds arabic lacks", "گل پرویز چوہدری ژاله", "گل پرويز چوهدري ژاله"),
    ("urdu heh", "ھادی", "هادي"),
    ("arabic-indic digits", "٢٠٢٤", "2024"),
    ("persian digits", "۱۴۰۳", "1403"),
    ("presentation forms", "ﻻ ﷲ", "لا الله"),
    ("superscript alef", "رحمٰن", "رحمن"),
    ("bidi and zero width", "\u200fمصطفى\u200c\u200d الكاظمي\u202c", "مصطفي الكاظمي"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ARABIC_CASES], ids=[c[0] for c in ARABIC_CASES]
)
def test_normalize_arabic(text: str, expected: str) -> None:
    assert normalize_arabic(text) == expected


LATIN_CASES = [
    ("case and article", "Mustafa Al-Kazemi", "mustafa al kazemi"),
    ("diacritics", "Muṣṭafā al-Kāẓimī", "mustafa al kazimi"),
    ("ayn and hamza marks", "ʿAbd al-Qādir Ra’ed", "abd al qadir raed"),
    ("possessive", "Al-Kazemi’s statements", "al kazemi statements"),
    ("ascii possessive", "Rikabi's", "rikabi"),
    ("joined words", "SergeiLavrov", "sergei lavrov"),
    ("spacing", "  Abdul   Wahab  ", "abdul wahab"),
    ("apostrophe in name", "Shia'", "shia"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LATIN_CASES], ids=[c[0] for c in LATIN_CASES]
)
def test_normalize_latin(text: str, expected: str) -> None:
    assert normalize_latin(text) == expected


# Latin names with diacritics take normalize's third fast path: it must read them as the
# general path does (camel case is seen before the accents are folded: LeÓnDupont stays one
# word, as the general path leaves it).
LATIN_FAST_CASES = [
    *LATIN_CASES,
    ("accents and possessive", "Jérôme Müller’s", "jerome muller"),
    ("accent breaks camel case", "LeÓnDupont", "leondupont"),
    ("camel case after accents", "ÉricDupont", "eric dupont"),
    ("letters unidecode spells long", "Straße-Ağaoğlu", "strasse agaoglu"),
    ("dotted capital", "İsmail Öztürk", "ismail ozturk"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in LATIN_FAST_CASES],
    ids=[c[0] for c in LATIN_FAST_CASES],
)
def test_normalize_reads_latin_names_as_the_general_path(text: str, expected: str) -> None:
    from nasab.text import _normalize_general

    assert normalize(text) == _normalize_general(text) == expected


SCRIPTS = [
    ("arabic", "مصطفى الكاظمي", "arabic"),
    ("latin", "Mustafa", "latin"),
    ("mixed", "Mustafa الكاظمي", "mixed"),
    ("digits only", "٢٠٢٤", "other"),
    ("empty", "", "empty"),
    ("spaces", "   ", "empty"),
    ("persian", "کاظمی", "arabic"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SCRIPTS], ids=[c[0] for c in SCRIPTS]
)
def test_detect_script(text: str, expected: str) -> None:
    assert detect_script(text) == expected


@pytest.mark.parametrize(
    "bad", [None, 42, b"bytes", ["list"]], ids=["none", "int", "bytes", "list"]
)
def test_non_strings_are_refused(bad: object) -> None:
    with pytest.raises(InputError, match="must be a string"):
        normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(NasabError):
        detect_script(bad)  # type: ignore[arg-type]


def test_mixed_token_is_split_by_script() -> None:
    assert tokenize("ISISداعش") == ["isis", "داعش"]


def test_very_long_input_is_handled() -> None:
    text = "مصطفى الكاظمي " * 7000  # ~100,000 characters
    assert normalize(text).count("الكاظمي") == 7000


def test_lone_combining_marks() -> None:
    assert normalize("\u0301\u0301") == ""
    assert clean("\u064e\u0650") == ""


@settings(derandomize=True, max_examples=300)
@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(derandomize=True, max_examples=200)
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)))
def test_arabic_normalisation_idempotent(text: str) -> None:
    once = normalize_arabic(text)
    assert normalize_arabic(once) == once


# ------------------------------------------------------------------ limits

_LONG = " ".join(["Ali"] * 65)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: check_text(_LONG, "name", max_tokens=64), "65 words; the limit is 64"),
        (
            lambda: check_text("x" * 11, "name", max_length=10),
            "11 characters long; the limit is 10",
        ),
        (lambda: nasab.compare(_LONG, "Ali"), "the limit is 64"),
        (lambda: nasab.resolve([_LONG]), "the limit is 64"),
        (lambda: nasab.variants(_LONG), "the limit is 64"),
        (lambda: nasab.arabic_candidates(_LONG), "the limit is 64"),
    ],
    ids=["check-tokens", "check-length", "compare", "resolve", "variants", "arabic_candidates"],
)
def test_limits_raise_input_error_naming_the_limit(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        call()


def test_link_query_over_the_limit_finds_nothing() -> None:
    assert nasab.link([_LONG, "Ali Hassan"], ["Ali Hassan"])[0] == []


# Characters the fast paths of normalize see (ASCII; plain Arabic letters, tatweel, short
# vowels and spaces; Latin letters with diacritics and apostrophes), plus near neighbours
# that must take the general path.
_ASCII_ALPHABET = st.characters(min_codepoint=0, max_codepoint=127)
_ARABIC_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x0621, 0x0656)]
    + [" ", "\u0670", "\u06cc", "\t", "a", "\u0686", "\u067e", "\u0698", "\u06af"]
)
_LATIN_ALPHABET = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x024F),
    st.sampled_from(
        [
            *("’", "‘", "ʿ", "ʾ", "ʻ", "ʼ", "ˈ", "′", "´", "\u0301", "\u00a0", "ſ", "ŉ", "ǅ", "ا"),
            *("'s", "’s", "Mc", "Abd", "ÉricDupont", "straßeKlein", " ", "-"),
        ]
    ),
)


@settings(derandomize=True, max_examples=600, deadline=None)
@given(
    st.text(_ASCII_ALPHABET, max_size=30)
    | st.lists(_ARABIC_ALPHABET, max_size=20).map("".join)
    | st.lists(_LATIN_ALPHABET, max_size=20).map("".join)
)
def test_fast_normalisation_paths_equal_the_general_path(text: str) -> None:
    from nasab.text import _normalize, _normalize_general

    assert _normalize.__wrapped__(text) == _normalize_general(text)


_TABLES = {
    "spaces and drops": str.maketrans({"-": " ", "'": None, ",": " "}),
    "letters": str.maketrans("qceoyw", "kkiuiu"),
}


@pytest.mark.parametrize(
    ("table", "text", "expected"),
    [
        ("spaces and drops", "al-ra'i, ali", "al rai  ali"),
        ("spaces and drops", "", ""),
        ("letters", "qassem wycliffe", "kassim uikliffi"),
        ("letters", "KAZEMI", "KAZEMI"),
    ],
)
def test_ascii_translation_reads_ascii_as_str_translate(
    table: str, text: str, expected: str
) -> None:
    to, drop = ascii_translation(_TABLES[table])
    assert text.encode().translate(to, drop).decode() == expected == text.translate(_TABLES[table])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_translation_equals_str_translate_on_any_ascii(text: str) -> None:
    for table in _TABLES.values():
        to, drop = ascii_translation(table)
        assert text.encode().translate(to, drop).decode() == text.translate(table)


@pytest.mark.parametrize(
    ("mapping", "where"),
    [({"x": "ks"}, "'x'"), ({"a": "ع"}, "'a'")],
)
def test_ascii_translation_refuses_what_bytes_cannot_write(
    mapping: dict[str, str], where: str
) -> None:
    with pytest.raises(InputError, match=where):
        ascii_translation(str.maketrans(mapping))
