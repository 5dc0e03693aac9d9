#!/usr/bin/env python
"""Quality and speed of ``nasab.romanize_token`` against simple baselines.

Evaluates on the two splits that ``scripts/build_translit.py`` holds out of training: the
netranslit words whose hash bucket is 0, and google ar2en-eval.txt. References are folded the
way the tables were built (ASCII letters, the article removed on both sides).

Usage:
    python benchmarks/bench_translit.py [--data /work/shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "src"))

from build_translit import load, prepare  # noqa: E402

from nasab.translit import romanize_token  # noqa: E402
from nasab.translit._model import latin_letters  # noqa: E402
from nasab.translit.schemes import _romanize_token  # noqa: E402

# A fixed letter-by-letter map (the usual "simple transliteration" baseline).
LETTER_MAP = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "", "ؤ": "", "ئ": "",
    "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v", "گ": "g",
}  # fmt: skip


def letter_map(ar: str) -> list[str]:
    return ["".join(LETTER_MAP.get(c, "") for c in ar)]


def unidecode_base(ar: str) -> list[str]:
    return [latin_letters(unidecode(ar))]


def nasab_top(ar: str) -> list[str]:
    return [s for s, _ in romanize_token(ar, 5)]


def evaluate(pairs: list[tuple[str, str]], system) -> tuple[float, float, float]:
    top1 = top5 = cer = 0.0
    for ar, en in pairs:
        hyps = system(ar) or [""]
        top1 += hyps[0] == en
        top5 += en in hyps[:5]
        cer += Levenshtein.distance(hyps[0], en) / max(len(en), 1)
    n = len(pairs) or 1
    return top1 / n, top5 / n, cer / n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument(
        "--limit", type=int, default=0, help="evaluate on the first N pairs of each split"
    )
    args = ap.parse_args(argv)
    _, held, geval = load(args.data)
    splits = {}
    for name, raw in (("netranslit held-out 10%", held), ("google ar2en-eval", geval)):
        pairs = [p for p in (prepare(a, e) for a, e in raw) if p is not None]
        splits[name] = pairs[: args.limit] if args.limit else pairs
    systems = {
        "nasab romanize_token": nasab_top,
        "baseline letter map": letter_map,
        "baseline unidecode": unidecode_base,
    }
    print(f"{'split':<26}{'system':<24}{'pairs':>7}{'top-1':>8}{'top-5':>8}{'CER@1':>8}")
    for split, pairs in splits.items():
        for sysname, fn in systems.items():
            t1, t5, cer = evaluate(pairs, fn)
            print(f"{split:<26}{sysname:<24}{len(pairs):>7}{t1:>8.3f}{t5:>8.3f}{cer:>8.3f}")
    words = sorted({a for pairs in splits.values() for a, _ in pairs})
    romanize_token("كاظمي")  # load the tables outside the timing
    _romanize_token.cache_clear()
    from nasab.translit.schemes import _token_dist

    _token_dist.cache_clear()
    t0 = time.perf_counter()
    for w in words:
        romanize_token(w)
    dt = time.perf_counter() - t0
    t0 = time.perf_counter()
    reps = 0
    while reps < 200_000:
        for w in words[:1000]:
            romanize_token(w)
        reps += min(1000, len(words))
    dc = time.perf_counter() - t0
    print(
        f"\nromanize_token uncached: {len(words) / dt:,.0f} tokens/s ({1000 * dt / len(words):.2f} ms/token)"
    )
    print(f"romanize_token cached:   {reps / dc:,.0f} calls/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
