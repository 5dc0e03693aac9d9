"""Time, CPU, peak memory and B-cubed of nasab.resolution on 10k, 100k and 1M generated names.

Names are generated from the netranslit development pairs (Arabic and English spellings
of single name tokens, Wikidata, CC0). The default population (``--population v2``)
models a real one: a person has a given name and a father's name drawn from the same
Zipf-like distribution over the 3,000 commonest tokens (so Mohammed-like names recur
as they do in life), sometimes a grandfather's name, and a family name drawn from the
whole list with a flatter distribution. Each person is written one to four times,
half of the writings in Arabic script and half in Latin with spelling variation
(vowel changes, doubled letters, the article al- added or dropped) and a middle name
sometimes dropped. ``--population v1`` is the earlier generator (every token from one
Zipf distribution, 30% Arabic), kept to compare with older figures. Fixed seed.

Beside nasab, in the same process, a plain rapidfuzz baseline: names blocked by their
lower-cased tokens (blocks of at most 60), pairs scored with ``token_sort_ratio``, pairs
at or above 85 joined into connected components. The *ceiling* is the B-cubed F1 of the
truth with every two entities that share an exact written name merged: what a
resolver that reads names only could reach at best.

Each size runs in a fresh subprocess so that its peak RSS (``resource.getrusage``,
the process and, separately, its largest forked worker) is its own. CPU time counts
the process and its workers. The growth exponent ``log(t2/t1)/log(n2/n1)`` is printed
for wall and CPU time.

Run:
    python benchmarks/bench_resolve_scale.py [--sizes 10000 100000] [--big] [--population v1]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

DATA = Path("/work/shared/data/netranslit/pairs_dev.tsv")


def _vary(word: str, rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.15:
        for a, b in (("ou", "u"), ("u", "ou"), ("e", "i"), ("i", "e"), ("a", "e"), ("o", "u")):
            if a in word:
                return word.replace(a, b, 1)
    if r < 0.25 and len(word) > 3:
        k = rnd.randrange(1, len(word) - 1)
        if word[k].isalpha() and word[k] not in "aeiou":
            return word[:k] + word[k] + word[k:]
    return word


def _pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) == 2 and row[0].strip() and row[1].strip().isalpha():
                pairs.append((row[0].strip(), row[1].strip()))
    return pairs


def _write(toks: list[tuple[str, str]], rnd: random.Random, arabic_share: float) -> str:
    if rnd.random() < arabic_share:
        return " ".join(ar for ar, _ in toks)
    words = [en.capitalize() for _, en in toks]
    if len(words) > 2 and rnd.random() < 0.3:
        del words[1]
    words = [_vary(w.lower(), rnd).capitalize() for w in words]
    if rnd.random() < 0.4:
        words[-1] = "al-" + words[-1]
    return " ".join(words)


def generate(n: int, seed: int = 7, population: str = "v2") -> tuple[list[str], list[int]]:
    """``n`` names and the entity of each (see the module doc)."""
    pairs = _pairs()
    rnd = random.Random(seed)
    rnd.shuffle(pairs)
    names: list[str] = []
    gold: list[int] = []
    entity = 0
    if population == "v1":
        cum = list(itertools.accumulate(1.0 / (k + 1) ** 0.9 for k in range(len(pairs))))
        person = lambda: rnd.choices(pairs, cum_weights=cum, k=rnd.choice((2, 2, 3, 3, 4)))  # noqa: E731
        arabic_share = 0.3
    else:
        given = pairs[:3000]
        # Cumulative weights once (what choices() would recompute on every call).
        g_cum = list(itertools.accumulate(1.0 / (k + 1) ** 1.0 for k in range(len(given))))
        f_cum = list(itertools.accumulate(1.0 / (k + 1) ** 0.5 for k in range(len(pairs))))

        def person() -> list[tuple[str, str]]:
            parts = rnd.choices(given, cum_weights=g_cum, k=3 if rnd.random() < 0.5 else 2)
            return [*parts, *rnd.choices(pairs, cum_weights=f_cum, k=1)]

        arabic_share = 0.5
    while len(names) < n:
        toks = person()
        for _ in range(rnd.choice((1, 1, 2, 2, 3, 4))):
            names.append(_write(toks, rnd, arabic_share))
            gold.append(entity)
        entity += 1
    return names[:n], gold[:n]


def b_cubed(labels: Sequence[object], gold: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``labels`` against ``gold``."""
    n = len(gold)
    pc, gc = Counter(labels), Counter(gold)
    both = Counter(zip(labels, gold, strict=True))
    p = sum(both[(x, y)] / pc[x] for x, y in zip(labels, gold, strict=True)) / n
    r = sum(both[(x, y)] / gc[y] for x, y in zip(labels, gold, strict=True)) / n
    return p, r, 2 * p * r / (p + r)


def ceiling(names: Sequence[str], gold: Sequence[int]) -> float:
    """B-cubed F1 of the truth with entities that share an exact written name merged."""
    parent = list(range(max(gold) + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for name, g in zip(names, gold, strict=True):
        h = first.setdefault(" ".join(name.split()), g)
        a, b = find(h), find(g)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return b_cubed([find(g) for g in gold], gold)[2]


def baseline(names: Sequence[str], cutoff: int = 85, max_block: int = 60) -> list[int]:
    """Plain rapidfuzz: token blocks, token_sort_ratio >= cutoff, connected components."""
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.utils import default_process

    from nasab.resolution import components
    from nasab.resolution.blocking import pairs_of_blocks

    proc = [default_process(x) for x in names]
    block_of: dict[str, int] = {}
    b, m = [], []
    for i, x in enumerate(proc):
        for tok in set(x.split()):
            b.append(block_of.setdefault(tok, len(block_of)))
            m.append(i)
    n = len(names)
    codes = np.unique(pairs_of_blocks(np.asarray(b), np.asarray(m), n, max_block))
    u, v = codes // n, codes % n
    arr = np.asarray(proc, dtype=object)
    sim = process.cpdist(
        arr[u].tolist(), arr[v].tolist(), scorer=fuzz.token_sort_ratio, dtype=np.uint8
    )
    keep = sim >= cutoff
    return components(n, u[keep], v[keep]).tolist()


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


#: The stage functions that ``nasab.resolution.core`` calls, timed one by one.
STAGES = (
    "prepare",
    "node_keys",
    "key_counts",
    "list_frequency",
    "block_pairs",
    "prefilter_pairs",
    "may_reach",
    "score_pairs",
    "connected",
    "cannot_links",
    "cluster_groups",
)


def _timed_stages(cpu: dict[str, float]) -> None:
    """Wrap the stage functions that ``nasab.resolution.core`` calls to add up their CPU time.

    The rest of ``resolve`` (glue, ids, entities) is reported as ``other``.
    """
    import nasab.resolution.core as core

    def wrap(name: str, fn):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            c0 = _cpu()
            try:
                return fn(*args, **kwargs)
            finally:
                cpu[name] = cpu.get(name, 0.0) + _cpu() - c0

        return timed

    for name in STAGES:
        if hasattr(core, name):
            setattr(core, name, wrap(name, getattr(core, name)))


def run_one(n: int, population: str) -> dict[str, object]:
    names, gold = generate(n, population=population)
    from nasab.resolution import resolve

    stage_cpu: dict[str, float] = {}
    _timed_stages(stage_cpu)
    c0, t0 = _cpu(), time.perf_counter()
    res = resolve(names)
    took, cpu_s = time.perf_counter() - t0, _cpu() - c0
    stage_cpu["other"] = cpu_s - sum(stage_cpu.values())
    st = res._state
    assert st is not None
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Scoring workers (forked, see nasab.resolution.stages): the largest one's peak.
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    p, r, f = b_cubed(res.labels, gold)
    c0, t0 = _cpu(), time.perf_counter()
    base = baseline(names)
    base_s, base_cpu = time.perf_counter() - t0, _cpu() - c0
    return {
        "n": n,
        "seconds": took,
        "cpu_seconds": cpu_s,
        "peak_rss_mib": peak_mib,
        "worker_rss_mib": worker_mib,
        "stage_cpu": stage_cpu,
        "pairs": len(st.candidates),
        "true_pairs": _true_pairs(st, gold),
        "largest_component": _largest_components(res),
        "entities": len(res.entities),
        "b3_p": p,
        "b3_r": r,
        "b3_f1": f,
        "ceiling_f1": ceiling(names, gold),
        "baseline_seconds": base_s,
        "baseline_cpu": base_cpu,
        "baseline_f1": b_cubed(base, gold)[2],
    }


def _true_pairs(st, gold: Sequence[int]) -> int:  # type: ignore[no-untyped-def]
    """How many of the scored pairs join two names of one true entity."""
    of_node: list[set[int]] = [set() for _ in st.nodes]
    for r, node in enumerate(st.node_of):
        of_node[node].add(gold[r])
    return sum(1 for a, b in st.candidates if of_node[a] & of_node[b])


def _largest_components(res) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Nodes in the largest connected component of accepted pairs, and in the largest
    piece the clustering saw (after :func:`nasab.resolution.stages.bound_components`)."""
    import numpy as np

    from nasab.resolution.stages import bound_components, connected

    st = res._state
    thr = np.asarray([st.thresholds[nd.kind] for nd in st.nodes], dtype=np.float32)
    labels = connected(len(st.nodes), st.candidates, thr, st.must)
    cut = bound_components(labels, st.candidates, thr, st.must)
    if not len(labels):
        return 0, 0
    return int(np.bincount(labels).max()), int(np.bincount(cut).max())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--big", action="store_true", help="also run 1,000,000 names")
    ap.add_argument("--population", choices=("v1", "v2"), default="v2")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.population)))
        return
    sizes = list(args.sizes) + ([1_000_000] if args.big else [])
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--population", args.population],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"n={row['n']:>9,}  time={row['seconds']:7.1f}s  cpu={row['cpu_seconds']:7.1f}s  "
            f"peak RSS={row['peak_rss_mib']:6.0f} MiB (largest worker {row['worker_rss_mib']:.0f} MiB)  "
            f"pairs={row['pairs']:>10,} ({row['pairs'] / row['n']:.1f} a name, "
            f"{row['true_pairs'] / max(1, row['pairs']):.1%} of one entity)  "
            f"entities={row['entities']:>9,}  "
            f"B3 P={row['b3_p']:.4f} R={row['b3_r']:.4f} F1={row['b3_f1']:.4f} "
            f"(ceiling {row['ceiling_f1']:.4f})\n"
            f"{'':13}baseline rapidfuzz: time={row['baseline_seconds']:7.1f}s "
            f"cpu={row['baseline_cpu']:7.1f}s  B3 F1={row['baseline_f1']:.4f}\n"
            f"{'':13}largest component {row['largest_component'][0]:,} nodes, clustered in "
            f"pieces of at most {row['largest_component'][1]:,}; stage CPU: "
            + ", ".join(f"{k} {v:.1f}s" for k, v in row["stage_cpu"].items()),
            flush=True,
        )
    for a, b in itertools.pairwise(rows):
        k = math.log(b["seconds"] / a["seconds"]) / math.log(b["n"] / a["n"])
        kc = math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["n"] / a["n"])
        print(f"growth exponent {a['n']:,} -> {b['n']:,}: {k:.2f} (wall), {kc:.2f} (cpu)")


if __name__ == "__main__":
    main()
