"""Merging a statistical model's entity spans into the rules' mentions.

Neither side loses what the other finds:

* a model span that no rule mention overlaps is added (PERSON as a person, ORG as an
  organisation, GPE/LOC/FAC as a place), after trimming what the rules keep outside
  spans: a leading article, titles, ranks and roles in front (the rules' role
  mentions and the title table), a possessive ``'s`` and closing punctuation;
* where the rules found a title, rank or role, the rules win: a role mention is
  never turned into a name, and a person the rules found by a title keeps its span;
* an untitled person the rules found is widened to the model's boundary when the
  model's name holds it (rules "Psaki" inside model "Jen Psaki");
* the rules' organisations and places (gazetteers, head words) stay as they are.

Example:
    >>> from nasab.extraction import Document
    >>> from nasab.extraction._builder import Builder
    >>> from nasab.extraction._lex import lexicon
    >>> doc = Document("d", "Analyst Noah Rothman spoke.", "en")
    >>> b = Builder(doc)
    >>> merge_english_entities(b, [(0, 20, "PERSON")], [(0, 27)], lexicon(), names_first=True)
    >>> [(m.text, m.kind) for m in b.sorted_mentions()]
    [('Noah Rothman', 'person')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from ..lexicon import word_set
from ..text import normalize
from ._builder import Builder
from ._lex import Lexicon
from .english import NAME_AFTER_COUNTRY_MIN
from .media import is_demonym
from .model import Mention

__all__ = [
    "MODEL_KINDS",
    "OTHER_LABELS",
    "consistent_labels",
    "merge_english_entities",
    "other_spans",
    "person_hints",
    "role_organisations",
]

#: spaCy labels kept, and the mention kind each becomes.
MODEL_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
#: spaCy labels of things that are not persons, which a name known from another
#: document may not claim as its short form ("Saudia" the airline is no "Al-Saudi").
OTHER_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_WORD = re.compile(r"[^\s]+")
_TRAIL = "'’\".,;:!?)]}”»-–— "
_LEAD = "'’\"(“«[-–— "
_POSSESSIVE = ("'s", "’s", "'", "’")
_ANY = ("person", "organization", "place", "event", "role")
_ROLE_CONNECTOR = re.compile(r"\s+(\w+)\s+(?:the\s+)?")


def other_spans(text: str, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The model's spans of :data:`OTHER_LABELS` (labels made consistent per document
    first, possessive and closing punctuation off).

    Example:
        >>> t = "Saudia said. Saudia flies."
        >>> [t[s:e] for s, e in other_spans(t, [(0, 6, "ORG"), (13, 19, "ORG")])]
        ['Saudia', 'Saudia']
    """
    out = []
    for start, end, label in consistent_labels(text, entities):
        if label in OTHER_LABELS:
            while end > start and text[end - 1] in _TRAIL:
                end -= 1
            out.append((start, end))
    return out


def name_before_verb(text: str, start: int, end: int) -> int:
    """The end of a model's person span [start, end) cut before a capitalised verb after
    its first word (``words.tsv`` ``name_verb_en``: a headline's "Should Torvald Brannik
    Be Sworn In?" gives the span "Torvald Brannik Be Sworn In"); ``end`` when none.

    Example:
        >>> t = "Should Brannik Be Sworn In?"
        >>> t[7 : name_before_verb(t, 7, 26)]
        'Brannik'
        >>> t = "Torvald Brannik said"
        >>> t[: name_before_verb(t, 0, 15)]
        'Torvald Brannik'
    """
    verbs = word_set("name_verb_en")
    words = list(_WORD.finditer(text, start, end))
    for w in words[1:]:
        if w.group()[:1].isupper() and w.group().lower() in verbs:
            return words[words.index(w) - 1].end()
    return end


def person_hints(text: str, entities: Sequence[tuple[int, int, str]]) -> dict[int, int]:
    """End -> start of the model's person spans of two words or more (possessive and
    closing punctuation off, hashtags and handles left out), for the rules to take as
    a person cue (one-word guesses wait for :func:`merge_english_entities`).

    Example:
        >>> t = "They met Hillary Clinton's aides."
        >>> {t[s:e] for e, s in person_hints(t, [(9, 26, "PERSON")]).items()}
        {'Hillary Clinton'}
    """
    out: dict[int, int] = {}
    names = [text[s:e].split() for s, e, label in entities if label == "PERSON"]
    tails = {" ".join(w[k:]) for w in names for k in range(1, len(w))}
    for start, end, label in entities:
        if label != "PERSON" or "\n" in text[start:end] or text[start:end] in tails:
            continue
        end = name_before_verb(text, start, end)
        while end > start and text[end - 1] in _TRAIL:
            end -= 1
        for suffix in _POSSESSIVE[:2]:
            if text[start:end].endswith(suffix):
                end -= len(suffix)
        if len(text[start:end].split()) < 2:
            continue
        if not any(c in text[max(0, start - 1) : end] for c in "#@/"):
            out[end] = start
    return out


def merge_english_entities(
    b: Builder,
    entities: Sequence[tuple[int, int, str]],
    sents: Sequence[tuple[int, int]],
    lex: Lexicon,
    *,
    names_first: bool = False,
) -> None:
    """Add the model's entities to the rules' mentions in ``b`` (see the module notes).

    Run it twice: first with ``names_first`` (persons of two words or more: they then
    count as full names whose bare family name the rules find later in the text),
    then, after the rules' short forms, for the rest (a one-word "Hasso" the model
    calls an organisation is first claimed as the short form of "Rezan Hasso").

    Args:
        b: the document's builder, holding the rules' mentions.
        entities: (start, end, label) character spans of the model.
        sents: the document's sentence spans (a span across two sentences is dropped).
        lex: the extractor's lexicon (titles and roles to trim, known places).
        names_first: add only persons of two words or more (the first pass).
    """
    starts = [s for s, _ in sents]
    entities = consistent_labels(b.doc.text, entities)
    ruled = _rule_kinds(b)
    trusted = _trusted_words(b, entities, starts, lex)
    tails = _name_tails(b, entities)
    for start, end, label in entities:
        kind = MODEL_KINDS.get(label)
        if kind is None:
            continue
        text = b.doc.text[start:end]
        multi = kind == "person" and len(text.split()) >= 2 and text not in tails
        if multi != names_first:
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > sents[k][1]:
            continue
        span = _trim(b, start, end, lex)
        if span is None:
            continue
        if kind == "person":
            span = (span[0], name_before_verb(b.doc.text, *span))
        if kind == "organization":
            span = _without_country(b.doc.text, span, lex)
        surface = b.doc.text[span[0] : span[1]]
        if kind == "person" and " " not in surface and surface not in trusted:
            continue  # a lone capitalised word opening a sentence ("Snow", "Woken")
        if kind != "place" and (
            lex.places_en.get(tuple(normalize(surface).split()))
            or ruled.get(surface, kind) == "place"
        ):
            kind = "place"  # a known place, or one the rules read as a place elsewhere
        _merge_one(b, span[0], span[1], kind, sents[k])
    if not names_first:
        _propagate(b, sents)


def consistent_labels(
    text: str, entities: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """One label per one-word surface in a document: the model's most frequent label for
    it there (a tie keeps each occurrence's own), so "Saudia" read as ORG three times
    and PERSON once is an organisation everywhere.

    Example:
        >>> t = "Saudia said. Saudia denied. Saudia agreed."
        >>> [lab for _, _, lab in consistent_labels(t, [(0, 6, "ORG"), (13, 19, "PERSON"), (28, 34, "ORG")])]
        ['ORG', 'ORG', 'ORG']
    """
    votes: dict[str, dict[str, int]] = {}
    for start, end, label in entities:
        if label in MODEL_KINDS and " " not in text[start:end]:
            counts = votes.setdefault(text[start:end], {})
            counts[label] = counts.get(label, 0) + 1
    out = []
    for start, end, label in entities:
        counts = votes.get(text[start:end])
        if counts and label in counts:
            best = max(counts.values())
            winners = [lab for lab, c in counts.items() if c == best]
            if len(winners) == 1:
                label = winners[0]
        out.append((start, end, label))
    return out


def _name_tails(b: Builder, entities: Sequence[tuple[int, int, str]]) -> set[str]:
    """The last words of longer person names in the document ("Abdel Fattah" of
    "Tarek Abdel Fattah"): alone, they are short forms, left to the rules first."""
    names = {m.text for m in b.mentions.values() if m.kind == "person"}
    names |= {b.doc.text[s:e] for s, e, label in entities if label == "PERSON"}
    out: set[str] = set()
    for name in names:
        words = name.split()
        tails = [" ".join(words[k:]) for k in range(1, len(words))]
        # a lower-case particle opening a tail is capitalised at a sentence's start
        # ("Van Cleef added" after "Hans van Cleef")
        out.update(tails, (t[0].upper() + t[1:] for t in tails))
    return out


def _sentence_initial(text: str, start: int, sent_start: int) -> bool:
    """Nothing but punctuation and spaces between the sentence start and ``start``."""
    return not any(c.isalnum() for c in text[sent_start:start])


def _trusted_words(
    b: Builder, entities: Sequence[tuple[int, int, str]], starts: list[int], lex: Lexicon
) -> set[str]:
    """One-word names the model may add as persons: known given names, words it calls a
    person somewhere not opening a sentence, and words of longer names it found."""
    text = b.doc.text
    out: set[str] = set()
    for start, end, label in entities:
        if label != "PERSON":
            continue
        words = text[start:end].split()
        if len(words) > 1:
            out.update(w for w in words if w[:1].isupper())
            continue
        k = bisect.bisect_right(starts, start) - 1
        if (k < 0 or not _sentence_initial(text, start, starts[k])) and not _quoted(
            text, start, end
        ):
            out.add(text[start:end].rstrip("’'s"))
    return out | {w for w in _words_of(b) if w.lower() in lex.given_en}


_QUOTED = re.compile(r"[,.]?[”\"’'»]")


def _quoted(text: str, start: int, end: int) -> bool:
    """A span standing alone in quotation marks (a title: songs titled “Overdose,” and
    “Dreamer.”).

    Example:
        >>> t = "songs titled “Overdose,” and “Dreamer.”"
        >>> _quoted(t, 14, 22), _quoted(t, 30, 37), _quoted("Dreamer said", 0, 7)
        (True, True, False)
    """
    return start > 0 and text[start - 1] in "“\"‘'«" and _QUOTED.match(text, end) is not None


def _words_of(b: Builder) -> set[str]:
    return {w for w in re.findall(r"[A-Z][\w-]+", b.doc.text)}


def _propagate(b: Builder, sents: Sequence[tuple[int, int]]) -> None:
    """Every other whole-word, same-case occurrence of a name the model added (in a
    sentence the model read otherwise) becomes the same kind of mention, where
    nothing else was found."""
    text = b.doc.text
    starts = [s for s, _ in sents]
    names = {
        (m.text, m.kind)
        for m in b.mentions.values()
        if m.attrs.get("source") == "model" and m.kind in ("person", "organization")
    }
    for surface, kind in sorted(names):
        for hit in re.finditer(rf"(?<![\w#@/.]){re.escape(surface)}(?![\w/])", text):
            start, end = hit.span()
            k = bisect.bisect_right(starts, start) - 1
            if k < 0 or end > sents[k][1] or b.overlaps(start, end, _ANY) is not None:
                continue
            b.mention(start, end, kind, sents[k], language="en", source="model-repeat")


def _rule_kinds(b: Builder) -> dict[str, str]:
    """Surface -> kind of the rules' places and organisations in the document (a
    place's first word too: "Giza" of "Giza desert")."""
    out: dict[str, str] = {}
    for m in b.mentions.values():
        if m.kind in ("place", "organization"):
            out.setdefault(m.text, m.kind)
            if m.kind == "place" and " " in m.text:
                out.setdefault(m.text.split()[0], "place")
    return out


def _trim(b: Builder, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The span without article, titles or roles before and possessive after it."""
    text = b.doc.text
    while True:
        while start < end and text[start] in _LEAD:
            start += 1
        while end > start and text[end - 1] in _TRAIL:
            end -= 1
        for suffix in _POSSESSIVE[:2]:
            if text[start:end].endswith(suffix):
                end -= len(suffix)
        first = _WORD.match(text, start, end)
        if first is None:
            return None
        word = first.group().rstrip(".").lower()
        role = b.overlaps(start, start + 1, ("role",))
        if role is not None and role.end < end:
            start = role.end
            continue
        if (
            word in ("the", "a", "an")
            or (word,) in lex.titles_en
            or _place_owner(first.group(), lex)
        ):
            start = first.end()
            continue
        break
    if start >= end or "\n" in text[start:end] or not text[start].isupper():
        return None
    if (start and text[start - 1] in "#@/") or any(c in text[start:end] for c in "#@/"):
        return None  # hashtags, handles, addresses
    return start, end


#: Least number of capitalised words that must follow a leading country abbreviation
#: for an organisation's name to stand without it ("U.S. Energy Information
#: Administration" -> "Energy Information Administration"; "U.S. Army" stays whole).
COUNTRY_REST_MIN = 2
_ABBREVIATION = re.compile(r"[A-Z](?:\.[A-Z])+\.?(?=\s)")


def _without_country(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """An organisation's span without a leading dotted country abbreviation ("U.S.",
    "U.K."), as the news readings write names (no leading nationality), when at least
    :data:`COUNTRY_REST_MIN` capitalised words follow it.

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> t = "the U.S. Energy Information Administration said"
        >>> s, e = _without_country(t, (4, 42), lexicon())
        >>> t[s:e]
        'Energy Information Administration'
        >>> s, e = _without_country("U.S. Army units", (0, 9), lexicon())
        >>> (s, e)
        (0, 9)
    """
    start, end = span
    m = _ABBREVIATION.match(text, start, end)
    if m is None or not lex.places_en.get(tuple(normalize(m.group()).split())):
        return _without_nationality(text, span, lex)
    rest = text[m.end() : end].split()
    if len(rest) < COUNTRY_REST_MIN or not all(w[:1].isupper() for w in rest):
        return span
    return end - len(text[m.end() : end].lstrip()), end


def _without_nationality(text: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """An organisation's span without leading nationality adjectives when a head word
    with "of"/"for" follows them ("Saudi Arabian Committee for the Promotion of Virtue"
    -> "Committee for ..."; "Iraqi News Agency" stays whole), or when the name ends with a
    government body's head of ``government_head_en`` and keeps at least
    :data:`~nasab.extraction.english.NAME_AFTER_COUNTRY_MIN` words ("Yemeni Defence
    Ministry" -> "Defence Ministry").

    Example:
        >>> from nasab.extraction._lex import lexicon
        >>> t = "the Iraqi Ministry of Defence said"
        >>> s, e = _without_nationality(t, (4, 29), lexicon())
        >>> t[s:e]
        'Ministry of Defence'
        >>> _without_nationality("Iraqi News Agency", (0, 17), lexicon())
        (0, 17)
    """
    words = list(_WORD.finditer(text, span[0], span[1]))
    k = 0
    while k < len(words) and is_demonym(normalize(words[k].group()), lex):
        k += 1
    if (
        0 < k < len(words) - 2
        and normalize(words[k].group()) in lex.org_heads_en
        and words[k + 1].group() in word_set("role_link_en")
    ):
        return words[k].start(), span[1]
    if 0 < k <= len(words) - NAME_AFTER_COUNTRY_MIN and normalize(words[-1].group()) in word_set(
        "government_head_en"
    ):
        return words[k].start(), span[1]  # "Yemeni Defence Ministry" -> "Defence Ministry"
    return span


def _place_owner(word: str, lex: Lexicon) -> bool:
    """A known place in the possessive ("Seattle's" of "Seattle's Experience Music
    Project"): it owns what follows and is not part of its name."""
    for suffix in _POSSESSIVE[:2]:
        if word.endswith(suffix):
            return bool(lex.places_en.get(tuple(normalize(word[: -len(suffix)]).split())))
    return False


def _merge_one(b: Builder, start: int, end: int, kind: str, sent: tuple[int, int]) -> None:
    if b.overlaps(start, end, ("role",)) is not None:
        return  # the rules read a role here: a role never becomes a name
    old = b.overlaps(start, end)
    if old is None:
        b.mention(start, end, kind, sent, language="en", source="model")
        return
    inside = _absorbable(b, start, end, kind)
    if inside:
        _absorb(b, inside, start, end, kind, sent)
        return
    if old.kind != "person" or old.attrs.get("refers_to"):
        return
    if kind == "person" and _widen(b, old, start, end):
        if b.overlaps(start, old.start) is None and b.overlaps(old.end, end) is None:
            _replace(b, old, start, end, "person", sent)
    elif kind == "organization" and old.span == (start, end) and _weak(old):
        _replace(b, old, start, end, "organization", sent)


#: Where a rules mention came from when it may give way to a longer model name holding
#: it: a known place ("USA" of "USA Today"), an organisation read from a head word alone
#: ("Religion Front" of "Supporters of the Religion Front"). Events keep their head word.
_YIELDING = {"place": None, "organization": ("head", "head-of", "model")}


def _absorbable(b: Builder, start: int, end: int, kind: str) -> list[Mention]:
    """The rules' mentions a longer model name of two words or more takes in, or none.

    A model organisation takes in places and head-word organisations inside it;
    a model person only a place that is not its first word ("Louise Ireland"). Every
    mention the span overlaps must lie inside it and yield; a gazetteer organisation,
    a role or a person stops it, and so does a text in capitals (a headline).
    """
    text = b.doc.text[start:end]
    if kind not in ("organization", "person") or len(text.split()) < 2:
        return []
    if not any(c.islower() for c in text):
        return []
    inside = b.within(start, end)
    for m in inside:
        if not (start <= m.start and m.end <= end) or (m.start, m.end) == (start, end):
            return []
        if m.kind not in _YIELDING or m.attrs.get("refers_to"):
            return []
        sources = _YIELDING[m.kind]
        if sources is not None and m.attrs.get("source") not in sources:
            return []
        if kind == "person" and (m.kind != "place" or m.start == start):
            return []
    return inside


def _absorb(
    b: Builder, inside: list[Mention], start: int, end: int, kind: str, sent: tuple[int, int]
) -> None:
    """Replace the mentions ``inside`` by one model mention over [start, end)."""
    b.replace_with(inside, start, end, kind, sent, language="en", source="model")


def _weak(m: Mention) -> bool:
    """A person the rules guessed from a name particle alone ("El Al")."""
    return m.attrs.get("source") == "particle" and not any(
        m.attrs.get(k) for k in ("titles", "rank", "role")
    )


def _widen(b: Builder, old: Mention, start: int, end: int) -> bool:
    """The model's name holds the rules' person: untitled, it takes the model's
    boundaries; found by a title or role, only its end moves (the title stays out)."""
    if not (start <= old.start and old.end <= end) or (start, end) == old.span:
        return False
    if not any(c.islower() for c in b.doc.text[start:end]):
        return False  # capitals only (a headline): the model's boundaries are guesses
    titled = any(old.attrs.get(k) for k in ("titles", "rank", "role"))
    return not titled or start == old.start


def _replace(
    b: Builder, old: Mention, start: int, end: int, kind: str, sent: tuple[int, int]
) -> None:
    """Put a mention at (start, end) in place of ``old``, moving its relations."""
    del b.mentions[old.span]
    attrs = {k: v for k, v in old.attrs.items() if k != "source"}
    new = b.mention(start, end, kind, sent, language="en", source="model", **attrs)
    if kind != old.kind:
        b.relations[:] = [r for r in b.relations if old not in (r.subject, r.object)]
        return
    b.relations[:] = [
        replace(
            r,
            subject=new if r.subject is old else r.subject,
            object=new if r.object is old else r.object,
        )
        for r in b.relations
    ]


def role_organisations(b: Builder) -> None:
    """Name a role's organisation as the document's organisation mention reads it.

    The role rules keep the words after "of" as written within a few tokens ("spokesman
    of the Saudi Arabian Committee for the Promotion"); when those words open with or
    cut into an organisation mention of the same sentence (a leading nationality it
    left out, a long name they cut short), that mention's name is the organisation. A
    role with no organisation takes the organisation mention right after it and a
    connector, or else the one written right before it ("QRC spokesperson X").

    Example:
        >>> from nasab.extraction import Document
        >>> doc = Document("d", "X, head of the Iraqi Council for the Study of Seas.", "en")
        >>> b = Builder(doc)
        >>> p = b.mention(0, 1, "person", (0, 51))
        >>> r = b.mention(3, 7, "role", (0, 51))
        >>> o = b.mention(21, 50, "organization", (0, 51))
        >>> _ = b.relation("holds_role", p, r, (0, 51), role="head", organization="Iraqi Council for the Study")
        >>> role_organisations(b)
        >>> b.relations[0].attrs["organization"]
        'Council for the Study of Seas'
    """
    orgs = [m for m in b.mentions.values() if m.kind == "organization"]
    if not orgs:
        return
    names = {m.name for m in orgs}
    starts = {m.start: m for m in orgs}
    ends = {m.end: m for m in orgs}
    out = []
    for r in b.relations:
        text = r.attrs.get("organization")
        if r.type != "holds_role":
            pass
        elif isinstance(text, str) and text and text not in names:
            m = _organisation_at(b, orgs, r.sentence, text)
            if m is not None:
                r = replace(r, attrs={**r.attrs, "organization": m.name})
        elif not text and not r.attrs.get("place") and r.object is not None:
            m = _organisation_after(b, starts, r.object) or _organisation_before(b, ends, r.object)
            if m is not None:
                r = replace(r, attrs={**r.attrs, "organization": m.name})
        out.append(r)
    b.relations = out


def _organisation_after(b: Builder, starts: dict[int, Mention], role: Mention) -> Mention | None:
    """The organisation mention right after a role mention and a connector ("director of
    the International Centre ..."), if any."""
    m = _ROLE_CONNECTOR.match(b.doc.text, role.end)
    return starts.get(m.end()) if m and m.group(1) in word_set("connector_en") else None


def _organisation_before(b: Builder, ends: dict[int, Mention], role: Mention) -> Mention | None:
    """The organisation mention written right before a role mention, one space between
    ("QRC spokesperson", read by the model after the role rules ran), if any."""
    m = ends.get(role.start - 1)
    return m if m is not None and b.doc.text[m.end : role.start] == " " else None


def _organisation_at(
    b: Builder, orgs: list[Mention], sent: tuple[int, int], text: str
) -> Mention | None:
    """The organisation mention of sentence ``sent`` that starts inside the first
    occurrence of ``text`` there and reaches its end."""
    at = b.doc.text.find(text, sent[0], sent[1])
    if at < 0:
        return None
    end = at + len(text)
    hits = [m for m in orgs if at <= m.start < end and m.end >= end]
    return min(hits, key=lambda m: m.start) if hits else None
