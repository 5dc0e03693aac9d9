"""Statistical recognition of Arabic persons, organisations and places.

A linear-chain CRF (python-crfsuite, the ``ner`` extra) trained by
``scripts/train_arabic_ner.py`` on NewsFANE Gold (Arabic newswire, CC BY-SA 3.0; the model
file ships under the same licence, see ``docs/models/arabic-ner.md``). Features: the
word and its affixes, its neighbours, and our own tables (given names, name words,
titles and ranks, places, organisations, organisation heads, nationalities) through
:func:`nasab.extraction._lex.lexicon`.

NewsFANE splits the proclitics و ف ب ل ك and pronoun suffixes off their words while
ordinary text leaves them attached, so :func:`segment` splits input the same way before
tagging: a prefix or suffix comes off only when the whole word is not a word of the
training vocabulary and what remains is.

:func:`predict` gives character spans; :func:`refine` merges them with the rules'
mentions (the rules win wherever they found something: titles, roles, known names,
organisations of the gazetteer; the model adds what they missed: untitled names and
foreign names in Arabic script).

Example:
    >>> from nasab.extraction import arabic_ner
    >>> text = "وقال وزير الخارجية الفرنسي لوران فابيوس إن الاتفاق تاريخي"
    >>> [(text[s:e], k) for s, e, k in arabic_ner.predict(text)]  # doctest: +SKIP
    [('لوران فابيوس', 'person')]
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataFileError, ExtraMissingError
from ..lexicon import nisba_endings, word_list, word_set
from ..text import normalize_arabic
from ._lex import Lexicon, lexicon
from ._tokens import tokenize_span
from .documents import sentences
from .model import Document, Mention

__all__ = [
    "ARABIC_MARKS",
    "FAMILY_NISBA_MIN",
    "MODEL_NAME",
    "Seg",
    "available",
    "conjunction_clitics",
    "extend_names",
    "features",
    "load_tagger",
    "predict",
    "preposition_clitics",
    "pronoun_suffixes",
    "refine",
    "segment",
    "sentence_spans",
    "spans_from_tags",
    "use_model",
]

MODEL_NAME = "arabic_ner.crfsuite"
VOCAB_NAME = "arabic_ner_vocab.json.gz"
_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
#: Arabic short vowels, shadda, sukun, hamza marks, dagger alif and tatweel: not letters of
#: a word (a token's letters are counted without them).
ARABIC_MARKS = frozenset(
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
)
#: Shortest definite nisba (letters, with the article) that ends a family name (العلي).
FAMILY_NISBA_MIN = 5


@cache
def pronoun_suffixes() -> tuple[str, ...]:
    """Arabic pronoun suffixes (words.tsv ``pronoun_suffix_ar``), longest first: NewsFANE
    writes them as their own tokens, and :func:`segment` splits them off the same way.

    Example:
        >>> pronoun_suffixes()[-1]
        'ه'
    """
    return tuple(sorted(word_list("pronoun_suffix_ar"), key=len, reverse=True))


@cache
def conjunction_clitics() -> str:
    """The Arabic conjunctions written onto the next word (words.tsv
    ``conjunction_clitic_ar``), one letter each, in the order :func:`segment` tries them.

    Example:
        >>> conjunction_clitics()
        'وف'
    """
    return "".join(word_list("conjunction_clitic_ar"))


@cache
def preposition_clitics() -> str:
    """The Arabic prepositions written onto the next word (words.tsv
    ``preposition_clitic_ar``), one letter each, in the order :func:`segment` tries them.

    Example:
        >>> preposition_clitics()
        'بلك'
    """
    return "".join(word_list("preposition_clitic_ar"))


@cache
def _clitics() -> frozenset[str]:
    """Conjunctions, prepositions and pronoun suffixes written as their own tokens."""
    return frozenset([*conjunction_clitics(), *preposition_clitics(), *pronoun_suffixes()])


@cache
def _join() -> frozenset[str]:
    """Particles that join the next word to a name, and the article (a model feature)."""
    return word_set("name_join_ar") | {"ال"}


# Longest phrase (in words) looked up in the tables.
_MAX_PHRASE = 5
# Context window (words either side) whose table flags are features.
_WINDOW = 2
# Shortest family name (letters) carried to its other mentions in a document.
_PROPAGATE_MIN = 4
# Words before a word searched for a title or rank.
_TITLE_LOOKBACK = 3
# Shortest place name (letters) whose adjective is read as a nationality.
_NATION_STEM_MIN = 3
# The conjunction shed from a person span's first word, and the shortest rest (letters).
_AND = "و"
_AND_REST_MIN = 3


@dataclass(frozen=True, slots=True)
class Seg:
    """One segment of the input: offsets into the text, the normalised form and the
    text's own spelling (``raw``; empty where not given)."""

    start: int
    end: int
    form: str
    raw: str = ""


# ---------------------------------------------------------------- model files


_MODEL_DIR: list[Path] = []  # set by use_model()


def _model_dir() -> Path:
    return _MODEL_DIR[0] if _MODEL_DIR else Path(str(resources.files("nasab"))) / "models"


def use_model(directory: str | Path | None) -> None:
    """Read the model and vocabulary from ``directory`` (a retrained model, see
    ``scripts/train_arabic_ner.py``) instead of the shipped ones; None goes back.

    Example:
        >>> use_model(None)
    """
    _MODEL_DIR.clear()
    if directory is not None:
        _MODEL_DIR.append(Path(directory))
    load_tagger.cache_clear()
    _vocab_file.cache_clear()
    vocabulary.cache_clear()
    known_words.cache_clear()
    _split_cached.cache_clear()


def available() -> bool:
    """Whether the ``ner`` extra (python-crfsuite) is installed and the model ships.

    Example:
        >>> isinstance(available(), bool)
        True
    """
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return (_model_dir() / MODEL_NAME).is_file()


@cache
def _vocab_file() -> dict:
    path = _model_dir() / VOCAB_NAME
    if not path.is_file():
        return {"words": [], "known": []}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return {"words": list(data["words"]), "known": list(data.get("known", data["words"]))}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError("broken Arabic NER vocabulary", path=str(path)) from exc


@cache
def vocabulary() -> frozenset[str]:
    """Normalised words of the training corpus (segments), which guide :func:`segment`."""
    return frozenset(_vocab_file()["words"])


@cache
def known_words() -> frozenset[str]:
    """Words seen at least twice in training: the model reads any other word by its
    shape, affixes, tables and context only (``w=<unk>``), as it learned to."""
    return frozenset(_vocab_file()["known"])


@cache
def load_tagger(path: str | None = None):
    """The CRF tagger (loaded once per process).

    Raises:
        ExtraMissingError: python-crfsuite is not installed (``pip install 'nasab[ner]'``).
        DataFileError: the model file is missing or unreadable.
    """
    try:
        import pycrfsuite
    except ImportError as exc:
        raise ExtraMissingError("the Arabic model", "ner", "python-crfsuite") from exc
    model = Path(path) if path else _model_dir() / MODEL_NAME
    if not model.is_file():
        raise DataFileError("Arabic NER model is missing", path=str(model))
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model))
    except (OSError, ValueError) as exc:
        raise DataFileError("Arabic NER model cannot be read", path=str(model)) from exc
    return tagger


# ---------------------------------------------------------------- segmentation


def _split_word(
    norm: str, vocab: frozenset[str], names: frozenset[str] | dict = frozenset()
) -> list[str]:
    """Split a normalised word into proclitics, stem and suffix, as NewsFANE does.

    A word of the vocabulary stays whole; otherwise the reading with the fewest pieces
    whose stem is a vocabulary word (or a listed name word, ``names``) wins; a word
    read nowhere keeps only a conjunction before an article (``والرييس``).

    Example:
        >>> _split_word("وبحكومته", frozenset(["حكومت", "حكومه"]))
        ['و', 'ب', 'حكومت', 'ه']
        >>> _split_word("وليد", frozenset(["وليد"]))
        ['وليد']
        >>> _split_word("وبولوني", frozenset(), frozenset(["بولوني"]))
        ['و', 'بولوني']
    """
    if norm in vocab or len(norm) < 3:
        return [norm]
    best: list[str] | None = None
    for conj in ("", *conjunction_clitics()):
        if conj and not norm.startswith(conj):
            continue
        rest = norm[len(conj) :]
        for prep in ("", *preposition_clitics()):
            if prep and not rest.startswith(prep):
                continue
            core = rest[len(prep) :]
            for suf in ("", *pronoun_suffixes()):
                stem = core[: len(core) - len(suf)] if suf else core
                if (suf and not core.endswith(suf)) or len(stem) < 2:
                    continue
                if stem in vocab or (not suf and stem in names):
                    parts = [p for p in (conj, prep) if p] + [stem] + ([suf] if suf else [])
                    if best is None or len(parts) < len(best):
                        best = parts
    if best is not None:
        return best
    if norm[0] in conjunction_clitics() and norm[1:].startswith("ال") and len(norm) >= 5:
        return [norm[0], norm[1:]]
    return [norm]


@lru_cache(maxsize=65536)
def _normalize(surface: str) -> str:
    return normalize_arabic(surface)


@lru_cache(maxsize=65536)
def _split_cached(norm: str) -> tuple[str, ...]:
    return tuple(_split_word(norm, vocabulary(), lexicon().name_ar))


def segment(text: str, start: int = 0, end: int | None = None) -> list[Seg]:
    """Tokens of ``text[start:end]``, Arabic words split into clitics and stem.

    Example:
        >>> [s.form for s in segment("وقال محمد")]  # doctest: +SKIP
        ['و', 'قال', 'محمد']
    """
    end = len(text) if end is None else end
    out: list[Seg] = []
    for t in tokenize_span(text, start, end):
        if not t.arabic:
            out.append(Seg(t.start, t.end, t.text.lower() if t.kind == "w" else t.text))
            continue
        norm = _normalize(t.text)
        if not norm:
            continue
        letters = [t.start + i for i, c in enumerate(t.text) if c not in ARABIC_MARKS]
        parts = _split_cached(norm) if len(letters) == len(norm) else [norm]
        pos = 0
        for k, part in enumerate(parts):
            a = letters[pos] if k else t.start
            pos += len(part)
            z = letters[pos - 1] + 1 if k < len(parts) - 1 else t.end
            out.append(Seg(a, z, part, text[a:z]))
    return out


# ---------------------------------------------------------------- features


@lru_cache(maxsize=65536)
def _shape(form: str) -> str:
    if form.isdigit():
        return "num"
    c = form[:1]
    if not c.isalpha():
        return "punct"
    return "ar" if "\u0600" <= c <= "\u08ff" else "lat"


@lru_cache(maxsize=65536)
def _flags(form: str) -> tuple[str, ...]:
    """Table memberships of one normalised word."""
    lex = lexicon()
    out = []
    bare = form[2:] if form.startswith("ال") and len(form) > 3 else form
    if form in lex.given_ar or bare in lex.given_ar:
        out.append("given")
    if form in lex.name_ar:
        out.append("nameword")
        if form in lex.name_risky_ar:
            out.append("risky")
    if (form,) in lex.titles_ar:
        out.append("title:" + lex.titles_ar[(form,)].kind)
    if form in lex.org_heads_ar or bare in lex.org_heads_ar:
        out.append("orghead")
    if bare in lex.nationality_ar:
        out.append("nationality")
    if (form,) in lex.places_ar:
        out.append("place")
    if form in _join():
        out.append("join")
    return tuple(out)


def _phrases(forms: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """B/I marks of the longest title, place and organisation phrases of our tables."""
    marks: list[list[str]] = [[] for _ in forms]
    for name, table in (("ttl", lex.titles_ar), ("plc", lex.places_ar), ("org", lex.orgs_ar)):
        i = 0
        while i < len(forms):
            best = 0
            for n in range(min(_MAX_PHRASE, len(forms) - i), 0, -1):
                if tuple(forms[i : i + n]) in table:
                    best = n
                    break
            if best:
                marks[i].append(f"{name}B")
                for k in range(i + 1, i + best):
                    marks[k].append(f"{name}I")
                i += best
            else:
                i += 1
    return marks


# Letters that write long vowels (ا و ي): foreign names in Arabic script write their
# vowels, Arabic words mostly do not (لوران، فابيوس، بلاتيني).
_LONG_VOWELS = frozenset("اوي")
# Cap of the count of long-vowel letters inside a word (a feature value).
_VOWELS_CAP = 4
# Letters of the consonant/vowel pattern of an unknown word kept as a feature.
_PATTERN_LEN = 6


@lru_cache(maxsize=65536)
def _word_shape_features(form: str, unknown: bool) -> tuple[str, ...]:
    """Letter-pattern features of an Arabic word: long vowels inside it, its
    consonant/vowel pattern (unknown words only), the letter groups of foreign names
    (``foreign_pattern_ar`` in words.tsv: يتش، سكي، وف...), four-letter affixes.

    Example:
        >>> "fp=سكي" in _word_shape_features("كوفالسكي", True)
        True
    """
    stem = form[2:] if form.startswith("ال") and len(form) > 3 else form
    inner = sum(c in _LONG_VOWELS for c in stem[1:-1])
    out = [f"vin={min(inner, _VOWELS_CAP)}", "s4=" + form[-4:], "p4=" + form[:4]]
    if unknown:
        out.append("cvp=" + "".join("V" if c in _LONG_VOWELS else "C" for c in stem)[:_PATTERN_LEN])
    out += ["fp=" + pat for pat in word_set("foreign_pattern_ar") if pat in form[1:]]
    return tuple(out)


def features(forms: Sequence[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """CRF features of a sentence given as normalised segments.

    Args:
        forms: the normalised segments.
        known: words the model knows by identity; an Arabic word outside it is written
            ``<unk>`` in the word features (default: :func:`known_words`; training
            passes the words seen twice, so that rare names are learned from their
            shape and context).

    Example:
        >>> f = features(["قال", "محمد", "الزيدي"], frozenset(["قال", "محمد"]))
        >>> "w=محمد" in f[1] and "-1:w=قال" in f[1] and "1:w=<unk>" in f[1]
        True
    """
    known = known_words() if known is None else known
    words = [f if f in known or _shape(f) != "ar" else "<unk>" for f in forms]
    lex = lexicon()
    flags = [_flags(f) for f in forms]
    phr = _phrases(forms, lex)
    titled = [any(m == "ttlB" or m == "ttlI" for m in p) for p in phr]
    out: list[list[str]] = []
    n = len(forms)
    for i, w in enumerate(forms):
        shape = _shape(w)
        f = ["bias", "w=" + words[i], "shape=" + shape, "len=" + str(min(len(w), 8))]
        if shape == "ar":
            f += ["p1=" + w[:1], "p2=" + w[:2], "p3=" + w[:3]]
            f += ["s1=" + w[-1:], "s2=" + w[-2:], "s3=" + w[-3:]]
            if w.startswith("ال") and len(w) > 3:
                f += ["art"] + (["stem=" + w[2:]] if words[i] != "<unk>" else [])
            f += _word_shape_features(w, words[i] == "<unk>")
        f += ["f=" + x for x in flags[i]] + ["g=" + x for x in phr[i]]
        if any(titled[max(0, i - _TITLE_LOOKBACK) : i]):
            f.append("title_before")
        for d in range(-_WINDOW, _WINDOW + 1):
            if d == 0:
                continue
            j = i + d
            if j < 0:
                f.append(f"{d}:BOS")
                continue
            if j >= n:
                f.append(f"{d}:EOS")
                continue
            if abs(d) == 1:
                f.append(f"{d}:w={words[j]}")
                f.append(f"{d}:shape={_shape(forms[j])}")
            f += [f"{d}:f={x}" for x in flags[j]] + [f"{d}:g={x}" for x in phr[j]]
        if 0 < i < n - 1:
            f.append(f"-1+1:{words[i - 1]}|{words[i + 1]}")
        out.append(f)
    return out


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) of each BIO entity; a stray I- starts one.

    Example:
        >>> spans_from_tags(["O", "B-PER", "I-PER", "I-ORG", "O"])
        [(1, 3, 'PER'), (3, 4, 'ORG')]
    """
    out: list[tuple[int, int, str]] = []
    cur: list = []
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if cur and (kind != cur[2] or tag.startswith("B-")):
            out.append((cur[0], i, cur[2]))
            cur = []
        if kind and not cur:
            cur = [i, i, kind]
    return out


# ---------------------------------------------------------------- prediction


def _tag_segments(segs: list[Seg]) -> list[tuple[int, int, str]]:
    """Spans over segment indices (types PER, ORG, LOC), boundaries fixed."""
    if not segs:
        return []
    forms = [s.form for s in segs]
    tags = load_tagger().tag(features(forms))
    spans = extend_names(forms, fix_boundaries(forms, spans_from_tags(tags)))
    spans = [_shed_preposition(segs, *x) for x in spans]
    return [x for x in spans if x[2] in _KINDS and not _god_formula(forms, *x)]


def _shed_preposition(segs: list[Seg], a: int, z: int, kind: str) -> tuple[int, int, str]:
    """A person span does not start with a function word that normalisation made a name
    (على -> علي): the text's own spelling is checked against words.tsv ``stop_ar``."""
    if kind == "PER" and z - a > 1 and segs[a].raw in word_set("stop_ar"):
        a += 1
    return a, z, kind


_GOD = "الله"


def _god_formula(forms: Sequence[str], a: int, z: int, kind: str) -> bool:
    """A person span that is God's name alone or a religious formula ending in it
    (``رحمه الله``, ``بعون الله``, words.tsv ``god_formula_ar``): no person.

    Example:
        >>> _god_formula(["ب", "عون", "الله"], 1, 3, "PER")
        True
        >>> _god_formula(["قال", "جبارة", "الله"], 1, 3, "PER")
        False
    """
    if kind != "PER" or forms[z - 1] != _GOD or z - a > 2:
        return False
    if z - a == 1:
        return True
    return forms[a] in word_set("god_formula_ar") or (a > 0 and forms[a - 1] == "ب")


def extend_names(
    forms: Sequence[str], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person span takes in a listed given name right before it and an unknown nisba
    (article + -ي, no nationality or place) right after it that no span holds: the
    model often starts a name one word late (``تيرنسي [ادوارد كيلي]``) or stops before
    a family name it never saw.

    Measured on the NewsFANE tail split (model of this version): PER F1 0.593 -> 0.596,
    with the given name alone +0.002 on the previous features.

    Example:
        >>> extend_names(["قال", "محمد", "الزيدي"], [(2, 3, "PER")])
        [(1, 3, 'PER')]
    """
    lex = lexicon()
    held = {k for a, z, _ in spans for k in range(a, z)}
    out = []
    for a, z, kind in spans:
        if kind == "PER" and a > 0 and a - 1 not in held:
            w = forms[a - 1]
            if (w in lex.given_ar or w in lex.given_words_ar) and w not in lex.name_risky_ar:
                a -= 1
        if kind == "PER" and z < len(forms) and z not in held and _unknown_nisba(forms[z], lex):
            z += 1
        out.append((a, z, kind))
    return out


def _unknown_nisba(w: str, lex: Lexicon) -> bool:
    """An article word in -ي that the model never saw and that names no nation or place."""
    return (
        w.startswith("ال")
        and w.endswith("ي")
        and len(w) > _NISBA_MIN
        and w[2:] not in lex.nationality_ar
        and (w,) not in lex.places_ar
        and w not in known_words()
    )


# Shortest nisba (letters, with the article) a person span takes in after it.
_NISBA_MIN = 4


def _tag_sentence(segs: list[Seg]) -> list[tuple[int, int, str]]:
    return [(segs[a].start, segs[z - 1].end, _KINDS[k]) for a, z, k in _tag_segments(segs)]


def _propagate(
    sents: list[list[Seg]], spans: list[list[tuple[int, int, str]]]
) -> list[list[tuple[int, int, str]]]:
    """A person read once in a document is a person wherever the same name stands
    uncovered in that document: the full name (``بوريس يلتسين``) or its family name
    alone (``وقال يلتسين``) become PER spans where no span covers them.

    Measured on the NewsFANE tail split, ten sentences a document: PER F1 0.554 -> 0.565
    (family names alone); see docs/models/arabic-ner.md for the current figure.
    """
    lex = lexicon()
    full: set[tuple[str, ...]] = set()
    for segs, sp in zip(sents, spans, strict=True):
        for a, z, k in sp:
            last = segs[z - 1].form
            if (
                k != "PER"
                or len(last) < _PROPAGATE_MIN
                or last in lex.given_ar
                or last in _join()
                or _not_name(last, lex)
            ):
                continue
            full.add(tuple(s.form for s in segs[a:z]))
            if last != _GOD and not nationality_of_place(last, lex):
                # not God's name alone ("جبارة الله" -> every "الله"), nor a nationality
                full.add((last,))
    if not full:
        return spans
    longest = max(len(n) for n in full)
    firsts = {n[0] for n in full}
    out = []
    for segs, sp in zip(sents, spans, strict=True):
        covered = {j for a, z, _ in sp for j in range(a, z)}
        forms = [s.form for s in segs]
        extra = []
        j = 0
        while j < len(segs):
            n = 0
            if forms[j] in firsts and j not in covered:
                n = next(
                    (
                        n
                        for n in range(min(longest, len(segs) - j), 0, -1)
                        if tuple(forms[j : j + n]) in full
                        and not covered.intersection(range(j, j + n))
                    ),
                    0,
                )
            if n:
                extra.append((j, j + n, "PER"))
            j += max(n, 1)
        out.append(sorted([*sp, *extra]))
    return out


def fix_boundaries(
    forms: Sequence[str], spans: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Trim and split the model's spans (segment indices) where they run past a name.

    Punctuation and lone clitics at either end are dropped; a person span loses leading
    places, nationalities, organisation heads and titles, and is dropped when one such
    word (or the adjective of a listed place, :func:`nationality_of_place`) is all
    that is left; an
    organisation or place span that runs into a given name is split there into the
    organisation and a person (``نادي الجبلين فهد الموكاء``).

    Example:
        >>> fix_boundaries(["نادي", "الجبلين", "فهد", "الموكاء"], [(0, 4, "ORG")])
        [(0, 2, 'ORG'), (2, 4, 'PER')]
        >>> fix_boundaries(["،", "طارق", "الرفاعي", "،"], [(0, 4, "PER")])
        [(1, 3, 'PER')]
        >>> fix_boundaries(["رييس", "الهندي"], [(1, 2, "PER")])
        []
    """
    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    for a, z, kind in spans:
        while a < z and (_shape(forms[a]) == "punct" or forms[a] in _clitics()):
            a += 1
        while z > a and (_shape(forms[z - 1]) == "punct" or forms[z - 1] in _clitics()):
            z -= 1
        if kind == "PER":
            while z - a > 1 and _not_name(forms[a], lex):
                a += 1
            if z - a == 1 and (_not_name(forms[a], lex) or nationality_of_place(forms[a], lex)):
                continue  # a place, nationality, head or title alone names no person
            k = next((k for k in range(a + 1, z - 1) if forms[k] in lex.given_ar), None)
            if k is not None and not any(_name_word(f, lex, _LISTED_MIN) for f in forms[a:k]):
                a = k  # words before a given name that are no name words: جازان طارق الرفاعي
            z = _family_nisba_end(forms, a, z, lex)
            k = next((k for k in range(a + 1, z) if _and_name(forms[k], lex)), None)
            if k is not None and not (k == a + 1 and forms[a] in lex.given_ar):
                # "ميسي ونيمار": two persons; after a given name alone the word is its
                # family name (مبارك واكاسو)
                out.append((a, k, kind))
                a = k
        elif kind in ("ORG", "LOC"):
            while z - a > 1 and (forms[z - 1],) in lex.titles_ar:
                z -= 1  # a title after the organisation is the holder's (جامعة تبوك الدكتور)
            k = next((k for k in range(a + 1, z - 1) if _starts_person(forms, k, lex)), None)
            if k is not None:
                out.append((a, k, kind))
                a, kind = k, "PER"
        if z > a:
            out.append((a, z, kind))
    return out


def _and_name(form: str, lex: Lexicon) -> bool:
    """A segment that is و + a name no table lists and the training text never holds
    (``ونيمار``): inside a person span it starts a second person.

    Example:
        >>> _and_name("ونيمار", lexicon()), _and_name("وليد", lexicon())
        (True, False)
    """
    vocab = vocabulary()
    return (
        form.startswith(_AND)
        and len(form) > _AND_REST_MIN
        and form not in vocab
        and form[1:] not in vocab
        and form not in lex.given_ar
        and form not in lex.name_ar
    )


def _family_nisba_end(forms: Sequence[str], a: int, z: int, lex: Lexicon) -> int:
    """End of a person span [a, z) that runs past a family name in -ي (article, stem, -ي;
    no nationality, place or title) into words without the article: the name ends at the
    nisba (``اللواء [الغامدي] هديه``). A second nisba goes on (``الغامدي الزهراني``).

    Example:
        >>> _family_nisba_end(["الغامدي", "هديه", "عباره"], 0, 2, lexicon())
        1
        >>> _family_nisba_end(["سعيد", "الغامدي", "الزهراني"], 0, 3, lexicon())
        3
    """
    for k in range(a, z - 1):
        w = forms[k]
        if (
            w.startswith("ال")
            and w.endswith("ي")
            and len(w) >= FAMILY_NISBA_MIN
            and not _not_name(w, lex)
            and not any(f.startswith("ال") for f in forms[k + 1 : z])
        ):
            return k + 1
    return z


def _starts_person(forms: Sequence[str], k: int, lex: Lexicon) -> bool:
    """A given name inside an organisation or place span, not after a title or a joiner."""
    w, prev = forms[k], forms[k - 1]
    given = w in lex.given_ar or (w in lex.name_ar and not w.startswith("ال"))
    return (
        given
        and w not in lex.name_risky_ar
        and (prev,) not in lex.titles_ar
        and prev not in _join()
        and prev not in lex.name_ar
    )


def _name_word(form: str, lex: Lexicon, listed: int = 1) -> bool:
    """A given name, a joiner or a word of at least ``listed`` listed names."""
    return form in lex.given_ar or lex.name_ar.get(form, 0) >= listed or form in _join()


# Listed names a word before a given name must be part of to stay in a person span
# (a place or body word listed once, ``جازان``, goes).
_LISTED_MIN = 2


def _not_name(form: str, lex: Lexicon) -> bool:
    """A word that starts no person's name: a place, a nationality, a head, a title or
    a word that introduces a name (words.tsv ``name_cue_ar``: اللاعب، زميلي)."""
    bare = form[2:] if form.startswith("ال") else form
    return (
        (form,) in lex.places_ar
        or bare in lex.nationality_ar
        or form in lex.org_heads_ar
        or (form,) in lex.titles_ar
        or form in word_set("name_cue_ar")
    ) and form not in lex.given_ar


def nationality_of_place(form: str, lex: Lexicon) -> bool:
    """A definite adjective made of a listed place's name (``الهندي`` of الهند,
    ``السويسري`` of سويسرا, ``الإسباني`` of إسبانيا, ``البنغلاديشية`` of بنغلاديش),
    normalised or not.

    Example:
        >>> nationality_of_place("الهندي", lexicon())
        True
        >>> nationality_of_place("الاسباني", lexicon())
        True
        >>> nationality_of_place("الغامدي", lexicon())
        False
    """
    if not form.startswith("ال"):
        return False
    bare = form[2:]
    for ending in nisba_endings():
        if bare.endswith(ending):
            stem = bare[: -len(ending)]
            break
    else:
        return False
    if len(stem) < _NATION_STEM_MIN:
        return False
    places = lex.places_ar
    return any((p,) in places for p in (stem, stem + "ا", stem + "يا", "ال" + stem))


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The model's ``(start, end, kind)`` spans within ``text[start:end]`` (one sentence).

    Raises:
        ExtraMissingError: the ``ner`` extra is not installed.
    """
    return _tag_sentence(segment(text, start, end))


def predict(text: str) -> list[tuple[int, int, str]]:
    """Persons, organisations and places the model reads in an Arabic text.

    Args:
        text: any text; sentences are tagged one by one.

    Returns:
        ``(start, end, kind)`` character spans in text order, ``kind`` one of
        ``person``, ``organization``, ``place``; proclitics stay outside the spans.

    Raises:
        ExtraMissingError: the ``ner`` extra is not installed.

    Example:
        >>> text = "وقال وزير الخارجية الفرنسي لوران فابيوس إن الاتفاق تاريخي"
        >>> [(text[s:e], k) for s, e, k in predict(text)]  # doctest: +SKIP
        [('لوران فابيوس', 'person')]
    """
    if not isinstance(text, str):
        raise TypeError(f"predict() needs a text, got {type(text).__name__}")
    load_tagger()
    doc = Document("predict", text, "ar")
    sents = [segment(text, *sent) for sent in sentences(doc)]
    spans = _propagate(sents, [_tag_segments(segs) for segs in sents])
    return [
        (_after_and(text, segs[a], k), segs[z - 1].end, _KINDS[k])
        for segs, sp in zip(sents, spans, strict=True)
        for a, z, k in sp
    ]


def _after_and(text: str, seg: Seg, kind: str) -> int:
    """Start of a person span whose first segment is و + a name no table lists and the
    training text never holds (``ميسي ونيمار``: the conjunction is not the name's): one
    letter on; the segment's start otherwise.

    Example:
        >>> _after_and("ونيمار", Seg(0, 6, "ونيمار"), "PER")
        1
        >>> _after_and("وليد", Seg(0, 4, "وليد"), "PER")
        0
    """
    if (
        kind != "PER"
        or text[seg.start : seg.start + 1] != _AND
        or not _and_name(seg.form, lexicon())
    ):
        return seg.start
    return seg.start + 1


def refine(document: Document, rule_mentions: Iterable[Mention]) -> list[Mention]:
    """The rules' mentions plus the model's Arabic spans that no rule mention overlaps.

    The rules win wherever they read something (titles, ranks, roles, known names,
    organisations of the gazetteer); the model adds untitled and foreign names. Added
    mentions carry ``attrs["source"] == "model"``.

    Args:
        document: the document the mentions index into.
        rule_mentions: mentions found by the rules.

    Returns:
        All mentions in text order.

    Example:
        >>> from nasab.extraction import extract
        >>> d = Document("d", "وصرح فابيوس للإذاعة", "ar")
        >>> [m.text for m in refine(d, extract(d).mentions)]  # doctest: +SKIP
        ['فابيوس']
    """
    kept = list(rule_mentions)
    taken = sorted((m.start, m.end) for m in kept)
    added: list[Mention] = []
    bounds = sentences(document)
    for start, end, kind in predict(document.text):
        if _overlaps(taken, start, end):
            continue
        sent = next((b for b in bounds if b[0] <= start < b[1]), (0, len(document.text)))
        text = document.text[start:end]
        added.append(
            Mention(document.id, start, end, text, kind, "ar", sent, text, {"source": "model"})  # type: ignore[arg-type]
        )
    return sorted([*kept, *added], key=lambda m: (m.start, m.end, m.kind))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < z for a, z in spans)
