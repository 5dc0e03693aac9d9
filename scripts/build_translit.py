#!/usr/bin/env python
"""Rebuild nasab's learned transliteration tables in data/aliases.

Reads the development data (netranslit Wikidata pairs, CC0; Google ar2en train pairs,
Apache-2.0), holds out 10% of the netranslit Arabic words (by a hash of the word) plus every
Arabic word of ar2en-eval.txt, and learns from the rest:

* translit_words.tsv  frequent Arabic words -> attested English spellings with counts
* translit_chars.tsv  channel counts (prev letter, letter, next letter, latin chunk) from a
                      monotonic EM alignment of Arabic letters to Latin chunks (0-4 letters)
* translit_lm.tsv     letter n-gram counts of the English (order 5) and Arabic (order 4) sides

Usage:
    python scripts/build_translit.py                 # writes data/aliases/translit_*.tsv
    python scripts/build_translit.py --data DIR --out DIR
    python scripts/build_translit.py --tune          # grid-search decoder settings on a dev
                                                     # bucket of the training data (no output)

The output is deterministic (sorted rows, no timestamps).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from nasab.translit._model import (  # noqa: E402
    arabic_letters,
    latin_letters,
    split_article,
    strip_latin_article,
)

MAX_CHUNK = 4
EM_ITERATIONS = 6
LEN_PRIOR = {0: 0.3, 1: 1.0, 2: 1.0, 3: 0.5, 4: 0.15}
EN_ORDER = 5
AR_ORDER = 4
HOLDOUT_BUCKETS = 10
DEV_BUCKET = 1  # used only by --tune

Pair = tuple[str, str]


def bucket(arabic: str) -> int:
    """Deterministic 0..9 bucket of an Arabic word (bucket 0 is the held-out split)."""
    return int(hashlib.md5(arabic.encode("utf-8")).hexdigest(), 16) % HOLDOUT_BUCKETS


def read_pairs(path: Path) -> list[Pair]:
    pairs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                pairs.append((parts[0], parts[1]))
    return pairs


def prepare(ar: str, en: str) -> Pair | None:
    """Letters-only, article-free (arabic, latin) pair, or None when unusable."""
    a = arabic_letters(ar)
    e = latin_letters(en)
    if not a or not e:
        return None
    art, core = split_article(a)
    if art:
        _, e2 = strip_latin_article(e)
        a, e = core, e2
    if len(e) > MAX_CHUNK * len(a) or len(a) > 3 * len(e):
        return None
    return a, e


def load(data: Path, exclude_dev: bool = False) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """(train, netranslit held-out, google eval) as raw pairs."""
    net = read_pairs(data / "netranslit" / "pairs_dev.tsv")
    gtrain = read_pairs(data / "google_ar2en" / "ar2en-train.txt")
    geval = read_pairs(data / "google_ar2en" / "ar2en-eval.txt")
    held_words = {arabic_letters(a) for a, _ in geval}
    held = [p for p in net if bucket(arabic_letters(p[0])) == 0]
    held_words |= {arabic_letters(a) for a, _ in held}
    train = [p for p in net + gtrain if arabic_letters(p[0]) not in held_words]
    if exclude_dev:
        train = [p for p in train if bucket(arabic_letters(p[0])) != DEV_BUCKET]
    return train, held, geval


# ------------------------------------------------------------------------------- alignment


def init_table(pairs: list[Pair]) -> dict[str, dict[str, float]]:
    co: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a, e in pairs:
        # sorted: set order depends on PYTHONHASHSEED, and float sums on the order
        subs = sorted(
            {e[j : j + L] for L in range(1, MAX_CHUNK + 1) for j in range(len(e) - L + 1)}
        )
        for c in sorted(set(a)):
            d = co[c]
            d[""] += LEN_PRIOR[0]
            for s in subs:
                d[s] += LEN_PRIOR[len(s)]
    return normalise(co)


def normalise(
    counts: dict[str, dict[str, float]], floor: float = 1e-5
) -> dict[str, dict[str, float]]:
    out = {}
    for c, d in counts.items():
        tot = sum(d.values())
        kept = {k: v / tot for k, v in d.items() if v / tot >= floor}
        tot2 = sum(kept.values())
        out[c] = {k: v / tot2 for k, v in kept.items()}
    return out


def forward(a: str, e: str, t: dict[str, dict[str, float]]) -> list[list[float]]:
    n, m = len(a), len(e)
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    for i in range(n):
        ti = t.get(a[i], {})
        row, nxt = alpha[i], alpha[i + 1]
        for j in range(m + 1):
            aij = row[j]
            if not aij:
                continue
            for L in range(min(MAX_CHUNK, m - j) + 1):
                p = ti.get(e[j : j + L])
                if p:
                    nxt[j + L] += aij * p
    return alpha


def backward(a: str, e: str, t: dict[str, dict[str, float]]) -> list[list[float]]:
    n, m = len(a), len(e)
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        ti = t.get(a[i], {})
        row, nxt = beta[i], beta[i + 1]
        for j in range(m + 1):
            s = 0.0
            for L in range(min(MAX_CHUNK, m - j) + 1):
                b = nxt[j + L]
                if b:
                    p = ti.get(e[j : j + L])
                    if p:
                        s += p * b
            row[j] = s
    return beta


def em_step(pairs: list[Pair], t: dict[str, dict[str, float]]) -> tuple[dict, float]:
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    loglik = 0.0
    for a, e in pairs:
        alpha = forward(a, e, t)
        z = alpha[len(a)][len(e)]
        if z <= 0.0:
            continue
        loglik += math.log(z)
        beta = backward(a, e, t)
        m = len(e)
        for i, c in enumerate(a):
            ti = t.get(c, {})
            row, brow = alpha[i], beta[i + 1]
            d = counts[c]
            for j in range(m + 1):
                aij = row[j]
                if not aij:
                    continue
                for L in range(min(MAX_CHUNK, m - j) + 1):
                    b = brow[j + L]
                    if b:
                        s = e[j : j + L]
                        p = ti.get(s)
                        if p:
                            d[s] += aij * p * b / z
    return counts, loglik


def viterbi(a: str, e: str, t: dict[str, dict[str, float]]) -> tuple[float, list[str]] | None:
    n, m = len(a), len(e)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        ti = t.get(a[i], {})
        for j in range(m + 1):
            s0 = best[i][j]
            if s0 == -math.inf:
                continue
            for L in range(min(MAX_CHUNK, m - j) + 1):
                p = ti.get(e[j : j + L])
                if p:
                    s = s0 + math.log(p)
                    if s > best[i + 1][j + L]:
                        best[i + 1][j + L] = s
                        back[i + 1][j + L] = L
    if best[n][m] == -math.inf:
        return None
    chunks = []
    j = m
    for i in range(n, 0, -1):
        L = back[i][j]
        chunks.append(e[j - L : j])
        j -= L
    return best[n][m], chunks[::-1]


def align(pairs: list[Pair], log: bool = True) -> list[tuple[str, list[str], float]]:
    """EM-train P(chunk | letter) and return the Viterbi alignment of every pair."""
    t = init_table(pairs)
    for it in range(EM_ITERATIONS):
        t0 = time.time()
        counts, ll = em_step(pairs, t)
        t = normalise(counts)
        if log:
            print(
                f"  EM iteration {it + 1}: loglik {ll:,.0f} ({time.time() - t0:.1f}s)",
                file=sys.stderr,
            )
    out = []
    for a, e in pairs:
        v = viterbi(a, e, t)
        if v is not None:
            out.append((a, v[1], v[0] / len(a)))
    return out


# ------------------------------------------------------------------------------ the tables


def ngrams(words: Iterable[str], order: int) -> Counter:
    c: Counter = Counter()
    for w in words:
        s = "^" * (order - 1) + w + "$"
        for k in range(1, order + 1):
            for i in range(len(s) - k + 1):
                g = s[i : i + k]
                if g == "^" * k:
                    continue
                c[g] += 1
    return c


def build(data: Path, out: Path, exclude_dev: bool = False, log: bool = True) -> None:
    train_raw, _, _ = load(data, exclude_dev=exclude_dev)
    prepared = [p for p in (prepare(a, e) for a, e in train_raw) if p is not None]
    if log:
        print(f"{len(train_raw):,} training pairs, {len(prepared):,} usable", file=sys.stderr)
    aligned = align(prepared, log=log)
    # Drop the worst-aligned 5% (mostly pairs that are not transliterations: محمد/morocco).
    scores = sorted(s for _, _, s in aligned)
    cut = scores[int(0.05 * len(scores))]
    kept = [(a, ch) for a, ch, s in aligned if s >= cut]
    if log:
        print(
            f"{len(kept):,} pairs kept after alignment filter (cut {cut:.2f}/letter)",
            file=sys.stderr,
        )

    chars: Counter = Counter()
    words: dict[str, Counter] = defaultdict(Counter)
    for a, chunks in kept:
        words[a]["".join(chunks)] += 1
        for i, c in enumerate(a):
            p = a[i - 1] if i else "^"
            n = a[i + 1] if i + 1 < len(a) else "$"
            chars[(p, c, n, chunks[i] or "_")] += 1

    en_lm = ngrams(("".join(ch) for _, ch in kept), EN_ORDER)
    ar_lm = ngrams((a for a, _ in kept), AR_ORDER)

    out.mkdir(parents=True, exist_ok=True)
    rebuild = "python scripts/build_translit.py"
    source = (
        "# Source: netranslit (Wikidata person-name pairs, COLING 2018 NETransliteration, CC0 1.0)"
        " minus a 10% held-out split by hash of the Arabic word, and google/transliteration"
        " ar2en-train.txt (Apache-2.0, see NOTICE)."
    )
    licence = "# Licence: CC0 1.0 for the netranslit part; Apache-2.0 for the ar2en part (NOTICE)."
    with (out / "translit_words.tsv").open("w", encoding="utf-8") as fh:
        fh.write(
            "# nasab learned table: Arabic word (article-free letters) -> English spellings:count,"
            " most frequent first.\n"
        )
        fh.write(source + "\n" + licence + f"\n# Rebuild: {rebuild}\n")
        fh.write("arabic\tspellings\n")
        for a in sorted(words):
            c = words[a]
            total = sum(c.values())
            items = sorted(c.items(), key=lambda x: (-x[1], x[0]))
            # keep spellings seen twice, or the best one of a rare word; at most 8
            items = [(e, k) for e, k in items if k >= 2 or total <= 2][:8]
            if not items:
                items = sorted(c.items(), key=lambda x: (-x[1], x[0]))[:1]
            fh.write(a + "\t" + " ".join(f"{e}:{k}" for e, k in items) + "\n")
    with (out / "translit_chars.tsv").open("w", encoding="utf-8") as fh:
        fh.write(
            "# nasab learned table: channel counts of Latin chunks emitted by an Arabic letter in"
            " context (^ word start, $ word end, _ empty chunk), from EM alignment.\n"
        )
        fh.write(source + "\n" + licence + f"\n# Rebuild: {rebuild}\n")
        fh.write("prev\tletter\tnext\tchunk\tcount\n")
        for (p, c, n, ch), k in sorted(chars.items()):
            fh.write(f"{p}\t{c}\t{n}\t{ch}\t{k}\n")
    with (out / "translit_lm.tsv").open("w", encoding="utf-8") as fh:
        fh.write(
            "# nasab learned table: letter n-gram counts of romanised names (en, order"
            f" {EN_ORDER}) and Arabic names (ar, order {AR_ORDER}); n-grams longer than 2 seen"
            " once are pruned.\n"
        )
        fh.write(source + "\n" + licence + f"\n# Rebuild: {rebuild}\n")
        fh.write("side\tgram\tcount\n")
        for side, lm in (("ar", ar_lm), ("en", en_lm)):
            for g, k in sorted(lm.items()):
                if len(g) > 2 and k < 2:
                    continue
                fh.write(f"{side}\t{g}\t{k}\n")
    if log:
        for name in ("translit_words.tsv", "translit_chars.tsv", "translit_lm.tsv"):
            print(
                f"wrote {out / name} ({(out / name).stat().st_size / 1e6:.2f} MB)", file=sys.stderr
            )


def tune(data: Path) -> None:
    """Build without the dev bucket into a temp dir and grid-search decoder settings on it."""
    import nasab.translit._model as M

    _, _, _ = load(data)
    train_all, _, _ = load(data)
    dev = [p for p in train_all if bucket(arabic_letters(p[0])) == DEV_BUCKET]
    dev_p = [p for p in (prepare(a, e) for a, e in dev) if p is not None][:3000]
    with tempfile.TemporaryDirectory() as tmp:
        build(data, Path(tmp), exclude_dev=True)
        M.data_path = lambda name: Path(tmp) / name  # type: ignore[assignment]
        for lmw in (0.0, 0.5, 0.8, 1.0, 1.3):
            for beam in (4, 8, 16):
                hit = 0
                for a, e in dev_p:
                    best = M.decode_arabic(a, beam=beam, lm_weight=lmw)
                    hit += best[0][0] == e
                print(f"lm_weight {lmw:.1f} beam {beam:2d}: top-1 {hit / len(dev_p):.3f}")
        for lmw in (0.3, 0.6, 1.0, 1.5):
            hit = 0
            for a, e in dev_p[:1500]:
                cands = [x for x, _ in M.decode_latin(e, lm_weight=lmw)[:5]]
                hit += a in cands
            print(f"reverse lm_weight {lmw:.1f}: top-5 {hit / 1500:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data", type=Path, default=Path("/work/shared/data"), help="development data folder"
    )
    ap.add_argument("--out", type=Path, default=REPO / "data" / "aliases", help="output folder")
    ap.add_argument(
        "--tune", action="store_true", help="grid-search decoder settings, write nothing"
    )
    args = ap.parse_args(argv)
    if args.tune:
        tune(args.data)
    else:
        build(args.data, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
