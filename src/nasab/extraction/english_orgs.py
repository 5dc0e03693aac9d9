"""English organisation names the sentence rules leave incomplete, fixed after every
reader has run (run by :func:`nasab.extraction.core.extract`):

- :func:`article_forms_en`: an organisation's name has no leading article, as the seed
  reading writes it ("Joint Operations Command" of "The Joint Operations Command later
  said"); where the text writes a capitalised "The" before it inside a sentence (after a
  lower-case word or a comma: "told The Harbor Courier"), or the mention itself opens
  with one, the mention's text keeps the article as written and its ``name`` drops it.
  The graph keeps the written form as a further name of the node (an alias, never its
  canonical name).
- :func:`lower_heads_en`: a capitalised name word before a lower-case head word of
  ``words.tsv`` ``lower_org_head_en`` ("the State department", "Tolo news") is an
  organisation, when no place, nationality or function word.
- :func:`org_short_forms_en`: an organisation named by the last word of a longer name
  read before it in the document ("the Post" after "the New York Post") refers to that
  name (``refers_to``), when exactly one such name was read; the graph joins the two in
  the document and keeps the short form out of the names it matches across documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import word_set
from ..text import normalize
from ._builder import Builder
from ._lex import Lexicon
from ._tokens import Tok
from .media import is_demonym, media_cue_at
from .model import Mention

__all__ = ["article_forms_en", "lower_heads_en", "org_short_forms_en"]


def _org_starting(b: Builder, start: int) -> Mention | None:
    """The organisation mention that starts at ``start``, if any."""
    m = b.overlaps(start, start + 1, ("person", "organization", "place", "event"))
    if m is None or m.kind != "organization" or m.start != start:
        return None
    return m


def _title_heads(lex: Lexicon) -> frozenset[str]:
    """Last words of the titles of papers, channels and sites, lower case."""
    return frozenset(lex.media_en) | word_set("outlet_head_en") | word_set("title_head_en")


def article_forms_en(
    b: Builder, sentences_toks: Sequence[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Give every English organisation its name without a leading article (see the
    module notes): a mention that opens with a capitalised article keeps it in its text
    and drops it from its ``name``; a capitalised "The" written right before one inside
    a sentence (after a lower-case word or a comma) joins its text.

    A "The" after an opening quote or a capital opens a sentence or a headline, and one
    at the sentence start is capitalised anyway: neither joins the text.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "The mayor told The Associated Press on Monday that he would stay."
        >>> [(m.text, m.name) for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        [('The Associated Press', 'Associated Press')]
    """
    articles = word_set("definite_article_en")
    for m in [m for m in b.sorted_mentions() if m.kind == "organization" and m.language == "en"]:
        first, _, rest = m.text.partition(" ")
        if rest.strip() and first[:1].isupper() and first.lower() in articles:
            b.respan(m, m.start, m.end, name=rest.strip())
    for _, toks in sentences_toks:
        for k in range(1, len(toks) - 1):
            the, prev = toks[k], toks[k - 1]
            if the.text.lower() not in articles or not the.text[:1].isupper():
                continue
            if not (prev.text == "," or (prev.kind == "w" and prev.text.islower())):
                continue  # after an opening quote or a capital: a sentence or a headline
            m = _org_starting(b, toks[k + 1].start)
            if m is None or m.name != m.text or b.doc.text[the.end : m.start] != " ":
                continue
            if b.overlaps(the.start, the.end) is not None:
                continue
            b.respan(m, the.start, m.end, name=m.text)


def lower_heads_en(
    b: Builder, sentences_toks: Sequence[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Read "Name head" as an organisation when ``head`` is a lower-case word of
    ``lower_org_head_en`` and ``Name`` one capitalised word inside the sentence that is no
    place, nationality, function word or listed title (see the module notes).

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "A spokesman told Varo news that a Justice department lawyer had left."
        >>> [m.text for m in extract(Document("d", t, "en"), backend="rules").organizations()]
        ['Varo news', 'Justice department']
    """
    heads = word_set("lower_org_head_en")
    stop = word_set("stop_en")
    not_names = word_set("not_org_name_en")
    compounds = word_set("head_compound_en")
    for sent, toks in sentences_toks:
        for k in range(1, len(toks) - 1):
            name, head = toks[k], toks[k + 1]
            if head.kind != "w" or head.text not in heads or not name.cap or name.possessive:
                continue
            if not name.text[1:].islower() or name.text.lower() in stop | not_names:
                continue
            key = tuple(normalize(name.text).split())
            if lex.places_en.get(key) or is_demonym(name.text.lower(), lex):
                continue
            if key in lex.titles_en:
                continue
            if b.overlaps(head.start, head.end) is not None or media_cue_at(b.doc.text, head.start):
                continue  # "Anatolia news agency": the cue names what Anatolia is
            if k + 2 < len(toks) and toks[k + 2].text in compounds:
                continue  # "Texas news source": a compound noun, no body's name
            m = b.overlaps(name.start, name.end)
            if m is None:
                b.mention(name.start, head.end, "organization", sent, source="head")
            elif m.kind == "organization" and m.span == (name.start, name.end):
                b.respan(m, name.start, head.end)


def org_short_forms_en(
    b: Builder, sentences_toks: Sequence[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Mark organisations named by the last word of one longer organisation name read
    before them (see the module notes): a one-word organisation mention, or a
    capitalised head word after "the" that nothing read.

    Example:
        >>> from nasab.extraction import Document, extract
        >>> t = "The Harbor Herald reported it. Later the Herald added details."
        >>> ex = extract(Document("d", t, "en"), backend="rules")
        >>> [(m.text, m.attrs.get("refers_to")) for m in ex.organizations()]
        [('Harbor Herald', None), ('Herald', 'Harbor Herald')]
    """
    heads = _title_heads(lex) | frozenset(lex.org_heads_en)
    articles = word_set("definite_article_en")
    orgs = [m for m in b.sorted_mentions() if m.kind == "organization"]
    if not orgs:
        return
    for sent, toks in sentences_toks:
        for k, t in enumerate(toks):
            if t.kind != "w" or not t.cap or t.text.isupper():
                continue
            m = b.overlaps(t.start, t.end)
            if m is not None and not (m.kind == "organization" and m.span == (t.start, t.end)):
                continue
            if m is not None and (m.attrs.get("org_id") or m.attrs.get("refers_to")):
                continue
            if m is None and not (
                k > 0
                and toks[k - 1].text.lower() in articles
                and t.text.lower() in heads
                and (k + 1 == len(toks) or not toks[k + 1].cap)
            ):
                continue
            fulls = {
                f.name
                for f in orgs
                if f.end <= t.start and len(f.name.split()) >= 2 and f.name.split()[-1] == t.text
            }
            if len(fulls) != 1:
                continue
            full = next(iter(fulls))
            if m is None:
                b.mention(t.start, t.end, "organization", sent, source="short", refers_to=full)
            else:
                m.attrs["refers_to"] = full
