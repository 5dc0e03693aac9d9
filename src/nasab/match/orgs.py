"""Comparing organisation names across scripts, spellings, acronyms and translations.

:func:`compare_orgs` turns each name into a bag of *units*:

* article and function words (``the``, ``of``, ``al-``, ``ال``, ``de``...) and legal
  forms (``Co.``, ``Ltd``, ``LLC``, ``S.A.``, ``GmbH``, ``شركة``...) are set aside;
* words and phrases found in the bilingual org-word table (``org_words.tsv``:
  ``جهاز`` = ``service``, ``مكافحة الإرهاب`` = ``counter-terrorism``...) become
  language-neutral *concepts*, so Arabic and English names meet word by word, in any
  order (Arabic puts the head first: ``جهاز مكافحة الإرهاب`` = ``Counter-Terrorism
  Service``);
* the other words are proper-name parts, compared by spelling (Latin fold; two Latin
  words of one consonant skeleton, ``OMQY`` / ``OMGY``, agree in part) or, across
  scripts, by transliteration (:func:`nasab.match.compare.token_similarity`).

Units are weighted by rarity: generic words (``Iraqi``, ``National``, ``Islamic``,
``Ministry``, ``Forces``...) weigh little, so different organisations that share them
score low. Units are aligned one to one, joined words are matched to their parts
(``AEROCARIBBEAN`` = ``AERO-CARIBBEAN``), and a word written in capitals is matched
against the initials (or leading syllables) of the other name's words (``ISIS`` =
``Islamic State of Iraq and Syria``). The score is a weighted Dice coefficient of the
aligned units. Names that the curated table ``organizations.tsv`` lists as one
organisation score 1; names it lists as two different organisations score low.

Evidence against (each a factor on the score, said in the explanation):

* a distinctive word (rare, a place or a nationality) on each side that the other lacks
  (``Al-Noor Trading Company`` / ``Al-Huda Trading Company``): ×0.5, or ×0.75 where the
  names share distinctive words weighing two words and twice what either keeps alone;
* otherwise a generic word on each side that the other lacks (``Orion Shipping`` /
  ``Orion Exchange``: group companies that share a family name): ×0.75;
* different numbers (``Bank 2`` / ``Bank 3``, Roman numerals read as numbers, the digits
  of a code: ``YV2984`` / ``YV2994``): ×0.3; a number on one side only (``Orion 2`` /
  ``Orion``): ×0.75;
* a company name (a legal form) that adds only a place to the other name (``Orion UK
  Ltd`` / ``Orion Ltd``: a subsidiary registered there): ×0.75;
* a one-word name that the other qualifies with a distinctive word (``Palma`` /
  ``Hacienda La Palma``): a weak name, ×0.85.

A name of one content word (:func:`is_weak_org`) may stand for many bodies. Besides its
score, :func:`org_fit` says how well it *fits* a longer name: a rare word of six letters
or more that the longer name holds whole fits it at ``WEAK_ORG_FIT`` (0.7) whatever the
longer name adds. :func:`nasab.resolve` lets such a fit join the one entity it points to,
never two (``nasab.resolution.stages.attach_weak``).

An acronym of three letters or fewer agrees only 0.55 with the initials it spells (a
three-letter code spells the initials of many names by chance), and a registration mark
(``EP-KTC``: a code of one or two characters, a hyphen, letters) is no acronym at all.

Example:
    >>> compare_orgs("AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN").score >= 0.75
    True
    >>> compare_orgs("ISIS", "Islamic State of Iraq and Syria").score >= 0.9
    True
    >>> compare_orgs("Iraqi News Agency", "Iraqi Ministry of Defence").score < 0.4
    True
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from .. import lexicon
from ..lexicon import LATIN_VOWELS, word_list, word_set
from ..names.keys import fold, skeleton
from ..text import normalize
from .algorithms import ORG_ALGORITHM
from .prepared import token_similarity
from .result import Match, check_name

__all__ = [
    "ALGORITHM",
    "WEAK_ORG_FIT",
    "OrgName",
    "compare_orgs",
    "is_weak_org",
    "org_fit",
    "org_keys",
    "org_siblings",
    "org_subsidiary_word",
    "parse_org",
]

#: Name and version of the organisation scoring algorithm.
ALGORITHM = ORG_ALGORITHM

_GENERIC_WEIGHT = 0.25
_ALIGN_FLOOR = 0.78  # spelling similarity below which two words are different words
_ALIGN_FULL = 0.95  # at or above: the same word
#: Spelling similarity of two Latin words of one consonant skeleton whose letters differ
#: more than that (vowels and q/g/k of one Arabic or Persian word: OMQY / OMGY / UMQI).
_SKELETON_SIM = 0.88
#: Fewest consonants of a skeleton shared for that.
_SKELETON_MIN = 2
#: Fewest letters of each word for that: codes (registration marks EP-MNA / EP-MNU, MCS /
#: MKS) differ by one letter of the same skeleton class and are different codes.
_SKELETON_WORD_MIN = 4
#: Two such words (rare, of that length) that the name-token similarity
#: (:func:`nasab.match.prepared.token_similarity`, as persons' names are compared) reads
#: as one name this confidently are transliterations of one word and agree
#: :data:`_SKELETON_SIM` too (GHESHM / QESHM, ELYA / ILYA, EMAM / IMAM, POOYA / PUYA):
#: 0.9, a confident transliteration (as :func:`_unit_sim` reads that similarity), less the
#: rounding of its sums (``gh`` for ``q`` scores 0.8999...). At 0.85 one consonant
#: changed passes too (HAMAD / HAMAS, RAHMAN / RAHMAH).
_TRANSLIT_SIM = 0.89
#: ... asked only of words whose spelling similarity reaches this (no name-token
#: similarity is computed for the many pairs of unrelated words).
_TRANSLIT_SPELLING_MIN = 0.5
# Two long distinctive words one typing slip apart (:func:`_one_typo`: GAZPROM / GASPROM)
# are one name misspelt: they agree as this spelling similarity (most of a full match).
_TYPO_SIM = 0.92
_TYPO_WORD_MIN = 7
_ACRONYM_AGREE = 0.95
_SYLLABIC_AGREE = 0.85
_OTHER_ROW_CAP = 0.15
_NUMBER_FACTOR = 0.3
#: Score factor when one name holds a number and the other none (``Orion 2`` / ``Orion``,
#: ``Kestrel Store No. 2`` / ``Kestrel Store``): the numbered one of a series, a vessel, a
#: branch, beside the body that names it, as a generic word on each side is.
_ONE_NUMBER = 0.75
#: Score factor when each name has a distinctive word the other lacks (Al-Noor Trading
#: Company vs Al-Huda Trading Company; Central Bank of Syria vs Central Bank of Iran).
_WORD_CONFLICT = 0.5
#: The conflict factor instead, where the names share distinctive words weighing at least
#: :data:`_SHARED_DISTINCTIVE` (two words) and :data:`_SHARED_RATIO` times what either
#: keeps of its own (``CABANAS LA LOMA EN RENTA`` / ``CABANAS LA LOMA TAPALPA``).
_WORD_CONFLICT_SHARED = 0.75
_SHARED_DISTINCTIVE = 2.0
_SHARED_RATIO = 2.0
#: A word weighing this much is distinctive (generic words weigh at most _GENERIC_WEIGHT);
#: a place or nationality word is distinctive whatever it weighs.
_DISTINCTIVE = 0.5
#: Score of a name against its acronym given in parentheses (``X (HTS)`` vs ``HTS``).
_PAREN_ACRONYM = 0.95
#: Agreement of an acronym of at most ``_SHORT_ACRONYM`` letters with the initials it
#: spells: a three-letter code matches the initials of many unrelated names by chance.
_SHORT_ACRONYM = 3
_SHORT_ACRONYM_AGREE = 0.55
#: Score factor when both names keep generic words the other lacks (``Orion Shipping`` /
#: ``Orion Exchange``: group companies of one family name, not one organisation), or
#: when one keeps a distinctive word where the other keeps only generic words.
_GENERIC_CONFLICT = 0.75
#: Score factor when the longer of two names adds only places to the other's words and
#: names a company (a legal form): ``Orion UK Ltd`` / ``Orion Ltd`` are two companies of
#: one group, the one registered in the UK a subsidiary, not another name of the other.
_PLACED_COMPANY = 0.75
#: Score factor when one name is a single word and the other adds a distinctive word to
#: it (``Palma`` / ``Hacienda La Palma``): a weak name, like a bare person name.
_WEAK_ORG = 0.85
#: Sibling organisations (:func:`org_siblings`): the two words each name keeps alone are
#: no spellings of one word when their Latin folds are less alike than this (Indel
#: similarity): ``KESTREL`` / ``VARANTO`` are two companies, ``ARYA`` / ``ARIA`` one.
_SIBLING_UNLIKE = 0.6
#: A registration mark (``EP-KTC``, ``YK-NTC``: a short code, a hyphen, letters; aircraft
#: and ships are listed under them) is not an acronym of anything.
_REGISTRATION = re.compile(r"(?:^|[^\w-])[a-z0-9]{1,2}-([a-z]{2,6})(?=$|[^\w-])", re.IGNORECASE)

#: Least and most letters of an acronym matched against a part of the other name
#: (``IRGC Missile Command``): two letters spell parts of many names by chance.
_PART_ACRONYM_MIN = 4
_PART_ACRONYM_MAX = 6
#: Least letters of a shorter acronym of a part of the other name (``MB Bank`` / ``Mir
#: Business Bank``, ``PFLP-GC``): taken only where every other word of both names aligns
#: (:func:`_short_forms_score`), so that chance cannot spell it.
_SHORT_PART_ACRONYM_MIN = 2

#: Letters of the blocking key that brings a syllabic acronym (``CONVIASA``) and its
#: expansion (``Consorcio Venezolano de Industrias Aeronauticas...``) together: the
#: acronym's first letters, and every string of that length the expansion's leading
#: words spell by their prefixes (two words or more, so a word's own prefix is no key).
_SYLLABIC_KEY = 4

#: A *blend* (:func:`_blend_pieces`: ``COLCERDOS`` of ``Colombiana de Cerdos``, ``OCCIPAPEL``
#: of ``Occidental de Papeles``): a word of at least ``_BLEND_MIN`` letters made of the
#: leading letters of each content word of the other name in order, at least
#: ``_BLEND_PIECE`` of each and ``_BLEND_LAST`` of the last (or the whole word). It agrees
#: as a syllabic acronym does (``_SYLLABIC_AGREE``).
_BLEND_MIN = 5
_BLEND_PIECE = 2
_BLEND_LAST = 3
#: Longest first piece keyed for blocking (:func:`_blend_keys`).
_BLEND_KEY_PIECE = 5

#: Fewest letters of a word keyed as a possible syllabic acronym: on OFAC the four-letter
#: words so paired were mostly words (SAFE, SANA, NABI), not acronyms.
_SYLLABIC_ACRONYM_MIN = 5
_FREQ_POWER = 2.0  # rarity weight = (log(N/df) / log(N/3)) ** power
_FREQ_FLOOR = 0.15
_GENERIC_KINDS = frozenset(["type", "generic", "org_type", "nationality", "adjective", "scope"])

_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_SPLIT = re.compile(r"[^\w]+")
#: An apostrophe inside a Latin word marks an ayn or a hamza (``KATA'IB``, ``MU'ASSASAT``):
#: part of the word, not a break; a possessive ``'s`` (``IRAN'S``) is dropped.
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019]s\b", re.IGNORECASE)
_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['\u2019`\u02bb\u02bc\u02be\u02bf](?=[A-Za-z])")
#: Least length of a Latin word with a joined article (``ALHARAMEIN``) read also without it.
_JOINED_ARTICLE_MIN = 6
#: Fewest letters (of its Latin fold) of a word that adjacent words of the other name may
#: spell joined (:func:`_join_runs`): ``ZHUHAI`` / ``ZHU HAI``, ``BUALI`` / ``BU ALI``
#: (five since ``nasab-org-v21``; six before).
_JOINED_WORD_MIN = 5
#: An abbreviation (:func:`_abbreviations`): a word of at least this many letters that
#: starts another word, at least :data:`_ABBREVIATION_CUT` letters longer, agrees with it
#: at this similarity (0.7 of a full agreement).
#: Languages of ``org_translations.tsv`` whose words are also read in their other endings
#: and spellings (:func:`_inflected_stems`): Russian and Ukrainian, romanised.
_INFLECTED_LANGUAGES = frozenset(["ru", "uk"])
#: Fewest letters of such a stem: shorter stems (``vod`` of ``vody``, water) are the
#: stems of many words.
_STEM_MIN = 5
#: The endings :func:`_stem` drops: final vowels, with a plural ``kh`` after them
#: (``-ykh``, ``-ikh``, ``-akh``), or a genitive plural ``-ov`` / ``-ev``.
_STEM_ENDING = re.compile(r"(?:[aeiouy]+(?:kh)?|[oe]v)$")
#: Two romanisations of one letter, read as one (written, read).
_STEM_SPELLINGS = (("ye", "e"), ("ts", "c"))
_ABBREVIATION_MIN = 4
#: Fewest letters of an abbreviation where every other word of both names aligns
#: (``ZOO Joya Grande`` / ``Zoologico Joya Grande``, ``Caspian Air`` / ``Caspian Airlines``;
#: :func:`_short_forms_score`).
_SHORT_ABBREVIATION_MIN = 3
#: A letter written twice (:func:`_undoubled`).
_DOUBLED = re.compile(r"([a-z])\1")
#: The ``-in-`` / ``-en-`` between a place's stem and ``-sk-`` (``YALT-IN-SKAYA``).
_ADJECTIVE_INFIX = re.compile(r"[eiy]?n$")
_FINAL_VOWELS = re.compile(r"[aeiouy]+$")
#: Fewest letters of the stem an adjective and a place share: shorter stems are many words'.
_ADJECTIVE_STEM_MIN = 4
_ABBREVIATION_CUT = 2
_ABBREVIATION_SIM = 0.9


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of an organisation name.

    Attributes:
        text: the English concept (for dictionary words) or the normalised word.
        concept: whether ``text`` is a concept from the org-word table.
        script: ``arabic`` or ``latin`` (script of the surface word).
        weight: rarity weight in (0, 1].
        fold: Latin spelling fold of ``text`` (Arabic words: the normalised text).
        caps: the surface word was written in capitals (2+ letters): a possible acronym.
        surface: the surface form(s) it came from.
        written: the foreign word it translates (``org_translations.tsv``: ``TIJARAT`` for
            ``trade``), as written; empty for a word that was not translated.
    """

    text: str
    concept: bool
    script: str
    weight: float
    fold: str
    caps: bool
    surface: str
    written: str = ""


@dataclass(frozen=True, slots=True)
class OrgName:
    """A parsed organisation name.

    Attributes:
        raw: the input string.
        units: content units in order.
        words: every normalised word in order as ``(word, kind)`` with kind ``content``,
            ``stop`` or ``legal`` (used for acronyms).
        legal: the legal-form words found.
        alias_row: the id of the ``organizations.tsv`` row this name is listed under.
        acronyms: acronyms the name gives in parentheses (``(HTS)``), lower case.
        written: ``words`` with each translated word as it was written (``tahrir`` for
            ``liberation``), for acronyms of the name as written; empty when no word was
            translated.
    """

    raw: str
    units: tuple[Unit, ...]
    words: tuple[tuple[str, str], ...]
    legal: tuple[str, ...]
    alias_row: str | None
    acronyms: tuple[str, ...] = ()
    written: tuple[tuple[str, str], ...] = ()


def _strip_article(tok: str) -> str:
    if tok.startswith("وال") and len(tok) >= 5:
        tok = tok[1:]
    if tok.startswith("ال") and len(tok) >= 4 and tok != "الله":
        return tok[2:]
    if tok.startswith("لل") and len(tok) >= 5:
        return tok[2:]
    return tok


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_strip_article(t) for t in normalize(text).split() if t)


@cache
def _org_words() -> tuple[dict[tuple[str, ...], str], frozenset[str], int]:
    """Phrase (normalised, article-free tokens) -> English concept; generic concepts; longest."""
    phrases: dict[tuple[str, ...], str] = {}
    generic: set[str] = set()
    for entry in lexicon.org_words():
        concept = " ".join(normalize(entry.en).split())
        if not concept:
            continue
        if entry.kind.strip().lower() in _GENERIC_KINDS:
            generic.add(concept)
        for form in (entry.en, entry.ar, *entry.variants_en, *entry.variants_ar):
            toks = _phrase(form)
            if toks:
                phrases.setdefault(toks, concept)
                if len(toks) > 1 and all(t.isascii() for t in toks):
                    phrases.setdefault(("".join(toks),), concept)
    longest = max((len(p) for p in phrases), default=1)
    return phrases, frozenset(generic), longest


@cache
def _org_aliases() -> dict[str, str]:
    """Normalised name form -> organizations.tsv row id."""
    out: dict[str, str] = {}
    for org in lexicon.organizations():
        forms = (org.en, org.ar, *org.acronyms, *org.aliases_en, *org.aliases_ar)
        for form in forms:
            key = _alias_key(form)
            if key:
                out.setdefault(key, org.id.strip())
    return out


def _alias_key(text: str) -> str:
    toks = [
        _strip_article(t)
        for t in normalize(_DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)).split()
    ]
    return " ".join(t for t in toks if t not in ("the", "al", "el"))


def _is_generic(concept_or_word: str) -> bool:
    if concept_or_word in word_set("org_generic_en"):
        return True
    if concept_or_word in _org_words()[1]:
        return True
    parts = concept_or_word.split()
    return len(parts) > 1 and all(
        p in word_set("org_generic_en") or p in word_set("org_stop_latn") for p in parts
    )


@cache
def _word_freq() -> tuple[dict[str, int], int]:
    """Word -> number of organisations using it (``org_word_freq.tsv``), and that number."""
    counts, total = lexicon.org_word_freq()
    return counts, max(total, max(counts.values(), default=0))


def _freq_weight(text: str) -> float:
    counts, total = _word_freq()
    if not counts:
        return 1.0
    df = max((counts.get(w, 0) for w in text.split()), default=0)
    if df <= 3 or total <= 3:
        return 1.0
    w = (math.log(total / df) / math.log(total / 3)) ** _FREQ_POWER
    return max(_FREQ_FLOOR, min(1.0, w))


def _word_weight(text: str, concept: bool) -> float:
    if _is_generic(text):
        return min(_GENERIC_WEIGHT, _freq_weight(text))
    if text.isdigit():
        return 0.6
    n = len(text.replace(" ", ""))
    if n <= 2:
        base = 0.4
    elif n == 3:
        base = 0.7
    else:
        base = 1.0
    return min(base, _freq_weight(text))


def _surface_tokens(raw: str) -> tuple[list[tuple[str, bool]], list[tuple[int, str]]]:
    """Normalised tokens of a name with a flag: written in capitals (2+ letters); and
    each token's origin (:func:`_translate`)."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), raw)
    text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    out: list[tuple[str, bool]] = []
    for piece in _SPLIT.split(text):
        if not piece:
            continue
        caps = piece.isupper() and sum(c.isalpha() for c in piece) >= 2 and piece.isascii()
        for tok in normalize(piece).split():
            out.append((tok, caps))
    return _translate(_join_initials(out))


def _join_initials(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Runs of two or more single Latin letters as one word (``N P C`` -> ``npc``), an
    acronym written with spaces; so too runs of Latin letters spelled in Arabic
    (``lexicon.letter_names``: سي آي إيه -> ``cia``, بي بي سي -> ``bbc``). A lone letter
    stays a word (في is also "in").

    Example:
        >>> _join_initials([("سي", False), ("اي", False), ("ايه", False), ("نيوز", False)])
        [('cia', True), ('نيوز', False)]
        >>> _join_initials([("في", False), ("بغداد", False)])
        [('في', False), ('بغداد', False)]
    """
    names = lexicon.letter_names()
    out: list[tuple[str, bool]] = []
    run: list[tuple[str, str]] = []  # (the letter, the token as written)
    for tok, caps in [*toks, ("", False)]:
        if len(tok) == 1 and tok.isascii() and tok.isalpha():
            run.append((tok, tok))
            continue
        if tok in names:
            run.append((names[tok], tok))
            continue
        if len(run) >= 2:
            out.append(("".join(letter for letter, _ in run), True))
        else:
            out.extend((t, False) for _, t in run)
        run = []
        if tok:
            out.append((tok, caps))
    return out


def _translate(
    toks: list[tuple[str, bool]],
) -> tuple[list[tuple[str, bool]], list[tuple[int, str]]]:
    """Foreign words of ``org_translations.tsv`` replaced by their English words
    (``STICHTING`` -> ``foundation``), so that both forms of a name read alike; and the
    origin of each token: (position of the word it came from, that word if it was
    translated, else ``""``).

    Example:
        >>> toks, origins = _translate([("stichting", True), ("orion", True)])
        >>> toks, origins
        ([('foundation', False), ('orion', True)], [(0, 'stichting'), (1, '')])
    """
    table = lexicon.org_translations()
    out: list[tuple[str, bool]] = []
    origins: list[tuple[int, str]] = []
    for k, (tok, caps) in enumerate(toks):
        en = (table.get(tok) or _inflected(tok) or _undoubled(tok)) if tok.isascii() else None
        out.extend(((w, False) for w in en) if en else ((tok, caps),))
        origins.extend([(k, tok)] * len(en) if en else [(k, "")])
    return out, origins


def _undoubled(word: str) -> tuple[str, ...] | None:
    """The English words of a word of ``org_translations.tsv`` written with a letter doubled
    or single where the table writes it the other way (``MUASSASSAT`` / ``muassasat``,
    ``MOASESE`` / ``moassese``: a doubled consonant, Arabic *shadda*, is written or not);
    None where the word is listed as it is, or two listed words read so differ.

    Example:
        >>> _undoubled("muassassat"), _undoubled("orion")
        (('foundation',), None)
    """
    if word in lexicon.org_translations():
        return None
    return _undoubled_forms().get(_DOUBLED.sub(r"\1", word))


@cache
def _undoubled_forms() -> dict[str, tuple[str, ...]]:
    """Words of ``org_translations.tsv`` with doubled letters written once -> English words
    (:func:`_undoubled`); a form of two listed words with different translations reads as none."""
    out: dict[str, tuple[str, ...]] = {}
    clash: set[str] = set()
    for form, en in lexicon.org_translations().items():
        key = _DOUBLED.sub(r"\1", form)
        if out.setdefault(key, en) != en:
            clash.add(key)
    return {k: v for k, v in out.items() if k not in clash}


def _stem(word: str) -> str:
    """The stem of a Latin word as :func:`_inflected_stems` reads it: ``ye`` as ``e`` and
    ``ts`` as ``c`` (two romanisations of one letter), the ending dropped
    (:data:`_STEM_ENDING`: the final vowels, ``-ykh``, ``-ov``); empty under
    :data:`_STEM_MIN` letters.

    Example:
        >>> _stem("obyedineniye"), _stem("obedinenie"), _stem("korporatsiya"), _stem("zavod")
        ('obedinen', 'obedinen', 'korporac', 'zavod')
        >>> _stem("proektov"), _stem("infrastrukturnykh"), _stem("infrastrukturnaya")
        ('proekt', 'infrastrukturn', 'infrastrukturn')
    """
    for written, read in _STEM_SPELLINGS:
        word = word.replace(written, read)
    stem = _STEM_ENDING.sub("", word)
    return stem if len(stem) >= _STEM_MIN else ""


def _inflected(word: str) -> tuple[str, ...] | None:
    """The English words of another form of a listed inflected word (:func:`_inflected_stems`),
    or None (also for an English word that reads as itself: ``institute``)."""
    en = _inflected_stems().get(_stem(word))
    return en if en and en != (word,) else None


@cache
def _inflected_stems() -> dict[str, tuple[str, ...]]:
    """Stem (:func:`_stem`) -> English words, of the words of ``org_translations.tsv`` in a
    language of :data:`_INFLECTED_LANGUAGES`, whose romanised words change their endings
    with case, gender and number and spell one letter several ways (Russian
    ``obyedineniye`` / ``obedinenie`` / ``obyedinenye``, ``torgovy`` / ``torgovoy``,
    ``kompaniya`` / ``kompania``): another form of a listed word reads as that word.
    A stem of words with different translations reads as none.

    Example:
        >>> _inflected_stems()[_stem("obyedinenye")], _inflected_stems()[_stem("torgovoy")]
        (('association',), ('trade',))
    """
    languages = lexicon.org_translation_languages()
    out: dict[str, tuple[str, ...]] = {}
    clash: set[str] = set()
    for form, en in lexicon.org_translations().items():
        stem = _stem(form)
        if not stem or languages.get(form) not in _INFLECTED_LANGUAGES:
            continue
        if out.setdefault(stem, en) != en:
            clash.add(stem)
    return {k: v for k, v in out.items() if k not in clash}


@cache
def _legal_phrases() -> tuple[tuple[str, ...], ...]:
    """Multiword legal forms as token tuples, longest first (``open joint stock company``)."""
    return tuple(tuple(p.split()) for p in word_list("legal_phrase_latn"))


def _legal_phrase(toks: list[tuple[str, bool]], i: int) -> int:
    """Length of the legal-form phrase (``open joint stock company``) starting at ``i``."""
    for p in _legal_phrases():
        k = len(p)
        if tuple(t for t, _ in toks[i : i + k]) == p and (i > 0 or len(toks) > k):
            return k
    return 0


@lru_cache(maxsize=65536)
def parse_org(raw: str) -> OrgName:
    """Parse an organisation name into weighted units.

    A capitalised word in parentheses that spells the words before it (``Hayat Tahrir
    al-Sham (HTS)``) is the name's acronym: kept in ``acronyms``, not a unit. A Roman
    numeral after the first word is a number (``Bicentenario XVI`` = 16).

    Example:
        >>> [u.text for u in parse_org("جهاز مكافحة الإرهاب").units] == (
        ...     ["service", "counter terrorism"] if _org_words()[0] else ["جهاز", "مكافحه", "ارهاب"])
        True
        >>> parse_org("ANGLO-CARIBBEAN CO., LTD.").legal
        ('co', 'ltd')
        >>> parse_org("Hayat Tahrir al-Sham (HTS)").acronyms
        ('hts',)
        >>> [u.text for u in parse_org("BICENTENARIO XVI").units]
        ['bicentenario', '16']
    """
    text, acronyms = _paren_acronyms(raw)
    toks, origins = _surface_tokens(text)
    toks = _numerals(_drop_joined_wa(toks))
    translated = {k: w for k, w in origins if w}
    words: list[tuple[str, str]] = []
    units: list[Unit] = []
    legal: list[str] = []
    i = 0
    while i < len(toks):
        i += _take_token(toks, i, words, units, legal, origins[i:])
    if not units and legal:  # a name made only of legal-form words keeps them
        units = [
            Unit(w, False, "latin" if w.isascii() else "arabic", 0.5, fold(w), False, w)
            for w in legal
        ]
    row = _org_aliases().get(_alias_key(raw)) or _org_aliases().get(_alias_key(text))
    written = _written_words(words, origins, translated)
    return OrgName(raw, tuple(units), tuple(words), tuple(legal), row, acronyms, written)


def _written_words(
    words: list[tuple[str, str]],
    origins: list[tuple[int, str]],
    translated: dict[int, str],
) -> tuple[tuple[str, str], ...]:
    """The name's words as written: each translated word once, in place of the English
    words it became, with their kind (content if any of them is); empty when no word
    was translated.

    Example:
        >>> n = parse_org("HARAKAT AL-MUQAWAMA")
        >>> n.words, n.written
        ((('movement', 'content'), ('al', 'stop'), ('resistance', 'content')), (('harakat', 'content'), ('al', 'stop'), ('muqawama', 'content')))
    """
    if not translated or len(words) != len(origins):
        return ()
    out: list[tuple[str, str]] = []
    last = -1
    for (word, kind), (k, as_written) in zip(words, origins, strict=True):
        if k not in translated:
            out.append((word, kind))
        elif k != last:
            out.append((as_written, kind))
        elif kind == "content":
            out[-1] = (as_written, "content")
        last = k
    return tuple(out)


_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z.&]{1,11})\s*\)")
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")


def _paren_acronyms(raw: str) -> tuple[str, tuple[str, ...]]:
    """The name without parenthesised acronyms of the words before them, and those acronyms."""
    found: list[str] = []

    def drop(m: re.Match[str]) -> str:
        acr = m.group(1).replace(".", "")
        if not acr.isupper() or not acr.isalpha():
            return m.group(0)
        before = parse_org(raw[: m.start()].strip()) if raw[: m.start()].strip() else None
        for read in (before.words, before.written) if before else ():
            words = tuple(
                (w, "stop" if w in lexicon.latin_articles() else k) for w, k in read if w.isascii()
            )
            if len(words) >= 2 and _spells(acr.lower(), words) is not None:
                found.append(acr.lower())
                return " "
        return m.group(0)

    text = _PAREN.sub(drop, raw) if "(" in raw else raw
    return (" ".join(text.split()) if found else raw), tuple(found)


def _numerals(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Roman numerals after the first word as numbers (``XVI`` -> ``16``); a numeral that
    is also a word (``numeral_word_latn``: ``I``, Slavic *and*, Scandinavian *in*) only at
    the end of the name or before a legal form or a number (``SILVIA I``, ``ORION I LTD``),
    not before another word (``PROMET I USLUGE``).

    Example:
        >>> _numerals([("silvia", True), ("i", True)]), _numerals([("promet", True), ("i", True), ("usluge", True)])
        ([('silvia', True), ('1', False)], [('promet', True), ('i', True), ('usluge', True)])
    """
    out = list(toks[:1])
    for k in range(1, len(toks)):
        tok, caps = toks[k]
        if _ROMAN.match(tok) and not _numeral_word(tok, toks[k + 1 : k + 2]):
            out.append((str(_roman_value(tok)), False))
        else:
            out.append((tok, caps))
    return out


def _numeral_word(tok: str, following: list[tuple[str, bool]]) -> bool:
    """Whether a Roman numeral is the word it also is (:func:`_numerals`): followed by a
    word that is no legal form and no number."""
    if tok not in word_set("numeral_word_latn") or not following:
        return False
    nxt = following[0][0]
    return not (nxt in word_set("legal_latn") or nxt.isdigit() or _ROMAN.match(nxt))


#: The last digit of a number: what a tens word may be followed by (``forty four``).
_UNITS_DIGIT_MAX = 9


def _read_numbers(name: OrgName, other: OrgName) -> OrgName:
    """The name with its number words read as numbers (``number_words.tsv``: ``Forty-Four``
    and ``Forty 4`` -> ``44``, ``Three`` -> ``3``) where the other name holds a number in
    digits; otherwise the name as it is (``One Vision`` / ``One World`` keep their words).

    Example:
        >>> a, b = parse_org("Orion Brigade Forty-Four"), parse_org("Orion Brigade 44")
        >>> [u.text for u in _read_numbers(a, b).units]
        ['orion', 'brigade', '44']
        >>> [u.text for u in _read_numbers(a, parse_org("Orion Brigade")).units]
        ['orion', 'brigade', 'forty', 'four']
    """
    words = lexicon.number_words()
    if not any(u.text.isdigit() for u in other.units) or not any(
        u.text in words for u in name.units
    ):
        return name
    out: list[Unit] = []
    units = name.units
    i = 0
    while i < len(units):
        u = units[i]
        value = words.get(u.text)  # a concept too: the ordinal First (1st, أول)
        if value is None:
            out.append(u)
            i += 1
            continue
        taken = [u]
        nxt = units[i + 1] if i + 1 < len(units) else None
        if value > _UNITS_DIGIT_MAX and value % 10 == 0 and nxt is not None:
            low = int(nxt.text) if nxt.text.isdigit() else words.get(nxt.text)
            if low is not None and 0 < low <= _UNITS_DIGIT_MAX:
                value += low
                taken.append(nxt)
        text = str(value)
        surface = " ".join(t.surface for t in taken)
        out.append(Unit(text, False, "latin", _word_weight(text, False), text, False, surface))
        i += len(taken)
    return replace(name, units=tuple(out))


def _roman_value(tok: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for k, ch in enumerate(tok):
        v = values[ch]
        total += -v if k + 1 < len(tok) and values[tok[k + 1]] > v else v
    return total


def _drop_joined_wa(toks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The conjunction و is written joined to the next word ("ومكافحة", and countering):
    drop it where the word without it is a dictionary word and the word with it is not."""
    phrases = _org_words()[0]
    return [
        (t[1:], c)
        if t.startswith("و")
        and len(t) >= 4
        and (_strip_article(t),) not in phrases
        and (_strip_article(t[1:]),) in phrases
        else (t, c)
        for t, c in toks
    ]


#: The Arabic preposition ل ("for", "of") joined to the noun it governs, without the
#: article (لحقوق الإنسان "for human rights", لشؤون اللاجئين "for refugee affairs"); the
#: fewest letters of the noun it is read off.
_JOINED_LAM, _JOINED_LAM_NOUN_MIN = "ل", 3


def _dictionary_phrase(toks: list[tuple[str, bool]], i: int) -> tuple[int, str] | None:
    """The longest org-word phrase starting at ``i``: (tokens, concept). An Arabic word
    that the preposition ل opens is also read without it where the rest opens a phrase
    (لحقوق الانسان -> human rights; لجنة stays committee, the whole word being listed).

    Example:
        >>> toks = [("لحقوق", False), ("الانسان", False)]
        >>> _dictionary_phrase(toks, 0) == ((2, "human rights") if _org_words()[0] else None)
        True
    """
    found = _phrase_at(toks, i)
    tok, caps = toks[i]
    if (
        found is None
        and not tok.isascii()
        and tok.startswith(_JOINED_LAM)
        and not tok.startswith(_JOINED_LAM * 2)
        and len(tok) > len(_JOINED_LAM) + _JOINED_LAM_NOUN_MIN - 1
    ):
        found = _phrase_at([(tok[len(_JOINED_LAM) :], caps), *toks[i + 1 :]], 0)
    return found


def _phrase_at(toks: list[tuple[str, bool]], i: int) -> tuple[int, str] | None:
    """The longest org-word phrase of ``toks`` starting at ``i``, read as written."""
    phrases, _, longest = _org_words()
    tok, caps = toks[i]
    for k in range(min(longest, len(toks) - i), 0, -1):
        key = tuple(_strip_article(t) if not t.isascii() else t for t, _ in toks[i : i + k])
        concept = phrases.get(key)
        if concept is not None and not (k == 1 and caps and len(tok) <= 5 and concept != tok):
            return k, concept
    return None


def _take_token(
    toks: list[tuple[str, bool]],
    i: int,
    words: list[tuple[str, str]],
    units: list[Unit],
    legal: list[str],
    source: Sequence[tuple[int, str]] = (),
) -> int:
    """Classify the token(s) at ``i`` (phrase, legal form, stop word or content word).

    Appends to ``words``, ``units`` and ``legal``; returns how many tokens it took.
    ``source``: from the token at ``i`` on, the word each token came from (its position
    and, for a translated word, the word as written, else ``""``): a unit made of the
    tokens of one translated word keeps that word (``Unit.written``).
    """
    tok, caps = toks[i]
    is_ar = not tok.isascii()
    script = "arabic" if is_ar else "latin"
    bare = _strip_article(tok) if is_ar else tok
    found = _dictionary_phrase(toks, i)
    if found is not None:
        k, concept = found
        written = source[0][1] if len({p for p, _ in source[:k]}) == 1 else ""
        words.extend((t, "content") for t, _ in toks[i : i + k])
        surface = " ".join(t for t, _ in toks[i : i + k])
        weight = _word_weight(concept, True)
        units.append(
            Unit(
                concept,
                True,
                script,
                weight,
                fold(concept.replace(" ", "")),
                False,
                surface,
                written,
            )
        )
        return k
    phrase = _legal_phrase(toks, i)
    if phrase:
        for t, _ in toks[i : i + phrase]:
            legal.append(t)
            words.append((t, "legal"))
        return phrase
    if (bare in word_set("legal_ar") if is_ar else tok in word_set("legal_latn")) and not (
        i == 0 and len(toks) > 1 and tok in ("co",)
    ):
        legal.append(bare)
        words.append((bare, "legal"))
        return 1
    if (bare in word_set("org_stop_ar") if is_ar else tok in word_set("org_stop_latn")) or (
        len(bare) < 2 and not bare.isdigit()
    ):
        words.append((bare, "stop"))
        return 1
    words.append((bare, "content"))
    written = source[0][1] if source else ""
    units.append(
        Unit(bare, False, script, _word_weight(bare, False), fold(bare), caps, tok, written)
    )
    return 1


@lru_cache(maxsize=262144)
def _unit_sim(x: Unit, y: Unit) -> float:
    if x.concept and y.concept:
        return 1.0 if x.text == y.text else 0.0
    if x.text == y.text or _reads_as(x, y) or _reads_as(y, x):
        return 1.0
    if x.text.isdigit() or y.text.isdigit():
        return 0.0
    for a, b in ((x, y), (y, x)):
        if a.written and not a.concept and not b.written and not b.concept:
            # a translated word that the table reads as a plain English word, against a
            # word the table does not list: also compare the word as written
            plain = _as_written(a)
            if plain is not None:
                return max(_unit_sim(plain, b), _unit_sim(replace(a, written=""), b))
    if x.concept or y.concept:
        # A one-word dictionary word against a word the table does not list: compare the
        # word as written (MUJAHIDIN or المجاهدين, a concept, / MUJAHEDEEN, a spelling
        # the table lacks).
        plain = _as_written(x if x.concept else y)
        if plain is None:
            return 0.0
        other = y if x.concept else x
        if plain.script == "latin" and other.script == "latin":
            return _latin_sim(plain.text, plain.fold, other.text, other.fold, by_skeleton=False)
        return _unit_sim(plain, other)
    if x.script == "latin" and y.script == "latin":
        if _place_adjective(x.text, y.text) or _place_adjective(y.text, x.text):
            return 1.0
        # The skeleton is read for rare words only (transliterated names): common words
        # of one skeleton are different words (EAST / SOUTH).
        rare = min(x.weight, y.weight) >= _DISTINCTIVE
        return _latin_sim(x.text, x.fold, y.text, y.fold, by_skeleton=rare)
    if x.script == "arabic" and y.script == "arabic":
        return Indel.normalized_similarity(x.text, y.text)
    try:
        sim = _cross_script_sim(x.text, y.text)
    except Exception:
        return 0.0
    # token_similarity is calibrated for names: 0.9 is a confident transliteration.
    return min(1.0, sim + 0.05) if sim >= 0.85 else sim


#: Alif maqsura, which :func:`nasab.text.normalize` writes as another letter.
_MAQSURA = "\u0649"


def _cross_script_sim(a: str, b: str) -> float:
    """:func:`nasab.match.prepared.token_similarity` of a normalised Arabic word and a Latin
    word (either order). Normalisation writes a final alif maqsura as ي, which reads as a
    consonant (الأقصى -> اقصي, read Akassi); a word that ends in ي is read both ways, as
    it may have been written (اقصى, Aqsa).

    Example:
        >>> round(_cross_script_sim("اقصي", "aqsa"), 2), round(_cross_script_sim("aqsa", "اقصي"), 2)
        (0.98, 0.98)
        >>> round(_cross_script_sim("خيري", "khairi"), 2) == round(token_similarity("خيري", "khairi"), 2)
        True
    """
    sim = token_similarity(a, b)
    ya = normalize(_MAQSURA)
    for i, word in ((0, a), (1, b)):
        if len(word) > 2 and word.endswith(ya) and not word.isascii():
            written = word[:-1] + _MAQSURA
            sim = max(sim, token_similarity(written, b) if i == 0 else token_similarity(a, written))
    return sim


def _place_adjective(adjective: str, noun: str) -> bool:
    """Whether a Latin word is a Russian or Ukrainian adjective made of the other, a place
    (``YALTINSKAYA`` of ``YALTA``, ``GRODNENSKOYE`` of ``GRODNO``, ``AZOVSKY`` of ``AZOV``):
    the adjective's stem (:func:`_adjective`: ``-sk-`` and an ending dropped, and an ``-in-``
    / ``-en-`` before them) is the noun without its final vowels, of
    :data:`_ADJECTIVE_STEM_MIN` letters or more.

    Example:
        >>> _place_adjective("yaltinskaya", "yalta"), _place_adjective("dolgoprudnenskoye", "dolgoprudny")
        (True, True)
        >>> _place_adjective("krasnodarskiy", "krasnodar"), _place_adjective("tomskiy", "tomsk")
        (True, True)
        >>> _place_adjective("russkiy", "rus"), _place_adjective("yalta", "yaltinskaya")
        (False, False)
    """
    m = _adjective().match(adjective)
    if m is None or len(noun) < _ADJECTIVE_STEM_MIN or not noun.isalpha():
        return False
    base = m.group(1)
    stems = {base, base + "sk", _ADJECTIVE_INFIX.sub("", base)}
    return bool(
        {noun, _FINAL_VOWELS.sub("", noun)} & {s for s in stems if len(s) >= _ADJECTIVE_STEM_MIN}
    )


@cache
def _adjective() -> re.Pattern[str]:
    """A Russian or Ukrainian adjective, romanised (:func:`_place_adjective`): a stem, ``-sk-``
    and a case ending of ``adjective_ending_ru_latn`` (``words.tsv``: ``-aya``, ``-iy``,
    ``-oye``, ``-ogo``...); group 1 is the stem.

    Example:
        >>> _adjective().match("yaltinskaya").group(1), _adjective().match("yalta")
        ('yaltin', None)
    """
    endings = "|".join(re.escape(e) for e in word_list("adjective_ending_ru_latn"))
    return re.compile(rf"^([a-z]+?)sk(?:{endings})$")


def _reads_as(word: Unit, concept: Unit) -> bool:
    """Whether a Latin word that was not read as a dictionary word (a short capitalised
    word may be an acronym: ``EAST``) is, in lower case, a spelling of the dictionary word
    ``concept`` (``east`` of ``eastern``)."""
    if word.concept or not concept.concept or word.script != "latin":
        return False
    return _org_words()[0].get((word.text,)) == concept.text


def _as_written(u: Unit) -> Unit | None:
    """A one-word concept unit, or a translated word, as the plain word it was written
    as (a translated word: the foreign word); None for a phrase.

    Example:
        >>> _as_written(parse_org("MUJAHIDIN").units[0]).text
        'mujahidin'
        >>> _as_written(parse_org("SHERKAT ORION").units[0]).text
        'sherkat'
    """
    if u.written:
        return Unit(u.written, False, "latin", u.weight, fold(u.written), u.caps, u.written)
    if " " in u.surface:
        return None
    text = u.surface if u.script == "latin" else _strip_article(u.surface)
    return Unit(text, False, u.script, u.weight, fold(text), u.caps, u.surface)


def _latin_sim(a: str, a_fold: str, b: str, b_fold: str, *, by_skeleton: bool = True) -> float:
    """Spelling similarity of two Latin words (normalised, and their spelling folds).

    Codes and short words are compared as written, longer words by their folds; two
    words of the same consonant skeleton (:func:`nasab.names.keys.skeleton`, at least
    :data:`_SKELETON_MIN` consonants) whose letters differ more than the folds can say
    are transliterations of one word (``OMQY`` / ``OMGY``, ``TAMOULE`` / ``TAMIL``) and
    agree :data:`_SKELETON_SIM`; so do two such words that the name-token similarity
    reads as one name (:data:`_TRANSLIT_SIM`: ``GHESHM`` / ``QESHM``, ``ELYA`` / ``ILYA``).

    Example:
        >>> _latin_sim("omqy", "umki", "omgy", "umgi") >= _ALIGN_FLOOR
        True
        >>> _latin_sim("gheshm", "Gi$m", "qeshm", "ki$m") >= _ALIGN_FLOOR
        True
        >>> _latin_sim("elya", "ilia", "ilya", "ilia") >= _ALIGN_FLOOR
        True
        >>> _latin_sim("kbt", "kbt", "kvt", "kvt") < _ALIGN_FLOOR
        True
    """
    short = min(len(a), len(b)) <= 4
    xs, ys = (a, b) if short else (a_fold, b_fold)
    sim = max(
        Indel.normalized_similarity(p, q)
        for p in _article_readings(xs)
        for q in _article_readings(ys)
    )
    if by_skeleton and sim < _TYPO_SIM and _one_typo(a, b):
        return _TYPO_SIM
    if (
        not by_skeleton
        or sim >= _SKELETON_SIM
        or min(len(a), len(b)) < _SKELETON_WORD_MIN
        or not (a.isalpha() and b.isalpha())
        or bool({a, a_fold} & _place_words()) != bool({b, b_fold} & _place_words())
    ):
        # Places have their spellings listed: a place against a word that is none is
        # another word of that skeleton (ARIAN / IRAN); IRAN / IRANIAN are both listed.
        return sim
    ka = {skeleton(w) for w in _article_readings(a)}
    kb = {skeleton(w) for w in _article_readings(b)}
    if any(len(k) >= _SKELETON_MIN for k in ka & kb):
        return _SKELETON_SIM
    if sim >= _TRANSLIT_SPELLING_MIN and token_similarity(a, b) >= _TRANSLIT_SIM:
        return _SKELETON_SIM
    return sim


def _one_typo(a: str, b: str) -> bool:
    """Whether two long Latin words are one typing slip apart: one letter changed, added or
    dropped (:data:`_TYPO_WORD_MIN` letters or more, neither a listed word or place).

    Not a slip: a change at the last letter (an ending: ``FORTUNE`` / ``FORTUNA``), or a
    vowel changed (transliterations spell vowels freely, ``SANABIL`` / ``SANABEL``, and
    :func:`_latin_sim`'s skeleton reads those that are one word).

    Example:
        >>> _one_typo("zarkonia", "zarponia"), _one_typo("zarkonia", "zarkonie")
        (True, False)
        >>> _one_typo("zarkonia", "zurkonia"), _one_typo("zarkonia", "zarkkonia")
        (False, True)
    """
    if min(len(a), len(b)) < _TYPO_WORD_MIN or not (a.isalpha() and b.isalpha()):
        return False
    if Levenshtein.distance(a, b, score_cutoff=1) != 1:
        return False
    if a[:-1] == b[:-1] or a[:-1] == b or b[:-1] == a:
        return False
    if len(a) == len(b):
        x, y = next((p, q) for p, q in zip(a, b, strict=True) if p != q)
        if x in LATIN_VOWELS or y in LATIN_VOWELS:
            return False
    listed = _listed_words()
    return a not in listed and b not in listed


@cache
def _listed_words() -> frozenset[str]:
    """One-word entries of the organisation word tables and places (normalised)."""
    words = {p[0] for p in _org_words()[0] if len(p) == 1}
    words |= _place_words()
    words |= word_set("org_generic_en")
    return frozenset(words)


def _article_readings(word: str) -> tuple[str, ...]:
    """A Latin word, and the word without a joined Arabic article (``alharamein`` ->
    ``haramein``; ``AL-HARAMEIN`` is also written ``ALHARAMEIN``)."""
    if len(word) >= _JOINED_ARTICLE_MIN and word[:2] in ("al", "el"):
        return (word, word[2:])
    return (word,)


def _agree(sim: float) -> float:
    return max(0.0, min(1.0, (sim - _ALIGN_FLOOR) / (_ALIGN_FULL - _ALIGN_FLOOR)))


def _acronym_pieces(acr: str, words: list[tuple[str, str]], syllabic: bool) -> int:
    """Content words covered if ``acr`` spells a contiguous run of ``words``, else 0.

    Each content word of the run must contribute its initial (or, if ``syllabic``, a
    prefix of up to four letters); stop words and legal forms may contribute or be
    skipped. The run must start with a content word and cover two or more of them.
    """
    acr = acr.lower()
    limit = 4 if syllabic else 1

    def spell(run: tuple[tuple[str, str], ...]) -> int:
        memo: dict[tuple[int, int], int] = {}

        def go(pos: int, idx: int) -> int:
            got = memo.get((pos, idx))
            if got is not None:
                return got
            if idx == len(run):
                return 0 if pos == len(acr) else -1
            word, kind = run[idx]
            out = go(pos, idx + 1) if kind != "content" else -1
            for k in range(1, min(limit, len(word), len(acr) - pos) + 1):
                if acr[pos : pos + k] != word[:k]:
                    break
                r = go(pos + k, idx + 1)
                if r >= 0:
                    out = max(out, r + (kind == "content"))
            memo[(pos, idx)] = out
            return out

        return go(0, 0)

    # The run is the whole name without leading non-content words and trailing stop
    # words; a trailing legal form may give its initial (ZMDC = Zambezi Mining
    # Development Corp.) or be skipped.
    content = [k for k, (_, kind) in enumerate(words) if kind == "content"]
    if not content:
        return 0
    end = content[-1] + 1
    while end < len(words) and words[end][1] == "legal":
        end += 1
    run = tuple(words[content[0] : end])
    got = spell(run)
    return got if got >= (3 if syllabic else 2) else 0


def _acronym_match(x: OrgName, y: OrgName) -> tuple[Unit, float, str] | None:
    """A capitalised word of ``x`` that spells the words of ``y``, as read or, where ``y``
    translates a word, as written (``HTS``, ``HAYAT TAHRIR AL-SHAM``): (unit, agreement,
    how)."""
    hit = _acronym_of(x, y.words)
    if hit is None and y.written:
        hit = _acronym_of(x, y.written)
    return hit


def _acronym_of(x: OrgName, words: tuple[tuple[str, str], ...]) -> tuple[Unit, float, str] | None:
    """A capitalised word of ``x`` that spells ``words``: (unit, agreement, how)."""
    if len(x.units) > 2:
        return None
    ywords = tuple((w, k) for w, k in words if w.isascii())
    content = [w for w, k in ywords if k == "content"]
    if len(content) < 2:
        return None
    top = max(v.weight for v in x.units)
    marks = {m.lower() for m in _REGISTRATION.findall(x.raw)}
    for u in x.units:
        if not u.caps or u.concept or not u.text.isalpha() or not 2 <= len(u.text) <= 10:
            continue
        if u.weight < top or len(u.text) > sum(len(w) for w, _ in ywords) or u.text in marks:
            continue
        how = _spells(u.text, ywords)
        if how is not None:
            agree = _ACRONYM_AGREE if how == "initials" else _SYLLABIC_AGREE
            if len(u.text) <= _SHORT_ACRONYM:
                agree = min(agree, _SHORT_ACRONYM_AGREE)
            return u, agree, how
    return None


@lru_cache(maxsize=65536)
def _spells(acr: str, words: tuple[tuple[str, str], ...]) -> str | None:
    if not any(w[0] == acr[0] for w, k in words if k == "content"):
        return None
    if _acronym_pieces(acr, list(words), syllabic=False):
        return "initials"
    if len(acr) >= 3 and _acronym_pieces(acr, list(words), syllabic=True):
        return "syllables"
    if len(acr) >= _BLEND_MIN and _blend_pieces(acr, words):
        return "blend"
    return None


@lru_cache(maxsize=65536)
def _blend_pieces(word: str, words: tuple[tuple[str, str], ...]) -> int:
    """Content words of ``words`` (a name's words with their kinds, :attr:`OrgName.words`)
    whose leading letters, joined in order, spell ``word`` (a *blend*): at least
    ``_BLEND_PIECE`` letters of each content word and ``_BLEND_LAST`` of the last one (or
    all of a shorter word), every content word giving some; stop words and legal forms
    give none. 0 when they do not, or when fewer than two content words do.

    Example:
        >>> _blend_pieces("colcerdos", parse_org("Colombiana de Cerdos Ltda").words)
        2
        >>> _blend_pieces("occipapel", parse_org("Occidental de Papeles").words)
        2
        >>> _blend_pieces("colpapel", parse_org("Occidental de Papeles").words)
        0
    """
    content = [w for w, kind in words if kind == "content"]
    if len(content) < 2 or not all(w.isascii() and w.isalpha() for w in content):
        return 0

    @cache
    def go(pos: int, idx: int) -> bool:
        w = content[idx]
        last = idx == len(content) - 1
        least = min(len(w), _BLEND_LAST if last else _BLEND_PIECE)
        for k in range(least, len(w) + 1):
            if word[pos : pos + k] != w[:k]:
                break
            if last and pos + k == len(word):
                return True
            if not last and pos + k < len(word) and go(pos + k, idx + 1):
                return True
        return False

    return len(content) if go(0, 0) else 0


def _join_runs(xs: list[Unit], ys: list[Unit]) -> list[Unit]:
    """Join adjacent Latin words of ``xs`` that spell one word of ``ys`` (AERO CARIBBEAN),
    a translated word as written (NAFT IRAN, NAFTIRAN: ``naft`` is read as ``oil``)."""
    targets = {
        y.fold: y
        for y in ys
        if y.script == "latin" and not y.concept and len(y.fold) >= _JOINED_WORD_MIN
    }
    if not targets:
        return xs
    out: list[Unit] = []
    i = 0
    while i < len(xs):
        for k in (3, 2):
            run = xs[i : i + k]
            if len(run) == k and all(u.script == "latin" for u in run):
                joined = "".join(fold((u.written or u.surface).replace(" ", "")) for u in run)
                hit = targets.get(joined)
                if hit is None:
                    for t, y in targets.items():
                        if (
                            abs(len(t) - len(joined)) <= 2
                            and Indel.normalized_similarity(t, joined) >= 0.92
                        ):
                            hit = y
                            break
                if hit is not None:
                    surface = "".join(u.written or u.surface for u in run)
                    out.append(
                        Unit(
                            surface,
                            False,
                            "latin",
                            max(u.weight for u in run),
                            joined,
                            False,
                            " ".join(u.surface for u in run),
                        )
                    )
                    i += k
                    break
        else:
            out.append(xs[i])
            i += 1
    return out


def _initials(units: list[Unit]) -> str:
    return "".join(w[0] for u in units for w in u.surface.split() if w)


def _collapse_acronyms(
    xs: list[Unit], ys: list[Unit], least: int = _PART_ACRONYM_MIN
) -> list[Unit]:
    """Join a run of Latin words of ``ys`` whose initials a capitalised word of ``xs`` spells.

    An acronym often stands for a part of a name that the other name writes out
    (``IRGC Missile Command`` / ``Islamic Revolutionary Guard Corps Missile Command``,
    ``NITC Sharjah``): the run becomes one unit that aligns with the acronym. Only
    acronyms of at least ``least`` letters (:data:`_PART_ACRONYM_MIN`), spelled exactly by the run's
    initials, and not written out as a word in ``ys``.

    Example:
        >>> xs = list(parse_org("IRGC Missile Command").units)
        >>> ys = list(parse_org("Islamic Revolutionary Guard Corps Missile Command").units)
        >>> [u.text for u in _collapse_acronyms(xs, ys)][0]
        'irgc'
    """
    acrs = {
        u.text: u
        for u in xs
        if u.caps
        and not u.concept
        and u.text.isascii()
        and u.text.isalpha()
        and least <= len(u.text) <= _PART_ACRONYM_MAX
    }
    if not acrs or any(y.fold in {a.fold for a in acrs.values()} for y in ys):
        return ys
    out: list[Unit] = []
    i = 0
    while i < len(ys):
        for k in range(min(len(ys) - i, _PART_ACRONYM_MAX), 1, -1):
            run = ys[i : i + k]
            if not all(u.script == "latin" for u in run):
                continue
            hit = acrs.get(_initials(run))
            if hit is not None:
                surface = " ".join(u.surface for u in run)
                out.append(
                    Unit(
                        hit.text,
                        False,
                        "latin",
                        max(u.weight for u in run),
                        hit.fold,
                        False,
                        surface,
                    )
                )
                i += k
                break
        else:
            out.append(ys[i])
            i += 1
    return out


def _align(xs: list[Unit], ys: list[Unit]) -> list[tuple[int, int, float]]:
    cands = []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            s = _unit_sim(x, y)
            if s >= _ALIGN_FLOOR:
                cands.append((-s, -(x.weight + y.weight), abs(i - j), i, j, s))
    cands.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for *_, i, j, s in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, s))
    return out


def _acronym_score(
    na: OrgName, nb: OrgName, xs: list[Unit], ys: list[Unit], notes: list[str]
) -> tuple[float, dict[str, float], list[str]] | None:
    """The score of two names when a capitalised word of one spells the words of the other
    (``xs`` / ``ys``: their units after joins and collapsed acronyms), else ``None``.

    The acronym stands for the other name's content words; other words on the acronym's
    side are unmatched and cost their weight.
    """
    for first, second, flip in ((na, nb, False), (nb, na, True)):
        hit = _acronym_match(first, second)
        if hit is None:
            continue
        unit, agree, how = hit
        own, other = (ys, xs) if flip else (xs, ys)
        if unit in own:
            missing = sum(v.weight for v in own if v is not unit)
            evidence = agree * unit.weight
            score = evidence / (unit.weight + missing)
            notes.append(f"acronym: {unit.surface!r} spells the {how} of {second.raw!r}")
            features = {
                "acronym": agree,
                "evidence": evidence,
                "missing": missing,
                "weight_a": sum(v.weight for v in own),
                "weight_b": sum(v.weight for v in other),
            }
            if how == "blend":
                features["blend"] = 1.0
            return score, features, notes
    return None


def _score(na: OrgName, nb: OrgName) -> tuple[float, dict[str, float], list[str]]:
    notes: list[str] = []
    xs, ys = list(na.units), list(nb.units)
    xs = _join_runs(xs, ys)
    ys = _join_runs(ys, xs)
    joined = (xs, ys)
    ys = _collapse_acronyms(xs, ys)
    xs = _collapse_acronyms(ys, xs)
    spelled = _acronym_score(na, nb, xs, ys, notes)
    if spelled is not None and not spelled[1].get("blend"):
        return spelled
    aligned = _aligned_score(na, nb, xs, ys, [] if spelled else notes)
    if spelled is not None and spelled[0] >= aligned[0]:
        return spelled
    short = _short_forms_score(na, nb, *joined)
    if short is not None and short[0] > aligned[0]:
        return short
    return aligned


def _short_forms_score(
    na: OrgName, nb: OrgName, xs: list[Unit], ys: list[Unit]
) -> tuple[float, dict[str, float], list[str]] | None:
    """The score of two names read with their short forms, where then every word of both
    names aligns, else ``None`` (``xs`` / ``ys``: their units after joins, before acronyms
    are collapsed).

    Short forms: an acronym of two or three capitals that spells a run of the other name's
    words (``MB Bank`` / ``Mir Business Bank``, ``PFLP-GC`` / ``Popular Front for the
    Liberation of Palestine - General Command``), and an abbreviation of three letters
    (``ZOO Joya Grande`` / ``Zoologico Joya Grande``, ``Hesco Eng & Con. Co`` / ``Hesco
    Engineering & Construction Co``). So few letters spell or begin some word of many names
    by chance, so a word left unmatched on either side (``NPC International Company`` /
    ``National Petrochemical Company``, ``Iran Air`` / ``Iran Aircraft Industries``), or
    nothing else to align, leaves the names as they were.

    Example:
        >>> a, b = parse_org("MB Bank"), parse_org("Mir Business Bank")
        >>> round(_short_forms_score(a, b, list(a.units), list(b.units))[0], 2)
        1.0
        >>> c = parse_org("MB International Bank")
        >>> _short_forms_score(c, b, list(c.units), list(b.units)) is None
        True
        >>> d, e = parse_org("Zoo Joya Grande"), parse_org("Zoologico Joya Grande")
        >>> round(_short_forms_score(d, e, list(d.units), list(e.units))[0], 2)
        0.91
    """
    if not any(_short_form(u) for u in (*xs, *ys)):
        return None
    short_ys = _collapse_acronyms(xs, ys, _SHORT_PART_ACRONYM_MIN)
    short_xs = _collapse_acronyms(short_ys, xs, _SHORT_PART_ACRONYM_MIN)
    if min(len(short_xs), len(short_ys)) < 2:
        return None
    _, _, _, left_a, left_b = _score_units(short_xs, short_ys, [], _SHORT_ABBREVIATION_MIN)
    if left_a or left_b:
        return None
    runs = [
        u
        for u in (*short_xs, *short_ys)
        if u not in xs and u not in ys and len(u.text) < _PART_ACRONYM_MIN
    ]
    notes = [f"acronym: {u.text.upper()!r} spells {u.surface!r} of the other name" for u in runs]
    return _aligned_score(na, nb, short_xs, short_ys, notes, _SHORT_ABBREVIATION_MIN)


def _short_form(u: Unit) -> bool:
    """Whether a unit may be a short form that only :func:`_short_forms_score` reads: a
    word of two or three capitals (an acronym) or a Latin word of three letters."""
    text = _plain_word(u) or u.text
    return (u.caps and len(u.text) < _PART_ACRONYM_MIN) or len(text) == _SHORT_ABBREVIATION_MIN


def _aligned_score(
    na: OrgName,
    nb: OrgName,
    xs: list[Unit],
    ys: list[Unit],
    notes: list[str],
    least: int = _ABBREVIATION_MIN,
) -> tuple[float, dict[str, float], list[str]]:
    """The score of two names by their aligned words (``xs`` / ``ys``: their units after
    joins and collapsed acronyms; ``least``: the fewest letters of an abbreviation), with
    the conflicts that lower it (:func:`_score`)."""
    acronym = 0.0
    evidence, wa, wb, left_a, left_b = _score_units(xs, ys, notes, least)
    total = wa + wb
    score = 2 * evidence / total if total > 0 else 0.0
    features = {"evidence": evidence, "weight_a": wa, "weight_b": wb, "acronym": acronym}
    own_a = [u.surface for u in left_a if _distinctive(u)]
    own_b = [u.surface for u in left_b if _distinctive(u)]
    if own_a and own_b and evidence <= 0:
        # Nothing in common: no evidence either way (aliases of one body may be a
        # translation, a transliteration and a nickname), so no conflict to cannot-link.
        notes.append(f"no word in common ({own_a} vs {own_b})")
    elif own_a and own_b:
        shared = min(
            sum(u.weight for u in xs if u not in left_a and _distinctive(u)),
            sum(u.weight for u in ys if u not in left_b and _distinctive(u)),
        )
        own = max(
            sum(u.weight for u in left_a if _distinctive(u)),
            sum(u.weight for u in left_b if _distinctive(u)),
        )
        # Names that share much more distinctive weight than they differ in (two words
        # or more: CABANAS LA LOMA EN RENTA / CABANAS LA LOMA TAPALPA) differ less.
        soft = shared >= _SHARED_DISTINCTIVE and shared >= _SHARED_RATIO * own
        score *= _WORD_CONFLICT_SHARED if soft else _WORD_CONFLICT
        features["conflict"] = 1.0
        notes.append(f"conflict: distinctive words differ ({own_a} vs {own_b})")
    elif _generic_left(left_a) and _generic_left(left_b) and _form_only(left_a, left_b):
        notes.append(
            f"form words differ, no conflict ({_generic_left(left_a)} vs {_generic_left(left_b)})"
        )
    elif _generic_left(left_a) and _generic_left(left_b):
        score *= _GENERIC_CONFLICT
        features["conflict"] = 0.5
        notes.append(
            f"conflict: each name keeps a generic word the other lacks "
            f"({_generic_left(left_a)} vs {_generic_left(left_b)})"
        )
    elif _distinctive_against_generic(left_a, left_b) or _distinctive_against_generic(
        left_b, left_a
    ):
        score *= _GENERIC_CONFLICT
        features["conflict"] = 0.5
        notes.append(
            f"conflict: one name keeps a distinctive word where the other keeps generic words "
            f"({[u.surface for u in left_a]} vs {[u.surface for u in left_b]})"
        )
    elif _placed_company(na, nb, left_a, left_b):
        score *= _PLACED_COMPANY
        features["conflict"] = 0.5
        notes.append(
            f"conflict: a company of the group in a place "
            f"({[u.surface for u in left_a or left_b]}), not another name of it"
        )
    elif (len(xs) == 1 and own_b and not left_a) or (len(ys) == 1 and own_a and not left_b):
        score *= _WEAK_ORG
        features["weak"] = _WEAK_ORG
        notes.append("weak name: one word, which the other name qualifies with a distinctive word")
    return score, features, notes


def _placed_company(na: OrgName, nb: OrgName, left_a: list[Unit], left_b: list[Unit]) -> bool:
    """Whether one name adds only places to the other's words (``left_a`` / ``left_b``: the
    words each keeps unmatched) and, holding a legal form, names a company.

    ``Orion UK Ltd`` / ``Orion Ltd``: the group's company registered in the UK, not another
    name of the group's parent; a name with no legal form that adds a place (``Orion
    Brigades Iraq`` / ``Orion Brigades``) may be one body's longer name.

    Example:
        >>> a, b = parse_org("Orion UK Ltd"), parse_org("Orion Ltd")
        >>> _placed_company(a, b, [a.units[1]], []), _placed_company(b, a, [], [a.units[1]])
        (True, True)
        >>> c = parse_org("Orion Brigades Iraq")
        >>> _placed_company(c, parse_org("Orion Brigades"), [c.units[2]], [])
        False
    """
    if bool(left_a) == bool(left_b):
        return False
    extra, longer = (left_a, na) if left_a else (left_b, nb)
    return bool(longer.legal) and all(_is_place(u) for u in extra)


def _distinctive_against_generic(left: list[Unit], other: list[Unit]) -> bool:
    """Whether one name keeps a distinctive word where the other keeps only generic words.

    ``Kenya Mining Development Corp`` / ``National Industries and Mining Development
    Company``: the place (or any rare word) and the generic words qualify the shared words
    differently, so the two are as far apart as two names each keeping a generic word the
    other lacks. A name that keeps nothing of its own is no such case (``Mining
    Development Corp`` is a shorter form).
    """
    return (
        any(_distinctive(u) for u in left)
        and bool(_generic_left(other))
        and not any(_distinctive(u) for u in other)
    )


def _form_only(left_a: list[Unit], left_b: list[Unit]) -> bool:
    """Whether the unmatched words of both names all name the form of a body.

    One body is listed as a foundation, a society and an organisation (``Al-Aqsa
    Foundation`` / ``Al-Aqsa Society``): words of ``org_form_en`` that differ say
    nothing against. Words of its business (``Orion Shipping`` / ``Orion Exchange``)
    still conflict.

    Example:
        >>> a, b = parse_org("Al-Aqsa Foundation").units, parse_org("Al-Aqsa Society").units
        >>> _form_only([a[1]], [b[1]])
        True
    """
    forms = word_set("org_form_en")
    return all(u.text in forms or u.fold in forms for u in (*left_a, *left_b))


def _generic_left(units: list[Unit]) -> list[str]:
    """The unmatched words of a name that are generic (not numbers, not distinctive)."""
    return [u.surface for u in units if not u.text.isdigit() and not _distinctive(u)]


def _distinctive(u: Unit) -> bool:
    """A word that tells organisations apart: rare, or a place or nationality (not a number)."""
    if u.text.isdigit():
        return False
    return u.weight >= _DISTINCTIVE or _is_place(u)


def _is_place(u: Unit) -> bool:
    """A one-word place name or a nationality (:func:`_place_words`)."""
    return u.text in _place_words() or u.fold in _place_words()


@cache
def _place_words() -> frozenset[str]:
    """One-word place names (both scripts, normalised, Latin also folded) and nationality concepts."""
    out: set[str] = set()
    for p in lexicon.places():
        for form in (p.en, p.ar, *p.variants_en, *p.variants_ar):
            toks = _phrase(form)
            if len(toks) == 1:
                out.add(toks[0])
                if toks[0].isascii():
                    out.add(fold(toks[0]))
    for entry in lexicon.org_words():
        if entry.kind.strip().lower() == "nationality":
            out.add(" ".join(normalize(entry.en).split()))
    return frozenset(out)


def _abbreviations(
    xs: list[Unit],
    ys: list[Unit],
    alignment: list[tuple[int, int, float]],
    least: int = _ABBREVIATION_MIN,
) -> list[tuple[int, int, float]]:
    """Pairs of words left unaligned where one is the start of the other, an abbreviation
    (``SERV.`` / ``SERVICES``, ``ELEC`` / ``ELECTRONIC``): at least
    :data:`_ABBREVIATION_MIN` letters, and :data:`_ABBREVIATION_CUT` fewer than the word;
    each agrees :data:`_ABBREVIATION_SIM`. In order, each word once; only where other
    words of the two names align (a one-word name is no abbreviation of another).

    Example:
        >>> xs, ys = parse_org("Orion Serv").units, parse_org("Orion Services").units
        >>> _abbreviations(list(xs), list(ys), [(0, 0, 1.0)])
        [(1, 1, 0.9)]
    """
    if not alignment:
        return []
    ai = {i for i, _, _ in alignment}
    bj = {j for _, j, _ in alignment}
    out: list[tuple[int, int, float]] = []
    for i, x in enumerate(xs):
        if i in ai:
            continue
        a = _plain_word(x)
        for j, y in enumerate(ys):
            b = _plain_word(y) if j not in bj else ""
            if a and b and _abbreviates(a, b, least):
                out.append((i, j, _ABBREVIATION_SIM))
                bj.add(j)
                break
    return out


def _plain_word(u: Unit) -> str:
    """A Latin word as written (a dictionary word or translation: its surface), or ``""``."""
    plain = _as_written(u) if u.concept or u.written else u
    if plain is None or plain.script != "latin" or not plain.text.isalpha():
        return ""
    return plain.text


def _abbreviates(a: str, b: str, least: int = _ABBREVIATION_MIN) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short) >= least
        and len(long) - len(short) >= _ABBREVIATION_CUT
        and long.startswith(short)
    )


def _score_units(
    xs: list[Unit], ys: list[Unit], notes: list[str], least: int = _ABBREVIATION_MIN
) -> tuple[float, float, float, list[Unit], list[Unit]]:
    alignment = _align(xs, ys)
    abbreviated = _abbreviations(xs, ys, alignment, least)
    alignment += abbreviated
    evidence = 0.0
    ai = {i for i, _, _ in alignment}
    bj = {j for _, j, _ in alignment}
    for i, j, s in alignment:
        x, y = xs[i], ys[j]
        agree = _agree(s)
        w = 0.5 * (x.weight + y.weight)
        evidence += w * agree
        how = "same concept" if x.concept and y.concept else f"similarity {s:.2f}"
        if (i, j, s) in abbreviated:
            how = "abbreviation"
        notes.append(f"aligned {x.surface!r} ~ {y.surface!r}: {how}, weight {w:.2f}")
    for i, x in enumerate(xs):
        if i not in ai:
            notes.append(f"unmatched {x.surface!r} (weight {x.weight:.2f})")
    for j, y in enumerate(ys):
        if j not in bj:
            notes.append(f"unmatched {y.surface!r} (weight {y.weight:.2f})")
    return (
        evidence,
        sum(x.weight for x in xs),
        sum(y.weight for y in ys),
        [x for i, x in enumerate(xs) if i not in ai],
        [y for j, y in enumerate(ys) if j not in bj],
    )


def compare_orgs(a: str, b: str):  # -> Match (imported lazily to avoid a cycle)
    """Compare two organisation names in Arabic or Latin script.

    Args:
        a: an organisation name.
        b: another organisation name.

    Returns:
        A :class:`nasab.match.compare.Match` with ``kind="organization"`` and
        ``algorithm="nasab-org-v31"``; its score is in [0, 1] and symmetric.

    Example:
        >>> compare_orgs("Iraqi Ministry of Defence", "IRAQI MINISTRY OF DEFENCE").score
        1.0
        >>> compare_orgs("Islamic State", "Islamic Jihad").score < 0.5
        True
    """
    check_name(a, "first name")
    check_name(b, "second name")
    x, y = (a, b) if (a, b) <= (b, a) else (b, a)
    score, features, notes = _compare_org_cached(x, y)
    return Match(a, b, score, dict(features), (), tuple(notes), ALGORITHM, "organization")


@lru_cache(maxsize=65536)
def _compare_org_cached(a: str, b: str) -> tuple[float, dict[str, float], tuple[str, ...]]:
    na, nb = parse_org(a), parse_org(b)
    na, nb = _read_numbers(na, nb), _read_numbers(nb, na)
    if na.alias_row is not None and na.alias_row == nb.alias_row:
        return 1.0, {"alias": 1.0}, (f"known aliases of one organisation (row {na.alias_row})",)
    if normalize(a) == normalize(b):
        return 1.0, {"identical": 1.0}, ("identical after normalisation",)
    for x, y in ((na, nb), (nb, na)):
        if x.acronyms and len(y.units) == 1 and y.units[0].text in x.acronyms:
            note = f"{y.raw!r} is the acronym {x.raw!r} gives in parentheses"
            return _PAREN_ACRONYM, {"acronym": 1.0}, (note,)
    ka = " ".join(u.text for u in na.units)
    kb = " ".join(u.text for u in nb.units)
    if ka and ka == kb:
        notes = ["same words once articles and legal forms are set aside"]
        if na.legal != nb.legal:
            notes.append(f"legal forms differ: {na.legal} vs {nb.legal}")
        return 1.0, {"identical_content": 1.0}, tuple(notes)
    if not na.units or not nb.units:
        return 0.0, {}, ("no content words",)
    score, features, notes = _score(na, nb)
    nums_a, nums_b = _numbers(na), _numbers(nb)
    if bool(nums_a) != bool(nums_b) and "evidence" in features:
        score *= _ONE_NUMBER
        features["conflict"] = max(features.get("conflict", 0.0), 0.5)
        notes = [*notes, f"conflict: a number on one side only ({sorted(nums_a or nums_b)})"]
    if nums_a and nums_b and nums_a != nums_b:
        score *= _NUMBER_FACTOR
        features["conflict"] = 1.5
        notes = [*notes, f"conflict: numbers differ ({sorted(nums_a)} vs {sorted(nums_b)})"]
    if na.alias_row is not None and nb.alias_row is not None and na.alias_row != nb.alias_row:
        score = min(score, _OTHER_ROW_CAP)
        notes.append(f"listed as different organisations (rows {na.alias_row} and {nb.alias_row})")
        features["other_row"] = 1.0
        features["conflict"] = 1.5
    return max(0.0, min(1.0, score)), features, tuple(notes)


def _numbers(name: OrgName) -> set[str]:
    """The numbers of a name: its number words, and the digits inside a word that mixes
    letters and digits (a code: a registration mark ``YV2984``, a vessel ``VALFAJR2``),
    whose digits tell it from the other codes of its series as a number does.

    Example:
        >>> sorted(_numbers(parse_org("Orion YV2984 Bank 3")))
        ['2984', '3']
    """
    out: set[str] = set()
    for u in name.units:
        if u.text.isdigit():
            out.add(u.text)
        elif u.script == "latin" and not u.concept:
            out.update(_DIGITS.findall(u.text))
    return out


@lru_cache(maxsize=65536)
def org_siblings(a: str, b: str) -> tuple[str, str] | None:
    """The word each of two organisation names keeps alone, when the two are *siblings*:
    companies of one group that share every other word (the group's name) and each fill
    one slot of it with a distinctive word of their own (``Orion Kestrel Petrochemical Co``
    / ``Orion Varanto Petrochemical Co``); otherwise ``None``.

    Siblings are two bodies, never one: :func:`nasab.resolve` keeps them apart by a
    cannot-link (``nasab.resolution.stages.cannot_links``), however many aliases of the
    group's parent (``Orion Petrochemical Co``) resemble both. The rule is narrow, for what
    is left may still be one body's aliases:

    * each name keeps exactly one unmatched word, inside the name (shared words before and
      after it: the two fill one slot of the group's name; a word added at either end may
      be a branch, a place or another form of one body's name), rare (distinctive), as written (not a
      dictionary word or a translation: ``Fifth`` / ``Godaime`` may be one word in two
      languages), not a place (branches of one charity are listed as one entry), both in
      one script, and the two no spellings of one word (Latin folds less alike than
      :data:`_SIBLING_UNLIKE`: ``Arya`` / ``Aria``);
    * the words they share weigh at least as much distinctive weight as either keeps;
    * no acronym spells either, and no row of ``organizations.tsv`` lists both.

    Args:
        a: an organisation name.
        b: another organisation name.

    Returns:
        ``(word of a, word of b)`` (normalised), or ``None``.

    Example:
        >>> org_siblings("Orion Kestrel Petrochemical Co", "Orion Varanto Petrochemical Co")
        ('kestrel', 'varanto')
        >>> org_siblings("Orion Petrochemical Co", "Orion Kestrel Petrochemical Co") is None
        True
        >>> org_siblings("Orion Arya Polymer", "Orion Aria Polymer") is None
        True
    """
    na, nb = parse_org(a), parse_org(b)
    if not na.units or not nb.units:
        return None
    if na.alias_row is not None and na.alias_row == nb.alias_row:
        return None
    xs, ys = list(na.units), list(nb.units)
    xs = _join_runs(xs, ys)
    ys = _join_runs(ys, xs)
    ys = _collapse_acronyms(xs, ys)
    xs = _collapse_acronyms(ys, xs)
    if _acronym_score(na, nb, xs, ys, []) is not None:
        return None
    evidence, _, _, left_a, left_b = _score_units(xs, ys, [])
    if evidence <= 0 or len(left_a) != 1 or len(left_b) != 1:
        return None
    x, y = left_a[0], left_b[0]
    if not (0 < xs.index(x) < len(xs) - 1 and 0 < ys.index(y) < len(ys) - 1):
        return None
    if not all(_distinctive(u) and not _is_place(u) for u in (x, y)):
        return None
    if x.concept or y.concept or x.written or y.written or x.script != y.script:
        return None
    if Indel.normalized_similarity(x.fold, y.fold) >= _SIBLING_UNLIKE:
        return None
    shared = min(
        sum(u.weight for u in xs if u is not x and _distinctive(u)),
        sum(u.weight for u in ys if u is not y and _distinctive(u)),
    )
    if shared < max(x.weight, y.weight):
        return None
    return x.surface, y.surface


#: Fewest names each of two groups must hold for :func:`org_subsidiary_word` to read a
#: word that all names of one group hold as a company of its own: one name alone may be a
#: longer or shorter form of the other body's name.
SUBSIDIARY_NAMES = 2
#: Fewest names each group must hold for :func:`org_subsidiary_word` to read a sub-unit
#: word (``org_subunit``: ``air force``, ``branch``) that all names of one group hold as a
#: body of its own, with or without a legal form.
SUBUNIT_NAMES = 1
#: Fewest letters of that word: two letters are initials (``SK`` for ``Stroitelnaya
#: Kompaniya``, a construction company), which one body's names write or drop.
_SUBSIDIARY_LETTERS = 3


def org_subsidiary_word(group_a: Sequence[str], group_b: Sequence[str]) -> str | None:
    """The word that tells two groups of company names apart, when each group is a company
    of its own: every name of one group holds the word, no name of the other does
    (``Orion Shipping Ltd``, ``Orion Shipping LLC`` / ``Orion Ltd``, ``OOO Orion``: the
    group's shipping company beside its parent); otherwise ``None``.

    A company's registered name is fixed: where one body's names all add a word that
    none of the other's hold, the two are a parent and its subsidiary (or two companies
    of one group), whatever each pair of names scores. So that one body's longer and
    shorter forms are not read as two companies, the rule is narrow:

    * each group holds :data:`SUBSIDIARY_NAMES` names or more, and a name with a legal
      form (``Ltd``, ``LLC``, ``JSC``...): registered companies (one charity's or armed
      group's names add and drop words freely); or the word names a sub-unit
      (``org_subunit``: ``Air Force``, ``Navy``, ``Aerospace``...: an armed force's air
      force is a body of its own, listed apart) and each group holds
      :data:`SUBUNIT_NAMES` names or more, with or without a legal form;
    * the word is not a form word (``org_form_en``: ``Foundation``, ``Company``,
      ``Group``...: one body is listed as a foundation and a society), a place (the
      group's company in a place is a pair rule of :func:`compare_orgs`), a number or
      initials of two letters;
    * the other group holds no spelling of the word (a spelling similarity of
      ``_ALIGN_FLOOR`` or more) nor its abbreviation (``Invest`` / ``Investment``), nor
      an acronym of one of the group's names (``IRGCAF`` for ``IRGC Air Force``).

    Args:
        group_a: organisation names.
        group_b: other organisation names.

    Returns:
        The word as the first name of its group writes it, normalised (lower case:
        ``shipping`` for ``SHIPPING``; Arabic as :func:`nasab.text.normalize` writes it),
        or ``None``.

    Example:
        >>> org_subsidiary_word(["Orion Shipping Ltd", "Orion Shipping LLC"], ["Orion Ltd", "OOO Orion"])
        'shipping'
        >>> org_subsidiary_word(["Orion Foundation", "Orion Charity Foundation"], ["Orion", "Oryon"]) is None
        True
        >>> org_subsidiary_word(["Orion Shipping Ltd"], ["Orion Ltd", "OOO Orion"]) is None
        True
        >>> org_subsidiary_word(["Orion Guard Corps Air Force"], ["Orion Guard Corps"])
        'air force'
    """
    fewest = min(len(group_a), len(group_b))
    if fewest < min(SUBSIDIARY_NAMES, SUBUNIT_NAMES):
        return None
    names_a = [parse_org(x) for x in group_a]
    names_b = [parse_org(x) for x in group_b]
    companies = fewest >= SUBSIDIARY_NAMES and all(
        any(n.legal for n in names) for names in (names_a, names_b)
    )
    subunits = word_set("org_subunit") if fewest >= SUBUNIT_NAMES else frozenset()
    for own, other in ((names_a, names_b), (names_b, names_a)):
        for u in own[0].units:
            if not (companies or u.text in subunits):
                continue
            if _subsidiary_word(u, own[0], own[1:], other):
                return u.surface
    return None


def _subsidiary_word(
    u: Unit, first: OrgName, rest: Sequence[OrgName], other: Sequence[OrgName]
) -> bool:
    """Whether a word of one group's first name (``u`` of ``first``) is held by all the
    group's other names (``rest``), or spelled by the acronym of one that holds it, and by
    none of the other group's, nor spelled there by an acronym of one of the group's
    names (:func:`org_subsidiary_word`). The word is held in each of its spellings in the
    group (``ZHONGSENG`` / ``ZHONGSHENG``): the other group holding a spelling of any of
    them (``ZHONGSHONG``) holds the word."""
    forms = word_set("org_form_en")
    if u.text in forms or u.fold in forms or _is_place(u) or u.text.isdigit():
        return False
    if len(u.fold) < _SUBSIDIARY_LETTERS:
        return False
    holders = [first, *(n for n in rest if _holds(n, u))]
    if not all(_spells_one(n, holders) for n in rest if n not in holders):
        return False
    own = (first, *rest)
    spellings = _spellings(u, holders)
    return not any(any(_holds(n, v) for v in spellings) or _spells_one(n, own) for n in other)


def _spellings(u: Unit, names: Sequence[OrgName]) -> list[Unit]:
    """The word ``u`` and the words of ``names`` that spell it (a similarity of
    ``_ALIGN_FLOOR`` or more), each once.

    Example:
        >>> u = parse_org("Orion Zhongseng Trade").units[1]
        >>> [v.text for v in _spellings(u, [parse_org("Orion Zhongsheng Trade")])]
        ['zhongseng', 'zhongsheng']
    """
    out = [u]
    for n in names:
        out.extend(v for v in n.units if v not in out and _unit_sim(u, v) >= _ALIGN_FLOOR)
    return out


def _spells_one(name: OrgName, names: Sequence[OrgName]) -> bool:
    """Whether a capitalised word of ``name`` is an acronym of one of ``names`` (``IRGCAF``
    spells ``Islamic Revolutionary Guard Corps Air Force``, the word ``air force`` included)."""
    return any(_acronym_match(name, n) is not None for n in names)


def _holds(name: OrgName, u: Unit) -> bool:
    """Whether a name holds a spelling of the word ``u`` or its abbreviation."""
    plain = _plain_word(u)
    for v in name.units:
        if _unit_sim(u, v) >= _ALIGN_FLOOR:
            return True
        other = _plain_word(v)
        if plain and other and _abbreviates(plain, other):
            return True
    return False


#: The fit of a weak (one-word) organisation name whose word a longer name holds whole
#: (:func:`org_fit`): over the default organisation threshold (0.6), so that resolution
#: may join it to the one entity it fits.
WEAK_ORG_FIT = 0.7
#: Fewest letters of that word: shorter words (``SANA``, ``NASR``, ``OMAN``) recur in the
#: names of unrelated bodies.
_WEAK_FIT_LETTERS = 6
#: Lowest rarity weight of that word (generic words fit every name that uses them).
_WEAK_FIT_WEIGHT = 0.5


@lru_cache(maxsize=65536)
def is_weak_org(name: str) -> bool:
    """Whether an organisation name is *weak*: one content word (articles, legal forms and
    a parenthesised acronym set aside) and not a number. Such a name may stand for any of
    the bodies whose names hold that word.

    Example:
        >>> [is_weak_org(n) for n in ["CIMEX, S.A.", "الأقصى", "Orion Shipping", "شركة النور"]]
        [True, True, False, False]
    """
    units = parse_org(name).units
    return len(units) == 1 and not units[0].text.isdigit()


def org_fit(weak: str, other: str) -> float:
    """How well a weak organisation name (:func:`is_weak_org`) fits another name: its
    :func:`compare_orgs` score, or :data:`WEAK_ORG_FIT` times the share of its word that
    the other name matches where that is more, for a rare word (weight >= 0.5)
    of six letters or more. Names in a conflict (different numbers, listed as
    different organisations) or joined as an acronym keep their score.

    The score of ``Steklovolokno`` against ``Polotsk Steklovolokno OAO`` stays under the
    threshold (the longer name adds a distinctive word), yet the one word is all of the
    short name: resolution joins the two where the short name fits that entity only.

    Example:
        >>> round(org_fit("STEKLOVOLOKNO", "POLOTSK STEKLOVOLOKNO OAO"), 2)
        0.7
        >>> compare_orgs("STEKLOVOLOKNO", "POLOTSK STEKLOVOLOKNO OAO").score < 0.6
        True
        >>> org_fit("NASR", "NASR TRADING COMPANY") == compare_orgs("NASR", "NASR TRADING COMPANY").score
        True
    """
    x, y = (weak, other) if (weak, other) <= (other, weak) else (other, weak)
    score, features, _ = _compare_org_cached(x, y)
    if "evidence" not in features or features.get("conflict") or features.get("acronym"):
        return score
    units = parse_org(weak).units
    if len(units) != 1:
        return score
    (unit,) = units
    if unit.weight < _WEAK_FIT_WEIGHT or len(unit.fold) < _WEAK_FIT_LETTERS:
        return score
    return max(score, WEAK_ORG_FIT * min(1.0, features["evidence"] / unit.weight))


def org_keys(name: str) -> frozenset[str]:
    """Script-neutral blocking keys of an organisation name.

    Keys are the content units (concepts and word skeletons), the acronym spelled by
    the content words, capitalised words taken as acronyms, joined-word keys and the
    alias-table row.

    Example:
        >>> sorted(k for k in org_keys("ISIS") if k.startswith("a:"))
        ['a:isis']
        >>> "a:isis" in org_keys("Islamic State of Iraq and Syria")
        True
    """
    n = parse_org(name)
    keys: set[str] = set()
    for u in n.units:
        if u.concept:
            keys.add("c:" + u.text)
        elif u.script == "latin":
            keys.update("w:" + (skeleton(w) or w) for w in _article_readings(u.fold))
        else:
            keys.add("w:" + (skeleton(u.text) or u.text))
            try:
                from ..translit import romanize_token

                for cand, _ in romanize_token(u.text, 2):
                    keys.add("w:" + (skeleton(cand) or fold(cand)))
            except Exception:
                pass
        if u.caps and u.text.isalpha() and 2 <= len(u.text) <= 10:
            keys.add("a:" + u.text)
            keys.add("p:" + u.text[:2])
    latin = [w for w, k in n.words if w.isascii()]
    content = [w for w, k in n.words if k == "content" and w.isascii()]
    for words in (n.words, n.written):
        read = [w for w, k in words if k == "content" and w.isascii()]
        if len(read) >= 2:
            keys.add("a:" + "".join(w[0] for w in read))
            keys.add("a:" + "".join(w[0] for w, k in words if k != "legal" and w.isascii()))
            keys.add("a:" + "".join(w[0] for w, k in words if k != "stop" and w.isascii()))
    if len(content) >= 2:
        keys.add("p:" + content[0][:2])
        keys.add("p:" + content[0][0] + content[1][0])
    if len(latin) >= 2:
        keys.add("j:" + "".join(latin[:2]))
    if len(latin) == 1 or (n.units and len(n.units) == 1):
        keys.add("j:" + n.units[0].fold if n.units else "")
    if len(latin) == 1:
        # the word as written, as the joined pair of a two-word name is (HONORBANK)
        keys.add("j:" + latin[0])
    keys.update(_syllabic_keys(n))
    keys.update(_blend_keys(n))
    if n.alias_row is not None:
        keys.add("r:" + n.alias_row)
    keys.discard("j:")
    return frozenset(keys)


def _blend_keys(n: OrgName) -> set[str]:
    """Blocking keys (``b:``) that pair a blend (:func:`_blend_pieces`) with the name it
    blends: a name of one or two units gives the first four to ``_BLEND_KEY_PIECE + 2``
    letters of each capitalised Latin word of ``_BLEND_MIN`` to 10 letters; a name of two
    or more Latin content words gives, as read and as written, the first two to
    ``_BLEND_KEY_PIECE`` letters of its first content word with the first two of its
    second.

    Example:
        >>> sorted(_blend_keys(parse_org("OCCIPAPEL")))
        ['b:occi', 'b:occip', 'b:occipa', 'b:occipap']
        >>> sorted(_blend_keys(parse_org("Occidental de Papeles")))
        ['b:occidpa', 'b:occipa', 'b:occpa', 'b:ocpa']
    """
    out: set[str] = set()
    if len(n.units) <= 2:
        for u in n.units:
            if (
                u.caps
                and not u.concept
                and u.text.isascii()
                and u.text.isalpha()
                and _BLEND_MIN <= len(u.text) <= 10
            ):
                out.update(
                    "b:" + u.text[: k + _BLEND_PIECE]
                    for k in range(_BLEND_PIECE, _BLEND_KEY_PIECE + 1)
                )
    for words in (n.words, n.written):
        content = [w for w, k in words if k == "content" and w.isascii() and w.isalpha()]
        if len(content) >= 2:
            first, second = content[0], content[1]
            out.update(
                "b:" + first[:k] + second[:_BLEND_PIECE]
                for k in range(_BLEND_PIECE, min(_BLEND_KEY_PIECE, len(first)) + 1)
            )
    return out


def _syllabic_keys(n: OrgName) -> set[str]:
    """Blocking keys (``s:``) that pair a syllabic acronym with its expansion.

    A name of one or two units gives the first :data:`_SYLLABIC_KEY` letters of each
    capitalised Latin word of :data:`_SYLLABIC_ACRONYM_MIN` to 10 letters; a name of two or more
    Latin content words gives every string of that length spelled by the prefixes (up
    to four letters, as :func:`_acronym_pieces` reads them) of its leading words, two
    words or more: a stop word may give letters or none, a content word must give some.

    Example:
        >>> sorted(_syllabic_keys(parse_org("CONVIASA")))
        ['s:conv']
        >>> "s:conv" in _syllabic_keys(parse_org("Consorcio Venezolano de Industrias"))
        True
    """
    size = _SYLLABIC_KEY
    out: set[str] = set()
    if len(n.units) <= 2:
        out.update(
            "s:" + u.text[:size]
            for u in n.units
            if u.caps
            and not u.concept
            and u.script == "latin"
            and u.text.isascii()
            and u.text.isalpha()
            and _SYLLABIC_ACRONYM_MIN <= len(u.text) <= 10
        )
    words = [(w, k) for w, k in n.words if w.isascii() and w.isalpha()]
    content = [i for i, (_, k) in enumerate(words) if k == "content"]
    if len(content) < 2:
        return out
    run = words[content[0] :]

    def go(idx: int, got: str, pieces: int) -> None:
        if len(got) >= size:
            if pieces >= 2:
                out.add("s:" + got[:size])
            return
        if idx == len(run):
            return
        word, kind = run[idx]
        if kind != "content":
            go(idx + 1, got, pieces)
        for k in range(1, min(4, len(word)) + 1):
            go(idx + 1, got + word[:k], pieces + 1)

    go(0, "", 0)
    return out
