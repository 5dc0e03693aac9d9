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

import math
from functools import lru_cache
from itertools import product

from ..text import check_text, clean, is_arabic_char, normalize_latin
from ._model import arabic_letters, decode_latin, reverse_word_table, split_article
from .schemes import _romanize_token

__all__ = ["arabic_candidates", "variants"]

_ARTICLES = {"al", "el", "ul"}
_ASSIMILATED = {
    "ad",
    "an",
    "ar",
    "as",
    "ash",
    "at",
    "ath",
    "az",
    "adh",
    "ed",
    "en",
    "er",
    "es",
    "et",
    "ez",
}
# Latin particles with a fixed Arabic form.
_LATIN_PARTICLES = {
    "abu": "أبو", "abou": "أبو", "abo": "أبو", "bin": "بن", "ben": "بن", "ibn": "ابن",
    "bint": "بنت", "umm": "أم", "um": "أم", "abd": "عبد", "abdul": "عبد", "abdel": "عبد",
    "abdal": "عبد", "abdol": "عبد",
}  # fmt: skip
_ABD = ("abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdoul")

Part = tuple[str, str]  # (article marker "al" or "", core)


def _latin_parts(name: str) -> list[tuple[str, str]]:
    """Split a Latin name into (particle/article, core) parts."""
    tokens = normalize_latin(name).split()
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt and (tok in _ARTICLES or (tok in _ASSIMILATED and nxt.startswith(tok[1:]))):
            parts.append(("al", nxt))
            i += 2
            continue
        if tok in _ABD and len(tokens) > i + 1 and tok not in ("abd",):
            parts.append(("", "abd"))
            parts.append(("al", nxt))
            i += 2
            continue
        for pre in _ABD:
            if tok.startswith(pre) and len(tok) > len(pre) + 2:
                parts.append(("", "abd"))
                parts.append(("al", tok[len(pre) :]))
                break
        else:
            parts.append(("", tok))
        i += 1
    return parts


@lru_cache(maxsize=1)
def _name_words_by_key() -> dict[str, list[tuple[str, int]]]:
    """Attested Arabic name words (data/aliases/name_words.tsv) by consonant skeleton."""
    from .._data import load_tsv
    from ..names.keys import skeleton

    out: dict[str, list[tuple[str, int]]] = {}
    try:
        rows = load_tsv("name_words.tsv")
    except Exception:  # optional table: without it only the decoder is used
        return out
    for row in rows:
        word = row["ar"]
        if word.startswith("ال") and len(word) > 3:
            continue  # nisbas are matched through their article-free form
        out.setdefault(skeleton(word), []).append((word, int(row["count"])))
    for words in out.values():
        words.sort(key=lambda x: (-x[1], x[0]))
    return out


@lru_cache(maxsize=1 << 17)
def _lexicon_candidates(core: str) -> tuple[tuple[str, float], ...]:
    """Attested Arabic name words with the skeleton of ``core`` whose learned
    romanisations come close to it, with normalised weights."""
    from rapidfuzz.distance import Indel

    from ..names.keys import fold, skeleton

    words = _name_words_by_key().get(skeleton(core), [])[:12]
    target = fold(core)
    scored = []
    for word, count in words:
        best = max(
            (Indel.normalized_similarity(fold(c), target) for c, _ in _romanize_token(word, 5)),
            default=0.0,
        )
        if best >= 0.75:
            scored.append((word, best**4 * math.log(2 + count)))
    z = sum(w for _, w in scored)
    return tuple(sorted(((w, x / z) for w, x in scored), key=lambda t: (-t[1], t[0]))) if z else ()


@lru_cache(maxsize=1 << 17)
def _arabic_for(core: str, k: int) -> tuple[tuple[str, float], ...]:
    """Arabic spellings of one article-free Latin token with probabilities."""
    if core in _LATIN_PARTICLES:
        return ((_LATIN_PARTICLES[core], 1.0),)
    if core in ("din", "deen", "dine", "dean", "ddin", "ddine"):
        return (("دين", 1.0),)
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
    return tuple(sorted(dist.items(), key=lambda x: (-x[1], x[0]))[:k])


def _best_combinations(
    options: list[list[tuple[str, float]]], k: int
) -> list[tuple[tuple[str, ...], float]]:
    combos = [
        (tuple(x for x, _ in combo), math.prod(p for _, p in combo))
        for combo in product(*[opts[:k] for opts in options])
    ]
    combos.sort(key=lambda x: -x[1])
    return combos[:k]


def arabic_candidates(name: str, k: int = 5) -> list[str]:
    """Arabic-script spellings of a Latin name, most likely first.

    Args:
        name: a name in Latin script (an Arabic name comes back cleaned, as the only candidate).
        k: how many candidates to return.

    Example:
        >>> arabic_candidates("Abdul Wahab", k=3)[0]
        'عبد الوهاب'
    """
    check_text(name, "name")
    if any(is_arabic_char(c) for c in name):
        return [clean(name)]
    parts = _latin_parts(name)
    if not parts:
        return []
    options = []
    for art, core in parts:
        cands = list(_arabic_for(core, max(k, 1)))
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
        k: how many variants to return.

    Example:
        >>> variants("الكاظمي", k=2)
        ['al-Kazemi', 'al-Kazimi']
    """
    check_text(name, "name")
    k = max(int(k), 0)
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
            dist = _romanize_token(core, k)
            options.append([(_style(sp, bool(art)), p) for sp, p in dist] or [(word, 1.0)])
        return [" ".join(w) for w, _ in _best_combinations(options, k)] if options else []
    out.append(text)
    options = []
    for art, core in _latin_parts(text):
        scores: dict[str, float] = {core: 1.0}
        for ar, p in _arabic_for(core, 5):
            for sp, q in _romanize_token(ar, k):
                scores[sp] = scores.get(sp, 0.0) + p * q
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
        options.append([(_style(sp, bool(art)), p) for sp, p in ranked])
    for words, _ in _best_combinations(options, k + 1):
        cand = " ".join(words)
        if cand.lower() != text.lower() and cand not in out:
            out.append(cand)
    return out[:k]
