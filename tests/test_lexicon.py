"""Tests of the curated lexicon tables (data/aliases/*.tsv) and their loaders."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

import pytest

from nasab import lexicon
from nasab._data import data_path, load_tsv

# ---------------------------------------------------------------------------------------------
# Table descriptions: which columns are required, which are Arabic or Latin, what the key is.
# ---------------------------------------------------------------------------------------------

TABLES = {
    "titles.tsv": {
        "columns": ["kind", "en", "ar", "variants_en", "variants_ar", "rank_order"],
        "required": ["kind", "en", "ar"],
        "latin": ["en", "variants_en"],
        "arabic": ["ar", "variants_ar"],
        "key": ("kind", "en"),
        "min_rows": 120,
    },
    "particles.tsv": {
        "columns": ["token", "script", "kind", "note", "ar", "news", "ala_lc"],
        "required": ["token", "script", "kind", "note"],
        "latin": [],
        "arabic": [],
        "key": ("token",),
        "min_rows": 60,
    },
    "compounds.tsv": {
        "columns": ["kind", "ar", "en", "variants_en", "apart_ar"],
        "required": ["kind", "ar", "en", "apart_ar"],
        "latin": ["en", "variants_en"],
        "arabic": ["ar"],
        "key": ("kind", "ar"),
        "min_rows": 100,
    },
    "organizations.tsv": {
        "columns": [
            "id",
            "kind",
            "en",
            "ar",
            "acronyms",
            "aliases_en",
            "aliases_ar",
            "country",
            "note",
        ],
        "required": ["id", "kind", "en", "ar"],
        "latin": ["en", "acronyms", "aliases_en"],
        "arabic": ["ar", "aliases_ar"],
        "key": ("id",),
        "min_rows": 120,
    },
    "outlets.tsv": {
        "columns": ["id", "kind", "en", "aliases_en", "country", "note"],
        "required": ["id", "kind", "en"],
        "latin": ["en", "aliases_en"],
        "arabic": [],
        "key": ("id",),
        "min_rows": 100,
    },
    "org_words.tsv": {
        "columns": ["en", "ar", "kind", "variants_en", "variants_ar"],
        "required": ["en", "ar", "kind"],
        "latin": ["en", "variants_en"],
        "arabic": ["ar", "variants_ar"],
        "key": ("en",),
        "min_rows": 200,
    },
    "places.tsv": {
        "columns": ["kind", "en", "ar", "variants_en", "variants_ar", "country"],
        "required": ["kind", "en", "ar"],
        "latin": ["en", "variants_en"],
        "arabic": ["ar", "variants_ar"],
        "key": ("kind", "en", "country"),
        "min_rows": 250,
    },
    "geo_words.tsv": {
        "columns": ["en", "ar", "kind", "position"],
        "required": ["en", "ar", "kind", "position"],
        "latin": ["en"],
        "arabic": ["ar"],
        "key": ("en", "position"),
        "min_rows": 60,
    },
}
TABLE_NAMES = sorted(TABLES)

LOADERS: dict[str, Callable[[], tuple[object, ...]]] = {
    "titles.tsv": lexicon.titles,
    "particles.tsv": lexicon.particles,
    "compounds.tsv": lexicon.compounds,
    "organizations.tsv": lexicon.organizations,
    "outlets.tsv": lexicon.news_outlets,
    "org_words.tsv": lexicon.org_words,
    "places.tsv": lexicon.places,
    "geo_words.tsv": lexicon.geo_words,
}

# Persian/Urdu letters that look like Arabic ones but are not standard Arabic spelling.
NON_ARABIC_LOOKALIKES = {"\u06cc": "Farsi yeh", "\u06a9": "keheh", "\u06c1": "heh goal"}


def _parts(value: str) -> list[str]:
    return value.split("|") if value else []


def _is_arabic_letter(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def is_arabic_text(text: str) -> bool:
    """Every letter is Arabic script and there is at least one."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(_is_arabic_letter(c) for c in letters)


def is_latin_text(text: str) -> bool:
    """Every letter is Latin script and there is at least one."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(_is_latin_letter(c) for c in letters)


def _cells(name: str, columns: Iterable[str]) -> list[tuple[int, str, str]]:
    """(row number, column, single value) for every value of the given columns."""
    out = []
    for i, row in enumerate(load_tsv(name), start=1):
        for col in columns:
            for part in _parts(row[col]):
                out.append((i, col, part))
    return out


# ---------------------------------------------------------------------------------------------
# Generic checks, one test per table.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_table_header_names_source_and_licence(name: str) -> None:
    text = data_path(name).read_text(encoding="utf-8")
    comments = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert comments, f"{name} has no header comment"
    joined = "\n".join(comments)
    assert "Source:" in joined
    assert "Licence:" in joined
    assert "Columns:" in joined
    assert "\r" not in text


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_table_loads_with_expected_columns(name: str) -> None:
    rows = load_tsv(name)
    spec = TABLES[name]
    assert len(rows) >= spec["min_rows"]
    assert list(rows[0]) == spec["columns"]


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_loader_returns_one_entry_per_row(name: str) -> None:
    entries = LOADERS[name]()
    assert len(entries) == len(load_tsv(name))
    assert LOADERS[name]() is entries  # cached


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_required_fields_are_filled(name: str) -> None:
    empty = [
        (i, col)
        for i, row in enumerate(load_tsv(name), start=1)
        for col in TABLES[name]["required"]
        if not row[col]
    ]
    assert not empty


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_no_duplicate_keys(name: str) -> None:
    key = TABLES[name]["key"]
    counts = Counter(tuple(row[k] for k in key) for row in load_tsv(name))
    assert not [k for k, n in counts.items() if n > 1]


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_no_stray_whitespace_or_empty_parts(name: str) -> None:
    bad = []
    for i, row in enumerate(load_tsv(name), start=1):
        for col, value in row.items():
            if value != value.strip() or "\t" in value:
                bad.append((i, col, value))
            if value and col != "note" and any(p != p.strip() or not p for p in value.split("|")):
                bad.append((i, col, value))
            if "  " in value:
                bad.append((i, col, value))
    assert not bad


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_arabic_fields_are_arabic_script(name: str) -> None:
    bad = [c for c in _cells(name, TABLES[name]["arabic"]) if not is_arabic_text(c[2])]
    assert not bad


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_arabic_fields_use_standard_arabic_letters(name: str) -> None:
    bad = [
        c
        for c in _cells(name, TABLES[name]["arabic"])
        if any(ch in NON_ARABIC_LOOKALIKES for ch in c[2])
        or c[2] != unicodedata.normalize("NFC", c[2])
    ]
    assert not bad


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_latin_fields_are_latin_script(name: str) -> None:
    bad = [c for c in _cells(name, TABLES[name]["latin"]) if not is_latin_text(c[2])]
    assert not bad


@pytest.mark.parametrize("name", TABLE_NAMES, ids=TABLE_NAMES)
def test_variants_do_not_repeat_canonical_or_each_other(name: str) -> None:
    bad = []
    for i, row in enumerate(load_tsv(name), start=1):
        canon = {row.get("en"), row.get("ar")}
        for col, value in row.items():
            if not col.startswith(("variants", "aliases", "acronyms")):
                continue
            parts = _parts(value)
            if len(parts) != len(set(parts)) or canon & set(parts):
                bad.append((i, col))
    assert not bad


# ---------------------------------------------------------------------------------------------
# Table-specific structure.
# ---------------------------------------------------------------------------------------------


def test_particle_tokens_match_their_script() -> None:
    bad = []
    for p in lexicon.particles():
        ok = is_arabic_text(p.token) if p.script == "arab" else is_latin_text(p.token)
        if not ok or (p.script == "latn" and p.token != p.token.lower()):
            bad.append(p)
    assert not bad


def test_rank_order_only_and_always_on_ranks() -> None:
    bad = [t for t in lexicon.titles() if (t.kind == "rank") != (t.rank_order is not None)]
    assert not bad


def test_countries_are_iso_codes() -> None:
    code = re.compile(r"^[A-Z]{2}$")
    bad = [o.id for o in lexicon.organizations() if o.country and not code.match(o.country)]
    bad += [p.en for p in lexicon.places() for c in p.countries if not code.match(c)]
    assert not bad


def test_organization_ids_are_slugs_and_names_unique() -> None:
    orgs = lexicon.organizations()
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", o.id) for o in orgs)
    for attr in ("en", "ar"):
        counts = Counter(getattr(o, attr) for o in orgs)
        assert not [k for k, n in counts.items() if n > 1], attr


def test_no_name_is_shared_by_two_organizations() -> None:
    owner: dict[str, set[str]] = {}
    for o in lexicon.organizations():
        for form in (*o.forms_en, *o.forms_ar):
            key = form if form.isupper() else form.casefold()
            owner.setdefault(key, set()).add(o.id)
    assert not {k: v for k, v in owner.items() if len(v) > 1}


def test_outlets_are_no_second_listing_of_an_organization() -> None:
    outlets = lexicon.news_outlets()
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", o.id) for o in outlets)
    assert not {o.id for o in outlets} & {o.id for o in lexicon.organizations()}
    listed = {
        f if f.isupper() else f.casefold() for o in lexicon.organizations() for f in o.forms_en
    }
    owner: dict[str, set[str]] = {}
    for o in outlets:
        for form in o.forms_en:
            owner.setdefault(form if form.isupper() else form.casefold(), set()).add(o.id)
    assert not {k: v for k, v in owner.items() if len(v) > 1 or k in listed}
    assert {o.kind for o in outlets} == lexicon.OUTLET_KINDS
    code = re.compile(r"^[A-Z]{2}$")
    assert not [o.id for o in outlets if o.country and not code.match(o.country)]


def test_places_have_each_kind() -> None:
    kinds = Counter(p.kind for p in lexicon.places())
    assert set(kinds) == lexicon.PLACE_KINDS
    iraq_governorates = [
        p for p in lexicon.places() if p.kind == "governorate" and "IQ" in p.countries
    ]
    assert len(iraq_governorates) >= 18


def test_geo_words_arabic_has_no_article() -> None:
    assert not [g for g in lexicon.geo_words() if g.ar.startswith("ال")]


def test_org_words_arabic_head_has_no_article() -> None:
    assert not [w for w in lexicon.org_words() if w.ar.startswith("ال")]


BAD_COMPOUND_ROWS = [
    ("kind", {"kind": "nonsense", "ar": "الله", "en": "Allah", "apart_ar": "0"}, "nonsense"),
    ("apart flag", {"kind": "suffix", "ar": "زاده", "en": "zada", "apart_ar": "yes"}, "apart_ar"),
]


@pytest.mark.parametrize(
    ("row", "message"), [c[1:] for c in BAD_COMPOUND_ROWS], ids=[c[0] for c in BAD_COMPOUND_ROWS]
)
def test_bad_compound_row_is_reported(
    monkeypatch: pytest.MonkeyPatch, row: dict[str, str], message: str
) -> None:
    from nasab.errors import DataFileError

    monkeypatch.setattr(lexicon, "load_tsv", lambda name: ({**row, "variants_en": ""},))
    lexicon.compounds.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            lexicon.compounds()
    finally:
        lexicon.compounds.cache_clear()


@pytest.mark.parametrize(
    ("word", "ends_a_name"),
    [("زاده", True), ("خيل", False), ("كل", False), ("الله", False), ("خان", False)],
    ids=["zada", "khel", "gul-or-every", "allah", "khan"],
)
def test_name_endings_are_the_suffixes_written_apart(word: str, ends_a_name: bool) -> None:
    assert (word in lexicon.name_endings_ar()) is ends_a_name
    assert word in lexicon.compound_suffixes()


# ---------------------------------------------------------------------------------------------
# Spot checks of real entries.
# ---------------------------------------------------------------------------------------------


def _title_by_form(form: str) -> set[str]:
    return {t.en for t in lexicon.titles() if form in t.forms_en or form in t.forms_ar}


@pytest.mark.parametrize(
    ("form", "en"),
    [
        ("اللواء", "Major General"),
        ("لواء", "Major General"),
        ("الفريق", "Lieutenant General"),
        ("الفريق أول", "General"),
        ("الفريق الركن", "Staff Lieutenant General"),
        ("اللواء الركن", "Staff Major General"),
        ("العقيد", "Colonel"),
        ("المقدم", "Lieutenant Colonel"),
        ("الرائد", "Major"),
        ("النقيب", "Captain"),
        ("Lt. Gen.", "Lieutenant General"),
        ("Maj. Gen.", "Major General"),
        ("Brig. Gen.", "Brigadier General"),
        ("Col.", "Colonel"),
        ("الشيخ", "Sheikh"),
        ("Shaykh", "Sheikh"),
        ("الدكتور", "Doctor"),
        ("Dr.", "Doctor"),
        ("آية الله", "Ayatollah"),
        ("رئيس الوزراء", "Prime Minister"),
        ("رئيس الحكومة", "Prime Minister"),
        ("القائد العام", "Commander-in-Chief"),
        ("الناطق باسم", "Spokesman"),
        ("spokesperson", "Spokesman"),
        ("والي", "Wali"),
        ("so-called governor", "Wali"),
        ("محافظ", "Governor"),
        ("وزير الدفاع", "Minister of Defence"),
        ("مستشار الأمن الوطني", "National Security Adviser"),
        ("ولي العهد", "Crown Prince"),
    ],
    ids=lambda v: v,
)
def test_title_spot_checks(form: str, en: str) -> None:
    assert en in _title_by_form(form)


def test_rank_seniority_order() -> None:
    rank = {t.en: t.rank_order for t in lexicon.titles() if t.kind == "rank"}
    ladder = [
        "Field Marshal",
        "General",
        "Lieutenant General",
        "Major General",
        "Brigadier General",
        "Colonel",
        "Lieutenant Colonel",
        "Major",
        "Captain",
        "First Lieutenant",
        "Lieutenant",
    ]
    orders = [rank[r] for r in ladder]
    assert orders == sorted(orders, reverse=True)
    assert len(set(orders)) == len(orders)
    assert rank["Staff Major General"] == rank["Major General"]


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("al", "article"),
        ("el", "article"),
        ("ash", "article"),
        ("ال", "article"),
        ("bin", "patronymic"),
        ("bani", "tribal"),
        ("آل", "tribal"),
        ("ibn", "patronymic"),
        ("بن", "patronymic"),
        ("abu", "kunya"),
        ("umm", "kunya"),
        ("أبو", "kunya"),
        ("ابو", "kunya"),
        ("abd", "servant"),
        ("abdul", "servant"),
        ("abdel", "servant"),
        ("عبد", "servant"),
        ("din", "din"),
        ("uddin", "din"),
        ("al-din", "din"),
        ("الدين", "din"),
    ],
    ids=lambda v: v,
)
def test_particle_spot_checks(token: str, kind: str) -> None:
    assert token in lexicon.particle_tokens(kind)


@pytest.mark.parametrize(
    ("kind", "ar", "spelling"),
    [
        ("abd_divine", "الوهاب", "Wahhab"),
        ("abd_divine", "الوهاب", "Wahab"),
        ("abd_divine", "القادر", "Qader"),
        ("abd_divine", "القادر", "Kader"),
        ("abd_divine", "الرحمن", "Rahman"),
        ("abd_divine", "الله", "Allah"),
        ("abd_divine", "الحسين", "Hussein"),
        ("din_first", "صلاح", "Salahuddin"),
        ("din_first", "نور", "Nour"),
        ("din_first", "عز", "Ezzeddine"),
        ("fixed", "أبو بكر", "Abu Bakr"),
        ("fixed", "عبدالله", "Abdallah"),
    ],
    ids=lambda v: v,
)
def test_compound_spot_checks(kind: str, ar: str, spelling: str) -> None:
    entry = next(c for c in lexicon.compounds() if c.kind == kind and c.ar == ar)
    assert spelling in entry.forms_en


def test_abd_divine_covers_many_names() -> None:
    assert sum(c.kind == "abd_divine" for c in lexicon.compounds()) >= 60


@pytest.mark.parametrize(
    ("org_id", "forms"),
    [
        ("islamic-state", ["Islamic State", "ISIS", "ISIL", "IS", "Daesh", "داعش", "تنظيم الدولة"]),
        ("iraq-counter-terrorism-service", ["Counter-Terrorism Service", "جهاز مكافحة الإرهاب"]),
        ("iraq-joint-operations-command", ["Joint Operations Command", "قيادة العمليات المشتركة"]),
        ("iraqi-news-agency", ["Iraqi News Agency", "INA", "وكالة الأنباء العراقية"]),
        ("global-coalition", ["International Coalition", "التحالف الدولي", "US-led coalition"]),
        ("popular-mobilization-forces", ["PMF", "Hashd al-Shaabi", "الحشد الشعبي"]),
        ("peshmerga", ["Peshmerga", "البيشمركة"]),
        ("hezbollah", ["Hezbollah", "Hizballah", "حزب الله"]),
        ("houthis", ["Ansar Allah", "الحوثيون"]),
        ("sky-news-arabia", ["Sky News Arabia", "سكاي نيوز عربية"]),
        ("united-nations", ["UN", "الأمم المتحدة"]),
        ("nato", ["NATO", "الناتو"]),
        ("irgc", ["IRGC", "الحرس الثوري"]),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_organization_spot_checks(org_id: str, forms: list[str]) -> None:
    org = lexicon.organization(org_id)
    for form in forms:
        assert form in org.forms_en or form in org.forms_ar, form


def test_unknown_organization_raises_key_error() -> None:
    with pytest.raises(KeyError):
        lexicon.organization("no-such-org")


@pytest.mark.parametrize(
    ("en", "ar", "kind"),
    [
        ("Service", "جهاز", "head"),
        ("Command", "قيادة", "head"),
        ("Agency", "وكالة", "head"),
        ("Coalition", "تحالف", "head"),
        ("Forces", "قوات", "head"),
        ("Counter-Terrorism", "مكافحة الإرهاب", "function"),
        ("Operations", "عمليات", "function"),
        ("News", "أنباء", "function"),
        ("Joint", "مشترك", "modifier"),
        ("International", "دولي", "modifier"),
        ("Iraqi", "عراقي", "nationality"),
    ],
    ids=lambda v: v,
)
def test_org_word_spot_checks(en: str, ar: str, kind: str) -> None:
    entry = next(w for w in lexicon.org_words() if w.en == en)
    assert (entry.ar, entry.kind) == (ar, kind)


@pytest.mark.parametrize(
    ("en", "feminine"),
    [("Joint", "مشتركة"), ("International", "دولية"), ("Iraqi", "عراقية"), ("National", "وطنية")],
    ids=lambda v: v,
)
def test_org_words_list_feminine_forms(en: str, feminine: str) -> None:
    entry = next(w for w in lexicon.org_words() if w.en == en)
    assert feminine in entry.variants_ar


_STOP_EN = {"of", "the", "and", "for", "in", "to", "on"}


def _strip_ar(token: str) -> str:
    for prefix in ("لل", "ال"):
        if token.startswith(prefix) and len(token) > len(prefix) + 1:
            return token[len(prefix) :]
    return token


def _ar_tokens(text: str) -> list[str]:
    return [_strip_ar(t) for t in text.split()]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


@pytest.mark.parametrize(
    ("en", "ar"),
    [
        ("Counter-Terrorism Service", "جهاز مكافحة الإرهاب"),
        ("Joint Operations Command", "قيادة العمليات المشتركة"),
        ("Iraqi News Agency", "وكالة الأنباء العراقية"),
        ("International Coalition", "التحالف الدولي"),
        ("Iraqi Armed Forces", "القوات المسلحة العراقية"),
        ("Federal Police", "الشرطة الاتحادية"),
        ("National Security Service", "جهاز الأمن الوطني"),
        ("Security Media Cell", "خلية الإعلام الأمني"),
        ("Supreme Judicial Council", "مجلس القضاء الأعلى"),
        ("Popular Mobilization Forces", "قوات الحشد الشعبي"),
        ("Border Guard Forces", "قوات حرس الحدود"),
        ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
        ("Independent High Electoral Commission", "المفوضية العليا المستقلة للانتخابات"),
        ("Ministry of Interior", "وزارة الداخلية"),
        ("Islamic Revolutionary Guard", "الحرس الثوري الإسلامي"),
    ],
    ids=lambda v: v,
)
def test_org_words_translate_names_word_by_word(en: str, ar: str) -> None:
    """Every English word of the name has a dictionary entry whose Arabic is in the name."""
    ar_toks = _ar_tokens(ar)
    for word in en.split():
        if word.lower() in _STOP_EN:
            continue
        entries = [
            w for w in lexicon.org_words() if word.casefold() in {f.casefold() for f in w.forms_en}
        ]
        assert entries, f"no entry for {word!r}"
        assert any(_contains(ar_toks, _ar_tokens(form)) for w in entries for form in w.forms_ar), (
            word
        )


@pytest.mark.parametrize(
    ("en", "ar", "kind"),
    [
        ("Salahuddin", "صلاح الدين", "governorate"),
        ("Nineveh", "نينوى", "governorate"),
        ("Anbar", "الأنبار", "governorate"),
        ("Diyala", "ديالى", "governorate"),
        ("Kirkuk", "كركوك", "governorate"),
        ("Basra", "البصرة", "governorate"),
        ("Mosul", "الموصل", "city"),
        ("Tikrit", "تكريت", "city"),
        ("Baqubah", "بعقوبة", "city"),
        ("Iraq", "العراق", "country"),
        ("Syria", "سوريا", "country"),
        ("Tigris", "دجلة", "geo"),
        ("Euphrates", "الفرات", "geo"),
        ("Hamrin Mountains", "جبال حمرين", "geo"),
        ("Kurdistan Region", "إقليم كردستان", "region"),
    ],
    ids=lambda v: v,
)
def test_place_spot_checks(en: str, ar: str, kind: str) -> None:
    assert any(p.kind == kind and p.ar == ar for p in lexicon.places() if p.en == en)


@pytest.mark.parametrize(
    ("spelling", "en"),
    [("Salah al-Din", "Salahuddin"), ("Ninawa", "Nineveh"), ("Hamrin", "Hamrin Mountains")],
    ids=lambda v: v,
)
def test_place_variants(spelling: str, en: str) -> None:
    assert any(spelling in p.variants_en for p in lexicon.places() if p.en == en)


@pytest.mark.parametrize(
    ("en", "ar", "position"),
    [
        ("Mountains", "جبال", "after"),
        ("Lake", "بحيرة", "before"),
        ("Wadi", "وادي", "before"),
        ("Province", "محافظة", "after"),
        ("Desert", "صحراء", "after"),
        ("District", "قضاء", "after"),
        ("Airport", "مطار", "after"),
        ("Crossing", "منفذ", "after"),
    ],
    ids=lambda v: v,
)
def test_geo_word_spot_checks(en: str, ar: str, position: str) -> None:
    assert any(g.ar == ar and g.position == position for g in lexicon.geo_words() if g.en == en)


# ---------------------------------------------------------------------------------------------
# The vocabulary lists of words.tsv and the derived particle views.
# ---------------------------------------------------------------------------------------------

WORD_LIST_SPOTS = [
    ("stop_en", "however"),
    ("stop_ar", "الذين"),
    ("speech_en", "said"),
    ("speech_ar", "صرح"),
    ("legal_latn", "gmbh"),
    ("legal_phrase_latn", "joint stock company"),
    ("org_generic_en", "ministry"),
    ("abbreviation_en", "gen"),
    ("event_ar", "مؤتمر"),
    ("title_dropped_en", "deputy"),
]


@pytest.mark.parametrize(("name", "word"), WORD_LIST_SPOTS, ids=[n for n, _ in WORD_LIST_SPOTS])
def test_word_list_spot_checks(name: str, word: str) -> None:
    assert word in lexicon.word_list(name)
    assert word in lexicon.word_set(name)


def test_word_lists_are_named_in_the_header() -> None:
    header = [ln for ln in data_path("words.tsv").read_text(encoding="utf-8").splitlines()
              if ln.startswith("#")]  # fmt: skip
    named = {m.group(1) for ln in header if (m := re.match(r"#   (\w+) +\S", ln))}
    used = {row["list"] for row in load_tsv("words.tsv")}
    assert used <= named, sorted(used - named)


def test_unknown_word_list_raises() -> None:
    from nasab.errors import DataFileError

    with pytest.raises(DataFileError, match="no_such_list"):
        lexicon.word_list("no_such_list")


def test_badly_spaced_word_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from nasab.errors import DataFileError

    monkeypatch.setattr(lexicon, "load_tsv", lambda name: ({"list": "x", "word": " a"},))
    lexicon._word_lists.cache_clear()
    try:
        with pytest.raises(DataFileError, match="badly spaced"):
            lexicon.word_list("x")
    finally:
        lexicon._word_lists.cache_clear()


# Lists of words.tsv that are subsets of particles.tsv (a usage choice, not a second copy).
PARTICLE_SUBSETS = ["name_join_ar", "name_particle_en", "joined_article_en"]


@pytest.mark.parametrize("name", PARTICLE_SUBSETS, ids=PARTICLE_SUBSETS)
def test_particle_word_lists_are_listed_particles(name: str) -> None:
    kinds = lexicon.PARTICLE_KINDS
    listed = set().union(*(lexicon.particle_forms(k) for k in kinds))
    assert set(lexicon.word_list(name)) <= listed


@pytest.mark.parametrize(
    ("view", "script", "present", "absent"),
    [
        (lexicon.kunya_markers, None, ["abu", "abou", "umm", "أبو", "ابو", "ام", "ابا"], ["abd"]),
        (lexicon.kunya_markers, "latn", ["abu", "om", "aba"], ["ابو", "abu-"]),
        (lexicon.abd_forms, None, ["abd", "abdul", "abdir", "abid", "abdoul", "عبد"], ["abu"]),
        (lexicon.din_forms, None, ["din", "uddin", "ud-din", "الدين"], ["dean"]),
        (lexicon.patronymic_markers, None, ["bin", "ibn", "bint", "بن", "ابنه"], ["bani", "ال"]),
        (lexicon.latin_articles, None, ["al", "el", "ash", "ud"], ["al-", "ال"]),
    ],
    ids=["kunya", "kunya-latn", "abd", "din", "patronymic", "articles"],
)
def test_particle_views(view, script, present: list[str], absent: list[str]) -> None:
    forms = view() if script is None else view(script)
    assert set(present) <= forms
    assert not set(absent) & forms


def test_particle_forms_refuses_unknown_kind() -> None:
    with pytest.raises(ValueError, match="nonsense"):
        lexicon.particle_forms("nonsense")


@pytest.mark.parametrize(
    ("form", "en"),
    [(("اللوا",), "Major General"), (("لوا",), "Major General"), (("maj", "gen"), "Major General")],
    ids=["ar-article", "ar-bare", "en-abbrev"],
)
def test_title_index(form: tuple[str, ...], en: str) -> None:
    assert lexicon.title_index()[form].en == en


def test_given_names_and_name_words() -> None:
    assert any(g.en == "muhammad" and "محمد" in g.ar for g in lexicon.given_names())
    words = {w.ar: w for w in lexicon.name_words()}
    assert words["محمد"].kind == "given" and words["محمد"].count > 10


GIVEN_NAME_WORDS = [
    ("latin", "yusuf", True),
    ("latin", "muhammad", True),
    ("latin", "يوسف", False),  # the other script's spelling
    ("latin", "osama", False),  # an attested spelling, not the row's own (usama)
    ("arabic", "يوسف", True),
    ("arabic", "محمد", True),
    ("arabic", "yusuf", False),
    ("arabic", "مصرف", False),  # a word, no given name
]


@pytest.mark.parametrize(("script", "word", "listed"), GIVEN_NAME_WORDS)
def test_given_name_words(script: str, word: str, listed: bool) -> None:
    assert (word in lexicon.given_name_words(script)) is listed


def test_given_name_words_are_the_tables_one_word_spellings() -> None:
    rows = lexicon.given_names()
    assert lexicon.given_name_words("latin") == {g.en for g in rows}
    assert lexicon.given_name_words("arabic") == {a for g in rows for a in g.ar}


def test_given_name_words_refuses_an_unknown_script() -> None:
    with pytest.raises(ValueError, match="script must be one of"):
        lexicon.given_name_words("cyrillic")


GIVEN_SPELLINGS = [
    ("attested", "ahmed", "ahmad"),
    ("attested-2", "osama", "usama"),
    ("attested-many-pairs", "said", "saeed"),
    ("row's own spelling", "ahmad", None),
    ("stray arabic spelling of a row", "carry", None),  # كاري of qari: qari not attested
    ("rare given name", "zane", None),  # zayn: 2 listed persons
]


@pytest.mark.parametrize(
    ("spelling", "given"), [c[1:] for c in GIVEN_SPELLINGS], ids=[c[0] for c in GIVEN_SPELLINGS]
)
def test_given_name_spellings(spelling: str, given: str | None) -> None:
    found = {g.spelling: g.given for g in lexicon.given_name_spellings()}
    assert found.get(spelling) == given


def test_given_name_spellings_score_threshold() -> None:
    found = {g.spelling: g.score for g in lexicon.given_name_spellings(min_score=3)}
    assert found["said"] >= 3 and "ahmed" not in found


PERSIAN = [
    ("che", "چ", "ج", "ch"),
    ("pe", "پ", "ب", "p"),
    ("zhe", "ژ", "ز", "zh"),
    ("gaf", "گ", "ك", "g"),
]


@pytest.mark.parametrize(
    ("letter", "arabic", "reading"), [c[1:] for c in PERSIAN], ids=[c[0] for c in PERSIAN]
)
def test_persian_letters_have_a_stand_in_and_their_own_reading_first(
    letter: str, arabic: str, reading: str
) -> None:
    from nasab.lexicon import persian_fold, persian_letters

    entry = persian_letters()[letter]
    assert (entry.arabic, entry.readings[0][0]) == (arabic, reading)
    assert letter.translate(persian_fold()) == arabic


GIVEN_GROUPS = [
    ("arabic spellings", "youssef", "yusuf", True),
    ("english row", "lucy", "lucie", True),
    ("nickname", "jim", "james", True),
    ("different english names", "luke", "lucy", False),
    ("different arabic names", "jamal", "jamil", False),
]


@pytest.mark.parametrize(
    ("a", "b", "same"), [c[1:] for c in GIVEN_GROUPS], ids=[c[0] for c in GIVEN_GROUPS]
)
def test_given_name_groups_tell_spellings_from_names(a: str, b: str, same: bool) -> None:
    groups = lexicon.given_name_groups()
    assert (not groups[a].isdisjoint(groups[b])) is same


@pytest.mark.parametrize(
    ("form", "en"),
    [("stichting", ("foundation",)), ("kataib", ("brigades",)), ("sherkat", ("company",))],
    ids=["dutch", "arabic", "persian"],
)
def test_org_translations(form: str, en: tuple[str, ...]) -> None:
    assert lexicon.org_translations()[form] == en


def test_org_translations_leave_legal_phrases_alone() -> None:
    # A word of a multiword legal form (sociedad anonima) must stay a legal form.
    legal = {w for p in lexicon.word_list("legal_phrase_latn") for w in p.split()}
    assert not legal & set(lexicon.org_translations())


def test_org_translations_header_names_source_and_licence() -> None:
    header = data_path("org_translations.tsv").read_text(encoding="utf-8")
    assert "Source:" in header and "Licence:" in header


@pytest.mark.parametrize(
    ("word", "value"),
    [("three", 3), ("nineteen", 19), ("forty", 40), ("fourty", 40), ("ninety", 90)],
    ids=["three", "nineteen", "forty", "fourty", "ninety"],
)
def test_number_words(word: str, value: int) -> None:
    assert lexicon.number_words()[word] == value


def test_number_words_are_units_or_tens() -> None:
    values = set(lexicon.number_words().values())
    assert set(range(20)) <= values
    assert all(v < 20 or (v % 10 == 0 and v <= 90) for v in values)


def test_number_words_header_names_source_and_licence() -> None:
    header = data_path("number_words.tsv").read_text(encoding="utf-8")
    assert "Source:" in header and "Licence:" in header
