"""Tests of the Arabic rules (nasab.extraction.arabic) for organisations: a conference held
by a body is no organisation, the body is."""

from __future__ import annotations

from nasab.extraction import extract, read_documents


def _ex(text: str):
    return extract(read_documents([{"id": "t", "text": text}])[0])


def test_arabic_conference_is_no_organisation() -> None:
    ex = _ex("وشارك في المؤتمر العلمي الدولي لجهاز مكافحة الإرهاب")
    assert [m.text for m in ex.organizations()] == ["جهاز مكافحة الإرهاب"]
