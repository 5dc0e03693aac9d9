"""Typed, cached access to the curated lexicon tables in ``data/aliases``.

Each loader reads one TSV table (through :func:`nasab._data.load_tsv`) the first time it is
called and returns an immutable tuple of frozen dataclasses; nothing is read at import time.

=========================  ========================  ===========================================
loader                     table                     what it holds
=========================  ========================  ===========================================
:func:`titles`             ``titles.tsv``            ranks, titles, honorifics, roles/offices
:func:`particles`          ``particles.tsv``         al-, bin, Abu, Abd, al-Din, ... (both scripts)
:func:`compounds`          ``compounds.tsv``         Abd + X, X + al-Din, fixed compound names
:func:`organizations`      ``organizations.tsv``     a gazetteer of well-known organisations
:func:`news_outlets`       ``outlets.tsv``           outlets, agencies, websites named uncued
:func:`org_words`          ``org_words.tsv``         word dictionary for translating org names
:func:`org_translations`   ``org_translations.tsv``  foreign org-name words -> English words
:func:`places`             ``places.tsv``            countries, cities, governorates, features
:func:`geo_words`          ``geo_words.tsv``         Mountains, Lake, Wadi, Province, Airport, ...
:func:`given_names`        ``given_names.tsv``       Arabic-origin given names, both scripts
:func:`given_name_groups`  ``given_names_en.tsv``    which given-name spellings are one name
:func:`name_words`         ``name_words.tsv``        Arabic name words with counts and risk flags
:func:`word_list`          ``words.tsv``             named vocabulary lists (stop words, heads...)
:func:`token_freq`         ``token_freq.tsv``        person-name token skeleton frequencies
:func:`org_word_freq`      ``org_word_freq.tsv``     organisation-name word frequencies
:func:`persian_letters`    ``persian_letters.tsv``   چ پ ژ گ: Arabic stand-in, Latin readings
:func:`aspirates`          ``aspirates.tsv``         consonant + ه pairs read as one letter (دھ dh)
:func:`latin_digraphs`     ``latin_digraphs.tsv``    Latin digraphs also read another way (zh j)
:func:`latin_letters`      ``latin_letters.tsv``     Latin letters with a mark read as (š sh)
:func:`final_vowels`       ``final_vowels.tsv``      Latin final vowels of an Arabic final ا و ي ة
:func:`letter_names`       ``letter_names.tsv``      Latin letters as Arabic spells them (بي b)
=========================  ========================  ===========================================

Derived views (also cached): :func:`particle_forms` and its named shortcuts
(:func:`kunya_markers`, :func:`abd_forms`, :func:`din_forms`, :func:`patronymic_markers`,
:func:`latin_articles`), :func:`title_index`, :func:`word_set` and
:func:`org_translation_languages` (the language of each word of ``org_translations.tsv``). No other module reads
these tables or keeps its own copy of their words.

Multi-valued columns (``|``-separated in the files) become tuples; empty cells become empty
tuples (or ``None`` for ``rank_order``). Every entry offers ``forms_en``/``forms_ar``: the
canonical form followed by all its variants, ready for building look-up indexes.

Example:
    >>> from nasab import lexicon
    >>> [t.en for t in lexicon.titles() if t.ar == "اللواء"]
    ['Major General']
    >>> lexicon.organization("islamic-state").ar
    'الدولة الإسلامية'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from ._data import data_path, load_tsv, load_tsv_header
from .errors import DataFileError
from .text import normalize, normalize_arabic

__all__ = [
    "COMPOUND_KINDS",
    "GEO_WORD_KINDS",
    "GEO_WORD_POSITIONS",
    "LATIN_ENDING_MARK",
    "LATIN_VOWELS",
    "NAME_WORD_KINDS",
    "ORG_KINDS",
    "ORG_WORD_KINDS",
    "OUTLET_KINDS",
    "PARTICLE_KINDS",
    "PLACE_KINDS",
    "TITLE_KINDS",
    "CompoundEntry",
    "Decoded",
    "DecodedReadings",
    "GeoWordEntry",
    "GivenNameEntry",
    "GivenSpelling",
    "NameWordEntry",
    "NewsLetter",
    "OrgWordEntry",
    "OrganizationEntry",
    "OutletEntry",
    "ParticleEntry",
    "PersianLetter",
    "PlaceEntry",
    "TitleEntry",
    "abd_forms",
    "aspirates",
    "attested_latin_spellings",
    "compound_suffixes",
    "compounds",
    "decoded_readings",
    "din_forms",
    "english_nicknames",
    "feminine_endings",
    "final_vowels",
    "geo_words",
    "given_name_groups",
    "given_name_spellings",
    "given_names",
    "kunya_markers",
    "latin_articles",
    "latin_digraphs",
    "latin_letters",
    "letter_names",
    "name_words",
    "news_letters",
    "news_outlets",
    "news_spellings",
    "nisba_endings",
    "number_words",
    "org_translation_languages",
    "org_translations",
    "org_word_freq",
    "org_words",
    "organization",
    "organizations",
    "particle_arabic",
    "particle_forms",
    "particle_romanizations",
    "particle_tokens",
    "particles",
    "patronymic_markers",
    "persian_fold",
    "persian_letters",
    "places",
    "title_index",
    "titles",
    "token_freq",
    "word_list",
    "word_set",
]

TITLE_KINDS = frozenset({"title", "rank", "role", "honorific"})
PARTICLE_KINDS = frozenset(
    {"article", "patronymic", "tribal", "kunya", "servant", "din", "connector"}
)
NAME_WORD_KINDS = frozenset({"given", "nisba", "name"})
COMPOUND_KINDS = frozenset({"abd_divine", "din_first", "fixed", "suffix"})
ORG_KINDS = frozenset(
    {"organization", "government", "military", "armed_group", "media", "international"}
)
OUTLET_KINDS = frozenset(
    {"agency", "newspaper", "broadcaster", "magazine", "website", "platform", "producer"}
)
ORG_WORD_KINDS = frozenset({"head", "modifier", "nationality", "function"})
PLACE_KINDS = frozenset({"country", "city", "region", "governorate", "geo"})
GEO_WORD_KINDS = frozenset({"geo", "admin", "facility"})
GEO_WORD_POSITIONS = frozenset({"before", "after"})


def _split(value: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into a tuple, dropping empty parts."""
    return tuple(part for part in value.split("|") if part)


def _row_error(table: str, line: int, message: str, column: str | None = None) -> DataFileError:
    """The error for a malformed data row of ``table``: ``data row N: message``, with the
    table's path (and the column, where one is named)."""
    return DataFileError(f"data row {line}: {message}", path=str(data_path(table)), column=column)


def _check(table: str, row: int, column: str, value: str, allowed: frozenset[str]) -> str:
    """Return ``value`` if it is allowed, else raise naming the table, data row and column."""
    if value not in allowed:
        raise _row_error(
            table, row, f"unexpected value {value!r} (expected one of {sorted(allowed)})", column
        )
    return value


class _Forms:
    """``forms_en`` / ``forms_ar``: the canonical form followed by its variants."""

    en: str
    ar: str
    variants_en: tuple[str, ...]
    variants_ar: tuple[str, ...]

    @property
    def forms_en(self) -> tuple[str, ...]:
        """The canonical English form followed by its variants."""
        return (self.en, *self.variants_en)

    @property
    def forms_ar(self) -> tuple[str, ...]:
        """The canonical Arabic form followed by its variants."""
        return (self.ar, *self.variants_ar)


@dataclass(frozen=True)
class TitleEntry(_Forms):
    """A title, rank, honorific or role (office) that accompanies a personal name.

    Attributes:
        kind: ``"title"``, ``"rank"``, ``"role"`` or ``"honorific"``.
        en: canonical English form, e.g. ``"Major General"``.
        ar: canonical Arabic form, with the article where news text uses it (``"اللواء"``).
        variants_en: other English spellings and abbreviations (``"Maj. Gen."``).
        variants_ar: other Arabic forms (bare form without the article, feminine, ...).
        rank_order: seniority of a military/police rank (higher is more senior); ``None``
            for every other kind.
    """

    kind: str
    en: str
    ar: str
    variants_en: tuple[str, ...] = ()
    variants_ar: tuple[str, ...] = ()
    rank_order: int | None = None


@dataclass(frozen=True)
class ParticleEntry:
    """A name particle (article, bin/ibn, Abu/Umm, Abd, al-Din, connector).

    Attributes:
        token: the particle as written; Latin tokens are lower-case, and a trailing hyphen
            marks a form joined to the next word (``"al-"``).
        script: ``"latn"`` or ``"arab"``.
        kind: ``"article"``, ``"patronymic"``, ``"tribal"``, ``"kunya"``, ``"servant"``,
            ``"din"`` or ``"connector"``.
        note: meaning and cautions.
        ar: for a Latin token, the Arabic particle it stands for (``"أبو"`` for ``"abou"``;
            ``"عبد ال"`` for Abd + article forms such as ``"abdul"``); else ``""``.
        news: for an Arabic token with a fixed romanisation, its news-style form (``"Abu"``).
        ala_lc: the same in ALA-LC (``"Abū"``).
    """

    token: str
    script: str
    kind: str
    note: str = ""
    ar: str = ""
    news: str = ""
    ala_lc: str = ""


@dataclass(frozen=True)
class CompoundEntry:
    """A part of a compound given name, or a whole fixed compound name.

    Attributes:
        kind: ``"abd_divine"`` (the X of Abd + X, e.g. ``"الوهاب"``), ``"din_first"`` (the X
            of X al-Din, e.g. ``"صلاح"``), ``"fixed"`` (a whole name, e.g. ``"عبدالله"``) or
            ``"suffix"`` (the second part of an Afghan or Pakistani compound, e.g. ``"خیل"``).
        ar: the Arabic form.
        en: canonical Latin form.
        variants_en: other Latin spellings.
        apart_ar: a ``suffix`` that Arabic running text writes as a word of its own right
            after a person's name, which then ends that name (``زاده``).
    """

    kind: str
    ar: str
    en: str
    variants_en: tuple[str, ...] = ()
    apart_ar: bool = False

    @property
    def forms_en(self) -> tuple[str, ...]:
        """The canonical Latin form followed by its variants."""
        return (self.en, *self.variants_en)


@dataclass(frozen=True)
class OrganizationEntry:
    """A well-known organisation, with its names in both scripts.

    Attributes:
        id: stable slug, e.g. ``"islamic-state"``.
        kind: ``"organization"``, ``"government"``, ``"military"``, ``"armed_group"``,
            ``"media"`` or ``"international"``.
        en: canonical English name.
        ar: canonical Arabic name.
        acronyms: Latin-script acronyms; case-sensitive (``"IS"`` only in capitals).
        aliases_en: other English names.
        aliases_ar: other Arabic names, Arabic acronyms included (``"داعش"``).
        country: ISO 3166-1 alpha-2 code, or ``""`` when transnational.
        note: free text.
    """

    id: str
    kind: str
    en: str
    ar: str
    acronyms: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()
    country: str = ""
    note: str = ""

    @property
    def forms_en(self) -> tuple[str, ...]:
        """The canonical English name, then the acronyms, then the other English names."""
        return (self.en, *self.acronyms, *self.aliases_en)

    @property
    def forms_ar(self) -> tuple[str, ...]:
        """The canonical Arabic name followed by the other Arabic names."""
        return (self.ar, *self.aliases_ar)


@dataclass(frozen=True)
class OutletEntry:
    """A news outlet, agency, website or platform that news text names with no cue word.

    Attributes:
        id: stable slug, e.g. ``"mailonline"`` (no id of ``organizations.tsv``).
        kind: one of :data:`OUTLET_KINDS` (``"producer"``: an armed group's media arm).
        en: canonical English name, as the outlet writes it.
        aliases_en: other English names and spellings.
        country: ISO 3166-1 alpha-2 code, or ``""``.
        note: free text.
    """

    id: str
    kind: str
    en: str
    aliases_en: tuple[str, ...] = ()
    country: str = ""
    note: str = ""

    @property
    def forms_en(self) -> tuple[str, ...]:
        """The canonical English name followed by the other English names."""
        return (self.en, *self.aliases_en)


@dataclass(frozen=True)
class OrgWordEntry(_Forms):
    """One word (or fixed phrase) of the bilingual organisation-name dictionary.

    Attributes:
        en: canonical English word, e.g. ``"Service"``.
        ar: Arabic word without the article, e.g. ``"جهاز"``.
        kind: ``"head"``, ``"modifier"``, ``"nationality"`` or ``"function"``.
        variants_en: English synonyms and spellings.
        variants_ar: Arabic gender/number variants and spellings.
    """

    en: str
    ar: str
    kind: str
    variants_en: tuple[str, ...] = ()
    variants_ar: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceEntry(_Forms):
    """A country, city, region, governorate or geographic feature.

    Attributes:
        kind: ``"country"``, ``"city"``, ``"region"``, ``"governorate"`` or ``"geo"``.
        en: canonical English name.
        ar: canonical Arabic name (with the article where the name carries it).
        variants_en: other English spellings.
        variants_ar: other Arabic spellings.
        countries: ISO 3166-1 alpha-2 codes of the country or countries (the ``country``
            column); empty for supranational regions.
    """

    kind: str
    en: str
    ar: str
    variants_en: tuple[str, ...] = ()
    variants_ar: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeoWordEntry:
    """A generic geographic/administrative/facility word (Mountains, Wadi, Province).

    Attributes:
        en: the English word, e.g. ``"Mountains"``.
        ar: the Arabic word without the article, e.g. ``"جبال"``; in Arabic it always
            precedes the proper name.
        kind: ``"geo"``, ``"admin"`` or ``"facility"``.
        position: ``"before"`` or ``"after"``: where the English word stands relative to the
            proper name (``Lake Hamrin`` vs ``Hamrin Mountains``).
    """

    en: str
    ar: str
    kind: str
    position: str


@cache
def titles() -> tuple[TitleEntry, ...]:
    """Titles, ranks, honorifics and roles from ``titles.tsv``.

    Returns:
        One :class:`TitleEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import titles
        >>> mg = next(t for t in titles() if t.en == "Major General")
        >>> mg.kind, mg.ar, mg.rank_order, "Maj. Gen." in mg.variants_en
        ('rank', 'اللواء', 17, True)
    """
    table = "titles.tsv"
    out = []
    for line, row in enumerate(load_tsv(table), start=1):
        kind = _check(table, line, "kind", row["kind"], TITLE_KINDS)
        if not row["en"].strip():
            raise _row_error(table, line, "empty English form", column="en")
        raw = row["rank_order"]
        try:
            rank = int(raw) if raw else None
        except ValueError:
            raise _row_error(
                table, line, f"rank_order {raw!r} is not an integer", column="rank_order"
            ) from None
        out.append(
            TitleEntry(
                kind=kind,
                en=row["en"],
                ar=row["ar"],
                variants_en=_split(row["variants_en"]),
                variants_ar=_split(row["variants_ar"]),
                rank_order=rank,
            )
        )
    return tuple(out)


@cache
def particles() -> tuple[ParticleEntry, ...]:
    """Name particles from ``particles.tsv``.

    Returns:
        One :class:`ParticleEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import particles
        >>> sorted(p.kind for p in particles() if p.token in {"abu", "بن", "ال"})
        ['article', 'kunya', 'patronymic']
    """
    table = "particles.tsv"
    return tuple(
        ParticleEntry(
            token=row["token"],
            script=_check(table, line, "script", row["script"], frozenset({"latn", "arab"})),
            kind=_check(table, line, "kind", row["kind"], PARTICLE_KINDS),
            note=row["note"],
            ar=row["ar"],
            news=row["news"],
            ala_lc=row["ala_lc"],
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def particle_tokens(kind: str, script: str | None = None) -> frozenset[str]:
    """The particle tokens of one kind, optionally restricted to one script.

    Args:
        kind: one of :data:`PARTICLE_KINDS`.
        script: ``"latn"``, ``"arab"`` or ``None`` for both.

    Returns:
        The tokens as written in the table (Latin lower-case).

    Example:
        >>> from nasab.lexicon import particle_tokens
        >>> {"abdul", "abdel", "عبد"} <= particle_tokens("servant")
        True
        >>> "عبد" in particle_tokens("servant", "latn")
        False
    """
    return frozenset(
        p.token for p in particles() if p.kind == kind and (script is None or p.script == script)
    )


@cache
def compounds() -> tuple[CompoundEntry, ...]:
    """Compound-name parts from ``compounds.tsv``.

    Returns:
        One :class:`CompoundEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import compounds
        >>> wahab = next(c for c in compounds() if c.ar == "الوهاب")
        >>> wahab.kind, wahab.en, "Wahhab" in wahab.variants_en
        ('abd_divine', 'Wahab', True)
    """
    table = "compounds.tsv"
    return tuple(
        CompoundEntry(
            kind=_check(table, line, "kind", row["kind"], COMPOUND_KINDS),
            ar=row["ar"],
            en=row["en"],
            variants_en=_split(row["variants_en"]),
            apart_ar=_check(table, line, "apart_ar", row["apart_ar"], frozenset({"0", "1"})) == "1",
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def compound_suffixes() -> frozenset[str]:
    """Normalised forms, both scripts, of the second parts of Afghan and Pakistani compound
    names (the ``suffix`` rows of ``compounds.tsv``): written joined or apart.

    Example:
        >>> from nasab.lexicon import compound_suffixes
        >>> {"خيل", "khel", "khail", "زي", "zai"} <= compound_suffixes()
        True
    """
    out = set()
    for entry in compounds():
        if entry.kind == "suffix":
            out.update(normalize(f) for f in (entry.ar, entry.en, *entry.variants_en))
    return frozenset(out)


@cache
def name_endings_ar() -> frozenset[str]:
    """Normalised Arabic compound suffixes that running text writes as a word of their own
    after a person's name, which then end that name (the ``suffix`` rows of
    ``compounds.tsv`` marked ``apart_ar``).

    Example:
        >>> from nasab.lexicon import name_endings_ar
        >>> sorted(name_endings_ar())
        ['زاده']
    """
    return frozenset(normalize(e.ar) for e in compounds() if e.kind == "suffix" and e.apart_ar)


@cache
def organizations() -> tuple[OrganizationEntry, ...]:
    """Well-known organisations from ``organizations.tsv``.

    Returns:
        One :class:`OrganizationEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import organizations
        >>> cts = next(o for o in organizations() if o.ar == "جهاز مكافحة الإرهاب")
        >>> cts.en, cts.country
        ('Counter-Terrorism Service', 'IQ')
    """
    table = "organizations.tsv"
    return tuple(
        OrganizationEntry(
            id=row["id"],
            kind=_check(table, line, "kind", row["kind"], ORG_KINDS),
            en=row["en"],
            ar=row["ar"],
            acronyms=_split(row["acronyms"]),
            aliases_en=_split(row["aliases_en"]),
            aliases_ar=_split(row["aliases_ar"]),
            country=row["country"],
            note=row["note"],
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def _organizations_by_id() -> dict[str, OrganizationEntry]:
    return {o.id: o for o in organizations()}


def organization(org_id: str) -> OrganizationEntry:
    """Look up one organisation by its id.

    Args:
        org_id: the slug in the ``id`` column.

    Returns:
        The matching :class:`OrganizationEntry`.

    Raises:
        KeyError: if no organisation has that id.

    Example:
        >>> from nasab.lexicon import organization
        >>> "Daesh" in organization("islamic-state").acronyms
        True
    """
    return _organizations_by_id()[org_id]


@cache
def news_outlets() -> tuple[OutletEntry, ...]:
    """News outlets, agencies, websites and platforms from ``outlets.tsv`` (named in news
    text without a cue word; the media rows of ``organizations.tsv`` are not repeated).

    Returns:
        One :class:`OutletEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed (an unknown kind included).

    Example:
        >>> from nasab.lexicon import news_outlets
        >>> mail = next(o for o in news_outlets() if o.id == "mailonline")
        >>> mail.en, mail.kind, mail.aliases_en
        ('MailOnline', 'website', ('Mail Online',))
    """
    table = "outlets.tsv"
    return tuple(
        OutletEntry(
            id=row["id"],
            kind=_check(table, line, "kind", row["kind"], OUTLET_KINDS),
            en=row["en"],
            aliases_en=_split(row["aliases_en"]),
            country=row["country"],
            note=row["note"],
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def org_words() -> tuple[OrgWordEntry, ...]:
    """The bilingual organisation-name dictionary from ``org_words.tsv``.

    Returns:
        One :class:`OrgWordEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import org_words
        >>> [(w.en, w.kind) for w in org_words() if w.ar == "جهاز"]
        [('Service', 'head')]
    """
    table = "org_words.tsv"
    return tuple(
        OrgWordEntry(
            en=row["en"],
            ar=row["ar"],
            kind=_check(table, line, "kind", row["kind"], ORG_WORD_KINDS),
            variants_en=_split(row["variants_en"]),
            variants_ar=_split(row["variants_ar"]),
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def places() -> tuple[PlaceEntry, ...]:
    """Place names from ``places.tsv``.

    Returns:
        One :class:`PlaceEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import places
        >>> [(p.kind, p.ar) for p in places() if p.en == "Salahuddin"]
        [('governorate', 'صلاح الدين')]
    """
    table = "places.tsv"
    return tuple(
        PlaceEntry(
            kind=_check(table, line, "kind", row["kind"], PLACE_KINDS),
            en=row["en"],
            ar=row["ar"],
            variants_en=_split(row["variants_en"]),
            variants_ar=_split(row["variants_ar"]),
            countries=_split(row["country"]),
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def geo_words() -> tuple[GeoWordEntry, ...]:
    """Generic geographic words from ``geo_words.tsv``.

    Returns:
        One :class:`GeoWordEntry` per row, in file order.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import geo_words
        >>> sorted({(g.en, g.position) for g in geo_words() if g.en in {"Lake", "Wadi"}})
        [('Lake', 'after'), ('Lake', 'before'), ('Wadi', 'before')]
    """
    table = "geo_words.tsv"
    return tuple(
        GeoWordEntry(
            en=row["en"],
            ar=row["ar"],
            kind=_check(table, line, "kind", row["kind"], GEO_WORD_KINDS),
            position=_check(table, line, "position", row["position"], GEO_WORD_POSITIONS),
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def title_index() -> dict[tuple[str, ...], TitleEntry]:
    """Every form of every title, normalised into a token tuple, -> its :class:`TitleEntry`.

    Forms are the English and Arabic canonical forms and all variants; an Arabic form with the
    article is also indexed without it (``لواء`` besides ``اللواء``). When two rows share a
    form, the first row in the file wins.

    Example:
        >>> from nasab.lexicon import title_index
        >>> title_index()[("maj", "gen")].en, title_index()[("لوا",)].en
        ('Major General', 'Major General')
    """
    out: dict[tuple[str, ...], TitleEntry] = {}
    for entry in titles():
        forms = (entry.en, entry.ar, *entry.variants_en, *entry.variants_ar)
        for form in forms:
            toks = tuple(normalize(form).split())
            if toks:
                out.setdefault(toks, entry)
                if toks[0].startswith(_AR_ARTICLE) and len(toks[0]) > len(_AR_ARTICLE) + 1:
                    out.setdefault((toks[0][len(_AR_ARTICLE) :], *toks[1:]), entry)
    return out


_AR_ARTICLE = "ال"


@cache
def particle_forms(kind: str, script: str | None = None) -> frozenset[str]:
    """The forms under which particles of one kind are matched in text.

    Each particle of the table gives its token as written without a trailing hyphen
    (``abu-`` gives ``abu``) and its :func:`nasab.text.normalize` form (``أبو`` gives
    ``ابو`` too), so the set serves raw and normalised tokens alike.

    Args:
        kind: one of :data:`PARTICLE_KINDS`.
        script: ``"latn"``, ``"arab"`` or ``None`` for both.

    Raises:
        ValueError: if ``kind`` or ``script`` is not a known value.

    Example:
        >>> from nasab.lexicon import particle_forms
        >>> {"abu", "أبو", "ابو"} <= particle_forms("kunya")
        True
    """
    if kind not in PARTICLE_KINDS or script not in (None, "latn", "arab"):
        raise ValueError(f"unknown particle kind or script: {kind!r}, {script!r}")
    out: set[str] = set()
    for p in particles():
        if p.kind == kind and (script is None or p.script == script):
            bare = p.token.rstrip("-")
            out.add(bare)
            if p.script == "arab":
                out.add(normalize(bare))
    return frozenset(out)


def kunya_markers(script: str | None = None) -> frozenset[str]:
    """Kunya markers (Abu, Umm and their spellings): ``particle_forms("kunya", script)``.

    Example:
        >>> from nasab.lexicon import kunya_markers
        >>> sorted(kunya_markers("latn"))[:5]
        ['aba', 'abi', 'abo', 'aboo', 'abou']
    """
    return particle_forms("kunya", script)


def abd_forms(script: str | None = None) -> frozenset[str]:
    """The servant prefix Abd- and its spellings: ``particle_forms("servant", script)``.

    Example:
        >>> from nasab.lexicon import abd_forms
        >>> {"abd", "abdul", "abdel", "عبد"} <= abd_forms()
        True
    """
    return particle_forms("servant", script)


def din_forms(script: str | None = None) -> frozenset[str]:
    """The second part of X al-Din names: ``particle_forms("din", script)``.

    Example:
        >>> from nasab.lexicon import din_forms
        >>> {"din", "uddin", "الدين"} <= din_forms()
        True
    """
    return particle_forms("din", script)


def patronymic_markers(script: str | None = None) -> frozenset[str]:
    """Son/daughter of (bin, ibn, bint...): ``particle_forms("patronymic", script)``.

    Tribal markers (Bani, آل) are the separate kind ``"tribal"``.

    Example:
        >>> from nasab.lexicon import patronymic_markers
        >>> {"bin", "ibn", "بن"} <= patronymic_markers(), "bani" in patronymic_markers()
        (True, False)
    """
    return particle_forms("patronymic", script)


@cache
def particle_arabic() -> dict[str, str]:
    """Latin particle spelling (hyphen-free) -> the Arabic particle it stands for.

    Abd + article spellings map to ``"عبد ال"``.

    Example:
        >>> from nasab.lexicon import particle_arabic
        >>> particle_arabic()["abou"], particle_arabic()["abdul"], "al" in particle_arabic()
        ('أبو', 'عبد ال', False)
    """
    return {p.token.rstrip("-"): p.ar for p in particles() if p.script == "latn" and p.ar}


@cache
def particle_romanizations() -> dict[str, tuple[str, str]]:
    """Arabic particle (as written) -> its fixed romanisation (news, ALA-LC).

    Example:
        >>> from nasab.lexicon import particle_romanizations
        >>> particle_romanizations()["أبو"], particle_romanizations()["عبد"]
        (('Abu', 'Abū'), ('Abd', 'ʿAbd'))
    """
    return {p.token: (p.news, p.ala_lc) for p in particles() if p.script == "arab" and p.news}


def latin_articles() -> frozenset[str]:
    """Latin spellings of the Arabic article (al, el, ad, ash, ...): hyphen-free.

    Example:
        >>> from nasab.lexicon import latin_articles
        >>> {"al", "el", "ash", "ud"} <= latin_articles()
        True
    """
    return particle_forms("article", "latn")


@dataclass(frozen=True)
class GivenNameEntry:
    """An Arabic-origin given name in both scripts.

    Attributes:
        en: Latin spelling, lower-case.
        ar: Arabic spellings (normalised).
        count: number of listed persons whose first given name it is.
    """

    en: str
    ar: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class NameWordEntry:
    """An Arabic-script word of person names.

    Attributes:
        ar: the word, normalised.
        count: number of name pairs holding it.
        kind: ``"given"``, ``"nisba"`` or ``"name"``.
        risk: whether the word is also an ordinary word.
    """

    ar: str
    count: int
    kind: str
    risk: bool


N = TypeVar("N", int, float)


def _number(table: str, line: int, column: str, value: str, kind: type[N]) -> N:
    """``kind(value)`` (int or float), or a DataFileError naming the table, row and column."""
    try:
        return kind(value)
    except ValueError:
        what = "an integer" if kind is int else "a number"
        raise _row_error(table, line, f"{column} {value!r} is not {what}", column) from None


def _int(table: str, line: int, column: str, value: str) -> int:
    return _number(table, line, column, value, int)


@cache
def news_spellings() -> dict[str, tuple[tuple[str, int], ...]]:
    """Latin spellings attested for Arabic name words (``news_spellings.tsv``): article-free
    Arabic letters -> (lowercase spelling, score) pairs, best first.

    Read by ``romanize(..., scheme="news")``, which prints an attested spelling before
    anything the letter model would make up.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import news_spellings
        >>> news_spellings()["ميقاتي"][0][0]
        'mikati'
    """
    table = "news_spellings.tsv"
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        items = []
        for item in row["spellings"].split(" "):
            spelling, _, score = item.rpartition(":")
            items.append((spelling, _int(table, line, "spellings", score)))
        out[row["arabic"]] = tuple(items)
    return out


@cache
def attested_latin_spellings() -> frozenset[str]:
    """Latin name spellings the tables attest: every spelling of ``news_spellings.tsv``
    (person-name words of Wikidata and Google's ar2en pairs) and every given-name spelling
    of :func:`given_name_groups`. A word one letter away from one of them and not itself
    attested reads as its misspelling (``nasab.match``: Rasjid for Rashid).

    Raises:
        DataFileError: if a table is missing or malformed.

    Example:
        >>> from nasab.lexicon import attested_latin_spellings
        >>> "rashid" in attested_latin_spellings(), "rasjid" in attested_latin_spellings()
        (True, False)
    """
    out = set(given_name_groups())
    for spellings in news_spellings().values():
        out.update(spelling for spelling, _ in spellings)
    return frozenset(out)


@dataclass(frozen=True)
class PersianLetter:
    """A Persian/Urdu letter of a sound Arabic lacks (چ پ ژ گ), kept by normalisation.

    Attributes:
        letter: the letter.
        arabic: the Arabic letter written in its place in Arabic-country text.
        readings: Latin renderings with their log share, best first.
    """

    letter: str
    arabic: str
    readings: tuple[tuple[str, float], ...]


def _float(table: str, line: int, column: str, value: str) -> float:
    return _number(table, line, column, value, float)


@cache
def letter_names() -> dict[str, str]:
    """The Arabic spellings of the Latin letters' names (``letter_names.tsv``), normalised
    (:func:`nasab.text.normalize`), each with its letter: how Arabic text writes an acronym
    letter by letter (بي بي سي BBC).

    Raises:
        DataFileError: if the table is missing or malformed (a letter that is not one
            lower-case Latin letter, a spelling that is not one Arabic word, or one spelling
            given to two letters).

    Example:
        >>> from nasab.lexicon import letter_names
        >>> letter_names()["بي"], letter_names()["ايه"], letter_names()["اي"]
        ('b', 'a', 'i')
    """
    table = "letter_names.tsv"
    out: dict[str, str] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        letter = row["latin"]
        if len(letter) != 1 or not letter.isascii() or not letter.islower():
            raise _row_error(table, line, f"not one lower-case Latin letter: {letter!r}", "latin")
        for spelling in row["arabic"].split("|"):
            word = normalize(spelling)
            if not word or word.isascii() or " " in word:
                raise _row_error(table, line, f"not one Arabic word: {spelling!r}", "arabic")
            if out.setdefault(word, letter) != letter:
                raise _row_error(table, line, f"{spelling!r} is also {out[word]!r}'s", "arabic")
    return out


@cache
def persian_letters() -> dict[str, PersianLetter]:
    """The Persian/Urdu letters of sounds Arabic lacks (``persian_letters.tsv``), by letter.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import persian_letters
        >>> persian_letters()["چ"].arabic, persian_letters()["چ"].readings[0][0]
        ('ج', 'ch')
    """
    table = "persian_letters.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        readings = []
        for item in row["readings"].split(" "):
            text, _, share = item.rpartition(":")
            readings.append((text, _float(table, line, "readings", share)))
        out[row["letter"]] = PersianLetter(row["letter"], row["arabic"], tuple(readings))
    return out


@dataclass(frozen=True)
class NewsLetter:
    """How English-language newsrooms write an Arabic letter of a word of Arabic origin
    (``news_letters.tsv``).

    Attributes:
        letter: the Arabic letter.
        arabic_only: a letter found in Arabic-script words of Arabic origin only (ع ح ص ض ظ).
        renderings: the Latin consonants written for it (``""``: none, a vowel letter or one
            left unwritten); vowels around them are free and a consonant may be doubled.
        regional: renderings of a region's own romanisation (Egyptian g for ج), kept in an
            attested spelling when no attested spelling of the word fits ``renderings``.
    """

    letter: str
    arabic_only: bool
    renderings: tuple[str, ...]
    regional: tuple[str, ...] = ()

    def written(self, regional: bool = False) -> tuple[str, ...]:
        """The consonants a spelling may write for the letter: each rendering (with
        ``regional``, each regional one too) and its first letter doubled (shadda).

        Example:
            >>> from nasab.lexicon import news_letters
            >>> news_letters()["ث"].written()
            ('th', 't', 'tth', 'tt')
        """
        forms = self.renderings + (self.regional if regional else ())
        return tuple(dict.fromkeys([*forms, *(r[0] + r for r in forms if r)]))


@cache
def news_letters() -> dict[str, NewsLetter]:
    """The newsroom renderings of the Arabic letters (``news_letters.tsv``), by letter.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import news_letters
        >>> news_letters()["ج"].renderings, news_letters()["ع"].arabic_only
        (('j',), True)
    """
    table = "news_letters.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        only = _check(table, line, "arabic_only", row["arabic_only"], frozenset({"0", "1"}))
        cells = {}
        for column in ("renderings", "regional"):
            cells[column] = tuple("" if r == "-" else r for r in row[column].split(" "))
            if any(not r.isascii() or not r.isalpha() for r in cells[column] if r):
                raise _row_error(table, line, "renderings must be Latin letters or '-'", column)
        regional = tuple(r for r in cells["regional"] if r)
        out[row["letter"]] = NewsLetter(row["letter"], only == "1", cells["renderings"], regional)
    return out


@cache
def persian_fold() -> dict[int, str]:
    """A ``str.translate`` table writing each Persian letter of :func:`persian_letters` as
    the Arabic letter Arabic-country text writes in its place.

    Example:
        >>> from nasab.lexicon import persian_fold
        >>> "گيلاني".translate(persian_fold())
        'كيلاني'
    """
    return {ord(p.letter): p.arabic for p in persian_letters().values()}


@cache
def aspirates() -> dict[str, str]:
    """Consonant + ه pairs (Urdu aspirates, ``aspirates.tsv``) and the Arabic letter the
    Latin digraph for each is read as.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import aspirates
        >>> aspirates()["ده"], aspirates()["ته"]
        ('ذ', 'ث')
    """
    table = "aspirates.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        pair, letter = row["pair"], row["letter"]
        if len(pair) != 2 or pair[1] != "ه" or len(letter) != 1:
            raise DataFileError(
                f"{table}: a pair is a consonant and ه, a letter one letter ({pair!r}, {letter!r})",
                path=table,
                line=line,
            )
        out[pair] = letter
    return out


#: The mark that ends a ``latin_digraphs.tsv`` row read only at the end of a word.
LATIN_ENDING_MARK = "$"


@cache
def latin_digraphs() -> dict[str, tuple[str, ...]]:
    """Latin letters and digraphs that other romanisations and European spellings write for
    an Arabic-script letter, and the Latin spellings nasab reads them as too
    (``latin_digraphs.tsv``: zh as j, Zhukov جوكوف, and as ch, Zhang تشانغ; c before e or i
    as s, Cerro سيرو; sz as sh, cz as ch, z as ts, w as v). A row whose letters end in
    ``$`` (:data:`LATIN_ENDING_MARK`) is a word ending, read so only at the end of a word
    (French silent endings: ``ault$`` as o, Dassault داسو; ``ier$`` as ie, Didier ديديه).

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import latin_digraphs
        >>> latin_digraphs()["zh"], latin_digraphs()["ce"], latin_digraphs()["ault$"]
        (('j', 'ch'), ('se',), ('o',))
    """
    table = "latin_digraphs.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        digraph, readings = row["digraph"], tuple(row["readings"].split("|"))
        letters = digraph.removesuffix(LATIN_ENDING_MARK)
        if not letters.isascii() or not letters.isalpha() or not all(r.isalpha() for r in readings):
            raise DataFileError(
                f"{table}: a digraph and its readings are Latin letters ({digraph!r}, {readings!r})",
                path=table,
                line=line,
            )
        out[digraph] = readings
    cycle = _digraph_cycle(out)
    if cycle:
        raise DataFileError(
            f"{table}: rows read each other in a cycle ({' -> '.join(cycle)}): a reading is "
            "read again by the rows, so a cycle would never end",
            path=table,
        )
    return out


@cache
def latin_letters() -> dict[str, tuple[str, ...]]:
    """Latin letters with a mark that stand for a sound their plain letter does not, and
    the Latin spellings nasab reads them as across scripts (``latin_letters.tsv``: š as sh,
    Šulović شولوفيتش; ć as ch, Jovanović يوفانوفيتش; ñ as ny). Normalisation writes each as
    its plain letter; the name parser keeps it in a token's text.

    Raises:
        DataFileError: if the table is missing or malformed (a letter that is not one
            non-ASCII letter which normalisation writes as one ASCII letter, or readings
            that are not ASCII letters).

    Example:
        >>> from nasab.lexicon import latin_letters
        >>> latin_letters()["š"], latin_letters()["ç"]
        (('sh',), ('ch', 's'))
    """
    table = "latin_letters.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        letter, readings = row["letter"], tuple(row["readings"].split("|"))
        plain = normalize(letter)
        if (
            len(letter) != 1
            or letter.isascii()
            or not letter.isalpha()
            or letter != letter.lower()
            or len(plain) != 1
            or not plain.isascii()
            or not plain.isalpha()
            or not all(r.isascii() and r.isalpha() for r in readings)
        ):
            raise DataFileError(
                f"{table}: a letter is one lower-case non-ASCII letter that normalisation "
                f"writes as one ASCII letter, its readings ASCII letters ({letter!r}, {readings!r})",
                path=table,
                line=line,
            )
        out[letter] = readings
    return out


#: The Latin letters a ``final_vowels.tsv`` row may list.
LATIN_VOWELS = "aeiouy"


@cache
def final_vowels() -> dict[str, frozenset[str]]:
    """The Latin vowels a name may end with (after a consonant) when its Arabic-script
    spelling ends in a long-vowel letter (``final_vowels.tsv``: ا a or e, ة a or e, و o, u
    or e, ي i, y or e; ة as normalisation writes it, ه).

    Raises:
        DataFileError: if the table is missing or malformed (a letter that is not one
            Arabic letter, or vowels that are not of :data:`LATIN_VOWELS`).

    Example:
        >>> from nasab.lexicon import final_vowels
        >>> sorted(final_vowels()["ه"]), sorted(final_vowels()["و"])
        (['a', 'e'], ['e', 'o', 'u'])
    """
    table = "final_vowels.tsv"
    out = {}
    for line, row in enumerate(load_tsv(table), start=1):
        letter, vowels = row["letter"], tuple(row["vowels"].split("|"))
        if (
            len(letter) != 1
            or not "\u0621" <= letter <= "\u064a"
            or normalize_arabic(letter) != letter
            or not all(len(v) == 1 and v in LATIN_VOWELS for v in vowels)
        ):
            raise DataFileError(
                f"{table}: a letter is one Arabic letter as normalisation writes it, its "
                f"vowels Latin vowel letters ({letter!r}, {vowels!r})",
                path=table,
                line=line,
            )
        out[letter] = frozenset(vowels)
    return out


def _digraph_cycle(rows: dict[str, tuple[str, ...]]) -> list[str]:
    """A cycle of digraph rows, each reading of which holds the next row's letters
    (``w`` read as ``v`` and ``v`` as ``w``), or ``[]`` when there is none. A word ending's
    reading ends the word: a word-ending row reads it again only where the two meet at the
    end (``c$`` read as ``ch`` does not end in ``c``)."""
    letters = {d: d.removesuffix(LATIN_ENDING_MARK) for d in rows}

    def reads(d: str, r: str, e: str) -> bool:
        if d.endswith(LATIN_ENDING_MARK) and e.endswith(LATIN_ENDING_MARK):
            return r.endswith(letters[e]) or letters[e].endswith(r)
        return letters[e] in r

    nxt = {d: [e for e in rows if any(reads(d, r, e) for r in rs)] for d, rs in rows.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(d: str, path: list[str]) -> list[str]:
        state[d] = 1
        for e in nxt[d]:
            if state.get(e) == 1:
                return [*path[path.index(e) :], e] if e in path else [*path, e]
            if e not in state and (found := walk(e, [*path, e])):
                return found
        state[d] = 2
        return []

    for d in sorted(rows):
        if d not in state and (found := walk(d, [d])):
            return found
    return []


@cache
def given_names() -> tuple[GivenNameEntry, ...]:
    """Arabic-origin given names from ``given_names.tsv``.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import given_names
        >>> [g.ar for g in given_names() if g.en == "muhammad"]
        [('محمد',)]
    """
    table = "given_names.tsv"
    return tuple(
        GivenNameEntry(
            en=row["en"], ar=_split(row["ar"]), count=_int(table, line, "count", row["count"])
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


#: The scripts :func:`given_name_words` knows.
GIVEN_NAME_SCRIPTS = ("latin", "arabic")


@cache
def given_name_words(script: str) -> frozenset[str]:
    """The one-word spellings of the Arabic-origin given names of ``given_names.tsv`` in
    one script, normalised (:func:`nasab.text.normalize`): every module that asks "is
    this word a listed given name" reads this set.

    Args:
        script: ``"latin"`` (the table's ``en`` column) or ``"arabic"`` (its ``ar``
            spellings).

    Raises:
        ValueError: if ``script`` is not one of :data:`GIVEN_NAME_SCRIPTS`.
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import given_name_words
        >>> "yusuf" in given_name_words("latin"), "يوسف" in given_name_words("arabic")
        (True, True)
    """
    if script not in GIVEN_NAME_SCRIPTS:
        raise ValueError(
            f"given_name_words: script must be one of {GIVEN_NAME_SCRIPTS}, not {script!r}"
        )
    forms = (
        (e.en for e in given_names())
        if script == "latin"
        else (a for e in given_names() for a in e.ar)
    )
    return frozenset(w for w in map(normalize, forms) if w and " " not in w)


# given_name_spellings: an attested Latin spelling of an Arabic given name counts from this
# score of news_spellings.tsv on (2 = one name pair written in plain ASCII letters).
GIVEN_SPELLING_MIN_SCORE = 2
# ... and only for a given name of given_names.tsv that at least this many listed persons
# carry as their first given name (rarer rows hold more stray Arabic spellings).
GIVEN_SPELLING_MIN_PERSONS = 3


@dataclass(frozen=True)
class GivenSpelling:
    """A Latin spelling attested for the Arabic spelling of a listed given name.

    Attributes:
        spelling: the Latin spelling, lower-case ASCII (``ahmed``).
        given: the given name's own Latin spelling in ``given_names.tsv`` (``ahmad``).
        arabic: the Arabic spelling both are attested for (normalised, ``احمد``).
        score: the spelling's score in ``news_spellings.tsv`` (summed over the table's
            rows whose letters normalise to ``arabic``).
    """

    spelling: str
    given: str
    arabic: str
    score: int


@cache
def given_name_spellings(
    min_score: int = GIVEN_SPELLING_MIN_SCORE,
    min_persons: int = GIVEN_SPELLING_MIN_PERSONS,
) -> tuple[GivenSpelling, ...]:
    """Latin spellings of the Arabic given names of ``given_names.tsv`` attested in the
    news name pairs of ``news_spellings.tsv``: for each listed given name carried by at
    least ``min_persons`` persons, each of its Arabic spellings (normalised) whose attested
    spellings include a listed given name's own Latin spelling (so a stray Arabic
    spelling of a row is left out), each attested spelling of score ``min_score`` or more
    other than the given name itself. Ordered by given name, Arabic spelling, spelling.

    No name comparison reads these; the English reader uses them to know a given name it
    has no row for ("Ahmed", "Osama"). The pairs are noisy: callers check that a spelling
    agrees with its Arabic letters.

    Raises:
        DataFileError: if a table is missing or malformed.

    Example:
        >>> from nasab.lexicon import given_name_spellings
        >>> [(g.spelling, g.given, g.arabic) for g in given_name_spellings()
        ...  if g.spelling in ("ahmed", "osama")]
        [('ahmed', 'ahmad', 'احمد'), ('osama', 'usama', 'اسامه')]
    """
    table = news_spellings()
    # Normalise only the keys with a letter that normalisation changes (hamza forms, ة, ى).
    changed = frozenset(c for c in set("".join(table)) if normalize_arabic(c) != c)
    attested: dict[str, dict[str, int]] = {}
    for letters, spellings in table.items():
        key = normalize_arabic(letters) if not changed.isdisjoint(letters) else letters
        row = attested.setdefault(key, {})
        for spelling, score in spellings:
            row[spelling] = row.get(spelling, 0) + score
    confirmed = {
        ar for entry in given_names() for ar in entry.ar if entry.en in attested.get(ar, {})
    }
    out: dict[str, GivenSpelling] = {}
    for entry in given_names():
        if entry.count < min_persons:
            continue
        for ar in entry.ar:
            if ar not in confirmed:
                continue
            for spelling, score in attested[ar].items():
                if score >= min_score and spelling != entry.en:
                    out.setdefault(spelling, GivenSpelling(spelling, entry.en, ar, score))
    return tuple(sorted(out.values(), key=lambda g: (g.given, g.arabic, g.spelling)))


@cache
def english_nicknames() -> dict[str, tuple[str, ...]]:
    """English familiar given names and the formal names they stand for, from
    ``nicknames_en.tsv`` (lower case).

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import english_nicknames
        >>> english_nicknames()["jim"]
        ('james',)
    """
    table = "nicknames_en.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        nick, formal = row["nickname"].strip(), _split(row["formal"])
        if not nick or not formal or nick != nick.lower():
            raise _row_error(table, line, "a lower-case nickname and its formal names are needed")
        out[nick] = formal
    return out


@cache
def org_translations() -> dict[str, tuple[str, ...]]:
    """Words of organisation names in other languages, written in Latin letters, and the
    English words that translate them, from ``org_translations.tsv`` (normalised forms).

    Raises:
        DataFileError: if the table is missing or malformed (a form that is not one
            normalised word, an empty translation, a form listed twice).

    Example:
        >>> from nasab.lexicon import org_translations
        >>> org_translations()["stichting"], org_translations()["kataib"]
        (('foundation',), ('brigades',))
    """
    table = "org_translations.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        form, en = row["form"], tuple(normalize(row["en"]).split())
        if not form or normalize(form) != form or len(form.split()) != 1 or not en:
            raise _row_error(
                table,
                line,
                f"a form must be one normalised word with an English "
                f"translation, got {form!r} -> {row['en']!r}",
            )
        if form in out:
            raise _row_error(table, line, f"{form!r} listed twice")
        out[form] = en
    return out


@cache
def org_translation_languages() -> dict[str, str]:
    """The language (ISO 639-1 code, lower case) of each form of ``org_translations.tsv``.

    Example:
        >>> from nasab.lexicon import org_translation_languages
        >>> org_translation_languages()["stichting"], org_translation_languages()["zavod"]
        ('nl', 'ru')
    """
    forms = org_translations()
    rows = load_tsv("org_translations.tsv")
    return {r["form"]: r["language"].strip().lower() for r in rows if r["form"] in forms}


#: Largest value of a units row of ``number_words.tsv``; larger rows are tens, up to
#: :data:`_NUMBER_TENS_MAX`.
_NUMBER_UNITS_MAX = 19
_NUMBER_TENS_MAX = 90


@cache
def number_words() -> dict[str, int]:
    """English number words and the numbers they write, from ``number_words.tsv``
    (``forty`` -> 40): the words 0 to 19 and the tens 20 to 90.

    Raises:
        DataFileError: if the table is missing or malformed (a word that is not one
            normalised Latin word, a value that is not 0..19 or a multiple of ten up to 90,
            a word listed twice).

    Example:
        >>> from nasab.lexicon import number_words
        >>> number_words()["forty"], number_words()["three"]
        (40, 3)
    """
    table = "number_words.tsv"
    out: dict[str, int] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        word, value = row["word"], _int(table, line, "value", row["value"])
        units = 0 <= value <= _NUMBER_UNITS_MAX
        tens = value % 10 == 0 and _NUMBER_UNITS_MAX < value <= _NUMBER_TENS_MAX
        if not word.isascii() or normalize(word) != word or len(word.split()) != 1:
            raise _row_error(
                table, line, f"a number word must be one normalised Latin word, got {word!r}"
            )
        if not (units or tens):
            raise _row_error(table, line, f"{word!r} writes {value}, not 0..19 or a ten up to 90")
        if word in out:
            raise _row_error(table, line, f"{word!r} listed twice")
        out[word] = value
    return out


@cache
def given_name_groups() -> dict[str, frozenset[str]]:
    """Latin given-name spellings -> the names they spell (group labels).

    Two spellings are one name when they share a label: an Arabic spelling in
    ``given_names.tsv`` (Youssef and Yusuf are both يوسف), one row of ``given_names_en.tsv``
    (Lucy and Lucie), or a formal name of ``nicknames_en.tsv`` (Jim and James). Two
    spellings that are both here without a common label are different names.

    Raises:
        DataFileError: if a table is missing or malformed.

    Example:
        >>> from nasab.lexicon import given_name_groups
        >>> groups = given_name_groups()
        >>> bool(groups["youssef"] & groups["yusuf"]), bool(groups["luke"] & groups["lucy"])
        (True, False)
    """
    out: dict[str, set[str]] = {}

    def add(spelling: str, label: str) -> None:
        out.setdefault(spelling, set()).add(label)

    for entry in given_names():
        for ar in entry.ar:
            add(entry.en, ar)
    table = "given_names_en.tsv"
    for line, row in enumerate(load_tsv(table), start=1):
        name = row["name"].strip()
        if not name or name != name.lower():
            raise _row_error(table, line, f"name {name!r} must be a lower-case name", column="name")
        for spelling in (name, *_split(row["variants"])):
            add(spelling, "en:" + name)
    for nick, formal in english_nicknames().items():
        for name in formal:
            add(nick, "en:" + name)
            add(name, "en:" + name)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def name_words() -> tuple[NameWordEntry, ...]:
    """Arabic name words from ``name_words.tsv``.

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import name_words
        >>> next(w for w in name_words() if w.ar == "محمد").kind
        'given'
    """
    table = "name_words.tsv"
    return tuple(
        NameWordEntry(
            ar=row["ar"],
            count=_int(table, line, "count", row["count"]),
            kind=_check(table, line, "kind", row["kind"], NAME_WORD_KINDS),
            risk=_check(table, line, "risk", row["risk"], frozenset({"0", "1"})) == "1",
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


@cache
def _word_lists() -> dict[str, tuple[str, ...]]:
    table = "words.tsv"
    lists: dict[str, list[str]] = {}
    for line, row in enumerate(load_tsv(table), start=1):
        name, word = row["list"], row["word"]
        if not name or not word or word != " ".join(word.split()):
            raise _row_error(table, line, f"empty list name or badly spaced word {word!r}")
        lists.setdefault(name, []).append(word)
    return {name: tuple(dict.fromkeys(words)) for name, words in lists.items()}


def word_list(name: str) -> tuple[str, ...]:
    """One named vocabulary list of ``words.tsv``, in file order (see the table's header).

    Args:
        name: the list name, e.g. ``"stop_en"`` or ``"legal_phrase_latn"``.

    Raises:
        DataFileError: if the table is missing, malformed, or has no list of that name.

    Example:
        >>> from nasab.lexicon import word_list
        >>> word_list("alias_phrase_en")[:2]
        ('also known as', 'better known as')
    """
    lists = _word_lists()
    if name not in lists:
        raise DataFileError(f"no word list named {name!r}", path=str(data_path("words.tsv")))
    return lists[name]


@cache
def word_set(name: str) -> frozenset[str]:
    """One named vocabulary list of ``words.tsv`` as a set (see :func:`word_list`).

    Example:
        >>> from nasab.lexicon import word_set
        >>> "said" in word_set("speech_en")
        True
    """
    return frozenset(word_list(name))


@cache
def nisba_endings() -> tuple[str, ...]:
    """The endings of an Arabic nisba adjective (``nisba_ending_ar`` of ``words.tsv``),
    masculine and feminine, normalised and as written, longest first: strip the first that
    ends a word to get its stem.

    Example:
        >>> from nasab.lexicon import nisba_endings
        >>> nisba_endings()
        ('يه', 'ية', 'ي')
        >>> "الهندية".endswith(nisba_endings())
        True
    """
    return word_list("nisba_ending_ar")


@cache
def feminine_endings() -> tuple[str, ...]:
    """The Arabic feminine endings (``feminine_ending_ar`` of ``words.tsv``): the ta marbuta
    normalised (``ه``) and as written (``ة``).

    Example:
        >>> from nasab.lexicon import feminine_endings
        >>> "مصلحة".endswith(feminine_endings()), "مصلحه".endswith(feminine_endings())
        (True, True)
    """
    return word_list("feminine_ending_ar")


def _header_count(table: str, key: str) -> int:
    """The number written as ``key=N`` in a table's ``#`` header."""
    for line in load_tsv_header(table):
        m = re.search(re.escape(key) + r"=(\d+)", line)
        if m:
            return int(m.group(1))
    raise DataFileError(f"the header has no {key}=N count", path=str(data_path(table)))


@cache
def token_freq() -> tuple[dict[str, int], int]:
    """Person-name token frequencies from ``token_freq.tsv``.

    Returns:
        (skeleton key -> number of persons whose name holds it, number of persons counted).

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import token_freq
        >>> counts, persons = token_freq()
        >>> counts["MHMD"] > 100 and persons > counts["MHMD"]
        True
    """
    table = "token_freq.tsv"
    counts = {
        row["key"]: _int(table, line, "count", row["count"])
        for line, row in enumerate(load_tsv(table), start=1)
    }
    return counts, _header_count(table, "persons")


@cache
def org_word_freq() -> tuple[dict[str, int], int]:
    """Organisation-name word frequencies from ``org_word_freq.tsv``.

    Returns:
        (word -> number of organisations using it, number of organisations counted).

    Raises:
        DataFileError: if the table is missing or malformed.

    Example:
        >>> from nasab.lexicon import org_word_freq
        >>> counts, orgs = org_word_freq()
        >>> 0 < counts["company"] < orgs
        True
    """
    table = "org_word_freq.tsv"
    counts = {
        row["word"]: _int(table, line, "count", row["count"])
        for line, row in enumerate(load_tsv(table), start=1)
    }
    return counts, _header_count(table, "organizations")


#: The kinds of rows of ``decoded_readings.tsv``.
DECODED_KINDS = frozenset({"ar", "lat"})

Readings = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Decoded:
    """The precomputed readings of one token: the best ones, and whether that is all."""

    readings: Readings
    complete: bool

    def first(self, k: int) -> Readings | None:
        """The ``k`` best readings, or None when the table holds fewer than ``k`` of
        more (then the caller decodes)."""
        return self.readings[:k] if self.complete or k <= len(self.readings) else None


class DecodedReadings:
    """Precomputed readings of one kind, parsed on first use of each key."""

    def __init__(self, table: str, raw: dict[str, tuple[int, str, str]]) -> None:
        self._table = table
        self._raw = raw  # key -> (data row, readings cell, left-out count cell)
        self._parsed: dict[str, Decoded] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def keys(self) -> list[str]:
        """The tokens that have precomputed readings, in table order."""
        return list(self._raw)

    def get(self, key: str) -> Decoded | None:
        """The readings of ``key``, best first; None when the table has none."""
        got = self._parsed.get(key)
        if got is None and key in self._raw:
            got = self._parsed[key] = self._parse(*self._raw[key])
        return got

    def first(self, key: str, k: int, decode: Callable[[str], Readings]) -> Readings:
        """The ``k`` best readings of ``key``: from the table when it holds them, else
        ``decode(key)[:k]`` (the decoder the table was built with, so the same values).

        Example:
            >>> table = decoded_readings("ar")
            >>> table.first("كاظمي", 1, decode=lambda key: ())[0][0]
            'kazemi'
            >>> table.first("zzzz", 2, decode=lambda key: (("a", 0.6), ("b", 0.3), ("c", 0.1)))
            (('a', 0.6), ('b', 0.3))
        """
        known = self.get(key)
        got = known.first(k) if known is not None else None
        return got if got is not None else decode(key)[:k]

    def _parse(self, line: int, text: str, more: str) -> Decoded:
        out = []
        for item in text.split(" "):
            spelling, _, prob = item.rpartition(":")
            try:
                out.append((spelling, float(prob)))
            except ValueError:
                raise _row_error(
                    self._table, line, f"probability {prob!r} is not a number", column="readings"
                ) from None
        return Decoded(tuple(out), _int(self._table, line, "more", more) == 0)


@cache
def decoded_readings(kind: str) -> DecodedReadings:
    """The learned transliteration decoder's output, precomputed for frequent name tokens
    (``decoded_readings.tsv``, built by ``scripts/build_decoded_readings.py``): the best
    readings of each token, and how many less likely ones were left out.

    Args:
        kind: ``"ar"``: article-free Arabic letters -> Latin spellings with probabilities
            (``nasab.translit.schemes.decoded_latin_spellings``); ``"lat"``: an
            article-free lowercase Latin token -> Arabic spellings with probabilities
            (``nasab.translit.variants.decoded_arabic_spellings``).

    Raises:
        DataFileError: if the table is missing or malformed.
        KeyError: for another kind.

    Example:
        >>> from nasab.lexicon import decoded_readings
        >>> decoded_readings("ar").get("كاظمي").readings[0][0]
        'kazemi'
    """
    if kind not in DECODED_KINDS:
        raise KeyError(kind)
    table = "decoded_readings.tsv"
    raw = {
        row["key"]: (line, row["readings"], row["more"])
        for line, row in enumerate(load_tsv(table), start=1)
        if _check(table, line, "kind", row["kind"], DECODED_KINDS) == kind
    }
    return DecodedReadings(table, raw)
