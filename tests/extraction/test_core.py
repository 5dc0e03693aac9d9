"""Tests of nasab.extraction.core: short forms of a name read earlier in the document
(with a one-consonant key too) refer to that name."""

from __future__ import annotations

import pytest

from nasab.extraction import extract, read_documents
from nasab.extraction.core import finish, read


def _ex(text: str):
    return extract(read_documents([{"id": "t", "text": text}])[0])


def _persons(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.attrs.get("refers_to")) for m in _ex(text).persons()]


SHORT_FORMS = [
    (
        "en-al-rawi",
        "Hamid al-Rawi was arrested. Police said al-Rawi had planned attacks.",
        [("Hamid al-Rawi", None), ("al-Rawi", "Hamid al-Rawi")],
    ),
    (
        "en-al-dulaimi",
        "Hamid al-Dulaimi was arrested. Police said al-Dulaimi had planned attacks.",
        [("Hamid al-Dulaimi", None), ("al-Dulaimi", "Hamid al-Dulaimi")],
    ),
    (
        "en-compound-family",
        "Interior Minister Major General Tarek Abdel Fattah spoke. Abdel Fattah made the remarks.",
        [("Tarek Abdel Fattah", None), ("Abdel Fattah", "Tarek Abdel Fattah")],
    ),
    (
        "en-compound-family-last-word",
        "Police named Abdel-Majed Abdel Bary. Bary, 24, left London last year.",
        [("Abdel-Majed Abdel Bary", None), ("Bary", "Abdel-Majed Abdel Bary")],
    ),
    (
        "ar-al-rawi",
        "أعلنت الشرطة القبض على الإرهابي حامد الراوي قرب بغداد. وأضاف أن الراوي كان يخطط لهجمات.",
        [("حامد الراوي", None), ("الراوي", "حامد الراوي")],
    ),
    (
        "ar-bare-family-refers",
        "تفقد رئيس أركان الجيش الفريق الركن سامي جاسم العبيدي القطعات. وذكر البيان أن العبيدي اجتمع بالقادة.",
        [("سامي جاسم العبيدي", None), ("العبيدي", "سامي جاسم العبيدي")],
    ),
    (
        "en-other-family-stays-out",
        "Hamid al-Rawi was arrested. Police said al-Rawa had planned attacks.",
        [("Hamid al-Rawi", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "want"), [c[1:] for c in SHORT_FORMS], ids=[c[0] for c in SHORT_FORMS]
)
def test_short_forms(text: str, want: list) -> None:
    got = _persons(text)
    for item in want:
        assert item in got
    assert len([p for p in got if p[1] is not None]) == len([w for w in want if w[1] is not None])


# ------------------------------------------------------------- read + finish == extract


def _facts(ex) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    mentions = [(m.start, m.end, m.kind, m.name, sorted(m.attrs.items())) for m in ex.mentions]
    relations = [
        (r.type, r.subject.span, r.object.span if r.object else None, sorted(r.attrs.items()))
        for r in ex.relations
    ]
    return mentions, relations


READINGS = [
    (
        "en-bare-family-known",
        "Al-Tamimi spoke on Monday. The Border Guard Command said Tamimi had left.",
        ["Ali al-Tamimi"],
    ),
    (
        "en-full-name-known",
        "Police said Hamid Rawi had planned attacks with Lieutenant Colonel Omar Jubouri.",
        ["Hamid al-Rawi", "Omar al-Jubouri"],
    ),
    (
        "ar-known-name",
        "قال الزبيدي إن وزير الداخلية محمد الغبان زار بغداد.",
        ["Muqdad al-Zubaidi", "محمد سالم الغبان"],
    ),
    ("en-nothing-known", "Prime Minister Ali al-Tamimi praised the Islamic Defence Council.", []),
]


@pytest.mark.parametrize(("text", "known"), [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_finish_of_a_reading_is_extract(text: str, known: list[str]) -> None:
    doc = read_documents([{"id": "t", "text": text}])[0]
    reading = read(doc)
    with_known = finish(reading, known)
    without = finish(reading)  # the reading is unchanged by the call before
    assert _facts(with_known) == _facts(extract(doc, known=known))
    assert _facts(without) == _facts(extract(doc))
    assert _facts(finish(reading, known)) == _facts(with_known)
