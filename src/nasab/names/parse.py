"""Parsing personal names into parts.

A :class:`Name` holds the titles, ranks and roles stripped from the front of the
name (kept as data), the name tokens in order (compound names such as
``Abdul Wahab`` / ``عبد الوهاب`` or ``Salah al-Din`` merged into one token), and
the kunya (``Abu X`` / ``أبو X``), a weak alias that is never a family name.

Example:
    >>> n = parse_name("Lieutenant General Abdul Wahab Al-Saadi")
    >>> n.titles
    ('lieutenant general',)
    >>> [(t.text, t.key, t.role) for t in n.tokens]
    [('abd wahab', 'BDHB', 'given'), ('saadi', 'SD', 'family')]
    >>> [(t.text, t.key) for t in parse_name("عبد الوهاب الساعدي").tokens]
    [('عبد وهاب', 'BDHB'), ('ساعدي', 'SD')]
    >>> parse_name("Jassim al-Mazrouei Abu Abdel Qader").kunya[0].key
    'BDKDR'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..errors import InputError
from ..text import MAX_NAME_LENGTH, Script, check_text, detect_script, normalize, script_of_token
from .keys import fold, skeleton

__all__ = ["Name", "Token", "parse_name", "title_phrases"]

_LAT_ARTICLES = frozenset(
    "al el ul il ad ed ud ash esh ush as es us az ez uz at et ut ar er ur an en un ath adh ed dh".split()
)
_AR_ARTICLE = "ال"
_PATRONYMIC = frozenset(["bin", "ibn", "ben", "bint", "binti", "bn", "بن", "ابن", "بنت"])
_KUNYA = frozenset(
    ["abu", "abou", "abo", "aboo", "abi", "umm", "um", "om", "ابو", "ابي", "ابا", "ام"]
)
_ABD = frozenset(["abd", "abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abdur", "abdus",
                  "abdir", "abdi", "abed", "abid", "عبد"])  # fmt: skip
# Joined Latin forms: Abdelwahab, Abdulqader, Abdurrahman, Abdullah.
_ABD_JOINED = re.compile(
    r"^(?:abd|abed)(?:ul|el|al|ol|il|u|ur|us|ar|as|ir|ud|un|ush|ash|)(?=[a-z]{3,})"
)
_DIN = frozenset(
    ["din", "deen", "dine", "eddin", "eddine", "uddin", "aldin", "addin", "ud-din", "الدين"]
)
_DIN_JOINED = re.compile(r"^([a-z]{3,}?)(?:ud|ed|ad|al|el|ul|id|-)?-?(?:din|deen|dine)$")
# Written abbreviations of very common given names (Syrian and Malaysian lists: Mhd, Mohd).
_ABBREVIATIONS = {
    "mhd": "mohammed",
    "mohd": "mohammed",
    "muhd": "mohammed",
    "md": "mohammed",
    "mohd.": "mohammed",
}
# Given names written as "Abu X" that are names, not kunyas.
_FIXED_ABU = frozenset(["bakr", "بكر"])


@dataclass(frozen=True, slots=True)
class Token:
    """One name token.

    Attributes:
        text: normalised surface form without the article (``kazemi``, ``كاظمي``,
            ``abd wahab`` for a compound).
        key: script-neutral consonant skeleton (``KZM``).
        script: ``arabic`` or ``latin``.
        role: ``given``, ``middle``, ``family`` or ``kunya``.
        article: whether the token carried the article al-/ال (a nisba or family name).
        fold: Latin spelling fold (Arabic tokens: the normalised text).
    """

    text: str
    key: str
    script: str
    role: str
    article: bool
    fold: str


@dataclass(frozen=True, slots=True)
class Name:
    """A parsed personal name.

    Attributes:
        raw: the input string.
        script: script of the input (``arabic``, ``latin``, ``mixed``...).
        titles: normalised titles, ranks and roles found before the name.
        tokens: the name tokens in order (without kunya and particles).
        kunya: kunya tokens (``Abu X``), each with ``role == 'kunya'``.
    """

    raw: str
    script: Script
    titles: tuple[str, ...]
    tokens: tuple[Token, ...]
    kunya: tuple[Token, ...]

    @property
    def key(self) -> str:
        """Space-joined skeletons of the name tokens (kunya after a ``|``)."""
        main = " ".join(t.key for t in self.tokens)
        if self.kunya:
            main += " | " + " ".join(t.key for t in self.kunya)
        return main.strip()

    @property
    def family(self) -> Token | None:
        """The family name or nisba: the last token of a name with two or more."""
        return self.tokens[-1] if len(self.tokens) >= 2 else None


@cache
def title_phrases() -> dict[tuple[str, ...], str]:
    """Normalised title/rank/role phrases (as token tuples) -> canonical English title."""
    from .._data import load_tsv

    out: dict[tuple[str, ...], str] = {}
    try:
        rows = load_tsv("titles.tsv")
    except Exception:  # the table is optional for parsing; without it no titles are stripped
        rows = ()
    for row in rows:
        canon = normalize(row.get("en", ""))
        forms = [row.get("en", ""), row.get("ar", "")]
        forms += (row.get("variants_en") or "").split("|") + (row.get("variants_ar") or "").split(
            "|"
        )
        for form in forms:
            toks = tuple(normalize(form).split())
            if toks and canon:
                out.setdefault(toks, canon)
                if toks[0].startswith(_AR_ARTICLE) and len(toks[0]) > 3:
                    out.setdefault((toks[0][2:], *toks[1:]), canon)
    return out


@cache
def _longest_title() -> int:
    return max((len(p) for p in title_phrases()), default=0)


@cache
def _given_names() -> frozenset[str]:
    """Given names (both scripts, normalised) that are also title words: Amir, Sultan, Malik."""
    from .._data import load_tsv

    try:
        rows = load_tsv("given_names.tsv")
    except Exception:  # optional: without it every title word is stripped
        return frozenset()
    out = set()
    for row in rows:
        out.add(normalize(row["en"]))
        out.update(normalize(a) for a in row["ar"].split("|") if a)
    return frozenset(out)


def _strip_titles(tokens: list[str]) -> tuple[list[str], list[str]]:
    phrases = title_phrases()
    longest = _longest_title()
    titles: list[str] = []
    i = 0
    while i < len(tokens) - 1:  # always leave at least one token for the name
        for n in range(min(longest, len(tokens) - 1 - i), 0, -1):
            canon = phrases.get(tuple(tokens[i : i + n]))
            if canon is not None and n == 1 and tokens[i] in _given_names():
                # "Amir Katranji", "Sultan Hashim": a one-word title spelled like a
                # common given name is read as the name (Emir, الأمير stay titles).
                continue
            if canon is not None:
                titles.append(canon)
                i += n
                break
        else:
            if tokens[i] in ("the", "of"):
                i += 1
                continue
            break
    return titles, tokens[i:]


def _make(text: str, role: str, article: bool) -> Token:
    script = "arabic" if script_of_token(text) == "arabic" else "latin"
    key = "".join(skeleton(p) for p in text.split(" "))
    return Token(text, key, script, role, article, fold(text.replace(" ", "")))


def _split_article(tok: str) -> tuple[str, bool]:
    if tok.startswith(_AR_ARTICLE) and len(tok) >= 4 and tok != "الله":
        return tok[2:], True
    return tok, False


def _units(tokens: list[str]) -> list[tuple[str, bool, str]]:
    """Group normalised tokens into (text, article, kind) units; kind: name/abd/kunya/patronymic."""
    units: list[tuple[str, bool, str]] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in _LAT_ARTICLES and i + 1 < n:
            nxt, _ = _split_article(tokens[i + 1])
            if nxt in _DIN and units and units[-1][2] == "name" and " " not in units[-1][0]:
                prev = units.pop()
                units.append((f"{prev[0]} din", prev[1], "name"))
                i += 2
                continue
            units.append((nxt, True, "name"))
            i += 2
            continue
        if tok in _PATRONYMIC and i + 1 < n:
            units.append(("", False, "patronymic"))
            i += 1
            continue
        if tok in _KUNYA and i + 1 < n and tokens[i + 1] not in _FIXED_ABU:
            units.append(("", False, "kunya"))
            i += 1
            continue
        if tok in _ABD and i + 1 < n:
            j = i + 1
            if tokens[j] in _LAT_ARTICLES and j + 1 < n:
                j += 1
            rest, _ = _split_article(tokens[j])
            units.append((f"abd {rest}" if tok.isascii() else f"عبد {rest}", False, "name"))
            i = j + 1
            continue
        if tok.startswith("عبدال") and len(tok) > 5:
            units.append((f"عبد {tok[5:]}", False, "name"))
            i += 1
            continue
        if tok.isascii():
            m = _ABD_JOINED.match(tok)
            if m and tok not in ("abdullah", "abdallah", "abdulla"):
                units.append((f"abd {tok[m.end() :]}", False, "name"))
                i += 1
                continue
            if tok in ("abdullah", "abdallah", "abdulla", "abdalla"):
                units.append(("abd lah", False, "name"))
                i += 1
                continue
        # X al-Din: merge with the previous unit.
        if tok in _DIN and units and units[-1][2] == "name" and " " not in units[-1][0]:
            prev = units.pop()
            units.append(
                (f"{prev[0]} din" if prev[0].isascii() else f"{prev[0]} دين", prev[1], "name")
            )
            i += 1
            continue
        if tok.isascii() and len(tok) > 6:
            m = _DIN_JOINED.match(tok)
            if m:
                units.append((f"{m.group(1)} din", False, "name"))
                i += 1
                continue
        text, article = _split_article(tok)
        units.append((_ABBREVIATIONS.get(text, text), article, "name"))
        i += 1
    # A trailing "al" or particle on its own is dropped by the loop's guards above.
    return [u for u in units if u[0] or u[2] in ("kunya", "patronymic")]


@lru_cache(maxsize=1 << 18)
def _parse(raw: str) -> Name:
    # "FAMILY, Given Middle" (list and index style) -> "Given Middle FAMILY".
    if raw.count(",") == 1:
        last, first = (p.strip() for p in raw.split(","))
        if last and first:
            raw_order = f"{first} {last}"
        else:
            raw_order = raw
    else:
        raw_order = raw
    norm = normalize(raw_order)
    toks = norm.split(" ") if norm else []
    titles, toks = _strip_titles(toks)
    units = _units(toks)
    tokens: list[Token] = []
    kunya: list[Token] = []
    mode = "name"
    for text, article, kind in units:
        if kind == "kunya":
            mode = "kunya"
            continue
        if kind == "patronymic":
            mode = "name"
            continue
        if mode == "kunya":
            kunya.append(_make(text, "kunya", article))
            mode = "name"
        else:
            tokens.append(_make(text, "middle", article))
    # Roles by position: first is the given name, last (of two or more) the family name.
    if len(tokens) >= 2:
        tokens = [
            Token(
                t.text,
                t.key,
                t.script,
                "given" if i == 0 else ("family" if i == len(tokens) - 1 else "middle"),
                t.article,
                t.fold,
            )
            for i, t in enumerate(tokens)
        ]
    elif len(tokens) == 1:
        t = tokens[0]
        tokens = [
            Token(t.text, t.key, t.script, "family" if t.article else "given", t.article, t.fold)
        ]
    return Name(raw, detect_script(raw), tuple(titles), tuple(tokens), tuple(kunya))


def parse_name(text: str) -> Name:
    """Parse a personal name in Arabic or Latin script.

    Args:
        text: the name, possibly with titles, ranks, a kunya or particles.

    Returns:
        The parsed :class:`Name` (cached: parsing the same string twice is free).

    Raises:
        InputError: ``text`` is not a string, is empty, or is longer than
            :data:`nasab.text.MAX_NAME_LENGTH`.

    Example:
        >>> [t.text for t in parse_name("Prime Minister Mohammed Shia al-Sudani").tokens]
        ['mohammed', 'shia', 'sudani']
        >>> parse_name("Prime Minister Mohammed Shia al-Sudani").titles
        ('prime minister',)
    """
    check_text(text, "name", max_length=MAX_NAME_LENGTH)
    if not text.strip():
        raise InputError("name is empty or whitespace only")
    return _parse(text)
