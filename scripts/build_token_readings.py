"""Rebuild data/aliases/token_readings.tsv: precomputed cross-script readings of name tokens.

The learned transliteration (beam decoding in ``nasab.translit._model``) costs
milliseconds per new token, too slow for the comparison hot path. This script runs it
once, at build time, and ships what the comparison layer needs:

* ``ar`` rows: the five likeliest Latin spellings of each Arabic name word of
  ``name_words.tsv`` seen in at least two name pairs (article-free, as the comparison
  layer folds it);
* ``whole`` rows: the same for words that begin with the article, read whole
  (``ال`` as part of the name: إلياس Elias);
* ``lat`` rows: the likeliest Arabic spellings of the most frequent English spellings of
  ``translit_words.tsv`` (the Latin -> Arabic reading);
* ``chunk`` rows: for each Arabic letter in its context (previous letter, letter, next
  letter), how the beam decoder rendered it in the best readings of the whole
  vocabulary, weighted by the readings' probabilities. The comparison layer decodes
  tokens that are in no table with these counts alone (a cheap, deterministic
  approximation of the beam decoder that keeps what the letter model taught it).

Every input table leaves out the evaluation split (netranslit bucket 0, ar2en-eval), so
the words the benchmarks evaluate on are not in this table either.

Usage:
    python scripts/build_token_readings.py [--latin 300] [--min-count 2] [--out data/aliases/token_readings.tsv]
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from nasab._data import load_tsv
from nasab.names.keys import fold
from nasab.text import normalize, normalize_arabic
from nasab.translit import _model, schemes
from nasab.translit._model import arabic_letters, split_article, word_table
from nasab.translit.schemes import romanize_token
from nasab.translit.variants import _arabic_for

ARTICLE = "ال"
K = 5
CHUNK_BEAM = 4  # readings of each word whose chunks are counted
CHUNK_OPTIONS = 3  # renderings kept per letter context
MIN_SHARE = 0.01  # renderings rarer than this in their context are dropped


def _cached_decoder() -> None:
    """Decode each word once although readings and chunk counts both need it."""
    fast = lru_cache(maxsize=1 << 16)(_model.decode_arabic)
    _model.decode_arabic = fast  # type: ignore[assignment]
    schemes.decode_arabic = fast  # type: ignore[attr-defined]


def _token_forms(word: str) -> tuple[str, str, bool] | None:
    """(fold, text, article) of one Arabic name word as the comparison layer sees it."""
    norm = normalize(word)
    if not norm or " " in norm:
        return None
    article = norm.startswith(ARTICLE) and len(norm) >= 4 and norm != "الله"
    text = norm[2:] if article else norm
    return fold(text), text, article


def _count_chunks(core: str, chunks: Counter[tuple[str, str, str, str]]) -> None:
    decoded = _model.decode_arabic(core)[:CHUNK_BEAM]
    if not decoded:
        return
    best = decoded[0][1]
    weights = [math.exp(s - best) for _, s, _ in decoded]
    z = sum(weights)
    for (_, _, parts), w in zip(decoded, weights, strict=True):
        for i, c in enumerate(core):
            p = core[i - 1] if i else "^"
            n = core[i + 1] if i + 1 < len(core) else "$"
            chunks[(p, c, n, parts[i])] += w / z


def _arabic_spellings(latin: str) -> tuple[str, ...]:
    """Likely Arabic spellings (normalised) of one article-free Latin token."""
    return tuple(dict.fromkeys(normalize_arabic(a) for a, _ in _arabic_for(latin, K)))


def _chunk_options(
    chunks: Counter[tuple[str, str, str, str]],
) -> dict[tuple[str, str, str], list[tuple[str, float]]]:
    """Best renderings (log share) per context, with the backed-off contexts ``*cn``,
    ``pc*`` and ``*c*`` for contexts the vocabulary never showed."""
    merged: dict[tuple[str, str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (p, c, n, ch), w in chunks.items():
        for key in ((p, c, n), ("*", c, n), (p, c, "*"), ("*", c, "*")):
            merged[key][ch] += w
    out = {}
    for key, d in merged.items():
        total = sum(d.values())
        best = sorted(d.items(), key=lambda x: (-x[1], x[0]))[:CHUNK_OPTIONS]
        out[key] = [(ch, math.log(w / total)) for ch, w in best if w / total >= MIN_SHARE]
    return out


def _fmt(cands: list[tuple[str, float]]) -> str:
    return " ".join(f"{c}:{p:.4f}" for c, p in cands if c and " " not in c and ":" not in c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--out", type=Path, default=root / "data" / "aliases" / "token_readings.tsv")
    ap.add_argument("--latin", type=int, default=300, help="English spellings read into Arabic")
    ap.add_argument("--min-count", type=int, default=2, help="least name pairs per Arabic word")
    args = ap.parse_args()
    _cached_decoder()

    t0 = time.perf_counter()
    rows: dict[tuple[str, str], str] = {}
    chunks: Counter[tuple[str, str, str, str]] = Counter()
    for row in load_tsv("name_words.tsv"):
        if int(row["count"]) < args.min_count:
            continue
        forms = _token_forms(row["ar"])
        if forms is None:
            continue
        f, text, article = forms
        if ("ar", f) not in rows:
            rows[("ar", f)] = _fmt(romanize_token(f, K))
            _, core = split_article(arabic_letters(f))
            if core:
                _count_chunks(core, chunks)
        if article and ("whole", ARTICLE + text) not in rows:
            whole = schemes._token_dist(arabic_letters(ARTICLE + text), K)
            rows[("whole", ARTICLE + text)] = _fmt(list(whole))
    print(f"arabic: {len(rows)} rows, {time.perf_counter() - t0:.0f} s")
    spellings: Counter[str] = Counter()
    for items in word_table().values():
        for en, n in items:
            spellings[en] += n
    frequent = sorted(spellings, key=lambda s: (-spellings[s], s))[: args.latin]
    for en in frequent:
        rows[("lat", en)] = " ".join(_arabic_spellings(en))
    print(f"latin: {len(frequent)} spellings, {time.perf_counter() - t0:.0f} s")
    by_ctx = _chunk_options(chunks)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# nasab derived table: precomputed cross-script readings of name tokens for the\n"
            "# comparison layer (kind=ar: Latin spellings of an article-free Arabic token;\n"
            "# whole: of an article word read whole; lat: Arabic spellings of a Latin token;\n"
            "# chunk: decoder renderings of an Arabic letter in context 'prev letter next', * = any,\n"
            "# with their log share).\n"
            "# Derived from translit_words/chars/lm.tsv and name_words.tsv (netranslit, CC0 1.0;\n"
            "# google/transliteration ar2en-train, Apache-2.0, see NOTICE); evaluation split left\n"
            "# out. Licence: CC0 1.0 / Apache-2.0 as its sources.\n"
            "# Rebuild: python scripts/build_token_readings.py\n"
        )
        out.write("kind\ttoken\treadings\n")
        for (kind, tok), val in sorted(rows.items()):
            if val:
                out.write(f"{kind}\t{tok}\t{val}\n")
        for (p, c, n), items in sorted(by_ctx.items()):
            val = " ".join(f"{ch or '_'}:{lp:.3f}" for ch, lp in items)
            out.write(f"chunk\t{p}{c}{n}\t{val}\n")
    print(f"{len(rows)} readings, {len(by_ctx)} contexts -> {args.out}")


if __name__ == "__main__":
    main()
