"""Look-up indexes for the rule-based extractor, built once from :mod:`nasab.lexicon`.

The words themselves live in the tables of ``data/aliases`` (titles, organisations, places,
given names, name words and the vocabulary lists of ``words.tsv``); a missing or malformed
table raises :class:`nasab.errors.DataFileError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import (
    PARTICLE_KINDS,
    geo_words,
    given_name_groups,
    given_name_spellings,
    given_name_words,
    name_words,
    news_outlets,
    org_words,
    organizations,
    particle_forms,
    places,
    titles,
    word_list,
    word_set,
)
from ..names.keys import skeleton
from ..text import normalize

__all__ = ["Lexicon", "TitleInfo", "lexicon"]


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """A title, rank or role phrase: its kind and canonical forms."""

    kind: str  # rank | role | title | honorific
    en: str
    ar: str


@dataclass(frozen=True)
class Lexicon:
    """All lookup tables the extractor needs (normalised keys)."""

    titles_en: dict[tuple[str, ...], TitleInfo]
    titles_ar: dict[tuple[str, ...], TitleInfo]
    title_max: int
    title_acronyms_en: dict[str, TitleInfo]  # exact-case short acronym -> title (CEO, MP)
    org_heads_en: frozenset[str]
    org_heads_ar: frozenset[str]
    media_en: frozenset[str]
    orgs_en: dict[tuple[str, ...], str]  # normalised name tokens -> org id
    orgs_acronyms: dict[str, str]  # exact-case acronym -> org id
    orgs_ar: dict[tuple[str, ...], str]
    org_max: int
    org_names: dict[str, str]  # org id -> English name
    outlet_ids: frozenset[str]  # ids of the gazetteer's outlets.tsv rows
    places_en: dict[tuple[str, ...], str]  # -> kind
    places_ar: dict[tuple[str, ...], str]
    place_max: int
    geo_after_en: frozenset[str]
    geo_before_en: frozenset[str]
    geo_before_ar: frozenset[str]
    geo_after_ar: frozenset[str]
    given_en: frozenset[str]
    given_ar: frozenset[str]
    name_ar: dict[str, int]  # Arabic name word -> number of name pairs (name_words.tsv)
    name_risky_ar: frozenset[str]  # name words that are also ordinary words
    given_words_ar: frozenset[str]  # name words of kind "given" that are no ordinary words
    ar_type_heads: frozenset[str]
    org_cues_ar: frozenset[str]  # function words, modifiers, nationalities (article-free)
    nationality_ar: frozenset[str]


def _key(form: str) -> tuple[str, ...]:
    return tuple(normalize(form).split())


def _is_bare_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return form.isupper() and len(letters) <= 3 and "." not in form


def _strip_article(word: str) -> str:
    """An Arabic word without the article, when a word of more than two letters remains."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _title_indexes() -> tuple[dict[tuple[str, ...], TitleInfo], dict[tuple[str, ...], TitleInfo]]:
    """(English, Arabic) title phrase -> TitleInfo, without the words too common alone."""
    titles_en: dict[tuple[str, ...], TitleInfo] = {}
    titles_ar: dict[tuple[str, ...], TitleInfo] = {}
    posts_en = word_set("title_role_en")
    for entry in titles():
        info = TitleInfo(entry.kind, entry.en.strip(), entry.ar.strip())
        # a title that also names a post held is a role in English text (Professor X)
        info_en = TitleInfo("role", info.en, info.ar) if info.en.lower() in posts_en else info
        for form in entry.forms_en:
            if form and not _is_bare_acronym(form):
                k = _key(form)
                if k:
                    titles_en.setdefault(k, info_en)
        for form in entry.forms_ar:
            k = _key(form)
            if k and not (len(k) == 1 and len(k[0]) <= 1):
                titles_ar.setdefault(k, info)
                if k[0].startswith("ال") and len(k[0]) > 3:  # the bare form too
                    titles_ar.setdefault((k[0][2:], *k[1:]), info)
    for weak in word_list("title_dropped_en"):
        titles_en.pop((weak,), None)
    for weak in word_list("title_dropped_ar"):
        titles_ar.pop((weak,), None)
    return titles_en, titles_ar


def _title_acronyms() -> dict[str, TitleInfo]:
    """Short English title acronyms read only in capitals (``title_acronym_en``: CEO,
    MP): exact case -> the titles table's row; a bare acronym of three letters or fewer
    is otherwise left out of the title index (AM, PM, MG are also ordinary words).

    Example:
        >>> _title_acronyms()["CEO"].en
        'Chief Executive'
    """
    wanted = word_set("title_acronym_en")
    out: dict[str, TitleInfo] = {}
    posts_en = word_set("title_role_en")
    for entry in titles():
        info = TitleInfo(entry.kind, entry.en.strip(), entry.ar.strip())
        info = TitleInfo("role", info.en, info.ar) if info.en.lower() in posts_en else info
        for form in entry.forms_en:
            if form in wanted:
                out.setdefault(form, info)
    return out


def _org_heads(
    titles_ar: dict[tuple[str, ...], TitleInfo],
) -> tuple[frozenset[str], frozenset[str]]:
    """(English, Arabic) organisation head words: the vocabulary lists and org_words heads."""
    heads_en = set(word_set("org_head_en"))
    heads_ar = set(word_set("org_head_ar"))
    for entry in org_words():
        if entry.kind != "head":
            continue
        for form in entry.forms_en:
            k = _key(form)
            if len(k) == 1:
                heads_en.add(k[0])
        k = _key(entry.ar)  # the singular only: plurals (أجهزة, برامج) name things
        if len(k) == 1:
            heads_ar.add(k[0])
    heads_en -= word_set("event_en")  # a conference is held by an organisation, it is none
    heads_ar -= word_set("event_ar")
    one_word_titles = {k[0] for k in titles_ar if len(k) == 1}
    heads_ar -= one_word_titles | {w[2:] for w in one_word_titles}
    return frozenset(heads_en), frozenset(heads_ar)


def _org_cues_ar() -> tuple[frozenset[str], frozenset[str]]:
    """(Arabic institution cue words, Arabic nationality adjectives), article-free."""
    cues: set[str] = set()
    nationality: set[str] = set()
    for entry in org_words():
        if entry.kind not in ("function", "modifier", "nationality"):
            continue
        for form in entry.forms_ar:
            for part in _key(form):
                part = _strip_article(part)
                if len(part) >= 3:
                    cues.add(part)
                    if entry.kind == "nationality":
                        nationality.update({part, part + "ه"})
    cues.update(word_set("org_cue_ar"))
    return frozenset(cues), frozenset(nationality)


def _geo_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(English words after a place name, English words before it, Arabic words before it)."""
    after_en, before_en = set(word_set("geo_after_en")), set(word_set("geo_before_en"))
    before_ar = set(word_set("geo_before_ar"))
    ambiguous_ar = word_set("geo_ambiguous_ar")
    for entry in geo_words():
        k = _key(entry.en)
        if len(k) == 1:
            (before_en if entry.position == "before" else after_en).add(k[0])
        k = _key(entry.ar)
        if len(k) == 1:
            # Arabic geographic words precede the name (جبال حمرين) whatever the English order.
            word = _strip_article(k[0])
            if word not in ambiguous_ar:
                before_ar.add(word)
    return frozenset(after_en), frozenset(before_en), frozenset(before_ar)


@dataclass(frozen=True)
class _OrgGazetteer:
    en: dict[tuple[str, ...], str]
    ar: dict[tuple[str, ...], str]
    acronyms: dict[str, str]
    names: dict[str, str]


def _org_gazetteer() -> _OrgGazetteer:
    """Known organisations and news outlets indexed by normalised English/Arabic names and
    exact acronyms."""
    gaz = _OrgGazetteer({}, {}, {}, {})
    for org in organizations():
        oid = org.id.strip() or org.en.strip()
        gaz.names[oid] = org.en.strip()
        for form in org.acronyms:  # exact case ("IS" only in capitals; "Daesh")
            if form.isascii():
                gaz.acronyms.setdefault(form, oid)
        for form in (org.en, *org.aliases_en, *org.acronyms):
            if not form:
                continue
            if form.replace(".", "").replace("-", "").isupper() and len(form) <= 8:
                gaz.acronyms.setdefault(form, oid)
            elif k := _key(form):
                latin = any(c.isalpha() and c.isascii() for c in form)
                (gaz.en if latin else gaz.ar).setdefault(k, oid)
        for form in org.forms_ar:
            if k := _key(form):
                gaz.ar.setdefault(k, oid)
    for outlet in news_outlets():  # after the organisations: a name listed there stays theirs
        gaz.names.setdefault(outlet.id, outlet.en)
        for form in outlet.forms_en:
            if form.replace(".", "").replace("-", "").isupper() and len(form) <= 8:
                gaz.acronyms.setdefault(form, outlet.id)
            elif k := _key(form):
                gaz.en.setdefault(k, outlet.id)
    return gaz


def _places() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """(English, Arabic) normalised place names -> place kind."""
    places_en: dict[tuple[str, ...], str] = {}
    places_ar: dict[tuple[str, ...], str] = {}
    for entry in places():
        kind = entry.kind.strip() or "place"
        for form in entry.forms_en:
            if k := _key(form):
                places_en.setdefault(k, kind)
        for form in entry.forms_ar:
            if k := _key(form):
                places_ar.setdefault(k, kind)
    return places_en, places_ar


def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(Latin, Arabic) one-word given names (given_names.tsv; Arabic also words.tsv
    ``given_name_ar``); Arabic ones that are common words left out."""
    given_en = set(given_name_words("latin"))
    given_ar = set(given_name_words("arabic"))
    given_ar |= word_set("given_name_ar")
    # European given names and English nicknames (given_names_en.tsv, nicknames_en.tsv)
    given_en.update(n for n in map(normalize, given_name_groups()) if n and " " not in n)
    given_en |= _attested_given_spellings()
    return frozenset(given_en), frozenset(given_ar - word_set("given_common_ar"))


def _attested_given_spellings() -> frozenset[str]:
    """Latin spellings of listed Arabic given names attested in the news name pairs
    (:func:`nasab.lexicon.given_name_spellings`: "ahmed", "osama", "said") whose consonant
    skeleton is that of the Arabic letters they spell (a stray pair's "morocco" for محمد
    is none) and that are no name particle ("abu")."""
    particles = frozenset().union(*(particle_forms(k, "latn") for k in PARTICLE_KINDS))
    return frozenset(
        g.spelling
        for g in given_name_spellings()
        if skeleton(g.spelling) == skeleton(g.arabic) and g.spelling not in particles
    )


def _name_words_ar() -> tuple[dict[str, int], frozenset[str]]:
    """(Arabic name word -> number of name pairs, name words that are also ordinary words)."""
    counts: dict[str, int] = {}
    risky: set[str] = set(word_set("given_common_ar"))
    for entry in name_words():
        word = entry.ar.strip()
        if word:
            counts[word] = entry.count
            if entry.risk:
                risky.add(word)
    return counts, frozenset(risky)


def _longest(*indexes: dict[tuple[str, ...], object]) -> int:
    return max((len(k) for index in indexes for k in index), default=1)


@cache
def lexicon() -> Lexicon:
    """Build (once) the extractor's lexicon from the shipped tables."""
    titles_en, titles_ar = _title_indexes()
    org_heads_en, org_heads_ar = _org_heads(titles_ar)
    org_cues_ar, nationality_ar = _org_cues_ar()
    geo_after_en, geo_before_en, geo_before_ar = _geo_words()
    orgs = _org_gazetteer()
    places_en, places_ar = _places()
    given_en, given_ar = _given_names()
    name_ar, name_risky_ar = _name_words_ar()
    return Lexicon(
        titles_en=titles_en,
        titles_ar=titles_ar,
        title_max=_longest(titles_en, titles_ar),
        title_acronyms_en=_title_acronyms(),
        org_heads_en=org_heads_en,
        org_heads_ar=org_heads_ar,
        media_en=word_set("media_en"),
        orgs_en=orgs.en,
        orgs_acronyms=orgs.acronyms,
        orgs_ar=orgs.ar,
        org_max=_longest(orgs.en, orgs.ar),
        org_names=orgs.names,
        outlet_ids=frozenset(o.id for o in news_outlets()),
        places_en=places_en,
        places_ar=places_ar,
        place_max=_longest(places_en, places_ar),
        geo_after_en=geo_after_en,
        geo_before_en=geo_before_en,
        geo_before_ar=geo_before_ar,
        geo_after_ar=frozenset(),
        given_en=given_en,
        given_ar=given_ar,
        name_ar=name_ar,
        name_risky_ar=name_risky_ar,
        given_words_ar=frozenset(
            e.ar.strip() for e in name_words() if e.kind == "given" and not e.risk
        )
        - name_risky_ar,
        ar_type_heads=word_set("org_type_head_ar"),
        org_cues_ar=org_cues_ar,
        nationality_ar=nationality_ar,
    )
