"""``extract()``: mentions and relations of one document, by rules (or spaCy).

Example:
    >>> from nasab.extraction import Document, extract
    >>> doc = Document("d", "Lieutenant General Ali al-Tamimi visited. Al-Tamimi’s office said so.", "en")
    >>> [(m.text, m.attrs.get("refers_to")) for m in extract(doc).persons()]
    [('Ali al-Tamimi', None), ('Al-Tamimi', 'Ali al-Tamimi')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..errors import InputError
from ..lexicon import word_set
from ..names import parse_name
from ..names.parse import Name
from ..text import has_arabic, normalize_arabic
from . import arabic_ner
from ._builder import Builder
from ._lex import lexicon
from ._tokens import Tok, tokenize_span
from .arabic import arabic_stems, extract_sentence_ar, title_references_ar
from .documents import read_documents, sentences
from .english import (
    coordinated_orgs_en,
    cued_names_en,
    disease_names_en,
    extract_sentence_en,
    family_plurals_en,
    headline_case,
    holiday_events_en,
    initials_en,
    is_caps_headline,
    late_person_roles_en,
    media_tails_en,
    person_cues_en,
    repeated_family_persons_en,
    title_references_en,
)
from .english_orgs import (
    article_forms_en,
    lower_heads_en,
    org_short_forms_en,
)
from .media import (
    credit_lines,
    group_names,
    media_outlets,
    outlet_shapes,
    slash_credits,
    wire_credits,
)
from .merge import merge_english_entities, other_spans, person_hints, role_organisations
from .model import Document, Extraction
from .ner import english_entities, resolve_backend, uses_model

__all__ = ["Reading", "extract", "finish", "read"]


def extract(
    doc: Document | str,
    *,
    known: Iterable[str] = (),
    backend: str = "auto",
    entities: Sequence[tuple[int, int, str]] | None = None,
) -> Extraction:
    """Find persons, organisations, roles and places in a document, and the relations
    between them (roles held, aliases, acronyms).

    Args:
        doc: a :class:`Document` (or a text, read with :func:`read_documents`).
        known: names of entities known from other documents, in either script. Each is
            looked for in this document, also across scripts (by consonant skeleton,
            Arabic candidate spellings and :func:`nasab.compare`), in full or as a bare
            family name.
        backend: ``auto`` (default: the statistical models where the ``ner`` extra is
            installed, the rules otherwise; which one ran is said once, see
            :mod:`nasab.extraction.ner`), ``rules`` (no model), or ``model`` (its synonym
            ``spacy``: the models' entities merged with the rules' mentions; needs the
            ``ner`` extra).
        entities: the English model's entities of ``doc.text`` as (start, end, label)
            character spans, when already computed in a batch with
            :func:`nasab.extraction.ner.english_entities` (the model backend only;
            computed here when None).

    Returns:
        An :class:`Extraction` with mentions and relations in document order.

    Raises:
        InputError: an unknown backend, or ``doc`` is not a document or text.
        ExtraMissingError: ``backend="model"`` (or ``"spacy"``) without the ``ner`` extra.

    Example:
        >>> ex = extract("The Head of the Border Guard Command, Major General Ali al-Tamimi, spoke.")
        >>> [(r.attrs["role"], r.attrs["organization"], r.attrs["rank"]) for r in ex.relations]
        [('Head', 'Border Guard Command', 'Major General')]
        >>> [m.text for m in extract("قال الزبيدي", known=["Muqdad al-Zubaidi"]).persons()]
        ['الزبيدي']
    """
    return _finish(read(doc, backend=backend, entities=entities), known, copy=False)


@dataclass
class Reading:
    """A document read up to the steps that use names known from other documents.

    :func:`read` makes it; :func:`finish` completes it into the :class:`Extraction`
    that :func:`extract` gives, for any ``known`` names and as often as needed (each call
    works on its own copy). A second reading of a document with the names found in
    others (:func:`nasab.build_graph`) so redoes only the steps that use them.

    Attributes:
        builder: the mentions and relations found so far.
        sentences: the document's sentences, (start, end) offsets.
        latin: each sentence with Latin words: its span, its English tokens, and the
            capitalised runs no rule took (bare family names are looked for in them).
        arabic: each sentence with Arabic words, and its tokens.
        entities: the English model's entities of the text ((start, end, label) spans;
            empty when the model did not run).
    """

    builder: Builder
    sentences: list[tuple[int, int]]
    latin: list[tuple[tuple[int, int], list[Tok], list[tuple[int, int]]]]
    arabic: list[tuple[tuple[int, int], list[Tok]]]
    entities: Sequence[tuple[int, int, str]]


def read(
    doc: Document | str,
    *,
    backend: str = "auto",
    entities: Sequence[tuple[int, int, str]] | None = None,
) -> Reading:
    """Read a document with every step of :func:`extract` that does not depend on
    names known from other documents.

    Args:
        doc: a :class:`Document` (or a text, read with :func:`read_documents`).
        backend: as for :func:`extract`.
        entities: as for :func:`extract`.

    Returns:
        A :class:`Reading`, to complete with :func:`finish`.

    Raises:
        InputError: an unknown backend, or ``doc`` is not a document or text.
        ExtraMissingError: ``backend="model"`` (or ``"spacy"``) without the ``ner`` extra.

    Example:
        >>> r = read("Al-Tamimi spoke.", backend="rules")
        >>> [m.text for m in finish(r, known=["Ali al-Tamimi"]).persons()]
        ['Al-Tamimi']
        >>> [m.text for m in finish(r).persons()]
        []
    """
    resolved = resolve_backend(backend)
    use_en = uses_model("en", resolved, auto=backend == "auto")
    use_ar = uses_model("ar", resolved, auto=backend == "auto")
    if isinstance(doc, str):
        doc = read_documents([{"id": "doc0", "text": doc}])[0]
    if not isinstance(doc, Document):
        raise InputError(f"extract() needs a Document or a text, got {type(doc).__name__}")
    lex = lexicon()
    b = Builder(doc)
    sents = sentences(doc)
    ents: Sequence[tuple[int, int, str]] = ()
    if use_en and any("a" <= c.lower() <= "z" for c in doc.text):
        ents = entities if entities is not None else english_entities([doc.text])[0]
        b.person_hints = person_hints(doc.text, ents)
        b.model_other = other_spans(doc.text, ents)
    # The Arabic model reads the whole document once (a name found in one sentence is
    # carried to its other mentions); each sentence's rules get the spans inside it.
    ar_spans = arabic_ner.predict(doc.text) if use_ar and _has_arabic(doc.text) else []
    leftovers: list[tuple[tuple[int, int], list[Tok], list[tuple[int, int]]]] = []
    arabic_toks: list[tuple[tuple[int, int], list[Tok]]] = []
    for sent in sents:
        toks = tokenize_span(doc.text, *sent)
        if not toks:
            continue
        has_ar = any(t.arabic for t in toks)
        has_lat = any(t.kind == "w" and not t.arabic for t in toks)
        if has_lat:
            en_toks = [t for t in toks if t.text != "." and not t.arabic]
            if is_caps_headline(en_toks):
                en_toks = headline_case(en_toks, lex)
            rest = extract_sentence_en(b, en_toks, sent, lex)
            leftovers.append((sent, en_toks, rest))
        if has_ar:
            ar_toks = toks  # Latin words stay in as breakers
            spans = [x for x in ar_spans if sent[0] <= x[0] < sent[1]]
            extract_sentence_ar(b, ar_toks, sent, lex, model_spans=spans, model_read=use_ar)
            arabic_toks.append((sent, ar_toks))
    if arabic_toks:
        title_references_ar(b, arabic_toks, lex)
    if ents:
        merge_english_entities(b, ents, sents, lex, names_first=True)
    return Reading(b, sents, leftovers, arabic_toks, ents)


def finish(reading: Reading, known: Iterable[str] = ()) -> Extraction:
    """Complete a :class:`Reading` into the :class:`Extraction` that :func:`extract`
    gives with the same ``known`` names (the reading itself is left unchanged).

    Args:
        reading: from :func:`read`.
        known: as for :func:`extract`.

    Returns:
        An :class:`Extraction` with mentions and relations in document order.

    Example:
        >>> r = read("Ali al-Tamimi arrived. Tamimi spoke.", backend="rules")
        >>> [m.text for m in finish(r).persons()] == [m.text for m in finish(r).persons()]
        True
    """
    return _finish(reading, known, copy=True)


def _finish(reading: Reading, known: Iterable[str], *, copy: bool) -> Extraction:
    """The steps of :func:`extract` after :func:`read` (on a copy of ``reading``)."""
    if copy:  # the tokens and spans are only read: the mentions and relations are copied
        reading = replace(reading, builder=reading.builder.copy())
    known_names = [k for k in known if isinstance(k, str) and k.strip()]
    b, sents, leftovers, arabic_toks, ents = (
        reading.builder,
        reading.sentences,
        reading.latin,
        reading.arabic,
        reading.entities,
    )
    lex = lexicon()
    latin = [(sent, toks) for sent, toks, _ in leftovers]
    cued = cued_names_en(b, latin, lex) if leftovers else {}
    if leftovers:
        repeated_family_persons_en(b, leftovers, lex)
    _short_forms(
        b,
        leftovers,
        arabic_toks,
        known_names,
        {n for n, kin in cued.items() if kin},
        {n for n in cued if len(n.split()) > 1},
    )
    if ents:
        merge_english_entities(b, ents, sents, lex)
    if leftovers:
        person_cues_en(b, latin, lex, cued)
        late_person_roles_en(b, latin, lex)
        family_plurals_en(b, latin, lex)
        coordinated_orgs_en(b, latin, lex)
        media_tails_en(b, latin, lex)
        media_outlets(b, sents, lex)
        outlet_shapes(b, sents, lex)
        group_names(b, sents, lex)
        credit_lines(b, sents, lex)
        wire_credits(b, sents, lex)
        slash_credits(b, sents, lex)
        initials_en(b, latin, lex)
        lower_heads_en(b, latin, lex)
        article_forms_en(b, latin, lex)
        org_short_forms_en(b, latin, lex)
        holiday_events_en(b)
        disease_names_en(b)
        title_references_en(b, latin, lex)
        role_organisations(b)
    mentions = b.sorted_mentions()
    for m in mentions:
        m.attrs.pop("strong", None)
    kept = {m.span for m in mentions}
    relations = tuple(
        r
        for r in b.relations
        if r.subject.span in kept
        and (r.object is None or r.object.span in kept or r.object.kind == "role")
    )
    return Extraction(b.doc, mentions, relations)


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


# ---------------------------------------------------------------- short forms and known names


def _family(name: Name) -> tuple[str, str] | None:
    toks = name.tokens
    if len(toks) < 2 or not toks[-1].key:
        return None
    if len(toks[-1].key) < 2 and len(toks[-1].fold) < 3:
        return None  # a one-consonant key (al-Rawi: R) counts only with a real word behind it
    return toks[-1].key, toks[-1].fold


def _kept_title_family(name: Name, text: str) -> tuple[str, str] | None:
    """The family of a name the reader read whole though the name parser takes its first
    words for titles ("Khalifa Hifter", read after "General": Khalifa is also the title
    caliph): its last token, as :func:`_family` gives it for a name of two tokens."""
    if not name.titles or len(name.tokens) != 1 or len(text.split()) < 2:
        return None
    tok = name.tokens[0]
    if text.split()[-1].lower() != tok.text or (len(tok.key) < 2 and len(tok.fold) < 3):
        return None
    return tok.key, tok.fold


#: Fewest letters of the last word of a compound family name that stands alone for the name.
COMPOUND_TAIL_MIN = 3


def _compound_tail(name: Name) -> tuple[str, str] | None:
    """Key and fold of the last word of a compound family name ("Bary" of
    "Abdel-Majed Abdel Bary", whose family token is "abd bary"): English prose shortens
    such a name to that word."""
    if len(name.tokens) < 2 or " " not in name.tokens[-1].text:
        return None
    last = _parse(name.tokens[-1].text.rsplit(" ", 1)[1])
    if last is None or len(last.tokens) != 1 or len(last.tokens[0].fold) < COMPOUND_TAIL_MIN:
        return None
    return last.tokens[0].key, last.tokens[0].fold


#: Names parsed by :func:`_parse` kept here (the parser keeps its own, larger caches; this one
#: holds ``Name`` objects, which the garbage collector walks, so it stays small).
PARSED_NAMES = 4096


@lru_cache(maxsize=PARSED_NAMES)
def _parse(text: str) -> Name | None:
    try:
        return parse_name(text)
    except InputError:
        return None


def _same_family(cand: Name, key: str, fold: str, cross: bool) -> bool:
    if len(cand.tokens) != 1 or cand.kunya:
        return False
    t = cand.tokens[0]
    if t.key != key:
        return False
    if len(key) < 2:
        # a one-consonant key (al-Rawi, الراوي) is too weak alone: same script, same letters
        return not cross and t.fold == fold
    if cross or t.script != "latin":
        return True
    return Levenshtein.normalized_similarity(t.fold, fold) >= 0.7


def _short_forms(
    b: Builder,
    leftovers,
    arabic_toks,
    known: list[str],
    relatives: set[str] = frozenset(),
    cued: set[str] = frozenset(),
) -> None:
    """Bare family names (al-X, X, الX) of a full name in the document or a known name.
    The names of ``relatives`` (a kinship noun before them: "his daughter, Mira Danik")
    take no bare family name, which may be their kin's, and are no leftover to read one in;
    nor are the names of several words that a person cue shows (``cued``: "Mira Danik,
    21,"), which the cues read whole (a relative who shares a family name)."""
    fulls, known_parsed = _full_names(b, known)
    fulls = [f for f in fulls if f[2] not in relatives]
    if not fulls and not known_parsed:
        return
    by_key: _FamilyIndex = {}
    for key, fold, text, script in fulls:
        by_key.setdefault(key, []).append((fold, text, script))
    _english_short_forms(b, leftovers, known_parsed, by_key, set(relatives) | set(cued))
    _arabic_short_forms(b, arabic_toks, _known_first(known_parsed), by_key)


# family key -> (fold, full text, script) of the full names with that family name
_FamilyIndex = dict[str, list[tuple[str, str, str]]]


def _full_names(
    b: Builder, known: list[str]
) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, Name]]]:
    """(key, fold, full text, script) of each full name's family, and the parsed known names."""
    from ..names.kind import guess_kind

    fulls: list[tuple[str, str, str, str]] = []
    for m in list(b.mentions.values()):
        if m.kind != "person" or m.attrs.get("kunya"):
            continue
        nm = _parse(m.name)
        fam = _family(nm) if nm else None
        if nm and fam is None and m.language == "en":
            fam = _kept_title_family(nm, m.name)
        if fam:
            fulls.append((fam[0], fam[1], m.text, "arabic" if m.language == "ar" else "latin"))
        tail = _compound_tail(nm) if nm and m.language == "en" else None
        if tail:
            fulls.append((tail[0], tail[1], m.text, "latin"))
    known_parsed: list[tuple[str, Name]] = []
    for k in known:
        if guess_kind(k) != "person":
            continue  # "جماعة الحوثي" is a group: "Houthi" is not a person's short form
        nm = _parse(k)
        if nm is None or not nm.tokens:
            continue
        known_parsed.append((k, nm))
        fam = _family(nm)
        if fam:
            fulls.append((fam[0], fam[1], k, "arabic" if nm.script == "arabic" else "latin"))
    return fulls, known_parsed


def _known_first(known_parsed: list[tuple[str, Name]]) -> dict[str, tuple[str, Name]]:
    """Known names by the key of their first token."""
    known_first = {nm.tokens[0].key: (k, nm) for k, nm in known_parsed if nm.tokens}
    # Latin "ch" in Kurdish and Persian names (Nechirvan) is چ, which Arabic writes ج:
    # also look the name up under that reading of its skeleton.
    for k, nm in known_parsed:
        if nm.tokens and "$" in nm.tokens[0].key:
            known_first.setdefault(nm.tokens[0].key.replace("$", "J"), (k, nm))
    return known_first


def _family_match(by_key: _FamilyIndex, surface: str, script: str) -> str | None:
    """The full name whose family name ``surface`` is, if any."""
    cand = _parse(surface)
    if cand is None or len(cand.tokens) != 1:
        return None
    for fold, text, fscript in by_key.get(cand.tokens[0].key, ()):
        if text == surface:
            continue
        if _same_family(cand, cand.tokens[0].key, fold, cross=fscript != script):
            return text
    return None


def _english_short_forms(
    b: Builder,
    leftovers,
    known_parsed: list[tuple[str, Name]],
    by_key: _FamilyIndex,
    relatives: set[str] = frozenset(),
) -> None:
    """Leftover capitalised runs of one name token ("Al-Tamimi", "Tamimi", "al-Tamimi")."""

    known = {k for k, _ in known_parsed}

    def short(start: int, end: int, sent, ref: str) -> None:
        if ref in known and b.model_reads_other(start, end):
            return  # the model reads another kind here: a name from elsewhere does not claim it
        b.mention(start, end, "person", sent, language="en", refers_to=ref, source="short-form")

    for sent, toks, rest in leftovers:
        for s, e in rest:
            _english_known(b, toks, s, e, sent, known_parsed)
            if b.overlaps(toks[s].start, toks[e - 1].end):
                continue
            if b.doc.text[toks[s].start : toks[e - 1].end] in relatives:
                continue  # read whole by the person cues
            if 2 <= e - s <= 3 and not any(_not_surname(t) for t in toks[s:e]):
                text = b.doc.text[toks[s].start : toks[e - 1].end]
                ref = _family_match(by_key, text, "latin")
                if ref:  # a compound family name alone ("Abdel Fattah said")
                    short(toks[s].start, toks[e - 1].end, sent, ref)
                    continue
            for a in range(s, e):
                t = toks[a]
                if _not_surname(t) or _after_article(toks, a):
                    continue
                ref = _family_match(by_key, t.text, "latin")
                if ref:
                    short(_particle_before(toks, a, ref), t.end, sent, ref)


def _not_surname(t: Tok) -> bool:
    """Capitals, function words and media words ("News") are never a bare family name."""
    low = t.text.lower()
    return t.text.isupper() or low in word_set("stop_en") or low in word_set("media_en")


def _after_article(toks: list[Tok], a: int) -> bool:
    """A word between a lower-case definite article and a preposition ("the Prevention
    of Vice") is part of the name of a thing, not a person's bare family name ("the
    Carter family" still is)."""
    return (
        0 < a < len(toks) - 1
        and toks[a - 1].text in word_set("definite_article_en")
        and toks[a + 1].text in word_set("connector_en")
    )


def _particle_before(toks: list[Tok], a: int, ref: str = "") -> int:
    """Start of a short form, with a lower-case name particle before it ("bin Laden"), or
    with the word the full name ``ref`` writes before the family name, capitalised at a
    sentence's start ("Van Cleef added" after "Hans van Cleef")."""
    if a > 0 and toks[a - 1].end + 1 == toks[a].start:
        prev = toks[a - 1].text
        if prev in word_set("name_particle_en"):
            return toks[a - 1].start
        if (
            prev[:1].isupper()
            and not prev.isupper()
            and f" {ref} ".endswith(f" {prev[0].lower()}{prev[1:]} {toks[a].text} ")
        ):
            return toks[a - 1].start
    return toks[a].start


def _arabic_short_forms(
    b: Builder, arabic_toks, known_first: dict[str, tuple[str, Name]], by_key: _FamilyIndex
) -> None:
    """Arabic: known names in full, then article words that are a family name."""
    for sent, toks in arabic_toks:
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.arabic or b.overlaps(t.start, t.end):
                i += 1
                continue
            end = _arabic_name_at(b, toks, i, sent, known_first, by_key)
            i = end if end is not None else i + 1


def _arabic_name_at(
    b: Builder, toks, i: int, sent, known_first: dict[str, tuple[str, Name]], by_key: _FamilyIndex
) -> int | None:
    """Add the known name or family short form starting at token ``i``; return the next i."""
    t = toks[i]
    for off, stem in arabic_stems(t.text):
        first = _parse(stem)
        if first is None or not first.tokens:
            continue
        hit = known_first.get(first.tokens[0].key)
        if hit is not None and len(hit[1].tokens) >= 2:
            end = _window_match(toks, i, off, hit[0], hit[1])
            if end:
                b.mention(
                    t.start + off,
                    toks[end - 1].end,
                    "person",
                    sent,
                    language="ar",
                    source="known",
                    known=hit[0],
                )
                return end
        after_role = i > 0 and b.overlaps(toks[i - 1].start, toks[i - 1].end, ("role",))
        if stem.startswith("ال") and len(stem) >= 5 and stem.endswith("ي") and not after_role:
            # (right after a role, الX-ي is a nationality: "الرئيس المصري")
            ref = _family_match(by_key, stem, "arabic")
            if ref and _definite_family(ref):
                b.mention(
                    t.start + off,
                    t.end,
                    "person",
                    sent,
                    language="ar",
                    refers_to=ref,
                    source="short-form",
                )
                return i + 1
    return None


def _definite_family(full: str) -> bool:
    """An Arabic full name's family name is written with the article, as the short form
    that refers to it is: ``الغامدي`` may stand for ``سعيد الغامدي``, but ``الماضي``
    (past) and ``السويسري`` (Swiss) are no short forms of ``X مودي`` or ``X عسيري``. A
    name in Latin letters (a known name, ``Muqdad al-Zubaidi``) is not checked.

    Example:
        >>> _definite_family("سعيد الغامدي"), _definite_family("نارندرا مودي")
        (True, False)
        >>> _definite_family("Muqdad al-Zubaidi")
        True
    """
    words = full.split()
    if not words:
        return False
    last = normalize_arabic(words[-1])
    return last.startswith("ال") or not has_arabic(last)


def _window_match(toks: list[Tok], i: int, off: int, known: str, name: Name) -> int | None:
    from ..match import compare

    length = len(name.tokens)
    for extra in (0, 1):
        end = i + length + extra
        if end > len(toks) or not all(t.arabic for t in toks[i:end]):
            continue
        surface = " ".join([toks[i].text[off:]] + [t.text for t in toks[i + 1 : end]])
        cand = _parse(surface)
        if cand is None or [t.key.replace("$", "J") for t in cand.tokens] != [
            t.key.replace("$", "J") for t in name.tokens
        ]:
            continue
        if compare(surface, known).score >= 0.75:
            return end
    return None


def _english_known(
    b: Builder,
    toks: list[Tok],
    s: int,
    e: int,
    sent: tuple[int, int],
    known: list[tuple[str, Name]],
) -> None:
    if not known or e - s < 2:
        return
    from ..match import compare

    surface = b.doc.text[toks[s].start : toks[e - 1].end]
    if b.model_reads_other(toks[s].start, toks[e - 1].end):
        return  # the model reads an organisation or a place here
    cand = _parse(surface)
    if cand is None or len(cand.tokens) < 2:
        return
    keys = {t.key for t in cand.tokens}
    for k, nm in known:
        if nm.family is None or nm.family.key not in keys:
            continue
        if compare(surface, k).score >= 0.8:
            b.mention(
                toks[s].start,
                toks[e - 1].end,
                "person",
                sent,
                language="en",
                source="known",
                known=k,
            )
            return
