"""Tests for nasab.names: parsing into parts and script-neutral keys."""

from __future__ import annotations

import gc

import pytest

from nasab.errors import InputError
from nasab.names import Name, Token, clear_parse_caches, parse_name, skeleton
from nasab.names import parse as parse_module

SKELETONS = [
    ("kazemi latin", "Kazemi", "KZM"),
    ("kadhimi latin", "Kadhimi", "KZM"),
    ("kazemi arabic", "كاظمي", "KZM"),
    ("mohammed", "Mohammed", "MHMD"),
    ("muhammad", "Muhammad", "MHMD"),
    ("mohammed arabic", "محمد", "MHMD"),
    ("qassim q", "Qassim", "KSM"),
    ("qassim arabic", "قاسم", "KSM"),
    ("zubaidi", "Zubaidi", "ZBD"),
    ("zubaidi arabic", "زبيدي", "ZBD"),
    ("abdullah final h", "Abdullah", "BDL"),
]


@pytest.mark.parametrize(
    ("token", "key"), [c[1:] for c in SKELETONS], ids=[c[0] for c in SKELETONS]
)
def test_skeleton(token: str, key: str) -> None:
    assert skeleton(token) == key


PARSES = [
    # (id, name, expected token texts, expected titles, expected kunya keys)
    (
        "title and compound",
        "Lieutenant General Abdul Wahab al-Hamdani",
        ["abd wahab", "hamdani"],
        ["lieutenant general"],
        [],
    ),
    ("arabic compound", "عبد الوهاب الحمداني", ["عبد وهاب", "حمداني"], [], []),
    ("joined abd", "Abdelwahab al-Hamdani", ["abd wahab", "hamdani"], [], []),
    ("arabic joined abd", "عبدالوهاب الحمداني", ["عبد وهاب", "حمداني"], [], []),
    ("abdullah", "Abdullah Ali", ["abd lah", "ali"], [], []),
    ("din compound", "Salah al-Din Bitar", ["salah din", "bitar"], [], []),
    ("din joined", "Salahuddin Bitar", ["salah din", "bitar"], [], []),
    ("arabic din", "صلاح الدين البيطار", ["صلاح دين", "بيطار"], [], []),
    (
        "kunya after name",
        "Jassim al-Mazrouei Abu Abdel Qader",
        ["jassim", "mazrouei"],
        [],
        ["BDKDR"],
    ),
    ("kunya only", "Abu Abdul Qader", [], [], ["BDKDR"]),
    ("patronymic", "Mohammed bin Salman", ["mohammed", "salman"], [], []),
    ("arabic patronymic", "محمد بن سلمان", ["محمد", "سلمان"], [], []),
    (
        "prime minister",
        "Prime Minister Mohammed Rabie al-Rikabi",
        ["mohammed", "rabie", "rikabi"],
        ["prime minister"],
        [],
    ),
    ("arabic rank", "اللواء تحسين الزبيدي", ["تحسين", "زبيدي"], ["major general"], []),
    ("inverted list style", "AL-ZUMAR, Abbud", ["abbud", "zumar"], [], []),
    ("latin shahid is a given name", "Shahid Mahmood", ["shahid", "mahmood"], [], []),
    ("arabic martyr is an honorific", "الشهيد محمود", ["محمود"], ["martyr"], []),
    # The article is never written إل: a word so written keeps its ال; a plain alef is read
    # as the article as before, marks between إ and ل do not count.
    ("hamza below keeps al", "إلياس خوري", ["الياس", "خوري"], [], []),
    ("hamza below with marks", "إِلْهام الكاظمي", ["الهام", "كاظمي"], [], []),
    ("plain alef is the article", "الياس خوري", ["ياس", "خوري"], [], []),
    ("hamza below, same word after", "إلياس الياس", ["الياس", "الياس"], [], []),
    ("hamza below not at the start", "محمد الإلهي", ["محمد", "الهي"], [], []),
    # A final alif maqsura ى stays on the word written with it (normalisation writes ي);
    # a written ي stays ي, and marks, tatweel and punctuation after ى do not count.
    ("alif maqsura kept", "موسى هاني", ["موسى", "هاني"], [], []),
    ("alif maqsura after the article", "ليلى الهدى", ["ليلى", "هدى"], [], []),
    ("alif maqsura with marks and comma", "مُصْطَفَىٰ، الكاظمي", ["مصطفى", "كاظمي"], [], []),
    ("alif maqsura inside a word is folded", "مىسان علي", ["ميسان", "علي"], [], []),
    ("alif maqsura in a kunya", "أبو موسى", [], [], ["MS"]),
    ("written ya stays", "موسي الهادي", ["موسي", "هادي"], [], []),
    # A Latin letter of latin_letters.tsv (š ş č ć ç ž ñ...) stays on the word written with
    # it (normalisation writes the plain letter); other marks are still folded; a name with
    # digits, or a word written both ways in one name, keeps the plain letters.
    ("latin letters kept", "Slobodan Milošević", ["slobodan", "milošević"], [], []),
    ("upper case letters kept", "AYŞE ŞAHİN", ["ayşe", "şahin"], [], []),
    ("letters kept after the article", "Al-Šahin Kovač", ["šahin", "kovač"], [], []),
    ("letters kept in list style", "ČOLIĆ, Ñuño", ["ñuño", "čolić"], [], []),
    ("other marks folded", "Núñez Hébert", ["nuñez", "hebert"], [], []),
    ("a name with digits keeps none", "Šahin 2", ["sahin", "2"], [], []),
    ("a word written two ways", "Šaša Sasa", ["sasa", "sasa"], [], []),
    ("letters kept in a kunya", "Abu Šaban", [], [], ["SBN"]),
]


@pytest.mark.parametrize(
    ("name", "tokens", "titles", "kunya"),
    [c[1:] for c in PARSES],
    ids=[c[0] for c in PARSES],
)
def test_parse(name: str, tokens: list[str], titles: list[str], kunya: list[str]) -> None:
    parsed = parse_name(name)
    assert [t.text for t in parsed.tokens] == tokens
    assert list(parsed.titles) == titles
    assert [k.key for k in parsed.kunya] == kunya


def test_abu_bakr_is_a_given_name_not_a_kunya() -> None:
    parsed = parse_name("أبو بكر البغدادي")
    assert not parsed.kunya
    assert parsed.tokens[-1].text == "بغدادي"


def test_roles_by_position() -> None:
    parsed = parse_name("Mohammed Rabie al-Rikabi")
    assert [t.role for t in parsed.tokens] == ["given", "middle", "family"]
    assert parsed.family is not None and parsed.family.article
    assert parse_name("al-Rikabi").tokens[0].role == "family"


@pytest.mark.parametrize(
    "bad",
    [None, "", "   ", 3.5, "x" * 20_000],
    ids=["none", "empty", "whitespace", "float", "too-long"],
)
def test_bad_names_are_refused(bad: object) -> None:
    with pytest.raises(InputError):
        parse_name(bad)  # type: ignore[arg-type]


# Names whose parse has titles, a kunya, a comma order, compounds or one token: a parse
# rebuilt from the packed cache must equal the fresh one, field for field.
CACHED = [
    "Prime Minister Mohammed Rabie al-Rikabi",
    "أبو بكر البغدادي",
    "الشيخ أبو علي محمد بن عبد الله الكاظمي",
    "HUSSEIN, Saddam",
    "Abdelwahab Salahuddin",
    "al-Rikabi",
    "Dr. Ali",
    "عبدالرحمن",
]


@pytest.mark.parametrize("name", CACHED)
def test_parse_rebuilt_from_the_packed_cache_is_the_fresh_parse(name: str) -> None:
    clear_parse_caches()
    fresh = parse_name(name)
    parse_module._parse_again.cache_clear()  # the Name objects go; the packed tuples stay
    rebuilt = parse_name(name)
    assert rebuilt is not fresh
    assert rebuilt == fresh
    assert repr(rebuilt) == repr(fresh)


@pytest.mark.parametrize("name", CACHED)
def test_packed_parses_are_not_tracked_by_the_collector(name: str) -> None:
    parse_name(name)
    gc.collect()
    assert not gc.is_tracked(parse_module._PACKED[name])


# Invented names, each parsed once in its test.
SEEN_ONCE = ["Zubayr Qatrani al-Wardiki", "نزار القطراني الورديكي", "Abu Talqin Farwez al-Dhuhrani"]


@pytest.mark.parametrize("name", SEEN_ONCE)
def test_a_name_parsed_once_leaves_no_object_the_collector_walks(name: str) -> None:
    clear_parse_caches()
    first = parse_name(name)
    texts = {t.text for t in first.tokens + first.kunya}
    del first
    gc.collect()
    kept = [
        o
        for o in gc.get_objects()
        if (isinstance(o, Name) and o.raw == name) or (isinstance(o, Token) and o.text in texts)
    ]
    assert kept == []
    assert not gc.is_tracked(parse_module._PACKED[name])
    # Seen again, the name is kept as an object: the same one comes back.
    again = parse_name(name)
    assert parse_name(name) is again


def test_a_kept_alif_maqsura_has_the_fold_and_key_of_ya() -> None:
    kept, written = parse_name("موسى").tokens[0], parse_name("موسي").tokens[0]
    assert (kept.text, written.text) == ("موسى", "موسي")
    assert (kept.key, kept.fold) == (written.key, written.fold) == ("MS", "موسي")


def test_a_kept_latin_letter_has_the_fold_and_key_of_the_plain_letter() -> None:
    kept, plain = parse_name("Jovanović").tokens[0], parse_name("Jovanovic").tokens[0]
    assert (kept.text, plain.text) == ("jovanović", "jovanovic")
    assert (kept.key, kept.fold) == (plain.key, plain.fold) == ("JFNFK", "juvanuvik")
    assert parse_name("Abu Šaban").kunya[0].text == "šaban"


HAMZA_LAM_ARTICLE = [("إلياس", False), ("إلبا", False), ("الياس", True), ("البا", True)]


@pytest.mark.parametrize(
    ("name", "article"), HAMZA_LAM_ARTICLE, ids=[n for n, _ in HAMZA_LAM_ARTICLE]
)
def test_words_written_with_hamza_lam_carry_no_article(name: str, article: bool) -> None:
    (token,) = parse_name(name).tokens
    assert token.article is article
    assert token.text.startswith("ال") is not article


# Words that are no particle but that the common case of the parse does not take (joined
# Abd- and X-uddin compounds, long Latin words with a d, Arabic words starting with عبدال),
# among particles, kunyas and the list order: each is read as its own unit.
OWN_UNITS = [
    ("Nasruddin Mahmoud", [("nasr din", "given"), ("mahmoud", "family")], []),
    (
        "HADDAD, Abdelkarim Rodrigo",
        [("abd karim", "given"), ("rodrigo", "middle"), ("haddad", "family")],
        [],
    ),
    (
        "Mahmoud bin Abdallah Saifuddin",
        [("mahmoud", "given"), ("abd lah", "middle"), ("saif din", "family")],
        [],
    ),
    ("عبدالكريم حداد", [("عبد كريم", "given"), ("حداد", "family")], []),
    ("Abu Mahmoud Saifuddin al-Haddad", [("saif din", "given"), ("haddad", "family")], ["mahmoud"]),
]


@pytest.mark.parametrize(("name", "tokens", "kunya"), OWN_UNITS, ids=[n for n, _, _ in OWN_UNITS])
def test_words_read_as_their_own_units(name: str, tokens: list, kunya: list) -> None:
    clear_parse_caches()
    first = parse_name(name)
    # Again with the word units remembered (the parsed names forgotten).
    parse_module._parse_again.cache_clear()
    parse_module._PACKED.clear()
    for n in (first, parse_name(name)):
        assert [(t.text, t.role) for t in n.tokens] == tokens
        assert [t.text for t in n.kunya] == kunya
