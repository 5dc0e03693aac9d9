"""Parsing personal names into parts.

A :class:`Name` holds the titles, ranks and roles stripped from the front of the
name (kept as data), the name tokens in order (compound names such as
``Abdul Wahab`` / ``عبد الوهاب`` or ``Salah al-Din`` merged into one token), and
the kunya (``Abu X`` / ``أبو X``), a weak alias that is never a family name.

Example:
    >>> n = parse_name("Lieutenant General Abdul Wahab Al-Zubeidi")
    >>> n.titles
    ('lieutenant general',)
    >>> [(t.text, t.key, t.role) for t in n.tokens]
    [('abd wahab', 'BDHB', 'given'), ('zubeidi', 'ZBD', 'family')]
    >>> [(t.text, t.key) for t in parse_name("عبد الوهاب الزبيدي").tokens]
    [('عبد وهاب', 'BDHB'), ('زبيدي', 'ZBD')]
    >>> parse_name("Jassim al-Mazrouei Abu Abdel Qader").kunya[0].key
    'BDKDR'
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from ..errors import InputError
from ..lexicon import (
    abd_forms,
    compounds,
    din_forms,
    given_name_words,
    kunya_markers,
    latin_articles,
    latin_letters,
    patronymic_markers,
    title_index,
)
from ..text import (
    MAX_NAME_LENGTH,
    Script,
    check_text,
    clear_normalize_cache,
    normalize,
    script_of_token,
)
from .keys import fold, fold_skeleton, plain_letters, skeleton

__all__ = [
    "ABD_COMPOUND_PREFIXES",
    "Name",
    "Token",
    "clear_parse_caches",
    "is_particle",
    "name_from_text",
    "name_text",
    "parse_name",
    "split_article",
    "title_phrases",
    "word_key",
]

_AR_ARTICLE = "ال"
#: How the text of an Abd- compound token starts (``abd wahab``, ``عبد الله``: the parse
#: writes Abd + X as one token, ``abd`` or ``عبد``, a space, then X).
ABD_COMPOUND_PREFIXES = ("abd ", "عبد ")
# A word written with إل at its start (alef with hamza below, then lam, marks between them
# allowed): the article's alef never carries a hamza, so the word keeps its ال (إلياس
# Elias, إلهام Ilham, إلبا Elba). Normalisation folds إ to ا, so this is read on the raw text.
_HAMZA_LAM = re.compile(r"\W*\u0625[\u064b-\u065f\u0670\u0640]*\u0644")
_HAMZA_BELOW = "\u0625"
# A word written with alif maqsura ى at its end (marks, tatweel or punctuation may follow):
# ى is read a (موسى Musa, ليلى Layla, مصطفى Mustafa) where a written ي is not (هاني Hani).
# Normalisation folds ى to ي, so this is read on the raw text and the token keeps its ى.
_FINAL_MAQSURA = re.compile(r"\u0649[\u064b-\u065f\u0670\u0640]*\W*$")
_ALIF_MAQSURA = "\u0649"
_YA = "\u064a"
#: What stands for a kept Latin letter while the text is normalised (a digit: normalisation
#: writes it as it is, and a name with digits keeps no letter).
_KEPT_MARK = "0"
# Joined Latin spellings of Abd + article + X: Abdelwahab, Abdulqader, Abdurrahman. The Abd-
# forms themselves (abdul, abdel...) are the servant particles of particles.tsv.
_ABD_JOINED = re.compile(
    r"^(?:abd|abed)(?:ul|el|al|ol|il|u|ur|us|ar|as|ir|ud|un|ush|ash|)(?=[a-z]{3,})"
)
# Joined X-uddin spellings: Salahuddin, Nureddin, Alaaldin.
_DIN_JOINED = re.compile(r"^([a-z]{3,}?)(?:ud|ed|ad|al|el|ul|id|-)?-?(?:din|deen|dine)$")
# Joined spellings of Abdullah (Abd + Allah), read as Abd + Lah.
_ABDULLAH = frozenset(["abdullah", "abdallah", "abdulla", "abdalla"])
# Written abbreviations of very common given names (Syrian and Malaysian lists: Mhd, Mohd).
_ABBREVIATIONS = {
    "mhd": "mohammed",
    "mohd": "mohammed",
    "muhd": "mohammed",
    "md": "mohammed",
    "mohd.": "mohammed",
}


@dataclass(frozen=True, slots=True)
class Token:
    """One name token.

    Attributes:
        text: normalised surface form without the article (``kazemi``, ``كاظمي``,
            ``abd wahab`` for a compound); a one-word Arabic name written with a final
            alif maqsura keeps its ى (``موسى``; normalisation writes ي).
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


_TOKEN_SLOTS = tuple(Token.__dict__[f.name].__set__ for f in fields(Token))
_NAME_SLOTS = tuple(Name.__dict__[f.name].__set__ for f in fields(Name))
_NEW = object.__new__


def _token(text: str, key: str, script: str, role: str, article: bool, fold_: str) -> Token:
    """``Token(text, key, script, role, article, fold_)``, the same object at half the cost:
    a frozen class's ``__init__`` sets each field through ``object.__setattr__``, this sets
    the slots directly.

    Example:
        >>> _token("ali", "L", "latin", "given", False, "ali") == Token("ali", "L", "latin", "given", False, "ali")
        True
    """
    t = _NEW(Token)
    s_text, s_key, s_script, s_role, s_article, s_fold = _TOKEN_SLOTS
    s_text(t, text)
    s_key(t, key)
    s_script(t, script)
    s_role(t, role)
    s_article(t, article)
    s_fold(t, fold_)
    return t


def _name(
    raw: str,
    script: Script,
    titles: tuple[str, ...],
    tokens: tuple[Token, ...],
    kunya: tuple[Token, ...],
) -> Name:
    """``Name(raw, script, titles, tokens, kunya)``, the same object at half the cost (see
    :func:`_token`)."""
    n = _NEW(Name)
    s_raw, s_script, s_titles, s_tokens, s_kunya = _NAME_SLOTS
    s_raw(n, raw)
    s_script(n, script)
    s_titles(n, titles)
    s_tokens(n, tokens)
    s_kunya(n, kunya)
    return n


@cache
def title_phrases() -> dict[tuple[str, ...], str]:
    """Normalised title/rank/role phrases (as token tuples) -> canonical English title.

    A view of :func:`nasab.lexicon.title_index` with the English title normalised.

    Example:
        >>> title_phrases()[("اللوا",)]
        'major general'
    """
    return {k: normalize(e.en) for k, e in title_index().items()}


@cache
def _title_lengths() -> dict[str, tuple[int, ...]]:
    """First word of each title phrase -> the lengths of the phrases it starts, longest
    first (a word that starts none is no title: one look-up, no phrase built)."""
    out: dict[str, set[int]] = {}
    for phrase in title_phrases():
        out.setdefault(phrase[0], set()).add(len(phrase))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in out.items()}


@cache
def _given_names() -> frozenset[str]:
    """Given names (both scripts, normalised) that are also title words: Amir, Sultan, Malik."""
    return given_name_words("latin") | given_name_words("arabic")


@cache
def _kunya_given_names() -> frozenset[str]:
    """X of the given names written "Abu X" (Abu Bakr): there Abu is no kunya."""
    out = set()
    for entry in compounds():
        if entry.kind != "fixed":
            continue
        for form in (entry.ar, *entry.forms_en):
            toks = normalize(form).split()
            if len(toks) == 2 and toks[0] in kunya_markers():
                out.add(toks[1])
    return frozenset(out)


def is_particle(tok: str) -> bool:
    """Whether a normalised word is a patronymic, kunya, Abd- or al-Din particle.

    Example:
        >>> [is_particle(t) for t in ("bin", "abu", "abdul", "uddin", "kazemi")]
        [True, True, True, True, False]
    """
    return (
        tok in patronymic_markers()
        or tok in kunya_markers()
        or tok in abd_forms()
        or tok in din_forms()
    )


def split_article(tok: str) -> tuple[str, bool]:
    """A normalised word without the Arabic article ال, and whether it had one.

    Example:
        >>> split_article("الكاظمي"), split_article("الله")
        (('كاظمي', True), ('الله', False))
    """
    if tok.startswith(_AR_ARTICLE) and len(tok) >= 4 and tok != "الله":
        return tok[2:], True
    return tok, False


@lru_cache(maxsize=262144)
def word_key(tok: str) -> str:
    """The key :func:`parse_name` gives one normalised word that is not a particle.

    Joined compounds are read as two parts (Abdelwahab = Abd + Wahab, Salahuddin =
    Salah + Din); the Arabic article is dropped.

    Example:
        >>> word_key("abdelwahab") == word_key("عبدالوهاب"), word_key("الكاظمي")
        (True, 'KZM')
    """
    if tok.startswith("عبدال") and len(tok) > 5:
        return skeleton("عبد") + skeleton(tok[5:])
    if tok.isascii():
        if tok in _ABDULLAH:
            return skeleton("abd") + skeleton("lah")
        m = _ABD_JOINED.match(tok)
        if m:
            return skeleton("abd") + skeleton(tok[m.end() :])
        if len(tok) > 6:
            m = _DIN_JOINED.match(tok)
            if m:
                return skeleton(m.group(1)) + skeleton("din")
    return skeleton(split_article(tok)[0])


def _strip_titles(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The titles at the front of ``tokens`` (canonical English), and the tokens after them.

    The longest phrase wins at each place; at least one token is always left for the name.

    Example:
        >>> _strip_titles(["prime", "minister", "the", "general", "ali"])
        (['prime minister', 'general'], ['ali'])
        >>> _strip_titles(["amir", "katranji"]), _strip_titles(["sayyid"])
        (([], ['amir', 'katranji']), ([], ['sayyid']))
    """
    phrases = title_phrases()
    lengths = _title_lengths()
    titles: list[str] = []
    i = 0
    last = len(tokens) - 1
    while i < last:  # always leave at least one token for the name
        tok = tokens[i]
        for n in lengths.get(tok, ()):
            if n > last - i:
                continue
            if n == 1:
                if tok in _given_names():
                    # "Amir Katranji", "Sultan Hashim": a one-word title spelled like a
                    # common given name is read as the name (Emir, الأمير stay titles).
                    continue
                titles.append(phrases[(tok,)])
                i += 1
                break
            canon = phrases.get(tuple(tokens[i : i + n]))
            if canon is not None:
                titles.append(canon)
                i += n
                break
        else:
            if tok in ("the", "of"):
                i += 1
                continue
            break
    return titles, tokens[i:]


#: Parsed names kept as :class:`Name` objects (the common names of a list, parsed again
#: at no cost), once seen twice. Kept small: a ``Name`` and its ``Token`` s are objects
#: the garbage collector walks at every full collection, whose pause grows with their
#: number; a name seen once is kept only packed (see :func:`_parse`).
PARSE_CACHE_NAMES = 1 << 14
#: Parsed names kept as plain tuples of strings, which CPython's collector does not track
#: (a name found here is rebuilt in a few microseconds instead of parsed again); when full,
#: the oldest is dropped.
PARSE_CACHE_PACKED = 1 << 18
#: Name units whose features :func:`_unit_features` keeps (as strings, not :class:`Token` s).
TOKEN_CACHE = 1 << 14

#: A parse flattened into one tuple of strings, counts and flags (a flat tuple of such
#: values is untracked at its first collection; a nested one needs one per level):
#: ``raw, script, n titles, *titles, n tokens, *6 fields per token, *6 per kunya token``.
_Packed = tuple[Any, ...]


def _make(text: str, role: str, article: bool) -> Token:
    """The token of one name unit (its features remembered by :func:`_unit_features`)."""
    key, script, fold_ = _unit_features(text)
    return _token(text, key, script, role, article, fold_)


@lru_cache(maxsize=TOKEN_CACHE)
def _unit_features(text: str) -> tuple[str, str, str]:
    """``(key, script, fold)`` of a name unit's text (remembered: common name words recur
    in most names of a list; kept as a tuple of strings, which the collector untracks, not
    as a :class:`Token`, which it walks at every full collection)."""
    if text.isascii():
        script = "latin"
    else:
        script = "arabic" if script_of_token(text) == "arabic" else "latin"
    if " " not in text:
        f, key = fold_skeleton(text)
        return key, script, f
    key = "".join(skeleton(p) for p in text.split(" "))
    return key, script, fold(text.replace(" ", ""))


@cache
def _special_words() -> frozenset[str]:
    """Every word :func:`_units` treats apart: articles and particles of each role."""
    return frozenset(
        latin_articles() | patronymic_markers() | kunya_markers() | abd_forms() | din_forms()
    )


#: How a joined Latin Abd- compound starts, and a joined Arabic one (``_units`` looks closer
#: at a word that starts so, and at a Latin word of over 6 letters with a d: X-uddin).
_ABD_STARTS = ("abd", "abed")
_ABD_AL = "عبدال"


#: Words whose unit :func:`_word_unit` remembers (see :data:`PARSE_CACHE_NAMES`).
WORD_UNIT_CACHE = 1 << 14


@lru_cache(maxsize=WORD_UNIT_CACHE)
def _word_unit(tok: str) -> tuple[str, bool, str]:
    """The unit of a normalised word that is none of :func:`_special_words` and that the
    common case of :func:`_units` does not take (a Latin word that may be a joined Abd- or
    X-uddin compound, an Arabic word that starts with عبدال): a function of the word alone
    (no branch of :func:`_units` for such a word reads its neighbours), never empty.

    Example:
        >>> _word_unit("abdelwahab"), _word_unit("salahuddin"), _word_unit("mahmoud")
        (('abd wahab', False, 'name'), ('salah din', False, 'name'), ('mahmoud', False, 'name'))
    """
    if tok.startswith(_ABD_AL) and len(tok) > 5:
        return (f"عبد {tok[5:]}", False, "name")
    if tok.isascii():
        m = _ABD_JOINED.match(tok)
        if m and tok not in _ABDULLAH:
            return (f"abd {tok[m.end() :]}", False, "name")
        if tok in _ABDULLAH:
            return ("abd lah", False, "name")
        if len(tok) > 6:
            m = _DIN_JOINED.match(tok)
            if m:
                return (f"{m.group(1)} din", False, "name")
    text, article = split_article(tok)
    return (_ABBREVIATIONS.get(text, text), article, "name")


def _units(tokens: list[str]) -> tuple[list[tuple[str, bool, str]], bool]:
    """Group normalised tokens into (text, article, kind) units; kind: name/abd/kunya/patronymic.

    Returns the units and whether each is a name word read alone (no particle met: every
    kind is ``name``)."""
    units: list[tuple[str, bool, str]] = []
    special = _special_words()
    abbreviations = _ABBREVIATIONS
    plain = True  # every unit so far a plain name word (none of them empty)
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok not in special:
            # The common case: a plain name word (the branches below all fail for it).
            # Not maybe joined (_ABD_STARTS), and split_article inline (an ASCII word has no ال).
            if tok.isascii():
                if not tok.startswith(_ABD_STARTS) and (len(tok) <= 6 or "d" not in tok):
                    units.append((abbreviations.get(tok, tok), False, "name"))
                    i += 1
                    continue
            elif not tok.startswith(_ABD_AL):
                text, article = split_article(tok)
                units.append((abbreviations.get(text, text), article, "name"))
                i += 1
                continue
            # Any other word that is no particle: its unit is its own (a name word, never
            # empty, so the units stay plain).
            units.append(_word_unit(tok))
            i += 1
            continue
        plain = False
        i = _particle_unit(tokens, i, units)
    if plain:
        return units, True
    # A trailing "al" or particle on its own is dropped by the loop's guards above.
    return [u for u in units if u[0] or u[2] in ("kunya", "patronymic")], False


def _particle_unit(tokens: list[str], i: int, units: list[tuple[str, bool, str]]) -> int:
    """Read the particle or special word ``tokens[i]`` (an article, a patronymic or kunya
    marker, an Abd- form, a joined Abd- or -Din word) into ``units`` (appending, or
    merging with the last unit) and return the index of the next token to read (part of
    :func:`_units`)."""
    tok, n = tokens[i], len(tokens)
    if tok in latin_articles() and i + 1 < n:
        nxt, _ = split_article(tokens[i + 1])
        if nxt in din_forms() and units and units[-1][2] == "name" and " " not in units[-1][0]:
            prev = units.pop()
            units.append((f"{prev[0]} din", prev[1], "name"))
            return i + 2
        units.append((nxt, True, "name"))
        return i + 2
    if tok in patronymic_markers() and i + 1 < n:
        units.append(("", False, "patronymic"))
        return i + 1
    if tok in kunya_markers() and i + 1 < n and tokens[i + 1] not in _kunya_given_names():
        units.append(("", False, "kunya"))
        return i + 1
    if tok in abd_forms() and i + 1 < n:
        j = i + 1
        if tokens[j] in latin_articles() and j + 1 < n:
            j += 1
        rest, _ = split_article(tokens[j])
        units.append((f"abd {rest}" if tok.isascii() else f"عبد {rest}", False, "name"))
        return j + 1
    if tok.startswith("عبدال") and len(tok) > 5:
        units.append((f"عبد {tok[5:]}", False, "name"))
        return i + 1
    if tok.isascii():
        m = _ABD_JOINED.match(tok)
        if m and tok not in _ABDULLAH:
            units.append((f"abd {tok[m.end() :]}", False, "name"))
            return i + 1
        if tok in _ABDULLAH:
            units.append(("abd lah", False, "name"))
            return i + 1
    # X al-Din: merge with the previous unit.
    if tok in din_forms() and units and units[-1][2] == "name" and " " not in units[-1][0]:
        prev = units.pop()
        units.append((f"{prev[0]} din" if prev[0].isascii() else f"{prev[0]} دين", prev[1], "name"))
        return i + 1
    if tok.isascii() and len(tok) > 6:
        m = _DIN_JOINED.match(tok)
        if m:
            units.append((f"{m.group(1)} din", False, "name"))
            return i + 1
    text, article = split_article(tok)
    units.append((_ABBREVIATIONS.get(text, text), article, "name"))
    return i + 1


def _keep_hamza_lam(units: list[tuple[str, bool, str]], raw: str) -> list[tuple[str, bool, str]]:
    """``units`` with the article put back on the words ``raw`` writes with إل at the start
    (:func:`split_article` reads the normalised word, where إ is already ا).

    Example:
        >>> _keep_hamza_lam([("ياس", True, "name"), ("خوري", False, "name")], "إلياس خوري")
        [('الياس', False, 'name'), ('خوري', False, 'name')]
    """
    whole = {normalize(w).split(" ")[0] for w in raw.split() if _HAMZA_LAM.match(w)}
    return [
        (_AR_ARTICLE + text, False, kind)
        if article and kind == "name" and _AR_ARTICLE + text in whole
        else (text, article, kind)
        for text, article, kind in units
    ]


def _keep_maqsura(units: list[tuple[str, bool, str]], raw: str) -> list[tuple[str, bool, str]]:
    """``units`` with a final ي written ى again on the one-word names ``raw`` writes with
    alif maqsura at the end (normalisation folds ى to ي; the fold and skeleton of the
    token stay those of ي, only cross-script comparison reads the letter).

    Example:
        >>> _keep_maqsura([("موسي", False, "name"), ("هاني", False, "name")], "موسى هاني")
        [('موسى', False, 'name'), ('هاني', False, 'name')]
    """
    written = {
        split_article(word)[0]
        for w in raw.split()
        if _FINAL_MAQSURA.search(w)
        for word in normalize(w).split(" ")[-1:]
    }
    return [
        (text[:-1] + _ALIF_MAQSURA, article, kind)
        if kind == "name" and text.endswith(_YA) and " " not in text and text in written
        else (text, article, kind)
        for text, article, kind in units
    ]


@cache
def _kept_letters() -> re.Pattern[str]:
    """The letters of ``latin_letters.tsv`` (either case) and any digit: what
    :func:`_keep_letters` looks for in a raw name."""
    letters = "".join(sorted(latin_letters()))
    return re.compile(f"[{re.escape(letters)}]|\\d", re.IGNORECASE)


def _keep_letters(
    units: list[tuple[str, bool, str]], raw: str, toks: list[str]
) -> list[tuple[str, bool, str]]:
    """``units`` with the one-word names ``raw`` writes with a letter of
    ``latin_letters.tsv`` (š, ć, ñ...) written with it again (normalisation writes the
    plain letter; ``toks`` are the normalised words of ``raw``). The token's fold and
    skeleton stay those of the plain letter; only cross-script comparison reads the letter.
    A raw name with digits, or whose words do not line up, is left as it is.

    Example:
        >>> _keep_letters([("sulovic", False, "name")], "Šulović", ["sulovic"])
        [('šulović', False, 'name')]
    """
    found = _kept_letters().findall(raw)
    if not found or any(c.isdigit() for c in found):
        return units
    marked = normalize(_kept_letters().sub(_KEPT_MARK, raw))
    letters = iter(c.lower() for c in found)
    if marked.count(_KEPT_MARK) != len(found):
        return units
    kept = "".join(next(letters) if c == _KEPT_MARK else c for c in marked).split(" ")
    if len(kept) != len(toks):
        return units
    written: dict[str, str | None] = {}
    for tok, word in zip(toks, kept, strict=True):
        if tok != word and plain_letters(word) != tok:
            return units
        # A word written two ways in one name (Šaša Sasa) is read plain.
        written[tok] = word if written.get(tok, word) == word else None
    return [
        (written.get(text) or text, article, kind)
        if kind == "name" and " " not in text
        else (text, article, kind)
        for text, article, kind in units
    ]


_TOKEN_FIELDS = 6  # text, key, script, role, article, fold
_token_fields = attrgetter("text", "key", "script", "role", "article", "fold")


# raw -> packed parse, oldest first (see PARSE_CACHE_PACKED); one object for the collector.
_PACKED: OrderedDict[str, _Packed] = OrderedDict()


def _pack(n: Name) -> _Packed:
    """A parse as one flat tuple (see ``_Packed``)."""
    out: list[Any] = [n.raw, n.script, len(n.titles), *n.titles, len(n.tokens)]
    for t in n.tokens:
        out += _token_fields(t)
    for t in n.kunya:
        out += _token_fields(t)
    return tuple(out)


def _unpack(p: _Packed) -> Name:
    """The :class:`Name` of a packed parse (new objects, equal to the packed ones)."""
    i = 3 + p[2]
    end = i + 1 + _TOKEN_FIELDS * p[i]
    step = _TOKEN_FIELDS
    return _name(
        p[0],
        p[1],
        p[3:i],
        tuple([_token(*p[j : j + step]) for j in range(i + 1, end, step)]),
        tuple([_token(*p[j : j + step]) for j in range(end, len(p), step)]),
    )


def _parse(raw: str) -> Name:
    """The parse of ``raw``: a name seen before comes from the caches (``Name`` objects,
    then packed tuples); a new one is parsed and only packed, so that names seen once leave
    no object for the collector to walk."""
    if raw in _PACKED:
        return _parse_again(raw)
    n = _parse_fresh(raw)
    _PACKED[raw] = _pack(n)
    if len(_PACKED) > PARSE_CACHE_PACKED:
        _PACKED.popitem(last=False)
    return n


@lru_cache(maxsize=PARSE_CACHE_NAMES)
def _parse_again(raw: str) -> Name:
    """The :class:`Name` of a packed parse (see :func:`_parse`)."""
    return _unpack(_PACKED[raw])


def _parse_fresh(raw: str) -> Name:
    # "FAMILY, Given Middle" (list and index style) -> "Given Middle FAMILY".
    raw_order = raw
    if raw.count(",") == 1:
        last, _, first = raw.partition(",")
        last, first = last.strip(), first.strip()
        if last and first:
            raw_order = f"{first} {last}"
    norm = normalize(raw_order)
    toks = norm.split(" ") if norm else []
    titles, toks = _strip_titles(toks)
    units, plain = _units(toks)
    if not raw_order.isascii():
        if _HAMZA_BELOW in raw_order:
            units = _keep_hamza_lam(units, raw_order)
        if _ALIF_MAQSURA in raw_order:
            units = _keep_maqsura(units, raw_order)
        if norm.isascii():
            # Latin text written with letters that are not ASCII (Arabic-script text is not
            # ASCII once normalised, and keeps no Latin letter).
            units = _keep_letters(units, raw_order, norm.split(" ") if norm else [])
    parts: list[tuple[str, bool, str]] = units
    kunya: list[Token] = []
    if not plain and any(kind != "name" for _, _, kind in units):
        parts = []
        mode = "name"
        for unit in units:
            kind = unit[2]
            if kind == "kunya":
                mode = "kunya"
                continue
            if kind == "patronymic":
                mode = "name"
                continue
            if mode == "kunya":
                kunya.append(_make(unit[0], "kunya", unit[1]))
                mode = "name"
            else:
                parts.append(unit)
    # Roles by position: the first token is the given name, the last (of two or more) the
    # family name; a name of one token is a family name when it carries the article.
    n = len(parts)
    if n == 1:
        text, article, _ = parts[0]
        tokens: tuple[Token, ...] = (_make(text, "family" if article else "given", article),)
    else:
        last = n - 1
        tokens = tuple(
            [
                _make(text, "given" if i == 0 else ("family" if i == last else "middle"), article)
                for i, (text, article, _) in enumerate(parts)
            ]
        )
    return _name(raw, script_of_token(raw), tuple(titles), tokens, tuple(kunya))


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
        >>> [t.text for t in parse_name("Prime Minister Mohammed Rida al-Hakimi").tokens]
        ['mohammed', 'rida', 'hakimi']
        >>> parse_name("Prime Minister Mohammed Rida al-Hakimi").titles
        ('prime minister',)
    """
    check_text(text, "name", max_length=MAX_NAME_LENGTH)
    if not text or text.isspace():  # (what strips to nothing, without the copy)
        raise InputError("name is empty or whitespace only")
    return _parse(text)


#: The separator of the fields of :func:`name_text` (a control character that no field of
#: a parse holds; a parse with one in a field has no text form).
NAME_TEXT_SEPARATOR = "\x1f"


def name_text(name: Name) -> str | None:
    """A parse as one string, for a process that has the name but not its parse
    (:func:`name_from_text` reads it back in a few microseconds, without parsing): the
    script, the titles and every field of every token and kunya token, joined by
    :data:`NAME_TEXT_SEPARATOR`; not the raw text, which the reader has. None when a field
    holds the separator.

    Example:
        >>> n = parse_name("Tahsin al-Zubaidi")
        >>> name_text(n).split(NAME_TEXT_SEPARATOR)[:9]
        ['latin', '0', '2', 'tahsin', 'THSN', 'latin', 'given', '0', 'tahsin']
        >>> name_from_text(n.raw, name_text(n)) == n
        True
    """
    out = [_field_text(f) for f in _pack(name)[1:]]
    if any(NAME_TEXT_SEPARATOR in f for f in out):
        return None
    return NAME_TEXT_SEPARATOR.join(out)


def _field_text(field: Any) -> str:
    """One field of a packed parse as text (a flag as ``1``/``0``)."""
    if isinstance(field, bool):
        return "1" if field else "0"
    return str(field)


def name_from_text(raw: str, text: str) -> Name:
    """The parse of ``raw`` from its :func:`name_text` (new objects, equal to the parse).

    Example:
        >>> n = parse_name("تحسين الزبيدي")
        >>> [t.role for t in name_from_text(n.raw, name_text(n)).tokens]
        ['given', 'family']
    """
    p = text.split(NAME_TEXT_SEPARATOR)
    i = 2 + int(p[1])
    packed: list[Any] = [raw, p[0], int(p[1]), *p[2:i], int(p[i])]
    for j in range(i + 1, len(p), _TOKEN_FIELDS):
        fields = p[j : j + _TOKEN_FIELDS]
        fields[4] = fields[4] == "1"  # the article flag
        packed += fields
    return _unpack(tuple(packed))


def clear_parse_caches() -> None:
    """Forget every parsed name, token key and normalised text (the loaded tables stay).

    Example:
        >>> clear_parse_caches()
    """
    from . import keys

    _parse_again.cache_clear()
    _PACKED.clear()
    _unit_features.cache_clear()
    _word_unit.cache_clear()
    for f in (keys.fold, keys.skeleton, keys.coarse, keys.fold_skeleton):
        f.cache_clear()
    clear_normalize_cache()
