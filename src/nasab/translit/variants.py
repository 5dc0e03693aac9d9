"""Spelling variants of a name, and Arabic-script candidates for a Latin name.

Both go through the learned model: a Latin name is decoded into likely Arabic spellings
(whole-word reverse table plus a noisy-channel character decoder) and those are romanised
back, so ``al-Kazemi`` yields ``al-Kadhimi`` and ``al-Kazimi`` because the model learned that
ظ is written z, dh and th.

Example:
    >>> arabic_candidates("al-Kazemi", k=2)
    ['الكاظمي', 'الكاظم']
    >>> "al-Kazimi" in variants("al-Kazemi")
    True
"""

from __future__ import annotations

import heapq
import math
from functools import cache, lru_cache

from rapidfuzz.distance import Indel

from ..errors import InputError
from ..lexicon import decoded_readings, din_forms, latin_articles, name_words, particle_arabic
from ..text import (
    MAX_NAME_LENGTH,
    MAX_NAME_TOKENS,
    check_text,
    clean,
    is_arabic_char,
    normalize_latin,
)
from ._model import arabic_letters, decode_latin, reverse_word_table, split_article, word_table
from .schemes import romanize_token

__all__ = ["MAX_K", "MAX_NAME_TOKENS", "MAX_TOKEN_LETTERS", "arabic_candidates", "variants"]

#: Largest ``k`` (number of candidates asked for).
MAX_K = 100
#: Longer words are not names: they are kept as written instead of being decoded.
MAX_TOKEN_LETTERS = 40
# Arabic spellings of a Latin token less likely than this add no Latin variants (each one
# costs a decoding, and its variants would rank low anyway).
MIN_SPELLING_P = 0.05


@cache
def _articles() -> tuple[frozenset[str], frozenset[str]]:
    """Latin spellings of the article: (al-type, assimilated before a sun letter: ash, ad...)."""
    plain = frozenset(a for a in latin_articles() if a.endswith("l"))
    return plain, latin_articles() - plain


@cache
def _abd_article_forms() -> tuple[str, ...]:
    """Spellings of Abd + article (abdul, abdel, abdur...), longest first."""
    forms = (t for t, ar in particle_arabic().items() if ar == "عبد ال" and "-" not in t)
    return tuple(sorted(forms, key=lambda t: (-len(t), t)))


@cache
def _latin_particles() -> dict[str, str]:
    """Latin particle spelling -> its one Arabic word (abou -> أبو, abdul -> عبد)."""
    return {t: ar.split()[0] for t, ar in particle_arabic().items() if "-" not in t}


Part = tuple[str, str]  # (article marker "al" or "", core)


def _latin_parts(name: str) -> list[tuple[str, str]]:
    """Split a Latin name into (particle/article, core) parts."""
    tokens = normalize_latin(name).split()
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        plain, assimilated = _articles()
        if nxt and (tok in plain or (tok in assimilated and nxt.startswith(tok[1:]))):
            parts.append(("al", nxt))
            i += 2
            continue
        if tok in _abd_article_forms() and len(tokens) > i + 1:
            parts.append(("", "abd"))
            parts.append(("al", nxt))
            i += 2
            continue
        for pre in _abd_article_forms():
            if tok.startswith(pre) and len(tok) > len(pre) + 2:
                parts.append(("", "abd"))
                parts.append(("al", tok[len(pre) :]))
                break
        else:
            parts.append(("", tok))
        i += 1
    return parts


@lru_cache(maxsize=1)
def _name_words_by_key() -> dict[str, tuple[tuple[str, int], ...]]:
    """Attested Arabic name words (data/aliases/name_words.tsv) by consonant skeleton, as
    tuples, which the garbage collector untracks."""
    from ..names.keys import skeleton

    out: dict[str, list[tuple[str, int]]] = {}
    for entry in name_words():
        word = entry.ar
        if word.startswith("ال") and len(word) > 3:
            continue  # nisbas are matched through their article-free form
        out.setdefault(skeleton(word), []).append((word, entry.count))
    return {key: tuple(sorted(words, key=lambda x: (-x[1], x[0]))) for key, words in out.items()}


@lru_cache(maxsize=1 << 17)
def _lexicon_candidates(core: str) -> tuple[tuple[str, float], ...]:
    """Attested Arabic name words with the skeleton of ``core`` whose learned
    romanisations come close to it, with normalised weights."""
    from ..names.keys import fold, skeleton

    words = _name_words_by_key().get(skeleton(core), ())[:12]
    target = fold(core)
    scored = []
    for word, count in words:
        best = max(
            (Indel.normalized_similarity(fold(c), target) for c in _spellings(word)), default=0.0
        )
        if best >= 0.75:
            scored.append((word, best**4 * math.log(2 + count)))
    z = sum(w for _, w in scored)
    return tuple(sorted(((w, x / z) for w, x in scored), key=lambda t: (-t[1], t[0]))) if z else ()


def _spellings(word: str) -> list[str]:
    """Latin spellings of an attested Arabic word: its attested spellings when the word
    table has them (no decoding: this keeps a Latin token's cost low), else the five best
    decodings."""
    _, core = split_article(arabic_letters(word))
    entry = word_table().get(core)
    if entry:
        return [en for en, _ in entry[:5]]
    return [c for c, _ in romanize_token(word, 5)]


@lru_cache(maxsize=1 << 17)
def _arabic_for(core: str, k: int) -> tuple[tuple[str, float], ...]:
    """The ``k`` likeliest Arabic spellings of one article-free Latin token.

    Particles come from the particle table; frequent tokens from ``decoded_readings.tsv``,
    which ``scripts/build_decoded_readings.py`` fills with :func:`decoded_arabic_spellings`
    (so the values are the same); any other token is decoded.
    """
    if core in _latin_particles():
        return ((_latin_particles()[core], 1.0),)
    if core in din_forms("latn"):
        return (("دين", 1.0),)
    return decoded_readings("lat").first(core, k, decode=_decoded_arabic)


@lru_cache(maxsize=1 << 14)
def _decoded_arabic(core: str) -> tuple[tuple[str, float], ...]:
    return decoded_arabic_spellings(core)


def decoded_arabic_spellings(core: str) -> tuple[tuple[str, float], ...]:
    """Every Arabic spelling of one article-free, lowercase Latin token that is no
    particle, with its probability, best first, by the decoder and the lexicon: what
    :func:`arabic_candidates` ranks per token.

    Example:
        >>> decoded_arabic_spellings("kazimi")[0][0]
        'كاظمي'
    """
    decoded = decode_latin(core)
    dist: dict[str, float] = {}
    if decoded:
        best = decoded[0][1]
        weights = {ar: math.exp(s - best) for ar, s in decoded}
        z = sum(weights.values())
        dist = {ar: w / z for ar, w in weights.items()}
    lex = _lexicon_candidates(core)
    if lex:
        # Attested Arabic name words whose romanisation fits outrank unattested decodings.
        dist = {ar: 0.3 * p for ar, p in dist.items()}
        for ar, p in lex:
            dist[ar] = dist.get(ar, 0.0) + 0.7 * p
    entry = reverse_word_table().get(core)
    if entry:
        total = sum(n for _, n in entry)
        lam = total / (total + 1.0)
        dist = {ar: (1 - lam) * p for ar, p in dist.items()}
        for ar, n in entry:
            dist[ar] = dist.get(ar, 0.0) + lam * n / total
    return tuple(sorted(dist.items(), key=lambda x: (-x[1], x[0])))


def _best_combinations(
    options: list[list[tuple[str, float]]], k: int
) -> list[tuple[tuple[str, ...], float]]:
    """The ``k`` most probable choices of one option per token, best first.

    A beam search over the tokens that keeps the ``k`` best prefixes: the score of a whole
    choice is the product of its options' probabilities, so every prefix of one of the ``k``
    best choices is itself among the ``k`` best prefixes and the beam is exact. The work is
    O(tokens * k * options) instead of the size of the full product. Ties keep the order of
    the options (earlier first), so the result is deterministic.

    Example:
        >>> best = _best_combinations([[("a", 0.6), ("b", 0.4)], [("x", 0.9), ("y", 0.1)]], 3)
        >>> [(words, round(p, 2)) for words, p in best]
        [(('a', 'x'), 0.54), (('b', 'x'), 0.36), (('a', 'y'), 0.06)]
    """
    if k <= 0 or not options:
        return []
    beam = [0.0]  # log scores of the best prefixes, best first
    back: list[list[tuple[int, int]]] = []  # per token: (row of the prefix, option index)
    for opts in options:
        scored = [
            (logp + _log(p), row, j)
            for row, logp in enumerate(beam)
            for j, (_, p) in enumerate(opts[:k])
        ]
        best = heapq.nsmallest(k, scored, key=lambda t: (-t[0], t[1], t[2]))
        back.append([(row, j) for _, row, j in best])
        beam = [logp for logp, _, _ in best]
    out = []
    for rank, logp in enumerate(beam):
        words: list[str] = []
        for step in range(len(options) - 1, -1, -1):
            rank, j = back[step][rank]
            words.append(options[step][j][0])
        out.append((tuple(reversed(words)), math.exp(logp)))
    return out


def _log(p: float) -> float:
    return math.log(p) if p > 0 else -math.inf


def _check_name(name: object, k: object) -> tuple[str, int]:
    """The name and ``k``, checked against the documented limits."""
    text = check_text(name, "name", max_length=MAX_NAME_LENGTH, max_tokens=MAX_NAME_TOKENS)
    if isinstance(k, bool) or not isinstance(k, int):
        raise InputError(f"k must be an integer, got {type(k).__name__}")
    if k > MAX_K:
        raise InputError(f"k is {k:,}; the limit is {MAX_K:,}")
    return text, max(k, 0)


def arabic_candidates(name: str, k: int = 5) -> list[str]:
    """Arabic-script spellings of a Latin name, most likely first.

    Args:
        name: a name in Latin script (an Arabic name comes back cleaned, as the only candidate).
        k: how many candidates to return (at most :data:`MAX_K`).

    Cost grows linearly with the number of tokens (a beam of ``k`` over the tokens, never
    the full product of their spellings).

    Raises:
        InputError: ``name`` is not a string or is over :data:`nasab.text.MAX_NAME_LENGTH`
            characters or :data:`nasab.text.MAX_NAME_TOKENS` words; ``k`` is over :data:`MAX_K`.

    Example:
        >>> arabic_candidates("Abdul Wahab", k=3)[0]
        'عبد الوهاب'
    """
    name, k = _check_name(name, k)
    if any(is_arabic_char(c) for c in name):
        return [clean(name)]
    parts = _latin_parts(name)
    if not parts or not k:
        return []
    options = []
    for art, core in parts:
        cands = list(_arabic_for(core, k)) if len(core) <= MAX_TOKEN_LETTERS else []
        if art:
            cands = [("ال" + ar, p) for ar, p in cands]
        options.append(cands or [(core, 1.0)])
    return [" ".join(words) for words, _ in _best_combinations(options, k)]


def _style(core: str, article: bool) -> str:
    word = core[:1].upper() + core[1:]
    return f"al-{word}" if article else word


def variants(name: str, k: int = 10) -> list[str]:
    """Ranked plausible Latin spellings of an Arabic or Latin name.

    A Latin name comes first as written (cleaned); the article is kept as ``al-`` when the
    input has one.

    Args:
        name: the name, in either script.
        k: how many variants to return (at most :data:`MAX_K`).

    Cost grows linearly with the number of tokens (a beam of ``k`` over the tokens, never
    the full product of their spellings).

    Raises:
        InputError: ``name`` is not a string or is over :data:`nasab.text.MAX_NAME_LENGTH`
            characters or :data:`nasab.text.MAX_NAME_TOKENS` words; ``k`` is over :data:`MAX_K`.

    Example:
        >>> variants("الكاظمي", k=2)
        ['al-Kazemi', 'al-Kazimi']
    """
    name, k = _check_name(name, k)
    text = clean(name)
    if not text or not k:
        return []
    out: list[str] = []
    if any(is_arabic_char(c) for c in text):
        options = []
        for word in text.split(" "):
            letters = arabic_letters(word)
            if not letters:
                continue
            art, core = split_article(letters)
            dist = romanize_token(core, k) if len(core) <= MAX_TOKEN_LETTERS else ()
            options.append([(_style(sp, bool(art)), p) for sp, p in dist] or [(word, 1.0)])
        return [" ".join(w) for w, _ in _best_combinations(options, k)] if options else []
    out.append(text)
    options = []
    for art, core in _latin_parts(text):
        scores: dict[str, float] = {core: 1.0}
        spellings = _arabic_for(core, 5) if len(core) <= MAX_TOKEN_LETTERS else ()
        for ar, p in (x for x in spellings if x[1] >= MIN_SPELLING_P):
            for sp, q in romanize_token(ar, k):
                scores[sp] = scores.get(sp, 0.0) + p * q
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[: k + 1]
        options.append([(_style(sp, bool(art)), p) for sp, p in ranked])
    for words, _ in _best_combinations(options, k + 1):
        cand = " ".join(words)
        if cand.lower() != text.lower() and cand not in out:
            out.append(cand)
    return out[:k]
