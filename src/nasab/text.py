"""Script detection and normalisation of Arabic and Latin text.

Everything else in nasab works on text that went through these functions, so
they must never raise on odd Unicode (only on values that are not text at all),
and they are idempotent: ``normalize(normalize(x)) == normalize(x)``.

Example:
    >>> normalize("مُصْطَفَى  الكـــاظمي")
    'مصطفي الكاظمي'
    >>> normalize("Mustafa Al-Kāẓimī’s")
    'mustafa al kazimi'
    >>> detect_script("Mustafa الكاظمي")
    'mixed'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Literal

from unidecode import unidecode

from .errors import InputError

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_NAME_TOKENS",
    "Script",
    "ascii_translation",
    "check_text",
    "clean",
    "clear_normalize_cache",
    "detect_script",
    "has_arabic",
    "is_arabic_char",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "script_of_token",
    "tokenize",
]

Script = Literal["arabic", "latin", "mixed", "other", "empty"]

#: Longest string accepted where a *name* is expected (documents may be longer).
MAX_NAME_LENGTH = 10_000
#: Most whitespace-separated words in a *name* given to ``compare``, ``resolve`` (records),
#: ``variants`` and ``arabic_candidates`` (comparison cost grows with words squared).
MAX_NAME_TOKENS = 64

# Bidi controls, zero-width characters, BOM, soft hyphen, Arabic letter mark.
_INVISIBLE = dict.fromkeys(
    [
        0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062,
        0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
    ]
)  # fmt: skip

# Tashkeel, superscript alef, Quranic annotation marks, tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u08d3-\u08ff]")

_AR_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ء": None,
        # Persian / Urdu / Kurdish letter forms that only spell an Arabic letter. The four
        # letters of sounds Arabic lacks (چ ch, پ p, ژ zh, گ g) are kept: they are what
        # match a name's Latin spelling (nasab.lexicon.persian_letters).
        "ک": "ك", "ګ": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي",
        "ھ": "ه", "ہ": "ه", "ۀ": "ه", "ە": "ه", "ۃ": "ه",
        "ڤ": "ف", "ڨ": "ق", "ڭ": "ك", "ۆ": "و", "ۇ": "و",
        "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن",
        # Arabic punctuation to ASCII so tokenisation is uniform
        "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    }
)  # fmt: skip

_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)

# Apostrophe-like marks used for ayn and hamza in romanised Arabic.
_APOSTROPHES = "ʿʾʻʼʹʽ'’‘`´ˈ′"
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_LAT_DROP = str.maketrans(dict.fromkeys(_APOSTROPHES))
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")
# "SergeiLavrov" / "AlisherUsmanov": a lowercase letter followed by an uppercase one
# inside a word marks two joined words (but not "McDonald" or "MacArthur").
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


def check_text(
    value: object,
    what: str = "text",
    *,
    max_length: int | None = None,
    max_tokens: int | None = None,
) -> str:
    """Return ``value`` if it is usable text, else raise :class:`InputError`.

    Args:
        value: the value to check.
        what: how to call the value in the error message.
        max_length: refuse longer strings (None: no limit).
        max_tokens: refuse strings of more whitespace-separated words (None: no limit).

    Example:
        >>> check_text("Ali")
        'Ali'
        >>> check_text(None)
        Traceback (most recent call last):
        ...
        nasab.errors.InputError: text must be a string, got None
    """
    if not isinstance(value, str):
        raise InputError(
            f"{what} must be a string, got {type(value).__name__ if value is not None else 'None'}"
        )
    if max_length is not None and len(value) > max_length:
        raise InputError(f"{what} is {len(value):,} characters long; the limit is {max_length:,}")
    if max_tokens is not None and len(value) > max_tokens:
        words = len(value.split())
        if words > max_tokens:
            raise InputError(f"{what} has {words:,} words; the limit is {max_tokens:,}")
    return value


_ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Letters of the Arabic blocks, and letters of any other script ([^\W\d_] is "a letter").
_ARABIC_LETTER = re.compile(f"(?=[{_ARABIC_RANGES}])[^\\W\\d_]")
_OTHER_LETTER = re.compile(f"(?![{_ARABIC_RANGES}])[^\\W\\d_]")


# What _OTHER_LETTER finds in ASCII text.
_ASCII_LETTER = re.compile("[A-Za-z]")
_HAS_ARABIC = re.compile(f"[{_ARABIC_RANGES}]")


def has_arabic(text: str) -> bool:
    """True if ``text`` holds any character of the Arabic script blocks.

    Example:
        >>> has_arabic("ISIS داعش"), has_arabic("ISIS")
        (True, False)
    """
    return _HAS_ARABIC.search(text) is not None


def is_arabic_char(ch: str) -> bool:
    """True for letters of the Arabic script blocks (including presentation forms)."""
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def script_of_token(token: str) -> Script:
    """Script of one token, from its letters only (digits and marks are neutral).

    Example:
        >>> script_of_token("الكاظمي"), script_of_token("Kazemi"), script_of_token("42")
        ('arabic', 'latin', 'other')
    """
    if token.isascii():
        # The letters of ASCII text are A-Z and a-z, none Arabic.
        if _ASCII_LETTER.search(token) is not None:
            return "latin"
        return "other" if token.strip() else "empty"
    ar = _ARABIC_LETTER.search(token) is not None
    lat = _OTHER_LETTER.search(token) is not None
    if ar and lat:
        return "mixed"
    if ar:
        return "arabic"
    if lat:
        return "latin"
    return "other" if token.strip() else "empty"


def detect_script(text: str) -> Script:
    """Script of a string: ``arabic``, ``latin``, ``mixed``, ``other`` or ``empty``.

    Example:
        >>> detect_script("داعش"), detect_script("ISIS"), detect_script("  ")
        ('arabic', 'latin', 'empty')
    """
    return script_of_token(check_text(text))


def clean(text: str) -> str:
    """Light, lossless-in-meaning cleanup for display: NFKC, drop invisible marks, tatweel and
    Arabic diacritics, collapse spaces. Letters are kept as written.

    Example:
        >>> clean("\u200fمصطفى\u200c  الكـاظمي ")
        'مصطفى الكاظمي'
    """
    check_text(text)
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _AR_MARKS.sub("", text)
    # NFKC leaves lone combining marks (e.g. a string of U+0301) in place; drop them
    # only when they follow a space or start the string, where they carry nothing.
    text = re.sub(r"(^|\s)[\u0300-\u036f]+", r"\1", text)
    return _SPACES.sub(" ", text).strip()


def normalize_arabic(text: str) -> str:
    """Normalise Arabic-script text for matching.

    Removes diacritics and tatweel, folds alef forms to ا, ى and ئ to ي, ؤ to و, ة to ه,
    drops bare hamza, maps the Persian/Urdu spellings of Arabic letters (ک ی ہ ھ ے ۀ) to
    those letters and Arabic-Indic/Persian digits to ASCII. The Persian letters of sounds
    Arabic lacks (چ پ ژ گ) are kept.

    Example:
        >>> normalize_arabic("إِسْلامِيّة ٢٠٢٤ گروپ کریم")
        'اسلاميه 2024 گروپ كريم'
    """
    text = clean(text)
    return _SPACES.sub(" ", text.translate(_AR_FOLD).translate(_DIGITS)).strip()


def _latin_token(token: str) -> str:
    token = unidecode(token).lower()
    return token.translate(_LAT_DROP)


def normalize_latin(text: str) -> str:
    """Normalise Latin-script text for matching.

    Lowercases, folds diacritics (unidecode), removes ayn/hamza apostrophes and the
    possessive ’s, and turns hyphens and punctuation into spaces so that particles
    stand alone (``Al-Kazemi`` -> ``al kazemi``).

    Example:
        >>> normalize_latin("ʿAbd al-Qādir’s")
        'abd al qadir'
    """
    text = clean(text)
    text = _POSSESSIVE.sub("", text)
    text = _CAMEL.sub(" ", text)
    out = []
    for word in text.split(" "):
        word = _latin_token(word) if not has_arabic(word) else word
        out.append(word)
    joined = _NON_WORD.sub(" ", " ".join(out).replace("_", " "))
    return _SPACES.sub(" ", joined).strip()


def normalize(text: str) -> str:
    """Normalise text in either or both scripts, token by token.

    Arabic tokens go through :func:`normalize_arabic`, others through
    :func:`normalize_latin`. The result is idempotent and never raises on a string.

    Example:
        >>> normalize("Prime Minister مصطفى  الكاظمي")
        'prime minister مصطفي الكاظمي'
    """
    return _normalize(check_text(text))


def clear_normalize_cache() -> None:
    """Forget the texts :func:`normalize` has seen (for benchmarks on fresh names, and for
    long-running processes that want their memory back).

    Example:
        >>> clear_normalize_cache()
    """
    _normalize.cache_clear()


def ascii_translation(table: dict[int, str | None] | dict[int, int]) -> tuple[bytes, bytes]:
    """(table, deletions) for ``bytes.translate`` that read ASCII text as
    ``str.translate(table)`` reads it: encoded, translated and decoded, ASCII text gives the
    same string at a fraction of the cost of a look-up in ``table`` per character. Each ASCII
    character's image is taken from ``str.translate`` itself.

    Raises:
        InputError: an ASCII character's image in ``table`` is not one ASCII character or
            none (bytes tables map one byte to one byte).

    Example:
        >>> table = str.maketrans({"-": " ", "'": None})
        >>> to, drop = ascii_translation(table)
        >>> "al-ra'i".encode().translate(to, drop).decode() == "al-ra'i".translate(table)
        True
        >>> ascii_translation(str.maketrans({"x": "ks"}))
        Traceback (most recent call last):
        ...
        nasab.errors.InputError: ascii_translation: the table maps 'x' to 'ks'; a bytes table maps each ASCII character to one ASCII character or none
    """
    images = [chr(c).translate(table) for c in range(128)]
    for c, x in enumerate(images):
        if len(x) > 1 or not x.isascii():
            raise InputError(
                f"ascii_translation: the table maps {chr(c)!r} to {x!r}; a bytes table maps "
                "each ASCII character to one ASCII character or none"
            )
    to = bytes([ord(x) if x else c for c, x in enumerate(images)] + list(range(128, 256)))
    return to, bytes([c for c, x in enumerate(images) if not x])


# Fast paths of _normalize, for the two commonest kinds of name (they give exactly what the
# general path gives). ASCII: apostrophes dropped, every other non-alphanumeric a space.
_ASCII_NAME = str.maketrans(
    {
        **{chr(c): " " for c in range(128) if not chr(c).isalnum()},
        **dict.fromkeys(c for c in _APOSTROPHES if c.isascii()),
    }
)
# _ASCII_NAME for bytes.translate (ASCII text: see ascii_translation).
_ASCII_NAME_TO, _ASCII_NAME_DROP = ascii_translation(_ASCII_NAME)
# Arabic letters, tatweel, the short vowels that compose with no letter (fathatan to
# sukun) and spaces: NFKC leaves such text as it is.
_PLAIN_ARABIC = re.compile("[\u0621-\u0652 ]+")
_PLAIN_ARABIC_FOLD = str.maketrans(
    {
        **{chr(k): v for k, v in _AR_FOLD.items() if 0x0621 <= k <= 0x0652},
        **dict.fromkeys(chr(c) for c in range(0x064B, 0x0653)),
        "\u0640": None,
    }
)


# What _CAMEL needs to match (a lowercase letter before an uppercase one): most names have
# none, and a plain search for it costs less than the look-behind pattern's scan.
_CAMEL_HINT = re.compile("[a-z][A-Z]")


def _possessive_camel(text: str) -> str:
    """``text`` with _POSSESSIVE dropped and _CAMEL split, each run only where it can match."""
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    if _CAMEL_HINT.search(text) is not None:
        text = _CAMEL.sub(" ", text)
    return text


def _normalize_ascii(text: str) -> str:
    text = _possessive_camel(text).lower().encode()
    return " ".join(text.translate(_ASCII_NAME_TO, _ASCII_NAME_DROP).decode().split())


#: Where the non-ASCII characters that :func:`_latin_name_text` admits are looked for.
_LATIN_SCAN = (0x0080, 0x0250)


@cache
def _latin_name_text() -> re.Pattern[str]:
    """Text of ASCII, Latin letters (é, ć, ß, ø...) and the apostrophes of
    ``_APOSTROPHES``: the third fast path, for Latin names with diacritics.

    Each such character is its own NFKC form and unidecode spells it in ASCII letters
    (an apostrophe for the marks), which the ASCII path reads as the general path reads
    the character (the possessive and camel-case rules see the text as written in both).
    """
    letters = [
        c
        for c in map(chr, range(*_LATIN_SCAN))
        if c.isalpha() and unicodedata.normalize("NFKC", c) == c and unidecode(c).isalpha()
    ]
    marks = [
        c
        for c in _APOSTROPHES
        if not c.isascii() and unicodedata.normalize("NFKC", c) == c and unidecode(c) in ("'", "`")
    ]
    return re.compile("[\x00-\x7f" + re.escape("".join(letters + marks)) + "]+")


def _normalize_latin_name(text: str) -> str:
    # (unidecode writes ASCII.)
    text = unidecode(_possessive_camel(text)).lower().encode()
    return " ".join(text.translate(_ASCII_NAME_TO, _ASCII_NAME_DROP).decode().split())


@lru_cache(maxsize=1 << 18)
def _normalize(text: str) -> str:
    if text.isascii():
        return _normalize_ascii(text)
    if _PLAIN_ARABIC.fullmatch(text):
        return " ".join(text.translate(_PLAIN_ARABIC_FOLD).split())
    if _latin_name_text().fullmatch(text):
        return _normalize_latin_name(text)
    return _normalize_general(text)


def _normalize_general(text: str) -> str:
    text = clean(text)
    if not text:
        return ""
    out = []
    for token in text.split(" "):
        if has_arabic(token):
            # Split at script boundaries inside a token ("ISISداعش").
            for piece in re.findall(
                r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+|[^\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+",
                token,
            ):
                if has_arabic(piece):
                    piece = normalize_arabic(piece)
                    piece = _NON_WORD.sub(" ", piece.replace("_", " "))
                else:
                    piece = normalize_latin(piece)
                out.append(piece)
        else:
            out.append(normalize_latin(token))
    return _SPACES.sub(" ", " ".join(out)).strip()


def tokenize(text: str) -> list[str]:
    """Normalised tokens of ``text``.

    Example:
        >>> tokenize("Abdul-Wahab Al-Zubeidi")
        ['abdul', 'wahab', 'al', 'zubeidi']
    """
    norm = normalize(text)
    return norm.split(" ") if norm else []
