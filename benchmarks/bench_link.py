"""Benchmark: link 10k queries against a 1M-alias table, beside a rapidfuzz baseline.

The table is generated from development data (netranslit Arabic/English name
pairs): each entity is a given + family name with its Latin and Arabic canonical
forms and Latin spelling variants (fixed seed). Each query is a *new* spelling
of an entity (Latin spelling noise, or an Arabic variant) that is not in the table.

Reports time (index build and linking), peak memory (max RSS) and top-1 accuracy
for ``nasab.linking`` and for ``rapidfuzz.process.extractOne`` with
``token_sort_ratio`` over all aliases (run on a small subset of queries and
extrapolated).

Usage:
    python benchmarks/bench_link.py                       # 1,000,000 aliases, 10,000 queries
    python benchmarks/bench_link.py --aliases 100000 --queries 2000 --workers 2
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

DATA = Path("/work/shared/data/netranslit/pairs_dev.tsv")
VOWELS = "aeiou"


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 2**20


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and its finished children (workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1].isalpha() and parts[1].isascii() and len(parts[1]) >= 3:
                pairs.append((parts[0], parts[1]))
    return pairs


_SWAPS = [
    ("ou", "u"), ("u", "ou"), ("oo", "u"), ("ee", "i"), ("i", "ee"), ("e", "i"), ("i", "e"),
    ("a", "e"), ("e", "a"), ("o", "u"), ("u", "o"), ("q", "k"), ("k", "q"), ("dh", "z"),
    ("z", "dh"), ("th", "t"), ("ss", "s"), ("s", "ss"), ("mm", "m"), ("y", "i"), ("ie", "y"),
    ("j", "dj"), ("kh", "h"), ("w", "u"),
]  # fmt: skip


def noisy_word(word: str, rng: random.Random) -> str:
    """A plausible other romanisation of ``word`` (1-2 spelling changes, rarely a typo)."""
    w = word.lower()
    for _ in range(rng.choice((1, 1, 2))):
        options = [(a, b) for a, b in _SWAPS if a in w]
        if not options:
            break
        a, b = rng.choice(options)
        idx = [i for i in range(len(w)) if w.startswith(a, i)]
        i = rng.choice(idx)
        w = w[:i] + b + w[i + len(a) :]
    if rng.random() < 0.08 and len(w) > 4:  # a typo
        i = rng.randrange(1, len(w) - 1)
        w = w[:i] + rng.choice("abdehiklmnorstuy") + w[i + 1 :]
    if rng.random() < 0.1 and w.endswith(("a", "i")):
        w += "h"
    return w


def latin_form(given: str, family: str, rng: random.Random) -> str:
    art = rng.choice(("al-", "Al-", "el-", "al ", "", "", ""))
    fam = family.capitalize()
    return f"{given.capitalize()} {art}{fam}"


def arabic_variant(name: str, rng: random.Random) -> str:
    swaps = [("ة", "ه"), ("ى", "ي"), ("أ", "ا"), ("إ", "ا"), ("ي", "ى")]
    out = name
    for a, b in rng.sample(swaps, 2):
        out = out.replace(a, b, 1)
    given, _, family = out.partition(" ")
    family = family[2:] if family.startswith("ال") else "ال" + family
    return f"{given} {family}"


def generate(n_aliases: int, n_queries: int, seed: int = 7):
    rng = random.Random(seed)
    pairs = load_pairs(DATA)
    rows = []
    truth_names = []  # per entity: (given, family, arabic canonical)
    used = set()
    e = 0
    while len(rows) < n_aliases:
        g, f = rng.choice(pairs), rng.choice(pairs)
        if (g[1], f[1]) in used or g[1] == f[1]:
            continue
        used.add((g[1], f[1]))
        eid = f"E{e}"
        e += 1
        lat = latin_form(g[1], f[1], rng)
        ar = f"{g[0]} ال{f[0]}" if rng.random() < 0.5 else f"{g[0]} {f[0]}"
        names = [lat, ar]
        for _ in range(6):
            if len(names) >= 4:
                break
            v = latin_form(noisy_word(g[1], rng), noisy_word(f[1], rng), rng)
            if v not in names:
                names.append(v)
        for k, name in enumerate(names):
            rows.append({"entity_id": eid, "kind": "person", "canonical_latin": lat, "canonical_arabic": ar,
                         "alias": name, "script": "arabic" if k == 1 else "latin",
                         "alias_kind": "canonical" if k < 2 else "spelling variant", "source": "bench", "count": 1})  # fmt: skip
        truth_names.append((eid, g[1], f[1], ar, set(names)))
    rows = rows[:n_aliases]
    present = {r["entity_id"] for r in rows}
    queries = []
    for eid, g, f, ar, names in rng.sample([t for t in truth_names if t[0] in present], n_queries):
        for _ in range(20):
            q = (
                arabic_variant(ar, rng)
                if rng.random() < 0.25
                else latin_form(noisy_word(g, rng), noisy_word(f, rng), rng)
            )
            if q not in names:
                break
        queries.append((q, eid))
    return rows, queries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument(
        "--baseline-queries",
        type=int,
        default=40,
        help="queries run through the rapidfuzz baseline",
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    from rapidfuzz import fuzz, process, utils

    import nasab
    from nasab.aliases import AliasRow, AliasTable
    from nasab.linking import _index_of, link

    base = rss_mb()
    t0 = time.perf_counter()
    rows, queries = generate(args.aliases, args.queries, args.seed)
    table = AliasTable()
    table._rows = [AliasRow(**r) for r in rows]  # trusted generated rows: skip per-row checks
    table._reindex()
    del rows
    t_gen = time.perf_counter() - t0
    mem_table = rss_mb()
    print(f"nasab {nasab.__version__}: {len(table):,} aliases, {len(table.entities()):,} entities, "
          f"{len(queries):,} queries (generated in {t_gen:.1f}s; peak RSS {mem_table:.0f} MiB)")  # fmt: skip

    c0, t0 = cpu_s(), time.perf_counter()
    _index_of(table)
    t_index, c_index = time.perf_counter() - t0, cpu_s() - c0
    mem_index = rss_mb()
    qnames = [q for q, _ in queries]
    c0, t0 = cpu_s(), time.perf_counter()
    results = link(qnames, table, top=5, threshold=0.0, workers=args.workers)
    t_link, c_link = time.perf_counter() - t0, cpu_s() - c0
    mem_link = rss_mb()
    kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    hits = sum(
        1
        for (q, eid), res in zip(queries, results, strict=False)
        if res and res[0].entity_id == eid
    )
    found5 = sum(
        1
        for (q, eid), res in zip(queries, results, strict=False)
        if any(c.entity_id == eid for c in res)
    )
    print(f"nasab.linking   index build {t_index:6.1f}s (cpu {c_index:.1f}s)  link {t_link:6.1f}s (cpu {c_link:.1f}s; "
          f"{len(queries) / t_link:,.0f} queries/s, workers={args.workers})  top-1 {hits / len(queries):.3f}  "
          f"in top-5 {found5 / len(queries):.3f}  peak RSS {mem_link:.0f} MiB (table {mem_table - base:.0f}, "
          f"+index {mem_index - mem_table:.0f}; largest worker {kids_mb:.0f})")  # fmt: skip

    aliases = [r.alias for r in table]
    sub = queries[: args.baseline_queries]
    t0 = time.perf_counter()
    bhits = 0
    for q, eid in sub:
        best = process.extractOne(
            q, aliases, scorer=fuzz.token_sort_ratio, processor=utils.default_process
        )
        if best is not None and table[best[2]].entity_id == eid:
            bhits += 1
    t_base = time.perf_counter() - t0
    per = t_base / max(1, len(sub))
    nhits = sum(
        1 for (q, eid), res in zip(sub, results, strict=False) if res and res[0].entity_id == eid
    )
    print(f"rapidfuzz    extractOne(token_sort_ratio) on {len(sub)} queries: {t_base:.1f}s = {per:.2f}s/query, "
          f"extrapolated to {len(queries):,}: {per * len(queries):,.0f}s  top-1 {bhits / max(1, len(sub)):.3f} "
          f"(nasab on the same subset {nhits / max(1, len(sub)):.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
