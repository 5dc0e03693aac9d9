"""Tests of outlets named by a media cue (nasab.extraction.media)."""

from __future__ import annotations

import pytest

from nasab.extraction import Document, extract

CASES = [
    ("en-agency-after", "Zelvia news agency reported the attack.", ["Zelvia"]),
    ("en-cue-before", "The news website Qorvan said so. Qorvan added more.", ["Qorvan", "Qorvan"]),
    ("en-possessive-owner", "Baghdad's Al-Nahar newspaper said so.", ["Al-Nahar"]),
    ("en-article-joined", "It was reported by the al-Fajri news website on Monday.", ["al-Fajri"]),
    ("en-demonym", "The Iraqi newspaper said so.", []),
    ("en-known-place", "A Baghdad newspaper said so.", []),
    ("en-function-word", "The newspaper said so.", []),
]


@pytest.mark.parametrize(("text", "orgs"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_media_cues(text: str, orgs: list[str]) -> None:
    ex = extract(Document("d", text, "en"), backend="rules")
    assert [m.text for m in ex.organizations()] == orgs
