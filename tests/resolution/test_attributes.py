"""Record attributes as evidence: parsing what lists write, and what two records' facts say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nasab.resolution.attributes import (
    Birth,
    Evidence,
    adjust_score,
    compare_facts,
    facts_of,
    parse_birth,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 Jun 1951", ["1951-06-07"]),
        ("DOB 07 Jun 1951", ["1951-06-07"]),
        ("June 1951", ["1951-06"]),
        ("1951", ["1951"]),
        ("1951-06-07", ["1951-06-07"]),
        ("07/06/1951", ["1951"]),
        ("circa 1960", ["1958..1962"]),
        ("approximately 1960", ["1958..1962"]),
        ("1960 to 1962", ["1960..1962"]),
        ("01 Jan 1960 to 31 Dec 1962", ["1960..1962"]),
        ("1960-1962", ["1960..1962"]),
        ("1953 | 1955", ["1953", "1955"]),
        ("١٩٥١", ["1951"]),
    ],
    ids=[
        "day-month-year",
        "dob-prefix",
        "month-year",
        "year",
        "iso",
        "slashes-year-only",
        "circa",
        "approximately",
        "range",
        "range-of-dates",
        "dash-range",
        "several",
        "arabic-digits",
    ],
)
def test_parse_birth(text: str, expected: list[str]) -> None:
    got, left = parse_birth(text)
    assert [str(b) for b in got] == expected
    assert left == ()


@pytest.mark.parametrize(
    "text",
    ["in the spring", "unknown", "12 Foo 1951", "1962 to 1960", "تقريبا"],
    ids=["words", "unknown", "bad-month", "backwards-range", "arabic-word"],
)
def test_unparsed_kept_as_written(text: str) -> None:
    got, left = parse_birth(text)
    assert got == ()
    assert left == (text,)


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ({"dob": "1951"}, {"dob": "1964"}, "against"),
        ({"dob": "circa 1960"}, {"dob": "1962"}, "none"),
        ({"dob": "circa 1960"}, {"dob": "1963"}, "against"),
        ({"dob": "1960 to 1962"}, {"dob": "1961"}, "none"),
        ({"dob": "07 Jun 1951"}, {"date_of_birth": "1951-06-07"}, "for"),
        ({"dob": "07 Jun 1951"}, {"dob": "08 Jun 1951"}, "none"),
        ({"dob": "1951"}, {"dob": "1951"}, "none"),
        ({"gender": "Male"}, {"sex": "female"}, "against"),
        ({"gender": "Male"}, {"gender": "ذكر"}, "none"),
        ({"gender": "أنثى"}, {"gender": "Male"}, "against"),
        ({"nationality": "Syria"}, {"citizen": "Iraq"}, "weak_against"),
        ({"nationality": "Syria | Iraq"}, {"citizen": "Iraq"}, "none"),
        (
            {"dob": "07 Jun 1951", "nationality": "Syria"},
            {"dob": "07 Jun 1951", "nationality": "Iraq"},
            "weak_against",
        ),
        ({"pob": "Tikrit, Iraq"}, {"place_of_birth": "Tikrit, Iraq"}, "none"),
        ({}, {"dob": "1951"}, "none"),
        ({"dob": "unknown"}, {"dob": "1951"}, "none"),
        ({"imo": "IMO 9187629"}, {"imoNumber": "9187629"}, "for"),
        ({"imo": "9187629"}, {"imo_number": "9187630"}, "against"),
        ({"lei": "5493001KJTIIGC8Y1R12"}, {"leiCode": "529900T8BM49AURSDO55"}, "against"),
        ({"registration_id": "1027700132195 (Russia)"}, {"ogrn": "1027700132195"}, "for"),
        ({"registration_id": "1027700132195"}, {"registration_number": "1047796000000"}, "none"),
        ({"tax_id": "7702070139"}, {"swift": "VTBRRUMM"}, "none"),
        ({"address_country": "Iran"}, {"jurisdiction": "United Arab Emirates"}, "weak_against"),
        (
            {"jurisdiction": "Iran | United Arab Emirates"},
            {"address_country": "UAE | Iran"},
            "none",
        ),
        ({"jurisdiction": "لبنان"}, {"address_country": "لبنان"}, "none"),
        ({"jurisdiction": "Iran"}, {"address_country": "إيران"}, "none"),
        ({"nationality": "Islamic Republic of Iran"}, {"citizen": "Iran"}, "none"),
        ({"founded": "1998"}, {"Organization Established Date": "circa 1999"}, "none"),
        ({"founded": "1998"}, {"incorporationDate": "12 May 2005"}, "weak_against"),
        (
            {"registration_id": "1027700132195", "jurisdiction": "Russia"},
            {"registration_id": "1027700132195", "jurisdiction": "Cyprus"},
            "weak_against",
        ),
        (
            {"imo": "9187629", "registration_id": "X1"},
            {"imo": "9187630", "reg_no": "X1"},
            "against",
        ),
    ],
    ids=[
        "years-disjoint",
        "circa-overlaps",
        "circa-too-far",
        "range-contains",
        "same-full-date",
        "dates-differ-same-year",
        "same-year-only",
        "genders-differ",
        "gender-across-languages",
        "gender-arabic-female",
        "nationalities-disjoint",
        "nationality-shared",
        "nationality-weighs-before-date",
        "same-place",
        "one-side-empty",
        "unparsed-is-no-evidence",
        "same-imo-prefix-and-camel-case",
        "imo-differs",
        "lei-differs",
        "same-registration-issuer-in-parentheses",
        "registrations-differ-no-verdict",
        "schemes-never-compared-across",
        "countries-disjoint",
        "country-shared",
        "country-arabic",
        "country-across-scripts",
        "nationality-fuller-name",
        "founded-circa-overlaps",
        "founded-disjoint-weak",
        "country-weighs-before-identifier",
        "unique-scheme-against-wins",
    ],
)
def test_compare_facts(a: dict, b: dict, verdict: str) -> None:
    assert compare_facts(facts_of(a), facts_of(b)).verdict == verdict
    assert compare_facts(facts_of(b), facts_of(a)).verdict == verdict


@pytest.mark.parametrize(
    "key", ["dob", "DOB", "DoB", "Date of Birth", "date-of-birth", "dateOfBirth"]
)
def test_birth_key_spellings(key: str) -> None:
    assert facts_of({key: "1951"}).signature() == "b=1951"


def test_facts_read_several_key_spellings() -> None:
    f = facts_of({"Date of Birth": "1951", "Place-Of-Birth": "Mosul", "SEX": "M", "other": "x"})
    assert f.birth == (Birth(1951, 1951),)
    assert f.place == frozenset({"mosul"})
    assert f.gender == "m"
    assert f.signature() == "b=1951;g=m;p=mosul"


@pytest.mark.parametrize(
    ("attrs", "signature"),
    [
        ({"Registration ID": "1027700132195 (Russia)"}, "i=registration:1027700132195"),
        ({"imoNumber": "IMO 9187629", "mmsi": "422 123 456"}, "i=imo:9187629,mmsi:422123456"),
        ({"swiftBic": "bmjiirth", "VAT": "ir-12"}, "i=swift:BMJIIRTH,tax:IR12"),
        ({"Address Country": "Iran | Syria", "founded": "1998"}, "c=iran,syria;f=1998"),
        ({"jurisdiction": "سوريا"}, "c=سوريا"),
        ({"dateOfBirth": "1951", "placeOfBirth": "Mosul"}, "b=1951;p=mosul"),
    ],
    ids=[
        "registration",
        "imo-mmsi",
        "swift-vat",
        "country-founded",
        "country-arabic",
        "camel-case",
    ],
)
def test_body_facts_signature(attrs: dict, signature: str) -> None:
    assert facts_of(attrs).signature() == signature


def test_unreadable_founding_date_is_kept() -> None:
    f = facts_of({"founded": "early nineties", "jurisdiction": "Iraq", "country": "Syria"})
    assert f.founded == ()
    assert f.unparsed == ("early nineties",)
    assert f.signature() == "c=iraq"


def test_facts_of_nothing_is_empty() -> None:
    assert not facts_of(None)
    assert not facts_of({"colour": "red"})
    assert facts_of({"dob": "unknown"}).unparsed == ("unknown",)


@pytest.mark.parametrize(
    ("score", "verdict", "expected"),
    [
        (0.6, "for", 0.88),
        (0.15, "for", 0.15),
        (0.5, "weak_against", 0.4),
        (0.7, "against", 0.7),
        (0.7, "none", 0.7),
    ],
    ids=["support", "too-low-for-support", "weak-against", "against-is-a-cannot-link", "none"],
)
def test_adjust_score(score: float, verdict: str, expected: float) -> None:
    assert adjust_score(score, Evidence(verdict)) == pytest.approx(expected)


_KEYS = st.sampled_from(
    ["dob", "DoB", "imoNumber", "registration_id", "lei", "jurisdiction", "founded", "gender", "x"]
)


@given(st.dictionaries(st.one_of(_KEYS, st.text()), st.one_of(st.text(), st.integers(), st.none())))
def test_facts_of_any_text_is_read_or_kept(attrs: dict) -> None:
    """Any attributes, any Unicode: facts are read or kept as written, never an error;
    comparing them is symmetric in its verdict and reasons are text."""
    f = facts_of(attrs)
    assert isinstance(f.signature(), str)
    ev, back = compare_facts(f, f), compare_facts(facts_of({}), f)
    assert ev.verdict in ("none", "for") and back.verdict == "none"
    other = facts_of({"imo": "9187629", "jurisdiction": "Iraq", "founded": "1990"})
    assert compare_facts(f, other).verdict == compare_facts(other, f).verdict
