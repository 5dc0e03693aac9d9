"""Outlets named by what they are: "Anatolia news agency", "the news website Rudaw".

A capitalised name right before or after a media cue of ``words.tsv`` (``media_cue_en``:
news agency, newspaper, website...), or right after one of ``media_cue_after_en``
(television station, news source...: the name before these is a place's, "a Texas news
source"), is an organisation, whatever else read it (a model's place or one-word person
guess); its other occurrences in the document follow.
Nationality adjectives ("the Iraqi newspaper") and known places are no outlet's name.

Outlets named without a cue are known by their shape (:func:`outlet_shapes`): a
capitalised name ending in a capitalised media word of ``outlet_head_en`` ("Sahara
Media", "Hail News"), a name written as an internet domain (``web_suffix_en``:
"Jalopnik.com", "Reporters.DZ"), a name with a round-the-clock 24 or 247 glued to it
("Emirates247"), or one word made of a capitalised part and a capitalised media word
("GlobalPost").

A name of capitalised words between the article and a verb of publishing
(``report_verb_en``: "The Qorvan reported", "as The Qorvan has previously reported") is a
publication's, unless a title, a given name, a place or a nationality (:func:`media_outlets`).

A credit line (:func:`credit_lines`: a line that opens with a cue of ``credit_cue_en``,
"[Photo credit: Qorvan Images]", "Sources: Talvi News, Qorvan") lists its sources: each name
of capitalised words in the list, separated by commas, slashes or "via", is an
organisation, unless it opens with a known given name (a photographer) or the rules read
a person or a listed organisation there ("AP Photo" credits the listed AP); a line that
holds anything else (a caption) lists none.

A news wire's credit in brackets (:func:`wire_credits`: "(Reporting by Mira Danik and Karl
Osten in Talvi; Writing by Jan Smit; Editing by Ana Ruiz)") names its reporters and
editors: each part opens with a cue of ``wire_credit_cue_en`` and lists names of two to
four capitalised words (a lower-case name particle inside), separated by commas or "and",
up to "in" and the places they reported from; each is a person's, whatever a model
guessed there (a place in "Louise Ireland", an organisation in "Writing Jan Smit").

A photo credit written with a slash at a line's end or before a caption (:func:`slash_credits`:
"THE QORVAN PRESS/Mira Danik", "MIRA DANIK/VIA TALVITUBE", "Mira Danik/Qorvan Times /
MCT") names a photographer beside the source: where one side is an organisation the
rules read (or opens with "via"), the other side, two or three capitalised words (all
in capitals or each word capitalised) and no organisation's, medium's or place's name, is
a person's, whatever a model guessed there.

Groups, militias and movements are named by what they are the same way (:func:`group_names`,
``group_cue_en``): "the Dawn of Qarth group", "Dawn of Qarth, an organization of ...",
"a militia called the Masked Wolves": a name of capitalised words, which may hold "of" or
"of the" ("Dawn of Qarth"), before the cue after "the", before it after a comma and "a",
"an" or "one of the", or after the cue and "called".

Example:
    >>> from nasab.extraction import Document, extract
    >>> t = "Anatolia news agency reported it. Anatolia later added details."
    >>> [(m.text, m.kind) for m in extract(Document("d", t, "en"), backend="rules").mentions]
    [('Anatolia', 'organization'), ('Anatolia', 'organization')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache

from ..lexicon import word_list, word_set
from ..text import normalize
from ._builder import Builder
from ._lex import Lexicon

__all__ = [
    "credit_lines",
    "group_names",
    "media_cue_at",
    "media_outlets",
    "outlet_shapes",
    "slash_credits",
    "wire_credits",
]

#: One name word: capitalised, or after a lower-case article joined by a hyphen or a
#: space (al-Sabah, al Sabaah).
_NAME_WORD = r"(?-i:(?:(?:al|el|an|ar|as|ash|at|ad|az)[- ])?[A-Z][\w'’.-]*[\w])"
_NAME = rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})"
#: A body's name: capitalised words, which may hold "of" or "of the" ("Dawn of Qarth").
_BODY_NAME = rf"(?P<name>{_NAME_WORD}(?: (?:of (?:the )?)?{_NAME_WORD}){{0,3}})"
#: A lower-case suffix joined by a hyphen: "US-led", "Geneva-based" are no names.
_LOWER_SUFFIX = re.compile(r"\w-[a-z]+\b")
#: Sources of a mention an outlet's name may take over (a model's guesses); any place
#: gives way too (a town and a paper may share a name).
_GIVES_WAY = ("model", "model-repeat")
#: A name with a round-the-clock number glued to it (Emirates247, France24).
_ROUND_THE_CLOCK = r"(?-i:[A-Z][A-Za-z]+)(?:24|247)"


@cache
def _cues(*lists: str) -> str:
    """The media cues of ``media_cue_en`` (and of further lists, ``media_cue_after_en``)
    as one regular-expression alternation, longest first."""
    cues = [c for name in ("media_cue_en", *lists) for c in word_list(name)]
    return "|".join(re.escape(c) for c in sorted(cues, key=lambda c: -len(c)))


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cues()})(?![\w])", re.IGNORECASE)


def media_cue_at(text: str, start: int) -> bool:
    """Whether a media cue of ``words.tsv`` ``media_cue_en`` starts at ``start``
    ("news agency", "news website"), as whole words (the cue the patterns of
    :func:`media_outlets` look for).

    Example:
        >>> media_cue_at("Varo news agency said", 5), media_cue_at("Varo news said", 5)
        (True, False)
    """
    return _cue_pattern().match(text, start) is not None


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    cues = _cues()
    before = re.compile(rf"(?<![\w-]){_NAME} (?:{cues})(?![\w])", re.IGNORECASE)
    after_cues = _cues("media_cue_after_en")
    after = re.compile(rf"(?<![\w])(?:{after_cues}),? {_NAME}(?![\w-])", re.IGNORECASE)
    # "Ajel, a Saudi Arabian newspaper"
    apposed = re.compile(
        rf"(?<![\w-]){_NAME}, (?:a|an|the) (?:[\w-]+ ){{0,3}}(?:{cues})(?![\w])", re.IGNORECASE
    )
    return before, after, apposed


@cache
def _report_pattern() -> re.Pattern[str]:
    """The article, a name and a verb phrase of ``report_verb_en`` ("The NAME reported")."""
    verbs = "|".join(
        re.escape(v) for v in sorted(word_list("report_verb_en"), key=lambda v: (-len(v), v))
    )
    return re.compile(rf"(?<![\w-])(?-i:[Tt]he) {_NAME} (?:{verbs})(?![\w-])")


@cache
def _shape_patterns() -> tuple[re.Pattern[str], ...]:
    heads = "|".join(w.capitalize() for w in word_list("outlet_head_en") if w.isalpha())
    caps = "|".join(w.upper() for w in word_list("outlet_head_en") if len(w) <= 3)
    headed = re.compile(
        rf"(?<![\w-]){_NAME_WORD}(?: {_NAME_WORD}){{0,2}} (?:{heads}|{caps})(?![\w-])"
    )
    suffixes = "|".join(re.escape(w) for w in word_list("web_suffix_en"))
    domain = re.compile(
        rf"(?<![\w@/.-])(?-i:[A-Z][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?i:{suffixes}))+(?![\w@/-]|\.\w)"
    )
    clock = re.compile(rf"(?<![\w@/.-]){_ROUND_THE_CLOCK}(?![\w@/-])")
    # "GlobalPost": one word, a capitalised part glued to a capitalised media word
    glued = re.compile(rf"(?<![\w@/.-])(?-i:[A-Z][a-z]{{2,}}(?:{heads}))(?![\w@/-])")
    return headed, domain, clock, glued


@cache
def _group_patterns() -> tuple[re.Pattern[str], ...]:
    cues = "|".join(re.escape(c) for c in sorted(word_list("group_cue_en"), key=lambda c: -len(c)))
    before = re.compile(rf"(?<![\w-])[Tt]he {_BODY_NAME} (?:{cues})(?![\w-])")
    # "Dawn of Qarth, an organization": a name cut at "and" or "of" is no whole name
    apposed = re.compile(
        rf"(?<![\w-])(?<!and )(?<!of ){_BODY_NAME}, (?:a|an|one of the) "
        rf"(?:[a-z][\w-]* ){{0,2}}(?:{cues})s?(?![\w-])"
    )
    called = re.compile(
        rf"(?<![\w-])(?:{cues})s? (?:called|known as|named) (?:the )?{_BODY_NAME}(?![\w-])"
    )
    return before, apposed, called


def group_names(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the groups named by a group cue of ``words.tsv`` ``group_cue_en`` (see the
    module notes), and their other occurrences, to ``b``: an organisation unless the
    rules read something else there (a model's guess and a place give way).

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "Jets went missing after the Dawn of Qarth group took the airport."
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        ['Dawn of Qarth']
    """
    _claim_cued(b, sents, _group_patterns(), lambda name: _group_name(name, lex))


def _group_name(name: str, lex: Lexicon) -> bool:
    """An outlet's name (:func:`_outlet_name`) with a word that is no adjective of
    ``not_org_name_en`` ("the Sunni militia" names no group)."""
    if _LOWER_SUFFIX.search(name):
        return False  # "the US-led coalition", "the Geneva-based organisation"
    words = {w.lower() for w in name.split()} - word_set("org_stop_latn")
    return _outlet_name(name, lex) and not words <= word_set("not_org_name_en")


def outlet_shapes(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the outlets known by the shape of their name (see the module notes), and their
    other occurrences, to ``b``: an organisation unless the rules read something else
    there (a model's guess gives way).

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "Qorvan Media reported it, and Talvi.com quoted Miravo247 on Monday."
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        ['Qorvan Media', 'Talvi.com', 'Miravo247']
    """
    text = b.doc.text
    starts = [s for s, _ in sents]
    names: set[str] = set()
    for pattern in _shape_patterns():
        for hit in pattern.finditer(text):
            start, end = _after_owner(text, *hit.span())
            start = _after_stop_words(text, start, end)
            name = text[start:end]
            if name and not lex.places_en.get(tuple(normalize(name).split())):
                if _claim(b, start, end, starts, sents):
                    names.add(name)
    for name in sorted(names):
        for hit in re.finditer(rf"(?<![\w#@/.-]){re.escape(name)}(?![\w-])", text):
            _claim(b, *hit.span(), starts, sents)


#: One listed source of a credit line: capitalised (or digit-led) words, each possibly
#: glued (MyPlaneWorld, Carbonated.TV), at most five.
_CREDIT_ITEM = re.compile(r"(?-i:[A-Z0-9][\w.'’&-]*)(?: (?-i:[A-Z0-9][\w.'’&-]*)){0,4}")
#: What separates the sources of a credit line.
_CREDIT_SEP = re.compile(r"\s*(?:[,;/]|\bvia\b)\s*", re.IGNORECASE)


@cache
def _credit_pattern() -> re.Pattern[str]:
    """A credit cue of ``credit_cue_en`` and an optional colon at the start of a line (in
    brackets or not)."""
    cues = "|".join(
        re.escape(c) for c in sorted(word_list("credit_cue_en"), key=lambda c: (-len(c), c))
    )
    return re.compile(rf"(?:{cues})(?![\w-])\s*:?\s*", re.IGNORECASE)


def credit_lines(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the sources listed on credit lines (see the module notes) to ``b`` as
    organisations; a model's guess, a place or an unlisted organisation inside one gives
    way, a listed organisation stays (the table names the credited source).

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "The talks failed.\\n[Photo credit: Qorvan Images, Talvi/John Dask]"
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        ['Qorvan Images', 'Talvi']
    """
    text = b.doc.text
    starts = [s for s, _ in sents]
    cue = _credit_pattern()
    line_start = 0
    for line in text.split("\n"):
        offset, line_start = line_start, line_start + len(line) + 1
        body = line.strip().lstrip("[").rstrip("]").strip()
        head = cue.match(body)
        if not body or head is None:
            continue
        at = offset + line.index(body) + head.end()
        items = _credit_items(text[at : at + len(body) - head.end()], at)
        if items:
            for start, end in items:
                name = text[start:end]
                if normalize(name.split()[0]) in lex.given_en or lex.places_en.get(
                    tuple(normalize(name).split())
                ):
                    continue
                _claim_source(b, start, end, starts, sents)


def _credit_items(part: str, at: int) -> list[tuple[int, int]]:
    """The spans of the sources listed in ``part`` (which starts at offset ``at``), or
    none when anything but names is listed (a caption).

    Example:
        >>> _credit_items("Qorvan, Talvi/Miro Dask", 0)
        [(0, 6), (8, 13), (14, 23)]
        >>> _credit_items("Miro Dask, from Talvi, was held.", 0)
        []
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for sep in [*_CREDIT_SEP.finditer(part), None]:
        end = sep.start() if sep else len(part)
        piece = part[pos:end]
        pos = sep.end() if sep else len(part)
        stripped = _credit_pattern().sub("", piece, count=1) if piece[:1].isalpha() else piece
        lead = len(piece) - len(stripped)
        item = stripped.strip()
        if not item:
            continue
        if not _CREDIT_ITEM.fullmatch(item):
            return []
        first = at + end - len(piece) + lead + stripped.index(item)
        spans.append((first, first + len(item)))
    return spans


#: A part in brackets that may be a news wire's credit (parts separated by semicolons).
_BRACKETED = re.compile(r"\((?P<body>[^()\n]{8,600})\)")
#: What separates the names of one part of a wire's credit.
_WIRE_SEP = re.compile(r"\s*(?:,|\band\b)\s*")
#: "in" and the places a wire's reporters reported from, to the end of the part.
_WIRE_PLACE = re.compile(r"\s+in\s+.*$")


@cache
def _wire_cue() -> re.Pattern[str]:
    """A cue of ``wire_credit_cue_en`` at the start of a part (longest first)."""
    cues = "|".join(
        re.escape(c) for c in sorted(word_list("wire_credit_cue_en"), key=lambda c: (-len(c), c))
    )
    return re.compile(rf"\s*(?:{cues})\s+", re.IGNORECASE)


def wire_credits(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the reporters and editors a news wire's credit in brackets names (see the
    module notes) to ``b`` as persons; a model's guess, a place or an organisation inside
    one's name gives way, a person the rules read there stays.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "Talks failed. (Reporting by Mira Danik in Talvi; Writing Karl Osten)"
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").persons()]
        ['Mira Danik', 'Karl Osten']
    """
    starts = [s for s, _ in sents]
    for hit in _BRACKETED.finditer(b.doc.text):
        at = hit.start("body")
        parts = hit.group("body").split(";")
        if not _wire_cue().match(parts[0]):
            continue
        for part in parts:
            for start, end in _wire_names(part, at, lex):
                _claim_person(b, start, end, starts, sents)
            at += len(part) + 1


def _wire_names(part: str, at: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of the names listed in one part of a wire's credit (``part`` starts at
    offset ``at``), or none when the part opens with no cue or lists anything but names.

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> _wire_names(" Editing by Ana Ruiz and Omar al Dask in Talvi", 0, lexicon())
        [(12, 20), (25, 37)]
        >>> _wire_names(" Editing by the desk", 0, lexicon())
        []
    """
    head = _wire_cue().match(part)
    if head is None:
        return []
    rest = _WIRE_PLACE.sub("", part[head.end() :]).rstrip()
    spans: list[tuple[int, int]] = []
    pos = head.end()
    for piece in _WIRE_SEP.split(rest):
        first = part.index(piece, pos) if piece else pos
        if not _wire_name(piece, lex):
            return []
        spans.append((at + first, at + first + len(piece)))
        pos = first + len(piece)
    return spans


def _wire_name(name: str, lex: Lexicon) -> bool:
    """Two to four words, capitalised or a lower-case name particle between them, none a
    function word: a person's name on a wire's credit."""
    words = name.split()
    if not _WIRE_NAME_WORDS[0] <= len(words) <= _WIRE_NAME_WORDS[1]:
        return False
    if any(w.lower() in word_set("stop_en") for w in words):
        return False
    if tuple(normalize(name).split()) in lex.places_en:
        return False
    inner = words[1:-1]
    return all(_PERSON_WORD.fullmatch(w) for w in (words[0], words[-1])) and all(
        _PERSON_WORD.fullmatch(w) or w in word_set("name_particle_en") for w in inner
    )


#: Fewest and most words of a name on a wire's credit.
_WIRE_NAME_WORDS = (2, 4)
#: One capitalised word of a person's name (Mukhashaf, McDowall, O'Neil, Al-Fahd).
_PERSON_WORD = re.compile(r"(?-i:[A-Z][\w'’-]*[a-z][\w'’-]*)")


def _claim_person(
    b: Builder, start: int, end: int, starts: list[int], sents, source: str = "wire-credit"
) -> None:
    """Make [start, end) a person unless the rules read a person or a role there."""
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or end > sents[k][1]:
        return
    inside = b.within(start, end)
    for m in inside:
        if m.kind == "person" and m.span == (start, end):
            return
        if m.kind == "role" or (m.kind == "person" and m.attrs.get("source") not in _GIVES_WAY):
            return
        if m.start < start and m.end > end:
            return
    b.replace_with(inside, start, end, "person", sents[k], source=source)


#: One side of a slash credit: up to five capitalised words (or in capitals), perhaps
#: after "via"; the credit ends a line, comes before another slash or before a caption
#: set off by two spaces.
_SLASH_SIDE = r"(?:(?i:via) )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4}"
_SLASH_CREDIT = re.compile(
    rf"(?<![\w'’./-])(?P<a>{_SLASH_SIDE}) ?/ ?(?P<b>{_SLASH_SIDE})(?= ?/ ?[A-Z]| {{2,}}|[ \t]*(?:\n|$))"
)
#: Fewest and most words of a photographer's name on a slash credit.
_SLASH_NAME_WORDS = (2, 3)
#: One word of a name written in capitals on a credit (VARGAS, O'DELL).
_CAPS_WORD = re.compile(r"(?-i:[A-Z][A-Z'’-]*[A-Z])")


def slash_credits(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the photographers that slash credits name (see the module notes) to ``b`` as
    persons; a model's guess inside gives way, a person or a role the rules read stays.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "Police at the scene. THE QORVAN PRESS/Mira Danik\\nLater it rained."
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").persons()]
        ['Mira Danik']
    """
    starts = [s for s, _ in sents]
    for hit in _SLASH_CREDIT.finditer(b.doc.text):
        sides = [_credit_side(hit, g) for g in ("a", "b")]
        (a_start, a_end, _), (b_start, b_end, via) = sides
        if via or _read_org(b, a_start, a_end):
            name = (a_start, a_end) if via else (b_start, b_end)
        elif _read_org(b, b_start, b_end):
            name = (a_start, a_end)
        else:
            continue
        if _credited_name(b.doc.text[name[0] : name[1]], lex):
            _claim_person(b, *name, starts, sents, source="slash-credit")


def _credit_side(hit: re.Match[str], group: str) -> tuple[int, int, bool]:
    """(start, end, opened by "via") of one side of a slash credit, past "via" or "the"."""
    start, end = hit.span(group)
    first, _, rest = hit.group(group).partition(" ")
    if rest and first.lower() in ("via", "the"):
        return start + len(first) + 1, end, first.lower() == "via"
    return start, end, False


def _read_org(b: Builder, start: int, end: int) -> bool:
    """An organisation the rules read inside [start, end) (not a model's guess)."""
    return any(
        m.kind == "organization" and m.attrs.get("source") not in _GIVES_WAY
        for m in b.within(start, end)
    )


def _credited_name(name: str, lex: Lexicon) -> bool:
    """Two or three words, each capitalised or all in capitals, no function word, no
    organisation's, medium's or outlet's word and no known place: a photographer's name."""
    words = name.split()
    if not _SLASH_NAME_WORDS[0] <= len(words) <= _SLASH_NAME_WORDS[1]:
        return False
    caps = all(_CAPS_WORD.fullmatch(w) for w in words)
    if not caps and not all(_PERSON_WORD.fullmatch(w) for w in words):
        return False
    heads = lex.org_heads_en | lex.media_en | word_set("outlet_head_en") | word_set("stop_en")
    if any(normalize(w) in heads for w in words):
        return False
    return tuple(normalize(name).split()) not in lex.places_en


def _claim_source(b: Builder, start: int, end: int, starts: list[int], sents) -> None:
    """Make [start, end) an organisation unless the rules read a person, a role or a
    listed organisation there ("AP Photo" credits the listed AP)."""
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or end > sents[k][1]:
        return
    inside = b.within(start, end)
    for m in inside:
        if m.kind == "organization" and (m.span == (start, end) or m.attrs.get("org_id")):
            return
        if m.kind == "role" or (m.kind == "person" and m.attrs.get("source") not in _GIVES_WAY):
            return
        if not (start <= m.start and m.end <= end):
            return
    b.replace_with(inside, start, end, "organization", sents[k], source="credit")


def _after_stop_words(text: str, start: int, end: int) -> int:
    """``start`` moved past leading function words ("The New York Times" -> "New York
    Times"); ``end`` when nothing but them is left."""
    stop = word_set("stop_en")
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group().lower() not in stop:
            return start + word.start()
    return end


def _outlet_name(name: str, lex: Lexicon) -> bool:
    """Not nationality adjectives or known places only ("Saudi Arabian"), nor a function
    word first."""
    words = name.split()
    if words[0].lower() in word_set("stop_en") or lex.places_en.get(tuple(normalize(name).split())):
        return False
    return not all(is_demonym(w.lower(), lex) or lex.places_en.get((normalize(w),)) for w in words)


def is_demonym(word: str, lex: Lexicon) -> bool:
    """A nationality adjective: a demonym ending on the stem of a known place's name
    ("Iraqi" of Iraq, "Kurdish" of Kurdistan).

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> is_demonym("iraqi", lexicon()), is_demonym("qorvan", lexicon())
        (True, False)
    """
    for ending in word_list("demonym_ending_en"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and _starts_place_word(stem, lex):
            return True
    return False


#: The first words of the known places, sorted, with the table they were taken from.
_PLACE_WORDS: list[tuple[object, list[str]]] = []


def _starts_place_word(stem: str, lex: Lexicon) -> bool:
    """Whether the first word of a known place starts with ``stem`` (a binary search in
    the sorted first words, made once per place table)."""
    if not _PLACE_WORDS or _PLACE_WORDS[0][0] is not lex.places_en:
        _PLACE_WORDS[:] = [(lex.places_en, sorted({k[0] for k in lex.places_en if k}))]
    words = _PLACE_WORDS[0][1]
    i = bisect.bisect_left(words, stem)
    return i < len(words) and words[i].startswith(stem)


def media_outlets(b: Builder, sents: Sequence[tuple[int, int]], lex: Lexicon) -> None:
    """Add the outlets named by a media cue or by a verb of publishing after the article
    (see the module notes), and their other occurrences, to ``b``.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "Later The Qorvan reported that the talks failed. The President reported it."
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        ['Qorvan']
    """
    _claim_cued(b, sents, _patterns(), lambda name: _outlet_name(name, lex))
    _claim_cued(b, sents, (_report_pattern(),), lambda name: _publication_name(name, lex))


def _publication_name(name: str, lex: Lexicon) -> bool:
    """An outlet's name (:func:`_outlet_name`) with no title or role ("The President
    reported"), no given name first ("the John Smith reported" is no paper), and not one
    word in the plural ("The Kurds reported": a people)."""
    keys = [normalize(w) for w in name.split()]
    if len(keys) == 1 and name.endswith("s") and name[:-1].isalpha():
        return False
    if tuple(keys) in lex.titles_en or any((k,) in lex.titles_en for k in keys):
        return False
    return keys[0] not in lex.given_en and _outlet_name(name, lex)


def _claim_cued(
    b: Builder,
    sents: Sequence[tuple[int, int]],
    patterns: Sequence[re.Pattern[str]],
    accept: Callable[[str], bool],
) -> None:
    """Claim the names that ``patterns`` find (group ``name``, after an owner's
    possessive) and ``accept`` takes, then their other occurrences in the text."""
    text = b.doc.text
    starts = [s for s, _ in sents]
    names: set[str] = set()
    for pattern in patterns:
        for hit in pattern.finditer(text):
            start, end = _after_owner(text, *hit.span("name"))
            name = text[start:end]
            if name and accept(name) and _claim(b, start, end, starts, sents):
                names.add(name)
    for name in sorted(names):
        for hit in re.finditer(rf"(?<![\w#@/-]){re.escape(name)}(?![\w-])", text):
            _claim(b, *hit.span(), starts, sents)


def _after_owner(text: str, start: int, end: int) -> tuple[int, int]:
    """The name without a possessive owner before it ("Iraq's Al-Sabah" -> "Al-Sabah").

    Example:
        >>> t = "Iraq's Al-Sabah"
        >>> t[slice(*_after_owner(t, 0, len(t)))]
        'Al-Sabah'
    """
    cut = max((m.end() for m in re.finditer(r"['’]s? ", text[start:end])), default=0)
    return start + cut, end


def _claim(b: Builder, start: int, end: int, starts: list[int], sents) -> bool:
    """Make [start, end) an organisation unless the rules read something else there."""
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or end > sents[k][1]:
        return False
    inside = b.within(start, end)
    for m in inside:
        if m.kind == "organization" and m.span == (start, end):
            return True
        if m.kind != "place" and (
            m.kind == "role" or m.attrs.get("source") not in _GIVES_WAY or m.attrs.get("refers_to")
        ):
            return False
        if not (start <= m.start and m.end <= end):
            return False
    b.replace_with(inside, start, end, "organization", sents[k], source="media-cue")
    return True
