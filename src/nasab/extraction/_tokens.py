"""Tokenisation with character offsets, shared by the English and Arabic rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import word_set
from ..text import normalize

__all__ = ["Tok", "tokenize_span"]

# Tatweel (U+0640) only stretches letters: it never starts a token on its own.
_LETTER = r"A-Za-z\u00c0-\u024f\u0621-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
_MARK = r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(
    rf"(?P<w>[{_LETTER}](?:[{_LETTER}{_MARK}0-9'’\-]*[{_LETTER}{_MARK}0-9])?)"
    r"|(?P<n>\d+(?:[.,:]\d+)*)"
    r"|(?P<p>[^\w\s])"
)
_POSSESSIVE = ("'s", "’s", "'S", "’S")
#: A lower-case last part of a hyphenated word that ends so is a past participle
#: ("ISIS-controlled", "Laden-orchestrated", "US-led"): no part of the name before it.
_PARTICIPLE_END = "ed"


@dataclass(slots=True)
class Tok:
    """One token: offsets into the document, surface, kind (w word, n number, p punctuation),
    whether a possessive was cut off, whether it is written in Arabic script."""

    start: int
    end: int
    text: str
    kind: str
    possessive: bool = False
    arabic: bool = False

    @property
    def norm(self) -> tuple[str, ...]:
        """Normalised parts (``Al-Tamimi`` -> ('al', 'tamimi'))."""
        return _norm(self.text)

    @property
    def cap(self) -> bool:
        """Starts with an upper-case letter."""
        return self.kind == "w" and self.text[:1].isupper()


@lru_cache(maxsize=262144)
def _norm(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@lru_cache(maxsize=65536)
def _name_before_suffix(word: str) -> str | None:
    """The capitalised part of a hyphenated word before a lower-case suffix that makes it
    an adjective ("Laden-orchestrated", "ISIS-controlled", "Geneva-based", "British-born":
    a past participle in -ed or a word of ``name_suffix_en``), else None.

    Example:
        >>> _name_before_suffix("al-Baghdadi-led"), _name_before_suffix("Al-Tamimi")
        ('al-Baghdadi', None)
    """
    head, _, tail = word.rpartition("-")
    if (
        head
        and tail.isascii()
        and tail.isalpha()
        and tail.islower()
        and any(c.isupper() for c in head)
        and (tail.endswith(_PARTICIPLE_END) or tail in word_set("name_suffix_en"))
    ):
        return head.rstrip("-")
    return None


def tokenize_span(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    English possessives are cut off the token (``Iraq’s`` -> ``Iraq``, flagged), and so is
    a lower-case suffix that makes a name an adjective (``ISIS-controlled`` -> ``ISIS``).

    Example:
        >>> [t.text for t in tokenize_span("Al-Tamimi’s office, 5:00 P.M.", 0, 29)]
        ['Al-Tamimi', 'office', ',', '5:00', 'P', '.', 'M', '.']
    """
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "p"
        s, e = m.span()
        surface = m.group()
        poss = False
        if kind == "w" and len(surface) > 2 and surface[-2:] in _POSSESSIVE:
            surface = surface[:-2]
            e -= 2
            poss = True
        elif kind == "w" and "-" in surface:
            head = _name_before_suffix(surface)
            if head is not None:
                surface, e = head, s + len(head)
        arabic = kind == "w" and _arabic_letter(surface[0])
        if arabic and "-" in surface and all(_arabic_letter(p[:1]) for p in surface.split("-")):
            out.extend(_hyphen_parts(surface, s))
            continue
        out.append(Tok(s, e, surface, kind, poss, arabic))
    return out


def _arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u08ff"


def _hyphen_parts(surface: str, start: int) -> list[Tok]:
    """An Arabic word joined to others by hyphens is several words and the hyphens
    between them: Arabic spelling has no hyphenated words, so a hyphen sets apart a
    byline's name, source and city (``البرقاوي-سبق-الرياض``) or a route's two cities.

    Example:
        >>> [t.text for t in _hyphen_parts("البرقاوي-سبق", 0)]
        ['البرقاوي', '-', 'سبق']
    """
    out: list[Tok] = []
    pos = start
    for k, part in enumerate(surface.split("-")):
        if k:
            out.append(Tok(pos, pos + 1, "-", "p"))
            pos += 1
        out.append(Tok(pos, pos + len(part), part, "w", False, True))
        pos += len(part)
    return out
