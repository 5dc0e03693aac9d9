"""Typed, cached access to the curated lexicon tables in ``data/aliases``.

Each loader reads one TSV table (through :func:`nasab._data.load_tsv`) the first time it is
called and returns an immutable tuple of frozen dataclasses; nothing is read at import time.

=====================  ======================  ===========================================
loader                 table                   what it holds
=====================  ======================  ===========================================
:func:`titles`         ``titles.tsv``          ranks, titles, honorifics, roles/offices
:func:`particles`      ``particles.tsv``       al-, bin, Abu, Abd, al-Din, ... (both scripts)
:func:`compounds`      ``compounds.tsv``       Abd + X, X + al-Din, fixed compound names
:func:`organizations`  ``organizations.tsv``   a gazetteer of well-known organisations
:func:`org_words`      ``org_words.tsv``       word dictionary for translating org names
:func:`places`         ``places.tsv``          countries, cities, governorates, features
:func:`geo_words`      ``geo_words.tsv``       Mountains, Lake, Wadi, Province, Airport, ...
=====================  ======================  ===========================================

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

from dataclasses import dataclass
from functools import cache

from ._data import data_path, load_tsv
from .errors import DataFileError

__all__ = [
    "COMPOUND_KINDS",
    "GEO_WORD_KINDS",
    "GEO_WORD_POSITIONS",
    "ORG_KINDS",
    "ORG_WORD_KINDS",
    "PARTICLE_KINDS",
    "PLACE_KINDS",
    "TITLE_KINDS",
    "CompoundEntry",
    "GeoWordEntry",
    "OrgWordEntry",
    "OrganizationEntry",
    "ParticleEntry",
    "PlaceEntry",
    "TitleEntry",
    "compounds",
    "geo_words",
    "org_words",
    "organization",
    "organizations",
    "particle_tokens",
    "particles",
    "places",
    "titles",
]

TITLE_KINDS = frozenset({"title", "rank", "role", "honorific"})
PARTICLE_KINDS = frozenset({"article", "patronymic", "kunya", "servant", "din", "connector"})
COMPOUND_KINDS = frozenset({"abd_divine", "din_first", "fixed"})
ORG_KINDS = frozenset(
    {"organization", "government", "military", "armed_group", "media", "international"}
)
ORG_WORD_KINDS = frozenset({"head", "modifier", "nationality", "function"})
PLACE_KINDS = frozenset({"country", "city", "region", "governorate", "geo"})
GEO_WORD_KINDS = frozenset({"geo", "admin", "facility"})
GEO_WORD_POSITIONS = frozenset({"before", "after"})


def _split(value: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into a tuple, dropping empty parts."""
    return tuple(part for part in value.split("|") if part)


def _check(table: str, row: int, column: str, value: str, allowed: frozenset[str]) -> str:
    """Return ``value`` if it is allowed, else raise naming the table, data row and column."""
    if value not in allowed:
        raise DataFileError(
            f"data row {row}: unexpected value {value!r} (expected one of {sorted(allowed)})",
            path=str(data_path(table)),
            column=column,
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
        kind: ``"article"``, ``"patronymic"``, ``"kunya"``, ``"servant"``, ``"din"`` or
            ``"connector"``.
        note: meaning and cautions.
    """

    token: str
    script: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class CompoundEntry:
    """A part of a compound given name, or a whole fixed compound name.

    Attributes:
        kind: ``"abd_divine"`` (the X of Abd + X, e.g. ``"الوهاب"``), ``"din_first"`` (the X
            of X al-Din, e.g. ``"صلاح"``) or ``"fixed"`` (a whole name, e.g. ``"عبدالله"``).
        ar: the Arabic form.
        en: canonical Latin form.
        variants_en: other Latin spellings.
    """

    kind: str
    ar: str
    en: str
    variants_en: tuple[str, ...] = ()

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
        raw = row["rank_order"]
        try:
            rank = int(raw) if raw else None
        except ValueError:
            raise DataFileError(
                f"data row {line}: rank_order {raw!r} is not an integer",
                path=str(data_path(table)),
                column="rank_order",
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
        )
        for line, row in enumerate(load_tsv(table), start=1)
    )


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
