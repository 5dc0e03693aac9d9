"""The bounded beam decoders give exactly what the full beam search gives."""

from __future__ import annotations

import math

import pytest

from nasab.translit._model import (
    BEAM,
    LATIN_BEAM,
    LM_WEIGHT,
    REV_LM_WEIGHT,
    _prefix_states,
    decode_arabic,
    decode_latin,
    model,
)
from nasab.translit._model import _candidates as candidates


def full_arabic_beam(letters: str) -> list[tuple[str, float, tuple[str, ...]]]:
    """The beam search of decode_arabic with every extension scored (no bound)."""
    m = model()
    lm, hist_len = m.en_lm.logp, m.en_lm.order - 1
    hyps: dict[str, tuple[float, float, tuple[str, ...]]] = {"^": (0.0, 0.0, ())}
    for i, c in enumerate(letters):
        p = letters[i - 1] if i else "^"
        nx = letters[i + 1] if i + 1 < len(letters) else "$"
        new: dict[str, tuple[float, float, tuple[str, ...]]] = {}
        for text, (chan, lmv, chunks) in hyps.items():
            for chunk, lp in candidates(p, c, nx):
                t, extra = text, 0.0
                for x in chunk:
                    extra += lm(t[-hist_len:], x)
                    t += x
                score = chan + lp
                old = new.get(t)
                if old is None or old[0] + LM_WEIGHT * old[1] < score + LM_WEIGHT * (lmv + extra):
                    new[t] = (score, lmv + extra, (*chunks, chunk))
        ranked = sorted(new.items(), key=lambda kv: -(kv[1][0] + LM_WEIGHT * kv[1][1]))
        hyps = dict(ranked[:BEAM])
    out = [
        (t[1:], chan + LM_WEIGHT * (lmv + lm(t[-hist_len:], "$")), chunks)
        for t, (chan, lmv, chunks) in hyps.items()
    ]
    return sorted(out, key=lambda x: -x[1])


def full_latin_stacks(word: str) -> list[tuple[str, float]]:
    """The stack search of decode_latin with every extension scored (no bound)."""
    m = model()
    ch, lm, hist_len, beam = m.channel, m.ar_lm.logp, m.ar_lm.order - 1, LATIN_BEAM
    stacks: list[dict[str, float]] = [{} for _ in range(len(word) + 1)]
    stacks[0]["^"] = 0.0
    for j in range(len(word)):
        for ar, score in sorted(stacks[j].items(), key=lambda kv: -kv[1])[:beam]:
            for length in range(1, min(ch.max_chunk, len(word) - j) + 1):
                chunk = word[j : j + length]
                for letter in ch.emitters.get(chunk, ()):
                    pr = ch.left_prob(ar[-1], letter, chunk)
                    if not pr:
                        continue
                    s = score + math.log(pr) + REV_LM_WEIGHT * lm(ar[-hist_len:], letter)
                    if s > stacks[j + length].get(ar + letter, -math.inf):
                        stacks[j + length][ar + letter] = s
    final = [(ar[1:], s + REV_LM_WEIGHT * lm(ar[-hist_len:], "$")) for ar, s in stacks[-1].items()]
    return sorted(final, key=lambda x: -x[1])[:beam]


@pytest.mark.parametrize(
    "letters",
    ["كاظمي", "مصطفى", "عبدالرحمن", "الشهرستاني", "ابو", "ظ", "بوتفليقة", "خوارزمي", "ءىئؤ"],
    ids=["kazemi", "mustafa", "abdulrahman", "long-nisba", "abu", "one-letter", "rare", "khw", "hamzas"],
)  # fmt: skip
def test_arabic_decoder_is_the_full_beam(letters):
    assert decode_arabic(letters) == full_arabic_beam(letters)


@pytest.mark.parametrize(
    "word",
    ["kazimi", "mustafa", "abdulrahman", "shahrastani", "x", "bouteflika", "qqqq", "aaaaaaaa"],
    ids=["kazimi", "mustafa", "abdulrahman", "long", "one-letter", "french", "no-vowels", "vowels"],
)
def test_latin_decoder_is_the_full_search(word):
    assert decode_latin(word) == full_latin_stacks(word)


@pytest.mark.parametrize(
    ("call", "expected"),
    [(lambda: decode_arabic("كاظمي", beam=0), []), (lambda: decode_latin("kazimi", beam=0), [])],
    ids=["arabic", "latin"],
)
def test_empty_beam_gives_nothing(call, expected):
    assert call() == expected


def _witten_bell(counts: dict[str, int] | None, back: dict[str, float]) -> dict[str, float]:
    if not counts:
        return back
    denom = sum(counts.values()) + len(counts)
    out = {ch: len(counts) * p / denom for ch, p in back.items()}
    for ch, k in counts.items():
        out[ch] = out.get(ch, 0.0) + k / denom
    return out


def reference_channel(p: str, c: str, n: str) -> list[tuple[str, float]]:
    """P(chunk | p, c, n) one chunk at a time with dicts, best first (ties by chunk)."""
    ch = model().channel
    total = sum(ch.c1.get(c, {}).values())
    p1 = {chunk: k / total for chunk, k in ch.c1.get(c, {}).items()}
    left, right = _witten_bell(ch.cl.get((p, c)), p1), _witten_bell(ch.cr.get((c, n)), p1)
    back = {chunk: 0.5 * (left[chunk] + right[chunk]) for chunk in p1}
    dist = _witten_bell(ch.c3.get((p, c, n)), back)
    return sorted(dist.items(), key=lambda x: (-x[1], x[0]))


@pytest.mark.parametrize(
    ("p", "c", "n"),
    [("^", "ك", "ا"), ("ا", "ظ", "م"), ("م", "ي", "$"), ("ع", "ب", "د"), ("ژ", "ۆ", "ڤ"),
     ("^", "ء", "$"), ("x", "ل", "y"), ("^", "x", "$")],
    ids=["start", "zah", "end", "abd", "unseen-context", "hamza-alone", "latin-neighbours",
         "not-a-letter"],
)  # fmt: skip
def test_channel_vectors_are_the_per_chunk_values(p, c, n):
    expected = reference_channel(p, c, n)
    assert list(model().channel.best(p, c, n, 10)) == expected[:10]
    assert list(model().channel.best(p, c, n, 1000)) == expected


SHARED_PREFIXES = ["كاظمي", "كاظمى", "كاظم", "كاظمية", "كاظميون", "كا", "ك"]


@pytest.mark.parametrize(
    "order",
    [SHARED_PREFIXES, SHARED_PREFIXES[::-1], sorted(SHARED_PREFIXES, key=len)],
    ids=["as-listed", "reversed", "shortest-first"],
)
def test_beams_shared_by_prefixes_change_nothing(order):
    _prefix_states().clear()
    assert [decode_arabic(w) for w in order] == [full_arabic_beam(w) for w in order]
