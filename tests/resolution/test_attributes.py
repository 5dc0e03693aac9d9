"""Record attributes as evidence: parsing what lists write, and what two records' facts say."""

from __future__ import annotations

import pytest

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
    ],
)
def test_compare_facts(a: dict, b: dict, verdict: str) -> None:
    assert compare_facts(facts_of(a), facts_of(b)).verdict == verdict
    assert compare_facts(facts_of(b), facts_of(a)).verdict == verdict


def test_facts_read_several_key_spellings() -> None:
    f = facts_of({"Date of Birth": "1951", "Place-Of-Birth": "Mosul", "SEX": "M", "other": "x"})
    assert f.birth == (Birth(1951, 1951),)
    assert f.place == frozenset({"mosul"})
    assert f.gender == "m"
    assert f.signature() == "b=1951;g=m;p=mosul"


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
