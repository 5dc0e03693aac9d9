"""English rules: capitalised sequences, title and role triggers, appositions,
organisation head words, gazetteers, acronyms and aliases.

No model is needed: a capitalised sequence becomes a *person* only with a person
cue (a title, rank or role before it, a known given name first, a name particle
such as ``al-``/``bin``/``Abu``, an alias phrase, or a match with a name known
from elsewhere), so headline Title Case and sentence-initial words stay out.

Example:
    >>> from nasab.extraction import extract, Document
    >>> ex = extract(Document("d", "Prime Minister Ali al-Tamimi met the Border Guard Command.", "en"))
    >>> [(m.text, m.kind) for m in ex.mentions]
    [('Prime Minister', 'role'), ('Ali al-Tamimi', 'person'), ('Border Guard Command', 'organization')]
    >>> [(r.subject.text, r.attrs["role"]) for r in ex.relations]
    [('Ali al-Tamimi', 'Prime Minister')]
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..lexicon import kunya_markers, org_words, patronymic_markers, word_list, word_set
from ..text import normalize
from ._builder import Builder
from ._lex import Lexicon, TitleInfo
from ._tokens import Tok
from .media import is_demonym
from .model import Mention

__all__ = [
    "acronym_spells",
    "cued_names_en",
    "extract_sentence_en",
    "headline_case",
    "holiday_events_en",
    "initials_spell",
    "is_caps_headline",
    "late_person_roles_en",
    "station_call_sign",
    "title_references_en",
]


@cache
def _alias_openers() -> tuple[tuple[str, ...], ...]:
    """Phrases that introduce an alias (``also known as``), longest first, as token tuples."""
    return tuple(tuple(p.split()) for p in word_list("alias_phrase_en"))


@cache
def _alias_first_words() -> frozenset[str]:
    """The first words of the alias phrases."""
    return frozenset(p[0] for p in _alias_openers())


@cache
def _prefix_re(list_name: str) -> re.Pattern[str]:
    """``^(?:p1|p2|...)-`` for the particles of one word list, longest first."""
    words = sorted(word_list(list_name), key=lambda w: (-len(w), w))
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")-")


def _particle_cap(text: str) -> bool:
    """A lower-case particle, a hyphen and an ASCII capital (``al-Tamimi``, ``bin-Laden``)."""
    m = _prefix_re("cap_prefix_en").match(text)
    return bool(m) and "A" <= text[m.end() : m.end() + 1] <= "Z"


_OPEN_QUOTES = frozenset("“\"‘'«")
_CLOSE_QUOTES = frozenset("”\"’'»")


def is_caps_headline(toks: list[Tok]) -> bool:
    """A line written in capitals (at least three Latin words, none in lower case).

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> text = "ARMY CHIEF VISITS TAL AFAR"
        >>> is_caps_headline(tokenize_span(text, 0, len(text)))
        True
    """
    words = [t for t in toks if t.kind == "w" and not t.arabic and any(c.isalpha() for c in t.text)]
    return len(words) >= 3 and all(t.text.isupper() for t in words)


def headline_case(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Tokens of a capitals headline re-cased for the rules (offsets unchanged).

    Listed acronyms stay in capitals; function words and particles go to lower case;
    other words are capitalised; a word in -s that is not a name nor before an
    organisation head reads as the headline's verb (lower case), so it ends a name.

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> text = "ARMY CHIEF SAMI AL-UBAIDI INSPECTS TROOPS IN TAL AFAR"
        >>> [t.text for t in headline_case(tokenize_span(text, 0, len(text)), lexicon())]
        ['Army', 'Chief', 'Sami', 'al-Ubaidi', 'inspects', 'Troops', 'in', 'Tal', 'Afar']
    """
    out: list[Tok] = []
    for k, t in enumerate(toks):
        text = t.text
        if t.kind != "w" or t.arabic or text in lex.orgs_acronyms:
            out.append(t)
            continue
        low = text.lower()
        if (
            low in word_set("stop_en")
            or low in word_set("connector_en")
            or low in ("and", "to", "of")
        ):
            new = low
        else:
            parts = low.split("-")
            new = "-".join(
                p
                if (p in word_set("joined_article_en") or p in word_set("name_particle_en"))
                and i < len(parts) - 1
                else p.capitalize()
                for i, p in enumerate(parts)
            )
            nxt = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
            if (
                len(low) > 3
                and low.endswith("s")
                and not low.endswith(("ss", "us", "is", "as"))
                and low not in lex.given_en
                and low not in lex.org_heads_en
                and (nxt not in lex.org_heads_en or (out and _namelike(out[-1])))
            ):
                new = low  # the headline's verb or a plural noun
        out.append(Tok(t.start, t.end, new, t.kind, t.possessive, t.arabic))
    return out


def _namelike(t: Tok) -> bool:
    """A re-cased headline word that ends a name (al-Ubaidi, Barzani)."""
    return t.kind == "w" and (_joined_particle(t) or (t.cap and t.text.endswith("i")))


def _first(t: Tok) -> str:
    n = t.norm
    return n[0] if n else ""


def _last(t: Tok) -> str:
    n = t.norm
    return n[-1] if n else ""


def _joined_particle(t: Tok) -> bool:
    text = t.text
    if "-" not in text[:5]:
        return False
    m = _prefix_re("joined_prefix_en").match(text.lower())
    return bool(m) and text[m.end() : m.end() + 1].isupper()


def _cap_like(t: Tok) -> bool:
    if t.kind != "w" or t.arabic:
        return False
    return t.cap or _joined_particle(t) or t.text in word_set("name_particle_en")


def _title_at(toks: list[Tok], i: int, end: int, lex: Lexicon) -> tuple[int, TitleInfo] | None:
    """Longest title phrase starting at token i (not beyond ``end``): (end index, info)."""
    parts: list[str] = []
    acronym = lex.title_acronyms_en.get(toks[i].text) if i < end else None
    best = None if acronym is None else (i + 1, acronym)  # "CEO", in capitals only
    for j in range(i, min(end, i + lex.title_max)):
        t = toks[j]
        if t.kind != "w":
            break
        parts.extend(t.norm)
        info = lex.titles_en.get(tuple(parts))
        if info is not None:
            best = (j + 1, info)
        if len(parts) >= lex.title_max:
            break
    return best


def _runs(toks: list[Tok]) -> list[tuple[int, int]]:
    runs = []
    i, n = 0, len(toks)
    while i < n:
        if _cap_like(toks[i]) and not (
            toks[i].text in word_set("name_particle_en") and not toks[i].cap
        ):
            j = i + 1
            while (
                j < n
                and not toks[j - 1].possessive
                and (_cap_like(toks[j]) or _inner_particle(toks, j))
            ):
                j += 1
            # do not end on a bare lower-case particle
            while (
                j - 1 > i
                and toks[j - 1].text in word_set("name_particle_en")
                and not toks[j - 1].cap
            ):
                j -= 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _inner_particle(toks: list[Tok], j: int) -> bool:
    """A lower-case particle of a European family name (name_particle_eu_en) written
    apart between two capitalised words ("Carl von Clausewitz"), which continues the name.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> [_inner_particle(tokenize_span(t, 0, len(t)), 1) for t in ("Hans van Cleef", "and de Souza")]
        [True, False]
    """
    return (
        0 < j < len(toks) - 1
        and toks[j].text in word_set("name_particle_eu_en")
        and toks[j - 1].cap
        and toks[j + 1].cap
        and toks[j].end < toks[j + 1].start
    )


def _is_org_words(toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    if j - i < 1:
        return False
    if _last(toks[j - 1]) in lex.org_heads_en and (j - i >= 2 or toks[j - 1].text.isupper()):
        return True
    if _group_opened(toks, i, j):
        return True
    return j - i >= 2 and any(_last(toks[k]) in lex.media_en for k in range(i, j))


def _group_opened(toks: list[Tok], i: int, j: int) -> bool:
    """A group's name in Latin letters: a run of two words or more opening with a word of
    ``org_opener_latn`` and holding a joined article or a second such word ("Ansar
    al-Shariah", "Jabhat Ansar al-Din"; a person "Ansar Burney" is no group).

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "Ansar al-Shariah Ansar Burney"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> _group_opened(toks, 0, 2), _group_opened(toks, 2, 4)
        (True, False)
    """
    openers = word_set("org_opener_latn")
    if j - i < 2 or _first(toks[i]) not in openers:
        return False
    return any(_joined_particle(toks[k]) or _first(toks[k]) in openers for k in range(i + 1, j))


def _is_geo(toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    if j - i >= 2 and (
        _last(toks[j - 1]) in lex.geo_after_en or _first(toks[i]) in lex.geo_before_en
    ):
        return True
    key = tuple(p for k in range(i, j) for p in toks[k].norm)
    return key in lex.places_en


def _name_ok(toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    if not 1 <= j - i <= 6:
        return False
    for k in range(i, j):
        t = toks[k]
        low = _last(t)
        if t.text.isupper() and len(t.text) > 1 and not (k > i and _REGNAL.fullmatch(t.text)):
            return False  # capitals: an acronym, unless a regnal number (Mohammed VI)
        if any(c.isdigit() for c in t.text):
            return False  # a word with a digit names a product or a firm (Mark-1), no person
        if (
            low in lex.org_heads_en
            or low in lex.geo_after_en
            or low in lex.media_en
            or low in word_set("stop_en")
        ):
            return False
        if (low,) in lex.orgs_en or (
            (low,) in lex.places_en and not _inside_name(toks, i, k, k + 1, j)
        ):
            return False
    if _first(toks[i]) in lex.geo_before_en:
        return False
    return not (j - i == 1 and toks[i].text in word_set("name_particle_en"))


def _has_particle(toks: list[Tok], i: int, j: int) -> bool:
    return any(
        _joined_particle(toks[k]) or toks[k].text.lower() in word_set("name_particle_en")
        for k in range(i, j)
    )


def _span_mention(
    b: Builder, toks: list[Tok], i: int, j: int, kind: str, sent: tuple[int, int], **attrs
):
    return b.mention(toks[i].start, toks[j - 1].end, kind, sent, language="en", **attrs)


_FIRST_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _first_words(table: dict) -> frozenset[str]:
    """The first words of a gazetteer's keys (computed once per table)."""
    held = _FIRST_WORDS.get(id(table))
    if held is None or held[0] is not table:
        held = (table, frozenset(k[0] for k in table if k))
        _FIRST_WORDS[id(table)] = held
    return held[1]


def _match_gazetteer(toks: list[Tok], i: int, table: dict, maxlen: int) -> int | None:
    """End index of the longest capitalised phrase at i found in ``table`` (normalised keys);
    it may open with a lower-case joined article ("al-Qaeda")."""
    if not (toks[i].cap or _particle_cap(toks[i].text)):
        return None
    if toks[i].norm[:1] and toks[i].norm[0] not in _first_words(table):
        return None  # no entry starts with this word
    parts: list[str] = []
    best = None
    for j in range(i, min(len(toks), i + maxlen)):
        t = toks[j]
        if t.kind != "w":
            break
        parts.extend(t.norm)
        if tuple(parts) in table and (t.cap or _particle_cap(t.text)):
            best = j + 1  # "Hayat Tahrir al-Sham": a lower-case particle before a capital
        if t.possessive:
            break
    return best


def _after_leading_place(toks: list[Tok], i: int, j: int, oid: object, lex: Lexicon) -> int:
    """Start of the listed name ``oid`` inside toks[i:j] after a leading known place
    (the house writes organisations without a leading nationality); ``i`` if none, and
    when the whole is the organisation's own name ("Saudi Aramco")."""
    whole = tuple(p for x in range(i, j) for p in toks[x].norm)
    if _key_of(lex.org_names.get(str(oid), "")) == whole:
        return i
    for k in range(i + 1, j):
        place = tuple(p for x in range(i, k) for p in toks[x].norm)
        rest = tuple(p for x in range(k, j) for p in toks[x].norm)
        if place in lex.places_en and lex.orgs_en.get(rest) == oid:
            return k
    return i


def _listed_start(
    toks: list[Tok], i: int, j: int, oid: object, lex: Lexicon, used: list[bool]
) -> int:
    """Start of a listed organisation's name found at toks[i:j], as the house writes it:
    without a leading article when the rest is listed for the same organisation ("The
    Associated Press" -> "Associated Press"; "The Guardian" stays), and with a lower-case
    article spelled apart before it when that form is listed ("al Qaeda", not "Qaeda").

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> toks = tokenize_span("held by al Qaeda in Yemen", 0, 25)
        >>> lex = lexicon()
        >>> oid = lex.orgs_en[("qaeda",)]
        >>> toks[_listed_start(toks, 3, 4, oid, lex, [False] * len(toks))].text
        'al'
    """

    def key(a: int, z: int) -> tuple[str, ...]:
        return tuple(p for k in range(a, z) for p in toks[k].norm)

    if (
        j - i >= 2
        and toks[i].text.lower() in word_set("definite_article_en")
        and lex.orgs_en.get(key(i + 1, j)) == oid
    ):
        used[i] = True
        return i + 1
    if (
        i > 0
        and not used[i - 1]
        and toks[i - 1].text in word_set("joined_article_en")
        and lex.orgs_en.get(key(i - 1, j)) == oid
    ):
        return i - 1
    return i


def _key_of(name: str) -> tuple[str, ...]:
    return tuple(normalize(name).split())


def _media_tail(toks: list[Tok], j: int, lex: Lexicon) -> int:
    """End of an outlet's name after a known name ending at ``j``: capitalised media
    words ("News", "TV") that follow it."""
    while (
        j < len(toks)
        and toks[j].cap
        and _first(toks[j]) in lex.media_en
        and not toks[j - 1].possessive
    ):
        j += 1
    return j


def _claim_org(
    used: list[bool], org_at: dict[int, tuple[int, object]], i: int, j: int, m: object
) -> int:
    """Mark tokens i..j as read by the organisation mention m; returns j, where reading
    goes on."""
    for k in range(i, j):
        used[k] = True
    org_at[i] = (j, m)
    return j


def extract_sentence_en(
    b: Builder, toks: list[Tok], sent: tuple[int, int], lex: Lexicon
) -> list[tuple[int, int]]:
    """Apply the English rules to one sentence's tokens; returns runs left unclassified.

    The steps, in order: listed organisations (:func:`_gazetteer_orgs`), organisation
    heads with of/for (:func:`_head_of`), the capitalised runs left (:func:`_classify_runs`),
    parentheses and alias phrases, then the appositions around each person read
    (:func:`_appositions`).
    """
    used = [False] * len(toks)
    org_at: dict[int, tuple[int, object]] = {}  # token index -> (end index, mention)
    _gazetteer_orgs(b, toks, sent, lex, used, org_at)
    _head_of(b, toks, sent, lex, used, org_at)
    leftovers: list[tuple[int, int]] = []
    persons: list[tuple[int, int, object, list[tuple[int, int, TitleInfo]]]] = []
    _classify_runs(b, toks, sent, lex, used, org_at, persons, leftovers)
    # Acronyms and aliases in parentheses: ORG (A/B/C), PERSON (Y).
    _parentheses(b, toks, sent, lex)
    # Alias phrases: X, also known as Y.
    _alias_phrases(b, toks, sent, lex)
    _appositions(b, toks, sent, lex, persons)
    return leftovers


def _gazetteer_orgs(b, toks, sent, lex, used, org_at) -> None:
    """Read the listed organisations of a sentence, left to right: dotted acronyms
    (:func:`_dotted_org`), acronyms in their exact case (:func:`_acronym_org`) and names
    (case-insensitive but capitalised, :func:`_listed_org`); marks their tokens used."""
    i = 0
    while i < len(toks):
        j = _dotted_org(b, toks, i, sent, lex, used, org_at)
        if j is None:
            j = _acronym_org(b, toks, i, sent, lex, used, org_at)
        if j is None:
            j = _listed_org(b, toks, i, sent, lex, used, org_at)
        i = i + 1 if j is None else j


def _dotted_org(b, toks, i, sent, lex, used, org_at) -> int | None:
    """A listed acronym written with dots at token i ("U.N."), when no listed name starts
    there: the organisation mention; returns where reading goes on, or None."""
    dotted = _dotted_acronym(b.doc.text, toks, i, lex)
    if dotted is None or _match_gazetteer(toks, i, lex.orgs_en, lex.org_max):
        return None
    j, end = dotted
    form = b.doc.text[toks[i].start : end]
    m = b.mention(
        toks[i].start,
        end,
        "organization",
        sent,
        org_id=lex.orgs_acronyms[form],
        source="gazetteer",
    )
    return _claim_org(used, org_at, i, j, m)


def _acronym_org(b, toks, i, sent, lex, used, org_at) -> int | None:
    """A listed acronym in its exact case at token i, with an outlet's media tail ("CBS
    News": the outlet's full name); returns where reading goes on, or None."""
    t = toks[i]
    if t.kind != "w" or t.text not in lex.orgs_acronyms:
        return None
    j = _media_tail(toks, i + 1, lex)
    m = _span_mention(
        b, toks, i, j, "organization", sent, org_id=lex.orgs_acronyms[t.text], source="gazetteer"
    )
    return _claim_org(used, org_at, i, j, m)


def _listed_org(b, toks, i, sent, lex, used, org_at) -> int | None:
    """A listed organisation name starting at token i (not a listed outlet that runs on
    into a longer name); a leading place before it becomes a place mention ("U.S. Central
    Command"); returns where reading goes on, or None."""
    if toks[i].kind != "w":
        return None
    j = _match_gazetteer(toks, i, lex.orgs_en, lex.org_max)
    if (
        not j
        or _outlet_runs_on(b.doc.text, toks, i, j, lex)
        or _inside_longer_name(toks, i, lex, used)
    ):
        return None
    # "International Coalition Forces" -> the named coalition when listed alone
    if j - i >= 3 and _last(toks[j - 1]) in ("forces", "force"):
        shorter = tuple(p for k in range(i, j - 1) for p in toks[k].norm)
        if shorter in lex.orgs_en:
            j -= 1
    oid = lex.orgs_en[tuple(p for k in range(i, j) for p in toks[k].norm)]
    # "Al-Sumaria News", "Rudaw TV": the outlet's full name
    j = _media_tail(toks, j, lex)
    i = _listed_start(toks, i, j, oid, lex, used)
    k = _after_leading_place(toks, i, j, oid, lex)
    if k > i:  # "U.S. Central Command": the place owns the listed name after it
        _span_mention(b, toks, i, k, "place", sent, source="gazetteer")
        for x in range(i, k):
            used[x] = True
        i = k
    m = _span_mention(b, toks, i, j, "organization", sent, org_id=oid, source="gazetteer")
    return _claim_org(used, org_at, i, j, m)


def _inside_longer_name(
    toks: list[Tok], i: int, lex: Lexicon, used: list[bool] | None = None
) -> bool:
    """Whether a listed name found at token i is the tail of a longer capitalised name: the
    word before it is a capitalised word of letters (not in capitals), joined to it by one
    space, unread, and no place, nationality, function word or title ("National" of "National Security Council" keeps
    "Security Council" from being read there; "Yemeni Security Council" does not).

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "the National Security Council met"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> _inside_longer_name(toks, 2, lexicon()), _inside_longer_name(toks, 1, lexicon())
        (True, False)
    """
    if i == 0:
        return False
    prev = toks[i - 1]
    if not prev.cap or not prev.text.isalpha() or prev.text.isupper() or prev.possessive:
        return False  # capitals: a headline or a credit line; "Twenty-five": a number
    if prev.end + 1 != toks[i].start:
        return False
    if (used is not None and used[i - 1]) or prev.text.lower() in word_set("stop_en"):
        return False
    key = tuple(normalize(prev.text).split())
    return not (
        lex.places_en.get(key) or is_demonym(prev.text.lower(), lex) or key in lex.titles_en
    )


def _classify_runs(b, toks, sent, lex, used, org_at, persons, leftovers) -> None:
    """Classify each capitalised run of the sentence, split around the tokens already
    read as organisations (:func:`_classify_run`); persons read go to ``persons``, runs
    left unclassified to ``leftovers``."""
    for ri, rj in _runs(toks):
        segs: list[tuple[int, int]] = []  # found before any is classified
        k = ri
        while k < rj:
            if used[k]:
                k += 1
                continue
            s = k
            while k < rj and not used[k]:
                k += 1
            segs.append((s, k))
        for s, e in segs:
            _classify_run(b, toks, s, e, sent, lex, used, org_at, persons, leftovers)


def _appositions(b, toks, sent, lex, persons) -> None:
    """The appositions before and after each person read in the sentence: roles, jobs,
    descriptions (:func:`_apposition_before`, :func:`_apposition_after`)."""
    for s, e, pm, chain in persons:
        _apposition_before(b, toks, s, sent, lex, pm, chain)
        _apposition_after(b, toks, e, sent, lex, pm)


def _dotted_acronym(text: str, toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A listed acronym written with dots from token i ("U.N.": capital letters, each with
    its dot, no space between): (end token index, end offset with the last dot), or None.

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import Tok
        >>> t = "the U.N. envoy"
        >>> toks = [Tok(4, 5, "U", "w"), Tok(6, 7, "N", "w"), Tok(9, 14, "envoy", "w")]
        >>> _dotted_acronym(t, toks, 0, lexicon())
        (2, 8)
    """
    j = i
    while (
        j < len(toks)
        and len(toks[j].text) == 1
        and toks[j].text.isupper()
        and text[toks[j].end : toks[j].end + 1] == "."
        and (j == i or toks[j].start == toks[j - 1].end + 1)
    ):
        j += 1
    if j - i < 2:
        return None
    end = toks[j - 1].end + 1
    if text[end : end + 1].isalnum() or text[toks[i].start : end] not in lex.orgs_acronyms:
        return None
    return j, end


def _outlet_runs_on(text: str, toks: list[Tok], i: int, j: int, lex: Lexicon) -> bool:
    """Is the listed news outlet toks[i:j] (``outlets.tsv``) part of a longer name:
    followed by a capitalised word that is no media word ("The National Guard", "Mic
    Check"), or by a dot and a word with no space between (a domain, "Jalopnik.com", left
    to :func:`nasab.extraction.media.outlet_shapes`)?"""
    if lex.orgs_en[tuple(p for k in range(i, j) for p in toks[k].norm)] not in lex.outlet_ids:
        return False
    end = toks[j - 1].end
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalnum():
        return True
    return (
        j < len(toks)
        and toks[j].kind == "w"
        and toks[j].cap
        and _first(toks[j]) not in lex.media_en
        and not toks[j - 1].possessive
    )


def _ends_role_title(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """Whether token i ends a listed role title that starts before it: "State" of
    "Minister of State" (then "for Foreign Affairs" says what the role is over, and no
    "State for Foreign Affairs" organisation is read)."""
    for a in range(max(0, i - ROLE_INTO_RUN_WORDS), i):
        hit = _title_at(toks, a, i + 1, lex)
        if hit is not None and hit[0] == i + 1 and hit[1].kind == "role" and toks[a].cap:
            return True
    return False


def _head_of(b, toks, sent, lex, used, org_at) -> None:
    """``[Gaza] Ministry of [the] Defence``: an organisation head word, of/for, and a
    capitalised name that is no title (``Office of the Prime Minister`` stays apart). A
    leading place name stays in the name ("Gaza Ministry of Interior"); a leading
    nationality adjective does not ("Iraqi Ministry of Defence" -> "Ministry of Defence",
    the house convention)."""
    n = len(toks)
    for i in range(n - 2):
        t = toks[i]
        if used[i] or not t.cap or _last(t) not in lex.org_heads_en or t.possessive:
            continue
        if toks[i + 1].text not in word_set("role_link_en") or _ends_role_title(toks, i, lex):
            continue
        a = i + 2
        if a < n and toks[a].text in word_set("definite_article_en"):
            a += 1
        z = a
        while z < n and z - a < 4 and toks[z].cap and not used[z] and toks[z].kind == "w":
            z += 1
            if toks[z - 1].possessive:
                break
        if z == a or _title_at(toks, a, z, lex) or _has_particle(toks, a, z):
            continue
        s = i
        while (
            s > 0
            and toks[s - 1].cap
            and not used[s - 1]
            and _first(toks[s - 1]) not in word_set("stop_en")
            and not toks[s - 1].possessive
            and not is_demonym(_first(toks[s - 1]), lex)
        ):
            s -= 1
        m = _span_mention(b, toks, s, z, "organization", sent, source="head-of")
        for x in range(s, z):
            used[x] = True
        org_at[s] = (z, m)


def _classify_run(b, toks, s, e, sent, lex, used, org_at, persons, leftovers) -> None:
    """Read one capitalised run toks[s:e]: titles and the person after them, a named
    event, an organisation by its head word, a place, a person by a cue; what none of
    them claims goes to ``leftovers`` (for the short-form rules)."""
    ctx = (b, toks, sent, lex, used, org_at, persons, leftovers)
    s = _skip_function_words(b, toks, s, e)
    if s >= e:
        return
    if s > 0 and toks[s - 1].text.lower() == "so-called":
        # a named thing, never a person
        kind = "organization" if _is_org_words(toks, s, e, lex) else "place"
        _span_mention(b, toks, s, e, kind, sent, source="head" if kind != "place" else "so-called")
        return
    if _role_of_run(ctx, s, e):
        return
    titles = _titles_in(toks, s, e, lex)
    if titles:
        _classify_titled(ctx, s, e, titles)
    elif not _classify_thing(b, toks, s, e, sent, lex) and not _classify_place_inside(ctx, s, e):
        _classify_untitled(ctx, s, e)


#: The most words before a capitalised run where a role title that runs into it may
#: start ("Minister of" before "Foreign Affairs Adel al-Jubeir").
ROLE_INTO_RUN_WORDS = 4


def _role_of_run(ctx, s: int, e: int) -> bool:
    """A person named right after a role whose title or organisation spans the lower-case
    words before the run toks[s:e]: the run holds the title's last words or the
    organisation, then the name. Added (person, role and organisation), and True.

    * a listed title that runs into the run: "Secretary of State Alan Marsh",
      "Minister of Defense Moshe Ya'alon" (the role word read alone in the run before
      takes the whole title; :func:`_title_into_run`);
    * ``ROLE of|for [the]`` and an organisation by its head word or the gazetteer, then
      the name: "Head of the Border Guard Command Ali Saleh", "spokesman for the
      Pentagon Mark Doyle" (:func:`_held_over_then_name`, which also takes a place:
      "Governor of Nineveh Hazim al-Tamimi");
    * ``ROLE of|for [the]``, capitalised words, and a name opening with a known given
      name: "Director of National Intelligence Paul Avery" (:func:`_given_name_in_run`).

    The name is at least two words, or one with a speech verb after it ("Secretary of
    State Kerry said"); a name led by a title of its own is left to the other rules.
    """
    b, toks, sent, lex, used, org_at, persons, _ = ctx
    hit = _role_title_into(toks, s, e, lex, used)
    if hit is not None:
        return _title_into_run(ctx, s, e, hit)
    before = _role_of_before(toks, s, lex, used, org_at)
    if before is None:
        return False
    trig, listed = before
    if listed:
        if not _name_after_role(toks, s, e, lex, trig[2]):
            return False
        p = s
    else:
        p = _held_over_then_name(ctx, s, e, trig[2])
        if p is None:
            found = _given_name_in_run(ctx, s, e, trig)
            if found is None:
                return False
            p, trig = found
    _add_person(b, toks, p, e, sent, lex, persons, [trig], rule="trigger")
    return True


def _title_into_run(ctx, s: int, e: int, hit: tuple[int, int, TitleInfo]) -> bool:
    """The person after a listed title ``hit`` = (first, end, info) that runs into the run
    toks[s:e] ("Secretary of State Alan Marsh"): added with the whole title, and True;
    False when no name follows the title."""
    b, toks, sent, lex, _, _, persons, _ = ctx
    a, p, info = hit
    if not _name_after_role(toks, p, e, lex, info):
        return False
    _widen_bare_role(b, toks, a, s, p, info)
    _add_person(b, toks, p, e, sent, lex, persons, [hit], rule="title")
    return True


def _held_over_then_name(ctx, s: int, e: int, info: TitleInfo) -> int | None:
    """After ``ROLE of|for [the]``: the run toks[s:e] as an organisation (by its head word
    or the gazetteer) or else a place the role is held over, then a name. The first
    word of the name, with the organisation or place added; None when neither fits.

    "spokesman for the Pentagon Mark Doyle", "Governor of Nineveh Hazim al-Tamimi".
    """
    b, toks, sent, lex, *_ = ctx
    for held, kind, source in (
        (_is_org_words, "organization", "head"),
        (_is_geo, "place", "role-of"),
    ):
        end = next(
            (
                z
                for z in range(e - 1, s, -1)
                if held(toks, s, z, lex) and _name_after_role(toks, z, e, lex, info)
            ),
            None,
        )
        if end is not None:
            _span_mention(b, toks, s, end, kind, sent, source=source)
            return end
    return None


def _given_name_in_run(
    ctx, s: int, e: int, trig: tuple[int, int, TitleInfo]
) -> tuple[int, tuple[int, int, TitleInfo]] | None:
    """After ``ROLE of|for [the]``: capitalised words in the run toks[s:e], then a name
    opening with a known given name (or a name the document writes alone elsewhere):
    "Director of National Intelligence Paul Avery". The first word of the name and
    the trigger to hold, or None.

    After "for" the words name the post's portfolio, and the post is the whole title as
    written: "Minister of State for Foreign Affairs X" (the trigger is widened to it).
    """
    b, toks, _, lex, *_ = ctx
    p = next(
        (
            z
            for z in range(s + 1, e - 1)
            if _first(toks[z]) in lex.given_en and _name_ok(toks, z, e, lex)
        ),
        None,
    )
    hint = _hinted(b, toks, s, e) if p is None else None
    if hint is not None and hint[0] > s and hint[1] == e:
        p = hint[0] if _name_after_role(toks, hint[0], e, lex, trig[2]) else None
    if p is None or _first(toks[s]) in lex.given_en:
        return None
    if trig[1] == s - 1 and toks[s - 1].text.lower() == "for":
        role = b.doc.text[toks[trig[0]].start : toks[p - 1].end]
        trig = (trig[0], p, TitleInfo("role", role, ""))
        _widen_bare_role(b, toks, trig[0], s, p, trig[2])
    return p, trig


def _name_after_role(toks: list[Tok], p: int, e: int, lex: Lexicon, info: TitleInfo) -> bool:
    """Is toks[p:e] a name after a role: two words or more with no title of their own,
    or one followed by a speech verb?"""
    if p >= e or not _name_ok(toks, p, e, lex) or _titles_in(toks, p, e, lex):
        return False
    return e - p >= 2 or _bare_surname(toks, p, e, lex, info)


def _role_title_into(
    toks: list[Tok], s: int, e: int, lex: Lexicon, used: list[bool]
) -> tuple[int, int, TitleInfo] | None:
    """A listed role title that starts in the words before the run toks[s:e], spans the
    lower-case words before it and ends inside it: (start, end, info) of "Secretary of
    State" in "Secretary of State Alan Marsh" (the run is "State Alan Marsh").

    The words before the run may also end with an organisation the gazetteer read, which
    the title holds: "Secretary of Homeland Security John Reed" (the title ends where
    the run starts), "Homeland Security Secretary John Reed" (the run is "Secretary
    John Reed").
    """
    if s == 0 or toks[s - 1].kind != "w":
        return None
    listed = toks[s - 1].cap and used[s - 1]
    if toks[s - 1].cap and not listed:
        return None
    for a in range(max(0, s - ROLE_INTO_RUN_WORDS), s - 1):
        if not toks[a].cap or any(toks[x].kind != "w" for x in range(a, s)):
            continue
        hit = _title_at(toks, a, e, lex)
        if hit is not None and s + (not listed) <= hit[0] < e and hit[1].kind == "role":
            return a, hit[0], hit[1]
    return None


def _widen_bare_role(b: Builder, toks: list[Tok], a: int, s: int, p: int, info: TitleInfo) -> None:
    """The role word read alone before the run ("Minister" of "Minister of Defense")
    becomes the whole title toks[a:p]."""
    for z in range(s - 1, a, -1):
        old = b.mentions.get((toks[a].start, toks[z - 1].end))
        if old is not None and old.kind == "role":
            b.respan(old, toks[a].start, toks[p - 1].end, role=info.en, role_ar=info.ar)
            return


def _role_of_before(
    toks: list[Tok], s: int, lex: Lexicon, used: list[bool], org_at: dict
) -> tuple[tuple[int, int, TitleInfo], bool] | None:
    """A role and of/for [the] right before toks[s], or before the gazetteer organisation
    that ends at toks[s]: (the role's (start, end, info), whether that organisation is
    there)."""
    c = s - 1
    listed = c >= 0 and used[c]
    if listed:
        c = next((x for x, (z, _) in org_at.items() if z == s), 0) - 1
    if c >= 0 and toks[c].text.lower() in word_set("definite_article_en"):
        c -= 1
    if c < 1 or toks[c].text.lower() not in word_set("role_link_en"):
        return None
    trig = _trigger_before(toks, c, lex)
    if trig is None or trig[2].kind != "role":
        return None
    return trig, listed


def _skip_function_words(b: Builder, toks: list[Tok], s: int, e: int) -> int:
    """Past leading capitalised function words ("The", "According"), unless the model
    reads a person from there ("Said Al-Saudi")."""
    starts = set(b.person_hints.values())
    while (
        s < e
        and _first(toks[s]) in word_set("stop_en")
        and not _joined_particle(toks[s])
        and toks[s].start not in starts
    ):
        s += 1
    return s


def _titles_in(toks: list[Tok], s: int, e: int, lex: Lexicon) -> list[tuple[int, int, TitleInfo]]:
    """Title phrases in toks[s:e] (an honorific after a name word is part of the name:
    "Ahmed Sharif")."""
    titles: list[tuple[int, int, TitleInfo]] = []
    k = s
    while k < e:
        hit = _title_at(toks, k, e, lex)
        if (
            hit
            and hit[1].kind in ("honorific", "title")
            and k > s
            and not (titles and titles[-1][1] == k)
        ):
            hit = None
        if (
            hit
            and all(toks[x].cap for x in range(k, hit[0]))
            and any(len(toks[x].text) > 1 for x in range(k, hit[0]))
        ):
            titles.append((k, hit[0], hit[1]))
            k = hit[0]
        else:
            k += 1
    return titles


def _classify_titled(ctx, s: int, e: int, titles: list[tuple[int, int, TitleInfo]]) -> None:
    """A run with titles: the chain of titles directly before the name part, and the
    person, organisation or bare roles after it."""
    b, toks, sent, lex, used, org_at, persons, leftovers = ctx
    chain = [titles[-1]]
    for t in reversed(titles[:-1]):
        if t[1] != chain[0][0]:
            break
        chain.insert(0, t)
    if len(chain) > 1 and _given_title(toks, chain[-1], e):
        chain.pop()  # "General Khalifa X": the title word after a title opens the name
    name_s, prefix_e = chain[-1][1], chain[0][0]
    if prefix_e == s:  # "spokesman Major General X": a lower-case role before the rank
        trig = _trigger_before(toks, s, lex)
        if trig is not None and trig[2].kind == "role":
            chain.insert(0, trig)
    if prefix_e > s:
        _classify_run(b, toks, s, prefix_e, sent, lex, used, org_at, persons, leftovers)
    if name_s >= e:
        _add_roles(b, toks, chain, sent)
    elif _weak_title_only(b, toks, name_s, e, s, lex, chain):
        leftovers.append((name_s, e))
    elif _name_ok(toks, name_s, e, lex) or _hinted(b, toks, name_s, e, s) == (name_s, e):
        _add_person(b, toks, name_s, e, sent, lex, persons, chain, rule="title")
    elif _is_org_words(toks, name_s, e, lex):
        _span_mention(b, toks, name_s, e, "organization", sent, source="head")
        _add_roles(b, toks, chain, sent)


def _given_title(toks: list[Tok], title: tuple[int, int, TitleInfo], e: int) -> bool:
    """A one-word title of ``given_title_en`` (Khalifa, Sultan) with a capitalised word
    after it in the run ending at ``e``: a given name, when another title stands before it
    ("General Khalifa Hifter", "Prince Sultan bin X")."""
    a, z, _ = title
    return z - a == 1 and z < e and _first(toks[a]) in word_set("given_title_en")


def _weak_title_only(b, toks, name_s: int, e: int, s: int, lex: Lexicon, chain) -> bool:
    """One weak title word ("Brother", "Mother") before a name with no other cue."""
    weak = (
        len(chain) == 1
        and chain[0][1] - chain[0][0] == 1
        and _first(toks[chain[0][0]]) in word_set("title_weak_en")
    )
    return (
        weak
        and not (
            _first(toks[name_s]) in lex.given_en
            or _first(toks[name_s]) in word_set("given_title_en")
            or _has_particle(toks, name_s, e)
        )
        and not _bare_surname(toks, name_s, e, lex, chain[0][2])
        and _hinted(b, toks, name_s, e, s) is None
    )


def _classify_thing(b, toks, s: int, e: int, sent, lex: Lexicon) -> bool:
    """A named event, an organisation by its head word, or a place by a geographic word
    or the gazetteer: added, and True."""
    if e - s >= 2 and _last(toks[e - 1]) in word_set("event_en"):
        _span_mention(b, toks, s, e, "event", sent, source="event")
        return True
    if _is_org_words(toks, s, e, lex):
        # "X Coalition Forces" -> the organisation X Coalition
        if (
            e - s >= 3
            and _last(toks[e - 1]) in ("forces", "force")
            and _last(toks[e - 2]) in lex.org_heads_en
        ):
            e -= 1
        k = _after_country(toks, s, e, lex)
        if k > s and _is_org_words(toks, k, e, lex):
            if lex.places_en.get(tuple(p for x in range(s, k) for p in toks[x].norm)):
                _span_mention(b, toks, s, k, "place", sent, source="gazetteer")
            s = k
        _span_mention(b, toks, s, e, "organization", sent, source="head")
        return True
    if (
        e < len(toks)
        and toks[e].kind == "w"
        and not toks[e].cap
        and _first(toks[e]) in lex.geo_after_en
    ):
        end = e + 1  # a lower-case geographic word after the name
        if end < len(toks) and toks[end].kind == "w" and _first(toks[end]) in ("range", "chain"):
            end += 1
        _span_mention(b, toks, s, end, "place", sent, source="geo")
        return True
    if _is_geo(toks, s, e, lex):
        _span_mention(b, toks, s, e, "place", sent, source="geo")
        return True
    return False


#: Least number of words an organisation's name keeps after a leading country or
#: nationality is cut off ("U.S. Air Force" -> "Air Force"; "U.S. Army" stays whole).
NAME_AFTER_COUNTRY_MIN = 2


def _after_country(toks: list[Tok], s: int, e: int, lex: Lexicon) -> int:
    """Start of an organisation's name toks[s:e] read by its head word, after a leading
    country written as a dotted abbreviation ("U.S. Air Force" -> "Air Force"), or after
    leading nationalities when the head is a government body of ``government_head_en``
    ("Yemeni Defence Ministry" -> "Defence Ministry"; "Iraqi News Agency" stays whole),
    as the house writes organisations; ``s`` if none, or when fewer than
    :data:`NAME_AFTER_COUNTRY_MIN` words would be left.

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "the U.S. Air Force and the Yemeni Defence Ministry"
        >>> toks = [x for x in tokenize_span(t, 0, len(t)) if x.text != "."]
        >>> [x.text for x in toks[_after_country(toks, 1, 5, lexicon()) : 5]]
        ['Air', 'Force']
        >>> [x.text for x in toks[_after_country(toks, 7, 10, lexicon()) : 10]]
        ['Defence', 'Ministry']
    """
    k = s
    while k < e and len(toks[k].text) == 1 and toks[k].text.isupper():
        k += 1
    if k - s >= 2 and lex.places_en.get(tuple(p for x in range(s, k) for p in toks[x].norm)):
        return k if e - k >= NAME_AFTER_COUNTRY_MIN else s
    k = s
    while k < e and is_demonym(_first(toks[k]), lex):
        k += 1
    if (
        k > s
        and e - k >= NAME_AFTER_COUNTRY_MIN
        and _last(toks[e - 1]) in word_set("government_head_en")
    ):
        return k
    return s


def _classify_place_inside(ctx, s: int, e: int) -> bool:
    """A gazetteer place inside a longer run: marked, the rest read again (not inside
    a run the model reads as one person's name: "Ahmed Al-Saudi")."""
    b, toks, sent, lex, used, org_at, persons, leftovers = ctx
    if e - s >= 2 and _hinted(b, toks, s, e) == (s, e):
        return False
    for a in range(s, e):
        pe = _match_gazetteer(toks, a, lex.places_en, lex.place_max)
        if not pe or pe > e:
            continue
        if _inside_name(toks, s, a, pe, e):
            continue  # "Riyad al-Hadithi Abu Riyad": a place name used as a personal name
        if a > s:
            _classify_run(b, toks, s, a, sent, lex, used, org_at, persons, leftovers)
        _span_mention(b, toks, a, pe, "place", sent, source="gazetteer")
        if pe < e:
            _classify_run(b, toks, pe, e, sent, lex, used, org_at, persons, leftovers)
        return True
    return False


def _classify_untitled(ctx, s: int, e: int) -> None:
    """A person by a trigger before the run (a lower-case role noun), a known given name,
    a name particle or the model's hint; else a leftover."""
    b, toks, sent, lex, used, org_at, persons, leftovers = ctx
    trigger = _trigger_before(toks, s, lex)
    if trigger and _name_ok(toks, s, e, lex):
        _add_person(b, toks, s, e, sent, lex, persons, [trigger], rule="trigger")
        return
    if e - s >= 2 and _name_ok(toks, s, e, lex):
        first = _first(toks[s])
        if first in lex.given_en or (_has_particle(toks, s + 1, e) and not toks[s].text.isupper()):
            rule = "given" if first in lex.given_en else "particle"
            job = _job_before(toks, s)
            _add_person(b, toks, s, e, sent, lex, persons, [job] if job else [], rule=rule)
            return
    hint = _hinted(b, toks, s, e)
    if hint is not None and _name_ok(toks, *hint, lex) and not _tail_of_person(b, toks, *hint):
        a, z = hint
        if a > s:
            _classify_run(b, toks, s, a, sent, lex, used, org_at, persons, leftovers)
        trig = _trigger_before(toks, a, lex) or _job_before(toks, a)
        _add_person(b, toks, a, z, sent, lex, persons, [trig] if trig else [], rule="model")
        if z < e:
            _classify_run(b, toks, z, e, sent, lex, used, org_at, persons, leftovers)
        return
    if _plain_name(b, toks, s, e, lex) and _reported_person(b, toks, s, e, lex):
        _add_person(b, toks, s, e, sent, lex, persons, [], rule="context")
        return
    leftovers.append((s, e))


#: Fewest and most words of an untitled name that its context alone shows to be a
#: person's ("Dana Lowell said"); one word alone is too often an organisation's.
_CONTEXT_NAME_WORDS = (2, 3)
#: Most tokens after a name's comma scanned for the role of an apposition.
_ROLE_APPOSITION_TOKENS = 6


def _plain_name(b: Builder, toks: list[Tok], s: int, e: int, lex: Lexicon) -> bool:
    """toks[s:e] may be an untitled person's name: two or three capitalised words, none
    an organisation's, a place's, a medium's or an outlet's word, a nationality, a number or a word
    the document also writes in lower case (a common word: "Opposing Views"), not opened
    by an article ("the Joint Base", "Al Rai") nor after a capitalised word and of/for
    (role_link_en: "Centers for Disease Control"), and no model reads another kind there."""
    lo, hi = _CONTEXT_NAME_WORDS
    if not lo <= e - s <= hi or not _name_ok(toks, s, e, lex):
        return False
    if s > 0 and toks[s - 1].text.lower() in _articles_en():
        return False
    if s > 1 and toks[s - 1].text in word_set("role_link_en") and toks[s - 2].cap:
        return False  # "Centers for Disease Control": the end of a body's longer name
    if _is_org_words(toks, s, e, lex) or _is_geo(toks, s, e, lex):
        return False
    if toks[s].text.lower() in word_set("joined_article_en"):
        return False
    for k in range(s, e):
        t = toks[k]
        if _inner_particle(toks, k):
            continue  # "Hans van Cleef"
        if not t.cap or not t.text.isalpha() or is_demonym(_first(t), lex):
            return False
        if t.text.lower() in word_set("outlet_head_en"):
            return False  # "Qorvan Media said": an outlet by its shape
        if t.text.lower() in b.words:
            return False
    return not b.model_reads_other(toks[s].start, toks[e - 1].end)


def _reported_person(b: Builder, toks: list[Tok], s: int, e: int, lex: Lexicon) -> bool:
    """The context shows the name toks[s:e] to be a person's: a speech verb after it
    (speech_en: "Dana Lowell said", also after a comma or words of speech_adverb_en:
    "Dana Lowell had earlier told", "Dana Lowell, also said") or before it after a
    quotation ('," said Dana Lowell'), "according to" before it (source_cue_en), a job
    or person noun before it ("musician Dana Lowell", "a friend, Dana Lowell"), a role
    and a comma before it ("the group's leader, Dana Lowell"), a role in apposition
    after it ("Dana Lowell, the group's spokesman"; "Dana Lowell is a lecturer"), or a
    byline after it ("Dana Lowell reported for Qorvan News", :func:`_byline_after`)."""
    n = len(toks)
    speech = word_set("speech_en")
    z = e + 1 if e < n and toks[e].text == "," else e  # "X, also said"
    while z < n and z - e < _SPEECH_GAP and toks[z].text in word_set("speech_adverb_en"):
        z += 1  # "X had earlier told", "X also said"
    if z < n and toks[z].text.lower() in speech and (z == e or toks[z - 1].text != ","):
        return True
    if s >= 2 and toks[s - 1].text.lower() in speech and toks[s - 2].kind == "p":
        return True
    for phrase in word_list("source_cue_en"):
        a = s - len(phrase.split())
        if a >= 0 and _phrase_at(toks, a, (phrase,)) == s:
            return True
    k = s - 2 if s >= 2 and toks[s - 1].text == "," else s - 1
    if k >= 0 and not toks[k].cap and toks[k].text in _person_words():
        return True
    if k < s - 1 and _trigger_before(toks, k + 1, lex):
        return True  # "the group's leader, X,": a role before the comma
    return _role_apposition(toks, e, lex) or _byline_after(toks, e)


#: Most words between a name and its speech verb ("X had earlier told").
_SPEECH_GAP = 3
#: Most words between a writer's verb and the "for" of the outlet ("wrote about X for").
_BYLINE_GAP = 4


def _byline_after(toks: list[Tok], e: int) -> bool:
    """A verb of writing (byline_verb_en) right after the name ending at token ``e``,
    then, within :data:`_BYLINE_GAP` words and no punctuation, "for" and a capitalised
    word: the outlet the named person writes for ("X reported Tuesday for Qorvan News",
    "X wrote about it for The Talvi Times"). An outlet reports, but not "for" another.
    Or a credit of ``contributor_phrase_en`` ("X contributed to this report").

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "Dana Lowell reported Tuesday for Qorvan News. Qorvan reported for the first time."
        >>> toks = tokenize_span(t, 0, len(t))
        >>> _byline_after(toks, 2), _byline_after(toks, 9)
        (True, False)
    """
    n = len(toks)
    if _phrase_at(toks, e, word_list("contributor_phrase_en")) is not None:
        return True  # "X contributed to this report"
    if e >= n or toks[e].text not in word_set("byline_verb_en"):
        return False
    for z in range(e + 1, min(n - 1, e + 2 + _BYLINE_GAP)):
        if toks[z].kind != "w":
            return False
        if toks[z].text == "for":
            return toks[z + 1].cap
    return False


@cache
def _person_words() -> frozenset[str]:
    """Lower-case nouns of a person's job or kind (job_head_en, person_noun_en)."""
    return word_set("job_head_en") | word_set("person_noun_en")


def _role_apposition(toks: list[Tok], e: int, lex: Lexicon) -> bool:
    """A role or a person noun in the apposition after the name ending at token ``e``
    (", the flight engineer", ", spokesman for", " is a lecturer", " was confirmed as
    secretary of state": after a passive verb of appointment), after at most
    :data:`_ROLE_APPOSITION_TOKENS` tokens of lower-case words, nationalities and
    names of its owner, with no function word before it."""
    n = len(toks)
    k = _appointment_at(toks, e) if e < n else None  # "X was confirmed as secretary of state"
    if k is None and e < n:
        k = _copula_at(toks, e)
    if k is None:
        if e + 1 >= n or toks[e].text not in _APPOSITION_OPENERS:
            return False
        k = e + 1
    for z in range(k, min(n, k + _ROLE_APPOSITION_TOKENS)):
        t = toks[z]
        if t.kind != "w":
            return False
        if t.cap:
            continue  # a nationality or the owner's name ("the WHO spokesperson")
        if t.text in _person_words() or _job_at(toks, z) is not None:
            return True
        hit = _title_at(toks, z, n, lex)
        if hit and hit[1].kind == "role":
            return True
        low = t.text.lower()
        if low in word_set("stop_en") and low not in _articles_en() | word_set("role_lead_en"):
            return False
    return False


def _job_before(toks: list[Tok], s: int) -> tuple[int, int, TitleInfo] | None:
    """A lower-case job phrase ending in a job noun (``job_head_en``) right before a
    name at token ``s`` ("American photojournalist Luke Harlow", "the freelance
    photographer X"), perhaps with what it is over ("assistant manager for marketing X",
    :func:`_job_field_words`): (start, end, a role whose name is the phrase), or None. It only
    gives a role to a name read by other rules; it makes no name a person.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "the Dutch freelance photographer Jan Smit"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> a, z, info = _job_before(toks, 4)
        >>> t[toks[a].start : toks[z - 1].end], info.en
        ('freelance photographer', 'freelance photographer')
    """
    z = s - _job_field_words(toks, s)
    if z < 1 or toks[z - 1].kind != "w" or toks[z - 1].text not in word_set("job_head_en"):
        return None
    a = z - 1
    while (
        a > 0
        and z - a < MAX_JOB_WORDS
        and toks[a - 1].kind == "w"
        and not toks[a - 1].cap
        and toks[a - 1].text.isalpha()
        and not _stop_in_job(toks[a - 1].text)
        and toks[a - 1].text not in word_set("role_link_en")
    ):
        a -= 1
    if _job_at(toks, a) != z:
        return None
    return a, s, TitleInfo("role", " ".join(t.text for t in toks[a:s]), "")


def _job_field_words(toks: list[Tok], s: int) -> int:
    """How many tokens before a name at ``s`` say what a job before them is over: a
    ``role_link_en`` word and one lower-case word ("manager for marketing NAME": 2), or 0.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "assistant manager for marketing Jan Smit"
        >>> _job_field_words(tokenize_span(t, 0, len(t)), 4)
        2
    """
    if s < 3:
        return 0
    word, link = toks[s - 1], toks[s - 2]
    if (
        word.kind != "w"
        or word.cap
        or not word.text.isalpha()
        or word.text in word_set("stop_en")
        or link.text not in word_set("role_link_en")
    ):
        return 0
    return 2


def _tail_of_person(b: Builder, toks: list[Tok], a: int, z: int) -> bool:
    """toks[a:z] are the last words of a longer person name found before (by the rules or
    the model): a short form, left to the short-form rules ("Abdel Fattah" after "Tarek Abdel Fattah"; "Van Cleef",
    its particle capitalised at a sentence's start, after "Hans van Cleef")."""
    words = b.doc.text[toks[a].start : toks[z - 1].end].split()
    names = [m.text for m in b.mentions.values() if m.kind == "person"]
    names += [b.doc.text[start:end] for end, start in b.person_hints.items()]  # the model's
    return any(
        len(name.split()) > len(words) and _same_words(name.split()[-len(words) :], words)
        for name in names
    )


def _same_words(tail: list[str], words: list[str]) -> bool:
    """The same words, the first perhaps capitalised in ``words`` only ("van" / "Van")."""
    return tail[1:] == words[1:] and tail[0] in (words[0], words[0][:1].lower() + words[0][1:])


#: Roman numerals of regnal and dynastic numbers (I to XXXIX).
_REGNAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def _hinted(
    b: Builder, toks: list[Tok], s: int, e: int, run: int | None = None
) -> tuple[int, int] | None:
    """The tokens [a, z) of [s, e) that a model person span ends with and covers, if
    any; the span starts inside the capitalised run beginning at token ``run`` (``s``
    when None), so it may hold the title words before ``s``."""
    if not b.person_hints:
        return None
    first = toks[s if run is None else run].start
    for z in range(e, s, -1):
        start = b.person_hints.get(toks[z - 1].end)
        if start is None or start < first:
            continue
        a = next((k for k in range(s, z) if toks[k].start >= start), None)
        if a is not None:
            return a, z
    return None


def _bare_surname(toks: list[Tok], s: int, e: int, lex: Lexicon, info: TitleInfo) -> bool:
    """One capitalised word after a one-word title that reads as a surname: an Arabic
    nisba in -i (General Ghanimi), after a role or a sovereign's title a word followed
    by a speech verb (Chief Hassan said), or a word followed by a comma and a relative
    pronoun of persons (Prince Naif, whose ...)."""
    if e - s != 1 or not _name_ok(toks, s, e, lex):
        return False
    t = toks[s]
    if t.text.isupper():
        return False
    word = t.norm[-1] if t.norm else ""
    if len(word) >= 4 and word.endswith("i") and word not in lex.org_heads_en:
        return True
    if (
        e + 1 < len(toks)
        and toks[e].text == ","
        and toks[e + 1].text.lower() in word_set("relative_person_en")
    ):
        return True
    speaker = info.kind == "role" or info.en in word_set("sovereign_title_en")
    return speaker and e < len(toks) and toks[e].text.lower() in word_set("speech_en")


def _inside_name(toks: list[Tok], s: int, a: int, pe: int, e: int) -> bool:
    """Is the place name toks[a:pe] (inside the run toks[s:e]) part of a personal name:
    followed by a family name with a particle (al-X, bin X), or after a kunya word?"""
    if pe - a != 1:
        return False
    if pe < e and (_joined_particle(toks[pe]) or _first(toks[pe]) in patronymic_markers("latn")):
        return True
    return a > s and _first(toks[a - 1]) in kunya_markers("latn") | patronymic_markers("latn")


def _trigger_before(toks: list[Tok], s: int, lex: Lexicon) -> tuple[int, int, TitleInfo] | None:
    for length in (3, 2, 1):
        a = s - length
        if a < 0:
            continue
        hit = _title_at(toks, a, s, lex)
        if hit and hit[0] == s and hit[1].kind in ("role", "title", "rank"):
            return (a, s, hit[1])
    return None


def _add_roles(b: Builder, toks: list[Tok], chain, sent) -> None:
    for a, z, info in chain:
        if info.kind == "role":
            _span_mention(b, toks, a, z, "role", sent, role=info.en, role_ar=info.ar)


def _add_person(b, toks, s, e, sent, lex, persons, chain, rule) -> None:
    # a kunya after the name: "X al-Y Abu Z" -> person X al-Y + alias Abu Z
    kunya_at = None
    while e - s > 1 and _first(toks[e - 1]) in kunya_markers("latn"):
        e -= 1  # never end on a bare "Abu"
    for k in range(s + 2, e - 1):
        if _first(toks[k]) in kunya_markers("latn"):
            kunya_at = k
            break
    name_e = kunya_at if kunya_at is not None else e
    ranks = [i.en for _, _, i in chain if i.kind == "rank"]
    others = [i.en for _, _, i in chain if i.kind in ("title", "honorific")]
    attrs = {"source": rule}
    if ranks:
        attrs["rank"] = ranks[-1]
    if others or ranks:
        attrs["titles"] = [i.en for _, _, i in chain if i.kind != "role"]
    roles = [i for _, _, i in chain if i.kind == "role"]
    if roles:
        attrs["role"] = roles[-1].en
    pm = _span_mention(b, toks, s, name_e, "person", sent, **attrs)
    if kunya_at is not None:
        km = _span_mention(
            b, toks, kunya_at, e, "person", sent, kunya=True, alias_of=pm.text, source="kunya"
        )
        b.relation("alias", km, pm, sent, rule="kunya")
    persons.append((s, e, pm, chain))
    # roles named directly before the name ("Prime Minister X", "spokesman Major General X")
    org = None
    first = chain[0][0] if chain else s
    if chain and first > 0:
        # the organisation right before the role, or before its plural possessive
        # ("Etihad Airways' chief executive X")
        w = (
            toks[first - 2]
            if toks[first - 1].kind != "w" and _possessive_before(toks, first)
            else toks[first - 1]
        )
        if first >= 4 and toks[first - 1].text == ")" and toks[first - 3].text == "(":
            w = toks[first - 4]  # "Gaza Civil Defense Services (CDD) spokesman X"
        om = b.overlaps(w.start, w.end, ("organization",)) or _acronym_before_role(b, w, sent, lex)
        org = om.text if om else None
    for a, z, info in chain:
        if info.kind == "role":
            rm = _span_mention(b, toks, a, z, "role", sent, role=info.en, role_ar=info.ar)
            extra = {"organization": org} if org else {}
            b.relation(
                "holds_role",
                pm,
                rm,
                sent,
                role=info.en,
                role_ar=info.ar,
                rank=attrs.get("rank"),
                rule=rule,
                **extra,
            )


def _acronym_before_role(b: Builder, w: Tok, sent: tuple[int, int], lex: Lexicon) -> Mention | None:
    """An unlisted acronym in capitals that nothing read, written right before a role
    ("QRC spokesperson X"), read as the role's organisation; None for other words, places
    and titles.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "The QRC spokesperson Dana Lowell said on Monday that it was over."
        >>> [r.attrs["organization"] for r in extract(Document("d", t, "en"), backend="rules").relations]
        ['QRC']
    """
    lo, hi = _INITIALS_LETTERS
    acr = w.text
    if not (w.kind == "w" and acr.isalpha() and acr.isupper() and lo <= len(acr) <= hi):
        return None
    key = tuple(w.norm)
    if b.overlaps(w.start, w.end) is not None or key in lex.places_en or key in lex.titles_en:
        return None
    return b.mention(w.start, w.end, "organization", sent, language="en", source="acronym-role")


def _org_tail(b: Builder, toks: list[Tok], a: int, z: int, lex: Lexicon) -> tuple[bool, dict]:
    """Is toks[a:z] empty or ``of|for|in [the] X``? Returns (fits, attrs for X). A
    lower-case description may stand between the connector and "the X" ("at think tank
    the Harbor Foundation")."""
    if a >= z:
        return True, {}
    if toks[a].text.lower() not in word_set("connector_en"):
        return False, {}
    a += 1
    a = _past_description(toks, a, z)
    while (a < z and toks[a].text.lower() in _articles_en()) or (
        a < z and toks[a].text in _OPEN_QUOTES | _CLOSE_QUOTES
    ):
        a += 1
    last = z
    while last > a and toks[last - 1].text in _CLOSE_QUOTES | _OPEN_QUOTES:
        last -= 1
    if a >= last or not all(
        toks[k].kind == "w"
        and (
            toks[k].cap
            or toks[k].text.lower() in word_set("org_inner_en")
            or _joined_particle(toks[k])
            or toks[k].text in word_set("name_particle_en")
        )
        for k in range(a, last)
    ):
        return False, {}
    start, end = toks[a].start, toks[last - 1].end
    om = b.overlaps(start, end, ("organization",))
    if om is not None:
        return True, {"organization": om.text}
    pm = b.overlaps(start, end, ("place",))
    key = tuple(p for k in range(a, last) for p in toks[k].norm)
    if key in lex.places_en or (pm is not None and not _named_before_place(toks, a, pm, lex)):
        return True, {"place": b.doc.text[start:end]}
    return True, {"organization": b.doc.text[start:end]}


#: Most words of a lower-case description between a connector and "the X".
MAX_DESCRIPTION_WORDS = 4


def _past_description(toks: list[Tok], a: int, z: int) -> int:
    """Past a lower-case description of up to ``MAX_DESCRIPTION_WORDS`` words, none a
    function word, that stands before "the" and a capitalised word in toks[a:z]
    ("counter-extremism think tank the Harbor Foundation"); else ``a``.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "at think tank the Harbor Foundation"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> toks[_past_description(toks, 1, len(toks))].text
        'the'
    """
    d = a
    stop = word_set("stop_en")
    while (
        d < z
        and d - a < MAX_DESCRIPTION_WORDS
        and toks[d].kind == "w"
        and toks[d].text.islower()
        and toks[d].text not in stop
    ):
        d += 1
    if (
        a < d
        and d + 1 < z
        and toks[d].text.lower() in word_set("definite_article_en")
        and toks[d + 1].cap
    ):
        return d
    return a


def _named_before_place(toks: list[Tok], a: int, place: Mention, lex: Lexicon) -> bool:
    """Whether the capitalised words from token ``a`` run on into the place mention
    ``place`` that ends them, after a first word that is no place or nationality: an
    organisation's name with the country of its branch ("for Relief Aid Nigeria"), not a
    place ("of Nineveh Province", "of South Sudan")."""
    first = toks[a]
    if place.start <= first.start or first.text.lower() in word_set("stop_en"):
        return False
    key = tuple(first.norm)
    return not (lex.places_en.get(key) or is_demonym(first.text.lower(), lex))


def _possessive_before(toks: list[Tok], k: int) -> bool:
    """Whether a possessive ends right before token k ("ministry's", "Airways'")."""
    if k < 1:
        return False
    prev = toks[k - 1]
    if prev.kind == "w":
        return prev.possessive
    return (
        prev.text in ("'", "’")
        and k >= 2
        and toks[k - 2].kind == "w"
        and toks[k - 2].end == prev.start
        and toks[k - 2].text.endswith("s")
    )


def _apposition_before(b, toks, s, sent, lex, pm, chain) -> None:
    """``the ROLE [and ROLE] of ORG, [RANK] NAME``; ``an analyst named NAME``."""
    first = chain[0][0] if chain else s
    if not chain and _named_job_before(b, toks, s, sent, lex, pm):
        return
    if first < 2 or toks[first - 1].text != ",":
        return
    z = _before_acronym_in_parentheses(toks, first - 1)
    a = z
    while a > 0 and z - a < 20 and toks[a - 1].text not in (",", ";", ":", "(", ")", "–", "—"):
        a -= 1
    while a < z and toks[a].text in _OPEN_QUOTES | _CLOSE_QUOTES:
        a += 1  # '... and Syria," intelligence analyst for Levantine Group, NAME says'
    # title phrases in the segment; a lower-case one only at its head ("the spokesman
    # for the Interior Ministry, ...", "A senior commander of Kataib Hezbollah, ...")
    hits: list[tuple[int, int, TitleInfo]] = []
    k = a
    while k < z:
        hit = _title_at(toks, k, z, lex)
        if (
            hit
            and hit[1].kind == "role"
            and (
                toks[k].cap
                or all(
                    toks[x].text.lower() in word_set("role_lead_en") or toks[x].cap
                    for x in range(a, k)
                )
                # "... met the commander of the Coalition, General X": a determiner
                # right before the role is enough
                or toks[k - 1].text.lower() in word_set("role_lead_en")
                # "the ministry's spokesman, X", "Etihad Airways' chief executive, X"
                or _possessive_before(toks, k)
                # "a WHO spokesperson, X"
                or _attributive_owner(b, toks, a, k) is not None
            )
        ):
            hits.append((k, hit[0], hit[1]))
            k = hit[0]
        else:
            k += 1
    if not hits:
        _job_apposition_before(b, toks, a, z, sent, lex, pm)
        return
    # the role held is the head of the segment (with roles joined to it by "and");
    # a role further on names whose spokesman or adviser the person is
    chain_roles = [hits[0]]
    for h in hits[1:]:
        gap = [toks[x].text.lower() for x in range(chain_roles[-1][1], h[0])]
        if gap in (["and"], [","], []):
            chain_roles.append(h)
        else:
            break
    fits, tail = _org_tail(b, toks, chain_roles[-1][1], z, lex)
    if not fits:
        # "a spokesperson for the Iraqi health ministry, NAME"
        fits, tail = _lower_org_tail(b, toks, chain_roles[-1][1], z)
    if not fits:
        return
    if any(h[0] >= chain_roles[-1][1] for h in hits):
        tail = {}  # "the spokesman of the Commander-in-Chief of the Armed Forces": no body
    owner = _owner_before(b, toks, hits[0][0]) or _attributive_owner(b, toks, a, hits[0][0])
    if owner is not None and not tail:  # "WHO's director of communications, NAME"
        tail = {_OWNER_ATTR[owner.kind]: owner.text}
    rank = pm.attrs.get("rank")
    for idx, (ra, rz, info) in enumerate(chain_roles):
        rm = _span_mention(b, toks, ra, rz, "role", sent, role=info.en, role_ar=info.ar)
        extra = tail if idx == len(chain_roles) - 1 else {}
        b.relation(
            "holds_role",
            pm,
            rm,
            sent,
            role=info.en,
            role_ar=info.ar,
            rank=rank,
            rule="apposition",
            **extra,
        )


def _before_acronym_in_parentheses(toks: list[Tok], z: int) -> int:
    """``z``, or the start of an acronym in parentheses that ends right before it ("a
    spokesman for the Harbor Council (HC), NAME": the segment ends at the council).

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> toks = tokenize_span("the Harbor Council (HC), Karim", 0, 30)
        >>> toks[_before_acronym_in_parentheses(toks, 6) - 1].text
        'Council'
    """
    if z >= 3 and toks[z - 1].text == ")" and toks[z - 3].text == "(":
        word = toks[z - 2]
        if word.kind == "w" and word.text.isupper() and len(word.text) >= 2:
            return z - 3
    return z


def _named_job_before(b, toks, s: int, sent, lex: Lexicon, pm) -> bool:
    """``a/the JOB named|called NAME`` (``named_cue_en``): the job or listed role before
    the cue, after a determiner, is the person's ("An analyst named X told ..."). Whether
    a role was read.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "A local reporter named Omar Haddad wrote it."
        >>> [(r.subject.text, r.attrs["role"]) for r in extract(Document("d", text, "en"), backend="rules").relations]
        [('Omar Haddad', 'local reporter')]
    """
    cue = s - 1
    if cue < 2 or toks[cue].text.lower() not in word_set("named_cue_en"):
        return False
    for k in range(max(1, cue - MAX_JOB_WORDS), cue):  # the longest phrase first
        if toks[k - 1].text.lower() not in _articles_en():
            continue
        hit = _title_at(toks, k, cue, lex)
        if hit and hit[0] == cue and hit[1].kind == "role":
            role, role_ar = hit[1].en, hit[1].ar
        elif _job_at(toks, k) == cue:
            role, role_ar = b.doc.text[toks[k].start : toks[cue - 1].end], ""
        else:
            continue
        rm = _span_mention(b, toks, k, cue, "role", sent, role=role, role_ar=role_ar or None)
        attrs = {"role": role, "rank": pm.attrs.get("rank"), "rule": "named"}
        if role_ar:
            attrs["role_ar"] = role_ar
        b.relation("holds_role", pm, rm, sent, **attrs)
        return True
    return False


def _attributive_owner(b: Builder, toks: list[Tok], a: int, k: int) -> Mention | None:
    """An organisation written right before the role at token ``k``, at the segment's
    start ``a`` or after a determiner ("a WHO spokesperson, NAME")."""
    if k < 1 or k <= a or not toks[k - 1].cap:
        return None
    om = b.overlaps(toks[k - 1].start, toks[k - 1].end, ("organization",))
    if om is None or om.end != toks[k - 1].end:
        return None
    j = k - 1
    while j > a and toks[j - 1].end > om.start:
        j -= 1
    if toks[j].start != om.start or not (
        j == a or toks[j - 1].text.lower() in word_set("role_lead_en")
    ):
        return None
    return om


def _job_apposition_before(b, toks, a: int, z: int, sent, lex: Lexicon, pm) -> None:
    """``a/the [ORG] JOB [for|of|at ORG], NAME`` where the job is a lower-case phrase
    ending in a job noun (``job_head_en``) after a determiner, an organisation or the
    segment's start: "a counterterrorism expert, NAME", "intelligence analyst for
    Levantine Group, NAME"."""
    for k in range(a, z):
        t = toks[k]
        if t.kind != "w" or t.cap:
            continue
        owner = _attributive_owner(b, toks, a, k)
        if not (
            k == a
            or owner is not None
            or toks[k - 1].text.lower() in word_set("role_lead_en")
            or _described_from(toks, a, k, lex, b.doc.text)
            or _owner_before(b, toks, k) is not None
        ):
            continue
        if t.text.lower() in word_set("role_lead_en"):
            continue
        job = _job_at(toks, k)
        if job is None or job > z:
            continue
        job = _field_after(toks, job, z)
        fits, tail = _org_tail(b, toks, job, z, lex)
        if not fits:
            fits, tail = _lower_org_tail(b, toks, job, z)
        if not fits:
            continue
        owner = owner or _owner_before(b, toks, k)
        if owner is not None and not tail:
            tail = {_OWNER_ATTR[owner.kind]: owner.text}
        role_text = b.doc.text[t.start : toks[job - 1].end]
        rm = _span_mention(b, toks, k, job, "role", sent, role=role_text)
        b.relation(
            "holds_role",
            pm,
            rm,
            sent,
            role=role_text,
            rank=pm.attrs.get("rank"),
            rule="apposition",
            **tail,
        )
        return


def _described_from(toks: list[Tok], a: int, k: int, lex: Lexicon, text: str = "") -> bool:
    """The job at token k follows a description of its holder (:func:`_described_job`)
    written after a determiner or at the segment's start ``a`` ("the British-born
    American photojournalist, NAME")."""
    for d in range(k - 1, max(a, k - MAX_JOB_WORDS) - 1, -1):
        if d == a or toks[d - 1].text.lower() in word_set("role_lead_en"):
            return _described_job(toks, d, lex, text) == k
    return False


def _apposition_after(b, toks, e, sent, lex, pm) -> None:
    """``NAME, the [so-called] “ROLE” for ORG`` / ``NAME, the ROLE of ORG``, and the
    same role after a passive verb of appointment: ``NAME was named as the new ROLE``,
    ``NAME was confirmed as ROLE of ORG``."""
    n = len(toks)
    k = e
    if k >= n:
        return
    appointed = _appointment_at(toks, k)
    copula = None if appointed is not None else _copula_at(toks, k)
    if appointed is not None:
        k = appointed
    elif copula is not None:
        k = copula
    elif toks[k].text in _APPOSITION_OPENERS:
        k += 1
    else:
        return
    if k < n and toks[k].text.lower() in _articles_en():
        k += 1
    while (
        (appointed is not None or (copula is not None and _job_at(toks, k) is None))
        and k < n
        and toks[k].text.lower() in word_set("role_lead_en")
    ):
        k += 1  # "was named as the new minister" ("is senior editor of" keeps its job)
    described = _described_job(toks, k, lex, b.doc.text)
    if described is not None:
        k = described  # "NAME, a Moroccan military expert": the nationality is no part of the post
    owner, k = _possessive_owner(b, toks, k)  # "NAME, the State Department's spokeswoman"
    k, lower_owner = _lower_owner(toks, k, lex) if owner is None else (k, None)
    if owner is None and lower_owner is None and _lower_possessive(toks, k):
        k += 1  # "NAME — the country's prime minister": whose post, unnamed
    so_called = k < n and toks[k].text.lower() in ("so-called", "self-styled", "self-proclaimed")
    if so_called:
        k += 1
    if k < n and toks[k].text in _OPEN_QUOTES:
        if copula is not None:
            return  # "X was a “high-risk traveller”": a quoted label, no post
        q = k + 1
        z = q
        while z < n and z - q < 8 and toks[z].text not in _CLOSE_QUOTES:
            z += 1
        if z >= n or z == q or toks[z].text not in _CLOSE_QUOTES:
            return
        role_text = b.doc.text[toks[q].start : toks[z - 1].end]
        rm = b.mention(toks[q].start, toks[z - 1].end, "role", sent, language="en", role=role_text)
        end = z + 1
        info = _title_at(toks, q, z, lex)
        role_ar = info[1].ar if info else None
    else:
        hit = _title_at(toks, k, n, lex)
        if hit and toks[hit[0] - 1].possessive:
            return  # "NAME, the president's son": the role is another's
        if hit and hit[1].kind == "role":
            end, role_text, role_ar = hit[0], hit[1].en, hit[1].ar
        elif (job := _job_at(toks, k)) is not None:
            job = _field_after(toks, job, _segment_end(toks, job))
            end, role_text, role_ar = job, b.doc.text[toks[k].start : toks[job - 1].end], None
        else:
            return
        # "the governor of X": keep the of-phrase for the organisation
        rm = _span_mention(b, toks, k, end, "role", sent, role=role_text, role_ar=role_ar)
    z = _segment_end(toks, end)
    fits, tail = _org_tail(b, toks, end, z, lex)
    if not fits:
        fits, tail = _lower_org_tail(b, toks, end, z)
    if not fits or (owner is not None and not tail):
        tail = {} if owner is None else {_OWNER_ATTR[owner.kind]: owner.text}
    if lower_owner and not tail:
        tail = {"organization": lower_owner}
    rule = "appointment" if appointed is not None else "copula" if copula else "apposition-after"
    attrs = {"role": role_text, "rank": pm.attrs.get("rank"), "rule": rule}
    if role_ar:
        attrs["role_ar"] = role_ar
    if so_called:
        attrs["so_called"] = True
    b.relation("holds_role", pm, rm, sent, **attrs, **tail)


_OWNER_ATTR = {"organization": "organization", "place": "place"}
#: What opens an apposition after a name: a comma or a dash ("NAME — the country's
#: prime minister").
_APPOSITION_OPENERS = frozenset({",", "—", "–"})
#: Most tokens of what follows a role written after a name (its organisation).
_ROLE_TAIL_TOKENS = 8


def _lower_possessive(toks: list[Tok], k: int) -> bool:
    """A lower-case word in the possessive at token ``k`` ("the country's", "the
    group's"), followed by a lower-case word: the unnamed owner of a post after it."""
    return (
        k + 1 < len(toks)
        and toks[k].kind == "w"
        and toks[k].possessive
        and not toks[k].cap
        and toks[k].text.isalpha()
        and toks[k + 1].kind == "w"
        and not toks[k + 1].cap
    )


def _segment_end(toks: list[Tok], end: int) -> int:
    """The end of what follows a role ending at token ``end`` in its apposition: the next
    punctuation (or a dash), at most ``_ROLE_TAIL_TOKENS`` tokens on."""
    z = end
    while (
        z < len(toks)
        and toks[z].text not in (",", ";", ".", ")", "(", "—", "–")
        and z - end < _ROLE_TAIL_TOKENS
    ):
        z += 1
    return z


def _field_after(toks: list[Tok], job: int, z: int) -> int:
    """``job``, or past what a job phrase ending at token ``job`` is over, up to the
    segment's end ``z``: a ``role_link_en`` word and one lower-case word that is no
    function word nor an organisation's head, at the end of the segment or before a
    connector ("assistant manager for marketing, ...", "manager for marketing at
    Saudia"); the field is part of the post, as :func:`_job_field_words` reads it before
    a name.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "manager for marketing at Saudia, said"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> _field_after(toks, 1, 5), _field_after(toks, 1, 3), _field_after(toks, 2, 5)
        (3, 3, 2)
    """
    f = job + 1
    if job >= z or toks[job].text not in word_set("role_link_en") or f >= z:
        return job
    word = toks[f]
    if (
        word.kind != "w"
        or word.cap
        or not word.text.isalpha()
        or word.text in word_set("stop_en")
        or word.text in word_set("job_head_en")
        or word.text in word_set("org_head_lower_en")
    ):
        return job  # "deputy head of parliament": the body the post is of, no field
    if f + 1 == z or toks[f + 1].text in word_set("connector_en"):
        return f + 1
    return job


def _phrase_at(toks: list[Tok], k: int, phrases: tuple[str, ...]) -> int | None:
    """End of the longest of ``phrases`` (words separated by spaces) written at token k."""
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        words = phrase.split()
        if k + len(words) <= len(toks) and all(
            toks[k + x].text.lower() == w for x, w in enumerate(words)
        ):
            return k + len(words)
    return None


def _appointment_at(toks: list[Tok], k: int) -> int | None:
    """After a name, a passive verb of appointment at token k (``appointment_aux_en`` and
    ``appointment_en``, then an optional "as"): where the role may begin, or None.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "was named as the new minister"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> toks[_appointment_at(toks, 0)].text, _appointment_at(toks, 1)
        ('the', None)
    """
    aux = _phrase_at(toks, k, word_list("appointment_aux_en"))
    verb = None if aux is None else _phrase_at(toks, aux, word_list("appointment_en"))
    if verb is None:
        return None
    return verb + 1 if verb < len(toks) and toks[verb].text.lower() == "as" else verb


def _copula_at(toks: list[Tok], k: int) -> int | None:
    """After a name, a form of "to be" at token k (``copula_en``, with an adverb of
    ``copula_adverb_en`` before or after it): where the role may begin, or None. The
    role must follow at once (a listed role or a job phrase), so "X is the target of"
    holds nothing.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "now is senior editor"
        >>> toks = tokenize_span(t, 0, len(t))
        >>> _copula_at(toks, 0), _copula_at(toks, 2)
        (2, None)
    """
    if k < len(toks) and toks[k].text.lower() in word_set("copula_adverb_en"):
        k += 1
    at = _phrase_at(toks, k, word_list("copula_en"))
    if at is None:
        return None
    if at < len(toks) and toks[at].text.lower() in word_set("copula_adverb_en"):
        at += 1
    return at


#: Most lower-case words of a job written after a name ("assistant marketing manager").
MAX_JOB_WORDS = 4


@cache
def _articles_en() -> frozenset[str]:
    """English articles: ``indefinite_article_en`` and ``definite_article_en`` (a, an, the)."""
    return word_set("indefinite_article_en") | word_set("definite_article_en")


def _stop_in_job(word: str) -> bool:
    """A function word that ends a job phrase: ``stop_en`` but for the words of
    ``job_word_en`` that also describe a post ("a security analyst")."""
    return word in word_set("stop_en") and word not in word_set("job_word_en")


def _described_job(toks: list[Tok], k: int, lex: Lexicon, text: str = "") -> int | None:
    """Where the job begins after a description of its holder written from token k:
    lower-case words and nationalities ending in a nationality or in a name made an
    adjective by a suffix (a "Missouri-based" attorney: ``text`` shows the suffix the
    token leaves out), with a job phrase or a listed role right after it ("a freelance
    American journalist", "the British-born American photojournalist"): the nationality
    is no part of the post. None if the words from k are no such description.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> from nasab.extraction._lex import lexicon
        >>> t = "freelance American journalist who"
        >>> _described_job(tokenize_span(t, 0, len(t)), 0, lexicon())
        2
    """
    n = len(toks)
    for d in range(k, min(n - 1, k + MAX_JOB_WORDS)):
        t = toks[d]
        if t.kind != "w" or not t.text.isalpha():
            return None
        if t.cap:
            if not (is_demonym(_first(t), lex) or _suffixed(text, t)):
                return None
            nxt = toks[d + 1]
            if not nxt.cap and (
                _job_at(toks, d + 1) is not None or _title_at(toks, d + 1, n, lex) is not None
            ):
                return d + 1
        elif t.text in word_set("stop_en") or t.text in word_set("job_head_en"):
            return None
    return None


def _suffixed(text: str, t: Tok) -> bool:
    """Whether ``text`` goes on after token ``t`` with a hyphen and the lower-case suffix
    the tokenizer cut off ("Missouri-based", "Gaza-born")."""
    return text[t.end : t.end + 1] == "-" and text[t.end + 1 : t.end + 2].islower()


def _job_at(toks: list[Tok], k: int) -> int | None:
    """End of a lower-case job phrase at token ``k`` ending with a job noun of
    ``job_head_en`` ("emergency management coordinator"), if any.

    Example:
        >>> from nasab.extraction._tokens import tokenize_span
        >>> t = "press officer at the embassy"
        >>> _job_at(tokenize_span(t, 0, len(t)), 0)
        2
    """
    end = None
    for z in range(k, min(len(toks), k + MAX_JOB_WORDS)):
        t = toks[z]
        if t.kind != "w" or t.cap or not t.text.replace("-", "").isalpha() or _stop_in_job(t.text):
            break
        if t.text in word_set("job_head_en"):
            end = z + 1
            if t.possessive:
                break
    return end


def _lower_org_tail(b: Builder, toks: list[Tok], a: int, z: int) -> tuple[bool, dict]:
    """``at|for|of [the] [Adjective] lower-case organisation [in Place]`` after a role
    ("at the French embassy in Beirut", "of the municipal council"): (fits, attrs)."""
    if a >= z or toks[a].text.lower() not in word_set("connector_en"):
        return False, {}
    heads = [
        k
        for k in range(a + 1, z)
        if toks[k].text.lower() in word_set("org_head_lower_en") and not _name_runs_on(toks, k, z)
    ]
    if not heads:
        return False, {}
    s = a + 1
    while s < heads[0] and toks[s].text.lower() in _articles_en():
        s += 1
    return True, {"organization": b.doc.text[toks[s].start : toks[z - 1].end]}


def _name_runs_on(toks: list[Tok], k: int, z: int) -> bool:
    """A capitalised head at token ``k`` followed before ``z`` by a lower-case word that
    is no connector, article or "and": the segment runs on past the organisation's name
    ("at Harbor University and expert on"), which is then no organisation's whole."""
    keep = word_set("connector_en") | _articles_en() | {"and"}
    return toks[k].cap and any(
        t.kind == "w" and not t.cap and t.text not in keep for t in toks[k + 1 : z]
    )


#: Most lower-case words of an organisation written before a role ("the health ministry's").
MAX_LOWER_OWNER = 3


def _lower_owner(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, str | None]:
    """A lower-case organisation in the possessive at token ``k`` whose last word is an
    organisation head ("the health ministry's spokesman"): the token after it and its
    text; else (k, None)."""
    for z in range(k, min(len(toks), k + MAX_LOWER_OWNER)):
        t = toks[z]
        if t.kind != "w" or t.cap:
            return k, None
        if t.possessive:
            if _last(t) not in lex.org_heads_en:
                return k, None
            words = [x.text for x in toks[k : z + 1]]
            words[-1] = re.sub(r"['’]s?$", "", words[-1])
            return z + 1, " ".join(words)
    return k, None


def _possessive_owner(b: Builder, toks: list[Tok], k: int) -> tuple[Mention | None, int]:
    """An organisation or place written with a possessive at token ``k`` ("the State
    Department's", "Etihad Airways'"): the mention and the token after it; else (None, k)."""
    if k >= len(toks) or not toks[k].cap:
        return None, k
    om = b.overlaps(toks[k].start, toks[k].end, ("organization", "place"))
    if om is None or om.start != toks[k].start:
        return None, k
    j = k
    while j < len(toks) and toks[j].end <= om.end:
        j += 1
    if toks[j - 1].end == om.end and toks[j - 1].possessive:
        return om, j
    if toks[j - 1].end == om.end and j < len(toks) and _possessive_before(toks, j + 1):
        return om, j + 1  # "Etihad Airways' assistant manager"
    return None, k


def _owner_before(b: Builder, toks: list[Tok], k: int) -> Mention | None:
    """An organisation or place with a possessive ending right before token ``k``
    ("Etihad's", "Etihad Airways'")."""
    if not _possessive_before(toks, k):
        return None
    w = toks[k - 1] if toks[k - 1].kind == "w" else toks[k - 2]
    om = b.overlaps(w.start, w.end, ("organization", "place"))
    return om if om is not None and om.end == w.end else None


def _parentheses(b: Builder, toks: list[Tok], sent: tuple[int, int], lex: Lexicon) -> None:
    n = len(toks)
    for k in range(1, n - 2):
        if toks[k].text != "(" or _expansion_inside(b, toks, k, sent):
            continue
        prev = _spelled_out(b, toks, k, sent, lex) or b.overlaps(
            toks[k - 1].start, toks[k - 1].end, ("organization", "person")
        )
        if prev is None or prev.end != toks[k - 1].end:
            continue
        z = k + 1
        items: list[tuple[int, int]] = []
        s = z
        while z < n and toks[z].text != ")" and z - k < 16:
            if toks[z].text in ("/", ",", ";"):
                items.append((s, z))
                s = z + 1
            z += 1
        if z >= n or toks[z].text != ")":
            continue
        items.append((s, z))
        for a, c in items:
            if a >= c or not all(
                toks[x].kind == "w"
                and (toks[x].cap or toks[x].text in word_set("name_particle_en"))
                for x in range(a, c)
            ):
                continue
            surface = b.doc.text[toks[a].start : toks[c - 1].end]
            if c - a == 1 and _party_affiliation(surface):
                continue
            is_acr = c - a == 1 and (surface.isupper() or surface in lex.orgs_acronyms)
            m = _span_mention(b, toks, a, c, prev.kind, sent, source="parenthesis", strong=True)
            b.relation(
                "acronym" if is_acr and prev.kind == "organization" else "alias",
                m,
                prev,
                sent,
                rule="parenthesis",
            )


def _party_affiliation(word: str) -> bool:
    """A lawmaker's party and state in parentheses after the name ("R-Minn", "D-Calif"):
    a party letter of ``party_letter_en``, a hyphen and a capitalised word.

    Example:
        >>> _party_affiliation("R-Minn"), _party_affiliation("D-Texas"), _party_affiliation("Al-Tamimi")
        (True, True, False)
    """
    party, hyphen, state = word.partition("-")
    return (
        bool(hyphen)
        and party in word_set("party_letter_en")
        and state[:1].isupper()
        and state[1:].isalpha()
        and state[1:].islower()
    )


#: Most words of an organisation's name spelled out by an acronym, before or inside
#: the parentheses ("Coordinator of Government Activities in the Territories (COGAT)").
MAX_SPELLED_WORDS = 10


def initials_spell(words: list[str], want: str) -> bool:
    """Whether the initials of ``words`` spell ``want`` (lower case): each word gives its
    first letter, a hyphenated word each part's, a word in capitals all its letters or its
    first ("UN Relief and Works Agency": UNRWA); a connector of ``skip_initial_en`` ("of",
    "the", "in") gives its first letter or nothing.

    Example:
        >>> initials_spell("Coordinator of Government Activities in the Territories".split(), "cogat")
        True
        >>> initials_spell("UN Relief and Works Agency".split(), "unrwa")
        True
        >>> initials_spell("Civil Defense Services".split(), "cdd")
        False
    """
    skip = word_set("skip_initial_en")

    def options(word: str) -> set[str]:
        low = word.lower()
        if low in skip:
            return {"", low[0]}
        got = {"".join(p[0] for p in low.split("-") if p)}
        if word.isupper() and word.isalpha() and len(word) > 1:
            got.add(low)
        return got

    ends = {0}  # how much of ``want`` the words so far can spell
    for word in words:
        nxt = set()
        for at in ends:
            for o in options(word):
                if want.startswith(o, at):
                    nxt.add(at + len(o))
        if not nxt:
            return False
        ends = nxt
    return len(want) in ends


def _spelled_out(
    b: Builder, toks: list[Tok], k: int, sent: tuple[int, int], lex: Lexicon
) -> object | None:
    """``Name Of Words (NOW)``: the organisation whose initials spell the acronym in the
    parentheses at token k (see :func:`initials_spell`); the shortest such name. It may
    open with a name joined to its article ("al-Qaeda in the Arab Peninsula (AQAP)")."""
    n = len(toks)
    if k + 2 >= n or toks[k + 2].text != ")":
        return None
    acr = toks[k + 1].text
    if not (acr.isupper() and acr.isalpha() and 2 <= len(acr) <= 8):
        return None
    want = acr.lower()
    skip = word_set("skip_initial_en")
    for j in range(k - 1, max(-1, k - MAX_SPELLED_WORDS), -1):
        t = toks[j]
        if t.kind != "w" or not (t.cap or t.text.lower() in skip or "-" in t.text):
            return None
        if (t.cap or _JOINED_ARTICLE_NAME.match(t.text)) and initials_spell(
            [x.text for x in toks[j:k]], want
        ):
            if j == k - 1 and ("-" not in t.text or len(want) < 3):
                return None  # one word: the ordinary parenthesis rule reads it
            return _span_mention(
                b, toks, j, k, "organization", sent, source="acronym-expansion", strong=True
            )
    return None


#: A name written after a lower-case article joined by a hyphen ("al-Qaeda", "el-Fatah").
_JOINED_ARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z]")
_ACRONYM_HEAD = re.compile(r"[A-Z]{2,8}(?=-[a-z]|$)")


def _expansion_inside(b: Builder, toks: list[Tok], k: int, sent: tuple[int, int]) -> bool:
    """``ACRONYM (Name Of Words)``, also ``ACRONYM-run (...)``: the name in the parentheses
    at token k spells the acronym before them (:func:`initials_spell`); both are read as
    one organisation (an ``acronym`` relation). Whether it was read.

    Example:
        >>> from nasab.extraction.core import extract
        >>> r = extract("They went to UNRWA-run (UN Relief and Works Agency) shelters.", backend="rules")
        >>> sorted((m.text, m.kind) for m in r.mentions)
        [('UN Relief and Works Agency', 'organization'), ('UNRWA', 'organization')]
    """
    head = _ACRONYM_HEAD.match(toks[k - 1].text)
    if head is None or toks[k - 1].kind != "w":
        return False
    n = len(toks)
    z = k + 1
    while z < n and z - k <= MAX_SPELLED_WORDS and toks[z].text != ")":
        if toks[z].kind != "w":
            return False
        z += 1
    if z >= n or toks[z].text != ")" or z == k + 1 or not toks[k + 1].cap or not toks[z - 1].cap:
        return False
    words = [t.text for t in toks[k + 1 : z]]
    skip = word_set("skip_initial_en")
    if not all(w[:1].isupper() or w.lower() in skip for w in words):
        return False
    if not initials_spell(words, head.group().lower()):
        return False
    acr_start = toks[k - 1].start
    am = b.mention(acr_start, acr_start + len(head.group()), "organization", sent, source="acronym")
    em = _span_mention(
        b, toks, k + 1, z, "organization", sent, source="acronym-expansion", strong=True
    )
    b.relation("acronym", am, em, sent, rule="parenthesis")
    return True


def _person_before_kunya_alias(
    b: Builder, toks: list[Tok], p: int, z: int, sent: tuple[int, int]
) -> object | None:
    """``X, also known as Abu Y``: a kunya alias makes the capitalised run X a person."""
    a = z
    while a < len(toks) and toks[a].text in _OPEN_QUOTES:
        a += 1
    if a >= len(toks) or toks[a].text.lower() not in kunya_markers("latn"):
        return None
    start = p
    while (
        start > 0 and p - start < 4 and _cap_like(toks[start - 1]) and toks[start - 1].kind == "w"
    ):
        start -= 1
    if not _cap_like(toks[p]) or p - start < 1 or b.overlaps(toks[start].start, toks[p].end):
        return None  # one capitalised word alone is too weak a cue
    return _span_mention(b, toks, start, p + 1, "person", sent, source="alias-subject")


def _alias_phrases(b: Builder, toks: list[Tok], sent: tuple[int, int], lex: Lexicon) -> None:
    n = len(toks)
    firsts = _alias_first_words()
    for k in range(n):
        if toks[k].kind != "w" or toks[k].text.lower() not in firsts:
            continue
        for phrase in _alias_openers():
            z = k + len(phrase)
            if z > n or tuple(t.text.lower() for t in toks[k:z]) != phrase:
                continue
            # subject: the mention ending just before (optionally a comma)
            p = k - 1
            if p >= 0 and toks[p].text == ",":
                p -= 1
            if p < 0:
                break
            subj = b.overlaps(toks[p].start, toks[p].end, ("person", "organization"))
            if subj is None:
                subj = _person_before_kunya_alias(b, toks, p, z, sent)
            if subj is None:
                break
            a = z
            while a < n and toks[a].text in _OPEN_QUOTES:
                a += 1
            c = a
            while c < n and _cap_like(toks[c]) and c - a < 6:
                c += 1
                if toks[c - 1].possessive:
                    break
            if c == a:
                break
            m = _span_mention(
                b, toks, a, c, subj.kind, sent, source="alias", alias_of=subj.text, strong=True
            )
            surface = m.text
            acronym = (
                subj.kind == "organization"
                and c - a == 1
                and (surface.isupper() or surface in lex.orgs_acronyms)
            )  # "IS, also known as Daesh": Daesh is the Arabic acronym
            b.relation("acronym" if acronym else "alias", m, subj, sent, rule="known-as")
            if subj.kind == "person":
                _apposition_after(b, toks, c, sent, lex, subj)
            break


def _role_holders(b: Builder, roles: frozenset[str]) -> dict[str, tuple[int, str]]:
    """role -> (start of its first holder's mention, the holder's name) for each role of
    ``roles`` that exactly one person of the document holds (persons told apart by their
    last name word: "Barack Obama" and "Obama" are one holder)."""
    found: dict[str, dict[str, tuple[int, str]]] = {}
    for r in b.relations:
        role, m = r.attrs.get("role"), r.subject
        if r.type != "holds_role" or role not in roles or m.kind != "person":
            continue
        if b.mentions.get(m.span) is not m or not m.text.split():
            continue  # dropped since, or empty
        name = str(m.attrs.get("refers_to") or m.text)
        key = normalize(name.split()[-1])
        start, best = found.setdefault(role, {}).get(key, (m.start, name))
        found[role][key] = (min(start, m.start), max(best, name, key=len))
    return {role: next(iter(hs.values())) for role, hs in found.items() if len(hs) == 1}


def title_references_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Title-only references that the document makes clear: ``the king``, ``the Emir``,
    ``the prime minister`` (``the`` and a role of words.tsv ``title_reference_en``) name
    the one person the document names before as holding that role. Each becomes a person
    mention over the title words whose name is that person's (``refers_to`` too).

    Nothing is read when the document names several holders of the role, or none before
    the reference; nor when a capitalised word or a preposition follows the title (a name,
    "the president of the club"), nor inside another mention (a role mention that no
    relation uses gives way).

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "King Tarek bin Zaid arrived. Later the king left."
        >>> [(m.text, m.name) for m in extract(Document("d", text, "en"), backend="rules").persons()]
        [('Tarek bin Zaid', 'Tarek bin Zaid'), ('king', 'Tarek bin Zaid')]
    """
    holders = _role_holders(b, word_set("title_reference_en"))
    if not holders:
        return
    held = {r.object.span for r in b.relations if r.object is not None}
    for sent, toks in sentences_toks:
        for i in range(len(toks) - 1):
            norm = toks[i].norm
            if (
                toks[i].kind != "w"
                or len(norm) != 1
                or norm[0] not in word_set("definite_article_en")
            ):
                continue
            hit = _title_at(toks, i + 1, len(toks), lex)
            if hit is None or hit[1].en not in holders:
                continue
            first, name = holders[hit[1].en]
            end = hit[0]
            nxt = toks[end] if end < len(toks) else None
            start, stop = toks[i + 1].start, toks[end - 1].end
            if (
                start <= first
                or (nxt is not None and (nxt.cap or _first(nxt) in word_set("role_tail")))
                or any(m.kind != "role" or m.span in held for m in b.within(start, stop))
            ):
                continue
            b.mention(
                start, stop, "person", sent, name=name, refers_to=name, source="title-reference"
            )


def late_person_roles_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Roles written beside persons found after the sentence rules (a bare short form,
    a name only the model read): the same apposition and appointment rules as for the
    persons the sentence rules find ("Dunne was confirmed as secretary of State",
    "Dunne, the agency's director, said"). Persons that already hold a role, and aliases
    of another person, are left.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "Michael Dunne arrived. Dunne was named as the new minister."
        >>> [(r.subject.text, r.attrs["role"]) for r in extract(Document("d", text, "en"), backend="rules").relations]
        [('Dunne', 'Minister')]
    """
    # persons holding a role, and aliases (a kunya after the name) whose person does
    holding = {r.subject.span for r in b.relations if r.type in ("holds_role", "alias")}
    for sent, toks in sentences_toks:
        late = [
            m
            for m in b.within(*sent)
            if m.kind == "person" and m.language == "en" and m.span not in holding
        ]
        if not late:
            continue
        starts = [t.start for t in toks]
        for pm in late:
            s = bisect.bisect_left(starts, pm.start)
            if s >= len(toks) or toks[s].start != pm.start:
                continue
            e = s
            while e < len(toks) and toks[e].end < pm.end:
                e += 1
            if e >= len(toks) or toks[e].end != pm.end:
                continue
            _apposition_before(b, toks, s, sent, lex, pm, [])
            _apposition_after(b, toks, e + 1, sent, lex, pm)


def holiday_events_en(b: Builder) -> None:
    """Named holidays and religious festivals read as a person or an organisation
    (words.tsv ``holiday_en``: "Rosh Hashana", "Yom Kippur") become events (the graph
    keeps no node for them).

    Example:
        >>> from nasab.extraction import extract, Document
        >>> ex = extract(Document("d", "Crowds gathered for Eid al-Adha.", "en"), backend="rules")
        >>> [(m.text, m.kind) for m in ex.mentions]
        [('Eid al-Adha', 'event')]
    """
    holidays = {normalize(w) for w in word_list("holiday_en")}
    for m in list(b.mentions.values()):
        if m.kind in ("person", "organization") and normalize(m.name) in holidays:
            b.replace_with([m], m.start, m.end, "event", m.sentence, source="holiday")


def disease_names_en(b: Builder) -> None:
    """A one-word person mention written right before a lower-case disease word of
    ``words.tsv`` ``disease_head_en`` ("Lassa fever", "Marlo virus") names a disease, no
    person: it is dropped with its relations, and so are the document's other one-word
    person mentions of that name unless a longer person name there ends with it ("Sam
    Varrin ... Varrin fever ... Varrin said": the last one stays his).

    Example:
        >>> from nasab.extraction import Document
        >>> t = "Cases of Varrin fever rose. Varrin spread fast."
        >>> b = Builder(Document("d", t, "en"))
        >>> _ = b.mention(9, 15, "person", (0, 27))
        >>> _ = b.mention(28, 34, "person", (28, 47))
        >>> disease_names_en(b)
        >>> list(b.mentions)
        []
    """
    heads = re.compile(
        rf" (?:{'|'.join(re.escape(w) for w in word_list('disease_head_en'))})(?![\w-])"
    )
    text = b.doc.text
    persons = [m for m in b.mentions.values() if m.kind == "person" and m.name.strip()]
    diseases = {
        m.name.strip() for m in persons if " " not in m.name.strip() and heads.match(text, m.end)
    }
    if not diseases:
        return
    owned = {m.name.split()[-1] for m in persons if " " in m.name.strip()}
    for m in persons:
        name = m.name.strip()
        if name in diseases and (heads.match(text, m.end) or name not in owned):
            del b.mentions[m.span]
    kept = set(map(id, b.mentions.values()))
    b.relations = [
        r
        for r in b.relations
        if id(r.subject) in kept
        and (r.object is None or id(r.object) in kept or r.object.kind == "role")
    ]


#: Longest run of capitalised words on either side of "of" in a coordinated purpose.
_COORDINATED_RUN = 3


def _cap_run(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """End of the run of capitalised words (no head word, no function word) from ``k``."""
    z = k
    while (
        z < len(toks)
        and z - k < _COORDINATED_RUN
        and toks[z].cap
        and _first(toks[z]) not in lex.org_heads_en
        and _first(toks[z]) not in word_set("stop_en")
    ):
        z += 1
    return z


@cache
def _field_words() -> frozenset[str]:
    """One-word English fields and modifiers of organisation names (org_words.tsv:
    Studies, Research, Development): what a coordinated purpose without "of" ends on."""
    return frozenset(
        form
        for entry in org_words()
        if entry.kind in ("function", "modifier")
        for form in entry.forms_en
        if " " not in form
    )


def _word_at(toks: list[Tok], k: int, *words: str) -> bool:
    return k < len(toks) and toks[k].kind == "w" and toks[k].text in words


def _coordinated_end(toks: list[Tok], j: int, words: list[str], lex: Lexicon) -> int:
    """Token end of what continues an organisation name of purpose ending before ``j``:
    "of Virtue" after "... for the Promotion", then "and (the) Prevention of Vice"; or,
    right after the purpose's own words, "and International Studies" (Centre for
    Strategic and International Studies: no "of"); ``j`` when nothing does."""
    k = j
    if words[-2:-1] == ["for"] or words[-3:-1] == ["for", "the"]:
        if _word_at(toks, k, "of") and (z := _cap_run(toks, k + 1, lex)) > k + 1:
            k = z
    if not _word_at(toks, k, "and"):
        return k
    a = k + 2 if _word_at(toks, k + 1, "the") else k + 1
    z = _cap_run(toks, a, lex)
    if z == a:
        return k
    if not _word_at(toks, z, "of"):
        purpose = "for" in words[-_COORDINATED_RUN:-1] and words[-1][:1].isupper()
        field = toks[z - 1].text in _field_words()
        return z if k == j and a == k + 1 and purpose and field else k
    z2 = _cap_run(toks, z + 1, lex)
    return z2 if z2 > z + 1 else k


def coordinated_orgs_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Organisation names of purpose cut short at "of" or "and" ("Committee for the
    Promotion of Virtue and the Prevention of Vice", "Office for the Coordination of
    Humanitarian Affairs") are extended over the coordinated "X of Y" that follows. An
    organisation's head word or a mention of another kind after "and" stops it (the
    Ministry of Defence and the Ministry of Interior stay two).

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "The Committee for the Promotion of Virtue and the Prevention of Vice spoke."
        >>> [m.text for m in extract(Document("d", text, "en"), backend="rules").organizations()]
        ['Committee for the Promotion of Virtue and the Prevention of Vice']
    """
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in b.mentions.values():
        if m.kind == "organization" and "for" in m.name.split()[1:]:
            by_sentence.setdefault(m.sentence, []).append(m)
    for sent, toks in sentences_toks:
        for m in by_sentence.get(sent, ()):
            if b.mentions.get(m.span) is not m:
                continue
            words = m.name.split()
            j = bisect.bisect_left([t.start for t in toks], m.end)
            if j == len(toks):
                continue
            end = _coordinated_end(toks, j, words, lex)
            if end == j:
                continue
            stop = toks[end - 1].end
            inside = b.within(m.end, stop)
            if any(x.kind in ("person", "place") or x.end > stop for x in inside):
                continue
            b.respan(m, m.start, stop, absorb=tuple(x for x in inside if x.kind != "role"))


#: A broadcaster's call sign (US and Canadian stations: K or W, C, and 2-3 more capitals).
_CALL_SIGN = re.compile(r"[KWC][A-Z]{2,3}")


def station_call_sign(name: str) -> str | None:
    """The broadcaster's call sign an organisation name is written with: the name itself
    when it is a call sign ("KHOU"), or its first word when only a channel number and
    capitalised media words of ``media_en`` follow it ("KHOU 11 News", "WXYZ TV"), as
    :func:`media_tails_en` reads them; else None.

    Example:
        >>> station_call_sign("KHOU 11 News"), station_call_sign("WXYZ"), station_call_sign("WXYZ Radio")
        ('KHOU', 'WXYZ', 'WXYZ')
        >>> station_call_sign("KHOU Harbor"), station_call_sign("Harbor News")
        (None, None)
    """
    words = name.split()
    if not words or not _CALL_SIGN.fullmatch(words[0]):
        return None
    rest = words[1:]
    if rest and rest[0].isdigit():
        rest = rest[1:]
    media = word_set("media_en")
    if all(w[:1].isupper() and w.lower() in media for w in rest):
        return words[0]
    return None


def media_tails_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """An outlet's name runs over the channel number and the capitalised media words after
    it ("KHOU 11 News", "Hail News"): an organisation mention, or a station's call sign,
    followed by them is extended over them (made an organisation for a call sign).

    Example:
        >>> from nasab.extraction import extract, Document
        >>> ex = extract(Document("d", "He told WXYZ 7 News on Monday.", "en"), backend="rules")
        >>> [m.text for m in ex.organizations()]
        ['WXYZ 7 News']
    """
    for sent, toks in sentences_toks:
        for k, t in enumerate(toks):
            m = b.overlaps(t.start, t.end, ("organization",))
            if m is not None and m.end != t.end:
                continue
            if m is None and not (_CALL_SIGN.fullmatch(t.text) and not b.overlaps(t.start, t.end)):
                continue
            j = k + 1 if k + 1 < len(toks) and toks[k + 1].kind == "n" else k
            if toks[j].possessive:
                continue
            z = j + 1
            while z < len(toks) and toks[z].cap and _first(toks[z]) in lex.media_en:
                z += 1
            if z == j + 1 or b.overlaps(toks[k].end, toks[z - 1].end, ("person", "place")):
                continue
            inside = tuple(x for x in b.within(toks[k].end, toks[z - 1].end) if x.kind != "role")
            if m is None:
                b.mention(t.start, toks[z - 1].end, "organization", sent, source="call-sign")
            elif all(x.end <= toks[z - 1].end for x in inside):
                b.respan(m, m.start, toks[z - 1].end, absorb=inside)


#: Letters of an unlisted acronym read as the initials of an organisation named before it.
_INITIALS_LETTERS = (2, 6)


def initials_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """An unlisted acronym in capitals whose letters are the initials of exactly one
    organisation named before it in the document (see :func:`acronym_spells`) is that
    organisation (an ``acronym`` relation; the acronym is read as an organisation if
    nothing read it): "the Daily Mail ... wrote DM". A listed acronym keeps its table's
    organisation.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "The Harbor Gazette Company reported it first. Later HGC said it again."
        >>> ex = extract(Document("d", text, "en"), backend="rules")
        >>> [(r.subject.text, r.object.text) for r in ex.relations if r.type == "acronym"]
        [('HGC', 'Harbor Gazette Company')]
    """
    orgs = [m for m in b.sorted_mentions() if m.kind == "organization"]
    if not orgs:
        return
    stated = {r.subject.span for r in b.relations if r.type in ("acronym", "alias")}
    stated |= {r.object.span for r in b.relations if r.object is not None and r.type == "acronym"}
    lo, hi = _INITIALS_LETTERS
    skip = word_set("skip_initial_en")
    for sent, toks in sentences_toks:
        for t in toks:
            acr = t.text
            if not (
                t.kind == "w"
                and acr.isalpha()
                and acr.isupper()
                and lo <= len(acr) <= hi
                and acr not in lex.orgs_acronyms
            ):
                continue
            m = b.overlaps(t.start, t.end)
            if m is not None and (m.kind != "organization" or m.span != (t.start, t.end)):
                continue
            if m is not None and m.span in stated:
                continue
            fulls: dict[str, Mention] = {}
            for f in orgs:
                words = f.text.split()
                if f.start >= t.start or len(words) < 2:
                    continue
                if all(w[:1].isupper() or w.lower() in skip for w in words) and acronym_spells(
                    words, acr.lower()
                ):
                    fulls.setdefault(f.text, f)
            if len(fulls) != 1:
                continue
            if m is None:
                m = b.mention(t.start, t.end, "organization", sent, source="initials")
            b.relation("acronym", m, next(iter(fulls.values())), sent, rule="initials")


#: Fewest letters of an acronym that spells a name without its last "and" part.
_AND_DROPPED_LETTERS = 3


def acronym_spells(words: list[str], want: str) -> bool:
    """Whether ``want`` (lower case) is an acronym of the name ``words``: their initials
    spell it (:func:`initials_spell`), or, for an acronym of three letters or more, the
    initials of the words before the name's last "and" do: a body's acronym kept when its
    name grew a part ("Centers for Disease Control and Prevention": CDC).

    Example:
        >>> acronym_spells("Office for Water Supply and Sanitation".split(), "ows")
        True
        >>> acronym_spells("Office for Water Supply and Sanitation".split(), "owsas")
        True
        >>> acronym_spells("Office for Water Supply and Sanitation".split(), "owsa")
        False
        >>> acronym_spells("Bureau of Arms and Explosives".split(), "ba")
        False
    """
    if initials_spell(words, want):
        return True
    if len(want) < _AND_DROPPED_LETTERS or "and" not in words[1:-1]:
        return False
    last_and = len(words) - 1 - words[::-1].index("and")
    return initials_spell(words[:last_and], want)


#: Largest number read as a person's age in apposition ("Dalvina, 28, told reporters").
_MAX_AGE = 119
#: Longest capitalised run taken as the name before a person cue.
_CUE_NAME_RUN = 3
#: Lower-case words allowed between the article and a person noun in apposition.
_APPOSITION_ADJECTIVES = 2
#: Sources of mentions that a person cue overrides (a model's guesses).
_GUESSES = ("model", "model-repeat")


def _name_before(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token span of the capitalised name ending at token ``k`` (function words, titles
    and roles left out); None when ``k`` is no name word."""
    stop = word_set("stop_en")
    a = k
    while (
        a >= 0
        and k - a < _CUE_NAME_RUN
        and (
            (toks[a].cap and toks[a].text.lower() not in stop)
            # a lower-case particle inside the name ("Hans van Cleef")
            or (
                a < k and a > 0 and toks[a].text in word_set("name_particle_en") and toks[a - 1].cap
            )
        )
        and (toks[a].norm not in lex.titles_en)
    ):
        a -= 1
    if (
        a > 0
        and toks[a].kind == "w"
        and toks[a].text.isalpha()
        and toks[a].text.islower()
        and len(toks[a].text) <= _SHORT_PARTICLE
        and toks[a - 1].cap
    ):
        return None  # "Hans van Cleef": a short lower-case word between capitals may be
        # a particle of the name, whose start is then unsure
    return (a + 1, k + 1) if a < k else None


#: Longest lower-case word between capitalised words that may be a name's particle
#: ("van", "de", "von", "der").
_SHORT_PARTICLE = 3


def _name_after(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """Token span of the capitalised name starting at token ``k`` (quotes skipped)."""
    while k < len(toks) and toks[k].text in _OPEN_QUOTES:
        k += 1
    stop = word_set("stop_en")
    z = k
    while (
        z < len(toks) and z - k < _CUE_NAME_RUN and toks[z].cap and toks[z].text.lower() not in stop
    ):
        z += 1
        if toks[z - 1].possessive:
            break
    return (k, z) if z > k else None


def _age_at(toks: list[Tok], k: int) -> bool:
    """ ", 28," at token ``k``: a person's age in apposition."""
    return (
        k + 2 < len(toks)
        and toks[k].text == ","
        and toks[k + 1].kind == "n"
        and toks[k + 1].text.isdigit()
        and 0 < int(toks[k + 1].text) <= _MAX_AGE
        and toks[k + 2].text in (",", ")")
    )


def _person_noun_at(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """ ", the (youngest) son of", ", a mother who", ", a Moroccan military expert," at
    token ``k``: a person noun (person_noun_en) in apposition after at most two
    lower-case words or nationality adjectives, closed by punctuation or a preposition."""
    if (
        k + 2 >= len(toks)
        or toks[k].text != ","
        or toks[k + 1].text.lower() not in word_set("role_lead_en")
    ):
        return False
    z = k + 2
    while z < len(toks) and z - k - 2 <= _APPOSITION_ADJECTIVES:
        t = toks[z]
        if t.kind != "w" or not (t.text.islower() or is_demonym(_first(t), lex)):
            return False
        if t.text in word_set("person_noun_en"):
            nxt = toks[z + 1] if z + 1 < len(toks) else None
            return nxt is None or nxt.kind == "p" or nxt.text in word_set("connector_en")
        z += 1
    return False


def _kin_at(toks: list[Tok], k: int) -> bool:
    """A kinship noun (kin_noun_en) at token ``k`` after a possessive ("his brother",
    "Gul's daughter-in-law"): a capitalised name after it, with or without a comma, is a
    person's."""
    return (
        k > 0
        and toks[k].text in word_set("kin_noun_en")
        and (toks[k - 1].possessive or toks[k - 1].text.lower() in word_set("possessive_en"))
    )


#: Dashes that open the signature line of a quoted post ("— Jan Smit (@jsmit) May 1").
_SIGNATURE_DASHES = frozenset("—–-")


def _handle_at(toks: list[Tok], k: int) -> bool:
    """ "(@handle)" at token ``k``: the account of a quoted post's author."""
    return (
        k + 3 < len(toks)
        and toks[k].text == "("
        and toks[k + 1].text == "@"
        and toks[k + 2].kind == "w"
        and toks[k + 3].text == ")"
    )


def _signature_before(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The author's name of a quoted post's signature line ending at token ``k`` ("— Jan
    Smit (@jsmit) May 1, 2014"): the capitalised run right after a dash, unless a word of
    it is an organisation's or a medium's head word ("— City News (@citynews)").

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> def author(t):
        ...     toks = tokenize_span(t, 0, len(t))
        ...     k = next(i for i, x in enumerate(toks) if x.text == "(") - 1
        ...     span = _signature_before(toks, k, lexicon())
        ...     return span and t[toks[span[0]].start : toks[span[1] - 1].end]
        >>> author("— Jan Smit (@jsmit) May 1"), author("— City News (@citynews) May 1")
        ('Jan Smit', None)
        >>> author("We met Jan Smit (@jsmit) on May 1")
    """
    span = _name_before(toks, k, lex)
    if span is None or span[0] == 0 or toks[span[0] - 1].text not in _SIGNATURE_DASHES:
        return None
    heads = lex.org_heads_en | lex.media_en
    if any(w in heads for z in range(*span) for w in toks[z].norm):
        return None
    return span


@cache
def _person_cue_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """person_cue_en phrases by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in word_list("person_cue_en"):
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in out.items()}


def _cued_names(b: Builder, toks: list[Tok], lex: Lexicon) -> dict[str, bool]:
    """Names this sentence shows to be persons' (see :func:`person_cues_en`), each with
    whether a kinship noun showed it (the name of someone's relative)."""
    out: dict[str, bool] = {}
    phrases = _person_cue_phrases()
    for k, t in enumerate(toks):
        span, kin = None, False
        if t.kind != "w":
            continue
        if t.cap:
            if k + 1 < len(toks) and toks[k + 1].text == ",":
                if _age_at(toks, k + 1) or _person_noun_at(toks, k + 1, lex):
                    span = _name_before(toks, k, lex)
            elif _handle_at(toks, k + 1):
                span = _signature_before(toks, k, lex)
        elif _kin_at(toks, k):
            z = k + 2 if k + 1 < len(toks) and toks[k + 1].text == "," else k + 1
            if z < len(toks) and _title_at(toks, z, len(toks), lex) is None:
                span = _name_after(toks, z)  # a title's name is read by the title rules
                kin = True
        elif k > 0 and toks[k - 1].text in _person_words() and _named_at(toks, k):
            span = _name_after(toks, _named_at(toks, k))  # "a fighter known as Dalvina"
        elif t.text in phrases:
            for phrase in phrases[t.text]:
                z = k + len(phrase)
                if tuple(x.text.lower() for x in toks[k:z]) == phrase:
                    span = _name_after(toks, z)
                    break
        if span is not None:
            name = b.doc.text[toks[span[0]].start : toks[span[1] - 1].end]
            out[name] = out.get(name, False) or kin
    return out


def _named_at(toks: list[Tok], k: int) -> int | None:
    """Where the name begins after a naming phrase of ``naming_en`` at token ``k``
    ("known as", "named"), if one is there."""
    return _phrase_at(toks, k, word_list("naming_en"))


def cued_names_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> dict[str, bool]:
    """The names the text's person cues show to be persons' (see :func:`person_cues_en`),
    each with whether a kinship noun showed it: the name of someone's relative, who may
    bear that person's family name, so no bare family name is read as short for it.

    Example:
        >>> from nasab.extraction._builder import Builder
        >>> from nasab.extraction._lex import lexicon
        >>> from nasab.extraction._tokens import tokenize_span
        >>> from nasab.extraction import Document
        >>> t = "Karl Danik came. His daughter, Mira Danik, and Torvalna, 28, stayed."
        >>> b = Builder(Document("d", t, "en"))
        >>> sorted(cued_names_en(b, [((0, len(t)), tokenize_span(t, 0, len(t)))], lexicon()).items())
        [('Mira Danik', True), ('Torvalna', False)]
    """
    names: dict[str, bool] = {}
    for _, toks in sentences_toks:
        for name, kin in _cued_names(b, toks, lex).items():
            names[name] = names.get(name, False) or kin
    return names


def person_cues_en(
    b: Builder,
    sentences_toks: list[tuple[tuple[int, int], list[Tok]]],
    lex: Lexicon,
    names: dict[str, bool] | None = None,
) -> None:
    """Names the text shows to be persons': an age in apposition ("Dalvina, 28, told
    reporters"), a naming phrase before it (person_cue_en: "who went by the name
    Dalvina"; naming_en after a job or person noun: "a fighter known as Dalvina"), a
    person noun in apposition (person_noun_en: "Soraya, the hero."), a kinship noun
    after a possessive before it (kin_noun_en: "his brother, John") or the
    signature line of a quoted post ("— Jan Smit (@jsmit) May 1, 2014").
    Every occurrence of such a name in the document that a model guessed to be a place
    or an organisation, or that nothing read, becomes a person; what the rules read
    stays. ``names``: :func:`cued_names_en` of these sentences, if the caller has them.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "Torvalna, 28, told reporters she was safe."
        >>> [(m.text, m.kind) for m in extract(Document("d", text, "en"), backend="rules").mentions]
        [('Torvalna', 'person')]
    """
    if names is None:
        names = cued_names_en(b, sentences_toks, lex)
    text = b.doc.text
    for name, kin in sorted(names.items()):
        for hit in re.finditer(rf"(?<![\w#@/.-]){re.escape(name)}(?![\w-])", text):
            start, end = hit.span()
            sent = next((s for s, _ in sentences_toks if s[0] <= start and end <= s[1]), None)
            if sent is None:
                continue
            inside = b.within(start, end)
            if all(_guess_inside(m, start, end) for m in inside):
                b.replace_with(inside, start, end, "person", sent, source="person-cue")
            m = b.mentions.get((start, end))
            if kin and m is not None and m.kind == "person":
                # someone's relative, who may bear that person's family name: the graph
                # lets no bare family name stand for this name alone
                m.attrs["relative"] = True


def _guess_inside(m: Mention, start: int, end: int) -> bool:
    """A model's guess of a place or an organisation inside [start, end)."""
    return (
        m.kind in ("place", "organization")
        and m.attrs.get("source") in _GUESSES
        and not m.attrs.get("refers_to")
        and start <= m.start
        and m.end <= end
    )


#: Endings of an English family plural ("the Clintons", "the Joneses").
_PLURAL_ENDINGS = ("es", "s")


def _family_names(b: Builder) -> set[str]:
    """The last words of the document's persons named with two words or more, each borne
    by one such name only (a family plural beside two relatives names neither)."""
    bearers: dict[str, set[str]] = {}
    for m in b.mentions.values():
        words = m.text.split()
        if m.kind == "person" and len(words) >= 2 and words[-1][:1].isupper():
            bearers.setdefault(words[-1], set()).add(m.text)
    return {family for family, names in bearers.items() if len(names) == 1}


def family_plurals_en(
    b: Builder, sentences_toks: list[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """A family named in the plural after "the" ("the Clintons") whose family name one
    person of the document bears is a person mention named by that family name (a
    reference to that person), where a model guessed a place or an organisation or
    nothing was read.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "John Marek spoke. The Mareks left."
        >>> [(m.text, m.name) for m in extract(Document("d", text, "en"), backend="rules").persons()]
        [('John Marek', 'John Marek'), ('Mareks', 'Marek')]
    """
    families = _family_names(b)
    if not families:
        return
    for sent, toks in sentences_toks:
        for k in range(1, len(toks)):
            t = toks[k]
            if not t.cap or t.possessive or toks[k - 1].text not in ("the", "The"):
                continue
            stem = next(
                (
                    t.text[: -len(e)]
                    for e in _PLURAL_ENDINGS
                    if t.text[: -len(e)] in families and t.text.endswith(e)
                ),
                None,
            )
            inside = b.within(t.start, t.end)
            if stem and all(_guess_inside(m, t.start, t.end) for m in inside):
                b.replace_with(
                    inside, t.start, t.end, "person", sent, name=stem, source="family-plural"
                )


def repeated_family_persons_en(
    b: Builder,
    leftovers: list[tuple[tuple[int, int], list[Tok], list[tuple[int, int]]]],
    lex: Lexicon,
) -> None:
    """An untitled name of two or three words that nothing read (see :func:`_plain_name`)
    whose last word the document also writes alone as the subject of a speech verb
    (speech_en), where nothing read it ("Torvald Brannik was sworn in ... Brannik said")
    is a person's: a family name repeated after the full name. The short-form rules then
    read the lone word as short for it.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "It came after Torvald Brannik was sworn in. Brannik said it was calm."
        >>> [(m.text, m.kind) for m in extract(Document("d", text, "en"), backend="rules").persons()]
        [('Torvald Brannik', 'person'), ('Brannik', 'person')]
    """
    speech = word_set("speech_en")
    lone = {
        toks[s].text
        for _, toks, rest in leftovers
        for s, e in rest
        if e - s == 1
        and e < len(toks)
        and toks[e].text.lower() in speech
        and not b.overlaps(toks[s].start, toks[s].end)
    }
    if not lone:
        return
    for sent, toks, rest in leftovers:
        for s, e in rest:
            start, end = toks[s].start, toks[e - 1].end
            if toks[e - 1].text not in lone or b.within(start, end):
                continue
            if _plain_name(b, toks, s, e, lex):
                b.mention(start, end, "person", sent, language="en", source="family-repeated")
