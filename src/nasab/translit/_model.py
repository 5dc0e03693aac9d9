"""The learned transliteration model: tables, preprocessing and decoders.

Three learned tables live in ``data/aliases`` (rebuilt by ``scripts/build_translit.py``):

* ``translit_words.tsv``: frequent Arabic words and their attested English spellings;
* ``translit_chars.tsv``: a channel model P(latin chunk | arabic letter, previous letter,
  next letter), from a monotonic EM alignment of letters to chunks;
* ``translit_lm.tsv``: letter n-gram counts of the English and the Arabic sides.

Arabic -> Latin decoding is a beam search over chunks scored by the channel model plus the
English letter model; Latin -> Arabic is a noisy-channel beam search over segmentations of the
Latin word, scored by the same channel model plus the Arabic letter model. Nothing here is
loaded at import time.

Example:
    >>> arabic_letters("مُصْطَفَى")
    'مصطفى'
    >>> latin_letters("Hülya-Al'i")
    'hulyaali'
    >>> split_article("الكاظمي")
    ('ال', 'كاظمي')
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import cache, lru_cache
from operator import itemgetter

import numpy as np
from unidecode import unidecode

from .._data import data_path
from ..text import clean, is_arabic_char

__all__ = [
    "arabic_letters",
    "decode_arabic",
    "decode_latin",
    "latin_letters",
    "split_article",
    "strip_latin_article",
    "word_table",
]

# Letter-form folding that loses nothing useful for transliteration.
_AR_FOLD = str.maketrans({"ٱ": "ا", "ک": "ك", "ی": "ي", "ھ": "ه", "ۀ": "ة", "ە": "ه"})
_NON_AZ = re.compile(r"[^a-z]+")
_LATIN_ARTICLE = re.compile(
    r"^(?:al|el|ul)[-' ]?(?=[a-z]{3})|^(?:a[dnrstz]|as[h]|ath|adh|e[dnrstz])[-' ](?=[a-z]{3})"
)

#: The Arabic definite article.
ARTICLE = "ال"

# Decoder settings (tuned on a dev split of the training data, see the build script).
BEAM = 8
CANDIDATES = 10
LM_WEIGHT = 0.5
REV_LM_WEIGHT = 0.6
#: Beam of the Latin -> Arabic decoder. It was 16 (2 * BEAM); 8 halves the cost of an
#: unseen Latin token and ranks as well: on the held-out google ar2en eval (1,400 names),
#: ``arabic_candidates`` top-1 0.229 -> 0.230, top-5 0.642 -> 0.644; ``variants`` finds
#: another held-out netranslit spelling of the same word in its 10 for 0.140 -> 0.141.
LATIN_BEAM = 8
TEMPERATURE = 1.0
# Slack of the beam bounds below, far above float rounding: a hypothesis is dropped early
# only when even its bound is this much below the beam's floor.
_BOUND_SLACK = 1e-9


def arabic_letters(token: str) -> str:
    """The Arabic letters of ``token``: diacritics, tatweel and non-Arabic characters dropped.

    Hamza forms, ة and ى are kept (they carry transliteration information).
    """
    text = clean(token).translate(_AR_FOLD)
    return "".join(c for c in text if c.isalpha() and is_arabic_char(c))


def latin_letters(token: str) -> str:
    """Lowercase ASCII letters of a Latin token (diacritics folded, everything else dropped)."""
    return _NON_AZ.sub("", unidecode(token).lower())


def split_article(letters: str) -> tuple[str, str]:
    """Split the article ال from an Arabic word when at least two letters remain."""
    if letters.startswith(ARTICLE) and len(letters) >= 4:
        return ARTICLE, letters[2:]
    return "", letters


def strip_latin_article(word: str) -> tuple[str, str]:
    """Split a romanised article (``al-``, ``el``, ``ash-``...) from a lowercase Latin word.

    Example:
        >>> strip_latin_article("al-kazemi"), strip_latin_article("alaboud")
        (('al', 'kazemi'), ('al', 'aboud'))
    """
    m = _LATIN_ARTICLE.match(word)
    if not m:
        return "", word
    return m.group(0).rstrip("-' "), word[m.end() :]


# --------------------------------------------------------------------------------- tables


def _read_rows(name: str) -> list[list[str]]:
    with data_path(name).open(encoding="utf-8") as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
    return rows[1:]  # header


@cache
def word_table() -> dict[str, tuple[tuple[str, int], ...]]:
    """Arabic word (letters only) -> English spellings with their counts, most frequent first.

    Values are tuples of ``(str, int)``, which the garbage collector untracks: the table is
    permanent and would otherwise be walked by every full collection.
    """
    table: dict[str, tuple[tuple[str, int], ...]] = {}
    for ar, spellings in _read_rows("translit_words.tsv"):
        items = []
        for item in spellings.split(" "):
            en, _, n = item.partition(":")
            items.append((en, int(n)))
        table[ar] = tuple(items)
    return table


@cache
def reverse_word_table() -> dict[str, tuple[tuple[str, int], ...]]:
    """English spelling -> Arabic words with counts (inverse of :func:`word_table`)."""
    rev: dict[str, dict[str, int]] = defaultdict(dict)
    for ar, items in word_table().items():
        for en, n in items:
            rev[en][ar] = rev[en].get(ar, 0) + n
    return {en: tuple(sorted(d.items(), key=lambda x: (-x[1], x[0]))) for en, d in rev.items()}


# A letter's chunks in sort order, chunk -> position, P(chunk | letter) as a vector.
_LetterChunks = tuple[tuple[str, ...], dict[str, int], np.ndarray]


class _Channel:
    """Witten-Bell interpolated P(chunk | prev, letter, next)."""

    def __init__(self) -> None:
        c3: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
        for p, c, n, chunk, count in _read_rows("translit_chars.tsv"):
            ch = "" if chunk == "_" else chunk
            c3[(p, c, n)][ch] = int(count)
        cl: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        cr: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        c1: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (p, c, n), d in c3.items():
            for ch, k in d.items():
                cl[(p, c)][ch] += k
                cr[(c, n)][ch] += k
                c1[c][ch] += k
        self.c3 = dict(c3)
        self.cl = {k: dict(v) for k, v in cl.items()}
        self.cr = {k: dict(v) for k, v in cr.items()}
        self.c1 = {k: dict(v) for k, v in c1.items()}
        # chunk -> letters that emit it (for Latin -> Arabic)
        emit: dict[str, set[str]] = defaultdict(set)
        for c, d in self.c1.items():
            for ch, k in d.items():
                if k >= 2:
                    emit[ch].add(c)
        self.emitters = {ch: tuple(sorted(v)) for ch, v in emit.items()}
        self.max_chunk = max((len(ch) for ch in self.emitters), default=1)
        self._p1_cache: dict[str, dict[str, float]] = {}
        self._letter_cache: dict[str, _LetterChunks | None] = {}
        self._side_cache: dict[tuple[str, str, str], np.ndarray] = {}
        self._denom_cache: dict[tuple[str, str], tuple[int, int]] = {}
        self.emit_cache: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}

    def best(self, p: str, c: str, n: str, count: int) -> tuple[tuple[str, float], ...]:
        """The ``count`` likeliest chunks of letter ``c`` between letters ``p`` and ``n``,
        with P(chunk | p, c, n), best first (ties: the chunk first in sort order); empty for
        a letter never seen.

        The distribution is the Witten-Bell interpolation of the three-letter context's
        counts with the mean of the two-letter ones (each interpolated with the letter's
        own), computed on numpy vectors over the letter's chunks: each value is the same
        chain of floating-point operations on the same numbers as one at a time.
        """
        letter = self._letter(c)
        if letter is None:
            return ()
        chunks, _, _ = letter
        left = self._side(("<", p, c), self.cl.get((p, c)), letter)
        right = self._side((">", c, n), self.cr.get((c, n)), letter)
        dist = self._wb(self.c3.get((p, c, n)), 0.5 * (left + right), letter)
        order = np.argsort(-dist, kind="stable")[:count]
        return tuple((chunks[i], float(dist[i])) for i in order.tolist())

    def _letter(self, c: str) -> _LetterChunks | None:
        """Letter ``c``'s chunks in sort order, their positions, and P(chunk | c)."""
        if c not in self._letter_cache:
            p1 = self._p1(c)
            chunks = tuple(sorted(p1))
            self._letter_cache[c] = (
                (
                    chunks,
                    {ch: i for i, ch in enumerate(chunks)},
                    np.array([p1[ch] for ch in chunks]),
                )
                if chunks
                else None
            )
        return self._letter_cache[c]

    def _side(
        self, key: tuple[str, str, str], counts: dict[str, int] | None, letter: _LetterChunks
    ) -> np.ndarray:
        """P(chunk | previous letter, letter) or P(chunk | letter, next letter)."""
        got = self._side_cache.get(key)
        if got is None:
            got = self._side_cache[key] = self._wb(counts, letter[2], letter)
        return got

    @staticmethod
    def _wb(counts: dict[str, int] | None, back: np.ndarray, letter: _LetterChunks) -> np.ndarray:
        """Witten-Bell: ``counts`` (over the letter's chunks) interpolated with ``back``."""
        if not counts:
            return back
        total = sum(counts.values())
        types = len(counts)
        denom = total + types
        out = types * back / denom
        index = letter[1]
        at = [index[ch] for ch in counts]
        out[at] = out[at] + np.array(list(counts.values())) / denom
        return out

    def left_prob(self, p: str, c: str, chunk: str) -> float | None:
        """P(chunk | previous letter ``p``, letter ``c``), None when ``c`` never emits it.

        One value of the left-context distribution, computed alone with the operations
        :meth:`_wb` uses for the whole distribution (so the same value): the Latin
        decoder asks for a few chunks of many contexts.
        """
        p1 = self._p1(c)
        pch = p1.get(chunk)
        if pch is None:
            return None
        counts = self.cl.get((p, c))
        if not counts:
            return pch
        key = (p, c)
        got = self._denom_cache.get(key)
        if got is None:
            got = self._denom_cache[key] = (sum(counts.values()) + len(counts), len(counts))
        denom, types = got
        value = types * pch / denom
        k = counts.get(chunk)
        return value + k / denom if k else value

    def emissions(self, p: str, chunk: str) -> tuple[tuple[str, float], ...]:
        """The letters that emit ``chunk`` after letter ``p``, with log P(chunk | p, letter),
        in the order of :attr:`emitters`."""
        key = (p, chunk)
        got = self.emit_cache.get(key)
        if got is None:
            pairs = ((c, self.left_prob(p, c, chunk)) for c in self.emitters.get(chunk, ()))
            got = self.emit_cache[key] = tuple((c, math.log(pr)) for c, pr in pairs if pr)
        return got

    def _p1(self, c: str) -> dict[str, float]:
        """P(chunk | letter) with no context (empty for an unknown letter)."""
        got = self._p1_cache.get(c)
        if got is None:
            base = self.c1.get(c, {})
            total = sum(base.values())
            got = self._p1_cache[c] = {ch: k / total for ch, k in base.items()}
        return got


class _LetterLM:
    """Witten-Bell interpolated letter n-gram model; ``^`` starts and ``$`` ends a word.

    The probabilities of every seen history are computed once, a back-off level at a
    time with numpy (the same floating-point operations as the recursive definition,
    so the same values): a lookup is then a walk to the longest seen suffix of the
    history and one table read.
    """

    def __init__(self, counts: dict[str, int], order: int) -> None:
        self.order = order
        hist_total: dict[str, int] = defaultdict(int)
        hist_types: dict[str, int] = defaultdict(int)
        vocab = set()
        for gram, k in counts.items():
            h = gram[:-1]
            hist_total[h] += k
            hist_types[h] += 1
            if len(gram) == 1:
                vocab.add(gram)
        self.uniform = 1.0 / (len(vocab) + 1)
        hists = sorted({"", *hist_total}, key=lambda h: (len(h), h))
        self.row = {h: i for i, h in enumerate(hists)}
        symbols = sorted({g[-1] for g in counts})
        self.col = {x: j for j, x in enumerate(symbols)}  # any other symbol: the last column
        self.probs = self._table(counts, hists, hist_total, hist_types, len(symbols) + 1)
        self.logp = lru_cache(maxsize=1 << 20)(self._logp)
        self._chunk_logp = lru_cache(maxsize=1 << 18)(self._chunk_sum)

    def _table(
        self,
        counts: dict[str, int],
        hists: list[str],
        hist_total: dict[str, int],
        hist_types: dict[str, int],
        width: int,
    ) -> np.ndarray:
        """P(symbol | history) for every seen history (rows) and symbol (columns)."""
        grams = list(counts)
        c = np.zeros((len(hists), width))
        c[[self.row[g[:-1]] for g in grams], [self.col[g[-1]] for g in grams]] = [
            counts[g] for g in grams
        ]
        tot = np.array([hist_total.get(h, 0) for h in hists], dtype=np.float64)
        typ = np.array([hist_types.get(h, 0) for h in hists], dtype=np.float64)
        probs = np.empty_like(c)
        r = self.row[""]
        if tot[r]:
            probs[r] = (c[r] + typ[r] * self.uniform) / (tot[r] + typ[r])
        else:
            probs[r] = self.uniform
        # hists are sorted by length: each level is a slice, its back-off rows are above
        lengths = [len(h) for h in hists]
        for length in range(1, max(lengths) + 1):
            lo, hi = bisect_left(lengths, length), bisect_right(lengths, length)
            back = probs[[self._seen_suffix(h[1:]) for h in hists[lo:hi]]]
            t, k = tot[lo:hi, None], typ[lo:hi, None]
            probs[lo:hi] = (c[lo:hi] + k * back) / (t + k)
        return probs

    def _seen_suffix(self, hist: str) -> int:
        """The row of the longest suffix of ``hist`` that was seen as a history."""
        row = self.row
        while hist not in row:
            hist = hist[1:]
        return row[hist]

    def chunk_logp(self, text: str, chunk: str) -> float:
        """Log P of the letters of ``chunk`` one after another, after ``text``: the sum,
        in order, of :attr:`logp` of each letter (cached by the history that counts)."""
        return self._chunk_logp(text[1 - self.order :], chunk)

    def _chunk_sum(self, hist: str, chunk: str) -> float:
        extra = 0.0
        for x in chunk:
            extra += self.logp(hist[1 - self.order :], x)
            hist += x
        return extra

    def _logp(self, hist: str, x: str) -> float:
        r = self._seen_suffix(hist[-(self.order - 1) :])
        return math.log(self.probs[r, self.col.get(x, -1)])


class _Model:
    def __init__(self) -> None:
        self.channel = _Channel()
        en: dict[str, int] = {}
        ar: dict[str, int] = {}
        order = {"en": 1, "ar": 1}
        for side, gram, count in _read_rows("translit_lm.tsv"):
            (en if side == "en" else ar)[gram] = int(count)
            order[side] = max(order[side], len(gram))
        self.en_lm = _LetterLM(en, order["en"])
        self.ar_lm = _LetterLM(ar, order["ar"])


@cache
def model() -> _Model:
    """The loaded character model (read once, on first use)."""
    return _Model()


@lru_cache(maxsize=1 << 14)
def _candidates(p: str, c: str, n: str) -> tuple[tuple[str, float], ...]:
    best = model().channel.best(p, c, n, CANDIDATES)
    if not best:
        return ((latin_letters(c), 0.0),)
    return tuple((ch, math.log(pr)) for ch, pr in best)


def decode_arabic(
    letters: str, beam: int = BEAM, lm_weight: float = LM_WEIGHT
) -> list[tuple[str, float, tuple[str, ...]]]:
    """Beam-decode Arabic letters into Latin spellings.

    Returns ``(spelling, log score, chunks)`` triples, best first, where ``chunks[i]`` is
    what letter ``i`` was rendered as.

    Letter-model scores are log probabilities (never positive), so a hypothesis plus a
    chunk scores at most its score plus the chunk's channel score: once that bound falls
    below the ``beam``-th best extension found so far, neither that chunk nor any less
    likely one (they come most likely first), nor any worse hypothesis, can enter the
    beam, and they are not scored. The result is the full beam search's.

    Example:
        >>> [text for text, _, _ in decode_arabic("كاظمي")[:2]]
        ['kazemi', 'kazimi']
    """
    if not letters:
        return [("", 0.0, ())]
    if beam < 1:
        return []
    m = model()
    lm = m.en_lm.logp
    hist_len = m.en_lm.order - 1
    # hypothesis: text -> (channel logp, lm logp, chunks as (earlier, last) links), best first
    hyps: _Hyps = {"^": (0.0, 0.0, ())}
    n = len(letters)
    states = _prefix_states()
    shared = True  # the steps so far were found in the cache
    for i, c in enumerate(letters):
        p = letters[i - 1] if i else "^"
        nx = letters[i + 1] if i + 1 < n else "$"
        # the beam after letter i depends only on the letters up to i and the next one
        key = (letters[: i + 1], nx, beam, lm_weight)
        got = states.get(key) if shared else None
        if got is None:
            shared = False
            got = states[key] = _extend(
                hyps, _candidates(p, c, nx), m.en_lm.chunk_logp, beam, lm_weight
            )
        hyps = got
    out = []
    for text, (chan, lmv, link) in hyps.items():
        total = chan + lm_weight * (lmv + lm(text[-hist_len:], "$"))
        out.append((text[1:], total, _unlink(link)))
    out.sort(key=lambda x: -x[1])
    return out


#: Beams of :func:`decode_arabic` kept for their prefix; the cache is emptied when full.
PREFIX_STATES = 1 << 14


@cache
def _prefix_states() -> dict[tuple[str, str, int, float], _Hyps]:
    """The beams of :func:`decode_arabic` after each prefix of the words decoded so far:
    spellings of one name in Arabic letters (كاظمي, كاظمى, كظمي...) share prefixes, whose
    steps are then done once. A beam is a pure function of its key, so the result is
    the same with or without the cache."""
    return _BoundedDict(PREFIX_STATES)


class _BoundedDict(dict):  # type: ignore[type-arg]
    """A dict that empties itself when an insert would take it over ``limit`` keys."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: object, value: object) -> None:
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)


_Link = tuple[object, ...]  # () or (earlier link, chunk)
_Hyps = dict[str, tuple[float, float, _Link]]


def _unlink(link: _Link) -> tuple[str, ...]:
    """The chunks of a hypothesis, first to last, from its chain of links."""
    chunks: list[str] = []
    while link:
        link, chunk = link  # type: ignore[assignment]
        chunks.append(chunk)  # type: ignore[arg-type]
    return tuple(reversed(chunks))


def _extend(
    hyps: _Hyps,
    cands: tuple[tuple[str, float], ...],
    chunk_logp: Callable[[str, str], float],
    beam: int,
    lm_weight: float,
) -> _Hyps:
    """One step of :func:`decode_arabic`: every hypothesis extended by every chunk, the
    ``beam`` best kept (extensions that cannot enter the beam are not scored)."""
    new: _Hyps = {}
    totals: dict[str, float] = {}  # text -> minus its score, to rank the beam
    # a min-heap of the best `beam` scores of distinct texts as first found (a lower bound
    # of the beam's last score)
    floor = [-math.inf] * beam
    top = cands[0][1]
    for text, (chan, lmv, link) in hyps.items():
        base = chan + lm_weight * lmv
        if base + top < floor[0] - _BOUND_SLACK:
            break  # hypotheses come best first: no later one can do better
        for chunk, lp in cands:
            if base + lp < floor[0] - _BOUND_SLACK:
                break
            extra = chunk_logp(text, chunk)
            t = text + chunk
            score = chan + lp
            total = score + lm_weight * (lmv + extra)
            old = totals.get(t)
            if old is None:
                new[t] = (score, lmv + extra, (link, chunk))
                totals[t] = -total
                if total > floor[0]:
                    heapq.heapreplace(floor, total)
            elif -old < total:
                new[t] = (score, lmv + extra, (link, chunk))
                totals[t] = -total
    return {t: new[t] for t in sorted(new, key=totals.__getitem__)[:beam]}


def decode_latin(
    word: str, beam: int = LATIN_BEAM, lm_weight: float = REV_LM_WEIGHT
) -> list[tuple[str, float]]:
    """Noisy-channel decoding of a lowercase ASCII word into Arabic letter strings.

    The hypotheses that consumed ``word[:j]`` form stack ``j``; the ``beam`` best of each
    stack are extended. An extension scores at most its hypothesis plus the channel score
    (letter-model scores are never positive), so one whose bound is below the ``beam``-th
    best of its (not yet final) stack is not scored: it could not be kept (the last stack
    is ranked with the end-of-word score added, which only lowers a score). The result is
    the full search's.

    Example:
        >>> decode_latin("kazimi")[0][0]
        'كاظمي'
    """
    if not word or beam < 1:
        return []
    m = model()
    ch = m.channel
    emit_cache = ch.emit_cache
    lm = m.ar_lm.logp
    hist_len = m.ar_lm.order - 1
    n = len(word)
    # stacks[j]: arabic string (with ^) -> score, for hypotheses that consumed word[:j]
    stacks: list[dict[str, float]] = [{} for _ in range(n + 1)]
    floors = [[-math.inf] * beam for _ in range(n + 1)]  # as in _extend
    stacks[0]["^"] = 0.0
    for j in range(n):
        if not stacks[j]:
            continue
        top = sorted(stacks[j].items(), key=itemgetter(1), reverse=True)[:beam]
        for ar, score in top:
            prev = ar[-1]
            hist = ar[-hist_len:]
            for length in range(1, min(ch.max_chunk, n - j) + 1):
                end = j + length
                stack, floor = stacks[end], floors[end]
                emitted = emit_cache.get((prev, word[j:end]))
                if emitted is None:
                    emitted = ch.emissions(prev, word[j:end])
                for letter, logpr in emitted:
                    bound = score + logpr
                    if bound < floor[0] - _BOUND_SLACK:
                        continue
                    s = bound + lm_weight * lm(hist, letter)
                    nxt = ar + letter
                    old = stack.get(nxt)
                    if old is not None:
                        if s > old:
                            stack[nxt] = s
                        continue
                    stack[nxt] = s
                    if end == n:  # ranked with the end of the word
                        s += lm_weight * lm(nxt[-hist_len:], "$")
                    if s > floor[0]:
                        heapq.heapreplace(floor, s)
    final = [(ar[1:], s + lm_weight * lm(ar[-hist_len:], "$")) for ar, s in stacks[n].items()]
    final.sort(key=lambda x: -x[1])
    return final[:beam]
