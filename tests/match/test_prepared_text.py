"""The text form of a prepared name (what a Spark worker gets with a name instead of
parsing it again): read back, it is the prepared name itself."""

from __future__ import annotations

import pytest

from nasab.match import prepare
from nasab.match.prepared import prepared_from_text, prepared_text
from nasab.match.tokens import TokenTable
from nasab.names.parse import (
    NAME_TEXT_SEPARATOR,
    Name,
    Token,
    name_from_text,
    name_text,
    parse_name,
)

NAMES = [
    "Tahsin al-Zubaidi",
    "تحسين الزبيدي",
    "KHAFAJI, Tahsin Rashid",  # list order: family name first
    "Dr. Faisal Abd al-Karim",  # a title, a compound
    "أبو يوسف عمر الراشدي",  # a kunya
    "Abu Yusuf Omar al-Rashidi",
    "Abdel Salam Hamdan",
    "عبد السلام حمدان",
    "Omar",  # one token
    "Jean-Baptiste Okafor",  # a name of no Arabic word
    "Ömer Raşidi",  # Latin letters that are not ASCII
    "Hamdan al-عمري",  # mixed scripts
]


@pytest.mark.parametrize("raw", NAMES)
def test_name_text_reads_back_the_parse(raw: str) -> None:
    n = parse_name(raw)
    text = name_text(n)
    assert text is not None
    assert name_from_text(raw, text) == n


@pytest.mark.parametrize("raw", NAMES)
def test_prepared_text_reads_back_the_prepared_name(raw: str) -> None:
    """Same normalised text, parse and token ids (in a table the name was not interned
    in: its tokens are interned on reading, as prepare interns them)."""
    want = prepare(raw, TokenTable())
    text = prepared_text(want)
    assert text is not None
    got = prepared_from_text(raw, text, TokenTable())
    assert (got.raw, got.norm, got.name) == (want.raw, want.norm, want.name)
    assert (got.ids, got.kunya_ids) == (want.ids, want.kunya_ids)
    assert got.table.text == want.table.text


def test_a_field_holding_the_separator_has_no_text_form() -> None:
    token = Token("ali" + NAME_TEXT_SEPARATOR, "L", "latin", "given", False, "ali")
    n = Name("Ali", "latin", (), (token,), ())
    assert name_text(n) is None
