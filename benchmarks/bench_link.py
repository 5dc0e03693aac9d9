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
import gc
import random
import resource
import sys
import tempfile
import time
import tracemalloc
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


#: Arabic letters that spellings of one name swap (vowel letters dropped or doubled,
#: emphatic and plain consonants exchanged): what a second writer changes.
_AR_SWAPS = [("ا", ""), ("و", ""), ("ي", ""), ("ث", "س"), ("ذ", "ز"), ("ظ", "ض"), ("ض", "ظ"),
             ("ص", "س"), ("ط", "ت"), ("ق", "ك"), ("ك", "ق"), ("ت", "ط"), ("س", "ص")]  # fmt: skip


def arabic_word_variant(word: str, rng: random.Random) -> str:
    """Another Arabic spelling of one word (one letter change that survives normalisation)."""
    options = [(a, b) for a, b in _AR_SWAPS if a in word[1:]]
    if not options or len(word) < 4:
        return word
    a, b = rng.choice(options)
    idx = [i for i in range(1, len(word)) if word[i] == a]
    i = rng.choice(idx)
    return word[:i] + b + word[i + 1 :]


def arabic_form(given: str, family: str, rng: random.Random, noisy: bool) -> str:
    """An Arabic-script full name (article on the family name or not; spelling changed if noisy)."""
    if noisy:
        if rng.random() < 0.5:
            given = arabic_word_variant(given, rng)
        family = arabic_word_variant(family, rng)
    art = "ال" if rng.random() < 0.5 else ""
    return f"{given} {art}{family}"


def _entity_names(g, f, rng):
    """The table's aliases of one entity: two in Latin script, two in Arabic."""
    lat = latin_form(g[1], f[1], rng)
    ar = arabic_form(g[0], f[0], rng, noisy=False)
    names = [lat, ar]
    for _ in range(8):
        if len(names) >= 4:
            break
        v = (
            latin_form(noisy_word(g[1], rng), noisy_word(f[1], rng), rng)
            if len(names) == 2
            else arabic_form(g[0], f[0], rng, noisy=True)
        )
        if v not in names:
            names.append(v)
    return lat, ar, names


def _query(g, f, names, rng):
    """A spelling of the person that is not in the table: Arabic half of the time."""
    q = ""
    for _ in range(20):
        q = (
            arabic_form(g[0], f[0], rng, noisy=True)
            if rng.random() < 0.5
            else latin_form(noisy_word(g[1], rng), noisy_word(f[1], rng), rng)
        )
        if q not in names:
            break
    return q


def generate(n_aliases: int, n_queries: int, seed: int = 7, unseen: float = 0.1):
    """Alias rows (half in Arabic script), and queries: new spellings of table entities,
    and a share ``unseen`` of persons who are not in the table (truth None)."""
    rng = random.Random(seed)
    pairs = load_pairs(DATA)
    rows = []
    truth_names = []  # per entity: (id, given pair, family pair, aliases)
    used = set()
    e = 0
    while len(rows) < n_aliases:
        g, f = rng.choice(pairs), rng.choice(pairs)
        if (g[1], f[1]) in used or g[1] == f[1]:
            continue
        used.add((g[1], f[1]))
        eid = f"E{e}"
        e += 1
        lat, ar, names = _entity_names(g, f, rng)
        for k, name in enumerate(names):
            rows.append({"entity_id": eid, "kind": "person", "canonical_latin": lat, "canonical_arabic": ar,
                         "alias": name, "script": "arabic" if k % 2 else "latin",
                         "alias_kind": "canonical" if k < 2 else "spelling variant", "source": "bench", "count": 1})  # fmt: skip
        truth_names.append((eid, g, f, set(names)))
    rows = rows[:n_aliases]
    present = {r["entity_id"] for r in rows}
    n_unseen = round(n_queries * unseen)
    queries = []
    for eid, g, f, names in rng.sample(
        [t for t in truth_names if t[0] in present], n_queries - n_unseen
    ):
        queries.append((_query(g, f, names, rng), eid))
    while len(queries) < n_queries:  # persons the table does not hold
        g, f = rng.choice(pairs), rng.choice(pairs)
        if (g[1], f[1]) in used or g[1] == f[1]:
            continue
        used.add((g[1], f[1]))
        queries.append((_query(g, f, [], rng), None))
    rng.shuffle(queries)
    return rows, queries


def load_measured(table):  # type: ignore[no-untyped-def]
    """The table saved to TSV and loaded back under tracemalloc (fresh strings): the
    table, load time, load CPU and the MiB it holds."""
    from nasab.aliases import AliasTable

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "aliases.tsv"
        table.save(path)
        del table
        gc.collect()
        tracemalloc.start()
        c0, t0 = cpu_s(), time.perf_counter()
        table = AliasTable.load(path)
        t_load, c_load = time.perf_counter() - t0, cpu_s() - c0
        gc.collect()
        mib = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
    return table, t_load, c_load, mib


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
    ap.add_argument(
        "--no-load",
        action="store_true",
        help="skip the TSV round trip under tracemalloc (slow); report the columns' bytes",
    )
    args = ap.parse_args(argv)

    from rapidfuzz import fuzz, process, utils

    import nasab
    from nasab.aliases import AliasTable
    from nasab.linking import link
    from nasab.match import LINK_THRESHOLD

    t0 = time.perf_counter()
    rows, queries = generate(args.aliases, args.queries, args.seed)
    t_gen = time.perf_counter() - t0
    n_arabic = sum(r["script"] == "arabic" for r in rows)
    c0, t0 = cpu_s(), time.perf_counter()
    table = AliasTable(rows)
    t_table, c_table = time.perf_counter() - t0, cpu_s() - c0
    del rows
    t_load = c_load = float("nan")
    how = "its columns' nbytes()"
    table_mib = table.nbytes() / 2**20 if hasattr(table, "nbytes") else float("nan")
    if not args.no_load:
        table, t_load, c_load, table_mib = load_measured(table)
        how = "tracemalloc after a load from TSV"
    mem_table = rss_mb()
    print(f"nasab {nasab.__version__}: {len(table):,} aliases ({n_arabic / len(table):.0%} Arabic script), "
          f"{len(table.entities()):,} entities, {len(queries):,} queries "
          f"({sum(e is None for _, e in queries):,} of persons not in the table); generated in {t_gen:.1f}s")  # fmt: skip
    print(f"AliasTable   built from dicts in {t_table:.1f}s (cpu {c_table:.1f}s); loaded from TSV in {t_load:.1f}s "
          f"(cpu {c_load:.1f}s, under tracemalloc); holds {table_mib:.0f} MiB ({how}, "
          f"{table_mib * 1_000_000 / len(table):.0f} MiB per 1M rows); peak RSS {mem_table:.0f} MiB")  # fmt: skip

    qnames = [q for q, _ in queries]
    c0, t0 = cpu_s(), time.perf_counter()
    link(qnames[:1], table, top=5, threshold=0.0)  # builds the index (cached on the table)
    t_index, c_index = time.perf_counter() - t0, cpu_s() - c0
    mem_index = rss_mb()
    c0, t0 = cpu_s(), time.perf_counter()
    results = link(qnames, table, top=5, threshold=0.0, workers=args.workers)
    t_link, c_link = time.perf_counter() - t0, cpu_s() - c0
    mem_link = rss_mb()
    kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    known = [(res, eid) for (_, eid), res in zip(queries, results, strict=True) if eid is not None]
    unseen = [res for (_, eid), res in zip(queries, results, strict=True) if eid is None]
    hits = sum(1 for res, eid in known if res and res[0].entity_id == eid)
    found5 = sum(1 for res, eid in known if any(c.entity_id == eid for c in res))
    kept = sum(
        1
        for res, eid in known
        if res and res[0].entity_id == eid and res[0].score >= LINK_THRESHOLD
    )
    rejected = sum(1 for res in unseen if not res or res[0].score < LINK_THRESHOLD)
    print(f"nasab.link   index build {t_index:6.1f}s (cpu {c_index:.1f}s)  link {t_link:6.1f}s (cpu {c_link:.1f}s; "
          f"{len(queries) / t_link:,.0f} queries/s, workers={args.workers})  peak RSS {mem_link:.0f} MiB "
          f"(+index {mem_index - mem_table:.0f}; largest worker {kids_mb:.0f})")  # fmt: skip
    print(f"             persons in the table ({len(known):,}): top-1 {hits / max(1, len(known)):.3f}  "
          f"in top-5 {found5 / max(1, len(known)):.3f}  top-1 at >= {LINK_THRESHOLD} {kept / max(1, len(known)):.3f}; "
          f"not in the table ({len(unseen):,}): best < {LINK_THRESHOLD} {rejected / max(1, len(unseen)):.3f}")  # fmt: skip

    aliases = [r.alias for r in table]
    sub = [(q, eid) for q, eid in queries if eid is not None][: args.baseline_queries]
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
    by_q = dict(zip(qnames, results, strict=True))
    nhits = sum(1 for q, eid in sub if by_q[q] and by_q[q][0].entity_id == eid)
    print(f"rapidfuzz    extractOne(token_sort_ratio) on {len(sub)} queries: {t_base:.1f}s = {per:.2f}s/query, "
          f"extrapolated to {len(queries):,}: {per * len(queries):,.0f}s  top-1 {bhits / max(1, len(sub)):.3f} "
          f"(nasab on the same subset {nhits / max(1, len(sub)):.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
