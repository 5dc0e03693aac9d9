"""Arabic rules: title and role triggers followed by a name, organisation heads in
construct state, gazetteers, proclitics and given names.

Arabic has no capitals, so a name is read only after a trigger (``رئيس الوزراء``,
``اللواء``, ``المتحدث باسم``...), or from a known given name followed by a name
token, or as a known name (see :func:`nasab.extraction.extract`); or from runs of two or
more listed name words (``name_words.tsv``; names that are also ordinary words,
كريم، سعيد، جميل..., count only beside another name), one listed name word after a
speech verb (وقال X), or a bare name word of a person read earlier in the document.
The proclitics و ف ب ل ك are kept outside the spans.

Example:
    >>> from nasab.extraction import extract, Document
    >>> ex = extract(Document("d", "وأكد اللواء محمد الزيدي ان جهاز الامن الوطني نفذ العملية", "ar"))
    >>> [(m.text, m.kind) for m in ex.mentions]
    [('محمد الزيدي', 'person'), ('جهاز الامن الوطني', 'organization')]
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache

from ..lexicon import (
    din_forms,
    feminine_endings,
    kunya_markers,
    name_endings_ar,
    nisba_endings,
    patronymic_markers,
    titles,
    word_list,
    word_set,
)
from ..text import normalize_arabic
from ._builder import Builder
from ._lex import Lexicon, TitleInfo
from ._tokens import Tok
from .arabic_ner import (
    ARABIC_MARKS,
    FAMILY_NISBA_MIN,
    conjunction_clitics,
    known_words,
    nationality_of_place,
    preposition_clitics,
    pronoun_suffixes,
    segment,
    vocabulary,
)

__all__ = ["arabic_stems", "extract_sentence_ar", "title_references_ar"]


@cache
def _stop() -> frozenset[str]:
    """Words that never start or continue a name: function words, alias markers and intros."""
    return word_set("stop_ar") | word_set("alias_marker_ar") | word_set("alias_intro_ar")


# Rules whose mentions take the statistical model's bounds where the two disagree (the
# title and role words themselves, gazetteer and alias names keep the rules' reading).
# Most words (words.tsv ``role_joiner_ar``: المتحدث باسم ...) between a role and its holder.
_ROLE_GAP = 2
# Words after a person-led head (حكومة) where the person's name may start: right after
# it or after one adjective (حكومة جديدة ...).
_PERSON_LED_REACH = 2
# The joining word that carries a role on into its body (المتحدث الرسمي باسم ...).
_SPOKESMAN_JOINER = "باسم"
# آل (the house of), normalised: "آل سعود" closes a name.
_FAMILY = "ال"
# Words of a role's complement (its object noun phrase) that may stand between a role
# and its holder: "مدير عام فرع وزارة العدل بمنطقة الرياض".
_COMPLEMENT_MAX = 6
# Adjectives after a sovereign's name that still belong to a place named after him.
_SOVEREIGN_ADJ = 2
# Words after a sovereign's title searched for the name it introduces.
_REFERENCE_LOOKAHEAD = 3
# Adjectives after an organisation's definite head word, and after its complement.
_ORG_ADJ = 2
# Adjectives after a body's definite head that a role names (اللجنة الأولمبية العربية السعودية).
_BODY_ADJ = 3
# Shortest definite nisba (letters, with the article) read as a body's adjective.
_NISBA_MIN = 6
# Definite nouns joined by و that may go on with a body's name (والأوقاف والدعوة والإرشاد).
_COORDINATED_MAX = 3
# Words of a full name (given, بن, father, family) whose family name a bare model
# mention refers to.
_NASAB_NAME_MIN = 3
# The bracket before a person's other name (الرئيس أبو X (Y Z)).
_OPEN_BRACKETS = frozenset(["("])
# Shortest stem (letters) of a sound masculine plural (اللاعبين), which names people.
_PLURAL_STEM_MIN = 3
# Punctuation that may stand between a role and its holder.
_GAP_MARKS = frozenset(["،", ",", '"', "«", "»", "“", "”"])
# Listed names a word must be part of to count as a name word when it grows a name.
_NAME_WORD_MIN = 2
# Shortest unseen word (letters) read as the proper noun of a body's name.
_PROPER_MIN = 4
# Shortest word (letters), and most words, of a foreign name after a title that no name
# table lists (المدرب الروماني لازلو بولوني).
_FOREIGN_MIN = 3
_FOREIGN_MAX = 4
# An imperfect verb in the dual or plural (يوافقان، تعملون): its prefix letters and endings.
_IMPERFECT_PREFIXES = "يت"
_VERB_PLURAL_ENDINGS = ("ان", "ون")
# Endings of a sound masculine plural (العاملين، المغتربون): persons, no ministry's portfolio.
_PERSON_PLURAL_ENDINGS = ("ين", "ون")
# The prefixes of Arabic participles of the derived forms X (مستعد) and V/VI (متوقع, in
# the accusative متوقعا), which no foreign name in Arabic script starts with.
_PARTICIPLE_X = "مست"
_PARTICIPLE_V = "مت"
# Marks after which one unseen word alone may be such a name (المهاجم الفنزويلي X،).
_LONE_NAME_END = frozenset(["،", ",", "."])
# Brackets and quotes around an organisation's short name right after it, and the
# most words inside (منظمة الدول المصدرة للبترول "أوبك").
_SHORT_NAME_QUOTES = {
    "(": frozenset([")"]),
    '"': frozenset(['"']),
    "«": frozenset(["»"]),
    "“": frozenset(["”"]),
}
_SHORT_NAME_MAX = 3
# at most so many words between an organisation and the comma before an alias marker
_KNOWN_AS_GAP = 2
# Fewest letters of a Latin acronym there (a lone capital, (A), labels a list item).
_ACRONYM_MIN = 2
# Words of a role's complement skipped before its holder's given name.
_COMPLEMENT_SKIP = 2
# Longest role phrase (words) looked for after a name (``الممثل الخاص للأمين العام``).
_ROLE_PHRASE_MAX = 4
# Shortest article word (letters, with the article) read as an unseen family name.
_UNSEEN_FAMILY_MIN = 5
# Shortest role word in the accusative (letters, with the alif of the case ending).
_ACCUSATIVE_MIN = 4
# Most words of a name between an appointment verb and the role in the accusative.
_ACCUSATIVE_NAME_MAX = 4
# Unseen words after a company name's first word (شركة اندرادي جوتيريز).
_COMPANY_WORDS = 3
# Words between an organisation head and a quoted name, and words inside the quotes.
_QUOTE_GAP = 4
_QUOTED_MAX = 4
# Words inside the quotes of an outlet told something (قال لـ«عكاظ»).
_TOLD_MAX = 2
# Round brackets, which also enclose that outlet's name (وأضاف لـ(عكاظ)).
_OPEN, _CLOSE = "(", ")"
# The preposition after a verb of publishing before the outlet (نشر في "الوطن").
_PUBLISHED_IN = "في"
# Distinct football words (words.tsv ``sports_cue_ar``) that make a document a sports
# text, where a listed club's name alone (``club_ar``: الهلال، النصر) is the club.
SPORTS_CUE_MIN = 3
_REBOUND_SOURCES = {
    "person": frozenset([None, "title", "given", "names", "cue", "document"]),
    "organization": frozenset(["head"]),
    "place": frozenset(),
}


@cache
def _patronymic() -> frozenset[str]:
    """Son/daughter of (بن، ابن، بنت): the patronymic particles that join a name."""
    return word_set("name_join_ar") & patronymic_markers("arab")


@cache
def _kunya() -> frozenset[str]:
    """The kunya markers (أبو، أم), normalised."""
    return frozenset(normalize_arabic(w) for w in kunya_markers("arab"))


@cache
def _family_kunya() -> frozenset[str]:
    """Father of (أبو، أبي), normalised: after a given name, the start of a family name."""
    return _kunya() - frozenset(["ام"])


@lru_cache(maxsize=262144)
def _norm(surface: str) -> str:
    return normalize_arabic(surface)


@lru_cache(maxsize=262144)
def arabic_stems(surface: str) -> tuple[tuple[int, str], ...]:
    """Readings of an Arabic token without proclitics: (offset in the surface, normalised stem).

    The first reading is the token as written; then و/ف, ب/ل/ك and their pairs
    stripped; ``لل`` (ل + the article) gives the stem with the article restored and
    its span starting after ``لل``.

    Example:
        >>> arabic_stems("ولجهاز")
        ((0, 'ولجهاز'), (1, 'لجهاز'), (2, 'جهاز'))
        >>> arabic_stems("للزبيدي")[-1]
        (2, 'الزبيدي')
    """
    norm = _norm(surface)
    letters = [
        i for i, c in enumerate(surface) if c not in ARABIC_MARKS
    ]  # surface index of each letter
    out = [(0, norm)]
    i = 0
    if len(norm) >= 4 and norm[0] in conjunction_clitics():
        i = 1
        out.append((letters[1] if len(letters) > 1 else 1, norm[1:]))
    if len(norm) - i >= 4 and norm[i] in preposition_clitics():
        if norm[i] == "ل" and norm[i + 1] == "ل" and len(norm) - i >= 5:
            out.append((letters[i + 2] if len(letters) > i + 2 else i + 2, "ال" + norm[i + 2 :]))
        else:
            out.append((letters[i + 1] if len(letters) > i + 1 else i + 1, norm[i + 1 :]))
    return tuple(out)


def _lookup(t: Tok, table: dict | frozenset | set) -> tuple[int, str] | None:
    for off, stem in arabic_stems(t.text):
        if stem in table:
            return off, stem
    return None


@cache
def _madda_title_words() -> frozenset[str]:
    """Normalised title words that titles.tsv writes only with an alif madda (آمر،
    الآمر): normalising leaves a bare alif, which a hamza word also becomes (الأمر, the
    matter), so a surface with a hamza on its alif is not that title."""
    spellings: dict[str, set[bool]] = {}
    for entry in titles():
        for form in entry.forms_ar:
            for word in form.split():
                spellings.setdefault(_norm(word), set()).add("آ" in word)
    return frozenset(w for w, madda in spellings.items() if madda == {True})


def _title_phrase_at(
    toks: list[Tok], i: int, lex: Lexicon
) -> tuple[int, int, tuple[str, ...]] | None:
    """:func:`_phrase_at` in the titles table, unless a word the table writes only with
    an alif madda is written with a hamza on its alif (``الأمر الذي``: no Commander)."""
    hit = _phrase_at(toks, i, lex.titles_ar, lex.title_max)
    if hit is None:
        return None
    end, off, _ = hit
    for k in range(i, end):
        surface = toks[k].text[off:] if k == i else toks[k].text
        if _norm(surface) in _madda_title_words() and ("أ" in surface or "إ" in surface):
            return None
    return hit


def _phrase_at(
    toks: list[Tok], i: int, table: dict, maxlen: int
) -> tuple[int, int, tuple[str, ...]] | None:
    """Longest phrase of ``table`` at token i (first token may carry proclitics): (end, offset, key)."""
    if not toks[i].arabic:
        return None
    prefixes = _prefixes(id(table), table)
    best = None
    for off, stem in arabic_stems(toks[i].text):
        parts: tuple[str, ...] = (stem,)
        if parts not in prefixes:
            continue
        if parts in table and (best is None or best[0] < i + 1):
            best = (i + 1, off, parts)
        for j in range(i + 1, min(len(toks), i + maxlen)):
            if not toks[j].arabic:
                break
            parts = (*parts, _norm(toks[j].text))
            if parts not in prefixes:
                break
            if parts in table and (best is None or best[0] < j + 1):
                best = (j + 1, off, parts)
    return best


_PLACE_ROLE_CACHE: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}


def _place_roles(titles: dict, geo: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Word -> the titles table's first key of two words, that word and a generic place
    word, when that key is a role (``امين`` -> ``(امين, منطقه)``: Mayor); cached per
    table."""
    hit = _PLACE_ROLE_CACHE.get(id(titles))
    if hit is None or hit[0] is not titles:
        first: dict[str, tuple[str, ...]] = {}
        for k in titles:
            if len(k) == 2 and k[1] in geo:
                first.setdefault(k[0], k)
        roles = {w: k for w, k in first.items() if titles[k].kind == "role"}
        hit = (titles, roles)
        _PLACE_ROLE_CACHE[id(titles)] = hit
    return hit[1]


_PREFIX_CACHE: dict[int, tuple[object, frozenset]] = {}


def _prefixes(key: int, table: dict) -> frozenset:
    """All proper and full prefixes of a phrase table's keys (cached per table)."""
    hit = _PREFIX_CACHE.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    out = frozenset(k[:n] for k in table for n in range(1, len(k) + 1))
    _PREFIX_CACHE[key] = (table, out)
    return out


def _is_article(stem: str) -> bool:
    return stem.startswith("ال") and len(stem) >= 4


@cache
def _adjective_endings() -> tuple[str, ...]:
    """The endings of a definite adjective after a name: a nisba, a feminine or a plural one."""
    return (*nisba_endings(), *feminine_endings(), "ين")


def _feminine(word: str) -> bool:
    """A word with a feminine ending (ta marbuta, normalised or not)."""
    return word.endswith(feminine_endings())


def _adjective(stem: str) -> bool:
    if stem in word_set("colour_ar"):
        return True  # "الهلال الأحمر": the colour is part of the name
    return (
        _is_article(stem)
        and stem not in _stop()
        and stem not in word_set("evaluative_ar")
        and stem.endswith(_adjective_endings())
    )


def _bare(word: str) -> str:
    """Without the article and a feminine/nisba ending (الوطنيه -> وطني)."""
    if _is_article(word):
        word = word[2:]
    for suffix in ("يه", "ه", "ين", "ات"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("ي" if suffix == "يه" else "")
    return word


def _construct(first: str, second: str) -> bool:
    """A noun in construct state before a definite word (``مصلحة الموانئ``): an unlisted
    first word ending in ة (normalised ه) followed by the article."""
    return _feminine(first) and not _is_article(first) and _is_article(second)


@lru_cache(maxsize=65536)
def _unseen(w: str) -> bool:
    """A normalised word the model's training text never holds, neither whole nor as a
    stem with clitics (``مهمته`` is مهمة + ه): a proper noun the tables may not list
    (also one the segmenter cuts by a listed name, ``بيار`` as ب + يار)."""
    vocab = vocabulary()
    if w in vocab or any(s.form in vocab for s in segment(w) if len(s.form) > 1):
        return False  # "وبحكومته": و + ب + حكومة + ه; "بيار" is cut only by the name tables
    if w.endswith("ا") and w[:-1] in vocab:
        return False  # "مستعدا": مستعد in the accusative
    for suffix in pronoun_suffixes():
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 2:
            # "مهمته": مهمة + ه, the ة written ت before the pronoun
            if stem in vocab or (stem.endswith("ت") and stem[:-1] + "ه" in vocab):
                return False
    return True


def _sound_plural(w: str) -> bool:
    """A definite sound masculine plural (``اللاعبين``, ``المواطنون``): a stem of at least
    ``_PLURAL_STEM_MIN`` letters before -ين / -ون; ``الفنون``, ``الشؤون``, ``الديون`` are
    broken plurals of two-letter stems (arts, affairs, debts).

    Example:
        >>> _sound_plural("اللاعبين"), _sound_plural("الفنون"), _sound_plural("الشؤون")
        (True, False, False)
    """
    bare = w[2:] if _is_article(w) else w
    return bare.endswith(("ين", "ون")) and len(bare) - 2 >= _PLURAL_STEM_MIN


def _word(t: Tok) -> str:
    """Normalised Arabic word ('' for other tokens); the preposition على stays apart from the name علي."""
    if not t.arabic:
        return ""
    if t.text in ("على", "وعلى", "فعلى"):
        return "على"
    return _norm(t.text)


# Per document: words of the person names read so far (a later bare "الزبيدي" or
# "رونالدو" names the same person).
_DOC_NAMES: weakref.WeakKeyDictionary[Builder, dict[str, str]] = weakref.WeakKeyDictionary()
# Per document: whether it writes a final ى as ي (words.tsv ``maqsura_as_ya_ar``: الي).
_DOC_YA: weakref.WeakKeyDictionary[Builder, bool] = weakref.WeakKeyDictionary()
# Per document: the definite word that names a club or newspaper after its head (``نادي
# الهلال``) -> the full name read (a later bare "الهلال" is that body).
_DOC_CLUBS: weakref.WeakKeyDictionary[Builder, dict[str, str]] = weakref.WeakKeyDictionary()
# Per document: the words of _DOC_CLUBS that are a company's proper name (``نيسان`` of
# ``شركة نيسان موتور كومباني``): a definite word after one does not make another body.
_DOC_COMPANIES: weakref.WeakKeyDictionary[Builder, set[str]] = weakref.WeakKeyDictionary()


# Per document: whether it is a sports text (SPORTS_CUE_MIN football words or more).
_DOC_SPORTS: weakref.WeakKeyDictionary[Builder, bool] = weakref.WeakKeyDictionary()


def _sports_text(b: Builder) -> bool:
    """Whether the document holds ``SPORTS_CUE_MIN`` distinct football words or more
    (words.tsv ``sports_cue_ar``, proclitics aside)."""
    if b not in _DOC_SPORTS:
        cues = word_set("sports_cue_ar")
        seen: set[str] = set()
        for word in set(b.doc.text.split()):
            seen.update(
                stem for _, stem in arabic_stems(word.strip(".,:;!?؟،؛()«»\"'")) if stem in cues
            )
        _DOC_SPORTS[b] = len(seen) >= SPORTS_CUE_MIN
    return _DOC_SPORTS[b]


def _and_clitic(surface: str, off: int) -> bool:
    """Whether the proclitics before ``off`` in an Arabic token start with a conjunction
    (``وأرسنال``, ``فالهلال``)."""
    return off > 0 and surface[:1] in conjunction_clitics()


@cache
def _club_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the listed club names (words.tsv ``club_ar``) it opens, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for name in word_list("club_ar"):
        words = tuple(_norm(w) for w in name.split())
        table.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(v, key=lambda x: (-len(x), x))) for w, v in table.items()}


class _Sentence:
    def __init__(self, b: Builder, toks: list[Tok], sent: tuple[int, int], lex: Lexicon) -> None:
        self.b, self.toks, self.sent, self.lex = b, toks, sent, lex
        self.taken = [False] * len(toks)
        self.known = _DOC_NAMES.setdefault(b, {})  # name word -> full name read
        # club word (or the last words of a longer club name) -> full name read
        self.clubs = _DOC_CLUBS.setdefault(b, {})
        self.companies = _DOC_COMPANIES.setdefault(b, set())
        self.pending: list[tuple] = []  # title chains whose holder no rule has read yet
        # the statistical model's person spans in the sentence; None when it did not read it
        self.model_persons: list[tuple[int, int]] | None = None
        self.model_others: list[tuple[int, int]] = []  # and its other spans

    def add(self, i: int, j: int, off: int, kind: str, **attrs) -> object:
        toks = self.toks
        for k in range(i, j):
            self.taken[k] = True
        start = toks[i].start + off
        if (
            kind != "person"
            and off
            and (off, "ال" + _norm(toks[i].text[off:])) in arabic_stems(toks[i].text)
        ):
            # "للمؤسسة العامة": ل + the article; the name keeps the article (المؤسسة العامة)
            attrs.setdefault("name", "ال" + self.b.doc.text[start : toks[j - 1].end])
        if kind == "person" and j - i == 1 and "refers_to" not in attrs:
            full = self.known.get(_norm(toks[i].text[off:]), "")
            if len(full.split()) >= 2:
                attrs["refers_to"] = full  # "وقال X": the family name of a person read before
        m = self.b.mention(start, toks[j - 1].end, kind, self.sent, language="ar", **attrs)
        if kind == "person" and j - i >= 2:
            self.remember(i, j, m.text, titled=attrs.get("source") == "title")
        return m

    def remember(self, i: int, j: int, full: str, *, titled: bool = False) -> None:
        """Keep the family name (last word) and a non-Arabic first name of a person read
        (with the full name, which a later bare word refers to). An article family name
        that is no nisba is kept only after a title and when the model's training text
        never holds it (``المهندس فهد المقحم`` ... ``المقحم``)."""
        lex = self.lex
        toks = self.toks
        last = _word(toks[j - 1])
        first = _word(toks[i])
        if not _unseen(first):  # "لازلو" is a name of its own, no ل + "ازلو"
            first = arabic_stems(toks[i].text)[-1][1]
        for w, ok in ((last, True), (first, first not in lex.given_ar)):
            if (
                ok
                and len(w) >= 3
                and (
                    not _is_article(w)
                    or w.endswith("ي")
                    or (titled and self._unseen_article_word(w))
                )
                and w not in word_set("name_join_ar")
                and w not in _stop()
                and w not in lex.name_risky_ar
                and (w,) not in lex.places_ar
                and w not in lex.org_heads_ar
            ):
                self.known.setdefault(w, full)

    def pending_roles(self) -> None:
        """Roles whose holder was read by a later rule: ``قائد ... الفريق كيفن ليهي``."""
        for pos, roles, role_ms, ranks, org in self.pending:
            if pos >= len(self.toks):
                continue
            t = self.toks[pos]
            pm = next(
                (
                    m
                    for m in self.b.mentions.values()
                    if m.kind == "person" and t.start <= m.start < t.end
                ),
                None,
            )
            if pm is None:
                continue
            self.link_roles(pm, roles, role_ms, ranks[-1] if ranks else None, org, "title-later")

    def link_roles(self, pm, roles, role_ms, rank, org, rule: str) -> None:
        """``holds_role`` from person ``pm`` to each role of a title chain."""
        for (_a, _z, _off, info), rm in zip(roles, role_ms, strict=True):
            extra = {"organization": org.name} if org is not None else {}
            self.b.relation(
                "holds_role",
                pm,
                rm,
                self.sent,
                role=info.en,
                role_ar=info.ar,
                rank=rank,
                rule=rule,
                **extra,
            )

    def late_roles(self) -> None:
        """A role no rule gave a holder: the next person after it when only an
        organisation, a place, honorifics, ranks and commas stand between (``المتحدث
        الرسمي باسم جامعة تبوك الدكتور محمد الثبيتي``), else a person right before it
        (``بيشي الصرخي المتحدث باسم ...``)."""
        b = self.b
        rels = self._sentence_relations()
        held = {r.object.span for r in rels if r.type == "holds_role" and r.object}
        ms = [m for m in b.within(*self.sent) if self.sent[0] <= m.start]
        for k, rm in enumerate(ms):
            if rm.kind != "role" or rm.span in held or "role" not in rm.attrs:
                continue
            found = self._holder_after(ms[k + 1 :], rm)
            if found is None and k > 0 and self._apposition(ms, k):
                found = (ms[k - 1], self._body_after(ms, k), None)
            if found is None and k > 0:
                found = self._chained(ms, k)
            if found is None:
                continue
            pm, org, rank = found
            extra = {"organization": org.name} if org is not None else {}
            b.relation(
                "holds_role",
                pm,
                rm,
                self.sent,
                role=rm.attrs["role"],
                role_ar=rm.attrs.get("role_ar"),
                rank=rank,
                rule="role-late",
                **extra,
            )
            held.add(rm.span)

    def _apposition(self, ms: list, k: int) -> bool:
        """Role ``ms[k]`` right after a person who holds no role and follows no role, set
        off by a comma or naming its organisation (``بيشي الصرخي المتحدث باسم الهلال
        الأحمر``); a bare role after a name is the object of a verb (``التقى تميم بن حمد
        الرئيس``)."""
        pm, rm = ms[k - 1], ms[k]
        gap = self.b.doc.text[pm.end : rm.start]
        if pm.kind != "person" or gap.strip(" ،,"):
            return False
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        after = self.b.doc.text[rm.end : nxt.start] if nxt is not None else ""
        names_org = nxt is not None and nxt.kind == "organization" and not after.strip()
        if not (
            "،" in gap
            or "," in gap
            or names_org
            or rm.text.endswith("باسم")
            or self._role_complement_after(rm)
            or self._construct_role(rm, nxt, after)
        ):
            return False
        if any(m.kind == "role" for m in ms[: k - 1]):
            return False
        return not any(
            r.type == "holds_role" and r.subject is pm for r in self._sentence_relations()
        )

    def _body_after(self, ms: list, k: int) -> object | None:
        """The organisation mention right after role ``ms[k]`` (nothing but spaces
        between): the body the role is of (``مرتضى منصور، رئيس الزمالك``)."""
        if k + 1 >= len(ms):
            return None
        rm, nxt = ms[k], ms[k + 1]
        if nxt.kind != "organization" or self.b.doc.text[rm.end : nxt.start].strip():
            return None
        return nxt

    def _construct_role(self, rm, nxt, after: str) -> bool:
        """Role ``rm`` is an indefinite head in construct with its complement, in several
        words (``وزير الداخلية``, ``أمير منطقة`` before the region's name): right after a
        name, the name's apposition, like :meth:`_role_complement_after`.

        Example:
            ``سعود بن نايف أمير منطقة تبوك``: Emir.
        """
        words = rm.text.split()
        if len(words) < 2 or words[0].startswith("ال"):
            return False
        follow = next((t for t in self.toks if t.start >= rm.end), None)
        if (
            follow is not None
            and follow.arabic
            and _word(follow)[2:] in self.lex.nationality_ar
            and not (self._closes_phrase(follow) and not self._verb_before(rm.start, "meeting_ar"))
        ):
            return False  # "رئيس الوزراء الفرنسي" after a name: another person's role
        if _is_article(normalize_arabic(words[-1])):
            return True
        return nxt is not None and nxt.kind == "place" and not after.strip()

    def _closes_phrase(self, t: Tok) -> bool:
        """Token ``t`` ends its phrase: a comma, a full stop, a function word (words.tsv
        ``stop_ar``: إن، في) or the sentence's end follows it (``X رئيس الوزراء القطري،
        ...``: the nationality closes the name's apposition, unless a meeting verb makes
        the role its object, ``التقى X رئيس الوزراء القطري``; before a name, ``رئيس
        الوزراء الفرنسي Y``, the role is Y's)."""
        k = self.toks.index(t)
        if self._name_ends_at(k):
            return True
        return self.toks[k + 1].arabic and _word(self.toks[k + 1]) in _stop()

    def _name_ends_at(self, k: int) -> bool:
        """Token k is the last of the text, or a comma or a full stop follows it: a name
        read up to it ends there (``_LONE_NAME_END``)."""
        return k + 1 >= len(self.toks) or self.toks[k + 1].text in _LONE_NAME_END

    def _chained(self, ms: list, k: int) -> tuple | None:
        """(person, None, None) when role ``ms[k]`` follows, after a comma, another role
        (and its organisation or complement) held by a person named before it: ``X، وزير
        الصحة، رئيس مجلس الإدارة`` gives X both roles."""
        j = k - 1
        while j >= 0 and ms[j].kind in ("organization", "place"):
            j -= 1
        if j < 0 or ms[j].kind != "role":
            return None
        prev, rm = ms[j], ms[k]
        if not (
            self.b.doc.text[prev.end : rm.start].rstrip().endswith(("،", ","))
            or self._stacked_after_complement(prev, rm)
        ):
            return None
        holder = next(
            (
                r.subject
                for r in self._sentence_relations()
                if r.type == "holds_role" and r.object is prev and r.subject.end <= prev.start
            ),
            None,
        )
        if holder is None or not self._fair_gap(prev.end, rm.start)[0]:
            return None
        return holder, self._body_after(ms, k), None

    def _stacked_after_complement(self, prev, rm) -> bool:
        """Role ``rm``, an indefinite role in construct, right after the body in ل of the
        definite role ``prev`` (no comma): a second role of the same holder (``X الرئيس
        العام لرعاية الشباب رئيس اللجنة الأولمبية``)."""
        if not prev.text.startswith("ال") or rm.text.startswith("ال"):
            return False
        if not self._role_complement_after(prev):
            return False
        nxt = next((t for t in self.toks if t.start >= rm.end), None)
        return (
            nxt is not None
            and nxt.arabic
            and (_is_article(_word(nxt)) or self.taken[self.toks.index(nxt)])
            and _word(nxt) not in _stop()
            and _word(nxt)[2:] not in self.lex.nationality_ar
        )

    def _role_complement_after(self, rm) -> bool:
        """Role ``rm`` goes on into its complement: ``باسم`` (``المتحدث الرسمي
        باسم ...``) or, after an indefinite role word in construct, a definite noun that
        is no nationality (``رئيس النادي``), or after a definite role, its body in ل
        (:meth:`_lam_complement`: ``الرئيس التنفيذي للمجموعة``) where no meeting verb
        (words.tsv ``meeting_ar``) comes before it. Such a role right after a name is the
        name's apposition; a bare definite role there, or one after a meeting verb, is a
        verb's object (``التقى X الرئيس``, ``التقى X الرئيس التنفيذي للشركة``)."""
        nxt = next((t for t in self.toks if t.start >= rm.end), None)
        if nxt is None or not nxt.arabic:
            return False
        w = _word(nxt)
        if w == _SPOKESMAN_JOINER:
            return True
        if rm.attrs.get("role") in word_set("principal_role_en"):
            k = self.toks.index(nxt)
            hit = self.title(k)
            if hit is not None and hit[2].kind in ("title", "honorific"):
                return True  # "مستشار خادم الحرمين الشريفين": the principal named by title
        if rm.text.startswith("ال"):
            if w in word_set("role_tense_ar") or (
                _is_article(w)
                and w not in _stop()
                and w not in word_set("relative_ar")
                and w[2:] not in self.lex.nationality_ar
            ):
                # "المدير السابق للاختبارات", "الرئيس العام لرعاية الشباب": a former or
                # current holder, or an adjective of the role, then the body
                k = self.toks.index(nxt) + 1
                if k >= len(self.toks) or not self.toks[k].arabic:
                    return False
                nxt = self.toks[k]
            return self._lam_complement(nxt) and not self._verb_before(rm.start, "meeting_ar")
        return _is_article(w) and w not in _stop() and w[2:] not in self.lex.nationality_ar

    def _lam_complement(self, t: Tok) -> bool:
        """Token ``t`` is ل before a definite noun or an organisation head word: the body
        a definite role is of (``الرئيس التنفيذي للمجموعة``, ``... لشركة عقارية``).

        Example:
            ``بوب دادلي الرئيس التنفيذي للمجموعة``: the role is the name's apposition.
        """
        if not t.text.startswith("ل"):
            return False
        k = self.toks.index(t) + 1
        after = _word(self.toks[k]) if k < len(self.toks) else ""
        return any(
            off >= 1
            and st not in _stop()
            and st[2:] not in self.lex.nationality_ar
            and (
                _is_article(st)
                or st in self.lex.org_heads_ar
                # a noun in construct: "الرئيس السابق لسلطة الطيران المدني"
                or (_construct(st, after) and after not in _stop())
            )
            for off, st in arabic_stems(t.text)
        )

    def _verb_before(self, pos: int, table: str) -> bool:
        """Whether a verb of words.tsv list ``table`` stands in this sentence before
        offset ``pos``, outside a person's name (``meeting_ar``: التقى، استقبل)."""
        verbs = word_set(table)
        for t in self.toks:
            if t.end > pos:
                break
            if not t.arabic or self.b.overlaps(t.start, t.end, ("person",)) is not None:
                continue
            if any(st in verbs for _, st in arabic_stems(t.text)):
                return True
        return False

    def _sentence_relations(self) -> list:
        """Relations of this sentence (the latest ones: sentences are read in order)."""
        out = []
        for r in reversed(self.b.relations):
            if r.sentence != self.sent:
                break
            out.append(r)
        return out

    def _holder_after(self, rest, rm) -> tuple | None:
        """(person, organisation, rank) after role mention ``rm`` across an allowed gap;
        also across a second role after ``rm``'s complement where ``rm`` is a speech
        verb's subject (:meth:`_stacks_roles`: ``وأكد أمير منطقة تبوك رئيس مجلس التنمية
        السياحية الأمير X``: both roles are X's; the second role's body is not ``rm``'s)."""
        org = rank = None
        pos = rm.end
        stack, second = self._stacks_roles(rm), False
        for m in rest:
            joined = self._joined_by_and(m) if m.kind == "role" and not second else None
            ok, gap_rank = self._fair_gap(pos, m.start if joined is None else joined)
            if not ok:
                return None
            rank = gap_rank or rank
            if m.kind == "person":
                if second and self._joined_by_and(m) is not None:
                    return None  # "رئيس المركز ورئيس البلدية ومديري ...": a list of people
                return m, org, rank
            if m.kind == "role":
                if second or not (
                    (stack or joined is not None) and self.b.doc.text[rm.end : m.start].strip()
                ):
                    return None
                second = True  # a second role, after rm's complement
            elif m.kind == "organization" and org is None and not second:
                org = m
            pos = max(pos, m.end)
        return None

    def _joined_by_and(self, m) -> int | None:
        """Where the و before mention ``m`` starts, attached (``ومدير``) or written apart
        (``و مدير``): a role joined to the role before it, held by the same person; None
        when no و stands there."""
        for k, t in enumerate(self.toks):
            if t.start <= m.start < t.end:
                if m.start > t.start:
                    return t.start if self.b.doc.text[t.start : m.start] == "و" else None
                if k > 0 and self.toks[k - 1].text == "و":
                    return self.toks[k - 1].start
                return None
        return None

    def _stacks_roles(self, rm) -> bool:
        """Role ``rm`` opens its sentence or follows a speech verb (words.tsv ``speech_ar``),
        a verb whose object is an event or a thing (``event_verb_ar``: افتتح، اختتم) or a
        preposition that governs one noun phrase (``role_stack_cue_ar``: من، عن): a
        second role after its complement is then the same subject's, not a verb's object
        (``استقبل أمير المنطقة رئيس الهيئة``: two people)."""
        before = [t for t in self.toks if t.end <= rm.start]
        if not before:
            return True
        prev = before[-1]
        if prev.arabic and _word(prev) in word_set("role_stack_cue_ar"):
            return True  # "بدعم من أمير المنطقة رئيس المجلس الأمير X": one noun phrase
        verbs = word_set("speech_ar") | word_set("event_verb_ar")
        return prev.arabic and any(st in verbs for _, st in arabic_stems(prev.text))

    def _fair_gap(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether only honorifics, ranks, commas and quotes, at most ``_ROLE_GAP``
        joining words and at most ``_COMPLEMENT_MAX`` words of the role's complement
        (``مدير المستشفى والقطاع الصحي``, ``المتحدث باسم مصلحة الجمارك``) stand in
        [start, end); and the rank among them."""
        gap = [t for t in self.toks if start <= t.start and t.end <= end]
        words = complement = 0
        rank = None
        for t in gap:
            if t.text in _GAP_MARKS:
                continue
            if not t.arabic:
                return False, None
            info = next(
                (
                    self.lex.titles_ar[(st,)]
                    for _, st in arabic_stems(t.text)
                    if (st,) in self.lex.titles_ar
                ),
                None,
            )
            if info is not None:
                rank = info.en if info.kind == "rank" else rank
                continue
            if _word(t) in word_set("role_joiner_ar"):
                words += 1
                if words > _ROLE_GAP:
                    return False, None
                continue
            nxt = self._next_across_quote(t)
            if not self._complement_word(t, nxt):
                return False, None
            complement += 1
            if complement > _COMPLEMENT_MAX:
                return False, None
        return True, rank

    def _next_across_quote(self, t: Tok) -> Tok | None:
        """The token after ``t``; across an opening quote when an organisation's quoted
        name follows (``مجموعة «...»``: the noun is in construct with that name)."""
        nxt = next((u for u in self.toks if u.start >= t.end), None)
        if nxt is None or nxt.text not in _GAP_MARKS:
            return nxt
        named = next((u for u in self.toks if u.start >= nxt.end), None)
        if named is not None and self.b.overlaps(named.start, named.end, ("organization",)):
            return named
        return nxt

    def _complement_word(self, t: Tok, nxt: Tok | None) -> bool:
        """A word of a role's complement: a definite word (also after و ب ل ك), or a noun
        in construct before one (``مصلحة الجمارك``, ``حقوق الإنسان``), or before a second
        noun in construct before one (``وتطوير بيئة العمل``)."""
        stems = [st for _, st in arabic_stems(t.text)]
        if any(
            (st in _stop() and not self._admin_word(st)) or st in word_set("speech_ar")
            for st in stems
        ):
            return False
        if any(_is_article(st) for st in stems):
            return True
        if nxt is None or not nxt.arabic:
            return False
        if self.b.overlaps(nxt.start, nxt.end, ("organization", "place")) is not None:
            return True  # "فرع وزارة العدل": a noun in construct with the role's body
        if any(
            _is_article(st) and (st not in _stop() or self._admin_word(st))
            for _, st in arabic_stems(nxt.text)
        ):
            return True
        # a chain of two nouns in construct before a definite word: "وتطوير بيئة العمل"
        k = self.toks.index(nxt) + 1
        after = self.toks[k] if k < len(self.toks) else None
        return (
            _construct(_word(nxt), _word(after) if after is not None and after.arabic else "")
            and _word(nxt) not in _stop()
            and _word(after) not in _stop()
            and self.b.overlaps(after.start, after.end, ("person",)) is None
        )

    def _admin_word(self, st: str) -> bool:
        """A definite administrative word (``المنطقة``, ``المحافظة``): a complement word
        though it never starts a name."""
        return _is_article(st) and st[2:] in self.lex.geo_before_ar

    def known_names(self) -> None:
        """A single word that is a name word of a person read earlier in the document;
        not the last word of a longer name the statistical model reads here (``منبر صلاح
        الدين الأيوبي`` after ``الأيوبي`` was read: the model's whole name, not the echo)."""
        if not self.known:
            return
        for i, t in enumerate(self.toks):
            if self.taken[i] or not t.arabic or _word(t) in _stop() or self._ya_preposition(i):
                continue  # the preposition على is no back-reference to a person named علي
            prev = self.toks[i - 1] if i else None
            if prev is not None and self.b.overlaps(prev.start, prev.end, ("role",)):
                continue  # "الرئيس المصري": after a role, a nisba-like word is a nationality
            for off, stem in arabic_stems(t.text):
                if stem not in self.known:
                    continue
                if self._free_model_name(i):
                    break  # the model's longer name, read by :meth:`model`
                full = self.known[stem]
                attrs = {"refers_to": full} if len(full.split()) >= 2 else {}
                end = self._full_name_end(i, stem, full)
                son = self._son_of_known(i, stem, full) if off == 0 else None
                start, off = (i - 1, son) if son is not None else (i, off)
                self.add(start, end, off, "person", source="document", **attrs)
                break

    def _free_model_name(self, i: int) -> bool:
        """Token i ends or lies inside a person the statistical model reads from an
        earlier word on, on tokens no rule took, whose words before it are name words
        (given names, joiners, listed name words, الدين, an article + a given name):
        :meth:`model` makes it a mention (``بجوار X`` is none)."""
        toks, t = self.toks, self.toks[i]
        for a, z in self.model_persons or ():
            if not (a < t.start and t.end <= z):
                continue
            inside = [k for k, u in enumerate(toks) if a <= u.start < z]
            if not any(self.taken[k] for k in inside) and all(
                self._name_lead(_word(toks[k])) for k in inside if k < i
            ):
                return True
        return False

    def _name_lead(self, w: str) -> bool:
        """A word that may stand before a person's family name in his name."""
        given = self.lex.given_ar
        return (
            w in given
            or w in word_set("name_join_ar")
            or self._name_word(w)
            or w in din_forms("arab")
            or (_is_article(w) and w[2:] in given)
        )

    def _son_of_known(self, i: int, stem: str, full: str) -> int | None:
        """Offset of a patronymic particle (ابن) standing right before the known word at
        token i when the person's full name holds that word after a patronymic (``ابن
        محيا`` after ``سعيد بن محيا``: a man called by his family's name): the reference
        is written with the particle. ``None`` otherwise."""
        if i == 0 or self.taken[i - 1] or not self.toks[i - 1].arabic:
            return None
        words = [_norm(w) for w in full.split()]
        if not any(a in _patronymic() and b == stem for a, b in itertools.pairwise(words)):
            return None
        return next(
            (off for off, st in arabic_stems(self.toks[i - 1].text) if st in _patronymic()),
            None,
        )

    def _full_name_end(self, i: int, stem: str, full: str) -> int:
        """End of the known name at token i: the whole name when it is written out again
        from its first word (``X Y`` ... ``X Y``), else the one word."""
        toks, words = self.toks, [_norm(w) for w in full.split()]
        end = i + len(words)
        if (
            len(words) < 2
            or stem != words[0]
            or end > len(toks)
            or any(
                self.taken[k] or _word(toks[k]) != w
                for k, w in zip(range(i + 1, end), words[1:], strict=True)
            )
        ):
            return i + 1
        return end

    # ---------------------------------------------------------------- pieces
    def title(self, i: int) -> tuple[int, int, TitleInfo] | None:
        hit = _title_phrase_at(self.toks, i, self.lex) or self._title_before_place(i)
        if hit is None:
            return None
        hit = self._body_named_after(hit)
        return (
            self._deputy_title(i, hit)
            or self._joint_portfolio(hit)
            or (hit[0], hit[1], self.lex.titles_ar[hit[2]])
        )

    def _joint_portfolio(self, hit: tuple) -> tuple[int, int, TitleInfo] | None:
        """A role of a head and its definite complement that no row lists with the
        complements joined to it by و after it (``وزير التجارة والصناعة والمناجم``): the
        head's role over the whole phrase (Minister, not Minister of Trade). Only a role
        the table labels as the head's role of its complement (Minister of Trade); None
        otherwise, or when the word after و is a title (``وزير الدولة والمتحدث``), a place,
        a nationality or a plural of persons (``رئيس البلدية والعاملين``)."""
        end, off, key = hit
        toks, lex = self.toks, self.lex
        head = lex.titles_ar.get(key[:1])
        if len(key) != 2 or head is None or head.kind != "role" or not _is_article(key[1]):
            return None
        full = lex.titles_ar[key]
        if full.kind != "role" or not full.en.startswith(head.en + " of "):
            return None  # "رئيس البلدية" is Mayor, no President of a portfolio
        k = end
        while k < len(toks) and toks[k].arabic and not self.taken[k]:
            w = _word(toks[k])
            if not (w.startswith("و") and _is_article(w[1:])):
                break
            bare = w[1:]
            if (
                bare.endswith(_PERSON_PLURAL_ENDINGS)  # "والعاملين": persons
                or (bare,) in lex.titles_ar
                or (bare,) in lex.places_ar
                or self._nationality_word(bare)
            ):
                break
            k += 1
        return (k, off, head) if k > end else None

    def _title_before_place(self, i: int) -> tuple[int, int, tuple[str, ...]] | None:
        """A word that the titles table lists as a role only before a generic place word
        (``أمين منطقة``, ``أمين محافظة``: Mayor), right before a place read in the text:
        the role of that place, its generic word left out (``أمين الأحساء``, ``أمين
        جدة``). (end, offset, the table's key) or None."""
        toks, lex = self.toks, self.lex
        if i + 1 >= len(toks) or not toks[i].arabic or not toks[i + 1].arabic:
            return None
        place = self.b.overlaps(toks[i + 1].start, toks[i + 1].end, ("place",))
        if place is None or place.start != toks[i + 1].start:
            return None
        roles = _place_roles(lex.titles_ar, lex.geo_before_ar)
        for off, stem in arabic_stems(toks[i].text):
            if (stem,) in lex.titles_ar:
                return None  # a title on its own: the table's reading
            if stem in roles:
                return i + 1, off, roles[stem]
        return None

    def _body_named_after(self, hit: tuple) -> tuple:
        """The role phrase without its last word when that word is a body's definite head
        with an adjective after it: the adjective names the body, which is the role's
        organisation (``رئيس اللجنة الأولمبية الدولية`` is the president of the named
        committee, not ``رئيس اللجنة``, the chairman); ``hit`` otherwise."""
        end, off, key = hit
        toks, lex = self.toks, self.lex
        if len(key) < 2 or key[:-1] not in lex.titles_ar or end >= len(toks):
            return hit
        last = key[-1]
        if not (_is_article(last) and last[2:] in lex.org_heads_ar):
            return hit
        shorter, full = lex.titles_ar[key[:-1]], lex.titles_ar[key]
        if shorter.kind != "role" or shorter.en == full.en or not toks[end].arabic:
            return hit  # "مرشد الجمهورية الإسلامية": the same role either way
        nxt = _word(toks[end])
        if not self._body_adjective(nxt) or _feminine(nxt) != _feminine(last):
            return hit
        return end - 1, off, key[:-1]

    def _deputy_title(self, i: int, hit: tuple) -> tuple[int, int, TitleInfo] | None:
        """``نائب``/``نائبة`` (words.tsv ``deputy_ar``) before a role phrase longer than any
        row of titles.tsv read at token i: the deputy of that role (``نائبة وزير الخارجية``
        = Deputy Minister of Foreign Affairs), not a member of parliament who also holds it."""
        toks = self.toks
        if i + 1 >= len(toks) or not toks[i + 1].arabic:
            return None
        if _lookup(toks[i], word_set("deputy_ar")) is None:
            return None
        inner = _phrase_at(toks, i + 1, self.lex.titles_ar, self.lex.title_max)
        if inner is None or inner[0] <= hit[0] or inner[1] != 0:
            return None
        info = self.lex.titles_ar[inner[2]]
        if info.kind != "role":
            return None
        label = next(iter(sorted(word_set("deputy_label_en"))))
        ar = toks[i].text[hit[1] :]
        return inner[0], hit[1], TitleInfo("role", f"{label} {info.en}", f"{ar} {info.ar}")

    def org_construct(self, i: int) -> tuple[int, int] | None:
        """(end, offset) of ``HEAD noun... [ال-noun] [adjectives]`` at token i.

        The steps: the head (:meth:`_construct_head`); a company's name
        (:meth:`_company_name`); a proper name after the head
        (:meth:`_proper_after_head`); one definite word after a club or newspaper
        head; else the nouns up to the first definite one (:meth:`_open_construct`),
        the body's tail (:meth:`_body_tail`) and the evidence that it names an
        institution (:meth:`_institution_evidence`).
        """
        hit = self._construct_head(i)
        if hit is None or self._person_led(i, hit[1]):
            return None
        off, head = hit
        j = i + 1
        closed = _is_article(head)
        if not closed and head in word_set("company_head_ar"):
            end = self._company_name(j, feminine=_feminine(head))
            if end is not None:
                return end, off
        if not closed:
            end = self._proper_after_head(i)
            if end is not None:
                return end, off
        if not closed and head in word_set("club_head_ar") and self._club_name(j):
            return j + 1, off  # "نادي الهلال", "صحيفة الوطن": one definite word names it
        if head in word_set("name_head_ar"):
            return None  # "نادي" / "منتخب" without a name after it
        if not closed:
            opened = self._open_construct(i)
            if opened is None:
                return None  # indefinite: "منظمة بريطانية"، "لجنة عسكرية" name no body
            j, closed = opened, True
        j, adj = self._body_tail(j, head, closed)
        if _is_article(head) and adj == 0:
            return None  # a bare "الجيش" is a common noun
        if not self._institution_evidence(i, j, head):
            return None
        return j, off

    def _person_led(self, i: int, head: str) -> bool:
        """The head at token i names what a person leads or who follows him (words.tsv
        ``person_led_head_ar``: حكومة، خلافة) and a person's name comes after it, or after
        one adjective: a given name that is no ordinary word, or a person the statistical
        model reads (``حكومة إيهود أولمرت``، ``لخلافة كوفي أنان``). The name is the
        person's; no body is named."""
        toks, lex = self.toks, self.lex
        if head not in word_set("person_led_head_ar"):
            return False
        for j in range(i + 1, min(i + 1 + _PERSON_LED_REACH, len(toks))):
            if not toks[j].arabic:
                return False
            w = _word(toks[j])
            if (w in lex.given_ar and w not in lex.name_risky_ar) or any(
                a <= toks[j].start < z for a, z in self.model_persons or ()
            ):
                return True
        return False

    def _construct_head(self, i: int) -> tuple[int, str] | None:
        """(offset, head) of a body's head word at token i (``وزارة``, ``بالهيئة``);
        None where there is none, where a gazetteer name follows a type head (``تنظيم
        داعش``: the name is the mention) or where the head means "led by"
        (``بقيادة`` / ``برئاسة``, a preposition before a person)."""
        toks, lex = self.toks, self.lex
        if not toks[i].arabic:
            return None
        hit = _lookup(toks[i], lex.org_heads_ar)
        if hit is None:
            return None
        off, head = hit
        j = i + 1
        if (
            head in lex.ar_type_heads
            and j < len(toks)
            and _phrase_at(toks, j, lex.orgs_ar, lex.org_max)
        ):
            return None
        if head in word_set("led_by_ar") and off and _norm(toks[i].text)[off - 1] == "ب":
            return None
        return off, head

    def _proper_after_head(self, i: int) -> int | None:
        """End of a body named by a proper name after its head at token i (``نادي
        برشلونة``، ``جامعة ميريلاند``، ``منتخب العراق``), with the adjectives after it;
        None when the word after the head is no proper name. An unseen word counts only
        right after the head (``أمانة جازان``), so that a holder's name after ``رئيس
        إقليم كردستان`` is not read into the body; the body's nationality after its
        proper name is left out (``نادي مولودة النرويجي`` is نادي مولودة)."""
        toks, n = self.toks, len(self.toks)
        j = i + 1
        if not (j < n and toks[j].arabic and self._proper(_word(toks[j]), unseen=True)):
            return None
        j += 1
        while (
            j < n
            and j - i <= 4
            and toks[j].arabic
            and self._proper(_word(toks[j]))
            and not self._nationality_word(_word(toks[j]))
        ):
            j += 1
        named = j
        while (
            j < n
            and toks[j].arabic
            and self._body_adjective(_word(toks[j]))  # also الدولي, a stop word in names
            and not self._nationality_word(_word(toks[j]))
            and j - i <= 5
        ):
            j += 1
        if j > named and toks[j - 1].arabic and _is_article(_word(toks[j - 1])):
            # after the adjectives, the body's field (``مركز قطر الدولي للتوفيق والتحكيم``)
            k = self._name_complement(j)
            j = self._coordinated_nouns(k) if k > j else j
        return j

    def _open_construct(self, i: int) -> int | None:
        """End of the nouns after an indefinite head at token i up to and with the first
        definite one (``هيئة حقوق الإنسان``); None when no definite noun comes before a
        function word, title, one-letter word or a word with و, or right after the head."""
        toks, lex, n = self.toks, self.lex, len(self.toks)
        j = i + 1
        while j < n and j - i <= 4 and toks[j].arabic:
            w = _word(toks[j])
            if (
                w in _stop()
                or w in lex.titles_ar
                or (w,) in lex.titles_ar
                or len(w) < 2
                or w[:1] == "و"
            ):
                break
            j += 1
            if _is_article(w):
                return j
        return None

    def _body_tail(self, j: int, head: str, closed: bool) -> tuple[int, int]:
        """(end, adjectives read) of what goes on with a body's name from token j: up to
        two adjectives, then a coordinated institution word (``مديرية الاستخبارات
        ومكافحة الإرهاب``) or coordinated nouns (:meth:`_coordinated_nouns`), then a
        strong head's ل-complement (:meth:`_name_complement`)."""
        toks, lex, n = self.toks, self.lex, len(self.toks)
        adj = 0
        while j < n and adj < 2 and toks[j].arabic and _adjective(_word(toks[j])):
            j += 1
            adj += 1
        if (
            closed
            and j + 1 < n
            and toks[j].arabic
            and toks[j + 1].arabic
            and _word(toks[j]).startswith("و")
            and (
                _word(toks[j])[1:] in lex.org_cues_ar
                or _bare(_word(toks[j])[1:]) in lex.org_cues_ar
            )
            and _is_article(_word(toks[j + 1]))
            and _word(toks[j + 1]) not in _stop()
        ):
            j += 2
        elif closed and not _is_article(head):
            j = self._coordinated_nouns(j)
        if closed and not _is_article(head) and head in word_set("strong_head_ar"):
            j = self._name_complement(j)
        return j, adj

    def _institution_evidence(self, i: int, j: int, head: str) -> bool:
        """Whether tokens i..j name an institution, not a device or a form: a strong or
        company head, or an organisation cue word or a listed place after the head."""
        if head in word_set("strong_head_ar") or head in word_set("company_head_ar"):
            return True
        toks, lex = self.toks, self.lex
        cues = lex.org_cues_ar
        return any(
            _bare(_word(toks[k])) in cues or (_word(toks[k]),) in lex.places_ar
            for k in range(i + 1, j)
        )

    def _coordinated_nouns(self, j: int) -> int:
        """End of the definite nouns joined by و that go on with a body's name at token j,
        with a definite adjective after the last (``هيئة السياحة والتراث الوطني``,
        ``وزارة الشؤون الإسلامية والأوقاف والدعوة والإرشاد``, ``جمعية الثقافة
        والفنون``); j when none. No function word, word read already, nor a plural of
        persons (``مصلحة الرياضة واللاعبين``)."""
        toks, n = self.toks, len(self.toks)
        k = j
        while k < n and k - j < _COORDINATED_MAX and toks[k].arabic and not self.taken[k]:
            w = _word(toks[k])
            rest = w[1:]
            if not (
                w[:1] == "و"
                and _is_article(rest)
                and rest not in _stop()
                and rest not in word_set("relative_ar")
                and not _sound_plural(rest)
            ):
                break
            k += 1
        if k > j and k < n and toks[k].arabic and not self.taken[k] and _adjective(_word(toks[k])):
            k += 1
        return k

    def _name_complement(self, j: int) -> int:
        """End of a ل-complement of a body's name at token j (ل + the article) and the
        adjectives after it (``منظمة الدول المصدرة للبترول``, ``... للتنمية الصناعية``);
        j when none, or when it names people (``وزارة الصحة للمواطنين``: the ministry's
        addressees)."""
        toks, n = self.toks, len(self.toks)
        if j >= n or not toks[j].arabic or self.taken[j] or not self._complement_lam(j):
            return j
        w = _word(toks[j])
        if w.endswith(("ين", "ون")) or not w.startswith("لل"):
            return j  # ل + an indefinite noun is a purpose: "... لإعلان الجمعية"
        k = self._lam_complement_end(j)
        adj = 0
        while (
            k < n
            and adj < _ORG_ADJ
            and toks[k].arabic
            and not self.taken[k]
            and _adjective(_word(toks[k]))
        ):
            k += 1
            adj += 1
        return k

    def _nationality_word(self, w: str) -> bool:
        """A definite nationality adjective (``الأمريكية``), also one made of a listed
        place's name (``النرويجي`` of النرويج, ``الهولندي`` of هولندا)."""
        nat, places = self.lex.nationality_ar, self.lex.places_ar
        if not _is_article(w):
            return False
        bare = _bare(w)
        if w[2:] in nat or bare in nat:
            return True
        stem = bare[:-1] if bare.endswith("ي") else ""
        return (
            len(stem) >= 3 and ((stem,) in places or ("ال" + stem,) in places)
        ) or nationality_of_place(w, self.lex)

    def _club_name(self, j: int) -> bool:
        """Token j is one definite word that can name a club or a newspaper after its head
        (words.tsv ``club_head_ar``): no function word, title, nationality, adjective of a
        place, nor a word that goes on into a construct.

        Example:
            ``نادي الاتحاد`` is a club; ``نادي`` before ``الذي`` names nothing.
        """
        toks, lex = self.toks, self.lex
        if j >= len(toks) or not toks[j].arabic or self.taken[j]:
            return False
        w = _word(toks[j])
        return (
            _is_article(w)
            and len(w) >= _PROPER_MIN
            and w not in _stop()
            and (w,) not in lex.titles_ar
            and w[2:] not in lex.nationality_ar
            and w not in lex.org_heads_ar
            and not self._admin_word(w)  # "نادي العاصمة": the capital's club
        )

    def _company_name(self, j: int, *, feminine: bool) -> int | None:
        """End of a company's proper name at token j, right after its head (words.tsv
        ``company_head_ar``): ``شركة بوينج``, ``شركة صدارة للكيميائيات``, ``مجموعة بن
        لادن السعودية``, or None. The first word is a word the model never saw, or one
        that reads as no adjective agreeing with the head (``شركة كبرى``, ``بنك مركزي``),
        or any word when a ل-complement follows it; then unseen words, the complement and
        definite adjectives."""
        toks, n = self.toks, len(self.toks)
        if j >= n or not toks[j].arabic or self.taken[j]:
            return None
        w = _word(toks[j])
        if w in word_set("name_join_ar") and j + 1 < n and toks[j + 1].arabic:
            k = j + 2  # "مجموعة بن لادن"
        elif self._company_word(w) and not self._prefixed_word(toks[j]):
            k = j + 1
            unseen = w not in vocabulary() or (w,) in self.lex.places_ar
            complement = k < n and toks[k].arabic and self._complement_lam(k)
            adjective_like = _feminine(w) or toks[j].text.endswith(("ى", "ىً")) or not feminine
            if not (unseen or complement or not adjective_like):
                return None
            if (
                not (unseen or complement)
                and self._construct_goes_on(k)
                and not self._unseen_company_word(k + 1, j)
            ):
                return None  # "شركة خدمات حقول النفط": a construct, read as one
        else:
            return None
        while k < n and k - j < _COMPANY_WORDS and toks[k].arabic and not self.taken[k]:
            w = _word(toks[k])
            if not self._company_word(w) or w[:1] in ("ي", "ت"):
                break  # nor a verb in the imperfect (تسلّط)
            if w in vocabulary() and not self._unseen_company_word(k + 1, j):
                break  # no word of text, unless an unseen word of the name follows it
            k += 1
        if k < n and toks[k].arabic and self._complement_lam(k):
            k = self._lam_complement_end(k)
        adj = 0
        while k < n and adj < _ORG_ADJ and toks[k].arabic and _adjective(_word(toks[k])):
            k += 1
            adj += 1
        return k

    def _unseen_company_word(self, k: int, j: int) -> bool:
        """Token k, inside the ``_COMPANY_WORDS`` words of a company's name that starts at
        token j, is a word of it the model's training text never holds, so that the seen
        word before it is a word of the name too (``شركة نيسان موتور كومباني``)."""
        toks = self.toks
        if k >= len(toks) or k - j >= _COMPANY_WORDS or not toks[k].arabic or self.taken[k]:
            return False
        w = _word(toks[k])
        return self._company_word(w) and w[:1] not in ("ي", "ت") and _unseen(w)

    def _prefixed_word(self, t: Tok) -> bool:
        """A word of text behind a proclitic (``بحجم``: ب + حجم), no proper name."""
        vocab = vocabulary()
        return any(off and st in vocab for off, st in arabic_stems(t.text))

    def _construct_goes_on(self, k: int) -> bool:
        """Token k carries a construct on: an Arabic word that is no function word,
        definite adjective, ل-complement, word behind a proclitic or verb in the
        imperfect (``خدمات حقول النفط``; not ``بوينج بتسليم``)."""
        toks = self.toks
        if k >= len(toks) or not toks[k].arabic:
            return False
        w = _word(toks[k])
        if w in _stop() or _adjective(w) or self._complement_lam(k):
            return False
        # a noun in construct carries no proclitic and is no verb in the imperfect
        return not (self._prefixed_word(toks[k]) or w[:1] in ("ي", "ت"))

    def _company_word(self, w: str) -> bool:
        """A word that may be (part of) a company's proper name: no article, function
        word, title, head, nationality, speech verb or verb in the imperfect."""
        lex = self.lex
        bare = _bare(w)
        return (
            len(w) >= _PROPER_MIN - 1
            and not _is_article(w)
            and w[:1] not in conjunction_clitics()
            and w not in _stop()
            and (w,) not in lex.titles_ar
            and w not in lex.org_heads_ar
            and w not in lex.nationality_ar
            and bare not in lex.nationality_ar
            and w not in word_set("speech_ar")
            and not (w[:1] in ("ي", "ت") and len(w) >= _PROPER_MIN and w in vocabulary())
        )

    def quoted_orgs(self) -> None:
        """A quoted name after an organisation head and a few words describing it:
        ``شركة البناء الدولية العملاقة "أودبريشت"``, ``وشركة دولية ثانية هي "X"``. The
        quoted words (at most ``_QUOTED_MAX``) name the body."""
        toks, lex = self.toks, self.lex
        quotes = word_set("quote_mark")
        n = len(toks)
        for i, t in enumerate(toks):
            hit = _lookup(t, lex.org_heads_ar) if t.arabic else None
            if hit is None or _is_article(hit[1]):
                continue
            k = i + 1
            while k < n and k - i <= _QUOTE_GAP and toks[k].arabic and self._describes(toks[k]):
                k += 1
            if k >= n or toks[k].text not in quotes:
                continue
            c = k + 1
            while c < n and c - k <= _QUOTED_MAX and toks[c].arabic and not self.taken[c]:
                c += 1
            if c == k + 1 or c >= n or toks[c].text not in quotes:
                continue
            if _word(toks[k + 1]) in _stop() or self.b.overlaps(toks[i].start, toks[c].end):
                continue
            self.add(k + 1, c, 0, "organization", source="quoted")

    def told_outlets(self) -> None:
        """The outlet a speaker talks to: ``ل`` (``لـ``) and a name of at most ``_TOLD_MAX``
        words in quotes or round brackets, after a speech verb of the sentence (words.tsv
        ``speech_ar``): ``كشف لـ«عكاظ» رئيس الفريق``, ``وقال X لـ"الوطن"``, ``وأضاف
        لـ(عكاظ)``; the quoted outlet that speaks, right after the verb (``قالت
        «موندو ديبورتيفو»``, ``ونقلت «رويتر»``); and the quoted outlet that a verb of
        publishing (words.tsv ``publish_ar``) and في name (``ما نشر في "الوطن"``).

        Example:
            In ``وقال المدير لـ«عكاظ» إن`` the newspaper عكاظ is an organisation.
        """
        toks = self.toks
        quotes = word_set("quote_mark")
        if not any(t.text in quotes or t.text == _OPEN for t in toks):
            return  # no name in quotes or brackets
        speech, publish = word_set("speech_ar"), word_set("publish_ar")
        spoken = False
        for i, t in enumerate(toks):
            if t.arabic and _lookup(t, speech):
                spoken = True
                self._outlet_in_quotes(i + 1, speaker=True)  # قالت «موندو ديبورتيفو»:
            elif spoken and t.arabic and _word(t) == "ل":
                self._outlet_in_quotes(i + 1, speaker=False)
            elif (
                t.arabic
                and _lookup(t, publish)
                and i + 1 < len(toks)
                and toks[i + 1].arabic
                and _word(toks[i + 1]) == _PUBLISHED_IN
            ):
                self._outlet_in_quotes(i + 2, speaker=False)  # ما نشر في "الوطن"

    def _outlet_in_quotes(self, k: int, speaker: bool) -> None:
        """Read the name of at most ``_TOLD_MAX`` words in the quotes (or round brackets,
        unless ``speaker``) that open at token k as an outlet. A speaker's quoted name
        that may be a person's (a kunya or a given name first: قالت "أم منصور"; a word of
        a name the document read before; a name the document writes again: وأشار
        "الشريف" after ناصر بن سلطان الشريف) or a phrase ending in an adjective is left."""
        toks, n = self.toks, len(self.toks)
        quotes = word_set("quote_mark")
        if k >= n or not (toks[k].text in quotes or (toks[k].text == _OPEN and not speaker)):
            return
        c = k + 1
        while c < n and c - k <= _TOLD_MAX and toks[c].arabic and not self.taken[c]:
            c += 1
        if c == k + 1 or c >= n:
            return
        bracket = toks[k].text == _OPEN
        if not (toks[c].text == _CLOSE if bracket else toks[c].text in quotes):
            return
        first = _word(toks[k + 1])
        if first in _stop() or self.b.overlaps(toks[k + 1].start, toks[c - 1].end):
            return
        words = [_word(toks[x]) for x in range(k + 1, c)]
        if speaker and (
            first in _kunya()
            or first in self.lex.given_ar
            or any(w in self.known for w in words)
            or self.b.doc.text.count(self.b.doc.text[toks[k + 1].start : toks[c - 1].end]) > 1
            or (len(words) > 1 and _adjective(words[-1]))
        ):
            return
        self.add(k + 1, c, 0, "organization", source="told")

    def _describes(self, t: Tok) -> bool:
        """A word that may describe a body between its head and its quoted name: a definite
        adjective (``الدولية``), ``هي``, or a word that is no other function word, relative
        pronoun, speech verb or word joined by و (a second item)."""
        w = _word(t)
        if w in word_set("copula_ar") or (_is_article(w) and w not in word_set("relative_ar")):
            return True  # "هي"; a definite adjective (الدولية), not a relative pronoun
        return not (w in _stop() or w in word_set("speech_ar") or w[:1] == "و")

    def org_definite(self, i: int) -> tuple[int, int] | None:
        """(end, offset) of ``ال-HEAD adjective... لل-complement [adjective] [و-article word]`` at
        token i (``الشركة السعودية للكهرباء``, ``المجلس الأعلى للقضاء``, ``المؤسسة
        العامة للتدريب التقني والمهني``), or None. Without the complement a definite head
        and adjective is a description (``الشركة الأمريكية``), not a name; a place
        inside (``السعودية``) gives way."""
        toks, n = self.toks, len(self.toks)
        if not toks[i].arabic or self.taken[i]:
            return None
        off, head = next(
            ((o, st) for o, st in arabic_stems(toks[i].text) if _is_article(st)), (0, None)
        )
        if head is None or not (
            head[2:] in self.lex.org_heads_ar or head[2:] in word_set("strong_head_ar")
        ):
            return None
        if head[2:] in word_set("name_head_ar"):
            return None  # "المجموعة للمملكة": the group, a body only with a proper name
        j = i + 1
        while j < n and j - i <= _ORG_ADJ and toks[j].arabic and _adjective(_word(toks[j])):
            j += 1
        if j >= n or not toks[j].arabic or not self._complement_lam(j):
            return None
        lam_article = _word(toks[j]).startswith("لل")
        j += 1
        if not lam_article and j < n and toks[j].arabic and _is_article(_word(toks[j])):
            j += 1  # "الاتحاد السعودي لكرة القدم": the construct's definite word
        k = 0
        while j < n and k < _ORG_ADJ and toks[j].arabic:
            w = _word(toks[j])
            if not (
                _adjective(w) or (w[:1] == "و" and _is_article(w[1:]) and w[1:] not in _stop())
            ):
                break
            j += 1
            k += 1
        return (j, off) if self._absorb_places(i, j) else None

    def _absorb_places(self, i: int, j: int) -> bool:
        """Whether tokens [i, j) hold no mention but places (a nationality adjective read
        as a country: ``الشركة السعودية للكهرباء``), which are then dropped."""
        start, end = self.toks[i].start, self.toks[j - 1].end
        inside = self.b.within(start, end)
        if any(m.kind != "place" or m.start < start or m.end > end for m in inside):
            return False
        for m in inside:
            del self.b.mentions[m.span]
        return True

    def _absorb_adjective_places(self, i: int, j: int) -> bool:
        """Whether the taken tokens of [i, j) are only definite adjectives after its first
        two words, read as places (``شركة الاتصالات السعودية``); they are then dropped."""
        toks = self.toks
        if self.taken[i] or (i + 1 < j and self.taken[i + 1] and not self._place_after_head(i)):
            return False
        if not all(_adjective(_word(toks[k])) for k in range(i + 2, j) if self.taken[k]):
            return False
        return self._absorb_places(i, j)

    def _place_after_head(self, i: int) -> bool:
        """Token i is a body's head without the article and the gazetteer read the next
        token as a place: the place names the body (``جامعة القصيم``, ``منتخب العراق``)."""
        toks = self.toks
        if i + 1 >= len(toks) or not toks[i].arabic:
            return False
        hit = _lookup(toks[i], self.lex.org_heads_ar)
        if hit is None or _is_article(hit[1]):
            return False
        m = self.b.overlaps(toks[i + 1].start, toks[i + 1].end)
        return m is not None and m.kind == "place" and m.attrs.get("source") == "gazetteer"

    def _complement_lam(self, j: int) -> bool:
        """``للتدريب`` (ل + the article) or ``لمكافحة`` before a definite word."""
        toks = self.toks
        norm = _word(toks[j])
        if norm.startswith("لل") and len(norm) >= 5 and norm not in _stop():
            return True
        return (
            norm[:1] == "ل"
            and len(norm) >= 4
            and j + 1 < len(toks)
            and toks[j + 1].arabic
            and _is_article(_word(toks[j + 1]))
            and _word(toks[j + 1]) not in _stop()
        )

    def _proper(self, w: str, *, unseen: bool = False) -> bool:
        """A place, a listed non-Arabic name word or (with ``unseen``) a word the model's
        training text never holds (a proper noun in a body's name: ``أمانة جازان``)."""
        lex = self.lex
        if (w,) in lex.places_ar:
            return True
        vocab = vocabulary() if unseen else None
        if (
            vocab
            and len(w) >= _PROPER_MIN
            and not _is_article(w)
            and w not in vocab
            and w not in _stop()
            and w not in lex.given_ar
            and w[:1] not in conjunction_clitics()
        ):
            return True
        return (
            not _is_article(w)
            and w not in lex.given_ar
            and self._name_word(w)
            and w not in lex.name_risky_ar
            and lex.name_ar.get(w, 0) >= 2
        )

    def read_name(self, i: int, *, after_title: bool) -> int | None:
        """End index of a person name starting at token i, or None."""
        if not self._may_start_name(i):
            return None
        first = _word(self.toks[i])
        lex = self.lex
        given = (
            first in lex.given_ar
            or first in lex.given_words_ar
            or first in word_set("name_join_ar")
            or self._given_end(i) == i + 2  # "نور الدين"
        )
        if not after_title and not given:
            return None
        j = self._name_extent(i)
        if after_title and j == i + 1 and self._common_given_family(i):
            j += 1
        if self._unseen_family_closing(i, j):
            return j + 1  # given names and a foreign family name: "محمد رضا فرهمند."
        return j if self._name_ok(i, j, first, given, after_title) else None

    def _unseen_family_closing(self, i: int, j: int) -> bool:
        """Token j, after given names only (tokens i..j-1), is their family name: a foreign
        word the model's training text never holds (:meth:`_foreign_word`), with no
        proclitic reading, no accusative ending and no imperfect verb's dual or plural
        form (``يوافقان``), that a comma, a full stop, a function word or the sentence's
        end closes (``وزير التجارة محمد رضا فرهمند.``)."""
        toks = self.toks
        if j >= len(toks) or j == i or not toks[j].arabic or self.taken[j]:
            return False
        if not all(self._one_given(_word(t)) for t in toks[i:j]):
            return False
        w = _word(toks[j])
        if (
            len(arabic_stems(toks[j].text)) > 1
            or w.endswith("ا")  # "عفوا": an accusative adverb
            or (w[:1] in _IMPERFECT_PREFIXES and w.endswith(_VERB_PLURAL_ENDINGS))
            or not self._foreign_word(w)
            or not _unseen(w)
        ):
            return False
        return self._closes_phrase(toks[j])

    def _common_given_family(self, i: int) -> bool:
        """Token i is a given name that is also an ordinary word (words.tsv
        ``given_common_ar``: عادل، جمال) and the next token an article word the model's
        training text never holds (:meth:`_unseen_article_word`): after a title, a given
        name and its family name (``المهندس عادل المطيحان``)."""
        toks = self.toks
        return (
            _word(toks[i]) in word_set("given_common_ar")
            and i + 1 < len(toks)
            and toks[i + 1].arabic
            and not self.taken[i + 1]
            and self._unseen_article_word(_word(toks[i + 1]))
        )

    def _may_start_name(self, i: int) -> bool:
        """Whether token i may be the first word of a name (no title, head, place...)."""
        toks, lex = self.toks, self.lex
        if i >= len(toks) or not toks[i].arabic or self.taken[i] or self._ya_preposition(i):
            return False
        first = _word(toks[i])
        return not (
            first in _stop()
            or (first,) in lex.titles_ar
            or first in lex.org_heads_ar
            or (first,) in lex.places_ar
            or len(first) < 2
            or (
                first[:1] in conjunction_clitics() and _is_article(first[1:])
            )  # "والقطاع": and the sector
            or self._prepositional_article(first)  # "للدفاع"، "بالعاصمة": to/in the ...
            or self._prepositional_noun(first)  # "بإدارة": by managing
        )

    def _ya_preposition(self, i: int) -> bool:
        """Token i is the preposition على written with a final ي (words.tsv
        ``ya_preposition_ar``: علي, also the given name Ali): the next word is a function
        word (``علي أن``), a pronoun suffix written apart (``علي ه``), a definite word that
        is no nisba (``علي الأرض``), a feminine noun (``علي أهمية``) or a word spelt with
        ي for ى (``علي مدي``), and no listed name word (``علي حسن``, ``علي التميمي`` stay
        names). Before a function word, a definite, a feminine or a ى-as-ي word only in a
        document that writes a final ى as ي
        (:meth:`_writes_ya`): elsewhere ``وأكد علي أن`` is the name Ali and أن, and
        ``علي الراشد`` a name."""
        toks, lex = self.toks, self.lex
        if toks[i].text not in word_set("ya_preposition_ar") or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        w = _word(nxt)
        if not nxt.arabic or w in lex.given_ar or w in lex.name_ar or w in lex.given_words_ar:
            return False
        suffixes = word_set("pronoun_suffix_ar")
        after = _word(toks[i + 2]) if i + 2 < len(toks) else ""
        if (
            w in suffixes
            or after in suffixes  # "علي فريق ه": a noun and its pronoun suffix
            or any(len(x) >= 2 and w.endswith(x) and len(w) > len(x) + 2 for x in suffixes)
        ):
            return True
        # family names may be definite or feminine (علي الراشد، علي حمزة): only where
        # the document spells على with ي at all
        return self._writes_ya() and (
            w in _stop()
            or w in word_set("maqsura_as_ya_ar")  # "علي مدي": على مدى
            or (_is_article(w) and not w.endswith("ي"))
            or (_feminine(w) and len(w) >= _PROPER_MIN)
        )

    def _writes_ya(self) -> bool:
        """Whether the document writes a final ى as ي: it holds a word of words.tsv
        ``maqsura_as_ya_ar`` as written (``الي`` for إلى)."""
        found = _DOC_YA.get(self.b)
        if found is None:
            words = set(re.findall(r"\w+", self.b.doc.text))
            found = _DOC_YA[self.b] = not words.isdisjoint(word_set("maqsura_as_ya_ar"))
        return found

    def _prepositional_noun(self, word: str) -> bool:
        """ب/ل/ك on a feminine noun of text (``بإدارة``, ``لرعاية``): never the first word
        of a name; a listed given name or name word (``لطيفة``) stays one.

        Example:
            ``رئيس اللجنة المكلفة بإدارة شؤون النادي``: no person ``بإدارة شؤون النادي``.
        """
        lex, vocab = self.lex, vocabulary()
        if word[:1] not in preposition_clitics() or word in lex.given_ar or word in lex.name_ar:
            return False
        stem = word[1:]
        return len(stem) >= _PROPER_MIN and _feminine(stem) and stem in vocab

    @staticmethod
    def _prepositional_article(word: str) -> bool:
        """A preposition on a definite word (``للدفاع``, ``بالعاصمة``, ``كالعادة``): the
        complement of what stands before it, never the first word of a name.

        Example:
            ``مدير الإدارة العامة للدفاع المدني``: no person ``للدفاع المدني``.
        """
        if len(word) < _PROPER_MIN:
            return False
        return word.startswith("لل") or (word[:1] in "بك" and _is_article(word[1:]))

    def _compound_second(self, i: int, j: int) -> bool:
        """Token j (> i, an article word) is the second part of a compound given name
        written apart whose joined form is a listed given name (``نور الدين``, ``زين
        العابدين``): the name goes on after it (``العميد نور الدين قاسم``)."""
        toks = self.toks
        return (
            i < j
            and toks[j - 1].arabic
            and _word(toks[j - 1]) + _word(toks[j]) in self.lex.given_ar
        )

    def _ends_name(self, i: int, j: int, w: str) -> bool:
        """Whether word ``w`` at token j (> i) cannot continue the name begun at i."""
        lex = self.lex
        if self._family_title(i, j, w) or self._compound_second(i, j):
            return False
        if j > i + 1 and self._role_phrase_at(j):
            return True
        if self._ya_preposition(j):
            return True  # "يخشى جوزيه علي فريقه": the preposition, no name word
        if (
            w in _stop()
            or w in word_set("evaluative_ar")
            or w in word_set("number_ar")  # "... مائة من الضباط": a hundred officers
            or self._relative_at(j)  # "ابن عمه": his cousin, no father's name
            or any(
                (st,) in lex.titles_ar or st in lex.org_heads_ar or st in _stop()
                for _, st in arabic_stems(self.toks[j].text)
            )
        ):
            return True
        # an article word that is neither a nisba (-ي) nor a listed name word is ordinary
        # text ("خالد بن سلمان الهجوم": the attack)
        if (
            _is_article(w)
            and not w.endswith("ي")
            and w not in word_set("name_epithet_ar")
            and w[2:] not in lex.name_ar
            and w[2:] not in lex.given_ar
            and w != "الدين"
            and not (j == self._given_end(i) and self._unseen_family(i, w))
        ):
            return True
        # a nationality after one word is its adjective ("الرئيس العراقي"); after a given
        # name and a father's name it is a family nisba (عبد الغني جاسم الفهداوي), and so
        # it is right after a listed given name (محمد العماني، فيصل الشامي)
        if w[2:] in lex.nationality_ar and (
            not w.endswith("ي") or (j - i < 2 and not self._given_first(i))
        ):
            return True
        if w[:1] == "و" and w not in lex.given_ar:
            return True
        if w[:1] in ("ي", "ت") and len(w) >= 4 and w not in lex.given_ar and not _is_article(w):
            return True  # a verb in the imperfect (يقول، تعمل)
        if _adjective(w) and (w,) in lex.places_ar:
            return True
        # a third word must be a listed name word ("... بن طولون بناء قصره")
        return (
            j >= i + 2
            and bool(lex.name_ar)
            and not _is_article(w)
            and w not in word_set("name_join_ar")
            and w not in lex.name_ar
            and w not in lex.given_ar
        )

    def _relative_at(self, j: int) -> bool:
        """ابن / بن / بنت at token j with a kinship noun after it (words.tsv
        ``cousin_kin_ar``, bare or with a pronoun suffix: ``ابن عمه``, ``ابن أخيه``): a
        relative of the person named before, no father's name.

        Example:
            ``أمر سالم حداد ابن عمه فادي``: the name is ``سالم حداد``.
        """
        toks = self.toks
        if j + 1 >= len(toks) or not toks[j + 1].arabic:
            return False
        if _word(toks[j]) not in _patronymic():
            return False
        kin, nxt = word_set("cousin_kin_ar"), _word(toks[j + 1])
        return nxt in kin or any(
            nxt.endswith(suffix) and nxt[: -len(suffix)] in kin
            for suffix in word_list("pronoun_suffix_ar")
        )

    def _given_first(self, i: int) -> bool:
        """Token i is a listed given name that is no ordinary word (محمد، فيصل)."""
        first = _word(self.toks[i])
        return first in self.lex.given_ar and first not in self.lex.name_risky_ar

    def _role_phrase_at(self, j: int) -> bool:
        """Whether a role phrase of several words starts at token j (``أمير منطقة تبوك``),
        or a title word too common alone is followed by a listed place (``ملك الأردن``):
        the role after a name, not a further name word. Not after a patronymic, where the
        word is a father's name (``فهد بن سلطان``).

        Example:
            ``سعود بن نايف أمير المنطقة الشرقية``: the name is ``سعود بن نايف``.
        """
        toks, lex = self.toks, self.lex
        if _word(toks[j - 1]) in _patronymic():
            return False
        words = [
            _word(t) for t in toks[j : j + _ROLE_PHRASE_MAX] if t.arabic
        ]  # at most the longest phrase looked at
        for k in range(len(words), 1, -1):
            info = lex.titles_ar.get(tuple(words[:k]))
            if info is not None and info.kind == "role":
                return True
        return (
            len(words) >= 2
            and words[0] in word_set("title_dropped_ar")
            and (words[1],) in lex.places_ar
        )

    def _family_title(self, i: int, j: int, w: str) -> bool:
        """A definite title word (no rank or role) that is also a listed family name, right
        after a patronymic chain: the family name (``خالد بن سعد القاضي``)."""
        lex = self.lex
        info = lex.titles_ar.get((w,))
        return (
            j >= i + 2
            and info is not None
            and info.kind == "title"
            and _is_article(w)
            and w in lex.name_ar
            and _word(self.toks[j - 2]) in _patronymic()
        )

    def _name_extent(self, i: int) -> int:
        """End of the run of name words from token i (at most six)."""
        toks = self.toks
        n = len(toks)
        j = i
        while j < n and j - i < 6 and toks[j].arabic and not self.taken[j]:
            w = _word(toks[j])
            if j > i and w == _FAMILY and j + 1 < n and toks[j + 1].arabic:
                return j + 2  # "إدريس بن محمد آل دريس", "عبداللطيف آل الشيخ"
            if j > i and self._ends_name(i, j, w):
                break
            j += 1
            if w in word_set("name_join_ar") and j < n and toks[j].arabic:
                j += 1  # عبد الوهاب / ابو بكر / بن طولون
                continue
            if _is_article(w) and not self._compound_second(i, j - 1):
                if j < n and _word(toks[j]) == "الدين":
                    j += 1
                if j + 1 < n and _word(toks[j]) == _FAMILY and toks[j + 1].arabic:
                    return j + 2  # "متعب بن فهد الفيصل آل سعود": the house closes the name
                if not (j + 1 < n and _word(toks[j]) in _patronymic() and toks[j + 1].arabic):
                    break
        return j

    def _listed_pair(self, i: int, j: int) -> bool:
        """Two or more words whose first and last are listed name words (also names that
        are ordinary words: ``العقيد ماجد بن فهد الراشد``)."""
        names = self.lex.name_ar
        first, last = _word(self.toks[i]), _word(self.toks[j - 1])
        return j - i >= 2 and first in names and (last in names or last[2:] in names)

    def _name_ok(self, i: int, j: int, first: str, given: bool, after_title: bool) -> bool:
        """Whether tokens [i, j) are evidence enough for a person name."""
        toks, lex = self.toks, self.lex
        n = len(toks)
        length = j - i
        last = _word(toks[j - 1])
        nisba = _is_article(last) and last.endswith("ي") and last not in word_set("evaluative_ar")
        house = length >= 3 and _word(toks[j - 2]) == _FAMILY  # ... آل دريس
        chain = house or any(_word(t) in _patronymic() for t in toks[i:j])
        # a given name, then a family name in the form أبو X (محمد أبو سبعان)
        chain = chain or (length == 3 and given and _word(toks[i + 1]) in _family_kunya())
        # after a title, a given name that is also an ordinary word and a family name the
        # model's training text never holds (المهندس عادل المطيحان)
        chain = chain or (after_title and length == 2 and self._common_given_family(i))
        if after_title and not (given or nisba or chain or self._listed_pair(i, j)):
            return False
        if (
            after_title
            and not given
            and _construct(first, _word(toks[i + 1]) if length > 1 else "")
        ):
            return False  # "المتحدث باسم مصلحة الموانئ": the role's body, not its holder
        if not after_title:
            # a given name alone is too weak; the name must end in a nisba, a given name
            # (father's name), a family name made of the article and a given name
            # (الجاسم، الفرج) or hold a patronymic chain (بن X)
            family = self._family_word(last) or (
                j == self._given_end(i) + 1 and self._unseen_family(i, last)
            )
            if length < 2 or not (nisba or last in lex.given_ar or family or chain):
                return False
            return not (_is_article(last) and last in word_set("evaluative_ar"))
        if length == 1 and not given:
            # a bare word after a title: a known given name, or a nisba (اللواء الزبيدي)
            if not _is_article(first) and j < n and toks[j].arabic:
                return False
            if _is_article(first) and not first.endswith("ي"):
                return False
        return True

    def _ambiguous_single(self, i: int, word: str) -> bool:
        """A one-word listed name that reads as an ordinary word here (العربية after a noun)."""
        if len(word) <= 3:
            return True
        prev = _word(self.toks[i - 1]) if i > 0 and self.toks[i - 1].arabic else ""
        return _is_article(word) and (_is_article(prev) or prev in ("هذا", "هذه", "ذلك", "تلك"))

    def _named_after_sovereign(self, i: int) -> int | None:
        """End of ``الملك فهد [التخصصي]`` at token i, a place named after a sovereign
        (``مستشفى الملك فيصل التخصصي``, ``جسر الملك فهد``), or None."""
        toks, n = self.toks, len(self.toks)
        hit = self.title(i) if i < n and toks[i].arabic else None
        if hit is None or hit[2].en not in word_set("sovereign_title_en"):
            return None
        j = hit[0]
        if j >= n or not toks[j].arabic or not self._one_given(_word(toks[j])):
            return None
        j += 1
        while (
            j < n and j - hit[0] <= _SOVEREIGN_ADJ and toks[j].arabic and _adjective(_word(toks[j]))
        ):
            j += 1
        return j

    # ---------------------------------------------------------------- rules
    def gazetteers(self) -> None:
        toks, lex = self.toks, self.lex
        i = 0
        while i < len(toks):
            hit = _phrase_at(toks, i, lex.orgs_ar, lex.org_max)
            if hit and hit[0] - i == 1 and self._ambiguous_single(i, hit[2][0]):
                hit = None
            if hit:
                start, off = i, hit[1]
                if hit[0] - i >= 2 and _lookup(toks[i], word_set("wrapper_ar")):
                    inner = _phrase_at(toks, i + 1, lex.orgs_ar, lex.org_max)
                    # "قوات التحالف الدولي" -> "التحالف الدولي"; "قناة السومرية نيوز" -> "السومرية نيوز"
                    if inner and inner[0] >= hit[0]:
                        start, off, hit = i + 1, inner[1], inner
                end = hit[0]
                if self._nationality_at(end) and hit[0] - start >= 2:
                    end += 1  # "الهلال الأحمر السعودي": the body's nationality is its name's
                longer = self._listed_body_goes_on(start, off, end)
                if longer > end:
                    # "منظمة الأمم المتحدة للتنمية الصناعية": another body than the one listed
                    self.add(start, longer, off, "organization", source="head")
                    self.taken[i] = True
                    i = longer
                    continue
                self.add(
                    start,
                    end,
                    off,
                    "organization",
                    org_id=lex.orgs_ar[hit[2]],
                    source="gazetteer",
                )
                self.taken[i] = True
                i = end
                continue
            club = self._listed_club_at(i)
            if club:
                i = club  # "باريس سان جرمان": the club (listed_clubs), not Paris
                continue
            geo = _lookup(toks[i], lex.geo_before_ar) if toks[i].arabic else None
            if (
                geo
                and i + 1 < len(toks)
                and toks[i + 1].arabic
                and _word(toks[i + 1]) not in _stop()
                and not self._listed_club_at(i + 1)
            ):
                end = self._named_after_sovereign(i + 1) or i + 2
                # "سلسلة جبال حمرين": a second geographic word takes the name after it
                if _word(toks[i + 1]) in lex.geo_before_ar and end < len(toks) and toks[end].arabic:
                    end += 1
                if not self._civic_body(i, end, geo[0]):
                    self.add(i, end, geo[0], "place", source="geo")
                i = end
                continue
            hit = _phrase_at(toks, i, lex.places_ar, lex.place_max)
            if hit and hit[0] == i + 1 and hit[1] == 0 and self._company_head_before(i):
                i += 1  # "بنك إنجلترا": a company named after a place (read by orgs)
                continue
            if hit and hit[1] > 0 and hit[0] == i + 1 and self._listed_name_token(i):
                i += 1  # "قال كلاوس": a listed name word, not ك + لاوس
                continue
            if hit and self._person_named(i, hit[0]):
                i = hit[0]  # "منبر صلاح الدين الحمداني": a person's name, read by the model
                continue
            if hit:
                if not self._civic_body(i, hit[0], hit[1]):
                    self.add(i, hit[0], hit[1], "place", source="gazetteer")
                i = hit[0]
                continue
            end = self._civic_definite(i)
            if end is not None:
                i = end
                continue
            body = self._body_named_after_sovereign(i)
            if body is not None:
                self.add(i, body[0], body[1], "organization", source="head")
                i = body[0]
                continue
            i += 1

    def _person_named(self, i: int, end: int) -> bool:
        """The listed place at tokens [i, end) is named like a person, every word a given
        name, ``الدين`` or a name particle (صلاح الدين), and the statistical model reads a
        person over it and the word after it (``منبر صلاح الدين الحمداني``): the person's
        name, left to the model. The place alone stays a place (``إلى صلاح الدين``)."""
        toks, lex, join = self.toks, self.lex, word_set("name_join_ar")
        if self.model_persons is None or end >= len(toks) or not toks[end].arabic:
            return False
        if not all(
            _word(t) in lex.given_ar or _word(t) == "الدين" or _word(t) in join for t in toks[i:end]
        ):
            return False
        if self._nationality_word(_word(toks[end])):
            return False  # "صلاح الدين العراقية": the place and its adjective
        start, stop = toks[i].start, toks[end].end
        return any(a <= start and stop <= z for a, z in self.model_persons)

    def _listed_name_token(self, i: int) -> bool:
        """Token i as written is a given name or a listed name word that is no place
        (``كلاوس``): a place read in it after a proclitic letter (ك + لاوس) is none."""
        w, lex = _word(self.toks[i]), self.lex
        return (w,) not in lex.places_ar and (w in lex.given_ar or w in lex.name_ar)

    def _listed_body_goes_on(self, start: int, off: int, end: int) -> int:
        """End of a longer body's name that a listed one opens with a strong head: a
        ل-complement (ل + the article) and its adjectives after it (``منظمة الأمم
        المتحدة للتنمية الصناعية``, :meth:`_name_complement`); ``end`` otherwise."""
        head = _norm(self.toks[start].text[off:])
        if end - start < 2 or head not in word_set("strong_head_ar"):
            return end
        return self._name_complement(end)

    def _civic_body(self, i: int, end: int, off: int) -> bool:
        """Read the place name at tokens [i, end) as a town's or region's municipal body
        when a head of words.tsv ``civic_head_ar`` is its first word (``بلدية القريات``)
        or stands right before it (``أمانة منطقة تبوك``, ``لأمانة جدة``); True if read."""
        toks = self.toks
        heads = word_set("civic_head_ar")
        hit = _lookup(toks[i], heads)
        if hit is None and i > 0 and toks[i - 1].arabic and not self.taken[i - 1]:
            hit = _lookup(toks[i - 1], heads)
            if hit is not None:
                i, off = i - 1, hit[0]
        if hit is None:
            return False
        self.add(i, end, off, "organization", source="civic")
        return True

    def _company_head_before(self, i: int) -> bool:
        """Token i is a word without the article right after a company head (words.tsv
        ``company_head_ar``: ``بنك إنجلترا``, ``مصرف لبنان``, ``بنك قطر الوطني``)."""
        toks = self.toks
        if i == 0 or not toks[i - 1].arabic or self.taken[i - 1] or _is_article(_word(toks[i])):
            return False
        return _lookup(toks[i - 1], word_set("company_head_ar")) is not None

    def _civic_definite(self, i: int) -> int | None:
        """End of ``أمانة المنطقة الشرقية`` at token i (a municipal head, a definite
        administrative word and a definite adjective), read as an organisation; or None."""
        toks, n = self.toks, len(self.toks)
        if i + 2 >= n or not (toks[i].arabic and toks[i + 1].arabic and toks[i + 2].arabic):
            return None
        hit = _lookup(toks[i], word_set("civic_head_ar"))
        second = _word(toks[i + 1])
        if (
            hit is None
            or not _is_article(second)
            or second[2:] not in self.lex.geo_before_ar
            or not _adjective(_word(toks[i + 2]))
        ):
            return None
        self.add(i, i + 3, hit[0], "organization", source="civic")
        return i + 3

    def _nationality_at(self, k: int) -> bool:
        """Token k is a definite nationality adjective (السعودي، اليمنية)."""
        if k >= len(self.toks) or not self.toks[k].arabic:
            return False
        w = _word(self.toks[k])
        bare = w[2:] if _is_article(w) else ""
        return bool(bare) and (
            bare in self.lex.nationality_ar or bare[:-1] in self.lex.nationality_ar
        )

    def _body_named_after_sovereign(self, i: int) -> tuple[int, int] | None:
        """(end, offset) of an institution named after a sovereign at token i (``جامعة
        الملك سعود``, ``جامعة الملك فهد للبترول والمعادن``): an organisation head, the
        sovereign's title and given name, and a ل-complement after it; no person inside."""
        toks, n = self.toks, len(self.toks)
        hit = _lookup(toks[i], self.lex.org_heads_ar) if toks[i].arabic else None
        if hit is None or _is_article(hit[1]) or i + 1 >= n:
            return None
        end = self._named_after_sovereign(i + 1)
        if end is None:
            return None
        if end < n and toks[end].arabic and self._complement_lam(end):
            end = self._lam_complement_end(end)
        return end, hit[0]

    def _lam_complement_end(self, j: int) -> int:
        """End of a ل-complement at token j (:meth:`_complement_lam`): ``للتدريب`` alone,
        ``لكرة القدم`` with the definite word that completes it, and ``و`` + article words
        after it (``للبترول والمعادن``)."""
        toks, n = self.toks, len(self.toks)
        lam_article = _word(toks[j]).startswith("لل")
        j += 1
        if not lam_article and j < n and toks[j].arabic and _is_article(_word(toks[j])):
            j += 1  # "لكرة القدم"
        if (
            j < n
            and toks[j].arabic
            and _word(toks[j])[:1] == "و"
            and _is_article(_word(toks[j])[1:])
            and _word(toks[j])[1:] not in _stop()
        ):
            j += 1
        return j

    def titles(self) -> None:
        """Title chains (ranks, honorifics, roles, the role's organisation) and the name
        after them: ``المتحدث باسم وزارة الداخلية العميد سعد معن``."""
        i = 0
        while i < len(self.toks):
            if self._title_start(i) is None:
                i += 1
                continue
            chain, org, pos = self._title_chain(i)
            i = self._title_holder(i, chain, org, pos)

    def _title_start(self, i: int) -> tuple[int, int, TitleInfo] | None:
        """The title at token i when it starts a chain (not inside a name, not "the team")."""
        toks = self.toks
        n = len(toks)
        hit = self.title(i) if toks[i].arabic and not self.taken[i] else None
        if hit is None or (i > 0 and _word(toks[i - 1]) in word_set("name_join_ar")):
            return None  # "عبد الملك": part of a name, not the title
        if (
            hit[2].kind == "rank"
            and hit[0] - i == 1
            and _word(toks[i]) in word_set("ambiguous_rank_ar")
        ):
            nxt = _word(toks[hit[0]]) if hit[0] < n and toks[hit[0]].arabic else ""
            if nxt not in self.lex.given_ar and nxt not in word_set("name_join_ar"):
                return None  # "الفريق" is also "the team"
        return hit

    def _title_chain(self, i: int) -> tuple[list[tuple[int, int, int, TitleInfo]], object, int]:
        """(chain, organisation mention, position after it) of the titles from token i.

        The chain is (start, end, offset, info) per title; a role's organisation (read
        by its head or the gazetteer) becomes a mention; up to two commas, adjectives
        or places are skipped."""
        toks, lex = self.toks, self.lex
        n = len(toks)
        chain: list[tuple[int, int, int, TitleInfo]] = []
        org = None
        pos = i
        skips = 0
        while pos < n:
            h = self.title(pos) if toks[pos].arabic else None
            if h is not None and not (
                chain and h[2].kind == "role" and _word(toks[pos]) in ("نائب",)
            ):
                chain.append((pos, h[0], h[1], h[2]))
                pos = h[0]
                continue
            if chain and chain[-1][3].kind == "role" and toks[pos].arabic and org is None:
                found = self._role_org(pos)
                if found is not None:
                    org, pos = found
                    continue
            if self._new_role_after_comma(chain, pos):
                break
            taken = self._taken_complement(chain, pos)
            if taken is not None:
                # "أمين منطقة تبوك", "رئيس بلدية الخبر": the role's place or body, read before
                pos, m = taken
                if m.kind == "organization" and org is None:
                    org = m
                continue
            if skips < 2 and (
                toks[pos].text in ("،", ",")
                or (
                    toks[pos].arabic
                    and (_adjective(_word(toks[pos])) or (_word(toks[pos]),) in lex.places_ar)
                )
            ):
                skips += 1
                pos += 1
                continue
            break
        return chain, org, pos

    def _taken_complement(self, chain: list, pos: int) -> tuple[int, object] | None:
        """(token after it, mention) of a place or organisation mention covering token pos
        right after a role (``أمين منطقة تبوك``, ``رئيس بلدية الخبر``, ``مدير شرطة
        محافظة جدة``): the role's complement, read by the gazetteers and skipped on the
        way to the holder's name; None otherwise."""
        toks = self.toks
        if not chain or chain[-1][3].kind != "role" or chain[-1][1] != pos or not self.taken[pos]:
            return None
        t = toks[pos]
        for m in self.b.within(t.start, t.end):
            if m.kind in ("place", "organization") and m.start <= t.start < m.end:
                end = pos
                while end < len(toks) and toks[end].start < m.end:
                    end += 1
                return end, m
        return None

    def _new_role_after_comma(self, chain: list, pos: int) -> bool:
        """A comma after a role, then another role: a second role of the same person
        (``مستشار ...، أمير منطقة ...``), which starts its own chain."""
        toks = self.toks
        if not chain or toks[pos].text not in ("،", ",") or pos + 1 >= len(toks):
            return False
        if not any(c[3].kind == "role" for c in chain) or not toks[pos + 1].arabic:
            return False
        hit = self.title(pos + 1)
        return hit is not None and hit[2].kind == "role"

    def _role_org(self, pos: int) -> tuple[object, int] | None:
        """(organisation mention, end) of a role's organisation at token pos."""
        lex = self.lex
        oc = self.org_construct(pos)
        if oc is not None:
            return self.add(pos, oc[0], oc[1], "organization", source="head"), oc[0]
        od = self.org_definite(pos)
        if od is not None:
            return self.add(pos, od[0], od[1], "organization", source="head"), od[0]
        gz = _phrase_at(self.toks, pos, lex.orgs_ar, lex.org_max)
        if gz is not None:
            org_id = lex.orgs_ar[gz[2]]
            return self.add(
                pos, gz[0], gz[1], "organization", org_id=org_id, source="gazetteer"
            ), gz[0]
        end = self._definite_body(pos)
        if end is not None:
            return self.add(pos, end, 0, "organization", source="head"), end
        return None

    def _definite_body(self, pos: int) -> int | None:
        """End of a body named by its definite head and adjectives right after a role
        (``رئيس اللجنة الأولمبية الدولية``): the role says it is an institution, so no
        cue word is needed. A place or gazetteer name read inside from one adjective
        (``العربية``, ``السعودية``) gives way. None when no adjective follows."""
        toks, lex = self.toks, self.lex
        n = len(toks)
        if self.taken[pos] or not toks[pos].arabic:
            return None
        w = _word(toks[pos])
        if not (_is_article(w) and w[2:] in lex.org_heads_ar):
            return None
        # the adjectives agree with the head (the holder's nationality after a feminine
        # body, ``اللجنة الأولمبية الدولية الألماني``, is no part of its name)
        feminine = _feminine(w)
        end = pos + 1
        while (
            end < n
            and end - pos <= _BODY_ADJ
            and toks[end].arabic
            and self._body_adjective(_word(toks[end]))
            and _feminine(_word(toks[end])) == feminine
            and (_word(toks[end]),) not in lex.titles_ar
        ):
            end += 1
        if end == pos + 1:
            return None
        start, stop = toks[pos].start, toks[end - 1].end
        inside = self.b.within(start, stop)
        if any(m.kind == "person" or len(m.text.split()) > 1 for m in inside):
            return None
        for m in inside:
            del self.b.mentions[m.span]
        return end

    def _body_adjective(self, w: str) -> bool:
        """A definite adjective of a body's name after its head: a nisba (``الأولمبية``,
        also ``الدولية``, a stop word elsewhere), no evaluative word, alias marker or title."""
        if (
            w in word_set("evaluative_ar")
            or w in word_set("role_tense_ar")
            or (w,) in self.lex.titles_ar
        ):
            return False
        if _adjective(w):
            return True
        return (
            _is_article(w)
            and w.endswith(nisba_endings())
            and len(w) >= _NISBA_MIN
            and w not in word_set("alias_marker_ar")
            and w not in word_set("relative_ar")
        )

    def _sovereign(self, chain: list, pos: int, end: int) -> tuple[int | None, int]:
        """(start offset, end token) of a sovereign named by title and one given name
        (``الملك خالد``, ``الملك محمد السادس``, ``الأمير تميم``): the title is part of how
        the person is named, so the mention's name takes it in (its span does not: a title
        is no part of the name's text); (None, end) otherwise (a nasab,
        ``الأمير تميم بن حمد``, names the person without the title)."""
        toks = self.toks
        ordinals = word_set("regnal_ordinal_ar")
        if (
            not chain
            or chain[-1][1] != pos
            or chain[-1][3].en not in word_set("sovereign_title_en")
            or pos >= len(toks)
            or self.taken[pos]
            or not toks[pos].arabic
            or not self._one_given(_word(toks[pos]))
        ):
            return None, end
        stop = end
        if end == pos + 1 and end < len(toks) and toks[end].arabic and _word(toks[end]) in ordinals:
            stop = end + 1
        elif end != pos + 1 and not (end == pos + 2 and _word(toks[pos + 1]) in ordinals):
            return None, end
        a, _z, off, _info = chain[-1]
        return toks[a].start + off, stop

    def _one_given(self, w: str) -> bool:
        """A given name in one word (also ``عبدالله`` written joined)."""
        lex = self.lex
        return w in lex.given_ar or w in lex.name_ar or (w.startswith("عبد") and len(w) > 4)

    def _chain_roles(self, chain: list) -> list:
        """The roles of a chain up to the principal one ("المتحدث باسم القائد العام": the
        next role is the principal's)."""
        roles = []
        for c in chain:
            if c[3].kind != "role":
                continue
            roles.append(c)
            if c[3].en in word_set("principal_role_en") or _word(self.toks[c[1] - 1]) == "باسم":
                break
        return roles

    def _title_holder(self, i: int, chain: list, org: object, pos: int) -> int:
        """Read the name after a title chain and link its roles; the next token to read."""
        toks = self.toks
        if org is None or pos == 0 or toks[pos - 1].end != org.end:
            # the rest of the role's complement; none after a body read up to here
            # ("رئيس اللجنة العامة للانتخابات اعتمد أسماء ...": a verb, no name, follows)
            pos = self._skip_to_given(pos)
        end = self.read_name(pos, after_title=True)
        if end is None and pos + 1 < len(toks) and self._prepositional_article(_word(toks[pos])):
            # the last word of the role's complement ("رئيس الاتحاد للبولينج X Y"): the
            # holder's name, of two words at least, starts after it
            after = self.read_name(pos + 1, after_title=True)
            if after is not None and after - (pos + 1) >= 2:
                pos, end = pos + 1, after
        if end is None and self._sovereign(chain, pos, pos + 1)[0] is not None:
            end = pos + 1  # "الأمير تميم": a listed name word after a sovereign's title
        if end is None and chain:
            end = self._unseen_name(pos)  # "المدرب الروماني لازلو بولوني"
        if end is None and chain:
            end = self._set_off_name(pos)  # "نائب محافظ البنك المركزي، أكبر كميجاني،"
        roles = self._chain_roles(chain)
        if len(roles) >= 2 and self._verb_before(toks[i].start, "meeting_ar"):
            # "استقبل أمير المنطقة رئيس الهيئة X": the first role is the subject's, the
            # rest are the met person's
            roles = roles[1:]
        ranks = [c[3].en for c in chain if c[3].kind == "rank"]
        role_ms = [
            self.b.mention(
                toks[a].start + off,
                toks[z - 1].end,
                "role",
                self.sent,
                language="ar",
                role=info.en,
                role_ar=info.ar,
            )
            for a, z, off, info in roles
        ]
        if end is None:
            # No name readable here by the title rule; a later rule (name runs, known
            # names) may still find one starting at ``pos``: link the roles then.
            self.pending.append((pos, roles, role_ms, ranks, org))
            return max(pos, i + 1)
        attrs: dict = {"source": "title"}
        if ranks:
            attrs["rank"] = ranks[-1]
        if chain:
            attrs["titles"] = [c[3].en for c in chain if c[3].kind != "role"]
        if roles:
            attrs["role"] = roles[-1][3].en
        start, end = self._sovereign(chain, pos, end)
        pm = self.add(pos, end, 0, "person", **attrs)
        if start is not None:
            # the span is the name and the title stays data; the graph's name is how the
            # person is named, title and given name ("الملك خالد": no namesake joins it)
            named = self.b.doc.text[start : toks[end - 1].end]
            pm = self.b.respan(pm, pm.start, pm.end, name=named, named_by_title=True)
        self.link_roles(pm, roles, role_ms, attrs.get("rank"), org, "title")
        self.alias_after(end, pm)
        return end

    def _no_proper_word(self, w: str) -> bool:
        """``w`` is no word of an unlisted proper name (a foreign person's or a club's):
        shorter than ``_FOREIGN_MIN`` letters, an article word, a function word, a title,
        an organisation head, a place or a number word (``مائة``)."""
        lex = self.lex
        return (
            len(w) < _FOREIGN_MIN
            or _is_article(w)
            or w in _stop()
            or w in word_set("number_ar")
            or (w,) in lex.titles_ar
            or w in lex.org_heads_ar
            or (w,) in lex.places_ar
        )

    def _foreign_word(self, w: str) -> bool:
        """A word that may be part of a foreign name in Arabic script: one the model's
        training text never holds (``unseen``) or a listed name word, and no function
        word, article word, title, head, place or nationality."""
        lex = self.lex
        if self._no_proper_word(w) or w in lex.nationality_ar:
            return False
        vocab = vocabulary()
        if w[:1] in conjunction_clitics() and (w[1:] in vocab or w[1:] in lex.given_ar):
            return False  # "وزوكالا": and ..., another name
        if w.startswith(_PARTICIPLE_X) or (w.startswith(_PARTICIPLE_V) and w.endswith("ا")):
            return False  # "مستعدا", "متوقعا": an Arabic participle, no foreign name
        return _unseen(w) or (w in vocab and self._name_word(w) and w not in lex.name_risky_ar)

    def _unseen_name(self, pos: int) -> int | None:
        """End of a name after a title that no name table lists (``المدرب الروماني لازلو
        بولوني``, ``رئيس الوزراء، X Y،``): up to ``_FOREIGN_MAX`` foreign words
        (:meth:`_foreign_word`), one at least unseen by the model's training text; one
        word alone only before punctuation. None otherwise, and never without the
        model's vocabulary."""
        toks = self.toks
        vocab = vocabulary()
        if not vocab or not self._may_start_name(pos):
            return None
        end, unseen = pos, 0
        while (
            end < len(toks)
            and end - pos < _FOREIGN_MAX
            and toks[end].arabic
            and not self.taken[end]
            and self._foreign_word(_word(toks[end]))
        ):
            unseen += _unseen(_word(toks[end]))
            end += 1
        if end == pos or not unseen:
            return None
        if end - pos == 1 and self._seen_family(end):
            end += 1  # "رئيس الوزراء الهندي X مودي ونظيرته"
        if end - pos == 1 and not self._lone_foreign(pos):
            return None
        return end

    def _set_off_name(self, pos: int) -> int | None:
        """End of a two-word name set off by commas after a title chain, whose first word
        the model's training text holds (``أكبر``, also a word) and whose last it never
        does (``نائب محافظ البنك المركزي، أكبر كميجاني، فند ...``): a comma before it, a
        comma or a full stop after it, and no function word, article word, title, head,
        place or nationality in it. None otherwise."""
        toks = self.toks
        if pos == 0 or pos + 2 >= len(toks) or toks[pos - 1].text not in _LONE_NAME_END:
            return None
        if toks[pos + 2].text not in _LONE_NAME_END:
            return None
        first, last = toks[pos], toks[pos + 1]
        if not (first.arabic and last.arabic) or self.taken[pos] or self.taken[pos + 1]:
            return None
        w1, w2 = _word(first), _word(last)
        if (
            self._no_proper_word(w1)
            or len(arabic_stems(first.text)) > 1
            or w1 in self.lex.nationality_ar
            or not self._foreign_word(w2)
            or not _unseen(w2)
        ):
            return None
        return pos + 2

    def _seen_family(self, k: int) -> bool:
        """Token k, after one unseen word read after a title, is that name's last word
        though the training text holds it: a word of no article, proclitic letter,
        accusative or feminine ending, that is no function word, title, head, place or
        nationality, with a comma, a full stop, a function word or a word with و after it
        (the end of the name)."""
        toks = self.toks
        if k >= len(toks) or not toks[k].arabic or self.taken[k]:
            return False
        w = _word(toks[k])
        if (
            self._no_proper_word(w)
            or w[:1] in preposition_clitics() + conjunction_clitics() + "ك"
            or w.endswith(("ا", *feminine_endings()))
            or self._nationality_word("ال" + w)
            or w in word_set("speech_ar")
        ):
            return False
        if self._name_ends_at(k):
            return True
        nxt = toks[k + 1]
        return nxt.arabic and (_word(nxt) in _stop() or _word(nxt)[:1] == "و")

    def _lone_foreign(self, pos: int) -> bool:
        """One unseen word alone after a title or cue is a name only before a comma or a
        full stop and with no proclitic letter or feminine ending, and no nisba of a word
        the model knows (``مؤسسة لغوية.``, ``أمر اختياري،`` are adjectives), and not
        after a sovereign's title (``جامعة الأمير X``: a body named after him)."""
        toks = self.toks
        w = _word(toks[pos])
        if not self._name_ends_at(pos) and not self._cue_nisba_before(pos):
            return False
        if pos > 0 and toks[pos - 1].arabic:
            hit = self.title(pos - 1)
            if hit is not None and hit[2].en in word_set("sovereign_title_en"):
                return False
        nisba = w.endswith("ي") and w[:-1] in vocabulary()  # اختياري of اختيار
        past = w.endswith("ت") and w[:-1] in vocabulary()  # اقتربت: اقترب, she came near
        return (
            w[:1] not in preposition_clitics() + conjunction_clitics()
            and not _feminine(w)
            and not nisba
            and not past
            and _unseen(w)
        )

    def _cue_nisba_before(self, pos: int) -> bool:
        """A name cue or a role, then a nisba adjective, right before token pos
        (``المدرب السويسري X``, ``المهاجم البرازيلي X``, ``رئيس الوزراء الهندي X``): one
        unseen word there is a name without punctuation after it."""
        toks = self.toks
        if pos < 2 or not toks[pos - 2].arabic or not self._nisba_at(pos - 1):
            return False
        if any(st in word_set("name_cue_ar") for _, st in arabic_stems(toks[pos - 2].text)):
            return True
        for k in range(max(0, pos - 1 - self.lex.title_max), pos - 1):
            hit = self.title(k) if toks[k].arabic else None
            if hit is not None and hit[0] == pos - 1 and hit[2].kind == "role":
                return True
        return False

    def _skip_to_given(self, pos: int) -> int:
        """Where the holder's name starts: at ``pos``, or at a given name one or two words
        on when the words before it are no name words (``المتحدث الرسمي لأمانة جازان طارق
        الرفاعي``: the rest of the role's complement)."""
        toks, lex = self.toks, self.lex
        for k in range(pos + 1, min(pos + _COMPLEMENT_SKIP + 1, len(toks))):
            w = _word(toks[k - 1])
            if (
                not toks[k - 1].arabic
                or self.taken[k - 1]
                or w in _stop()
                or w in lex.given_ar
                or lex.name_ar.get(w, 0) >= _NAME_WORD_MIN
                or w in word_set("name_join_ar")
            ):
                return pos
            if toks[k].arabic and _word(toks[k]) in lex.given_ar:
                return k
            if toks[k].arabic and w + _word(toks[k]) in lex.given_ar:
                return pos  # "نور الدين": a compound given name starts at pos
        return pos

    def orgs(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            if self.taken[i]:
                i += 1
                continue
            oc = self.org_construct(i)
            if oc is None:
                od = self.org_definite(i)
                if od is not None:
                    self.add(i, od[0], od[1], "organization", source="head")
                i = od[0] if od is not None else i + 1
                continue
            j, off = oc
            if any(self.taken[i:j]) and not self._absorb_adjective_places(i, j):
                i += 1
                continue
            # "قوات التحالف الدولي": the named coalition inside the forces
            if (
                j - i >= 3
                and _lookup(toks[i], {"قوات"})
                and _is_article(_word(toks[i + 1]))
                and _word(toks[i + 1]) in self.lex.org_heads_ar
            ):
                self.add(i + 1, j, 0, "organization", source="head")
            else:
                m = self.add(i, j, off, "organization", source="head")
                if j == i + 2 and _lookup(toks[i], word_set("club_head_ar")):
                    self.clubs.setdefault(_word(toks[i + 1]), m.text)
                elif self._company_proper(i, j):
                    # "مجموعة بوينغ ..." ... "طائرة بوينغ": the bare proper name is the company
                    self.clubs.setdefault(_word(toks[i + 1]), m.text)
                    self.companies.add(_word(toks[i + 1]))
            i = j

    def _company_proper(self, i: int, j: int) -> bool:
        """Tokens [i, j) are a company head and a proper name the model's training text
        never holds, of ``_PROPER_MIN`` letters at least and no place (``شركة توشيبا``)."""
        toks = self.toks
        if j < i + 2 or _lookup(toks[i], word_set("company_head_ar")) is None:
            return False
        w = _word(toks[i + 1])
        return (
            toks[i + 1].arabic
            and len(w) >= _PROPER_MIN
            and not _is_article(w)
            and w[:1] not in conjunction_clitics()
            and (
                w not in vocabulary()
                # "شركة نيسان موتور كومباني": a seen word opening a name of unseen words
                or any(_unseen(_word(t)) for t in toks[i + 2 : j] if t.arabic)
            )
            and (w,) not in self.lex.places_ar
            and w not in self.lex.given_ar
        )

    def known_clubs(self) -> None:
        """A bare definite word that named a club or newspaper after its head earlier in
        the document (``نادي الهلال`` ... ``الهلال``): that body (``refers_to`` the full
        name), unless a definite word follows it (``الهلال الأحمر``: another body); a
        company's proper name (``شركة نيسان موتور كومباني`` ... ``جهود نيسان المفصلة``)
        is the company before any word.

        Example:
            ``أعلن نادي الاتحاد ... وفاز الاتحاد``: the second is the club too.
        """
        if not self.clubs:
            return
        toks = self.toks
        for i, t in enumerate(toks):
            if self.taken[i] or not t.arabic:
                continue
            nxt = _word(toks[i + 1]) if i + 1 < len(toks) and toks[i + 1].arabic else ""
            other = _is_article(nxt) and not self._nationality_word(nxt)
            for off, stem in arabic_stems(t.text):
                if stem in self.clubs and not (other and stem not in self.companies):
                    self.add(
                        i, i + 1, off, "organization", source="document", refers_to=self.clubs[stem]
                    )
                    break

    def listed_clubs(self) -> None:
        """In a sports text (:func:`_sports_text`), a listed club's name (words.tsv
        ``club_ar``) standing alone is the club: no head before it (``مجلس التعاون``), no
        definite word after it but a nationality (``الهلال الأحمر``, ``الاتحاد الأوروبي``;
        ``الأهلي المصري`` is the club), and no definite noun before it that it would
        describe (``اللاعبين الشباب``). A one-word name, most of them ordinary words
        (الاتفاق، الشباب), also needs a football word in its sentence; once read, later bare
        mentions are the club (:meth:`known_clubs`). A listed name made of the last words
        of a longer one read before (``سان جرمان`` after ``باريس سان جرمان``) refers to it.

        Example:
            In a match report, ``فاز الهلال على الوحدة`` names two clubs.
        """
        if not _sports_text(self.b):
            return
        toks, table = self.toks, _club_table()
        cued = self._football_sentence()
        i = 0
        while i < len(toks):
            hit = None
            if not self.taken[i] and toks[i].arabic:
                for off, stem in arabic_stems(toks[i].text):
                    for words in table.get(stem, ()):
                        j = i + len(words)
                        if (
                            j <= len(toks)
                            and not any(self.taken[i:j])
                            and (cued or len(words) > 1)
                            and all(
                                _word(toks[k]) == w
                                for k, w in zip(range(i + 1, j), words[1:], strict=True)
                            )
                            and self._club_alone(i, j, off)
                        ):
                            hit = (j, off, stem, words)
                            break
                    if hit:
                        break
            if hit is None:
                i += 1
                continue
            words = hit[3]
            longer = self.clubs.get(" ".join(words)) if len(words) > 1 else None
            ref = {"refers_to": longer} if longer else {}
            m = self.add(i, hit[0], hit[1], "organization", source="club", **ref)
            if hit[0] == i + 1:  # a later bare mention with no football word is the club too
                self.clubs.setdefault(hit[2], m.text)  # type: ignore[attr-defined]
            for k in range(1, len(words) - 1):  # "سان جرمان" after "باريس سان جرمان"
                self.clubs.setdefault(" ".join(words[k:]), m.text)  # type: ignore[attr-defined]
            i = hit[0]

    def unlisted_clubs(self) -> None:
        """In a sports text (:func:`_sports_text`), a club no table lists, named as a team's
        opponent or host (words.tsv ``opponent_cue_ar``): one proper word after the cue
        (a nationality adjective may stand between them), with a nationality adjective
        after it (``أمام سيون السويسري``), or standing alone after a host or counterpart
        word (``host_cue_ar``: ``في ضيافة ليل``، ``كسب نظيره السويسري مورجس``). A club
        coordinated with it, also with a nationality adjective after it, is one too; once
        read, later bare mentions are the club (:meth:`known_clubs`).

        Example:
            In a match report, ``خسر أمام سيون السويسري`` names the club سيون.
        """
        if not self.sports:
            return
        toks = self.toks
        cues, hosts = word_set("opponent_cue_ar"), word_set("host_cue_ar")
        found = False
        for i, t in enumerate(toks):
            if not t.arabic or self.taken[i]:
                continue
            hit = _lookup(t, cues)
            if hit is None:
                continue
            k = i + 1
            if k < len(toks) and toks[k].arabic and self._nationality_word(_word(toks[k])):
                k += 1  # "نظيره السويسري مورجس"
            host, off = hit[1] in hosts, 0
            while self._unlisted_club(k, off, host=host):
                m = self.add(k, k + 1, off, "organization", source="club")
                self.clubs.setdefault(_word(toks[k])[off:], m.text)  # type: ignore[attr-defined]
                found = True
                k += 2 if self._nationality_after(k) else 1
                # "وإيندهوفن الهولندي": a coordinated club needs the adjective
                host, off = False, 1
                if k >= len(toks) or not toks[k].arabic or not _and_clitic(toks[k].text, 1):
                    break
        if found:
            self.known_clubs()  # "... مدافع مورجس السويسري" later in the same sentence

    def _nationality_after(self, k: int) -> bool:
        """Token k + 1 is a nationality adjective."""
        toks = self.toks
        return (
            k + 1 < len(toks) and toks[k + 1].arabic and self._nationality_word(_word(toks[k + 1]))
        )

    def _unlisted_club(self, k: int, off: int, *, host: bool) -> bool:
        """Token k (from ``off``: 1 after the و of a coordinated club) may be a club named
        after an opponent cue (:meth:`unlisted_clubs`): one indefinite word that is no
        function word, title, head, given or listed name word, place or nationality, nor
        a word of a person's name read before; with a nationality adjective after it (and
        no listed name word), or after a host word (``host``) before a comma, a full
        stop, a function word or preposition, a word with و or the sentence's end."""
        toks, lex = self.toks, self.lex
        if k >= len(toks) or not toks[k].arabic or self.taken[k]:
            return False
        w = _word(toks[k])[off:]
        if (
            self._no_proper_word(w)
            or w in lex.nationality_ar
            or w in lex.given_ar
            or w in lex.name_risky_ar
            or w in self.known
        ):
            return False
        if self._nationality_after(k):
            return lex.name_ar.get(w, 0) == 0  # "أمام X الإسباني": no listed name word
        if not host:
            return False
        if self._name_ends_at(k):
            return True
        nxt = toks[k + 1]
        after = _word(nxt)
        # "في ضيافة ليل وفي صفوفه", "نظيره السويسري مورجس بـ «١٠» أهداف"
        return nxt.arabic and (_and_clitic(nxt.text, 1) or after in _stop() or len(after) == 1)

    def _listed_club_at(self, i: int) -> int:
        """In a sports text, the end of a listed club's name (words.tsv ``club_ar``) that
        starts at token i, else 0: the gazetteer of places and geographic words leaves it
        to :meth:`listed_clubs` (``باريس سان جرمان``, ``بوابة سان جرمان``). A one-word name
        that is also a place (``روما``) needs a football word in its sentence and to stand
        alone (:meth:`_club_alone`)."""
        toks = self.toks
        if i >= len(toks) or not toks[i].arabic:
            return 0
        table = _club_table()
        for off, stem in arabic_stems(toks[i].text):
            if stem not in table or not self.sports:  # the document read only when needed
                continue
            for words in table[stem]:
                j = i + len(words)
                if j > len(toks) or not all(
                    _word(toks[k]) == w for k, w in zip(range(i + 1, j), words[1:], strict=True)
                ):
                    continue
                if len(words) > 1 or (self._football_sentence() and self._club_alone(i, j, off)):
                    return j
        return 0

    @cached_property
    def sports(self) -> bool:
        """Whether the document is a sports text (:func:`_sports_text`), looked up once."""
        return _sports_text(self.b)

    def _football_sentence(self) -> bool:
        """Whether the sentence holds a football word (words.tsv ``sports_cue_ar``)."""
        cues = word_set("sports_cue_ar")
        return any(_lookup(t, cues) for t in self.toks if t.arabic)

    def _club_alone(self, i: int, j: int, off: int = 0) -> bool:
        """Tokens [i, j) are a club's name standing alone (see :meth:`listed_clubs`); ``off``
        is where the name starts in token i. A name written with و (``وأرسنال``) is
        coordinated with what comes before, never a word describing it."""
        toks, lex = self.toks, self.lex
        if j == i + 1 and j < len(toks) and toks[j].arabic:  # a longer name is whole
            nxt = _word(toks[j])
            if _is_article(nxt) and nxt not in _stop() and nxt not in word_set("relative_ar"):
                after = _word(toks[j + 1]) if j + 1 < len(toks) else ""
                if (
                    not self._nationality_word(nxt)
                    or after[:1] == "ل"
                    or _is_article(after)
                    or _word(toks[i])[2:] in lex.org_heads_ar
                ):
                    # "الاتحاد العربي السعودي لكرة القدم", "الاتحاد البلغاري": the federation
                    return False
        if i == 0 or not toks[i - 1].arabic or _and_clitic(toks[i].text, off):
            return True
        prev = _word(toks[i - 1])
        if (
            prev in lex.org_heads_ar
            or _lookup(toks[i - 1], word_set("company_head_ar"))
            or _lookup(toks[i - 1], word_set("tournament_head_ar"))
        ):
            return False  # "كأس الخليج للأندية": the tournament
        # "النادي الأهلي": the club's own head with the article
        return not _is_article(prev) or prev in _stop() or prev[2:] in word_set("club_head_ar")

    def given_names(self) -> None:
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if self.taken[i] or not t.arabic:
                i += 1
                continue
            for off, stem in arabic_stems(t.text):
                son = off == 0 and self._son_after(i, stem)
                if son or stem in self.lex.given_ar or stem in ("عبد", "ابو"):
                    end = self.read_name(i, after_title=True) if son else self._read_from(i, off)
                    if end:
                        pm = self.add(i, end, off, "person", source="given")
                        self.alias_after(end, pm)
                        i = end - 1
                        break
            i += 1

    def _son_after(self, i: int, stem: str) -> bool:
        """A given name that is also an ordinary word (words.tsv ``given_common_ar``:
        سعيد، عادل) followed by a patronymic particle and an Arabic word: the particle
        makes it a name when the father's name after it is a listed name word or a word the
        model's training text never holds (``سعيد بن محيا``), as ``رجل سعيد`` alone is none."""
        toks, lex = self.toks, self.lex
        if not (
            stem in word_set("given_common_ar")
            and i + 2 < len(toks)
            and toks[i + 1].arabic
            and toks[i + 2].arabic
            and _word(toks[i + 1]) in _patronymic()
        ):
            return False
        father = _word(toks[i + 2])
        return father in lex.given_ar or self._name_word(father) or _unseen(father)

    def _name_word(self, w: str) -> bool:
        """A listed name word (name_words.tsv) that is no function word, title, head or place."""
        lex = self.lex
        return (
            len(w) >= 3
            and w in lex.name_ar
            and w not in _stop()
            and w not in word_set("evaluative_ar")
            and (w,) not in lex.titles_ar
            and w not in lex.org_heads_ar
            and (w,) not in lex.places_ar
            and w not in lex.nationality_ar
            and w[2:] not in lex.nationality_ar
        )

    def _given_end(self, i: int) -> int:
        """End of the given name at token i: two tokens for a compound given name written
        apart whose joined form is a listed given name (``عبد العزيز``, ``عبد الله``,
        ``نور الدين``: a joiner first or an article word second), else one.

        Example:
            In ``عبد العزيز الخمسان`` the given name ends before ``الخمسان``.
        """
        toks = self.toks
        first = _word(toks[i])
        if (
            first not in _patronymic()
            and i + 1 < len(toks)
            and toks[i + 1].arabic
            and first + _word(toks[i + 1]) in self.lex.given_ar
            and (first in word_set("name_join_ar") or _is_article(_word(toks[i + 1])))
        ):
            return i + 2
        return i + 1

    def _unseen_article_word(self, w: str) -> bool:
        """An article word of at least ``_UNSEEN_FAMILY_MIN`` letters that the model's
        training text never holds and that is no function word, nationality or place: a
        family name (``المقحم``), which a later bare mention repeats. Never without the
        model's vocabulary."""
        vocab = vocabulary()
        return (
            bool(vocab)
            and _is_article(w)
            and len(w) >= _UNSEEN_FAMILY_MIN
            and w not in vocab
            and w not in _stop()
            and w[2:] not in self.lex.nationality_ar
            and (w,) not in self.lex.places_ar
        )

    def _unseen_family(self, i: int, w: str) -> bool:
        """An article word right after a listed given name (token i, or tokens i and i+1
        for a compound one, :meth:`_given_end`) that the model's training text never
        holds: a family name (``فهد المقحم``, ``عبد العزيز الخمسان``), not an ordinary
        word (``خالد الهجوم``). Never without the model's vocabulary."""
        end = self._given_end(i)
        given = "".join(_word(t) for t in self.toks[i:end])
        return self._unseen_article_word(w) and given in self.lex.given_ar

    def _family_word(self, w: str) -> bool:
        """A family name made of the article and a listed given name (الجاسم، الفرج),
        not one that is an ordinary word (الكريم)."""
        lex = self.lex
        bare = w[2:]
        return (
            _is_article(w)
            and len(bare) >= _NAME_WORD_MIN + 1
            and (bare in lex.given_ar or bare in lex.given_words_ar)
            and bare not in lex.name_risky_ar
            and w not in _stop()
            and w not in word_set("evaluative_ar")
        )

    def _run(self, i: int, first: str) -> tuple[int, int]:
        """(end, strong) of a run of name words from token i, whose first word reads ``first``.

        ``strong`` counts the words that are no risky name (كريم، سعيد...) nor a particle.
        """
        toks, lex = self.toks, self.lex
        n = len(toks)
        j, strong, w = i, 0, first
        while j < n and j - i < 5 and toks[j].arabic and not self.taken[j]:
            if j > i:
                w = _word(toks[j])
            if j > i and self._family_word(w):
                j += 1  # "سلمان الفرج": the article and a given name close the name
                break
            if w in word_set("name_join_ar"):
                if j + 1 < n and toks[j + 1].arabic and self._name_word(_word(toks[j + 1])):
                    j += 1
                    continue
                break
            if not self._name_word(w):
                break
            if _is_article(w) and not (w.endswith("ي") and j > i):
                break  # an article word ends a name only as a nisba (الزبيدي)
            if w not in lex.name_risky_ar and (lex.name_ar.get(w, 0) >= 2 or w in lex.given_ar):
                strong += 1
            j += 1
            if _is_article(w):
                break
        while j > i and _word(toks[j - 1]) in word_set("name_join_ar"):
            j -= 1  # never end on a particle ("يزيد بن")
        return j, strong

    def name_runs(self) -> None:
        """Runs of listed name words: two or more words, or one word after a speech verb."""
        toks = self.toks
        i = 0
        while i < len(toks):
            if self.taken[i] or not toks[i].arabic:
                i += 1
                continue
            if i > 0 and toks[i - 1].arabic and self._cue_before(i):
                end = self.read_name(i, after_title=True)  # "الإرهابي حامد الراوي"
                if end is not None and end - i >= 2 and self._cue_name_ok(i, end):
                    pm = self.add(i, end, 0, "person", source="cue")
                    self.alias_after(end, pm)
                    i = end
                    continue
            end = self._unseen_after_cue(i)
            if end is not None:
                pm = self.add(i, end, 0, "person", source="cue")
                self.alias_after(end, pm)
                i = end
                continue
            stems = arabic_stems(toks[i].text)
            if any(st in word_set("speech_ar") for _, st in stems[1:]):
                i += 1  # "وأكد" is و + a speech verb, not the name واكد
                continue
            best = None
            for off, stem in stems:
                if stem in _stop() or stem in _patronymic() or (_is_article(stem) and off == 0):
                    continue
                if off and len(stem) < 4 and stem not in self.lex.given_ar:
                    continue  # "كتاب" is no ك + "تاب"
                if off and stem not in self.lex.given_ar and _word(toks[i]) in vocabulary():
                    continue  # "بليون" is a word of its own, no ب + "ليون"
                end, strong = self._run(i, stem)
                if end > i and (best is None or end > best[0]):
                    best = (end, strong, off)
            if best is None:
                i += 1
                continue
            end, strong, off = best
            prev = _word(toks[i - 1]) if i > 0 and toks[i - 1].arabic else ""
            cue = bool(prev) and any(
                st in word_set("speech_ar") for _, st in arabic_stems(toks[i - 1].text)
            )
            nxt = _word(toks[end]) if end < len(toks) and toks[end].arabic else ""
            if cue and not strong and end - i == 1 and nxt in ("ان", "انه"):
                strong = 1  # "وقال كريم إن ...": the speech verb's subject is a person
            if strong and (end - i >= 2 or cue) and not self._model_denies(i, end):
                end = self._family_before_role(i, end)
                pm = self.add(i, end, off, "person", source="names")
                self.alias_after(end, pm)
                i = end
                continue
            i += 1

    def _model_denies(self, i: int, end: int) -> bool:
        """The statistical model read this sentence and found no person over tokens
        [i, end), and either read a place or organisation over them all or learned all
        of them (:func:`known_words`, seen twice or more in training): a run of listed
        name words with no other evidence is then no name
        (``نيسان الماضي``, ``اعتماد خطاب``: words of text that are also names). A foreign
        name it never saw (``طالب كوستا``: كوستا) stays. (A name that opens with a
        given name keeps the rules' reading: the model misses some, ``مازن العمودي``.)"""
        if self.model_persons is None:
            return False
        start, stop = self.toks[i].start, self.toks[end - 1].end
        if any(a < stop and start < z for a, z in self.model_persons):
            return False
        if any(a <= start and stop <= z for a, z in self.model_others):
            return True  # "معاهدة سان X": the model's place or organisation holds it all
        learned = known_words()
        return all(_word(t) in learned for t in self.toks[i:end])

    def _family_before_role(self, i: int, end: int) -> int:
        """End of the one-word name at token i widened over the next word when the name's
        apposition role follows that word (:meth:`_role_complement_after`): the word is
        the family name, though it is also a word of text (``قال أحمد نجم الأمين العام
        للمركز``). Not a function word, an article word, an accusative or a word that is
        a title, a head, a place, a nationality or an evaluative adjective."""
        toks, lex = self.toks, self.lex
        if end != i + 1 or end + 1 >= len(toks) or self.taken[end]:
            return end
        if not (toks[end].arabic and toks[end + 1].arabic):
            return end
        w = _word(toks[end])
        if (
            len(w) <= _NAME_WORD_MIN
            or len(arabic_stems(toks[end].text)) > 1
            or w in _stop()
            or _is_article(w)
            or w.endswith("ا")
            or (w,) in lex.titles_ar
            or w in lex.org_heads_ar
            or (w,) in lex.places_ar
            or w in lex.nationality_ar
            or w in word_set("evaluative_ar")
        ):
            return end
        rm = self.b.overlaps(toks[end + 1].start, toks[end + 1].end, ("role",))
        if rm is None or rm.start != toks[end + 1].start or not self._role_complement_after(rm):
            return end
        return end + 1

    def _cue_before(self, i: int) -> bool:
        """A name cue (``name_cue_ar``) or a speech verb (``speech_ar``) before token i."""
        stems = [st for _, st in arabic_stems(self.toks[i - 1].text)]
        return any(st in word_set("name_cue_ar") or st in word_set("speech_ar") for st in stems)

    def _unseen_after_cue(self, i: int) -> int | None:
        """End of a foreign name no table lists (:meth:`_unseen_name`) at token i after a
        name cue, which a nisba may follow (``المدرب الروماني لازلو بولوني``), or after
        a speech verb when a role or a kinship noun (``kin_noun_ar``) follows the name
        (``وقال X Y الرئيس السابق``, ``وقالت X Y زوجة ...``); None otherwise."""
        toks = self.toks
        k = i - 1
        if k > 0 and toks[k].arabic and toks[k - 1].arabic and self._nisba_at(k):
            k -= 1
        if k < 0 or not toks[k].arabic or self.taken[k]:
            return None
        stems = [st for _, st in arabic_stems(toks[k].text)]
        cue = any(st in word_set("name_cue_ar") for st in stems)
        if not cue and (k != i - 1 or not any(st in word_set("speech_ar") for st in stems)):
            return None
        end = self._unseen_name(i)
        if end is None or cue:
            return end
        nxt = end + 1 if end < len(toks) and toks[end].text in _GAP_MARKS else end
        if end - i < 2 or nxt >= len(toks) or not toks[nxt].arabic:
            return None
        if _word(toks[nxt]) in word_set("kin_noun_ar"):
            return end  # "وقالت X Y زوجة ...": the wife of ...
        hit = self.title(nxt)
        return end if hit is not None and hit[2].kind == "role" else None

    def _nisba_at(self, k: int) -> bool:
        """Token k is a definite nisba adjective (``الروماني``, ``الفنزويلي``): a
        nationality or origin after a name cue."""
        w = _word(self.toks[k])
        return (
            _is_article(w)
            and w.endswith("ي")
            and len(w) >= _NISBA_MIN
            and w not in _stop()
            and (w,) not in self.lex.titles_ar
        )

    def _cue_name_ok(self, i: int, end: int) -> bool:
        """After a name cue any name the title rules accept; after a speech verb only one
        ending in a nisba (``وأوضح بيشي الصرخي``): the verb's subject."""
        prev = [st for _, st in arabic_stems(self.toks[i - 1].text)]
        if any(st in word_set("name_cue_ar") for st in prev):
            return True
        last = _word(self.toks[end - 1])
        return (
            _is_article(last)
            and last.endswith("ي")
            and len(last) >= _UNSEEN_FAMILY_MIN
            and last[2:] not in self.lex.nationality_ar
            and (last,) not in self.lex.places_ar
            and last not in word_set("evaluative_ar")
        )

    def _read_from(self, i: int, off: int) -> int | None:
        if off == 0:
            return self.read_name(i, after_title=False)
        # read with the proclitic removed: check the following tokens the same way
        saved = self.toks[i]
        stem_tok = Tok(saved.start + off, saved.end, saved.text[off:], "w", False, True)
        self.toks[i] = stem_tok
        try:
            return self.read_name(i, after_title=False)
        finally:
            self.toks[i] = saved

    def model(self, spans: Sequence[tuple[int, int, str]]) -> None:
        """Spans of the statistical model: on tokens that no rule took, a new mention (not
        a person made only of words that are also ordinary words); over persons (or
        head-read organisations) of the rules with other bounds, the model's bounds when
        fair (:meth:`_fair_bounds`; roles move with the mention)."""
        toks = self.toks
        for start, end, kind in spans:
            i = next((k for k, t in enumerate(toks) if t.start <= start < t.end), None)
            j = next((k + 1 for k, t in enumerate(toks) if t.start < end <= t.end), None)
            if i is None or j is None or j <= i:
                continue
            if any(self.taken[i:j]) or self.b.overlaps(start, end) is not None:
                self._rebound(i, j, start, end, kind)
                continue
            if kind == "person" and self._inside_role(start, end):
                continue  # "وزير التجارة والصناعة": the role's complement, no person
            if kind == "person" and all(_word(t) in self.lex.name_risky_ar for t in toks[i:j]):
                continue  # only words that are also ordinary words (رجل كريم سعيد): no cue
            if kind == "organization" and j - i >= 2 and self._nationality_at(j):
                if not self.taken[j] and self.b.overlaps(toks[j].start, toks[j].end) is None:
                    j += 1  # "الهلال الأحمر السعودي": the full name
                    end = toks[j - 1].end
            if kind == "place" and j - i == 1 and self._company_head_before(i):
                # "بنك إنجلترا": a company named after the place (and its adjectives)
                off = _lookup(toks[i - 1], word_set("company_head_ar"))[0]
                i, kind, start = i - 1, "organization", toks[i - 1].start + off
                while j < len(toks) and toks[j].arabic and not self.taken[j]:
                    if not _adjective(_word(toks[j])) or j - i > _ORG_ADJ:
                        break
                    j += 1
                end = toks[j - 1].end
            for k in range(i, j):
                self.taken[k] = True
            attrs = {}
            if kind == "person" and j - i == 1:
                full = self._full_name_ending(_word(toks[i]), start)
                if full:
                    attrs["refers_to"] = full  # "والتقى الحمد" after "سهيل بن فرج الحمد"
            m = self.b.mention(start, end, kind, self.sent, language="ar", source="model", **attrs)
            if kind == "person" and j - i >= 2:
                self.remember(i, j, m.text)

    def _inside_role(self, start: int, end: int) -> bool:
        """[start, end) lies inside a role mention the title rules read."""
        return any(
            m.kind == "role" and m.start <= start and end <= m.end
            for m in self.b.within(start, end)
        )

    def coordinated_persons(self) -> None:
        """One-word names coordinated with a one-word person read in the sentence (``مثل
        صدام والأسد والقذافي``: the model's الأسد): the words before it and after it, each
        joined by و, that are name words (:meth:`_coordinated_name`), are persons too."""
        toks = self.toks
        starts = {
            m.start: m
            for m in self.b.mentions.values()
            if m.kind == "person" and self.sent[0] <= m.start < self.sent[1]
        }
        for i, t in enumerate(toks):
            m = starts.get(t.start) or starts.get(t.start + 1)
            if m is None or m.end != t.end or not t.arabic:
                continue
            k = i + 1  # "صدام والأسد والقذافي": the names after it
            while k < len(toks) and self._coordinated_name(k, 1):
                self.add(k, k + 1, 1, "person", source="coordinated")
                k += 1
            k = i  # and the one before it, when it is joined by و
            while k > 0 and _and_clitic(toks[k].text, 1) and self._coordinated_name(k - 1, 0):
                off = 1 if _and_clitic(toks[k - 1].text, 1) else 0
                self.add(k - 1, k, off, "person", source="coordinated")
                k -= 1
                if not off:
                    break

    def _coordinated_name(self, k: int, off: int) -> bool:
        """Token k (from ``off``: 1 after its و) is one name word no rule or model took:
        no function word, title, head, place, nationality or nisba adjective of text
        (``والمادي``), and a given name, a word of two or more listed names or a word of
        ``_PROPER_MIN`` letters or more the model's training text never holds."""
        toks, lex = self.toks, self.lex
        if k >= len(toks) or not toks[k].arabic or self.taken[k]:
            return False
        if off and not _and_clitic(toks[k].text, off):
            return False
        w = _word(toks[k])[off:] if off else _word(toks[k])
        if off == 0 and w[:1] in conjunction_clitics() and _unseen(w) and not _unseen(w[1:]):
            return False
        return (
            len(w) >= _FOREIGN_MIN
            and w not in _stop()
            and (w,) not in lex.titles_ar
            and w not in lex.org_heads_ar
            and (w,) not in lex.places_ar
            and w not in lex.nationality_ar
            and not self._nationality_word(w)
            and w not in lex.name_risky_ar
            # "الدعم المعنوي والمادي": a nisba adjective of text is no name
            and not (_is_article(w) and w.endswith("ي") and self._nisba_of_text(w))
            and (
                w in lex.given_ar
                or lex.name_ar.get(w, 0) >= _NAME_WORD_MIN
                or (len(w) >= _PROPER_MIN and _unseen(w))
            )
        )

    @staticmethod
    def _nisba_of_text(w: str) -> bool:
        """A definite nisba adjective (``المادي``, ``العيني``) whose stem, bare or with
        ة, is a word of the model's training text (مادة، عين); ``القذافي`` is none.

        Example:
            >>> _Sentence._nisba_of_text("العيني"), _Sentence._nisba_of_text("الفلاني")
            (True, False)
        """
        stem = w[2:-1]
        vocab = vocabulary()
        return any(x in vocab for x in (stem, stem + "ه", "ال" + stem))

    def _full_name_ending(self, word: str, before: int) -> str | None:
        """The one full name of a person read before offset ``before`` in the document
        (``_NASAB_NAME_MIN`` words or more) whose last word is ``word``: the model's bare
        family name refers to it. None when none or several do."""
        found = {
            m.text
            for m in self.b.mentions.values()
            if m.kind == "person"
            and m.end <= before
            and len(m.text.split()) >= _NASAB_NAME_MIN
            and _norm(m.text.split()[-1]) == word
        }
        return found.pop() if len(found) == 1 else None

    def _rebound(self, i: int, j: int, start: int, end: int, kind: str) -> None:
        """Give the one rule mention the model span overlaps the model's bounds."""
        near = self.b.within(start, end)
        hits = [m for m in near if m.kind != "role"]
        if (
            not hits
            or any(m.kind != kind for m in hits)
            or [m.span for m in hits] == [(start, end)]
        ):
            return
        if any(m.attrs.get("source") not in _REBOUND_SOURCES[kind] for m in hits):
            return
        if any(m.attrs.get("named_by_title") for m in hits):
            return  # "الملك خالد": named by title and given name
        hits.sort(key=lambda m: (m.start, m.end))
        old = hits[0]
        if any(m.kind == "role" for m in near):
            return  # a title or role word inside the model's span stays the rules' reading
        first, last = min(m.start for m in hits), max(m.end for m in hits)
        sources = frozenset(m.attrs.get("source") for m in hits)
        if not self._fair_bounds(first, last, start, end, kind, sources):
            return
        new = self.b.respan(old, start, end, tuple(hits[1:]), rebound=old.text)
        for k in range(i, j):
            self.taken[k] = True
        if kind == "person" and j - i >= 2:
            self.remember(i, j, new.text)

    def _fair_bounds(
        self,
        first: int,
        last: int,
        start: int,
        end: int,
        kind: str,
        sources: frozenset = frozenset(),
    ) -> bool:
        """Whether the model's bounds [start, end) may replace the rules' [first, last)
        (read by the rules of ``sources``): an organisation only grows; a person grows by
        listed name words only and sheds no listed name word (``الفريق متقاعد محمد
        العماني``: متقاعد goes), except where the model's reading of the context is the
        better one (:meth:`_model_grows`, :meth:`_model_sheds`)."""
        lex = self.lex
        if kind == "organization":
            return start <= first and last <= end
        if end > last and self._nisba_end(last) and not self._article_after(last, end):
            return False  # runs past a family name in -ي (اللواء الغامدي هدية)
        for t in self.toks:
            inside_new = start <= t.start and t.end <= end
            inside_old = first <= t.start and t.end <= last
            if inside_new and t.arabic and _word(t) in _stop():
                return False  # over a function word or alias marker (X المكنى أبو Y)
            if inside_new == inside_old or not t.arabic:
                continue
            if inside_new and "title" in sources and self._model_grows(t, first, last, start, end):
                continue
            if inside_old and self._model_sheds(t, start, sources):
                continue
            stems = [st for _, st in arabic_stems(t.text)]
            stems += [st[2:] for st in stems if _is_article(st)]  # الراشد: راشد
            nisba = any(_is_article(st) and st.endswith("ي") for st in stems)
            listed = nisba or any(
                st in lex.given_ar or st in lex.name_ar or st in word_set("name_join_ar")
                for st in stems
            )
            if inside_new and self._ordinary(_word(t)):
                return False  # grows by an ordinary word (الكاظمي شارك)
            unseen = t.start > first and not self._ordinary(_word(t)) and bool(vocabulary())
            if inside_old and (listed or unseen):
                return False  # sheds a name word, or a later word the model never saw
            if inside_new and any(st in word_set("name_cue_ar") for st in stems):
                return False  # grows over the cue before the name (زميلي، اللاعب)
        return True

    def _model_grows(self, t: Tok, first: int, last: int, start: int, end: int) -> bool:
        """The model's person span may take token t, outside the name the title rules read
        at [first, last): a word between the title and that name, which the title rules
        skipped as the title's complement (``الرئيس حسني فيصل``: حسني), or one
        definite word right after a one-word name, its family name (``رئيس الوزراء فؤاد
        الطاولة``). Never a title, head, place, nationality or number word."""
        w = _word(t)
        if self._no_proper_word(w) and not _is_article(w):
            return False
        if _is_article(w):
            return (
                t.start >= last
                and t.end == end
                and len([x for x in self.toks if first <= x.start and x.end <= last]) == 1
                and not [x for x in self.toks if last <= x.start and x.end < t.start and x.arabic]
                and not self._nationality_word(w)
                and w not in word_set("evaluative_ar")
                and (w,) not in self.lex.titles_ar
                and (w,) not in self.lex.places_ar
                and w not in self.lex.org_heads_ar
            )
        before = [x for x in self.toks if x.end <= start]
        if not before or t.end > first:
            return False
        role = self.b.overlaps(before[-1].start, before[-1].end, ("role",))
        return role is not None and role.end == before[-1].end

    def _model_sheds(self, t: Tok, start: int, sources: frozenset) -> bool:
        """The model's person span may leave out token t of the rules' name: a title word
        too common alone (words.tsv ``title_dropped_ar``: ``مساعده``, ``سلطانها``) before
        the model's name, or, in a name read only as a run of listed name words (source
        ``names``), a word of ordinary text that is no given name (``كما طالب X``: طالب,
        he asked)."""
        stems = [st for _, st in arabic_stems(t.text)]
        dropped = word_set("title_dropped_ar")
        if t.end <= start and any(
            st in dropped
            or any(
                st.endswith(x) and st[: -len(x)] in dropped for x in word_list("pronoun_suffix_ar")
            )
            for st in stems
        ):
            return True
        w = _word(t)
        return sources == {"names"} and w not in self.lex.given_ar and w in vocabulary()

    def _nisba_end(self, last: int) -> bool:
        """The token that ends at ``last`` is a nisba: the article, a stem and -ي."""
        t = next((t for t in self.toks if t.end == last), None)
        if t is None or not t.arabic:
            return False
        w = _word(t)
        return _is_article(w) and w.endswith("ي") and len(w) >= FAMILY_NISBA_MIN

    def _article_after(self, last: int, end: int) -> bool:
        """Every Arabic word in [last, end) carries the article (a second nisba goes on
        the name: الهاشمي القرشي)."""
        words = [t for t in self.toks if last <= t.start and t.end <= end and t.arabic]
        return all(_is_article(_word(t)) for t in words)

    def _ordinary(self, w: str) -> bool:
        """A word of ordinary text: in the model's vocabulary, neither a given name nor a
        name word of two or more listed names nor a nisba (-ي after the article)."""
        lex = self.lex
        return (
            w in vocabulary()
            and w not in lex.given_ar
            and lex.name_ar.get(w, 0) < _NAME_WORD_MIN
            and not (_is_article(w) and w.endswith("ي"))
            and w not in word_set("name_join_ar")
        )

    def org_acronyms(self) -> None:
        """An organisation's short name in parentheses or quotes right after it
        (``منظمة الدول المصدرة للبترول (أوبك)``, ``... "أوبك"``): an ``acronym`` (one
        word) or ``alias`` relation to it. The short name is a listed organisation, or
        words the model's training text never holds or Latin words in capitals (one
        such word is read as an organisation here)."""
        toks, b = self.toks, self.b
        for k in range(1, len(toks) - 2):
            closers = _SHORT_NAME_QUOTES.get(toks[k].text)
            prev = toks[k - 1]
            om = b.overlaps(prev.start, prev.end, ("organization",)) if closers else None
            if om is None or om.end != prev.end:
                continue
            z = k + 1
            while z < len(toks) and z - k <= _SHORT_NAME_MAX and toks[z].text not in closers:
                z += 1
            if z >= len(toks) or toks[z].text not in closers or z == k + 1:
                continue
            inner = toks[k + 1 : z]
            if any(t.kind != "w" for t in inner):
                continue
            start, end = inner[0].start, inner[-1].end
            found = b.within(start, end)
            am = next(
                (m for m in found if m.kind == "organization" and m.span == (start, end)), None
            )
            short = all(self._acronym_word(t) for t in inner)
            if am is not None and not (short or am.attrs.get("source") == "gazetteer"):
                continue  # "وزارة الثقافة "مهرجان الربيع"": an event it holds
            if am is None:
                if found or len(inner) > 1 or not short:
                    continue
                am = b.mention(
                    start, end, "organization", self.sent, language="ar", source="acronym"
                )
            if am is not om:
                kind = "acronym" if len(inner) == 1 else "alias"
                b.relation(kind, am, om, self.sent, rule="parenthesis")

    def org_known_as(self) -> None:
        """An organisation's other name after an alias marker (words.tsv
        ``alias_marker_ar``) in quotes: ``جمعية ... بين البنوك، المعروفة بـ«سويفت»``: an
        ``alias`` relation to it. The organisation's name runs up to the marker: up to
        ``_KNOWN_AS_GAP`` words no rule took between it and the comma before the marker
        are its last words (بين البنوك)."""
        toks, b = self.toks, self.b
        for k in range(1, len(toks) - 1):
            if not toks[k].arabic or _word(toks[k]) not in word_set("alias_marker_ar"):
                continue
            z = k - 1 if toks[k - 1].text in _LONE_NAME_END else k
            found = self._organisation_up_to(z)
            if found is None:
                continue
            om, e = found
            inner = self._quoted_after(k + 1)
            if inner is None:
                continue
            if e < z:
                om = b.respan(om, om.start, toks[z - 1].end)
                for x in range(e, z):
                    self.taken[x] = True
            start, end = toks[inner[0]].start, toks[inner[1] - 1].end
            am = b.mention(start, end, "organization", self.sent, language="ar", source="alias")
            for x in range(*inner):
                self.taken[x] = True
            if am is not om:
                b.relation("alias", am, om, self.sent, rule="known-as")

    def _organisation_up_to(self, z: int) -> tuple[object, int] | None:
        """(mention, token after it) of the organisation that ends at token z or at most
        ``_KNOWN_AS_GAP`` Arabic words no rule took before it; None if none."""
        toks = self.toks
        for e in range(z, max(0, z - _KNOWN_AS_GAP - 1), -1):
            if e <= 0:
                return None
            prev = toks[e - 1]
            om = self.b.overlaps(prev.start, prev.end, ("organization",))
            if om is not None:
                return (om, e) if om.end == prev.end else None
            if self.taken[e - 1] or not prev.arabic:
                return None
        return None

    def _quoted_after(self, k: int) -> tuple[int, int] | None:
        """Token range of the words in quotes after token k (and a word of words.tsv
        ``alias_marker_link_ar`` before the quotes: ب، باسم), at most ``_SHORT_NAME_MAX``
        words no rule took; None otherwise."""
        toks = self.toks
        if k < len(toks) and toks[k].arabic and _word(toks[k]) in word_set("alias_marker_link_ar"):
            k += 1
        closers = _SHORT_NAME_QUOTES.get(toks[k].text) if k < len(toks) else None
        if not closers:
            return None
        z = k + 1
        while z < len(toks) and z - k <= _SHORT_NAME_MAX and toks[z].text not in closers:
            if toks[z].kind != "w" or self.taken[z]:
                return None
            z += 1
        if z >= len(toks) or toks[z].text not in closers or z == k + 1:
            return None
        return k + 1, z

    @staticmethod
    def _acronym_word(t: Tok) -> bool:
        """A Latin word of two or more capitals (``WHO``) or an Arabic word of at least
        ``_PROPER_MIN`` letters the model's training text never holds (``أوبك``)."""
        if not t.arabic:
            return len(t.text) >= _ACRONYM_MIN and t.text.isupper() and t.text.isalpha()
        w = _word(t)
        return len(w) >= _PROPER_MIN and _unseen(w) and w not in _stop()

    def accusative_roles(self) -> None:
        """A role in the accusative right after a person (``عُيّن X وزيرًا للخارجية``,
        ``انتخب X رئيسا``): the person holds it. The holder is the person mention that
        ends right before the role word, or, after an appointment verb (words.tsv
        ``appoint_verb_ar``), the name the title rules read between the verb and it."""
        toks = self.toks
        for k in range(1, len(toks)):
            hit = self._accusative_role(k)
            if hit is None:
                continue
            end, info = hit
            pm = self._person_before(k)
            if pm is None:
                continue
            rm = self.b.mention(
                toks[k].start,
                toks[end - 1].end,
                "role",
                self.sent,
                language="ar",
                role=info.en,
                role_ar=info.ar,
            )
            for x in range(k, end):
                self.taken[x] = True
            self.b.relation(
                "holds_role", pm, rm, self.sent, role=info.en, role_ar=info.ar, rule="accusative"
            )

    def _accusative_role(self, k: int) -> tuple[int, TitleInfo] | None:
        """(end, role) of a role word in the accusative at token k (``وزيرا``: the role
        word and the alif of its case ending), with the complement its title phrase takes
        (``للخارجية`` read as ``الخارجية``), or None."""
        toks, lex = self.toks, self.lex
        t = toks[k]
        if not t.arabic or self.taken[k]:
            return None
        w = _word(t)
        if len(w) < _ACCUSATIVE_MIN or not w.endswith("ا"):
            return None
        base = lex.titles_ar.get((w[:-1],))
        if base is None or base.kind != "role":
            return None
        best: tuple[int, TitleInfo] = (k + 1, base)
        parts: tuple[str, ...] = (w[:-1],)
        for j in range(k + 1, min(len(toks), k + lex.title_max)):
            if not toks[j].arabic or self.taken[j]:
                break
            nxt = _word(toks[j])
            if j == k + 1 and nxt.startswith("لل") and len(nxt) > 3:
                nxt = "ال" + nxt[2:]  # "وزيرا للخارجية": the complement after ل
            parts = (*parts, nxt)
            info = lex.titles_ar.get(parts)
            if info is not None and info.kind == "role":
                best = (j + 1, info)
        return best

    def _person_before(self, k: int) -> object | None:
        """The person mention ending right before token k, or one read there by the
        title rules when an appointment verb stands before it."""
        toks = self.toks
        prev = toks[k - 1]
        pm = self.b.overlaps(prev.start, prev.end, ("person",))
        if pm is not None:
            return pm if pm.end == prev.end else None
        for i in range(max(0, k - _ACCUSATIVE_NAME_MAX), k):
            if i == 0 or self.taken[i] or not toks[i - 1].arabic:
                continue
            if not any(
                st in word_set("appoint_verb_ar") for _, st in arabic_stems(toks[i - 1].text)
            ):
                continue
            if self.read_name(i, after_title=True) == k or self._appointee(i, k):
                return self.add(i, k, 0, "person", source="accusative")
        return None

    def _appointee(self, i: int, k: int) -> bool:
        """Tokens [i, k) between an appointment verb and a role in the accusative read
        as a name: two words or more, a listed name word first, then name words,
        particles, or article words of no ordinary text (``ماجد الحقيل``)."""
        toks, lex = self.toks, self.lex
        if k - i < _NAME_WORD_MIN or not all(t.arabic for t in toks[i:k]):
            return False
        first = _word(toks[i])
        if not self._may_start_name(i) or not (first in lex.name_ar or first in lex.given_ar):
            return False
        for t in toks[i + 1 : k]:
            w = _word(t)
            if w in _stop() or (w,) in lex.titles_ar or w in lex.org_heads_ar:
                return False
            if not (
                w in lex.name_ar
                or w in lex.given_ar
                or w in word_set("name_join_ar")
                or (_is_article(w) and not self._ordinary(w))
            ):
                return False
        return True

    def alias_after(self, end: int, pm: object) -> None:
        """``X المعروف بـ Y`` / ``X الملقب Y`` / ``X المكنى Y``."""
        toks = self.toks
        k = end
        if k < len(toks) and toks[k].text in ("،", ","):
            k += 1
        if (
            k >= len(toks)
            or not toks[k].arabic
            or _word(toks[k]) not in word_set("alias_marker_ar")
        ):
            return
        k += 1
        if k < len(toks) and _word(toks[k]) in word_set("alias_marker_link_ar"):
            k += 1
        while k < len(toks) and toks[k].text in ('"', "«", "“", "-", "ـ"):
            k += 1
        if k >= len(toks) or not toks[k].arabic:
            return
        if self.taken[k]:  # the alias was read already (a kunya from its given name)
            am = self.b.overlaps(toks[k].start, toks[k].end, ("person",))
            if am is not None and am is not pm and am.start >= toks[k].start:
                self.b.relation("alias", am, pm, self.sent, rule="known-as")  # type: ignore[arg-type]
            return
        off = 0
        if (
            toks[k].text.startswith("ب")
            and _word(toks[k]) not in self.lex.given_ar
            and len(_word(toks[k])) > 3
        ):
            off = 1
        saved = toks[k]
        if off:
            toks[k] = Tok(saved.start + 1, saved.end, saved.text[1:], "w", False, True)
        try:
            z = self.read_name(k, after_title=True)
        finally:
            toks[k] = saved
        if z is None:
            return
        am = self.add(k, z, off, "person", source="alias", alias_of=pm.text)  # type: ignore[attr-defined]
        self.b.relation("alias", am, pm, self.sent, rule="known-as")  # type: ignore[arg-type]

    def split_name_endings(self) -> None:
        """A Persian name ending written as a word of its own (the compounds.tsv suffixes
        marked ``apart_ar``, :func:`~nasab.lexicon.name_endings_ar`: ``زاده``) right after
        a person's mention is the end of that name (``وقال كاظم زاده``, ``حسين علي زاده``)."""
        toks = self.toks
        for k in range(1, len(toks)):
            if not toks[k].arabic or _word(toks[k]) not in name_endings_ar():
                continue
            if self.b.overlaps(toks[k].start, toks[k].end) is not None:
                continue  # in a mention (also when the model's bounds left it)
            prev = toks[k - 1]
            pm = self.b.overlaps(prev.start, prev.end, ("person",))
            if pm is None or pm.end != prev.end:
                continue
            name = pm.name if pm.name != pm.text else None
            self.b.respan(pm, pm.start, toks[k].end, name=name)
            self.taken[k] = True

    def bracketed_aliases(self) -> None:
        """A person's other name in brackets right after the name: ``الرئيس أبو X (Y
        Z)``, a kunya and the full name of one person; the bracket holds that name
        alone."""
        toks, b = self.toks, self.b
        for k in range(1, len(toks) - 2):
            if toks[k].text not in _OPEN_BRACKETS:
                continue
            pm = b.overlaps(toks[k - 1].start, toks[k - 1].end, ("person",))
            am = b.overlaps(toks[k + 1].start, toks[k + 1].end, ("person",))
            if pm is None or am is None or pm is am or pm.end != toks[k - 1].end:
                continue
            close = next((j for j in range(k + 1, len(toks)) if toks[j].start >= am.end), None)
            if am.start != toks[k + 1].start or close is None or toks[close].text != ")":
                continue
            b.relation("alias", am, pm, self.sent, rule="bracketed")  # type: ignore[arg-type]


def extract_sentence_ar(
    b: Builder,
    toks: list[Tok],
    sent: tuple[int, int],
    lex: Lexicon,
    model_spans: Sequence[tuple[int, int, str]] = (),
    *,
    model_read: bool = False,
) -> None:
    """Apply the Arabic rules to one sentence's tokens.

    ``model_spans`` are (start, end, kind) spans of a statistical recogniser
    (:func:`nasab.extraction.arabic_ner.predict`): after the rules, each one on tokens
    no rule took becomes a mention (``source="model"``), so that a role read before it
    links to it and its family name is remembered for later bare mentions.
    ``model_read``: the recogniser read the sentence (its spans, perhaps none, are all
    it found), so a run of listed name words it finds no person in is no name.
    """
    s = _Sentence(b, toks, sent, lex)
    if model_read:
        s.model_persons = [(a, z) for a, z, kind in model_spans if kind == "person"]
        s.model_others = [(a, z) for a, z, kind in model_spans if kind != "person"]
    s.gazetteers()
    s.quoted_orgs()
    s.told_outlets()
    s.titles()
    s.orgs()
    s.known_clubs()
    s.listed_clubs()
    s.unlisted_clubs()
    s.given_names()
    s.name_runs()
    s.known_names()
    s.model(model_spans)
    s.coordinated_persons()
    s.org_acronyms()
    s.org_known_as()
    s.accusative_roles()
    s.pending_roles()
    s.late_roles()
    s.bracketed_aliases()
    s.split_name_endings()


def _holders_ar(b: Builder, role: str) -> dict[str, tuple[int, str]]:
    """Last name word -> (start of the first mention, longest name) of each person the
    document names as holding ``role`` or one of its kinds (``Minister of Foreign
    Affairs`` is a ``Minister``)."""
    found: dict[str, tuple[int, str]] = {}
    for r in b.relations:
        held, m = str(r.attrs.get("role") or ""), r.subject
        if r.type != "holds_role" or m.kind != "person" or b.mentions.get(m.span) is not m:
            continue
        if held != role and not held.startswith(role + " of "):
            continue
        name = str(m.attrs.get("refers_to") or m.text)
        if not name.split():
            continue
        key = _norm(name.split()[-1])
        start, best = found.get(key, (m.start, name))
        found[key] = (min(start, m.start), max(best, name, key=len))
    return found


def _reference_at(toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int, TitleInfo] | None:
    """(end, offset, title) of a definite title standing alone at token i (``الوزير``,
    ``ولي العهد``, ``خادم الحرمين الشريفين``): not followed by an article word or a
    ل-complement (``الرئيس التنفيذي``, ``الرئيس الفرنسي``, ``الرئيس للشركة``)."""
    hit = _title_phrase_at(toks, i, lex)
    if hit is None:
        return None
    end, off, key = hit
    info = lex.titles_ar[key]
    if not (_is_article(key[0]) or _is_article(key[-1])):
        return None  # "وزير" alone: indefinite, no reference
    if end < len(toks) and toks[end].arabic:
        nxt = _word(toks[end])
        if _is_article(nxt) or nxt.startswith("لل") or nxt in word_set("name_join_ar"):
            return None
    return end, off, info


def title_references_ar(
    b: Builder, sentences_toks: Sequence[tuple[tuple[int, int], list[Tok]]], lex: Lexicon
) -> None:
    """Title-only references that the document makes clear. A definite role title standing
    alone (``الوزير``, ``الرئيس``, ``ولي العهد``: words.tsv ``title_reference_ar``) names
    the one person the document names before as holding that role (``الوزير`` after
    ``وزير الخارجية X``); a sovereign's title (``خادم الحرمين الشريفين``, words.tsv
    ``sovereign_reference_en``) names the one person the document names as holding a
    role of ``sovereign_reference_role_en`` (the king). Each becomes a person mention
    that refers to him. Nothing is read when the document names several holders or none;
    nor before a name (an honorific), nor with an adjective or a complement after the
    title (``الرئيس الفرنسي``), nor inside another mention.

    Example:
        >>> from nasab.extraction import extract, Document
        >>> text = "وصل الملك سلمان بن عبدالعزيز. وأكد خادم الحرمين الشريفين أهمية الاتفاق"
        >>> [(m.text, m.attrs.get("refers_to")) for m in extract(Document("d", text, "ar")).persons()]
        [('سلمان بن عبدالعزيز', None), ('خادم الحرمين الشريفين', 'سلمان بن عبدالعزيز')]
        >>> text = "وقال وزير الخارجية سامي الأحمد إن الاجتماع مثمر. وأضاف الوزير أن الحوار مستمر"
        >>> [(m.text, m.name) for m in extract(Document("d", text, "ar")).persons()]
        [('سامي الأحمد', 'سامي الأحمد'), ('الوزير', 'سامي الأحمد')]
    """
    refs = word_set("title_reference_ar")
    sovereign = word_set("sovereign_reference_en")
    holders: dict[str, dict[str, tuple[int, str]]] = {}
    held = {r.object.span for r in b.relations if r.object is not None}
    for sent, toks in sentences_toks:
        for i in range(len(toks)):
            hit = _reference_at(toks, i, lex) if toks[i].arabic else None
            if hit is None or (hit[2].en not in refs and hit[2].en not in sovereign):
                continue
            end, off, info = hit
            if info.en not in holders:
                roles = (
                    word_list("sovereign_reference_role_en") if info.en in sovereign else [info.en]
                )
                holders[info.en] = {k: v for r in roles for k, v in _holders_ar(b, r).items()}
            if len(holders[info.en]) != 1:
                continue
            first, name = next(iter(holders[info.en].values()))
            start, stop = toks[i].start + off, toks[end - 1].end
            after = toks[end : end + _REFERENCE_LOOKAHEAD]
            if (
                (start <= first and info.en not in sovereign)
                or any(m.kind != "role" or m.span in held for m in b.within(start, stop))
                or (after and b.overlaps(after[0].start, after[-1].end, ("person",)) is not None)
            ):
                continue  # before the holder is named, inside a mention, or before a name
            b.mention(
                start,
                stop,
                "person",
                sent,
                language="ar",
                name=name,
                refers_to=name,
                source="title-reference",
            )
