"""Tests for nasab.names.kind.guess_kind."""

from __future__ import annotations

import pytest

from nasab.errors import InputError
from nasab.names.kind import guess_kind

CASES = [
    ("head word en", "Counter-Terrorism Service", "organization"),
    ("head word ar", "جهاز مكافحة الإرهاب", "organization"),
    ("ministry ar", "وزارة الداخلية", "organization"),
    ("acronym", "ISIS", "organization"),
    ("known org ar", "داعش", "organization"),
    ("known org en", "Hezbollah", "organization"),
    ("legal form", "AERO-CARIBBEAN AIRLINES LTD", "organization"),
    ("bank", "BANCO NACIONAL DE CUBA", "organization"),
    ("person en", "Mustafa Al-Kazemi", "person"),
    ("person ar", "مصطفى الكاظمي", "person"),
    ("person list style", "AL-ZUMAR, Abbud", "person"),
    ("kunya", "Abu Bakr al-Baghdadi", "person"),
    ("initial with dot", "A.", "person"),
]


@pytest.mark.parametrize(("name", "kind"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_guess_kind(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


def test_bad_input() -> None:
    with pytest.raises(InputError):
        guess_kind(None)  # type: ignore[arg-type]
