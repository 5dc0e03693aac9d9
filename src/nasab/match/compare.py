"""Comparing two names across scripts and spellings.

:func:`compare` parses both names, aligns their tokens one to one by a
script-neutral similarity, and weighs the evidence:

* aligned tokens add evidence in proportion to their similarity and rarity
  (learned token weights: ``Mohammed`` counts for little, ``al-Kazemi`` for much);
* a token present in only one name is *missing*, which costs little;
* family names (or first given names) that do not align are a *conflict*, which
  costs much: ``al-Sudani`` vs ``al-Saadi``;
* given names aligned in crossed order cost much: ``Khalid Jassim`` and
  ``Jassim Khalid`` are usually son and father;
* a kunya (``Abu X``) is a weak alias: it adds a little evidence when both names
  have one, and stands for the whole name only when neither has anything else.

The score is ``evidence / (evidence + conflict + missing)``, times the order
penalty, in [0, 1]; it is symmetric because the pair is put in a canonical order
before anything is computed.

Example:
    >>> compare("Mustafa al-Kadhimi", "مصطفى الكاظمي").score >= 0.85
    True
    >>> compare("Mohammed Shia al-Sudani", "Mohammed al-Saadi").score <= 0.6
    True
    >>> print(compare("Jassim al-Mazroui", "Jassim al-Mazrouei").explain())  # doctest: +ELLIPSIS
    'Jassim al-Mazroui' vs 'Jassim al-Mazrouei': score 1.000 (nasab-name-v1+data...)
    ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from .._display import name_html, table, text_html
from ..errors import InputError
from ..names.keys import coarse, skeleton
from ..names.parse import Name, Token, parse_name
from ..text import normalize
from .algorithms import (
    ABD_DROPPED,
    ALIGN_MIN,
    CANDIDATE_FOLD_SHARE,
    CANDIDATE_RANK,
    COARSE_FOLD,
    COARSE_KEY,
    CONFLICT_FAMILY,
    CONFLICT_GIVEN,
    CONFLICT_OTHER,
    CONFLICT_WEIGHT_FLOOR,
    FULL_SIM,
    INITIAL,
    JOIN_GAIN,
    JOIN_MIN,
    KUNYA,
    KUNYA_CONFLICT,
    MISSING,
    MISSING_SHORT_FORM,
    NAME_ALGORITHM,
    ORDER,
    ORDER_FAMILY,
    REVERSE,
    REVERSE_BAND,
    SKELETON_SHARE_CROSS,
    SKELETON_SHARE_SAME,
    SLOT_CONFLICT,
    WHOLE_WORD_BELOW,
    algorithm_version,
)
from .weights import token_weight

__all__ = ["ALGORITHM", "Match", "compare", "token_similarity"]

#: Id of the scoring algorithm (see :mod:`nasab.match.algorithms`); part of every Match.
ALGORITHM = NAME_ALGORITHM


@dataclass(frozen=True, slots=True)
class Pair:
    """Two aligned tokens and what they contributed."""

    a: Token
    b: Token
    similarity: float
    weight: float


@dataclass(frozen=True)
class Match:
    """The result of comparing two names.

    Attributes:
        a: the first name as given.
        b: the second name as given.
        score: similarity in [0, 1]; 1 means the same name.
        features: the contribution of each feature (evidence, conflict, missing,
            order factor, kunya) to the score.
        pairs: the aligned token pairs.
        notes: human-readable findings (conflicts, missing parts, order).
        algorithm: the scoring algorithm and its version.
        kind: ``person`` or ``organization``.
    """

    a: str
    b: str
    score: float
    features: dict[str, float] = field(default_factory=dict)
    pairs: tuple[Pair, ...] = ()
    notes: tuple[str, ...] = ()
    algorithm: str = ALGORITHM
    kind: str = "person"

    def explain(self) -> str:
        """A readable account of the score: aligned parts, conflicts, features."""
        lines = [f"{self.a!r} vs {self.b!r}: score {self.score:.3f} ({self.version})"]
        for p in self.pairs:
            lines.append(
                f"  aligned {p.a.text!r} ~ {p.b.text!r} ({p.a.role}/{p.b.role}): "
                f"similarity {p.similarity:.2f}, weight {p.weight:.2f}"
            )
        lines.extend(f"  {n}" for n in self.notes)
        if self.features:
            lines.append(
                "  features: " + ", ".join(f"{k}={v:.3f}" for k, v in self.features.items())
            )
        return "\n".join(lines)

    @property
    def version(self) -> str:
        """The algorithm id with the hash of the data tables it read (``nasab-name-v1+data.…``)."""
        return algorithm_version(self.algorithm)

    def __float__(self) -> float:
        return self.score

    def _repr_html_(self) -> str:
        """Both names, the score, the aligned token pairs, notes and features (notebooks)."""
        head = (
            f"<p><b>Match</b> {name_html(self.a)} ⟷ {name_html(self.b)}: "
            f"score <b>{self.score:.3f}</b> ({text_html(self.kind)}, {text_html(self.version)})</p>"
        )
        pairs = table(
            ["token a", "token b", "parts", "similarity", "weight"],
            [
                [
                    name_html(p.a.text),
                    name_html(p.b.text),
                    text_html(f"{p.a.role} / {p.b.role}"),
                    f"{p.similarity:.2f}",
                    f"{p.weight:.2f}",
                ]
                for p in self.pairs
            ],
        )
        notes = "".join(f"<li>{text_html(n)}</li>" for n in self.notes)
        feats = ", ".join(f"{text_html(k)}={v:.3f}" for k, v in self.features.items())
        return (
            f"<div>{head}{pairs if self.pairs else ''}"
            f"{f'<ul>{notes}</ul>' if notes else ''}"
            f"{f'<p>features: {feats}</p>' if feats else ''}</div>"
        )


def _romanizer() -> Callable[[str, int], list[tuple[str, float]]] | None:
    try:
        from ..translit import romanize_token
    except ImportError:  # the transliteration layer is optional for comparison
        return None
    return romanize_token


@lru_cache(maxsize=262144)
def _cross_fold_sim(arabic: str, latin_fold: str, latin_key: str) -> float:
    """Best similarity between an Arabic token's learned romanisations and a Latin token.

    Each candidate is compared by spelling fold and by skeleton (the romanisations carry
    learned correspondences such as ج -> g that the fixed skeleton classes do not), and
    slightly discounted by its rank, so a likelier reading wins ties.
    """
    from ..names.keys import fold, skeleton

    romanize_token = _romanizer()
    if romanize_token is None:
        return -1.0
    best = 0.0
    for rank, cand in enumerate(_token_romanizations(arabic, romanize_token)):
        f = fold(cand)
        sim = CANDIDATE_FOLD_SHARE * Indel.normalized_similarity(f, latin_fold) + (
            1.0 - CANDIDATE_FOLD_SHARE
        ) * Levenshtein.normalized_similarity(skeleton(cand), latin_key)
        best = max(best, sim * (1.0 - CANDIDATE_RANK * rank))
    return best


@lru_cache(maxsize=262144)
def _whole_word_sim(arabic: str, latin_fold: str) -> float:
    """Spelling similarity of a Latin fold to an Arabic word read whole, article included."""
    from ..names.keys import fold

    try:
        from ..translit._model import arabic_letters
        from ..translit.schemes import _token_dist
    except ImportError:  # the transliteration layer is optional for comparison
        return 0.0
    cands = _token_dist(arabic_letters(arabic), 5)
    return max((Indel.normalized_similarity(fold(c), latin_fold) for c, _ in cands), default=0.0)


@lru_cache(maxsize=1 << 17)
def _arabic_spellings(latin: str) -> tuple[str, ...]:
    """Likely Arabic spellings (normalised) of one article-free Latin token."""
    from ..text import normalize_arabic

    try:
        from ..translit.variants import _arabic_for
    except ImportError:  # the transliteration layer is optional for comparison
        return ()
    return tuple(dict.fromkeys(normalize_arabic(a) for a, _ in _arabic_for(latin, 5)))


@lru_cache(maxsize=262144)
def _reverse_sim(arabic: str, latin: str) -> float:
    cands = _arabic_spellings(latin)
    return max((Indel.normalized_similarity(arabic, c) for c in cands), default=0.0)


def _token_romanizations(
    arabic: str, romanize_token: Callable[[str, int], list[tuple[str, float]]]
) -> list[str]:
    parts = arabic.split(" ")
    if len(parts) == 1:
        return [c for c, _ in romanize_token(arabic, 5)]
    # Compound (عبد وهاب): combine the best candidates of each part, keeping 'abd'.
    out = [""]
    for part in parts:
        cands = (
            ["abd"]
            if part == "عبد"
            else ["din"]
            if part == "دين"
            else [c for c, _ in romanize_token(part, 3)]
        )
        out = [o + c for o in out for c in cands][:9]
    return out


_SIM_CACHE: dict[tuple[str, str], float] = {}
_SIM_CACHE_MAX = 2_000_000


def _token_sim(ta: Token, tb: Token) -> float:
    # A token's key, fold and script all derive from its text, so the text pair is
    # the cache key (str hashes are cached by Python; dataclass hashes are not).
    k = (ta.text, tb.text)
    s = _SIM_CACHE.get(k)
    if s is None:
        if len(_SIM_CACHE) >= _SIM_CACHE_MAX:
            _SIM_CACHE.clear()
        s = _SIM_CACHE[k] = _SIM_CACHE[(tb.text, ta.text)] = _raw_token_sim(ta, tb)
    return s


_ABD_PREFIXES = ("abd ", "عبد ")


def _raw_token_sim(ta: Token, tb: Token) -> float:
    if ta.text == tb.text:
        return 1.0
    abd_a, abd_b = ta.text.startswith(_ABD_PREFIXES), tb.text.startswith(_ABD_PREFIXES)
    if abd_a and abd_b:
        # Abd + divine name: the shared 'Abd' says nothing; compare what follows.
        return _raw_token_sim(_strip_abd(ta), _strip_abd(tb))
    if abd_a != abd_b:
        # 'Abdul Hanif' vs 'Hanif': the servant prefix is often dropped in lists.
        bare = _strip_abd(ta if abd_a else tb)
        other = tb if abd_a else ta
        return min(ABD_DROPPED, _raw_token_sim(bare, other)) if bare.key else 0.0
    if ta.script == tb.script == "latin" and min(len(ta.text), len(tb.text)) == 1:
        # An initial ("A. Khamenei") agrees with any name that starts with it.
        return INITIAL if ta.text[0] == tb.text[0] else 0.0
    if not ta.key or not tb.key:
        return 0.0
    skel = max(
        Levenshtein.normalized_similarity(ta.key, tb.key),
        COARSE_KEY * Levenshtein.normalized_similarity(coarse(ta.key), coarse(tb.key)),
    )
    if ta.script == tb.script:
        spell = max(
            Indel.normalized_similarity(ta.fold, tb.fold),
            COARSE_FOLD * Indel.normalized_similarity(_coarse_fold(ta.fold), _coarse_fold(tb.fold)),
        )
        sim = SKELETON_SHARE_SAME * skel + (1.0 - SKELETON_SHARE_SAME) * spell
        if ta.script == "latin" and ta.article != tb.article:
            # "ALFAGIH" for "AL FAQIH": the article written joined to the name.
            bare, other = (tb, ta) if ta.article else (ta, tb)
            if bare.fold[:2] in ("al", "il") and len(bare.fold) > 5:
                rest = bare.text[2:]
                sim = max(sim, _raw_token_sim(_make_like(bare, rest), other))
    else:
        ar, lat = (ta, tb) if ta.script == "arabic" else (tb, ta)
        spell = _cross_fold_sim(ar.fold, lat.fold, lat.key)
        if spell < 0:
            spell = skel
        if REVERSE_BAND[0] <= spell < REVERSE_BAND[1] and " " not in lat.text + ar.text:
            # Second opinion from the other direction: the Latin token's likeliest
            # Arabic spellings against the Arabic token.
            spell = (1.0 - REVERSE) * spell + REVERSE * _reverse_sim(ar.text, lat.text)
        sim = SKELETON_SHARE_CROSS * skel + (1.0 - SKELETON_SHARE_CROSS) * spell
        if ar.article and not lat.article and sim < WHOLE_WORD_BELOW and " " not in ar.text:
            # Foreign names that begin with ال (إلياس Elias, ألبرتو Alberto) lose their
            # first syllable as an "article": read the whole word as well.
            sim = max(sim, _whole_word_sim("ال" + ar.text, lat.fold))
        if ar.article and not lat.article and lat.fold[:2] in ("al", "il") and len(lat.fold) > 4:
            # 'Elnady' for النادي: the article written joined to the name.
            rest = lat.fold[2:]
            rest_key = skeleton(rest)
            sim = max(
                sim,
                SKELETON_SHARE_CROSS * Levenshtein.normalized_similarity(ar.key, rest_key)
                + (1.0 - SKELETON_SHARE_CROSS) * _cross_fold_sim(ar.fold, rest, rest_key),
            )
    return sim


_COARSE_FOLD = str.maketrans({"z": "d", "g": "k", "G": "k", "x": "h", "p": "b", "v": "f"})


@lru_cache(maxsize=131072)
def _coarse_fold(f: str) -> str:
    """A fold with letters that traditions swap merged (Gaddafi ~ Qadhafi ~ Kadhafi)."""
    out = f.translate(_COARSE_FOLD)
    return "".join(c for i, c in enumerate(out) if i == 0 or c != out[i - 1])


def _make_like(t: Token, text: str) -> Token:
    from ..names.keys import fold

    return Token(text, skeleton(text), t.script, t.role, True, fold(text))


def _strip_abd(t: Token) -> Token:
    from ..names.keys import fold, skeleton

    rest = t.text.split(" ", 1)[1]
    return Token(
        rest,
        "".join(skeleton(p) for p in rest.split(" ")),
        t.script,
        t.role,
        t.article,
        fold(rest.replace(" ", "")),
    )


def token_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two single name tokens in any scripts.

    Example:
        >>> token_similarity("Kazemi", "الكاظمي") > 0.85
        True
    """
    ta, tb = parse_name(a).tokens, parse_name(b).tokens
    if not ta or not tb:
        return 0.0
    return _token_sim(ta[0], tb[0])


def _calibrate(sim: float) -> float:
    """Map raw similarity to agreement in [0, 1]: 0 at the alignment floor, 1 at full."""
    return max(0.0, min(1.0, (sim - ALIGN_MIN) / (FULL_SIM - ALIGN_MIN))) ** 0.5


def _align(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> list[tuple[int, int, float]]:
    cands = []
    for i, x in enumerate(ta):
        for j, y in enumerate(tb):
            s = _token_sim(x, y)
            if s >= ALIGN_MIN:
                # Prefer same-position roles on ties (family with family).
                cands.append((-s, x.role != y.role, abs(i - j), i, j, s))
    cands.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, _, _, i, j, s in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, s))
    return out


def _weight(x: Token, y: Token | None = None) -> float:
    if y is None:
        return token_weight(x.key)
    return 0.5 * (token_weight(x.key) + token_weight(y.key))


def _join_split(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> tuple[Token, ...]:
    """Join adjacent tokens of ``ta`` that the other name writes as one word
    (``Jashn Saz`` / ``Jashnsaz``, ``Kheir Beik`` / ``Khayrbik``)."""
    if len(ta) < 2 or not tb:
        return ta
    folds = [t.fold for t in tb if " " not in t.text and len(t.fold) >= 5]
    if not folds:
        return ta
    out = list(ta)
    i = 0
    while i < len(out) - 1:
        x, y = out[i], out[i + 1]
        joined = x.fold + y.fold
        if (
            x.script == y.script
            and " " not in x.text + y.text
            and any(abs(len(f) - len(joined)) <= 3 for f in folds)
        ):
            best = max(Indel.normalized_similarity(joined, f) for f in folds)
            alone = max(Indel.normalized_similarity(z.fold, f) for z in (x, y) for f in folds)
            if best >= JOIN_MIN and best > alone + JOIN_GAIN:
                role = "family" if y.role == "family" else x.role
                text = x.text + y.text
                out[i : i + 2] = [Token(text, skeleton(text), x.script, role, x.article, joined)]
                continue
        i += 1
    return tuple(out)


def _score_names(
    na: Name, nb: Name
) -> tuple[float, dict[str, float], tuple[Pair, ...], tuple[str, ...]]:
    ta, tb = na.tokens, nb.tokens
    notes: list[str] = []
    kunya_only = not ta and not tb
    if kunya_only:
        ta, tb = na.kunya, nb.kunya
    evidence = conflict = missing = 0.0
    pairs: list[Pair] = []
    alignment = _align(ta, tb)
    if len(ta) + len(tb) > 2 and (
        len(alignment) < max(len(ta), len(tb)) or any(x < FULL_SIM for _, _, x in alignment)
    ):
        # Tokens left over on both sides: one name may write as one word what the other
        # writes as two (only then is the join worth its cost).
        ja, jb = _join_split(ta, tb), _join_split(tb, ta)
        if (ja, jb) != (ta, tb):
            ta, tb = ja, jb
            alignment = _align(ta, tb)
    aligned_a = {i: (j, s) for i, j, s in alignment}
    aligned_b = {j: i for i, j, _ in alignment}
    for i, j, s in alignment:
        x, y = ta[i], tb[j]
        w = _weight(x, y)
        agree = _calibrate(s)
        evidence += w * agree
        family = x.role == "family" or y.role == "family"
        cost = CONFLICT_FAMILY if family else CONFLICT_OTHER
        conflict += cost * max(CONFLICT_WEIGHT_FLOOR, w) * (1.0 - agree)
        if agree < 1.0:
            notes.append(f"partial: {x.text!r} ~ {y.text!r} agree {agree:.2f}")
        pairs.append(Pair(x, y, s, w))
    # Unaligned tokens: conflicts where both names have that part, else missing.
    fa = next((i for i, t in enumerate(ta) if t.role == "family"), None)
    fb = next((j for j, t in enumerate(tb) if t.role == "family"), None)
    family_conflict = (
        fa is not None and fb is not None and fa not in aligned_a and fb not in aligned_b
    )
    given_conflict = len(ta) >= 2 and len(tb) >= 2 and 0 not in aligned_a and 0 not in aligned_b
    if family_conflict:
        assert fa is not None and fb is not None
        conflict += CONFLICT_FAMILY * max(CONFLICT_WEIGHT_FLOOR, _weight(ta[fa], tb[fb]))
        notes.append(f"conflict: family names {ta[fa].text!r} and {tb[fb].text!r} differ")
    if given_conflict:
        conflict += CONFLICT_GIVEN * max(CONFLICT_WEIGHT_FLOOR, _weight(ta[0], tb[0]))
        notes.append(f"conflict: given names {ta[0].text!r} and {tb[0].text!r} differ")
    spare_a = spare_b = 0.0
    for i, t in enumerate(ta):
        if (
            i not in aligned_a
            and not (family_conflict and i == fa)
            and not (given_conflict and i == 0)
        ):
            spare_a += _weight(t)
            notes.append(f"only in first: {t.text!r} ({t.role})")
    for j, t in enumerate(tb):
        if (
            j not in aligned_b
            and not (family_conflict and j == fb)
            and not (given_conflict and j == 0)
        ):
            spare_b += _weight(t)
            notes.append(f"only in second: {t.text!r} ({t.role})")
    # A part missing from one name is fine (a dropped middle name); parts left over on
    # both sides are different names in the same slots, which is a conflict.
    both = min(spare_a, spare_b)
    slots = min(len(ta) - len(aligned_a), len(tb) - len(aligned_b))
    conflict += CONFLICT_OTHER * max(both, SLOT_CONFLICT * slots)
    rate = MISSING
    if both == 0 and any(
        ta[i].role == "family" and tb[j].role == "family" for i, j, _ in alignment
    ):
        # One name is the other's family name plus nothing else ("al-Ubaidi" for "Sami
        # Jassim al-Ubaidi"): the usual short form in news, so missing parts cost less.
        rate = MISSING_SHORT_FORM
    missing += rate * (spare_a + spare_b - 2 * both)
    # Crossed given names: order carries meaning (son before father).
    order = 1.0
    for k, (i1, j1, _) in enumerate(alignment):
        for i2, j2, _ in alignment[k + 1 :]:
            if (i1 - i2) * (j1 - j2) < 0:
                with_family = "family" in (ta[i1].role, ta[i2].role, tb[j1].role, tb[j2].role)
                order *= ORDER_FAMILY if with_family else ORDER
                notes.append(f"order: {ta[i1].text!r} and {ta[i2].text!r} appear in crossed order")
    # Kunyas: weak evidence for, weaker against.
    kunya = 0.0
    if not kunya_only and na.kunya and nb.kunya:
        best = max(_token_sim(x, y) for x in na.kunya for y in nb.kunya)
        agree = _calibrate(best)
        kunya = KUNYA * agree
        evidence += kunya * (1.0 if ta and tb else 2.0)
        conflict += KUNYA_CONFLICT * (1.0 - agree)
        notes.append(f"kunya agreement {agree:.2f}")
    elif not kunya_only and (not ta or not tb) and (na.kunya or nb.kunya):
        notes.append("one name is a kunya only: no evidence either way")
    total = evidence + conflict + missing
    score = order * evidence / total if total > 0 else 0.0
    features = {
        "evidence": evidence,
        "conflict": conflict,
        "missing": missing,
        "order": order,
        "kunya": kunya,
    }
    return max(0.0, min(1.0, score)), features, tuple(pairs), tuple(notes)


def _check(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(
            f"{what} must be a string, got {type(value).__name__ if value is not None else 'None'}"
        )
    if not value.strip():
        raise InputError(f"{what} is empty or whitespace only")
    return value


@lru_cache(maxsize=65536)
def _compare_cached(a: str, b: str, kind: str) -> Match:
    if kind == "organization":
        from .orgs import compare_orgs

        return compare_orgs(a, b)
    if normalize(a) == normalize(b) and normalize(a):
        return Match(a, b, 1.0, {"identical": 1.0}, notes=("identical after normalisation",))
    na, nb = parse_name(a), parse_name(b)
    if not (na.tokens or na.kunya) or not (nb.tokens or nb.kunya):
        same = normalize(a) == normalize(b) and a.strip() == b.strip()
        return Match(a, b, 1.0 if same else 0.0, notes=("no name tokens",))
    score, features, pairs, notes = _score_names(na, nb)
    return Match(a, b, score, features, pairs, notes)


def compare(a: str, b: str, *, kind: str = "person") -> Match:
    """Compare two names in Arabic or Latin script.

    Args:
        a: a name (titles, kunya, particles allowed).
        b: another name.
        kind: ``person`` (default) or ``organization``.

    Returns:
        A :class:`Match` whose ``score`` is in [0, 1] and symmetric in ``a`` and ``b``.

    Raises:
        InputError: a name is not a string, is empty, or is too long.

    Example:
        >>> round(compare("Abdul Wahab Al-Saadi", "عبد الوهاب الساعدي").score, 2) >= 0.85
        True
        >>> compare("Khalid Jassim al-Shammari", "Jassim Khalid al-Shammari").score <= 0.7
        True
    """
    _check(a, "first name")
    _check(b, "second name")
    if kind not in ("person", "organization"):
        raise InputError(f"kind must be 'person' or 'organization', got {kind!r}")
    # Canonical order makes the score exactly symmetric.
    if (a, b) <= (b, a):
        return _compare_cached(a, b, kind)
    m = _compare_cached(b, a, kind)
    return Match(
        a,
        b,
        m.score,
        m.features,
        tuple(Pair(p.b, p.a, p.similarity, p.weight) for p in m.pairs),
        m.notes,
        m.algorithm,
        m.kind,
    )
