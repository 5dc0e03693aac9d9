"""Guessing whether a bare name is a person's or an organisation's.

Used where a caller gives plain names without saying what they are. The rules are
general: a known organisation (``data/aliases/organizations.tsv``), an organisation
head word in either script (Service, Ministry, Brigades, جهاز, وزارة...), a legal form
(Ltd, LLC, S.A., شركة), or a short all-capitals acronym standing alone make an
organisation; anything else is taken as a person.

Example:
    >>> guess_kind("Counter-Terrorism Service"), guess_kind("جهاز مكافحة الإرهاب")
    ('organization', 'organization')
    >>> guess_kind("ISIS"), guess_kind("داعش"), guess_kind("Mustafa Al-Kazemi")
    ('organization', 'organization', 'person')
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import lexicon
from ..lexicon import word_set
from ..text import check_text, normalize

__all__ = ["guess_kind"]

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-']{1,7}$")


@cache
def _org_tables() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """(normalised known organisation names, head-word token tuples) from the shipped tables."""
    names: set[str] = set()
    heads: set[tuple[str, ...]] = set()
    for org in lexicon.organizations():
        names.update(normalize(x) for x in (*org.forms_en, *org.forms_ar) if x)
    for word in lexicon.org_words():
        if word.kind != "head":
            continue
        for form in (word.en, *word.variants_en, word.ar, *word.variants_ar):
            toks = tuple(normalize(form).split())
            if toks:
                heads.add(toks)
                if toks[0].startswith("ال") and len(toks[0]) > 3:
                    heads.add((toks[0][2:], *toks[1:]))
    names.discard("")
    return frozenset(names), frozenset(heads)


@lru_cache(maxsize=65536)
def guess_kind(name: str) -> str:
    """``organization`` or ``person`` for a bare name, by general rules.

    Args:
        name: a name in either script.

    Returns:
        ``"organization"`` when the name looks like one, else ``"person"``.
    """
    check_text(name, "name")
    stripped = name.strip()
    if _ACRONYM.match(stripped) and not stripped.endswith("."):
        return "organization"
    norm = normalize(stripped)
    toks = norm.split()
    if not toks:
        return "person"
    known, heads = _org_tables()
    if norm in known:
        return "organization"
    if any(t in word_set("org_marker") for t in toks):
        return "organization"
    for n in (1, 2):
        for i in range(len(toks) - n + 1):
            if tuple(toks[i : i + n]) in heads:
                return "organization"
    return "person"
