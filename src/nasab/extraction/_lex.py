"""Lexicons for the rule-based extractor, built lazily from the shipped tables.

Every table is optional: a missing or broken table gives an empty lexicon (the
small built-in lists of general vocabulary below still apply), so extraction
degrades instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..text import normalize

__all__ = ["EVENTS_AR", "EVENTS_EN", "Lexicon", "TitleInfo", "lexicon"]


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """A title, rank or role phrase: its kind and canonical forms."""

    kind: str  # rank | role | title | honorific
    en: str
    ar: str


# General English vocabulary: organisation head words (fallback when org_words.tsv is absent).
_EN_ORG_HEADS = frozenset(
    "service services command agency forces force coalition ministry council army committee commission "
    "organization organisation party movement front brigade brigades battalion battalions division corps "
    "directorate authority bureau department union league group company bank university court "
    "parliament assembly mobilization mobilisation guard guards police network institute center centre "
    "foundation association federation alliance mission office militia militias unit units"
    .split()
)  # fmt: skip
# Words that make a capitalised sequence a media organisation.
_EN_MEDIA = frozenset(
    "news tv television radio channel press times post gazette herald tribune agency".split()
)
# Head words of named events (a conference is held by an organisation, it is none).
EVENTS_EN = frozenset(
    "conference conferences summit summits forum festival meeting symposium seminar workshop "
    "exhibition expo championship tournament olympics ceremony".split()
)
EVENTS_AR = frozenset(
    "مؤتمر المؤتمر قمه القمه منتدي المنتدي مهرجان المهرجان ندوه الندوه ملتقي الملتقي معرض المعرض".split()
)
_EN_GEO_AFTER = frozenset(
    "mountains mountain range hills hill province governorate district city village valley desert river "
    "plain plains island islands sea gulf camp region border crossing airport square street bridge dam "
    "state".split()
)  # fmt: skip
_EN_GEO_BEFORE = frozenset("lake wadi mount jebel jabal river camp gulf sea port".split())
_AR_ORG_HEADS = frozenset(
    "جهاز قياده وزاره وكاله قوات هيئه مجلس حزب جيش تنظيم حركه جماعه مديريه منظمه شركه لجنه مفوضيه "
    "فرقه كتائب سرايا جبهه اتحاد رابطه محكمه مركز جامعه خليه فصائل فصيل ميليشيا ميليشيات عصائب "
    "التحالف الجيش الحشد الشرطه المخابرات الاستخبارات البرلمان نادي منتخب المنتخب جمعيه"
    .split()
)  # fmt: skip
_AR_GEO_BEFORE = frozenset(
    "جبال جبل بحيره وادي نهر صحراء محافظه قضاء ناحيه مدينه قريه جزيره سلسله منطقه".split()
)
# Arabic geographic words that are also frequent ordinary words (eye, head, easy, channel...).
_AR_GEO_AMBIGUOUS = frozenset("عين راس سهل قناه تل كهف حوض ساحل بحر هور غابه".split())
# Words that mark an Arabic construct after a head word as an institution (fallback list).
_AR_ORG_CUES = frozenset(
    "امن دفاع داخليه خارجيه مكافحه ارهاب عمليات انباء استخبارات مخابرات وطني دولي شعبي مشترك".split()
)
# Generic Arabic heads that name the type of a known organisation ("تنظيم داعش").
_AR_TYPE_HEADS = frozenset("تنظيم جماعه حركه عصابات".split())


@dataclass(frozen=True)
class Lexicon:
    """All lookup tables the extractor needs (normalised keys)."""

    titles_en: dict[tuple[str, ...], TitleInfo]
    titles_ar: dict[tuple[str, ...], TitleInfo]
    title_max: int
    org_heads_en: frozenset[str]
    org_heads_ar: frozenset[str]
    media_en: frozenset[str]
    orgs_en: dict[tuple[str, ...], str]  # normalised name tokens -> org id
    orgs_acronyms: dict[str, str]  # exact-case acronym -> org id
    orgs_ar: dict[tuple[str, ...], str]
    org_max: int
    org_names: dict[str, str]  # org id -> English name
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
    ar_type_heads: frozenset[str]
    org_cues_ar: frozenset[str]  # function words, modifiers, nationalities (article-free)
    nationality_ar: frozenset[str]


def _rows(name: str) -> tuple[dict[str, str], ...]:
    try:
        from .._data import load_tsv

        return load_tsv(name)
    except Exception:  # a missing or broken table: degrade, do not fail
        return ()


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _key(form: str) -> tuple[str, ...]:
    return tuple(normalize(form).split())


def _is_bare_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return form.isupper() and len(letters) <= 3 and "." not in form


@cache
def lexicon() -> Lexicon:
    """Build (once) the extractor's lexicon from the shipped tables."""
    titles_en: dict[tuple[str, ...], TitleInfo] = {}
    titles_ar: dict[tuple[str, ...], TitleInfo] = {}
    for row in _rows("titles.tsv"):
        info = TitleInfo(
            row.get("kind", "title").strip(), row.get("en", "").strip(), row.get("ar", "").strip()
        )
        for form in [row.get("en", ""), *_split(row.get("variants_en"))]:
            if form and not _is_bare_acronym(form):
                k = _key(form)
                if k:
                    titles_en.setdefault(k, info)
        for form in [row.get("ar", ""), *_split(row.get("variants_ar"))]:
            k = _key(form)
            if k and not (len(k) == 1 and len(k[0]) <= 1):
                titles_ar.setdefault(k, info)
                if k[0].startswith("ال") and len(k[0]) > 3:  # the bare form too
                    titles_ar.setdefault((k[0][2:], *k[1:]), info)
    # Words too common as a bare English title before a capitalised word.
    for weak in (("member",), ("deputy",), ("late",), ("father",), ("representative",), ("assistant",), ("vice",),
                 ("secretary",), ("officer",), ("official",), ("justice",), ("chair",), ("aide",)):  # fmt: skip
        titles_en.pop(weak, None)
    # Arabic words too common in running text to act as a title on their own.
    for weak in ("امام", "مساعد", "مساعده", "المساعد", "دوله", "سعاده", "الاب", "اب", "رفيق", "الرفيق", "عضو",
                 "العضو", "ممثل", "الممثل", "مرجع", "المرجع", "المرجعيه", "الخطيب", "خطيب", "شهيد", "معاون",
                 "المعاون", "مختار", "المختار", "سلطان", "شريف", "الشريف", "امير", "ملك", "بابا", "ناشط", "الناشط",
                 "المحلل", "محلل", "مراسل", "المراسل", "الراحل", "النائب", "نائب", "عميد", "مقدم", "رائد", "نقيب",
                 "مشير", "مساعدة", "الحجي", "حجي", "سيد", "الامام"):  # fmt: skip
        titles_ar.pop((weak,), None)
    title_max = max((len(k) for k in (*titles_en, *titles_ar)), default=1)

    org_heads_en = set(_EN_ORG_HEADS)
    org_heads_ar = set(_AR_ORG_HEADS)
    geo_after_en, geo_before_en = set(_EN_GEO_AFTER), set(_EN_GEO_BEFORE)
    geo_before_ar, geo_after_ar = set(_AR_GEO_BEFORE), set()
    for row in _rows("org_words.tsv"):
        if row.get("kind", "").strip() != "head":
            continue
        for form in [row.get("en", ""), *_split(row.get("variants_en"))]:
            k = _key(form)
            if len(k) == 1:
                org_heads_en.add(k[0])
        k = _key(row.get("ar", ""))  # the singular only: plurals (أجهزة, برامج) name things
        if len(k) == 1:
            org_heads_ar.add(k[0])
    org_heads_en -= EVENTS_EN
    org_heads_ar -= EVENTS_AR
    org_cues_ar: set[str] = set()
    nationality_ar: set[str] = set()
    for row in _rows("org_words.tsv"):
        kind = row.get("kind", "").strip()
        if kind not in ("function", "modifier", "nationality"):
            continue
        for form in [row.get("ar", ""), *_split(row.get("variants_ar"))]:
            for part in _key(form):
                part = part[2:] if part.startswith("ال") and len(part) > 4 else part
                if len(part) >= 3:
                    org_cues_ar.add(part)
                    if kind == "nationality":
                        nationality_ar.update({part, part + "ه"})
    org_cues_ar.update(_AR_ORG_CUES)
    org_heads_ar -= {k[0] for k in titles_ar if len(k) == 1} | {
        k[0][2:] for k in titles_ar if len(k) == 1
    }
    for row in _rows("geo_words.tsv"):
        pos = row.get("position", "").strip()
        for form in [row.get("en", "")]:
            k = _key(form)
            if len(k) == 1:
                (geo_before_en if pos == "before" else geo_after_en).add(k[0])
        k = _key(row.get("ar", ""))
        if len(k) == 1:
            # Arabic geographic words precede the name (جبال حمرين) whatever the English order.
            word = k[0][2:] if k[0].startswith("ال") and len(k[0]) > 4 else k[0]
            if word not in _AR_GEO_AMBIGUOUS:
                geo_before_ar.add(word)

    orgs_en: dict[tuple[str, ...], str] = {}
    orgs_ar: dict[tuple[str, ...], str] = {}
    acronyms: dict[str, str] = {}
    org_names: dict[str, str] = {}
    for row in _rows("organizations.tsv"):
        oid = row.get("id", "").strip() or row.get("en", "").strip()
        org_names[oid] = row.get("en", "").strip()
        for form in _split(row.get("acronyms")):  # exact case ("IS" only in capitals; "Daesh")
            if form.isascii():
                acronyms.setdefault(form, oid)
        for form in [
            row.get("en", ""),
            *_split(row.get("aliases_en")),
            *_split(row.get("acronyms")),
        ]:
            if not form:
                continue
            if form.replace(".", "").replace("-", "").isupper() and len(form) <= 8:
                acronyms.setdefault(form, oid)
            elif any(c.isalpha() and c.isascii() for c in form):
                k = _key(form)
                if k:
                    orgs_en.setdefault(k, oid)
            else:
                k = _key(form)
                if k:
                    orgs_ar.setdefault(k, oid)
        for form in [row.get("ar", ""), *_split(row.get("aliases_ar"))]:
            k = _key(form)
            if k:
                orgs_ar.setdefault(k, oid)
    org_max = max((len(k) for k in (*orgs_en, *orgs_ar)), default=1)

    places_en: dict[tuple[str, ...], str] = {}
    places_ar: dict[tuple[str, ...], str] = {}
    for row in _rows("places.tsv"):
        kind = row.get("kind", "place").strip() or "place"
        for form in [row.get("en", ""), *_split(row.get("variants_en"))]:
            k = _key(form)
            if k:
                places_en.setdefault(k, kind)
        for form in [row.get("ar", ""), *_split(row.get("variants_ar"))]:
            k = _key(form)
            if k:
                places_ar.setdefault(k, kind)
    place_max = max((len(k) for k in (*places_en, *places_ar)), default=1)

    given_en: set[str] = set()
    given_ar: set[str] = set()
    for row in _rows("given_names.tsv"):
        en = normalize(row.get("en", ""))
        if en and " " not in en:
            given_en.add(en)
        for ar in _split(row.get("ar")):
            ar = normalize(ar)
            if ar and " " not in ar:
                given_ar.add(ar)
    given_ar -= _AR_COMMON_WORDS
    name_ar: dict[str, int] = {}
    name_risky_ar: set[str] = set(_AR_COMMON_WORDS)
    for row in _rows("name_words.tsv"):
        ar = row.get("ar", "").strip()
        try:
            count = int(row.get("count", "1") or 1)
        except ValueError:
            continue
        if ar:
            name_ar[ar] = count
            if row.get("risk", "").strip() == "1":
                name_risky_ar.add(ar)
    return Lexicon(
        titles_en=titles_en,
        titles_ar=titles_ar,
        title_max=title_max,
        org_heads_en=frozenset(org_heads_en),
        org_heads_ar=frozenset(org_heads_ar),
        media_en=_EN_MEDIA,
        orgs_en=orgs_en,
        orgs_acronyms=acronyms,
        orgs_ar=orgs_ar,
        org_max=org_max,
        org_names=org_names,
        places_en=places_en,
        places_ar=places_ar,
        place_max=place_max,
        geo_after_en=frozenset(geo_after_en),
        geo_before_en=frozenset(geo_before_en),
        geo_before_ar=frozenset(geo_before_ar),
        geo_after_ar=frozenset(geo_after_ar),
        given_en=frozenset(given_en),
        given_ar=frozenset(given_ar),
        name_ar=name_ar,
        name_risky_ar=frozenset(name_risky_ar),
        ar_type_heads=_AR_TYPE_HEADS,
        org_cues_ar=frozenset(org_cues_ar),
        nationality_ar=frozenset(nationality_ar),
    )


# Arabic given names that are also very common words in news text (normalised).
_AR_COMMON_WORDS = frozenset(
    "امين جمال سعيد نصر كريم عادل فضل صالح منير سالم نور امل مجد عزيز شريف حر رضا وفاء "
    "ايمان سلام امير حامد باسم عالم دوله عليا جوس جوان بدر فرج رسول سيد بها وان هان ريد"
    .split()
)  # fmt: skip
