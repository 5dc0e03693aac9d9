"""Quality and speed of name comparison, beside plain rapidfuzz baselines.

Prints:
  1. cross-script retrieval: for each Arabic name, rank a pool of 1,000 English names
     (netranslit held-out split and google_ar2en eval): top-1, top-5, MRR;
  2. accuracy on OpenSanctions name_bench cases (match / non-match);
  3. speed: names parsed per second, single compare() calls per second, batch
     pairs per second, with rapidfuzz token_sort_ratio as the yardstick.

Usage:
    python benchmarks/bench_match.py [--data ../shared/data] [--pool 1000] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]


def heldout(arabic: str) -> bool:
    """The evaluation split the transliteration tables were NOT built from
    (the same rule as scripts/build_translit.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translit import bucket

    from nasab.translit._model import arabic_letters

    return bucket(arabic_letters(arabic)) == 0


def load_pairs(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0] and parts[1]:
                out.append((parts[0], parts[1]))
    return out


def rank_of(scores: list[float], right: int) -> int:
    """Rank of the right answer among the scores (1 = best).

    Ties count against the right answer (a constant scorer must not look perfect).
    """
    best = scores[right]
    return 1 + sum(1 for k, s in enumerate(scores) if k != right and s >= best)


def retrieval(name: str, pairs: list[tuple[str, str]], pool: int, seed: int = 13) -> None:
    from nasab import compare

    rng = random.Random(seed)
    # One pool of distinct English names; each Arabic query has exactly one right answer.
    seen: dict[str, str] = {}
    for ar, en in pairs:
        if en not in seen.values() and ar not in seen:
            seen[ar] = en
    items = sorted(seen.items())
    rng.shuffle(items)
    items = items[:pool]
    queries = [ar for ar, _ in items]
    targets = [en for _, en in items]
    methods = {
        "nasab.compare": lambda q, c: [compare(q, t).score for t in c],
        "rapidfuzz ratio (raw)": lambda q, c: [fuzz.ratio(q, t) for t in c],
        "unidecode + rapidfuzz ratio": lambda q, c: [
            fuzz.ratio(unidecode(q).lower(), t.lower()) for t in c
        ],
    }
    print(
        f"\n## cross-script retrieval: {name}, {len(queries)} Arabic queries x pool of {len(targets)}"
    )
    print_ranks(methods, queries, targets)


def print_ranks(
    methods: dict[str, Callable[[str, list[str]], list[float]]],
    queries: list[str],
    targets: list[str],
    width: int = 32,
) -> None:
    """Print top-1, top-5, MRR and CPU seconds of each method; query i's answer is target i."""
    print(f"{'method':{width}} {'top1':>7} {'top5':>7} {'MRR':>7} {'sec':>7}")
    for label, fn in methods.items():
        t0 = time.process_time()
        top1 = top5 = 0
        mrr = 0.0
        for qi, q in enumerate(queries):
            rank = rank_of(fn(q, targets), qi)
            top1 += rank == 1
            top5 += rank <= 5
            mrr += 1.0 / rank
        n = max(1, len(queries))
        print(
            f"{label:{width}} {top1 / n:7.3f} {top5 / n:7.3f} {mrr / n:7.3f} "
            f"{time.process_time() - t0:7.1f}"
        )


def name_bench_half(name1: str, name2: str) -> str:
    """The half of a name_bench pair: ``A`` (rules are tuned on it) or ``B`` (checked), by the
    first byte of SHA-1 of ``name1<TAB>name2``."""
    return "A" if hashlib.sha1(f"{name1}\t{name2}".encode()).digest()[0] % 2 == 0 else "B"


def name_bench(path: Path) -> None:
    from nasab import compare

    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows = [r for r in rows if r["name1"].strip() and r["name2"].strip()]
    truth = [r["is_match"].strip().lower() == "true" for r in rows]

    def accuracy(scores: list[float], idx: list[int], t: float) -> float:
        return sum((scores[k] >= t) == truth[k] for k in idx) / max(1, len(idx))

    def best(scores: list[float], idx: list[int]) -> tuple[float, float]:
        best_acc, best_t = 0.0, 0.0
        for t in sorted({scores[k] for k in idx}):
            acc = accuracy(scores, idx, t)
            if acc > best_acc:
                best_acc, best_t = acc, t
        return best_acc, best_t

    methods = {
        "nasab.compare": lambda r: (
            compare(
                r["name1"],
                r["name2"],
                kind="organization" if r["schema"] not in ("Person", "") else "person",
            ).score
        ),
        "rapidfuzz token_sort_ratio": lambda r: fuzz.token_sort_ratio(r["name1"], r["name2"]) / 100,
        "unidecode + token_sort_ratio": lambda r: (
            fuzz.token_sort_ratio(unidecode(r["name1"]).lower(), unidecode(r["name2"]).lower())
            / 100
        ),
    }
    every = list(range(len(rows)))
    halves = [name_bench_half(r["name1"], r["name2"]) for r in rows]
    person = [r["schema"] == "Person" for r in rows]
    parts = {
        "persons": [k for k in every if person[k]],
        "others": [k for k in every if not person[k]],
        **{
            f"{kind} half {h}": [
                k for k in every if halves[k] == h and person[k] == (kind == "persons")
            ]
            for kind in ("persons", "others")
            for h in "AB"
        },
    }
    print(f"\n## name_bench ({len(rows)} labelled pairs, {sum(truth)} matches)")
    print(f"{'method':32} {'acc@0.7':>8} {'best acc':>9} {'at thr':>7}")
    all_scores = {}
    for label, fn in methods.items():
        scores = all_scores[label] = [fn(r) for r in rows]
        b, t = best(scores, every)
        print(f"{label:32} {accuracy(scores, every, 0.7):8.3f} {b:9.3f} {t:7.2f}")
    print("\nnasab.compare by part (persons: schema Person; others: Company, Organization,")
    print("LegalEntity, Vessel; halves by SHA-1 of the pair, A tuned on, B checked):")
    print(f"{'part':32} {'pairs':>8} {'acc@0.7':>8} {'best acc':>9} {'at thr':>7}")
    scores = all_scores["nasab.compare"]
    for label, idx in parts.items():
        b, t = best(scores, idx)
        print(f"{label:32} {len(idx):8} {accuracy(scores, idx, 0.7):8.3f} {b:9.3f} {t:7.2f}")
    per_schema = sum(
        best(scores, idx)[0] * len(idx) for idx in (parts["persons"], parts["others"])
    ) / len(rows)
    print(f"{'all, each part at its best thr':32} {len(rows):8} {'':8} {per_schema:9.3f}")


def speed(path: Path, n: int) -> None:
    from nasab.match import compare, compare_many
    from nasab.names import clear_parse_caches, parse_name

    names = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] == "individual":
                names.append(row["name"])
    rng = random.Random(7)
    rng.shuffle(names)
    names = names[:n]
    print(f"\n## speed (one process, {len(names)} OFAC person names)")
    import subprocess

    probe = (
        "import time; t = time.perf_counter(); import nasab; t1 = time.perf_counter(); "
        "nasab.compare('Mustafa Al-Kazemi', 'مصطفى الكاظمي'); "
        "print(f'{t1 - t:.3f} {time.perf_counter() - t1:.3f}')"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(3)
    ]
    imp = min(float(r[0]) for r in runs)
    first = min(float(r[1]) for r in runs)
    print(
        f"import nasab: {imp:.3f} s (best of 3); first cross-script compare, loading tables: {first:.3f} s"
    )
    clear_parse_caches()
    distinct = list(dict.fromkeys(names))
    t0 = time.process_time()
    for x in distinct:
        parse_name(x)
    dt = time.process_time() - t0
    print(f"parse_name (uncached, distinct names): {len(distinct) / dt:12,.0f} names/s")
    pairs = [(names[i], names[(i * 7919 + 13) % len(names)]) for i in range(len(names))] * 4
    pairs = [(a, b) for a, b in pairs if a != b][: 4 * len(names)]
    pairs = list(dict.fromkeys(pairs))
    t0 = time.process_time()
    for a, b in pairs:
        compare(a, b)
    dt = time.process_time() - t0
    t1 = time.process_time()
    for a, b in pairs:
        fuzz.token_sort_ratio(a, b)
    dt_rf = time.process_time() - t1
    print(
        f"compare() single calls: {len(pairs) / dt:12,.0f} pairs/s  (rapidfuzz token_sort_ratio: {len(pairs) / dt_rf:,.0f} pairs/s, ratio {dt / dt_rf:.1f}x slower)"
    )
    # Same pairs again: token similarities now cached (compare keeps no result cache).
    t0 = time.process_time()
    for a, b in pairs:
        compare(a, b)
    dt = time.process_time() - t0
    print(f"compare() single calls, token similarities cached: {len(pairs) / dt:12,.0f} pairs/s")
    m = min(1000, len(names))
    a, b = names[:m], names[-m:]
    t0 = time.process_time()
    compare_many(a, b, workers=-1)
    dt = time.process_time() - t0
    t1 = time.process_time()
    process.cdist(a, b, scorer=fuzz.token_sort_ratio, workers=-1)
    dt_rf = time.process_time() - t1
    print(
        f"compare_many {m}x{m}:   {m * m / dt:12,.0f} pairs/s  (rapidfuzz cdist token_sort_ratio: {m * m / dt_rf:,.0f} pairs/s)"
    )
    # Prefilter recall: how many of the pairs that compare() scores high does the batch keep?
    k = 300
    sub_a, sub_b = names[:k], names[:k][::-1]
    full = np.array([[compare(x, y).score for y in sub_b] for x in sub_a])
    batch = compare_many(sub_a, sub_b)
    for thr in (0.5, 0.7):
        want = full >= thr
        kept = ((batch >= thr) & want).sum() / max(1, want.sum())
        print(
            f"compare_many prefilter recall of pairs scoring >= {thr}: {kept:.3f} ({want.sum()} pairs)"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pool", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="smaller pools, for a smoke run")
    ap.add_argument("--only", choices=["retrieval", "bench", "speed"], default=None)
    args = ap.parse_args()
    pool = 200 if args.quick else args.pool
    if args.only in (None, "retrieval"):
        net = [p for p in load_pairs(args.data / "netranslit" / "pairs_dev.tsv") if heldout(p[0])]
        retrieval("netranslit (held-out split)", net, pool)
        retrieval(
            "google_ar2en eval", load_pairs(args.data / "google_ar2en" / "ar2en-eval.txt"), pool
        )
    if args.only in (None, "bench"):
        name_bench(args.data / "name_bench" / "cases.csv")
    if args.only in (None, "speed"):
        speed(args.data / "ofac_sdn_2021" / "clusters.tsv", 2000 if args.quick else 5000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
