"""Record attributes as evidence: date of birth, nationality, gender, place of birth;
for organisations and vessels, country, date of establishment and identifiers.

Lists write more than names: ``DOB 07 Jun 1951``, ``circa 1960``, ``1960 to 1962``,
``Nationality: Syria``, ``Gender: Male``; for a body, ``Registration ID 1027700132195``,
``IMO 9187629``, ``Organization Established Date 1998``, the country of its address or
incorporation (``jurisdiction``, ``address_country``...; not the ``country`` field of a
:class:`~nasab.resolution.Record`, the country a record is about, which is no evidence).
:func:`facts_of` reads a record's ``attrs`` into :class:`Facts` (what it cannot parse it
keeps as written, and uses for nothing); :func:`compare_facts` weighs the facts of two
records:

* **against** (a cannot-link): birth dates whose years cannot overlap (``1951`` and
  ``1964``; ``circa 1960`` and ``1963`` overlap, since *circa* widens a year by
  :data:`CIRCA_YEARS`), different genders, or different numbers of a scheme that gives
  one body one number for good (:data:`UNIQUE_SCHEMES`: a ship's IMO number, an LEI);
* **weakly against**: nationalities (or citizenships) that share no country, countries
  (of address, incorporation or jurisdiction) that share none, or dates of establishment
  whose years cannot overlap (a body may be registered again, so not a cannot-link): the
  name score is multiplied by :data:`NATIONALITY_FACTOR`;
* **for**: an equal full date of birth (day, month and year), or an equal identifier of
  one scheme (a registration or tax number, SWIFT/BIC, IMO, MMSI, LEI, DUNS; a passport or
  national identity number): the name score moves :data:`FULL_DATE_SUPPORT` of the way to
  1 (only for names scoring at least :data:`SUPPORT_MIN_SCORE`: a date or a number never
  joins names that do not resemble each other).

Attribute names are read in any case, with spaces, dashes or underscores, or in camel case
(``registrationNumber``, ``imoNumber``, ``dateOfBirth``: the property names of
FollowTheMoney, which OpenSanctions data uses).

Everything here is a pure function of one record's attributes or of two records'
facts, so a distributed run (``nasab.spark``) calls the same functions in its workers.

Example:
    >>> a = facts_of({"dob": "07 Jun 1951", "nationality": "Syria"})
    >>> b = facts_of({"DOB": "1964"})
    >>> compare_facts(a, b).verdict
    'against'
    >>> compare_facts(a, facts_of({"date_of_birth": "circa 1950"})).verdict
    'none'
    >>> compare_facts(a, facts_of({"dob": "1951-06-07"})).verdict
    'for'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import places, word_list, word_set
from ..text import normalize

__all__ = [
    "CIRCA_YEARS",
    "FACTS",
    "FULL_DATE_SUPPORT",
    "NATIONALITY_FACTOR",
    "SCHEMES",
    "SUPPORT_MIN_SCORE",
    "UNIQUE_SCHEMES",
    "Birth",
    "Evidence",
    "Facts",
    "adjust_score",
    "attribute_keys",
    "compare_facts",
    "facts_of",
    "identifier_schemes",
    "parse_birth",
]

#: The facts an attribute may give; ``words.tsv`` lists the attribute names of each
#: (``attr_birth``, ``attr_nationality``...).
FACTS = ("birth", "nationality", "gender", "place", "country", "founded")

#: The identifier schemes; ``words.tsv`` lists the attribute names of each (``id_imo``...).
#: Two records that share a number of one scheme are one entity's (evidence for); see
#: :data:`UNIQUE_SCHEMES` for the schemes whose different numbers are evidence against.
SCHEMES = ("registration", "tax", "swift", "imo", "mmsi", "lei", "duns", "passport", "national_id")

#: Identifier schemes that give a body one number for good: two records whose numbers of
#: such a scheme differ are two bodies (a cannot-link). A ship keeps its IMO number through
#: every change of name and flag; a legal entity has one LEI. Registration and tax numbers
#: are not: a body holds one in each country it is registered in.
UNIQUE_SCHEMES = frozenset({"imo", "lei"})

#: Years on either side of a year written *circa* (``circa 1960`` = 1958..1962).
CIRCA_YEARS = 2
#: Score factor when both records give nationalities (or a body's countries) and they share
#: none, or a body's dates of establishment that cannot overlap.
NATIONALITY_FACTOR = 0.8
#: Share of the way to 1 that an equal full date of birth moves a name score.
FULL_DATE_SUPPORT = 0.7
#: Names scoring below this get no support from an equal date of birth.
SUPPORT_MIN_SCORE = 0.2
#: Earliest and latest years read as years of birth.
YEAR_RANGE = (1800, 2100)

_SEP = re.compile(r"\s*[|;]\s*")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")
_NOT_ALNUM = re.compile(r"[\W_]+")
_PARENS = re.compile(r"\([^)]*\)")
_YEAR_DASH = re.compile(r"\b(\d{4})\s*[-–]\s*(\d{4})\b")
_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?|[-–/]")


@dataclass(frozen=True)
class Birth:
    """A date of birth, or a span of years it lies in.

    Attributes:
        first: earliest possible year.
        last: latest possible year.
        month: month (1-12) when the date gives one and names a single year.
        day: day of the month when the date gives one.
    """

    first: int
    last: int
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> bool:
        """Whether this is one exact date (day, month and year)."""
        return self.first == self.last and self.month is not None and self.day is not None

    def __str__(self) -> str:
        if self.full:
            return f"{self.first:04d}-{self.month:02d}-{self.day:02d}"
        if self.first == self.last:
            return f"{self.first}" if self.month is None else f"{self.first:04d}-{self.month:02d}"
        return f"{self.first}..{self.last}"


def _order(b: Birth) -> tuple[int, int, int, int]:
    return (b.first, b.last, b.month or 0, b.day or 0)


@dataclass(frozen=True)
class Facts:
    """What a record's attributes say about its entity.

    Attributes:
        birth: the dates (or spans) of birth given, parsed.
        nationality: nationalities and citizenships, normalised.
        gender: ``m``, ``f`` or None.
        place: places of birth, normalised.
        country: countries of a body (address, incorporation, jurisdiction), normalised.
        founded: the dates (or spans) of establishment given, parsed.
        ids: identifiers as ``(scheme, number)`` (:data:`SCHEMES`), the number in
            capitals with everything but letters and digits dropped, and the scheme's name
            before its digits (``IMO 9187629``: ``9187629``).
        unparsed: dates that could not be read, as written (kept, not used).
    """

    birth: tuple[Birth, ...] = ()
    nationality: frozenset[str] = field(default_factory=frozenset)
    gender: str | None = None
    place: frozenset[str] = field(default_factory=frozenset)
    country: frozenset[str] = field(default_factory=frozenset)
    founded: tuple[Birth, ...] = ()
    ids: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    unparsed: tuple[str, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(
            self.birth
            or self.nationality
            or self.gender
            or self.place
            or self.country
            or self.founded
            or self.ids
        )

    def signature(self) -> str:
        """A canonical text of the usable facts ('' when none): equal facts, equal text.

        Example:
            >>> facts_of({"dob": "1960 to 1962", "gender": "Male"}).signature()
            'b=1960..1962;g=m'
        """
        parts = []
        if self.birth:
            parts.append("b=" + ",".join(str(b) for b in sorted(set(self.birth), key=_order)))
        if self.nationality:
            parts.append("n=" + ",".join(sorted(self.nationality)))
        if self.gender:
            parts.append("g=" + self.gender)
        if self.place:
            parts.append("p=" + ",".join(sorted(self.place)))
        if self.country:
            parts.append("c=" + ",".join(sorted(self.country)))
        if self.founded:
            parts.append("f=" + ",".join(str(b) for b in sorted(set(self.founded), key=_order)))
        if self.ids:
            parts.append("i=" + ",".join(f"{k}:{v}" for k, v in sorted(self.ids)))
        return ";".join(parts)


@dataclass(frozen=True)
class Evidence:
    """What two records' facts say about the pair.

    Attributes:
        verdict: ``against`` (a cannot-link), ``weak_against`` (score lowered), ``for``
            (score raised) or ``none``.
        reasons: readable lines, one per fact compared.
    """

    verdict: str
    reasons: tuple[str, ...] = ()


@cache
def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for k, forms in enumerate(word_list("month_en"), start=1):
        for form in forms.split():
            out[form] = k
    return out


@cache
def attribute_keys() -> dict[str, str]:
    """Attribute name (as :func:`facts_of` reads it: lower case, words joined by ``_``) ->
    the fact it gives (:data:`FACTS`; the ``attr_`` lists of ``words.tsv``).

    Example:
        >>> attribute_keys()["dob"], attribute_keys()["jurisdiction"]
        ('birth', 'country')
    """
    return {key: fact for fact in FACTS for key in word_list(f"attr_{fact}")}


@cache
def identifier_schemes() -> dict[str, str]:
    """Attribute name -> the identifier scheme it gives (:data:`SCHEMES`; the ``id_``
    lists of ``words.tsv``).

    Example:
        >>> identifier_schemes()["imo_number"], identifier_schemes()["ogrn"]
        ('imo', 'registration')
    """
    return {key: scheme for scheme in SCHEMES for key in word_list(f"id_{scheme}")}


def _year(text: str) -> int | None:
    if not text.isdigit() or len(text) != 4:
        return None
    y = int(text)
    return y if YEAR_RANGE[0] <= y <= YEAR_RANGE[1] else None


def _one_date(tokens: list[str]) -> Birth | None:
    """A date from its tokens: ``07 Jun 1951``, ``Jun 1951``, ``1951``, ``1951-06-07``, ``07/06/1951``."""
    nums = [t for t in tokens if t.isdigit()]
    words = [t.rstrip(".") for t in tokens if not t.isdigit() and t not in "-–/"]
    months = [_months()[w] for w in words if w in _months()]
    if len(words) != len(months) or len(months) > 1:
        return None
    years = [y for y in (_year(t) for t in nums) if y is not None]
    if len(years) != 1:
        return None
    year = years[0]
    rest = [int(t) for t in nums if _year(t) != year]
    if months:
        day = rest[0] if len(rest) == 1 and 1 <= rest[0] <= 31 else None
        return (
            None if len(rest) > 1 or (rest and day is None) else Birth(year, year, months[0], day)
        )
    if not rest:
        return Birth(year, year)
    if len(rest) == 2 and nums[0] == str(year) and 1 <= rest[0] <= 12 and 1 <= rest[1] <= 31:
        return Birth(year, year, rest[0], rest[1])  # ISO: year first
    return Birth(year, year)  # 07/06/1951: day and month order unknown, the year is sure


def _span(text: str) -> Birth | None:
    tokens = _TOKEN.findall(normalize(_YEAR_DASH.sub(r"\1 to \2", text)))
    if not tokens:
        return None
    approx = tokens[0].rstrip(".") in word_set("date_approx_en")
    if approx:
        tokens = tokens[1:]
    cut = [k for k, t in enumerate(tokens) if t in word_set("date_range_en")]
    if cut:
        a, b = _one_date(tokens[: cut[0]]), _one_date(tokens[cut[0] + 1 :])
        if a is None or b is None or b.last < a.first:
            return None
        return Birth(a.first, b.last)
    got = _one_date(tokens)
    if got is not None and approx:
        return Birth(got.first - CIRCA_YEARS, got.last + CIRCA_YEARS)
    return got


def parse_birth(text: str) -> tuple[tuple[Birth, ...], tuple[str, ...]]:
    """Dates of birth from a value as lists write it (several joined by ``|`` or ``;``).

    Returns:
        The dates read, and the parts that could not be read (as written).

    Example:
        >>> [str(b) for b in parse_birth("DOB 07 Jun 1951 | circa 1960 | 1960 to 1962")[0]]
        ['1951-06-07', '1958..1962', '1960..1962']
        >>> parse_birth("in the spring")
        ((), ('in the spring',))
    """
    found: list[Birth] = []
    left: list[str] = []
    for part in _SEP.split(str(text).strip()):
        if not part:
            continue
        cleaned = re.sub(r"^\s*(?:dob|d\.o\.b\.?|born|b\.)\s*:?\s*", "", part, flags=re.I)
        got = _span(cleaned)
        if got is None:
            left.append(part)
        else:
            found.append(got)
    return tuple(found), tuple(left)


def _values(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    out = []
    for item in items:
        out.extend(p for p in _SEP.split(str(item).strip()) if p)
    return out


def _gender(values: list[str]) -> str | None:
    got = set()
    for v in values:
        n = normalize(v)
        if n in word_set("gender_male"):
            got.add("m")
        elif n in word_set("gender_female"):
            got.add("f")
    return got.pop() if len(got) == 1 else None


def _key(name: object) -> str:
    """An attribute name as the tables write it: ``Date of Birth``, ``date-of-birth`` and
    ``dateOfBirth`` are ``date_of_birth``."""
    return re.sub(r"[\s\-_]+", "_", _CAMEL.sub("_", str(name).strip())).lower()


def _number(value: str) -> str:
    """An identifier as compared: what the value gives in parentheses dropped (lists add
    the issuing country: ``1027700132195 (Russia)``), then capitals, letters and digits
    only (``ru-1027700132195`` -> ``RU1027700132195``)."""
    return _NOT_ALNUM.sub("", _PARENS.sub("", value)).upper()


def _ids(by_scheme: dict[str, list[str]]) -> frozenset[tuple[str, str]]:
    """The ``(scheme, number)`` pairs of the values given per scheme (:func:`_number`), the
    scheme's name dropped where it precedes the digits (``IMO 9187629``: ``9187629``)."""
    out = set()
    for scheme, values in by_scheme.items():
        for v in values:
            n = _number(v)
            if n.startswith(scheme.upper()) and n[len(scheme) :].isdigit():
                n = n[len(scheme) :]
            if n:
                out.add((scheme, n))
    return frozenset(out)


#: The facts of a record without attributes: one object for all (facts are frozen; a
#: million nodes held a million empty ones, 170 bytes each).
_NO_FACTS = Facts()


def facts_of(attrs: Mapping[str, object] | None) -> Facts:
    """The facts a record's attributes give (see :func:`attribute_keys` and :func:`identifier_schemes` for the names read).

    Example:
        >>> f = facts_of({"DOB": "circa 1960", "Citizen": "Iraq | Syria", "sex": "F", "x": 1})
        >>> (str(f.birth[0]), sorted(f.nationality), f.gender)
        ('1958..1962', ['iraq', 'syria'], 'f')
    """
    if not attrs:
        return _NO_FACTS
    by_fact: dict[str, list[str]] = {}
    by_scheme: dict[str, list[str]] = {}
    for name, value in attrs.items():
        key = _key(name)
        fact = attribute_keys().get(key)
        if fact is not None:
            by_fact.setdefault(fact, []).extend(_values(value))
        scheme = identifier_schemes().get(key)
        if scheme is not None:
            by_scheme.setdefault(scheme, []).extend(_values(value))
    unparsed: list[str] = []
    births = _dates(by_fact.get("birth", []), unparsed)
    founded = _dates(by_fact.get("founded", []), unparsed)
    return Facts(
        birth=births,
        nationality=_normalised(by_fact.get("nationality", [])),
        gender=_gender(by_fact.get("gender", [])),
        place=_normalised(by_fact.get("place", [])),
        country=_normalised(by_fact.get("country", [])),
        founded=founded,
        ids=_ids(by_scheme),
        unparsed=tuple(unparsed),
    )


def _dates(values: list[str], unparsed: list[str]) -> tuple[Birth, ...]:
    """The dates of ``values``, sorted; what cannot be read goes to ``unparsed``."""
    found: list[Birth] = []
    for v in values:
        got, left = parse_birth(v)
        found.extend(got)
        unparsed.extend(left)
    return tuple(sorted(set(found), key=_order))


def _normalised(values: list[str]) -> frozenset[str]:
    return frozenset(n for n in (normalize(v) for v in values if v) if n)


def _births_overlap(a: tuple[Birth, ...], b: tuple[Birth, ...]) -> bool:
    return any(x.first <= y.last and y.first <= x.last for x in a for y in b)


def compare_facts(a: Facts, b: Facts) -> Evidence:
    """Weigh two records' facts (see the module doc for the rules).

    Example:
        >>> compare_facts(facts_of({"gender": "male"}), facts_of({"gender": "ذكر"})).verdict
        'none'
        >>> compare_facts(facts_of({"gender": "male"}), facts_of({"gender": "female"})).reasons
        ('genders differ (m vs f)',)
    """
    against, weak, support, neutral = [], [], [], []
    if a.birth and b.birth:
        shown = f"{', '.join(map(str, a.birth))} vs {', '.join(map(str, b.birth))}"
        if not _births_overlap(a.birth, b.birth):
            against.append(f"dates of birth cannot agree ({shown})")
        elif {x for x in a.birth if x.full} & {y for y in b.birth if y.full}:
            support.append(f"same full date of birth ({shown})")
        else:
            neutral.append(f"dates of birth compatible ({shown})")
    if a.gender and b.gender and a.gender != b.gender:
        against.append(f"genders differ ({a.gender} vs {b.gender})")
    _weigh_places(
        a.nationality, b.nationality, ("nationality shared", "nationalities differ"), weak, neutral
    )
    if a.place and b.place and a.place & b.place:
        neutral.append(f"same place of birth ({', '.join(sorted(a.place & b.place))})")
    _weigh_body(a, b, against, weak, support, neutral)
    reasons = tuple(against + weak + support + neutral)
    if against:
        return Evidence("against", reasons)
    if weak:
        return Evidence("weak_against", reasons)
    if support:
        return Evidence("for", reasons)
    return Evidence("none", reasons)


@cache
def _country_codes() -> dict[str, str]:
    """Every name of a country in ``places.tsv`` (English, Arabic, variants, its ISO code),
    normalised -> the country's ISO code."""
    out: dict[str, str] = {}
    for p in places():
        if p.kind == "country" and len(p.countries) == 1:
            code = p.countries[0]
            for form in (p.en, p.ar, *p.variants_en, *p.variants_ar, code):
                out.setdefault(normalize(form), code)
    return out


def _countries(names: frozenset[str]) -> frozenset[str]:
    """Normalised country names as their countries: one country's names in either script
    are one (``iran``, ``islamic republic of iran``, ``ايران``); a name ``places.tsv``
    does not list stands for itself.

    Example:
        >>> sorted(_countries(frozenset({"iran", "ايران", "islamic republic of iran", "atlantis"})))
        ['IR', 'atlantis']
    """
    codes = _country_codes()
    return frozenset(codes.get(n, n) for n in names)


def _weigh_places(
    x: frozenset[str], y: frozenset[str], says: tuple[str, str], weak: list[str], neutral: list[str]
) -> None:
    """Two sets of countries (nationalities, a body's countries), compared as countries
    (:func:`_countries`): one shared is a neutral reason (``says[0]``), none shared a weak
    reason against (``says[1]``)."""
    if x and y:
        shown = f"{', '.join(sorted(x))} vs {', '.join(sorted(y))}"
        shared = bool(_countries(x) & _countries(y))
        (neutral if shared else weak).append(f"{says[0] if shared else says[1]} ({shown})")


def _weigh_body(
    a: Facts, b: Facts, against: list[str], weak: list[str], support: list[str], neutral: list[str]
) -> None:
    """The facts of a body (countries, dates of establishment, identifiers), added to the
    reason lists of :func:`compare_facts`."""
    _weigh_places(a.country, b.country, ("country shared", "countries differ"), weak, neutral)
    if a.founded and b.founded:
        shown = f"{', '.join(map(str, a.founded))} vs {', '.join(map(str, b.founded))}"
        if _births_overlap(a.founded, b.founded):
            neutral.append(f"dates of establishment compatible ({shown})")
        else:
            weak.append(f"dates of establishment cannot agree ({shown})")
    shared = a.ids & b.ids
    if shared:
        support.append("same identifier (" + ", ".join(f"{k} {v}" for k, v in sorted(shared)) + ")")
    for scheme in sorted(UNIQUE_SCHEMES):
        mine = {v for k, v in a.ids if k == scheme}
        theirs = {v for k, v in b.ids if k == scheme}
        if mine and theirs and not mine & theirs:
            shown = f"{', '.join(sorted(mine))} vs {', '.join(sorted(theirs))}"
            against.append(f"{scheme} numbers differ ({shown})")


def adjust_score(score: float, evidence: Evidence) -> float:
    """A name score adjusted by attribute evidence (a cannot-link is not a score: kept).

    Example:
        >>> adjust_score(0.6, Evidence("for")), adjust_score(0.5, Evidence("weak_against"))
        (0.88, 0.4)
    """
    if evidence.verdict == "for" and score >= SUPPORT_MIN_SCORE:
        return round(score + (1.0 - score) * FULL_DATE_SUPPORT, 6)
    if evidence.verdict == "weak_against":
        return round(score * NATIONALITY_FACTOR, 6)
    return score
