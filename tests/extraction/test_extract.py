"""Table-driven tests of nasab.extraction: spans, kinds, relations, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nasab.errors import ExtraMissingError, NasabError
from nasab.extraction import Document, extract, read_documents, sentences

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _doc(text: str, lang: str | None = None) -> Document:
    return (
        read_documents([{"id": "t", "text": text}])[0]
        if lang is None
        else Document("t", text, lang)
    )  # type: ignore[arg-type]


def _spans_exact(ex) -> None:
    for m in ex.mentions:
        assert ex.doc.text[m.start : m.end] == m.text
        assert m.sentence[0] <= m.start and m.end <= m.sentence[1]


# ---------------------------------------------------------------- persons and organisations

PERSONS = [
    (
        "pm-title",
        "Prime Minister Mohammed Rabie al-Rikabi confirmed the news.",
        ["Mohammed Rabie al-Rikabi"],
    ),
    ("rank", "Lieutenant General Abdul Wahab al-Hamdani attended.", ["Abdul Wahab al-Hamdani"]),
    (
        "spokesman",
        "Joint Operations Command spokesman Major General Tahsin al-Zubaidi reported it.",
        ["Tahsin al-Zubaidi"],
    ),
    ("expert", "Iraqi security and political expert Ali Al-Rawi said so.", ["Ali Al-Rawi"]),
    (
        "possessive",
        "Prime Minister Ali al-Tamimi spoke. Al-Tamimi’s statements came later.",
        ["Ali al-Tamimi", "Al-Tamimi"],
    ),
    (
        "bare-short",
        "Prime Minister Ali al-Tamimi spoke. “We will win,” Tamimi said.",
        ["Ali al-Tamimi", "Tamimi"],
    ),
    ("headline", "Security Efforts Confound Terrorist Plans", []),
    ("so-called", "They ended the so-called Tigris State during the operation.", []),
    (
        "geo",
        "Raids in the Hamrin Mountains, Lake Hamrin, Wadi al-Shay and Salahuddin province.",
        [],
    ),
    (
        "ar-title",
        "رئيس الوزراء العراقي مصطفى الكاظمي يقول إن القوات قامت بدور كبير",
        ["مصطفى الكاظمي"],
    ),
    ("ar-comma", "أشاد رئيس الوزراء العراقي، مصطفى الكاظمي، بدور الجهاز", ["مصطفى الكاظمي"]),
    ("ar-rank", "وقال اللواء تحسين الزبيدي إن العمليات مستمرة", ["تحسين الزبيدي"]),
    (
        "ar-short",
        "الكاظمي: انتصرنا. وقال رئيس الوزراء مصطفى الكاظمي إن النصر تحقق",
        ["الكاظمي", "مصطفى الكاظمي"],
    ),
    (
        "ar-proclitic",
        "وأكد رئيس الوزراء مصطفى الكاظمي ذلك. والكاظمي شارك في المؤتمر",
        ["مصطفى الكاظمي", "الكاظمي"],
    ),
    ("ar-no-name", "رئيس الوزراء العراق أكّد العمل على إعادة بناء المؤسسات", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [p[1:] for p in PERSONS], ids=[p[0] for p in PERSONS]
)
def test_persons(text: str, expected: list[str]) -> None:
    ex = extract(_doc(text))
    _spans_exact(ex)
    assert [m.text for m in ex.persons()] == expected


ORGS = [
    (
        "head-words",
        "the Counter-Terrorism Service and the Border Guard Command met.",
        ["Counter-Terrorism Service", "Border Guard Command"],
    ),
    ("news-agency", "published by the Iraqi News Agency on Monday", ["Iraqi News Agency"]),
    (
        "coalition",
        "a representative of the International Coalition in Iraq",
        ["International Coalition"],
    ),
    (
        "acronyms",
        "the Islamic State (ISIS/ISIL/IS/Daesh) terrorist organization",
        ["Islamic State", "ISIS", "ISIL", "IS", "Daesh"],
    ),
    (
        "ar-construct",
        "المؤتمر العلمي الدولي لجهاز مكافحة الإرهاب في بغداد",
        ["جهاز مكافحة الإرهاب"],
    ),
    ("ar-coalition", "تحولت مهمة قوات التحالف الدولي خلال الحوار", ["التحالف الدولي"]),
    ("ar-daesh", "في دحر عصابات داعش الإرهابية", ["داعش"]),
    ("ar-not-proxy", "قاتلوا الإرهاب وكالة عن أنفسهم", []),
]


@pytest.mark.parametrize(("text", "expected"), [o[1:] for o in ORGS], ids=[o[0] for o in ORGS])
def test_organizations(text: str, expected: list[str]) -> None:
    ex = extract(_doc(text))
    _spans_exact(ex)
    assert [m.text for m in ex.organizations()] == expected


# ---------------------------------------------------------------- relations

ROLES = [
    (
        "title",
        "Prime Minister Mohammed Rabie al-Rikabi praised the forces.",
        [("Mohammed Rabie al-Rikabi", "Prime Minister", None, None)],
    ),
    (
        "apposition",
        "The Prime Minister of Iraq, Mustafa Al-Kazemi, said this.",
        [("Mustafa Al-Kazemi", "Prime Minister", None, None)],
    ),
    (
        "two-roles",
        "the Prime Minister and Commander-in-Chief of the Iraqi Armed Forces, Mustafa Al-Kazemi, confirmed",
        [
            ("Mustafa Al-Kazemi", "Prime Minister", None, None),
            ("Mustafa Al-Kazemi", "Commander-in-Chief", "Iraqi Armed Forces", None),
        ],
    ),
    (
        "head-of",
        "in the presence of the Head of the Counter-Terrorism Service, Lieutenant General Abdul Wahab al-Hamdani, and others",
        [("Abdul Wahab al-Hamdani", "Head", "Counter-Terrorism Service", "Lieutenant General")],
    ),
    (
        "spokesman",
        "Joint Operations Command spokesman Major General Tahsin al-Zubaidi reported",
        [("Tahsin al-Zubaidi", "Spokesman", "Joint Operations Command", "Major General")],
    ),
    (
        "so-called",
        "forces eliminated Jassim al-Mazrouei Abu Abdel Qader, the so-called “governor of Iraq” for IS, who led",
        [("Jassim al-Mazrouei", "governor of Iraq", "IS", None)],
    ),
    (
        "ar-pm",
        "أشاد رئيس الوزراء العراقي مصطفى الكاظمي بدور الجهاز",
        [("مصطفى الكاظمي", "Prime Minister", None, None)],
    ),
    (
        "ar-spokesman",
        "وقال المتحدث باسم قيادة العمليات المشتركة اللواء تحسين الزبيدي إن",
        [("تحسين الزبيدي", "Spokesman", "قيادة العمليات المشتركة", "Major General")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in ROLES], ids=[r[0] for r in ROLES])
def test_roles(text: str, expected: list[tuple]) -> None:
    ex = extract(_doc(text))
    got = [
        (r.subject.text, r.attrs["role"], r.attrs.get("organization"), r.attrs.get("rank"))
        for r in ex.relations
        if r.type == "holds_role"
    ]
    assert got == expected


def test_role_ar_is_given() -> None:
    ex = extract(_doc("أشاد رئيس الوزراء العراقي مصطفى الكاظمي بدور الجهاز"))
    assert ex.relations[0].attrs["role_ar"] == "رئيس الوزراء"
    assert ex.relations[0].evidence == ex.doc.text


ALIASES = [
    (
        "also-known-as",
        "Jassim al-Mazroui, also known as Abu Abdul Qader, was killed.",
        [("alias", "Abu Abdul Qader", "Jassim al-Mazroui")],
    ),
    (
        "kunya",
        "They eliminated Jassim al-Mazrouei Abu Abdel Qader in the raid.",
        [("alias", "Abu Abdel Qader", "Jassim al-Mazrouei")],
    ),
    (
        "acronyms",
        "the Islamic State (ISIS/ISIL) group",
        [("acronym", "ISIS", "Islamic State"), ("acronym", "ISIL", "Islamic State")],
    ),
    (
        "ar-known-as",
        "قتل اللواء علي الزيدي المعروف بأبو محمد في العملية",
        [("alias", "أبو محمد", "علي الزيدي")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [a[1:] for a in ALIASES], ids=[a[0] for a in ALIASES]
)
def test_aliases(text: str, expected: list[tuple]) -> None:
    ex = extract(_doc(text))
    _spans_exact(ex)
    got = [
        (r.type, r.subject.text, r.object.text)
        for r in ex.relations
        if r.type in ("alias", "acronym")
    ]
    assert got == expected


def test_is_only_in_capitals() -> None:
    ex = extract(_doc("This is what it is, said the Iraqi News Agency."))
    assert [m.text for m in ex.organizations()] == ["Iraqi News Agency"]


# ---------------------------------------------------------------- known names across scripts

KNOWN = [
    (
        "en-into-ar",
        "قال مصطفى الكاظمي إن الكاظمي",
        ["Mustafa al-Kadhimi"],
        ["مصطفى الكاظمي", "الكاظمي"],
    ),
    (
        "ar-into-en",
        "Later Mustafa Kadhimi spoke to reporters.",
        ["مصطفى الكاظمي"],
        ["Mustafa Kadhimi"],
    ),
]


@pytest.mark.parametrize(
    ("text", "known", "expected"), [k[1:] for k in KNOWN], ids=[k[0] for k in KNOWN]
)
def test_known(text: str, known: list[str], expected: list[str]) -> None:
    ex = extract(_doc(text), known=known)
    _spans_exact(ex)
    assert [m.text for m in ex.persons()] == expected


# ---------------------------------------------------------------- seeds


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_seeds_not_persons_and_gold_persons() -> None:
    """Every person mention of the seeds' reference reading (gold.json) is read as a
    person, and none of its not_persons is inside one (the names come from the gold, so
    no test names the seeds' people)."""
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    docs = read_documents(sorted(SEEDS.glob("*.txt")))
    persons: set[str] = set()
    for d in docs:
        ex = extract(d)
        _spans_exact(ex)
        persons |= {m.text for m in ex.persons()}
    for bad in gold["not_persons"]:
        assert not any(bad in p or p in bad for p in persons), bad
    for entity in gold["entities"]:
        if entity["type"] == "person":
            for names in entity["mentions"].values():
                for good in names:
                    assert good in persons, good


# ---------------------------------------------------------------- documents and bad input

SENTENCES = [
    (
        "abbrev",
        "Maj. Gen. Ali al-Tamimi met U.S. troops. Then he left.",
        ["Maj. Gen. Ali al-Tamimi met U.S. troops.", "Then he left."],
    ),
    ("arabic", "قال الوزير؟ نعم. انتهى", ["قال الوزير؟", "نعم.", "انتهى"]),
    ("newlines", "Title line\n\nBody text here.", ["Title line", "Body text here."]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in SENTENCES], ids=[s[0] for s in SENTENCES]
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


LANGS = [
    ("en", "The minister spoke.", "en"),
    ("ar", "قال الوزير", "ar"),
    ("mixed", "Prime Minister رئيس الوزراء", "mixed"),
]


@pytest.mark.parametrize(("text", "lang"), [x[1:] for x in LANGS], ids=[x[0] for x in LANGS])
def test_language(text: str, lang: str) -> None:
    assert read_documents(text)[0].language == lang


BAD = [("empty", ""), ("spaces", "   \n "), ("digits", "12345 678"), ("cjk", "北京欢迎你")]


@pytest.mark.parametrize("text", [b[1] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_documents(text: str) -> None:
    with pytest.raises(NasabError):
        read_documents([{"id": "x", "text": text}])


def test_binary_file_named(tmp_path: Path) -> None:
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(NasabError, match=r"blob\.txt"):
        read_documents([bad])
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(NasabError, match=r"latin1\.txt"):
        read_documents(latin1)


def test_skip_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Prime Minister Ali al-Tamimi spoke.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00")
    (tmp_path / "c.txt").write_text("قال الوزير", encoding="utf-8")
    docs, problems = read_documents(tmp_path, errors="skip")
    assert [d.id for d in docs] == ["a", "c"]
    assert len(problems) == 1 and "b.txt" in problems[0][0]


def test_records_and_paths(tmp_path: Path) -> None:
    p = tmp_path / "doc1.txt"
    p.write_text("The minister spoke.", encoding="utf-8")
    docs = read_documents([str(p), {"id": "r1", "text": "قال الوزير"}, "Some inline text."])
    assert [(d.id, d.language) for d in docs] == [("doc1", "en"), ("r1", "ar"), ("doc2", "en")]
    assert docs[0].path == str(p)


def test_mixed_script_sentence() -> None:
    ex = extract(_doc("Prime Minister Ali al-Tamimi (رئيس الوزراء علي التميمي) spoke."))
    _spans_exact(ex)
    assert [m.text for m in ex.persons()] == ["Ali al-Tamimi", "علي التميمي"]


def test_large_document_reads_every_unit() -> None:
    """A 5 MB document is read whole: ten times the text gives ten times the mentions
    (time per size is measured in benchmarks, never asserted in tests)."""
    plain = (
        "the forces continued their operations in remote areas and the situation remained calm. "
        * 8
    )
    unit = (
        plain
        + "Prime Minister Ali al-Tamimi met the Border Guard Command. قال اللواء علي الزيدي إن جهاز الأمن الوطني نفذ العملية.\n"
    )
    small = unit * 620
    big = unit * 6200  # about 5 MB
    assert len(big) > 5_000_000
    n_small = len(extract(Document("s", small, "mixed"), backend="rules").mentions)
    n_big = len(extract(Document("b", big, "mixed"), backend="rules").mentions)
    assert n_small > 0
    assert n_big == n_small * 10


def test_spacy_backend_missing_or_works() -> None:
    try:
        ex = extract(_doc("Prime Minister Ali al-Tamimi spoke."), backend="spacy")
    except ExtraMissingError as exc:
        assert "spacy" in str(exc)
    else:
        assert "Ali al-Tamimi" in [m.text for m in ex.persons()]


def test_bad_backend() -> None:
    with pytest.raises(NasabError):
        extract(_doc("The minister spoke."), backend="bert")
