"""The hot keys' chunks in Spark are those of nasab.resolve's ``block_pairs``: members
numbered in (hot key, node order) by a global sort spread over several partitions."""

from __future__ import annotations

import random
from contextlib import contextmanager

import pytest

from nasab.match.prepared import prepared_text
from nasab.resolution import Judgements, Record
from nasab.resolution.stages import block_pairs, node_keys, prepare
from nasab.text import normalize

#: Given names that share one token key ("Muhammad" in both scripts), and the rest.
GIVEN = ["Muhammad", "محمد", "Mohammed", "Mohamad"]
OTHER = [
    "Ali Hassan",
    "al-Kadhimi",
    "Saleh",
    "حسن علي",
    "الكاظمي",
    "Abdullah Omar",
    "Yusuf",
    "ابراهيم",
    "Khalil Nasser",
    "Jaber",
    "عبد الله",
]


@contextmanager
def _partitions(spark, n: int):
    """``n`` shuffle partitions, none merged by adaptive execution (restored after)."""
    keys = ("spark.sql.shuffle.partitions", "spark.sql.adaptive.coalescePartitions.enabled")
    old = [spark.conf.get(k) for k in keys]
    spark.conf.set(keys[0], str(n))
    spark.conf.set(keys[1], "false")
    try:
        yield
    finally:
        for k, v in zip(keys, old, strict=True):
            spark.conf.set(k, v)


def _records() -> tuple[list[Record], Judgements]:
    """Names sharing a hot token key; some names are several nodes (facts, judged ids),
    which tie on (hot key, normalised name, name) and differ only by id or facts."""
    records = [
        Record(f"r{i}", f"{g} {o}") for i, (g, o) in enumerate((g, o) for g in GIVEN for o in OTHER)
    ]
    extra = [
        Record("x1", "Muhammad Saleh", attrs={"nationality": "Iraq"}),
        Record("x2", "Muhammad Saleh", attrs={"nationality": "Syria"}),
        Record("x3", "محمد الكاظمي", attrs={"dob": "1960"}),
        Record("x4", "Mohammed Yusuf"),
        Record("x5", "Mohammed Yusuf"),
    ]
    return [*records, *extra], Judgements().not_same("x4", "x5", by="id")


def _node_frame(spark, nodes, nk, seed: int):
    """The nodes as ``nasab.spark.resolve`` holds them, with node ids and rows in random
    order (not node order)."""
    rnd = random.Random(seed)
    ids = list(range(len(nodes)))
    rnd.shuffle(ids)
    rows = [
        (ids[i], nd.kind, nd.name, nk.rare[i], nk.hot[i], normalize(nd.name), sorted(nk.keys[i]),
         nd.rid or "", nd.facts.signature(), "", (p and prepared_text(p)) or "")
        for i, (nd, p) in enumerate(zip(nodes, nk.prepared, strict=True))
    ]  # fmt: skip
    rnd.shuffle(rows)
    schema = (
        "node long, kind string, name string, rare string, hot string, norm string, "
        "keys array<string>, rid string, facts string, attrs string, prep string"
    )
    return spark.createDataFrame(rows, schema), ids


@pytest.mark.parametrize(("partitions", "seed"), [(1, 0), (3, 1), (7, 2)])
def test_hot_chunks_are_those_of_one_machine(spark, partitions, seed) -> None:
    """Every candidate pair of the key blocks and hot chunks is one of ``block_pairs``,
    and none is missing, with nodes that tie on their name in one hot key."""
    from pyspark.sql import functions as F

    from nasab.spark.resolve import _block_members, _Clock

    records, judgements = _records()
    prep = prepare(records, judgements)
    nk = node_keys(prep)
    names = [(nd.kind, nd.name) for nd in prep.nodes]
    assert len(set(names)) < len(names)  # ties: one name, several nodes
    max_block, chunk = 4, 4
    u, v = block_pairs(nk, max_block=max_block, hot_chunk=chunk)
    want = set(zip(u.tolist(), v.tolist(), strict=True))
    df, ids = _node_frame(spark, prep.nodes, nk, seed)
    index = {x: i for i, x in enumerate(ids)}
    with _partitions(spark, partitions):
        members = _block_members(df, max_block, chunk, F, _Clock(None), split=True)
        rows = members.where(~F.col("block").startswith("n\x1f")).select("block", "node").collect()
    blocks: dict[str, list[int]] = {}
    for r in rows:
        blocks.setdefault(r.block, []).append(index[r.node])
    assert any(b.startswith("h") for b in blocks)
    assert max(len(m) for m in blocks.values()) <= max(max_block, chunk)
    got = {(min(a, b), max(a, b)) for m in blocks.values() for a in m for b in m if a != b}
    assert len(want) > 50
    assert got == want


@pytest.mark.parametrize("partitions", [2, 5])
def test_hot_positions_span_partitions(spark, partitions) -> None:
    """A key larger than a partition is numbered across partitions: positions 0..n-1 in
    (hot, norm, name, rid, facts) order, whatever the input order."""
    from pyspark.sql import functions as F

    from nasab.spark.resolve import _hot_positions

    rnd = random.Random(partitions)
    big = [("person", "t:MHMD", f"R{k % 7}", f"n{k:03d}", f"N{k:03d}", "", "") for k in range(60)]
    big += [("person", "t:MHMD", "R3", "n007", "N007", "r9", ""), ("person", "t:MHMD", "R3", "n007", "N007", "", "g=m")]  # fmt: skip
    small = [("person", "t:ALY", "", f"a{k}", f"A{k}", "", "") for k in range(5)]
    small += [("organization", "t:MHMD", "", f"o{k}", f"O{k}", "", "") for k in range(3)]
    rows = [(k, *r) for k, r in enumerate(big + small)]
    rnd.shuffle(rows)
    schema = (
        "node long, kind string, key string, hot string, norm string, name string, "
        "rid string, facts string"
    )
    with _partitions(spark, partitions):
        df = spark.createDataFrame(rows, schema).repartition(3)
        got = _hot_positions(df, F).select("node", "kind", "key", "pos", "_part").collect()
    by_key: dict[tuple[str, str], list] = {}
    for r in got:
        by_key.setdefault((r.kind, r.key), []).append(r)
    assert len(got) == len(rows)
    for key, found in by_key.items():
        want = sorted((r for r in rows if (r[1], r[2]) == key), key=lambda r: r[3:])
        assert [r.node for r in sorted(found, key=lambda r: r.pos)] == [r[0] for r in want]
        assert sorted(r.pos for r in found) == list(range(len(want)))
    assert len({r._part for r in by_key["person", "t:MHMD"]}) == partitions
