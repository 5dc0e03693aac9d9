"""nasab.spark.resolve gives exactly nasab.resolve's entities and ids; bad input is handled."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nasab
from nasab.errors import ExtraMissingError, InputError
from nasab.resolution import JudgementConflictError, Judgements

FIXTURE = Path(__file__).parent.parent / "fixtures" / "spark" / "names.tsv"


def _names() -> list[str]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t")[0] for ln in lines if ln and not ln.startswith("#")]


@pytest.fixture(scope="module")
def resolved(spark):
    import nasab.spark

    names = _names()
    df = spark.createDataFrame(
        [(f"r{i}", n) for i, n in enumerate(names)], "rid string, name string"
    )
    out = nasab.spark.resolve(df, "name", id_col="rid")
    return names, out, {r.rid: r for r in out.collect()}


@pytest.fixture(scope="module")
def one_machine() -> nasab.Resolution:
    return nasab.resolve(_names())


def test_same_ids_as_one_machine(resolved, one_machine):
    names, _, rows = resolved
    res = one_machine
    got = [rows[f"r{i}"].entity_id for i in range(len(names))]
    assert len(set(res.labels)) < len(names) / 1.5  # the fixture has real merges
    assert got == res.labels


def test_same_canonical_names(resolved, one_machine):
    names, _, rows = resolved
    res = one_machine
    for i in range(0, len(names), 7):
        assert dict(rows[f"r{i}"].canonical) == res.entity_of(i).canonical


def test_aliases_are_the_single_machine_table(resolved, one_machine):
    import nasab.spark
    from nasab.aliases import AliasTable

    names, out, _ = resolved
    got = AliasTable.from_dataframe(nasab.spark.aliases(out, "name").toPandas())
    want = AliasTable.from_resolution(one_machine)
    assert len(got) == len(want) > len(set(names)) / 2
    assert sorted(tuple(r.to_dict().values()) for r in got) == sorted(
        tuple(r.to_dict().values()) for r in want
    )


def test_link_gives_what_link_gives(spark):
    import nasab.spark
    from nasab.aliases import AliasTable

    names = _names()
    table = AliasTable.from_resolution(nasab.resolve(names[:600]))
    queries = [*names[600:900], "Mustafa al-Kadhimi", "zzzz"]
    qdf = spark.createDataFrame([(i, q) for i, q in enumerate(queries)], "qid int, q string")
    got = {r.qid: r.links for r in nasab.spark.link(qdf, table, "q", top=3).collect()}
    want = nasab.link(queries, table, top=3)
    for i, cands in enumerate(want):
        assert [(c.entity_id, c.alias, c.score) for c in cands] == [
            (c.entity_id, c.alias, c.score) for c in got[i]
        ], queries[i]


def _judged_input() -> tuple[list[dict[str, str]], Judgements]:
    """200 fixture names and some weak ones (one word, a bare kunya) as records with ids,
    a nationality and (some) a birth year, and judgements of both kinds on names the
    default threshold merges and keeps apart."""
    names = _names()[:200]
    names += [n.split()[0] for n in names[:40:4]] + [n.split()[-1] for n in names[1:40:4]]
    names += ["Abu Ahmad", "أبو أحمد", "Omar", "Omar Farouk", "Omar Faruq", "Omar al-Hashimi"]
    records = [
        {"id": f"r{i}", "name": n, "nationality": "Iraq" if i % 3 else "Syria", "dob": dob}
        for i, n in enumerate(names)
        for dob in [str(1950 + i % 4) if i % 5 == 0 else None]
    ]
    res = nasab.resolve(names)
    merged = next(e for e in res.entities if len(set(e.names)) >= 2)
    apart = [e for e in res.entities if len(e.members) == 1][:2]
    twice = next(e.members for e in res.entities if len(e.members) >= 2 and len(set(e.names)) == 1)
    judgements = (
        Judgements()
        .not_same(merged.names[0], merged.names[1])
        .same(names[apart[0].members[0]], names[apart[1].members[0]])
        .not_same(f"r{twice[0]}", f"r{twice[1]}", by="id")
    )
    return records, judgements


# one-word organisation names: one fits one entity (joins), one fits two (joins none), one
# stands beside a lone longer name (stays apart), in both scripts
WEAK_ORGS = [
    "ZARNEFTAGAZ",
    "POLOTSK ZARNEFTAGAZ OAO",
    "POLOTSK ZARNEFTAGAZ",
    "سيبرنفطغاز",
    "بولوتسك سيبرنفطغاز المحدودة",
    "فيتبسك سيبرنفطغاز المحدودة",
    "بولوتسك سيبرنفطغاز",
    "فيتبسك سيبرنفطغاز",
    "VOLGONEFTEMASH",
    "KAZAN VOLGONEFTEMASH OAO",
    "Central Bank of Iraq",
    # weak names over the threshold with an entity kept apart from them fit it too
    "OJSC ORIONTRANS",
    "ORIONTRANS JSC",
    "ORIONTRANS MANAGEMENT COMPANY LLC",
    "ORIONTRANS MANAGEMENT COMPANY",
    "ORIONTRANS-KESTREL GROUP",
    # a weak name left alone beside the one entity it reaches joins it, unless the two
    # are a body and its subsidiary
    "KESA",
    "KESA PROPERTIES",
    "KASSA PROPERTIES",
    "Orion Shipping Ltd",
    "Orion Shipping LLC",
    "Orion Ltd",
    "OOO Orion",
]


def test_weak_org_names_as_one_machine(spark):
    import nasab.spark

    df = spark.createDataFrame(
        [(f"r{i}", n, "organization") for i, n in enumerate(WEAK_ORGS)],
        "rid string, name string, kind string",
    )
    out = nasab.spark.resolve(df, "name", id_col="rid", kind_col="kind")
    got = {r.rid: r.entity_id for r in out.collect()}
    want = nasab.resolve([{"name": n, "kind": "organization"} for n in WEAK_ORGS])
    assert [got[f"r{i}"] for i in range(len(WEAK_ORGS))] == want.labels
    assert want.labels[0] == want.labels[1] == want.labels[2]  # the weak name joined
    assert want.labels[3] not in (want.labels[4], want.labels[5])  # it fits two: none


def test_threshold_judgements_attrs_as_one_machine(spark):
    import nasab.spark

    records, judgements = _judged_input()
    df = spark.createDataFrame(
        [(r["id"], r["name"], r["nationality"], r["dob"]) for r in records],
        "rid string, name string, nationality string, dob string",
    )
    out = nasab.spark.resolve(
        df, id_col="rid", threshold=0.7, judgements=judgements, attrs=["nationality", "dob"]
    )
    got = {r.rid: r.entity_id for r in out.collect()}
    want = nasab.resolve(records, threshold=0.7, judgements=judgements)
    assert [got[r["id"]] for r in records] == want.labels
    default = nasab.resolve(records)
    assert want.labels != default.labels  # the threshold and the judgements changed entities


BODIES = [
    ("SEA STAR III", "9187629", None, None),
    ("SEASTAR III", "IMO 9187630", None, None),
    ("SEA STAR", "9187629", None, None),
    ("Havanatur", None, "A-1234", "Cuba"),
    ("Havanatur Bahamas Ltd", None, "a1234", "Bahamas"),
    ("مؤسسة الحرمين الخيرية", None, "300123", None),
    ("Al-Haramain Charitable Foundation", None, "300123", "Saudi Arabia"),
    ("Al-Haramain Foundation", None, None, "Netherlands"),
]


def test_body_facts_as_one_machine(spark):
    """Identifiers and countries of organisations weigh as in nasab.resolve."""
    import nasab.spark

    df = spark.createDataFrame(
        [(f"r{i}", n, "organization", imo, reg, j) for i, (n, imo, reg, j) in enumerate(BODIES)],
        "rid string, name string, kind string, imo string, registration_id string, "
        "jurisdiction string",
    )
    out = nasab.spark.resolve(
        df, id_col="rid", kind_col="kind", attrs=["imo", "registration_id", "jurisdiction"]
    )
    got = {r.rid: r.entity_id for r in out.collect()}
    records = [
        {"id": f"r{i}", "name": n, "kind": "organization", "imo": imo, "registration_id": reg}
        | ({"jurisdiction": j} if j else {})
        for i, (n, imo, reg, j) in enumerate(BODIES)
    ]
    want = nasab.resolve(records)
    assert [got[f"r{i}"] for i in range(len(BODIES))] == want.labels
    assert want.labels[0] != want.labels[1]  # the IMO numbers differ


@pytest.mark.parametrize(
    ("judgements", "id_col", "error", "message"),
    [
        (Judgements().same("r0", "r1", by="id"), None, InputError, "need id_col"),
        ("same", None, InputError, "must be a Judgements object"),
        (
            Judgements().same("Ali Hassan", "Ali Hasan").same("Ali Hasan", "Ali Hassan Omar")
            .not_same("Ali Hassan", "Ali Hassan Omar"),
            "rid", JudgementConflictError, "contradict each other",
        ),
    ],
    ids=["by-id-without-ids", "not-judgements", "contradictory"],
)  # fmt: skip
def test_bad_judgements_refused(spark, judgements, id_col, error, message):
    import nasab.spark

    rows = [("r0", "Ali Hassan"), ("r1", "Ali Hasan"), ("r2", "Ali Hassan Omar")]
    df = spark.createDataFrame(rows, "rid string, name string")
    with pytest.raises(error, match=message):
        nasab.spark.resolve(df, id_col=id_col, judgements=judgements)


def test_unusable_rows_kept_with_null_id(spark):
    import nasab.spark

    rows = [
        ("Ali Hassan", "person"), (None, "person"), ("", None), ("   ", "person"),
        ("علي حسن", None), ("Ali Hassan", "city"), ("Kazemi Trading", None),
    ]  # fmt: skip
    df = spark.createDataFrame(rows, "name string, kind string")
    with pytest.warns(UserWarning, match="4 rows kept .*1 kind must be one of"):
        out = nasab.spark.resolve(df, kind_col="kind").collect()
    assert len(out) == len(rows)
    ids = {(r.name, r.kind): r.entity_id for r in out}
    assert [ids[r] for r in rows[1:4]] == [None, None, None]
    assert ids[("Ali Hassan", "city")] is None
    assert ids[("Ali Hassan", "person")] == ids[("علي حسن", None)]
    assert ids[("Ali Hassan", "person")] == nasab.resolve(["Ali Hassan"]).labels[0]


def test_only_null_names(spark):
    import nasab.spark

    df = spark.createDataFrame([(None,)], "name string")
    with pytest.warns(UserWarning, match="1 rows kept"):
        out = nasab.spark.resolve(df).collect()
    assert [r.entity_id for r in out] == [None]


@pytest.mark.parametrize(
    ("schema", "kwargs", "message"),
    [
        ("name string", {"name_col": "nom"}, "column 'nom' is not in the DataFrame"),
        ("name int", {}, "column 'name' must hold strings, got int"),
        ("name string, kind int", {"kind_col": "kind"}, "column 'kind' must hold strings"),
        ("name string, entity_id string", {}, "already has column"),
        ("name string", {"id_col": "rid"}, "column 'rid' is not in the DataFrame"),
        ("name string", {"kind": "city"}, "kind must be one of"),
        ("name string", {"threshold": 1.5}, "threshold must be in"),
        ("name string", {"threshold": {"city": 0.5}}, "unknown kind 'city'"),
        ("name string", {"attrs": ["nationality"]}, "column 'nationality' is not in"),
        ("name string", {"attrs": "nationality"}, "attrs must be a list of column names"),
    ],
    ids=[
        "missing",
        "int-names",
        "int-kinds",
        "taken-output",
        "missing-id",
        "bad-kind",
        "bad-threshold",
        "threshold-kind",
        "missing-attr",
        "attrs-string",
    ],
)
def test_bad_frames_refused(spark, schema, kwargs, message):
    import nasab.spark

    df = spark.createDataFrame([], schema)
    with pytest.raises(InputError, match=message):
        nasab.spark.resolve(df, **kwargs)


def test_duplicate_ids_refused(spark):
    import nasab.spark

    df = spark.createDataFrame([("a", "Ali"), ("a", "Omar")], "rid string, name string")
    with pytest.raises(InputError, match="id 'a' is on 2 rows"):
        nasab.spark.resolve(df, id_col="rid")


def test_not_a_dataframe_refused(spark):
    import nasab.spark

    with pytest.raises(InputError, match="expected a Spark DataFrame"):
        nasab.spark.resolve(["Ali Hassan"])


def test_without_pyspark_a_clear_error(monkeypatch):
    from nasab.spark.frames import require_spark

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(ExtraMissingError, match=r"nasab\[spark\]"):
        require_spark()


# (links by the last level they reach, copies a link, copies always allowed, the
# windows from the strongest level down)
WINDOWS_OF_LEVELS = [
    ({5: 10, 4: 10, 2: 10}, 2, 0, [(4, 5), (2, 2)]),  # levels 4-5: 30 copies, 1.5 a link
    ({2: 10, 5: 10}, 2, 1000, [(2, 5)]),  # few copies: every level at once
    ({9: 10, 3: 5}, 0.5, 0, [(9, 9), (3, 3)]),  # one level at least
    ({35: 1000, 12: 1000}, 4, 0, [(35, 35), (12, 12)]),  # no level without a link
    ({0: 50, 1: 10}, 4, 0, [(1, 1)]),  # level 0 is the component itself: no cut
]


@pytest.mark.parametrize(("counts", "per_link", "least", "windows"), WINDOWS_OF_LEVELS)
def test_windows_of_cut_levels(
    counts: dict[int, int], per_link: float, least: int, windows: list[tuple[int, int]]
) -> None:
    from nasab.spark.resolve import _windows

    assert _windows(counts, per_link, least) == windows


# (copies a link, copies always allowed, windows): the default windows (None: one, as
# the copies are few), and windows of about 8 levels read downwards (the must-link's
# level alone, then three), the groups of a window carried into the next and the nodes
# placed in one saturating the groups they link to in the next
WINDOWS = [(None, None, 1), (8, 0, 4)]


@pytest.mark.parametrize(("per_link", "least", "windows"), WINDOWS)
def test_large_component_is_cut_before_the_clustering_as_on_one_machine(
    spark, monkeypatch, per_link: float | None, least: int | None, windows: int
) -> None:
    """``_bound`` cuts a component larger than the bound with joins into the pieces of
    ``bound_components`` (scores off the level grid, a must-link, a small component),
    whatever the windows of cut levels it reads them in."""
    import numpy as np
    from pyspark.sql import functions as F

    from nasab.resolution.stages import MUST_LEVEL, Pairs, bound_components, connected, pair_levels
    from nasab.spark.components import connected_components
    from nasab.spark.resolve import _bound

    spark_resolve = sys.modules["nasab.spark.resolve"]  # the module, not the function
    runs = []
    window_groups = spark_resolve._window_groups

    def watched(window, *a):  # type: ignore[no-untyped-def]
        runs.append((a[2], a[3], window.count()))  # low, high, links read
        return window_groups(window, *a)

    monkeypatch.setattr(spark_resolve, "_window_groups", watched)

    rng = np.random.default_rng(5)
    n, big, most = 58, 52, 6
    # a random tree over the first nodes and a few more links; a chain of the last six
    u = [int(rng.integers(0, k)) for k in range(1, big)] + [*range(big, n - 1)]
    v = [*range(1, big), *range(big + 1, n)]
    for _ in range(big // 4):
        a, b = sorted(rng.choice(big, 2, replace=False).tolist())
        u.append(a)
        v.append(b)
    pairs = sorted(set(zip(u, v, strict=True)))
    score = rng.uniform(0.6, 1.0, len(pairs)).astype(np.float32)
    score[[k for k, (a, _) in enumerate(pairs) if a >= big]] = 0.8  # the chain holds
    p = Pairs(n, np.asarray([a for a, _ in pairs]), np.asarray([b for _, b in pairs]), score)
    thr = np.full(n, 0.65, np.float32)
    must = [(3, 40)]
    want = bound_components(connected(n, p, thr, must), p, thr, must, max_size=most)
    keep = score >= thr[p.u]
    levels = pair_levels(score[keep], thr[p.u[keep]])
    rows = list(zip(p.u[keep].tolist(), p.v[keep].tolist(), levels.tolist(), strict=True))
    edges = spark.createDataFrame([*rows, (*must[0], MUST_LEVEL)], "u long, v long, level int")
    comps = connected_components(edges.select("u", "v"))
    sizes = {} if per_link is None else {"per_link": per_link, "least": least}
    cut_comps = _bound(comps, edges, F, max_size=most, **sizes)
    got = {r.node: r.comp for r in cut_comps.collect()}
    assert len(runs) == windows, runs
    below = itertools.pairwise(runs)
    assert all(low <= high < above for (above, _, _), (low, high, _) in below)
    inner = [k for k, x in enumerate(p.u[keep].tolist()) if x < big and levels[k] >= 2]
    assert sum(read for _, _, read in runs) == len(inner) + 1  # each link once, the must-link

    def partition(label_of):  # type: ignore[no-untyped-def]
        out: dict[int, list[int]] = {}
        for x in sorted(got):
            out.setdefault(label_of(x), []).append(x)
        return sorted(out.values())

    cut = partition(lambda x: got[x])
    assert cut == partition(lambda x: int(want[x]))
    assert max(len(g) for g in cut) <= most
    assert len(cut) > 8
    assert [*range(big, n)] in cut  # the small component is not cut


@pytest.mark.parametrize("cuts", [(), (1,), (2, 3), (4,), (1, 2, 3, 4, 5)], ids=str)
def test_entity_ids_whatever_the_batches(cuts) -> None:
    """Batches cut inside a cluster give the ids of whole clusters: each the id of the
    cluster's smallest member in node order, as nasab.resolve gives it."""
    pd = pytest.importorskip("pandas")
    from nasab.resolution.stages import Node, entity_id, node_order
    from nasab.spark.resolve import _entities_of_batches

    rows = [
        (7, 10, "person", "Mustafa al-Kazemi", "", "", 2),
        (7, 11, "person", "مصطفى الكاظمي", "", "", 1),
        (7, 12, "person", "Mustapha Kadhimi", "", "", 1),
        (9, 13, "person", "Nouri al-Maliki", "", "", 1),
        (9, 14, "person", "نوري المالكي", "", "", 3),
        (12, 15, "organization", "Central Bank of Iraq", "", "", 1),
    ]
    cols = ["cluster", "node", "kind", "name", "rid", "attrs", "n"]
    df = pd.DataFrame(rows, columns=cols)
    edges = [0, *cuts, len(df)]
    batches = [df.iloc[a:b].reset_index(drop=True) for a, b in itertools.pairwise(edges)]
    out = pd.concat(list(_entities_of_batches(iter(batches))), ignore_index=True)
    got = dict(zip(out["node"].tolist(), out["entity_id"].tolist(), strict=True))
    for cluster, group in df.groupby("cluster"):
        nodes = [Node(k, nm) for k, nm in zip(group["kind"], group["name"], strict=True)]
        first = min(nodes, key=node_order)
        want = entity_id(first.kind, first)
        assert {got[x] for x in group["node"]} == {want}, cluster
    assert sorted(got) == df["node"].tolist()


def _block_rows(members: dict[str, list[int]]):
    """Member rows of blocks as the scoring stage reads them: sorted by (block, node),
    each with the ids of all its node's blocks."""
    pd = pytest.importorskip("pandas")
    of_node: dict[int, list[str]] = {}
    for b, nodes in members.items():
        for x in nodes:
            of_node.setdefault(x, []).append(b)
    rows = [(b, x, sorted(of_node[x])) for b in sorted(members) for x in sorted(set(members[b]))]
    return pd.DataFrame(rows, columns=["block", "node", "blocks"])


def _pairs_of_runs(df, cuts) -> list[tuple[int, int]]:
    from nasab.spark.resolve import _canonical_pairs, _whole_runs

    edges = [0, *sorted(c for c in set(cuts) if 0 < c < len(df)), len(df)]
    batches = [df.iloc[a:b].reset_index(drop=True) for a, b in itertools.pairwise(edges)]
    got = []
    for rows in _whole_runs(iter(batches), "block"):
        i, j = _canonical_pairs(rows["block"].tolist(), rows["blocks"].tolist())
        node = rows["node"].to_numpy()
        got.extend(zip(node[i].tolist(), node[j].tolist(), strict=True))
    return got


@pytest.mark.parametrize(
    ("members", "want"),
    [
        ({"a": [1, 2], "b": [1, 2, 3]}, [(1, 2), (1, 3), (2, 3)]),
        ({"a": [5], "b": [5, 6], "c": [5, 6, 7]}, [(5, 6), (5, 7), (6, 7)]),
        ({"x": [1, 2, 3], "y": [1, 2, 3]}, [(1, 2), (1, 3), (2, 3)]),
        ({"k": [4, 9]}, [(4, 9)]),
        ({"k": [4]}, []),
    ],
    ids=str,
)
@pytest.mark.parametrize("cuts", [(), (1,), (2, 3), (1, 2, 3, 4, 5)], ids=str)
def test_each_candidate_pair_scored_in_one_block(members, want, cuts) -> None:
    """A pair held by several blocks comes out of the first block only, however the
    member rows are cut into batches."""
    got = _pairs_of_runs(_block_rows(members), cuts)
    assert sorted(got) == want


def test_block_pairs_once_on_real_names() -> None:
    """On the fixture's names, the pairs of the blocks (keys of 2 to MAX_BLOCK names),
    each from its first block, are exactly the candidate pairs of nasab.resolve's
    block_pairs without hot blocks (``hot_chunk=0``), each once."""
    from nasab.resolution import Judgements, as_records
    from nasab.resolution.stages import MAX_BLOCK, block_pairs, node_keys, prepare

    prep = prepare(as_records(_names()), Judgements())
    nk = node_keys(prep)
    blocks: dict[str, list[int]] = {}
    for x, (kind, keys) in enumerate(zip(nk.kinds, nk.keys, strict=True)):
        for key in keys:
            blocks.setdefault(f"k\x1f{kind}\x1f{key}", []).append(x)
    members = {b: xs for b, xs in blocks.items() if 2 <= len(xs) <= MAX_BLOCK}
    u, v = block_pairs(nk, hot_chunk=0)
    want = list(zip(u.tolist(), v.tolist(), strict=True))
    assert len(want) > 100
    got = _pairs_of_runs(_block_rows(members), range(0, 100_000, 977))
    assert len(got) == len(set(got))
    assert sorted(got) == want


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.text("abcdé\x1f", min_size=1, max_size=3),
        st.lists(st.integers(0, 11), min_size=1, max_size=8, unique=True),
        max_size=6,
    ),
    st.lists(st.integers(0, 40), max_size=5),
)
def test_blocks_give_every_shared_pair_once(members, cuts) -> None:
    """Whatever the blocks and the batches: every pair of nodes that share a block, once."""
    want = sorted({(a, b) for xs in members.values() for a in xs for b in xs if a < b})
    got = _pairs_of_runs(_block_rows(members), cuts)
    assert sorted(got) == want


def _canonical_by_blocks(block, lists):
    """The former ``_canonical_pairs`` (stop 23), block by block with a boolean mask per
    shared earlier block: the reference the vectorised pass must equal, order included."""
    out_i, out_j = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    n, start = len(block), 0
    while start < n:
        end = start + 1
        while end < n and block[end] == block[start]:
            end += 1
        size = end - start
        if size >= 2:
            iu, ju = np.triu_indices(size, 1)
            shared: dict[str, list[int]] = {}
            for k in range(size):
                for other in lists[start + k]:
                    if other < block[start]:
                        shared.setdefault(other, []).append(k)
            seen = np.zeros((size, size), dtype=bool)
            for ks in shared.values():
                at = np.asarray(ks)
                seen[np.ix_(at, at)] = True
            keep = ~seen[iu, ju]
            out_i.append(iu[keep] + start)
            out_j.append(ju[keep] + start)
        start = end
    return np.concatenate(out_i), np.concatenate(out_j)


@pytest.mark.parametrize(
    "members",
    [
        # x, y, z in three blocks; the pair (1, 2) is in all three, (1, 3) in two
        {"a": [1, 2, 3], "b": [1, 2], "c": [1, 2, 3, 4]},
        # Arabic and Latin block ids: the order is the ids' string order
        {"k\x1fperson\x1fمحمد": [1, 2, 5], "k\x1fperson\x1fmohamed": [1, 2, 5], "n": [2, 5]},
        # a node in one block only, and a block of one
        {"p": [7], "q": [7, 8], "r": [9, 10]},
    ],
    ids=["nested", "scripts", "singles"],
)
def test_canonical_pairs_equal_the_blockwise_masks(members) -> None:
    """The vectorised canonical pairs are the former block-by-block ones, in the same
    order, for Python lists and for the numpy arrays a Spark batch holds."""
    from nasab.spark.resolve import _canonical_pairs

    rows = _block_rows(members)
    block, lists = rows["block"].tolist(), rows["blocks"].tolist()
    want = _canonical_by_blocks(block, lists)
    for as_given in (lists, [np.asarray(x, dtype=object) for x in lists]):
        got = _canonical_pairs(block, as_given)
        assert [g.tolist() for g in got] == [w.tolist() for w in want]


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.text("abé\x1fم", min_size=1, max_size=3),
        st.lists(st.integers(0, 9), min_size=1, max_size=9, unique=True),
        max_size=8,
    )
)
def test_canonical_pairs_equal_the_blockwise_masks_always(members) -> None:
    """Whatever the blocks (nodes repeated across many of them): the same pairs, in the
    same order, as the former block-by-block masks."""
    from nasab.spark.resolve import _canonical_pairs

    rows = _block_rows(members)
    block, lists = rows["block"].tolist(), rows["blocks"].tolist()
    got, want = _canonical_pairs(block, lists), _canonical_by_blocks(block, lists)
    assert [g.tolist() for g in got] == [w.tolist() for w in want]


@pytest.mark.parametrize(
    "names",
    [
        [("person", "Tahsin al-Zubaidi"), ("person", "تحسين الزبيدي"), ("person", "Omar")],
        [("person", "أبو بكر البغدادي"), ("person", "Abu Bakr al-Baghdadi"), ("person", "عمر")],
        [("organization", "STEKLOVOLOKNO"), ("organization", "POLOTSK STEKLOVOLOKNO OAO")],
        [("organization", "مصرف الرافدين"), ("person", "Hamid Reza Hosseini")],
    ],
    ids=["latin-arabic-weak", "kunya", "orgs", "mixed-kinds"],
)
def test_scoring_keys_are_node_keys_less_the_blocking_keys(names) -> None:
    """What the scoring reads of a batch's keys (prepared names, rare keys, weak
    organisations, kinds) is node_keys' own; only the blocking keys are left empty."""
    from nasab.resolution.stages import Node, Prepared, node_keys, weak_mask
    from nasab.spark.resolve import _scoring_keys

    nodes = [Node(k, nm) for k, nm in names]
    want = node_keys(Prepared(nodes, []))
    got = _scoring_keys(nodes, want.rare, None)
    assert got.kinds == want.kinds and got.rare == want.rare
    assert got.weak_orgs == want.weak_orgs
    assert weak_mask(got).tolist() == weak_mask(want).tolist()
    assert [p and (p.name, p.ids, p.kunya_ids) for p in got.prepared] == [
        p and (p.name, p.ids, p.kunya_ids) for p in want.prepared
    ]
    assert got.keys == [frozenset()] * len(nodes)


def test_scoring_worker_gives_the_one_machine_stages() -> None:
    """The scoring worker on the fixture's key blocks (batches cut anywhere) gives, for
    every candidate pair once, the prefilter, the bound, the adjusted score and the
    mixed flag that the one-machine stages give on the whole list's node keys."""
    pd = pytest.importorskip("pandas")
    from nasab.match.prepared import prepared_text
    from nasab.resolution import Judgements, as_records
    from nasab.resolution.core import thresholds_of
    from nasab.resolution.stages import (
        MAX_BLOCK,
        Pairs,
        block_pairs,
        key_counts,
        list_frequency,
        may_reach,
        node_keys,
        prefilter_pairs,
        prepare,
        weak_fits,
    )
    from nasab.spark.resolve import _adjusted, _score_blocks

    prep = prepare(as_records(_names()), Judgements())
    nk = node_keys(prep)
    freq = list_frequency(key_counts(nk), sum(k == "person" for k in nk.kinds))
    blocks: dict[str, list[int]] = {}
    for x, (kind, keys) in enumerate(zip(nk.kinds, nk.keys, strict=True)):
        for key in keys:
            blocks.setdefault(f"k\x1f{kind}\x1f{key}", []).append(x)
    rows = _block_rows({b: xs for b, xs in blocks.items() if 2 <= len(xs) <= MAX_BLOCK})
    nodes = prep.nodes
    rows["kind"] = [nodes[x].kind for x in rows["node"]]
    rows["name"] = [nodes[x].name for x in rows["node"]]
    rows["rare"] = [nk.rare[x] for x in rows["node"]]
    rows["attrs"] = ""
    # each person's prepared form, as the node_keys stage ships it (one row in ten
    # without: prepared in the worker)
    rows["prep"] = [
        "" if k % 10 == 0 or nk.prepared[x] is None else prepared_text(nk.prepared[x])
        for k, x in enumerate(rows["node"])
    ]
    cuts = [*range(0, len(rows), 977), len(rows)]
    batches = [rows.iloc[a:b].reset_index(drop=True) for a, b in itertools.pairwise(cuts)]
    thresholds = {k: float(np.float32(t)) for k, t in thresholds_of(None).items()}
    got = pd.concat(list(_score_blocks(thresholds, freq, iter(batches))), ignore_index=True)
    got = got.sort_values(["u", "v"], ignore_index=True)

    u, v = block_pairs(nk, hot_chunk=0)
    keep = prefilter_pairs(nk, u, v)
    u, v = u[keep], v[keep]
    assert len(u) > 100
    nkf = nk.with_frequency(freq)
    thr = np.asarray([thresholds[k] for k in nk.kinds], dtype=np.float32)
    first = may_reach(nodes, nkf, u, v, thr)
    assert 0 < first.sum() < len(u)
    score = np.zeros(len(u), dtype=np.float32)
    score[first] = _adjusted(nodes, nkf, u[first], v[first])
    fitted, mixed = weak_fits(nodes, nkf, Pairs(len(nodes), u, v, score), thr)
    assert got["u"].tolist() == u.tolist() and got["v"].tolist() == v.tolist()
    assert got["scored"].tolist() == first.tolist()
    assert got["score"].tolist() == fitted.score.tolist()
    assert got["mixed"].tolist() == mixed.tolist()
