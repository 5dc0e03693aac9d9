"""Tests of nasab.extraction.core: short forms of a name read earlier in the document
(with a one-consonant key too) refer to that name."""

from __future__ import annotations

import pytest

from nasab.extraction import extract, read_documents
from nasab.extraction.core import finish, read
from nasab.extraction.ner import model_available


def _ex(text: str):
    return extract(read_documents([{"id": "t", "text": text}])[0])


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
    # a word the name parser takes for a title (Khalifa: caliph) opens a name after a rank
    (
        "en-title-word-opening-a-name",
        "Jets of General Khalifa Dornan pounded the port. Dornan’s side lost 20 fighters.",
        [("Khalifa Dornan", None), ("Dornan", "Khalifa Dornan")],
    ),
    (
        "en-title-word-after-a-title",
        "Prince Sultan bin Qorvan met the envoy. Bin Qorvan said so.",
        [("Sultan bin Qorvan", None), ("Bin Qorvan", "Sultan bin Qorvan")],
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
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_short_forms(text: str, want: list, backend: str) -> None:
    ex = extract(read_documents([{"id": "t", "text": text}])[0], backend=backend)
    got = [(m.text, m.attrs.get("refers_to")) for m in ex.persons()]
    for item in want:
        assert item in got
    assert len([p for p in got if p[1] is not None]) == len([w for w in want if w[1] is not None])


@pytest.mark.skipif(not model_available("en"), reason="the ner extra is not installed")
def test_capitalised_particle_of_a_full_name_the_model_read() -> None:
    # the model reads the Dutch name (no particle of the rules' tables): the same words
    # with the particle capitalised at a sentence's start are its short form, not a
    # second person
    text = "Hans van Dorsel, an economist at Qorvan Bank, said so. Van Dorsel added that oil fell."
    got = [(m.text, m.attrs.get("refers_to")) for m in _ex(text).persons()]
    assert ("Van Dorsel", "Hans van Dorsel") in got


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
