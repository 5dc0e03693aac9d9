"""Tests for nasab.resolution.stages: each stage alone, bounded blocks, order independence."""

from __future__ import annotations

import importlib
import itertools
import os
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from nasab.resolution import Judgements, as_records, resolve
from nasab.resolution.forks import fork_map
from nasab.resolution.stages import (
    CUT_STEP,
    MAX_COMPONENT,
    Node,
    Pairs,
    block_pairs,
    bound_components,
    cannot_links,
    connected,
    cut_levels,
    entity_id,
    key_counts,
    list_frequency,
    may_reach,
    merge_scored,
    node_keys,
    node_order,
    pair_levels,
    prefilter_pairs,
    prepare,
    score_pairs,
)
from nasab.text import normalize

NAMES = [
    "Mustafa Al-Kazemi",
    "مصطفى الكاظمي",
    "Mustafa al-Kadhimi",
    "Mohammed Rabie al-Rikabi",
    "محمد ربيع الركابي",
    "Mohammed al-Hamdani",
    "Jassim al-Ubaidi",
]


def _prep(names: list[str]):  # type: ignore[no-untyped-def]
    return prepare(as_records(names), Judgements())


def test_prepare_collapses_whitespace_and_orders_nodes() -> None:
    prep = _prep(["Ali  al-Kazemi", "علي الكاظمي", "Ali al-Kazemi"])
    assert [n.name for n in prep.nodes] == ["Ali al-Kazemi", "علي الكاظمي"]
    assert prep.node_of == [0, 1, 0]


@pytest.mark.parametrize(
    ("names", "norms"),
    [
        (["Ali  al-Kazemi", "علي الكاظمي", "Ali al-Kazemi"], ["ali al kazemi", "علي الكاظمي"]),
        (["مصطفى  الكاظمي", "Mustafa AL-KAZEMI"], ["mustafa al kazemi", "مصطفي الكاظمي"]),
    ],
)
def test_prepare_keeps_each_nodes_normalised_name(names: list[str], norms: list[str]) -> None:
    # The names the nodes were sorted by, kept for the judgements and the entity ids; a
    # Prepared built without them (as nasab.spark does) finds the same ones.
    prep = _prep(names)
    assert prep.norms == norms
    assert type(prep)(prep.nodes, prep.node_of).norms == norms
    assert [entity_id(nd.kind, nd, nm) for nd, nm in zip(prep.nodes, norms, strict=True)] == [
        entity_id(nd.kind, nd) for nd in prep.nodes
    ]


def test_prepare_in_forked_workers_equals_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import nasab.resolution.stages as stages

    records = as_records([*NAMES, "Ali  al-Kazemi", "علي الكاظمي", "Ali al-Kazemi"] * 2)
    one = prepare(records, Judgements())
    monkeypatch.setattr(stages, "PARALLEL_MIN_NORMS", 1)
    two = prepare(records, Judgements(), workers=2)
    assert (one.nodes, one.node_of, one.norms) == (two.nodes, two.node_of, two.norms)
    assert two.norms == [normalize(nd.name) for nd in two.nodes]


def test_nodes_and_pairs_do_not_depend_on_input_order() -> None:
    rnd = random.Random(3)
    shuffled = NAMES[:]
    rnd.shuffle(shuffled)
    a, b = _prep(NAMES), _prep(shuffled)
    assert a.nodes == b.nodes
    pa, pb = block_pairs(node_keys(a)), block_pairs(node_keys(b))
    assert pa[0].tolist() == pb[0].tolist() and pa[1].tolist() == pb[1].tolist()


def test_key_counts_are_block_sizes() -> None:
    counts = key_counts(node_keys(_prep(NAMES)))
    assert counts[("person", "t:KZM")] == 3
    assert counts[("person", "t:MHMD")] == 3


@pytest.mark.parametrize("hot_chunk", [0, 2, 4], ids=["drop", "chunk-2", "chunk-4"])
def test_hot_blocks_are_bounded(hot_chunk: int) -> None:
    # 300 names share the token Mohammed: its block is hot (over max_block).
    names = [f"Mohammed Tok{chr(65 + i % 26)}{chr(65 + i // 26)}xq" for i in range(300)]
    prep = _prep(names)
    u, v = block_pairs(node_keys(prep), max_block=20, hot_chunk=hot_chunk)
    assert (u < v).all()
    per_node = Counter(u.tolist()) + Counter(v.tolist())
    # Each node meets at most its two chunks' members (plus small blocks of its own keys).
    assert max(per_node.values(), default=0) <= 2 * max(hot_chunk - 1, 0) + 20
    if hot_chunk:
        assert len(u) > 0


@pytest.mark.parametrize("seed", [0, 1])
def test_hot_blocks_bring_one_persons_writings_together(seed: int) -> None:
    # The two writings share only hot keys (Mohammed; their fine skeletons differ:
    # KLMN / JLMN), and 300 names sort between them by rare key (JR... < KLMN). By hot
    # key (coarse last and first tokens: KLB, MHMD) they are neighbours in every order.
    letters = "bcdfklmnprst"
    fillers = [f"Mohammed Jor{a}{b}an Tok{c}xq" for a in letters for b in letters for c in "bdf"]
    one = ["Mohammed Gougelmin Ogilvie", "محمد جوجيلمين أوجيلفي"]
    names = fillers[:300] + one
    random.Random(seed).shuffle(names)
    prep = _prep(names)
    nk = node_keys(prep)
    a, b = sorted(i for i, nd in enumerate(prep.nodes) if nd.name in one)
    assert not set(nk.keys[a]) & set(nk.keys[b]) - {"t:MHMD", "x:MHMD|K", "x:MHMD|J"}
    assert nk.rare[a].split()[0] != nk.rare[b].split()[0]
    u, v = block_pairs(nk, max_block=20, hot_chunk=4)
    assert (a, b) in set(zip(u.tolist(), v.tolist(), strict=True))


# Names that make small blocks, hot blocks (Mohammed, the family names) and blocks of
# both scripts: the blocks made without key sets must be the blocks made from them.
BLOCK_CASES = [
    NAMES,
    [f"Mohammed Tok{chr(65 + i % 26)}{chr(65 + i // 26)}xq al-Rikabi" for i in range(90)]
    + ["محمد الركابي", "محمد ربيع الركابي", "Mohamed Rikabi"],
    ["Jassim al-Ubaidi", "جاسم العبيدي", "Jasim Obaidi", "Abu Bakr al-Ubaidi", "أبو بكر العبيدي"],
]


@pytest.mark.parametrize("names", BLOCK_CASES, ids=["mixed", "hot", "kunya"])
def test_node_keys_without_key_sets_give_the_same_blocks(names: list[str]) -> None:
    prep = _prep(names)
    kept, light = node_keys(prep), node_keys(prep, keep_keys=False)
    assert all(not k for k in light.keys) and len(light.keys) == len(kept.keys)
    assert any(kept.keys)
    assert key_counts(light) == key_counts(kept)
    for max_block, hot_chunk in ((60, 8), (20, 4), (20, 0)):
        got = block_pairs(light, max_block=max_block, hot_chunk=hot_chunk)
        want = block_pairs(kept, max_block=max_block, hot_chunk=hot_chunk)
        assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()
    assert (light.rare, light.kinds, light.prepared) == (kept.rare, kept.kinds, kept.prepared)


def test_without_blocks_lets_the_blocking_go() -> None:
    nk = node_keys(_prep(NAMES))
    assert nk.blocks and nk.hot
    out = nk.without_blocks()
    assert "blocks" not in out.__dict__ and "hot" not in out.__dict__
    assert all(not k for k in out.keys) and len(out.keys) == len(nk.keys)
    assert (out.rare, out.prepared, out.freq) == (nk.rare, nk.prepared, nk.freq)


def test_node_keys_without_key_sets_hold_less() -> None:
    import tracemalloc

    prep = _prep(
        [f"Tok{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}an Rik{i}abi al-Ubaidi" for i in range(600)]
    )
    node_keys(prep)  # names parsed and tokens interned once, outside the measure
    held = {}
    for keep in (True, False):
        tracemalloc.start()
        nk = node_keys(prep, keep_keys=keep)
        held[keep] = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del nk
    assert held[False] < 0.75 * held[True]


@pytest.mark.parametrize(
    ("name", "collapsed"),
    [
        ("Ali al-Kazemi", "Ali al-Kazemi"),
        ("علي الكاظمي", "علي الكاظمي"),
        ("Ali  al-Kazemi ", "Ali al-Kazemi"),
        ("علي\tالكاظمي", "علي الكاظمي"),
    ],
)
def test_records_and_nodes_share_what_does_not_differ(name: str, collapsed: str) -> None:
    recs = as_records([name, "Jassim al-Ubaidi"])
    prep = prepare(recs, Judgements())
    node = prep.nodes[prep.node_of[0]]
    assert node.name == collapsed
    # The node holds the record's own string when there is nothing to collapse, and one
    # empty facts object and one empty attribute mapping serve every record without any.
    assert (node.name is recs[0].name) == (name == collapsed)
    assert recs[0].attrs is recs[1].attrs and not recs[0].attrs
    assert prep.nodes[0].facts is prep.nodes[1].facts and not node.facts


def test_score_pairs_and_components() -> None:
    prep = _prep(NAMES)
    u, v = block_pairs(node_keys(prep))
    pairs = score_pairs(prep.nodes, node_keys(prep), u, v)
    assert len(pairs) == len(u) and pairs.score.dtype == np.float32
    k = next(
        i
        for i, (a, b) in enumerate(pairs)
        if {prep.nodes[a].name, prep.nodes[b].name} == {"Mustafa Al-Kazemi", "مصطفى الكاظمي"}
    )
    assert pairs.score[k] >= 0.85 and (int(pairs.u[k]), int(pairs.v[k])) in pairs
    labels = connected(len(prep.nodes), pairs, np.full(len(prep.nodes), 0.65, np.float32))
    kazemi = {labels[i] for i, n in enumerate(prep.nodes) if "Ka" in n.name or "الكاظمي" in n.name}
    assert len(kazemi) == 1


def test_entity_id_depends_on_smallest_member_only() -> None:
    res = resolve(NAMES)
    for e in res.entities:
        first = min((Node(e.kind, n) for n in e.names), key=node_order)
        assert e.id == entity_id(e.kind, first)
    # The same entity among other names keeps its id.
    assert resolve(NAMES[:3]).labels[0] == res.labels[0]


def _chain(scores: list[float]) -> Pairs:
    """A path 0-1-2-... whose k-th link has score ``scores[k]``."""
    n = len(scores) + 1
    return Pairs(
        n,
        np.arange(n - 1, dtype=np.int64),
        np.arange(1, n, dtype=np.int64),
        np.asarray(scores, dtype=np.float32),
    )


@pytest.mark.parametrize(
    ("scores", "max_size", "must", "expected"),
    [
        ([0.9, 0.7, 0.95], 2, [], [0, 0, 2, 2]),
        ([0.9, 0.7, 0.95], 4, [], [0, 0, 0, 0]),
        ([0.9, 0.7, 0.95], 3, [], [0, 0, 2, 2]),
        # A tie is one level: both links join or neither.
        ([0.8, 0.8, 0.8], 3, [], [0, 1, 2, 3]),
        ([0.8, 0.8, 0.8], 4, [], [0, 0, 0, 0]),
        # Below threshold is no link at all.
        ([0.9, 0.5, 0.9, 0.9], 2, [], [0, 0, 2, 3, 4]),
        # A must-link comes before every score.
        ([0.9, 0.7, 0.95], 2, [(1, 2)], [0, 1, 1, 3]),
        # Groups made final by a level too large never grow again.
        ([0.9, 0.9, 0.7, 0.95, 0.66], 3, [], [0, 0, 0, 3, 3, 5]),
    ],
    ids=[
        "cut-weakest",
        "small-enough",
        "three",
        "tie-none",
        "tie-all",
        "threshold",
        "must-first",
        "final",
    ],
)
def test_bound_components_cuts_weakest_links(
    scores: list[float], max_size: int, must: list[tuple[int, int]], expected: list[int]
) -> None:
    p = _chain(scores)
    thr = np.full(p.n, 0.65, np.float32)
    labels = connected(p.n, p, thr, must)
    assert bound_components(labels, p, thr, must, max_size=max_size).tolist() == expected


def test_bound_components_keeps_small_components_and_ignores_pair_order() -> None:
    rng = random.Random(3)
    n = 3 * MAX_COMPONENT
    # One long chain of random scores and a separate small component.
    u = [*range(n - 4), n - 3]
    v = [*range(1, n - 3), n - 2]
    s = [round(rng.uniform(0.66, 1.0), 2) for _ in u]
    order = list(range(len(u)))
    got = []
    for _ in range(2):
        rng.shuffle(order)
        codes = sorted((u[k], v[k], s[k]) for k in order)
        p = Pairs(
            n,
            np.asarray([c[0] for c in codes]),
            np.asarray([c[1] for c in codes]),
            np.asarray([c[2] for c in codes], dtype=np.float32),
        )
        thr = np.full(n, 0.65, np.float32)
        got.append(bound_components(connected(n, p, thr), p, thr))
    assert got[0].tolist() == got[1].tolist()
    sizes = Counter(got[0].tolist())
    assert max(sizes.values()) <= MAX_COMPONENT
    assert len(sizes) > 3  # the chain was cut
    assert got[0][n - 3] == got[0][n - 2] == n - 3  # the small component is untouched
    assert got[0][n - 1] == n - 1


def _single_linkage_pieces(
    n: int, p: Pairs, thr: float, must: list[tuple[int, int]], max_size: int
) -> list[list[int]]:
    """The pieces of the exact cut (the former ``bound_components``): links read from the
    strongest score down, a level that would make a group larger than ``max_size`` joins
    nothing and makes the groups it touches final."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    keep = p.score >= np.float32(thr)
    links = [(2.0, a, b) for a, b in must]
    links += [
        (float(s), int(a), int(b))
        for a, b, s in zip(p.u[keep], p.v[keep], p.score[keep], strict=True)
    ]
    size, final = [1] * n, [False] * n
    for level in sorted({s for s, _, _ in links}, reverse=True):
        near: dict[int, set[int]] = {}
        for s, a, b in links:
            ra, rb = find(a), find(b)
            if s == level and ra != rb:
                near.setdefault(ra, set()).add(rb)
                near.setdefault(rb, set()).add(ra)
        seen: set[int] = set()
        for start in sorted(near):
            if start in seen:
                continue
            group, todo = [], [start]
            seen.add(start)
            while todo:
                x = todo.pop()
                group.append(x)
                for y in near[x] - seen:
                    seen.add(y)
                    todo.append(y)
            if any(final[r] for r in group) or sum(size[r] for r in group) > max_size:
                for r in group:
                    final[r] = True
                continue
            for r in group:
                parent[r] = min(group)
            size[min(group)] = sum(size[r] for r in group)
    out: dict[int, list[int]] = {}
    for x in range(n):
        out.setdefault(find(x), []).append(x)
    return sorted(out.values())


@pytest.mark.parametrize("seed", range(6))
def test_bound_components_is_single_linkage_at_the_cut_levels(seed: int) -> None:
    """On scores that are cut levels (multiples of CUT_STEP), the cut by levels from the
    bottom (:func:`bound_components`) gives the pieces of the exact single-linkage cut
    from the top, ties and must-links included; off the grid, the scores of one level
    count as a tie."""
    rng = random.Random(seed)
    n, max_size = 80, rng.choice([3, 7, 20])
    edges = {tuple(sorted(rng.sample(range(n), 2))) for _ in range(2 * n)}
    u, v = zip(*sorted(edges), strict=True)
    on_grid = [rng.randrange(60, 101) * CUT_STEP for _ in u]
    must = [tuple(sorted(rng.sample(range(n), 2)))]
    thr = np.full(n, 0.65, np.float32)
    for scores, levels in ((on_grid, on_grid), ([s + CUT_STEP / 3 for s in on_grid], on_grid)):
        p = Pairs(n, np.asarray(u), np.asarray(v), np.asarray(scores, dtype=np.float32))
        at = Pairs(n, np.asarray(u), np.asarray(v), np.asarray(levels, dtype=np.float32))
        got = bound_components(connected(n, p, thr, must), p, thr, must, max_size=max_size)
        pieces: dict[int, list[int]] = {}
        for x, lab in enumerate(got.tolist()):
            pieces.setdefault(lab, []).append(x)
        assert sorted(pieces.values()) == _single_linkage_pieces(n, at, 0.65, must, max_size)
        assert max(len(g) for g in pieces.values()) <= max_size


def test_pair_levels_count_the_levels_reached() -> None:
    thr = np.float32([0.65, 0.65, 0.65, 0.8, 0.8])
    score = np.float32([0.65, 0.66, 1.0, 0.809, 0.81])
    # 0.65: the threshold; 0.66: one step above; 1.0: all 36; 0.81 is the first step above 0.8
    assert pair_levels(score, thr).tolist() == [1, 2, 36, 1, 2]
    assert cut_levels(0.65)[:3].tolist() == np.float32([0.65, 0.66, 0.67]).tolist()
    assert len(cut_levels(0.65)) == 36


FIXTURE = Path(__file__).parent.parent / "fixtures" / "spark" / "names.tsv"


def _fixture_names(limit: int) -> list[str]:
    rows = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[0] for r in rows if r and not r.startswith("#")][:limit]


@pytest.mark.parametrize(
    "names",
    [
        _fixture_names(600),
        [*NAMES, "Mustafa Jassim al-Kazemi", "Abu Ahmad", "Omar", "Ali al-Kazemi"],
    ],
    ids=["synthetic-600", "news-names"],
)
def test_lazy_scoring_gives_the_entities_of_scoring_every_pair(
    names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import nasab.resolution.core as core

    lazy = resolve(names, progress=False)
    monkeypatch.setattr(
        core,
        "may_reach",
        lambda nodes, nk, u, v, thr, joinable=None, **_: np.ones(len(u), bool),
    )
    full = resolve(names, progress=False)
    assert lazy.labels == full.labels
    assert [(e.id, e.members) for e in lazy.entities] == [(e.id, e.members) for e in full.entities]
    # Fewer pairs are scored when some cannot reach the threshold.
    assert len(lazy._state.candidates) <= len(full._state.candidates)


def test_may_reach_keeps_every_pair_at_or_over_threshold() -> None:
    prep = _prep(_fixture_names(400))
    nk = node_keys(prep)
    u, v = block_pairs(nk)
    thr = np.full(len(prep.nodes), 0.65, np.float32)
    first = may_reach(prep.nodes, nk, u, v, thr)
    scores = score_pairs(prep.nodes, nk, u, v).score
    assert not ((scores >= thr[u]) & ~first).any()
    assert (~first).any()  # the bound rules some pairs out


@pytest.mark.parametrize("low", [0.65, 0.5, 0.8], ids=["one", "lower", "higher"])
def test_may_reach_reads_each_pairs_own_threshold(low: float) -> None:
    # One threshold for all (one cutoff) or two (a cutoff per pair): each pair's verdict
    # and join flag are those of the pair bounded alone at its threshold.
    prep = _prep(_fixture_names(300))
    nk = node_keys(prep)
    u, v = block_pairs(nk)
    thr = np.full(len(prep.nodes), 0.65, np.float32)
    thr[::3] = low
    join = np.ones(len(u), dtype=bool)
    first = may_reach(prep.nodes, nk, u, v, thr, join)
    for k in range(0, len(u), 13):
        one = np.ones(1, dtype=bool)
        alone = may_reach(prep.nodes, nk, u[k : k + 1], v[k : k + 1], thr, one)
        assert (alone[0], one[0]) == (first[k], join[k])


@pytest.mark.parametrize("low", [0.65, 0.5], ids=["one cutoff", "a cutoff per pair"])
def test_may_reach_in_forked_workers_equals_one_process(
    low: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nasab.resolution.stages as stages

    prep = _prep(_fixture_names(300))
    nk = node_keys(prep)
    u, v = block_pairs(nk)
    thr = np.full(len(prep.nodes), 0.65, np.float32)
    thr[::3] = low
    join1, join2 = np.ones(len(u), dtype=bool), np.ones(len(u), dtype=bool)
    one = may_reach(prep.nodes, nk, u, v, thr, join1)
    monkeypatch.setattr(stages, "PARALLEL_MIN_BOUNDS", 1)
    two = may_reach(prep.nodes, nk, u, v, thr, join2, workers=2)
    assert (~one).any() and (~join1).any()  # the bound rules pairs out and joins off
    assert one.tolist() == two.tolist()
    assert join1.tolist() == join2.tolist()


#: Organisation names beside the fixture's people (one weak, one-word name among them).
ORGS = ["Kazemi Trading Company", "شركة الكاظمي للتجارة", "Rafidain Bank", "مصرف الرافدين", "Zain"]


def _people_and_orgs(limit: int):  # type: ignore[no-untyped-def]
    orgs = [{"id": f"o{k}", "name": nm, "kind": "organization"} for k, nm in enumerate(ORGS)]
    return prepare(as_records([*_fixture_names(limit), *orgs]), Judgements())


def test_node_keys_in_forked_workers_equal_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import nasab.resolution.stages as stages

    prep = _people_and_orgs(300)
    one = node_keys(prep, keep_keys=False)
    monkeypatch.setattr(stages, "PARALLEL_MIN_KEYS", 1)
    two = node_keys(prep, keep_keys=False, workers=2)
    assert (one.kinds, one.rare, one.weak_orgs) == (two.kinds, two.rare, two.weak_orgs)
    assert any(one.weak_orgs) and "organization" in one.kinds
    assert [p and p.ids for p in one.prepared] == [p and p.ids for p in two.prepared]
    # The same blocks, numbered alike (in the order met), and so the same pairs.
    for a, b in zip(one.blocks[:2], two.blocks[:2], strict=True):
        assert a.tolist() == b.tolist()
    assert one.blocks[2] == two.blocks[2]
    assert key_counts(one) == key_counts(node_keys(prep))
    (u1, v1), (u2, v2) = block_pairs(one), block_pairs(two)
    assert (u1.tolist(), v1.tolist()) == (u2.tolist(), v2.tolist())


def test_prefilter_pairs_in_forked_workers_equal_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nasab.resolution.stages as stages

    prep = _people_and_orgs(600)
    nk = node_keys(prep)
    u, v = block_pairs(nk)
    one = prefilter_pairs(nk, u, v)
    monkeypatch.setattr(stages, "PARALLEL_MIN_PREFILTER", 1)
    two = prefilter_pairs(nk, u, v, workers=2)
    assert one.any() and (~one).any()  # the prefilter keeps some pairs and drops others
    assert one.tolist() == two.tolist()
    assert prefilter_pairs(nk, u[:0], v[:0], workers=2).tolist() == []


def test_block_pairs_of_hot_blocks_in_a_forked_process_equal_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nasab.resolution.stages as stages

    # 300 names share the token Mohammed: its block is hot, cut into chunks.
    names = [f"Mohammed Tok{chr(65 + i % 26)}{chr(65 + i // 26)}xq" for i in range(300)]
    nk = node_keys(_prep(names + NAMES))
    one = block_pairs(nk)
    assert len(block_pairs(nk, hot_chunk=0)[0]) < len(one[0])  # the hot block gives pairs
    forked, ran = [], []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        forked.append(args[2:4])  # (total, workers)
        return fork_map(*args, **kwargs)

    monkeypatch.setattr(stages, "fork_map", counted)
    monkeypatch.setattr(stages, "PARALLEL_MIN_HOT", 1)
    two = block_pairs(nk, workers=2, meanwhile=lambda: ran.append(os.getpid()))
    assert forked == [(2, 1)] and ran == [os.getpid()]  # one worker; meanwhile once, here
    assert (one[0].tolist(), one[1].tolist()) == (two[0].tolist(), two[1].tolist())
    # Below the size, no fork, and nothing to do beside it.
    monkeypatch.setattr(stages, "PARALLEL_MIN_HOT", 10_000)
    three = block_pairs(nk, workers=2, meanwhile=lambda: ran.append(0))
    assert forked == [(2, 1)] and ran == [os.getpid()]
    assert (one[0].tolist(), one[1].tolist()) == (three[0].tolist(), three[1].tolist())


def test_cannot_links_in_forked_workers_equal_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nasab.resolution.stages as stages

    prep = _people_and_orgs(600)
    nk = node_keys(prep)
    pairs = score_pairs(prep.nodes, nk, *block_pairs(nk))
    labels = np.zeros(len(prep.nodes), dtype=np.int64)  # one component: every pair inside
    thresholds = {"person": 0.65, "organization": 0.6}
    one = cannot_links(prep.nodes, pairs, thresholds, labels)
    assert any(why.startswith("conflicting name parts") for why in one.values())
    monkeypatch.setattr(stages, "PARALLEL_MIN_CONFLICTS", 1)
    two = cannot_links(prep.nodes, pairs, thresholds, labels, workers=2)
    assert list(one.items()) == list(two.items())  # the same links, reasons and order


def test_merge_scored_sorts_and_keeps_scores() -> None:
    a = Pairs(4, np.array([0, 2]), np.array([3, 3]), np.array([0.9, 0.8], np.float32))
    b = Pairs(4, np.array([0, 1]), np.array([1, 2]), np.array([0.1, 0.2], np.float32))
    m = merge_scored(a, b)
    assert list(m) == [(0, 1), (0, 3), (1, 2), (2, 3)]
    assert m.score.tolist() == pytest.approx([0.1, 0.9, 0.2, 0.8])
    assert m.find((1, 2)) == 2


def test_list_frequency_counts_the_token_blocks_of_person_nodes() -> None:
    prep = _prep(_fixture_names(600))
    nk = node_keys(prep)
    persons = sum(k == "person" for k in nk.kinds)
    freq = list_frequency(key_counts(nk), persons)
    assert freq is not None and freq.names == persons
    key, count = max(freq.counts.items(), key=lambda kv: kv[1])
    assert count == sum(("t:" + key) in k for k in nk.keys)
    assert list_frequency(key_counts(node_keys(_prep(_fixture_names(20)))), 20) is None


def test_list_weights_change_scores_only_through_common_tokens() -> None:
    names = _fixture_names(600)
    res = resolve(names, progress=False)
    freq = res._state.freq
    assert freq is not None
    nodes = res._state.nodes
    pairs = res._state.candidates
    plain = score_pairs(nodes, node_keys(_prep(names)), pairs.u, pairs.v).score
    # A common token weighs less as evidence and as conflict: a pair may move either way,
    # and the pairs without a common token do not move at all.
    moved = plain != pairs.score
    assert moved.any() and not moved.all()


@pytest.mark.parametrize("cut", [150, 450], ids=["small-first", "large-first"])
def test_add_gives_the_entities_of_one_run_with_list_weights(cut: int) -> None:
    names = _fixture_names(600)
    first = resolve(names[:cut], progress=False)
    twice = first.add(names[cut:])
    once = resolve(names, progress=False, previous=first)
    assert twice._state.freq == once._state.freq != first._state.freq
    # The entities of one run (ids are carried from the first run, as add documents).
    assert twice.labels == once.labels
    assert [sorted(e.members) for e in twice.entities] == [sorted(e.members) for e in once.entities]


def test_same_entities_in_any_order_with_list_weights() -> None:
    names = _fixture_names(600)
    shuffled = names[:]
    random.Random(5).shuffle(shuffled)
    a, b = resolve(names, progress=False), resolve(shuffled, progress=False)
    assert a._state.freq is not None
    at = {n: lab for n, lab in zip(names, a.labels, strict=True)}
    assert [at[n] for n in shuffled] == b.labels


def test_resolve_with_clustering_in_forked_workers_equals_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cluster_module = importlib.import_module("nasab.resolution.cluster")  # not the function
    orgs = [{"id": f"o{k}", "name": nm, "kind": "organization"} for k, nm in enumerate(ORGS)]
    records = [*_fixture_names(600), *orgs]
    monkeypatch.setenv("NASAB_WORKERS", "1")
    one = resolve(records)
    forked = []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        forked.append(args[2:4])  # (groups, workers)
        return fork_map(*args, **kwargs)

    monkeypatch.setattr(cluster_module, "fork_map", counted)
    monkeypatch.setattr(cluster_module, "PARALLEL_MIN_GROUPS", 1)
    monkeypatch.setenv("NASAB_WORKERS", "2")
    two = resolve(records)
    assert len(forked) == 1 and forked[0][1] == 2  # the groups were clustered in workers
    assert (one.labels, one.entities) == (two.labels, two.entities)
    a, b = one._state, two._state
    assert a is not None and b is not None
    assert a.clusters.merges and a.clusters.short_joins  # something to compare
    assert (a.clusters.clusters, a.clusters.merges, a.clusters.parent) == (
        b.clusters.clusters,
        b.clusters.merges,
        b.clusters.parent,
    )
    assert (a.clusters.short_alone, a.clusters.short_joins) == (
        b.clusters.short_alone,
        b.clusters.short_joins,
    )
    i, j = next(
        (i, j) for i, j in itertools.combinations(range(600), 2) if one.labels[i] == one.labels[j]
    )
    assert one.why(i, j) == two.why(i, j)
