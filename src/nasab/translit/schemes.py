"""Romanisation of Arabic names: the ``news``, ``ala-lc``, ``buckwalter`` and ``hsb`` schemes.

Arabic script leaves out short vowels, so ``news`` and ``ala-lc`` take their vowels from the
learned model (a whole-word table of frequent names plus a character model for everything
else, see :mod:`nasab.translit._model`); name structure (the article, ``Abd`` + next word,
``X al-Din``, ``Abu``, ``bin``) is handled by rule.

Example:
    >>> romanize("مصطفى الكاظمي")
    'Mustafa al-Kazemi'
    >>> romanize("مصطفى الكاظمي", scheme="ala-lc")
    'Muṣṭafá al-Kāẓimī'
    >>> romanize("مصطفى", scheme="buckwalter")
    'mSTfY'
    >>> [spelling for spelling, _ in romanize_token("كاظمي", k=2)]
    ['kazemi', 'kazimi']
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..errors import ExtraMissingError, InputError
from ..lexicon import (
    decoded_readings,
    given_name_words,
    news_letters,
    news_spellings,
    particle_romanizations,
    persian_fold,
    persian_letters,
    places,
    word_list,
    word_set,
)
from ..text import check_text, clean, is_arabic_char, normalize_arabic
from ._model import (
    ARTICLE,
    arabic_letters,
    decode_arabic,
    latin_letters,
    model,
    split_article,
    word_table,
)

__all__ = ["SCHEMES", "romanize", "romanize_token"]

#: The accepted values of ``scheme``.
SCHEMES = ("news", "ala-lc", "buckwalter", "hsb")

_AR_LETTER = "[\u0621-\u064a\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc\u064b-\u065f\u0670\u0640]"
_RUNS = re.compile(f"{_AR_LETTER}+|\\s+|(?:(?!{_AR_LETTER})\\S)+")

# Cores after the article with a fixed rendering (news, ala-lc).
_CORES: dict[str, tuple[str, str]] = {
    "له": ("Allah", "Allāh"),
    "دين": ("Din", "Dīn"),
    "رحمن": ("Rahman", "Raḥmān"),
}

# ---------------------------------------------------------------------- token probabilities


@lru_cache(maxsize=1 << 18)
def _token_dist(letters: str, k: int) -> tuple[tuple[str, float], ...]:
    """The ``k`` likeliest Latin spellings of article-free Arabic ``letters``.

    Frequent name words are read from ``decoded_readings.tsv``, which
    ``scripts/build_decoded_readings.py`` fills with :func:`decoded_latin_spellings` (so
    the values are the same); any other word is decoded.
    """
    return decoded_readings("ar").first(letters, k, decode=_latin_spellings)


@lru_cache(maxsize=1 << 14)
def _latin_spellings(letters: str) -> tuple[tuple[str, float], ...]:
    """:func:`decoded_latin_spellings`, each word decoded once per process."""
    return decoded_latin_spellings(letters)


def decoded_latin_spellings(letters: str) -> tuple[tuple[str, float], ...]:
    """Every Latin spelling of article-free Arabic ``letters`` with its probability
    (rounded to 6 places), best first, by the beam decoder and the word table: what
    :func:`romanize_token` cuts to ``k``.

    Example:
        >>> decoded_latin_spellings("كاظمي")[0][0]
        'kazemi'
    """
    if not letters:
        return ()
    dist = dict(_spelling_dist(decode_arabic(letters)))
    entry = word_table().get(letters)
    if entry:
        total = sum(n for _, n in entry)
        lam = total / (total + 1.0)
        dist = {t: (1 - lam) * p for t, p in dist.items()}
        for en, n in entry:
            dist[en] = dist.get(en, 0.0) + lam * n / total
    ranked = sorted(dist.items(), key=lambda x: (-x[1], x[0]))
    return tuple((t, round(p, 6)) for t, p in ranked)


def _spelling_dist(
    decoded: list[tuple[str, float, tuple[str, ...]]],
) -> tuple[tuple[str, float], ...]:
    """The decoder's spellings with their probabilities (a spelling found twice adds up),
    in the decoder's order."""
    best = max(s for _, s, _ in decoded)
    weights: dict[str, float] = {}
    for text, s, _ in decoded:
        if text:
            weights[text] = weights.get(text, 0.0) + math.exp(s - best)
    z = sum(weights.values()) or 1.0
    return tuple((t, w / z) for t, w in weights.items())


def romanize_token(token: str, k: int = 5) -> list[tuple[str, float]]:
    """The ``k`` most likely Latin spellings of one Arabic token, with probabilities.

    Spellings are lowercase ASCII and article-free (``الكاظمي`` gives ``kazemi``...);
    probabilities are decreasing and sum to at most 1. A Latin token comes back as itself
    (folded to ASCII letters). Results are cached.

    Args:
        token: one word, normally in Arabic script.
        k: how many spellings to return.

    Returns:
        ``(spelling, probability)`` pairs, best first; empty when the token has no letters.

    Example:
        >>> best, p = romanize_token("الكاظمي", k=1)[0]
        >>> best, 0 < p <= 1
        ('kazemi', True)
        >>> romanize_token("Kadhimi")
        [('kadhimi', 1.0)]
    """
    return list(_romanize_token(token, k))


@lru_cache(maxsize=1 << 18)
def _romanize_token(token: str, k: int) -> tuple[tuple[str, float], ...]:
    check_text(token, "token")
    letters = arabic_letters(token)
    if not letters:
        latin = latin_letters(token)
        return ((latin, 1.0),) if latin else ()
    _, core = split_article(letters)
    return _token_dist(core, max(int(k), 0))


# ------------------------------------------------------------------------------- ALA-LC

_ALA_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "ḥ", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "ṣ", "ض": "ḍ", "ط": "ṭ", "ظ": "ẓ",
    "ع": "ʿ", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "ʾ", "ؤ": "ʾ", "ئ": "ʾ", "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v",
    "گ": "g",
}  # fmt: skip
_SHORT = {"a": "a", "e": "a", "i": "i", "o": "u", "u": "u", "y": "i"}
_VOWELS = "aeiouy"


def _vowel(chunk: str) -> str:
    for ch in chunk:
        if ch in _SHORT:
            return _SHORT[ch]
    return ""


def _lead_trail(chunk: str) -> tuple[str, str, str]:
    """Split a chunk into leading vowels, consonants and trailing vowels."""
    i = 0
    while i < len(chunk) and chunk[i] in "aeiou":
        i += 1
    j = len(chunk)
    while j > i and chunk[j - 1] in _VOWELS:
        j -= 1
    return chunk[:i], chunk[i:j], chunk[j:]


def _ends_short(out: str) -> bool:
    return bool(out) and out[-1] in "aiu"


def _ala_lc(letters: str, chunks: tuple[str, ...]) -> str:
    out = ""
    n = len(letters)
    for i, c in enumerate(letters):
        chunk = chunks[i] if i < len(chunks) else ""
        lead, cons, trail = _lead_trail(chunk)
        if c in "عءؤئ":
            out += _ALA_CONS[c] + _vowel(chunk)
            continue
        if lead and out and out[-1] not in "aiuāīū" and c not in "اىةويآ":
            out += _vowel(lead)
        if c == "ا":
            if i == 0:
                out += _vowel(chunk) or "a"
            else:
                out = out[:-1] + "ā" if _ends_short(out) else out + "ā"
        elif c in "أإ":
            v = _vowel(chunk) or ("i" if c == "إ" else "a")
            out += v if i == 0 else "ʾ" + v
        elif c == "آ":
            out += "ā" if i == 0 else "ʾā"
        elif c == "ى":
            out = (out[:-1] if _ends_short(out) else out) + ("á" if i == n - 1 else "ā")
        elif c == "ة":
            out = out[:-1] if _ends_short(out) else out
            end = "h" if i == n - 1 else "t"
            out += end if out.endswith("ā") else "a" + end  # حياة ḥayāh, not ḥayāah
        elif c in "وي":
            glide = "w" if c == "و" else "y"
            consonantal = (bool(cons) and cons[0] in "wvyj") or _glide_is_consonant(letters, i)
            if consonantal:
                if not cons and lead and out and out[-1] not in "aiuāīū":
                    out += _vowel(lead)  # Ziad: the i the spelling gave ي comes before y
                out += glide + _vowel(trail)
            else:
                long = "ū" if c == "و" else "ī"
                out = (out[:-1] if _ends_short(out) else out) + long
        else:
            base = _ALA_CONS.get(c, latin_letters(c))
            doubled = len(cons) >= 2 and cons[0] == cons[1] and base not in ("ʿ", "ʾ")
            out += base * (2 if doubled else 1) + _vowel(trail)
    return out


def _glide_is_consonant(letters: str, i: int) -> bool:
    """Whether و / ي at ``letters[i]`` is the consonant w / y rather than a long vowel:
    first in the word, right before an alif (زياد Ziyād, رياض Riyāḍ) or right after one
    (الراوي al-Rāwī, داود Dāwud): a long vowel is never next to ā in Arabic."""
    before = letters[i - 1] if i else ""
    after = letters[i + 1] if i + 1 < len(letters) else ""
    return i == 0 or after in ("ا", "آ") or before == "ا"


def _plain_vowels(spellings: list[tuple[str, float]]) -> str:
    """Among likely spellings, prefer one written with a/i/u only (closest to ALA-LC)."""
    if not spellings:
        return ""
    best, top = spellings[0]
    for text, p in spellings:
        if p >= 0.05 * top and len(text) == len(best) and not set(text) & set("eo"):
            return text
    return best


@lru_cache(maxsize=256)
def _skeleton_dist(letter: str) -> dict[str, float]:
    """P(consonant skeleton of the chunk | letter), from the channel counts."""
    counts: dict[str, float] = {}
    for chunk, n in model().channel.c1.get(letter, {}).items():
        skel = "".join(ch for ch in chunk if ch not in "aeiou")
        counts[skel] = counts.get(skel, 0.0) + n
    total = sum(counts.values()) or 1.0
    return {k: v / total for k, v in counts.items()}


def _force_align(letters: str, spelling: str) -> tuple[str, ...] | None:
    """Split ``spelling`` into one chunk per letter, vowels going to the letter before them.

    Consonant letters take a chunk of consonants then vowels, scored by how often the letter
    is written with those consonants; vowel letters and ع take what they are usually written
    as.
    """
    ch = model().channel
    n, m = len(letters), len(spelling)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i, c in enumerate(letters):
        consonant = c in _ALA_CONS and c not in "عءؤئ"
        if consonant:
            dist = _skeleton_dist(c)
        else:
            c1 = ch.c1.get(c, {})
            total = sum(c1.values()) or 1
            dist = {k: v / total for k, v in c1.items()}
        for j in range(m + 1):
            s0 = best[i][j]
            if s0 == -math.inf:
                continue
            for L in range(min(5, m - j) + 1):
                chunk = spelling[j : j + L]
                if consonant:
                    lead, cons, _ = _lead_trail(chunk)
                    if (lead and i) or any(v in cons for v in "aeiou"):
                        continue
                    p = dist.get(cons.replace("y", ""), 0.0) if cons else dist.get("", 0.0)
                else:
                    p = dist.get(chunk, 0.0)
                if p <= 0.0:
                    p = 1e-9
                s = s0 + math.log(p)
                if s > best[i + 1][j + L]:
                    best[i + 1][j + L] = s
                    back[i + 1][j + L] = L
    if best[n][m] == -math.inf:
        return None
    chunks = []
    j = m
    for i in range(n, 0, -1):
        L = back[i][j]
        chunks.append(spelling[j - L : j])
        j -= L
    return tuple(chunks[::-1])


@lru_cache(maxsize=1 << 14)
def _ala_lc_core(letters: str) -> str:
    spelling = _plain_vowels(list(_token_dist(letters, 5)))
    chunks = _force_align(letters, spelling) if spelling else None
    if chunks is None:
        chunks = decode_arabic(letters)[0][2]
    return _ala_lc(letters, chunks)


# ------------------------------------------------------------------------------- romanize


def _cap(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha() and ch not in "ʿʾ":
            return word[:i] + ch.upper() + word[i + 1 :]
    return word


def _core(letters: str, scheme: str, article: bool = False) -> str:
    """The rendering of article-free ``letters``; ``article``: the word carried the article
    (so it is of Arabic origin)."""
    fixed = _CORES.get(letters)
    if fixed:
        return fixed[0] if scheme == "news" else fixed[1]
    if scheme == "ala-lc":
        return _cap(_ala_lc_core(letters))
    return _cap(_news_spelling(letters, arabic_origin(letters, article)))


#: Spellings the letter model ranks when attested spellings tie in the news scheme.
NEWS_TIE_READINGS = 30

# Spellings typical of French or other non-English orthographies, which an English-language
# newsroom respells (ch for sh, ou for u, dj for j...).
_NON_ENGLISH = re.compile(r"ch|ou|dj|kh$|^y?e|tch|sch|w$|ee")


#: Log share from which a Persian letter's reading (persian_letters.tsv) counts as its
#: own sound in an attested spelling (p for پ, g for گ; not b or k, its Arabic stand-in's).
PERSIAN_OWN_READING = -1.5


def _persian_attested(letters: str) -> tuple[tuple[str, int], ...]:
    """Spellings attested for a word with Persian letters written with their Arabic
    stand-ins (پرويز as برويز: parvez, pervez) that render every Persian letter with its
    own sound (كيلاني's keilany is no spelling of گيلاني)."""
    folded = letters.translate(persian_fold())
    if folded == letters:
        return ()
    own = [
        [r for r, share in p.readings if share >= PERSIAN_OWN_READING]
        for p in persian_letters().values()
        if p.letter in letters
    ]
    return tuple(
        (s, n)
        for s, n in news_spellings().get(folded, ())
        if all(any(r in s for r in readings) for readings in own)
    )


@lru_cache(maxsize=1 << 14)
def _news_spelling(letters: str, arabic: bool = False) -> str:
    """The news spelling of article-free letters: the best attested spelling of
    ``news_spellings.tsv`` (ties: the one the letter model likes best, English-looking
    first; a word with Persian letters also finds the spellings attested for it written
    with their Arabic stand-ins, پرويز as برويز), else the letter model's English-looking
    best. A word of Arabic origin (``arabic``) is only spelled with the letters newsrooms
    write for it (:func:`news_fits`): the other attested spellings are passed over, and an
    unattested word takes the best of the letter model's spellings that fit."""
    attested = news_spellings().get(letters) or _persian_attested(letters)
    if arabic:
        attested = tuple((s, n) for s, n in attested if news_fits(letters, s)) or tuple(
            (s, n) for s, n in attested if news_fits(letters, s, regional=True)
        )
    if attested:
        top = attested[0][1]
        tied = [s for s, n in attested if n == top]
        if len(tied) == 1:
            return tied[0]
        model = dict(_token_dist(letters, NEWS_TIE_READINGS))
        return max(tied, key=lambda s: (_english_score(model.get(s, 0.0) + 1e-9, s), s))
    dist = _arabic_spellings(letters) if arabic else _token_dist(letters, 5)
    if not dist:
        return ""
    top = dist[0][1]
    best = max((p for p in dist if p[1] >= 0.1 * top), key=lambda x: _english_score(x[1], x[0]))
    return best[0]


def _english_score(probability: float, spelling: str) -> float:
    """Log ``probability`` less a penalty for each non-English letter group of ``spelling``."""
    return math.log(probability) - 1.5 * len(_NON_ENGLISH.findall(spelling))


#: Beam of the letter model for a word of Arabic origin none of whose ``BEAM`` best
#: spellings fits the newsroom letters.
NEWS_BEAM = 32


@lru_cache(maxsize=1 << 14)
def _arabic_spellings(letters: str) -> tuple[tuple[str, float], ...]:
    """The letter model's spellings of Arabic-origin ``letters`` that fit the newsroom
    letters (:func:`news_fits`), best first: of its ``BEAM`` best, else of its
    ``NEWS_BEAM`` best; its ``BEAM`` best when none fits."""
    fitting = _fitting(letters, decoded_latin_spellings(letters))
    if not fitting:
        fitting = _fitting(letters, _spelling_dist(decode_arabic(letters, beam=NEWS_BEAM)))
    return fitting or _token_dist(letters, 5)


def _fitting(letters: str, dist: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """The spellings of ``dist`` that fit the newsroom letters of ``letters``, in order."""
    return tuple(p for p in dist if news_fits(letters, p[0]))


def arabic_origin(letters: str, article: bool = False) -> bool:
    """Whether article-free Arabic ``letters`` are a word of Arabic origin: it carried the
    article (``article``), has a letter that only Arabic words have (``news_letters.tsv``)
    or is a listed Arabic given name (``given_names.tsv``), and does not end like a foreign
    surname (``foreign_ending_ar`` of ``words.tsv``: رحيموف is Rahimov).

    Example:
        >>> arabic_origin("عبيدي"), arabic_origin("بياتي", article=True), arabic_origin("بيتر")
        (True, True, False)
        >>> arabic_origin("رحيموف")
        False
    """
    if letters.endswith(word_list("foreign_ending_ar")):
        return False
    only = _arabic_only_letters()
    return article or any(c in only for c in letters) or normalize_arabic(letters) in _given_words()


@lru_cache(maxsize=1)
def _arabic_only_letters() -> frozenset[str]:
    return frozenset(c for c, e in news_letters().items() if e.arabic_only)


@lru_cache(maxsize=1)
def _given_words() -> frozenset[str]:
    """Normalised Arabic spellings of the listed Arabic given names (not name_words.tsv's
    kind ``given``, which holds the Western given names Arabic text writes too)."""
    return given_name_words("arabic")


_LATIN_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1 << 14)
def news_fits(letters: str, spelling: str, regional: bool = False) -> bool:
    """Whether a newsroom would write Arabic-origin ``letters`` as ``spelling``: each letter
    as one of its renderings in ``news_letters.tsv`` (with ``regional``, its regional ones
    too; a consonant may be doubled, the vowels a e i o u around them are free), and no two
    consonants before the first vowel that are not one letter's rendering (an Arabic word
    never starts with a cluster), and a first letter that is written as a consonant or not
    at all (و ي ه) written as its consonant (without ``regional``: Maghrebi Ou- for و). A
    word with a letter the table does not hold fits any spelling.

    Example:
        >>> news_fits("جبوري", "jubouri"), news_fits("جبوري", "gabori")
        (True, False)
        >>> news_fits("دليمي", "dulaimi"), news_fits("دليمي", "dlimi")
        (True, False)
    """
    table = news_letters()
    if any(c not in table for c in letters):
        return True
    allowed = {c: table[c].written(regional) for c in set(letters)}
    head = len(spelling) - len(spelling.lstrip("bcdfghjklmnpqrstvwxyz"))
    first = allowed[letters[0]]
    if head and spelling[:head] not in first:
        return False
    if not head and not regional and any(first) and "" in first:
        return False  # و ي ه open a word as w y h (Maghrebi Ou- for و is regional)
    reach = {0}
    for c in letters:
        reach = _after_letter(spelling, reach, allowed[c])
        if not reach:
            return False
    return len(spelling) in reach


def _after_letter(spelling: str, starts: set[int], renderings: tuple[str, ...]) -> set[int]:
    """The positions of ``spelling`` where a letter written as one of ``renderings`` (with
    free vowels before and after) can end, when it starts at one of ``starts``."""
    ends = set()
    for j in starts:
        k = j
        while True:
            for r in renderings:
                if spelling.startswith(r, k):
                    e = k + len(r)
                    ends.add(e)
                    while e < len(spelling) and spelling[e] in _LATIN_VOWELS:
                        e += 1
                        ends.add(e)
            if k < len(spelling) and spelling[k] in _LATIN_VOWELS:
                k += 1
            else:
                break
    return ends


def _word(letters: str, scheme: str, next_letters: str) -> tuple[str, bool]:
    """Render one Arabic word; returns (text, consumed_next_word)."""
    news = scheme == "news"
    particle = particle_romanizations().get(letters)
    if letters == "عبد" and next_letters.startswith(ARTICLE) and len(next_letters) > 3:
        art, core = split_article(next_letters)
        if news:
            rest = _core(core, scheme, article=True)
            return ("Abdullah" if core == "له" else f"Abdul {rest}"), True
        return "ʿAbd", False
    if particle:
        return particle[0] if news else particle[1], False
    if letters.startswith("عبدال") and len(letters) > 6 and letters not in word_table():
        core = letters[5:]
        if core == "له":
            return ("Abdullah" if news else "ʿAbd Allāh"), False
        rest = _core(core, scheme, article=True)
        return (f"Abdul {rest}" if news else f"ʿAbd al-{rest}"), False
    art, core = split_article(letters)
    if art:
        if core == "له":
            return ("Allah" if news else "Allāh"), False
        return f"al-{_core(core, scheme, article=True)}", False
    return _core(letters, scheme), False


def _camel(text: str, scheme: str) -> str:
    try:
        from camel_tools.utils.charmap import CharMapper
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ExtraMissingError(f"the {scheme} scheme", "camel", "camel-tools") from exc
    mapper = CharMapper.builtin_mapper("ar2bw" if scheme == "buckwalter" else "ar2hsb")
    return str(mapper.map_string(text))


def romanize(text: str, scheme: str = "news") -> str:
    """Romanise Arabic text; Latin and other characters are kept.

    Args:
        text: a name or any text, in Arabic, Latin or both scripts.
        scheme: ``news`` (newsroom spelling: ``Mustafa al-Kazemi``; a word whose Latin
            spellings are attested in the shipped name pairs, ``news_spellings.tsv``, gets
            the best attested one, the letter model only renders the rest; a word of Arabic
            origin, :func:`arabic_origin`, only with the letters newsrooms write for it,
            ``news_letters.tsv``; a text that names a country or city of ``places.tsv``
            in English), ``ala-lc`` (scholarly,
            with diacritics: ``Muṣṭafá al-Kāẓimī``), ``buckwalter`` or ``hsb`` (letter for
            letter, through the optional camel-tools package).

    Returns:
        The romanised text.

    Raises:
        InputError: ``text`` is not a string or ``scheme`` is unknown.
        ExtraMissingError: ``buckwalter``/``hsb`` without camel-tools installed.

    Example:
        >>> romanize("عبد الوهاب الزبيدي")
        'Abdul Wahab al-Zubeidi'
        >>> romanize("Prime Minister عبد الوهاب الزبيدي")
        'Prime Minister Abdul Wahab al-Zubeidi'
        >>> romanize("فؤاد السنيورة")  # spellings attested in the name pairs come first
        'Fuad al-Siniora'
        >>> romanize("سامي البيضاني")  # Arabic origin: b for ب, never p
        'Sami al-Bidani'
        >>> romanize("رئيس الوزراء مصطفى الكاظمي")  # titles are translated, as newsrooms do
        'Prime Minister Mustafa al-Kazemi'
        >>> romanize("عبد الوهاب", scheme="ala-lc")
        'ʿAbd al-Wahāb'
    """
    check_text(text)
    if scheme not in SCHEMES:
        raise InputError(f"unknown scheme {scheme!r}; choose one of: {', '.join(SCHEMES)}")
    text = clean(text)
    if scheme in ("buckwalter", "hsb"):
        return _camel(text, scheme)
    if scheme == "news":
        place = _place_names().get(normalize_arabic(text))
        if place:
            return place
    pieces = [m.group(0) for m in _RUNS.finditer(text)]
    words = [arabic_letters(p) if any(is_arabic_char(c) for c in p) else None for p in pieces]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece, letters = pieces[i], words[i]
        i += 1
        if letters is None:
            out.append(piece)
            continue
        if not letters:  # Arabic punctuation, digits...
            out.append(piece.translate(_AR_PUNCT))
            continue
        if scheme == "news":
            title, title_end = _title_at(pieces, words, i - 1)
            if title:
                out.append(title)
                i = title_end
                continue
        nxt, nxt_at = "", i
        if i + 1 < len(pieces) and pieces[i].isspace() and words[i + 1]:
            nxt, nxt_at = words[i + 1] or "", i + 2
        rendered, consumed = _word(letters, scheme, nxt)
        out.append(rendered)
        if consumed:
            i = nxt_at
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _title_at(pieces: list[str], words: list[str | None], start: int) -> tuple[str, int]:
    """An Arabic title, rank or role phrase starting at ``pieces[start]``, in English.

    Newsrooms translate titles rather than transliterate them (رئيس الوزراء is printed
    "Prime Minister"), so the news scheme does the same for the phrases in titles.tsv.
    Returns the English title and the index after the phrase, or ``("", start)``.
    """
    from ..names.parse import title_phrases
    from ..text import normalize

    phrases = title_phrases()
    idx = [start]
    j = start + 1
    while len(idx) < 4 and j + 1 < len(pieces) and pieces[j].isspace() and words[j + 1]:
        idx.append(j + 1)
        j += 2
    for n in range(len(idx), 0, -1):
        toks = tuple(normalize(" ".join(pieces[k] for k in idx[:n])).split())
        canon = phrases.get(toks)
        if canon:
            english = " ".join(
                w if w in word_set("title_small_en") else w[:1].upper() + w[1:]
                for w in canon.split()
            )
            end = idx[n - 1] + 1
            # "رئيس الوزراء العراقي": the adjective after a title is its nationality
            # ("Iraqi Prime Minister"); elsewhere such a word is a nisba and a name.
            if end + 1 < len(pieces) and pieces[end].isspace() and words[end + 1]:
                adjective = _nationalities().get(normalize(pieces[end + 1]))
                if adjective:
                    return f"{adjective} {english}", end + 2
            return english, end
    return "", start


#: The kinds of ``places.tsv`` whose English name the news scheme prints for a whole text
#: (not governorates or regions, which are often named after a person: صلاح الدين).
NEWS_PLACE_KINDS = frozenset({"country", "city"})


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """Normalised Arabic names of the countries and cities of ``places.tsv`` -> their
    English name: the news scheme prints a place's English name. A name two places share,
    or that is a listed given name (``given_names.tsv``), is left out."""
    names: dict[str, set[str]] = {}
    for place in places():
        if place.kind in NEWS_PLACE_KINDS:
            for form in (place.ar, *place.variants_ar):
                names.setdefault(normalize_arabic(form), set()).add(place.en)
    given = _given_words()
    return {ar: next(iter(en)) for ar, en in names.items() if len(en) == 1 and ar not in given}


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    """Normalised Arabic nationality adjectives (العراقي, عراقية) -> English (Iraqi)."""
    from .. import lexicon
    from ..text import normalize

    out: dict[str, str] = {}
    for e in lexicon.org_words():
        if e.kind != "nationality":
            continue
        for form in (e.ar, *e.variants_ar):
            norm = normalize(form)
            if norm.endswith(lexicon.nisba_endings()):  # adjectives, not the country's name
                out.setdefault(norm, e.en)
                out.setdefault("ال" + norm, e.en)
    return out


_AR_PUNCT = str.maketrans(
    {"،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": "."}
    | {chr(0x0660 + i): str(i) for i in range(10)}
    | {chr(0x06F0 + i): str(i) for i in range(10)}
)
