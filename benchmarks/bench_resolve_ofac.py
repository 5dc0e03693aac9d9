"""Alias clustering on the OFAC SDN list (April 2021): nasab.resolution vs a fuzzy baseline.

Every name of every entity is thrown together (individuals as persons, everything
else as organisations); the task is to recover the entities. Prints B-cubed and
pairwise precision/recall/F1, blocking recall (of all true pairs, and of the true
pairs that compare() scores at or above the threshold), and the same figures for a
baseline (all entries, then persons and organisations apart): rapidfuzz
token_sort_ratio >= t plus connected components (per kind), the best t from a sweep, given the same attributes (two names whose entries' birth dates
cannot agree or whose genders differ are never joined).

The entries are also split in two halves by SHA-1 of the entity id (:func:`half`) and
scored per half: a rule that helps one half only is fitted to examples.

The list holds entries that no resolver can tell apart: separate entries (branches of
one charity in eight countries) that list the same aliases, with no attributes. The
"same-name ceiling" lines score the gold entities joined through such shared names
(:func:`shared_name_gold`): the precision a resolver that finds every entity reaches at
best, beside which nasab's precision should be read.

Each name carries the attributes of its entry (``attributes.tsv``: dates and places of
birth, nationality, citizenship, gender; individuals only), as a list row would;
``--no-attrs`` resolves the names alone.

Run:
    python benchmarks/bench_resolve_ofac.py [--data PATH] [--threshold T] [--no-baseline]
        [--no-attrs]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

DATA = Path("/work/shared/data/ofac_sdn_2021/clusters.tsv")
ATTRS = ("dob", "pob", "nationality", "citizen", "gender")


def load_attrs(path: Path) -> dict[str, dict[str, str]]:
    """Entity id -> its attributes (the non-empty columns of attributes.tsv)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["entity_id"]: {k: r[k] for k in ATTRS if r.get(k)} for r in rows}


def load(path: Path) -> tuple[list[str], list[str], list[str]]:
    names, kinds, gold = [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row["name"].strip():
                continue
            names.append(row["name"])
            kinds.append("person" if row["kind"] == "individual" else "organization")
            gold.append(row["entity_id"])
    return names, kinds, gold


def half(entity_id: str) -> int:
    """The half (0 or 1) of an entry: the low bit of the first byte of SHA-1 of its id."""
    return hashlib.sha1(entity_id.encode()).digest()[0] & 1


def bcubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    pc, gc = Counter(pred), Counter(gold)
    both = Counter(zip(pred, gold, strict=False))
    p = sum(both[(x, y)] / pc[x] for x, y in zip(pred, gold, strict=False)) / len(pred)
    r = sum(both[(x, y)] / gc[y] for x, y in zip(pred, gold, strict=False)) / len(pred)
    return p, r, 2 * p * r / (p + r)


def pairwise(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    def npairs(c: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    tp = npairs(Counter(zip(pred, gold, strict=False)))
    pp, gp = npairs(Counter(pred)), npairs(Counter(gold))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(label: str, pred: list[str], gold: list[str]) -> None:
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    print(
        f"{label:<34} B3 P={bp:.4f} R={br:.4f} F1={bf:.4f} | pairwise P={pp:.4f} R={pr:.4f} F1={pf:.4f}"
        f" | clusters={len(set(pred))}"
    )


def shared_name_gold(names: list[str], attrs: list[dict[str, str]], gold: list[str]) -> list[str]:
    """The gold entities joined wherever two entries hold the same name (normalised) with
    the same attributes: such names cannot be told apart from the list itself (branches
    of one charity listed as separate entries under one alias). Scored against the gold,
    it is the ceiling of precision for a resolver that recovers every entity.

    Example:
        >>> shared_name_gold(["AL-AQSA", "Al Aqsa", "X"], [{}, {}, {}], ["1", "2", "3"])
        ['1', '1', '3']
    """
    from nasab.text import normalize

    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
    for name, a, g in zip(names, attrs, gold, strict=True):
        key = (normalize(name), tuple(sorted(a.items())))
        if key in first:
            parent[find(g)] = find(first[key])
        else:
            first[key] = g
    return [find(g) for g in gold]


def baseline(
    names: list[str],
    kinds: list[str],
    gold: list[str],
    thresholds: list[int],
    attrs: list[dict[str, str]],
) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    from nasab.resolution.attributes import compare_facts, facts_of

    facts = [facts_of(a) for a in attrs]

    t0 = time.perf_counter()
    edges: list[tuple[int, int, int]] = []
    for kind in sorted(set(kinds)):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        proc = [utils.default_process(names[i]) for i in idx]
        m = process.cdist(
            proc,
            proc,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=min(thresholds),
            dtype=np.uint8,
            workers=-1,
        )
        a, b = np.nonzero(np.triu(m, k=1))
        edges.extend(
            (idx[x], idx[y], int(m[x, y]))
            for x, y in zip(a.tolist(), b.tolist(), strict=False)
            if not (facts[idx[x]] and facts[idx[y]])
            or compare_facts(facts[idx[x]], facts[idx[y]]).verdict != "against"
        )
    took = time.perf_counter() - t0
    best = None
    for t in thresholds:
        parent = list(range(len(names)))

        def find(x: int, parent: list[int] = parent) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b, s in edges:
            if s >= t:
                parent[find(a)] = find(b)
        pred = [str(find(i)) for i in range(len(names))]
        f = bcubed(pred, gold)[2]
        print(f"  baseline token_sort_ratio>={t}: B3 F1={f:.4f}")
        if best is None or f > best[0]:
            best = (f, t, pred)
    assert best is not None
    report(f"baseline (token_sort_ratio>={best[1]}, cc)", best[2], gold)
    for kind in ("person", "organization"):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        report(f"  baseline [{kind}]", [best[2][i] for i in idx], [gold[i] for i in idx])
    print(f"  baseline all-pairs scoring took {took:.1f}s")


def blocking_recall(
    records: list[dict[str, object]], gold: list[str], took: float, threshold: float | None
) -> None:
    """Blocking recall, through the public stages of :mod:`nasab.resolution.stages`: of the
    true pairs of distinct names, the share that blocking (shared keys, the prefilter)
    makes candidates; and of the true pairs that ``compare`` scores at or above the
    threshold, the same share (a pair blocking loses that scoring would have kept)."""
    import numpy as np

    from nasab.match import compare
    from nasab.resolution import DEFAULT_THRESHOLDS, Judgements, as_records
    from nasab.resolution.core import thresholds_of
    from nasab.resolution.stages import block_pairs, node_keys, prefilter_pairs, prepare

    prep = prepare(as_records(records), Judgements())
    nk = node_keys(prep)
    u, v = block_pairs(nk)
    keep = prefilter_pairs(nk, u, v)
    cands = set(zip(u[keep].tolist(), v[keep].tolist(), strict=True))
    print(
        f"  resolve took {took:.1f}s; {len(prep.nodes)} distinct names, {len(u)} blocked pairs, "
        f"{int(np.count_nonzero(keep))} after the prefilter"
    )
    by_entity: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(gold):
        by_entity[g].add(prep.node_of[i])
    true_pairs = {p for nodes in by_entity.values() for p in combinations(sorted(nodes), 2)}
    hit = sum(1 for p in true_pairs if p in cands)
    thr = thresholds_of(threshold)
    nodes = prep.nodes
    matchable = [
        p
        for p in true_pairs
        if compare(nodes[p[0]].name, nodes[p[1]].name, kind=nodes[p[0]].kind).score
        >= thr[nodes[p[0]].kind]
    ]
    mhit = sum(1 for p in matchable if p in cands)
    print(
        f"  blocking recall: {hit / len(true_pairs):.4f} of {len(true_pairs)} true name pairs; "
        f"{mhit / max(1, len(matchable)):.4f} of {len(matchable)} true pairs scoring >= threshold "
        f"(thresholds {thr}; defaults {dict(DEFAULT_THRESHOLDS)})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-attrs", action="store_true", help="resolve the names alone")
    args = ap.parse_args()

    from nasab.resolution import resolve

    names, kinds, gold = load(args.data)
    by_entity = {} if args.no_attrs else load_attrs(args.data.with_name("attributes.tsv"))
    attrs = [by_entity.get(g, {}) for g in gold]
    print(
        f"OFAC SDN 2021: {len(names)} names, {len(set(gold))} entities, kinds {dict(Counter(kinds))}; "
        f"{sum(map(bool, attrs))} names with attributes"
    )
    records = [
        {"id": str(i), "name": n, "kind": k, "attrs": a}
        for i, (n, k, a) in enumerate(zip(names, kinds, attrs, strict=False))
    ]
    ceiling = shared_name_gold(names, attrs, gold)
    for kind in ("all", "person", "organization"):
        idx = [i for i, k in enumerate(kinds) if kind in ("all", k)]
        report(f"  same-name ceiling [{kind}]", [ceiling[i] for i in idx], [gold[i] for i in idx])
    t0 = time.perf_counter()
    res = resolve(records, threshold=args.threshold)
    took = time.perf_counter() - t0
    report("nasab.resolution", res.labels, gold)
    for kind in ("person", "organization"):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        report(f"  nasab.resolution [{kind}]", [res.labels[i] for i in idx], [gold[i] for i in idx])
    # Generalisation check: the entries split in two halves by SHA-1 of the entity id.
    for h in (0, 1):
        for kind in ("all", "person", "organization"):
            idx = [i for i, k in enumerate(kinds) if half(gold[i]) == h and kind in ("all", k)]
            lbl = f"  half {h} [{kind}]"
            report(lbl, [res.labels[i] for i in idx], [gold[i] for i in idx])
    blocking_recall(records, gold, took, args.threshold)
    if not args.no_baseline:
        baseline(names, kinds, gold, list(range(70, 100, 5)), attrs)


if __name__ == "__main__":
    main()
